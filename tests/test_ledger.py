"""The ledger: round trips, verification against tampering, concurrency, bad input."""

from __future__ import annotations

import hashlib
import io
import itertools
import math
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

import orjson
import platformdirs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import _postgres
from forethought.ledger import (
    GENESIS_HASH,
    Event,
    Ledger,
    LedgerConflict,
    LedgerError,
    VerifyReport,
    default_ledger_path,
    export_jsonl,
)
from forethought.ledger.chain import (
    canonical_json,
    encode_payload,
    event_hash,
    head_hmac,
    record_bytes,
)
from forethought.ledger.config import LedgerTarget

KEY = b"administrator's secret key"


def fill(ledger: Ledger, count: int, run_id: str | None = "run-1") -> list[Event]:
    return ledger.append_many(
        ("observation", {"step": i, "text": f"event {i}"}, run_id) for i in range(1, count + 1)
    )


class _PostgresAttacker:
    """Raw SQL on a PostgreSQL ledger as its superuser, the guard triggers not firing; the
    statements are the SQLite ones, translated (``?``, ``X'..'`` and BLOB)."""

    def __init__(self, conn: Any) -> None:
        self.conn = conn

    def execute(self, sql: str, params: tuple[Any, ...] = ()) -> Any:
        sql = re.sub(r"X'([0-9A-Fa-f]*)'", lambda m: f"'\\x{m.group(1)}'::bytea", sql)
        sql = sql.replace("AS BLOB", "AS bytea").replace("?", "%s")
        return self.conn.execute(sql, params or None)


@contextmanager
def attacker(target: LedgerTarget) -> Iterator[Any]:
    """Raw SQL on the ledger, with the append-only guard triggers out of the way."""
    if isinstance(target, str):
        import psycopg

        with psycopg.connect(target, autocommit=True) as pg:
            pg.execute("SET session_replication_role = replica")  # triggers do not fire
            yield _PostgresAttacker(pg)
        return
    conn = sqlite3.connect(target, isolation_level=None)
    conn.execute("DROP TRIGGER IF EXISTS events_no_update")
    conn.execute("DROP TRIGGER IF EXISTS events_no_delete")
    try:
        yield conn
    finally:
        conn.close()


def rehash_from(conn: Any, first_seq: int) -> None:
    """What an attacker without the key can do: recompute the chain from first_seq and the head."""
    (prev,) = conn.execute(
        "SELECT COALESCE((SELECT hash FROM events WHERE seq = ?), ?)", (first_seq - 1, GENESIS_HASH)
    ).fetchone()
    rows = conn.execute(
        "SELECT seq, ts, kind, run_id, payload FROM events WHERE seq >= ? ORDER BY seq",
        (first_seq,),
    ).fetchall()
    for seq, ts, kind, run_id, payload in rows:
        digest = event_hash(prev, seq, ts, kind, run_id, payload)
        conn.execute("UPDATE events SET prev_hash = ?, hash = ? WHERE seq = ?", (prev, digest, seq))
        prev = digest
    (last,) = conn.execute("SELECT MAX(seq) FROM events").fetchone()
    conn.execute("UPDATE head SET seq = ?, hash = ?", (last or 0, prev))


def problems_about(report: VerifyReport, seq: int) -> list[str]:
    return [p for p in report.problems if p.startswith(f"seq {seq}:") or f"seq {seq}.." in p]


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "ledger.db"


@pytest.fixture(params=["sqlite", "postgresql"])
def target(request: pytest.FixtureRequest, path: Path) -> Iterator[LedgerTarget]:
    """Where a ledger lives, once for each store: a SQLite file, and a schema of its own in a
    throwaway PostgreSQL server (skipped, saying why, where none can be started)."""
    if request.param == "sqlite":
        yield path
        return
    server = _postgres.server()
    with _postgres.fresh_schema(server) as schema:
        yield server.schema_url(schema)


@pytest.fixture
def ledger(target: LedgerTarget) -> Iterator[Ledger]:
    with Ledger(target) as opened:
        yield opened


@pytest.fixture
def sqlite_ledger(path: Path) -> Iterator[Ledger]:
    with Ledger(path) as opened:
        yield opened


# -- round trip ----------------------------------------------------------------------------------


def test_append_returns_the_event_that_is_read_back(ledger: Ledger) -> None:
    payload = {"tool": "shell", "args": {"cmd": "ls -la"}, "score": 0.1, "ok": True, "n": None}
    event = ledger.append("proposal", payload, run_id="run-1")
    assert (event.seq, event.kind, event.run_id, event.payload) == (1, "proposal", "run-1", payload)
    assert event.prev_hash == GENESIS_HASH
    assert abs(event.ts - time.time()) < 5
    assert list(ledger.events()) == [event]
    assert ledger.head() == (1, event.hash)
    assert event.to_dict() == {
        "seq": 1,
        "ts": event.ts,
        "kind": "proposal",
        "run_id": "run-1",
        "payload": payload,
        "prev_hash": GENESIS_HASH,
        "hash": event.hash,
    }


def test_payload_is_a_copy_not_the_callers_dict(ledger: Ledger) -> None:
    payload: dict[str, Any] = {"items": [1]}
    event = ledger.append("observation", payload)
    payload["items"].append(2)
    assert event.payload == {"items": [1]}


def test_hash_is_sha256_of_prev_hash_and_canonical_json(ledger: Ledger) -> None:
    first, second = ledger.append_many([("proposal", {"b": 2.5, "a": "x"}, None)] * 2)
    record = {
        "seq": 2,
        "ts": second.ts,
        "kind": "proposal",
        "run_id": None,
        "payload": {"a": "x", "b": 2.5},
    }
    expected = hashlib.sha256(
        first.hash.encode() + orjson.dumps(record, option=orjson.OPT_SORT_KEYS)
    ).hexdigest()
    assert second.prev_hash == first.hash
    assert second.hash == expected


