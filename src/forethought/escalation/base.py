"""What a human channel is: an escalated Proposal and its Decision in, a HumanVerdict out."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol

from forethought.decision import Decision, HumanAnswer, HumanVerdict
from forethought.proposal import Proposal


class Channel(Protocol):
    name: str

    def ask(self, proposal: Proposal, decision: Decision) -> HumanVerdict:
        """Ask a human. Must never raise: when no one answers (in time), a ``timeout`` verdict."""
        ...


class NoChannel:
    """Where no human can be asked, nobody answers: the escalation is refused."""

    name = "none"

    def ask(self, proposal: Proposal, decision: Decision) -> HumanVerdict:
        return HumanVerdict("timeout", "nobody", "no human channel is configured")


def single_argument(kind: str, args: Mapping[str, Any]) -> str | None:
    """The one argument a person edits as plain text (a command, code, a plan's text), or None
    where the edit is the whole argument object (as JSON)."""
    if kind == "plan" and "text" in args:
        return "text"  # a plan is edited as its new text
    for key in ("command", "code"):
        if key in args:
            return key
    return None


__all__ = ["Channel", "HumanAnswer", "HumanVerdict", "NoChannel", "single_argument"]
