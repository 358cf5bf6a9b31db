"""``forethought hook HARNESS --install``: add the hook to a harness's settings file.

Merges into what is there: other settings and other hooks are kept, an earlier forethought
entry for the same harness is replaced (so installing twice changes nothing), and the file is
replaced atomically. A settings file that is not valid JSON is left untouched.

The hook matches every tool the harness has (forethought reviews a tool it does not know as
unknown), and its command is guarded so that a forethought that is missing, moved or broken
blocks the call (exit 2) instead of letting it through. ``--check`` (:mod:`.hookcheck`) says
whether the installed hook will actually run.
"""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from forethought.ledger.config import ledger_target


class InstallError(ValueError):
    """The settings file cannot be updated; the message names it and what is wrong."""


@dataclass(frozen=True, slots=True)
class Target:
    directory: str  # under the project root or the home directory
    filename: str
    event: str
    matcher: str | None
    timeout: int  # in the harness's own unit


# Every tool: a list of names misses the ones a harness adds or renames (Gemini CLI's
# grep_search, its mcp_<server>_<tool> names), and a tool the hook never sees is never reviewed.
# forethought judges what it knows and reviews an unknown tool as unknown.
TARGETS = {
    "claude-code": Target(".claude", "settings.json", "PreToolUse", "*", 60),  # seconds
    "codex": Target(".codex", "hooks.json", "PreToolUse", None, 60),  # no matcher: every tool
    # Gemini CLI's matcher is a regular expression.
    "gemini": Target(".gemini", "settings.json", "BeforeTool", ".*", 60_000),  # milliseconds
}

# Matchers each harness runs for every tool (None: the group has no matcher).
MATCH_ALL: dict[str, frozenset[str | None]] = {
    "claude-code": frozenset({None, "", "*", ".*"}),
    "codex": frozenset({None, "", "*", ".*"}),
    "gemini": frozenset({None, "", ".*", "^.*$", ".+", "^.+$"}),
}


# After the hook command: a forethought that cannot start (not found: 127, not executable: 126)
# or that fails in any other way exits non-zero, which these harnesses take as "go ahead".
# Exit 2 blocks in all three, with stderr as the reason. The hook's own refusals are exit 0
# with a JSON answer, or exit 2 with its reason already on stderr.
def guard(harness: str) -> str:
    """What follows the hook command: exit 2, with a line on stderr, unless it exited 0 or 2."""
    return (
        '|| { s=$?; [ "$s" -eq 2 ] || echo "forethought: the hook could not run (exit $s), so '
        f'this tool call is blocked; see: forethought hook {harness} --check" >&2; exit 2; }}'
    )


def project_root(start: Path | None = None) -> tuple[Path, str | None]:
    """The project's root: the git work tree holding ``start`` (default: the current directory),
    else ``start`` itself with a note saying so."""
    here = (start or Path.cwd()).resolve()
    try:
        found = subprocess.run(
            ["git", "rev-parse", "--show-toplevel"],
            cwd=here,
            capture_output=True,
            text=True,
            timeout=30,
        )
    except (OSError, subprocess.SubprocessError):
        found = None
    if found is not None and found.returncode == 0 and found.stdout.strip():
        return Path(found.stdout.strip()).resolve(), None
    return here, f"{here} is not in a git work tree; using it as the project root"


def settings_path(harness: str, *, project: bool, root: Path | None = None) -> Path:
    target = TARGETS[harness]
    if project:
        return (root or Path.cwd()) / target.directory / target.filename
    return harness_home(harness) / target.filename


def harness_home(harness: str) -> Path:
    """The harness's user directory (Codex honours $CODEX_HOME)."""
    if harness == "codex" and os.environ.get("CODEX_HOME"):
        return Path(os.environ["CODEX_HOME"]).expanduser()
    return Path.home() / TARGETS[harness].directory


def hook_command(
    harness: str,
    *,
    policy_path: Path | None,
    ledger_path: Path | str | None,
    grant: bool,
    server: bool = True,
) -> str:
    """The command line the harness runs: forethought's absolute path, then the guard.

    A bare ``forethought`` that is not on the harness's PATH fails to start, and a hook that
    fails to start lets every call through; the guard turns that into a block.
    """
    words = [_executable(), "hook", harness]
    if policy_path is not None:
        words += ["--policy", str(policy_path.expanduser().resolve())]
    if ledger_path is not None:
        chosen = ledger_target(ledger_path)
        words += ["--ledger", str(chosen.resolve()) if isinstance(chosen, Path) else chosen]
    if grant:
        words.append("--grant")
    if not server:
        words.append("--no-server")
    return f"{shlex.join(words)} {guard(harness)}"


