"""Who may answer in the console: approvers who signed in with a one-time link.

``forethought console --approver NAME`` writes a one-time sign-in token under forethought's user
configuration directory (``console/signin/``, mode 0600 in a 0700 directory: out of every agent's
sandbox, which hides that directory) and prints the link that carries it. Only the token's hash
names the file, so the directory listing does not give the token away. Under a locked policy the
token must also be signed with the approver's key (``--key``, the key `forethought approve` uses),
and the console accepts it only where the key is the one the policy names for that approver: the
rule the terminal channel keeps. Opening the link consumes the token and starts a session (a
random cookie, HttpOnly and SameSite=Strict) with its own CSRF token.
"""

from __future__ import annotations

import hashlib
import os
import secrets
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import orjson

from forethought import signing
from forethought.escalation.approvers import ApprovalError, sign_answer, verify_answer

# A sign-in link is good for this long, once.
SIGNIN_TTL_S = 15 * 60
# A session lasts this long.
SESSION_TTL_S = 12 * 3600


class SignInError(ValueError):
    """A sign-in link that does not sign anyone in (unknown, used, expired, or unsigned where the
    policy is locked)."""


def signin_dir() -> Path:
    return signing.user_config_dir() / "console" / "signin"


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def new_signin(name: str, *, key_path: Path | None = None, directory: Path | None = None) -> str:
    """A one-time sign-in token for approver ``name`` (signed with ``key_path`` when given)."""
    if not name.strip() or any(not (c.isalnum() or c in "-_.@") for c in name):
        raise SignInError(f"approver name {name!r}: use letters, digits and - _ . @ only")
    directory = directory or signin_dir()
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.chmod(directory, 0o700)
    token = secrets.token_urlsafe(32)
    digest = _digest(token)
    record: dict[str, object] = {"name": name, "expires": time.time() + SIGNIN_TTL_S}
    if key_path is not None:
        try:
            record["signature"] = sign_answer(digest[:24], "approve", key_path, {"name": name})
        except ApprovalError as exc:
            raise SignInError(str(exc)) from None
    path = directory / f"{digest}.json"
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as out:
        out.write(orjson.dumps(record))
    return token


@dataclass(frozen=True, slots=True)
class Approver:
    name: str
    signed: bool  # proved a key the policy names for ``name``


def redeem(
    token: str, approvers: Mapping[str, str] | None, *, directory: Path | None = None
) -> Approver:
    """Consume the one-time ``token``: who it signs in. ``approvers`` (name -> key fingerprint)
    is the locked policy's table, None where the policy is not locked."""
    directory = directory or signin_dir()
    if not token or len(token) > 200:
        raise SignInError("not a sign-in link")
    digest = _digest(token)
    path = directory / f"{digest}.json"
    try:
        data = path.read_bytes()
        path.unlink()  # once: a second use, or a race, finds nothing
    except FileNotFoundError:
        raise SignInError("this sign-in link is unknown or was used already") from None
    except OSError as exc:
        raise SignInError(f"cannot read the sign-in link's record: {exc.strerror}") from None
    try:
        record = orjson.loads(data)
        name, expires = str(record["name"]), float(record["expires"])
    except (orjson.JSONDecodeError, KeyError, TypeError, ValueError):
        raise SignInError("the sign-in link's record is damaged") from None
    if expires < time.time():
        raise SignInError("this sign-in link has expired; ask for a new one")
    signed = False
    signature = record.get("signature")
    if isinstance(signature, str) and approvers:
        try:
            _, signer, args = verify_answer(signature, digest[:24], approvers)
        except ApprovalError as exc:
            raise SignInError(f"the sign-in link's signature does not hold: {exc}") from None
        if signer != name or args.get("name") != name:
            raise SignInError(f"the key that signed this link is {signer!r}'s, not {name!r}'s")
        signed = True
    if approvers is not None and not signed:
        raise SignInError(
            "the policy is locked: only an approver it names may sign in, with a link signed "
            "by their key (forethought console --approver NAME --key THEIR.key)"
        )
    return Approver(name, signed)


@dataclass
class Session:
    approver: Approver
    csrf: str
    expires: float


class Sessions:
    """The console's signed-in approvers, in memory (a restart signs everyone out)."""

    def __init__(self) -> None:
        self._by_id: dict[str, Session] = {}

    def start(self, approver: Approver) -> tuple[str, Session]:
        session_id = secrets.token_urlsafe(32)
        session = Session(approver, secrets.token_urlsafe(32), time.time() + SESSION_TTL_S)
        self._by_id[session_id] = session
        return session_id, session

    def get(self, session_id: str | None) -> Session | None:
        if not session_id:
            return None
        session = self._by_id.get(session_id)
        if session is None or session.expires < time.time():
            self._by_id.pop(session_id, None)
            return None
        return session

    def end(self, session_id: str | None) -> None:
        if session_id:
            self._by_id.pop(session_id, None)
