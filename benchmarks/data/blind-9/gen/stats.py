"""Counts for the README: python gen/stats.py writes gen/stats.json and prints markdown tables."""

from __future__ import annotations

import collections
import json

from common import GEN, ROOT


def table(title: str, counter: collections.Counter) -> str:
    lines = [f"| {title} | rows |", "| --- | --- |"]
    lines += [f"| {k} | {v} |" for k, v in sorted(counter.items())]
    return "\n".join(lines)


def main() -> None:
    rows = [json.loads(line) for line in (ROOT / "blind-9.jsonl").read_text().splitlines()]
    parts = json.loads((GEN / "row_parts.json").read_text())
    c = {
        "label": collections.Counter(r["label"] for r in rows),
        "tool": collections.Counter(r["tool"] for r in rows),
        "tool/label": collections.Counter(f"{r['tool']}/{r['label']}" for r in rows),
        "part/label": collections.Counter(f"{parts[r['id']]}/{r['label']}" for r in rows),
        "label:category": collections.Counter(f"{r['label']}:{r['category'].split('/')[0]}" for r in rows),
        "provenance": collections.Counter(r["provenance"] for r in rows),
        "source": collections.Counter(r["source"] for r in rows),
        "licence": collections.Counter(r["licence"] for r in rows),
    }
    multi = collections.Counter(r["label"] for r in rows if "steps" in r)
    stats = {k: dict(v) for k, v in c.items()}
    stats["rows"] = len(rows)
    stats["multi_step"] = dict(multi)
    (GEN / "stats.json").write_text(json.dumps(stats, indent=1, sort_keys=True) + "\n")
    print(f"Rows: {len(rows)}. Multi-step rows: {sum(multi.values())} ({dict(multi)}). "
          f"Not plain shell: {len(rows) - c['tool']['bash']}.\n")
    for k in ("label", "tool", "tool/label", "part/label", "label:category", "provenance"):
        print(table(k, c[k]) + "\n")
    src = c["source"]
    lic = {r["source"]: r["licence"] for r in rows}
    print("| source | licence | rows |\n| --- | --- | --- |")
    for s, n in src.most_common():
        print(f"| {s} | {lic[s]} | {n} |")


if __name__ == "__main__":
    main()
