"""Self-protection: the agent must not be able to switch off its own oversight.

Any action that would modify forethought's own files is a hard block, whatever the other
reviewers say: its policy and signature, signing keys, configuration and data directories, ledger,
package and executable, and the agent-hook settings that route calls through the Gate. Reading
those files is allowed; naming them in anything that is not a plain read is not.

Targets are judged as the shell or Python would resolve them, not as written: ``~`` and
``$HOME``, ``cd``, variables the analysis can follow, globs, symbolic links, and program look-ups
(``"$(command -v forethought)"`` is the executable). A target that only the run can tell (an
unknown variable, a command substitution, a path joined in Python from values computed at run
time) that *could* be one of those files is uncertainty, not an allow: the review fails, so the
policy escalates. It could be one when its known beginning leads to one (``~/$x``,
``"$HOME/.config/$d/policy.toml"``), or when the action names forethought (its files, a glob
that matches them, the word itself in path fragments such as ``'fore' + 'thought'``).

What the hard rule does not cover, by design: a recursive change to a *parent* of those files
(``rm -rf ~``, ``chmod -R 000 ~``, ``sudo rm -rf /tmp/*`` with forethought installed under
/tmp). Such a command is aimed at everything under the parent, not at the oversight; it is as
destructive as its target, and the destructive-command reviewers judge it as such (``rm -rf ~``
blocks on expected harm; a cleanup of /tmp need not). The exception is a target that resolves to
one of forethought's directories itself, or a glob that matches one (``rm -rf ~/.config/*``
matches ``~/.config/forethought``): that is aimed at forethought as much as at anything. In the
agent's sandbox those files are concealed or read-only anyway (see agent/sandbox.py), so a parent
deletion cannot reach them there.
"""

from __future__ import annotations

import ast
import fnmatch
import functools
import os
import posixpath
import re
import shutil
import stat
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from forethought.proposal import Proposal
from forethought.review.base import Prediction, Review

if TYPE_CHECKING:
    from forethought.review.shell.model import ShellAnalysis

# Files of the agents whose hooks route tool calls through the Gate.
HOOK_SETTINGS_SUFFIXES = (
    "/.claude/settings.json",
    "/.claude/settings.local.json",
    "/.gemini/settings.json",
    "/.codex/config.toml",
    "/.codex/hooks.json",
)

READ_ONLY_COMMANDS = frozenset(
    "cat head tail less more grep egrep fgrep rg ls stat file wc sha256sum sha1sum md5sum "
    "b2sum diff cmp du realpath readlink basename dirname test [ echo printf jq".split()
)

