"""PythonReviewer: the predictions for a ``python`` action, capped and ordered.

The analysis finds harms by its own rules (paths, processes, hidden code, the network) and
describes what the code does as effects of the shared vocabulary, graded by the one effect
table; the session's earlier steps say what the files it runs hold and which files hold a
secret it copied. What the analysis could not see is reported as uncertainty.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass

from forethought.proposal import Proposal
from forethought.review import verification
from forethought.review.base import Prediction, Review
from forethought.review.effects import Effect, grade
from forethought.review.paths import clip, merge_similar, summarise
from forethought.review.python.analysis import Analysis, Program
from forethought.review.python.findings import Facts, conclusions, harm
from forethought.review.python.limits import MAX_CODE_CHARS, MAX_PREDICTIONS
from forethought.session import SessionFacts
from forethought.session import facts as facts_of_steps


class CodeTooLarge(ValueError):
    """Code longer than MAX_CODE_CHARS: not reviewed (the Gate records a failed review)."""


# The Policy's default weights, used here only to order predictions for the cap.
_WEIGHT: dict[str, float] = {"negligible": 0.1, "low": 1, "moderate": 3, "high": 10,
                             "critical": 30}
_MAX_REASONS = 5


@dataclass(frozen=True, slots=True)
class CodeReview:
    predictions: list[Prediction]
    uncertainty: float
    reasons: list[str]
    facts: Facts


def analyse(
    code: str, allowed_hosts: Sequence[str] = (), session: SessionFacts | None = None,
    depth: int = 0,
) -> CodeReview:
    """Predictions, uncertainty and facts for ``code``. Raises CodeTooLarge past
    MAX_CODE_CHARS. ``session``: what the session's earlier steps did."""
    if len(code) > MAX_CODE_CHARS:
        raise CodeTooLarge(f"code is {len(code)} characters; at most {MAX_CODE_CHARS} are reviewed")
    program = Program(code, allowed_hosts)
    facts = program.facts
    try:
        harms = Analysis(code, program).run()
        harms += conclusions(facts, program.allows)
        harms += [p for p in (grade(e) for e in facts.effects) if p is not None]
        harms += _with_session(code, facts, program, session, depth)
    except RecursionError:
        harms = [harm("the code is nested too deeply to review", 0.6, "high", clip(code),
                      "unknown_code")]
        facts.uncertain.append((0.9, "the code is nested too deeply to review"))
    merged = merge_similar(harms)
    merged.sort(key=lambda p: -p.probability * _WEIGHT[p.severity] * (1 if p.reversible else 3))
    benefit = Prediction("runs the requested Python code", "benefit", 0.6, "moderate", True,
                         clip(code.strip().split("\n", 1)[0], 80), "benign")
    found = sorted(facts.uncertain, key=lambda r: -r[0])
    reasons = list(dict.fromkeys(r for _, r in found))[:_MAX_REASONS]
    return CodeReview([*merged[:MAX_PREDICTIONS], benefit], found[0][0] if found else 0.0,
                      reasons, facts)


def code_predictions(
    code: str, allowed_hosts: Sequence[str] = (), session: SessionFacts | None = None
) -> list[Prediction]:
    """Harm and benefit predictions for ``code``. Raises CodeTooLarge past MAX_CODE_CHARS."""
    return analyse(code, allowed_hosts, session).predictions


@functools.lru_cache(maxsize=1024)
def code_facts(code: str) -> Facts:
    """What ``code`` leaves behind for the session's later steps (files written, downloaded,
    made executable, secrets copied); empty for code that cannot be read. Cached: every later
    step of a session reads the earlier ones again (callers must not change the result)."""
    if len(code) > MAX_CODE_CHARS:
        return Facts()
    program = Program(code, ())
    try:
        Analysis(code, program).run()
    except (RecursionError, MemoryError):
        return Facts()
    return program.facts


def _with_session(
    code: str, facts: Facts, program: Program, session: SessionFacts | None, depth: int
) -> list[Prediction]:
    """Harms that the session's earlier steps (and this code's own writes) reveal: a file run
    is judged by what was written into it; a file holding a copied secret, sent, is the secret
    sent."""
    if session is None and not facts.commands and not facts.runs_files:
        return []
    if session is not None and session.written:
        # importing a module the session wrote runs it
        for module, evidence in facts.imports:
            base = module.replace(".", "/")
            for path in (f"{base}.py", f"{base}/__init__.py"):
                if session.content_of(path) is not None:
                    facts.runs_files.append((path, evidence, ""))
                    break
    combined = _combined(session, facts)
    out: list[Prediction] = []
    sends = facts.sends or [(e, h or "a remote host") for e, h in facts.connects
                            if h is None or not program.allows(h)]
    if sends and session is not None:
        for path, _evidence in facts.read_paths:
            secret = session.secret_behind(path)
            if secret is not None:
                evidence, where = sends[0]
                sent = grade(Effect(
                    op="send", resource="credential", target="", evidence=evidence,
                    what=f"sends {path}, where this session copied {secret}, to {where}: the "
                    "secret leaves the machine", severity="critical",
                ))
                out += [sent] if sent is not None else []
                break
    if depth >= 2:
        combined = SessionFacts()  # deep enough: what the files hold is not read again
    for path, evidence, how in facts.runs_files:
        out += _runs(path, evidence, how, combined, program, depth)
    if facts.commands and (combined.written or combined.downloaded or combined.secret_copies):
        out += _commands(facts.commands, combined, program.allowed_hosts)
    return out


