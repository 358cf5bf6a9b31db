"""What every reviewer produces: Predictions gathered into a Review.

A Prediction is one consequence predicted *on paper*: nothing the agent proposes is executed to
find out what it would do. A Review is one reviewer's verdict on one Proposal, or a failure.
"""

from __future__ import annotations

import math
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol, runtime_checkable

from forethought.proposal import Proposal

Valence = Literal["harm", "benefit"]
Severity = Literal["negligible", "low", "moderate", "high", "critical"]

SEVERITIES: tuple[Severity, ...] = ("negligible", "low", "moderate", "high", "critical")

# How much each severity contributes to a review's risk score in [0, 1]. The Policy has its own,
# configurable weights for the decision; this scale only orders proposals for ranking metrics.
SEVERITY_SCALE: dict[Severity, float] = {
    "negligible": 0.02,
    "low": 0.15,
    "moderate": 0.45,
    "high": 0.8,
    "critical": 1.0,
}


@dataclass(frozen=True, slots=True, init=False)
class Prediction:
    """One predicted consequence of a proposed action."""

    outcome: str
    valence: Valence
    probability: float
    severity: Severity
    reversible: bool
    evidence: str
    category: str = ""
    # A hard rule (e.g. the agent disabling its own oversight) blocks whatever the numbers say.
    hard: bool = False

    def __init__(
        self,
        outcome: str,
        valence: Valence,
        probability: float,
        severity: Severity,
        reversible: bool,
        evidence: str,
        category: str = "",
        hard: bool = False,
    ) -> None:
        if valence not in ("harm", "benefit"):
            raise ValueError(f"valence must be 'harm' or 'benefit', got {valence!r}")
        if severity not in SEVERITY_SCALE:
            raise ValueError(f"severity must be one of {SEVERITIES}, got {severity!r}")
        if not 0.0 <= probability <= 1.0:  # NaN fails both comparisons
            raise ValueError(f"probability must be in [0, 1], got {probability!r}")
        # Reviews make many Predictions: the generated __init__ of a frozen dataclass sets each
        # field through object.__setattr__, the slots' own setters at a fraction of the cost.
        _set_outcome(self, outcome)
        _set_valence(self, valence)
        _set_probability(self, probability)
        _set_severity(self, severity)
        _set_reversible(self, reversible)
        _set_evidence(self, evidence)
        _set_category(self, category)
        _set_hard(self, hard)

    def to_dict(self) -> dict[str, Any]:
        return {
            "outcome": self.outcome,
            "valence": self.valence,
            "probability": self.probability,
            "severity": self.severity,
            "reversible": self.reversible,
            "evidence": self.evidence,
            "category": self.category,
            "hard": self.hard,
        }


_set_outcome = Prediction.__dict__["outcome"].__set__
_set_valence = Prediction.__dict__["valence"].__set__
_set_probability = Prediction.__dict__["probability"].__set__
_set_severity = Prediction.__dict__["severity"].__set__
_set_reversible = Prediction.__dict__["reversible"].__set__
_set_evidence = Prediction.__dict__["evidence"].__set__
_set_category = Prediction.__dict__["category"].__set__
_set_hard = Prediction.__dict__["hard"].__set__


def risk_of(predictions: Iterable[Prediction]) -> float:
    """Noisy-OR of the harm predictions: the chance that at least one serious harm happens.

    Irreversible harms count in full, reversible ones at 70%: undoing has a cost too.
    """
    survive = 1.0
    for p in predictions:
        if p.valence != "harm":
            continue
        weight = SEVERITY_SCALE[p.severity] * (1.0 if not p.reversible else 0.7)
        survive *= 1.0 - p.probability * weight
    return round(1.0 - survive, 6)


_NO_DETAILS: dict[str, Any] = {}  # marks "details not given": each Review gets its own dict


