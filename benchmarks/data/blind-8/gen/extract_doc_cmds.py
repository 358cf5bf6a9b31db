"""Split fenced shell blocks (from extract_md.py) into single commands, with the nearest heading.

usage: python extract_doc_cmds.py <git-dir> blocks.json > cmds.json
"$ "-prefixed lines (with their backslash continuations) are commands and other lines are output;
in blocks without "$ " every line whose program is in PROGS is a command. Placeholders like
<cluster-name> or [ID] are kept out.
"""

import json
import re
import shlex
import subprocess
import sys

PROGS = {"kubectl", "aws", "gcloud", "az", "helm", "docker", "terraform", "eksctl", "skaffold",
         "kustomize", "azd", "gsutil", "git", "curl", "make", "export", "istioctl", "kind",
         "minikube", "openssl", "ssh-keygen", "jq", "sed", "envsubst", "npm", "pip", "go", "flux",
         "argocd", "kubeseal", "aws-iam-authenticator", "ssh", "chmod", "mkdir", "cat", "rm"}
git_dir, blocks = sys.argv[1], json.load(open(sys.argv[2]))
cache: dict[str, list[str]] = {}
out = []
for b in blocks:
    if b["lang"] not in ("bash", "sh", "shell", "console", "zsh", ""):
        continue
    if b["path"] not in cache:
        cache[b["path"]] = subprocess.run(["git", "-C", git_dir, "show", f"HEAD:{b['path']}"],
                                          capture_output=True, text=True).stdout.splitlines()
    lines = cache[b["path"]]
    heading, title = "", ""
    for ln in lines[: b["start"]]:
        if ln.startswith("#"):
            heading = ln.lstrip("#").strip()
        m = re.match(r"^title:\s*[\"']?(.*?)[\"']?$", ln)
        if m and not title:
            title = m.group(1)
    code = b["code"].splitlines()
    dollar = any(ln.lstrip().startswith("$ ") for ln in code)
    cmds, buf, active = [], "", False
    for ln in code:
        s = ln.strip()
        if dollar:
            if s.startswith("$ "):
                buf, active = s[2:], True
            elif active and buf.endswith("\\"):
                buf = buf[:-1].rstrip() + " " + s
            else:
                active = False
                continue
            if not buf.endswith("\\"):
                cmds.append(buf)
                active = False
        else:
            if buf:
                buf = buf[:-1].rstrip() + " " + s
            else:
                buf = s
            if buf.endswith("\\"):
                continue
            cmds.append(buf)
            buf = ""
    for c in cmds:
        c = c.strip()
        if not c or c.startswith("#") or len(c) > 400 or re.search(r"<[a-zA-Z][^>]*>|\[[A-Z_ ]+\]", c):
            continue
        try:
            toks = shlex.split(c, comments=True)
        except ValueError:
            continue
        if not toks or toks[0] not in PROGS:
            continue
        out.append({"path": b["path"], "commit": b["commit"], "command": c, "program": toks[0],
                    "heading": heading, "title": title})
json.dump(out, sys.stdout, indent=1)
