"""`forethought console`: serve the web console, or print an approver's one-time sign-in link."""

from __future__ import annotations

from pathlib import Path

import click

from forethought.cli import EXIT_CANNOT_REVIEW, fail, ledger_option, policy_option

EXTRA_HINT = "the console needs the 'console' extra: pip install 'forethought[console]'"


@click.command()
@ledger_option
@policy_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. Anything but 127.0.0.1 exposes the reading pages to "
              "whoever reaches it.")  # fmt: skip
@click.option("--port", type=click.IntRange(1, 65535), default=8765, show_default=True)
@click.option(
    "--approver", metavar="NAME",
    help="Print a one-time sign-in link for approver NAME (good for 15 minutes) and exit; the "
    "console must be running with the same --host and --port.",
)  # fmt: skip
@click.option(
    "--key", "key_path", type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="With --approver: sign the link with your key (`forethought policy keygen`); needed "
    "where the policy is locked.",
)  # fmt: skip
def console(
    ledger_path: Path | str | None,
    policy_path: Path | None,
    host: str,
    port: int,
    approver: str | None,
    key_path: Path | None,
) -> None:
    """Serve the web console: runs and sessions, each run's timeline, the ledger's verification
    and the escalation queue, where signed-in approvers answer escalations asked with
    `--human console`.

    \b
        forethought console --ledger URL            # serve on http://127.0.0.1:8765
        forethought console --approver alice        # print alice's one-time sign-in link
    """
    from forethought.console.auth import SignInError, new_signin

    shown_host = f"[{host}]" if ":" in host else host
    if approver is not None:
        try:
            token = new_signin(approver, key_path=key_path)
        except SignInError as exc:
            fail(str(exc))
        click.echo(f"http://{shown_host}:{port}/signin?token={token}")
        return
    if key_path is not None:
        fail("--key goes with --approver")
    try:
        import uvicorn

        from forethought.console.app import create_app
    except ImportError as exc:
        if exc.name is not None and exc.name.split(".")[0] in (
            "starlette", "jinja2", "uvicorn", "multipart", "python_multipart",
        ):  # fmt: skip
            fail(EXTRA_HINT)
        raise
    from forethought.ledger import Ledger, LedgerError, LedgerMissing
    from forethought.policy import PolicyError, load_policy

    try:
        policy = load_policy(policy_path)
    except PolicyError as exc:
        fail(str(exc))
    try:
        Ledger.open(ledger_path, read_only=True).close()  # a mistyped --ledger is an error
        ledger = Ledger.open(ledger_path)
    except LedgerMissing as exc:
        fail(str(exc))
    except LedgerError as exc:
        fail(str(exc), EXIT_CANNOT_REVIEW)
    # Bound to the loopback interface, only its own names are served: a page elsewhere that
    # points its own domain name at 127.0.0.1 (DNS rebinding) gets 400, not the ledger.
    loopback = host in ("127.0.0.1", "localhost", "::1")
    allowed = ["127.0.0.1", "localhost", "::1", "[::1]"] if loopback else ["*"]
    app = create_app(
        ledger, approvers=policy.approvers if policy.locked else None, allowed_hosts=allowed
    )
    click.echo(f"forethought console: http://{shown_host}:{port}/ (ledger {ledger.location})",
               err=True)  # fmt: skip
    try:
        uvicorn.run(app, host=host, port=port, log_level="warning")
    finally:
        ledger.close()
