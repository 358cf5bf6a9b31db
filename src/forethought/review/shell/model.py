"""The shapes the shell analysis produces: words, simple commands, issues, the whole analysis."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

# Largest command the reviewer accepts, in bytes of UTF-8.
MAX_COMMAND_BYTES = 100_000
# Nested shells (bash -c, eval, here-docs into sh), substitutions and decoded payloads.
MAX_DEPTH = 8


@dataclass(frozen=True, slots=True, init=False)
class Word:
    """One shell word after quote removal, escape processing and what could be expanded.

    ``value`` is what the shell would pass as the argument, as far as a static reading can tell;
    ``span`` is the source text. ``dynamic`` means some part (an unknown variable, a command
    substitution the reviewer could not evaluate) is only known at run time; that part is kept
    in ``value`` as written. ``decoded`` says the value came from a decoded or computed payload.
    """

    value: str
    span: str
    dynamic: bool = False
    substitutions: tuple[str, ...] = ()
    decoded: bool = False

    def __init__(
        self,
        value: str,
        span: str,
        dynamic: bool = False,
        substitutions: tuple[str, ...] = (),
        decoded: bool = False,
    ) -> None:
        # the generated __init__ of a frozen dataclass sets each field through
        # object.__setattr__; the slots' own setters do the same at a fraction of the cost
        _set_value(self, value)
        _set_span(self, span)
        _set_dynamic(self, dynamic)
        _set_substitutions(self, substitutions)
        _set_decoded(self, decoded)


_set_value = Word.__dict__["value"].__set__
_set_span = Word.__dict__["span"].__set__
_set_dynamic = Word.__dict__["dynamic"].__set__
_set_substitutions = Word.__dict__["substitutions"].__set__
_set_decoded = Word.__dict__["decoded"].__set__


@dataclass(slots=True, init=False)
class SimpleCommand:
    """One command the script would run, after unwrapping sudo/env/nice/xargs and the like.

    ``argv[0]`` is the program (``/bin/rm`` becomes ``rm``); ``redirects`` are (operator,
    target) pairs, the operator as written with any file descriptor (``2>``, ``&>``, ``<<<``);
    ``text`` is the source span, a substring of the reviewed command when ``origin`` is empty,
    otherwise of the payload named by ``origin`` (whose place in the reviewed command is
    ``anchor``); ``depth`` counts the nested shells, substitutions and decodings around it.
    """

    argv: list[str]
    redirects: list[tuple[str, str]]
    text: str
    depth: int
    words: list[Word] = field(default_factory=list)
    wrappers: list[str] = field(default_factory=list)
    env: dict[str, str] = field(default_factory=dict)
    pipeline: int = -1
    stage: int = 0
    background: bool = False
    origin: str = ""
    anchor: str = ""
    in_substitution: bool = False
    parent: int | None = None
    stdin: str | None = None
    in_loop: bool = False
    infinite_loop: bool = False
    function: str | None = None
    cwd: str | None = None
    index: int = 0
    # Paths a find whose -exec runs this command starts from, and whether it filters them.
    find_roots: tuple[str, ...] = ()
    find_filtered: str = ""  # "", "weak" or "strong": see unwrap.FindCommand
    # write_targets() of this command, computed once: several rules ask
    writes_cache: list[WriteTarget] | None = field(default=None, repr=False, compare=False)
    # argv[0], or "" for none: set once (the rules ask for it about 40 times per command); the
    # parse is the one place that changes argv[0] after, and it sets both
    name: str = field(init=False, default="", repr=False, compare=False)

    def __init__(
        self,
        argv: list[str],
        redirects: list[tuple[str, str]],
        text: str,
        depth: int,
        words: list[Word] | None = None,
        wrappers: list[str] | None = None,
        env: dict[str, str] | None = None,
        pipeline: int = -1,
        stage: int = 0,
        background: bool = False,
        origin: str = "",
        anchor: str = "",
        in_substitution: bool = False,
        parent: int | None = None,
        stdin: str | None = None,
        in_loop: bool = False,
        infinite_loop: bool = False,
        function: str | None = None,
        cwd: str | None = None,
        index: int = 0,
        find_roots: tuple[str, ...] = (),
        find_filtered: str = "",
        writes_cache: list[WriteTarget] | None = None,
    ) -> None:
        # what the generated __init__ does (a fresh list or dict for each default left out),
        # without its per-field default-factory tests: the walk's hottest constructor
        self.argv = argv
        self.redirects = redirects
        self.text = text
        self.depth = depth
        self.words = [] if words is None else words
        self.wrappers = [] if wrappers is None else wrappers
        self.env = {} if env is None else env
        self.pipeline = pipeline
        self.stage = stage
        self.background = background
        self.origin = origin
        self.anchor = anchor
        self.in_substitution = in_substitution
        self.parent = parent
        self.stdin = stdin
        self.in_loop = in_loop
        self.infinite_loop = infinite_loop
        self.function = function
        self.cwd = cwd
        self.index = index
        self.find_roots = find_roots
        self.find_filtered = find_filtered
        self.writes_cache = writes_cache
        self.name = argv[0] if argv else ""

    @property
    def args(self) -> list[str]:
        return self.argv[1:]

    @property
    def dynamic_name(self) -> bool:
        return bool(self.words) and self.words[0].dynamic

    @property
    def evidence(self) -> str:
        return self.text


@dataclass(frozen=True, slots=True)
class Issue:
    """Something the reviewer could not see through: the policy must hear about it."""

    kind: str  # parse_error | too_deep | too_large | unresolved_command | unknown_stdin
    detail: str
    evidence: str
    origin: str = ""


@dataclass(frozen=True, slots=True)
class FunctionDef:
    name: str
    text: str
    origin: str = ""


@dataclass(frozen=True, slots=True)
class Payload:
    """Text the script would run that is not literally in it (decoded, unquoted, expanded)."""

    text: str
    how: str
    anchor: str


@dataclass(slots=True, init=False)
class ShellAnalysis:
    """Everything a static reading of one command found."""

    source: str
    commands: list[SimpleCommand] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    functions: dict[str, FunctionDef] = field(default_factory=dict)
    payloads: list[Payload] = field(default_factory=list)
    # Literal contents the script writes to a path (echo/printf/cat <<EOF > path).
    written_files: dict[str, str] = field(default_factory=dict)
    # What each of those writers wrote, by the writer's command index.
    written_by: dict[int, str] = field(default_factory=dict)
    # (program, the lines after it) where a command starts an interactive program whose input
    # the following lines of a multi-line proposal look like.
    transcripts: list[tuple[SimpleCommand, str]] = field(default_factory=list)
    _indexed: int = field(default=-1, repr=False, compare=False)
    _by_pipeline: dict[int, list[SimpleCommand]] = field(
        default_factory=dict, repr=False, compare=False
    )
    _by_parent: dict[int, list[SimpleCommand]] = field(
        default_factory=dict, repr=False, compare=False
    )
    _mounts: tuple[int, dict[str, str]] | None = field(default=None, repr=False, compare=False)

    def __init__(
        self,
        source: str,
        commands: list[SimpleCommand] | None = None,
        issues: list[Issue] | None = None,
        functions: dict[str, FunctionDef] | None = None,
        payloads: list[Payload] | None = None,
        written_files: dict[str, str] | None = None,
        written_by: dict[int, str] | None = None,
        transcripts: list[tuple[SimpleCommand, str]] | None = None,
    ) -> None:
        # what the generated __init__ does, without its per-field default-factory tests (one
        # analysis per walk); the private caches always start empty
        self.source = source
        self.commands = [] if commands is None else commands
        self.issues = [] if issues is None else issues
        self.functions = {} if functions is None else functions
        self.payloads = [] if payloads is None else payloads
        self.written_files = {} if written_files is None else written_files
        self.written_by = {} if written_by is None else written_by
        self.transcripts = [] if transcripts is None else transcripts
        self._indexed = -1
        self._by_pipeline = {}
        self._by_parent = {}
        self._mounts = None

    def _indexes(self) -> tuple[dict[int, list[SimpleCommand]], dict[int, list[SimpleCommand]]]:
        if self._indexed != len(self.commands):
            pipelines: dict[int, list[SimpleCommand]] = {}
            children: dict[int, list[SimpleCommand]] = {}
            for c in self.commands:
                if c.pipeline >= 0:
                    pipelines.setdefault(c.pipeline, []).append(c)
                if c.parent is not None:
                    children.setdefault(c.parent, []).append(c)
            for stages in pipelines.values():
                stages.sort(key=lambda c: c.stage)  # (stable: commands of one stage in order)
            self._by_pipeline, self._by_parent = pipelines, children
            self._indexed = len(self.commands)
        return self._by_pipeline, self._by_parent

    def pipeline(self, cmd: SimpleCommand) -> list[SimpleCommand]:
        """The commands of the pipeline ``cmd`` is a stage of, in stage order."""
        if cmd.pipeline < 0:
            return [cmd]
        return list(self._indexes()[0].get(cmd.pipeline, [cmd]))

    def upstream(self, cmd: SimpleCommand) -> list[SimpleCommand]:
        """Commands in earlier stages of ``cmd``'s pipeline: what feeds its standard input."""
        if cmd.pipeline < 0 or cmd.stage == 0:
            return []
        return [c for c in self.pipeline(cmd) if c.stage < cmd.stage]

    def mounted_roots(self) -> dict[str, str]:
        """Where this command line mounts a block device: {mount point: device}
        (``mount /dev/vda1 /mnt``: the paths under /mnt are that disk's system's)."""
        if self._mounts is not None and self._mounts[0] == len(self.commands):
            return self._mounts[1]
        found: dict[str, str] = {}
        for c in self.commands:
            if c.name != "mount":
                continue
            words, skip = [], False
            for arg in c.args:
                if skip:
                    skip = False
                elif arg in ("-o", "-t", "-L", "-U", "-O", "-T", "-N", "--options", "--types"):
                    skip = True
                elif not arg.startswith("-"):
                    words.append(arg)
            if len(words) == 2 and words[0].startswith("/dev/") and words[1].startswith("/"):
                found[words[1].rstrip("/") or "/"] = words[0]
        self._mounts = (len(self.commands), found)
        return found

    def remote_mounts(self) -> dict[str, str]:
        """Where this command line mounts another machine's share: {mount point: host}
        (``mount -t nfs 203.0.113.28:/export /mnt/r``, ``mount_smbfs //u@fs/share /tmp/s``,
        ``sshfs u@host:/srv /mnt/s``): what is copied under the point goes to that host."""
        found: dict[str, str] = {}
        for c in self.commands:
            if c.name not in (
                "mount",
                "mount_smbfs",
                "mount_nfs",
                "mount.cifs",
                "mount.nfs",
                "sshfs",
                "mount_afp",
                "mount_webdav",
            ):
                continue
            words = [a for a in c.args if not a.startswith("-")]
            values = {c.args[i + 1] for i, a in enumerate(c.args[:-1]) if a in ("-o", "-t")}
            words = [w for w in words if w not in values]
            if len(words) < 2 or not words[-1].startswith("/"):
                continue
            source = words[-2]
            share = re.match(r"^//(?:[^/@]*@)?([^/]+)/|^(?:[^@:/]+@)?([\w.-]+):", source)
            if share:
                found[words[-1].rstrip("/") or "/"] = share.group(1) or share.group(2)
        return found

    def piped_file(self, cmd: SimpleCommand) -> str | None:
        """The one local file the pipeline feeds into ``cmd`` unchanged: ``cat F | sh``,
        ``curl file://F | sh``; None for anything else (a download, a filter, several files)."""
        upstream = self.upstream(cmd)
        if len(upstream) != 1 or upstream[0].redirects:
            return None
        feeder = upstream[0]
        if feeder.name == "cat":
            files = [a for a in feeder.args if not a.startswith("-")]
            return files[0] if len(files) == 1 and len(feeder.args) == 1 else None
        if feeder.name == "curl":
            urls = [a for a in feeder.args if "://" in a or not a.startswith("-")]
            if len(urls) == 1 and urls[0][:7].lower() == "file://":
                return urls[0][7:]
        return None

    def next_stage(self, cmd: SimpleCommand) -> list[SimpleCommand]:
        """The commands of the stage right after ``cmd``'s in its pipeline (what it pipes into)."""
        if cmd.pipeline < 0:
            return []
        stages = self._indexes()[0].get(cmd.pipeline, [])
        at = bisect.bisect_right(stages, cmd.stage, key=lambda c: c.stage)
        return [c for c in stages[at : at + 8] if c.stage == cmd.stage + 1]

    def downstream(self, cmd: SimpleCommand) -> list[SimpleCommand]:
        if cmd.pipeline < 0:
            return []
        return [c for c in self.pipeline(cmd) if c.stage > cmd.stage]

    def children(self, cmd: SimpleCommand) -> list[SimpleCommand]:
        """Commands nested directly in ``cmd``: its substitutions, -exec commands, payloads."""
        return self._indexes()[1].get(cmd.index, [])

    def write_targets(self) -> list[WriteTarget]:
        from forethought.review.shell.writes import write_targets

        return [t for c in self.commands for t in write_targets(c)]


@dataclass(frozen=True, slots=True)
class WriteTarget:
    """A path a command writes, deletes or changes the metadata of."""

    path: str
    how: str  # redirect | append | cp | mv | tee | sed -i | rm | chmod | ...
    command: SimpleCommand
    append: bool = False
