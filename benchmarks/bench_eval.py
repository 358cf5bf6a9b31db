"""Where `forethought eval` spends its time, and how model reviews scale with --concurrency.

    python benchmarks/bench_eval.py [--data DATA.jsonl] [--rows 40000] [--workers 1,2]
                                    [--src SRC[,SRC...]] [--repeat 1]
                                    [--model-items 64] [--delay 0.1] [--concurrency 1,4,16]

Part 1, the static stack: DATA (default ../shared/data/dev-shell.jsonl) duplicated to ROWS rows
(ids made unique), evaluated as ``forethought eval FILE --json OUT`` does it, in a fresh process
per run so that the imports count, phase by phase:

- import: the interpreter's start and forethought's modules (with workers, the command first
  starts the forkserver the workers will fork from, where the tree has one);
- setup: the policy, the stacks and, where the tree starts them ahead, the worker processes
  (which then start while the data is read);
- load: reading the data (each row's label, id and fields; rows become proposals where they
  are reviewed);
- wait: from the start of the reviews to the first items back: what is left of the reviews'
  start-up (with workers: the workers' start-up not hidden behind the load; in one process: its
  Gates built);
- reviews: the rest of the reviews, the only part that more workers share out;
- figures (bootstrap intervals, 1,000 replicates), assembly of the result document, stopping
  workers started ahead (others stop within the reviews), the terminal table, writing the JSON.

"serial" is every phase but the reviews; its share of the wall time is what bounds the speed-up
that workers can give (Amdahl). "ready" is, with workers started ahead, when the first worker was
ready (its Gates built), from when they were started (a worker that starts only once chunks are
queued reports later: "wait" is what the run waited). "parent CPU" is the parent's CPU seconds
while the items are reviewed (receiving every outcome, drawing the bootstrap's resampling): with
many workers it bounds the reviews from below. Where the first row has 1 worker, each row with
workers gets a projection for 16 workers on 16 cores: the 1-worker run's wall time over that
row's serial seconds plus the larger of the 1-worker reviews shared out 16 ways and that row's
parent CPU while reviewing. A second table gives the parent's CPU seconds in each phase.

--src runs the same measurements against other checkouts (their ``src`` directories, put first
on PYTHONPATH), alternating: before/after figures from one sitting. --repeat repeats the whole
round; a last table gives each configuration's median.

Part 2, a model reviewer: MODEL_ITEMS distinct actions through ``-r consequences`` (which asks
the model about every item) against the scripted OpenAI-compatible server
(``forethought.testing.ScriptedServer``) answering each request after DELAY seconds, at each
--concurrency; items/s and the most requests the server saw at once. --model-items 0 skips it.
"""

from __future__ import annotations

import time

_STARTED = time.perf_counter()  # before any of forethought is imported (part 1's children)

import argparse  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import platform  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
from dataclasses import replace  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "dev-shell.jsonl"
BEFORE = ("import", "setup", "load", "wait")
AFTER = ("figures", "assembly", "close", "table", "json")
SERIAL = (*BEFORE, *AFTER)
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
    parser.add_argument("--src", default="", help="checkouts' src directories, comma-separated")
    parser.add_argument("--repeat", type=int, default=1)
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
    sources = [s for s in args.src.split(",") if s] or [""]
    with tempfile.TemporaryDirectory(prefix="bench-eval-") as scratch:
        data = Path(scratch) / "data.jsonl"
        rows = _duplicate(args.data, data, args.rows)
        print(f"\nstatic stack, {rows:,} items ({args.data.name} duplicated)")
        workers = [int(w) for w in args.workers.split(",")]
        runs: dict[tuple[str, int], list[dict[str, float]]] = {}
        for round_ in range(args.repeat):
            for source in sources:
                found = [(w, _run_child(data, w, source)) for w in workers]
                for w, phases in found:
                    runs.setdefault((source, w), []).append(phases)
                title = f"round {round_ + 1}" + (f", {source}" if source else "")
                print(f"\n{title}, load average {os.getloadavg()[0]:.1f}\n")
                _static_table(rows, found)
        if args.repeat > 1:
            for source in sources:
                print(f"\nmedians of {args.repeat} rounds" + (f", {source}" if source else ""))
                print()
                median = [
                    (w, {k: statistics.median(r[k] for r in runs[(source, w)]) for k in
                         runs[(source, w)][0]})
                    for w in workers
                ]  # fmt: skip
                _static_table(rows, median)
    if args.model_items > 0:
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


