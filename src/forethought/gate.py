"""The Gate: Proposal in, Decision out, everything recorded.

Every integration (CLI, agent loop, hooks, MCP proxy, Inspect approver) calls ``Gate.review``.
Every reviewer runs under its deadline on a daemon worker thread (never the caller's): one that
raises (anything, ``SystemExit`` included), hangs, misses its deadline or returns an invalid
review is a failed review, and the policy never allows on a failed review. A hung reviewer
never holds the caller up past its deadline, nor keeps the process alive at exit.

Inline reviewers (pure, bounded computations) run one after another on one worker per proposal,
or per batch in ``review_many``, so that the hand-over between threads costs once, not per
reviewer; the others each get a worker of their own and run concurrently.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Sequence
from dataclasses import replace
from queue import SimpleQueue
from typing import Any

from forethought.canaries import CanaryFailure, check_canaries
from forethought.decision import Decision
from forethought.ledger import Ledger
from forethought.ledger.events import Entry, GateStartEvent, LedgerEvent, ProposalEvent, ReviewEvent
from forethought.policy import Policy
from forethought.proposal import Proposal
from forethought.review import cascade
from forethought.review.base import (
    MODEL_STAGE,
    STATIC_STAGE,
    Review,
    Reviewer,
    fault,
    stage_of,
    timed,
)
from forethought.session import MAX_STEPS, Step, steps_from_events

__all__ = ["CanaryFailure", "Gate"]

# Most restrictive first: a proposal's parts are answered by the worst of their decisions.
_RANK = {"block": 0, "escalate": 1, "revise": 2, "resample": 2, "allow": 3}

# A reviewer with this many calls still running past their deadline gets no more threads: its
# further reviews fail at once (a reviewer that hangs on everything cannot pile up threads).
MAX_HUNG = 4


class Gate:
    def __init__(
        self,
        policy: Policy,
        reviewers: Sequence[Reviewer],
        ledger: Ledger | None = None,
        *,
        canaries: bool = True,
        checked: dict[str, Any] | None = None,
    ) -> None:
        """``checked``: the start record of an identical Gate (same policy, the same reviewer
        objects, the same code) whose canaries passed in this process (the review server reuses
        its gates); the canaries are not run again, the record says so, and it is written with
        the first review's events, in the same transaction."""
        self.policy = policy
        self.reviewers = tuple(reviewers)
        self.ledger = ledger
        self.deadline_s = policy.reviewers.deadline_ms / 1000
        # Two stages where the policy's cascade is "uncertain": the static reviewers, then the
        # model-stage ones where the static reviews are unsure (review/cascade.py); else one.
        staged = policy.reviewers.model.cascade == "uncertain"
        stages = [stage_of(r) if staged else STATIC_STAGE for r in self.reviewers]
        self._first = tuple(i for i, s in enumerate(stages) if s != MODEL_STAGE)
        self._second = tuple(i for i, s in enumerate(stages) if s == MODEL_STAGE)
        self._inline_only = not self._second and all(
            getattr(r, "inline", False) for r in self.reviewers
        )
        self._hung: dict[int, int] = {}  # id(reviewer) -> its calls still running past deadline
        self._hung_lock = threading.Lock()
        # Each run's or session's earlier steps, with the last ledger seq read (_with_steps).
        self._sessions: dict[str, tuple[int, tuple[Step, ...]]] = {}
        if checked is not None:
            self.canary_report = checked.get("canaries")
        elif canaries:
            self.canary_report = check_canaries(self.reviewers, policy, run=self._one)
        else:
            self.canary_report = None
        self._pending_start: list[Entry] = []
        if ledger is not None:
            start = self._start_event(self.canary_report)
            if checked:
                rest = {k: v for k, v in checked.items() if k != "canaries"}
                start = replace(start, canaries=checked.get("canaries"), extra=rest)
                self._pending_start.append(start.entry())
            else:
                ledger.record(start)

    def _start_event(self, canary_report: dict[str, Any] | None) -> GateStartEvent:
        return GateStartEvent(
            policy={
                "source": self.policy.source,
                "sha256": self.policy.sha256,
                "locked": self.policy.locked,
            },
            reviewers=tuple({"name": r.name, "version": r.version} for r in self.reviewers),
            canaries=canary_report,
        )

    def review(
        self, proposal: Proposal, *, run_id: str | None = None, history: bool = True
    ) -> Decision:
        return self.review_many([proposal], run_id=run_id, history=history)[0]

    def review_many(
        self, proposals: Sequence[Proposal], *, run_id: str | None = None, history: bool = True
    ) -> list[Decision]:
        """Review several proposals and record them in one ledger transaction (for batch input).

        The decisions are returned only once they are recorded: if recording fails, none is.
        A proposal with parts (a patch's files ...) has each part reviewed and recorded; its
        decision is the worst of theirs. ``history``: give each proposal the earlier steps its
        run holds in the ledger (False where the run is not a session: an evaluation records
        unrelated items under one run, each carrying its own steps).
        """
        if history and run_id is not None and self.ledger is not None:
            proposals = self._with_steps(proposals, run_id)
        if any(p.parts for p in proposals):
            return self._review_parts(proposals, run_id, False)  # steps given above
        return self.end_many(self.begin_many(proposals, run_id=run_id, history=False))

    def begin_many(
        self, proposals: Sequence[Proposal], *, run_id: str | None = None, history: bool = True
    ) -> _Batch:
        """Start reviewing ``proposals``; ``end_many`` decides, records and returns them.

        Between the two the reviewers work on their own thread, so a caller may do other work
        meanwhile (``review_many`` does none: it waits at once).
        """
        if history and run_id is not None and self.ledger is not None:
            proposals = self._with_steps(proposals, run_id)
        if any(p.parts for p in proposals):
            return _Batch(proposals, run_id, done=self._review_parts(proposals, run_id, False))
        if self._inline_only and len(proposals) > 1:
            calls = [(r, p) for p in proposals for r in self.reviewers]
            return _Batch(proposals, run_id, job=self._start(calls) if calls else None)
        return _Batch(proposals, run_id, reviews=[self.run_reviewers(p) for p in proposals])

    def end_many(self, batch: _Batch) -> list[Decision]:
        """The decisions of a batch ``begin_many`` started, once they are recorded."""
        if batch.done is not None:
            return batch.done
        proposals, run_id = batch.proposals, batch.run_id
        if batch.reviews is not None:
            per_proposal = batch.reviews
        else:
            every = self._collect(batch.job) if batch.job is not None else []
            n = len(self.reviewers)
            per_proposal = [
                [r for r in every[i * n : (i + 1) * n] if r is not None]
                for i in range(len(proposals))
            ]
        decisions = [
            self.policy.decide(p, reviews)
            for p, reviews in zip(proposals, per_proposal, strict=True)
        ]
        if self.ledger is not None:
            events = self._pending_start + [
                e for p, d in zip(proposals, decisions, strict=True) for e in _events(p, d, run_id)
            ]
            self.ledger.append_many(events, returning=False)
            self._pending_start = []
        return decisions

    def _with_steps(self, proposals: Sequence[Proposal], run_id: str) -> list[Proposal]:
        """The proposals with their session's earlier steps, read from the ledger (where every
        road records them: the agent loop under its run id, hooks and proxies under the
        caller's session id). What was read is kept, so each later review reads only what is new.
        """
        assert self.ledger is not None
        seen, steps = self._sessions.get(run_id, (0, ()))
        try:
            events = list(
                self.ledger.events(
                    run_id=run_id, kinds=("proposal", "decision", "human_verdict"), after_seq=seen
                )
            )
        except Exception:  # the context is missing: the review goes on without it
            events = []
        if events:
            steps = (*steps, *steps_from_events(events))[-MAX_STEPS:]
            seen = events[-1].seq
            if len(self._sessions) >= 256:
                self._sessions.pop(next(iter(self._sessions)))
            self._sessions[run_id] = (seen, steps)
        if not steps:
            return list(proposals)
        return [p if p.steps else replace(p, steps=steps) for p in proposals]

    def _review_parts(
        self, proposals: Sequence[Proposal], run_id: str | None, history: bool
    ) -> list[Decision]:
        flat = [(i, part) for i, p in enumerate(proposals) for part in p.each()]
        decided = self.review_many([part for _, part in flat], run_id=run_id, history=history)
        worst: dict[int, Decision] = {}
        for (i, _), decision in zip(flat, decided, strict=True):
            if i not in worst or _RANK[decision.verdict] < _RANK[worst[i].verdict]:
                worst[i] = decision
        return [worst[i] for i in range(len(proposals))]

    def run_reviewers(self, proposal: Proposal) -> list[Review]:
        """Each applicable reviewer's Review, in the reviewers' order.

        The static stage first; then, where there is a model stage, the cascade (``asks``, by
        the policy's combiner) either asks its reviewers or records each as not asked.
        """
        results = self._stage(self._first, proposal)
        if self._second:
            ask, risk = cascade.asks(self.policy, [r for r in results.values() if r is not None])
            if ask:
                results.update(self._stage(self._second, proposal))
            else:
                assert risk is not None  # an unclear static verdict always asks
                for i in self._second:
                    reviewer = self.reviewers[i]
                    if _applies(reviewer, proposal):
                        results[i] = cascade.skipped(reviewer, self.policy, risk)
        ordered = (results.get(i) for i in range(len(self.reviewers)))
        return [r for r in ordered if r is not None]

    def _stage(self, indices: Sequence[int], proposal: Proposal) -> dict[int, Review | None]:
        """The reviews of one stage, by reviewer index (None: the reviewer does not apply).

        Worker-thread reviewers are started first so they overlap with the inline ones.
        """
        apart = {
            i: self._start([(self.reviewers[i], proposal)])
            for i in indices
            if not getattr(self.reviewers[i], "inline", False)
        }
        here = [i for i in indices if i not in apart]
        results = dict(
            zip(here, self._run([(self.reviewers[i], proposal) for i in here]), strict=True)
        )
        for i, job in apart.items():
            results[i] = self._collect(job)[0]
        return results

    def _one(self, reviewer: Reviewer, proposal: Proposal) -> Review:
        """One reviewer on one proposal under its deadline, whether or not it applies."""
        review = self._collect(self._start([(reviewer, proposal)], check_applies=False))[0]
        assert review is not None
        return review

    def _run(self, calls: list[tuple[Reviewer, Proposal]]) -> list[Review | None]:
        return self._collect(self._start(calls)) if calls else []

    def _start(self, calls: list[tuple[Reviewer, Proposal]], check_applies: bool = True) -> _Job:
        job = _Job(calls, self, check_applies)
        _workers().start(job)
        return job

    def _collect(self, job: _Job) -> list[Review | None]:
        """The job's results; a call past its deadline is a failed review and is left behind
        (its thread is a daemon), and the calls after it go on on another worker."""
        results: list[Review | None] = []
        while True:
            index, started = job.at
            reviewer = job.calls[index][0]
            deadline_s = self._deadline_of(reviewer)
            left = started + deadline_s - time.perf_counter()
            if job.done.acquire(timeout=max(left, 0.0)):
                return results + job.results
            with job.lock:
                if job.at != (index, started) or len(job.results) > index:
                    continue  # it moved on meanwhile
                job.abandoned = True
                results += job.results
            results.append(
                Review.failure(
                    reviewer.name,
                    reviewer.version,
                    f"missed its deadline of {deadline_s * 1000:g} ms",
                    (time.perf_counter() - started) * 1000,
                )
            )
            with self._hung_lock:
                self._hung[id(reviewer)] = self._hung.get(id(reviewer), 0) + 1
            rest = job.calls[index + 1 :]
            if not rest:
                return results
            job = self._start(rest, job.check_applies)

    def _call(self, reviewer: Reviewer, proposal: Proposal, check_applies: bool) -> Review | None:
        """On a worker: the reviewer's Review, None where it does not apply."""
        if self._hung.get(id(reviewer), 0) >= MAX_HUNG:
            return Review.failure(
                reviewer.name,
                reviewer.version,
                f"{MAX_HUNG} earlier reviews by it are still running past their deadline",
            )
        if check_applies and not _applies(reviewer, proposal):
            return None
        review = timed(reviewer, proposal)
        deadline_s = self._deadline_of(reviewer)
        if not review.failed and review.elapsed_ms > deadline_s * 1000:
            return Review.failure(
                reviewer.name,
                reviewer.version,
                f"took {review.elapsed_ms:.0f} ms, over its deadline of {deadline_s * 1000:g} ms",
                review.elapsed_ms,
            )
        return review

    def _released(self, reviewer: Reviewer) -> None:
        """An abandoned call came back at last."""
        with self._hung_lock:
            self._hung[id(reviewer)] = self._hung.get(id(reviewer), 1) - 1

    def _deadline_of(self, reviewer: Reviewer) -> float:
        # A reviewer may carry its own deadline (model reviewers: reviewers.model.deadline_ms).
        own = getattr(reviewer, "deadline_s", None)
        return own if own else self.deadline_s

    def close(self) -> None:
        """Nothing to release: the workers are shared daemon threads. Kept for callers."""

    def __enter__(self) -> Gate:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class _Batch:
    """A batch ``Gate.begin_many`` started: its reviews' job, or reviews or decisions done."""

    __slots__ = ("done", "job", "proposals", "reviews", "run_id")

    def __init__(
        self,
        proposals: Sequence[Proposal],
        run_id: str | None,
        *,
        job: _Job | None = None,
        reviews: list[list[Review]] | None = None,
        done: list[Decision] | None = None,
    ) -> None:
        self.proposals, self.run_id = proposals, run_id
        self.job, self.reviews, self.done = job, reviews, done


