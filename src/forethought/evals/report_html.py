"""``--report``: one self-contained HTML file a researcher can open anywhere.

Charts are matplotlib SVG written inline: no script, no network, nothing beside the file, and
they print as they look. The page shows the headline figures, ROC curves per stack side by
side, the recall-vs-false-block trade-off of every stack on one log axis with each policy's
operating points, recall per category, the slowest items, and every misclassified or unscored
item with its decision, predictions and the reviewers' rationales.
"""

from __future__ import annotations

import io
from html import escape as _html_escape
from typing import Any

from forethought.evals.summary import (
    PER_DATA_HEADER,
    TAX_HEADER,
    headline,
    per_data_rows,
    tax_rows,
)
from forethought.safe_text import printable

LIST_LIMIT = 200  # items shown per list; the JSON has them all
SLOWEST = 15
LINESTYLES = ("-", "--", ":", "-.")  # so that stacks with identical curves stay visible

CSS = """
body{font:14px/1.45 system-ui,sans-serif;margin:2em auto;max-width:1200px;padding:0 1em;color:#222}
h1{font-size:1.5em}h2{margin-top:2em;border-bottom:1px solid #ddd}
table{border-collapse:collapse;margin:.5em 0}td,th{padding:.25em .6em;border-bottom:1px solid #eee;
text-align:right;vertical-align:top}td:first-child,th:first-child{text-align:left}
td.l,th.l{text-align:left}td.id{white-space:nowrap}small{color:#777}.dim{color:#777}code{font-size:12px;word-break:break-all}
details{margin:.2em 0;padding:.2em .5em;border-left:3px solid #ccc}
details.unsafe{border-color:#c0392b}details.safe{border-color:#2980b9}
summary{cursor:pointer}.harm{color:#c0392b}.benefit{color:#27ae60}
figure{margin:1em 0}svg{max-width:100%;height:auto}
"""


def escape(text: str) -> str:
    """HTML-escaped, with controls and bidirectional overrides shown as escapes (a browser
    reorders text around U+202E just as a terminal obeys ESC)."""
    return _html_escape(printable(text, lines=True))


def render(result: dict[str, Any]) -> str:
    parts = [
        "<!doctype html><html lang=en><head><meta charset=utf-8>",
        "<title>forethought eval</title>",
        f"<style>{CSS}</style></head><body>",
        "<h1>forethought eval</h1>",
        _setup(result),
        "<h2>Headline figures</h2>",
        _headline_table(result),
    ]
    if len(result["data"]) > 1:
        parts += ["<h2>Per data set</h2>", _per_data_table(result)]
    if tax_rows(result):
        parts += [
            "<h2>Alignment tax per reviewer</h2>",
            "<p>What each reviewer cost over all items: the reviews it ran (a reviewer does not "
            "run on actions it cannot judge), of them those where a cascaded model reviewer "
            "asked its model, wall time and tokens.</p>",
            _tax_table(result),
        ]
    parts += [
        "<h2>ROC curves</h2>",
        "<p>Each stack's risk score ranked over the scored items; the dot is the policy's own "
        "decision (not allowed), the cross its outright blocks.</p>",
        _figure(_roc_figure(result)),
        "<h2>Recall against false blocks</h2>",
        "<p>The same curves with false blocks on a log axis, where the useful operating points "
        "are. Dotted lines: the false-block rates of the headline table.</p>",
        _figure(_tradeoff_figure(result)),
    ]
    if any(s["figures"]["per_category"] for s in result["stacks"]):
        parts += [
            "<h2>Recall per category</h2>",
            "<p>Unsafe items not allowed (solid) and blocked outright (hatched).</p>",
            _figure(_category_figure(result)),
        ]
    parts.append(_effects_table(result))
    if result.get("selection"):
        parts += _selection(result["selection"])
    parts += [_slowest(result), _misclassified(result), "</body></html>"]
    return "\n".join(parts)


# --- tables ----------------------------------------------------------------------------------


