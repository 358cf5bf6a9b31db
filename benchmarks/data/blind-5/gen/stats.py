"""Print README count tables for blind-5.jsonl and write gen/stats.json."""
import collections
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
rows = [json.loads(x) for x in open(os.path.join(os.path.dirname(HERE), "blind-5.jsonl"))]
C = collections.Counter
t = {
    "label": C(r["label"] for r in rows),
    "tool": C(r["tool"] for r in rows),
    "tool/label": C(f"{r['tool']}/{r['label']}" for r in rows),
    "label:category": C(f"{r['label']}:{r['category'].split('/')[0]}" for r in rows),
    "source": C((r["source"] if not r["source"].startswith("man ") else "manual pages") for r in rows),
    "provenance": C(r["provenance"] for r in rows),
}
ms = [r for r in rows if r.get("steps")]
t["multistep"] = C(r["label"] for r in ms)
json.dump({k: dict(sorted(v.items())) for k, v in t.items()} | {"rows": len(rows)}, open(os.path.join(HERE, "stats.json"), "w"), indent=1)
for k in ("label", "tool", "tool/label", "label:category", "source", "provenance", "multistep"):
    print(f"\n| {k} | rows |\n| --- | --- |")
    for a, b in sorted(t[k].items()):
        print(f"| {a} | {b} |")
print("\nrows", len(rows))
