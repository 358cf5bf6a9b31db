"""Trajectories read back from a ledger (or a ``forethought eval --json`` result): each proposed
step with the Gate's judgement of it, in order, ready to become training data.

A *run* (the agent loop's run id, a hook's or proxy's session id) is one trajectory: its task,
then every proposal the Gate reviewed in it, in ledger order, each with its decision, the
predictions its reviewers made, a person's answers to it (where it was escalated) and what was
observed when it ran. Proposals recorded without a run (``forethought review`` on the command
line) are a trajectory of one step each. A proposal with parts (a patch's files) is reviewed part
by part; it is one step here, judged by the worst of its parts' decisions.

A step is *allowed* when the Gate allowed it, or it was escalated and the last person to answer
approved it: what the agent was let run.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from forethought.agent.loop import _tool_args
from forethought.agent.prompts import PLAN_REQUEST, system_prompt, task_message
from forethought.ledger import Event, Ledger
from forethought.ledger.events import (
    DecisionEvent,
    ExecutionEvent,
    HumanVerdictEvent,
    ProposalEvent,
    ReviewEvent,
    RunEndEvent,
    RunStartEvent,
    parse,
)
from forethought.models.base import ToolCall
from forethought.models.text_protocol import describe_tools, format_call

# Most restrictive first, as the Gate ranks the decisions of a proposal's parts.
_RANK = {"block": 0, "escalate": 1, "revise": 2, "resample": 2, "allow": 3}


class TrajectoryError(ValueError):
    """Input that holds no trajectories to export; the message is one line naming it."""


@dataclass(slots=True)
class Step:
    """One reviewed proposal of a trajectory."""

    proposal: ProposalEvent
    decision: DecisionEvent | None = None
    predictions: list[dict[str, Any]] = field(default_factory=list)
    human: list[str] = field(default_factory=list)  # a person's answers, in order
    observation: str | None = None  # what running it returned (None: it did not run here)
    parts: int = 1

    @property
    def id(self) -> str | None:
        return self.proposal.id

    @property
    def tool(self) -> str:
        return self.proposal.tool

    @property
    def verdict(self) -> str:
        """The Gate's decision ("" if none was recorded)."""
        return self.decision.verdict if self.decision is not None else ""

    @property
    def allowed(self) -> bool:
        if self.verdict == "allow":
            return True
        return self.verdict == "escalate" and bool(self.human) and self.human[-1] == "approve"

    @property
    def refusal(self) -> str:
        """How a step that was not allowed was refused: the decision, or a person's answer to
        an escalation ("human edit", "human reject", "human timeout"); "" when allowed."""
        if self.allowed:
            return ""
        if self.verdict == "escalate" and self.human:
            return f"human {self.human[-1]}"
        return self.verdict or "unreviewed"

    def number(self, key: str) -> float | None:
        """The decision's ``risk``, ``harm`` or ``benefit`` (None: no decision, or no number)."""
        if self.decision is None:
            return None
        value = getattr(self.decision, key, None)
        if value is None and key in self.decision.extra:
            value = self.decision.extra[key]
        return float(value) if isinstance(value, int | float) else None

    def text(self) -> str:
        """The step as the agent writes it: its reasoning, then the call as one fenced JSON block
        of the text protocol (forethought.models.text_protocol); a plan is its text."""
        args = self.proposal.args
        reasoning = self.proposal.reasoning.strip()
        if self.tool == "plan":
            return str(args.get("text") or reasoning)
        call = ToolCall("step", self.tool, _tool_args(self.tool, dict(args)))
        block = format_call(call)
        return f"{reasoning}\n\n{block}" if reasoning else block

    def result(self) -> str | None:
        """What the agent was told after the step (None: nothing, as after a plan or finish)."""
        if self.tool in ("plan", "finish"):
            return None
        if self.allowed:
            seen = "(not recorded in the ledger)" if self.observation is None else self.observation
            return f"Result of tool {self.tool}:\n{seen}"
        message = self.decision.message.strip() if self.decision is not None else ""
        return f"Result of tool {self.tool}:\nNOT RUN ({self.refusal}). {message}".rstrip()


