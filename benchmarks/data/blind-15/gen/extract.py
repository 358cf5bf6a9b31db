"""Build gen/snapshot.json from two fetched git snapshots (run once, online tools only; the build is offline).

python gen/extract.py  -- reads /work/.mirror/astral-sh+uv/repo and /work/.mirror/superfly+docs/repo.
Keeps every command line of the docs that starts `uv ` (astral-sh/uv docs/**/*.md) or `fly `/`flyctl `
(superfly/docs **/*.md, *.markerb), with a leading `$ ` prompt removed, and records file, line and nearest heading.
Lines with `<placeholders>`, `{{`, `...`, a trailing backslash or a trailing pipe are left out.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

GEN = Path(__file__).resolve().parent
SRC = {
    "uv": ("/work/.mirror/astral-sh+uv/repo", "astral-sh/uv", re.compile(r"^(uv|uvx) [a-z]"),
           lambda p: p.startswith("docs/") and p.endswith(".md")),
    "fly": ("/work/.mirror/superfly+docs/repo", "superfly/docs", re.compile(r"^(fly|flyctl) [a-z]"),
            lambda p: p.endswith((".md", ".markerb"))),
}


# Non-command passages that files, HTTP calls and settings rows cite (first occurrence, by file name order).
REFS = {
    "uv": ["unsafe-best-match", "allow-insecure-host = ", 'exclude-newer = "7 days"', "keyring-provider subprocess",
           "explicit = true", "id-token: write", "system-certs", "astral.sh/uv/install.sh", "enable-cache: true",
           "UV_PUBLISH_TOKEN", "COPY --from=ghcr.io/astral-sh/uv", "[tool.uv.sources]", "UV_INDEX_", "uv.lock", "--locked", "requires-python"],
    "fly": ["api.machines.dev/v1/apps/YOUR_APP/machines", "Authorization: Bearer ${FLY_API_TOKEN}", "force_https",
            "auto_stop_machines", "internal_port", "FLY_API_TOKEN: ${{ secrets.FLY_API_TOKEN }}", "[mounts]",
            "release_command", "[[vm]]", "[env]"],
}


def git(repo: str, *args: str) -> str:
    return subprocess.run(["git", "--git-dir", repo, *args], check=True, capture_output=True, text=True).stdout


def main() -> None:
    out = {}
    for key, (repo, name, pat, want) in SRC.items():
        commit = git(repo, "rev-parse", "HEAD").strip()
        files = [p for p in git(repo, "ls-tree", "-r", "--name-only", "HEAD").splitlines() if want(p)]
        cmds: dict[str, dict[str, object]] = {}
        for path in sorted(files):
            text = git(repo, "show", f"HEAD:{path}")
            heading = ""
            for n, raw in enumerate(text.splitlines(), 1):
                s = raw.strip()
                if s.startswith("#") and not s.startswith("#!") and " " in s and not pat.match(s.lstrip("# ")):
                    heading = s.lstrip("# ").strip()
                    continue
                if s.startswith("$ "):
                    s = s[2:].strip()
                if not pat.match(s):
                    continue
                if any(b in s for b in ("<", "{{", "...")) or s.endswith(("\\", "|")):
                    continue
                if s not in cmds:
                    cmds[s] = {"file": path, "line": n, "heading": heading}
        refs: dict[str, dict[str, object]] = {}
        for ref in REFS[key]:
            for path in sorted(files):
                text = git(repo, "show", f"HEAD:{path}")
                hit = next((n for n, raw in enumerate(text.splitlines(), 1) if ref in raw), None)
                if hit:
                    refs[ref] = {"file": path, "line": hit}
                    break
            else:
                raise SystemExit(f"{key}: reference text not found: {ref}")
        out[key] = {"repo": name, "commit": commit, "commands": cmds, "refs": refs}
        print(key, commit[:12], len(files), "files", len(cmds), "commands")
    (GEN / "snapshot.json").write_text(json.dumps(out, indent=0, sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
