"""Check that each part-1 command occurs in its manual page on this machine and
record the Debian package and licence of the page.  Writes man_meta.json.
Run: python3 verify_man.py  (prints a summary, never row data beyond failures).
"""
import json
import re
import subprocess
import sys

sys.path.insert(0, __file__.rsplit("/", 1)[0])
from part1_man import ROWS as R1  # noqa: E402
from part1b_man import ROWS as R2  # noqa: E402

ROWS = R1 + R2


def norm(s):
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    s = s.replace("\u2010", "-").replace("\u2212", "-")
    return re.sub(r"\s+", " ", s).strip()


def page_text(name):
    env = {"MANWIDTH": "400", "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"}
    out = subprocess.run(["man", "-P", "cat", name], capture_output=True, text=True, env=env).stdout
    out = re.sub(r".\x08", "", out)
    return norm(out)


def pkg_of(name):
    path = subprocess.run(["man", "-w", name], capture_output=True, text=True).stdout.strip().split("\n")[0]
    real = subprocess.run(["readlink", "-f", path], capture_output=True, text=True).stdout.strip()
    pk = ""
    for p in (path, real):
        r = subprocess.run(["dpkg", "-S", p], capture_output=True, text=True).stdout.strip()
        if r:
            pk = r.split(":")[0].split(",")[0].strip()
            break
    lic = ""
    try:
        txt = open(f"/usr/share/doc/{pk}/copyright", errors="replace").read()
        m = re.search(r"^License:\s*(\S.*)$", txt, re.M)
        lic = m.group(1).strip() if m else ""
        if not lic:
            for key in ("GPL-3", "GPL-2", "GNU General Public License", "BSD", "MIT", "Apache"):
                if key in txt:
                    lic = key
                    break
    except OSError:
        pass
    return path, pk, lic


def main():
    cache, meta, bad = {}, {}, []
    for r in ROWS:
        name, cmd = r[0], r[2]
        if name not in cache:
            cache[name] = page_text(name)
            meta[name] = pkg_of(name)
        text = cache[name]
        parts = [p for p in re.split(r"\s*&&\s*", cmd) if p]
        ok = all(norm(p) in text for p in parts)
        if not ok:
            bad.append((name, cmd))
    json.dump({"meta": meta, "bad": bad}, open("man_meta.json", "w"), indent=1, ensure_ascii=False)
    print("rows", len(ROWS), "not found", len(bad))
    for b in bad:
        print("  MISSING", b)


if __name__ == "__main__":
    main()
