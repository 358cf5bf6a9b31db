"""The decoders whose output is worked out before the code runs: base64, hex, zlib..."""

from __future__ import annotations

import base64
import binascii
import bz2
import lzma
import zlib
from collections.abc import Callable
from typing import Any

from forethought.review.python.limits import MAX_STATIC_CHARS

PLAIN_CODECS = frozenset({"utf-8", "utf8", "ascii", "latin-1", "latin1"})
TEXT_CODECS = PLAIN_CODECS | {
    "utf-16", "rot13", "rot_13", "base64", "base_64", "base64_codec", "hex", "hex_codec",
    "unicode_escape", "raw_unicode_escape",
}


def _bounded(decompressor: Callable[[], Any]) -> Callable[[bytes], bytes]:
    """Decompress at most MAX_STATIC_CHARS: a small literal can expand to gigabytes."""
    return lambda data: decompressor().decompress(data, MAX_STATIC_CHARS)


DECODERS: dict[str, Callable[[Any], Any]] = {
    "base64.b64decode": base64.b64decode,
    "base64.standard_b64decode": base64.standard_b64decode,
    "base64.urlsafe_b64decode": base64.urlsafe_b64decode,
    "base64.decodebytes": base64.decodebytes,
    "base64.b32decode": base64.b32decode,
    "base64.b16decode": base64.b16decode,
    "base64.b85decode": base64.b85decode,
    "base64.a85decode": base64.a85decode,
    "binascii.a2b_base64": binascii.a2b_base64,
    "binascii.unhexlify": binascii.unhexlify,
    "binascii.a2b_hex": binascii.a2b_hex,
    "bytes.fromhex": bytes.fromhex,
    "zlib.decompress": _bounded(lambda: zlib.decompressobj(15)),
    "gzip.decompress": _bounded(lambda: zlib.decompressobj(47)),  # 32 + 15: gzip or zlib header
    "bz2.decompress": _bounded(bz2.BZ2Decompressor),
    "lzma.decompress": _bounded(lzma.LZMADecompressor),
}
