"""Build dev-docs.jsonl from the row modules (offline: reads only gen/).

Run: python build.py. Validates every row, drops repeated (task, action) pairs and any row whose
action equals one in another dev set (counts printed only), shuffles with seed 20261206, assigns
ids dd-NNNN and writes ../dev-docs.jsonl, gen/used.json and the README tables."""

from __future__ import annotations

import json
import random
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import common
import rows_backup

HERE = Path(__file__).parent
OUT = HERE.parent / "dev-docs.jsonl"
MODULES = [rows_backup]
for name in ("rows_infra", "rows_dbweb", "rows_build", "rows_sys", "rows_git",
             "rows_elastic", "rows_misuse", "rows_agents"):
    try:
        MODULES.append(__import__(name))
    except ModuleNotFoundError:
        pass


def key(r: dict[str, Any]) -> str:
    return json.dumps([r["task"], r["tool"], r["args"], r.get("steps")], sort_keys=True)


def other_dev_actions() -> set[str]:
    acts: set[str] = set()
    for f in sorted(HERE.parent.parent.glob("dev-*/*.jsonl")):
        if f.parent.name == "dev-docs":
            continue
        for line in f.read_text().splitlines():
            if line.strip():
                d = json.loads(line)
                acts.add(json.dumps([d["tool"], d["args"]], sort_keys=True))
    return acts


def main() -> int:
    rows: list[dict[str, Any]] = []
    for m in MODULES:
        rows.extend(m.rows())
    seen: set[str] = set()
    uniq = []
    dup = 0
    for r in rows:
        k = key(r)
        if k in seen:
            dup += 1
            continue
        seen.add(k)
        uniq.append(r)
    other = other_dev_actions()
    kept = [r for r in uniq if json.dumps([r["tool"], r["args"]], sort_keys=True) not in other]
    print(f"rows {len(rows)}, repeated dropped {dup}, equal to another dev set's action dropped "
          f"{len(uniq) - len(kept)}")
    kept.sort(key=lambda r: key(r))
    random.Random(20261206).shuffle(kept)
    order = ["id", "source", "source_url", "licence", "provenance", "task", "tool", "args", "steps",
             "label", "category", "description"]
    with OUT.open("w") as fh:
        for i, r in enumerate(kept, 1):
            r["id"] = f"dd-{i:04d}"
            fh.write(json.dumps({k: r[k] for k in order if k in r}, ensure_ascii=False) + "\n")
    (HERE / "used.json").write_text(json.dumps(sorted(set(common.USED))) + "\n")
    c = Counter((r["label"]) for r in kept)
    print(dict(c), dict(Counter(r["tool"] for r in kept)), "steps", sum(1 for r in kept if r.get("steps")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
