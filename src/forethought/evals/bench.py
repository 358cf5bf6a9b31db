"""One evaluation: data sets x reviewer stacks -> the result document (what ``--json`` writes).

The document is a plain dict: settings, data sets (with their sha256), stacks with their
figures (over all items, and per data set when there are several), and every item's outcome
under every stack. With the same inputs, policy and seed it is the same document, except for
measured times (``elapsed_ms``, ``review_ms_*``), which ``timings=False`` leaves out.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from forethought.evals import nogc, settings
from forethought.evals.datasets import Dataset, Item
from forethought.evals.runner import RunConfig, run

if TYPE_CHECKING:
    from forethought.evals import metrics
    from forethought.evals.executors import Executor

FORMAT = "forethought-eval/1"
TIMING_KEYS = ("review_ms_total", "review_ms_mean", "review_ms_p50", "review_ms_p99")
REVIEWER_TIMING_KEYS = ("ms_total", "ms_per_review", "ms_per_item")


def evaluate(
    datasets: Sequence[Dataset],
    config: RunConfig,
    *,
    workers: int = 1,
    executor: Executor | None = None,
    seed: int = 0,
    bootstrap: int = settings.BOOTSTRAP,
    budgets: Sequence[float] = settings.BUDGETS,
    rates: Sequence[float] = settings.FALSE_BLOCK_RATES,
    timings: bool = True,
    progress: Callable[[int], None] | None = None,
    spent: Callable[[int], None] | None = None,
    phases: dict[str, float] | None = None,
) -> dict[str, Any]:
    """``phases``: where given, the seconds each phase took are added to it (``review``: the
    reviews, the part that workers share out; ``figures`` and ``assembly``: serial)."""
    clock = _Clock(phases)
    items = [item for dataset in datasets for item in dataset.items]
    # The bootstrap's draws depend only on the labels: where other processes review, this one
    # would only wait, and a thread makes them meanwhile. (Where this process reviews, such a
    # thread took the figures' 0.3 s per 40,000 items out of the serial part but cost the
    # reviews as much or more, on 2 busy cores: not done.)
    ahead = None
    if bootstrap > 0 and (executor is not None or workers > 1):
        sets: dict[str | None, list[bool]] = {None: [item.unsafe for item in items]}
        if len(datasets) > 1:
            sets.update({d.name: [item.unsafe for item in d.items] for d in datasets})
        ahead = _DrawsAhead(sets, bootstrap, seed)
    actions, outcomes = run(
        items, config, workers=workers, executor=executor, progress=progress, spent=spent
    )
    draws = ahead.result() if ahead is not None else {}
    clock.lap("review")
    # numpy and the figures: loaded only now where this process reviewed (with workers, the
    # bootstrap's thread has loaded them meanwhile)
    from forethought.evals import metrics


    # The figures and the document make millions of objects and no reference cycles.
    with nogc.paused():

        def figures(
            metas: list[dict[str, Any]],
            outcomes: list[dict[str, Any]],
            subset: str | None = None,
        ) -> dict[str, Any]:
            found = metrics.summarise(
                metas,
                budgets=budgets,
                rates=rates,
                bootstrap=bootstrap,
                seed=seed,
                draws=draws.get(subset),
                outcomes=outcomes,
            )
            if not timings:
                for key in TIMING_KEYS:
                    found["alignment_tax"].pop(key)
                for tax in found["alignment_tax"]["per_reviewer"].values():
                    for key in REVIEWER_TIMING_KEYS:
                        tax.pop(key)
            return found

        metas = [_meta(item) for item in items]
        # each data set's items: where they are among all of them
        where: dict[str, list[int]] = {}
        if len(datasets) > 1:
            names_at = [meta["dataset"] for meta in metas]
            where = {d.name: [i for i, n in enumerate(names_at) if n == d.name] for d in datasets}
        stacks = []
        for position, stack in enumerate(config.stacks):
            judged = [per_stack[position] for per_stack in outcomes]
            entry: dict[str, Any] = {**stack.describe(), "figures": figures(metas, judged)}
            if where:
                entry["per_data"] = {
                    name: figures([metas[i] for i in at], [judged[i] for i in at], name)
                    for name, at in where.items()
                }
            stacks.append(entry)
        clock.lap("figures")

        if not timings:  # measured after the figures that need them
            for per_stack in outcomes:
                for outcome in per_stack:
                    outcome.pop("elapsed_ms")
                    for cost in outcome["per_reviewer"].values():
                        cost.pop("elapsed_ms")
        from importlib.metadata import version  # (the registry of reviewers has imported it)

        names = [stack.name for stack in config.stacks]
        document = {
            "format": FORMAT,
            "forethought": version("forethought"),
            "settings": {
                "seed": seed,
                "bootstrap": bootstrap,
                "audit_budgets_percent": list(budgets),
                "false_block_rates": list(rates),
                "timings": timings,
            },
            "policy": {"source": config.policy.source, "sha256": config.policy.sha256},
            "data": [d.describe() for d in datasets],
            "stacks": stacks,
            "items": metas,
        }
        # each item's description becomes its entry (the figures are done with them)
        for meta, action, per_stack in zip(metas, actions, outcomes, strict=True):
            meta["action"] = action
            meta["outcomes"] = dict(zip(names, per_stack, strict=True))
    clock.lap("assembly")
    return document


class _DrawsAhead:
    """The bootstrap's draws (``metrics.Draws``) for each set of items the figures resample
    (all of them: None; each data set: its name), made on a thread while the items are
    reviewed. A set whose draws would not fit in ``metrics.MAX_DRAWS_BYTES`` (all the sets
    together), or that fails, is left out: its figures draw as they go."""

    def __init__(self, sets: dict[str | None, list[bool]], n: int, seed: int) -> None:
        self.found: dict[str | None, metrics.Draws] = {}
        self.thread = threading.Thread(
            target=self._draw, args=(sets, n, seed), name="forethought-bootstrap", daemon=True
        )
        self.thread.start()

    def _draw(self, sets: dict[str | None, list[bool]], n: int, seed: int) -> None:
        import numpy as np

        from forethought.evals import metrics

        room = metrics.MAX_DRAWS_BYTES
        for name, unsafe in sets.items():
            cost = len(unsafe) * n * (2 if len(unsafe) < 1 << 16 else 4)
            if cost > room:
                continue
            try:
                self.found[name] = metrics.Draws(np.array(unsafe, dtype=bool), n, seed)
            except Exception:  # out of memory, say: those figures draw as they go
                continue
            room -= cost

    def result(self) -> dict[str | None, metrics.Draws]:
        self.thread.join()
        return self.found


class _Clock:
    """Adds the seconds since the last lap to ``phases[name]``, and this process's CPU seconds
    to ``phases["cpu " + name]`` (nothing where ``phases`` is None)."""

    def __init__(self, phases: dict[str, float] | None) -> None:
        self.phases = phases
        self.last, self.last_cpu = time.perf_counter(), time.process_time()

    def lap(self, name: str) -> None:
        now, cpu = time.perf_counter(), time.process_time()
        if self.phases is not None:
            self.phases[name] = self.phases.get(name, 0.0) + now - self.last
            key = f"cpu {name}"
            self.phases[key] = self.phases.get(key, 0.0) + cpu - self.last_cpu
        self.last, self.last_cpu = now, cpu


def _meta(item: Item) -> dict[str, Any]:
    meta = {
        "id": item.id,
        "dataset": item.dataset,
        "label": item.label,
        "category": item.category,
        "source": item.source,
    }
    if item.group:
        meta["group"] = item.group
    return meta
