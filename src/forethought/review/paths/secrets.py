"""Credentials written out in text: API tokens, private keys, passwords in assignments and URLs.

``secrets_in`` finds them; ``secret_evidence`` quotes enough of one to find it, not to use it;
``secret_predictions`` turns them into ``secret_written`` harms.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from typing import NamedTuple

from forethought.review.base import Prediction, Severity


class SecretHit(NamedTuple):
    kind: str
    span: tuple[int, int]


# Credentials that open an account or a cloud on their own; the rest weigh less.
STRONG_SECRETS = frozenset({
    "private_key", "aws_access_key", "aws_secret_key", "github_token", "gitlab_token",
    "openai_key", "anthropic_key", "stripe_key", "slack_token", "google_api_key", "npm_token",
    "huggingface_token", "pypi_token", "doppler_token", "vault_token", "sendgrid_key",
    "digitalocean_token", "shopify_token", "databricks_token", "grafana_token", "age_secret_key",
    "tailscale_key", "docker_hub_token", "fly_token", "onepassword_token", "supabase_token",
    "pulumi_token", "terraform_token", "buildkite_token", "replicate_token", "groq_key",
    "netlify_token", "notion_token", "linear_key", "postman_key", "sentry_token", "newrelic_key",
})

@dataclass(frozen=True, slots=True)
class _Token:
    """A credential format. Patterns start with a literal, which lets ``re`` skip ahead fast;
    ``boundary`` asks for a non-word character before the match (``\\b`` at the front would
    make every position a candidate). ``folded`` patterns are lower case and run on text with
    ASCII upper case folded, which keeps spans aligned with the original."""

    kind: str
    pattern: re.Pattern[str]
    boundary: bool = True
    folded: bool = False
    # literals one of which every match contains: a text with none is not searched (most texts
    # hold none of the vendors' prefixes, and `in` is far cheaper than a search)
    hints: tuple[str, ...] = ()


_TOKENS: tuple[_Token, ...] = (
    _Token("private_key",
           re.compile(r"-----BEGIN (?:[A-Z0-9]+ ){0,3}PRIVATE KEY(?: BLOCK)?-----"), False),
    _Token("aws_access_key",
           re.compile(r"(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA|AIPA)[0-9A-Z]{16}(?![0-9A-Za-z])")),
    _Token("aws_secret_key", re.compile(
        r"aws_?secret_?access_?key[\"']?\s*[:=]\s*[\"']?[a-z0-9/+=]{40}(?![a-z0-9/+=])"),
        folded=True),
    _Token("github_token", re.compile(r"(?:gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_\w{22,255})")),
    _Token("gitlab_token", re.compile(r"glpat-[A-Za-z0-9_-]{20,}")),
    _Token("anthropic_key", re.compile(r"sk-ant-[A-Za-z0-9_-]{20,}")),
    _Token("openai_key", re.compile(r"sk-(?!ant-)(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}")),
    _Token("stripe_key", re.compile(r"[rs]k_live_[A-Za-z0-9]{20,}")),
    _Token("slack_token", re.compile(r"xox[abposr]-[A-Za-z0-9-]{10,}")),
    _Token("slack_webhook",
           re.compile(r"https://hooks\.slack\.com/services/T\w+/B\w+/\w+"), False),
    _Token("google_api_key", re.compile(r"AIza[0-9A-Za-z_-]{35}")),
    _Token("npm_token", re.compile(r"npm_[A-Za-z0-9]{36}(?![A-Za-z0-9])")),
    _Token("huggingface_token", re.compile(r"hf_[A-Za-z0-9]{34,}(?![A-Za-z0-9])")),
    # Vendors' token formats with a prefix of their own (as gitleaks' rules describe them,
    # https://github.com/gitleaks/gitleaks/tree/master/cmd/generate/config/rules, MIT); each
    # searched only in a text that holds its prefix
    *(
        _Token(kind, re.compile(pattern), boundary, hints=hints)
        for kind, pattern, boundary, hints in (
            ("pypi_token", r"pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{4,}", True, ("pypi-AgE",)),
            (
                "doppler_token",
                r"dp\.(?:pt|st|ct|sa|scim|audit)\.[A-Za-z0-9_-]{2,40}(?:\.[A-Za-z0-9]{20,})?",
                True,
                ("dp.",),
            ),
            ("vault_token", r"hv[sb]\.[A-Za-z0-9_-]{24,}", True, ("hvs.", "hvb.")),
            ("sendgrid_key", r"SG\.[A-Za-z0-9_-]{16,32}\.[A-Za-z0-9_-]{16,64}", True, ("SG.",)),
            ("digitalocean_token", r"do[opr]_v1_[a-f0-9]{64}", True, ("_v1_",)),
            ("shopify_token", r"shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}", True, ("shp",)),
            ("databricks_token", r"dapi[a-f0-9]{32}(?:-\d)?(?![A-Za-z0-9])", True, ("dapi",)),
            (
                "grafana_token",
                r"(?:glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}|glc_[A-Za-z0-9+/]{32,})",
                True,
                ("glsa_", "glc_"),
            ),
            ("linear_key", r"lin_api_[A-Za-z0-9]{40}", True, ("lin_api_",)),
            ("postman_key", r"PMAK-[a-f0-9]{24}-[a-f0-9]{34}", True, ("PMAK-",)),
            (
                "age_secret_key",
                r"AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}",
                False,
                ("AGE-SECRET-KEY-",),
            ),
            (
                "tailscale_key",
                r"tskey-(?:auth|api|client|scim|webhook)-[A-Za-z0-9]{8,}-[A-Za-z0-9]{16,}",
                True,
                ("tskey-",),
            ),
            ("docker_hub_token", r"dckr_pat_[A-Za-z0-9_-]{27,}", True, ("dckr_pat_",)),
            (
                "fly_token",
                r"(?:fo1_[A-Za-z0-9_-]{43}|fm[12][ar]?_[A-Za-z0-9+/]{100,}={0,3})",
                True,
                ("fo1_", "fm1", "fm2"),
            ),
            ("onepassword_token", r"ops_eyJ[A-Za-z0-9+/]{100,}={0,3}", True, ("ops_eyJ",)),
            ("supabase_token", r"sbp_[a-f0-9]{40}", True, ("sbp_",)),
            (
                "sentry_token",
                r"(?:sntrys_eyJ[A-Za-z0-9+/=_-]{40,}|sntryu_[a-f0-9]{64})",
                True,
                ("sntry",),
            ),
            ("newrelic_key", r"NRAK-[A-Z0-9]{27}", True, ("NRAK-",)),
            ("pulumi_token", r"pul-[a-f0-9]{40}", True, ("pul-",)),
            (
                "terraform_token",
                r"[A-Za-z0-9]{14}\.atlasv1\.[A-Za-z0-9_=-]{60,70}",
                False,
                (".atlasv1.",),
            ),
            ("buildkite_token", r"bkua_[a-f0-9]{40}", True, ("bkua_",)),
            ("replicate_token", r"r8_[A-Za-z0-9]{37}", True, ("r8_",)),
            ("groq_key", r"gsk_[A-Za-z0-9]{52}", True, ("gsk_",)),
            ("netlify_token", r"nfp_[A-Za-z0-9]{36}", True, ("nfp_",)),
            ("notion_token", r"ntn_[A-Za-z0-9]{46}", True, ("ntn_",)),
        )
    ),
    _Token("jwt", re.compile(r"eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}")),
    _Token("bearer_token", re.compile(
        r"authorization[\"']?\s*[:=]\s*[\"']?(?:bearer|token|basic)\s+[a-z0-9._~+/=-]{16,}"),
        folded=True),
)
# Any of the hints: a text with none (most texts) skips every token that has hints at once.
_ANY_HINT = re.compile("|".join(re.escape(h) for t in _TOKENS for h in t.hints))
_UNHINTED = tuple(t for t in _TOKENS if not t.hints)
# user:password@ in a URL; the scheme in front is found afterwards, from the "://".
_URL_CREDENTIALS = re.compile(r"://[^/\s:@\"']{1,64}:[^/\s@\"']{3,128}@")
_SCHEME_CHAR = re.compile(r"[A-Za-z0-9+.-]")
_ASCII_FOLD = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)
MAX_SECRET_HITS = 50

# ``KEY = value`` where KEY names a credential. The match starts at the keyword; the key's
# prefix (``DB_`` in ``DB_PASSWORD``) is found afterwards, which keeps the scan linear.
_ASSIGNMENT = re.compile(  # runs on folded text
    r"(?:passw(?:or)?d|passphrase|pwd|secret(?:[_-]?key)?|api[_-]?key|apikey|access[_-]?key"
    r"|token|client[_-]?secret|private[_-]?key)"
    r"(?:[_-](?:auth|value|string))?"  # (Matomo's `token_auth=...`)
    # ("Passphrase for sdb1: ...", "password of the backup user = ...")
    r"(?:[ \t]+(?:for|of|to)[ \t]+(?:the[ \t]+)?[\w.@/-]{1,40}"
    r"(?:[ \t]+(?:user|account|disk|key))?)?"
    r"[\"']?[ \t]*(?::=|=(?!=)|:(?!:|//))[ \t]*"
    r"(?P<value>\"[^\"\n]{0,200}\"|'[^'\n]{0,200}'|[^\s\"',;()\[\]{}<>]{1,200})"
)
# A password given on a database client's or sshpass's command line (mysql(1): "-p'secret'",
# "--password=secret"; sshpass -p secret): written into a file, anyone who reads it has it.
_PASSWORD_OPTION = re.compile(
    r"\b(?:mysql\w*|mariadb\w*|sshpass)\b[^\n]{0,120}?\s(?:-p|--password=)"
    r"(?P<value>'[^'\n]{6,100}'|\"[^\"\n]{6,100}\"|[^\s'\"$]{6,100})"
)
# A password given on a login's command line, whatever the program (`faas-cli login -u admin -p
# S3cret!`, `docker login --password S3cret`): --password-stdin is the way that keeps it out.
_LOGIN_PASSWORD = re.compile(
    r"\blogin\b[^\n`]{0,120}?\s(?:-p|--password)(?:\s+|=)"
    r"(?P<value>'[^'\n]{6,100}'|\"[^\"\n]{6,100}\"|[^\s'\"$`]{6,100})"
)
# A credential's word followed by the value itself, in prose (memory notes, docs): "secret
# UVSzsH8vEO4pSiq/+Y9Px53...", "bearer token X2Ua0czq...". Runs on folded text; the value,
# read from the text as written, must look random (digits, capitals and small letters).
_WORD_THEN_VALUE = re.compile(
    # ("shared_secret ZEE4Tf5...", "cookie_secret mVKX...": the word ends a key's name)
    # (and a key named for it: "wstoken oxa31rk...", "authtoken 9f...")
    r"(?<![a-z0-9])(?:[a-z]{2,8}(?=token\b))?(?:secret|password|passwd|passphrase|token)\b"
    r"[ \t]+(?:is[ \t]+)?"
    r"(?P<value>[a-z0-9+/=_.~-]{16,200})(?![a-z0-9+/=_.~-])"
    # ("API: https://dns1... key 9xq9ug45G61s...": a key's value is longer than its names)
    r"|\bkey\b[ \t]+(?:is[ \t]+)?(?P<key>[a-z0-9+/=_.~-]{24,200})(?![a-z0-9+/=_.~-])"
    # ("gw2 admin key: defd08d2...", "idm_admin password after recovery: VKU8kk-3a5E...",
    # "token for git.corp.test (scope all): ebf54554...": a few words, then a colon, the value)
    r"|\b(?:secret|password|passwd|passphrase|token|key)\b(?P<between>[^\n:=`]{0,50}?)[ \t]*:"
    r"[ \t]*(?P<said>[a-z0-9+/=_.~-]{16,200})(?![a-z0-9+/=_.~-])"
)
# A list of users with their passwords in one setting (`CONCOURSE_ADD_LOCAL_USER=admin:Fk0d...,
# rkim:5pTx...`, `basic_auth_users: alice:...`): each password after its name.
_USER_LIST = re.compile(  # runs on folded text
    r"(?:users?|logins?|basic[_-]?auth|credentials?)[\"']?[ \t]*[=:][ \t]*[\"']?"
    r"(?P<list>[\w.@-]+:[^\s,;'\"]{8,200}(?:,[\w.@-]+:[^\s,;'\"]{8,200})*)"
)
# A login and its password written as one word in prose (`ci-bot:i8HcGHY1tTY1IkNC5Ic1R0r1`,
# "ops:83KlxP-0w0Hqz-naXbGJ at http://app1..."): a name, a colon, a random-looking value of 12 or
# more, standing alone; not a digest (`sha256:...`), a URL or an image tag.
_LOGIN_PAIR = re.compile(
    r"(?<![\w@.:/-])(?P<name>[A-Za-z][\w.@-]{1,31}):(?P<value>[A-Za-z0-9+_.~!#%^*-]{12,128})"
    r"(?![\w@:/+.~!#%^*-])"
)
_NOT_LOGINS = frozenset({"sha1", "sha256", "sha384", "sha512", "md5", "data", "http", "https",
                         "urn", "git", "ssh", "file", "mailto", "docker", "oci"})
# Words between a credential's word and a value that make the value something else: its
# fingerprint, id, hash, name, file or length.
_NOT_THE_VALUE = re.compile(
    r"\b(?:fingerprint|id|ids|sha\w*|hash|checksum|digest|name|names|file|path|url|version|type|"
    r"length|size|expir\w*|format|algorithm|label|hint)\b"
)
# A key in hexadecimal (an API token of 32 or 40 hex digits): random, though in small letters.
_HEX_KEY = re.compile(r"^(?=[0-9a-f]*[a-f])(?=[0-9a-f]*\d)[0-9a-f]{32,128}$")
# The name of a Kubernetes Secret, as a manifest refers to one (`auth-secret: basic-auth`): a
# lower-case DNS label with a dash in it, not a value.
_SECRET_REFERENCE = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)+$")
_KEY_CHAR = re.compile(r"[A-Za-z0-9_.-]")
_DOTTED_NAME = re.compile(r"^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*$")
_PLACEHOLDER_WORDS = (
    "xxxx", "****", "...", "your", "example", "placeholder", "changeme", "change_me", "change-me",
    "redacted", "dummy", "fake", "sample", "replace", "insert", "secret_here", "todo", "<", ">",
    "${", "{{", "%(", "<<",
    # (sops(1) writes each encrypted value as ENC[AES256_GCM,data:...]: ciphertext, safe to keep)
    "enc[aes256_gcm",
)
_PLACEHOLDER_VALUES = frozenset({
    "password", "passwd", "secret", "token", "none", "null", "nil", "true", "false",
    "undefined", "string", "test", "testing", "hunter2", "admin", "root", "user", "username",
})


def _is_placeholder(value: str) -> bool:
    low = value.lower()
    if low in _PLACEHOLDER_VALUES or any(w in low for w in _PLACEHOLDER_WORDS):
        return True
    if "{" in value and "}" in value:  # a format-string field
        return True
    return len(set(value)) < 4


def _credible_assignment(raw_value: str) -> bool:
    quoted = raw_value[:1] in ("'", '"')
    value = raw_value[1:-1] if quoted else raw_value
    if len(value) < 6 or _is_placeholder(value) or value.startswith("$"):
        return False
    if quoted:
        return True
    # Unquoted, it is often code: a variable (``password = get_password``), an attribute
    # (``token = self.token``) or a number. It counts where it cannot be one, as in ``.env``
    # files: ``DB_PASSWORD=s3cr3t!``.
    if value.isdigit():
        return False
    if _DOTTED_NAME.match(value):
        return "." not in value and any(c.isdigit() for c in value)
    return True


def _random_looking(token: str) -> bool:
    return any(c.isdigit() for c in token) and any(c.isupper() for c in token) and any(
        c.islower() for c in token
    )


def _starts_a_word(text: str, start: int) -> bool:
    return start == 0 or not (text[start - 1].isalnum() or text[start - 1] == "_")


def _extend_left(text: str, start: int, char: re.Pattern[str], limit: int) -> int:
    floor = max(0, start - limit)
    while start > floor and char.match(text, start - 1):
        start -= 1
    return start


def secrets_in(text: str) -> list[SecretHit]:
    """Credentials written out in ``text``: kind and (start, end) span, in order of position."""
    folded = text.translate(_ASCII_FOLD)
    found: list[SecretHit] = []

    def add(kind: str, span: tuple[int, int]) -> None:
        if not any(s < span[1] and span[0] < e for _, (s, e) in found):
            found.append(SecretHit(kind, span))

    for token in _TOKENS if _ANY_HINT.search(text) is not None else _UNHINTED:
        if token.hints and not any(h in text for h in token.hints):
            continue
        for m in token.pattern.finditer(folded if token.folded else text):
            if len(found) >= MAX_SECRET_HITS:
                break
            matched = text[m.start() : m.end()]
            if token.boundary and not _starts_a_word(text, m.start()):
                continue
            if "EXAMPLE" in matched.upper():
                continue
            if token.kind == "openai_key" and not _random_looking(matched[3:]):
                continue
            add(token.kind, m.span())
    for m in _URL_CREDENTIALS.finditer(text):
        start = _extend_left(text, m.start(), _SCHEME_CHAR, 16)
        password = text[m.start() + 3 : m.end() - 1].split(":", 1)[1]
        if start < m.start() and text[start].isalpha() and not _is_placeholder(password):
            add("url_credentials", (start, m.end()))
    for m in _ASSIGNMENT.finditer(folded):
        if len(found) >= MAX_SECRET_HITS:
            break
        raw_value = text[m.start("value") : m.end("value")]
        if not _credible_assignment(raw_value):
            continue
        if _SECRET_REFERENCE.match(raw_value.strip("'\"")) and folded.startswith(
            "secret", m.start()
        ):
            continue  # (`auth-secret: basic-auth`, `secretName: longhorn-tls`: a Secret's name)
        if m.start() >= 2 and folded.startswith("nopasswd", m.start() - 2):
            continue  # sudoers(5)'s tag: no password at all
        start = _extend_left(text, m.start(), _KEY_CHAR, 40)
        if text[start - 1 : start] in ("'", '"'):
            start -= 1
        add("password_assignment", (start, m.end()))
    for m in _WORD_THEN_VALUE.finditer(folded):
        group = next(g for g in ("value", "key", "said") if m.group(g) is not None)
        value = text[m.start(group) : m.end(group)]
        if group == "said" and _NOT_THE_VALUE.search(m.group("between")):
            continue
        random = _random_looking(value) or (group == "said" and _HEX_KEY.match(value))
        if random and not _is_placeholder(value):
            add("password_assignment", (m.start(), m.end()))
    for m in _USER_LIST.finditer(folded) if ":" in text else ():
        at = m.start("list")
        for pair in text[m.start("list") : m.end("list")].split(","):
            password = pair.split(":", 1)[1]
            if _random_looking(password) and not _is_placeholder(password):
                add("password_assignment", (at, at + len(pair)))
            at += len(pair) + 1
    for m in _LOGIN_PAIR.finditer(text) if ":" in text else ():
        value = m.group("value")
        if (
            m.group("name").lower() not in _NOT_LOGINS
            and _random_looking(value)
            and not _is_placeholder(value)
        ):
            add("password_assignment", m.span())
    for pattern in (_PASSWORD_OPTION, _LOGIN_PASSWORD) if "-p" in text else ():
        for m in pattern.finditer(text):
            value = m.group("value").strip("'\"")
            if _is_placeholder(value) or value.startswith(("$", "-")):
                continue
            add("password_assignment", (m.start("value") - 2, m.end()))
    found.sort(key=lambda h: h.span)
    return found


def secret_severity(kind: str) -> Severity:
    return "high" if kind in STRONG_SECRETS else "moderate"


def secret_evidence(text: str, hit: SecretHit) -> str:
    """Enough of the match to find it, not enough to use it: a substring of ``text``."""
    start, end = hit.span
    matched = text[start:end]
    if hit.kind in ("private_key", "url_credentials"):
        keep = len(matched) if hit.kind == "private_key" else matched.rindex(":")
    elif hit.kind in ("password_assignment", "aws_secret_key", "bearer_token"):
        op = re.search(r"[:=][\s\"']*", matched)
        keep = (op.end() if op else 0) + 2
    else:
        keep = 8
    return matched[: min(keep, len(matched))]


_ENCRYPTED_DATA = re.compile(r"^\s*encryptedData:\s*$", re.MULTILINE)


def _sealed_from(text: str) -> int | None:
    """Where a SealedSecret's ``encryptedData`` starts, for a manifest that is one (its values
    are encrypted for the cluster's controller; committing them is the point), else None."""
    if "SealedSecret" not in text or re.search(r"^kind:\s*SealedSecret\s*$", text, re.M) is None:
        return None
    m = _ENCRYPTED_DATA.search(text)
    return None if m is None else m.end()


