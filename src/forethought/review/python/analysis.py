"""The walk over one piece of code: each node that can do harm goes to the module that knows
its kind (processes, hidden_code, files, environment, network), which adds its predictions.

Code run through exec and notebook cells with magic lines are read by nested Analyses that share
the review's Program: the agent's own text, the allow list, and what is gathered across them.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from forethought.review.base import Prediction
from forethought.review.http import host_allowed, is_internal
from forethought.review.paths import clip
from forethought.review.python import (
    cloud,
    cloud_sdks,
    databases,
    effects,
    environment,
    files,
    hidden_code,
    network,
    notebook,
    processes,
    syntax,
    tables,
)
from forethought.review.python.findings import Facts, harm
from forethought.review.python.limits import MAX_RAW_PREDICTIONS
from forethought.review.python.names import Names
from forethought.review.python.shell_verdicts import ShellVerdicts
from forethought.review.python.syntax import Source
from forethought.review.python.values import DecodeBudget, Evaluator


@dataclass
class Program:
    """What one review shares across all the code it reads."""

    text: str  # the agent's own text: evidence is quoted from it
    allowed_hosts: Sequence[str]
    facts: Facts = field(default_factory=Facts)
    budget: DecodeBudget = field(default_factory=DecodeBudget)
    shell: ShellVerdicts = field(init=False)

    def __post_init__(self) -> None:
        self.shell = ShellVerdicts(self.allowed_hosts)

    def allows(self, host: str) -> bool:
        """Whether data may go to ``host``: an internal address, or one on the allow list."""
        host = host.lower().rstrip(".")
        return bool(host) and (is_internal(host) or host_allowed(host, self.allowed_hosts))


Handler = Callable[["Analysis", ast.Call, str], None]

_HANDLERS: dict[str, Handler] = {
    "getattr": hidden_code.computed_getattr,
    "os.dup2": processes.dup2,
    "socket.create_connection": network.create_connection,
    **dict.fromkeys(tables.PROCESS_FORMS, processes.process),
    **dict.fromkeys(tables.SETUIDS, processes.setuid),
    **dict.fromkeys(tables.CODE_RUNNERS, hidden_code.run_code),
    **dict.fromkeys(tables.DYNAMIC_IMPORTS, hidden_code.dynamic_import),
    **dict.fromkeys(tables.LIBRARY_LOADS, hidden_code.native_library),
    **dict.fromkeys(tables.DESERIALISERS, hidden_code.deserialise),
    **dict.fromkeys(tables.OPENS, files.open_call),
    **dict.fromkeys(tables.DELETES, files.delete),
    **dict.fromkeys(tables.COPIES, files.copy),
    **dict.fromkeys(tables.CHMODS, files.chmod),
    **dict.fromkeys(tables.READS_MANY, files.reads_many),
    **dict.fromkeys(tables.GETENV, environment.getenv),
    **dict.fromkeys(tables.SIGNALS, effects.signal),
    **dict.fromkeys(tables.CHOWNS, files.chown),
    **dict.fromkeys(tables.KEYRINGS, effects.keyring),
    **dict.fromkeys(tables.PIP_MAINS, effects.pip_main),
    **dict.fromkeys(tables.SERVERS, effects.server),
    **dict.fromkeys(tables.RUN_PATHS, hidden_code.run_path),
    **dict.fromkeys(tables.CAPTURES, effects.capture),
    **dict.fromkeys(tables.SECURITY_CALLS, effects.security_call),
    **dict.fromkeys(tables.SCHEDULERS, effects.scheduler),
    "os.truncate": files.truncate,
    "shutil.make_archive": files.make_archive,
}


def _handler(name: str) -> Handler | None:
    if name in _HANDLERS:
        return _HANDLERS[name]
    if name.startswith(tables.NATIVE_CALLS):
        return hidden_code.native_library
    if name in tables.HTTP_CALLS or name.startswith(tables.NETWORK_MODULES):
        return network.call
    return None


class Analysis:
    def __init__(
        self,
        code: str,
        program: Program,
        *,
        depth: int = 0,
        fallback_evidence: str = "",
        aliases: dict[str, str] | None = None,
    ) -> None:
        self.code = code
        self.program = program
        self.depth = depth
        # Code that is not the agent's own text (decoded, or a notebook cell with its magic
        # lines blanked): evidence from it must be checked against the agent's text.
        self.derived = code is not program.text
        self.fallback_evidence = fallback_evidence
        self.names = Names(aliases)
        evaluator = Evaluator(self.names, program.budget)
        self.resolve, self.static = evaluator.resolve, evaluator.static
        self.source = Source(code)
        self.parents: dict[ast.AST, ast.AST] = {}  # filled only where "environ" is in the code
        self.uses_socket = "socket" in code  # else .connect() and .listen() are not sockets
        self.uses_psutil = "psutil" in code  # else .kill() and .terminate() are not processes
        self.predictions: list[Prediction] = []
        self.nodes: list[ast.AST] = []
        # (call, path, value written) of writes whose file is known (files.collect_writes)
        self.writes: list[tuple[ast.AST, str, ast.expr | None]] = []
        self.searches = False  # the code lists directories or globs
        self.archives = "tarfile" in code or "zipfile" in code
        self.loops: dict[str, ast.Call] | None = None  # loop variables over listings

    @property
    def facts(self) -> Facts:
        return self.program.facts

    def run(self) -> list[Prediction]:
        try:
            tree = syntax.parse(self.code)
        except (SyntaxError, ValueError, OverflowError):
            return notebook.unparsable(self)
        except (RecursionError, MemoryError):
            return [harm("the code is nested too deeply to parse; it cannot be reviewed", 0.6,
                         "high", self.evidence_text(self.code), "unknown_code")]
        nodes = list(ast.walk(tree))
        self.nodes = nodes
        self.names.collect(nodes)
        if "environ" in self.code:
            self.parents = {child: node for node in nodes for child in ast.iter_child_nodes(node)}
        # References that are called, or bound to a plain name whose calls are resolved.
        followed = {id(n.func) for n in nodes if isinstance(n, ast.Call)}
        followed |= {id(v) for values in self.names.bindings.values() for v in values}
        for node in nodes:
            if len(self.predictions) > MAX_RAW_PREDICTIONS:
                break  # already far past blocking; the rest cannot lower the harm
            if isinstance(node, ast.Call):
                self._call(node)
            elif isinstance(node, (ast.While, ast.For)):
                processes.loop(self, node)
            elif isinstance(node, (ast.Attribute, ast.Name)):
                name = self.resolve(node) if isinstance(node.ctx, ast.Load) else None
                if name in tables.ENVIRON:
                    environment.environ(self, node)
                elif name in tables.INDIRECT_DANGER and id(node) not in followed:
                    hidden_code.passed_around(self, node, name)
                elif effects.is_executable_memory(name):
                    effects.executable_memory(self, node)
                elif name == "socket.AF_PACKET":
                    effects.add(self, "capture", "network_traffic", "", self.evidence(node),
                                what="opens a raw packet socket, which sees all traffic")
            elif isinstance(node, ast.Constant) and isinstance(node.value, str):
                environment.preload_string(self, node)
            elif isinstance(node, ast.Import):
                self.facts.imports += [(alias.name, self.evidence(node)) for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                self.facts.imports.append((node.module, self.evidence(node)))
        if "write" in self.code:
            files.collect_writes(self)
        files.settle_writes(self)
        if self.searches or "glob" in self.code or "walk" in self.code:
            effects.searches(self)
        network.unverified(self)
        if any(module in self.code for module in databases.MODULES):
            databases.scan(self)
        if any(module in self.code for module in cloud.MODULES):
            cloud.scan(self)
        if any(module in self.code for module in cloud_sdks.MODULES):
            cloud_sdks.scan(self)
        return self.predictions

    def _call(self, node: ast.Call) -> None:
        name = self.resolve(node.func)
        handler = _handler(name) if name is not None else None
        if name is not None and handler is not None:
            handler(self, node, name)
        elif isinstance(node.func, ast.Attribute):
            self._method_call(node.func, node, name)

    def _method_call(self, func: ast.Attribute, node: ast.Call, name: str | None) -> None:
        """Calls on objects whose type is not tracked: paths, sockets, sessions."""
        if func.attr in tables.PATH_METHODS and files.is_path(self, func.value):
            files.path_method(self, node, func.attr, self.static(func.value), func.value)
        elif func.attr in tables.PROCESS_METHODS and self.uses_psutil:
            effects.process_method(self, node, func.attr)
        elif func.attr in tables.NATIVE_METHODS:
            effects.native_method(self, node, func.attr)
        elif func.attr == "clipboard_get":
            effects.add(self, "capture", "clipboard", "", self.evidence(node))
        elif func.attr == "add" and self.archives:
            files.archived(self, node)
        elif processes.runs_remotely(self, func.attr):
            processes.remote_command(self, node, func.attr)
        else:
            network.method_call(self, node, func.attr, name)

    def review_nested(self, code: str, evidence: str, depth: int) -> list[Prediction]:
        """Predictions for ``code`` that this code runs; ``evidence`` stands in for quotes from
        it that are not in the agent's text."""
        return Analysis(code, self.program, depth=depth, fallback_evidence=evidence,
                        aliases=self.names.aliases).run()

    def shell(self, command: str, evidence: str, how: str) -> list[Prediction]:
        return self.program.shell.harms(command, evidence, how, self.program.text)

    def evidence_text(self, text: str) -> str:
        """``text`` if it can be found in the code as the agent wrote it, else the call that
        led here (code decoded from base64 is not in the agent's text)."""
        if not self.derived or (text and text in self.program.text):
            return clip(text)
        return clip(self.fallback_evidence)

    def evidence(self, node: ast.AST) -> str:
        return self.evidence_text(self.source.segment(node))

    def add(self, predictions: Iterable[Prediction]) -> None:
        self.predictions.extend(predictions)
