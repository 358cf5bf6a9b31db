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
"""

from __future__ import annotations

import ast
import base64
import binascii
import bz2
import codecs
import lzma
import posixpath
import re
import shlex
import zlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from forethought.proposal import Proposal
from forethought.review.base import Prediction, Review, Severity
from forethought.review.http import (
    READ_METHODS,
    host_allowed,
    is_exfiltration_site,
    is_internal,
    parse_ip,
    request_predictions,
    split_url,
)
from forethought.review.paths import (
    clip,
    delete_predictions,
    merge_similar,
    read_predictions,
    summarise,
    write_predictions,
)

MAX_CODE_CHARS = 200_000
MAX_NESTING = 3  # exec of a string that execs a string...
MAX_STATIC_CHARS = 200_000  # the longest value worked out before the code runs
DECODE_BUDGET = 1_000_000  # characters decoded per review, across all nesting levels
MAX_PREDICTIONS = 40
MAX_RAW_PREDICTIONS = 2_000
MAX_EVAL_DEPTH = 40  # steps through names, calls and operators when working out a value


class CodeTooLarge(ValueError):
    """Code longer than MAX_CODE_CHARS: not reviewed (the Gate records a failed review)."""


class _Unknown:
    """A value that is only known once the code runs."""

    def __repr__(self) -> str:
        return "UNKNOWN"


UNKNOWN: Any = _Unknown()

# --------------------------------------------------------------------------------------------
# What the names mean
# --------------------------------------------------------------------------------------------

# How a process-starting call gives its command: ("first", _) the first argument (string or
# argv list); ("args", i) the positional arguments from i on; ("argv", i) an argv list at i;
# a trailing "+env" drops a final environment argument.
_PROCESS_FORMS: dict[str, tuple[str, int]] = {
    **{
        name: ("first", 0)
        for name in (
            "os.system", "os.popen", "os.startfile", "subprocess.run", "subprocess.call",
            "subprocess.check_call", "subprocess.check_output", "subprocess.Popen",
            "subprocess.getoutput", "subprocess.getstatusoutput", "pty.spawn",
            "commands.getoutput", "commands.getstatusoutput", "platform.popen",
            "asyncio.create_subprocess_shell",
        )
    },
    "asyncio.create_subprocess_exec": ("args", 0),
    "os.execl": ("args", 1), "os.execlp": ("args", 1),
    "os.execle": ("args+env", 1), "os.execlpe": ("args+env", 1),
    "os.execv": ("argv", 1), "os.execvp": ("argv", 1),
    "os.execve": ("argv", 1), "os.execvpe": ("argv", 1),
    "os.spawnl": ("args", 2), "os.spawnlp": ("args", 2),
    "os.spawnle": ("args+env", 2), "os.spawnlpe": ("args+env", 2),
    "os.spawnv": ("argv", 2), "os.spawnvp": ("argv", 2),
    "os.spawnve": ("argv", 2), "os.spawnvpe": ("argv", 2),
    "os.posix_spawn": ("argv", 1), "os.posix_spawnp": ("argv", 1),
}

_HTTP_VERBS = ("get", "post", "put", "patch", "delete", "head", "options")
# Qualified name -> method ("*": the method is the first argument).
_HTTP_CALLS: dict[str, str] = {
    **{f"{lib}.{verb}": verb.upper() for lib in ("requests", "httpx") for verb in _HTTP_VERBS},
    "requests.request": "*", "httpx.request": "*", "httpx.stream": "*", "urllib3.request": "*",
    "aiohttp.request": "*", "urllib.request.urlretrieve": "GET", "wget.download": "GET",
}
_BODY_KEYWORDS = ("data", "json", "files", "content")
_WEB = ("http://", "https://")

_CODE_RUNNERS = frozenset({"exec", "eval", "compile", "execfile"})
_DYNAMIC_IMPORTS = frozenset({"__import__", "importlib.import_module", "importlib.__import__"})
_DESERIALISERS = frozenset({
    "pickle.loads", "pickle.load", "_pickle.loads", "marshal.loads", "marshal.load",
    "dill.loads", "cloudpickle.loads", "yaml.unsafe_load", "jsonpickle.decode",
})
_DELETES: dict[str, bool] = {  # name -> removes a whole tree
    "os.remove": False, "os.unlink": False, "os.rmdir": False, "os.removedirs": True,
    "shutil.rmtree": True,
}
_COPIES = frozenset({
    "shutil.copy", "shutil.copy2", "shutil.copyfile", "shutil.copytree", "shutil.move",
    "os.rename", "os.replace", "os.link", "os.symlink",
})
_OPENS = frozenset({"open", "io.open", "codecs.open", "os.open", "os.fdopen"})
_OS_WRITE_FLAGS = ("O_WRONLY", "O_RDWR", "O_APPEND", "O_CREAT", "O_TRUNC")
_SETUIDS = frozenset({
    "os.setuid", "os.seteuid", "os.setreuid", "os.setresuid", "os.setgid", "os.setegid",
    "os.setregid", "os.setresgid",
})
_CHMODS = frozenset({"os.chmod", "os.lchmod"})
_FORKS = frozenset({"os.fork", "os.forkpty", "pty.fork"})
_SPAWNS_IN_LOOP = frozenset({"multiprocessing.Process", "subprocess.Popen", "os.system"})
_LIBRARY_LOADS = frozenset({
    "ctypes.CDLL", "ctypes.PyDLL", "ctypes.WinDLL", "ctypes.OleDLL", "ctypes.LibraryLoader",
    "ctypes.cdll.LoadLibrary", "ctypes.pydll.LoadLibrary", "ctypes.windll.LoadLibrary",
    "_ctypes.dlopen",
})
_READS_MANY = frozenset({
    "os.walk", "os.listdir", "os.scandir", "glob.glob", "glob.iglob", "shutil.make_archive",
    "zipfile.ZipFile", "tarfile.open",
})
_ENVIRON = frozenset({"os.environ", "os.environb"})
_GETENV = frozenset({"os.getenv", "os.getenvb", "os.environ.get", "os.environ.pop"})
_ENV_DUMPERS = frozenset({
    "dict", "str", "repr", "print", "list", "sorted", "tuple", "set", "json.dumps", "json.dump",
    "pprint.pprint", "pprint.pformat",
})
_SECRET_ENV_NAME = re.compile(r"(?i)key|token|secret|passw|credential|private|auth")
_PRELOAD_NAMES = ("LD_PRELOAD", "DYLD_INSERT_LIBRARIES")
_INDIRECT_DANGER = frozenset({
    *_PROCESS_FORMS, *_CODE_RUNNERS, *_DELETES, *_SETUIDS, *_CHMODS, *_FORKS, *_LIBRARY_LOADS,
    *_DYNAMIC_IMPORTS, *_DESERIALISERS, "os.dup2",
})
_SENSITIVE_MODULES = frozenset({
    "os", "posix", "subprocess", "builtins", "socket", "shutil", "pty", "ctypes", "importlib",
    "sys", "pickle", "marshal",
})
# Module names that resolve without an import: a persistent interpreter (a notebook kernel)
# may have imported them in an earlier cell.
_KNOWN_MODULES = _SENSITIVE_MODULES | {
    "base64", "binascii", "codecs", "zlib", "gzip", "bz2", "lzma", "requests", "httpx",
    "urllib", "urllib3", "http", "pathlib", "glob", "json", "pprint", "multiprocessing",
    "asyncio", "platform", "smtplib", "ftplib", "stat", "io", "aiohttp", "wget", "tarfile",
    "zipfile", "__builtins__",
}
_BUILTINS = frozenset({
    "eval", "exec", "compile", "execfile", "open", "__import__", "getattr", "print", "dict",
    "str", "repr", "bytes", "bytearray", "chr", "list", "tuple", "set", "sorted", "vars",
    "globals", "locals", "range",
})
_PATH_CONSTRUCTORS = frozenset({
    "pathlib.Path", "pathlib.PosixPath", "pathlib.PurePath", "pathlib.PurePosixPath",
})
_PATH_METHODS = frozenset({
    "read_text", "read_bytes", "write_text", "write_bytes", "open", "unlink", "rmdir", "chmod",
    "rename", "replace",
})
_PLAIN_CODECS = frozenset({"utf-8", "utf8", "ascii", "latin-1", "latin1"})
_TEXT_CODECS = frozenset({
    "utf-8", "utf8", "ascii", "latin-1", "latin1", "utf-16", "rot13", "rot_13", "base64",
    "base_64", "base64_codec", "hex", "hex_codec", "unicode_escape", "raw_unicode_escape",
})


def _canonical(name: str) -> str:
    for prefix, to in (("builtins.", ""), ("__builtins__.", ""), ("posix.", "os."), ("nt.", "os.")):
        if name.startswith(prefix):
            return to + name[len(prefix) :]
    return name


def _bounded(data: bytes | str) -> bytes | str | _Unknown:
    return data if len(data) <= MAX_STATIC_CHARS else UNKNOWN


def _decompress(kind: str, data: bytes) -> bytes:
    """Decompress at most MAX_STATIC_CHARS: a small literal can expand to gigabytes."""
    if kind in ("zlib", "gzip"):
        return zlib.decompressobj(47 if kind == "gzip" else 15).decompress(data, MAX_STATIC_CHARS)
    if kind == "bz2":
        return bz2.BZ2Decompressor().decompress(data, MAX_STATIC_CHARS)
    return lzma.LZMADecompressor().decompress(data, MAX_STATIC_CHARS)


_DECODERS: dict[str, Callable[[Any], Any]] = {
    "base64.b64decode": base64.b64decode,
    "base64.standard_b64decode": base64.standard_b64decode,
    "base64.urlsafe_b64decode": base64.urlsafe_b64decode,
    "base64.decodebytes": base64.decodebytes,
    "base64.b32decode": base64.b32decode,
    "base64.b16decode": base64.b16decode,
    "base64.b85decode": base64.b85decode,
    "base64.a85decode": base64.a85decode,
    "binascii.a2b_base64": binascii.a2b_base64,
    "binascii.unhexlify": binascii.unhexlify,
    "binascii.a2b_hex": binascii.a2b_hex,
    "bytes.fromhex": bytes.fromhex,
    "zlib.decompress": lambda d: _decompress("zlib", d),
    "gzip.decompress": lambda d: _decompress("gzip", d),
    "bz2.decompress": lambda d: _decompress("bz2", d),
    "lzma.decompress": lambda d: _decompress("lzma", d),
}


# --------------------------------------------------------------------------------------------
# Facts gathered across the whole program (including code run through exec)
# --------------------------------------------------------------------------------------------


@dataclass
class _Facts:
    runs_process: bool = False
    # stdin/stdout wired to something other than the terminal: os.dup2, a pty, an
    # interactive shell, or a process given a socket's file descriptor
    hands_over_io: bool = False
    reads_files: bool = False
    reads_secrets: bool = False
    dumps_environment: bool = False
    connects: list[tuple[str, str | None]] = field(default_factory=list)  # (evidence, host)
    listens: list[str] = field(default_factory=list)
    sends: list[tuple[str, str]] = field(default_factory=list)  # (evidence, where)
    decoded_chars: int = 0
    shell: Any = UNKNOWN  # the shell reviewer's shell_predictions, looked up once per review
    shell_cache: dict[str, list[Prediction]] = field(default_factory=dict)


def _harm(
    outcome: str,
    probability: float,
    severity: Severity,
    evidence: str,
    category: str,
    *,
    reversible: bool = False,
) -> Prediction:
    return Prediction(outcome, "harm", min(1.0, probability), severity, reversible,
                      clip(evidence), category)


def _keyword(call: ast.Call, *names: str) -> ast.expr | None:
    for kw in call.keywords:
        if kw.arg in names:
            return kw.value
    return None


def _argument(call: ast.Call, index: int, *names: str) -> ast.expr | None:
    """Positional argument ``index`` or the keyword of that name; None where ``*args`` hides it."""
    for position, arg in enumerate(call.args):
        if isinstance(arg, ast.Starred):
            return None
        if position == index:
            return arg
    return _keyword(call, *names)


_LINE_BREAK = re.compile(r"\r\n|\r|\n")
# A format field wide enough to build a huge string ("%099999999d", "{:>99999999}").
_WIDE_FIELD = re.compile(r"\d{5,}")


class _Source:
    """Exact source text of nodes; ast's column offsets count UTF-8 bytes."""

    def __init__(self, code: str) -> None:
        self.code = code
        self.starts = [0] + [m.end() for m in _LINE_BREAK.finditer(code)]

    def offset(self, line: int, col: int) -> int:
        start = self.starts[line - 1]
        end = self.starts[line] if line < len(self.starts) else len(self.code)
        text = self.code[start:end]
        if text.isascii():
            return start + col
        return start + len(text.encode("utf-8")[:col].decode("utf-8", "replace"))

    def segment(self, node: ast.AST) -> str:
        try:
            lineno, col = node.lineno, node.col_offset  # type: ignore[attr-defined]
            end_line, end_col = node.end_lineno, node.end_col_offset  # type: ignore[attr-defined]
            if end_line is None or end_col is None:
                return ""
            return self.code[self.offset(lineno, col) : self.offset(end_line, end_col)]
        except (AttributeError, IndexError):
            return ""


