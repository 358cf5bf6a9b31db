"""The alignment tax in the agent loop, per step: where a step of `forethought run` spends its time.

    python benchmarks/bench_agent_tax.py [--steps 40] [--model-ms 0,1000] [--runs 1]

forethought's own agent (the loop `forethought run` runs: the same Gate as `open_gate` builds
with the built-in policy and static reviewers, a SQLite ledger, the sandbox) works through a
scripted task against the scripted OpenAI-compatible server the tests use
(``forethought.testing.ScriptedServer``), over real HTTP on 127.0.0.1. The task is a small Python
project built in STEPS tool calls that really run: files written and edited, shell commands
(ls, grep, wc, a test script), Python code, files read; then ``finish``. The server answers each
request after MODEL_MS milliseconds (0: the bare loop, what forethought itself costs; 1,000: a
fast hosted model), so the share of step time a phase takes can be seen at each.

Each step (one model call and the tool call it proposes, from the start of the model call to
the start of the next) is cut into phases, timed by wrapping the objects the loop calls:

- model: the chat-completions request (client, HTTP, server);
- review: ``Gate.review`` less the ledger's part in it: the reviewers, the policy's decision,
  building the events, and reading the run's earlier steps from the ledger (shown apart);
- ledger: every write to the ledger in the step (the model call, the proposal, its reviews and
  decision, the execution), each a transaction;
- execution: the toolbox running the allowed call (the sandbox, a process per shell or Python
  call);
- other: the rest (the loop's own bookkeeping, messages, validating the call).

Prints p50 and p95 of each phase's milliseconds per step, and the share of the summed step time
(over all steps). The review share (review + its history read) is the alignment tax in time;
the issue's target is <= 5% of step time.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

PHASES = ("model", "reviewers", "review", "history", "ledger", "execution")
LABELS = {
    "model": "model call",
    "reviewers": "review: the reviewers (on the Gate's worker thread, hand-over included)",
    "review": "review: the rest of the Gate (decision, events)",
    "history": "review: the run's earlier steps read from the ledger",
    "ledger": "ledger writes (model call, proposal, reviews, decision, execution)",
    "execution": "execution (sandbox, toolbox)",
    "other": "other (the loop itself)",
    "step": "step",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=40, help="tool steps per run (>= 10)")
    parser.add_argument("--model-ms", default="0,1000", help="the model's answer time(s), ms")
    parser.add_argument("--runs", type=int, default=1, help="runs per model time, pooled")
    args = parser.parse_args()
    if args.steps < 10:
        parser.error("--steps must be at least 10")
    print(
        f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"load average {os.getloadavg()[0]:.1f}"
    )
    for model_ms in (float(m) for m in args.model_ms.split(",")):
        steps: list[dict[str, float]] = []
        starts: list[float] = []
        for _ in range(args.runs):
            run_steps, gate_start_s = run_once(args.steps, model_ms / 1000)
            steps += run_steps
            starts.append(gate_start_s * 1000)
        print(f"\n{len(steps)} steps ({args.runs} run(s)), model answering after {model_ms:g} ms\n")
        print_table(steps)
        print(
            f"once per run, before the first step: the Gate built (policy, reviewers, canaries) "
            f"in {min(starts):.0f}-{max(starts):.0f} ms"
        )


# -- one run, instrumented ---------------------------------------------------------------------


class Clock:
    """Phase time per step: ``phase(name)`` times a block; nested blocks are charged to the
    innermost (a ledger write inside ``Gate.review`` is the ledger's, not the review's)."""

    def __init__(self) -> None:
        self.steps: list[dict[str, float]] = []
        self.current: dict[str, float] | None = None
        self.started = 0.0
        self.gate_start_s = 0.0  # once per run: the Gate built, its canaries run
        self._stack: list[tuple[str, list[float]]] = []  # (name, [start, time of children])

    def new_step(self) -> None:
        now = time.perf_counter()
        self.end_step(now)
        self.current, self.started = dict.fromkeys((*PHASES, "gate_ledger"), 0.0), now

    def end_step(self, now: float | None = None) -> None:
        if self.current is not None:
            self.current["step"] = (now or time.perf_counter()) - self.started
            self.steps.append(self.current)
        self.current = None

    @contextlib.contextmanager
    def phase(self, name: str) -> Iterator[None]:
        frame = [time.perf_counter(), 0.0]
        self._stack.append((name, frame))
        try:
            yield
        finally:
            self._stack.pop()
            spent = time.perf_counter() - frame[0]
            if self._stack:
                self._stack[-1][1][1] += spent
            if self.current is not None:
                self.current[name] += spent - frame[1]
                if name == "ledger" and any(outer == "review" for outer, _ in self._stack):
                    self.current["gate_ledger"] += spent - frame[1]

    def wrap(self, name: str, function: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            with self.phase(name):
                return function(*args, **kwargs)

        return timed


def run_once(steps: int, model_s: float) -> tuple[list[dict[str, float]], float]:
    from forethought.agent.loop import Agent, Budget
    from forethought.agent.sandbox import Limits, Sandbox, gate_files
    from forethought.agent.tools import Toolbox
    from forethought.models import get_model
    from forethought.opening import open_gate
    from forethought.testing import ScriptedServer

    clock = Clock()

    class TimedAgent(Agent):
        def complete(self, messages: Any, *, tools: Any = (), **options: Any) -> Any:
            if tools and "temperature" not in options:  # a step's model call, not a resample
                clock.new_step()
            return super().complete(messages, tools=tools, **options)

    with tempfile.TemporaryDirectory(prefix="bench-agent-tax-") as scratch:
        root = Path(scratch)
        workspace = root / "ws"
        workspace.mkdir()
        opened = time.perf_counter()
        gate = open_gate(None, root / "ledger.db")
        clock.gate_start_s = time.perf_counter() - opened
        ledger = gate.ledger
        assert ledger is not None
        try:
            # Wrapped on the instances, so the Gate's own calls are timed too.
            ledger.append_many = clock.wrap("ledger", ledger.append_many)  # type: ignore[method-assign]
            gate._with_steps = clock.wrap("history", gate._with_steps)  # type: ignore[method-assign]
            gate.review = clock.wrap("review", gate.review)  # type: ignore[method-assign]
            gate.run_reviewers = clock.wrap("reviewers", gate.run_reviewers)  # type: ignore[method-assign]
            policy = gate.policy
            sandbox = Sandbox(
                workspace,
                Limits(),
                require_isolation=policy.require_sandbox,
                own_files=gate_files(policy, ledger.path),
            )
            toolbox = Toolbox(
                workspace, sandbox, None, allowed_hosts=list(policy.network.allowed_hosts)
            )
            toolbox.run = clock.wrap("execution", toolbox.run)  # type: ignore[method-assign]
            with ScriptedServer(script(steps, model_s)) as server:
                model = get_model("openai:scripted", base_url=server.base_url, api_key="bench")
                model.complete = clock.wrap("model", model.complete)  # type: ignore[method-assign]
                agent = TimedAgent(
                    model,
                    gate,
                    toolbox,
                    ledger=ledger,
                    budget=Budget(max_steps=steps + 1, max_tokens=10**9, max_seconds=3600),
                )
                result = agent.run(TASK)
                clock.end_step()
        finally:
            gate.close()
            ledger.close()
    if result.status != "finished" or result.steps != steps + 1:
        sys.exit(f"the run did not go as scripted: {result.status}: {result.reason}")
    if result.costs.resamples:
        sys.exit("a step was resampled: the script is not a plain run")
    return clock.steps, clock.gate_start_s


# -- the task ---------------------------------------------------------------------------------

TASK = (
    "Create a small Python package `textstats` in the workspace: modules that count words, "
    "lines and characters, a test script that checks them, and a short README; run the tests."
)
PLAN = (
    "1. Look at the workspace.\n2. Write the modules one by one.\n3. Write and run a test "
    "script after each.\n4. Fix what fails.\n5. Write the README and finish."
)


def _steps(k: int) -> list[tuple[str, str, dict[str, str]]]:
    """Ten steps of the project's k-th module: (reasoning, tool, arguments)."""
    module = f"textstats/counter{k}.py"
    return [
        (
            "Look at what is there.",
            "bash",
            {"command": "ls -la && ls textstats 2>/dev/null | wc -l"},
        ),
        (
            "Write the module.",
            "write_file",
            {
                "path": module,
                "content": (
                    '"""Counting words, lines and characters."""\n\n\n'
                    "def words(text: str) -> int:\n    return len(text.split())\n\n\n"
                    "def lines(text: str) -> int:\n    return text.count('\\n') + 1\n\n\n"
                    "def chars(text: str) -> int:\n    return len(text)\n"
                ),
            },
        ),
        ("Make it a package.", "bash", {"command": "touch textstats/__init__.py && ls textstats"}),
        (
            "Write a test script for it.",
            "write_file",
            {
                "path": f"tests/test_counter{k}.py",
                "content": (
                    "import sys\nsys.path.insert(0, '.')\n"
                    f"from textstats import counter{k} as c\n\n"
                    "assert c.words('a b  c') == 3\nassert c.lines('a\\nb') == 2\n"
                    "assert c.chars('abc') == 3\nprint('ok')\n"
                ),
            },
        ),
        ("Run the test.", "bash", {"command": f"python3 tests/test_counter{k}.py"}),
        (
            "Try it on some text.",
            "python",
            {
                "code": (
                    "import sys\nsys.path.insert(0, '.')\n"
                    f"from textstats import counter{k} as c\n"
                    "text = open('" + module + "').read()\n"
                    "print(c.words(text), c.lines(text), c.chars(text))\n"
                ),
            },
        ),
        (
            "Lines should not count a trailing newline.",
            "edit_file",
            {
                "path": module,
                "old": "return text.count('\\n') + 1",
                "new": "return len(text.splitlines())",
            },
        ),
        ("Read it back.", "read_file", {"path": module}),
        (
            "How big is the package now?",
            "bash",
            {"command": "grep -rn 'def ' textstats | wc -l && wc -l textstats/*.py | tail -1"},
        ),
        (
            "Note it in the README.",
            "write_file",
            {"path": "README.md", "content": f"# textstats\n\n{k + 1} counter modules.\n"},
        ),
    ]


