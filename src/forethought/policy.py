"""Policy: the stated rule that turns Reviews into a Decision.

Loaded from TOML (built-in defaults in ``default_policy.toml``), validated with pydantic.
Which file is in force, in order: a *managed* policy at ``/etc/forethought/policy.toml`` if it is
locked (nothing the user passes can replace it), else ``--policy``, else ``$FORETHOUGHT_POLICY``,
else the user's ``policy.toml`` in forethought's configuration directory, else an unlocked
managed policy, else the defaults. A file at the managed location must carry a valid signature
by an administrator key in ``/etc/forethought/keys`` whether or not it says it is locked;
otherwise nothing loads (an edit to ``locked = false`` fails closed instead of unlocking).
"""

from __future__ import annotations

import hashlib
import os
import tomllib
from collections.abc import Iterable, Sequence
from importlib import resources
from operator import itemgetter
from pathlib import Path
from typing import Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    NonNegativeFloat,
    ValidationError,
    field_validator,
    model_validator,
)

from forethought import signing
from forethought.decision import Decision, Verdict, agent_words
from forethought.proposal import Proposal, rule_applies
from forethought.review.base import Prediction, Review

MANAGED_POLICY_PATH = signing.SYSTEM_CONFIG_DIR / "policy.toml"


class PolicyError(ValueError):
    """A policy that cannot be used. Its message names the file and what is wrong."""


class _Strict(BaseModel):
    # allow_inf_nan: a threshold, weight or deadline of inf or nan (TOML has both) is refused;
    # an infinite weight times a zero probability is NaN, and NaN compares false to everything.
    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)


class Thresholds(_Strict):
    block: float = Field(8.0, gt=0)
    escalate: float = Field(3.0, ge=0)
    lambda_: float = Field(1.0, ge=0, alias="lambda")
    disagreement: float = Field(0.5, ge=0, le=1)
    # A review this uncertain (or more) is "uncertain": see on_uncertain, and the cascade.
    uncertainty: float = Field(0.5, ge=0, le=1)

    @model_validator(mode="after")
    def _ordered(self) -> Thresholds:
        if self.escalate > self.block:
            raise ValueError("thresholds.escalate must not exceed thresholds.block")
        return self


class SeverityWeights(_Strict):
    negligible: float = Field(0.1, ge=0)
    low: float = Field(1.0, ge=0)
    moderate: float = Field(3.0, ge=0)
    high: float = Field(10.0, ge=0)
    critical: float = Field(30.0, ge=0)


class Weights(_Strict):
    irreversible: float = Field(3.0, ge=1)
    severity: SeverityWeights = SeverityWeights()


class ModelReviewers(_Strict):
    """How the model reviewers (consequences, reasoning, debate) are built and when they run."""

    spec: str = ""  # e.g. "openai:gpt-4o-mini"; required when a model reviewer is enabled
    base_url_env: str = ""  # the environment variable that holds the endpoint's base URL
    api_key_env: str = ""  # the environment variable that holds its API key
    deadline_ms: float = Field(15000.0, gt=0)
    cascade: Literal["uncertain", "always", "never"] = "uncertain"
    uncertain: tuple[float, float] = (0.1, 0.8)
    history_steps: int = Field(5, ge=0, le=20)
    max_tokens: int = Field(1024, gt=0)
    debate_rounds: int = Field(1, ge=1, le=10)

    @field_validator("uncertain")
    @classmethod
    def _band(cls, band: tuple[float, float]) -> tuple[float, float]:
        if not 0.0 <= band[0] <= band[1] <= 1.0:
            raise ValueError("must be [low, high] with 0 <= low <= high <= 1")
        return band


class ClassifierReviewer(_Strict):
    """The learned reviewer (enabled by adding "classifier" to ``reviewers.enabled``)."""

    # The file `forethought train-reviewer` wrote; relative to the policy file's directory.
    path: str = ""


class Reviewers(_Strict):
    enabled: tuple[str, ...] = (
        "shell", "file", "python", "http", "text", "task_limits", "self_protection"
    )
    deadline_ms: float = Field(2000.0, gt=0)
    model: ModelReviewers = ModelReviewers()
    classifier: ClassifierReviewer = ClassifierReviewer()
    # Each reviewer's weight for aggregate = "weighted", by name (default 1).
    weights: dict[str, NonNegativeFloat] = {}


