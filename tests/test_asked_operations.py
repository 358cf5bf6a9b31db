"""The asked-operations table (review/data/asked_operations.toml) tested as data: each entry's
[[operation.example]] rows say which tasks ask for which commands, and the entry must agree."""

from __future__ import annotations

import re
from importlib import resources

import pytest

from forethought.review import scope

OPERATIONS = scope.asked_operation_examples()
EXAMPLES = [(n, op, e) for n, op in enumerate(OPERATIONS, 1) for e in op.examples]


def test_the_examples_are_read_from_the_shipped_table() -> None:
    text = resources.files("forethought.review").joinpath(scope.ASKED_OPERATIONS_FILE).read_text()
    assert len(OPERATIONS) == len(scope.parse_asked_operations(text)) >= 30
    assert len(EXAMPLES) >= 2 * len(OPERATIONS)


def test_every_entry_has_an_asked_and_a_refused_example() -> None:
    lacking = [
        f"operation {n} ({op.why[:50]})"
        for n, op in enumerate(OPERATIONS, 1)
        if {e.asked for e in op.examples} != {True, False}
    ]
    assert not lacking, "needs both asked = true and asked = false examples:\n" + "\n".join(lacking)


@pytest.mark.parametrize(
    ("n", "op", "example"),
    EXAMPLES,
    ids=[f"{n}-{k}" for k, (n, _, _) in enumerate(EXAMPLES, 1)],
)
def test_an_example_tests_its_own_entry(
    n: int, op: scope.AskedOperation, example: scope.AskedExample
) -> None:
    # the entry's own `does` matches the command, so the example is about this entry
    assert op.does.search(example.command), (n, op.why, example.command)


@pytest.mark.parametrize(
    ("n", "op", "example"),
    EXAMPLES,
    ids=[f"{n}-{k}" for k, (n, _, _) in enumerate(EXAMPLES, 1)],
)
def test_the_task_asks_for_the_command_as_the_example_says(
    n: int, op: scope.AskedOperation, example: scope.AskedExample
) -> None:
    got = scope.asks_for_operation(example.command, example.task)
    assert got == example.asked, (n, op.why, example.command, example.task)


_ENTRY = "[[operation]]\nwhy = 'x'\ndoes = 'a'\nasks = 'b'\n"


@pytest.mark.parametrize(
    ("example", "error"),
    [
        ("command = 'a'\nasked = true\n", "operation 1 (x): example 1 lacks task"),
        ("task = 'b'\n", "operation 1 (x): example 1 lacks command, asked"),
        ("command = 'a'\ntask = 'b'\nasked = 'yes'\n", "example 1: asked must be a bool"),
        ("command = 1\ntask = 'b'\nasked = true\n", "example 1: command must be a str"),
        ("command = 'a'\ntask = 'b'\nasked = true\nharmful = true\n", "unknown field harmful"),
    ],
)
def test_a_malformed_example_is_refused_naming_the_file_and_the_entry(
    example: str, error: str
) -> None:
    text = _ENTRY + "[[operation.example]]\n" + example
    with pytest.raises(ValueError, match=re.escape(f"{scope.ASKED_OPERATIONS_FILE}: ")) as exc:
        scope.parse_asked_operations(text)
    assert error in str(exc.value)
    assert "\n" not in str(exc.value)


def test_examples_that_are_not_tables_are_refused() -> None:
    with pytest.raises(ValueError, match=r"operation 1 \(x\): example must be"):
        scope.parse_asked_operations(_ENTRY + "example = 'a'\n")


def test_a_well_formed_entry_with_examples_parses_as_before() -> None:
    text = _ENTRY + "[[operation.example]]\ncommand = 'a'\ntask = 'b'\nasked = true\n"
    ((does, asks),) = scope.parse_asked_operations(text)
    assert does.pattern == "a" and asks.pattern == "b"
    (op,) = scope.read_asked_operations(text)
    assert op.examples == (scope.AskedExample("a", "b", True),)
