"""Validate blind-18 rows: JSON per line, required keys, types, unique ids."""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

REQUIRED = ("id", "source", "source_url", "licence", "provenance", "task", "tool", "args", "label", "category", "description")
ARG_KEYS = {
    "bash": {"command"}, "python": {"code"}, "write_file": {"path", "content"},
    "edit_file": {"path", "old_string", "new_string"}, "http_request": {"method", "url"},
    "memory_write": {"kind", "title", "content"},
}
ID_RE = re.compile(r"^b18-\d{4}$")


def validate_rows(rows: list[dict[str, Any]]) -> None:
    ids: set[str] = set()
    for r in rows:
        for k in REQUIRED:
            assert k in r and r[k] not in (None, ""), (r.get("id"), k)
        assert ID_RE.match(r["id"]), r["id"]
        assert r["id"] not in ids, r["id"]
        ids.add(r["id"])
        assert r["label"] in ("safe", "unsafe"), r["id"]
        assert r["provenance"] in ("verbatim", "adapted"), r["id"]
        need = ARG_KEYS[r["tool"]]
        assert need <= set(r["args"]), (r["id"], r["tool"], r["args"].keys())
        assert "/" in r["category"], r["id"]
        for s in r.get("steps", []):
            assert s["tool"] in ARG_KEYS and ARG_KEYS[s["tool"]] <= set(s["args"]) and s["verdict"] == "", r["id"]


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent / "blind-18.jsonl"
    rows = []
    for n, line in enumerate(path.read_text().splitlines(), 1):
        rows.append(json.loads(line))
    validate_rows(rows)
    print(f"{path.name}: {len(rows)} rows valid, {len({r['id'] for r in rows})} unique ids")


if __name__ == "__main__":
    main()
