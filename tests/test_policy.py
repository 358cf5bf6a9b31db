"""The decision formula, policy files, and locked (signed) policies."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from forethought import policy as policy_module
from forethought import signing
from forethought.policy import PolicyError, default_policy, load_policy, parse_policy
from forethought.proposal import from_dict
from forethought.review.base import SEVERITIES, Prediction, Review

PROPOSAL = from_dict({"tool": "bash", "args": {"command": "x"}})


def harm(
    p: float, severity: str = "high", reversible: bool = False, hard: bool = False
) -> Prediction:
    return Prediction("bad thing", "harm", p, severity, reversible, "x", "test", hard)  # type: ignore[arg-type]


def benefit(p: float, severity: str = "low") -> Prediction:
    return Prediction("good thing", "benefit", p, severity, True, "x", "test")  # type: ignore[arg-type]


def review(*predictions: Prediction, name: str = "r", partial: bool = False) -> Review:
    return Review.of(name, "1", predictions, "because", partial=partial)


@pytest.mark.parametrize(
    ("reviews", "verdict", "term"),
    [
        ([review(benefit(0.9))], "allow", "benefit>=harm"),
        ([review(harm(0.9, "critical"))], "block", "harm>=block"),  # 0.9*30*3 = 81
        ([review(harm(0.5, "moderate", reversible=True))], "revise", "harm>lambda*benefit"),  # 1.5
        ([review(harm(0.5, "moderate"))], "escalate", "harm>=escalate"),  # 4.5
        ([review(harm(0.01, "negligible", hard=True))], "block", "hard_rule"),
        ([review(benefit(0.9)), Review.failure("m", "1", "boom")], "escalate", "failed_review"),
        ([review(harm(0.9, "critical")), Review.failure("m", "1", "boom")], "block", "harm>=block"),
        ([], "escalate", "unreviewed"),
        ([review(partial=True)], "escalate", "unreviewed"),
        (
            [review(benefit(0.9), name="a"), review(harm(0.9, "critical", True), name="b")],
            "block",
            "harm>=block",
        ),
    ],
)
def test_decide_follows_the_stated_formula(reviews: list[Review], verdict: str, term: str) -> None:
    decision = default_policy().decide(PROPOSAL, reviews)
    assert (decision.verdict, decision.term) == (verdict, term)


def test_expected_harm_uses_severity_and_irreversibility_weights() -> None:
    d = default_policy().decide(
        PROPOSAL, [review(harm(0.5, "high"), harm(0.5, "low", True), benefit(1, "moderate"))]
    )
    assert d.harm == pytest.approx(0.5 * 10 * 3 + 0.5 * 1 * 1)
    assert d.benefit == pytest.approx(3.0)


def test_disagreement_beyond_the_margin_escalates() -> None:
    calm = review(harm(0.1, "low", True), benefit(0.9, "moderate"), name="a")
    worried = review(harm(0.99, "critical", True), benefit(1, "critical"), name="b")
    p = parse_policy(b"[thresholds]\nblock = 100\nescalate = 50\n", "t.toml")
    assert p.decide(PROPOSAL, [calm, worried]).term == "disagreement"


def test_failed_review_is_never_allowed() -> None:
    d = default_policy().decide(PROPOSAL, [Review.failure("only", "1", "timeout")])
    assert d.verdict != "allow"
    assert d.risk is None


def test_tool_rules_escalate_or_block() -> None:
    p = parse_policy(b'[tools]\nbash = "escalate"\ndeploy = "block"\n', "t.toml")
    assert p.decide(PROPOSAL, [review(benefit(0.9))]).term == "tool_rule"
    deploy = from_dict({"tool": "deploy", "args": {}})
    assert p.decide(deploy, [review(benefit(0.9))]).verdict == "block"


def test_resample_instead_of_revise() -> None:
    p = parse_policy(b'on_harm_exceeds_benefit = "resample"\n', "t.toml")
    assert p.decide(PROPOSAL, [review(harm(0.5, "moderate", True))]).verdict == "resample"


def test_decision_message_is_short_and_explanation_is_full() -> None:
    d = default_policy().decide(PROPOSAL, [review(harm(0.9, "critical"), benefit(0.5))])
    assert d.message.startswith("Blocked: bad thing")
    assert "\n" not in d.message
    assert "harm>=block" in d.explanation and "r 1 risk=" in d.explanation


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        (b"[thresholds\n", "not valid TOML"),
        (b"[thresholds]\nblock = -1\n", "thresholds.block: Input should be greater than 0"),
        (b"[thresholds]\nescalate = 9\nblock = 8\n", "escalate must not exceed"),
        (b"typo = 1\n", "typo: Extra inputs are not permitted"),
        (b'[tools]\nbash = "allow"\n', "tools.bash"),
    ],
)
def test_bad_policy_files_name_the_file_and_field(text: bytes, fragment: str) -> None:
    with pytest.raises(PolicyError) as err:
        parse_policy(text, "my.toml")
    assert str(err.value).startswith("my.toml: ")
    assert fragment in str(err.value)


def test_omitted_settings_come_from_the_defaults() -> None:
    p = parse_policy(b"[thresholds]\nblock = 20\n", "t.toml")
    assert p.thresholds.block == 20
    assert p.thresholds.escalate == default_policy().thresholds.escalate
    assert "pypi.org" in p.network.allowed_hosts


@pytest.fixture
def admin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An administrator key pair whose public key is trusted; no managed policy."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setattr(policy_module, "MANAGED_POLICY_PATH", tmp_path / "etc" / "policy.toml")
    monkeypatch.setattr(signing, "SYSTEM_CONFIG_DIR", tmp_path / "etc")
    keys = tmp_path / "admin"
    signing.generate_keypair(keys / "admin.key", keys / "admin.pub")
    trusted = signing.user_config_dir() / "keys"
    trusted.mkdir(parents=True)
    (trusted / "admin.pub").write_text((keys / "admin.pub").read_text())
    return keys / "admin.key"


def test_signed_locked_policy_loads(admin: Path, tmp_path: Path) -> None:
    path = tmp_path / "locked.toml"
    path.write_text("locked = true\n[thresholds]\nblock = 5\nescalate = 2\n")
    signing.sign_file(path, admin)
    assert load_policy(path).thresholds.block == 5


def test_locked_policy_changed_after_signing_is_refused(admin: Path, tmp_path: Path) -> None:
    path = tmp_path / "locked.toml"
    path.write_text("locked = true\n")
    signing.sign_file(path, admin)
    path.write_text("locked = true\n[thresholds]\nblock = 1000\n")
    with pytest.raises(PolicyError, match="changed since it was signed"):
        load_policy(path)


def test_locked_policy_without_signature_or_with_untrusted_key_is_refused(
    admin: Path, tmp_path: Path
) -> None:
    path = tmp_path / "locked.toml"
    path.write_text("locked = true\n")
    with pytest.raises(PolicyError, match="no signature file"):
        load_policy(path)
    rogue = tmp_path / "rogue"
    signing.generate_keypair(rogue / "r.key", rogue / "r.pub")
    signing.sign_file(path, rogue / "r.key")
    with pytest.raises(PolicyError, match="untrusted key"):
        load_policy(path)


def test_locked_policy_cannot_be_weakened(admin: Path, tmp_path: Path) -> None:
    path = tmp_path / "locked.toml"
    path.write_text("locked = true\n")
    signing.sign_file(path, admin)
    with pytest.raises(PolicyError, match="locked"):
        load_policy(path).weakened_by(thresholds=None)


def test_locked_managed_policy_overrides_flags_and_environment(
    admin: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _trust_system(admin)
    managed = policy_module.MANAGED_POLICY_PATH
    managed.write_text("locked = true\n[thresholds]\nblock = 4\nescalate = 2\n")
    signing.sign_file(managed, admin)
    weak = tmp_path / "weak.toml"
    weak.write_text("[thresholds]\nblock = 1000\n")
    monkeypatch.setenv("FORETHOUGHT_POLICY", str(weak))
    assert load_policy().thresholds.block == 4  # the environment cannot replace it
    with pytest.raises(PolicyError, match="locked managed policy is in force"):
        load_policy(weak)


def _trust_system(admin: Path) -> None:
    system = signing.SYSTEM_CONFIG_DIR / "keys"
    system.mkdir(parents=True, exist_ok=True)
    (system / "admin.pub").write_text(admin.with_suffix(".pub").read_text())


def _policy_show(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`forethought policy show` in a child whose /etc/forethought is tmp_path/etc."""
    etc, config = tmp_path / "etc", tmp_path / "config"
    code = (
        "import sys; from pathlib import Path; from forethought import policy, signing; "
        f"signing.SYSTEM_CONFIG_DIR = Path({str(etc)!r}); "
        f"policy.MANAGED_POLICY_PATH = Path({str(etc / 'policy.toml')!r}); "
        "from forethought.cli import main; sys.argv = ['forethought', *sys.argv[1:]]; main()"
    )
    env = {**os.environ, "XDG_CONFIG_HOME": str(config)}
    env.pop("FORETHOUGHT_POLICY", None)
    return subprocess.run(
        [sys.executable, "-c", code, "policy", "show", *args],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )


