"""``forethought mcp-proxy``: put the gate between an MCP client and any stdio MCP server."""

from __future__ import annotations

from pathlib import Path

import click

from forethought.cli import EXIT_CANNOT_REVIEW, fail, ledger_option, policy_option

EXTRA_HINT = "the MCP proxy needs the 'mcp' extra: pip install 'forethought[mcp]'"


@click.command(
    "mcp-proxy",
    context_settings={"ignore_unknown_options": True, "allow_interspersed_args": False},
)
@policy_option
@ledger_option
@click.option(
    "--human",
    type=click.Choice(["none", "tty", "console"]),
    default="none",
    show_default=True,
    help="Who answers an escalation: nobody (it is refused), or a person on the terminal the "
    "proxy was started from (/dev/tty; stdin is the MCP connection; without a terminal, "
    "escalations are refused), or an approver signed in to `forethought console` on the same "
    "ledger.",
)
@click.option(
    "--human-timeout",
    type=click.FloatRange(min=1),
    default=120.0,
    show_default=True,
    help="Seconds to wait for the person's answer; then the call is refused.",
)
@click.argument("command", nargs=-1, required=True, type=click.UNPROCESSED)
def mcp_proxy(
    policy_path: Path | None,
    ledger_path: Path | str | None,
    human: str,
    human_timeout: float,
    command: tuple[str, ...],
) -> None:
    """Serve MCP on stdio in front of the server COMMAND starts; review every tool call.

    \b
        forethought mcp-proxy [OPTIONS] -- COMMAND [ARGS]...

    Tools, prompts and resources are the server's own. A tool call the policy does not allow
    comes back as a tool error with a short reason and never reaches the server; proposals,
    reviews and decisions go to the ledger with origin "mcp". Exits 1 on a bad policy,
    2 when the ledger, the reviewers or the server cannot start.
    """
    from forethought.cli import _gate
    from forethought.integrations.mcp_human import make_channel

    with _gate(policy_path, ledger_path) as gate:  # a bad policy fails before the SDK loads
        try:
            from forethought.integrations.mcp_proxy import ChildError, serve
        except ImportError as exc:
            if exc.name is not None and exc.name.split(".")[0] in ("mcp", "mcp_types"):
                fail(EXTRA_HINT)
            raise
        approvers = gate.policy.approvers if gate.policy.locked else None
        channel = make_channel(
            human, timeout_s=human_timeout, approvers=approvers, ledger=gate.ledger
        )
        try:
            serve(list(command), gate, channel)
        except ChildError as exc:
            fail(str(exc), EXIT_CANNOT_REVIEW)