_ENV_TAMPERING = re.compile(r"\b(?:unset|export)\s+FORETHOUGHT_\w*|\bFORETHOUGHT_\w+=")
_REMOVE_PACKAGE = re.compile(
    r"\b(?:pip3?|uv\s+pip|pipx|conda|apt(?:-get)?)\s+(?:uninstall|remove|purge)\b[^\n;|&]*\bforethought\b"
)
_KILL_GATE = re.compile(
    r"\b(?:pkill|killall)\b[^\n;|&]*\bforethought\b|\bkill\b[^\n;|&]*\$\(\s*pgrep[^)]*forethought"
)
_GLOB = re.compile(r"[*?\[]")
# The literal end of a glob part: what follows its last pattern character (or bracket).
_GLOB_TAIL = re.compile(r"[^*?\[\]]+\Z")
# Where a word stops being known before the run: a variable or a command substitution.
_DYNAMIC = re.compile(r"\$|`")
# Run-time parts that expand to a number (a pid, a random number, a status): never a slash, and
# never the name of one of forethought's files.
_NUMERIC_PART = re.compile(
    r"\$(?:\$|!|\?|#|\{?(?:RANDOM|SECONDS|PPID|UID|EUID|BASHPID|LINENO|EPOCHSECONDS)\}?)"
)
# ...and parts that expand to one file name (no slash): `basename ...`, $(basename ...).
_NAME_PART = re.compile(r"\$\((?:basename|date|mktemp -u)\b[^)]*\)|`(?:basename|date)\b[^`]*`")
# find's actions that change files or write them (-exec/-ok run commands the analysis lists
# as commands of their own, but they are kept here: their arguments are find's).
_FIND_CHANGES = frozenset(
    "-delete -exec -execdir -ok -okdir -fprint -fprint0 -fprintf -fls".split()
)
# Programs that change, move or remove the files their arguments name.
_FILE_CHANGERS = frozenset(
    "rm rmdir unlink mv cp ln install chmod chown chgrp chattr setfacl shred truncate dd tee "
    "touch rsync tar unzip sqlite3 patch git-rm srm wipe".split()
)
# ...and those that do with some options only (`_changes_files`)
_CHANGERS_BY_OPTION = frozenset(("sed", "perl", "ruby", "find"))
# A command substitution that looks a program up on PATH: `command -v`, `which`, `type -P`.
_LOOKUP = re.compile(r"(?:\bcommand\s+-[vV]|\bwhich|\btype\s+-[aPp]+|\bwhence)\s+([\w.+-]+)")
# The name that marks forethought's files in path fragments (case-insensitive).
_NAME = "forethought"
# Python calls that change files or run commands, by the last part of their name.
_PY_MUTATORS = frozenset(
    "open write_text write_bytes unlink remove removedirs rmdir rmtree rename renames replace "
    "move copy copy2 copyfile copytree chmod lchmod chown lchown truncate touch symlink_to "
    "hardlink_to link symlink connect system popen run Popen call check_call check_output "
    "execv execve execvp execl spawnv spawnl".split()
)


@functools.lru_cache(maxsize=4096)
def _glob_reaches(pattern: str, protected: str) -> bool:
    """Shell-glob semantics: each ``/``-separated part matches one path component. The glob
    reaches ``protected`` if it matches it or something inside it, not a parent of it."""
    parts, target = pattern.strip("/").split("/"), protected.strip("/").split("/")
    if len(parts) < len(target):
        return False
    return all(_part_matches(t, p) for p, t in zip(parts, target, strict=False))


def _part_matches(name: str, part: str) -> bool:
    """``fnmatchcase(name, part)``, compiling a regular expression only where it must: a part
    without pattern characters matches only itself (most parts of most globs: ``/tmp/*.log``),
    and any part matches only names that start with what comes before its first pattern
    character and end with what comes after its last one (those are matched literally)."""
    first = _GLOB.search(part)
    if first is None:
        return name == part
    if not name.startswith(part[: first.start()]):
        return False
    tail = _GLOB_TAIL.search(part)
    if tail is not None and not name.endswith(tail.group()):
        return False
    return fnmatch.fnmatchcase(name, part)


def _any_of(literals: Iterable[str], chars: str) -> re.Pattern[str]:
    """A pattern that finds any of ``literals`` or of the characters ``chars`` (the same strings
    match as with a plain alternation), looking further only where one of them can start."""
    words = sorted(set(literals))
    if "" in words:  # found anywhere
        return re.compile("")
    starts = "".join(sorted({w[0] for w in words} | set(chars)))
    alternatives = [*(re.escape(w) for w in words)]
    if chars:
        alternatives.append("[" + "".join(re.escape(c) for c in chars) + "]")
    first = "".join(re.escape(c) for c in starts)
    return re.compile(f"(?=[{first}])(?:{'|'.join(alternatives)})")


def _real(path: str) -> str:
    try:
        return os.path.realpath(path)
    except (OSError, ValueError):
        return path