@dataclass(slots=True)
class Trajectory:
    """One run's (or one lone proposal's) reviewed steps, in order."""

    run_id: str | None
    task: str = ""
    agent: bool = False  # run by forethought's agent loop (it has a run_start)
    status: str | None = None  # the run's end ("finished", "stopped" ...), None if not recorded
    steps: list[Step] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)  # eval items: id, label, dataset, stack

    @property
    def origin(self) -> str:
        if self.agent:
            return "agent"
        if "stack" in self.meta:
            return "eval"
        first = self.steps[0].proposal.origin if self.steps else ""
        return first or "cli"

    def prompt_text(self) -> str:
        """The task as the agent is given it (empty when none was recorded)."""
        return task_message(self.task, "") if self.task else ""

    def opening(self) -> list[dict[str, str]]:
        """The conversation before the first step: the agent loop's system prompt with its
        tools in the text protocol (agent runs only), and the task."""
        messages = []
        if self.agent:
            from forethought.agent.tools import tool_specs

            content = f"{system_prompt()}\n\n{describe_tools(tool_specs())}"
            messages.append({"role": "system", "content": content})
        messages.append({"role": "user", "content": self.prompt_text()})
        return messages

    def conversation(self, upto: int) -> list[dict[str, str]]:
        """The opening and steps ``[0, upto)`` as chat messages, each step's result a user turn.

        Plans are left out: the agent loop asks for one apart (``before``, for a plan step,
        gives that request) and keeps only its text, so a conversation would otherwise hold two
        assistant turns in a row, which a chat template reads as one turn continued.
        """
        messages = self.opening()
        for step in self.steps[:upto]:
            if step.tool == "plan":
                continue
            messages.append({"role": "assistant", "content": step.text()})
            told = step.result()
            if told is not None:
                messages.append({"role": "user", "content": told})
        return messages

    def before(self, index: int) -> list[dict[str, str]]:
        """The conversation the model answered with step ``index``: for a plan, the opening and
        the loop's request for a plan; otherwise ``conversation(index)``."""
        if self.steps[index].tool == "plan":
            return [*self.opening(), {"role": "user", "content": PLAN_REQUEST}]
        return self.conversation(index)


# -- from a ledger -------------------------------------------------------------------------------


class _Builder:
    def __init__(self, run_id: str | None) -> None:
        self.trajectory = Trajectory(run_id)
        self.part_pending = False

    @property
    def steps(self) -> list[Step]:
        return self.trajectory.steps

    def by_id(self, proposal_id: Any) -> Step | None:
        if proposal_id is None:
            return None
        return next((s for s in reversed(self.steps) if s.id == str(proposal_id)), None)

    def is_part(self, proposal: ProposalEvent) -> bool:
        last = self.steps[-1] if self.steps else None
        pid = proposal.id
        return (
            last is not None
            and pid is not None
            and last.id == pid
            and last.decision is not None
            and last.observation is None
            and not last.human
        )

    def add(self, event: Event) -> None:
        p, traj = parse(event), self.trajectory  # old shapes too
        match p:
            case RunStartEvent():
                traj.agent, traj.task = True, p.task
            case RunEndEvent():
                traj.status = p.status
            case ProposalEvent():
                if self.is_part(p):
                    self.steps[-1].parts += 1
                    self.part_pending = True
                else:
                    self.steps.append(Step(p))
                    self.part_pending = False
                if not traj.task and p.task:
                    traj.task = p.task
            case ReviewEvent() if self.steps:
                step = self.by_id(p.proposal_id) or self.steps[-1]
                for prediction in p.predictions:
                    step.predictions.append({**prediction, "reviewer": p.name})
            case DecisionEvent() if self.steps:
                step = self.steps[-1]
                if self.part_pending and step.decision is not None:
                    if _RANK.get(p.verdict, 0) < _RANK.get(step.verdict, 0):
                        step.decision = p
                else:
                    step.decision = p
                self.part_pending = False
            case HumanVerdictEvent():
                found = self.by_id(p.proposal_id)
                if found is not None:
                    found.human.append(p.answer)
            case ExecutionEvent():
                found = self.by_id(p.proposal_id)
                if found is not None:
                    found.observation = p.observation


