"""The PostgreSQL store: one ledger that processes on several hosts append to.

The tables are those of the SQLite file (``ledger_meta``, ``events``, ``head``, same columns),
made in the connection's current schema: the first schema of its ``search_path``, ``public``
unless the URL says otherwise (``?options=-csearch_path%3Dteam_a``). Several ledgers can share a
database, one schema each.

One chain, however many writers: each append is one transaction that first locks the head row
(``SELECT ... FOR UPDATE``), so appends from every connection take turns; a writer that dies
mid-append leaves an open transaction that the server rolls back, never half an append. A
commit is acknowledged only once PostgreSQL has made it durable (``synchronous_commit`` as the
server is configured, ``on`` by default). A writer waits at most ``LOCK_TIMEOUT_S`` for the
head, then fails (and the action it records does not run); a session idle inside a transaction
for ``IDLE_TIMEOUT_S`` is ended by the server, so a stopped writer cannot hold the head for ever.

Append-only, as far as the database allows: triggers refuse UPDATE, DELETE and TRUNCATE on the
events and the metadata, deleting the head, and moving the head backwards. They bind everyone,
the tables' owner included, but the owner (or a superuser) can drop them; so give the processes
that record a role that does not own the tables and may only read and insert (README, "PostgreSQL
ledger"). As with SQLite, what a role that owns the tables could rewrite is what the hash chain,
the head's HMAC and external checkpoints detect.

The driver is psycopg 3 (``pip install 'forethought[postgres]'``). Passwords written in the URL
never appear in messages: the ledger is named by :func:`~forethought.ledger.config.redact_url`.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from forethought.ledger.chain import GENESIS_HASH, head_hmac
from forethought.ledger.config import redact_url, scrub
from forethought.ledger.errors import LedgerError, LedgerMissing
from forethought.ledger.schema import FORMAT_NAME, SCHEMA_VERSION
from forethought.ledger.storage import HeadRow, Row

if TYPE_CHECKING:
    import psycopg
    from psycopg import Connection as _Connection

COLUMNS = "seq, ts, kind, run_id, payload, prev_hash, hash"
_INSERT = f"INSERT INTO events ({COLUMNS}) VALUES (%s, %s, %s, %s, %s, %s, %s)"
LOCK_TIMEOUT_S = 30
IDLE_TIMEOUT_S = 60
CONNECT_TIMEOUT_S = 10
_VERIFY_FETCH = 2000

_TABLES = (
    "CREATE TABLE ledger_meta (key text PRIMARY KEY, value text NOT NULL)",
    """CREATE TABLE events (
        seq bigint PRIMARY KEY,
        ts double precision NOT NULL,
        kind text NOT NULL,
        run_id text,
        payload bytea NOT NULL,
        prev_hash text NOT NULL,
        hash text NOT NULL
    )""",
    "CREATE INDEX events_by_run ON events (run_id, seq)",
    # The anchor outside the event rows: without it, deleting the last rows leaves a valid chain.
    """CREATE TABLE head (
        id integer PRIMARY KEY CHECK (id = 1),
        seq bigint NOT NULL,
        hash text NOT NULL,
        hmac text
    )""",
)

_GUARD_FUNCTIONS = (
    """CREATE OR REPLACE FUNCTION forethought_append_only() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        RAISE EXCEPTION 'forethought ledger % are append-only (% refused)', TG_TABLE_NAME, TG_OP;
    END $$""",
    """CREATE OR REPLACE FUNCTION forethought_head_forward_only() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP <> 'UPDATE' THEN
            RAISE EXCEPTION 'forethought ledger head cannot be removed (% refused)', TG_OP;
        END IF;
        IF NEW.id <> OLD.id OR NEW.seq < OLD.seq
                OR (NEW.seq = OLD.seq AND NEW.hash <> OLD.hash) THEN
            RAISE EXCEPTION 'forethought ledger head only moves forward (seq % to %)',
                OLD.seq, NEW.seq;
        END IF;
        RETURN NEW;
    END $$""",
)

# name -> (table, CREATE TRIGGER statement)
_GUARD_TRIGGERS: dict[str, tuple[str, str]] = {
    "events_no_update": (
        "events",
        "CREATE TRIGGER events_no_update BEFORE UPDATE ON events "
        "FOR EACH ROW EXECUTE FUNCTION forethought_append_only()",
    ),
    "events_no_delete": (
        "events",
        "CREATE TRIGGER events_no_delete BEFORE DELETE ON events "
        "FOR EACH ROW EXECUTE FUNCTION forethought_append_only()",
    ),
    "events_no_truncate": (
        "events",
        "CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON events "
        "FOR EACH STATEMENT EXECUTE FUNCTION forethought_append_only()",
    ),
    "ledger_meta_no_change": (
        "ledger_meta",
        "CREATE TRIGGER ledger_meta_no_change BEFORE UPDATE OR DELETE ON ledger_meta "
        "FOR EACH ROW EXECUTE FUNCTION forethought_append_only()",
    ),
    "ledger_meta_no_truncate": (
        "ledger_meta",
        "CREATE TRIGGER ledger_meta_no_truncate BEFORE TRUNCATE ON ledger_meta "
        "FOR EACH STATEMENT EXECUTE FUNCTION forethought_append_only()",
    ),
    "head_forward_only": (
        "head",
        "CREATE TRIGGER head_forward_only BEFORE UPDATE OR DELETE ON head "
        "FOR EACH ROW EXECUTE FUNCTION forethought_head_forward_only()",
    ),
    "head_no_truncate": (
        "head",
        "CREATE TRIGGER head_no_truncate BEFORE TRUNCATE ON head "
        "FOR EACH STATEMENT EXECUTE FUNCTION forethought_head_forward_only()",
    ),
}

_OUR_TABLES = ("ledger_meta", "events", "head")

_TABLES_HERE = """
    SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')
      AND c.relname = ANY(%s)