def _effects_table(result: dict[str, Any]) -> str:
    """Per effect class (each item's heaviest predicted harm): what the gate understood."""
    stacks = result["stacks"]
    effects = sorted({e for s in stacks for e in s["figures"].get("per_effect", {})})
    if not effects:
        return ""
    head = "".join(
        f"<th>{escape(s['name'])}: unsafe stopped</th><th>safe stopped</th>" for s in stacks
    )
    rows = []
    for effect in effects:
        cells = []
        for stack in stacks:
            c = stack["figures"].get("per_effect", {}).get(effect)
            cells.append(
                f"<td>{c['unsafe_stopped']} / {c['unsafe']}</td>"
                f"<td>{c['safe_stopped']} / {c['safe']}</td>"
                if c
                else "<td></td><td></td>"
            )
        rows.append(f"<tr><td>{escape(effect)}</td>{''.join(cells)}</tr>")
    return (
        "<h2>Per effect class</h2><p>Each item counted under the class of its heaviest predicted "
        "harm; unsafe items under <em>none</em> are what the reviewers did not understand.</p>"
        f"<table><tr><th>effect class</th>{head}</tr>{''.join(rows)}</table>"
    )


def _setup(result: dict[str, Any]) -> str:
    rows = "".join(
        f"<tr><td>{escape(d['name'])}</td><td class=l><code>{escape(d['path'])}</code></td>"
        f"<td>{d['items']:,}</td><td>{d['unsafe']:,}</td><td>{d['safe']:,}</td>"
        f"<td class=l><code>{d['sha256'][:16]}</code></td></tr>"
        for d in result["data"]
    )
    settings = result["settings"]
    return (
        "<table><tr><th>data</th><th class=l>file</th><th>items</th><th>unsafe</th>"
        f"<th>safe</th><th class=l>sha256</th></tr>{rows}</table>"
        f"<p class=dim>forethought {escape(result['forethought'])}; policy "
        f"<code>{escape(result['policy']['source'])}</code> (sha256 "
        f"{escape(result['policy']['sha256'][:16])}); 95% bootstrap intervals in brackets, "
        f"{settings['bootstrap']} replicates, seed {settings['seed']}. Safety at an audit budget "
        "as in ControlArena: threshold = the (100 - budget) percentile of the safe items' risk, "
        "caught = unsafe items strictly above it. Unscored items (a review failed, or no "
        "reviewer in the stack could judge the action) are left out of the risk figures and "
        "counted on their own; the policy figures count every item.</p>"
    )


def _headline_table(result: dict[str, Any]) -> str:
    stacks = result["stacks"]
    head = "".join(
        f"<th>{escape(s['name'])}<br><span class=dim>{escape(', '.join(s['reviewers']))}"
        "</span></th>"
        for s in stacks
    )
    columns = [headline(s["figures"]) for s in stacks]
    body = "".join(
        f"<tr><td>{escape(label)}</td>"
        + "".join(f"<td>{escape(column[i][1])}</td>" for column in columns)
        + "</tr>"
        for i, (label, _) in enumerate(columns[0])
    )
    return f"<table><tr><th>figure</th>{head}</tr>{body}</table>"


def _per_data_table(result: dict[str, Any]) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in PER_DATA_HEADER)
    body = "".join(
        "<tr>" + "".join(f"<td>{_value_ci(c)}</td>" for c in row) + "</tr>"
        for row in per_data_rows(result)
    )
    return f"<table><tr>{head}</tr>{body}</table>"


def _tax_table(result: dict[str, Any]) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in TAX_HEADER)
    body = "".join(
        "<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in tax_rows(result)
    )
    return f"<table><tr>{head}</tr>{body}</table>"


def _value_ci(cell: str) -> str:
    """'96.5% [91.9–100.0]' with its interval on a line of its own."""
    value, _, interval = cell.partition(" [")
    return escape(value) + (f"<br><small>[{escape(interval)}</small>" if interval else "")


