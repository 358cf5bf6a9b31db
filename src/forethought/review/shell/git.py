"""git's command line: its own options, then the subcommand and the subcommand's arguments."""

from __future__ import annotations

from collections.abc import Sequence

# git's own options that take a value as the next word (git(1), OPTIONS)
_VALUED = frozenset({"-C", "-c", "--git-dir", "--work-tree", "--namespace"})


def subcommand(args: Sequence[str]) -> tuple[str, list[str]] | None:
    """(subcommand, its arguments) of ``git ARGS``, past git's own options; None without one."""
    i = 0
    while i < len(args) and args[i].startswith("-"):
        i += 2 if args[i] in _VALUED else 1
    if i >= len(args):
        return None
    return args[i], list(args[i + 1 :])
