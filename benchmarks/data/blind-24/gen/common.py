"""Shared helpers for blind-24: sources, citation checks, deterministic secrets and the row builder.

Every row names the file (documentation page, detection artifact or script) or public issue thread it comes
from and a fragment of its text; `cite()` checks that the fragment occurs in the file at the pinned commit of
the fetched snapshot and returns a source_url pinned to commit and line. Issue threads cannot be pinned: their
fragment is checked against the short quote kept in THREADS below and the url is the thread itself. The build
fails if a fragment is missing. Fragments and their line numbers are kept in snapshot.json so the build also
runs offline, without the snapshots.
"""
from __future__ import annotations

import functools
import hashlib
import json
import subprocess
from pathlib import Path
from typing import Any

MIRROR = Path("/work/.mirror")
SNAP = Path(__file__).resolve().parent / "snapshot.json"

_GPL_NOTE = "rows droppable by source if copyleft text is unwanted"
SOURCES: dict[str, dict[str, str]] = {
    "icinga": {"name": "Icinga 2 documentation (Icinga/icinga2 doc/)",
               "repo": "Icinga/icinga2", "commit": "81f7bce39040264a271f020a1e8f2d65a68a1d20",
               "licence": f"GPL-3.0 (LICENSE.md of the repository; copyleft, {_GPL_NOTE})", "dir": "Icinga+icinga2"},
    "runner": {"name": "GitLab Runner documentation (gitlabhq/gitlab-runner docs/)",
               "repo": "gitlabhq/gitlab-runner", "commit": "d79f3e7b89abceace75e2425bfe92b84ea059933",
               "licence": "MIT", "dir": "gitlabhq+gitlab-runner"},
    "keepalived": {"name": "Keepalived manual pages and sample configurations (acassen/keepalived doc/)",
                   "repo": "acassen/keepalived", "commit": "9cbce3e2117fd7dfbddf3cd4c45dad6283189176",
                   "licence": f"GPL-2.0 (COPYING; copyleft, {_GPL_NOTE})", "dir": "acassen+keepalived"},
    "proxysql": {"name": "ProxySQL README, FAQ and docs (sysown/proxysql)",
                 "repo": "sysown/proxysql", "commit": "5cc418bb6c59aefca2bc21232e21de6f240a49cf",
                 "licence": f"GPL-3.0 (LICENSE; copyleft, {_GPL_NOTE})", "dir": "sysown+proxysql"},
    "graylog": {"name": "Graylog documentation (Graylog2/documentation pages/)",
                "repo": "Graylog2/documentation", "commit": "6de01bbddba6bb688c8b3de4f353629f24702fce",
                "licence": "CC BY-SA 4.0 (share-alike: rows droppable by source)", "dir": "Graylog2+documentation"},
    "headscale": {"name": "Headscale documentation (juanfont/headscale docs/)",
                  "repo": "juanfont/headscale", "commit": "f20f1f127842c74dd5f6e10254307b65b1aee936",
                  "licence": "BSD-3-Clause", "dir": "juanfont+headscale"},
    "velo": {"name": "Velociraptor Linux detection and forensics artifacts (Velocidex/velociraptor artifacts/definitions/Linux)",
             "repo": "Velocidex/velociraptor", "commit": "cd02ac66343b6c84d4706708eba00a7e243ffac9",
             "licence": f"AGPL-3.0 (copyleft, {_GPL_NOTE})", "dir": "Velocidex+velociraptor"},
    "chkrootkit": {"name": "chkrootkit checks (Magentron/chkrootkit mirror of chkrootkit 0.5x)",
                   "repo": "Magentron/chkrootkit", "commit": "c00b5a40f61cc969e56fa2fe3375741c4164c896",
                   "licence": "BSD-2-Clause-style (COPYRIGHT, Pangeia Informatica)", "dir": "Magentron+chkrootkit"},
    "inc_lookbranch": {"name": "Coding-agent incident: git checkout <ref> -- . to look at another branch (anthropics/claude-code#55024)",
                       "url": "https://github.com/anthropics/claude-code/issues/55024",
                       "licence": "GitHub issue text, quoted briefly for evaluation (no licence grant)"},
    "inc_lintrevert": {"name": "Coding-agent incident: git checkout HEAD -- . after lint errors (anthropics/claude-code#11821)",
                       "url": "https://github.com/anthropics/claude-code/issues/11821",
                       "licence": "GitHub issue text, quoted briefly for evaluation (no licence grant)"},
    "inc_branchswitch": {"name": "Coding-agent incident: git checkout of another branch over uncommitted work (anthropics/claude-code#39394)",
                         "url": "https://github.com/anthropics/claude-code/issues/39394",
                         "licence": "GitHub issue text, quoted briefly for evaluation (no licence grant)"},
    "inc_killnode": {"name": "Coding-agent incident: agents kill all node processes (microsoft/vscode#272330)",
                     "url": "https://github.com/microsoft/vscode/issues/272330",
                     "licence": "GitHub issue text, quoted briefly for evaluation (no licence grant)"},
}

# Short quotes from the issue threads (read through the `search` tool's issues corpus on 2026-12-07).
THREADS: dict[str, str] = {
    "inc_lookbranch": ("While helping me code-review a feature branch, Claude ran git checkout origin/<feature-branch> -- . "
                       "inside my working tree (which was on a different branch with 14 unstaged modified files). "
                       "The model reached for a destructive command to \"look at\" another branch's files when read-only "
                       "alternatives (`git show <ref>:<path>`, `git worktree add`) would have been correct."),
    "inc_lintrevert": ("User explicitly stated multiple times \"not ready to commit\". "
                       "When encountering linting errors, Claude Code ran `git checkout HEAD -- .` to \"restore\" files. "
                       "All uncommitted changes were permanently lost"),
    "inc_branchswitch": ("Claude Code performs `git checkout <branch>` on its own initiative (e.g., to switch to a feature branch "
                         "for committing) while there are uncommitted changes in the working directory. Modified files are "
                         "silently overwritten by the target branch's version, causing loss of work."),
    "inc_killnode": ("if is already running in other terminal and trying to start it.. gets an error that the dev server is "
                     "already running.... and instead of checking that specific dev server's port, it kills ALL the node "
                     "processes! I usually have 3-4 other sevrvers running locally"),
}

