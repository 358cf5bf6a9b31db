"""Each agent harness's pre-tool-use hook: its input shape in, its answer shape out.

- Claude Code ``PreToolUse``: answers ``hookSpecificOutput.permissionDecision`` allow/deny/ask.
  ``allow`` skips the user's own permission prompts, so a clean review gives no opinion unless
  the user opted in (``--grant``).
- Codex ``PreToolUse``: Claude-compatible input; only ``deny`` (with a reason) is honoured, so
  ``ask`` becomes deny and a clean review says nothing.
- Gemini CLI ``BeforeTool``: answers ``{"decision": "allow"|"deny", "reason"}``.

For all three, exit code 2 with the reason on stderr also blocks, and every other failure of the
hook lets the call through: hence the fail-closed runner in :mod:`forethought.integrations.hook`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Literal

import orjson

from forethought.proposal import Action, Proposal, ProposalError, from_dict

Verdict = Literal["clean", "deny", "ask"]


@dataclass(frozen=True, slots=True)
class Answer:
    """What the hook tells the harness: no objection, refuse, or ask the user.

    ``inside``: every path the call names lies inside the project, so that ``--grant`` may
    answer "allow" for a clean review (outside it the harness's own prompt stays).
    """

    verdict: Verdict
    reason: str = ""
    inside: bool = False


@dataclass(frozen=True, slots=True)
class Output:
    stdout: bytes
    exit_code: int = 0
    stderr: str = ""


def _payload(data: bytes) -> Mapping[str, Any]:
    try:
        obj = orjson.loads(data)
    except orjson.JSONDecodeError as exc:
        raise ProposalError(f"hook input is not valid JSON: {exc}") from None
    if not isinstance(obj, Mapping):
        raise ProposalError(f"hook input must be a JSON object, got {type(obj).__name__}")
    if not isinstance(obj.get("tool_name"), str) or not obj["tool_name"]:
        raise ProposalError("hook input: field 'tool_name' must be a non-empty string")
    if not isinstance(obj.get("tool_input", {}), Mapping):
        raise ProposalError("hook input: field 'tool_input' must be an object")
    return obj


def _session(obj: Mapping[str, Any]) -> str | None:
    value = obj.get("session_id")
    return str(value) if value not in (None, "") else None


def _stamp(proposal: Proposal, origin: str, obj: Mapping[str, Any]) -> Proposal:
    context = {k: obj[k] for k in ("session_id", "cwd", "permission_mode", "model") if k in obj}
    return replace(
        proposal,
        origin=origin,
        session_id=_session(obj),
        context={**proposal.context, **context},
    )


def _search_read(obj: Mapping[str, Any], tool: str, args: Mapping[str, Any], raw: str) -> Proposal:
    """Grep/Glob/LS-like tools read what lies under a path (the session's cwd by default)."""
    path = args.get("path") or args.get("dir_path") or obj.get("cwd") or "."
    action = Action(tool=tool, kind="file_read", args={"path": str(path)}, raw=raw)
    return Proposal(action=action, shape="hook")


# --- Claude Code ----------------------------------------------------------------------------

CLAUDE_SEARCH_TOOLS = frozenset({"Grep", "Glob", "LS"})


def claude_code_proposals(data: bytes, *, origin: str = "claude-code") -> list[Proposal]:
    obj = _payload(data)
    raw = data.decode("utf-8", "replace")
    tool, args = obj["tool_name"], obj.get("tool_input", {})
    if tool in CLAUDE_SEARCH_TOOLS:
        proposal = _search_read(obj, tool, args, raw)
        return [replace(_stamp(proposal, origin, obj), id=_tool_use_id(obj))]
    return [_stamp(from_dict(obj, raw), origin, obj)]


def _tool_use_id(obj: Mapping[str, Any]) -> str | None:
    value = obj.get("tool_use_id")
    return None if value is None else str(value)


def claude_code_output(answer: Answer, *, grant: bool = False) -> Output:
    if answer.verdict == "clean" and not (grant and answer.inside):
        return Output(b"")  # no opinion: Claude Code's own permission rules apply
    decision = {"clean": "allow", "deny": "deny", "ask": "ask"}[answer.verdict]
    reason = answer.reason or "forethought reviewed this action and has no objection"
    body = {
        "hookSpecificOutput": {
            "hookEventName": "PreToolUse",
            "permissionDecision": decision,
            "permissionDecisionReason": reason,
        }
    }
    return Output(orjson.dumps(body) + b"\n")


# --- Codex ----------------------------------------------------------------------------------


def codex_proposals(data: bytes) -> list[Proposal]:
    """Codex's input is Claude Code's; an ``apply_patch`` (the tool, or a patch inside a shell
    call) becomes one proposal whose parts are the files it touches, each reviewed."""
    return claude_code_proposals(data, origin="codex")


def codex_output(answer: Answer) -> Output:
    if answer.verdict == "clean":
        return Output(b"")  # Codex honours neither "allow" without updatedInput nor "ask"
    reason = answer.reason or "forethought refused this action"
    if answer.verdict == "ask":
        reason += " (Codex cannot ask you from a hook: run it yourself if you want it)"
    body = {
        "hookSpecificOutput": {
            "hookEventName": "PreToolUse",
            "permissionDecision": "deny",
            "permissionDecisionReason": reason,
        }
    }
    return Output(orjson.dumps(body) + b"\n")


# --- Gemini CLI -----------------------------------------------------------------------------

_URL = re.compile(r"https?://[^\s<>\"'`)\]]+")
GEMINI_SEARCH_TOOLS = frozenset(
    {"list_directory", "glob", "search_file_content", "grep_search", "grep"}
)


def gemini_proposals(data: bytes) -> list[Proposal]:
    obj = _payload(data)
    raw = data.decode("utf-8", "replace")
    tool, args = obj["tool_name"], obj.get("tool_input", {})
    if tool in GEMINI_SEARCH_TOOLS:
        return [_stamp(_search_read(obj, tool, args, raw), "gemini", obj)]
    return [
        _stamp(from_dict(_without_nones(plain), raw), "gemini", obj)
        for plain in _gemini_plain(tool, args)
    ]


def _without_nones(plain: dict[str, Any]) -> dict[str, Any]:
    """Absent arguments stay absent, so the normaliser names the missing field."""
    return {**plain, "args": {k: v for k, v in plain["args"].items() if v is not None}}


def _gemini_plain(tool: str, args: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Gemini CLI's built-in tools in forethought's plain shape; others pass as they are."""
    path = args.get("file_path", args.get("absolute_path", args.get("path")))
    if tool == "run_shell_command":
        directory = args.get("directory")  # where it runs is part of what it does
        return [{"tool": "bash", "args": {"command": args.get("command"), "directory": directory}}]
    if tool == "write_file":
        return [{"tool": "write_file", "args": {"path": path, "content": args.get("content")}}]
    if tool == "replace":
        old, new = args.get("old_string"), args.get("new_string")
        return [{"tool": "edit_file", "args": {"path": path, "old": old, "new": new}}]
    if tool == "read_file":
        return [{"tool": "read_file", "args": {"path": path}}]
    if tool == "read_many_files":
        paths = args.get("paths") or args.get("include") or []
        paths = [paths] if isinstance(paths, str) else paths
        return [{"tool": "read_file", "args": {"path": p}} for p in paths] or [
            {"tool": tool, "args": dict(args)}
        ]
    if tool == "web_fetch":
        prompt = args.get("prompt", args.get("url", ""))
        urls = _URL.findall(prompt) if isinstance(prompt, str) else []
        return [{"tool": "http_request", "args": {"method": "GET", "url": u}} for u in urls] or [
            {"tool": tool, "args": dict(args)}
        ]
    if tool == "save_memory":
        fact = args.get("fact", args.get("content"))
        return [{"tool": "remember", "args": {"kind": "fact", "title": "", "content": fact}}]
    return [{"tool": tool, "args": dict(args)}]


def gemini_output(answer: Answer, *, grant: bool = False) -> Output:
    if answer.verdict == "clean":
        body: dict[str, Any] = {"decision": "allow"} if grant and answer.inside else {}
    else:
        reason = answer.reason or "forethought refused this action"
        if answer.verdict == "ask":
            reason += " (ask the user to run it, or to approve it another way)"
        body = {"decision": "deny", "reason": reason}
    return Output(orjson.dumps(body) + b"\n")


# --- --grant: waive the harness's prompts only inside the project --------------------------

# Where a shell command may point outside the project and still be harmless plumbing.
_HARMLESS_OUTSIDE = frozenset({"/dev/null", "/dev/stdout", "/dev/stderr", "/dev/stdin"})
_SHELL_JOINS = re.compile(r"[<>|;&=()]+")
_PROJECT_DIR_VARIABLES = {"claude-code": "CLAUDE_PROJECT_DIR", "gemini": "GEMINI_PROJECT_DIR"}


def project_dir(harness: str, data: bytes) -> Path | None:
    """The project the harness session works in: its own variable, else the input's cwd."""
    import os

    value = os.environ.get(_PROJECT_DIR_VARIABLES.get(harness, ""), "")
    if not value:
        try:
            obj = orjson.loads(data)
        except orjson.JSONDecodeError:
            return None
        value = obj.get("cwd", "") if isinstance(obj, Mapping) else ""
    return Path(value) if isinstance(value, str) and value.startswith("/") else None


def inside_project(proposal: Proposal, root: Path | None) -> bool:
    """Whether every path ``proposal`` names lies under ``root`` (False when unsure).

    A harness prompts before a call that reaches outside its project; "allow" would skip that
    prompt, so --grant gives it only for calls that stay inside.
    """
    if root is None:
        return False
    if proposal.parts:  # a patch's files, several files read: every one must stay inside
        return all(inside_project(part, root) for part in proposal.each())
    action = proposal.action
    cwd = Path(str(proposal.context.get("cwd") or root))
    if action.kind in ("file_read", "file_write"):
        return _under(str(action.args.get("path", "")), root, cwd)
    if action.kind == "shell":
        import shlex

        try:
            words = shlex.split(str(action.args.get("command", "")), comments=True)
        except ValueError:
            return False
        # Redirections and assignments hide paths inside a word: 2>/dev/null, >~/.bashrc, X=/etc
        candidates = [part for word in words for part in _SHELL_JOINS.split(word) if part]
        return all(
            _under(word, root, cwd)
            for word in candidates
            if word.startswith(("/", "~", "$")) or ".." in word or "$" in word
        )
    return action.kind in ("http", "memory_write", "plan", "finish")  # no path; python: unsure


def _under(path: str, root: Path, cwd: Path) -> bool:
    import os

    if not path or "$" in path or "`" in path:
        return False
    if path in _HARMLESS_OUTSIDE:
        return True
    expanded = Path(os.path.expanduser(path))
    absolute = expanded if expanded.is_absolute() else cwd / expanded
    resolved, base = os.path.realpath(absolute), os.path.realpath(root)
    return resolved == base or resolved.startswith(base.rstrip("/") + "/")


@dataclass(frozen=True, slots=True)
class Harness:
    name: str
    parse: Any  # (bytes) -> list[Proposal]
    render: Any  # (Answer, grant) -> Output


HARNESSES: dict[str, Harness] = {
    "claude-code": Harness(
        "claude-code", claude_code_proposals, lambda a, grant: claude_code_output(a, grant=grant)
    ),
    "codex": Harness("codex", codex_proposals, lambda a, grant: codex_output(a)),
    "gemini": Harness("gemini", gemini_proposals, lambda a, grant: gemini_output(a, grant=grant)),
}
