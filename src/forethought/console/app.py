"""The web console: runs and sessions, a run's timeline, the ledger's state, the escalation queue.

A Starlette app rendering Jinja2 templates on the server (no JavaScript needed). Reading pages
are open to whoever can reach the port (bind 127.0.0.1, the default, or put it behind your own
access control); answering an escalation (approve, reject, or edit: the edit is reviewed again
before it runs) needs a signed-in approver (:mod:`.auth`), a CSRF token from that session and a
same-origin request. Every string taken from the ledger is shown
escaped, and credentials the reviewers recognise in it are shown redacted.
"""

from __future__ import annotations

import secrets
import threading
import time
from collections.abc import Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

import jinja2
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import (
    FileResponse,
    JSONResponse,
    PlainTextResponse,
    RedirectResponse,
    Response,
)
from starlette.routing import Route
from starlette.templating import Jinja2Templates

from forethought.agent.transcript import run_summaries, unended_status
from forethought.console.auth import Sessions, SignInError, redeem
from forethought.decision import HumanAnswer, HumanVerdict, HumanVerdictRecord
from forethought.escalation import console as queue
from forethought.ledger import Ledger
from forethought.review.paths.secrets import secrets_in

COOKIE = "forethought_console"
TEMPLATES = Path(__file__).parent / "templates"
STATIC = Path(__file__).parent / "static"
_TEXT_LIMIT = 20_000


