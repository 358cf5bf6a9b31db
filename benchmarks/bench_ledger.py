"""Ledger throughput: append (one transaction per event, and batched), verify, read.

    python benchmarks/bench_ledger.py [--single N] [--batched N] [--batch-size N]

Targets on a 2-core machine: append >= 5,000 events/s single, verify >= 100,000 events/s.
Each run uses a fresh ledger file in a temporary directory (WAL, synchronous=NORMAL). Payloads
(~400 bytes of JSON each) are built before the clock starts, so the numbers are the ledger's own.
"""

from __future__ import annotations

import argparse
import platform
import sqlite3
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from forethought.ledger import Ledger

KEY = b"benchmark key"


def sample_payload(i: int) -> dict[str, Any]:
    """About the size and shape of a recorded review (~400 bytes of JSON)."""
    return {
        "proposal_id": f"p-{i:08d}",
        "reviewer": "static.shell",
        "risk": 0.125 + (i % 7) / 100,
        "predictions": [
            {
                "outcome": "deletes files under the working directory",
                "valence": "harm",
                "probability": 0.3,
                "severity": "moderate",
                "reversible": False,
            }
        ],
        "rationale": "rm -rf on a path derived from user input",
        "cost": {"seconds": 0.0021, "tokens": 0},
        "failed": None,
    }


def timed(work: Callable[[], int]) -> tuple[int, float]:
    start = time.perf_counter()
    count = work()
    return count, time.perf_counter() - start


def bench(
    directory: Path, key: bytes | None, single: int, batched: int, batch_size: int
) -> list[tuple[str, int, float]]:
    payloads = [sample_payload(i) for i in range(1000)]
    rows: list[tuple[str, int, float]] = []
    label = "keyed" if key else "no key"
    with Ledger(directory / f"bench-{label.replace(' ', '-')}.db", hmac_key=key) as ledger:

        def append_single() -> int:
            for i in range(single):
                ledger.append("review", payloads[i % 1000], run_id=f"run-{i // 100}")
            return single

        def append_batched() -> int:
            for start in range(0, batched, batch_size):
                ledger.append_many(
                    ("review", payloads[i % 1000], f"run-{i // 100}")
                    for i in range(start, min(start + batch_size, batched))
                )
            return batched

        def verify() -> int:
            report = ledger.verify()
            assert report.ok, report.problems
            return report.checked

        def read() -> int:
            return sum(1 for _ in ledger.events())

        rows.append((f"append, 1 event/transaction ({label})", *timed(append_single)))
        rows.append((f"append_many, {batch_size}/transaction ({label})", *timed(append_batched)))
        rows.append((f"verify ({label})", *timed(verify)))
        rows.append((f"events() read ({label})", *timed(read)))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--single", type=int, default=20_000, help="events appended one by one")
    parser.add_argument("--batched", type=int, default=200_000, help="events appended in batches")
    parser.add_argument("--batch-size", type=int, default=1_000)
    args = parser.parse_args()

    print(
        f"python {platform.python_version()}, SQLite {sqlite3.sqlite_version}, "
        f"{platform.machine()}, {platform.processor() or 'unknown cpu'}"
    )
    header = f"{'operation':<44} {'events':>9} {'seconds':>9} {'events/s':>11}"
    print(header)
    print("-" * len(header))
    with tempfile.TemporaryDirectory() as tmp:
        for key in (None, KEY):
            for name, count, seconds in bench(
                Path(tmp), key, args.single, args.batched, args.batch_size
            ):
                print(f"{name:<44} {count:>9,} {seconds:>9.3f} {count / seconds:>11,.0f}")


if __name__ == "__main__":
    main()
