"""HTTP model backends against the scripted server, through the real httpx client."""

from __future__ import annotations

import json
import socket

import pytest

from forethought.models import Message, ModelError, ToolCall, ToolSpec, Usage, get_model
from forethought.models._http import RetryPolicy
from forethought.models.anthropic import AnthropicModel
from forethought.models.openai_compat import OpenAICompatModel
from forethought.testing import Reply, ScriptedServer, call

BASH = ToolSpec("bash", "Run a shell command.", {
    "type": "object", "properties": {"command": {"type": "string"}}, "required": ["command"]})
ASK = [Message("system", "You are careful."), Message("user", "List the files.")]
FAST = RetryPolicy(max_retries=3, backoff_s=0.01)
VERDICT = {"type": "object", "properties": {"risk": {"type": "number"}}, "required": ["risk"]}


def openai(server: ScriptedServer, **kw: object) -> OpenAICompatModel:
    return OpenAICompatModel("qwen3:8b", base_url=server.base_url, api_key="sk-test",
                             retry=FAST, **kw)  # type: ignore[arg-type]


def anthropic(server: ScriptedServer, **kw: object) -> AnthropicModel:
    return AnthropicModel("claude-test", base_url=server.url, api_key="sk-ant-test",
                          retry=FAST, **kw)  # type: ignore[arg-type]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


# -- OpenAI-compatible ----------------------------------------------------------------------------
def test_text_answer_and_request_shape() -> None:
    with ScriptedServer([Reply(text="Nothing to do.", usage=(12, 5))]) as server:
        completion = openai(server).complete(ASK, temperature=0.0, max_tokens=50, seed=7)
        request = server.requests[0]
        headers = server.received[0].headers
    assert completion.text == "Nothing to do." and completion.tool_calls == ()
    assert completion.usage == Usage(12, 5) and completion.finish_reason == "stop"
    assert completion.model == "qwen3:8b" and completion.elapsed_s > 0
    assert request == {
        "model": "qwen3:8b",
        "messages": [{"role": "system", "content": "You are careful."},
                     {"role": "user", "content": "List the files."}],
        "temperature": 0.0, "max_tokens": 50, "seed": 7,
    }
    assert headers["Authorization"] == "Bearer sk-test"


def test_tool_calls_round_trip() -> None:
    reply = Reply(text="Listing.", tool_calls=[call("bash", {"command": "ls"}, id="c1"),
                                               call("bash", {"command": "pwd"})])
    with ScriptedServer([reply, "done"]) as server:
        model = openai(server)
        first = model.complete(ASK, tools=[BASH])
        history = [*ASK, Message("assistant", first.text, tool_calls=first.tool_calls),
                   Message("tool", "a.txt", tool_call_id="c1", name="bash")]
        model.complete(history, tools=[BASH])
        tools_sent = server.requests[0]["tools"]
        replayed = server.requests[1]["messages"]
    assert [(c.name, dict(c.arguments)) for c in first.tool_calls] == [
        ("bash", {"command": "ls"}), ("bash", {"command": "pwd"})]
    assert first.tool_calls[0].id == "c1" and not first.tool_calls[0].error
    assert first.finish_reason == "tool_calls"
    assert tools_sent == [{"type": "function", "function": {
        "name": "bash", "description": "Run a shell command.", "parameters": BASH.parameters}}]
    assert replayed[2]["tool_calls"][0]["function"] == {"name": "bash",
                                                        "arguments": '{"command": "ls"}'}
    assert replayed[3] == {"role": "tool", "tool_call_id": "c1", "content": "a.txt"}


@pytest.mark.parametrize("arguments", ['{"command": "ls"', '["ls"]', '"ls"', "null"])
def test_malformed_tool_arguments_become_errors_never_guesses(arguments: str) -> None:
    with ScriptedServer([Reply(tool_calls=[call("bash", arguments)])]) as server:
        (tool_call,) = openai(server).complete(ASK, tools=[BASH]).tool_calls
    assert tool_call.error and "bash" in tool_call.error
    assert tool_call.arguments == {} and tool_call.raw == arguments


def test_429_is_retried_after_retry_after() -> None:
    with ScriptedServer([Reply.error(429, retry_after=0.3), "ok"]) as server:
        completion = openai(server).complete(ASK)
        first, second = server.received
    assert completion.text == "ok"
    assert second.at - first.at >= 0.3  # the client waited as the server asked


