"""Settings every test shares."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from _servers import review_servers_lock

# A hook call that finds no review server starts one, detached, which would outlive the test:
# tests use a server only where they start it themselves (and stop it), or unset this.
os.environ.setdefault("FORETHOUGHT_NO_SERVER_START", "1")
# And no test may use a review server it did not start: one a developer runs on this machine
# (or one another test left) lives in the user's runtime directory; the suite has its own.
os.environ["XDG_RUNTIME_DIR"] = tempfile.mkdtemp(prefix="forethought-tests-run-")


@pytest.fixture
def runtime_dir() -> Iterator[Path]:
    """A private runtime directory (mode 0700) for a test's review server, with a short path:
    a Unix socket's path must fit in 108 bytes, and a tmp_path under pytest-xdist
    (/tmp/pytest-of-USER/pytest-N/popen-gwN/test_name0/...) may not leave room for it."""
    path = Path(tempfile.mkdtemp(prefix="ft-run-"))
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


@pytest.fixture
def review_servers(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[None]:
    """For a test that runs review servers: see :func:`review_servers_lock` (exclusive for a
    test marked ``retires_review_servers``)."""
    exclusive = request.node.get_closest_marker("retires_review_servers") is not None
    with review_servers_lock(tmp_path_factory, exclusive):
        yield
