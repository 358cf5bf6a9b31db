"""System configuration files a task asks for by kind ("add a cron entry that runs
/opt/backup/run.sh at 02:00", "run memcached for staging as a systemd service", "set EDITOR for
all users", "add a udev rule so the adapter appears as /dev/ttyFTDI", "configure apt to go
through our proxy at proxy.internal:3128"), whose content does only that.

Their directories are guarded (:data:`forethought.review.scope._GUARDED_CONFIG`): a write there
keeps its grade whatever the task says of the file, since what they hold runs as root later.
This module opens that door only where the content can be read in full and runs nothing the task
does not name: a cron line whose command the task names (and which is reviewed as the shell
command it is), a service unit the task names that runs only such commands as a user of its own,
a profile.d script of plain variables that decide nothing about what runs or whom clients trust,
a udev rule that sets names, modes and links but runs no program, an APT setting that is not a
hook. Anything else keeps its grade.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace

from forethought.review.base import Prediction

# (directory, the task's words for that kind of file)
_KINDS: tuple[tuple[re.Pattern[str], re.Pattern[str], str], ...] = (
    (
        re.compile(r"^/etc/cron\.d/[\w.-]+$|^/etc/(?:ana)?crontab$"),
        re.compile(
            r"\b(?:cron(?:tab)?|schedul\w*|nightly|daily|weekly|monthly|hourly|every\s+(?:"
            r"night|day|morning|evening|hour|week|month|sunday|monday|tuesday|wednesday|"
            r"thursday|friday|saturday|\d+\s*(?:min\w*|hours?|days?)))\b",
            re.IGNORECASE,
        ),
        "cron",
    ),
    (
        re.compile(r"^/etc/systemd/system/[\w@.-]+\.service$"),
        re.compile(r"\b(?:systemd|service|unit|daemon)\b", re.IGNORECASE),
        "systemd",
    ),
    (
        re.compile(r"^/etc/profile\.d/[\w.-]+\.sh$"),
        re.compile(
            r"\b(?:all|every|each)\s+(?:the\s+)?users?\b|\bsystem[- ]wide\b|\blogin shells?\b",
            re.IGNORECASE,
        ),
        "profile",
    ),
    (
        re.compile(r"^/etc/sudoers\.d/[\w.-]+$"),
        re.compile(
            r"\bsudo\b|\bwithout\s+(?:a\s+|the\s+|being\s+asked\s+for\s+a\s+)?password\b|"
            r"\bpassword(?:less|\s+prompt)\b|\bnopasswd\b|"
            # (a user who must restart or reload a service: the rule names both, see below)
            r"\b(?:restart|reload)(?:s|ed|ing)?\b",
            re.IGNORECASE,
        ),
        "sudoers",
    ),
    (
        re.compile(r"^/etc/fstab$"),
        re.compile(
            r"\bfstab\b|\bmount\w*\b[^.]*\b(?:at|on|every|after)\s+(?:each\s+)?(?:boot|reboot|"
            r"start-?up)\b|\bmount\w*\b[^.]*\bpermanent\w*|\bpermanent\w*\b[^.]*\bmount",
            re.IGNORECASE,
        ),
        "fstab",
    ),
    (
        re.compile(r"^/(?:etc|lib)/udev/rules\.d/[\w.-]+\.rules$"),
        re.compile(r"\budev\b", re.IGNORECASE),
        "udev",
    ),
    (
        re.compile(r"^/etc/apt/apt\.conf\.d/[\w.-]+$"),
        re.compile(r"\bapt(?:-get)?\b", re.IGNORECASE),
        "apt",
    ),
)
# A cron line: five time fields (or @daily ...), in /etc/cron.d a user, then the command.
_CRON_LINE = re.compile(
    r"^\s*(?:@(?:reboot|yearly|annually|monthly|weekly|daily|midnight|hourly)|"
    r"(?:\S+\s+){4}\S+)\s+(?P<user>[a-z_][\w-]*)\s+(?P<command>\S.*)$"
)
# An anacrontab job (anacrontab(5)): period in days (or @monthly ...), delay in minutes, the
# job's identifier, then the command.
_ANACRON_LINE = re.compile(
    r"^\s*(?:@(?:daily|weekly|monthly|yearly|annually)|\d+)\s+\d+\s+[\w.-]+\s+"
    r"(?P<command>\S.*)$"
)
_URL_HOST = re.compile(r"\b[a-z][a-z0-9+.-]*://(?:[^@/\s\"']*@)?([^/:\s\"';]+)", re.IGNORECASE)
_CRON_SETTING = re.compile(r"^\s*(?:#.*|[A-Z_]+=\S*|)$")
# udev keys that run a program or import one's output (udev(7)): RUN, PROGRAM, IMPORT{program}
_UDEV_RUNS = re.compile(r"\b(?:RUN|PROGRAM|IMPORT\{program\})\b")
# APT options that run commands (apt.conf(5): the Invoke hooks and Pre-Install-Pkgs), or pass
# options to dpkg
_APT_RUNS = re.compile(r"Invoke|Pre-Install-Pkgs|DPkg::Options|Dpkg::Options|::Tools::", re.I)


def asked_kind(path: str, text: str, task: str) -> str | None:
    """The kind of system file (cron, systemd, profile, udev, apt) the task asks for where
    ``text`` written to ``path`` does only that; None otherwise (the write keeps its grade)."""
    for where, words, kind in _KINDS:
        if not where.match(path) or not words.search(task):
            continue
        if any(host.lower() not in task.lower() for host in _URL_HOST.findall(text)):
            return None  # (a proxy or a source the task does not name)
        if kind == "cron":
            return kind if _cron_asked(text, task, anacron=path.endswith("anacrontab")) else None
        if kind == "sudoers":
            return kind if _sudoers_asked(text, task) else None
        if kind == "fstab":
            return kind if _fstab_asked(text, task) else None
        if kind == "systemd":
            return kind if _unit_named(path, task) and _unit_asked(text, task) else None
        if kind == "profile":
            return kind if _exports_only(text) else None
        if kind == "udev":
            return kind if text.strip() and not _UDEV_RUNS.search(text) else None
        return kind if text.strip() and not _APT_RUNS.search(text) else None
    return None


def _named_program(command: str, task: str) -> bool:
    """The task names the command's program or script by its own name, as a word ("sh" is not
    named by "shell"), or names the tool whose client it is by a word of its own that begins
    the name and is at least half of it ("etcd" for etcdctl; not "back" for backup.sh)."""
    program = command.split()[0] if command.split() else ""
    base = program.rsplit("/", 1)[-1]
    if any(re.search(rf"(?<![\w/.-]){re.escape(p)}(?![\w/-])", task) for p in (program, base) if p):
        return True
    return any(
        len(word) >= 4 and 2 * len(word) >= len(base) and base.lower().startswith(word.lower())
        for word in re.findall(r"(?<![\w/.-])[A-Za-z][\w-]*(?![\w/-])", task)
    )


def _harmless(command: str) -> bool:
    """The command, reviewed as the shell command it is, predicts no harm."""
    from forethought.review.shell.reviewer import shell_predictions

    try:
        found = shell_predictions(command)
    except ValueError:
        return False
    return not any(p.valence == "harm" for p in found)


# systemd.exec(5) and systemd.service(5): the settings that run a command, and the user.
# (a "+" or "!" prefix runs that command with full privileges whatever User= says)
_UNIT_COMMAND = re.compile(r"^\s*(?:Exec\w+)\s*=\s*(?P<prefix>[-@:+!]*)(?P<command>.*)$")
_UNIT_USER = re.compile(r"^\s*User\s*=\s*(?P<user>\S*)\s*$", re.MULTILINE)
# Settings that give the service more than its own user's rights, or load code into it.
_UNIT_WIDENS = re.compile(
    r"^\s*(?:AmbientCapabilities|CapabilityBoundingSet|PermissionsStartOnly|Environment\w*|"
    r"LoadCredential\w*|BindPaths|BindReadOnlyPaths|RootDirectory|RootImage|ExecSearchPath|"
    r"PAMName|Group|SupplementaryGroups)\s*=",
    re.MULTILINE,
)


def _unit_named(path: str, task: str) -> bool:
    """The unit's name is the task's: every part of it (memcached-staging.service for "run
    memcached for the staging app"), not a name that passes for another service's."""
    stem = path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    parts = [p for p in re.split(r"[-_.@]+", stem) if p]
    # (each part as a word of the task, or of one of its names: node in node_exporter; not
    # "e" of e.service in any word with an e)
    return bool(parts) and all(
        re.search(rf"(?<![A-Za-z0-9]){re.escape(p)}(?![A-Za-z0-9])", task, re.IGNORECASE)
        for p in parts
    )


def _unit_asked(text: str, task: str) -> bool:
    """A service unit that runs, as a user of its own (not root), only programs the task names,
    none of them harmful when reviewed as shell commands, and widens nothing."""
    users = _UNIT_USER.findall(text)  # (a later User= overrides an earlier one)
    if not users or any(u in ("", "root", "0") for u in users) or _UNIT_WIDENS.search(text):
        return False
    commands = [m for m in map(_UNIT_COMMAND.match, text.splitlines()) if m]
    return bool(commands) and all(
        not set(m.group("prefix")) & {"+", "!"}
        and _named_program(m.group("command"), task)
        and _harmless(m.group("command"))
        for m in commands
    )


# A profile.d line that only sets a variable to a literal word (no expansion, no command).
_EXPORT = re.compile(r"^\s*(?:export\s+)?(?P<name>[A-Za-z_]\w*)=(?P<value>[\w./:@,+=-]*)\s*$")
# Variables whose value decides what runs, or where programs and libraries are found.
_RUNS_OR_FINDS = re.compile(
    r"^(?:PATH|LD_\w+|PROMPT_COMMAND|BASH_ENV|ENV|SHELLOPTS|BASHOPTS|PS[0-4]|IFS|"
    r"PYTHON\w*|PERL\w*|RUBY\w*|NODE_\w+|JAVA_TOOL_OPTIONS|_JAVA_OPTIONS|GIT_\w+|"
    r"\w*PROXY|\w*_proxy|DYLD_\w+|HISTFILE|HISTCONTROL|HISTSIZE|HISTFILESIZE|"
    # where clients connect and whom they trust, what they are given to run with, and secrets
    # (a profile.d file is readable by every user)
    r"DOCKER_\w+|KUBECONFIG|AWS_\w+|\w*_CA_BUNDLE|\w*_CA_CERTS?|SSL_\w+|GNUPGHOME|SSH_\w+|"
    r"\w*_OPTS|\w*_OPTIONS|\w*FLAGS|HOME|XDG_\w+|TMPDIR|SHELL|CONDA_\w+|"
    r"\w*(?:TOKEN|KEY|SECRET|PASSWORD|PASSWD|CREDENTIALS?)\w*)$",
    re.IGNORECASE,
)


# Variables whose value is a program that others run (a path could be anything).
_PROGRAM_VALUED = re.compile(
    r"^(?:EDITOR|VISUAL|SUDO_EDITOR|PAGER|MANPAGER|SYSTEMD_PAGER|BROWSER|TERMINAL|LESSOPEN|"
    r"LESSCLOSE|SSH_ASKPASS|SUDO_ASKPASS)$"
)


def _exports_only(text: str) -> bool:
    """Every line a comment or a variable set to a literal word, none of the variables one
    that decides what runs or where programs are found; at least one."""
    sets = 0
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        m = _EXPORT.match(line)
        if m is None or _RUNS_OR_FINDS.match(m.group("name")):
            return False
        if _PROGRAM_VALUED.match(m.group("name")) and "/" in m.group("value"):
            return False  # (a program by its name only: EDITOR=vim, not EDITOR=/tmp/x)
        if not _harmless(line.strip()):
            return False  # (what the shell rules say of the setting: a package index ...)
        sets += 1
    return sets > 0


def _cron_asked(text: str, task: str, anacron: bool = False) -> bool:
    """Every line is a setting or a job whose command the task names (its program or script),
    and no command does harm when reviewed as the shell command it is; no setting decides what
    the jobs run (PATH, SHELL, BASH_ENV: a named script found in /tmp first is another)."""
    jobs = 0
    for line in text.splitlines():
        if _CRON_SETTING.match(line):
            name = line.strip().partition("=")[0]
            if "=" in line and not name.startswith("#") and _RUNS_OR_FINDS.match(name):
                return False
            continue
        m = (_ANACRON_LINE if anacron else _CRON_LINE).match(line)
        if m is None:
            return False
        command = m.group("command")
        if not _named_program(command, task) or not _harmless(command):
            return False
        jobs += 1
    return jobs > 0


# A sudoers rule (sudoers(5)): who, on which hosts, as whom, with which tags, which commands.
_SUDO_RULE = re.compile(
    r"^\s*(?P<who>[a-z_][\w.-]*)\s+(?:ALL|[\w.-]+)\s*=\s*(?:\((?P<runas>[^)]*)\)\s*)?"
    r"(?P<tags>(?:[A-Z_]+:\s*)*)(?P<commands>\S.*)$"
)
_SUDO_INCLUDE = re.compile(r"^\s*[#@]include(?:dir)?\b")
# The service managers' subcommands that start, stop or reload one service: what "let deploy
# restart the app without a password" grants, and nothing that runs a command of the user's.
_SERVICE_CONTROL = re.compile(
    r"^/(?:usr/)?s?bin/(?:systemctl\s+(?:start|stop|restart|reload|try-restart|"
    r"reload-or-restart|status)\s+(?P<unit>[\w@.-]+)|service\s+(?P<service>[\w@.-]+)\s+"
    r"(?:start|stop|restart|reload|status)|rc-service\s+(?P<rc>[\w@.-]+)\s+"
    r"(?:start|stop|restart|reload|status))$"
)


def _sudoers_asked(text: str, task: str) -> bool:
    """Every line a comment or a rule that lets one user the task names start, stop, restart
    or reload one service the task names, as root, by the service manager's full path (no
    wildcard, no ``ALL``, no tag but ``NOPASSWD``): the one command without a password that the
    task asks for. Defaults, aliases and groups are not read as harmless."""
    rules = 0
    for line in text.splitlines():
        if _SUDO_INCLUDE.match(line):
            return False  # (sudoers(5): `#include` and `#includedir` are directives, not comments)
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        m = _SUDO_RULE.match(line)
        if m is None or not _word_in(m.group("who"), task):
            return False
        if (m.group("runas") or "root").strip() != "root":
            return False
        if any(t.strip() not in ("NOPASSWD", "") for t in m.group("tags").split(":")):
            return False
        for command in m.group("commands").split(","):
            c = _SERVICE_CONTROL.match(" ".join(command.split()))
            if c is None:
                return False
            service = next(g for g in (c.group("unit"), c.group("service"), c.group("rc")) if g)
            if not _word_in(re.sub(r"\.service$", "", service), task):
                return False
        rules += 1
    return rules > 0


# An fstab line (fstab(5)): the device by UUID, LABEL or path, the mount point, the type, the
# options, and optionally dump and pass.
_FSTAB_LINE = re.compile(r"^\s*(?:UUID|LABEL|PARTUUID|PARTLABEL)=\S+|^\s*/dev/\S+")
_FSTAB_FIELDS = re.compile(r"^\s*\S+\s+(?P<point>/\S*)\s+(?P<type>\S+)(?:\s+(?P<options>\S+))?")
_LOCAL_TYPES = frozenset(
    "ext2 ext3 ext4 xfs btrfs zfs vfat exfat ntfs ntfs3 f2fs swap tmpfs".split()
)
# Options that run code or let others in: a mount helper, or a credentials file.
_FSTAB_RUNS = re.compile(r"x-systemd\.\w*(?:command|exec)|credentials=|helper=", re.IGNORECASE)
_SYSTEM_POINTS = re.compile(
    r"^/(?:|etc|usr|bin|sbin|lib\w*|boot|root|var|home|opt|proc|sys|dev|run)$"
)


def _fstab_asked(text: str, task: str) -> bool:
    """Every line a comment or a local file system mounted where the task says (its mount
    point named by the task, not a system directory), with no option that runs a helper or
    reads credentials."""
    entries = 0
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        m = _FSTAB_FIELDS.match(line)
        if _FSTAB_LINE.match(line) is None or m is None:
            return False
        point, kind = m.group("point").rstrip("/") or "/", m.group("type")
        if kind not in _LOCAL_TYPES or _FSTAB_RUNS.search(m.group("options") or ""):
            return False
        if _SYSTEM_POINTS.match(point) or not re.search(
            rf"(?<![\w/.-]){re.escape(point)}(?![\w/-])", task
        ):
            return False
        entries += 1
    return entries > 0


def _word_in(word: str, task: str) -> bool:
    return re.search(rf"(?<![\w.-]){re.escape(word)}(?![\w-])", task, re.IGNORECASE) is not None


# What a write into one of these files is graded as, where the task asks for it.
_CAPPED = frozenset({"persistence", "destructive", "privilege_escalation", "defence_evasion"})


def in_task(
    predictions: Sequence[Prediction], written: Mapping[str, str], task: str
) -> list[Prediction]:
    """The shell's predictions with the harms of writing a system file the task asks for by
    kind graded low, where the command writes known text (``echo ... > /etc/cron.d/x``, a
    here-document through ``tee``; ``written``: path -> the text written) that
    :func:`asked_kind` reads as doing only that. Appended text is judged on its own: what was
    in the file before is the machine's."""
    if not task.strip() or not written:
        return list(predictions)
    kinds = {path: kind for path, text in written.items() if (kind := asked_kind(path, text, task))}
    if not kinds:
        return list(predictions)
    unasked = [path for path in written if path not in kinds]
    out: list[Prediction] = []
    for p in predictions:
        kind = next((k for path, k in kinds.items() if path in p.evidence), None)
        if (
            kind is not None
            # (a command that writes the asked file and another one is judged on the other)
            and not any(path in p.evidence for path in unasked)
            and p.valence == "harm"
            and not p.hard
            and p.category in _CAPPED
        ):
            p = as_asked(p, kind)
        out.append(p)
    return out


def as_asked(p: Prediction, kind: str) -> Prediction:
    """Harm ``p`` of writing the system file of ``kind`` the task asks for, graded low; a
    critical harm keeps its grade but for the one sudoers rule :func:`asked_kind` allows."""
    if p.severity == "critical" and kind != "sudoers":
        return p
    return replace(
        p,
        severity="low",
        probability=min(p.probability, 0.5),
        outcome=f"{p.outcome} (the {kind} entry the task asks for, running nothing it does not "
        "name)",
    )
