"""One road after the decision: one human-verdict record, whatever the integration, shown by
`forethought show` with its approver; old ledgers stay readable."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from forethought import Gate, Ledger, Refused
from forethought.proposal import Proposal

FORETHOUGHT = str(Path(sys.executable).with_name("forethought"))
# Escalates under the built-in policy: a request that sends data out.
SEND = {"tool": "http_request", "args": {"url": "https://example.org", "body": "notes"}}
VERDICT_FIELDS = {"proposal_id", "channel", "answer", "approver", "reason", "args"}


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.delenv("FORETHOUGHT_POLICY", raising=False)
    return tmp_path / "ledger.db"


@pytest.fixture
def gate(db: Path) -> Iterator[Gate]:
    opened = Gate.default(ledger=db)
    yield opened
    assert opened.ledger is not None
    opened.ledger.close()


def show(db: Path, run_id: str) -> str:
    env = {**os.environ, "FORETHOUGHT_LEDGER": str(db)}
    shown = subprocess.run(
        [FORETHOUGHT, "show", run_id], capture_output=True, text=True, env=env, timeout=60
    )
    assert shown.returncode == 0, shown.stderr
    return shown.stdout


def verdicts(ledger: Ledger, run_id: str) -> list[dict[str, object]]:
    return [e.payload for e in ledger.events(run_id=run_id, kinds=["human_verdict"])]


def approve(proposal: Proposal, decision: object) -> bool:
    return True


def test_the_guards_verdict_is_the_one_record_and_show_names_its_approver(
    gate: Gate, db: Path
) -> None:
    assert gate.check(SEND, session_id="py-1", on_escalate=approve).verdict == "escalate"
    assert gate.ledger is not None
    [record] = verdicts(gate.ledger, "py-1")
    assert set(record) == VERDICT_FIELDS
    assert record["answer"] == "approve" and record["channel"] == "on_escalate"
    assert record["approver"] == f"{__name__}.approve"
    assert f"APPROVE by {__name__}.approve via on_escalate" in show(db, "py-1")


def test_old_ledgers_verdicts_stay_readable(db: Path) -> None:
    with Ledger.open(db) as ledger:
        # the Python guard's shape before the one record, and an agent loop's
        ledger.append(
            "human_verdict", {"proposal_id": "p1", "approved": True, "channel": "on_escalate"},
            run_id="old",
        )  # fmt: skip
        ledger.append(
            "human_verdict",
            {"proposal_id": "p2", "channel": "terminal", "answer": "reject",
             "approver": "ann@terminal", "reason": "no", "args": {}},
            run_id="old",
        )  # fmt: skip
    out = show(db, "old")
    assert "APPROVE by (approver not recorded) via on_escalate" in out
    assert "REJECT by ann@terminal via terminal: no" in out


def test_a_refused_escalation_without_a_callback_records_no_verdict(gate: Gate) -> None:
    with pytest.raises(Refused):
        gate.check(SEND, session_id="py-2")
    assert gate.ledger is not None and verdicts(gate.ledger, "py-2") == []
