"""Ask the human at the terminal: show everything the reviewers saw, read approve/reject/edit.

No answer within the timeout or end of input is a ``timeout`` (nobody answered); an unreadable
answer is a rejection. Neither lets the action run.
"""

from __future__ import annotations

import getpass
import os
import select
import time
from collections.abc import Mapping
from typing import IO, Any

import orjson
from rich.console import Console
from rich.markup import escape
from rich.panel import Panel
from rich.text import Text

from forethought.decision import Decision
from forethought.escalation.approvers import ApprovalError, new_challenge, verify_answer
from forethought.escalation.base import HumanVerdict, single_argument
from forethought.proposal import Proposal
from forethought.render import printable, render_decision

_ANSWERS = {"a": "approve", "approve": "approve", "r": "reject", "reject": "reject",
            "e": "edit", "edit": "edit"}  # fmt: skip


class TerminalChannel:
    name = "terminal"

    def __init__(
        self,
        stdin: IO[Any] | int | None = None,
        console: Console | None = None,
        *,
        timeout_s: float = 300.0,
        approvers: Mapping[str, str] | None = None,
    ) -> None:
        """``approvers`` (name -> key fingerprint) is given under a locked policy: then only a
        token signed by one of them approves or edits; anyone at the terminal may reject."""
        self._lines = _LineReader(stdin if stdin is not None else 0)
        self.console = console or Console(stderr=True)
        self.timeout_s = timeout_s
        self.approvers = approvers

    def ask(self, proposal: Proposal, decision: Decision) -> HumanVerdict:
        self.console.print(_panel(proposal, decision))
        deadline = time.monotonic() + self.timeout_s
        if self.approvers is not None:
            return self._ask_signed(proposal, deadline)
        self.console.print(
            f"approve / reject / edit? [a/r/e] (no answer in {self.timeout_s:g} s rejects): ",
            end="",
        )
        line = self._lines.readline(deadline)
        who = _local_user()
        if line is None:
            self.console.print("\nno answer: not approved")
            return HumanVerdict("timeout", who, "no answer before the timeout")
        answer = _ANSWERS.get(line.strip().lower())
        if answer is None:
            self.console.print("\nno valid answer: rejected")
            return HumanVerdict("reject", who, "not a valid answer")
        if answer != "edit":
            return HumanVerdict(answer, who)  # type: ignore[arg-type]
        return self._edit(proposal, deadline, who)

    def _ask_signed(self, proposal: Proposal, deadline: float) -> HumanVerdict:
        challenge = new_challenge(proposal)
        names = escape(printable(", ".join(sorted(self.approvers or {})) or "none are named"))
        self.console.print(
            "The policy is locked: approving needs a named approver "
            f"({names}).\nchallenge {challenge}\nAn approver runs, in their own shell: "
            f"forethought approve {challenge} --key THEIR.key [--edit JSON]\n"
            f"Paste their token, or r to reject (no answer in {self.timeout_s:g} s rejects): ",
            end="",
        )
        read = self._lines.readline(deadline)
        if read is None:
            return HumanVerdict("timeout", _local_user(), "no answer before the timeout")
        line = read.strip()
        if line.lower() in ("", "r", "reject"):
            return HumanVerdict("reject", _local_user(), "rejected")
        try:
            answer, name, args = verify_answer(line, challenge, self.approvers or {})
        except ApprovalError as exc:
            self.console.print(Text(f"\n{printable(exc)}: rejected"))
            return HumanVerdict("reject", _local_user(), f"invalid approval: {exc}")
        return HumanVerdict(answer, f"{name} (signed)", "signed by an approver", args)  # type: ignore[arg-type]

    def _edit(self, proposal: Proposal, deadline: float, who: str) -> HumanVerdict:
        single = single_argument(proposal.action.kind, proposal.action.args)
        prompt = f"new {single}: " if single else "new arguments as one JSON object on one line: "
        self.console.print(prompt, end="")
        read = self._lines.readline(deadline)
        if read is None:
            return HumanVerdict("timeout", who, "no edit before the timeout")
        line = read.strip()
        if not line:
            return HumanVerdict("reject", who, "edit abandoned")
        if single:
            return HumanVerdict("edit", who, "edited by the human", {single: line})
        try:
            args = orjson.loads(line)
        except orjson.JSONDecodeError:
            args = None
        if not isinstance(args, dict):
            self.console.print("not a JSON object: rejected")
            return HumanVerdict("reject", who, "edit was not a JSON object")
        return HumanVerdict("edit", who, "edited by the human", args)


def _panel(proposal: Proposal, decision: Decision) -> Panel:
    body = Text()
    if proposal.task:
        body.append("task\n", "bold").append(_indent(printable(proposal.task, lines=True)) + "\n")
    if proposal.reasoning:
        body.append("the agent's reasoning (its own words, unverified)\n", "bold")
        body.append(_indent(printable(proposal.reasoning, lines=True)) + "\n")
    # One line, every control shown as an escape: JSON escapes C0 controls but not C1 ones
    # (\x9b starts a control sequence too) nor bidirectional overrides.
    action = f"{proposal.action.tool} {orjson.dumps(dict(proposal.action.args)).decode()}"
    # Shown whole (up to 20,000 characters): what is cut off could be the part that matters.
    body.append("action\n", "bold").append(_indent(printable(action), 20_000) + "\n\n")
    body.append_text(render_decision(proposal, decision))
    return Panel(body, title="forethought: a human decision is needed", border_style="yellow")


def _indent(text: str, limit: int = 2000) -> str:
    text = text if len(text) <= limit else text[:limit] + f" [... {len(text) - limit} more]"
    return "\n".join("  " + line for line in text.splitlines())


def _local_user() -> str:
    try:
        return f"{getpass.getuser()}@terminal"
    except (KeyError, OSError):
        return f"uid {os.getuid()}@terminal"


class _LineReader:
    """Lines from a file descriptor with a deadline (select + os.read, so nothing is buffered
    where select cannot see it)."""

    def __init__(self, source: IO[Any] | int) -> None:
        self.fd = source if isinstance(source, int) else source.fileno()
        self.buffer = b""
        self.eof = False

    def readline(self, deadline: float) -> str | None:
        while b"\n" not in self.buffer and not self.eof:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return None
            ready, _, _ = select.select([self.fd], [], [], remaining)
            if not ready:
                return None
            chunk = os.read(self.fd, 4096)
            self.eof = not chunk
            self.buffer += chunk
        line, _, self.buffer = self.buffer.partition(b"\n")
        if not line and self.eof:
            return None
        return line.decode("utf-8", "replace")
