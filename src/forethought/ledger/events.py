"""Typed ledger events: what each kind of event holds, written and read back through one type.

Every kind of event the project writes has a frozen dataclass here with its ``kind``, a
``to_payload()`` (the dict the ledger stores) and a tolerant ``from_payload()`` that reads the
shapes older versions wrote: a missing key gets its default, a value of the wrong type is read as
the default, an old field name is mapped (a guard's ``approved``, a review's ``reviewer``), and a
key the type does not know is kept in ``extra`` (written back as it was), never an error.

:func:`parse` turns a stored :class:`~forethought.ledger.event.Event` (or a kind and payload) into
its typed event (:class:`OtherEvent` for a kind not listed here); ``Ledger.record`` appends typed
events. The ledger itself still takes ``(kind, payload, run_id)``.

The payloads written are the ones written before these types existed, key for key (the stored
bytes are canonical JSON with sorted keys, so the order of keys does not matter): ledgers written
before and after read the same. This module imports nothing from the rest of forethought.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar, Literal, Self, TypeAlias

# (kind, payload, run_id): what Ledger.append_many takes.
Entry: TypeAlias = tuple[str, dict[str, Any], str | None]

HumanAnswer = Literal["approve", "reject", "edit", "timeout"]
HUMAN_ANSWERS: tuple[HumanAnswer, ...] = ("approve", "reject", "edit", "timeout")
# The approver of a verdict recorded before every verdict named one.
NOT_RECORDED = "(approver not recorded)"


# -- tolerant readers of one value --------------------------------------------------------------


def _str(value: Any, default: str = "") -> str:
    """A string: ``default`` for a missing value (None), any other value as text."""
    return default if value is None else str(value)


def _opt_str(value: Any) -> str | None:
    return None if value is None else str(value)


def _num(value: Any) -> float | None:
    """A number, or None (missing, or not a number: a bool is not one)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return value


def _int(value: Any) -> int:
    found = _num(value)
    return int(found) if found is not None else 0


def _float(value: Any) -> float:
    found = _num(value)
    return found if found is not None else 0.0


def _dict(value: Any) -> dict[str, Any]:
    return dict(value) if isinstance(value, Mapping) else {}


def _opt_dict(value: Any) -> dict[str, Any] | None:
    return dict(value) if isinstance(value, Mapping) else None


def _list(value: Any) -> list[Any]:
    return list(value) if isinstance(value, Sequence) and not isinstance(value, str) else []


def _rest(payload: Mapping[str, Any], known: frozenset[str]) -> dict[str, Any]:
    return {k: v for k, v in payload.items() if k not in known}


# -- the events ---------------------------------------------------------------------------------

# Marks a mapping not given: each event gets its own dict, as ``field(default_factory=dict)``.
# ProposalEvent, ReviewEvent and DecisionEvent, which the Gate records for every proposal, set
# their slots in an __init__ of their own (as Review and Decision do): the generated __init__ of a
# frozen dataclass sets each field through object.__setattr__, several times the cost of the
# slots' own setters. Their fields stay the schema; tests check that each __init__ takes them,
# in order, with the same defaults.
_NO_MAP: Mapping[str, Any] = {}


class LedgerEvent:
    """What every typed event has: its ledger ``kind``, its payload and the way back."""

    __slots__ = ()
    kind: ClassVar[str]

    def to_payload(self) -> dict[str, Any]:
        raise NotImplementedError

    @classmethod
    def from_payload(cls, payload: Mapping[str, Any]) -> Self:
        raise NotImplementedError

    def entry(self, run_id: str | None = None) -> Entry:
        """The ``(kind, payload, run_id)`` item ``Ledger.append_many`` takes."""
        return (self.kind, self.to_payload(), run_id)


