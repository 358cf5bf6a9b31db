"""HTTP clients on the command line (curl, wget, HTTPie) calling an administration API: the
same catalogue the HTTP reviewer reads (:mod:`forethought.review.admin_apis`), so a deploy key
added with ``curl -X POST .../keys`` is judged like the same ``http_request``."""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import urlsplit

from forethought.review import admin_apis
from forethought.review.base import Prediction
from forethought.review.effects import grade
from forethought.review.shell.model import ShellAnalysis, SimpleCommand
from forethought.review.shell.predict import harm
from forethought.review.shell.rules.common import option_values

Rule = Iterator[Prediction]

_CURL_BODY = ("-d", "--data", "--data-raw", "--data-binary", "--data-ascii", "--json")
_WGET_BODY = ("--post-data", "--body-data")
_HTTPIE_METHODS = frozenset({"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"})
_URL = re.compile(r"^https?://", re.IGNORECASE)


def _request(cmd: SimpleCommand) -> tuple[str, str, str] | None:
    """(method, URL, body) of the call, or None where no URL is written out."""
    args = cmd.args
    if cmd.name == "gh":
        return _gh_api(cmd)
    urls = [a for a in args if _URL.match(a)]
    if not urls:
        return None
    if cmd.name == "curl":
        body = " ".join(option_values(cmd, *_CURL_BODY))
        methods = option_values(cmd, "-X", "--request")
        method = methods[-1] if methods else ("POST" if body else "GET")
    elif cmd.name == "wget":
        body = " ".join(option_values(cmd, *_WGET_BODY))
        methods = option_values(cmd, "--method")
        method = methods[-1] if methods else ("POST" if body else "GET")
    else:  # HTTPie: http [METHOD] URL [items]; key=value items are a JSON body
        words = [a for a in args if not a.startswith("-")]
        method = words[0].upper() if words and words[0].upper() in _HTTPIE_METHODS else ""
        after = words[words.index(urls[0]) + 1 :] if urls[0] in words else []
        body = " ".join(f'"{k}": {v}' for k, v in (_item(w) for w in after) if k)
        method = method or ("POST" if body else "GET")
    return method.upper(), urls[0], body


_GH_VALUED = frozenset(
    {
        "-X",
        "--method",
        "-f",
        "--raw-field",
        "-F",
        "--field",
        "-H",
        "--header",
        "--hostname",
        "-q",
        "--jq",
        "-t",
        "--template",
        "--input",
        "--cache",
        "-p",
        "--preview",
    }
)


def _gh_api(cmd: SimpleCommand) -> tuple[str, str, str] | None:
    """``gh api [-X METHOD] ENDPOINT [-f key=value] [-F key=typed]``: a GitHub API call (the
    method is POST where fields are given, GET otherwise)."""
    args = cmd.args
    if not args or args[0] != "api":
        return None
    endpoint, method, members = "", "", []
    i = 1
    while i < len(args):
        arg = args[i]
        if arg in _GH_VALUED and i + 1 < len(args):
            value = args[i + 1]
            if arg in ("-X", "--method"):
                method = value
            elif arg in ("-f", "--raw-field", "-F", "--field") and "=" in value:
                key, raw = value.split("=", 1)
                typed = arg in ("-F", "--field") and re.fullmatch(r"true|false|null|-?\d+", raw)
                members.append(f'"{key}": {raw if typed else chr(34) + raw + chr(34)}')
            i += 2
            continue
        if not arg.startswith("-") and not endpoint:
            endpoint = arg
        i += 1
    if not endpoint:
        return None
    body = ", ".join(members)
    path = "/" + endpoint.lstrip("/").split("?", 1)[0]
    return (method or ("POST" if body else "GET")).upper(), f"https://api.github.com{path}", body


def _item(word: str) -> tuple[str, str]:
    """An HTTPie request item as a JSON member: ``key=value`` a string, ``key:=json`` raw."""
    if ":=" in word:
        key, value = word.split(":=", 1)
        return key, value
    if "=" in word and "==" not in word:
        key, value = word.split("=", 1)
        return key, f'"{value}"'
    return "", ""


def _headers(cmd: SimpleCommand) -> dict[str, str]:
    """The request headers a curl, wget, gh api or HTTPie call names (``-H 'Name: value'``,
    ``--header``; HTTPie's ``Name:value`` items)."""
    names = ("-H", "--header") if cmd.name in ("curl", "wget", "gh") else ()
    raw = option_values(cmd, *names) if names else []
    if cmd.name not in ("curl", "wget", "gh"):
        raw = [a for a in cmd.args if re.fullmatch(r"[\w-]+:[^=/].*", a)]
    out: dict[str, str] = {}
    for header in raw:
        name, sep, value = header.partition(":")
        if sep and name.strip():
            out[name.strip()] = value.strip()
    return out


def _admin_api(cmd: SimpleCommand, _analysis: ShellAnalysis) -> Rule:
    request = _request(cmd)
    if request is None:
        return
    method, url, body = request
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return
    host = (parts.hostname or "").rstrip(".").lower()
    found = admin_apis.effects_of(
        method, host, port, parts.path or "/", body, cmd.text,
        headers=_headers(cmd), query=parts.query,
    )  # fmt: skip
    for effect in found:
        p = grade(effect)
        if p is not None:
            yield harm(cmd, p.category, effect.what, p.severity, p.probability, p.reversible)


COMMANDS = {name: [_admin_api] for name in ("curl", "wget", "http", "https", "xh", "xhs", "gh")}
