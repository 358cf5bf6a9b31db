"""Which programs run code, and where their code comes from (a -c string, stdin, a file)."""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from forethought.review.shell.model import Word

SHELLS = frozenset(
    {
        "sh",
        "bash",
        "zsh",
        "dash",
        "ksh",
        "ksh93",
        "mksh",
        "pdksh",
        "oksh",
        "ash",
        "fish",
        "csh",
        "tcsh",
        "rbash",
        "yash",
        "posh",
        "elvish",
        "nu",
        "xonsh",
    }
)
_PYTHON = re.compile(r"(?:python|pypy)(?:\d+(?:\.\d+)*)?[mw]?\Z")
_LANGUAGES = {
    "perl": "perl",
    "perl5": "perl",
    "ruby": "ruby",
    "irb": "ruby",
    "jruby": "ruby",
    "node": "node",
    "nodejs": "node",
    "deno": "node",
    "bun": "node",
    "php": "php",
    "lua": "lua",
    "luajit": "lua",
    "awk": "awk",
    "gawk": "awk",
    "mawk": "awk",
    "nawk": "awk",
    "tclsh": "tcl",
    "wish": "tcl",
    "expect": "tcl",
    "jrunscript": "java",
    "jjs": "java",
    "julia": "julia",
    "Rscript": "r",
    "R": "r",
    "osascript": "applescript",
    # (osacompile -e compiles the script into an applet that runs it when opened: its
    # `do shell script` commands are what the applet will do)
    "osacompile": "osacompile",
    "groovy": "groovy",
    "scala": "scala",
    "pwsh": "powershell",
    "powershell": "powershell",
    "powershell.exe": "powershell",
    "go": "go",
    "gdb": "gdb",
}
# Per language: options whose next word is inline code, and options that take another value.
_CODE_OPTIONS: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "python": (frozenset({"-c"}), frozenset({"-W", "-X", "-Q"})),
    "perl": (frozenset({"-e", "-E"}), frozenset({"-I", "-M", "-m", "-x", "-F", "-0", "-i", "-C"})),
    "ruby": (frozenset({"-e"}), frozenset({"-r", "-I", "-C", "-E", "-F", "-x", "-0", "-K"})),
    "node": (
        frozenset({"-e", "--eval", "-p", "--print"}),
        frozenset({"-r", "--require", "--input-type", "--import", "--loader"}),
    ),
    "php": (
        frozenset({"-r", "-B", "-R", "-E", "-F"}),
        frozenset({"-d", "-c", "-t", "-S", "-z", "-f"}),
    ),
    "lua": (frozenset({"-e"}), frozenset({"-l"})),
    "awk": (frozenset({"-e", "--source"}), frozenset({"-F", "-v", "-f", "--file", "--assign"})),
    "tcl": (frozenset({"-c"}), frozenset({"-f"})),
    "java": (frozenset({"-e"}), frozenset({"-f", "-l", "-cp", "-classpath", "-J"})),
    "julia": (
        frozenset({"-e", "--eval", "-E", "--print"}),
        frozenset({"-L", "--load", "-p", "-J"}),
    ),
    "r": (frozenset({"-e"}), frozenset()),
    "applescript": (frozenset({"-e"}), frozenset({"-l", "-s"})),
    "osacompile": (frozenset({"-e"}), frozenset({"-l", "-o", "-r", "-t", "-c"})),
    "groovy": (frozenset({"-e"}), frozenset({"-cp", "-classpath"})),
    "scala": (frozenset({"-e"}), frozenset({"-cp", "-classpath"})),
    "powershell": (
        frozenset({"-c", "-command", "-Command", "-C"}),
        frozenset(
            {"-File", "-f", "-w", "-WindowStyle", "-ep", "-ex", "-ExecutionPolicy", "-wd"}
            | {"-WorkingDirectory", "-of", "-OutputFormat", "-if", "-InputFormat", "-v"}
        ),
    ),
    "gdb": (frozenset({"-ex", "--eval-command", "-iex"}), frozenset({"-p", "--pid", "-x"})),
    "go": (frozenset(), frozenset()),
}
_ENCODED_COMMAND = frozenset({"-enc", "-encodedcommand", "-e", "-ec", "-en", "-encoded"})


