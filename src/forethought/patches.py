"""Codex's patch format (``*** Begin Patch`` ... ``*** End Patch``), file by file.

Codex edits files with ``apply_patch``: as a tool of its own, or as a shell command
(``apply_patch <<'EOF' ... EOF``, ``applypatch``, the argv ``["apply_patch", PATCH]``, inside
``bash -lc``). Wherever a patch arrives, each file it touches is reviewed as what happens to
that file: an added file is a write of its lines, an update is a set of edits (old lines ->
new lines), a move is a ``mv`` plus the edits on the new name, a deletion is an ``rm``.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass, field

BEGIN, END = "*** Begin Patch", "*** End Patch"
_BLOCK = re.compile(r"\*\*\* Begin Patch(.*?)(?:\*\*\* End Patch|\Z)", re.S)
_HEADER = re.compile(r"^\*\*\* (Add|Update|Delete) File: (.+?)\s*$")
_MOVE = re.compile(r"^\*\*\* Move to: (.+?)\s*$")


@dataclass(slots=True)
class FileChange:
    """What one patch does to one file."""

    op: str  # "add", "update", "delete"
    path: str
    move_to: str = ""
    added: list[str] = field(default_factory=list)  # an added file's lines
    hunks: list[tuple[str, str]] = field(default_factory=list)  # (old text, new text)


def contains_patch(text: str) -> bool:
    return BEGIN in text


def parse_patches(text: str) -> list[FileChange]:
    """Every file change of every patch in ``text`` (a patch left unterminated runs to the end)."""
    changes: list[FileChange] = []
    for block in _BLOCK.finditer(text):
        changes.extend(_parse(block.group(1)))
    return changes


def _parse(body: str) -> list[FileChange]:
    changes: list[FileChange] = []
    current: FileChange | None = None
    old: list[str] = []
    new: list[str] = []

    def close_hunk() -> None:
        if current is not None and (old or new):
            current.hunks.append(("\n".join(old), "\n".join(new)))
        old.clear()
        new.clear()

    for line in body.splitlines():
        line = line.rstrip("\r")
        header = _HEADER.match(line)
        if header:
            close_hunk()
            current = FileChange(header.group(1).lower(), header.group(2))
            changes.append(current)
            continue
        if current is None:
            continue
        move = _MOVE.match(line)
        if move:
            current.move_to = move.group(1)
        elif line.startswith("@@") or line.startswith("*** End of File"):
            close_hunk()
        elif current.op == "add":
            current.added.append(line[1:] if line.startswith("+") else line)
        elif current.op == "update":
            if line.startswith("+"):
                new.append(line[1:])
            elif line.startswith("-"):
                old.append(line[1:])
            else:
                text = line[1:] if line.startswith(" ") else line
                old.append(text)
                new.append(text)
    close_hunk()
    return changes


def actions(changes: list[FileChange]) -> list[tuple[str, dict[str, object]]]:
    """(kind, args) of the actions that stand for ``changes``, in order."""
    out: list[tuple[str, dict[str, object]]] = []
    for change in changes:
        if change.op == "delete":
            out.append(("shell", {"command": f"rm -f -- {shlex.quote(change.path)}"}))
        elif change.op == "add":
            out.append(("file_write", {"path": change.path, "content": "\n".join(change.added)}))
        else:
            target = change.path
            if change.move_to:
                move = shlex.join(["mv", "--", change.path, change.move_to])
                out.append(("shell", {"command": move}))
                target = change.move_to
            edits = [{"old": o, "new": n} for o, n in change.hunks] or [{"old": "", "new": ""}]
            out.append(("file_write", {"path": target, "edits": edits}))
    return out
