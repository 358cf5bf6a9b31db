"""List shell commands found in fenced code blocks of Markdown files in a git snapshot.

Run: python mdextract.py <git-dir> <path-regex> [--programs a,b,c] > candidates.jsonl
Each output line: {"path", "heading", "title", "command"}. Continuation lines are joined,
prompts (`$ `) stripped, comment lines and output lines of console blocks dropped."""

from __future__ import annotations

import json
import re
import subprocess
import sys

SHELL_FENCE = re.compile(r"^```+\s*(bash|sh|shell|console|shell-session|zsh|terminal|)\b", re.I)


def balanced(text: str) -> bool:
    """True when single and double quotes are closed (a quoted JSON body may span lines)."""
    t = text.replace("\\'", "").replace('\\"', "")
    return t.count("'") % 2 == 0 and (t.count('"') - t.count("'\"'")) % 2 == 0


def commands(block: list[str], console: bool) -> list[str]:
    out: list[str] = []
    cur = ""
    for raw in block:
        line = raw.rstrip()
        if console and not cur:
            m = re.match(r"^\s*[$%#]\s+(.*)$", line)
            if not m:
                continue
            line = m.group(1)
        else:
            line = re.sub(r"^\s*\$\s+", "", line)
        if not cur and (not line.strip() or line.lstrip().startswith("#")):
            continue
        cur = f"{cur}\n{line}" if cur else line
        if not line.endswith("\\") and balanced(cur):
            out.append(cur.strip())
            cur = ""
    if cur:
        out.append(cur.strip())
    return out


def extract(text: str) -> list[tuple[str, str]]:
    res: list[tuple[str, str]] = []
    heading = ""
    inside: bool | None = False
    console = False
    block: list[str] = []
    for line in text.splitlines():
        s = line.strip()
        if s.startswith("```"):
            if inside is not False:
                if inside:
                    res.extend((heading, c) for c in commands(block, console))
                inside, block = False, []
            else:
                m = SHELL_FENCE.match(s)
                inside = bool(m) if m else None
                console = bool(m and m.group(1).lower() in ("console", "shell-session", "terminal"))
            continue
        if inside:
            block.append(line)
        elif inside is False and s.startswith("#"):
            heading = s.lstrip("#").strip()
    return res


def main() -> None:
    gd, pat = sys.argv[1], re.compile(sys.argv[2])
    files = subprocess.run(["git", "-C", gd, "ls-tree", "-r", "--name-only", "HEAD"],
                           capture_output=True, text=True, check=True).stdout.split()
    for p in files:
        if not pat.search(p):
            continue
        text = subprocess.run(["git", "-C", gd, "show", f"HEAD:{p}"], capture_output=True,
                              text=True).stdout
        m = re.search(r"^title:\s*[\"']?(.+?)[\"']?\s*$", text, re.M) or re.search(
            r"^#\s+(.+)$", text, re.M)
        title = m.group(1) if m else p
        for heading, cmd in extract(text):
            print(json.dumps({"path": p, "title": title, "heading": heading, "command": cmd}))


if __name__ == "__main__":
    main()
