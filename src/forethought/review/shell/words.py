"""Turning tree-sitter word nodes into Words: quote removal, escapes, known variables."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from tree_sitter import Node

from forethought.review.shell.decode import text_of, unescape
from forethought.review.shell.model import Word

_UNQUOTED_ESCAPE = re.compile(r"\\(\n|.)", re.DOTALL)
_DQ_ESCAPE = re.compile(r"\\([$`\"\\\n])")
_BRACED_NAME = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}\Z")
# Variables whose value a static reading can stand in for.
_WELL_KNOWN = {"HOME": "~", "SHELL": "sh", "BASH": "bash"}


@dataclass(frozen=True, slots=True)
class Evaluated:
    """The static output of a command substitution."""

    text: str
    decoded: bool
    how: str


def unescape_unquoted(text: str) -> str:
    if "\\" not in text:
        return text
    return _UNQUOTED_ESCAPE.sub(lambda m: "" if m.group(1) == "\n" else m.group(1), text)


def unescape_double_quoted(text: str) -> str:
    if "\\" not in text:
        return text
    return _DQ_ESCAPE.sub(lambda m: "" if m.group(1) == "\n" else m.group(1), text)


# The Word of a `word` node depends on its text alone (no quotes or expansions in it), and the
# same few words (program names, options, paths) come back command after command: reuse them.
# Words are frozen, so sharing one between commands and analyses is safe.
PLAIN_WORDS: dict[str, Word] = {}
PLAIN_WORDS_MAX = 4096


def plain_word(text: str) -> Word:
    """The Word of a `word` node whose text is ``text`` (what _collect gives for it)."""
    word = PLAIN_WORDS.get(text)
    if word is None:
        word = Word(unescape_unquoted(text) if "\\" in text else text, text)
        if len(PLAIN_WORDS) >= PLAIN_WORDS_MAX:
            PLAIN_WORDS.clear()
        PLAIN_WORDS[text] = word
    return word


class _Parts:
    __slots__ = ("decoded", "dynamic", "subs", "values")

    def __init__(self) -> None:
        self.values: list[str] = []
        self.dynamic = False
        self.decoded = False
        self.subs: list[str] = []

    def add(self, value: str, dynamic: bool = False, decoded: bool = False) -> None:
        self.values.append(value)
        self.dynamic |= dynamic
        self.decoded |= decoded


class WordResolver:
    """Resolves word nodes of one source against the variables known at that point."""

    __slots__ = ("evaluate", "gap", "span", "variables")

    def __init__(
        self,
        span: Callable[[Node], str],
        variables: Mapping[str, Word],
        evaluate: Callable[[Node], Evaluated | None],
        gap: Callable[[int, int], str],
    ) -> None:
        self.span = span
        self.gap = gap
        self.variables = variables
        self.evaluate = evaluate

    def word(self, node: Node) -> Word:
        return self.word_of_kind(node, node.type)

    def word_of_kind(self, node: Node, kind: str) -> Word:
        """``word(node)`` for a caller that already has ``node.type``."""
        # the common leaves directly: what _collect would give for them on their own
        if kind == "word":
            text = self.span(node)
            return PLAIN_WORDS.get(text) or plain_word(text)
        if kind == "raw_string":
            text = self.span(node)
            return Word(text[1:-1], text)
        if kind == "string":
            children = node.children
            if len(children) == 3:
                content = children[1]
                if (
                    content.type == "string_content"
                    and content.start_byte == node.start_byte + 1
                    and content.end_byte == node.end_byte - 1
                ):  # "text": no expansion, no gap around the content
                    return Word(unescape_double_quoted(self.span(content)), self.span(node))
        parts = _Parts()
        self._collect(node, parts, quoted=False)
        return Word(
            "".join(parts.values), self.span(node), parts.dynamic, tuple(parts.subs), parts.decoded
        )

    def _variable(self, name: str, text: str, parts: _Parts) -> None:
        known = self.variables.get(name)
        if known is not None:
            parts.add(known.value, known.dynamic, known.decoded)
            parts.subs.extend(known.substitutions)
        elif name in _WELL_KNOWN:
            parts.add(_WELL_KNOWN[name])
        else:
            parts.add(text, dynamic=True)

    def _collect(self, node: Node, parts: _Parts, quoted: bool) -> None:
        kind = node.type
        if kind == "word":
            parts.add(unescape_unquoted(self.span(node)))
        elif kind == "raw_string":
            parts.add(self.span(node)[1:-1])
        elif kind == "string_content":
            parts.add(unescape_double_quoted(self.span(node)))
        elif kind in ("string", "concatenation", "translated_string"):
            self._children(node, parts, quoted or kind != "concatenation")
        elif kind == "ansi_c_string":
            inner = self.span(node)[2:-1]
            value = text_of(unescape(inner))
            parts.add(value, decoded=value != inner)
        elif kind == "simple_expansion":
            text = self.span(node)
            self._variable(text[1:], text, parts)
        elif kind == "expansion":
            text = self.span(node)
            m = _BRACED_NAME.match(text)
            if m:
                self._variable(m.group(1), text, parts)
            else:
                parts.add(text, dynamic=True)
        elif kind == "command_substitution":
            evaluated = self.evaluate(node)
            if evaluated is None:
                text = self.span(node)
                parts.add(text, dynamic=True)
                parts.subs.append(text)
            else:
                parts.add(evaluated.text, decoded=evaluated.decoded)
        elif kind == "process_substitution":
            text = self.span(node)
            parts.add(text, dynamic=True)
            parts.subs.append(text)
        elif kind == "arithmetic_expansion":
            parts.add(self.span(node), dynamic=True)
        else:
            text = self.span(node)
            parts.add(text if quoted else unescape_unquoted(text))

    def _children(self, node: Node, parts: _Parts, quoted: bool) -> None:
        kind = node.type
        if kind != "string":
            for c in node.children:
                if not (kind == "translated_string" and c.type == "$"):
                    self._collect(c, parts, quoted)
            return
        # tree-sitter leaves some literal text (e.g. whitespace-only) between the child nodes
        position = node.start_byte + 1
        end = node.end_byte - 1
        for c in node.children:
            if c.type == '"':
                continue
            if c.start_byte > position:
                parts.add(unescape_double_quoted(self.gap(position, c.start_byte)))
            self._collect(c, parts, True)
            position = c.end_byte
        if end > position:
            parts.add(unescape_double_quoted(self.gap(position, end)))
