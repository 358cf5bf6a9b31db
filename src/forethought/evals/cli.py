"""``forethought eval``: labelled data through reviewer stacks, scored and reported."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click
import orjson

from forethought.cli import EXIT_BAD_INPUT, EXIT_CANNOT_REVIEW, LEDGER, fail, policy_option
from forethought.evals.progress import progress_bar

INSTALL_HINT = "pip install 'forethought[eval]'"


@click.command("eval")
@click.argument("data", nargs=-1, metavar="[FILE|NAME]...")
@click.option(
    "--reviewers",
    "-r",
    "stack_specs",
    multiple=True,
    metavar="STACK",
    help="A reviewer stack: 'static' (the static reviewers the policy enables) or a comma list "
    "of reviewer names, e.g. shell,http (an unknown name lists them all). Repeat to compare "
    "stacks side by side. Default: static.",
)
@click.option(
    "--json",
    "json_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write every figure and every item's outcome to FILE.",
)
@click.option(
    "--report",
    "report_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write a self-contained HTML report to FILE.",
)
@click.option(
    "--markdown",
    "markdown_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the per-data-set table as Markdown to FILE ('-': stdout).",
)
@click.option(
    "--compare",
    "compare_paths",
    nargs=2,
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="A.json B.json",
    help="Compare two --json results instead of running (with --json: write it).",
)
@click.option(
    "--export-agentdojo",
    "agentdojo_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write AgentDojo's suites (DATA: agentdojo[:SUITE,...][@VERSION], default all) as "
    "labelled JSONL to FILE instead of running. Needs forethought[agentdojo].",
)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Local worker processes; results are identical to one worker.",
)
@click.option(
    "--concurrency",
    type=click.IntRange(min=1, max=1024),
    default=1,
    show_default=True,
    help="Items under review at once in each worker (threads): with a model reviewer, the "
    "requests in flight to the model server (32-256 suit a vLLM or llama.cpp server). Results "
    "are identical to 1.",
)
@click.option(
    "--ray",
    "ray_address",
    metavar="ADDRESS",
    help="Review on a Ray cluster instead: HOST:PORT, ray://HOST:PORT, 'auto' (RAY_ADDRESS or the "
    "cluster this machine runs, else a new local one) or 'local' (a new local one for this run). "
    "Needs forethought[ray]; results are identical to one worker.",
)
@click.option(
    "--model",
    "model_spec",
    metavar="PROVIDER:NAME",
    help="The model that model reviewers (consequences, reasoning, debate) ask, e.g. "
    "openai:gpt-4o-mini (default: the policy's reviewers.model.spec).",
)
@click.option("--seed", type=int, default=0, show_default=True, help="Bootstrap seed.")
@click.option(
    "--bootstrap",
    type=click.IntRange(min=0),
    default=1000,
    show_default=True,
    help="Bootstrap replicates for the intervals (0: none).",
)
@click.option(
    "--audit-budget",
    "budgets",
    multiple=True,
    type=click.FloatRange(min=0, max=100, min_open=True),
    help="Audit budget in percent of safe items (repeatable). Default: 1, 2, 5.",
)
@click.option(
    "--no-timings",
    is_flag=True,
    help="Leave measured times out of the JSON, so that reruns are byte-identical.",
)
@click.option(
    "--ledger",
    "ledger_path",
    type=LEDGER,
    help="Record every review in this ledger, a SQLite file or a postgresql:// URL "
    "(default: none).",
)
@click.option(
    "--select-by",
    "select_by",
    metavar="STACK",
    help="Best-of-n selection: keep, of n candidates of a group (the items' 'group' field), the "
    "one this stack judges least risky; with --held-out, report the Goodhart gap.",
)
@click.option(
    "--held-out",
    "held_out",
    metavar="STACK",
    help="The held-out overseer that judges what --select-by kept (never used to select).",
)
@click.option(
    "--n",
    "n_values",
    default="1,2,4,8,16",
    show_default=True,
    metavar="N,N,...",
    help="Candidates drawn per selection (with --select-by).",
)
@click.option(
    "--draws",
    type=click.IntRange(min=1),
    default=200,
    show_default=True,
    help="Draws per group and n (with --select-by).",
)
@policy_option
def eval_command(
    data: tuple[str, ...],
    stack_specs: tuple[str, ...],
    json_path: Path | None,
    report_path: Path | None,
    markdown_path: Path | None,
    compare_paths: tuple[Path, Path] | None,
    agentdojo_path: Path | None,
    workers: int,
    concurrency: int,
    ray_address: str | None,
    model_spec: str | None,
    seed: int,
    bootstrap: int,
    budgets: tuple[float, ...],
    no_timings: bool,
    ledger_path: Path | str | None,
    select_by: str | None,
    held_out: str | None,
    n_values: str,
    draws: int,
    policy_path: Path | None,
) -> None:
    """Measure reviewer stacks on labelled JSONL: what they catch, what they block, what it costs.

    Each FILE holds one labelled proposal a line: the proposal in any shape `forethought review`
    accepts, beside "label" (safe/unsafe), "id", "category" and "source". A NAME such as
    shell-heldout is looked up in $FORETHOUGHT_DATA, ./benchmarks/data, ../shared/data and the
    data sets built in (shell-heldout, shell-heldout-2, shell-adversarial).

    \b
      forethought eval shell-heldout shell-adversarial --reviewers static --reviewers shell
      forethought eval data.jsonl --json a.json --report a.html --workers 2
      forethought eval data.jsonl -r static -r static,consequences --model openai:gpt-4o-mini
      forethought eval --compare a.json b.json
      forethought eval agentdojo:banking -r static -r static,consequences
      forethought eval --export-agentdojo agentdojo.jsonl
      forethought eval grouped.jsonl --select-by static --held-out static,consequences
    """
    if agentdojo_path is not None:
        _export_agentdojo(data, agentdojo_path)
        return
    _require(numpy=True, sklearn=False, matplotlib=report_path is not None)
    from rich.console import Console

    console = Console()
    if compare_paths:
        if data:
            fail("--compare takes two result files and no data")
        _compare(console, compare_paths, json_path)
        return
    if not data:
        fail("no data: give one or more JSONL files or data set names (see --help)")
    for path in (json_path, report_path, markdown_path):
        if path is not None and str(path) != "-" and not path.resolve().parent.is_dir():
            fail(f"{path}: its directory does not exist")
    selection = _selection_settings(select_by, held_out, n_values, stack_specs)
    if selection is not None:
        stack_specs = (selection[0], selection[1])
    executor = _ray_cluster(ray_address, workers, ledger_path) if ray_address else None

    result = _evaluate(
        console,
        data,
        stack_specs or ("static",),
        workers=workers,
        concurrency=concurrency,
        seed=seed,
        bootstrap=bootstrap,
        budgets=budgets,
        timings=not no_timings,
        ledger_path=ledger_path,
        policy_path=policy_path,
        model_spec=model_spec,
        executor=executor,
    )
    from forethought.evals.report_terminal import print_result

    if selection is not None:
        from forethought.evals.report_terminal import print_selection
        from forethought.evals.selection import SelectionError, goodhart

        a, b, ns = selection
        try:
            result["selection"] = goodhart(
                result["items"], a, b, ns=ns, draws=draws, bootstrap=bootstrap, seed=seed
            )
        except SelectionError as exc:
            fail(str(exc))
    print_result(console, result)
    if selection is not None:
        print_selection(console, result["selection"])
    if json_path is not None:
        write_json(json_path, result)
        console.print(f"wrote {json_path}")
    if markdown_path is not None:
        from forethought.evals.summary import markdown

        if str(markdown_path) == "-":
            click.echo(markdown(result), nl=False)
        else:
            write_atomic(markdown_path, markdown(result).encode())
            console.print(f"wrote {markdown_path}")
    if report_path is not None:
        from forethought.evals.report_html import render

        write_atomic(report_path, render(result).encode())
        console.print(f"wrote {report_path}")


def _evaluate(
    console: Any,
    data: tuple[str, ...],
    stack_specs: tuple[str, ...],
    *,
    workers: int,
    concurrency: int = 1,
    seed: int,
    bootstrap: int,
    budgets: tuple[float, ...],
    timings: bool,
    ledger_path: Path | str | None,
    policy_path: Path | None,
    model_spec: str | None = None,
    executor: Any = None,
) -> dict[str, Any]:

    local = executor is None and workers > 1  # local worker processes
    if local:
        from forethought.evals.executors import prestart

        prestart()  # where workers fork from a server: it loads the reviewers meanwhile
    from forethought.evals import settings
    from forethought.evals.bench import evaluate
    from forethought.evals.datasets import DatasetError, load
    from forethought.evals.runner import RunConfig
    from forethought.evals.stacks import StackError, StackOptions, parse_stacks
    from forethought.gate import CanaryFailure
    from forethought.ledger import LedgerError
    from forethought.policy import PolicyError, load_policy

    try:
        policy = load_policy(policy_path)
        stacks = parse_stacks(stack_specs, policy)
    except (PolicyError, StackError) as exc:
        fail(str(exc))
    config = RunConfig(
        policy,
        tuple(stacks),
        options=StackOptions(model=model_spec),
        ledger_path=None if ledger_path is None else _ledger_text(ledger_path),
        concurrency=concurrency,
    )
    pool = None
    if local and ledger_path is None:
        # started before the data is read, so that the workers' start-up overlaps it (with a
        # ledger, the Gates are built here first, and the workers only after them)
        from forethought.evals.executors import ProcessPool

        pool = ProcessPool(workers)
        pool.start(config)
    try:
        try:
            # Rows become proposals where they are reviewed (in the workers), a bad one
            # failing there before anything is written; with a ledger, all of them first, so
            # that a bad row leaves nothing recorded.
            datasets = load(data, check=ledger_path is not None)
        except DatasetError as exc:
            fail(str(exc))
        total = sum(len(d.items) for d in datasets)
        with progress_bar(console, f"reviewing ({len(stacks)} stack(s))", total) as (
            advance,
            spent,
        ):
            return evaluate(
                datasets,
                config,
                workers=workers,
                executor=pool or executor,
                seed=seed,
                bootstrap=bootstrap,
                budgets=budgets or settings.BUDGETS,
                timings=timings,
                progress=advance,
                spent=spent,
            )
    except (CanaryFailure, LedgerError, PolicyError) as exc:  # PolicyError: no usable model
        fail(str(exc), EXIT_CANNOT_REVIEW)
    except DatasetError as exc:  # a row that is no proposal, found where it was reviewed
        fail(str(exc))
    except Exception as exc:
        # imported only now: a run in one process does not load the worker pool's modules
        from forethought.evals.executors import ExecutorError

        if isinstance(exc, ExecutorError):  # a worker died, a cluster out of reach
            fail(str(exc), EXIT_CANNOT_REVIEW)
        raise
    finally:
        if pool is not None:
            pool.close()


def _selection_settings(
    select_by: str | None, held_out: str | None, n_values: str, stack_specs: tuple[str, ...]
) -> tuple[str, str, tuple[int, ...]] | None:
    """(A, B, the n values) for best-of-n selection, or None; bad settings exit 1."""
    if select_by is None and held_out is None:
        return None
    if select_by is None or held_out is None:
        fail("--select-by and --held-out go together: the stack that selects, the one that judges")
    if stack_specs:
        fail("--select-by/--held-out name the two stacks: leave out --reviewers")
    if select_by.strip() == held_out.strip():
        fail("--held-out must differ from --select-by: a held-out overseer never selects")
    try:
        ns = tuple(sorted({int(part) for part in n_values.split(",") if part.strip()}))
    except ValueError:
        fail(f"--n {n_values!r}: expected numbers separated by commas, e.g. 1,2,4,8")
    if not ns or min(ns) < 1 or max(ns) > 1024:
        fail(f"--n {n_values!r}: each n must be between 1 and 1024")
    return select_by.strip(), held_out.strip(), ns


def _export_agentdojo(data: tuple[str, ...], path: Path) -> None:
    from forethought.evals.datasets import DatasetError, agentdojo_spec

    not_agentdojo = [spec for spec in data if not agentdojo_spec(spec)]
    if not_agentdojo:
        fail(f"--export-agentdojo: {not_agentdojo[0]!r} is not agentdojo[:SUITE,...][@VERSION]")
    if not path.resolve().parent.is_dir():
        fail(f"{path}: its directory does not exist")
    from forethought.evals.agentdojo import export

    try:
        written = export(data, path)
    except DatasetError as exc:
        fail(str(exc))
    for suite, counts in written.items():
        click.echo(f"{suite}: {counts['safe']:,} safe, {counts['unsafe']:,} unsafe")
    click.echo(f"wrote {path}")


def _ledger_text(ledger: Path | str) -> str:
    """What the review processes open: a file's absolute path, or the URL as given."""
    return str(ledger.resolve()) if isinstance(ledger, Path) else ledger


