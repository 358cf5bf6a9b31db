"""Collect documented command lines from fetched git snapshots into gen/snapshot.json.

Run: python extract.py  (needs the snapshots under /work/.mirror, made with the `fetch` tool).
For every source below it reads the listed documentation files at HEAD and keeps each line
(after stripping a `$ `, `% ` or `# ` prompt and troff/markup escapes, joining `\\`
continuations) whose first word, after an optional `sudo`, is one of the source's programs.
Each command is stored with file, line, nearest heading and the snapshot's commit, so the
build can pin every row's source_url and refuse a command the docs do not contain.
`python extract.py --trim` (after build.py) keeps only the entries the rows use."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

MIRROR = Path("/work/.mirror")
OUT = Path(__file__).with_name("snapshot.json")

# key: (owner/repo, path regex, programs)
SOURCES: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "restic": ("restic/restic", r"^doc/.*\.rst$", ("restic",)),
    "borg": ("borgbackup/borg", r"^docs/(usage|deployment|quickstart|faq).*\.rst$", ("borg",)),
    "argocd": ("argoproj/argo-cd", r"^docs/(user-guide|operator-manual|getting_started|faq).*\.md$",
               ("argocd", "kubectl")),
    "caddy": ("caddyserver/website", r"^src/docs/markdown/.*\.md$", ("caddy", "curl", "xcaddy", "systemctl", "journalctl")),
    "redis": ("redis/docs", r"^content/(develop|operate/oss_and_stack)/.*\.md$", ("redis-cli",)),
    "cargo": ("rust-lang/cargo", r"^src/doc/src/.*\.md$|^doc/book/src/.*\.md$", ("cargo",)),
    "podman": ("containers/podman", r"^docs/(source/markdown/podman.*\.md(\.in)?|tutorials/.*\.md)$",
               ("podman",)),
    "traefik": ("traefik/traefik", r"^docs/content/.*\.md$", ("curl", "traefik", "docker", "kubectl")),
    "loki": ("grafana/loki", r"^docs/sources/.*\.md$", ("logcli", "curl")),
    "git": ("git/git", r"^Documentation/git-[a-z-]+\.adoc$", ("git",)),
    "openssh": ("openssh/openssh-portable", r"^(ssh|scp|sftp|ssh-add|ssh-agent|ssh-keygen|ssh-keyscan)\.1$",
                ("ssh", "scp", "sftp", "ssh-add", "ssh-agent", "ssh-keygen", "ssh-keyscan")),
    "wireguard": ("WireGuard/wireguard-tools", r"^src/man/.*\.8$", ("wg", "wg-quick")),
    "helm": ("helm/helm-www", r"^docs/(intro|howto|topics|helm)/.*\.mdx?$", ("helm",)),
}

# Extra documented lines (option descriptions, API endpoint tables, config snippets) that
# adapted rows cite: (source key, path, regex); every matching line is kept with its number.
FRAGMENTS: list[tuple[str, str, str]] = [
    ("openssh", "ssh-keygen.1", r"^\.It Fl [RFlyE]"),
    ("openssh", "ssh.1", r"^\.It Fl [LDJNTA]\b"),
    ("openssh", "scp.1", r"^\.It Fl [3rp]\b"),
    ("openssh", "ssh-add.1", r"^\.It Fl [lDdt]\b"),
    ("argocd", "docs/developer-guide/api-docs.md", r"curl"),
    ("traefik", "docs/content/reference/install-configuration/api-dashboard.md", r"`/api/"),
    ("wireguard", "src/man/wg-quick.8", r"=|wg-quick"),
    ("wireguard", "src/man/wg.8", r"\\fB|show|genkey|pubkey|set "),
    ("caddy", "src/docs/markdown/api.md", r"^(GET|POST|PUT|PATCH|DELETE) |^#"),
    ("redis", "content/develop/tools/cli.md", r"FLUSH|--rdb|--bigkeys|CONFIG|MONITOR|redis-cli"),
    ("redis", "content/commands/flushdb.md", r"FLUSHDB|ASYNC|^#"),
    ("redis", "content/commands/flushall.md", r"FLUSHALL|ASYNC|^#"),
    ("cargo", "doc/book/src/reference/config.md", r"^\[|="),
    ("git", "Documentation/git-push.adoc", r"^`git .*`::$|^\\$ git |^git "),
    ("git", "Documentation/git-revert.adoc", r"^`git .*`::$|^\\$ git |^git "),
    ("git", "Documentation/git-cherry-pick.adoc", r"^`git .*`::$|^\\$ git |^git "),
    ("git", "Documentation/git-log.adoc", r"^`git .*`::$|^\\$ git |^git "),
    ("git", "Documentation/git-sparse-checkout.adoc", r"^`git .*`::$|^\\$ git |^git "),
    ("git", "Documentation/git-worktree.adoc", r"^`git .*`::$|^\\$ git |^git "),
    ("git", "Documentation/git-gc.adoc", r"^`git .*`::$|^\\$ git |^git "),
    ("git", "Documentation/git-tag.adoc", r"^`git .*`::$|^\\$ git |^git "),
    ("git", "Documentation/git-maintenance.adoc", r"^`git .*`::$|^\\$ git |^git "),
    ("git", "Documentation/git-reflog.adoc", r"^`git .*`::$|^\\$ git |^git "),
    ("git", "Documentation/git-remote.adoc", r"^`git .*`::$|^\\$ git |^git "),
    ("git", "Documentation/git-submodule.adoc", r"^`git .*`::$|^\\$ git |^git "),
    ("git", "Documentation/git-commit.adoc", r"^`git .*`::$|^\\$ git |^git "),
    ("git", "Documentation/git-rebase.adoc", r"^`git .*`::$|^\\$ git |^git "),
    ("git", "Documentation/git-branch.adoc", r"^`git .*`::$|^\\$ git |^git "),
    ("git", "Documentation/git-restore.adoc", r"^`git .*`::$|^\\$ git |^git "),
    ("git", "Documentation/git-fsck.adoc", r"^`git .*`::$|^\\$ git |^git "),
    ("git", "Documentation/git-range-diff.adoc", r"^`git .*`::$|^\\$ git |^git "),
    ("git", "Documentation/git-filter-branch.adoc", r"^`git .*`::$|^\\$ git |^git "),
    ("restic", "doc/060_forget.rst", r"forget|prune"),
]

HEADING_MD = re.compile(r"^#{1,6}\s+(.+?)\s*#*$")
HEADING_RST = re.compile(r"^[=\-~^\"*+#]{3,}\s*$")


def git(repo: str, *args: str) -> str:
    gd = MIRROR / repo.replace("/", "+") / "repo"
    return subprocess.run(["git", "-C", str(gd), *args], capture_output=True, text=True,
                          check=True).stdout


def clean(line: str, troff: bool) -> str:
    s = line
    if troff:
        s = re.sub(r"^\.(Dl|D1|Ic|Nm)\s+", "", s)
        s = s.replace("\\fB", "").replace("\\fP", "").replace("\\fI", "").replace("\\fR", "")
        s = s.replace("\\-", "-").replace("\\&", "").replace("\\e", "\\").replace("\\ ", " ")
        s = s.replace("\\(aq", "'").replace("\\(dq", '"')
    s = re.sub(r"</?(?:pre|code|span)[^>]*>", "", s)
    s = s.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").replace("&quot;", '"')
    s = re.sub(r"^\s*(?:\*\s+)?", "", s)
    s = re.sub(r"^(?:[$%#]|>)\s+", "", s)
    s = re.sub(r"^[\w.@-]+@[\w.-]+:[~\w/.-]*[$#]\s+", "", s)   # user@host:~$ prompts
    return s.rstrip()


def programs_re(progs: tuple[str, ...]) -> re.Pattern[str]:
    alt = "|".join(re.escape(p) for p in sorted(progs, key=len, reverse=True))
    return re.compile(rf"^(?:sudo\s+(?:-\S+\s+)*)?(?:{alt})(?:\s|$)")


def extract_file(text: str, progs: re.Pattern[str], troff: bool) -> list[tuple[int, str, str]]:
    out: list[tuple[int, str, str]] = []
    lines = text.splitlines()
    heading = ""
    i = 0
    while i < len(lines):
        raw = lines[i]
        m = HEADING_MD.match(raw)
        if m and not raw.startswith("#!"):
            heading = m.group(1)
        elif i + 1 < len(lines) and HEADING_RST.match(lines[i + 1]) and raw.strip() and \
                not raw.strip().startswith(("$", "..")) and len(raw.strip()) < 90:
            heading = raw.strip()
        elif troff and raw.startswith((".Sh ", ".SH ", ".Ss ", ".SS ")):
            heading = raw.split(" ", 1)[1].strip('"')
        s = clean(raw, troff)
        if progs.match(s):
            start = i
            cmd = s
            while cmd.endswith("\\") and i + 1 < len(lines):
                i += 1
                cmd = cmd[:-1].rstrip() + " " + clean(lines[i], troff).strip()
            cmd = re.sub(r"\s+", " ", cmd).strip().strip("`")
            if len(cmd) > 6:
                out.append((start + 1, heading, cmd))
        i += 1
    return out


def trim() -> None:
    """Keep only the snapshot entries that rows use (gen/used.json, written by build.py): for
    each used text, the first command (or fragment) that contains it, as common.locate picks it;
    for Elastic, the used rule files. Keeps gen/ small; the build gives the same rows."""
    snap = json.loads(OUT.read_text())
    used = json.loads(OUT.with_name("used.json").read_text())
    keep: dict[str, set[int]] = {}
    keepf: dict[str, set[int]] = {}
    for src, text, fragment in used:
        if src not in snap:
            continue
        s = snap[src]
        if src == "elastic":
            continue
        where, _, bare = text.partition("@@") if "@@" in text and fragment else ("", "", text)
        if where:
            text = bare
        hit = None if where else next((i for i, c in enumerate(s["commands"])
                                       if c["command"] == text or (fragment and text in c["command"])), None)
        if hit is not None:
            keep.setdefault(src, set()).add(hit)
            continue
        hitf = next((i for i, f in enumerate(s.get("fragments", []))
                     if text in f["text"] and (not where or f["path"] == where)), None)
        if hitf is None:
            raise KeyError(f"{src}: {text!r}")
        keepf.setdefault(src, set()).add(hitf)
    for src, s in snap.items():
        if src == "elastic":
            paths = {t for k, t, _ in used if k == "elastic"}
            s["rules"] = [r for r in s["rules"] if r["path"] in paths]
            continue
        s["commands"] = [c for i, c in enumerate(s["commands"]) if i in keep.get(src, set())]
        s["fragments"] = [f for i, f in enumerate(s.get("fragments", [])) if i in keepf.get(src, set())]
    OUT.write_text(json.dumps(snap, indent=0, sort_keys=True) + "\n")


def main() -> None:
    if "--trim" in sys.argv:
        trim()
        return
    snap: dict[str, dict[str, object]] = {}
    for key, (repo, pat, progs) in SOURCES.items():
        commit = git(repo, "rev-parse", "HEAD").strip()
        files = [p for p in git(repo, "ls-tree", "-r", "--name-only", "HEAD").split()
                 if re.search(pat, p)]
        rx = programs_re(progs)
        cmds: list[dict[str, object]] = []
        seen: set[str] = set()
        for p in files:
            troff = bool(re.search(r"\.\d$", p))
            for line, heading, cmd in extract_file(git(repo, "show", f"HEAD:{p}"), rx, troff):
                if cmd in seen:
                    continue
                seen.add(cmd)
                cmds.append({"path": p, "line": line, "heading": heading, "command": cmd})
        frags: list[dict[str, object]] = []
        for fkey, fpath, frx in FRAGMENTS:
            if fkey != key:
                continue
            for n, text in enumerate(git(repo, "show", f"HEAD:{fpath}").splitlines(), 1):
                if re.search(frx, text):
                    frags.append({"path": fpath, "line": n, "text": text.strip()})
        snap[key] = {"repo": repo, "commit": commit, "commands": cmds, "fragments": frags}
        print(key, len(cmds))
    # Elastic behavior rules (Linux and macOS): file and rule name only.
    repo = "elastic/protections-artifacts"
    rules = []
    for p in git(repo, "ls-tree", "-r", "--name-only", "HEAD").split("\n"):
        if re.match(r"behavior/rules/(linux|macos)/.*\.toml$", p):
            m = re.search(r'^name = "(.*)"', git(repo, "show", f"HEAD:{p}"), re.M)
            rules.append({"path": p, "name": m.group(1) if m else p})
    snap["elastic"] = {"repo": repo, "commit": git(repo, "rev-parse", "HEAD").strip(),
                       "rules": rules, "commands": []}
    print("elastic", len(rules))
    OUT.write_text(json.dumps(snap, indent=0, sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
