"""What is sensitive on a machine, and how touching it is predicted.

Shared by the file, Python, HTTP and shell reviewers. Everything here is judged on paper:
paths are normalised as text (``~`` expanded, ``..`` resolved) and never looked up on the
file system.

- ``normalise`` (module ``normalise``) turns a path as the agent wrote it into an
  absolute-or-relative POSIX path; it is the only path normaliser of the reviewers.
- ``CATALOGUE`` (module ``catalogue``) lists sensitive paths of three kinds: *secret* (reading
  it discloses credentials), *system* (changing it alters the machine for every user) and
  *persistence* (code placed there runs later, unreviewed). ``matches``, ``worst`` and
  ``find`` look a path up in it.
- ``read_predictions`` / ``write_predictions`` / ``delete_predictions`` (module
  ``predictions``) turn a path into the harm Predictions of reading, writing or deleting it.
- ``secrets_in`` (module ``secrets``) finds credentials in text.
"""

from forethought.review.paths.catalogue import (
    CATALOGUE,
    CRITICAL_DIRS,
    PUBLIC,
    PathKind,
    SensitivePath,
    credential_store,
    find,
    matches,
    worst,
)
from forethought.review.paths.normalise import HOME_DIRS, home_dir, home_relative, normalise
from forethought.review.paths.predictions import (
    EVIDENCE_LIMIT,
    clip,
    delete_predictions,
    harm,
    merge_similar,
    read_predictions,
    summarise,
    write_predictions,
)
from forethought.review.paths.secrets import (
    MAX_SECRET_HITS,
    STRONG_SECRETS,
    SecretHit,
    secret_evidence,
    secret_predictions,
    secret_severity,
    secrets_in,
)

__all__ = [
    "CATALOGUE",
    "CRITICAL_DIRS",
    "EVIDENCE_LIMIT",
    "HOME_DIRS",
    "MAX_SECRET_HITS",
    "PUBLIC",
    "STRONG_SECRETS",
    "PathKind",
    "SecretHit",
    "SensitivePath",
    "clip",
    "credential_store",
    "delete_predictions",
    "find",
    "harm",
    "home_dir",
    "home_relative",
    "matches",
    "merge_similar",
    "normalise",
    "read_predictions",
    "secret_evidence",
    "secret_predictions",
    "secret_severity",
    "secrets_in",
    "summarise",
    "worst",
    "write_predictions",
]
