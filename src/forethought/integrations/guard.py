"""The Python guard: the gate in front of any tool function, or any framework's own hook.

    from forethought import Gate, Refused

    gate = Gate.default()            # the policy and ledger the CLI would use

    @gate.guard(tool="bash")         # the function's arguments become the proposal's args
    def bash(command: str) -> str: ...

    gate.check({"tool": "bash", "args": {"command": cmd}})   # for frameworks with hooks

A call the gate does not allow raises :class:`Refused` before the function runs. An escalation
is a refusal too, unless an ``on_escalate`` callback (the human channel) approves it.
"""

from __future__ import annotations

import functools
import inspect
import uuid
from collections.abc import Callable, Mapping
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, cast
from weakref import WeakKeyDictionary

import orjson

from forethought.proposal import Proposal, from_dict

if TYPE_CHECKING:
    from forethought.decision import Decision
    from forethought.gate import Gate

F = TypeVar("F", bound=Callable[..., Any])
# The human channel: shown the proposal and the decision, returns True to let the call run.
Approver = Callable[[Proposal, "Decision"], bool]

ORIGIN = "python"
_sessions: WeakKeyDictionary[Gate, str] = WeakKeyDictionary()


class Refused(Exception):
    """The gate did not allow a guarded call; the call did not run.

    ``str(exc)`` is the short reason meant for the agent (safe to hand back to the model as the
    tool's result); ``decision`` carries the full Decision (explanation, reviews, predictions)
    for humans, and ``proposal`` what was reviewed.
    """

    def __init__(self, decision: Decision, proposal: Proposal) -> None:
        from forethought.integrations.channels import agent_message

        self.decision = decision
        self.proposal = proposal
        super().__init__(agent_message(decision))


def default_gate(policy: str | Path | None = None, ledger: str | Path | None = None) -> Gate:
    """A Gate with the policy and ledger in force (as ``--policy``/``--ledger`` would choose).

    Raises PolicyError (a bad policy), LedgerError (an unusable ledger) or CanaryFailure (a
    reviewer that no longer recognises known-bad actions).
    """
    from forethought.gate import Gate
    from forethought.ledger import Ledger
    from forethought.policy import load_policy
    from forethought.review.registry import build_reviewers

    chosen = load_policy(policy)
    opened = Ledger.open(ledger)
    try:
        return Gate(chosen, build_reviewers(chosen, opened.path), opened)
    except BaseException:
        opened.close()
        raise


def session_of(gate: Gate) -> str:
    """The session id this process's proposals are recorded under (one per Gate)."""
    if gate not in _sessions:
        _sessions[gate] = f"python-{uuid.uuid4().hex[:12]}"
    return _sessions[gate]


def check(
    gate: Gate,
    proposal: Proposal | Mapping[str, Any],
    *,
    session_id: str | None = None,
    on_escalate: Approver | None = None,
) -> Decision:
    """Review one proposal (a Proposal or any accepted dict shape) and record it.

    Returns the Decision when the call may run; raises Refused when it may not.
    """
    if not isinstance(proposal, Proposal):
        proposal = from_dict(proposal, orjson.dumps(proposal, default=repr).decode())
    session = session_id or proposal.session_id or session_of(gate)
    proposal = replace(proposal, origin=proposal.origin or ORIGIN, session_id=session)
    decision = gate.review(proposal, run_id=session)
    if decision.allowed:
        return decision
    if decision.verdict == "escalate" and on_escalate is not None:
        from forethought.decision import HumanVerdict
        from forethought.settle import record_human_verdict

        approved = bool(on_escalate(proposal, decision))
        verdict = HumanVerdict("approve" if approved else "reject", callback_name(on_escalate))
        record_human_verdict(gate.ledger, proposal, "on_escalate", verdict, session)
        if approved:
            return decision
    raise Refused(decision, proposal)


def callback_name(fn: Callable[..., Any]) -> str:
    """Who answers through an ``on_escalate`` callback: the callback, by its qualified name."""
    module = getattr(fn, "__module__", None) or ""
    name = getattr(fn, "__qualname__", None) or type(fn).__qualname__
    return f"{module}.{name}" if module else str(name)


def guard(
    gate: Gate,
    tool: str | None = None,
    *,
    session_id: str | None = None,
    on_escalate: Approver | None = None,
) -> Callable[[F], F]:
    """Decorate a tool function (sync or async) so that every call is reviewed first."""

    def decorate(fn: F) -> F:
        name = tool or fn.__name__
        signature = inspect.signature(fn)

        def reviewed(args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
            proposal = {"tool": name, "args": _arguments(signature, args, kwargs)}
            check(gate, proposal, session_id=session_id, on_escalate=on_escalate)

        if inspect.iscoroutinefunction(fn):

            @functools.wraps(fn)
            async def guarded_async(*args: Any, **kwargs: Any) -> Any:
                reviewed(args, kwargs)
                return await fn(*args, **kwargs)

            return cast(F, guarded_async)

        @functools.wraps(fn)
        def guarded(*args: Any, **kwargs: Any) -> Any:
            reviewed(args, kwargs)
            return fn(*args, **kwargs)

        return cast(F, guarded)

    return decorate


def _arguments(
    signature: inspect.Signature, args: tuple[Any, ...], kwargs: dict[str, Any]
) -> dict[str, Any]:
    """The call's arguments by parameter name (``self``/``cls`` left out), JSON-safe."""
    bound = signature.bind(*args, **kwargs)
    bound.apply_defaults()
    out: dict[str, Any] = {}
    for name, value in bound.arguments.items():
        kind = signature.parameters[name].kind
        if name in ("self", "cls"):
            continue
        if kind is inspect.Parameter.VAR_KEYWORD:
            out.update({k: _plain(v) for k, v in value.items()})
        else:
            out[name] = _plain(value)
    return out


def _plain(value: Any) -> Any:
    """The value as JSON would carry it (anything else by its repr)."""
    return orjson.loads(orjson.dumps(value, default=repr))
