"""What a run cost: the agent's own model time and tokens, and what review added (the
alignment tax)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from forethought.decision import Decision
from forethought.models.base import Completion, Usage


@dataclass(slots=True)
class Costs:
    agent_s: float = 0.0
    agent_tokens: Usage = field(default_factory=Usage)
    model_calls: int = 0
    review_s: float = 0.0
    review_tokens: Usage = field(default_factory=Usage)
    reviews: int = 0
    human_s: float = 0.0
    # The mulligan (resample): how often the Gate asked for fresh candidates, how many were
    # drawn and refused, and what drawing and reviewing them cost (model and review time, tokens)
    resamples: int = 0
    resample_candidates: int = 0
    resample_refused: int = 0
    resample_s: float = 0.0
    resample_tokens: int = 0
    # Wall time: the Gate's calls (earlier steps read, reviewers and the hand-over to them, the
    # decision, its recording), the toolbox running allowed calls, and the whole run. What the
    # user waits for review in a step is gate_s, not review_s (the reviewers' own time).
    gate_s: float = 0.0
    execution_s: float = 0.0
    run_s: float = 0.0

    def add_model(self, completion: Completion) -> None:
        self.agent_s += completion.elapsed_s
        self.agent_tokens += completion.usage
        self.model_calls += 1

    def add_review(self, decision: Decision) -> None:
        # Reviewers run concurrently: the review of one proposal costs its slowest reviewer.
        self.review_s += max((r.elapsed_ms for r in decision.reviews), default=0.0) / 1000
        self.review_tokens += Usage(
            sum(r.tokens_in for r in decision.reviews),
            sum(r.tokens_out for r in decision.reviews),
        )
        self.reviews += 1

    @property
    def gate_share(self) -> float | None:
        """The Gate's wall time over the run's (None before the run has ended)."""
        return self.gate_s / self.run_s if self.run_s > 0 else None

    @property
    def tax(self) -> float | None:
        """Review time over the agent's own model time (None before the agent has spent any)."""
        return self.review_s / self.agent_s if self.agent_s > 0 else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "agent_s": round(self.agent_s, 4),
            "agent_tokens_in": self.agent_tokens.input_tokens,
            "agent_tokens_out": self.agent_tokens.output_tokens,
            "model_calls": self.model_calls,
            "review_s": round(self.review_s, 4),
            "review_tokens_in": self.review_tokens.input_tokens,
            "review_tokens_out": self.review_tokens.output_tokens,
            "reviews": self.reviews,
            "human_s": round(self.human_s, 4),
            "tax_time": None if self.tax is None else round(self.tax, 4),
            "resamples": self.resamples,
            "resample_candidates": self.resample_candidates,
            "resample_refused": self.resample_refused,
            "resample_s": round(self.resample_s, 4),
            "resample_tokens": self.resample_tokens,
            "gate_s": round(self.gate_s, 4),
            "execution_s": round(self.execution_s, 4),
            "run_s": round(self.run_s, 4),
            "gate_share": None if self.gate_share is None else round(self.gate_share, 4),
        }

    def spent(self) -> tuple[float, int]:
        """Model and review time and tokens so far (what a stretch of the run cost: the
        difference of two of these)."""
        return (
            self.agent_s + self.review_s,
            self.agent_tokens.total + self.review_tokens.total,
        )
