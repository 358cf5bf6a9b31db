"""The README's examples run as written.

Every fenced ```bash and ```python block is run, in README order, in one scratch directory (with
links to the checkout's files, as a reader following the README from the checkout would have)
under a scratch home: python blocks with this venv's Python, bash blocks one logical line at a
time, each of which must exit 0. `pip install` steps are not run but their extras must exist
(this venv has the dev extra; CI installs the rest), and the first screen's `python -m pytest`
is not run from inside pytest.

A block that cannot run offline in a test (a model server, a human, root, a package that is not
a dependency) carries an HTML comment just before it, `<!-- readme-test: skip (why) -->`, or
`<!-- readme-test: needs MODULE (why) -->` when it runs wherever MODULE imports (the ml extra in
CI). Every other block must run. JSON, TOML and YAML blocks must parse.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
import tempfile
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from importlib.util import find_spec
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from _servers import review_servers_lock

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
BIN = Path(sys.executable).parent
MARK = re.compile(r"<!--\s*readme-test:\s*(skip|needs)\s+(.*?)\s*-->", re.S)
MAX_SKIPPED = 12  # keep it small: each one is an example nobody checks here


@dataclass(frozen=True)
class Block:
    line: int
    lang: str
    code: str
    mark: tuple[str, str] | None  # ("skip", reason) or ("needs", "module (reason)")


def readme_blocks() -> list[Block]:
    found: list[Block] = []
    pending: tuple[str, str] | None = None
    for token in MarkdownIt("commonmark").parse(README.read_text(encoding="utf-8")):
        if token.type == "html_block" and "readme-test" in token.content:
            match = MARK.search(token.content)
            assert match, f"README.md:{token.map and token.map[0] + 1}: bad marker"
            assert pending is None, f"README.md:{token.map and token.map[0] + 1}: two markers"
            pending = (match.group(1), match.group(2))
            continue
        if token.type == "fence":
            assert token.map is not None
            lang = token.info.split()[0] if token.info.strip() else ""
            found.append(Block(token.map[0] + 1, lang, token.content, pending))
        elif pending is not None:
            raise AssertionError(f"a readme-test marker is not followed by a code block: {pending}")
        pending = None
    return found


BLOCKS = readme_blocks()
RUNNABLE = [b for b in BLOCKS if b.lang in ("bash", "python")]


def pyproject_extras() -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    return set(project["optional-dependencies"])


def logical_lines(code: str) -> list[str]:
    """The block's commands: continuation lines joined, blank lines and comments dropped."""
    lines: list[str] = []
    current = ""
    for raw in code.splitlines():
        if raw.rstrip().endswith("\\"):
            current += raw.rstrip()[:-1] + " "
            continue
        current += raw
        if current.strip() and not current.lstrip().startswith("#"):
            lines.append(current.strip())
        current = ""
    return lines


def check_pip(command: str) -> None:
    """A `pip install` step: not run here, but what it installs must exist."""
    words = shlex.split(command, comments=True)
    assert words[:2] == ["pip", "install"], command
    for word in words[2:]:
        if word.startswith("."):
            extras = word.partition("[")[2].rstrip("]")
            missing = {e for e in extras.split(",") if e} - pyproject_extras()
            assert not missing, f"{command}: no such extra {missing} in pyproject.toml"


@pytest.fixture(scope="module")
def reader(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, dict[str, str]]]:
    """A reader's shell: a scratch directory linking the checkout's files, a scratch home. The
    blocks start and query review servers: held under the shared lock of tests that do."""
    with (
        review_servers_lock(tmp_path_factory, exclusive=False),
        tempfile.TemporaryDirectory(prefix="readme-") as scratch,
    ):
        base = Path(scratch)
        work, home = base / "work", base / "home"
        work.mkdir()
        home.mkdir()
        for entry in ROOT.iterdir():
            if not entry.name.startswith(".") and not entry.name.endswith(".egg-info"):
                (work / entry.name).symlink_to(entry)
        runtime = base / "run"
        runtime.mkdir(mode=0o700)
        env = {
            k: v
            for k, v in os.environ.items()
            if not k.startswith(("FORETHOUGHT_", "OPENAI_", "ANTHROPIC_", "XDG_", "VIRTUAL_ENV"))
        }
        env.update(
            HOME=str(home),
            XDG_DATA_HOME=str(home / ".local" / "share"),
            XDG_CONFIG_HOME=str(home / ".config"),
            XDG_RUNTIME_DIR=str(runtime),
            PATH=f"{BIN}{os.pathsep}{env.get('PATH', '')}",
            COLUMNS="120",
        )
        yield work, env
        subprocess.run([str(BIN / "forethought"), "serve", "--stop"], env=env, timeout=60)


