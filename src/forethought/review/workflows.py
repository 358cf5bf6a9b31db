"""CI workflows that hand the repository's secrets to someone else.

Two shapes account for most real compromises of GitHub Actions: a ``pull_request_target``
workflow that checks out and runs the pull request's own code (with the base repository's
secrets and write token), and a step that sends secrets to a host outside the project. The file
reviewer asks :func:`workflow_predictions` about writes to workflow files.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from urllib.parse import urlsplit

from forethought.review.base import Prediction

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
    path: str, text: str, evidence: str, allowed_hosts: Sequence[str] = ()
) -> list[Prediction]:
    if not is_workflow(path):
        return []
    found: list[Prediction] = []
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