@dataclass(frozen=True, slots=True, init=False)
class Review:
    """One reviewer's judgement of one Proposal. ``failed`` reviews carry no risk score."""

    reviewer: str
    version: str
    predictions: tuple[Prediction, ...] = ()
    risk: float | None = 0.0
    rationale: str = ""
    elapsed_ms: float = 0.0
    tokens_in: int = 0
    tokens_out: int = 0
    failed: bool = False
    error: str | None = None
    details: dict[str, Any] = field(default_factory=dict)
    # A partial review judges one aspect only (e.g. self-protection); on its own it does not
    # count as the action having been reviewed.
    partial: bool = False
    # How much of the action the reviewer could not see through, in [0, 1] (a program it does
    # not know, a target only known at run time, a payload it could not decode); None: not said.
    # Reported beside the risk: unknown is not safe, and the cascade asks a model about it.
    uncertainty: float | None = None

    def __init__(
        self,
        reviewer: str,
        version: str,
        predictions: tuple[Prediction, ...] = (),
        risk: float | None = 0.0,
        rationale: str = "",
        elapsed_ms: float = 0.0,
        tokens_in: int = 0,
        tokens_out: int = 0,
        failed: bool = False,
        error: str | None = None,
        details: dict[str, Any] = _NO_DETAILS,
        partial: bool = False,
        uncertainty: float | None = None,
    ) -> None:
        # as Prediction's: the Gate makes two Reviews per reviewer and proposal
        _set_reviewer(self, reviewer)
        _set_version(self, version)
        _set_predictions(self, predictions)
        _set_risk(self, risk)
        _set_rationale(self, rationale)
        _set_elapsed_ms(self, elapsed_ms)
        _set_tokens_in(self, tokens_in)
        _set_tokens_out(self, tokens_out)
        _set_failed(self, failed)
        _set_error(self, error)
        _set_details(self, {} if details is _NO_DETAILS else details)
        _set_partial(self, partial)
        _set_uncertainty(self, uncertainty)

    @classmethod
    def of(
        cls,
        reviewer: str,
        version: str,
        predictions: Iterable[Prediction],
        rationale: str = "",
        **extra: Any,
    ) -> Review:
        preds = tuple(predictions)
        return cls(reviewer, version, preds, risk_of(preds), rationale, **extra)

    @classmethod
    def failure(cls, reviewer: str, version: str, error: str, elapsed_ms: float = 0.0) -> Review:
        return cls(
            reviewer,
            version,
            risk=None,
            rationale=f"review failed: {error}",
            elapsed_ms=elapsed_ms,
            failed=True,
            error=error,
        )

    def to_dict(self) -> dict[str, Any]:
        record = self.summary()
        record["predictions"] = [p.to_dict() for p in self.predictions]
        if self.details:  # e.g. a model reviewer's answer, a debate's transcript
            record["details"] = self.details
        return record

    def summary(self) -> dict[str, Any]:
        """``to_dict()`` without the predictions."""
        return {
            "name": self.reviewer,
            "version": self.version,
            "risk": self.risk,
            "rationale": self.rationale,
            "elapsed_ms": round(self.elapsed_ms, 3),
            "tokens_in": self.tokens_in,
            "tokens_out": self.tokens_out,
            "failed": self.failed,
            "error": self.error,
            "partial": self.partial,
            "uncertainty": self.uncertainty,
        }


_set_reviewer = Review.__dict__["reviewer"].__set__
_set_version = Review.__dict__["version"].__set__
_set_predictions = Review.__dict__["predictions"].__set__
_set_risk = Review.__dict__["risk"].__set__
_set_rationale = Review.__dict__["rationale"].__set__
_set_elapsed_ms = Review.__dict__["elapsed_ms"].__set__
_set_tokens_in = Review.__dict__["tokens_in"].__set__
_set_tokens_out = Review.__dict__["tokens_out"].__set__
_set_failed = Review.__dict__["failed"].__set__
_set_error = Review.__dict__["error"].__set__
_set_details = Review.__dict__["details"].__set__
_set_partial = Review.__dict__["partial"].__set__
_set_uncertainty = Review.__dict__["uncertainty"].__set__


@runtime_checkable
class Reviewer(Protocol):
    """Turns a Proposal into a Review.

    ``applies`` says whether the reviewer has anything to say about this kind of action; the Gate
    skips it otherwise. ``review`` may raise: the Gate turns any exception into a failed review.
    ``inline`` reviewers are pure, bounded computations the Gate may call on its own thread;
    the others run on a worker thread under the reviewer's deadline. An optional ``stage``
    attribute of ``"model"`` puts a reviewer in the Gate's second stage, behind the policy's
    cascade (``reviewers.model.cascade``), as the model reviewers are; the default is
    ``"static"`` (see ``stage_of``).
    """

    name: str
    version: str
    inline: bool

    def applies(self, proposal: Proposal) -> bool: ...

    def review(self, proposal: Proposal) -> Review: ...


STATIC_STAGE = "static"
MODEL_STAGE = "model"


