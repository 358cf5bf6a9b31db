"""Where chunks of items are reviewed: local worker processes or a Ray cluster.

An executor takes the runner's chunks (where each starts in the input, and its proposals) and
yields each chunk's outcomes as it finishes, in any order; the runner puts them back in input
order. Every worker builds its own Gates from the same ``RunConfig``, so an executor changes where
the reviews run, never what they decide.
"""

from __future__ import annotations

import gc
import logging
import multiprocessing
import os
import socket
import tempfile
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol
from urllib.parse import urlsplit

from forethought.models.in_flight import IN_FLIGHT

if TYPE_CHECKING:
    from forethought.evals.runner import Reviewing, RunConfig
    from forethought.proposal import Proposal

RAY_HINT = "pip install 'forethought[ray]'"
CONNECT_TIMEOUT_S = 5.0

# Where the chunk starts in the input, and its proposals, each as the JSON line it was read from
# and where ("FILE:LINE") where there is one: the worker makes the proposal (``datasets.reread``),
# so rows are parsed and checked in parallel, and a line costs the sender far less to send than
# a pickled proposal.
Chunk = tuple[int, list["Proposal | tuple[bytes, str]"]]
Outcomes = list[list[dict[str, Any]]]  # per proposal, one outcome per stack
# A chunk reviewed: where it starts, each proposal's action in one line (``runner.describe``),
# and the outcomes.
Reviewed = tuple[int, list[str], Outcomes]


class ExecutorError(RuntimeError):
    """The run cannot start or cannot finish where it was sent; the message is one line."""


class Executor(Protocol):
    def review(
        self, config: RunConfig, scratch: Path, chunks: Sequence[Chunk]
    ) -> Iterator[Reviewed]:
        """Each chunk reviewed, as chunks finish. ``scratch`` is an empty local directory that
        local workers may review from. A row that is no proposal raises its DatasetError."""
        ...


class ProcessPool:
    """Local worker processes, each with its Gates opened once."""

    def __init__(self, workers: int) -> None:
        self.workers = workers

    def review(
        self, config: RunConfig, scratch: Path, chunks: Sequence[Chunk]
    ) -> Iterator[Reviewed]:
        # spawn, not fork: the parent may hold threads (reviewer pools, the progress display).
        # Workers start from the caller's directory (spawn resolves the main module and relative
        # import paths there) and move into the scratch directory themselves.
        context = multiprocessing.get_context("spawn")
        # model requests in flight, counted across the workers (the progress line shows it)
        in_flight = context.Array("i", 2)
        IN_FLIGHT.share(in_flight)
        try:
            with ProcessPoolExecutor(
                self.workers,
                mp_context=context,
                initializer=_start_worker,
                initargs=(config, scratch, in_flight),
            ) as pool:
                futures = [pool.submit(_review_chunk, s, proposals) for s, proposals in chunks]
                try:
                    for future in as_completed(futures):
                        yield future.result()
                except BrokenProcessPool as exc:
                    raise ExecutorError(
                        f"a worker process died, so the run is incomplete: {exc}"
                    ) from exc
                finally:  # a bad row (or any stop): no more chunks begin
                    for future in futures:
                        future.cancel()
        finally:
            IN_FLIGHT.share(None)


_WORKER: Reviewing | None = None
# Why this worker's Gates could not be built: raised for each chunk it is given, so that the
# run stops with that error (a reviewer failing its canaries...), not with a dead worker.
_CANNOT_START: Exception | None = None


def _start_worker(config: RunConfig, scratch: Path, in_flight: Any = None) -> None:
    from forethought.evals.runner import Reviewing

    global _WORKER, _CANNOT_START
    IN_FLIGHT.share(in_flight)
    os.chdir(scratch)
    try:
        _WORKER = Reviewing(config)
    except Exception as exc:  # a reviewer failing its canaries, say
        _CANNOT_START = exc
        return
    # as the reviews of one process (runner.run): what the worker holds now is frozen, and the
    # first generation is collected every 50,000 allocations
    gc.freeze()
    gc.set_threshold(50_000, *gc.get_threshold()[1:])


def _review_chunk(start: int, proposals: list[Proposal | tuple[bytes, str]]) -> Reviewed:
    if _CANNOT_START is not None:
        raise _CANNOT_START
    assert _WORKER is not None
    return reviewed(_WORKER, start, proposals)