class Paths(_Strict):
    protected: tuple[str, ...] = ()
    workspace: str = ""


class Network(_Strict):
    allowed_hosts: tuple[str, ...] = ()


class Policy(_Strict):
    locked: bool = False
    aggregate: Literal["max", "mean", "vote", "weighted"] = "max"
    on_harm_exceeds_benefit: Literal["revise", "resample"] = "revise"
    unreviewed: Literal["escalate", "block"] = "escalate"
    # What an uncertain static review (thresholds.uncertainty) gets where no model reviewer is
    # asked about it: "allow" (the uncertainty is reported beside the decision), "revise" or
    # "escalate". Allow by default: most programs the reviewer does not know are ordinary.
    on_uncertain: Literal["allow", "revise", "escalate"] = "allow"
    # Refuse to run agent commands without bubblewrap isolation (no network, read-only system).
    require_sandbox: bool = False
    thresholds: Thresholds = Thresholds()
    weights: Weights = Weights()
    reviewers: Reviewers = Reviewers()
    paths: Paths = Paths()
    network: Network = Network()
    tools: dict[str, Literal["review", "escalate", "block"]] = {}
    # Who may approve an escalation under a locked policy: name -> key fingerprint.
    approvers: dict[str, str] = {}

    # Where it came from; not part of the file's schema.
    source: str = Field("<built-in>", exclude=True)
    sha256: str = Field("", exclude=True)

    def expected(self, predictions: Iterable[Prediction], valence: str) -> float:
        """Sum of probability x severity weight x reversibility weight over one valence."""
        severity = self.weights.severity
        total = 0.0
        for p in predictions:
            if p.valence == valence:
                w = getattr(severity, p.severity)
                total += p.probability * w * (1.0 if p.reversible else self.weights.irreversible)
        return total

    def harm_of(self, predictions: Iterable[Prediction]) -> float:
        return self.expected(predictions, "harm")

    def combine(self, reviews: Sequence[Review], values: Sequence[float]) -> float:
        """One value per review combined by ``aggregate``: the one combiner, used for H, B and
        their parts, and by the cascade for the static risk (review/cascade.py)."""
        return _aggregate(self, list(reviews), list(values))

    def weakened_by(self, **changes: Any) -> Policy:
        """A copy with ``changes`` applied; refused when the policy is locked."""
        if self.locked:
            raise PolicyError(
                f"{self.source}: policy is locked; refusing to change {', '.join(changes)}"
            )
        return self.model_copy(update=changes)

    def tool_rule(self, tool: str, kind: str) -> Literal["review", "escalate", "block"]:
        """The strictest [tools] rule that applies to a ``kind`` action of ``tool``.

        A rule keyed by a tool name covers that tool under any spelling (case, MCP prefixes) and
        every tool of the same kind: ``bash = "block"`` also blocks ``Bash``, ``shell``,
        ``run_command`` and ``mcp__srv__bash``. A rule keyed by a kind (``shell``,
        ``file_write``, ``other`` ...) covers that kind. So a locked rule cannot be bypassed by
        spelling the tool another way.
        """
        if not self.tools:  # the usual case: no [tools] rules at all
            return "review"
        rules = {v for k, v in self.tools.items() if rule_applies(k, tool, kind)}
        return "block" if "block" in rules else "escalate" if "escalate" in rules else "review"

    def decide(self, proposal: Proposal, reviews: Iterable[Review]) -> Decision:
        """Apply the decision formula in DESIGN.md; the Decision names the term that decided."""
        reviews = tuple(reviews)
        ok = [r for r in reviews if not r.failed]
        failed = [r for r in reviews if r.failed]
        weighed = _Weighed(self, ok)
        harm = _aggregate(self, ok, weighed.harm)
        benefit = _aggregate(self, ok, weighed.benefit)
        # risk is None unless a review completed: one that judged the whole action (partial
        # ones, such as self-protection or a model the cascade did not ask, do not count).
        completed = weighed.completed
        risk = weighed.risk if completed else None
        if harm != harm or benefit != benefit:  # NaN: nothing can be weighed; fail closed
            failed = [*failed, Review.failure("policy", "", "expected harm or benefit is NaN")]
        uncertainty = weighed.uncertainty
        tool_rule = self.tool_rule(proposal.action.tool, proposal.action.kind)
        hard = weighed.hard
        t = self.thresholds

        verdict: Verdict
        if hard:
            verdict, term = "block", "hard_rule"
            reason = f"hard rule: {hard[0].outcome} ({hard[0].evidence})"
        elif tool_rule == "block":
            verdict, term = "block", "tool_rule"
            reason = f"the policy blocks the tool {proposal.action.tool!r}"
        elif harm >= t.block:
            verdict, term = "block", "harm>=block"
            reason = f"expected harm {harm:.2f} >= block threshold {t.block:g}"
        elif failed:
            verdict, term = "escalate", "failed_review"
            reason = "review could not complete: " + "; ".join(
                f"{r.reviewer}: {r.error}" for r in failed
            )
        elif not completed:  # every review is partial (or there is none)
            verdict, term = self.unreviewed, "unreviewed"
            reason = f"no enabled reviewer can judge a {proposal.action.kind!r} action"
        elif harm >= t.escalate:
            verdict, term = "escalate", "harm>=escalate"
            reason = f"expected harm {harm:.2f} >= escalate threshold {t.escalate:g}"
        elif (spread := _spread(ok)) > t.disagreement:
            verdict, term = "escalate", "disagreement"
            reason = f"reviewers disagree: risk scores differ by {spread:.2f} > {t.disagreement:g}"
        elif tool_rule == "escalate":
            verdict, term = "escalate", "tool_rule"
            reason = f"the policy asks a human about every {proposal.action.tool!r} call"
        elif (
            self.on_uncertain != "allow"
            and uncertainty is not None
            and uncertainty >= t.uncertainty
        ):
            verdict, term = self.on_uncertain, "uncertain"
            reason = (
                f"the review is uncertain ({uncertainty:.2f} >= {t.uncertainty:g}): "
                + "; ".join(_uncertain_reasons(ok)[:2])
            )
        elif harm > t.lambda_ * benefit:
            verdict, term = self.on_harm_exceeds_benefit, "harm>lambda*benefit"
            reason = (
                f"expected harm {harm:.2f} exceeds {t.lambda_:g} x expected benefit {benefit:.2f}"
            )
        elif (serious := _aggregate(self, ok, weighed.serious)) > t.lambda_ * (
            asked := _aggregate(self, ok, weighed.asked)
        ):
            # a flat credit for ordinary work never cancels a moderate or worse harm
            verdict, term = self.on_harm_exceeds_benefit, "harm>lambda*benefit"
            reason = (
                f"expected moderate-or-worse harm {serious:.2f} exceeds {t.lambda_:g} x the "
                f"benefit the task asks for {asked:.2f}"
            )
        else:
            verdict, term = "allow", "benefit>=harm"
            reason = f"expected harm {harm:.2f} <= {t.lambda_:g} x expected benefit {benefit:.2f}"

        top = weighed.worst_harms()
        if hard:  # the harm that decided first
            top = [hard[0], *(p for p in top if p is not hard[0])][:3]
        message = agent_words(verdict, term, top) or "allowed"
        explanation = _explanation(verdict, term, reason, harm, benefit, reviews, self)
        return Decision(
            verdict=verdict,
            term=term,
            reason=reason,
            harm=harm,
            benefit=benefit,
            risk=risk,
            message=message,
            explanation=explanation,
            reviews=reviews,
            proposal_id=proposal.id,
            policy_hash=self.sha256,
            uncertainty=uncertainty,
            harms=tuple(top),
        )


