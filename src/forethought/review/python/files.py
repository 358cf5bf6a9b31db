"""Files: what the code opens, writes, deletes, copies and chmods, through the os, shutil and
io functions and through pathlib.Path methods; the paths catalogue says what each path is."""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, Any

from forethought.review import verification
from forethought.review.effects import Operation
from forethought.review.paths import clip, delete_predictions, read_predictions, write_predictions
from forethought.review.python import effects
from forethought.review.python.findings import harm
from forethought.review.python.limits import MAX_NESTING
from forethought.review.python.syntax import argument
from forethought.review.python.tables import DELETES, OPENS, OS_WRITE_FLAGS, PATH_CONSTRUCTORS
from forethought.review.python_startup import code_run_at_start, is_startup_path
from forethought.review.webshell import webshell_predictions

if TYPE_CHECKING:
    from forethought.review.python.analysis import Analysis

_PATH_FACTORIES = PATH_CONSTRUCTORS | {"pathlib.Path.home", "pathlib.Path.cwd"}


def _open_mode(a: Analysis, mode_node: ast.expr | None) -> tuple[bool, bool]:
    """(writes, replaces the file) for an open() mode; a mode unknown before the run reads."""
    mode = a.static(mode_node) if mode_node is not None else "r"
    if not isinstance(mode, str):
        return False, False
    return any(c in mode for c in "wax+"), "w" in mode


def open_call(a: Analysis, node: ast.Call, name: str) -> None:
    path_node = argument(node, 0, "file", "path")
    path = a.static(path_node)
    mode_node = argument(node, 1, "mode", "flags")
    if name == "os.open":
        writing = mode_node is not None and any(
            isinstance(sub, (ast.Attribute, ast.Name))
            and (a.resolve(sub) or "").rsplit(".", 1)[-1] in OS_WRITE_FLAGS
            for sub in ast.walk(mode_node)
        )
        replaces = writing
    elif name == "os.fdopen":
        return  # a descriptor opened before: its path was judged there
    else:
        writing, replaces = _open_mode(a, mode_node)
    touch_path(a, node, path, writing=writing, replaces=replaces, path_node=path_node)


def touch_path(
    a: Analysis,
    node: ast.AST,
    path: Any,
    *,
    writing: bool,
    replaces: bool,
    path_node: ast.AST | None = None,
) -> None:
    path = effects.path_text(path)
    evidence = a.evidence(node)
    known = path if path is not None else effects.pattern(a, path_node)
    if writing:
        if path is not None:
            a.add(write_predictions(path, evidence, replaces_file=replaces))
        # opening for writing empties the file: a log opened so is a log wiped
        op: Operation = "write" if replaces else "append"
        if replaces and effects.resource_of(known, "truncate") == "log":
            op = "truncate"
        if effects.on_path(a, op, known, evidence) == "unknown":
            effects.uncertain(a, effects.DYNAMIC_WRITE,
                              f"writes to a path known only at run time: {clip(evidence, 80)}")
        return
    a.facts.reads_files = True
    found = read_predictions(path, evidence) if path is not None else []
    if path is not None:
        a.facts.read_paths.append((path, evidence))
    if found:
        a.facts.reads_secrets = True
        a.facts.secrets_read.append(path or known)
        a.add(found)
    # what the path rules do not weigh: another process's memory, credentials found by pattern
    resource = effects.resource_of(known, "read")
    if resource in ("process_memory", "process_map") or (resource == "credential" and not found
                                                         and known.startswith(("/", "~"))):
        a.facts.reads_secrets = True
        effects.add(a, "read", resource, known, evidence)


def delete(a: Analysis, node: ast.Call, name: str) -> None:
    path_node = argument(node, 0, "path")
    _delete_path(a, node, a.static(path_node), DELETES[name], name, path_node)


