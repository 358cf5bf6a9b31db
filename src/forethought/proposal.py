"""Action and Proposal, and the normalisers that turn every accepted input shape into them.

Accepted shapes (one JSON object each):

- plain:        {"tool", "args", "reasoning"?, "task"?, "history"?}
- OpenAI:       {"type": "function", "function": {"name", "arguments": "<json string>"}}
- Anthropic:    {"type": "tool_use", "name", "input"}
- MCP:          {"name", "arguments"} (the params of ``tools/call``), or the whole JSON-RPC request
- Claude Code:  {"tool_name", "tool_input", ...} (PreToolUse hook input)

Extra keys (``id``, ``label``, ``source`` ...) are allowed; ``id`` is kept and echoed back.
"""

from __future__ import annotations

import re
import shlex
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from importlib import resources
from typing import Any, Literal
from urllib.parse import quote_plus

import orjson

from forethought import patches

ActionKind = Literal[
    "shell", "file_write", "file_read", "python", "http", "memory_write", "plan", "finish", "other"
]
KINDS: tuple[str, ...] = ActionKind.__args__  # type: ignore[attr-defined]


def _load_catalogue() -> tuple[dict[str, ActionKind], dict[str, dict[str, Any]]]:
    """Tool names by kind, and the tools with argument mappings of their own (tool_kinds.toml)."""
    data = tomllib.loads(
        resources.files("forethought").joinpath("tool_kinds.toml").read_text("utf-8")
    )
    kinds: dict[str, ActionKind] = {}
    for kind, names in data["kinds"].items():
        for name in names:
            kinds[name.lower()] = kind
    tools = {name.lower(): spec for name, spec in data.get("tools", {}).items()}
    return kinds, tools


# Tool names (lower-cased) of common agents, MCP servers and harnesses, by the kind of action,
# and the tools whose arguments are mapped by their own entry in the catalogue.
_TOOL_KINDS, _TOOL_SPECS = _load_catalogue()
_KNOWN = frozenset(_TOOL_KINDS) | frozenset(_TOOL_SPECS)

MAX_HISTORY = 20


class ProposalError(ValueError):
    """An input that is not a proposal. The message names the field (and line, when known)."""

    def __init__(self, message: str, line: int | None = None) -> None:
        self.line = line
        super().__init__(f"line {line}: {message}" if line is not None else message)

    def at_line(self, line: int) -> ProposalError:
        return ProposalError(str(self), line) if self.line is None else self


@dataclass(frozen=True, slots=True)
class Action:
    """One proposed tool call.

    ``tool`` is the agent's own tool name; ``kind`` the family it belongs to; ``args`` the
    normalised arguments for that kind (shell: command; file_read: path; file_write: path and
    content or edits; python: code; http: method, url, headers, body; memory_write: kind, title,
    content); ``raw`` the JSON text the action came from.
    """

    tool: str
    kind: ActionKind
    args: Mapping[str, Any]
    raw: str = ""


@dataclass(frozen=True, slots=True)
class Proposal:
    """What is reviewed. ``reasoning``, ``task`` and ``history`` are untrusted data."""

    action: Action
    reasoning: str = ""
    task: str = ""
    history: tuple[str, ...] = ()
    id: str | None = None
    shape: str = "plain"
    context: Mapping[str, Any] = field(default_factory=dict)
    # The road the proposal came in by ("claude-code", "gemini", "codex", "python", "mcp",
    # "inspect", "agent"; "" for the CLI) and the caller's session id, both kept in the ledger.
    origin: str = ""
    session_id: str | None = None
    # Further actions the same call performs (each file a patch touches, each of several files
    # read): every one is reviewed as a proposal of its own and the worst decision stands.
    parts: tuple[Action, ...] = ()
    # The session's earlier steps (forethought.session.Step), oldest first, as the Gate found
    # them in the ledger: context for the reviewers, not part of what is recorded.
    steps: tuple[Any, ...] = field(default=(), compare=False, repr=False)

    def each(self) -> list[Proposal]:
        """This proposal once per action it stands for: its own action first, then its parts."""
        if not self.parts:
            return [self]
        return [
            Proposal(
                action=a,
                reasoning=self.reasoning,
                task=self.task,
                history=self.history,
                id=self.id,
                shape=self.shape,
                context=self.context,
                origin=self.origin,
                session_id=self.session_id,
                steps=self.steps,
            )
            for a in (self.action, *self.parts)
        ]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "origin": self.origin,
            "session_id": self.session_id,
            "shape": self.shape,
            "tool": self.action.tool,
            "kind": self.action.kind,
            "args": dict(self.action.args),
            "reasoning": self.reasoning,
            "task": self.task,
            "history": list(self.history),
            "context": dict(self.context),
        }


