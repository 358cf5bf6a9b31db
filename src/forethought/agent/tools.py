"""The agent's tools: their contract (names, argument schemas) and how an allowed call runs.

Nothing here decides whether a call may run; the Gate does. The toolbox only runs calls the Gate
allowed, and keeps its own hard edges (file tools stay inside the workspace, HTTP only reaches
the policy's hosts) so that a mistake in review is not the only wall.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from forethought.agent.memory import Memory
from forethought.agent.sandbox import Sandbox
from forethought.models.base import ToolSpec
from forethought.review.http import host_allowed


class _Args(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class BashArgs(_Args):
    command: str = Field(description="A shell command, run in the workspace inside the sandbox.")


class PythonArgs(_Args):
    code: str = Field(description="Python source, run in the workspace inside the sandbox.")


class ReadFileArgs(_Args):
    path: str = Field(description="A path relative to the workspace.")


class WriteFileArgs(_Args):
    path: str = Field(description="A path relative to the workspace.")
    content: str = Field(description="The whole new content of the file.")


class EditFileArgs(_Args):
    path: str = Field(description="A path relative to the workspace.")
    old: str = Field(description="Exact text to replace; it must occur exactly once.")
    new: str = Field(description="The replacement text.")


class HttpRequestArgs(_Args):
    method: str = Field(description="GET, POST, PUT, PATCH, DELETE or HEAD.")
    url: str
    headers: dict[str, str] | None = None
    body: str | None = None


class RememberArgs(_Args):
    kind: str = Field(description="experience, skill or knowledge.")
    title: str
    content: str = Field(description="Markdown; future runs will read it.")


class FinishArgs(_Args):
    answer: str = Field(description="The final answer or a summary of what was done.")


TOOLS: dict[str, tuple[type[_Args], str]] = {
    "bash": (BashArgs, "Run a shell command in the workspace (sandboxed)."),
    "python": (PythonArgs, "Run Python code in the workspace (sandboxed)."),
    "read_file": (ReadFileArgs, "Read a text file in the workspace."),
    "write_file": (WriteFileArgs, "Create or overwrite a text file in the workspace."),
    "edit_file": (EditFileArgs, "Replace one exact occurrence of text in a workspace file."),
    "http_request": (HttpRequestArgs, "Make an HTTP request to a host the policy allows."),
    "remember": (RememberArgs, "Write a note to memory for future runs."),
    "finish": (FinishArgs, "End the run with the answer."),
}


def tool_specs() -> list[ToolSpec]:
    return [
        ToolSpec(name, description, args_model.model_json_schema())
        for name, (args_model, description) in TOOLS.items()
    ]


class ToolArgumentError(ValueError):
    """A call to an unknown tool or with arguments that do not fit the tool's schema."""


def validate_call(name: str, arguments: Mapping[str, Any]) -> dict[str, Any]:
    """The call's arguments checked against the tool's schema, or a one-line ToolArgumentError."""
    if name not in TOOLS:
        raise ToolArgumentError(f"unknown tool {name!r}; the tools are: {', '.join(TOOLS)}")
    try:
        return TOOLS[name][0].model_validate(dict(arguments)).model_dump(exclude_none=True)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "arguments"
        raise ToolArgumentError(f"{name}: argument '{where}': {first['msg']}") from None


@dataclass(frozen=True, slots=True)
class Observation:
    """What the agent is told after a call ran, and a summary for the ledger."""

    text: str
    ok: bool
    details: Mapping[str, Any]


