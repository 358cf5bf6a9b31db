"""Extract candidate commands from fetched repository snapshots (git mirrors).

Reads .github/workflows/*.yml `run:` steps, Dockerfile RUN lines and Makefile/justfile recipes
at each snapshot's HEAD and writes candidates.json (repo, path, commit, kind, context, command).
Run: python extract.py /work/.mirror > candidates.json  (the curated rows live in rows_*.py)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import yaml

REPOS = """oliver006/redis_exporter prometheus/node_exporter kubernetes-sigs/kind sharkdp/fd
prometheus-community/postgres_exporter sharkdp/hyperfine pypa/pipx pallets/click psf/requests
httpie/cli jesseduffield/lazygit derailed/k9s golang-migrate/migrate opencontainers/runc
geerlingguy/ansible-role-docker docker-library/httpd docker-library/memcached MariaDB/mariadb-docker
nginxinc/docker-nginx-unprivileged jenkinsci/docker nextcloud/docker postgis/docker-postgis
pgbouncer/pgbouncer valkey-io/valkey memcached/memcached coredns/coredns casey/just direnv/direnv
koalaman/shellcheck hadolint/hadolint terraform-linters/tflint gruntwork-io/terragrunt
helm/chart-testing stern/stern ahmetb/kubectx rclone/rclone getsentry/self-hosted dbcli/pgcli
starship/starship ajeetdsouza/zoxide geerlingguy/ansible-role-mysql docker-library/mongo
openresty/docker-openresty goreleaser/goreleaser mitmproxy/mitmproxy haproxy/haproxy
pytest-dev/pytest vectordotdev/vector GoogleCloudPlatform/cloud-sdk-docker""".split()


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True,
                          check=True).stdout


def runs(doc: object):
    if not isinstance(doc, dict):
        return
    wname = doc.get("name", "")
    for jid, job in (doc.get("jobs") or {}).items():
        if not isinstance(job, dict):
            continue
        for st in job.get("steps") or []:
            if isinstance(st, dict) and isinstance(st.get("run"), str):
                shell = str(st.get("shell") or job.get("defaults", {}).get("run", {}).get("shell", ""))
                if "windows" in str(job.get("runs-on", "")).lower() or "pwsh" in shell or (
                        "powershell" in shell or "cmd" == shell):
                    continue
                jname = str(job.get("name") or jid)
                if "${{" in jname:
                    jname = str(jid)
                yield f"{wname} / {jname} / {st.get('name', '')}", st["run"].strip()


def dockerfile_runs(text: str):
    text = re.sub(r"\\\n", "\\\n", text)
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        m = re.match(r"\s*RUN\s+(.*)", lines[i])
        if m:
            buf = [m.group(1)]
            while buf[-1].rstrip().endswith("\\") and i + 1 < len(lines):
                i += 1
                if lines[i].strip().startswith("#"):
                    continue
                buf.append(lines[i])
            yield "\n".join(buf).strip()
        i += 1


def main() -> None:
    root = Path(sys.argv[1])
    out = []
    for name in REPOS:
        repo = root / name.replace("/", "+") / "repo"
        commit = git(repo, "rev-parse", "HEAD").strip()
        files = git(repo, "ls-tree", "-r", "--name-only", "HEAD").splitlines()
        for f in files:
            base = f.rsplit("/", 1)[-1]
            kind = None
            if f.startswith(".github/workflows/") and f.endswith((".yml", ".yaml")):
                kind = "workflow"
            elif base.startswith("Dockerfile") or base.endswith(".Dockerfile"):
                kind = "dockerfile"
            if not kind:
                continue
            if "atomic" in f.lower():
                continue
            text = git(repo, "show", f"HEAD:{f}")
            if kind == "workflow":
                try:
                    doc = yaml.safe_load(text)
                except yaml.YAMLError:
                    continue
                for ctx, cmd in runs(doc):
                    out.append({"repo": name, "path": f, "commit": commit, "kind": kind,
                                "ctx": ctx, "cmd": cmd})
            else:
                for cmd in dockerfile_runs(text):
                    out.append({"repo": name, "path": f, "commit": commit, "kind": kind,
                                "ctx": "", "cmd": cmd})
    json.dump(out, sys.stdout, indent=0)


if __name__ == "__main__":
    main()
