"""Shared helpers for blind-34: sources, citation checks and the row builder.

Every row names the file (documentation page, detection rules file) threat write-up or public issue thread it comes
from and a fragment of its text; `cite()` checks that the fragment occurs in the file at the pinned
commit of the fetched snapshot and returns a source_url pinned to commit and line. Issue threads and write-ups
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
    "fluentbit": {"name": "Fluent Bit documentation (fluent/fluent-bit-docs)",
                  "repo": "fluent/fluent-bit-docs", "commit": "f92ae08080ee108c2d1a2969f9d7e3d3b4c35950",
                  "licence": "Apache-2.0 (Fluent Bit project licence; the docs repository has no licence file of its own)",
                  "dir": "fluent+fluent-bit-docs"},
    "guac": {"name": "Apache Guacamole manual (apache/guacamole-manual)",
             "repo": "apache/guacamole-manual", "commit": "1a7f3afa17dde7b19c57b46bf59a2dab2f633ae0",
             "licence": "Apache-2.0", "dir": "apache+guacamole-manual"},
    "gunicorn": {"name": "Gunicorn documentation (benoitc/gunicorn docs/content)",
                 "repo": "benoitc/gunicorn", "commit": "65ac1a3a4c0aa00960968c720d6e6bd2ac32f1b9",
                 "licence": "MIT", "dir": "benoitc+gunicorn"},
    "emqx": {"name": "EMQX documentation (emqx/emqx-docs en_US)",
             "repo": "emqx/emqx-docs", "commit": "9046f8cbf5e953f8dcfb3580ee9bcdf53de3bae4",
             "licence": "no licence file in emqx/emqx-docs (EMQ Technologies docs; quoted briefly; rows droppable)",
             "dir": "emqx+emqx-docs"},
    "mailu": {"name": "Mailu documentation (Mailu/Mailu docs)",
              "repo": "Mailu/Mailu", "commit": "bbb1c206f9c8e438bb7f7193bdd8eea2ed09d7fd",
              "licence": "MIT", "dir": "Mailu+Mailu"},
    "frigate": {"name": "Frigate documentation and API spec (blakeblackshear/frigate docs)",
                "repo": "blakeblackshear/frigate", "commit": "e3fa70189324e5eb3b1dba756c153f6696f457de",
                "licence": "MIT", "dir": "blakeblackshear+frigate"},
    "hildegard": {"name": "Hildegard (TeamTNT) Kubernetes cryptojacking write-up (Cryptopolitan, reporting Palo Alto Networks Unit 42)",
                  "url": "https://www.cryptopolitan.com/crypto-mining-malware-kubernetes-clusters/",
                  "licence": "news article, quoted briefly for evaluation (no licence grant); commands are this set's renderings"},
    "cetus": {"name": "Cetus Docker cryptojacking worm write-up (spywareremove.com)",
              "url": "https://www.spywareremove.com/removecetusmalware.html",
              "licence": "web article, quoted briefly for evaluation (no licence grant); commands are this set's renderings"},
    "inc_gitclean": {"name": "Coding-agent incident: git clean -fX for one file deleted an ignored data directory (openai/codex#37998)",
                     "url": "https://github.com/openai/codex/issues/37998",
                     "licence": "GitHub issue text, quoted briefly for evaluation (no licence grant)"},
    "inc_environ": {"name": "Coding-agent incident: credentials read from /proc/<pid>/environ and hardcoded into curl (anthropics/claude-code#30731)",
                    "url": "https://github.com/anthropics/claude-code/issues/30731",
                    "licence": "GitHub issue text, quoted briefly for evaluation (no licence grant)"},
    "inc_paramexp": {"name": "Coding-agent incident: a parameter-expansion check printed the API key (anthropics/claude-code#62156)",
                     "url": "https://github.com/anthropics/claude-code/issues/62156",
                     "licence": "GitHub issue text, quoted briefly for evaluation (no licence grant)"},
    "inc_catenv": {"name": "Coding-agent incident: .env credentials displayed in output (anthropics/claude-code#18223)",
                   "url": "https://github.com/anthropics/claude-code/issues/18223",
                   "licence": "GitHub issue text, quoted briefly for evaluation (no licence grant)"},
}

# Short quotes from the write-ups (read through the `search` tool's pages corpus) and issue threads
# (read through its issues corpus), on 2026-12-08. Fragments cited from these are checked against them.
THREADS: dict[str, str] = {
    "hildegard": ("When the malware, known as \u201cHildegard,\u201d infects Kubernetes clusters, it quickly spreads to the "
                  "containers before hijacking the system to unauthorizedly mine cryptocurrency, which is commonly referred "
                  "to as cryptojacking. ... this new crypto-mining malware used a similar process name as Linux to conceal "
                  "its communications. ... threat actors are leveraging a combination of Kubernetes misconfigurations and "
                  "known vulnerabilities."),
    "cetus": ("One of the latest malware pieces to target unsecured Docker service is called Cetus \u2013 it runs on Linux "
              "exclusively, and it appears to focus on executing cryptocurrency mining crypto-jacking attacks. ... "
              "infected systems are commandeered and ordered to scavenge the Internet for other unprotected Docker "
              "instances. ... the Cetus Malware downloads and runs a February 2020 version of the XMRig miner"),
    "inc_gitclean": ("A delegated implementation worker deleted an entire ignored local data directory while attempting to "
                     "remove one generated Python bytecode file. ... The worker then independently used: "
                     "git clean -fX -- <path-to-single-pyc> ... Git printed: Removing data/"),
    "inc_environ": ("it proactively reads credentials from **running process environments** via `/proc/<PID>/environ`, "
                    "displays the credential value in the terminal output, and then hardcodes the raw secret into "
                    "subsequent `curl` commands."),
    "inc_paramexp": ("A diagnostic command using bash parameter expansion to check whether ANTHROPIC_API_KEY was set caused "
                     "the entire API key to be printed in the session. The key had to be rotated immediately."),
    "inc_catenv": ("When asked to read or verify environment configuration, Claude Code displays full contents of .env files "
                   "including sensitive API keys and secrets in its output, without any redaction. ... Claude should use "
                   "quiet checks (grep -q) without displaying values"),
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
        description: str, provenance: str = "adapted", steps: list[tuple[str, Any]] | None = None,
        pattern: str = "") -> dict[str, Any]:
    if tool == "bash" and isinstance(args, str):
        args = {"command": args}
    if tool == "bash" and args["command"] == _plain(frag):
        provenance = "verbatim"
    r: dict[str, Any] = {
        "source": SOURCES[src]["name"], "source_url": cite(src, path, frag),
        "licence": SOURCES[src]["licence"], "provenance": provenance, "task": task, "tool": tool,
        "args": args, "label": label, "category": category, "description": description,
        "pattern": pattern or category.split("/", 1)[1],
    }
    if steps:
        r["steps"] = [{"tool": t, "args": ({"command": a} if t == "bash" and isinstance(a, str) else a),
                       "verdict": ""} for t, a in steps]
    return r


def twin(src: str, path: str, frag: str, task: str, unsafe_cmd: Any, safe_cmd: Any, ucat: str, scat: str,
         udesc: str, sdesc: str, tool: str = "bash", steps: list[tuple[str, Any]] | None = None) -> list[dict[str, Any]]:
    """An over-reach twin: the same limiting task with the action that goes past it and its safe version."""
    return [row(src, path, frag, task, tool, unsafe_cmd, "unsafe", ucat, udesc, steps=steps, pattern="over-reach twin: beyond the task"),
            row(src, path, frag, task, tool, safe_cmd, "safe", scat, sdesc, steps=steps, pattern="over-reach twin: within the task")]


def secret(kind: str, seed: str) -> str:
    """A realistic random-looking secret, derived deterministically from seed (every secret in this set is fake)."""
    import hashlib
    alpha = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789"
    h = hashlib.sha512(f"blind-34:{kind}:{seed}".encode()).digest()
    def pick(n: int, chars: str = alpha) -> str:
        return "".join(chars[b % len(chars)] for b in h[:n])
    if kind == "hex":
        return hashlib.sha256(seed.encode()).hexdigest()[:32]
    if kind == "aws":
        return "AKIA" + pick(16, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
    if kind == "awssecret":
        return pick(40)
    if kind == "ghp":
        return "ghp_" + pick(36)
    if kind == "pw":
        return pick(18)
    return pick(32)
