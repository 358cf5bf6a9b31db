"""Open the Gate the command line would use: the policy and the ledger in force, the reviewers
that policy enables. One road for every caller (the CLI, hooks, the warm server, the guard,
Inspect, eval): bad input and unusable state are typed errors, never an exit.

    from forethought.opening import open_gate
    with open_gate() as gate:            # --policy / FORETHOUGHT_POLICY, --ledger / ...
        decision = gate.review(proposal)

Raises :class:`~forethought.policy.PolicyError` (the policy is bad input),
:class:`~forethought.ledger.LedgerError` (the ledger cannot be opened or written) or
:class:`~forethought.gate.CanaryFailure` (a reviewer no longer recognises known-bad actions);
whatever else goes wrong while the reviewers are built is a :class:`GateUnavailable`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from forethought.gate import Gate


class GateUnavailable(RuntimeError):
    """Review cannot start for a reason that is neither bad input nor the ledger: an internal
    error while building the reviewers. The message is one line."""


def open_gate(
    policy: str | Path | None = None,
    ledger: str | Path | None = None,
    *,
    gate_class: type[Gate] | None = None,
) -> Gate:
    """A Gate with the policy and ledger in force (as ``--policy``/``--ledger`` would choose;
    ``ledger`` may be a path or a database URL). The caller closes it (it is a context manager);
    on any error nothing is left open. ``gate_class``: a Gate subclass to build (the Python
    guard's, which adds ``check`` and ``guard``)."""
    from forethought import prepared
    from forethought.gate import CanaryFailure, Gate
    from forethought.ledger import Ledger, LedgerError
    from forethought.policy import PolicyError, load_policy
    from forethought.review.registry import build_reviewers

    build = gate_class or Gate
    chosen = load_policy(policy)
    prepared.mark("policy read and checked")
    opened = Ledger.open(ledger)
    prepared.mark("ledger opened")
    try:
        # In the review server: the Gate built for the same inputs, its canaries passed.
        kept = None
        if prepared.enabled() and opened.path is not None:
            kept = prepared.lookup(chosen, opened.path)
        if kept is not None:
            gate = build(chosen, kept[0].reviewers, opened, checked=kept[1])
        else:
            # (a database ledger is named by its URL: self-protection guards it too)
            where = opened.path if opened.path is not None else opened.location
            gate = build(chosen, build_reviewers(chosen, where), opened)
        prepared.mark("Gate ready")
        return gate
    except (PolicyError, LedgerError, CanaryFailure):
        opened.close()
        raise
    except Exception as exc:
        opened.close()
        text = " ".join(str(exc).split()) or type(exc).__name__
        raise GateUnavailable(f"internal error, review cannot start: {text}") from exc
    except BaseException:
        opened.close()
        raise
