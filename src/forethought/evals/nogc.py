"""Building many objects without the cyclic garbage collector.

Loading 40,000 rows or assembling their result document makes millions of small objects
(dicts, lists, strings, proposals) that form no reference cycles. While they are made, the
collector runs again and again and walks every object made so far (the oldest generation's
collections grow with it): a quarter to a third of the time of those serial phases, for
nothing to collect. Inside ``paused()`` it does not run; what was allocated is collected as
usual afterwards (reference counting frees whatever is dropped in any case).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    """The cyclic collector off inside (and back as it was after, nesting included)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@contextmanager
def fewer(threshold: int = 50_000) -> Iterator[None]:
    """Fewer collections while reviewing (as ``forethought review`` does): what is alive when
    it starts is frozen (the collector's passes no longer walk it) and the first generation
    is collected every ``threshold`` allocations instead of every 700. Reviews make little
    cyclic garbage, and what they make is still collected, less often."""
    before = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(threshold, *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)
        gc.unfreeze()
