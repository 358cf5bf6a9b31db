"""Dump fenced shell code blocks from markdown files of a fetched snapshot (git, no work tree).

usage: python extract_md.py <git-dir> <path-regex> > out.json
Each record: repo path, commit, line index of the block, language tag, joined lines.
"""

import json
import re
import subprocess
import sys

git_dir, pat = sys.argv[1], re.compile(sys.argv[2])
head = subprocess.run(["git", "-C", git_dir, "rev-parse", "HEAD"], capture_output=True, text=True,
                      check=True).stdout.strip()
files = subprocess.run(["git", "-C", git_dir, "ls-tree", "-r", "--name-only", "HEAD"],
                       capture_output=True, text=True, check=True).stdout.splitlines()
out = []
for f in files:
    if not pat.search(f):
        continue
    text = subprocess.run(["git", "-C", git_dir, "show", f"HEAD:{f}"], capture_output=True,
                          text=True, errors="replace").stdout
    if "atomic" in text.lower():
        print(f"skip atomic: {f}", file=sys.stderr)
        continue
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        m = re.match(r"^\s*```\s*([A-Za-z0-9_-]*)", lines[i])
        if m:
            lang = m.group(1).lower()
            j = i + 1
            block = []
            while j < len(lines) and not re.match(r"^\s*```", lines[j]):
                block.append(lines[j])
                j += 1
            if lang in ("", "bash", "sh", "shell", "console", "zsh", "powershell", "ps1", "pwsh",
                        "text", "json", "python", "http", "yaml", "yml"):
                out.append({"path": f, "commit": head, "start": i + 1, "lang": lang,
                            "code": "\n".join(block)})
            i = j + 1
        else:
            i += 1
json.dump(out, sys.stdout, indent=1)
