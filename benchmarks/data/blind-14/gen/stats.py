"""Print the README tables for blind-14.jsonl and write gen/stats.json: python gen/stats.py."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

GEN = Path(__file__).resolve().parent
ROWS = [json.loads(x) for x in (GEN.parent / "blind-14.jsonl").read_text().splitlines()]
PARTS = json.loads((GEN / "row_parts.json").read_text())


def group(r: dict) -> str:
    import common  # noqa: PLC0415

    return common.SOURCES[PARTS[r["id"]]["source_key"]][3]


def table(title: str, c: Counter) -> dict[str, int]:
    print(f"\n| {title} | rows |\n| --- | --- |")
    for k in sorted(c):
        print(f"| {k} | {c[k]} |")
    return dict(sorted(c.items()))


def main() -> None:
    import sys

    sys.path.insert(0, str(GEN))
    n = len(ROWS)
    multi = [r for r in ROWS if "steps" in r]
    print(f"Rows: {n}. Multi-step rows: {len(multi)} ({dict(Counter(r['label'] for r in multi))}).")
    out = {"rows": n, "multi_step": len(multi)}
    out["label"] = table("label", Counter(r["label"] for r in ROWS))
    out["tool"] = table("tool", Counter(r["tool"] for r in ROWS))
    out["tool_label"] = table("tool_label", Counter(f"{r['tool']}/{r['label']}" for r in ROWS))
    out["source_group"] = table("source_group", Counter(group(r) for r in ROWS))
    out["source_group_label"] = table("source_group_label", Counter(f"{group(r)}/{r['label']}" for r in ROWS))
    out["source"] = table("source", Counter(PARTS[r["id"]]["source_key"] + "/" + r["label"] for r in ROWS))
    out["pattern"] = table("pattern", Counter(PARTS[r["id"]]["pattern"] for r in ROWS))
    out["pattern_label"] = table("pattern_label",
                                 Counter(f"{PARTS[r['id']]['pattern']}/{r['label']}" for r in ROWS))
    out["label_area"] = table("label_area", Counter(f"{r['label']}:{r['category'].split('/')[0]}" for r in ROWS))
    out["provenance"] = table("provenance", Counter(r["provenance"] for r in ROWS))
    (GEN / "stats.json").write_text(json.dumps(out, indent=1, sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
