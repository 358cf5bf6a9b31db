"""HttpReviewer: what an HTTP request would disclose, change or fetch, judged from its text.

The destination (scheme, host, allow list, cloud metadata, known paste and exfiltration
services), the method and what travels with it (body, headers, query string) decide the
predictions. ``request_predictions`` is shared with the Python reviewer, which finds requests
inside code.
"""

from __future__ import annotations

import ipaddress
import re
import socket
from collections.abc import Mapping, Sequence
from typing import Any
from urllib.parse import SplitResult, urlsplit

from forethought.proposal import Proposal
from forethought.review.base import Prediction, Review
from forethought.review.paths import (
    clip,
    harm,
    read_predictions,
    secret_evidence,
    secrets_in,
    summarise,
)
from forethought.review.scope import in_scope

IpAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
BULK_BYTES = 10_000
BULK_LINES = 50

METADATA_HOSTS = frozenset({
    "169.254.169.254", "fd00:ec2::254", "169.254.170.2", "100.100.100.200",
    "metadata.google.internal", "metadata", "instance-data", "instance-data.ec2.internal",
})

# Services whose main use by an agent would be to drop data off or open a tunnel.
EXFILTRATION_SITES = (
    "pastebin.com", "paste.ee", "hastebin.com", "ghostbin.co", "dpaste.com", "dpaste.org",
    "termbin.com", "ix.io", "sprunge.us", "transfer.sh", "file.io", "0x0.st", "temp.sh",
    "bashupload.com", "webhook.site", "requestbin.com", "requestbin.net", "pipedream.net",
    "ngrok.io", "ngrok-free.app", "ngrok.app", "ngrok.dev", "trycloudflare.com", "loca.lt",
    "localtunnel.me", "serveo.net", "burpcollaborator.net", "oastify.com", "interact.sh",
    "oast.pro", "oast.live", "oast.site", "oast.online", "oast.fun", "oast.me",
    "canarytokens.com", "requestcatcher.com", "beeceptor.com", "hookbin.com", "gofile.io",
    "catbox.moe", "anonfiles.com",
)
_WEBHOOK_PATHS = re.compile(r"^/(?:api/webhooks/|bot[0-9]+:)")  # Discord webhooks, Telegram bots

_CREDENTIAL_HEADERS = frozenset({
    "authorization", "proxy-authorization", "cookie", "x-api-key", "api-key", "apikey",
    "x-auth-token", "x-access-token", "private-token", "x-goog-api-key", "x-amz-security-token",
})
_CREDENTIAL_HEADER_WORDS = ("token", "secret", "api-key", "apikey", "api_key", "password", "auth")
_ENCODED_BLOB = re.compile(r"[A-Za-z0-9+/_%=-]{100,}")
_NUMERIC_HOST = re.compile(r"(?:0x[0-9a-f]+|[0-9]+)(?:\.(?:0x[0-9a-f]+|[0-9]+)){0,3}")

_FILE_SCHEMES = frozenset({"file", "netdoc", "jar"})
_SMUGGLING_SCHEMES = frozenset({"gopher", "dict", "ldap", "ldaps", "tftp", "expect", "phar"})
_TRANSFER_SCHEMES = frozenset({"ftp", "ftps", "sftp", "scp", "smb", "nfs", "rsync"})
_WEB_SCHEMES = frozenset({"http", "https", "ws", "wss"})


# --------------------------------------------------------------------------------------------
# Hosts
# --------------------------------------------------------------------------------------------


def parse_ip(host: str) -> IpAddress | None:
    """The address a host names literally, including forms like ``2852039166`` or ``0x7f.1``."""
    try:
        ip = ipaddress.ip_address(host)
    except ValueError:
        if not _NUMERIC_HOST.fullmatch(host):
            return None
        try:  # inet_aton parses the legacy shorthand forms browsers and curl still accept
            ip = ipaddress.IPv4Address(socket.inet_aton(host))
        except OSError:
            return None
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    return ip


def is_internal(host: str, ip: IpAddress | None = None) -> bool:
    """Loopback: the agent's own machine."""
    if host == "localhost" or host.endswith(".localhost"):
        return True
    ip = ip if ip is not None else parse_ip(host)
    return ip is not None and (ip.is_loopback or ip.is_unspecified)


def _bare_host(pattern: str) -> str:
    host = pattern.strip().lower().split("://")[-1].split("/")[0]
    if host.startswith("["):
        return host[1:].split("]")[0]
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


