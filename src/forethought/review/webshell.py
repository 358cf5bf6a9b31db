"""Web shells: served code that runs what a request carries, or that opens a shell when it is
requested.

A page or route that hands request parameters to a command runner or to ``eval`` lets anyone
who can reach the server run anything as the server's user; a served page that starts a reverse
shell does the same on every request. Both are backdoors, whatever the task called the page.
The file reviewer asks about files written or edited, the shell reviewer about the literal
contents ``echo``/``printf``/``tee``/here-documents write.
"""

from __future__ import annotations

import re

from forethought.review.base import Prediction
from forethought.review.paths import clip

CATEGORY = "backdoor"

# What a request carries, in PHP, Python web frameworks, Node, Java servlets and classic ASP.
_REQUEST = (
    r"(?:\$_(?:GET|POST|REQUEST|COOKIE|SERVER|FILES)\b|\$HTTP_(?:GET|POST)_VARS\b|"
    r"\brequest\.(?:args|form|values|json|data|GET|POST|query_params|params|cookies|headers|"
    r"get_json|body|query|getParameter|getHeader)\b|"
    r"\breq\.(?:query|body|params|headers|cookies)\b|\bctx\.(?:query|request\.body|params)\b|"
    r"\bRequest(?:\.(?:QueryString|Form|Cookies))?\s*\(|\bparams\[)"
)
# What runs a command or code.
_RUNNERS = (
    r"(?:(?<![\w.$>])(?:system|exec|passthru|shell_exec|popen|proc_open|pcntl_exec|eval|"
    r"execSync|spawn|spawnSync|execFile|execFileSync)\s*\(|"
    r"\bos\.(?:system|popen|exec\w*|spawn\w*)\s*\(|\bsubprocess\.\w+\s*\(|"
    r"\bcommands\.getoutput\s*\(|\bchild_process\.\w+\s*\(|\bnew\s+Function\s*\(|"
    r"\bRuntime\.getRuntime\(\)\.exec\s*\(|\bnew\s+ProcessBuilder\s*\(|"
    r"(?<![\w.])Execute(?:Global)?\s*\(|\bvm\.runIn\w*\s*\(|"
    r"(?<![\w.$>])(?:assert|create_function)\s*\((?=\s*\$_))"
)
_DIRECT = re.compile(rf"{_RUNNERS}[^\n;]{{0,120}}?{_REQUEST}|`[^`\n]*\$_(?:GET|POST|REQUEST)")
# A variable that takes a request value and is then handed to a runner.
_TAINT = re.compile(rf"(?:\$|\b)(?P<var>\w+)\s*=\s*[^\n;=]{{0,40}}?{_REQUEST}")
# A PHP variable function called with request data: $_GET['f']($_GET['c']).
_VARIABLE_CALL = re.compile(r"\$_(?:GET|POST|REQUEST|COOKIE)\s*\[[^\]]+\]\s*\(")
# A reverse shell in a served page.
_SHELL_OUT = re.compile(
    r"/dev/tcp/|\bnc(?:at)?\b[^\n'\"]{0,60}\s-[ec]\b|\b(?:ba)?sh\s+-i\b|\bsocat\b[^\n]{0,80}exec:"
    r"|\bfsockopen\s*\([^\n]{0,200}(?:proc_open|exec|system)"
)
_SERVED = re.compile(
    r"\.(?:php\d?|phtml|phar|jsp|jspx|aspx?|ashx|cgi)$|(?:^|/)(?:var/www|srv/www|htdocs|"
    r"public_html|wwwroot|cgi-bin)/",
    re.IGNORECASE,
)
_SERVER_CODE = re.compile(
    r"<\?php|@app\.(?:route|get|post)|@\w+\.(?:route|get|post)\s*\(|\bapp\.(?:get|post|all|use)"
    r"\s*\(|\brouter\.(?:get|post|all)\s*\(|\bdef\s+\w+\s*\(\s*request\b|<%"
)


def _tainted_runner(text: str) -> str | None:
    for m in _TAINT.finditer(text):
        var = re.escape(m.group("var"))
        use = re.search(rf"{_RUNNERS}[^\n;]{{0,80}}?(?:\$|\b){var}\b", text[m.end() :])
        if use:
            return use.group(0)
    return None


def webshell_predictions(path: str, text: str) -> list[Prediction]:
    """Whether ``text``, written into ``path``, is served code that runs what requests carry
    or that opens a shell when requested."""
    if not text or (
        "$_" not in text
        and "request" not in text.lower()
        and "req." not in text
        and not _SERVED.search(path)
        and not _SERVER_CODE.search(text)
    ):
        return []
    hit = _DIRECT.search(text) or _VARIABLE_CALL.search(text)
    evidence = hit.group(0) if hit else _tainted_runner(text)
    if evidence:
        return [
            Prediction(
                f"writes a web shell into {path}: it runs whatever command or code a "
                "request sends, for anyone who can reach the server",
                "harm",
                0.9,
                "critical",
                False,
                clip(evidence),
                CATEGORY,
            )
        ]
    if (_SERVED.search(path) or _SERVER_CODE.search(text)) and (shell := _SHELL_OUT.search(text)):
        return [
            Prediction(
                f"writes a served page into {path} that opens a shell to another host "
                "whenever it is requested",
                "harm",
                0.9,
                "critical",
                False,
                clip(shell.group(0)),
                CATEGORY,
            )
        ]
    return []
