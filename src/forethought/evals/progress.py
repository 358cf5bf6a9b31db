"""Progress for the bench's commands, on stderr.

``progress_bar``: one bar over a known number of items (``forethought eval``). ``Steps``: a
command with several steps, some long and of no known size (loading a model, fitting), shown one
at a time with a spinner, the time it has taken and a bar where the step has a size
(``forethought train-reviewer``). On a console that is not a terminal (a log, a CI job) a bar
shows nothing, so ``Steps`` prints one line as each step starts instead.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import TracebackType

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    SpinnerColumn,
    Task,
    TaskID,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from forethought.models.in_flight import IN_FLIGHT


class RateColumn(ProgressColumn):
    """Items a second; with model reviewers, also the requests in flight and tokens a second."""

    def render(self, task: Task) -> Text:
        elapsed = task.elapsed or 0.0
        if not elapsed:
            return Text("")
        text = f"{task.completed / elapsed:,.0f} items/s"
        tokens = int(task.fields.get("tokens", 0))
        if tokens or IN_FLIGHT.peak:
            text += f"  {IN_FLIGHT.now} in flight  {tokens / elapsed:,.0f} tokens/s"
        return Text(text, style="progress.data.speed")


@contextmanager
def progress_bar(
    console: Console, description: str, total: int
) -> Iterator[tuple[Callable[[int], None], Callable[[int], None]]]:
    """Yields (advance by n items, add n model tokens spent)."""
    progress = Progress(
        "[progress.description]{task.description}",
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        RateColumn(),
        console=console,
        transient=True,
    )
    with progress:
        task = progress.add_task(description, total=total, tokens=0)
        spent = [0]

        def add_tokens(n: int) -> None:
            spent[0] += n
            progress.update(task, tokens=spent[0])

        yield (lambda n: progress.advance(task, n)), add_tokens


class Steps:
    """``with Steps(console, "train-reviewer") as steps: advance = steps.step("embedding", n)``.

    Each ``step`` ends the one before it; ``total`` is its number of units (None: unknown), and
    the callable it returns advances it by that many.
    """

    def __init__(self, console: Console, command: str) -> None:
        self.console = console
        self.command = command
        self.live = console.is_terminal
        self.progress = Progress(
            SpinnerColumn(),
            "[progress.description]{task.description}",
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=console,
            transient=True,
        )
        self.task: TaskID | None = None
        self.started = time.monotonic()

    def __enter__(self) -> Steps:
        if self.live:
            self.progress.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self.live:
            self.progress.stop()

    def step(self, description: str, total: int | None = None) -> Callable[[int], None]:
        if self.task is not None:
            self.progress.update(self.task, visible=False)
        self.task = task = self.progress.add_task(description, total=total)
        if not self.live:
            size = f" ({total:,})" if total is not None else ""
            elapsed = time.monotonic() - self.started
            self.console.print(
                f"{self.command}: {description}{size}  [{elapsed:.0f} s]",
                highlight=False,
                markup=False,
            )
        return lambda n: self.progress.advance(task, n)
