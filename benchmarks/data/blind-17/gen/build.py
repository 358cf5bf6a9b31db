"""Build blind-17.jsonl: python gen/build.py (deterministic, offline, standard library only)."""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import common  # noqa: E402
import rows_attack  # noqa: E402, F401
import rows_doctl  # noqa: E402, F401
import rows_hcloud  # noqa: E402, F401
import rows_incidents  # noqa: E402, F401
import rows_js  # noqa: E402, F401
import rows_kustomize  # noqa: E402, F401
import rows_openstack  # noqa: E402, F401
import validate  # noqa: E402

SEED = 20261217


def main() -> int:
    rows = []
    seen = set()
    for r in common.ROWS:
        key = json.dumps([r["task"], r["tool"], r["args"], r.get("steps")], sort_keys=True)
        if key in seen:
            continue
        seen.add(key)
        rows.append(r)
    random.Random(SEED).shuffle(rows)
    out, parts = [], {}
    for i, r in enumerate(rows, 1):
        rid = f"b17-{i:04d}"
        parts[rid] = {"pattern": r["_pattern"], "source": r["_src"]}
        row = {"id": rid}
        row.update({k: v for k, v in r.items() if not k.startswith("_")})
        order = ["id", "source", "source_url", "licence", "provenance", "task", "tool", "args", "steps", "label",
                 "category", "description"]
        row = {k: row[k] for k in order if k in row}
        err = validate.check_row(row)
        if err:
            print(f"{rid}: {err}", file=sys.stderr)
            return 1
        out.append(json.dumps(row, ensure_ascii=False))
    (HERE.parent / "blind-17.jsonl").write_text("\n".join(out) + "\n")
    (HERE / "row_parts.json").write_text(json.dumps(parts, indent=1, sort_keys=True) + "\n")
    print(f"wrote {len(out)} rows ({len(common.ROWS) - len(rows)} duplicates dropped)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
