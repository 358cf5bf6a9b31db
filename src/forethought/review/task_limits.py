"""What the task rules out: a change made where the task only asks to look, or forbids it.

"How many expired sessions are in the table?" asks for a count, not a DELETE; "check whether
nginx is running, do not restart it" forbids the restart; "read-only audit", "we are in a change
freeze" and "don't change anything" forbid every change. The other reviewers judge what an
action does; this one judges it against what the task allows, so that an agent that goes
beyond a look-only task (or against a task's explicit "don't") is stopped and a person asked,
however harmless the change would be in a task that asked for it.

The task is read for a limit (:func:`limit_of`):

- **said outright**: "do not / don't / never / without" with a change of any kind ("don't make
  any changes", "without changing anything", "no changes"), "read-only check|audit|access ...",
  "keep it read-only", "change freeze"; or with one kind of change ("do not restart it",
  "without installing anything", "don't delete ...", "do not push"), which rules out that kind.
  A limit with a condition ("until", "unless", "before", "other than", "except") is not read
  as one: the task allows the change at some point, and what it allows is not this module's
  to judge.
- **implied**: a task with words of looking ("what", "how many", "check", "list", "why",
  "investigate" ...) and no word of change at all ("fix", "restart", "clean", "set up",
  "run" ...). A task that says nothing either way has no limit.

The action is read for changes (:func:`changes`): files it writes or deletes (a temporary file
never counts; the workspace's own files count only where the limit is said outright), SQL that
writes, HTTP PUT, PATCH and DELETE (and POST where the limit is said outright, search, query
and remote-procedure reads aside), package installs and
pushes, and subcommands or options that are verbs of change (``rabbitmqctl delete_queue``,
``systemctl restart``, ``kubectl delete``, ``redis-cli FLUSHALL``, ``firewall-cmd
--add-port``). The verbs and programs are data: ``data/task_changes.toml``.

A task that works in a non-production environment ("on the staging cluster", "in the test
account") and never names production rules out changing what is named as production
(:func:`environment_of`): `kubectl --context prod delete ...`, `psql -h prod-db -c 'DELETE ...'`.
A task that names no environment, no production and no deploying or releasing ("fix the typo in
the README", :func:`silent_on_production`) asks for no change to production either.

Each change the limit rules out is one harm (moderate, certain, reversible: the decision is
to ask a person; the change's own harm is the other reviewers' to weigh). The review is
partial: it judges one aspect of the action, never the whole. Only the task sets a limit; the
agent's reasoning is never read here.
"""

from __future__ import annotations

import functools
import itertools
import re
import tomllib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any, Literal

from forethought.proposal import Proposal
from forethought.review.base import Prediction, Review

NAME = "task_limits"
VERSION = "1.0"
CATEGORY = "beyond_task"
DATA_FILE = "data/task_changes.toml"

Kind = Literal["delete", "service", "install", "publish", "write"]
KINDS: tuple[Kind, ...] = ("delete", "service", "install", "publish", "write")


@dataclass(frozen=True, slots=True)
class Limit:
    """What a task rules out: ``forbids`` (kinds of change), in the task's own ``words``;
    ``explicit``: said outright (the workspace's own files count too), not only implied by a
    task that only asks questions."""

    forbids: frozenset[str]
    words: str
    explicit: bool


@dataclass(frozen=True, slots=True)
class Change:
    """One change an action makes: its ``kind``, what it is in words, the text that makes it,
    and whether it counts only against a limit said outright (``said_only``: the workspace's
    own files, a POST, which remote procedure calls use to read as often as to change)."""

    kind: Kind
    what: str
    evidence: str
    said_only: bool = False
    workspace: bool = False  # the workspace's own files (or repository)


# --------------------------------------------------------------------------------------------
# The data
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Data:
    verbs: Mapping[str, Kind | Literal["read"]]
    readers: frozenset[str]
    developer: frozenset[str]
    refresh_update: frozenset[str]
    language_packages: frozenset[str]
    changes: frozenset[str]
    deleting: frozenset[str]
    stopping: frozenset[str]
    sql_clients: frozenset[str]
    sql_options: frozenset[str]
    dry_run: frozenset[str]
    option_verbs: frozenset[str]


def parse_data(text: str, where: str = DATA_FILE) -> _Data:
    """The verbs and programs of ``text`` (task_changes.toml); a ValueError naming ``where``
    and the entry for anything malformed."""
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"{where}: {exc}") from None
    verbs: dict[str, Kind | Literal["read"]] = {}
    for kind in (*KINDS, "read"):
        for word in _words(raw.get("verbs", {}), kind, where):
            if word in verbs:
                raise ValueError(f"{where}: verb {word!r} is both {verbs[word]} and {kind}")
            verbs[word] = kind  # type: ignore[assignment]
    programs = raw.get("programs", {})
    return _Data(
        verbs,
        *(
            frozenset(_words(programs, key, where))
            for key in (
                "readers",
                "developer",
                "refresh_update",
                "language_packages",
                "changes",
                "deleting",
                "stopping",
                "sql_clients",
                "sql_options",
                "dry_run",
                "option_verbs",
            )
        ),
    )


def _words(table: Any, key: str, where: str) -> list[str]:
    value = table.get(key) if isinstance(table, dict) else None
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise ValueError(f"{where}: {key} must be a list of words")
    return list(value)


@functools.lru_cache(maxsize=1)
def data() -> _Data:
    return parse_data(resources.files("forethought.review").joinpath(DATA_FILE).read_text())


# --------------------------------------------------------------------------------------------
# The task
# --------------------------------------------------------------------------------------------

_NEG = (
    r"(?:do\s+not|don'?t|dont|never|must\s+not|mustn'?t|should\s+not|shouldn'?t|"
    r"without|no\s+need\s+to|avoid|refrain\s+from|under\s+no\s+circumstances(?:\s+should\s+you)?|"
    r"hold\s+off\s+on)"
)
_ADVERB = (
    r"(?:(?:actually|ever|accidentally|yet|also|even|first|please|go\s+and|try\s+to|"
    r"make\s+any|making\s+any|do\s+any|doing\s+any)\s+)?"
)
_CHANGE_VERB = r"(?:chang|modif|alter|touch|edit|writ|fix|mess|tamper|act\b|acting)"
_EVERYTHING = (
    r"(?:anything|any\s*thing|a\s+thing|a\s+single\s+thing|stuff|any\s+files?|the\s+files|"
    r"any\s+state|the\s+system|this\s+(?:system|machine|server|box|host))"
)
_FORBID_ALL = re.compile(
    rf"\b{_NEG}\s+{_ADVERB}(?:(?:make|making|do|doing|take|taking)\s+)?(?:any\s+)?"
    r"(?:changes?|modifications?|writes?|fixes|actions?|cleanup|clean-?ups?)\b"
    r"(?!\s+(?:to|in|of|on)\b)|"
    rf"\b{_NEG}\s+{_ADVERB}{_CHANGE_VERB}\w*(?:\s+(?:{_EVERYTHING}|to\s+disk)\b|"
    r"\s*(?:[.;!,]|$))|"
    rf"\b{_NEG}\s+(?:do|doing)\s+anything\b|"
    # ("show me which migrations would run; don't run them": what was shown is not to be done)
    rf"\b{_NEG}\s+{_ADVERB}(?:run|execute|apply|perform)\s+(?:them|it|those|these|anything)\s*(?:[.;!,]|$)|"
    r"\b(?:make|makes|making|take|takes|taking)\s+no\s+(?:changes|actions?|modifications)\b|"
    r"(?<!\bwith\s)\bno\s+(?:changes|modifications|writes|fixes|cleanup|clean-?up)\b"
    r"(?!\s+(?:to|in|of|on|are|were|have|has|needed|required)\b)|"
    r"\b(?:strictly|absolutely)\s+no\s+\w+|"
    r"\bnothing\s+(?:should|must|may|can|is\s+to|gets|will)\s+(?:be\s+|get\s+)?"
    r"(?:chang|modif|touch|alter|delet|writ|remov)\w*|"
    r"\b(?:leave|keep)\s+(?:it|them|everything|things|it\s+all|all\s+of\s+it|the\s+system)\s+"
    r"(?:alone|as[- ]is|as\s+it\s+is|as\s+they\s+are|untouched|unchanged|intact)\b|"
    # ("it's in use by the nightly job, leave it.": a clause that ends the sentence)
    r"[,;:]\s*(?:just\s+|so\s+)?leave\s+(?:it|them)\s*(?=[.!]|$)|"
    r"\b(?:investigate|diagnose|observe|report|look|inspect|audit|analy[sz]e|check)[- ]only\b|"
    r"\b(?:as|do|perform|just|only|is)\s+(?:a\s+)?dry[- ]run\b(?!\s+(?:flag|option))|"
    r"\bdry[- ]run\s+only\b|"
    r"\b(?:change|code|deploy(?:ment)?)[- ]freeze\b|"
    r"\bread[- ]only\s+(?:check|audit|review|investigation|access|mode|task|look|pass|"
    r"inspection|session|quer(?:y|ies)|inventory|triage|analysis|diagnosis|report|survey|"
    r"troubleshooting|health[- ]check|sweep|walk-?through|assessment|job)\b|"
    r"\b(?:keep\s+(?:it|this|everything)|stay|strictly|purely|remain|only|just)\s+read[- ]only\b|"
    r"^\s*read[- ]only\b\s*[:,.\-]|"
    r"\bhands\s+off\b",
    re.IGNORECASE,
)
# A change forbidden on one named thing ("don't alter the database", "leave the config
# untouched"): it limits the task where the task asks for no change of its own.
_FORBID_OBJECT = re.compile(
    rf"\b{_NEG}\s+{_ADVERB}{_CHANGE_VERB}\w*\s+(?:the|any|your|our|my|its|this|that|these|"
    r"those|it|them)\b|"
    r"\b(?:leave|keep)\s+(?:the|our|my|this|that|those|these)\s+[\w./-]+(?:\s+[\w./-]+)?\s+"
    r"(?:alone|as[- ]is|as\s+it\s+is|untouched|unchanged|intact)\b|"
    r"\b(?:is|are)\s+off[- ]limits\b|"
    rf"\b{_NEG}\s+{_ADVERB}(?:(?:make|making)\s+)?(?:any\s+)?(?:changes|modifications)\s+"
    r"(?:to|in|on)\s+(?:the|any|your|our|my|this|that)\b",
    re.IGNORECASE,
)
_FORBID_KIND = re.compile(
    rf"\b{_NEG}\s+{_ADVERB}(?:(?:the|any|anything)\s+)?"
    r"(?P<verb>restart|reboot|stop|kill|shut\s*down|bounce|reload|"
    r"delet|remov|drop|purg|truncat|flush|wip|eras|clear|destroy|tear\s*down|"
    r"install|upgrad|uninstall|push|deploy|publish|releas|merg|apply|roll\s*out)\w*",
    re.IGNORECASE,
)
# Where a request's verb starts: a sentence or clause, or after a word that asks for it.
_CLAUSE_START = (
    r"(?:^|[.;:!?,(]\s*|\n\s*(?:[-*]\s*)?|\b(?:and|then|but|also|please|to|so|now|just|"
    r"you|we|i|can|could|will|would|should|must|need)\s+)(?:(?:please|also|then|now|just|only|"
    r"simply|first)\s+)*"
)
# Work the user keeps for themselves ("I'll apply it myself after review", "I will merge it
# myself"): that kind of change is not the agent's to make.
_SELF_KIND = re.compile(
    r"\bI(?:'ll|\s+will|\s+am\s+going\s+to|'m\s+going\s+to)\s+(?:do\s+the\s+)?"
    r"(?P<verb>restart|reboot|stop|kill|delet|remov|drop|purg|destroy|tear\s*down|install|"
    r"upgrad|uninstall|push|deploy|publish|releas|merg|apply|roll\s*out)\w*"
    r"(?:\s+(?:it|them|this|that|the\s+[\w-]+))?\s+(?:myself|by\s+hand|manually)\b",
    re.IGNORECASE,
)
_KIND_OF_VERB: tuple[tuple[str, Kind], ...] = (
    ("restart reboot stop kill shut bounce reload", "service"),
    ("delet remov drop purg truncat flush wip eras clear destroy tear", "delete"),
    ("install upgrad uninstall", "install"),
    ("push deploy publish releas merg apply roll", "publish"),
)
# Words after a limit that make it conditional: the change is allowed at some point. A limit
# until a day or a time ("change freeze until Monday", "don't deploy until tomorrow") holds now.
_CONDITION = re.compile(
    r"[^.;!?\n]{0,80}?\b(?:until|unless|before|after|once|except|else|other\s+than|apart\s+from|"
    r"besides|beyond|outside\s+(?:of\s+)?(?:the|this|my|our)|if\s+(?:it|you|the|there))\b"
    r"(?!\s*(?:[).;!?\n]|$))"  # ("we'll decide about repair after": afterwards, not a condition)
    r"(?!\s+(?:(?:next|this|the\s+end\s+of(?:\s+the)?)\s+)?(?:monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday|tomorrow|tonight|morning|noon|midnight|week|weekend|"
    r"month|quarter|eod|eow|\d{1,2}(?::\d\d)?\s*(?:am|pm|utc)|\d{4}-\d\d-\d\d|"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*\s+\d))",
    re.IGNORECASE,
)
# Words of looking where a request puts them: a question opening a sentence ("why is nginx
# down?", "which regions are enabled?"), or a verb of looking opening a clause ("list the
# queues", "and tell me how many"); not a description of the work ("the feature, which
# installs the CLI", "the step that runs when the image builds").
_LOOK = re.compile(
    r"(?:^|[.;:!?(]\s*|\n\s*(?:[-*]\s*)?)(?:(?:so|now|then|and|but|also|please|quick)\s+)*"
    r"(?:what|which|how\s+many|how\s+much|how|why|where|when|who|whether|is\s+there|"
    r"are\s+there|(?:is|are|was|were|does|do|did|has|have)\b(?=[^.!\n]*\?))\b|"
    r"(?:^|[.;:!?(]\s*|\s[-\u2013\u2014]\s+|\n\s*(?:[-*]\s*)?|,\s*|"
    r"\b(?:and|then|please|to|so|now|you|we|i|me|us|can|could|would|first)\s+)"
    r"(?:(?:please|just|only|quickly|first|also)\s+)*"
    r"(?:check|list|show|display|print|tell|find\s+out|look|investigate|diagnose|audit|review|"
    r"report\s+(?:on|back|whether|what|which|how|if|to\s+me)|preview|"  # (not "the nightly report")
    r"inspect|summari[sz]e|count|explain|describe|compare|verify|confirm|identify|determine|"
    r"examine|analy[sz]e|query|search|locate|measure|see|keep\s+an\s+eye\s+on|"
    r"(?<=just\s)report|(?<=only\s)report|"
    r"(?:give|get)\s+me\s+(?:a\s+|the\s+)?(?:list|summary|count|overview|rundown|breakdown))\b|"
    # ("Report replication status of the replica.": a request where it opens a sentence)
    r"(?:^|[.;:!?]\s+|\n\s*(?:[-*]\s*)?)(?:please\s+)?report\b(?!\s+(?:is|was|job|generat))",
    re.IGNORECASE,
)
# Any word of change in the task: then the task asks for some change, and what change is the
# other reviewers' and the scope's to judge.
_CHANGE_STEMS = (
    r"(?:append|prepend|uncomment|comment\s+out|fix|repair|resolv|delet|remov|clean|clear|purg|reset|restart|reload|stop|start|kill|"
    r"install|uninstall|upgrad|updat|patch|deploy|roll|appl|set|configur|creat|add|enabl|disabl|"
    r"chang|modif|edit|writ|wrote|renam|move|moving|cop(?:y|ie)|migrat|rotat|revok|grant|open|"
    r"close|mount|format|build|compil|run|ran|execut|make|making|generat|free|reclaim|shrink|"
    r"grow|resiz|scal|drain|cordon|evict|prune|flush|truncat|drop|restor|backup|back\s+up|"
    r"archiv|compress|extract|unpack|sync|push|pull|commit|merg|rebas|tag|releas|publish|"
    r"upload|download|send|sent|e-?mail|post|schedul|automat|harden|secur|lock|unlock|bump|"
    r"pin|replac|convert|optimi|tun|refactor|implement|prepar|provision|launch|spin|tear|bring|"
    r"get\s+rid|take\s+care|handle|sort\s+out|ensure|make\s+sure|save|stor|import|"
    r"export|load|seed|populat|train|regist|subscrib|block|allow|permit|deny|ban|approv|reject|"
    r"cancel|abort|terminat|shut|reboot|paus|resum|suspend|reinstall|rebuild|recreat|"
    r"regenerat|reindex|vacuum|compact|turn|switch|toggl|join|leav|invit|promot|demot|assign|"
    r"attach|detach|expos|forward|serve|put|insert|renew|enrol|onboard|offboard|"
    r"give(?!\s+me\b)|tidy|organi|rearrang|nuke|wipe|eras|destroy|retir|decommission|mute|silenc|ack|"
    r"reopen|kick|bounce|recover|rescue|mitigat|remediat|correct|adjust|increas|decreas|"
    r"rais|lower|throttl|reduc|extend|expand|align|downgrad|mirror|trim|housekeep|"
    r"keep\s+(?:just\s+|only\s+)?(?:the\s+)?(?:last|newest|latest|most\s+recent|\d+)|"
    r"transfer|deliver|submit|share|grab|fetch|help|let\s+me|unblock|snapshot|get\s+\w+\s+"
    r"(?:working|running|back|up|fixed|done|going))\w*"
)
_CHANGE = re.compile(
    r"(?:^|[.;:!?]\s+)log\b|"  # "Log failed sudo attempts", not "/var/log"
    rf"\b{_CHANGE_STEMS}",
    re.IGNORECASE,
)
# A word of change where a request puts it: starting a clause, after "and", "then", "to", "you"
# ("check the logs and restart it", "can you restart it?", "I need to delete..."), not as a noun
# or a state ("why run 12345 failed", "whether the deploy workflow passed", "which regions are
# enabled"). A task with words of looking and no such request only asks to look.
_CHANGE_REQUESTED = re.compile(
    r"(?:^|[.;:!?(]\s*|\s[-\u2013\u2014]\s+|\n\s*(?:[-*]\s*)?|,\s*|"
    r"\b(?:and|or|then|but|also|please|pls|kindly|so|now|you|we|i|me|us|let'?s|must|should|"
    r"can|could|will|would|need|needs|want|"
    # ("decide what to close", "tell me how to fix it": a question, not a request)
    r"(?<!\bwhat\s)(?<!\bwhich\s)(?<!\bwhether\s)(?<!\bhow\s)(?<!\bwhere\s)(?<!\bwhen\s)to)\s+)"
    r"(?:(?:please|also|then|now|just|only|simply|quickly|force|go\s+ahead\s+and)\s+)*"
    r"(?:\w+ly\s+)?(?:re-?)?"
    rf"(?:{_CHANGE_STEMS}|redirect\w*|output\s+(?:it\s+|them\s+|the\s+\w+\s+)?(?:to|into)\b|"
    # (work asked for by its name: "do the 'Create a federated credential' step")
    r"(?:do|perform|carry\s+out|follow|complete|proceed|continue|go\s+ahead|work\s+through)\b)",
    re.IGNORECASE,
)


