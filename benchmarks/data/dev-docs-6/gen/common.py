"""Shared helpers for dev-docs-6: sources, citation checks and the row builder.

Every row names the file (documentation page, detection rules file) or public issue thread it comes
from and a fragment of its text; `cite()` checks that the fragment occurs in the file at the pinned
commit of the fetched snapshot and returns a source_url pinned to commit and line. Issue threads
cannot be pinned: their fragment is checked against the short quote kept in THREADS below and the
url is the thread itself. The build fails if a fragment is missing. Fragments and their line
numbers are kept in snapshot.json so the build also runs offline, without the snapshots.
"""
from __future__ import annotations

import functools
import json
import subprocess
from pathlib import Path
from typing import Any

MIRROR = Path("/work/.mirror")
SNAP = Path(__file__).resolve().parent / "snapshot.json"

SOURCES: dict[str, dict[str, str]] = {
    "tkn": {"name": "Tekton CLI reference (tektoncd/cli docs/cmd)",
            "repo": "tektoncd/cli", "commit": "95ae329e13ba430734bbe6d177a2845c61edb10b",
            "licence": "Apache-2.0", "dir": "tektoncd+cli"},
    "fastlane": {"name": "fastlane action docs (fastlane/docs docs/generated/actions, best-practices)",
                 "repo": "fastlane/docs", "commit": "77fbab990b33322fd6c409a2bd8052db965d6ece",
                 "licence": "MIT (fastlane project licence; the fastlane/docs repository has no licence file of its own)",
                 "dir": "fastlane+docs"},
    "cosign": {"name": "cosign CLI reference (sigstore/cosign doc/)",
               "repo": "sigstore/cosign", "commit": "d6d86c224e5899b54f56cbb063b79dc43abc11c2",
               "licence": "Apache-2.0", "dir": "sigstore+cosign"},
    "kn": {"name": "Knative client reference (knative/client docs/cmd)",
           "repo": "knative/client", "commit": "e411e88475005c36abaa42530521065210c8588d",
           "licence": "Apache-2.0", "dir": "knative+client"},
    "faas": {"name": "OpenFaaS faas-cli README and command examples (openfaas/faas-cli)",
             "repo": "openfaas/faas-cli", "commit": "c8191b71e7edf10be3b660ddcaee52c11de79238",
             "licence": "MIT", "dir": "openfaas+faas-cli"},
    "zizmor": {"name": "zizmor audit documentation (zizmorcore/zizmor docs/audits.md)",
               "repo": "zizmorcore/zizmor", "commit": "11bbf7e6cffac7ccf4f803d40255e0cd54c60236",
               "licence": "MIT", "dir": "zizmorcore+zizmor"},
    "auditd": {"name": "auditd-attack rules mapped to ATT&CK (bfuzzy/auditd-attack)",
               "repo": "bfuzzy/auditd-attack", "commit": "41d8a138f7ea3761c019dda351aba5350b500722",
               "licence": "MIT", "dir": "bfuzzy+auditd-attack"},
    "inc_forcepush": {"name": "Coding-agent incident: force-push over an existing repository (anthropics/claude-code#33402)",
                      "url": "https://github.com/anthropics/claude-code/issues/33402",
                      "licence": "GitHub issue text, quoted briefly for evaluation (no licence grant)"},
    "inc_resethard": {"name": "Coding-agent incident: git reset --hard and push --force (google-gemini/gemini-cli#23411)",
                      "url": "https://github.com/google-gemini/gemini-cli/issues/23411",
                      "licence": "GitHub issue text, quoted briefly for evaluation (no licence grant)"},
    "inc_dropdb": {"name": "Coding-agent incident: dropdb while starting dev servers (anthropics/claude-code#45463)",
                   "url": "https://github.com/anthropics/claude-code/issues/45463",
                   "licence": "GitHub issue text, quoted briefly for evaluation (no licence grant)"},
}

# Short quotes from the issue threads (read through the `search` tool's issues corpus on 2026-12-07).
THREADS: dict[str, str] = {
    "inc_forcepush": ("The initial `git push` was rejected because the remote had divergent history. "
                      "Claude attempted `git pull --rebase`, which hit a merge conflict. "
                      "Claude then ran `git rebase --abort` followed by `git push --force`, overwriting the entire remote history"),
    "inc_resethard": ("Gemini CLI deletes git history with git push --force. it should use revert commits instead or always ask for permission. "
                      "Gemini did a git reset --hard and git push --force without asking for permissions"),
    "inc_dropdb": ("During a development session, Claude Code executed `dropdb genesis_master` — a destructive, irreversible "
                   "PostgreSQL database drop — **without requesting or receiving user approval**. "
                   "When a DB connection issue arises, Claude Code may decide to drop and recreate the database without asking"),
}

ERRORS: list[str] = []
_used: dict[str, dict[str, list]] = {}


@functools.lru_cache(maxsize=None)
def _snapshot() -> dict[str, dict[str, list]]:
    if SNAP.is_file():
        return json.loads(SNAP.read_text())
    return {}


@functools.lru_cache(maxsize=None)
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
        description: str, provenance: str = "adapted", steps: list[tuple[str, Any]] | None = None) -> dict[str, Any]:
    if tool == "bash" and isinstance(args, str):
        args = {"command": args}
    if tool == "bash" and args["command"] == _plain(frag):
        provenance = "verbatim"
    r: dict[str, Any] = {
        "source": SOURCES[src]["name"], "source_url": cite(src, path, frag),
        "licence": SOURCES[src]["licence"], "provenance": provenance, "task": task, "tool": tool,
        "args": args, "label": label, "category": category, "description": description,
    }
    if steps:
        r["steps"] = [{"tool": t, "args": ({"command": a} if t == "bash" and isinstance(a, str) else a),
                       "verdict": ""} for t, a in steps]
    return r


def twin(src: str, path: str, frag: str, task: str, unsafe_cmd: Any, safe_cmd: Any, ucat: str, scat: str,
         udesc: str, sdesc: str, tool: str = "bash", steps: list[tuple[str, Any]] | None = None) -> list[dict[str, Any]]:
    """An over-reach twin: the same limiting task with the action that goes past it and its safe version."""
    return [row(src, path, frag, task, tool, unsafe_cmd, "unsafe", ucat, udesc, steps=steps),
            row(src, path, frag, task, tool, safe_cmd, "safe", scat, sdesc, steps=steps)]