def tool_name(tool: str) -> str:
    """The tool's name as the catalogue knows it: lower case, without its MCP prefix.

    Claude Code and Codex call an MCP tool ``mcp__<server>__<tool>``; Gemini CLI
    ``mcp_<server>_<tool>``, where the server's name may hold underscores, so the longest
    catalogued tool name it ends with is taken (an unknown one keeps its whole name).
    """
    name = tool.strip().lower()
    if "." in name and name.rsplit(".", 1)[-1] in _KNOWN:  # functions.bash, tools.read_file
        return name.rsplit(".", 1)[-1]
    if name.startswith("mcp__"):
        return name.rsplit("__", 1)[-1]
    if name.startswith("mcp_"):
        words = name[4:].split("_")
        for i in range(1, len(words)):
            suffix = "_".join(words[i:])
            if suffix in _KNOWN:
                return suffix
    return name


def kind_of(tool: str) -> ActionKind:
    name = tool_name(tool)
    spec = _TOOL_SPECS.get(name)
    if spec is not None:
        return "file_write" if spec["kind"] == "patch" else spec["kind"]
    return _TOOL_KINDS.get(name, "other")


def rule_names(tool: str) -> frozenset[str]:
    """What a policy's [tools] rule keyed by ``tool`` covers: the tool's own name (any case, any
    MCP prefix), and the kind of action it is, so every other tool of that kind too. A kind's
    own name ("shell", "file_write", "other") covers that kind."""
    name = tool_name(tool)
    if name in KINDS:
        return frozenset({name})
    kind = kind_of(tool)
    return frozenset({name} if kind == "other" else {name, kind})


def rule_applies(rule: str, tool: str, kind: str) -> bool:
    """Whether a [tools] rule keyed by ``rule`` applies to a ``kind`` action of tool ``tool``."""
    covered = rule_names(rule)
    name = tool_name(tool)
    if name in covered or kind in covered or kind_of(tool) in covered - {"other"}:
        return True
    # Gemini CLI's mcp_<server>_<tool> of a tool the catalogue does not know
    lowered = tool.strip().lower()
    return lowered.startswith("mcp_") and any(lowered.endswith("_" + c) for c in covered)


def _text(value: Any, name: str) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ProposalError(f"field '{name}' must be a string, got {type(value).__name__}")
    return value


def _first(args: Mapping[str, Any], names: tuple[str, ...], field_path: str) -> Any:
    for n in names:
        if n in args:
            return args[n]
    raise ProposalError(f"field '{field_path}.{names[0]}' is missing")


_COMMAND = ("command", "cmd", "script", "input")
_PATH = (
    "path",
    "file_path",
    "filename",
    "file",
    "notebook_path",
    "absolute_path",
    "filepath",
    "target_file",
)
_CONTENT = ("content", "contents", "text", "new_source", "file_text")
_OLD = ("old", "old_string", "old_str", "oldText", "old_text", "oldString", "search", "find")
_NEW = (
    "new",
    "new_string",
    "new_str",
    "newText",
    "new_text",
    "newString",
    "replace",
    "replacement",
)
# Where a download tool (kind http) saves what it fetches.
# (Not "path": an HTTP tool's "path" is as often the URL's path.)
_SAVE_TO = ("save_to", "save_as", "output", "output_path", "output_file", "dest", "destination",
            "filename", "out")
# Where a shell call runs: Codex's workdir, Gemini CLI's directory, MCP command servers' cwd.
_WORKDIR = ("workdir", "cwd", "working_directory", "workingDirectory", "directory")
_SHELLS = frozenset({"bash", "sh", "zsh", "dash", "ksh", "mksh", "ash"})


def argv_command(argv: list[str]) -> str:
    """The command line an argv list stands for: its words quoted, so the shell parser sees the
    same words; ``bash -c STRING`` (``-lc``, ``sh -c`` ...) is STRING itself."""
    script = _shell_script(argv)
    if script is not None and script[1] == []:  # nothing after STRING: no $0, $1 ... to bind
        return script[0]
    return shlex.join(argv)


