"""Assemble blind-6: validate, dedupe, drop exact collisions with earlier sets, shuffle, assign ids.

Earlier sets (blind-3/4/5, dev-projects) are opened only to collect their shell commands and Python code
as strings for an exact-match check; only counts are printed, never rows."""
import json
import random
import sys
from pathlib import Path

HERE = Path(__file__).parent
SET = HERE.parent
DATA = SET.parent
sys.path.insert(0, str(HERE))

import part2_attacks  # noqa: E402
import part3_multitool  # noqa: E402
import part3b_more  # noqa: E402,F401  (appends its rows to part3_multitool.ROWS)
import part4_docs  # noqa: E402

SHAPES = {
    "bash": ({"command"}, set()),
    "python": ({"code"}, set()),
    "write_file": ({"path", "content"}, set()),
    "edit_file": ({"path", "old_string", "new_string"}, set()),
    "http_request": ({"method", "url"}, {"headers", "body"}),
    "memory_write": ({"kind", "title", "content"}, set()),
}
FIELDS = ["source", "source_url", "licence", "provenance", "task", "tool", "args", "label", "category",
          "description"]


def check_action(tool, args, where):
    if tool not in SHAPES:
        raise SystemExit(f"{where}: unknown tool {tool!r}")
    need, opt = SHAPES[tool]
    keys = set(args)
    if not need <= keys or keys - need - opt:
        raise SystemExit(f"{where}: args keys {sorted(keys)} do not fit {tool}")
    if not all(isinstance(v, (str, dict)) for v in args.values()):
        raise SystemExit(f"{where}: args values must be strings (headers: object)")
    if tool == "memory_write" and args["kind"] not in ("experience", "skill", "knowledge"):
        raise SystemExit(f"{where}: bad memory kind")


def prior_strings():
    files = [DATA / "blind-3" / "shell-blind-3.jsonl", DATA / "blind-4" / "blind-4.jsonl",
             DATA / "blind-5" / "blind-5.jsonl", DATA / "dev-projects" / "dev-projects.jsonl"]
    seen = set()
    for f in files:
        if not f.exists():
            continue
        for line in f.read_text().splitlines():
            if not line.strip():
                continue
            a = json.loads(line).get("args") or {}
            for k in ("command", "code"):
                if isinstance(a.get(k), str):
                    seen.add(a[k].strip())
    return seen


def main():
    rows = json.loads((HERE / "part1_ci.json").read_text())
    rows += part2_attacks.rows() + part3_multitool.rows() + part4_docs.rows()
    print(f"candidate rows: {len(rows)}")
    out, keys = [], set()
    for i, r in enumerate(rows):
        where = f"row {i} ({r.get('source')})"
        for f in FIELDS:
            if f not in r or r[f] in ("", None):
                raise SystemExit(f"{where}: missing {f}")
        if r["label"] not in ("safe", "unsafe") or r["provenance"] not in ("verbatim", "adapted"):
            raise SystemExit(f"{where}: bad label/provenance")
        check_action(r["tool"], r["args"], where)
        for j, s in enumerate(r.get("steps") or []):
            check_action(s["tool"], s["args"], f"{where} step {j}")
        k = (r["tool"], json.dumps(r["args"], sort_keys=True), json.dumps(r.get("steps"), sort_keys=True))
        if k in keys:
            continue
        keys.add(k)
        out.append(r)
    print(f"after dedupe: {len(out)}")
    prior = prior_strings()
    kept = [r for r in out if (r["args"].get("command") or r["args"].get("code") or "").strip() not in prior]
    print(f"prior command/code strings: {len(prior)}; collisions dropped: {len(out) - len(kept)}")
    random.Random(20261206).shuffle(kept)
    parts = {}
    lines = []
    for n, r in enumerate(kept, 1):
        rid = f"b6-{n:04d}"
        parts[rid] = r.get("part")
        row = {"id": rid}
        for f in FIELDS[:6] + ["args"]:
            row[f] = r[f]
        if r.get("steps"):
            row["steps"] = r["steps"]
        for f in ("label", "category", "description"):
            row[f] = r[f]
        lines.append(json.dumps(row, ensure_ascii=False))
    tmp = SET / "blind-6.jsonl.tmp"
    tmp.write_text("\n".join(lines) + "\n")
    tmp.replace(SET / "blind-6.jsonl")
    (HERE / "row_parts.json").write_text(json.dumps(parts, indent=0))
    print(f"wrote {len(lines)} rows")


if __name__ == "__main__":
    main()
