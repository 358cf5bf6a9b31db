"""Shared helpers for blind-30: sources, citation checks, secrets and the row builder.

Every row names the documentation repository, public write-up or issue thread it comes from and a
fragment of its text. For a repository `cite()` finds the first file (documentation pages before news
posts, release notes and changelogs, then by path, under the source's folder) that holds the fragment at the pinned commit and returns a source_url pinned to
commit and line; the build fails if no file holds it. Write-ups and issue threads cannot be pinned:
their fragment is checked against the short quote kept in QUOTES below and the url is the page or
thread itself. Fragments, their files and line numbers are kept in snapshot.json so the build also
runs offline, without the snapshots.
"""
from __future__ import annotations

import functools
import hashlib
import json
import os
import subprocess
from pathlib import Path
from typing import Any

MIRROR = Path(os.environ.get("BLIND30_MIRROR", "/work/.mirror"))  # a missing path tests the offline build
SNAP = Path(__file__).resolve().parent / "snapshot.json"
ISSUE_LIC = "GitHub issue text, quoted briefly for evaluation (no licence grant)"

SOURCES: dict[str, dict[str, str]] = {
    "authelia": {"name": "Authelia documentation (authelia/authelia docs/content)", "repo": "authelia/authelia",
                 "commit": "23572030b4048922a377ca40d59e804e0ed25fd7", "under": "docs/content",
                 "licence": "Apache-2.0", "dir": "authelia+authelia"},
    "squid": {"name": "Squid wiki and docs (squid-cache/squid-cache.github.io)",
              "repo": "squid-cache/squid-cache.github.io", "commit": "71de18e4a076a678f893520285aa22087d8f9a4e",
              "under": "", "licence": "CC BY-SA 2.5 (share-alike: rows droppable)",
              "dir": "squid-cache+squid-cache.github.io"},
    "rspamd": {"name": "Rspamd documentation (rspamd/rspamd.com)", "repo": "rspamd/rspamd.com",
               "commit": "c5a12e94bebd364a89b882379f826dd02f735618", "under": "",
               "licence": "CC BY-SA 4.0 (share-alike: rows droppable)", "dir": "rspamd+rspamd.com"},
    "dnsmasq": {"name": "dnsmasq man page and example config (InfrastructureServices/dnsmasq mirror)",
                "repo": "InfrastructureServices/dnsmasq", "commit": "550c368adea12b312f83686c61f9015c122046c2",
                "under": "dnsmasq.conf.example man/dnsmasq.8", "licence": "GPL-2.0 or GPL-3.0 (dnsmasq's COPYING; short fragments quoted)",
                "dir": "InfrastructureServices+dnsmasq"},
    "netbird": {"name": "NetBird documentation (netbirdio/docs)", "repo": "netbirdio/docs",
                "commit": "d905fda2a3f04a2066746875d09e51a3fe62dfed", "under": "src/pages",
                "licence": "BSD-3-Clause", "dir": "netbirdio+docs"},
    "sssd": {"name": "SSSD documentation (SSSD/sssd.io)", "repo": "SSSD/sssd.io",
             "commit": "50ef46eadc51d7f5765dd3ebb2e6b9eb75d0e5e8", "under": "src",
             "licence": "no licence file in the repository; short fragments quoted (droppable)",
             "dir": "SSSD+sssd.io"},
    "graboid_sa": {"name": "Graboid write-up (SiliconANGLE, 'New cryptojacking worm found spreading via Docker containers', 2019-10-16)",
                   "url": "https://siliconangle.com/2019/10/16/new-cryptojacking-worm-found-spreading-via-docker-containers",
                   "licence": "public write-up, quoted briefly; commands are this set's renderings (no licence grant)"},
    "graboid_sc": {"name": "Graboid write-up (SC Media, 'Graboid cryptomining worm leverages Docker Engine containers to spread')",
                   "url": "https://www.scworld.com/news/graboid-cryptomining-worm-leverages-docker-engine-containers-to-spread",
                   "licence": "public write-up, quoted briefly; commands are this set's renderings (no licence grant)"},
    "inc_restore": {"name": "Coding-agent incident: git restore despite 'never touch git' (openai/codex#8643)",
                    "url": "https://github.com/openai/codex/issues/8643", "licence": ISSUE_LIC},
    "inc_checkout": {"name": "Coding-agent incident: git checkout on a teammate's files (openai/codex#6022)",
                     "url": "https://github.com/openai/codex/issues/6022", "licence": ISSUE_LIC},
    "inc_addall": {"name": "Coding-agent incident: git add -A commits unrelated files (openai/codex#8548)",
                   "url": "https://github.com/openai/codex/issues/8548", "licence": ISSUE_LIC},
    "inc_rmcase": {"name": "Coding-agent incident: rm -rf of a 'wrong-case' copy on a case-insensitive drive (anthropics/claude-code#24196)",
                   "url": "https://github.com/anthropics/claude-code/issues/24196", "licence": ISSUE_LIC},
}

