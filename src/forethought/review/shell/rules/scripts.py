"""Inline code given to interpreters (python -c, perl -e, node -e, awk, php -r, here-docs and
scripts written earlier in the same command): sockets wired to shells, uploads, library loads."""

from __future__ import annotations

import re
from collections.abc import Iterator

from forethought.review.base import Prediction
from forethought.review.shell.decode import run_stages, text_of
from forethought.review.shell.interpreters import decoded_literals, inline_code, language_of
from forethought.review.shell.model import ShellAnalysis, SimpleCommand
from forethought.review.shell.paths import normalise, secret_kind
from forethought.review.shell.predict import (
    EXFILTRATION,
    PRIVILEGE_ESCALATION,
    REMOTE_CODE_EXECUTION,
    REMOTE_SHELL,
    RESOURCE_ABUSE,
    SECRET_ACCESS,
    harm,
)
from forethought.review.shell.rules.destructive import deletion
from forethought.review.webshell import webshell_predictions

Rule = Iterator[Prediction]

_NETWORK = re.compile(
    r"socket|fsockopen|TCPSocket|IO::Socket|require\s*\(?\s*[\"'](?:net|https?|dgram|tls)[\"']|"
    r"net\.(?:connect|createConnection|Dial)|/inet6?/(?:tcp|udp)|/dev/(?:tcp|udp)/|java\.net\.|"
    r"syscall\.Socket|\bztcp\b|WebSocket|urlopen|urllib|requests\.(?:post|put|get|patch)|"
    r"http\.request|https\.request|Net::HTTP|LWP::|HTTP::Tiny|curl_exec|\bfetch\s*\(|XMLHttpRequest|"
    r"Invoke-WebRequest|Net\.WebClient|System\.Net|http\.client|httplib|ftplib|smtplib|paramiko|"
    r"open-uri|HTTParty|Faraday|axios|\biwr\b|\birm\b|Invoke-RestMethod|Download(?:String|Data|File)|"
    r"Start-BitsTransfer",
    re.I,
)
# Fetching a document over HTTP(S), and evaluating a string as code: together, code from the
# network runs without anyone reading it (IEX (iwr ..), exec(urlopen(..).read()), eval get(..)).
_FETCH = re.compile(
    r"urlopen|urllib|requests\.get|httpx\.get|LWP::|HTTP::Tiny|open-uri|URI\.open|Net::HTTP|"
    r"\b(?:get|open|file_get_contents|fopen|readfile|include|require)\s*\(?\s*[\"']https?://|"
    r"https?\.get|\bfetch\s*\(|axios|curl_exec|Download(?:String|Data)|Net\.WebClient|\biwr\b|"
    r"\birm\b|Invoke-WebRequest|Invoke-RestMethod|dataWithContentsOfURL|"
    r"stringWithContentsOfURL",  # (JavaScript for Automation, through Foundation)
    re.I,
)
_EVAL = re.compile(
    r"\beval\b|\bexec\s*\(|\bexecfile\b|\biex\b|Invoke-Expression|\[scriptblock\]::create|"
    r"\bFunction\s*\(|vm\.run\w*|instance_eval|class_eval|\bload\s*\(|"
    r"\b(?:include|require)\s*\(?\s*[\"']https?://",
    re.I,
)
_SPAWN = re.compile(
    r"/bin/(?:ba|z|da|k|c)?sh\b|\bsh\s+-i\b|pty\.spawn|subprocess|os\.system|os\.popen|\bpopen|"
    r"child_process|\bspawn\s*\(|ProcessBuilder|\bexec\s*\(|\bsystem\s*[(\$\"']|os\.exec|"
    r"syscall\.Exec|"
    r"shell_exec|passthru|proc_open|\|&\s*getline|run\s*\(\s*pipeline|\bexec\s+\$|"
    r"Runtime\.getRuntime|cmd\.exe|IO\.popen|`\$|\biex\b|Invoke-Expression|Start-Process",
    re.I,
)
_STDIO = re.compile(
    r"dup2|\.pipe\(|open\s*\(\s*STD(?:IN|OUT|ERR)|[<>]&\s*[3-9S]\b|\|&|"
    r"\bSTD(?:IN|OUT|ERR)->fdopen|\$~->fdopen",  # (Perl's IO::Handle on a socket)
    re.I,
)
_SERVER = re.compile(
    r"\.listen\s*\(|\bbind\s*\(|serve_forever|TCPServer|HTTPServer|SimpleHTTPRequestHandler|"
    r"createServer|\baccept\s*\(|ServerSocket|/inet/tcp/\d+/0/0|tcp-listen|\bhttpd\b",
    re.I,
)
_FILE_READ = re.compile(
    r"\bopen\s*\(|createReadStream|readFile|io\.open|File\.(?:read|open)|fopen|file_get_contents|"
    r"<\$\w+>|IO\.read|Files\.read|ReadAllBytes|\$\(<|getline\s*<|Get-Content",
    re.I,
)
_LIBRARY = re.compile(
    r"\bctypes\b|\bcdll\b|CDLL\s*\(|LoadLibrary|\bdlopen|Fiddle|DynaLoader|ffi\.load|"
    r"process\.dlopen|System\.load(?:Library)?\s*\(|^\s*load\s+\S+\.(?:so|dylib|dll)\b|DllImport",
    re.I | re.M,
)
_FORK_BOMB = re.compile(r"(?:while|for|loop)[^\n]{0,60}\bfork\b|\bfork\b[^\n]{0,20}\bwhile\b", re.I)
_SETUID_ROOT = re.compile(
    r"set(?:res|re|e)?uid\s*\(\s*0\b|POSIX::setuid\(0|Process::Sys\.setuid\(0"
)
_STRINGS = re.compile(r"[\"']([^\"'\n]{2,300})[\"']")
_RMTREE = re.compile(
    r"(?:rmtree|rm_rf|rm_r|rmdir|removedirs|unlink|remove|rimraf|rmSync)\s*\(\s*"
    r"[\"']([^\"']+)[\"']"
)


