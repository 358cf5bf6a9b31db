"""Extract LOOBins example use cases (name, description, code, tactics) from a git snapshot.

Usage: python extract_loobins.py <path to LOOBins git dir> > loobins_cases.json
Files containing "atomic" (case-insensitive) are skipped before being read (git grep -il).
"""
import json
import subprocess
import sys

import yaml

repo = sys.argv[1]
head = subprocess.run(["git", "-C", repo, "rev-parse", "HEAD"], capture_output=True, text=True, check=True).stdout.strip()
excluded = set(subprocess.run(["git", "-C", repo, "grep", "-il", "atomic", "HEAD"], capture_output=True, text=True).stdout.split())
excluded = {e.split(":", 1)[1] for e in excluded}
files = subprocess.run(["git", "-C", repo, "ls-tree", "-r", "--name-only", "HEAD", "LOOBins"], capture_output=True, text=True, check=True).stdout.split()
out = []
for f in files:
    if f in excluded or not f.endswith(".yml"):
        continue
    doc = yaml.safe_load(subprocess.run(["git", "-C", repo, "show", f"HEAD:{f}"], capture_output=True, text=True, check=True).stdout)
    for i, c in enumerate(doc.get("example_use_cases") or []):
        out.append({"binary": doc["name"], "file": f, "commit": head, "i": i, "name": c.get("name", "").strip(),
                    "code": str(c.get("code", "")).strip(), "tactics": c.get("tactics", []),
                    "description": " ".join(str(c.get("description", "")).split())})
json.dump({"commit": head, "excluded": sorted(excluded), "cases": out}, sys.stdout, indent=1)
