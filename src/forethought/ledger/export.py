"""Export events as JSON Lines, one event per line, for sharing and offline reading."""

from __future__ import annotations

from typing import IO

import orjson

from forethought.ledger.store import Ledger


def export_jsonl(ledger: Ledger, out: IO[str], run_id: str | None = None) -> int:
    """Write each event (of one run, if ``run_id`` is given) as a line of
    ``{seq, ts, kind, run_id, payload, prev_hash, hash}``; returns the number written.

    Lines use canonical JSON, so ``payload`` on a line encodes to the very bytes that were hashed
    and each event's hash can be recomputed from its line alone.
    """
    written = 0
    for event in ledger.events(run_id=run_id):
        out.write(orjson.dumps(event.to_dict(), option=orjson.OPT_SORT_KEYS).decode())
        out.write("\n")
        written += 1
    return written
