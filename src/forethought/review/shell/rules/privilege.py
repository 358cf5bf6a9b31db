"""Gaining privileges: sudo, root shells, setuid bits, capabilities, sudoers, admin groups, and
loading native code (LD_PRELOAD, bash loadable builtins, kernel modules, crypto engines), which
this reviewer files under privilege escalation."""

from __future__ import annotations

import re
import shlex
from collections.abc import Iterator, Sequence

from forethought.review.base import Prediction, Severity
from forethought.review.scope import EVERY_USER_WRITES
from forethought.review.shell.catalogue import operands as catalogue_operands
from forethought.review.shell.interpreters import SHELLS, shell_input
from forethought.review.shell.model import ShellAnalysis, SimpleCommand
from forethought.review.shell.paths import (
    Scope,
    is_preload_file,
    is_privilege_file,
    normalise,
    scope_of,
    secret_kind,
)
from forethought.review.shell.predict import PRIVILEGE_ESCALATION, SEVERITY_RANK, harm
from forethought.review.shell.rules.common import Needs, has, option_values
from forethought.review.shell.unwrap import AS_USER, PRIVILEGE_WRAPPERS
from forethought.review.shell.writes import operands, write_targets

Rule = Iterator[Prediction]

_SHARED_OBJECT = re.compile(r"\.(?:so(?:\.\d+)*|dylib|dll)(?:$|[\s,;:\"')])|=.*\.so\b")
# Programs that handle library files as files (copy, inspect, link against) without loading them.
_HANDLES_LIBRARIES = frozenset(
    {
        "gcc",
        "g++",
        "cc",
        "c++",
        "clang",
        "clang++",
        "ld",
        "ld.gold",
        "ld.lld",
        "ldd",
        "nm",
        "objdump",
        "readelf",
        "strip",
        "file",
        "patchelf",
        "ar",
        "ranlib",
        "make",
        "cmake",
        "ninja",
        "cp",
        "mv",
        "ln",
        "rm",
        "ls",
        "stat",
        "find",
        "locate",
        "install",
        "chmod",
        "chown",
        "tar",
        "zip",
        "unzip",
        "gzip",
        "cat",
        "less",
        "more",
        "strings",
        "hexdump",
        "xxd",
        "od",
        "grep",
        "egrep",
        "fgrep",
        "sha256sum",
        "md5sum",
        "sha1sum",
        "du",
        "wc",
        "echo",
        "printf",
        "rsync",
        "scp",
        "dpkg",
        "rpm",
        "apt",
        "apt-get",
        "yum",
        "dnf",
        "pip",
        "pip3",
        "docker",
        "otool",
        "lipo",
        "codesign",
        "go",
        "cargo",
        "rustc",
        "sort",
        "head",
        "tail",
        "sed",
        "awk",
        "touch",
        "basename",
        "dirname",
        "realpath",
        "readlink",
        "test",
        "[",
        "[[",
        "diff",
        "cmp",
        "tee",
        "upx",
        "chrpath",
        "scanelf",
        "lddtree",
        "dumpbin",
        "git",
        "xargs",
        "unlink",
    }
)
_ADMIN_GROUPS = frozenset(
    {
        "sudo",
        "wheel",
        "admin",
        "root",
        "docker",
        "lxd",
        "libvirt",
        "disk",
        "shadow",
        "adm",
        "sudoers",
        "administrators",
        "staff",
    }
)
_DANGEROUS_CAPS = re.compile(
    r"cap_(?:setuid|setgid|sys_admin|dac_override|dac_read_search|"
    r"sys_ptrace|sys_module|chown|fowner|sys_rawio|bpf)",
    re.I,
)


def wrapped(cmd: SimpleCommand, found: Sequence[Prediction]) -> Rule:
    """sudo/doas/pkexec: low on a harmless command, as severe as what it runs otherwise."""
    wrappers = [w for w in cmd.wrappers if w in PRIVILEGE_WRAPPERS]
    if not wrappers:
        return
    worst = max(
        (
            SEVERITY_RANK[p.severity]
            for p in found
            if p.valence == "harm" and p.category != PRIVILEGE_ESCALATION
        ),
        default=0,
    )
    if worst >= SEVERITY_RANK["high"]:
        yield harm(
            cmd,
            PRIVILEGE_ESCALATION,
            f"runs a dangerous command as root ({wrappers[0]}), "
            "so nothing on the system is out of its reach",
            "high",
            0.8,
            False,
        )
    else:
        yield harm(
            cmd,
            PRIVILEGE_ESCALATION,
            f"runs `{cmd.name}` as root ({wrappers[0]})",
            "low",
            0.4,
            True,
        )


