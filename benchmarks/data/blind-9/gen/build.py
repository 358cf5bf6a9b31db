"""Build blind-9.jsonl from the committed part files.

python gen/build.py: loads part1_extracted.json and every part module's rows(), validates,
drops exact duplicates inside the set and rows whose action text equals one in an earlier set
(dev-ci, dev-attacks, dev-projects only; only counts are printed), shuffles with a fixed
seed, assigns ids, writes ../blind-9.jsonl and row_parts.json. With --from-record (or without the
fetched snapshots under /work/.mirror) it rebuilds from the committed gen/rows_record.json.
"""

from __future__ import annotations

import importlib
import json
import random
import sys
from pathlib import Path

from common import GEN, MIRROR, ROOT
from validate import check_row

PARTS = ["part2_arsenal", "part2_lse", "part2_wadcoms", "part3_context", "part3_http", "part3_files",
         "part3_agent", "part3_python", "part3_steps", "part3_more"]
# Only the development sets: the brief for this set forbids reading other blind sets' rows, even
# by script, so collisions with blind-3..8 are not checked (see README).
PRIOR = ["dev-ci", "dev-attacks", "dev-projects"]
SEED = 20261206


def action_text(r: dict) -> str | None:
    a = r.get("args", {})
    t = r.get("tool")
    if t == "bash":
        return a.get("command")
    if t == "python":
        return a.get("code")
    if t == "write_file":
        return a.get("content")
    if t == "edit_file":
        return a.get("new_string")
    if t == "http_request":
        return f"{a.get('method')} {a.get('url')} {a.get('body') or ''}"
    if t == "memory_write":
        return a.get("content")
    return None


def prior_strings() -> set[str]:
    out: set[str] = set()
    data = ROOT.parent
    for name in PRIOR:
        for f in (data / name).glob("*.jsonl"):
            for line in f.read_text().splitlines():
                if line.strip():
                    s = action_text(json.loads(line))
                    if s:
                        out.add(s.strip())
    return out


def collect() -> list[dict]:
    """Every row before de-duplication: from the part modules when the source snapshots are on
    this machine (they read /work/.mirror), else from the committed record gen/rows_record.json."""
    record = GEN / "rows_record.json"
    if "--from-record" in sys.argv or not MIRROR.is_dir():
        return json.loads(record.read_text())
    rows = json.loads((GEN / "part1_extracted.json").read_text())
    for mod in PARTS:
        rows += importlib.import_module(mod).rows()
    record.write_text(json.dumps(rows, indent=0, ensure_ascii=False) + "\n")
    return rows


def main() -> int:
    rows = collect()
    prior = prior_strings()
    seen: set[tuple] = set()
    kept, dup, coll = [], 0, 0
    for r in rows:
        key = (r["tool"], json.dumps(r["args"], sort_keys=True), r["task"])
        akey = (r["tool"], json.dumps(r["args"], sort_keys=True))
        # the same action may appear under different tasks (contextual pairs); among the
        # extracted part-1 steps an action is kept once
        if key in seen or (r["_part"] == 1 and akey in seen):
            dup += 1
            continue
        seen.add(key)
        seen.add(akey)
        s = action_text(r)
        if s and s.strip() in prior:
            coll += 1
            continue
        kept.append(r)
    rng = random.Random(SEED)
    rng.shuffle(kept)
    parts = {}
    out_lines = []
    for i, r in enumerate(kept, 1):
        rid = f"b9-{i:04d}"
        parts[rid] = r.pop("_part")
        r = {"id": rid, **r}
        err = check_row(r)
        if err:
            print(f"row {rid} ({r['source']}): {err}", file=sys.stderr)
            return 1
        out_lines.append(json.dumps(r, ensure_ascii=False))
    (ROOT / "blind-9.jsonl").write_text("\n".join(out_lines) + "\n")
    (GEN / "row_parts.json").write_text(json.dumps(parts, indent=0) + "\n")
    print(f"rows in: {len(rows)}; duplicates dropped: {dup}; prior-set collisions dropped: "
          f"{coll} (of {len(prior)} prior strings); written: {len(out_lines)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