# How a hook joins the user's later turns to the first (integrations/transcript.py): each later
# turn on a line of its own.
_LATER_TURNS = "\n\nLater, the user said:\n"


@functools.lru_cache(maxsize=256)  # a session reviews many actions for one task
def limit_of(task: str) -> Limit | None:
    """What ``task`` rules out, or None where it rules nothing out (see the module). Where the
    task holds the user's later turns, the latest turn that says something of changes decides:
    "don't change anything" followed later by "go ahead and restart it" rules nothing out."""
    if not task.strip():
        return None
    first, _, rest = task.partition(_LATER_TURNS)
    for turn in reversed([t for t in rest.split("\n") if t.strip()]):
        said = _said_limit(turn)
        if said is not None:
            return said
        if _CHANGE.search(turn):
            return None
    said = _said_limit(first)
    if said is not None:
        return said
    if _LOOK.search(first) and not _CHANGE_REQUESTED.search(first):
        return Limit(frozenset(KINDS), _quote(first, None), False)
    return None


# Words without which no limit is said outright: a cheap test before the patterns.
_SAID_CUES = (
    "not",
    "n't",
    "dont",
    "never",
    "without",
    "no ",
    "avoid",
    "refrain",
    "freeze",
    "only",
    "leave",
    "keep",
    "hold off",
    "dry",
    "hands off",
    "nothing",
    "circumstances",
    "off-limits",
    "off limits",
    "no\n",
    "myself",
    "by hand",
    "manually",
)
# A change the task asks for in so many words (an imperative verb of change starting a clause):
# where it does, a limit said on everything ("don't change anything") means everything else,
# which is not this module's to judge.
_ASKS_CHANGE = re.compile(
    r"(?:^|[.;:!?]\s*|\n\s*(?:-\s*)?|\b(?:and|then|but|also|please|to|so|now)\s+|,\s*)"
    r"(?:(?:please|also|then|now|just|only|simply|go\s+ahead\s+and)\s+)*(?:\w+ly\s+)?"
    r"(?:remount|unmount|fix|repair|resolv|delet|remov|clean|clear|purg|reset|restart|reload|stop|kill|"
    # ("start a consistency check": starting a look is not a change)
    r"start(?!\s+(?:a|an|the)\s+(?:[\w-]+\s+)?(?:check|scan|audit|scrub|review|dry[- ]run)\b)|"
    r"install|uninstall|upgrad|updat|patch|deploy|roll\s*back|apply|set\s+up|set|configur|"
    r"creat|add|enabl|disabl|chang|modif|edit|writ|renam|move|copy|migrat|rotat|revok|grant|"
    r"mount|format|build|compil|generat|free\s+up|reclaim|shrink|resiz|scale|drain|cordon|"
    r"prune|flush|truncat|drop|restor|back\s*up|archiv|sync|push|pull|commit|merg|rebas|tag|"
    r"releas|publish|upload|send(?!\s+(?:me|us|back)\b)|schedul|harden|lock|unlock|bump|pin|"
    r"replac|convert|optimi|tune|refactor|implement|provision|launch|spin\s+up|tear\s+down|get\s+rid|save|import|"
    r"seed|populat|regist|block|allow|deny|ban|approv|reject|cancel|terminat|shut|reboot|"
    r"reinstall|rebuild|recreat|regenerat|reindex|vacuum|turn|switch|invit|promot|assign|"
    r"attach|detach|expos|forward|insert|renew|tidy|wipe|eras|destroy|decommission|mute|"
    r"silenc|recover|remediat|correct|adjust|increas|decreas|rais|lower|extend|expand|"
    r"transfer|share|append|prepend|uncomment|comment\s+out|take\s+(?:a\s+)?snapshot)\w*",
    re.IGNORECASE,
)


def _said_limit(task: str) -> Limit | None:
    """The limit ``task`` says outright, if any: on every change ("don't change anything",
    "read-only audit"), on one named thing ("don't alter the database": a limit where the task
    asks for no change of its own, as the workspace's files aside), or on kinds of change ("do
    not restart it")."""
    lower = task.lower()
    if not any(cue in lower for cue in _SAID_CUES):
        return None
    spans: list[tuple[int, int]] = []
    everything = ""
    for m in _FORBID_ALL.finditer(task):
        if not _CONDITION.match(task, m.end()):
            spans.append(m.span())
            everything = everything or _quote(task, m)
    named = ""
    for m in _FORBID_OBJECT.finditer(task):
        if not _CONDITION.match(task, m.end()):
            spans.append(m.span())
            named = named or _quote(task, m)
    kinds: set[str] = set()
    words = ""
    for m in _FORBID_KIND.finditer(task):
        if _CONDITION.match(task, m.end()):
            continue
        verb = m.group("verb").lower()
        rest = task[: m.start()] + task[m.end() :]
        if re.search(rf"{_CLAUSE_START}{re.escape(verb[:5])}", rest, re.IGNORECASE):
            continue  # "delete the old logs, do not delete today's": the task asks for it
            # (not "the release manager merges": someone else's work)
        said = {
            kind
            for stems, kind in _KIND_OF_VERB
            if any(verb.startswith(stem) for stem in stems.split())
        }
        if "delete" in said and _asks_deletion(rest):
            continue  # "remove it from the state file; don't destroy anything": asked for
        spans.append(m.span())
        kinds |= said
        words = words or _quote(task, m)
    for m in _SELF_KIND.finditer(task):
        verb = m.group("verb").lower()
        said = {
            kind
            for stems, kind in _KIND_OF_VERB
            if any(verb.startswith(stem) for stem in stems.split())
        }
        if verb.startswith(("apply", "deploy", "roll")):
            said.add("service")  # (`pulumi up`, `docker compose up`: applying starts things too)
        spans.append(m.span())
        kinds |= said
        words = words or _quote(task, m)
    if everything or named:
        rest = task
        for a, b in sorted(spans, reverse=True):
            rest = f"{rest[:a]} ~ {rest[b:]}"  # (no word of the limit reads as a request)
        if not _ASKS_CHANGE.search(rest):
            if everything:
                return Limit(frozenset(KINDS), everything, True)
            return Limit(frozenset(KINDS), named, False)
    return Limit(frozenset(kinds), words, True) if kinds else None


# A deletion the task asks for, starting a clause: "remove it from the state file".
_ASKS_DELETION = re.compile(
    r"(?:^|[.;:!?]\s*|\b(?:and|then|but|also|please|to|so|now|just)\s+|,\s*)"
    r"(?:(?:please|also|then|now|just|only|simply)\s+)*"
    r"(?:delete|remove|drop|purge|prune|clear|wipe|erase|clean\s+up|get\s+rid\s+of)\b",
    re.IGNORECASE,
)


@functools.lru_cache(maxsize=256)
def asks_change(task: str) -> bool:
    """Whether ``task`` asks for a change in so many words (a verb of change starting one of
    its clauses: "Add HSTS to the site block", "then switch the upstream"), and rules none out."""
    return _ASKS_CHANGE.search(task) is not None and limit_of(task) is None


def _asks_deletion(text: str) -> bool:
    return _ASKS_DELETION.search(text) is not None


def _quote(task: str, m: re.Match[str] | None) -> str:
    """The task's words that say the limit: the sentence of the match, or the task's start."""
    if m is None:
        text = task.strip()
    else:
        start = max(task.rfind(c, 0, m.start()) for c in ".;!?\n") + 1
        ends = [i for i in (task.find(c, m.end()) for c in ".;!?\n") if i >= 0]
        text = task[start : min(ends) if ends else len(task)].strip()
    text = " ".join(text.split())
    return text if len(text) <= 90 else f"{text[:87]}..."


# --------------------------------------------------------------------------------------------
# The action
# --------------------------------------------------------------------------------------------

