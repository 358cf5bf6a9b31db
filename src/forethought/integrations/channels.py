"""Two channels: what the agent is told, and what the ledger and the human see.

A refusal tells the agent what to change in a sentence it can act on: the predicted harms and
the part of its action they come from. It never carries the reviewers' internals (names, rule
names, scores, thresholds, error traces), so an agent probing the gate learns nothing about how
to slip past it. The full account (``Decision.explanation`` and every Review) goes to the ledger.
"""

from __future__ import annotations

from forethought.decision import Decision
from forethought.safe_text import printable

_LEAD = {
    "block": "Blocked",
    "escalate": "Needs a person's approval",
    "revise": "Revise this action",
    "resample": "Propose a different action",
}

# What the agent is told when the deciding term is not a predicted harm it could act on.
_WITHOUT_HARMS = {
    "failed_review": "it could not be reviewed",
    "unreviewed": "forethought cannot judge this kind of action on its own",
    "disagreement": "the reviewers are not sure what it would do",
}

MAX_CHARS = 600


def agent_message(decision: Decision) -> str:
    """The short refusal for the agent ("" when the action is allowed)."""
    if decision.allowed:
        return ""
    lead = _LEAD[decision.verdict]
    why = _harms(decision)
    if not why:
        why = _WITHOUT_HARMS.get(decision.term, "the policy does not allow it")
        if decision.term == "tool_rule":
            why = (
                "the policy asks a person about every call of this tool"
                if decision.verdict == "escalate"
                else "the policy does not allow this tool"
            )
    # Shown to a person too (Claude Code's permission prompt): controls as escapes.
    text = printable(f"{lead}: {why}")
    return text if len(text) <= MAX_CHARS else text[: MAX_CHARS - 3] + "..."


def _harms(decision: Decision) -> str:
    """Decision.message when it was built from predicted harms, else "".

    The policy builds its message from the worst harms' outcomes and evidence; when there are
    none it falls back to the deciding term's reason, which states scores and thresholds.
    """
    message = decision.message
    if decision.reason and decision.reason in message:
        return ""
    _, _, why = message.partition(": ")
    return why.strip()
