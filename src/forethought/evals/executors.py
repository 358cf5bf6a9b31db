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
import sys
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from multiprocessing.context import BaseContext
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
    # True where the executor's workers build every stack's Gates before they review and a
    # stack that cannot start stops the run with its own error (``runner.run``).
    checks_stacks: bool

    def review(
        self, config: RunConfig, scratch: Path, chunks: Sequence[Chunk]
    ) -> Iterator[Reviewed]:
        """Each chunk reviewed, as chunks finish. ``scratch`` is an empty local directory that
        local workers may review from. A row that is no proposal raises its DatasetError."""
        ...


class ProcessPool:
    """Local worker processes, each with its Gates opened once.

    ``start`` starts them ahead: ``forethought eval`` does so before it reads the data, so that
    their start-up overlaps it. Otherwise ``review`` starts them, and stops them when it is
    done; ``close`` stops workers started ahead.
    """

    # Each worker builds every stack's Gates before it reviews, and one that cannot stops the
    # run with its error: where nothing is recorded, the caller need not build them first.
    checks_stacks = True

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self._pool: ProcessPoolExecutor | None = None
        self._config: RunConfig | None = None
        self._scratch: tempfile.TemporaryDirectory[str] | None = None
        self.started = 0.0  # time.perf_counter() when the workers were started
        self.ready: list[float] = []  # seconds from then until each worker was ready
        self._starting: threading.Thread | None = None

    def start(self, config: RunConfig, scratch: Path | None = None) -> None:
        """Start the workers (and each builds its Gates), without waiting for them; they
        review from ``scratch``, by default an empty directory of their own."""
        if self._pool is not None:
            raise RuntimeError("the worker processes are started already")
        if scratch is None:
            self._scratch = tempfile.TemporaryDirectory(prefix="forethought-eval-")
            scratch = Path(self._scratch.name)
        context = _context()
        # model requests in flight, counted across the workers (the progress line shows it)
        in_flight = context.Array("i", 2)
        IN_FLIGHT.share(in_flight)
        self.started = time.perf_counter()
        self._config = config
        # Workers start from the caller's directory (where the main module and relative import
        # paths resolve) and move into the scratch directory themselves; they take the caller's
        # environment as it is now (a forked one would have the forkserver's).
        self._pool = ProcessPoolExecutor(
            self.workers,
            mp_context=context,
            initializer=_start_worker,
            initargs=(config, scratch, in_flight, dict(os.environ)),
        )
        # On a thread: starting a process waits for the forkserver, busy loading the reviewers
        # at first. (Each call submitted while no worker is idle starts one.)
        self._starting = threading.Thread(
            target=self._start_each, args=(self._pool,), name="forethought-eval-start", daemon=True
        )
        self._starting.start()

    def _start_each(self, pool: ProcessPoolExecutor) -> None:
        try:
            for _ in range(self.workers):
                pool.submit(_ready).add_done_callback(self._mark_ready)
        except RuntimeError:  # stopped meanwhile (a bad file, Ctrl-C): nothing to start
            pass

    def _mark_ready(self, _: Future[None]) -> None:
        self.ready.append(time.perf_counter() - self.started)

    def review(
        self, config: RunConfig, scratch: Path, chunks: Sequence[Chunk]
    ) -> Iterator[Reviewed]:
        owned = self._pool is None
        if owned:
            self.start(config, scratch)
        elif config is not self._config:
            raise RuntimeError("the worker processes were started for another configuration")
        pool = self._pool
        assert pool is not None
        try:
            futures = [pool.submit(_review_chunk, s, proposals) for s, proposals in chunks]
            try:
                for future in as_completed(futures):
                    yield future.result()
            except BrokenProcessPool as exc:
                raise ExecutorError(
                    f"a worker process died, so the run is incomplete: {exc}"
                ) from exc
            except BaseException:
                # A bad row, Ctrl-C, any stop: no more chunks begin. Cancelled by the pool, not
                # one future at a time: with Python 3.11, a worker dying after that (Ctrl-C
                # reaches the workers too) left the pool's shutdown waiting for ever.
                pool.shutdown(wait=False, cancel_futures=True)
                raise
        finally:
            if owned:
                self.close()

    def close(self) -> None:
        """Stop the workers, once each has finished what it was doing (nothing: at once)."""
        pool, self._pool = self._pool, None
        try:
            if self._starting is not None:
                self._starting.join()
                self._starting = None
            if pool is not None:
                pool.shutdown(wait=True, cancel_futures=True)
        finally:
            IN_FLIGHT.share(None)
            if self._scratch is not None:
                self._scratch.cleanup()
                self._scratch = None


# Where processes can be forked safely (Linux), workers are forked from a forkserver that
# imported the reviewers and warmed them up once (``forethought.evals.preload``), instead of
# each importing and warming them up again; elsewhere (macOS, Windows) each is spawned.
START_METHOD = (
    "forkserver"
    if sys.platform.startswith("linux") and "forkserver" in multiprocessing.get_all_start_methods()
    else "spawn"
)
PRELOAD = ["__main__", "forethought.evals.preload"]


def _context() -> BaseContext:
    if START_METHOD == "forkserver":
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(PRELOAD)
        return context
    return multiprocessing.get_context(START_METHOD)


def prestart() -> None:
    """Start the forkserver now, where workers are forked from one (it loads and warms up the
    reviewers while this process goes on); nothing elsewhere. The server, one per process,
    serves every pool started after it and stops when this process ends."""
    if START_METHOD == "forkserver":
        from multiprocessing import forkserver

        _context()
        forkserver.ensure_running()


_WORKER: Reviewing | None = None
# Why this worker's Gates could not be built: raised for each chunk it is given, so that the
# run stops with that error (a reviewer failing its canaries...), not with a dead worker.
_CANNOT_START: Exception | None = None


def _start_worker(
    config: RunConfig, scratch: Path, in_flight: Any = None, environ: dict[str, str] | None = None
) -> None:
    from forethought.evals.runner import Reviewing

    global _WORKER, _CANNOT_START
    if environ is not None and environ != os.environ:
        os.environ.clear()
        os.environ.update(environ)
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


def _ready() -> None:
    """Nothing: what the pool is given to start its workers ahead."""


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

    checks_stacks = False  # each task builds its Gates: the driver checks them first

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
