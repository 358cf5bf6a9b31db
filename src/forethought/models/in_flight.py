"""Model requests in flight, counted across threads and worker processes.

Apart from the HTTP client (``_http``), so that what only shows the count (the eval's progress
line, its worker pool) does not import httpx.
"""

from __future__ import annotations

import threading
from typing import Any


class InFlight:
    """How many requests this process has sent and not yet had answered (all endpoints), and
    the most at once. ``share`` counts in a ``multiprocessing`` Array of two ints instead, so
    that worker processes and their parent see one count."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._counts = [0, 0]  # now, peak
        self._shared: Any = None

    def share(self, counts: Any) -> None:
        """Count in ``counts`` (``multiprocessing`` ``Array("i", 2)``), or here again (None)."""
        self._shared = counts

    def __enter__(self) -> None:
        shared = self._shared
        with self._lock if shared is None else shared.get_lock():
            counts = self._counts if shared is None else shared
            counts[0] += 1
            counts[1] = max(counts[1], counts[0])

    def __exit__(self, *exc: object) -> None:
        shared = self._shared
        with self._lock if shared is None else shared.get_lock():
            (self._counts if shared is None else shared)[0] -= 1

    @property
    def now(self) -> int:
        return int((self._counts if self._shared is None else self._shared)[0])

    @property
    def peak(self) -> int:
        return int((self._counts if self._shared is None else self._shared)[1])


IN_FLIGHT = InFlight()
