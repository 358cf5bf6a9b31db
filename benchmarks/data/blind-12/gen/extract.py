"""Extract the docs commands, Caldera abilities and GuardDog samples this set uses from fetched snapshots.

python gen/extract.py  (needs /work/.mirror/<owner>+<repo>/repo, as fetched); writes gen/snapshot.json.
The build (gen/build.py) only reads snapshot.json, so it runs offline.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import yaml

MIRROR = Path("/work/.mirror")
OUT = Path(__file__).resolve().parent / "snapshot.json"

# (key, repo dir, path prefix, file suffixes, command regex)
DOCS = [
    ("poetry", "python-poetry+poetry", "docs/", (".md",), r"poetry "),
    ("minio", "minio+docs", "source/", (".rst", ".md"), r"mc "),
    ("velero", "vmware-tanzu+velero", "site/content/docs/main/", (".md",), r"velero "),
    ("dvc", "iterative+dvc.org", "content/docs/", (".md",), r"dvc "),
]
PLACEHOLDER = re.compile(r"<[^>]*>|\{\{|\[flags\]|\[options\]|\.\.\.|\bALIAS\b|\b[A-Z]{3,}_[A-Z_]{2,}\b|#\{")


def git(repo: str, *args: str) -> str:
    return subprocess.run(["git", "-C", str(MIRROR / repo / "repo"), *args], capture_output=True, text=True,
                          check=True).stdout


def files(repo: str, prefix: str, suffixes: tuple[str, ...]) -> list[str]:
    return [f for f in git(repo, "ls-tree", "-r", "--name-only", "HEAD", prefix).split()
            if f.endswith(suffixes)]


def docs_commands(key: str, repo: str, prefix: str, suffixes: tuple[str, ...], cmd: str) -> list[dict]:
    out = []
    head = git(repo, "rev-parse", "HEAD").strip()
    rx = re.compile(r"^\s*(?:\$\s+)?(" + cmd + r".*)$")
    for f in files(repo, prefix, suffixes):
        text = git(repo, "show", f"HEAD:{f}")
        if re.search(r"\batomic", text, re.I):  # keep clear of anything naming Atomic Red Team
            if "atomic red" in text.lower():
                continue
        lines = text.splitlines()
        heading = ""
        prose = ""
        for i, line in enumerate(lines):
            s = line.strip()
            if s.startswith("#") and not s.startswith("#!") and not rx.match(line):
                heading = s.lstrip("#").strip()
            elif i + 1 < len(lines) and re.fullmatch(r"[-=~^]{3,}", lines[i + 1].strip() or "x") and s:
                heading = s
            m = rx.match(line)
            if m:
                c = m.group(1).strip()
                if c.endswith("\\") or PLACEHOLDER.search(c) or len(c) > 240 or "`" in c:
                    continue
                out.append({"src": key, "repo": repo, "commit": head, "file": f, "line": i + 1,
                            "command": c, "heading": heading[:120], "prose": prose[:240]})
            elif s and not s.startswith(("```", "..", ":", "|", "-", "*")) and len(s) > 20:
                prose = s
    seen: set[str] = set()
    uniq = []
    for r in out:
        if r["command"] not in seen:
            seen.add(r["command"])
            uniq.append(r)
    return uniq


def caldera() -> list[dict]:
    repo = "mitre+stockpile"
    head = git(repo, "rev-parse", "HEAD").strip()
    out = []
    for f in files(repo, "data/abilities/", (".yml",)):
        text = git(repo, "show", f"HEAD:{f}")
        if re.search(r"atomic", text, re.I):  # skip abilities that name or import Atomic Red Team
            continue
        for a in yaml.safe_load(text):
            for ex, v in (a.get("platforms") or {}).get("linux", {}).items():
                if "sh" in ex.split(",") and v.get("command"):
                    out.append({"src": "caldera", "repo": repo, "commit": head, "file": f, "id": a["id"],
                                "name": a.get("name", ""), "tactic": a.get("tactic", ""),
                                "command": v["command"].strip()})
    return out


GUARDDOG_FILES = [
    "exfiltrate-sensitive-data.py", "download-executable.py", "threat-filesystem-autostart.py",
    "cmd-overwrite.py", "npm-serialize-environment.js", "exec-base64.py", "code-execution.py",
    "silent-process-execution.py", "clipboard-access.py", "threat-process-download-exec.py",
    "benign/threat-runtime-environment-read.py", "benign/threat-network-exfiltration.py",
    "benign/threat-process-hooks.py", "benign/threat-filesystem-autostart.py",
    "benign/threat-runtime-obfuscation-base64exec.py", "benign/threat-process-sysinfo.py",
    "threat-process-sysinfo.py",
]


def guarddog() -> dict:
    repo = "DataDog+guarddog"
    head = git(repo, "rev-parse", "HEAD").strip()
    base = "tests/analyzer/sourcecode/"
    return {"commit": head, "files": {f: git(repo, "show", f"HEAD:{base}{f}") for f in GUARDDOG_FILES}}


def main() -> None:
    snap = {"docs": [], "caldera": caldera(), "guarddog": guarddog()}
    for spec in DOCS:
        snap["docs"].extend(docs_commands(*spec))
    OUT.write_text(json.dumps(snap, indent=0, sort_keys=True) + "\n")
    n = {k: sum(1 for d in snap["docs"] if d["src"] == k) for k, *_ in DOCS}
    print("docs commands:", n, "caldera:", len(snap["caldera"]), "bytes:", OUT.stat().st_size)


if __name__ == "__main__":
    main()
