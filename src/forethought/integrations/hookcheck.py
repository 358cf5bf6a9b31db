"""``forethought hook HARNESS --check``: will the installed hook actually run?

A harness skips a hook without a word in many ways: no settings file where it looks, a file it
cannot parse, a matcher that misses a tool, an executable that moved, hooks turned off, and for
Codex a project it does not trust or a hook nobody trusted in its ``/hooks`` screen. This reads
what the harness reads and says, per settings file, what stands in the way.
"""

from __future__ import annotations

import json
import os
import select
import shlex
import shutil
import subprocess
import time
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from forethought.integrations.install import (
    MATCH_ALL,
    TARGETS,
    InstallError,
    _is_ours,
    check_policy,
    guard,
    harness_home,
)


@dataclass
class Layer:
    """One settings file the harness reads, and what was found in it."""

    path: Path
    project: bool
    working: int = 0  # forethought entries that will run
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _table(obj: Any, key: str) -> dict[str, Any]:
    """``obj[key]`` when both are JSON objects or TOML tables, else an empty one."""
    value = obj.get(key) if isinstance(obj, dict) else None
    return value if isinstance(value, dict) else {}


def layers(harness: str, root: Path) -> list[Layer]:
    target = TARGETS[harness]
    project = root / target.directory
    home = harness_home(harness)
    if harness == "claude-code":
        return [
            Layer(project / "settings.json", True),
            Layer(project / "settings.local.json", True),
            Layer(home / "settings.json", False),
        ]
    return [Layer(project / target.filename, True), Layer(home / target.filename, False)]


def check(harness: str, root: Path) -> tuple[bool, list[str]]:
    """(whether the hook will run for every tool call, the lines to print)."""
    found = [layer for layer in layers(harness, root) if layer.path.exists()]
    if not found:
        where = " or ".join(str(layer.path) for layer in layers(harness, root))
        return False, [
            f"no settings file with the hook: none of {where} exists",
            f"the hook will not run: install it with `forethought hook {harness} --install`",
        ]
    blockers: list[str] = []
    # Codex's own account of its hooks, where a codex is on PATH to ask
    listed = _codex_listed(root) if harness == "codex" else None
    for layer in found:
        settings = _read(layer)
        if settings is None:
            continue
        blockers += _turned_off(harness, layer, settings, root)
        _check_entries(harness, layer, settings, root, listed)
    if harness == "codex":
        blockers += _codex_features()
    lines = []
    for layer in found:
        state = "ok" if layer.working and not layer.problems else "FAIL" if layer.problems else "-"
        lines.append(f"{state}: {layer.path}")
        lines += [f"  problem: {p}" for p in layer.problems]
        lines += [f"  note: {n}" for n in layer.notes]
    lines += [f"problem: {b}" for b in blockers]
    will_run = not blockers and any(layer.working for layer in found)
    if will_run:
        lines.append("the hook will run for every tool call")
    else:
        lines.append("the hook will not run: fix the problems above")
    return will_run, lines


def _read(layer: Layer) -> dict[str, Any] | None:
    try:
        settings = json.loads(layer.path.read_text(encoding="utf-8") or "{}")
    except (OSError, UnicodeDecodeError) as exc:
        layer.problems.append(f"cannot read it: {exc}")
        return None
    except json.JSONDecodeError as exc:
        layer.problems.append(
            f"not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg}): the harness "
            "ignores the whole file"
        )
        return None
    if not isinstance(settings, dict):
        layer.problems.append("does not hold a JSON object: the harness ignores it")
        return None
    return settings


def _turned_off(harness: str, layer: Layer, settings: dict[str, Any], root: Path) -> list[str]:
    """Settings that stop every hook, wherever forethought's entry is."""
    where = layer.path
    if harness == "claude-code" and settings.get("disableAllHooks") is True:
        return [f"{where} sets disableAllHooks: Claude Code runs no hook at all"]
    if harness == "gemini":
        hooks = _table(settings, "hooks")
        config = _table(settings, "hooksConfig")
        tools = _table(settings, "tools")
        if False in (hooks.get("enabled"), config.get("enabled"), tools.get("enableHooks")):
            return [f"{where} turns hooks off: Gemini CLI runs no hook at all"]
    return []


