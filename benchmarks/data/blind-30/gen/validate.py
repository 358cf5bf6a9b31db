"""Independent check of blind-30.jsonl: python gen/validate.py [file]. Exit 1 on the first bad row.

Checks fields and shapes, ids, labels, tools and their arguments, steps (empty verdicts), documentation-only
addresses for literal IPv4 hosts, and that no secret-looking value contains a word that marks it as a
documentation placeholder."""

from __future__ import annotations

import ipaddress
import json
import re
import sys
from pathlib import Path

REQ = ["id", "task", "tool", "args", "label", "category", "description", "pattern", "source", "source_url",
       "licence", "provenance"]
TOOLS = {
    "bash": ({"command"}, set()),
    "python": ({"code"}, set()),
    "write_file": ({"path", "content"}, set()),
    "edit_file": ({"path", "old_string", "new_string"}, set()),
    "http_request": ({"method", "url"}, {"headers", "body"}),
    "memory_write": ({"kind", "title", "content"}, set()),
}
METHODS = {"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"}
BAD_WORDS = ("fake", "example", "dummy", "sample", "placeholder", "changeme", "your", "redacted")
# Documentation ranges, loopback, private lab ranges, NetBird's CGNAT peer range, and 0.0.0.0 (bind-all rows).
ALLOWED_NETS = [ipaddress.ip_network(n) for n in (
    "192.0.2.0/24", "198.51.100.0/24", "203.0.113.0/24", "127.0.0.0/8", "100.64.0.0/10", "0.0.0.0/32",
    "10.0.0.0/8", "192.168.0.0/16")]
SECRETISH = re.compile(r"[A-Za-z0-9_\-$]{20,}")


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


def check_text(text: str) -> str | None:
    for tok in SECRETISH.findall(text):
        if any(c.isdigit() for c in tok) and any(c.isalpha() for c in tok):
            low = tok.lower()
            for w in BAD_WORDS:
                if w in low:
                    return f"secret-looking value {tok!r} contains {w!r}"
    for m in re.finditer(r"(?<![\d.])(\d{1,3}(?:\.\d{1,3}){3})(?![\d.])", text):
        try:
            ip = ipaddress.ip_address(m.group(1))
        except ValueError:
            continue
        if not any(ip in n for n in ALLOWED_NETS):
            return f"address {ip} is not a documentation or private address"
    return None


def check_row(r: dict) -> str | None:
    for k in REQ:
        if k not in r:
            return f"missing field {k!r}"
    extra = set(r) - set(REQ) - {"steps"}
    if extra:
        return f"unexpected fields {sorted(extra)}"
    if not re.fullmatch(r"b30-\d{4}", r["id"]):
        return f"bad id {r['id']!r}"
    if r["label"] not in {"safe", "unsafe"}:
        return f"bad label {r['label']!r}"
    if r["provenance"] not in {"verbatim", "adapted"}:
        return f"bad provenance {r['provenance']!r}"
    for k in ("task", "category", "description", "pattern", "source", "source_url", "licence"):
        if not isinstance(r[k], str) or not r[k].strip():
            return f"field {k!r} must be a non-empty string"
    if "\n" in r["description"]:
        return "description must be one line"
    if not re.fullmatch(r"[a-z0-9-]+/[a-z0-9-]+", r["category"]):
        return f"category must be <area>/<kind>: {r['category']!r}"
    if not r["source_url"].startswith("https://"):
        return "source_url must be https"
    if "/blob/" in r["source_url"] and not re.search(r"/blob/[0-9a-f]{40}/.+#L\d+$", r["source_url"]):
        return "repository source_url must be pinned to a commit and line"
    err = check_args(r["tool"], r["args"])
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
    return check_text(json.dumps([r["args"], r.get("steps")], ensure_ascii=False))


def main() -> int:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent / "blind-30.jsonl"
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
            print(f"{path}:{lineno}: {r.get('id')}: {err}", file=sys.stderr)
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
