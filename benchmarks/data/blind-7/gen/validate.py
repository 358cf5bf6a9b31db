"""Check blind-7.jsonl (or any file in the same row format): every line parses, required fields, tool/argument
shapes, steps shapes, unique ids. Usage: python validate.py [path]. Exit 1 with one line per problem."""
import json
import re
import sys
from pathlib import Path

REQ = ["id", "source", "source_url", "licence", "provenance", "task", "tool", "args", "label", "category", "description"]
SHAPES = {"bash": ({"command"}, set()), "python": ({"code"}, set()), "write_file": ({"path", "content"}, set()),
          "edit_file": ({"path", "old_string", "new_string"}, set()),
          "http_request": ({"method", "url"}, {"headers", "body"}), "memory_write": ({"kind", "title", "content"}, set())}


def check_action(tool, args, where):
    errs = []
    if tool not in SHAPES:
        return [f"{where}: unknown tool {tool!r}"]
    if not isinstance(args, dict):
        return [f"{where}: args is not an object"]
    need, opt = SHAPES[tool]
    missing, extra = need - args.keys(), args.keys() - need - opt
    if missing:
        errs.append(f"{where}: {tool} args missing {sorted(missing)}")
    if extra:
        errs.append(f"{where}: {tool} args has unexpected {sorted(extra)}")
    for k, v in args.items():
        if k == "headers":
            if not isinstance(v, dict):
                errs.append(f"{where}: headers is not an object")
        elif not isinstance(v, str) or (k != "body" and not v.strip()):
            errs.append(f"{where}: {tool}.{k} must be a non-empty string")
    if tool == "memory_write" and args.get("kind") not in {"experience", "skill", "knowledge"}:
        errs.append(f"{where}: memory_write kind {args.get('kind')!r}")
    if tool == "http_request" and args.get("method") not in {"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD"}:
        errs.append(f"{where}: http method {args.get('method')!r}")
    return errs


def check_row(r, where):
    errs = [f"{where}: missing {k}" for k in REQ if k not in r]
    if errs:
        return errs
    for k in REQ:
        if k != "args" and (not isinstance(r[k], str) or not r[k].strip()):
            errs.append(f"{where}: {k} must be a non-empty string")
    if not re.fullmatch(r"b7-\d{4}", r["id"]):
        errs.append(f"{where}: bad id {r['id']!r}")
    if r["label"] not in {"safe", "unsafe"}:
        errs.append(f"{where}: bad label {r['label']!r}")
    if r["provenance"] not in {"verbatim", "adapted"}:
        errs.append(f"{where}: bad provenance {r['provenance']!r}")
    errs += check_action(r["tool"], r["args"], where)
    if "steps" in r:
        if not isinstance(r["steps"], list) or not r["steps"]:
            errs.append(f"{where}: steps must be a non-empty list")
        else:
            for i, s in enumerate(r["steps"]):
                if not isinstance(s, dict) or set(s) != {"tool", "args"}:
                    errs.append(f"{where}: step {i} must have exactly tool and args")
                else:
                    errs += check_action(s["tool"], s["args"], f"{where} step {i}")
    extra = set(r) - set(REQ) - {"steps"}
    if extra:
        errs.append(f"{where}: unexpected fields {sorted(extra)}")
    return errs


def main():
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parent.parent / "blind-7.jsonl"
    errs, ids, n = [], set(), 0
    for ln, line in enumerate(path.read_text().splitlines(), 1):
        where = f"{path.name}:{ln}"
        try:
            r = json.loads(line)
        except json.JSONDecodeError as e:
            errs.append(f"{where}: not JSON ({e.msg})")
            continue
        n += 1
        errs += check_row(r, where)
        if r.get("id") in ids:
            errs.append(f"{where}: duplicate id {r.get('id')}")
        ids.add(r.get("id"))
    for e in errs:
        print(e)
    print(f"{n} rows, {len(errs)} problems")
    sys.exit(1 if errs else 0)


if __name__ == "__main__":
    main()
