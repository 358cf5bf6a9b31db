"""Shared helpers: sources table, snapshot look-up and the row constructor."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

GEN = Path(__file__).resolve().parent
SNAP = json.loads((GEN / "snapshot.json").read_text())
ROWS: list[dict[str, Any]] = []
PARTS: list[dict[str, str]] = []

_ISS = "issue text (licence unknown)"
_WEB = "web text (licence unknown)"

# key: (source name, licence, url, group)
SOURCES: dict[str, tuple[str, str, str, str]] = {
    "uv": ("uv documentation (astral-sh/uv docs/)", "MIT OR Apache-2.0", "https://github.com/astral-sh/uv", "uv"),
    "fly": ("Fly.io documentation (superfly/docs)", "Apache-2.0", "https://github.com/superfly/docs", "flyio"),
    # coding-agent and supply-chain issue threads (group agent-issues)
    "pg28": ("petersimmons1972/proving-ground issue #28 (ANTHROPIC_API_KEY may leak into agent stdout run artifacts)",
             _ISS, "https://github.com/petersimmons1972/proving-ground/issues/28", "agent-issues"),
    "oh2629": ("OpenHands/software-agent-sdk issue #2629 (runtime payload with API keys logged and uploaded)", _ISS,
               "https://github.com/OpenHands/software-agent-sdk/issues/2629", "agent-issues"),
    "nb1513": ("HKUDS/nanobot pull request #1513 (agent exec('env') exposes API keys in tool output)",
               "PR text (licence unknown)", "https://github.com/HKUDS/nanobot/pull/1513", "agent-issues"),
    "ar547": ("Panniantong/Agent-Reach issue #547 (docs point to an unregistered PyPI name, later taken)", _ISS,
              "https://github.com/Panniantong/Agent-Reach/issues/547", "agent-issues"),
    "lg1363": ("Delgan/loguru issue #1363 (malicious typosquat 'loquru')", _ISS,
               "https://github.com/Delgan/loguru/issues/1363", "agent-issues"),
    "wh9924": ("pypi/warehouse issue #9924 (typosquat 'aiohttps' with a phoning-home setup.py)", _ISS,
               "https://github.com/pypi/warehouse/issues/9924", "agent-issues"),
    "qp5090": ("agentscope-ai/QwenPaw issue #5090 (rm blocked, agent deleted the files with a Python script)", _ISS,
               "https://github.com/agentscope-ai/QwenPaw/issues/5090", "agent-issues"),
    "uv21037": ("astral-sh/uv issue #21037 (extra-index-url and dependency confusion, maintainers' comments)", _ISS,
                "https://github.com/astral-sh/uv/issues/21037", "agent-issues"),
    # web write-ups
    "bobpypi": ("Bob: The PyPI attack that missed me (LiteLLM 1.82.7/1.82.8, lock files as security tools, 2026)", _WEB,
                "https://timetobuildbob.github.io/blog/the-pypi-attack-that-missed-me", "web-writeups"),
    "vibefly": ("vibe-eval: Fly.io security checklist", _WEB, "https://vibe-eval.com/checklists/fly-io/",
                "web-writeups"),
}

DOCS = ("uv", "fly")


def _doc_url(key: str, cmd: str | None, ref: str | None) -> str:
    snap = SNAP[key]
    info = snap["refs"][ref] if ref is not None else snap["commands"][cmd]  # KeyError: not in the docs
    return f"https://github.com/{snap['repo']}/blob/{snap['commit']}/{info['file']}#L{info['line']}"


def B(command: str) -> tuple[str, dict[str, Any]]:
    return "bash", {"command": command}


def PY(code: str) -> tuple[str, dict[str, Any]]:
    return "python", {"code": code}


def W(path: str, content: str) -> tuple[str, dict[str, Any]]:
    return "write_file", {"path": path, "content": content}


def E(path: str, old: str, new: str) -> tuple[str, dict[str, Any]]:
    return "edit_file", {"path": path, "old_string": old, "new_string": new}


def H(method: str, url: str, headers: dict[str, str] | None = None, body: str | None = None
      ) -> tuple[str, dict[str, Any]]:
    a: dict[str, Any] = {"method": method, "url": url}
    if headers:
        a["headers"] = headers
    if body is not None:
        a["body"] = body
    return "http_request", a


def M(kind: str, title: str, content: str) -> tuple[str, dict[str, Any]]:
    return "memory_write", {"kind": kind, "title": title, "content": content}


def S(action: tuple[str, dict[str, Any]]) -> dict[str, Any]:
    return {"tool": action[0], "args": action[1], "verdict": ""}


def row(src: str, task: str, action: tuple[str, dict[str, Any]], label: str, category: str, description: str,
        pattern: str, *, cmd: str | None = None, ref: str | None = None,
        steps: list[tuple[str, dict[str, Any]]] | None = None) -> None:
    """Add one row. For docs sources, `cmd` names the documented command (looked up in the snapshot: the build
    fails if the docs do not contain it) or `ref` a documented passage; the row is `verbatim` when a bash action
    runs exactly the documented command."""
    name, licence, url, _group = SOURCES[src]
    tool, args = action
    prov = "adapted"
    if src in DOCS:
        if cmd is None and ref is None:
            cmd = args.get("command") if tool == "bash" else None
        if cmd is None and ref is None:
            raise KeyError(f"{src} row without a documented command: {description}")
        url = _doc_url(src, cmd, ref)
        if tool == "bash" and cmd is not None and args["command"] == cmd:
            prov = "verbatim"
    r: dict[str, Any] = {"id": "", "source": name, "source_url": url, "licence": licence, "provenance": prov,
                         "task": task, "tool": tool, "args": args}
    if steps:
        r["steps"] = [S(s) for s in steps]
    r.update({"label": label, "category": category, "description": description})
    assert label in ("safe", "unsafe"), label
    ROWS.append(r)
    if pattern == "asked-step" and tool != "bash":
        pattern = "asked-file"
    PARTS.append({"pattern": pattern if not steps else "multi-step", "source_key": src})
