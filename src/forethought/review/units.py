"""What a systemd unit file runs: its ``Exec*=`` lines, at every start, usually as root.

A unit written into ``/etc/systemd/system`` is persistence by its path whatever it holds (the
path catalogue says so, and the task scope can put it in the user's hands: "install node_exporter
as a systemd service"). What the unit *does* is in its command lines, which run outside this
session and its review every time the service starts. They are reviewed here as the commands
they are (systemd's syntax is a command line: a program and its arguments, with an optional
prefix of ``-@:+!``), so a unit that opens a reverse shell or pipes a download into a shell is
a harm of its own, with the command as evidence, and no task about the service makes it the
user's. See systemd.service(5), "COMMAND LINES".

macOS's launchd jobs are the same thing: a property list in a ``LaunchAgents`` or
``LaunchDaemons`` directory whose ``Program``/``ProgramArguments`` run at every load (login or
boot), judged here the same way. See launchd.plist(5).
"""

from __future__ import annotations

import plistlib
import re
import shlex
from typing import Any

from forethought.review.base import SEVERITIES, Prediction

# Where systemd reads units from (systemd.unit(5), "UNIT FILE LOAD PATH"), system and user.
UNIT_PATH = re.compile(
    r"^(?:/etc|/usr/lib|/lib|/run|/usr/local/lib)/systemd/(?:system|user)/"
    r"(?:[\w@.:-]+\.(?:service|socket|timer|path|mount|target)\.d/)?"
    r"([\w@.:-]+?)\.(?:service|socket|timer|path|mount|target|conf)$|"
    r"^(?:~|\$HOME|\$\{HOME\})/\.config/systemd/user/([\w@.:-]+?)\.(?:service|timer|socket)$"
)
# The settings whose value is a command line (systemd.service(5)); ExecSearchPath is a path.
_EXEC = re.compile(
    r"^\s*(Exec(?:Start|StartPre|StartPost|Stop|StopPost|Reload|Condition))\s*=\s*(.*)$"
)
_MAX_COMMANDS = 16
_MAX_LENGTH = 4000
# Where launchd reads jobs from (launchd.plist(5), "FILES"): the user's agents, every user's
# agents, the system's daemons; the file's name is the job's label by convention.
LAUNCHD_PATH = re.compile(
    r"^(?:~|\$HOME|\$\{HOME\}|/Users/[^/]+|/var/root|/System)?"
    r"/Library/Launch(?:Agents|Daemons)/([\w@.-]+?)(?:\.plist)?$"
)
_PLIST_STRING = re.compile(r"<string>([^<]*)</string>")
_PLIST_PROGRAM = re.compile(
    r"<key>\s*(Program|ProgramArguments)\s*</key>\s*(<string>[^<]*</string>|<array>.*?</array>)",
    re.DOTALL,
)


def launchd_label(path: str) -> str | None:
    """The label of the launchd job whose property list is ``path`` (``com.example.backup``),
    or None if launchd does not read jobs from there."""
    m = LAUNCHD_PATH.match(path.strip())
    return None if m is None else m.group(1)


def is_job_file(path: str) -> bool:
    """Whether ``path`` is where systemd reads units or launchd reads jobs."""
    return unit_name(path) is not None or launchd_label(path) is not None


def _unescape(text: str) -> str:
    return (
        text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&apos;", "'")
    ).replace("&amp;", "&")


def launchd_commands(text: str) -> list[tuple[str, str]]:
    """(key, command line) for a launchd job's ``Program`` and ``ProgramArguments`` (joined as
    a shell would quote them); read as a property list, else from its XML text."""
    found: list[tuple[str, list[str]]] = []
    try:
        data: Any = plistlib.loads(text.encode())
    except Exception:  # not a whole property list: read the XML as text
        data = None
    if isinstance(data, dict):
        arguments = data.get("ProgramArguments")
        if isinstance(arguments, list) and all(isinstance(a, str) for a in arguments):
            found.append(("ProgramArguments", arguments))
        program = data.get("Program")
        if isinstance(program, str):
            found.append(("Program", [program]))
    else:
        for m in _PLIST_PROGRAM.finditer(text):
            found.append((m.group(1), [_unescape(v) for v in _PLIST_STRING.findall(m.group(2))]))
    return [(key, shlex.join(words)[:_MAX_LENGTH]) for key, words in found if words][:_MAX_COMMANDS]


def unit_name(path: str) -> str | None:
    """The unit's name without its suffix (``node_exporter``), or None if ``path`` is not a
    unit file where systemd looks."""
    m = UNIT_PATH.match(path.strip())
    return None if m is None else (m.group(1) or m.group(2))


def unit_commands(text: str) -> list[tuple[str, str]]:
    """(setting, command line) for each ``Exec*=`` line, continuation lines joined and the
    special prefixes (``-``, ``@``, ``:``, ``+``, ``!``) removed."""
    joined = re.sub(r"\\\n", " ", text)
    found: list[tuple[str, str]] = []
    for line in joined.splitlines():
        m = _EXEC.match(line)
        if m is None:
            continue
        command = m.group(2).strip().lstrip("-@:+!").strip()
        if command:
            found.append((m.group(1), command[:_MAX_LENGTH]))
    return found[:_MAX_COMMANDS]


def unit_predictions(path: str, text: str) -> list[Prediction]:
    """The harms (moderate or worse) of the commands a unit file written at ``path`` runs at
    every start of the service (or load of the launchd job); nothing for a path systemd or
    launchd does not read from."""
    if not text:
        return []
    if unit_name(path) is not None:
        commands, what = unit_commands(text), "a service"
    elif launchd_label(path) is not None:
        commands, what = launchd_commands(text), "a launchd job"
    else:
        return []
    from forethought.review.shell.reviewer import shell_predictions

    found: list[Prediction] = []
    moderate = SEVERITIES.index("moderate")
    for setting, command in commands:
        try:
            inner = shell_predictions(command)
        except ValueError:  # too large or not parseable: the unit's commands are unknown
            inner = [
                Prediction(
                    f"installs {what} whose {setting} cannot be reviewed",
                    "harm",
                    0.6,
                    "high",
                    False,
                    command[:200],
                    "unknown_code",
                )
            ]
        for p in inner:
            if p.valence != "harm" or SEVERITIES.index(p.severity) < moderate:
                continue
            found.append(
                Prediction(
                    f"installs {what} whose {setting} runs at every start, outside review: "
                    f"{p.outcome}",
                    "harm",
                    p.probability,
                    p.severity,
                    False,
                    p.evidence,
                    p.category or "persistence",
                )
            )
    return found
