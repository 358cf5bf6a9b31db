"""Processes: the commands the code runs (judged by the shell reviewer), how their input and
output are wired, fork bombs, and switches of the process identity."""

from __future__ import annotations

import ast
import posixpath
import re
import shlex
from typing import TYPE_CHECKING

from forethought.review.python.findings import harm
from forethought.review.python.syntax import argument
from forethought.review.python.tables import FORKS, PROCESS_FORMS, SPAWNS_IN_LOOP
from forethought.review.python.values import UNKNOWN

if TYPE_CHECKING:
    from forethought.review.python.analysis import Analysis

# A program run from a file descriptor: an anonymous memory file (memfd_create) or an open
# file's descriptor, the way fileless malware runs what it downloaded (ATT&CK T1620).
_IN_MEMORY = re.compile(r"/proc/(?:self|\d+|\{[^}]*\})/fd/|/dev/fd/|memfd")
_SHELLS = frozenset({"sh", "bash", "zsh", "dash", "ksh", "csh", "tcsh", "fish", "ash", "busybox"})


def process(a: Analysis, node: ast.Call, name: str) -> None:
    evidence = a.evidence(node)
    command = _command(a, node, name)
    redirected = any(
        kw.arg in ("stdin", "stdout", "stderr") and "fileno" in a.source.segment(kw.value)
        for kw in node.keywords
    )
    if name == "pty.spawn" or redirected or _is_interactive_shell(command):
        a.facts.hands_over_io = True
    if command is None and _IN_MEMORY.search(a.source.segment(node)):
        a.add([harm(f"runs a program held only in memory ({name} of a /proc/self/fd or "
                    "memfd file): whatever it is never touches the disk, where it could be "
                    "inspected", 0.85, "high", evidence, "unknown_code")])
        a.facts.uncertain.append((0.8, f"`{name}` runs a program held only in memory"))
        return
    if command is None:
        a.add([harm(f"runs a command built at run time ({name}); it cannot be reviewed", 0.6,
                    "moderate", evidence, "unknown_code")])
        a.facts.uncertain.append((0.8, f"`{name}` runs a command built at run time"))
        return
    a.facts.commands.append((command, evidence))
    a.add(a.shell(command, evidence, f"from Python via {name}"))
    share, reasons = a.program.shell.uncertainty(command)
    a.facts.uncertain += [(share, reason) for reason in reasons[:1]]


def _command(a: Analysis, node: ast.Call, name: str) -> str | None:
    """The command line a process call runs, where it is known before the code runs."""
    form, index = PROCESS_FORMS[name]
    if any(isinstance(arg, ast.Starred) for arg in node.args):
        return None
    if form == "first":
        value = a.static(argument(node, 0, "args", "cmd", "command", "argv"))
    elif form == "argv":
        value = a.static(argument(node, index, "argv", "args"))
    else:
        end = -1 if form.endswith("+env") else None
        value = [a.static(arg) for arg in node.args[index:end]]
    if value is UNKNOWN and form in ("first", "argv"):
        value = _argv_with_interpreter(a, argument(node, 0 if form == "first" else index,
                                                   "args", "cmd", "command", "argv"))
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    if isinstance(value, str):
        return value
    if form != "first" and index >= 1 and isinstance(value, (list, tuple)):
        # os.exec*/spawn*/posix_spawn run the file given before the arguments; argv[0] is only
        # the name the process shows (`os.execv("/proc/self/fd/3", ["kworker"])` runs fd 3)
        path = a.static(node.args[index - 1]) if len(node.args) >= index else UNKNOWN
        if isinstance(path, bytes):
            path = path.decode("utf-8", "replace")
        if not isinstance(path, str):
            return None
        value = [path, *list(value)[1:]]
    if isinstance(value, list) and value and all(isinstance(v, (str, bytes)) for v in value):
        return shlex.join(v.decode("utf-8", "replace") if isinstance(v, bytes) else v
                          for v in value)
    return None


