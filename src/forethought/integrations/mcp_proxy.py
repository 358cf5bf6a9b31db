"""``forethought mcp-proxy``: the gate in front of any MCP server.

The proxy is a stdio MCP server. It starts the real server as its child (over stdio), mirrors
its tools, prompts and resources (lists, ``prompts/get`` and ``resources/read`` pass straight
through) and sends every ``tools/call`` through the Gate before the child sees it:

- allow -> the call is forwarded and the child's own result returned;
- block, revise, resample -> a tool result with ``isError: true`` and the short reason meant for
  the agent (forethought.integrations.channels); the full account goes to the ledger only;
- escalate -> settled (forethought.settle): the human channel is asked; approve forwards, reject
  or no answer refuses, an edit (of the call's own arguments only) is reviewed again.

Nothing fails open: unknown tools, arguments that break the tool's input schema or cannot be
turned into a Proposal, and any error while reviewing end in a refusal, and the child never
receives the call. The annotations a server declares for its tools (``readOnlyHint``,
``destructiveHint``, ...) are the server's claims: they go into the Proposal's context for the
reviewers to weigh, and a "read-only" tool that is asked to run ``rm -rf /`` is judged on that.
"""

from __future__ import annotations

import contextlib
import os
import re
import time
import uuid
from collections.abc import Callable, Mapping
from contextlib import AsyncExitStack
from dataclasses import replace
from typing import TYPE_CHECKING, Any

import anyio
import anyio.to_thread
import mcp.types as types
import orjson
from mcp import ClientSession, MCPError, StdioServerParameters, stdio_client
from mcp.server.lowlevel import Server
from mcp.server.stdio import stdio_server

from forethought.integrations.hook import UNREVIEWED
from forethought.ledger.events import (
    ExecutionEvent,
    LedgerEvent,
    MalformedCallEvent,
    McpFailureEvent,
)
from forethought.proposal import Action, Proposal, ProposalError, argv_command, from_dict
from forethought.settle import settle

if TYPE_CHECKING:
    from forethought.escalation.base import Channel
    from forethought.gate import Gate

ORIGIN = "mcp"
# Seconds the server has to answer `initialize` (generous: `npx -y` may download it first).
HANDSHAKE_TIMEOUT_S = 120.0
# Characters of a tool's description kept in the Proposal's context, and of a result in the ledger.
DESCRIPTION_CHARS = 1000
OBSERVATION_CHARS = 4000


class ChildError(RuntimeError):
    """The MCP server behind the proxy could not be started or reached."""


def new_session_id() -> str:
    return f"mcp-{uuid.uuid4().hex[:12]}"


def serve(
    command: list[str],
    gate: Gate,
    channel: Channel,
    *,
    session_id: str | None = None,
) -> None:
    """Run the proxy on this process's stdin/stdout until the client disconnects.

    Raises ChildError when the server cannot be started or does not complete the handshake.
    """
    anyio.run(_serve, command, gate, channel, session_id or new_session_id())


async def _serve(command: list[str], gate: Gate, channel: Channel, session_id: str) -> None:
    failure: ChildError | None = None
    stopping: BaseException | None = None
    with anyio.CancelScope() as scope:
        async with AsyncExitStack() as stack:
            try:
                child = await _start_child(stack, command)
            except ChildError as exc:  # raised after the child's task groups close, not inside
                failure = exc
            else:
                proxy = Proxy(child, gate, channel, session_id)
                server = proxy.server()
                read, write = await stack.enter_async_context(stdio_server())
                incoming = _Incoming(read)
                proxy.stop = incoming.closed.set
                outgoing = _Outgoing(write, proxy)
                await server.run(incoming, outgoing, server.create_initialization_options())
                stopping = proxy.stopping
                if stopping is not None:  # the call was answered; stop reading stdin, and exit
                    scope.cancel()
    if stopping is not None:
        raise stopping
    if failure is not None:
        raise failure