def test_record_bytes_is_the_canonical_json_of_the_record() -> None:
    payload = {"z": [1, 2.0, None, {"é": "\u2028"}], "a": -0.0}
    spliced = record_bytes(7, 1_700_000_000.123456, "review", "run-ü", canonical_json(payload))
    whole = {
        "seq": 7,
        "ts": 1_700_000_000.123456,
        "kind": "review",
        "run_id": "run-ü",
        "payload": payload,
    }
    assert spliced == canonical_json(whole)
    assert record_bytes(1, 0.5, "k", None, b"{}") == canonical_json(
        {"seq": 1, "ts": 0.5, "kind": "k", "run_id": None, "payload": {}}
    )


def test_events_filters_and_pages(ledger: Ledger) -> None:
    ledger.append_many(
        (("proposal" if i % 2 else "review"), {"i": i}, f"run-{i % 3}") for i in range(1, 1301)
    )
    assert [e.seq for e in ledger.events()] == list(range(1, 1301))
    assert [e.seq for e in ledger.events(after_seq=1000, limit=5)] == [1001, 1002, 1003, 1004, 1005]
    assert len(list(ledger.events(limit=1100))) == 1100
    run_1 = list(ledger.events(run_id="run-1"))
    assert [e.payload["i"] for e in run_1] == list(range(1, 1301, 3))
    reviews = list(ledger.events(kinds={"review"}, run_id="run-0"))
    assert all(e.kind == "review" and e.payload["i"] % 6 == 0 for e in reviews)
    assert len(reviews) == 1300 // 6
    assert [e.kind for e in ledger.events(kinds="proposal", limit=2)] == ["proposal"] * 2
    assert list(ledger.events(kinds=[])) == []
    assert list(ledger.events(limit=0)) == []


def test_runs_summarises_each_run(ledger: Ledger) -> None:
    a1 = ledger.append("proposal", {}, run_id="a")
    ledger.append("proposal", {}, run_id="b")
    ledger.append("note", {})
    a3 = ledger.append("decision", {}, run_id="a")
    runs = ledger.runs()
    assert [r["run_id"] for r in runs] == ["a", "b"]
    assert runs[0] == {
        "run_id": "a",
        "first_seq": 1,
        "last_seq": 4,
        "first_ts": a1.ts,
        "last_ts": a3.ts,
        "events": 2,
    }


def test_empty_ledger(ledger: Ledger) -> None:
    assert ledger.head() == (0, GENESIS_HASH)
    assert list(ledger.events()) == []
    assert ledger.runs() == []
    assert ledger.verify() == VerifyReport(ok=True, checked=0, problems=[])


def test_reopening_continues_the_chain(target: LedgerTarget) -> None:
    with Ledger(target) as first:
        fill(first, 3)
    with Ledger(target) as second:
        event = second.append("observation", {})
        assert event.seq == 4
        assert second.verify().ok


def test_threads_sharing_one_ledger(ledger: Ledger) -> None:
    def write(name: str) -> None:
        for i in range(100):
            ledger.append("observation", {"i": i}, run_id=name)

    threads = [threading.Thread(target=write, args=(f"t{n}",)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    report = ledger.verify()
    assert report.ok, report.problems
    assert report.checked == 400


def test_append_unless_looks_inside_the_write_transaction(target: LedgerTarget) -> None:
    """Two writers on their own connections append "the answer to r1" unless one is there: the
    second waits for the first's transaction and then finds its answer, so only one is kept."""
    with Ledger(target) as ledger:
        asked = ledger.append("request", {"id": "r1"})

    def unless_answered(holding: threading.Event | None) -> Any:
        def refuse(answers: Iterator[Event]) -> str | None:
            found = next((e for e in answers if e.payload["id"] == "r1"), None)
            if holding is not None:  # the first writer holds its transaction open a moment
                holding.set()
                time.sleep(0.5)
            return None if found is None else f"answered by {found.payload['who']}"

        return refuse

    inside = threading.Event()
    results: dict[str, str] = {}

    def answer(who: str, holding: threading.Event | None) -> None:
        with Ledger(target) as own:
            try:
                own.append_unless(
                    "answer", {"id": "r1", "who": who}, refuse=unless_answered(holding),
                    kinds=["answer"], after_seq=asked.seq,
                )  # fmt: skip
                results[who] = "kept"
            except LedgerConflict as exc:
                results[who] = str(exc)

    first = threading.Thread(target=answer, args=("alice", inside))
    first.start()
    assert inside.wait(10)
    answer("bob", None)  # looked while alice's transaction was open
    first.join(10)
    assert results == {"alice": "kept", "bob": "answered by alice"}
    with Ledger(target) as ledger:
        assert [e.payload["who"] for e in ledger.events(kinds=["answer"])] == ["alice"]
        assert ledger.verify().ok


def test_export_jsonl_lines_can_be_rehashed(ledger: Ledger) -> None:
    fill(ledger, 3, run_id="a")
    fill(ledger, 2, run_id="b")
    out = io.StringIO()
    assert export_jsonl(ledger, out) == 5
    lines = [orjson.loads(line) for line in out.getvalue().splitlines()]
    assert lines == [e.to_dict() for e in ledger.events()]
    for line in lines:
        payload = canonical_json(line["payload"])
        rehashed = event_hash(
            line["prev_hash"], line["seq"], line["ts"], line["kind"], line["run_id"], payload
        )
        assert rehashed == line["hash"]
    only_b = io.StringIO()
    assert export_jsonl(ledger, only_b, run_id="b") == 2
    assert [orjson.loads(x)["seq"] for x in only_b.getvalue().splitlines()] == [4, 5]


JSON_TEXT = st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=20)
JSON_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**63), max_value=2**64 - 1)
    | st.floats(allow_nan=False, allow_infinity=False)
    | JSON_TEXT
)
JSON_VALUES = st.recursive(
    JSON_SCALARS,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(JSON_TEXT, children, max_size=4)
    ),
    max_leaves=20,
)
PAYLOADS = st.dictionaries(JSON_TEXT, JSON_VALUES, max_size=6)
# kind and run_id: text without NUL, which PostgreSQL's text cannot hold (payloads may have it)
NAMES = JSON_TEXT.filter(lambda text: "\x00" not in text)


