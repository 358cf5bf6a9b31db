"""Extract command lines from fetched snapshots into gen/snapshot.json (run once; the build then runs offline).

Sources (git mirrors under /work/.mirror, read with `git show`):
  pnpm/pnpm.io                     docs/**/*.md (current docs only)      lines starting `pnpm `
  fluxcd/website                   content/en/flux/**/*.md               lines starting `flux `, `kubectl `,
                                                                          `gcloud `, `az `, `aws `, `gh `
  LOTTunnels/LOTTunnels.github.io  _lottunnels/Binaries/*.md             every `- Command:` entry
Lines inside fenced code blocks only (docs), without `<placeholders>`, `{{`, `...` or a trailing backslash.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

MIRROR = Path("/work/.mirror")
OUT = Path(__file__).resolve().parent / "snapshot.json"

DOCS = {
    "pnpm": ("pnpm+pnpm.io", "pnpm/pnpm.io", r"^docs/.*\.md$", ("pnpm ",)),
    "flux": ("fluxcd+website", "fluxcd/website", r"^content/en/flux/.*\.md$",
             ("flux ", "kubectl ", "gcloud ", "az ", "aws ", "gh ")),
}


def git(repo: str, *args: str) -> str:
    return subprocess.run(["git", "-C", str(MIRROR / repo / "repo"), *args], check=True,
                          capture_output=True, text=True).stdout


def bad(line: str) -> bool:
    return ("<" in line and ">" in line) or "{{" in line or "..." in line or line.endswith("\\")


def docs(key: str) -> dict[str, object]:
    mirror, name, pat, prefixes = DOCS[key]
    commit = git(mirror, "rev-parse", "HEAD").strip()
    files = [f for f in git(mirror, "ls-tree", "-r", "--name-only", "HEAD").splitlines() if re.match(pat, f)]
    cmds: dict[str, dict[str, object]] = {}
    for f in sorted(files):
        text = git(mirror, "show", f"HEAD:{f}")
        in_code = False
        heading = ""
        for n, raw in enumerate(text.splitlines(), 1):
            s = raw.strip()
            if s.startswith("```"):
                in_code = not in_code
                continue
            if not in_code and s.startswith("#"):
                heading = s.lstrip("#").strip()
            if not in_code:
                continue
            s = re.sub(r"^\$\s+", "", s)
            if s.startswith(prefixes) and not bad(s) and s not in cmds:
                cmds[s] = {"file": f, "line": n, "heading": heading}
    return {"repo": name, "commit": commit, "commands": cmds}


def lottunnels() -> dict[str, object]:
    mirror = "LOTTunnels+LOTTunnels.github.io"
    commit = git(mirror, "rev-parse", "HEAD").strip()
    files = [f for f in git(mirror, "ls-tree", "-r", "--name-only", "HEAD").splitlines()
             if f.startswith("_lottunnels/Binaries/") and f.endswith(".md")]
    out: dict[str, object] = {}
    for f in sorted(files):
        text = git(mirror, "show", f"HEAD:{f}")
        name = re.search(r"^Name:\s*(.+)$", text, re.M)
        entries = []
        for m in re.finditer(r"- Command:\s*(.+?)\n\s+Description:\s*(.+?)\n(?:\s+Usecase:\s*(.+?)\n)?"
                             r"\s+Category:\s*(.+?)\n", text):
            entries.append({"command": m.group(1).strip(), "description": m.group(2).strip(),
                            "usecase": (m.group(3) or "").strip(), "category": m.group(4).strip()})
        out[Path(f).stem] = {"file": f, "name": name.group(1).strip() if name else Path(f).stem,
                             "commands": entries}
    return {"repo": "LOTTunnels/LOTTunnels.github.io", "commit": commit, "binaries": out}


def main() -> None:
    snap = {"pnpm": docs("pnpm"), "flux": docs("flux"), "lottunnels": lottunnels()}
    OUT.write_text(json.dumps(snap, indent=1, sort_keys=True) + "\n")
    for k, v in snap.items():
        n = len(v.get("commands", v.get("binaries", {})))  # type: ignore[arg-type]
        print(k, n)


if __name__ == "__main__":
    main()
