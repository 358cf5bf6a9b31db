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
    admin_apis,
    benefit,
    catalogue,
    destructive,
    evasion,
    exfiltration,
    hosts,
    manifests,
    persistence,
    privilege,
    remote_code,
    remote_shell,
    resources,
    scripts,
    secrets,
    supply_chain,
    unknown,
    unverified,
)
from forethought.review.shell.rules.common import EXPORTERS, Needs
from forethought.review.shell.writes import write_targets
from forethought.review.task_limits import program_dry_run

CommandRule = Callable[[SimpleCommand, ShellAnalysis], Iterable[Prediction]]
ScriptRule = Callable[[ShellAnalysis], Iterable[Prediction]]

_MODULES = (
    destructive,
    admin_apis,
    remote_code,
    remote_shell,
    exfiltration,
    hosts,
    secrets,
    privilege,
    persistence,
    evasion,
    accounts,
    manifests,
    resources,
    scripts,
    unknown,
    catalogue,
    supply_chain,
    unverified,
)
BY_PROGRAM: dict[str, list[CommandRule]] = {}
GENERIC: list[CommandRule] = []
SCRIPT: list[ScriptRule] = []
# What a GENERIC rule needs a command to have before it can find anything (a module's NEEDS)
NEEDS: dict[CommandRule, Needs] = {}
for _module in _MODULES:
    for _name, _rules in getattr(_module, "COMMANDS", {}).items():
        BY_PROGRAM.setdefault(_name, []).extend(_rules)
    GENERIC.extend(getattr(_module, "GENERIC", []))
    SCRIPT.extend(getattr(_module, "SCRIPT", []))
    NEEDS.update(getattr(_module, "NEEDS", {}))

# GENERIC in its order, for each set of features a command can have: the rules that need none
# or one it has. Most commands have none of them and meet about half the generic rules.
_GENERIC_FOR: list[list[CommandRule]] = [
    [rule for rule in GENERIC if not NEEDS.get(rule) or NEEDS[rule] & features]
    for features in range(max(Needs) * 2)
]


def features(cmd: SimpleCommand) -> int:
    """The Needs a command has (see rules/common.py), as one bit mask."""
    found = Needs.WRITES if write_targets(cmd) else 0
    if cmd.env or cmd.name in EXPORTERS:
        found |= Needs.ENV
    if cmd.wrappers:
        found |= Needs.WRAPPERS
    if cmd.redirects:
        found |= Needs.REDIRECTS
    if "/" in cmd.name:
        found |= Needs.PATH_NAME
    if cmd.infinite_loop:
        found |= Needs.LOOP
    return found


def generic_rules(cmd: SimpleCommand) -> list[CommandRule]:
    """The GENERIC rules that can find something in ``cmd``, in their order."""
    return _GENERIC_FOR[features(cmd)]


_VERSIONED = re.compile(r"^(python|pypy|perl|ruby|php|lua|node)[\d.]*[mw]?$|^(mkfs)[._].*$")


def rule_key(name: str) -> str:
    m = _VERSIONED.match(name)
    if m:
        return m.group(1) or m.group(2)
    return name


# A program asked only for its help or version does nothing else (its own rules do not apply;
# the generic ones, e.g. for a redirect, still do).
_ONLY_HELP = frozenset({("--help",), ("-h",), ("--version",), ("-V",), ("-version",), ("-help",)})

_RULE_KEYS: dict[str, str] = {}  # rule_key, memoised (bounded: names come from the commands)


# Harms a dry run undoes: it lists what it would delete or send and does neither (what it prints,
# a secret a rendered manifest holds, is still judged). Which runs are dry runs is the programs'
# own manuals' (task_limits.program_dry_run), the same for what counts as a change.
_UNDONE_BY_DRY_RUN = frozenset({"destructive", "exfiltration"})


def predictions(analysis: ShellAnalysis) -> list[Prediction]:
    """Every prediction for the analysed command: harms merged per category, then the benefit."""
    found: list[Prediction] = []
    for cmd in analysis.commands:
        own: list[Prediction] = []
        name = cmd.name
        key = _RULE_KEYS.get(name)
        if key is None:
            if len(_RULE_KEYS) >= 4096:
                _RULE_KEYS.clear()
            key = _RULE_KEYS[name] = rule_key(name)
        if not (len(cmd.argv) == 2 and (cmd.argv[1],) in _ONLY_HELP and not cmd.dynamic_name):
            for rule in BY_PROGRAM.get(key, ()):
                own.extend(rule(cmd, analysis))
        for rule in _GENERIC_FOR[features(cmd)]:
            own.extend(rule(cmd, analysis))
        if cmd.wrappers:  # privilege.wrapped yields nothing without one
            own.extend(privilege.wrapped(cmd, own))
        if own and program_dry_run(name, cmd.args):
            own = [p for p in own if p.hard or p.category not in _UNDONE_BY_DRY_RUN]
        found.extend(own)
    for script_rule in SCRIPT:
        found.extend(script_rule(analysis))
    merged = merge(found)
    return [*merged, *benefit.predict(analysis)]
