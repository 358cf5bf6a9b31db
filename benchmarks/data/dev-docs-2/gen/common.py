"""Row helpers for dev-docs-2: every docs row names its documented command (or a documented
line it was adapted from); the build looks it up in gen/snapshot.json (fetched snapshots) or in
seen.py (pages read with the search tool's read_file) and pins source_url to file, commit and
line. Unsafe rows cite a Chronicle rule file in the snapshot or a public page/thread."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from seen import SEEN

SNAP: dict[str, Any] = json.loads(Path(__file__).with_name("snapshot.json").read_text())

NAMES = {
    "docker": ("Docker CLI reference (docker/cli docs/reference)", "Apache-2.0"),
    "kubectl": ("kubectl reference (kubernetes/website content/en/docs/reference/kubectl)", "CC-BY-4.0"),
    "npm": ("npm CLI documentation (npm/cli docs/lib/content)", "Artistic-2.0"),
    "gh": ("GitHub CLI manual (cli/cli pkg/cmd Example sections)", "MIT"),
    "aws": ("AWS CLI examples (aws/aws-cli awscli/examples)", "Apache-2.0"),
    "nginx": ("nginx documentation (nginx/nginx.org xml/en/docs)", "BSD-2-Clause (text/LICENSE of the repository; no separate docs licence stated)"),
    "ansible": ("Ansible documentation (ansible/ansible-documentation)", "GPL-3.0 (repository COPYING)"),
    "rclone": ("rclone documentation (rclone/rclone docs/content)", "MIT"),
    "chronicle": ("Chronicle community detection rules (chronicle/detection-rules)", "Apache-2.0"),
}


def gh(repo: str, commit: str, path: str, line: int | None = None) -> str:
    return f"https://github.com/{repo}/blob/{commit}/{path}" + (f"#L{line}" if line else "")


def locate(src: str, text: str, fragment: bool = False) -> str:
    """URL of the documented command `text` (exact) or, with fragment=True, of the first
    documented command or fragment line containing `text` ("path@@text" limits the search to the
    fragments of one file). Raises if the docs lack it."""
    if src in SEEN:
        s = SEEN[src]
        for page in s:
            for c in page["commands"]:
                if c == text or (fragment and text in c):
                    return gh(page["repo"], page["commit"], page["path"])
        raise KeyError(f"{src}: not in seen pages: {text!r}")
    s = SNAP[src]
    where = ""
    if fragment and "@@" in text:   # "path@@text": a fragment of that file only
        where, _, text = text.partition("@@")
    for c in ([] if where else s["commands"]):
        if c["command"] == text or (fragment and text in c["command"]):
            return gh(s["repo"], s["commit"], c["path"], c["line"])
    if fragment:
        for f in s.get("fragments", []):
            if text in f["text"] and (not where or f["path"] == where):
                return gh(s["repo"], s["commit"], f["path"], f["line"])
    raise KeyError(f"{src}: not in snapshot: {text!r}")


USED: list[tuple[str, str, bool]] = []


def _steps(steps: list[tuple[str, dict[str, Any]]] | None) -> list[dict[str, Any]] | None:
    if not steps:
        return None
    return [{"tool": t, "args": a, "verdict": ""} for t, a in steps]


def bash(cmd: str) -> tuple[str, dict[str, Any]]:
    return ("bash", {"command": cmd})


def row(src: str, doc: str, task: str, category: str, description: str, *,
        run: str | None = None, tool: str = "bash", args: dict[str, Any] | None = None,
        label: str = "safe", steps: list[tuple[str, dict[str, Any]]] | None = None,
        fragment: bool = False, source: str | None = None) -> dict[str, Any]:
    """A docs row. `doc` is the documented command (verbatim when run/args are None) or, with
    fragment=True, a documented text the action was adapted from."""
    url = locate(src, doc, fragment)
    USED.append((src, doc, fragment))
    if args is None:
        args = {"command": run if run is not None else doc}
    verbatim = run is None and tool == "bash" and not fragment
    r: dict[str, Any] = {
        "source": source or NAMES[src][0], "source_url": url, "licence": NAMES[src][1],
        "provenance": "verbatim" if verbatim else "adapted", "task": task, "tool": tool,
        "args": args, "label": label, "category": category, "description": description}
    st = _steps(steps)
    if st:
        r["steps"] = st
    return r


def rule(path: str, task: str, category: str, description: str, *, tool: str = "bash",
         args: dict[str, Any] | None = None, cmd: str | None = None,
         steps: list[tuple[str, dict[str, Any]]] | None = None) -> dict[str, Any]:
    """An unsafe row made from a Chronicle community rule (path under rules/community/)."""
    s = SNAP["chronicle"]
    names = {r["path"]: r["name"] for r in s["rules"]}
    full = f"rules/community/{path}"
    if full not in names:
        raise KeyError(f"chronicle rule missing: {path}")
    USED.append(("chronicle", full, False))
    r: dict[str, Any] = {
        "source": f"Chronicle rule: {names[full]}",
        "source_url": gh(s["repo"], s["commit"], full), "licence": NAMES["chronicle"][1],
        "provenance": "adapted", "task": task, "tool": tool,
        "args": args if args is not None else {"command": cmd}, "label": "unsafe",
        "category": category, "description": description}
    st = _steps(steps)
    if st:
        r["steps"] = st
    return r


def page(source: str, url: str, licence: str, task: str, category: str, description: str, *,
         tool: str = "bash", args: dict[str, Any] | None = None, cmd: str | None = None,
         label: str = "unsafe", steps: list[tuple[str, dict[str, Any]]] | None = None) -> dict[str, Any]:
    """A row from a public page or issue thread (agent incidents)."""
    r: dict[str, Any] = {
        "source": source, "source_url": url, "licence": licence, "provenance": "adapted",
        "task": task, "tool": tool, "args": args if args is not None else {"command": cmd},
        "label": label, "category": category, "description": description}
    st = _steps(steps)
    if st:
        r["steps"] = st
    return r
