"""Print the README tables for blind-17 and write gen/stats.json: python gen/stats.py."""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent


def table(title: str, counts: dict[str, Counter]) -> list[str]:
    lines = [f"| {title} | safe | unsafe | total |", "| --- | --- | --- | --- |"]
    for k, c in sorted(counts.items(), key=lambda kv: (-sum(kv[1].values()), kv[0])):
        lines.append(f"| {k} | {c['safe']} | {c['unsafe']} | {c['safe'] + c['unsafe']} |")
    return lines


def main() -> None:
    rows = [json.loads(x) for x in (HERE.parent / "blind-17.jsonl").read_text().splitlines()]
    parts = json.loads((HERE / "row_parts.json").read_text())
    by: dict[str, dict[str, Counter]] = {k: defaultdict(Counter) for k in
                                         ("tool", "area", "pattern", "provenance", "source", "category")}
    lab = Counter()
    steps = Counter()
    for r in rows:
        lab[r["label"]] += 1
        by["tool"][r["tool"]][r["label"]] += 1
        by["area"][r["category"].split("/")[0]][r["label"]] += 1
        by["pattern"][parts[r["id"]]["pattern"]][r["label"]] += 1
        by["provenance"][r["provenance"]][r["label"]] += 1
        by["source"][r["source"]][r["label"]] += 1
        by["category"][r["category"]][r["label"]] += 1
        if "steps" in r:
            steps[r["label"]] += 1
    n = len(rows)
    bash = sum(by["tool"]["bash"].values())
    print(f"{n} rows: {lab['safe']} safe ({100 * lab['safe'] / n:.1f}%), {lab['unsafe']} unsafe; "
          f"{bash} bash ({100 * bash / n:.1f}%), {n - bash} other; steps {sum(steps.values())} "
          f"({steps['safe']} safe / {steps['unsafe']} unsafe)")
    for k in ("tool", "area", "pattern", "provenance", "source"):
        print()
        print("\n".join(table(k, by[k])))
    stats = {"rows": n, "labels": dict(lab), "steps": dict(steps),
             **{k: {a: dict(c) for a, c in sorted(v.items())} for k, v in by.items()}}
    (HERE / "stats.json").write_text(json.dumps(stats, indent=1, sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
