"""Speed of static review: per-proposal latency and `forethought review --json` throughput.

    python benchmarks/bench_review.py [DATA.jsonl]   (default: ../shared/data/dev-shell.jsonl)

Targets (issue 2, this 2-core machine): p50 <= 0.3 ms and p99 <= 3 ms per proposal;
>= 3,000 proposals/s through `forethought review --json` on 10,000 proposals, process start
excluded: the best of RUNS runs on 1 proposal (start-up, canaries, one review) is subtracted from
the best of RUNS runs on 10,000, so the figure is reviewing, recording and printing alone. Both
wall-clock and CPU time (user + system of the child) are reported: on a shared machine the wall
clock also counts time spent waiting for a core, the CPU figure does not.

Issue 13's target is relative: the CPU time of `review --json` on those 10,000 proposals (start
excluded, ledger included) within 10x the bare tree-sitter parse of their shell commands (each
command's bytes parsed once by the reviewer's own parser, nothing walked; best of RUNS, in this
process), the floor any shell review pays. The last rows print that parse, the ratio and the
throughput the target means on this machine.
"""

from __future__ import annotations

import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import orjson

from forethought.gate import Gate
from forethought.policy import default_policy
from forethought.proposal import from_dict
from forethought.review.registry import build_reviewers
from forethought.review.shell.source import thread_parser

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "dev-shell.jsonl"
EXTRA = [
    {"tool": "python", "args": {"code": "import pandas as pd\nprint(pd.read_csv('a.csv').head())"}},
    {"tool": "write_file", "args": {"path": "src/app.py", "content": "print('hi')\n" * 20}},
    {"tool": "read_file", "args": {"path": "README.md"}},
    {"tool": "http_request", "args": {"method": "GET", "url": "https://pypi.org/simple/httpx/"}},
]
RUNS = 3  # runs of each `review --json` measurement; the best is reported


def percentile(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=1000)[int(q * 10) - 1]


def latency(rows: list[dict]) -> list[float]:
    policy = default_policy()
    gate = Gate(policy, build_reviewers(policy))
    proposals = [from_dict(r) for r in rows]
    for p in proposals[:200]:  # warm up
        gate.review(p)
    samples = []
    for p in proposals:
        start = time.perf_counter()
        gate.review(p)
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def bare_parse_seconds(lines: list[bytes]) -> float:
    """CPU seconds of the bare tree-sitter parse of the shell commands in ``lines`` (best of
    RUNS)."""
    commands = []
    for line in lines:
        args = orjson.loads(line).get("args")
        command = args.get("command") if isinstance(args, dict) else None
        if isinstance(command, str):
            commands.append(command.encode("utf-8", "surrogatepass"))
    parser = thread_parser()
    best = float("inf")
    for _ in range(RUNS):
        start = time.process_time()
        for command in commands:
            parser.parse(command)
        best = min(best, time.process_time() - start)
    return best


def cli_seconds(lines: list[bytes], workdir: Path) -> tuple[float, float]:
    """(wall, CPU) seconds of one `forethought review --json` run on ``lines``, new ledger."""
    data = workdir / f"in-{len(lines)}.jsonl"
    data.write_bytes(b"\n".join(lines) + b"\n")
    ledger = workdir / f"ledger-{len(lines)}.db"
    ledger.unlink(missing_ok=True)
    exe = Path(sys.executable).with_name("forethought")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(
        [str(exe), "review", "--json", "--ledger", str(ledger), str(data)],
        check=True,
        stdout=subprocess.DEVNULL,
        env={**os.environ, "FORETHOUGHT_POLICY": ""},
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def best(lines: list[bytes], workdir: Path) -> tuple[float, float]:
    """The least wall and the least CPU time over RUNS runs."""
    runs = [cli_seconds(lines, workdir) for _ in range(RUNS)]
    return min(w for w, _ in runs), min(c for _, c in runs)


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_DATA
    try:
        raw = [line for line in path.read_bytes().splitlines() if line.strip()]
    except OSError as exc:  # dev-shell, the default, does not ship (README, "Data")
        sys.exit(
            f"bench_review: {path}: {exc.strerror}; pass a file, "
            "e.g. benchmarks/data/shell-adversarial.jsonl"
        )
    rows = [orjson.loads(line) for line in raw] + EXTRA * 50
    samples = latency(rows)

    lines = (raw * (10_000 // len(raw) + 1))[:10_000]
    with tempfile.TemporaryDirectory() as tmp:
        one_wall, one_cpu = best(lines[:1], Path(tmp))
        many_wall, many_cpu = best(lines, Path(tmp))
    n = len(lines)
    parse_cpu = bare_parse_seconds(lines)
    review_cpu = many_cpu - one_cpu

    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
        f", load average {os.getloadavg()[0]:.1f} at the start"
    )
    print(f"data: {path.name} ({len(rows)} proposals, gate with all static reviewers + ledger off)")
    print(f"{'measure':<56}{'value':>12}{'target':>12}")
    row = "{:<56}{:>12}{:>12}".format
    print(row("review latency p50 (ms)", f"{statistics.median(samples):.3f}", "<= 0.3"))
    print(row("review latency p99 (ms)", f"{percentile(samples, 99):.3f}", "<= 3"))
    print(row("review latency max (ms)", f"{max(samples):.3f}", ""))
    print(row(f"process start + 1 proposal, best of {RUNS} (s)", f"{one_wall:.3f}", ""))
    print(
        row(
            f"review --json, {n:,} proposals with ledger, best of {RUNS} (s)",
            f"{many_wall:.3f}",
            "",
        )
    )
    print(
        row(
            "review --json throughput, start excluded (/s)",
            f"{n / (many_wall - one_wall):,.0f}",
            ">= 3,000",
        )
    )
    print(
        row(
            "  same, from CPU time (user + system) (/s)",
            f"{n / review_cpu:,.0f}",
            "",
        )
    )
    print(
        row(f"bare tree-sitter parse of those commands, best of {RUNS} (s)", f"{parse_cpu:.3f}", "")
    )
    print(row("review --json CPU / bare parse (x)", f"{review_cpu / parse_cpu:.1f}", "<= 10"))
    print(
        row(
            "  the throughput that target means here (/s)",
            f"{n / (10 * parse_cpu):,.0f}",
            "",
        )
    )


if __name__ == "__main__":
    main()