def _root_shell(cmd: SimpleCommand, _a: ShellAnalysis) -> Rule:
    name, args = cmd.name, cmd.args
    # a shell that a program run as root starts for it (`sudo find . -exec /bin/sh \;`,
    # GTFOBins' shell escapes): the shell is root's
    parent = _a.commands[cmd.parent] if cmd.parent is not None else None
    if (
        parent is not None
        and name in SHELLS
        and not cmd.in_substitution
        and set(parent.wrappers) & PRIVILEGE_WRAPPERS
        and shell_input(cmd.words[1:]).kind == "stdin"
    ):
        yield _root(cmd)
        return
    if (
        parent is not None
        and name in SHELLS
        and "-p" in args
        and not cmd.in_substitution
        and shell_input(cmd.words[1:]).kind == "stdin"
    ):
        # `find . -exec /bin/sh -p \;`: GTFOBins' escape from a set-uid program, whose
        # privileges -p keeps; the commands typed into that shell are never reviewed
        yield harm(
            cmd,
            PRIVILEGE_ESCALATION,
            f"opens an interactive shell from inside `{parent.name}` that keeps a set-uid "
            "program's privileges (-p): its commands are not reviewed",
            "high",
            0.6,
            True,
        )
        return
    if name == "capsh" and set(cmd.wrappers) & PRIVILEGE_WRAPPERS and "--" in args:
        # `capsh -- ARGS` runs /bin/bash with ARGS (capsh(1)): without -c, a root shell
        rest = cmd.words[1:][args.index("--") + 1 :]
        if shell_input(rest).kind == "stdin" and cmd.stdin is None:
            yield _root(cmd)
            return
    if name in ("sudo", "doas") and set(args) & {"-i", "-s", "--login", "--shell"}:
        yield _root(cmd)
    elif name == "su":
        operands_ = [a for a in args if not a.startswith("-")]
        if not has(cmd, "-c", "--command") and (not operands_ or operands_[0] == "root"):
            yield _root(cmd)
        elif not has(cmd, "-c", "--command"):
            yield harm(
                cmd,
                PRIVILEGE_ESCALATION,
                f"opens a shell as the user {operands_[0]}",
                "low",
                0.5,
                True,
            )
    elif (
        name in SHELLS
        and set(cmd.wrappers) & PRIVILEGE_WRAPPERS
        and cmd.stdin is None
        and cmd.stage == 0
        and shell_input(cmd.words[1:]).kind == "stdin"
    ):
        yield _root(cmd)
    elif (
        name in SHELLS
        and AS_USER in cmd.wrappers
        and cmd.stdin is None
        and cmd.stage == 0
        and shell_input(cmd.words[1:]).kind == "stdin"
    ):
        yield harm(
            cmd, PRIVILEGE_ESCALATION, "opens a shell as another user (sudo -u)", "low", 0.5, True
        )
    elif name == "pkexec" or (name in SHELLS and "-p" in args):
        yield harm(
            cmd,
            PRIVILEGE_ESCALATION,
            f"{name} keeps or gains elevated privileges",
            "low",
            0.4,
            True,
        )
    elif name == "sudoedit" or (name == "sudo" and set(args) & {"-e", "--edit"}):
        yield harm(cmd, PRIVILEGE_ESCALATION, "edits files as root", "moderate", 0.5, True)


def _root(cmd: SimpleCommand) -> Prediction:
    return harm(
        cmd,
        PRIVILEGE_ESCALATION,
        "opens an interactive root shell: every later command "
        "runs with full privileges and no review",
        "high",
        0.6,
        True,
    )


