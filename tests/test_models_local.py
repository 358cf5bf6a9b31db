"""The in-process llama.cpp backend, end to end with the real SmolLM2-135M model."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from forethought.ledger import Ledger
from forethought.models import Message, ModelError, ToolSpec, get_model
from forethought.models.llamacpp import (
    CRASH_FOR_TESTS_ENV,
    LlamaCppModel,
    action_schema,
    bundled_model_path,
)

FORETHOUGHT = str(Path(sys.executable).with_name("forethought"))

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
VERDICT = {
    "type": "object",
    "properties": {
        "harmful": {"type": "boolean"},
        "risk": {"type": "number"},
        "rationale": {"type": "string", "maxLength": 200},
    },
    "required": ["harmful", "risk", "rationale"],
}
HAS_LLAMA = importlib.util.find_spec("llama_cpp") is not None
needs_llama = pytest.mark.skipif(
    not HAS_LLAMA, reason="llama_cpp is not importable: pip install 'forethought[local]'"
)


def test_unknown_local_model_lists_the_known_ones() -> None:
    with pytest.raises(ModelError, match="unknown local model; known: smollm2"):
        get_model("local:gpt5")


def test_missing_gguf_file_is_a_one_line_error(tmp_path: Path) -> None:
    missing = tmp_path / "nope.gguf"
    with pytest.raises(ModelError) as caught:
        get_model(f"llamacpp:{missing}")
    message = str(caught.value)
    assert "\n" not in message
    expected = str(missing) if HAS_LLAMA else "pip install 'forethought[local]'"
    assert expected in message


def test_action_schema_pins_each_tool_to_its_own_arguments() -> None:
    schema = action_schema([BASH, FINISH])
    bash, finish = schema["anyOf"]
    assert bash["properties"]["tool"] == {"const": "bash"}
    assert bash["properties"]["args"] == BASH.parameters
    assert finish["properties"]["args"] == FINISH.parameters
    assert bash["additionalProperties"] is False
    assert bash["required"] == ["reasoning", "tool", "args"]


@pytest.fixture(scope="module")
def smollm2() -> Iterator[LlamaCppModel]:
    model = get_model("local:smollm2")
    assert isinstance(model, LlamaCppModel)
    with model:
        yield model


@needs_llama
@pytest.mark.slow
def test_smollm2_gguf_comes_from_its_wheel() -> None:
    path = bundled_model_path("smollm2")
    assert path.name == "SmolLM2-135M-Instruct.Q4_1.gguf" and path.stat().st_size > 50_000_000


@needs_llama
@pytest.mark.slow
def test_smollm2_answers_in_text(smollm2: LlamaCppModel) -> None:
    completion = smollm2.complete(
        [Message("user", "Say hello.")], max_tokens=16, seed=1, temperature=0.0
    )
    assert completion.text.strip()
    assert 0 < completion.usage.output_tokens <= 16 and completion.usage.input_tokens > 0


@needs_llama
@pytest.mark.slow
def test_smollm2_returns_a_valid_tool_call(smollm2: LlamaCppModel) -> None:
    # Greedy decoding (temperature 0) under the action grammar: the same answer on every run, and
    # a budget well above what this prompt takes (about 40 tokens), so it is never cut off.
    ask = [
        Message("system", "You are a coding agent."),
        Message("user", "Run the shell command `ls`."),
    ]
    completion = smollm2.complete(
        ask, tools=[BASH, FINISH], max_tokens=400, seed=1, temperature=0.0
    )
    (tool_call,) = completion.tool_calls
    assert not tool_call.error, tool_call.error
    assert completion.finish_reason == "stop"
    assert tool_call.name in {"bash", "finish"}
    required = BASH.parameters["required"] if tool_call.name == "bash" else ["answer"]
    assert all(isinstance(tool_call.arguments[k], str) for k in required)
    # A second turn with the call and its result replayed still yields a valid call.
    history = [
        *ask,
        Message("assistant", completion.text, tool_calls=completion.tool_calls),
        Message("tool", "a.txt\nb.txt", tool_call_id=tool_call.id, name=tool_call.name),
    ]
    (again,) = smollm2.complete(
        history, tools=[BASH, FINISH], max_tokens=400, seed=1, temperature=0.0
    ).tool_calls
    assert not again.error, again.error
    # Deterministic: the same question gets the same answer.
    repeat = smollm2.complete(ask, tools=[BASH, FINISH], max_tokens=400, seed=1, temperature=0.0)
    assert repeat.tool_calls[0].raw == tool_call.raw


@needs_llama
@pytest.mark.slow
def test_smollm2_json_schema_answer_is_valid(smollm2: LlamaCppModel) -> None:
    ask = [Message("user", "Is the shell command `rm -rf /` harmful? Answer as JSON.")]
    completion = smollm2.complete(ask, json_schema=VERDICT, max_tokens=400, seed=1, temperature=0.0)
    assert completion.finish_reason == "stop"
    verdict = json.loads(completion.text)
    assert set(verdict) == {"harmful", "risk", "rationale"}
    assert isinstance(verdict["harmful"], bool) and isinstance(verdict["risk"], int | float)


@needs_llama
@pytest.mark.slow
def test_a_schema_llama_cpp_cannot_compile_is_an_error_not_a_crash(smollm2: LlamaCppModel) -> None:
    # llama-cpp-python would hand this unparsable grammar to the sampler and segfault.
    schema = {"type": "object", "properties": {"a": {"type": "string", "maxLength": 5000}}}
    with pytest.raises(ModelError, match=r"too complex for llama\.cpp's grammar"):
        smollm2.complete([Message("user", "hi")], json_schema=schema)


@needs_llama
def test_a_file_llama_cpp_cannot_load_is_a_one_line_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.gguf"
    bad.write_bytes(b"this is not a GGUF file\n" * 100)
    with pytest.raises(ModelError) as caught:
        get_model(f"llamacpp:{bad}")
    message = str(caught.value)
    assert f"cannot load {bad}" in message and "\n" not in message


@needs_llama
@pytest.mark.slow
def test_a_native_crash_of_the_model_ends_the_run_as_failed_in_one_line(tmp_path: Path) -> None:
    # The model process really dies of SIGSEGV (the test hook makes it signal itself when asked
    # for its first completion, as a fault inside llama.cpp would), through the real CLI.
    db, logs = tmp_path / "ledger.db", tmp_path / "tmp"
    logs.mkdir()
    env = {
        **os.environ,
        "FORETHOUGHT_LEDGER": str(db),
        "TMPDIR": str(logs),
        CRASH_FOR_TESTS_ENV: "SIGSEGV",
    }
    done = subprocess.run(
        [FORETHOUGHT, "run", "List the files.", "--model", "local:smollm2",
         "--workspace", str(tmp_path / "ws")],
        capture_output=True, text=True, env=env, timeout=300, stdin=subprocess.DEVNULL,
    )  # fmt: skip
    assert done.returncode == 3, done.stderr
    assert "Traceback" not in done.stderr and "Fatal Python error" not in done.stderr
    last = done.stderr.strip().splitlines()[-1]
    assert "failed" in last and "the llama.cpp model process crashed (SIGSEGV)" in last
    # The model process's own traceback went to a log file, which the line names.
    [log] = logs.glob("forethought-llamacpp-*.log")
    assert str(log) in last
    assert "Segmentation fault" in log.read_text()
    # The run is in the ledger, ended as failed, and the chain is intact.
    run_id = last.split()[1].rstrip(":")
    with Ledger.open(db, read_only=True) as ledger:
        events = list(ledger.events(run_id=run_id))
    kinds = [e.kind for e in events]
    assert kinds[0] == "run_start" and kinds[-1] == "run_end" and "model_error" in kinds
    assert events[-1].payload["status"] == "failed"
    verified = subprocess.run(
        [FORETHOUGHT, "ledger", "verify"], capture_output=True, text=True, env=env, timeout=60
    )
    assert verified.returncode == 0, verified.stdout + verified.stderr
