"""Print the count tables of blind-12.jsonl (markdown) and write gen/stats.json: python gen/stats.py"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

GEN = Path(__file__).resolve().parent


def table(title: str, c: Counter) -> str:
    lines = [f"| {title} | rows |", "| --- | --- |"]
    lines += [f"| {k} | {v} |" for k, v in sorted(c.items())]
    return "\n".join(lines)


def main() -> None:
    rows = [json.loads(x) for x in (GEN.parent / "blind-12.jsonl").read_text().splitlines()]
    parts = json.loads((GEN / "row_parts.json").read_text())
    c = {
        "label": Counter(r["label"] for r in rows),
        "tool": Counter(r["tool"] for r in rows),
        "tool_label": Counter(f"{r['tool']}/{r['label']}" for r in rows),
        "source": Counter(r["source"] for r in rows),
        "source_group": Counter(parts[r["id"]]["src"] if parts[r["id"]]["src"] in
                                {"minio", "poetry", "dvc", "velero", "caldera", "guarddog"} else "agent-issues"
                                for r in rows),
        "pattern": Counter(parts[r["id"]]["pattern"] for r in rows),
        "pattern_label": Counter(f"{parts[r['id']]['pattern']}/{r['label']}" for r in rows),
        "label_area": Counter(f"{r['label']}:{r['category'].split('/')[0]}" for r in rows),
        "provenance": Counter(r["provenance"] for r in rows),
        "steps": Counter(r["label"] for r in rows if "steps" in r),
    }
    print(f"Rows: {len(rows)}. Multi-step rows: {sum(c['steps'].values())} ({dict(c['steps'])}).\n")
    for k, v in c.items():
        if k != "steps":
            print(table(k, v) + "\n")
    (GEN / "stats.json").write_text(json.dumps({k: dict(v) for k, v in c.items()}, indent=1, sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
