"""The program catalogue: what ordinary programs do, as data (``programs.toml`` and one file per
domain in ``programs.d/``, e.g. ``programs.d/macos.toml``; read in that order, a program in one
file only).

Each ``[[program]]`` names one or more executables, says in a few words what the program does
(``summary``, quoted by explanations), the manual its entry was read from, the short options
that take a value, and ``[[program.effect]]`` clauses: when the command has one of
``options``, starts with ``subcommand``, or has an argument matching ``args_match`` (and none of
``unless``, with no operand after the subcommand where ``bare``, and its output is not piped
straight into a command whose words match ``unless_piped_to`` and one of whose operands is, in
full, ``unless_piped_to_operand``: a
registry token handed to ``docker login --password-stdin <that cloud's registry>`` is used, not
shown), it has the effect ``op`` on ``on``. ``on`` is a resource of the effect vocabulary
(:mod:`forethought.review.effects`), or where the resource comes from the command: ``@operands``
(every operand, typed by :func:`resource_of_path`), ``@first``, ``@last``, or ``@value`` (the
values of ``options``). A clause with none of ``options``/``subcommand``/``args_match`` always
applies. ``[[program.example]]`` rows (``command``, ``harmful``) are the entry's own tests.
"""

from __future__ import annotations

import functools
import itertools
import re
import shlex
import tomllib
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from importlib import resources
from typing import Any, cast

from forethought.review.base import SEVERITIES, Severity
from forethought.review.effects import (
    OPERATIONS,
    RESOURCES,
    Effect,
    Operation,
    Resource,
    grade_of,
)
from forethought.review.shell import paths
from forethought.review.shell.model import SimpleCommand

CATALOGUE_FILE = "programs.toml"
CATALOGUE_DIR = "programs.d"
_REFERENCES = ("@operands", "@first", "@rest", "@last", "@value")
_PROC_MEMORY = re.compile(
    r"^/proc/(?:kcore$|(?:\d+|\$\{?\w+\}?|\$\(.*\)|\*|\[0-9\]\*)/(?:mem|environ|pagemap)$)"
)
_PROC_MAP = re.compile(r"^/proc/(?:\d+|\$\w+|\$\(.*\)|\*)/(?:maps|smaps)$")
_SECURITY_PSEUDO_FILES = re.compile(
    r"^/(?:sys/fs/selinux|sys/kernel/security|proc/sys/kernel/(?:randomize_va_space|yama|"
    r"kptr_restrict|dmesg_restrict|modules_disabled|core_pattern|sysrq|unprivileged_\w+|"
    r"kexec_load_disabled)|proc/sys/fs/(?:protected_|suid_dumpable)|proc/sys/vm/unprivileged_|"
    # a cgroup's release agent runs a program on the host (the classic container escape)
    r"sys/fs/cgroup/(?:.*/)?(?:release_agent|notify_on_release)$)"
    # (wherever the cgroup hierarchy is mounted: `mount -t cgroup ... /tmp/cg`)
    r"|.*/(?:release_agent|notify_on_release)$"
)
# Writing these replaces a running program (runc's /proc/self/exe) or reboots the machine.
_PROCESS_IMAGES = re.compile(r"^/proc/(?:self|\d+|\$\{?\w+\}?)/exe$")
_TRIGGERS = re.compile(r"^/proc/sysrq-trigger$")
_LOGS = re.compile(r"^/var/(?:log|lib/docker/containers|lib/containerd)/")
# Special files a command writes to without touching anything: terminals, descriptors, null.
_PASS_THROUGH = re.compile(
    r"^/dev/(?!(?:sd|hd|vd|xvd|nvme|mmcblk|dm-|md|loop|mem|kmem|port)\b)|^/proc/self/fd/"
)
_SYSTEM_BINARIES = re.compile(
    r"^/(?:usr/(?:local/)?)?(?:s?bin|lib(?:32|64|exec)?)(?:/|$)"
    # macOS: the sealed system volume, kernel extensions, and the code inside applications
    r"|^/System/|^/Library/(?:Extensions|Apple)/"
    r"|^/Applications/[^/]+\.app/Contents/(?:MacOS|Frameworks)/"
)