def judge_code(cmd: SimpleCommand, language: str, code: str, flows: bool = True) -> Rule:
    """What inline ``code`` in ``language`` would do, from the calls it makes. ``flows``: also
    judge where data goes (a file read and sent, a server, a connection) from the calls alone;
    False where the Python reviewer has read the code's syntax tree and judged that better."""
    network = _NETWORK.search(code)
    spawn = _SPAWN.search(code)
    stdio = _STDIO.search(code)
    server = _SERVER.search(code)
    if _FETCH.search(code) and _EVAL.search(code) and not stdio:
        yield harm(
            cmd,
            REMOTE_CODE_EXECUTION,
            f"{language} code downloads code and evaluates it: it runs without anyone reading it",
            "high",
            0.9,
            False,
        )
    elif network and (spawn or stdio):
        kind = (
            "bind shell (anyone who connects gets a shell)"
            if server
            else "reverse shell (a remote host gets a shell here)"
        )
        yield harm(
            cmd,
            REMOTE_SHELL,
            f"{language} code opens a network socket and hands it a shell or process: a {kind}",
            "critical",
            0.95,
            False,
        )
    elif not flows:
        pass
    elif network and _FILE_READ.search(code):
        secret = _secret_in(code, cmd.cwd)
        if secret:
            yield harm(
                cmd,
                EXFILTRATION,
                f"{language} code reads {secret} and sends it over the network",
                "critical",
                0.9,
                False,
            )
        else:
            yield harm(
                cmd,
                EXFILTRATION,
                f"{language} code reads a file and sends it over the network",
                "high",
                0.8,
                False,
            )
    elif server:
        yield harm(
            cmd,
            EXFILTRATION,
            f"{language} code starts a server that other machines can "
            "reach, serving local files or data",
            "moderate",
            0.6,
            False,
        )
    elif network:
        yield harm(
            cmd, EXFILTRATION, f"{language} code opens network connections", "moderate", 0.5, True
        )
    if _LIBRARY.search(code):
        yield harm(
            cmd,
            PRIVILEGE_ESCALATION,
            f"{language} code loads a native library (library "
            "load: arbitrary compiled code in the process)",
            "high",
            0.8,
            False,
        )
    if _SETUID_ROOT.search(code):
        yield harm(
            cmd,
            PRIVILEGE_ESCALATION,
            f"{language} code switches to user id 0 (root)",
            "high",
            0.8,
            False,
        )
    if _FORK_BOMB.search(code):
        yield harm(
            cmd,
            RESOURCE_ABUSE,
            f"{language} code forks in a loop: a fork bomb",
            "critical",
            0.9,
            True,
        )
    if not network:
        secret = _secret_in(code, cmd.cwd)
        if secret:
            yield harm(cmd, SECRET_ACCESS, f"{language} code opens {secret}", "high", 0.8, False)
    for m in _RMTREE.finditer(code):
        prediction = deletion(
            cmd,
            [m.group(1)],
            "rmtree" in m.group(0) or "rm_r" in m.group(0) or "rimraf" in m.group(0),
            f"{language} code deletes",
        )
        if prediction is not None and prediction.severity in ("high", "critical", "moderate"):
            yield prediction
            break


