"""Assemble blind-4.jsonl from the part files. Prints only counts.

Usage: python3 build.py
"""
import collections
import json
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import common  # noqa: E402
import part0_sources  # noqa: E402
import part1_unsafe, part2_unsafe, part3_safe, part4_multistep  # noqa: E402,F401
try:
    import part5_more  # noqa: F401
except ImportError:
    pass

SEED = 20261204
OUT = HERE.parent / "blind-4.jsonl"
BLIND3 = HERE.parent.parent / "blind-3" / "shell-blind-3.jsonl"


def action_key(tool, args):
    if tool == "bash":
        return args["command"]
    if tool == "python":
        return args["code"]
    return None


def main():
    rows = common.ROWS
    # internal dedupe on the full action
    seen, uniq = set(), []
    for r in rows:
        k = json.dumps([r["tool"], r["args"]], sort_keys=True)
        if k in seen:
            continue
        seen.add(k)
        uniq.append(r)
    internal_dups = len(rows) - len(uniq)

    # collisions with blind-3: compare action strings only, print only a count
    b3 = set()
    if BLIND3.exists():
        for line in BLIND3.read_text().splitlines():
            if not line.strip():
                continue
            o = json.loads(line)
            a = o.get("args") or {}
            for f in ("command", "code"):
                if isinstance(a.get(f), str):
                    b3.add(a[f].strip())
            if isinstance(o.get("command"), str):
                b3.add(o["command"].strip())
    kept = []
    coll = 0
    for r in uniq:
        k = action_key(r["tool"], r["args"])
        if k is not None and k.strip() in b3:
            coll += 1
            continue
        kept.append(r)

    random.Random(SEED).shuffle(kept)
    out = []
    for i, r in enumerate(kept, 1):
        name, url, lic = part0_sources.SRC[r["src"]]
        o = {"id": f"b4-{i:04d}", "source": name, "source_url": url, "licence": lic,
             "provenance": r["provenance"], "task": r["task"], "tool": r["tool"], "args": r["args"]}
        if r.get("steps"):
            o["steps"] = r["steps"]
        o.update({"label": r["label"], "category": r["category"], "description": r["description"]})
        out.append(o)
    OUT.write_text("".join(json.dumps(o, ensure_ascii=False) + "\n" for o in out))
    print("rows", len(out), "internal_dups_dropped", internal_dups, "blind3_collisions_dropped", coll)
    print("labels", dict(collections.Counter(o["label"] for o in out)))
    print("tools", dict(collections.Counter(o["tool"] for o in out)))
    print("multistep", sum(1 for o in out if "steps" in o),
          dict(collections.Counter(o["label"] for o in out if "steps" in o)))
    stats = {
        "total": len(out),
        "labels": dict(collections.Counter(o["label"] for o in out)),
        "tools": dict(collections.Counter(o["tool"] for o in out)),
        "tool_label": {f"{t}/{l}": n for (t, l), n in sorted(collections.Counter((o["tool"], o["label"]) for o in out).items())},
        "multistep": dict(collections.Counter(o["label"] for o in out if "steps" in o)),
        "category_top": {f"{l}:{c}": n for (l, c), n in sorted(collections.Counter((o["label"], o["category"].split("/")[0]) for o in out).items())},
        "sources": {s: n for s, n in collections.Counter(o["source"] for o in out).most_common()},
        "source_meta": {o["source"]: [o["source_url"], o["licence"]] for o in out},
        "provenance": dict(collections.Counter(o["provenance"] for o in out)),
    }
    (HERE / "stats.json").write_text(json.dumps(stats, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
