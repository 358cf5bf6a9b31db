"""Supply chain: packages whose names are slips of popular ones (typosquats), package sources
added without the checks that make their packages trustworthy, and the environment variables
that send every later download through a proxy or a package index nobody vouches for."""

from __future__ import annotations

import re
from collections.abc import Iterator

from forethought.review.base import Prediction
from forethought.review.packages import Ecosystem, compromised, pinned, squats
from forethought.review.shell.interpreters import language_of
from forethought.review.shell.model import ShellAnalysis, SimpleCommand
from forethought.review.shell.predict import DEFENCE_EVASION, REMOTE_CODE_EXECUTION, harm
from forethought.review.shell.rules.common import Needs
from forethought.review.shell.rules.remote_code import installer_args
from forethought.review.shell.writes import write_targets


def _ecosystem(cmd: SimpleCommand) -> Ecosystem | None:
    name = cmd.name
    if name.startswith("pip") or name in ("uv", "uvx", "pipx", "poetry", "pipenv"):
        return "pypi"
    if language_of(name) == "python" and cmd.args[:2] == ["-m", "pip"]:
        return "pypi"
    if name in ("npm", "pnpm", "yarn", "bun", "npx", "pnpx", "bunx"):
        return "npm"
    return None


def typosquat(cmd: SimpleCommand, analysis: ShellAnalysis) -> Iterator[Prediction]:
    ecosystem = _ecosystem(cmd)
    if ecosystem is None:
        return
    args = installer_args(cmd)
    if not args or any(
        a in ("-i", "--index-url", "--registry") or a.startswith(("--index-url=", "--registry="))
        for a in args
    ):
        return  # another index: its names are not the public one's (its host is judged)
    skip_next = False
    for arg in args:
        if skip_next:
            skip_next = False
            continue
        if arg.startswith("-"):
            # options whose value is the next word (-r FILE, -i URL, -c FILE, --prefix DIR ...)
            skip_next = "=" not in arg and arg in _VALUED
            continue
        if "/" in arg or ":" in arg or arg.startswith("."):
            continue  # a path, URL or git spec: judged as a source by the remote-code rules
        target = squats(arg, ecosystem)
        if target is not None:
            yield harm(
                cmd,
                REMOTE_CODE_EXECUTION,
                f"installs `{arg}`, one slip from the popular package `{target}`: a typosquat's "
                "install scripts run its author's code",
                "high",
                0.6,
                False,
            )


_APT = frozenset({"apt", "apt-get", "aptitude"})


def _install_specs(cmd: SimpleCommand) -> tuple[str, list[str]] | None:
    """(ecosystem, the package arguments) of an install command, or None."""
    if cmd.name in _APT:
        words = [a for a in cmd.args if not a.startswith("-")]
        return ("debian", words[1:]) if words[:1] == ["install"] else None
    if cmd.name == "gem":
        args = installer_args(cmd)
        if not args:
            return None
        # gem install NAME -v VERSION (or --version VERSION, or NAME:VERSION)
        version = next(
            (args[i + 1] for i, a in enumerate(args[:-1]) if a in ("-v", "--version")), None
        )
        names = [a for a in args if not a.startswith("-") and a != version]
        return "rubygems", [f"{n}:{version}" if version and ":" not in n else n for n in names]
    ecosystem = _ecosystem(cmd)
    args = installer_args(cmd) if ecosystem else None
    if not ecosystem or not args:
        return None
    return ecosystem, [a for a in args if not a.startswith("-")]


def compromised_release(cmd: SimpleCommand, _a: ShellAnalysis) -> Iterator[Prediction]:
    """An install of a release published by an attacker (``review/data/compromised.toml``):
    ``apt-get install xz-utils=5.6.1-1``, ``npm i event-stream@3.3.6``."""
    found = _install_specs(cmd)
    if found is None:
        return
    ecosystem, specs = found
    # (a name taken over on the public index is its owner's own on another index: PyTorch's
    # nightly index serves the real torchtriton)
    own_index = any(
        a in ("-i", "--index-url", "--registry") or a.startswith(("--index-url=", "--registry="))
        for a in cmd.args
    )
    for spec in specs:
        if ecosystem == "rubygems":
            name, _, version = spec.partition(":")
            parsed: tuple[str, str | None] | None = (name, version or None)
        else:
            parsed = pinned(spec, ecosystem)
        entry = compromised(ecosystem, *parsed) if parsed else None
        if entry is not None and not (own_index and "*" in entry.versions):
            version = f" {parsed[1]}" if parsed and parsed[1] else ""
            yield harm(
                cmd,
                REMOTE_CODE_EXECUTION,
                f"installs {entry.name}{version}, a release published by an attacker: it "
                f"{entry.what} ({entry.advisory})",
                "critical",
                0.9,
                False,
            )


_VALUED = frozenset(
    {
        "-r",
        "--requirement",
        "-c",
        "--constraint",
        "-i",
        "--index-url",
        "--extra-index-url",
        "-f",
        "--find-links",
        "-t",
        "--target",
        "--prefix",
        "--root",
        "-e",
        "--editable",
        "--registry",
        "--cache",
        "-w",
        "--workspace",
        "--python",
        "-p",
        "--trusted-host",
        "--platform",
        "--python-version",
        "--implementation",
        "--abi",
        "--src",
        "--log",
    }
)

