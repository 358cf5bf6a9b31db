"""Static decoding: ANSI-C and echo/printf escapes, and what a pipeline of literal stages prints.

Only literal inputs are decoded (``echo cm0gLXJmIC8= | base64 -d``): nothing is executed. Every
decoder caps its output so that a small payload cannot expand into a huge one.
"""

from __future__ import annotations

import base64
import binascii
import bz2
import lzma
import re
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass

MAX_DECODED_BYTES = 200_000

_SIMPLE_ESCAPES = {
    "a": b"\a",
    "b": b"\b",
    "e": b"\x1b",
    "E": b"\x1b",
    "f": b"\f",
    "n": b"\n",
    "r": b"\r",
    "t": b"\t",
    "v": b"\v",
    "\\": b"\\",
    "'": b"'",
    '"': b'"',
    "?": b"?",
}
_ESCAPE = re.compile(
    r"\\(x[0-9A-Fa-f]{1,2}|u[0-9A-Fa-f]{1,4}|U[0-9A-Fa-f]{1,8}|0[0-7]{0,3}|[0-7]{1,3}|c.|.)",
    re.DOTALL,
)


def unescape(text: str, *, octal_needs_zero: bool = False) -> bytes:
    r"""Interpret backslash escapes as bash does for ``$'...'`` (and, with ``octal_needs_zero``,
    as ``echo -e`` does, where octal is ``\0NNN``)."""

    out = bytearray()
    pos = 0
    for m in _ESCAPE.finditer(text):
        out += text[pos : m.start()].encode("utf-8", "surrogatepass")
        pos = m.end()
        esc = m.group(1)
        head = esc[0]
        if head == "x":
            out.append(int(esc[1:], 16))
        elif head in "uU":
            out += chr(min(int(esc[1:], 16), 0x10FFFF)).encode("utf-8", "surrogatepass")
        elif head == "0" and octal_needs_zero:
            out.append(int(esc[1:] or "0", 8) & 0xFF)
        elif head in "01234567" and not octal_needs_zero:
            out.append(int(esc, 8) & 0xFF)
        elif head == "c" and len(esc) == 2:
            out.append(ord(esc[1]) & 0x1F)
        elif esc in _SIMPLE_ESCAPES:
            out += _SIMPLE_ESCAPES[esc]
        else:
            out += ("\\" + esc).encode("utf-8", "surrogatepass")
    out += text[pos:].encode("utf-8", "surrogatepass")
    return bytes(out)


def text_of(data: bytes) -> str:
    return data.decode("utf-8", "replace")


@dataclass(frozen=True, slots=True)
class Output:
    """What a stage prints, and whether getting it took a decoding step (base64, hex...)."""

    data: bytes
    decoded: bool = False
    how: str = ""


def _flags(args: Sequence[str], allowed: str) -> tuple[set[str], list[str]]:
    """Leading ``-xyz`` flags made only of ``allowed`` letters, and the rest."""
    flags: set[str] = set()
    i = 0
    while (
        i < len(args)
        and len(args[i]) > 1
        and args[i][0] == "-"
        and set(args[i][1:]) <= set(allowed)
    ):
        flags |= set(args[i][1:])
        i += 1
    return flags, list(args[i:])


def _echo(args: Sequence[str], _stdin: Output | None) -> Output | None:
    flags, rest = _flags(args, "neE")
    text = " ".join(rest)
    if "e" in flags:
        data = unescape(text, octal_needs_zero=True)
        cut = data.find(b"\\c")
        data = data[:cut] if cut >= 0 else data
        decoded = data != text.encode("utf-8", "surrogatepass")
    else:
        data, decoded = text.encode("utf-8", "surrogatepass"), False
    if "n" not in flags:
        data += b"\n"
    return Output(data, decoded, "echo -e escapes" if decoded else "")


_PRINTF_SPEC = re.compile(r"%(?:%|[-+ #0]*\d*(?:\.\d+)?([sbdiouxXcq]))")


def _fill_format(fmt: str, values: list[str]) -> tuple[str, int]:
    """One pass of printf's format over ``values``: the text and how many values it used."""
    consumed = 0

    def fill(m: re.Match[str]) -> str:
        nonlocal consumed
        if m.group(0) == "%%":
            return "%"
        value = values[consumed] if consumed < len(values) else ""
        consumed += 1
        if m.group(1) == "b":
            return text_of(unescape(value, octal_needs_zero=True))
        return value

    return _PRINTF_SPEC.sub(fill, fmt), consumed


def _printf(args: Sequence[str], _stdin: Output | None) -> Output | None:
    if args and args[0] == "--":
        args = args[1:]
    if not args or args[0] == "-v":
        return None
    fmt, values = args[0], list(args[1:])
    out = bytearray()
    for _ in range(64):  # the format is reused while arguments remain
        filled, consumed = _fill_format(fmt, values)
        out += unescape(filled)
        values = values[consumed:]
        if not values or consumed == 0:
            break
    data = bytes(out)
    decoded = data != fmt.encode("utf-8", "surrogatepass")
    return Output(data, decoded, "printf escapes" if decoded else "")


def _cat(args: Sequence[str], stdin: Output | None) -> Output | None:
    if stdin is not None and all(a == "-" for a in args):
        return stdin
    return None


def _b64decode(text: bytes, alphabet: str) -> bytes | None:
    cleaned = re.sub(rb"\s+", b"", text)
    try:
        if alphabet == "32":
            return base64.b32decode(cleaned + b"=" * (-len(cleaned) % 8), casefold=True)
        cleaned = cleaned.replace(b"-", b"+").replace(b"_", b"/")
        return base64.b64decode(cleaned + b"=" * (-len(cleaned) % 4), validate=True)
    except (binascii.Error, ValueError):
        return None