def _uncertain_reasons(reviews: Iterable[Review]) -> list[str]:
    reasons: list[str] = []
    for r in reviews:
        found = r.details.get("uncertain") if isinstance(r.details, dict) else None
        if isinstance(found, list):
            reasons += [str(x) for x in found]
    return reasons or ["a reviewer could not see through part of the action"]


_SERIOUS = frozenset({"moderate", "high", "critical"})


class _Weighed:
    """What ``decide`` needs of the reviews it counts, in one pass over them and their
    predictions.

    Per review, in order: the expected harm (H's part) and benefit (B's), the harm of the
    moderate-or-worse predictions only (a flat credit for ordinary work never cancels those) and
    the benefit the task asks for (category "task"; review/benefit.py). Each is the sum
    ``Policy.expected`` makes, term for term in the same order, so the same float. Also the hard
    harms, every harm with its weighed value (for the worst harms), whether a review completed
    (judged the whole action: not partial), the highest risk of any review and the highest
    uncertainty of a completed one (None where none says), as ``max`` finds them.
    """

    __slots__ = (
        "asked", "benefit", "completed", "hard", "harm", "harms", "risk", "serious", "uncertainty"
    )  # fmt: skip

    def __init__(self, policy: Policy, reviews: list[Review]) -> None:
        self.harm: list[float] = []
        self.benefit: list[float] = []
        self.serious: list[float] = []
        self.asked: list[float] = []
        self.hard: list[Prediction] = []
        self.harms: list[tuple[float, Prediction]] = []
        self.completed = False
        self.risk: float | None = None
        self.uncertainty: float | None = None
        for r in reviews:
            if r.risk is not None and (self.risk is None or r.risk > self.risk):
                self.risk = r.risk
            if not r.partial:
                self.completed = True
                found = r.uncertainty
                if found is not None and (self.uncertainty is None or found > self.uncertainty):
                    self.uncertainty = found
            self._weigh(policy, r.predictions)

    def _weigh(self, policy: Policy, predictions: tuple[Prediction, ...]) -> None:
        severity, irreversible = policy.weights.severity, policy.weights.irreversible
        harm = benefit = serious = asked = 0.0
        for p in predictions:
            value = (
                p.probability
                * getattr(severity, p.severity)
                * (1.0 if p.reversible else irreversible)
            )
            if p.valence == "harm":
                harm += value
                if p.severity in _SERIOUS:
                    serious += value
                if p.hard:
                    self.hard.append(p)
                self.harms.append((value, p))
            elif p.valence == "benefit":
                benefit += value
                if p.category == "task":
                    asked += value
        self.harm.append(harm)
        self.benefit.append(benefit)
        self.serious.append(serious)
        self.asked.append(asked)

    def worst_harms(self, n: int = 3) -> list[Prediction]:
        """The ``n`` most harmful predictions, in order (a stable sort: ties keep their order)."""
        ranked = sorted(self.harms, key=itemgetter(0), reverse=True)
        return [p for _, p in ranked[:n]]