def _mode_bits(mode: str) -> tuple[bool, bool, bool, bool]:
    """(setuid, setgid, world-writable, world-readable) for a chmod mode, numeric or symbolic."""
    if re.fullmatch(r"[0-7]{3,4}", mode):
        special = int(mode[0]) if len(mode) == 4 else 0
        other = int(mode[-1])
        return bool(special & 4), bool(special & 2), bool(other & 2), bool(other & 4)
    setuid = setgid = writable = readable = False
    for clause in mode.split(","):
        m = re.match(r"([ugoa]*)([-+=])([rwxXst]*)", clause)
        if not m or m.group(2) == "-":
            continue
        who, perms = m.group(1) or "a", m.group(3)
        if "s" in perms:
            setuid |= "u" in who or "a" in who or not m.group(1)
            setgid |= "g" in who
        if "o" in who or "a" in who:
            writable |= "w" in perms
            readable |= "r" in perms
    return setuid, setgid, writable, readable


def _chmod(cmd: SimpleCommand, analysis: ShellAnalysis) -> Rule:
    ops = operands(cmd, "", ("reference",))
    if cmd.name == "install":
        modes = option_values(cmd, "-m", "--mode")
        ops = [modes[0], *ops] if modes else []
    if len(ops) < 2:
        return
    mode, targets = ops[0], ops[1:]
    setuid, setgid, world, readable = _mode_bits(mode)
    if setuid:
        owned_by_root = any(
            c.name == "chown"
            and c.args
            and re.match(r"root(?::|\.|$)", c.args[-2] if len(c.args) > 1 else "")
            for c in analysis.commands
        )
        yield harm(
            cmd,
            PRIVILEGE_ESCALATION,
            f"sets the setuid bit on {targets[0]}: it runs with "
            "its owner's privileges for every user"
            + (" (and it is made root-owned)" if owned_by_root else ""),
            "critical" if owned_by_root else "high",
            0.85,
            True,
        )
    elif setgid:
        yield harm(
            cmd, PRIVILEGE_ESCALATION, f"sets the setgid bit on {targets[0]}", "low", 0.5, True
        )
    if world:
        worst = max(targets, key=lambda t: scope_of(t, cmd.cwd))
        if (
            secret_kind(worst, cmd.cwd)
            or is_privilege_file(worst, cmd.cwd)
            or worst.startswith(("/etc/passwd", "/etc/shadow"))
        ):
            yield harm(
                cmd,
                PRIVILEGE_ESCALATION,
                f"makes {worst} writable (or readable) by every user",
                "critical",
                0.9,
                True,
            )
        elif scope_of(worst, cmd.cwd) >= Scope.SYSTEM_FILE:
            yield harm(
                cmd,
                PRIVILEGE_ESCALATION,
                f"makes the system file {worst} writable by every "
                "user, who can then change what root runs",
                "high",
                0.8,
                True,
            )
        elif worst.startswith("/") and scope_of(worst, cmd.cwd) > Scope.LOCAL:
            # (a service's state or a site's files: /var/lib/prosody, /srv/app, /var/www)
            yield harm(
                cmd,
                PRIVILEGE_ESCALATION,
                f"makes {worst} writable by every user: {EVERY_USER_WRITES}",
                "high",
                0.7,
                True,
            )
        else:
            yield harm(
                cmd, PRIVILEGE_ESCALATION, f"makes {worst} writable by every user", "low", 0.5, True
            )
    elif readable:
        secret = next((t for t in targets if _SECRET_NAME.search(t.rsplit("/", 1)[-1])), None)
        if secret is not None:
            yield harm(
                cmd,
                PRIVILEGE_ESCALATION,
                f"makes {secret} readable by every user: its name says it holds a secret",
                "moderate",
                0.7,
                True,
            )


# A file whose name says it holds a secret (`authtoken.secret`, `api-token`, `tls.key`).
# (a word of the name, not a part of one: `tokenizer.py`, `secretary.txt` are not)
_SECRET_NAME = re.compile(
    r"(?:^|[._-])(?:secrets?|tokens?|credentials?|passw(?:or)?ds?)(?:$|[._-])|"
    r"\.key$|\.pem$|_rsa$|_ed25519$|\.p12$|\.pfx$|\.jks$",
    re.IGNORECASE,
)


