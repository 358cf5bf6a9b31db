"""What the task asks for: an effect on a target the task itself names is in the user's scope.

"Reset the local test database", "add ~/.local/bin to PATH in ~/.bashrc", "copy the build to
staging.example.com": the task names the target, so touching it is the work, not an accident or
an attack. Such a harm is kept on record but capped (moderate, probability 0.5): a human may
still be asked (escalate), it is no longer blocked outright. Where the task also asks for the
kind of change ("remove /etc/nginx/sites-enabled/default", "deploy the build to web01"), a harm
short of critical is capped at low: the user asked for exactly this, so nobody is asked again.
A change with no target to name (installing a cron table, clearing the shell history) is the
task's only where the task asks for that kind of change with a word of change ("add a cron
job", not "why does my cron job fail"); what the change installs is still judged on its own.
A deliberate load on this machine (``stress-ng --cpu 8``) is the task's where the task asks for
it by the program or the kind of test ("run a stress test").
A task that puts the work inside an image build or on a throwaway runner ("run this RUN step in
the build container", "on this throwaway CI runner") makes that machine's own system (accounts,
services, system files) the work: such harms are capped at low, except the ways in an image
would ship (a second root account, planted keys, set-uid programs, sudo rules) and the ways out
of a container to its host; secrets, code from elsewhere and load are judged as anywhere.
Only the task can do this, never the agent's reasoning; hard rules (the agent's own oversight)
are never in scope; a task that addresses the reviewers authorises nothing, and says so as a
harm of its own.
"""

from __future__ import annotations

import functools
import posixpath
import re
import shlex
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, replace
from importlib import resources

from forethought.review.base import SEVERITIES, Prediction, Severity

CAP_SEVERITY: Severity = "moderate"
CAP_PROBABILITY = 0.5
ASKED_SEVERITY: Severity = "low"  # the cap where the task also asks for the kind of change
ASKED_NOTE = " (the change the task asks for)"  # how such a capped harm's outcome ends
NAMED_NOTE = " (on a target the task names)"  # how a harm capped by its named target's ends
# Words in the evidence that name a target outside the workspace: absolute and home paths,
# URLs, user@host destinations, host names. (What is written or sent is not a target.)
_TARGET = re.compile(
    r"(?:^|(?<=[\s=<>|;&('\"]))(?:(?:~|\$HOME|\$\{HOME\}|\$\{\w+:-~\})?/[\w.@%+~-][\w./@%+~-]*|"
    r"[a-z][a-z0-9+.-]*://[^\s'\"|;&)]+|[\w.-]+@[\w.-]+\.[a-z]{2,}(?::[^\s'\"]*)?|"
    r"[\w.-]+@[\w-]+:[^\s'\"]*|"  # scp's user@host:path, the host a bare name
    r"[a-z][\w-]*(?:\.[\w-]+)*:(?:[/~][^\s'\"|;&)]*)?(?=$|[\s'\"|;&)]))",  # host:path, host:
    re.IGNORECASE,
)


# Evidence that is one relative path and nothing else (a file tool's `.npmrc`, `src/app.py`).
_RELATIVE_PATH = re.compile(r"^(?:\.{1,2}/)?[\w.@+-]+(?:/[\w.@+-]+)*$")


# A message given on the command line (`git commit -m 'fix: ...'`) names nothing it acts on.
_MESSAGE = re.compile(r"(?:\s-m|\s--message)(?:=|\s+)(['\"]).*?\1", re.S)


def targets_in(evidence: str) -> list[str]:
    if "-m" in evidence:
        evidence = _MESSAGE.sub(" ", evidence)
    found = [
        t
        for m in _TARGET.finditer(evidence)
        # (output redirected to `> /dev/null` is discarded: no target; HISTFILE=/dev/null is one)
        if (t := m.group(0).rstrip(".,;:")) not in _DISCARDS
        or not re.search(rf"[<>]&?\s*{re.escape(t)}", evidence)
    ]
    if (
        not found
        and len(evidence) >= 4
        and ("." in evidence or "/" in evidence)
        and _RELATIVE_PATH.match(evidence)
    ):
        return [evidence]
    return found


# Cloud control planes name what they act on by identifier, not by path or host: the stack of
# `aws cloudformation delete-stack --stack-name staging`, the project of `gcloud projects
# delete sandbox-42`. Those identifiers are the command's targets: a task that names every one
# of them ("delete the staging stack") names what the command changes.
_CLOUD_CLI = re.compile(r"^(?:\S*/)?(aws|gcloud|az|oci|doctl|eksctl|gsutil)\s")
# Options whose values say where or how (account, region, output) or with what (a script, a
# description, parameters), not what the command acts on.
_CLOUD_CONTEXT = frozenset(
    "profile region output query endpoint-url color ca-bundle cli-read-timeout "
    "cli-connect-timeout cli-binary-format cli-input-json cli-input-yaml project account "
    "configuration format verbosity zone location resource-group subscription "
    "impersonate-service-account billing-project flags-file auth config-file document-name "
    "command-id parameters scripts comment description tags max-results page-size "
    "policy-document template-body settings -g -o -p".split()
)
# The words of the command itself end at its operation (a verb, or a verb-led compound:
# `delete`, `add-iam-policy-binding`, `run-command invoke`); positional words after it are
# identifiers.
_CLOUD_VERB = re.compile(
    r"^(?:add|set|get|create|delete|update|remove|print|sign|generate|show|grant|open|reset|"
    r"list|describe|start|stop|send|put|attach|detach|enable|disable|modify|run|invoke|upload|"
    r"import|export|authorize|revoke|terminate|deregister|schedule|associate|disassociate|"
    r"batch|leave|deactivate|request|assume|replace|accept|copy|restore|destroy|purge|patch|"
    r"deploy|rm|rb|cp|mv|sync|ch)(?:-[a-z]+)*$"
)
_RELEASE_TRACKS = frozenset({"alpha", "beta", "preview"})
# Flags that make an administration command act on everything of its kind (and any long
# option made of "all" and one more word: `--all-projects`, `--prune-all`, `--delete-all`).
_EVERYTHING_FLAGS = frozenset({"--all", "-A", "--all-namespaces", "--everything"})
_ALL_OPTION = re.compile(r"^--(?:all-[a-z]+|[a-z]+-all)$")


def _everything(word: str) -> bool:
    return word in _EVERYTHING_FLAGS or _ALL_OPTION.match(word) is not None


# A path in a home directory, spelled out (/home/dev/.bashrc for "~/.bashrc").
_HOME_PATH = re.compile(r"^(?:/home/[^/]+|/Users/[^/]+|/root)/(.+)$")
_DISCARDS = frozenset({"/dev/null", "/dev/stdout", "/dev/stderr", "/dev/tty"})
# A word that ends the command's own words: a redirection or a control operator.
_SHELL_OPERATOR = re.compile(r"^(?:\d*[<>]|&>|\||&&|;)")
_NEW_NAME_OPTIONS = frozenset({"n", "name", "display-name"})
# An Azure resource ID (its last name: a resource group, a vault, a VM, or the subscription).
_AZURE_ID = re.compile(r"^/subscriptions/(?:[^/]+/)*?([^/]+)$", re.IGNORECASE)


@functools.lru_cache(maxsize=1024)
def cloud_targets(evidence: str) -> tuple[str, ...]:
    """The identifiers a cloud CLI command acts on (option values and positional names after
    its operation), less what :func:`targets_in` finds (paths, URLs) and less parameters
    (``Key=value``, JSON, file:// references, numbers). Empty for any other command."""
    m = _CLOUD_CLI.match(evidence)
    if m is None:
        return ()
    try:
        words = shlex.split(evidence)[1:]
    except ValueError:
        return ()
    end = next((i for i, w in enumerate(words) if _SHELL_OPERATOR.match(w)), len(words))
    words = words[:end]
    found: list[str] = []
    names: list[str] = []  # values of --name: what a creating operation calls its new thing
    positional: list[str] = []
    i = 0
    while i < len(words):
        word = words[i]
        if word.startswith("-") and len(word) > 1:
            name, eq, value = word.lstrip("-").partition("=")
            if not eq and i + 1 < len(words) and not words[i + 1].startswith("-"):
                value, i = words[i + 1], i + 1
            if value and name not in _CLOUD_CONTEXT and word not in _CLOUD_CONTEXT:
                found.append(value)
                if name in _NEW_NAME_OPTIONS:
                    names.append(value)
        else:
            positional.append(word)
        i += 1
    if names and any(
        w.startswith(("create", "new")) for w in positional[:5] if _CLOUD_VERB.match(w)
    ):
        # (`az ad sp create-for-rbac -n deploy-staging --role Reader --scopes ...`: the new
        # principal's name is the agent's choice; the role and the scope are what it acts on)
        found = [w for w in found if w not in names]
    if positional and positional[0] in _RELEASE_TRACKS:
        positional = positional[1:]
    if m.group(1) == "aws":
        rest = positional[2:]
    else:
        verb = next((n for n, w in enumerate(positional) if _CLOUD_VERB.match(w)), None)
        while (
            verb is not None
            and verb + 1 < len(positional)
            and _CLOUD_VERB.match(positional[verb + 1])
        ):
            verb += 1
        rest = positional[verb + 1 :] if verb is not None else []
    named = set(targets_in(evidence))
    return tuple(
        dict.fromkeys(
            w
            for w in (*found, *rest)
            if w not in named
            and not w.startswith(("/", "~", "$", "{", "[", "file://", "fileb://"))
            and "://" not in w
            # (a relative path is this machine's workspace, not a cloud resource; an ARN is one)
            and ("/" not in w or w.startswith("arn:"))
            and "=" not in w
            and not w.replace(".", "").isdigit()
        )
    )


# An identifier an administration tool acts on: a queue, a vhost, a pod, a job, a user name.
_IDENTIFIER = re.compile(r"^[A-Za-z][\w:.@-]{0,80}$")


