"""Labelled proposals for the bench, in JSONL.

One JSON object per line: the proposal itself in any shape the Gate accepts (see
``forethought.proposal``), flat at the top level, beside

- ``label``: ``"safe"`` or ``"unsafe"`` (required),
- ``id``: unique across every file of one run (default: ``<file name>:<line>``),
- ``category``: the kind of harm (unsafe) or of task (safe), free text, ``/`` for sub-kinds,
- ``source``: where the row came from (default: the file's name),
- ``steps``: the session's earlier actions, oldest first, each a proposal of any accepted shape
  that already ran (a script written before the row runs it, a key copied before the row sends
  it); reviewers see them as the Gate's ledger would show them to a live session,
- any other keys (``description``, ...), which are ignored.

This is the layout of ``../shared/data/dev-shell.jsonl`` and ``benchmarks/data/*.jsonl``.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import orjson

import forethought
from forethought.evals import nogc
from forethought.proposal import Proposal, ProposalError, from_dict
from forethought.session import MAX_STEPS, Step

LABELS = ("safe", "unsafe")


class DatasetError(ValueError):
    """Input that is not a labelled data set; the message names the file and line."""


@dataclass(frozen=True, slots=True)
class Item:
    """One labelled proposal.

    Loading reads each row's label, id and the other fields the figures need; the proposal is
    made from the row's JSON line when it is first asked for (``proposal``), which for an
    evaluation with workers is in the worker (``executors``): the rows are parsed in parallel.
    A row that is no proposal raises DatasetError there, naming its file and line (``where``).
    """

    id: str
    label: str
    category: str
    source: str
    dataset: str
    group: str = ""  # candidate actions for the same step share one (best-of-n selection)
    # The JSON line it was read from, and where ("FILE:LINE", for errors).
    line: bytes = field(default=b"", compare=False, repr=False)
    where: str = field(default="", compare=False, repr=False)
    # The proposal, once made (one element).
    made: list[Proposal] = field(default_factory=list, compare=False, repr=False)

    @property
    def unsafe(self) -> bool:
        return self.label == "unsafe"

    @property
    def proposal(self) -> Proposal:
        """The row's proposal (DatasetError, naming file and line, where it is none)."""
        if not self.made:
            self.made.append(reread(self.line, self.where))
        return self.made[0]


@dataclass(frozen=True, slots=True)
class Dataset:
    name: str
    path: str
    sha256: str
    items: tuple[Item, ...]

    def describe(self) -> dict[str, object]:
        unsafe = sum(item.unsafe for item in self.items)
        return {
            "name": self.name,
            "path": self.path,
            "sha256": self.sha256,
            "items": len(self.items),
            "unsafe": unsafe,
            "safe": len(self.items) - unsafe,
        }


# The data sets that ship inside the package (evals/data links to the checkout's benchmarks/data).
BUILT_IN = Path(__file__).resolve().parent / "data"
# Names the documentation uses for data that does not ship, and where it comes from.
NOT_SHIPPED = {
    "dev-shell": "dev-shell is forethought's development set (GTFOBins, GPL-3.0, and NL2Bash, "
    "MIT) and does not ship with it; see the README's 'Data' section. The built-in sets are "
}


def search_dirs() -> list[Path]:
    """Where data set names (``shell-heldout``, ``dev-shell``...) are looked up, in order:
    ``$FORETHOUGHT_DATA``, ``./benchmarks/data``, ``../shared/data``, the same beside an editable
    install's checkout, then the built-in sets."""
    dirs = [Path(d) for d in os.environ.get("FORETHOUGHT_DATA", "").split(os.pathsep) if d]
    checkout = Path(forethought.__file__).resolve().parents[2]  # an editable install's checkout
    for root in (Path.cwd(), checkout):
        dirs += [root / "benchmarks" / "data", root.parent / "shared" / "data"]
    dirs.append(BUILT_IN)
    return list(dict.fromkeys(dirs))


def built_in() -> list[str]:
    """The names of the data sets that ship with forethought."""
    return sorted(path.stem for path in BUILT_IN.glob("*.jsonl"))


def known() -> dict[str, Path]:
    """Data sets found by name in ``search_dirs()``: name -> file (the first one found wins)."""
    found: dict[str, Path] = {}
    for directory in search_dirs():
        if directory.is_dir():
            for path in sorted(directory.glob("*.jsonl")):
                found.setdefault(path.stem, path)
    return found


def agentdojo_spec(spec: str) -> bool:
    """``agentdojo``, ``agentdojo:SUITE[,SUITE]``, either with ``@VERSION``: AgentDojo's suites
    (``forethought.evals.agentdojo``), unless a file of that name exists."""
    head = spec.partition("@")[0].partition(":")[0]
    return head == "agentdojo" and not Path(spec).exists()


def resolve(spec: str) -> Path:
    """A file path as given, or the name of a known data set."""
    path = Path(spec)
    if path.exists() or path.suffix == ".jsonl":
        return path
    names = known()
    if spec in names:
        return names[spec]
    if spec in NOT_SHIPPED:
        raise DatasetError(f"{spec}: not found: {NOT_SHIPPED[spec]}{', '.join(built_in())}")
    listed = ", ".join([*names, "agentdojo[:SUITE]"])
    raise DatasetError(f"{spec}: no such file or known data set (known: {listed})")


