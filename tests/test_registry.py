"""The reviewer registry: reviewers under a name with their origin, third parties through the
``forethought.reviewers`` entry point group (found by importlib.metadata in a real dist-info
directory on the path, not a mock), ``forethought reviewers`` listing them all, and an unknown
name in a policy as one line naming the name and the file."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import _plugin
from forethought.gate import Gate
from forethought.policy import PolicyError, default_policy, parse_policy
from forethought.proposal import from_dict
from forethought.review import registry
from forethought.review.base import Review

# A second installed package, whose entry point names a module: importing it registers its
# reviewer with the decorator.
MODULE = """
from forethought.review.base import Review
from forethought.review.registry import register_reviewer


class Counter:
    name, version, inline = "modprobe", "2", True

    def applies(self, proposal):
        return proposal.action.tool == "probe"

    def review(self, proposal):
        return Review.of(self.name, self.version, [])


@register_reviewer("modprobe")
def make(policy):
    return Counter()
"""

# An entry point that tries to take a built-in's name.
SHADOW = """[forethought.reviewers]
shell = ftprobe:inline
"""


def install_module_package(root: Path) -> Path:
    site = root / "site"
    info = site / "ftmod-2.0.dist-info"
    info.mkdir(parents=True, exist_ok=True)
    (site / "ftmod_reviewers.py").write_text(MODULE)
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: ftmod\nVersion: 2.0\n")
    (info / "entry_points.txt").write_text("[forethought.reviewers]\nftmod = ftmod_reviewers\n")
    return site


def install_shadow(root: Path) -> None:
    info = root / "site" / "ftshadow-0.1.dist-info"
    info.mkdir(parents=True, exist_ok=True)
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: ftshadow\nVersion: 0.1\n")
    (info / "entry_points.txt").write_text(SHADOW)


@pytest.fixture
def installed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The test plugins installed in a directory on sys.path (importlib.metadata finds them)."""
    site = _plugin.install(tmp_path)
    install_module_package(tmp_path)
    install_shadow(tmp_path)
    monkeypatch.syspath_prepend(str(site))
    saved = dict(registry._REGISTERED), set(registry._imported)
    yield site
    registry._REGISTERED.clear()
    registry._REGISTERED.update(saved[0])
    registry._imported.clear()
    registry._imported.update(saved[1])
    for module in ("ftprobe", "ftmod_reviewers"):  # imported from this test's directory
        sys.modules.pop(module, None)


def test_installed_reviewers_are_found_by_their_entry_points(installed: Path) -> None:
    found = registry.registered()
    assert found["shell"].origin == registry.BUILT_IN and found["shell"].kind == "static"
    assert found["consequences"].kind == "model" and found["classifier"].kind == "learned"
    assert found["probe"].origin == "ftprobe 1.0 (entry point ftprobe:inline)"
    assert found["probe"].kind == "plugin"
    # the module package registered its reviewer on import; its origin is the package
    assert (
        found["modprobe"].origin == "ftmod 2.0 (entry point ftmod_reviewers), ftmod_reviewers.make"
    )
    # an entry point under a built-in's name is listed, shadowed, and never built
    [shadow] = [item for item in found.values() if item.shadowed]
    assert shadow.name == "shell" and shadow.origin.startswith("ftshadow 0.1")

    policy = parse_policy(b'[reviewers]\nenabled = ["shell", "probe", "modprobe"]\n', "p.toml")
    built = registry.build_reviewers(policy)
    assert [r.name for r in built] == ["shell", "self_protection", "probe", "modprobe"]
    assert type(built[0]).__module__ == "forethought.review.shell.reviewer"
    decision = Gate(policy, built, canaries=False).review(
        from_dict({"tool": "probe", "args": {"mode": "ok"}})
    )
    assert [r.reviewer for r in decision.reviews] == ["self_protection", "probe", "modprobe"]


def test_a_reviewer_registered_in_python_is_enabled_by_name(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(registry, "_REGISTERED", {})

    class Mine:
        name, version, inline = "mine", "1", True

        def applies(self, proposal: object) -> bool:
            return True

        def review(self, proposal: object) -> Review:
            return Review.of(self.name, self.version, [])

    @registry.register_reviewer("mine")
    def make(policy: object) -> Mine:
        return Mine()

    assert registry.registered(installed=False)["mine"].origin.endswith("(registered in Python)")
    policy = parse_policy(b'[reviewers]\nenabled = ["mine"]\n', "p.toml")
    assert [r.name for r in registry.build_reviewers(policy)] == ["self_protection", "mine"]
    with pytest.raises(ValueError, match="taken by forethought"):
        registry.register_reviewer("self_protection")


def test_forethought_reviewers_lists_every_registered_reviewer_with_its_origin(
    tmp_path: Path, installed: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from click.testing import CliRunner

    from forethought.cli import main

    monkeypatch.setenv("COLUMNS", "200")
    policy = _plugin.policy(tmp_path, '"shell", "probe", "modprobe"')
    result = CliRunner().invoke(main, ["reviewers", "--json", "--policy", str(policy)])
    assert result.exit_code == 0, result.output
    found = json.loads(result.stdout)
    listed = {r["name"]: r for r in found["registered"]}
    assert set(registry.registered(installed=False)) <= set(listed)
    assert listed["probe"]["origin"] == "ftprobe 1.0 (entry point ftprobe:inline)"
    assert listed["probe"]["enabled"] and not listed["probe_threaded"]["enabled"]
    assert listed["modprobe"]["origin"].startswith("ftmod 2.0")
    assert listed["debate"] == {
        "name": "debate", "kind": "model", "origin": registry.BUILT_IN, "enabled": False,
        "shadowed": False,
    }  # fmt: skip
    configured = {r["name"]: r["origin"] for r in found["reviewers"]}
    assert (
        configured["probe"].startswith("ftprobe 1.0")
        and configured["shell"] == "forethought (built-in)"
    )

    table = CliRunner().invoke(main, ["reviewers", "--policy", str(policy)])
    assert table.exit_code == 0, table.output
    assert "registered reviewers" in table.stdout and "ftprobe 1.0" in table.stdout
    assert "shadowed by the built-in" in table.stdout


def test_the_built_in_policy_still_builds_the_same_reviewers() -> None:
    names = [r.name for r in registry.build_reviewers(default_policy())]
    assert names == ["shell", "file", "python", "http", "text", "task_limits", "self_protection"]
    with pytest.raises(PolicyError, match=r"^<built-in>: reviewers.model.spec"):
        registry.build_reviewers(
            parse_policy(b'[reviewers]\nenabled = ["consequences"]\n', "<built-in>")
        )