class _Job:
    """Reviewer calls run in order on one worker thread, watched by the caller.

    ``at`` is (index, start time) of the call in progress; ``done`` is released when every call
    has returned. Once ``abandoned`` (a call missed its deadline), the worker starts no more.
    """

    __slots__ = ("abandoned", "at", "calls", "check_applies", "done", "gate", "lock", "results")

    def __init__(
        self, calls: list[tuple[Reviewer, Proposal]], gate: Gate, check_applies: bool
    ) -> None:
        self.calls = calls
        self.gate = gate
        self.check_applies = check_applies
        self.results: list[Review | None] = []
        self.at = (0, time.perf_counter())
        self.done = threading.Lock()
        self.done.acquire()
        self.lock = threading.Lock()
        self.abandoned = False

    def run(self) -> None:
        gate, lock, results = self.gate, self.lock, self.results
        try:
            for index, (reviewer, proposal) in enumerate(self.calls):
                with lock:
                    if self.abandoned:
                        return
                    self.at = (index, time.perf_counter())
                try:
                    review = gate._call(reviewer, proposal, self.check_applies)
                except BaseException as exc:  # a fault anywhere is a failed review
                    review = fault(reviewer, exc, (time.perf_counter() - self.at[1]) * 1000)
                with lock:
                    if self.abandoned:
                        gate._released(reviewer)
                        return
                    results.append(review)
        finally:
            self.done.release()