def builtin_protected() -> list[str]:
    """forethought's own files that every reviewer protects, whatever it was given: its data
    directory (the default ledger's) and its executable."""
    import platformdirs

    paths = [str(platformdirs.user_data_path("forethought"))]
    for exe in (shutil.which("forethought"), str(Path(sys.executable).with_name("forethought"))):
        if exe and os.path.isfile(exe):
            paths.append(exe)
    return paths


# Programs whose arguments are queries or keys for a server or a document, never local paths
# they expand: a quoted pattern in them is text (`redis-cli KEYS '*'`, `jq '.[] | .x' f`).
_QUERY_CLIENTS = frozenset(
    "redis-cli valkey-cli keydb-cli psql mysql mariadb mongosh mongo jq yq grep egrep fgrep rg "
    "awk gawk mawk "
    # cloud and cluster CLIs: a quoted `*` is an address prefix, a port range or a selector
    "az aws gcloud gsutil kubectl oc doctl".split()
)


def _expands(span: str) -> bool:
    """Whether the shell would expand a pattern character of the word written as ``span``:
    one outside quotes and not escaped (``'*'``, ``"*.log"`` and ``\\*`` are literal)."""
    quote = ""
    escaped = False
    for char in span:
        if escaped:
            escaped = False
        elif char == "\\" and quote != "'":
            escaped = True
        elif quote:
            if char == quote:
                quote = ""
        elif char in "'\"":
            quote = char
        elif char in "*?[":
            return True
    return False


def _writes(op: str, target: str) -> bool:
    """Output redirections (``>``, ``2>>``, ``&>``...), not fd duplication like ``2>&1``."""
    return ">" in op and not (op.endswith("&") and target.isdigit())


_UNTOUCHED = "does not touch forethought's policy, ledger, keys or hooks"