def redact(value: Any) -> Any:
    """``value`` (a payload) with every credential the secret scanner finds in its strings
    replaced by ``[redacted KIND]``."""
    if isinstance(value, str):
        hits = secrets_in(value)
        for kind, (start, end) in sorted(hits, key=lambda h: h.span[0], reverse=True):
            value = f"{value[:start]}[redacted {kind}]{value[end:]}"
        return value
    if isinstance(value, Mapping):
        return {str(k): redact(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [redact(v) for v in value]
    return value


def _clip(value: Any, limit: int = _TEXT_LIMIT) -> str:
    text = value if isinstance(value, str) else str(value)
    return text if len(text) <= limit else text[:limit] + f" [... {len(text) - limit} more]"


def _time(ts: float) -> str:
    return datetime.fromtimestamp(ts).strftime("%Y-%m-%d %H:%M:%S")


def _timeline(events: list[Any]) -> list[dict[str, Any]]:
    """The run's events, redacted, each with what its template shows."""
    items = []
    planned = False
    for event in events:
        payload = redact(event.payload)
        item: dict[str, Any] = {"kind": event.kind, "seq": event.seq, "time": _time(event.ts),
                                "p": payload}  # fmt: skip
        if event.kind == "model_call":
            item["plan"], planned = not planned, True  # the loop's first call writes the plan
        elif event.kind == "human_verdict":
            item["human"] = HumanVerdictRecord.parse(payload)
        elif event.kind == "run_end":
            costs = payload.get("costs") or {}
            item["costs"] = costs
            tax = costs.get("tax_time")
            item["tax"] = "n/a" if tax is None else f"{tax:.1%}"
        items.append(item)
    return items


def create_app(
    ledger: Ledger,
    *,
    approvers: Mapping[str, str] | None = None,
    signin_dir: Path | None = None,
    sessions_dir: Path | None = None,
    allowed_hosts: Sequence[str] = ("*",),
) -> Starlette:
    """The console over ``ledger`` (opened for writing: answers are appended to it).
    ``approvers`` is the locked policy's approver table, None where the policy is not locked.
    ``allowed_hosts``: the Host headers served (others get 400), against DNS rebinding."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True)
    templates = Jinja2Templates(env=env)
    templates.env.filters["clip"] = _clip
    templates.env.filters["time"] = _time
    sessions = Sessions(approvers, directory=sessions_dir)
    answering = threading.Lock()  # one answer at a time: two approvers, one request, one answer

    def page(request: Request, name: str, status: int = 200, **context: Any) -> Response:
        session = sessions.get(request.cookies.get(COOKIE))
        return templates.TemplateResponse(
            request,
            name,
            {"session": session, "ledger_name": ledger.location, "locked": approvers is not None,
             **context},
            status_code=status,
            headers={"Cache-Control": "no-store", "X-Frame-Options": "DENY",
                     "Content-Security-Policy": "default-src 'self'; style-src 'unsafe-inline'; "
                     "form-action 'self'; frame-ancestors 'none'",
                     "Referrer-Policy": "same-origin"},
        )  # fmt: skip

    def refused(request: Request, why: str, status: int = 403) -> Response:
        return page(request, "message.html", status, title="Refused", message=why)

    def index(request: Request) -> Response:
        return RedirectResponse("/runs", status_code=303)

    def runs(request: Request) -> Response:
        summaries = redact(run_summaries(ledger))
        return page(request, "runs.html", runs=summaries, title="Runs and sessions")

    def run(request: Request) -> Response:
        run_id = request.path_params["run_id"]
        events = list(ledger.events(run_id=run_id))
        if not events:
            return page(request, "message.html", 404, title="No such run",
                        message=f"no run {run_id!r} in the ledger")  # fmt: skip
        return page(
            request, "run.html", run_id=run_id, items=_timeline(events),
            unended=unended_status(events), title=f"Run {run_id}",
        )  # fmt: skip

    def ledger_page(request: Request) -> Response:
        report = ledger.verify()
        seq, head = ledger.head()
        return page(request, "ledger.html", report=report, head_seq=seq, head_hash=head,
                    title="Ledger")  # fmt: skip

    def queue_page(request: Request) -> Response:
        now = time.time()
        waiting = [
            {"request": p, "p": shown, "left": max(0, int(p.deadline - now)),
             "edit": queue.edit_box(shown)}
            for p in queue.pending(ledger, now=now)
            for shown in (redact(p.payload),)
        ]  # fmt: skip
        return page(request, "queue.html", waiting=waiting, title="Escalations")

    def queue_ids(request: Request) -> Response:
        """The waiting escalations' ids, oldest first: what the queue page watches."""
        ids = [p.request_id for p in queue.pending(ledger)]
        return JSONResponse(ids, headers={"Cache-Control": "no-store"})

    def queue_script(request: Request) -> Response:
        return FileResponse(STATIC / "queue.js", media_type="text/javascript",
                            headers={"Cache-Control": "no-store"})  # fmt: skip

    def signin(request: Request) -> Response:
        token = request.query_params.get("token", "")
        try:
            approver = redeem(token, approvers, directory=signin_dir)
        except SignInError as exc:
            return refused(request, str(exc))
        session_id, _ = sessions.start(approver)
        response = RedirectResponse("/queue", status_code=303)
        response.set_cookie(COOKIE, session_id, httponly=True, samesite="strict", path="/",
                            max_age=12 * 3600)  # fmt: skip
        return response

    async def checked_post(request: Request) -> tuple[Any, Mapping[str, Any]] | Response:
        """The session and form of a state-changing request, or why it is refused."""
        origin = request.headers.get("origin")
        host = request.headers.get("host", "")
        if origin is not None and origin not in (f"http://{host}", f"https://{host}"):
            return refused(request, "a cross-site request: refused")
        if request.headers.get("sec-fetch-site", "same-origin") not in ("same-origin", "none"):
            return refused(request, "a cross-site request: refused")
        session = sessions.get(request.cookies.get(COOKIE))
        if session is None:
            return refused(request, "sign in first: nobody answers anonymously")
        form = await request.form()
        sent = form.get("csrf")
        if not isinstance(sent, str) or not secrets.compare_digest(sent, session.csrf):
            return refused(request, "the form's CSRF token is missing or wrong: refused")
        return session, form

    async def answer(request: Request) -> Response:
        checked = await checked_post(request)
        if isinstance(checked, Response):
            return checked
        session, form = checked
        choice = form.get("answer")
        if choice not in ("approve", "reject", "edit"):
            return refused(request, "answer approve, reject or edit", 400)
        request_id = request.path_params["request_id"]
        reason = str(form.get("reason") or "")[:2000]
        answer_: HumanAnswer = choice
        args: dict[str, Any] = {}
        if answer_ == "edit":
            waiting = next((p for p in queue.pending(ledger) if p.request_id == request_id), None)
            if waiting is None:
                return refused(request, "no escalation waits under that id", 409)
            try:
                args = queue.edit_from_text(waiting.payload, str(form.get("edit") or ""))
            except queue.AnswerError as exc:
                return refused(request, f"{exc}: nothing was recorded, it still waits", 400)
            reason = reason or "edited in the console"
        verdict = HumanVerdict(answer_, session.approver.name, reason, args)
        try:
            with answering:
                queue.answer(ledger, request_id, verdict, signed=session.approver.signed)
        except queue.AnswerError as exc:
            return refused(request, str(exc), 409)
        return RedirectResponse("/queue", status_code=303)

    async def signout(request: Request) -> Response:
        checked = await checked_post(request)
        if isinstance(checked, Response):
            return checked
        sessions.end(request.cookies.get(COOKIE))
        response = RedirectResponse("/runs", status_code=303)
        response.delete_cookie(COOKIE, path="/")
        return response

    def health(request: Request) -> Response:
        return PlainTextResponse("ok")

    routes = [
        Route("/", index),
        Route("/runs", runs),
        Route("/runs/{run_id:path}", run),
        Route("/ledger", ledger_page),
        Route("/queue", queue_page),
        Route("/queue/ids", queue_ids),
        Route("/queue.js", queue_script),
        Route("/signin", signin),
        Route("/answer/{request_id}", answer, methods=["POST"]),
        Route("/signout", signout, methods=["POST"]),
        Route("/health", health),
    ]
    middleware = [Middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts))]
    return Starlette(routes=routes, middleware=middleware)
