"""What every model backend speaks: messages and tool specs in, a Completion out.

The agent loop and the model reviewers depend only on this module. Backends (OpenAI-compatible
HTTP, Anthropic, llama.cpp in a child process) translate these types to and from their wire formats.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol, runtime_checkable

Role = Literal["system", "user", "assistant", "tool"]


@dataclass(frozen=True, slots=True)
class ToolSpec:
    """A tool the model may call: its name, what it does and a JSON schema for its arguments."""

    name: str
    description: str
    parameters: Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class ToolCall:
    """One tool call as the model wrote it.

    ``error`` is set (and ``arguments`` empty) when the model's arguments were not a JSON object;
    the caller decides what to do with a malformed call, and never executes it.
    """

    id: str
    name: str
    arguments: Mapping[str, Any]
    raw: str = ""
    error: str = ""


@dataclass(frozen=True, slots=True)
class Message:
    role: Role
    content: str = ""
    tool_calls: tuple[ToolCall, ...] = ()
    tool_call_id: str | None = None  # role "tool": the call this is the result of
    name: str | None = None  # role "tool": the tool's name


@dataclass(frozen=True, slots=True)
class Usage:
    input_tokens: int = 0
    output_tokens: int = 0

    def __add__(self, other: Usage) -> Usage:
        return Usage(
            self.input_tokens + other.input_tokens, self.output_tokens + other.output_tokens
        )

    @property
    def total(self) -> int:
        return self.input_tokens + self.output_tokens


@dataclass(frozen=True, slots=True)
class Completion:
    """A model's answer: its text (reasoning, or the JSON asked for), its tool calls, its cost."""

    text: str
    tool_calls: tuple[ToolCall, ...] = ()
    usage: Usage = field(default_factory=Usage)
    elapsed_s: float = 0.0
    model: str = ""
    finish_reason: str = ""


class ModelError(Exception):
    """A model call that did not produce a usable answer. The message is one line.

    ``retryable`` says whether the same call could succeed later (429, 5xx, timeouts); backends
    retry those themselves before raising.
    """

    def __init__(self, message: str, *, retryable: bool = False) -> None:
        super().__init__(message)
        self.retryable = retryable


@runtime_checkable
class Model(Protocol):
    """A chat model. ``name`` is the spec it was made from, e.g. ``openai:qwen3:8b``."""

    name: str

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
        """One chat completion.

        ``tools``: the model may answer with tool calls. ``json_schema``: the answer's text must
        be JSON valid against it (the backend's structured-output mode where it has one; callers
        still validate). Raises ModelError.
        """
        ...
