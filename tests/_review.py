"""`forethought review --json` on proposals, through the real command (a subprocess)."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any


def review_json(rows: Sequence[dict[str, Any]], cwd: Path, *extra: str) -> list[dict[str, Any]]:
    """One decision per proposal, in order; the ledger is ``cwd/l.db``."""
    result = subprocess.run(
        [sys.executable, "-m", "forethought", "review", "--json", "-", "--ledger", "l.db", *extra],
        input="\n".join(json.dumps(r) for r in rows).encode(),
        capture_output=True,
        cwd=cwd,
        check=False,
    )
    assert result.returncode == 0, result.stderr.decode()
    return [json.loads(line) for line in result.stdout.splitlines()]


def expect(decision: dict[str, Any], expected: str, case: str) -> None:
    """``decision`` (one of review_json's) is ``expected``: a verdict, or "stop" for any verdict
    but allow; the failure names the case and shows the explanation."""
    if expected == "stop":
        assert decision["decision"] != "allow", (case, decision["explanation"])
    else:
        assert decision["decision"] == expected, (case, decision["explanation"])