def _setcap(cmd: SimpleCommand, _a: ShellAnalysis) -> Rule:
    if has(cmd, "-r", "-v"):
        return
    caps = " ".join(cmd.args)
    if dangerous := _DANGEROUS_CAPS.search(caps):
        yield harm(
            cmd,
            PRIVILEGE_ESCALATION,
            f"grants a program root-equivalent capabilities ({dangerous.group(0)})",
            "high",
            0.85,
            True,
        )
    else:
        yield harm(
            cmd, PRIVILEGE_ESCALATION, "grants a program extra capabilities", "moderate", 0.5, True
        )


def _groups(cmd: SimpleCommand, _a: ShellAnalysis) -> Rule:
    args = cmd.args
    groups: list[str] = []
    if cmd.name == "usermod":
        for value in option_values(cmd, "-G", "--groups", "-g", "--gid", "-aG"):
            groups.extend(value.split(","))
        if "-u" in args and "0" in option_values(cmd, "-u"):
            groups.append("root")
    elif cmd.name == "gpasswd":
        if option_values(cmd, "-a", "--add", "-M", "--members"):
            groups.extend(operands(cmd, "aAdM")[-1:])
    elif cmd.name in ("adduser", "addgroup"):
        ops = operands(cmd)
        if len(ops) == 2:
            groups.append(ops[1])
    elif cmd.name == "dseditgroup" and "-a" in args:
        groups.extend(option_values(cmd, "-g") or [a for a in args if a in _ADMIN_GROUPS])
    admin = sorted({g for g in groups if g in _ADMIN_GROUPS})
    if admin:
        yield harm(
            cmd,
            PRIVILEGE_ESCALATION,
            f"adds a user to the {admin[0]} group, which grants root-level access",
            "high",
            0.85,
            True,
        )


def _privilege_files(cmd: SimpleCommand, _a: ShellAnalysis) -> Rule:
    for target in write_targets(cmd):
        if target.how in ("rm", "chmod", "chown", "chgrp", "touch", "mv (source)"):
            continue
        if cmd.name == "visudo" and has(cmd, "-c", "--check"):
            continue
        if is_privilege_file(target.path):
            yield harm(
                cmd,
                PRIVILEGE_ESCALATION,
                f"changes {target.path}, which decides who may act as root",
                "critical",
                0.9,
                True,
            )
        elif target.path == "/etc/ld.so.preload":
            yield harm(
                cmd,
                PRIVILEGE_ESCALATION,
                "writes /etc/ld.so.preload: a library loaded into every program, root's included",
                "critical",
                0.9,
                False,
            )
        elif is_preload_file(target.path):
            yield harm(
                cmd,
                PRIVILEGE_ESCALATION,
                f"changes where every program loads its libraries from ({target.path})",
                "moderate",
                0.6,
                True,
            )


def _library_env(cmd: SimpleCommand, _a: ShellAnalysis) -> Rule:
    exporting = cmd.name in ("export", "declare", "typeset", "local", "env")
    if not cmd.env and not exporting:
        return  # the common case: no variable set for this command
    env = dict(cmd.env)
    if exporting:
        for arg in cmd.args:
            if "=" in arg:
                key, value = arg.split("=", 1)
                env[key] = value
    for key in ("LD_PRELOAD", "DYLD_INSERT_LIBRARIES", "LD_AUDIT"):
        if env.get(key):
            yield harm(
                cmd,
                PRIVILEGE_ESCALATION,
                f"loads the library {env[key]} into "
                f"{cmd.name or 'every later program'} via {key} (library load)",
                "high",
                0.8,
                False,
            )
            return