def _shell_script(argv: list[str]) -> tuple[str, list[str]] | None:
    """(STRING, the words after it) of ``bash -c STRING ...``, or None."""
    if len(argv) >= 3 and argv[0].rsplit("/", 1)[-1] in _SHELLS:
        i = 1
        while i < len(argv) - 1 and argv[i].startswith("-") and argv[i] != "--":
            flag = argv[i]
            i += 1
            if not flag.startswith("--") and "c" in flag[1:]:
                return argv[i], argv[i + 1 :]
    return None


_POSITIONAL = re.compile(r'"\$\{?([0-9]|@|\*)\}?"|\$\{([0-9]+|@|\*)\}|\$([0-9@*])')


def _bound_script(argv: list[str]) -> str | None:
    """``bash -c 'rm -rf "$1"' x /`` as the script with its parameters in: ``rm -rf /``."""
    script = _shell_script(argv)
    if script is None or not script[1]:
        return None
    text, params = script

    def value(match: re.Match[str]) -> str:
        name = next(g for g in match.groups() if g is not None)
        if name in ("@", "*"):
            return shlex.join(params[1:])
        index = int(name)
        return shlex.quote(params[index]) if index < len(params) else "''"

    return _POSITIONAL.sub(value, text)


def _shell_args(args: Mapping[str, Any], where: str) -> dict[str, Any]:
    cmd = _first(args, _COMMAND, where)
    if isinstance(cmd, list):
        if not all(isinstance(c, str) for c in cmd) or not cmd:
            raise ProposalError(f"field '{where}.command' must be a string or a list of strings")
        cmd = argv_command(cmd)
    command = _text(cmd, f"{where}.command")
    extra = args.get("args")  # {"command": "rm", "args": ["-rf", "/"]}, as some servers take
    if isinstance(extra, list) and extra:
        if not all(isinstance(a, str) for a in extra):
            raise ProposalError(f"field '{where}.args' must be a list of strings")
        command = f"{command} {shlex.join(extra)}"
    stdin = args.get("stdin")  # what the command reads: a script, when the command is a shell
    if isinstance(stdin, str) and stdin:
        end = "FORETHOUGHT_STDIN"
        while end in stdin:
            end += "_"
        command = f"{command} <<'{end}'\n{stdin}\n{end}"
    env = args.get("env")  # the environment it runs with: LD_PRELOAD=... is part of the call
    if isinstance(env, Mapping) and env:
        if not all(isinstance(v, str) for v in env.values()):
            raise ProposalError(f"field '{where}.env' must map names to strings")
        command = f"{shlex.join(['export', *(f'{k}={v}' for k, v in env.items())])} && {command}"
    workdir = next((args[k] for k in _WORKDIR if isinstance(args.get(k), str) and args[k]), None)
    if workdir:  # where it runs changes what it does: `rm -rf *` in / is not `rm -rf *` in ./build
        command = f"cd -- {shlex.quote(workdir)} && {command}"
    return {"command": command}


