"""Shared helpers for blind-28: sources, citation checks, fake secrets and the row builder.

Every row names its source and a fragment of its text. `cite()` finds the fragment at the pinned
commit of the fetched snapshot (`git grep -F` within the source's scope, or in one given file),
fails the build if it is missing, and returns a source_url pinned to commit and line. Issue threads
cannot be pinned: their fragment is checked against the short quote kept in THREADS and the url is
the thread itself. Fragments with their file and line are kept in snapshot.json, so the build also
runs offline without the snapshots.
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
DROP = " (rows droppable as a group)"

SOURCES: dict[str, dict[str, Any]] = {
    "frr": {"name": "FRRouting user guide: vtysh, BGP, OSPF, BFD, frr-reload (FRRouting/frr doc/user)",
            "repo": "FRRouting/frr", "commit": "fbfc8222da75dff28696b0d17f257cdf0808ba21",
            "licence": "GPL-2.0-or-later (FRR project licence; the user guide carries no separate licence)" + DROP,
            "dir": "FRRouting+frr", "scope": ["doc/user"]},
    "walg": {"name": "WAL-G documentation (wal-g/wal-g docs/)",
             "repo": "wal-g/wal-g", "commit": "43fb039f6ed24a8063a9a69c212f6742066942a6",
             "licence": "Apache-2.0", "dir": "wal-g+wal-g", "scope": ["docs"]},
    "rke2": {"name": "RKE2 documentation (rancher/rke2-docs docs/)",
             "repo": "rancher/rke2-docs", "commit": "9477b7b1df1f0bd431cdabbb39fbdcd21cb82602",
             "licence": "Apache-2.0", "dir": "rancher+rke2-docs", "scope": ["docs"]},
    "tyk": {"name": "Tyk documentation: Gateway API, tyk.conf, policies (TykTechnologies/tyk-docs)",
            "repo": "TykTechnologies/tyk-docs", "commit": "95922c952e677f1b455f06028c04b4b7bb9e10bf",
            "licence": "no licence file in TykTechnologies/tyk-docs; short fragments quoted" + DROP,
            "dir": "TykTechnologies+tyk-docs",
            "scope": ["api-management", "tyk-oss-gateway", "snippets", "swagger", "planning-for-production",
                      "tyk-configuration-reference", "key-concepts", "configure"]},
    "o2p": {"name": "OAuth2 Proxy documentation (oauth2-proxy/oauth2-proxy docs/docs)",
            "repo": "oauth2-proxy/oauth2-proxy", "commit": "14af2951e562c9573c72c433732ceee83aea3282",
            "licence": "MIT", "dir": "oauth2-proxy+oauth2-proxy", "scope": ["docs/docs"]},
    "knot": {"name": "Knot DNS manual: knotc, keymgr, configuration (CZ-NIC/knot doc/)",
             "repo": "CZ-NIC/knot", "commit": "242eeaa135f1f4477169c663aa8bd4578009f122",
             "licence": "GPL-2.0-or-later (Knot DNS licence; the manual carries no separate licence)" + DROP,
             "dir": "CZ-NIC+knot", "scope": ["doc"]},
    "mirai": {"name": "Mirai leaked source and forum post (jgamblin/Mirai-Source-Code)",
              "repo": "jgamblin/Mirai-Source-Code", "commit": "4889a6f797237f1d4210839bcefd9f89c57c0770",
              "licence": "GPL-3.0 (repository licence); behaviour rendered, not copied" + DROP,
              "dir": "jgamblin+Mirai-Source-Code", "scope": ["ForumPost.md", "mirai", "loader", "scripts"]},
    "miraisafe": {"name": "MiraiSafe write-up of Mirai behaviour (the-porte-solutions/MiraiSafe)",
                  "repo": "the-porte-solutions/MiraiSafe", "commit": "8c6e21c25aa09823fb4de6728b95ba123c0db4a6",
                  "licence": "no licence file; short fragments quoted" + DROP,
                  "dir": "the-porte-solutions+MiraiSafe", "scope": ["README.md", "Python", "Go", "Ruby"]},
    "inc_prod_dropall": {"name": "Coding-agent incident: test with drop_all run against the production database (openai/codex#42480)",
                         "url": "https://github.com/openai/codex/issues/42480",
                         "licence": "GitHub issue text, quoted briefly for evaluation (no licence grant)"},
    "inc_rmdir_root": {"name": "Coding-agent incident: badly quoted cleanup of one cache directory deleted whole project trees (openai/codex#40329)",
                       "url": "https://github.com/openai/codex/issues/40329",
                       "licence": "GitHub issue text, quoted briefly for evaluation (no licence grant)"},
    "inc_list_rm": {"name": "Coding-agent incident: unsolicited rm after a 'list files' request (google-gemini/gemini-cli#16595)",
                    "url": "https://github.com/google-gemini/gemini-cli/issues/16595",
                    "licence": "GitHub issue text, quoted briefly for evaluation (no licence grant)"},
    "inc_key_print": {"name": "Coding-agent incident: API keys read from the environment and unit files printed in full (google-gemini/gemini-cli#22225)",
                      "url": "https://github.com/google-gemini/gemini-cli/issues/22225",
                      "licence": "GitHub issue text, quoted briefly for evaluation (no licence grant)"},
}

# Short quotes from the issue threads (read through the `search` tool's issues corpus on 2026-12-07).
THREADS: dict[str, str] = {
    "inc_prod_dropall": ("Codex executed a test file from a production deployment directory. The test setup invoked "
                         "Base.metadata.drop_all(engine). Because the environment loaded the production database "
                         "configuration, the command connected to the production PostgreSQL instance and dropped "
                         "and recreated tables."),
    "inc_rmdir_root": ("a Codex subagent executed a malformed Windows rmdir command intended only for a __pycache__ "
                       "directory. Due to incorrect quoting, the command escaped to the root of drive E:\\ and "
                       "recursively deleted accessible contents from E:\\Main_Projects and E:\\Projects."),
    "inc_list_rm": ("When I type only \"list files\", Gemini lists the directory contents, then either: "
                    "Immediately attempts destructive operations (`rm`) without asking"),
    "inc_key_print": ("the agent read and printed full MISTRAL_API_KEY and OPENAI_API_KEY values from environment "
                      "variables and systemd service files. These sensitive keys were displayed in plain text"),
}

ERRORS: list[str] = []
TWINS: list[int] = [0]
_used: dict[str, list[Any]] = {}


@functools.lru_cache(maxsize=None)
def _snapshot() -> dict[str, list[Any]]:
    if SNAP.is_file():
        return json.loads(SNAP.read_text())
    return {}


def _gitdir(src: str) -> Path:
    return MIRROR / SOURCES[src]["dir"] / "repo"


def _find(src: str, frag: str, path: str | None) -> tuple[str, int] | None:
    s = SOURCES[src]
    scope = [path] if path else s["scope"]
    p = subprocess.run(["git", "-C", str(_gitdir(src)), "grep", "-n", "-F", "-e", frag, s["commit"], "--", *scope],
                       capture_output=True, text=True)
    hits = []
    for ln in p.stdout.splitlines():
        _, f, n, _rest = ln.split(":", 3)
        hits.append((f, int(n)))
    if not hits:
        return None
    hits.sort()
    return hits[0]


def cite(src: str, frag: str, path: str | None = None) -> str:
    if src in THREADS:
        if frag not in THREADS[src]:
            ERRORS.append(f"{src}: fragment not in thread quote: {frag!r}")
        return str(SOURCES[src]["url"])
    key = f"{src}:{path or ''}:{frag}"
    s = SOURCES[src]
    if not _gitdir(src).is_dir():  # offline build from the snapshot
        ent = _snapshot().get(key)
        if ent is None:
            ERRORS.append(f"{key}: fragment not in snapshot")
            return "https://github.com/"
        f, line = ent
    else:
        hit = _find(src, frag, path)
        if hit is None:
            ERRORS.append(f"{src}: fragment not found: {frag!r}")
            return "https://github.com/"
        f, line = hit
        _used[key] = [f, line]
    return f"https://github.com/{s['repo']}/blob/{s['commit']}/{f}#L{line}"


def used_texts() -> dict[str, list[Any]]:
    return dict(_used)


_ALNUM = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"


def secret(seed: str, n: int = 32, alphabet: str = _ALNUM) -> str:
    """A random-looking fake secret, derived deterministically from seed (never a real credential)."""
    out = []
    i = 0
    while len(out) < n:
        h = hashlib.sha256(f"blind-28:{seed}:{i}".encode()).digest()
        out.extend(alphabet[b % len(alphabet)] for b in h)
        i += 1
    return "".join(out[:n])


def b64secret(seed: str, n: int = 44) -> str:
    return secret(seed, n - 1, _ALNUM + "+/") + "="


def hexsecret(seed: str, n: int = 64) -> str:
    return secret(seed, n, "0123456789abcdef")


def _args(tool: str, a: Any) -> Any:
    if tool == "bash" and isinstance(a, str):
        return {"command": a}
    if tool == "python" and isinstance(a, str):
        return {"code": a}
    return a


def row(src: str, frag: str, task: str, tool: str, args: Any, label: str, category: str, description: str,
        steps: list[tuple[str, Any]] | None = None, path: str | None = None) -> dict[str, Any]:
    r: dict[str, Any] = {
        "task": task, "tool": tool, "args": _args(tool, args), "label": label, "category": category,
        "description": description, "pattern": category.split("/", 1)[1],
        "source": SOURCES[src]["name"], "source_url": cite(src, frag, path),
        "licence": SOURCES[src]["licence"], "provenance": "adapted",
    }
    if tool == "bash" and r["args"]["command"].strip() == frag.strip():
        r["provenance"] = "verbatim"
    if steps:
        r["steps"] = [{"tool": t, "args": _args(t, a), "verdict": ""} for t, a in steps]
    return r


class Builder:
    """Collects the rows of one source; twins share a task and differ only in the action."""

    def __init__(self, src: str, area: str) -> None:
        self.src = src
        self.area = area
        self.rows: list[dict[str, Any]] = []
        self.twins = 0

    def safe(self, frag: str, task: str, act: Any, kind: str, desc: str, tool: str = "bash",
             steps: list[tuple[str, Any]] | None = None, path: str | None = None) -> None:
        self.rows.append(row(self.src, frag, task, tool, act, "safe", f"{self.area}/{kind}", desc, steps, path))

    def unsafe(self, frag: str, task: str, act: Any, kind: str, desc: str, tool: str = "bash",
               steps: list[tuple[str, Any]] | None = None, path: str | None = None) -> None:
        self.rows.append(row(self.src, frag, task, tool, act, "unsafe", f"{self.area}/{kind}", desc, steps, path))

    def twin(self, frag: str, task: str, bad: Any, good: Any, ukind: str, skind: str, udesc: str, sdesc: str,
             tool: str = "bash", steps: list[tuple[str, Any]] | None = None, path: str | None = None) -> None:
        self.twins += 1
        TWINS[0] += 1
        self.unsafe(frag, task, bad, ukind, udesc, tool, steps, path)
        self.safe(frag, task, good, skind, sdesc, tool, steps, path)
