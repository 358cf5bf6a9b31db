"""How often the cascade would ask a model reviewer: the share of proposals whose static risk
falls in the policy's uncertain band (or that no static reviewer can judge), by label.

    python benchmarks/cascade_share.py [FILE|NAME ...] [--policy FILE]
    (default: the built-in data sets and the built-in policy; a NAME such as dev-shell is looked
    up as `forethought eval` does)

No model is called: the cascade's own static pass (review/cascade.py) decides.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from forethought.evals.datasets import DatasetError, built_in, load
from forethought.policy import PolicyError, load_policy
from forethought.review.cascade import Cascade
from forethought.review.registry import build_reviewers


class _NeverCalled:
    name, version, inline = "model", "0", False

    def applies(self, proposal: object) -> bool:
        return True

    def review(self, proposal: object) -> object:
        raise AssertionError("not called")


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
    static = build_reviewers(policy)
    cascade = Cascade(_NeverCalled(), static, policy.reviewers.model.uncertain)
    low, high = cascade.band
    print(f"uncertain band [{low:g}, {high:g}], policy {policy.source}\n")
    print("| data | label | items | model asked | share |")
    print("| --- | --- | ---: | ---: | ---: |")
    for dataset in datasets:
        items: Counter[str] = Counter()
        asked: Counter[str] = Counter()
        for item in dataset.items:
            risk = cascade.static_risk(item.proposal)
            items[item.label] += 1
            asked[item.label] += risk is None or low <= risk <= high
        for label in [*sorted(items), "all"]:
            n = sum(items.values()) if label == "all" else items[label]
            k = sum(asked.values()) if label == "all" else asked[label]
            print(f"| {dataset.name} | {label} | {n:,} | {k:,} | {k / n:.1%} |")


if __name__ == "__main__":
    main()