def _codex_features() -> list[str]:
    config, error = _codex_config()
    if error:
        return [error]
    features = _table(config, "features")
    if False in (features.get("hooks"), features.get("codex_hooks")):
        return [f"{_codex_config_path()} sets [features] hooks = false: Codex runs no hook"]
    return []


def _check_entries(
    harness: str,
    layer: Layer,
    settings: dict[str, Any],
    root: Path,
    listed: dict[str, dict[str, Any]] | None,
) -> None:
    target = TARGETS[harness]
    if harness == "codex":
        extra = sorted(set(settings) - {"hooks", "description"})
        if extra:
            layer.problems.append(
                f"Codex refuses a hooks.json with fields other than 'hooks' and 'description' "
                f"(found {', '.join(extra)})"
            )
            return
    hooks = settings.get("hooks", {})
    groups = hooks.get(target.event, []) if isinstance(hooks, dict) else []
    if not isinstance(groups, list):
        layer.problems.append(f"'hooks.{target.event}' is not a list: the harness ignores it")
        return
    entries = [
        (g, h, group, entry)
        for g, group in enumerate(groups)
        if isinstance(group, dict) and isinstance(group.get("hooks"), list)
        for h, entry in enumerate(group["hooks"])
        if _is_ours(entry, harness)
    ]
    if not entries:
        layer.notes.append(f"no forethought {target.event} hook here")
        return
    for g, h, group, entry in entries:
        problems = _entry_problems(harness, group, entry, layer)
        if harness == "codex" and not problems:
            problems = (
                _codex_trust(layer, g, h, root)
                if listed is None
                else _codex_listed_trust(layer, g, h, root, listed)
            )
        if harness == "gemini" and layer.project and not problems:
            problems = _gemini_folder_trust(layer, root)
        if problems:
            layer.problems += problems
        else:
            layer.working += 1


def _entry_problems(
    harness: str, group: dict[str, Any], entry: dict[str, Any], layer: Layer
) -> list[str]:
    problems = []
    matcher = group.get("matcher")
    if matcher not in MATCH_ALL[harness]:
        problems.append(
            f"its matcher {matcher!r} leaves out tools (such as MCP tools or ones added later), "
            f"which then run unreviewed: reinstall with `forethought hook {harness} --install`"
        )
    if entry.get("type", "command") != "command":
        problems.append(f"its type is {entry.get('type')!r}, not 'command'")
    command = entry["command"]
    words = shlex.split(command.split(" || ", 1)[0])
    problems += _executable_problems(words[0])
    if "--policy" in words[:-1]:
        try:
            check_policy(Path(words[words.index("--policy") + 1]))
        except InstallError as exc:
            problems.append(str(exc).removesuffix("; nothing written") + ": every call is denied")
    if not command.endswith(guard(harness)):
        layer.notes.append(
            "the command has no guard: if forethought is removed or moved, the harness runs "
            f"every call unreviewed; reinstall with `forethought hook {harness} --install`"
        )
    return problems


def _executable_problems(executable: str) -> list[str]:
    path = Path(executable)
    if not path.is_absolute():
        return [f"{executable} is not an absolute path: the harness may not find it on its PATH"]
    if not path.is_file():
        return [f"{executable} does not exist (forethought was removed or moved)"]
    if not os.access(path, os.X_OK):
        return [f"{executable} is not executable"]
    try:
        ran = subprocess.run(
            [executable, "--version"], capture_output=True, text=True, timeout=60, check=False
        )
    except (OSError, subprocess.SubprocessError) as exc:
        return [f"{executable} does not run: {exc}"]
    if ran.returncode != 0 or "forethought" not in ran.stdout:
        detail = (ran.stderr.strip().splitlines() or ["no output"])[-1]
        return [f"{executable} --version failed (exit {ran.returncode}): {detail}"]
    return []


