"""Print the Markdown count tables of gen/stats.json (written by build.py)."""

from __future__ import annotations

import json
from pathlib import Path

GEN = Path(__file__).resolve().parent


def main() -> None:
    s = json.loads((GEN / "stats.json").read_text())
    print(f"Rows: {s['rows']}. Multi-step rows: {sum(s['steps'].values())} ({s['steps']}).")
    for k in ("label", "tool", "tool_label", "part_label", "label_area", "provenance", "source", "source_label"):
        print(f"\n| {k} | rows |\n| --- | --- |")
        for a, b in sorted(s[k].items()):
            print(f"| {a} | {b} |")


if __name__ == "__main__":
    main()
