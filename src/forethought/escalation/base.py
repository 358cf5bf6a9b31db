"""What a human channel is: an escalated Proposal and its Decision in, a HumanVerdict out."""

from __future__ import annotations

from typing import Protocol

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


__all__ = ["Channel", "HumanAnswer", "HumanVerdict", "NoChannel"]
