"""Any OpenAI-compatible ``/chat/completions`` endpoint: OpenAI, vLLM, Ollama, llama.cpp server,
LM Studio. Native tool calling; ``json_schema`` answers through ``response_format``.

Base URL and key come from the arguments, else ``OPENAI_BASE_URL`` / ``OPENAI_API_KEY``
(default ``https://api.openai.com/v1``; local servers need no key).
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Mapping, Sequence
from typing import Any

from forethought.models._http import (
    BadRequest,
    RetryPolicy,
    Throttle,
    dumps,
    make_client,
    openai_error_message,
    post_json,
)
from forethought.models.base import Completion, Message, ModelError, ToolCall, ToolSpec, Usage

DEFAULT_BASE_URL = "https://api.openai.com/v1"


class OpenAICompatModel:
    """A chat model behind an OpenAI-compatible endpoint. ``model`` is the server's model name."""

    def __init__(
        self,
        model: str,
        *,
        base_url: str | None = None,
        api_key: str | None = None,
        timeout_s: float = 120.0,
        retry: RetryPolicy | None = None,
        name: str | None = None,
    ) -> None:
        self.model = model
        self.name = name or f"openai:{model}"
        self.base_url = (base_url or os.environ.get("OPENAI_BASE_URL") or DEFAULT_BASE_URL).rstrip(
            "/"
        )
        self.api_key = api_key if api_key is not None else os.environ.get("OPENAI_API_KEY", "")
        if not self.api_key and self.base_url == DEFAULT_BASE_URL:
            raise ModelError(
                f"model {self.name}: OPENAI_API_KEY is not set (needed for {DEFAULT_BASE_URL}); "
                "set it, or point OPENAI_BASE_URL at a local server"
            )
        self.url = f"{self.base_url}/chat/completions"
        self.retry = retry or RetryPolicy()
        self._client = make_client(timeout_s)
        self._throttle = Throttle()  # shared by every thread that asks through this model
        self._json_schema_supported = True  # until the server rejects response_format json_schema

    def complete(
        self,
        messages: Sequence[Message],
        *,
        tools: Sequence[ToolSpec] = (),
        json_schema: Mapping[str, Any] | None = None,
        temperature: float | None = None,
        max_tokens: int | None = None,
        seed: int | None = None,
    ) -> Completion:
        body: dict[str, Any] = {"model": self.model, "messages": [_message(m) for m in messages]}
        if tools:
            body["tools"] = [_tool(t) for t in tools]
        for key, value in (("temperature", temperature), ("max_tokens", max_tokens),
                           ("seed", seed)):
            if value is not None:
                body[key] = value
        started = time.monotonic()
        if json_schema is None:
            answer = self._post(body)
        elif self._json_schema_supported:
            try:
                answer = self._post({**body, "response_format": _json_schema_format(json_schema)})
            except BadRequest:
                self._json_schema_supported = False
                answer = self._post(_json_object_body(body, json_schema))
        else:
            answer = self._post(_json_object_body(body, json_schema))
        return _completion(self.url, answer, time.monotonic() - started)

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> OpenAICompatModel:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"OpenAICompatModel({self.model!r}, base_url={self.base_url!r})"

    def _post(self, body: Mapping[str, Any]) -> Any:
        headers = {"Authorization": f"Bearer {self.api_key}"} if self.api_key else {}
        return post_json(self._client, self.url, body, headers=headers, retry=self.retry,
                         error_message=openai_error_message, throttle=self._throttle).body


def _json_schema_format(schema: Mapping[str, Any]) -> dict[str, Any]:
    return {"type": "json_schema",
            "json_schema": {"name": "answer", "schema": dict(schema), "strict": True}}


def _json_object_body(body: Mapping[str, Any], schema: Mapping[str, Any]) -> dict[str, Any]:
    """Fallback for servers without json_schema: JSON mode, with the schema stated in words."""
    instruction = Message(
        "system", f"Answer with one JSON object valid against this JSON schema:\n{dumps(schema)}"
    )
    return {**body, "messages": [*body["messages"], _message(instruction)],
            "response_format": {"type": "json_object"}}


def _tool(tool: ToolSpec) -> dict[str, Any]:
    return {"type": "function", "function": {
        "name": tool.name, "description": tool.description, "parameters": dict(tool.parameters)}}


def _message(message: Message) -> dict[str, Any]:
    if message.role == "tool":
        return {"role": "tool", "tool_call_id": message.tool_call_id or "",
                "content": message.content}
    out: dict[str, Any] = {"role": message.role, "content": message.content}
    if message.tool_calls:
        out["content"] = message.content or None
        out["tool_calls"] = [
            {"id": c.id, "type": "function",
             "function": {"name": c.name, "arguments": c.raw or dumps(dict(c.arguments))}}
            for c in message.tool_calls
        ]
    return out


def _completion(url: str, body: Any, elapsed_s: float) -> Completion:
    try:
        choice = body["choices"][0]
        message = choice["message"]
    except (KeyError, IndexError, TypeError):
        raise ModelError(
            f"model endpoint {url}: answer has no choices[0].message: {dumps(body)[:120]}"
        ) from None
    usage = body.get("usage") or {}
    return Completion(
        text=_text(message.get("content")),
        tool_calls=tuple(_tool_call(c, i) for i, c in enumerate(message.get("tool_calls") or ())),
        usage=Usage(int(usage.get("prompt_tokens") or 0), int(usage.get("completion_tokens") or 0)),
        elapsed_s=elapsed_s,
        model=str(body.get("model") or ""),
        finish_reason=str(choice.get("finish_reason") or ""),
    )


def _text(content: Any) -> str:
    if isinstance(content, list):  # content parts, as some servers send
        return "".join(p.get("text", "") for p in content if isinstance(p, dict))
    return content or ""


def _tool_call(raw_call: Any, index: int) -> ToolCall:
    if not isinstance(raw_call, dict):
        return ToolCall(f"call_{index}", "", {}, raw=dumps(raw_call),
                        error="tool call is not an object")
    function = raw_call.get("function") or {}
    call_id = str(raw_call.get("id") or f"call_{index}")
    name = str(function.get("name") or "")
    arguments = function.get("arguments")
    if isinstance(arguments, dict):  # Ollama sends an object rather than a JSON string
        return ToolCall(call_id, name, arguments, raw=dumps(arguments))
    raw = arguments if isinstance(arguments, str) else dumps(arguments)
    if not name:
        return ToolCall(call_id, name, {}, raw=raw, error="tool call without a function name")
    try:
        parsed = json.loads(raw) if raw.strip() else {}
    except ValueError as exc:
        return ToolCall(call_id, name, {}, raw=raw,
                        error=f"arguments of {name} are not valid JSON ({exc})")
    if not isinstance(parsed, dict):
        return ToolCall(call_id, name, {}, raw=raw,
                        error=f"arguments of {name} are not a JSON object: {raw[:80]}")
    return ToolCall(call_id, name, parsed, raw=raw)
