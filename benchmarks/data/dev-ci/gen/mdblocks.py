"""Print the shell code blocks of Markdown files in a git snapshot (for picking docs rows).

Run: python mdblocks.py <git-dir> <path> [<path> ...]"""

from __future__ import annotations

import re
import subprocess
import sys

FENCE = re.compile(r"^\s*```\s*(bash|sh|shell|console|shell-session|none)?\s*$", re.M)


def blocks(text: str) -> list[str]:
    out, cur, inside = [], [], False
    for line in text.splitlines():
        s = line.strip()
        if s.startswith("```"):
            if inside:
                out.append("\n".join(cur))
                cur, inside = [], False
            else:
                inside = bool(re.match(r"```\s*(bash|sh|shell|console|shell-session)?\s*$", s))
                if not inside:
                    inside = None  # non-shell block: skip until the closing fence
            continue
        if inside:
            cur.append(re.sub(r"^\s*\$ ", "", line))
    return [b for b in out if b.strip()]


def main() -> None:
    gd = sys.argv[1]
    for p in sys.argv[2:]:
        text = subprocess.run(["git", "-C", gd, "show", f"HEAD:{p}"], capture_output=True,
                              text=True).stdout
        for i, b in enumerate(blocks(text)):
            print(f"--- {p} #{i}\n{b}")


if __name__ == "__main__":
    main()
