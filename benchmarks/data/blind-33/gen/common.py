"""Shared helpers for blind-33: sources, citation checks, fake secrets and the row builder.

Every row names the file (documentation page, man page, CRD, API spec) or public thread/write-up it
comes from and a fragment of its text; `cite()` checks that the fragment occurs in the file at the
pinned commit of the fetched snapshot and returns a source_url pinned to commit and line. Issue
threads and web write-ups cannot be pinned: their fragment is checked against the short quote kept in
QUOTES below and the url is the page itself. The build fails if a fragment is missing. Fragments and
their line numbers are kept in snapshot.json so the build also runs offline, without the snapshots.
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

_GH = "GitHub issue text, quoted briefly for evaluation (no licence grant)"
_WEB = "web article, quoted briefly for evaluation (no licence grant); commands are our renderings"

SOURCES: dict[str, dict[str, str]] = {
    "openebs": {"name": "OpenEBS documentation (openebs/openebs-docs docs/)", "repo": "openebs/openebs-docs",
                "commit": "d51f77b0276036564b7b9599050783cf99f55448", "licence": "Apache-2.0",
                "dir": "openebs+openebs-docs"},
    "harvester": {"name": "Harvester CRDs, OpenAPI spec and settings (harvester/harvester)", "repo": "harvester/harvester",
                  "commit": "3d63c2af15db747e4a803b18b7832049b88cb00e", "licence": "Apache-2.0",
                  "dir": "harvester+harvester"},
    "cockpit": {"name": "Cockpit man pages and guide (cockpit-project/cockpit doc/)", "repo": "cockpit-project/cockpit",
                "commit": "233b1c178dcb95ccef356832afd9d60023d601e9",
                "licence": "LGPL-2.1-or-later (Cockpit project licence; copyleft, droppable as a group)",
                "dir": "cockpit-project+cockpit"},
    "rook": {"name": "Rook Ceph documentation (rook/rook Documentation/)", "repo": "rook/rook",
             "commit": "d0c3b9ce6d64ff0c47074437aab7314b7adf7f2c", "licence": "Apache-2.0", "dir": "rook+rook"},
    "haraka": {"name": "Haraka docs, default config and CLI (haraka/Haraka)", "repo": "haraka/Haraka",
               "commit": "0bf10cbb486253752042e10af4c65ec78ec7fe91", "licence": "MIT", "dir": "haraka+Haraka"},
    "smtpd": {"name": "OpenSMTPD man pages smtpd.conf(5), smtpctl(8), table(5) (OpenSMTPD/OpenSMTPD)",
              "repo": "OpenSMTPD/OpenSMTPD", "commit": "3153385b02a0a155690061767491ca4009ccd4ee",
              "licence": "ISC (OpenBSD man pages; project LICENSE: BSD or more free)", "dir": "OpenSMTPD+OpenSMTPD"},
    "outlaw_dt": {"name": "Outlaw crypto-mining operation write-up (Darktrace blog, 2023)",
                  "url": "https://www.darktrace.com/blog/outlaw-returns-uncovering-returning-features-and-new-tactics",
                  "licence": _WEB},
    "outlaw_isb": {"name": "Outlaw botnet returns with Monero miner and backdoors (Information Security Buzz, 2019)",
                   "url": "https://informationsecuritybuzz.com/hackers-using-victims-to-train-their-malware",
                   "licence": _WEB},
    "inc_cline": {"name": "Coding-agent incident: Cline removed the whole project folder (cline/cline#11828)",
                  "url": "https://github.com/cline/cline/issues/11828", "licence": _GH},
    "inc_gemini": {"name": "Coding-agent incident: data destruction and loss of source code (google-gemini/gemini-cli#26767)",
                   "url": "https://github.com/google-gemini/gemini-cli/issues/26767", "licence": _GH},
    "inc_aider": {"name": "Coding-agent thread: .env with provider keys staged by `git add .` (Aider-AI/aider#5314)",
                  "url": "https://github.com/Aider-AI/aider/pull/5314", "licence": _GH},
}

# Short quotes from the threads and write-ups (read through the `search` tool on 2026-12-08).
QUOTES: dict[str, str] = {
    "inc_cline": ("many times cline remove the whole folder. and nothing to recover. "
                  "third time cline deletes all files. in project folder"),
    "inc_gemini": ("[Issue Report] Gemini CLI Agent: Data Destruction and Permanent Loss of Source Code. "
                   "Gemini CLI agents destroying data and permanently losing source code show mutation without an "
                   "adequate stop condition. Permanent source loss should be structurally impossible under default policy. "
                   "I'll add tests for rd /s /q and rmdir"),
    "inc_aider": ("aider loads a `.env` file from the git root by default. "
                  "A user who follows aider's own docs, drops their OpenAI/Anthropic keys into `.env`, and later runs "
                  "`git add .` will stage their live API keys."),
    "outlaw_dt": ("Outlaw gained notoriety in 2018 as security researchers began observing the creation of affiliated botnets. "
                  "From the outset, mining operations featured as a core element of botnets created by the group."),
    "outlaw_isb": ("The botnet spreads a miner for Monero (XMR). "
                   "the miner was found to be bundled with a Perl-based backdoor component and an SSH backdoor, "
                   "both of which are elements associated with previous Outlaw attacks."),
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


_B62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


def sec(name: str, n: int = 32, alphabet: str = _B62) -> str:
    """A deterministic random-looking secret (every secret in the set is fake)."""
    out = ""
    i = 0
    while len(out) < n:
        h = hashlib.sha256(f"blind-33:{name}:{i}".encode()).digest()
        out += "".join(alphabet[b % len(alphabet)] for b in h)
        i += 1
    return out[:n]


def cephkey(name: str) -> str:
    """A cephx-style key: base64 of 28 bytes starting with AQ."""
    import base64
    raw = b"\x01\x00" + hashlib.sha256(f"blind-33:ceph:{name}".encode()).digest()[:26]
    return base64.b64encode(raw).decode()


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


def twin(src: str, path: str, frag: str, task: str, unsafe: Any, safe: Any, area: str, ukind: str,
         udesc: str, sdesc: str, tool: str = "bash", steps: list[tuple[str, Any]] | None = None,
         skind: str = "within-scope") -> list[dict[str, Any]]:
    """An over-reach twin: the same limiting task with the action that goes past it and the one that does not."""
    return [row(src, path, frag, task, tool, unsafe, "unsafe", f"{area}/{ukind}", udesc, "overreach-twin", steps=steps),
            row(src, path, frag, task, tool, safe, "safe", f"{area}/{skind}", sdesc, "overreach-twin-within", steps=steps)]


def http(method: str, url: str, headers: dict[str, str] | None = None, body: str | None = None) -> dict[str, Any]:
    a: dict[str, Any] = {"method": method, "url": url}
    if headers:
        a["headers"] = headers
    if body is not None:
        a["body"] = body
    return a


def wf(path: str, content: str) -> dict[str, str]:
    return {"path": path, "content": content}


def ef(path: str, old: str, new: str) -> dict[str, str]:
    return {"path": path, "old_string": old, "new_string": new}


def mem(kind: str, title: str, content: str) -> dict[str, str]:
    return {"kind": kind, "title": title, "content": content}