class _Incoming:
    """The proxy's stdin stream, which ends early when the proxy is asked to stop."""

    def __init__(self, stream: Any) -> None:
        self.stream = stream
        self.closed = anyio.Event()

    async def receive(self) -> Any:
        if self.closed.is_set():
            raise anyio.EndOfStream
        received: list[Any] = []

        async def take() -> None:
            with contextlib.suppress(anyio.EndOfStream, anyio.ClosedResourceError):
                received.append(await self.stream.receive())  # else the client hung up
            group.cancel_scope.cancel()

        async def stop() -> None:
            await self.closed.wait()
            group.cancel_scope.cancel()

        async with anyio.create_task_group() as group:
            group.start_soon(take)
            group.start_soon(stop)
        if not received:
            raise anyio.EndOfStream
        return received[0]

    def __aiter__(self) -> _Incoming:
        return self

    async def __anext__(self) -> Any:
        try:
            return await self.receive()
        except (anyio.EndOfStream, anyio.ClosedResourceError):
            raise StopAsyncIteration from None

    async def aclose(self) -> None:
        await self.stream.aclose()

    def close(self) -> None:
        self.stream.close()

    async def __aenter__(self) -> _Incoming:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    def __getattr__(self, name: str) -> Any:
        return getattr(self.stream, name)


class _Outgoing:
    """The proxy's stdout stream: once the answer to a call whose review was interrupted (by
    SystemExit or KeyboardInterrupt) has been handed to the writer and written, the proxy stops."""

    def __init__(self, stream: Any, proxy: Proxy) -> None:
        self.stream, self.proxy = stream, proxy

    async def send(self, item: Any) -> None:
        await self.stream.send(item)
        proxy = self.proxy
        if proxy.stopping is not None and getattr(item.message, "id", None) == proxy.stopping_id:
            # The writer has taken the answer (an unbuffered stream); it is written once the
            # writer waits for the next message again.
            inner = getattr(self.stream, "_inner", None)
            for _ in range(200):
                stats = inner.statistics() if inner is not None else None
                if stats is None or stats.tasks_waiting_receive:
                    break
                await anyio.sleep(0.01)
            proxy.stop()

    async def aclose(self) -> None:
        await self.stream.aclose()

    def close(self) -> None:
        self.stream.close()

    async def __aenter__(self) -> _Outgoing:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    def __getattr__(self, name: str) -> Any:
        return getattr(self.stream, name)


async def _start_child(stack: AsyncExitStack, command: list[str]) -> ClientSession:
    # The child gets the proxy's whole environment: what the client configured for "the
    # server" (API keys, paths) was given to the proxy's command line.
    params = StdioServerParameters(command=command[0], args=command[1:], env=dict(os.environ))
    try:
        read, write = await stack.enter_async_context(stdio_client(params))
        child = await stack.enter_async_context(ClientSession(read, write))
        with anyio.fail_after(HANDSHAKE_TIMEOUT_S):
            await child.initialize()
    except Exception as exc:  # OSError (no such command), MCPError (it exited, spoke garbage)
        why = _describe(exc)
        if isinstance(exc, MCPError) and "Connection closed" in why:
            why = "it exited before the MCP handshake (its stderr is above)"
        elif isinstance(exc, TimeoutError):
            why = f"it did not answer the MCP handshake within {HANDSHAKE_TIMEOUT_S:g} s"
        raise ChildError(f"cannot start the MCP server {command[0]!r}: {why}") from exc
    return child


