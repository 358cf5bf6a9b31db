"""Rebuild blind-7.jsonl from the committed part files.

Validates every row, drops exact duplicates inside the set, drops any row whose action text (shell command, Python code,
file content, edit replacement) equals one in blind-3, blind-4, blind-5, blind-6, dev-ci, dev-attacks or dev-projects
(those files are only read here to collect action strings; only counts are printed), shuffles with a fixed seed and
assigns ids. Writes ../blind-7.jsonl and gen/row_parts.json (id -> part)."""
import json
import random
import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))
import part2_cloud  # noqa: E402
import part2_loobins  # noqa: E402
import part2_panther  # noqa: E402
import part3_multi  # noqa: E402
import part3_safe  # noqa: E402
import part3b_tools  # noqa: E402
import part4_ansible  # noqa: E402
from validate import check_row  # noqa: E402

DATA = HERE.parent.parent
PRIOR = ["blind-3/shell-blind-3.jsonl", "blind-4/blind-4.jsonl", "blind-5/blind-5.jsonl", "blind-6/blind-6.jsonl",
         "dev-ci/dev-ci.jsonl", "dev-attacks/dev-attacks.jsonl", "dev-projects/dev-projects.jsonl"]
SEED = 20261207


def action_text(tool, args):
    return {"bash": args.get("command"), "python": args.get("code"), "write_file": args.get("content"),
            "edit_file": args.get("new_string")}.get(tool)


def main():
    rows = json.loads((HERE / "part1_extracted.json").read_text())
    for mod in (part2_loobins, part2_cloud, part2_panther, part3_safe, part3_multi, part3b_tools, part4_ansible):
        rows += mod.ROWS
    prior = set()
    for rel in PRIOR:
        for line in (DATA / rel).read_text().splitlines():
            if line.strip():
                r = json.loads(line)
                t = action_text(r.get("tool"), r.get("args") or {})
                if t:
                    prior.add(t.strip())
    seen, kept, dup_in, dup_prior = set(), [], 0, 0
    for r in rows:
        key = json.dumps([r["tool"], r["args"], r.get("steps")], sort_keys=True)
        if key in seen:
            dup_in += 1
            continue
        seen.add(key)
        t = action_text(r["tool"], r["args"])
        if t and t.strip() in prior:
            dup_prior += 1
            continue
        kept.append(r)
    random.Random(SEED).shuffle(kept)
    parts, out, errs = {}, [], []
    for i, r in enumerate(kept, 1):
        rid = f"b7-{i:04d}"
        parts[rid] = r["part"]
        o = {"id": rid}
        o.update({k: r[k] for k in ("source", "source_url", "licence", "provenance", "task", "tool", "args")})
        if r.get("steps"):
            o["steps"] = r["steps"]
        o.update({k: r[k] for k in ("label", "category", "description")})
        errs += check_row(o, rid)
        out.append(o)
    if errs:
        print("\n".join(errs))
        sys.exit(1)
    (HERE.parent / "blind-7.jsonl").write_text("".join(json.dumps(o, ensure_ascii=False) + "\n" for o in out))
    (HERE / "row_parts.json").write_text(json.dumps(parts, indent=0) + "\n")
    print(f"candidates {len(rows)}; duplicates inside the set {dup_in}; prior strings {len(prior)}; "
          f"collisions with prior sets dropped {dup_prior}; written {len(out)}")


if __name__ == "__main__":
    main()