@dataclass(frozen=True, slots=True)
class GateStartEvent(LedgerEvent):
    """A Gate opened: its policy, its reviewers and what its canaries found (None: not run).
    A reused Gate's record carries more (``server``: the warm server that reused it) in
    ``extra``."""

    kind: ClassVar[str] = "gate_start"
    _KNOWN: ClassVar[frozenset[str]] = frozenset({"policy", "reviewers", "canaries"})

    policy: Mapping[str, Any]
    reviewers: tuple[Mapping[str, Any], ...]
    canaries: Mapping[str, Any] | None = None
    extra: Mapping[str, Any] = field(default_factory=dict)

    def to_payload(self) -> dict[str, Any]:
        return {
            "policy": dict(self.policy),
            "reviewers": [dict(r) for r in self.reviewers],
            "canaries": None if self.canaries is None else dict(self.canaries),
            **self.extra,
        }

    @classmethod
    def from_payload(cls, payload: Mapping[str, Any]) -> Self:
        return cls(
            policy=_dict(payload.get("policy")),
            reviewers=tuple(_dict(r) for r in _list(payload.get("reviewers"))),
            canaries=_opt_dict(payload.get("canaries")),
            extra=_rest(payload, cls._KNOWN),
        )


@dataclass(frozen=True, slots=True, init=False)
class ProposalEvent(LedgerEvent):
    """What the Gate reviewed: the action (``tool``, its kind as ``action_kind``, stored as
    ``kind``, normalised ``args``, the ``raw`` text it came from), the agent's reasoning, the
    task, the road it came by (``origin``, ``session_id``) and its context.

    Older ledgers kept the origin in ``context`` only and no ``raw``: ``origin`` reads it from
    there, ``raw`` reads as "".
    """

    kind: ClassVar[str] = "proposal"
    _KNOWN: ClassVar[frozenset[str]] = frozenset(
        {"id", "origin", "session_id", "shape", "tool", "kind", "args", "reasoning", "task",
         "history", "context", "raw"}
    )  # fmt: skip

    id: str | None
    tool: str
    action_kind: str
    args: Mapping[str, Any]
    reasoning: str = ""
    task: str = ""
    history: tuple[str, ...] = ()
    context: Mapping[str, Any] = field(default_factory=dict)
    origin: str = ""
    session_id: str | None = None
    shape: str = "plain"
    raw: str = ""
    extra: Mapping[str, Any] = field(default_factory=dict)

    def __init__(
        self,
        id: str | None,
        tool: str,
        action_kind: str,
        args: Mapping[str, Any],
        reasoning: str = "",
        task: str = "",
        history: tuple[str, ...] = (),
        context: Mapping[str, Any] = _NO_MAP,
        origin: str = "",
        session_id: str | None = None,
        shape: str = "plain",
        raw: str = "",
        extra: Mapping[str, Any] = _NO_MAP,
    ) -> None:
        # The Gate records one of these, a ReviewEvent per review and a DecisionEvent for every
        # proposal: see _NO_MAP for why these three set their slots themselves.
        _set_proposal_id(self, id)
        _set_proposal_tool(self, tool)
        _set_proposal_action_kind(self, action_kind)
        _set_proposal_args(self, args)
        _set_proposal_reasoning(self, reasoning)
        _set_proposal_task(self, task)
        _set_proposal_history(self, history)
        _set_proposal_context(self, {} if context is _NO_MAP else context)
        _set_proposal_origin(self, origin)
        _set_proposal_session_id(self, session_id)
        _set_proposal_shape(self, shape)
        _set_proposal_raw(self, raw)
        _set_proposal_extra(self, {} if extra is _NO_MAP else extra)

    def to_payload(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "origin": self.origin,
            "session_id": self.session_id,
            "shape": self.shape,
            "tool": self.tool,
            "kind": self.action_kind,
            "args": dict(self.args),
            "reasoning": self.reasoning,
            "task": self.task,
            "history": list(self.history),
            "context": dict(self.context),
            "raw": self.raw,
            **self.extra,
        }

    @classmethod
    def from_payload(cls, payload: Mapping[str, Any]) -> Self:
        context = _dict(payload.get("context"))
        return cls(
            id=_opt_str(payload.get("id")),
            tool=_str(payload.get("tool")),
            action_kind=_str(payload.get("kind")),
            args=_dict(payload.get("args")),
            reasoning=_str(payload.get("reasoning")),
            task=_str(payload.get("task")),
            history=tuple(_str(h) for h in _list(payload.get("history"))),
            context=context,
            origin=_str(payload.get("origin") or context.get("origin")),
            session_id=_opt_str(payload.get("session_id")),
            shape=_str(payload.get("shape"), "plain"),
            raw=_str(payload.get("raw")),
            extra=_rest(payload, cls._KNOWN),
        )


