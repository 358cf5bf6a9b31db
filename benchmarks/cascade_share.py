"""How often the cascade would ask a model reviewer: the share of proposals whose static risk
falls in the policy's uncertain band (or that no static reviewer can judge), by label.

    python benchmarks/cascade_share.py [FILE|NAME ...] [--policy FILE]
    (default: the built-in data sets and the built-in policy; a NAME such as dev-shell is looked
    up as `forethought eval` does)

No model is called: the Gate's static stage runs, and the cascade's rule (review/cascade.py,
with the policy's own combiner) decides.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from forethought.evals.datasets import DatasetError, built_in, load
from forethought.gate import Gate
from forethought.policy import PolicyError, load_policy
from forethought.review.cascade import asks
from forethought.review.registry import build_reviewers


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="*", metavar="FILE|NAME")
    parser.add_argument("--policy", type=Path)
    args = parser.parse_args()
    try:
        policy = load_policy(args.policy)
        datasets = load(args.data or built_in())
    except (PolicyError, DatasetError) as exc:
        sys.exit(f"cascade_share: {exc}")
    gate = Gate(policy, build_reviewers(policy), canaries=False)  # the static stage only
    low, high = policy.reviewers.model.uncertain
    print(f"uncertain band [{low:g}, {high:g}], policy {policy.source}\n")
    print("| data | label | items | model asked | share |")
    print("| --- | --- | ---: | ---: | ---: |")
    for dataset in datasets:
        items: Counter[str] = Counter()
        asked: Counter[str] = Counter()
        for item in dataset.items:
            ask, _ = asks(policy, gate.run_reviewers(item.proposal))
            items[item.label] += 1
            asked[item.label] += ask
        for label in [*sorted(items), "all"]:
            n = sum(items.values()) if label == "all" else items[label]
            k = sum(asked.values()) if label == "all" else asked[label]
            print(f"| {dataset.name} | {label} | {n:,} | {k:,} | {k / n:.1%} |")


if __name__ == "__main__":
    main()
