"""List the check and fix shell commands of the macOS Security Compliance Project rules.

Run: python extract_mscp.py <git-dir of usnistgov/macos_security> > mscp.jsonl
Each line: {"path", "id", "title", "kind": "check"|"fix", "command", "odv"} (newest macOS first)."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

import yaml


def shells(node: Any, kind: str, out: list[tuple[str, str]]) -> None:
    if isinstance(node, dict):
        for k, v in node.items():
            if k in ("check", "fix") and isinstance(v, dict) and isinstance(v.get("shell"), str):
                out.append((k, v["shell"]))
            else:
                shells(v, kind, out)
    elif isinstance(node, list):
        for v in node:
            shells(v, kind, out)


def main() -> None:
    gd = sys.argv[1]
    files = subprocess.run(["git", "-C", gd, "ls-tree", "-r", "--name-only", "HEAD",
                            "src/mscp/data/rules"], capture_output=True, text=True,
                           check=True).stdout.split()
    for p in files:
        if not p.endswith(".yaml"):
            continue
        text = subprocess.run(["git", "-C", gd, "show", f"HEAD:{p}"], capture_output=True,
                              text=True).stdout
        rule = yaml.safe_load(text)
        found: list[tuple[str, str]] = []
        shells(rule.get("platforms", {}).get("macOS", {}), "", found)
        seen: set[str] = set()
        for kind, cmd in found:
            if cmd.strip() in seen:
                continue
            seen.add(cmd.strip())
            odv_map = rule.get("odv")
            odv = odv_map.get("recommended") if isinstance(odv_map, dict) else None
            print(json.dumps({"path": p, "id": rule["id"], "title": rule["title"], "kind": kind,
                              "command": cmd.strip(), "odv": odv}))


if __name__ == "__main__":
    main()
