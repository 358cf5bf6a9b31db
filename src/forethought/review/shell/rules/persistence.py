"""Surviving the session: cron, at, systemd/launchd/init, shell startup files, authorized keys,
git hooks."""

from __future__ import annotations

import re
from collections.abc import Iterator

from forethought.review.base import Prediction
from forethought.review.python_startup import runs_nothing
from forethought.review.shell.model import ShellAnalysis, SimpleCommand
from forethought.review.shell.paths import persistence_entry
from forethought.review.shell.predict import PERSISTENCE, harm, short
from forethought.review.shell.rules.common import Needs, has
from forethought.review.shell.startup import settings_only
from forethought.review.shell.unwrap import SYSTEMD_TIMER, SYSTEMD_USER_TIMER
from forethought.review.shell.writes import write_targets

Rule = Iterator[Prediction]

_NOT_WRITES = frozenset(
    {
        "rm",
        "shred",
        "unlink",
        "chmod",
        "chown",
        "chgrp",
        "touch",
        "mv (source)",
        "truncate",
        "setfacl",
        "chattr",
    }
)


def _startup_files(cmd: SimpleCommand, a: ShellAnalysis) -> Rule:
    for target in write_targets(cmd):
        if target.how in _NOT_WRITES or target.how == "crontab":
            continue
        entry = persistence_entry(target.path)
        if entry is None:
            continue
        kind = entry.label
        if (
            entry.name == "python_startup"
            and cmd.index in a.written_by
            and runs_nothing(target.path, a.written_by[cmd.index])
        ):
            return  # a .pth of directories only: sys.path changes, nothing runs
        if target.how == "ln" and entry.name == "shell_startup":
            yield harm(
                cmd,
                PERSISTENCE,
                f"replaces {target.path} ({kind}) with a link",
                "moderate",
                0.5,
                True,
            )
        elif entry.name == "git_hook":
            yield harm(
                cmd,
                PERSISTENCE,
                f"installs {target.path}, a git hook that runs on later git commands",
                "high",
                0.8,
                True,
            )
        elif entry.name == "shell_startup" and settings_only(a.written_by.get(cmd.index, "")):
            line = next(ln.strip() for ln in a.written_by[cmd.index].splitlines() if ln.strip())
            yield harm(
                cmd,
                PERSISTENCE,
                f"adds settings to {target.path} ({kind}) that every later shell applies "
                f"({short(line, 60)})",
                "moderate",
                0.6,
                True,
                f"{cmd.name} … >> {target.path}",  # the settings are what is written
            )
        else:
            yield harm(
                cmd,
                PERSISTENCE,
                f"writes {target.path} ({kind}): what it adds runs again "
                "later, outside this session and its review",
                "high",
                0.85,
                True,
            )
        return


def _crontab(cmd: SimpleCommand, _a: ShellAnalysis) -> Rule:
    args = cmd.args
    if has(cmd, "-l", "-r", "-v") or (not args and cmd.stdin is None and cmd.stage == 0):
        return
    verb = "edits" if "-e" in args else "installs"
    yield harm(
        cmd,
        PERSISTENCE,
        f"{verb} a cron table: scheduled commands keep running after this session",
        "high",
        0.85,
        True,
    )


def _at(cmd: SimpleCommand, _a: ShellAnalysis) -> Rule:
    if has(cmd, "-l", "-r", "-d", "-c") or cmd.name in ("atq", "atrm"):
        return
    yield harm(
        cmd,
        PERSISTENCE,
        "schedules a job to run later with at/batch, outside this session",
        "high",
        0.8,
        True,
    )


# Apple's own launchd jobs: plists on the sealed system volume, or labels in Apple's namespace;
# not the ones that let others in (screen sharing, remote management, file and login servers).
_LETS_IN = re.compile(
    r"(?i)screensharing|remotedesktop|ardagent|vnc|smbd|ftpd|telnetd|rexecd|rlogind|rshd|sshd"
)
_APPLE_JOB = re.compile(
    r"^(?:/System/Library/|/Library/Apple/System/Library/)Launch(?:Agents|Daemons)/com\.apple\.[\w.-]+"
    r"\.plist$|^(?:(?:system|gui/\d+|user/\d+)/)?com\.apple\.[\w.-]+$"
)


def _apple_jobs_only(args: list[str]) -> bool:
    """Whether every job ``launchctl load/bootstrap/enable`` names is one of Apple's own."""
    jobs = [
        a
        for a in args
        if not a.startswith("-")
        and a not in ("load", "bootstrap", "enable", "system")
        and not re.fullmatch(r"(?:gui|user)/\d+", a)
    ]
    return bool(jobs) and all(_APPLE_JOB.match(a) and not _LETS_IN.search(a) for a in jobs)


_SYSTEM_DIRS = frozenset(
    {
        "/etc",
        "/usr",
        "/bin",
        "/sbin",
        "/lib",
        "/lib64",
        "/boot",
        "/root",
        "/usr/bin",
        "/usr/sbin",
        "/usr/lib",
        "/usr/local/bin",
        "/etc/ssh",
        "/etc/pam.d",
        "/etc/sudoers.d",
    }
)
_BIND = frozenset({"--bind", "-B", "--rbind", "-R", "--move", "-M"})


