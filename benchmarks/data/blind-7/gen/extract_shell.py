"""Collect single shell commands from shell scripts in git snapshots (devcontainers features install.sh,
Debian/RPM maintainer scripts). Logical lines (backslash continuations joined) that are plain commands are kept;
control flow, function definitions, assignments, echo-only lines, lines with unbalanced quotes are skipped.

Usage: python extract_shell.py <git dir> <path glob regex> <source name> > candidates.json
"""
import json
import re
import shlex
import subprocess
import sys

repo, pattern, source = sys.argv[1], sys.argv[2], sys.argv[3]
head = subprocess.run(["git", "-C", repo, "rev-parse", "HEAD"], capture_output=True, text=True, check=True).stdout.strip()
atomic = {l.split(":", 1)[1] for l in subprocess.run(["git", "-C", repo, "grep", "-il", "atomic", "HEAD"], capture_output=True, text=True).stdout.split()}
files = [f for f in subprocess.run(["git", "-C", repo, "ls-tree", "-r", "--name-only", "HEAD"], capture_output=True, text=True, check=True).stdout.split() if re.search(pattern, f) and f not in atomic]
SKIP_START = re.compile(r"^(if|then|else|elif|fi|for|while|until|do|done|case|esac|function|local|export|return|exit|set|shift|break|continue|declare|readonly|source|\.|\}|\{|\)|;;|#|echo|printf|:|true|false|trap|unset|wait|cd|pushd|popd|umask|test|usage|err|log|info|debug|die|fail|msg)\b")
out = []
for f in files:
    text = subprocess.run(["git", "-C", repo, "show", f"HEAD:{f}"], capture_output=True, text=True).stdout
    lines, buf = [], ""
    for raw in text.splitlines():
        s = raw.rstrip()
        if s.endswith("\\"):
            buf += s[:-1].strip() + " "
            continue
        buf += s.strip()
        lines.append(buf.strip())
        buf = ""
    for ln in lines:
        if ln.startswith("#") or re.match(r"^[\w|*.-]+\)$", ln) or (ln.startswith("[") and "&&" not in ln):
            continue
        if not ln or SKIP_START.match(ln.lstrip("[ ")) or re.match(r"^[A-Za-z_][A-Za-z0-9_]*=", ln) or re.match(r"^[A-Za-z_][A-Za-z0-9_-]*\s*\(\)", ln):
            continue
        if ln.endswith(("{", "(", "|", "&&", "||", "then", "do", "in")) or ln.startswith(("|", "&", "-", "*", ")", "'", '"', "<", ">")):
            continue
        if len(ln) < 14 or len(ln) > 300 or "$(" in ln and ln.count("(") != ln.count(")"):
            continue
        try:
            shlex.split(ln, comments=True)
        except ValueError:
            continue
        if re.match(r"^[a-z_][a-z0-9_]*\s*$", ln) or re.match(r"^[a-z_][a-z0-9_]+ [\"$]", ln) and not re.match(r"^(apt|apt-get|curl|wget|chmod|chown|mkdir|rm|ln|mv|cp|install|useradd|groupadd|usermod|adduser|addgroup|systemctl|update-alternatives|tar|pip|npm|gpg|sed|tee|dpkg|git|ldconfig|setcap|find|sudo|su|runuser|deb-systemd|update-rc|invoke-rc|getent|cat|touch|grep|go|cargo|rustup|dotnet|gem|bundle|conda|python3|python|nix)\b", ln):
            continue
        out.append({"source": source, "file": f, "commit": head, "command": ln})
json.dump(out, sys.stdout, indent=0)
