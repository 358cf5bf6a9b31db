"""`forethought run`, `forethought runs` and `forethought show`."""

from __future__ import annotations

import io
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from forethought.cli import (
    EXIT_CANNOT_REVIEW,
    _gate,
    _open_ledger,
    fail,
    ledger_option,
    policy_option,
)

if TYPE_CHECKING:
    from forethought.escalation.base import Channel
    from forethought.gate import Gate

EXIT_RUN_NOT_FINISHED = 3


@click.command()
@click.argument("task")
@click.option(
    "--model", "model_spec", required=True, metavar="PROVIDER:NAME",
    help="openai:NAME, anthropic:NAME, llamacpp:/path/model.gguf or local:smollm2.",
)  # fmt: skip
@click.option(
    "--workspace", type=click.Path(file_okay=False, path_type=Path), default=Path("."),
    show_default=True, help="The directory the agent works in (created if missing).",
)  # fmt: skip
@click.option(
    "--memory", "memory_dir", type=click.Path(file_okay=False, path_type=Path),
    help="Memory directory (experiences/, skills/, knowledge/); none by default.",
)  # fmt: skip
@click.option("--base-url", help="Model endpoint (default: OPENAI_BASE_URL / ANTHROPIC_BASE_URL).")
@click.option("--api-key", help="Model key (default: OPENAI_API_KEY / ANTHROPIC_API_KEY).")
@click.option("--max-steps", type=click.IntRange(1), default=30, show_default=True)
@click.option("--max-tokens", type=click.IntRange(1), default=200_000, show_default=True)
@click.option("--max-seconds", type=click.FloatRange(1), default=900.0, show_default=True)
@click.option(
    "--human-timeout", type=click.FloatRange(0), default=300.0, show_default=True,
    help="Seconds to wait for a human's answer to an escalation; then it is rejected.",
)  # fmt: skip
@click.option(
    "--human", type=click.Choice(["terminal", "console", "none"]), default="terminal",
    show_default=True,
    help="Who answers an escalation: you on this terminal, an approver signed in to "
    "`forethought console` on the same ledger, or nobody (it is refused).",
)  # fmt: skip
@policy_option
@ledger_option
def run(
    task: str,
    model_spec: str,
    workspace: Path,
    memory_dir: Path | None,
    base_url: str | None,
    api_key: str | None,
    max_steps: int,
    max_tokens: int,
    max_seconds: float,
    human_timeout: float,
    human: str,
    policy_path: Path | None,
    ledger_path: Path | str | None,
) -> None:
    """Run an agent on TASK (or @FILE: the task read from FILE); every action it proposes is
    reviewed before it runs.

    \b
    Exit codes: 0 the agent finished; 1 bad input (flags, policy, model spec);
    2 review or the ledger could not start; 3 the run ended without finishing
    (refused, stopped by a budget, or the model failed). Escalations are asked on
    this terminal (stdin), or in the web console with --human console; no answer in
    --human-timeout seconds rejects.
    """
    from rich.console import Console

    from forethought.agent.loop import Agent, Budget
    from forethought.agent.memory import Memory
    from forethought.agent.sandbox import Limits, Sandbox, SandboxUnavailable, gate_files
    from forethought.agent.tools import Toolbox
    from forethought.agent.transcript import print_run
    from forethought.models import get_model
    from forethought.models.base import ModelError

    task = _task_text(task)
    try:
        model = get_model(model_spec, base_url=base_url, api_key=api_key)
    except ModelError as exc:
        fail(f"--model: {exc}")
    try:
        workspace.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        fail(f"--workspace {workspace}: {exc.strerror}")
    with _gate(policy_path, ledger_path) as gate:
        policy = gate.policy
        try:
            sandbox = Sandbox(
                workspace,
                Limits(),
                require_isolation=policy.require_sandbox,
                own_files=gate_files(policy, gate.ledger.path if gate.ledger else None),
            )
        except SandboxUnavailable as exc:
            fail(f"sandbox: {exc}", EXIT_CANNOT_REVIEW)
        except ValueError as exc:  # a workspace holding forethought's files it cannot hide
            fail(f"--workspace: {exc}")
        memory = Memory(memory_dir) if memory_dir is not None else None
        toolbox = Toolbox(
            workspace, sandbox, memory, allowed_hosts=list(policy.network.allowed_hosts)
        )
        agent = Agent(
            model,
            gate,
            toolbox,
            ledger=gate.ledger,
            channel=_channel(human, gate, human_timeout),
            memory=memory,
            budget=Budget(max_steps, max_tokens, max_seconds),
        )
        result = agent.run(task)
        assert gate.ledger is not None
        print_run(Console(), gate.ledger.events(run_id=result.run_id))
        click.echo(f"run {result.run_id}: {result.status}: {result.reason}", err=True)
    if result.status != "finished":
        sys.exit(EXIT_RUN_NOT_FINISHED)


def _channel(human: str, gate: Gate, timeout_s: float) -> Channel:
    """The human channel --human names; under a locked policy only its approvers approve."""
    from forethought.escalation import channel_for

    return channel_for(human, gate, timeout_s=timeout_s)


def _task_text(task: str) -> str:
    if not task.startswith("@"):
        text = task
    else:
        path = Path(task[1:])
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            fail(f"task file {path}: {getattr(exc, 'strerror', None) or exc}")
    if not text.strip():
        fail("the task is empty")
    return text.strip()


@click.command()
@ledger_option
def runs(ledger_path: Path | str | None) -> None:
    """List the runs and sessions in the ledger."""
    from rich.console import Console

    from forethought.agent.transcript import runs_table

    with _open_ledger(ledger_path) as ledger:
        Console().print(runs_table(ledger))


@click.command()
@click.argument("run_id")
@click.option("--html", "as_html", is_flag=True, help="Print one self-contained HTML page.")
@ledger_option
def show(run_id: str, as_html: bool, ledger_path: Path | str | None) -> None:
    """Show a run's whole transcript: plan, reasoning, proposals, reviews, decisions, outputs."""
    from rich.console import Console

    from forethought.agent.transcript import print_run

    with _open_ledger(ledger_path) as ledger:
        events = list(ledger.events(run_id=run_id))
    if not events:
        fail(f"no run {run_id!r} in {ledger.location}; `forethought runs` lists them")
    if as_html:
        console = Console(record=True, width=120, file=io.StringIO())  # only the record is used
        print_run(console, events)
        click.echo(console.export_html(inline_styles=True, clear=True))
    else:
        print_run(Console(), events)
