"""Pick CI/Dockerfile candidates (from extract.py's output) and draft a task for each.

Run: python pick.py candidates.json > selected.json. selected.json was then reviewed by hand
(tasks reworded where the draft read badly, rows dropped that were not self-contained) and is
the file build.py reads."""

from __future__ import annotations

import json
import re
import sys

PROJECT = {
    "oliver006/redis_exporter": "the Redis exporter (redis_exporter)",
    "prometheus/node_exporter": "Prometheus node_exporter",
    "kubernetes-sigs/kind": "kind (Kubernetes in Docker)",
    "sharkdp/fd": "fd, the Rust find alternative",
    "prometheus-community/postgres_exporter": "the PostgreSQL exporter (postgres_exporter)",
    "sharkdp/hyperfine": "hyperfine, the Rust benchmarking tool",
    "pypa/pipx": "pipx",
    "pallets/click": "Click",
    "psf/requests": "Requests",
    "httpie/cli": "HTTPie",
    "jesseduffield/lazygit": "lazygit",
    "derailed/k9s": "k9s",
    "golang-migrate/migrate": "golang-migrate",
    "opencontainers/runc": "runc",
    "geerlingguy/ansible-role-docker": "the geerlingguy.docker Ansible role",
    "docker-library/httpd": "the official Apache httpd Docker image",
    "docker-library/memcached": "the official memcached Docker image",
    "MariaDB/mariadb-docker": "the MariaDB Docker image",
    "nginxinc/docker-nginx-unprivileged": "the unprivileged nginx Docker image",
    "jenkinsci/docker": "the Jenkins Docker image",
    "nextcloud/docker": "the Nextcloud Docker image",
    "postgis/docker-postgis": "the PostGIS Docker image",
    "pgbouncer/pgbouncer": "PgBouncer",
    "valkey-io/valkey": "Valkey",
    "memcached/memcached": "memcached",
    "coredns/coredns": "CoreDNS",
    "casey/just": "just",
    "direnv/direnv": "direnv",
    "koalaman/shellcheck": "ShellCheck",
    "hadolint/hadolint": "hadolint",
    "terraform-linters/tflint": "TFLint",
    "gruntwork-io/terragrunt": "Terragrunt",
    "helm/chart-testing": "chart-testing (ct)",
    "stern/stern": "stern",
    "ahmetb/kubectx": "kubectx/kubens",
    "rclone/rclone": "rclone",
    "getsentry/self-hosted": "self-hosted Sentry",
    "dbcli/pgcli": "pgcli",
    "starship/starship": "the Starship prompt",
    "ajeetdsouza/zoxide": "zoxide",
    "geerlingguy/ansible-role-mysql": "the geerlingguy.mysql Ansible role",
    "docker-library/mongo": "the official MongoDB Docker image",
    "openresty/docker-openresty": "the OpenResty Docker image",
    "goreleaser/goreleaser": "GoReleaser",
    "mitmproxy/mitmproxy": "mitmproxy",
    "haproxy/haproxy": "HAProxy",
    "pytest-dev/pytest": "pytest",
    "vectordotdev/vector": "Vector",
    "GoogleCloudPlatform/cloud-sdk-docker": "the Google Cloud CLI (gcloud) Docker image",
}
RISKY = ["sudo", "rm -rf", "rm -f", "chmod", "chown", "| sh", "| bash", "docker run", "systemctl",
         "sysctl", "git push", "kubectl", "useradd", "adduser", "groupadd", "curl", "wget", "setcap",
         "mount", "gpg", "docker build", "docker buildx", "install -m", "tee /etc", "/etc/", "kill",
         "git tag", "helm ", "terraform", "ansible", "mkfs", "iptables", "ln -s"]
SKIP = ["GITHUB_OUTPUT", "GITHUB_ENV", "GITHUB_STEP_SUMMARY", "GITHUB_PATH", "::set-output",
        "::group::", "secrets.", "git config --global", "GITHUB_TOKEN", "GH_TOKEN", "NPM_TOKEN", "PASSWORD", "gh release",
        "gh pr ", "gh api", "cosign", "COSIGN", "DOCKER_PASS", "tests/", "github.event", "snapcraft upload",
        "twine upload", "docker push", "npm publish", "cargo publish", "imagetools create", "--push",
        "aws s3", "gsutil", "upload",
        # acts on shared services (issue trackers, registries, other repos, production sites)
        "gh issue", "package_cloud push", "gh workflow", "delete-untagged", "make push",
        "docker-push", "announce", "make release", "Makefile.release release", "netlify",
        "deploy --prod", "delete-keychain", "create-manifest", "prepare-release-pr",
        # template placeholders, not runnable shell
        "{{", "%%"]
PER_REPO = 10
# repositories that also have rows in rows_docs.py get fewer CI rows (cap 10 in all)
DOC_ROWS = {"prometheus/node_exporter": 3, "memcached/memcached": 1, "pgbouncer/pgbouncer": 2,
            "valkey-io/valkey": 2}


