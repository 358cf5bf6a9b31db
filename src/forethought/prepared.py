"""Gates the warm review server keeps between hook calls, and when one may be reused.

Only the review server turns this on (``enable``). It builds each Gate a hook call needs once,
in the server process itself, with the caller's environment and working directory, and its
forked handlers review with it: the policy is still read and checked on every call, and the
ledger opened and written, but the reviewers are not rebuilt and their canaries not run again
while nothing they were built from has changed. That is the key of a prepared Gate:

- the policy in force, by where it came from and the SHA-256 of its bytes (and the file is read
  again on every call, so an edit is in force at the next one);
- the ledger's path, the working directory and the whole environment (the reviewers read
  ``$HOME``, ``$PATH``, the XDG directories ...);
- where each path forethought protects resolves to now (a symbolic link moved is a change);
- the code: the server exits as soon as any of forethought's files changes.

Only Gates made of the built-in static reviewers are kept: they hold no threads, connections or
native state that a fork could not share (a model or learned reviewer is built anew each call).
"""

from __future__ import annotations

import functools
import gc
import os
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Sequence

    from forethought.policy import Policy
    from forethought.review.base import Reviewer

# Gates kept at once (one per policy, ledger and environment in use).
MAX_GATES = 8
# Memoised functions whose results depend only on their arguments and forethought's own files:
# kept when a Gate is built. Every other cache is emptied after a build, so that nothing learnt
# under one caller's environment ($HOME ...) is reused under another's.
PURE_CACHES = frozenset(
    {
        "forethought.review.model_review._read",
        "forethought.review.packages._known",
        "forethought.review.packages.popular",
        "forethought.review.packages.squats",
        "forethought.review.paths.normalise._normalise",
        "forethought.review.python.effects._resource_of_path",
        "forethought.review.python.effects._security_services",
        "forethought.review.self_protection._glob_reaches",
        "forethought.review.shell.catalogue.catalogue",
        "forethought.review.shell.interpreters.language_of",
        "forethought.review.shell.parse.analyze",
        "forethought.review.shell.rules.common._all_dashed",
        "forethought.review.shell.uncertainty._known",
        "forethought.review.scope._admin_command",
        "forethought.review.scope._asked_operations",
        "forethought.review.task_limits.asks_change",
        "forethought.review.task_limits.change_words",
        "forethought.review.task_limits.data",
        "forethought.review.task_limits.limit_of",
    }
)
# The reviewers a policy may enable for its Gate to be kept (their modules below).
STATIC = ("shell", "file", "python", "http", "text", "task_limits", "self_protection")
_BUILTIN_REVIEWERS = (
    "forethought.review.files",
    "forethought.review.http",
    "forethought.review.python.reviewer",
    "forethought.review.self_protection",
    "forethought.review.shell.reviewer",
    "forethought.review.task_limits",
    "forethought.review.text",
)

_enabled = False
_server_pid: int | None = None
_generation = 0  # Gates built so far
_gates: OrderedDict[tuple[Any, ...], Prepared] = OrderedDict()
# (part, perf_counter) marks of the call in hand, for benchmarks/bench_hook.py.
_marks: list[tuple[str, float]] = []


@dataclass
class Prepared:
    policy: Policy
    reviewers: tuple[Reviewer, ...]
    canaries: dict[str, Any] | None
    policy_source: str
    policy_sha256: str
    built: float = field(default_factory=time.time)
    build_ms: float = 0.0


def enable(server_pid: int) -> None:
    global _enabled, _server_pid
    _enabled, _server_pid = True, server_pid


def enabled() -> bool:
    return _enabled


def mark(part: str) -> None:
    """Note that ``part`` of the call in hand has just ended (only in the server)."""
    if _enabled:
        _marks.append((part, time.perf_counter()))


def take_marks() -> list[tuple[str, float]]:
    marks = list(_marks)
    _marks.clear()
    return marks


