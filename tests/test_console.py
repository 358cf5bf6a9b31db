"""The web console through its real server on 127.0.0.1: pages for a ledger a real `forethought
run` wrote, escalations answered over HTTP (approve, reject, timeout), who may answer."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from forethought import signing
from forethought.console.auth import SignInError, new_signin, redeem
from forethought.decision import HumanVerdict
from forethought.escalation import console as queue
from forethought.ledger import Ledger
from forethought.testing import Reply, ScriptedServer, call

pytest.importorskip("starlette")
pytest.importorskip("uvicorn")

FORETHOUGHT = str(Path(sys.executable).with_name("forethought"))
PLAN = "1. Look around.\n2. Do the task.\n3. Finish."
ESCALATE_BASH = '[tools]\nbash = "escalate"\n'
TOKEN = "ghp_" + "A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8"  # the shape of a GitHub token, not one


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Console:
    base: str
    port: int
    env: dict[str, str]
    db: Path

    def link(self, name: str, *extra: str) -> str:
        done = subprocess.run(
            [FORETHOUGHT, "console", "--approver", name, "--port", str(self.port), *extra],
            capture_output=True, text=True, env=self.env, timeout=30,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        return done.stdout.strip()

    def signed_in(self, name: str, *extra: str) -> tuple[httpx.Client, str]:
        """A client signed in as ``name``, and its CSRF token."""
        client = httpx.Client(base_url=self.base, timeout=10)
        link = self.link(name, *extra)
        assert link.startswith(f"http://127.0.0.1:{self.port}/signin?token=")
        response = client.get(link.removeprefix(self.base))
        assert response.status_code == 303, response.text
        page = client.get("/queue").text
        assert f"signed in as {name}" in page
        found = re.search(r'name="csrf" value="([^"]+)"', page)
        assert found
        return client, found.group(1)


def _env(tmp_path: Path) -> dict[str, str]:
    return {
        **os.environ,
        "FORETHOUGHT_LEDGER": str(tmp_path / "ledger.db"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "PYTHONPATH": os.pathsep.join(sys.path),
    }


@contextmanager
def _serving(tmp_path: Path, *extra: str) -> Iterator[Console]:
    env = _env(tmp_path)
    if not (tmp_path / "ledger.db").exists():
        Ledger.open(tmp_path / "ledger.db").close()
    port = _free_port()
    server = subprocess.Popen(
        [FORETHOUGHT, "console", "--port", str(port), *extra],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                if httpx.get(f"{base}/health", timeout=1).text == "ok":
                    break
            except httpx.TransportError:
                pass
            if server.poll() is not None:
                said = server.stderr.read() if server.stderr else ""
                pytest.fail(f"the console did not start: {said}")
            time.sleep(0.1)
        yield Console(base, port, env, tmp_path / "ledger.db")
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture
def console(tmp_path: Path) -> Iterator[Console]:
    with _serving(tmp_path) as serving:
        yield serving


def _run(
    console: Console, tmp_path: Path, script: list[object], *extra: str, task: str = "Write 7"
) -> subprocess.Popen[str]:
    server = ScriptedServer(script)
    server.__enter__()
    process = subprocess.Popen(
        [FORETHOUGHT, "run", task, "--model", "openai:scripted", "--base-url", server.base_url,
         "--workspace", str(tmp_path / "ws"), *extra],
        env=console.env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        stdin=subprocess.DEVNULL,
    )  # fmt: skip
    process.scripted = server  # type: ignore[attr-defined]
    return process


def _finish(process: subprocess.Popen[str]) -> tuple[int, str]:
    try:
        _, err = process.communicate(timeout=90)
    finally:
        process.scripted.__exit__(None, None, None)  # type: ignore[attr-defined]
    return process.returncode, err


def _waiting(console: Console, client: httpx.Client | None = None) -> str:
    """The first request id in the queue, once one appears."""
    getter = client or httpx.Client(base_url=console.base, timeout=10)
    for _ in range(300):
        page = getter.get("/queue").text
        found = re.search(r'id="req-([0-9a-f]+)"', page)
        if found:
            return found.group(1)
        time.sleep(0.1)
    raise AssertionError("no escalation appeared in the queue")


def _escalating(
    console: Console, tmp_path: Path, timeout: str = "60", policy: Path | None = None
) -> subprocess.Popen[str]:
    if policy is None:
        policy = tmp_path / "policy.toml"
        policy.write_text(ESCALATE_BASH)
    script = [
        PLAN,
        Reply("", [call("bash", {"command": "echo hi > report.txt"})]),
        Reply("", [call("finish", {"answer": "done"})]),
    ]
    return _run(console, tmp_path, script, "--human", "console", "--human-timeout", timeout,
                "--policy", str(policy), task="Write hi to report.txt")  # fmt: skip


def _verdicts(db: Path) -> list[dict[str, object]]:
    with Ledger.open(db, read_only=True) as ledger:
        return [e.payload for e in ledger.events(kinds=["human_verdict"])]


@pytest.mark.slow
def test_pages_render_for_a_ledger_a_real_run_wrote(console: Console, tmp_path: Path) -> None:
    script = [
        PLAN,
        Reply("Write it.", [call("write_file", {"path": "report.txt", "content": "7"})]),
        Reply("", [call("finish", {"answer": "seven"})]),
    ]
    code, err = _finish(_run(console, tmp_path, script, task=f"Write 7; the key is {TOKEN}"))
    assert code == 0, err
    run_id = err.strip().splitlines()[-1].split()[1].rstrip(":")

    client = httpx.Client(base_url=console.base, timeout=10)
    runs = client.get("/runs")
    assert runs.status_code == 200 and run_id in runs.text and "finished" in runs.text
    assert "allow" in runs.text and "tax" in runs.text
    timeline = client.get(f"/runs/{run_id}").text
    for shown in ("report.txt", "decision", "ALLOW", "alignment tax", "seven", "review"):
        assert shown in timeline, shown
    assert TOKEN not in runs.text + timeline and "[redacted github_token]" in timeline
    assert "hash chain intact" in client.get("/ledger").text
    assert "No escalation is waiting" in client.get("/queue").text
    assert client.get("/runs/nope").status_code == 404
    rebound = client.get("/runs", headers={"Host": f"attacker.example:{console.port}"})
    assert rebound.status_code == 400 and run_id not in rebound.text


@pytest.mark.slow
def test_an_escalation_approved_in_the_console_runs(console: Console, tmp_path: Path) -> None:
    process = _escalating(console, tmp_path)
    request_id = _waiting(console)
    anonymous = httpx.post(f"{console.base}/answer/{request_id}", data={"answer": "approve"})
    assert anonymous.status_code == 403 and "sign in first" in anonymous.text

    client, csrf = console.signed_in("alice")
    assert "echo hi" in client.get("/queue").text
    no_token = client.post(f"/answer/{request_id}", data={"answer": "approve"})
    wrong = client.post(f"/answer/{request_id}", data={"answer": "approve", "csrf": "x" + csrf})
    cross = client.post(
        f"/answer/{request_id}", data={"answer": "approve", "csrf": csrf},
        headers={"Origin": "http://evil.example"},
    )  # fmt: skip
    fetched = client.post(
        f"/answer/{request_id}", data={"answer": "approve", "csrf": csrf},
        headers={"Sec-Fetch-Site": "cross-site"},
    )  # fmt: skip
    for refused in (no_token, wrong, cross, fetched):
        assert refused.status_code == 403, refused.text
    assert request_id in client.get("/queue").text  # still waiting: nothing was recorded

    approved = client.post(
        f"/answer/{request_id}", data={"answer": "approve", "csrf": csrf, "reason": "fine"}
    )
    assert approved.status_code == 303
    code, err = _finish(process)
    assert code == 0, err
    assert (tmp_path / "ws" / "report.txt").read_text() == "hi\n"
    [verdict] = _verdicts(console.db)
    assert verdict["answer"] == "approve" and verdict["approver"] == "alice"
    assert verdict["channel"] == "console"
    again = client.post(f"/answer/{request_id}", data={"answer": "reject", "csrf": csrf})
    assert again.status_code == 409  # answered already


@pytest.mark.slow
def test_an_escalation_rejected_in_the_console_does_not_run(
    console: Console, tmp_path: Path
) -> None:
    process = _escalating(console, tmp_path)
    client, csrf = console.signed_in("bob")
    request_id = _waiting(console, client)
    client.post(f"/answer/{request_id}", data={"answer": "reject", "csrf": csrf})
    _finish(process)
    assert not (tmp_path / "ws" / "report.txt").exists()
    [verdict] = _verdicts(console.db)
    assert verdict["answer"] == "reject" and verdict["approver"] == "bob"


@pytest.mark.slow
def test_no_answer_in_the_console_before_the_timeout_refuses(
    console: Console, tmp_path: Path
) -> None:
    process = _escalating(console, tmp_path, timeout="1")
    _finish(process)
    assert not (tmp_path / "ws" / "report.txt").exists()
    [verdict] = _verdicts(console.db)
    assert verdict["answer"] == "timeout" and verdict["channel"] == "console"
    assert "No escalation is waiting" in httpx.get(f"{console.base}/queue").text


def test_a_sign_in_link_works_once_and_a_locked_policy_needs_the_named_key(
    tmp_path: Path,
) -> None:
    where = tmp_path / "signin"
    token = new_signin("alice", directory=where)
    assert oct(where.stat().st_mode & 0o777) == "0o700"
    assert all(oct(p.stat().st_mode & 0o777) == "0o600" for p in where.iterdir())
    assert redeem(token, None, directory=where).name == "alice"
    with pytest.raises(SignInError, match="used already"):
        redeem(token, None, directory=where)

    alice = signing.generate_keypair(tmp_path / "alice.key", tmp_path / "alice.pub")
    signing.generate_keypair(tmp_path / "bob.key", tmp_path / "bob.pub")
    approvers = {"alice": alice}
    with pytest.raises(SignInError, match="locked"):
        redeem(new_signin("alice", directory=where), approvers, directory=where)
    with pytest.raises(SignInError, match="not an approver"):
        forged = new_signin("alice", key_path=tmp_path / "bob.key", directory=where)
        redeem(forged, approvers, directory=where)
    signed = new_signin("alice", key_path=tmp_path / "alice.key", directory=where)
    assert redeem(signed, approvers, directory=where).signed


def test_under_a_locked_policy_only_a_named_signed_approver_approves(tmp_path: Path) -> None:
    with Ledger.open(tmp_path / "ledger.db") as ledger:
        ledger.append(
            queue.REQUEST,
            {"request_id": "r1", "proposal_id": "p", "deadline": time.time() + 60,
             "locked": True, "approvers": ["alice"]},
        )  # fmt: skip
        for who, signed in (("alice", False), ("mallory", True)):
            with pytest.raises(queue.AnswerError, match="locked"):
                queue.answer(ledger, "r1", HumanVerdict("approve", who), signed=signed)
        queue.answer(ledger, "r1", HumanVerdict("approve", "alice"), signed=True)
        [answer] = ledger.events(kinds=[queue.ANSWER])
        assert answer.payload["approver"] == "alice (signed)"
        channel = queue.ConsoleChannel(ledger, approvers={"alice": "sha256:x"})
        unsigned = channel._checked(HumanVerdict("approve", "alice"))
        assert unsigned.answer == "reject"


@pytest.mark.slow
def test_under_a_locked_policy_only_the_named_approver_with_their_key_approves(
    tmp_path: Path,
) -> None:
    from forethought.console.app import COOKIE

    env = _env(tmp_path)
    config = Path(env["XDG_CONFIG_HOME"]) / "forethought"
    keys = tmp_path / "keys"
    signing.generate_keypair(keys / "admin.key", keys / "admin.pub")
    (config / "keys").mkdir(parents=True)
    (config / "keys" / "admin.pub").write_text((keys / "admin.pub").read_text())
    alice = signing.generate_keypair(keys / "alice.key", keys / "alice.pub")
    signing.generate_keypair(keys / "bob.key", keys / "bob.pub")
    policy = tmp_path / "locked.toml"
    policy.write_text(f'locked = true\n{ESCALATE_BASH}[approvers]\nalice = "{alice}"\n')
    signing.sign_file(policy, keys / "admin.key")

    with _serving(tmp_path, "--policy", str(policy)) as console:
        process = _escalating(console, tmp_path, policy=policy)
        request_id = _waiting(console)
        for extra in ((), ("--key", str(keys / "bob.key"))):
            refused = httpx.get(console.link("alice", *extra), timeout=10)
            assert refused.status_code == 403 and COOKIE not in refused.cookies
        client, csrf = console.signed_in("alice", "--key", str(keys / "alice.key"))
        approved = client.post(f"/answer/{request_id}", data={"answer": "approve", "csrf": csrf})
        assert approved.status_code == 303
        code, err = _finish(process)
    assert code == 0, err
    assert (tmp_path / "ws" / "report.txt").read_text() == "hi\n"
    [verdict] = _verdicts(tmp_path / "ledger.db")
    assert verdict["answer"] == "approve" and verdict["approver"] == "alice (signed)"


def _answer_when_asked(target: str | Path, verdict: HumanVerdict) -> threading.Thread:
    """What the console does, from another connection: wait for the request, then answer it."""

    def answer() -> None:
        with Ledger.open(target) as ledger:
            for _ in range(300):
                waiting = queue.pending(ledger)
                if waiting:
                    queue.answer(ledger, waiting[0].request_id, verdict, signed=False)
                    return
                time.sleep(0.05)

    thread = threading.Thread(target=answer, daemon=True)
    thread.start()
    return thread


@pytest.mark.parametrize("store", ["sqlite", pytest.param("postgresql", marks=pytest.mark.slow)])
def test_the_console_channel_waits_in_the_ledger_for_the_answer(tmp_path: Path, store: str) -> None:
    from forethought.decision import Decision
    from forethought.proposal import from_dict

    if store == "postgresql":
        import _postgres

        srv = _postgres.server()
        schema_cm = _postgres.fresh_schema(srv)
        target: str | Path = srv.schema_url(schema_cm.__enter__())
    else:
        target = tmp_path / "ledger.db"
    try:
        proposal = from_dict({"tool": "bash", "args": {"command": "make deploy"}, "id": "p1"})
        decision = Decision("escalate", "tool_rule", "bash asks a person", 0, 0, None, "", "")
        with Ledger.open(target) as ledger:
            channel = queue.ConsoleChannel(ledger, timeout_s=30, poll_s=0.05)
            thread = _answer_when_asked(target, HumanVerdict("approve", "dana", "ok"))
            verdict = channel.ask(proposal, decision)
            thread.join(10)
            assert (verdict.answer, verdict.approver) == ("approve", "dana")
            assert not queue.pending(ledger)
            quick = queue.ConsoleChannel(ledger, timeout_s=0.2, poll_s=0.05)
            assert quick.ask(proposal, decision).answer == "timeout"
            assert ledger.verify().ok
    finally:
        if store == "postgresql":
            schema_cm.__exit__(None, None, None)


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.slow
@pytest.mark.skipif(CHROMIUM is None, reason="needs Debian's chromium (apt-get install chromium)")
def test_an_approver_signs_in_and_approves_in_a_real_browser(
    console: Console, tmp_path: Path
) -> None:
    sync_api = pytest.importorskip("playwright.sync_api", reason="needs playwright (pip)")
    process = _escalating(console, tmp_path)
    _waiting(console)
    link = console.link("carol")
    with sync_api.sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            page = browser.new_page()
            page.goto(link)
            assert "signed in as carol" in page.text_content("#who")
            page.click("button[value=approve]")
            page.wait_for_load_state()
            assert page.query_selector("#empty") is not None, page.content()
        finally:
            browser.close()
    code, err = _finish(process)
    assert code == 0, err
    assert (tmp_path / "ws" / "report.txt").read_text() == "hi\n"
    [verdict] = _verdicts(console.db)
    assert verdict["answer"] == "approve" and verdict["approver"] == "carol"


def _store(tmp_path: Path, store: str) -> Iterator[str | Path]:
    if store == "sqlite":
        yield tmp_path / "ledger.db"
        return
    import _postgres

    srv = _postgres.server()
    with _postgres.fresh_schema(srv) as schema:
        yield srv.schema_url(schema)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.slow)])
def store_target(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str | Path]:
    yield from _store(tmp_path, request.param)


def test_two_consoles_answering_at_once_the_first_answer_wins(
    store_target: str | Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Ledger.open(store_target) as ledger:
        ledger.append(
            queue.REQUEST,
            {"request_id": "r1", "proposal_id": "p", "deadline": time.time() + 60,
             "locked": False, "approvers": []},
        )  # fmt: skip
    # Both consoles find the request unanswered before either records its answer.
    both_looked = threading.Barrier(2)
    look = queue.requests_and_answers

    def look_together(events: Any) -> Any:
        found = look(events)
        both_looked.wait(10)
        return found

    monkeypatch.setattr(queue, "requests_and_answers", look_together)
    said: dict[str, str] = {}

    def answer(who: str, verdict: str) -> None:
        with Ledger.open(store_target) as own:  # a console of its own: its own connection
            try:
                queue.answer(own, "r1", HumanVerdict(verdict, who), signed=False)  # type: ignore[arg-type]
                said[who] = "recorded"
            except queue.AnswerError as exc:
                said[who] = str(exc)

    threads = [
        threading.Thread(target=answer, args=a) for a in (("ann", "approve"), ("ben", "reject"))
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    [winner] = [who for who, what in said.items() if what == "recorded"]
    [loser] = [what for what in said.values() if what != "recorded"]
    assert loser.startswith(f"already answered by {winner} (")
    monkeypatch.setattr(queue, "requests_and_answers", look)
    with Ledger.open(store_target) as ledger:
        [recorded] = ledger.events(kinds=[queue.ANSWER])
        assert recorded.payload["approver"] == winner
        assert ledger.verify().ok
        with pytest.raises(queue.AnswerError, match=f"already answered by {winner}"):
            queue.answer(ledger, "r1", HumanVerdict("approve", "cy"), signed=False)
        assert len(list(ledger.events(kinds=[queue.ANSWER]))) == 1


@pytest.mark.slow
def test_two_console_processes_answer_one_escalation_once(tmp_path: Path) -> None:
    with _serving(tmp_path) as first, _serving(tmp_path) as second:
        process = _escalating(first, tmp_path)
        request_id = _waiting(first)
        ann, ann_csrf = first.signed_in("ann")
        ben, ben_csrf = second.signed_in("ben")
        replies: dict[str, httpx.Response] = {}

        def post(name: str, client: httpx.Client, csrf: str, verdict: str) -> None:
            data = {"answer": verdict, "csrf": csrf}
            replies[name] = client.post(f"/answer/{request_id}", data=data)

        threads = [
            threading.Thread(target=post, args=("ann", ann, ann_csrf, "approve")),
            threading.Thread(target=post, args=("ben", ben, ben_csrf, "reject")),
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(30)
        _, err = _finish(process)
    statuses = sorted(r.status_code for r in replies.values())
    assert statuses == [303, 409], {k: r.text for k, r in replies.items()}
    [winner] = [name for name, r in replies.items() if r.status_code == 303]
    [lost] = [r for r in replies.values() if r.status_code == 409]
    assert f"already answered by {winner}" in lost.text
    [verdict] = _verdicts(tmp_path / "ledger.db")
    assert verdict["approver"] == winner
    assert (tmp_path / "ws" / "report.txt").exists() == (winner == "ann"), err


@pytest.mark.slow
def test_an_edit_in_the_console_is_reviewed_again_before_it_runs(
    console: Console, tmp_path: Path
) -> None:
    process = _escalating(console, tmp_path)
    client, csrf = console.signed_in("alice")
    request_id = _waiting(console, client)
    page = client.get("/queue").text
    assert '<textarea name="edit"' in page and "echo hi &gt; report.txt</textarea>" in page
    for bad in ("", "   ", "echo [redacted github_token] > report.txt"):
        refused = client.post(
            f"/answer/{request_id}", data={"answer": "edit", "csrf": csrf, "edit": bad}
        )
        assert refused.status_code == 400 and "nothing was recorded" in refused.text
    assert _verdicts(console.db) == [] and request_id in client.get("/queue").text

    edited = client.post(
        f"/answer/{request_id}",
        data={"answer": "edit", "csrf": csrf, "edit": "echo edited > report.txt\r\n"},
    )
    assert edited.status_code == 303
    # Every bash call escalates under this policy: the edit, reviewed again, is asked about
    # again, as a new request showing the edited command.
    again = request_id
    for _ in range(300):
        again = _waiting(console, client)
        if again != request_id:
            break
        time.sleep(0.1)
    assert again != request_id
    assert "echo edited &gt; report.txt" in client.get("/queue").text
    assert (
        client.post(f"/answer/{again}", data={"answer": "approve", "csrf": csrf}).status_code == 303
    )
    code, err = _finish(process)
    assert code == 0, err
    assert (tmp_path / "ws" / "report.txt").read_text() == "edited\n"
    first, second = _verdicts(console.db)
    assert first["answer"] == "edit" and first["approver"] == "alice"
    assert first["args"] == {"command": "echo edited > report.txt"}
    assert second["answer"] == "approve" and second["approver"] == "alice"
    with Ledger.open(console.db, read_only=True) as ledger:
        decisions = [e.payload["decision"] for e in ledger.events(kinds=["decision"])]
    assert decisions.count("escalate") == 2  # the model's command and the edit, each reviewed


@pytest.mark.slow
def test_a_session_survives_a_console_restart_and_sign_out_ends_it(tmp_path: Path) -> None:
    with _serving(tmp_path) as console:
        client, csrf = console.signed_in("alice")
    with _serving(tmp_path) as restarted:
        client.base_url = httpx.URL(restarted.base)
        page = client.get("/queue").text
        assert "signed in as alice" in page and f'value="{csrf}"' in page
        assert client.post("/signout", data={"csrf": csrf}).status_code == 303
        cookie = client.cookies.get("forethought_console")
        assert cookie is None or "signed in as" not in client.get("/queue").text
    sessions = Path(console.env["XDG_CONFIG_HOME"]) / "forethought" / "console" / "sessions"
    assert list(sessions.iterdir()) == []


def test_a_kept_session_holds_only_while_the_policy_names_its_key(tmp_path: Path) -> None:
    from forethought.console.auth import Approver, Sessions

    where = tmp_path / "sessions"
    open_console = Sessions(None, directory=where)
    plain, _ = open_console.start(Approver("alice", False))
    signed, _ = open_console.start(Approver("alice", True, "sha256:aa"))
    assert oct(where.stat().st_mode & 0o777) == "0o700"
    assert all(oct(p.stat().st_mode & 0o777) == "0o600" for p in where.iterdir())
    assert not any(plain in p.name or signed in p.name for p in where.iterdir())
    got = Sessions(None, directory=where).get(signed)  # a restarted console reads it back
    assert got is not None and got.approver == Approver("alice", True, "sha256:aa")
    locked = Sessions({"alice": "sha256:aa"}, directory=where)
    assert locked.get(plain) is None  # unsigned: not a session under a locked policy
    assert locked.get(signed) is not None
    assert Sessions({"alice": "sha256:bb"}, directory=where).get(signed) is None  # key changed
    assert Sessions({}, directory=where).get(signed) is None  # alice is no approver now
    assert open_console.get("made-up") is None
    stale = where / f"{'0' * 64}.json"
    stale.write_bytes(b'{"name": "old", "signed": false, "csrf": "x", "expires": 1}')
    open_console.start(Approver("bob", False))  # starting a session clears expired ones
    assert not stale.exists() and open_console.get(plain) is not None


@pytest.mark.slow
def test_the_python_guard_asks_the_console(
    console: Console, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from forethought import Gate, Refused

    monkeypatch.setenv("XDG_CONFIG_HOME", console.env["XDG_CONFIG_HOME"])
    policy = tmp_path / "policy.toml"
    policy.write_text(ESCALATE_BASH)
    gate = Gate.default(policy, console.db, human="console", human_timeout=60)
    ran: list[str] = []

    @gate.guard(tool="bash")
    def bash(command: str) -> str:
        ran.append(command)
        return "done"

    def calling(command: str) -> tuple[threading.Thread, dict[str, object]]:
        outcome: dict[str, object] = {}

        def call_it() -> None:
            try:
                outcome["result"] = bash(command)
            except Refused as exc:
                outcome["refused"] = str(exc)

        thread = threading.Thread(target=call_it)
        thread.start()
        return thread, outcome

    client, csrf = console.signed_in("dana")

    def answer(data: dict[str, str]) -> None:
        request_id = _waiting(console, client)
        reply = client.post(f"/answer/{request_id}", data={"csrf": csrf, **data})
        assert reply.status_code == 303, reply.text

    thread, outcome = calling("echo one")
    answer({"answer": "approve"})
    thread.join(30)
    assert outcome == {"result": "done"} and ran == ["echo one"]

    thread, outcome = calling("echo two")
    answer({"answer": "reject"})
    thread.join(30)
    assert "refused" in outcome and ran == ["echo one"]

    thread, outcome = calling("echo three")
    answer({"answer": "edit", "edit": "echo 3"})  # reviewed again: bash escalates again
    answer({"answer": "approve"})
    thread.join(30)
    assert outcome == {"result": "done"} and ran == ["echo one", "echo 3"]

    gate.human = queue.ConsoleChannel(gate.ledger, timeout_s=0.5)
    with pytest.raises(Refused):
        bash("echo four")  # nobody answers in time
    assert ran == ["echo one", "echo 3"]
    verdicts = [(v["answer"], v["approver"], v["channel"]) for v in _verdicts(console.db)]
    assert verdicts == [
        ("approve", "dana", "console"), ("reject", "dana", "console"),
        ("edit", "dana", "console"), ("approve", "dana", "console"),
        ("timeout", "nobody", "console"),
    ]  # fmt: skip
    gate.ledger.close()


def test_a_guard_names_a_known_human_channel(tmp_path: Path) -> None:
    from forethought import Gate

    with pytest.raises(ValueError, match="human='slack'"):
        Gate.default(None, tmp_path / "ledger.db", human="slack")


@pytest.mark.slow
@pytest.mark.skipif(CHROMIUM is None, reason="needs Debian's chromium (apt-get install chromium)")
def test_an_approver_edits_in_a_real_browser(console: Console, tmp_path: Path) -> None:
    """The queue page open before anything escalates shows the escalation by itself (it follows
    the ledger once a second); the edit is asked about again and shows up the same way."""
    sync_api = pytest.importorskip("playwright.sync_api", reason="needs playwright (pip)")
    link = console.link("erin")
    with sync_api.sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            page = browser.new_page()
            page.goto(link)
            assert page.query_selector("#empty") is not None
            process = _escalating(console, tmp_path)
            page.wait_for_selector(".escalation", timeout=30_000)  # no reload by the test
            first = _waiting(console)
            box = page.locator(f"#req-{first} textarea[name=edit]")
            assert box.input_value() == "echo hi > report.txt"
            box.fill("echo from-the-browser > report.txt")
            page.click(f"#req-{first} button[value=edit]")
            again = first
            for _ in range(300):  # the edit, reviewed again, escalates again
                again = _waiting(console)
                if again != first:
                    break
                time.sleep(0.1)
            page.wait_for_selector(f"#req-{again}", timeout=30_000)
            assert "echo from-the-browser" in page.text_content(f"#req-{again} pre.action")
            page.click(f"#req-{again} button[value=approve]")
            page.wait_for_selector("#empty", timeout=30_000)
        finally:
            browser.close()
    code, err = _finish(process)
    assert code == 0, err
    assert (tmp_path / "ws" / "report.txt").read_text() == "from-the-browser\n"
    answers = [(v["answer"], v["approver"]) for v in _verdicts(console.db)]
    assert answers == [("edit", "erin"), ("approve", "erin")]