def _delete_path(
    a: Analysis, node: ast.AST, path: Any, recursive: bool, name: str,
    path_node: ast.AST | None = None,
) -> None:
    evidence = a.evidence(node)
    path = effects.path_text(path)
    known = path if path is not None else effects.pattern(a, path_node)
    if effects.on_path(a, "delete", known, evidence) == "unknown":
        effects.uncertain(a, effects.DYNAMIC_TARGET,
                          f"`{name}` removes a path known only at run time")
    if isinstance(path, str):
        a.add(delete_predictions(path, evidence, recursive=recursive))
        a.add(verification.deletion_predictions(path, evidence))
    elif recursive:
        a.add([harm(f"deletes a directory tree chosen at run time ({name})", 0.5, "moderate",
                    evidence, "destructive")])
    else:
        a.add([harm(f"deletes a file chosen at run time ({name})", 0.5, "low", evidence,
                    "destructive")])


def copy(a: Analysis, node: ast.Call, name: str) -> None:
    source_node, target_node = argument(node, 0, "src"), argument(node, 1, "dst")
    source = effects.path_text(a.static(source_node))
    target = effects.path_text(a.static(target_node))
    touch_path(a, node, source, writing=False, replaces=False, path_node=source_node)
    evidence = a.evidence(node)
    known = target if target is not None else effects.pattern(a, target_node)
    if effects.on_path(a, "write", known, evidence) == "unknown":
        effects.uncertain(a, effects.DYNAMIC_WRITE,
                          f"`{name}` writes to a path known only at run time")
    if target is None:
        return
    a.add(write_predictions(target, evidence, replaces_file=True))
    if source is not None:
        secret = _secret(source)
        if secret:
            a.facts.secret_copies[target] = source
        elif source in a.facts.written:  # a copy of what this code wrote
            a.facts.written[target] = a.facts.written[source]


def _secret(path: str) -> bool:
    from forethought.review.paths import credential_store, worst

    return bool(worst(path, "secret", loose=True) or credential_store(path))


def chmod(a: Analysis, node: ast.Call, name: str) -> None:
    path_node = argument(node, 0, "path")
    _set_mode(a, node, a.static(path_node), argument(node, 1, "mode"), path_node)


def chown(a: Analysis, node: ast.Call, name: str) -> None:
    """``os.chown(path, uid, gid)``, ``shutil.chown(path, user, group)``."""
    path_node = argument(node, 0, "path")
    path = effects.path_text(a.static(path_node))
    known = path if path is not None else effects.pattern(a, path_node)
    owner = a.static(argument(node, 1, "uid", "user"))
    evidence = a.evidence(node)
    resource = effects.resource_of(known, "chown")
    if resource == "unknown":
        effects.uncertain(a, effects.DYNAMIC_TARGET,
                          f"`{name}` changes the owner of a path known only at run time")
        return
    if owner in (0, "root") and resource not in ("whole_system", "system_binary"):
        # a file given to root: with a setuid bit, a way to root for whoever runs it
        effects.add(a, "chown", resource, known, evidence, severity="moderate",
                    probability=0.5, reversible=True, what="gives a file to root")
    else:
        effects.add(a, "chown", resource, known, evidence)


def truncate(a: Analysis, node: ast.Call, name: str) -> None:
    """``os.truncate(path, 0)``: the file is emptied."""
    path_node = argument(node, 0, "path")
    path = effects.path_text(a.static(path_node))
    known = path if path is not None else effects.pattern(a, path_node)
    if effects.on_path(a, "truncate", known, a.evidence(node)) == "unknown":
        effects.uncertain(a, effects.DYNAMIC_TARGET,
                          f"`{name}` empties a path known only at run time")


_EXEC_BITS = frozenset({"stat.S_IEXEC", "stat.S_IXUSR", "stat.S_IXGRP", "stat.S_IXOTH",
                        "stat.S_IRWXU"})


