"""The data sets the README names ship with forethought: `forethought eval shell-heldout` works
from any directory, the wheel carries them, and a data set that is missing (a file, a name, the
unshipped dev-shell) is one line and exit 1, never a traceback, also in the benchmark scripts."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from forethought.evals import datasets

ROOT = Path(__file__).resolve().parents[1]
FORETHOUGHT = str(Path(sys.executable).parent / "forethought")
BUILT_IN = ("shell-adversarial", "shell-heldout", "shell-heldout-2")


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "FORETHOUGHT_LEDGER": str(cwd / "ledger.db"), "FORETHOUGHT_DATA": ""}
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=300)


def test_the_built_in_sets_are_in_the_package() -> None:
    assert set(BUILT_IN) <= set(datasets.built_in())
    for name in BUILT_IN:
        assert (datasets.BUILT_IN / f"{name}.jsonl").read_bytes() == (
            ROOT / "benchmarks" / "data" / f"{name}.jsonl"
        ).read_bytes()


def test_eval_by_name_from_any_directory(tmp_path: Path) -> None:
    result = run(FORETHOUGHT, "eval", "shell-heldout", "-r", "shell", "--json", "r.json",
                 cwd=tmp_path)  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "r.json").exists()


@pytest.mark.slow  # eight process starts
@pytest.mark.parametrize("spec", ["missing.jsonl", "no-such-set"])
def test_a_missing_data_set_is_one_line(tmp_path: Path, spec: str) -> None:
    for command in (
        [FORETHOUGHT, "eval", spec],
        [FORETHOUGHT, "train-reviewer", spec, "-o", "model.joblib"],
        [sys.executable, str(ROOT / "benchmarks" / "quality.py"), spec],
        [sys.executable, str(ROOT / "benchmarks" / "cascade_share.py"), spec],
    ):
        result = run(*command, cwd=tmp_path)
        assert result.returncode == 1, command
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
        assert spec in result.stderr and "Traceback" not in result.stderr


def test_bench_review_without_its_default_data_is_one_line(tmp_path: Path) -> None:
    result = run(sys.executable, str(ROOT / "benchmarks" / "bench_review.py"),
                 str(tmp_path / "missing.jsonl"), cwd=tmp_path)  # fmt: skip
    assert result.returncode == 1
    assert result.stderr.strip().startswith("bench_review: ") and "Traceback" not in result.stderr


@pytest.mark.skipif(
    "dev-shell" in datasets.known(), reason="the development data is beside this checkout"
)
def test_dev_shell_says_it_does_not_ship(tmp_path: Path) -> None:
    result = run(FORETHOUGHT, "eval", "dev-shell", cwd=tmp_path)
    assert result.returncode == 1
    assert "does not ship" in result.stderr and "shell-heldout" in result.stderr


def test_the_benchmark_scripts_default_to_data_that_ships(tmp_path: Path) -> None:
    result = run(sys.executable, str(ROOT / "benchmarks" / "cascade_share.py"), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert all(f"| {name} | all |" in result.stdout for name in BUILT_IN)


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("git") is None or not (ROOT / ".git").exists(), reason="no git")
def test_the_wheel_carries_the_built_in_sets(tmp_path: Path) -> None:
    tracked = (
        subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True)
        .stdout.decode()
        .split("\0")
    )
    source = tmp_path / "src"
    for name in filter(None, tracked):
        origin, target = ROOT / name, source / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if origin.is_symlink():
            target.symlink_to(os.readlink(origin))
        elif origin.exists():
            shutil.copy2(origin, target)
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-build-isolation", "--no-deps", "-q",
         "-w", str(tmp_path / "dist"), str(source)],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    if built.returncode != 0 and "No module named" in built.stderr:
        pytest.skip(f"cannot build a wheel here: {built.stderr.strip().splitlines()[-1]}")
    assert built.returncode == 0, built.stderr
    (wheel,) = (tmp_path / "dist").glob("forethought-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert {f"forethought/evals/data/{name}.jsonl" for name in BUILT_IN} <= names
    # the data the reviewers read: the program catalogue, the tool kinds, the popular packages
    assert {
        "forethought/review/shell/programs.toml",
        "forethought/tool_kinds.toml",
        "forethought/review/data/popular-pypi.txt",
        "forethought/review/data/popular-npm.txt",
    } <= names
    from forethought.review.shell.catalogue import catalogue_files

    assert {f"forethought/review/shell/{file}" for file, _ in catalogue_files()} <= names
    from forethought.review.admin_apis import catalogue_files as admin_api_files

    assert {f"forethought/review/data/{file}" for file, _ in admin_api_files()} <= names
