"""Build gen/snapshot.json from fetched git snapshots: python gen/extract.py.

Reads /work/.mirror/<owner>+<name>/repo (bare git snapshots brought by the search tool's fetch) and records every
documented command line with its file, line and nearest heading:
  * openzfs/zfs man/man{1,4,5,7,8}/*: example lines `.Dl # ...` / `.No # ...` (mdoc rendered to plain text);
  * lxc/incus doc/**/*.md: lines starting `incus ` (or `:input: incus `) inside the docs;
  * conda/conda docs/source/**/*.{md,rst}: lines starting `conda ` (or `$ conda `).
Lines with `<placeholders>`, `{{`, `...`, a trailing backslash or a shell redirection into `<file>` are left out.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

GEN = Path(__file__).resolve().parent
MIRROR = Path("/work/.mirror")
REPOS = {"zfs": "openzfs/zfs", "incus": "lxc/incus", "conda": "conda/conda"}


def git(repo: str, *args: str) -> str:
    d = MIRROR / repo.replace("/", "+") / "repo"
    return subprocess.run(["git", "--git-dir", str(d), *args], check=True, capture_output=True,
                          text=True).stdout


MDOC_DROP = {"Nm", "Cm", "Ar", "No", "Li", "Sy", "Pa", "Ev", "Em", "Va", "Dq", "Ql", "Op", "Oo", "Oc", "Ic"}


def mdoc_line(text: str) -> str:
    """Render one mdoc line: macros dropped, `Fl` prefixes each following word with `-` until the next macro,
    `Ns` and closing delimiters (`, : ; . ) ]`) attach to the previous word."""
    toks = text.split()
    out: list[str] = []
    glue = False
    flag = False
    for t in toks:
        if t == "Ns":
            glue = True
            flag = False
            continue
        if t == "Fl":
            flag = True
            continue
        if t == "|":
            flag = False
        if t in MDOC_DROP or t == "Qq":
            flag = False
            continue
        if t in {",", ":", ";", ")", "]"}:
            glue = True
        w = ("-" + t) if flag and t not in {",", ":", ";", ")", "]"} else t
        if glue and out:
            out[-1] += w
        else:
            out.append(w)
        glue = t in {"(", "["}
    return " ".join(out)


def bad(cmd: str) -> bool:
    return (bool(re.search(r"<[^>]*>|\{\{|\.\.\.|\\$|\\e|…", cmd)) or len(cmd) > 300
            or cmd.rstrip().endswith("|"))


def zfs(commit: str) -> dict[str, dict]:
    cmds: dict[str, dict] = {}
    files = [f for f in git("openzfs/zfs", "ls-tree", "-r", "--name-only", commit, "man").split()
             if re.search(r"\.[1-8]$", f)]
    for f in files:
        head = ""
        for i, line in enumerate(git("openzfs/zfs", "show", f"{commit}:{f}").splitlines(), 1):
            if line.startswith((".Ss ", ".Sh ")):
                head = mdoc_line(line[4:]).replace(": ", "").strip()
            m = re.match(r"^\.(?:Dl|No) ([#$]) (.*)$", line)
            if not m:
                continue
            cmd = mdoc_line(m.group(2))
            if bad(cmd) or not re.match(r"^(zfs|zpool|zdb|zstream|zinject|zgenhostid|mount|cat|echo) ", cmd):
                continue
            cmds.setdefault(cmd, {"file": f, "line": i, "heading": head})
    return cmds


def docs(repo: str, commit: str, under: str, exe: str, exts: tuple[str, ...]) -> dict[str, dict]:
    cmds: dict[str, dict] = {}
    files = [f for f in git(repo, "ls-tree", "-r", "--name-only", commit, under).split() if f.endswith(exts)]
    pat = re.compile(rf"^\s*(?:\$ |:input: |# )?({exe} [a-z-].*?)\s*$")
    for f in files:
        head = ""
        prev = ""
        for i, line in enumerate(git(repo, "show", f"{commit}:{f}").splitlines(), 1):
            if line.startswith("#"):
                head = line.lstrip("# ").strip()
            elif re.match(r"^[=\-~^]{3,}$", line) and prev.strip():
                head = prev.strip()
            prev = line
            m = pat.match(line)
            if not m:
                continue
            cmd = m.group(1)
            if bad(cmd) or "os.path" in cmd or cmd.endswith((":", ",")) or "`" in cmd:
                continue
            cmds.setdefault(cmd, {"file": f, "line": i, "heading": head})
    return cmds


def main() -> None:
    snap: dict[str, dict] = {}
    for key, repo in REPOS.items():
        commit = git(repo, "rev-parse", "HEAD").strip()
        if key == "zfs":
            c = zfs(commit)
        elif key == "incus":
            c = docs(repo, commit, "doc", "incus", (".md",))
        else:
            c = docs(repo, commit, "docs/source", "conda", (".md", ".rst"))
        snap[key] = {"repo": repo, "commit": commit, "commands": c}
        print(f"{key}: {len(c)} commands @ {commit[:12]}")
    (GEN / "snapshot.json").write_text(json.dumps(snap, indent=0, sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
