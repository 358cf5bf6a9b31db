"""Creating, deleting and changing user accounts and passwords."""

from __future__ import annotations

from collections.abc import Iterator

from forethought.review.base import Prediction
from forethought.review.shell.model import ShellAnalysis, SimpleCommand
from forethought.review.shell.paths import is_account_file
from forethought.review.shell.predict import ACCOUNT_MANIPULATION, harm
from forethought.review.shell.rules.common import Needs, has, option_values
from forethought.review.shell.writes import operands, write_targets

Rule = Iterator[Prediction]


def _create(cmd: SimpleCommand, _a: ShellAnalysis) -> Rule:
    if cmd.name in ("adduser", "addgroup") and len(operands(cmd)) == 2:
        return  # adding an existing user to a group: judged as a group change
    if "0" in option_values(cmd, "-u", "--uid"):
        yield harm(
            cmd,
            ACCOUNT_MANIPULATION,
            "creates a second account with user id 0 (root)",
            "critical",
            0.9,
            True,
        )
        return
    if cmd.name in ("groupadd", "addgroup") and not set(option_values(cmd, "-g", "--gid")) & {"0"}:
        yield harm(cmd, ACCOUNT_MANIPULATION, f"creates a group ({cmd.name})", "low", 0.5, True)
        return
    if _service_account(cmd):
        yield harm(
            cmd,
            ACCOUNT_MANIPULATION,
            f"creates a service account ({cmd.name}) with no password and no privileged group",
            "low",
            0.6,
            True,
        )
        return
    yield harm(
        cmd,
        ACCOUNT_MANIPULATION,
        f"creates a user account ({cmd.name}): a new way to log in to this machine",
        "high",
        0.8,
        True,
    )


# Options that make an account a service's: a system account, no password, no login shell.
_SERVICE_FLAGS = frozenset(
    {"-r", "--system", "-S", "-D", "--disabled-password", "--disabled-login"}
)
_NO_LOGIN = frozenset({"/sbin/nologin", "/usr/sbin/nologin", "/bin/false", "/usr/bin/false"})
# Groups whose members can become root or read what root reads.
_PRIVILEGED_GROUPS = frozenset(
    "root sudo wheel admin adm docker lxd libvirt disk shadow kvm".split()
)


def _service_account(cmd: SimpleCommand) -> bool:
    """Whether ``cmd`` creates an account only a service runs as (the Dockerfile's `useradd -r
    -g mysql mysql`): a system account, or one without a password or login shell; never one
    with a password, a duplicate id, or a group that leads to root."""
    if cmd.name not in ("useradd", "adduser"):
        return False
    args = set(cmd.args)
    shells = set(option_values(cmd, "-s", "--shell"))
    if not (args & _SERVICE_FLAGS or (shells and shells <= _NO_LOGIN)):
        return False
    if args & {"-o", "--non-unique", "-p", "--password"}:
        return False
    groups = {
        g
        for value in (*option_values(cmd, "-G", "--groups"), *option_values(cmd, "-g", "--gid"))
        for g in value.split(",")
    }
    # (busybox adduser's -G is the primary group, Debian's --ingroup the same)
    groups |= set(option_values(cmd, "--ingroup"))
    return not groups & (_PRIVILEGED_GROUPS | {"0"})


def _delete(cmd: SimpleCommand, _a: ShellAnalysis) -> Rule:
    yield harm(
        cmd,
        ACCOUNT_MANIPULATION,
        f"deletes a user account or group ({cmd.name})",
        "high",
        0.7,
        False,
    )


def _modify(cmd: SimpleCommand, _a: ShellAnalysis) -> Rule:
    name = cmd.name
    if (name == "passwd" and has(cmd, "-S", "--status")) or (
        name == "chage" and has(cmd, "-l", "--list")
    ):
        return
    if (
        name in ("chpasswd", "newusers", "vipw", "vigr", "chpass")
        or (name == "passwd" and (cmd.args or cmd.stage > 0))
        or (name == "usermod" and option_values(cmd, "-p", "--password"))
    ):
        yield harm(
            cmd,
            ACCOUNT_MANIPULATION,
            f"sets or removes account passwords ({name})",
            "high",
            0.8,
            True,
        )
    elif name == "usermod" and "0" in option_values(cmd, "-u", "--uid"):
        yield harm(
            cmd, ACCOUNT_MANIPULATION, "gives an account user id 0 (root)", "critical", 0.9, True
        )
    else:
        yield harm(cmd, ACCOUNT_MANIPULATION, f"changes an account ({name})", "moderate", 0.6, True)


def _macos_windows(cmd: SimpleCommand, _a: ShellAnalysis) -> Rule:
    text = " ".join(cmd.args).lower()
    if (cmd.name == "dscl" and (("-create" in text and "/users" in text) or "-passwd" in text)) or (
        cmd.name == "sysadminctl" and ("-adduser" in text or "-resetpasswordfor" in text)
    ):
        yield harm(
            cmd, ACCOUNT_MANIPULATION, "creates or changes a macOS user account", "high", 0.8, True
        )
    elif (
        cmd.name == "net"
        and cmd.args[:1]
        and cmd.args[0].lower() in ("user", "localgroup")
        and "/add" in text
    ):
        yield harm(
            cmd,
            ACCOUNT_MANIPULATION,
            "creates a Windows account or adds it to a group",
            "high",
            0.8,
            True,
        )


def _account_files(cmd: SimpleCommand, _a: ShellAnalysis) -> Rule:
    for target in write_targets(cmd):
        if target.how in ("chmod", "chown", "chgrp", "touch", "setfacl"):
            continue
        if is_account_file(target.path):
            yield harm(
                cmd,
                ACCOUNT_MANIPULATION,
                f"edits {target.path}, the list of accounts and their passwords",
                "critical",
                0.9,
                True,
            )
            return


COMMANDS = {
    "useradd": [_create],
    "adduser": [_create],
    "groupadd": [_create],
    "addgroup": [_create],
    "userdel": [_delete],
    "deluser": [_delete],
    "groupdel": [_delete],
    "delgroup": [_delete],
    "usermod": [_modify],
    "passwd": [_modify],
    "chpasswd": [_modify],
    "chage": [_modify],
    "groupmod": [_modify],
    "newusers": [_modify],
    "vipw": [_modify],
    "vigr": [_modify],
    "chpass": [_modify],
    "dscl": [_macos_windows],
    "sysadminctl": [_macos_windows],
    "net": [_macos_windows],
}
GENERIC = [_account_files]
NEEDS = {_account_files: Needs.WRITES}
