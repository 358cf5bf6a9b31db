"""forethought reviewers: what the policy in force configures, built as the Gate builds it, with
no model asked."""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from forethought.cli import main
from forethought.review.model_review import load_prompt

URL_ENV = "FORETHOUGHT_TEST_REVIEWER_URL"
KEY_ENV = "FORETHOUGHT_TEST_REVIEWER_KEY"


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.delenv("FORETHOUGHT_POLICY", raising=False)


@pytest.fixture
def listener(monkeypatch: pytest.MonkeyPatch) -> Iterator[socket.socket]:
    """A real endpoint on 127.0.0.1 that only counts who connects (nobody should)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen(8)
        monkeypatch.setenv(URL_ENV, f"http://127.0.0.1:{sock.getsockname()[1]}/v1")
        monkeypatch.setenv(KEY_ENV, "test-key")
        yield sock


def connections(sock: socket.socket) -> int:
    sock.setblocking(False)
    count = 0
    while True:
        try:
            conn, _ = sock.accept()
        except BlockingIOError:
            return count
        conn.close()
        count += 1


def write_policy(tmp_path: Path, *, provider: str = "openai", model: str = "") -> Path:
    path = tmp_path / "policy.toml"
    path.write_text(
        '[reviewers]\nenabled = ["shell", "http", "consequences", "reasoning", "debate"]\n'
        "deadline_ms = 1500\n"
        f'[reviewers.model]\nspec = "{provider}:reviewer-model"\n'
        f'base_url_env = "{URL_ENV}"\napi_key_env = "{KEY_ENV}"\n'
        f"deadline_ms = 9000\ndebate_rounds = 2\n{model}"
    )
    return path


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["reviewers", *args])
    return result.exit_code, result.stdout, result.stderr


def by_name(listing: dict, name: str) -> dict:
    return next(r for r in listing["reviewers"] if r["name"] == name)


@pytest.mark.parametrize("provider", ["openai", "anthropic"])
def test_model_reviewers_are_listed_with_their_prompt_versions_and_no_model_is_asked(
    tmp_path: Path, listener: socket.socket, provider: str
) -> None:
    code, out, err = run("--json", "--policy", str(write_policy(tmp_path, provider=provider)))
    assert code == 0, err
    assert connections(listener) == 0  # built like the Gate builds them, never called

    found = json.loads(out)
    assert [r["name"] for r in found["reviewers"]] == [
        "shell", "http", "self_protection", "consequences", "reasoning", "debate"
    ]
    shell = by_name(found, "shell")
    assert shell["kind"] == "static" and shell["inline"] is True
    assert shell["deadline_ms"] == 1500  # the policy's deadline for reviewers without their own

    consequences = by_name(found, "consequences")
    prompt = load_prompt("consequences")
    assert consequences["model"] == f"{provider}:reviewer-model"
    assert consequences["inline"] is False and consequences["deadline_ms"] == 9000
    assert consequences["cascade"] == "uncertain" and consequences["uncertain_band"] == [0.1, 0.8]
    assert consequences["version"] == f"1+{prompt.version}"
    [listed] = consequences["prompts"]
    assert listed["version"] == prompt.version
    assert Path(listed["file"]).read_text() == prompt.template  # the file the prompt comes from
    assert Path(consequences["rules_file"]).read_text() == prompt.rules

    debate = by_name(found, "debate")
    names = [p["name"] for p in debate["prompts"]]
    assert names == ["debate_for", "debate_against", "debate_judge"]
    assert debate["debate_rounds"] == 2
    assert debate["version"] == "1+" + "+".join(p["version"] for p in debate["prompts"])


def test_the_table_names_each_reviewer_its_model_and_prompt_files(
    tmp_path: Path, listener: socket.socket, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "200")  # one row a line: rich wraps to the terminal
    code, out, _ = run("--policy", str(write_policy(tmp_path)))
    assert code == 0
    assert connections(listener) == 0
    for text in ("consequences", "reasoning", "openai:reviewer-model", "uncertain [0.1, 0.8]",
                 "debate_judge.txt", f"({load_prompt('reasoning').version})", "_data_rules.txt"):
        assert text in out


def test_cascade_always_and_never(tmp_path: Path, listener: socket.socket) -> None:
    code, out, _ = run("--json", "--policy",
                       str(write_policy(tmp_path, model='cascade = "always"\n')))
    assert code == 0
    reasoning = by_name(json.loads(out), "reasoning")
    assert reasoning["cascade"] == "always" and "uncertain_band" not in reasoning

    code, out, _ = run("--json", "--policy",
                       str(write_policy(tmp_path, model='cascade = "never"\n')))
    assert code == 0
    found = json.loads(out)
    assert [r["kind"] for r in found["reviewers"]] == ["static"] * 3
    assert [n["name"] for n in found["not_run"]] == ["consequences", "reasoning", "debate"]
    code, out, _ = run("--policy", str(write_policy(tmp_path, model='cascade = "never"\n')))
    assert "enabled but not run: debate" in out
    assert connections(listener) == 0


def test_the_built_in_policy_lists_the_static_reviewers() -> None:
    code, out, _ = run("--json")
    assert code == 0
    found = json.loads(out)
    assert found["policy"]["source"] == "<built-in>"
    names = [r["name"] for r in found["reviewers"]]
    assert names == ["shell", "file", "python", "http", "text", "task_limits", "self_protection"]
    assert all(r["kind"] == "static" and "prompts" not in r for r in found["reviewers"])


def test_a_policy_the_gate_would_refuse_is_one_line_and_exit_1(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, listener: socket.socket
) -> None:
    monkeypatch.delenv(KEY_ENV)
    code, out, err = run("--policy", str(write_policy(tmp_path)))
    assert code == 1 and out == ""
    assert err.strip().count("\n") == 0
    assert f"${KEY_ENV} is not set" in err

    bad = tmp_path / "bad.toml"
    bad.write_text('[reviewers]\nenabled = ["shell", "oracle"]\n')
    code, _, err = run("--policy", str(bad))
    assert code == 1 and "unknown reviewer 'oracle'" in err