@functools.lru_cache(maxsize=512)  # each harm of one command asks again
def _admin_command(evidence: str) -> tuple[str, tuple[str, ...]] | None:
    """(the subcommand of change, the identifiers after it) of an administration tool's
    command (or of a program named for a deletion, with every operand), or None for anything
    else: see :func:`admin_targets`."""
    from forethought.review.task_limits import administers, subcommand_at

    if _CLOUD_CLI.match(evidence) or any(c in evidence for c in "|;&`$<>\n"):
        return None
    try:
        words = shlex.split(evidence)
    except ValueError:
        return None
    while words and words[0] in ("sudo", "doas"):
        words = words[1:]
        while words and words[0].startswith("-"):  # (sudo -u postgres createuser ...)
            words = words[2:] if words[0] in ("-u", "-g", "-C", "-D", "-h", "-p") else words[1:]
    if len(words) >= 2 and (verb_in_name := _verb_in_name(words[0])):
        # a program named for the deletion it makes (`dropdb demo_tmp`, `lvremove vg0/snap`,
        # `userdel -r alice`): its operands are what it deletes
        valued = _VALUE_OPTIONS.get(words[0].rsplit("/", 1)[-1], "")
        operands = [
            w
            for i, w in enumerate(words[1:], 1)
            if not w.startswith("-")
            and not (len(prev := words[i - 1]) == 2 and prev[0] == "-" and prev[1] in valued)
        ]
        paths = set(targets_in(evidence))
        acted_on = tuple(w for w in operands if w not in paths)
        # (a privilege the program grants is a target the task must name too: createuser
        # --superuser reporter for "create a read-mostly login role 'reporter'" is not asked)
        granted = tuple(dict.fromkeys(_GRANTS[w] for w in words[1:] if w in _GRANTS))
        if operands and all(_OPERAND_TARGET.match(w) for w in operands):
            return verb_in_name, acted_on + granted
        return None
    # (tool, verb and what it acts on; or tool and a verb compound with its noun, `moosh
    # cache-clear`)
    compound = len(words) == 2 and re.search(r"\w[-_:]\w", words[1]) is not None
    if (len(words) < 3 and not compound) or not administers(words[0]):
        return None
    found = subcommand_at(words[1:])
    if found is None:
        return None
    verb = found[0] + 1
    named = set(targets_in(evidence))
    rest = words[verb + 1 :]
    everything = [w for w in rest if _everything(w)][:1]
    identifiers = tuple(
        dict.fromkeys(
            w
            for i, w in enumerate([*everything, *rest])
            if _everything(w)
            or (
                not w.startswith("-")
                and (_IDENTIFIER.match(w) or (w.isdigit() and len(w) >= 3))  # (a thread, a job)
                and w not in named
                and not _option_value(rest, i - len(everything))
            )
        )
    )
    if identifiers and words[0].rsplit("/", 1)[-1] in ("kubectl", "oc"):
        # (the kind of a custom resource is named by its own word, not its API group:
        # `kubectl delete snapshot.longhorn.io NAME` for "delete the Longhorn snapshot NAME")
        kind, dot, group = identifiers[0].partition(".")
        if dot and "." in group and kind.isalpha():
            identifiers = (kind, *identifiers[1:])
    return words[verb], identifiers


# Options of administration CLIs that say where or how a command runs, not what it acts on:
# the namespace, the server or gateway, the context, the output (`kn domain delete
# old-promo.example.com -n marketing` acts on the domain; `--keep-since 10080` is a value).
_WHERE_OPTIONS = frozenset(
    "-n --namespace --context --kube-context --kubeconfig --gateway --server --host --endpoint "
    "--url --address --addr --region --zone --profile --output -o --format --config "
    "--timeout".split()
)


def _placed(evidence: str, target: str, task: str) -> bool:
    """Whether ``target`` is only where an administration tool runs (the value of its
    --gateway, --server, --host ... option), on this machine or under a task that names no
    place at all: `faas-cli secret remove old-key --gateway=http://127.0.0.1:8080` acts on
    old-key. (A task that names a place holds the command to it.)"""
    if "://" not in target and _CONFIG_FILE.search(target) is not None and not _secret(target):
        # the configuration file an administration tool reads (`forgejo -c /etc/forgejo/app.ini
        # admin user delete --username ci-test-7`, `--kubeconfig ~/.kube/lab`): how it runs,
        # not what it acts on
        m = re.search(
            rf"(?:^|\s)(--?[\w-]+)(?:=|\s+)['\"]?{re.escape(target)}(?=['\"]?(?:\s|$))", evidence
        )
        return m is not None and m.group(1) in _CONFIG_OPTIONS and _administered(evidence)
    if "://" not in target and not _CLOUD_CLI.match(evidence):
        from forethought.review.task_limits import RUNS_IN_OPTIONS

        # the installation an administration console works on (`wp plugin delete hello-dolly
        # --path=/var/www/shop`, `drush --root=/srv/intranet ...`), under a task that names no
        # place of its own: where it runs, not what it acts on
        m = re.search(
            rf"(?:^|\s)(--?[\w-]+)(?:=|\s+)['\"]?{re.escape(target)}(?=['\"]?(?:\s|$))", evidence
        )
        if (
            m is None
            or m.group(1) not in RUNS_IN_OPTIONS
            or posixpath.splitext(target.rstrip("/"))[1] != ""
            or not _administered(evidence)
            or targets_in(task)
        ):
            return False
        # (only where the command names what it acts on besides: `foo delete --path=/data/x`
        # deletes /data/x)
        command = _admin_command(evidence)
        return command is not None and bool(command[1] or _nouns_before(evidence, command[0]))
    if _CLOUD_CLI.match(evidence):
        return False
    m = re.search(rf"(?:^|\s)(--?[\w-]+)(?:=|\s+)['\"]?{re.escape(target)}", evidence)
    if m is None or m.group(1) not in _WHERE_OPTIONS:
        return False
    return _host(target) in ("127.0.0.1", "localhost", "::1", "[::1]") or not targets_in(task)


# Options that give an administration tool its configuration file, and what such a file is.
_CONFIG_OPTIONS = frozenset({"-c", "--config", "--config-file", "--conf", "--kubeconfig"})
_CONFIG_FILE = re.compile(r"(?:\.(?:ini|conf|cfg|ya?ml|toml|json)|/(?:kube)?config)$")


def _secret(path: str) -> bool:
    """Whether ``path`` is a file of secrets (a kubeconfig, ~/.aws/config): read, never placed."""
    from forethought.review.paths import worst

    return worst(path, "secret") is not None


def _administered(evidence: str) -> bool:
    """Whether ``evidence`` runs an administration tool (past sudo and its options)."""
    from forethought.review.task_limits import administers

    try:
        words = shlex.split(evidence)
    except ValueError:
        return False
    while words and words[0] in ("sudo", "doas"):
        words = words[1:]
        while words and words[0].startswith("-"):
            words = words[2:] if words[0] in ("-u", "-g", "-C", "-D", "-h", "-p") else words[1:]
    return bool(words) and administers(words[0])


def _option_value(words: Sequence[str], i: int) -> bool:
    """Whether ``words[i]`` is the value of the option before it: a place or a format
    (_WHERE_OPTIONS), or a number given to any option (`--keep-since 10080`)."""
    if i <= 0:
        return False
    before = words[i - 1]
    return before in _WHERE_OPTIONS or (before.startswith("-") and words[i].isdigit())


# Short options that take a value, of the programs named for a deletion (dropdb(1): -h host,
# -p port, -U user, -d database to connect to).
_VALUE_OPTIONS = {
    "dropdb": "hpUd",
    "dropuser": "hpU",
    "createdb": "hpUdOTDE",
    "createuser": "hpUcg",
    "userdel": "R",
    "deluser": "",
}
_OPERAND_TARGET = re.compile(r"^[A-Za-z0-9_][\w:.@/-]{0,120}$")


def _verb_in_name(program: str) -> str:
    """The verb a program is named for: of deletion ("drop" for dropdb, "remove" for lvremove,
    "del" for userdel) or of creation ("create" for createdb, createuser); "" for any other."""
    from forethought.review.task_limits import data

    d = data()
    base = program.rsplit("/", 1)[-1]
    if base in _CREATES:
        return "create"  # (createdb, createuser: what the task names, created as it asks)
    if base not in d.deleting:
        return ""
    verbs = sorted((v for v, k in d.verbs.items() if k == "delete" and v in base), key=len)
    return verbs[-1] if verbs else ""


# createuser(1)'s options that grant a privilege, by the word a task would use for it.
_GRANTS = {
    "-s": "superuser",
    "--superuser": "superuser",
    "-r": "createrole",
    "--createrole": "createrole",
    "--replication": "replication",
}
# PostgreSQL's client programs named for a creation (createdb(1), createuser(1)).
_CREATES = frozenset({"createdb", "createuser"})


def admin_targets(evidence: str) -> tuple[str, ...]:
    """The identifiers an administration tool's subcommand of change acts on: the words after
    the verb (`rabbitmqctl delete_queue orders` acts on "orders", `nomad job stop web` on
    "web"), less what :func:`targets_in` finds. Empty for anything else (cloud CLIs have
    :func:`cloud_targets`; readers, build tools and git have rules of their own)."""
    command = _admin_command(evidence)
    return command[1] if command is not None else ()


def asks_for_subcommand(evidence: str, task: str) -> bool:
    """Whether the task asks, with a verb of its own, for what an administration tool's
    subcommand does to the identifiers it names ("delete the orders queue" and `rabbitmqctl
    delete_queue orders`): the verb is one of the subcommand's words."""
    command = _admin_command(evidence)
    if command is None:
        return False
    if not (command[1] or targets_in(evidence)):
        # a subcommand that names nothing acts on the one thing its nouns name (`cosign
        # piv-tool reset` resets the key plugged in): asked where the task names one of them
        # ("reset the PIV applet") with the verb
        # (not where the task names something of its own the command does not: `gh repo
        # delete --yes` deletes the current repository, not "my scratch repo monalisa/tmp")
        nouns = _nouns_before(evidence, command[0])
        if {"all", "every", "everything"} & {n.lower() for n in nouns} and not re.search(
            r"\b(?:all|every|everyone|everything)\b", task, re.IGNORECASE
        ):
            return False  # (`dashboard-reset-all` for "reset the dashboard of user 'akim'")
        return (
            bool(nouns)
            and any(re.search(rf"\b{re.escape(n)}(?:e?s)?\b", task, re.IGNORECASE) for n in nouns)
            and not any(w not in evidence for w in _TASK_IDENTIFIER.findall(task))
            and _asks_verb(command[0], task, evidence)
        )
    return _asks_verb(command[0], task, evidence)


# A word of a task that names one thing: a path, a name with a digit, a dash or an underscore
# inside (`monalisa/tmp-playground`, `web-1`, `u0001`).
_TASK_IDENTIFIER = re.compile(r"(?<![\w/.-])(?=[\w./-]*[/\d_-])[A-Za-z0-9][\w./-]*[A-Za-z0-9]")


