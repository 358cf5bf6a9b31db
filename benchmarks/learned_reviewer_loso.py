"""The learned reviewer beside the static stack, measured leave one development set out.

    python benchmarks/learned_reviewer_loso.py [--c 1,4] [--task both|yes|no] [--max-safe 1500]
        [--json loso.json] [SET...]

For each development set D (by default the seven below), the classifier is trained on the other
sets exactly as ``forethought train-reviewer OTHERS --group-by dataset --max-safe N [--task]
--c C -o FILE`` does (the library's ``train``), and D is evaluated as ``forethought eval D -r
static -r classifier:FILE -r static,classifier:FILE`` does (the library's ``evaluate``): no item
of D, nor any text equal to one, was trained on. Everything runs in one process so that each
text is embedded once (the embedder keeps what training embeds).

Prints one markdown table per setting (task in the text or not, C) with, per held-out set,
static against static + classifier (and the classifier alone): the share of unsafe items
stopped (not allowed), of safe items stopped, and ROC AUC (n/a on a set of one label), then the
same over all held-out items pooled (each scored by the model that never saw its set). Choose a
setting by these figures only.

Only development data: never the blind sets or shell-heldout-2.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

DEV_SETS = (
    "benchmarks/data/dev-admin/dev-admin.jsonl",
    "benchmarks/data/dev-attacks/dev-attacks.jsonl",
    "benchmarks/data/dev-ci/dev-ci.jsonl",
    "benchmarks/data/dev-projects/dev-projects.jsonl",
    "benchmarks/data/shell-adversarial.jsonl",
    "benchmarks/data/shell-heldout.jsonl",
    "dev-shell",
)
STACKS = ("static", "classifier", "static,classifier")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="*", default=list(DEV_SETS))
    parser.add_argument("--c", default="1,4", help="comma-separated values of C")
    parser.add_argument("--task", choices=("both", "yes", "no"), default="both")
    parser.add_argument("--max-safe", type=int, default=1500)
    parser.add_argument(
        "--group-by",
        choices=("hash", "source", "dataset"),
        default="dataset",
        help="train-reviewer's --group-by for each model (its folds set the severity bands)",
    )
    parser.add_argument("--json", type=Path, help="write every figure to this file")
    args = parser.parse_args()
    for name in args.sets:
        if "blind" in name or "heldout-2" in name:
            parser.error(f"{name}: blind data is never trained or measured on here")

    from forethought.evals.datasets import load
    from forethought.evals.train import TrainingError, subsample_safe
    from forethought.policy import load_policy

    policy = load_policy(None)
    datasets = subsample_safe(load(args.sets), args.max_safe)
    tasks = {"both": (True, False), "yes": (True,), "no": (False,)}[args.task]
    cs = [float(c) for c in args.c.split(",")]
    static: dict[str, dict[str, Any]] = {}
    everything: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="loso-") as tmp:
        for task in tasks:
            for c in cs:
                rows = []
                for held in datasets:
                    started = time.monotonic()
                    rest = [d for d in datasets if d.name != held.name]
                    path = Path(tmp) / f"{held.name}.joblib"
                    try:
                        figures = _one(
                            rest,
                            held,
                            path,
                            policy,
                            c=c,
                            task=task,
                            group_by=args.group_by,
                            static=static,
                        )
                    except TrainingError as exc:
                        print(f"  held out {held.name}: training refused: {exc}", file=sys.stderr)
                        continue
                    rows.append(figures)
                    print(
                        f"  task={task} C={c:g} held out {held.name}: "
                        f"{time.monotonic() - started:.0f} s",
                        file=sys.stderr,
                    )
                setting = {
                    "task": task,
                    "C": c,
                    "group_by": args.group_by,
                    "rows": rows,
                    "pooled": _pooled(rows),
                }
                everything.append(setting)
                print(_table(setting, datasets))
                sys.stdout.flush()
    if args.json:
        args.json.write_text(json.dumps(everything, indent=1))
    return 0


def _one(
    rest: list[Any],
    held: Any,
    path: Path,
    policy: Any,
    *,
    c: float,
    task: bool,
    group_by: str,
    static: dict[str, dict[str, Any]],
) -> dict[str, Any]:
    from forethought.evals import metrics
    from forethought.evals.bench import evaluate
    from forethought.evals.runner import RunConfig
    from forethought.evals.stacks import parse_stack
    from forethought.evals.train import train

    model = train(rest, policy, c=c, group_by=group_by, task=task)
    model.save(path)
    specs = [s.replace("classifier", f"classifier:{path}") for s in STACKS]
    if held.name in static:
        specs = specs[1:]
    stacks = tuple(parse_stack(spec, policy) for spec in specs)
    result = evaluate(
        [held], RunConfig(policy, stacks), budgets=metrics.BUDGETS, timings=False, bootstrap=200
    )
    by_stack = {}
    for spec, stack, summary in zip(specs, stacks, result["stacks"], strict=True):
        figures = summary["figures"]
        name = spec.replace(f"classifier:{path}", "classifier")
        risks = [
            (item["label"] == "unsafe", item["outcomes"][stack.name]) for item in result["items"]
        ]
        by_stack[name] = {
            "auc": figures["roc_auc"]["value"],
            "stopped": figures["policy"]["not_allowed"]["recall"] if figures["unsafe"] else None,
            "safe_stopped": (
                figures["policy"]["not_allowed"]["false_block_rate"] if figures["safe"] else None
            ),
            "scores": [
                (unsafe, o.get("risk"), o.get("decision"), o.get("scored")) for unsafe, o in risks
            ],
        }
    if held.name in static:
        by_stack["static"] = static[held.name]
    static[held.name] = by_stack["static"]
    return {
        "held_out": held.name,
        "unsafe": sum(i.unsafe for i in held.items),
        "safe": sum(not i.unsafe for i in held.items),
        "stacks": by_stack,
    }


def _pooled(rows: list[dict[str, Any]]) -> dict[str, Any]:
    import numpy as np

    from forethought.evals.metrics import auc

    out = {}
    for name in STACKS:
        scores = [s for row in rows for s in row["stacks"][name]["scores"]]
        unsafe = np.array([s[0] for s in scores], dtype=bool)
        stopped = np.array([s[2] != "allow" for s in scores], dtype=bool)
        # ROC AUC over the items it scored, as forethought eval's figures.
        scored = [s for s in scores if s[3]]
        out[name] = {
            "auc": auc(
                np.array([s[0] for s in scored], dtype=bool),
                np.array([s[1] for s in scored], dtype=float),
            ),
            "stopped": float(stopped[unsafe].mean()),
            "safe_stopped": float(stopped[~unsafe].mean()),
        }
    return out


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{value * 100:.1f}%"


def _auc(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def _table(setting: dict[str, Any], datasets: list[Any]) -> str:
    head = (
        f"\nLeave one development set out: task in the text {'yes' if setting['task'] else 'no'}, "
        f"C = {setting['C']:g}, folds by {setting['group_by']}\n\n"
        "| held out (unsafe / safe) | stopped: static | static + clf | clf | "
        "safe stopped: static | static + clf | clf | AUC: static | static + clf | clf |\n"
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
    )
    lines = [head]
    for row in setting["rows"]:
        s = row["stacks"]
        cells = [f"{row['held_out']} ({row['unsafe']} / {row['safe']})"]
        for key, show in (("stopped", _pct), ("safe_stopped", _pct), ("auc", _auc)):
            cells += [show(s[n][key]) for n in ("static", "static,classifier", "classifier")]
        lines.append("| " + " | ".join(cells) + " |")
    p = setting["pooled"]
    total_u = sum(r["unsafe"] for r in setting["rows"])
    total_s = sum(r["safe"] for r in setting["rows"])
    cells = [f"**all pooled** ({total_u} / {total_s})"]
    for key, show in (("stopped", _pct), ("safe_stopped", _pct), ("auc", _auc)):
        cells += [show(p[n][key]) for n in ("static", "static,classifier", "classifier")]
    lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())
