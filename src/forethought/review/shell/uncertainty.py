"""What the shell reviewer could not see through: reported beside the risk, never as safety.

A program neither the rules nor the catalogue know, a program or a target only known at run
time, a script the reviewer could not parse or decode: each is a reason the static verdict may
be wrong. :func:`uncertainty` gives the largest such share in [0, 1] and the reasons; the
policy decides what uncertainty gets without a model (by default nothing but the report), and
the cascade asks a configured model reviewer about it.
"""

from __future__ import annotations

import functools

from forethought.review.shell.interpreters import SHELLS, language_of
from forethought.review.shell.model import ShellAnalysis, SimpleCommand

# How uncertain each kind of blind spot makes the verdict.
UNKNOWN_PROGRAM = 0.5
DYNAMIC_PROGRAM = 0.8
DYNAMIC_TARGET = 0.6
UNPARSED = 0.5
TOO_DEEP = 0.9

_BUILTINS = frozenset(
    "cd pushd popd dirs export unset set shopt alias unalias source . eval exec exit return "
    "true false : test [ [[ echo printf read local declare typeset readonly let trap wait jobs "
    "fg bg disown hash type command builtin enable getopts shift times ulimit umask history "
    "help logout caller compgen complete mapfile readarray sleep time".split()
)
# Programs that change or remove what their operands name: a target known only at run time
# leaves the reviewer guessing.
_CHANGES_OPERANDS = frozenset(
    "rm rmdir mv cp dd shred truncate chmod chown chgrp ln tee install rsync unlink find".split()
)


@functools.cache
def _known() -> frozenset[str]:
    from forethought.review.shell.catalogue import catalogue
    from forethought.review.shell.rules import BY_PROGRAM
    from forethought.review.shell.rules.benefit import _DEV_WORK, READ_ONLY_PROGRAMS

    return frozenset(
        {*BY_PROGRAM, *catalogue(), *READ_ONLY_PROGRAMS, *_DEV_WORK, *SHELLS, *_BUILTINS}
    )


def known_name(name: str) -> bool:
    """A name the rules, the catalogue, the lists of ordinary programs or the shell know
    (built-ins included)."""
    return name in _known()


@functools.lru_cache(maxsize=1024)
def known_program(name: str) -> bool:
    """A program (not a shell built-in) the rules or the catalogue know."""
    return name not in _BUILTINS and name in _known()


def _program_reason(cmd: SimpleCommand) -> tuple[float, str] | None:
    if not cmd.argv:
        return None
    if cmd.dynamic_name:
        return DYNAMIC_PROGRAM, f"the program `{cmd.words[0].span}` is only known at run time"
    return _unknown_name(cmd.name)


@functools.lru_cache(maxsize=4096)
def _unknown_name(name: str) -> tuple[float, str] | None:
    from forethought.review.shell.rules import rule_key

    if "/" in name or name.startswith("."):
        return None  # a file of the project's: judged by what the session wrote into it
    if name in _known() or rule_key(name) in _known() or language_of(name) is not None:
        return None
    return UNKNOWN_PROGRAM, f"`{name}` is a program the reviewer does not know"


def _target_reason(cmd: SimpleCommand) -> tuple[float, str] | None:
    if cmd.name not in _CHANGES_OPERANDS:
        return None
    for word in cmd.words[1:]:
        if word.dynamic and not word.span.startswith("-"):
            return DYNAMIC_TARGET, f"`{cmd.name}` acts on `{word.span}`, known only at run time"
    return None


def uncertainty(analysis: ShellAnalysis) -> tuple[float, list[str]]:
    """The largest blind spot's share in [0, 1], and the reasons (most uncertain first)."""
    found: list[tuple[float, str]] = []
    for cmd in analysis.commands:
        for reason in (_program_reason(cmd), _target_reason(cmd)):
            if reason is not None:
                found.append(reason)
    for issue in analysis.issues:
        if issue.kind in ("too_deep", "too_large"):
            found.append((TOO_DEEP, f"{issue.kind.replace('_', ' ')}: {issue.detail}"))
        elif issue.kind in ("unresolved_command", "unresolved_wrapper"):
            found.append((DYNAMIC_PROGRAM, issue.detail))
        elif issue.kind == "parse_error":
            found.append((UNPARSED, "part of the command could not be parsed"))
    if not found:
        return 0.0, []
    found.sort(key=lambda r: -r[0])
    reasons = list(dict.fromkeys(r for _, r in found))
    return found[0][0], reasons[:5]