def _ray_cluster(address: str, workers: int, ledger_path: Path | str | None) -> Any:
    from forethought.evals.executors import ExecutorError, RayCluster

    if workers > 1:
        fail("--workers and --ray: choose one (--workers is for local processes)")
    if isinstance(ledger_path, Path):
        fail(
            "--ledger and --ray: a SQLite ledger is one local file that a cluster cannot share; "
            "give a postgresql:// URL"
        )
    try:
        return RayCluster(address)
    except ExecutorError as exc:
        fail(str(exc))


def _compare(console: Any, paths: tuple[Path, Path], json_path: Path | None) -> None:
    from forethought.evals.compare import CompareError, compare, load_result
    from forethought.evals.report_terminal import print_comparison

    try:
        comparison = compare(load_result(paths[0]), load_result(paths[1]))
    except CompareError as exc:
        fail(str(exc))
    console.print(f"a: {paths[0]}\nb: {paths[1]}")
    print_comparison(console, comparison)
    if json_path is not None:
        write_json(json_path, comparison)


def dumps(document: dict[str, Any]) -> bytes:
    return orjson.dumps(document, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS) + b"\n"


def write_json(path: Path, document: dict[str, Any]) -> None:
    """``dumps(document)`` to ``path`` (as ``write_atomic``), without copying the text (tens of
    megabytes for a large run) to append its last newline."""
    text = orjson.dumps(document, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS)
    write_atomic(path, (text, b"\n"))


def write_atomic(path: Path, data: bytes | tuple[bytes, ...]) -> None:
    """Write all of it or nothing (forethought.atomic); a failure is one line and exit 1."""
    from forethought import atomic

    try:
        atomic.write_atomic(path, data)
    except OSError as exc:
        fail(f"{path}: cannot write: {exc.strerror}", EXIT_BAD_INPUT)


def _require(*, numpy: bool, sklearn: bool, matplotlib: bool) -> None:
    # found, not imported: numpy is loaded where the figures are made (with workers, while
    # they review)
    from importlib.util import find_spec

    wanted = {"numpy": numpy, "sklearn": sklearn, "matplotlib": matplotlib}
    missing = []
    for name, needed in wanted.items():
        try:
            if needed and find_spec(name) is None:
                missing.append(name)
        except (ImportError, ValueError):
            missing.append(name)
    if missing:
        fail(f"eval needs {', '.join(missing)}: {INSTALL_HINT}")
