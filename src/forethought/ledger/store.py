"""The Ledger: append events to the hash chain, read them back, verify them.

Where the rows live is a Store (:mod:`forethought.ledger.storage`): a SQLite file, or a PostgreSQL
database that processes on several hosts share. Everything else is here, once, for both.

Every append is one write transaction that reads the head record under the store's write lock,
inserts the new rows and moves the head, so several processes appending never fork the chain.
The head record, not the last event row, is what the next event chains onto: if rows were cut
from the tail, new events keep the gap visible instead of hiding it.

The store never updates or deletes event rows. Within one process a Ledger may be shared between
threads; a lock serialises its use of the one connection.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from contextlib import AbstractContextManager, ExitStack
from pathlib import Path
from types import TracebackType
from typing import Any

import orjson

from forethought.ledger.chain import (
    GENESIS_HASH,
    encode_payload,
    event_hash,
    head_hmac,
    head_hmac_valid,
)
from forethought.ledger.config import (
    LEDGER_KEY_ENV,
    default_ledger,
    hmac_key_from_env,
    ledger_target,
)
from forethought.ledger.errors import LedgerConflict, LedgerError
from forethought.ledger.event import Event
from forethought.ledger.events import LedgerEvent
from forethought.ledger.storage import HeadRow, Row, Store, WriteTx
from forethought.ledger.verify import VerifyReport, verify_chain

_READ_PAGE = 512
# Rows per insert while copying a ledger
_COPY_BATCH = 1000

# kind, canonical payload bytes, run_id, and the payload parsed back from those bytes (None
# where the caller wants no events back)
_EncodedItem = tuple[str, bytes, str | None, dict[str, Any] | None]


def open_store(target: str | Path, *, hmac_key: bytes | None, read_only: bool) -> Store:
    """The Store for ``target``: PostgreSQL for a ``postgresql://`` URL, else a SQLite file."""
    chosen = ledger_target(target)
    if isinstance(chosen, str):
        from forethought.ledger.postgres import PostgresStore

        return PostgresStore(chosen, hmac_key=hmac_key, read_only=read_only)
    from forethought.ledger.sqlite import SqliteStore

    return SqliteStore(chosen, hmac_key=hmac_key, read_only=read_only)


