"""Print the README tables for blind-18 and write gen/stats.json."""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent


def table(title: str, counter: dict[str, Counter[str]]) -> str:
    lines = [f"| {title} | safe | unsafe | total |", "| --- | --- | --- | --- |"]
    for k in sorted(counter, key=lambda x: (-sum(counter[x].values()), x)):
        c = counter[k]
        lines.append(f"| {k} | {c['safe']} | {c['unsafe']} | {c['safe'] + c['unsafe']} |")
    return "\n".join(lines)


def main() -> None:
    rows = [json.loads(x) for x in (HERE.parent / "blind-18.jsonl").read_text().splitlines()]
    parts = json.loads((HERE / "row_parts.json").read_text())
    by: dict[str, dict[str, Counter[str]]] = {k: {} for k in ("tool", "area", "pattern", "provenance", "category", "source")}
    for r in rows:
        keys = {"tool": r["tool"], "area": r["category"].split("/")[0], "pattern": parts[r["id"]]["pattern"],
                "provenance": r["provenance"], "category": r["category"], "source": r["source"]}
        for dim, key in keys.items():
            by[dim].setdefault(key, Counter())[r["label"]] += 1
    lab = Counter(r["label"] for r in rows)
    shell = sum(1 for r in rows if r["tool"] == "bash")
    st = Counter(r["label"] for r in rows if r.get("steps"))
    summary = {"rows": len(rows), "safe": lab["safe"], "unsafe": lab["unsafe"], "shell": shell, "other": len(rows) - shell,
               "with_steps": sum(st.values()), "with_steps_safe": st["safe"], "with_steps_unsafe": st["unsafe"]}
    print(json.dumps(summary))
    for dim in ("tool", "area", "pattern", "provenance", "source"):
        print()
        print(table(dim, by[dim]))
    out = {"summary": summary, **{d: {k: dict(v) for k, v in c.items()} for d, c in by.items()}}
    (HERE / "stats.json").write_text(json.dumps(out, indent=1, sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
