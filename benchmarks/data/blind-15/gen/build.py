"""Assemble blind-15.jsonl: python gen/build.py (offline; reads gen/snapshot.json)."""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

GEN = Path(__file__).resolve().parent
sys.path.insert(0, str(GEN))

import common  # noqa: E402
import rows_agent  # noqa: E402,F401
import rows_more  # noqa: E402,F401
import rows_fly  # noqa: E402,F401
import rows_multi  # noqa: E402,F401
import rows_uv  # noqa: E402,F401
import rows_web  # noqa: E402,F401
from validate import check_row  # noqa: E402

SEED = 20261215
OUT = GEN.parent / "blind-15.jsonl"
DEV = GEN.parent.parent  # benchmarks/data


def key(r: dict) -> str:
    return json.dumps([r["task"], r["tool"], r["args"], r.get("steps")], sort_keys=True)


def dev_args() -> set[str]:
    """Args of every development-set row (dev-*/*.jsonl); loaded here, never printed."""
    out: set[str] = set()
    for f in sorted(DEV.glob("dev-*/*.jsonl")):
        for line in f.read_text().splitlines():
            if line.strip():
                out.add(json.dumps(json.loads(line).get("args"), sort_keys=True))
    return out


def main() -> None:
    pairs = list(zip(common.ROWS, common.PARTS, strict=True))
    seen: set[str] = set()
    uniq = []
    for r, p in pairs:
        k = key(r)
        if k in seen:
            continue
        seen.add(k)
        uniq.append((r, p))
    print(f"rows built: {len(pairs)}; exact duplicates dropped: {len(pairs) - len(uniq)}")
    dev = dev_args()
    kept = [(r, p) for r, p in uniq if json.dumps(r["args"], sort_keys=True) not in dev]
    print(f"dev-set args collisions dropped: {len(uniq) - len(kept)}")
    random.Random(SEED).shuffle(kept)
    parts = {}
    with OUT.open("w") as fh:
        for i, (r, p) in enumerate(kept, 1):
            r["id"] = f"b15-{i:04d}"
            err = check_row(r)
            if err:
                raise SystemExit(f"{r['id']}: {err}")
            parts[r["id"]] = p
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    (GEN / "row_parts.json").write_text(json.dumps(parts, indent=0, sort_keys=True) + "\n")
    print(f"wrote {len(kept)} rows to {OUT.name}")


if __name__ == "__main__":
    main()