def stage_of(reviewer: object) -> str:
    """The Gate stage a reviewer runs in: ``"model"`` (behind the cascade) or ``"static"``."""
    try:
        stage = getattr(reviewer, "stage", STATIC_STAGE)
    except Exception:  # a reviewer whose attributes raise is a static one (and fails there)
        return STATIC_STAGE
    return MODEL_STAGE if stage == MODEL_STAGE else STATIC_STAGE


def timed(reviewer: Reviewer, proposal: Proposal) -> Review:
    """Run one reviewer, turning faults and invalid results into failed reviews.

    A fault is anything the reviewer raises, ``SystemExit`` and ``KeyboardInterrupt`` included:
    a reviewer cannot end the process, nor skip the review, by raising.
    """
    start = time.perf_counter()
    try:
        review = reviewer.review(proposal)
    except BaseException as exc:  # fail closed: any fault is a failed review
        return fault(reviewer, exc, (time.perf_counter() - start) * 1000)
    elapsed = (time.perf_counter() - start) * 1000
    problem = invalid(review)
    if problem is not None:
        return Review.failure(_name(reviewer), _version(reviewer), problem, elapsed)
    return _with_elapsed(review, elapsed)


def fault(reviewer: Reviewer, exc: BaseException, elapsed_ms: float = 0.0) -> Review:
    """The failed review of a reviewer that raised ``exc``."""
    try:
        text = str(exc)
    except BaseException:  # even its message may be broken
        text = "(unprintable)"
    error = f"{type(exc).__name__}: {text}" if text else f"raised {type(exc).__name__}"
    return Review.failure(_name(reviewer), _version(reviewer), error, elapsed_ms)


def invalid(review: object) -> str | None:
    """What is wrong with a reviewer's answer, or None: not a Review, a risk or a prediction
    that is not a finite number in range, an item that is not a Prediction."""
    # Exactly these types: a subclass could override how it is recorded or shown.
    if type(review) is not Review:
        return f"returned {type(review).__name__}, not a Review"
    if not isinstance(review.predictions, tuple):
        return f"predictions is a {type(review.predictions).__name__}, not a tuple"
    for p in review.predictions:
        if type(p) is not Prediction:
            return f"a prediction is a {type(p).__name__}, not a Prediction"
        probability = p.probability
        if not isinstance(probability, (float, int)) or not 0.0 <= probability <= 1.0:
            return f"prediction probability {probability!r} is not a number in [0, 1]"
        if p.severity not in SEVERITY_SCALE or p.valence not in ("harm", "benefit"):
            return f"prediction {p.valence!r}/{p.severity!r} is not a valence/severity"
        if not isinstance(p.outcome, str) or not isinstance(p.evidence, str):
            return "a prediction's outcome and evidence must be strings"
    elapsed = review.elapsed_ms
    if not isinstance(elapsed, (float, int)) or not 0.0 <= elapsed < math.inf:
        return f"elapsed_ms {elapsed!r} is not a finite number >= 0"
    if not isinstance(review.rationale, str) or not isinstance(review.details, dict):
        return "rationale must be a string and details a dict"
    for tokens in (review.tokens_in, review.tokens_out):
        if type(tokens) is not int or tokens < 0:
            return f"token count {tokens!r} is not a whole number >= 0"
    if review.details:
        from forethought.ledger.chain import canonical_json
        from forethought.ledger.errors import LedgerError

        try:
            canonical_json(review.details)
        except LedgerError as exc:
            return f"details cannot be recorded: {exc}"
    uncertainty = review.uncertainty
    if uncertainty is not None and (
        not isinstance(uncertainty, (float, int)) or not 0.0 <= uncertainty <= 1.0
    ):
        return f"uncertainty {uncertainty!r} is outside [0, 1]"
    if review.failed:
        return None
    risk = review.risk
    if not isinstance(risk, (float, int)) or not 0.0 <= risk <= 1.0:  # NaN fails both comparisons
        return f"risk {risk!r} is outside [0, 1]"
    return None


def _name(reviewer: Reviewer) -> str:
    return str(getattr(reviewer, "name", type(reviewer).__name__))


def _version(reviewer: Reviewer) -> str:
    return str(getattr(reviewer, "version", "?"))


def _with_elapsed(review: Review, elapsed_ms: float) -> Review:
    if review.elapsed_ms:
        return review
    return Review(
        review.reviewer,
        review.version,
        review.predictions,
        review.risk,
        review.rationale,
        elapsed_ms,
        review.tokens_in,
        review.tokens_out,
        review.failed,
        review.error,
        review.details,
        review.partial,
        review.uncertainty,
    )
