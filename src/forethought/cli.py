"""The ``forethought`` command."""

from __future__ import annotations

import gc
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, TYPE_CHECKING, NoReturn

import click
import orjson

from forethought import signing
from forethought.proposal import Proposal, ProposalError, parse_stream

if TYPE_CHECKING:  # imported lazily at run time so that --help stays fast
    from forethought.gate import Gate
    from forethought.ledger import Ledger

EXIT_OK, EXIT_BAD_INPUT, EXIT_CANNOT_REVIEW = 0, 1, 2
# Proposals recorded per ledger transaction when reviewing a file; each batch is printed once
# it is recorded.
BATCH = 1000
# Container allocations between two young-generation garbage collections while reviewing.
GC_THRESHOLD = 50_000


class LedgerParam(click.ParamType):
    """A ledger: a SQLite file path, or a ``postgresql://`` URL (kept as text)."""

    name = "PATH|URL"

    def convert(
        self, value: object, param: click.Parameter | None, ctx: click.Context | None
    ) -> Path | str:
        from forethought.ledger.config import ledger_target

        if isinstance(value, Path):
            return value
        if not isinstance(value, str) or not value.strip():
            self.fail("give a file path or a postgresql:// URL", param, ctx)
        return ledger_target(value)


LEDGER = LedgerParam()

ledger_option = click.option(
    "--ledger",
    "ledger_path",
    type=LEDGER,
    envvar="FORETHOUGHT_LEDGER",
    help="Ledger: a SQLite file or a postgresql:// URL (default: $FORETHOUGHT_LEDGER, else "
    "forethought's data directory).",
)
policy_option = click.option(
    "--policy",
    "policy_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Policy TOML (default: $FORETHOUGHT_POLICY, else the user's, else built-in).",
)


def fail(message: str, code: int = EXIT_BAD_INPUT) -> NoReturn:
    click.echo(f"forethought: {message}", err=True)
    sys.exit(code)


# Commands that live beside their feature, as "module:attribute". They are imported only when
# called (or listed by --help), so that `review` and the hooks start fast.
LAZY_COMMANDS: dict[str, str] = {
    "approve": "forethought.escalation.cli:approve",
    "console": "forethought.console.cli:console",
    "eval": "forethought.evals.cli:eval_command",
    "hook": "forethought.integrations.cli:hook",
    "mcp-proxy": "forethought.integrations.mcp_cli:mcp_proxy",
    "reviewers": "forethought.review.cli:reviewers_command",
    "rewards": "forethought.training.cli:rewards",
    "run": "forethought.agent.cli:run",
    "runs": "forethought.agent.cli:runs",
    "serve": "forethought.integrations.cli:serve",
    "show": "forethought.agent.cli:show",
    "train-reviewer": "forethought.evals.train:train_command",
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted([*super().list_commands(ctx), *LAZY_COMMANDS])

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = LAZY_COMMANDS.get(cmd_name)
        if target is None:
            return super().get_command(ctx, cmd_name)
        from importlib import import_module

        module, attribute = target.split(":")
        command = getattr(import_module(module), attribute)
        assert isinstance(command, click.Command), target
        return command


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="forethought")
def main() -> None:
    """Review what an LLM agent proposes before it runs, and record every step."""


@main.command()
@click.argument("source", default="-", metavar="[FILE|-]")
@click.option(
    "--json", "as_json", is_flag=True, help="One JSON object per proposal, in input order."
)
@policy_option
@ledger_option
def review(
    source: str, as_json: bool, policy_path: Path | None, ledger_path: Path | str | None
) -> None:
    """Review proposals: one JSON object, or JSON Lines, from FILE or stdin.

    Each proposal may be plain {"tool","args",...}, an OpenAI tool call, an Anthropic tool_use
    block, MCP tools/call params, or a Claude Code PreToolUse hook input.

    \b
    Exit codes:
      0  every proposal was reviewed and recorded (whatever the decisions)
      1  bad input: unreadable file, invalid JSON, unknown shape, bad policy; nothing recorded
      2  review could not run (a reviewer failed its canaries, the ledger cannot be written,
         an internal error); a reviewer's own fault is a failed review, never an exit
    """
    try:
        data = sys.stdin.buffer.read() if source == "-" else Path(source).read_bytes()
    except OSError as exc:
        fail(f"{source}: cannot read: {exc.strerror}")
    try:
        proposals = list(parse_stream(data))
    except ProposalError as exc:
        fail(f"{'<stdin>' if source == '-' else source}: {exc}")

    with _gate(policy_path, ledger_path) as gate, _batch_gc():
        try:
            if as_json:
                _review_json(gate, proposals, sys.stdout.buffer)
            else:
                _review_human(gate, proposals)
        except Exception as exc:
            from forethought.ledger import LedgerError

            if isinstance(exc, LedgerError):
                raise
            fail(f"internal error, review stopped: {_one_line(exc)}", EXIT_CANNOT_REVIEW)


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return f"{type(exc).__name__}: {text[:300]}" if text else type(exc).__name__