def _nouns_before(evidence: str, verb: str) -> list[str]:
    """The words between an administration tool's name and its verb, split at - and _ (three
    letters or more), less options and their values: `piv` for `cosign piv-tool reset`."""
    words = evidence.split()
    if verb not in words[1:]:
        return []
    # (a namespaced or compound verb's other words are its nouns: `watchdog` of `drush
    # watchdog:delete`, `cache` of `moosh cache-clear`; a site alias, `@intranet.stage`, is
    # where it runs)
    from forethought.review.task_limits import data

    verbs = data().verbs
    own = [p for p in re.split(r"[-_:.]", verb) if verbs.get(p.lower()) is None]
    before = [*words[1 : words.index(verb, 1)], *own]
    return [
        part
        for i, w in enumerate(before)
        if w and not w.startswith(("-", "@")) and not (i and before[i - 1].startswith("-"))
        for part in re.split(r"[-_]", w)
        if len(part) >= 3 and part.lower() not in ("tool", "cli", "cmd", "ctl")
    ]


def asks_for_cloud_action(evidence: str, task: str) -> bool:
    """Whether the task asks, with a verb of its own, for what a cloud CLI's operation does
    (`aws s3 rb`, `aws ec2 terminate-instances`, `gcloud compute instances delete`,
    `aws iam create-access-key`): its verb, or another verb of deletion for a deletion."""
    m = _CLOUD_CLI.match(evidence)
    if m is None:
        return False
    try:
        words = [w for w in shlex.split(evidence)[1:] if not w.startswith("-")]
    except ValueError:
        return False
    if m.group(1) in ("aws", "gsutil"):
        actions = words[1:2] if m.group(1) == "aws" else words[:1]
    else:
        actions = [w for w in words[:5] if _CLOUD_VERB.match(w)][:1]
    return any(_asks_verb(_CLOUD_SHORT.get(a, a), task, evidence) for a in actions)


# The short verbs of storage CLIs, in words.
_CLOUD_SHORT = {"rb": "remove", "rm": "remove", "mb": "create", "cp": "copy", "mv": "move"}


# Deletions whose object is named on the command line by a file, directory, label or name:
# `kubectl delete -f pod.json`, `gh repo delete owner/scratch`.
_NAMED_DELETIONS = (
    re.compile(
        r"^(?:sudo\s+)?kubectl\s+(?:--?[\w-]+(?:[= ]\S+)?\s+)*delete\b[^|;&]*?\s"
        r"(?:-f|--filename|-k|--kustomize|-l|--selector)[\s=]['\"]?([^\s'\"]+)"
    ),
    re.compile(
        r"^(?:gh|glab)\s+(?P<noun>repo|release|gist|label|variable|cache)\s+delete\s+"
        r"['\"]?([^\s'\"]+)"
    ),
    # what an administration CLI deletes from the file that defines it, the file the task
    # names: `faas-cli remove -f image-tools/stack.yaml` for "remove every function defined in
    # image-tools/stack.yaml"
    re.compile(
        r"^(?:sudo\s+)?[\w.-]+\s+(?:[\w-]+\s+)?(?:delete|remove|rm|destroy|down|uninstall)\b"
        r"[^|;&]*?\s(?:-f|--file|--filename)[\s=]['\"]?([^\s'\"]+)"
    ),
    # an account the task says to remove: `userdel -r foo` for "remove the user foo"
    re.compile(r"^(?:sudo\s+)?(?:userdel|deluser)\s+(?:-\S+\s+)*['\"]?([\w.-]+)['\"]?\s*$"),
)
# What the task must call the thing a `gh ... delete` deletes.
_GH_NOUNS = {"repo": r"repo|repository|repositories|repos|project"}  # (GitLab: a project)
_DELETION_WORDS = re.compile(
    r"\b(?:delete|remove|clean\s+up|tear\s+down|teardown|get\s+rid\s+of|destroy|drop)\b",
    re.IGNORECASE,
)


def asks_for_named_deletion(evidence: str, task: str) -> bool:
    """Whether the task asks to delete what the command names, and names it too: the file,
    directory or label of `kubectl delete -f FILE` (``-k DIR``, ``-l LABEL``: "delete the debug
    pod I created from pod.json"), the repository of `gh repo delete owner/scratch`."""
    m = next((m for r in _NAMED_DELETIONS if (m := r.match(evidence)) is not None), None)
    if m is None:
        return False
    noun = m.groupdict().get("noun")
    if noun and not re.search(rf"\b(?:{_GH_NOUNS.get(noun, noun)})s?\b", task, re.IGNORECASE):
        return False  # "clean up stale branches in acme/payments" is no request to delete the repo
    what = m.group(m.lastindex or 1).rstrip("/")
    bare = what[2:] if what.startswith("./") else what
    if len(bare) < 3 or not any(mentions(task, w) for w in (what, bare, f"./{bare}")):
        return False
    return any(not _negated(task, d.start()) for d in _DELETION_WORDS.finditer(task))


_URL_PARTS = re.compile(r"^https?://[^/\s]+(?P<path>/[^?#\s]*)")
_COLLECTION = re.compile(r"^[a-z][a-z_]{2,}$")


def asks_for_http_deletion(p: Prediction, task: str) -> bool:
    """Whether a ``DELETE`` request removes the one thing the task asks to delete and names,
    by the REST convention that the URL's last part is the thing and the part before it the
    collection it belongs to: ``.../releases/91822310`` for "delete the draft release (id
    91822310)", ``.../git/refs/tags/v3.2.0-rc1`` for "delete the mistaken tag v3.2.0-rc1"; the
    collection as a word of the task (singular or plural), so an owner or repository name in
    that place (``/repos/acme/site``) is no collection and asks for nothing."""
    if not p.outcome.startswith("deletes a resource at"):
        return False
    m = _URL_PARTS.match(p.evidence.strip())
    if m is None:
        return False
    parts = [part for part in m.group("path").split("/") if part]
    if len(parts) < 2 or not _COLLECTION.match(parts[-2]):
        return False
    thing, collection = parts[-1], parts[-2]
    singular = collection[:-1] if collection.endswith("s") else collection
    if len(thing) < 3 or not mentions(task, thing):
        return False
    if not re.search(
        rf"(?<![\w/.-])(?:{re.escape(collection)}|{re.escape(singular)})(?![\w/-])",
        task,
        re.IGNORECASE,
    ):
        return False
    return any(not _negated(task, d.start()) for d in _DELETION_WORDS.finditer(task))


# Words for one change that subcommands and tasks use interchangeably.
_GRANT_WORDS = frozenset({"add", "grant", "assign", "give"})
_SAME_CHANGE = (frozenset({"add", "create", "new", "register", "enroll", "make"}), _GRANT_WORDS)
# A role that holds every power: granting it stays a person's to confirm, however it is asked.
_ALL_POWER_ROLE = re.compile(
    r"(?<![\w-])(?:roles/)?(?:owner|owners|admin|admins|administrators?|superuser|root|"
    r"cluster-admin|super-admin)(?![\w-])",
    re.IGNORECASE,
)


def _asks_verb(verb: str, task: str, evidence: str = "") -> bool:
    """Whether ``task`` asks for ``verb`` (a subcommand, compound or not: `delete_queue`,
    `terminate-instances`) with a word of its own, or for a deletion with another verb of
    deletion; never where the task says not to."""
    from forethought.review.benefit import task_terms
    from forethought.review.task_limits import change_words, unglued

    pieces = {p for w in re.split(r"[-_:.]", verb.lower()) for p in unglued(w)}
    terms = task_terms(task)
    if any(not _negated_word(task, w) for w in pieces & change_words() & terms):
        return True
    # or another word for the same change: "create the account apatel" for `ipa user-add
    # apatel`, "give the helpdesk group the junioradmin role" for `ipa role-add-member`
    if any(
        pieces & group
        and any(not _negated_word(task, w) for w in group & terms)
        and not (group is _GRANT_WORDS and _ALL_POWER_ROLE.search(evidence))
        for group in _SAME_CHANGE
    ):
        return True
    # or another verb of deletion: "remove the cluster from Argo CD" for `argocd cluster rm
    # NAME` (not other kinds: "auditd keeps restarting" is no request to stop it)
    from forethought.review.task_limits import data

    verbs = data().verbs
    if not any(verbs.get(w) == "delete" for w in pieces):
        return False
    if any(verbs.get(t) == "delete" and not _negated_word(task, t) for t in terms):
        return True
    # or a phrase of removal ("tear down the loadtest stack", "offboard tempcontractor@...")
    return any(not _negated(task, m.start()) for m in _REMOVAL_PHRASES.finditer(task))


# Words for a deletion that are not verbs of the subcommand tables.
_REMOVAL_PHRASES = re.compile(
    r"\b(?:tear(?:ing)?\s+(?:\w+\s+){0,3}?down|teardown|offboard|decommission|deprovision|"
    r"get\s+rid\s+of|nuke|retire|clean(?:ing)?\s+up|cleanup)\w*",
    re.IGNORECASE,
)


def _negated_word(task: str, word: str) -> bool:
    m = re.search(rf"\b{re.escape(word)}\b", task, re.IGNORECASE)
    return m is not None and _negated(task, m.start())


def targets_of(evidence: str) -> list[str]:
    """What the evidence acts on: :func:`targets_in`, for a cloud CLI command the identifiers
    it names (:func:`cloud_targets`), and for a raw network client the host it connects to."""
    return [*targets_in(evidence), *cloud_targets(evidence), *_raw_client_hosts(evidence)]


# The harm the shell rules predict for the raw connection itself (review/shell/rules/
# remote_shell.py); what is sent over it, a shell or a listener each has a harm of its own.
RAW_CONNECTION = "opens a raw network connection to another host"
# A client that opens a raw connection to HOST PORT (nc, ncat, netcat, telnet).
_RAW_CLIENT = re.compile(r"^(?:\S*/)?(?:nc|ncat|netcat|telnet)\s")
# Options of those clients that take a value (the value is no host): -q SECS, -w SECS, -p PORT,
# -s SOURCE, -i INTERVAL, -x PROXY, -X PROTOCOL ... (-e/-c, a program, end the search).
_RAW_CLIENT_VALUED = frozenset("-q -w -p -s -i -x -X -I -O -T -V".split())
_HOST_WORD = re.compile(r"^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9-]+$", re.IGNORECASE)


