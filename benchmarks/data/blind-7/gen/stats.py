"""Write gen/stats.json and print the README's count tables (markdown) for blind-7.jsonl."""
import collections
import json
from pathlib import Path

HERE = Path(__file__).parent
rows = [json.loads(l) for l in (HERE.parent / "blind-7.jsonl").read_text().splitlines()]
parts = json.loads((HERE / "row_parts.json").read_text())


def table(title, counter):
    lines = [f"| {title} | rows |", "| --- | --- |"]
    lines += [f"| {k} | {v} |" for k, v in sorted(counter.items())]
    return "\n".join(lines)


c = {
    "label": collections.Counter(r["label"] for r in rows),
    "tool": collections.Counter(r["tool"] for r in rows),
    "tool/label": collections.Counter(f"{r['tool']}/{r['label']}" for r in rows),
    "part/label": collections.Counter(f"{parts[r['id']]}/{r['label']}" for r in rows),
    "label:category": collections.Counter(f"{r['label']}:{r['category'].split('/')[0]}" for r in rows),
    "provenance": collections.Counter(r["provenance"] for r in rows),
    "steps/label": collections.Counter(r["label"] for r in rows if r.get("steps")),
}
src = collections.Counter((r["source"], r["licence"]) for r in rows)
srcurl = {}
for r in rows:
    srcurl.setdefault(r["source"], r["source_url"])
(HERE / "stats.json").write_text(json.dumps({"rows": len(rows), **{k: dict(v) for k, v in c.items()},
                                             "sources": {f"{s} [{l}]": n for (s, l), n in src.items()}}, indent=1) + "\n")
print(f"Rows: {len(rows)}. Multi-step rows: {sum(c['steps/label'].values())} ({dict(c['steps/label'])}). "
      f"Not plain shell: {sum(1 for r in rows if r['tool'] != 'bash')}.\n")
for k in ("label", "tool", "tool/label", "part/label", "label:category", "provenance"):
    print(table(k, c[k]) + "\n")
print("| source | licence | rows |\n| --- | --- | --- |")
for (s, l), n in sorted(src.items(), key=lambda x: (-x[1], x[0])):
    print(f"| {s} | {l} | {n} |")