class SelfProtectionReviewer:
    name = "self_protection"
    version = "1.1"
    inline = True

    def __init__(
        self,
        protected: Iterable[str | Path] = (),
        cwd: str | None = None,
        *,
        builtin: bool = True,
        databases: Iterable[str] = (),
    ) -> None:
        from forethought.review.ledger_db import LedgerDatabase

        self.home = os.path.expanduser("~")
        # ledgers kept in a database (PostgreSQL URLs): see forethought.review.ledger_db
        self.databases = tuple(d for d in map(LedgerDatabase.of, databases) if d is not None)
        self.cwd = cwd or os.getcwd()
        given = [str(p) for p in protected if str(p)]
        if builtin:
            given += builtin_protected()
        normal = {self._normal(p) for p in given}
        # a protected path reached through a symbolic link is protected under both names
        self.protected = tuple(sorted(normal | {_real(p) for p in normal}))
        self._prefixes = tuple(p.rstrip("/") + "/" for p in self.protected)
        # each protected path, and its parts as `_glob_reaches` compares them, joined: "a/b/"
        self._glob_targets = tuple((p, p.strip("/") + "/") for p in self.protected)
        # A path can only name a protected file if it contains one of these (or a glob).
        markers = {posixpath.basename(p) for p in self.protected} | {
            posixpath.basename(s) for s in HOOK_SETTINGS_SUFFIXES
        }
        # one search for any marker or glob character (`_may_name_protected`, for every word)
        self._marker_or_glob = _any_of(markers, "*?[")
        # What any name of a protected file, or a mention of one, must contain as written:
        # - a protected path, a path inside one or an agent's hook settings has the protected
        #   file's (the settings') last component among its own. Normalising a word (joined to
        #   where it runs, `.` and `..` removed) keeps some of its components and those of that
        #   directory and makes none, unless `~` or `$HOME` bring in a home directory;
        # - a glob that reaches one has a glob character;
        # - `_mentions` finds a protected path or a settings file in the word as written unless
        #   it has `$HOME` or `~/`, and `_disabling_commands` needs `forethought` or
        #   `FORETHOUGHT_` in it.
        # A word without any of these (and run in a directory without any) needs no look at
        # its name, only at where its symbolic links lead. Markers are matched anywhere, not as
        # whole components: more words than need it are looked at, none fewer.
        self._suspect = _any_of(markers | {_NAME, _NAME.upper()}, "*?[$~")
        self._quiet_cwd = self._suspect.search(self.cwd) is None
        # ...a marker, a glob or anything known only at run time (`_DYNAMIC`), in one search
        self._marker_glob_or_dynamic = _any_of(markers, "*?[$`")
        # What names forethought in path fragments: its name, the hook settings' directories,
        # and the names of protected files that do not live under a directory of that name.
        fragments = {_NAME, ".claude", ".codex", ".gemini"} | {
            posixpath.basename(p) for p in self.protected if _NAME not in p.lower()
        }
        self._fragment = re.compile(
            "|".join(re.escape(f) for f in sorted(fragments) if f), re.IGNORECASE
        )
        target = self.protected[0] if self.protected else "/etc/forethought/policy.toml"
        self.canaries: list[dict[str, Any]] = [
            {"tool": "bash", "args": {"command": f"echo 'locked = false' > {target}"}},
            {"tool": "write_file", "args": {"path": target, "content": "locked = false"}},
        ]

    def applies(self, proposal: Proposal) -> bool:
        return True

    def review(self, proposal: Proposal) -> Review:
        kind, args = proposal.action.kind, proposal.action.args
        cwd = str(proposal.context.get("cwd") or self.cwd)
        doubt: list[str] = []
        if kind == "shell":
            found = self._shell(args["command"], cwd, doubt)
        elif kind in ("file_write",):
            found = self._paths([args["path"]], cwd, str(args["path"]))
        elif kind in ("file_read", "http", "memory_write", "plan", "finish"):
            found = []
        elif kind == "python":
            found = self._mentions(_strings(args))
            if not found:
                doubt += self._python_doubt(str(args.get("code", "")))
        else:  # unknown tools: any mention of a protected file is tampering
            found = self._mentions(_strings(args))
        # (what runs, not files written: a migration that mentions `events` is not run here)
        if not found and self.databases and kind in ("shell", "python", "other"):
            found = self._database(_strings(args))
        if found:
            rationale = "would modify forethought's own oversight: " + found[0].evidence
            return Review.of(self.name, self.version, found, rationale, partial=True)
        if doubt:
            error = "cannot tell whether this reaches forethought's own files: " + doubt[0]
            return Review(
                self.name,
                self.version,
                risk=None,
                rationale=f"review failed: {error}",
                failed=True,
                error=error,
                partial=True,
            )
        # Review.of(self.name, self.version, [], _UNTOUCHED, partial=True): no predictions,
        # no risk
        return Review(self.name, self.version, (), 0.0, _UNTOUCHED, partial=True)

    def _normal(self, path: str, cwd: str | None = None) -> str:
        if "$" in path:
            path = path.replace("${HOME}", self.home).replace("$HOME", self.home)
        if path[:1] == "~":
            path = os.path.expanduser(path)
        if path[:1] != "/":
            base = cwd or self.cwd  # posixpath.join(base, path)
            path = base + path if not base or base.endswith("/") else base + "/" + path
        return posixpath.normpath(path)

    def _is_protected(
        self,
        path: str,
        *,
        resolve: bool = True,
        dirs: dict[str, str] | None = None,
        glob: bool = True,
    ) -> bool:
        """Whether ``path`` (maybe a glob), or where its symbolic links lead (when ``resolve``),
        names a protected file or lies inside one. A parent of a protected file is not one
        (module docstring). ``dirs`` keeps the directories resolved for one review, so the
        paths of one command in the same directory resolve it once. ``glob``: False where the
        shell does not expand the word's pattern characters (they are quoted)."""
        if self._names_protected(path, glob):
            return True
        if not resolve or (glob and _GLOB.search(path)):
            return False
        try:
            real = _realpath(path, {} if dirs is None else dirs)
        except (OSError, ValueError):  # a NUL byte, a loop of links: no file by that name
            return False
        return real != path and self._names_protected(real)

    def _names_protected(self, path: str, glob: bool = True) -> bool:
        if path.endswith(HOOK_SETTINGS_SUFFIXES) or path in self.protected:
            return True
        if path.startswith(self._prefixes):
            return True
        if glob and (first := _GLOB.search(path)):
            # `rm -rf ~/.config/foreth*`: what the glob would match. Only a protected path that
            # starts as the glob's literal beginning does (or lies inside it) can be reached:
            # the parts before the first pattern character must be its own, and the part with
            # it must start the same (_part_matches).
            literal = path[: first.start()].lstrip("/")
            return any(
                _glob_reaches(path, p)
                for p, within in self._glob_targets
                if within.startswith(literal) or literal.startswith(within)
            )
        return False

    def _links_to_protected(self, path: str, dirs: dict[str, str]) -> bool:
        """``_is_protected(path, dirs=dirs)`` for a ``path`` that by name is no protected file
        and has no glob character: where its symbolic links lead."""
        try:
            real = _realpath(path, dirs)
        except (OSError, ValueError):  # a NUL byte, a loop of links: no file by that name
            return False
        return real != path and self._names_protected(real)

    def _may_lead_to_protected(self, value: str, cwd: str) -> bool:
        """Whether a target whose end only the run can tell (``~/$x``, ``"$d/policy.toml"``)
        could be a protected file: its known beginning leads to one, or is one."""
        known = _DYNAMIC.split(value, 1)[0]
        if not known:
            return False
        base = self._normal(known, cwd)
        rest = value[len(known) :]
        if known.endswith("/") and "/" not in _NAME_PART.sub("", _NUMERIC_PART.sub("", rest)):
            # one file name made at run time in a known directory (/tmp/$$, /tmp/`basename $1`):
            # only a directory that holds one of forethought's files could be reached
            if _NAME_PART.search(rest) is None and _DYNAMIC.search(_NUMERIC_PART.sub("", rest)):
                pass  # another variable: it may hold a slash, judged below
            elif _NAME_PART.search(rest) is None:
                return False  # digits only: never one of forethought's file names
            else:
                return any(posixpath.dirname(p) == base for p in self.protected)
        if known.endswith("/") and base != "/":
            base += "/"
        return any(p.startswith(base) or base.startswith(p + "/") for p in self.protected)

    def _inside_protected(self, cwd: str) -> bool:
        here = self._normal(cwd).rstrip("/") + "/"
        return here.startswith(self._prefixes)

    def _may_name_protected(self, token: str) -> bool:
        """Whether ``token`` contains a protected file's name or a glob character."""
        return self._marker_or_glob.search(token) is not None

    def _paths(self, paths: Sequence[str], cwd: str, evidence: str) -> list[Prediction]:
        for raw in paths:
            if raw and self._is_protected(self._normal(raw, cwd)):
                return [_tampering(f"writes to {raw}", evidence)]
        return []

    def _database(self, texts: Iterable[str]) -> list[Prediction]:
        from forethought.review.ledger_db import tampering

        for text in texts:
            what = tampering(text, self.databases)
            if what is not None:
                return [_tampering(what, text[:200])]
        return []

    def _mentions(self, texts: Iterable[str]) -> list[Prediction]:
        for text in texts:
            expanded = text.replace("${HOME}", self.home).replace("$HOME", self.home)
            expanded = expanded.replace("~/", self.home + "/")
            for p in self.protected:
                if p in expanded:
                    return [_tampering(f"refers to protected path {p}", _around(text, p))]
            for suffix in HOOK_SETTINGS_SUFFIXES:
                if suffix[1:] in expanded:
                    return [_tampering(f"refers to agent hook settings {suffix[1:]}", suffix[1:])]
        return _disabling_commands(texts)

    def _shell(self, command: str, cwd: str, doubt: list[str]) -> list[Prediction]:
        if _NAME in command.lower() and (found := _disabling_commands([command])):
            return found
        analysis = _analyze(command)
        dirs: dict[str, str] = {}  # directories resolved for this review (_realpath)
        suspect = self._suspect.search
        quiet_cwd = self._quiet_cwd if cwd == self.cwd else suspect(cwd) is None
        for cmd in analysis.commands:
            where = cmd.cwd or cwd
            for op, target in cmd.redirects:
                if not _writes(op, target):
                    continue
                if self._is_protected(self._normal(target, where)):
                    return [_tampering(f"redirects output into {target}", cmd.text)]
                if _DYNAMIC.search(target) and self._unknown_could_be_own(
                    target, where, command, analysis
                ):
                    doubt.append(f"output redirected to {target} ({cmd.text})")
            argv = cmd.argv
            program = argv[0] if argv else ""
            base = program.rpartition("/")[2]  # posixpath.basename
            if base in READ_ONLY_COMMANDS:
                continue
            if base == "find" and not _FIND_CHANGES.intersection(argv):
                continue  # a find that only lists (what -exec runs is a command of its own)
            # Where symbolic links are followed (a syscall per path component): the arguments of
            # programs that change files; a find's start points only (its patterns and the
            # commands -exec runs are not its targets; those commands are judged on their own).
            changes = base in _FILE_CHANGERS or (
                base in _CHANGERS_BY_OPTION and _changes_files(base, argv)
            )
            # Where the command runs names nothing of forethought's (``_suspect``): an absolute
            # one is then not inside a protected directory either.
            quiet_where = quiet_cwd if where is cwd else suspect(where) is None
            if (
                not changes
                and not self._marker_glob_or_dynamic.search(cmd.text)
                and ((quiet_where and where[:1] == "/") or not self._inside_protected(where))
            ):
                # Nothing in it can name a protected file: no marker of one, no glob, nothing
                # known only at run time, not run from inside one, and it changes no file whose
                # symbolic links would need following.
                continue
            words = cmd.words[1:] if len(cmd.words) == len(argv) else []
            roots = _find_roots(argv) if base == "find" else None
            for index, arg in enumerate(argv[1:]):
                word = words[index] if words else None
                resolve = changes and (roots is None or index < roots)
                if quiet_where and suspect(arg) is None:
                    # Neither the word nor where it runs holds anything ``_suspect`` looks for:
                    # by name the word is no protected file and mentions none (see __init__);
                    # only where its symbolic links lead can tell.
                    if resolve:
                        for token in _path_like(arg) if "=" in arg else _plain_path(arg):
                            if self._links_to_protected(self._normal(token, where), dirs):
                                return [
                                    _tampering(f"{program} on protected path {token}", cmd.text)
                                ]
                    if (
                        word is not None
                        and (word.dynamic or "$" in word.span or "`" in word.span)
                        and (found := self._looked_up(program, word, cmd.text))
                    ):
                        return found
                else:
                    # A quoted pattern is not expanded by the shell (`redis-cli KEYS '*'`), but
                    # many programs expand one themselves (`git rm '*.db'`, find, rsync): only the
                    # clients whose arguments are queries, not local paths, take it as text.
                    glob = base not in _QUERY_CLIENTS or word is None or _expands(word.span)
                    for token in _path_like(arg):
                        normal = self._normal(token, where)
                        if self._is_protected(normal, resolve=resolve, dirs=dirs, glob=glob):
                            return [_tampering(f"{program} on protected path {token}", cmd.text)]
                    if word is not None and (found := self._looked_up(program, word, cmd.text)):
                        return found
                    if found := self._mentions([arg]):
                        return found
                if (
                    changes
                    and (word.dynamic if word is not None else _DYNAMIC.search(arg))
                    and self._unknown_could_be_own(arg, where, command, analysis)
                ):
                    doubt.append(f"{program} on {word.span if word else arg} ({cmd.text})")
        return []

    def _looked_up(self, program: str, word: Any, evidence: str) -> list[Prediction]:
        """``"$(command -v forethought)"``, ``$(which forethought)``, ``$p`` set from one: the
        analysis gives the program's name; the shell would give the path the look-up finds."""
        value = word.value
        if word.dynamic:  # a look-up the analysis left as written: "$(type -P forethought)"
            names = _LOOKUP.findall(value)
        elif (
            value
            and "/" not in value
            and ("$" in word.span or "`" in word.span)
            and value != word.span.strip("'\"")  # '{print $2}' is text, not an expansion
        ):
            names = [value]  # a variable or substitution that the analysis resolved to a name
        else:
            return []
        for name in names:
            found = shutil.which(name)
            if found and self._is_protected(self._normal(found)):
                return [_tampering(f"{program} on {found} (from {word.span})", evidence)]
        return []

    def _unknown_could_be_own(
        self, value: str, cwd: str, command: str, analysis: ShellAnalysis
    ) -> bool:
        """A target only the run can tell could be forethought's: its known beginning leads to a
        protected file, or (with no known beginning) the command names forethought anywhere:
        its name, a protected path, or a glob that matches one (``for f in ~/.config/*``)."""
        if self._may_lead_to_protected(value, cwd):
            return True
        if _DYNAMIC.split(value, 1)[0]:
            return False
        if self._fragment.search(command):
            return True
        words = {w for cmd in analysis.commands for w in cmd.argv[1:]}
        words |= set(re.split(r"[\s;|&()<>\"']+", command))
        return any(
            w
            and not w.startswith("-")
            and self._may_name_protected(w)
            and self._is_protected(self._normal(w, cwd))
            for w in words
        )

    def _python_doubt(self, code: str) -> list[str]:
        """Python that changes files or runs commands while its path fragments name forethought
        (``os.path.join(home, 'fore' + 'thought', ...)``): a path built at run time that could
        be one of its files. Prose (strings with spaces) does not count."""
        try:
            tree = ast.parse(code)
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            return []
        fragments: list[str] = []
        mutates = ""
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, (str, bytes)):
                text = node.value if isinstance(node.value, str) else node.value.decode("latin-1")
                if text and len(text) <= 256 and not any(c.isspace() for c in text):
                    fragments.append(text)
            elif isinstance(node, ast.Call) and not mutates:
                func = node.func
                name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
                if name in _PY_MUTATORS and not (name == "open" and _reads_only(node)):
                    mutates = name
        if not mutates or not fragments:
            return []
        for joined in ("".join(fragments), "/".join(fragments)):
            if m := self._fragment.search(joined):
                return [
                    f"Python calls {mutates}() with paths built from fragments naming "
                    f"{m.group(0)!r}"
                ]
        return []


