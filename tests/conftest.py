"""Settings every test shares."""

from __future__ import annotations

import os

# A hook call that finds no review server starts one, detached, which would outlive the test:
# tests use a server only where they start it themselves (and stop it), or unset this.
os.environ.setdefault("FORETHOUGHT_NO_SERVER_START", "1")
