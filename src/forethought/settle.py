"""Settle: what an escalation becomes, after the Gate has decided.

review -> decide -> **settle** -> record. Every integration that can ask a person (the agent loop,
the MCP proxy, the Inspect approver, the Python guard) hands an escalated Decision to
:func:`settle`, which owns what "escalate" means: asking the human channel, the rounds of edits
(each edit reviewed again through the Gate, and asked about again if it escalates again), and the
one human-verdict record in the ledger. An edge passes in only what differs for it: its channel
(or none: then the escalation stays unsettled and the edge refuses or defers), and how a
person's edit becomes a Proposal of its own (``rebuild``: an edit must keep the tool, name only
arguments the call had ...).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Literal

from forethought.decision import Decision, HumanVerdict, HumanVerdictRecord, agent_message

if TYPE_CHECKING:
    from forethought.escalation.base import Channel
    from forethought.gate import Gate
    from forethought.ledger import Ledger
    from forethought.proposal import Proposal

# Rounds of human edits (each reviewed again) before an escalation counts as unsettled.
MAX_EDIT_ROUNDS = 3

# A person's edit -> the Proposal to review in its place, or why the edit cannot run (told to
# the agent). Given the proposal edited, the edit's arguments and the round (1, 2, ...).
Rebuild = Callable[["Proposal", Mapping[str, Any], int], "Proposal | str"]

Outcome = Literal["allow", "refuse", "escalate"]


@dataclass(frozen=True, slots=True)
class Settled:
    """What an edge does after settle.

    ``outcome``: ``allow`` (run ``proposal``, which is the person's edit where they edited),
    ``refuse`` (run nothing; ``message`` is what the agent is told) or ``escalate`` (no channel
    was given: nobody was asked, the edge refuses or defers to its own next approver).
    ``decision`` is the last Decision, carrying the person's last verdict (``decision.human``);
    ``edited``: ``proposal`` is a person's edit; ``reviewed`` the re-reviews of edits, in order;
    ``human_s`` the time spent asking.
    """

    outcome: Outcome
    proposal: Proposal
    decision: Decision
    message: str = ""
    edited: bool = False
    reviewed: tuple[Decision, ...] = ()
    human_s: float = 0.0

    @property
    def allowed(self) -> bool:
        return self.outcome == "allow"

    @property
    def refused_by_a_person(self) -> bool:
        """A person answered no, or nobody answered."""
        human = self.decision.human
        return self.outcome == "refuse" and human is not None and human.answer != "edit"


def settle(
    gate: Gate,
    proposal: Proposal,
    decision: Decision,
    *,
    channel: Channel | None,
    rebuild: Rebuild | None = None,
    run_id: str | None = None,
) -> Settled:
    """Settle ``decision`` on ``proposal``: allow, refuse, or (no channel) leave it escalated.

    An allowed or refused Decision is settled as it is. An escalation is put to ``channel`` (the
    person's verdict recorded, once per answer): approve allows, reject or no answer refuses,
    an edit becomes a Proposal through ``rebuild`` and is reviewed by the Gate like any other,
    then settled the same way (asked about again if it escalates again), up to MAX_EDIT_ROUNDS
    answers. With no channel nobody is asked and the outcome is ``escalate``.
    """
    reviewed: list[Decision] = []
    asked_s = 0.0
    edit: HumanVerdict | None = None

    def done(outcome: Outcome, message: str = "") -> Settled:
        return Settled(
            outcome, proposal, decision, message, edit is not None, tuple(reviewed), asked_s
        )

    rounds = 0
    while True:
        if decision.allowed:
            return done("allow")
        if decision.verdict != "escalate":
            said = agent_message(decision)
            if edit is not None:
                said = f"A person's edit was reviewed and not allowed. {said}"
            return done("refuse", said)
        if channel is None:
            return done("escalate", agent_message(decision))
        if rounds == MAX_EDIT_ROUNDS:
            return done("refuse", "Not run: the escalation was not settled")
        rounds += 1
        started = time.monotonic()
        verdict = channel.ask(proposal, decision)
        asked_s += time.monotonic() - started
        record_human_verdict(gate.ledger, proposal, channel.name, verdict, run_id)
        decision = replace(decision, human=verdict)
        if verdict.answer == "approve":
            return done("allow")
        if verdict.answer != "edit":
            return done("refuse", agent_message(decision))
        if rebuild is None:
            return done("refuse", "Not run: a person's edit cannot be run here")
        rebuilt = rebuild(proposal, verdict.args, rounds)
        if isinstance(rebuilt, str):
            return done("refuse", rebuilt)
        proposal, edit = rebuilt, verdict
        decision = replace(gate.review(proposal, run_id=run_id), human=verdict)
        reviewed.append(decision)


def record_human_verdict(
    ledger: Ledger | None,
    proposal: Proposal,
    channel: str,
    verdict: HumanVerdict,
    run_id: str | None,
) -> None:
    """The one place a human verdict is written to the ledger."""
    if ledger is not None:
        ledger.record(HumanVerdictRecord(proposal.id, channel, verdict).event(), run_id=run_id)