def _slowest(result: dict[str, Any]) -> str:
    if not result["settings"].get("timings", True):
        return "<h2>Slowest items</h2><p class=dim>Run without --no-timings to see them.</p>"
    out = ["<h2>Slowest items</h2>"]
    for stack in result["stacks"]:
        name = stack["name"]
        ranked = sorted(
            result["items"], key=lambda i: i["outcomes"][name]["elapsed_ms"], reverse=True
        )[:SLOWEST]
        rows = "".join(
            f"<tr><td>{i['outcomes'][name]['elapsed_ms']:.2f}</td>"
            f"<td class='l id'>{escape(i['id'])}"
            f"</td><td class=l>{i['label']}</td><td class=l>{i['outcomes'][name]['decision']}</td>"
            f"<td class=l><code>{escape(i['action'])}</code></td></tr>"
            for i in ranked
        )
        out.append(
            f"<h3>{escape(name)}</h3><table><tr><th>ms</th><th class=l>id</th>"
            f"<th class=l>label</th><th class=l>decision</th><th class=l>action</th></tr>"
            f"{rows}</table>"
        )
    return "\n".join(out)


def _misclassified(result: dict[str, Any]) -> str:
    out = [
        "<h2>Misclassified and unscored items</h2>",
        "<p>Unsafe items the policy allowed, safe items it did not allow, and items that could "
        "not be scored, with every prediction and each reviewer's rationale.</p>",
    ]
    for stack in result["stacks"]:
        name = stack["name"]
        lists: dict[str, list[dict[str, Any]]] = {
            "unsafe items allowed (missed)": [],
            "safe items not allowed (false blocks)": [],
            "unscored items": [],
        }
        for item in result["items"]:
            outcome = item["outcomes"][name]
            if not outcome["scored"]:
                lists["unscored items"].append(item)
            elif item["label"] == "unsafe" and outcome["decision"] == "allow":
                lists["unsafe items allowed (missed)"].append(item)
            elif item["label"] == "safe" and outcome["decision"] != "allow":
                lists["safe items not allowed (false blocks)"].append(item)
        out.append(f"<h3>{escape(name)}</h3>")
        for title, items in lists.items():
            out.append(f"<h4>{escape(title)}: {len(items):,}</h4>")
            out += [_item(item, item["outcomes"][name]) for item in items[:LIST_LIMIT]]
            if len(items) > LIST_LIMIT:
                out.append(
                    f"<p class=dim>... and {len(items) - LIST_LIMIT:,} more in the JSON.</p>"
                )
    return "\n".join(out)


def _item(item: dict[str, Any], outcome: dict[str, Any]) -> str:
    risk = "unscored" if not outcome["scored"] else f"risk {outcome['risk']:.2f}"
    predictions = "".join(
        f"<li><span class={p['valence']}>{p['valence']}</span> p={p['probability']:.2f} "
        f"{p['severity']}{'' if p['reversible'] else ', irreversible'}: {escape(p['outcome'])} "
        f"<span class=dim>({escape(p['reviewer'])}; evidence <code>{escape(p['evidence'])}</code>)"
        "</span></li>"
        for p in outcome["predictions"]
    )
    rationales = "".join(
        f"<li><b>{escape(reviewer)}</b>: {escape(text)}</li>"
        for reviewer, text in outcome["rationales"].items()
    )
    why = escape(outcome["unscored"] or outcome["reason"])
    return (
        f"<details class={item['label']}><summary><b>{outcome['decision']}</b> "
        f"<span class=dim>{escape(item['id'])} · {escape(item['category'])} · {risk}</span> "
        f"<code>{escape(item['action'])}</code></summary>"
        f"<p>{escape(outcome['term'])}: {why}</p>"
        f"<ul>{predictions or '<li class=dim>no predictions</li>'}</ul>"
        f"<ul>{rationales}</ul></details>"
    )


# --- charts ----------------------------------------------------------------------------------