_set_proposal_id = ProposalEvent.__dict__["id"].__set__
_set_proposal_tool = ProposalEvent.__dict__["tool"].__set__
_set_proposal_action_kind = ProposalEvent.__dict__["action_kind"].__set__
_set_proposal_args = ProposalEvent.__dict__["args"].__set__
_set_proposal_reasoning = ProposalEvent.__dict__["reasoning"].__set__
_set_proposal_task = ProposalEvent.__dict__["task"].__set__
_set_proposal_history = ProposalEvent.__dict__["history"].__set__
_set_proposal_context = ProposalEvent.__dict__["context"].__set__
_set_proposal_origin = ProposalEvent.__dict__["origin"].__set__
_set_proposal_session_id = ProposalEvent.__dict__["session_id"].__set__
_set_proposal_shape = ProposalEvent.__dict__["shape"].__set__
_set_proposal_raw = ProposalEvent.__dict__["raw"].__set__
_set_proposal_extra = ProposalEvent.__dict__["extra"].__set__


@dataclass(frozen=True, slots=True, init=False)
class ReviewEvent(LedgerEvent):
    """One reviewer's Review of a proposal: its predictions (each a Prediction's dict), risk,
    rationale, cost, and failure. ``details`` (a model reviewer's answer, a debate's transcript)
    is written only when there are any. Older records named the reviewer ``reviewer``."""

    kind: ClassVar[str] = "review"
    _KNOWN: ClassVar[frozenset[str]] = frozenset(
        {"proposal_id", "name", "reviewer", "version", "risk", "rationale", "elapsed_ms",
         "tokens_in", "tokens_out", "failed", "error", "partial", "uncertainty", "predictions",
         "details"}
    )  # fmt: skip

    proposal_id: str | None
    name: str
    version: str = ""
    risk: float | None = None
    rationale: str = ""
    elapsed_ms: float = 0.0
    tokens_in: int = 0
    tokens_out: int = 0
    failed: bool = False
    error: str | None = None
    partial: bool = False
    uncertainty: float | None = None
    predictions: tuple[Mapping[str, Any], ...] = ()
    details: Mapping[str, Any] = field(default_factory=dict)
    extra: Mapping[str, Any] = field(default_factory=dict)

    def __init__(
        self,
        proposal_id: str | None,
        name: str,
        version: str = "",
        risk: float | None = None,
        rationale: str = "",
        elapsed_ms: float = 0.0,
        tokens_in: int = 0,
        tokens_out: int = 0,
        failed: bool = False,
        error: str | None = None,
        partial: bool = False,
        uncertainty: float | None = None,
        predictions: tuple[Mapping[str, Any], ...] = (),
        details: Mapping[str, Any] = _NO_MAP,
        extra: Mapping[str, Any] = _NO_MAP,
    ) -> None:
        # as ProposalEvent's (see _NO_MAP)
        _set_review_proposal_id(self, proposal_id)
        _set_review_name(self, name)
        _set_review_version(self, version)
        _set_review_risk(self, risk)
        _set_review_rationale(self, rationale)
        _set_review_elapsed_ms(self, elapsed_ms)
        _set_review_tokens_in(self, tokens_in)
        _set_review_tokens_out(self, tokens_out)
        _set_review_failed(self, failed)
        _set_review_error(self, error)
        _set_review_partial(self, partial)
        _set_review_uncertainty(self, uncertainty)
        _set_review_predictions(self, predictions)
        _set_review_details(self, {} if details is _NO_MAP else details)
        _set_review_extra(self, {} if extra is _NO_MAP else extra)

    def to_payload(self) -> dict[str, Any]:
        payload: dict[str, Any] = {
            "proposal_id": self.proposal_id,
            "name": self.name,
            "version": self.version,
            "risk": self.risk,
            "rationale": self.rationale,
            "elapsed_ms": self.elapsed_ms,
            "tokens_in": self.tokens_in,
            "tokens_out": self.tokens_out,
            "failed": self.failed,
            "error": self.error,
            "partial": self.partial,
            "uncertainty": self.uncertainty,
            "predictions": list(self.predictions),  # each written as it was given
        }
        if self.details:
            payload["details"] = dict(self.details)
        payload.update(self.extra)
        return payload

    @classmethod
    def from_payload(cls, payload: Mapping[str, Any]) -> Self:
        return cls(
            proposal_id=_opt_str(payload.get("proposal_id")),
            name=_str(payload.get("name") or payload.get("reviewer")),
            version=_str(payload.get("version")),
            risk=_num(payload.get("risk")),
            rationale=_str(payload.get("rationale")),
            elapsed_ms=_float(payload.get("elapsed_ms")),
            tokens_in=_int(payload.get("tokens_in")),
            tokens_out=_int(payload.get("tokens_out")),
            failed=payload.get("failed") is True,
            error=_opt_str(payload.get("error")),
            partial=payload.get("partial") is True,
            uncertainty=_num(payload.get("uncertainty")),
            predictions=tuple(_dict(p) for p in _list(payload.get("predictions"))),
            details=_dict(payload.get("details")),
            extra=_rest(payload, cls._KNOWN),
        )


