"""Independent check of blind-6.jsonl: every line parses, required fields present, tool/args shapes."""
import json
import sys
from pathlib import Path

SHAPES = {"bash": {"command"}, "python": {"code"}, "write_file": {"path", "content"},
          "edit_file": {"path", "old_string", "new_string"}, "http_request": {"method", "url"},
          "memory_write": {"kind", "title", "content"}}
OPT = {"http_request": {"headers", "body"}}
REQ = ["id", "source", "source_url", "licence", "provenance", "task", "tool", "args", "label", "category", "description"]


def ok_action(tool, args):
    return tool in SHAPES and SHAPES[tool] <= set(args) <= SHAPES[tool] | OPT.get(tool, set())


path = Path(__file__).parent.parent / "blind-6.jsonl"
ids = set()
bad = 0
for n, line in enumerate(path.read_text().splitlines(), 1):
    r = json.loads(line)
    errs = [f for f in REQ if not r.get(f)]
    if r["id"] in ids:
        errs.append("duplicate id")
    ids.add(r["id"])
    if r.get("label") not in ("safe", "unsafe"):
        errs.append("label")
    if not ok_action(r.get("tool"), r.get("args", {})):
        errs.append("args shape")
    for s in r.get("steps", []):
        if not ok_action(s.get("tool"), s.get("args", {})):
            errs.append("step args shape")
    if r.get("tool") == "memory_write" and r["args"]["kind"] not in ("experience", "skill", "knowledge"):
        errs.append("memory kind")
    if errs:
        bad += 1
        print(f"line {n}: {errs}", file=sys.stderr)
print(f"{n} rows, {bad} bad")
sys.exit(1 if bad else 0)
