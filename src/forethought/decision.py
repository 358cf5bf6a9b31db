"""Decision: what the Gate says about one Proposal, and why."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from forethought.ledger.events import HUMAN_ANSWERS as HUMAN_ANSWERS
from forethought.ledger.events import NOT_RECORDED as NOT_RECORDED
from forethought.ledger.events import DecisionEvent, HumanVerdictEvent
from forethought.ledger.events import HumanAnswer as HumanAnswer
from forethought.review.base import Prediction, Review
from forethought.safe_text import printable

Verdict = Literal["allow", "block", "revise", "resample", "escalate"]
VERDICTS: tuple[Verdict, ...] = ("allow", "block", "revise", "resample", "escalate")

# A human's answer to an escalation (HumanAnswer, HUMAN_ANSWERS: "timeout" is nobody answered,
# in time or at all) and the approver of a verdict recorded before every verdict named one
# (NOT_RECORDED) are the ledger's (forethought.ledger.events). The ledger kind of a
# HumanVerdictRecord:
HUMAN_VERDICT = HumanVerdictEvent.kind


@dataclass(frozen=True, slots=True)
class HumanVerdict:
    """A human's answer to an escalation.

    ``approver`` is who answered, as the channel authenticated them (never taken from the
    request). ``args`` holds the rewritten arguments of an ``edit``; an edited action is
    reviewed again before it runs.
    """

    answer: HumanAnswer
    approver: str
    reason: str = ""
    args: Mapping[str, Any] = field(default_factory=dict)

    @property
    def approves(self) -> bool:
        return self.answer == "approve"

    def to_dict(self) -> dict[str, Any]:
        return {
            "answer": self.answer,
            "approver": self.approver,
            "reason": self.reason,
            "args": dict(self.args),
        }


@dataclass(frozen=True, slots=True)
class HumanVerdictRecord:
    """The one ledger record of a human verdict (kind ``human_verdict``), whatever the
    integration: which proposal, via which channel, who answered and what.

    ``event()`` is the typed ledger event written (forethought.ledger.events.HumanVerdictEvent),
    ``payload()`` its payload; ``parse()`` reads it back, and reads the older shapes too: the
    Python guard's ``{"approved": bool, "channel"}`` (recorded without an approver) and records
    without a channel.
    """

    proposal_id: str | None
    channel: str
    verdict: HumanVerdict

    def event(self) -> HumanVerdictEvent:
        v = self.verdict
        return HumanVerdictEvent(
            self.proposal_id, self.channel, v.answer, v.approver, v.reason, dict(v.args)
        )

    def payload(self) -> dict[str, Any]:
        return self.event().to_payload()

    @classmethod
    def of(cls, event: HumanVerdictEvent) -> HumanVerdictRecord:
        verdict = HumanVerdict(event.answer, event.approver, event.reason, dict(event.args))
        return cls(proposal_id=event.proposal_id, channel=event.channel, verdict=verdict)

    @classmethod
    def parse(cls, payload: Mapping[str, Any]) -> HumanVerdictRecord:
        return cls.of(HumanVerdictEvent.from_payload(payload))


_NO_EXTRA: dict[str, Any] = {}  # marks "extra not given": each Decision gets its own dict


@dataclass(frozen=True, slots=True, init=False)
class Decision:
    """The policy's verdict on one Proposal.

    ``term`` names the term of the policy formula that decided (e.g. ``harm>=block``) and
    ``reason`` states it with the numbers; ``message`` is short and meant for the agent;
    ``explanation`` is the full account for humans and the ledger.
    """

    verdict: Verdict
    term: str
    reason: str
    harm: float
    benefit: float
    risk: float | None
    message: str
    explanation: str
    reviews: tuple[Review, ...] = ()
    proposal_id: str | None = None
    policy_hash: str = ""
    extra: dict[str, Any] = field(default_factory=dict)
    # The largest uncertainty a completed review reported (None: none said), beside the risk.
    uncertainty: float | None = None
    # The reasons as data: the worst predicted harms (outcome and evidence), most harmful first
    # (for a hard rule, the hard harms first).
    harms: tuple[Prediction, ...] = ()
    # The human's word, once an escalation is settled (forethought.settle).
    human: HumanVerdict | None = None

    def __init__(
        self,
        verdict: Verdict,
        term: str,
        reason: str,
        harm: float,
        benefit: float,
        risk: float | None,
        message: str,
        explanation: str,
        reviews: tuple[Review, ...] = (),
        proposal_id: str | None = None,
        policy_hash: str = "",
        extra: dict[str, Any] = _NO_EXTRA,
        uncertainty: float | None = None,
        harms: tuple[Prediction, ...] = (),
        human: HumanVerdict | None = None,
    ) -> None:
        # As Review's (review/base.py): the policy makes one Decision per proposal, and the
        # generated __init__ of a frozen dataclass sets each field through object.__setattr__,
        # several times the cost of the slots' own setters.
        _set_verdict(self, verdict)
        _set_term(self, term)
        _set_reason(self, reason)
        _set_harm(self, harm)
        _set_benefit(self, benefit)
        _set_risk(self, risk)
        _set_message(self, message)
        _set_explanation(self, explanation)
        _set_reviews(self, reviews)
        _set_proposal_id(self, proposal_id)
        _set_policy_hash(self, policy_hash)
        _set_extra(self, {} if extra is _NO_EXTRA else extra)
        _set_uncertainty(self, uncertainty)
        _set_harms(self, harms)
        _set_human(self, human)

    @property
    def allowed(self) -> bool:
        return self.verdict == "allow"

    @property
    def failed_reviews(self) -> tuple[Review, ...]:
        return tuple(r for r in self.reviews if r.failed)

    def to_dict(self) -> dict[str, Any]:
        """The CLI's ``--json`` record: stable keys that scripts rely on."""
        return self._as_dict(with_reviews=True)

    def record(self) -> dict[str, Any]:
        """``to_dict()`` without the predictions and reviews (the ledger records those apart):
        the payload of ``event()``."""
        return self.event().to_payload()

    def event(self) -> DecisionEvent:
        """The ledger's typed record of this Decision (its reviews are recorded apart)."""
        return DecisionEvent(
            id=self.proposal_id,
            verdict=self.verdict,
            term=self.term,
            reason=self.reason,
            risk=self.risk,
            uncertainty=self.uncertainty,
            harm=round(self.harm, 6),
            benefit=round(self.benefit, 6),
            message=self.message,
            explanation=self.explanation,
            policy_hash=self.policy_hash,
            human=None if self.human is None else self.human.to_dict(),
            extra=self.extra,
        )

    def _as_dict(self, *, with_reviews: bool) -> dict[str, Any]:
        # the CLI's key order; the ledger's payload (record()) holds the same keys but the
        # predictions and reviews
        record: dict[str, Any] = {
            "id": self.proposal_id,
            "decision": self.verdict,
            "term": self.term,
            "reason": self.reason,
            "risk": self.risk,
            "uncertainty": self.uncertainty,
            "harm": round(self.harm, 6),
            "benefit": round(self.benefit, 6),
            "message": self.message,
            "explanation": self.explanation,
        }
        if with_reviews:
            record["predictions"] = [
                {**p.to_dict(), "reviewer": r.reviewer} for r in self.reviews for p in r.predictions
            ]
            record["reviews"] = [r.summary() for r in self.reviews]
        record["policy_hash"] = self.policy_hash
        if self.human is not None:
            record["human"] = self.human.to_dict()
        record.update(self.extra)
        return record


