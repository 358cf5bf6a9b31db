"""The Python guard: the gate in front of any tool function, or any framework's own hook.

    from forethought import Gate, Refused   # this module's Gate: the core one, plus the guard

    gate = Gate.default()            # the policy and ledger the CLI would use

    @gate.guard(tool="bash")         # the function's arguments become the proposal's args
    def bash(command: str) -> str: ...

    gate.check({"tool": "bash", "args": {"command": cmd}})   # for frameworks with hooks

A call the gate does not allow raises :class:`Refused` before the function runs. An escalation
is a refusal too, unless a person approves it, or edits it into a call that is then reviewed and
allowed (forethought.settle owns those rounds): asked through an ``on_escalate`` callback or
channel, or the Gate's own channel (``Gate.default(human="console")``: the call waits in the
ledger until an approver answers in `forethought console`; no answer in time refuses).
"""

from __future__ import annotations

import functools
import inspect
import uuid
from collections.abc import Callable, Collection, Mapping
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, cast
from weakref import WeakKeyDictionary

import orjson

from forethought.gate import Gate as CoreGate
from forethought.proposal import Proposal, ProposalError, from_dict

if TYPE_CHECKING:
    from forethought.decision import Decision, HumanVerdict
    from forethought.escalation.base import Channel

F = TypeVar("F", bound=Callable[..., Any])
# The human channel: shown the proposal and the decision, returns True to let the call run
# (False: rejected; None: no answer), or a HumanVerdict (an edit, or the approver's own name).
Approver = Callable[[Proposal, "Decision"], "bool | HumanVerdict | None"]

ORIGIN = "python"
_sessions: WeakKeyDictionary[CoreGate, str] = WeakKeyDictionary()


class Refused(Exception):
    """The gate did not allow a guarded call; the call did not run.

    ``str(exc)`` is the short reason meant for the agent (safe to hand back to the model as the
    tool's result); ``decision`` carries the full Decision (explanation, reviews, predictions)
    for humans, and ``proposal`` what was reviewed.
    """

    def __init__(self, decision: Decision, proposal: Proposal, message: str | None = None) -> None:
        from forethought.decision import agent_message

        self.decision = decision
        self.proposal = proposal
        super().__init__(message if message is not None else agent_message(decision))


class Gate(CoreGate):
    """The Gate of ``from forethought import Gate``: the core Gate (review, decide, settle,
    record) with the Python guard's three ways in. The guard is an edge: it builds Proposals
    and hands them to the core; the core Gate knows nothing of it."""

    # The human channel escalations are put to where a call names no ``on_escalate``
    # (None: an escalation is refused).
    human: Channel | None = None

    @classmethod
    def default(
        cls,
        policy: str | Path | None = None,
        ledger: str | Path | None = None,
        *,
        human: str | None = None,
        human_timeout: float = 300.0,
    ) -> Gate:
        """The Gate the CLI would use: the policy and ledger in force (or these);
        :func:`forethought.opening.open_gate`. ``human`` names the channel an escalation is
        put to where a call gives no ``on_escalate``: ``"console"`` (it waits in the ledger for
        an approver in `forethought console`), ``"terminal"`` (stdin) or ``"none"``; no answer
        in ``human_timeout`` seconds is a refusal."""
        from forethought.escalation import NAMES, channel_for
        from forethought.opening import open_gate

        if human is not None and human not in NAMES:
            raise ValueError(f"human={human!r}: expected one of {', '.join(NAMES)}")
        gate = open_gate(policy, ledger, gate_class=cls)
        assert isinstance(gate, Gate)
        if human is not None:
            gate.human = channel_for(human, gate, timeout_s=human_timeout)
        return gate

    def check(self, proposal: Proposal | Mapping[str, Any], **options: Any) -> Decision:
        """Review a Proposal or proposal dict: the Decision if allowed, else raise Refused."""
        return check(self, proposal, **options)

    def guard(self, tool: str | None = None, **options: Any) -> Callable[[F], F]:
        """Decorator: review every call of a (sync or async) tool function before it runs."""
        return guard(self, tool, **options)


def default_gate(
    policy: str | Path | None = None,
    ledger: str | Path | None = None,
    *,
    human: str | None = None,
    human_timeout: float = 300.0,
) -> Gate:
    """A Gate with the policy and ledger in force: :func:`forethought.opening.open_gate`."""
    return Gate.default(policy, ledger, human=human, human_timeout=human_timeout)


def session_of(gate: CoreGate) -> str:
    """The session id this process's proposals are recorded under (one per Gate)."""
    if gate not in _sessions:
        _sessions[gate] = f"python-{uuid.uuid4().hex[:12]}"
    return _sessions[gate]


def check(
    gate: CoreGate,
    proposal: Proposal | Mapping[str, Any],
    *,
    session_id: str | None = None,
    on_escalate: Approver | Channel | None = None,
) -> Decision:
    """Review one proposal (a Proposal or any accepted dict shape) and record it.

    Returns the Decision when the call may run; raises Refused when it may not. Where a person
    (``on_escalate``) edited the call, the Decision is the edit's review and
    ``decision.extra["edited_args"]`` holds the arguments to run instead.
    """
    proposal = _proposal(gate, proposal, session_id)
    decision, edited = _settled(gate, proposal, dict(proposal.action.args), on_escalate, None)
    if edited is None:
        return decision
    return replace(decision, extra={**decision.extra, "edited_args": edited})


