"""Review every item through every stack's Gate, in this process or in chunks by an executor
(local worker processes or a Ray cluster, see ``forethought.evals.executors``).

Reviews run from an empty scratch directory, so that what a command would touch does not depend
on where the bench was started (from a checkout of forethought, ``rm -rf *`` would really
delete forethought's own source, and self-protection would rightly block it).

Results do not depend on the executor or the number of workers: each item is reviewed on its own
by the same Gate configuration, and results are put back in input order.
"""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from forethought.decision import Decision
from forethought.evals import nogc
from forethought.evals.datasets import Item
from forethought.evals.stacks import Stack, StackOptions, build_gate
from forethought.gate import Gate
from forethought.ledger import Ledger
from forethought.policy import Policy
from forethought.proposal import Proposal

if TYPE_CHECKING:  # imported where used: one process reviewing needs neither
    from forethought.evals.executors import Executor

CHUNK = 100
# Items each Gate reviews in one call (one hand-off to its review thread, one ledger transaction)
# where items are reviewed one after another: a hand-off per item cost a quarter of the time.
BATCH = 100
MAX_TEXT = 240  # characters kept of an evidence string or rationale in the per-item results


@dataclass(frozen=True, slots=True)
class RunConfig:
    policy: Policy
    stacks: tuple[Stack, ...]
    options: StackOptions = field(default_factory=StackOptions)
    ledger_path: str | None = None
    run_id: str = "eval"
    # Items under review at once in each process (threads): what keeps a model server busy.
    concurrency: int = 1


class Reviewing:
    """The Gates of every stack, opened once per process."""

    def __init__(self, config: RunConfig) -> None:
        self.config = config
        self.ledger = Ledger.open(config.ledger_path) if config.ledger_path else None
        self.gates: list[Gate] = []
        try:
            for stack in config.stacks:
                self.gates.append(build_gate(stack, config.policy, config.options, self.ledger))
        except BaseException:
            self.close()
            raise

    def review(self, proposal: Proposal) -> list[dict[str, Any]]:
        """One outcome per stack for this proposal."""
        outcomes = []
        for stack, gate in zip(self.config.stacks, self.gates, strict=True):
            start = time.perf_counter()
            # one run per stack in the ledger, but the items are not a session: each is
            # reviewed with its own steps only, never with the items recorded before it
            decision = gate.review(
                proposal, run_id=f"{self.config.run_id}:{stack.name}", history=False
            )
            outcomes.append(outcome(decision, (time.perf_counter() - start) * 1000))
        return outcomes

    def review_batch(self, proposals: Sequence[Proposal]) -> list[list[dict[str, Any]]]:
        """One outcome per stack for each proposal, each stack's Gate reviewing them all in one
        call. An item's ``elapsed_ms`` is its reviewers' own time plus an equal share of what
        the call took beyond all the reviewers' time (the decisions, the hand-offs, the ledger):
        the Gate's time for the item, as ``review`` measures it one item at a time."""
        found: list[list[dict[str, Any]]] = [[] for _ in proposals]
        if not proposals:
            return found
        for stack, gate in zip(self.config.stacks, self.gates, strict=True):
            start = time.perf_counter()
            decisions = gate.review_many(
                proposals, run_id=f"{self.config.run_id}:{stack.name}", history=False
            )
            total_ms = (time.perf_counter() - start) * 1000
            own = [sum(r.elapsed_ms for r in d.reviews) for d in decisions]
            share = max(total_ms - sum(own), 0.0) / len(proposals)
            for outcomes, decision, mine in zip(found, decisions, own, strict=True):
                outcomes.append(outcome(decision, mine + share))
        return found

    def review_all(
        self,
        proposals: Sequence[Proposal],
        done: Callable[[list[dict[str, Any]]], None] | None = None,
    ) -> list[list[dict[str, Any]]]:
        """Every proposal's outcomes, in input order, with at most ``config.concurrency`` under
        review at once; ``done`` is called with each item's outcomes as it finishes."""
        if self.config.concurrency <= 1 or len(proposals) <= 1:
            results: list[list[dict[str, Any]]] = []
            for start in range(0, len(proposals), BATCH):
                for outcomes in self.review_batch(proposals[start : start + BATCH]):
                    results.append(outcomes)
                    if done is not None:
                        done(outcomes)
            return results
        from concurrent.futures import ThreadPoolExecutor, as_completed

        workers = min(self.config.concurrency, len(proposals))
        found: list[list[dict[str, Any]] | None] = [None] * len(proposals)
        with ThreadPoolExecutor(workers, thread_name_prefix="forethought-eval") as pool:
            futures = {pool.submit(self.review, p): i for i, p in enumerate(proposals)}
            try:
                for future in as_completed(futures):
                    found[futures[future]] = outcomes = future.result()
                    if done is not None:
                        done(outcomes)
            except BaseException:
                for future in futures:
                    future.cancel()
                raise
        assert all(outcomes is not None for outcomes in found)  # each raised or was found
        return [outcomes for outcomes in found if outcomes is not None]

    def close(self) -> None:
        for gate in self.gates:
            gate.close()
        if self.ledger is not None:
            self.ledger.close()