_set_review_proposal_id = ReviewEvent.__dict__["proposal_id"].__set__
_set_review_name = ReviewEvent.__dict__["name"].__set__
_set_review_version = ReviewEvent.__dict__["version"].__set__
_set_review_risk = ReviewEvent.__dict__["risk"].__set__
_set_review_rationale = ReviewEvent.__dict__["rationale"].__set__
_set_review_elapsed_ms = ReviewEvent.__dict__["elapsed_ms"].__set__
_set_review_tokens_in = ReviewEvent.__dict__["tokens_in"].__set__
_set_review_tokens_out = ReviewEvent.__dict__["tokens_out"].__set__
_set_review_failed = ReviewEvent.__dict__["failed"].__set__
_set_review_error = ReviewEvent.__dict__["error"].__set__
_set_review_partial = ReviewEvent.__dict__["partial"].__set__
_set_review_uncertainty = ReviewEvent.__dict__["uncertainty"].__set__
_set_review_predictions = ReviewEvent.__dict__["predictions"].__set__
_set_review_details = ReviewEvent.__dict__["details"].__set__
_set_review_extra = ReviewEvent.__dict__["extra"].__set__


@dataclass(frozen=True, slots=True, init=False)
class DecisionEvent(LedgerEvent):
    """The policy's Decision on a proposal (``id``), without its reviews (recorded apart): the
    verdict (stored as ``decision``), the deciding term and the numbers; ``human`` is a person's
    answer where the Decision carries one; ``extra`` what the Decision's own ``extra`` adds."""

    kind: ClassVar[str] = "decision"
    _KNOWN: ClassVar[frozenset[str]] = frozenset(
        {"id", "decision", "term", "reason", "risk", "uncertainty", "harm", "benefit", "message",
         "explanation", "policy_hash", "human"}
    )  # fmt: skip

    id: str | None
    verdict: str
    term: str = ""
    reason: str = ""
    risk: float | None = None
    uncertainty: float | None = None
    harm: float | None = None  # None: not recorded (every Decision records both)
    benefit: float | None = None
    message: str = ""
    explanation: str = ""
    policy_hash: str = ""
    human: Mapping[str, Any] | None = None
    extra: Mapping[str, Any] = field(default_factory=dict)

    def __init__(
        self,
        id: str | None,
        verdict: str,
        term: str = "",
        reason: str = "",
        risk: float | None = None,
        uncertainty: float | None = None,
        harm: float | None = None,
        benefit: float | None = None,
        message: str = "",
        explanation: str = "",
        policy_hash: str = "",
        human: Mapping[str, Any] | None = None,
        extra: Mapping[str, Any] = _NO_MAP,
    ) -> None:
        # as ProposalEvent's (see _NO_MAP)
        _set_decision_id(self, id)
        _set_decision_verdict(self, verdict)
        _set_decision_term(self, term)
        _set_decision_reason(self, reason)
        _set_decision_risk(self, risk)
        _set_decision_uncertainty(self, uncertainty)
        _set_decision_harm(self, harm)
        _set_decision_benefit(self, benefit)
        _set_decision_message(self, message)
        _set_decision_explanation(self, explanation)
        _set_decision_policy_hash(self, policy_hash)
        _set_decision_human(self, human)
        _set_decision_extra(self, {} if extra is _NO_MAP else extra)

    def to_payload(self) -> dict[str, Any]:
        payload: dict[str, Any] = {
            "id": self.id,
            "decision": self.verdict,
            "term": self.term,
            "reason": self.reason,
            "risk": self.risk,
            "uncertainty": self.uncertainty,
            "harm": self.harm,
            "benefit": self.benefit,
            "message": self.message,
            "explanation": self.explanation,
            "policy_hash": self.policy_hash,
        }
        if self.human is not None:
            payload["human"] = dict(self.human)
        payload.update(self.extra)
        return payload

    @classmethod
    def from_payload(cls, payload: Mapping[str, Any]) -> Self:
        return cls(
            id=_opt_str(payload.get("id")),
            verdict=_str(payload.get("decision")),
            term=_str(payload.get("term")),
            reason=_str(payload.get("reason")),
            risk=_num(payload.get("risk")),
            uncertainty=_num(payload.get("uncertainty")),
            harm=_num(payload.get("harm")),
            benefit=_num(payload.get("benefit")),
            message=_str(payload.get("message")),
            explanation=_str(payload.get("explanation")),
            policy_hash=_str(payload.get("policy_hash")),
            human=_opt_dict(payload.get("human")),
            extra=_rest(payload, cls._KNOWN),
        )


