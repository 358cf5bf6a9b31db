"""Pick admin commands from mdextract.py candidates (fixed seed, risky-looking first).

Run: python pick.py <candidates.jsonl> <programs,comma> <n> [--per-file K] > picked.jsonl
Keeps commands whose first program (after sudo / VAR=value) is in the list, with no `<...>`
or `[...]` placeholder, no `...` ellipsis, at most 500 characters, not seen before; then
takes up to K per file, risky-looking ones first, and n in all (seeded shuffle)."""

from __future__ import annotations

import json
import random
import re
import sys
from collections import defaultdict

RISKY = re.compile(r"\b(delete|drain|cordon|--force|force|iam|role|secret|key|credential|rotate|"
                   r"uninstall|rm|purge|policy|admin|password|reset|ssh|grant|binding|assign|"
                   r"token|upgrade|rollback|scale|destroy|revoke|disable|enable|deactivate|"
                   r"suspend|lifecycle|permission|cleanup|kubeconfig|get-credentials)\b", re.I)
PLACEHOLDER = re.compile(r"<[A-Za-z][^<>]*>|\[[a-z-]+[=\]]|\.\.\.|\{\{|YOUR_|your-|xxxx", re.I)


def first_prog(cmd: str) -> str:
    t = re.sub(r"^(sudo\s+|[A-Z_][A-Z0-9_]*=\S+\s+)*", "", cmd).split()
    return t[0] if t else ""


def main() -> None:
    path, progs, n = sys.argv[1], set(sys.argv[2].split(",")), int(sys.argv[3])
    per = int(sys.argv[5]) if len(sys.argv) > 5 and sys.argv[4] == "--per-file" else 4
    seen: set[str] = set()
    by_file: dict[str, list[dict]] = defaultdict(list)
    with open(path) as fh:
        lines = fh.readlines()
    for line in lines:
        r = json.loads(line)
        cmd = r["command"]
        norm = " ".join(cmd.split())
        if first_prog(cmd) not in progs or PLACEHOLDER.search(cmd) or len(cmd) > 500:
            continue
        if norm in seen or len(norm.split()) < 2:
            continue
        seen.add(norm)
        by_file[r["path"]].append(r)
    rnd = random.Random(20261206)
    picked: list[dict] = []
    for f in sorted(by_file):
        rows = by_file[f]
        rnd.shuffle(rows)
        rows.sort(key=lambda r: not RISKY.search(r["command"]))
        picked.extend(rows[:per])
    rnd.shuffle(picked)
    picked.sort(key=lambda r: not RISKY.search(r["command"]))
    out = picked[:n]
    out.sort(key=lambda r: (r["path"], r["command"]))
    for r in out:
        print(json.dumps(r))


if __name__ == "__main__":
    main()
