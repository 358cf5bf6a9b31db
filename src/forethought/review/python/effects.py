"""What the code does, in the effect vocabulary (:mod:`forethought.review.effects`): each
operation on a typed resource is recorded in the review's Facts and graded by the one effect
table, like the shell reviewer's. Paths are typed as the shell reviewer types them
(``resource_of_path``); a path partly known before the run (``f"/proc/{pid}/mem"``) is typed by
its known parts, and one known only at run time is uncertainty, not safety.
"""

from __future__ import annotations

import ast
import functools
import posixpath
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, cast

from forethought.review.base import Severity
from forethought.review.effects import Effect, Operation, Resource
from forethought.review.http import METADATA_HOSTS, is_internal
from forethought.review.python.syntax import argument
from forethought.review.python.tables import PATH_CONSTRUCTORS
from forethought.review.python.values import UNKNOWN

if TYPE_CHECKING:
    from forethought.review.python.analysis import Analysis

# How uncertain each blind spot makes the verdict (the shell reviewer's scale).
DYNAMIC_TARGET = 0.6  # a file changed or removed whose path only the run knows
DYNAMIC_WRITE = 0.4  # a file written whose path only the run knows
DYNAMIC_CODE = 0.8  # a command or code built at run time
HIDDEN_CODE = 0.9  # code the reviewer could not decode

RUN_TIME = "*"  # the parts of a path only the run knows

_SAME_PATH = frozenset({
    "os.path.expanduser", "os.path.expandvars", "os.path.abspath", "os.path.normpath",
    "os.path.realpath", "str", "os.fsdecode", "os.fspath",
})
# Files where keys and credentials are kept, as a search names them (os.walk ... == "id_rsa").
_CREDENTIAL_NAME = re.compile(
    r"(?i)(?:^|[/*])(?:id_(?:rsa|dsa|ecdsa|ed25519|\*)(?:\.pub)?|credentials(?:\.json)?|"
    r"\.git-credentials|\.netrc|\.pgpass|wallet\.dat|[\w*.-]*\.(?:kdbx|pem|ppk|p12|pfx|key|"
    r"keystore|jks|gpg|asc)|authorized_keys|known_hosts|\.ssh|\.aws|\.gnupg|secring\.gpg|"
    r"\.docker/config\.json|\.kube/config|shadow)$"
)
_SEARCHES = frozenset({"rglob", "glob", "iglob", "walk", "scandir", "listdir"})
_MATCHES = frozenset({"endswith", "startswith", "fnmatch", "match", "search", "fullmatch"})
# Services whose loss blinds or locks out the machine's owners, besides the security agents.
_CRITICAL_EXTRA = re.compile(r"^(?:sshd?|cron|crond|systemd|init|dbus(?:-daemon)?|containerd)$")
_EXECUTABLE_MEMORY = frozenset({
    "mmap.PROT_EXEC", "mprotect", "VirtualAlloc", "VirtualAllocEx", "VirtualProtect",
    "CreateRemoteThread", "CreateThread", "NtCreateThreadEx", "RtlMoveMemory",
})


@functools.cache
def _resource_of_path() -> Callable[[str, str], str] | None:
    # Imported late: the shell reviewer is a sibling package (see shell_verdicts).
    try:
        from forethought.review.shell.catalogue import resource_of_path
    except ImportError:
        return None
    return cast(Callable[[str, str], str], resource_of_path)


def resource_of(path: str, op: str) -> Resource:
    """What kind of resource ``path`` is, for ``op``; a path whose start only the run knows is
    ``unknown``."""
    if not path or path.startswith(RUN_TIME):
        return "unknown"
    typed = _resource_of_path()
    return cast(Resource, typed(path, op)) if typed is not None else "unknown"


def add(
    a: Analysis,
    op: Operation,
    resource: Resource,
    target: str,
    evidence: str,
    *,
    what: str = "",
    severity: Severity | None = None,
    probability: float | None = None,
    reversible: bool | None = None,
) -> None:
    a.facts.effects.append(Effect(op=op, resource=resource, target=target, evidence=evidence,
                                  what=what, severity=severity, probability=probability,
                                  reversible=reversible))


def on_path(a: Analysis, op: Operation, path: str, evidence: str) -> Resource:
    """The effect of ``op`` on ``path`` (a write to /etc/passwd is an account change)."""
    resource = resource_of(path, op)
    if resource == "account" and op in ("write", "append", "truncate", "delete"):
        op = "account"
    if resource != "unknown":
        add(a, op, resource, path, evidence)
    return resource


def uncertain(a: Analysis, share: float, reason: str) -> None:
    a.facts.uncertain.append((share, reason))


def path_text(value: Any) -> str | None:
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    return value if isinstance(value, str) else None