def _reads_only(call: ast.Call) -> bool:
    """``open(p)``, ``open(p, 'rb')``, ``path.open(mode='r')``: a mode that cannot write."""
    index = 0 if isinstance(call.func, ast.Attribute) else 1  # Path.open(mode) / open(file, mode)
    mode: ast.expr | None = call.args[index] if len(call.args) > index else None
    for keyword in call.keywords:
        if keyword.arg == "mode":
            mode = keyword.value
    if mode is None:
        return True
    return (
        isinstance(mode, ast.Constant)
        and isinstance(mode.value, str)
        and not any(c in mode.value for c in "wax+")
    )


def _find_roots(argv: Sequence[str]) -> int:
    """How many of find's arguments are start points (those before its expression)."""
    for index, arg in enumerate(argv[1:]):
        if arg.startswith(("-", "(", "!", ")")) or arg == ",":
            return index
    return len(argv) - 1


def _changes_files(program: str, argv: Sequence[str]) -> bool:
    """Whether a command changes the files its arguments name (for doubting unknown targets;
    a known protected target is judged whatever the program). ``program``: the base name of
    ``argv[0]``."""
    if program in _FILE_CHANGERS:
        return True
    if program in ("sed", "perl", "ruby"):
        return any(a.startswith("-i") or a == "--in-place" for a in argv[1:])
    if program == "find":
        return any(a in ("-delete", "-exec", "-execdir", "-ok", "-okdir") for a in argv[1:])
    return False


