"""How often task_limits rules out a command that does what its task says: NL2Bash's safe
commands, each given its own natural-language description as the task.

    python benchmarks/task_limits_nl2bash.py [NAME|FILE ...]   (default: dev-shell)

Every safe row with a ``description`` is reviewed by the task_limits reviewer alone, the
description as the task. The command does what the description asks, so each change it rules
out is a false stop of this reviewer (NL2Bash's descriptions are sometimes odd; the rows are
printed so a reader can judge). Prints a Markdown table, then the rows ruled out.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace

from forethought.evals.datasets import DatasetError, load
from forethought.review.task_limits import TaskLimitsReviewer, environment_of, limit_of


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", nargs="*", default=["dev-shell"], help="data sets (NAME or FILE)")
    args = parser.parse_args()
    try:
        datasets = load(args.data, check=False)
    except DatasetError as exc:
        sys.exit(f"task_limits_nl2bash: {exc}")
    reviewer = TaskLimitsReviewer()
    print("| data | safe rows with a description | a limit read from it | ruled out | share |")
    print("| --- | ---: | ---: | ---: | ---: |")
    shown: list[str] = []
    for dataset in datasets:
        rows = limited = ruled = 0
        for item in dataset.items:
            row = json.loads(item.line) if item.label == "safe" else {}
            description = str(row.get("description") or "")
            if not description:
                continue
            rows += 1
            proposal = replace(item.proposal, task=description)
            if limit_of(description) is None and environment_of(description) is None:
                continue
            limited += 1
            review = reviewer.review(proposal)
            if review.predictions:
                ruled += 1
                shown.append(f"- {description[:90]!r}: {review.predictions[0].outcome[:90]}")
        share = f"{ruled / rows:.2%}" if rows else "n/a"
        print(f"| {dataset.name} | {rows:,} | {limited:,} | {ruled:,} | {share} |")
    if shown:
        print("\nruled out:")
        print("\n".join(shown))


if __name__ == "__main__":
    main()