class Proxy:
    """One client connection's view of the child server, every tool call reviewed."""

    def __init__(self, child: ClientSession, gate: Gate, channel: Channel, session_id: str) -> None:
        self.child = child
        self.gate = gate
        self.channel = channel
        self.session_id = session_id
        self.child_info = child.server_info
        self.child_capabilities = child.server_capabilities
        self._tools: dict[str, types.Tool] = {}
        self._calls = 0
        # Set when a review was interrupted by SystemExit/KeyboardInterrupt: the call is answered
        # (refused), then the proxy stops and re-raises it.
        self.stopping: BaseException | None = None
        self.stopping_id: Any = None
        self.stop: Callable[[], None] = lambda: None
        # One review at a time: the ledger is a sequence and a human answers one question.
        self._reviewing = anyio.CapacityLimiter(1)

    @property
    def server_name(self) -> str:
        return self.child_info.name if self.child_info is not None else "mcp"

    def server(self) -> Server[Any]:
        """The proxy's own MCP server: the child's capabilities, forethought on tools/call."""
        caps = self.child_capabilities
        tools = caps is None or caps.tools is not None
        prompts = caps is not None and caps.prompts is not None
        resources = caps is not None and caps.resources is not None
        completions = caps is not None and caps.completions is not None
        info = self.child_info
        return Server(
            self.server_name,
            version=info.version if info is not None else "",
            title=f"{info.title or info.name} (reviewed by forethought)" if info else None,
            instructions=self.child.instructions,
            on_list_tools=self.list_tools if tools else None,
            on_call_tool=self.call_tool if tools else None,
            on_list_prompts=self.list_prompts if prompts else None,
            on_get_prompt=self.get_prompt if prompts else None,
            on_list_resources=self.list_resources if resources else None,
            on_list_resource_templates=self.list_resource_templates if resources else None,
            on_read_resource=self.read_resource if resources else None,
            on_completion=self.complete if completions else None,
        )

    # --- passed through ---------------------------------------------------------------------

    async def list_tools(
        self, ctx: Any, params: types.PaginatedRequestParams | None
    ) -> types.ListToolsResult:
        result = await self.child.list_tools(params=params)
        self._tools.update({tool.name: tool for tool in result.tools})
        return result

    async def list_prompts(
        self, ctx: Any, params: types.PaginatedRequestParams | None
    ) -> types.ListPromptsResult:
        return await self.child.list_prompts(params=params)

    async def get_prompt(
        self, ctx: Any, params: types.GetPromptRequestParams
    ) -> types.GetPromptResult:
        return await self.child.get_prompt(params.name, params.arguments)

    async def list_resources(
        self, ctx: Any, params: types.PaginatedRequestParams | None
    ) -> types.ListResourcesResult:
        return await self.child.list_resources(params=params)

    async def list_resource_templates(
        self, ctx: Any, params: types.PaginatedRequestParams | None
    ) -> types.ListResourceTemplatesResult:
        return await self.child.list_resource_templates(params=params)

    async def read_resource(
        self, ctx: Any, params: types.ReadResourceRequestParams
    ) -> types.ReadResourceResult:
        return await self.child.read_resource(params.uri)

    async def complete(self, ctx: Any, params: types.CompleteRequestParams) -> types.CompleteResult:
        context = params.context.arguments if params.context is not None else None
        argument = {"name": params.argument.name, "value": params.argument.value}
        return await self.child.complete(params.ref, argument, context)

    # --- reviewed ---------------------------------------------------------------------------

    async def call_tool(
        self, ctx: Any, params: types.CallToolRequestParams
    ) -> types.CallToolResult:
        self._calls += 1
        call_id = f"{self.session_id}:{self._calls}"
        name, arguments = params.name, dict(params.arguments or {})
        if self.stopping is not None:  # a review was interrupted: the proxy is on its way out
            return refusal(f"Not run: the proxy is stopping ({_describe(self.stopping)})")
        try:
            tool = await self._tool(name)
            if tool is None:
                self._record_malformed(name, arguments, "the server has no such tool")
                return refusal(f"Not run: the server has no tool named {name!r}")
            async with self._reviewing:
                outcome = await anyio.to_thread.run_sync(self._judge, tool, arguments, call_id)
        except Exception as exc:  # whatever stopped the review, the call does not run
            self._record(McpFailureEvent(call_id, name, _describe(exc)))
            return refusal(UNREVIEWED)
        except BaseException as exc:  # SystemExit, KeyboardInterrupt: answer, then stop
            if isinstance(exc, anyio.get_cancelled_exc_class()):
                raise
            try:
                self._record(McpFailureEvent(call_id, name, _describe(exc)))
            finally:
                self.stopping, self.stopping_id = exc, getattr(ctx, "request_id", None)
            return refusal(UNREVIEWED)
        if isinstance(outcome, str):
            return refusal(outcome)
        return await self._forward(name, outcome, call_id)

    async def _tool(self, name: str) -> types.Tool | None:
        """The child's declaration of tool ``name`` (listing the tools again if unseen)."""
        if name not in self._tools:
            cursor: str | None = None
            while True:
                page = await self.list_tools(None, types.PaginatedRequestParams(cursor=cursor))
                cursor = page.next_cursor
                if name in self._tools or not cursor:
                    break
        return self._tools.get(name)

    def _judge(
        self, tool: types.Tool, arguments: dict[str, Any], call_id: str
    ) -> dict[str, Any] | str:
        """The arguments to forward, or what the agent is told instead (runs in a thread)."""
        proposal = self._proposal(tool, arguments, call_id)
        if isinstance(proposal, str):
            return proposal
        decision = self.gate.review(proposal, run_id=self.session_id)

        def rebuild(edited: Proposal, edit: Mapping[str, Any], edit_round: int) -> Proposal | str:
            sent = dict(edited.context["mcp"]["arguments"])
            unknown = sorted(set(edit) - set(sent))
            if unknown:  # the server might read other names than the reviewers were shown
                return f"Not run: the person's edit adds arguments the call did not have: {unknown}"
            return self._proposal(tool, {**sent, **edit}, f"{call_id}:edit{edit_round}")

        settled = settle(
            self.gate,
            proposal,
            decision,
            channel=self.channel,
            rebuild=rebuild,
            run_id=self.session_id,
        )
        if settled.allowed:
            return dict(settled.proposal.context["mcp"]["arguments"])
        return settled.message

    def _proposal(
        self, tool: types.Tool, arguments: dict[str, Any], call_id: str
    ) -> Proposal | str:
        """The Proposal for this call, or why the call is malformed (recorded)."""
        problem = schema_problem(tool.input_schema, arguments)
        if problem is None:
            raw = orjson.dumps({"name": tool.name, "arguments": arguments}, default=repr).decode()
            try:
                proposal = from_dict({"name": tool.name, "arguments": arguments}, raw)
            except ProposalError as exc:
                problem = str(exc)
        if problem is not None:
            self._record_malformed(tool.name, arguments, problem)
            return f"Not run: malformed arguments for {tool.name}: {problem}"
        if proposal.action.kind == "other":
            proposal = with_schema_findings(
                proposal, tool.input_schema, arguments, tool.description
            )
        # The action carries the arguments of its kind (a shell call's command); the context
        # keeps all of them as sent, for the reviewers and the ledger.
        mcp = {**self._declared(tool), "arguments": arguments}
        return replace(
            proposal,
            id=call_id,
            origin=ORIGIN,
            session_id=self.session_id,
            context={**proposal.context, "mcp": mcp},
        )

    def _declared(self, tool: types.Tool) -> dict[str, Any]:
        """What the server says about the tool: a prior for the reviewers, never proof."""
        declared: dict[str, Any] = {"server": self.server_name, "verified": False}
        if tool.annotations is not None:
            declared["annotations"] = tool.annotations.model_dump(by_alias=True, exclude_none=True)
        if tool.description:
            declared["description"] = tool.description[:DESCRIPTION_CHARS]
        return declared

    async def _forward(
        self, name: str, arguments: dict[str, Any], call_id: str
    ) -> types.CallToolResult:
        started = time.monotonic()
        try:
            result = await self.child.call_tool(name, arguments)
        except Exception as exc:  # the child crashed, hung up, or answered garbage
            error = _describe(exc)
            self._record_execution(call_id, name, False, started, f"the server failed: {error}")
            return refusal(f"The MCP server failed while running {name}: {error}")
        text = "\n".join(c.text for c in result.content if isinstance(c, types.TextContent))
        self._record_execution(call_id, name, not result.is_error, started, text)
        return result

    # --- the ledger -------------------------------------------------------------------------

    def _record(self, event: LedgerEvent) -> None:
        if self.gate.ledger is not None:
            self.gate.ledger.record(event, run_id=self.session_id)

    def _record_malformed(self, tool: str, arguments: Mapping[str, Any], error: str) -> None:
        raw = orjson.dumps({"name": tool, "arguments": arguments}, default=repr).decode()
        self._record(MalformedCallEvent(tool, raw, error, origin=ORIGIN))

    def _record_execution(
        self, call_id: str, tool: str, ok: bool, started: float, observation: str
    ) -> None:
        self._record(
            ExecutionEvent(
                proposal_id=call_id,
                tool=tool,
                ok=ok,
                observation=observation[:OBSERVATION_CHARS],
                elapsed_s=round(time.monotonic() - started, 4),
            )
        )