_TEMPORARY = ("temporary_file",)
_DISCARDED = re.compile(r"^(?:/dev/(?:null|stdout|stderr|tty|fd/\d+)|/proc/self/fd/\d+|&?\d*)$")
_DELETING_HOW = frozenset(
    {"rm", "unlink", "rmdir", "shred", "srm", "wipe", "truncate", "mv (source)"}
)
_IDENTIFIER = re.compile(r"^[A-Za-z][\w:.-]{0,60}$")
# Subcommands that run a command elsewhere: what they change is what that command changes.
_REMOTE_RUN = frozenset({"run-command", "send-command", "start-session", "ssh", "exec", "invoke"})
# An application's own console, run by its interpreter or by path (`python manage.py flush`,
# `php artisan migrate:fresh`, `php /var/www/matomo/console core:update`, `bin/console
# doctrine:schema:drop`, `php occ maintenance:mode --on`): its first operand is a subcommand.
_PROJECT_SCRIPT = re.compile(r"(?:^|/)(?:manage\.py|artisan|rails|rake|console|occ|yii|spark)$")
_PACKAGE_VERBS: dict[str, Kind] = {
    "install": "install",
    "i": "install",
    "add": "install",
    "ci": "install",
    "remove": "install",
    "rm": "install",
    "uninstall": "install",
    "un": "install",
    "upgrade": "install",
    "reinstall": "install",
    "sync": "install",
    "update": "install",
    "erase": "install",
    "purge": "install",
    "autoremove": "install",
    "dist-upgrade": "install",
    "full-upgrade": "install",
    "downgrade": "install",
    "publish": "publish",
    "deploy": "publish",
    "release": "publish",
    "push": "publish",
    "upload": "publish",
}
_GIT: dict[str, Kind] = {
    "push": "publish",
    "clean": "delete",
    "rm": "delete",
    "reset": "write",
    "checkout": "write",
    "restore": "write",
    "commit": "write",
    "merge": "write",
    "rebase": "write",
    "pull": "write",
    "stash": "write",
    "cherry-pick": "write",
    "revert": "write",
    "am": "write",
    "apply": "write",
    "mv": "write",
    "switch": "write",
    "gc": "delete",
    "prune": "delete",
    "filter-branch": "write",
    "filter-repo": "write",
    "update-ref": "write",
    "init": "write",
    "clone": "write",
}
_GIT_LOOKS_WITH_OPERANDS = frozenset({"branch", "tag", "remote", "config", "worktree", "notes"})
_IPTABLES = re.compile(r"^(?:ip6?tables|ebtables|arptables)(?:-legacy|-nft)?$")
_IPTABLES_CHANGE = {
    "-A": "write",
    "-I": "write",
    "-R": "write",
    "-P": "write",
    "-N": "write",
    "-E": "write",
    "-D": "delete",
    "-F": "delete",
    "-X": "delete",
    "-Z": "write",
}
_HTTP_READS = re.compile(
    r"(?:^|/)(?:_search|_msearch|_count|_mget|_validate|_explain|_analyze|_sql|_field_caps|"
    r"search|query|query_range|graphql|explain|lookup|batchGet|validate)(?:[/?#]|$)",
    re.IGNORECASE,
)
# A Google-style custom method that reads (AIP-136: `projects/p:getIamPolicy`,
# `:testIamPermissions`, `instances:batchGet`), sent as a POST.
_CUSTOM_READ = re.compile(r":(?:get|list|search|lookup|query|batchGet|test)[A-Za-z]*$")
_MUTATION = re.compile(r"\bmutation\b")
# A remote procedure call that reads: AWS's X-Amz-Target or Action, a JSON-RPC method, a Salt
# function, whose name begins with a verb of reading.
_RPC_READ = re.compile(
    r"(?:X-Amz-Target:\s*[\w.]*\.|[?&]Action=|\"(?:method|fun|action|Action)\"\s*:\s*\"(?:[\w]+[./])*)"
    r"(?:Get|List|Describe|Lookup|Search|BatchGet|Query|Scan|Head|Check|Show|Status|Ping|Info|"
    r"Version|Read|Count)(?=[A-Z_.\W]|$)",
    re.IGNORECASE,
)
_MONGO_CHANGE = re.compile(
    r"\.(?:(delete|remove|drop)\w*|insert\w*|update\w*|replace\w*|rename\w*|create\w*|"
    r"bulkWrite)\s*\(",
)
_CHANGE_OPS: dict[str, Kind] = {
    "write": "write",
    "append": "write",
    "delete": "delete",
    "wipe": "delete",
    "truncate": "delete",
    "chmod": "write",
    "setuid": "write",
    "chown": "write",
    "signal": "service",
    "disable": "service",
    "account": "write",
    "security_change": "write",
    "install": "install",
    "schedule": "write",
    "kernel_load": "write",
    "mount": "write",
    "provision": "write",
    "flood": "service",
}


def changes(proposal: Proposal) -> list[Change]:
    """Every change ``proposal``'s action makes, as far as a static reading tells."""
    kind, args = proposal.action.kind, proposal.action.args
    if kind == "shell":
        command = str(args.get("command") or "")
        return shell_changes(command) + _session_files_run(command, proposal)
    if kind == "python":
        return python_changes(str(args.get("code") or ""))
    if kind == "http":
        return http_changes(args)
    if kind == "file_write":
        path = str(args.get("path") or "")
        return list(_file_change(path, "write", f"writes {path}", path)) if path else []
    return []


def _session_files_run(command: str, proposal: Proposal) -> list[Change]:
    """The changes of the files ``command`` runs that an earlier step of the session wrote
    (`bash fix.sh` after a step wrote fix.sh): running a file changes what its content does."""
    if not proposal.steps or not command.strip():
        return []
    from forethought.review.shell.parse import analyze
    from forethought.review.shell.session_rules import executed_path
    from forethought.session import facts

    session = facts(proposal.steps)
    if not session.written:
        return []
    analysis = analyze(command)
    out: list[Change] = []
    for cmd in analysis.commands:
        executed = executed_path(cmd, analysis)
        content = session.content_of(executed[0], cmd.cwd) if executed is not None else None
        if executed is None or content is None:
            continue
        inner = python_changes(content) if executed[1] == "python" else shell_changes(content)
        out += [
            Change(
                c.kind,
                f"runs {executed[0]}, which {c.what}",
                cmd.text or command,
                c.said_only,
                c.workspace,
            )
            for c in inner
        ]
    return out


def shell_changes(command: str) -> list[Change]:
    from forethought.review.shell.parse import analyze

    if not command.strip():
        return []
    analysis = analyze(command)
    out: list[Change] = []
    for cmd in analysis.commands:
        upstream = " ".join(
            " ".join(c.args) for c in analysis.upstream(cmd) if c.name in ("echo", "printf", "cat")
        )
        out += _command_changes(cmd.name, cmd.args, cmd.text or command, cmd, upstream)
    return out


_COMPRESSORS = frozenset({"gzip", "gunzip", "xz", "unxz", "bzip2", "bunzip2", "zstd", "lz4"})
_COMPRESSOR_LOOKS = frozenset({"-l", "--list", "-t", "--test", "-c", "--stdout", "-lv", "-tv"})


def _mount_operands(args: Sequence[str]) -> list[str]:
    out, skip = [], False
    for a in args:
        if skip:
            skip = False
        elif a in ("-t", "-o", "-O", "-T", "-L", "-U", "--types", "--options", "-N"):
            skip = True
        elif not a.startswith("-"):
            out.append(a)
    return out


def _command_changes(
    name: str, args: list[str], evidence: str, cmd: Any, upstream: str = ""
) -> Iterator[Change]:
    from forethought.review.shell.writes import write_targets

    d = data()
    base = name.rsplit("/", 1)[-1]
    if any(_generic_dry_run(a) for a in itertools.takewhile(lambda a: a != "--", args)) or (
        program_dry_run(base, args)
    ):
        return
    operands = [a for a in args if not a.startswith("-")]
    for (program, *words), doing in _LISTS_UNLESS.items():
        if (
            base == program
            and operands[: len(words)] == words
            and not any(a.split("=", 1)[0] in doing for a in args)
        ):
            return
    for w in write_targets(cmd):
        if _DISCARDED.match(w.path) or w.path.startswith((">(", "<(")):
            continue
        if w.how == "crontab":
            yield Change("write", "replaces a crontab", evidence)
            continue
        deleting = w.how in _DELETING_HOW
        verb = "deletes" if deleting else "writes"
        yield from _file_change(
            w.path, "delete" if deleting else "write", f"{verb} {w.path}", evidence, cmd.cwd
        )
    if base == "find":
        if any(a == "-delete" for a in args):
            for root in _find_roots(args):
                yield from _file_change(root, "delete", f"deletes files under {root}", evidence)
        return
    if base not in d.readers or base in _READERS_WITH_CHANGE_OPTIONS:
        yield from _options(base, args, evidence)
    if base in d.readers:
        # (a reader changes only the files it writes, above, and by its options of change)
        if base == "date" and any(a in ("-s", "--set") or a.startswith("--set=") for a in args):
            yield Change("write", "sets the system clock", evidence)
        return
    if base in d.sql_clients or base in ("mongosh", "mongo"):
        yield from _sql_changes(base, args, evidence, (cmd.stdin or "") + "\n" + upstream)
        return
    if base == "git":
        yield from _git(args, evidence)
        return
    if _IPTABLES.match(base):
        for a in args:
            if a in _IPTABLES_CHANGE:
                k: Kind = "delete" if _IPTABLES_CHANGE[a] == "delete" else "write"
                yield Change(k, f"changes the firewall rules ({base} {a})", evidence)
                return
        return
    if base == "sysctl":
        if "-w" in args or any("=" in a and not a.startswith("-") for a in args):
            yield Change("write", "changes kernel settings", evidence)
        return
    if base == "hostname":
        if (len(args) == 1 and not args[0].startswith("-")) or any(
            a in ("-F", "--file", "-b", "--boot") for a in args
        ):
            yield Change("write", "renames the machine", evidence)
        return
    if base == "crontab":
        return  # (its files are above)
    if base in ("mount", "swapon") and not _mount_operands(args):
        return  # (with no device and no mount point it lists what is mounted)
    if base in _COMPRESSORS and any(a in _COMPRESSOR_LOOKS for a in args):
        return  # (`gzip -l`, `xz --test`: reads the archive)
    if base in d.changes:
        if args or base in d.stopping:
            k = "delete" if base in d.deleting else "service" if base in d.stopping else "write"
            yield Change(k, f"runs `{base}`", evidence)
        return
    if base in d.developer:
        yield from _developer(base, args, evidence)
        return
    if name.startswith(("./", "bin/")) or ("/" in name and not name.startswith("/")):
        if _PROJECT_SCRIPT.search(name):
            action = _subcommand([a for a in args if not a.startswith("-")])
            if action is not None:
                yield Change(action[0], f"`{base} {action[1]}`", evidence)
        return  # the project's own scripts
    if base in _HTTP_CLIENTS:
        yield from _curl(base, args, evidence)
        return
    if base in _SOCKET_CLIENTS and upstream:
        # commands written to a control socket (`echo "disable server app/web2" | socat stdio
        # /var/run/haproxy.sock`): each clause is read as a subcommand
        for clause in re.split(r"[;\n]", upstream):
            said = _subcommand(clause.split())
            if said is not None:
                yield Change(said[0], f"`{said[1]}` through {base}", f"{clause.strip()} | {base}")
        return
    sql = next((a for a in operands if " " in a.strip() and _SQL_TEXT.match(a)), None)
    if sql is not None and any(_RUNS_SQL.search(w) for w in operands[:3] if w != sql):
        # a console's subcommand that runs the SQL it is given (`moosh sql-run "SELECT ..."`,
        # `drush sql:query`, `wp db query`): what the SQL does
        yield from _sql_change(sql, evidence)
        return
    found = _subcommand(args)
    if found is not None:
        yield Change(found[0], f"`{base} {found[1]}`", evidence)
        return
    if not administers(base):
        return
    for clause in _console_commands(args):
        # a console command given as an option's value (`asterisk -rx "core stop gracefully"`)
        said = _subcommand(clause.split())
        if said is not None:
            yield Change(said[0], f"`{base} {clause[:60]}`", evidence)
            return
    said = _name_verb(base, operands)
    if said is not None:
        # the program's name holds its verb (`pcp_promote_node -n 1`, `pcp_stop_pgpool`)
        yield Change(said[0], f"`{base}`", evidence)
    elif upstream and not operands:
        # an administration console given its commands on standard input (`echo 'purge
        # volume=Full-0001 yes' | bconsole`): each line is read as a subcommand
        for clause in re.split(r"[;\n]", upstream):
            said = _subcommand(clause.split())
            if said is not None:
                yield Change(said[0], f"`{said[1]}` through {base}", f"{clause.strip()} | {base}")
                return


_SOCKET_CLIENTS = frozenset({"socat", "nc", "ncat", "netcat"})


def _find_roots(args: Sequence[str]) -> list[str]:
    """The paths find(1) starts from: its operands before the first expression word."""
    roots: list[str] = []
    for a in args:
        if a.startswith(("-", "(", "!", ")")) and a not in ("-",):
            if a in ("-H", "-L", "-P"):
                continue
            break
        roots.append(a)
    return roots or ["."]


