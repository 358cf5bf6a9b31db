"""Seeing through wrappers: ``sudo -u x env A=1 nice -n 5 timeout 3 /bin/rm`` runs ``rm``."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from forethought.review.shell.model import Word

# Directories whose programs are referred to by their bare name.
_BIN_DIRS = frozenset(
    {
        "/bin",
        "/sbin",
        "/usr/bin",
        "/usr/sbin",
        "/usr/local/bin",
        "/usr/local/sbin",
        "/opt/homebrew/bin",
        "/opt/local/bin",
        "/usr/libexec",
        "/run/current-system/sw/bin",
        "/system/bin",
        "/usr/gnu/bin",
        "/snap/bin",
    }
)
_ASSIGNMENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*=", re.S)


def program_name(value: str) -> str:
    """``/usr/bin/curl`` -> ``curl``; ``\\rm`` was already unescaped; other paths stay."""
    if "/" in value:
        head, tail = posixpath.split(value)
        if posixpath.normpath(head or "/") in _BIN_DIRS and tail:
            return tail
    return value


@dataclass(slots=True)
class Unwrapped:
    words: list[Word]
    wrappers: list[str] = field(default_factory=list)
    env: dict[str, str] = field(default_factory=dict)
    # set by a wrapper that runs the command as another user than root (sudo -u postgres): the
    # wrapper is recorded as AS_USER, which no rule reads as root
    as_user: str | None = None
    # set by a wrapper whose options change what running the command means: recorded in
    # place of the wrapper's name (systemd-run with a timer: SYSTEMD_TIMER)
    tag: str | None = None


def _skip_options(
    words: Sequence[Word], with_value: str = "", long_with_value: frozenset[str] = frozenset()
) -> int:
    """Index of the first operand, past `-x`, `-xVALUE`, `-x VALUE`, `--long[=v]` and `--`."""
    i = 0
    while i < len(words):
        arg = words[i].value
        if arg == "--":
            return i + 1
        if not arg.startswith("-") or arg == "-":
            return i
        if arg.startswith("--"):
            if "=" not in arg and arg[2:] in long_with_value:
                i += 1
            i += 1
            continue
        letters = arg[1:]
        for pos, letter in enumerate(letters):
            if letter in with_value:
                if pos == len(letters) - 1:
                    i += 1  # the value is the next word
                break
        i += 1
    return i


def _options_then_command(
    with_value: str = "", long_with_value: tuple[str, ...] = ()
) -> Callable[[list[Word], Unwrapped], list[Word] | None]:
    longs = frozenset(long_with_value)

    def unwrap(rest: list[Word], _out: Unwrapped) -> list[Word] | None:
        i = _skip_options(rest, with_value, longs)
        return rest[i:] or None

    return unwrap


def _sudo(rest: list[Word], out: Unwrapped) -> list[Word] | None:
    i = _skip_options(
        rest,
        "ugpCDhrtTUR",
        frozenset(
            {
                "user",
                "group",
                "prompt",
                "close-from",
                "chdir",
                "chroot",
                "host",
                "role",
                "type",
                "command-timeout",
                "other-user",
            }
        ),
    )
    flags = {w.value for w in rest[:i]}
    if flags & {"-e", "--edit", "-l", "--list", "-v", "-k", "-K", "-V"}:
        return None
    for j, word in enumerate(rest[:i]):
        value = word.value
        user = (
            rest[j + 1].value
            if value in ("-u", "--user") and j + 1 < i
            else value[2:]
            if value.startswith("-u") and len(value) > 2
            else value.split("=", 1)[1]
            if value.startswith("--user=")
            else None
        )
        # (#-1 and #4294967295 are root too: sudo before 1.8.28 read them as uid 0,
        # CVE-2019-14287, where a rule said "any user but root")
        if (
            user
            and not word.dynamic
            and user not in ("root", "0", "#0", "#-1", "#4294967295")
            and "$" not in user
        ):
            out.as_user = user
    while i < len(rest) and _ASSIGNMENT.match(rest[i].value):  # sudo VAR=value cmd
        name, value = rest[i].value.split("=", 1)
        out.env[name] = value
        i += 1
    return rest[i:] or None


def _env(rest: list[Word], out: Unwrapped) -> list[Word] | None:
    i = 0
    while i < len(rest):
        arg = rest[i].value
        if arg in ("-S", "--split-string") and i + 1 < len(rest):
            split = [
                Word(v, rest[i + 1].span, rest[i + 1].dynamic) for v in rest[i + 1].value.split()
            ]
            rest = split + rest[i + 2 :]
            i = 0
            continue
        if arg.startswith("--split-string="):
            split = [Word(v, rest[i].span, rest[i].dynamic) for v in arg.split("=", 1)[1].split()]
            rest = split + rest[i + 1 :]
            i = 0
            continue
        if arg in ("-u", "--unset", "-C", "--chdir", "-P"):
            i += 2
            continue
        if arg == "--":
            i += 1
            break
        if arg.startswith("-") and arg != "-":
            i += 1
            continue
        if _ASSIGNMENT.match(arg):
            name, value = arg.split("=", 1)
            out.env[name] = value
            i += 1
            continue
        break
    return rest[i:] or None


def _timeout(rest: list[Word], _out: Unwrapped) -> list[Word] | None:
    i = _skip_options(rest, "sk", frozenset({"signal", "kill-after"}))
    return rest[i + 1 :] or None  # rest[i] is the duration


def _command(rest: list[Word], _out: Unwrapped) -> list[Word] | None:
    i = _skip_options(rest)
    if any(w.value in ("-v", "-V") for w in rest[:i]):
        return None  # only looks the name up
    return rest[i:] or None


def _busybox(rest: list[Word], _out: Unwrapped) -> list[Word] | None:
    if not rest or rest[0].value.startswith("-"):
        return None
    return rest


def _xargs(rest: list[Word], _out: Unwrapped) -> list[Word] | None:
    i = _skip_options(
        rest,
        "IdEeLlnPsa",
        frozenset(
            {
                "arg-file",
                "delimiter",
                "eof",
                "replace",
                "max-lines",
                "max-args",
                "max-procs",
                "max-chars",
                "process-slot-var",
            }
        ),
    )
    return rest[i:] or None


def _leading_number(with_value: str) -> Callable[[list[Word], Unwrapped], list[Word] | None]:
    """Wrappers whose options are followed by a number or mask: chrt, taskset."""

    def unwrap(rest: list[Word], _out: Unwrapped) -> list[Word] | None:
        i = _skip_options(rest, with_value)
        if any(w.value in ("-p", "--pid") for w in rest[:i]):
            return None
        if i < len(rest) and re.fullmatch(r"(0x)?[0-9a-fA-F,-]+", rest[i].value):
            i += 1
        return rest[i:] or None

    return unwrap


# systemd-run(1): options that take a value (short, long).
_SYSTEMD_RUN_VALUES = (
    "pEuMHC",
    frozenset(
        "property unit description slice setenv uid gid nice working-directory machine host "
        "capsule service-type on-active on-boot on-startup on-unit-active on-unit-inactive "
        "on-calendar on-clock-change on-timezone-change timer-property path-property "
        "socket-property send-sighup".split()
    ),
)


def _systemd_run(rest: list[Word], out: Unwrapped) -> list[Word] | None:
    """The command systemd-run starts as a transient service (now, or later where a timer
    option is given: the wrapper is then recorded as SYSTEMD_TIMER)."""
    i = _skip_options(rest, *_SYSTEMD_RUN_VALUES)
    if any(w.value.startswith(("--on-", "--timer-property")) for w in rest[:i]):
        user = any(w.value == "--user" for w in rest[:i])
        out.tag = SYSTEMD_USER_TIMER if user else SYSTEMD_TIMER
    return rest[i:] or None


# setarch(8): `setarch [arch] [options] [program [argument...]]`; linux32, linux64, i386 and
# x86_64 are setarch under another name, with the architecture in the name.
_ARCHES = re.compile(
    r"^(?:i[3-6]86|x86_64|linux32|linux64|aarch64|arm\w*|ppc\w*|s390x?|riscv64|mips\w*)$"
)


def _setarch(rest: list[Word], _out: Unwrapped) -> list[Word] | None:
    # (the architecture: a name, or `uname -m` substituted)
    i = 1 if rest and (_ARCHES.match(rest[0].value) or rest[0].dynamic) else 0
    i += _skip_options(rest[i:])
    return rest[i:] or None


def _chroot(rest: list[Word], _out: Unwrapped) -> list[Word] | None:
    i = _skip_options(rest, "", frozenset({"userspec", "groups"}))
    return rest[i + 1 :] or None


def _nice(rest: list[Word], _out: Unwrapped) -> list[Word] | None:
    if rest and re.fullmatch(r"-\d+", rest[0].value):
        rest = rest[1:]
    i = _skip_options(rest, "n", frozenset({"adjustment"}))
    return rest[i:] or None


def _screen(rest: list[Word], _out: Unwrapped) -> list[Word] | None:
    if any(w.value in ("-X", "-r", "-R", "-x", "-ls", "-list", "-wipe") for w in rest):
        return None
    i = _skip_options(rest, "ScpTheL")
    return rest[i:] or None


def _runuser(rest: list[Word], _out: Unwrapped) -> list[Word] | None:
    if any(w.value in ("-c", "--command") or w.value.startswith("--command=") for w in rest):
        return None  # runs a shell string: handled with su
    i = _skip_options(rest, "ugGs", frozenset({"user", "group", "supp-group", "shell"}))
    return rest[i:] or None


# Container CLIs whose `exec` runs a command in a container: what the command does there is
# judged as the command (a reverse shell from inside a container is still one). Global options
# before the subcommand, the subcommand's options that take a value, and whether the command
# follows `--` (kubectl, lxc) or the container's name (docker).
_CONTAINER_GLOBALS = frozenset(
    "H host context c config l log-level tlscacert tlscert tlskey n namespace kubeconfig "
    "cluster user s server token address url connection identity remote project".split()
)
_CONTAINER_EXEC_VALUES = frozenset(
    "e env env-file u user w workdir detach-keys c container n namespace f filename "
    "pod-running-timeout index project-name p".split()
)


def _container_exec() -> Callable[[list[Word], Unwrapped], list[Word] | None]:
    def unwrap(rest: list[Word], _out: Unwrapped) -> list[Word] | None:
        i = 0
        while i < len(rest) and rest[i].value.startswith("-"):  # global options
            name = rest[i].value.lstrip("-")
            i += 1 if "=" in name or name not in _CONTAINER_GLOBALS else 2
        if i < len(rest) and rest[i].value in ("container", "compose"):
            i += 1
            while i < len(rest) and rest[i].value.startswith("-"):  # compose's own options
                name = rest[i].value.lstrip("-")
                i += 1 if "=" in name or name not in _CONTAINER_GLOBALS else 2
        if i >= len(rest) or rest[i].value != "exec":
            return None
        words = rest[i + 1 :]
        at = next((j for j, w in enumerate(words) if w.value == "--"), None)
        if at is not None:
            return _command_in_container(words[at + 1 :])
        # (without `--`: docker's `exec CONTAINER CMD`, kubectl's old `exec POD CMD`)
        j = 0
        while j < len(words) and words[j].value.startswith("-"):
            name = words[j].value.lstrip("-")
            short_value = len(words[j].value) == 2 and name in _CONTAINER_EXEC_VALUES
            long_value = words[j].value.startswith("--") and name in _CONTAINER_EXEC_VALUES
            j += 2 if "=" not in name and (short_value or long_value) else 1
        return _command_in_container(words[j + 1 :])  # words[j] names the container (or pod)

    return unwrap


def _command_in_container(words: list[Word]) -> list[Word] | None:
    """The command a container runs, or None where there is none to judge (an interactive
    shell: what is typed into it is not in the proposal)."""
    if not words:
        return None
    if words[0].value in ("bash", "sh", "zsh", "ash", "dash") and all(
        w.value in ("-i", "-l", "--login") for w in words[1:]
    ):
        return None
    return words


WRAPPERS: dict[str, Callable[[list[Word], Unwrapped], list[Word] | None]] = {
    **{
        name: _container_exec()
        for name in ("docker", "podman", "nerdctl", "crictl", "kubectl", "oc", "lxc", "incus")
    },
    "sudo": _sudo,
    "doas": _options_then_command("uC"),
    "pkexec": _options_then_command("", ("user",)),
    "env": _env,
    "nice": _nice,
    "nohup": _options_then_command(),
    "setsid": _options_then_command(),
    "time": _options_then_command("fo", ("format", "output")),
    "stdbuf": _options_then_command("ioe", ("input", "output", "error")),
    "ionice": _options_then_command("cnp", ("class", "classdata", "pid")),
    "chrt": _leading_number(""),
    "taskset": _leading_number("c"),
    "timeout": _timeout,
    "command": _command,
    "builtin": _options_then_command(),
    "exec": _options_then_command("a"),
    "busybox": _busybox,
    "toybox": _busybox,
    "xargs": _xargs,
    "strace": _options_then_command("oepsuEIabPSX"),
    "ltrace": _options_then_command("oepsuEIabnSX"),
    "chroot": _chroot,
    "systemd-run": _systemd_run,
    **{name: _setarch for name in ("setarch", "linux32", "linux64", "i386", "x86_64")},
    "unshare": _options_then_command("SGRw", ("setuid", "setgid", "root", "wd")),
    "nsenter": _options_then_command("tSGrw", ("target",)),
    "caffeinate": _options_then_command("tw"),
    "unbuffer": _options_then_command(),
    "rlwrap": _options_then_command("afHPpSs"),
    "proxychains": _options_then_command("f"),
    "proxychains4": _options_then_command("f"),
    "torsocks": _options_then_command("uapP"),
    "torify": _options_then_command(),
    "firejail": _options_then_command(),
    "catchsegv": _options_then_command(),
    "faketime": _leading_number(""),
    "runuser": _runuser,
    "screen": _screen,
}

# Wrappers that run their command as another (usually more privileged) user.
PRIVILEGE_WRAPPERS = frozenset({"sudo", "doas", "pkexec", "runuser"})
AS_USER = "sudo -u"  # sudo to a user other than root (not a privilege wrapper)
# systemd-run that runs its command later on a transient timer: of the system manager (as
# root, unless --uid says otherwise), or of the user's own (--user)
SYSTEMD_TIMER = "systemd-run --on-*"
SYSTEMD_USER_TIMER = "systemd-run --user --on-*"


def unwrap(words: list[Word]) -> Unwrapped:
    """Strip wrappers off ``words`` and resolve the program name."""
    out = Unwrapped(list(words))
    for _ in range(32):
        if not out.words:
            break
        head = out.words[0]
        name = program_name(head.value)
        if name != head.value:
            out.words[0] = replace(head, value=name)
        wrapper = WRAPPERS.get(name)
        if wrapper is None:
            break
        inner = wrapper(out.words[1:], out)
        if inner is None:
            break
        out.wrappers.append(AS_USER if name == "sudo" and out.as_user else out.tag or name)
        out.as_user = None
        out.tag = None
        out.words = list(inner)
    return out


_FIND_EXEC = frozenset({"-exec", "-execdir", "-ok", "-okdir"})
# find primaries that do not narrow what is matched; any other test does.
_FIND_NON_FILTERS = frozenset(
    {
        "-print",
        "-print0",
        "-printf",
        "-fprint",
        "-fprint0",
        "-fprintf",
        "-ls",
        "-fls",
        "-delete",
        "-depth",
        "-d",
        "-maxdepth",
        "-mindepth",
        "-xdev",
        "-mount",
        "-follow",
        "-noleaf",
        "-daystart",
        "-regextype",
        "-warn",
        "-nowarn",
        "-ignore_readdir_race",
        "-o",
        "-or",
        "-a",
        "-and",
        "-not",
        "!",
        "(",
        ")",
        ",",
        "-true",
        "-quit",
        "-help",
        "-version",
    }
)
# Tests that narrow the match only a little: -type f still matches every file.
_WEAK_FILTERS = frozenset({"-type", "-xtype"})


@dataclass(frozen=True, slots=True)
class FindCommand:
    roots: tuple[str, ...]
    filtered: str  # "" (everything under the roots), "weak" (-type) or "strong" (-name, -mtime...)
    exec_commands: tuple[tuple[Word, ...], ...]
    deletes: bool


def parse_find(args: Sequence[Word]) -> FindCommand:
    """Roots, how much the tests narrow the match, and the commands of -exec/-execdir/-ok."""
    values = [w.value for w in args]
    count = len(values)
    roots: list[str] = []
    i = 0
    while i < count and values[i] in ("-H", "-L", "-P", "-O0", "-O1", "-O2", "-O3", "-D"):
        i += 2 if values[i] == "-D" else 1
    while i < count and not values[i].startswith(("-", "(", "!")) and values[i] != ",":
        roots.append(values[i])
        i += 1
    filtered, deletes = "", False
    commands: list[tuple[Word, ...]] = []
    while i < count:
        arg = values[i]
        if not arg.startswith("-"):  # a value (or `(`, `!`): every test below needs a dash
            i += 1
            continue
        if arg in _FIND_EXEC:
            j = i + 1
            while j < count and values[j] not in (";", "+"):
                j += 1
            commands.append(tuple(args[i + 1 : j]))
            i = j + 1
            continue
        if (
            arg in ("-name", "-iname", "-path", "-ipath", "-wholename")
            and i + 1 < count
            and values[i + 1] in ("*", ".*", "*/*")
        ):
            i += 2
            continue  # matches everything
        if arg == "-delete":
            deletes = True
        elif arg in _WEAK_FILTERS:
            filtered = filtered or "weak"
        elif arg.startswith("-") and arg not in _FIND_NON_FILTERS:
            filtered = "strong"
        i += 1
    return FindCommand(tuple(roots) or (".",), filtered, tuple(commands), deletes)