def _run_child(data: Path, workers: int, source: str) -> dict[str, float]:
    env = dict(os.environ)
    if source:
        env["PYTHONPATH"] = os.pathsep.join(p for p in (source, env.get("PYTHONPATH")) if p)
    done = subprocess.run(
        [sys.executable, __file__, "--child", str(data), str(workers)],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    phases: dict[str, float] = json.loads(done.stdout.splitlines()[-1])
    return phases


def _static_table(rows: int, runs: list[tuple[int, dict[str, float]]]) -> None:
    header = ["workers", "wall s", *(f"{p} s" for p in BEFORE), "reviews s"]
    header += [*(f"{p} s" for p in AFTER), "serial s", "serial", "ready s", "parent CPU s"]
    header.append("16 workers")
    print("| " + " | ".join(["items", *header]) + " |")
    print("| --- " + "| ---: " * len(header) + "|")
    one: dict[str, float] = {}
    cpu_rows: list[str] = []
    for count, phases in runs:
        wall = phases["wall"]
        serial = sum(phases.get(p, 0.0) for p in SERIAL)
        reviews = phases["review"] - phases["wait"]
        cells = [f"{rows:,}", str(count), f"{wall:.2f}"]
        cells += [f"{phases.get(p, 0.0):.2f}" for p in BEFORE]
        cells += [f"{reviews:.2f}", *(f"{phases[p]:.2f}" for p in AFTER)]
        cells += [f"{serial:.2f}", f"{serial / wall:.0%}"]
        cells.append(f"{phases['ready']:.2f}" if "ready" in phases else "-")
        cells.append(f"{phases['cpu review']:.2f}")
        if count == 1:
            one = {"wall": wall, "reviews": reviews}
            cells.append("-")
        elif one:
            projected = serial + max(one["reviews"] / 16, phases["cpu review"])
            cells.append(f"{one['wall'] / projected:.1f}x")
        else:
            cells.append("-")
        print("| " + " | ".join(cells) + " |")
        cpu = [phases.get(f"cpu {p}", 0.0) for p in ("review", *BEFORE[:3], *AFTER)]
        cpu_rows.append("| " + " | ".join([f"{rows:,}", str(count), *(f"{c:.2f}" for c in cpu)]))
    print("\nthe parent's CPU seconds per phase (review: while the items are reviewed)\n")
    print("| items | workers | review | " + " | ".join((*BEFORE[:3], *AFTER)) + " |")
    print("| --- " + "| ---: " * (len(BEFORE) + len(AFTER) + 1) + "|")
    for row in cpu_rows:
        print(row + " |")


def _child(data: Path, workers: int) -> dict[str, float]:
    """One `forethought eval DATA --json OUT` as the command runs it, phase by phase."""
    phases: dict[str, float] = {}
    if workers > 1:
        try:  # a tree whose workers fork from a server: it is started first
            from forethought.evals.executors import prestart
        except ImportError:
            pass
        else:
            prestart()
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
    pool: Any = None
    if workers > 1:
        from forethought.evals.executors import ProcessPool

        if hasattr(ProcessPool, "start"):  # a tree that starts the workers ahead, as its command
            pool = ProcessPool(workers)
            pool.start(config)
    lap("setup")
    datasets = load([str(data)], check=False)  # as the command: rows made in the workers
    lap("load")
    started = time.perf_counter()

    def progress(done: int) -> None:  # the first items back: the reviews' start-up is over
        phases.setdefault("wait", time.perf_counter() - started)

    try:
        result = evaluate(
            datasets, config, workers=workers, executor=pool, phases=phases, progress=progress
        )
        mark, mark_cpu = time.perf_counter(), time.process_time()
    finally:
        if pool is not None:  # as the command: stopped once the reviews are done
            pool.close()
            phases["ready"] = min(pool.ready, default=float("nan"))
    lap("close")
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