def test_random_payloads_round_trip_and_verify(target: LedgerTarget) -> None:
    ledger = Ledger(target)

    @settings(max_examples=150, deadline=None)
    @given(payload=PAYLOADS, kind=NAMES.filter(bool), run_id=st.none() | NAMES)
    def append_and_read(payload: dict[str, Any], kind: str, run_id: str | None) -> None:
        event = ledger.append(kind, payload, run_id=run_id)
        (stored,) = ledger.events(after_seq=event.seq - 1, limit=1)
        assert stored == event
        assert stored.payload == payload
        assert canonical_json(stored.payload) == canonical_json(payload)

    append_and_read()
    report = ledger.verify()
    assert report.ok, report.problems
    ledger.close()


# -- bad input -----------------------------------------------------------------------------------


class _ClaimsNones(dict[str, Any]):
    """A dict whose ``values()`` claims Nones that orjson, reading the dict itself, never sees."""

    def values(self) -> Any:
        return [None] * 8


NON_FINITE = st.sampled_from([float("nan"), float("inf"), float("-inf")])
ANY_FLOATS = st.floats(allow_nan=True, allow_infinity=True) | NON_FINITE
PAYLOADS_ANY_FLOAT = st.dictionaries(
    JSON_TEXT | st.just("null"),
    st.recursive(
        JSON_SCALARS | ANY_FLOATS | st.sampled_from(["null", "/dev/null", 'a":null']),
        lambda children: (
            st.lists(children, max_size=4)
            | st.tuples(children)
            | st.dictionaries(JSON_TEXT, children, max_size=4)
        ),
        max_leaves=20,
    ),
    max_size=6,
)


@settings(max_examples=400, deadline=None)
@given(payload=PAYLOADS_ANY_FLOAT, parse=st.booleans())
def test_a_payload_is_refused_exactly_when_it_holds_nan_or_infinity(
    payload: dict[str, Any], parse: bool
) -> None:
    """Whatever finds them (a count of nulls, a comparison, a walk), a NaN or an infinity
    anywhere is refused and nothing else is; the bytes are canonical JSON either way."""
    holds = _holds_non_finite(payload)
    if holds:
        with pytest.raises(LedgerError, match="NaN or infinity"):
            encode_payload(payload, parse)
    else:
        encoded, parsed = encode_payload(payload, parse)
        assert encoded == orjson.dumps(payload, option=orjson.OPT_SORT_KEYS)
        assert parsed == (orjson.loads(encoded) if parse else None)


def _holds_non_finite(value: Any) -> bool:
    if isinstance(value, float):
        return not math.isfinite(value)
    if isinstance(value, dict):
        return any(_holds_non_finite(v) for v in value.values())
    if isinstance(value, list | tuple):
        return any(_holds_non_finite(v) for v in value)
    return False


@pytest.mark.parametrize(
    "bad_payload",
    [
        {"x": float("nan"), "y": None},
        {"nested": ({"a": None}, [1, {"y": float("-inf")}])},  # a tuple: no equal copy
        {"deep": [[({"z": ["a", 2, True, None, float("nan")]},)]], "ok": 0.5},
        {"sub": OrderedDict(a=None, y=float("inf"))},  # a dict subclass, written as a dict
        # as many "null" in the JSON as Nones at the top: only with strings that say "null"
        {"a": None, "b": None, "x": float("nan"), "s": "/dev/null"},
        {"a": None, "l": [float("inf")]},
        _ClaimsNones(x=float("nan")),
    ],
)
def test_recording_without_a_copy_still_refuses_nan_and_infinity(
    ledger: Ledger, bad_payload: Any
) -> None:
    """The Gate records without asking for the events back (returning=False): the payload is
    searched for NaN and infinities directly, and refused the same way."""
    fill(ledger, 2)
    head = ledger.head()
    with pytest.raises(LedgerError, match="NaN or infinity"):
        ledger.append_many([("review", bad_payload, "r")], returning=False)
    assert ledger.head() == head
    ledger.append_many([("review", {"ok": None, "t": (1.5, None)}, "r")], returning=False)
    assert ledger.head() != head


@pytest.mark.parametrize(
    "bad_payload",
    [
        {"x": float("nan")},
        {"nested": [1, {"y": float("inf")}]},
        {"a": None, "x": float("-inf"), "s": "null"},
        _ClaimsNones(x=float("nan")),
        {"when": datetime(2024, 1, 1)},
        {"s": {1, 2}},
        {1: "non-string key"},
        {"big": 2**70},
        {"surrogate": "\ud800"},
        ["not", "a", "dict"],
    ],
)
def test_append_many_is_atomic_when_a_payload_is_bad(ledger: Ledger, bad_payload: Any) -> None:
    fill(ledger, 2)
    head = ledger.head()
    items = [
        ("proposal", {"ok": 1}, "r"),
        ("review", bad_payload, "r"),
        ("decision", {"ok": 3}, "r"),
    ]
    with pytest.raises(LedgerError, match="payload"):
        ledger.append_many(items)
    with pytest.raises(LedgerError):
        ledger.append("review", bad_payload)
    assert ledger.head() == head
    assert len(list(ledger.events())) == 2
    assert ledger.verify().ok


