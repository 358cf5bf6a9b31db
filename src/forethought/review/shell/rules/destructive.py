"""Deletion and overwrite: rm, find -delete, dd/mkfs onto devices, git history, databases."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from forethought.review.base import Prediction, Severity
from forethought.review.shell.git import subcommand
from forethought.review.shell.model import ShellAnalysis, SimpleCommand
from forethought.review.shell.paths import Scope, is_device, is_os_root, normalise, scope_of
from forethought.review.shell.predict import DESTRUCTIVE, harm
from forethought.review.shell.rules.common import Needs, has, long_flags, option_values, short_flags
from forethought.review.shell.writes import operands, write_targets

Rule = Iterator[Prediction]


class _Reach(NamedTuple):
    """How a deletion at one Scope is described and graded: (severity, probability) of
    deleting there recursively, a single file, and with tests that narrow what is deleted."""

    words: str
    recursive: tuple[Severity, float]
    single: tuple[Severity, float]
    filtered: tuple[Severity, float] = ("low", 0.5)


_REACH: dict[Scope, _Reach] = {
    Scope.SYSTEM: _Reach(
        "the whole system or a whole home directory",
        ("critical", 0.95),
        ("high", 0.8),
        ("moderate", 0.3),
    ),
    Scope.SYSTEM_FILE: _Reach("system files", ("high", 0.8), ("high", 0.8)),
    Scope.USER_CONFIG: _Reach("user configuration or keys", ("high", 0.7), ("high", 0.6)),
    Scope.PARENT: _Reach("the parent directory", ("high", 0.6), ("moderate", 0.5)),
    Scope.CWD_ALL: _Reach(
        "everything in the current directory", ("moderate", 0.7), ("moderate", 0.5)
    ),
    Scope.HOME_PART: _Reach("part of a home directory", ("moderate", 0.6), ("low", 0.5)),
    Scope.ABSOLUTE: _Reach("a directory tree outside the project", ("moderate", 0.5), ("low", 0.5)),
    Scope.UNKNOWN: _Reach(
        "a path built from a variable (if it is empty, this reaches /)",
        ("moderate", 0.25),
        ("low", 0.4),
    ),
    Scope.LOCAL: _Reach("a file or directory in the project", ("low", 0.5), ("low", 0.5)),
}


# Caches a package manager or tool rebuilds by itself (every Dockerfile ends its installs with
# `rm -rf /var/lib/apt/lists/*`): deleting them costs a download, never data.
_CACHES = re.compile(
    r"^(?:/var/lib/apt/lists|/var/cache/(?:apt|apk|yum|dnf|zypp|pacman/pkg|debconf|man|"
    r"fontconfig|ldconfig)|/var/lib/(?:yum|dnf)/(?:history|repos|yumdb)|"
    r"(?:/root|/home/[\w.-]+|~|\$HOME|\$\{HOME\})/\.(?:cache|npm/_cacache|cargo/registry/cache|"
    r"gradle/caches|m2/repository))(?:/|$)"
)


def deletion(
    cmd: SimpleCommand, targets: list[str], recursive: bool, verb: str, filtered: str = ""
) -> Prediction | None:
    """The harm of deleting ``targets``, graded by how far the worst of them reaches."""
    targets = [t for t in targets if t and t != "{}"]
    if not targets:
        return None
    if all(_CACHES.match(normalise(t, cmd.cwd)) for t in targets):
        return harm(
            cmd,
            DESTRUCTIVE,
            f"{verb} caches the package manager or tool rebuilds ({targets[0]}): costs a "
            "download, not data",
            "low",
            0.5,
            True,
        )
    if any(is_device(normalise(t, cmd.cwd)) for t in targets):
        device = next(t for t in targets if is_device(normalise(t, cmd.cwd)))
        return harm(
            cmd,
            DESTRUCTIVE,
            f"{verb} the block device {device}: every file on it is lost",
            "critical",
            0.9,
            False,
        )
    worst = max(targets, key=lambda t: scope_of(t, cmd.cwd))
    scope = scope_of(worst, cmd.cwd)
    reach = _REACH[scope]
    if filtered == "weak" and scope < Scope.HOME_PART:
        filtered = "strong"
    if filtered == "strong":
        severity, probability = reach.filtered
        outcome = f"{verb} the files matching its tests under {worst} ({reach.words})"
    else:
        severity, probability = reach.recursive if recursive else reach.single
        outcome = f"{verb} {worst}{' recursively' if recursive else ''}: {reach.words}"
    return harm(cmd, DESTRUCTIVE, outcome + " (not recoverable)", severity, probability, False)


def _rm(cmd: SimpleCommand, _a: ShellAnalysis) -> Rule:
    flags = short_flags(cmd)
    recursive = bool(flags & {"r", "R"}) or "--recursive" in long_flags(cmd)
    if has(cmd, "--no-preserve-root"):
        yield harm(
            cmd,
            DESTRUCTIVE,
            "deletes everything from / down (--no-preserve-root)",
            "critical",
            0.95,
            False,
        )
        return
    targets = [t for t in operands(cmd) if t != "{}"]
    if not targets and cmd.find_roots:
        found = deletion(cmd, list(cmd.find_roots), True, "deletes", cmd.find_filtered)
    elif not targets:
        found = harm(
            cmd, DESTRUCTIVE, "deletes the files fed to it (not recoverable)", "low", 0.5, False
        )
    else:
        found = deletion(cmd, targets, recursive, "deletes")
    if found is not None:
        yield found


def _find(cmd: SimpleCommand, _a: ShellAnalysis) -> Rule:
    if "-delete" not in cmd.args:
        return
    from forethought.review.shell.unwrap import parse_find

    found = parse_find(cmd.words[1:])
    prediction = deletion(cmd, list(found.roots), True, "deletes", found.filtered)
    if prediction is not None:
        yield prediction


def _shred(cmd: SimpleCommand, _a: ShellAnalysis) -> Rule:
    prediction = deletion(cmd, operands(cmd, "ns", ("iterations", "size")), False, "overwrites")
    if prediction is not None:
        yield prediction


def _dd(cmd: SimpleCommand, _a: ShellAnalysis) -> Rule:
    for arg in cmd.args:
        if arg.startswith("of="):
            target = normalise(arg[3:], cmd.cwd)
            if is_device(target):
                yield harm(
                    cmd,
                    DESTRUCTIVE,
                    f"overwrites the block device {target} with raw data: "
                    "its file systems are destroyed",
                    "critical",
                    0.9,
                    False,
                )
            elif scope_of(target) >= Scope.SYSTEM_FILE and not target.startswith("/dev/"):
                yield harm(
                    cmd, DESTRUCTIVE, f"overwrites the system file {target}", "high", 0.8, False
                )


def _device_tool(cmd: SimpleCommand, _a: ShellAnalysis) -> Rule:
    name = cmd.name
    devices = [a for a in operands(cmd) if is_device(normalise(a))]
    if not devices:
        devices = [
            a.split("=", 1)[1] for a in cmd.args if "=" in a and is_device(a.split("=", 1)[1])
        ]
    if not devices:
        return
    args = set(cmd.args)
    if name in ("fdisk", "sfdisk", "gdisk", "cfdisk") and args & {
        "-l",
        "--list",
        "-s",
        "-d",
        "--dump",
        "-V",
        "--verify",
    }:
        return
    if name == "parted" and not args & {"mklabel", "mkpart", "rm", "resizepart", "mkfs", "rescue"}:
        # print (p) and --list only read; otherwise parted waits for commands from the terminal
        listing = args & {"print", "p", "-l", "--list"}
        if "-s" not in args and "--script" not in args and not listing:
            yield harm(
                cmd,
                DESTRUCTIVE,
                f"opens the partition table of {devices[0]} for editing",
                "high",
                0.5,
                False,
            )
        return
    if name == "sgdisk" and not args & {"-Z", "--zap-all", "-o", "--clear", "-d", "--delete", "-n"}:
        return
    if name == "wipefs" and not args & {"-a", "--all", "-o", "--offset"}:
        return
    if name.startswith(("mke2fs", "mkfs.ext")) and args & {"-n", "-V"}:
        return  # -n: says what it would do, writes nothing (mke2fs(8)); -V: version
    if name == "mkfs.xfs" and "-N" in args:
        return  # -N: prints the geometry, writes nothing (mkfs.xfs(8))
    yield harm(
        cmd,
        DESTRUCTIVE,
        f"{name} rewrites {devices[0]}: everything stored on it is lost",
        "critical",
        0.9,
        False,
    )


def _permissions(cmd: SimpleCommand, _a: ShellAnalysis) -> Rule:
    recursive = "R" in short_flags(cmd) or "--recursive" in long_flags(cmd)
    targets = operands(cmd, "", ("reference",))[1:]
    if not targets:
        return
    if not recursive:
        return
    root = next((t for t in targets if is_os_root(t, cmd.cwd)), None)
    if root is not None:
        yield harm(
            cmd,
            DESTRUCTIVE,
            f"{cmd.name} -R over {root}: changes the permissions or owner "
            "of every system file, leaving the system broken or open to any user",
            "critical",
            0.9,
            False,
        )
        return
    worst = max(targets, key=lambda t: scope_of(t, cmd.cwd))
    if cmd.name == "chmod" and scope_of(worst, cmd.cwd) >= Scope.USER_CONFIG:
        yield harm(
            cmd,
            DESTRUCTIVE,
            f"changes permissions recursively under {worst}",
            "moderate",
            0.5,
            True,
        )


_GIT_DESTRUCTIVE = (
    (
        ("clean",),
        lambda a: (
            any(x.startswith("-") and "f" in x and not x.startswith("--") for x in a)
            or "--force" in a
        ),
        "deletes untracked files (and with -x ignored ones) from the work tree",
    ),
    (("reset",), lambda a: "--hard" in a, "discards uncommitted changes (git reset --hard)"),
    (
        ("push",),
        lambda a: (
            bool({"-f", "--force", "--force-with-lease", "--mirror", "--delete", "-d"} & set(a))
            or any(x.startswith(("+", "--force", ":")) for x in a)
        ),
        "rewrites or deletes history on the remote (forced push)",
    ),
    (
        ("checkout",),
        lambda a: "." in a and ("--" in a or len(a) <= 2),
        "discards uncommitted changes to tracked files",
    ),
    (
        ("restore",),
        lambda a: "--staged" not in a and bool({".", ":/"} & set(a)),
        "discards uncommitted changes to tracked files",
    ),
    (("filter-branch",), lambda a: True, "rewrites the repository history"),
    (("filter-repo",), lambda a: True, "rewrites the repository history"),
    (("reflog",), lambda a: "expire" in a, "expires the reflog, the safety net for lost commits"),
    (("gc",), lambda a: any(x.startswith("--prune=now") for x in a), "prunes unreachable commits"),
    (("stash",), lambda a: bool({"clear", "drop"} & set(a)), "drops stashed changes"),
    (("branch",), lambda a: "-D" in a, "force-deletes a branch with unmerged commits"),
)


def _git(cmd: SimpleCommand, _a: ShellAnalysis) -> Rule:
    found = subcommand(cmd.args)
    if found is None:
        return
    sub, rest = found
    for names, test, outcome in _GIT_DESTRUCTIVE:
        if sub in names and test(rest):
            reversible = sub in ("stash", "branch")
            yield harm(cmd, DESTRUCTIVE, outcome, "moderate", 0.6, reversible)
            return


def _truncate(cmd: SimpleCommand, _a: ShellAnalysis) -> Rule:
    sizes = option_values(cmd, "-s", "--size")
    if not sizes or sizes[0] not in ("0", "0K", "0M", "0k"):
        return
    prediction = deletion(cmd, operands(cmd, "sr", ("size", "reference")), False, "empties")
    if prediction is not None:
        yield prediction


def _rsync(cmd: SimpleCommand, _a: ShellAnalysis) -> Rule:
    if not any(a.startswith("--delete") for a in cmd.args):
        return
    ops = operands(cmd, "eTf", ("rsh", "rsync-path", "exclude", "include", "files-from", "filter"))
    if len(ops) >= 2 and ":" not in ops[-1].split("/", 1)[0]:
        prediction = deletion(cmd, [ops[-1]], True, "deletes whatever is not in the source from")
        if prediction is not None and prediction.severity not in ("low", "negligible"):
            yield prediction


def _mv(cmd: SimpleCommand, _a: ShellAnalysis) -> Rule:
    ops = operands(cmd, "tS", ("target-directory", "suffix"))
    if len(ops) < 2:
        return
    if ops[-1] == "/dev/null":
        prediction = deletion(cmd, ops[:-1], True, "discards (moves onto /dev/null)")
        if prediction is not None:
            yield prediction
        return
    for source in ops[:-1]:
        scope = scope_of(source, cmd.cwd)
        if scope == Scope.SYSTEM:
            yield harm(
                cmd,
                DESTRUCTIVE,
                f"moves {source} away: the system stops working",
                "critical",
                0.8,
                True,
            )
            return
        if scope == Scope.SYSTEM_FILE:
            yield harm(
                cmd, DESTRUCTIVE, f"moves the system file {source} away", "moderate", 0.7, True
            )
            return


# Directories whose files have fixed names the system's own files use (PAM's stacks, init
# scripts): writing one there replaces a file of the system, not adds a setting of one's own.
_FIXED_NAMES = re.compile(r"^/etc/(?:pam\.d|init\.d|rc\d?\.d|rcS\.d)/")


def _drop_in(path: str) -> bool:
    """A file in a ``*.d`` directory (``/etc/sysctl.d/99-es.conf``): such directories are made
    for adding files of one's own beside the system's."""
    parent = path.rsplit("/", 1)[0]
    return parent.endswith(".d") and not _FIXED_NAMES.match(path)


def _overwrites(cmd: SimpleCommand, _a: ShellAnalysis) -> Rule:
    """Redirects and copies onto devices and system files."""
    for target in write_targets(cmd):
        path, how = target.path, target.how
        if (
            how in ("sed -i", "perl -i", "ruby -i")
            and scope_of(path) >= Scope.SYSTEM_FILE
            and not path.startswith(("/dev/", "/proc/", "/sys/"))
        ):
            yield harm(
                cmd, DESTRUCTIVE, f"edits the system file {path} in place", "moderate", 0.6, True
            )
            continue
        if how in (
            "rm",
            "shred",
            "unlink",
            "rmdir",
            "truncate",
            "mv (source)",
            "sed -i",
            "perl -i",
            "ruby -i",
            "chmod",
            "chown",
            "chgrp",
            "touch",
            "chattr",
            "setfacl",
            "setcap",
            "dd",
            "crontab",
            "srm",
            "wipe",
        ):
            continue
        if is_device(path):
            yield harm(
                cmd,
                DESTRUCTIVE,
                f"writes raw data over the block device {path}",
                "critical",
                0.9,
                False,
            )
        elif scope_of(path) >= Scope.SYSTEM_FILE and not path.startswith(
            ("/dev/", "/proc/", "/sys/")
        ):
            if how == "redirect" and _drop_in(path):
                yield harm(
                    cmd,
                    DESTRUCTIVE,
                    f"adds or replaces {path} in a drop-in directory among system files",
                    "moderate",
                    0.6,
                    True,
                )
            elif how == "redirect":
                yield harm(
                    cmd,
                    DESTRUCTIVE,
                    f"replaces the contents of the system file {path}",
                    "high",
                    0.8,
                    False,
                )
            elif how in ("append", "tee -a"):
                yield harm(
                    cmd, DESTRUCTIVE, f"appends to the system file {path}", "moderate", 0.6, True
                )
            else:
                yield harm(
                    cmd,
                    DESTRUCTIVE,
                    f"writes {path} among system files ({how})",
                    "moderate",
                    0.6,
                    True,
                )


def _power(cmd: SimpleCommand, _a: ShellAnalysis) -> Rule:
    name, args = cmd.name, cmd.args
    if name == "init" and not ({"0", "6"} & set(args)):
        return
    if name == "systemctl" and not (
        {"poweroff", "reboot", "halt", "kexec", "rescue", "emergency"} & set(args)
    ):
        return
    if name == "shutdown" and "-c" in args:
        return
    yield harm(
        cmd,
        DESTRUCTIVE,
        "shuts down or reboots the machine, killing everything running on it",
        "high",
        0.7,
        True,
    )


def _kill(cmd: SimpleCommand, _a: ShellAnalysis) -> Rule:
    args = cmd.args
    if "-0" in args or "-l" in args:
        return
    if cmd.name == "killall5" or (
        cmd.name == "kill" and ("-1" in args[1:] or args[-1:] == ["-1"] or "1" in args)
    ):
        yield harm(
            cmd,
            DESTRUCTIVE,
            "kills every process (or init), taking the system down",
            "high",
            0.8,
            True,
        )


_SQL_DESTRUCTIVE = re.compile(
    r"\b(?:drop\s+(?:database|schema|table|keyspace)|truncate\s+(?:table\s+)?(?:only\s+)?[\w\".]+"
    r"|delete\s+from\s+\S+\s*(?:;|$)"
    r"|flushall|flushdb|dropDatabase\(\))",
    re.I,
)


def _database(cmd: SimpleCommand, _a: ShellAnalysis) -> Rule:
    texts = [*cmd.args, cmd.stdin or ""]
    if (
        cmd.name in ("dropdb", "dropuser")
        or (cmd.name == "mysqladmin" and "drop" in cmd.args)
        or (cmd.name == "etcdctl" and "del" in cmd.args and "--prefix" in cmd.args)
        or any(_SQL_DESTRUCTIVE.search(t) for t in texts if t)
    ):
        yield harm(
            cmd, DESTRUCTIVE, "drops or empties database tables or databases", "high", 0.7, False
        )


def _cloud(cmd: SimpleCommand, _a: ShellAnalysis) -> Rule:
    args = cmd.args
    # (`terraform plan -destroy` only shows what a destroy would remove)
    sub = next((a for a in args if not a.startswith("-")), "")
    if (
        cmd.name in ("terraform", "pulumi", "tofu")
        and ("destroy" in args or "-destroy" in args)
        and sub != "plan"
    ):
        yield harm(
            cmd, DESTRUCTIVE, "destroys the managed cloud infrastructure", "high", 0.7, False
        )
    elif cmd.name == "kubectl" and "delete" in args:
        wide = bool({"--all", "namespace", "ns", "--all-namespaces", "-A"} & set(args))
        yield harm(
            cmd,
            DESTRUCTIVE,
            "deletes Kubernetes resources",
            "high" if wide else "moderate",
            0.7 if wide else 0.5,
            False,
        )
    elif cmd.name in ("docker", "podman") and (
        ("prune" in args and ("-a" in args or "--all" in args or "--volumes" in args))
        or (args[:2] in (["volume", "rm"], ["volume", "prune"]))
    ):
        yield harm(
            cmd, DESTRUCTIVE, "deletes containers' volumes or images", "moderate", 0.6, False
        )


# Cloud and storage CLIs: the options before the subcommand that take a value, and how to read
# the words after them. A whole bucket, project, resource group, database, cluster or table is
# graded high; deleting any other one resource moderate (a human should confirm it).
_CLI_VALUED: dict[str, tuple[str, tuple[str, ...]]] = {
    "aws": ("", ("profile", "region", "output", "endpoint-url", "query", "ca-bundle", "color")),
    "gsutil": ("ohupi", ()),
    "gcloud": ("", ("project", "account", "configuration", "format", "verbosity", "zone")),
    "az": ("g", ("subscription", "output", "query", "resource-group", "name")),
    "s3cmd": ("c", ("config",)),
    "rclone": ("", ("config",)),
    "mc": ("", ("config-dir",)),
    "helm": ("n", ("namespace", "kube-context", "kubeconfig")),
}
_WHOLE = re.compile(
    r"^(?:rb|purge|group|projects?|buckets?|db-instance|db-cluster|table|stack|clusters?|"
    r"file-system|account|container|share|keyspace|database|instances)$|"
    r"^(?:delete|terminate)-(?:bucket|db-instance|db-cluster|table|stack|cluster|file-system|"
    r"instances|repository|global-cluster)$"
)
_DELETE_VERBS = re.compile(
    r"^(?:rm|del|delete|deletefile|delete-batch|uninstall|un|purge|rb|destroy)$|"
    r"^(?:delete|terminate|remove)-[a-z-]+$"
)


def _cloud_delete(cmd: SimpleCommand, _a: ShellAnalysis) -> Rule:
    """``aws s3 rm --recursive``, ``gsutil -m rm -r``, ``gcloud projects delete``, ``az group
    delete``, ``rclone purge``, ``helm uninstall``: deleting remote data or infrastructure."""
    letters, long_valued = _CLI_VALUED[cmd.name]
    words = operands(cmd, letters, long_valued)
    verb = next((w for w in words[:4] if _DELETE_VERBS.match(w)), None)
    if verb is None or (cmd.name == "mc" and verb not in ("rm", "rb")):
        return
    head = words[: words.index(verb) + 1]
    recursive = bool(short_flags(cmd) & {"r", "R", "a"}) or bool(
        long_flags(cmd) & {"--recursive", "--force", "--all"}
    )
    bucket_root = any(re.match(r"^(?:gs|s3)://[^/]+/?(?:\*\*?)?$", w) for w in words)
    wide = (
        any(_WHOLE.match(w) for w in head)
        or verb in ("rb", "purge")
        or (verb in ("rm", "del") and (recursive or bucket_root))
    )
    what = "an entire bucket, project, database or cluster" if wide else "a cloud resource"
    if cmd.name == "helm":
        what = "a deployed Helm release and the resources it created"
    yield harm(
        cmd,
        DESTRUCTIVE,
        f"deletes {what} ({' '.join(head)}): not recoverable from this machine",
        "high" if wide else "moderate",
        0.7 if wide else 0.5,
        False,
    )


def _crontab(cmd: SimpleCommand, _a: ShellAnalysis) -> Rule:
    if "-r" in cmd.args:
        yield harm(
            cmd, DESTRUCTIVE, "removes every scheduled cron job of the user", "moderate", 0.7, False
        )


COMMANDS = {
    "rm": [_rm],
    "unlink": [_rm],
    "srm": [_rm],
    "find": [_find],
    "shred": [_shred],
    "wipe": [_shred],
    "dd": [_dd],
    "chmod": [_permissions],
    "chown": [_permissions],
    "chgrp": [_permissions],
    "git": [_git],
    "rsync": [_rsync],
    "truncate": [_truncate],
    "mv": [_mv],
    "shutdown": [_power],
    "reboot": [_power],
    "halt": [_power],
    "poweroff": [_power],
    "init": [_power],
    "systemctl": [_power],
    "kill": [_kill],
    "killall5": [_kill],
    "dropdb": [_database],
    "mysql": [_database],
    "psql": [_database],
    "sqlite3": [_database],
    "redis-cli": [_database],
    "mongo": [_database],
    "mongosh": [_database],
    "mysqladmin": [_database],
    "cqlsh": [_database],
    "clickhouse-client": [_database],
    "etcdctl": [_database],
    "terraform": [_cloud],
    "pulumi": [_cloud],
    "tofu": [_cloud],
    **{name: [_cloud_delete] for name in _CLI_VALUED},
    "kubectl": [_cloud],
    "docker": [_cloud],
    "podman": [_cloud],
    "crontab": [_crontab],
}
for _tool in (
    "mkfs",
    "mke2fs",
    "mkswap",
    "wipefs",
    "blkdiscard",
    "fdisk",
    "sfdisk",
    "gdisk",
    "cfdisk",
    "parted",
    "sgdisk",
    "mkntfs",
    "mkdosfs",
    "newfs",
    "sg_format",
):
    COMMANDS[_tool] = [_device_tool]


GENERIC = [_overwrites]
NEEDS = {_overwrites: Needs.WRITES}