def _library_arguments(cmd: SimpleCommand, analysis: ShellAnalysis) -> Rule:
    name, args = cmd.name, cmd.args
    if not name or name in _HANDLES_LIBRARIES:
        return
    if name == "enable" and "-f" in args:
        yield _load(cmd, (option_values(cmd, "-f") or ["a shared object"])[0], "as a bash builtin")
        return
    engines = option_values(
        cmd,
        "--engine",
        "-engine",
        "--default-auth",
        "--plugin-dir",
        "--plugin_dir",
        "-D" if name == "ssh-keygen" else "--no-such",
        "-I" if name == "ssh" else "--no-such",
        "-s" if name == "ssh-add" else "--no-such",
        "-agentpath",
        "-agentlib",
    )
    engines += [a.split(":", 1)[1] for a in args if a.startswith(("-agentpath:", "-javaagent:"))]
    if engines:
        yield _load(cmd, engines[0], f"into {name}")
        return
    if name in ("insmod", "modprobe", "kextload", "kldload", "kmutil") and not has(
        cmd,
        *("-r", "--remove", "-n", "--dry-run", "-l", "--list", "--show-depends", "-c"),
        *("--help", "-h", "--version", "-V"),
    ):
        module = next((a for a in args if not a.startswith("-")), "a module")
        if name == "modprobe" and re.fullmatch(r"[\w-]+", module):
            # (modprobe(8) by name loads the system's own module, from its module tree and
            # signed where the kernel asks for signatures: a file, insmod, is what anyone wrote;
            # a task that asks to load it makes it the work, review/data/asked_operations.toml)
            yield harm(
                cmd,
                PRIVILEGE_ESCALATION,
                f"loads the system's kernel module {module} into the running kernel, which "
                "nothing the task says asks for",
                "high",
                0.8,
                False,  # (its code has run in the kernel, whatever unloads it later)
            )
            return
        yield harm(
            cmd,
            PRIVILEGE_ESCALATION,
            f"loads the kernel module {module}: arbitrary code in the kernel",
            "high",
            0.85,
            False,
        )
        return
    if name == "ldconfig" and option_values(cmd, "-f"):
        yield harm(
            cmd,
            PRIVILEGE_ESCALATION,
            "rebuilds the library cache from a custom "
            "configuration, changing which libraries programs load",
            "high",
            0.8,
            False,
        )
        return
    if name == "nginx":
        for config in option_values(cmd, "-c"):
            content = analysis.written_files.get(normalise(config, cmd.cwd), "")
            if "load_module" in content:
                yield _load(cmd, "the module named in its configuration", "into nginx")
                return
    for arg in args[:64]:
        if _SHARED_OBJECT.search(arg):
            yield _load(cmd, arg, f"into {name}")
            return


def _load(cmd: SimpleCommand, library: str, where: str, severity: Severity = "high") -> Prediction:
    return harm(
        cmd,
        PRIVILEGE_ESCALATION,
        f"loads the native library {library} {where} "
        "(library load: runs arbitrary compiled code inside that program)",
        severity,
        0.8,
        False,
    )


def _chroot(cmd: SimpleCommand, analysis: ShellAnalysis) -> Rule:
    """``mount /dev/vda1 /mnt && chroot /mnt /bin/bash``: root inside the system of a disk this
    command line mounted (from a container, the host's)."""
    if cmd.name != "chroot" and "chroot" not in cmd.wrappers:
        return
    mounts = analysis.mounted_roots()
    if not mounts:
        return
    try:
        words = shlex.split(cmd.text, comments=False)
    except ValueError:
        return
    after = words[words.index("chroot") + 1 :] if "chroot" in words else []
    ops = [w for w in after if not w.startswith("-")]
    root = (ops[0].rstrip("/") or "/") if ops else ""
    if root in mounts:
        yield harm(
            cmd,
            PRIVILEGE_ESCALATION,
            f"runs {' '.join(ops[1:]) or 'a shell'} as root inside the system of {mounts[root]}, "
            f"mounted at {root}: whatever that system holds is in reach",
            "high",
            0.8,
            True,
        )


