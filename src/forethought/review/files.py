"""FileReviewer: what reading or writing a file would do, judged from the path and the text.

Reads: disclosure of secrets (keys, cloud credentials, ``.env``...). Writes: persistence
(start-up files, cron, authorized_keys, git hooks), system files, overwritten credentials,
writes outside the workspace, credentials written into files, and edits that delete most of a
file. Memory notes are read by later episodes, so they are checked for credentials too.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Mapping, Sequence
from typing import Any

from forethought.proposal import Proposal
from forethought.review import config_edits, open_access, verification, workflows
from forethought.review.base import SEVERITIES, Prediction, Review
from forethought.review.benefit import in_task
from forethought.review.compose import compose_predictions
from forethought.review.config_content import config_predictions
from forethought.review.kubernetes import looks_like_manifest, manifest_predictions
from forethought.review.paths import (
    clip,
    credential_store,
    normalise,
    read_predictions,
    secret_predictions,
    summarise,
    write_predictions,
)
from forethought.review.python_startup import runs_nothing
from forethought.review.supply_files import supply_predictions
from forethought.review.system_files import as_asked, asked_kind
from forethought.review.task_limits import asks_change
from forethought.review.units import unit_predictions
from forethought.review.webshell import webshell_predictions

# An edit that leaves at most this share of what it replaces, out of at least MASS_CHARS.
MASS_CHARS = 200
MASS_KEPT = 0.1
# Files that are empty on purpose.
EMPTY_BY_DESIGN = frozenset({"__init__.py", "py.typed", ".gitkeep", ".keep", ".nojekyll"})
_SCRATCH = re.compile(r"^/(?:tmp|var/tmp)(?:/|$)")
# A download piped into an interpreter, written into a script that will run later.
_PIPE_TO_SHELL = re.compile(
    r"\b(?:curl|wget|fetch)\b[^\n|;&]*\|\s*(?:sudo\s+)?(?:ba|z|da|k)?sh\b"
    r"|\b(?:curl|wget)\b[^\n|;&]*\|\s*(?:sudo\s+)?python[0-9.]*\b"
)


# Files every later agent run reads as standing instructions.
_AGENT_INSTRUCTIONS = re.compile(
    r"(?:^|/)(?:AGENTS|CLAUDE|GEMINI|CONVENTIONS)\.md$|(?:^|/)\.(?:cursorrules|windsurfrules|"
    r"clinerules)$|(?:^|/)\.github/copilot-instructions\.md$|(?:^|/)\.cursor/rules/|"
    r"(?:^|/)\.claude/(?:commands|agents)/",
    re.IGNORECASE,
)
_DOCUMENTS = re.compile(r"\.(?:md|markdown|rst|txt|html?|adoc)$", re.IGNORECASE)


# A web server's configuration that serves the whole file system, or the directories holding
# its secrets and accounts (nginx root/alias, Apache DocumentRoot/Alias, Caddy root).
_WEB_CONFIG = re.compile(
    r"(?:^|/)(?:nginx|apache2|httpd|caddy|lighttpd)/|(?:^|/)(?:nginx\.conf|httpd\.conf|"
    r"apache2\.conf|Caddyfile|lighttpd\.conf)$|/sites-(?:enabled|available)/"
)
_SERVES_SYSTEM = re.compile(
    r"^\s*(?:root|alias|DocumentRoot|Alias\s+\S+|root\s+\*)\s+[\"']?"
    r"(/|/etc|/root|/home|/proc|/var/lib|/Users)/?[\"']?\s*;?\s*$",
    re.MULTILINE | re.IGNORECASE,
)


def _web_root_checks(path: str, text: str) -> list[Prediction]:
    if _WEB_CONFIG.search(path) is None:
        return []
    m = _SERVES_SYSTEM.search(text)
    if m is None:
        return []
    where = "the whole file system" if m.group(1) == "/" else m.group(1)
    return [
        Prediction(
            f"configures the web server to serve {where} (secrets and account files included) "
            "to whoever reaches it",
            "harm",
            0.8,
            "critical",
            True,
            clip(m.group(0).strip(), 80),
            "exfiltration",
        )
    ]


def _instruction_checks(path: str, text: str) -> list[Prediction]:
    from forethought.review.text import hidden_instructions, instructions_predictions

    if _AGENT_INSTRUCTIONS.search(path):
        return instructions_predictions(text, f"the agent instructions {path}")
    if _DOCUMENTS.search(path):
        return hidden_instructions(text, path)
    return []


def _texts(args: Mapping[str, Any]) -> tuple[str, str, bool]:
    """A write's new text, the text it replaces (an edit's old strings) and whether it replaces
    the whole file."""
    replaces = "edits" not in args
    edits: Sequence[Mapping[str, str]] = args.get("edits") or []
    new_text = str(args.get("content") or "") if replaces else "\n".join(
        str(e.get("new", "")) for e in edits)
    old_text = "" if replaces else "\n".join(str(e.get("old", "")) for e in edits)
    return new_text, old_text, replaces


class FileReviewer:
    """Reviews ``file_read``, ``file_write`` and (for credentials only) ``memory_write``."""

    name = "file"
    version = "1.0"
    inline = True

    def __init__(
        self, workspace: str | None = None, allowed_hosts: Sequence[str] = ()
    ) -> None:
        self.workspace = normalise(workspace) if workspace else None
        # the policy's network.allowed_hosts: where a CI workflow may send what it holds
        self.allowed_hosts = tuple(allowed_hosts)

    def applies(self, proposal: Proposal) -> bool:
        return proposal.action.kind in ("file_read", "file_write", "memory_write")

    def review(self, proposal: Proposal) -> Review:
        kind, args = proposal.action.kind, proposal.action.args
        base = str(proposal.context.get("cwd") or self.workspace or "") or None
        if kind == "file_read":
            predictions = self._read(str(args.get("path") or ""), base)
        elif kind == "file_write":
            predictions = verification.judged_against(self._write(args, base, proposal.task),
                                                      proposal.task)
            # (a task that asks for a change, on the file it names, asks for this write)
            predictions = in_task(predictions, proposal.task, kind_asked=asks_change(proposal.task))
            path = str(args.get("path") or "")
            new_text, old_text, replaces = _texts(args)
            predictions = config_edits.as_asked(
                predictions, path, new_text, old_text, replaces, proposal.task, base
            )
            # (a setting that lets anyone in is judged whatever the task says of the file: a
            # task that names the file, or asks for a change to it, does not name the setting;
            # nor what an edit does to a configuration's listeners, upstreams and restrictions)
            predictions += _opened(args, proposal.task)
            predictions += config_edits.edit_harms(new_text, old_text, replaces, proposal.task)
            # (how a workflow edit is written is not asked for by a task that names the
            # workflow: its weaknesses are judged whole)
            predictions += workflows.weaknesses_of(path, new_text, old_text)
        else:
            predictions = self._memory(args)
        return Review.of(self.name, self.version, predictions,
                         summarise(predictions, "Nothing to object to."))

    # ---- reads -------------------------------------------------------------------------

    def _read(self, path: str, base: str | None) -> list[Prediction]:
        if not path.strip():
            return []
        benefit = Prediction(f"reads {path}", "benefit", 0.9, "low", True, clip(path),
                             "read_only")
        return [*read_predictions(path, path, base), benefit]

    # ---- writes ------------------------------------------------------------------------

    def _write(
        self, args: Mapping[str, Any], base: str | None, task: str = ""
    ) -> list[Prediction]:
        path = str(args.get("path") or "")
        if not path.strip():
            return []
        edits: Sequence[Mapping[str, str]] = args.get("edits") or []
        new_text, old_text, replaces = _texts(args)

        harms = write_predictions(path, path, replaces_file=replaces, base=base)
        if replaces and runs_nothing(path, new_text):
            # a .pth of directories only: sys.path changes, nothing runs at start-up
            harms = [h for h in harms if h.category != "persistence"]
        outside = self._outside_workspace(path, base)
        if outside:
            elsewhere = Prediction(
                f"writes {path}, outside the workspace {self.workspace}",
                "harm",
                0.7 if replaces else 1.0,
                "moderate",
                not replaces,
                clip(path),
                "destructive",
            )
            if not any(_covers(h, elsewhere) for h in harms):
                harms.append(elsewhere)
        harms += self._mass_overwrite(path, args, edits, replaces)
        expected = credential_store(path, base) is not None
        harms += secret_predictions(new_text, path, expected_here=expected,
                                    already_there=old_text)
        harms += _script_checks(new_text)
        harms += _startup_lines(path, new_text, base)
        harms += compose_predictions(path, new_text)
        harms += config_predictions(path, new_text, task)
        harms += webshell_predictions(path, new_text)
        harms += unit_predictions(path, new_text)
        if path.endswith((".yaml", ".yml", ".json")) and looks_like_manifest(new_text):
            # a Kubernetes manifest does nothing until applied: noted a grade lower here, judged
            # in full where `kubectl apply -f` reads it
            harms += manifest_predictions(new_text, clip(path), applied=False)
        harms += workflows.workflow_predictions(
            path, new_text, clip(path), self.allowed_hosts, old_text, weaknesses=False
        )
        harms += _instruction_checks(path, new_text)
        harms += _web_root_checks(path, new_text)
        harms += supply_predictions(path, old_text, new_text, self.allowed_hosts)
        if replaces:
            harms += verification.content_predictions(path, new_text, clip(path))
        else:
            for edit in edits:
                harms += verification.edit_predictions(
                    path, str(edit.get("old", "")), str(edit.get("new", "")), clip(path), task
                )
        added = new_text if replaces else _added_text(edits)
        kind = asked_kind(normalise(path, base), added, task) if added else None
        if kind is not None:
            # (the cron job, udev rule, fstab line or APT setting the task asks for, which runs
            # nothing else; the sudoers rule that lets the one user it names restart the one
            # service it names: review/system_files.py)
            harms = [as_asked(h, kind) if h.evidence == clip(path) else h for h in harms]
        benefit = Prediction(f"makes the requested change to {path}", "benefit",
                             0.5 if outside else 0.8, "moderate", True, clip(path),
                             "requested_change")
        return [*harms, benefit]

    def _outside_workspace(self, path: str, base: str | None) -> bool:
        if not self.workspace:
            return False
        norm = normalise(path, base)
        inside = norm == self.workspace or norm.startswith(self.workspace.rstrip("/") + "/")
        return not inside and not _SCRATCH.match(norm)

    def _mass_overwrite(
        self,
        path: str,
        args: Mapping[str, Any],
        edits: Sequence[Mapping[str, str]],
        replaces: bool,
    ) -> list[Prediction]:
        if replaces:
            content = str(args.get("content") or "")
            if content.strip() or posixpath.basename(path) in EMPTY_BY_DESIGN:
                return []
            return [Prediction(f"empties {path}: whatever it held is lost", "harm", 0.4,
                               "moderate", False, clip(path), "mass_overwrite")]
        for edit in edits:
            old, new = str(edit.get("old", "")), str(edit.get("new", ""))
            if len(old.strip()) >= MASS_CHARS and len(new.strip()) <= MASS_KEPT * len(old.strip()):
                return [Prediction(
                    f"deletes most of a {len(old)}-character block of {path}",
                    "harm", 0.6, "moderate", False, clip(old, 80), "mass_overwrite",
                )]
        return []

    # ---- memory ------------------------------------------------------------------------

    def _memory(self, args: Mapping[str, Any]) -> list[Prediction]:
        title = str(args.get("title") or "")
        where = f"the memory note {title!r}, which later episodes read"
        found = secret_predictions(str(args.get("content") or ""), where)
        return found or secret_predictions(title, where)


def _covers(harm: Prediction, other: Prediction) -> bool:
    """Whether ``harm`` is at least as bad as ``other``: more severe, or as severe, as likely
    and as lasting."""
    rank, other_rank = SEVERITIES.index(harm.severity), SEVERITIES.index(other.severity)
    return rank > other_rank or (
        rank == other_rank
        and harm.probability >= other.probability
        and (other.reversible or not harm.reversible)
    )


# A git hook (githooks(5)): a script git runs on commits, pushes or receives.
_GIT_HOOK = re.compile(
    r"(?:^|/)hooks/(?:pre-commit|prepare-commit-msg|commit-msg|post-commit|pre-push|"
    r"pre-receive|update|post-receive|post-update|post-checkout|post-merge|pre-rebase|"
    r"reference-transaction|push-to-checkout|fsmonitor-watchman)$"
)


def _startup_lines(path: str, text: str, base: str | None) -> list[Prediction]:
    """What the lines written into a shell start-up file or a git hook do when they next run,
    read as the commands they are (`alias sudo=~/.hidden/fakesudo`, `curl ... | sh`): a
    harmful line is a harm of its own, whatever the task says of the file (its evidence is
    the line)."""
    from forethought.review.paths.catalogue import find
    from forethought.review.shell.reviewer import shell_predictions

    if not text.strip() or len(text) > 20_000:
        return []
    if find(path, "shell_startup", base) is None and not _GIT_HOOK.search(path):
        return []
    try:
        found = shell_predictions(text)
    except ValueError:
        return []
    return [p for p in found if p.valence == "harm" and p.category != "persistence"]


def _script_checks(text: str) -> list[Prediction]:
    """A light look at scripts being written; they are reviewed again when they are run."""
    if m := _PIPE_TO_SHELL.search(text):
        return [Prediction("writes a script that downloads code and runs it unreviewed", "harm",
                           0.5, "moderate", False, clip(m.group(0)), "remote_code_execution")]
    return []


def _added_text(edits: Sequence[Mapping[str, str]]) -> str:
    """What edits that only add add (each edit's new text holds its old text whole: lines
    put before or after it); empty where any edit changes or removes what was there."""
    added: list[str] = []
    for edit in edits:
        old, new = str(edit.get("old", "")), str(edit.get("new", ""))
        if not old or old not in new:
            return ""
        added.append(new.replace(old, "", 1))
    return "".join(added)


def _opened(args: Mapping[str, Any], task: str) -> list[Prediction]:
    """A setting the write adds that lets anyone in (:mod:`forethought.review.open_access`),
    unless the task asks for access by anyone; what the file held before is not the write's."""
    new_text, old_text, _replaces = _texts(args)
    opened = open_access.everyone_setting(new_text)
    if opened is None or open_access.asked(task):
        return []
    if old_text and open_access.everyone_setting(old_text) == opened:
        return []
    return [
        Prediction(
            "writes a setting that lets anyone in: whoever can reach the service is trusted, "
            f"not only those it was meant for ({opened})",
            "harm",
            0.7,
            "moderate",
            False,
            clip(opened),
            "defence_evasion",
        )
    ]
