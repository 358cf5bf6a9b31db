"""Count tables for blind-6 (writes stats.json and prints markdown tables)."""
import collections
import json
from pathlib import Path

HERE = Path(__file__).parent
rows = [json.loads(x) for x in (HERE.parent / "blind-6.jsonl").read_text().splitlines() if x.strip()]
parts = json.loads((HERE / "row_parts.json").read_text())


def table(title, counter):
    print(f"\n| {title} | rows |\n| --- | --- |")
    for k in sorted(counter):
        print(f"| {k} | {counter[k]} |")


C = collections.Counter
stats = {
    "rows": len(rows),
    "label": C(r["label"] for r in rows),
    "tool": C(r["tool"] for r in rows),
    "tool/label": C(f"{r['tool']}/{r['label']}" for r in rows),
    "part/label": C(f"{parts[r['id']]}/{r['label']}" for r in rows),
    "label:category": C(f"{r['label']}:{r['category'].split('/')[0]}" for r in rows),
    "provenance": C(r["provenance"] for r in rows),
    "multi_step": C(r["label"] for r in rows if r.get("steps")),
    "sources": len({r["source_url"].split("/blob/")[0] for r in rows}),
}
for k in ("label", "tool", "tool/label", "part/label", "label:category", "provenance"):
    table(k, stats[k])
print(f"\nmulti-step rows: {sum(stats['multi_step'].values())} {dict(stats['multi_step'])}")
print(f"distinct source repositories/pages: {stats['sources']}")
(HERE / "stats.json").write_text(json.dumps(stats, indent=1, sort_keys=True))