_set_verdict = Decision.__dict__["verdict"].__set__
_set_term = Decision.__dict__["term"].__set__
_set_reason = Decision.__dict__["reason"].__set__
_set_harm = Decision.__dict__["harm"].__set__
_set_benefit = Decision.__dict__["benefit"].__set__
_set_risk = Decision.__dict__["risk"].__set__
_set_message = Decision.__dict__["message"].__set__
_set_explanation = Decision.__dict__["explanation"].__set__
_set_reviews = Decision.__dict__["reviews"].__set__
_set_proposal_id = Decision.__dict__["proposal_id"].__set__
_set_policy_hash = Decision.__dict__["policy_hash"].__set__
_set_extra = Decision.__dict__["extra"].__set__
_set_uncertainty = Decision.__dict__["uncertainty"].__set__
_set_harms = Decision.__dict__["harms"].__set__
_set_human = Decision.__dict__["human"].__set__


# -- what the agent is told ------------------------------------------------------------------

_LEAD = {
    "block": "Blocked",
    "escalate": "Needs a person's approval",
    "revise": "Revise this action",
    "resample": "Propose a different action",
}

# What the agent is told when no predicted harm decided: the deciding term in plain words.
_WITHOUT_HARMS = {
    "failed_review": "it could not be reviewed",
    "unreviewed": "forethought cannot judge this kind of action on its own",
    "disagreement": "the reviewers are not sure what it would do",
    "uncertain": "forethought cannot tell what all of it would do",
}

