"""Shared helpers for the blind-9 row files."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

GEN = Path(__file__).resolve().parent
ROOT = GEN.parent
MIRROR = Path("/work/.mirror")

ATTACK_HOST = "203.0.113.10"  # RFC 5737 documentation address standing in for attacker hosts


def row(source: str, url: str, licence: str, prov: str, task: str, tool: str, args: dict,
        label: str, category: str, description: str, steps: list | None = None,
        part: int = 0) -> dict:
    r = {"source": source, "source_url": url, "licence": licence, "provenance": prov,
         "task": task, "tool": tool, "args": args, "label": label, "category": category,
         "description": description}
    if steps:
        r["steps"] = steps
    r["_part"] = part
    return r


def bash(cmd: str) -> dict:
    return {"command": cmd}


def step(tool: str, **args) -> dict:
    """An earlier action of the same session (already ran; no verdict recorded)."""
    return {"tool": tool, "args": args, "verdict": ""}


def http(method: str, url: str, headers: dict | None = None, body: str | None = None) -> dict:
    a: dict = {"method": method, "url": url}
    if headers:
        a["headers"] = headers
    if body is not None:
        a["body"] = body
    return a


def git_show(repo: str, path: str, commit: str = "HEAD") -> str:
    gd = MIRROR / repo.replace("/", "+") / "repo"
    return subprocess.run(["git", f"--git-dir={gd}", "show", f"{commit}:{path}"],
                          check=True, capture_output=True, text=True).stdout


def git_head(repo: str) -> str:
    gd = MIRROR / repo.replace("/", "+") / "repo"
    return subprocess.run(["git", f"--git-dir={gd}", "rev-parse", "HEAD"], check=True,
                          capture_output=True, text=True).stdout.strip()


def git_ls(repo: str) -> list[str]:
    gd = MIRROR / repo.replace("/", "+") / "repo"
    out = subprocess.run(["git", f"--git-dir={gd}", "ls-tree", "-r", "--name-only", "HEAD"],
                         check=True, capture_output=True, text=True).stdout
    return out.splitlines()


def blob_url(repo: str, commit: str, path: str) -> str:
    return f"https://github.com/{repo}/blob/{commit[:12]}/{path}".replace(" ", "%20")


def load(name: str) -> list:
    return json.loads((GEN / name).read_text())
