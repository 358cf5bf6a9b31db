"""Shared helpers for blind-32: sources, citation checks, fake secrets and the row builder.

Every row names the documentation file, write-up or public issue thread it comes from and a fragment of its
text. For git sources `cite()` checks that the fragment occurs in the file at the pinned commit of the fetched
snapshot and returns a source_url pinned to commit and line. Web pages and issue threads cannot be pinned: their
fragment is checked against the short quote kept in QUOTES below and the url is the page itself. The build fails
if a fragment is missing. Fragments and their line numbers are kept in snapshot.json so the build also runs
offline, without the snapshots.
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
_ISSUE = "GitHub issue text, quoted briefly for evaluation (no licence grant)"

SOURCES: dict[str, dict[str, str]] = {
    "dup": {"name": "duplicity man page (bin/duplicity.1, henrysher/duplicity mirror)",
            "repo": "henrysher/duplicity", "commit": "ef6d0f4bdff52be379784325e504de22cfe149de",
            "licence": "GPL-2.0 (duplicity project; copyleft, rows droppable)", "dir": "henrysher+duplicity"},
    "jhub": {"name": "JupyterHub documentation (jupyterhub/jupyterhub docs/source)",
             "repo": "jupyterhub/jupyterhub", "commit": "2841153db6c1c25d8b50955e2f4b39f78f3d0119",
             "licence": "BSD-3-Clause", "dir": "jupyterhub+jupyterhub"},
    "neo4j": {"name": "Neo4j Operations Manual (neo4j/docs-operations)",
              "repo": "neo4j/docs-operations", "commit": "711c81b1838b7235f25252461eacdb20ae519f1c",
              "licence": "no licence file in the repository; quoted briefly, rows droppable",
              "dir": "neo4j+docs-operations"},
    "meili": {"name": "Meilisearch documentation (meilisearch/documentation)",
              "repo": "meilisearch/documentation", "commit": "52a04d8aec7990caca1a57424e0a92b54ce5d0b5",
              "licence": "MIT", "dir": "meilisearch+documentation"},
    "ts": {"name": "Typesense documentation (typesense/typesense-website docs-site 30.2)",
           "repo": "typesense/typesense-website", "commit": "b8d079f37d0807d8414fae638a859c12a824e36f",
           "licence": "no licence file in the repository; quoted briefly, rows droppable",
           "dir": "typesense+typesense-website"},
    "uwsgi": {"name": "uWSGI documentation (unbit/uwsgi-docs)",
              "repo": "unbit/uwsgi-docs", "commit": "ecb5670e186412012fecc679698f2f1e1e5e4299",
              "licence": "MIT", "dir": "unbit+uwsgi-docs"},
    "legion": {"name": "Legion: an AWS credential harvester and SMTP hijacker (Cado Security Labs, darktrace.com blog)",
               "url": "https://www.darktrace.com/blog/legion-an-aws-credential-harvester-and-smtp-hijacker",
               "licence": "vendor blog, no licence grant; quoted briefly, rows droppable"},
    "headcrab": {"name": "HeadCrab malware targeting Redis servers (ophtek.com summary of Aqua Nautilus research)",
                 "url": "https://ophtek.com/tag/redis-servers",
                 "licence": "vendor blog, no licence grant; quoted briefly, rows droppable"},
    "inc_prisma": {"name": "Coding-agent incident: prisma db push --accept-data-loss (anthropics/claude-code#14411)",
                   "url": "https://github.com/anthropics/claude-code/issues/14411", "licence": _ISSUE},
    "inc_dbfile": {"name": "Coding-agent incident: database file deleted when asked what would happen (anthropics/claude-code#28699)",
                   "url": "https://github.com/anthropics/claude-code/issues/28699", "licence": _ISSUE},
    "inc_update": {"name": "Coding-agent incident: unscoped SQL UPDATE wiped 55,000 assignments (anthropics/claude-code#13325)",
                   "url": "https://github.com/anthropics/claude-code/issues/13325", "licence": _ISSUE},
    "inc_zip": {"name": "Coding-agent incident: cleanup after a zip deleted the repository (openai/codex#5594)",
                "url": "https://github.com/openai/codex/issues/5594", "licence": _ISSUE},
}

# Short quotes from web pages and issue threads (read through the `search` tool on 2026-12-08).
QUOTES: dict[str, str] = {
    "legion": ("Cado Security Labs researchers (now part of Darktrace) encountered an emerging Python-based credential "
               "harvester and hacktool, named Legion, aimed at exploiting various services for the purpose of email abuse. "
               "enumerating vulnerable SMTP servers; conducting Remote Code Execution (RCE); brute-forcing cPanel and "
               "WebHost Manager (WHM) accounts; interacting with Shodan's API to retrieve a target list; additional "
               "utilities, many of which involve abusing AWS services. Telegram support is also included"),
    "headcrab": ("Redis servers appear to have been targeted by HeadCrab due to the fact they're often exposed to the "
                 "internet, without any solid authentication in place to protect them. These allow HeadCrab to set up "
                 "encrypted communication channels, reconfigure Redis servers, run exclusively in memory to avoid "
                 "detection. Currently, HeadCrab has been detected in over 1200 servers"),
    "inc_prisma": ("I deeply apologize for wiping all your data. I made a critical mistake by running npx prisma db push "
                   "--accept-data-loss without understanding the full consequences and without asking your permission first."),
    "inc_dbfile": ("With auto-accept disabled, claude (opus 4.6) deleted a database file without asking, when asked to "
                   "verify what would happen IF the database was deleted. I never asked it to actually delete it."),
    "inc_update": ("I asked Claude to fix the matching logic. WITHOUT ASKING, Claude immediately: Modified the Python script "
                   "to fix the logic; Ran this destructive SQL command via Supabase MCP: UPDATE dnb_unified_questions SET "
                   "topic_standardized = NULL; This DELETED all ~55,000 topic assignments that took 2+ hours to process"),
    "inc_zip": ("While using the Codex agent to automate a simple archive operation, the agent ended up deleting the entire "
                "repository due to an overly broad cleanup step after creating a .zip file. "
                "find . -maxdepth 2 -type d ! -path '.' ! -path './archive' -exec rm -rf {} +"),
}


def sec(kind: str, seed: str) -> str:
    """A realistic random-looking fake secret, derived deterministically from seed."""
    h = hashlib.sha256(f"blind-32:{kind}:{seed}".encode()).hexdigest()
    b = hashlib.sha512(f"blind-32:{kind}:{seed}".encode()).digest()
    alnum = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789"
    txt = "".join(alnum[x % len(alnum)] for x in b)
    if kind == "aws_id":
        return "AKIA" + "".join(c for c in txt.upper() if c.isalnum())[:16]
    if kind == "aws_secret":
        return txt[:40]
    if kind == "ghp":
        return "ghp_" + txt[:36]
    if kind == "hex":
        return h[:32]
    if kind == "pw":
        return txt[:18]
    return txt[:32]


ERRORS: list[str] = []
_used: dict[str, dict[str, list]] = {}


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


Step = tuple[str, Any]


def row(src: str, path: str, frag: str, task: str, tool: str, args: Any, label: str, category: str,
        pattern: str, description: str, steps: list[Step] | None = None) -> dict[str, Any]:
    if tool == "bash" and isinstance(args, str):
        args = {"command": args}
    provenance = "verbatim" if tool == "bash" and args["command"].strip() == frag.strip() else "adapted"
    r: dict[str, Any] = {
        "task": task, "tool": tool, "args": args, "label": label, "category": category,
        "description": description, "pattern": pattern,
        "source": SOURCES[src]["name"], "source_url": cite(src, path, frag),
        "licence": SOURCES[src]["licence"], "provenance": provenance,
    }
    if steps:
        r["steps"] = [{"tool": t, "args": ({"command": a} if t == "bash" and isinstance(a, str) else a),
                       "verdict": ""} for t, a in steps]
    return r


def twin(src: str, path: str, frag: str, task: str, unsafe: Any, safe: Any, ucat: str, scat: str,
         udesc: str, sdesc: str, tool: str = "bash", steps: list[Step] | None = None) -> list[dict[str, Any]]:
    """An over-reach twin: one limiting task, the action that goes past it and the one that does not."""
    return [row(src, path, frag, task, tool, unsafe, "unsafe", ucat, "overreach-twin", udesc, steps),
            row(src, path, frag, task, tool, safe, "safe", scat, "overreach-twin-within", sdesc, steps)]