MAX_AGENT_CHARS = 600
_EVIDENCE_CHARS = 80


def agent_message(decision: Decision) -> str:
    """The one text an agent is told about a Decision ("" when the action may run).

    It says what to change: the predicted harms and the part of the action they come from
    (``Decision.harms``), or where no harm decided, the deciding term in plain words, and a
    person's refusal where one was asked. It never carries the reviewers' internals (names,
    rule names, scores, thresholds, error traces): an agent probing the gate learns nothing
    about how to slip past it. The full account is ``Decision.explanation``, in the ledger.
    """
    human = decision.human
    if human is not None and human.answer == "approve":
        return ""
    text = agent_words(decision.verdict, decision.term, decision.harms)
    if human is not None and human.answer in ("reject", "timeout"):
        said = "a person rejected it" if human.answer == "reject" else "no person answered"
        text = f"{text or _LEAD['escalate']}. Not approved: {printable(human.reason or said)}"
    return _fit(text)


def agent_reply(decision: Decision, said: str | None = None, *, also_refused: int = 0) -> str:
    """The tool result an agent loop gets for an action that did not run: ``agent_message``
    (or ``said``, what settle told the agent) behind the one prefix that says who refused it.

    A person's no or no answer: "REFUSED by a human reviewer."; the review's block or a
    resample whose fresh candidates (``also_refused``) were refused too: "REFUSED by review:";
    a revise: "NOT RUN. Revise: ..."; anything else (an escalation nobody settled, a person's
    edit reviewed and not allowed): "REFUSED:". Like ``agent_message``, it carries no score,
    threshold or reviewer name.
    """
    text = agent_message(decision) if said is None else said
    human = decision.human
    if human is not None:
        if human.answer in ("reject", "timeout"):
            return f"REFUSED by a human reviewer. {text}"
        return f"REFUSED: {text}"
    if decision.verdict == "revise":
        return f"NOT RUN. Revise: {text}. Propose a different action."
    if decision.verdict in ("block", "resample"):
        more = f" ({also_refused} fresh candidates were refused too)" if also_refused else ""
        return f"REFUSED by review: {text}{more}"
    return f"REFUSED: {text}"


def agent_words(verdict: Verdict, term: str, harms: Sequence[Prediction]) -> str:
    """``agent_message`` of a Decision still being made (the policy fills ``message`` with it)."""
    if verdict == "allow":
        return ""
    why = "; ".join(f"{p.outcome} ({_clip(p.evidence)})" for p in harms)
    if not why:
        why = _WITHOUT_HARMS.get(term, "the policy does not allow it")
        if term == "tool_rule":
            why = (
                "the policy asks a person about every call of this tool"
                if verdict == "escalate"
                else "the policy does not allow this tool"
            )
    # Shown to a person too (Claude Code's permission prompt): controls as escapes.
    return _fit(printable(f"{_LEAD[verdict]}: {why}"))


def _clip(text: str) -> str:
    return text if len(text) <= _EVIDENCE_CHARS else text[: _EVIDENCE_CHARS - 3] + "..."


def _fit(text: str) -> str:
    return text if len(text) <= MAX_AGENT_CHARS else text[: MAX_AGENT_CHARS - 3] + "..."
