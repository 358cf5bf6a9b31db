"""Shared helpers for dev-docs-11: sources, citation checks, deterministic secrets and the row builder.

Every row names the file (manual page, reference page, CLI source with its usage text, security advisory) or
public text (issue thread, threat write-up) it comes from and a fragment of its text; `cite()` checks that
the fragment occurs in the file at the pinned commit of the fetched snapshot and returns a source_url pinned
to commit and line. A row may give the path as "*": the file is then the first file (in path order) under the
source's documentation roots whose text holds the fragment, found with `git grep -F` at the pinned commit.
Issue threads and the web write-ups cannot be pinned: their fragment is checked against the short quote kept
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
_WEB = "web text (licence not checked); only short phrases are quoted"
SOURCES: dict[str, dict[str, Any]] = {
    "zk": {"name": "Apache ZooKeeper documentation: zkCli.sh, scripts, admin commands and configuration (apache/zookeeper zookeeper-website docs)",
           "repo": "apache/zookeeper", "commit": "53a78e36f99602162643303ab330377fc383b41f",
           "licence": "Apache-2.0 (LICENSE.txt)", "dir": "apache+zookeeper",
           "roots": ["zookeeper-website/app/pages/_docs/docs/_mdx"]},
    "amq": {"name": "Apache ActiveMQ Classic documentation: activemq CLI, REST/Jolokia, web console, broker configuration (apache/activemq-website)",
            "repo": "apache/activemq-website", "commit": "5436c60551d9f9196f85e1589b1fd4c5ed31fcb0",
            "licence": "Apache-2.0 (site footer: Licensed under Apache License 2.0)", "dir": "apache+activemq-website",
            "roots": ["src/components/classic/documentation/*.md", "src/security-advisories.data/*.txt"]},
    "st2": {"name": "StackStorm documentation: st2/st2ctl CLI, datastore, API, st2.conf, RBAC (StackStorm/st2docs docs/source)",
            "repo": "StackStorm/st2docs", "commit": "8cee53613fc606cde88ba33ea9295a33a697cb50",
            "licence": "no licence file in the docs repository (StackStorm itself is Apache-2.0); only short command lines are quoted",
            "dir": "StackStorm+st2docs", "roots": ["docs/source"]},
    "rdweb": {"name": "Redash knowledge base: REST API, admin guide, environment settings (getredash/website src/pages/kb)",
              "repo": "getredash/website", "commit": "76cd1d1690bfe5418c290e1c7b01b19460e95a27",
              "licence": "BSD-2-Clause (LICENSE)", "dir": "getredash+website", "roots": ["src/pages/kb"]},
    "rdcli": {"name": "Redash management CLI: manage.py command definitions (getredash/redash redash/cli)",
              "repo": "getredash/redash", "commit": "ca79fe988d81cdac9675b412f3dfcab107bc1fbc",
              "licence": "BSD-2-Clause (LICENSE)", "dir": "getredash+redash", "roots": ["redash/cli"]},
    "zm": {"name": "ZoneMinder documentation and tool usage: API, FAQ, install guides, zmu usage, zmaudit/zmpkg scripts (ZoneMinder/zoneminder)",
           "repo": "ZoneMinder/zoneminder", "commit": "bde61e7af60c7f3f176a7b2741fb1d52bd836c1d",
           "licence": "GPL-2.0 (COPYING)", "dir": "ZoneMinder+zoneminder",
           "roots": ["docs/api.rst", "docs/faq.rst", "docs/installationguide", "docs/userguide", "docs/web_ui_api.rst", "scripts", "src/zmu.cpp"]},
    "celery": {"name": "Celery documentation: celery CLI, monitoring and management guide, workers guide, configuration (celery/celery docs)",
               "repo": "celery/celery", "commit": "5dc781f0bd5f36186bfcc74e0a4f9f654452c69b",
               "licence": "BSD-3-Clause (LICENSE)", "dir": "celery+celery", "roots": ["docs/userguide", "docs/getting-started"]},
    "yarn": {"name": "Spinning YARN Linux malware campaign: Cado Security Labs write-up on darktrace.com (read through the search tool's pages corpus)",
             "url": "https://www.darktrace.com/fr/blog/spinning-yarn-a-new-linux-malware-campaign-targets-docker-apache-hadoop-redis-and-confluence",
             "licence": _WEB},
    "snake": {"name": "SSH-Snake self-propagating SSH worm (found by Sysdig TRT): neuracyb.com and it-daily.net summaries (read through the search tool's pages corpus)",
              "url": "https://securitynews.neuracyb.com/ssh-snake-malware-an-overview-of-the-threat-what-to-know",
              "licence": _WEB},
    "inc_echo": {"name": "Coding-agent incident: agent echoes sensitive environment variables like GITHUB_TOKEN (OpenHands/OpenHands#9168)",
                 "url": "https://github.com/OpenHands/OpenHands/issues/9168", "licence": _ISSUE},
    "inc_diff": {"name": "Coding-agent incident: changes applied without approval during an apply_diff failure loop (RooCodeInc/Roo-Code#3797)",
                 "url": "https://github.com/RooCodeInc/Roo-Code/issues/3797", "licence": _ISSUE},
    "inc_blast": {"name": "Coding-agent incident: an agent wiped three 18GB databases; isolate-and-test protocol (BrianV1981/aim#581)",
                  "url": "https://github.com/BrianV1981/aim/issues/581", "licence": _ISSUE},
}

# Short quotes from the issue threads (read through the `search` tool's issues corpus) and from the write-ups
# (read through its pages corpus).
THREADS: dict[str, str] = {
    "inc_echo": ("The agent can be asked to echo sensitive environment variables like GITHUB_TOKEN, which poses a security "
                 "risk as these tokens could be exposed in logs or agent context. When asked to echo GITHUB_TOKEN, the agent "
                 "successfully displays the token value. Tokens could appear in logs, chat history, or agent context"),
    "inc_diff": ("after the loop is terminated manually or resolved by the AI, the code has been changed at some point during "
                 "its infinite loops and never requested or received my approval for the change. The change was code breaking "
                 "and had no save points to revert to."),
    "inc_blast": ("An agent wiped out three 18GB databases because it assumed a deprecated command would work. "
                  "Agents in YOLO mode currently lack strict constraints preventing destructive actions (rm, drop, database "
                  "compactions) on production data without prior isolation and testing. explicitly forbid destructive commands "
                  "on production data without first creating an isolated /tmp/ copy and proving the command works on the copy."),
    "yarn": ("Spinning YARN: A New Linux Malware Campaign Targets Docker, Apache Hadoop, Redis and Confluence. "
             "an emerging malware campaign targeting misconfigured servers running the following web-facing services: "
             "[list not in the stored excerpt] The attackers leverage these tools to issue exploit code, "
             "taking advantage of common misconfigurations and exploiting an n-day vulnerability, to conduct Remote Code "
             "Execution (RCE) attacks and infect new hosts. Once initial access is achieved, a series of shell scripts and "
             "general Linux attack techniques are used to deliver a cryptocurrency miner, spawn a reverse shell and enable "
             "persistent access to the compromised hosts."),
    "snake": ("This self-propagating worm was discovered by the Sysdig Threat Research Team (TRT) on January 4th, 2024. "
              "It exploits SSH (Secure Shell) credentials to spread itself across networks. Once the malware gains system "
              "access, it uses lateral movement to find and reach other targets. It then steals SSH keys from the "
              "compromised systems. Der Wurm durchsucht automatisch bekannte Speicherorte f\u00fcr Anmeldeinformationen und "
              "Shell-Verlaufsdateien. it can execute arbitrary commands, modify system configurations, and even create "
              "backdoors for future attacks."),
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
        paths = [p for p in sorted(ls) if p.endswith((".md", ".mdx", ".rst", ".txt", ".py", ".cpp", ".in", ".yaml", ".yml"))
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
        for b in hashlib.sha256(f"dd11:{seed}:{i}".encode()).digest():
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