_set_decision_id = DecisionEvent.__dict__["id"].__set__
_set_decision_verdict = DecisionEvent.__dict__["verdict"].__set__
_set_decision_term = DecisionEvent.__dict__["term"].__set__
_set_decision_reason = DecisionEvent.__dict__["reason"].__set__
_set_decision_risk = DecisionEvent.__dict__["risk"].__set__
_set_decision_uncertainty = DecisionEvent.__dict__["uncertainty"].__set__
_set_decision_harm = DecisionEvent.__dict__["harm"].__set__
_set_decision_benefit = DecisionEvent.__dict__["benefit"].__set__
_set_decision_message = DecisionEvent.__dict__["message"].__set__
_set_decision_explanation = DecisionEvent.__dict__["explanation"].__set__
_set_decision_policy_hash = DecisionEvent.__dict__["policy_hash"].__set__
_set_decision_human = DecisionEvent.__dict__["human"].__set__
_set_decision_extra = DecisionEvent.__dict__["extra"].__set__


@dataclass(frozen=True, slots=True)
class HumanVerdictEvent(LedgerEvent):
    """A person's answer to an escalation, whatever the integration: which proposal, via which
    channel, who answered (as the channel authenticated them) and what; ``args`` the rewritten
    arguments of an ``edit``.

    Reads the older shapes too: the Python guard's ``{"approved": bool, "channel"}`` (no
    answer, no approver: ``approve`` where approved, else ``reject``; the approver
    :data:`NOT_RECORDED`), records without a channel (``unknown``); an answer it does not know
    reads as ``reject``.
    """

    kind: ClassVar[str] = "human_verdict"
    _KNOWN: ClassVar[frozenset[str]] = frozenset(
        {"proposal_id", "channel", "answer", "approver", "reason", "args", "approved"}
    )

    proposal_id: str | None
    channel: str
    answer: HumanAnswer
    approver: str
    reason: str = ""
    args: Mapping[str, Any] = field(default_factory=dict)
    extra: Mapping[str, Any] = field(default_factory=dict)

    @property
    def approves(self) -> bool:
        return self.answer == "approve"

    def to_payload(self) -> dict[str, Any]:
        return {
            "proposal_id": self.proposal_id,
            "channel": self.channel,
            "answer": self.answer,
            "approver": self.approver,
            "reason": self.reason,
            "args": dict(self.args),
            **self.extra,
        }

    @classmethod
    def from_payload(cls, payload: Mapping[str, Any]) -> Self:
        found = payload.get("answer")
        answer: HumanAnswer = next((a for a in HUMAN_ANSWERS if a == found), "reject")
        if found not in HUMAN_ANSWERS and payload.get("approved") is True:
            answer = "approve"
        return cls(
            proposal_id=_opt_str(payload.get("proposal_id")),
            channel=_str(payload.get("channel") or "unknown"),
            answer=answer,
            approver=_str(payload.get("approver") or NOT_RECORDED),
            reason=_str(payload.get("reason") or ""),
            args=_dict(payload.get("args")),
            extra=_rest(payload, cls._KNOWN),
        )


