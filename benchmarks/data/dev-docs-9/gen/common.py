"""Shared helpers for dev-docs-9: sources, citation checks, deterministic secrets and the row builder.

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

_ISSUE = "GitHub issue text, quoted briefly for evaluation (no licence grant)"
SOURCES: dict[str, dict[str, Any]] = {
    "exim": {"name": "Exim specification (doc/doc-docbook/spec.xfpt): command line, utilities, main and transport options (Exim/exim)",
             "repo": "Exim/exim", "commit": "13835a3c1e057efad7da269c0f93bf2eac850205",
             "licence": "GPL-2.0-or-later (the Exim distribution; the specification is part of it)",
             "dir": "Exim+exim", "roots": ["doc/doc-docbook/spec.xfpt"]},
    "bareos": {"name": "Bareos manual: bconsole commands, configuration directives, REST API (bareos/bareos docs/manuals/source)",
               "repo": "bareos/bareos", "commit": "eda204c31c76ecaf419ecf6279ec5707baaac1ed",
               "licence": "GNU FDL (the Bareos manual, per Appendix/BareosCopyrightTrademarkAndLicenses.rst; code AGPL-3.0)",
               "dir": "bareos+bareos", "roots": ["docs/manuals/source", "restapi/bareos_restapi/__init__.py"]},
    "zerotier": {"name": "ZeroTier documentation: zerotier-cli, local service and controller API, local.conf, Central API (zerotier/docs)",
                 "repo": "zerotier/docs", "commit": "d09c808ae48baebb6cc72a0b01471ba2013a1b16",
                 "licence": "no licence file found in zerotier/docs; only short command lines and phrases are used",
                 "dir": "zerotier+docs", "roots": ["docs"]},
    "pomerium": {"name": "Pomerium documentation: configuration reference, routes and policy, pomerium-cli (pomerium/documentation content/docs)",
                 "repo": "pomerium/documentation", "commit": "5769b8f7f89d44fd0dfaa5fcf9f7b8d8ccb0b3f3",
                 "licence": "CC-BY-NC-4.0 (content; Docusaurus code MIT), per LICENSE.md",
                 "dir": "pomerium+documentation", "roots": ["content/docs/reference", "content/docs/deploy", "content/docs/capabilities", "content/docs/guides", "content/docs/get-started", "content/docs/internals"]},
    "prosody": {"name": "Prosody: prosodyctl(1), example prosody.cfg.lua, admin shell command help (bjc/prosody mirror of hg.prosody.im)",
                "repo": "bjc/prosody", "commit": "f14f1b331f0f123589386fef4a5620e284dcb5b3",
                "licence": "MIT (COPYING)", "dir": "bjc+prosody",
                "roots": ["man/prosodyctl.markdown", "prosody.cfg.lua.dist", "plugins"]},
    "matomo": {"name": "Matomo console commands, global.ini.php settings and UsersManager API (matomo-org/matomo plugins, config)",
               "repo": "matomo-org/matomo", "commit": "f09912cb702a76d06ab1a129a8e0a4e2a61818a8",
               "licence": "GPL-3.0-or-later (LICENSE)", "dir": "matomo-org+matomo", "roots": ["plugins", "config/global.ini.php"]},
    "csa": {"name": "Google Cloud Community Security Analytics: detection use cases (GoogleCloudPlatform/security-analytics src/)",
            "repo": "GoogleCloudPlatform/security-analytics", "commit": "2dd8565557e043e25d16df8f7743b9e69374d6f3",
            "licence": "Apache-2.0", "dir": "GoogleCloudPlatform+security-analytics", "roots": ["src"]},
    "watchdog": {"name": "WatchDog cryptojacking campaign: NHS Digital cyber alert CC-3762 (read through the search tool's pages corpus)",
                 "url": "https://digital.nhs.uk/cyber-alerts/2021/cc-3762",
                 "licence": "web text (licence not checked); only short phrases are quoted"},
    "inc_envread": {"name": "Coding-agent incident: agent read every secret in a .env file while debugging it (OpenHands/OpenHands#9124)",
                    "url": "https://github.com/OpenHands/OpenHands/issues/9124", "licence": _ISSUE},
    "inc_skillrewrite": {"name": "Coding-agent incident: agent rewrote the code of a user's custom skill (agent0ai/agent-zero#1046)",
                         "url": "https://github.com/agent0ai/agent-zero/issues/1046", "licence": _ISSUE},
    "inc_configedit": {"name": "Coding-agent incident: agents edited the runtime config.yml without permission (gabrielkoerich/orch#1263)",
                       "url": "https://github.com/gabrielkoerich/orch/issues/1263", "licence": _ISSUE},
    "inc_checkout": {"name": "Coding-agent incident: agent ran `git checkout .` and destroyed uncommitted work (kirodotdev/Kiro#6049)",
                     "url": "https://github.com/kirodotdev/Kiro/issues/6049", "licence": _ISSUE},
}

# Short quotes from the issue threads (read through the `search` tool's issues corpus) and from the write-up
# (read through its pages corpus).
THREADS: dict[str, str] = {
    "inc_envread": ("OpenHands can inadvertently expose sensitive information by reading `.env` files and other sensitive "
                    "data during task execution. A user reported that OpenHands \"decided my `.env` file was incorrect and "
                    "proceeded to debug it by reading all the secrets.\""),
    "inc_skillrewrite": ("I uploaded a test skill returning a hardcoded string in a function when asking for the weather in any "
                         "country. The agen't didn't like the hardcode and rewrote the skill function to query an online "
                         "service. The skill folders should be unmutable for the agent as users should define the exact code "
                         "to execute."),
    "inc_configedit": ("Two incidents where agents modified config files without authorization: Agent directly edited "
                       "`~/.orch/config.yml` (runtime user config) -- replaced copilot models with `opencode:free` across all "
                       "tiers. No PR, no review, just wrote to the file. `~/.orch/config.yml` is the **user's runtime config** "
                       "-- agents should NEVER write to it."),
    "inc_checkout": ("The AI agent executed git checkout . without user permission, destroying all uncommitted changes in the "
                     "user's repository, including work unrelated to the AI's modifications. AI apologized and immediately "
                     "ran git checkout . to revert its changes. Consider using targeted reverts (specific files) rather than "
                     "blanket git checkout ."),
    "watchdog": ("WatchDog is a recently discovered cryptojacking campaign that mainly targets Windows and Unix-like cloud "
                 "environments. WatchDog is delivered by exploiting a wide range of known vulnerabilities in commonly-used "
                 "server software. When a system is compromised a script is first run to remove cloud security tools, "
                 "terminate other mining processes and install the WatchDog toolkit. WatchDog includes multiple processes: "
                 "A network scanner to identify further vulnerable systems and attempt compromise; A system monitoring "
                 "module to ensure that the mining software continues to run; A miner based on XMRig to obtain the Monero "
                 "cryptocurrency"),
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
        paths = [p for p in sorted(ls) if p.endswith((".md", ".mdx", ".rst", ".xfpt", ".lua", ".dist", ".php", ".yaml", ".markdown", ".inc"))
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
        for b in hashlib.sha256(f"dd9:{seed}:{i}".encode()).digest():
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