class CatalogueError(ValueError):
    """An entry of the program catalogue that does not follow the format."""


@dataclass(frozen=True, slots=True)
class Clause:
    op: Operation
    on: str
    options: tuple[str, ...] = ()
    subcommand: tuple[str, ...] = ()
    args_match: re.Pattern[str] | None = None
    operands_match: re.Pattern[str] | None = None
    unless: tuple[str, ...] = ()
    unless_match: re.Pattern[str] | None = None  # no argument matches (in full)
    # the output piped straight into a command whose words (joined by spaces) match, and one of
    # whose operands (not an option's value) matches in full: the effect does not happen
    unless_piped_to: re.Pattern[str] | None = None
    unless_piped_to_operand: re.Pattern[str] | None = None
    resources: tuple[str, ...] = ()  # only operands of these kinds (empty: any)
    # only where no operand follows the subcommand: the command acts on every one of what it
    # could have named (`docker compose restart` restarts every service)
    bare: bool = False
    what: str = ""
    severity: Severity | None = None
    probability: float | None = None
    reversible: bool | None = None


@dataclass(frozen=True, slots=True)
class Example:
    command: str
    harmful: bool


@dataclass(frozen=True, slots=True)
class Program:
    names: tuple[str, ...]
    manual: str
    source: str
    summary: str  # what the program does, in a few words
    takes_value: str
    clusters: bool  # short options may be clustered (-nvF)
    long_takes_value: tuple[str, ...]
    clauses: tuple[Clause, ...]
    examples: tuple[Example, ...]
    # first operands left out before subcommands are matched (gcloud's release tracks:
    # `gcloud beta iam ...` is `gcloud iam ...`)
    skip_first: tuple[str, ...] = ()