def outcome(decision: Decision, elapsed_ms: float) -> dict[str, Any]:
    """What the bench keeps of one Decision."""
    failed = decision.failed_reviews
    unscored = None
    if failed:
        unscored = "review failed: " + "; ".join(f"{r.reviewer}: {r.error}" for r in failed)
    elif decision.risk is None or decision.term == "unreviewed":
        unscored = "no reviewer in the stack could judge this action"
    return {
        "risk": decision.risk,
        "scored": unscored is None,
        "unscored": unscored,
        "decision": decision.verdict,
        "term": decision.term,
        "reason": decision.reason,
        "elapsed_ms": round(elapsed_ms, 3),
        "tokens_in": sum(r.tokens_in for r in decision.reviews),
        "tokens_out": sum(r.tokens_out for r in decision.reviews),
        # The alignment tax per reviewer; "asked": False where the cascade did not ask the model.
        "per_reviewer": {
            r.reviewer: {
                "elapsed_ms": round(r.elapsed_ms, 3),
                "tokens_in": r.tokens_in,
                "tokens_out": r.tokens_out,
                "asked": r.details.get("cascade") != "skipped",
            }
            for r in decision.reviews
        },
        "predictions": [
            {
                "reviewer": r.reviewer,
                "valence": p.valence,
                "probability": p.probability,
                "severity": p.severity,
                "reversible": p.reversible,
                "outcome": p.outcome,
                "evidence": _clip(p.evidence),
            }
            for r in decision.reviews
            for p in r.predictions
        ],
        "rationales": {r.reviewer: _clip(r.rationale) for r in decision.reviews},
        # The class of the heaviest predicted harm ("none": no harm predicted): the report's
        # per-effect-class table says what the gate understood and what it missed.
        "effect": _effect_class(decision),
    }


def _effect_class(decision: Decision) -> str:
    harms = [p for r in decision.reviews for p in r.predictions if p.valence == "harm"]
    if not harms:
        return "none"
    weigh = _WEIGHTS.harm_of  # the default weights: the class, not the stack's verdict
    return max(harms, key=lambda p: weigh([p])).category or "uncategorised"


_WEIGHTS = Policy()


def _clip(text: str) -> str:
    return text if len(text) <= MAX_TEXT else text[: MAX_TEXT - 3] + "..."


@contextmanager
def inside(directory: str) -> Iterator[None]:
    previous = Path.cwd()
    os.chdir(directory)
    try:
        yield
    finally:
        os.chdir(previous)