def _set_mode(
    a: Analysis, node: ast.AST, path: Any, mode_node: ast.expr | None,
    path_node: ast.AST | None = None,
) -> None:
    evidence = a.evidence(node)
    path = effects.path_text(path)
    known = path if path is not None else effects.pattern(a, path_node)
    mode = a.static(mode_node)
    names = {a.resolve(s) for s in ast.walk(mode_node)} if mode_node is not None else set()
    setuid = (isinstance(mode, int) and mode & 0o6000) or bool(
        names & {"stat.S_ISUID", "stat.S_ISGID"}
    )
    if (isinstance(mode, int) and mode & 0o111) or names & _EXEC_BITS:
        a.facts.executable.add(known)
    resource = effects.resource_of(known, "setuid" if setuid else "chmod")
    if resource != "unknown":
        effects.add(a, "setuid" if setuid else "chmod", resource, known, evidence)
    elif setuid or not isinstance(mode, int):
        effects.uncertain(a, effects.DYNAMIC_TARGET,
                          f"changes the permissions of a path known only at run time: "
                          f"{clip(evidence, 80)}")
    if setuid:
        target = path if isinstance(path, str) else "a file"
        a.add([harm(f"sets the setuid/setgid bit on {target}", 0.9, "high", evidence,
                    "privilege_escalation", reversible=True)])
    elif isinstance(path, str):
        a.add(write_predictions(path, evidence, replaces_file=False))


def reads_many(a: Analysis, node: ast.Call, name: str) -> None:
    a.facts.reads_files = True
    a.searches = True


# pathlib methods that return another path
_PATH_METHODS = frozenset(
    {"joinpath", "expanduser", "resolve", "absolute", "with_name", "with_suffix", "with_stem"}
)


def is_path(a: Analysis, node: ast.AST, depth: int = 0) -> bool:
    """Whether an expression is a pathlib path (``Path.home() / '.ssh'``)."""
    if depth > 10:
        return False
    if isinstance(node, ast.Call):
        if a.resolve(node.func) in _PATH_FACTORIES:
            return True
        # a method that makes a path of a path: Path.home().joinpath('.ssh'), .expanduser()
        return (
            isinstance(node.func, ast.Attribute)
            and node.func.attr in _PATH_METHODS
            and is_path(a, node.func.value, depth + 1)
        )
    if isinstance(node, ast.Attribute) and node.attr == "parent":
        return is_path(a, node.value, depth + 1)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div):
        return is_path(a, node.left, depth + 1)
    if isinstance(node, ast.Name):
        values = a.names.values_of(node.id)
        if not values:  # a loop over Path(...).glob(...): each entry is a path
            listing = effects.loop_listing(a, node.id)
            return (
                listing is not None
                and isinstance(listing.func, ast.Attribute)
                and listing.func.attr in ("glob", "rglob", "iterdir")
                and is_path(a, listing.func.value, depth + 1)
            )
        return all(is_path(a, v, depth + 1) for v in values)
    return False


def path_method(
    a: Analysis, node: ast.Call, attr: str, path: Any, path_node: ast.AST | None = None
) -> None:
    """``path.read_text()``, ``path.unlink()``... on a pathlib path."""
    if attr in ("read_text", "read_bytes"):
        touch_path(a, node, path, writing=False, replaces=False, path_node=path_node)
    elif attr in ("write_text", "write_bytes"):
        touch_path(a, node, path, writing=True, replaces=True, path_node=path_node)
        known = _write_target(a, path, path_node)
        if known is not None:
            a.writes.append((node, known, argument(node, 0, "data")))
    elif attr == "open":
        writing, replaces = _open_mode(a, argument(node, 0, "mode"))
        touch_path(a, node, path, writing=writing, replaces=replaces, path_node=path_node)
    elif attr in ("unlink", "rmdir"):
        _delete_path(a, node, path, False, f"Path.{attr}", path_node)
    elif attr == "chmod":
        _set_mode(a, node, path, argument(node, 0, "mode"), path_node)
    elif attr in ("rename", "replace"):
        target = a.static(argument(node, 0, "target"))
        if isinstance(target, str):
            a.add(write_predictions(target, a.evidence(node), replaces_file=True))


# ---- what the code writes into files (the session's later steps are judged by it) ---------


