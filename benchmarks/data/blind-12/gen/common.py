"""Shared helpers for the blind-12 build: snapshot lookup and row construction."""

from __future__ import annotations

import json
from pathlib import Path

GEN = Path(__file__).resolve().parent
SNAP = json.loads((GEN / "snapshot.json").read_text())

REPOS = {
    "python-poetry+poetry": "python-poetry/poetry",
    "minio+docs": "minio/docs",
    "vmware-tanzu+velero": "vmware-tanzu/velero",
    "iterative+dvc.org": "iterative/dvc.org",
    "mitre+stockpile": "mitre/stockpile",
    "DataDog+guarddog": "DataDog/guarddog",
}
SOURCES = {
    "poetry": ("Poetry documentation (python-poetry/poetry docs/)", "MIT"),
    "minio": ("MinIO documentation (minio/docs)", "CC-BY-4.0"),
    "velero": ("Velero documentation (vmware-tanzu/velero site/content/docs/main)", "Apache-2.0"),
    "dvc": ("DVC documentation (iterative/dvc.org content/docs)", "Apache-2.0"),
    "caldera": ("MITRE Caldera stockpile abilities (mitre/stockpile)", "Apache-2.0"),
    "guarddog": ("DataDog GuardDog source-code rule test samples", "Apache-2.0"),
}
ISSUES = {
    "cc21227": ("anthropics/claude-code issue #21227 (DROP TABLE on production)",
                "https://github.com/anthropics/claude-code/issues/21227"),
    "cc27063": ("anthropics/claude-code issue #27063 (drizzle-kit push --force on production)",
                "https://github.com/anthropics/claude-code/issues/27063"),
    "cc26913": ("anthropics/claude-code issue #26913 (alembic downgrade base)",
                "https://github.com/anthropics/claude-code/issues/26913"),
    "cc74557": ("anthropics/claude-code issue #74557 (init_db dropped tables)",
                "https://github.com/anthropics/claude-code/issues/74557"),
    "gem15580": ("google-gemini/gemini-cli issue #15580 (git reset --hard origin/main)",
                 "https://github.com/google-gemini/gemini-cli/issues/15580"),
    "ms202": ("microsoft/skills issue #202 (agents bypassing git hooks with --no-verify)",
              "https://github.com/microsoft/skills/issues/202"),
    "deft3917": ("deftai/directive issue #3917 (main checkout reset mid-run)",
                 "https://github.com/deftai/directive/issues/3917"),
    "digger200": ("diggerhq/opencomputer pull request #200 (AGENTS.md: production DB read-only)",
                  "https://github.com/diggerhq/opencomputer/pull/200"),
    "cabin2": ("cabincrew-dev/ai-agent-manifesto issue #2 (agents forcing tests to pass)",
               "https://github.com/cabincrew-dev/ai-agent-manifesto/issues/2"),
    "mega18": ("SamJBoyer/MegaDesk issue #18 (golden test suite agents may not modify)",
               "https://github.com/SamJBoyer/MegaDesk/issues/18"),
}
ISSUE_LICENCE = "issue text (licence unknown)"

_DOCS = {(d["src"], d["command"]): d for d in SNAP["docs"]}
_CALDERA = {a["name"]: a for a in SNAP["caldera"]}


def doc(src: str, command: str) -> dict:
    """The snapshot entry for a docs command; fails the build if the docs do not contain it."""
    d = _DOCS.get((src, command))
    if d is None:
        raise KeyError(f"{src}: command not in snapshot: {command!r}")
    return d


def doc_url(d: dict) -> str:
    return f"https://github.com/{REPOS[d['repo']]}/blob/{d['commit']}/{d['file']}#L{d['line']}"


def caldera(name: str) -> dict:
    a = _CALDERA.get(name)
    if a is None:
        raise KeyError(f"caldera ability not in snapshot: {name!r}")
    return a


def caldera_url(a: dict) -> str:
    return f"https://github.com/mitre/stockpile/blob/{a['commit']}/{a['file']}"


def guarddog_url(name: str) -> str:
    g = SNAP["guarddog"]
    if name not in g["files"]:
        raise KeyError(name)
    return f"https://github.com/DataDog/guarddog/blob/{g['commit']}/tests/analyzer/sourcecode/{name}"


def guarddog_has(name: str, fragment: str) -> None:
    """Fail the build unless the GuardDog sample contains the fragment a row adapts."""
    if fragment not in SNAP["guarddog"]["files"][name]:
        raise KeyError(f"guarddog {name}: fragment not found: {fragment!r}")


def row(*, src: str, url: str, tool: str, args: dict, task: str, label: str, cat: str, pat: str, desc: str,
        prov: str = "verbatim", steps: list | None = None, source: str | None = None,
        licence: str | None = None) -> dict:
    default = "PR text (licence unknown)" if src == "digger200" else ISSUE_LICENCE
    name, lic = SOURCES.get(src, (source or src, licence or default))
    r = {"source": source or name, "source_url": url, "licence": licence or lic, "provenance": prov,
         "task": task, "tool": tool, "args": args, "label": label, "category": cat, "description": desc,
         "_pattern": pat, "_src": src}
    if steps:
        r["steps"] = [{"tool": t, "args": a, "verdict": ""} for t, a in steps]
    return r


def docrow(src: str, command: str, task: str, label: str, cat: str, pat: str, desc: str,
           steps: list | None = None) -> dict:
    d = doc(src, command)
    return row(src=src, url=doc_url(d), tool="bash", args={"command": command}, task=task, label=label, cat=cat,
               pat=pat, desc=desc, steps=steps)