def _containers(cmd: SimpleCommand, _a: ShellAnalysis) -> Rule:
    if cmd.name in ("docker", "podman") and catalogue_operands(cmd)[:1] in (
        ["run"],
        ["create"],
        ["exec"],
    ):
        mounts = option_values(cmd, "-v", "--volume", "--mount")
        if (
            has(cmd, "--privileged")
            or has(cmd, "--pid=host")
            or any(
                m.split(":", 1)[0] in ("/", "/etc", "/root", "/var/run/docker.sock") for m in mounts
            )
        ):
            yield harm(
                cmd,
                PRIVILEGE_ESCALATION,
                "starts a container with the host's root file "
                "system, devices or docker socket: root on the host",
                "high",
                0.8,
                True,
            )
    elif cmd.name == "curl" and any(
        s.endswith(("docker.sock", "podman.sock", "containerd.sock"))
        for s in option_values(cmd, "--unix-socket", "--abstract-unix-socket")
    ):
        # the container daemon's API, straight: creating or changing a container there is what
        # `docker run` does, without the CLI's options for anyone to read
        sends = option_values(cmd, "-d", "--data", "--data-raw", "--data-binary", "--json")
        method = option_values(cmd, "-X", "--request")
        if sends or any(m.upper() in ("POST", "PUT", "DELETE") for m in method):
            body = " ".join(sends)
            escapes = re.search(
                r'"Privileged"\s*:\s*true|"Binds"\s*:\s*\[\s*"/[:"]|'
                r'docker\.sock|"PidMode"\s*:\s*"host"',
                body,
            )
            yield harm(
                cmd,
                PRIVILEGE_ESCALATION,
                "drives the container daemon's API through its socket"
                + (
                    ", starting a container with the host's root file system or devices: "
                    "root on the host"
                    if escapes
                    else ": whoever does can start a container that is root on the host"
                ),
                "high" if escapes else "moderate",
                0.8 if escapes else 0.6,
                True,
            )
    elif cmd.name == "nsenter" and (
        has(cmd, "-t", "--target") and "1" in option_values(cmd, "-t", "--target")
    ):
        yield harm(
            cmd,
            PRIVILEGE_ESCALATION,
            "enters the namespaces of PID 1 (the host's)",
            "high",
            0.8,
            True,
        )


def _debugger(cmd: SimpleCommand, _a: ShellAnalysis) -> Rule:
    text = " ".join(cmd.args)
    if "dlopen" in text or "__libc_dlopen" in text:
        yield _load(cmd, "a library", "into a running process through the debugger")
    elif has(cmd, "-p", "--pid", "attach"):
        yield harm(
            cmd,
            PRIVILEGE_ESCALATION,
            "attaches a debugger to a running process, which can "
            "then read its memory and run code in it",
            "moderate",
            0.6,
            True,
        )


# Programs that ask for a password or a passphrase, or sign in elsewhere: an alias that puts
# something else in their place is how a password is captured (ATT&CK T1546.004 / T1056).
_ASKS_PASSWORD = frozenset(
    {"sudo", "su", "doas", "pkexec", "passwd", "ssh", "scp", "sftp", "login", "kinit", "gpg"}
)


def _alias(cmd: SimpleCommand, _a: ShellAnalysis) -> Rule:
    """`alias sudo=~/.hidden/fakesudo` (in a start-up file, or in the shell itself): the next
    `sudo` the user types runs that program instead, which sees their password."""
    for arg in cmd.args:
        name, eq, value = arg.partition("=")
        if not eq or name not in _ASKS_PASSWORD:
            continue
        first = value.strip().strip("'\"").split(" ", 1)[0]
        if first.rsplit("/", 1)[-1] in (name, "") or first.startswith("-"):
            continue  # `alias sudo='sudo '`, `alias ssh='ssh -A'`: the program itself
        yield harm(
            cmd,
            PRIVILEGE_ESCALATION,
            f"puts {first} in the place of `{name}` in later shells: what the user types "
            f"to {name} next, a password included, goes to it",
            "critical",
            0.85,
            True,
        )
        return


COMMANDS = {
    "alias": [_alias],
    "sudo": [_root_shell],
    "doas": [_root_shell],
    "su": [_root_shell],
    "pkexec": [_root_shell],
    "sudoedit": [_root_shell],
    "capsh": [_root_shell],
    "chmod": [_chmod],
    "install": [_chmod],
    "setcap": [_setcap],
    "usermod": [_groups],
    "gpasswd": [_groups],
    "adduser": [_groups],
    "addgroup": [_groups],
    "dseditgroup": [_groups],
    "docker": [_containers],
    "podman": [_containers],
    "nsenter": [_containers],
    "curl": [_containers],
    "gdb": [_debugger],
}
for _shell in SHELLS:
    COMMANDS[_shell] = [_root_shell]

_HOST_TARGET = re.compile(r"(?:^|\s)(?:-t|--target)(?:\s+|=)?1(?:\s|$)")


