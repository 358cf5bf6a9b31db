"""Decision: what the Gate says about one Proposal, and why."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from forethought.review.base import Review

Verdict = Literal["allow", "block", "revise", "resample", "escalate"]
VERDICTS: tuple[Verdict, ...] = ("allow", "block", "revise", "resample", "escalate")


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
        record.update(self.extra)
        return record