def run_line(line: str, work: Path, env: dict[str, str]) -> None:
    result = subprocess.run(
        ["bash", "-c", f"set -o pipefail\n{line}"],
        cwd=work, env=env, capture_output=True, text=True, timeout=600, stdin=subprocess.DEVNULL,
    )  # fmt: skip
    assert result.returncode == 0, (
        f"`{line}` exited {result.returncode}\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    )


def run_bash(block: Block, work: Path, env: dict[str, str]) -> None:
    for line in logical_lines(block.code):
        if line.startswith("pip install"):
            pip, sep, rest = line.partition(" && ")
            check_pip(pip)
            if not sep or rest.strip() == "python -m pytest":  # not pytest inside pytest
                continue
            line = rest
        run_line(line, work, env)


def run_python(block: Block, work: Path, env: dict[str, str]) -> None:
    script = work / f"readme_block_{block.line}.py"
    script.write_text(block.code, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, script.name],
        cwd=work, env=env, capture_output=True, text=True, timeout=600, stdin=subprocess.DEVNULL,
    )  # fmt: skip
    assert result.returncode == 0, f"README.md:{block.line}\n{result.stderr[-3000:]}"


@pytest.mark.slow
@pytest.mark.parametrize("block", RUNNABLE, ids=[f"{b.lang}-line-{b.line}" for b in RUNNABLE])
def test_the_readme_block_runs(block: Block, reader: tuple[Path, dict[str, str]]) -> None:
    if block.mark is not None:
        kind, why = block.mark
        if kind == "skip":
            pytest.skip(f"README.md:{block.line}: {why}")
        module = why.split()[0]
        if find_spec(module) is None:
            pytest.skip(f"README.md:{block.line}: needs {why}")
    work, env = reader
    if block.lang == "bash":
        run_bash(block, work, env)
    else:
        run_python(block, work, env)


def test_few_blocks_are_skipped_and_each_says_why() -> None:
    marked = [b for b in RUNNABLE if b.mark is not None]
    assert all(re.fullmatch(r"\(.+\)", b.mark[1]) for b in marked if b.mark[0] == "skip")
    skipped = [b.line for b in marked if b.mark and b.mark[0] == "skip"]
    assert len(skipped) <= MAX_SKIPPED, f"skipped README blocks at lines {skipped}"


def test_the_first_screen_is_the_two_set_up_commands() -> None:
    first = RUNNABLE[0]
    assert first.lang == "bash" and first.mark is None
    lines = logical_lines(first.code)
    assert lines[0].startswith("pip install -e . && echo ") and lines[0].endswith(
        "| forethought review -"
    )
    assert lines[1] == "pip install -e '.[dev]' && python -m pytest"
    assert "dev" in pyproject_extras()
    assert tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["pytest"]


def test_the_shown_review_output_is_what_review_prints(
    reader: tuple[Path, dict[str, str]],
) -> None:
    shown = next(b for b in BLOCKS if b.lang == "" and b.code.startswith("$ echo "))
    command, *expected = shown.code.splitlines()
    work, env = reader
    result = subprocess.run(
        ["bash", "-c", command.removeprefix("$ ")],
        cwd=work, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    printed = result.stdout.splitlines()
    # The decision, the term that decided it, and the figures, as the README shows them.
    assert printed[:3] == expected[:3]


@pytest.mark.parametrize(
    "block",
    [b for b in BLOCKS if b.lang in ("json", "toml", "yaml")],
    ids=lambda b: f"{b.lang}-line-{b.line}",
)
def test_the_readme_configuration_parses(block: Block) -> None:
    if block.lang == "json":
        json.loads(block.code)
    elif block.lang == "toml":
        tomllib.loads(block.code)
    else:
        yaml = pytest.importorskip("yaml")
        yaml.safe_load(block.code)