@pytest.mark.parametrize(
    ("kind", "run_id"),
    [
        ("", None),
        (3, None),
        ("proposal", 42),
        ("\ud800", None),
        ("x", "\udfff"),
        ("a\x00b", None),
        ("x", "run\x00"),
    ],
)
def test_bad_kind_or_run_id_is_refused(ledger: Ledger, kind: Any, run_id: Any) -> None:
    with pytest.raises(LedgerError):
        ledger.append(kind, {}, run_id=run_id)
    assert ledger.head() == (0, GENESIS_HASH)


def test_append_many_rolls_back_when_the_database_refuses(
    ledger: Ledger, target: LedgerTarget
) -> None:
    fill(ledger, 2)
    with attacker(target) as conn:
        # A row squatting on the next seq: the second insert of the batch collides with it.
        conn.execute(
            "INSERT INTO events VALUES (4, 0.0, 'x', NULL, X'7B7D', ?, ?)", ("0" * 64, "0" * 64)
        )
    with pytest.raises(LedgerError, match="behind the event rows"):
        ledger.append_many([("a", {}, None), ("b", {}, None)])
    assert ledger.head()[0] == 2
    assert [e.seq for e in ledger.events()] == [1, 2, 4]


def test_directory_path_is_refused(tmp_path: Path) -> None:
    with pytest.raises(LedgerError, match="directory") as raised:
        Ledger(tmp_path)
    assert str(tmp_path) in str(raised.value)


def test_file_that_is_not_a_database_is_refused(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("these are not the rows you are looking for\n" * 100)
    with pytest.raises(LedgerError, match="not a ledger database") as raised:
        Ledger(notes)
    assert str(notes) in str(raised.value)
    assert "\n" not in str(raised.value)


def test_database_of_another_application_is_refused(tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
    with pytest.raises(LedgerError, match="not a forethought ledger") as raised:
        Ledger(other)
    assert str(other) in str(raised.value)


def test_parent_directories_are_created(tmp_path: Path) -> None:
    with Ledger(tmp_path / "a" / "b" / "ledger.db") as ledger:
        ledger.append("note", {})
    assert (tmp_path / "a" / "b" / "ledger.db").is_file()


def test_closed_ledger_refuses_use(target: LedgerTarget) -> None:
    ledger = Ledger(target)
    ledger.close()
    ledger.close()
    with pytest.raises(LedgerError, match="closed"):
        ledger.append("note", {})
    with pytest.raises(LedgerError, match="closed"):
        ledger.verify()


def test_key_must_be_bytes(target: LedgerTarget) -> None:
    with pytest.raises(LedgerError, match="bytes"):
        Ledger(target, hmac_key="text")  # type: ignore[arg-type]


def test_deleted_file_is_reported_not_recreated(sqlite_ledger: Ledger, path: Path) -> None:
    fill(sqlite_ledger, 2)
    path.unlink()
    report = sqlite_ledger.verify()
    assert not report.ok
    assert "ledger file missing" in report.problems[0]
    assert not path.exists()


def test_guard_triggers_refuse_update_and_delete(sqlite_ledger: Ledger, path: Path) -> None:
    fill(sqlite_ledger, 3)
    with sqlite3.connect(path) as conn:
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            conn.execute("UPDATE events SET kind = 'x' WHERE seq = 2")
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            conn.execute("DELETE FROM events WHERE seq = 3")


def test_file_uses_wal(sqlite_ledger: Ledger, path: Path) -> None:
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)


# -- configuration -------------------------------------------------------------------------------


def test_default_path_honours_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("FORETHOUGHT_LEDGER", raising=False)
    monkeypatch.delenv("FORETHOUGHT_LEDGER_KEY", raising=False)
    assert default_ledger_path() == platformdirs.user_data_path("forethought") / "ledger.db"
    configured = tmp_path / "elsewhere" / "my.db"
    monkeypatch.setenv("FORETHOUGHT_LEDGER", str(configured))
    assert default_ledger_path() == configured
    with Ledger.open() as ledger:
        assert ledger.path == configured
        ledger.append("note", {})
        assert "hmac" not in ledger.checkpoint()
    assert configured.is_file()


@pytest.mark.parametrize(
    ("text", "key"), [("00ff10ab", bytes.fromhex("00ff10ab")), ("correct horse", b"correct horse")]
)
def test_open_takes_the_key_from_the_environment(
    target: LedgerTarget, monkeypatch: pytest.MonkeyPatch, text: str, key: bytes
) -> None:
    monkeypatch.setenv("FORETHOUGHT_LEDGER_KEY", text)
    with Ledger.open(target) as ledger:
        event = ledger.append("note", {})
        assert ledger.checkpoint()["hmac"] == head_hmac(key, 1, event.hash)
    assert Ledger(target, hmac_key=key).verify().ok


# -- tampering -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "edit",
    [
        'UPDATE events SET payload = CAST(\'{"step":5,"text":"harmless"}\' AS BLOB) WHERE seq = 5',
        "UPDATE events SET kind = 'note' WHERE seq = 5",
        "UPDATE events SET ts = ts + 1 WHERE seq = 5",
        "UPDATE events SET run_id = 'run-2' WHERE seq = 5",
        "UPDATE events SET run_id = NULL WHERE seq = 5",
    ],
)
def test_edited_event_is_named(ledger: Ledger, target: LedgerTarget, edit: str) -> None:
    fill(ledger, 10)
    with attacker(target) as conn:
        conn.execute(edit)
    report = ledger.verify()
    assert not report.ok
    assert report.checked == 10
    assert len(report.problems) == 1
    assert report.problems[0].startswith("seq 5: hash mismatch")