def _combined(session: SessionFacts | None, facts: Facts) -> SessionFacts:
    from forethought.session import merge_code_facts

    combined = SessionFacts()
    if session is not None:
        combined.written.update(session.written)
        combined.downloaded.update(session.downloaded)
        combined.executable |= session.executable
        combined.secret_copies.update(session.secret_copies)
        combined.secrets_read += session.secrets_read
    merge_code_facts(combined, facts)
    return combined


def _runs(
    path: str, evidence: str, how: str, session: SessionFacts, program: Program, depth: int
) -> list[Prediction]:
    content = session.content_of(path)
    if content is not None and depth < 2:
        try:
            inner = analyse(content, program.allowed_hosts, session, depth + 1).predictions
        except CodeTooLarge:
            return [harm(f"runs {path}, which this session wrote and which is too large to "
                         "review", 0.7, "high", evidence, "unknown_code", reversible=True)]
        return [
            harm(f"runs {path}, which this session wrote: {p.outcome}", p.probability,
                 p.severity, evidence, p.category, reversible=p.reversible)
            for p in inner if p.valence == "harm"
        ]
    source = session.source_of(path)
    if source is not None:
        return [harm(f"runs {path}, which this session downloaded from {source}: code nobody "
                     "has read", 0.8, "high", evidence, "remote_code_execution")]
    program.facts.uncertain.append((0.5, f"runs {path}, whose content the reviewer has not seen"))
    if not how:
        return []
    return [harm(f"runs code built at run time with {how}(); it cannot be reviewed", 0.5, "high",
                 evidence, "unknown_code", reversible=True)]


def _commands(
    commands: list[tuple[str, str]], session: SessionFacts, allowed_hosts: Sequence[str]
) -> list[Prediction]:
    """The commands the code runs, judged by what the session wrote and downloaded."""
    try:
        from forethought.review.shell.parse import analyze
        from forethought.review.shell.session_rules import session_predictions
    except ImportError:
        return []
    out: list[Prediction] = []
    for command, evidence in commands:
        try:
            found = session_predictions(analyze(command), session, allowed_hosts)
        except ValueError:
            continue
        out += [harm(p.outcome, p.probability, p.severity, evidence, p.category,
                     reversible=p.reversible) for p in found if p.valence == "harm"]
    return out


def _in_scope(
    predictions: list[Prediction], task: str, cloud_commands: dict[str, str | None]
) -> list[Prediction]:
    """Harms on targets the task names, capped as the other reviewers cap them
    (:func:`forethought.review.scope.in_scope`). Targets in Python evidence are quoted
    (``open('/etc/hosts', 'a')``): the scope reads them unquoted, the evidence is kept. A cloud
    SDK call names its targets as the CLI command it equals does (``cloud_commands``: the
    bucket of ``s3.delete_bucket(Bucket="my-lab")`` is that of ``aws s3api delete-bucket
    --bucket my-lab``); evidence standing for several commands is read as it is."""
    if not task.strip():
        return predictions
    from dataclasses import replace

    from forethought.review.benefit import in_task

    original: dict[str, str] = {}
    shadows = []
    for p in predictions:
        shadow = cloud_commands.get(p.evidence) or p.evidence.translate(_QUOTES)
        original.setdefault(shadow, p.evidence)
        shadows.append(replace(p, evidence=shadow))
    return [replace(p, evidence=original.get(p.evidence, p.evidence))
            for p in in_task(shadows, task)]


_QUOTES = str.maketrans({"'": " ", '"': " ", ",": " ", ")": " "})


class PythonReviewer:
    """Reviews ``python`` actions by reading their syntax tree."""

    name = "python"
    version = "1.0"
    inline = True

    def __init__(self, allowed_hosts: Sequence[str] = ()) -> None:
        self.allowed_hosts = tuple(allowed_hosts)

    def applies(self, proposal: Proposal) -> bool:
        return proposal.action.kind == "python"

    def review(self, proposal: Proposal) -> Review:
        code = str(proposal.action.args.get("code") or "")
        session = facts_of_steps(proposal.steps) if proposal.steps else None
        result = analyse(code, self.allowed_hosts, session)
        predictions = _in_scope(result.predictions, proposal.task, result.facts.cloud_commands)
        predictions = verification.judged_against(predictions, proposal.task)
        return Review.of(self.name, self.version, predictions,
                         summarise(predictions, "Python code with nothing to object to."),
                         uncertainty=result.uncertainty,
                         details={"uncertain": result.reasons} if result.reasons else {})
