"""A scripted chat-completions server for tests: real HTTP on 127.0.0.1, answers from a script.

The real clients (httpx, the OpenAI-compatible and Anthropic backends) talk to it exactly as they
would to a model server, so tests exercise the whole wire path without a model or the internet::

    from forethought.testing import Reply, ScriptedServer, call

    with ScriptedServer([
        Reply(text="I will list the files.", tool_calls=[call("bash", {"command": "ls"})]),
        Reply.error(429, retry_after=0.1),            # the client should retry ...
        "All done.",                                   # ... and get this plain text answer
        lambda request: f"you sent {len(request['messages'])} messages",
    ]) as server:
        model = get_model("openai:scripted", base_url=server.base_url)   # http://127.0.0.1:PORT/v1
        ...
        assert server.requests[0]["tools"][0]["function"]["name"] == "bash"

Each request takes the next entry of the script. An entry is a :class:`Reply`, a ``str`` (an
assistant text answer), or a callable taking the request's JSON body and returning either. Pass a
single callable instead of a list to answer every request with it. When the script runs out the
server answers HTTP 500 "script exhausted" (it never hangs).

Routes: ``POST /v1/chat/completions`` (and ``/chat/completions``) answer in the OpenAI shape;
``POST /v1/messages`` (and ``/messages``) answer the same replies in the Anthropic Messages shape,
as server-sent events when the request asks for ``"stream": true`` (as Claude Code does);
``POST /v1/responses`` (and ``/responses``) answer them in the OpenAI Responses shape, streamed
as events when asked (as Codex does); ``POST /v1/messages/count_tokens`` estimates the request's
tokens without taking a script entry; ``GET /v1/models`` lists one model; ``HEAD`` of any path
answers 200 (a client's reachability probe). Every POST body that takes a script entry is
recorded in :attr:`ScriptedServer.requests`.
"""

from __future__ import annotations

import contextlib
import json
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

__all__ = ["Call", "Received", "Reply", "ScriptedServer", "call"]


@dataclass(frozen=True)
class Call:
    """One scripted tool call. ``arguments`` as a string is sent verbatim (e.g. malformed JSON)."""

    name: str
    arguments: Mapping[str, Any] | str = field(default_factory=dict)
    id: str = ""


def call(name: str, arguments: Mapping[str, Any] | str | None = None, *, id: str = "") -> Call:
    """Shorthand for :class:`Call`: ``call("bash", {"command": "ls"})``."""
    return Call(name, {} if arguments is None else arguments, id)


@dataclass(frozen=True)
class Reply:
    """One scripted answer.

    text, tool_calls: the assistant message. status: an HTTP status other than 200 makes this an
    error answer carrying ``error_message`` (see :meth:`error`). headers: extra response headers
    (e.g. ``Retry-After``). delay_s: sleep before answering (to trigger client timeouts).
    body: sent verbatim instead of a JSON answer (to simulate a malformed response).
    usage: ``(input_tokens, output_tokens)``; by default about one token per four characters.
    finish_reason: defaults to "tool_calls" when there are tool calls, else "stop".
    """

    text: str = ""
    tool_calls: Sequence[Call] = ()
    status: int = 200
    error_message: str = ""
    headers: Mapping[str, str] = field(default_factory=dict)
    delay_s: float = 0.0
    body: str | bytes | None = None
    usage: tuple[int, int] | None = None
    finish_reason: str | None = None

    @classmethod
    def error(cls, status: int, message: str = "", *, retry_after: float | None = None) -> Reply:
        """An HTTP error answer: ``Reply.error(429, retry_after=1)``, ``Reply.error(500)``."""
        headers = {} if retry_after is None else {"Retry-After": f"{retry_after:g}"}
        return cls(
            status=status, error_message=message or _REASONS.get(status, "error"), headers=headers
        )

    @classmethod
    def delayed(cls, delay_s: float, then: Reply | str = "") -> Reply:
        """``then`` (default: empty text), answered after ``delay_s`` seconds."""
        return replace(_as_reply(then), delay_s=delay_s)

    @classmethod
    def malformed(cls, body: str | bytes = "this is not JSON {") -> Reply:
        """A 200 answer whose body is not a chat completion."""
        return cls(body=body)


ScriptEntry = Reply | str | Callable[[dict[str, Any]], Reply | str]


@dataclass(frozen=True)
class Received:
    """One request as the server saw it."""

    method: str
    path: str
    headers: Mapping[str, str]
    body: Any  # the parsed JSON body, or the raw text when it was not JSON
    at: float  # time.monotonic() when it arrived (e.g. to check a client waited before retrying)