def _file_change(
    path: str, op: str, what: str, evidence: str, cwd: str | None = None
) -> Iterator[Change]:
    from forethought.review.shell.catalogue import resource_of_path

    resource = resource_of_path(path, op, cwd)
    if resource in _TEMPORARY:
        return
    kind: Kind = "delete" if op == "delete" else "write"
    mine = resource == "workspace_file"
    yield Change(kind, what, evidence, said_only=mine, workspace=mine)


# Options whose value names what the program does (`mdadm --action=repair`, `--op delete`).
_ACTION_OPTIONS = frozenset({"action", "op", "operation", "mode", "command", "cmd", "do", "task"})


def _options(base: str, args: list[str], evidence: str) -> Iterator[Change]:
    d = data()
    for i, a in enumerate(args):
        if not a.startswith("-") or a in ("-", "--"):
            continue
        name, eq, value = a.lstrip("-").partition("=")
        if name.lower() in _ACTION_OPTIONS:
            if not eq and i + 1 < len(args):
                value = args[i + 1]
            verb = re.split(r"[-_:.]", value.lower(), maxsplit=1)[0]
            kind = d.verbs.get(verb, "write" if verb in d.option_verbs else None)
            if kind is not None and kind != "read":
                yield Change(kind, f"`{base} {a if eq else f'{a} {value}'}`", evidence)
                return
        words = re.split(r"[-_]", name.lower())
        if not words or len(words[0]) < 3:
            continue
        if words[0] in d.option_verbs or (words[0] in ("add", "set") and len(words) > 1):
            kind = d.verbs.get(words[0], "write")
            yield Change(
                kind if kind != "read" else "write", f"`{base} {a.split('=', 1)[0]}`", evidence
            )
            return


# Options whose value is a command for the program's own console (`asterisk -rx "..."`,
# `varnishadm -x`, `--execute`, `--eval`); an SQL client's -e/-c are read as SQL, above.
_CONSOLE_OPTIONS = frozenset(
    {"-x", "-rx", "-e", "-c", "--execute", "--exec", "--command", "--eval"}
)


def _console_commands(args: Sequence[str]) -> Iterator[str]:
    """The console commands given as option values, where one has more than one word."""
    for i, a in enumerate(args):
        name, eq, value = a.partition("=")
        if name in _CONSOLE_OPTIONS:
            if not eq:
                value = args[i + 1] if i + 1 < len(args) else ""
            if " " in value.strip():
                yield value.strip()


def _name_verb(base: str, operands: Sequence[str]) -> tuple[Kind, str] | None:
    """The verb of change in a program's name, as its pieces split at "_" and "-"
    (`pcp_promote_node`, `pcp_detach_node`, `pcp_stop_pgpool`), or None where a read verb comes
    first (`pcp_node_info`) or none is there; only where no operand is a verb of its own."""
    pieces = re.split(r"[-_]", base.lower())
    if len(pieces) < 2:
        return None
    verbs = data().verbs
    if any(verbs.get(p) for o in operands[:3] for p in re.split(r"[-_:.]", o.lower())):
        return None
    for piece in pieces:
        kind = verbs.get(piece)
        if kind == "read":
            return None
        if kind is not None and (kind != "write" or piece in _NAME_WRITE_VERBS):
            return kind, piece
    return None


# Verbs of "write" that say what a program does when they are in its name; not the words that
# name a client or a tool's trade (`gpg-connect-agent`, `systemd-run`, `git-lfs`, `ssh-copy-id`).
_NAME_WRITE_VERBS = frozenset(
    {"set", "add", "create", "update", "attach", "detach", "modify", "change", "grant", "assign",
     "rename", "replace", "restore", "reset", "revoke"}
)


def _subcommand(args: Sequence[str]) -> tuple[Kind, str] | None:
    """The verb of change among the command's leading operands, or None (also where a read verb
    comes first)."""
    found = subcommand_at(args)
    return (found[1], args[found[0]]) if found is not None else None


# A verb glued to the noun it acts on (`updatedb`, `deltree`, `closeall`, `restartall`).
_GLUED = re.compile(
    r"([a-z]{3,9}?)(?:all|db|dbs|tree|node|nodes|user|users|cache|caches|data|queue|queues|"
    r"index|table|tables|job|jobs|key|keys|files)"
)


def unglued(word: str) -> list[str]:
    """``word`` as the verb it starts with and the noun glued to it (`deluser` is del and user,
    `updatedb` update and db), or as it is."""
    glued = _GLUED.fullmatch(word)
    if glued is not None and glued.group(1) in data().verbs:
        return [glued.group(1), word[glued.end(1) :]]
    return [word]


def subcommand_at(args: Sequence[str]) -> tuple[int, Kind] | None:
    """Where the verb of change is among the leading operands ``args`` (its index and kind), or
    None (also where a read verb comes first)."""
    d = data()
    seen = 0
    for i, a in enumerate(args):
        if a.startswith("-"):
            continue
        seen += 1
        if seen > 4:
            break
        if not _IDENTIFIER.match(a) or "." in a:
            continue  # (`archive.file`, `deploy-prod.yml`: a file, not a subcommand)
        if a.lower() in _REMOTE_RUN:
            return None  # (what it runs remotely is read as a command of its own)
        text = a.lower()
        if ":" in text:  # (`config:set`, `plugin:uninstall`: the action after the namespace)
            space, _, action = text.rpartition(":")
            pieces = [*re.split(r"[-_.]", action), *re.split(r"[-_:.]", space)]
        else:
            pieces = re.split(r"[-_:.]", text)
        pieces = [*unglued(pieces[0]), *pieces[1:]]  # (`updatedb`, `deltree`, `closeall`)
        for piece in pieces:
            kind = d.verbs.get(piece)
            if kind == "read":
                return None
            if kind is not None:
                # (a noun that is also a verb, then the verb: `gh run view`, `gh release list`)
                after = next((b for b in args[i + 1 :] if not b.startswith("-")), "")
                if d.verbs.get(after.lower()) == "read":
                    return None
                return i, kind
    return None


def administers(program: str) -> bool:
    """Whether ``program``'s subcommands say what it changes (an administration tool), rather
    than it being a reader, a build or language tool, git, or a program of one change."""
    d = data()
    base = program.rsplit("/", 1)[-1]
    return not (
        base in d.readers
        or base in d.developer
        or base in d.changes
        or base in d.sql_clients
        or base in ("git", "curl", "wget", *_HTTPIE)
        or program.startswith(("./", "bin/"))
    )


@functools.lru_cache(maxsize=1)
def change_words() -> frozenset[str]:
    """Every verb of change (the words a task asks for a change with)."""
    return frozenset(w for w, kind in data().verbs.items() if kind != "read")


def _developer(base: str, args: list[str], evidence: str) -> Iterator[Change]:
    if base.startswith("python") and "-c" in args[:-1]:
        # (the code of `python3 -c`, read as the python tool's would be)
        yield from python_changes(args[args.index("-c") + 1])
        return
    operands = [a for a in args if not a.startswith("-")]
    if base.startswith("python") and args[:2] == ["-m", "pip"]:
        base, operands = "pip", [a for a in args[2:] if not a.startswith("-")]
    elif (
        base.startswith(("python", "php", "ruby"))
        and operands
        and _PROJECT_SCRIPT.search(operands[0])
    ):
        verb = _subcommand(operands[1:])
        if verb is not None:
            yield Change(verb[0], f"`{operands[0]} {verb[1]}`", evidence)
        return
    if base in ("rails", "rake"):
        verb = _subcommand(operands)
        if verb is not None:
            yield Change(verb[0], f"`{base} {verb[1]}`", evidence)
        return
    if not operands:
        return
    sub = operands[0].lower()
    if sub == "update" and base in data().refresh_update:
        return
    kind = _PACKAGE_VERBS.get(sub)
    if kind is not None and not (base in ("npm", "yarn", "pnpm", "bun") and sub == "run"):
        what = "installs or removes packages" if kind == "install" else "publishes"
        local = kind == "install" and base in data().language_packages
        yield Change(kind, f"{what} (`{base} {sub}`)", evidence, said_only=local)


def _git(args: list[str], evidence: str) -> Iterator[Change]:
    # (git -C dir / -c key=value take a value)
    i = 0
    while i < len(args) and args[i].startswith("-"):
        i += 2 if args[i] in ("-C", "-c") else 1
    rest = args[i:]
    if not rest:
        return
    sub, more = rest[0], rest[1:]
    kind = _GIT.get(sub)
    if kind is None and sub in _GIT_LOOKS_WITH_OPERANDS:
        deleting = any(a in ("-d", "-D", "--delete", "remove", "rm") for a in more)
        changing = (
            deleting
            or any(
                a in ("add", "set-url", "rename", "-m", "-M", "--unset", "--add", "-f")
                for a in more
            )
            or (sub in ("branch", "tag") and bool([a for a in more if not a.startswith("-")]))
        )
        if sub == "config":
            changing = not any(a in ("--get", "--list", "-l", "--get-all") for a in more) and (
                len([a for a in more if not a.startswith("-")]) >= 2 or deleting
            )
        if changing:
            kind = "delete" if deleting else "write"
    if kind is None:
        return
    if sub == "stash" and more and more[0] in ("list", "show"):
        return
    if sub in ("push", "fetch", "clean", "add", "rm", "mv") and any(
        a in ("-n", "--dry-run") for a in more
    ):
        return  # (`git push -n`: what a push would send)
    # (a repository elsewhere, `git -C /srv/git/app.git ...`, is not the workspace's own)
    elsewhere = any(
        a == "-C" and i + 1 < len(args) and args[i + 1].startswith(("/", "~"))
        for i, a in enumerate(args[: len(args) - len(rest)])
    )
    remote = kind == "publish" or elsewhere
    yield Change(kind, f"`git {sub}`", evidence, said_only=not remote, workspace=not remote)


_HTTPIE = ("http", "https", "xh")
_HTTP_CLIENTS = frozenset({"curl", "wget", *_HTTPIE})
# Programs whose own manual defines a dry run, by their options: the short one, which may come in
# a cluster (`rsync -nvraL`), and the long ones (rsync(1), rclone, make(1), brew(1), apt-get(8),
# git clean/push/rm/add/mv, kubectl --dry-run=client|server, aws s3 --dryrun, pip --dry-run).
_PROGRAM_DRY_RUN: dict[str, tuple[str, tuple[str, ...]]] = {
    "rsync": ("n", ("--dry-run",)),
    "rclone": ("n", ("--dry-run",)),
    "make": ("n", ("--dry-run", "--just-print", "--recon")),
    "brew": ("n", ("--dry-run",)),
    "apt-get": ("s", ("--simulate", "--dry-run", "--just-print", "--no-act", "--recon")),
    "apt": ("s", ("--simulate", "--dry-run")),
    "git": ("n", ("--dry-run",)),
    "kubectl": ("", ("--dry-run=client", "--dry-run=server")),
    "aws": ("", ("--dryrun",)),
    "pip": ("", ("--dry-run",)),
    "pip3": ("", ("--dry-run",)),
}
_GIT_DRY_RUN_SUBCOMMANDS = frozenset({"clean", "push", "rm", "add", "mv"})


def program_dry_run(name: str, args: Sequence[str]) -> bool:
    """Whether ``args`` make a run of ``name`` a dry run by the program's own option: one that
    lists what it would change and changes, deletes and sends nothing. Words after ``--`` are
    operands (`rsync -a -- --dry-run src dst` copies a file named --dry-run)."""
    base = name.rsplit("/", 1)[-1]
    known = _PROGRAM_DRY_RUN.get(base)
    if known is None:
        return False
    short, long_options = known
    options = list(itertools.takewhile(lambda a: a != "--", args))
    if base == "git":
        words = [a for a in options if not a.startswith("-")]
        if not words or words[0] not in _GIT_DRY_RUN_SUBCOMMANDS:
            return False
    if any(a in long_options for a in options):
        return True
    # (a cluster of short flags, `-nfdx`; not git's glued -e value, `-enode_modules`)
    return bool(short) and any(
        a[:1] == "-" and a[1:2] not in ("-", "e") and short in a[1:] for a in options
    )


def _generic_dry_run(arg: str) -> bool:
    """An option that makes any command a dry run (task_changes.toml), unless its value says
    the opposite (`--dry-run=none` runs for real)."""
    option, _eq, value = arg.partition("=")
    return option in data().dry_run and value.lower() not in ("none", "false", "0", "no", "off")


# Subcommands that only list what they would change unless an option says to do it
# (brew(1): "brew bundle cleanup ... Uninstall all dependencies not present in the Brewfile ...
# unless --force is passed").
_LISTS_UNLESS = {("brew", "bundle", "cleanup"): ("--force", "-f")}
# Readers whose options can change things (`journalctl --vacuum-time`, `gpg --delete-keys`).
_READERS_WITH_CHANGE_OPTIONS = frozenset({"journalctl", "dmesg", "gpg", "ssh-keygen"})


def _curl(base: str, args: list[str], evidence: str) -> Iterator[Change]:
    method = ""
    url = ""
    for i, a in enumerate(args):
        value = args[i + 1] if i + 1 < len(args) else ""
        if a in ("-X", "--request", "--method"):
            method = value.upper()
        elif a.startswith(("--request=", "--method=")):
            method = a.split("=", 1)[1].upper()
        elif a.startswith("-X") and len(a) > 2:
            method = a[2:].upper()
        elif a in (
            "-d",
            "--data",
            "--data-raw",
            "--data-binary",
            "--data-urlencode",
            "-F",
            "--form",
            "--json",
            "--post-data",
            "--post-file",
            "--body-data",
            "--body-file",
        ) or a.startswith(("--data", "--post-", "--json", "--form")):
            method = method or "POST"
        elif a in ("-T", "--upload-file"):
            method = method or "PUT"
        elif a.startswith(("http://", "https://")) or (base in _HTTPIE and "." in a):
            url = url or a
        elif base in _HTTPIE and a.upper() in ("POST", "PUT", "PATCH", "DELETE"):
            method = a.upper()
    yield from _http_change(method or "GET", url, " ".join(args), evidence, " ".join(args))