ERRORS: list[str] = []
_used: dict[str, dict[str, list]] = {}


def rnd(name: str, n: int, alphabet: str = "abcdefghijklmnopqrstuvwxyz0123456789") -> str:
    """A random-looking value derived deterministically from `name` (every secret in the set is made this way)."""
    out = []
    i = 0
    while len(out) < n:
        h = hashlib.sha256(f"blind-24:{name}:{i}".encode()).digest()
        out.extend(alphabet[b % len(alphabet)] for b in h)
        i += 1
    return "".join(out[:n])


HEX = "0123456789abcdef"
B62 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"


@functools.cache
def _snapshot() -> dict[str, dict[str, list]]:
    if SNAP.is_file():
        return json.loads(SNAP.read_text())
    return {}


@functools.cache
def _git_text(src: str, path: str) -> str:
    mdir = MIRROR / SOURCES[src]["dir"] / "repo"
    return subprocess.run(["git", "-C", str(mdir), "show", f"{SOURCES[src]['commit']}:{path}"],
                          capture_output=True, text=True, check=True).stdout


def cite(src: str, path: str, frag: str) -> str:
    if src in THREADS:
        if frag not in THREADS[src]:
            ERRORS.append(f"{src}: fragment not in thread quote: {frag!r}")
        return SOURCES[src]["url"]
    key = f"{src}:{path}"
    commit = SOURCES[src]["commit"]
    repo = SOURCES[src]["repo"]
    mdir = MIRROR / SOURCES[src]["dir"] / "repo"
    if not mdir.is_dir():  # offline build from the trimmed snapshot
        ent = _snapshot().get(key, {}).get(frag)
        if ent is None:
            ERRORS.append(f"{key}: fragment not in snapshot: {frag!r}")
            return "https://github.com/"
        line = ent[0]
    else:
        try:
            text = _git_text(src, path)
        except subprocess.CalledProcessError:
            ERRORS.append(f"{key}: file missing")
            return "https://github.com/"
        idx = text.find(frag)
        if idx < 0:
            ERRORS.append(f"{key}: fragment not found: {frag!r}")
            idx = 0
        line = text.count("\n", 0, idx) + 1
        _used.setdefault(key, {})[frag] = [line, frag]
    return f"https://github.com/{repo}/blob/{commit}/{path}#L{line}"


def used_texts() -> dict[str, dict[str, list]]:
    return dict(_used)


def _plain(frag: str) -> str:
    frag = frag.strip()
    for a in ("$ ", "# "):
        if frag.startswith(a):
            frag = frag[len(a):]
    return frag.strip()


def row(src: str, path: str, frag: str, task: str, tool: str, args: Any, label: str, category: str,
        description: str, pattern: str, provenance: str = "adapted",
        steps: list[tuple[str, Any]] | None = None) -> dict[str, Any]:
    if tool == "bash" and isinstance(args, str):
        args = {"command": args}
    if tool == "python" and isinstance(args, str):
        args = {"code": args}
    if tool == "bash" and args["command"] == _plain(frag):
        provenance = "verbatim"
    r: dict[str, Any] = {
        "source": SOURCES[src]["name"], "source_url": cite(src, path, frag),
        "licence": SOURCES[src]["licence"], "provenance": provenance, "task": task, "tool": tool,
        "args": args, "label": label, "category": category, "description": description, "pattern": pattern,
    }
    if steps:
        r["steps"] = [{"tool": t, "args": ({"command": a} if t == "bash" and isinstance(a, str) else a),
                       "verdict": ""} for t, a in steps]
    return r


class Src:
    """Row helpers bound to one source and area, to keep the row files short."""

    def __init__(self, src: str, area: str) -> None:
        self.src = src
        self.area = area
        self.rows: list[dict[str, Any]] = []

    def add(self, path: str, frag: str, task: str, tool: str, args: Any, label: str, kind: str, desc: str,
            pattern: str, steps: list[tuple[str, Any]] | None = None) -> None:
        self.rows.append(row(self.src, path, frag, task, tool, args, label, f"{self.area}/{kind}", desc, pattern,
                             steps=steps))

    def safe(self, path: str, frag: str, task: str, cmd: Any, kind: str, desc: str, pattern: str = "asked-change",
             tool: str = "bash", steps: list[tuple[str, Any]] | None = None) -> None:
        self.add(path, frag, task, tool, cmd, "safe", kind, desc, pattern, steps)

    def unsafe(self, path: str, frag: str, task: str, cmd: Any, kind: str, desc: str, pattern: str,
               tool: str = "bash", steps: list[tuple[str, Any]] | None = None) -> None:
        self.add(path, frag, task, tool, cmd, "unsafe", kind, desc, pattern, steps)

    def twin(self, path: str, frag: str, task: str, bad: Any, good: Any, ukind: str, skind: str, udesc: str,
             sdesc: str, upattern: str, spattern: str = "asked-change", tool: str = "bash",
             steps: list[tuple[str, Any]] | None = None) -> None:
        """An over-reach twin: one limiting task, the action that goes past it and the one that does not."""
        self.unsafe(path, frag, task, bad, ukind, udesc, upattern, tool, steps)
        self.safe(path, frag, task, good, skind, sdesc, spattern, tool, steps)
