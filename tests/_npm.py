"""Where the end-to-end tests find the real npm clients (Claude Code, the MCP filesystem server,
Codex).

``$FORETHOUGHT_NPM_BIN`` if set, else the repository's ``.ci-npm/node_modules/.bin`` (what
``.ci/run`` installs: ``npm install --prefix .ci-npm ...``), else ``PATH``. A test that needs
one skips, naming what is missing and how to install it, only where it is not there.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
INSTALL = (
    "npm install --prefix .ci-npm --no-audit --no-fund "
    "@anthropic-ai/claude-code @modelcontextprotocol/server-filesystem @openai/codex"
)


def npm_bin(name: str, package: str) -> str:
    """The absolute path of ``name`` from npm ``package``, or skip the test saying why."""
    places = [os.environ.get("FORETHOUGHT_NPM_BIN", ""), str(REPO / ".ci-npm/node_modules/.bin")]
    for place in filter(None, places):
        candidate = Path(place) / name
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    found = shutil.which(name)
    if found:
        return found
    pytest.skip(
        f"{name} (npm {package}) not found in $FORETHOUGHT_NPM_BIN, {REPO}/.ci-npm or PATH; "
        f"install it with: {INSTALL}"
    )
