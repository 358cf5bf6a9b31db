"""Expected harm and benefit of predictions, as the default Policy computes them.

Kept here rather than imported from the policy module so that the reviewers' calibration tests
state the formula they are calibrated against.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from forethought.proposal import Proposal, from_dict
from forethought.review.base import Prediction, Review

SEVERITY_WEIGHT = {"negligible": 0.1, "low": 1.0, "moderate": 3.0, "high": 10.0, "critical": 30.0}
IRREVERSIBLE_WEIGHT = 3.0
BLOCK = 8.0
ESCALATE = 3.0


def _predictions(found: Review | Iterable[Prediction]) -> tuple[Prediction, ...]:
    return found.predictions if isinstance(found, Review) else tuple(found)


def expected(found: Review | Iterable[Prediction], valence: str) -> float:
    return sum(
        p.probability
        * SEVERITY_WEIGHT[p.severity]
        * (1.0 if p.reversible else IRREVERSIBLE_WEIGHT)
        for p in _predictions(found)
        if p.valence == valence
    )


def harm(found: Review | Iterable[Prediction]) -> float:
    return expected(found, "harm")


def benefit(found: Review | Iterable[Prediction]) -> float:
    return expected(found, "benefit")


def categories(found: Review | Iterable[Prediction], valence: str = "harm") -> set[str]:
    return {p.category for p in _predictions(found) if p.valence == valence}


def proposal(tool: str, **args: Any) -> Proposal:
    return from_dict({"tool": tool, "args": args})
