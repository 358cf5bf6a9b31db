"""Which process a run lives in, so that a run whose process died without a ``run_end`` can be
told from one still running (``forethought runs`` shows it as crashed).

``identity()`` is recorded in the ``run_start`` event: the pid, the host, and on Linux the boot
id and the process's start time in clock ticks since boot, so that a pid reused by another
process after a crash, or after a reboot, is not mistaken for the run's own.
"""

from __future__ import annotations

import os
import socket
from typing import Any


def identity() -> dict[str, Any]:
    """This process, as ``alive`` can check it later."""
    found: dict[str, Any] = {"pid": os.getpid(), "host": socket.gethostname()}
    boot, started = _boot_id(), _start_ticks(os.getpid())
    if boot and started is not None:
        found |= {"boot_id": boot, "start_ticks": started}
    return found


def alive(process: dict[str, Any]) -> bool | None:
    """Whether the process ``identity()`` described still runs: None when this host cannot
    tell (the run started on another host, or the record is not a process)."""
    pid = process.get("pid")
    if not isinstance(pid, int) or process.get("host") != socket.gethostname():
        return None
    if "boot_id" in process:
        if _boot_id() != process["boot_id"]:
            return False  # rebooted since
        return _start_ticks(pid) == process.get("start_ticks")
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process holds the pid now
        return False
    return True


def _boot_id() -> str | None:
    try:
        with open("/proc/sys/kernel/random/boot_id") as f:
            return f.read().strip() or None
    except OSError:
        return None


def _start_ticks(pid: int) -> int | None:
    """The process's start time (field 22 of /proc/PID/stat); None if there is no such process
    or it has exited (a zombie)."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rpartition(")")[2].split()
    except OSError:
        return None
    if not fields or fields[0] == "Z":
        return None
    return int(fields[19])
