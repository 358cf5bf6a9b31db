"""Unknown is not safe: what the static review could not see through is reported beside the
risk, the policy says what it gets, and the cascade asks a model about it."""

from __future__ import annotations

from pathlib import Path

from _review import review_json
from forethought.gate import Gate
from forethought.policy import load_policy
from forethought.proposal import from_dict
from forethought.review.base import Review
from forethought.review.shell import ShellReviewer

UNKNOWN = "frobnicate --all /srv/data"
DYNAMIC = 'rm -rf "$TARGET"'
KNOWN = "ls -la src"


def _review(rows: list[dict[str, object]], tmp_path: Path, *extra: str) -> list[dict]:
    return review_json(rows, tmp_path, *extra)


def _bash(command: str) -> dict[str, object]:
    return {"tool": "bash", "args": {"command": command}}


def test_uncertainty_is_reported_beside_the_risk(tmp_path: Path) -> None:
    out = _review(
        [
            _bash(UNKNOWN),
            _bash(DYNAMIC),
            _bash(KNOWN),
            {"tool": "send_email", "args": {"to": "a@b.c"}},
        ],
        tmp_path,
    )
    assert [d["uncertainty"] for d in out[:3]] == [0.5, 0.6, 0.0]
    assert out[3]["uncertainty"] is None  # nothing judged it: no number at all
    shell = next(r for r in out[0]["reviews"] if r["name"] == "shell")
    assert shell["uncertainty"] == 0.5


def test_by_default_uncertainty_alone_does_not_stop_ordinary_work(tmp_path: Path) -> None:
    out = _review([_bash(UNKNOWN), _bash(KNOWN)], tmp_path)
    assert [d["decision"] for d in out] == ["allow", "allow"]


def test_a_policy_can_escalate_what_the_review_could_not_see(tmp_path: Path) -> None:
    policy = tmp_path / "policy.toml"
    policy.write_text('on_uncertain = "escalate"\n[thresholds]\nuncertainty = 0.5\n')
    out = _review([_bash(UNKNOWN), _bash(KNOWN)], tmp_path, "--policy", str(policy))
    assert [d["decision"] for d in out] == ["escalate", "allow"]
    assert out[0]["term"] == "uncertain"
    assert "frobnicate" in out[0]["explanation"]


class _Asked:
    """A stand-in for a model reviewer that records whether the cascade asked it."""

    name, version, inline, stage = "consequences", "test", False, "model"

    def __init__(self) -> None:
        self.asked: list[str] = []

    def applies(self, proposal: object) -> bool:
        return True

    def review(self, proposal: object) -> Review:
        self.asked.append(proposal.action.args["command"])  # type: ignore[attr-defined]
        return Review.of(self.name, self.version, [])


def test_the_cascade_asks_the_model_when_the_static_review_is_uncertain() -> None:
    policy = load_policy()
    model = _Asked()
    gate = Gate(policy, [ShellReviewer(), model], canaries=False)
    for command in (UNKNOWN, KNOWN):
        gate.review(from_dict(_bash(command)))
    # both have a static risk below the band; only the one the reviewer could not see is asked
    assert model.asked == [UNKNOWN]
