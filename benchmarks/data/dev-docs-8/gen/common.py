"""Shared helpers for dev-docs-8: sources, citation checks, deterministic secrets and the row builder.

Every row names the file (documentation page, man page, CLI reference, detection rule or technique page) or
public issue thread it comes from and a fragment of its text; `cite()` checks that the fragment occurs in
the file at the pinned commit of the fetched snapshot and returns a source_url pinned to commit and line.
A row may give the path as "*": the file is then the first file (in path order) under the source's
documentation roots whose text holds the fragment, found with `git grep -F` at the pinned commit.
Issue threads cannot be pinned: their fragment is checked against the short quote kept in THREADS below and
the url is the thread itself. The build fails if a fragment is missing. Fragments, their files and line
numbers are kept in snapshot.json so the build also runs offline, without the snapshots.
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
SOURCES: dict[str, dict[str, Any]] = {
    "forgejo": {"name": "Forgejo documentation: CLI reference, config cheat sheet, API usage (mirror of codeberg forgejo/docs)",
                "repo": "massoncheg/forgejo-docs", "commit": "c4080e1f27fb7cb1122d930e31798edbf20700a4",
                "licence": "CC-BY-SA-4.0 (docs/license.md; parts copied from Gitea docs under Apache-2.0)",
                "dir": "massoncheg+forgejo-docs", "roots": ["docs/admin", "docs/user"]},
    "apisix": {"name": "Apache APISIX documentation: Admin API, CLI, plugins, config.yaml.example (apache/apisix docs/en/latest)",
               "repo": "apache/apisix", "commit": "f519a0f04ccfd4c13b5d06caf34bcde8c8593980",
               "licence": "Apache-2.0", "dir": "apache+apisix", "roots": ["docs/en/latest", "conf"]},
    "kanidm": {"name": "Kanidm book and example server.toml (kanidm/kanidm book/src, examples)",
               "repo": "kanidm/kanidm", "commit": "f72676f73006e83bd0819d75a3b1a57fe85beef6",
               "licence": "MPL-2.0", "dir": "kanidm+kanidm", "roots": ["book/src", "examples"]},
    "hasura": {"name": "Hasura GraphQL Engine v2 docs: CLI commands, Metadata/Schema API, production checklist (hasura/tristens-docs-download-scripts files/hasura2docs)",
               "repo": "hasura/tristens-docs-download-scripts", "commit": "551a3e8cc9c0635427bc3027a1506db862807285",
               "licence": "Apache-2.0 (hasura/graphql-engine, where the docs are maintained; this Hasura-published text copy has no licence file of its own)",
               "dir": "hasura+tristens-docs-download-scripts", "roots": ["files/hasura2docs"]},
    "mdadm": {"name": "mdadm(8) and mdadm.conf(5) man pages (md-raid-utilities/mdadm)",
              "repo": "md-raid-utilities/mdadm", "commit": "d1447022d4a273a6bd9eeb403f9711561c9ad8f6",
              "licence": "GPL-2.0", "dir": "md-raid-utilities+mdadm", "roots": ["mdadm.8.in", "mdadm.conf.5.in", "md.4"]},
    "synapse": {"name": "Matrix Synapse admin API and configuration manual (matrix-org/synapse docs, last Apache-2.0 snapshot)",
                "repo": "matrix-org/synapse", "commit": "be65a8ec0195955c15fdb179c9158b187638e39a",
                "licence": "Apache-2.0", "dir": "matrix-org+synapse", "roots": ["docs/admin_api", "docs/usage", "docs/setup"]},
    "sumo": {"name": "Sumo Logic Cloud SIEM content catalog: rule names and descriptions (SumoLogic/cloud-siem-content-catalog rules/)",
             "repo": "SumoLogic/cloud-siem-content-catalog", "commit": "27c4e8fefe905e531711f305f7a2c5138ff4fe39",
             "licence": "no licence file found; only rule titles and short description phrases are quoted",
             "dir": "SumoLogic+cloud-siem-content-catalog", "roots": ["rules"]},
    "tmk8s": {"name": "Microsoft Threat Matrix for Kubernetes: technique pages (microsoft/Threat-Matrix-for-Kubernetes docs/techniques)",
              "repo": "microsoft/Threat-Matrix-for-Kubernetes", "commit": "b885d18bd4236286b59b735c5e18f2902823d2c2",
              "licence": "CC-BY-4.0", "dir": "microsoft+Threat-Matrix-for-Kubernetes", "roots": ["docs/techniques"]},
    "inc_clineforce": {"name": "Coding-agent incident: git push --force over a merge conflict broke a live site (cline/cline#7682)",
                       "url": "https://github.com/cline/cline/issues/7682", "licence": _ISSUE},
    "inc_amendpush": {"name": "Coding-agent incident: amend and force push without consent (github/app#1283)",
                      "url": "https://github.com/github/app/issues/1283", "licence": _ISSUE},
    "inc_mcpenv": {"name": "Coding-agent incident: MCP server listing showed live API keys and tokens (openai/codex#5524)",
                   "url": "https://github.com/openai/codex/issues/5524", "licence": _ISSUE},
}

# Short quotes from the issue threads (read through the `search` tool's issues corpus).
THREADS: dict[str, str] = {
    "inc_clineforce": ("Cline used `git push origin main --force` during a merge conflict, which overwrote the remote "
                       "GitHub repository and deleted multiple template files. This broke the user's live Vercel site. "
                       "The user had a .clinerules file stating \"DO NOT DELETE ANYTHING WITHOUT THE USERS PERMISSION.md\" "
                       "Cline should have either: 1. Asked the user for permission before using --force 2. Properly "
                       "resolved the merge conflict without force push"),
    "inc_amendpush": ("I noticed that when I ask the agent to remove some code, it consistently remove the code, amend "
                      "the current commit and force push to the remote repo without additional user consent. Force push "
                      "is a destructive operation that shouldn't be easily executed like this. Make the agent create a new "
                      "commit instead, or require user consent for executing force push."),
    "inc_mcpenv": ("it shows actual openAI key , I was expecting it to show ***** or something as if we running headless "
                   "codex it can expose the API and other sensitive info like PAT token easily in trace. "
                   "sensitive info should be masked out with ****"),
}

ERRORS: list[str] = []
_used: dict[str, dict[str, list]] = {}


@functools.lru_cache(maxsize=None)
def _snapshot() -> dict[str, dict[str, list]]:
    if SNAP.is_file():
        return json.loads(SNAP.read_text())
    return {}


def _mdir(src: str) -> Path:
    return MIRROR / SOURCES[src]["dir"] / "repo"


@functools.lru_cache(maxsize=None)
def _git_text(src: str, path: str) -> str:
    return subprocess.run(["git", "-C", str(_mdir(src)), "show", f"{SOURCES[src]['commit']}:{path}"],
                          capture_output=True, text=True, check=True).stdout


def _find(src: str, frag: str) -> str | None:
    out = subprocess.run(["git", "-C", str(_mdir(src)), "grep", "-l", "-F", "-e", frag, SOURCES[src]["commit"], "--",
                          *SOURCES[src]["roots"]], capture_output=True, text=True).stdout
    paths = sorted(p.split(":", 1)[1] for p in out.splitlines() if ":" in p)
    # a fragment spanning lines is not found by grep; fall back to scanning the roots' files
    if not paths and "\n" in frag:
        ls = subprocess.run(["git", "-C", str(_mdir(src)), "ls-tree", "-r", "--name-only", SOURCES[src]["commit"], "--",
                             *SOURCES[src]["roots"]], capture_output=True, text=True).stdout.split()
        paths = [p for p in sorted(ls) if p.endswith((".md", ".in", ".toml", ".yaml", ".example", ".4"))
                 and frag in _git_text(src, p)]
    return paths[0] if paths else None


def cite(src: str, path: str, frag: str) -> str:
    if src in THREADS:
        if frag not in THREADS[src]:
            ERRORS.append(f"{src}: fragment not in thread quote: {frag!r}")
        return SOURCES[src]["url"]
    key = f"{src}:{path}"
    commit = SOURCES[src]["commit"]
    repo = SOURCES[src]["repo"]
    if not _mdir(src).is_dir():  # offline build from the trimmed snapshot
        ent = _snapshot().get(key, {}).get(frag)
        if ent is None:
            ERRORS.append(f"{key}: fragment not in snapshot: {frag!r}")
            return "https://github.com/"
        line, real = ent[0], ent[2]
    else:
        real = path if path != "*" else _find(src, frag)
        if real is None:
            ERRORS.append(f"{key}: fragment not found in any file: {frag!r}")
            return "https://github.com/"
        try:
            text = _git_text(src, real)
        except subprocess.CalledProcessError:
            ERRORS.append(f"{src}:{real}: file missing")
            return "https://github.com/"
        idx = text.find(frag)
        if idx < 0:
            ERRORS.append(f"{src}:{real}: fragment not found: {frag!r}")
            idx = 0
        line = text.count("\n", 0, idx) + 1
        _used.setdefault(key, {})[frag] = [line, frag, real]
    return f"https://github.com/{repo}/blob/{commit}/{real}#L{line}"


def used_texts() -> dict[str, dict[str, list]]:
    return dict(_used)


# ---- deterministic, random-looking secrets (all of them are fake; none is a real credential) ----
B62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
HEX = "0123456789abcdef"
UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
B64 = B62 + "+/"


def sec(seed: str, n: int = 32, alpha: str = B62) -> str:
    out: list[str] = []
    i = 0
    while len(out) < n:
        for b in hashlib.sha256(f"dd8:{seed}:{i}".encode()).digest():
            out.append(alpha[b % len(alpha)])
        i += 1
    return "".join(out[:n])


def hexs(seed: str, n: int = 40) -> str:
    return sec(seed, n, HEX)


def aws_id(seed: str) -> str:
    return "AKIA" + sec(seed, 16, UPPER)


def aws_secret(seed: str) -> str:
    return sec(seed, 40, B64)


def ghp(seed: str) -> str:
    return "ghp_" + sec(seed, 36)


def pw(seed: str) -> str:
    return sec(seed, 6, B62) + "-" + sec(seed + "b", 6, B62) + "-" + sec(seed + "c", 6, B62)


# ---- rows ----
def _plain(frag: str) -> str:
    frag = frag.strip()
    for a in ("$ ", "# "):
        if frag.startswith(a):
            frag = frag[len(a):]
    return frag.strip()


def row(src: str, path: str, frag: str, task: str, tool: str, args: Any, label: str, category: str,
        description: str, pattern: str | None = None, provenance: str = "adapted",
        steps: list[tuple[str, Any]] | None = None) -> dict[str, Any]:
    if tool == "bash" and isinstance(args, str):
        args = {"command": args}
    if tool == "bash" and args["command"] == _plain(frag):
        provenance = "verbatim"
    if pattern is None:
        if label == "safe":
            pattern = "hard_negative" if description.startswith("Hard negative") else "task_scoped_use"
        else:
            pattern = "beyond_task"
    r: dict[str, Any] = {
        "source": SOURCES[src]["name"], "source_url": cite(src, path, frag),
        "licence": SOURCES[src]["licence"], "provenance": provenance, "task": task, "tool": tool,
        "args": args, "label": label, "category": category, "description": description, "pattern": pattern,
    }
    if steps:
        r["steps"] = [{"tool": t, "args": ({"command": a} if t == "bash" and isinstance(a, str) else a),
                       "verdict": ""} for t, a in steps]
    return r


def twin(src: str, path: str, frag: str, task: str, unsafe_cmd: Any, safe_cmd: Any, ucat: str, scat: str,
         udesc: str, sdesc: str, tool: str = "bash", steps: list[tuple[str, Any]] | None = None,
         pattern: str = "overreach_twin") -> list[dict[str, Any]]:
    """An over-reach twin: the same limiting task with the action that goes past it and its safe version."""
    return [row(src, path, frag, task, tool, unsafe_cmd, "unsafe", ucat, udesc, pattern=pattern, steps=steps),
            row(src, path, frag, task, tool, safe_cmd, "safe", scat, sdesc, pattern=pattern, steps=steps)]


def mem(kind: str, title: str, content: str) -> dict[str, str]:
    return {"kind": kind, "title": title, "content": content}


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


def py(code: str) -> dict[str, str]:
    return {"code": code}
