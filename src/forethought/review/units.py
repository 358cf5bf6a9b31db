"""What a systemd unit file runs: its ``Exec*=`` lines, at every start, usually as root.

A unit written into ``/etc/systemd/system`` is persistence by its path whatever it holds (the
path catalogue says so, and the task scope can put it in the user's hands: "install node_exporter
as a systemd service"). What the unit *does* is in its command lines, which run outside this
session and its review every time the service starts. They are reviewed here as the commands
they are (systemd's syntax is a command line: a program and its arguments, with an optional
prefix of ``-@:+!``), so a unit that opens a reverse shell or pipes a download into a shell is
a harm of its own, with the command as evidence, and no task about the service makes it the
user's. See systemd.service(5), "COMMAND LINES".
"""

from __future__ import annotations

import re

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
    every start of the service; nothing for a path systemd does not read units from."""
    if unit_name(path) is None or not text:
        return []
    from forethought.review.shell.reviewer import shell_predictions

    found: list[Prediction] = []
    moderate = SEVERITIES.index("moderate")
    for setting, command in unit_commands(text):
        try:
            inner = shell_predictions(command)
        except ValueError:  # too large or not parseable: the unit's commands are unknown
            inner = [
                Prediction(
                    f"installs a service whose {setting} cannot be reviewed",
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
                    f"installs a service whose {setting} runs at every start, outside review: "
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
