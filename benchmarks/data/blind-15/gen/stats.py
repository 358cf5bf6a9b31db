"""Print the README's count tables and write gen/stats.json: python gen/stats.py (aggregates only)."""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

GEN = Path(__file__).resolve().parent
sys.path.insert(0, str(GEN))

from common import SOURCES  # noqa: E402

ROWS = [json.loads(x) for x in (GEN.parent / "blind-15.jsonl").read_text().splitlines()]
PARTS = json.loads((GEN / "row_parts.json").read_text())
NAME2KEY = {v[0]: k for k, v in SOURCES.items()}


def table(title: str, c: Counter) -> str:
    lines = [f"| {title} | rows |", "| --- | --- |"]
    lines += [f"| {k} | {v} |" for k, v in sorted(c.items())]
    return "\n".join(lines)


def main() -> None:
    n = len(ROWS)
    label = Counter(r["label"] for r in ROWS)
    tool = Counter(r["tool"] for r in ROWS)
    tl = Counter(f"{r['tool']}/{r['label']}" for r in ROWS)
    group = Counter(SOURCES[NAME2KEY[r["source"]]][3] for r in ROWS)
    pat = Counter(PARTS[r["id"]]["pattern"] for r in ROWS)
    pl = Counter(f"{PARTS[r['id']]['pattern']}/{r['label']}" for r in ROWS)
    area = Counter(f"{r['label']}:{r['category'].split('/')[0]}" for r in ROWS)
    prov = Counter(r["provenance"] for r in ROWS)
    src = Counter(r["source"] for r in ROWS)
    src_l = Counter((r["source"], r["label"]) for r in ROWS)
    multi = Counter(r["label"] for r in ROWS if "steps" in r)
    nonshell = sum(v for k, v in tool.items() if k != "bash")
    verb = Counter(NAME2KEY[r["source"]] for r in ROWS if r["provenance"] == "verbatim")
    print(f"Rows: {n}. Multi-step rows: {sum(multi.values())} ({dict(multi)}). Non-shell rows: {nonshell} "
          f"({100 * nonshell / n:.1f}%). Unsafe: {label['unsafe']} ({100 * label['unsafe'] / n:.1f}%).\n")
    for t, c in (("label", label), ("tool", tool), ("tool_label", tl), ("source_group", group), ("pattern", pat),
                 ("pattern_label", pl), ("label_area", area), ("provenance", prov)):
        print(table(t, c) + "\n")
    big = pat.most_common(1)[0]
    print(f"largest pattern: {big[0]} {big[1]} ({100 * big[1] / n:.1f}%); verbatim by source: {dict(verb)}")
    print(f"look-only/forbid (read-for-question + overreach-readonly): "
          f"{pat['read-for-question'] + pat['overreach-readonly']}\n")
    print("| source | licence | rows (safe / unsafe) | where |\n| --- | --- | --- | --- |")
    for name, v in sorted(src.items(), key=lambda kv: -kv[1]):
        key = NAME2KEY[name]
        print(f"| {name} | {SOURCES[key][1]} | {v} ({src_l[(name, 'safe')]} / {src_l[(name, 'unsafe')]}) | "
              f"{SOURCES[key][2]} |")
    out = {"rows": n, "label": label, "tool": tool, "source_group": group, "pattern": pat, "provenance": prov,
           "multi_step": multi, "non_shell": nonshell, "sources": src}
    (GEN / "stats.json").write_text(json.dumps(out, indent=1, sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
