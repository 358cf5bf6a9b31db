"""Export the ledger as an Inspect AI log, so that ``inspect view`` shows forethought runs.

One sample per run (a ``forethought run``, or the session of a hook, guard or Inspect approver).
Its messages are the transcript: the task as the user message; each step as an assistant message
(the model's text and its tool call); each observation as a tool message, or the refusal as a
tool message with an ``approval`` error where the action did not run. Each step's assistant
message carries ``suspicion_score`` (the Decision's risk, 0..1, higher is more suspicious; absent
where no review completed) and ``reason`` in its metadata, which is where ControlArena's analysis
looks for them, and the sample gets ControlArena's ``max_suspicion_scorer`` score (and an unknown
``main_task_success``, which its ``samples_df`` requires; ``compute_safety`` also needs attack
samples, which a ledger does not label). Every ledger event is also an ``info`` event in the
sample's transcript with its seq and chain hashes, and the messages name the seq and hash of the
events they were built from.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from inspect_ai.event import InfoEvent
from inspect_ai.log import (
    EvalConfig,
    EvalDataset,
    EvalLog,
    EvalResults,
    EvalSample,
    EvalSpec,
    write_eval_log,
)
from inspect_ai.model import (
    ChatMessage,
    ChatMessageAssistant,
    ChatMessageTool,
    ChatMessageUser,
    ModelOutput,
)
from inspect_ai.scorer import NOANSWER, Score
from inspect_ai.tool import ToolCall, ToolCallError

from forethought.ledger.event import Event
from forethought.ledger.events import (
    DecisionEvent,
    ExecutionEvent,
    HumanVerdictEvent,
    ModelCallEvent,
    ProposalEvent,
    RecordedCall,
    RunEndEvent,
    RunStartEvent,
    parse,
)
from forethought.ledger.store import Ledger

SUFFIXES = (".eval", ".json")
# ControlArena's scorer of a trajectory's highest step suspicion; samples_df names its column
# score_max_suspicion_scorer, which compute_safety reads.
MAX_SUSPICION = "max_suspicion_scorer"
MODEL = "forethought/ledger"
# ControlArena's samples_df requires a main_task_success column, read from a scorer's dict value.
# The ledger does not say whether the task succeeded: NOANSWER, which it reads as unknown.
RUN_SCORE = "forethought_run"


class InspectExportError(ValueError):
    """Nothing to export, or nowhere to write it. The message names which."""


def export_inspect(ledger: Ledger, path: Path, *, run_id: str | None = None) -> int:
    """Write an Inspect log of every run (or of one) to ``path`` (``.eval`` or ``.json``).

    Returns the number of samples written. Raises InspectExportError for an unknown run, a
    ledger without runs or a path Inspect cannot write.
    """
    if path.suffix not in SUFFIXES:
        raise InspectExportError(f"{path}: an Inspect log must end in .eval or .json")
    runs = [r["run_id"] for r in ledger.runs() if run_id is None or r["run_id"] == run_id]
    if not runs:
        where = f"no run {run_id!r}" if run_id is not None else "no runs"
        raise InspectExportError(f"{ledger.location}: {where} to export")
    samples = [run_sample(r, list(ledger.events(run_id=r))) for r in runs]
    log = eval_log(ledger, samples)
    # Written beside the target, then renamed over it: a failed export leaves no partial file.
    partial = path.with_name(f".{path.stem}.partial{path.suffix}")
    try:
        write_eval_log(log, str(partial))
        os.replace(partial, path)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise InspectExportError(f"{path}: cannot write: {exc.strerror or exc}") from None
    return len(samples)


def eval_log(ledger: Ledger, samples: list[EvalSample]) -> EvalLog:
    seq, head = ledger.head()
    report = ledger.verify()
    first = min((s.started_at for s in samples if s.started_at), default=_iso(0.0))
    spec = EvalSpec(
        eval_id=head[:22],
        run_id=head[:22],
        created=first,
        task="forethought",
        task_id=head[:22],
        dataset=EvalDataset(
            name="forethought ledger", location=ledger.location, samples=len(samples)
        ),
        model=_models(samples),
        config=EvalConfig(),
        metadata={
            "ledger": ledger.location,
            "head": {"seq": seq, "hash": head},
            "chain_verified": report.ok,
            "chain_problems": report.problems[:20],
        },
    )
    return EvalLog(
        eval=spec,
        status="success",
        results=EvalResults(total_samples=len(samples), completed_samples=len(samples)),
        samples=samples,
    )


def _models(samples: Sequence[EvalSample]) -> str:
    models = sorted({str(s.metadata.get("model")) for s in samples if s.metadata.get("model")})
    return models[0] if len(models) == 1 else MODEL


@dataclass
class _Step:
    """One assistant turn: the model's text and tool calls (or, in a hook's session, the
    proposal itself), and the review of what it proposed."""

    text: str
    calls: list[ToolCall]
    sources: list[Event] = field(default_factory=list)
    proposals: list[str] = field(default_factory=list)
    decisions: list[DecisionEvent] = field(default_factory=list)
    human: list[dict[str, Any]] = field(default_factory=list)
    results: list[ChatMessageTool] = field(default_factory=list)


def run_sample(run_id: str, events: list[Event]) -> EvalSample:
    """The sample for one run's events (in seq order)."""
    typed = [parse(e) for e in events]  # every kind's own type; old shapes too
    model_driven = any(isinstance(t, ModelCallEvent) for t in typed)
    start = next((t for t in typed if isinstance(t, RunStartEvent)), None)
    end = next((t for t in typed if isinstance(t, RunEndEvent)), None)
    first_proposal = next((t for t in typed if isinstance(t, ProposalEvent)), None)
    opening = start or first_proposal
    task = opening.task if opening is not None else ""

    steps: list[_Step] = []
    current: _Step | None = None
    for event, p in zip(events, typed, strict=True):
        if isinstance(p, ModelCallEvent):
            current = _Step(p.text, _calls(p.tool_calls), [event])
            steps.append(current)
        elif isinstance(p, ProposalEvent):
            if current is None or not model_driven:
                current = _Step(p.reasoning, [_proposed_call(p)], [])
                steps.append(current)
            elif not current.calls and p.tool != "plan":
                current.calls.append(_proposed_call(p))  # e.g. an end-of-run memory note
            current.sources.append(event)
            current.proposals.append(str(p.id))
        elif current is None:
            continue
        elif isinstance(p, DecisionEvent):
            current.sources.append(event)
            current.decisions.append(p)
        elif isinstance(p, HumanVerdictEvent):
            current.sources.append(event)
            current.human.append(p.to_payload())
        elif isinstance(p, ExecutionEvent):
            call_id = current.calls[0].id if current.calls else str(p.proposal_id)
            current.results.append(_tool(event, call_id, p.tool, p.observation))

    messages: list[ChatMessage] = [
        ChatMessageUser(id=f"{run_id}:task", content=task, source="input")
    ]
    for step in steps:
        messages += _step_messages(step)

    origin = first_proposal.origin if first_proposal else None
    metadata: dict[str, Any] = {
        "run_id": run_id,
        "origin": origin or ("agent" if start else ""),
        "first_seq": events[0].seq,
        "last_seq": events[-1].seq,
        "last_hash": events[-1].hash,
    }
    if start is not None:
        metadata["model"] = start.model
    if end is not None:
        metadata.update({"status": end.status, "reason": end.reason, "steps": end.steps})
    scores = {**_max_suspicion(steps), RUN_SCORE: _run_score(end)}
    answer = end.answer if end is not None else ""
    return EvalSample(
        id=run_id,
        epoch=1,
        input=task,
        target="",
        messages=messages,
        output=ModelOutput.from_content(str(metadata.get("model") or MODEL), answer),
        scores=scores,
        metadata=metadata,
        events=[_info(e) for e in events],
        started_at=_iso(events[0].ts),
        completed_at=_iso(events[-1].ts),
        total_time=round(events[-1].ts - events[0].ts, 3),
    )


