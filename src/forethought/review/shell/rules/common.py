"""Option helpers shared by the rules."""

from __future__ import annotations

import re
from enum import IntFlag
from functools import lru_cache

from forethought.review.shell.model import SimpleCommand


class Needs(IntFlag):
    """What a GENERIC rule needs a command to have before it can find anything. A module names
    such rules in ``NEEDS`` ({rule: Needs.X}); predictions() asks a rule only about commands
    that have what it needs (tests/test_rule_needs.py holds each rule to it: a command without
    the feature gets nothing from the rule)."""

    WRITES = 1  # a write target (writes.write_targets): a redirect, cp, tee, sed -i ...
    ENV = 2  # variables set for it (`X=1 cmd`), or it is export/declare/typeset/local/env
    WRAPPERS = 4  # run through a wrapper: sudo, nsenter, chroot, systemd-run ...
    REDIRECTS = 8  # a redirect of its own
    PATH_NAME = 16  # the program is named by a path (/etc/init.d/ssh, ./chisel)
    LOOP = 32  # inside an endless loop


# Commands whose arguments set variables (what Needs.ENV covers beside `X=1 cmd`)
EXPORTERS = frozenset({"export", "declare", "typeset", "local", "env"})

_NUMBER = re.compile(r"-\d")
LOCAL_HOSTS = frozenset({"localhost", "127.0.0.1", "::1", "0", "[::1]", "ip6-localhost"})


def short_flags(cmd: SimpleCommand) -> set[str]:
    """Letters of ``-abc`` style options (before ``--``)."""
    letters: set[str] = set()
    for arg in cmd.args:
        if arg == "--":
            break
        if arg.startswith("-") and not arg.startswith("--") and not _NUMBER.match(arg):
            letters.update(arg[1:])
    return letters


def long_flags(cmd: SimpleCommand) -> set[str]:
    return {a.split("=", 1)[0] for a in cmd.args if a.startswith("--")}


def has(cmd: SimpleCommand, *options: str) -> bool:
    args = cmd.args
    return any(o in args for o in options)


@lru_cache(maxsize=1024)
def _all_dashed(names: tuple[str, ...]) -> bool:
    return all(name.startswith("-") for name in names)


def option_values(cmd: SimpleCommand, *names: str) -> list[str]:
    """Values of ``-o V``, ``-oV`` (short names) and ``--name V``, ``--name=V``."""
    values: list[str] = []
    args = cmd.args
    dashed = _all_dashed(names)
    for i, arg in enumerate(args):
        if dashed and not arg.startswith("-"):
            continue  # equals no name, and starts with none (they all start with "-")
        for name in names:
            if arg == name:
                if i + 1 < len(args):
                    values.append(args[i + 1])
            elif name.startswith("--") and arg.startswith(name + "="):
                values.append(arg[len(name) + 1 :])
            elif (
                len(name) == 2
                and not name.startswith("--")
                and arg.startswith(name)
                and len(arg) > 2
                and not arg.startswith("--")
            ):
                values.append(arg[2:])
    return values


def host_of(target: str) -> str:
    """The host part of ``user@host:path``, a URL, or ``host:port``."""
    target = target.strip()
    m = re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://(?:[^@/]*@)?(\[[^\]]*\]|[^/:?#]*)", target)
    if m:
        return m.group(1).lower()
    if "@" in target:
        target = target.split("@", 1)[1]
    return target.split(":", 1)[0].lower()


# A loopback address written out (127.0.0.1, 127.1.2.3), not a name that starts like one
# (`127.0.0.1.nip.io`, `127.evil.example` resolve wherever their owner says).
_LOOPBACK_V4 = re.compile(r"^127(?:\.\d{1,3}){1,3}$")


def is_local_host(host: str) -> bool:
    return host in LOCAL_HOSTS or _LOOPBACK_V4.match(host) is not None


def is_remote_spec(arg: str) -> bool:
    """``user@host:path`` or ``host:path`` (scp/rsync style), not a local path."""
    if arg.startswith(("/", ".", "~")) or ":" not in arg:
        return False
    if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", arg):
        return True
    head = arg.split(":", 1)[0]
    return bool(head) and "/" not in head and " " not in head and not head.startswith("-")