def _rpc_method_change(method: str, evidence: str) -> list[Change]:
    """What a remote procedure does by its name (`supervisor.shutdown`, `stopAllProcesses`,
    `getAllProcessInfo`): its first verb, split at dots, underscores and capitals."""
    name = method.rsplit(".", 1)[-1]
    verbs = data().verbs
    for piece in re.findall(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])", name):
        kind = verbs.get(piece.lower())
        if kind == "read":
            return []
        if kind is not None:
            return [Change(kind, f"calls {method} over RPC", evidence)]
    return []


# An XML-RPC request's method (`<methodName>supervisor.shutdown</methodName>`).
_XML_RPC_METHOD = re.compile(r"<methodName>\s*([\w.]+)\s*</methodName>")


def _http_change(
    method: str, url: str, body: str, evidence: str, headers: str = ""
) -> Iterator[Change]:
    if method in ("GET", "HEAD", "OPTIONS", "TRACE", ""):
        return
    rpc = _XML_RPC_METHOD.search(body) if method == "POST" else None
    if rpc is not None:
        yield from _rpc_method_change(rpc.group(1), evidence)
        return
    # (the path alone: a read's name in the query or fragment, `/users/7/delete?next=/search`,
    # says nothing of what the request does)
    path = re.sub(r"^[a-z]+://[^/]*", "", url, flags=re.IGNORECASE).split("?", 1)[0]
    path = path.split("#", 1)[0]
    if method == "POST" and (
        ((_HTTP_READS.search(path) or _CUSTOM_READ.search(path)) and not _MUTATION.search(body))
        or _RPC_READ.search(headers)
        or _RPC_READ.search(body)
        or _RPC_READ.search(url)
    ):
        return
    kind: Kind = "delete" if method == "DELETE" else "write"
    yield Change(kind, f"sends {method} {url[:80]}".rstrip(), evidence, said_only=method == "POST")


def _sql_changes(base: str, args: list[str], evidence: str, stdin: str) -> Iterator[Change]:
    d = data()
    texts = [stdin]
    operands: list[str] = []
    i = 0
    while i < len(args):
        a = args[i]
        if a in d.sql_options or a == "--eval":
            if i + 1 < len(args):
                texts.append(args[i + 1])
            i += 2
            continue
        if "=" in a and a.split("=", 1)[0] in (*d.sql_options, "--eval"):
            texts.append(a.split("=", 1)[1])
        elif not a.startswith("-"):
            operands.append(a)
        i += 1
    if base in ("sqlite3", "duckdb", "litecli", "usql", "bq", "cqlsh") or base.startswith("mongo"):
        texts += operands[1:] if base != "bq" else operands
    text = "\n".join(texts)
    if base.startswith("mongo"):
        m = _MONGO_CHANGE.search(text)
        if m:
            kind: Kind = "delete" if m.group(1) else "write"
            yield Change(kind, "changes the database's data", evidence)
        return
    yield from _sql_change(text, evidence)


# SQL given as an operand, and the subcommand words that run it.
_SQL_TEXT = re.compile(
    r"^\s*(?:select|with|insert|update|delete|drop|create|alter|truncate|replace|grant|revoke|"
    r"show|explain|describe)\b",
    re.IGNORECASE,
)
_RUNS_SQL = re.compile(r"(?:^|[-_:])(?:run|query|exec|execute|cli)(?:$|[-_:])|^sql", re.IGNORECASE)


def _sql_change(text: str, evidence: str) -> Iterator[Change]:
    from forethought.review import sql

    changed = sql.changes_data(text)
    if changed is not None:
        what = "deletes data from the database" if changed == "delete" else "changes the database"
        yield Change(changed, what, evidence)


def python_changes(code: str) -> list[Change]:
    from forethought.review.python.reviewer import code_facts

    if not code.strip():
        return []
    facts = code_facts(code)
    out: list[Change] = []
    first = code.strip().splitlines()[0][:120]
    for path in facts.written:
        out += _file_change(path, "write", f"writes {path}", first)
    for effect in facts.effects:
        kind = _CHANGE_OPS.get(effect.op)
        if kind is None or effect.resource in (
            "temporary_file",
            "network_allowed",
            "network_outside",
        ):
            continue
        where = effect.target or effect.resource.replace("_", " ")
        out.append(
            Change(
                kind,
                f"{effect.op} on {where}",
                effect.evidence or first,
                said_only=effect.resource == "workspace_file",
                workspace=effect.resource == "workspace_file",
            )
        )
    for command, _evidence in facts.commands:
        out += shell_changes(command)
    for cloud in facts.cloud_commands.values():
        if cloud:
            out += shell_changes(cloud)
    for method, url, body, headers, evidence in facts.requests:
        out += _http_change(method, url, body, evidence, headers)
    if "ServerProxy" in code:
        # an XML-RPC proxy's methods say what they do (`s.supervisor.stopAllProcesses()`)
        for proxy in re.findall(r"(\w+)\s*=\s*(?:[\w.]+\.)?ServerProxy\(", code):
            for m in re.finditer(rf"\b{re.escape(proxy)}\.((?:\w+\.)*\w+)\s*\(", code):
                out += _rpc_method_change(m.group(1), m.group(0))
    for text, evidence in facts.sql:
        out += _sql_change(text, evidence)
    return out


def http_changes(args: Mapping[str, Any]) -> list[Change]:
    method = str(args.get("method") or "GET").upper()
    url = str(args.get("url") or "")
    body = args.get("body")
    text = body if isinstance(body, str) else str(body or "")
    headers = args.get("headers")
    said = (
        " ".join(f"{k}: {v}" for k, v in headers.items())
        if isinstance(headers, Mapping)
        else str(headers or "")
    )
    return list(_http_change(method, url, text, f"{method} {url}"[:200], said))


# --------------------------------------------------------------------------------------------
# The reviewer
# --------------------------------------------------------------------------------------------


def ruled_out(limit: Limit, found: Iterable[Change]) -> list[Change]:
    """The changes among ``found`` that ``limit`` rules out (one per piece of evidence)."""
    out: dict[tuple[str, str], Change] = {}
    for c in found:
        if c.kind not in limit.forbids or (c.said_only and not limit.explicit):
            continue
        out.setdefault((c.evidence, c.kind), c)
    return list(out.values())


def predictions(limit: Limit, found: Iterable[Change]) -> list[Prediction]:
    says = (
        f'the task says "{limit.words}"'
        if limit.explicit
        else f'the task only asks to look ("{limit.words}")'
    )
    return [
        Prediction(
            f"{c.what}, though {says}",
            "harm",
            1.0,
            "moderate",
            True,
            c.evidence[:200],
            CATEGORY,
        )
        for c in ruled_out(limit, found)[:3]
    ]


# --------------------------------------------------------------------------------------------
# The environment the task works in
# --------------------------------------------------------------------------------------------

# A task that works in a non-production environment ("in staging", "on the test cluster")...
_ENVIRONMENT = re.compile(
    r"\b(?P<env>staging|stage|stg|qa|uat|sandbox|preview|pre-?prod(?:uction)?|"
    r"(?:dev|development|test|testing|lab|demo)(?=[\s-]+(?:environment|env|cluster|server|db|"
    r"database|namespace|account|project|stack|instance|box|machine|host|site|bucket|tenant|"
    r"subscription|workspace|vm|deployment|context|profile|region|org|track|channel|ring)\b)|"
    # a release track or channel short of production: an app store's internal track, a beta
    # channel, a canary ring
    r"(?:internal|alpha|beta|canary|nightly|edge)(?=[\s-]+(?:track|channel|ring)\b))\b",
    re.IGNORECASE,
)
# ...and never names production; an action that changes something whose name says production
# (`prod-db`, `--context production`, `-n prod`) goes beyond it.
_PRODUCTION = re.compile(r"(?<![a-z0-9])(?:prod|production|prd)(?![a-z0-9])", re.IGNORECASE)


@functools.lru_cache(maxsize=256)
def environment_of(task: str) -> str | None:
    """The non-production environment ``task`` works in, where it names one and never names
    production (nor a pre-production one, whose name holds "prod"); None otherwise."""
    m = _ENVIRONMENT.search(task)
    if m is None or _PRODUCTION.search(task) or "prod" in m.group("env").lower():
        return None
    return m.group("env")


def beyond_environment(environment: str, found: Iterable[Change]) -> list[Prediction]:
    """A harm for each change (outside the workspace's own files) whose text names production,
    in a task that works in ``environment``."""
    return _on_production(found, f"though the task works in {environment}")


@functools.lru_cache(maxsize=256)
def silent_on_production(task: str) -> bool:
    """Whether ``task`` says nothing of production, of an environment or of deploying,
    releasing or publishing ("fix the typo in the README"): a change it makes there is none the
    task asks for."""
    return bool(task.strip()) and not (
        _PRODUCTION.search(task) or _ENVIRONMENT.search(task) or _ASKS_PUBLISH.search(task)
    )


def unasked_production(found: Iterable[Change]) -> list[Prediction]:
    """A harm for each change (outside the workspace's own files) whose text names production,
    in a task that says nothing of production, of an environment or of deploying
    (:func:`silent_on_production`)."""
    return _on_production(found, "though the task says nothing of production or of deploying")


def _on_production(found: Iterable[Change], though: str) -> list[Prediction]:
    """One harm per piece of evidence (three at most) for the changes outside the workspace's
    own files whose text names production: "<what> on production (<name>), <though>"."""
    out: dict[str, Prediction] = {}
    for c in found:
        m = _PRODUCTION.search(c.evidence)
        if m is None or c.workspace or c.evidence in out:
            continue
        out[c.evidence] = Prediction(
            f"{c.what} on production ({m.group(0)}), {though}",
            "harm",
            1.0,
            "moderate",
            True,
            c.evidence[:200],
            CATEGORY,
        )
    return list(out.values())[:3]


# --------------------------------------------------------------------------------------------
# Another place or key than the task names
# --------------------------------------------------------------------------------------------

# Options that say where a change is made (the server, gateway or endpoint) and options that say
# with which key or identity (`faas-cli deploy --gateway http://198.51.100.10:8080`, `cosign
# sign --key prod-release.key`).
_PLACE_OPTIONS = frozenset(
    "--gateway --server --host --endpoint --url --address --addr --api-url --api-endpoint "
    "--registry --remote-url --master --cluster-url".split()
)
_KEY_OPTIONS = frozenset(
    "--key --private-key --key-file --keyfile --signing-key --identity-file --sign-key "
    "--cert --certificate --tls-cert --tls-key --kubeconfig --keystore".split()
)
_IP_ADDRESS = re.compile(r"^(?:\d{1,3}\.){3}\d{1,3}$")
_TASK_HOSTS = re.compile(
    r"(?<![\w@.-])(?:[a-z][a-z0-9+.-]*://)?((?:\d{1,3}\.){3}\d{1,3}|"
    r"(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,})(?=[:/\s,;)'\"`]|\.(?:\s|$)|$)",
    re.IGNORECASE,
)
_KEY_FILE = re.compile(
    r"(?<![\w.-])(?:[\w.~-]*/)*([\w-][\w.-]*\.(?:key|pem|pub|p12|pfx|crt|cer|jks|keystore|kubeconfig))\b",
    re.IGNORECASE,
)
_OPTION_AND_VALUE = re.compile(r"(?:^|\s)(--[\w-]+)(?:=|\s+)(?!-)['\"]?([^\s'\"]+)")


@functools.lru_cache(maxsize=256)
def places_named(task: str) -> tuple[frozenset[str], frozenset[str]]:
    """The hosts (names and addresses, lower-cased) and the key files (by name) ``task`` names."""
    hosts = frozenset(m.group(1).lower() for m in _TASK_HOSTS.finditer(task))
    keys = frozenset(m.group(1).lower() for m in _KEY_FILE.finditer(task))
    return hosts, keys


def _value_host(value: str) -> str:
    rest = value.split("://", 1)[-1]
    return re.split(r"[:/]", rest, maxsplit=1)[0].lower()


def _same_family(host: str, named: frozenset[str]) -> str | None:
    """The host of ``named`` that ``host`` could be mistaken for: both addresses, or both names
    under the same domain (`gw.staging.example.com`, `gw.prod.example.com`)."""
    if _IP_ADDRESS.match(host):
        return next((n for n in sorted(named) if _IP_ADDRESS.match(n)), None)
    domain = ".".join(host.split(".")[-2:])
    if "." not in host:
        return None
    return next(
        (n for n in sorted(named) if not _IP_ADDRESS.match(n) and n.endswith("." + domain)), None
    )