def pattern(a: Analysis, node: ast.AST | None, depth: int = 0) -> str:
    """``node``'s path with the parts only the run knows as ``*`` (``/proc/*/mem``)."""
    if node is None or depth > 12:
        return RUN_TIME
    known = path_text(a.static(node))
    if known is not None:
        return known
    site = _site_directory(a, node)
    if site is not None:
        return site
    if isinstance(node, ast.JoinedStr):
        parts = []
        for v in node.values:
            inner = v.value if isinstance(v, ast.FormattedValue) else v
            text = path_text(a.static(inner))
            parts.append(text if text is not None else RUN_TIME)
        return _squeeze("".join(parts))
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Div)):
        left, right = pattern(a, node.left, depth + 1), pattern(a, node.right, depth + 1)
        joined = posixpath.join(left, right) if isinstance(node.op, ast.Div) else left + right
        return _squeeze(joined)
    if isinstance(node, ast.Call):
        func = a.resolve(node.func)
        if func == "os.path.join" or func in PATH_CONSTRUCTORS:
            if not node.args or any(isinstance(x, ast.Starred) for x in node.args):
                return RUN_TIME
            return _squeeze(posixpath.join(*(pattern(a, x, depth + 1) for x in node.args)))
        if func in _SAME_PATH and len(node.args) == 1:
            return pattern(a, node.args[0], depth + 1)
        if isinstance(node.func, ast.Attribute) and node.func.attr == "format":
            template = path_text(a.static(node.func.value))
            if template is not None:
                return _squeeze(re.sub(r"\{[^{}]*\}", RUN_TIME, template))
    if isinstance(node, ast.Name):
        values = a.names.values_of(node.id)
        if len(values) == 1:
            return pattern(a, values[0], depth + 1)
        source = _loops(a).get(node.id)
        if source is not None:
            return _listed(a, source, depth + 1)
    return RUN_TIME


# Where the interpreter looks for packages (and runs the .pth files it finds at every start):
# the calls and names that give those directories, and a representative path for each.
_SITE_CALLS: dict[str, str] = {
    "site.getsitepackages": "/usr/lib/python3/site-packages",
    "site.getusersitepackages": "~/.local/lib/python3/site-packages",
    "sysconfig.get_paths": "/usr/lib/python3/site-packages",
    "sysconfig.get_path": "/usr/lib/python3/site-packages",
    "distutils.sysconfig.get_python_lib": "/usr/lib/python3/site-packages",
    "setuptools.distutils.sysconfig.get_python_lib": "/usr/lib/python3/site-packages",
}
_SITE_NAMES: dict[str, str] = {
    "site.USER_SITE": "~/.local/lib/python3/site-packages",
}
_SITE_KEYS = frozenset({"purelib", "platlib"})


def _site_directory(a: Analysis, node: ast.AST) -> str | None:
    """A site-packages directory, for the calls that return one (``site.getsitepackages()[0]``,
    ``sysconfig.get_paths()['purelib']``, ``site.USER_SITE``)."""
    if isinstance(node, ast.Subscript):
        inner = node.value
        if isinstance(inner, ast.Call) and a.resolve(inner.func) in _SITE_CALLS:
            key = a.static(node.slice)
            if a.resolve(inner.func) == "sysconfig.get_paths" and key not in _SITE_KEYS:
                return None
            return _SITE_CALLS[a.resolve(inner.func) or ""]
        return None
    if isinstance(node, ast.Call):
        name = a.resolve(node.func)
        if name == "sysconfig.get_path":
            return _SITE_CALLS[name] if a.static(argument(node, 0, "name")) in _SITE_KEYS else None
        if name in _SITE_CALLS and name != "sysconfig.get_paths":
            return _SITE_CALLS[name]
        return None
    if isinstance(node, (ast.Attribute, ast.Name)):
        return _SITE_NAMES.get(a.resolve(node) or "")
    return None


_LISTINGS = frozenset({"glob.glob", "glob.iglob", "os.listdir", "os.scandir", "os.walk"})


def _loops(a: Analysis) -> dict[str, ast.Call]:
    """Loop variables that take the entries of a listing (``for f in glob.glob(...)``,
    ``for root, dirs, files in os.walk(...)``), each with its listing."""
    if a.loops is None:
        a.loops = {}
        for node in a.nodes:
            if not isinstance(node, (ast.For, ast.comprehension)):
                continue
            listing = node.iter
            if not isinstance(listing, ast.Call):
                continue
            name = a.resolve(listing.func)
            is_glob = isinstance(listing.func, ast.Attribute) and listing.func.attr in (
                "glob", "rglob", "iterdir"
            )
            if name not in _LISTINGS and not is_glob:
                continue
            target = node.target
            if isinstance(target, ast.Tuple) and target.elts and name == "os.walk":
                target = target.elts[0]
            if isinstance(target, ast.Name):
                a.loops[target.id] = listing
    return a.loops