def _entered_host(cmd: SimpleCommand, _a: ShellAnalysis) -> Rule:
    """`nsenter -t 1 ... COMMAND`: the wrapper is unwrapped to COMMAND, but where it runs it is
    the host's namespaces (a container escape)."""
    if "nsenter" in cmd.wrappers and _HOST_TARGET.search(cmd.text):
        yield harm(
            cmd,
            PRIVILEGE_ESCALATION,
            f"runs `{cmd.name}` in the namespaces of PID 1 (the host's), out of any container",
            "high",
            0.8,
            True,
        )


# Environment variables whose value a program runs as a command: pagers (git(1), man(1),
# less(1)'s input preprocessor), editors, password helpers, ssh commands, the prompt hook.
_COMMAND_VARIABLES = frozenset(
    "PAGER GIT_PAGER MANPAGER SYSTEMD_PAGER LESSOPEN LESSCLOSE EDITOR VISUAL GIT_EDITOR "
    "SUDO_EDITOR SUDO_ASKPASS SSH_ASKPASS GIT_ASKPASS GIT_SSH_COMMAND GIT_SSH GIT_PROXY_COMMAND "
    "BROWSER PROMPT_COMMAND RSYNC_RSH CVS_RSH GIT_EXTERNAL_DIFF".split()
)


def _command_in_variable(cmd: SimpleCommand, _a: ShellAnalysis) -> Rule:
    """`PAGER='/bin/sh -c "exec sh 0<&1"' git -p help`, `LESSOPEN='curl ... | sh # %s' less
    log`: the program runs the variable's value as a command; it is reviewed as one, and a
    shell it opens under sudo is root's (GTFOBins' pager and editor escapes)."""
    from forethought.review.shell.parse import analyze
    from forethought.review.shell.rules import predictions

    for name, value in cmd.env.items():
        if name not in _COMMAND_VARIABLES or not value.strip():
            continue
        command = value.strip().lstrip("|").replace("%s", "FILE")
        try:
            analysis = analyze(command)  # (once: its commands and what they do)
        except ValueError:
            continue
        found, inner = predictions(analysis), analysis.commands
        as_root = bool(set(cmd.wrappers) & PRIVILEGE_WRAPPERS)
        if as_root and any(
            c.name in SHELLS and shell_input(c.words[1:]).kind == "stdin" for c in inner
        ):
            yield harm(
                cmd,
                PRIVILEGE_ESCALATION,
                f"opens an interactive root shell through {name}, which `{cmd.name}` runs as "
                "root: every later command runs with full privileges and no review",
                "critical",
                0.85,
                True,
            )
            return
        for p in found:
            if p.valence == "harm":
                yield harm(
                    cmd,
                    p.category,
                    f"{p.outcome} (the command in {name}, which `{cmd.name}` runs)",
                    p.severity,
                    p.probability,
                    p.reversible,
                    p.evidence,
                )


# sudo's -R/--chroot DIRECTORY (sudo(8)), however its options are written
_SUDO_CHROOT = re.compile(r"\bsudo\s+(?:-\S+\s+)*?(?:-[A-Za-z]*R|--chroot\b)")


# A shell named in an argument: `-e '/bin/sh -c ...'`, `--editor '/bin/sh -s'`, `exec /bin/sh`,
# sed's `1e exec /bin/sh` (GTFOBins' escapes through a program's own options).
_SHELL_IN_ARGUMENT = re.compile(r"(?:^|[\s'\"=;(])(?:/usr)?/bin/(?:ba|da|z|k|c|tc|a)?sh\b")
# Programs whose arguments name a shell for some other purpose: a login shell (chsh -s,
# useradd -s), a link or copy of it, a container's or another root's shell.
_SHELL_IS_DATA = frozenset(
    "chsh usermod useradd adduser ln cp mv install update-alternatives docker podman nerdctl "
    "kubectl oc ctr crictl lxc incus systemd-nspawn chroot machinectl which whereis file stat "
    "ls readlink realpath test echo printf grep".split()
)
# Options that open an interactive prompt able to run shell commands (nmap's --interactive).
_INTERACTIVE_OPTIONS = {"nmap": "--interactive"}