def _proposal(
    gate: CoreGate, proposal: Proposal | Mapping[str, Any], session_id: str | None
) -> Proposal:
    if not isinstance(proposal, Proposal):
        proposal = from_dict(proposal, orjson.dumps(proposal, default=repr).decode())
    session = session_id or proposal.session_id or session_of(gate)
    return replace(proposal, origin=proposal.origin or ORIGIN, session_id=session)


def _settled(
    gate: CoreGate,
    proposal: Proposal,
    args: dict[str, Any],
    on_escalate: Approver | Channel | None,
    parameters: Collection[str] | None,
) -> tuple[Decision, dict[str, Any] | None]:
    """Review ``proposal`` (a call with ``args``) and settle an escalation on ``on_escalate``
    (none: refused). The Decision, and the arguments of a person's edit (None: not edited);
    Refused when the call may not run. An edit keeps the tool and, for a guarded function,
    names only the function's ``parameters``."""
    from forethought.settle import settle

    decision = gate.review(proposal, run_id=proposal.session_id)
    if decision.allowed:
        return decision, None
    current = [args]

    def rebuild(edited: Proposal, edit: Mapping[str, Any], edit_round: int) -> Proposal | str:
        changes = dict(edit)
        tool = changes.pop("tool", proposal.action.tool)
        if tool != proposal.action.tool:
            return f"Not run: the person's edit calls {tool}, not {proposal.action.tool}"
        unknown = sorted(set(changes) - set(parameters)) if parameters is not None else []
        if unknown:
            return (
                f"Not run: the person's edit names arguments the function does not take: {unknown}"
            )
        after = {**current[-1], **changes}
        try:
            rebuilt = from_dict({"tool": tool, "args": after})
        except ProposalError as exc:
            return f"Not run: the person's edit is not a valid call: {exc}"
        current.append(after)
        return replace(
            rebuilt,
            id=f"{proposal.id}:edit{edit_round}",
            origin=proposal.origin,
            session_id=proposal.session_id,
            task=proposal.task,
            reasoning=proposal.reasoning,
            history=proposal.history,
            context=proposal.context,
        )

    channel = _channel(gate, on_escalate)
    settled = settle(
        gate, proposal, decision, channel=channel, rebuild=rebuild, run_id=proposal.session_id
    )
    if not settled.allowed:
        raise Refused(settled.decision, settled.proposal, settled.message)
    return settled.decision, current[-1] if settled.edited else None


def _channel(gate: CoreGate, on_escalate: Approver | Channel | None) -> Channel | None:
    """Who is asked: ``on_escalate`` (a callback or a human channel), else the Gate's own
    ``human`` channel (``Gate.default(human=...)``), else nobody."""
    if on_escalate is None:
        return getattr(gate, "human", None)
    if hasattr(on_escalate, "ask"):
        return cast("Channel", on_escalate)
    return _Callback(on_escalate)


class _Callback:
    """``on_escalate`` as a human channel: True approves, False rejects, None is no answer; it
    may also return a HumanVerdict (an edit, or its own approver's name)."""

    name = "on_escalate"

    def __init__(self, fn: Approver) -> None:
        self.fn = fn
        self.approver = callback_name(fn)

    def ask(self, proposal: Proposal, decision: Decision) -> HumanVerdict:
        from forethought.decision import HumanVerdict

        answer = self.fn(proposal, decision)
        if isinstance(answer, HumanVerdict):
            return answer
        if answer is None:
            return HumanVerdict("timeout", self.approver, "the on_escalate callback gave no answer")
        return HumanVerdict("approve" if answer else "reject", self.approver)


def callback_name(fn: Callable[..., Any]) -> str:
    """Who answers through an ``on_escalate`` callback: the callback, by its qualified name."""
    module = getattr(fn, "__module__", None) or ""
    name = getattr(fn, "__qualname__", None) or type(fn).__qualname__
    return f"{module}.{name}" if module else str(name)


def guard(
    gate: CoreGate,
    tool: str | None = None,
    *,
    session_id: str | None = None,
    on_escalate: Approver | Channel | None = None,
) -> Callable[[F], F]:
    """Decorate a tool function (sync or async) so that every call is reviewed first."""

    def decorate(fn: F) -> F:
        name = tool or fn.__name__
        signature = inspect.signature(fn)

        parameters = [
            key
            for key, p in signature.parameters.items()
            if key not in ("self", "cls") and p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)
        ]

        def reviewed(
            args: tuple[Any, ...], kwargs: dict[str, Any]
        ) -> tuple[tuple[Any, ...], dict[str, Any]]:
            """The call's arguments once allowed: a person's edit applied, where they edited."""
            plain = _arguments(signature, args, kwargs)
            proposal = _proposal(gate, {"tool": name, "args": plain}, session_id)
            _, edited = _settled(gate, proposal, plain, on_escalate, parameters)
            if edited is None:
                return args, kwargs
            bound = signature.bind(*args, **kwargs)
            for key in parameters:
                if key in edited and edited[key] != plain.get(key):
                    bound.arguments[key] = edited[key]
            return bound.args, bound.kwargs

        if inspect.iscoroutinefunction(fn):

            @functools.wraps(fn)
            async def guarded_async(*args: Any, **kwargs: Any) -> Any:
                args, kwargs = reviewed(args, kwargs)
                return await fn(*args, **kwargs)

            return cast(F, guarded_async)

        @functools.wraps(fn)
        def guarded(*args: Any, **kwargs: Any) -> Any:
            args, kwargs = reviewed(args, kwargs)
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