def run(
    items: Sequence[Item],
    config: RunConfig,
    *,
    workers: int = 1,
    executor: Executor | None = None,
    progress: Callable[[int], None] | None = None,
    spent: Callable[[int], None] | None = None,
) -> tuple[list[str], list[list[dict[str, Any]]]]:
    """Per item (in input order): its action in one line (``describe``), and one outcome per
    stack (in the stacks' order).

    ``progress`` is told how many items finished, ``spent`` how many model tokens they took.

    With neither ``executor`` nor more than one worker, items are reviewed in this process;
    otherwise in chunks by ``executor`` (default: ``workers`` local processes), which make the
    items' proposals from their lines. A row that is no proposal raises its DatasetError.

    A stack that cannot start (a reviewer failing its canaries, an unwritable ledger) fails
    with its own error before any item is reviewed: the Gates are built here first, before any
    worker is started, except where the executor's workers check that themselves
    (``checks_stacks``: local workers, which raise that error for each chunk they are given)
    and nothing is recorded (no ledger), so that building them here does not delay the
    workers' start.
    """
    if executor is None and workers > 1:
        from forethought.evals.executors import ProcessPool

        executor = ProcessPool(workers)
    with tempfile.TemporaryDirectory(prefix="forethought-eval-") as scratch:
        if executor is not None and executor.checks_stacks and config.ledger_path is None:
            return _run_chunks(items, config, executor, Path(scratch), progress, spent)
        with inside(scratch):
            reviewing = Reviewing(config)
            try:
                if executor is None:

                    def done(outcomes: list[dict[str, Any]]) -> None:
                        _report([outcomes], progress, spent)

                    with nogc.fewer():
                        proposals = [item.proposal for item in items]
                        outcomes = reviewing.review_all(proposals, done)
                    return [describe(p) for p in proposals], outcomes
            finally:
                reviewing.close()
        return _run_chunks(items, config, executor, Path(scratch), progress, spent)


def _report(
    outcomes: list[list[dict[str, Any]]],
    progress: Callable[[int], None] | None,
    spent: Callable[[int], None] | None,
) -> None:
    if progress is not None:
        progress(len(outcomes))
    if spent is not None:
        spent(sum(o["tokens_in"] + o["tokens_out"] for per_item in outcomes for o in per_item))


def _run_chunks(
    items: Sequence[Item],
    config: RunConfig,
    executor: Executor,
    scratch: Path,
    progress: Callable[[int], None] | None,
    spent: Callable[[int], None] | None = None,
) -> tuple[list[str], list[list[dict[str, Any]]]]:
    results: list[list[dict[str, Any]]] = [[] for _ in items]
    actions: list[str] = ["" for _ in items]
    size = max(CHUNK, config.concurrency)  # a chunk keeps a worker's N reviews in flight
    chunks: list[tuple[int, list[Proposal | tuple[bytes, str]]]] = [
        (start, [_sent(i) for i in items[start : start + size]])
        for start in range(0, len(items), size)
    ]
    with nogc.fewer():  # the outcomes coming back make many objects and no cycles
        for start, described, chunk in executor.review(config, scratch, chunks):
            results[start : start + len(chunk)] = chunk
            actions[start : start + len(chunk)] = described
            _report(chunk, progress, spent)
    return actions, results


def _sent(item: Item) -> Proposal | tuple[bytes, str]:
    """What a worker is sent of an item: its line and where it is from, else its proposal."""
    if item.made or not item.line:
        return item.proposal
    return item.line, item.where


_MAIN_ARGS = ("command", "code", "url", "path", "title")


def describe(proposal: Proposal, limit: int = 300) -> str:
    """The action in one line: its tool and its main argument."""
    args = proposal.action.args
    main = ""
    for key in _MAIN_ARGS:
        value = args.get(key)
        if value:
            main = str(value)
            break
    text = f"{proposal.action.tool}: {main}".replace("\n", "\\n")
    return text if len(text) <= limit else text[: limit - 3] + "..."