@dataclass(frozen=True, slots=True)
class RunStartEvent(LedgerEvent):
    """The agent loop starts a run: its task, model, workspace, sandbox, policy, budget, the
    memory notes it loaded and the process running it (``None`` in runs recorded before runs
    named their process: then nobody can tell whether an unended run is still running)."""

    kind: ClassVar[str] = "run_start"
    _KNOWN: ClassVar[frozenset[str]] = frozenset(
        {"task", "model", "workspace", "isolation", "policy", "budget", "memory_notes", "process"}
    )

    task: str
    model: str = ""
    workspace: str = ""
    isolation: str = ""
    policy: Mapping[str, Any] = field(default_factory=dict)
    budget: Mapping[str, Any] = field(default_factory=dict)
    memory_notes: tuple[str, ...] = ()
    process: Mapping[str, Any] | None = None
    extra: Mapping[str, Any] = field(default_factory=dict)

    def to_payload(self) -> dict[str, Any]:
        payload: dict[str, Any] = {
            "task": self.task,
            "model": self.model,
            "workspace": self.workspace,
            "isolation": self.isolation,
            "policy": dict(self.policy),
            "budget": dict(self.budget),
            "memory_notes": list(self.memory_notes),
        }
        if self.process is not None:
            payload["process"] = dict(self.process)
        payload.update(self.extra)
        return payload

    @classmethod
    def from_payload(cls, payload: Mapping[str, Any]) -> Self:
        return cls(
            task=_str(payload.get("task")),
            model=_str(payload.get("model")),
            workspace=_str(payload.get("workspace")),
            isolation=_str(payload.get("isolation")),
            policy=_dict(payload.get("policy")),
            budget=_dict(payload.get("budget")),
            memory_notes=tuple(_str(n) for n in _list(payload.get("memory_notes"))),
            process=_opt_dict(payload.get("process")),
            extra=_rest(payload, cls._KNOWN),
        )


@dataclass(frozen=True, slots=True)
class RecordedCall:
    """One tool call in a model's answer, as recorded: ``error`` where its arguments did not
    parse."""

    id: str
    name: str
    arguments: Mapping[str, Any] = field(default_factory=dict)
    error: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "arguments": dict(self.arguments),
            "error": self.error,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], index: int = 0) -> RecordedCall:
        return cls(
            id=_str(data.get("id") or f"call-{index}"),
            name=_str(data.get("name")),
            arguments=_dict(data.get("arguments")),
            error=_opt_str(data.get("error")),
        )


@dataclass(frozen=True, slots=True)
class ModelCallEvent(LedgerEvent):
    """One answer of the agent's model: its text, the tool calls it made, tokens and time."""

    kind: ClassVar[str] = "model_call"
    _KNOWN: ClassVar[frozenset[str]] = frozenset(
        {"text", "tool_calls", "tokens_in", "tokens_out", "elapsed_s", "model"}
    )

    text: str
    tool_calls: tuple[RecordedCall, ...] = ()
    tokens_in: int = 0
    tokens_out: int = 0
    elapsed_s: float = 0.0
    model: str = ""
    extra: Mapping[str, Any] = field(default_factory=dict)

    def to_payload(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "tool_calls": [c.to_dict() for c in self.tool_calls],
            "tokens_in": self.tokens_in,
            "tokens_out": self.tokens_out,
            "elapsed_s": self.elapsed_s,
            "model": self.model,
            **self.extra,
        }

    @classmethod
    def from_payload(cls, payload: Mapping[str, Any]) -> Self:
        calls = [c for c in _list(payload.get("tool_calls")) if isinstance(c, Mapping)]
        return cls(
            text=_str(payload.get("text")),
            tool_calls=tuple(RecordedCall.from_dict(c, i) for i, c in enumerate(calls)),
            tokens_in=_int(payload.get("tokens_in")),
            tokens_out=_int(payload.get("tokens_out")),
            elapsed_s=_float(payload.get("elapsed_s")),
            model=_str(payload.get("model")),
            extra=_rest(payload, cls._KNOWN),
        )


