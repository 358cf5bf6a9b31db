"""forethought: review every action an LLM agent proposes before it runs.

``from forethought import Gate`` is resolved on first use, so that ``forethought hook`` and the
rest of the CLI do not pay for importing the reviewers they may not need.
"""

from __future__ import annotations

# Not typing.TYPE_CHECKING: importing typing would cost the hook's fast path a third of its time.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from forethought.decision import Decision
    from forethought.gate import CanaryFailure
    from forethought.integrations.guard import Gate, Refused
    from forethought.ledger import Ledger, LedgerError
    from forethought.policy import Policy, PolicyError
    from forethought.proposal import Action, Proposal, ProposalError

__all__ = [
    "Action",
    "CanaryFailure",
    "Decision",
    "Gate",
    "Ledger",
    "LedgerError",
    "Policy",
    "PolicyError",
    "Proposal",
    "ProposalError",
    "Refused",
]

_WHERE = {
    "Action": "forethought.proposal",
    "CanaryFailure": "forethought.gate",
    "Decision": "forethought.decision",
    "Gate": "forethought.integrations.guard",
    "Ledger": "forethought.ledger",
    "LedgerError": "forethought.ledger",
    "Policy": "forethought.policy",
    "PolicyError": "forethought.policy",
    "Proposal": "forethought.proposal",
    "ProposalError": "forethought.proposal",
    "Refused": "forethought.integrations.guard",
}


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module 'forethought' has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(_WHERE[name]), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
