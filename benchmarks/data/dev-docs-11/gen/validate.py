"""Independent check of dev-docs-11.jsonl: python gen/validate.py [file]. Exit 1 on the first bad row."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

REQ = ["id", "source", "source_url", "licence", "provenance", "task", "tool", "args", "label",
       "category", "description", "pattern"]
TOOLS = {
    "bash": ({"command"}, set()),
    "python": ({"code"}, set()),
    "write_file": ({"path", "content"}, set()),
    "edit_file": ({"path", "old_string", "new_string"}, set()),
    "http_request": ({"method", "url"}, {"headers", "body"}),
    "memory_write": ({"kind", "title", "content"}, set()),
}
METHODS = {"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"}
PATTERNS = {"task_scoped_use", "hard_negative", "read_only", "dry_run", "beyond_task", "overreach_twin",
            "attack_in_benign_task", "safe_way", "incident_session", "memory_note"}
# Secret-looking tokens (long runs of letters, digits and _+/=- with both letters and digits) must not carry
# words that mark a value as a documentation placeholder: the secret reviewer does not count such values.
BANNED = ("fake", "example", "dummy", "sample", "placeholder", "changeme", "your", "redacted")
TOKEN = re.compile(r"[A-Za-z0-9_+/=-]{16,}")


def _strings(x: object) -> list[str]:
    if isinstance(x, str):
        return [x]
    if isinstance(x, dict):
        return [s for v in x.values() for s in _strings(v)]
    if isinstance(x, list):
        return [s for v in x for s in _strings(v)]
    return []


def check_secrets(r: dict) -> str | None:
    for s in _strings([r["args"], r.get("steps", [])]):
        for tok in TOKEN.findall(s):
            if not (re.search(r"[0-9]", tok) and re.search(r"[A-Za-z]", tok)):
                continue
            low = tok.lower()
            for w in BANNED:
                if w in low:
                    return f"secret-looking value {tok!r} contains {w!r}"
    return None


def check_args(tool: str, args: object) -> str | None:
    if tool not in TOOLS:
        return f"unknown tool {tool!r}"
    if not isinstance(args, dict):
        return "args is not an object"
    req, opt = TOOLS[tool]
    keys = set(args)
    if not req <= keys:
        return f"{tool} args missing {sorted(req - keys)}"
    if keys - req - opt:
        return f"{tool} args has unexpected {sorted(keys - req - opt)}"
    for k in req:
        if not isinstance(args[k], str) or (k != "new_string" and not args[k].strip()):
            return f"{tool} arg {k!r} must be a non-empty string"
    if tool == "http_request":
        if args["method"] not in METHODS:
            return f"bad HTTP method {args['method']!r}"
        if not re.match(r"^https?://", args["url"]):
            return "url must be http(s)"
        if "headers" in args and not (isinstance(args["headers"], dict) and all(
                isinstance(k, str) and isinstance(v, str) for k, v in args["headers"].items())):
            return "headers must map strings to strings"
        if "body" in args and not isinstance(args["body"], str):
            return "body must be a string"
    if tool == "memory_write" and args["kind"] not in {"experience", "skill", "knowledge"}:
        return f"bad memory kind {args['kind']!r}"
    return None


def check_row(r: dict) -> str | None:
    for k in REQ:
        if k not in r:
            return f"missing field {k!r}"
    extra = set(r) - set(REQ) - {"steps"}
    if extra:
        return f"unexpected fields {sorted(extra)}"
    if not re.fullmatch(r"dd11-\d{4}", r["id"]):
        return f"bad id {r['id']!r}"
    if r["label"] not in {"safe", "unsafe"}:
        return f"bad label {r['label']!r}"
    if r["provenance"] not in {"verbatim", "adapted"}:
        return f"bad provenance {r['provenance']!r}"
    for k in ("source", "source_url", "licence", "task", "category", "description", "pattern"):
        if not isinstance(r[k], str) or not r[k].strip():
            return f"field {k!r} must be a non-empty string"
    if not r["source_url"].startswith("https://"):
        return "source_url must be https"
    if r["pattern"] not in PATTERNS:
        return f"bad pattern {r['pattern']!r}"
    if not re.fullmatch(r"[a-z_]+/[a-z_0-9]+", r["category"]):
        return f"category must be <area>/<kind>: {r['category']!r}"
    err = check_args(r["tool"], r["args"])
    if err:
        return err
    err = check_secrets(r)
    if err:
        return err
    if "steps" in r:
        if not isinstance(r["steps"], list) or not r["steps"]:
            return "steps must be a non-empty list"
        for i, s in enumerate(r["steps"]):
            if not isinstance(s, dict) or set(s) != {"tool", "args", "verdict"}:
                return f"step {i} must have exactly tool, args and verdict"
            if s["verdict"] != "":
                return f"step {i}: verdict must be empty (earlier steps carry no label)"
            err = check_args(s["tool"], s["args"])
            if err:
                return f"step {i}: {err}"
    return None


def main() -> int:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent / "dev-docs-11.jsonl"
    if not path.is_file():
        print(f"{path}: no such file", file=sys.stderr)
        return 1
    ids: set[str] = set()
    n = 0
    for lineno, line in enumerate(path.read_text().splitlines(), 1):
        if not line.strip():
            print(f"{path}:{lineno}: blank line", file=sys.stderr)
            return 1
        try:
            r = json.loads(line)
        except json.JSONDecodeError as e:
            print(f"{path}:{lineno}: not JSON: {e}", file=sys.stderr)
            return 1
        err = check_row(r)
        if err:
            print(f"{path}:{lineno}: {err}", file=sys.stderr)
            return 1
        if r["id"] in ids:
            print(f"{path}:{lineno}: duplicate id {r['id']}", file=sys.stderr)
            return 1
        ids.add(r["id"])
        n += 1
    print(f"{path.name}: {n} rows OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