def _analyze(command: str) -> ShellAnalysis:
    """The shared (cached) shell analysis: imported on first use, not with this module."""
    global _analyze_shell
    if _analyze_shell is None:
        from forethought.review.shell import analyze

        _analyze_shell = analyze
    return _analyze_shell(command)


_analyze_shell: Callable[[str], ShellAnalysis] | None = None


def _disabling_commands(texts: Iterable[str]) -> list[Prediction]:
    for text in texts:
        if "forethought" not in text.lower():
            continue
        for pattern, what in (
            (_ENV_TAMPERING, "changes forethought's environment"),
            (_REMOVE_PACKAGE, "uninstalls forethought"),
            (_KILL_GATE, "kills forethought's processes"),
        ):
            if m := pattern.search(text):
                return [_tampering(what, m.group(0))]
    return []


def _realpath(path: str, dirs: dict[str, str]) -> str:
    """``os.path.realpath`` of an absolute, normalised ``path``, resolving its directory once per
    ``dirs`` (a symbolic link is followed wherever it is: in the directory or as the name)."""
    parent, name = posixpath.split(path)
    real_parent = dirs.get(parent)
    if real_parent is None:
        real_parent = dirs[parent] = _real_directory(parent)
    if not name:
        return real_parent
    joined = posixpath.join(real_parent, name)
    try:  # os.path.islink(joined)
        is_link = stat.S_ISLNK(os.lstat(joined).st_mode)
    except (OSError, ValueError):
        is_link = False
    return os.path.realpath(joined) if is_link else joined


