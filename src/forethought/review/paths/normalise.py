"""Paths as text: ``normalise`` (the one normaliser of every reviewer) and home directories.

Nothing here touches the file system: ``~`` is expanded from ``$HOME``, ``..`` is resolved as
text, symbolic links are not followed.
"""

from __future__ import annotations

import functools
import os
import posixpath
import re

# Where home directories live, as a regular expression (the current $HOME is added to it).
HOME_DIRS = r"/root|/home/[^/]+|/Users/[^/]+|/var/root"

_WINDOWS_DRIVE = re.compile(r"^[A-Za-z]:[\\/]")
_HOME_VARIABLE = re.compile(r"^\$(?:HOME|\{HOME\})(?=/|$)")
_OTHER_USER_HOME = re.compile(r"^~([A-Za-z0-9._-]+)(?=/|$)")
_MACOS_PRIVATE = re.compile(r"^/private/(?:etc|var|tmp)(?=/|$)")


# os.environ's own mapping of the encoded environment (CPython's, on POSIX): reading $HOME from
# it skips the key's encoding and the value's decoding, which every path normalised paid. Every
# change through os.environ (setenv, monkeypatch, mock.patch.dict) updates it.
_ENVIRON_DATA: dict[bytes, bytes] | None = getattr(os.environ, "_data", None)
if os.name != "posix" or not isinstance(_ENVIRON_DATA, dict):
    _ENVIRON_DATA = None


def home_dir() -> str:
    if _ENVIRON_DATA is not None:
        return _home_dir_encoded(_ENVIRON_DATA.get(b"HOME"))
    return _home_dir(os.environ.get("HOME"))


@functools.lru_cache(maxsize=4)
def _home_dir_encoded(home: bytes | None) -> str:
    return _home_dir(None if home is None else os.fsdecode(home))


@functools.lru_cache(maxsize=4)
def _home_dir(home: str | None) -> str:
    home = home or os.path.expanduser("~")
    return home.rstrip("/") if home not in ("", "/") else ""


def normalise(path: str, base: str | None = None, *, symbolic: bool = False) -> str:
    """Expand ``~``/``$HOME``, join relative paths onto ``base`` and resolve ``..``, as text.

    Relative paths stay relative when no ``base`` is known. An empty path stays empty.

    ``symbolic`` is for words of a shell command, which the shell expands when it runs and
    which mean exactly what they say: ``$HOME`` becomes ``~`` but ``~`` and ``~user`` stay as
    written, nothing is stripped, a path that starts with ``~`` or a variable is not joined
    onto ``base``, and a relative path is left as written (``./$dir`` is not ``$dir``).
    """
    return _normalise(path, base, symbolic, home_dir())


@functools.lru_cache(maxsize=16384)
def _normalise(path: str, base: str | None, symbolic: bool, home: str) -> str:
    p = path if symbolic else path.strip()
    if not p:
        return ""
    if not symbolic and _WINDOWS_DRIVE.match(p):
        p = p[2:].replace("\\", "/")
    if m := _HOME_VARIABLE.match(p):
        p = "~" + p[m.end() :]
    if not symbolic:
        if p == "~" or p.startswith("~/"):
            p = (home or "/root") + p[1:]
        elif m := _OTHER_USER_HOME.match(p):
            user = m.group(1)
            p = ("/root" if user == "root" else f"/home/{user}") + p[m.end() :]
    if base and not p.startswith(("/", "~", "$") if symbolic else "/"):
        p = posixpath.join(_normalise(base, None, symbolic, home), p)
    if symbolic and not p.startswith(("/", "~")):
        return p
    p = posixpath.normpath(p)
    if p.startswith("//"):
        p = "/" + p.lstrip("/")
    if p.startswith("/private/") and _MACOS_PRIVATE.match(p):
        p = p[len("/private") :]  # macOS: /etc, /var and /tmp are links into /private
    return p


def _home_prefix() -> re.Pattern[str]:
    homes = [HOME_DIRS]
    if home := home_dir():
        homes.insert(0, re.escape(home))
    return re.compile(r"^(?:" + "|".join(homes) + r")(?=/|$)")


_HOME_PREFIX = _home_prefix()


def home_relative(normalised: str) -> str | None:
    """The part of a normalised path below a home directory ("" for the home itself).

    A relative path may be relative to a home directory (agents often run there), so it is
    returned without its leading ``../`` parts.
    """
    if not normalised:
        return None
    if not normalised.startswith("/"):
        rel = normalised
        while rel.startswith("../"):
            rel = rel[3:]
        return "" if rel in (".", "..") else rel
    if m := _HOME_PREFIX.match(normalised):
        return normalised[m.end() :].lstrip("/")
    return None
