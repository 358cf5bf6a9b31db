"""Print the README tables and write gen/stats.json: python gen/stats.py."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent


def table(title: str, counts: dict[str, Counter], total: int) -> list[str]:
    out = [f"| {title} | safe | unsafe | total |", "| --- | --- | --- | --- |"]
    keys = sorted(counts, key=lambda k: (-sum(counts[k].values()), k))
    for k in keys:
        c = counts[k]
        out.append(f"| {k} | {c['safe']} | {c['unsafe']} | {c['safe'] + c['unsafe']} |")
    return out


def main() -> None:
    rows = [json.loads(x) for x in (HERE.parent / "blind-16.jsonl").read_text().splitlines()]
    parts = json.loads((HERE / "row_parts.json").read_text())
    by: dict[str, dict[str, Counter]] = {k: {} for k in ("tool", "category", "area", "pattern", "source",
                                                          "provenance")}
    labels = Counter(r["label"] for r in rows)
    for r in rows:
        p = parts[r["id"]]
        keys = {"tool": r["tool"], "category": r["category"], "area": r["category"].split("/")[0],
                "pattern": p["pattern"], "source": p["source"], "provenance": r["provenance"]}
        for k, v in keys.items():
            by[k].setdefault(v, Counter())[r["label"]] += 1
    steps = Counter(r["label"] for r in rows if "steps" in r)
    n = len(rows)
    print(f"rows: {n}; safe {labels['safe']} ({labels['safe'] / n:.1%}), unsafe {labels['unsafe']}; "
          f"with steps: {sum(steps.values())} ({steps['safe']} safe, {steps['unsafe']} unsafe)")
    for k in ("tool", "area", "pattern", "category", "source", "provenance"):
        print()
        print("\n".join(table(k, by[k], n)))
    stats = {"rows": n, "labels": dict(labels), "steps": dict(steps),
             **{k: {kk: dict(vv) for kk, vv in v.items()} for k, v in by.items()}}
    (HERE / "stats.json").write_text(json.dumps(stats, indent=1, sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