# --- Gemini CLI: folder trust ------------------------------------------------------------------


def _gemini_folder_trust(layer: Layer, root: Path) -> list[str]:
    """With folder trust on, Gemini CLI ignores an untrusted folder's settings."""
    home = harness_home("gemini")
    try:
        user = json.loads((home / "settings.json").read_text(encoding="utf-8") or "{}")
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        user = {}
    if _table(_table(user, "security"), "folderTrust").get("enabled") is not True:
        return []  # off by default: every folder counts as trusted
    try:
        rules = json.loads((home / "trustedFolders.json").read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        rules = {}
    trusted = False
    for folder, level in rules.items() if isinstance(rules, dict) else []:
        base = Path(folder).parent if level == "TRUST_PARENT" else Path(folder)
        if level in ("TRUST_FOLDER", "TRUST_PARENT") and root.is_relative_to(base):
            trusted = True
        if level == "DO_NOT_TRUST" and root == Path(folder):
            return [
                f"{root} is marked untrusted in {home / 'trustedFolders.json'}: Gemini CLI "
                f"ignores {layer.path}"
            ]
    if trusted:
        return []
    return [
        f"Gemini CLI's folder trust is on and {root} is not trusted, so it ignores {layer.path}: "
        "trust the folder when gemini asks"
    ]


# --- Codex: project trust and hook trust, as far as its config.toml shows them -----------------


def _codex_config_path() -> Path:
    return harness_home("codex") / "config.toml"


def _codex_config() -> tuple[dict[str, Any], str | None]:
    path = _codex_config_path()
    try:
        return tomllib.loads(path.read_text(encoding="utf-8")), None
    except FileNotFoundError:
        return {}, None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        return {}, f"{path}: cannot read Codex's trust settings: {exc}"


def _codex_trust(layer: Layer, group: int, handler: int, root: Path) -> list[str]:
    config, error = _codex_config()
    if error:
        return [error]
    config_path = _codex_config_path()
    problems = []
    if layer.project:
        projects = _table(config, "projects")
        entry = projects.get(str(root)) or projects.get(str(root.resolve())) or {}
        if not isinstance(entry, dict) or entry.get("trust_level") != "trusted":
            problems.append(
                f"Codex loads {layer.path.parent} only in a trusted project, and {root} is not "
                f'trusted: trust it when codex asks, or add [projects."{root}"] '
                f'trust_level = "trusted" to {config_path}'
            )
    hooks = _table(config, "hooks")
    states = _table(hooks, "state")
    keys = {f"{p}:pre_tool_use:{group}:{handler}" for p in (layer.path, layer.path.resolve())}
    state = next((states[k] for k in keys if isinstance(states.get(k), dict)), None)
    how = (
        f"start `codex` in {root}, type /hooks and trust the forethought hook (Codex asks again "
        "after any change to it; `codex exec --dangerously-bypass-hook-trust` runs hooks "
        "untrusted, for a one-off run whose hooks you checked yourself)"
    )
    if state is None or not state.get("trusted_hash"):
        problems.append(f"Codex has not trusted this hook, and skips it silently: {how}")
    elif state.get("enabled") is False:
        problems.append(f"the hook is turned off in Codex's /hooks screen ({config_path})")
    elif layer.path.stat().st_mtime > config_path.stat().st_mtime:
        problems.append(f"{layer.path} changed after Codex last recorded trust: {how}")
    else:
        layer.notes.append(
            "Codex trusts a hook by a hash of its exact definition, which forethought does not "
            "compute: if codex warns at start that hooks need review, open /hooks"
        )
    return problems


def _codex_listed(root: Path, timeout_s: float = 30.0) -> dict[str, dict[str, Any]] | None:
    """Codex's own list of the hooks it would run in ``root`` (by key), from ``codex app-server``
    (its hooks/list, what its /hooks screen shows); None where no codex is on PATH or it does
    not answer, and the check falls back to reading config.toml."""
    codex = shutil.which("codex")
    if codex is None:
        return None
    messages: list[dict[str, Any]] = [
        {
            "id": 1,
            "method": "initialize",
            "params": {"clientInfo": {"name": "forethought", "version": "1"}},
        },
        {"method": "initialized", "params": {}},
        {"id": 2, "method": "hooks/list", "params": {"cwds": [str(root)]}},
    ]
    try:
        server = subprocess.Popen(
            [codex, "app-server"],
            cwd=root,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
    except OSError:
        return None
    assert server.stdin is not None and server.stdout is not None
    try:
        server.stdin.write(
            b"".join(json.dumps({"jsonrpc": "2.0", **m}).encode() + b"\n" for m in messages)
        )
        server.stdin.flush()  # stdin stays open: the server stops reading at its end
        fd, pending, deadline = server.stdout.fileno(), b"", time.monotonic() + timeout_s
        while (left := deadline - time.monotonic()) > 0:
            if not select.select([fd], [], [], left)[0]:
                return None
            chunk = os.read(fd, 65536)
            if not chunk:
                return None
            pending += chunk
            *lines, pending = pending.split(b"\n")
            for line in lines:
                try:
                    message = json.loads(line)
                except ValueError:
                    continue
                if isinstance(message, dict) and message.get("id") == 2:
                    data = _table(message, "result").get("data")
                    return (
                        {
                            str(hook["key"]): hook
                            for entry in (data if isinstance(data, list) else [])
                            if isinstance(entry, dict) and isinstance(entry.get("hooks"), list)
                            for hook in entry["hooks"]
                            if isinstance(hook, dict) and "key" in hook
                        }
                        if "result" in message
                        else None
                    )
        return None
    except OSError:
        return None
    finally:
        server.kill()
        server.wait()


def _codex_listed_trust(
    layer: Layer, group: int, handler: int, root: Path, listed: dict[str, dict[str, Any]]
) -> list[str]:
    keys = [f"{p}:pre_tool_use:{group}:{handler}" for p in (layer.path, layer.path.resolve())]
    hook = next((listed[k] for k in keys if k in listed), None)
    how = (
        f"start `codex` in {root}, type /hooks and trust the forethought hook (Codex asks again "
        "after any change to it)"
    )
    if hook is None:
        if layer.project:
            return [
                f"Codex does not load {layer.path}: it reads a project's .codex/ only in a "
                f"trusted project; trust {root} when codex asks, or add "
                f'[projects."{root}"] trust_level = "trusted" to {_codex_config_path()}'
            ]
        return ["Codex does not list this hook as one it would run (codex app-server hooks/list)"]
    if hook.get("enabled") is False:
        return ["the hook is turned off in Codex's /hooks screen"]
    status = hook.get("trustStatus")
    if status != "trusted":
        return [f"Codex reports this hook as {status}, and skips it silently: {how}"]
    layer.notes.append("Codex itself reports this hook trusted and enabled (codex app-server)")
    return []


def codex_instructions(path: Path, root: Path, *, project: bool) -> list[str]:
    """What a user must do after installing the Codex hook before Codex runs it."""
    lines = [
        "Codex does not run this hook until you trust it: start `codex`"
        + (f" in {root}" if project else "")
        + ", type /hooks and trust the forethought hook (again after any change to it)."
    ]
    if project:
        lines.append(
            f"Codex reads {path.parent} only in a trusted project: trust {root} when codex asks, "
            f'or add [projects."{root}"] trust_level = "trusted" to {_codex_config_path()}.'
        )
    lines.append("Then `forethought hook codex --check` says whether it will run.")
    return lines