# Short quotes (read through the `search` tool's pages and issues corpora on 2026-12-07).
QUOTES: dict[str, str] = {
    "graboid_sa": ("Those behind Graboid identify insecure Docker engines to start the infection process. Once the entry point "
                   "is identified, the worm is deployed to start on its way. While downloading a few scripts from a command and "
                   "control server, the worm is essentially self-sufficient, starting cryptomining on the infected Docker host "
                   "while looking for new victims. Graboid starts by randomly picking three potential targets for infection, "
                   "installing the worm on the first target, and stops the miner on the second target, starting mining on the third target."),
    "graboid_sc": ("the malware contains a list of over 2,000 IPs belonging to hosts with unsecured Docker API endpoints that are "
                   "openly exposed to the internet, and thus susceptible to infection. "
                   "the attackers behind the worm were able to establish an initial foothold into their hosts by installing "
                   "malicious images on unsecured Docker daemons. "
                   "Unit 42 has identified two malicious images that collectively have been downloaded more than 16,500 times."),
    "inc_restore": ("The Codex agent executed git commands, including a destructive git restore, even after the user "
                    "repeatedly instructed \u201cdo not touch git / never run git\u201d. This overwrote hours/days of "
                    "uncommitted local changes across multiple files"),
    "inc_checkout": ("The automated agent repeatedly executed `git checkout -- <file>` on files owned by another teammate "
                     "even after being instructed multiple times (and in writing) never to touch those files."),
    "inc_addall": ("The Codex agent commits unrelated and unreviewed files by running `git add -A`, even when the repository "
                   "explicitly defines a strict commit policy (\u201ccommit only working changes\u201d)"),
    "inc_rmcase": ("On the second attempt, Claude combined the corrective copy with an unauthorized rm -rf command to "
                   "\"clean up\" the supposedly wrong-case directory"),
}

ERRORS: list[str] = []
_used: dict[str, dict[str, list]] = {}


def secret(kind: str, seed: str) -> str:
    """A deterministic, random-looking fake secret (never a real one)."""
    h = hashlib.sha256(f"blind-30:{kind}:{seed}".encode()).hexdigest()
    alnum = "".join("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789"[int(h[i:i + 2], 16) % 57]
                    for i in range(0, 64, 2))
    h2 = hashlib.sha256(h.encode()).hexdigest()
    alnum2 = "".join("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789"[int(h2[i:i + 2], 16) % 57]
                     for i in range(0, 64, 2))
    if kind == "hex":
        return h
    if kind == "uuid":
        return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-a{h[17:20]}-{h[20:32]}"
    if kind == "pw":
        return alnum[:20]
    if kind == "setupkey":
        return f"{h[:8].upper()}-{h[8:12].upper()}-{h[12:16].upper()}-{h[16:20].upper()}-{h[20:32].upper()}"
    if kind == "nbp":
        return "nbp_" + (alnum + alnum2)[:36]
    return alnum + alnum2[:8]


