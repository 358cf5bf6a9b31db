"""The Inspect AI approver: forethought's Gate in an Inspect eval's approval policy.

    approvers:
      - name: forethought/gate
        tools: "*"
        policy: my-policy.toml      # optional, like --policy
        ledger: runs.db             # optional, like --ledger / FORETHOUGHT_LEDGER
      - name: human                 # answers what forethought escalates
        tools: "*"

or, with ``human: console`` (and ``human_timeout: 300``) in forethought/gate's entry, a
forethought escalation waits in the ledger for an approver in `forethought console` instead of
going on to Inspect's next approver; no answer in time is a rejection.

Inspect finds ``forethought/gate`` through the ``inspect_ai`` entry point in pyproject.toml.
Each tool call becomes a Proposal (origin ``inspect``, the sample's uuid as the session id) and
the Decision goes back as Inspect's Approval: allow -> approve; block, revise, resample ->
reject, with the short reason the agent can act on; escalate -> escalate, so the next approver in
the chain (Inspect's ``human``) decides. Given a forethought human channel instead (from Python),
a human's edit becomes modify, reviewed again, and only as a call of the same function. The
Decision's risk is the Approval's ``suspicion_score`` metadata, beside the predictions, so both
land in the eval log's approval event.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Mapping
from dataclasses import replace
from typing import Any, Literal

import anyio.to_thread
from inspect_ai.approval import Approval, Approver, approver
from inspect_ai.model import ChatMessage
from inspect_ai.tool import ToolCall, ToolCallView

from forethought.decision import Decision
from forethought.escalation.base import Channel
from forethought.gate import Gate
from forethought.integrations.inspect_proposal import current_sample, proposal_from_call
from forethought.proposal import Proposal, ProposalError
from forethought.settle import settle

# What the agent is told when the call could not be reviewed (the cause goes to the log only).
UNREVIEWABLE = "Blocked: it could not be reviewed"
APPROVED = "forethought reviewed this call and has no objection"
# The Decision's fields kept in the log (the explanation is the metadata's "reason").
_KEPT = ("id", "decision", "term", "reason", "risk", "harm", "benefit", "predictions", "reviews")


@approver(name="gate")
def gate(
    policy: str | None = None,
    ledger: str | None = None,
    channel: Channel | None = None,
    human: str | None = None,
    human_timeout: float = 300.0,
) -> Approver:
    """Review every tool call with forethought's Gate before Inspect runs it.

    Args:
      policy: Policy TOML (default: $FORETHOUGHT_POLICY, else the user's, else built-in).
      ledger: Ledger database (default: $FORETHOUGHT_LEDGER, else forethought's data directory).
      channel: A forethought human channel for escalations (from Python). Without one, an
        escalation is Inspect's ``escalate``: the next approver in the policy decides.
      human: A forethought human channel by name, for the approval policy's YAML: ``console``
        (the escalation waits in the ledger for an approver in `forethought console`) or
        ``none`` (refused). Not with ``channel``.
      human_timeout: Seconds to wait for ``human``'s answer; then the call is rejected.
    """
    from forethought.escalation import channel_for
    from forethought.integrations.guard import default_gate

    if human is not None and (channel is not None or human not in ("console", "none")):
        raise ValueError(
            "forethought/gate: human must be 'console' or 'none', and not given with channel"
        )
    # A bad policy, an unusable ledger or a failed canary stops the eval before its first call.
    reviewing = default_gate(policy, ledger)
    if human is not None:
        channel = channel_for(human, reviewing, timeout_s=float(human_timeout))
    # Samples run concurrently on one event loop and share the Gate: reviews go one at a time,
    # each in a worker thread so that a slow reviewer does not stall the other samples.
    lock = threading.Lock()
    fallback_session = f"inspect-{uuid.uuid4().hex[:12]}"  # for calls made outside a sample

    async def approve(
        message: str, call: ToolCall, view: ToolCallView, history: list[ChatMessage]
    ) -> Approval:
        session_id, context = current_sample(fallback_session)
        try:
            proposal = proposal_from_call(
                call, message, history, session_id=session_id, context=context
            )
        except ProposalError as exc:
            return _unreviewable(str(exc))

        def review() -> Approval:
            with lock:
                try:
                    return _review(reviewing, proposal, call, channel)
                except Exception as exc:  # fail closed: what cannot be reviewed does not run
                    return _unreviewable(f"{type(exc).__name__}: {exc}")

        return await anyio.to_thread.run_sync(review)

    return approve


def _review(gate: Gate, proposal: Proposal, call: ToolCall, channel: Channel | None) -> Approval:
    """The Decision as Inspect's Approval; an escalation is settled on ``channel`` where one is
    given (forethought.settle), else left to the next approver in Inspect's chain."""
    decision = gate.review(proposal, run_id=proposal.session_id)
    if decision.allowed:
        return _approval("approve", decision, APPROVED)
    calls = [call]

    def rebuild(edited: Proposal, edit: Mapping[str, Any], edit_round: int) -> Proposal | str:
        # Inspect runs an edit only as a call of the same function.
        args = dict(edit)
        tool = args.pop("tool", call.function)
        if tool != call.function:
            return f"Refused: the human's edit calls {tool}, not {call.function}"
        changed = edited_call(calls[-1], args)
        try:
            rebuilt = proposal_from_call(changed, proposal.reasoning, [])
        except ProposalError as exc:
            return f"Refused: the human's edit is not a valid call: {exc}"
        calls.append(changed)
        return replace(
            rebuilt,
            id=f"{proposal.id}:edit{edit_round}",
            task=proposal.task,
            history=proposal.history,
            session_id=proposal.session_id,
            context=proposal.context,
        )

    settled = settle(
        gate, proposal, decision, channel=channel, rebuild=rebuild, run_id=proposal.session_id
    )
    human = settled.decision.human
    if settled.outcome == "escalate":
        return _approval("escalate", decision, settled.message)
    if not settled.allowed:
        return _approval("reject", settled.decision, settled.message)
    who = human.approver if human is not None else "a person"
    if settled.edited:
        return _approval("modify", settled.decision, f"edited by {who}", calls[-1])
    return _approval("approve", settled.decision, f"approved by {who}")


def edited_call(call: ToolCall, edit: Mapping[str, Any]) -> ToolCall:
    """The call with the edit's arguments. An edit names the tool's own arguments or, for a tool
    of one argument, forethought's name for it (``command`` for Inspect's ``bash(cmd)``)."""
    arguments = dict(call.arguments)
    if len(arguments) == 1 and len(edit) == 1 and not set(edit) & set(arguments):
        edit = {next(iter(arguments)): next(iter(edit.values()))}
    return replace(call, arguments={**arguments, **edit})


def _approval(
    decision: Literal["approve", "modify", "reject", "escalate"],
    verdict: Decision,
    text: str,
    modified: ToolCall | None = None,
) -> Approval:
    return Approval(
        decision=decision,
        explanation=text,
        metadata=decision_metadata(verdict),
        modified=modified if decision == "modify" else None,
    )


def decision_metadata(decision: Decision) -> dict[str, Any]:
    """What the log keeps of a Decision: ``suspicion_score`` (the risk, 0..1, higher is more
    suspicious; absent when no review completed) and ``reason`` as ControlArena reads them, and
    forethought's own account."""
    record = decision.to_dict()
    metadata: dict[str, Any] = {
        "reason": decision.explanation or decision.reason,
        "forethought": {k: record[k] for k in _KEPT if k in record},
    }
    if decision.risk is not None:
        metadata["suspicion_score"] = decision.risk
    return metadata


def _unreviewable(cause: str) -> Approval:
    return Approval(
        decision="reject",
        explanation=UNREVIEWABLE,
        # No suspicion_score: a call that was not reviewed is unscored, never a score of 0 or 1.
        metadata={"reason": f"not reviewed: {cause}", "forethought": {"failed": cause}},
    )
