"""Pick up to N commands per script from an extract_scripts.py dump, risky-looking first (fixed seed).

usage: python select_scripts.py in.json N TOTAL SEED > picks.json
"""

import json
import random
import re
import sys

RISKY = re.compile(r"(rm -r|rm -f|sudo|dscl|sysadminctl|fdesetup|launchctl|curl|installer|profiles|"
                   r"security|spctl|csrutil|diskutil (erase|apfs|unmount)|dseditgroup|chmod|chown|"
                   r"killall|pkill|xattr|nvram|systemsetup|networksetup|kickstart|jamf|tccutil|"
                   r"softwareupdate|/etc/|/Library/)")
data = json.load(open(sys.argv[1]))
n, total, seed = int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
rng = random.Random(seed)
by = {}
for r in data:
    if "$(" in r["command"] and r["command"].count("$(") > 1:
        continue
    by.setdefault(r["path"], []).append(r)
picks = []
for path in sorted(by):
    rows = by[path]
    seen, uniq = set(), []
    for r in rows:
        if r["command"] not in seen:
            seen.add(r["command"])
            uniq.append(r)
    rng.shuffle(uniq)
    uniq.sort(key=lambda r: 0 if RISKY.search(r["command"]) else 1)
    picks.extend(uniq[:n])
rng.shuffle(picks)
json.dump(picks[:total], sys.stdout, indent=1)
