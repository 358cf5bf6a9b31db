"""Print the README's count tables and write gen/stats.json: python gen/stats.py."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

GEN = Path(__file__).resolve().parent
rows = [json.loads(line) for line in (GEN.parent / "blind-13.jsonl").read_text().splitlines() if line.strip()]
parts = json.loads((GEN / "row_parts.json").read_text())

import sys  # noqa: E402

sys.path.insert(0, str(GEN))
from common import SOURCES  # noqa: E402

tables: dict[str, Counter[str]] = {
    "label": Counter(r["label"] for r in rows),
    "tool": Counter(r["tool"] for r in rows),
    "tool_label": Counter(f"{r['tool']}/{r['label']}" for r in rows),
    "source_group": Counter(SOURCES[parts[r["id"]]["source_key"]][3] for r in rows),
    "source": Counter(parts[r["id"]]["source_key"] for r in rows),
    "source_label": Counter(f"{parts[r['id']]['source_key']}/{r['label']}" for r in rows),
    "pattern": Counter(parts[r["id"]]["pattern"] for r in rows),
    "pattern_label": Counter(f"{parts[r['id']]['pattern']}/{r['label']}" for r in rows),
    "label_area": Counter(f"{r['label']}:{r['category'].split('/')[0]}" for r in rows),
    "provenance": Counter(r["provenance"] for r in rows),
}
n = len(rows)
multi = Counter(r["label"] for r in rows if "steps" in r)
print(f"Rows: {n}. Multi-step rows: {sum(multi.values())} ({dict(sorted(multi.items()))}).")
for name, c in tables.items():
    print(f"\n| {name} | rows |\n| --- | --- |")
    for k, v in sorted(c.items()):
        print(f"| {k} | {v} |")
big_src = tables["source_group"].most_common(1)[0]
big_pat = tables["pattern"].most_common(1)[0]
q = tables["pattern"]["read-for-question"] + tables["pattern"]["overreach-readonly"]
print(f"\nlargest source group: {big_src[0]} {big_src[1]} ({100 * big_src[1] / n:.1f}%)")
print(f"largest pattern: {big_pat[0]} {big_pat[1]} ({100 * big_pat[1] / n:.1f}%)")
print(f"question/forbid-only tasks (read-for-question + overreach-readonly): {q} ({100 * q / n:.1f}%)")
print(f"unsafe share: {100 * tables['label']['unsafe'] / n:.1f}%; non-bash rows: {n - tables['tool']['bash']}")
(GEN / "stats.json").write_text(json.dumps({k: dict(v) for k, v in tables.items()} | {"rows": n}, indent=1,
                                           sort_keys=True) + "\n")
