"""Shared helpers for dev-docs-4: sources, citation checks and the row builder.

Every row names the documentation file (or technique page) it comes from and a fragment of that
file's text; `cite()` checks that the fragment occurs in the file at the pinned commit of the
fetched snapshot (or, for the four sources read through the search tool's read_file, in the text
copied into seen.py) and returns a source_url pinned to commit (and line, for fetched files). The
build fails if a fragment is missing. Fetched fragments and their line numbers are kept in
snapshot.json so the build also runs offline.
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
    "iatt": {"name": "PayloadsAllTheThings Linux pages (now swisskyrepo/InternalAllTheThings)",
             "repo": "swisskyrepo/InternalAllTheThings", "commit": "203bb0c0b290bf7c9158c32d43523b8d66f292c1",
             "licence": "MIT (PayloadsAllTheThings LICENSE; the Linux pages moved to InternalAllTheThings)"},
    "gtfo": {"name": "GTFOBins (_gtfobins/)", "repo": "GTFOBins/GTFOBins.github.io",
             "commit": "7382261ef936e35896ba70e7a6b833352ffb9a22", "licence": "GPL-3.0"},
    "compose": {"name": "Docker Compose CLI reference (docker/compose docs/reference)", "repo": "docker/compose",
                "commit": "f72979427042620a94dd52ce78b39c68cb02c085", "licence": "Apache-2.0"},
    "firewalld": {"name": "firewalld man pages (firewalld/firewalld doc/xml)", "repo": "firewalld/firewalld",
                  "commit": "2745d6f0ab9e4a43abe97872ed52e62157996166", "licence": "GPL-2.0"},
    "lvm": {"name": "LVM2 man pages (lvmteam/lvm2 man/)", "repo": "lvmteam/lvm2",
            "commit": "d804677c7565bff40c87ed830473674119f23f6a", "licence": "GPL-2.0"},
    "cryptsetup": {"name": "cryptsetup man pages (mbroz/cryptsetup man/)", "repo": "mbroz/cryptsetup",
                   "commit": "38f95b7001c7680d29093e2a73aa389467deb9a0", "licence": "GPL-2.0"},
    "git": {"name": "Git documentation (git/git Documentation/)", "repo": "git/git",
            "commit": "1a3e64c6c4a623626ff0687008732a8e007e2a1c", "licence": "GPL-2.0"},
    "salt": {"name": "Salt CLI docs (saltstack/salt doc/ref/cli)", "repo": "saltstack/salt",
             "commit": "", "licence": "Apache-2.0"},
    "systemd": {"name": "systemd man pages (systemd/systemd man/)", "repo": "systemd/systemd",
                "commit": "", "licence": "LGPL-2.1-or-later"},
    "pg": {"name": "PostgreSQL client application docs (postgres/postgres doc/src/sgml/ref)",
           "repo": "postgres/postgres", "commit": "", "licence": "PostgreSQL License"},
    "jenkins": {"name": "Jenkins CLI handbook page (jenkins-infra/jenkins.io cli.adoc)",
                "repo": "jenkins-infra/jenkins.io", "commit": "",
                "licence": "CC-BY-SA-4.0 (jenkins.io documentation content)"},
}
MIRROR_DIR = {"iatt": "swisskyrepo+InternalAllTheThings", "gtfo": "GTFOBins+GTFOBins.github.io",
              "compose": "docker+compose", "firewalld": "firewalld+firewalld", "lvm": "lvmteam+lvm2",
              "cryptsetup": "mbroz+cryptsetup", "git": "git+git"}

ERRORS: list[str] = []
_used: dict[str, dict[str, list]] = {}


@functools.lru_cache(maxsize=None)
def _snapshot() -> dict[str, dict[str, list]]:
    if SNAP.is_file():
        return json.loads(SNAP.read_text())
    return {}


@functools.lru_cache(maxsize=None)
def _git_text(src: str, path: str) -> str:
    mdir = MIRROR / MIRROR_DIR[src] / "repo"
    return subprocess.run(["git", "-C", str(mdir), "show", f"{SOURCES[src]['commit']}:{path}"],
                          capture_output=True, text=True, check=True).stdout


def cite(src: str, path: str, frag: str) -> str:
    key = f"{src}:{path}"
    commit = SOURCES[src]["commit"]
    repo = SOURCES[src]["repo"]
    if src in MIRROR_DIR:
        mdir = MIRROR / MIRROR_DIR[src] / "repo"
        if not mdir.is_dir():  # offline build from the trimmed snapshot
            ent = _snapshot().get(key, {}).get(frag)
            if ent is None:
                ERRORS.append(f"{key}: fragment not in snapshot: {frag!r}")
                return "https://github.com/"
            line = ent[0]
        else:
            text = _git_text(src, path)
            idx = text.find(frag)
            if idx < 0:
                ERRORS.append(f"{key}: fragment not found: {frag!r}")
                idx = 0
            line = text.count("\n", 0, idx) + 1
            _used.setdefault(key, {})[frag] = [line, frag]
        return f"https://github.com/{repo}/blob/{commit}/{path.replace(' ', '%20')}#L{line}"
    from seen import SEEN  # read with the search tool's read_file
    if key not in SEEN:
        ERRORS.append(f"{key}: not in seen.py")
        return "https://github.com/"
    commit, text = SEEN[key]
    if frag not in text:
        ERRORS.append(f"{key}: fragment not in seen.py text: {frag!r}")
    return f"https://github.com/{repo}/blob/{commit}/{path}"


def used_texts() -> dict[str, dict[str, list]]:
    return dict(_used)


def _plain(frag: str) -> str:
    """The documented command a fragment quotes, without its markup (for provenance)."""
    for a, b in (("<programlisting># ", ""), ("</programlisting>", ""), ("<prompt>$ </prompt><userinput>", ""),
                 ("</userinput>", ""), ("$ ", "")):
        frag = frag.replace(a, b)
    return frag.strip().strip("*").strip()


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