@dataclass(frozen=True, slots=True)
class ExecutionEvent(LedgerEvent):
    """An allowed action ran: what it returned (``observation``, clipped), whether it succeeded
    and how long it took. ``details`` (the agent's sandbox: exit code ...) is written only by
    the writers that have it (None: not written; the MCP proxy has none)."""

    kind: ClassVar[str] = "execution"
    _KNOWN: ClassVar[frozenset[str]] = frozenset(
        {"proposal_id", "tool", "ok", "elapsed_s", "details", "observation"}
    )

    proposal_id: str | None
    tool: str
    ok: bool
    observation: str = ""
    elapsed_s: float = 0.0
    details: Mapping[str, Any] | None = None
    extra: Mapping[str, Any] = field(default_factory=dict)

    def to_payload(self) -> dict[str, Any]:
        payload: dict[str, Any] = {
            "proposal_id": self.proposal_id,
            "tool": self.tool,
            "ok": self.ok,
            "elapsed_s": self.elapsed_s,
        }
        if self.details is not None:
            payload["details"] = dict(self.details)
        payload["observation"] = self.observation
        payload.update(self.extra)
        return payload

    @classmethod
    def from_payload(cls, payload: Mapping[str, Any]) -> Self:
        return cls(
            proposal_id=_opt_str(payload.get("proposal_id")),
            tool=_str(payload.get("tool")),
            ok=payload.get("ok") is True,
            observation=_str(payload.get("observation")),
            elapsed_s=_float(payload.get("elapsed_s")),
            details=_opt_dict(payload.get("details")),
            extra=_rest(payload, cls._KNOWN),
        )


@dataclass(frozen=True, slots=True)
class MalformedCallEvent(LedgerEvent):
    """A tool call that could not even be reviewed (its arguments do not fit the tool, the
    server has no such tool): ``origin`` is written by the edges that name theirs (None: not
    written; the agent loop's)."""

    kind: ClassVar[str] = "malformed_call"
    _KNOWN: ClassVar[frozenset[str]] = frozenset({"origin", "tool", "raw", "error"})

    tool: str
    raw: str
    error: str
    origin: str | None = None
    extra: Mapping[str, Any] = field(default_factory=dict)

    def to_payload(self) -> dict[str, Any]:
        payload: dict[str, Any] = {} if self.origin is None else {"origin": self.origin}
        payload.update({"tool": self.tool, "raw": self.raw, "error": self.error})
        payload.update(self.extra)
        return payload

    @classmethod
    def from_payload(cls, payload: Mapping[str, Any]) -> Self:
        return cls(
            tool=_str(payload.get("tool")),
            raw=_str(payload.get("raw")),
            error=_str(payload.get("error")),
            origin=_opt_str(payload.get("origin")),
            extra=_rest(payload, cls._KNOWN),
        )


@dataclass(frozen=True, slots=True)
class ModelErrorEvent(LedgerEvent):
    """The agent's model failed; the run ends."""

    kind: ClassVar[str] = "model_error"
    _KNOWN: ClassVar[frozenset[str]] = frozenset({"error", "retryable"})

    error: str
    retryable: bool = False
    extra: Mapping[str, Any] = field(default_factory=dict)

    def to_payload(self) -> dict[str, Any]:
        return {"error": self.error, "retryable": self.retryable, **self.extra}

    @classmethod
    def from_payload(cls, payload: Mapping[str, Any]) -> Self:
        return cls(
            error=_str(payload.get("error")),
            retryable=payload.get("retryable") is True,
            extra=_rest(payload, cls._KNOWN),
        )