# --------------------------------------------------------------------------------------------
# The analysis
# --------------------------------------------------------------------------------------------


class _Analysis:
    def __init__(
        self,
        code: str,
        allowed_hosts: Sequence[str],
        *,
        root_code: str | None = None,
        fallback_evidence: str = "",
        depth: int = 0,
        facts: _Facts | None = None,
        aliases: dict[str, str] | None = None,
    ) -> None:
        self.code = code
        self.root_code = code if root_code is None else root_code
        # Code that is not the agent's own text (decoded, or a notebook cell with its magic
        # lines blanked): evidence from it must be checked against the agent's text.
        self.derived = self.root_code is not code
        self.fallback_evidence = fallback_evidence
        self.allowed_hosts = allowed_hosts
        self.depth = depth
        self.facts = facts or _Facts()
        self.aliases: dict[str, str] = dict(aliases or {})
        # Every value each plain name is assigned; names also bound otherwise (loop targets,
        # parameters, definitions) are "opaque": their value is not known.
        self.bindings: dict[str, list[ast.expr]] = {}
        self.opaque: set[str] = set()
        self.parents: dict[ast.AST, ast.AST] = {}
        self.predictions: list[Prediction] = []
        self.source = _Source(code)
        self.uses_socket = "socket" in code
        self._static_cache: dict[int, Any] = {}
        self._resolve_cache: dict[int, str | None] = {}

    # ---- entry -------------------------------------------------------------------------

    def run(self) -> list[Prediction]:
        try:
            tree = ast.parse(self.code)
        except (SyntaxError, ValueError, OverflowError):
            return self._unparsable()
        except (RecursionError, MemoryError):
            return [_harm("the code is nested too deeply to parse; it cannot be reviewed", 0.6,
                          "high", self.evidence_text(self.code), "unknown_code")]
        nodes = list(ast.walk(tree))
        self._collect_names(nodes)
        # References that are called, or bound to a plain name whose calls are resolved.
        followed = {id(n.func) for n in nodes if isinstance(n, ast.Call)}
        followed |= {id(v) for values in self.bindings.values() for v in values}
        for node in nodes:
            if len(self.predictions) > MAX_RAW_PREDICTIONS:
                break  # already far past blocking; the rest cannot lower the harm
            if isinstance(node, ast.Call):
                self._call(node)
            elif isinstance(node, (ast.While, ast.For)):
                self._loop(node)
            elif isinstance(node, (ast.Attribute, ast.Name)):
                name = self.resolve(node) if isinstance(node.ctx, ast.Load) else None
                if name in _ENVIRON:
                    self._environ(node)
                elif name in _INDIRECT_DANGER and id(node) not in followed:
                    self._indirect(node, name)
            elif isinstance(node, ast.Constant) and isinstance(node.value, str):
                self._constant(node)
        return self.predictions

    def _indirect(self, node: ast.AST, name: str) -> None:
        """A dangerous function handed on (``map(os.remove, ...)``, ``[os.system][0]``)."""
        self.add([_harm(f"passes {name} around instead of calling it; where and on what it "
                        "runs cannot be reviewed", 0.6, "moderate", self.evidence(node),
                        "unknown_code")])

    def _unparsable(self) -> list[Prediction]:
        """Unparsable code, unless it is a notebook cell with ``!shell`` / ``%magic`` lines."""
        lines = self.code.splitlines()
        first = lines[0].strip() if lines else ""
        if self.depth == 0 and _SHELL_CELL.match(first):
            self.facts.runs_process = True
            return self._shell("\n".join(lines[1:]), first, "as a notebook shell cell")
        magic = [ln for ln in lines if ln.lstrip().startswith(("!", "%"))]
        if magic and self.depth == 0:
            stripped = "\n".join(
                ln[: len(ln) - len(ln.lstrip())] + "pass" if ln.lstrip().startswith(("!", "%"))
                else ln
                for ln in lines
            )
            try:
                ast.parse(stripped)
            except (SyntaxError, ValueError, OverflowError, RecursionError, MemoryError):
                pass
            else:
                out = _Analysis(stripped, self.allowed_hosts, root_code=self.root_code,
                                fallback_evidence=magic[0].strip(), facts=self.facts,
                                depth=self.depth).run()
                for line in magic:
                    body = line.strip()
                    command = _SHELL_MAGIC.match(body)
                    if command:
                        self.facts.runs_process = True
                        out += self._shell(command.group(1), body, "from a notebook line")
                return out
        return [_harm("the code does not parse; it cannot be reviewed", 1.0, "moderate",
                      self.evidence_text(self.code[:80]), "unknown_code", reversible=True)]

    # ---- names ---------------------------------------------------------------------------

    def _collect_names(self, nodes: Iterable[ast.AST]) -> None:
        want_parents = "environ" in self.code
        for node in nodes:
            if want_parents:
                for child in ast.iter_child_nodes(node):
                    self.parents[child] = node
            if isinstance(node, ast.Import):
                for a in node.names:
                    if a.asname:
                        self.aliases[a.asname] = a.name
                    else:
                        top = a.name.split(".")[0]
                        self.aliases[top] = top
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                for a in node.names:
                    if a.name == "*":
                        self._star_import(node.module)
                    else:
                        self.aliases[a.asname or a.name] = f"{node.module}.{a.name}"
            elif isinstance(node, (ast.Assign, ast.AnnAssign, ast.NamedExpr)):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                for target in targets:
                    if isinstance(target, ast.Name) and node.value is not None:
                        self.bindings.setdefault(target.id, []).append(node.value)
                    else:
                        self._make_opaque(target)
            elif isinstance(node, (ast.AugAssign, ast.For, ast.AsyncFor, ast.comprehension)):
                self._make_opaque(node.target)
            elif isinstance(node, ast.withitem) and node.optional_vars is not None:
                self._make_opaque(node.optional_vars)
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                self.opaque.add(node.name)
            elif isinstance(node, ast.arg):
                self.opaque.add(node.arg)
            elif isinstance(node, ast.ExceptHandler) and node.name:
                self.opaque.add(node.name)
        for name in self.opaque:
            self.bindings.pop(name, None)

    def _make_opaque(self, target: ast.AST) -> None:
        for sub in ast.walk(target):
            if isinstance(sub, ast.Name):
                self.opaque.add(sub.id)

    def _values_of(self, name: str) -> list[ast.expr]:
        """What ``name`` may hold: its assigned values, less self-references (``f = f``)."""
        return [v for v in self.bindings.get(name, ())
                if not (isinstance(v, ast.Name) and v.id == name)]

    def _star_import(self, module: str) -> None:
        known = [*_PROCESS_FORMS, *_HTTP_CALLS, *_DELETES, *_COPIES, *_SETUIDS, *_CHMODS,
                 *_FORKS, *_LIBRARY_LOADS, *_DECODERS, "os.environ", "os.getenv", "os.dup2",
                 "socket.socket", "socket.create_connection", "pty.spawn"]
        for qualified in known:
            head, _, last = qualified.rpartition(".")
            if head == module:
                self.aliases.setdefault(last, qualified)

    def resolve(self, node: ast.AST, depth: int = 0) -> str | None:
        """The qualified name an expression refers to (``os.system``), if known."""
        key = id(node)
        if key in self._resolve_cache:
            return self._resolve_cache[key]
        self._resolve_cache[key] = None  # cycles resolve to nothing
        name = self._resolve(node, depth) if depth < MAX_EVAL_DEPTH else None
        name = _canonical(name) if name else None
        self._resolve_cache[key] = name
        return name

    def _resolve(self, node: ast.AST, depth: int) -> str | None:
        if isinstance(node, ast.Name):
            if node.id in self.aliases:
                return self.aliases[node.id]
            if node.id in self.bindings:
                names = {self.resolve(v, depth + 1) for v in self._values_of(node.id)}
                return names.pop() if len(names) == 1 else None
            if node.id in self.opaque:
                return None
            if node.id in _KNOWN_MODULES or node.id in _BUILTINS:
                return node.id
            return None
        if isinstance(node, ast.Attribute):
            base = self.resolve(node.value, depth + 1)
            return f"{base}.{node.attr}" if base else None
        if isinstance(node, ast.Call):
            func = self.resolve(node.func, depth + 1)
            if func in _DYNAMIC_IMPORTS and node.args:
                module = self.static(node.args[0], depth + 1)
                return module if isinstance(module, str) and module else None
            if func == "getattr" and len(node.args) >= 2:
                base = self.resolve(node.args[0], depth + 1)
                attr = self.static(node.args[1], depth + 1)
                return f"{base}.{attr}" if base and isinstance(attr, str) else None
            if func in ("globals", "vars", "locals") and not node.args:
                return func
            if func == "vars" and node.args and self.resolve(node.args[0], depth + 1) in (
                "builtins", "__builtins__"
            ):
                return "builtins"
            if func == "sys.modules.get" and node.args:
                module = self.static(node.args[0], depth + 1)
                return module if isinstance(module, str) else None
            return None
        if isinstance(node, ast.Subscript):
            base = self.resolve(node.value, depth + 1)
            key = self.static(node.slice, depth + 1)
            if not isinstance(key, str):
                return None
            if base == "sys.modules":
                return key
            if base in ("globals", "vars", "locals", "builtins", "__builtins__", "__dict__"):
                return "builtins" if key == "__builtins__" else key
        return None

    # ---- values known before the code runs -----------------------------------------------

    def static(self, node: ast.AST | None, depth: int = 0) -> Any:
        if node is None:
            return UNKNOWN
        key = id(node)
        if key in self._static_cache:
            return self._static_cache[key]
        self._static_cache[key] = UNKNOWN  # cycles (x = x + "a") stay unknown
        try:
            value = self._static(node, depth) if depth < MAX_EVAL_DEPTH else UNKNOWN
        except Exception:  # evaluating untrusted literals: any failure just means "unknown"
            value = UNKNOWN
        if isinstance(value, (str, bytes)) and len(value) > MAX_STATIC_CHARS:
            value = UNKNOWN
        self._static_cache[key] = value
        return value

    def _static(self, node: ast.AST, depth: int) -> Any:
        if isinstance(node, ast.Constant):
            return node.value
        if isinstance(node, ast.Name):
            values = [self.static(v, depth + 1) for v in self._values_of(node.id)]
            if not values or any(v is UNKNOWN or v != values[0] for v in values):
                return UNKNOWN
            return values[0]
        if isinstance(node, ast.JoinedStr):
            parts = []
            for v in node.values:
                formatted = isinstance(v, ast.FormattedValue)
                value = self.static(v.value if formatted else v, depth + 1)
                if value is UNKNOWN or (formatted and v.format_spec):
                    return UNKNOWN
                conversion = {ord("r"): repr, ord("a"): ascii}.get(
                    v.conversion if formatted else -1, str)
                parts.append(conversion(value))
            return "".join(parts)
        if isinstance(node, (ast.List, ast.Tuple)):
            items = [self.static(e, depth + 1) for e in node.elts]
            return UNKNOWN if any(i is UNKNOWN for i in items) else items
        if isinstance(node, ast.BinOp):
            return self._static_binop(node, depth)
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
            value = self.static(node.operand, depth + 1)
            if isinstance(value, int) and not isinstance(value, bool):
                return -value if isinstance(node.op, ast.USub) else value
            return UNKNOWN
        if isinstance(node, ast.Subscript):
            value = self.resolve(node.value, depth + 1)
            if value in _ENVIRON and self.static(node.slice, depth + 1) == "HOME":
                return "~"
            base, index = self.static(node.value, depth + 1), self._static_index(node.slice, depth)
            if isinstance(base, (str, bytes, list)) and index is not UNKNOWN:
                return base[index]
            return UNKNOWN
        if isinstance(node, ast.Call):
            return self._static_call(node, depth)
        return UNKNOWN

    def _static_index(self, node: ast.AST, depth: int) -> Any:
        if isinstance(node, ast.Slice):
            bounds = [self.static(b, depth + 1) if b is not None else None
                      for b in (node.lower, node.upper, node.step)]
            ok = all(b is None or (isinstance(b, int) and not isinstance(b, bool)) for b in bounds)
            return slice(*bounds) if ok else UNKNOWN
        index = self.static(node, depth + 1)
        return index if isinstance(index, int) and not isinstance(index, bool) else UNKNOWN

    def _static_binop(self, node: ast.BinOp, depth: int) -> Any:
        left, right = self.static(node.left, depth + 1), self.static(node.right, depth + 1)
        if left is UNKNOWN or right is UNKNOWN:
            return UNKNOWN
        op = node.op
        if isinstance(op, ast.Add) and type(left) is type(right):
            if isinstance(left, (str, bytes)):
                return _bounded(left + right)
            return left + right if isinstance(left, list) else UNKNOWN
        if isinstance(op, ast.Div) and isinstance(left, str) and isinstance(right, str):
            return posixpath.join(left, right)  # pathlib's ``/``
        if isinstance(op, ast.Mult) and isinstance(left, (str, bytes)) and isinstance(right, int):
            return left * right if len(left) * right <= MAX_STATIC_CHARS else UNKNOWN
        if isinstance(op, ast.Mod) and isinstance(left, str) and not _WIDE_FIELD.search(left):
            return _bounded(left % (tuple(right) if isinstance(right, list) else right))
        both_int = all(isinstance(v, int) and not isinstance(v, bool) for v in (left, right))
        if both_int and isinstance(op, (ast.BitOr, ast.Add)):
            return left | right if isinstance(op, ast.BitOr) else left + right
        return UNKNOWN

    def _static_call(self, node: ast.Call, depth: int) -> Any:
        func = self.resolve(node.func, depth + 1)
        args = [self.static(a, depth + 1) for a in node.args]
        if any(a is UNKNOWN for a in args) or any(isinstance(a, ast.Starred) for a in node.args):
            return UNKNOWN
        if func in _DECODERS and args and isinstance(args[0], (str, bytes)):
            budget_left = DECODE_BUDGET - self.facts.decoded_chars
            if budget_left <= 0:
                return UNKNOWN
            decoded = _DECODERS[func](args[0])
            self.facts.decoded_chars += len(decoded)
            if len(decoded) >= MAX_STATIC_CHARS:
                return UNKNOWN  # cut short: what would run is more than what was seen
            return decoded
        if func == "codecs.decode" and len(args) >= 2 and str(args[1]).lower() in _TEXT_CODECS:
            return codecs.decode(args[0], args[1])
        if func in _PATH_CONSTRUCTORS or func == "os.path.join":
            if not args:
                return "."
            return posixpath.join(*args) if all(isinstance(a, str) for a in args) else UNKNOWN
        if func == "pathlib.Path.home":
            return "~"
        if func in ("os.path.expanduser", "os.path.expandvars", "os.path.abspath",
                    "os.path.normpath", "os.path.realpath", "str", "os.fsdecode"):
            return args[0] if len(args) == 1 and isinstance(args[0], str) else UNKNOWN
        if func in ("os.getenv", "os.environ.get") and args == ["HOME"]:
            return "~"
        if func in ("bytes", "bytearray") and len(args) == 1 and isinstance(args[0], list):
            return bytes(args[0]) if len(args[0]) <= MAX_STATIC_CHARS else UNKNOWN
        if func == "chr" and len(args) == 1 and isinstance(args[0], int):
            return chr(args[0])
        if isinstance(node.func, ast.Attribute):
            return self._static_method(node, args, depth)
        return UNKNOWN

    def _static_method(self, node: ast.Call, args: list[Any], depth: int) -> Any:
        assert isinstance(node.func, ast.Attribute)
        attr = node.func.attr
        if attr == "home" and self.resolve(node.func.value, depth + 1) in _PATH_CONSTRUCTORS:
            return "~"
        receiver = self.static(node.func.value, depth + 1)
        if not isinstance(receiver, (str, bytes)):
            return UNKNOWN
        if attr in ("decode", "encode"):
            codec = args[0] if args else "utf-8"
            if not isinstance(codec, str) or codec.lower() not in _TEXT_CODECS:
                return UNKNOWN
            return codecs.decode(receiver, codec) if attr == "decode" else codecs.encode(
                receiver, codec)
        if attr == "join" and len(args) == 1 and isinstance(args[0], list):
            return _bounded(receiver.join(args[0]))  # type: ignore[arg-type]
        if attr == "replace" and len(args) == 2:
            return _bounded(receiver.replace(args[0], args[1]))
        if attr in ("lower", "upper", "strip", "lstrip", "rstrip") and not args:
            return getattr(receiver, attr)()
        if attr == "format" and isinstance(receiver, str) and not node.keywords and (
            not _WIDE_FIELD.search(receiver)
        ):
            return _bounded(receiver.format(*args))
        return UNKNOWN

    # ---- evidence ------------------------------------------------------------------------

    def evidence_text(self, text: str) -> str:
        """``text`` if it can be found in the code as the agent wrote it, else the call that
        led here (code decoded from base64 is not in the agent's text)."""
        if not self.derived or (text and text in self.root_code):
            return clip(text)
        return clip(self.fallback_evidence)

    def evidence(self, node: ast.AST) -> str:
        return self.evidence_text(self.source.segment(node))

    def add(self, predictions: Iterable[Prediction]) -> None:
        self.predictions.extend(predictions)

    # ---- calls ---------------------------------------------------------------------------

    def _call(self, node: ast.Call) -> None:
        name = self.resolve(node.func)
        if name is None:
            self._method_call(node)
            return
        if name == "getattr":
            self._getattr(node)
        handler = self._handler(name)
        if handler is not None:
            handler(node, name)
        elif name in _HTTP_CALLS or name.startswith(("urllib.request.", "http.client.",
                                                      "smtplib.", "ftplib.")):
            self._network(node, name)
        elif isinstance(node.func, ast.Attribute):
            self._method_call(node, name)

    def _handler(self, name: str) -> Callable[[ast.Call, str], None] | None:
        if name in _PROCESS_FORMS:
            return self._process
        if name in _CODE_RUNNERS:
            return self._code_runner
        if name in _DYNAMIC_IMPORTS:
            return self._dynamic_import
        if name in _OPENS:
            return self._open
        if name in _DELETES:
            return self._delete
        if name in _COPIES:
            return self._copy
        if name in _CHMODS:
            return self._chmod
        if name in _SETUIDS:
            return self._setuid
        if name in _LIBRARY_LOADS or name.startswith(("ctypes.cdll.", "ctypes.CDLL.")):
            return self._library
        if name in _DESERIALISERS:
            return self._deserialise
        if name in _GETENV:
            return self._getenv
        if name in _READS_MANY:
            return self._reads_many
        if name == "os.dup2":
            return self._dup2
        if name in ("socket.create_connection",):
            return self._socket_connect
        return None

    def _process(self, node: ast.Call, name: str) -> None:
        self.facts.runs_process = True
        evidence = self.evidence(node)
        command = self._command(node, name)
        redirected = any(
            kw.arg in ("stdin", "stdout", "stderr") and "fileno" in self.source.segment(kw.value)
            for kw in node.keywords
        )
        if name == "pty.spawn" or redirected or _is_interactive_shell(command):
            self.facts.hands_over_io = True
        if command is None:
            self.add([_harm(f"runs a command built at run time ({name}); it cannot be "
                            "reviewed", 0.6, "moderate", evidence, "unknown_code")])
            return
        self.add(self._shell(command, evidence, f"from Python via {name}"))

    def _shell(self, command: str, evidence: str, how: str) -> list[Prediction]:
        """The shell reviewer's harms for a command run from this code."""
        facts = self.facts
        if facts.shell is UNKNOWN:
            facts.shell = _shell_predictor()
        if facts.shell is None:
            return [_harm(f"runs the command {command[:80]!r}; no shell reviewer is available "
                          "to judge it", 0.6, "moderate", evidence, "unknown_code")]
        if command not in facts.shell_cache:
            try:
                found = facts.shell(command)
            except ValueError:  # over the shell reviewer's size limit
                found = [_harm("runs a command too long to review", 0.6, "moderate", evidence,
                               "unknown_code")]
            facts.shell_cache[command] = [p for p in found if p.valence == "harm"]
        return [
            replace(p, outcome=f"{p.outcome} (run {how})",
                    evidence=p.evidence if p.evidence and p.evidence in self.root_code
                    else clip(evidence))
            for p in facts.shell_cache[command]
        ]

    def _command(self, node: ast.Call, name: str) -> str | None:
        form, index = _PROCESS_FORMS[name]
        if any(isinstance(a, ast.Starred) for a in node.args):
            return None
        if form == "first":
            value = self.static(_argument(node, 0, "args", "cmd", "command", "argv"))
        elif form == "argv":
            value = self.static(_argument(node, index, "argv", "args"))
        else:
            end = -1 if form.endswith("+env") else None
            value = [self.static(a) for a in node.args[index:end]]
        if isinstance(value, bytes):
            value = value.decode("utf-8", "replace")
        if isinstance(value, str):
            return value
        if isinstance(value, list) and value and all(isinstance(v, (str, bytes)) for v in value):
            return shlex.join(v.decode("utf-8", "replace") if isinstance(v, bytes) else v
                              for v in value)
        return None

    def _code_runner(self, node: ast.Call, name: str) -> None:
        argument = _argument(node, 0, "source", "object", "expression")
        if argument is None:
            return
        sources = self._values_of(argument.id) if isinstance(argument, ast.Name) else [argument]
        if sources and all(
            isinstance(v, ast.Call) and self.resolve(v.func) == "compile" for v in sources
        ):
            return  # the compile() call is reviewed where it is made
        evidence = self.evidence(node)
        value = self.static(argument)
        if isinstance(value, bytes):
            value = value.decode("utf-8", "replace")
        if not isinstance(value, str):
            if self._fetches_remotely(argument):
                self.add([_harm(f"downloads code and runs it with {name}()", 0.9, "critical",
                                evidence, "remote_code_execution")])
            else:
                self.add([_harm(f"runs code built at run time with {name}(); it cannot be "
                                "reviewed", 0.5, "high", evidence, "unknown_code",
                                reversible=True)])
            return
        if self._is_obfuscated(argument):
            self.add([_harm(f"runs code hidden by encoding with {name}()", 0.6, "moderate",
                            evidence, "defence_evasion")])
        if self.depth >= MAX_NESTING:
            self.add([_harm("code nested in exec() too deeply to review", 0.5, "high", evidence,
                            "unknown_code", reversible=True)])
            return
        inner = _Analysis(value, self.allowed_hosts, root_code=self.root_code,
                          fallback_evidence=evidence, depth=self.depth + 1, facts=self.facts,
                          aliases=self.aliases)
        self.add(replace(p, outcome=f"{p.outcome} (in code run by {name}())")
                 for p in inner.run())

    def _is_obfuscated(self, node: ast.AST) -> bool:
        for sub in ast.walk(node):
            if isinstance(sub, ast.Call) and self.resolve(sub.func) in (
                *_DECODERS, "codecs.decode", "chr"
            ):
                return True
            if isinstance(sub, ast.Call) and isinstance(sub.func, ast.Attribute) and (
                sub.func.attr == "decode" and sub.args
                and self.static(sub.args[0]) not in _PLAIN_CODECS
            ):
                return True
            if isinstance(sub, ast.Slice) and self.static(sub.step) == -1:
                return True
        return False

    def _fetches_remotely(self, node: ast.AST) -> bool:
        for sub in ast.walk(node):
            if not isinstance(sub, ast.Call):
                continue
            name = self.resolve(sub.func)
            if name in _HTTP_CALLS or name in ("urllib.request.urlopen", "urllib.request.Request"):
                return True
            if isinstance(sub.func, ast.Attribute) and sub.func.attr in ("recv", "recvfrom"):
                return True
        return False

    def _dynamic_import(self, node: ast.Call, name: str) -> None:
        module = self.static(_argument(node, 0, "name"))
        evidence = self.evidence(node)
        if not isinstance(module, str):
            self.add([_harm("imports a module chosen at run time; it cannot be reviewed", 0.5,
                            "moderate", evidence, "unknown_code", reversible=True)])
        elif module.split(".")[0] in _SENSITIVE_MODULES:
            self.add([_harm(f"imports {module} through {name}(), hiding it from a plain reading",
                            0.6, "low", evidence, "defence_evasion", reversible=True)])

    def _getattr(self, node: ast.Call) -> None:
        if len(node.args) < 2:
            return
        base = self.resolve(node.args[0])
        if base is None or base.split(".")[0] not in _SENSITIVE_MODULES:
            return
        attr_node = node.args[1]
        if isinstance(attr_node, ast.Constant):
            return
        attr = self.static(attr_node)
        evidence = self.evidence(node)
        if isinstance(attr, str):
            self.add([_harm(f"looks up {base}.{attr} by a computed name (obfuscation)", 0.6,
                            "moderate", evidence, "unknown_code")])
        else:
            self.add([_harm(f"calls an attribute of {base} chosen at run time; it cannot be "
                            "reviewed", 0.6, "moderate", evidence, "unknown_code")])

    def _open(self, node: ast.Call, name: str) -> None:
        path = self.static(_argument(node, 0, "file", "path"))
        mode_node = _argument(node, 1, "mode", "flags")
        if name == "os.open":
            writing = mode_node is not None and any(
                isinstance(sub, (ast.Attribute, ast.Name))
                and (self.resolve(sub) or "").rsplit(".", 1)[-1] in _OS_WRITE_FLAGS
                for sub in ast.walk(mode_node)
            )
            replaces = writing
        else:
            mode = self.static(mode_node) if mode_node is not None else "r"
            writing = isinstance(mode, str) and any(c in mode for c in "wax+")
            replaces = isinstance(mode, str) and "w" in mode
        self._touch_path(node, path, writing=writing, replaces=replaces)

    def _touch_path(self, node: ast.AST, path: Any, *, writing: bool, replaces: bool) -> None:
        if isinstance(path, bytes):
            path = path.decode("utf-8", "replace")
        evidence = self.evidence(node)
        if writing:
            if isinstance(path, str):
                self.add(write_predictions(path, evidence, replaces_file=replaces))
            return
        self.facts.reads_files = True
        if isinstance(path, str):
            found = read_predictions(path, evidence)
            if found:
                self.facts.reads_secrets = True
                self.add(found)

    def _delete(self, node: ast.Call, name: str) -> None:
        self._delete_path(node, self.static(_argument(node, 0, "path")), _DELETES[name], name)

    def _delete_path(self, node: ast.AST, path: Any, recursive: bool, name: str) -> None:
        evidence = self.evidence(node)
        if isinstance(path, str):
            self.add(delete_predictions(path, evidence, recursive=recursive))
        elif recursive:
            self.add([_harm(f"deletes a directory tree chosen at run time ({name})", 0.5,
                            "moderate", evidence, "destructive")])
        else:
            self.add([_harm(f"deletes a file chosen at run time ({name})", 0.5, "low",
                            evidence, "destructive")])

    def _copy(self, node: ast.Call, name: str) -> None:
        source = self.static(_argument(node, 0, "src"))
        target = self.static(_argument(node, 1, "dst"))
        self._touch_path(node, source, writing=False, replaces=False)
        if isinstance(target, str):
            self.add(write_predictions(target, self.evidence(node), replaces_file=True))

    def _chmod(self, node: ast.Call, name: str) -> None:
        self._set_mode(node, self.static(_argument(node, 0, "path")), _argument(node, 1, "mode"))

    def _set_mode(self, node: ast.AST, path: Any, mode_node: ast.expr | None) -> None:
        evidence = self.evidence(node)
        mode = self.static(mode_node)
        names = {self.resolve(s) for s in ast.walk(mode_node)} if mode_node is not None else set()
        setuid = (isinstance(mode, int) and mode & 0o6000) or bool(
            names & {"stat.S_ISUID", "stat.S_ISGID"}
        )
        if setuid:
            target = path if isinstance(path, str) else "a file"
            self.add([_harm(f"sets the setuid/setgid bit on {target}", 0.9, "high", evidence,
                            "privilege_escalation", reversible=True)])
        elif isinstance(path, str):
            self.add(write_predictions(path, evidence, replaces_file=False))

    def _setuid(self, node: ast.Call, name: str) -> None:
        values = [self.static(a) for a in node.args]
        evidence = self.evidence(node)
        if 0 in values and all(isinstance(v, int) for v in values):
            self.add([_harm(f"switches the process to root with {name}(0)", 0.9, "high",
                            evidence, "privilege_escalation", reversible=True)])
        elif not values or any(not isinstance(v, int) for v in values):
            self.add([_harm(f"changes the process identity with {name}()", 0.5, "moderate",
                            evidence, "privilege_escalation", reversible=True)])

    def _library(self, node: ast.Call, name: str) -> None:
        evidence = self.evidence(node)
        if name not in _LIBRARY_LOADS:  # ctypes.cdll.<library>.<function>(...)
            self.add([_harm(f"calls native code through {name}; it is not reviewed", 0.6,
                            "moderate", evidence, "privilege_escalation")])
            return
        argument = _argument(node, 0, "name")
        library = self.static(argument)
        if isinstance(argument, ast.Call) and self.resolve(argument.func) == (
            "ctypes.util.find_library"
        ):
            system = True  # a library found by name on the system path
        elif isinstance(library, str):
            system = "/" not in library and library.startswith("lib")
        else:
            system = library is None  # CDLL(None): the running program's own symbols
        what = library if isinstance(library, str) else "a native library"
        if system:
            self.add([_harm(f"loads {what} through ctypes; calls into native code are not "
                            "reviewed", 0.6, "moderate", evidence, "privilege_escalation")])
        else:
            self.add([_harm(f"loads the native library {what}, whose code runs unreviewed", 0.6,
                            "high", evidence, "privilege_escalation")])

    def _deserialise(self, node: ast.Call, name: str) -> None:
        self.add([_harm(f"{name}() can run arbitrary code hidden in its input", 0.4, "moderate",
                        self.evidence(node), "unknown_code", reversible=True)])

    def _getenv(self, node: ast.Call, name: str) -> None:
        self._env_variable(node, self.static(_argument(node, 0, "key")))

    def _env_variable(self, node: ast.AST, key: Any) -> None:
        if isinstance(key, str) and _SECRET_ENV_NAME.search(key):
            self.facts.reads_secrets = True
            self.add([_harm(f"reads the secret environment variable {key}", 0.5, "low",
                            self.evidence(node), "secret_access")])

    def _reads_many(self, node: ast.Call, name: str) -> None:
        self.facts.reads_files = True

    def _dup2(self, node: ast.Call, name: str) -> None:
        self.facts.hands_over_io = True

    def _socket_connect(self, node: ast.Call, name: str) -> None:
        address = self.static(_argument(node, 0, "address"))
        host = address[0] if isinstance(address, list) and address else None
        self.facts.connects.append((self.evidence(node), host if isinstance(host, str) else None))

    # ---- network -------------------------------------------------------------------------

    def _network(self, node: ast.Call, name: str) -> None:
        evidence = self.evidence(node)
        if name in ("http.client.HTTPConnection", "http.client.HTTPSConnection",
                    "smtplib.SMTP", "smtplib.SMTP_SSL", "ftplib.FTP", "ftplib.FTP_TLS"):
            host = self.static(_argument(node, 0, "host"))
            scheme = {"http.client.HTTPConnection": "http", "http.client.HTTPSConnection": "https",
                      "smtplib.SMTP": "smtp", "smtplib.SMTP_SSL": "smtp"}.get(name, "ftp")
            self._connection(scheme, host, evidence)
            return
        request = self._request_parts(node, name)
        if request is not None:
            self._request(*request, evidence, _keyword(node, "params"))

    def _connection(self, scheme: str, host: Any, evidence: str) -> None:
        if not isinstance(host, str):
            self.facts.sends.append((evidence, "a host chosen at run time"))
            self.add([_harm(f"opens a {scheme} connection to a host chosen at run time", 0.5,
                            "moderate", evidence, "exfiltration")])
            return
        if self._allowed(host):
            return
        self.facts.sends.append((evidence, host))
        if scheme in ("http", "https"):
            self.add(p for p in request_predictions("POST", f"{scheme}://{host}/", {}, "",
                                                   self.allowed_hosts, evidence)
                     if p.valence == "harm")
        else:
            self.add([_harm(f"opens a {scheme} connection to {host}, outside the allow list, "
                            "through which data can leave", 0.6, "moderate", evidence,
                            "exfiltration")])

    def _request_parts(
        self, node: ast.Call, name: str
    ) -> tuple[str, ast.expr | None, ast.expr | None, ast.expr | None] | None:
        """(method, url, body, headers) of a request call, or None if it is not one."""
        headers = _keyword(node, "headers")
        body = next((kw.value for kw in node.keywords if kw.arg in _BODY_KEYWORDS), None)
        verb = _HTTP_CALLS.get(name)
        if name == "urllib.request.urlopen":
            target = _argument(node, 0, "url")
            if isinstance(target, ast.Call) and (
                self.resolve(target.func) == "urllib.request.Request"
            ):
                return None  # reviewed at the Request(...) call
            body = _argument(node, 1, "data")
            return ("POST" if body is not None else "GET"), target, body, None
        if name == "urllib.request.Request":
            body = _argument(node, 1, "data")
            headers = _argument(node, 2, "headers")
            method = self.static(_keyword(node, "method"))
            default = "POST" if body is not None else "GET"
            return (method if isinstance(method, str) else default), _argument(node, 0, "url"), (
                body), headers
        if verb == "*":
            method = self.static(_argument(node, 0, "method"))
            return (method if isinstance(method, str) else "POST"), _argument(node, 1, "url"), (
                body), headers
        if verb is not None:
            return verb, _argument(node, 0, "url"), body, headers
        return None

    def _request(
        self,
        method: str,
        url_node: ast.expr | None,
        body_node: ast.expr | None,
        headers_node: ast.expr | None,
        evidence: str,
        params_node: ast.expr | None = None,
    ) -> None:
        method = method.upper()
        body = self._text_of(body_node)
        headers = self._headers(headers_node)
        # Query parameters computed at run time can carry data out as well as a body can.
        runtime_params = params_node is not None and self.static(params_node) is UNKNOWN
        sends = bool(body) or method not in READ_METHODS or runtime_params
        url = self.static(url_node)
        if isinstance(url, bytes):
            url = url.decode("utf-8", "replace")
        if not isinstance(url, str):
            if sends:
                self.facts.sends.append((evidence, "a URL chosen at run time"))
                self.add([_harm("sends data to a URL chosen at run time", 0.5, "moderate",
                                evidence, "exfiltration")])
            else:
                self.add([_harm("fetches a URL chosen at run time", 0.5, "low", evidence,
                                "exfiltration", reversible=True)])
            return
        parts = split_url(url)
        host = (parts.hostname or "") if parts else ""
        if sends and not self._allowed(host):
            self.facts.sends.append((evidence, host or url))
        self.add(p for p in request_predictions(method, url, headers, body, self.allowed_hosts,
                                                evidence)
                 if p.valence == "harm")

    def _text_of(self, node: ast.expr | None) -> str:
        """A request body: its value where known, else its source text (non-empty)."""
        if node is None:
            return ""
        value = self.static(node)
        if isinstance(value, bytes):
            return value.decode("utf-8", "replace")
        if isinstance(value, str):
            return value
        return self.source.segment(node) or "<data>"

    def _headers(self, node: ast.expr | None) -> dict[str, str]:
        if not isinstance(node, ast.Dict):
            return {}
        out: dict[str, str] = {}
        for key, value in zip(node.keys, node.values, strict=True):
            name = self.static(key) if key is not None else UNKNOWN
            if isinstance(name, str):
                known = self.static(value)
                out[name] = known if isinstance(known, str) else (
                    self.source.segment(value) or "<value>")
        return out

    def _allowed(self, host: str) -> bool:
        host = host.lower().rstrip(".")
        return bool(host) and (is_internal(host) or host_allowed(host, self.allowed_hosts))

    def _method_call(self, node: ast.Call, name: str | None = None) -> None:
        """Calls on objects whose type is not tracked: sessions, sockets, paths."""
        func = node.func
        if not isinstance(func, ast.Attribute):
            return
        attr = func.attr
        if attr in _PATH_METHODS and self._is_path(func.value):
            self._path_method(node, attr, self.static(func.value))
            return
        on_socket = self.uses_socket and (name is None or name.startswith("socket."))
        if on_socket and attr in ("connect", "connect_ex", "sendto"):
            argument = _argument(node, 1 if attr == "sendto" else 0, "address")
            if isinstance(argument, (ast.Tuple, ast.Name, ast.Attribute)):
                address = self.static(argument)
                host = address[0] if isinstance(address, list) and address else None
                self.facts.connects.append(
                    (self.evidence(node), host if isinstance(host, str) else None))
            return
        if on_socket and attr == "listen":
            self.facts.listens.append(self.evidence(node))
            return
        if attr in _HTTP_VERBS or attr in ("request", "stream"):
            first = self.static(node.args[0]) if node.args else UNKNOWN
            body = next((kw.value for kw in node.keywords if kw.arg in _BODY_KEYWORDS), None)
            headers = _keyword(node, "headers")
            if attr in _HTTP_VERBS and isinstance(first, str) and first.startswith(_WEB):
                self._request(attr.upper(), node.args[0], body, headers, self.evidence(node),
                              _keyword(node, "params"))
            elif attr in ("request", "stream") and len(node.args) >= 2:
                url = self.static(node.args[1])
                if isinstance(first, str) and isinstance(url, str) and url.startswith(_WEB):
                    self._request(first, node.args[1], body, headers, self.evidence(node),
                                  _keyword(node, "params"))

    def _is_path(self, node: ast.AST, depth: int = 0) -> bool:
        if depth > 10:
            return False
        if isinstance(node, ast.Call):
            name = self.resolve(node.func)
            return name in _PATH_CONSTRUCTORS or name in ("pathlib.Path.home", "pathlib.Path.cwd")
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div):
            return self._is_path(node.left, depth + 1)
        if isinstance(node, ast.Name):
            values = self._values_of(node.id)
            return bool(values) and all(self._is_path(v, depth + 1) for v in values)
        return False

    def _path_method(self, node: ast.Call, attr: str, path: Any) -> None:
        if attr in ("read_text", "read_bytes"):
            self._touch_path(node, path, writing=False, replaces=False)
        elif attr in ("write_text", "write_bytes"):
            self._touch_path(node, path, writing=True, replaces=True)
        elif attr == "open":
            mode = self.static(_argument(node, 0, "mode")) if (node.args or node.keywords) else "r"
            writing = isinstance(mode, str) and any(c in mode for c in "wax+")
            self._touch_path(node, path, writing=writing,
                             replaces=isinstance(mode, str) and "w" in mode)
        elif attr in ("unlink", "rmdir"):
            self._delete_path(node, path, False, f"Path.{attr}")
        elif attr == "chmod":
            self._set_mode(node, path, _argument(node, 0, "mode"))
        elif attr in ("rename", "replace"):
            target = self.static(_argument(node, 0, "target"))
            if isinstance(target, str):
                self.add(write_predictions(target, self.evidence(node), replaces_file=True))

    # ---- other nodes ---------------------------------------------------------------------

    def _loop(self, node: ast.While | ast.For) -> None:
        if isinstance(node, ast.While):
            test = self.static(node.test)
            endless = test is not UNKNOWN and bool(test)
        else:
            count = self.static(node.iter.args[0]) if (
                isinstance(node.iter, ast.Call) and self.resolve(node.iter.func) == "range"
                and len(node.iter.args) == 1
            ) else UNKNOWN
            endless = isinstance(count, int) and count >= 1000
        if not endless:
            return
        body = [sub for stmt in node.body for sub in ast.walk(stmt)]
        exits = any(isinstance(s, (ast.Break, ast.Return)) for s in body)
        if isinstance(node, ast.While) and exits:
            return
        calls = {self.resolve(s.func) for s in body if isinstance(s, ast.Call)}
        evidence = self.evidence_text(self.source.segment(node).split("\n", 1)[0])
        if calls & _FORKS:
            self.add([_harm("forks processes without end (a fork bomb): the machine stops "
                            "responding", 0.9, "critical", evidence, "resource_abuse",
                            reversible=True)])
        elif calls & _SPAWNS_IN_LOOP:
            self.add([_harm("starts processes in an endless loop, exhausting the machine", 0.6,
                            "high", evidence, "resource_abuse", reversible=True)])

    def _environ(self, node: ast.AST) -> None:
        parent = self.parents.get(node)
        if isinstance(parent, ast.Subscript) and parent.value is node:
            if isinstance(parent.ctx, ast.Load):
                self._env_variable(parent, self.static(parent.slice))
            return
        if isinstance(parent, ast.Attribute) and parent.value is node:
            if parent.attr in ("items", "keys", "values"):
                self._environment_dump(parent)
            return
        dumped = (
            (isinstance(parent, ast.Call) and node in parent.args
             and self.resolve(parent.func) in _ENV_DUMPERS)
            or (isinstance(parent, (ast.For, ast.comprehension)) and parent.iter is node)
            or isinstance(parent, (ast.Expr, ast.FormattedValue))
        )
        if dumped:
            self._environment_dump(parent if parent is not None else node)

    def _environment_dump(self, node: ast.AST) -> None:
        self.facts.dumps_environment = True
        self.add([_harm("reads the whole environment, where API tokens and passwords live",
                        0.4, "moderate", self.evidence(node), "secret_access")])

    def _constant(self, node: ast.Constant) -> None:
        text = node.value
        if len(text) > 200 or not any(name in text for name in _PRELOAD_NAMES):
            return
        if text in _PRELOAD_NAMES or any(f"{name}=" in text for name in _PRELOAD_NAMES):
            self.add([_harm("sets LD_PRELOAD, injecting a library into the programs it starts",
                            0.8, "high", self.evidence(node), "privilege_escalation",
                            reversible=True)])

    # ---- conclusions over the whole program -----------------------------------------------

    def conclusions(self) -> list[Prediction]:
        facts, out = self.facts, []
        shell_io = facts.hands_over_io
        for evidence, host in facts.connects:
            if shell_io:
                out.append(_harm(f"opens a remote shell: connects to {host or 'a remote host'} "
                                 "and hands it a command interpreter", 0.95, "critical",
                                 evidence, "remote_shell"))
                break
            if host is None or not self._allowed(host):
                raw = host is not None and parse_ip(host) is not None
                exfil = host is not None and is_exfiltration_site(host)
                out.append(_harm(f"opens a raw connection to {host or 'a host chosen at run time'}"
                                 ", outside the allow list", 0.6 + (0.3 if raw or exfil else 0),
                                 "moderate", evidence, "exfiltration"))
                facts.sends.append((evidence, host or "a remote host"))
        if facts.listens and shell_io:
            out.append(_harm("opens a bind shell: listens for connections and hands them a "
                             "command interpreter", 0.9, "critical", facts.listens[0],
                             "remote_shell"))
        elif facts.listens:
            out.append(_harm("opens a listening network port", 0.5, "low", facts.listens[0],
                             "remote_shell", reversible=True))
        local = facts.reads_files or facts.reads_secrets or facts.dumps_environment
        if facts.sends and local:
            evidence, where = facts.sends[0]
            what = "secrets" if facts.reads_secrets or facts.dumps_environment else "files"
            out.append(_harm(f"reads local {what} and sends data to {where}", 0.8, "high",
                             evidence, "exfiltration"))
        return out


