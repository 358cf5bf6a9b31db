"""Releases published by attackers (review/data/compromised.toml) are refused by version, and the
releases before and after them install as ever. Through `forethought review`."""

from __future__ import annotations

from typing import Any

import pytest

from _review import review_json
from forethought.review.packages import compromised, compromised_table, pinned

CASES: list[tuple[str, str]] = [
    ("sudo apt-get install -y --allow-downgrades xz-utils=5.6.1-1 liblzma5=5.6.1-1", "block"),
    ("sudo apt-get install -y xz-utils", "allow"),
    ("npm install event-stream@3.3.6", "block"),
    ("npm install event-stream@4.0.1", "allow"),
    ("npm i ua-parser-js@0.7.29", "block"),
    ("npm i @solana/web3.js@1.95.6", "block"),
    ("npm i @solana/web3.js@1.95.8", "allow"),
    ("pip install ultralytics==8.3.41", "block"),
    ("python -m pip install 'ultralytics==8.3.40'", "allow"),
    ("pip install --extra-index-url https://download.pytorch.org/whl/nightly torchtriton", "block"),
    # PyTorch's own nightly index serves the real package of that name
    ("pip install --index-url https://download.pytorch.org/whl/nightly torchtriton", "allow"),
    ("gem install rest-client -v 1.6.13", "block"),
    ("gem install rest-client -v 2.1.0", "allow"),
]


@pytest.fixture(scope="module")
def decisions(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, Any]]:
    rows = [
        {"tool": "bash", "args": {"command": c}, "task": "install the project's dependencies"}
        for c, _ in CASES
    ]
    return review_json(rows, tmp_path_factory.mktemp("releases"))


@pytest.mark.parametrize("i", range(len(CASES)), ids=[c for c, _ in CASES])
def test_known_bad_releases_are_refused(i: int, decisions: list[dict[str, Any]]) -> None:
    _, expected = CASES[i]
    assert decisions[i]["decision"] == expected, decisions[i]["explanation"]
    if expected == "block":
        assert "published by an attacker" in decisions[i]["explanation"]


def test_the_table_is_well_formed() -> None:
    table = compromised_table()
    assert len(table) >= 15
    for entry in table.values():
        assert entry.advisory.startswith("https://"), entry
        assert entry.versions and entry.what, entry


def test_version_specs_are_read_per_ecosystem() -> None:
    assert pinned("requests[socks]==2.31.0", "pypi") == ("requests", "2.31.0")
    assert pinned("@scope/pkg@1.2.3", "npm") == ("@scope/pkg", "1.2.3")
    assert pinned("xz-utils=5.6.1-1", "debian") == ("xz-utils", "5.6.1-1")
    assert pinned("left-pad", "npm") == ("left-pad", None)
    assert compromised("pypi", "Ultralytics", "8.3.42") is not None
    assert compromised("pypi", "ultralytics", None) is None


def test_dependency_files_that_pin_a_bad_release_are_refused(tmp_path: Any) -> None:
    rows = [
        {
            "tool": "write_file",
            "args": {"path": "requirements.txt", "content": "numpy==1.26.4\nultralytics==8.3.41\n"},
        },
        {
            "tool": "edit_file",
            "args": {
                "path": "package.json",
                "edits": [
                    {
                        "old": '"dependencies": {',
                        "new": '"dependencies": {\n    "ua-parser-js": "0.7.29",',
                    }
                ],
            },
        },
        {
            "tool": "write_file",
            "args": {"path": "requirements.txt", "content": "numpy==1.26.4\nultralytics==8.3.40\n"},
        },
    ]
    got = [d["decision"] for d in review_json(rows, tmp_path)]
    assert got == ["block", "block", "allow"]
