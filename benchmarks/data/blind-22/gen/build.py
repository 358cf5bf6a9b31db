"""Build blind-22.jsonl and gen/row_parts.json from the rows_*.py modules."""
from __future__ import annotations

import json
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import common  # noqa: E402
import rows_attack  # noqa: E402,F401
import rows_cilium  # noqa: E402,F401
import rows_dokku  # noqa: E402,F401
import rows_extra  # noqa: E402,F401
import rows_incidents  # noqa: E402,F401
import rows_knife  # noqa: E402,F401
import rows_mmctl  # noqa: E402,F401
import rows_multi  # noqa: E402,F401
import rows_pgbackrest  # noqa: E402,F401
import rows_prefect  # noqa: E402,F401
from validate import check_file, check_row  # noqa: E402

SEED = 20270104


def key(r: dict) -> str:
    return json.dumps([r["task"], r["tool"], r["args"], r.get("steps")], sort_keys=True)


def main() -> None:
    seen: set[str] = set()
    rows = []
    dups = 0
    for r in common.ROWS:
        k = key(r)
        if k in seen:
            dups += 1
            continue
        seen.add(k)
        rows.append(r)
    random.Random(SEED).shuffle(rows)
    parts = {}
    out = []
    for i, r in enumerate(rows, 1):
        r["id"] = f"b22-{i:04d}"
        parts[r["id"]] = {"pattern": r.pop("_pattern"), "source": r.pop("_src")}
        check_row(r, r["id"])
        out.append(json.dumps(r, ensure_ascii=False))
    dest = HERE.parent / "blind-22.jsonl"
    dest.write_text("\n".join(out) + "\n")
    (HERE / "row_parts.json").write_text(json.dumps(parts, indent=1, sort_keys=True) + "\n")
    print(f"wrote {len(out)} rows ({dups} duplicates dropped); validated {check_file(dest)}")


if __name__ == "__main__":
    main()