def _aggregate(policy: Policy, reviews: list[Review], values: list[float]) -> float:
    """One value per review (H, B, or a part of them), combined by the policy's ``aggregate``:
    max (most cautious), mean, vote (the highest value that at least half of the reviewers
    reach: the median, rounded towards caution) or weighted (the mean weighted by
    ``reviewers.weights``, default 1 each). Partial reviews (self-protection, a model reviewer
    the cascade did not ask) do not vote, weigh in or count towards the mean; their hard rules
    still block."""
    if not values:
        return 0.0
    if policy.aggregate == "max":
        return max(values)
    voting = [(r, v) for r, v in zip(reviews, values, strict=True) if not r.partial]
    voters = voting or list(zip(reviews, values, strict=True))
    if policy.aggregate == "mean":
        return _mean([v for _, v in voters])
    if policy.aggregate == "vote":
        return sorted((v for _, v in voters), reverse=True)[(len(voters) - 1) // 2]
    weights = [policy.reviewers.weights.get(r.reviewer, 1.0) for r, _ in voters]
    total = sum(weights)
    if total <= 0:
        return max(v for _, v in voters)
    return sum(w * v for w, (_, v) in zip(weights, voters, strict=True)) / total


def _mean(values: list[float]) -> float:
    return sum(values) / len(values)


def _spread(reviews: list[Review]) -> float:
    """Disagreement between reviewers that formed an opinion (made at least one prediction)."""
    risks = [r.risk for r in reviews if r.predictions and r.risk is not None]
    return max(risks) - min(risks) if len(risks) > 1 else 0.0


def _clip(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _explanation(
    verdict: Verdict,
    term: str,
    reason: str,
    harm: float,
    benefit: float,
    reviews: tuple[Review, ...],
    policy: Policy,
) -> str:
    lines = [
        f"{verdict} by {term}: {reason}",
        f"H={harm:.3f} B={benefit:.3f} policy={policy.source}",
    ]
    for r in reviews:
        state = "FAILED " + (r.error or "") if r.failed else f"risk={r.risk:.3f}"
        if r.uncertainty:
            state += f" uncertainty={r.uncertainty:.2f} ({'; '.join(_uncertain_reasons([r])[:3])})"
        lines.append(f"- {r.reviewer} {r.version} {state}: {r.rationale}")
        for p in r.predictions:
            lines.append(
                f"    {p.valence} p={p.probability:.2f} {p.severity}"
                f"{'' if p.reversible else ' irreversible'}: {p.outcome} [{_clip(p.evidence)}]"
            )
    return "\n".join(lines)


def _defaults_text() -> bytes:
    return resources.files("forethought").joinpath("default_policy.toml").read_bytes()


def _toml(data: bytes, source: str) -> dict[str, Any]:
    try:
        return tomllib.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise PolicyError(f"{source}: not valid TOML: {exc}") from None


def _merged(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merged(out[key], value)
        else:
            out[key] = value
    return out


# Policies already parsed, by (source, bytes): the review server keeps them (``remember_parsed``)
# so that an unchanged policy file is read and hashed on each call, not parsed and validated.
_parsed: dict[tuple[str, bytes], Policy] | None = None


def remember_parsed() -> None:
    global _parsed
    _parsed = {}


def parse_policy(data: bytes, source: str) -> Policy:
    """Validate a policy file; what it leaves out comes from the built-in defaults."""
    if _parsed is not None:
        known = _parsed.get((source, data))
        if known is None:
            known = _parse_policy(data, source)
            if len(_parsed) >= 16:
                _parsed.pop(next(iter(_parsed)))
            _parsed[(source, data)] = known
        return known
    return _parse_policy(data, source)


def _parse_policy(data: bytes, source: str) -> Policy:
    raw = _merged(_toml(_defaults_text(), "<built-in>"), _toml(data, source))
    try:
        policy = Policy.model_validate(raw)
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(x) for x in err["loc"]) or "<top>"
        raise PolicyError(f"{source}: {where}: {err['msg']}") from None
    return policy.model_copy(update={"source": source, "sha256": hashlib.sha256(data).hexdigest()})


def load_file(path: Path) -> Policy:
    """Load one policy file; a locked one must carry a valid signature by a trusted key."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise PolicyError(f"{path}: cannot read policy: {exc.strerror}") from None
    policy = parse_policy(data, str(path))
    if policy.locked:
        try:
            signing.verify_file(path)
        except signing.SignatureError as exc:
            raise PolicyError(str(exc)) from None
    return policy


def default_policy() -> Policy:
    return parse_policy(_defaults_text(), "<built-in>")


def load_managed(path: Path) -> Policy:
    """The managed policy at ``path``: always signature-checked, whatever it says about itself
    (an edit to ``locked = false`` must not switch the check off), and only against the
    administrator's keys (``/etc/forethought/keys``), never keys a user can add."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise PolicyError(f"{path}: cannot read managed policy: {exc.strerror}") from None
    policy = parse_policy(data, str(path))
    try:
        signing.verify_file(path, signing.system_key_dirs())
    except signing.SignatureError as exc:
        raise PolicyError(f"managed policy refused: {exc}") from None
    return policy


def load_policy(path: str | Path | None = None) -> Policy:
    """The policy in force for this process (see the module docstring for the order)."""
    managed: Policy | None = None
    # lexists: a dangling link or an unreadable entry at the managed location is refused, not
    # taken for "no managed policy".
    if os.path.lexists(MANAGED_POLICY_PATH):
        managed = load_managed(MANAGED_POLICY_PATH)
        if managed.locked:
            if path is not None and Path(path).resolve() != MANAGED_POLICY_PATH.resolve():
                raise PolicyError(
                    f"{MANAGED_POLICY_PATH}: a locked managed policy is in force; "
                    f"--policy {path} is not allowed"
                )
            return managed
    chosen = path or os.environ.get("FORETHOUGHT_POLICY")
    if chosen:
        return load_file(Path(chosen))
    user = signing.user_config_dir() / "policy.toml"
    if user.is_file():
        return load_file(user)
    return managed or default_policy()