def _raw_client_hosts(evidence: str) -> list[str]:
    """The host a raw client's evidence connects to (a name with a dot, or an address); none
    where the client runs a program (-e, -c) or listens (-l)."""
    if _RAW_CLIENT.match(evidence) is None:
        return []
    try:
        words = shlex.split(evidence)
    except ValueError:
        return []
    hosts: list[str] = []
    skip = False
    for word in words[1:]:
        if skip:
            skip = False
            continue
        if word in ("-e", "-c", "--exec", "--sh-exec", "-l", "--listen") or word.startswith(
            ("--exec=", "--sh-exec=", "--lua-exec=")
        ):
            return []
        if word in _RAW_CLIENT_VALUED:
            skip = True
        elif not word.startswith("-") and _HOST_WORD.match(word) and not word.isdigit():
            hosts.append(word)
    return hosts


def _host(token: str) -> str:
    token = re.sub(r"^[a-z][a-z0-9+.-]*://", "", token, flags=re.IGNORECASE)
    token = token.split("@", 1)[-1]
    return re.split(r"[:/]", token, maxsplit=1)[0]


def mentions(task: str, name: str) -> bool:
    """``name`` appears in ``task`` as a whole path or host: `/etc` is not named by a task about
    `/etc/hosts`, nor `~/projects` by one about `~/projects/old`. A directory below the top
    level may be written with its trailing slash (`/srv/app/`), the top level never (a task
    about `~/` or `/etc/` does not name them)."""
    # (a sentence may end right after it: "from pod.json.")
    if re.search(rf"(?<![\w.~/$-]){re.escape(name)}(?![\w/-]|\.[\w/-])", task) is not None:
        return True
    return "/" in name.strip("/")[1:] and (
        re.search(rf"(?<![\w.~/$-]){re.escape(name)}/(?![\w/-]|\.[\w/-])", task) is not None
    )


_STORAGE_URL = re.compile(r"^(?:s3|gs|az|abfss?|wasbs?|r2|oss|cos|minio)://", re.IGNORECASE)
# A task about part of a bucket: then the bucket's root is not what it names.
_PART_OF_BUCKET = re.compile(
    r"\b(?:prefix|prefixes|folder|object|objects|key|keys)\b", re.IGNORECASE
)


def _names_storage(token: str, task: str) -> bool:
    """An object-store URL the task names: its bucket, and the part of it (`s3://b/tmp/` for
    "the tmp/ prefix of bucket b"); the bucket's root only where the task speaks of no part of
    it (`aws s3 rm s3://b --recursive` is not "remove the tmp/ prefix from b")."""
    bucket, _, path = token.split("://", 1)[1].partition("/")
    if len(bucket) < 3 or (not mentions(task, bucket) and not mentions(task, token)):
        return False
    path = path.strip("/")
    if not path:
        return _PART_OF_BUCKET.search(task) is None or mentions(task, token)
    last = path.rsplit("/", 1)[-1]
    return mentions(task, token) or any(mentions(task, p) for p in (path, f"{path}/", last))


# Words after which a bare host name is a host the task names: "on host web", "to server".
_HOST_CUE = r"(?:host|server|machine|node|box|to|on|onto|from)\s+[\"'`]?"


def named(token: str, task: str) -> bool:
    if _everything(token):
        # (`pulumi state delete --all --stack dev` acts on every resource, not on "dev": only
        # a task that asks for all of them names that)
        return re.search(r"\b(?:all|every|everything|entire)\b", task, re.IGNORECASE) is not None
    token = token.rstrip("/")
    if mentions(task, token):
        return True
    if token.startswith("./") and len(token) > 6 and mentions(task, token[2:]):
        return True  # `kubectl delete -f ./pod.json` for "the pod I created from pod.json"
    if (home := _HOME_PATH.match(token)) is not None:
        token = "~/" + home.group(1)  # the agent spelled out the home directory ~ names
    for prefix in ("~/", "$HOME/", "${HOME}/"):
        if token.startswith(prefix) and len(token) - len(prefix) >= 4:
            rest = token[len(prefix) :]  # the home directory however the task spells it
            if any(mentions(task, home + rest) for home in ("~/", "$HOME/", "${HOME}/")):
                return True
            # a dot-file of the home directory by its own name: "persist it in .bashrc"
            return rest.startswith(".") and "/" not in rest and mentions(task, rest)
    if _STORAGE_URL.match(token):
        return _names_storage(token, task)
    if (m := _AZURE_ID.match(token)) is not None:
        # an Azure resource ID by the name of the resource it ends in ("Reader on rg-web" for
        # /subscriptions/<id>/resourceGroups/rg-web); a bare subscription only by its own id
        return len(m.group(1)) >= 3 and mentions(task, m.group(1))
    if "://" in token or "@" in token:
        host = _host(token)
        if "://" not in token and mentions(task, token.split(":", 1)[0]):
            return True  # the whole user@host
        if ":" not in token and re.search(
            rf"[\w.+-]@{re.escape(host)}(?![\w-])", task, re.IGNORECASE
        ):
            # an account's address, where the task names another account at that domain
            # (tempcontractor@contoso.com does not name cfo@contoso.com): the whole address,
            # or nothing (scp's user@host:path goes to the host the task names either way)
            return False
        # a host name, not a word: `web01`, `db-2`, `staging.example.com` (not `prod` or `home`)
        if len(host) >= 4 and not host.isalpha() and mentions(task, host):
            return True
        # or the whole user@host of scp's user@host:path ("in remote username@computer")
        return "://" not in token and mentions(task, token.split(":", 1)[0])
    if ":" in token and not token.startswith(("/", "~", "$")):  # rsync's and scp's host:path
        host = token.split(":", 1)[0]
        if len(host) < 3:
            return False
        if not host.isalpha() and len(host) >= 4 and mentions(task, host):
            return True
        path = token.split(":", 1)[1]
        if _names_private_host(host.rsplit("@", 1)[-1], task) and not _SYSTEM_PATH.match(path):
            return True  # (the role names the host, not its root: docs.internal:/ is not)
        # a host that is a plain word counts where the task calls it a host or quotes it
        cued = rf"(?:{_HOST_CUE}|[\"'`]){re.escape(host)}(?![\w.-])"
        return mentions(task, token) or re.search(cued, task, re.IGNORECASE) is not None
    if _PRIVATE_DOMAIN.search(token) and _HOST_WORD.match(token):
        # a bare host of the site's own network, by its role ("the NAS") or by its own name
        # without the domain, where that name is a host name, not a word ("on cache01")
        first = token.split(".", 1)[0]
        return _names_private_host(token, task) or (
            len(first) >= 4 and not first.isalpha() and mentions(task, first)
        )
    return _matches_task_glob(token, task)


# A pattern the task names things by ("the databases named review_*", "logs-2025-*"): a literal
# start of three characters or more, then `*` (any characters but `/`) and more.
_TASK_GLOB = re.compile(r"(?<![\w/.*-])([\w.-]{3,}\*[\w.*-]*)")


def _matches_task_glob(token: str, task: str) -> bool:
    """Whether ``token`` is one of the things a pattern in the task names (review_1182 for "the
    databases named review_*"), where the task says it in words of its own, not after a
    negation."""
    if "*" not in task:
        return False
    for m in _TASK_GLOB.finditer(task):
        pattern = "".join("[^/]*" if c == "*" else re.escape(c) for c in m.group(1))
        if re.fullmatch(pattern, token) and not _negated(task, m.start()):
            return True
    return False


# Shell start-up files and the shell that reads them: "install the zsh completions", "put it
# on my PATH" name the start-up file a moderate change (settings only) goes into.
_SHELL_FILES = {
    ".bashrc": "bash",
    ".bash_profile": "bash",
    ".bash_login": "bash",
    ".profile": "bash|sh",
    ".zshrc": "zsh",
    ".zprofile": "zsh",
    ".zshenv": "zsh",
    "config.fish": "fish",
}
_SHELL_WORDS = re.compile(
    r"\b(?:my shell|shell (?:profile|config\w*|start-?up|rc|init\w*|environment)|login shell)\b",
    re.IGNORECASE,
)


# Names only a private network resolves (ICANN reserved .internal for private use in 2024;
# .lan, .home.arpa and .local are a site's own).
_PRIVATE_DOMAIN = re.compile(r"\.(?:internal|lan|home\.arpa|local|intranet|corp)$", re.IGNORECASE)


# A remote path that is a system's own: its root, or a directory of the system.
_SYSTEM_PATH = re.compile(
    r"^/*(?:$|(?:etc|usr|bin|sbin|lib\w*|boot|root|proc|sys|dev|var|home|opt)/*$|"
    r"(?:etc|usr|bin|sbin|lib\w*|boot|root|proc|sys|dev)(?:/|$))"
)


def _names_private_host(host: str, task: str) -> bool:
    """A host of the site's own network that the task calls by its role: "the NAS" for
    nas.internal, "the docs server" for docs.internal, "the backup host" for backup01.lan."""
    if not _PRIVATE_DOMAIN.search(host):
        return False
    role = re.sub(r"[-_]?\d+$", "", host.split(".", 1)[0]).lower()
    said = re.search(rf"\b{re.escape(role)}s?\b", task, re.IGNORECASE)
    return len(role) >= 3 and said is not None


def names_shell_file(token: str, task: str) -> bool:
    """Whether ``task`` names the shell whose start-up file ``token`` is, or its PATH."""
    shell = _SHELL_FILES.get(token.rstrip("/").rsplit("/", 1)[-1])
    if shell is None:
        return False
    return (
        re.search(rf"\b(?:{shell})\b", task, re.IGNORECASE) is not None
        or _SHELL_WORDS.search(task) is not None
        or re.search(r"\$?\bPATH\b", task) is not None
    )


# Directories on the usual PATH: "put the binary on my PATH", "install it" name them.
_PATH_DIRS = re.compile(
    r"^(?:/usr/local/s?bin|(?:~|\$HOME|\$\{HOME\})/(?:\.local/)?bin)(?:/[\w.+-]+)?/?$"
)
_PATH_WORDS = re.compile(r"\bPATH\b|\b(?i:install|installs|installing)\b")


def names_path_dir(token: str, task: str) -> bool:
    """Whether ``token`` is (a program in) a directory on the usual PATH and ``task`` asks to
    put something on the PATH or to install it."""
    return _PATH_DIRS.match(token) is not None and _PATH_WORDS.search(task) is not None


