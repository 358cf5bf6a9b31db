"""The rules: what each command predicts. Each module names its rules by program
(``COMMANDS``), for every command (``GENERIC``) and over the whole script (``SCRIPT``)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from forethought.review.base import Prediction
from forethought.review.shell.model import ShellAnalysis, SimpleCommand
from forethought.review.shell.predict import merge
from forethought.review.shell.rules import (
    accounts,
    benefit,
    destructive,
    evasion,
    exfiltration,
    persistence,
    privilege,
    remote_code,
    remote_shell,
    resources,
    scripts,
    secrets,
    unknown,
)

CommandRule = Callable[[SimpleCommand, ShellAnalysis], Iterable[Prediction]]
ScriptRule = Callable[[ShellAnalysis], Iterable[Prediction]]

_MODULES = (
    destructive,
    remote_code,
    remote_shell,
    exfiltration,
    secrets,
    privilege,
    persistence,
    evasion,
    accounts,
    resources,
    scripts,
    unknown,
)
BY_PROGRAM: dict[str, list[CommandRule]] = {}
GENERIC: list[CommandRule] = []
SCRIPT: list[ScriptRule] = []
for _module in _MODULES:
    for _name, _rules in getattr(_module, "COMMANDS", {}).items():
        BY_PROGRAM.setdefault(_name, []).extend(_rules)
    GENERIC.extend(getattr(_module, "GENERIC", []))
    SCRIPT.extend(getattr(_module, "SCRIPT", []))

_VERSIONED = re.compile(r"^(python|pypy|perl|ruby|php|lua|node)[\d.]*[mw]?$|^(mkfs)[._].*$")


def rule_key(name: str) -> str:
    m = _VERSIONED.match(name)
    if m:
        return m.group(1) or m.group(2)
    return name


def predictions(analysis: ShellAnalysis) -> list[Prediction]:
    """Every prediction for the analysed command: harms merged per category, then the benefit."""
    found: list[Prediction] = []
    for cmd in analysis.commands:
        own: list[Prediction] = []
        for rule in BY_PROGRAM.get(rule_key(cmd.name), ()):
            own.extend(rule(cmd, analysis))
        for rule in GENERIC:
            own.extend(rule(cmd, analysis))
        own.extend(privilege.wrapped(cmd, own))
        found.extend(own)
    for script_rule in SCRIPT:
        found.extend(script_rule(analysis))
    merged = merge(found)
    return [*merged, *benefit.predict(analysis)]
