"""The small interface between the Ledger and the database that holds it.

:class:`forethought.ledger.store.Ledger` does everything that makes a ledger a ledger (encoding,
hashing, chaining onto the head, the HMAC, verification) against a :class:`Store`; a Store only
moves rows. Two implement it: :mod:`forethought.ledger.sqlite` (one file) and
:mod:`forethought.ledger.postgres` (a server several hosts share). Each table has the same columns
in both, so an event, its hash and the head record are the same wherever they are kept.

A Store raises :class:`~forethought.ledger.errors.LedgerError` (one line, naming the ledger by its
``location``, never a password) for anything the database refuses.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any, Protocol

# seq, ts, kind, run_id, canonical payload bytes, prev_hash, hash
Row = tuple[int, float, str, str | None, bytes, str, str]
# seq, hash, hmac as stored: verification must cope with any type an attacker wrote
HeadRow = tuple[Any, Any, Any]


class Snapshot(Protocol):
    """One consistent view of the ledger: the head and the rows come from the same moment."""

    def head(self) -> HeadRow | None:
        """The head record (seq, hash, hmac), or None when its row is missing."""
        ...

    def rows(self) -> Iterator[tuple[Any, ...]]:
        """Every event row in seq order, streamed (not loaded into memory at once)."""
        ...

    def hash_at(self, seq: int) -> tuple[Any] | None:
        """``(hash,)`` of the event ``seq``, or None when there is no such row."""
        ...


class WriteTx(Snapshot, Protocol):
    """A write transaction holding the ledger's write lock: nobody else appends until it ends."""

    def page(
        self, run_id: str | None, kinds: list[str] | None, after_seq: int, limit: int
    ) -> list[Row]:
        """As :meth:`Store.page`, read inside the transaction: what every earlier writer
        committed, and nothing another writer can add before this transaction ends."""
        ...

    def insert(self, rows: Sequence[Row]) -> None: ...

    def set_head(self, seq: int, digest: str, mac: str | None) -> None: ...

    def count(self) -> int:
        """How many event rows there are."""
        ...


class Store(Protocol):
    """Where the rows live. ``lock`` serialises a process's threads on the store's connection."""

    location: str  # how the ledger is named in messages: a path, or a URL without its password
    path: Path | None  # the SQLite file, None for a database server
    lock: threading.RLock

    def writing(self, action: str) -> AbstractContextManager[WriteTx]:
        """A write transaction, committed when the block ends and rolled back if it raises.
        ``action`` ("append to", "copy into") words the error messages."""
        ...

    def snapshot(self) -> AbstractContextManager[Snapshot]:
        """A read snapshot, on a connection of its own unless the store only reads (other
        threads keep appending meanwhile)."""
        ...

    def page(
        self, run_id: str | None, kinds: list[str] | None, after_seq: int, limit: int
    ) -> list[Row]:
        """Up to ``limit`` events after ``after_seq`` in seq order, filtered."""
        ...

    def runs(self) -> list[tuple[Any, ...]]:
        """run_id, MIN(seq), MAX(seq), MIN(ts), MAX(ts), COUNT(*) per run, by first seq."""
        ...

    def head(self) -> tuple[int, str] | None: ...

    def close(self) -> None: ...
