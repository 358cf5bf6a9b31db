"""The scripted model server other tests build on: each scripted reply reaches a real client."""

from __future__ import annotations

import json

import httpx
import pytest

from forethought.testing import Reply, ScriptedServer, call

CHAT = {"model": "m", "messages": [{"role": "user", "content": "hello"}]}


def post(server: ScriptedServer, path: str = "/chat/completions", **kw: object) -> httpx.Response:
    return httpx.post(server.base_url + path, json=kw.pop("json", CHAT), **kw)  # type: ignore[arg-type]


def test_text_tool_calls_and_requests_are_recorded() -> None:
    script = ["plain answer", Reply(text="thinking", tool_calls=[call("bash", {"command": "ls"})])]
    with ScriptedServer(script) as server:
        assert server.base_url.startswith("http://127.0.0.1:") and server.base_url.endswith("/v1")
        first = post(server).json()
        second = post(server).json()
        assert server.requests == [CHAT, CHAT]
        assert server.remaining == 0
    assert first["choices"][0]["message"]["content"] == "plain answer"
    assert first["choices"][0]["finish_reason"] == "stop"
    assert first["usage"]["prompt_tokens"] > 0 and first["usage"]["completion_tokens"] > 0
    tool_call = second["choices"][0]["message"]["tool_calls"][0]
    assert tool_call["function"] == {"name": "bash", "arguments": '{"command": "ls"}'}
    assert second["choices"][0]["finish_reason"] == "tool_calls"


def test_malformed_arguments_errors_and_malformed_bodies() -> None:
    script = [
        Reply(tool_calls=[call("bash", '{"command": ')]),
        Reply.error(429, retry_after=2),
        Reply.error(401, "invalid key"),
        Reply.malformed("<html>"),
        Reply(text="counted", usage=(7, 3)),
    ]
    with ScriptedServer(script) as server:
        malformed = post(server).json()["choices"][0]["message"]["tool_calls"][0]
        assert malformed["function"]["arguments"] == '{"command": '
        limited = post(server)
        assert limited.status_code == 429 and limited.headers["Retry-After"] == "2"
        unauthorised = post(server)
        assert unauthorised.status_code == 401
        assert unauthorised.json()["error"]["message"] == "invalid key"
        assert post(server).text == "<html>"
        assert post(server).json()["usage"]["prompt_tokens"] == 7


def test_exhausted_script_answers_500_instead_of_hanging() -> None:
    with ScriptedServer([]) as server:
        answer = post(server, timeout=5)
    assert answer.status_code == 500
    assert "script exhausted" in answer.json()["error"]["message"]


def test_delay_triggers_client_timeout() -> None:
    with ScriptedServer([Reply.delayed(5, "late")]) as server, pytest.raises(httpx.ReadTimeout):
        post(server, timeout=0.2)


def test_callable_replies_see_the_request() -> None:
    def echo(request: dict) -> str:
        return request["messages"][-1]["content"].upper()

    with ScriptedServer([echo]) as server:
        assert post(server).json()["choices"][0]["message"]["content"] == "HELLO"
    with ScriptedServer(echo) as server:  # one callable answers every request
        for _ in range(3):
            assert post(server).json()["choices"][0]["message"]["content"] == "HELLO"


def test_anthropic_messages_shape() -> None:
    reply = Reply(text="ok", tool_calls=[call("read_file", {"path": "a"}, id="toolu_1")])
    with ScriptedServer([reply, Reply.error(529)]) as server:
        body = post(server, "/messages", json={"model": "claude", "messages": []}).json()
        overloaded = post(server, "/messages", json={"model": "claude", "messages": []})
    assert body["content"] == [
        {"type": "text", "text": "ok"},
        {"type": "tool_use", "id": "toolu_1", "name": "read_file", "input": {"path": "a"}},
    ]
    assert body["stop_reason"] == "tool_use" and body["usage"]["output_tokens"] > 0
    assert overloaded.status_code == 529 and json.loads(overloaded.text)["type"] == "error"


def test_anthropic_streaming_count_tokens_and_head() -> None:
    """What Claude Code needs: /v1/messages as server-sent events, count_tokens, a HEAD probe."""
    anthropic = pytest.importorskip("anthropic")
    script = [Reply(text="Running it.", tool_calls=[call("Bash", {"command": "ls -la"})])]
    with ScriptedServer(script) as server:
        client = anthropic.Anthropic(base_url=server.url, api_key="dummy", max_retries=0)
        messages = [{"role": "user", "content": "list the files"}]
        with client.messages.stream(model="m", max_tokens=100, messages=messages) as stream:
            final = stream.get_final_message()
        counted = client.messages.count_tokens(model="m", messages=messages)
        assert httpx.head(server.url + "/").status_code == 200
        assert server.remaining == 0 and len(server.requests) == 1  # count_tokens takes no entry
    assert [block.type for block in final.content] == ["text", "tool_use"]
    assert final.content[0].text == "Running it."
    assert final.content[1].name == "Bash" and final.content[1].input == {"command": "ls -la"}
    assert final.stop_reason == "tool_use"
    assert counted.input_tokens > 0


def test_openai_responses_streamed_and_not() -> None:
    """What Codex speaks: the Responses API, as events when streamed, as one JSON otherwise."""
    openai = pytest.importorskip("openai")
    script = [
        Reply(text="Looking.", tool_calls=[call("exec_command", {"cmd": "ls"}, id="call_a")]),
        "All done.",
    ]
    with ScriptedServer(script) as server:
        client = openai.OpenAI(base_url=server.base_url, api_key="dummy", max_retries=0)
        with client.responses.stream(model="m", input="list the files") as stream:
            streamed = stream.get_final_response()
        plain = client.responses.create(model="m", input="and then?")
    [message, function_call] = streamed.output
    assert message.type == "message" and message.content[0].text == "Looking."
    assert function_call.type == "function_call" and function_call.call_id == "call_a"
    assert function_call.name == "exec_command" and function_call.arguments == '{"cmd": "ls"}'
    assert plain.output_text == "All done."