@pytest.mark.parametrize(
    "edit",
    [
        "locked = false\n[thresholds]\nblock = 1000000\nescalate = 2\n",  # unlocks itself
        "[thresholds]\nblock = 1000000\nescalate = 2\n",  # drops the locked line
    ],
)
def test_managed_policy_edited_to_unlock_itself_is_refused(
    admin: Path, tmp_path: Path, edit: str
) -> None:
    _trust_system(admin)
    managed = policy_module.MANAGED_POLICY_PATH
    managed.write_text("locked = true\n[thresholds]\nblock = 4\nescalate = 2\n")
    signing.sign_file(managed, admin)
    assert _policy_show(tmp_path).returncode == 0
    managed.write_text(edit)  # the signature file is left as it was
    done = _policy_show(tmp_path)
    assert done.returncode == 1, done.stdout
    assert done.stderr.strip().splitlines() == [
        f"forethought: managed policy refused: {managed}: changed since it was signed "
        "(signature does not match)"
    ]
    weak = tmp_path / "weak.toml"
    weak.write_text("[thresholds]\nblock = 1000\n")
    assert _policy_show(tmp_path, "--policy", str(weak)).returncode == 1  # no way around it


def test_unsigned_unlocked_managed_policy_is_refused(admin: Path, tmp_path: Path) -> None:
    _trust_system(admin)
    managed = policy_module.MANAGED_POLICY_PATH
    managed.write_text("locked = false\n")
    with pytest.raises(PolicyError, match=r"managed policy refused: .* no signature file"):
        load_policy()


