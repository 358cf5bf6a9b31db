"""Text from an agent, made safe to show to a person.

Kept apart from ``render`` (which needs rich) so that the hook's fast path can use it.
"""

from __future__ import annotations

import re

# C0 and C1 controls, DEL, bidirectional marks, embeddings, overrides and isolates, zero-width
# characters and the Unicode line and paragraph separators.
_UNSAFE = "\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff"
_UNSAFE_IN_LINES = re.compile(f"[{_UNSAFE}]")
_UNSAFE_IN_A_LINE = re.compile(f"[{_UNSAFE}\t\n]")
_NAMED = {"\n": "\\n", "\t": "\\t", "\r": "\\r", "\x1b": "\\e"}


def _escaped(match: re.Match[str]) -> str:
    char = match.group()
    named = _NAMED.get(char)
    if named is not None:
        return named
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: object, *, lines: bool = False) -> str:
    """``text`` with every control character shown as an escape (``\\e``, ``\\x9b``,
    ``\\u202e``), so that it is displayed, never obeyed; ``lines`` keeps newlines and tabs."""
    text = text if isinstance(text, str) else str(text)
    return (_UNSAFE_IN_LINES if lines else _UNSAFE_IN_A_LINE).sub(_escaped, text)
