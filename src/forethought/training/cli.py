"""``forethought rewards``: the Gate's judgements as training data."""

from __future__ import annotations

from pathlib import Path

import click
import orjson

from forethought.cli import EXIT_BAD_INPUT, _open_ledger, fail, ledger_option
from forethought.training.export import FORMATS


@click.group()
def rewards() -> None:
    """Training data and rewards from the Gate's judgement of each step."""


@rewards.command("export")
@ledger_option
@click.option("--run", "runs", multiple=True, metavar="RUN", help="Only this run (repeatable).")
@click.option(
    "--from-eval",
    "eval_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Read a `forethought eval --json` result instead of a ledger.",
)
@click.option("--stack", help="With --from-eval: the stack whose decisions label the steps.")
@click.option(
    "--format", "fmt", type=click.Choice(FORMATS), required=True, help="The rows' layout."
)
@click.option(
    "--out",
    "out_path",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="The JSON Lines file to write (whole or not at all).",
)
def export_command(
    ledger_path: Path | None,
    runs: tuple[str, ...],
    eval_path: Path | None,
    stack: str | None,
    fmt: str,
    out_path: Path,
) -> None:
    """Write reviewed steps as JSON Lines for Hugging Face TRL.

    \b
    stepwise    prompt, completions (the steps), labels (each step allowed), with decisions,
                risks, harms, benefits, humans, predictions per step
    preference  prompt (the conversation so far), chosen (the step that replaced a refused
                one), rejected (the refused step), one row per such pair in a run
    sft         messages: whole trajectories whose every step was allowed (an agent run must
                have finished)

    \b
    Examples:
      forethought rewards export --ledger ledger.db --format stepwise --out steps.jsonl
      forethought rewards export --from-eval a.json --format sft --out sft.jsonl
    """
    from forethought.evals.cli import write_atomic
    from forethought.training.export import rows
    from forethought.training.trajectories import TrajectoryError, from_eval, from_ledger

    if not out_path.resolve().parent.is_dir():
        fail(f"--out {out_path}: its directory does not exist")
    try:
        if eval_path is not None:
            if runs:
                fail("--run and --from-eval: an eval result has no runs")
            if fmt == "preference":
                fail(
                    "--format preference needs runs (a refused step and the one that replaced "
                    "it); an eval result has single steps: use a ledger"
                )
            trajectories = from_eval(eval_path, stack)
        else:
            if stack is not None:
                fail("--stack goes with --from-eval")
            with _open_ledger(ledger_path) as opened:
                trajectories = from_ledger(opened, runs)
    except TrajectoryError as exc:
        fail(str(exc), EXIT_BAD_INPUT)
    written = [orjson.dumps(row) + b"\n" for row in rows(trajectories, fmt)]  # type: ignore[arg-type]
    write_atomic(out_path, b"".join(written))
    click.echo(
        f"wrote {out_path}: {len(written)} {fmt} row(s) from {len(trajectories)} trajectories",
        err=True,
    )
