"""Python start-up hooks: what a ``.pth`` file or ``sitecustomize.py`` runs at every interpreter
start, shared by the reviewers that see such a file written (file, shell, Python).

``site`` reads every ``.pth`` file in a site-packages directory at start-up: a line that starts
with ``import`` (followed by a space or a tab) is executed, any other line is a directory added
to ``sys.path`` and runs nothing (https://docs.python.org/3/library/site.html). A
``sitecustomize`` or ``usercustomize`` module is code, all of it.
"""

from __future__ import annotations

import re

_PTH = re.compile(r"(?:^|/)(?:site|dist)-packages/[^/]+\.pth$")
_MODULE = re.compile(r"(?:^|/)(?:site|user)customize\.py$")


def is_startup_path(path: str) -> bool:
    return bool(_PTH.search(path) or _MODULE.search(path))


def code_run_at_start(path: str, text: str) -> str | None:
    """The code ``text`` runs at every start when written to ``path``: all of it for a
    customize module, the ``import`` lines of a ``.pth`` file ("" where there are none); None
    for a path that is neither."""
    if _MODULE.search(path):
        return text
    if not _PTH.search(path):
        return None
    return "\n".join(ln for ln in text.splitlines() if ln.startswith(("import ", "import\t")))


def runs_nothing(path: str, text: str) -> bool:
    """A ``.pth`` file whose lines are only directories: written, it changes ``sys.path`` and
    runs nothing."""
    code = code_run_at_start(path, text)
    return code is not None and not code.strip() and bool(_PTH.search(path))
