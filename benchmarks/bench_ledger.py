"""Ledger throughput, SQLite and PostgreSQL: append (one transaction per event, batched, and
from 8 writer processes at once), verify, read.

    python benchmarks/bench_ledger.py [--single N] [--batched N] [--batch-size N]
        [--writers 8] [--per-writer N] [--stores sqlite,postgresql] [--postgresql URL]

Targets on a 2-core machine (SQLite): append >= 5,000 events/s single, verify >= 100,000
events/s. Each run uses a fresh ledger: a file in a temporary directory (WAL,
synchronous=NORMAL), and for PostgreSQL a new schema in the server at --postgresql, or, without
it, in a throwaway server started with initdb/pg_ctl (tests/_postgres.py) with PostgreSQL's
durable defaults (fsync and synchronous_commit on: every acknowledged append is on disk, which
SQLite's synchronous=NORMAL does not promise). Payloads (~400 bytes of JSON each) are built
before the clock starts, so the numbers are the ledger's own. The concurrent writers are
separate processes, started and connected before the clock starts.
"""

from __future__ import annotations

import argparse
import multiprocessing
import platform
import sqlite3
import sys
import tempfile
import time
import urllib.parse
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from forethought.ledger import Ledger

KEY = b"benchmark key"
TESTS = Path(__file__).resolve().parent.parent / "tests"


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


def _writer(target: str, name: str, count: int, ready: Any, go: Any, key: bytes | None) -> None:
    payloads = [sample_payload(i) for i in range(min(count, 1000))]
    with Ledger(target, hmac_key=key) as ledger:
        ledger.head()  # connected (and the schema checked) before the clock starts
        ready.put(name)
        go.wait()
        for i in range(count):
            ledger.append("review", payloads[i % len(payloads)], run_id=name)


def concurrent_appends(target: str, writers: int, per_writer: int, key: bytes | None) -> int:
    """``writers`` processes appending ``per_writer`` events each, one per transaction."""
    context = multiprocessing.get_context("spawn")
    ready, go = context.Queue(), context.Event()
    procs = [
        context.Process(target=_writer, args=(target, f"w{n}", per_writer, ready, go, key))
        for n in range(writers)
    ]
    for proc in procs:
        proc.start()
    for _ in procs:
        ready.get(timeout=120)
    start = time.perf_counter()
    go.set()
    for proc in procs:
        proc.join()
    seconds = time.perf_counter() - start
    if any(proc.exitcode != 0 for proc in procs):
        raise SystemExit("a concurrent writer failed")
    concurrent_appends.seconds = seconds  # type: ignore[attr-defined]
    return writers * per_writer


def bench(
    target: str, key: bytes | None, args: argparse.Namespace
) -> Iterator[tuple[str, int, float]]:
    payloads = [sample_payload(i) for i in range(1000)]
    label = "keyed" if key else "no key"
    with Ledger(target, hmac_key=key) as ledger:

        def append_single() -> int:
            for i in range(args.single):
                ledger.append("review", payloads[i % 1000], run_id=f"run-{i // 100}")
            return int(args.single)

        def append_batched() -> int:
            for start in range(0, args.batched, args.batch_size):
                ledger.append_many(
                    ("review", payloads[i % 1000], f"run-{i // 100}")
                    for i in range(start, min(start + args.batch_size, args.batched))
                )
            return int(args.batched)

        def verify() -> int:
            report = ledger.verify()
            assert report.ok, report.problems
            return report.checked

        def read() -> int:
            return sum(1 for _ in ledger.events())

        yield (f"append, 1 event/transaction ({label})", *timed(append_single))
        yield (f"append_many, {args.batch_size}/transaction ({label})", *timed(append_batched))
        count = concurrent_appends(target, args.writers, args.per_writer, key)
        seconds = concurrent_appends.seconds  # type: ignore[attr-defined]
        yield (f"append, {args.writers} writer processes at once ({label})", count, seconds)
        yield (f"verify ({label})", *timed(verify))
        yield (f"events() read ({label})", *timed(read))


@contextmanager
def postgresql_server(url: str | None) -> Iterator[tuple[str, str] | None]:
    """(admin URL, how it was found), or None (printed why) where no server can be had."""
    if url is not None:
        yield url, "given"
        return
    sys.path.insert(0, str(TESTS))
    import _postgres

    why = _postgres.problem()
    if why is not None:
        print(f"PostgreSQL rows skipped: {why}")
        yield None
        return
    server = _postgres._start(durable=True)
    yield server.url(), "throwaway server, fsync and synchronous_commit on"


@contextmanager
def fresh_schema(admin_url: str, settings: str = "") -> Iterator[str]:
    """A URL whose tables live in a new schema (dropped afterwards), with extra server
    ``settings`` (``-cname=value ...``) for its sessions."""
    import psycopg

    name = f"bench_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {name}")
    separator = "&" if "?" in admin_url else "?"
    try:
        options = urllib.parse.quote(f"-csearch_path={name}{settings}")
        yield f"{admin_url}{separator}options={options}"
    finally:
        with psycopg.connect(admin_url, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {name} CASCADE")


def print_rows(store: str, rows: Iterator[tuple[str, int, float]]) -> None:
    for name, count, seconds in rows:
        print(f"{store:<11} {name:<50} {count:>9,} {seconds:>9.3f} {count / seconds:>11,.0f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--single", type=int, default=5_000, help="events appended one by one")
    parser.add_argument("--batched", type=int, default=100_000, help="events appended in batches")
    parser.add_argument("--batch-size", type=int, default=1_000)
    parser.add_argument("--writers", type=int, default=8, help="concurrent writer processes")
    parser.add_argument("--per-writer", type=int, default=500, help="events each writer appends")
    parser.add_argument("--stores", default="sqlite,postgresql", help="comma-separated")
    parser.add_argument("--postgresql", metavar="URL", help="a server to use (default: start one)")
    args = parser.parse_args()
    stores = {s.strip() for s in args.stores.split(",") if s.strip()}

    print(
        f"python {platform.python_version()}, SQLite {sqlite3.sqlite_version}, "
        f"{platform.machine()}, {platform.processor() or 'unknown cpu'}"
    )
    with postgresql_server(args.postgresql if "postgresql" in stores else "") as server:
        if server is not None and "postgresql" in stores:
            import psycopg

            with psycopg.connect(server[0]) as conn:
                version = conn.execute("SHOW server_version").fetchone()
            print(f"PostgreSQL {version[0] if version else '?'} ({server[1]})")
        header = f"{'store':<11} {'operation':<50} {'events':>9} {'seconds':>9} {'events/s':>11}"
        print(header)
        print("-" * len(header))
        for key in (None, KEY):
            if "sqlite" in stores:
                with tempfile.TemporaryDirectory() as tmp:
                    print_rows("SQLite", bench(str(Path(tmp) / "bench.db"), key, args))
        if "postgresql" in stores and server is not None:
            # The key costs the same CPU in both stores (the SQLite rows show it); what differs
            # is durability: each append holds the head row until its commit is on disk, unless
            # synchronous_commit is off (then a server crash, not a client's, can lose the last
            # acknowledged appends, much as an OS crash can with SQLite's synchronous=NORMAL).
            for store, settings in (("PostgreSQL", ""), ("PG async", " -csynchronous_commit=off")):
                with fresh_schema(server[0], settings) as url:
                    print_rows(store, bench(url, None, args))


if __name__ == "__main__":
    main()
