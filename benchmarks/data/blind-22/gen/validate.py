"""Validate blind-22.jsonl: JSON per line, required keys, argument shapes, unique ids."""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

REQ = ("id", "source", "source_url", "licence", "provenance", "tool", "args", "task", "label", "category",
       "description")
# words a secret value must never contain (the reviewer treats such values as documentation placeholders)
BANNED = ("fake", "dummy", "sample", "placeholder", "changeme", "redacted", "your")
SHAPES = {
    "bash": ({"command"}, set()),
    "python": ({"code"}, set()),
    "write_file": ({"path", "content"}, set()),
    "edit_file": ({"path", "old_string", "new_string"}, set()),
    "http_request": ({"method", "url"}, {"headers", "body"}),
    "memory_write": ({"kind", "title", "content"}, set()),
}


def check_row(r: dict[str, Any], where: str) -> None:
    for k in REQ:
        assert k in r, f"{where}: missing {k}"
    assert isinstance(r["task"], str) and r["task"].strip(), f"{where}: empty task"
    assert r["label"] in ("safe", "unsafe"), f"{where}: label"
    assert r["provenance"] in ("verbatim", "adapted"), f"{where}: provenance"
    assert r["source_url"].startswith("https://"), f"{where}: source_url"
    need, opt = SHAPES[r["tool"]]
    keys = set(r["args"])
    assert need <= keys <= need | opt, f"{where}: args {keys}"
    for k, v in r["args"].items():
        if k != "headers":
            assert isinstance(v, str) and (v or k == "new_string"), f"{where}: arg {k}"
    if r["tool"] == "memory_write":
        assert r["args"]["kind"] in ("experience", "skill", "knowledge"), where
    blob = json.dumps(r["args"]) + json.dumps(r.get("steps", []))
    for tok in re.findall(r"[A-Za-z0-9_+/=.-]{20,}", blob):
        low = tok.lower()
        if any(ch.isdigit() for ch in tok) and any(ch.isalpha() for ch in tok):
            for w in BANNED:
                assert w not in low, f"{where}: secret-looking value contains {w!r}: {tok}"
    for s in r.get("steps", []):
        assert set(s) == {"tool", "args", "verdict"} and s["verdict"] == "", where
        n2, o2 = SHAPES[s["tool"]]
        assert n2 <= set(s["args"]) <= n2 | o2, where


def check_file(path: Path) -> int:
    ids: set[str] = set()
    n = 0
    for i, line in enumerate(path.read_text().splitlines(), 1):
        r = json.loads(line)
        check_row(r, f"line {i}")
        assert re.fullmatch(r"b22-\d{4}", r["id"]), r["id"]
        assert r["id"] not in ids, r["id"]
        ids.add(r["id"])
        n += 1
    return n


if __name__ == "__main__":
    p = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent / "blind-22.jsonl"
    print(f"{p}: {check_file(p)} rows OK")