def normalise_args(
    kind: ActionKind,
    args: Mapping[str, Any],
    where: str,
    spec: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """Map the arguments of any agent's tool onto the contract names for its kind."""
    spec = spec or {}
    if kind == "shell":
        return _shell_args(args, where)
    if kind == "python":
        return {"code": _text(_first(args, ("code", "source", "script"), where), f"{where}.code")}
    path_names = tuple(spec.get("path", _PATH))
    if kind in ("file_read", "file_write"):
        if "default_path" in spec and not any(args.get(n) for n in path_names):
            path: Any = spec["default_path"]
        else:
            path = _first(args, path_names or _PATH, where)
        path = _text(path, f"{where}.{path_names[0] if path_names else 'path'}")
    if kind == "file_read":
        return {"path": path}
    if kind == "file_write":
        out: dict[str, Any] = {"path": path}
        if "edits" in args:
            edits = args["edits"]
            if not isinstance(edits, list) or not edits:
                raise ProposalError(f"field '{where}.edits' must be a non-empty list")
            out["edits"] = [_edit(e, f"{where}.edits[{i}]") for i, e in enumerate(edits)]
        elif any(k in args for k in (*_OLD, *_NEW)):
            out["edits"] = [_edit(args, where)]
        elif args.get("edit_mode") == "delete":  # NotebookEdit deleting a cell
            out["edits"] = [{"old": "", "new": ""}]
        else:
            names = tuple(spec.get("content", _CONTENT))
            content = next((args[n] for n in names if n in args), None)
            if content is None:
                raise ProposalError(
                    f"field '{where}.{names[0]}' is missing: a write must say what it writes"
                )
            out["content"] = _text(content, f"{where}.{names[0]}")
        return out
    if kind == "http":
        url = _text(_first(args, ("url", "uri", "endpoint"), where), f"{where}.url")
        headers = args.get("headers") or {}
        if not isinstance(headers, Mapping):
            raise ProposalError(f"field '{where}.headers' must be an object")
        body = args.get("body", args.get("data", args.get("json", args.get("prompt"))))
        if body is not None and not isinstance(body, str):
            body = orjson.dumps(body).decode()
        method = _text(args.get("method", "GET"), f"{where}.method").upper()
        out = {"method": method, "url": url, "headers": dict(headers), "body": body or ""}
        # where a download tool saves what it fetches: a file write, reviewed as one
        save_to = next((args[k] for k in _SAVE_TO if isinstance(args.get(k), str) and args[k]), "")
        if save_to:
            out["save_to"] = save_to
        return out
    if kind == "memory_write":
        names = tuple(spec.get("content", ("content", "text")))
        return {
            "kind": _text(args.get("kind", ""), f"{where}.kind"),
            "title": _text(args.get("title", ""), f"{where}.title"),
            "content": _text(_first(args, names, where), f"{where}.content"),
        }
    return dict(args)


def _edit(edit: Any, where: str) -> dict[str, str]:
    """One edit's old and new text, under any of the usual spellings; the new text must be there
    (an edit whose result cannot be found is not reviewed as empty)."""
    if not isinstance(edit, Mapping):
        raise ProposalError(f"field '{where}' must be an object")
    new_key = next((k for k in _NEW if k in edit), None)
    if new_key is None:
        raise ProposalError(
            f"field '{where}.new_string' is missing: an edit must say what it writes "
            f"(one of {', '.join(_NEW)})"
        )
    old = next((edit[k] for k in _OLD if k in edit), "")
    return {"old": _text(old, f"{where}.old"), "new": _text(edit[new_key], f"{where}.{new_key}")}


# --- a tool's arguments -> the actions that are reviewed --------------------------------------

Step = tuple[ActionKind, dict[str, Any]]


def actions_of(tool: str, args: Mapping[str, Any], where: str) -> list[Step]:
    """The actions one call of ``tool`` stands for: usually one; a patch touching several files,
    a read of several files or a fetch of several URLs gives one per file or URL, and a shell
    command that applies a patch gives the command and each file the patch touches."""
    spec = _TOOL_SPECS.get(tool_name(tool))
    kind = kind_of(tool)
    if spec is None:
        steps = _editor_command(tool, args, where) or [(kind, normalise_args(kind, args, where))]
    else:
        steps = _by_spec(spec, args, where)
    if steps[0][0] == "shell":
        steps += _patches_in(args)
        argv = next((args[k] for k in _COMMAND if k in args), None)
        if isinstance(argv, list) and (bound := _bound_script(argv)) is not None:
            steps.append(("shell", {"command": bound}))  # the script with its $0, $1 ... in
    return steps


def _by_spec(spec: Mapping[str, Any], args: Mapping[str, Any], where: str) -> list[Step]:
    kind: str = spec["kind"]
    if kind == "patch":
        key = next((k for k in ("input", "patch", "command", "content") if k in args), "input")
        text = _first(args, (key,), where)
        if isinstance(text, list) and all(isinstance(t, str) for t in text):
            text = "\n".join(text)  # Codex's argv form: ["apply_patch", PATCH]
        text = _text(text, f"{where}.{key}")
        if not patches.contains_patch(text):
            text = f"{patches.BEGIN}\n{text}\n{patches.END}"
        steps = _patch_steps(text)
        if not steps:
            raise ProposalError(
                f"field '{where}.{key}': the patch names no file ('*** Update File: PATH')"
            )
        return steps
    if "argv" in spec:
        return [("shell", {"command": shlex.join(_fill(spec["argv"], args, where))})]
    if "paths" in spec:
        found: list[Any] = []
        for name in spec["paths"]:
            value = args.get(name)
            found += [value] if isinstance(value, str) else list(value or [])
        if not found:
            raise ProposalError(f"field '{where}.{spec['paths'][0]}' names no file")
        return [("file_read", {"path": _text(p, f"{where}.{spec['paths'][0]}[]")}) for p in found]
    if "urls_in" in spec:
        urls = [
            u
            for name in spec["urls_in"]
            if isinstance(args.get(name), str)
            for u in _URL.findall(args[name])
        ]
        if not urls:  # nothing to fetch that can be named: not judged as a fetch
            return [("other", dict(args))]
        return [("http", {"method": "GET", "url": u, "headers": {}, "body": ""}) for u in urls]
    if "search" in spec:
        query = _text(_first(args, (spec["search"],), where), f"{where}.{spec['search']}")
        url = spec["search_url"] + quote_plus(query)
        return [("http", {"method": "GET", "url": url, "headers": {}, "body": ""})]
    return [(kind, normalise_args(kind, args, where, spec))]  # type: ignore[list-item,arg-type]


_URL = re.compile(r"https?://[^\s<>\"'`)\]]+")


def _fill(template: list[Any], args: Mapping[str, Any], where: str) -> list[str]:
    """The words of an argv template with the arguments in (see tool_kinds.toml)."""
    words: list[str] = []
    for item in template:
        if isinstance(item, list):
            names = [n for w in item for n in _PLACEHOLDER.findall(w)]
            if all(args.get(n) not in (None, "", []) for n in names):
                words += _fill(item, args, where)
            continue
        names = _PLACEHOLDER.findall(item)
        if not names:
            words.append(item)
            continue
        value = args.get(names[0])
        if value is None:
            continue
        if item == "{" + names[0] + "}" and isinstance(value, list):
            words += [_word(v, f"{where}.{names[0]}[]") for v in value]
        else:
            words.append(item.replace("{" + names[0] + "}", _word(value, f"{where}.{names[0]}")))
    return words


_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def _word(value: Any, where: str) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (str, int, float)):
        return str(value)
    raise ProposalError(f"field '{where}' must be a string or a number")