def _opened_for_writing(a: Analysis, node: ast.AST) -> str | None:
    """The path of ``open(path, 'w')`` or ``Path(path).open('w')``, where known."""
    if not isinstance(node, ast.Call):
        return None
    name = a.resolve(node.func)
    if name in OPENS and name not in ("os.open", "os.fdopen"):
        writing, _ = _open_mode(a, argument(node, 1, "mode"))
        path_node = argument(node, 0, "file", "path")
    elif isinstance(node.func, ast.Attribute) and node.func.attr == "open" and is_path(
        a, node.func.value
    ):
        writing, _ = _open_mode(a, argument(node, 0, "mode"))
        path_node = node.func.value
    else:
        return None
    return _write_target(a, a.static(path_node), path_node) if writing else None


def _write_target(a: Analysis, path: Any, path_node: ast.AST | None) -> str | None:
    """The file a write goes to: its path where known, or, for a Python start-up file whose
    directory only the run knows (``site.getsitepackages()[0] + '/x.pth'``), its pattern, so
    that what is written there is read as the code it is."""
    known = effects.path_text(path)
    if known is not None or path_node is None:
        return known
    guess = effects.pattern(a, path_node)
    if is_startup_path(guess) and (
        effects.resource_of(guess, "write") == "startup_file"
    ):
        return guess
    return None


def collect_writes(a: Analysis) -> None:
    """``open(p, 'w').write(x)``, ``with open(p, 'w') as f: f.write(x)``, ``f = open(...)``:
    the writes whose file is known, for :func:`settle_writes`."""
    handles: dict[str, str | None] = {}  # name bound by ``with ... as name`` -> its path
    for node in a.nodes:
        if isinstance(node, ast.withitem) and isinstance(node.optional_vars, ast.Name):
            path = _opened_for_writing(a, node.context_expr)
            name = node.optional_vars.id
            if path is not None:
                # one name for two files: which one a write goes to is not known here
                handles[name] = path if handles.get(name, path) == path else None
    for node in a.nodes:
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and node.func.attr in ("write", "writelines")):
            continue
        receiver = node.func.value
        path = _opened_for_writing(a, receiver)
        if path is None and isinstance(receiver, ast.Name):
            path = handles.get(receiver.id)
            values = a.names.values_of(receiver.id)
            if path is None and len(values) == 1:
                path = _opened_for_writing(a, values[0])
        if path is not None:
            a.writes.append((node, path, node.args[0] if node.args else None))


def settle_writes(a: Analysis) -> None:
    """What each file holds once the code has run, where it is known: its text, a payload's
    bytes, where it was downloaded from, or the secret copied into it."""
    by_path: dict[str, list[tuple[ast.AST, ast.expr | None]]] = {}
    for node, path, value in sorted(a.writes, key=lambda w: (getattr(w[0], "lineno", 0),
                                                              getattr(w[0], "col_offset", 0))):
        by_path.setdefault(path, []).append((node, value))
    for path, writes in by_path.items():
        parts = [a.static(value) for _, value in writes]
        if parts and all(isinstance(x, str) for x in parts):
            text = "".join(parts)
            a.facts.written[path] = text
            python_startup(a, path, text, a.evidence(writes[0][0]))
            # a test or CI file rewritten to pass whatever happens (judged against the task)
            a.add(verification.content_predictions(path, text, a.evidence(writes[0][0])))
            a.add(webshell_predictions(path, text))
        elif parts and all(isinstance(x, (bytes, bytearray)) for x in parts):
            a.facts.written[path] = b"".join(parts)
        else:
            secret = next((s for _, v in writes if v is not None
                           for s in _secrets_in(a, v)), None)
            if secret is not None:
                a.facts.secret_copies[path] = secret
            elif a.facts.fetched:
                a.facts.downloaded[path] = a.facts.fetched[0]
            else:
                a.facts.written[path] = None
                if verification.kind_of_path(path) is not None:
                    # a test or CI file whose new text is computed (a replace on the old
                    # text): what the code's own strings would put into it
                    literals = "\n".join(
                        n.value for n in a.nodes
                        if isinstance(n, ast.Constant) and isinstance(n.value, str)
                    )
                    a.add(verification.content_predictions(path, literals,
                                                           a.evidence(writes[0][0])))