class ScriptedServer:
    """Serve ``script`` on 127.0.0.1 at a free port; use as a context manager.

    Attributes: ``base_url`` ("http://127.0.0.1:PORT/v1"), ``requests`` (the JSON bodies of every
    POST, in order), ``received`` (method, path, headers and body of every request),
    ``remaining`` (script entries not yet used), ``peak_in_flight`` (the most POSTs it was
    answering at once: what a client's concurrency reached). :meth:`add` appends to the script.
    """

    def __init__(
        self,
        script: Iterable[ScriptEntry] | Callable[[dict[str, Any]], Reply | str] = (),
        *,
        model: str = "scripted",
    ) -> None:
        self._every: Callable[[dict[str, Any]], Reply | str] | None = None
        self._script: deque[ScriptEntry] = deque()
        if callable(script):
            self._every = script
        else:
            self._script.extend(script)
        self.model = model
        self.requests: list[Any] = []
        self.received: list[Received] = []
        self._lock = threading.Lock()
        self._in_flight = 0
        self.peak_in_flight = 0
        self._closing = threading.Event()
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._port: int | None = None

    # -- lifecycle -------------------------------------------------------------------------------
    def start(self) -> ScriptedServer:
        handler = type("Handler", (_Handler,), {"scripted": self})
        self._httpd = _Server(("127.0.0.1", 0), handler)
        self._port = int(self._httpd.server_address[1])
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, daemon=True, kwargs={"poll_interval": 0.05}
        )
        self._thread.start()
        return self

    def close(self) -> None:
        self._closing.set()  # wakes handlers sleeping on a scripted delay
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._httpd = None

    def __enter__(self) -> ScriptedServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def port(self) -> int:
        """The port it listens on (still readable after it closed, for assertions)."""
        if self._port is None:
            raise RuntimeError("ScriptedServer was never started; use it as a context manager")
        return self._port

    @property
    def url(self) -> str:
        """``http://127.0.0.1:PORT`` (no path)."""
        return f"http://127.0.0.1:{self.port}"

    @property
    def base_url(self) -> str:
        """``http://127.0.0.1:PORT/v1``: what OPENAI_BASE_URL / ANTHROPIC_BASE_URL would be."""
        return f"{self.url}/v1"

    # -- script ----------------------------------------------------------------------------------
    def add(self, *entries: ScriptEntry) -> None:
        with self._lock:
            self._script.extend(entries)

    @property
    def remaining(self) -> int:
        with self._lock:
            return len(self._script)

    def _next_reply(self, request: Any) -> Reply | None:
        with self._lock:
            if self._every is not None:
                entry: ScriptEntry | None = self._every
            else:
                entry = self._script.popleft() if self._script else None
        if entry is None:
            return None
        if callable(entry):
            entry = entry(request)
        return _as_reply(entry)

    def _sleep(self, seconds: float) -> None:
        self._closing.wait(seconds)


def _as_reply(entry: Reply | str) -> Reply:
    if isinstance(entry, Reply):
        return entry
    if isinstance(entry, str):
        return Reply(text=entry)
    raise TypeError(f"a script entry must be a Reply, a str or a callable, not {entry!r}")


_REASONS = {
    400: "bad request",
    401: "invalid API key",
    403: "forbidden",
    404: "not found",
    429: "rate limited",
    500: "internal server error",
    502: "bad gateway",
    503: "service unavailable",
}


