"""The Anthropic Messages API (``POST {base}/v1/messages``) over httpx.

Key and base URL from the arguments, else ``ANTHROPIC_API_KEY`` / ``ANTHROPIC_BASE_URL`` (default
``https://api.anthropic.com``; a base ending in ``/v1`` is accepted too). Tools map to Anthropic
tool definitions and ``tool_use`` / ``tool_result`` blocks. A ``json_schema`` answer is obtained by
forcing a single tool whose input schema is that schema; its input becomes the completion's text.

httpx rather than the official SDK: the same retry, timeout and one-line-error path as the
OpenAI-compatible backend (the SDK would add its own retries on top), and no extra dependency.
"""

from __future__ import annotations

import os
import time
from collections.abc import Mapping, Sequence
from typing import Any

from forethought.models._http import (
    RetryPolicy,
    Throttle,
    anthropic_error_message,
    dumps,
    make_client,
    post_json,
)
from forethought.models.base import Completion, Message, ModelError, ToolCall, ToolSpec, Usage

DEFAULT_BASE_URL = "https://api.anthropic.com"
API_VERSION = "2023-06-01"
DEFAULT_MAX_TOKENS = 4096  # the Messages API requires max_tokens
ANSWER_TOOL = "answer"


class AnthropicModel:
    """A Claude model through the Messages API. ``model`` is e.g. ``claude-sonnet-4-5``."""

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
        self.name = name or f"anthropic:{model}"
        base = (base_url or os.environ.get("ANTHROPIC_BASE_URL") or DEFAULT_BASE_URL).rstrip("/")
        self.base_url = base
        self.url = f"{base}/messages" if base.endswith("/v1") else f"{base}/v1/messages"
        self.api_key = api_key if api_key is not None else os.environ.get("ANTHROPIC_API_KEY", "")
        if not self.api_key and base == DEFAULT_BASE_URL:
            raise ModelError(f"model {self.name}: ANTHROPIC_API_KEY is not set")
        self.retry = retry or RetryPolicy()
        self._client = make_client(timeout_s)
        self._throttle = Throttle()  # shared by every thread that asks through this model

    def complete(
        self,
        messages: Sequence[Message],
        *,
        tools: Sequence[ToolSpec] = (),
        json_schema: Mapping[str, Any] | None = None,
        temperature: float | None = None,
        max_tokens: int | None = None,
        seed: int | None = None,  # the Messages API has no seed
    ) -> Completion:
        system = "\n\n".join(m.content for m in messages if m.role == "system")
        body: dict[str, Any] = {
            "model": self.model,
            "max_tokens": max_tokens or DEFAULT_MAX_TOKENS,
            "messages": _turns([m for m in messages if m.role != "system"]),
        }
        if system:
            body["system"] = system
        if temperature is not None:
            body["temperature"] = temperature
        if json_schema is not None:
            # The answer must be the schema's JSON, so the forced answer tool is the only tool.
            body["tools"] = [{"name": ANSWER_TOOL, "description": "Give your answer.",
                              "input_schema": dict(json_schema)}]
            body["tool_choice"] = {"type": "tool", "name": ANSWER_TOOL}
        elif tools:
            body["tools"] = [{"name": t.name, "description": t.description,
                              "input_schema": dict(t.parameters)} for t in tools]
        started = time.monotonic()
        headers = {"anthropic-version": API_VERSION}
        if self.api_key:
            headers["x-api-key"] = self.api_key
        answer = post_json(self._client, self.url, body, headers=headers, retry=self.retry,
                           throttle=self._throttle,
                           error_message=anthropic_error_message)
        return _completion(self.url, answer.body, time.monotonic() - started,
                           answer_tool=json_schema is not None)

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> AnthropicModel:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"AnthropicModel({self.model!r}, base_url={self.base_url!r})"


def _turns(messages: Sequence[Message]) -> list[dict[str, Any]]:
    """Messages as alternating user/assistant turns of content blocks (tool results are user)."""
    turns: list[dict[str, Any]] = []
    for message in messages:
        role = "assistant" if message.role == "assistant" else "user"
        blocks = _blocks(message)
        if turns and turns[-1]["role"] == role:
            turns[-1]["content"].extend(blocks)
        else:
            turns.append({"role": role, "content": blocks})
    return turns


def _blocks(message: Message) -> list[dict[str, Any]]:
    if message.role == "tool":
        return [{"type": "tool_result", "tool_use_id": message.tool_call_id or "",
                 "content": message.content}]
    blocks: list[dict[str, Any]] = []
    if message.content:
        blocks.append({"type": "text", "text": message.content})
    blocks.extend({"type": "tool_use", "id": c.id, "name": c.name, "input": dict(c.arguments)}
                  for c in message.tool_calls)
    return blocks


def _completion(url: str, body: Any, elapsed_s: float, *, answer_tool: bool) -> Completion:
    content = body.get("content") if isinstance(body, dict) else None
    if not isinstance(content, list):
        raise ModelError(f"model endpoint {url}: answer has no content list: {dumps(body)[:120]}")
    texts: list[str] = []
    calls: list[ToolCall] = []
    for index, block in enumerate(content):
        if not isinstance(block, dict):
            continue
        if block.get("type") == "text":
            texts.append(str(block.get("text") or ""))
        elif block.get("type") == "tool_use":
            calls.append(_tool_call(block, index))
    if answer_tool:
        answers = [c for c in calls if c.name == ANSWER_TOOL and not c.error]
        texts = [dumps(dict(answers[0].arguments))] if answers else texts
        calls = []
    usage = body.get("usage") or {}
    input_tokens = sum(int(usage.get(k) or 0) for k in (
        "input_tokens", "cache_creation_input_tokens", "cache_read_input_tokens"))
    return Completion(
        text="".join(texts),
        tool_calls=tuple(calls),
        usage=Usage(input_tokens, int(usage.get("output_tokens") or 0)),
        elapsed_s=elapsed_s,
        model=str(body.get("model") or ""),
        finish_reason=str(body.get("stop_reason") or ""),
    )


def _tool_call(block: Mapping[str, Any], index: int) -> ToolCall:
    call_id = str(block.get("id") or f"toolu_{index}")
    name = str(block.get("name") or "")
    arguments = block.get("input")
    raw = arguments if isinstance(arguments, str) else dumps(arguments)
    if not name:
        return ToolCall(call_id, name, {}, raw=raw, error="tool call without a name")
    if not isinstance(arguments, dict):
        return ToolCall(call_id, name, {}, raw=raw,
                        error=f"arguments of {name} are not a JSON object: {raw[:80]}")
    return ToolCall(call_id, name, arguments, raw=raw)