# An APT source line: `deb [options] URI suite components`.
_APT_SOURCE = re.compile(r"^\s*deb(?:-src)?\s+(?:\[([^\]]*)\]\s+)?(\S+)", re.MULTILINE)
_UNCHECKED = re.compile(
    r"\b(?:trusted|allow-insecure|allow-weak|allow-downgrade-to-insecure)=yes\b"
)
_ADDRESS = re.compile(r"^\w+://(?:\d{1,3}(?:\.\d{1,3}){3}|\[[0-9a-fA-F:]+\])(?::\d+)?(?:/|$)")


def unchecked_source(text: str) -> str | None:
    """What is wrong with the APT sources ``text`` adds: packages taken without checking their
    signatures, or from a bare address over plain http. None: nothing."""
    for m in _APT_SOURCE.finditer(text):
        options, uri = m.group(1) or "", m.group(2)
        if _UNCHECKED.search(options):
            return f"adds a package source ({uri}) whose packages are installed unchecked"
        if uri.startswith("http://") and _ADDRESS.match(uri):
            return f"adds a package source at a bare address over plain http ({uri})"
    return None


def _apt_sources(cmd: SimpleCommand, analysis: ShellAnalysis) -> Iterator[Prediction]:
    if not any(
        t.path.startswith("/etc/apt/sources.list") or t.path.startswith("/etc/apt/sources.list.d")
        for t in write_targets(cmd)
    ):
        return
    what = unchecked_source(analysis.written_by.get(cmd.index, ""))
    if what is not None:
        yield harm(
            cmd,
            REMOTE_CODE_EXECUTION,
            f"{what}: whoever answers there decides what the next install runs as root",
            "high",
            0.85,
            False,
            analysis.written_by[cmd.index].strip()[:200],
        )


# Environment variables that route the network traffic of what runs after them (curl(1),
# pip, npm, git and most HTTP libraries read them), and those that choose the package index a
# package manager installs from (pip's PIP_INDEX_URL, uv's UV_INDEX_URL / UV_DEFAULT_INDEX,
# npm's npm_config_registry, Go's GOPROXY).
_PROXY_VARIABLES = frozenset({"http_proxy", "https_proxy", "all_proxy", "ftp_proxy", "rsync_proxy"})
_INDEX_VARIABLES = frozenset(
    {
        "pip_index_url",
        "pip_extra_index_url",
        "uv_index_url",
        "uv_extra_index_url",
        "uv_default_index",
        "uv_index",
        "npm_config_registry",
        "yarn_registry",
        "yarn_npm_registry_server",
        "bun_config_registry",
        "goproxy",
    }
)
_SETTERS = frozenset({"export", "declare", "typeset", "setenv", "env"})
def _settings(cmd: SimpleCommand) -> Iterator[tuple[str, str]]:
    """(variable, value) pairs ``cmd`` sets for itself (``https_proxy=... pip install``) or for
    the commands after it (``export https_proxy=...``, ``env HTTPS_PROXY=... cmd``)."""
    yield from cmd.env.items()
    if cmd.name in _SETTERS:
        for a in cmd.args:
            name, eq, value = a.partition("=")
            if eq and name and not name.startswith("-"):
                yield name, value


def _untrusted_route(analysis: ShellAnalysis) -> Iterator[Prediction]:
    from forethought.review.http import in_private_network, parse_ip
    from forethought.review.shell.rules.network import code_origin

    for cmd in analysis.commands:
        for name, value in _settings(cmd):
            low = name.lower()
            proxy = low in _PROXY_VARIABLES
            if not proxy and low not in _INDEX_VARIABLES:
                continue
            for url in re.split(r"[\s,|]+", value.strip("'\"")):
                url = url if "://" in url else f"http://{url}" if proxy and url else url
                origin = code_origin(url)
                if origin is None or origin.trusted:
                    continue
                ip = parse_ip(origin.host)
                if in_private_network(ip):
                    continue  # the organisation's own proxy or mirror
                if proxy and origin.host.rsplit(".", 1)[-1] in ("internal", "corp", "lan", "local"):
                    continue
                nobody = (
                    "a raw IP address nobody vouches for"
                    if origin.raw_ip
                    else ("a host not on the policy's allowed hosts")
                )
                if proxy:
                    what = (
                        f"routes the network traffic of the commands after it through a proxy "
                        f"at {origin.host} ({nobody}): it sees and can change what they download "
                        "and what they send"
                    )
                    category = DEFENCE_EVASION
                else:
                    what = (
                        f"points the package manager at the index {url} ({nobody}): every "
                        "package installed after it comes from there, install scripts included"
                    )
                    category = REMOTE_CODE_EXECUTION
                yield harm(
                    cmd,
                    category,
                    what,
                    "high" if origin.raw_ip or (not proxy and origin.plain) else "moderate",
                    0.7 if origin.raw_ip else 0.6,
                    False,
                )
                break


GENERIC = [typosquat, compromised_release, _apt_sources]
SCRIPT = [_untrusted_route]
NEEDS = {_apt_sources: Needs.WRITES}