"""
_LIVE_TRIGGERS = """
    SELECT t.tgname FROM pg_trigger t
    JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = current_schema() AND NOT t.tgisinternal AND t.tgenabled <> 'D'
"""


def _driver() -> Any:
    try:
        import psycopg
    except ModuleNotFoundError as exc:
        if (exc.name or "").split(".")[0] != "psycopg":
            raise
        raise LedgerError(
            "a postgresql:// ledger needs the PostgreSQL driver psycopg: "
            "pip install 'forethought[postgres]'"
        ) from None
    return psycopg


def _page_query(
    run_id: str | None, kinds: list[str] | None, after_seq: int, limit: int
) -> tuple[str, tuple[Any, ...]]:
    conditions: list[str] = []
    filters: list[Any] = []
    if run_id is not None:
        conditions.append("run_id = %s")
        filters.append(run_id)
    if kinds is not None:
        conditions.append("kind = ANY(%s)")
        filters.append(kinds)
    conditions.append("seq > %s")
    query = f"SELECT {COLUMNS} FROM events WHERE {' AND '.join(conditions)} ORDER BY seq LIMIT %s"
    return query, (*filters, after_seq, limit)


class _Tx:
    """A Snapshot (and, inside :meth:`PostgresStore.writing`, a WriteTx) on one connection."""

    def __init__(
        self, conn: psycopg.Connection[Any], store: PostgresStore, head: Any = None
    ) -> None:
        self.conn = conn
        self.store = store
        self._locked_head = head  # the head row as the write lock found it (one round trip)

    def head(self) -> HeadRow | None:
        row, self._locked_head = self._locked_head, None
        if row is None:
            row = self._one("SELECT seq, hash, hmac FROM head WHERE id = 1")
        return None if row is None else (row[0], row[1], row[2])

    def rows(self) -> Iterator[tuple[Any, ...]]:
        psycopg = _driver()
        try:
            # A server-side cursor: millions of rows are streamed, not loaded at once.
            # Binary results: bytea arrives as bytes, not hex text to decode.
            with self.conn.cursor(name="forethought_rows", binary=True) as cur:
                cur.itersize = _VERIFY_FETCH
                cur.execute(f"SELECT {COLUMNS} FROM events ORDER BY seq")
                yield from cur
        except psycopg.Error as exc:
            raise LedgerError(f"ledger unreadable: {self.store.why(exc)}") from None

    def hash_at(self, seq: int) -> tuple[Any] | None:
        row = self._one("SELECT hash FROM events WHERE seq = %s", (seq,))
        return None if row is None else (row[0],)

    def count(self) -> int:
        row = self._one("SELECT COUNT(*) FROM events")
        return int(row[0]) if row else 0

    def page(
        self, run_id: str | None, kinds: list[str] | None, after_seq: int, limit: int
    ) -> list[Row]:
        psycopg = _driver()
        query, params = _page_query(run_id, kinds, after_seq, limit)
        try:
            return self.conn.execute(query, params, binary=True).fetchall()
        except psycopg.Error as exc:
            raise LedgerError(f"ledger unreadable: {self.store.why(exc)}") from None

    def insert(self, rows: Sequence[Row]) -> None:
        self._locked_head = None
        if len(rows) == 1:
            self.conn.execute(_INSERT, rows[0])
        elif rows:
            with self.conn.cursor() as cur:
                cur.executemany(_INSERT, rows)

    def set_head(self, seq: int, digest: str, mac: str | None) -> None:
        self._locked_head = None
        self.conn.execute(
            "UPDATE head SET seq = %s, hash = %s, hmac = %s WHERE id = 1", (seq, digest, mac)
        )

    def _one(self, query: str, params: tuple[Any, ...] = ()) -> Any:
        psycopg = _driver()
        try:
            return self.conn.execute(query, params).fetchone()
        except psycopg.Error as exc:
            raise LedgerError(f"ledger unreadable: {self.store.why(exc)}") from None


class PostgresStore:
    """The ledger's rows in a PostgreSQL database (see :mod:`forethought.ledger.storage`)."""

    def __init__(self, url: str, *, hmac_key: bytes | None, read_only: bool) -> None:
        self._url = url
        self.location = redact_url(url)
        self.path: Path | None = None
        self.lock = threading.RLock()
        self.read_only = read_only
        self._conn: psycopg.Connection[Any] | None = self._connect(read_only=read_only)
        try:
            self._prepare(hmac_key)
        except BaseException:
            self.close()
            raise

    def why(self, exc: BaseException) -> str:
        """A driver's error as one line, without any password from the URL."""
        diag = getattr(exc, "diag", None)
        primary = getattr(diag, "message_primary", None) if diag is not None else None
        return scrub(primary or str(exc) or type(exc).__name__, self._url)

    # -- connections ---------------------------------------------------------------------------

    def _connect(self, *, read_only: bool) -> psycopg.Connection[Any]:
        psycopg = _driver()
        from psycopg.conninfo import conninfo_to_dict

        try:
            given = conninfo_to_dict(self._url)
        except psycopg.Error as exc:
            raise LedgerError(f"not a PostgreSQL URL: {self.location}: {self.why(exc)}") from None
        extra: dict[str, Any] = {}
        if "connect_timeout" not in given:
            extra["connect_timeout"] = CONNECT_TIMEOUT_S
        if "application_name" not in given:
            extra["application_name"] = "forethought"
        try:
            conn: _Connection[Any] = psycopg.connect(self._url, autocommit=True, **extra)
        except psycopg.Error as exc:
            text = str(exc)
            if read_only and 'database "' in text and "does not exist" in text:
                raise LedgerMissing(
                    f"no ledger at {self.location} ({self.why(exc)}; nothing was created; "
                    "check --ledger or $FORETHOUGHT_LEDGER)"
                ) from None
            raise LedgerError(f"cannot open ledger {self.location}: {self.why(exc)}") from None
        try:
            conn.execute(f"SET lock_timeout = '{LOCK_TIMEOUT_S}s'")
            # A writer that stops (SIGSTOP, a hung host) while holding the head row does not
            # hold up every other writer for ever: the server ends its transaction.
            conn.execute(f"SET idle_in_transaction_session_timeout = '{IDLE_TIMEOUT_S}s'")
            if read_only:
                conn.execute("SET default_transaction_read_only = on")
        except psycopg.Error as exc:
            conn.close()
            raise LedgerError(f"cannot open ledger {self.location}: {self.why(exc)}") from None
        return conn

    def _connection(self) -> psycopg.Connection[Any]:
        if self._conn is None:
            raise LedgerError(f"ledger is closed: {self.location}")
        if self._conn.broken:  # the server restarted or the network dropped: connect anew
            self._conn.close()
            self._conn = self._connect(read_only=self.read_only)
        return self._conn

    def close(self) -> None:
        with self.lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    # -- schema --------------------------------------------------------------------------------

    def _prepare(self, hmac_key: bytes | None) -> None:
        psycopg = _driver()
        conn = self._connection()
        try:
            tables = self._tables(conn)
            if not tables:
                if self.read_only:
                    raise LedgerMissing(
                        f"no ledger at {self.location} (nothing was created; check --ledger or "
                        "$FORETHOUGHT_LEDGER)"
                    )
                self._create(conn, hmac_key)
                tables = self._tables(conn)
            self._check(conn, tables)
            if not self.read_only:
                self._guard(conn)
        except psycopg.Error as exc:
            raise LedgerError(f"cannot open ledger {self.location}: {self.why(exc)}") from None

    def _tables(self, conn: psycopg.Connection[Any]) -> set[str]:
        return {name for (name,) in conn.execute(_TABLES_HERE, (list(_OUR_TABLES),))}

    def _lock_schema(self, conn: psycopg.Connection[Any]) -> None:
        # Processes opening a new ledger at once: one creates it, the others wait and find it.
        conn.execute(
            "SELECT pg_advisory_xact_lock(hashtextextended('forethought ledger schema ' "
            "|| coalesce(current_schema(), ''), 0))"
        )

    def _create(self, conn: psycopg.Connection[Any], hmac_key: bytes | None) -> None:
        (schema,) = conn.execute("SELECT current_schema()").fetchone() or (None,)
        if schema is None:
            raise LedgerError(
                f"cannot create ledger {self.location}: no schema to create it in (the "
                "search_path names none that exists; create the schema first)"
            )
        psycopg = _driver()
        try:
            with conn.transaction():
                self._lock_schema(conn)
                if self._tables(conn):  # another process made it while we waited
                    return
                for statement in (*_TABLES, *_GUARD_FUNCTIONS):
                    conn.execute(statement)
                for _, statement in _GUARD_TRIGGERS.values():
                    conn.execute(statement)
                with conn.cursor() as cur:
                    cur.executemany(
                        "INSERT INTO ledger_meta (key, value) VALUES (%s, %s)",
                        [("format", FORMAT_NAME), ("schema_version", str(SCHEMA_VERSION))],
                    )
                mac = head_hmac(hmac_key, 0, GENESIS_HASH) if hmac_key else None
                conn.execute(
                    "INSERT INTO head (id, seq, hash, hmac) VALUES (1, 0, %s, %s)",
                    (GENESIS_HASH, mac),
                )
        except psycopg.errors.InsufficientPrivilege as exc:
            raise LedgerError(
                f"cannot create ledger {self.location}: {self.why(exc)} (create it once as the "
                "role that should own it; see the README's PostgreSQL ledger section)"
            ) from None

    def _check(self, conn: psycopg.Connection[Any], tables: set[str]) -> None:
        if "ledger_meta" not in tables:
            raise LedgerError(
                f"not a forethought ledger: {self.location} has a table named "
                f"{sorted(tables)[0]!r} but no ledger_meta (another application's?)"
            )
        meta = dict(conn.execute("SELECT key, value FROM ledger_meta").fetchall())
        if meta.get("format") != FORMAT_NAME:
            raise LedgerError(
                f"not a forethought ledger (format {meta.get('format')!r}): {self.location}"
            )
        if meta.get("schema_version") != str(SCHEMA_VERSION):
            raise LedgerError(
                f"unsupported ledger schema version {meta.get('schema_version')!r} "
                f"(this forethought reads {SCHEMA_VERSION}): {self.location}"
            )
        for table in ("events", "head"):
            if table not in tables:
                raise LedgerError(
                    f"ledger schema incomplete, table {table!r} is missing: {self.location}"
                )

    def _guard(self, conn: psycopg.Connection[Any]) -> None:
        """Restore append-only triggers found dropped or disabled; a role that may not is told
        so and not let write."""
        live = {name for (name,) in conn.execute(_LIVE_TRIGGERS)}
        missing = [name for name in _GUARD_TRIGGERS if name not in live]
        if not missing:
            return
        psycopg = _driver()
        try:
            with conn.transaction():
                self._lock_schema(conn)
                for statement in _GUARD_FUNCTIONS:
                    conn.execute(statement)
                for name in missing:
                    table, statement = _GUARD_TRIGGERS[name]
                    conn.execute(f"DROP TRIGGER IF EXISTS {name} ON {table}")
                    conn.execute(statement)
        except psycopg.errors.InsufficientPrivilege:
            raise LedgerError(
                f"ledger {self.location}: the append-only triggers {', '.join(missing)} are "
                "missing or disabled and this role may not restore them; the tables' owner "
                "must (open the ledger once as the owner)"
            ) from None

    # -- the Store interface -------------------------------------------------------------------

    @contextmanager
    def writing(self, action: str) -> Iterator[_Tx]:
        psycopg = _driver()
        with self.lock:
            conn = self._connection()
            try:
                with conn.transaction():
                    # Every writer locks the head row first: appends take turns, one chain.
                    head = conn.execute(
                        "SELECT seq, hash, hmac FROM head WHERE id = 1 FOR UPDATE"
                    ).fetchone()
                    yield _Tx(conn, self, head)
            except psycopg.errors.UniqueViolation as exc:
                raise LedgerError(
                    f"cannot {action} ledger {self.location}: the head record is behind the "
                    f"event rows ({self.why(exc)}); run verify"
                ) from None
            except psycopg.errors.LockNotAvailable:
                raise LedgerError(
                    f"ledger {self.location} stayed locked for {LOCK_TIMEOUT_S} s"
                ) from None
            except psycopg.Error as exc:
                raise LedgerError(
                    f"cannot {action} ledger {self.location}: {self.why(exc)}"
                ) from None

    @contextmanager
    def snapshot(self) -> Iterator[_Tx]:
        psycopg = _driver()
        if self.read_only:  # nobody appends through this store; read on its own connection
            with self.lock:
                yield from self._snapshot_on(self._connection(), psycopg)
            return
        conn = self._connect(read_only=True)
        try:
            yield from self._snapshot_on(conn, psycopg)
        finally:
            conn.close()

    def _snapshot_on(self, conn: psycopg.Connection[Any], psycopg: Any) -> Iterator[_Tx]:
        try:
            with conn.transaction():
                conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                yield _Tx(conn, self)
        except psycopg.Error as exc:
            raise LedgerError(f"ledger unreadable: {self.why(exc)}") from None

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
        psycopg = _driver()
        with self.lock:
            try:
                return self._connection().execute(query, params, binary=True).fetchall()
            except psycopg.Error as exc:
                raise LedgerError(f"cannot read ledger {self.location}: {self.why(exc)}") from None