def test_a_retry_after_holds_the_other_threads_requests_too() -> None:
    """eval --concurrency: once the server says "wait 0.4 s", no thread asking through the same
    model sends before then, rather than each finding the rate limit for itself."""
    import threading
    import time

    with ScriptedServer([Reply.error(429, retry_after=0.4), "a", "b"]) as server:
        model = openai(server)
        answers: list[str] = []
        first = threading.Thread(target=lambda: answers.append(model.complete(ASK).text))
        first.start()
        while not server.received:
            time.sleep(0.01)
        time.sleep(0.1)  # the 429 is back: the hold is on
        answers.append(model.complete(ASK).text)
        first.join()
        told, *later = server.received
    assert sorted(answers) == ["a", "b"]
    assert len(later) == 2 and all(r.at - told.at >= 0.4 for r in later)


def test_5xx_exhausted_raises_retryable_error() -> None:
    with ScriptedServer([Reply.error(500, "boom")] * 4) as server:
        with pytest.raises(ModelError) as caught:
            openai(server).complete(ASK)
        assert len(server.requests) == 4  # one attempt and three retries, then no more
    assert caught.value.retryable
    message = str(caught.value)
    assert message == (f"model endpoint {server.base_url}/chat/completions: "
                       "500 Internal Server Error: boom (gave up after 4 attempts)")


def test_timeout_raises_one_line_error() -> None:
    with (ScriptedServer([Reply.delayed(5, "late")]) as server,
          pytest.raises(ModelError, match=r"no answer within 0\.3s") as caught):
        openai(server, timeout_s=0.3).complete(ASK)
    assert caught.value.retryable and "\n" not in str(caught.value)


def test_401_is_one_line_and_not_retried() -> None:
    with ScriptedServer([Reply.error(401, "invalid key\nplease check")]) as server:
        with pytest.raises(ModelError) as caught:
            openai(server).complete(ASK)
        assert len(server.requests) == 1
    assert str(caught.value) == (f"model endpoint {server.base_url}/chat/completions: "
                                 "401 Unauthorized: invalid key please check")
    assert not caught.value.retryable


def test_unreachable_endpoint_names_the_url() -> None:
    url = f"http://127.0.0.1:{free_port()}/v1"
    model = OpenAICompatModel("m", base_url=url, retry=RetryPolicy(max_retries=1, backoff_s=0.01))
    with pytest.raises(ModelError) as caught:
        model.complete(ASK)
    message = str(caught.value)
    assert message.startswith(f"model endpoint {url}/chat/completions: cannot connect")
    assert "\n" not in message and caught.value.retryable


def test_malformed_body_is_a_model_error() -> None:
    with ScriptedServer([Reply.malformed("<html>oops</html>"), Reply.malformed('{"x": 1}')]) as s:
        model = openai(s)
        with pytest.raises(ModelError, match="answer is not JSON"):
            model.complete(ASK)
        with pytest.raises(ModelError, match=r"no choices\[0\]\.message"):
            model.complete(ASK)


def test_json_schema_is_requested_strictly() -> None:
    with ScriptedServer(['{"risk": 0.1}']) as server:
        completion = openai(server).complete(ASK, json_schema=VERDICT)
        request = server.requests[0]
    assert json.loads(completion.text) == {"risk": 0.1}
    assert request["response_format"] == {"type": "json_schema", "json_schema": {
        "name": "answer", "schema": VERDICT, "strict": True}}


def test_json_schema_falls_back_to_json_object_when_rejected() -> None:
    rejected = Reply.error(400, "response_format json_schema is not supported")
    with ScriptedServer([rejected, '{"risk": 0.2}', '{"risk": 0.3}']) as server:
        model = openai(server)
        assert json.loads(model.complete(ASK, json_schema=VERDICT).text) == {"risk": 0.2}
        model.complete(ASK, json_schema=VERDICT)  # remembered: no second json_schema attempt
        formats = [r["response_format"]["type"] for r in server.requests]
        fallback = server.requests[1]["messages"][-1]
    assert formats == ["json_schema", "json_object", "json_object"]
    assert fallback["role"] == "system" and '"risk"' in fallback["content"]


def test_usage_accumulates_across_calls() -> None:
    with ScriptedServer([Reply(text="a", usage=(10, 2)), Reply(text="b", usage=(20, 3))]) as s:
        model = openai(s)
        total = model.complete(ASK).usage + model.complete(ASK).usage
    assert total == Usage(30, 5) and total.total == 35


def test_base_url_and_key_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    with ScriptedServer(["hi"]) as server:
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        monkeypatch.delenv("OPENAI_API_KEY", raising=False)
        assert get_model("openai:llama3").complete(ASK).text == "hi"
        assert "Authorization" not in server.received[0].headers  # local servers need no key


