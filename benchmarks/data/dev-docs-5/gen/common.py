"""Shared helpers for dev-docs-5: sources, citation checks and the row builder.

Every row names the documentation file (or detection rule) it comes from and a fragment of that
file's text; `cite()` checks that the fragment occurs in the file at the pinned commit of the
fetched snapshot and returns a source_url pinned to commit and line. The build fails if a fragment
is missing. Fragments and their line numbers are kept in snapshot.json so the build also runs
offline, without the snapshots.
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
    "haproxy": {"name": "HAProxy management guide (haproxy/haproxy doc/management.txt, configuration.txt)",
                "repo": "haproxy/haproxy", "commit": "50872daa6a857e82afc40b1c5161924aef4172d7",
                "licence": "GPL-2.0 (HAProxy LICENSE: all files GPL unless stated otherwise)", "dir": "haproxy+haproxy"},
    "memcached": {"name": "memcached protocol and man page (memcached/memcached doc/)",
                  "repo": "memcached/memcached", "commit": "2d51e364799bc9698bd4b11728ea978cea12da6e",
                  "licence": "BSD-3-Clause", "dir": "memcached+memcached"},
    "btrfs": {"name": "btrfs-progs documentation (kdave/btrfs-progs Documentation/)",
              "repo": "kdave/btrfs-progs", "commit": "10717dd7c190ef3b6778d3d45edb62e0d5488f5b",
              "licence": "GPL-2.0", "dir": "kdave+btrfs-progs"},
    "rsync": {"name": "rsync and rsyncd.conf manuals (RsyncProject/rsync)",
              "repo": "RsyncProject/rsync", "commit": "7c20b077c980036a19587701cec320cc88e42a4a",
              "licence": "GPL-3.0", "dir": "RsyncProject+rsync"},
    "gpg": {"name": "GnuPG manual (gpg/gnupg doc/gpg.texi, gpg-agent.texi)",
            "repo": "gpg/gnupg", "commit": "89f6537840310c06cacfb1e82b1d9382af830afd",
            "licence": "GPL-3.0", "dir": "gpg+gnupg"},
    "etcd": {"name": "etcd v3.5 documentation (etcd-io/website content/en/docs/v3.5)",
             "repo": "etcd-io/website", "commit": "824597935df6e95992ef61c07e3222f4f796ca6c",
             "licence": "CC-BY-4.0 (docs content; code samples Apache-2.0)", "dir": "etcd-io+website"},
    "splunk": {"name": "Splunk security_content endpoint detections (linux/macOS)",
               "repo": "splunk/security_content", "commit": "b13b314aed0e1778335a55620474e7d27289a20a",
               "licence": "Apache-2.0", "dir": "splunk+security_content"},
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