def _argv_with_interpreter(a: Analysis, node: ast.expr | None) -> object:
    """``[sys.executable, '-m', 'pip', ...]``: the running interpreter is ``python3``."""
    if not isinstance(node, (ast.List, ast.Tuple)):
        return UNKNOWN
    words = ["python3" if a.resolve(e) == "sys.executable" else a.static(e) for e in node.elts]
    return UNKNOWN if any(w is UNKNOWN for w in words) else words


def _is_interactive_shell(command: str | None) -> bool:
    """``/bin/sh -i``, ``bash``: a shell that reads its commands from stdin."""
    if not command:
        return False
    words = command.split()
    return posixpath.basename(words[0]) in _SHELLS and "-c" not in words


def dup2(a: Analysis, node: ast.Call, name: str) -> None:
    a.facts.hands_over_io = True


def setuid(a: Analysis, node: ast.Call, name: str) -> None:
    values = [a.static(arg) for arg in node.args]
    evidence = a.evidence(node)
    if 0 in values and all(isinstance(v, int) for v in values):
        a.add([harm(f"switches the process to root with {name}(0)", 0.9, "high", evidence,
                    "privilege_escalation", reversible=True)])
    elif not values or any(not isinstance(v, int) for v in values):
        a.add([harm(f"changes the process identity with {name}()", 0.5, "moderate", evidence,
                    "privilege_escalation", reversible=True)])


def loop(a: Analysis, node: ast.While | ast.For) -> None:
    """An endless (or very long) loop that forks or starts processes."""
    if isinstance(node, ast.While):
        test = a.static(node.test)
        endless = test is not UNKNOWN and bool(test)
    else:
        count = a.static(node.iter.args[0]) if (
            isinstance(node.iter, ast.Call) and a.resolve(node.iter.func) == "range"
            and len(node.iter.args) == 1
        ) else UNKNOWN
        endless = isinstance(count, int) and count >= 1000
    if not endless:
        return
    body = [sub for stmt in node.body for sub in ast.walk(stmt)]
    exits = any(isinstance(s, (ast.Break, ast.Return)) for s in body)
    if isinstance(node, ast.While) and exits:
        return
    calls = {a.resolve(s.func) for s in body if isinstance(s, ast.Call)}
    evidence = a.evidence_text(a.source.segment(node).split("\n", 1)[0])
    if calls & FORKS:
        a.add([harm("forks processes without end (a fork bomb): the machine stops responding",
                    0.9, "critical", evidence, "resource_abuse", reversible=True)])
    elif calls & SPAWNS_IN_LOOP:
        a.add([harm("starts processes in an endless loop, exhausting the machine", 0.6, "high",
                    evidence, "resource_abuse", reversible=True)])


# Methods of SSH libraries that run a command line on another host: paramiko's
# SSHClient.exec_command (everywhere: no other library has it), and where the code imports
# Fabric or asyncssh, their connections' run and sudo.
_REMOTE_LIBRARIES = ("fabric", "asyncssh")


def runs_remotely(a: Analysis, method: str) -> bool:
    if method == "exec_command":
        return True
    return method in ("run", "sudo") and any(m in a.code for m in _REMOTE_LIBRARIES)


def remote_command(a: Analysis, node: ast.Call, method: str) -> None:
    """A command line run on another host over SSH: judged as the shell command it is (the
    host runs it as written), or unknown where it is built at run time."""
    evidence = a.evidence(node)
    value = a.static(argument(node, 0, "command", "cmd"))
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    if not isinstance(value, str):
        a.add([harm(f"runs a command built at run time on another host ({method}); it cannot "
                    "be reviewed", 0.6, "moderate", evidence, "unknown_code")])
        a.facts.uncertain.append((0.8, f"`{method}` runs a command built at run time"))
        return
    if method == "sudo":
        value = f"sudo {value}"  # (Fabric's sudo runs it as root there)
    a.facts.commands.append((value, evidence))
    a.add(a.shell(value, evidence, f"on another host via {method}"))
