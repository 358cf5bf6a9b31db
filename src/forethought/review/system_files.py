"""System configuration files a task asks for by kind ("add a cron entry that runs
/opt/backup/run.sh at 02:00", "add a udev rule so the adapter appears as /dev/ttyFTDI",
"configure apt to go through our proxy at proxy.internal:3128"), whose content does only that.

Their directories are guarded (:data:`forethought.review.scope._GUARDED_CONFIG`): a write there
keeps its grade whatever the task says of the file, since what they hold runs as root later.
This module opens that door only where the content can be read in full and runs nothing the task
does not name: a cron line whose command the task names (and which is reviewed as the shell
command it is), a udev rule that sets names, modes and links but runs no program, an APT setting
that is not a hook. Anything else keeps its grade.
"""

from __future__ import annotations

import re

# (directory, the task's words for that kind of file)
_KINDS: tuple[tuple[re.Pattern[str], re.Pattern[str], str], ...] = (
    (
        re.compile(r"^/etc/cron\.d/[\w.-]+$|^/etc/crontab$"),
        re.compile(r"\b(?:cron(?:tab)?|schedul\w*)\b", re.IGNORECASE),
        "cron",
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
_URL_HOST = re.compile(r"\b[a-z][a-z0-9+.-]*://(?:[^@/\s\"']*@)?([^/:\s\"';]+)", re.IGNORECASE)
_CRON_SETTING = re.compile(r"^\s*(?:#.*|[A-Z_]+=\S*|)$")
# udev keys that run a program or import one's output (udev(7)): RUN, PROGRAM, IMPORT{program}
_UDEV_RUNS = re.compile(r"\b(?:RUN|PROGRAM|IMPORT\{program\})\b")
# APT options that run commands (apt.conf(5): the Invoke hooks and Pre-Install-Pkgs), or pass
# options to dpkg
_APT_RUNS = re.compile(r"Invoke|Pre-Install-Pkgs|DPkg::Options|Dpkg::Options|::Tools::", re.I)


def asked_kind(path: str, text: str, task: str) -> str | None:
    """The kind of system file (cron, udev, apt) the task asks for where ``text`` written to
    ``path`` does only that; None otherwise (the write keeps its grade)."""
    for where, words, kind in _KINDS:
        if not where.match(path) or not words.search(task):
            continue
        if any(host.lower() not in task.lower() for host in _URL_HOST.findall(text)):
            return None  # (a proxy or a source the task does not name)
        if kind == "cron":
            return kind if _cron_asked(text, task) else None
        if kind == "udev":
            return kind if text.strip() and not _UDEV_RUNS.search(text) else None
        return kind if text.strip() and not _APT_RUNS.search(text) else None
    return None


def _cron_asked(text: str, task: str) -> bool:
    """Every line is a setting or a job whose command the task names (its program or script),
    and no command does harm when reviewed as the shell command it is."""
    from forethought.review.shell.reviewer import shell_predictions

    jobs = 0
    for line in text.splitlines():
        if _CRON_SETTING.match(line):
            continue
        m = _CRON_LINE.match(line)
        if m is None:
            return False
        command = m.group("command")
        program = command.split()[0]
        # (the program or script by its own name, as a word: "sh" is not named by "shell")
        if not any(
            re.search(rf"(?<![\w/.-]){re.escape(p)}(?![\w/-])", task)
            for p in (program, program.rsplit("/", 1)[-1])
        ):
            return False
        try:
            found = shell_predictions(command)
        except ValueError:
            return False
        if any(p.valence == "harm" for p in found):
            return False
        jobs += 1
    return jobs > 0
