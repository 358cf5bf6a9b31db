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
)
from forethought.review.shell.writes import write_targets

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
)
BY_PROGRAM: dict[str, list[CommandRule]] = {}
GENERIC: list[CommandRule] = []
SCRIPT: list[ScriptRule] = []
# GENERIC rules that yield nothing for a command without write targets (WRITE_RULES of a module)
WRITE_RULES: set[CommandRule] = set()
for _module in _MODULES:
    for _name, _rules in getattr(_module, "COMMANDS", {}).items():
        BY_PROGRAM.setdefault(_name, []).extend(_rules)
    GENERIC.extend(getattr(_module, "GENERIC", []))
    SCRIPT.extend(getattr(_module, "SCRIPT", []))
    WRITE_RULES.update(getattr(_module, "WRITE_RULES", ()))

# GENERIC in its order, without the WRITE_RULES: what a command that writes nothing needs.
GENERIC_WITHOUT_WRITES = [rule for rule in GENERIC if rule not in WRITE_RULES]

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
        for rule in GENERIC if write_targets(cmd) else GENERIC_WITHOUT_WRITES:
            own.extend(rule(cmd, analysis))
        if cmd.wrappers:  # privilege.wrapped yields nothing without one
            own.extend(privilege.wrapped(cmd, own))
        found.extend(own)
    for script_rule in SCRIPT:
        found.extend(script_rule(analysis))
    merged = merge(found)
    return [*merged, *benefit.predict(analysis)]
