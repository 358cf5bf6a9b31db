"""The paths a command writes, deletes or changes: redirects and the file-changing programs."""

from __future__ import annotations

from collections.abc import Iterator

from forethought.review.shell.model import SimpleCommand, WriteTarget
from forethought.review.shell.paths import normalise

_WRITE_REDIRECTS = {
    ">": False,
    ">|": False,
    ">>": True,
    "&>": False,
    "&>>": True,
    "<>": False,
    ">&": False,
}
_EDITORS = frozenset(
    {
        "vi",
        "vim",
        "nvim",
        "nano",
        "emacs",
        "pico",
        "ed",
        "gedit",
        "code",
        "sudoedit",
        "mcedit",
        "micro",
        "kate",
        "subl",
        "joe",
        "ne",
    }
)
# Long options of rsync (and so of the copies that mimic it) whose value is the next word.
RSYNC_VALUED = ("rsh", "rsync-path", "exclude", "include", "files-from", "filter", "chmod")
_METADATA = frozenset({"chmod", "chown", "chgrp", "chattr", "setfacl", "touch", "setcap"})


def operands(
    cmd: SimpleCommand, with_value: str = "", long_with_value: tuple[str, ...] = ()
) -> list[str]:
    """Non-option arguments; ``with_value`` letters and long options take the next word."""
    out: list[str] = []
    args = cmd.args
    i = 0
    only_operands = False
    while i < len(args):
        arg = args[i]
        if only_operands or arg == "-" or not arg.startswith("-"):
            out.append(arg)
        elif arg == "--":
            only_operands = True
        elif arg.startswith("--"):
            if "=" not in arg and arg[2:] in long_with_value:
                i += 1
        elif arg[-1] in with_value and len(arg) == 2:
            i += 1
        i += 1
    return out


def _in_place(arg: str) -> bool:
    if arg == "--in-place" or arg.startswith("--in-place="):
        return True
    return arg.startswith("-") and not arg.startswith(("--", "-M", "-I", "-m")) and "i" in arg[1:]


def redirect_targets(cmd: SimpleCommand) -> Iterator[tuple[str, str, bool]]:
    for op, target in cmd.redirects:
        bare = op.lstrip("0123456789")
        if bare not in _WRITE_REDIRECTS or not target:
            continue
        if bare == ">&" and (target.isdigit() or target == "-"):
            continue
        append = _WRITE_REDIRECTS[bare]
        yield target, "append" if append else "redirect", append


def _program_targets(cmd: SimpleCommand) -> Iterator[tuple[str, str, bool]]:
    name = cmd.name
    args = cmd.args
    if name in ("cp", "mv", "install", "rsync", "scp", "ln"):
        ops = operands(
            cmd,
            "tSTeobgmf" if name != "ln" else "tS",
            ("target-directory", "suffix", "backup", "mode", "owner", "group", *RSYNC_VALUED),
        )
        target_dir = next((args[i + 1] for i, a in enumerate(args[:-1]) if a == "-t"), None)
        if target_dir is not None:
            yield target_dir, name, False
        elif len(ops) >= 2 or (name == "ln" and ops):
            yield ops[-1], name, False
        if name == "mv":
            for source in ops[:-1]:
                yield source, "mv (source)", False
    elif name in ("tee", "sponge"):  # sponge(1) of moreutils: writes (-a: appends) its input
        append = any(a in ("-a", "--append") for a in args)
        for op in operands(cmd):
            if op != "-":
                yield op, f"{name} -a" if append else name, append
    elif name in ("sed", "perl", "ruby") and any(_in_place(a) for a in args):
        ops = operands(cmd, "ef" if name == "sed" else "eEIMmx", ("expression", "file"))
        script_given = name != "sed" or any(
            a in ("-e", "--expression", "-f", "--file") for a in args
        )
        for f in ops if script_given else ops[1:]:
            yield f, f"{name} -i", False
    elif name == "yq" and any(a in ("-i", "--inplace") or a.startswith("--inplace=") for a in args):
        # yq -i EXPRESSION FILE...: the expression first, then the files it rewrites
        ops = operands(cmd, "", ("output-format", "input-format", "front-matter", "indent"))
        for f in ops[1:]:
            yield f, "yq -i", False
    elif name == "dd":
        for a in args:
            if a.startswith("of="):
                yield a[3:], "dd", False
    elif name in ("truncate", "shred", "rm", "unlink", "rmdir", "srm", "wipe"):
        for op in operands(cmd, "s" if name in ("truncate", "shred") else "", ("size",)):
            yield op, name, False
    elif name in _METADATA:
        ops = operands(cmd, "r" if name == "touch" else "")
        skip = 0 if name in ("touch", "setfacl") else 1
        if name == "setcap":
            ops = ops[1:] if len(ops) > 1 else ops
            skip = 0
        if any(a.startswith("--reference") for a in args):
            skip = 0
        for op in ops[skip:]:
            yield op, name, False
    elif name == "visudo" and any(a in ("-c", "--check") for a in args):
        return  # check mode: parses the sudoers files, writes nothing (visudo(8))
    elif name in _EDITORS or name == "visudo":
        for op in operands(cmd, "c"):
            if not op.startswith("+"):
                yield op, name, False
        if name == "visudo":
            yield "/etc/sudoers", name, False
    elif name == "curl":
        for i, a in enumerate(args[:-1]):
            if a in ("-o", "--output"):
                yield args[i + 1], name, False
    elif name == "wget":
        for i, a in enumerate(args):
            if a in ("-O", "--output-document") and i + 1 < len(args):
                yield args[i + 1], name, False
            elif a.startswith("--output-document="):
                yield a.split("=", 1)[1], name, False
    elif name == "sort":
        for i, a in enumerate(args[:-1]):
            if a == "-o":
                yield args[i + 1], name, False
    elif name == "crontab" and not any(a in ("-l", "-r") for a in args):
        yield "crontab", name, False


def write_targets(cmd: SimpleCommand) -> list[WriteTarget]:
    """Every path ``cmd`` writes, deletes or changes, as written (with ``cwd`` applied if known)."""
    if cmd.writes_cache is None:
        cmd.writes_cache = [
            WriteTarget(normalise(path, cmd.cwd), how, cmd, append)
            for path, how, append in (*redirect_targets(cmd), *_program_targets(cmd))
            if path and path != "-"
        ]
    return cmd.writes_cache
