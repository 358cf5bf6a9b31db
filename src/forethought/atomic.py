"""Write a file all at once or not at all: a temporary file beside it, renamed over it."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from pathlib import Path


def write_atomic(path: Path, data: bytes | Sequence[bytes]) -> None:
    """Write ``data`` (bytes, or pieces of it written one after another) to ``path``,
    replacing it whole; on failure nothing is left behind and the OSError is raised (the old
    file, if any, is untouched)."""
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(dir=path.resolve().parent, prefix=f".{path.name}.")
        with os.fdopen(fd, "wb") as out:
            for piece in (data,) if isinstance(data, (bytes, bytearray, memoryview)) else data:
                out.write(piece)
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes it private; give it a normal file's mode
        os.replace(tmp, path)
    except OSError:
        if tmp is not None and os.path.exists(tmp):
            os.unlink(tmp)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
