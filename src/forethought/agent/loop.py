"""The outer loop: plan, then propose -> review -> act, one tool call a step, until `finish`.

Every action the model proposes (its plan, each tool call, its final answer, its memory notes)
becomes a Proposal and passes the Gate before anything runs. The loop reads like this:

    plan = model(task + memory)                  -> Gate; a refused plan ends the run
    while not finished and within budget:
        reasoning, call = model(messages)
        decision = Gate(Proposal(call, reasoning, task, history))
        allow    -> run the call in the sandbox; the observation goes back to the model
        block    -> the observation is the refusal and its stated reasons
        revise   -> the objection goes back; the model must propose again
        resample -> draw up to k fresh candidates, run the first the Gate allows
        escalate -> a human approves, rejects or edits (an edit is reviewed again)
    reflection = model("what should future runs remember?")   -> Gate -> memory
"""

from __future__ import annotations

import contextlib
import time
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from forethought.agent.costs import Costs
from forethought.agent.memory import Memory
from forethought.agent.process import identity as process_identity
from forethought.agent.prompts import (
    NO_TOOL_CALL,
    PLAN_REQUEST,
    REFLECTION_REQUEST,
    system_prompt,
    task_message,
)
from forethought.agent.tools import ToolArgumentError, Toolbox, tool_specs, validate_call
from forethought.decision import Decision, agent_message, agent_reply
from forethought.escalation.base import Channel, NoChannel
from forethought.gate import Gate
from forethought.ledger import Ledger
from forethought.ledger.events import (
    ExecutionEvent,
    LedgerEvent,
    MalformedCallEvent,
    ModelCallEvent,
    ModelErrorEvent,
    RecordedCall,
    RunEndEvent,
    RunStartEvent,
)
from forethought.models.base import Completion, Message, Model, ModelError, ToolCall
from forethought.proposal import Proposal, ProposalError, from_dict
from forethought.settle import Rebuild, Settled, settle

Status = Literal["finished", "stopped", "failed", "refused"]
MAX_SILENT_TURNS = 3  # turns in a row without a tool call before the run is stopped
PLAN_TOKENS = 400  # plans and reflections are short; a model that rambles is cut off


@dataclass(frozen=True, slots=True)
class Budget:
    max_steps: int = 30
    max_tokens: int = 200_000
    max_seconds: float = 900.0
    resample_k: int = 3


@dataclass(slots=True)
class RunResult:
    run_id: str
    status: Status
    answer: str = ""
    reason: str = ""
    steps: int = 0
    costs: Costs = field(default_factory=Costs)


class RunEnded(Exception):
    def __init__(self, status: Status, reason: str, answer: str = "") -> None:
        super().__init__(reason)
        self.status, self.reason, self.answer = status, reason, answer