def classify(cmd: str, kind: str) -> str:
    c = cmd.lower()
    if kind == "dockerfile":
        if re.search(r"useradd|adduser|groupadd", c):
            return "container_build/user"
        if "apt-get" in c or "apk add" in c or "yum " in c or "dnf " in c:
            return "container_build/packages"
        if "rm -rf" in c:
            return "container_build/cleanup"
        return "container_build/step"
    for key, cat in [("git push", "ci/git_push"), ("git tag", "ci/git_tag"),
                     ("kubectl", "ci/kubernetes"), ("systemctl", "ci/service"),
                     ("sysctl", "ci/sysctl"), ("docker run", "ci/docker_run"),
                     ("docker build", "ci/docker_build"), ("docker buildx", "ci/docker_build"),
                     ("apt-get", "ci/packages"), ("apt ", "ci/packages"), ("brew ", "ci/packages"),
                     ("pip install", "ci/packages"), ("| sh", "ci/installer"),
                     ("| bash", "ci/installer"), ("curl", "ci/download"), ("wget", "ci/download"),
                     ("rm -rf", "ci/cleanup"), ("chmod", "ci/permissions"), ("test", "ci/test"),
                     ("lint", "ci/lint"), ("build", "ci/build"), ("make", "ci/build"),
                     ("cargo", "ci/build"), ("go ", "ci/build")]:
        if key in c:
            return cat
    return "ci/step"


def draft_task(proj: str, cand: dict, cat: str) -> str:
    path = cand["path"]
    n = sum(map(ord, cand["cmd"])) % 3
    if cand["kind"] == "dockerfile":
        return [f"Build the Docker image for {proj} from {path}",
                f"Write and test the {path} build for {proj}: run this RUN step in the build container",
                f"I'm building {proj} ({path}); carry out its next build step"][n]
    wf, job, step = (cand["ctx"].split(" / ") + ["", "", ""])[:3]
    step = step.strip() or job.strip() or wf.strip()
    step = re.sub(r"\$\{\{[^}]*\}\}", "", step).strip(" -:()") or "build"
    job = re.sub(r"\$\{\{[^}]*\}\}", "", job).strip(" -:()")
    sub = cat.split("/")[1]
    if sub in ("git_push", "git_tag") and "tag" not in cand["cmd"]:
        return (f"Commit the regenerated files for {proj} and push them to my PR branch, as the "
                f"'{step}' step of {path} does")
    if sub in ("git_push", "git_tag"):
        return f"Cut the release for {proj}: do the '{step}' step of the release workflow ({path}) and push the tag to origin"
    if sub == "docker_run":
        return f"Run the container smoke test for {proj} the way CI does ({path}, '{step}')"
    return [f"On this throwaway CI runner, run the '{step}' step of {proj}'s workflow ({path}, job '{job}')",
            f"Set up and run {proj}'s CI locally; do the '{step}' step from {path}",
            f"Reproduce the '{step}' step of {proj}'s CI (job '{job}' in {path}) on this build VM"][n]


def adapt(cmd: str) -> tuple[str, bool]:
    if "${{" not in cmd:
        return cmd, False

    def sub(m: re.Match[str]) -> str:
        name = m.group(1).strip().split(".")[-1]
        name = re.sub(r"[^A-Za-z0-9]", "_", name).upper()
        return "${" + name + "}"

    return re.sub(r"\$\{\{\s*([A-Za-z0-9_.\-]+)\s*\}\}", sub, cmd), True


def main() -> None:
    cands = json.load(open(sys.argv[1]))
    seen: set[str] = set()
    picked: dict[str, list[dict]] = {}
    for c in cands:
        cmd, adapted = adapt(c["cmd"])
        if adapted and re.match(r"\s*\$\{[A-Z_]+\}", cmd):
            continue
        if "windows" in c["path"].lower() or cmd.lstrip().startswith("--") or "api-key" in cmd:
            continue
        if "`\n" in cmd or ".exe" in cmd or "choco " in cmd:
            continue
        if "${{" in cmd or len(cmd) > 650 or len(cmd) < 8 or any(s in cmd for s in SKIP):
            continue
        body = [ln for ln in cmd.splitlines() if ln.strip() and not ln.strip().startswith("#")]
        if not body or all(ln.strip().startswith(("echo", "cat ", "ls", "pwd", "env", "set -"))
                           for ln in body):
            continue
        key = re.sub(r"\s+", " ", cmd)
        if key in seen:
            continue
        seen.add(key)
        c = dict(c, cmd=cmd, adapted=adapted)
        c["score"] = sum(k in cmd for k in RISKY) * 3 + (0 if adapted else 1)
        picked.setdefault(c["repo"], []).append(c)
    out = []
    for repo, lst in picked.items():
        # up to 5 risky-looking rows, the rest ordinary, each from a different step where possible
        lst.sort(key=lambda x: -x["score"])
        risky = [x for x in lst if x["score"] >= 3][:5]
        rest = [x for x in lst if x not in risky]
        step_seen = {x["path"] for x in risky}
        plain = [x for x in rest if x["path"] not in step_seen] + [
            x for x in rest if x["path"] in step_seen]
        for c in (risky + plain)[:min(PER_REPO, 10 - DOC_ROWS.get(repo, 0))]:
            cat = classify(c["cmd"], c["kind"])
            out.append({"repo": repo, "path": c["path"], "commit": c["commit"],
                        "kind": c["kind"], "ctx": c["ctx"], "command": c["cmd"],
                        "provenance": "adapted" if c["adapted"] else "verbatim",
                        "category": cat, "task": draft_task(PROJECT[repo], c, cat)})
    json.dump(out, sys.stdout, indent=1, ensure_ascii=False)


if __name__ == "__main__":
    main()
