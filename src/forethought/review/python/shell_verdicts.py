"""The shell reviewer's verdicts on the commands Python code runs."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import cached_property

from forethought.review.base import Prediction
from forethought.review.paths import clip
from forethought.review.python.findings import harm


class ShellVerdicts:
    """Asks the shell reviewer about each command once per review, with the policy's allowed
    hosts (a package installed from an allowed host is not a remote-code risk)."""

    def __init__(self, allowed_hosts: Sequence[str] = ()) -> None:
        self._harms: dict[str, list[Prediction]] = {}
        self.allowed_hosts = tuple(allowed_hosts)

    @cached_property
    def _predict(self) -> Callable[..., list[Prediction]] | None:
        # Imported late: the shell reviewer is a sibling package, and this reviewer must still
        # work (fail safe, not crash) where it cannot be imported.
        try:
            from forethought.review.shell import shell_predictions
        except ImportError:
            return None
        return shell_predictions

    def harms(self, command: str, evidence: str, how: str, agent_text: str) -> list[Prediction]:
        """The harms of running ``command`` (``how``: "from Python via os.system"...); the shell
        reviewer's evidence is kept where ``agent_text`` holds it, else ``evidence`` stands in."""
        if self._predict is None:
            return [harm(f"runs the command {command[:80]!r}; no shell reviewer is available "
                         "to judge it", 0.6, "moderate", evidence, "unknown_code")]
        if command not in self._harms:
            try:
                found = self._predict(command, allowed_hosts=self.allowed_hosts)
            except ValueError:  # over the shell reviewer's size limit
                found = [harm("runs a command too long to review", 0.6, "moderate", evidence,
                              "unknown_code")]
            self._harms[command] = [p for p in found if p.valence == "harm"]
        return [
            replace(p, outcome=f"{p.outcome} (run {how})",
                    evidence=p.evidence if p.evidence and p.evidence in agent_text
                    else clip(evidence))
            for p in self._harms[command]
        ]

    def uncertainty(self, command: str) -> tuple[float, list[str]]:
        """What the shell reviewer could not see in ``command`` (a program it does not know, a
        target known only at run time), as its share and reasons."""
        try:
            from forethought.review.shell.parse import analyze
            from forethought.review.shell.uncertainty import uncertainty
        except ImportError:
            return 0.5, ["no shell reviewer is available to judge the command"]
        try:
            return uncertainty(analyze(command))
        except ValueError:
            return 0.9, ["the command is too long to review"]