def load(specs: Iterable[str], *, check: bool = True) -> list[Dataset]:
    """Load every file (or AgentDojo suite); ids must be unique across all of them.

    ``check``: make every row's proposal now, so that a bad row fails here; without it, rows
    are made into proposals where they are reviewed (``Item.proposal``), and a bad one fails
    there (an evaluation that records nothing until it is done).
    """
    datasets: list[Dataset] = []
    for spec in specs:
        if agentdojo_spec(spec):
            from forethought.evals import agentdojo

            datasets += agentdojo.datasets(spec)
        else:
            datasets.append(load_file(resolve(spec), check=check))
    seen: dict[str, str] = {}
    for dataset in datasets:
        for item in dataset.items:
            if item.id in seen:
                raise DatasetError(
                    f"{dataset.path}: id {item.id!r} is used twice (also in {seen[item.id]})"
                )
            seen[item.id] = dataset.path
    names = [d.name for d in datasets]
    if len(set(names)) != len(names):
        raise DatasetError(f"two data sets share a file name: {', '.join(names)}")
    return datasets


def load_file(path: Path, *, check: bool = True) -> Dataset:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DatasetError(f"{path}: cannot read: {exc.strerror}") from None
    return parse(data, path, check=check)


def parse(data: bytes, path: Path, *, name: str | None = None, check: bool = True) -> Dataset:
    """The data set in ``data``, JSONL as read from ``path`` (named after it unless ``name``);
    ``check``: as ``load``."""
    name = name or path.stem
    items: list[Item] = []
    ids: dict[str, int] = {}
    file_name, path_text = path.name, str(path)
    with nogc.paused():  # rows make no reference cycles (forethought.evals.nogc)
        for number, line in enumerate(data.splitlines(), start=1):
            if not line.strip():
                continue
            item = _item(line, f"{path_text}:{number}", number, name, file_name)
            if check:
                item.proposal  # noqa: B018 (made now: a bad row fails here)
            if item.id in ids:
                raise DatasetError(
                    f"{path}:{number}: id {item.id!r} is used twice (first on line {ids[item.id]})"
                )
            ids[item.id] = number
            items.append(item)
    if not items:
        raise DatasetError(f"{path}: no items (expected JSON Lines with a 'label' on each)")
    return Dataset(name, str(path), hashlib.sha256(data).hexdigest(), tuple(items))


def _item(line: bytes, where: str, number: int, dataset: str, file_name: str) -> Item:
    """The row's item, its proposal not made yet (``where``: "FILE:LINE")."""
    row = _row(line, where)
    return Item(
        id=str(row["id"]) if "id" in row else f"{file_name}:{number}",
        label=row["label"],
        category=str(row.get("category", "")),
        source=str(row["source"]) if "source" in row else file_name,
        dataset=dataset,
        group=str(row.get("group", "")),
        line=line,
        where=where,
    )


_TEXT_FIELDS = ("id", "category", "source", "group")
_TEXT = (str, int)


def _row(line: bytes, where: str) -> dict[str, Any]:
    try:
        row = orjson.loads(line)
    except orjson.JSONDecodeError as exc:
        raise DatasetError(f"{where}: invalid JSON: {exc}") from None
    if not isinstance(row, dict):
        raise DatasetError(f"{where}: expected a JSON object, got {type(row).__name__}")
    label = row.get("label")
    if label not in LABELS:
        raise DatasetError(f"{where}: field 'label' must be 'safe' or 'unsafe', got {label!r}")
    for key in _TEXT_FIELDS:
        if key in row and not isinstance(row[key], _TEXT):
            raise DatasetError(f"{where}: field {key!r} must be a string")
    return row


def reread(line: bytes, where: str = "-:0") -> Proposal:
    """The proposal of an item's line (``Item.line``); ``where`` ("FILE:LINE") names it in
    the DatasetError a row that is no proposal raises."""
    row = _row(line, where)
    try:
        proposal = from_dict(row, line.decode("utf-8", "replace"))
    except ProposalError as exc:
        raise DatasetError(f"{where}: {exc}") from None
    if "steps" in row:
        proposal = replace(proposal, steps=_steps(row["steps"], where))
    return proposal


def _steps(value: object, where: str) -> tuple[Step, ...]:
    """A row's earlier steps as the Gate would find them in the ledger: each action (and each
    part of a multi-part one) as an allowed step."""
    if not isinstance(value, list):
        raise DatasetError(f"{where}: field 'steps' must be a list of earlier actions")
    steps: list[Step] = []
    for i, entry in enumerate(value):
        try:
            earlier = from_dict(entry)
        except ProposalError as exc:
            raise DatasetError(f"{where}: steps[{i}]: {exc}") from None
        # they ran; what the gate said of them is not recorded ("")
        steps += [Step(a.kind, a.tool, dict(a.args), "") for a in (earlier.action, *earlier.parts)]
    if len(steps) > MAX_STEPS:
        raise DatasetError(f"{where}: field 'steps' holds more than {MAX_STEPS} actions")
    return tuple(steps)