@contextmanager
def _batch_gc() -> Iterator[None]:
    """Less cyclic garbage collection while reviewing a batch.

    What is alive when the batch starts (modules, the input, the gate) lives until it ends:
    frozen, the collector's full passes do not rescan it. Reviews leave little cyclic garbage,
    so a higher first-generation threshold trades a bounded amount of memory for far fewer
    collections (each of which was costing more than the allocations it reclaimed).
    """
    threshold = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(GC_THRESHOLD, *threshold[1:])
    try:
        yield
    finally:
        gc.set_threshold(*threshold)
        gc.unfreeze()


def _review_json(gate: Gate, proposals: list[Proposal], out: IO[bytes]) -> None:
    # One batch after another: reviewing the next batch while this one is recorded and printed
    # gained no wall time (both need the interpreter lock) and cost CPU time in switching.
    dumps = orjson.dumps
    for start in range(0, len(proposals), BATCH):
        decisions = gate.review_many(proposals[start : start + BATCH])
        out.write(b"".join([dumps(d.to_dict()) + b"\n" for d in decisions]))
        out.flush()


def _review_human(gate: Gate, proposals: list[Proposal]) -> None:
    from rich.console import Console

    from forethought.render import print_decision

    console = Console()
    for proposal in proposals:
        print_decision(console, proposal, gate.review(proposal))


@contextmanager
def _gate(policy_path: Path | None, ledger_path: Path | str | None) -> Iterator[Gate]:
    """A Gate for the policy and ledger in force (forethought.opening.open_gate); errors exit
    with a one-line message: 1 for a bad policy, 2 where review cannot start or record."""
    from forethought import prepared
    from forethought.gate import CanaryFailure
    from forethought.ledger import LedgerError
    from forethought.opening import GateUnavailable, open_gate
    from forethought.policy import PolicyError

    try:
        gate = open_gate(policy_path, ledger_path)
    except PolicyError as exc:
        fail(str(exc))
    except (CanaryFailure, LedgerError, GateUnavailable) as exc:
        fail(str(exc), EXIT_CANNOT_REVIEW)
    try:
        yield gate
    except LedgerError as exc:
        fail(f"cannot record in the ledger: {exc}", EXIT_CANNOT_REVIEW)
    finally:
        gate.close()
        # A review server's handler exits as soon as it has answered: its connection goes with
        # it, committed, without the checkpoint a close runs (the next writer's to do).
        if gate.ledger is not None and not prepared.enabled():
            gate.ledger.close()


# --- ledger -----------------------------------------------------------------------------------


@main.group()
def ledger() -> None:
    """Inspect, verify and export the ledger."""


@contextmanager
def _open_ledger(path: Path | str | None) -> Iterator[Ledger]:
    """The ledger, read-only: looking at it never creates or changes anything."""
    from forethought.ledger import Ledger, LedgerError, LedgerMissing

    try:
        opened = Ledger.open(path, read_only=True)
    except LedgerMissing as exc:  # a mistyped --ledger, or a ledger deleted or emptied
        fail(str(exc), EXIT_BAD_INPUT)
    except LedgerError as exc:
        fail(str(exc), EXIT_CANNOT_REVIEW)
    try:
        yield opened
    finally:
        opened.close()