class _Workers:
    """Daemon threads that run jobs; one is started whenever none is idle (a hung reviewer keeps
    its thread, never the process: daemon threads are not joined at exit)."""

    def __init__(self) -> None:
        self._jobs: SimpleQueue[_Job] = SimpleQueue()
        self._idle = 0
        self._lock = threading.Lock()

    def start(self, job: _Job) -> None:
        with self._lock:
            spawn = self._idle == 0
            if not spawn:
                self._idle -= 1
        self._jobs.put(job)
        if spawn:
            threading.Thread(target=self._work, name="forethought-review", daemon=True).start()

    def _work(self) -> None:
        while True:
            self._jobs.get().run()
            with self._lock:
                self._idle += 1


_WORKERS = _Workers()


def _workers() -> _Workers:
    return _WORKERS


def _forget_workers() -> None:
    global _WORKERS
    _WORKERS = _Workers()  # a forked child has none of its parent's threads


os.register_at_fork(after_in_child=_forget_workers)


def _applies(reviewer: Reviewer, proposal: Proposal) -> bool:
    try:
        return bool(reviewer.applies(proposal))
    except Exception:
        # A reviewer that cannot even say whether it applies must still be heard from: its
        # review() will run and, if it raises too, becomes a failed review.
        return True


def _events(proposal: Proposal, decision: Decision, run_id: str | None) -> list[Entry]:
    """What the Gate records of one reviewed proposal: it, each review, the decision."""
    events: list[LedgerEvent] = [proposal_event(proposal)]
    events += [review_event(proposal.id, r) for r in decision.reviews]
    events.append(decision.event())
    return [e.entry(run_id) for e in events]


def proposal_event(proposal: Proposal) -> ProposalEvent:
    """The ledger's typed record of a Proposal (without its parts and steps)."""
    action = proposal.action
    return ProposalEvent(
        id=proposal.id,
        tool=action.tool,
        action_kind=action.kind,
        args=action.args,  # copied into the payload
        reasoning=proposal.reasoning,
        task=proposal.task,
        history=proposal.history,
        context=proposal.context,
        origin=proposal.origin,
        session_id=proposal.session_id,
        shape=proposal.shape,
        raw=action.raw,
    )


def review_event(proposal_id: str | None, review: Review) -> ReviewEvent:
    """The ledger's typed record of one Review of a proposal."""
    return ReviewEvent(
        proposal_id=proposal_id,
        name=review.reviewer,
        version=review.version,
        risk=review.risk,
        rationale=review.rationale,
        elapsed_ms=round(review.elapsed_ms, 3),
        tokens_in=review.tokens_in,
        tokens_out=review.tokens_out,
        failed=review.failed,
        error=review.error,
        partial=review.partial,
        uncertainty=review.uncertainty,
        predictions=tuple([p.to_dict() for p in review.predictions]),
        details=review.details or {},
    )