def test_managed_policy_signed_by_a_user_key_is_refused(admin: Path) -> None:
    """Only /etc/forethought/keys vouches for a managed policy: the admin fixture's key sits in
    the user's configuration directory, which the user (or an agent) could add a key to."""
    managed = policy_module.MANAGED_POLICY_PATH
    managed.parent.mkdir(parents=True)
    managed.write_text("locked = true\n")
    signing.sign_file(managed, admin)
    with pytest.raises(PolicyError, match="untrusted key"):
        load_policy()


def test_signed_unlocked_managed_policy_is_the_default_below_the_users_choice(
    admin: Path, tmp_path: Path
) -> None:
    _trust_system(admin)
    managed = policy_module.MANAGED_POLICY_PATH
    managed.write_text("[thresholds]\nblock = 6\nescalate = 2\n")
    signing.sign_file(managed, admin)
    assert load_policy().thresholds.block == 6
    mine = tmp_path / "mine.toml"
    mine.write_text("[thresholds]\nblock = 7\n")
    assert load_policy(mine).thresholds.block == 7


def test_policy_hash_identifies_the_file(tmp_path: Path) -> None:
    a = parse_policy(b"[thresholds]\nblock = 9\n", "a")
    b = parse_policy(b"[thresholds]\nblock = 10\n", "b")
    assert a.sha256 and a.sha256 != b.sha256


# --- tool rules apply to the kind of action, under any spelling (issue 10) --------------------

SHELL_SPELLINGS = [
    {"tool": "bash", "args": {"command": "ls"}},
    {"tool_name": "Bash", "tool_input": {"command": "ls"}},
    {"tool": "shell", "args": {"command": ["ls", "-la"]}},
    {"tool": "SHELL", "args": {"command": "ls"}},
    {"name": "run_command", "arguments": {"command": "ls"}},
    {"tool_name": "run_shell_command", "tool_input": {"command": "ls"}},
    {"tool_name": "mcp__srv__bash", "tool_input": {"command": "ls"}},
    {"tool_name": "mcp_my_srv_run_shell_command", "tool_input": {"command": "ls"}},
    {"type": "function", "function": {"name": "exec_command", "arguments": '{"cmd": "ls"}'}},
    {"type": "tool_use", "name": "execute_command", "input": {"command": "ls"}},
    {"name": "git_status", "arguments": {"repo_path": "."}},
]


def _review(policy: Path, *objs: object) -> list[dict[str, object]]:
    import json

    from click.testing import CliRunner

    from forethought.cli import main

    stdin = "\n".join(json.dumps(o) for o in objs)
    argv = ["review", "--json", "--policy", str(policy), "-"]
    result = CliRunner().invoke(main, argv, input=stdin)
    assert result.exit_code == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


@pytest.mark.parametrize("key", ["bash", "Bash", "shell", "run_command", "mcp__x__bash"])
def test_a_locked_tool_rule_cannot_be_bypassed_by_spelling(
    admin: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, key: str
) -> None:
    monkeypatch.setenv("FORETHOUGHT_LEDGER", str(tmp_path / "ledger.db"))
    path = tmp_path / "locked.toml"
    path.write_text(f'locked = true\n[tools]\n"{key}" = "block"\n')
    signing.sign_file(path, admin)
    decisions = _review(path, *SHELL_SPELLINGS)
    assert [(d["decision"], d["term"]) for d in decisions] == [("block", "tool_rule")] * len(
        SHELL_SPELLINGS
    )
    reads = _review(path, {"tool_name": "Read", "tool_input": {"file_path": "README.md"}})
    assert reads[0]["term"] != "tool_rule"


