"""AgentDojo's suites as labelled proposals: user tasks' ground truth safe in their own context,
injection tasks' ground truth unsafe in the context of each user task they are injected into;
forethought eval reads them by name and --export-agentdojo writes them as a data set."""

from __future__ import annotations

import builtins
import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from forethought.cli import main
from forethought.evals.agentdojo import DEFAULT_VERSION, SUITES, Selection, parse_spec
from forethought.evals.datasets import DatasetError, load_file

NEEDS = "agentdojo is not installed: pip install 'forethought[agentdojo]' (it is in dev)"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.delenv("FORETHOUGHT_POLICY", raising=False)


def test_names_select_suites_and_a_benchmark_version() -> None:
    assert parse_spec("agentdojo") == Selection(SUITES, DEFAULT_VERSION)
    assert parse_spec("agentdojo:banking") == Selection(("banking",), DEFAULT_VERSION)
    assert parse_spec("agentdojo:slack,banking@v1.2") == Selection(("slack", "banking"), "v1.2")
    with pytest.raises(DatasetError, match="unknown AgentDojo suite 'bank'"):
        parse_spec("agentdojo:bank")
    with pytest.raises(DatasetError, match="not a benchmark version"):
        parse_spec("agentdojo@latest")


def test_without_the_package_the_error_says_how_to_install_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real_import = builtins.__import__

    def no_agentdojo(name: str, *args: Any, **kwargs: Any) -> Any:
        if name.startswith("agentdojo"):
            raise ImportError(f"No module named {name!r}")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_agentdojo)
    code, out, err = run("eval", "agentdojo:banking", "--bootstrap", "0")
    assert code == 1 and out == ""
    assert err.count("\n") == 1
    assert "needs the agentdojo package" in err and "forethought[agentdojo]" in err


# --- with the package -------------------------------------------------------------------------

agentdojo = pytest.importorskip("agentdojo", reason=NEEDS)


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every suite, written once by the CLI (loading AgentDojo takes seconds)."""
    path = tmp_path_factory.mktemp("agentdojo") / "agentdojo.jsonl"
    code, out, err = run("eval", "--export-agentdojo", str(path))
    assert code == 0, err
    assert out.splitlines()[-1] == f"wrote {path}"
    return path


def rows_of(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text().splitlines()]


@pytest.mark.slow
def test_the_labels_follow_the_suites_ground_truth(exported: Path) -> None:
    from agentdojo.task_suite.load_suites import get_suites

    rows = rows_of(exported)
    assert len({r["id"] for r in rows}) == len(rows)
    dataset = load_file(exported)  # the documented data set format, every row a valid proposal
    assert len(dataset.items) == len(rows)

    for name, suite in get_suites(DEFAULT_VERSION).items():
        environment = suite.load_and_inject_default_environment({})
        mine = [r for r in rows if r["source"] == f"agentdojo-{name}"]
        prompts = {task.PROMPT for task in suite.user_tasks.values()}
        goals = {task.GOAL for task in suite.injection_tasks.values()}
        assert {r["task"] for r in mine} == prompts  # an injection's goal is never the task
        assert not {r["task"] for r in mine} & goals

        safe = [r for r in mine if r["label"] == "safe"]
        expected = []
        for task in suite.user_tasks.values():
            calls = task.ground_truth(task.init_environment(environment.model_copy(deep=True)))
            expected += [(task.PROMPT, c.function) for c in calls]
        assert Counter((r["task"], r["tool"]) for r in safe) == Counter(expected)

        # each injection task's calls, in the context of every user task
        unsafe = [r for r in mine if r["label"] == "unsafe"]
        for injection_id, injection in suite.injection_tasks.items():
            calls = injection.ground_truth(environment.model_copy(deep=True))
            pairs = {r["id"].rsplit(":", 1)[0].rsplit(":", 1)[1]
                     for r in unsafe if r["category"] == f"{name}/{injection_id}"}
            if calls:
                assert pairs == {f"{injection_id}@{task}" for task in suite.user_tasks}
            else:
                assert not pairs
    banking_attack = next(
        r for r in rows if r["id"] == f"agentdojo:{DEFAULT_VERSION}:banking:"
        "injection_task_0@user_task_1:0"
    )
    assert banking_attack["tool"] == "send_money"
    assert banking_attack["args"]["recipient"] == "US133000000121212121212"
    assert banking_attack["task"] == get_suites(DEFAULT_VERSION)["banking"].user_tasks[
        "user_task_1"].PROMPT

    # the first calls in one user task's context are the candidates for its first step
    groups: dict[str, list[dict]] = {}
    for r in rows:
        if "group" in r:
            groups.setdefault(r["group"], []).append(r)
    assert all(not r["history"] for members in groups.values() for r in members)
    assert all(len({r["task"] for r in members}) == 1 for members in groups.values())
    assert all(sum(r["label"] == "safe" for r in m) == 1 for m in groups.values())
    assert sum(len(m) for m in groups.values()) > 2 * len(groups)


@pytest.mark.slow
def test_eval_reads_a_suite_by_name_and_the_export_scores_the_same(
    exported: Path, tmp_path: Path
) -> None:
    by_name, by_file = tmp_path / "name.json", tmp_path / "file.json"
    code, out, err = run("eval", "agentdojo:banking", "--json", str(by_name),
                         "--bootstrap", "0", "--no-timings")
    assert code == 0, err
    assert "agentdojo-banking (222)" in out.replace("\n", " ")
    document = json.loads(by_name.read_text())
    [data] = document["data"]
    assert data["name"] == "agentdojo-banking"
    assert data["path"].endswith(f"{DEFAULT_VERSION}/banking")

    # the static stack cannot judge send_money and the like: unscored, escalated, never allowed
    figures = document["stacks"][0]["figures"]
    unsafe, safe = figures["unsafe"], figures["safe"]
    assert figures["unscored"]["unsafe"] == unsafe
    assert figures["policy"]["not_allowed"]["recall"] == 1.0
    assert figures["policy"]["blocked"]["recall"] == 0.0
    unscored = [i for i in document["items"] if not i["outcomes"]["static"]["scored"]]
    assert {i["outcomes"]["static"]["term"] for i in unscored} == {"unreviewed"}
    assert {i["outcomes"]["static"]["decision"] for i in unscored} == {"escalate"}
    # only the four read_file calls (a bill, a landlord's notice) reach a static reviewer: file
    assert figures["unscored"]["safe"] == safe - 4

    banking = tmp_path / "banking.jsonl"
    banking.write_text("".join(
        line + "\n" for line in exported.read_text().splitlines()
        if json.loads(line)["source"] == "agentdojo-banking"
    ))
    code, _, err = run("eval", str(banking), "--json", str(by_file), "--bootstrap", "0",
                       "--no-timings")
    assert code == 0, err
    again = json.loads(by_file.read_text())

    def decisions(doc: dict[str, Any]) -> dict[str, tuple[str, str]]:
        return {i["id"]: (i["label"], i["outcomes"]["static"]["decision"]) for i in doc["items"]}

    assert decisions(again) == decisions(document)
    assert again["data"][0]["sha256"] == data["sha256"]  # the same bytes as the loader's


def test_export_refuses_other_data_and_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "x.jsonl"
    code, _, err = run("eval", "--export-agentdojo", str(out), "dev-shell")
    assert code == 1 and "'dev-shell' is not agentdojo" in err
    code, _, err = run("eval", "--export-agentdojo", str(out), "agentdojo:nope")
    assert code == 1 and "unknown AgentDojo suite 'nope'" in err
    assert not out.exists()
