"""Checks of who answers switched off, whatever the program: `--insecure`, `--tls-verify=false`,
`--nogpgcheck`, curl's `-k`, `NODE_TLS_REJECT_UNAUTHORIZED=0`, `git config http.sslVerify
false`. The vocabulary is review/unverified.py's (the Python reviewer reads it too)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from forethought.review import unverified
from forethought.review.base import Prediction
from forethought.review.shell.model import ShellAnalysis, SimpleCommand
from forethought.review.shell.predict import DEFENCE_EVASION, harm
from forethought.review.shell.rules.common import EXPORTERS

Rule = Iterator[Prediction]

# Programs whose `config`/`-c`/`--set` words set configuration keys (and the words after which
# a key and its value come).
_CONFIG_WORDS = frozenset({"config", "set", "-c", "--set", "--global", "--system", "--local"})


def _what(cmd: SimpleCommand) -> str | None:
    """The words by which ``cmd`` switches a check off, or None."""
    for name, value in cmd.env.items():
        if unverified.env_off(name, value):
            return f"{name}={value}"
    args = cmd.args
    if cmd.name in EXPORTERS:
        for arg in args:
            name, eq, value = arg.partition("=")
            if eq and unverified.env_off(name, value):
                return arg
        return None
    if not unverified.hinted("\0".join(args)) and not (
        cmd.name == "curl" and any(a[:1] == "-" and "k" in a for a in args)
    ):
        return None  # (one search over the words, most commands have none of them)
    found = unverified.option_off(args, curl_like=cmd.name.rsplit("/", 1)[-1] == "curl")
    if found is not None:
        return found
    found = next((m.group(0) for a in args if (m := unverified.SOURCE_OFF.search(a))), None)
    if found is not None:
        return found
    if _CONFIG_WORDS.intersection(args):
        return unverified.config_words_off(args)
    return None


def _unverified(cmd: SimpleCommand, _a: ShellAnalysis) -> Rule:
    what = _what(cmd)
    if what is None or unverified.only_local(cmd.args):
        return
    if unverified.signature_only(what) and unverified.local_packages(cmd.args):
        return
    yield harm(
        cmd,
        DEFENCE_EVASION,
        unverified.OUTCOME.format(what=what),
        unverified.SEVERITY,
        unverified.PROBABILITY,
        unverified.REVERSIBLE,
    )


GENERIC: list[Callable[[SimpleCommand, ShellAnalysis], Rule]] = [_unverified]
