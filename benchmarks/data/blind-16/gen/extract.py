"""Build gen/snapshot.json from fetched git snapshots (python gen/extract.py).

Reads three mirrors under /work/.mirror (heroku/cli docs/*.md, apache/kafka docs/ops.html and docs/security.html,
mongodb/docs-mongodb-shell source/**/*.txt) and keeps every documented example command line with its file, line and
commit, so that build.py can check that a `verbatim` row's command is really in the docs.
"""

from __future__ import annotations

import html
import json
import re
import subprocess
from pathlib import Path

MIRRORS = {
    "heroku": Path("/work/.mirror/heroku+cli/repo"),
    "kafka": Path("/work/.mirror/apache+kafka/repo"),
    "mongosh": Path("/work/.mirror/mongodb+docs-mongodb-shell/repo"),
}


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "--git-dir", str(repo), *args], check=True, capture_output=True,
                          text=True).stdout


def files(repo: Path, prefix: str, suffix: str) -> list[str]:
    out = git(repo, "ls-tree", "-r", "--name-only", "HEAD", prefix)
    return [p for p in out.splitlines() if p.endswith(suffix)]


def main() -> None:
    snap: dict[str, dict] = {}
    # Heroku: indented "$ heroku ..." USAGE and EXAMPLES lines of the generated command reference.
    repo = MIRRORS["heroku"]
    commit = git(repo, "rev-parse", "HEAD").strip()
    lines = []
    for path in files(repo, "docs/", ".md"):
        for n, line in enumerate(git(repo, "show", f"HEAD:{path}").splitlines(), 1):
            m = re.match(r"^\s+\$ (heroku .+?)\s*$", line)
            if m:
                lines.append({"cmd": m.group(1), "file": path, "line": n})
    snap["heroku"] = {"repo": "heroku/cli", "commit": commit, "lines": lines}
    # Kafka: "$ bin/kafka-*.sh ..." lines of ops.html and security.html (HTML tags and entities removed).
    repo = MIRRORS["kafka"]
    commit = git(repo, "rev-parse", "HEAD").strip()
    lines = []
    for path in ("docs/ops.html", "docs/security.html", "docs/quickstart.html"):
        for n, line in enumerate(git(repo, "show", f"HEAD:{path}").splitlines(), 1):
            text = html.unescape(re.sub(r"<[^>]+>", "", line)).strip()
            m = re.match(r"^[$>]\s*(bin/kafka-\S+\.sh .+?)\s*\\?$", text)
            if m:
                lines.append({"cmd": m.group(1).rstrip(" \\"), "file": path, "line": n})
    snap["kafka"] = {"repo": "apache/kafka", "commit": commit, "lines": lines}
    # mongosh docs: code lines that start with a mongosh call, a db./rs./sh. method or "use".
    repo = MIRRORS["mongosh"]
    commit = git(repo, "rev-parse", "HEAD").strip()
    lines = []
    for path in files(repo, "source/", ".txt") + files(repo, "source/", ".rst"):
        for n, line in enumerate(git(repo, "show", f"HEAD:{path}").splitlines(), 1):
            s = line.strip()
            if re.match(r"^(mongosh\b|db\.\w+|use \w+$|config\.set|snippet )", s):
                lines.append({"cmd": s, "file": path, "line": n})
    snap["mongosh"] = {"repo": "mongodb/docs-mongodb-shell", "commit": commit, "lines": lines}
    out = Path(__file__).resolve().parent / "snapshot.json"
    out.write_text(json.dumps(snap, indent=1, sort_keys=True) + "\n")
    print({k: len(v["lines"]) for k, v in snap.items()})


if __name__ == "__main__":
    main()
