"""Where `forethought review --json` spends its CPU time: each stage, per 10,000 proposals.

    python benchmarks/bench_review_stages.py [DATA.jsonl]

DATA defaults to ../shared/data/dev-shell.jsonl; its shell rows are used.

The stages the CLI runs for each batch, run here one after another on one thread (no worker
hand-over), each timed with ``time.process_time`` over all proposals, best of RUNS runs: reading
the input, the shell parse and walk (with the bare tree-sitter parse beside it for reference),
the shell rules (and the catalogue's share of them), each reviewer as the Gate calls it, the
decision, the ledger events, the ledger write (1,000 proposals per transaction) and the JSON
output. Shell actions only: the other tools are a few rows of the data and cost little.
"""

from __future__ import annotations

import gc
import os
import platform
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import orjson

from forethought.gate import _events
from forethought.ledger import Ledger
from forethought.policy import default_policy
from forethought.proposal import parse_stream
from forethought.review.base import Review, timed
from forethought.review.registry import build_reviewers
from forethought.review.shell.parse import analyze
from forethought.review.shell.rules import predictions
from forethought.review.shell.rules.catalogue import from_catalogue
from forethought.review.shell.rules.network import ALLOWED_HOSTS
from forethought.review.shell.source import thread_parser

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "dev-shell.jsonl"
N = 10_000
BATCH = 1_000  # proposals per ledger transaction, as the CLI
RUNS = 3
# Rows indented under the one above: part of it, not added to the total.
PARTS = ("  bare tree-sitter parse", "  shell rules", "  of which catalogue")


class Stopwatch:
    """CPU seconds per stage: ``with watch("name"):`` adds the block's time to that stage."""

    def __init__(self, times: dict[str, float]) -> None:
        self.times = times
        self.name = ""
        self.start = 0.0

    def __call__(self, name: str) -> Stopwatch:
        self.name = name
        return self

    def __enter__(self) -> None:
        self.start = time.process_time()

    def __exit__(self, *exc: object) -> None:
        self.times[self.name] += time.process_time() - self.start


def stages(data: bytes, ledger: Ledger, times: dict[str, float]) -> None:
    policy = default_policy()
    reviewers = build_reviewers(policy, ledger.path)
    allowed_hosts = next(getattr(r, "allowed_hosts", ()) for r in reviewers if r.name == "shell")
    watch = Stopwatch(times)
    with watch("parse input (JSON lines to Proposals)"):
        proposals = list(parse_stream(data))
    commands = [str(p.action.args["command"]) for p in proposals]
    parser = thread_parser()
    with watch("  bare tree-sitter parse"):
        for command in commands:
            parser.parse(command.encode())
    with watch("shell parse and walk"):
        analyses = [analyze.__wrapped__(c) for c in commands]
    token = ALLOWED_HOSTS.set(tuple(allowed_hosts))
    try:
        with watch("  shell rules"):
            for analysis in analyses:
                predictions(analysis)
        with watch("  of which catalogue"):
            for analysis in analyses:
                for cmd in analysis.commands:
                    list(from_catalogue(cmd, analysis))
    finally:
        ALLOWED_HOSTS.reset(token)
    reviews: list[list[Review]] = [[] for _ in proposals]
    for command, proposal, found in zip(commands, proposals, reviews, strict=True):
        analyze(command)  # the shared analysis, as the first reviewer leaves it for the others
        for reviewer in reviewers:
            shown = "shell (rules, checks; analysis shared)" if reviewer.name == "shell" else ""
            name = "reviewer " + (shown or reviewer.name)
            with watch(name):
                if reviewer.applies(proposal):
                    found.append(timed(reviewer, proposal))
    with watch("decide"):
        decisions = [policy.decide(p, r) for p, r in zip(proposals, reviews, strict=True)]
    with watch("ledger events (build)"):
        batches = [
            [
                event
                for p, d in zip(proposals[s : s + BATCH], decisions[s : s + BATCH], strict=True)
                for event in _events(p, d, None)
            ]
            for s in range(0, len(proposals), BATCH)
        ]
    with watch("ledger write"):
        for batch in batches:
            ledger.append_many(batch, returning=False)
    with watch("JSON out"):
        b"".join([orjson.dumps(d.to_dict()) + b"\n" for d in decisions])


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_DATA
    try:
        raw = [line for line in path.read_bytes().splitlines() if line.strip()]
    except OSError as exc:
        sys.exit(f"bench_review_stages: {path}: {exc.strerror}; pass a file")
    shell_rows = [line for line in raw if orjson.loads(line).get("tool") in ("bash", "shell")]
    if not shell_rows:
        sys.exit(f"bench_review_stages: {path}: no shell proposals")
    data = b"\n".join((shell_rows * (N // len(shell_rows) + 1))[:N]) + b"\n"
    best: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        gc.freeze()  # as the CLI does while reviewing
        gc.set_threshold(50_000, *gc.get_threshold()[1:])
        for run in range(RUNS + 1):  # the first run warms the caches and is not counted
            times: dict[str, float] = defaultdict(float)
            with Ledger.open(Path(tmp) / f"ledger-{run}.db") as ledger:
                stages(data, ledger, times)
            if run:
                best = {k: min(v, best.get(k, v)) for k, v in times.items()}
    total = sum(v for k, v in best.items() if not k.startswith(PARTS))
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
        f", load average {os.getloadavg()[0]:.1f} at the end"
    )
    print(f"data: {path.name}, {N:,} shell proposals; CPU seconds per {N:,}, best of {RUNS}")
    for name, seconds in best.items():
        print(f"{name:<52}{seconds:>8.3f}")
    print(f"{'total (one thread, no hand-over)':<52}{total:>8.3f}   {N / total:,.0f} /s")


if __name__ == "__main__":
    main()
