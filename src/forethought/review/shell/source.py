"""The text being walked (the command, or a payload found in it) and the walk's context."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import NamedTuple

import tree_sitter_bash
from tree_sitter import Language, Node, Parser

from forethought.review.shell.model import MAX_COMMAND_BYTES, Word
from forethought.review.shell.words import WordResolver

_LANGUAGE = Language(tree_sitter_bash.language())
_local = threading.local()


def thread_parser() -> Parser:
    """One parser per thread: tree-sitter parsers are not safe to share between threads."""
    parser: Parser | None = getattr(_local, "parser", None)
    if parser is None:
        parser = Parser(_LANGUAGE)
        _local.parser = parser
    return parser


def check_size(command: str) -> None:
    size = len(command.encode("utf-8", "surrogatepass"))
    if size > MAX_COMMAND_BYTES:
        raise ValueError(f"command is {size} bytes, over the {MAX_COMMAND_BYTES}-byte limit")


@dataclass(slots=True)
class Source:
    """One text being walked; ``origin`` says how it was found when it is not the command."""

    text: str
    data: bytes
    ascii: bool
    origin: str
    anchor: str
    top: bool

    def span(self, node: Node) -> str:
        return self.range(node.start_byte, node.end_byte)

    def range(self, start: int, end: int) -> str:
        if self.ascii:
            return self.text[start:end]
        return self.data[start:end].decode("utf-8", "replace")


class Ctx(NamedTuple):
    """Where in the walk a node is: its source, pipeline stage, redirects, nesting."""

    source: Source
    resolver: WordResolver
    depth: int
    pipeline: int = -1
    stage: int = 0
    redirects: tuple[tuple[str, Word], ...] = ()
    stdin: str | None = None
    background: bool = False
    parent: int | None = None
    in_substitution: bool = False
    in_loop: bool = False
    infinite_loop: bool = False
    function: str | None = None
    text_end: int | None = None
    # the command's last word is really the descriptor of the redirect after it (`sh 0<f`)
    last_word_is_descriptor: bool = False