class Ledger:
    """An append-only, hash-chained event store, in a SQLite file or a PostgreSQL database.

    ``target`` is a path (SQLite) or a ``postgresql://`` URL. ``hmac_key``, when given, signs
    the head record so that truncating the chain and rewriting the head is detectable by whoever
    holds the key (see :mod:`forethought.ledger.verify`). A Ledger with a key refuses to extend a
    head that lacks a valid HMAC, and one without a key refuses to extend a signed head, so a
    truncation is never laundered by the next append.
    """

    def __init__(
        self, path: str | Path, *, hmac_key: bytes | None = None, read_only: bool = False
    ) -> None:
        if hmac_key is not None and not isinstance(hmac_key, bytes):
            raise LedgerError(f"hmac_key must be bytes, got {type(hmac_key).__name__}")
        self._hmac_key = hmac_key or None
        self.read_only = read_only
        self._store: Store | None = open_store(path, hmac_key=self._hmac_key, read_only=read_only)
        # The SQLite file, or None for a database server; ``location`` names either in messages
        # (a URL without its password).
        self.path: Path | None = self._store.path
        self.location: str = self._store.location

    @classmethod
    def open(cls, path: str | Path | None = None, *, read_only: bool = False) -> Ledger:
        """Open ``path`` (a file or a ``postgresql://`` URL; default :func:`default_ledger`)
        with the key from the environment.

        ``read_only`` is for commands that only look (verify, show, export, runs): nothing is
        created or written, a missing ledger raises :class:`LedgerMissing`, and a ledger on a
        read-only file system or without write permission can still be read.
        """
        chosen = path if path is not None else default_ledger()
        return cls(chosen, hmac_key=hmac_key_from_env(), read_only=read_only)

    def __repr__(self) -> str:
        return f"Ledger({self.location!r})"

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
        store, self._store = self._store, None
        if store is not None:
            store.close()

    # -- writing -------------------------------------------------------------------------------

    def append(self, kind: str, payload: dict[str, Any], *, run_id: str | None = None) -> Event:
        return self.append_many([(kind, payload, run_id)])[0]

    def record(self, *events: LedgerEvent, run_id: str | None = None) -> list[Event]:
        """Append typed events (forethought.ledger.events) in one transaction, as ``append_many``
        does their ``(kind, payload, run_id)``."""
        return self.append_many([e.entry(run_id) for e in events])

    def append_many(
        self, items: Iterable[tuple[str, dict[str, Any], str | None]], *, returning: bool = True
    ) -> list[Event]:
        """Append several events in one transaction: all of them are written, or none.

        ``returning=False`` is for callers that only record (the Gate): the events written are
        not built again from the stored bytes, and the list returned is empty.
        """
        return self._append([_encode_item(item, returning) for item in items], returning)

    def append_unless(
        self,
        kind: str,
        payload: dict[str, Any],
        *,
        refuse: Callable[[Iterator[Event]], str | None],
        kinds: Collection[str],
        after_seq: int = 0,
        run_id: str | None = None,
    ) -> Event:
        """Append one event unless ``refuse``, shown the events of ``kinds`` after ``after_seq``,
        returns a reason not to: then raise :class:`LedgerConflict` with it and write nothing.

        The events are read inside the write transaction that appends, after the write lock is
        taken: no other writer (thread, process or host) can append between the look and the
        write, so two writers racing to append the same answer cannot both succeed.
        """
        wanted = list(kinds)

        def check(tx: WriteTx) -> None:
            reason = refuse(_tx_events(tx, wanted, after_seq))
            if reason is not None:
                raise LedgerConflict(reason)

        [event] = self._append([_encode_item((kind, payload, run_id))], True, check)
        return event

    def _append(
        self,
        encoded: list[_EncodedItem],
        returning: bool,
        check: Callable[[WriteTx], None] | None = None,
    ) -> list[Event]:
        if not encoded:
            return []
        with self._writing("append to") as tx:
            seq, prev_hash = self._extendable_head(tx.head())
            if check is not None:
                check(tx)
            rows: list[Row] = []
            for kind, payload, run_id, _ in encoded:
                seq += 1
                ts = time.time()
                digest = event_hash(prev_hash, seq, ts, kind, run_id, payload)
                rows.append((seq, ts, kind, run_id, payload, prev_hash, digest))
                prev_hash = digest
            tx.insert(rows)
            mac = head_hmac(self._hmac_key, seq, prev_hash) if self._hmac_key else None
            tx.set_head(seq, prev_hash, mac)
        if not returning:
            return []
        return [
            Event(seq, ts, kind, run_id, parsed, prev_hash, digest)  # type: ignore[arg-type]
            for (seq, ts, kind, run_id, _, prev_hash, digest), (_, _, _, parsed) in zip(
                rows, encoded, strict=True
            )
        ]

    def _writing(self, action: str) -> AbstractContextManager[WriteTx]:
        store = self._open_store()
        if self.read_only:
            raise LedgerError(f"ledger {self.location} was opened read-only; it cannot be written")
        return store.writing(action)

    def _extendable_head(self, head: HeadRow | None) -> tuple[int, str]:
        if head is None:
            raise LedgerError(f"ledger head record is missing in {self.location}; run verify")
        seq, digest, mac = head
        if self._hmac_key is None:
            if mac is not None:
                raise LedgerError(
                    f"ledger {self.location} is signed with an HMAC key; set {LEDGER_KEY_ENV} "
                    "to append"
                )
        elif not head_hmac_valid(self._hmac_key, seq, digest, mac):
            state = "no" if mac is None else "an invalid"
            raise LedgerError(
                f"ledger head at seq {seq} has {state} HMAC for this key in {self.location}; run "
                "verify (after adding a key to an existing ledger, call Ledger.sign_head() once)"
            )
        return seq, digest

    def sign_head(self) -> None:
        """Sign the current head with this Ledger's key, after checking the chain without it.

        For an administrator adding a key to a ledger that was written without one.
        """
        if self._hmac_key is None:
            raise LedgerError(
                f"cannot sign the head of {self.location}: this Ledger has no HMAC key"
            )
        with self._writing("sign the head of") as tx:
            report = verify_chain(tx)
            if not report.ok:
                raise LedgerError(
                    f"refusing to sign the head of {self.location}: verify found "
                    f"{len(report.problems)} problem(s), first: {report.problems[0]}"
                )
            head = tx.head()
            assert head is not None  # verify_chain reported a missing head
            seq, digest, _ = head
            tx.set_head(seq, digest, head_hmac(self._hmac_key, seq, digest))

    def copy_from(self, source: Ledger) -> VerifyReport:
        """Copy every event of ``source`` (its seqs, times, hashes and head record, HMAC
        included) into this ledger, which must be empty, then verify the copy.

        One transaction: the copy is verified against the source before it commits, so a copy
        that does not match leaves nothing behind. The source is verified first and a broken one
        is refused. Returns the report of the copy's verification.
        """
        with source._open_store().snapshot() as snap:
            original = verify_chain(snap, hmac_key=source._hmac_key)
            if not original.ok:
                raise LedgerError(
                    f"refusing to copy {source.location}: verify found "
                    f"{len(original.problems)} problem(s), first: {original.problems[0]}"
                )
            head = snap.head()
            assert head is not None  # verify_chain reported a missing head
            with self._writing("copy into") as tx:
                self._refuse_unless_empty(tx)
                batch: list[Row] = []
                for row in snap.rows():
                    batch.append(row)
                    if len(batch) >= _COPY_BATCH:
                        tx.insert(batch)
                        batch = []
                tx.insert(batch)
                tx.set_head(head[0], head[1], head[2])
                copied = verify_chain(tx, hmac_key=self._hmac_key)
                if not copied.ok or copied.checked != original.checked or tx.head() != head:
                    first = copied.problems[0] if copied.problems else "the head differs"
                    raise LedgerError(
                        f"the copy in {self.location} does not verify ({first}); nothing was kept"
                    )
        return copied

    def _refuse_unless_empty(self, tx: WriteTx) -> None:
        held = tx.count()
        head = tx.head()
        if held or head is None or (head[0], head[1]) != (0, GENESIS_HASH):
            raise LedgerError(
                f"cannot copy into {self.location}: it already holds {held} event(s); "
                "copy only into a new, empty ledger"
            )

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
        wanted: list[str] | None = None
        if kinds is not None:
            wanted = [kinds] if isinstance(kinds, str) else list(kinds)
            if not wanted:
                return iter(())
        return self._paged_events(run_id, wanted, after_seq, limit)

    def _paged_events(
        self, run_id: str | None, kinds: list[str] | None, after_seq: int, limit: int | None
    ) -> Iterator[Event]:
        last_seq, remaining = after_seq, limit
        while remaining is None or remaining > 0:
            page_size = _READ_PAGE if remaining is None else min(_READ_PAGE, remaining)
            rows = self._open_store().page(run_id, kinds, last_seq, page_size)
            yield from (_event_from_row(row) for row in rows)
            if len(rows) < page_size:
                return
            last_seq = rows[-1][0]
            if remaining is not None:
                remaining -= len(rows)

    def runs(self) -> list[dict[str, Any]]:
        """One dict per distinct run_id, in order of first appearance (events without a run_id
        are not a run): run_id, first_seq, last_seq, first_ts, last_ts, events (the count)."""
        keys = ("run_id", "first_seq", "last_seq", "first_ts", "last_ts", "events")
        return [dict(zip(keys, row, strict=True)) for row in self._open_store().runs()]

    def head(self) -> tuple[int, str]:
        """The seq and hash of the last event according to the head record (0 and 64 zeros when
        empty)."""
        head = self._open_store().head()
        if head is None:
            raise LedgerError(f"ledger head record is missing in {self.location}; run verify")
        return head

    def checkpoint(self) -> dict[str, Any]:
        """``{seq, hash}`` of the head, plus ``hmac`` when this Ledger has a key.

        Store it somewhere the ledger's writers cannot reach; ``verify(checkpoint=...)`` later
        confirms the chain still holds that event, which catches rollback and rewrites that the
        database alone cannot reveal.
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
        store = self._open_store()
        with ExitStack() as stack:
            try:
                snap = stack.enter_context(store.snapshot())
            except LedgerError as exc:  # e.g. the file was deleted, the server is gone
                return VerifyReport(ok=False, checked=0, problems=[f"seq ?: {exc}"])
            return verify_chain(snap, hmac_key=self._hmac_key, checkpoint=checkpoint)
        raise AssertionError("unreachable")

    # -- plumbing ------------------------------------------------------------------------------

    def _open_store(self) -> Store:
        store = self._store
        if store is None:
            raise LedgerError(f"ledger is closed: {self.location}")
        return store


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
    # Every store must hold them as text: PostgreSQL's text type has no NUL character.
    if "\x00" in kind or (run_id is not None and "\x00" in run_id):
        raise LedgerError("event kind and run_id must not contain NUL characters")
    payload_bytes, parsed = encode_payload(payload, parse)
    return kind, payload_bytes, run_id, parsed


def _tx_events(tx: WriteTx, kinds: list[str], after_seq: int) -> Iterator[Event]:
    """Events of ``kinds`` after ``after_seq``, read a page at a time inside ``tx``."""
    while True:
        rows = tx.page(None, kinds, after_seq, _READ_PAGE)
        yield from (_event_from_row(row) for row in rows)
        if len(rows) < _READ_PAGE:
            return
        after_seq = rows[-1][0]


def _event_from_row(row: Row) -> Event:
    seq, ts, kind, run_id, payload, prev_hash, digest = row
    try:
        parsed = orjson.loads(payload)
    except orjson.JSONDecodeError:
        raise LedgerError(f"seq {seq}: stored payload is not valid JSON; run verify") from None
    return Event(seq, ts, kind, run_id, parsed, prev_hash, digest)
