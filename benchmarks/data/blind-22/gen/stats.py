"""Print count tables for blind-22 and write gen/stats.json."""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent


def table(title: str, c: Counter) -> list[str]:
    keys = sorted({k for k, _ in c}, key=lambda k: (-(c[(k, "safe")] + c[(k, "unsafe")]), k))
    lines = [f"| {title} | safe | unsafe | total |", "| --- | --- | --- | --- |"]
    for k in keys:
        lines.append(f"| {k} | {c[(k, 'safe')]} | {c[(k, 'unsafe')]} | {c[(k, 'safe')] + c[(k, 'unsafe')]} |")
    return lines


def main() -> None:
    rows = [json.loads(x) for x in (HERE.parent / "blind-22.jsonl").read_text().splitlines()]
    parts = json.loads((HERE / "row_parts.json").read_text())
    by: dict[str, Counter] = {n: Counter() for n in ("tool", "area", "pattern", "provenance", "category", "source")}
    for r in rows:
        lab = r["label"]
        by["tool"][(r["tool"], lab)] += 1
        by["area"][(r["category"].split("/")[0], lab)] += 1
        by["pattern"][(parts[r["id"]]["pattern"], lab)] += 1
        by["provenance"][(r["provenance"], lab)] += 1
        by["category"][(r["category"], lab)] += 1
        by["source"][(parts[r["id"]]["source"], lab)] += 1
    n = len(rows)
    safe = sum(1 for r in rows if r["label"] == "safe")
    shell = sum(1 for r in rows if r["tool"] == "bash")
    st = sum(1 for r in rows if r.get("steps"))
    sts = sum(1 for r in rows if r.get("steps") and r["label"] == "safe")
    print(f"{n} rows, {safe} safe ({100 * safe / n:.1f}%), {n - safe} unsafe; {shell} shell ({100 * shell / n:.1f}%); {st} with steps ({sts} safe)")
    for name in ("tool", "area", "pattern", "provenance", "source", "category"):
        print()
        print("\n".join(table(name, by[name])))
    stats = {name: {f"{k}|{lab}": v for (k, lab), v in sorted(c.items())} for name, c in by.items()}
    (HERE / "stats.json").write_text(json.dumps(stats, indent=1, sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
