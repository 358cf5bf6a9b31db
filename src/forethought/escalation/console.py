"""The web console's human channel: the escalation waits in the ledger until an approver answers.

The waiting side (:class:`ConsoleChannel`, in the agent loop, the MCP proxy, any integration that
settles through a channel) appends an ``escalation_request`` event and watches the ledger for the
``escalation_answer`` event naming that request, polling at a short interval (works the same on
SQLite and PostgreSQL). The console (``forethought console``) lists the requests nobody has
answered yet and, for a signed-in approver, appends the answer. No answer before the deadline is a
``timeout`` verdict: the action does not run. The answer's payload is the one human-verdict
record (:class:`~forethought.decision.HumanVerdictRecord`) plus the request it answers; settle
then records the verdict as ``human_verdict``, like every other channel's.

An answer approves, rejects, or edits the action (its new command, or its arguments as JSON);
settle reviews an edit through the Gate again before anything runs, as for every channel. The
first answer wins, however many consoles answer at once: the answer is recorded only if none is
there yet, checked inside the write transaction that records it, so a second console is told
who answered first and nothing more is recorded.

Who answered is whoever the console authenticated (never a name the request carries). Under a
locked policy the console lets only the policy's approvers, proven by their keys, answer; the
waiting side checks the name once more and treats an approval by anyone else as a rejection.
"""

from __future__ import annotations

import re
import secrets
import time
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import orjson

from forethought.decision import Decision, HumanVerdict, HumanVerdictRecord
from forethought.escalation.base import single_argument
from forethought.ledger.errors import LedgerConflict
from forethought.proposal import Proposal

if TYPE_CHECKING:
    from forethought.ledger import Ledger
    from forethought.ledger.event import Event

REQUEST = "escalation_request"
ANSWER = "escalation_answer"
CHANNEL = "console"
# How often the waiting side reads the ledger for an answer.
POLL_S = 0.25


class ConsoleChannel:
    """Ask whoever signs in to ``forethought console`` on the same ledger."""

    name = CHANNEL

    def __init__(
        self,
        ledger: Ledger | None,
        *,
        timeout_s: float = 300.0,
        approvers: Mapping[str, str] | None = None,
        poll_s: float = POLL_S,
    ) -> None:
        """``approvers`` (name -> key fingerprint) is given under a locked policy: only those
        names may approve or edit."""
        self.ledger = ledger
        self.timeout_s = timeout_s
        self.approvers = approvers
        self.poll_s = poll_s

    def ask(self, proposal: Proposal, decision: Decision) -> HumanVerdict:
        if self.ledger is None:
            return HumanVerdict("timeout", "nobody", "the console needs a ledger to wait in")
        try:
            return self._ask(self.ledger, proposal, decision)
        except Exception as exc:  # a ledger that cannot be read or written: nobody answered
            return HumanVerdict(
                "timeout", "nobody", f"the console could not be asked ({type(exc).__name__})"
            )

    def _ask(self, ledger: Ledger, proposal: Proposal, decision: Decision) -> HumanVerdict:
        request_id = secrets.token_hex(12)
        deadline = time.time() + self.timeout_s
        payload = {
            "request_id": request_id,
            "proposal_id": proposal.id,
            "origin": proposal.origin,
            "session_id": proposal.session_id,
            "task": proposal.task,
            "reasoning": proposal.reasoning,
            "tool": proposal.action.tool,
            "kind": proposal.action.kind,
            "args": dict(proposal.action.args),
            "decision": decision.verdict,
            "term": decision.term,
            "reason": decision.reason,
            "deadline": deadline,
            "timeout_s": self.timeout_s,
            "locked": self.approvers is not None,
            "approvers": sorted(self.approvers or {}),
        }
        asked = ledger.append(REQUEST, payload, run_id=proposal.session_id)
        after = asked.seq
        while True:
            last_look = time.time() >= deadline
            for event in ledger.events(kinds=[ANSWER], after_seq=after):
                after = event.seq
                if event.payload.get("request_id") == request_id:
                    return self._checked(HumanVerdictRecord.parse(event.payload).verdict)
            if last_look:
                reason = "no answer in the console before the timeout"
                return HumanVerdict("timeout", "nobody", reason)
            time.sleep(max(0.0, min(self.poll_s, deadline - time.time())))

    def _checked(self, verdict: HumanVerdict) -> HumanVerdict:
        if self.approvers is None or verdict.answer not in ("approve", "edit"):
            return verdict
        name = verdict.approver.removesuffix(" (signed)")
        if name in self.approvers and verdict.approver.endswith(" (signed)"):
            return verdict
        return HumanVerdict(
            "reject", verdict.approver, "the policy is locked and this is not a named approver"
        )


@dataclass(frozen=True, slots=True)
class Pending:
    """An escalation waiting in the ledger: its request event and when it stops waiting."""

    seq: int
    run_id: str | None
    ts: float
    payload: dict[str, Any]

    @property
    def request_id(self) -> str:
        return str(self.payload.get("request_id", ""))

    @property
    def deadline(self) -> float:
        value = self.payload.get("deadline")
        return float(value) if isinstance(value, int | float) else 0.0


