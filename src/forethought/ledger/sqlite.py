"""The SQLite store: one file, WAL mode; appends serialise on SQLite's write lock.

Each write is one ``BEGIN IMMEDIATE`` transaction, so several processes appending to one file
take turns and never fork the chain. See :mod:`forethought.ledger.schema` for the file's settings.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from forethought.ledger.errors import LedgerError
from forethought.ledger.schema import (
    BUSY_TIMEOUT_S,
    cause,
    connect,
    open_ledger_db,
    open_ledger_db_read_only,
)
from forethought.ledger.storage import HeadRow, Row

COLUMNS = "seq, ts, kind, run_id, payload, prev_hash, hash"
_INSERT = f"INSERT INTO events ({COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)"


def _page_query(
    run_id: str | None, kinds: list[str] | None, after_seq: int, limit: int
) -> tuple[str, tuple[Any, ...]]:
    conditions: list[str] = []
    filters: list[Any] = []
    if run_id is not None:
        conditions.append("run_id = ?")
        filters.append(run_id)
    if kinds is not None:
        conditions.append(f"kind IN ({', '.join('?' * len(kinds))})")
        filters.extend(kinds)
    conditions.append("seq > ?")
    query = f"SELECT {COLUMNS} FROM events WHERE {' AND '.join(conditions)} ORDER BY seq LIMIT ?"
    return query, (*filters, after_seq, limit)


class _Tx:
    """A Snapshot (and, in a write transaction, a WriteTx) on one SQLite connection."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self.conn = conn
        self.path = path

    def head(self) -> HeadRow | None:
        row = self._one("SELECT seq, hash, hmac FROM head WHERE id = 1")
        return None if row is None else (row[0], row[1], row[2])

    def rows(self) -> Iterator[tuple[Any, ...]]:
        try:
            yield from self.conn.execute(f"SELECT {COLUMNS} FROM events ORDER BY seq")
        except sqlite3.DatabaseError as exc:
            raise LedgerError(f"ledger unreadable: {exc}") from None

    def hash_at(self, seq: int) -> tuple[Any] | None:
        row = self._one("SELECT hash FROM events WHERE seq = ?", (seq,))
        return None if row is None else (row[0],)

    def count(self) -> int:
        row = self._one("SELECT COUNT(*) FROM events")
        return int(row[0]) if row else 0

    def page(
        self, run_id: str | None, kinds: list[str] | None, after_seq: int, limit: int
    ) -> list[Row]:
        query, params = _page_query(run_id, kinds, after_seq, limit)
        try:
            return self.conn.execute(query, params).fetchall()
        except sqlite3.DatabaseError as exc:
            raise LedgerError(f"ledger unreadable: {exc}") from None

    def insert(self, rows: Sequence[Row]) -> None:
        self.conn.executemany(_INSERT, rows)

    def set_head(self, seq: int, digest: str, mac: str | None) -> None:
        self.conn.execute(
            "UPDATE head SET seq = ?, hash = ?, hmac = ? WHERE id = 1", (seq, digest, mac)
        )

    def _one(self, query: str, params: tuple[Any, ...] = ()) -> Any:
        try:
            return self.conn.execute(query, params).fetchone()
        except sqlite3.DatabaseError as exc:
            raise LedgerError(f"ledger unreadable: {exc}") from None


class SqliteStore:
    """The ledger's rows in one SQLite file (see :mod:`forethought.ledger.storage`)."""

    def __init__(self, path: Path, *, hmac_key: bytes | None, read_only: bool) -> None:
        self.path: Path | None = path
        self._path = path
        self.location = str(path)
        self.lock = threading.RLock()
        self.read_only = read_only
        self._conn: sqlite3.Connection | None = (
            open_ledger_db_read_only(path) if read_only else open_ledger_db(path, hmac_key=hmac_key)
        )

    def close(self) -> None:
        with self.lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    def _connection(self) -> sqlite3.Connection:
        if self._conn is None:
            raise LedgerError(f"ledger is closed: {self._path}")
        return self._conn

    @contextmanager
    def writing(self, action: str) -> Iterator[_Tx]:
        with self.lock:
            conn = self._connection()
            try:
                conn.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as exc:
                if "locked" in str(exc) or "busy" in str(exc):
                    raise LedgerError(
                        f"ledger {self._path} stayed locked for {BUSY_TIMEOUT_S:.0f} s: {exc}"
                    ) from None
                raise LedgerError(
                    f"cannot write to ledger {self._path}: {cause(exc, self._path)}"
                ) from None
            try:
                yield _Tx(conn, self._path)
                conn.execute("COMMIT")
            except BaseException as exc:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                if isinstance(exc, sqlite3.IntegrityError):
                    raise LedgerError(
                        f"cannot {action} ledger {self._path}: the head record is behind the "
                        f"event rows ({exc}); run verify"
                    ) from None
                if isinstance(exc, sqlite3.Error):
                    raise LedgerError(
                        f"cannot {action} ledger {self._path}: {cause(exc, self._path)}"
                    ) from None
                raise

    @contextmanager
    def snapshot(self) -> Iterator[_Tx]:
        own = self._connection()
        if not self._path.is_file():  # connecting would quietly create an empty database
            raise LedgerError(f"ledger file missing: {self._path}")
        if self.read_only:  # nobody appends through this store; read on its own connection
            with self.lock:
                own.execute("BEGIN")
                try:
                    yield _Tx(own, self._path)
                finally:
                    own.execute("ROLLBACK")
            return
        conn = connect(self._path, read_only=True)
        try:
            conn.execute("PRAGMA query_only = ON")
            conn.execute("BEGIN")
            yield _Tx(conn, self._path)
        finally:
            conn.close()

    def page(
        self, run_id: str | None, kinds: list[str] | None, after_seq: int, limit: int
    ) -> list[Row]:
        return self._read(*_page_query(run_id, kinds, after_seq, limit))

    def runs(self) -> list[tuple[Any, ...]]:
        return self._read(
            "SELECT run_id, MIN(seq), MAX(seq), MIN(ts), MAX(ts), COUNT(*) FROM events "
            "WHERE run_id IS NOT NULL GROUP BY run_id ORDER BY MIN(seq)"
        )

    def head(self) -> tuple[int, str] | None:
        rows = self._read("SELECT seq, hash FROM head WHERE id = 1")
        return (rows[0][0], rows[0][1]) if rows else None

    def _read(self, query: str, params: tuple[Any, ...] = ()) -> list[Any]:
        with self.lock:
            try:
                return self._connection().execute(query, params).fetchall()
            except sqlite3.Error as exc:
                raise LedgerError(
                    f"cannot read ledger {self._path}: {cause(exc, self._path)}"
                ) from None