class Toolbox:
    def __init__(
        self,
        workspace: Path,
        sandbox: Sandbox,
        memory: Memory | None,
        *,
        allowed_hosts: list[str],
        output_chars: int = 20_000,
        http_timeout_s: float = 30.0,
    ) -> None:
        self.workspace = workspace.resolve()
        self.sandbox = sandbox
        self.memory = memory
        self.allowed_hosts = allowed_hosts
        self.output_chars = output_chars
        self.http_timeout_s = http_timeout_s

    def run(self, name: str, args: Mapping[str, Any]) -> Observation:
        """Run an allowed call. Failures of the call itself are observations, not exceptions."""
        try:
            return getattr(self, f"_{name}")(**args)
        except ToolFailure as exc:
            return Observation(f"error: {exc}", False, {"error": str(exc)})

    def _bash(self, command: str) -> Observation:
        result = self.sandbox.run_shell(command)
        return Observation(result.observation(), result.exit_code == 0, _exec_details(result))

    def _python(self, code: str) -> Observation:
        result = self.sandbox.run_python(code)
        return Observation(result.observation(), result.exit_code == 0, _exec_details(result))

    def _read_file(self, path: str) -> Observation:
        target = self.inside(path)
        try:
            text = target.read_text(encoding="utf-8", errors="replace")
        except OSError as exc:
            raise ToolFailure(f"cannot read {path}: {exc.strerror}") from None
        return Observation(self.cut(text), True, {"path": str(target), "chars": len(text)})

    def _write_file(self, path: str, content: str) -> Observation:
        target = self.inside(path, write=True)
        _atomic_write(target, content)
        return Observation(
            f"wrote {len(content)} characters to {path}", True, {"path": str(target)}
        )

    def _edit_file(self, path: str, old: str, new: str) -> Observation:
        target = self.inside(path, write=True)
        try:
            text = target.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise ToolFailure(f"cannot read {path}: {exc}") from None
        count = text.count(old) if old else 0
        if count != 1:
            raise ToolFailure(f"'old' occurs {count} times in {path}; it must occur exactly once")
        _atomic_write(target, text.replace(old, new, 1))
        return Observation(f"edited {path}", True, {"path": str(target)})

    def _http_request(
        self,
        method: str,
        url: str,
        headers: dict[str, str] | None = None,
        body: str | None = None,
    ) -> Observation:
        import httpx

        host = httpx.URL(url).host
        if not host_allowed(host, self.allowed_hosts):
            raise ToolFailure(f"host {host!r} is not in the policy's network.allowed_hosts")
        try:
            response = httpx.request(
                method.upper(), url, headers=headers, content=body, timeout=self.http_timeout_s
            )
        except httpx.HTTPError as exc:
            raise ToolFailure(f"{method.upper()} {url}: {exc}") from None
        text = f"HTTP {response.status_code}\n{response.text}"
        return Observation(
            self.cut(text), response.is_success, {"status": response.status_code, "url": url}
        )

    def _remember(self, kind: str, title: str, content: str) -> Observation:
        if self.memory is None:
            raise ToolFailure("this run has no memory directory")
        try:
            path = self.memory.write(kind, title, content)
        except ValueError as exc:
            raise ToolFailure(str(exc)) from None
        return Observation(f"remembered {kind}: {title}", True, {"path": str(path)})

    def inside(self, path: str, *, write: bool = False) -> Path:
        """The workspace path a tool argument names; never a path outside the workspace, nor
        one of forethought's own files (hidden from the agent; its package read-only)."""
        target = (self.workspace / path).resolve()
        if target != self.workspace and self.workspace not in target.parents:
            raise ToolFailure(f"{path} is outside the workspace")
        own = self.sandbox.own_files
        if own.protects(target) if write else own.conceals(target):
            raise ToolFailure(f"{path} is one of forethought's own files, out of the agent's reach")
        return target

    def cut(self, text: str) -> str:
        if len(text) <= self.output_chars:
            return text
        cut = len(text) - self.output_chars
        return f"{text[: self.output_chars]}\n[... {cut} more characters cut]"


class ToolFailure(Exception):
    pass


def _exec_details(result: Any) -> dict[str, Any]:
    return {
        "exit_code": result.exit_code,
        "timed_out": result.timed_out,
        "cut_bytes": result.cut_bytes,
        "elapsed_s": round(result.elapsed_s, 4),
        "isolation": result.isolation,
    }


def _atomic_write(target: Path, content: str) -> None:
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(content)
        os.replace(tmp, target)
    except OSError as exc:
        raise ToolFailure(f"cannot write {target.name}: {exc.strerror}") from None