def test_edited_and_rehashed_event_breaks_the_link_to_the_next(
    ledger: Ledger, target: LedgerTarget
) -> None:
    fill(ledger, 10)
    with attacker(target) as conn:
        conn.execute("UPDATE events SET payload = CAST('{}' AS BLOB) WHERE seq = 5")
        ts, prev = conn.execute("SELECT ts, prev_hash FROM events WHERE seq = 5").fetchone()
        forged = event_hash(prev, 5, ts, "observation", "run-1", b"{}")
        conn.execute("UPDATE events SET hash = ? WHERE seq = 5", (forged,))
    report = ledger.verify()
    assert [p.split(":")[0] for p in report.problems] == ["seq 6"]
    assert "prev_hash" in report.problems[0]


def test_payload_of_the_wrong_type_is_reported_not_raised(
    sqlite_ledger: Ledger, path: Path
) -> None:
    fill(sqlite_ledger, 3)
    with attacker(path) as conn:
        conn.execute("UPDATE events SET payload = 'text, not bytes' WHERE seq = 2")
    report = sqlite_ledger.verify()
    assert report.problems == ["seq 2: malformed row (a column has the wrong type)"]


def test_deleted_middle_event_is_named(ledger: Ledger, target: LedgerTarget) -> None:
    fill(ledger, 10)
    with attacker(target) as conn:
        conn.execute("DELETE FROM events WHERE seq IN (5, 6)")
    report = ledger.verify()
    assert report.checked == 8
    assert len(report.problems) == 1
    assert report.problems[0].startswith("seq 5..6: missing")


def test_deleted_and_renumbered_events_are_caught(ledger: Ledger, target: LedgerTarget) -> None:
    fill(ledger, 10)
    with attacker(target) as conn:
        conn.execute("DELETE FROM events WHERE seq = 5")
        conn.execute("UPDATE events SET seq = seq - 1 WHERE seq > 5")
    report = ledger.verify()
    assert problems_about(report, 5)
    assert any("missing at the tail" in p for p in report.problems)


def test_swapped_payloads_are_named(ledger: Ledger, target: LedgerTarget) -> None:
    fill(ledger, 10)
    with attacker(target) as conn:
        p3, p7 = (
            conn.execute("SELECT payload FROM events WHERE seq = ?", (s,)).fetchone()[0]
            for s in (3, 7)
        )
        conn.execute("UPDATE events SET payload = ? WHERE seq = 3", (p7,))
        conn.execute("UPDATE events SET payload = ? WHERE seq = 7", (p3,))
    report = ledger.verify()
    assert [p.split(":")[0] for p in report.problems] == ["seq 3", "seq 7"]


def test_swapped_rows_are_named(ledger: Ledger, target: LedgerTarget) -> None:
    fill(ledger, 10)
    with attacker(target) as conn:
        conn.execute("UPDATE events SET seq = -1 WHERE seq = 3")
        conn.execute("UPDATE events SET seq = 3 WHERE seq = 7")
        conn.execute("UPDATE events SET seq = 7 WHERE seq = -1")
    report = ledger.verify()
    assert not report.ok
    assert {p.split(":")[0] for p in report.problems} == {"seq 3", "seq 4", "seq 7", "seq 8"}


def test_truncated_tail_is_caught_by_the_head_record(ledger: Ledger, target: LedgerTarget) -> None:
    fill(ledger, 10)
    with attacker(target) as conn:
        conn.execute("DELETE FROM events WHERE seq > 8")
    report = ledger.verify()
    assert report.problems == [
        "seq 9..10: missing at the tail (head record says the chain ends at seq 10, "
        "the last event is seq 8; truncated)"
    ]
    # The next append chains onto the head, so the gap stays visible instead of being papered over.
    assert ledger.append("note", {}).seq == 11
    assert ledger.verify().problems[0].startswith("seq 9..10: missing")


def test_truncation_with_a_rewritten_head_needs_a_key_or_checkpoint(
    ledger: Ledger, target: LedgerTarget
) -> None:
    fill(ledger, 10)
    mark = ledger.checkpoint()
    with attacker(target) as conn:
        conn.execute("DELETE FROM events WHERE seq > 8")
        rehash_from(conn, 9)
    # Without a key the file is self-consistent again: the documented limit.
    assert ledger.verify().ok
    report = ledger.verify(checkpoint=mark)
    assert report.problems == [
        "seq 10: checkpointed event missing (the chain ends at seq 8; truncated or rolled back)"
    ]


def test_keyed_truncation_is_caught(target: LedgerTarget) -> None:
    with Ledger(target, hmac_key=KEY) as ledger:
        fill(ledger, 10)
        assert ledger.verify().ok
        with attacker(target) as conn:
            conn.execute("DELETE FROM events WHERE seq > 7")
        assert ledger.verify().problems[0].startswith("seq 8..10: missing at the tail")


@pytest.mark.parametrize("forged_hmac", [None, "0" * 64, "keep the old one", "sign with a guess"])
def test_keyed_head_rewritten_without_the_key_is_caught(
    target: LedgerTarget, forged_hmac: str | None
) -> None:
    with Ledger(target, hmac_key=KEY) as ledger:
        fill(ledger, 10)
        with attacker(target) as conn:
            conn.execute("DELETE FROM events WHERE seq > 7")
            (old_hmac,) = conn.execute("SELECT hmac FROM head").fetchone()
            rehash_from(conn, 8)
            if forged_hmac == "keep the old one":
                conn.execute("UPDATE head SET hmac = ?", (old_hmac,))
            elif forged_hmac == "sign with a guess":
                conn.execute(
                    "UPDATE head SET hmac = ?", (head_hmac(b"guess", 7, ledger.head()[1]),)
                )
            else:
                conn.execute("UPDATE head SET hmac = ?", (forged_hmac,))
        report = ledger.verify()
        assert len(report.problems) == 1
        assert report.problems[0].startswith("seq 7: head ")
        assert "HMAC" in report.problems[0]
        # Nor does the next keyed append launder the truncation by signing a fresh head.
        with pytest.raises(LedgerError, match="HMAC"):
            ledger.append("note", {})


