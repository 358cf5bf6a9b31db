"""PythonReviewer: the predictions for a ``python`` action, capped and ordered."""

from __future__ import annotations

from collections.abc import Sequence

from forethought.proposal import Proposal
from forethought.review.base import Prediction, Review
from forethought.review.paths import clip, merge_similar, summarise
from forethought.review.python.analysis import Analysis, Program
from forethought.review.python.findings import conclusions, harm
from forethought.review.python.limits import MAX_CODE_CHARS, MAX_PREDICTIONS


class CodeTooLarge(ValueError):
    """Code longer than MAX_CODE_CHARS: not reviewed (the Gate records a failed review)."""


# The Policy's default weights, used here only to order predictions for the cap.
_WEIGHT: dict[str, float] = {"negligible": 0.1, "low": 1, "moderate": 3, "high": 10,
                             "critical": 30}


def code_predictions(code: str, allowed_hosts: Sequence[str] = ()) -> list[Prediction]:
    """Harm and benefit predictions for ``code``. Raises CodeTooLarge past MAX_CODE_CHARS."""
    if len(code) > MAX_CODE_CHARS:
        raise CodeTooLarge(f"code is {len(code)} characters; at most {MAX_CODE_CHARS} are reviewed")
    program = Program(code, allowed_hosts)
    try:
        harms = Analysis(code, program).run()
        harms += conclusions(program.facts, program.allows)
    except RecursionError:
        harms = [harm("the code is nested too deeply to review", 0.6, "high", clip(code),
                      "unknown_code")]
    merged = merge_similar(harms)
    merged.sort(key=lambda p: -p.probability * _WEIGHT[p.severity] * (1 if p.reversible else 3))
    benefit = Prediction("runs the requested Python code", "benefit", 0.6, "moderate", True,
                         clip(code.strip().split("\n", 1)[0], 80), "benign")
    return [*merged[:MAX_PREDICTIONS], benefit]


class PythonReviewer:
    """Reviews ``python`` actions by reading their syntax tree."""

    name = "python"
    version = "1.0"
    inline = True

    def __init__(self, allowed_hosts: Sequence[str] = ()) -> None:
        self.allowed_hosts = tuple(allowed_hosts)

    def applies(self, proposal: Proposal) -> bool:
        return proposal.action.kind == "python"

    def review(self, proposal: Proposal) -> Review:
        code = str(proposal.action.args.get("code") or "")
        predictions = code_predictions(code, self.allowed_hosts)
        return Review.of(self.name, self.version, predictions,
                         summarise(predictions, "Python code with nothing to object to."))
