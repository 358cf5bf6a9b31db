"""Speed of static review: per-proposal latency and `forethought review --json` throughput.

    python benchmarks/bench_review.py [DATA.jsonl]   (default: ../shared/data/dev-shell.jsonl)

Targets (issue 2, this 2-core machine): p50 <= 0.3 ms and p99 <= 3 ms per proposal;
>= 3,000 proposals/s through `forethought review --json` on 10,000 proposals, process start
excluded (the time for 1 proposal is subtracted from the time for 10,000).
"""

from __future__ import annotations

import os
import platform
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

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "dev-shell.jsonl"
EXTRA = [
    {"tool": "python", "args": {"code": "import pandas as pd\nprint(pd.read_csv('a.csv').head())"}},
    {"tool": "write_file", "args": {"path": "src/app.py", "content": "print('hi')\n" * 20}},
    {"tool": "read_file", "args": {"path": "README.md"}},
    {"tool": "http_request", "args": {"method": "GET", "url": "https://pypi.org/simple/httpx/"}},
]


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


def cli_seconds(lines: list[bytes], workdir: Path) -> float:
    data = workdir / f"in-{len(lines)}.jsonl"
    data.write_bytes(b"\n".join(lines) + b"\n")
    ledger = workdir / f"ledger-{len(lines)}.db"
    exe = Path(sys.executable).with_name("forethought")
    start = time.perf_counter()
    subprocess.run(
        [str(exe), "review", "--json", "--ledger", str(ledger), str(data)],
        check=True,
        stdout=subprocess.DEVNULL,
        env={**os.environ, "FORETHOUGHT_POLICY": ""},
    )
    return time.perf_counter() - start


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_DATA
    raw = [line for line in path.read_bytes().splitlines() if line.strip()]
    rows = [orjson.loads(line) for line in raw] + EXTRA * 50
    samples = latency(rows)

    lines = (raw * (10_000 // len(raw) + 1))[:10_000]
    with tempfile.TemporaryDirectory() as tmp:
        one = min(cli_seconds(lines[:1], Path(tmp)) for _ in range(3))
        many = cli_seconds(lines, Path(tmp))
    throughput = len(lines) / (many - one)

    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    print(f"data: {path.name} ({len(rows)} proposals, gate with all static reviewers + ledger off)")
    print(f"{'measure':<52}{'value':>12}{'target':>12}")
    print(f"{'review latency p50 (ms)':<52}{statistics.median(samples):>12.3f}{'<= 0.3':>12}")
    print(f"{'review latency p99 (ms)':<52}{percentile(samples, 99):>12.3f}{'<= 3':>12}")
    print(f"{'review latency max (ms)':<52}{max(samples):>12.3f}{'':>12}")
    print(f"{'process start + 1 proposal (s)':<52}{one:>12.3f}{'':>12}")
    print(f"{'review --json, 10,000 proposals with ledger (s)':<52}{many:>12.3f}{'':>12}")
    print(
        f"{'review --json throughput, start excluded (/s)':<52}{throughput:>12,.0f}{'>= 3,000':>12}"
    )


if __name__ == "__main__":
    main()