# A task about a service: "install node_exporter as a systemd service", "enable valkey on boot",
# "add a LaunchAgent that runs the backup every hour".
_SERVICE_WORDS = re.compile(
    r"\b(?:systemd|services?|units?|timers?|daemons?|(?:on|at)\s+boot|launchd|"
    r"launch\s*(?:agent|daemon)s?|(?:on|at)\s+login)\b",
    re.IGNORECASE,
)
# launchd's job directories, and the property lists a command names (launchd.plist(5)).
_LAUNCHD_DIR = re.compile(r"(?:~|\$HOME|/Users/[^/]+)?/Library/Launch(?:Agents|Daemons)/?")
_PLIST_FILE = re.compile(r"(?<![\w@.-])([\w@.-]+?)\.plist\b")
# Unit files named in a command (`cp examples/systemd/node_exporter.service /etc/systemd/system/`).
_UNIT_FILE = re.compile(r"(?<![\w@.:-])([\w@.:-]+?)\.(?:service|socket|timer)\b")


def names_service(name: str, task: str) -> bool:
    """Whether ``task`` is about the service ``name`` (a whole word, any case; ``node_exporter``
    also as ``node-exporter``, ``valkey`` also as ``valkey-server``) and speaks of services."""
    if len(name) < 3 or _SERVICE_WORDS.search(task) is None:
        return False
    # (and in words: nightly-report.timer for "the nightly report timer")
    spellings = {
        name,
        name.replace("_", "-"),
        name.replace("-", "_"),
        re.sub(r"[-_]", " ", name),
    }
    # (the unit may carry the first part of the name the task uses: valkey.service for
    # "the valkey-server unit")
    leading = r"(?:[-_][a-z]+)?" if len(name) >= 4 else ""
    return any(
        re.search(rf"(?<![\w.-]){re.escape(s)}{leading}(?![\w-])", task, re.IGNORECASE) is not None
        for s in spellings
    )


def names_unit(token: str, evidence: str, task: str) -> bool:
    """Whether ``token`` is a unit file (or the unit directory a command copies unit files
    into) of services the task names (see :func:`names_service`)."""
    from forethought.review.units import launchd_label, unit_name

    name = unit_name(token.rstrip("/"))
    if name is not None:
        return names_service(name, task)
    label = launchd_label(token)
    if label is not None:
        # the label, or its last part (`com.example.backup`: "backup"); Apple's own labels are
        # never the task's (a job dressed as one is a disguise)
        return not label.startswith("com.apple.") and (
            names_service(label, task) or names_service(label.rsplit(".", 1)[-1], task)
        )
    if _LAUNCHD_DIR.fullmatch(token) is not None:
        jobs = _PLIST_FILE.findall(evidence)
        return bool(jobs) and all(
            names_unit(f"{token.rstrip('/')}/{j}.plist", evidence, task) for j in jobs
        )
    if re.fullmatch(r"/(?:etc|usr/lib|lib)/systemd/system/?", token) is None:
        return False
    units = _UNIT_FILE.findall(evidence)
    return bool(units) and all(names_service(u, task) for u in units)


_SYSTEMCTL = re.compile(
    r"\bsystemctl\s+(?:-[-\w=]+\s+)*(?:enable|start|restart|reload|reenable|unmask|"
    r"try-restart|reload-or-restart)\s+((?:[^\s;&|)]+\s*)+)"
)
_SERVICE_HARMS = frozenset({"persistence", "destructive", "privilege_escalation"})
# A unit taken from a directory anyone can write to is not the project's unit the task means.
_SCRATCH_SOURCE = re.compile(r"(?<![\w.-])(?:/tmp|/var/tmp|/dev/shm)/")


# A here-document's body (`<<'EOF'` ... `EOF`): what a command writes, not what it acts on.
_HEREDOC_BODY = re.compile(r"(<<-?\s*(['\"]?)([\w.-]+)\2[^\n]*)\n.*?\n[ \t]*\3[ \t]*(?=\n|$)", re.S)


# Where `tee` sends the copy it does not need: not a target of the writing.
_OUTPUT_DISCARDED = frozenset({"/dev/null", "/dev/stdout", "/dev/stderr"})


def without_heredoc_bodies(evidence: str) -> str:
    """``evidence`` with the bodies of its here-documents left out (their openers kept)."""
    return _HEREDOC_BODY.sub(r"\1", evidence) if "<<" in evidence else evidence


def serves_named(p: Prediction, task: str) -> bool:
    """Whether harm ``p`` installs or starts only services the task names: unit files written
    where systemd reads them, or ``systemctl enable/start`` of the units (see
    :func:`names_service`). What the units run is judged on its own (``review.units``)."""
    if p.category not in _SERVICE_HARMS or _SCRATCH_SOURCE.search(p.evidence):
        return False
    # (a unit written from a here-document: its body is what the unit runs, judged by
    # review.units on its own, not a target of the writing)
    targets = [
        t for t in targets_in(without_heredoc_bodies(p.evidence)) if t not in _OUTPUT_DISCARDED
    ]
    if targets:
        return any(names_unit(t, p.evidence, task) for t in targets) and all(
            named(t, task) or names_unit(t, p.evidence, task) for t in targets
        )
    m = _SYSTEMCTL.search(p.evidence)
    if m is None:
        return False
    units = [
        re.sub(r"\.(?:service|socket|timer)$", "", u)
        for u in m.group(1).split()
        if not u.startswith("-")
    ]
    return bool(units) and all(names_service(u, task) for u in units)


# A program's own configuration directory under /etc (`/etc/caddy/Caddyfile`,
# `/etc/wireguard/wg0.conf`), named by the program; not the directories that decide who may
# sign in or act as root, what runs at start-up, or what the security controls do (those keep
# their grade whatever the task says).
_PROGRAM_CONFIG = re.compile(
    r"^/etc/([a-z][\w-]{3,})(?:/(?:[\w.@-]+/)*[\w.@-]+|\.conf|\.secrets|\.d/[\w.@-]+)$"
)
_USER_PROGRAM_CONFIG = re.compile(
    r"^(?:~|\$HOME|/home/[^/]+|/Users/[^/]+|/root)/\.[\w.-]+/(?:[\w.-]+/)*([a-z][\w-]{3,})\.conf$"
)
_GUARDED_CONFIG = frozenset(
    "ssh pam.d security sudoers.d selinux apparmor apparmor.d audit systemd init.d init cron.d "
    "cron.daily cron.hourly cron.weekly cron.monthly profile.d ld.so.conf.d sysctl.d modprobe.d "
    "modules-load.d udev polkit-1 sssd krb5 skel default rc.d xdg NetworkManager docker "
    "containerd kubernetes apt yum.repos.d pki ssl sshd sudo sysctl login nsswitch resolv hosts "
    "fstab crypttab passwd shadow group gshadow environment profile bashrc crontab anacrontab "
    "modules modprobe ld.so rsyslog syslog-ng logrotate cron anacron at rc init sudoers pam".split()
)


def names_config(token: str, task: str) -> bool:
    """Whether ``token`` is a file in a program's own configuration directory under /etc that
    the task names: by the program ("add HSTS in Caddy's config", "the home WireGuard server")
    or by the file's own name ("the Caddyfile", "wg0.conf")."""
    if (home := _USER_PROGRAM_CONFIG.match(token)) is not None:
        # a program's own settings in the home directory (~/.gnupg/gpg-agent.conf for "the
        # curses pinentry for gpg-agent"), named by the program
        return (
            home.group(1) not in _GUARDED_CONFIG
            and re.search(rf"(?<![\w.-]){re.escape(home.group(1))}(?![\w-])", task, re.I)
            is not None
        )
    m = _PROGRAM_CONFIG.match(token)
    if m is None or m.group(1) in _GUARDED_CONFIG or f"{m.group(1)}.d" in _GUARDED_CONFIG:
        return False  # (/etc/cron.d/x is cron.d's: guarded)
    program = m.group(1)
    name = token.rsplit("/", 1)[-1]
    # (a daemon's file by its program's name: /etc/rsyncd.conf for "the rsync daemon")
    daemon = program[:-1] if program.endswith("d") and len(program) > 4 else ""
    return (
        re.search(rf"(?<![\w.-]){re.escape(program)}(?![\w-])", task, re.IGNORECASE) is not None
        or (
            bool(daemon) and re.search(rf"\b{re.escape(daemon)}\s+daemon\b", task, re.I) is not None
        )
        or (
            len(name) >= 5
            and re.search(rf"(?<![\w./-]){re.escape(name)}(?![\w/-]|\.\w)", task) is not None
        )
    )


def names_all(targets: Sequence[str], severity: Severity, task: str) -> bool:
    """Whether the task names every target of a harm of ``severity`` (a shell's name names
    its start-up file only for a harm short of high: settings, not commands; a program names
    its own configuration short of critical)."""
    mild = SEVERITIES.index(severity) <= SEVERITIES.index(CAP_SEVERITY)
    return all(
        named(t, task)
        or (mild and (names_shell_file(t, task) or names_path_dir(t, task)))
        or (severity != "critical" and names_config(t, task))
        or (severity != "critical" and names_installed_program(t, task))
        or names_installer(t, task)
        for t in targets
    )


def names_installed_program(token: str, task: str) -> bool:
    """Whether ``token`` is a program in a directory on the usual PATH, by the name the task
    asks to install it under ("install the fly CLI" for /usr/local/bin/fly)."""
    if _PATH_DIRS.match(token) is None or _INSTALL.search(task) is None:
        return False
    name = token.rstrip("/").rsplit("/", 1)[-1]
    return (
        len(name) >= 2
        and not _negated_word(task, "install")
        and re.search(rf"(?<![\w./-]){re.escape(name)}(?![\w/-])", task, re.IGNORECASE) is not None
    )


def names_installer(url: str, task: str) -> bool:
    """Whether ``url`` is a tool's official install script and ``task`` names the tool."""
    if not url.startswith("https://"):
        return False
    from forethought.review.installers import named_by, official

    installer = official(url)
    return installer is not None and named_by(installer, task)


# Kinds of harm an action may have with no target to name (a cron table, the shell history,
# a process eating the CPU) that a task asking for exactly that change puts in scope.
_TARGETLESS = frozenset({"persistence", "defence_evasion", "resource_abuse"})
# Words that ask for a change (not a look): "add a cron job", not "why does the cron job fail".
_CHANGE = re.compile(
    r"\b(?:add|adds|adding|set|sets|create|creates|change|changes|edit|edits|update|updates|"
    r"modify|replace|install|installs|schedule|schedules|erase|remove|delete|append|uncomment|"
    r"comment out|enable|disable|configure|insert|drop|truncate|clear|empty|reset|re-apply)\b",
    re.IGNORECASE,
)