def elsewhere(task: str, found: Iterable[Change]) -> list[Prediction]:
    """A harm for each change made on another server than the one the task names (its address
    or a name under the same domain), or with another key file than the one it names."""
    hosts, keys = places_named(task)
    installs = installs_named(task)
    if not hosts and not keys and not installs:
        return []
    out: dict[str, Prediction] = {}
    for c in found:
        if c.workspace:
            continue
        for m in _OPTION_AND_VALUE.finditer(c.evidence):
            option, value = m.group(1), m.group(2)
            if option in RUNS_IN_OPTIONS and installs:
                # (the installation a console works on: `wp db import x.sql --path=/var/www/shop`
                # for "load it into my local dev site ~/sites/shop-dev")
                value = re.sub(r"^(?:\$HOME|\$\{HOME\})(?=/)", "~", value)
                if any(
                    _same_or_under(value, named) or named in c.evidence for named in installs
                ):
                    continue  # (its installation, or the task's directory used otherwise)
                outcome = f"{c.what} in {value}, though the task names {sorted(installs)[0]}"
            elif option in _PLACE_OPTIONS and hosts:
                host = _value_host(value)
                if host in hosts or host in ("localhost", "127.0.0.1", "::1"):
                    continue
                named = _same_family(host, hosts)
                if named is None:
                    continue
                outcome = f"{c.what} on {host}, though the task names {named}"
            elif option in _KEY_OPTIONS and keys:
                name = value.rsplit("/", 1)[-1].lower()
                suffix = name.rsplit(".", 1)[-1] if "." in name else ""
                same = sorted(k for k in keys if suffix and k.endswith("." + suffix))
                if not same or name in keys:
                    continue
                outcome = f"{c.what} with {value}, though the task names {same[0]}"
            else:
                continue
            out.setdefault(
                outcome,
                Prediction(outcome, "harm", 1.0, "moderate", True, c.evidence[:200], CATEGORY),
            )
    return list(out.values())[:3]


# Options named for what a command works in (its zone, namespace, track, region ...), and the
# task's name for that thing: "the internal zone", "namespace ci", "the eu-west-1 region". A
# change given another value (`--zone=public`, `-n prod`) works somewhere the task did not say.
_NOUN_OPTIONS = {
    "--zone": "zone",
    "--namespace": "namespace",
    "-n": "namespace",
    "--track": "track",
    "--context": "context",
    "--kube-context": "context",
    "--profile": "profile",
    "--region": "region",
    "--environment": "environment",
    "--env": "environment",
    "--stage": "stage",
    "--cluster": "cluster",
    "--project": "project",
    "--account": "account",
    "--channel": "channel",
    "--workspace": "workspace",
    "--subscription": "subscription",
    "--tenant": "tenant",
    "--space": "space",
}
_NOUN_ALIASES = {"environment": "environment|env", "namespace": "namespace|ns"}
_NOT_NAMES = frozenset(
    "the a an this that these those same new right correct wrong other another each every all "
    "any one which what its their our my your his her is are was be to and or for in on with of "
    "at by from as so only where when if it default current given active separate own whole "
    "single specific different throwaway temporary scratch shared existing managed remote "
    "local entire".split()
)
_SHORT_VALUE = re.compile(r"(?:^|\s)(-n)\s+['\"]?([^\s'\"]+)")


@functools.lru_cache(maxsize=512)
def _task_name_for(task: str, noun: str) -> frozenset[str]:
    """The names ``task`` gives to a ``noun`` ("the internal zone", "namespace ci")."""
    words = _NOUN_ALIASES.get(noun, noun)
    out = set()
    for m in re.finditer(
        rf"(?<![\w.-])([\w.-]+)[\s-]+(?=(?:{words})s?\b)|\b(?:{words})\s+[`'\"]?([\w.-]+)",
        task,
        re.IGNORECASE,
    ):
        said = (m.group(1) or m.group(2) or "").strip(".")
        name = said.lower()
        # (an acronym is a product, not a name: "the throwaway EKS cluster")
        if name and name not in _NOT_NAMES and not name.isdigit() and not said.isupper():
            out.add(name)
    return frozenset(out)


def elsewhere_named(task: str, found: Iterable[Change]) -> list[Prediction]:
    """A harm for each change whose zone, namespace, track, region ... option names another
    than the one the task names (`firewall-cmd --zone=public` for "the internal zone")."""
    out: dict[str, Prediction] = {}
    lower = task.lower()
    for c in found:
        if c.workspace:
            continue
        given = [(m.group(1), m.group(2)) for m in _OPTION_AND_VALUE.finditer(c.evidence)]
        given += [(m.group(1), m.group(2)) for m in _SHORT_VALUE.finditer(c.evidence)]
        for option, value in given:
            noun = _NOUN_OPTIONS.get(option)
            if noun is None or value.startswith(("-", "$")):
                continue
            named = _task_name_for(task, noun)
            value = value.strip("'\"").lower()
            if value in data().verbs:
                continue  # (`redis-cli --cluster create`: a mode, not a cluster's name)
            if (
                not named
                or value in named
                or re.search(rf"(?<![\w.-]){re.escape(value)}(?![\w-])", lower)
            ):
                continue
            outcome = (
                f"{c.what} in the {noun} {value}, though the task names the {noun} "
                f"{sorted(named)[0]}"
            )
            out.setdefault(
                outcome,
                Prediction(outcome, "harm", 1.0, "moderate", True, c.evidence[:200], CATEGORY),
            )
    return list(out.values())[:3]


def _names_noun_option(task: str, text: str) -> bool:
    """Cheaply: whether ``text`` gives a zone, namespace ... option and ``task`` names one."""
    if "-" not in text:
        return False
    nouns = {
        _NOUN_OPTIONS[o] for o in re.findall(r"(?:^|\s)(--?[\w-]+)", text) if o in _NOUN_OPTIONS
    }
    return any(_task_name_for(task, noun) for noun in nouns)


# A task that keeps the work on this machine ("for the local integration tests", "on
# localhost") and a server told to listen on every interface: anyone who reaches the machine
# (the office network, the café's wifi) reaches it too.
_LOCAL_WORK = re.compile(
    r"\blocal(?:ly)?\b|\blocalhost\b|\b(?:on|from) this (?:machine|laptop|box|computer)\b|"
    r"\b(?:integration|unit|e2e|end-to-end) tests?\b",
    re.IGNORECASE,
)
_REACHED_FROM_ELSEWHERE = re.compile(
    r"\bfrom (?:my |the |our |other |another |any )?(?:phone|tablet|laptop|network|lan|"
    r"machines?|devices?|outside|internet|office|vms?|containers?|host)\b|"
    r"\b(?:on|across) the (?:network|lan)\b|\bremote(?:ly)?\b|\bpublic(?:ly)?\b|"
    r"\bteam(?:mates?)?\b|\bcontainer\b|\bdocker\b|\bexpose\b",
    re.IGNORECASE,
)
_EVERY_INTERFACE = re.compile(
    r"(?:^|\s)(?:-l|-b|--listen|--bind|--host|--address|--addr|--bind-address|"
    r"--listen-address|--ip)(?:=|\s+)['\"]?(?:0\.0\.0\.0|::|\[::\])(?::\d+)?['\"]?(?=\s|$)|"
    r"(?:^|[\s,=])(?:0\.0\.0\.0|\[::\]):\d+(?=[\s,'\"]|$)|\b(?:bind|host)=0\.0\.0\.0\b"
)


def every_interface(task: str, command: str) -> list[Prediction]:
    """A harm where a command listens on every interface under a task that keeps the work on
    this machine and says nothing of reaching it from elsewhere."""
    m = _EVERY_INTERFACE.search(command)
    if m is None or not _LOCAL_WORK.search(task) or _REACHED_FROM_ELSEWHERE.search(task):
        return []
    return [
        Prediction(
            "listens on every interface, though the task keeps the work on this machine: "
            "anyone who reaches the machine's network reaches the service",
            "harm",
            1.0,
            "moderate",
            True,
            " ".join(m.group(0).split())[:200],
            CATEGORY,
        )
    ]


# Members of one family, told apart by their number: servers (web2, api1, cache01), members
# (infra3), replicas. A task that names some of a family ("put web2 into maintenance") and an
# action that changes another of it (web1, web3) goes beyond the task. (A word followed by a
# dot and digits is a version: python3.11.)
_MEMBER = re.compile(r"(?<![\w.-])([a-z][a-z_-]*?[a-z])-?(\d{1,3})(?![\w]|\.\d)", re.IGNORECASE)
# Families whose numbers are versions, sizes or kinds, not members.
_NOT_MEMBERS = frozenset(
    "python pip sha md ext utf base http https tls ssl v ipv s ec t c m r x arm amd win php "
    "node java jdk openjdk gcc clang llvm ruby perl lua go pg postgres postgresql mysql redis "
    "ubuntu debian centos rhel el fedora alpine macos ios android api_level level step phase "
    "sprint part page chapter section line col row item rule test case week day q".split()
)


@functools.lru_cache(maxsize=256)
def members_named(task: str) -> dict[str, frozenset[str]]:
    """The families ``task`` names members of (lower-cased word -> the numbers it names)."""
    out: dict[str, set[str]] = {}
    for m in _MEMBER.finditer(task):
        word = m.group(1).lower()
        if word not in _NOT_MEMBERS and len(word) >= 2:
            out.setdefault(word, set()).add(m.group(2).lstrip("0") or "0")
    return {w: frozenset(n) for w, n in out.items()}


def other_members(task: str, found: Iterable[Change]) -> list[Prediction]:
    """A harm for each change that acts on a member of a family the task names members of,
    but not on one it names (`disable server app/web1` where the task names web2)."""
    named = members_named(task)
    if not named:
        return []
    out: dict[str, Prediction] = {}
    for c in found:
        if c.workspace:
            continue
        for m in _MEMBER.finditer(c.evidence):
            word, number = m.group(1).lower(), m.group(2).lstrip("0") or "0"
            numbers = named.get(word)
            if numbers is None or number in numbers or m.group(0) in out:
                continue
            names = ", ".join(f"{word}{n}" for n in sorted(numbers))
            outcome = f"{c.what} on {m.group(0)}, though the task names only {names}"
            out[m.group(0)] = Prediction(
                outcome, "harm", 1.0, "moderate", True, c.evidence[:200], CATEGORY
            )
    return list(out.values())[:3]


# A task that names the one thing it is about (a name in backquotes, or one with a digit, a dash
# or an underscore in it), and one that asks for all of them.
_ONE_NAMED = re.compile(r"`[^`\s]{2,}`|(?<![\w/.-])(?=[\w.-]*[\d_-])[A-Za-z][\w.-]*[A-Za-z0-9]")
_FANS_OUT = re.compile(r"\bxargs\b|\bfor\s+\w+\s+in\s+\$\(")
_ALL_OF_THEM = re.compile(r"\b(?:all|every|each|everything|any)\b", re.IGNORECASE)
# The loop's list: `for p in $(fly -t ci pipelines --json | jq -r '.[].name'); do`
_FOR_LIST = re.compile(r"\bfor\s+(\w+)\s+in\s+\$\((.*?)\)\s*;?\s*do\b", re.DOTALL)
_LISTING_PROGRAMS = frozenset({"ls", "find", "cat"})


def _lists(cmd: Any) -> bool:
    """Whether ``cmd`` lists things: a subcommand that reads (`kubectl get vm -o name`, `fly
    pipelines`, `ipa cert-find`), or a program that lists files."""
    base = cmd.name.rsplit("/", 1)[-1]
    if base in _LISTING_PROGRAMS:
        return True
    if not administers(base):
        return False
    verbs = data().verbs
    operands = [a.lower() for a in cmd.args if not a.startswith("-")][:4]
    for a in operands:
        kinds = {verbs.get(piece) for piece in re.split(r"[-_:.]", a)} - {None}
        if "read" in kinds or a in ("pipelines", "names"):
            return True
        if kinds:
            return False  # (a verb of change first: it changes, it does not list)
    return False


# A task that asks for access to read (a token "so the job can clone, read access only", a
# "viewer" login), and no more; and the words by which a command gives more: writing, every
# scope, a role that changes things (`--readwrite`, `--scopes all`, `--role editor`).
_READ_ASKED = re.compile(
    r"\bread[- ]?only\b|\bread\s+access\b|\b(?:can|to|may|only|just)\s+read\b|"
    r"\bview(?:er|[- ]only)\b|\bread[- ]scoped?\b",
    re.IGNORECASE,
)
_WRITE_ASKED = re.compile(
    r"\bread[- /]?(?:and[- ])?write\b|\bwrite\s+access\b|\b(?:can|to|may)\s+(?:write|push|"
    r"change|edit|modify|update|delete|manage)\b|\badmin\w*\b|\bfull\s+access\b",
    re.IGNORECASE,
)
_GIVES_MORE = re.compile(
    r"(?<![\w-])(?:--read-?write|--rw|--write|--writable|--full-access|--all-scopes)(?![\w-])|"
    r"(?<![\w-])--(?:scopes?|permissions?|access|access-level|role|roles)(?:=|\s+)['\"]?"
    r"(?P<value>all|\*|write\S*|read-?write|rw|admin\w*|owner|maintainer|editor|"
    r"full\S*)['\"]?(?![\w-])",
    re.IGNORECASE,
)


def more_than_read(task: str, command: str) -> list[Prediction]:
    """A harm where an administration command gives write access, every scope or a role that
    changes things (`generate-access-token --scopes all`, `api-token generate --readwrite`)
    though the task asks for access to read and no more."""
    m = _GIVES_MORE.search(command)
    if m is None or _READ_ASKED.search(task) is None or _WRITE_ASKED.search(task) is not None:
        return []
    from forethought.review.shell.parse import analyze

    try:
        analysis = analyze(command)
    except ValueError:
        return []
    for cmd in analysis.commands:
        base = cmd.name.rsplit("/", 1)[-1]
        given = _GIVES_MORE.search(" ".join(cmd.args))
        if given is None or not administers(base):
            continue
        return [
            Prediction(
                f"gives more than read access ({given.group(0).strip()}), though the task "
                f'asks for read access only ("{_quote(task, _READ_ASKED.search(task))}")',
                "harm",
                0.8,
                "moderate",
                False,
                cmd.text[:200] or command[:200],
                CATEGORY,
            )
        ]
    return []


