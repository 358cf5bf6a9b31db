"""Checks of who answers, switched off: TLS certificate verification, signatures of packages and
images, a host's key, in the words programs share whatever the program.

An agent that meets a certificate error, a signature failure or an unknown host key and turns
the check off gets past it, and so does anyone on the network path from then on: whatever the
command sends (a token, a password, the code it pushes) can be read there, and whatever it
receives (a package, an image, an installer, an API's answer) can be someone else's. The words
are the same across programs: options (``--insecure``, ``--insecure-skip-tls-verify``,
``--tls-verify=false``, ``--no-check-certificate``, ``--nogpgcheck``, curl's ``-k``),
environment variables (``NODE_TLS_REJECT_UNAUTHORIZED=0``, ``GIT_SSL_NO_VERIFY=1``,
``PYTHONHTTPSVERIFY=0``) and configuration keys (``http.sslVerify false``, ``strict-ssl
false``). The shell rule (``review/shell/rules/unverified.py``) and the Python reviewer
(``verify=False``) read them from here.

Not a harm where everything the command reaches is this machine (``curl -k
https://localhost:8443/health``: a local development certificate is self-signed), and capped as
asked where the task asks for it (review/data/asked_operations.toml: "the registry uses a
self-signed certificate").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from forethought.review.base import Severity

SEVERITY: Severity = "moderate"
PROBABILITY = 0.4
REVERSIBLE = False  # what crossed the network unchecked cannot be unsent or unrun
OUTCOME = (
    "switches off the check of who answers ({what}): anyone on the network path can read what "
    "it sends, credentials included, and answer with code or data of their own"
)

# Options that switch a check off by being given (a value, where glued, must not undo them).
_OFF_OPTIONS = frozenset(
    {
        "--insecure",
        "--insecure-skip-tls-verify",
        "--insecure-skip-verify",
        "--insecure-tls",
        "--skip-tls-verify",
        "--skip-tls-verification",
        "--tls-skip-verify",
        "--tls-no-verify",
        "--no-tls-verify",
        "--skip-ssl-verify",
        "--skip-ssl-verification",
        "--ssl-no-verify",
        "--no-ssl-verify",
        "--no-verify-ssl",
        "--no-check-certificate",
        "--no-check-certificates",
        "--disable-ssl-verification",
        "--disable-tls-verification",
        "--disable-certificate-verification",
        "--ignore-certificate-errors",
        "--ignore-ssl-errors",
        "--trust-all-certificates",
        "--trust-all-certs",
        "--accept-all-certificates",
        "--allow-insecure",
        "--allow-insecure-registry",
        "--insecure-registry",
        "--nogpgcheck",
        "--no-gpgcheck",
        "--no-gpg-check",
        "--no-gpg-verify",
        "--skip-gpg-check",
        "--allow-unsigned",
        "--allow-untrusted",
        "--skip-signature-verification",
        "--skip-signatures",
        "--no-verify-signatures",
        "--disable-content-trust",
        "--insecure-policy",
        "--insecure-ignore-tlog",
        "--insecure-ignore-sct",
    }
)
# ...and the same words inside a longer option (`tkn task start --remote-skip-tls`,
# `--registry-insecure-skip-verify`, `--skip-cert-check`).
_OFF_WORDS = re.compile(
    r"^--(?:[a-z0-9]+-)*(?:(?:skip|no|disable|ignore)-(?:tls|ssl|certs?|certificates?)"
    r"(?:-(?:verify|verification|check|checks|validation|errors))?|"
    r"insecure-skip-(?:tls-)?verify|skip-(?:tls|ssl|cert|certificate)-(?:verify|check))$"
)
# Options whose value false/0/no/off switches a check off (`--tls-verify=false`).
_CHECK_OPTION = re.compile(
    r"^--(?:src-|dest-|source-|destination-)?(?:tls-?verify|ssl-?verify|verify-?ssl|verify-?tls|verify-?certs?|verify-?certificates?|"
    r"strict-?ssl|check-?certificates?|cert-?check|tls-?verification|ssl-?verification|"
    r"gpg-?check|signature-?verification|verify-?signatures?|content-?trust)$",
    re.IGNORECASE,
)
_SIDE = re.compile(r"^--(?:src|dest|source|destination)-")  # skopeo's sides of a copy
# Options that say whose signature or certificate is accepted (`cosign verify
# --certificate-identity-regexp`, `--certificate-oidc-issuer-regexp`, a signer, a subject), and
# the patterns that accept anyone: the check runs and passes for every signer.
_WHO_OPTION = re.compile(
    r"^--(?:[a-z0-9]+-)*(?:identity|identities|issuer|subject|signer|signers|principal|san)"
    r"(?:-[a-z0-9]+)*$",
    re.IGNORECASE,
)
_ANYONE = frozenset({".*", ".+", "*", "^.*$", "^.+$", "^.*", ".*$", "(.*)", ".*@.*"})
_FALSE = frozenset({"false", "0", "no", "off", "n", "disable", "disabled", "none"})
_TRUE = frozenset({"true", "1", "yes", "on", "y", "enable", "enabled"})
# Environment variables: name -> True where any value switches the check off, else the values
# that do.
_ENV_OFF: dict[str, frozenset[str] | None] = {
    "NODE_TLS_REJECT_UNAUTHORIZED": frozenset({"0"}),
    "PYTHONHTTPSVERIFY": frozenset({"0"}),
    "GIT_SSL_NO_VERIFY": None,
    "NPM_CONFIG_STRICT_SSL": _FALSE,
    "npm_config_strict_ssl": _FALSE,
    "YARN_ENABLE_STRICT_SSL": _FALSE,
    "YARN_STRICT_SSL": _FALSE,
    "CURL_INSECURE": None,
    "HELM_INSECURE_SKIP_TLS_VERIFY": _TRUE,
    "KUBE_INSECURE_SKIP_TLS_VERIFY": _TRUE,
    "GOINSECURE": None,
    "GONOSUMCHECK": None,
    "GOSUMDB": frozenset({"off"}),
    "GONOSUMDB": None,
    "BUNDLE_SSL_VERIFY_MODE": frozenset({"0"}),
    "UV_INSECURE_HOST": None,
    "PIP_TRUSTED_HOST": None,
    "ANSIBLE_HOST_KEY_CHECKING": _FALSE,
    "DOCKER_CONTENT_TRUST": None,  # judged by value below: only 0 switches it off
}
_ENV_EMPTY_OFF = frozenset({"REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE"})  # empty: no CA check
# Configuration keys (git's, npm's, yarn's, pip's, conda's, an unknown tool's) whose false
# value switches a check off; and keys whose true value does.
_CHECK_KEY = re.compile(
    r"(?:^|[._:-])(?:ssl-?verify|sslverify|ssl_verify|strict-?ssl|strictssl|enablestrictssl|"
    r"verify-?ssl|verify_ssl|tls-?verify|tls_verify|verify-?certs?|verify_certs?|"
    r"check-?certificate|check_certificate|gpgcheck|repo_gpgcheck|require-sigs|"
    r"host_key_checking|stricthostkeychecking|verify|certificate_revocation|"
    r"certificate-revocation|crl_check|check_crl|revocation_check)$",
    re.IGNORECASE,
)
_INSECURE_KEY = re.compile(
    r"(?:^|[._:-])(?:insecure|insecure-skip-tls-verify|insecure_skip_tls_verify|"
    r"skip-?tls-?verify|skip_tls_verify|trusted-host|trusted_host|allow-?insecure|"
    r"insecure-registries)$",
    re.IGNORECASE,
)
# An APT source line's options that take its signature check away (sources.list(5): `deb
# [trusted=yes] http://...`, allow-insecure, allow-weak, allow-downgrade-to-insecure).
SOURCE_OFF = re.compile(
    r"\b(?:trusted|allow-insecure|allow-weak|allow-downgrade-to-insecure)=yes\b", re.IGNORECASE
)
_AUTOSIGN_KEY = re.compile(r"(?:^|[._:-])(?:autosign|auto_sign|auto-sign)$", re.IGNORECASE)
# Words that name a place: URLs, host:port, user@host, bare host names with a dot.
_PLACE = re.compile(
    r"^(?:[a-z][a-z0-9+.-]*://)?(?:[^@/\s]+@)?(\[[0-9a-f:]+\]|[a-z0-9](?:[a-z0-9-]*[a-z0-9])?"
    r"(?:\.[a-z0-9-]+)*)(?::\d+)?(?:[/?#].*)?$",
    re.IGNORECASE,
)
_URL = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)
# A word that names a host without a scheme: host:port, an IP address, localhost (a registry
# reference `localhost:5000/app`, `10.0.0.5:8443`).
_HOST_WORD = re.compile(
    r"^(?:[^@/\s:]+@)?(?:localhost|\d{1,3}(?:\.\d{1,3}){3}|\[[0-9a-f:]+\]|"
    r"[a-z0-9][a-z0-9.-]*:\d{2,5})(?::\d{2,5})?(?:[/?#].*)?$",
    re.IGNORECASE,
)
_LOCAL = re.compile(
    r"^(?:localhost|.*\.localhost|127(?:\.\d{1,3}){3}|\[?::1\]?|0\.0\.0\.0|ip6-localhost|"
    r"host\.docker\.internal|kubernetes\.docker\.internal)$",
    re.IGNORECASE,
)
# One of these is in every word the shell rule can find something in (most commands have none):
# looked for in the lower-cased words, a few substring tests in C rather than a regex.
HINT_WORDS = (
    "insecure", "verif", "ssl", "tls", "gpg", "sig", "cert", "trust", "reject_unauth", "sumdb",
    "sumcheck", "hostkey", "host_key", "ca_bundle", "identit", "issuer", "signer", "subject",
    "principal", "-san", "revocation", "crl", "autosign", "auto_sign", "auto-sign",
)


def hinted(text: str) -> bool:
    """Whether ``text`` holds any of the words a switched-off check is written with."""
    low = text.lower()
    return any(w in low for w in HINT_WORDS)


# A task that asks for the check to be off, in its own words ("its API uses a self-signed
# certificate", "push to the lab's insecure registry"); asked_operations.toml's entry for the
# command line says the same.
TASK_ASKS = (
    r"\bself[- ]signed\b|\buntrusted\s+(?:certificate|cert|ca)\b|\b(?:skip|disable|without|"
    r"turn\s+off|ignore)\w*\s+(?:the\s+)?(?:tls|ssl|https|certificate|cert|signature|gpg)\s+"
    r"(?:verification|validation|checks?|errors?)\b|--insecure\b|--tls-verify\b|"
    r"\binsecure\s+registry\b|\bplain[- ]http\s+registry\b"
)


def _value_off(value: str, *, inverted: bool = False) -> bool:
    v = value.strip().strip("'\"").lower()
    return v in (_TRUE if inverted else _FALSE)


def option_off(args: Sequence[str], *, curl_like: bool = False) -> str | None:
    """The option (as written) that switches a check off, or None. ``curl_like``: the program
    is curl, whose ``-k`` (alone or in a cluster of short options) is ``--insecure``."""
    for i, arg in enumerate(args):
        if arg == "--":
            break
        if not arg.startswith("-"):
            continue
        option, eq, value = arg.partition("=")
        option = _SIDE.sub("--", option)
        if (option in _OFF_OPTIONS or _OFF_WORDS.match(option)) and (
            not eq or not _value_off(value)
        ):
            return arg
        if _CHECK_OPTION.match(option):
            given = value if eq else (args[i + 1] if i + 1 < len(args) else "")
            if _value_off(given):
                return arg if eq else f"{arg} {given}"
        if curl_like and not arg.startswith("--") and "k" in arg[1:] and arg[1:].isalpha():
            return arg
        if _WHO_OPTION.match(option):
            given = value if eq else (args[i + 1] if i + 1 < len(args) else "")
            if given.strip("'\"") in _ANYONE:
                return arg if eq else f"{arg} {given}"
    return None


# A package file on this machine (`yum --nogpgcheck localinstall ./pkg.rpm`): its signature
# says nothing of a network path.
_PACKAGE_FILE = re.compile(r"^(?![a-z][a-z0-9+.-]*://)\S+\.(?:rpm|deb|apk|pkg\.tar\.\w+|snap)$")


def signature_only(option: str) -> bool:
    """Whether ``option`` switches off a signature check (not TLS)."""
    return bool(re.search(r"gpg|sign|content-?trust|tlog|sct|unsigned|untrusted", option, re.I))


def local_packages(args: Sequence[str]) -> bool:
    """Whether ``args`` install package files from this machine and name no place."""
    return any(_PACKAGE_FILE.match(a) for a in args) and not any(_URL.match(a) for a in args)


def env_off(name: str, value: str) -> bool:
    """Whether setting the environment variable ``name`` to ``value`` switches a check off."""
    if name in _ENV_EMPTY_OFF:
        return value.strip("'\"") == ""
    if name == "DOCKER_CONTENT_TRUST":
        return value.strip("'\"") == "0"
    if name not in _ENV_OFF:
        return False
    values = _ENV_OFF[name]
    v = value.strip("'\"")
    if values is None:
        return v not in ("", "0", "false")
    return v.lower() in values


def setting_off(key: str, value: str) -> bool:
    """Whether configuration key ``key`` set to ``value`` switches a check off
    (``http.sslVerify false``, ``strict-ssl false``, ``insecure true``)."""
    # (a key that says it skips the check first: `SKIP_TLS_VERIFY` ends in a check's word too)
    if _INSECURE_KEY.search(key):
        v = value.strip().strip("'\"").lower()
        return bool(v) and v not in _FALSE
    if _CHECK_KEY.search(key):
        return _value_off(value)
    if _AUTOSIGN_KEY.search(key):
        # (puppet.conf(5): `autosign = true` signs every request; a path names the policy that
        # decides which, the way it is meant to be set)
        return _value_off(value, inverted=True)
    return False


def config_words_off(args: Sequence[str]) -> str | None:
    """A ``key value`` or ``key=value`` pair among ``args`` (after `config set`, `-c`, `--set`,
    `--global`...) that switches a check off, as written; or None."""
    for i, arg in enumerate(args):
        key, eq, value = arg.partition("=")
        if eq and not key.startswith("-") and setting_off(key, value):
            return arg
        if (
            not eq
            and not arg.startswith("-")
            and i + 1 < len(args)
            and (_CHECK_KEY.search(arg) or _INSECURE_KEY.search(arg) or _AUTOSIGN_KEY.search(arg))
            and setting_off(arg, args[i + 1])
        ):
            return f"{arg} {args[i + 1]}"
    return None


def only_local(words: Sequence[str]) -> bool:
    """Whether every place among ``words`` (URLs, also as an option's glued value; else
    host:port words, IP addresses and ``localhost``) is this machine, and there is at least one.
    A command that names no place reaches wherever its configuration says: not known to be
    local."""
    values = [w.partition("=")[2] if w.startswith("-") else w for w in words]
    urls = [v for v in values if _URL.match(v)]
    places = urls or [v for v in values if _HOST_WORD.match(v)]
    return bool(places) and all(local_url(p) for p in places)


def local_url(url: str) -> bool:
    """Whether ``url`` (or a host name) is this machine."""
    m = _PLACE.match(url.strip())
    return m is not None and _LOCAL.match(m.group(1).strip("[]")) is not None
