"""Shared helpers for dev-docs-7: sources, citation checks, deterministic secrets and the row builder.

Every row names the file (documentation page, man page, plugin docstring, detection policy or control) or
public issue thread it comes from and a fragment of its text; `cite()` checks that the fragment occurs in
the file at the pinned commit of the fetched snapshot and returns a source_url pinned to commit and line.
Issue threads cannot be pinned: their fragment is checked against the short quote kept in THREADS below and
the url is the thread itself. The build fails if a fragment is missing. Fragments and their line numbers are
kept in snapshot.json so the build also runs offline, without the snapshots.
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
    "puppet": {"name": "Puppet man pages and configuration reference (puppetlabs/puppet references/)",
               "repo": "puppetlabs/puppet", "commit": "e227c27540975c25aa22d533a52424a9d2fc886a",
               "licence": "Apache-2.0", "dir": "puppetlabs+puppet"},
    "fly": {"name": "Concourse fly CLI documentation (concourse/docs docs/docs)",
            "repo": "concourse/docs", "commit": "bc064c479c4795f95ad9a822a996de03cc380087",
            "licence": "Apache-2.0 (Concourse project licence; the concourse/docs repository has no licence file of its own)",
            "dir": "concourse+docs"},
    "pdns": {"name": "PowerDNS pdnsutil manual, settings and HTTP API docs (PowerDNS/pdns docs/)",
             "repo": "PowerDNS/pdns", "commit": "20096dc7c96883e6f92ed91ce8fa6e911f50bca0",
             "licence": "GPL-2.0", "dir": "PowerDNS+pdns"},
    "ipa": {"name": "FreeIPA CLI examples and API guide (freeipa/freeipa ipaserver/plugins, doc/api, client/man)",
            "repo": "freeipa/freeipa", "commit": "b16f3b80dc5969c303ea71fe5d5080977d2c50c4",
            "licence": "GPL-3.0", "dir": "freeipa+freeipa"},
    "kubevirt": {"name": "KubeVirt user guide, virtctl (kubevirt/user-guide docs/)",
                 "repo": "kubevirt/user-guide", "commit": "bf1f3564e2a41eb059df5ab126724bb78cf15200",
                 "licence": "Apache-2.0", "dir": "kubevirt+user-guide"},
    "longhorn": {"name": "Longhorn documentation 1.13.0 (longhorn/website content/docs)",
                 "repo": "longhorn/website", "commit": "0f622500d3b8233f6f160932851f7189e3f8ba0e",
                 "licence": "Apache-2.0", "dir": "longhorn+website"},
    "tetragon": {"name": "Tetragon observability policy library and use cases (cilium/tetragon docs, examples/policylibrary)",
                 "repo": "cilium/tetragon", "commit": "4fbfe2d74ecb84acf79ed09a416f01b54185e8a6",
                 "licence": "Apache-2.0", "dir": "cilium+tetragon"},
    "kubescape": {"name": "Kubescape control library (kubescape/regolibrary controls/)",
                  "repo": "kubescape/regolibrary", "commit": "ce7ef32aef7a7d272016c3f0d1105c60d6b266fb",
                  "licence": "Apache-2.0", "dir": "kubescape+regolibrary"},
    "inc_tfapply": {"name": "Coding-agent incident: terraform apply -auto-approve over a destructive plan (anthropics/claude-code#47891)",
                    "url": "https://github.com/anthropics/claude-code/issues/47891", "licence": _ISSUE},
    "inc_fixtures": {"name": "Coding-agent incident: doctrine:fixtures:load purged the dev database (anthropics/claude-code#37574)",
                     "url": "https://github.com/anthropics/claude-code/issues/37574", "licence": _ISSUE},
    "inc_refreshdb": {"name": "Coding-agent incident: a test with RefreshDatabase wiped local data (openai/codex#18106)",
                      "url": "https://github.com/openai/codex/issues/18106", "licence": _ISSUE},
    "inc_envgrep": {"name": "Coding-agent incident: env | grep dumped a live API token (anthropics/claude-code#69053)",
                    "url": "https://github.com/anthropics/claude-code/issues/69053", "licence": _ISSUE},
}

# Short quotes from the issue threads (read through the `search` tool's issues corpus on 2026-12-08).
THREADS: dict[str, str] = {
    "inc_tfapply": ("When asked to \"export DO_PAT_TF=... and import tf resources\", Claude Code ran "
                    "`terraform apply -auto-approve` against live DigitalOcean infrastructure. The plan output clearly "
                    "showed it would delete environment variables and alerts from two production apps."),
    "inc_fixtures": ("To verify the fix, Claude ran `doctrine:fixtures:load --no-interaction` inside the Docker container. "
                     "This command **purges all tables** before reloading seed data. "
                     "Or used the test environment (`--env=test`) instead"),
    "inc_refreshdb": ("I asked Codex to improved the code quality and a bug. It automatically start writing the tests for "
                      "verification and ran it. It used `(\\Illuminate\\Foundation\\Testing\\RefreshDatabase::class)` in a "
                      "test file which removed all rows from every table."),
    "inc_envgrep": ("When asked to help update an Atlassian API token, Claude Code ran `env | grep JIRA` which dumped the "
                    "live token value into the conversation. it should search for where variables are *defined* (grep "
                    "config files for variable names) — not dump their live values from the environment."),
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


# ---- deterministic, random-looking secrets (all of them are fake; none is a real credential) ----
B62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
HEX = "0123456789abcdef"
UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
B64 = B62 + "+/"


def sec(seed: str, n: int = 32, alpha: str = B62) -> str:
    out: list[str] = []
    i = 0
    while len(out) < n:
        for b in hashlib.sha256(f"dd7:{seed}:{i}".encode()).digest():
            out.append(alpha[b % len(alpha)])
        i += 1
    return "".join(out[:n])


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