@ledger.command()
@ledger_option
def verify(ledger_path: Path | str | None) -> None:
    """Check the hash chain. Exit 0 if intact, 1 if broken or missing, 2 if it cannot be read."""
    with _open_ledger(ledger_path) as opened:
        report = opened.verify()
    if report.ok:
        click.echo(f"ok: {report.checked} events, hash chain intact")
        return
    for problem in report.problems:
        click.echo(f"broken: {problem}", err=True)
    sys.exit(1)


@ledger.command()
@ledger_option
@click.option("--run", "run_id", help="Only this run's events.")
@click.option("--kind", "kinds", multiple=True, help="Only events of this kind (repeatable).")
@click.option("--limit", type=int, default=50, show_default=True, help="Show the last N events.")
def show(
    ledger_path: Path | str | None, run_id: str | None, kinds: tuple[str, ...], limit: int
) -> None:
    """Show the latest events."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from forethought.render import printable

    with _open_ledger(ledger_path) as opened:
        events = list(opened.events(run_id=run_id, kinds=kinds or None))[-limit:]
    table = Table("seq", "time", "kind", "run", "summary", "hash", expand=True)
    for event in events:
        # Text, not str: what the agent wrote is neither rich markup nor terminal control codes.
        table.add_row(
            str(event.seq),
            _time(event.ts),
            Text(printable(event.kind)),
            Text(printable(event.run_id or "")),
            Text(printable(_event_summary(event.kind, event.payload))),
            event.hash[:12],
        )
    Console().print(table)


def _time(ts: float) -> str:
    from datetime import datetime

    return datetime.fromtimestamp(ts).strftime("%Y-%m-%d %H:%M:%S")


def _event_summary(kind: str, payload: dict[str, object]) -> str:
    """One line about an event, by its typed kind (forethought.ledger.events); an event of a
    kind not known here is its JSON payload, clipped."""
    from forethought.ledger import events as ev

    event = ev.parse(kind, payload)
    match event:
        case ev.ProposalEvent():
            text = f"tool={event.tool} {orjson.dumps(dict(event.args)).decode()}"
        case ev.ReviewEvent():
            state = f"FAILED {event.error}" if event.failed else f"risk={event.risk}"
            text = f"name={event.name} {state}"
        case ev.DecisionEvent():
            text = f"decision={event.verdict} {event.term}"
        case ev.HumanVerdictEvent():
            text = f"{event.answer} by {event.approver} via {event.channel}"
        case ev.ExecutionEvent():
            text = f"tool={event.tool} {'ok' if event.ok else 'error'} {event.elapsed_s:g} s"
        case ev.GateStartEvent():
            names = ",".join(str(r.get("name", "?")) for r in event.reviewers)
            text = f"policy={event.policy.get('source', '?')} reviewers={names}"
        case ev.RunStartEvent():
            text = f"task={event.task}"
        case ev.RunEndEvent():
            text = f"status={event.status} {event.reason}"
        case _:
            text = orjson.dumps(payload).decode()
    return text[:120]


@ledger.command()
@ledger_option
@click.option("--jsonl", "as_jsonl", is_flag=True, help="One event per line on stdout.")
@click.option(
    "--inspect",
    "inspect_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="An Inspect AI log (.eval or .json) for `inspect view`: one sample per run.",
)
@click.option("--run", "run_id", help="Only this run's events.")
def export(
    ledger_path: Path | str | None, as_jsonl: bool, inspect_path: Path | None, run_id: str | None
) -> None:
    """Export events: --jsonl (one JSON object per line on stdout) or --inspect FILE."""
    if as_jsonl == (inspect_path is not None):
        fail("ledger export: give exactly one of --jsonl and --inspect FILE")
    if inspect_path is not None:
        _export_inspect(ledger_path, inspect_path, run_id)
        return
    from forethought.ledger import export_jsonl

    with _open_ledger(ledger_path) as opened:
        export_jsonl(opened, sys.stdout, run_id=run_id)


def _export_inspect(ledger_path: Path | str | None, path: Path, run_id: str | None) -> None:
    try:
        from forethought.ledger.inspect_export import InspectExportError, export_inspect
    except ModuleNotFoundError as exc:
        if (exc.name or "").split(".")[0] != "inspect_ai":
            raise
        fail("ledger export --inspect needs Inspect AI: pip install 'forethought[inspect]'")
    with _open_ledger(ledger_path) as opened:
        try:
            written = export_inspect(opened, path, run_id=run_id)
        except InspectExportError as exc:
            fail(str(exc))
    click.echo(f"wrote {path}: {written} run(s)", err=True)


@ledger.command("copy")
@click.argument("source", type=LEDGER)
@click.argument("destination", type=LEDGER)
def copy_command(source: Path | str, destination: Path | str) -> None:
    """Copy the ledger SOURCE into a new, empty DESTINATION and verify the copy.

    Each is a SQLite file or a postgresql:// URL: moves a SQLite ledger into PostgreSQL, or
    back. Every event keeps its seq, time and hash, and the head record (HMAC included) comes
    along. A broken SOURCE is refused; a copy that does not verify is not kept. Exit 0 when
    copied and verified, 1 when refused (SOURCE missing or broken, DESTINATION not empty), 2 when
    a ledger cannot be opened or written.
    """
    from forethought.ledger import Ledger, LedgerError

    with _open_ledger(source) as original:
        checked = original.verify()  # before anything is created at DESTINATION
        if not checked.ok:
            fail(
                f"refusing to copy {original.location}: verify found {len(checked.problems)} "
                f"problem(s), first: {checked.problems[0]}"
            )
        try:
            target = Ledger.open(destination)
        except LedgerError as exc:
            fail(str(exc), EXIT_CANNOT_REVIEW)
        try:
            report = target.copy_from(original)
            seq, digest = target.head()
        except LedgerError as exc:
            refused = str(exc).startswith(("refusing to copy", "cannot copy into"))
            fail(str(exc), EXIT_BAD_INPUT if refused else EXIT_CANNOT_REVIEW)
        finally:
            target.close()
    click.echo(
        f"copied {report.checked} events from {original.location} to {target.location}; "
        f"verify: ok, head seq {seq} {digest[:12]}"
    )


# --- policy -----------------------------------------------------------------------------------


@main.group()
def policy() -> None:
    """Show, sign and verify policies."""


@policy.command("show")
@policy_option
def policy_show(policy_path: Path | None) -> None:
    """Print the policy in force, where it came from and its hash."""
    from forethought.policy import PolicyError, load_policy

    try:
        p = load_policy(policy_path)
    except PolicyError as exc:
        fail(str(exc))
    click.echo(f"# source: {p.source}\n# sha256: {p.sha256}\n# locked: {p.locked}")
    click.echo(orjson.dumps(p.model_dump(by_alias=True), option=orjson.OPT_INDENT_2).decode())


@policy.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option("--name", default="admin", show_default=True)
def keygen(directory: Path, name: str) -> None:
    """Create an administrator key pair in DIRECTORY (keep the .key file away from agents)."""
    try:
        fp = signing.generate_keypair(directory / f"{name}.key", directory / f"{name}.pub")
    except signing.SignatureError as exc:
        fail(str(exc))
    click.echo(f"wrote {directory / (name + '.key')} (private) and {directory / (name + '.pub')}")
    click.echo(f"fingerprint {fp}; trust it by copying the .pub file into one of:")
    for d in signing.trusted_key_dirs():
        click.echo(f"  {d}")


@policy.command()
@click.argument("policy_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--key", "key_path", required=True, type=click.Path(exists=True, path_type=Path))
def sign(policy_file: Path, key_path: Path) -> None:
    """Sign POLICY_FILE with the administrator's private key (writes POLICY_FILE.sig)."""
    from forethought.policy import PolicyError, parse_policy

    try:
        parse_policy(policy_file.read_bytes(), str(policy_file))
        out = signing.sign_file(policy_file, key_path)
    except (PolicyError, signing.SignatureError) as exc:
        fail(str(exc))
    click.echo(f"signed: {out}")


@policy.command("verify")
@click.argument("policy_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def policy_verify(policy_file: Path) -> None:
    """Check POLICY_FILE's signature against the trusted keys. Exit 1 if it does not hold."""
    try:
        fp = signing.verify_file(policy_file)
    except signing.SignatureError as exc:
        fail(str(exc))
    click.echo(f"ok: signed by trusted key {fp}")
