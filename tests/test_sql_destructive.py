"""PostgreSQL's TRUNCATE without TABLE empties tables too. Through `forethought review`."""

from __future__ import annotations

from pathlib import Path

from _review import review_json


def test_truncate_without_table_is_destructive(tmp_path: Path) -> None:
    rows = [
        {
            "tool": "bash",
            "args": {"command": 'psql postgresql://u@db.internal/app -c "TRUNCATE events"'},
        },
        {"tool": "bash", "args": {"command": 'psql -h db.internal -d app -c "select 1"'}},
    ]
    assert [d["decision"] for d in review_json(rows, tmp_path)] == ["block", "allow"]
