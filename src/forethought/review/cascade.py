"""Cascade: ask a model reviewer only where the cheap, static reviewers are unsure.

``Cascade(inner, static, band)`` is itself a Reviewer. On the Gate's worker thread it first runs
the static reviewers (a fraction of a millisecond) and takes their risk, the highest risk among
those that judged the action. Inside the uncertain band ``(low, high)``, bounds included, it
asks ``inner``. Outside it, the static verdict is clear-cut and the model is not asked: the
Review it returns says so, makes no prediction and is *partial* (it does not count as the
action having been reviewed). Where no static reviewer could judge the action, or one failed,
the case is not clear-cut and the model is asked; so it is where a static reviewer is uncertain
(its uncertainty reaches the policy's thresholds.uncertainty): a low risk from a reviewer that
could not see part of the action is not a clear verdict.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from forethought.proposal import Proposal
from forethought.review.base import Review, Reviewer, timed


class Cascade:
    inline = False
    canaries: tuple[dict[str, Any], ...] = ()

    def __init__(
        self,
        inner: Reviewer,
        static: Sequence[Reviewer],
        band: tuple[float, float],
        uncertainty: float = 0.5,
    ) -> None:
        low, high = band
        if not 0.0 <= low <= high <= 1.0:
            raise ValueError(f"uncertain band must satisfy 0 <= low <= high <= 1, got {band}")
        self.inner = inner
        self.static = tuple(static)
        self.band = (low, high)
        self.uncertainty = uncertainty  # static reviews at least this uncertain ask the model
        self.name = inner.name
        self.version = inner.version
        self.deadline_s = getattr(inner, "deadline_s", None)

    def applies(self, proposal: Proposal) -> bool:
        return self.inner.applies(proposal)

    def static_risk(self, proposal: Proposal) -> float | None:
        """The static reviewers' risk; None where they cannot give a clear one (a review
        failed, none judged the action, or one is uncertain: unknown is not safe)."""
        risks = []
        for reviewer in self.static:
            if not reviewer.applies(proposal):
                continue
            review = timed(reviewer, proposal)
            if review.failed:
                return None
            if not review.partial and review.risk is not None:
                if review.uncertainty is not None and review.uncertainty >= self.uncertainty:
                    return None
                risks.append(review.risk)
        return max(risks) if risks else None

    def review(self, proposal: Proposal) -> Review:
        risk = self.static_risk(proposal)
        low, high = self.band
        if risk is None or low <= risk <= high:
            return self.inner.review(proposal)
        side = "below" if risk < low else "above"
        return Review(
            self.name,
            self.version,
            risk=0.0,
            rationale=(
                f"not asked: static risk {risk:.2f} is {side} the uncertain band "
                f"[{low:g}, {high:g}]"
            ),
            partial=True,
            details={"cascade": "skipped", "static_risk": risk, "band": [low, high]},
        )
