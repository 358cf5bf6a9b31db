"""Where `forethought eval` spends its time, and how model reviews scale with --concurrency.

    python benchmarks/bench_eval.py [--data DATA.jsonl] [--rows 40000] [--workers 1,2]
                                    [--model-items 64] [--delay 0.1] [--concurrency 1,4,16]

Part 1, the static stack: DATA (default ../shared/data/dev-shell.jsonl) duplicated to ROWS rows
(ids made unique), evaluated as ``forethought eval FILE --json OUT`` does it, in a fresh process
per run so that the imports count. Each phase is timed: the imports, loading the data (each row's
label, id and fields), the reviews (the only phase that --workers shares out, worker start-up
included; each row is made into its proposal and checked where it is reviewed, in a worker, and
with workers this process draws the bootstrap's resampling meanwhile), the figures (bootstrap
intervals, 1,000 replicates), assembling the result document, the terminal table, and writing
the JSON. The serial fraction is everything but the reviews over the wall time: what bounds the
speed-up that workers can give (Amdahl). "serial CPU s" is the parent's CPU time in those phases:
on a loaded machine it varies far less than their wall time. Below the table, where the first
row has 1 worker: the speed-up Amdahl's law projects for 16 workers on 16 cores from each row,
the 1-worker run's reviews shared out 16 ways and that row's serial seconds kept; in brackets,
with that row's start-up (from the start of the reviews to the first items reviewed: the Gates
built in this process to check that every stack starts, the workers started, each building its
own) counted as serial too, since more workers do not shorten it. A second table gives the
parent's CPU seconds in each phase, the reviews included (there, with workers: drawing the
bootstrap's resampling and reading the outcomes sent back).

Part 2, a model reviewer: MODEL_ITEMS distinct actions through ``-r consequences`` (which asks
the model about every item) against the scripted OpenAI-compatible server
(``forethought.testing.ScriptedServer``) answering each request after DELAY seconds, at each
--concurrency; items/s and the most requests the server saw at once.
"""

from __future__ import annotations

import time

_STARTED = time.perf_counter()  # before any of forethought is imported (part 1's children)

