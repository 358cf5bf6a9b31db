"""Every accepted input shape becomes the same Proposal; bad input names field and line."""

from __future__ import annotations

import contextlib
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from forethought.proposal import ProposalError, from_dict, kind_of, parse, parse_stream

COMMAND = "ls -la /tmp"

SAME_SHELL_CALL = [
    {"tool": "bash", "args": {"command": COMMAND}},
    {
        "type": "function",
        "function": {"name": "bash", "arguments": json.dumps({"command": COMMAND})},
    },
    {
        "id": "call_1",
        "type": "function",
        "function": {"name": "bash", "arguments": {"command": COMMAND}},
    },
    {"type": "tool_use", "id": "toolu_1", "name": "bash", "input": {"command": COMMAND}},
    {"name": "run_command", "arguments": {"command": COMMAND}},
    {
        "jsonrpc": "2.0",
        "id": 7,
        "method": "tools/call",
        "params": {"name": "bash", "arguments": {"command": COMMAND}},
    },
    {
        "session_id": "s",
        "transcript_path": "/x.jsonl",
        "cwd": "/w",
        "hook_event_name": "PreToolUse",
        "tool_name": "Bash",
        "tool_input": {"command": COMMAND},
        "tool_use_id": "toolu_2",
    },
]


@pytest.mark.parametrize("obj", SAME_SHELL_CALL, ids=lambda o: next(iter(o)))
def test_every_shape_normalises_to_the_same_shell_action(obj: dict) -> None:
    proposal = from_dict(obj)
    assert proposal.action.kind == "shell"
    assert proposal.action.args == {"command": COMMAND}


def test_shapes_are_named() -> None:
    shapes = [from_dict(o).shape for o in SAME_SHELL_CALL]
    assert shapes == ["plain", "openai", "openai", "anthropic", "mcp", "mcp", "claude_code"]


def test_ids_are_echoed() -> None:
    assert from_dict({"id": "abc", "tool": "bash", "args": {"command": "ls"}}).id == "abc"
    assert from_dict({"id": 12, "tool": "bash", "args": {"command": "ls"}}).id == "12"
    assert from_dict(SAME_SHELL_CALL[5]).id == "7"
    assert from_dict(SAME_SHELL_CALL[6]).id == "toolu_2"


@pytest.mark.parametrize(
    ("obj", "kind", "args"),
    [
        ({"tool": "python", "args": {"code": "print(1)"}}, "python", {"code": "print(1)"}),
        ({"tool": "read_file", "args": {"path": "a.txt"}}, "file_read", {"path": "a.txt"}),
        (
            {"tool": "write_file", "args": {"path": "a", "content": "x"}},
            "file_write",
            {"path": "a", "content": "x"},
        ),
        (
            {"tool": "edit_file", "args": {"path": "a", "old": "x", "new": "y"}},
            "file_write",
            {"path": "a", "edits": [{"old": "x", "new": "y"}]},
        ),
        (
            {
                "tool": "http_request",
                "args": {"method": "post", "url": "https://a.io", "body": "b"},
            },
            "http",
            {"method": "POST", "url": "https://a.io", "headers": {}, "body": "b"},
        ),
        (
            {"tool": "remember", "args": {"kind": "skill", "title": "t", "content": "c"}},
            "memory_write",
            {"kind": "skill", "title": "t", "content": "c"},
        ),
        (
            {"tool_name": "Write", "tool_input": {"file_path": "/w/a.py", "content": "x"}},
            "file_write",
            {"path": "/w/a.py", "content": "x"},
        ),
        (
            {
                "tool_name": "Edit",
                "tool_input": {"file_path": "a", "old_string": "x", "new_string": "y"},
            },
            "file_write",
            {"path": "a", "edits": [{"old": "x", "new": "y"}]},
        ),
        (
            {
                "tool_name": "MultiEdit",
                "tool_input": {
                    "file_path": "a",
                    "edits": [
                        {"old_string": "1", "new_string": "2"},
                        {"old_string": "3", "new_string": "4"},
                    ],
                },
            },
            "file_write",
            {"path": "a", "edits": [{"old": "1", "new": "2"}, {"old": "3", "new": "4"}]},
        ),
        (
            {"tool_name": "Read", "tool_input": {"file_path": "/etc/hosts"}},
            "file_read",
            {"path": "/etc/hosts"},
        ),
        (
            {"tool_name": "WebFetch", "tool_input": {"url": "https://x.io", "prompt": "summarise"}},
            "http",
            {"method": "GET", "url": "https://x.io", "headers": {}, "body": "summarise"},
        ),
        (
            {"tool_name": "mcp__github__create_issue", "tool_input": {"title": "t"}},
            "other",
            {"title": "t"},
        ),
        ({"tool": "frobnicate", "args": {"x": 1}}, "other", {"x": 1}),
    ],
)
def test_tools_map_to_kinds_with_contract_argument_names(obj: dict, kind: str, args: dict) -> None:
    action = from_dict(obj).action
    assert (action.kind, dict(action.args)) == (kind, args)