def _base64(args: Sequence[str], stdin: Output | None) -> Output | None:
    decode = any(a in ("-d", "-D", "--decode", "-di", "-id") for a in args)
    if not decode or stdin is None:
        return None
    data = _b64decode(stdin.data, "64")
    return None if data is None else Output(data[:MAX_DECODED_BYTES], True, "base64")


def _base32(args: Sequence[str], stdin: Output | None) -> Output | None:
    if not any(a in ("-d", "--decode") for a in args) or stdin is None:
        return None
    data = _b64decode(stdin.data, "32")
    return None if data is None else Output(data[:MAX_DECODED_BYTES], True, "base32")


def _openssl(args: Sequence[str], stdin: Output | None) -> Output | None:
    if stdin is None or "-d" not in args or not ({"base64", "-base64", "-a"} & set(args)):
        return None
    data = _b64decode(stdin.data, "64")
    return None if data is None else Output(data[:MAX_DECODED_BYTES], True, "base64")


def _xxd(args: Sequence[str], stdin: Output | None) -> Output | None:
    flags = {a for a in args if a.startswith("-")}
    if stdin is None or not ({"-r", "-revert"} & flags or "-rp" in flags or "-pr" in flags):
        return None
    if not ({"-p", "-ps", "-plain", "-postscript", "-rp", "-pr"} & flags):
        return None
    hexdigits = re.sub(rb"[^0-9A-Fa-f]", b"", stdin.data)
    try:
        data = binascii.unhexlify(hexdigits[: len(hexdigits) // 2 * 2])
    except binascii.Error:
        return None
    return Output(data[:MAX_DECODED_BYTES], True, "hex")


def _rev(args: Sequence[str], stdin: Output | None) -> Output | None:
    if stdin is None or args:
        return None
    lines = stdin.data.split(b"\n")
    return Output(b"\n".join(line[::-1] for line in lines), True, "rev")


def _expand_set(spec: str) -> str | None:
    out: list[str] = []
    i = 0
    while i < len(spec):
        if spec[i] == "[" or spec[i] == "\\":
            return None  # character classes and escapes: too rich to model
        if i + 2 < len(spec) and spec[i + 1] == "-":
            lo, hi = ord(spec[i]), ord(spec[i + 2])
            if hi < lo or hi - lo > 256:
                return None
            out.extend(chr(c) for c in range(lo, hi + 1))
            i += 3
        else:
            out.append(spec[i])
            i += 1
    return "".join(out)


def _tr(args: Sequence[str], stdin: Output | None) -> Output | None:
    if stdin is None or len(args) != 2 or any(a.startswith("-") for a in args):
        return None
    src, dst = _expand_set(args[0]), _expand_set(args[1])
    if not src or not dst:
        return None
    dst = dst + dst[-1] * max(0, len(src) - len(dst))
    table = str.maketrans(src, dst[: len(src)])
    return Output(text_of(stdin.data).translate(table).encode(), True, "tr")


def _decompressor(
    kind: str, needs_flag: bool = False
) -> Callable[[Sequence[str], Output | None], Output | None]:
    def run(args: Sequence[str], stdin: Output | None) -> Output | None:
        if stdin is None:
            return None
        if needs_flag and not any(a in ("-d", "-dc", "-cd", "--decompress") for a in args):
            return None  # plain gzip compresses
        try:
            if kind == "gzip":
                data = zlib.decompressobj(47).decompress(stdin.data, MAX_DECODED_BYTES)
            elif kind == "bzip2":
                data = bz2.BZ2Decompressor().decompress(stdin.data, MAX_DECODED_BYTES)
            else:
                data = lzma.LZMADecompressor().decompress(stdin.data, MAX_DECODED_BYTES)
        except (zlib.error, OSError, lzma.LZMAError, EOFError, ValueError):
            return None
        return Output(data, True, kind)

    return run


def _which(args: Sequence[str], _stdin: Output | None) -> Output | None:
    names = [a for a in args if not a.startswith("-")]
    return Output(names[0].encode() + b"\n") if len(names) == 1 else None


def _command_v(args: Sequence[str], stdin: Output | None) -> Output | None:
    if args and args[0] in ("-v", "-V"):
        return _which(args[1:], stdin)
    return None


STAGES: dict[str, Callable[[Sequence[str], Output | None], Output | None]] = {
    "echo": _echo,
    "printf": _printf,
    "cat": _cat,
    "base64": _base64,
    "base32": _base32,
    "openssl": _openssl,
    "xxd": _xxd,
    "rev": _rev,
    "tr": _tr,
    "gunzip": _decompressor("gzip"),
    "zcat": _decompressor("gzip"),
    "gzip": _decompressor("gzip", needs_flag=True),
    "bunzip2": _decompressor("bzip2"),
    "bzcat": _decompressor("bzip2"),
    "unxz": _decompressor("xz"),
    "xzcat": _decompressor("xz"),
    "which": _which,
    "command": _command_v,
    "type": _command_v,
}


def run_stages(stages: Sequence[tuple[Sequence[str], str | None]]) -> Output | None:
    """What a pipeline of (argv, literal stdin) stages prints, or None if it cannot be known."""
    out: Output | None = None
    decoded, hows = False, []
    for argv, stdin_text in stages:
        if not argv:
            return None
        stage = STAGES.get(argv[0])
        if stage is None:
            return None
        if stdin_text is not None:
            out = Output(stdin_text.encode("utf-8", "surrogatepass"))
        out = stage(argv[1:], out)
        if out is None or len(out.data) > MAX_DECODED_BYTES:
            return None
        if out.decoded:
            decoded = True
            hows.append(out.how)
    if out is None:
        return None
    return Output(out.data, decoded, " then ".join(dict.fromkeys(h for h in hows if h)))