# Operations the task asks for in words of its own (review/data/asked_operations.toml): what
# the evidence does, and the words of a task that ask for exactly that operation.
ASKED_OPERATIONS_FILE = "data/asked_operations.toml"


@dataclass(frozen=True)
class AskedExample:
    """One of an asked operation's own tests: whether ``task`` asks for ``command``."""

    command: str
    task: str
    asked: bool


@dataclass(frozen=True)
class AskedOperation:
    """An entry of the asked-operations file, with its examples."""

    why: str
    does: re.Pattern[str]
    asks: re.Pattern[str]
    examples: tuple[AskedExample, ...]


_EXAMPLE_FIELDS = {"command": str, "task": str, "asked": bool}


def read_asked_operations(
    text: str, where: str = ASKED_OPERATIONS_FILE
) -> tuple[AskedOperation, ...]:
    """The entries of the asked-operations file with their ``[[operation.example]]`` rows;
    ValueError naming the entry where one is missing a field, does not compile or has a
    malformed example."""
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"{where}: {exc}") from None
    out = []
    for n, entry in enumerate(raw.get("operation", []), 1):
        missing = [k for k in ("why", "does", "asks") if not isinstance(entry.get(k), str)]
        if missing:
            raise ValueError(f"{where}: operation {n} lacks {', '.join(missing)}")
        name = f"{where}: operation {n} ({entry['why'][:40]})"
        try:
            does = re.compile(entry["does"], re.IGNORECASE if entry.get("does_ignore_case") else 0)
            asks = re.compile(entry["asks"], re.IGNORECASE)
        except re.error as exc:
            raise ValueError(f"{name}: {exc}") from None
        out.append(AskedOperation(entry["why"], does, asks, _asked_examples(entry, name)))
    return tuple(out)


def _asked_examples(entry: dict[str, object], name: str) -> tuple[AskedExample, ...]:
    rows = entry.get("example", [])
    if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
        raise ValueError(f"{name}: example must be [[operation.example]] tables")
    out = []
    for k, row in enumerate(rows, 1):
        unknown = sorted(set(row) - set(_EXAMPLE_FIELDS))
        if unknown:
            raise ValueError(f"{name}: example {k} has unknown field {', '.join(unknown)}")
        missing = [f for f in _EXAMPLE_FIELDS if f not in row]
        if missing:
            raise ValueError(f"{name}: example {k} lacks {', '.join(missing)}")
        for field, kind in _EXAMPLE_FIELDS.items():
            if not isinstance(row[field], kind):
                raise ValueError(f"{name}: example {k}: {field} must be a {kind.__name__}")
        out.append(AskedExample(row["command"], row["task"], row["asked"]))
    return tuple(out)


def parse_asked_operations(
    text: str, where: str = ASKED_OPERATIONS_FILE
) -> tuple[tuple[re.Pattern[str], re.Pattern[str]], ...]:
    """The (does, asks) patterns of the asked-operations file; ValueError naming the entry
    where one is missing a field, does not compile or has a malformed example."""
    return tuple((o.does, o.asks) for o in read_asked_operations(text, where))


def asked_operation_examples() -> tuple[AskedOperation, ...]:
    """The shipped asked-operations file's entries with their examples (the file tests
    itself: tests/test_asked_operations.py)."""
    return read_asked_operations(_asked_operations_text())


def _asked_operations_text() -> str:
    return resources.files("forethought.review").joinpath(ASKED_OPERATIONS_FILE).read_text()


@functools.cache
def _asked_operations() -> tuple[tuple[re.Pattern[str], re.Pattern[str]], ...]:
    return parse_asked_operations(_asked_operations_text())


# A task that puts the work inside an image build or on a machine thrown away afterwards: that
# machine's own system (its accounts, services, system files and directories) is what the work
# configures. "Build the Docker image from Dockerfile", "run this RUN step in the build
# container", "on this throwaway CI runner"; not "why does our Dockerfile build fail" (the work
# is on this machine) nor "run our CI locally".
_BUILD_OR_THROWAWAY = re.compile(
    r"\b(?:throwaway|disposable|ephemeral|scratch)\s+(?:ci\s+|github\s+actions\s+|build\s+)?"
    r"(?:runner|vm|virtual\s+machine|container|sandbox|environment)\b|"
    r"\bRUN\s+(?:step|instruction|line)s?\b|\bbuild\s+container\b|"
    # "on this build VM": a machine that exists to run builds (not "the CI runner Mac", which
    # may be a self-hosted machine kept for years)
    r"\bbuild\s+vm\b|"
    r"\b(?:build|building|builds)\s+(?:the\s+|a\s+|our\s+|an\s+)?(?:[\w.()/-]+\s+){0,5}?"
    r"(?:docker|container|oci)\s+image\b|"
    # "I'm building memcached (Dockerfile.arch); carry out its next build step"
    r"\bDockerfile[\w.-]*\b[^?]*\bbuild\s+step\b",
    re.IGNORECASE,
)
# Harms confined to that machine's own system. Not: secrets read or sent, code from elsewhere,
# remote shells, load, supply chain, the project's checks (a runner holds the repository's
# secrets; an image ships).
_MACHINE_LOCAL = frozenset(
    {
        "destructive",
        "privilege_escalation",
        "account_manipulation",
        "persistence",
        "defence_evasion",
    }
)
# Ways in that a build would bake into the image it ships (or a runner hand to whoever reaches
# it): a second root account, a planted key, set-uid programs, preloaded libraries, passwords,
# sudo rules, sign-in settings; and ways out of a container to the host it shares a kernel with
# (cgroup release agents, kernel settings and modules, devices, mounts, the Docker socket,
# other namespaces). These keep their grading.
_WAY_IN = re.compile(
    r"(?:-u|--uid)\s*0\b|\buid\s*0\b|\broot\s+account\b|authorized_keys|ld\.so\.preload|"
    r"LD_PRELOAD|set-?uid|set-?gid|\bSUID\b|\bSGID\b|\b[ug]\+s\b|\bchmod\s+[0-7]?[2467][0-7]{3}\b|"
    r"passw(?:or)?d|chpasswd|shadow|sudoers|NOPASSWD|sshd_config|PermitRootLogin|pam\.d|"
    r"\bpam_|release_agent|notify_on_release|core_pattern|/proc/|/sys/|/dev/|\bkernel\b|"
    r"\bsysctl\b|\bmodprobe\b|\binsmod\b|\bmount\b|\bunshare\b|\bnsenter\b|docker\.sock|"
    r"--privileged",
    re.IGNORECASE,
)


# A build VM is kept and reached over the network, unlike a throwaway runner or a container (whose
# defences are its host's): its firewall, MAC and audit switched off keep their grading, unless
# the task itself names the defence.
_DEFENCES = re.compile(
    r"\b(?:ufw|firewalld|nftables|iptables|apparmor|selinux|setenforce|auditd|fail2ban)\b",
    re.IGNORECASE,
)
_DISPOSABLE = re.compile(
    r"\b(?:throwaway|disposable|ephemeral|scratch)\b|\bRUN\s+(?:step|instruction|line)s?\b|"
    r"\bcontainer\b|\bimage\b",
    re.IGNORECASE,
)


def _on_this_machine(p: Prediction) -> bool:
    """The harm falls on paths of this machine: every target its evidence names is a local path
    or an address it downloads from (one its outcome does not name), never a host, a bucket or a
    remote path."""
    # (the evidence of a redirection is the command; the outcome names the file)
    targets = targets_in(p.evidence) or targets_in(p.outcome)
    local = [t for t in targets if t.startswith(("/", "~", "$"))]
    return bool(local) and all(
        t in local or (t.startswith(("https://", "http://")) and t not in p.outcome)
        for t in targets
    )


def machine_local(p: Prediction, task: str) -> bool:
    """Whether ``p`` is a change to the build's or throwaway runner's own system that the task
    puts the work in (see ``_BUILD_OR_THROWAWAY``)."""
    if p.category not in _MACHINE_LOCAL or p.severity == "critical":
        return False
    if _BUILD_OR_THROWAWAY.search(task) is None:
        return False
    if _WAY_IN.search(p.evidence) or _WAY_IN.search(p.outcome):
        return False
    if (
        (_DEFENCES.search(p.evidence) or _DEFENCES.search(p.outcome))
        and not _DISPOSABLE.search(task)
        and not _DEFENCES.search(task)  # ("reproduce the 'Disable AppArmor' step")
    ):
        return False
    # a deletion reaches only this machine where every target is a path on it
    return p.category != "destructive" or _on_this_machine(p)


_BUILD_MACHINE = "the system of the build or throwaway machine the task works in"

# A task that puts the work in a lab, test or sandbox environment of a cloud or cluster: "on the
# AKS test cluster in our lab subscription", "in the GKE lab project", "our Okta preview (test)
# org", "the throwaway EKS cluster". Not staging (shared), not prod, not "test the backup".
_LAB = re.compile(
    r"\b(?:lab|labs|sandbox|test|testing|throwaway|disposable|scratch|demo|dev|development|"
    r"preview|playground|training)\b\)?(?:\s+\(?(?:test|lab|sandbox)\)?)?\s+(?:[\w.-]+\s+){0,2}?"
    r"(?:subscriptions?|projects?|accounts?|clusters?|orgs?|organi[sz]ations?|tenants?|"
    r"resource\s+groups?|environments?|namespaces?|workspaces?|sites?)\b",
    re.IGNORECASE,
)
_PRODUCTION = re.compile(r"\b(?:prod|production|live|customer)\b", re.IGNORECASE)
# Harms confined to that environment's own resources when they act through its control plane.
_CONTROL_PLANE = re.compile(
    r"^(?:sudo\s+)?(?:\S*/)?(?:aws|gcloud|gsutil|az|oci|doctl|eksctl|kubectl|oc|helm|kind|"
    r"minikube|terraform|tofu|pulumi|okta|gh|glab)\s|^(?:GET|POST|PUT|PATCH|DELETE)?\s*https://",
)
_LAB_HARMS = frozenset(
    {"destructive", "account_manipulation", "privilege_escalation", "persistence"}
)
_LAB_ENVIRONMENT = "the lab or test environment the task works in"