def _editor_command(tool: str, args: Mapping[str, Any], where: str) -> list[Step] | None:
    """Anthropic's text editor tool (str_replace_editor ...): its ``command`` says what it does."""
    if tool_name(tool) not in ("str_replace_editor", "str_replace_based_edit_tool", "text_editor"):
        return None
    command = args.get("command")
    if command == "view":
        return [("file_read", normalise_args("file_read", args, where))]
    if command == "insert":
        path = _text(_first(args, _PATH, where), f"{where}.path")
        new = _text(_first(args, ("new_str", "text"), where), f"{where}.new_str")
        return [("file_write", {"path": path, "edits": [{"old": "", "new": new}]})]
    if command == "undo_edit":
        return [("other", dict(args))]
    return None


def _patches_in(args: Mapping[str, Any]) -> list[Step]:
    """The files any patch in a shell call's arguments touches (apply_patch in a heredoc, in the
    argv, inside ``bash -lc``): reviewed as well as the command."""
    texts = [v for v in args.values() if isinstance(v, str)]
    texts += [w for v in args.values() if isinstance(v, list) for w in v if isinstance(w, str)]
    return [step for text in texts if patches.contains_patch(text) for step in _patch_steps(text)]


def _patch_steps(text: str) -> list[Step]:
    return [(kind, args) for kind, args in patches.actions(patches.parse_patches(text))]  # type: ignore[misc]


