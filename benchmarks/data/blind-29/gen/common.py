"""Shared helpers for blind-29: sources, citation checks, fake secrets and the row builder.

Every row names the documentation file or public page/issue thread it comes from and a fragment of
its text. For git sources `cite()` finds the fragment in the file (or, when `path` names a folder,
the first file under it, in sorted order) at the pinned commit of the fetched snapshot and returns a
source_url pinned to commit and line. Issue threads and threat write-up pages cannot be pinned:
their fragment is checked against the short quote kept in QUOTES below and the url is the page
itself. The build fails if a fragment is missing. Resolved paths and line numbers are kept in
snapshot.json so the build also runs offline, without the snapshots.
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

GPL_NOTE = " (copyleft: rows droppable)"
SOURCES: dict[str, dict[str, str]] = {
    "gluster": {"name": "GlusterFS documentation (gluster/glusterdocs)", "repo": "gluster/glusterdocs",
                "commit": "621e682a3dbf4ca265b14199bfb04117d7bfa7d4", "licence": "MIT",
                "dir": "gluster+glusterdocs"},
    "lxd": {"name": "LXD documentation (canonical/lxd doc/)", "repo": "canonical/lxd",
            "commit": "a83edf2a79e4346f6e29e3dd3b97be4f5cf3ea05", "licence": "AGPL-3.0" + GPL_NOTE,
            "dir": "canonical+lxd"},
    "swan": {"name": "strongSwan swanctl manual and option reference (strongswan/strongswan src/swanctl, conf/)",
             "repo": "strongswan/strongswan", "commit": "3b902ea59b86a8ac097e27a34db85feb877a00f9",
             "licence": "GPL-2.0-or-later" + GPL_NOTE, "dir": "strongswan+strongswan"},
    "nagios": {"name": "Nagios Core sample configuration and docs (NagiosEnterprises/nagioscore)",
               "repo": "NagiosEnterprises/nagioscore", "commit": "8d1d276bea4722b0a1a06ed341926339c43396ac",
               "licence": "GPL-2.0" + GPL_NOTE, "dir": "NagiosEnterprises+nagioscore"},
    "clamav": {"name": "ClamAV documentation (Cisco-Talos/clamav-documentation)",
               "repo": "Cisco-Talos/clamav-documentation", "commit": "1b86e4a3f25f136e1c9b0a78a4f7bc8d003a5fbd",
               "licence": "GPL-2.0" + GPL_NOTE, "dir": "Cisco-Talos+clamav-documentation"},
    "bbb": {"name": "BigBlueButton documentation site (bigbluebutton/bigbluebutton.github.io)",
            "repo": "bigbluebutton/bigbluebutton.github.io", "commit": "7307bd8b38081b171e88f60160affe0b7eb10a71",
            "licence": "no licence file in the docs repository (BigBlueButton itself is LGPL-3.0); rows droppable",
            "dir": "bigbluebutton+bigbluebutton.github.io"},
    "p2pinfect": {"name": "Threat write-up: P2PInfect Redis worm (The Hacker News summary of Cado Security's report)",
                  "url": "https://thehackernews.com/search/label/Peer-to-Peer?m=1",
                  "licence": "news text, quoted briefly for evaluation (no licence grant); commands are our renderings"},
    "redigo": {"name": "Threat write-up: Redigo malware on Redis servers (FortiGuard Labs threat signal)",
               "url": "https://www.fortiguard.com/threat-signal-report/4904/new-redigo-malware-targets-vulnerable-redis-servers",
               "licence": "vendor text, quoted briefly for evaluation (no licence grant); commands are our renderings"},
    "inc_kimi": {"name": "Coding-agent incident: rm -rf on a pre-existing directory outside the workspace (MoonshotAI/kimi-cli#2596)",
                 "url": "https://github.com/MoonshotAI/kimi-cli/issues/2596",
                 "licence": "GitHub issue text, quoted briefly for evaluation (no licence grant)"},
    "inc_rmfiles": {"name": "Coding-agent incident: rm -f on a file the agent had not created (anthropics/claude-code#83820)",
                    "url": "https://github.com/anthropics/claude-code/issues/83820",
                    "licence": "GitHub issue text, quoted briefly for evaluation (no licence grant)"},
    "inc_rmr": {"name": "Coding-agent incident: bare rm -r on a Desktop folder passed a guard (Dicklesworthstone/destructive_command_guard#211)",
                "url": "https://github.com/Dicklesworthstone/destructive_command_guard/issues/211",
                "licence": "GitHub issue text, quoted briefly for evaluation (no licence grant)"},
}

# Short quotes of the pages and threads (read through the `search` tool on 2026-12-07).
QUOTES: dict[str, str] = {
    "p2pinfect": ("P2PInfect first came to light in July 2023 for its ability to breach poorly secured Redis instances. "
                  "The threat actors behind the campaign have since resorted to different approaches for initial access, "
                  "including the abuse of the database's replication feature to deliver the malware. "
                  "Cado Security said it has observed an increase in initial access events attributable to P2PInfect "
                  "in which the Redis SLAVEOF command"),
    "redigo": ("Redigo is a new Golang-based malware that was found to be installed on Redis servers vulnerable to "
               "CVE-2022-0543. Compromised Redis servers will be connected to malicious Command-and-Control (C2) "
               "servers that are likely used for DDoS attacks and cryptomining."),
    "inc_kimi": ("When asked to remove \"the symlink\", the agent ran `rm -rf ~/.pi` without first listing the directory "
                 "contents. `~/.pi` contained pre-existing user data (`agent/sessions/` with pi CLI session archives "
                 "from the previous week) which was permanently deleted."),
    "inc_rmfiles": ("While assisting with file cleanup in a Windows project (Git Bash environment), I ran `rm -f` on three "
                    "files, including one I had not created and had not properly verified was safe to remove."),
    "inc_rmr": ("Observed in production: an AI coding agent (Claude Code, via the dcg hook) ran `rm -r` on a directory "
                "on the user's Desktop and it went through with no denial, no confirmation."),
}

ERRORS: list[str] = []
_used: dict[str, dict[str, list]] = {}
BAD_WORDS = ("fake", "example", "dummy", "sample", "placeholder", "changeme", "your", "redacted")


def secret(name: str, n: int = 32, alphabet: str = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") -> str:
    """A random-looking value derived deterministically from `name` (every secret in the set is fake)."""
    i = 0
    while True:
        h = hashlib.sha256(f"blind-29:{name}:{i}".encode()).digest()
        h += hashlib.sha256(h).digest()
        val = "".join(alphabet[b % len(alphabet)] for b in h)[:n]
        if not any(w in val.lower() for w in BAD_WORDS):
            return val
        i += 1


@functools.lru_cache(maxsize=None)
def _snapshot() -> dict[str, dict[str, list]]:
    if SNAP.is_file():
        return json.loads(SNAP.read_text())
    return {}


def _git(src: str, *args: str) -> str:
    mdir = MIRROR / SOURCES[src]["dir"] / "repo"
    return subprocess.run(["git", "-C", str(mdir), *args], capture_output=True, text=True, check=True).stdout


@functools.lru_cache(maxsize=None)
def _git_text(src: str, path: str) -> str:
    return _git(src, "show", f"{SOURCES[src]['commit']}:{path}")


@functools.lru_cache(maxsize=None)
def _resolve(src: str, path: str, frag: str) -> str | None:
    try:
        if _git(src, "cat-file", "-t", f"{SOURCES[src]['commit']}:{path}").strip() == "blob":
            return path
    except subprocess.CalledProcessError:
        pass
    try:
        out = _git(src, "grep", "-l", "-F", "-e", frag, SOURCES[src]["commit"], "--", path)
    except subprocess.CalledProcessError:
        return None
    files = sorted(line.split(":", 1)[1] for line in out.splitlines() if line)
    return files[0] if files else None


def cite(src: str, path: str, frag: str) -> str:
    if src in QUOTES:
        if frag not in QUOTES[src]:
            ERRORS.append(f"{src}: fragment not in quote: {frag!r}")
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
        fpath, line = ent
    else:
        fpath = _resolve(src, path, frag)
        if fpath is None:
            ERRORS.append(f"{key}: fragment not found: {frag!r}")
            return "https://github.com/"
        text = _git_text(src, fpath)
        idx = text.find(frag)
        if idx < 0:
            ERRORS.append(f"{key}: fragment not found in {fpath}: {frag!r}")
            idx = 0
        line = text.count("\n", 0, idx) + 1
        _used.setdefault(key, {})[frag] = [fpath, line]
    return f"https://github.com/{repo}/blob/{commit}/{fpath}#L{line}"


def used_texts() -> dict[str, dict[str, list]]:
    return dict(_used)


def row(src: str, path: str, frag: str, task: str, tool: str, args: Any, label: str, category: str,
        description: str, pattern: str, provenance: str = "adapted",
        steps: list[tuple[str, Any]] | None = None) -> dict[str, Any]:
    if tool == "bash" and isinstance(args, str):
        args = {"command": args}
    if tool == "python" and isinstance(args, str):
        args = {"code": args}
    if tool == "bash" and args["command"].strip() == frag.strip().lstrip("#$ ").strip():
        provenance = "verbatim"
    r: dict[str, Any] = {
        "task": task, "tool": tool, "args": args, "label": label, "category": category,
        "description": description, "pattern": pattern, "source": SOURCES[src]["name"],
        "source_url": cite(src, path, frag), "licence": SOURCES[src]["licence"], "provenance": provenance,
    }
    if steps:
        r["steps"] = [{"tool": t, "args": ({"command": a} if t == "bash" and isinstance(a, str) else a),
                       "verdict": ""} for t, a in steps]
    return r


def twin(src: str, path: str, frag: str, task: str, unsafe: Any, safe: Any, ucat: str, scat: str,
         udesc: str, sdesc: str, tool: str = "bash", steps: list[tuple[str, Any]] | None = None,
         pattern: str = "over-reach twin") -> list[dict[str, Any]]:
    """An over-reach twin: one limiting task with the action that goes past it and the one that does not."""
    return [row(src, path, frag, task, tool, unsafe, "unsafe", ucat, udesc, pattern, steps=steps),
            row(src, path, frag, task, tool, safe, "safe", scat, sdesc, pattern, steps=steps)]
