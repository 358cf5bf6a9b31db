"""What a write to a shell start-up file adds: settings, or commands that run at every start.

A line appended to ``~/.bashrc`` runs again in every later shell, outside this session and its
review, so the shell reviewer rates such writes high. Most of what developers put there is
*settings*: ``export GOPATH=~/go``, a directory appended to ``PATH`` or ``fpath``, ``ulimit``,
``source`` of a completion script, ``eval "$(pyenv init -)"``. A text made only of such lines
(:func:`settings_only`) changes the environment of later shells in a way the line itself shows,
and is graded low; anything else (a program started at every login, a variable that loads code
into every process, a history setting, a proxy, a directory in /tmp on ``PATH``) keeps the high
grade, and the text itself is reviewed as the commands it is (the parser walks it as a nested
source), so a harmful line is a harm of its own whatever the task says of the file.
"""

from __future__ import annotations

import re

# Variables whose value changes what later programs load or run, where their traffic goes, or
# what the shell records: never plain settings.
_RISKY_VARIABLE = re.compile(
    r"^(?:LD_\w+|DYLD_\w+|PROMPT_COMMAND|PS[0-4]|BASH_ENV|ENV|HIST\w*|IFS|TMOUT|"
    r"(?i:(?:http|https|ftp|all|no)_proxy)|PYTHONSTARTUP|PYTHONPATH|PYTHONHOME|NODE_OPTIONS|"
    r"NODE_PATH|PERL5OPT|PERL5LIB|PERLLIB|RUBYOPT|RUBYLIB|GIT_\w+|SSH_\w+|SUDO_\w+|"
    r"\w*ASKPASS|GNUPGHOME|JAVA_TOOL_OPTIONS|_JAVA_OPTIONS|CLASSPATH|MAIL\w*|TERM)$"
)
# Directories anyone can write to: on PATH, a planted program shadows a real one.
_WORLD_WRITABLE = re.compile(r"(?:^|:)(?:(?:/tmp|/var/tmp|/dev/shm|\.)(?:/[^:]*)?)?(?::|$)")
_NAME = r"[A-Za-z_][A-Za-z0-9_]*"
# A value: words, paths, $VARIABLE and ${VARIABLE:-default} references, quoted or not; the only
# substitution allowed is $(pwd), whose value is a path.
_REFERENCE = r"""\$\{?\w+(?::?[-=][^}"]*)?\}?|\$\(pwd\)"""
_VALUE = rf"""(?:[^\s;&|<>`$'"()]|{_REFERENCE}|'[^']*'|"(?:[^"`$\\]|{_REFERENCE})*")*"""
_ASSIGNMENT = re.compile(
    rf"^(?:export\s+|declare\s+-x\s+|typeset\s+-x\s+)?({_NAME})(\+?=)({_VALUE})$"
)
_PATH_LIKE = re.compile(rf"^(?:PATH|MANPATH|INFOPATH|fpath|path|{_NAME}_(?:HOME|ROOT|DIR|PATH))$")
# Programs whose only job here is to change the shell's own settings.
_SETTINGS = re.compile(
    rf"^(?:ulimit(?:\s+-[a-zA-Z]+)*\s+(?:\d+|unlimited)|umask\s+0?[0-7]{{3}}|"
    rf"(?:set|setopt|unsetopt|shopt(?:\s+-[su])?)\s+[-+\w\s]+|bindkey\s+{_VALUE}(?:\s+{_VALUE})*|"
    rf"autoload(?:\s+-[A-Za-z]+)*\s+[\w\s]+|compinit(?:\s+-[A-Za-z]+)*|"
    rf"(?:bashcompinit|compinit)(?:\s*&&\s*(?:bashcompinit|compinit))*|"
    rf"complete\s+-[A-Za-z]+\s+{_VALUE}(?:\s+{_VALUE})*|"
    rf"alias\s+{_NAME}=(?:'[^'`$;&|]*'|\"[^\"`$;&|]*\"|[\w./-]+)|"
    rf"unalias\s+{_NAME}|export\s+{_NAME}(?:\s+{_NAME})*)$"
)
# Aliases that stand in for programs that ask for passwords or reach other machines.
_RISKY_ALIAS = re.compile(
    r"^alias\s+(?:sudo|su|doas|ssh|scp|sftp|passwd|gpg|login|kinit|pkexec|git|curl|wget)="
)
_SCRATCH = re.compile(r"(?<![\w.-])(?:/tmp|/var/tmp|/dev/shm)(?:/|\b)")
# Reading a file of settings: a completion script, a tool's env file, the workspace's.
_SOURCE = re.compile(
    rf"^(?:(?:\[\[?\s+-[efrs]\s+{_VALUE}\s+\]\]?|test\s+-[efrs]\s+{_VALUE})\s*&&\s*)?"
    rf"(?:source|\.)\s+({_VALUE})$"
)
# A tool printing its own shell set-up: eval "$(pyenv init -)", eval "$(direnv hook bash)".
_TOOL_INIT = re.compile(
    r"""^eval\s+["']?\$\((?:[\w./~-]+/)?([\w.-]+)\s+(?:[\w.-]+\s+)*(?:init|hook|shellenv|"""
    r"""activate|env|completion|completions)(?:\s+[\w.=-]+)*\)["']?$"""
)
# Programs that fetch or decode text: their output is not a tool's own settings.
_NOT_TOOLS = frozenset(
    "curl wget nc ncat socat base64 xxd openssl python python3 perl ruby node php bash sh "
    "zsh dash cat printf echo".split()
)


def _setting(line: str) -> bool:
    assignment = _ASSIGNMENT.match(line)
    if assignment is not None:
        name, value = assignment.group(1), assignment.group(3).strip("'\"")
        if _RISKY_VARIABLE.match(name):
            return False
        return not (_PATH_LIKE.match(name) and _WORLD_WRITABLE.search(value))
    if _RISKY_ALIAS.match(line) or (line.startswith("alias") and _SCRATCH.search(line)):
        return False
    if _SETTINGS.match(line):
        return True
    source = _SOURCE.match(line)
    if source is not None:
        path = source.group(1).strip("'\"")
        return "://" not in path and not _SCRATCH.match(path)
    init = _TOOL_INIT.match(line)
    return init is not None and init.group(1) not in _NOT_TOOLS


def settings_only(text: str) -> bool:
    """Whether ``text`` (what a command adds to a shell start-up file) holds nothing but
    settings and comments, with at least one setting."""
    found = False
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if len(line) > 400 or not _setting(line):
            return False
        found = True
    return found