# What a tool's input schema says an argument is: a shell command, a URL, a path.
_COMMAND_NAME = re.compile(r"^(command|cmd|script|shell_command|command_line|commandline)$", re.I)
_COMMAND_TEXT = re.compile(
    r"\b(shell|bash|terminal|command[- ]line)\b[^.]*\bcommand|\bcommand\b[^.]*\b(to run|to "
    r"execute|run in|executed? in|in (a|the) shell)\b",
    re.I,
)
_SHELL_TEXT = re.compile(r"\b(shell|bash|sh|terminal|command[- ]line)\b", re.I)
_URL_NAME = re.compile(r"(^|_)(url|uri|href|link|endpoint)s?$", re.I)
_URL_TEXT = re.compile(r"\b(url|uri)s?\b", re.I)
_PATH_NAME = re.compile(
    r"(^|_)(path|paths|file|files|filename|filepath|dir|directory|folder|source|destination)$",
    re.I,
)
_PATH_TEXT = re.compile(r"\b(path|file|directory|folder)s?\b", re.I)


def with_schema_findings(
    proposal: Proposal,
    schema: Mapping[str, Any] | None,
    arguments: Mapping[str, Any],
    description: str | None = None,
) -> Proposal:
    """A call of a tool no catalogue knows, with what its input schema shows reviewed too.

    Arguments the schema names or describes as a shell command, a URL or a path are reviewed as
    a command run, a fetch, a read. A tool whose only argument is one its schema (or, for an
    argument named like a command, the tool's description) plainly calls a shell command becomes
    that command; otherwise the call stays one that no reviewer can judge (refused by default),
    with what was found as parts: a destructive command or a secret's path still blocks it.
    """
    declared = schema.get("properties") if isinstance(schema, Mapping) else None
    if not isinstance(declared, Mapping):
        return proposal
    found: list[tuple[str, dict[str, Any]]] = []
    commands, covered = 0, set()
    for name, value in arguments.items():
        spec = declared.get(name)
        if not isinstance(spec, Mapping):
            continue
        text = f"{spec.get('title', '')} {spec.get('description', '')}"
        words = [value] if isinstance(value, str) else value if isinstance(value, list) else []
        if not words or not all(isinstance(w, str) for w in words):
            continue
        if _COMMAND_NAME.match(name) or _COMMAND_TEXT.search(text):
            command = value if isinstance(value, str) else argv_command(list(value))
            found.append(("shell", {"command": command}))
            plain = _SHELL_TEXT.search(text) or (
                _COMMAND_NAME.match(name) and _SHELL_TEXT.search(description or "")
            )
            if plain:  # the schema, or the tool's description, says it is a shell command
                commands += 1
                covered.add(name)
        elif (
            spec.get("format") in ("uri", "url", "iri", "uri-reference")
            or _URL_NAME.search(name)
            or _URL_TEXT.search(text)
        ):
            for word in words:
                if word.startswith(("http://", "https://")):
                    found.append(("http", _get(word)))
                elif word.startswith("file://"):
                    found.append(("file_read", {"path": word.removeprefix("file://")}))
        elif _PATH_NAME.search(name) or _PATH_TEXT.search(text):
            found += [("file_read", {"path": word}) for word in words]
    if not found:
        return proposal
    action = proposal.action
    steps = [Action(action.tool, kind, args, action.raw) for kind, args in found]  # type: ignore[arg-type]
    if commands == 1 and covered == set(arguments) and len(steps) == 1:
        return replace(proposal, action=steps[0])
    return replace(proposal, parts=(*proposal.parts, *steps))