class Agent:
    def __init__(
        self,
        model: Model,
        gate: Gate,
        toolbox: Toolbox,
        *,
        ledger: Ledger | None = None,
        channel: Channel | None = None,
        memory: Memory | None = None,
        budget: Budget = Budget(),
    ) -> None:
        self.model = model
        self.gate = gate
        self.toolbox = toolbox
        self.ledger = ledger
        self.channel = channel or NoChannel()
        self.memory = memory
        self.budget = budget
        self.tools = tool_specs()

    # -- the loop --------------------------------------------------------------------------

    def run(self, task: str, *, run_id: str | None = None) -> RunResult:
        self.result = RunResult(run_id or uuid.uuid4().hex[:12], "failed")
        self.task, self.started = task, time.monotonic()
        self.history: list[str] = []
        self.proposals = 0
        notes = self.memory.relevant(task) if self.memory else []
        self.record(self.start_event(task, notes))
        messages = [
            Message("system", system_prompt()),
            Message("user", task_message(task, self.memory.render(notes) if self.memory else "")),
        ]
        try:
            self.plan(messages)
            silent = 0
            while True:
                self.check_budget()
                completion = self.complete(messages, tools=self.tools)
                if not completion.tool_calls:
                    silent += 1
                    if silent >= MAX_SILENT_TURNS:
                        raise RunEnded("stopped", "the model stopped calling tools")
                    messages += [_assistant(completion), Message("user", NO_TOOL_CALL)]
                    continue
                silent = 0
                self.result.steps += 1
                messages += self.turn(messages, completion)
        except RunEnded as end:
            self.result.status, self.result.reason = end.status, end.reason
            self.result.answer = end.answer
        except ModelError as exc:
            self.result.status, self.result.reason = "failed", f"model error: {exc}"
            self.record(ModelErrorEvent(str(exc), exc.retryable))
        except Exception as exc:  # a broken ledger, sandbox or reviewer: stop, run nothing more
            self.result.status = "failed"
            self.result.reason = f"internal error: {type(exc).__name__}: {exc}"
            with contextlib.suppress(Exception):  # the ledger may be what broke
                self.record(self.end_event())
            return self.result
        self.reflect()
        self.record(self.end_event())
        return self.result

    def turn(self, messages: list[Message], completion: Completion) -> list[Message]:
        """One step: review the model's first tool call and act on the Decision. Returns the
        messages to append: the assistant's turn and one tool result per call it made."""
        call, *extra = completion.tool_calls
        observation = self.consider(messages, completion, call)
        if isinstance(observation, tuple):  # a resampled candidate replaced the model's turn
            completion, call, observation = observation
            extra = list(completion.tool_calls[1:])
        return [
            _assistant(completion),
            _tool_result(call, observation),
            *(_tool_result(c, "not run: one tool call per step") for c in extra),
        ]

    def consider(
        self, messages: list[Message], completion: Completion, call: ToolCall
    ) -> str | tuple[Completion, ToolCall, str]:
        proposal = self.propose(call, completion.text)
        if isinstance(proposal, str):
            return proposal
        decision = self.review(proposal)
        match decision.verdict:
            case "allow":
                return self.execute(proposal)
            case "block" | "revise":
                return agent_reply(decision)
            case "resample":
                return self.resample(messages, decision)
            case "escalate":
                return self.escalate(proposal, decision)

    def review(self, proposal: Proposal) -> Decision:
        """The Gate's Decision on a proposal, its costs counted (the Gate's wall time too)."""
        started = time.perf_counter()
        decision = self.gate.review(proposal, run_id=self.result.run_id)
        self.costs.gate_s += time.perf_counter() - started
        self.costs.add_review(decision)
        return decision

    def propose(self, call: ToolCall, reasoning: str) -> Proposal | str:
        """The Proposal for a tool call, or the reason the call cannot even be reviewed."""
        try:
            if call.error:
                raise ToolArgumentError(f"{call.name}: {call.error}")
            args = validate_call(call.name, call.arguments)
            proposal = self.proposal_for(call.name, args, reasoning)
        except (ToolArgumentError, ProposalError) as exc:
            self.record(MalformedCallEvent(call.name, call.raw, str(exc)))
            return f"NOT RUN: malformed tool call: {exc}"
        return proposal

    def proposal_for(self, tool: str, args: dict[str, Any], reasoning: str) -> Proposal:
        self.proposals += 1
        proposal = from_dict(
            {
                "tool": tool,
                "args": args,
                "reasoning": reasoning,
                "task": self.task,
                "history": self.history[-10:],
            }
        )
        run_id = self.result.run_id
        return replace(proposal, id=f"{run_id}:{self.proposals}", origin="agent", session_id=run_id)

    def execute(self, proposal: Proposal) -> str:
        tool, args = proposal.action.tool, dict(proposal.action.args)
        if tool == "finish":
            self.record_history(proposal, "finished")
            raise RunEnded("finished", "the agent finished", str(args.get("answer", "")))
        started = time.monotonic()
        observation = self.toolbox.run(tool, _tool_args(tool, args))
        self.costs.execution_s += time.monotonic() - started
        self.record(
            ExecutionEvent(
                proposal_id=proposal.id,
                tool=tool,
                ok=observation.ok,
                observation=observation.text[:4000],
                elapsed_s=round(time.monotonic() - started, 4),
                details=dict(observation.details),
            )
        )
        self.record_history(proposal, "ran" if observation.ok else "ran with an error")
        return observation.text

    def resample(
        self, messages: list[Message], first: Decision
    ) -> str | tuple[Completion, ToolCall, str]:
        """The mulligan: draw up to k fresh candidates and run the first the Gate allows. Every
        candidate is reviewed and recorded (its context names the proposal it replaces), so the
        refused ones and the one kept are preference pairs; the run's costs count them."""
        costs = self.costs
        costs.resamples += 1
        before = costs.spent()
        try:
            for attempt in range(1, self.budget.resample_k + 1):
                self.check_budget()
                candidate = self.complete(messages, tools=self.tools, temperature=1.0, seed=attempt)
                costs.resample_candidates += 1
                costs.resample_refused += 1  # until the Gate allows it
                if not candidate.tool_calls:
                    continue
                call = candidate.tool_calls[0]
                proposal = self.propose(call, candidate.text)
                if isinstance(proposal, str):
                    continue
                mulligan = {"attempt": attempt, "of": self.budget.resample_k,
                            "replaces": first.proposal_id}  # fmt: skip
                proposal = replace(proposal, context={**proposal.context, "resample": mulligan})
                decision = self.review(proposal)
                if decision.verdict == "allow":
                    costs.resample_refused -= 1
                    return candidate, call, self.execute(proposal)
        finally:
            after = costs.spent()
            costs.resample_s += after[0] - before[0]
            costs.resample_tokens += after[1] - before[1]
        return agent_reply(first, also_refused=self.budget.resample_k)

    def escalate(self, proposal: Proposal, decision: Decision) -> str:
        settled = self.settle(proposal, decision, self.edited)
        if settled.allowed:
            return self.execute(settled.proposal)
        if settled.refused_by_a_person:
            self.record_history(proposal, "rejected by a human")
        return agent_reply(settled.decision, settled.message)

    def settle(self, proposal: Proposal, decision: Decision, rebuild: Rebuild) -> Settled:
        """The escalation settled on the loop's channel (forethought.settle), costs counted."""
        settled = settle(
            self.gate,
            proposal,
            decision,
            channel=self.channel,
            rebuild=rebuild,
            run_id=self.result.run_id,
        )
        self.costs.human_s += settled.human_s
        for reviewed in settled.reviewed:
            self.costs.add_review(reviewed)
        return settled

    def edited(
        self, proposal: Proposal, new_args: Mapping[str, Any], _round: int
    ) -> Proposal | str:
        """A person's edit of a tool call: the same tool, its arguments validated again."""
        tool = proposal.action.tool
        try:
            args = validate_call(tool, {**_tool_args(tool, dict(proposal.action.args)), **new_args})
        except ToolArgumentError as exc:
            return f"the human's edit is not a valid call: {exc}"
        return self.proposal_for(tool, args, proposal.reasoning)

    def edited_plan(
        self, proposal: Proposal, new_args: Mapping[str, Any], _round: int
    ) -> Proposal | str:
        """A person's edit of the plan: its new text (reviewed again like the model's)."""
        text = new_args.get("text")
        if not isinstance(text, str) or not text.strip():
            return "the human's edit of the plan has no text"
        return self.proposal_for("plan", {"text": text}, proposal.reasoning)

    # -- plan and reflection ----------------------------------------------------------------

    def plan(self, messages: list[Message]) -> None:
        for _ in range(2):
            completion = self.complete(
                [*messages, Message("user", PLAN_REQUEST)], max_tokens=PLAN_TOKENS
            )
            proposal = self.proposal_for("plan", {"text": completion.text}, completion.text)
            decision = self.review(proposal)
            text = completion.text
            if decision.verdict == "escalate":  # a person's edit is the plan, once reviewed
                settled = self.settle(proposal, decision, self.edited_plan)
                if not settled.allowed:
                    raise RunEnded("refused", f"the plan was refused: {settled.message}")
                text = str(settled.proposal.action.args.get("text", text))
            if decision.verdict in ("allow", "escalate"):
                messages.append(Message("assistant", f"My plan:\n{text}"))
                return
            if decision.verdict == "block":
                raise RunEnded("refused", f"the plan was refused: {agent_message(decision)}")
            objection = f"Your plan was not accepted: {agent_message(decision)}. Revise it."
            messages += [Message("assistant", completion.text), Message("user", objection)]
        raise RunEnded("refused", "no acceptable plan after a revision")

    def reflect(self) -> None:
        if self.memory is None or self.result.status == "failed":
            return
        try:
            request = REFLECTION_REQUEST.format(task=self.task, status=self.outcome())
            completion = self.complete([Message("user", request)], max_tokens=PLAN_TOKENS)
        except (ModelError, RunEnded):
            return
        args = {"kind": "experience", "title": self.task[:80], "content": completion.text}
        proposal = self.proposal_for("remember", args, "end-of-run reflection")
        decision = self.review(proposal)
        if decision.allowed:
            self.execute(proposal)

    # -- helpers -----------------------------------------------------------------------------

    @property
    def costs(self) -> Costs:
        return self.result.costs

    def complete(
        self, messages: Sequence[Message], *, tools: Sequence[Any] = (), **options: Any
    ) -> Completion:
        completion = self.model.complete(messages, tools=tools, **options)
        self.costs.add_model(completion)
        self.record(
            ModelCallEvent(
                text=completion.text,
                tool_calls=tuple(
                    RecordedCall(c.id, c.name, dict(c.arguments), c.error)
                    for c in completion.tool_calls
                ),
                tokens_in=completion.usage.input_tokens,
                tokens_out=completion.usage.output_tokens,
                elapsed_s=round(completion.elapsed_s, 4),
                model=completion.model or self.model.name,
            )
        )
        return completion

    def check_budget(self) -> None:
        b, c = self.budget, self.costs
        if self.result.steps >= b.max_steps:
            raise RunEnded("stopped", f"step limit of {b.max_steps} reached")
        if c.agent_tokens.total >= b.max_tokens:
            raise RunEnded("stopped", f"token budget of {b.max_tokens} spent")
        if time.monotonic() - self.started >= b.max_seconds:
            raise RunEnded("stopped", f"wall-clock budget of {b.max_seconds:g} s spent")

    def record(self, event: LedgerEvent) -> None:
        if self.ledger is not None:
            self.ledger.record(event, run_id=self.result.run_id)

    def record_history(self, proposal: Proposal, what: str) -> None:
        args = proposal.action.args
        detail = next((str(args[k]) for k in ("command", "path", "url", "title") if k in args), "")
        self.history.append(f"{proposal.action.tool} {detail[:200]}: {what}".strip())

    def outcome(self) -> str:
        return f"{self.result.status}: {self.result.reason}"

    def start_event(self, task: str, notes: Sequence[Any]) -> RunStartEvent:
        return RunStartEvent(
            task=task,
            model=self.model.name,
            workspace=str(self.toolbox.workspace),
            isolation=self.toolbox.sandbox.isolation,
            policy={"source": self.gate.policy.source, "sha256": self.gate.policy.sha256},
            budget={
                "max_steps": self.budget.max_steps,
                "max_tokens": self.budget.max_tokens,
                "max_seconds": self.budget.max_seconds,
            },
            memory_notes=tuple(str(getattr(n, "path", n)) for n in notes),
            # pid, host, boot and start time: `forethought runs` tells a crashed run by them
            process=process_identity(),
        )

    def end_event(self) -> RunEndEvent:
        r = self.result
        r.costs.run_s = time.monotonic() - self.started
        return RunEndEvent(r.status, r.reason, r.answer, r.steps, r.costs.to_dict())


def _assistant(completion: Completion) -> Message:
    return Message("assistant", completion.text, tool_calls=completion.tool_calls)


def _tool_result(call: ToolCall, text: str) -> Message:
    return Message("tool", text, tool_call_id=call.id, name=call.name)


def _tool_args(tool: str, args: dict[str, Any]) -> dict[str, Any]:
    """The toolbox's arguments from a Proposal's normalised ones (the same names, except that
    the proposal keeps an edit as a list of edits)."""
    if tool == "edit_file" and "edits" in args:
        edit = args["edits"][0]
        return {"path": args["path"], "old": edit["old"], "new": edit["new"]}
    if tool == "http_request":  # the proposal fills absent headers and body with {} and ""
        return {
            "method": args["method"],
            "url": args["url"],
            "headers": args.get("headers") or None,
            "body": args.get("body") or None,
        }
    return args