def _strings(value: Any, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise CatalogueError(f"{where}: must be a string or a list of strings")
    return tuple(value)


def _clause(raw: Mapping[str, Any], where: str) -> Clause:
    known = {
        "op",
        "on",
        "options",
        "subcommand",
        "args_match",
        "operands_match",
        "unless",
        "unless_match",
        "unless_piped_to",
        "unless_piped_to_operand",
        "resources",
        "bare",
        "what",
        "severity",
        "probability",
        "reversible",
    }
    extra = set(raw) - known
    if extra:
        raise CatalogueError(f"{where}: unknown key(s) {', '.join(sorted(extra))}")
    op, on = raw.get("op"), raw.get("on")
    if op not in OPERATIONS:
        raise CatalogueError(f"{where}: op {op!r} is not an operation of the effect vocabulary")
    if on not in RESOURCES and on not in _REFERENCES:
        raise CatalogueError(f"{where}: on {on!r} is neither a resource nor one of {_REFERENCES}")
    severity = raw.get("severity")
    if severity is not None and severity not in SEVERITIES:
        raise CatalogueError(f"{where}: severity {severity!r} is not one of {SEVERITIES}")
    probability = raw.get("probability")
    if probability is not None and not (
        isinstance(probability, int | float) and 0 < probability <= 1
    ):
        raise CatalogueError(f"{where}: probability must be a number in (0, 1]")
    reversible = raw.get("reversible")
    if reversible is not None and not isinstance(reversible, bool):
        raise CatalogueError(f"{where}: reversible must be true or false")
    compiled, operands_compiled = (
        _regex(raw, "args_match", where),
        _regex(raw, "operands_match", where),
    )
    if on == "@value" and not raw.get("options"):
        raise CatalogueError(f"{where}: on = '@value' needs options")
    bare = raw.get("bare", False)
    if not isinstance(bare, bool):
        raise CatalogueError(f"{where}: bare must be true or false")
    if ("unless_piped_to" in raw) != ("unless_piped_to_operand" in raw):
        raise CatalogueError(f"{where}: unless_piped_to and unless_piped_to_operand go together")
    return Clause(
        op=cast(Operation, op),
        on=cast(str, on),
        options=_strings(raw.get("options", []), f"{where}.options"),
        subcommand=_strings(raw.get("subcommand", []), f"{where}.subcommand"),
        args_match=compiled,
        operands_match=operands_compiled,
        unless=_strings(raw.get("unless", []), f"{where}.unless"),
        unless_match=_regex(raw, "unless_match", where),
        unless_piped_to=_regex(raw, "unless_piped_to", where),
        unless_piped_to_operand=_regex(raw, "unless_piped_to_operand", where),
        resources=_resources(raw.get("resources", []), f"{where}.resources"),
        bare=bare,
        what=str(raw.get("what", "")),
        severity=cast("Severity | None", severity),
        probability=float(probability) if probability is not None else None,
        reversible=reversible,
    )


def _resources(value: Any, where: str) -> tuple[str, ...]:
    names = _strings(value, where)
    for name in names:
        if name not in RESOURCES:
            raise CatalogueError(f"{where}: {name!r} is not a resource of the effect vocabulary")
    return names


def _regex(raw: Mapping[str, Any], key: str, where: str) -> re.Pattern[str] | None:
    pattern = raw.get(key)
    if pattern is None:
        return None
    if not isinstance(pattern, str):
        raise CatalogueError(f"{where}: {key} must be a string")
    try:
        return re.compile(pattern)
    except re.error as exc:
        raise CatalogueError(f"{where}: {key} is not a regular expression: {exc}") from None


def parse_catalogue(text: str, file: str = CATALOGUE_FILE) -> tuple[Program, ...]:
    """Parse one catalogue file's TOML; raises CatalogueError naming the file and the entry that
    is wrong."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise CatalogueError(f"{file}: {exc}") from None
    programs: list[Program] = []
    for i, raw in enumerate(data.get("program", [])):
        names = _strings(raw.get("names", []), f"{file}: program[{i}].names")
        where = f"{file}: program {names[0] if names else i}"
        if not names:
            raise CatalogueError(f"{where}: names is empty")
        for key in ("manual", "source"):
            if not isinstance(raw.get(key), str) or not raw[key]:
                raise CatalogueError(f"{where}: {key} must name where the entry was read from")
        summary = raw.get("summary", "")
        if not isinstance(summary, str):
            raise CatalogueError(f"{where}: summary must be a string")
        clauses = tuple(
            _clause(c, f"{where}.effect[{j}]") for j, c in enumerate(raw.get("effect", []))
        )
        examples = tuple(
            Example(str(e["command"]), bool(e["harmful"])) for e in raw.get("example", [])
        )
        programs.append(
            Program(
                names=names,
                manual=raw["manual"],
                source=raw["source"],
                summary=summary.strip(),
                takes_value=str(raw.get("takes_value", "")),
                clusters=bool(raw.get("clusters", False)),
                long_takes_value=_strings(raw.get("long_takes_value", []), f"{where}.long"),
                clauses=clauses,
                examples=examples,
                skip_first=_strings(raw.get("skip_first", []), f"{where}.skip_first"),
            )
        )
    return tuple(programs)


def catalogue_files() -> list[tuple[str, str]]:
    """The shipped catalogue's files as (name, text): programs.toml, then programs.d/*.toml."""
    here = resources.files("forethought.review.shell")
    files = [(CATALOGUE_FILE, here.joinpath(CATALOGUE_FILE).read_text())]
    domain = here.joinpath(CATALOGUE_DIR)
    if domain.is_dir():
        for entry in sorted(domain.iterdir(), key=lambda e: e.name):
            if entry.name.endswith(".toml"):
                files.append((f"{CATALOGUE_DIR}/{entry.name}", entry.read_text()))
    return files


@functools.cache
def catalogue() -> Mapping[str, Program]:
    """Every program of the shipped catalogue, by each of its names."""
    out: dict[str, Program] = {}
    for file, text in catalogue_files():
        for program in parse_catalogue(text, file):
            for name in program.names:
                if name in out:
                    raise CatalogueError(f"{file}: program {name} is in the catalogue twice")
                out[name] = program
    return out


# --- matching -------------------------------------------------------------------------------


def _has_option(args: Sequence[str], option: str, clusters: bool = False) -> bool:
    for arg in args:
        if arg == "--":
            return False
        if arg == option:
            return True
        if option.startswith("--"):
            if arg.startswith(option + "="):
                return True
        elif (
            # a cluster of short options (-nvF); a value glued to an earlier letter is rare
            clusters
            and len(option) == 2
            and arg.startswith(option[0])
            and not arg.startswith("--")
            and option[1] in arg[1:]
            and arg[1:].isalnum()
        ):
            return True
    return False


def _option_values(args: Sequence[str], options: Sequence[str]) -> list[str]:
    values: list[str] = []
    for i, arg in enumerate(args):
        for option in options:
            if arg == option and i + 1 < len(args):
                values.append(args[i + 1])
            elif option.startswith("--") and arg.startswith(option + "="):
                values.append(arg[len(option) + 1 :])
            elif (
                len(option) == 2
                and arg.startswith(option)
                and len(arg) > 2
                and not (option.startswith("--"))
            ):
                values.append(arg[2:])
    return values


def _operands(cmd: SimpleCommand, program: Program) -> list[str]:
    out: list[str] = []
    args = cmd.args
    i, only_operands = 0, False
    while i < len(args):
        arg = args[i]
        if only_operands or arg == "-" or not arg.startswith("-"):
            out.append(arg)
        elif arg == "--":
            only_operands = True
        elif arg.startswith("--"):
            if "=" not in arg and arg[2:] in program.long_takes_value:
                i += 1
        elif len(arg) >= 2 and arg[-1] in program.takes_value:
            i += 1
        i += 1
    return out


def operands(cmd: SimpleCommand) -> list[str]:
    """The operands of ``cmd`` as its catalogue entry reads them (the options that take values
    skipped, a release track left out); every non-option word for a program it does not know."""
    program = catalogue().get(cmd.name)
    if program is None:
        return [a for a in cmd.args if not a.startswith("-")]
    return _program_operands(cmd, program)


def _program_operands(cmd: SimpleCommand, program: Program) -> list[str]:
    words = _operands(cmd, program)
    return words[1:] if words and words[0] in program.skip_first else words


# Options of a consumer (docker login -u NAME) whose value is not where a registry is named.
_CONSUMER_VALUE_OPTIONS = frozenset({"-u", "--username", "-p", "--password"})


class _Consumer:
    """The command a command's output is piped straight into, found only when a clause asks
    (few clauses have ``unless_piped_to``), and then once: ``get`` finds it."""

    __slots__ = ("find", "found")

    def __init__(self, find: Callable[[], SimpleCommand | None]) -> None:
        self.find: Callable[[], SimpleCommand | None] | None = find
        self.found: SimpleCommand | None = None

    def get(self) -> SimpleCommand | None:
        if self.find is not None:
            self.found, self.find = self.find(), None
        return self.found


def _consumed(clause: Clause, piped: _Consumer) -> bool:
    """Whether the consumer (the command the output is piped into) uses the output as the
    clause's ``unless_piped_to`` says: its words match, and one operand matches in full."""
    if clause.unless_piped_to is None or clause.unless_piped_to_operand is None:
        return False
    consumer = piped.get()
    if consumer is None:
        return False
    words = consumer.argv
    if not clause.unless_piped_to.search(" ".join(words)):
        return False
    operands = [
        w
        for before, w in itertools.pairwise(words)
        if not w.startswith("-") and before not in _CONSUMER_VALUE_OPTIONS
    ]
    return any(clause.unless_piped_to_operand.fullmatch(o) for o in operands)


def _applies(
    clause: Clause,
    cmd: SimpleCommand,
    operands: Sequence[str],
    clusters: bool,
    consumer: _Consumer,
) -> bool:
    # (every test is a condition of its own: the cheapest and most selective first, the
    # subcommand; the consumer is looked for last, only where all else holds)
    if clause.subcommand:
        # each word may name alternatives: subcommand = ["iam", "create-user|create-role"]
        n = len(clause.subcommand)
        if len(operands) < n or not all(
            o == word or ("|" in word and o in word.split("|"))
            for o, word in zip(operands, clause.subcommand, strict=False)
        ):
            return False
    args = cmd.args
    if clause.options and not any(_has_option(args, o, clusters) for o in clause.options):
        return False
    if any(_has_option(args, u, clusters) for u in clause.unless):
        return False
    if clause.unless_match and any(clause.unless_match.fullmatch(a) for a in args):
        return False
    # (the operands after the subcommand: `az storage container set-permission --public-access
    # container` names a container, not a public one)
    after = operands[len(clause.subcommand) :]
    if clause.bare and after:
        return False
    if clause.operands_match and not any(clause.operands_match.search(o) for o in after):
        return False
    if clause.args_match and not any(clause.args_match.search(a) for a in args):
        return False
    return not _consumed(clause, consumer)


@functools.lru_cache(maxsize=8192)
def resource_of_path(raw: str, op: str, cwd: str | None = None) -> Resource:
    """What kind of resource the path ``raw`` is, for operation ``op``."""
    path = paths.normalise(raw, cwd)
    if _PROC_MEMORY.match(path):
        return "process_memory"
    if _PROC_MAP.match(path):
        return "process_map"
    if paths.is_device(path) or (op != "read" and _TRIGGERS.match(path)):
        return "device"
    if op != "read" and _PROCESS_IMAGES.match(path):
        return "system_binary"
    if _PASS_THROUGH.match(path):
        return "temporary_file"
    if op in ("delete", "truncate", "write", "wipe") and (
        paths.is_log(path, cwd) or paths.is_history_file(path) or _LOGS.match(path)
    ):
        return "log"
    if paths.is_security_config(path, cwd) or _SECURITY_PSEUDO_FILES.match(path):
        return "security_control"
    if paths.secret_kind(path, cwd) is not None:
        # the project's own .env or key file, written or replaced, is the project's business
        if op != "read" and not path.startswith(("/", "~", "$")):
            return "workspace_file"
        return "credential"
    if op != "read" and paths.is_account_file(path, cwd):
        return "account"
    if paths.persistence_entry(path, cwd) is not None:
        return "startup_file"
    if paths.is_log(path, cwd):
        return "log"
    scope = paths.scope_of(path, cwd)
    if scope == paths.Scope.SYSTEM:
        # a whole tree to delete; to chown or chmod, only the operating system's own trees
        if op not in ("chmod", "chown", "setuid") or paths.is_os_root(path):
            return "whole_system"
        return "user_file"
    if _SYSTEM_BINARIES.match(path):
        return "system_binary"
    if scope == paths.Scope.SYSTEM_FILE:
        return "system_config"
    if scope == paths.Scope.USER_CONFIG:
        return "user_config"
    if scope in (paths.Scope.HOME_PART, paths.Scope.ABSOLUTE):
        return "user_file"
    if scope == paths.Scope.UNKNOWN:
        return "unknown"
    if path.startswith(("/tmp", "/var/tmp", "/dev/shm")):
        return "temporary_file"
    return "workspace_file"


# --- programs run through a package or project runner -----------------------------------------

_UV_RUN_VALUED = frozenset(
    {"--with", "--python", "-p", "--project", "--directory", "--package", "--extra", "--group"}
    | {"--env-file", "--index", "--index-url", "--from"}
)
# Runners whose first operand (after their own options) is the program they run: (the runner's
# subcommand that runs it, or "" for none; its options that take a value).
_RUNNERS: dict[str, tuple[str, frozenset[str]]] = {
    "npx": ("", frozenset({"-p", "--package", "-c", "--call"})),
    "pnpx": ("", frozenset({"-p", "--package"})),
    "bunx": ("", frozenset({"-p", "--package"})),
    "uvx": ("", frozenset({"--from", "--with", "-p", "--python", "--index", "--index-url"})),
    "pipx": ("run", frozenset({"--spec", "--python", "--index-url", "--pip-args"})),
    "npm": ("exec", frozenset({"-p", "--package", "-c", "--call", "-w", "--workspace"})),
    "pnpm": ("dlx|exec", frozenset({"--package", "-C", "--dir", "--filter", "-F"})),
    "yarn": ("dlx|exec", frozenset({"-p", "--package"})),
    "bun": ("x", frozenset()),
    "bundle": ("exec", frozenset({"--gemfile"})),
    "poetry": ("run", frozenset({"-C", "--directory", "-P", "--project"})),
    "pipenv": ("run", frozenset()),
    "pdm": ("run", frozenset({"-p", "--project"})),
    "hatch": ("run", frozenset({"-e", "--env"})),
    "rye": ("run", frozenset()),
    "uv": ("run", _UV_RUN_VALUED),
    "conda": ("run", frozenset({"-n", "--name", "-p", "--prefix"})),
    "mamba": ("run", frozenset({"-n", "--name", "-p", "--prefix"})),
}
# Options that make the runner run a shell string instead: not a program to look up.
_RUNNER_SHELL = frozenset({"-c", "--call"})
# Interpreters running a project's command-line script: `python manage.py flush`.
_INTERPRETERS = re.compile(r"^(?:python[\d.]*|php[\d.]*|ruby[\d.]*|node|perl)$")
_PROJECT_SCRIPT = re.compile(r"^(?:manage\.py|artisan|(?:\./)?bin/(?:rails|rake))$")
# A project's own copy of a program (`./manage.py`, `bin/rails`, `node_modules/.bin/prisma`).
_PROJECT_BIN = re.compile(r"^(?:\./)?(?:bin/|node_modules/\.bin/|vendor/bin/|\./)([\w.+-]+)$")


# A container engine's plugin that is a program of its own: `docker compose down -v` is
# `docker-compose down -v` (the catalogue describes the plugin under that name).
_PLUGINS = {("docker", "compose"): "docker-compose", ("podman", "compose"): "docker-compose"}
# java's own options that take the next word as their value (java(1)), before `-jar FILE`.
_JAVA_VALUED = frozenset({"-cp", "-classpath", "--class-path", "-p", "--module-path"})


def _plugin_or_jar(cmd: SimpleCommand) -> list[str] | None:
    """The command a plugin subcommand or a Java archive is: `docker compose ARGS` as
    `docker-compose ARGS`, `java [OPTIONS] -jar jenkins-cli.jar ARGS` as `jenkins-cli.jar ARGS`
    (the archive's file name, which its catalogue entry names); None for anything else."""
    name, args = cmd.name.rsplit("/", 1)[-1], cmd.args
    if name == "java":
        i = 0
        while i < len(args) and args[i].startswith("-"):
            if args[i] == "-jar":
                if i + 1 < len(args) and args[i + 1].endswith(".jar"):
                    return [args[i + 1].rsplit("/", 1)[-1], *args[i + 2 :]]
                return None
            i += 2 if args[i] in _JAVA_VALUED else 1
        return None
    if not any(engine == name for engine, _ in _PLUGINS):
        return None
    program = catalogue().get(name)
    if program is None:
        return None
    i = 0
    while i < len(args) and args[i].startswith("-") and args[i] != "--":
        arg = args[i]
        if arg.startswith("--"):
            valued = "=" not in arg and arg[2:] in program.long_takes_value
        else:
            valued = len(arg) >= 2 and arg[-1] in program.takes_value
        i += 2 if valued else 1
    plugin = _PLUGINS.get((name, args[i])) if i < len(args) else None
    return [plugin, *args[i + 1 :]] if plugin is not None else None


def _package_bin(spec: str) -> str:
    """The program a package spec runs: `prisma@5` -> prisma, `@angular/cli@17` -> cli."""
    name = spec.rsplit("/", 1)[-1] if spec.startswith("@") else spec
    return name.split("@", 1)[0] if not name.startswith("@") else name


def run_by(cmd: SimpleCommand) -> SimpleCommand | None:
    """The command a runner runs (`npx prisma migrate reset`: prisma's; `bundle exec rake
    db:drop`: rake's; `python manage.py flush`: manage.py's; `docker compose down`:
    docker-compose's; `java -jar jenkins-cli.jar ...`: the archive's), as a command of its own
    with the runner's text as evidence; None where ``cmd`` runs nothing the catalogue could
    look up."""
    name, args = cmd.name, cmd.args
    inner: list[str] | None = None
    found = _PROJECT_BIN.match(name)
    if found is not None and found.group(1) != name:
        inner = [found.group(1), *args]
    elif name in _RUNNERS:
        sub, valued = _RUNNERS[name]
        rest = args
        if sub:
            if not rest or rest[0] not in sub.split("|"):
                return None
            rest = rest[1:]
        i = 0
        while i < len(rest) and rest[i].startswith("-"):
            if rest[i] in _RUNNER_SHELL:
                return None
            if rest[i] == "--":
                i += 1
                break
            i += 2 if rest[i] in valued else 1
        if i < len(rest):
            program = _package_bin(rest[i]) if name in ("npx", "pnpx", "bunx", "uvx") else rest[i]
            inner = [program, *rest[i + 1 :]]
    elif _INTERPRETERS.match(name) and args and _PROJECT_SCRIPT.match(args[0]):
        inner = [args[0].rsplit("/", 1)[-1], *args[1:]]
    else:
        inner = _plugin_or_jar(cmd)
    if not inner or not inner[0]:
        return None
    return replace(cmd, argv=inner, words=[], wrappers=[*cmd.wrappers, name], writes_cache=None)


def effects(
    cmd: SimpleCommand,
    consumer: SimpleCommand | None = None,
    *,
    consumer_of: Callable[[], SimpleCommand | None] | None = None,
) -> Iterator[Effect]:
    """The catalogue's effects of one command (none for a program it does not know), and of the
    program a runner in it runs (:func:`run_by`); ``consumer`` is the command its output is
    piped straight into, if any. ``consumer_of`` instead finds it, called only if a clause
    that applies unless the output is piped somewhere needs it (at most once)."""
    piped = _Consumer(consumer_of if consumer_of is not None else lambda: consumer)
    yield from _own_effects(cmd, piped)
    if cmd.wrappers:
        for wrapper in _wrapper_commands(cmd):
            yield from _own_effects(wrapper, piped)
    inner = cmd
    for _ in range(3):  # `uv run python manage.py flush`
        ran = run_by(inner)
        if ran is None:
            return
        inner = ran
        yield from _own_effects(inner, piped)


def _wrapper_commands(cmd: SimpleCommand) -> Iterator[SimpleCommand]:
    """The wrappers around ``cmd`` that the catalogue lists (`torsocks curl ...`, `exec -a NAME
    prog`), each as a command of its own: its words up to the program it runs."""
    listed = [w for w in cmd.wrappers if w in catalogue()]
    if not listed or not cmd.argv:
        return
    try:
        words = shlex.split(cmd.text)
    except ValueError:
        return
    n = len(cmd.argv)
    start = next(
        (
            i
            for i in range(len(words) - n + 1)
            if words[i].rsplit("/", 1)[-1] == cmd.name.rsplit("/", 1)[-1]
            and words[i + 1 : i + n] == cmd.args
        ),
        None,
    )
    if start is None:
        return
    prefix = words[:start]
    for name in listed:
        at = next((i for i, w in enumerate(prefix) if w.rsplit("/", 1)[-1] == name), None)
        if at is not None:
            yield replace(cmd, argv=[name, *prefix[at + 1 :]], words=[], writes_cache=None)


def _own_effects(cmd: SimpleCommand, consumer: _Consumer) -> Iterator[Effect]:
    program = catalogue().get(cmd.name)
    if program is None:
        return
    words = _program_operands(cmd, program)
    for clause in program.clauses:
        if not _applies(clause, cmd, words, program.clusters, consumer):
            continue
        if clause.on in RESOURCES:
            targets: list[tuple[str, Resource]] = [("", cast(Resource, clause.on))]
        else:
            if clause.on == "@value":
                raw_targets = _option_values(cmd.args, clause.options)
            elif clause.on == "@first":
                raw_targets = words[len(clause.subcommand) :][:1]
            elif clause.on == "@rest":
                raw_targets = words[len(clause.subcommand) + 1 :]
            elif clause.on == "@last":
                raw_targets = words[-1:]
            else:
                raw_targets = words[len(clause.subcommand) :]
            targets = [(t, resource_of_path(t, clause.op, cmd.cwd)) for t in raw_targets]
        fixed = clause.on in RESOURCES
        if clause.resources:
            targets = [(t, r) for t, r in targets if r in clause.resources]
        for target, resource in targets:
            # an override grades what the clause names; on typed operands it only rescales a
            # harm the effect table already sees (a workspace file stays ordinary work)
            override = fixed or grade_of(clause.op, resource) is not None
            yield Effect(
                op=clause.op,
                resource=resource,
                target=target,
                evidence=cmd.text,
                what=clause.what,
                severity=clause.severity if override else None,
                probability=clause.probability if override else None,
                reversible=clause.reversible if override else None,
            )