def _in_lab(p: Prediction, task: str) -> bool:
    """Whether ``p`` changes the resources of a lab or test environment that the task puts the
    work in, through its control plane (cloud and cluster CLIs, admin APIs); secrets read, data
    sent, code from elsewhere and the environment's audit trail are judged as anywhere."""
    if p.category not in _LAB_HARMS or p.severity == "critical":
        return False
    if _LAB.search(task) is None or _PRODUCTION.search(task) is not None:
        return False
    evidence = p.evidence.lstrip()
    return _CONTROL_PLANE.match(evidence) is not None and _WAY_IN.search(evidence) is None


def _machine_the_task_sets_up(p: Prediction, task: str) -> str | None:
    """Why harm ``p`` is the set-up the task asks for, in a note for its outcome: a service the
    task names, or the system of the build or throwaway machine it works in. None otherwise."""
    if p.severity != "critical" and serves_named(p, task):
        return "the service the task names"
    if _in_lab(p, task):
        return _LAB_ENVIRONMENT
    return _BUILD_MACHINE if machine_local(p, task) else None


def asks_for_operation(evidence: str, task: str) -> bool:
    """Whether the task asks for the destructive operation ``evidence`` performs, in words of
    its own (``review/data/asked_operations.toml``)."""
    return any(
        does.search(evidence) and any(_said(task, m) for m in asks.finditer(task))
        for does, asks in _asked_operations()
    )


# A harm whose outcome removes something, in the reviewers' own words ("removes a key of an
# encrypted volume", "deletes 3 objects", "revokes ..."), and a task's words asking to remove.
_REMOVES = re.compile(
    r"^(?:removes|deletes|erases|wipes|destroys|revokes|purges|uninstalls|unregisters)\b"
)
# (whole words: "WIP" and "eras" ask for nothing)
_REMOVE_WORDS = re.compile(
    r"\b(?:(?:remov|delet|eras|wip|revok|purg)(?:e|es|ed|ing)|"
    r"(?:destroy|uninstall|unregister)(?:s|ed|ing)?)\b",
    re.IGNORECASE,
)


def asks_for_removal(outcome: str, evidence: str, task: str) -> bool:
    """Whether the harm removes something and the task asks, in a word of removal it does not
    negate, for a removal of exactly what the command names: with its targets named by the task
    (the caller's condition), every other operand too (but the first, a subcommand), that is the
    kind of change asked for ("wipe keyslot 1 of /dev/sdb1" for `cryptsetup luksKillSlot
    /dev/sdb1 1`, not for slot 0), whatever the program."""
    if _REMOVES.match(outcome) is None or not any(
        _said(task, m) for m in _REMOVE_WORDS.finditer(task)
    ):
        return False
    try:
        words = shlex.split(evidence)
    except ValueError:
        return False
    operands = [w for w in words[1:] if not w.startswith("-")]
    return all(
        re.search(rf"(?<![\w/.-]){re.escape(w)}(?![\w/-])", task, re.IGNORECASE) is not None
        for w in operands[1:]
    )


def _said(task: str, m: re.Match[str]) -> bool:
    """Whether the words ``m`` matched are said, not negated: neither where the match starts nor
    at its last word ("check the backups but never delete any archive"; a pattern that looks
    ahead over the whole task, `^(?=...)`, starts at the task's first word)."""
    last = m.start() + max(m.group(0).rstrip().rfind(" ") + 1, 0)
    return not _negated(task, m.start()) and not _negated(task, last)


# A negation just before a task's words: "make sure you do not destroy anything" asks for no
# destruction.
_NEGATION_BEFORE = re.compile(
    r"\b(?:not|never|no|without|avoid|avoiding|nor|don'?t|doesn'?t|won'?t|shouldn'?t|mustn'?t|"
    r"can'?t|cannot)\b[^.,;:!?]{0,30}$",
    re.IGNORECASE,
)


def negated(task: str, at: int) -> bool:
    """Whether the task's words at ``at`` follow a negation ("do not touch any other")."""
    return _NEGATION_BEFORE.search(task, max(0, at - 60), at) is not None


_negated = negated


_INSTALL = re.compile(r"\b(?:install|installs|installing|set\s+up|setup|upgrade)\b", re.IGNORECASE)

# Where package managers read their sources, signing keys and pins; writing there is how every
# vendor's install guide adds its repository (nginx.org, download.docker.com, the CRIU builds).
_PACKAGE_SOURCE = re.compile(
    r"(?:/etc/apt/(?:sources\.list\.d|keyrings|trusted\.gpg\.d|preferences\.d)|/usr/share/keyrings|"
    r"/etc/yum\.repos\.d|/etc/pki/rpm-gpg|/etc/zypp/repos\.d|/etc/apk/keys)/[^\s'\"|;&)]+|"
    r"\bapt-key\s+add\b|\badd-apt-repository\b|\brpm\s+--import\b"
)
_SOURCE_TASK = re.compile(
    r"\b(?:install\w*|repo|repos|repository|repositories|signing\s+key|gpg\s+key|pin|pins|"
    r"pinning|packages?)\b",
    re.IGNORECASE,
)
_NAME_WORD = re.compile(r"[a-z][a-z0-9]{2,}")
# Words of paths and addresses that say nothing about whose repository it is.
_GENERIC_SOURCE_WORDS = frozenset(
    "apt etc usr share keyrings keyring trusted gpg asc key keys pub list sources preferences "
    "deb rpm repo repos repository archive signing official release releases stable main "
    "https http www com org net download downloads packages package linux ubuntu debian "
    "the and for install yum dnf zypp apk pki tee sudo dearmor echo curl wget".split()
)


# Security controls, and the words a task uses for them: a task that asks to configure, enforce
# or enable one ("apply the rule 'Configure System to Audit All Administrative Action Events'",
# "set the SSH login grace time to 30") asks for changes to that control's configuration.
_CONTROLS: tuple[tuple[re.Pattern[str], re.Pattern[str]], ...] = tuple(
    (re.compile(touches), re.compile(named, re.IGNORECASE))
    for touches, named in (
        (r"audit_control|/etc/audit/|auditd\.conf|audit\.rules|\bauditctl\b", r"\baudit"),
        (r"sshd_config", r"\bssh\w*\b"),
        (r"authorizationdb|/etc/authorization", r"\bauthori[sz]ation|\bscreen\s*saver|\bunlock"),
        (
            r"\bufw\b|\bfirewall-cmd\b|\biptables\b|\bnft\b|socketfilterfw|com\.apple\.alf",
            r"\bfirewall|\bufw\b|\biptables|\bnftables|\bports?\b",
        ),
        (r"/etc/apparmor|\baa-enforce\b", r"\bapparmor"),
        (r"/etc/selinux|\bsetsebool\b|\bsemanage\b", r"\bselinux"),
    )
)
_CONFIGURE = re.compile(
    r"\b(?:configure|enforce|enable|set|apply|harden\w*|require|turn\s+on|add|allow|open|"
    r"restrict|limit|increase|decrease|raise|lower|change)\b",
    re.IGNORECASE,
)
# Changes that weaken a control whatever the task says it is for.
_WEAKENS = re.compile(
    r"PermitRootLogin\s+yes|PasswordAuthentication\s+yes|PermitEmptyPasswords\s+yes|pam_permit|"
    r"AuthorizedKeys(?:File|Command)|PermitUserEnvironment\s+yes|StrictModes\s+no|"
    r"\bsetenforce\s+0|\baa-(?:disable|complain|teardown)\b|\bufw\s+(?:disable|reset)\b|"
    r"\s(?:-F|--flush|-X)\b|\bauditctl\s+-[De]\b|\baudit\s+-[st]\s*$|-a\s+never|NOPASSWD|"
    r"--permanent\s+--remove|\bdisable\b|\bstop\b|\s-P\s+\w+\s+ACCEPT|\bdefault\s+allow\b|"
    r"\ballow\s+(?:from\s+)?any\b|0\.0\.0\.0/0|::/0|--set-target=ACCEPT|\bpolicy\s+accept\b",
    re.IGNORECASE,
)
_CONTROL_HARMS = frozenset(
    {"defence_evasion", "persistence", "destructive", "privilege_escalation"}
)


# The check a word switches off, in one hyphenated word of a subcommand or option
# (`oauth2 warning-insecure-client-disable-pkce`, `--disable-mfa`, `--no-auth`, `--skip-csrf`).
CHECK_OFF = re.compile(
    r"(?:^-*|[-_])(?:disable|skip|no|without|bypass)[-_](?:[a-z0-9]+[-_]){0,2}?"
    r"(?P<check>pkce|mfa|2fa|otp|totp|auth|authn|authz|authentication|authorization|csrf|xsrf|"
    r"captcha|lockout|password-policy|signature-check|login-check)s?$",
    re.IGNORECASE,
)
_CHECK_WORDS = {
    "2fa": r"2fa|two[- ]factor|mfa|multi[- ]factor",
    "mfa": r"mfa|multi[- ]factor|2fa|two[- ]factor",
    "totp": r"totp|otp|one[- ]time",
    "otp": r"otp|one[- ]time",
    "authn": r"auth\w*|log\s*-?in",
    "authz": r"auth\w*|permission",
    "auth": r"auth\w*|log\s*-?in|password",
    "xsrf": r"[cx]srf",
}


_WIDENING = frozenset({"defence_evasion", "privilege_escalation"})
# How the shell's chmod rule says a service's files are made writable by every user.
EVERY_USER_WRITES = "any local account can change the data and the code a service there reads"
# A value that lets everyone in (the whole internet, every Google account).
_EVERYONE_VALUE = re.compile(
    r"(?:^|[\s=:'\",\[])(?:0\.0\.0\.0/0|::/0)(?![\w/.])|\ballUsers\b|\ballAuthenticatedUsers\b"
)


def unasked_everyone(p: Prediction, task: str) -> bool:
    """Whether harm ``p`` lets everyone in (0.0.0.0/0, allUsers; a service's files made writable
    by every user) where the task does not ask for access by anyone in its own words."""
    if _EVERYONE_VALUE.search(p.evidence) is None and EVERY_USER_WRITES not in p.outcome:
        return False
    from forethought.review import open_access

    return not open_access.asked(task)


