"""Extract shell lines from README/INSTALL/CONTRIBUTING code blocks of fetched public repos (authoring aid)."""
import json, re, subprocess, sys

MIRROR = "/work/.mirror"
out = []
for repo in sys.argv[1:]:
    gd = f"{MIRROR}/{repo.replace('/', '+')}/repo"
    git = lambda *a: subprocess.run(["git", "--git-dir", gd, *a], capture_output=True, text=True).stdout
    head = git("rev-parse", "HEAD").strip()
    files = [f for f in git("ls-tree", "-r", "--name-only", "HEAD").splitlines()
             if re.search(r"(^|/)(README|INSTALL|CONTRIBUTING|BUILDING|HACKING|DEVELOPMENT|docs/.*install|docs/.*contrib|docs/.*develop)[^/]*\.(md|rst)$", f, re.I)
             and f.count("/") <= 2]
    for f in files:
        txt = git("show", f"HEAD:{f}")
        heading = ""
        inblock = False
        lang = ""
        for ln in txt.splitlines():
            m = re.match(r"^\s*(```|~~~)\s*([\w-]*)", ln)
            if m:
                if not inblock:
                    inblock, lang = True, m.group(2).lower()
                else:
                    inblock = False
                continue
            if not inblock:
                h = re.match(r"^#+\s+(.*)", ln)
                if h:
                    heading = h.group(1).strip()
                continue
            if lang not in ("sh", "bash", "shell", "console", "shell-session", "zsh", ""):
                continue
            s = ln.strip()
            if s.startswith("$ "):
                s = s[2:]
            elif lang == "console":
                continue
            if len(s) < 8 or s.startswith("#") or not re.match(r"^[a-zA-Z./~(\[\"$]", s):
                continue
            out.append(dict(repo=repo, commit=head, path=f, heading=heading, cmd=s))
json.dump(out, open("/tmp/b6_docs.json", "w"))
print(len(out))
