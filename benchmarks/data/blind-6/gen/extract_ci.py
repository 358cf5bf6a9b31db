"""Extract candidate CI `run:` steps and Dockerfile RUN lines from fetched public repos (authoring aid)."""
import json, re, subprocess, sys
import yaml

MIRROR = "/work/.mirror"
REPOS = sys.argv[1:]

def git(repo, *a):
    return subprocess.run(["git", "--git-dir", f"{MIRROR}/{repo.replace('/', '+')}/repo", *a],
                          capture_output=True, text=True).stdout

out = []
for repo in REPOS:
    head = git(repo, "rev-parse", "HEAD").strip()
    files = git(repo, "ls-tree", "-r", "--name-only", "HEAD").splitlines()
    wf = [f for f in files if re.match(r"^\.github/workflows/.*\.ya?ml$", f)]
    dk = [f for f in files if re.search(r"(^|/)Dockerfile[^/]*$", f)]
    for f in wf:
        try:
            doc = yaml.safe_load(git(repo, "show", f"HEAD:{f}"))
        except Exception:
            continue
        if not isinstance(doc, dict):
            continue
        wname = doc.get("name", f)
        for jn, job in (doc.get("jobs") or {}).items():
            if not isinstance(job, dict):
                continue
            for st in job.get("steps") or []:
                if isinstance(st, dict) and isinstance(st.get("run"), str):
                    run = st["run"].strip()
                    out.append(dict(repo=repo, commit=head, path=f, kind="gha", workflow=str(wname),
                                    job=jn, name=str(st.get("name", "")), cmd=run))
    for f in dk:
        txt = git(repo, "show", f"HEAD:{f}")
        txt = re.sub(r"\\\n", "\\\n", txt)
        # join continuation lines
        lines, cur = [], ""
        for ln in txt.splitlines():
            if cur and ln.lstrip().startswith("#"):
                continue  # Docker drops comment lines inside a continued instruction
            if cur:
                cur += "\n" + ln
            else:
                cur = ln
            if not ln.rstrip().endswith("\\"):
                lines.append(cur); cur = ""
        for ln in lines:
            m = re.match(r"\s*RUN\s+(.*)", ln, re.S)
            if m:
                out.append(dict(repo=repo, commit=head, path=f, kind="docker", workflow="", job="",
                                name="", cmd=m.group(1).strip()))
json.dump(out, open("/tmp/b6_candidates.json", "w"), indent=0)
print(len(out))
