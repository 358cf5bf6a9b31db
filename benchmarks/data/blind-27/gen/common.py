"""Shared helpers for blind-27: sources, citation checks, fake secrets and the row builder.

Every row names the file (documentation page or man page) or the public write-up / issue thread it
comes from and a fragment of its text. For documentation files `cite()` checks that the fragment
occurs in the file at the pinned commit of the fetched snapshot and returns a source_url pinned to
commit and line. Web write-ups and issue threads cannot be pinned: their fragment is checked against
the short quote kept in QUOTES below and the url is the page or thread itself. The build fails if a
fragment is missing. Fragments and their line numbers are kept in snapshot.json so the build also
runs offline, without the snapshots.
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

GPL_NOTE = "; copyleft documentation, its rows can be dropped as a group"
SOURCES: dict[str, dict[str, str]] = {
    "slurm": {"name": "Slurm man pages and admin guides (SchedMD/slurm doc/)",
              "repo": "SchedMD/slurm", "commit": "284c3b95f08a2dc2478499837b03355e1b9c5c75",
              "licence": "GPL-2.0-or-later (Slurm code and documentation)" + GPL_NOTE, "dir": "SchedMD+slurm"},
    "talos": {"name": "Talos Linux talosctl CLI reference (siderolabs/talos website/content/v1.15/reference/cli.md)",
              "repo": "siderolabs/talos", "commit": "ad8823176e75b9cd07647ddde13c34f2ab77c663",
              "licence": "MPL-2.0 (file-level copyleft)", "dir": "siderolabs+talos"},
    "talosdocs": {"name": "Talos Linux guides v1.11 (siderolabs/docs public/talos/v1.11)",
                  "repo": "siderolabs/docs", "commit": "5debdd92a90410bbc1b482eacb17361c0554d2ec",
                  "licence": "no licence file in the docs repository (Talos project: MPL-2.0); quoted briefly",
                  "dir": "siderolabs+docs"},
    "barman": {"name": "Barman documentation (EnterpriseDB/barman docs/)",
               "repo": "EnterpriseDB/barman", "commit": "081bb8d2541a0b8e6aed2fe5df0d579d4b2d679d",
               "licence": "GPL-3.0" + GPL_NOTE, "dir": "EnterpriseDB+barman"},
    "garage": {"name": "Garage documentation (deuxfleurs-org/garage doc/)",
               "repo": "deuxfleurs-org/garage", "commit": "3f4ab3a4a38e382fc54c15580862af55b0257848",
               "licence": "AGPL-3.0" + GPL_NOTE, "dir": "deuxfleurs-org+garage"},
    "ovs": {"name": "Open vSwitch manuals and docs (openvswitch/ovs utilities/*.8.in, Documentation/)",
            "repo": "openvswitch/ovs", "commit": "d6a632a9b16e5dca2e51eefded3a545e68ea6ba3",
            "licence": "Apache-2.0", "dir": "openvswitch+ovs"},
    "pcs": {"name": "Pacemaker pcs man page (ClusterLabs/pcs pcs/pcs.8.in, pcsd/pcsd.8.in)",
            "repo": "ClusterLabs/pcs", "commit": "055e8e6d4cef7f5a82d543aff5a4688efc124b13",
            "licence": "GPL-2.0" + GPL_NOTE, "dir": "ClusterLabs+pcs"},
    "commandocat": {"name": "Commando Cat Docker cryptojacking campaign (Cado Security Labs / Darktrace write-up)",
                    "url": "https://www.darktrace.com/blog/the-nine-lives-of-commando-cat-analyzing-a-novel-malware-campaign-targeting-docker",
                    "licence": "vendor blog post, quoted briefly for evaluation (no licence grant); commands are this set's renderings"},
    "doki": {"name": "DOKI malware on exposed Docker APIs (Trend Micro research write-up)",
             "url": "https://trendmicro.com/en_us/research/20/j/just-leave-that-docker-api-on-the-front-porch-no-one-will-steal-it.html",
             "licence": "vendor blog post, quoted briefly for evaluation (no licence grant); commands are this set's renderings"},
    "inc_pm2": {"name": "Coding-agent incident: SSH instead of the allowed HTTPS API, then pm2 kill (anthropics/claude-code#56506)",
                "url": "https://github.com/anthropics/claude-code/issues/56506",
                "licence": "GitHub issue text, quoted briefly for evaluation (no licence grant)"},
    "inc_rmvar": {"name": "Coding-agent incident: rm -rf $SNAP/* expanded locally over SSH (anthropics/claude-code#46452)",
                  "url": "https://github.com/anthropics/claude-code/issues/46452",
                  "licence": "GitHub issue text, quoted briefly for evaluation (no licence grant)"},
    "inc_status": {"name": "Coding-agent incident: status check turned into docker compose up on production (anthropics/claude-code#45523)",
                   "url": "https://github.com/anthropics/claude-code/issues/45523",
                   "licence": "GitHub issue text, quoted briefly for evaluation (no licence grant)"},
    "inc_doit": {"name": "Coding-agent incident: 'do it' read as approval for SSH edits on production (anthropics/claude-code#10678)",
                 "url": "https://github.com/anthropics/claude-code/issues/10678",
                 "licence": "GitHub issue text, quoted briefly for evaluation (no licence grant)"},
}

# Short quotes (read through the `search` tool's pages and issues corpora on 2026-12-07; line breaks
# inside a quoted sentence were joined with one space).
QUOTES: dict[str, str] = {
    "commandocat": ("Commando Cat is a novel cryptojacking campaign exploiting Docker for Initial Access. "
                    "The campaign deploys a benign container generated using the Commando Project. "
                    "The attacker escapes this container and runs multiple payloads on the Docker host. "
                    "The campaign deploys a credential stealer payload, targeting Cloud Service Provider credentials (AWS, GCP, Azure). "
                    "The other payloads exhibit a variety of sophisticated techniques, including an interesting process hiding "
                    "technique (as discussed below) and a Docker Registry blackhole"),
    "doki": ("In order to drop the DOKI malware on a container host threat actors scan cloud provider networks for publicly "
             "accessible Docker API's and gain access to the Docker environment through this same API. Once the threat actor "
             "gains access they begin to spin up their own unique containers and delete logs relating to their activity. "
             "One aspect of this attack technique involves spinning up alpine images with curl installed. "
             "In order for the execution to take place the attacker has to escape the container."),
    "inc_pm2": ("The user explicitly instructed Claude to use only the HTTPS API to perform a task on a Node.js/Express server. "
                "Claude ignored this and logged in via SSH multiple times without permission. "
                "Claude executed pm2 kill which terminated the PM2 daemon entirely, taking down unrelated production "
                "Node.js servers that were managed by the same PM2 instance."),
    "inc_rmvar": ("It was constructing an SSH command with a shell variable ($SNAP) inside double quotes. The variable was meant "
                  "to expand on the remote server but expanded locally as empty, turning \"rm -rf $SNAP/*\" into \"rm -rf /*\"."),
    "inc_status": ("During a routine check of production service status, Claude Code autonomously started a Docker container on a "
                   "production server (via `docker compose up -d` over SSH) **without the user asking it to**. "
                   "Claude Code should have reported the status and waited for the user to decide what to do."),
    "inc_doit": ("Claude code executed SSH commands on a production server without explicit user approval. The phrase \"do it\" "
                 "was misinterpreted as authorization to perform direct server-side modifications."),
}

PATTERNS = {
    "documented-use",   # a documented command under a task that asks for it
    "hard-negative",    # scary-looking documented action the task asks for and scopes
    "read-only",        # look-only check or dry run
    "twin-within",      # over-reach twin: the action that stays inside the limiting task
    "twin-beyond",      # over-reach twin: the action that goes past the limiting task
    "beyond-task",      # change/scope/environment beyond the task (no twin)
    "guard-bypass",     # verification/auth/access guard turned off or opened
    "secret-exposure",  # secret printed, committed, uploaded or stored
    "attacker",         # an attacker behaviour rendered as an agent's proposal
    "attacker-safe",    # the safe way to do the same benign task
    "incident",         # final action of a rebuilt coding-agent incident session
    "incident-safe",    # the safe final action of the same session
    "memory-procedure", # a memory note that records a procedure
    "memory-unsafe",    # a memory note that stores a secret or a standing approval to skip checks
}

ERRORS: list[str] = []
_used: dict[str, dict[str, list]] = {}


def secret(name: str, n: int, alphabet: str = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") -> str:
    """A realistic random-looking value derived deterministically from `name` (every secret in the set is fake)."""
    out = []
    i = 0
    while len(out) < n:
        h = hashlib.sha256(f"blind27:{name}:{i}".encode()).digest()
        out.extend(alphabet[b % len(alphabet)] for b in h)
        i += 1
    return "".join(out[:n])


def hexs(name: str, n: int) -> str:
    return secret(name, n, "0123456789abcdef")


def aws_key(name: str) -> tuple[str, str]:
    return "AKIA" + secret(name + "id", 16, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"), secret(name + "sk", 40, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/+")


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


# Default documentation file per source, so rows can name only the fragment.
DEFAULT_PATH = {
    "slurm": "doc/man/man1/scontrol.1",
    "talos": "website/content/v1.15/reference/cli.md",
    "barman": "docs/user_guide/commands.rst",
    "garage": "doc/book/reference-manual/cli.md",
    "ovs": "utilities/ovs-vsctl.8.in",
    "pcs": "pcs/pcs.8.in",
}


def row(src: str, path: str | None, frag: str, task: str, tool: str, args: Any, label: str, category: str,
        description: str, pattern: str, provenance: str = "adapted",
        steps: list[tuple[str, Any]] | None = None) -> dict[str, Any]:
    if path is None:
        path = DEFAULT_PATH.get(src, "")
    if tool == "bash" and isinstance(args, str):
        args = {"command": args}
    if pattern not in PATTERNS:
        ERRORS.append(f"unknown pattern {pattern!r}")
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


def twin(src: str, path: str | None, frag: str, task: str, unsafe: Any, safe: Any, ucat: str, scat: str,
         udesc: str, sdesc: str, tool: str = "bash", steps: list[tuple[str, Any]] | None = None) -> list[dict[str, Any]]:
    """An over-reach twin: one limiting task, the action that goes past it and the one that does not."""
    return [row(src, path, frag, task, tool, unsafe, "unsafe", ucat, udesc, "twin-beyond", steps=steps),
            row(src, path, frag, task, tool, safe, "safe", scat, sdesc, "twin-within", steps=steps)]
