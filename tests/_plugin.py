"""An installed reviewer plugin for tests that run the real `forethought` command.

``install(tmp_path)`` writes a module and a ``.dist-info`` with an entry point in the
``forethought.reviewers`` group; with that directory on PYTHONPATH, a policy that enables
``probe`` (inline) or ``probe_threaded`` (on a worker thread) gets a reviewer that misbehaves as
each proposal's ``mode`` argument says (tool ``probe``; it does not apply to other tools).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

MODULE = """
import math
import threading

from forethought.review.base import Prediction, Review

GOOD = Prediction("answers the probe", "benefit", 0.9, "low", True, "probe", "read_only")


class Probe:
    version = "1"
    canaries = ()

    def __init__(self, name, inline):
        self.name, self.inline = name, inline

    def applies(self, proposal):
        return proposal.action.tool == "probe"

    def review(self, proposal):
        mode = proposal.action.args.get("mode")
        if mode == "hang":
            threading.Event().wait()
        if mode == "exit0":
            raise SystemExit(0)
        if mode == "interrupt":
            raise KeyboardInterrupt
        if mode == "items":
            return Review(self.name, self.version, ("not a prediction",), risk=0.1)
        if mode == "nan_risk":
            return Review(self.name, self.version, (GOOD,), risk=math.nan)
        if mode == "nan_probability":
            bad = Prediction("harm", "harm", 0.5, "high", True, "probe")
            object.__setattr__(bad, "probability", math.nan)
            return Review(self.name, self.version, (bad,), risk=0.5)
        if mode == "cannot_judge":
            return Review(self.name, self.version, rationale="cannot judge this", partial=True)
        if mode == "escape":
            harm = Prediction(
                "sends \\x1b[2K\\x1b[8mhidden\\x1b[0m mail", "harm", 0.9, "moderate", True,
                "\\u202eevil\\x9b31m",
            )
            return Review.of(self.name, self.version, [harm], "\\x1b[1Arationale")
        return Review.of(self.name, self.version, [GOOD])


def inline(policy):
    return Probe("probe", True)


def threaded(policy):
    return Probe("probe_threaded", False)


class _Broken:
    version = "1"
    inline = True

    @property
    def name(self):
        raise RuntimeError("no name")


def broken(policy):
    return _Broken()
"""

ENTRY_POINTS = """[forethought.reviewers]
probe = ftprobe:inline
probe_threaded = ftprobe:threaded
probe_broken = ftprobe:broken
"""


def install(root: Path) -> Path:
    """Write the plugin under ``root/site``; returns that directory (for PYTHONPATH)."""
    site = root / "site"
    info = site / "ftprobe-1.0.dist-info"
    info.mkdir(parents=True, exist_ok=True)
    (site / "ftprobe.py").write_text(MODULE)
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: ftprobe\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text(ENTRY_POINTS)
    return site


def policy(root: Path, enabled: str = '"shell", "probe"', deadline_ms: int = 5000) -> Path:
    path = root / "policy.toml"
    path.write_text(f"[reviewers]\nenabled = [{enabled}]\ndeadline_ms = {deadline_ms}\n")
    return path


def forethought(
    root: Path, *args: str, stdin: str = "", timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    """The real command in a child process, with the plugin installed and its own ledger and
    configuration directory. ``timeout`` only guards the test run against a hang."""
    site = install(root)
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(site), os.environ.get("PYTHONPATH", "")]),
        "FORETHOUGHT_LEDGER": str(root / "ledger.db"),
        "XDG_CONFIG_HOME": str(root / "config"),
        "FORETHOUGHT_NO_SERVER": "1",
    }
    env.pop("FORETHOUGHT_POLICY", None)
    return subprocess.run(
        [sys.executable, "-m", "forethought", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=timeout,
    )


def probe(mode: str, **extra: object) -> str:
    return json.dumps({"tool": "probe", "args": {"mode": mode, **extra}})