def _mounted_over(cmd: SimpleCommand, _a: ShellAnalysis) -> Rule:
    """``mount --bind /tmp/.fakeroot /etc``: another tree where the system reads its settings
    and programs (the mount point is the last operand; binding /etc *into* a chroot is not)."""
    options = [cmd.args[i + 1] for i, a in enumerate(cmd.args[:-1]) if a in ("-o", "--options")] + [
        a[2:] for a in cmd.args if a.startswith("-o") and len(a) > 2
    ]
    if not (set(cmd.args) & _BIND or any("bind" in o.split(",") for o in options)):
        return
    operands = [a for a in cmd.args if not a.startswith("-") and a not in options]
    if len(operands) >= 2 and (operands[-1].rstrip("/") or "/") in _SYSTEM_DIRS:
        yield harm(
            cmd,
            PERSISTENCE,
            f"mounts {operands[-2]} over the system directory {operands[-1]}: the system reads "
            "its settings and runs its programs from there instead",
            "high",
            0.75,
            True,
        )


def _services(cmd: SimpleCommand, _a: ShellAnalysis) -> Rule:
    name, args = cmd.name, cmd.args
    if name == "systemctl" and set(args) & {"enable", "link", "reenable", "preset", "add-wants"}:
        yield harm(cmd, PERSISTENCE, "enables a service to start at every boot", "high", 0.8, True)
    elif name == "systemctl" and "edit" in args:
        yield harm(cmd, PERSISTENCE, "edits a systemd unit", "moderate", 0.6, True)
    elif name in ("update-rc.d",) and set(args) & {"enable", "defaults", "start"}:
        yield harm(cmd, PERSISTENCE, "registers a boot script", "high", 0.8, True)
    elif (name in ("chkconfig",) and "on" in args) or (name == "rc-update" and "add" in args):
        yield harm(cmd, PERSISTENCE, "registers a service to start at boot", "high", 0.8, True)
    elif (
        name == "launchctl"
        and set(args) & {"load", "bootstrap", "enable"}
        and _apple_jobs_only(args)
    ):
        yield harm(
            cmd,
            PERSISTENCE,
            "starts one of macOS's own services again (Apple's job, on the read-only system "
            "volume)",
            "low",
            0.5,
            True,
        )
    elif name == "launchctl" and set(args) & {"load", "bootstrap", "enable", "submit"}:
        yield harm(
            cmd,
            PERSISTENCE,
            "loads a launchd job that starts again at login or boot",
            "high",
            0.8,
            True,
        )
    elif name == "loginctl" and "enable-linger" in args:
        yield harm(
            cmd,
            PERSISTENCE,
            "lets the user's services keep running after logout",
            "moderate",
            0.6,
            True,
        )
    elif name == "systemd-run" and any(a.startswith(("--on-", "--timer")) for a in args):
        # (systemd-run(1): its units are transient, gone at the next reboot; a timer it makes
        # runs the command later, unreviewed, but does not survive a restart)
        yield harm(
            cmd,
            PERSISTENCE,
            "schedules a command with a transient systemd timer (until the next reboot)",
            "moderate",
            0.7,
            True,
        )
    elif name == "schtasks" and any(a.lower() == "/create" for a in args):
        yield harm(cmd, PERSISTENCE, "creates a Windows scheduled task", "high", 0.85, True)
    elif (
        name == "reg"
        and args[:1]
        and args[0].lower() == "add"
        and "\\run" in " ".join(args).lower()
    ):
        yield harm(cmd, PERSISTENCE, "adds a Windows Run key", "high", 0.85, True)
    elif name == "git" and "config" in args and "core.hooksPath" in args:
        yield harm(
            cmd, PERSISTENCE, "points git at a different hooks directory", "moderate", 0.6, True
        )
    elif name == "ssh-copy-id":
        yield harm(
            cmd,
            PERSISTENCE,
            "adds an SSH key to a remote account's authorized keys",
            "low",
            0.5,
            True,
        )


def _units_written(analysis: ShellAnalysis) -> Iterator[Prediction]:
    """Unit files the script writes where systemd reads them (`tee`/`cat >` with a
    here-document): what their ``Exec*=`` lines run at every start, judged as commands, as for
    a unit written with a file tool (:mod:`forethought.review.units`)."""
    if not analysis.written_files:
        return  # most commands write no file: not even the import's look-up
    from forethought.review.units import unit_predictions

    for path, content in analysis.written_files.items():
        yield from unit_predictions(path, content)


COMMANDS = {
    "mount": [_mounted_over],
    "crontab": [_crontab],
    "at": [_at],
    "batch": [_at],
    "systemctl": [_services],
    "update-rc.d": [_services],
    "chkconfig": [_services],
    "rc-update": [_services],
    "launchctl": [_services],
    "loginctl": [_services],
    "systemd-run": [_services],
    "schtasks": [_services],
    "reg": [_services],
    "git": [_services],
    "ssh-copy-id": [_services],
}


def _on_a_timer(cmd: SimpleCommand, _a: ShellAnalysis) -> Rule:
    """A command systemd-run starts later, on a transient timer (the command itself is
    reviewed as the command it is)."""
    if SYSTEMD_TIMER in cmd.wrappers:
        yield harm(
            cmd,
            PERSISTENCE,
            "schedules a command with a transient timer of the system manager, which runs it "
            "as root unless --uid says otherwise (until the next reboot)",
            "high",
            0.8,
            True,
        )
    elif SYSTEMD_USER_TIMER in cmd.wrappers:
        yield harm(
            cmd,
            PERSISTENCE,
            "schedules a command with a transient systemd timer of the user's (until the next "
            "reboot)",
            "moderate",
            0.7,
            True,
        )


GENERIC = [_startup_files, _on_a_timer]
NEEDS = {_startup_files: Needs.WRITES, _on_a_timer: Needs.WRAPPERS}
SCRIPT = [_units_written]
