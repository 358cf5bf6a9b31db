"""The Ledger: append events to the hash chain in SQLite, read them back, verify them.

Every append is one ``BEGIN IMMEDIATE`` transaction that reads the head record, inserts the new
rows and moves the head, so several processes appending to one file serialise on SQLite's write
lock and never fork the chain. The head record, not the last event row, is what the next event
chains onto: if rows were cut from the tail, new events keep the gap visible instead of hiding it.

The store never updates or deletes event rows. Within one process a Ledger may be shared between
threads; a lock serialises its use of the one connection.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Collection, Iterable, Iterator, Mapping
from pathlib import Path
from types import TracebackType
from typing import Any

import orjson

from forethought.ledger.chain import (
    encode_payload,
    event_hash,
    head_hmac,
    head_hmac_valid,
)
from forethought.ledger.config import LEDGER_KEY_ENV, default_ledger_path, hmac_key_from_env
from forethought.ledger.errors import LedgerError
from forethought.ledger.event import Event
from forethought.ledger.schema import (
    BUSY_TIMEOUT_S,
    cause,
    connect,
    open_ledger_db,
    open_ledger_db_read_only,
)
from forethought.ledger.verify import VerifyReport, verify_chain

_COLUMNS = "seq, ts, kind, run_id, payload, prev_hash, hash"
_INSERT = f"INSERT INTO events ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)"
_READ_PAGE = 512

_Row = tuple[int, float, str, str | None, bytes, str, str]
# kind, canonical payload bytes, run_id, and the payload parsed back from those bytes (None
# where the caller wants no events back)
_EncodedItem = tuple[str, bytes, str | None, dict[str, Any] | None]


class Ledger:
    """An append-only, hash-chained event store in one SQLite file.

    ``hmac_key``, when given, signs the head record so that truncating the chain and rewriting
    the head is detectable by whoever holds the key (see :mod:`forethought.ledger.verify`).
    A Ledger with a key refuses to extend a head that lacks a valid HMAC, and one without a key
    refuses to extend a signed head, so a truncation is never laundered by the next append.
    """

    def __init__(
        self, path: str | Path, *, hmac_key: bytes | None = None, read_only: bool = False
    ) -> None:
        if hmac_key is not None and not isinstance(hmac_key, bytes):
            raise LedgerError(f"hmac_key must be bytes, got {type(hmac_key).__name__}")
        self.path = Path(path).expanduser()
        self._hmac_key = hmac_key or None
        self._lock = threading.RLock()
        self.read_only = read_only
        self._conn: sqlite3.Connection | None = (
            open_ledger_db_read_only(self.path)
            if read_only
            else open_ledger_db(self.path, hmac_key=self._hmac_key)
        )

    @classmethod
    def open(cls, path: str | Path | None = None, *, read_only: bool = False) -> Ledger:
        """Open ``path`` (default :func:`default_ledger_path`) with the key from the environment.

        ``read_only`` is for commands that only look (verify, show, export, runs): nothing is
        created or written, a missing file raises :class:`LedgerMissing`, and a ledger on a
        read-only file system or without write permission can still be read.
        """
        chosen = path if path is not None else default_ledger_path()
        return cls(chosen, hmac_key=hmac_key_from_env(), read_only=read_only)

    def __repr__(self) -> str:
        return f"Ledger({str(self.path)!r})"

    def __enter__(self) -> Ledger:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    # -- writing -------------------------------------------------------------------------------

    def append(self, kind: str, payload: dict[str, Any], *, run_id: str | None = None) -> Event:
        return self.append_many([(kind, payload, run_id)])[0]

    def append_many(
        self, items: Iterable[tuple[str, dict[str, Any], str | None]], *, returning: bool = True
    ) -> list[Event]:
        """Append several events in one transaction: all of them are written, or none.

        ``returning=False`` is for callers that only record (the Gate): the events written are
        not built again from the stored bytes, and the list returned is empty.
        """
        encoded = [_encode_item(item, returning) for item in items]
        if not encoded:
            return []
        with self._lock:
            conn = self._connection()
            rows = self._write(conn, encoded)
        if not returning:
            return []
        return [
            Event(seq, ts, kind, run_id, parsed, prev_hash, digest)  # type: ignore[arg-type]
            for (seq, ts, kind, run_id, _, prev_hash, digest), (_, _, _, parsed) in zip(
                rows, encoded, strict=True
            )
        ]

    def _write(self, conn: sqlite3.Connection, encoded: list[_EncodedItem]) -> list[_Row]:
        self._begin_write(conn)
        try:
            seq, prev_hash = self._extendable_head(conn)
            rows: list[_Row] = []
            for kind, payload, run_id, _ in encoded:
                seq += 1
                ts = time.time()
                digest = event_hash(prev_hash, seq, ts, kind, run_id, payload)
                rows.append((seq, ts, kind, run_id, payload, prev_hash, digest))
                prev_hash = digest
            conn.executemany(_INSERT, rows)
            mac = head_hmac(self._hmac_key, seq, prev_hash) if self._hmac_key else None
            conn.execute(
                "UPDATE head SET seq = ?, hash = ?, hmac = ? WHERE id = 1", (seq, prev_hash, mac)
            )
            conn.execute("COMMIT")
        except BaseException as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.IntegrityError):
                raise LedgerError(
                    f"cannot append to ledger {self.path}: the head record is behind the event "
                    f"rows ({exc}); run verify"
                ) from None
            if isinstance(exc, sqlite3.Error):
                raise LedgerError(
                    f"cannot append to ledger {self.path}: {cause(exc, self.path)}"
                ) from None
            raise
        return rows

    def _begin_write(self, conn: sqlite3.Connection) -> None:
        if self.read_only:
            raise LedgerError(f"ledger {self.path} was opened read-only; it cannot be written")
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc) or "busy" in str(exc):
                raise LedgerError(
                    f"ledger {self.path} stayed locked for {BUSY_TIMEOUT_S:.0f} s: {exc}"
                ) from None
            raise LedgerError(
                f"cannot write to ledger {self.path}: {cause(exc, self.path)}"
            ) from None

    def _extendable_head(self, conn: sqlite3.Connection) -> tuple[int, str]:
        row = conn.execute("SELECT seq, hash, hmac FROM head WHERE id = 1").fetchone()
        if row is None:
            raise LedgerError(f"ledger head record is missing in {self.path}; run verify")
        seq, digest, mac = row
        if self._hmac_key is None:
            if mac is not None:
                raise LedgerError(
                    f"ledger {self.path} is signed with an HMAC key; set {LEDGER_KEY_ENV} to append"
                )
        elif not head_hmac_valid(self._hmac_key, seq, digest, mac):
            state = "no" if mac is None else "an invalid"
            raise LedgerError(
                f"ledger head at seq {seq} has {state} HMAC for this key in {self.path}; run "
                "verify (after adding a key to an existing ledger, call Ledger.sign_head() once)"
            )
        return seq, digest

    def sign_head(self) -> None:
        """Sign the current head with this Ledger's key, after checking the chain without it.

        For an administrator adding a key to a ledger that was written without one.
        """
        if self._hmac_key is None:
            raise LedgerError(f"cannot sign the head of {self.path}: this Ledger has no HMAC key")
        with self._lock:
            conn = self._connection()
            self._begin_write(conn)
            try:
                report = verify_chain(conn)
                if not report.ok:
                    raise LedgerError(
                        f"refusing to sign the head of {self.path}: verify found "
                        f"{len(report.problems)} problem(s), first: {report.problems[0]}"
                    )
                seq, digest = conn.execute("SELECT seq, hash FROM head WHERE id = 1").fetchone()
                conn.execute(
                    "UPDATE head SET hmac = ? WHERE id = 1",
                    (head_hmac(self._hmac_key, seq, digest),),
                )
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise

    # -- reading -------------------------------------------------------------------------------

    def events(
        self,
        *,
        run_id: str | None = None,
        kinds: Collection[str] | None = None,
        after_seq: int = 0,
        limit: int | None = None,
    ) -> Iterator[Event]:
        """Events in seq order; ``run_id=None`` means every run, ``kinds=None`` every kind.

        Rows are fetched a page at a time, so no read stays open between iterations and the
        iterator may be abandoned at any point.
        """
        conditions: list[str] = []
        filters: list[Any] = []
        if run_id is not None:
            conditions.append("run_id = ?")
            filters.append(run_id)
        if kinds is not None:
            wanted = [kinds] if isinstance(kinds, str) else list(kinds)
            if not wanted:
                return iter(())
            conditions.append(f"kind IN ({', '.join('?' * len(wanted))})")
            filters.extend(wanted)
        conditions.append("seq > ?")
        query = (
            f"SELECT {_COLUMNS} FROM events WHERE {' AND '.join(conditions)} ORDER BY seq LIMIT ?"
        )
        return self._paged_events(query, filters, after_seq, limit)

    def _paged_events(
        self, query: str, filters: list[Any], after_seq: int, limit: int | None
    ) -> Iterator[Event]:
        last_seq, remaining = after_seq, limit
        while remaining is None or remaining > 0:
            page_size = _READ_PAGE if remaining is None else min(_READ_PAGE, remaining)
            rows = self._read(query, (*filters, last_seq, page_size))
            yield from (_event_from_row(row) for row in rows)
            if len(rows) < page_size:
                return
            last_seq = rows[-1][0]
            if remaining is not None:
                remaining -= len(rows)

    def runs(self) -> list[dict[str, Any]]:
        """One dict per distinct run_id, in order of first appearance (events without a run_id
        are not a run): run_id, first_seq, last_seq, first_ts, last_ts, events (the count)."""
        rows = self._read(
            "SELECT run_id, MIN(seq), MAX(seq), MIN(ts), MAX(ts), COUNT(*) FROM events "
            "WHERE run_id IS NOT NULL GROUP BY run_id ORDER BY MIN(seq)"
        )
        keys = ("run_id", "first_seq", "last_seq", "first_ts", "last_ts", "events")
        return [dict(zip(keys, row, strict=True)) for row in rows]

    def head(self) -> tuple[int, str]:
        """The seq and hash of the last event according to the head record (0 and 64 zeros when
        empty)."""
        rows = self._read("SELECT seq, hash FROM head WHERE id = 1")
        if not rows:
            raise LedgerError(f"ledger head record is missing in {self.path}; run verify")
        seq, digest = rows[0]
        return seq, digest

    def checkpoint(self) -> dict[str, Any]:
        """``{seq, hash}`` of the head, plus ``hmac`` when this Ledger has a key.

        Store it somewhere the ledger's writers cannot reach; ``verify(checkpoint=...)`` later
        confirms the chain still holds that event, which catches rollback and rewrites that the
        file alone cannot reveal.
        """
        seq, digest = self.head()
        mark: dict[str, Any] = {"seq": seq, "hash": digest}
        if self._hmac_key is not None:
            mark["hmac"] = head_hmac(self._hmac_key, seq, digest)
        return mark

    def verify(self, *, checkpoint: Mapping[str, Any] | None = None) -> VerifyReport:
        """Recompute the whole chain and check the head record (and its HMAC when this Ledger has
        a key) and, if given, a checkpoint from :meth:`checkpoint`.

        Reads a snapshot on a connection of its own, so appends from other threads go on.
        """
        own = self._connection()
        if not self.path.is_file():  # connecting would quietly create an empty database
            return VerifyReport(
                ok=False, checked=0, problems=[f"seq ?: ledger file missing: {self.path}"]
            )
        if self.read_only:  # nobody appends through this Ledger; read on its own connection
            with self._lock:
                own.execute("BEGIN")
                try:
                    return verify_chain(own, hmac_key=self._hmac_key, checkpoint=checkpoint)
                finally:
                    own.execute("ROLLBACK")
        conn = connect(self.path, read_only=True)
        try:
            conn.execute("PRAGMA query_only = ON")
            conn.execute("BEGIN")
            return verify_chain(conn, hmac_key=self._hmac_key, checkpoint=checkpoint)
        finally:
            conn.close()

    # -- plumbing ------------------------------------------------------------------------------

    def _connection(self) -> sqlite3.Connection:
        if self._conn is None:
            raise LedgerError(f"ledger is closed: {self.path}")
        return self._conn

    def _read(self, query: str, params: tuple[Any, ...] = ()) -> list[Any]:
        with self._lock:
            try:
                return self._connection().execute(query, params).fetchall()
            except sqlite3.Error as exc:
                raise LedgerError(
                    f"cannot read ledger {self.path}: {cause(exc, self.path)}"
                ) from None


def _encode_item(item: tuple[str, dict[str, Any], str | None], parse: bool = True) -> _EncodedItem:
    try:
        kind, payload, run_id = item
    except (TypeError, ValueError):
        raise LedgerError("each item must be a (kind, payload, run_id) tuple") from None
    if not isinstance(kind, str) or not kind:
        raise LedgerError(f"event kind must be a non-empty string, got {kind!r}")
    if run_id is not None and not isinstance(run_id, str):
        raise LedgerError(f"run_id must be a string or None, got {type(run_id).__name__}")
    try:
        # Lone surrogates cannot be encoded, hence not hashed: refuse them before the transaction.
        kind.encode()
        if run_id is not None:
            run_id.encode()
    except UnicodeEncodeError:
        raise LedgerError("event kind and run_id must be valid Unicode text") from None
    payload_bytes, parsed = encode_payload(payload, parse)
    return kind, payload_bytes, run_id, parsed


def _event_from_row(row: _Row) -> Event:
    seq, ts, kind, run_id, payload, prev_hash, digest = row
    try:
        parsed = orjson.loads(payload)
    except orjson.JSONDecodeError:
        raise LedgerError(f"seq {seq}: stored payload is not valid JSON; run verify") from None
    return Event(seq, ts, kind, run_id, parsed, prev_hash, digest)
