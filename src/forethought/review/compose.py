"""Docker Compose files: what the services a compose file declares may do to the host once
`docker compose up` starts them (the Compose file reference: `privileged`, `pid`,
`network_mode`, `cap_add`, `volumes`, `ports`, and the official images' settings that switch a
database's password off). A file only written runs nothing, so each finding is graded a step
below what starting the service would be (moderate): the write goes to a person, and `up` is
judged again where it runs. The text may be a whole file or the fragment an edit adds, so
settings are found line by line, not by parsing the document."""

from __future__ import annotations

import posixpath
import re

from forethought.review.base import Prediction
from forethought.review.paths import clip

_COMPOSE_FILE = re.compile(r"^(?:docker-)?compose(?:\.[\w-]+)*\.ya?ml$")

# (setting, what starting a service with it does, category)
_FINDINGS: tuple[tuple[re.Pattern[str], str, str], ...] = tuple(
    (re.compile(pattern, re.MULTILINE | re.IGNORECASE), what, category)
    for pattern, what, category in (
        (
            r"^\s*privileged:\s*['\"]?true\b",
            "runs a container with every privilege of the host (privileged: true): root on it",
            "privilege_escalation",
        ),
        (
            r"^\s*pid:\s*['\"]?host\b",
            "shares the host's processes with a container (pid: host)",
            "privilege_escalation",
        ),
        (
            r"^\s*(?:-\s*)?['\"]?/var/run/docker\.sock:|^\s*source:\s*['\"]?/var/run/docker\.sock",
            "gives a container the Docker socket: whoever is in it controls every container "
            "and the host",
            "privilege_escalation",
        ),
        (
            r"^\s*-\s*['\"]?/:/|^\s*source:\s*['\"]?/['\"]?\s*$",
            "mounts the host's whole file system into a container",
            "privilege_escalation",
        ),
        (
            r"^\s*cap_add:\s*\[?[^\n]*\b(?:ALL|SYS_ADMIN|SYS_PTRACE|SYS_MODULE|DAC_READ_SEARCH)\b"
            r"|^\s*-\s*['\"]?(?:ALL|SYS_ADMIN|SYS_PTRACE|SYS_MODULE|DAC_READ_SEARCH)['\"]?\s*$",
            "gives a container a capability that reaches the host (SYS_ADMIN, SYS_MODULE, ALL)",
            "privilege_escalation",
        ),
        (
            r"^\s*network_mode:\s*['\"]?host\b",
            "puts a container on the host's network (network_mode: host): it reaches every "
            "service bound to this machine's loopback",
            "privilege_escalation",
        ),
        (
            r"^\s*(?:-\s*)?(?:POSTGRES_HOST_AUTH_METHOD[:=]\s*['\"]?trust|"
            r"MYSQL_ALLOW_EMPTY_PASSWORD[:=]\s*['\"]?(?:yes|true|1)|"
            r"ALLOW_EMPTY_PASSWORD[:=]\s*['\"]?(?:yes|true|1))\b",
            "starts a database that lets anyone who reaches it in without a password",
            "defence_evasion",
        ),
    )
)


def is_compose_file(path: str) -> bool:
    return _COMPOSE_FILE.match(posixpath.basename(path)) is not None


def compose_predictions(path: str, text: str) -> list[Prediction]:
    """What the services in ``text`` (a compose file, or what an edit adds to one) would do
    once started; empty for any other file."""
    if not is_compose_file(path) or not text.strip():
        return []
    found: list[Prediction] = []
    for pattern, what, category in _FINDINGS:
        m = pattern.search(text)
        if m is not None:
            found.append(
                Prediction(
                    f"writes a compose file whose service, once started, {what}",
                    "harm",
                    0.6,
                    "moderate",
                    True,
                    clip(m.group(0).strip()),
                    category,
                )
            )
    return found