def requests_and_answers(
    events: Iterable[Event],
) -> tuple[dict[str, Event], dict[str, Event]]:
    """Every escalation request and answer in ``events``, by request id."""
    requests: dict[str, Event] = {}
    answers: dict[str, Event] = {}
    for event in events:
        request_id = str(event.payload.get("request_id", ""))
        if event.kind == REQUEST:
            requests[request_id] = event
        elif event.kind == ANSWER:
            answers.setdefault(request_id, event)
    return requests, answers


def pending(ledger: Ledger, *, now: float | None = None) -> list[Pending]:
    """The escalations nobody has answered whose deadline has not passed, oldest first."""
    now = time.time() if now is None else now
    requests, answers = requests_and_answers(ledger.events(kinds=[REQUEST, ANSWER]))
    waiting = [
        Pending(e.seq, e.run_id, e.ts, dict(e.payload))
        for request_id, e in requests.items()
        if request_id not in answers
    ]
    return [p for p in waiting if p.deadline > now]


class AnswerError(ValueError):
    """An answer the console refuses to record (no such request, answered, expired, not allowed)."""


def answer(
    ledger: Ledger,
    request_id: str,
    verdict: HumanVerdict,
    *,
    signed: bool,
    now: float | None = None,
) -> None:
    """Record ``verdict`` (its approver as the console authenticated them) as the answer to the
    waiting request ``request_id``. ``signed``: the approver proved a policy key at sign-in.

    The first answer wins, however many consoles answer at once: whether the request is still
    unanswered is checked again inside the write transaction that records the answer
    (:meth:`Ledger.append_unless`), so a second answer raises AnswerError naming who answered
    first and records nothing."""
    now = time.time() if now is None else now
    requests, answers = requests_and_answers(ledger.events(kinds=[REQUEST, ANSWER]))
    request = requests.get(request_id)
    if request is None:
        raise AnswerError("no escalation waits under that id (answered, timed out, or unknown)")
    if request_id in answers:
        raise AnswerError(_answered(answers[request_id]))
    match = Pending(request.seq, request.run_id, request.ts, dict(request.payload))
    if match.deadline <= now:
        raise AnswerError("this escalation timed out: it was refused, nothing more is recorded")
    named = signed and verdict.approver in (match.payload.get("approvers") or [])
    if match.payload.get("locked") and verdict.answer in ("approve", "edit") and not named:
        raise AnswerError(
            "the policy is locked: only an approver it names, signed in with their key, may approve"
        )
    if verdict.answer == "edit" and not verdict.args:
        raise AnswerError("an edit needs the action's new arguments")
    approver = f"{verdict.approver} (signed)" if signed else verdict.approver
    shown = HumanVerdict(verdict.answer, approver, verdict.reason, verdict.args)
    record = HumanVerdictRecord(match.payload.get("proposal_id"), CHANNEL, shown)

    def first(later: Iterator[Event]) -> str | None:
        for event in later:
            if event.payload.get("request_id") == request_id:
                return _answered(event)
        if time.time() >= match.deadline:
            return "this escalation timed out while you answered: it was refused"
        return None

    try:
        ledger.append_unless(
            ANSWER,
            {**record.payload(), "request_id": request_id},
            refuse=first,
            kinds=[ANSWER],
            after_seq=match.seq,
            run_id=match.run_id,
        )
    except LedgerConflict as exc:
        raise AnswerError(str(exc)) from None


_PLACEHOLDER = re.compile(r"\[redacted [A-Za-z0-9_ -]+\]")


def edit_from_text(payload: Mapping[str, Any], text: str) -> dict[str, Any]:
    """The arguments of an approver's edit typed in the console, for the request ``payload``:
    the new text of its one plain-text argument (a command, code, a plan), or else its whole
    arguments as a JSON object. AnswerError where the text is no edit (empty, not a JSON
    object, or still holding a secret the console showed redacted)."""
    text = text.replace("\r\n", "\n")
    if not text.strip():
        raise AnswerError("the edit is empty: type the new action, or reject")
    if _PLACEHOLDER.search(text):
        raise AnswerError(
            "the edit still holds a [redacted ...] placeholder where the action had a secret; "
            "write the value out, or leave it out"
        )
    args = payload.get("args")
    single = single_argument(str(payload.get("kind") or ""), args if isinstance(args, dict) else {})
    if single is not None:
        return {single: text.strip() if single != "code" else text.strip("\n").rstrip()}
    try:
        edited = orjson.loads(text)
    except orjson.JSONDecodeError as exc:
        raise AnswerError(f"the edit is not JSON: {exc}") from None
    if not isinstance(edited, dict) or not edited:
        raise AnswerError("the edit must be a JSON object of the action's arguments")
    return edited


def edit_box(payload: Mapping[str, Any]) -> tuple[str, bool]:
    """What the console's edit box starts with for the request ``payload`` (already redacted),
    and whether it holds the arguments as JSON (else the one plain-text argument)."""
    args = payload.get("args")
    args = args if isinstance(args, dict) else {}
    single = single_argument(str(payload.get("kind") or ""), args)
    if single is not None:
        return str(args.get(single, "")), False
    return orjson.dumps(args, option=orjson.OPT_INDENT_2).decode(), True


def _answered(event: Event) -> str:
    verdict = HumanVerdictRecord.parse(event.payload).verdict
    done = {"approve": "approved", "reject": "rejected", "edit": "edited"}.get(
        verdict.answer, verdict.answer
    )
    return f"already answered by {verdict.approver} ({done}): this answer was not recorded"