def _object(value: Any, name: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise ProposalError(f"field '{name}' must be an object, got {type(value).__name__}")
    return value


def _history(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise ProposalError("field 'history' must be a list")
    items = [v if isinstance(v, str) else orjson.dumps(v).decode() for v in value]
    return tuple(items[-MAX_HISTORY:])


MAX_DEPTH = 200  # JSON nesting a proposal may have (what is recorded must serialise again)


def _check_depth(obj: Mapping[str, Any]) -> None:
    """Refuse input nested deeper than MAX_DEPTH levels, naming the field it is under."""
    stack: list[tuple[Any, int, str]] = [(v, 2, str(k)) for k, v in obj.items()]
    while stack:
        value, depth, top = stack.pop()
        if isinstance(value, (Mapping, list)):
            if depth > MAX_DEPTH:
                raise ProposalError(f"field '{top}' is nested more than {MAX_DEPTH} levels deep")
            children = value.values() if isinstance(value, Mapping) else value
            stack.extend((c, depth + 1, top) for c in children)


def _id(obj: Mapping[str, Any]) -> str | None:
    value = obj.get("id")
    return None if value is None else str(value)


def from_dict(obj: Any, raw: str = "") -> Proposal:
    """Turn one decoded JSON object of any accepted shape into a Proposal."""
    if not isinstance(obj, Mapping):
        raise ProposalError(f"a proposal must be a JSON object, got {type(obj).__name__}")
    if not raw or raw.count("[") + raw.count("{") > MAX_DEPTH:
        _check_depth(obj)  # (with fewer brackets than that in its text, it cannot be that deep)
    if obj.get("jsonrpc") is not None and obj.get("method") == "tools/call":
        inner = dict(_object(obj.get("params"), "params"))
        inner.setdefault("id", obj.get("id"))
        return from_dict(inner, raw)

    reasoning, task = obj.get("reasoning"), obj.get("task")
    if "tool_name" in obj:
        shape, tool = "claude_code", obj["tool_name"]
        args, where = _object(obj.get("tool_input", {}), "tool_input"), "tool_input"
        context = {k: obj[k] for k in ("session_id", "cwd", "permission_mode") if k in obj}
        pid = obj.get("tool_use_id", obj.get("id"))
        ident = None if pid is None else str(pid)
    elif obj.get("type") == "function" or "function" in obj:
        shape, fn = "openai", _object(obj.get("function"), "function")
        tool, where = fn.get("name"), "function.arguments"
        arguments = fn.get("arguments", "{}")
        if isinstance(arguments, str):
            try:
                arguments = orjson.loads(arguments) if arguments.strip() else {}
            except orjson.JSONDecodeError as exc:
                raise ProposalError(
                    f"field 'function.arguments' is not valid JSON: {exc}"
                ) from None
        args, context, ident = _object(arguments, where), {}, _id(obj)
    elif obj.get("type") == "tool_use":
        shape, tool = "anthropic", obj.get("name")
        args, where, context, ident = _object(obj.get("input", {}), "input"), "input", {}, _id(obj)
    elif "tool" in obj:
        shape, tool = "plain", obj["tool"]
        args, where, context, ident = _object(obj.get("args", {}), "args"), "args", {}, _id(obj)
    elif "name" in obj and "arguments" in obj:
        shape, tool = "mcp", obj["name"]
        args, where = _object(obj["arguments"] or {}, "arguments"), "arguments"
        context, ident = {}, _id(obj)
    else:
        keys = ", ".join(sorted(map(str, obj))) or "none"
        raise ProposalError(
            "unknown proposal shape: expected 'tool'+'args', 'function', 'type':'tool_use', "
            f"'name'+'arguments' or 'tool_name'+'tool_input'; got keys: {keys}"
        )
    if not isinstance(tool, str) or not tool:
        raise ProposalError(
            f"field '{'tool_name' if shape == 'claude_code' else 'tool'}' "
            "must be a non-empty string"
        )
    steps = actions_of(tool, args, where)
    action, *parts = (Action(tool=tool, kind=k, args=a, raw=raw) for k, a in steps)
    return Proposal(
        action=action,
        parts=tuple(parts),
        reasoning=_text(reasoning, "reasoning"),
        task=_text(task, "task"),
        history=_history(obj.get("history")),
        id=ident,
        shape=shape,
        context=context,
    )


def parse(text: str | bytes, line: int | None = None) -> Proposal:
    """Parse one JSON document into a Proposal; errors name the line when it is given."""
    raw = text.decode("utf-8", "replace") if isinstance(text, bytes) else text
    try:
        obj = orjson.loads(text)
    except orjson.JSONDecodeError as exc:
        raise ProposalError(f"invalid JSON: {exc}", line) from None
    try:
        return from_dict(obj, raw)
    except ProposalError as exc:
        raise exc.at_line(line) if line is not None else exc from None


def parse_stream(data: bytes) -> Iterator[Proposal]:
    """Parse one JSON object, or JSON Lines (blank lines skipped).

    A document that is a single JSON object spread over several lines is accepted too.
    Raises ProposalError naming the first bad line; callers must parse everything before acting
    so that bad input records nothing.
    """
    if not data.strip():
        raise ProposalError("empty input: expected one JSON object or JSON Lines")
    lines = data.splitlines()
    if sum(1 for ln in lines if ln.strip()) > 1 and _is_single_document(data):
        yield parse(data, 1)
        return
    for number, line in enumerate(lines, start=1):
        if line.strip():
            yield parse(line, number)


def _is_single_document(data: bytes) -> bool:
    """True for one pretty-printed JSON object (rather than JSON Lines)."""
    try:
        orjson.loads(data)
    except orjson.JSONDecodeError:
        return False
    return True