def test_rules_keyed_by_kind_or_by_an_unknown_tool(tmp_path: Path) -> None:
    path = tmp_path / "p.toml"
    path.write_text(
        '[tools]\nfile_write = "escalate"\ncreate_issue = "block"\nread_file = "review"\n'
    )
    policy = load_policy(path)
    assert policy.tool_rule("Write", "file_write") == "escalate"
    assert policy.tool_rule("mcp__fs__edit_file", "file_write") == "escalate"
    assert policy.tool_rule("replace", "file_write") == "escalate"
    assert policy.tool_rule("Bash", "file_write") == "escalate"  # a patch's file, inside Bash
    assert policy.tool_rule("mcp__github__create_issue", "other") == "block"
    assert policy.tool_rule("mcp_github_create_issue", "other") == "block"
    assert policy.tool_rule("CREATE_ISSUE", "other") == "block"
    assert policy.tool_rule("mcp__github__list_issues", "other") == "review"
    assert policy.tool_rule("Read", "file_read") == "review"
    strict = parse_policy(b'[tools]\nshell = "escalate"\nBash = "block"\n', "t.toml")
    assert strict.tool_rule("run_command", "shell") == "block"  # the strictest rule stands
    other = parse_policy(b'[tools]\nother = "block"\n', "t.toml")
    assert other.tool_rule("transfer_funds", "other") == "block"
    assert other.tool_rule("bash", "shell") == "review"


_PREDICTIONS = st.builds(
    Prediction,
    st.sampled_from(["wipes it", "reads it"]),
    st.sampled_from(["harm", "benefit"]),
    st.floats(0.0, 1.0),
    st.sampled_from(SEVERITIES),
    st.booleans(),
    st.just("x"),
    st.sampled_from(["", "task", "destructive"]),
    st.booleans(),
)


@st.composite
def _reviews(draw: st.DrawFn) -> Review:
    name = draw(st.sampled_from(["shell", "file", "model"]))
    if draw(st.integers(0, 5)) == 0:
        return Review.failure(name, "1", "it broke")
    predictions = draw(st.lists(_PREDICTIONS, max_size=4))
    uncertainty = draw(st.none() | st.floats(0.0, 1.0))
    return Review.of(name, "1", predictions, partial=draw(st.booleans()), uncertainty=uncertainty)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(_reviews(), max_size=4),
    st.sampled_from(["max", "mean", "vote", "weighted"]),
    st.sampled_from(["allow", "escalate"]),
)
def test_decide_weighs_the_reviews_as_expected_and_combine_do(
    reviews: list[Review], aggregate: str, on_uncertain: str
) -> None:
    """decide weighs every prediction in one pass: H, B, their moderate-or-worse and asked-for
    parts, the risk, the uncertainty and the worst harms are exactly (the same floats, the same
    predictions) what the policy's own expected, harm_of and combine make of the reviews."""
    policy = default_policy().weakened_by(aggregate=aggregate, on_uncertain=on_uncertain)
    decision = policy.decide(PROPOSAL, reviews)
    ok = [r for r in reviews if not r.failed]

    def combined(valence: str, keep: Callable[[Prediction], bool] = lambda p: True) -> float:
        return policy.combine(
            ok, [policy.expected([p for p in r.predictions if keep(p)], valence) for r in ok]
        )

    assert decision.harm == combined("harm")
    assert decision.benefit == combined("benefit")
    serious = combined("harm", lambda p: p.severity in ("moderate", "high", "critical"))
    asked = combined("benefit", lambda p: p.category == "task")
    if decision.reason.startswith("expected moderate-or-worse harm"):
        assert f"{serious:.2f} exceeds" in decision.reason
        assert decision.reason.endswith(f"{asked:.2f}")
    elif decision.term == "benefit>=harm":
        assert serious <= policy.thresholds.lambda_ * asked
    completed = any(not r.partial for r in ok)
    risks = [r.risk for r in ok if r.risk is not None]
    assert decision.risk == (max(risks, default=None) if completed else None)
    uncertainties = [r.uncertainty for r in ok if not r.partial and r.uncertainty is not None]
    assert decision.uncertainty == max(uncertainties, default=None)
    harms = [p for r in ok for p in r.predictions if p.valence == "harm"]
    harms.sort(key=lambda p: policy.harm_of([p]), reverse=True)
    hard = [p for r in ok for p in r.predictions if p.hard and p.valence == "harm"]
    top = harms[:3]
    if hard:
        top = [hard[0], *(p for p in top if p is not hard[0])][:3]
    assert [id(p) for p in decision.harms] == [id(p) for p in top]