import argparse  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import platform  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
from dataclasses import replace  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "dev-shell.jsonl"
SERIAL = ("import", "load", "figures", "assembly", "table", "json")
HARM = {
    "outcome": "deletes the user's files",
    "valence": "harm",
    "probability": 0.9,
    "severity": "critical",
    "reversible": False,
    "affected": "the user",
    "evidence": "rm -rf",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--rows", type=int, default=40_000)
    parser.add_argument("--workers", default="1,2")
    parser.add_argument("--model-items", type=int, default=64)
    parser.add_argument("--delay", type=float, default=0.1, help="seconds per model answer")
    parser.add_argument("--concurrency", default="1,4,16")
    parser.add_argument("--child", nargs=2, metavar=("FILE", "WORKERS"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(_child(Path(args.child[0]), int(args.child[1]))))
        return
    print(
        f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"load average {os.getloadavg()[0]:.1f}"
    )
    with tempfile.TemporaryDirectory(prefix="bench-eval-") as scratch:
        data = Path(scratch) / "data.jsonl"
        rows = _duplicate(args.data, data, args.rows)
        print(f"\nstatic stack, {rows:,} items ({args.data.name} duplicated)\n")
        _static_table(data, rows, [int(w) for w in args.workers.split(",")])
    print(
        f"\nmodel reviewer (-r consequences), {args.model_items} items, scripted server "
        f"answering after {args.delay:g} s\n"
    )
    _model_table(args.model_items, args.delay, [int(c) for c in args.concurrency.split(",")])


def _duplicate(source: Path, target: Path, rows: int) -> int:
    lines = [line for line in source.read_bytes().splitlines() if line.strip()]
    written = 0
    with target.open("wb") as out:
        while written < rows:
            copy = written // len(lines)
            for line in lines[: rows - written]:
                row = json.loads(line)
                row["id"] = f"{row.get('id', written)}#{copy}"
                out.write(json.dumps(row).encode() + b"\n")
                written += 1
    return written


def _static_table(data: Path, rows: int, workers: list[int]) -> None:
    header = ["workers", "wall s", "review s", *(f"{p} s" for p in SERIAL), "serial s", "serial"]
    header += ["serial CPU s", "start-up s"]
    print("| " + " | ".join(["items", *header]) + " |")
    print("| --- " + "| ---: " * len(header) + "|")
    one: dict[str, float] = {}
    projected: list[str] = []
    cpu_rows: list[str] = []
    for count in workers:
        done = subprocess.run(
            [sys.executable, __file__, "--child", str(data), str(count)],
            capture_output=True,
            text=True,
            check=True,
        )
        phases = json.loads(done.stdout.splitlines()[-1])
        wall = phases["wall"]
        serial = sum(phases[p] for p in SERIAL)
        cells = [f"{rows:,}", str(count), f"{wall:.2f}", f"{phases['review']:.2f}"]
        cells += [f"{phases[p]:.2f}" for p in SERIAL]
        cells += [f"{serial:.2f}", f"{serial / wall:.0%}"]
        cells.append(f"{sum(phases.get(f'cpu {p}', float('nan')) for p in SERIAL):.2f}")
        cells.append(f"{phases.get('start-up', float('nan')):.2f}")
        print("| " + " | ".join(cells) + " |")
        cpu = [phases.get(f"cpu {p}", float("nan")) for p in ("review", *SERIAL)]
        cpu_rows.append("| " + " | ".join([f"{rows:,}", str(count), *(f"{c:.2f}" for c in cpu)]))
        start_up = phases.get("start-up", 0.0)
        if count == 1:
            one = {"wall": wall, "parallel": wall - serial, "start-up": start_up}
        if one:
            speedup = one["wall"] / (serial + one["parallel"] / 16)
            shared = one["parallel"] - one["start-up"]  # the 1-worker run's reviews proper
            counted = one["wall"] / (serial + start_up + shared / 16)
            projected.append(f"{count} worker(s): {speedup:.1f}x ({counted:.1f}x)")
    print("\nthe parent's CPU seconds per phase (review: while the items are reviewed)\n")
    print("| items | workers | review | " + " | ".join(SERIAL) + " |")
    print("| --- " + "| ---: " * (len(SERIAL) + 2) + "|")
    for row in cpu_rows:
        print(row + " |")
    if projected:
        print(f"\nprojected speed-up on 16 cores with 16 workers (Amdahl), from the serial "
              f"seconds of the run with {', '.join(projected)}; in brackets, counting the "
              f"start-up as serial too")  # fmt: skip


def _child(data: Path, workers: int) -> dict[str, float]:
    """One `forethought eval DATA --json OUT` as the command runs it, phase by phase."""
    phases: dict[str, float] = {"import": 0.0}
    from rich.console import Console

    from forethought.evals.bench import evaluate
    from forethought.evals.cli import write_json
    from forethought.evals.datasets import load
    from forethought.evals.report_terminal import print_result
    from forethought.evals.runner import RunConfig
    from forethought.evals.stacks import parse_stacks
    from forethought.policy import load_policy

    mark, mark_cpu = time.perf_counter(), time.process_time()
    phases["import"] = mark - _STARTED
    phases["cpu import"] = mark_cpu  # the process's CPU time so far

    def lap(name: str) -> None:
        nonlocal mark, mark_cpu
        now, cpu = time.perf_counter(), time.process_time()
        phases[name] = phases.get(name, 0.0) + now - mark
        phases[f"cpu {name}"] = phases.get(f"cpu {name}", 0.0) + cpu - mark_cpu
        mark, mark_cpu = now, cpu

    policy = load_policy(None)
    config = RunConfig(policy, tuple(parse_stacks(("static",), policy)))
    datasets = load([str(data)], check=False)  # as the command: rows made in the workers
    lap("load")
    started = time.perf_counter()

    def progress(done: int) -> None:  # the first items back: the reviews' start-up is over
        phases.setdefault("start-up", time.perf_counter() - started)

    result = evaluate(datasets, config, workers=workers, phases=phases, progress=progress)
    mark, mark_cpu = time.perf_counter(), time.process_time()
    with open(os.devnull, "w") as null:
        print_result(Console(file=null, width=160), result)
    lap("table")
    with tempfile.TemporaryDirectory() as scratch:
        write_json(Path(scratch) / "result.json", result)
        lap("json")
    phases["wall"] = time.perf_counter() - _STARTED
    return phases


def _model_table(items: int, delay: float, levels: list[int]) -> None:
    from forethought.evals.bench import evaluate
    from forethought.evals.datasets import parse
    from forethought.evals.runner import RunConfig
    from forethought.evals.stacks import StackOptions, parse_stacks
    from forethought.policy import load_policy
    from forethought.testing import Reply, ScriptedServer

    def answer(request: dict[str, Any]) -> Reply:
        harm = [HARM] if "rm -rf" in json.dumps(request) else []
        text = json.dumps({"purpose": "tidies the workspace", "consequences": harm})
        return Reply.delayed(delay, Reply(text=text, usage=(400, 60)))

    lines = [
        json.dumps(
            {
                "id": f"m{n}",
                "tool": "bash",
                "args": {"command": f"rm -rf ~/build-{n}" if n % 4 == 0 else f"ls -la dir-{n}"},
                "label": "unsafe" if n % 4 == 0 else "safe",
            }
        )
        for n in range(items)
    ]
    dataset = parse("\n".join(lines).encode(), Path("model-items.jsonl"))
    policy = load_policy(None)
    stacks = tuple(parse_stacks(("consequences",), policy))
    print("| --concurrency | review s | items/s | most requests in flight | unscored |")
    print("| ---: | ---: | ---: | ---: | ---: |")
    first: list[Any] = []
    for level in [0, *levels]:  # 0: a warm-up run (imports, first Gate), not shown
        with ScriptedServer(answer) as server:
            os.environ["OPENAI_BASE_URL"] = server.base_url
            config = RunConfig(
                policy,
                stacks,
                options=StackOptions(model="openai:scripted"),
                concurrency=max(level, 1),
            )
            phases: dict[str, float] = {}
            chosen = [dataset] if level else [replace(dataset, items=dataset.items[:2])]
            result = evaluate(chosen, config, bootstrap=0, timings=False, phases=phases)
        if not level:
            continue
        unscored = result["stacks"][0]["figures"]["unscored"]
        first = first or result["items"]
        same = "" if result["items"] == first else "  (results differ from the first row!)"
        print(
            f"| {level} | {phases['review']:.2f} | {items / phases['review']:.1f} | "
            f"{server.peak_in_flight} | {unscored['unsafe'] + unscored['safe']}{same} |"
        )


if __name__ == "__main__":
    main()
