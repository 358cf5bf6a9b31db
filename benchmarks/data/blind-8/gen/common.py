"""Shared helpers for the blind-8 row files."""

from __future__ import annotations

import json
import re
from pathlib import Path

GEN = Path(__file__).resolve().parent
ROOT = GEN.parent

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
    return {"tool": tool, "args": args}


def http(method: str, url: str, headers: dict | None = None, body: str | None = None) -> dict:
    a: dict = {"method": method, "url": url}
    if headers:
        a["headers"] = headers
    if body is not None:
        a["body"] = body
    return a


def humanise(path: str) -> str:
    name = path.rsplit("/", 1)[-1]
    name = re.sub(r"\.(sh|zsh|md)$", "", name)
    return re.sub(r"[_-]+", " ", name).strip()


def load(name: str) -> list:
    return json.loads((GEN / name).read_text())
