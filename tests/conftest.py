"""Settings every test shares."""

from __future__ import annotations

import os
import tempfile

# A hook call that finds no review server starts one, detached, which would outlive the test:
# tests use a server only where they start it themselves (and stop it), or unset this.
os.environ.setdefault("FORETHOUGHT_NO_SERVER_START", "1")
# And no test may use a review server it did not start: one a developer runs on this machine
# (or one another test left) lives in the user's runtime directory; the suite has its own.
os.environ["XDG_RUNTIME_DIR"] = tempfile.mkdtemp(prefix="forethought-tests-run-")
