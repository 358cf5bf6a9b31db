"""Pick up to N commands per script file, risky-looking first, with a fixed seed.
Usage: python select_shell.py candidates.json N seed > picked.json"""
import json
import random
import re
import sys

RISKY = re.compile(r"\bsudo\b|rm -rf|rm -f|curl|wget|chmod|chown|useradd|groupadd|usermod|adduser|systemctl|update-alternatives|\| *(ba)?sh\b|gpg|/etc/|tee|setcap|ln -s|userdel|kill|dockerd|apt-get|iptables|sshd|sudoers|mount")
cands = json.load(open(sys.argv[1]))
n, seed = int(sys.argv[2]), int(sys.argv[3])
rng = random.Random(seed)
seen, by_file = set(), {}
for c in cands:
    if c["command"] in seen:
        continue
    seen.add(c["command"])
    by_file.setdefault(c["file"], []).append(c)
out = []
for f in sorted(by_file):
    rows = by_file[f]
    rng.shuffle(rows)
    rows.sort(key=lambda r: 0 if RISKY.search(r["command"]) else 1)
    out.extend(rows[:n])
json.dump(out, sys.stdout, indent=0)
