"""A ledger kept in PostgreSQL is part of the oversight too: `forethought review --ledger
postgresql://...` refuses actions that would change its tables, turn their triggers off or drop
its database, and leaves other databases' tables to the other reviewers. Real PostgreSQL
(tests/_postgres.py); skips, saying why, without it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from collections.abc import Iterator

import pytest

import _postgres

pytestmark = pytest.mark.slow


@pytest.fixture
def ledger_url() -> Iterator[str]:
    server = _postgres.server()
    name = f"ft_ledger_{uuid.uuid4().hex[:8]}"
    with server.admin() as conn:
        conn.execute(f"CREATE DATABASE {name}")
    yield server.url(database=name)


def _self_protection(url: str, proposals: list[dict[str, object]]) -> list[str]:
    """Each proposal's self-protection rationale, reviewed against the ledger at ``url``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("FORETHOUGHT_")}
    done = subprocess.run(
        [sys.executable, "-m", "forethought", "review", "--json", "--ledger", url, "-"],
        input="".join(json.dumps(p) + "\n" for p in proposals),
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    out = []
    for line in done.stdout.splitlines():
        review = json.loads(line)
        sp = next(r for r in review["reviews"] if r["name"] == "self_protection")
        out.append(f"{review['decision']}: {sp['rationale']}")
    return out


def _bash(command: str) -> dict[str, object]:
    return {"tool": "bash", "args": {"command": command}}


def test_changing_the_ledger_database_is_refused(ledger_url: str) -> None:
    name = ledger_url.rsplit("/", 1)[-1]
    got = _self_protection(
        ledger_url,
        [
            _bash(f'psql "{ledger_url}" -c "DELETE FROM events"'),
            _bash(f"dropdb -h 127.0.0.1 {name}"),
            _bash(f'psql -d {name} -c "ALTER TABLE events DISABLE TRIGGER ALL"'),
            {
                "tool": "python",
                "args": {
                    "code": "import psycopg\n"
                    f"psycopg.connect('{ledger_url}').execute('TRUNCATE head')"
                },
            },
            _bash('psql -d anydb -c "UPDATE ledger_meta SET value = 0"'),
        ],
    )
    assert all(g.startswith("block: would modify forethought's own oversight") for g in got), got


def test_reading_it_and_other_databases_are_left_to_the_other_reviewers(ledger_url: str) -> None:
    name = ledger_url.rsplit("/", 1)[-1]
    got = _self_protection(
        ledger_url,
        [
            _bash(f'psql -d {name} -c "SELECT count(*) FROM events"'),
            _bash('psql -d shop -c "DELETE FROM events WHERE id = 3"'),
            {
                "tool": "write_file",
                "args": {"path": "migrations/1.sql", "content": f"-- {name}\nDROP TABLE events;"},
            },
        ],
    )
    assert not any("own oversight" in g for g in got), got