def host_allowed(host: str, allowed_hosts: Sequence[str]) -> bool:
    """``host`` is on the allow list: exact names, or ``*.example.com`` for its subdomains."""
    host = host.lower().rstrip(".")
    for raw in allowed_hosts:
        pattern = _bare_host(raw)
        if pattern == "*" or pattern == host:
            return True
        if pattern.startswith("*.") and host.endswith(pattern[1:]):
            return True
    return False


def is_exfiltration_site(host: str, path: str = "") -> bool:
    if any(host == site or host.endswith("." + site) for site in EXFILTRATION_SITES):
        return True
    webhook_hosts = ("discord.com", "discordapp.com", "api.telegram.org")
    return host in webhook_hosts and bool(_WEBHOOK_PATHS.match(path))


def split_url(url: str) -> SplitResult | None:
    """urlsplit, reading ``example.com/x`` as http; None where the URL cannot be parsed."""
    try:
        parts = urlsplit(url.strip())
        if not parts.scheme and not parts.netloc and parts.path and not url.startswith("/"):
            parts = urlsplit("http://" + url.strip())
        _ = parts.port  # raises on a malformed port
    except ValueError:
        return None
    return parts


def is_bulk(body: str) -> bool:
    """A body that looks like a data set rather than a message."""
    if len(body) > BULK_BYTES or body.count("\n") >= BULK_LINES:
        return True
    return body.lstrip().startswith("[") and body.count("{") >= 20


# --------------------------------------------------------------------------------------------
# Predictions
# --------------------------------------------------------------------------------------------


def _benefit(outcome: str, probability: float, evidence: str, category: str) -> Prediction:
    return Prediction(
        outcome=outcome,
        valence="benefit",
        probability=probability,
        severity="low",
        reversible=True,
        evidence=clip(evidence),
        category=category,
    )


def _scheme_predictions(scheme: str, parts: SplitResult, evidence: str) -> list[Prediction]:
    if scheme in _FILE_SCHEMES:
        path = parts.path or parts.netloc
        found = read_predictions(path, evidence)
        return found or [
            harm(f"reads the local file {path} through a {scheme}:// URL", 0.6, "moderate",
                  evidence, "secret_access")
        ]
    if scheme in _SMUGGLING_SCHEMES:
        return [
            harm(f"{scheme}:// can send raw bytes to internal services (request smuggling)",
                  0.7, "high", evidence, "exfiltration")
        ]
    if scheme in _TRANSFER_SCHEMES:
        return [
            harm(f"transfers files over {scheme}:// to {parts.hostname or 'a remote host'}",
                  0.6, "moderate", evidence, "exfiltration")
        ]
    return [
        harm(f"uses the unexpected URL scheme {scheme or '(none)'}:", 0.6, "moderate",
              evidence, "unknown_code", reversible=True)
    ]


def _header_predictions(
    headers: Mapping[str, Any], host: str, boost: float, evidence: str | None
) -> list[Prediction]:
    for name, value in headers.items():
        name_s, value_s = str(name), str(value)
        low = name_s.lower()
        named_credential = low in _CREDENTIAL_HEADERS or any(
            w in low for w in _CREDENTIAL_HEADER_WORDS
        )
        if (named_credential and value_s.strip()) or secrets_in(value_s):
            return [
                harm(f"sends credentials (header {name_s}) to {host}, which is not allowed",
                      0.85 + boost, "high", evidence or name_s, "exfiltration")
            ]
    return []


def _body_predictions(
    body: str, host: str, allowed: bool, boost: float, netloc: str, evidence: str | None
) -> list[Prediction]:
    hits = secrets_in(body)
    if allowed:
        if not hits:
            return []
        return [
            harm(f"sends a credential ({hits[0].kind.replace('_', ' ')}) in the body to {host}",
                  0.4, "moderate", evidence or secret_evidence(body, hits[0]), "exfiltration")
        ]
    if hits:
        return [
            harm(f"uploads a credential ({hits[0].kind.replace('_', ' ')}) to {host}",
                  0.85 + boost, "high", evidence or secret_evidence(body, hits[0]),
                  "exfiltration")
        ]
    if is_bulk(body):
        return [
            harm(f"uploads bulk data ({len(body)} characters) to {host}", 0.7 + boost, "high",
                  evidence or netloc, "exfiltration")
        ]
    return [
        harm(f"sends data to {host}, which is not on the allow list", 0.6 + boost, "moderate",
              evidence or netloc, "exfiltration")
    ]


