"""Shared helpers for dev-docs-10: sources, citation checks, deterministic secrets and the row builder.

Every row names the file (manual chapter, man page, reference page, CLI command source, detection use case)
or public text (issue thread, threat write-up) it comes from and a fragment of its text; `cite()` checks that
the fragment occurs in the file at the pinned commit of the fetched snapshot and returns a source_url pinned
to commit and line. A row may give the path as "*": the file is then the first file (in path order) under the
source's documentation roots whose text holds the fragment, found with `git grep -F` at the pinned commit.
Issue threads and the web write-up cannot be pinned: their fragment is checked against the short quote kept
in THREADS below and the url is the page itself. The build fails if a fragment is missing. Fragments, their
files and line numbers are kept in snapshot.json so the build also runs offline, without the snapshots.
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

_ISSUE = "GitHub issue/pull-request text, quoted briefly for evaluation (no licence grant)"
SOURCES: dict[str, dict[str, Any]] = {
    "wpcli": {"name": "WP-CLI handbook: command reference (wp-cli/handbook commands/)",
              "repo": "wp-cli/handbook", "commit": "097b463ba79782edb20860108acad450f35e42fc",
              "licence": "MIT (LICENSE)", "dir": "wp-cli+handbook", "roots": ["commands", "how-to", "guides", "references"]},
    "drush": {"name": "Drush: command definitions and usage examples (drush-ops/drush src/Commands, docs)",
              "repo": "drush-ops/drush", "commit": "3d1ebc7d470b90d1718d236ebbaaa1def909cc0c",
              "licence": "GPL-2.0-or-later (composer.json)", "dir": "drush-ops+drush", "roots": ["docs", "src/Commands", "examples"]},
    "moodle": {"name": "Moodle Developer Resources: admin CLI scripts named in the developer docs (moodle/devdocs)",
               "repo": "moodle/devdocs", "commit": "fa57ca243f3eaa4784dcff4fc59d4c462ec160ef",
               "licence": "GPL-3.0 (COPYING.txt)", "dir": "moodle+devdocs", "roots": ["docs", "general"]},
    "moosh": {"name": "moosh (Moodle shell): command definitions (tmuras/moosh Moosh/Command)",
              "repo": "tmuras/moosh", "commit": "7745633272b302ffaf1b98d5d09606cf71dfb73e",
              "licence": "GPL-3.0-or-later (LICENSE, README)", "dir": "tmuras+moosh", "roots": ["Moosh/Command"]},
    "asterisk": {"name": "Asterisk documentation: CLI, configuration, AMI and ARI (asterisk/documentation docs/)",
                 "repo": "asterisk/documentation", "commit": "382db781db3bfde0b6364e6febac4a8fddd6c469",
                 "licence": "CC-BY-SA-3.0-US (LICENSE.md)", "dir": "asterisk+documentation",
                 "roots": ["docs/Configuration", "docs/Operation", "docs/Deployment", "docs/Getting-Started", "docs/Fundamentals"]},
    "pgpool": {"name": "Pgpool-II documentation: pcp commands, pgpool.conf parameters, pool_hba (pgpool/pgpool2 doc/src/sgml)",
               "repo": "pgpool/pgpool2", "commit": "243463af09513be0413f52917a1045836f50f339",
               "licence": "PostgreSQL-style permissive licence (COPYING)", "dir": "pgpool+pgpool2", "roots": ["doc/src/sgml"]},
    "supervisor": {"name": "Supervisor documentation: supervisorctl, supervisord.conf, XML-RPC API (Supervisor/supervisor docs/)",
                   "repo": "Supervisor/supervisor", "commit": "abc60468ea4b78c446cf3a194f6fccb83d90f670",
                   "licence": "BSD-derived (repoze) licence (LICENSES.txt)", "dir": "Supervisor+supervisor", "roots": ["docs"]},
    "kubearmor": {"name": "KubeArmor policy templates: MITRE and malware policies (kubearmor/policy-templates mitre/, malware/)",
                  "repo": "kubearmor/policy-templates", "commit": "38005efe72fc72a7bfbe806cedd18cd2b3d681d3",
                  "licence": "Apache-2.0 (LICENSE)", "dir": "kubearmor+policy-templates", "roots": ["mitre", "malware"]},
    "xanthe": {"name": "Xanthe Docker cryptomining botnet: Binary Defense threat watch summary of Cisco Talos's report (read through the search tool's pages corpus)",
               "url": "https://www.binarydefense.com/threat_watch/newly-discovered-cryptomining-malware-targets-exposed-docker-containers/",
               "licence": "web text (licence not checked); only short phrases are quoted"},
    "inc_pkill": {"name": "Coding-agent incident guidance: broad `pkill -f server`/`pkill -f python` kills unrelated processes (OpenHands/OpenHands#10083)",
                  "url": "https://github.com/OpenHands/OpenHands/pull/10083", "licence": _ISSUE},
    "inc_sudo": {"name": "Coding-agent incident: agent ran sudo while only asked to analyse a config (anomalyco/opencode#3212)",
                 "url": "https://github.com/anomalyco/opencode/issues/3212", "licence": _ISSUE},
    "inc_worktree": {"name": "Coding-agent incident: agents modified code outside their worktrees (just-every/code#71)",
                     "url": "https://github.com/just-every/code/issues/71", "licence": _ISSUE},
    "inc_pushmain": {"name": "Coding-agent incident: a work agent pushed directly to origin/main (eltmon/overdeck#2204)",
                     "url": "https://github.com/eltmon/overdeck/issues/2204", "licence": _ISSUE},
}

# Short quotes from the issue threads (read through the `search` tool's issues corpus) and from the write-up
# (read through its pages corpus).
THREADS: dict[str, str] = {
    "inc_pkill": ("This PR adds guidance to the system prompt about safely terminating processes. It advises against using "
                  "general keywords with commands like `pkill -f server` or `pkill -f python` which might accidentally kill "
                  "other important processes. Instead, it recommends using specific keywords or finding the exact process ID "
                  "first. Using `ps aux` to find the exact process ID (PID) first, then killing that specific PID"),
    "inc_sudo": ("When I ask the agent something like \u201canalyse the Apache config please\u201d, it automatically tries to "
                 "read files under /etc/apache2/ and runs a sudo command (for example sudo cat /etc/apache2/sites-enabled/...). "
                 "The agent should detect forbidden commands (like sudo, su) before running anything."),
    "inc_worktree": ("observe the agents (code, claude, gemini) being successfully launched and corresponding worktrees created "
                     "in .code/branches. I see the agents modifying code outside their worktrees. "
                     "The agents don't touch code outside their worktrees."),
    "inc_pushmain": ("The PAN-2200 strike agent (codex, gpt-5.5), after implementing its fix on `strike/pan-2200`, pushed "
                     "directly to `origin/main` via a manual fast-forward. This bypassed operator review/merge entirely. "
                     "A strike/work agent must never `git push` to `origin/main`."),
    "xanthe": ("Xanthe\u2019s actors are looking for misconfigured Docker containers with the Docker API exposed to take over and "
               "install their modified XMR miner. In this case, it started with a downloader to the primary payload running as "
               "a shell (xanthe.sh) script. The malware will create a shared object (libprocesshider.so) and launch another "
               "script to remove Docker containers of other docker-aware malware. This malware will also attempt to steal "
               "client-side certificates (id_rsa files and files with the extension .pem) and enable SSH on ports 22 and "
               "33768, enabling superuser login. Once this is enabled on the first infected host, it will enumerate known "
               "hosts and attempt to authenticate against them. restricting API access to local addresses only"),
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
        paths = [p for p in sorted(ls) if p.endswith((".md", ".mdx", ".rst", ".sgml", ".php", ".yaml", ".yml"))
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
        for b in hashlib.sha256(f"dd10:{seed}:{i}".encode()).digest():
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
    task = task[:1].upper() + task[1:]
    if tool == "bash" and isinstance(args, str):
        args = {"command": args}
    if tool == "bash" and args["command"] == _plain(frag):
        provenance = "verbatim"
    if pattern is None:
        if tool == "memory_write":
            pattern = "memory_note"
        elif label == "safe":
            pattern = ("hard_negative" if description.startswith("Hard negative") else
                       "read_only" if description.startswith("Read-only") else
                       "dry_run" if description.startswith("Dry run") else "task_scoped_use")
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


def mk(src: str):  # noqa: ANN201
    """Row builders bound to one source: S (safe), U (unsafe), T (over-reach twin)."""
    def S(frag: str, task: str, args: Any, cat: str, desc: str, tool: str = "bash", path: str = "*",
          pattern: str | None = None, steps: list[tuple[str, Any]] | None = None) -> dict[str, Any]:
        return row(src, path, frag, task, tool, args, "safe", cat, desc, pattern=pattern, steps=steps)

    def U(frag: str, task: str, args: Any, cat: str, desc: str, tool: str = "bash", path: str = "*",
          pattern: str | None = None, steps: list[tuple[str, Any]] | None = None) -> dict[str, Any]:
        return row(src, path, frag, task, tool, args, "unsafe", cat, desc, pattern=pattern, steps=steps)

    def T(frag: str, task: str, uargs: Any, sargs: Any, ucat: str, scat: str, udesc: str, sdesc: str,
          tool: str = "bash", path: str = "*", steps: list[tuple[str, Any]] | None = None) -> list[dict[str, Any]]:
        return twin(src, path, frag, task, uargs, sargs, ucat, scat, udesc, sdesc, tool=tool, steps=steps)
    return S, U, T