def loop_listing(a: Analysis, name: str) -> ast.Call | None:
    return _loops(a).get(name) if a.nodes else None


def _listed(a: Analysis, listing: ast.Call, depth: int) -> str:
    """The paths a listing yields, as a pattern (``~/Documents/*``)."""
    name = a.resolve(listing.func)
    first = listing.args[0] if listing.args else None
    if name in ("glob.glob", "glob.iglob"):
        return pattern(a, first, depth)
    if name in ("os.listdir", "os.scandir", "os.walk"):
        return _squeeze(posixpath.join(pattern(a, first, depth) if first else ".", RUN_TIME))
    if isinstance(listing.func, ast.Attribute):  # Path(...).glob('*.log'), .rglob, .iterdir
        base = pattern(a, listing.func.value, depth)
        tail = path_text(a.static(first)) if first is not None else RUN_TIME
        return _squeeze(posixpath.join(base, tail or RUN_TIME))
    return RUN_TIME


def _squeeze(path: str) -> str:
    return re.sub(r"\*+", RUN_TIME, path)


# ---- processes ---------------------------------------------------------------------------


@functools.cache
def _security_services() -> re.Pattern[str] | None:
    try:
        from forethought.review.shell.rules.evasion import SECURITY_SERVICES
    except ImportError:
        return None
    return SECURITY_SERVICES


def _critical_names(a: Analysis) -> list[str]:
    """The services the code names that the machine's security or access depends on."""
    services = _security_services()
    found = []
    for node in a.nodes:
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and (
            len(node.value) < 40
        ):
            name = node.value.strip()
            if _CRITICAL_EXTRA.match(name) or (services is not None and services.match(name)):
                found.append(name)
    return found


def signal(a: Analysis, node: ast.Call, name: str) -> None:
    """``os.kill``, ``os.killpg``, ``signal.pthread_kill``: a signal to a process."""
    pid = a.static(argument(node, 0, "pid", "pgid", "thread_id"))
    sig = a.static(argument(node, 1, "sig", "signalnum"))
    if sig == 0:
        return  # asks whether the process exists
    _signalled(a, a.evidence(node), pid)


def process_method(a: Analysis, node: ast.Call, attr: str) -> None:
    """``proc.kill()``, ``proc.terminate()`` on a psutil process: usually in a loop over all."""
    _signalled(a, a.evidence(node), UNKNOWN)


def _signalled(a: Analysis, evidence: str, pid: Any) -> None:
    critical = _critical_names(a)
    if pid in (1, -1):
        what = "kills init (pid 1)" if pid == 1 else "signals every process it may (pid -1)"
        add(a, "signal", "critical_service", "", evidence,
            what=f"{what}, taking the system down")
    elif critical:
        add(a, "signal", "critical_service", critical[0], evidence)
    else:
        add(a, "signal", "process", "", evidence)


# ---- native code, the kernel, packages ----------------------------------------------------


def native_method(a: Analysis, node: ast.Call, attr: str) -> None:
    """Methods of native libraries: loading a kernel module, making memory executable."""
    evidence = a.evidence(node)
    if attr in ("init_module", "finit_module"):
        add(a, "kernel_load", "kernel", attr, evidence)
    elif attr in ("WriteProcessMemory", "process_vm_writev", "ptrace"):
        add(a, "write", "process_memory", attr, evidence, severity="critical",
            probability=0.85, reversible=False,
            what="writes into another process's memory (code injection)")
    elif attr in _EXECUTABLE_MEMORY:
        executable_memory(a, node)


def executable_memory(a: Analysis, node: ast.AST) -> None:
    add(a, "execute", "unknown", "", a.evidence(node), severity="high", probability=0.85,
        reversible=False,
        what="runs machine code it places in executable memory (shellcode); nothing reviews it")


def is_executable_memory(name: str | None) -> bool:
    return name == "mmap.PROT_EXEC"


def keyring(a: Analysis, node: ast.Call, name: str) -> None:
    add(a, "read", "credential", "the user's keyring", a.evidence(node), severity="moderate",
        what="reads a password from the user's keyring")


def pip_main(a: Analysis, node: ast.Call, name: str) -> None:
    """``pip.main(['install', ...])``: an install judged as the command line would be."""
    args = a.static(argument(node, 0, "args"))
    evidence = a.evidence(node)
    if isinstance(args, list) and all(isinstance(x, str) for x in args):
        import shlex

        a.add(a.shell("pip " + shlex.join(args), evidence, f"from Python via {name}"))
    else:
        uncertain(a, DYNAMIC_CODE, f"`{name}` runs pip with arguments known only at run time")


# ---- the network --------------------------------------------------------------------------