@dataclass(frozen=True, slots=True)
class RunEndEvent(LedgerEvent):
    """The agent loop's run ended: how (``finished``, ``stopped``, ``failed``, ``refused``),
    why, the answer, the steps taken and what they cost (a Costs dict)."""

    kind: ClassVar[str] = "run_end"
    _KNOWN: ClassVar[frozenset[str]] = frozenset({"status", "reason", "answer", "steps", "costs"})

    status: str
    reason: str = ""
    answer: str = ""
    steps: int = 0
    costs: Mapping[str, Any] = field(default_factory=dict)
    extra: Mapping[str, Any] = field(default_factory=dict)

    def to_payload(self) -> dict[str, Any]:
        return {
            "status": self.status,
            "reason": self.reason,
            "answer": self.answer,
            "steps": self.steps,
            "costs": dict(self.costs),
            **self.extra,
        }

    @classmethod
    def from_payload(cls, payload: Mapping[str, Any]) -> Self:
        return cls(
            status=_str(payload.get("status")),
            reason=_str(payload.get("reason")),
            answer=_str(payload.get("answer")),
            steps=_int(payload.get("steps")),
            costs=_dict(payload.get("costs")),
            extra=_rest(payload, cls._KNOWN),
        )


@dataclass(frozen=True, slots=True)
class HookFailureEvent(LedgerEvent):
    """A harness hook could not review a call (so refused it): why, and the start of its input."""

    kind: ClassVar[str] = "hook_failure"
    _KNOWN: ClassVar[frozenset[str]] = frozenset({"error", "input"})

    error: str
    input: str = ""
    extra: Mapping[str, Any] = field(default_factory=dict)

    def to_payload(self) -> dict[str, Any]:
        return {"error": self.error, "input": self.input, **self.extra}

    @classmethod
    def from_payload(cls, payload: Mapping[str, Any]) -> Self:
        return cls(
            error=_str(payload.get("error")),
            input=_str(payload.get("input")),
            extra=_rest(payload, cls._KNOWN),
        )


@dataclass(frozen=True, slots=True)
class McpFailureEvent(LedgerEvent):
    """The MCP proxy could not review a call (so refused it): the call's id, tool and why."""

    kind: ClassVar[str] = "mcp_failure"
    _KNOWN: ClassVar[frozenset[str]] = frozenset({"id", "tool", "error"})

    id: str | None
    tool: str
    error: str
    extra: Mapping[str, Any] = field(default_factory=dict)

    def to_payload(self) -> dict[str, Any]:
        return {"id": self.id, "tool": self.tool, "error": self.error, **self.extra}

    @classmethod
    def from_payload(cls, payload: Mapping[str, Any]) -> Self:
        return cls(
            id=_opt_str(payload.get("id")),
            tool=_str(payload.get("tool")),
            error=_str(payload.get("error")),
            extra=_rest(payload, cls._KNOWN),
        )


@dataclass(frozen=True, slots=True)
class OtherEvent(LedgerEvent):
    """An event of a kind this module does not know (a newer version's, a caller's own): its
    kind and payload as they are."""

    kind: str  # type: ignore[misc]  # per event here, not per class
    payload: Mapping[str, Any] = field(default_factory=dict)

    def to_payload(self) -> dict[str, Any]:
        return dict(self.payload)

    @classmethod
    def from_payload(cls, payload: Mapping[str, Any]) -> Self:
        return cls("", dict(payload))


EVENT_TYPES: tuple[type[LedgerEvent], ...] = (
    GateStartEvent,
    ProposalEvent,
    ReviewEvent,
    DecisionEvent,
    HumanVerdictEvent,
    RunStartEvent,
    ModelCallEvent,
    ExecutionEvent,
    MalformedCallEvent,
    ModelErrorEvent,
    RunEndEvent,
    HookFailureEvent,
    McpFailureEvent,
)
BY_KIND: dict[str, type[LedgerEvent]] = {t.kind: t for t in EVENT_TYPES}


def parse(event: Any, payload: Mapping[str, Any] | None = None) -> LedgerEvent:
    """The typed event of a stored Event (anything with ``kind`` and ``payload``), or of a kind
    and its payload: ``parse("decision", {...})``. A kind not known here is an OtherEvent; a
    payload that is not a mapping reads as an empty one. Never raises on what a ledger holds."""
    if isinstance(event, str):
        kind, found = event, payload
    else:
        kind, found = str(event.kind), event.payload
    data = found if isinstance(found, Mapping) else {}
    known = BY_KIND.get(kind)
    if known is None:
        return OtherEvent(kind, dict(data))
    return known.from_payload(data)