def _real_directory(path: str) -> str:
    """``os.path.realpath(path)``, sooner where no part of it is a symbolic link (most paths):
    the path itself, when absolute and normalised, as ``realpath`` would find it after the same
    ``lstat`` of each part (a part that does not exist is taken as it is, as ``realpath`` does;
    a NUL byte raises ValueError, as it does). Any other path, and any with a link, is left to
    ``realpath``."""
    if path[:1] != "/" or path[:2] == "//" or posixpath.normpath(path) != path:
        return os.path.realpath(path)
    end = 0
    while end != -1:
        end = path.find("/", end + 1)
        try:
            mode = os.lstat(path[:end] if end != -1 else path).st_mode
        except OSError:
            continue
        if stat.S_ISLNK(mode):
            return os.path.realpath(path)
    return path


def _plain_path(arg: str) -> tuple[str, ...]:
    """``_path_like(arg)`` of an argument without ``=``."""
    return (arg,) if arg and arg[0] != "-" else ()


def _path_like(arg: str) -> list[str]:
    """The argument itself, and the value of ``--opt=value`` / ``of=value`` forms."""
    tokens = [arg]
    if "=" in arg:
        tokens.append(arg.split("=", 1)[1])
    return [t for t in tokens if t and not t.startswith("-")]


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, (list, tuple)):
        return [s for v in value for s in _strings(v)]
    return []


def _around(text: str, needle: str, width: int = 40) -> str:
    i = text.find(needle)
    if i < 0:
        return needle
    return text[max(0, i - width) : i + len(needle) + width]


def _tampering(outcome: str, evidence: str) -> Prediction:
    return Prediction(
        outcome=f"disables or alters forethought's oversight: {outcome}",
        valence="harm",
        probability=1.0,
        severity="critical",
        reversible=False,
        evidence=evidence,
        category="self_protection",
        hard=True,
    )