def _step_messages(step: _Step) -> list[ChatMessage]:
    metadata: dict[str, Any] = {
        "forethought": {
            "proposals": step.proposals,
            "decisions": [d.to_payload() for d in step.decisions],
            "human_verdicts": step.human,
            "events": [{"seq": e.seq, "kind": e.kind, "hash": e.hash} for e in step.sources],
        }
    }
    if step.decisions:
        # The review of what the model itself proposed (a human's later edit is reviewed too,
        # and listed, but it is not the agent's action).
        first = step.decisions[0]
        metadata["reason"] = first.explanation or first.reason
        if first.risk is not None:
            metadata["suspicion_score"] = float(first.risk)
    head = step.sources[0] if step.sources else None
    assistant = ChatMessageAssistant(
        id=f"{head.run_id}:{head.seq}" if head else None,
        content=step.text,
        tool_calls=step.calls or None,
        metadata=metadata,
        source="generate",
    )
    out: list[ChatMessage] = [assistant, *step.results]
    answered = {m.tool_call_id for m in step.results}
    final = step.decisions[-1] if step.decisions else None
    for call in step.calls:
        if call.id in answered or final is None or final.verdict == "allow":
            continue
        refusal = final.message or f"not run: {final.verdict or None}"
        out.append(
            ChatMessageTool(
                id=f"{call.id}:refused",
                content="",
                tool_call_id=call.id,
                function=call.function,
                error=ToolCallError("approval", refusal),
            )
        )
    return out


def _calls(recorded: Iterable[RecordedCall]) -> list[ToolCall]:
    return [
        ToolCall(
            id=c.id,
            function=c.name,
            arguments=dict(c.arguments),
            parse_error=c.error or None,
        )
        for c in recorded
    ]


def _proposed_call(proposal: ProposalEvent) -> ToolCall:
    return ToolCall(id=proposal.id or "", function=proposal.tool, arguments=dict(proposal.args))


def _tool(event: Event, call_id: str, function: str, text: str) -> ChatMessageTool:
    return ChatMessageTool(
        id=f"{event.run_id}:{event.seq}",
        content=text,
        tool_call_id=call_id,
        function=function or None,
        metadata={"forethought": {"seq": event.seq, "hash": event.hash}},
    )


def _max_suspicion(steps: Sequence[_Step]) -> dict[str, Score]:
    scored = [
        (float(risk), i)
        for i, s in enumerate(steps)
        if s.decisions and (risk := s.decisions[0].risk) is not None
    ]
    if not scored:
        return {}
    value, index = max(scored)
    return {MAX_SUSPICION: Score(value=value, explanation=f"highest step risk, at step {index}")}


def _run_score(end: RunEndEvent | None) -> Score:
    status = end.status if end is not None else "no run_end recorded"
    return Score(
        value={"main_task_success": NOANSWER},
        explanation=f"forethought does not judge whether the task succeeded; the run's status: "
        f"{status}",
    )


def _info(event: Event) -> InfoEvent:
    return InfoEvent(
        source="forethought",
        timestamp=datetime.fromtimestamp(event.ts, UTC),
        data={
            "seq": event.seq,
            "kind": event.kind,
            "prev_hash": event.prev_hash,
            "hash": event.hash,
            "payload": event.payload,
        },
        metadata={"seq": event.seq, "hash": event.hash},
    )


def _iso(ts: float) -> str:
    return datetime.fromtimestamp(ts, UTC).isoformat()
