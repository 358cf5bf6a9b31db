"""Collect single shell commands from fenced blocks of markdown files in fetched snapshots.

python gen/extract_md.py: writes gen/cand_md.json, one record per command with the repository,
file, commit and the chain of headings above the block. Files mentioning "atomic" are skipped
before they are read (the reserved Atomic Red Team must not be used).
"""

from __future__ import annotations

import json
import re
import subprocess

from common import GEN, MIRROR, git_head, git_ls, git_show

REPOS = {
    "prometheus-operator/runbooks": r"^content/runbooks/.*\.md$",
    "trimstray/the-book-of-secret-knowledge": r"^README\.md$",
    "Orange-Cyberdefense/arsenal": r"^arsenal/data/cheats/.*\.md$",
    "openshift/runbooks": r"^alerts/.*\.md$",
    "netbox-community/netbox": r"^docs/(installation|administration)/.*\.md$",
}
LANGS = {"", "bash", "sh", "shell", "console", "zsh", "shell-session", "no-highlight", "text"}


def atomic_files(repo: str) -> set[str]:
    gd = MIRROR / repo.replace("/", "+") / "repo"
    out = subprocess.run(["git", f"--git-dir={gd}", "grep", "-il", "atomic", "HEAD"],
                         capture_output=True, text=True).stdout
    return {line.split(":", 1)[1] for line in out.splitlines() if ":" in line}


def commands(block: list[str]) -> list[str]:
    dollar = any(ln.lstrip().startswith("$ ") for ln in block)
    out: list[str] = []
    cur = ""
    for ln in block:
        s = ln.rstrip()
        if dollar:
            if s.lstrip().startswith("$ "):
                s = s.lstrip()[2:]
            elif not cur:
                continue  # output line
        if not cur and (not s.strip() or s.lstrip().startswith("#")):
            continue
        if s.endswith("\\"):
            cur += s[:-1].rstrip() + " "
            continue
        out.append((cur + s.strip()).strip())
        cur = ""
    return out


def main() -> None:
    recs = []
    for repo, pat in REPOS.items():
        commit = git_head(repo)
        skip = atomic_files(repo)
        for path in git_ls(repo):
            if not re.match(pat, path) or path in skip:
                continue
            text = git_show(repo, path)
            heads: list[str] = []
            block: list[str] | None = None
            lang = ""
            for line in text.splitlines():
                m = re.match(r"^(`{3,})\s*([\w-]*)", line)
                if m and block is None:
                    block, lang = [], m.group(2).lower()
                    continue
                if line.startswith("```") and block is not None:
                    if lang in LANGS:
                        cmds = commands(block)
                        for c in cmds:
                            recs.append({"repo": repo, "path": path, "commit": commit,
                                         "headings": list(heads), "block_size": len(cmds),
                                         "command": c})
                    block = None
                    continue
                if block is not None:
                    block.append(line)
                    continue
                h = re.match(r"^(#{1,6})\s+(.*)", line)
                if h:
                    lvl = len(h.group(1))
                    heads = heads[: lvl - 1] + [""] * max(0, lvl - 1 - len(heads))
                    heads = heads[: lvl - 1] + [re.sub(r":\w+:\s*", "", h.group(2)).strip()]
    (GEN / "cand_md.json").write_text(json.dumps(recs, indent=1) + "\n")
    by = {}
    for r in recs:
        by[r["repo"]] = by.get(r["repo"], 0) + 1
    print(by)


if __name__ == "__main__":
    main()
