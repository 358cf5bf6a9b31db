"""Collect console commands (helm, kubectl, docker, openssl ...) from fenced code blocks in README files of a git
snapshot. Usage: python extract_readme_cmds.py <git dir> <path regex> <source> > candidates.json"""
import json
import re
import subprocess
import sys

repo, pattern, source = sys.argv[1:4]
head = subprocess.run(["git", "-C", repo, "rev-parse", "HEAD"], capture_output=True, text=True, check=True).stdout.strip()
atomic = {l.split(":", 1)[1] for l in subprocess.run(["git", "-C", repo, "grep", "-il", "atomic", "HEAD"], capture_output=True, text=True).stdout.split()}
files = [f for f in subprocess.run(["git", "-C", repo, "ls-tree", "-r", "--name-only", "HEAD"], capture_output=True, text=True, check=True).stdout.split() if re.search(pattern, f) and f not in atomic]
out = []
for f in files:
    text = subprocess.run(["git", "-C", repo, "show", f"HEAD:{f}"], capture_output=True, text=True).stdout
    inblock, heading = False, ""
    for raw in text.splitlines():
        if raw.startswith("#"):
            heading = raw.lstrip("# ").strip()
        if raw.strip().startswith("```"):
            inblock = not inblock
            continue
        if not inblock:
            continue
        s = raw.strip().removeprefix("$ ").strip()
        if re.match(r"^(helm|kubectl|docker|openssl|curl|export|echo|cat|mysql|psql|redis-cli|mongosh|kubeseal|htpasswd)\b", s) and 12 <= len(s) <= 300 and not s.endswith("\\"):
            out.append({"source": source, "file": f, "commit": head, "heading": heading, "command": s})
json.dump(out, sys.stdout, indent=0)
