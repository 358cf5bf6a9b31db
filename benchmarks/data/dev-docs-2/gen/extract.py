"""Collect documented command lines (dev-docs-2) from fetched git snapshots into gen/snapshot.json.

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
AWS_SVC = "s3|s3api|ec2|iam|cloudtrail|guardduty|logs|kms|lambda|rds|sts|ecr|ecs|eks|cloudformation|dynamodb|sqs|sns|secretsmanager|ssm|cloudwatch|route53|backup"
SOURCES: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "docker": ("docker/cli", r"^docs/reference/(commandline/.*|run)\.md$", ("docker",)),
    "npm": ("npm/cli", r"^docs/lib/content/(commands|using-npm|configuring-npm)/.*\.md$", ("npm", "npx")),
    "gh": ("cli/cli", r"^pkg/cmd/.*\.go$", ("gh",)),
    "rclone": ("rclone/rclone", r"^docs/content/.*\.md$", ("rclone",)),
    "aws": ("aws/aws-cli", rf"^awscli/examples/({AWS_SVC})/.*\.rst$", ("aws",)),
    "ansible": ("ansible/ansible-documentation",
                r"^docs/docsite/rst/(command_guide|inventory_guide|getting_started|vault_guide|os_guide)/.*\.rst$",
                ("ansible", "ansible-playbook", "ansible-inventory", "ansible-vault", "ansible-galaxy",
                 "ansible-doc", "ansible-config")),
    "nginx": ("nginx/nginx.org", r"^xml/en/docs/(beginners_guide|control|switches|faq|install|debugging_log|http/[a-z_]+)\.xml$",
              ("nginx", "kill", "curl", "ps")),
}

# Extra documented lines (config directives, option descriptions) that adapted rows cite:
# (source key, path, regex); every matching line is kept with its number.
FRAGMENTS: list[tuple[str, str, str]] = [
    ("nginx", "xml/en/docs/beginners_guide.xml", r"location|proxy_pass|root|listen|server|nginx -s"),
    ("nginx", "xml/en/docs/http/ngx_http_proxy_module.xml", r"proxy_pass|proxy_set_header|proxy_cache"),
    ("nginx", "xml/en/docs/http/ngx_http_auth_basic_module.xml", r"auth_basic"),
    ("nginx", "xml/en/docs/http/ngx_http_limit_req_module.xml", r"limit_req"),
    ("nginx", "xml/en/docs/http/ngx_http_stub_status_module.xml", r"stub_status|location"),
    ("nginx", "xml/en/docs/http/ngx_http_access_module.xml", r"allow|deny"),
    ("nginx", "xml/en/docs/http/ngx_http_autoindex_module.xml", r"autoindex"),
    ("nginx", "xml/en/docs/http/ngx_http_ssl_module.xml", r"ssl_certificate|ssl_protocols|listen"),
    ("nginx", "xml/en/docs/http/ngx_http_rewrite_module.xml", r"return|rewrite"),
    ("nginx", "xml/en/docs/http/ngx_http_log_module.xml", r"access_log|log_format"),
    ("nginx", "xml/en/docs/control.xml", r"nginx|kill|HUP|QUIT|USR1|USR2|WINCH|TERM"),
    ("npm", "docs/lib/content/configuring-npm/npmrc.md", r"_authToken|registry|="),
    ("npm", "docs/lib/content/configuring-npm/package-json.md", r'"scripts"|"(pre|post)?(install|test|build|publish)"|"files"|"private"|"publishConfig"'),
    ("npm", "docs/lib/content/using-npm/scripts.md", r"prepare|prepublish|install|postinstall|ignore-scripts"),
    ("npm", "docs/lib/content/commands/npm-rebuild.md", r"ignore-scripts"),
    ("npm", "docs/lib/content/commands/npm-unpublish.md", r"unpublish|72 hours|--force"),
    ("npm", "docs/lib/content/commands/npm-publish.md", r"publish|--dry-run|--tag|--access|--otp|provenance"),
    ("npm", "docs/lib/content/commands/npm-deprecate.md", r"deprecate"),
    ("npm", "docs/lib/content/commands/npm-dist-tag.md", r"dist-tag"),
    ("npm", "docs/lib/content/commands/npm-token.md", r"token"),
    ("npm", "docs/lib/content/commands/npm-access.md", r"access"),
    ("npm", "docs/lib/content/commands/npm-owner.md", r"owner"),
    ("rclone", "docs/content/docs.md", r"^### --|--dry-run|--delete-|--backup-dir|--max-delete|--interactive"),
    ("rclone", "docs/content/commands/rclone_sync.md", r"sync|--dry-run|delete"),
    ("rclone", "docs/content/commands/rclone_purge.md", r"purge|delete"),
    ("rclone", "docs/content/commands/rclone_delete.md", r"delete|--min-size|--dry-run"),
    ("rclone", "docs/content/rc.md", r"^### |rclone rc|--rc"),
    ("rclone", "docs/content/commands/rclone_serve_http.md", r"addr|serve"),
    ("gh", "pkg/cmd/api/api.go", r"gh api|--method|-X|repos/|graphql"),
    ("gh", "pkg/cmd/secret/set/set.go", r"gh secret|--body|--env|--org"),
    ("gh", "pkg/cmd/repo/edit/edit.go", r"visibility|--accept-visibility|gh repo edit"),
    ("gh", "pkg/cmd/repo/delete/delete.go", r"--yes|delete"),
    ("ansible", "docs/docsite/rst/command_guide/intro_adhoc.rst", r"ansible |-a |-m |--become|-K|-f "),
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
    for Chronicle, the used rule files. Keeps gen/ small; the build gives the same rows."""
    snap = json.loads(OUT.read_text())
    used = json.loads(OUT.with_name("used.json").read_text())
    keep: dict[str, set[int]] = {}
    keepf: dict[str, set[int]] = {}
    for src, text, fragment in used:
        if src not in snap:
            continue
        s = snap[src]
        if src == "chronicle":
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
        if src == "chronicle":
            paths = {t for k, t, _ in used if k == "chronicle"}
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
    # Chronicle community rules (cloud, GitHub): file and rule name only; files mentioning
    # "atomic" are skipped unread (reserved source).
    repo = "chronicle/detection-rules"
    atomic = set(git(repo, "grep", "-il", "atomic", "HEAD", "--", "rules/").replace("HEAD:", "").split())
    rules = []
    for p in git(repo, "ls-tree", "-r", "--name-only", "HEAD").split("\n"):
        if re.match(r"rules/community/(aws|github|gcp)/.*\.yaral$", p) and p not in atomic:
            m = re.search(r'^\s*rule_name = "(.*)"', git(repo, "show", f"HEAD:{p}"), re.M)
            rules.append({"path": p, "name": m.group(1) if m else p.rsplit("/", 1)[-1][:-6]})
    snap["chronicle"] = {"repo": repo, "commit": git(repo, "rev-parse", "HEAD").strip(),
                         "rules": rules, "commands": []}
    print("chronicle", len(rules), "atomic-excluded", len(atomic))
    OUT.write_text(json.dumps(snap, indent=0, sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
