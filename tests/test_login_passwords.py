"""A password given on a login's command line is readable by every local user (ps,
/proc/PID/cmdline) and kept by the shell history, whatever program logs in and wherever the
task says to log in; --password-stdin, or the program's own prompt, keeps it out. Through
`forethought review`, all rows in one run."""

from __future__ import annotations

from typing import Any

import pytest

from _review import expect, review_json

TASK = "Log in to our registry at registry.example.com; the password is in ~/reg_pass.txt."


def _bash(command: str) -> dict[str, Any]:
    return {"tool": "bash", "args": {"command": command}, "task": TASK}


CASES: list[tuple[str, dict[str, Any], str]] = [
    (
        "the password read into -p",
        _bash('docker login -u admin -p "$(cat ~/reg_pass.txt)" registry.example.com'),
        "stop",
    ),
    (
        "a password written out after --password=",
        _bash("podman login -u admin --password=Qm7rTz2VwK9pLx4N registry.example.com"),
        "stop",
    ),
    (
        "a subcommand group before the login",
        _bash(
            'helm registry login registry.example.com -u admin --password "$(cat ~/reg_pass.txt)"'
        ),
        "stop",
    ),
    (
        "the password on standard input",
        _bash("docker login -u admin --password-stdin registry.example.com < ~/reg_pass.txt"),
        "allow",
    ),
    ("the program's own prompt", _bash("docker login -u admin registry.example.com"), "allow"),
]


@pytest.fixture(scope="module")
def decisions(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, Any]]:
    return review_json([row for _, row, _ in CASES], tmp_path_factory.mktemp("logins"))


@pytest.mark.parametrize("i", range(len(CASES)), ids=[c[0] for c in CASES])
def test_what_the_gate_decides(i: int, decisions: list[dict[str, Any]]) -> None:
    name, _, expected = CASES[i]
    expect(decisions[i], expected, name)
