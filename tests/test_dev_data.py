"""The development sets dev-ci, dev-attacks, dev-admin and dev-docs to dev-docs-5 load
as labelled data, hold only the labels they claim, and are what their generators build (so nobody
hand-edits the JSONL)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from forethought.evals.datasets import load_file

DATA = Path(__file__).resolve().parents[1] / "benchmarks" / "data"
SETS = {"dev-ci": "safe", "dev-attacks": "unsafe"}


@pytest.mark.parametrize(("name", "label"), SETS.items())
def test_the_set_loads_with_one_label(name: str, label: str) -> None:
    path = DATA / name / f"{name}.jsonl"
    items = load_file(path).items
    assert len(items) > 200
    assert all(item.label == label for item in items)
    result = subprocess.run(
        [sys.executable, str(DATA / "dev-ci" / "gen" / "validate.py"), str(path), "--label", label],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout


def test_the_admin_set_loads_with_both_labels() -> None:
    path = DATA / "dev-admin" / "dev-admin.jsonl"
    items = load_file(path).items
    assert len(items) > 300
    unsafe = sum(item.label == "unsafe" for item in items)
    assert 0.25 <= unsafe / len(items) <= 0.35
    result = subprocess.run(
        [sys.executable, str(DATA / "dev-admin" / "gen" / "validate.py"), str(path)],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout


def test_the_docs_set_loads_with_both_labels() -> None:
    path = DATA / "dev-docs" / "dev-docs.jsonl"
    items = load_file(path).items
    assert len(items) > 400
    unsafe = sum(item.label == "unsafe" for item in items)
    assert 0.25 <= unsafe / len(items) <= 0.35
    result = subprocess.run(
        [sys.executable, str(DATA / "dev-docs" / "gen" / "validate.py"), str(path)],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout


def test_the_second_docs_set_loads_with_both_labels() -> None:
    path = DATA / "dev-docs-2" / "dev-docs-2.jsonl"
    items = load_file(path).items
    assert len(items) > 250
    unsafe = sum(item.label == "unsafe" for item in items)
    assert 0.2 <= unsafe / len(items) <= 0.35
    result = subprocess.run(
        [sys.executable, str(DATA / "dev-docs-2" / "gen" / "validate.py"), str(path)],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout


def test_the_third_docs_set_loads_with_both_labels() -> None:
    path = DATA / "dev-docs-3" / "dev-docs-3.jsonl"
    items = load_file(path).items
    assert len(items) > 350
    unsafe = sum(item.label == "unsafe" for item in items)
    assert 0.35 <= unsafe / len(items) <= 0.55
    result = subprocess.run(
        [sys.executable, str(DATA / "dev-docs-3" / "gen" / "validate.py"), str(path)],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout


@pytest.mark.parametrize("name", ["dev-docs-4", "dev-docs-5"])
def test_the_later_docs_sets_load_with_both_labels(name: str) -> None:
    path = DATA / name / f"{name}.jsonl"
    items = load_file(path).items
    assert len(items) > 350
    unsafe = sum(item.label == "unsafe" for item in items)
    assert 0.35 <= unsafe / len(items) <= 0.55
    result = subprocess.run(
        [sys.executable, str(DATA / name / "gen" / "validate.py"), str(path)],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout


@pytest.mark.parametrize(
    "name", [*SETS, "dev-admin", "dev-docs", "dev-docs-2", "dev-docs-3", "dev-docs-4", "dev-docs-5"]
)
def test_the_generator_rebuilds_the_committed_file(tmp_path: Path, name: str) -> None:
    copy = tmp_path / "data"
    shutil.copytree(DATA, copy)
    (copy / name / f"{name}.jsonl").unlink()
    result = subprocess.run([sys.executable, str(copy / name / "gen" / "build.py")],
                            capture_output=True, text=True, timeout=60)  # fmt: skip
    assert result.returncode == 0, result.stderr
    built = (copy / name / f"{name}.jsonl").read_bytes()
    assert built == (DATA / name / f"{name}.jsonl").read_bytes()