def test_keyed_ledger_refuses_writers_without_the_right_key(target: LedgerTarget) -> None:
    with Ledger(target, hmac_key=KEY) as ledger:
        fill(ledger, 2)
    with Ledger(target) as keyless, pytest.raises(LedgerError, match="FORETHOUGHT_LEDGER_KEY"):
        keyless.append("note", {})
    with Ledger(target, hmac_key=b"wrong") as wrong:
        with pytest.raises(LedgerError, match="invalid HMAC"):
            wrong.append("note", {})
        assert "head HMAC invalid" in wrong.verify().problems[0]
    with Ledger(target) as keyless:
        assert (
            keyless.verify().ok
        )  # the chain itself is intact; only the key holder checks the HMAC


def test_sign_head_adopts_a_key_for_an_existing_ledger(target: LedgerTarget) -> None:
    with Ledger(target) as ledger:
        fill(ledger, 3)
    with Ledger(target, hmac_key=KEY) as keyed:
        assert "no HMAC" in keyed.verify().problems[0]
        with pytest.raises(LedgerError, match="sign_head"):
            keyed.append("note", {})
        keyed.sign_head()
        keyed.append("note", {})
        assert keyed.verify().ok
    with Ledger(target) as keyless, pytest.raises(LedgerError, match="no HMAC key"):
        keyless.sign_head()


def test_sign_head_refuses_a_tampered_chain(target: LedgerTarget) -> None:
    with Ledger(target) as ledger:
        fill(ledger, 3)
    with attacker(target) as conn:
        conn.execute("DELETE FROM events WHERE seq = 3")
    with Ledger(target, hmac_key=KEY) as keyed, pytest.raises(LedgerError, match="refusing"):
        keyed.sign_head()


def test_deleted_head_record_is_reported(ledger: Ledger, target: LedgerTarget) -> None:
    fill(ledger, 3)
    with attacker(target) as conn:
        conn.execute("DELETE FROM head")
    assert ledger.verify().problems == [
        "seq 3: head record missing (it anchors the end of the chain)"
    ]
    with pytest.raises(LedgerError, match="head record is missing"):
        ledger.append("note", {})


def test_rows_added_past_the_head_are_reported(ledger: Ledger, target: LedgerTarget) -> None:
    events = fill(ledger, 3)
    with attacker(target) as conn:
        digest = event_hash(events[-1].hash, 4, 1.0, "note", None, b"{}")
        conn.execute(
            "INSERT INTO events VALUES (4, 1.0, 'note', NULL, X'7B7D', ?, ?)",
            (events[-1].hash, digest),
        )
    assert ledger.verify().problems[0].startswith("seq 4: events past the head record")


def test_problem_list_is_capped(ledger: Ledger, target: LedgerTarget) -> None:
    fill(ledger, 150)
    with attacker(target) as conn:
        conn.execute("UPDATE events SET kind = 'forged'")
    report = ledger.verify()
    assert report.checked == 150
    assert len(report.problems) == 101
    assert report.problems[-1] == "... and 50 more problems not listed"


# -- checkpoints ---------------------------------------------------------------------------------


def test_checkpoint_holds_while_the_ledger_grows(target: LedgerTarget) -> None:
    with Ledger(target, hmac_key=KEY) as ledger:
        assert ledger.verify(checkpoint=ledger.checkpoint()).ok
        fill(ledger, 5)
        mark = ledger.checkpoint()
        assert mark == {"seq": 5, "hash": ledger.head()[1], "hmac": head_hmac(KEY, 5, mark["hash"])}
        fill(ledger, 5)
        assert ledger.verify(checkpoint=mark).ok


def test_checkpoint_catches_a_consistently_rewritten_history(
    ledger: Ledger, target: LedgerTarget
) -> None:
    fill(ledger, 10)
    mark = ledger.checkpoint()
    with attacker(target) as conn:
        conn.execute(
            "UPDATE events SET payload = CAST('{\"rewritten\":true}' AS BLOB) WHERE seq = 4"
        )
        rehash_from(conn, 4)
    assert ledger.verify().ok  # consistent forgery, no key
    report = ledger.verify(checkpoint=mark)
    assert len(report.problems) == 1
    assert report.problems[0].startswith("seq 10: event hash")
    assert "differs from the checkpoint" in report.problems[0]


def test_forged_checkpoint_hmac_is_reported(target: LedgerTarget) -> None:
    with Ledger(target, hmac_key=KEY) as ledger:
        fill(ledger, 3)
        mark = ledger.checkpoint() | {"hmac": "f" * 64}
        assert ledger.verify(checkpoint=mark).problems == [
            "seq 3: checkpoint HMAC invalid (checkpoint not made with this key)"
        ]


@pytest.mark.parametrize(
    "mark", [{}, {"seq": -1, "hash": "x"}, {"seq": "3", "hash": "x"}, {"seq": 1}]
)
def test_malformed_checkpoint_is_refused(ledger: Ledger, mark: dict[str, Any]) -> None:
    with pytest.raises(LedgerError, match="checkpoint"):
        ledger.verify(checkpoint=mark)


# -- several processes ---------------------------------------------------------------------------