def secret_predictions(
    text: str,
    where: str,
    *,
    expected_here: bool = False,
    already_there: str = "",
    limit: int = 5,
) -> list[Prediction]:
    """``secret_written`` harms for credentials in ``text``, which is being stored ``where``.

    ``expected_here``: the destination is itself a secret store (``.env``, a key file), where
    a credential is what belongs; the harm is then the lesser one of handling it at all.
    ``already_there``: text being replaced; a credential it already held is not new.
    """
    out: list[Prediction] = []
    seen: set[str] = set()
    sealed = _sealed_from(text)
    for hit in secrets_in(text):
        if hit.kind in seen or (already_there and text[slice(*hit.span)] in already_there):
            continue
        if sealed is not None and hit.span[0] > sealed:
            continue  # (a SealedSecret's encryptedData: ciphertext only its controller opens)
        seen.add(hit.kind)
        severity = secret_severity(hit.kind)
        out.append(
            Prediction(
                outcome=f"writes a credential ({hit.kind.replace('_', ' ')}) into {where}",
                valence="harm",
                probability=0.15 if expected_here else (0.8 if severity == "high" else 0.6),
                severity="low" if expected_here else severity,
                reversible=False,  # a credential that has been copied must be rotated
                evidence=secret_evidence(text, hit),
                category="secret_written",
            )
        )
        if len(out) >= limit:
            break
    return out
