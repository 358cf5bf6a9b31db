"""Extract candidate commands from the fetched snapshots (RabbitMQ docs, certbot docs, LinEnum).

Writes gen/extracted.json so build.py can run without the snapshots.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

GEN = Path(__file__).resolve().parent
MIRROR = Path("/work/.mirror")
CLI = re.compile(r"^(sudo )?(rabbitmqctl|rabbitmq-diagnostics|rabbitmq-plugins|rabbitmq-queues|rabbitmq-upgrade) ")


def git(repo: str, *args: str) -> str:
    gd = MIRROR / repo.replace("/", "+") / "repo"
    return subprocess.run(["git", f"--git-dir={gd}", *args], check=True, capture_output=True,
                          text=True).stdout


def skip_atomic(repo: str) -> set[str]:
    out = subprocess.run(["git", f"--git-dir={MIRROR / repo.replace('/', '+') / 'repo'}", "grep",
                          "-il", "atomic", "HEAD", "--"], capture_output=True, text=True).stdout
    return {line.split(":", 1)[1] for line in out.splitlines()}


def rabbit() -> list[dict]:
    repo = "rabbitmq/rabbitmq-website"
    head = git(repo, "rev-parse", "HEAD").strip()
    skip = skip_atomic(repo)
    files = [f for f in git(repo, "ls-tree", "-r", "--name-only", "HEAD", "docs").splitlines()
             if f.endswith((".md", ".mdx")) and f not in skip]
    out = []
    for f in files:
        text = git(repo, "show", f"HEAD:{f}")
        title = ""
        m = re.search(r"^title: *['\"]?(.+?)['\"]?$", text, re.M)
        if m:
            title = m.group(1)
        heading = ""
        fence = False
        for line in text.splitlines():
            if line.startswith("```"):
                fence = not fence
                continue
            if not fence and line.startswith("#"):
                heading = line.lstrip("#").strip()
                if not title:
                    title = heading
                continue
            if fence and CLI.match(line.strip()):
                cmd = line.strip()
                if "<" in cmd or "[" in cmd or len(cmd) > 200 or cmd.endswith("\\"):
                    continue
                out.append({"repo": repo, "commit": head, "path": f, "title": title,
                            "heading": heading, "command": cmd})
    return out


def certbot() -> list[dict]:
    repo = "certbot/certbot"
    head = git(repo, "rev-parse", "HEAD").strip()
    text = git(repo, "show", "HEAD:certbot/docs/using.rst")
    lines = text.splitlines()
    out = []
    heading = ""
    for i, line in enumerate(lines):
        if i + 1 < len(lines) and re.fullmatch(r"[=\-~^]{3,}", lines[i + 1].strip()) and line.strip():
            heading = line.strip()
        s = line.strip()
        if re.match(r"^(sudo )?certbot \S", s) and "/path/to" not in s and "rotation" not in s:
            out.append({"repo": repo, "commit": head, "path": "certbot/docs/using.rst",
                        "heading": heading, "command": s})
    return out


def linenum() -> list[dict]:
    repo = "rebootuser/LinEnum"
    head = git(repo, "rev-parse", "HEAD").strip()
    text = git(repo, "show", "HEAD:LinEnum.sh")
    out = []
    for n, line in enumerate(text.splitlines(), 1):
        m = re.match(r"^\s*(\w+)=`(.+)`\s*$", line)
        if m and "$" not in m.group(2).replace("$(", ""):
            out.append({"repo": repo, "commit": head, "path": "LinEnum.sh", "line": n,
                        "var": m.group(1), "command": m.group(2).replace("\\`", "`")})
    return out


def main() -> None:
    data = {"rabbit": rabbit(), "certbot": certbot(), "linenum": linenum()}
    (GEN / "extracted.json").write_text(json.dumps(data, indent=1) + "\n")
    print({k: len(v) for k, v in data.items()})


if __name__ == "__main__":
    main()