# A task that asks for a reload, a graceful restart or no downtime; what a command says that
# stops the service instead (`apisix stop && apisix start`, `manager shutdown`, a plain
# `restart`, a kill with no signal a daemon reloads on).
# The roles of accounts, by how much they may do (a site's, a course's or a project's roles:
# WordPress, Moodle, GitLab, Grafana, Kubernetes, cloud IAM), lowest first.
_ROLE_RANKS = {
    **dict.fromkeys(
        "guest viewer reader subscriber student learner readonly read-only observer".split(), 1
    ),
    **dict.fromkeys("member reporter contributor author commenter user".split(), 2),
    **dict.fromkeys("editor developer teacher editingteacher writer moderator".split(), 3),
    **dict.fromkeys("maintainer manager operator coursecreator".split(), 4),
    **dict.fromkeys(
        "admin administrator owner superuser super-admin superadmin root sysadmin".split(), 5
    ),
}
_ROLE_WORD = re.compile(
    r"(?<![\w-])(" + "|".join(sorted(map(re.escape, _ROLE_RANKS), key=len, reverse=True))
    + r")s?(?![\w-])",
    re.IGNORECASE,
)
# Options that give a role (`--role=editor`, `-r editingteacher`, `--clusterrole admin`).
_ROLE_VALUE_OPTIONS = frozenset({"--role", "--roles", "-r", "--clusterrole", "--access-level"})


@functools.lru_cache(maxsize=256)
def _roles_in(task: str) -> tuple[str, ...]:
    """The roles ``task`` names (lower-cased, in order)."""
    return tuple(dict.fromkeys(m.group(1).lower() for m in _ROLE_WORD.finditer(task)))


def _roles_given(cmd: Any) -> list[str]:
    """The roles a command gives: an option's value (`--role=editor`, `-r editingteacher`), an
    operand of a subcommand named for roles (`user:role:add administrator mlopez`, `set-role lena
    administrator`, `user-assign-system-role tnguyen manager`), or an all-powerful role before
    a verb of granting (`wp super-admin add lena`)."""
    from forethought.review.shell.uncertainty import known_name

    args = cmd.args
    # (`-r` gives a role only in a console forethought does not know: `cp -r`, `grep -r` recurse)
    options = _ROLE_VALUE_OPTIONS - {"-r"} if known_name(cmd.name.rsplit("/", 1)[-1]) else (
        _ROLE_VALUE_OPTIONS
    )
    found: list[str] = []
    for i, a in enumerate(args):
        name, eq, value = a.partition("=")
        if name in options:
            found.append(value if eq else (args[i + 1] if i + 1 < len(args) else ""))
    operands = [a for a in args if not a.startswith("-")]
    for i, word in enumerate(operands[:4]):
        pieces = re.split(r"[-_:.]", word.lower())
        if "role" in pieces or "roles" in pieces:
            found += operands[i + 1 :]
            break
        if i + 1 < len(operands) and _ROLE_RANKS.get(word.lower()) == 5 and (
            operands[i + 1].lower() in ("add", "grant", "create", "assign")
        ):
            found.append(word)
            break
    roles = []
    for value in found:
        m = _ROLE_WORD.fullmatch(value.strip("'\"`").rsplit(":", 1)[-1].rsplit("/", 1)[-1])
        if m is not None:
            roles.append(m.group(1).lower())
    return roles


def role_beyond(task: str, command: str) -> list[Prediction]:
    """A harm where a command of change gives a role above every role the task names (`moosh
    course-enrol -r editingteacher 231 akim` for "enrol student 'akim'", `wp super-admin add
    lena` for "give lena editor rights"): the account gets more than the task asks for."""
    asked = _roles_in(task)
    if not asked:
        return []
    ceiling = max(_ROLE_RANKS[r] for r in asked)
    from forethought.review.shell.parse import analyze

    try:
        analysis = analyze(command)
    except ValueError:
        return []
    for cmd in analysis.commands:
        base = cmd.name.rsplit("/", 1)[-1]
        if not base or not administers(base):
            continue  # (SQL's roles are the SQL reviewer's)
        above = [r for r in _roles_given(cmd) if _ROLE_RANKS[r] > ceiling and r not in asked]
        if not above or not any(True for _ in _command_changes(cmd.name, cmd.args, cmd.text, cmd)):
            continue
        return [
            Prediction(
                f"gives the {above[0]} role, though the task asks for {asked[0]}",
                "harm",
                0.8,
                "moderate",
                False,
                cmd.text[:200],
                CATEGORY,
            )
        ]
    return []


_RELOAD_ASKED = re.compile(
    r"\breload\w*|\bgraceful\w*|\b(?:without|no|zero)[- ]downtime\b|\bhot[- ]reload",
    re.IGNORECASE,
)
_STOPS = re.compile(r"\b(?:stop|restart|shutdown|shut\s+down|kill|down|halt)\b", re.IGNORECASE)
_RELOADS = re.compile(
    r"\breload|graceful|\b(?:SIG)?(?:HUP|USR1|USR2|QUIT|WINCH)\b|-s\s+(?:reload|quit)\b|"
    r"--signal[= ](?:SIG)?(?:HUP|USR1|USR2|QUIT|WINCH)\b",
    re.IGNORECASE,
)


def stops_for_reload(task: str, made: Sequence[Change]) -> list[Prediction]:
    """A harm where the task asks for a reload or a graceful restart (no downtime) and a
    change stops the service instead (`apisix stop && apisix start`)."""
    if _RELOAD_ASKED.search(task) is None:
        return []
    for c in made:
        if c.kind != "service" or _RELOADS.search(c.evidence) or not _STOPS.search(c.what):
            continue
        return [
            Prediction(
                f"{c.what} stops the service, though the task asks for a reload or a graceful "
                f'restart ("{_quote(task, _RELOAD_ASKED.search(task))}")',
                "harm",
                0.8,
                "moderate",
                True,
                c.evidence[:200],
                CATEGORY,
            )
        ]
    return []


def every_listed(task: str, command: str) -> list[Prediction]:
    """A harm where a change is applied to every item a listing returns (`... | xargs virtctl
    stop`, `for p in $(fly pipelines); do fly destroy-pipeline -p "$p"`) though the task names
    the one it is about and asks for no more; a listing filtered by that name is the one."""
    if "xargs" not in command and "for " not in command:
        return []
    from forethought.review.scope import negated

    if any(not negated(task, m.start()) for m in _ALL_OF_THEM.finditer(task)):
        return []  # (but "without touching any other VM" asks for no more than the one)
    if _HTTP_CLIENT_WORD.search(command):
        found = _every_listed_by_http(command)
        if found:
            return found
    # (a name with a digit, a dash or an underscore in it: `build-agent-2`, not the namespace `ci`)
    names = [
        n
        for m in _ONE_NAMED.finditer(task)
        if len(n := m.group(0).strip("`")) >= 3 and re.search(r"[\d_-]", n)
    ]
    if not names:
        return []
    from forethought.review.shell.parse import analyze

    try:
        analysis = analyze(command)
    except ValueError:
        return []
    for cmd in analysis.commands:
        said = _subcommand(cmd.args) if administers(cmd.name.rsplit("/", 1)[-1]) else None
        if said is None or said[0] == "read":
            continue
        listing = ""
        if "xargs" in cmd.wrappers:
            feeders = analysis.upstream(cmd)
            if feeders and _lists(min(feeders, key=lambda c: c.stage)):
                listing = " | ".join(c.text for c in sorted(feeders, key=lambda c: c.stage))
        elif any(w.dynamic for w in cmd.words[1:]):
            m = _FOR_LIST.search(command)
            if m is not None and re.search(rf"\$\{{?{m.group(1)}\b", cmd.text):
                inner = [c for c in analysis.commands if c.text and c.text in m.group(2)]
                if inner and _lists(inner[0]):
                    listing = m.group(2).strip()
        if not listing or any(n in listing for n in names):
            continue  # (not fed by a listing, or the listing keeps to the name the task gives)
        return [
            Prediction(
                f"applies `{cmd.name.rsplit('/', 1)[-1]} {said[1]}` to every item that "
                f"`{listing[:80]}` returns, though the task names only {names[0]}",
                "harm",
                0.8,
                "moderate",
                False,
                cmd.text[:200] or command[:200],
                CATEGORY,
            )
        ]
    return []


# `--all-databases`, `--all-namespaces`: every one of a kind, by the option's noun.
_ALL_OF_KIND = re.compile(
    r"(?<![\w-])--all-(?P<noun>database|namespace|project|user|account|repo|bucket|"
    r"table|cluster|node|host|server|region|zone|instance|tenant|org|organization|schema|"
    r"keyspace|topic|queue|pod|service|site|domain|vm|volume|environment|env|stack|app|"
    r"application|workspace|team|group|role|tag|branche|index|indexe)s(?![\w-])"
)  # (resources, not a build's `--all-features`, `--all-targets`, `--all-files`)
# `--all` alone, and the words by which a task keeps to the ones it names ("leave everyone else
# alone", "only for anna", "nobody else").
_ALL_FLAG = re.compile(r"(?<![\w-])--all(?![\w-])")
_ONLY_THESE = re.compile(
    r"\b(?:leave|keep)\s+(?:everyone|everybody|everything|all\s+the\s+others|the\s+others|"
    r"the\s+rest)\s+(?:else\s+)?(?:alone|untouched|as\s+is)\b|"
    r"\b(?:nobody|no\s+one|no\s+other\s+\w+)\s+else\b|\bno\s+other\s+\w+\b|"
    r"\b(?:only|just)\s+(?:for\s+|to\s+|on\s+|in\s+)?(?:the\s+one\b|user\b|account\b|@?[a-z][\w.-]*\d|"
    r"[a-z]+\s+and\s+[a-z]+\b)",
    re.IGNORECASE,
)


# `all` as an operand (`supervisorctl restart all`, `... hangup request all`).
_ALL_WORD = re.compile(r"(?<![\w-])all(?![\w-])")
# The one thing a task names: in quotes or backquotes, a name with a digit, a dash or an
# underscore in it, or "the <name> program" (plugin, service, job ...).
_QUOTED_ONE = re.compile(r"(?<![\w])['\"`]([\w.@/-]{2,})['\"`](?![\w])")
_THE_ONE = re.compile(
    r"\bthe\s+([a-z][\w.-]{1,40})\s+(?:program|plugin|module|service|job|process|site|channel|"
    r"queue|node|container|app|daemon|worker|timer|extension|endpoint|theme|user|account)\b",
    re.IGNORECASE,
)
# (a name with a slash and a digit: a channel `PJSIP/6001-0000002a`, a job `etl/nightly-2`)
_SLASHED_ONE = re.compile(r"(?<![\w/.-])[A-Za-z][\w.-]*/[\w.-]*\d[\w./-]*[\w]")
_NOT_ONES = frozenset({"new", "old", "stuck", "broken", "same", "other", "whole", "main"})


def _named_ones(task: str) -> list[str]:
    """The things ``task`` names one by one (see _QUOTED_ONE, _THE_ONE, _ONE_NAMED)."""
    found = [m.group(1) for m in _QUOTED_ONE.finditer(task)]
    found += [m.group(0) for m in _SLASHED_ONE.finditer(task)]
    found += [m.group(1) for m in _THE_ONE.finditer(task) if m.group(1).lower() not in _NOT_ONES]
    # (a name with a digit or an underscore: `web-01`, `etl_nightly`; not `self-hosted`)
    found += [
        n
        for m in _ONE_NAMED.finditer(task)
        if len(n := m.group(0).strip("`")) >= 3 and re.search(r"[\d_]", n)
    ]
    return list(dict.fromkeys(found))


def all_of_them(task: str, command: str) -> list[Prediction]:
    """A harm where a command that changes things is told to act on every one of a kind
    (`--all-databases`) though the task names one of that kind ("the orders database") and
    says nothing of all of them; or on everything (`--all`) though the task keeps to the ones
    it names ("leave everyone else alone")."""
    if "--all" not in command and not _ALL_WORD.search(command):
        return []
    from forethought.review.scope import negated

    if any(not negated(task, m.start()) for m in _ALL_OF_THEM.finditer(task)):
        return []
    # (the one the task names, where the command names none of them: "deactivate the
    # 'slider-pro' plugin" and `wp plugin deactivate --all`)
    ones = [n for n in _named_ones(task) if n.lower() not in command.lower()]
    one = ones[0] if ones and len(ones) == len(_named_ones(task)) else ""
    from forethought.review.shell.parse import analyze

    try:
        analysis = analyze(command)
    except ValueError:
        return []
    for cmd in analysis.commands:
        flag = ""
        for a in cmd.args:
            if a == "--":
                break
            m = _ALL_OF_KIND.fullmatch(a)
            if m is not None:
                noun = m.group("noun")
                stem = noun[:-1] if noun.endswith("e") else noun  # (branche-s, database-s)
                if re.search(rf"\b{stem}e?\b", task, re.IGNORECASE) and not re.search(
                    rf"\b{stem}e?s\b", task, re.IGNORECASE
                ):
                    flag = f"{a}, though the task is about one {noun}"
                    break
            elif _ALL_FLAG.fullmatch(a) and _ONLY_THESE.search(task):
                flag = f"{a}, though the task keeps to the ones it names"
                break
            elif (_ALL_FLAG.fullmatch(a) or _ALL_WORD.fullmatch(a)) and one:
                flag = f"{a}, though the task names only {one}"
                break
        if not flag and one:
            # (a console command given as an option's value: `asterisk -rx "hangup request all"`)
            clause = next((c for c in _console_commands(cmd.args) if _ALL_WORD.search(c)), "")
            if clause and _subcommand(clause.split()) is not None:
                flag = f"`{clause[:60]}`, though the task names only {one}"
        if not flag:
            continue
        args = [
            a
            for a in cmd.args
            if not _ALL_FLAG.fullmatch(a) and not _ALL_OF_KIND.fullmatch(a) and a != "all"
        ]
        if not any(True for _ in _command_changes(cmd.name, args, cmd.text, cmd)) and not (
            flag.startswith("`")
        ):
            continue  # (`--all` on a command that only looks)
        return [
            Prediction(
                f"changes every one: `{cmd.name.rsplit('/', 1)[-1]}` with {flag}",
                "harm",
                0.8,
                "moderate",
                False,
                cmd.text[:200],
                CATEGORY,
            )
        ]
    return []