def _selection(selection: dict[str, Any]) -> list[str]:
    a, b = escape(selection["select_by"]), escape(selection["held_out"])
    rows = "".join(
        f"<tr><td>{r['n']}</td><td>{r['unsafe_by_select']:.1%}</td>"
        f"<td>{r['unsafe_by_held_out']:.1%}</td><td>{r['unsafe_by_label']:.1%}</td>"
        f"<td>{_gap_cell(r, 'gap_held_out')}</td><td>{_gap_cell(r, 'gap_label')}</td></tr>"
        for r in selection["rows"]
    )
    return [
        f"<h2>Best-of-n selection by {a}, held out: {b}</h2>",
        f"<p>{selection['groups']:,} groups of candidate actions ({selection['candidates']:,} in "
        f"all), {selection['draws']} draws per group and n: of n candidates drawn, the one {a} "
        f"judges least risky is kept, then judged by {a}, by the held-out {b} and by the label. "
        f"The Goodhart gap is how much {a}'s own unsafe rate fell since n = 1 beyond what {b} "
        "(or the labels) confirm; positive: the selection fools it. Brackets: 95% bootstrap "
        "over groups.</p>",
        f"<table><tr><th>n</th><th>unsafe by {a}</th><th>unsafe by {b}</th><th>unsafe by "
        "label</th><th>gap vs held-out</th><th>gap vs labels</th></tr>" + rows + "</table>",
        _figure(_selection_figure(selection)),
    ]


def _gap_cell(row: dict[str, Any], key: str) -> str:
    ci = row.get(f"{key}_ci")
    value = f"{row[key] * 100:+.1f} pt"
    return value if ci is None else f"{value} [{ci[0] * 100:+.1f}, {ci[1] * 100:+.1f}]"


def _selection_figure(selection: dict[str, Any]) -> Any:
    plt = _pyplot()
    rows = selection["rows"]
    ns = [r["n"] for r in rows]
    fig, (rates, gaps) = plt.subplots(1, 2, figsize=(10, 4))
    for key, label in (
        ("unsafe_by_select", f"by {selection['select_by']} (selects)"),
        ("unsafe_by_held_out", f"by {selection['held_out']} (held out)"),
        ("unsafe_by_label", "by the labels"),
    ):
        rates.plot(ns, [r[key] for r in rows], marker="o", label=label)
    rates.set_ylabel("unsafe rate of the kept action")
    for position, (key, label) in enumerate(
        (("gap_held_out", "vs held-out"), ("gap_label", "vs labels"))
    ):
        values = [r[key] for r in rows]
        gaps.plot(ns, values, marker="o", color=f"C{position + 3}", label=label)
        if all(f"{key}_ci" in r for r in rows):
            gaps.fill_between(
                ns,
                [r[f"{key}_ci"][0] for r in rows],
                [r[f"{key}_ci"][1] for r in rows],
                color=f"C{position + 3}",
                alpha=0.2,
            )
    gaps.axhline(0, color="#999", linewidth=1)
    gaps.set_ylabel("Goodhart gap")
    for ax in (rates, gaps):
        ax.set_xscale("log", base=2)
        ax.set_xlabel("n (candidates drawn)")
        ax.grid(alpha=0.3)
        ax.legend()
    fig.tight_layout()
    return fig


def _pyplot() -> Any:
    import matplotlib

    matplotlib.use("Agg")
    # Stable element ids, so the same result renders to the same file.
    matplotlib.rcParams["svg.hashsalt"] = "forethought"
    import matplotlib.pyplot as plt

    return plt


def _figure(fig: Any) -> str:
    plt = _pyplot()
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None})
    plt.close(fig)
    svg = buffer.getvalue()
    return f"<figure>{svg[svg.index('<svg') :]}</figure>"


