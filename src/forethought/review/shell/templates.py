"""Commands a pipeline builds from a visible template and pipes into a shell.

``find . -name '*.so' -printf "mv '%h/%f' '%h/lib%f'\\n" | sh``, ``ls | sed 's/.*/gzip &/' |
bash``, ``find -name '*.au' | awk '{printf "sox %s %s.wav\\n", $0, $0}' | bash``, ``find dir |
xargs echo rm | sh``: the lines the shell runs are not known, but their shape is: the program
and its options are written in the template, and only the operands come from the data. The
template, with each operand slot filled by a placeholder, is what the shell is judged to run.

A placeholder stands for what the pipeline's first stage lists: a path under the directory a
``find`` or ``ls`` walks (so ``find / -printf 'rm -rf %p\\n' | sh`` deletes under /), or, when
the lines could be anything (``cat list.txt``), a variable, which the reviewers treat as a path
known only at run time. A template the reader cannot see whole (a ``sed`` substitution that
keeps an unknown part of the line in front, an ``awk`` program that is not a print) is no
template: the commands stay unknown.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from forethought.review.shell.model import ShellAnalysis, SimpleCommand
from forethought.review.shell.unwrap import parse_find

UNKNOWN_LINE = "$LINE"  # what a line of data is when nothing says where it comes from
MAX_TEMPLATE = 4_000


def template_text(analysis: ShellAnalysis, cmd: SimpleCommand) -> str | None:
    """What ``cmd`` (a shell reading its standard input) runs, as a template with placeholders
    for the data; None when the feeding stage writes no template the reader can see whole."""
    stages = [c for c in analysis.upstream(cmd) if not c.in_substitution]
    upstream = sorted(stages, key=lambda c: c.stage)
    if not upstream or len({c.stage for c in upstream}) != len(upstream):
        return None
    feeder = upstream[-1]
    slot = _placeholder(upstream[0])
    name, args = feeder.name, feeder.args
    text: str | None = None
    if name == "sed":
        text = _sed(args, slot)
    elif name in ("awk", "gawk", "mawk", "nawk"):
        text = _awk(args, slot)
    elif name == "find":
        text = _find_printf(feeder, slot)
    elif name in ("echo", "printf") and "xargs" in feeder.wrappers:
        words = args if name == "echo" else [_printf_format(args[0], slot)] if args else []
        words = [w for w in words if not (name == "echo" and w in ("-n", "-e", "-E"))]
        if any("{}" in w for w in words):
            text = " ".join(w.replace("{}", slot) for w in words)
        else:
            text = " ".join([*words, slot])
    if text is None or not text.strip() or len(text) > MAX_TEMPLATE:
        return None
    return text


def lists_names(analysis: ShellAnalysis, cmd: SimpleCommand) -> bool:
    """Whether the data filling the template is file names (the first stage is ``find`` or
    ``ls``): bounded operands. Lines of any other data (``cat list.txt``) can be shell text
    themselves (``x; rm -rf ~``), so the template does not bound what runs."""
    stages = [c for c in analysis.upstream(cmd) if not c.in_substitution]
    first = min(stages, key=lambda c: c.stage, default=None)
    return first is not None and first.name in ("find", "ls", "dir")


def _placeholder(first: SimpleCommand) -> str:
    """A path under what the first stage lists, or a variable when nothing says."""
    if first.name == "find":
        found = parse_find(first.words[1:])
        roots = found.roots or (".",)
        if len(roots) != 1:
            return UNKNOWN_LINE
        # tests that select files by name or age: one of them; otherwise all that is under it
        return _under(roots[0]) if found.filtered == "strong" else roots[0]
    if first.name in ("ls", "dir"):
        operands = [a for a in first.args if not a.startswith("-")]
        return (
            _under(operands[0] if len(operands) == 1 else ".")
            if len(operands) <= 1
            else (UNKNOWN_LINE)
        )
    return UNKNOWN_LINE


def _under(root: str) -> str:
    if any(c in root for c in "$`*?[{"):
        return UNKNOWN_LINE
    return f"{root.rstrip('/')}/file" if root.rstrip("/") else "/file"


def _sed(args: Sequence[str], slot: str) -> str | None:
    scripts: list[str] = []
    operands: list[str] = []
    i = 0
    while i < len(args):
        arg = args[i]
        if arg in ("-e", "--expression") and i + 1 < len(args):
            scripts.append(args[i + 1])
            i += 2
            continue
        if arg.startswith("--expression="):
            scripts.append(arg.split("=", 1)[1])
        elif arg in ("-f", "--file") or arg.startswith(("-i", "--in-place", "-f")):
            return None  # a script in a file, or sed editing files rather than printing
        elif not arg.startswith("-"):
            operands.append(arg)
        i += 1
    if not scripts and operands:
        scripts, operands = [operands[0]], operands[1:]
    if len(scripts) != 1 or operands:  # one substitution on the piped lines, nothing else
        return None
    return _substitution(scripts[0].strip(), slot)


def _split_s(script: str) -> tuple[str, str] | None:
    """(pattern, replacement) of a single ``s<d>RE<d>REPL<d>flags`` command."""
    if len(script) < 4 or script[0] != "s" or script[1] in "\\\n" or script[1].isalnum():
        return None
    delim, parts, buf, i = script[1], [], "", 2
    while i < len(script):
        ch = script[i]
        if ch == "\\" and i + 1 < len(script):
            buf += script[i : i + 2]
            i += 2
            continue
        if ch == delim:
            parts.append(buf)
            buf = ""
            if len(parts) == 2:
                break
        else:
            buf += ch
        i += 1
    if len(parts) != 2 or not re.fullmatch(r"[gpI0-9]*;?\s*", script[i + 1 :]):
        return None
    return parts[0], parts[1]


def _substitution(script: str, slot: str) -> str | None:
    split = _split_s(script)
    if split is None:
        return None
    pattern, replacement = split
    whole = pattern.startswith(("^", ".*", "\\(.*", "\\(^")) and pattern.endswith(
        ("$", ".*", ".*\\)", "$\\)")
    )
    at_start = pattern in ("^", "^\\(\\)")
    if not (whole or at_start):
        return None  # an unknown part of the line stays in front of or around the change
    out, i = "", 0
    while i < len(replacement):
        ch = replacement[i]
        if ch == "\\" and i + 1 < len(replacement):
            nxt = replacement[i + 1]
            out += slot if nxt.isdigit() else "\n" if nxt == "n" else nxt
            i += 2
            continue
        out += slot if ch == "&" else ch
        i += 1
    return out + slot if at_start else out


_AWK_STRING = re.compile(r'"((?:[^"\\]|\\.)*)"')
_AWK_PRINT = re.compile(r"\bprintf?\b")


def _awk(args: Sequence[str], slot: str) -> str | None:
    program, i = None, 0
    while i < len(args):
        if args[i] in ("-v", "-F") and i + 1 < len(args):
            i += 2
            continue
        if args[i].startswith("-f") or args[i] in ("--file", "-E"):
            return None  # the program is in a file
        if not args[i].startswith("-"):
            program = args[i]
            break
        i += 1
    if program is None:
        return None
    if re.search(r"\b(system|getline)\b|(?<!\|)\|(?!\|)", program):
        return None  # runs commands itself, or reads more than its input: not a template
    lines: list[str] = []
    for match in _AWK_PRINT.finditer(program):
        end = _statement_end(program, match.end())
        body = program[match.end() : end].strip().strip("()")
        if match.group(0) == "printf":
            first = _AWK_STRING.match(body)
            if first is None:
                return None
            lines.append(_printf_format(_unescape(first.group(1)), slot).rstrip("\n"))
        else:
            lines.append(_print_args(body, slot))
    return "\n".join(lines) if lines else None


def _statement_end(program: str, start: int) -> int:
    in_string, i = False, start
    while i < len(program):
        ch = program[i]
        if ch == "\\" and in_string:
            i += 2
            continue
        if ch == '"':
            in_string = not in_string
        elif not in_string and ch in ";}\n":
            return i
        i += 1
    return i


def _print_args(body: str, slot: str) -> str:
    """``"ipcrm -"$1,$2,";"`` -> ``ipcrm -SLOT SLOT ;``: strings as written, a comma as a
    space, every expression between them one placeholder."""
    out, pos = "", 0
    for match in _AWK_STRING.finditer(body):
        out += _expressions(body[pos : match.start()], slot)
        out += _unescape(match.group(1))
        pos = match.end()
    out += _expressions(body[pos:], slot)
    return out if out.strip() else slot


def _expressions(text: str, slot: str) -> str:
    out = ""
    for i, part in enumerate(text.split(",")):
        if i:
            out += " "
        if part.strip():
            out += slot
    return out


def _unescape(text: str) -> str:
    return text.replace("\\n", "\n").replace("\\t", "\t").replace('\\"', '"').replace("\\\\", "\\")


def _printf_format(fmt: str, slot: str) -> str:
    return re.sub(r"%[-+ #0-9.]*[sdifcxXoeEgG]", slot, fmt).replace("%%", "%")


_FIND_DIRECTIVE = re.compile(r"%%|%[-+ #0-9.]*([AaCcTt].|[a-zA-Z])")


def _find_printf(find: SimpleCommand, slot: str) -> str | None:
    """``-printf`` with ``%p`` the found path (the placeholder), ``%h`` its directory, ``%f``
    and ``%P`` its name; other directives (sizes, times, owners) a word of data."""
    args = find.args
    formats = [args[i + 1] for i, a in enumerate(args[:-1]) if a in ("-printf", "-fprintf")]
    if len(formats) != 1 or "-fprintf" in args:
        return None
    fmt = formats[0].replace("\\n", "\n").replace("\\t", "\t").replace("\\0", "\n")
    directory, _, name = slot.rpartition("/") if slot != UNKNOWN_LINE else (slot, "", slot)

    def fill(match: re.Match[str]) -> str:
        directive = match.group(0)[-1]
        if match.group(0) == "%%":
            return "%"
        if directive in "pHl":
            return slot
        if directive == "h":
            return directory or "/"
        if directive in "fP":
            return name
        return "0"

    return _FIND_DIRECTIVE.sub(fill, fmt)
