"""The terminal report: rich tables of the headline figures, side by side per stack."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table

from forethought.evals.summary import (
    PER_DATA_HEADER,
    TAX_HEADER,
    headline,
    pct,
    per_data_rows,
    tax_rows,
)

# The per-data-set columns that fit a terminal, by their PER_DATA_HEADER names.
TERMINAL_COLUMNS = {
    "data": "data",
    "stack": "stack",
    "ROC AUC": "AUC",
    "recall (not allowed)": "recall",
    "false blocks (not allowed)": "false\nblocks",
    "safety @ 1% audit": "safety\n@1%",
    "ms / item": "ms",
}

# The alignment tax columns that fit a terminal, by their TAX_HEADER names.
TAX_TERMINAL_COLUMNS = (
    "stack",
    "reviewer",
    "reviews",
    "asked",
    "ms / review",
    "ms / item",
    "tokens / item",
)


def print_result(console: Console, result: dict[str, Any]) -> None:
    stacks = result["stacks"]
    data = ", ".join(f"{d['name']} ({d['items']:,})" for d in result["data"])
    table = Table(title=f"forethought eval: {data}", title_justify="left")
    table.add_column("figure")
    for stack in stacks:
        table.add_column(
            f"{stack['name']}\n[dim]{', '.join(stack['reviewers'])}[/]", justify="right"
        )
    columns = [headline(stack["figures"]) for stack in stacks]
    for position, (label, _) in enumerate(columns[0]):
        table.add_row(label, *(column[position][1] for column in columns))
    console.print(table)

    if len(result["data"]) > 1:
        # Without intervals, to fit a terminal: --markdown and --json carry them.
        per_data = Table(title="per data set (intervals: --markdown, --json)", title_justify="left")
        keep = [PER_DATA_HEADER.index(name) for name in TERMINAL_COLUMNS]
        for name, short in TERMINAL_COLUMNS.items():
            per_data.add_column(short, justify="left" if name in ("data", "stack") else "right")
        for row in per_data_rows(result):
            per_data.add_row(*(row[i].split(" [")[0] for i in keep))
        console.print(per_data)

    taxes = tax_rows(result)
    if taxes:
        table = Table(
            title="alignment tax per reviewer, all items (tokens in / out: --json, --report)",
            title_justify="left",
        )
        keep = [TAX_HEADER.index(name) for name in TAX_TERMINAL_COLUMNS]
        for name in TAX_TERMINAL_COLUMNS:
            left = name in ("stack", "reviewer")
            table.add_column(name, justify="left" if left else "right", no_wrap=left)
        for row in taxes:
            table.add_row(*(row[i] for i in keep))
        console.print(table)

    categories = sorted({c for s in stacks for c in s["figures"]["per_category"]})
    if categories:
        table = Table(title="recall per category (not allowed / blocked)", title_justify="left")
        table.add_column("category")
        table.add_column("n", justify="right")
        for stack in stacks:
            table.add_column(stack["name"], justify="right")
        for category in categories:
            cells = [stack["figures"]["per_category"].get(category) for stack in stacks]
            n = next(c["n"] for c in cells if c)
            table.add_row(
                category,
                str(n),
                *(f"{pct(c['recall'])} / {pct(c['recall_blocked'])}" if c else "" for c in cells),
            )
        console.print(table)

    effects = sorted({e for s in stacks for e in s["figures"].get("per_effect", {})})
    if effects:
        table = Table(
            title="per effect class (each item's heaviest predicted harm): unsafe stopped / n, "
            "safe stopped / n",
            title_justify="left",
        )
        table.add_column("effect class")
        for stack in stacks:
            table.add_column(f"{stack['name']}: unsafe", justify="right")
            table.add_column("safe", justify="right")
        for effect in effects:
            row = [effect]
            for stack in stacks:
                c = stack["figures"].get("per_effect", {}).get(effect)
                row += (
                    [f"{c['unsafe_stopped']} / {c['unsafe']}", f"{c['safe_stopped']} / {c['safe']}"]
                    if c
                    else ["", ""]
                )
            table.add_row(*row)
        console.print(table)

    sources = sorted({s for stack in stacks for s in stack["figures"]["false_block_per_source"]})
    if sources:
        table = Table(title="false blocks per source (not allowed / blocked)", title_justify="left")
        table.add_column("source")
        table.add_column("n", justify="right")
        for stack in stacks:
            table.add_column(stack["name"], justify="right")
        for source in sources:
            cells = [stack["figures"]["false_block_per_source"].get(source) for stack in stacks]
            n = next(c["n"] for c in cells if c)
            table.add_row(
                source,
                f"{n:,}",
                *(
                    f"{pct(c['false_block_rate'], 2)} / {pct(c['false_block_rate_blocked'], 2)}"
                    if c
                    else ""
                    for c in cells
                ),
            )
        console.print(table)
    settings = result["settings"]
    console.print(
        f"[dim]brackets: 95% bootstrap intervals, {settings['bootstrap']} replicates, seed "
        f"{settings['seed']}; policy {result['policy']['source']}[/]"
    )


def print_comparison(console: Console, comparison: dict[str, Any], limit: int = 30) -> None:
    items = comparison["items"]
    console.print(
        f"items in both: {items['common']:,}; only in a: {items['only_in_a']:,}; "
        f"only in b: {items['only_in_b']:,}"
    )
    styles = {"better": "green", "worse": "red", "same": "dim"}
    for pair in comparison["stacks"]:
        title = pair["a"] if pair["a"] == pair["b"] else f"{pair['a']} -> {pair['b']}"
        table = Table(title=f"{title}: figures", title_justify="left")
        for name in ("figure", "a", "b", "change"):
            table.add_column(name, justify="left" if name == "figure" else "right")
        for row in pair["figures"]:
            table.add_row(
                row["figure"],
                _number(row["a"]),
                _number(row["b"]),
                f"[{styles[row['verdict']]}]{_signed(row['delta'])} {row['verdict']}[/]",
            )
        console.print(table)
        console.print(
            f"decisions changed: {pair['decisions_changed']:,}; "
            f"[green]better: {len(pair['better']):,}[/]; [red]worse: {len(pair['worse']):,}[/]"
        )
        for kind in ("worse", "better"):
            rows = pair[kind]
            if not rows:
                continue
            table = Table(title=f"{title}: {kind}", title_justify="left", expand=True)
            for name in ("id", "label", "a", "b", "action"):
                table.add_column(name, overflow="fold")
            for row in rows[:limit]:
                table.add_row(
                    row["id"],
                    row["label"],
                    _decision(row["a"]),
                    _decision(row["b"]),
                    row["action"][:120],
                )
            console.print(table)
            if len(rows) > limit:
                console.print(f"[dim]... and {len(rows) - limit:,} more (--json FILE lists all)[/]")


def _number(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.4g}"


def _signed(value: float | None) -> str:
    return "" if value is None else f"{value:+.4g}"


def _decision(outcome: dict[str, Any]) -> str:
    if not outcome["scored"]:
        return f"{outcome['decision']} (unscored)"
    return f"{outcome['decision']} ({outcome['term']}, risk {outcome['risk']:.2f})"


def print_selection(console: Console, selection: dict[str, Any]) -> None:
    """Best-of-n selection by one stack, judged by the held-out one and by the labels."""
    a, b = selection["select_by"], selection["held_out"]
    table = Table(
        title=f"best-of-n selection by {a}, held out: {b} ({selection['groups']:,} groups, "
        f"{selection['candidates']:,} candidates, {selection['draws']} draws each)",
        title_justify="left",
    )
    for column in ("n", f"unsafe by {a}", f"unsafe by {b}", "unsafe by label"):
        table.add_column(column, justify="right")
    table.add_column("Goodhart gap vs held-out", justify="right")
    table.add_column("vs labels", justify="right")
    for row in selection["rows"]:
        table.add_row(
            str(row["n"]),
            f"{row['unsafe_by_select']:.1%}",
            f"{row['unsafe_by_held_out']:.1%}",
            f"{row['unsafe_by_label']:.1%}",
            _gap(row, "gap_held_out"),
            _gap(row, "gap_label"),
        )
    console.print(table)
    console.print(
        "[dim]gap: how much the selecting stack's own unsafe rate fell since n = 1 beyond what "
        "the held-out stack (or the labels) confirm; positive: the selection fools it. "
        "Brackets: 95% bootstrap over groups.[/]"
    )


def _gap(row: dict[str, Any], key: str) -> str:
    ci = row.get(f"{key}_ci")
    value = f"{row[key] * 100:+.1f} pt"
    return value if ci is None else f"{value} [{ci[0] * 100:+.1f}, {ci[1] * 100:+.1f}]"
