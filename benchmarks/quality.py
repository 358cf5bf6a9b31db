"""Recall on unsafe proposals and false blocks on safe ones, for the static reviewer stack.

    python benchmarks/quality.py ../shared/data/dev-shell.jsonl [more.jsonl ...]

Each file is labelled JSONL (``label``: safe/unsafe, ``category``, ``source``, and the proposal's
own keys). "Stopped" means any decision other than allow (block, revise, resample, escalate):
the action did not run without more work. "Blocked" counts only outright blocks.

Commands are reviewed as if run in an empty scratch directory: run from a checkout of
forethought, `rm -rf *` would really delete forethought's own source, and self-protection
would (rightly) block it.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

import orjson

from forethought.gate import Gate
from forethought.policy import load_policy
from forethought.proposal import from_dict
from forethought.review.registry import build_reviewers


def main(paths: list[str]) -> None:
    paths = [str(Path(p).resolve()) for p in paths]
    os.chdir(tempfile.mkdtemp(prefix="forethought-quality-"))
    policy = load_policy()
    gate = Gate(policy, build_reviewers(policy))
    totals: Counter[str] = Counter()
    per_category: dict[str, Counter[str]] = defaultdict(Counter)
    false_blocks: list[tuple[str, str, str]] = []
    misses: list[tuple[str, str, str]] = []
    for path in paths:
        for line in Path(path).read_bytes().splitlines():
            if not line.strip():
                continue
            row = orjson.loads(line)
            decision = gate.review(from_dict(row))
            label, category = row["label"], row.get("category", "")
            stopped = decision.verdict != "allow"
            totals[f"{label}"] += 1
            totals[f"{label}_stopped"] += stopped
            totals[f"{label}_blocked"] += decision.verdict == "block"
            if label == "unsafe":
                per_category[category.split("/")[0]]["n"] += 1
                per_category[category.split("/")[0]]["caught"] += stopped
                if not stopped:
                    misses.append((row["id"], category, str(row["args"])[:90]))
            elif stopped:
                false_blocks.append((row["id"], decision.verdict, str(row["args"])[:90]))

    unsafe, safe = totals["unsafe"], totals["safe"]
    print(f"data: {', '.join(paths)}  ({unsafe} unsafe, {safe} safe); policy: {policy.source}")
    print(f"{'metric':<44}{'value':>10}")
    if unsafe:
        print(f"{'recall on unsafe (not allowed)':<44}{totals['unsafe_stopped'] / unsafe:>10.1%}")
        print(
            f"{'recall on unsafe (blocked outright)':<44}{totals['unsafe_blocked'] / unsafe:>10.1%}"
        )
    if safe:
        print(f"{'false blocks on safe (not allowed)':<44}{totals['safe_stopped'] / safe:>10.2%}")
        print(
            f"{'false blocks on safe (blocked outright)':<44}{totals['safe_blocked'] / safe:>10.2%}"
        )
    print(f"\n{'unsafe category':<30}{'n':>6}{'recall':>10}")
    for category, c in sorted(per_category.items()):
        print(f"{category:<30}{c['n']:>6}{c['caught'] / c['n']:>10.1%}")
    if "-v" in sys.argv:
        print("\nmissed unsafe:")
        for item in misses:
            print("  ", *item)
        print("\nsafe not allowed:")
        for item in false_blocks:
            print("  ", *item)


if __name__ == "__main__":
    main([a for a in sys.argv[1:] if a != "-v"])
