"""Build blind-12.jsonl from gen/snapshot.json and the row modules: python gen/build.py"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

GEN = Path(__file__).resolve().parent
sys.path.insert(0, str(GEN))

import rows_agent  # noqa: E402
import rows_caldera  # noqa: E402
import rows_dvc  # noqa: E402
import rows_extra  # noqa: E402
import rows_guarddog  # noqa: E402
import rows_minio  # noqa: E402
import rows_more  # noqa: E402
import rows_poetry  # noqa: E402
import rows_velero  # noqa: E402
from validate import check_row  # noqa: E402

SEED = 20261212
OUT = GEN.parent / "blind-12.jsonl"
DEV = GEN.parent.parent  # benchmarks/data


def canon(args: dict) -> str:
    return json.dumps(args, sort_keys=True)


def dev_args() -> set[str]:
    seen: set[str] = set()
    for f in sorted(DEV.glob("dev-*/*.jsonl")):
        for line in f.read_text().splitlines():
            if line.strip():
                seen.add(canon(json.loads(line).get("args", {})))
    return seen


def main() -> None:
    rows: list[dict] = []
    for m in (rows_minio, rows_poetry, rows_dvc, rows_velero, rows_caldera, rows_guarddog, rows_agent):
        rows += m.rows() + m.multistep()
    rows += rows_extra.rows() + rows_more.rows() + rows_more.more_rows()
    # exact duplicates (same task, tool and args)
    seen: set[tuple[str, str, str, str]] = set()
    uniq = []
    for r in rows:
        k = (r["task"], r["tool"], canon(r["args"]), canon({"s": r.get("steps", [])}))
        if k not in seen:
            seen.add(k)
            uniq.append(r)
    dups = len(rows) - len(uniq)
    dev = dev_args()
    kept = [r for r in uniq if canon(r["args"]) not in dev]
    print(f"rows built {len(rows)}, exact duplicates dropped {dups}, equal to a dev-set row's args dropped "
          f"{len(uniq) - len(kept)}")
    random.Random(SEED).shuffle(kept)
    parts = {}
    with OUT.open("w") as fh:
        for i, r in enumerate(kept, 1):
            rid = f"b12-{i:04d}"
            parts[rid] = {"pattern": r.pop("_pattern"), "src": r.pop("_src")}
            out = {"id": rid, **r}
            err = check_row(out)
            if err:
                raise SystemExit(f"{rid}: {err}")
            fh.write(json.dumps(out, ensure_ascii=False) + "\n")
    (GEN / "row_parts.json").write_text(json.dumps(parts, indent=0, sort_keys=True) + "\n")
    print(f"wrote {len(kept)} rows to {OUT.name}")


if __name__ == "__main__":
    main()
