"""Review servers under pytest-xdist: what the tests that run them share."""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager

import pytest


@contextmanager
def review_servers_lock(factory: pytest.TempPathFactory, exclusive: bool) -> Iterator[None]:
    """Held while a test runs review servers (shared), or touches forethought's files, which
    retires every review server on the machine (exclusive): under pytest-xdist the other workers'
    servers would go with it. The lock file is in the run's temporary root, which every worker
    of the run shares."""
    root = factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        root = root.parent  # (pytest-N/popen-gwK: the run's root is pytest-N)
    with open(root / "review-servers.lock", "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH)
        yield
