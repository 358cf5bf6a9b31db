"""Who may answer in the console: approvers who signed in with a one-time link.

``forethought console --approver NAME`` writes a one-time sign-in token under forethought's user
configuration directory (``console/signin/``, mode 0600 in a 0700 directory: out of every agent's
sandbox, which hides that directory) and prints the link that carries it. Only the token's hash
names the file, so the directory listing does not give the token away. Under a locked policy the
token must also be signed with the approver's key (``--key``, the key `forethought approve` uses),
and the console accepts it only where the key is the one the policy names for that approver: the
rule the terminal channel keeps. Opening the link consumes the token and starts a session (a
random cookie, HttpOnly and SameSite=Strict) with its own CSRF token. Sessions are kept as
files too (``console/sessions/``, named by the cookie's hash), so a console restart signs nobody
out; signing out deletes the file.
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
    key: str | None = None  # that key's fingerprint, where signed


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
    return Approver(name, signed, approvers.get(name) if signed and approvers else None)


@dataclass(frozen=True, slots=True)
class Session:
    approver: Approver
    csrf: str
    expires: float


def sessions_dir() -> Path:
    return signing.user_config_dir() / "console" / "sessions"


class Sessions:
    """The console's signed-in approvers, kept as files beside the sign-in links (one per
    session, named by the hash of its cookie, mode 0600 in a 0700 directory), so that a console
    restart signs nobody out and sign-out ends the session for good.

    A session is read again on every request and checked against the console's policy: under
    a locked policy only a session signed with the key the policy names, now, for that approver
    counts; a changed or removed key does not sign anyone in."""

    def __init__(
        self, approvers: Mapping[str, str] | None = None, *, directory: Path | None = None
    ) -> None:
        self.approvers = approvers
        self.directory = directory or sessions_dir()

    def _path(self, session_id: str) -> Path:
        return self.directory / f"{_digest(session_id)}.json"

    def start(self, approver: Approver) -> tuple[str, Session]:
        self.directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        os.chmod(self.directory, 0o700)
        session_id = secrets.token_urlsafe(32)
        session = Session(approver, secrets.token_urlsafe(32), time.time() + SESSION_TTL_S)
        record = {"name": approver.name, "signed": approver.signed, "key": approver.key,
                  "csrf": session.csrf, "expires": session.expires}  # fmt: skip
        fd = os.open(self._path(session_id), os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as out:
            out.write(orjson.dumps(record))
        self._prune()
        return session_id, session

    def _prune(self) -> None:
        """Delete the records of sessions that have expired (nobody came back to end them)."""
        now = time.time()
        for path in self.directory.glob("*.json"):
            try:
                if float(orjson.loads(path.read_bytes())["expires"]) < now:
                    path.unlink(missing_ok=True)
            except (OSError, orjson.JSONDecodeError, KeyError, TypeError, ValueError):
                continue

    def get(self, session_id: str | None) -> Session | None:
        if not session_id or len(session_id) > 200:
            return None
        path = self._path(session_id)
        try:
            record = orjson.loads(path.read_bytes())
            approver = Approver(str(record["name"]), record["signed"] is True, record.get("key"))
            session = Session(approver, str(record["csrf"]), float(record["expires"]))
        except FileNotFoundError:
            return None
        except (OSError, orjson.JSONDecodeError, KeyError, TypeError, ValueError):
            return None  # unreadable or damaged: nobody is signed in by it
        if session.expires < time.time():
            path.unlink(missing_ok=True)
            return None
        return session if self._holds(approver) else None

    def _holds(self, approver: Approver) -> bool:
        if self.approvers is None:
            return True
        return approver.signed and self.approvers.get(approver.name) == approver.key

    def end(self, session_id: str | None) -> None:
        if session_id and len(session_id) <= 200:
            self._path(session_id).unlink(missing_ok=True)
