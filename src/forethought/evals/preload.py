"""What the eval's forkserver loads once, before it forks the worker processes (``executors``).

Imported only there (``multiprocessing``'s ``set_forkserver_preload``). Importing it imports
what a worker reviews with and runs the built-in static reviewers of the default policy on
their canaries, on this thread (no Gate: its review threads must not exist when the server
forks): the regular expressions, parsers and tables their first reviews build are then made
once, and each worker forked from the server starts with them instead of making them again.
Each worker still builds its own Gates from the run's policy and checks its own canaries.

Nothing here may stop the server: anything that fails is left to the workers, which build
what they need as they would without it.
"""

from __future__ import annotations

import contextlib


def _warm() -> None:
    from forethought.canaries import check_canaries
    from forethought.evals import datasets, runner  # noqa: F401 (what the workers run)
    from forethought.policy import default_policy
    from forethought.review.registry import build_reviewers

    policy = default_policy()
    check_canaries(build_reviewers(policy), policy)


# A warm-up only (Ctrl-C reaches the server too: the command stops, and the server with it).
with contextlib.suppress(Exception, KeyboardInterrupt):
    _warm()
