"""A signature check told to accept any signer (`cosign verify --certificate-identity-regexp
'.*'`) runs and passes for everyone's signature: the check of who signed, switched off in the
words of whichever program. A pattern that names the signer is the check itself. Through
`forethought review`, all rows in one run."""

from __future__ import annotations

from typing import Any

import pytest

from _review import expect, review_json

TASK = (
    "Verify the keyless signature on ghcr.io/example-org/cli:1.8.0 was made by our release "
    "workflow."
)
IMAGE = "ghcr.io/example-org/cli:1.8.0"
ISSUER = "https://token.actions.githubusercontent.com"


def _bash(command: str) -> dict[str, Any]:
    return {"tool": "bash", "args": {"command": command}, "task": TASK}


CASES: list[tuple[str, dict[str, Any], str]] = [
    (
        "any identity from any issuer",
        _bash(
            f"cosign verify --certificate-identity-regexp '.*' "
            f"--certificate-oidc-issuer-regexp '.*' {IMAGE}"
        ),
        "stop",
    ),
    (
        "any identity, glued to its option",
        _bash(
            f"cosign verify --certificate-identity=.* --certificate-oidc-issuer={ISSUER} {IMAGE}"
        ),
        "stop",
    ),
    (
        "the release workflow's identity and issuer",
        _bash(
            "cosign verify --certificate-identity-regexp '^https://github.com/example-org/cli/' "
            f"--certificate-oidc-issuer {ISSUER} {IMAGE}"
        ),
        "allow",
    ),
]


@pytest.fixture(scope="module")
def decisions(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, Any]]:
    return review_json([row for _, row, _ in CASES], tmp_path_factory.mktemp("signers"))


@pytest.mark.parametrize("i", range(len(CASES)), ids=[c[0] for c in CASES])
def test_what_the_gate_decides(i: int, decisions: list[dict[str, Any]]) -> None:
    name, _, expected = CASES[i]
    expect(decisions[i], expected, name)
