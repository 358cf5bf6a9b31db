"""The MCP proxy's human channels: the terminal the proxy was started from, the web console
(forethought.escalation.console: the escalation waits in the ledger), or nobody.

The proxy's stdin and stdout carry the MCP protocol, so a person is asked on ``/dev/tty``
instead. Many MCP clients start their servers without a terminal (in a new session, or from a
desktop app); then there is nobody to ask and an escalation is refused with that reason.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import TYPE_CHECKING

from forethought.escalation.base import Channel, HumanVerdict, NoChannel

if TYPE_CHECKING:
    from forethought.decision import Decision
    from forethought.ledger import Ledger
    from forethought.proposal import Proposal

CHANNELS = ("none", "tty", "console")


class TtyChannel:
    """Ask on the controlling terminal (opened for each question, so none is held)."""

    name = "tty"

    def __init__(
        self,
        *,
        timeout_s: float = 120.0,
        approvers: Mapping[str, str] | None = None,
        path: str = "/dev/tty",
    ) -> None:
        self.timeout_s = timeout_s
        self.approvers = approvers
        self.path = path

    def ask(self, proposal: Proposal, decision: Decision) -> HumanVerdict:
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_NOCTTY)
        except OSError as exc:
            reason = f"no terminal to ask a person on ({self.path}: {exc.strerror})"
            return HumanVerdict("timeout", "nobody", reason)
        try:
            from rich.console import Console

            from forethought.escalation.terminal import TerminalChannel

            with open(fd, "w", encoding="utf-8", closefd=False) as terminal:
                console = Console(file=terminal, force_terminal=True)
                channel = TerminalChannel(
                    fd, console, timeout_s=self.timeout_s, approvers=self.approvers
                )
                return channel.ask(proposal, decision)
        except Exception as exc:  # a broken terminal is nobody answering
            reason = f"the terminal could not be asked ({type(exc).__name__}: {exc})"
            return HumanVerdict("timeout", "nobody", reason)
        finally:
            os.close(fd)


def make_channel(
    name: str,
    *,
    timeout_s: float,
    approvers: Mapping[str, str] | None = None,
    ledger: Ledger | None = None,
) -> Channel:
    if name == "console":
        from forethought.escalation.console import ConsoleChannel

        return ConsoleChannel(ledger, timeout_s=timeout_s, approvers=approvers)
    if name == "tty":
        return TtyChannel(timeout_s=timeout_s, approvers=approvers)
    if name == "none":
        return NoChannel()
    raise ValueError(f"unknown human channel {name!r}; expected one of {', '.join(CHANNELS)}")
