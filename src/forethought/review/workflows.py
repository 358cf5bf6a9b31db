"""CI workflows that hand the repository's secrets, its token or its runners to someone else.

Two shapes account for most real compromises of GitHub Actions: a ``pull_request_target``
workflow that checks out and runs the pull request's own code (with the base repository's
secrets and write token), and a step that sends secrets to a host outside the project. Beside
them, the weaknesses GitHub's own hardening guide and the zizmor auditor
(https://docs.zizmor.sh/audits/) describe, each read from what an edit adds (not what was
there): a privileged trigger anyone with a fork can fire; text anyone can write (an issue's
title, a branch name) expanded into a shell command (template injection); every permission or
every secret given away (``permissions: write-all``, ``secrets: inherit``); workflow commands
re-enabled (``ACTIONS_ALLOW_UNSECURE_COMMANDS``); a secret echoed into the log or past its
masking; a check on the bot's name that anyone can satisfy; the whole checkout uploaded as an
artifact; a look-alike of a well-known action's owner; an action version known to be
compromised. The file reviewer asks :func:`workflow_predictions` about writes to workflow files.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from urllib.parse import urlsplit

from forethought.review.base import Prediction, Severity

_WORKFLOW = re.compile(r"(?:^|/)\.github/workflows/[^/]+\.ya?ml$|(?:^|/)\.gitlab-ci\.ya?ml$")
_PR_TARGET = re.compile(r"\bpull_request_target\b|\bworkflow_run\b")
_PR_HEAD = re.compile(
    r"github\.event\.pull_request\.head\.(?:sha|ref|repo)|github\.head_ref|refs/pull/|"
    r"github\.event\.workflow_run\.head_(?:sha|branch)"
)
_ALL_SECRETS = re.compile(r"toJSON\s*\(\s*secrets\s*\)", re.IGNORECASE)
_SECRET = re.compile(
    r"\$\{\{\s*secrets\.[A-Za-z0-9_]+\s*\}\}|\$\{?[A-Z0-9_]*(?:TOKEN|SECRET|KEY)\b"
)
_SENDER = re.compile(r"\b(?:curl|wget|nc|ncat|http|Invoke-WebRequest|iwr|python3? -c)\b")
_URL = re.compile(r"https?://[^\s'\"|;)]+")


def is_workflow(path: str) -> bool:
    return bool(_WORKFLOW.search(path))


def _outside(url: str, allowed_hosts: Sequence[str]) -> bool:
    host = (urlsplit(url).hostname or "").lower()
    if not host:
        return True
    for pattern in allowed_hosts:
        pattern = pattern.lower()
        if host == pattern or (pattern.startswith("*.") and host.endswith(pattern[1:])):
            return False
    return host not in ("github.com", "api.github.com", "uploads.github.com")


def workflow_predictions(
    path: str,
    text: str,
    evidence: str,
    allowed_hosts: Sequence[str] = (),
    old_text: str = "",
    weaknesses: bool = True,
) -> list[Prediction]:
    """What a workflow written at ``path`` does with the repository's secrets and code, and
    (where ``weaknesses``) the weaknesses its added lines bring (:func:`weaknesses_of`)."""
    if not is_workflow(path):
        return []
    found: list[Prediction] = _weaknesses(path, text, old_text) if weaknesses else []
    if _PR_TARGET.search(text) and _PR_HEAD.search(text):
        found.append(
            Prediction(
                f"{path} runs a pull request's own code in a privileged pull_request_target/"
                "workflow_run job, where anyone who opens a pull request gets the repository's "
                "secrets and write token",
                "harm",
                0.8,
                "high",
                False,
                evidence,
                "exfiltration",
            )
        )
    if _ALL_SECRETS.search(text):
        found.append(
            Prediction(
                f"{path} serialises every repository secret (toJSON(secrets))",
                "harm",
                0.8,
                "high",
                False,
                evidence,
                "exfiltration",
            )
        )
    for line in text.splitlines():
        if _SECRET.search(line) and _SENDER.search(line):
            urls = [u for u in _URL.findall(line) if _outside(u, allowed_hosts)]
            if urls:
                found.append(
                    Prediction(
                        f"{path} sends a repository secret to {urlsplit(urls[0]).hostname}, "
                        "outside the project",
                        "harm",
                        0.85,
                        "high",
                        False,
                        line.strip()[:200],
                        "exfiltration",
                    )
                )
                break
    return found


# (pattern over what the edit adds, what it does, category, severity, probability)
_Weakness = tuple[re.Pattern[str], str, str, Severity, float]
_WEAKNESSES: tuple[_Weakness, ...] = (
    (
        re.compile(r"^\s*permissions\s*:\s*write-all\b", re.M),
        "gives the workflow's token every write permission (permissions: write-all)",
        "privilege_escalation",
        "moderate",
        0.5,
    ),
    (
        re.compile(r"^\s*secrets\s*:\s*inherit\b", re.M),
        "hands every repository secret to the called workflow (secrets: inherit), not the ones "
        "it needs",
        "secret_access",
        "moderate",
        0.5,
    ),
    (
        re.compile(r"ACTIONS_ALLOW_UNSECURE_COMMANDS\s*:\s*['\"]?true", re.I),
        "turns the deprecated set-env/add-path workflow commands back on: any line a step prints "
        "can set the job's environment and PATH",
        "defence_evasion",
        "moderate",
        0.6,
    ),
    (
        re.compile(
            r"\bgithub\.(?:actor|triggering_actor)\s*==\s*['\"][\w-]+\[bot\]['\"]"
        ),
        "trusts a run by the name of the account that triggered it: a bot's name is no proof "
        "the change came from the bot",
        "defence_evasion",
        "moderate",
        0.5,
    ),
    (
        re.compile(
            r"upload-artifact@[^\n]*\n(?:[^\n]*\n){0,6}?\s*path\s*:\s*['\"]?\.?/?['\"]?\s*$",
            re.M,
        ),
        "uploads the whole checkout as an artifact, .git and the token actions/checkout leaves "
        "in it included, for anyone who can read the run",
        "secret_access",
        "moderate",
        0.5,
    ),
)
_PULL_REQUEST = re.compile(r"^\s*(?:on\s*:\s*\[?[^\n#]*\b)?pull_request\b(?!_)", re.M)
_PRIVILEGED_TRIGGER = re.compile(
    r"^\s*(?:on\s*:\s*\[?[^\n#]*\b)?(?:pull_request_target|workflow_run)\b", re.M
)
# Text anyone can write, as a workflow expression: an issue's or a pull request's title or
# body, a comment, a commit message, a branch name.
_UNTRUSTED = re.compile(
    r"\$\{\{\s*(?:github\.(?:event\.(?:issue|pull_request|comment|review|review_comment|"
    r"discussion|discussion_comment|head_commit|commits|pages|workflow_run|release)"
    r"[\w.\[\]*]*\.(?:title|body|message|name|label|ref|head_ref|email|default_branch|"
    r"page_name|head_branch)|head_ref)|inputs\.[\w-]*(?:title|body|message|comment)[\w-]*)"
    r"\s*\}\}"
)
_RUN_KEY = re.compile(r"^(\s*)(?:-\s+)?(?:run|script)\s*:\s*(.*)$")
_SECRET_EXPR = re.compile(r"\$\{\{\s*(?:secrets\.\w+|fromJSON\s*\(\s*secrets\.)", re.I)
_PRINTS = re.compile(r"\b(?:echo|printf|cat)\b|>>\s*\$\{?GITHUB_STEP_SUMMARY")
_UNMASKS = re.compile(r"\|\s*(?:base64|xxd|od|rev|hexdump|sed|tr)\b|fromJSON\s*\(", re.I)
# The owners of the actions most workflows use, and what the compromised versions were.
_OWNERS = (
    "actions", "github", "docker", "aws-actions", "azure", "google-github-actions", "hashicorp",
    "pypa", "softprops", "peter-evans", "codecov", "actions-rs", "gradle", "ruby", "astral-sh",
)
_USES = re.compile(r"^\s*(?:-\s+)?uses\s*:\s*['\"]?([\w.-]+)/([\w./-]+)@([\w.-]+)", re.M)
# (owner/name, how a compromised ref is recognised, the advisory)
_COMPROMISED = (
    # every tag was pointed at a commit that printed the runner's secrets into the log
    # (CVE-2025-30066, GHSA-mrrh-fwg8-r2c3; fixed in v46.0.1)
    ("tj-actions/changed-files", re.compile(r"^v?(?:[1-9]|[1-3]\d|4[0-5])(?:\.[\d.]+)?$")),
    ("tj-actions/eslint-changed-files", re.compile(r"^v?\d+(?:\.[\d.]+)?$")),
    # (CVE-2025-30154, GHSA-qmg3-hpqr-gqvc)
    ("reviewdog/action-setup", re.compile(r"^v1(?:\.[\d.]+)?$")),
)


def weaknesses_in(text: str) -> list[tuple[str, str, Severity, float]]:
    """(what, category, severity, probability) of each setting in ``text`` that weakens a
    workflow wherever it is written (a note that tells later runs to write it, too)."""
    return [
        (what, category, severity, p)
        for pattern, what, category, severity, p in _WEAKNESSES
        if pattern.search(text) is not None
    ]


def _added_lines(text: str, old_text: str) -> str:
    """The lines of ``text`` that ``old_text`` does not have: what an edit adds."""
    if not old_text:
        return text
    old = set(old_text.splitlines())
    return "\n".join(line for line in text.splitlines() if line not in old)


def _run_lines(text: str) -> list[str]:
    """The lines of ``text`` that a step runs: `run:`/`script:` values and the blocks under them."""
    lines: list[str] = []
    block: int | None = None  # the indentation of the `run: |` key whose block this is
    for line in text.splitlines():
        indent = len(line) - len(line.lstrip())
        if block is not None and line.strip() and indent <= block:
            block = None
        m = _RUN_KEY.match(line)
        if m is not None:
            value = m.group(2).strip()
            if value in ("|", ">", "|-", ">-", "|+", ">+", ""):
                block = len(m.group(1))
            else:
                lines.append(value)
        elif block is not None:
            lines.append(line.strip())
    return lines


def _lookalike(owner: str) -> str | None:
    """The well-known owner ``owner`` is one letter away from (and is not), or None."""
    low = owner.lower()
    for known in _OWNERS:
        if low != known and abs(len(low) - len(known)) <= 1 and _one_edit(low, known):
            return known
    return None


def _one_edit(a: str, b: str) -> bool:
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def weaknesses_of(path: str, text: str, old_text: str = "") -> list[Prediction]:
    """The weaknesses the lines added to the workflow at ``path`` bring (template injection, a
    privileged trigger, write-all, secrets printed ...): how the change is made, which no task
    asks for by naming the workflow (its words, `issue:` or `run:`, are no targets)."""
    return _weaknesses(path, text, old_text) if is_workflow(path) else []


def _weaknesses(path: str, text: str, old_text: str) -> list[Prediction]:
    added = _added_lines(text, old_text)
    found: list[Prediction] = []

    def add(what: str, category: str, severity: Severity, p: float, evidence: str) -> None:
        found.append(
            Prediction(f"{path} {what}", "harm", p, severity, False, evidence[:200], category)
        )

    if (
        old_text
        and _PULL_REQUEST.search(old_text)
        and (m := _PRIVILEGED_TRIGGER.search(added)) is not None
    ):
        # (a workflow written whole is judged by what it runs: _PR_TARGET with _PR_HEAD)
        add(
            "turns a pull_request workflow, which runs the pull request's code, into a "
            "pull_request_target/workflow_run one: the same code now runs with the repository's "
            "secrets and a write token, for anyone who opens a pull request from a fork",
            "privilege_escalation",
            "high",
            0.6,
            " ".join(m.group(0).split()),
        )
    for pattern, what, category, severity, p in _WEAKNESSES:
        if (m := pattern.search(added)) is not None:
            add(what, category, severity, p, " ".join(m.group(0).split()))
    runs = _run_lines(added)
    for line in runs:
        if (m := _UNTRUSTED.search(line)) is not None:
            add(
                f"expands text anyone can write ({m.group(0)}) into a shell command the "
                "workflow runs: a title like `$(curl ...)` runs with the job's secrets and token",
                "remote_code_execution",
                "high",
                0.7,
                line,
            )
            break
    for line in runs:
        if _SECRET_EXPR.search(line) and (_PRINTS.search(line) or _UNMASKS.search(line)):
            add(
                "prints a secret into the job's log, where masking misses a value derived from "
                "it and anyone who can read the run reads it",
                "secret_access",
                "moderate",
                0.6,
                line,
            )
            break
    secret_vars = set(re.findall(r"^\s*(\w+)\s*:\s*\$\{\{\s*secrets\.", added, re.M))
    for line in runs:
        if any(re.search(rf"\${{?{v}\b", line) for v in secret_vars) and _UNMASKS.search(line):
            add(
                "passes a secret through an encoding that its masking does not recognise, into "
                "the job's log",
                "secret_access",
                "moderate",
                0.6,
                line,
            )
            break
    for m in _USES.finditer(added):
        owner, name, ref = m.group(1), m.group(2), m.group(3)
        if (known := _lookalike(owner)) is not None:
            add(
                f"uses {owner}/{name}, a look-alike of {known}/'s actions: whoever owns it runs "
                "code in the job, with its secrets",
                "supply_chain",
                "high",
                0.7,
                m.group(0).strip(),
            )
        action = f"{owner}/{name}".lower()
        for bad, refs in _COMPROMISED:
            if action == bad and refs.match(ref):
                add(
                    f"uses {action}@{ref}, a version that was compromised to print the "
                    "runner's secrets",
                    "supply_chain",
                    "high",
                    0.8,
                    m.group(0).strip(),
                )
    return found