_SHELL_CELL = re.compile(r"^%%(?:bash|sh|script\s+(?:ba|z|da)?sh)\b")
_SHELL_MAGIC = re.compile(r"^(?:!!?|%(?:sx|system)\s)\s*(.*)$", re.S)
_SHELLS = frozenset({"sh", "bash", "zsh", "dash", "ksh", "csh", "tcsh", "fish", "ash", "busybox"})


def _is_interactive_shell(command: str | None) -> bool:
    """``/bin/sh -i``, ``bash``: a shell that reads its commands from stdin."""
    if not command:
        return False
    words = command.split()
    return posixpath.basename(words[0]) in _SHELLS and "-c" not in words


def _shell_predictor() -> Callable[[str], list[Prediction]] | None:
    # Imported late: the shell reviewer is a sibling package, and this reviewer must still
    # work (fail safe, not crash) where it cannot be imported.
    try:
        from forethought.review.shell import shell_predictions
    except ImportError:
        return None
    return shell_predictions  # type: ignore[no-any-return]


# The Policy's default weights, used here only to order predictions for the cap.
_WEIGHT: dict[str, float] = {"negligible": 0.1, "low": 1, "moderate": 3, "high": 10,
                             "critical": 30}


def code_predictions(code: str, allowed_hosts: Sequence[str] = ()) -> list[Prediction]:
    """Harm and benefit predictions for ``code``. Raises CodeTooLarge past MAX_CODE_CHARS."""
    if len(code) > MAX_CODE_CHARS:
        raise CodeTooLarge(f"code is {len(code)} characters; at most {MAX_CODE_CHARS} are reviewed")
    analysis = _Analysis(code, allowed_hosts)
    try:
        harms = analysis.run()
        harms += analysis.conclusions()
    except RecursionError:
        harms = [_harm("the code is nested too deeply to review", 0.6, "high", clip(code),
                       "unknown_code")]
    merged = merge_similar(harms)
    merged.sort(key=lambda p: -p.probability * _WEIGHT[p.severity] * (1 if p.reversible else 3))
    benefit = Prediction("runs the requested Python code", "benefit", 0.6, "moderate", True,
                         clip(code.strip().split("\n", 1)[0], 80), "benign")
    return [*merged[:MAX_PREDICTIONS], benefit]


class PythonReviewer:
    """Reviews ``python`` actions by reading their syntax tree."""

    name = "python"
    version = "1.0"
    inline = True

    def __init__(self, allowed_hosts: Sequence[str] = ()) -> None:
        self.allowed_hosts = tuple(allowed_hosts)

    def applies(self, proposal: Proposal) -> bool:
        return proposal.action.kind == "python"

    def review(self, proposal: Proposal) -> Review:
        code = str(proposal.action.args.get("code") or "")
        predictions = code_predictions(code, self.allowed_hosts)
        return Review.of(self.name, self.version, predictions,
                         summarise(predictions, "Python code with nothing to object to."))