def ledger_location(path: str | Path | None) -> Path | None:
    """The file ``Ledger.open(path)`` opens; None for a database URL (no Gate is kept for one:
    its handlers build their own)."""
    from forethought.ledger.config import default_ledger, ledger_file

    return ledger_file(path if path is not None else default_ledger())


def _key(policy: Policy, ledger_path: Path) -> tuple[Any, ...]:
    from forethought.review.registry import protected_paths
    from forethought.review.self_protection import builtin_protected

    paths = [*protected_paths(policy, ledger_path), *builtin_protected()]
    return (
        policy.source,
        policy.sha256,
        policy.locked,
        str(ledger_path),
        os.getcwd(),
        tuple(sorted(os.environb.items())),
        tuple(os.path.realpath(os.path.expanduser(p)) for p in paths),
    )


def lookup(policy: Policy, ledger_path: Path) -> tuple[Prepared, dict[str, Any]] | None:
    """The Gate prepared for this call's inputs, with the start record's note, or None."""
    if not _enabled:
        return None
    prepared = _gates.get(_key(policy, ledger_path))
    if prepared is None:
        return None
    note = {
        "canaries": prepared.canaries,
        "server": {
            "pid": _server_pid,
            "reused": True,
            "canaries_passed_at": round(prepared.built, 3),
        },
    }
    return prepared, note


def reusable(reviewers: Sequence[Reviewer]) -> bool:
    """Whether a Gate of these reviewers may be kept and shared by forked handlers."""
    return all(type(r).__module__ in _BUILTIN_REVIEWERS for r in reviewers)


def prepare(policy_path: Path | None, ledger_path: str | Path | None) -> Prepared | None:
    """In the server, with the caller's environment and working directory: the Gate this call
    needs, built (reviewers, canaries) unless one is kept for the same inputs. None where the
    policy or the reviewers cannot be built or may not be kept: the handler then does what an
    ordinary start does, error messages included."""
    from forethought.gate import Gate
    from forethought.policy import load_policy
    from forethought.review.registry import build_reviewers

    policy = load_policy(policy_path)
    where = ledger_location(ledger_path)
    if where is None:
        return None
    key = _key(policy, where)
    if key in _gates:
        _gates.move_to_end(key)
        return _gates[key]
    if not set(policy.reviewers.enabled) <= set(STATIC):
        return None  # a model, learned or installed reviewer: built by each handler itself
    started = time.perf_counter()
    reviewers = build_reviewers(policy, where)
    if not reusable(reviewers):
        return None
    gate = Gate(policy, reviewers, None)  # raises CanaryFailure: nothing is kept
    global _generation
    _generation += 1
    prepared = Prepared(
        policy, tuple(reviewers), gate.canary_report, policy.source, policy.sha256,
        build_ms=(time.perf_counter() - started) * 1000,
    )  # fmt: skip
    _gates[key] = prepared
    while len(_gates) > MAX_GATES:
        _gates.popitem(last=False)
    forget_learnt()
    freeze()
    return prepared


def forget_learnt() -> None:
    """Empty every memoised result that is not known to depend only on its arguments."""
    # Objects frozen out of the collector's sight (gc.freeze) are not listed: known beforehand.
    for obj in [*_frozen_caches, *_unlisted_caches()]:
        name = f"{getattr(obj, '__module__', '')}.{getattr(obj, '__qualname__', '')}"
        if name not in PURE_CACHES:
            obj.cache_clear()


def freeze() -> None:
    """Hand every live object to the collector's permanent generation (gc.freeze), so that
    forked handlers share their pages; the memoised functions among them are noted first."""
    gc.collect()
    _frozen_caches.extend(_unlisted_caches())
    gc.freeze()


def _unlisted_caches() -> list[Any]:
    return [o for o in gc.get_objects() if isinstance(o, functools._lru_cache_wrapper)]


_frozen_caches: list[Any] = []


def gates() -> list[Prepared]:
    return list(_gates.values())


def generation() -> int:
    """How many Gates this process has built (a process forked earlier lacks the later ones)."""
    return _generation
