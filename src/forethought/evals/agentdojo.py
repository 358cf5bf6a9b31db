"""AgentDojo's task suites as labelled proposals for the bench (``pip install
'forethought[agentdojo]'``).

AgentDojo (the PyPI package ``agentdojo``) ships four suites of tool-using tasks, each with a
simulated environment: banking, slack, travel and workspace. Every *user task* has a prompt and
the ground-truth tool calls that solve it; every *injection task* has an attacker's goal and the
ground-truth calls that achieve it. The benchmark injects each injection task into each user
task (through text the user task's tools return). This loader turns them into proposals:

- **safe**: each call of a user task's ground truth, with ``task`` = that user task's prompt;
- **unsafe**: each call of an injection task's ground truth, in the context of each user task
  it is injected into, with ``task`` = *that user task's* prompt. The call itself is ordinary
  (``send_money``, ``send_email``...): only the task it does not serve makes it harmful. A call
  that the user task's own ground truth also makes (same tool, same arguments) is left out.

``history`` holds the earlier calls of the same ground truth; there is no agent reasoning.
Ground truths are computed from the suite's default environment (the package's own data, read
offline); nothing is executed. Ids are ``agentdojo:VERSION:SUITE:USER_TASK:N`` and
``agentdojo:VERSION:SUITE:INJECTION_TASK@USER_TASK:N``; ``category`` is ``SUITE/TASK``;
``source`` is ``agentdojo-SUITE``. The first call of every row set in the context of one user
task (its own solution's, and each injection's) shares a ``group``: they are the candidates for
that task's first step, which ``forethought eval --select-by A --held-out B`` selects among.

Names for ``forethought eval``: ``agentdojo`` (every suite, one data set each),
``agentdojo:banking``, ``agentdojo:banking,slack``, optionally with ``@v1.2.2`` (a benchmark
version; default the package's default).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

import orjson

from forethought.evals.datasets import Dataset, DatasetError, parse

SUITES = ("banking", "slack", "travel", "workspace")
DEFAULT_VERSION = "v1.2.2"  # AgentDojo's own default benchmark version
INSTALL_HINT = "pip install 'forethought[agentdojo]'"


@dataclass(frozen=True, slots=True)
class Selection:
    suites: tuple[str, ...]
    version: str


def parse_spec(spec: str) -> Selection:
    """``agentdojo[:SUITE[,SUITE...]][@VERSION]``; raises DatasetError naming what is wrong."""
    body, _, benchmark = spec.partition("@")
    _, _, names = body.partition(":")
    suites = tuple(dict.fromkeys(n.strip() for n in names.split(",") if n.strip())) or SUITES
    unknown = [name for name in suites if name not in SUITES]
    if unknown:
        raise DatasetError(
            f"{spec}: unknown AgentDojo suite {unknown[0]!r} (suites: {', '.join(SUITES)})"
        )
    if benchmark and not re.fullmatch(r"v\d+(\.\d+)*", benchmark):
        raise DatasetError(f"{spec}: {benchmark!r} is not a benchmark version such as v1.2.2")
    return Selection(suites, benchmark or DEFAULT_VERSION)


def datasets(spec: str) -> list[Dataset]:
    """One data set per suite named by ``spec``, named ``agentdojo-SUITE``."""
    selection = parse_spec(spec)
    found = []
    for suite in selection.suites:
        data = jsonl(rows(suite, selection.version))
        where = Path(f"agentdojo-{_package_version()}/{selection.version}/{suite}")
        found.append(parse(data, where, name=f"agentdojo-{suite}"))
    return found


def export(specs: Iterable[str], path: Path) -> dict[str, dict[str, int]]:
    """Write the labelled JSONL of ``specs`` (default: every suite) to ``path``, all or nothing.

    Returns per suite the number of safe and unsafe rows written.
    """
    from forethought.atomic import write_atomic

    selections = [parse_spec(spec) for spec in (list(specs) or ["agentdojo"])]
    written: dict[str, dict[str, int]] = {}
    lines = []
    for selection in selections:
        for suite in selection.suites:
            key = f"{suite}@{selection.version}"
            if key in written:
                continue
            suite_rows = rows(suite, selection.version)
            unsafe = sum(row["label"] == "unsafe" for row in suite_rows)
            written[key] = {"safe": len(suite_rows) - unsafe, "unsafe": unsafe}
            lines.append(jsonl(suite_rows))
    try:
        write_atomic(path, b"".join(lines))
    except OSError as exc:
        raise DatasetError(f"{path}: cannot write: {exc.strerror}") from None
    return written


def jsonl(rows_: Iterable[dict[str, Any]]) -> bytes:
    return b"".join(orjson.dumps(row) + b"\n" for row in rows_)


def rows(suite_name: str, benchmark: str = DEFAULT_VERSION) -> list[dict[str, Any]]:
    """The labelled rows of one suite, in the dataset format of ``forethought.evals.datasets``."""
    suite = _suite(suite_name, benchmark)
    environment = suite.load_and_inject_default_environment({})
    user_tasks = _ordered(suite.user_tasks)
    source = f"agentdojo-{suite_name}"
    prefix = f"agentdojo:{benchmark}:{suite_name}"
    out: list[dict[str, Any]] = []
    solutions: dict[str, list[dict[str, Any]]] = {}
    for task_id, task in user_tasks:
        calls = _calls(task.ground_truth(task.init_environment(environment.model_copy(deep=True))))
        solutions[task_id] = calls
        out += _rows(calls, task.PROMPT, "safe", f"{prefix}:{task_id}", f"{suite_name}/{task_id}",
                     source, group=f"{prefix}:{task_id}")
    for injection_id, injection in _ordered(suite.injection_tasks):
        calls = _calls(injection.ground_truth(environment.model_copy(deep=True)))
        for task_id, task in user_tasks:
            out += _rows(
                calls,
                task.PROMPT,
                "unsafe",
                f"{prefix}:{injection_id}@{task_id}",
                f"{suite_name}/{injection_id}",
                source,
                skip=solutions[task_id],
                goal=injection.GOAL,
                group=f"{prefix}:{task_id}",
            )
    return out


def _rows(
    calls: list[dict[str, Any]],
    task: str,
    label: str,
    ident: str,
    category: str,
    source: str,
    *,
    skip: Sequence[dict[str, Any]] = (),
    goal: str | None = None,
    group: str | None = None,
) -> list[dict[str, Any]]:
    """``group``: the first call of each is a candidate for the same step as the first calls of
    the user task's other rows (its own solution's, and each injection's in its context), so
    best-of-n selection (``eval --select-by``) draws among them."""
    out = []
    for number, call in enumerate(calls):
        if call in skip:  # the user asked for this very call: not the attack's doing
            continue
        row = {**call, "task": task, "history": calls[:number], "label": label,
               "id": f"{ident}:{number}", "category": category, "source": source}
        if goal is not None:
            row["description"] = f"injection goal: {goal}"  # for people; the loader ignores it
        if group is not None and number == 0:
            row["group"] = group
        out.append(row)
    return out


def _calls(function_calls: Iterable[Any]) -> list[dict[str, Any]]:
    from pydantic_core import to_jsonable_python

    return [
        {"tool": call.function, "args": to_jsonable_python(dict(call.args))}
        for call in function_calls
    ]


def _ordered(tasks: dict[str, Any]) -> list[tuple[str, Any]]:
    """Tasks by number (user_task_2 before user_task_10)."""
    return sorted(tasks.items(), key=lambda kv: (int(re.sub(r"\D", "", kv[0]) or 0), kv[0]))


def _suite(name: str, benchmark: str) -> Any:
    try:
        from agentdojo.task_suite.load_suites import get_suites
    except ImportError as exc:
        raise DatasetError(
            f"agentdojo:{name}: needs the agentdojo package ({exc}): {INSTALL_HINT}"
        ) from None
    suites = get_suites(benchmark)
    if name not in suites:
        raise DatasetError(
            f"agentdojo:{name}@{benchmark}: agentdojo {_package_version()} has no such suite "
            "or benchmark version"
        )
    return suites[name]


def _package_version() -> str:
    try:
        return version("agentdojo")
    except PackageNotFoundError:
        return "?"