def _tokens(text: str) -> int:
    return max(1, len(text) // 4) if text else 0


def _arguments_text(c: Call) -> str:
    return c.arguments if isinstance(c.arguments, str) else json.dumps(c.arguments)


def _usage(reply: Reply, request: Any) -> tuple[int, int]:
    if reply.usage is not None:
        return reply.usage
    prompt = json.dumps(request.get("messages", []) if isinstance(request, dict) else request)
    out = reply.text + "".join(c.name + _arguments_text(c) for c in reply.tool_calls)
    return _tokens(prompt), _tokens(out)


def _openai_body(reply: Reply, request: Any, model: str, n: int) -> dict[str, Any]:
    message: dict[str, Any] = {"role": "assistant", "content": reply.text or None}
    if reply.tool_calls:
        message["tool_calls"] = [
            {
                "id": c.id or f"call_{n}_{i}",
                "type": "function",
                "function": {"name": c.name, "arguments": _arguments_text(c)},
            }
            for i, c in enumerate(reply.tool_calls)
        ]
    finish = reply.finish_reason or ("tool_calls" if reply.tool_calls else "stop")
    prompt_tokens, completion_tokens = _usage(reply, request)
    return {
        "id": f"chatcmpl-scripted-{n}",
        "object": "chat.completion",
        "created": 0,
        "model": request.get("model", model) if isinstance(request, dict) else model,
        "choices": [{"index": 0, "message": message, "finish_reason": finish}],
        "usage": {
            "prompt_tokens": prompt_tokens,
            "completion_tokens": completion_tokens,
            "total_tokens": prompt_tokens + completion_tokens,
        },
    }


def _anthropic_body(reply: Reply, request: Any, model: str, n: int) -> dict[str, Any]:
    content: list[dict[str, Any]] = []
    if reply.text:
        content.append({"type": "text", "text": reply.text})
    for i, c in enumerate(reply.tool_calls):
        arguments: Any = c.arguments
        if isinstance(arguments, str):  # malformed on purpose: send JSON if it parses, else text
            with contextlib.suppress(ValueError):
                arguments = json.loads(arguments)
        content.append(
            {"type": "tool_use", "id": c.id or f"toolu_{n}_{i}", "name": c.name, "input": arguments}
        )
    stop = reply.finish_reason or ("tool_use" if reply.tool_calls else "end_turn")
    input_tokens, output_tokens = _usage(reply, request)
    return {
        "id": f"msg_scripted_{n}",
        "type": "message",
        "role": "assistant",
        "content": content,
        "model": request.get("model", model) if isinstance(request, dict) else model,
        "stop_reason": stop,
        "stop_sequence": None,
        "usage": {"input_tokens": input_tokens, "output_tokens": output_tokens},
    }


def _error_body(status: int, message: str, anthropic: bool) -> dict[str, Any]:
    if anthropic:
        return {"type": "error", "error": {"type": "api_error", "message": message}}
    return {"error": {"message": message, "type": "scripted_error", "code": status}}


def _anthropic_events(body: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """The Messages API's streaming events for a complete ``body`` (one delta per block)."""
    start = {
        **body,
        "content": [],
        "stop_reason": None,
        "usage": {"input_tokens": body["usage"]["input_tokens"], "output_tokens": 0},
    }
    events: list[tuple[str, dict[str, Any]]] = [
        ("message_start", {"type": "message_start", "message": start})
    ]
    for index, block in enumerate(body["content"]):
        if block["type"] == "text":
            empty: dict[str, Any] = {"type": "text", "text": ""}
            delta: dict[str, Any] = {"type": "text_delta", "text": block["text"]}
        else:
            empty = {**block, "input": {}}
            arguments = block["input"]
            partial = arguments if isinstance(arguments, str) else json.dumps(arguments)
            delta = {"type": "input_json_delta", "partial_json": partial}
        events += [
            (
                "content_block_start",
                {"type": "content_block_start", "index": index, "content_block": empty},
            ),
            (
                "content_block_delta",
                {"type": "content_block_delta", "index": index, "delta": delta},
            ),
            ("content_block_stop", {"type": "content_block_stop", "index": index}),
        ]
    events += [
        (
            "message_delta",
            {
                "type": "message_delta",
                "delta": {"stop_reason": body["stop_reason"], "stop_sequence": None},
                "usage": {"output_tokens": body["usage"]["output_tokens"]},
            },
        ),
        ("message_stop", {"type": "message_stop"}),
    ]
    return events


def _responses_body(reply: Reply, request: Any, model: str, n: int) -> dict[str, Any]:
    """The OpenAI Responses API's answer (what Codex speaks) for ``reply``."""
    output: list[dict[str, Any]] = []
    if reply.text:
        output.append(
            {
                "type": "message",
                "id": f"msg_scripted_{n}",
                "role": "assistant",
                "status": "completed",
                "content": [{"type": "output_text", "text": reply.text, "annotations": []}],
            }
        )
    for i, c in enumerate(reply.tool_calls):
        output.append(
            {
                "type": "function_call",
                "id": f"fc_scripted_{n}_{i}",
                "call_id": c.id or f"call_{n}_{i}",
                "name": c.name,
                "arguments": _arguments_text(c),
                "status": "completed",
            }
        )
    input_tokens, output_tokens = _usage(reply, request)
    return {
        "id": f"resp_scripted_{n}",
        "object": "response",
        "created_at": 0,
        "status": "completed",
        "model": request.get("model", model) if isinstance(request, dict) else model,
        "output": output,
        "usage": {
            "input_tokens": input_tokens,
            "output_tokens": output_tokens,
            "total_tokens": input_tokens + output_tokens,
        },
    }


def _responses_events(body: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """The Responses API's streaming events for a complete ``body`` (one per output item)."""
    started = {**body, "status": "in_progress", "output": []}
    events: list[tuple[str, dict[str, Any]]] = [
        ("response.created", {"type": "response.created", "response": started})
    ]
    for index, item in enumerate(body["output"]):
        for kind in ("response.output_item.added", "response.output_item.done"):
            events.append((kind, {"type": kind, "output_index": index, "item": item}))
    events.append(("response.completed", {"type": "response.completed", "response": body}))
    return [(name, {**data, "sequence_number": i}) for i, (name, data) in enumerate(events)]


_OPENAI_PATHS = {"/v1/chat/completions", "/chat/completions"}
_RESPONSES_PATHS = {"/v1/responses", "/responses"}
_ANTHROPIC_PATHS = {"/v1/messages", "/messages"}
_COUNT_TOKENS_PATHS = {"/v1/messages/count_tokens", "/messages/count_tokens"}


class _Server(ThreadingHTTPServer):
    request_queue_size = 256  # a client with many requests in flight connects all at once
    daemon_threads = True


class _Handler(BaseHTTPRequestHandler):
    scripted: ScriptedServer
    protocol_version = "HTTP/1.1"
    # headers and body go out in two writes: without TCP_NODELAY the body waits for the
    # client's delayed ACK (~40 ms a request on Linux), which a scripted delay would hide
    disable_nagle_algorithm = True

    def log_message(self, format: str, *args: Any) -> None:  # keep test output quiet
        pass

    def do_HEAD(self) -> None:
        self._record(None)
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_GET(self) -> None:
        self._record(None)
        if self.path.rstrip("/") in {"/v1/models", "/models"}:
            self._send(
                200, {"object": "list", "data": [{"id": self.scripted.model, "object": "model"}]}
            )
        else:
            self._send(404, _error_body(404, f"no route GET {self.path}", False))

    def do_POST(self) -> None:
        with self.scripted._lock:
            self.scripted._in_flight += 1
            self.scripted.peak_in_flight = max(
                self.scripted.peak_in_flight, self.scripted._in_flight
            )
        try:
            self._post()
        finally:
            with self.scripted._lock:
                self.scripted._in_flight -= 1

    def _post(self) -> None:
        raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        try:
            request: Any = json.loads(raw)
        except ValueError:
            request = raw.decode("utf-8", "replace")
        path = self.path.split("?")[0].rstrip("/")
        if path in _COUNT_TOKENS_PATHS:
            self._record(request, takes_entry=False)
            counted = json.dumps(request.get("messages", []) if isinstance(request, dict) else "")
            self._send(200, {"input_tokens": _tokens(counted)})
            return
        self._record(request)
        anthropic = path in _ANTHROPIC_PATHS
        responses = path in _RESPONSES_PATHS
        if path not in _OPENAI_PATHS and not anthropic and not responses:
            self._send(404, _error_body(404, f"no route POST {self.path}", anthropic))
            return
        with self.scripted._lock:
            n = len(self.scripted.requests)
        reply = self.scripted._next_reply(request)
        if reply is None:
            self._send(
                500,
                _error_body(
                    500,
                    "script exhausted: the test scripted fewer replies "
                    f"than the client made requests ({n})",
                    anthropic,
                ),
            )
            return
        if reply.delay_s:
            self.scripted._sleep(reply.delay_s)
        if reply.body is not None:
            body = reply.body.encode() if isinstance(reply.body, str) else reply.body
            self._send_bytes(reply.status, body, reply.headers)
        elif reply.status != 200:
            self._send(
                reply.status,
                _error_body(reply.status, reply.error_message, anthropic),
                reply.headers,
            )
        elif responses:
            answer = _responses_body(reply, request, self.scripted.model, n)
            if isinstance(request, dict) and request.get("stream"):
                self._send_events(_responses_events(answer), reply.headers)
            else:
                self._send(200, answer, reply.headers)
        elif anthropic and isinstance(request, dict) and request.get("stream"):
            message = _anthropic_body(reply, request, self.scripted.model, n)
            self._send_events(_anthropic_events(message), reply.headers)
        elif anthropic:
            self._send(200, _anthropic_body(reply, request, self.scripted.model, n), reply.headers)
        else:
            self._send(200, _openai_body(reply, request, self.scripted.model, n), reply.headers)

    def _record(self, body: Any, *, takes_entry: bool = True) -> None:
        received = Received(
            self.command, self.path, dict(self.headers.items()), body, time.monotonic()
        )
        with self.scripted._lock:
            self.scripted.received.append(received)
            if body is not None and takes_entry:
                self.scripted.requests.append(body)

    def _send_events(
        self, events: Sequence[tuple[str, dict[str, Any]]], headers: Mapping[str, str]
    ) -> None:
        body = b"".join(
            f"event: {name}\ndata: {json.dumps(data)}\n\n".encode() for name, data in events
        )
        try:
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Cache-Control", "no-cache")
            self.send_header("Content-Length", str(len(body)))
            for name, value in headers.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def _send(self, status: int, payload: Any, headers: Mapping[str, str] | None = None) -> None:
        self._send_bytes(status, json.dumps(payload).encode(), headers or {})

    def _send_bytes(self, status: int, body: bytes, headers: Mapping[str, str]) -> None:
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            for name, value in headers.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):  # the client gave up (e.g. timed out)
            pass
