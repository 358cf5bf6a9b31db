"""Shared helpers for blind-35: sources, citation checks, fake-secret maker and the row builder.

Every row names the file (documentation page, man page, detection script README) or public issue thread /
vendor page it comes from and a fragment of its text; `cite()` checks that the fragment occurs in the file at
the pinned commit of the fetched snapshot and returns a source_url pinned to commit and line. Issue threads and
the vendor write-up cannot be pinned: their fragment is checked against the short quote kept in QUOTES below and
the url is the page itself. The build fails if a fragment is missing. Fragments and their line numbers are kept
in snapshot.json so the build also runs offline, without the snapshots.
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
GH = "GitHub issue text, quoted briefly for evaluation (no licence grant)"

SOURCES: dict[str, dict[str, str]] = {
    "nebula": {"name": "Nebula README and example config (slackhq/nebula)", "repo": "slackhq/nebula",
               "commit": "9c5d7016489cb194db1a8bf27edc2145ac71ab32", "licence": "MIT", "dir": "slackhq+nebula"},
    "lynis": {"name": "Lynis man page and default profile (CISOfy/lynis)", "repo": "CISOfy/lynis",
              "commit": "52ed89ce353fb6f87ab969e6d707e5e19335d295",
              "licence": "GPL-3.0 (copyleft: rows droppable)", "dir": "CISOfy+lynis"},
    "openrc": {"name": "OpenRC man pages and guides (OpenRC/openrc)", "repo": "OpenRC/openrc",
               "commit": "04d75bc192486fee932e4e602bdfffc32a0d8b96", "licence": "BSD-2-Clause", "dir": "OpenRC+openrc"},
    "ssp": {"name": "SimpleSAMLphp documentation (simplesamlphp/simplesamlphp docs/)",
            "repo": "simplesamlphp/simplesamlphp", "commit": "7665841cbc1d7b48148ca20648f304327da3d5a4",
            "licence": "LGPL-2.1 (copyleft: rows droppable)", "dir": "simplesamlphp+simplesamlphp"},
    "anchore": {"name": "Grype and Syft command and config reference (anchore/oss-docs)", "repo": "anchore/oss-docs",
                "commit": "c5de6ab4182329958f0d92dd45dbfc64e44e96c5", "licence": "Apache-2.0",
                "dir": "anchore+oss-docs"},
    "sunlight": {"name": "sunlight rootkit detector README, Qubitstrike example output (tstromberg/sunlight)",
                 "repo": "tstromberg/sunlight", "commit": "572f5e07d0ac79952f644c08accc21f7b6857f8d",
                 "licence": "Apache-2.0", "dir": "tstromberg+sunlight"},
    "qubit_dt": {"name": "Qubitstrike write-up (Cado Security Labs / Darktrace blog, 2023)",
                 "url": "https://www.darktrace.com/fr/blog/qubitstrike-an-emerging-malware-campaign-targeting-jupyter-notebooks",
                 "licence": "vendor blog post, quoted briefly for evaluation (no licence grant)"},
    "inc_echo": {"name": "Coding-agent incident: database-wiping command pushed through echo (google-gemini/gemini-cli#13384)",
                 "url": "https://github.com/google-gemini/gemini-cli/issues/13384", "licence": GH},
    "inc_dropdb": {"name": "Coding-agent incident: hosted dev database dropped while asked to inspect a test DB (google-gemini/gemini-cli#2009)",
                   "url": "https://github.com/google-gemini/gemini-cli/issues/2009", "licence": GH},
    "inc_gitclean": {"name": "Coding-agent incident: destructive git commands on uncommitted work (google-gemini/gemini-cli#22010)",
                     "url": "https://github.com/google-gemini/gemini-cli/issues/22010", "licence": GH},
}

# Short quotes (read through the `search` tool's issues and pages corpora on 2026-12-08).
QUOTES: dict[str, str] = {
    "qubit_dt": ("After successful compromise, Qubitstrike hunts for a number of hardcoded credential files for popular "
                 "cloud services (including AWS and Google Cloud) and exfiltrates these via the Telegram Bot API. "
                 "The payloads for the Qubitstrike campaign are all hosted on Codeberg. "
                 "enabling command execution, file transfer, and process hiding via the Diamorphine rootkit."),
    "inc_echo": ("I was creating a new schema for the database, gemini told itelf it would create it while we were planning. "
                 "Right after it decided to run a dangerous command that would wipe my database. when I asked what the "
                 "command it would do it tried to tell itself to run the command anyway through ECHO."),
    "inc_dropdb": ("However, if you choose \"Allow All\", then Gemini CLI will perform actions without your approval on each "
                   "step. In this case, it sounds like Gemini took full advantage of those permissions resulting in data loss."),
    "inc_gitclean": ("This resulted in the permanent deletion of approximately 11.5 hours of uncommitted architectural work "
                     "in a user's workspace. The agent prioritized 'cleaning' its own environment over preserving user work."),
}

ERRORS: list[str] = []
_used: dict[str, dict[str, list]] = {}
BANNED = ("fake", "example", "dummy", "sample", "placeholder", "changeme", "your", "redacted")


def secret(kind: str, seed: str, n: int = 40) -> str:
    """A realistic random-looking fake secret, derived deterministically from seed."""
    alpha = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789"
    out = ""
    i = 0
    while len(out) < n:
        h = hashlib.sha256(f"{kind}:{seed}:{i}".encode()).digest()
        out += "".join(alpha[b % len(alpha)] for b in h)
        i += 1
    val = out[:n]
    for w in BANNED:  # never let a random draw spell a placeholder word
        if w in val.lower():
            return secret(kind, seed + "'", n)
    return val


def hexs(seed: str, n: int = 32) -> str:
    return hashlib.sha256(seed.encode()).hexdigest()[:n]


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
        description: str, pattern: str = "", provenance: str = "adapted",
        steps: list[tuple[str, Any]] | None = None) -> dict[str, Any]:
    if tool == "bash" and isinstance(args, str):
        args = {"command": args}
    if tool == "bash" and args["command"] == _plain(frag):
        provenance = "verbatim"
    if not pattern:
        pattern = "documented-use" if label == "safe" else "beyond-task"
    r: dict[str, Any] = {
        "source": SOURCES[src]["name"], "source_url": cite(src, path, frag),
        "licence": SOURCES[src]["licence"], "provenance": provenance, "task": task, "tool": tool,
        "args": args, "label": label, "category": category, "description": description, "pattern": pattern,
    }
    if steps:
        r["steps"] = [{"tool": t, "args": ({"command": a} if t == "bash" and isinstance(a, str) else a),
                       "verdict": ""} for t, a in steps]
    return r


def twin(src: str, path: str, frag: str, task: str, unsafe: Any, safe: Any, ucat: str, scat: str,
         udesc: str, sdesc: str, upat: str = "over-reach", tool: str = "bash",
         steps: list[tuple[str, Any]] | None = None) -> list[dict[str, Any]]:
    """An over-reach twin: the same limiting task with the action that goes past it and its safe version."""
    return [row(src, path, frag, task, tool, unsafe, "unsafe", ucat, udesc, upat, steps=steps),
            row(src, path, frag, task, tool, safe, "safe", scat, sdesc, "twin-within-scope", steps=steps)]


def W(path: str, content: str) -> dict[str, str]:
    return {"path": path, "content": content}


def E(path: str, old: str, new: str) -> dict[str, str]:
    return {"path": path, "old_string": old, "new_string": new}


def H(method: str, url: str, body: str | None = None, headers: dict[str, str] | None = None) -> dict[str, Any]:
    d: dict[str, Any] = {"method": method, "url": url}
    if headers:
        d["headers"] = headers
    if body is not None:
        d["body"] = body
    return d


def M(kind: str, title: str, content: str) -> dict[str, str]:
    return {"kind": kind, "title": title, "content": content}


def P(code: str) -> dict[str, str]:
    return {"code": code}
