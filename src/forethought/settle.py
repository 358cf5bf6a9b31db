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

from typing import TYPE_CHECKING

from forethought.decision import HUMAN_VERDICT, HumanVerdict, HumanVerdictRecord

if TYPE_CHECKING:
    from forethought.ledger import Ledger
    from forethought.proposal import Proposal

# Rounds of human edits (each reviewed again) before an escalation counts as unsettled.
MAX_EDIT_ROUNDS = 3


def record_human_verdict(
    ledger: Ledger | None,
    proposal: Proposal,
    channel: str,
    verdict: HumanVerdict,
    run_id: str | None,
) -> None:
    """The one place a human verdict is written to the ledger."""
    if ledger is not None:
        record = HumanVerdictRecord(proposal.id, channel, verdict)
        ledger.append(HUMAN_VERDICT, record.payload(), run_id=run_id)
