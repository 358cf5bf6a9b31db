"""The headline figures as rows of text, shared by the terminal table and the Markdown."""

from __future__ import annotations

from typing import Any


def pct(value: float | None, digits: int = 1) -> str:
    return "n/a" if value is None else f"{value * 100:.{digits}f}%"


def with_ci(value: float | None, ci: list[float | None] | None, digits: int = 1) -> str:
    text = pct(value, digits)
    if value is None or not ci or ci[0] is None or ci[1] is None:
        return text
    return f"{text} [{ci[0] * 100:.{digits}f}–{ci[1] * 100:.{digits}f}]"


def _f1(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def auc_text(figures: dict[str, Any]) -> str:
    roc = figures["roc_auc"]
    if roc["value"] is None:
        return "n/a"
    ci = roc.get("ci")
    if not ci or ci[0] is None:
        return f"{roc['value']:.3f}"
    return f"{roc['value']:.3f} [{ci[0]:.3f}–{ci[1]:.3f}]"


def headline(figures: dict[str, Any]) -> list[tuple[str, str]]:
    """(figure, value) rows for one stack over one set of items."""
    policy = figures["policy"]
    stopped, blocked = policy["not_allowed"], policy["blocked"]
    unscored = figures["unscored"]
    rows = [
        ("items: unsafe / safe", f"{figures['unsafe']:,} / {figures['safe']:,}"),
        ("unscored: unsafe / safe", f"{unscored['unsafe']:,} / {unscored['safe']:,}"),
        ("ROC AUC (risk)", auc_text(figures)),
        ("recall, not allowed", with_ci(stopped["recall"], stopped.get("recall_ci"))),
        (
            "false blocks, not allowed",
            with_ci(stopped["false_block_rate"], stopped.get("false_block_rate_ci"), 2),
        ),
        ("precision / F1, not allowed", f"{pct(stopped['precision'])} / {_f1(stopped['f1'])}"),
        ("recall, blocked outright", with_ci(blocked["recall"], blocked.get("recall_ci"))),
        (
            "false blocks, blocked outright",
            with_ci(blocked["false_block_rate"], blocked.get("false_block_rate_ci"), 2),
        ),
    ]
    for rate, found in figures["recall_at_false_block"].items():
        rows.append((f"recall at {rate} false blocks", with_ci(found["value"], found.get("ci"))))
    for budget, found in figures["safety"].items():
        threshold = "" if found["threshold"] is None else f"  (risk > {found['threshold']:.3f})"
        rows.append(
            (
                f"safety at {budget} audit budget",
                with_ci(found["value"], found.get("ci")) + threshold,
            )
        )
    tax = figures["alignment_tax"]
    if "review_ms_mean" in tax:
        rows.append(
            (
                "review time per item: mean / p99",
                f"{tax['review_ms_mean']:.2f} / {tax['review_ms_p99']:.2f} ms",
            )
        )
        rows.append(("review time, total", f"{tax['review_ms_total'] / 1000:.2f} s"))
    rows.append(("tokens per item", f"{tax['tokens_per_item']:g}"))
    return rows


PER_DATA_HEADER = [
    "data",
    "stack",
    "unsafe",
    "safe",
    "ROC AUC",
    "recall (not allowed)",
    "false blocks (not allowed)",
    "recall (blocked)",
    "false blocks (blocked)",
    "safety @ 1% audit",
    "recall @ 1% false blocks",
    "ms / item",
]


def per_data_rows(result: dict[str, Any]) -> list[list[str]]:
    """One row per data set and stack (the whole run when there is one data set)."""
    rows = []
    names = [d["name"] for d in result["data"]]
    for name in names:
        for stack in result["stacks"]:
            figures = stack.get("per_data", {}).get(name, stack["figures"])
            rows.append([name, stack["name"], *_compact(figures)])
    return rows


def _compact(figures: dict[str, Any]) -> list[str]:
    stopped, blocked = figures["policy"]["not_allowed"], figures["policy"]["blocked"]
    safety = figures["safety"].get("1%", {"value": None})
    at_rate = figures["recall_at_false_block"].get("1%", {"value": None})
    mean_ms = figures["alignment_tax"].get("review_ms_mean")
    return [
        f"{figures['unsafe']:,}",
        f"{figures['safe']:,}",
        auc_text(figures),
        with_ci(stopped["recall"], stopped.get("recall_ci")),
        with_ci(stopped["false_block_rate"], stopped.get("false_block_rate_ci"), 2),
        with_ci(blocked["recall"], blocked.get("recall_ci")),
        with_ci(blocked["false_block_rate"], blocked.get("false_block_rate_ci"), 2),
        with_ci(safety["value"], safety.get("ci")),
        with_ci(at_rate["value"], at_rate.get("ci")),
        "n/a" if mean_ms is None else f"{mean_ms:.2f}",
    ]


TAX_HEADER = [
    "stack",
    "reviewer",
    "reviews",
    "asked",
    "ms / review",
    "ms / item",
    "ms total",
    "tokens in",
    "tokens out",
    "tokens / item",
]


def tax_rows(result: dict[str, Any]) -> list[list[str]]:
    """The alignment tax per stack and reviewer over all items ("n/a": run with --no-timings).

    ``reviews``: items the reviewer ran on (it does not run on actions it cannot judge);
    ``asked``: of them, those a cascaded model reviewer actually asked its model about.
    """
    rows = []
    for stack in result["stacks"]:
        per_reviewer = stack["figures"]["alignment_tax"].get("per_reviewer", {})
        for name, tax in per_reviewer.items():
            rows.append(
                [
                    stack["name"],
                    name,
                    f"{tax['reviews']:,}",
                    f"{tax['asked']:,}",
                    _ms(tax.get("ms_per_review")),
                    _ms(tax.get("ms_per_item")),
                    _ms(tax.get("ms_total")),
                    f"{tax['tokens_in_total']:,.0f}",
                    f"{tax['tokens_out_total']:,.0f}",
                    f"{tax['tokens_per_item']:g}",
                ]
            )
    return rows


def _ms(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def markdown(result: dict[str, Any]) -> str:
    """A Markdown table of the per-data-set figures, with how they were made."""
    lines = [
        "| " + " | ".join(PER_DATA_HEADER) + " |",
        "| --- | --- | " + " | ".join(["---:"] * (len(PER_DATA_HEADER) - 2)) + " |",
    ]
    lines += [
        "| " + " | ".join(_escape(cell) for cell in row) + " |" for row in per_data_rows(result)
    ]
    settings = result["settings"]
    lines += [
        "",
        f"Brackets: 95% bootstrap intervals ({settings['bootstrap']} replicates, seed "
        f"{settings['seed']}). Policy: `{result['policy']['source']}` "
        f"(sha256 {result['policy']['sha256'][:12]}). "
        f"Unscored items (failed or impossible reviews): {_unscored(result)}.",
    ]
    return "\n".join(lines) + "\n"


def _unscored(result: dict[str, Any]) -> str:
    parts = []
    for stack in result["stacks"]:
        u = stack["figures"]["unscored"]
        parts.append(f"{stack['name']} {u['unsafe']} unsafe / {u['safe']} safe")
    return ", ".join(parts)


def _escape(cell: str) -> str:
    return cell.replace("|", "\\|")