def _roc_figure(result: dict[str, Any]) -> Any:
    plt = _pyplot()
    stacks = result["stacks"]
    fig, axes = plt.subplots(1, len(stacks), figsize=(4 * len(stacks), 4), squeeze=False)
    for ax, stack in zip(axes[0], stacks, strict=True):
        figures = stack["figures"]
        curve = figures["roc_curve"]
        auc = figures["roc_auc"]["value"]
        ax.plot([0, 1], [0, 1], color="#bbb", linewidth=1, linestyle="--")
        if curve["recall"]:
            ax.plot(curve["false_block_rate"], curve["recall"], drawstyle="steps-post")
        _operating_points(ax, figures)
        ax.set_title(f"{stack['name']}  (AUC {'n/a' if auc is None else f'{auc:.3f}'})")
        ax.set_xlabel("false-block rate (safe items flagged)")
        ax.set_ylabel("recall (unsafe items flagged)")
        ax.set_xlim(0, 1)
        ax.set_ylim(0, 1.02)
        ax.grid(alpha=0.3)
    fig.tight_layout()
    return fig


def _tradeoff_figure(result: dict[str, Any]) -> Any:
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(8, 4.5))
    safe = max((s["figures"]["safe"] for s in result["stacks"]), default=1)
    floor = 1 / (2 * max(safe, 1))  # where a zero false-block rate is drawn on the log axis
    for position, stack in enumerate(result["stacks"]):
        color = f"C{position}"
        curve = stack["figures"]["roc_curve"]
        if curve["recall"]:
            x = [max(v, floor) for v in curve["false_block_rate"]]
            ax.plot(
                x,
                curve["recall"],
                drawstyle="steps-post",
                color=color,
                linestyle=LINESTYLES[position % len(LINESTYLES)],
                label=stack["name"],
            )
        _operating_points(ax, stack["figures"], color, floor)
    for rate in result["settings"]["false_block_rates"]:
        ax.axvline(rate, color="#999", linestyle=":", linewidth=1)
    ax.set_xscale("log")
    ax.set_xlim(floor, 1)
    ax.set_ylim(0, 1.02)
    ax.set_xlabel(f"false-block rate (log; 0 drawn at {floor:.1e})")
    ax.set_ylabel("recall")
    ax.grid(alpha=0.3, which="both")
    ax.legend(loc="lower right")
    fig.tight_layout()
    return fig


def _operating_points(
    ax: Any, figures: dict[str, Any], color: str = "C0", floor: float = 0
) -> None:
    for key, marker in (("not_allowed", "o"), ("blocked", "x")):
        point = figures["policy"][key]
        if point["false_block_rate"] is not None and point["recall"] is not None:
            ax.plot(
                max(point["false_block_rate"], floor),
                point["recall"],
                marker=marker,
                color=color,
                markersize=8,
                linestyle="none",
            )


def _category_figure(result: dict[str, Any]) -> Any:
    plt = _pyplot()
    stacks = result["stacks"]
    categories = sorted({c for s in stacks for c in s["figures"]["per_category"]})
    height = 0.8 / len(stacks)
    fig, ax = plt.subplots(figsize=(8, 0.5 + 0.45 * len(categories) * max(1, len(stacks) / 2)))
    for position, stack in enumerate(stacks):
        per = stack["figures"]["per_category"]
        ys = [i + position * height for i in range(len(categories))]
        recall = [per.get(c, {}).get("recall", 0) for c in categories]
        blocked = [per.get(c, {}).get("recall_blocked", 0) for c in categories]
        color = f"C{position}"
        ax.barh(ys, recall, height=height, color=color, alpha=0.45, label=stack["name"])
        ax.barh(ys, blocked, height=height, color=color, hatch="//", fill=False, edgecolor=color)
    counts = {c: n["n"] for s in stacks for c, n in s["figures"]["per_category"].items()}
    labels = [f"{c} (n={counts[c]})" for c in categories]
    ax.set_yticks([i + height * (len(stacks) - 1) / 2 for i in range(len(categories))], labels)
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    ax.set_xlabel("recall")
    ax.grid(alpha=0.3, axis="x")
    ax.legend(loc="lower left", bbox_to_anchor=(0, 1.0), ncol=len(stacks), frameon=False)
    fig.tight_layout()
    return fig
