"""The text being walked (the command, or a payload found in it) and the walk's context."""

from __future__ import annotations

import sys
import threading
from dataclasses import dataclass
from typing import Any

import tree_sitter_bash
from tree_sitter import Language, Node, Parser

from forethought.review.shell.model import MAX_COMMAND_BYTES, Word
from forethought.review.shell.words import WordResolver

_LANGUAGE = Language(tree_sitter_bash.language())
_local = threading.local()


class _KindNames(dict[int, str]):
    """``node.type`` by ``node.kind_id``: the same name (tree-sitter names a node by its symbol,
    and a symbol's public form has the same name), interned and made once rather than a new
    string on every access."""

    def __missing__(self, kind_id: int) -> str:
        name = sys.intern(_LANGUAGE.node_kind_for_id(kind_id) or "")
        self[kind_id] = name
        return name


KIND_NAMES = _KindNames()


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
        if self.ascii:
            return self.text[node.start_byte : node.end_byte]
        return self.data[node.start_byte : node.end_byte].decode("utf-8", "replace")

    def range(self, start: int, end: int) -> str:
        if self.ascii:
            return self.text[start:end]
        return self.data[start:end].decode("utf-8", "replace")


class Ctx:
    """Where in the walk a node is: its source, pipeline stage, redirects, nesting.

    Immutable by convention: ``replace`` gives a changed copy (a slotted class rather than a
    NamedTuple, whose ``_replace`` costs several times as much in the walk's hot loop).
    """

    __slots__ = (
        "background",
        "depth",
        "function",
        "in_loop",
        "in_substitution",
        "infinite_loop",
        "last_word_is_descriptor",
        "parent",
        "pipeline",
        "redirects",
        "resolver",
        "source",
        "stage",
        "stdin",
        "text_end",
    )

    def __init__(
        self,
        source: Source,
        resolver: WordResolver,
        depth: int,
        pipeline: int = -1,
        stage: int = 0,
        redirects: tuple[tuple[str, Word], ...] = (),
        stdin: str | None = None,
        background: bool = False,
        parent: int | None = None,
        in_substitution: bool = False,
        in_loop: bool = False,
        infinite_loop: bool = False,
        function: str | None = None,
        text_end: int | None = None,
        # the command's last word is really the descriptor of the redirect after it (`sh 0<f`)
        last_word_is_descriptor: bool = False,
    ) -> None:
        self.source = source
        self.resolver = resolver
        self.depth = depth
        self.pipeline = pipeline
        self.stage = stage
        self.redirects = redirects
        self.stdin = stdin
        self.background = background
        self.parent = parent
        self.in_substitution = in_substitution
        self.in_loop = in_loop
        self.infinite_loop = infinite_loop
        self.function = function
        self.text_end = text_end
        self.last_word_is_descriptor = last_word_is_descriptor

    def replace(self, **changes: Any) -> Ctx:
        new = _new_object(Ctx)
        new.source = self.source
        new.resolver = self.resolver
        new.depth = self.depth
        new.pipeline = self.pipeline
        new.stage = self.stage
        new.redirects = self.redirects
        new.stdin = self.stdin
        new.background = self.background
        new.parent = self.parent
        new.in_substitution = self.in_substitution
        new.in_loop = self.in_loop
        new.infinite_loop = self.infinite_loop
        new.function = self.function
        new.text_end = self.text_end
        new.last_word_is_descriptor = self.last_word_is_descriptor
        for name, value in changes.items():
            setattr(new, name, value)
        return new

    def for_stage(
        self, pipeline: int, stage: int, redirects: tuple[tuple[str, Word], ...], stdin: str | None
    ) -> Ctx:
        """``replace(pipeline=, stage=, redirects=, stdin=, text_end=None)``, built directly."""
        new = _new_object(Ctx)
        new.source = self.source
        new.resolver = self.resolver
        new.depth = self.depth
        new.pipeline = pipeline
        new.stage = stage
        new.redirects = redirects
        new.stdin = stdin
        new.background = self.background
        new.parent = self.parent
        new.in_substitution = self.in_substitution
        new.in_loop = self.in_loop
        new.infinite_loop = self.infinite_loop
        new.function = self.function
        new.text_end = None
        new.last_word_is_descriptor = self.last_word_is_descriptor
        return new

    def inside(self, parent: int) -> Ctx:
        """For what is nested in the command ``parent`` (its substitutions, assignments):
        ``replace(parent=parent, pipeline=-1, stage=0, redirects=(), stdin=None, text_end=None,
        background=False, last_word_is_descriptor=False)``, built directly."""
        new = _new_object(Ctx)
        new.source = self.source
        new.resolver = self.resolver
        new.depth = self.depth
        new.pipeline = -1
        new.stage = 0
        new.redirects = ()
        new.stdin = None
        new.background = False
        new.parent = parent
        new.in_substitution = self.in_substitution
        new.in_loop = self.in_loop
        new.infinite_loop = self.infinite_loop
        new.function = self.function
        new.text_end = None
        new.last_word_is_descriptor = False
        return new

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in _CTX_FIELDS)
        return f"Ctx({fields})"


_new_object = object.__new__
_CTX_FIELDS = (
    "source",
    "resolver",
    "depth",
    "pipeline",
    "stage",
    "redirects",
    "stdin",
    "background",
    "parent",
    "in_substitution",
    "in_loop",
    "infinite_loop",
    "function",
    "text_end",
    "last_word_is_descriptor",
)