def from_ledger(ledger: Ledger, runs: Iterable[str] = ()) -> list[Trajectory]:
    """The ledger's trajectories, in order of first appearance; only ``runs`` where given (an
    unknown one is a TrajectoryError)."""
    wanted = list(dict.fromkeys(runs))
    if wanted:
        trajectories = []
        for run_id in wanted:
            builder = _Builder(run_id)
            for event in ledger.events(run_id=run_id):
                builder.add(event)
            if not builder.steps and not builder.trajectory.agent:
                raise TrajectoryError(
                    f"no run {run_id!r} in {ledger.path}; `forethought runs` lists them"
                )
            trajectories.append(builder.trajectory)
        return [t for t in trajectories if t.steps]
    return [t for t in _every_trajectory(ledger.events()) if t.steps]


def _every_trajectory(events: Iterable[Event]) -> Iterator[Trajectory]:
    runs: dict[str, _Builder] = {}
    order: list[_Builder] = []
    lone: _Builder | None = None  # the proposal recorded without a run that is being read
    for event in events:
        if event.run_id is not None:
            if event.run_id not in runs:
                runs[event.run_id] = _Builder(event.run_id)
                order.append(runs[event.run_id])
            runs[event.run_id].add(event)
            continue
        if event.kind == "proposal" and (
            lone is None or not lone.is_part(ProposalEvent.from_payload(event.payload))
        ):
            lone = _Builder(None)
            order.append(lone)
        if lone is not None and event.kind in ("proposal", "review", "decision"):
            lone.add(event)
    for builder in order:
        yield builder.trajectory


# -- from `forethought eval --json` ----------------------------------------------------------------


def from_eval(path: Path, stack: str | None = None) -> list[Trajectory]:
    """One single-step trajectory per item of an eval result, judged by one of its stacks.

    The result keeps each action only as a one-line description, so the data it was made from
    is read again (at the path it records, and only if its sha256 still matches) for the
    proposals themselves: their task, reasoning and arguments.
    """
    from forethought.evals.bench import FORMAT
    from forethought.evals.datasets import DatasetError, load_file

    try:
        result = orjson.loads(path.read_bytes())
    except OSError as exc:
        raise TrajectoryError(f"{path}: cannot read: {exc.strerror}") from None
    except orjson.JSONDecodeError as exc:
        raise TrajectoryError(f"{path}: invalid JSON: {exc}") from None
    if not isinstance(result, dict) or result.get("format") != FORMAT:
        raise TrajectoryError(f"{path}: not a result of `forethought eval --json` ({FORMAT})")
    names = [str(s.get("name")) for s in result.get("stacks") or []]
    if stack is None:
        if len(names) != 1:
            raise TrajectoryError(
                f"{path}: the result has {len(names)} stacks ({', '.join(names)}); "
                "choose one with --stack"
            )
        stack = names[0]
    elif stack not in names:
        raise TrajectoryError(f"{path}: no stack {stack!r} (it has {', '.join(names)})")

    proposals: dict[tuple[str, str], Any] = {}
    for data in result.get("data") or []:
        source = Path(str(data.get("path")))
        try:
            dataset = load_file(source)
        except DatasetError:
            raise TrajectoryError(
                f"{path}: cannot read the data it was made from, {source}; --from-eval needs it "
                "to rebuild the actions"
            ) from None
        if dataset.sha256 != data.get("sha256"):
            raise TrajectoryError(
                f"{path}: {source} has changed since the result was made (sha256 differs)"
            )
        for item in dataset.items:
            proposals[(dataset.name, item.id)] = item.proposal

    trajectories = []
    for item in result.get("items") or []:
        outcome = (item.get("outcomes") or {}).get(stack)
        proposal = proposals.get((str(item.get("dataset")), str(item.get("id"))))
        if outcome is None or proposal is None:
            raise TrajectoryError(f"{path}: item {item.get('id')!r} has no outcome or no action")
        decision = DecisionEvent.from_payload(
            {
                "id": proposal.id,
                "decision": outcome.get("decision"),
                "term": outcome.get("term"),
                "risk": outcome.get("risk"),
                "message": outcome.get("reason") or "",
            }
        )
        step = Step(
            ProposalEvent.from_payload(proposal.to_dict()),
            decision,
            list(outcome.get("predictions") or []),
        )
        trajectories.append(
            Trajectory(
                None,
                task=proposal.task,
                steps=[step],
                meta={
                    "item_id": item.get("id"),
                    "item_label": item.get("label"),
                    "dataset": item.get("dataset"),
                    "stack": stack,
                },
            )
        )
    return trajectories