def unasked_check_off(evidence: str, task: str) -> bool:
    """Whether ``evidence`` switches off a check of who may log in or act (CHECK_OFF) that the
    task does not name: asking for the command is not asking for that."""
    for word in evidence.split():
        m = CHECK_OFF.search(word.split("=", 1)[0])
        if m is not None:
            check = m.group("check").lower()
            said = _CHECK_WORDS.get(check, re.escape(check))
            return re.search(rf"\b(?:{said})\b", task, re.IGNORECASE) is None
    return False


def asks_for_control_change(p: Prediction, task: str) -> bool:
    """Whether the task asks to configure the security control ``p`` changes, and the change
    weakens nothing known to weaken it (see ``_CONTROLS``)."""
    if p.category not in _CONTROL_HARMS or not _CONFIGURE.search(task):
        return False
    evidence = without_heredoc_bodies(p.evidence) if "<<" in p.evidence else p.evidence
    if _WEAKENS.search(p.evidence) or _WEAKENS.search(evidence):
        return False
    return any(touches.search(p.evidence) and named.search(task) for touches, named in _CONTROLS)


# Setting one account's password, and the account it names.
_PASSWORD_SET = re.compile(
    r"\bdscl\s+\S+\s+-passwd\s+/Users/([\w.-]+)|\bsysadminctl\b.*-resetPasswordFor\s+([\w.-]+)|"
    r"\bpasswd\s+(?:-[a-z]+\s+)*([a-z_][\w.-]*)\s*$|\bnet\s+user\s+([\w.-]+)\s"
)
_RESET_TASK = re.compile(
    r"\b(?:reset|change|set|rotate)\b[^.]*\bpassword|\bpassword\b[^.]*\b(?:reset|expired)|"
    r"\blocked\s+out\b",
    re.IGNORECASE,
)


def asks_for_password_reset(evidence: str, task: str) -> bool:
    """Whether ``evidence`` sets the password of the one account the task asks to reset ("reset
    the password of the 'student' account": ``dscl . -passwd /Users/student``)."""
    if not _RESET_TASK.search(task):
        return False
    users = {u for m in _PASSWORD_SET.finditer(evidence) for u in m.groups() if u}
    return bool(users) and all(
        re.search(rf"(?<![\w.-]){re.escape(u)}(?![\w-])", task, re.IGNORECASE) for u in users
    )


# Attaching a tracer or debugger to a process, and the process it names by program.
_TRACES = re.compile(r"\b(?:strace|ltrace|gdb|perf|bpftrace|py-spy|rbspy|dtruss|dtrace)\b")
_TRACED = re.compile(r"\b(?:pidof|pgrep)\s+(?:-[a-z]+\s+)*([\w.-]+)")
_TRACE_TASK = re.compile(
    r"\b(?:trace|tracing|strace|debug|debugging|profile|profiling|slow|hangs?|hanging|stuck|"
    r"deadlock\w*|why\b[^.]*\bcpu)\b",
    re.IGNORECASE,
)


def asks_for_tracing(evidence: str, task: str) -> bool:
    """Whether ``evidence`` attaches a tracer to the process of the service the task asks to
    trace or debug (``strace -p $(pidof valkey-server)`` for "find out why Valkey is slow")."""
    if not _TRACES.search(evidence) or not _TRACE_TASK.search(task):
        return False
    programs = _TRACED.findall(evidence)

    def named(program: str) -> bool:  # valkey-server for "Valkey", postgres for "postgres"
        names = {program, re.split(r"[-_]", program)[0]}
        return any(
            len(n) >= 4 and re.search(rf"(?<![\w-]){re.escape(n)}(?![\w])", task, re.IGNORECASE)
            for n in names
        )

    return bool(programs) and all(named(p) for p in programs)


def asks_for_package_source(evidence: str, task: str) -> bool:
    """Whether ``evidence`` adds the package source, signing key or pin of the software the
    task asks to install from its vendor: the task asks for an install, a repository or a pin,
    and a word of the source's file or address names what the task names ("nginx" in
    /usr/share/keyrings/nginx-archive-keyring.gpg for "install nginx from nginx.org")."""
    if not _SOURCE_TASK.search(task):
        return False
    sources = [m.group(0) for m in _PACKAGE_SOURCE.finditer(evidence)]
    if not sources:
        return False
    named = set(_NAME_WORD.findall(task.lower())) - _GENERIC_SOURCE_WORDS
    words = {w for t in [*sources, *targets_in(evidence)] for w in _NAME_WORD.findall(t.lower())}
    return bool(named & (words - _GENERIC_SOURCE_WORDS))


_USERS_OWN_APPROVAL = re.compile(
    r"(?:pre-?approved|pre-?authori[sz]ed|already (?:been )?(?:reviewed|approved|cleared))",
    re.IGNORECASE,
)


def injection_in(task: str) -> list[Prediction]:
    """Text in the task addressed to the reviewers: evidence of its own."""
    return list(_injection_in(task))


@functools.lru_cache(maxsize=256)  # a session reviews many actions for one task
def _injection_in(task: str) -> tuple[Prediction, ...]:
    from forethought.review.text import _injection, normalise

    findings = list(_injection(normalise(task))) if task.strip() else []
    # (the user saying what was reviewed or approved is the task's own authority, not a claim
    # aimed at the reviewers, as it is in a note or a file: "the script (already reviewed)")
    findings = [f for f in findings if not _USERS_OWN_APPROVAL.fullmatch(f.evidence.strip())]
    return tuple(
        Prediction(
            f"the task {f.outcome}",
            "harm",
            f.probability,
            f.severity,
            False,
            f.evidence[:200],
            "injection",
        )
        for f in findings[:1]
    )


def in_scope(
    predictions: Sequence[Prediction], task: str, kind_asked: bool = False
) -> list[Prediction]:
    """The predictions with harms on targets the task names capped; see the module.
    ``kind_asked``: the task also asks for the kind of change the action makes."""
    if not task.strip():
        return list(predictions)
    injected = injection_in(task)
    if injected:
        return [*predictions, *injected]
    cap = SEVERITIES.index(CAP_SEVERITY)
    change_asked = kind_asked and _CHANGE.search(task) is not None
    out: list[Prediction] = []
    scoped: set[str] = set()  # one capped harm per piece of evidence: the rest are its aspects
    for p in predictions:
        if p.category in _WIDENING and (
            unasked_check_off(p.evidence, task) or unasked_everyone(p, task)
        ):
            # (the task asks for the command on its target, not for the check it switches off
            # nor for everyone to be let in)
            out.append(p)
            continue
        if p.valence == "harm" and not p.hard and SEVERITIES.index(p.severity) >= cap:
            targets = [t for t in targets_of(p.evidence) if not _placed(p.evidence, t, task)]
            if not targets and asks_for_subcommand(p.evidence, task):
                # (an administration tool's identifiers count as its targets only where the
                # task asks for what its subcommand does: "delete the orders queue", not
                # "auditd keeps restarting" for `systemctl stop auditd`)
                targets = list(admin_targets(p.evidence))
            if targets and names_all(targets, p.severity, task):
                if p.evidence in scoped:
                    continue
                scoped.add(p.evidence)
                # (naming a tool's official install script and asking to install it is
                # asking for that script)
                installing = _INSTALL.search(task) is not None and any(
                    names_installer(t, task) for t in targets
                )
                asked = (
                    kind_asked
                    or installing
                    or asks_for_subcommand(p.evidence, task)
                    or asks_for_cloud_action(p.evidence, task)
                    or asks_for_operation(p.evidence, task)
                    or asks_for_removal(p.outcome, p.evidence, task)
                    # (the connection itself, to the host the task names, is the connection it
                    # asks for: "the memcached hit rate on cache01.internal"; what is sent over
                    # it is judged by its own harm, an upload or a shell)
                    or p.outcome == RAW_CONNECTION
                )
                # (a sending whose data and destination the task both names is the sending
                # the task asks for, whatever its verb: "archive /srv/www to web01:/srv/www")
                sends_named = p.category == "exfiltration" and len(set(targets)) >= 2
                # (the official script of the tool the task asks to install runs as root
                # where its documentation says so: `curl -fsSL https://get.docker.com | sudo sh`)
                lower = installing or ((asked or sends_named) and p.severity != "critical")
                p = replace(
                    p,
                    severity=ASKED_SEVERITY if lower else CAP_SEVERITY,
                    probability=min(p.probability, CAP_PROBABILITY),
                    outcome=f"{p.outcome}{NAMED_NOTE}",
                )
            elif (
                not targets
                and p.severity != "critical"
                and p.category in _TARGETLESS
                # a load the task asks for by name ("run a stress test with stress-ng") is the
                # work itself, though nothing is changed
                and (change_asked or (kind_asked and p.category == "resource_abuse"))
            ) or (
                p.severity != "critical"
                and (
                    asks_for_operation(p.evidence, task)
                    or asks_for_named_deletion(p.evidence, task)
                    or asks_for_http_deletion(p, task)
                    # (a subcommand that names nothing, asked by its verb and noun)
                    or (not targets and asks_for_subcommand(p.evidence, task))
                    or asks_for_package_source(p.evidence, task)
                    or asks_for_control_change(p, task)
                    or asks_for_password_reset(p.evidence, task)
                    or asks_for_tracing(p.evidence, task)
                )
            ):
                if p.evidence in scoped:
                    continue
                scoped.add(p.evidence)
                p = replace(
                    p,
                    severity=ASKED_SEVERITY,
                    probability=min(p.probability, CAP_PROBABILITY),
                    outcome=f"{p.outcome}{ASKED_NOTE}",
                )
            elif (where := _machine_the_task_sets_up(p, task)) is not None:
                if p.evidence in scoped:
                    continue
                scoped.add(p.evidence)
                p = replace(
                    p,
                    severity=ASKED_SEVERITY,
                    probability=min(p.probability, CAP_PROBABILITY),
                    # the image is built again, the runner thrown away, the lab set up again
                    reversible=p.reversible or where in (_BUILD_MACHINE, _LAB_ENVIRONMENT),
                    outcome=f"{p.outcome} ({where})",
                )
        out.append(p)
    if scoped:
        # a lesser harm of the same evidence is an aspect of the change the task names, capped
        # with it: counted twice, two aspects of one asked deletion add up to an escalation
        given = {id(p) for p in predictions}  # the ones this loop did not cap
        out = [
            p
            for p in out
            if id(p) not in given
            or p.valence != "harm"
            or p.hard
            or p.evidence not in scoped
            or SEVERITIES.index(p.severity) >= cap
        ]
    return out
