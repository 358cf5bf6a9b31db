"""Exhausting the machine: fork bombs, miners, busy loops, disk fillers."""

from __future__ import annotations

import re
from collections.abc import Iterator

from forethought.review.base import Prediction
from forethought.review.shell.model import ShellAnalysis, SimpleCommand
from forethought.review.shell.predict import RESOURCE_ABUSE, harm
from forethought.review.shell.rules.common import Needs, option_values
from forethought.review.shell.writes import write_targets

Rule = Iterator[Prediction]

_MINERS = frozenset(
    {
        "xmrig",
        "minerd",
        "cpuminer",
        "cpuminer-multi",
        "cgminer",
        "bfgminer",
        "ethminer",
        "t-rex",
        "nbminer",
        "lolminer",
        "phoenixminer",
        "xmr-stak",
        "xmr-stak-rx",
        "ccminer",
        "nanominer",
        "gminer",
        "teamredminer",
        "srbminer",
        "xmrig-notls",
        "kawpowminer",
        "nheqminer",
    }
)
_MINING = re.compile(
    r"stratum\d?\+(?:tcp|ssl|tls)://|--donate-level|\bcryptonight\b|\brandomx\b|"
    r"minexmr|supportxmr|moneroocean|nanopool\.org|2miners|f2pool|nicehash|"
    r"hashvault|ethermine|xmrpool|\bxmrig\b|\bminerd\b|\bcpuminer\b|\bethminer\b|"
    r"\bnbminer\b|\blolminer\b",
    re.I,
)
# Every alternative of _MINING contains one of these, in lower case (keep them in step): on
# ASCII text, where re.I only folds A-Z, arguments without any of them cannot match.
_MINING_HINT = re.compile("strat|donate|crypto|random|xmr|monero|pool|mine|hash")


def _mentions_mining(args: list[str]) -> bool:
    joined = "\n".join(args)
    if joined.isascii() and not _MINING_HINT.search(joined.lower()):
        return False  # the common case, without running _MINING over every argument
    return any(_MINING.search(a) for a in args)


_UNITS = {
    "": 1,
    "c": 1,
    "w": 2,
    "b": 512,
    "k": 1024,
    "K": 1024,
    "kB": 1000,
    "M": 1024**2,
    "MB": 1000**2,
    "G": 1024**3,
    "GB": 1000**3,
    "T": 1024**4,
    "TB": 1000**4,
    "P": 1024**5,
}
_HUGE = 10 * 1024**3  # bytes: more than a scratch file


def _size(text: str) -> int | None:
    m = re.fullmatch(r"(\d+)([a-zA-Z]{0,2})", text.strip())
    if not m:
        return None
    raw: str = m.group(2)
    unit = raw if raw in _UNITS else raw[:1].upper() if raw[:1].upper() in _UNITS else None
    if unit is None:
        return None
    return int(m.group(1)) * _UNITS[unit]


def _miner(cmd: SimpleCommand, _a: ShellAnalysis) -> Rule:
    if cmd.name in _MINERS or _mentions_mining(cmd.args[:64]):
        yield harm(
            cmd,
            RESOURCE_ABUSE,
            "runs a cryptocurrency miner on this machine's CPU/GPU",
            "high",
            0.9,
            True,
        )


def _dd(cmd: SimpleCommand, _a: ShellAnalysis) -> Rule:
    options = dict(a.split("=", 1) for a in cmd.args if "=" in a)
    source, target = options.get("if", ""), options.get("of")
    if (
        source not in ("/dev/zero", "/dev/urandom", "/dev/random")
        or target is None
        or target.startswith("/dev/")
    ):
        return
    block = _size(options.get("bs", "512")) or 512
    count = options.get("count")
    total = block * int(count) if count and count.isdigit() else None
    if total is None:
        yield harm(
            cmd,
            RESOURCE_ABUSE,
            f"writes {source} into {target} with no size limit: fills the disk",
            "high",
            0.8,
            True,
        )
    elif total >= _HUGE:
        yield harm(
            cmd,
            RESOURCE_ABUSE,
            f"writes a {total // 1024**3} GiB file: may fill the disk",
            "high",
            0.6,
            True,
        )


def _allocate(cmd: SimpleCommand, _a: ShellAnalysis) -> Rule:
    sizes = (
        option_values(cmd, "-l", "--length")
        if cmd.name == "fallocate"
        else option_values(cmd, "-c", "--bytes")
    )
    if cmd.name == "head" and "/dev/zero" not in cmd.args and "/dev/urandom" not in cmd.args:
        return
    for size in sizes:
        total = _size(size)
        if total is not None and total >= _HUGE:
            yield harm(
                cmd, RESOURCE_ABUSE, f"allocates {size} on disk: may fill it", "high", 0.6, True
            )


