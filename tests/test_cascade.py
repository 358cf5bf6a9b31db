"""The cascade as the Gate's second stage: the static reviewers run once, the model-stage ones
are asked where the static risk, combined by the policy's own ``aggregate``, is unsure, and the
decision combines every review with that one combiner, so max, vote and weighted mean the same
with the cascade as without it. Each review, asked or not, is recorded."""

from __future__ import annotations

from pathlib import Path

import pytest

from forethought.decision import Decision
from forethought.gate import Gate
from forethought.ledger import Ledger
from forethought.policy import Policy, parse_policy
from forethought.proposal import Proposal, from_dict
from forethought.review.base import Prediction, Review

PROPOSAL = from_dict({"id": "p1", "tool": "bash", "args": {"command": "make deploy"}})
# risk 0.9 (critical, irreversible, p 0.9); H = 0.9 x 0.1 x 3 = 0.27 with the policy below
ALARM = Prediction("takes the site down", "harm", 0.9, "critical", False, "deploy")
CALM = Prediction("deploys the site", "benefit", 0.9, "low", True, "deploy")  # risk 0
# the model's: risk 0.9 x 0.45 x 0.7 = 0.2835, H = 0.9 x 3 = 2.7
WORRY = Prediction("deploys an untested build", "harm", 0.9, "moderate", True, "deploy")


class Counting:
    """A reviewer with a fixed answer that counts the proposals it reviewed."""

    version, inline = "1", True

    def __init__(self, name: str, prediction: Prediction, stage: str = "static") -> None:
        self.name, self.prediction, self.stage = name, prediction, stage
        self.inline = stage == "static"
        self.calls = 0

    def applies(self, proposal: Proposal) -> bool:
        return True

    def review(self, proposal: Proposal) -> Review:
        self.calls += 1
        return Review.of(self.name, self.version, [self.prediction])


def policy(aggregate: str, cascade: str = "uncertain") -> Policy:
    text = (
        f'aggregate = "{aggregate}"\n[weights.severity]\ncritical = 0.1\n'
        f'[reviewers.model]\ncascade = "{cascade}"\nuncertain = [0.1, 0.8]\n'
    )
    return parse_policy(text.encode(), "<test>")


def reviewers() -> tuple[Counting, Counting, Counting]:
    return Counting("alarm", ALARM), Counting("calm", CALM), Counting("model", WORRY, "model")


def review(chosen: Policy, ledger: Ledger | None = None) -> tuple[Decision, Counting, Counting]:
    alarm, calm, model = reviewers()
    decision = Gate(chosen, [alarm, calm, model], ledger, canaries=False).review(PROPOSAL)
    return decision, alarm, model


@pytest.mark.parametrize(
    ("aggregate", "asked", "harm"),
    [
        # static risk max(0.9, 0) = 0.9: above the band, the model is not asked
        ("max", False, 0.27),
        # the highest half reach: 0.9 again; H is the vote over the two static reviews
        ("vote", False, 0.27),
        # static risk (0.9 + 0) / 2 = 0.45: inside the band, the model is asked, and H is the
        # weighted mean over all three reviews
        ("weighted", True, (0.27 + 0.0 + 2.7) / 3),
    ],
)
def test_the_cascade_and_the_decision_go_by_the_policys_combiner(
    aggregate: str, asked: bool, harm: float
) -> None:
    decision, alarm, model = review(policy(aggregate))
    assert alarm.calls == 1  # the static reviewers run once
    assert model.calls == int(asked)
    assert decision.harm == pytest.approx(harm)
    last = decision.reviews[-1]
    assert last.reviewer == "model" and last.partial == (not asked)
    if not asked:
        assert last.details["cascade"] == "skipped" and last.details["static_risk"] == 0.9


@pytest.mark.parametrize("aggregate", ["max", "mean", "vote", "weighted"])
def test_the_same_reviews_decide_the_same_with_or_without_the_cascade(aggregate: str) -> None:
    """Where the cascade asks the model, the decision is the one with the model always asked;
    where it does not, the one without the model."""
    staged, _, model = review(policy(aggregate))
    if model.calls:
        other, _, _ = review(policy(aggregate, cascade="always"))
    else:
        alarm, calm, _ = reviewers()
        other = Gate(policy(aggregate), [alarm, calm], canaries=False).review(PROPOSAL)
    for field in ("verdict", "term", "harm", "benefit"):
        assert getattr(staged, field) == pytest.approx(getattr(other, field)), field


def test_every_review_is_recorded_asked_or_not(tmp_path: Path) -> None:
    with Ledger.open(tmp_path / "ledger.db") as ledger:
        review(policy("max"), ledger)
        review(policy("weighted"), ledger)
        recorded = [e.payload for e in ledger.events(kinds=["review"])]
    assert [r["name"] for r in recorded] == ["alarm", "calm", "model"] * 2
    skipped, asked = recorded[2], recorded[5]
    assert skipped["partial"] and skipped["details"]["cascade"] == "skipped"
    assert not asked["partial"] and asked["predictions"][0]["outcome"] == WORRY.outcome


def test_an_unclear_static_verdict_asks_whatever_the_combiner() -> None:
    """No static reviewer judged the action (only a partial review): the model is asked."""

    class Partial(Counting):
        def review(self, proposal: Proposal) -> Review:
            self.calls += 1
            return Review(self.name, self.version, partial=True)

    cannot = Partial("cannot", CALM)
    model = Counting("model", WORRY, "model")
    Gate(policy("max"), [cannot, model], canaries=False).review(PROPOSAL)
    assert (cannot.calls, model.calls) == (1, 1)