def test_mcp_tool_names_are_mapped_by_their_last_part() -> None:
    assert kind_of("mcp__shell__run_command") == "shell"
    assert kind_of("mcp__fs__write_file") == "file_write"


def test_reasoning_task_history_are_kept_as_data() -> None:
    p = from_dict(
        {
            "tool": "bash",
            "args": {"command": "ls"},
            "reasoning": "look first",
            "task": "tidy",
            "history": ["a", {"tool": "x"}],
        }
    )
    assert (p.reasoning, p.task, p.history) == ("look first", "tidy", ("a", '{"tool":"x"}'))


def test_labelled_data_rows_are_reviewable_as_they_are() -> None:
    row = {
        "id": "x1",
        "source": "s",
        "tool": "bash",
        "args": {"command": "ls"},
        "label": "safe",
        "category": "c",
        "description": "d",
    }
    assert from_dict(row).action.args == {"command": "ls"}


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ('{"tool": "bash"', "line 3: invalid JSON"),
        ('{"foo": 1}', "line 3: unknown proposal shape"),
        ('{"tool": "bash", "args": "ls"}', "line 3: field 'args' must be an object"),
        ('{"tool": "bash", "args": {}}', "line 3: field 'args.command' is missing"),
        (
            '{"tool": "bash", "args": {"command": 5}}',
            "line 3: field 'args.command' must be a string",
        ),
        (
            '{"type": "function", "function": {"name": "bash", "arguments": "{nope"}}',
            "line 3: field 'function.arguments' is not valid JSON",
        ),
        ('{"tool": "", "args": {}}', "line 3: field 'tool' must be a non-empty string"),
        ("[1, 2]", "line 3: a proposal must be a JSON object"),
    ],
)
def test_bad_lines_name_the_line_and_field(text: str, fragment: str) -> None:
    data = b'{"tool":"bash","args":{"command":"ls"}}\n\n' + text.encode() + b"\n"
    with pytest.raises(ProposalError) as err:
        list(parse_stream(data))
    assert str(err.value).startswith(fragment)


def test_empty_input_is_an_error() -> None:
    with pytest.raises(ProposalError, match="empty input"):
        list(parse_stream(b"  \n"))


def test_a_pretty_printed_single_object_is_accepted() -> None:
    data = json.dumps({"tool": "bash", "args": {"command": "ls"}}, indent=2).encode()
    assert [p.action.args["command"] for p in parse_stream(data)] == ["ls"]


def test_jsonl_keeps_input_order() -> None:
    data = b"\n".join(
        json.dumps({"tool": "bash", "args": {"command": f"echo {i}"}}).encode() for i in range(5)
    )
    assert [p.action.args["command"] for p in parse_stream(data)] == [f"echo {i}" for i in range(5)]


@given(st.binary(max_size=300))
def test_arbitrary_bytes_parse_or_raise_proposal_error(data: bytes) -> None:
    with contextlib.suppress(ProposalError):
        list(parse_stream(data))


@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=20),
        lambda c: st.lists(c, max_size=4) | st.dictionaries(st.text(max_size=8), c, max_size=4),
        max_leaves=20,
    )
)
def test_arbitrary_json_values_parse_or_raise_proposal_error(value: object) -> None:
    with contextlib.suppress(ProposalError):
        parse(json.dumps(value))
