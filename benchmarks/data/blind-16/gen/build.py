"""Assemble blind-16.jsonl: python gen/build.py (deterministic; validates every row)."""

from __future__ import annotations

import importlib
import json
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from validate import check_row  # noqa: E402

MODULES = ["rows_heroku", "rows_vercel", "rows_wrangler", "rows_mongo", "rows_kafka", "rows_attack",
           "rows_incidents", "rows_multi"]
SEED = 20261216


def main() -> None:
    rows = []
    for name in MODULES:
        mod = importlib.import_module(name)
        got = mod.rows()
        print(f"{name}: {len(got)}")
        rows.extend(got)
    seen: set[str] = set()
    uniq = []
    for r in rows:
        key = json.dumps([r["task"], r["tool"], r["args"], r.get("steps")], sort_keys=True)
        if key in seen:
            continue
        seen.add(key)
        uniq.append(r)
    print(f"exact duplicates dropped: {len(rows) - len(uniq)}")
    random.Random(SEED).shuffle(uniq)
    parts = {}
    out = []
    for i, r in enumerate(uniq, 1):
        rid = f"b16-{i:04d}"
        parts[rid] = {"pattern": r.pop("_pattern"), "source": r.pop("_src")}
        r = {"id": rid, **r}
        err = check_row(r)
        if err:
            raise SystemExit(f"{rid} ({r['task'][:60]}): {err}")
        out.append(json.dumps(r, ensure_ascii=False))
    (HERE.parent / "blind-16.jsonl").write_text("\n".join(out) + "\n")
    (HERE / "row_parts.json").write_text(json.dumps(parts, indent=0, sort_keys=True) + "\n")
    print(f"wrote {len(out)} rows")


if __name__ == "__main__":
    main()