# Runtimes many programs run under: a kill by their name stops every program they run.
_RUNTIMES = frozenset(
    "python python3 python2 node nodejs java ruby php php-fpm perl dotnet deno bun uwsgi gunicorn "
    "celery npm yarn sh bash".split()
)
_KILLERS = frozenset({"pkill", "killall"})


def broad_kill(task: str, command: str) -> list[Prediction]:
    """A harm where `pkill`/`killall` is given a runtime's name (`pkill -9 -f python`) though the
    task names the one program it is about ("the api process", 'api-dev'): every program that
    runtime runs is killed."""
    ones = _named_ones(task)
    if not ones:
        return []
    from forethought.review.shell.parse import analyze

    try:
        analysis = analyze(command)
    except ValueError:
        return []
    for cmd in analysis.commands:
        if cmd.name.rsplit("/", 1)[-1] not in _KILLERS:
            continue
        patterns = [a for a in cmd.args if not a.startswith("-")]
        if not patterns:
            continue
        pattern = patterns[-1].strip("'\"^$")
        if pattern.lower() not in _RUNTIMES or any(o.lower() in pattern.lower() for o in ones):
            continue
        return [
            Prediction(
                f"kills every {pattern} process (`{cmd.text[:60]}`), though the task names only "
                f"{ones[0]}",
                "harm",
                0.8,
                "moderate",
                False,
                cmd.text[:200],
                CATEGORY,
            )
        ]
    return []


# A push's refspec onto a default or release branch (`fix/x:main`, `HEAD:refs/heads/master`).
_ONTO_DEFAULT = re.compile(
    r"^\+?(?P<src>[^:\s]+):(?:refs/heads/)?(?P<dst>main|master|trunk|develop|production|prod|"
    r"release)$"
)


def push_to_default(task: str, command: str) -> list[Prediction]:
    """A harm where `git push` puts another branch onto the default branch by a refspec
    (`git push origin fix/pgpool-hc:main`) though the task does not name that branch: the
    change skips the review a branch of its own would get."""
    if ":" not in command or "push" not in command:
        return []
    from forethought.review.shell.parse import analyze

    try:
        analysis = analyze(command)
    except ValueError:
        return []
    for cmd in analysis.commands:
        if cmd.name != "git" or "push" not in cmd.args[:3]:
            continue
        for a in cmd.args:
            m = _ONTO_DEFAULT.match(a)
            if m is None or m.group("src") == m.group("dst"):
                continue
            if re.search(rf"\b{m.group('dst')}\b", task, re.IGNORECASE):
                continue  # ("merge it into main and push")
            return [
                Prediction(
                    f"pushes {m.group('src')} straight onto {m.group('dst')} (`{a}`), though the "
                    f"task does not name {m.group('dst')}: the change skips review",
                    "harm",
                    0.8,
                    "moderate",
                    False,
                    cmd.text[:200],
                    CATEGORY,
                )
            ]
    return []


_HTTP_CLIENT_WORD = re.compile(r"\b(?:curl|wget|http|https|xh)\b")


def _every_listed_by_http(command: str) -> list[Prediction]:
    """A harm where a loop sends a request of change (DELETE, PUT, PATCH, POST) for every item
    an HTTP listing returns (`for r in $(curl .../rooms | jq -r ...); do curl -X DELETE
    .../rooms/$r; done`), where the task does not ask for all of them (every_listed's caller)."""
    from forethought.review.shell.parse import analyze

    m = _FOR_LIST.search(command)
    if m is None:
        return []
    try:
        analysis = analyze(command)
    except ValueError:
        return []
    variable = re.compile(rf"\$\{{?{m.group(1)}\b")
    inner = [c for c in analysis.commands if c.text and c.text in m.group(2)]
    listing = next(
        (c for c in inner if c.name.rsplit("/", 1)[-1] in _HTTP_CLIENTS),
        None,
    )
    if listing is None or any(True for _ in _curl("curl", list(listing.args), "")):
        return []  # (not listed by a request that reads)
    for cmd in analysis.commands:
        base = cmd.name.rsplit("/", 1)[-1]
        if base not in _HTTP_CLIENTS or cmd in inner or not variable.search(cmd.text):
            continue
        change = next(_curl(base, list(cmd.args), cmd.text), None)
        if change is None:
            continue
        return [
            Prediction(
                f"{change.what.split(' http', 1)[0]} for every item `{m.group(2).strip()[:80]}` "
                "returns, though the task does not ask for all of them",
                "harm",
                0.8,
                "high" if change.kind == "delete" else "moderate",
                False,
                cmd.text[:200],
                CATEGORY,
            )
        ]
    return []




def _names_place_or_key(task: str, text: str) -> bool:
    """Cheaply: whether ``text`` gives a place, key or installation option and ``task`` names
    a host, a key or a directory."""
    if "--" not in text:
        return False
    hosts, keys = places_named(task)
    installs = installs_named(task)
    return bool(hosts or keys or installs) and any(
        m.group(1) in _PLACE_OPTIONS
        or m.group(1) in _KEY_OPTIONS
        or (installs and m.group(1) in RUNS_IN_OPTIONS)
        for m in _OPTION_AND_VALUE.finditer(text)
    )


# Options that give an administration console the installation it works on (WP-CLI's --path,
# Drush's --root, moosh's --moodle-path) or the directory it runs in; and the directories a
# task names.
RUNS_IN_OPTIONS = frozenset(
    {"--path", "--root", "--moodle-path", "--chdir", "--cwd", "--workdir", "--working-dir"}
)
_TASK_DIRECTORY = re.compile(r"(?<![\w.:/-])(?:~|/)[\w.-]*(?:/[\w.-]+)+/?")


@functools.lru_cache(maxsize=256)
def installs_named(task: str) -> frozenset[str]:
    """The directories ``task`` names (`~/sites/shop-dev`, `/var/www/shop-stg`), not files."""
    return frozenset(
        m.group(0).rstrip("/.")
        for m in _TASK_DIRECTORY.finditer(task)
        if not re.search(r"\.[A-Za-z0-9]{1,5}$", m.group(0).rstrip("/."))
    )


def _same_or_under(path: str, named: str) -> bool:
    """Whether ``path`` is ``named`` or below it (or above it: the install holding it)."""
    path, named = path.rstrip("/"), named.rstrip("/")
    return path == named or path.startswith(named + "/") or named.startswith(path + "/")


# Publishing to a registry others install from (and pushing images others pull): a change no
# task makes in passing. Where the task says nothing of publishing, releasing, pushing,
# deploying or uploading, it is not asked for ("build the package and run its tests").
_PUBLISHING = re.compile(
    r"\b(?:npm|pnpm|yarn|bun|cargo|poetry|uv|hatch|flit|pdm)\s+(?:[^|;&\s]+\s+){0,3}publish\b|"
    r"\bdotnet\s+nuget\s+push\b|\btwine\s+upload\b|\bgem\s+push\b|"
    r"\b(?:docker|podman|buildah|nerdctl)\s+(?:image\s+)?push\b|\bhelm\s+push\b|"
    r"\bgh\s+release\s+create\b|\bmvn\b[^|;&\n]*\sdeploy\b"
)
_ASKS_PUBLISH = re.compile(
    r"\b(?:publish|releas|push|deploy|upload|ship|tag|distribut|roll\s*out|cut\s+a|promot)\w*",
    re.IGNORECASE,
)


def unasked_publishing(task: str, command: str) -> list[Prediction]:
    """A harm where a shell command publishes a package or pushes an image and the task says
    nothing of publishing (any word of it counts, negated or not: a limit said outright is
    judged by :func:`limit_of`)."""
    if not task.strip() or not command:
        return []
    m = _PUBLISHING.search(command)
    if m is None or _ASKS_PUBLISH.search(task) is not None:
        return []
    return [
        Prediction(
            f"publishes (`{m.group(0).strip()[:60]}`) though the task says nothing of publishing, "
            "releasing or pushing: others install what it publishes",
            "harm",
            1.0,
            "moderate",
            True,
            m.group(0)[:200],
            CATEGORY,
        )
    ]


def _action_text(proposal: Proposal) -> str:
    """The text of a shell command, Python code or HTTP request (its URL and body)."""
    args = proposal.action.args
    if proposal.action.kind == "http":
        return f"{args.get('url') or ''} {args.get('body') or ''}"
    return str(args.get("command") or args.get("code") or "")


class TaskLimitsReviewer:
    """Holds each action to the limit its task sets and to the environment it works in (see
    the module). Partial: it judges only whether the action changes what the task rules out."""

    name = NAME
    version = VERSION
    inline = True

    def applies(self, proposal: Proposal) -> bool:
        kind = proposal.action.kind
        if kind not in ("shell", "python", "http", "file_write"):
            return False
        if not proposal.task.strip():
            # (no task: nothing it limits, names or keeps local; publishing is still judged)
            return kind == "shell" and (
                _PUBLISHING.search(str(proposal.action.args.get("command") or "")) is not None
            )
        return (
            limit_of(proposal.task) is not None
            or environment_of(proposal.task) is not None
            or (
                kind == "shell"
                and _PUBLISHING.search(str(proposal.action.args.get("command") or "")) is not None
            )
            or (
                kind != "file_write"
                and _PRODUCTION.search(_action_text(proposal)) is not None
                and silent_on_production(proposal.task)
            )
            or (kind == "shell" and _names_place_or_key(proposal.task, _action_text(proposal)))
            or (kind == "shell" and _names_noun_option(proposal.task, _action_text(proposal)))
            or (
                kind == "shell"
                and _EVERY_INTERFACE.search(_action_text(proposal)) is not None
                and _LOCAL_WORK.search(proposal.task) is not None
            )
            or (kind != "file_write" and bool(members_named(proposal.task)))
            or (kind == "shell" and _FANS_OUT.search(_action_text(proposal)) is not None)
            or (
                kind == "shell"
                and (
                    "--all" in _action_text(proposal)
                    or _ALL_WORD.search(_action_text(proposal)) is not None
                )
            )
            or (kind == "shell" and _GIVES_MORE.search(_action_text(proposal)) is not None)
            or (kind == "shell" and bool(_roles_in(proposal.task)))
            or (kind == "shell" and "kill" in _action_text(proposal))
            or (kind == "shell" and "push" in _action_text(proposal))
            or (kind == "shell" and _RELOAD_ASKED.search(proposal.task) is not None)
        )

    def review(self, proposal: Proposal) -> Review:
        limit = limit_of(proposal.task)
        environment = environment_of(proposal.task)
        found: list[Prediction] = []
        if proposal.action.kind == "shell" and (limit is None or "publish" not in limit.forbids):
            found += unasked_publishing(
                proposal.task, str(proposal.action.args.get("command") or "")
            )
        made = None
        if proposal.action.kind == "shell":
            found += every_interface(proposal.task, _action_text(proposal))
            found += more_than_read(proposal.task, _action_text(proposal))
            found += role_beyond(proposal.task, _action_text(proposal))
            if "kill" in _action_text(proposal):
                found += broad_kill(proposal.task, _action_text(proposal))
            found += push_to_default(proposal.task, _action_text(proposal))
            if _RELOAD_ASKED.search(proposal.task) is not None:
                made = changes(proposal)
                found += stops_for_reload(proposal.task, made)
            if _FANS_OUT.search(_action_text(proposal)) is not None:
                found += every_listed(proposal.task, _action_text(proposal))
            if "--all" in _action_text(proposal) or _ALL_WORD.search(_action_text(proposal)):
                found += all_of_them(proposal.task, _action_text(proposal))
        if proposal.action.kind == "shell" and _names_place_or_key(
            proposal.task, _action_text(proposal)
        ):
            made = changes(proposal)
            found += elsewhere(proposal.task, made)
        if proposal.action.kind == "shell" and _names_noun_option(
            proposal.task, _action_text(proposal)
        ):
            made = changes(proposal) if made is None else made
            found += elsewhere_named(proposal.task, made)
        if proposal.action.kind != "file_write" and members_named(proposal.task):
            made = changes(proposal) if made is None else made
            found += other_members(proposal.task, made)
        if limit is not None or environment is not None:
            made = changes(proposal) if made is None else made
            if limit is not None:
                found += predictions(limit, made)
            if environment is not None:
                found += beyond_environment(environment, made)
        elif proposal.action.kind != "file_write" and silent_on_production(proposal.task):
            found += unasked_production(changes(proposal))
        rationale = (
            "; ".join(p.outcome for p in found) if found else "Changes nothing the task rules out."
        )
        return Review.of(self.name, self.version, found, rationale, partial=True)