def python_startup(a: Analysis, path: str, text: str, evidence: str) -> None:
    """A .pth file or sitecustomize written with known text: what runs at every interpreter
    start is reviewed as the code it is. A .pth whose lines are only directories (no line
    starts with ``import``) adds a path to ``sys.path`` and runs nothing."""
    code = code_run_at_start(path, text)
    if code is None:
        return
    if not code.strip():
        a.facts.effects[:] = [e for e in a.facts.effects
                              if not (e.resource == "startup_file" and e.target == path)]
        a.predictions[:] = [p for p in a.predictions
                            if not (p.category == "persistence" and path in p.outcome)]
        return
    if a.depth >= MAX_NESTING:
        return
    a.add(harm(f"at every Python start ({path}): {p.outcome}", p.probability, p.severity,
               evidence, p.category, reversible=p.reversible)
          for p in a.review_nested(code, evidence, a.depth + 1) if p.valence == "harm")


def _secrets_in(a: Analysis, value: ast.expr) -> list[str]:
    """The secret files whose content ``value`` holds (``open('~/.ssh/id_rsa').read()``)."""
    nodes = list(ast.walk(value))
    for sub in list(nodes):
        if isinstance(sub, ast.Name):
            for bound in a.names.values_of(sub.id)[:3]:
                nodes += ast.walk(bound)
    found = []
    for sub in nodes:
        if not isinstance(sub, ast.Call):
            continue
        path: Any = None
        if a.resolve(sub.func) in OPENS:
            path = a.static(argument(sub, 0, "file", "path"))
        elif isinstance(sub.func, ast.Attribute) and sub.func.attr in ("read_text",
                                                                       "read_bytes"):
            path = a.static(sub.func.value)
        text = effects.path_text(path)
        if text is not None and _secret(text):
            found.append(text)
    return found


_ARCHIVE_SUFFIX = {"zip": ".zip", "tar": ".tar", "gztar": ".tar.gz", "bztar": ".tar.bz2",
                   "xztar": ".tar.xz"}


def make_archive(a: Analysis, node: ast.Call, name: str) -> None:
    """``shutil.make_archive(base, format, root_dir)``: the tree archived is read, and the
    archive holds a copy of it."""
    a.facts.reads_files = True
    root = argument(node, 2, "root_dir")
    if root is None:
        return
    source = effects.path_text(a.static(root))
    touch_path(a, node, source, writing=False, replaces=False, path_node=root)
    base = effects.path_text(a.static(argument(node, 0, "base_name")))
    kind = a.static(argument(node, 1, "format"))
    if source is not None and base is not None and _secret(source):
        suffix = _ARCHIVE_SUFFIX.get(kind, "") if isinstance(kind, str) else ""
        a.facts.secret_copies[base + suffix] = source


def archived(a: Analysis, node: ast.Call) -> None:
    """``tar.add(path)``: the file archived is read, and the archive written holds a copy."""
    path = effects.path_text(a.static(node.args[0])) if node.args else None
    if path is None or not ("/" in path or path.startswith((".", "~"))):
        return
    touch_path(a, node, path, writing=False, replaces=False)
    if _secret(path):
        for archive in _archives_written(a):
            a.facts.secret_copies[archive] = path


def _archives_written(a: Analysis) -> list[str]:
    out = []
    for node in a.nodes:
        if isinstance(node, ast.Call) and a.resolve(node.func) in ("tarfile.open",
                                                                   "zipfile.ZipFile"):
            path = effects.path_text(a.static(argument(node, 0, "name", "file")))
            mode = a.static(argument(node, 1, "mode"))
            if path is not None and isinstance(mode, str) and any(c in mode for c in "wax"):
                out.append(path)
    return out