def _get(url: str) -> dict[str, Any]:
    return {"method": "GET", "url": url, "headers": {}, "body": ""}


def refusal(message: str) -> types.CallToolResult:
    """A tool result the agent reads as a failed call: ``isError`` and the short reason."""
    return types.CallToolResult(
        content=[types.TextContent(type="text", text=message)], is_error=True
    )


def schema_problem(schema: Mapping[str, Any] | None, arguments: Mapping[str, Any]) -> str | None:
    """Why ``arguments`` break the tool's declared input schema, or None.

    A schema the server got wrong is not the caller's fault and is not checked; the Gate still
    reviews the call.
    """
    if not schema:
        return None
    declared = schema.get("properties")
    if isinstance(declared, Mapping):
        # Arguments outside the schema would reach the server without any reviewer having
        # been shown them under a name it knows, so the call is refused.
        undeclared = sorted(set(arguments) - set(declared))
        if undeclared:
            return f"arguments the tool does not declare: {', '.join(undeclared)}"
    from jsonschema import SchemaError
    from jsonschema.exceptions import best_match
    from jsonschema.validators import validator_for

    validator_class = validator_for(schema)
    try:
        validator_class.check_schema(schema)
    except SchemaError:
        return None
    error = best_match(validator_class(schema).iter_errors(arguments))
    if error is None:
        return None
    where = "/".join(str(p) for p in error.absolute_path)
    return f"{where}: {error.message}" if where else error.message


def _describe(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0]}" if text else type(exc).__name__
