"""What the reviewer could not see: unresolved command names, unparseable or too-deep input."""

from __future__ import annotations

from collections.abc import Iterator

from forethought.review.base import Prediction
from forethought.review.shell.model import ShellAnalysis
from forethought.review.shell.predict import UNKNOWN_CODE, issue_harm

Rule = Iterator[Prediction]


def from_issues(analysis: ShellAnalysis) -> Rule:
    for issue in analysis.issues:
        if issue.kind == "unresolved_command":
            yield issue_harm(
                issue,
                UNKNOWN_CODE,
                f"{issue.detail}: it runs a command the reviewer cannot see",
                "moderate",
                0.5,
                True,
            )
        elif issue.kind == "unresolved_wrapper":
            # `"$HELPER" kubectl get pods`, `$SUDO apt-get install`: the command it wraps is
            # reviewed; what the variable adds is unknown, reported as uncertainty as well
            yield issue_harm(
                issue,
                UNKNOWN_CODE,
                f"{issue.detail}: what the wrapper itself does is unknown",
                "low",
                0.5,
                True,
            )
        elif issue.kind == "too_deep":
            yield issue_harm(
                issue,
                UNKNOWN_CODE,
                f"nested too deeply to review ({issue.detail}); what runs at the bottom is unknown",
                "high",
                0.9,
                True,
            )
        elif issue.kind == "too_large":
            yield issue_harm(
                issue,
                UNKNOWN_CODE,
                f"too much to review ({issue.detail}); the rest is unknown",
                "high",
                0.9,
                True,
            )
        elif issue.kind == "parse_error":
            yield issue_harm(
                issue,
                UNKNOWN_CODE,
                "could not fully parse the command; parts of it may have been missed",
                "low",
                0.3,
                True,
            )


SCRIPT = [from_issues]
