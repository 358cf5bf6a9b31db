"""Human channels for escalated proposals: the human's verdict is final and is recorded."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from forethought.escalation.base import Channel, HumanVerdict, NoChannel

if TYPE_CHECKING:
    from forethought.gate import Gate

# The channels an integration names: the terminal it runs in, the web console (the escalation
# waits in the ledger for `forethought console`), or nobody (an escalation is refused).
NAMES = ("terminal", "console", "none")


def channel_for(name: str, gate: Gate, *, timeout_s: float = 300.0) -> Channel:
    """The human channel ``name`` (one of NAMES) for ``gate``. Under a locked policy only the
    approvers the policy names may approve, on any channel. ValueError for an unknown name."""
    approvers = gate.policy.approvers if gate.policy.locked else None
    if name == "console":
        from forethought.escalation.console import ConsoleChannel

        return ConsoleChannel(gate.ledger, timeout_s=timeout_s, approvers=approvers)
    if name == "none":
        return NoChannel()
    if name == "terminal":
        from rich.console import Console

        from forethought.escalation.terminal import TerminalChannel

        return TerminalChannel(
            sys.stdin, Console(stderr=True), timeout_s=timeout_s, approvers=approvers
        )
    raise ValueError(f"unknown human channel {name!r}; expected one of {', '.join(NAMES)}")


__all__ = ["NAMES", "Channel", "HumanVerdict", "NoChannel", "channel_for"]
