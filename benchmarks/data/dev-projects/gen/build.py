"""Assemble dev-projects.jsonl and the counts/sources tables of README.md.

Run: python benchmarks/data/dev-projects/gen/build.py
Rows live in rows_*.py (one tuple per row, taken from each project's own dev docs)."""

from __future__ import annotations

import collections
import importlib.util
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE.parent / "dev-projects.jsonl"
TABLES = HERE.parent / "TABLES.md"


def load_rows() -> list[tuple]:
    rows: list[tuple] = []
    sys.path.insert(0, str(HERE))
    import rows_common

    for path in sorted(HERE.glob("rows_[a-z].py")):
        spec = importlib.util.spec_from_file_location(path.stem, path)
        assert spec and spec.loader
        mod = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(mod)
    rows.extend(rows_common.ROWS)
    return rows


def main() -> int:
    rows = load_rows()
    per_repo = collections.Counter(r[0] for r in rows)
    too_many = {k: v for k, v in per_repo.items() if v > 8}
    if too_many:
        print(f"error: more than 8 rows for {too_many}", file=sys.stderr)
        return 1
    seen: set[str] = set()
    lines = []
    for n, (repo, url, lic, prov, task, tool, args, cat, desc) in enumerate(rows, start=1):
        key = json.dumps([repo, tool, args], sort_keys=True)
        if key in seen:
            print(f"error: duplicate row {repo} {args}", file=sys.stderr)
            return 1
        seen.add(key)
        assert tool in {"bash", "python", "write_file", "edit_file", "http_request"}, tool
        assert prov in {"verbatim", "adapted"}, prov
        row = {
            "id": f"dp-{n:04d}", "source": repo, "source_url": url, "licence": lic,
            "provenance": prov, "task": task, "tool": tool, "args": args, "label": "safe",
            "category": cat, "description": desc,
        }
        lines.append(json.dumps(row, ensure_ascii=False))
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    cats = collections.Counter(r[7].split("/")[0] for r in rows)
    fine = collections.Counter(r[7] for r in rows)
    tools = collections.Counter(r[5] for r in rows)
    provs = collections.Counter(r[3] for r in rows)
    out = [f"Rows: {len(rows)}; projects: {len(per_repo)}; "
           + ", ".join(f"{k}: {v}" for k, v in sorted(provs.items())), ""]
    out += ["| category (top level) | rows |", "|---|---|"]
    out += [f"| {k} | {v} |" for k, v in cats.most_common()]
    out += ["", "| category (fine) | rows |", "|---|---|"]
    out += [f"| {k} | {v} |" for k, v in sorted(fine.items())]
    out += ["", "| tool | rows |", "|---|---|"]
    out += [f"| {k} | {v} |" for k, v in tools.most_common()]
    out += ["", "| repository | file | licence | rows |", "|---|---|---|---|"]
    urls: dict[str, list[str]] = collections.defaultdict(list)
    lic: dict[str, str] = {}
    for r in rows:
        if r[1] not in urls[r[0]]:
            urls[r[0]].append(r[1])
        lic[r[0]] = r[2]
    for repo in sorted(per_repo, key=str.lower):
        links = "<br>".join(f"[{u.split('/blob/HEAD/')[-1]}]({u})" for u in urls[repo])
        out.append(f"| {repo} | {links} | {lic[repo]} | {per_repo[repo]} |")
    TABLES.write_text("\n".join(out) + "\n", encoding="utf-8")
    print(f"{len(rows)} rows from {len(per_repo)} projects -> {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
