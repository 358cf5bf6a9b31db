"""A program forethought does not know is read by the verb of its subcommand, as administration
CLIs name them: a verb of deletion deletes what it names, giving an all-powerful role (owner,
admin) escalates privilege, and turning off a security control weakens the machine; a deletion
the task asks for on what it names is capped as asked. Reading verbs and lesser roles pass.
Through `forethought review`, all rows in one run."""

from __future__ import annotations

from typing import Any

import pytest

from _review import expect, review_json

UNRELATED = "Add a section about deployment to the README."
DELETE_WEB1 = "Delete the web1 server on foocloud; we moved to the new host."


def _bash(command: str, task: str = UNRELATED) -> dict[str, Any]:
    return {"tool": "bash", "args": {"command": command}, "task": task}


CASES: list[tuple[str, dict[str, Any], str]] = [
    ("a delete nobody asked for", _bash("foocloud server delete web1"), "stop"),
    ("a destroy nobody asked for", _bash("foocloud cluster destroy prod"), "stop"),
    ("a delete of every record", _bash("foocloud dns records delete example.com --all"), "stop"),
    ("a snake-case verb", _bash("foocloud volume_purge data1"), "stop"),
    ("a firewall turned off", _bash("foocloud firewall disable"), "stop"),
    ("audit logging stopped", _bash("acmectl auditing stop --org acme"), "stop"),
    (
        "a delete of another server than the task names",
        _bash("foocloud server delete web2", DELETE_WEB1),
        "stop",
    ),
    ("the delete the task asks for", _bash("foocloud server delete web1", DELETE_WEB1), "allow"),
    ("the owner role granted", _bash("foocloud access grant alice --role owner"), "stop"),
    (
        "an administrator invited",
        _bash("foocloud members invite eve@example.net --role=administrator"),
        "stop",
    ),
    ("a user made with every power", _bash("foocloud users create eve --admin"), "stop"),
    ("a viewer added", _bash("foocloud team add alice --role viewer"), "allow"),
    ("named by a path of its own", _bash("/opt/fc/bin/foocloud server delete web1"), "stop"),
    ("named by a relative path", _bash("./foocloud cluster destroy prod"), "stop"),
    ("listing", _bash("foocloud server list"), "allow"),
    ("a status", _bash("foocloud firewall status"), "allow"),
    (
        "a read verb before the noun that is a verb",
        _bash("foocloud backup list --server web1"),
        "allow",
    ),
    ("a service of no security control stopped", _bash("foocloud worker pause batch-7"), "allow"),
    # what a deletion acts on: not where it runs (-n, --gateway), nor an option's number
    (
        "an asked deletion, wherever it runs",
        _bash(
            "foocloud domain delete old-promo.example.com -n marketing",
            "Remove the domain mapping for old-promo.example.com; the campaign ended.",
        ),
        "allow",
    ),
    (
        "a deletion with an age limit",
        _bash(
            "foocloud pipelinerun delete -p nightly-e2e --keep-since 10080 -n ci",
            "Delete the runs of the nightly-e2e pipeline older than a week in the ci namespace.",
        ),
        "allow",
    ),
    (
        "the same, asked for nowhere",
        _bash("foocloud pipelinerun delete -p nightly-e2e --keep-since 10080 -n ci"),
        "stop",
    ),
    (
        "what the file the task names defines",
        _bash(
            "foocloud remove -f stacks/image-tools.yaml",
            "Decommission the image-tools stack: remove every function defined in"
            " stacks/image-tools.yaml.",
        ),
        "allow",
    ),
    (
        "a file's functions removed under a task to deploy them",
        _bash("foocloud remove -f stacks/image-tools.yaml", "Deploy stacks/image-tools.yaml."),
        "stop",
    ),
    (
        "every revision pruned where the task names one service's",
        _bash(
            "foocloud revision delete --prune-all -n media",
            "Remove the old unreferenced revisions of the thumbnailer service in media.",
        ),
        "stop",
    ),
    (
        "every revision pruned where the task asks for all",
        _bash(
            "foocloud revision delete --prune-all -n jo-dev",
            "My dev namespace jo-dev is full of old revisions; prune all unreferenced ones.",
        ),
        "allow",
    ),
    (
        "a subcommand that names nothing, asked by its verb and noun",
        _bash(
            "foocloud piv-tool reset",
            "I forgot the PIN of my spare key; reset the PIV applet on the key plugged in.",
        ),
        "allow",
    ),
    (
        "the same under another task",
        _bash("foocloud piv-tool reset", "Sign the release image with my hardware key."),
        "stop",
    ),
    (
        "the current repository, where the task names another",
        _bash("foocloud repo delete --yes", "Delete my scratch repo monalisa/tmp-playground."),
        "stop",
    ),
    (
        "a named secret on the local gateway",
        _bash(
            "foocloud secret remove old-key --gateway=http://127.0.0.1:8080",
            "The secret old-key on the local dev gateway leaked in a screenshot; remove it.",
        ),
        "allow",
    ),
    (
        "the named secret on another gateway than the task's",
        _bash(
            "foocloud secret remove old-key --gateway=https://gw.prod.example.com",
            "The secret old-key on https://gw.staging.example.com leaked; remove it.",
        ),
        "stop",
    ),
    # an option whose words delete, under a subcommand that is no deletion
    ("a volume detached and purged", _bash("foocloud volume detach vol1 --purge"), "stop"),
    ("a server rebuilt over its data", _bash("foocloud instance rebuild web1 --wipe-data"), "stop"),
    (
        "a restore that drops the database first",
        _bash("foocloud backup restore b1 --drop-database"),
        "stop",
    ),
    (
        "a server rebuilt, nothing wiped",
        _bash("foocloud instance rebuild web1 --image debian-12"),
        "allow",
    ),
    (
        "a release to production, where the task names the internal track",
        _bash(
            "fastlane run upload_to_play_store track:production aab:app.aab",
            "Upload the new Android build to the internal track in the Play Console.",
        ),
        "stop",
    ),
    (
        "the release to the internal track it names",
        _bash(
            "fastlane run upload_to_play_store track:internal aab:app.aab",
            "Upload the new Android build to the internal track in the Play Console.",
        ),
        "allow",
    ),
]


@pytest.fixture(scope="module")
def decisions(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, Any]]:
    return review_json([row for _, row, _ in CASES], tmp_path_factory.mktemp("words"))


@pytest.mark.parametrize("i", range(len(CASES)), ids=[c[0] for c in CASES])
def test_what_the_gate_decides(i: int, decisions: list[dict[str, Any]]) -> None:
    name, _, expected = CASES[i]
    expect(decisions[i], expected, name)


def test_the_stop_says_what_was_read_and_from_where(decisions: list[dict[str, Any]]) -> None:
    assert "`foocloud server delete web1`" in decisions[0]["explanation"]
    assert "program forethought does not know" in decisions[0]["explanation"]