def _secret_in(code: str, cwd: str | None) -> str | None:
    for m in _STRINGS.finditer(code):
        kind = secret_kind(m.group(1), cwd)
        if kind is not None:
            return f"{m.group(1)} ({kind[0]})"
    return None


def _inline(cmd: SimpleCommand, analysis: ShellAnalysis) -> Rule:
    code = inline_code(cmd.name, cmd.words[1:])
    if code is None:
        return
    text = code.code
    if text is None and code.reads_stdin:
        text = cmd.stdin if cmd.stdin is not None else _piped(cmd, analysis)
    if text is None and code.script:
        text = analysis.written_files.get(normalise(code.script, cmd.cwd))
    if text and code.module and code.language in ("perl", "ruby"):
        text = f"use {code.module};\n{text}"  # perl -MLWP::Simple -e, ruby -ropen-uri -e
    if text:
        hidden = decoded_literals(text)
        python = _python(cmd, text) if code.language == "python" else None
        if python is not None:
            yield from python[0]
        flows = python is None or not python[1]
        yield from judge_code(cmd, code.language, "\n".join([text, *hidden]), flows)


_NETWORK_OPS = frozenset({"connect", "listen", "send"})


def _python(cmd: SimpleCommand, code: str) -> tuple[list[Prediction], bool] | None:
    """Inline Python judged as the Python reviewer judges a ``python`` action, from its syntax
    tree: what it reads, writes, downloads and sends, and where (None: it does not parse), and
    whether it followed the code's network use (if not, the calls alone are judged too: an
    import it could not follow, ``import urllib.request as r`` under an ``if``)."""
    import ast

    from forethought.review.python.reviewer import CodeTooLarge, analyse
    from forethought.review.shell.rules.network import ALLOWED_HOSTS

    try:
        ast.parse(code)
        found = analyse(code, ALLOWED_HOSTS.get(), depth=1)
    except (SyntaxError, ValueError, CodeTooLarge):
        return None
    facts = found.facts
    followed = bool(
        facts.connects
        or facts.listens
        or facts.sends
        or facts.weak_sends
        or any(e.op in _NETWORK_OPS for e in facts.effects)
    )
    return [
        harm(cmd, p.category, p.outcome, p.severity, p.probability, p.reversible)
        for p in found.predictions
        if p.valence == "harm"
    ], followed


def _piped(cmd: SimpleCommand, analysis: ShellAnalysis) -> str | None:
    upstream = sorted(analysis.upstream(cmd), key=lambda c: c.stage)
    if not upstream or len({c.stage for c in upstream}) != len(upstream):
        return None
    if any(w.dynamic for c in upstream for w in c.words):
        return None
    output = run_stages([(c.argv, c.stdin) for c in upstream])
    return text_of(output.data) if output is not None else None


def _transcripts(analysis: ShellAnalysis) -> Rule:
    """``tclsh`` / ``jjs`` / ``python`` on a line of their own, with their input on the next."""
    for cmd, rest in analysis.transcripts:
        language = language_of(cmd.name)
        if language not in (None, "shell"):
            yield from judge_code(cmd, language, rest)


# PowerShell cmdlets that run a string as code, written as a command of their own (an agent on
# Windows proposes PowerShell where a shell command is expected).
POWERSHELL_EVALUATORS = frozenset({"iex", "invoke-expression"})


def _powershell_line(cmd: SimpleCommand, analysis: ShellAnalysis) -> Rule:
    """``iex (iwr URL)``, ``IEX(New-Object Net.WebClient).DownloadString(..)``: the whole
    line is PowerShell, which the shell parse splits apart."""
    if cmd.name.lower() in POWERSHELL_EVALUATORS and cmd.args and not cmd.origin:
        yield from judge_code(cmd, "powershell", analysis.source)


def _webshells(analysis: ShellAnalysis) -> Iterator[Prediction]:
    """Literal contents written to a file (echo/printf/tee/here-documents) that make a web
    shell: served code running what requests carry, or a page that opens a reverse shell."""
    for path, content in analysis.written_files.items():
        yield from webshell_predictions(path, content)


COMMANDS: dict[str, list] = {}
GENERIC = [_inline, _powershell_line]  # cmdlet names are case-insensitive: not a COMMANDS key
SCRIPT = [_transcripts, _webshells]