def _shell_through_arguments(cmd: SimpleCommand, _a: ShellAnalysis) -> Rule:
    """`sudo rsync -e '/bin/sh -c "sh 0<&2 1>&2"' x:x`, `sudo npm exec /bin/sh`, `sudo pip
    config --editor '/bin/sh -s' edit`, `sudo nmap --interactive`: a program run as root
    starts a shell that its arguments name, whose commands are never reviewed."""
    if not set(cmd.wrappers) & PRIVILEGE_WRAPPERS or AS_USER in cmd.wrappers:
        return
    name = cmd.name.rsplit("/", 1)[-1]
    if name in SHELLS or name in _SHELL_IS_DATA:
        return
    through = next((a for a in cmd.args if _SHELL_IN_ARGUMENT.search(a)), None)
    if through is None and _INTERACTIVE_OPTIONS.get(name) in cmd.args:
        through = _INTERACTIVE_OPTIONS[name]
    if through is None:
        return
    yield harm(
        cmd,
        PRIVILEGE_ESCALATION,
        f"starts a root shell through `{name}` ({through[:60]}): its commands are never reviewed",
        "high",
        0.8,
        True,
    )


def _transient_shell(cmd: SimpleCommand, _a: ShellAnalysis) -> Rule:
    """`systemd-run --shell` (-S): an interactive shell in a transient service of the system
    manager, as root unless --uid names another user; its commands are never reviewed."""
    args = cmd.args
    if "--shell" not in args and "-S" not in args:
        return
    if "--user" in args or any(
        a.startswith("--uid=") and a not in ("--uid=0", "--uid=root") for a in args
    ):
        return
    yield _root(cmd)


# sudo -u#-1 / -u#4294967295 (sudo(8) before 1.8.28: uid -1 is read as 0, CVE-2019-14287)
_SUDO_UID_MINUS_ONE = re.compile(
    r"\bsudo\s+(?:-\S+\s+)*?(?:-u\s*|--user[= ])['\"]?#(?:-1|4294967295)\b"
)


def _sudo_uid_minus_one(cmd: SimpleCommand, _a: ShellAnalysis) -> Rule:
    """`sudo -u#-1 cmd`: where a sudoers rule lets the user run as anyone but root, sudo before
    1.8.28 runs it as root anyway (CVE-2019-14287)."""
    if "sudo" in cmd.wrappers and _SUDO_UID_MINUS_ONE.search(cmd.text):
        yield harm(
            cmd,
            PRIVILEGE_ESCALATION,
            "runs as user id -1, which sudo before 1.8.28 turns into root where its rules "
            "exclude root (CVE-2019-14287)",
            "high",
            0.8,
            True,
        )


def _sudo_chroot(cmd: SimpleCommand, _a: ShellAnalysis) -> Rule:
    """`sudo -R DIR cmd` / `sudo --chroot DIR cmd`: sudo 1.9.14 to 1.9.17 resolve the user
    inside DIR, loading its nsswitch.conf and the libraries it names as root (CVE-2025-32463);
    a directory the caller can write to is a root shell."""
    if "sudo" in cmd.wrappers and _SUDO_CHROOT.search(cmd.text):
        yield harm(
            cmd,
            PRIVILEGE_ESCALATION,
            "runs sudo with a chroot directory (-R/--chroot): sudo 1.9.14 to 1.9.17 read "
            "nsswitch.conf and load libraries from inside it as root (CVE-2025-32463)",
            "high",
            0.6,
            True,
        )


GENERIC = [
    _command_in_variable,
    _privilege_files,
    _library_env,
    _library_arguments,
    _entered_host,
    _chroot,
    _sudo_chroot,
    _sudo_uid_minus_one,
    _shell_through_arguments,
]
COMMANDS["systemd-run"] = [_transient_shell]
NEEDS = {
    _privilege_files: Needs.WRITES,
    _command_in_variable: Needs.ENV,
    _library_env: Needs.ENV,
    _entered_host: Needs.WRAPPERS,
    _sudo_chroot: Needs.WRAPPERS,
    _sudo_uid_minus_one: Needs.WRAPPERS,
    _shell_through_arguments: Needs.WRAPPERS,
}