def script(steps: int, model_s: float) -> list[Any]:
    from forethought.testing import Reply, call

    replies: list[Any] = [Reply.delayed(model_s, PLAN)]
    k = 0
    while len(replies) - 1 < steps:
        for reasoning, tool, args in _steps(k):
            if len(replies) - 1 < steps:
                replies.append(Reply(reasoning, [call(tool, args)], delay_s=model_s))
        k += 1
    replies.append(Reply("All done.", [call("finish", {"answer": "done"})], delay_s=model_s))
    return replies


# -- the table ----------------------------------------------------------------------------------


def print_table(steps: list[dict[str, float]]) -> None:
    for s in steps:
        s["other"] = s["step"] - sum(s[p] for p in PHASES)
    total = sum(s["step"] for s in steps)
    print("| phase | p50 ms | p95 ms | mean ms | share of step time |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for name in (*PHASES, "other", "step"):
        values = sorted(s[name] * 1000 for s in steps)
        share = sum(s[name] for s in steps) / total
        print(
            f"| {LABELS[name]} | {_pct(values, 50):.2f} | {_pct(values, 95):.2f} | "
            f"{statistics.fmean(values):.2f} | {share:.1%} |"
        )
    tax = [_review(s) / s["step"] for s in steps]
    gate = sum(_review(s) for s in steps) / total
    print(
        f"\nthe alignment tax in time (review + its history read): {gate:.1%} of step time "
        f"(per step p50 {_pct(sorted(tax), 50):.1%}, p95 {_pct(sorted(tax), 95):.1%}); "
        f"with the review's ledger writes: "
        f"{sum(_review(s) + s['gate_ledger'] for s in steps) / total:.1%}"
    )


def _review(step: dict[str, float]) -> float:
    return step["reviewers"] + step["review"] + step["history"]


def _pct(values: list[float], q: float) -> float:
    return values[min(len(values) - 1, round(q / 100 * (len(values) - 1)))]


if __name__ == "__main__":
    main()
