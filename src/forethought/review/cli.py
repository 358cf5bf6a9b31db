"""``forethought reviewers``: what the policy in force configures, reviewer by reviewer, and
every registered reviewer with its origin (review/registry.py).

The reviewers are built by the registry the Gate uses (``build_reviewers``), so the listing is
what a Gate started now would run: names, versions (a model reviewer's carries the hash of its
prompt files, since its results depend on them), inline or on a worker thread, deadline, and for
model reviewers the model and the cascade. Building them asks no model: a model backend is
constructed (an HTTP client, or a GGUF file loaded by llama.cpp for ``llamacpp:``/``local:``),
never called, and reviewers' start-up canaries are not run.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

import click

from forethought.cli import EXIT_BAD_INPUT, fail, policy_option
from forethought.policy import Policy
from forethought.review.base import Reviewer

SHARED_RULES = "_data_rules"  # the rules for reading quoted data, part of every model prompt


def prompt_file(name: str) -> str:
    """The installed path of the prompt template ``name``."""
    return str(resources.files("forethought.review").joinpath("prompts", f"{name}.txt"))


def describe(reviewer: Reviewer, policy: Policy) -> dict[str, Any]:
    """One reviewer as the listing shows it (a plain, JSON-ready dict)."""
    from forethought.review.model_review import ModelReviewer

    inner = reviewer
    own_deadline = getattr(reviewer, "deadline_s", None)
    deadline_ms = own_deadline * 1000 if own_deadline else policy.reviewers.deadline_ms
    entry: dict[str, Any] = {
        "name": reviewer.name,
        "version": reviewer.version,
        "kind": "static",
        "inline": bool(reviewer.inline),
        "deadline_ms": deadline_ms,
    }
    if isinstance(inner, ModelReviewer):
        settings = policy.reviewers.model
        entry["kind"] = "model"
        entry["model"] = inner.model.name
        entry["cascade"] = settings.cascade
        if settings.cascade == "uncertain":  # asked only inside the band
            entry["uncertain_band"] = list(settings.uncertain)
        entry["prompts"] = [
            {"name": p.name, "version": p.version, "file": prompt_file(p.name)}
            for p in inner.prompts.values()
        ]
        entry["rules_file"] = prompt_file(SHARED_RULES)
        if inner.name == "debate":
            entry["debate_rounds"] = getattr(inner, "rounds", settings.debate_rounds)
    elif (model_file := getattr(inner, "path", None)) is not None and (
        reviewer.name == "classifier"
    ):
        entry["kind"] = "learned"
        entry["model_file"] = str(model_file)
    return entry


def listing(policy: Policy) -> dict[str, Any]:
    """Every reviewer the policy's Gate would run, the enabled ones it would not, and every
    registered reviewer with its origin."""
    from forethought.review.registry import build_reviewers, not_run, registered

    reviewers = build_reviewers(policy)
    known = registered()
    described = []
    for reviewer in reviewers:
        entry = describe(reviewer, policy)
        item = known.get(reviewer.name)
        entry["origin"] = item.origin if item is not None else "?"
        described.append(entry)
    enabled = set(policy.reviewers.enabled) | {"self_protection"}
    return {
        "policy": {"source": policy.source, "sha256": policy.sha256},
        "aggregate": policy.aggregate,
        "reviewers": described,
        "not_run": [
            {"name": name, "why": 'reviewers.model.cascade is "never"'}
            for name in not_run(policy, reviewers)
        ],
        "registered": [
            {
                "name": item.name,
                "kind": item.kind,
                "origin": item.origin,
                "enabled": item.name in enabled and not item.shadowed,
                "shadowed": item.shadowed,
            }
            for item in known.values()
        ],
    }


@click.command("reviewers")
@click.option("--json", "as_json", is_flag=True, help="One JSON document instead of a table.")
@policy_option
def reviewers_command(as_json: bool, policy_path: Path | None) -> None:
    """List the reviewers the policy in force configures, and the prompt version each uses.

    No model is asked: model backends are built (as a Gate would build them) but not called.
    A policy whose reviewers cannot be built (an unknown reviewer, no model named, a missing
    key variable) exits 1 with the reason, as the Gate would refuse to start.
    """
    from forethought.policy import PolicyError, load_policy

    try:
        policy = load_policy(policy_path)
        found = listing(policy)
    except PolicyError as exc:
        fail(str(exc), EXIT_BAD_INPUT)
    if as_json:
        import orjson

        click.echo(orjson.dumps(found, option=orjson.OPT_INDENT_2).decode())
        return
    _print(found)


def _print(found: dict[str, Any]) -> None:
    from rich.console import Console
    from rich.table import Table

    policy = found["policy"]
    table = Table(
        title=f"reviewers of {policy['source']} (sha256 {policy['sha256'][:12]})",
        title_justify="left",
    )
    table.add_column("reviewer", no_wrap=True)
    for column in ("version", "runs", "deadline", "model / cascade", "prompt files"):
        table.add_column(column, overflow="fold")
    for entry in found["reviewers"]:
        table.add_row(
            entry["name"],
            entry["version"],
            "inline" if entry["inline"] else "worker thread",
            f"{entry['deadline_ms']:g} ms",
            _model_cell(entry),
            "\n".join(f"{Path(p['file']).name} ({p['version']})" for p in entry.get("prompts", ())),
        )
    console = Console()
    console.print(table)
    for entry in found["not_run"]:
        console.print(f"enabled but not run: {entry['name']} ({entry['why']})")
    known = Table(
        title="registered reviewers (enable them by name in reviewers.enabled)",
        title_justify="left",
    )
    for column in ("name", "kind", "enabled", "origin"):
        known.add_column(column, overflow="fold", no_wrap=column == "name")
    for item in found["registered"]:
        state = "shadowed by the built-in" if item["shadowed"] else "yes" if item["enabled"] else ""
        known.add_row(item["name"], item["kind"], state, item["origin"])
    console.print(known)
    rules = {e["rules_file"] for e in found["reviewers"] if "rules_file" in e}
    for path in sorted(rules):
        console.print(
            f"prompt files are in {Path(path).parent}; every model prompt also includes "
            f"{Path(path).name} (in its version hash)"
        )


def _model_cell(entry: dict[str, Any]) -> str:
    if entry["kind"] == "learned":
        return entry["model_file"]
    if entry["kind"] != "model":
        return ""
    cascade = entry["cascade"]
    if "uncertain_band" in entry:
        low, high = entry["uncertain_band"]
        cascade = f"uncertain [{low:g}, {high:g}]"
    text = f"{entry['model']}\ncascade: {cascade}"
    if "debate_rounds" in entry:
        text += f"\nrounds: {entry['debate_rounds']}"
    return text