_VERSION_SUFFIX = re.compile(r"[\d.]+$")


@lru_cache(maxsize=4096)  # asked of every command run: memoised per program name
def language_of(name: str) -> str | None:
    if name in SHELLS:
        return "shell"
    if _PYTHON.match(name):
        return "python"
    return _LANGUAGES.get(name) or _LANGUAGES.get(_VERSION_SUFFIX.sub("", name) or name)


@dataclass(frozen=True, slots=True)
class ShellInput:
    """Where a shell invocation takes its script from."""

    kind: str  # "c" (a string), "stdin", "file", "none" (just starts an interactive shell)
    script: Word | None = None
    interactive: bool = False


_SHELL_OPTIONS_WITH_VALUE = frozenset({"-o", "+o", "-O", "+O", "--rcfile", "--init-file"})


def shell_input(args: Sequence[Word]) -> ShellInput:
    """``bash -lc 'x'`` -> ("c", 'x'); ``sh`` in a pipeline -> "stdin"; ``sh f.sh`` -> "file"."""
    has_c, stdin_flag, interactive = False, False, False
    i = 0
    while i < len(args):
        arg = args[i].value
        if arg == "--" or arg == "-":
            stdin_flag |= arg == "-"
            i += 1
            break
        if arg in _SHELL_OPTIONS_WITH_VALUE:
            i += 2
            continue
        if arg.startswith("--"):
            interactive |= arg == "--login"
            i += 1
            continue
        if arg.startswith(("-", "+")) and len(arg) > 1:
            letters = arg[1:]
            has_c |= "c" in letters
            stdin_flag |= "s" in letters
            interactive |= "i" in letters
            i += 1
            continue
        break
    operands = args[i:]
    if has_c:
        return ShellInput("c", operands[0] if operands else None, interactive)
    if operands and not stdin_flag:
        return ShellInput("file", operands[0], interactive)
    return ShellInput("stdin", None, interactive)


@dataclass(frozen=True, slots=True)
class InlineCode:
    language: str
    code: str | None  # code given on the command line, joined
    reads_stdin: bool  # no code and no script file: the program reads its code from stdin
    script: str | None = None  # a script file operand
    module: str | None = None  # python -m / ruby -r


def inline_code(name: str, args: Sequence[Word]) -> InlineCode | None:
    """The code a non-shell interpreter is given, or None if ``name`` is not an interpreter."""
    language = language_of(name)
    if language is None or language == "shell":
        return None
    code_options, value_options = _CODE_OPTIONS.get(language, (frozenset(), frozenset()))
    pieces: list[str] = []
    module: str | None = None
    i = 0
    while i < len(args):
        arg = args[i].value
        if arg == "--":
            i += 1
            break
        if language == "powershell" and arg.lower() in _ENCODED_COMMAND and i + 1 < len(args):
            pieces.append(_powershell_encoded(args[i + 1].value))
            i += 2
            continue
        if arg in code_options or (language == "powershell" and arg.lower() == "-command"):
            if i + 1 < len(args):
                if language == "powershell":
                    pieces.append(" ".join(w.value for w in args[i + 1 :]))
                    i = len(args)
                    break
                pieces.append(args[i + 1].value)
            i += 2
            if language == "python":
                break  # python -c ends option processing
            continue
        if language == "python" and arg.startswith("-c") and len(arg) > 2:
            pieces.append(arg[2:])
            break
        if language == "python" and arg.startswith("-m"):
            module = arg[2:] or (args[i + 1].value if i + 1 < len(args) else None)
            break
        if language == "ruby" and arg.startswith("-r"):
            module = arg[2:] or (args[i + 1].value if i + 1 < len(args) else None)
            i += 1 if arg[2:] else 2
            continue
        if arg in value_options:
            i += 2
            continue
        if arg.startswith("-") and len(arg) > 1:
            # clustered flags: perl -ne / -lane / ruby -ne put the code after the last letter
            letters = arg[1:]
            if (
                language in ("perl", "ruby", "lua")
                and not arg.startswith("--")
                and not letters.startswith(("M", "I", "r"))
                and ("e" in letters or "E" in letters)
            ):
                cut = min(p for p in (letters.find("e"), letters.find("E")) if p >= 0)
                attached = letters[cut + 1 :]
                if attached:
                    pieces.append(attached)
                    i += 1
                elif i + 1 < len(args):
                    pieces.append(args[i + 1].value)
                    i += 2
                else:
                    i += 1
                continue
            if language == "perl" and arg.startswith("-M"):
                module = arg[2:]
            i += 1
            continue
        break
    operands = [w.value for w in args[i:]]
    if language == "awk":
        program_files = [
            args[j + 1].value for j in range(len(args) - 1) if args[j].value in ("-f", "--file")
        ]
        if program_files:
            return InlineCode(language, "\n".join(pieces) or None, False, program_files[0])
        if not pieces and operands:
            pieces.append(operands[0])
        return InlineCode(language, "\n".join(pieces) or None, False)
    if language == "go":
        if operands[:1] == ["run"]:
            return InlineCode(
                language, None, False, script=operands[1] if len(operands) > 1 else None
            )
        return InlineCode(language, None, False)
    script = None if pieces or not operands or operands[0] == "-" else operands[0]
    reads_stdin = not pieces and module is None and script is None
    return InlineCode(language, "\n".join(pieces) if pieces else None, reads_stdin, script, module)


