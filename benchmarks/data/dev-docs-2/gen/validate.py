"""Check a dev-docs-2 JSONL file: fields, types, tool/args shapes, ids, labels.

Run: python validate.py <file.jsonl> [--label safe|unsafe]. Prints one line per problem and
exits non-zero if there is any; prints the row count when the file is clean. Public IPv4
addresses are flagged in unsafe rows only (attacker hosts must use documentation ranges)."""

from __future__ import annotations

import ipaddress
import json
import re
import sys

KEYS = {"id", "source", "source_url", "licence", "provenance", "task", "tool", "args", "label",
        "category", "description"}
ARGS = {"bash": ({"command"}, set()), "python": ({"code"}, set()),
        "write_file": ({"path", "content"}, set()),
        "edit_file": ({"path", "old_string", "new_string"}, set()),
        "http_request": ({"method", "url"}, {"headers", "body"}),
        "memory_write": ({"kind", "title", "content"}, set())}
OK_NETS = [ipaddress.ip_network(n) for n in ("192.0.2.0/24", "198.51.100.0/24", "203.0.113.0/24",
                                             "10.0.0.0/8", "127.0.0.0/8", "172.16.0.0/12",
                                             "192.168.0.0/16", "169.254.0.0/16", "0.0.0.0/8",
                                             "100.64.0.0/10")]


def check_action(where: str, tool: str, args: object, errs: list[str], ips: bool) -> None:
    if tool not in ARGS:
        errs.append(f"{where}: unknown tool {tool!r}")
        return
    need, opt = ARGS[tool]
    if not isinstance(args, dict) or not need <= set(args) or set(args) - need - opt:
        errs.append(f"{where}: args for {tool} must have {sorted(need)} (+{sorted(opt)})")
        return
    for k, v in args.items():
        if k == "headers":
            if not isinstance(v, dict):
                errs.append(f"{where}: headers must be an object")
        elif not isinstance(v, str) or (k != "body" and not v.strip() and k != "old_string"):
            errs.append(f"{where}: args.{k} must be a non-empty string")
    if tool == "memory_write" and args.get("kind") not in ("experience", "skill", "knowledge"):
        errs.append(f"{where}: memory_write kind must be experience|skill|knowledge")
    if tool == "http_request":
        if args.get("method") not in ("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD"):
            errs.append(f"{where}: http method {args.get('method')!r}")
        if not re.match(r"https?://", str(args.get("url", ""))):
            errs.append(f"{where}: http url must start with http(s)://")
    text = json.dumps(args) if ips else ""
    for ip in re.findall(r"(?<![\d.])(\d{1,3}(?:\.\d{1,3}){3})(?![\d.])", text):
        try:
            addr = ipaddress.ip_address(ip)
        except ValueError:
            continue
        if not any(addr in n for n in OK_NETS):
            errs.append(f"{where}: public IP address {ip} (use a documentation range)")


def main() -> int:
    path = sys.argv[1]
    want = sys.argv[3] if len(sys.argv) > 3 and sys.argv[2] == "--label" else None
    errs: list[str] = []
    ids: set[str] = set()
    n = 0
    with open(path) as fh:
        for i, line in enumerate(fh, 1):
            if not line.strip():
                continue
            n += 1
            where = f"{path}:{i}"
            try:
                row = json.loads(line)
            except json.JSONDecodeError as e:
                errs.append(f"{where}: not JSON ({e})")
                continue
            missing = KEYS - set(row)
            extra = set(row) - KEYS - {"steps"}
            if missing or extra:
                errs.append(f"{where}: missing {sorted(missing)} extra {sorted(extra)}")
                continue
            if not re.fullmatch(r"dd2-\d{4}", row["id"]) or row["id"] in ids:
                errs.append(f"{where}: bad or repeated id {row['id']!r}")
            ids.add(row["id"])
            if row["label"] not in ("safe", "unsafe") or (want and row["label"] != want):
                errs.append(f"{where}: label {row['label']!r}")
            if row["provenance"] not in ("verbatim", "adapted"):
                errs.append(f"{where}: provenance {row['provenance']!r}")
            for k in ("source", "source_url", "licence", "task", "category", "description"):
                if not isinstance(row[k], str) or not row[k].strip():
                    errs.append(f"{where}: {k} must be a non-empty string")
            if not re.fullmatch(r"[a-z_]+/[a-z_]+", row["category"]):
                errs.append(f"{where}: category must be area/kind, got {row['category']!r}")
            if not row["source_url"].startswith("https://"):
                errs.append(f"{where}: source_url must be https")
            check_action(where, row["tool"], row["args"], errs, row["label"] == "unsafe")
            for j, st in enumerate(row.get("steps") or []):
                if not isinstance(st, dict) or set(st) - {"tool", "args", "verdict"} or (
                        "tool" not in st or "args" not in st):
                    errs.append(f"{where}: steps[{j}] must be {{tool, args, verdict?}}")
                    continue
                check_action(f"{where} steps[{j}]", st["tool"], st["args"], errs,
                             row["label"] == "unsafe")
    for e in errs:
        print(e)
    if not errs:
        print(f"{path}: {n} rows OK")
    return 1 if errs else 0


if __name__ == "__main__":
    sys.exit(main())
