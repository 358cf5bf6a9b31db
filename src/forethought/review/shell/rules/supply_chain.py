"""Supply chain: packages whose names are slips of popular ones (typosquats)."""

from __future__ import annotations

from collections.abc import Iterator

from forethought.review.base import Prediction
from forethought.review.packages import Ecosystem, squats
from forethought.review.shell.interpreters import language_of
from forethought.review.shell.model import ShellAnalysis, SimpleCommand
from forethought.review.shell.predict import REMOTE_CODE_EXECUTION, harm
from forethought.review.shell.rules.remote_code import installer_args


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

GENERIC = [typosquat]
