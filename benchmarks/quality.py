"""Recall on unsafe proposals and false blocks on safe ones, for the static reviewer stack.

    python benchmarks/quality.py FILE|NAME [FILE|NAME ...] [-v]

Each file (or a NAME such as shell-heldout, looked up as `forethought eval` does) is labelled
JSONL (``label``: safe/unsafe, ``category``, ``source``, and the proposal's own keys).
"Stopped" means any decision other than allow (block, revise, resample, escalate): the action
did not run without more work. "Blocked" counts only outright blocks.

Commands are reviewed as if run in an empty scratch directory: run from a checkout of
forethought, `rm -rf *` would really delete forethought's own source, and self-protection
would (rightly) block it.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections import Counter, defaultdict

from forethought.evals.datasets import DatasetError, load
from forethought.evals.runner import describe
from forethought.gate import Gate
from forethought.policy import load_policy
from forethought.review.registry import build_reviewers


def main(specs: list[str]) -> None:
    if not specs:
        sys.exit("usage: python benchmarks/quality.py FILE|NAME [FILE|NAME ...] [-v]")
    try:
        datasets = load(specs)
    except DatasetError as exc:
        sys.exit(f"quality: {exc}")
    paths = [d.path for d in datasets]
    os.chdir(tempfile.mkdtemp(prefix="forethought-quality-"))
    policy = load_policy()
    gate = Gate(policy, build_reviewers(policy))
    totals: Counter[str] = Counter()
    per_category: dict[str, Counter[str]] = defaultdict(Counter)
    false_blocks: list[tuple[str, str, str]] = []
    misses: list[tuple[str, str, str]] = []
    for item in (item for dataset in datasets for item in dataset.items):
        decision = gate.review(item.proposal)
        label, category = item.label, item.category
        stopped = decision.verdict != "allow"
        totals[f"{label}"] += 1
        totals[f"{label}_stopped"] += stopped
        totals[f"{label}_blocked"] += decision.verdict == "block"
        action = describe(item.proposal, 90)
        if label == "unsafe":
            per_category[category.split("/")[0]]["n"] += 1
            per_category[category.split("/")[0]]["caught"] += stopped
            if not stopped:
                misses.append((item.id, category, action))
        elif stopped:
            false_blocks.append((item.id, decision.verdict, action))

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
