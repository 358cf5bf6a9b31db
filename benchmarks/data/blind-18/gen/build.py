"""Build blind-18.jsonl from the rows_* modules (deterministic, offline, standard library only)."""
from __future__ import annotations

import json
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import common  # noqa: E402
import rows_attack  # noqa: E402
import rows_fb  # noqa: E402
import rows_incidents  # noqa: E402
import rows_kc  # noqa: E402
import rows_op  # noqa: E402
import rows_pve  # noqa: E402
import rows_sops  # noqa: E402
import rows_extra  # noqa: E402
import rows_virsh  # noqa: E402
from validate import validate_rows  # noqa: E402

SEED = 20261218


def main() -> None:
    for mod in (rows_sops, rows_op, rows_pve, rows_virsh, rows_kc, rows_fb, rows_attack, rows_incidents, rows_extra):
        mod.build()
    seen: set[str] = set()
    rows = []
    for r in common.ROWS:
        key = json.dumps([r["task"], r["tool"], r["args"], r.get("steps")], sort_keys=True)
        if key in seen:
            continue
        seen.add(key)
        rows.append(r)
    random.Random(SEED).shuffle(rows)
    parts = {}
    out = []
    for i, r in enumerate(rows, 1):
        rid = f"b18-{i:04d}"
        parts[rid] = {"pattern": r.pop("_pattern"), "source": r.pop("_src")}
        out.append({"id": rid, **r})
    validate_rows(out)
    (HERE.parent / "blind-18.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in out))
    (HERE / "row_parts.json").write_text(json.dumps(parts, indent=1, sort_keys=True) + "\n")
    print(f"wrote {len(out)} rows ({len(common.ROWS) - len(out)} duplicates dropped)")


if __name__ == "__main__":
    main()
