"""Predictions from the program catalogue (``programs.toml``): each command's effects, graded
by the one effect table (:mod:`forethought.review.effects`)."""

from __future__ import annotations

from collections.abc import Iterator

from forethought.review.base import Prediction
from forethought.review.effects import Effect, Operation, grade
from forethought.review.shell.catalogue import effects, resource_of_path
from forethought.review.shell.model import ShellAnalysis, SimpleCommand
from forethought.review.shell.predict import harm
from forethought.review.shell.writes import redirect_targets


def _redirects(cmd: SimpleCommand) -> Iterator[Effect]:
    for target, _how, append in redirect_targets(cmd):
        op: Operation = "append" if append else "write"
        if target.startswith("/dev/") and target in ("/dev/null", "/dev/stdout", "/dev/stderr"):
            continue
        resource = resource_of_path(target, op, cmd.cwd)
        yield Effect(op=op, resource=resource, target=target, evidence=cmd.text)


def consumer(cmd: SimpleCommand, analysis: ShellAnalysis) -> SimpleCommand | None:
    """The command ``cmd``'s output is piped straight into (None: none, or not only there)."""
    if cmd.pipeline < 0 or any(
        op.lstrip("1").startswith(">") or op.startswith("&>") for op, _ in cmd.redirects
    ):
        return None
    after = [c for c in analysis.downstream(cmd) if c.stage == cmd.stage + 1]
    return after[0] if len(after) == 1 and not after[0].dynamic_name else None


def from_catalogue(cmd: SimpleCommand, analysis: ShellAnalysis) -> Iterator[Prediction]:
    for effect in (*effects(cmd, consumer(cmd, analysis)), *_redirects(cmd)):
        graded = grade(effect)
        if graded is not None:
            yield harm(
                cmd,
                graded.category,
                graded.outcome,
                graded.severity,
                graded.probability,
                graded.reversible,
            )


GENERIC = [from_catalogue]