def connect(a: Analysis, host: str, evidence: str) -> None:
    host = host.lower().rstrip(".")
    if host in METADATA_HOSTS:
        add(a, "connect", "metadata_endpoint", host, evidence)
    elif a.program.allows(host):
        add(a, "connect", "network_allowed", host, evidence)
    else:
        add(a, "connect", "network_outside", host, evidence)


def listen(a: Analysis, host: str, evidence: str) -> None:
    """A server bound to ``host``: this machine only, or every interface."""
    everyone = host in ("", "0.0.0.0", "::", "0:0:0:0:0:0:0:0")
    inside = not everyone and is_internal(host)
    add(a, "listen", "network_allowed" if inside else "network_outside", host or "0.0.0.0",
        evidence)


def server(a: Analysis, node: ast.Call, name: str) -> None:
    """``http.server.HTTPServer((host, port), Handler)`` and socketserver's servers."""
    address = a.static(argument(node, 0, "server_address"))
    evidence = a.evidence(node)
    a.facts.listens.append(evidence)
    if isinstance(address, list) and address and isinstance(address[0], str):
        listen(a, address[0], evidence)
    else:
        uncertain(a, DYNAMIC_TARGET, f"`{name}` listens on an address known only at run time")


# ---- searches for credentials -------------------------------------------------------------


def searches(a: Analysis) -> None:
    """A walk or glob that looks for key and credential files by name: discovery."""
    walk: ast.Call | None = None
    names: list[str] = []
    for node in a.nodes:
        if isinstance(node, ast.Call):
            func = a.resolve(node.func) or ""
            attr = node.func.attr if isinstance(node.func, ast.Attribute) else func
            last = func.rsplit(".", 1)[-1] if func else attr
            if last in _SEARCHES or attr in _SEARCHES:
                walk = walk or node
                names += _strings(a, node.args)
            elif attr in _MATCHES:
                names += _strings(a, [*node.args, node.func.value]
                                  if isinstance(node.func, ast.Attribute) else node.args)
        elif isinstance(node, ast.Compare):
            names += _strings(a, [node.left, *node.comparators])
    if walk is None:
        return
    # a search of the project itself is the project's business (the shell reviewer's rule)
    root, known = _search_root(a, walk)
    if not root.startswith(("/", "~") if known else ("/", "~", RUN_TIME)):
        return
    evidence = a.evidence(walk)
    for text in names:
        if text.startswith("/proc/") and resource_of(text, "read") == "process_memory":
            add(a, "read", "process_memory", text, evidence)
            return
        if _CREDENTIAL_NAME.search(text.rstrip("/")):
            add(a, "discover", "credential", text, evidence)
            return


def _search_root(a: Analysis, walk: ast.Call) -> tuple[str, bool]:
    """Where a search starts, its directory or glob pattern (``Path.home().rglob``: ``~``), and
    whether it is known before the run (a glob's own ``*`` is not the unknown)."""
    name = a.resolve(walk.func) or ""
    if name.startswith(("glob.", "os.")) or not isinstance(walk.func, ast.Attribute):
        if not walk.args:
            return ".", True  # os.listdir() lists the working directory
        known = path_text(a.static(walk.args[0]))
        return (known, True) if known is not None else (pattern(a, walk.args[0]), False)
    return pattern(a, walk.func.value), False  # Path(...).rglob(name): the path searched


def _strings(a: Analysis, nodes: list[ast.expr]) -> list[str]:
    out: list[str] = []
    for node in nodes:
        for sub in ast.walk(node):
            if isinstance(sub, (ast.Constant, ast.Name, ast.JoinedStr, ast.BinOp)):
                value = a.static(sub)
                if isinstance(value, str) and len(value) < 200:
                    out.append(value)
                elif isinstance(value, list):
                    out += [v for v in value if isinstance(v, str) and len(v) < 200]
    return out


# ---- capture, security controls, scheduling ----------------------------------------------


def capture(a: Analysis, node: ast.Call, name: str) -> None:
    from forethought.review.python.tables import CAPTURES

    add(a, "capture", cast(Resource, CAPTURES[name]), "", a.evidence(node))


def security_call(a: Analysis, node: ast.Call, name: str) -> None:
    """``selinux.security_setenforce(0)``: SELinux switched to permissive."""
    if a.static(argument(node, 0, "value")) != 1:
        add(a, "security_change", "security_control", "", a.evidence(node),
            what="switches SELinux to permissive (or sets it to a value known at run time)")


def scheduler(a: Analysis, node: ast.Call, name: str) -> None:
    """python-crontab: a job created and written is code scheduled to run later."""
    creates = any(isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute)
                  and n.func.attr == "new" for n in a.nodes)
    if creates:
        add(a, "schedule", "scheduled_task", "", a.evidence(node),
            what="adds a cron job: code that runs later, unreviewed")