WRITER = """
import sys, time
from pathlib import Path
from forethought.ledger import Ledger

path, gate, name, count = sys.argv[1], Path(sys.argv[2]), sys.argv[3], int(sys.argv[4])
(gate.parent / f"ready-{name}").touch()
while not gate.exists():
    time.sleep(0.001)
with Ledger(path) as ledger:
    for i in range(count):
        ledger.append("observation", {"writer": name, "i": i}, run_id=name)
        if i % 10 == 0:
            time.sleep(0.001)  # let the others in, so the writers really interleave
    ledger.append_many(("observation", {"writer": name, "i": count + i}, name) for i in range(50))
"""


@pytest.mark.parametrize(
    ("writers", "per_writer"), [(4, 200), pytest.param(8, 1500, marks=pytest.mark.slow)]
)
def test_several_processes_append_to_one_ledger(
    tmp_path: Path, target: LedgerTarget, writers: int, per_writer: int
) -> None:
    # created by the writers, racing each other (a new file; a new, empty schema)
    gate = tmp_path / "go"
    names = [f"writer-{n}" for n in range(writers)]
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(target), str(gate), name, str(per_writer)]
        )
        for name in names
    ]
    deadline = time.monotonic() + 30
    while not all((tmp_path / f"ready-{name}").exists() for name in names):
        assert time.monotonic() < deadline, "writers did not start"
        assert all(p.poll() is None for p in procs), "a writer died before the start"
        time.sleep(0.01)
    gate.touch()
    # Verifying while they write: the head and the rows must come from one snapshot.
    while any(p.poll() is None for p in procs):
        if not isinstance(target, Path) or target.exists():
            with Ledger(target) as reader:
                report = reader.verify()
                assert report.ok, report.problems
    assert [p.wait(timeout=60) for p in procs] == [0] * writers

    with Ledger(target) as ledger:
        report = ledger.verify()
        assert report.ok, report.problems
        total = writers * (per_writer + 50)
        assert report.checked == total
        assert ledger.head()[0] == total
        events = list(ledger.events())
        assert [e.seq for e in events] == list(range(1, total + 1))
        for name in names:
            mine = [e.payload["i"] for e in events if e.payload["writer"] == name]
            assert mine == list(range(per_writer + 50))
        switches = sum(1 for a, b in itertools.pairwise(events) if a.run_id != b.run_id)
        assert switches > writers, "the writers did not overlap"
        assert math.isclose(sum(r["events"] for r in ledger.runs()), total)


KILLED_WRITER = """
import sys
from forethought.ledger import Ledger

with Ledger(sys.argv[1]) as ledger:
    i = 0
    while True:
        batch = [("observation", {"i": i + k, "pad": "x" * 500}, "victim") for k in range(25)]
        ledger.append_many(batch)
        i += 25
        print(i, flush=True)  # acknowledged: events 0 .. i-1 are committed
"""


