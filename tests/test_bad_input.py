"""Hostile and broken input: a clear error or a fail-closed decision, and a verifiable ledger."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from forethought.cli import main
from forethought.ledger import Ledger


@pytest.fixture
def ledger(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "ledger.db"
    monkeypatch.setenv("FORETHOUGHT_LEDGER", str(path))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.delenv("FORETHOUGHT_POLICY", raising=False)
    monkeypatch.delenv("FORETHOUGHT_LEDGER_KEY", raising=False)
    return path


def review(stdin: str | bytes) -> tuple[int, list[dict], str]:
    result = CliRunner().invoke(main, ["review", "--json", "-"], input=stdin)
    return result.exit_code, [json.loads(x) for x in result.stdout.split("\n") if x], result.stderr


def shell(command: str) -> str:
    return json.dumps({"tool": "bash", "args": {"command": command}})


def assert_verifiable(path: Path) -> None:
    with Ledger(path) as opened:
        assert opened.verify().ok


def test_a_10_mb_command_is_a_failed_review_not_an_allow(ledger: Path) -> None:
    code, [record], _ = review(shell("echo " + "A" * 10_000_000))
    assert code == 0
    assert record["decision"] != "allow"
    shell_review = next(r for r in record["reviews"] if r["name"] == "shell")
    assert shell_review["failed"] and "limit" in shell_review["error"]
    assert_verifiable(ledger)


@pytest.mark.parametrize("depth", [50, 2000])
def test_deeply_nested_substitutions_are_not_allowed(ledger: Path, depth: int) -> None:
    command = "echo " + "$(echo " * depth + "x" + ")" * depth
    code, [record], _ = review(shell(command))
    assert code == 0
    assert record["decision"] != "allow"
    assert_verifiable(ledger)


def test_deeply_nested_python_is_not_allowed(ledger: Path) -> None:
    code = "x = " + "[" * 5000 + "]" * 5000
    status, [record], _ = review(json.dumps({"tool": "python", "args": {"code": code}}))
    assert status == 0 and record["decision"] != "allow"


def test_deeply_nested_json_is_bad_input(ledger: Path) -> None:
    nested = '{"tool": "bash", "args": {"command": "ls", "x": ' + "[" * 5000 + "]" * 5000 + "}}"
    code, records, err = review(nested)
    assert (code, records) == (1, [])
    assert err.startswith("forethought: <stdin>: line 1: invalid JSON")
    assert not ledger.exists()


def test_binary_garbage_inside_a_command_is_reviewed(ledger: Path) -> None:
    garbage = bytes(range(1, 256)).decode("latin-1")
    code, [record], _ = review(shell(garbage * 20))
    assert code == 0
    assert record["decision"] in {"allow", "block", "revise", "resample", "escalate"}
    assert_verifiable(ledger)


def test_unknown_tools_escalate(ledger: Path) -> None:
    code, [record], _ = review(json.dumps({"tool": "transfer_funds", "args": {"amount": 10**6}}))
    assert code == 0 and (record["decision"], record["term"]) == ("escalate", "unreviewed")


def test_a_signed_ledger_cannot_be_extended_without_its_key(
    ledger: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FORETHOUGHT_LEDGER_KEY", "administrator secret")
    assert review(shell("ls"))[0] == 0
    monkeypatch.delenv("FORETHOUGHT_LEDGER_KEY")
    code, records, err = review(shell("ls"))
    assert (code, records) == (2, [])
    assert "FORETHOUGHT_LEDGER_KEY" in err


def test_a_ledger_path_that_is_a_directory_exits_2(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["review", "--ledger", str(tmp_path), "-"], input=shell("ls"))
    assert result.exit_code == 2
    assert str(tmp_path) in result.stderr
