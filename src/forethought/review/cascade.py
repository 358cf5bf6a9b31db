"""The cascade: the Gate's second stage asks the model reviewers only where the static ones are
unsure.

The Gate reviews in two stages (gate.py). The static reviewers run first (a fraction of a
millisecond). With ``reviewers.model.cascade = "uncertain"`` the model-stage reviewers (the
model reviewers, and any reviewer whose ``stage`` is ``"model"``) are then asked only where
:func:`asks` says the static verdict is not clear-cut: the static risk, combined by the policy's
own ``aggregate`` (the same combiner the decision uses), lies inside the uncertain band
``(low, high)``, bounds included; or no static reviewer could judge the action, one failed, or one
is uncertain (its uncertainty reaches ``thresholds.uncertainty``: a low risk from a reviewer that
could not see part of the action is not a clear verdict). Where it is clear-cut, each model-stage
reviewer is recorded with a :func:`skipped` Review that makes no prediction and is *partial* (it
does not count as the action having been reviewed, and takes no part in the combination).
``cascade = "always"`` runs both stages together; ``"never"`` builds no model reviewer.

The policy then decides on every review, static and model, with one combiner; so ``max``,
``mean``, ``vote`` and ``weighted`` mean the same with the cascade as without it.
"""

from __future__ import annotations

from collections.abc import Sequence

from forethought.policy import Policy
from forethought.review.base import Review, Reviewer


def static_risk(policy: Policy, reviews: Sequence[Review]) -> float | None:
    """The static stage's risk, combined as the policy combines reviews; None where there is no
    clear one (a review failed, none judged the action, or one is uncertain: unknown is not
    safe). ``reviews``: the static reviews of one proposal (those that applied)."""
    judged: list[Review] = []
    for review in reviews:
        if review.failed:
            return None
        if not review.partial and review.risk is not None:
            uncertainty = review.uncertainty
            if uncertainty is not None and uncertainty >= policy.thresholds.uncertainty:
                return None
            judged.append(review)
    if not judged:
        return None
    return policy.combine(judged, [r.risk or 0.0 for r in judged])


def asks(policy: Policy, reviews: Sequence[Review]) -> tuple[bool, float | None]:
    """Whether the cascade asks the model-stage reviewers, given the static reviews, and the
    static risk it went by."""
    if policy.reviewers.model.cascade != "uncertain":
        return True, None
    risk = static_risk(policy, reviews)
    low, high = policy.reviewers.model.uncertain
    return (risk is None or low <= risk <= high), risk


def skipped(reviewer: Reviewer, policy: Policy, risk: float) -> Review:
    """The record of a model-stage reviewer the cascade did not ask."""
    low, high = policy.reviewers.model.uncertain
    side = "below" if risk < low else "above"
    return Review(
        reviewer.name,
        reviewer.version,
        risk=0.0,
        rationale=(
            f"not asked: static risk {risk:.2f} is {side} the uncertain band [{low:g}, {high:g}]"
        ),
        partial=True,
        details={"cascade": "skipped", "static_risk": risk, "band": [low, high]},
    )
