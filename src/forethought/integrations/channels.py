"""Two channels: what the agent is told, and what the ledger and the human see.

A refusal tells the agent what to change in a sentence it can act on: the predicted harms and
the part of its action they come from. It never carries the reviewers' internals (names, rule
names, scores, thresholds, error traces), so an agent probing the gate learns nothing about how
to slip past it. The full account (``Decision.explanation`` and every Review) goes to the ledger.

The one function that words a Decision for an agent is ``forethought.decision.agent_message``;
it reads the Decision's reasons as data (the deciding term, the worst harms and their evidence,
a person's verdict). It is re-exported here for the edges that import it from here.
"""

from __future__ import annotations

from forethought.decision import MAX_AGENT_CHARS, agent_message

MAX_CHARS = MAX_AGENT_CHARS

__all__ = ["MAX_CHARS", "agent_message"]
