"""PythonReviewer: what a piece of Python would do, read from its syntax tree.

The code is parsed, never run. Calls are recognised by their qualified names, with aliases
followed (``import os as o``, ``from subprocess import run as r``, ``__import__('os')``,
``getattr(os, 'sys' + 'tem')``, ``sys.modules['os']``), and arguments are evaluated where they
are known before the code runs: literals, names whose every assignment agrees, concatenations,
f-strings of literals, path joins and the usual decoders (base64, hex, zlib, rot13...). Code
handed to ``exec``/``eval``/``compile`` as a known string is reviewed in turn, to a bounded
depth. A dangerous function that is passed around rather than called is itself a finding.
Shell commands go to the shell reviewer; requests to ``request_predictions`` of the HTTP
reviewer; paths to ``paths``.

What the code does is also described as effects of the shared vocabulary
(:mod:`forethought.review.effects`: an operation on a typed resource, such as a truncate of a
log, a signal to a critical service, a read of another process's memory) and graded by the one
effect table; a target or code only the run can tell is reported as uncertainty. The session's
earlier steps are context: a file the code runs or imports is judged by what the session wrote
into it, and what this code writes, downloads, makes executable or copies a secret into is
left in the facts that later steps are judged by (:mod:`forethought.session`).

Modules: ``tables`` (the names the reviewer knows), ``names`` (what each plain name stands
for), ``values`` (names and values worked out before the run) with ``decoders``, ``analysis``
(the walk), which hands nodes to ``processes``, ``hidden_code``, ``files``, ``environment``,
``network``, ``effects``, ``notebook``, ``databases``, ``cloud`` (boto3) and ``cloud_sdks``
(Google Cloud and Azure, by the table ``sdk_table`` loads); ``findings`` (harms, and the facts
that add up to one), ``shell_verdicts``, ``syntax``, ``limits``, and ``reviewer``.
"""

from forethought.review.python.limits import MAX_CODE_CHARS
from forethought.review.python.reviewer import CodeTooLarge, PythonReviewer, code_predictions

__all__ = ["MAX_CODE_CHARS", "CodeTooLarge", "PythonReviewer", "code_predictions"]