def test_missing_openai_key_for_openai_itself(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    with pytest.raises(ModelError, match="OPENAI_API_KEY is not set"):
        get_model("openai:gpt-4o-mini")


# -- Anthropic ------------------------------------------------------------------------------------
def test_anthropic_tools_and_history_mapping() -> None:
    reply = Reply(text="Listing.", tool_calls=[call("bash", {"command": "ls"}, id="toolu_1")],
                  usage=(40, 9))
    with ScriptedServer([reply, "done"]) as server:
        model = anthropic(server)
        first = model.complete(ASK, tools=[BASH], temperature=0.5)
        history = [*ASK, Message("assistant", first.text, tool_calls=first.tool_calls),
                   Message("tool", "a.txt", tool_call_id="toolu_1", name="bash")]
        second = model.complete(history, tools=[BASH])
        request, replay = server.requests
        headers = server.received[0].headers
    assert first.text == "Listing." and first.usage == Usage(40, 9)
    assert first.tool_calls == (ToolCall("toolu_1", "bash", {"command": "ls"},
                                         raw='{"command": "ls"}'),)
    assert first.finish_reason == "tool_use" and second.text == "done"
    assert headers["x-api-key"] == "sk-ant-test" and headers["anthropic-version"]
    assert request["system"] == "You are careful." and request["max_tokens"] > 0
    assert request["tools"] == [{"name": "bash", "description": "Run a shell command.",
                                 "input_schema": BASH.parameters}]
    assert replay["messages"][1:] == [
        {"role": "assistant", "content": [
            {"type": "text", "text": "Listing."},
            {"type": "tool_use", "id": "toolu_1", "name": "bash", "input": {"command": "ls"}}]},
        {"role": "user", "content": [
            {"type": "tool_result", "tool_use_id": "toolu_1", "content": "a.txt"}]},
    ]


def test_anthropic_json_schema_by_forced_tool() -> None:
    answer = Reply(tool_calls=[call("answer", {"risk": 0.9})])
    with ScriptedServer([answer]) as server:
        completion = anthropic(server).complete(ASK, json_schema=VERDICT)
        request = server.requests[0]
    assert json.loads(completion.text) == {"risk": 0.9} and completion.tool_calls == ()
    assert request["tool_choice"] == {"type": "tool", "name": "answer"}
    assert request["tools"][0]["input_schema"] == VERDICT


def test_anthropic_errors_retries_and_malformed_input() -> None:
    script = [Reply.error(529, "Overloaded", retry_after=0), Reply(tool_calls=[call("bash", "ls")]),
              Reply.error(401, "invalid x-api-key")]
    with ScriptedServer(script) as server:
        model = anthropic(server)
        (tool_call,) = model.complete(ASK, tools=[BASH]).tool_calls
        with pytest.raises(ModelError) as caught:
            model.complete(ASK)
    assert tool_call.error and tool_call.arguments == {}
    assert str(caught.value) == (f"model endpoint {server.url}/v1/messages: "
                                 "401 Unauthorized: invalid x-api-key")


def test_anthropic_base_url_with_v1_and_env(monkeypatch: pytest.MonkeyPatch) -> None:
    with ScriptedServer(["hi"]) as server:
        monkeypatch.setenv("ANTHROPIC_BASE_URL", server.base_url)
        monkeypatch.setenv("ANTHROPIC_API_KEY", "from-env")
        assert get_model("anthropic:claude-x").complete(ASK).text == "hi"
        assert server.received[0].path == "/v1/messages"
        assert server.received[0].headers["x-api-key"] == "from-env"


# -- get_model ------------------------------------------------------------------------------------
def test_get_model_specs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_BASE_URL", "http://127.0.0.1:1/v1")
    model = get_model("openai:qwen3:8b")
    assert isinstance(model, OpenAICompatModel)
    assert model.model == "qwen3:8b" and model.name == "openai:qwen3:8b"
    explicit = get_model("openai:m", base_url="http://127.0.0.1:2/v1/", api_key="k")
    assert isinstance(explicit, OpenAICompatModel)
    assert explicit.url == "http://127.0.0.1:2/v1/chat/completions" and explicit.api_key == "k"
    claude = get_model("anthropic:claude-sonnet-4-5", api_key="k")
    assert isinstance(claude, AnthropicModel) and claude.model == "claude-sonnet-4-5"
    wrapped = get_model("openai:tiny", text_protocol=True)
    assert wrapped.name == "openai:tiny" and type(wrapped).__name__ == "TextProtocolModel"


@pytest.mark.parametrize("spec", ["gemini:pro", "qwen3", "openai:", ":x"])
def test_get_model_rejects_bad_specs_in_one_line(spec: str) -> None:
    with pytest.raises(ModelError) as caught:
        get_model(spec)
    message = str(caught.value)
    assert "\n" not in message and repr(spec) in message
    assert "openai, anthropic, llamacpp, local" in message


def test_get_model_bounds_retries_and_an_exhausted_script_fails_fast() -> None:
    with ScriptedServer([]) as server:
        model = get_model("openai:m", base_url=server.base_url, max_retries=0)
        with pytest.raises(ModelError, match="script exhausted"):
            model.complete(ASK)
        assert len(server.requests) == 1