@functools.lru_cache(maxsize=None)
def _snapshot() -> dict[str, dict[str, list]]:
    if SNAP.is_file():
        return json.loads(SNAP.read_text())
    return {}


def _locate(src: str, frag: str) -> tuple[str, int] | None:
    s = SOURCES[src]
    mdir = str(MIRROR / s["dir"] / "repo")
    args = ["git", "-C", mdir, "grep", "-l", "-F", "-e", frag, s["commit"]]
    if s["under"]:
        args += ["--", *s["under"].split()]
    res = subprocess.run(args, capture_output=True, text=True)
    # prefer documentation pages over news posts, release notes and changelogs
    paths = sorted((p.split(":", 1)[1] for p in res.stdout.splitlines() if p),
                   key=lambda p: (any(n in p for n in ("_posts/", "release-notes/", "CHANGELOG")), p))
    if not paths:
        return None
    path = paths[0]
    text = subprocess.run(["git", "-C", mdir, "show", f"{s['commit']}:{path}"], capture_output=True,
                          text=True, check=True).stdout
    return path, text.count("\n", 0, text.find(frag)) + 1


def cite(src: str, frag: str) -> str:
    s = SOURCES[src]
    if src in QUOTES:
        if frag not in QUOTES[src]:
            ERRORS.append(f"{src}: fragment not in quote: {frag!r}")
        return s["url"]
    if not (MIRROR / s["dir"] / "repo").is_dir():  # offline build from the snapshot
        ent = _snapshot().get(src, {}).get(frag)
        if ent is None:
            ERRORS.append(f"{src}: fragment not in snapshot: {frag!r}")
            return "https://github.com/"
        path, line = ent[0], ent[1]
    else:
        loc = _locate(src, frag)
        if loc is None:
            ERRORS.append(f"{src}: fragment not found: {frag!r}")
            return "https://github.com/"
        path, line = loc
        _used.setdefault(src, {})[frag] = [path, line]
    return f"https://github.com/{s['repo']}/blob/{s['commit']}/{path}#L{line}"


def used_texts() -> dict[str, dict[str, list]]:
    return dict(_used)


def row(src: str, frag: str, task: str, tool: str, args: Any, label: str, category: str, description: str,
        pattern: str, provenance: str = "adapted", steps: list[tuple[str, Any]] | None = None) -> dict[str, Any]:
    if tool == "bash" and isinstance(args, str):
        args = {"command": args}
    if tool == "bash" and args["command"].strip() == frag.strip():
        provenance = "verbatim"
    r: dict[str, Any] = {
        "task": task, "tool": tool, "args": args, "label": label, "category": category,
        "description": description, "pattern": pattern, "source": SOURCES[src]["name"],
        "source_url": cite(src, frag), "licence": SOURCES[src]["licence"], "provenance": provenance,
    }
    if steps:
        r["steps"] = [{"tool": t, "args": ({"command": a} if t == "bash" and isinstance(a, str) else a),
                       "verdict": ""} for t, a in steps]
    return r


def twin(src: str, frag: str, task: str, unsafe: Any, safe: Any, ucat: str, scat: str, udesc: str, sdesc: str,
         upat: str, tool: str = "bash", steps: list[tuple[str, Any]] | None = None,
         stool: str | None = None) -> list[dict[str, Any]]:
    """An over-reach twin: one limiting task, the action that goes past it and the one that does not."""
    if stool is None and isinstance(safe, dict) and set(safe) == {"command"}:
        stool = "bash"
    return [row(src, frag, task, tool, unsafe, "unsafe", ucat, udesc, upat, steps=steps),
            row(src, frag, task, stool or tool, safe, "safe", scat, sdesc, "twin-within-scope", steps=steps)]