def reviewed(
    reviewing: Reviewing, start: int, entries: list[Proposal | tuple[bytes, str]]
) -> Reviewed:
    """A chunk's proposals (lines made into proposals here) reviewed."""
    from forethought.evals.datasets import reread
    from forethought.evals.runner import describe

    proposals = [e if not isinstance(e, tuple) else reread(*e) for e in entries]
    outcomes = reviewing.review_all(proposals)
    return start, [describe(p) for p in proposals], outcomes


class RayCluster:
    """Each chunk a Ray task on a cluster.

    ``address`` is what ``ray.init`` takes (``HOST:PORT``, ``ray://HOST:PORT``), ``auto`` (the
    cluster named by RAY_ADDRESS or started on this machine with ``ray start``, else a new local
    one, as ``ray.init()`` does) or ``local`` (a new local cluster for this run only). A Ray
    already connected in this process is used as it is, and left connected. The cluster's nodes
    need the same forethought installed.
    """

    def __init__(self, address: str) -> None:
        try:
            import ray
        except ImportError as exc:
            raise ExecutorError(f"--ray needs Ray: {RAY_HINT}") from exc
        self.ray = ray
        self.address = address
        self.endpoint = None if address in ("auto", "local") else _endpoint(address)

    def review(
        self, config: RunConfig, scratch: Path, chunks: Sequence[Chunk]
    ) -> Iterator[Reviewed]:
        ray = self.ray
        connected_here = not ray.is_initialized()
        if connected_here:
            self._connect()
        try:
            task = ray.remote(_review_in_task)
            shared = ray.put(config)  # sent to the cluster once, not once per task
            pending = [task.remote(shared, start, proposals) for start, proposals in chunks]
            while pending:
                done, pending = ray.wait(pending, num_returns=1)
                for ref in done:
                    yield ray.get(ref)
        except ray.exceptions.RayError as exc:
            from forethought.evals.datasets import DatasetError

            cause = getattr(exc, "cause", None)  # a task's own error (RayTaskError)
            if isinstance(cause, DatasetError):  # a bad row: its one line, as locally
                raise DatasetError(str(cause)) from None
            message = f"--ray {self.address}: the run is incomplete: {_first_line(exc)}"
            raise ExecutorError(message) from exc
        finally:
            if connected_here:
                ray.shutdown()

    def _connect(self) -> None:
        if self.endpoint is not None:
            # Ray retries an unreachable address for minutes; a plain connection says at once.
            try:
                socket.create_connection(self.endpoint, timeout=CONNECT_TIMEOUT_S).close()
            except OSError as exc:
                reason = exc.strerror or type(exc).__name__
                message = f"--ray {self.address}: cannot reach the Ray cluster: {reason}"
                raise ExecutorError(message) from exc
        options: dict[str, Any] = {"logging_level": logging.ERROR, "log_to_driver": False}
        if self.address == "local":
            options.update(address="local", include_dashboard=False)
        elif self.address != "auto":
            options["address"] = self.address
        try:
            self.ray.init(**options)
        except (ConnectionError, ValueError, RuntimeError) as exc:
            raise ExecutorError(f"--ray {self.address}: {_first_line(exc)}") from exc


def _review_in_task(
    config: RunConfig, start: int, proposals: list[Proposal | tuple[bytes, str]]
) -> Reviewed:
    """One Ray task: its own empty scratch directory (the driver's is not on this node) and its
    own Gates, closed when the chunk is done."""
    from forethought.evals.runner import Reviewing, inside

    with tempfile.TemporaryDirectory(prefix="forethought-eval-") as scratch, inside(scratch):
        reviewing = Reviewing(config)
        try:
            return reviewed(reviewing, start, proposals)
        finally:
            reviewing.close()


def _endpoint(address: str) -> tuple[str, int]:
    parts = urlsplit(address if "://" in address else f"//{address}")
    try:
        host, port = parts.hostname, parts.port
    except ValueError:  # a port that is not a number
        host = port = None
    if not host or port is None:
        raise ExecutorError(
            f"--ray {address}: not an address (HOST:PORT, ray://HOST:PORT, auto or local)"
        )
    return host, port


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