def _executable() -> str:
    """forethought's absolute path, links kept: a link such as pipx's or Homebrew's stays valid
    across upgrades, where its versioned target would not."""
    launched = Path(sys.argv[0])
    if launched.name == "forethought" and launched.is_file():
        return os.path.abspath(launched)
    found = shutil.which("forethought")
    if found:
        return os.path.abspath(found)
    beside = Path(sys.executable).parent / "forethought"  # the venv's script, off PATH
    if beside.is_file() and os.access(beside, os.X_OK):
        return str(beside)
    raise InstallError(
        "cannot find the forethought executable to put in the hook (not on PATH, nor beside "
        f"{sys.executable}); nothing written"
    )


def check_policy(policy_path: Path | None) -> None:
    """Refuse to install a hook whose --policy is missing or unusable (it would deny every
    call)."""
    if policy_path is None:
        return
    from forethought.policy import PolicyError, load_policy

    resolved = policy_path.expanduser()
    if not resolved.is_file():
        raise InstallError(f"--policy {policy_path}: no such file; nothing written")
    try:
        load_policy(resolved)
    except PolicyError as exc:
        raise InstallError(f"{exc}; nothing written") from None


def install(
    harness: str,
    *,
    project: bool = True,
    policy_path: Path | None = None,
    ledger_path: Path | str | None = None,
    grant: bool = False,
    root: Path | None = None,
    server: bool = True,
) -> tuple[Path, bool]:
    """Write the hook into the settings file; returns the file and whether it changed."""
    check_policy(policy_path)
    path = settings_path(harness, project=project, root=root)
    command = hook_command(
        harness, policy_path=policy_path, ledger_path=ledger_path, grant=grant, server=server
    )
    settings = _load(path)
    updated = merged(settings, harness, command)
    if updated == settings and path.exists():
        return path, False
    _write_atomically(path, updated)
    return path, True


def merged(settings: dict[str, Any], harness: str, command: str) -> dict[str, Any]:
    """``settings`` with exactly one forethought hook for ``harness``, other hooks kept."""
    target = TARGETS[harness]
    hooks = settings.get("hooks", {})
    if not isinstance(hooks, dict):
        raise InstallError("'hooks' must be a JSON object")
    groups = hooks.get(target.event, [])
    if not isinstance(groups, list):
        raise InstallError(f"'hooks.{target.event}' must be a JSON array")
    kept = [g for g in (_without_ours(g, harness) for g in groups) if g is not None]
    entry: dict[str, Any] = {"type": "command", "command": command, "timeout": target.timeout}
    if harness == "gemini":
        entry["name"] = "forethought"
    group: dict[str, Any] = {"hooks": [entry]}
    if target.matcher is not None:
        group = {"matcher": target.matcher, **group}
    return {**settings, "hooks": {**hooks, target.event: [*kept, group]}}


def _without_ours(group: Any, harness: str) -> Any:
    """The matcher group minus forethought's own hook for this harness (None if it is empty)."""
    if not isinstance(group, dict) or not isinstance(group.get("hooks"), list):
        return group
    others = [h for h in group["hooks"] if not _is_ours(h, harness)]
    if len(others) == len(group["hooks"]):
        return group
    return {**group, "hooks": others} if others else None


def _is_ours(entry: Any, harness: str) -> bool:
    if not isinstance(entry, dict) or not isinstance(entry.get("command"), str):
        return False
    try:
        words = shlex.split(entry["command"])
    except ValueError:
        return False
    return (
        len(words) >= 3 and Path(words[0]).name == "forethought" and words[1:3] == ["hook", harness]
    )


def _load(path: Path) -> dict[str, Any]:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError) as exc:
        raise InstallError(f"{path}: cannot read: {exc}") from None
    if not text.strip():
        return {}
    try:
        settings = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InstallError(
            f"{path}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg}); "
            "left unchanged"
        ) from None
    if not isinstance(settings, dict):
        raise InstallError(f"{path}: must hold a JSON object; left unchanged")
    return settings


def _write_atomically(path: Path, settings: dict[str, Any]) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump(settings, f, indent=2, ensure_ascii=False)
                f.write("\n")
                f.flush()
                os.fsync(f.fileno())
            os.chmod(tmp, mode)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise InstallError(f"{path}: cannot write: {exc.strerror or exc}") from None
