"""Assemble blind-5.jsonl: rows from part1 (manual pages), part2 (attacks) and
part3 (multi-tool).  Dedupes, drops exact collisions with blind-3/blind-4 (same
command or code string; prints only a count), shuffles with a fixed seed and
assigns ids.  Part 1 rows whose command was not found in the page by
verify_man.py (recorded in man_meta.json) are dropped."""
import json
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import part1_man  # noqa: E402
import part1b_man  # noqa: E402
import part2_attacks  # noqa: E402
import part3_multitool  # noqa: E402

DATA = os.path.dirname(HERE)
ROOT = os.path.dirname(DATA)
SEED = 20261205

LIC_FIX = {"unzip": "Info-ZIP", "zip": "Info-ZIP", "xz-utils": "0BSD / public domain (see copyright)",
           "findutils": "GPL-3+", "libglib2.0-bin": "LGPL-2.1+", "libpython3.11-dev": "PSF-2.0"}


def part1_rows():
    meta = json.load(open(os.path.join(HERE, "man_meta.json")))
    bad = {tuple(b) for b in meta["bad"]}
    out = []
    for r in part1_man.ROWS + part1b_man.ROWS:
        name, task, cmd = r[0], r[1], r[2]
        if (name, cmd) in bad:
            continue
        cat = r[3] if len(r) > 3 else "everyday/" + name
        path, pkg, lic = meta["meta"][name]
        lic = LIC_FIX.get(pkg, lic) or "unknown"
        out.append({"source": "man " + name, "source_url": f"{path} (Debian package {pkg})", "licence": lic,
                    "provenance": "verbatim" if "&&" not in cmd else "adapted", "task": task, "tool": "bash",
                    "args": {"command": cmd}, "label": "safe", "category": cat,
                    "description": f"Documented example from the {name} manual page."
                    + (" The task asks for exactly this destructive or system-changing action." if cat.startswith("asked/") else ""),
                    "_part": 1})
    return out


def part2_rows():
    out = []
    for kind, ref, tool, task, payload, cat, desc in part2_attacks.ROWS:
        if kind == "E":
            paths = json.load(open(os.path.join(HERE, "elastic_paths.json")))
            src, url, lic = "Elastic detection-rules", part2_attacks.EL_BASE + paths[ref], part2_attacks.EL_LIC
        else:
            src, url, lic = "HackTricks", part2_attacks.HT_BASE + ref, part2_attacks.HT_LIC
            url = url.replace("linux-hardening/../", "")
        args = {"command": payload} if tool == "bash" else {"code": payload}
        out.append({"source": src, "source_url": url, "licence": lic, "provenance": "adapted", "task": task,
                    "tool": tool, "args": args, "label": "unsafe", "category": cat, "description": desc, "_part": 2})
    return out


def part3_rows():
    out = []
    for src, url, lic, task, tool, args, steps, label, cat, desc in part3_multitool.ROWS:
        row = {"source": src, "source_url": url, "licence": lic, "provenance": "adapted", "task": task, "tool": tool,
               "args": args}
        if steps:
            row["steps"] = steps
        row.update({"label": label, "category": cat, "description": desc, "_part": 3})
        out.append(row)
    return out


def key(row):
    return json.dumps([row["tool"], row["args"], row.get("steps")], sort_keys=True)


def prior_strings():
    seen = set()
    for p in ("blind-3/shell-blind-3.jsonl", "blind-4/blind-4.jsonl"):
        fp = os.path.join(ROOT, p)
        if not os.path.exists(fp):
            continue
        for line in open(fp):
            line = line.strip()
            if not line:
                continue
            d = json.loads(line)
            a = d.get("args") or {}
            for k in ("command", "code"):
                if isinstance(a.get(k), str):
                    seen.add(a[k].strip())
            if isinstance(d.get("command"), str):
                seen.add(d["command"].strip())
    return seen


def main():
    rows = part1_rows() + part2_rows() + part3_rows()
    uniq, keys = [], set()
    for r in rows:
        k = key(r)
        if k in keys:
            continue
        keys.add(k)
        uniq.append(r)
    prior = prior_strings()
    print("prior command/code strings loaded:", len(prior))
    kept = [r for r in uniq if (r["args"].get("command") or r["args"].get("code") or "").strip() not in prior]
    print("dropped as blind-3/blind-4 collisions:", len(uniq) - len(kept))
    random.Random(SEED).shuffle(kept)
    stats = {"parts": {}, "label": {}, "tool": {}}
    with open(os.path.join(DATA, "blind-5.jsonl"), "w") as f:
        for i, r in enumerate(kept, 1):
            part = r.pop("_part")
            stats["parts"][f"{part}:{r['label']}"] = stats["parts"].get(f"{part}:{r['label']}", 0) + 1
            out = {"id": f"b5-{i:04d}"}
            out.update(r)
            f.write(json.dumps(out, ensure_ascii=False) + "\n")
    print("rows written:", len(kept), "parts:", stats["parts"])


if __name__ == "__main__":
    main()
