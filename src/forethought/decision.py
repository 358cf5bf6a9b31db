"""Decision: what the Gate says about one Proposal, and why."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from forethought.review.base import Prediction, Review

Verdict = Literal["allow", "block", "revise", "resample", "escalate"]
VERDICTS: tuple[Verdict, ...] = ("allow", "block", "revise", "resample", "escalate")

# A human's answer to an escalation; "timeout": nobody answered (in time, or at all).
HumanAnswer = Literal["approve", "reject", "edit", "timeout"]
HUMAN_ANSWERS: tuple[HumanAnswer, ...] = ("approve", "reject", "edit", "timeout")
# The ledger kind of a HumanVerdictRecord.
HUMAN_VERDICT = "human_verdict"


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

    ``payload()`` is what is written; ``parse()`` reads it back, and reads the older shapes too:
    the Python guard's ``{"approved": bool, "channel"}`` (recorded without an approver) and
    records without a channel.
    """

    proposal_id: str | None
    channel: str
    verdict: HumanVerdict

    def payload(self) -> dict[str, Any]:
        return {"proposal_id": self.proposal_id, "channel": self.channel, **self.verdict.to_dict()}

    @classmethod
    def parse(cls, payload: Mapping[str, Any]) -> HumanVerdictRecord:
        found = payload.get("answer")
        answer: HumanAnswer = next((a for a in HUMAN_ANSWERS if a == found), "reject")
        if found not in HUMAN_ANSWERS and payload.get("approved") is True:
            answer = "approve"
        args = payload.get("args")
        proposal_id = payload.get("proposal_id")
        return cls(
            proposal_id=None if proposal_id is None else str(proposal_id),
            channel=str(payload.get("channel") or "unknown"),
            verdict=HumanVerdict(
                answer=answer,
                approver=str(payload.get("approver") or NOT_RECORDED),
                reason=str(payload.get("reason") or ""),
                args=dict(args) if isinstance(args, Mapping) else {},
            ),
        )


# The approver of a verdict recorded before every verdict named one.
NOT_RECORDED = "(approver not recorded)"


@dataclass(frozen=True, slots=True)
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
        """``to_dict()`` without the predictions and reviews (the ledger records those apart)."""
        return self._as_dict(with_reviews=False)

    def _as_dict(self, *, with_reviews: bool) -> dict[str, Any]:
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