def _endless_to_file(cmd: SimpleCommand, _a: ShellAnalysis) -> Rule:
    """`cat /dev/zero > file`, `yes > file`: write until the disk is full."""
    endless = (
        cmd.name == "cat"
        and any(a in ("/dev/zero", "/dev/urandom", "/dev/random") for a in cmd.args)
    ) or (cmd.name == "yes" and cmd.stage == 0)
    if not endless:
        return
    files = [
        t
        for op, t in cmd.redirects
        if op.lstrip("0123456789") in (">", ">>", "&>") and not t.startswith("/dev/")
    ]
    if files:
        yield harm(
            cmd,
            RESOURCE_ABUSE,
            f"writes an endless stream into {files[0]}: fills the disk",
            "high",
            0.8,
            True,
        )


def _busy(cmd: SimpleCommand, _a: ShellAnalysis) -> Rule:
    name = cmd.name
    to_null = any(t == "/dev/null" for op, t in cmd.redirects if ">" in op)
    if (
        name == "yes"
        and (to_null or cmd.background)
        and cmd.stage == 0
        and not any(
            op.lstrip("0123456789") in (">", ">>") and t != "/dev/null" for op, t in cmd.redirects
        )
    ):
        yield harm(
            cmd,
            RESOURCE_ABUSE,
            "keeps a CPU core busy until killed (yes into /dev/null)",
            "moderate",
            0.7,
            True,
        )
    elif name in ("stress", "stress-ng"):
        yield harm(
            cmd, RESOURCE_ABUSE, "deliberately loads the CPU, memory or disk", "moderate", 0.7, True
        )


def _loops(cmd: SimpleCommand, _a: ShellAnalysis) -> Rule:
    if cmd.infinite_loop and cmd.background and cmd.name:
        yield harm(
            cmd,
            RESOURCE_ABUSE,
            "starts background processes in an endless loop until the "
            "machine runs out of processes or memory",
            "high",
            0.85,
            True,
        )


# Commands that pace or end a loop: one among an endless loop's commands bounds what it does.
_PACING = frozenset(
    {"sleep", "break", "exit", "return", "read", "wait", "inotifywait", "select", "timeout"}
)
# Commands that add a file or directory each time they run (as far as the disk is concerned).
_CREATORS = frozenset(
    {"mkdir", "touch", "cp", "ln", "mktemp", "dd", "fallocate", "tee", "split", "git", "tar"}
)


def _endless_growth(analysis: ShellAnalysis) -> Rule:
    """``while :; do mkdir x; cd x; done``, ``for((;;)); do touch f$RANDOM; done``: an endless
    loop, unpaced, that writes to disk fills it (or its inodes, or the path length) quickly."""
    looped = [c for c in analysis.commands if c.infinite_loop]
    if not looped or any(c.name in _PACING for c in looped):
        return
    for cmd in looped:
        if cmd.background:
            continue  # _loops: a process per turn
        targets = [t for t in write_targets(cmd) if not t.path.startswith(("/dev/", "/proc/"))]
        if cmd.name in _CREATORS or targets:
            yield harm(
                cmd,
                RESOURCE_ABUSE,
                "writes to disk in an endless loop with no pause or exit: fills the disk or "
                "its inodes until something breaks",
                "high",
                0.8,
                True,
            )
            return


def _fork_bombs(analysis: ShellAnalysis) -> Rule:
    for name, definition in analysis.functions.items():
        calls_inside = [c for c in analysis.commands if c.function == name and c.name == name]
        if not calls_inside:
            continue
        spawns = len(calls_inside) >= 2 or any(
            c.background or c.pipeline >= 0 for c in calls_inside
        )
        called = any(c.name == name and c.function != name for c in analysis.commands)
        if spawns and called:
            cmd = calls_inside[0]
            yield harm(
                cmd,
                RESOURCE_ABUSE,
                f"defines and calls `{name}`, which calls itself "
                "repeatedly in parallel: a fork bomb that exhausts the process table",
                "critical",
                0.95,
                True,
                evidence=definition.text,
            )


COMMANDS = {
    "dd": [_dd],
    "fallocate": [_allocate],
    "head": [_allocate],
    "yes": [_busy, _endless_to_file],
    "cat": [_endless_to_file],
    "stress": [_busy],
    "stress-ng": [_busy],
}
for _miner_name in _MINERS:
    COMMANDS[_miner_name] = [_miner]


def _mining_arguments(cmd: SimpleCommand, analysis: ShellAnalysis) -> Rule:
    if cmd.name not in _MINERS:
        yield from _miner(cmd, analysis)


GENERIC = [_loops, _mining_arguments]
NEEDS = {_loops: Needs.LOOP}
SCRIPT = [_fork_bombs, _endless_growth]