def _powershell_encoded(value: str) -> str:
    try:
        return base64.b64decode(value + "=" * (-len(value) % 4)).decode("utf-16-le", "replace")
    except (binascii.Error, ValueError):
        return value


# String literals handed to a shell from inline code: os.system("..."), `...`, exec("...").
_SHELL_CALL = re.compile(
    r"""(?:system|popen|popen2|popen3|exec|execSync|spawnSync|shell_exec|passthru|proc_open|"""
    r"""check_output|check_call|getoutput|getstatusoutput|call|run|Popen|spawn|"""
    r"""\bsh|\bbash)\s*\(\s*\[?\s*(?P<q>["'])(?P<body>(?:\\.|(?!(?P=q)).){1,4000})(?P=q)""",
    re.DOTALL,
)
_BACKTICKS = re.compile(r"`([^`\n]{1,2000})`")


_ENCODED_LITERAL = re.compile(
    r"(?:b64decode|base64_decode|atob|decode64|unpack1?\(\s*['\"]m|FromBase64String|"
    r"Base64\.(?:decode|getDecoder\(\)\.decode)|Buffer\.from)\s*\(?\s*['\"]"
    r"([A-Za-z0-9+/=_-]{8,20000})['\"]"
)


def decoded_literals(code: str) -> list[str]:
    """Base64 literals the code decodes (``os.system(b64decode('...'))``), decoded."""
    found = []
    for m in _ENCODED_LITERAL.finditer(code):
        data = m.group(1)
        try:
            text = base64.b64decode(
                data + "=" * (-len(data) % 4),
                altchars=b"-_" if "-" in data or "_" in data else None,
            ).decode("utf-8")
        except (binascii.Error, ValueError):
            continue
        if text.strip() and sum(c.isprintable() or c in "\n\t" for c in text) > 0.9 * len(text):
            found.append(text)
    return found[:16]


# AppleScript's `do shell script "..."` and Terminal's `do script "..."`; JXA's doShellScript
# (AppleScript Language Guide, Standard Additions).
_APPLESCRIPT_SHELL = re.compile(
    r"""(?:\bdo\s+(?:shell\s+)?script|doShellScript\s*\(?)\s*(?P<q>["'])"""
    r"""(?P<body>(?:\\.|(?!(?P=q)).){1,4000})(?P=q)""",
    re.DOTALL | re.IGNORECASE,
)


def shell_strings(language: str, code: str) -> list[str]:
    """Shell command strings that inline code passes to a shell."""
    found = [m.group("body") for m in _SHELL_CALL.finditer(code)]
    if language in ("perl", "ruby", "php"):
        found.extend(m.group(1) for m in _BACKTICKS.finditer(code))
    if language in ("applescript", "osacompile"):
        found.extend(m.group("body").replace('\\"', '"') for m in _APPLESCRIPT_SHELL.finditer(code))
    return [s for s in found if s.strip()]