def request_predictions(
    method: str,
    url: str,
    headers: Mapping[str, Any] | None,
    body: str,
    allowed_hosts: Sequence[str],
    evidence: str | None = None,
) -> list[Prediction]:
    """Predictions for one request. ``evidence`` replaces the parts of the request as evidence
    (the Python reviewer passes the line of code that makes the request)."""
    method = (method or "GET").strip().upper() or "GET"
    headers = headers or {}
    url_evidence = evidence or url
    parts = split_url(url)
    if parts is None or not url.strip():
        return [harm("the URL cannot be parsed; the request cannot be reviewed", 0.6,
                      "moderate", url_evidence, "unknown_code", reversible=True)]
    scheme = parts.scheme.lower()
    if scheme not in _WEB_SCHEMES:
        return _scheme_predictions(scheme, parts, url_evidence)
    host = (parts.hostname or "").rstrip(".")
    if not host:
        return [harm("the URL names no host; the request cannot be reviewed", 0.6, "moderate",
                      url_evidence, "unknown_code", reversible=True)]
    netloc = evidence or parts.netloc
    ip = parse_ip(host)
    if host in METADATA_HOSTS or (ip is not None and str(ip) in METADATA_HOSTS):
        return [harm(f"queries the cloud metadata service at {host}, which hands out the "
                      "machine's credentials", 0.9, "high", netloc, "secret_access")]

    internal = is_internal(host, ip)
    allowed = internal or host_allowed(host, allowed_hosts)
    suspicious = is_exfiltration_site(host, parts.path) or (ip is not None and not internal)
    boost = 0.3 if suspicious else 0.0
    where = f"{host} (a raw IP address)" if ip is not None and not internal else host
    if is_exfiltration_site(host, parts.path):
        where = f"{host} (a paste, webhook or tunnel service)"

    out: list[Prediction] = []
    if url_hits := secrets_in(url):
        found = url_hits[0]
        if allowed:
            out.append(harm("puts a credential in the URL, where servers and proxies log it",
                             0.5, "low", evidence or secret_evidence(url, found),
                             "secret_written", reversible=True))
        else:
            out.append(harm(f"leaks a credential ({found.kind.replace('_', ' ')}) to {where} "
                             "in the URL", 0.8 + boost, "high",
                             evidence or secret_evidence(url, found), "exfiltration"))
    elif not allowed and (blob := _ENCODED_BLOB.search(parts.query or parts.path)):
        out.append(harm(f"encodes a long blob into the URL sent to {where}", 0.6 + boost,
                         "moderate", evidence or blob.group(0), "exfiltration"))
    if not allowed:
        out += _header_predictions(headers, where, boost, evidence)
    if body:
        out += _body_predictions(body, where, allowed, boost, parts.netloc, evidence)

    if method == "DELETE":
        out.append(harm(f"deletes a resource at {host}", 0.6, "moderate", url_evidence,
                         "destructive"))
    elif not allowed and not any(p.category == "exfiltration" for p in out):
        out.append(harm(f"contacts {where}, outside the allow list", 0.5 + boost, "low",
                         netloc, "exfiltration", reversible=True))

    if method in READ_METHODS:
        out.append(_benefit(f"fetches information from {host}", 0.9 if allowed else 0.8,
                            netloc, "benign"))
    else:
        out.append(_benefit(f"makes the requested {method} call to {host}", 0.8, netloc,
                            "requested_change"))
    return out


class HttpReviewer:
    """Reviews ``http`` actions: method, destination, headers and body."""

    name = "http"
    version = "1.0"
    inline = True

    def __init__(self, allowed_hosts: Sequence[str] = ()) -> None:
        self.allowed_hosts = tuple(allowed_hosts)

    def applies(self, proposal: Proposal) -> bool:
        return proposal.action.kind == "http"

    def review(self, proposal: Proposal) -> Review:
        args = proposal.action.args
        headers = args.get("headers") or {}
        predictions = request_predictions(
            str(args.get("method") or "GET"),
            str(args.get("url") or ""),
            headers if isinstance(headers, Mapping) else {},
            str(args.get("body") or ""),
            self.allowed_hosts,
        )
        predictions = in_scope(predictions, proposal.task)
        return Review.of(
            self.name,
            self.version,
            predictions,
            summarise(predictions, "An HTTP request with nothing to object to."),
        )