def test_a_writer_killed_mid_append_loses_nothing_acknowledged(target: LedgerTarget) -> None:
    """SIGKILL lands while the writer is appending (it does nothing else); every batch it had
    acknowledged is there, whole, the chain verifies, and the next writer is not blocked."""
    with Ledger(target) as ledger:
        ledger.append("note", {"before": True})
    kept = 0  # the victim's events in the ledger before this round
    for round_ in range(3):
        writer = subprocess.Popen(
            [sys.executable, "-c", KILLED_WRITER, str(target)],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert writer.stdout is not None
        acknowledged = 0
        for _ in range(5 + 7 * round_):  # let it get going, then kill it mid-stream
            line = writer.stdout.readline()
            assert line, "the writer stopped before it was killed"
            acknowledged = int(line)
        writer.send_signal(signal.SIGKILL)
        rest, _ = writer.communicate(timeout=30)
        assert writer.returncode == -signal.SIGKILL
        acknowledged = max([acknowledged, *(int(n) for n in rest.split())])
        with Ledger(target) as ledger:
            report = ledger.verify()
            assert report.ok, report.problems
            seen = [e.payload["i"] for e in ledger.events(run_id="victim")][kept:]
            # this round's events: 0, 1, 2, ... in whole batches, at least all acknowledged
            assert seen == list(range(len(seen)))
            assert len(seen) % 25 == 0, "a batch was half written"
            assert len(seen) >= acknowledged, "an acknowledged append was lost"
            kept += len(seen)
            assert ledger.append("note", {"after": round_}).seq == report.checked + 1


# -- commands that only read: never create, name the real cause ---------------------------------


def forethought(*args: str, key: str | None = None) -> subprocess.CompletedProcess[str]:
    """The `forethought` command in a child process, with or without the ledger key."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("FORETHOUGHT_")}
    if key is not None:
        env["FORETHOUGHT_LEDGER_KEY"] = key
    return subprocess.run(
        [sys.executable, "-m", "forethought", *args],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )


READING_COMMANDS = [
    ("ledger", "verify"),
    ("ledger", "show"),
    ("ledger", "export", "--jsonl"),
    ("runs",),
]


@pytest.mark.parametrize("key", [None, KEY.hex()])
@pytest.mark.parametrize("command", READING_COMMANDS)
def test_reading_a_missing_ledger_fails_and_creates_nothing(
    tmp_path: Path, command: tuple[str, ...], key: str | None
) -> None:
    typo = tmp_path / "sub" / "ledgr.db"  # a mistyped --ledger, in a directory not there either
    done = forethought(*command, "--ledger", str(typo), key=key)
    assert done.returncode == 1, done.stdout
    assert done.stderr.splitlines() == [
        f"forethought: no ledger at {typo} (nothing was created; check --ledger or "
        "$FORETHOUGHT_LEDGER)"
    ]
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("command", READING_COMMANDS)
def test_reading_an_emptied_ledger_fails_and_leaves_it_empty(
    sqlite_ledger: Ledger, path: Path, command: tuple[str, ...]
) -> None:
    fill(sqlite_ledger, 3)
    sqlite_ledger.close()
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    path.write_bytes(b"")
    done = forethought(*command, "--ledger", str(path), key=KEY.hex())
    assert done.returncode == 1, done.stdout
    assert done.stderr.splitlines() == [
        f"forethought: not a ledger: {path} is empty (0 bytes; deleted or truncated)"
    ]
    assert path.stat().st_size == 0
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]


def test_verify_of_an_intact_ledger_still_passes(sqlite_ledger: Ledger, path: Path) -> None:
    fill(sqlite_ledger, 4)
    done = forethought("ledger", "verify", "--ledger", str(path))
    assert (done.returncode, done.stdout) == (0, "ok: 4 events, hash chain intact\n")


UNSHARE = ["unshare", "--user", "--map-root-user", "--mount"]


def _namespace_problem() -> str | None:
    """None when this process can make a user and mount namespace (to mount a real read-only or
    full file system without touching the host's), else why not."""
    if shutil.which("unshare") is None:
        return "util-linux unshare is not installed"
    done = subprocess.run(
        [*UNSHARE, "true"],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        return f"cannot create user and mount namespaces here: {done.stderr.strip()}"
    return None


needs_namespaces = pytest.mark.skipif(
    _namespace_problem() is not None, reason=str(_namespace_problem())
)

# Runs inside a private mount namespace: mounts a small tmpfs on $1, writes a 3-event ledger,
# then does $2 (remount read-only, or fill the disk), then runs each of the remaining arguments
# as a forethought command line on that ledger, printing "rc=N" after each.
IN_NAMESPACE = """
set -u
dir=$1; what=$2; shift 2
mount -t tmpfs -o size=512k tmpfs "$dir" || exit 99
"$PY" -c "
from forethought.ledger import Ledger
with Ledger('$dir/ledger.db') as ledger:
    ledger.append_many(('observation', {'i': i}, 'run-1') for i in range(3))
" || exit 98
case $what in
  read-only) mount -o remount,ro "$dir" || exit 97 ;;
  full) dd if=/dev/zero of="$dir/filler" bs=4k 2>/dev/null; : ;;
esac
for args in "$@"; do
  eval "\\"\\$PY\\" -m forethought $args --ledger '$dir/ledger.db'"
  echo "rc=$?"
done
"""


def in_namespace(tmp_path: Path, what: str, *commands: str) -> list[tuple[int, str]]:
    mount = tmp_path / "mnt"
    mount.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith("FORETHOUGHT_")}
    env["PY"] = sys.executable
    done = subprocess.run(
        [*UNSHARE, "sh", "-c", IN_NAMESPACE, "sh", str(mount), what, *commands],
        capture_output=True,
        text=True,
        env=env,
        stdin=subprocess.DEVNULL,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    # stdout: each command's output then rc=N; stderr holds the one-line messages in order
    codes = [int(line[3:]) for line in done.stdout.splitlines() if line.startswith("rc=")]
    errors = [line for line in done.stderr.splitlines() if line.startswith("forethought:")]
    results, it = [], iter(errors)
    for code in codes:
        results.append((code, next(it, "") if code else ""))
    return results


@needs_namespaces
def test_a_ledger_on_a_read_only_file_system_can_be_verified_and_shown(tmp_path: Path) -> None:
    proposal = tmp_path / "proposal.jsonl"
    proposal.write_text('{"tool": "bash", "args": {"command": "ls"}}\n')
    results = in_namespace(
        tmp_path,
        "read-only",
        "ledger verify",
        "ledger show",
        "runs",
        "ledger export --jsonl",
        f"review {proposal}",  # writing is refused, naming why
    )
    assert [code for code, _ in results[:4]] == [0, 0, 0, 0], results
    code, message = results[4]
    assert code == 2
    assert "read-only file system" in message and "disk I/O" not in message


@needs_namespaces
def test_a_full_disk_is_named_as_such(tmp_path: Path) -> None:
    proposal = tmp_path / "proposal.jsonl"
    proposal.write_text('{"tool": "bash", "args": {"command": "ls"}}\n')
    results = in_namespace(tmp_path, "full", "ledger verify", f"review {proposal}")
    assert results[0] == (0, ""), results  # reading needs no space
    code, message = results[1]
    assert code == 2
    assert "disk full (no space left" in message, message
    assert "not a ledger database" not in message and "disk I/O error" not in message


@pytest.mark.skipif(os.getuid() == 0, reason="root reads and writes whatever the mode bits say")
def test_a_ledger_without_write_permission_can_be_verified(
    sqlite_ledger: Ledger, path: Path
) -> None:
    fill(sqlite_ledger, 2)
    sqlite_ledger.close()
    path.chmod(0o444)
    path.parent.chmod(0o555)
    try:
        done = forethought("ledger", "verify", "--ledger", str(path))
        assert (done.returncode, done.stdout) == (0, "ok: 2 events, hash chain intact\n")
    finally:
        path.parent.chmod(0o755)


@pytest.mark.skipif(os.getuid() == 0, reason="root reads and writes whatever the mode bits say")
def test_an_unreadable_ledger_is_named_permission_denied(sqlite_ledger: Ledger, path: Path) -> None:
    fill(sqlite_ledger, 2)
    sqlite_ledger.close()
    path.chmod(0o000)
    done = forethought("ledger", "verify", "--ledger", str(path))
    assert done.returncode == 2
    assert "permission denied" in done.stderr and len(done.stderr.splitlines()) == 1
