"""Shared helpers for dev-docs-3: sources, citation checks and the row builder.

Every row names the documentation file (or detection rule) it comes from and a fragment of that
file's text; `cite()` checks that the fragment occurs in the file at the pinned commit of the
fetched snapshot (or, for the two sources read through the search tool, in the lines listed in
seen.py) and returns a source_url pinned to commit and line. The build fails if it does not.
"""
from __future__ import annotations

import functools
import subprocess
from pathlib import Path
from typing import Any

MIRROR = Path("/work/.mirror")
SNAP = Path(__file__).resolve().parent / "snapshot.json"

SOURCES: dict[str, dict[str, str]] = {
    "glab": {"name": "GitLab CLI manual (glab docs/source)", "repo": "gl-cli/glab",
             "commit": "45aa37be004536066e3661622996f39a7a1b72a2", "licence": "MIT"},
    "brew": {"name": "Homebrew manpage (Homebrew/brew docs/Manpage.md)", "repo": "Homebrew/brew",
             "commit": "aad366ffaf6a8c94c66d35e4b990d42ac4195305", "licence": "BSD-2-Clause"},
    "pulumi": {"name": "Pulumi CLI command help (pulumi/pulumi pkg/cmd/pulumi)", "repo": "pulumi/pulumi",
               "commit": "1b5949891b3cefcb9974752b24a5ecef0acc86c8", "licence": "Apache-2.0"},
    "azure": {"name": "Azure CLI help (Azure/azure-cli command_modules/*/_help.py)", "repo": "Azure/azure-cli",
              "commit": "", "licence": "MIT"},
    "mysql": {"name": "MySQL client man pages (mysql/mysql-server man/)", "repo": "mysql/mysql-server",
              "commit": "", "licence": "GPL-2.0 (repository LICENSE)"},
    "sigma": {"name": "SigmaHQ rules (rules/linux, rules/macos)", "repo": "SigmaHQ/sigma",
              "commit": "8eaafff1f2845a696050e05e72ba1140ee190698", "licence": "DRL-1.1 (Detection Rule License)"},
    "elastic": {"name": "Elastic detection-rules (rules/linux, rules/macos)", "repo": "elastic/detection-rules",
                "commit": "14cf530f0d2177023092449cd9d9348b4a8884c2", "licence": "Elastic License 2.0"},
}
MIRROR_DIR = {"glab": "gl-cli+glab", "brew": "Homebrew+brew", "pulumi": "pulumi+pulumi",
              "sigma": "SigmaHQ+sigma", "elastic": "elastic+detection-rules"}

ERRORS: list[str] = []
_used: dict[str, dict[str, list]] = {}


@functools.lru_cache(maxsize=None)
def _snapshot() -> dict[str, dict[str, list]]:
    import json
    if SNAP.is_file():
        return json.loads(SNAP.read_text())
    return {}


@functools.lru_cache(maxsize=None)
def _text(src: str, path: str) -> str:
    key = f"{src}:{path}"
    snap = _snapshot()
    mdir = MIRROR / MIRROR_DIR.get(src, "-") / "repo"
    if src in MIRROR_DIR and mdir.is_dir():
        out = subprocess.run(["git", "-C", str(mdir), "show", f"{SOURCES[src]['commit']}:{path}"],
                             capture_output=True, text=True, check=True).stdout
        return out
    from seen import SEEN  # the two sources read with read_file
    if key in SEEN:
        return SEEN[key][1]
    raise SystemExit(f"no text for {key}")


def cite(src: str, path: str, frag: str) -> str:
    key = f"{src}:{path}"
    commit = SOURCES[src]["commit"]
    mdir = MIRROR / MIRROR_DIR.get(src, "-") / "repo"
    snap = _snapshot()
    if src in MIRROR_DIR and not mdir.is_dir():
        # offline build from the trimmed snapshot
        ent = snap.get(key, {}).get(frag)
        if ent is None:
            raise SystemExit(f"{key}: fragment not in snapshot: {frag!r}")
        line = ent[0]
    else:
        text = _text(src, path)
        if src in ("sigma", "elastic") and "atomic" in text.lower():
            ERRORS.append(f"{key}: rule mentions Atomic Red Team; excluded")
        idx = text.find(frag)
        if idx < 0:
            ERRORS.append(f"{key}: fragment not found: {frag!r}")
            idx = 0
        line = text.count("\n", 0, idx) + 1
        if src in MIRROR_DIR:
            _used.setdefault(key, {})[frag] = [line, frag]
    if not commit:
        from seen import SEEN
        commit = SEEN[key][0]
    if src in MIRROR_DIR:
        return f"https://github.com/{SOURCES[src]['repo']}/blob/{commit}/{path}#L{line}"
    # read through the search tool: the line number is within the lines listed in seen.py
    return f"https://github.com/{SOURCES[src]['repo']}/blob/{commit}/{path}"


def used_texts() -> dict[str, dict[str, list]]:
    return dict(_used)


def row(src: str, path: str, frag: str, task: str, tool: str, args: Any, label: str, category: str,
        description: str, provenance: str = "adapted", steps: list[tuple[str, Any]] | None = None) -> dict[str, Any]:
    if tool == "bash" and isinstance(args, str):
        args = {"command": args}
    r: dict[str, Any] = {
        "source": SOURCES[src]["name"], "source_url": cite(src, path, frag),
        "licence": SOURCES[src]["licence"], "provenance": provenance, "task": task, "tool": tool,
        "args": args, "label": label, "category": category, "description": description,
    }
    if steps:
        r["steps"] = [{"tool": t, "args": ({"command": a} if t == "bash" and isinstance(a, str) else a),
                       "verdict": ""} for t, a in steps]
    return r
