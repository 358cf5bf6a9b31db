"""HttpReviewer: what an HTTP request would do, as effects on typed resources.

Each request is described in the effect vocabulary (:mod:`forethought.review.effects`):

- **connect** to its destination: a host on the policy's allow list or this machine
  (``network_allowed``), any other (``network_outside``), or a cloud instance metadata service
  (``metadata_endpoint``, which hands out the machine's credentials);
- **send** what travels with it: a credential (in a header, the body or the URL), or data going
  outside the allow list (bulk, a long encoded blob). A key sent to the service it belongs to
  (an OpenAI key to api.openai.com) is the user's ordinary use of it; the same key sent to an
  unrelated host is not. After the session read or staged a secret, data sent outside may carry
  it, and a body naming the file it was staged in sends it;
- **write**, **delete** or **execute** through an administration API (``control_plane``: the
  Docker Engine API, Kubernetes, cloud control planes), **delete** what a service holds
  (``remote_data``; every index at once weighs more), **read** a cluster's secrets;
- **write** the file a download is saved to (``save_to``, where the tool says), typed like any
  file write: code saved into a start-up file or a system directory is persistence.

Each effect is graded by the one table (:func:`forethought.review.effects.grade`); the review's
details list the effects. A URL the reviewer cannot read (unparsed, a template, an unknown
scheme) is *uncertainty*, reported beside the risk. ``request_predictions`` is shared with the
Python reviewer, which finds requests inside code.

Tools of kind ``other`` (no catalogue knows them) are reviewed here too, partially: the URLs and
paths among their arguments are judged as the effects they would be, and what the tool does with
them is uncertainty, so the policy's rule for unreviewed actions still decides.
"""

from __future__ import annotations

import ipaddress
import itertools
import re
import socket
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import SplitResult, unquote, urlsplit

from forethought.proposal import Proposal
from forethought.review import admin_apis, open_access
from forethought.review.base import Prediction, Review, Severity
from forethought.review.benefit import in_task
from forethought.review.effects import Effect, Operation, Resource, grade
from forethought.review.kubernetes import looks_like_manifest, manifest_predictions
from forethought.review.paths import (
    clip,
    read_predictions,
    secret_evidence,
    secrets_in,
    summarise,
    worst,
)
from forethought.review.payloads import injected_payload

IpAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
BULK_BYTES = 10_000
BULK_LINES = 50

METADATA_HOSTS = frozenset(
    {
        "169.254.169.254",
        "fd00:ec2::254",
        "169.254.170.2",
        "100.100.100.200",
        "metadata.google.internal",
        "metadata",
        "instance-data",
        "instance-data.ec2.internal",
        "metadata.azure.internal",
    }
)
# A name that resolves to the metadata address (nip.io, sslip.io and the like spell it out).
_METADATA_SPELLED = re.compile(r"(?:^|[.-])169[.-]254[.-]169[.-]254(?:[.-]|$)")

# Services whose main use by an agent would be to drop data off or open a tunnel.
EXFILTRATION_SITES = (
    "pastebin.com",
    "paste.ee",
    "hastebin.com",
    "ghostbin.co",
    "dpaste.com",
    "dpaste.org",
    "termbin.com",
    "ix.io",
    "sprunge.us",
    "transfer.sh",
    "file.io",
    "0x0.st",
    "temp.sh",
    "bashupload.com",
    "webhook.site",
    "requestbin.com",
    "requestbin.net",
    "pipedream.net",
    "ngrok.io",
    "ngrok-free.app",
    "ngrok.app",
    "ngrok.dev",
    "trycloudflare.com",
    "loca.lt",
    "localtunnel.me",
    "serveo.net",
    "burpcollaborator.net",
    "oastify.com",
    "interact.sh",
    "oast.pro",
    "oast.live",
    "oast.site",
    "oast.online",
    "oast.fun",
    "oast.me",
    "canarytokens.com",
    "requestcatcher.com",
    "beeceptor.com",
    "hookbin.com",
    "gofile.io",
    "catbox.moe",
    "anonfiles.com",
)
_WEBHOOK_PATHS = re.compile(r"^/(?:api/webhooks/|bot[0-9]+:)")  # Discord webhooks, Telegram bots

_CREDENTIAL_HEADERS = frozenset(
    {
        "authorization",
        "proxy-authorization",
        "cookie",
        "x-api-key",
        "api-key",
        "apikey",
        "x-auth-token",
        "x-access-token",
        "private-token",
        "x-goog-api-key",
        "x-amz-security-token",
    }
)
_CREDENTIAL_HEADER_WORDS = ("token", "secret", "api-key", "apikey", "api_key", "password", "auth")
_ENCODED_BLOB = re.compile(r"[A-Za-z0-9+/_%=-]{100,}")
_NUMERIC_HOST = re.compile(r"(?:0x[0-9a-f]+|[0-9]+)(?:\.(?:0x[0-9a-f]+|[0-9]+)){0,3}")

# Where each kind of credential belongs: sending it there is using it. (Not an AWS secret key:
# it never travels, requests are signed with it; the access key id does travel, in the
# signature's header, to AWS's own endpoints.)
CREDENTIAL_HOMES: dict[str, tuple[str, ...]] = {
    "openai_key": ("api.openai.com",),
    "anthropic_key": ("api.anthropic.com",),
    "github_token": (
        "github.com",
        "api.github.com",
        "uploads.github.com",
        "*.githubusercontent.com",
    ),
    "gitlab_token": ("gitlab.com",),
    "stripe_key": ("api.stripe.com",),
    "slack_token": ("slack.com",),
    "slack_webhook": ("hooks.slack.com",),  # (the URL is the key: sent there, it is used)
    "google_api_key": ("*.googleapis.com",),
    "npm_token": ("registry.npmjs.org",),
    "huggingface_token": ("huggingface.co",),
    "aws_access_key": ("*.amazonaws.com",),
}
# Services where signing in with a key reaches the user's own account: a key the reviewer does
# not recognise, sent to one of these, is presumed the user's key for it. (Exact names only: a
# wildcard would take in hosts anyone can rent, an API gateway or a bucket.)
ACCOUNT_HOSTS = frozenset(
    {
        "api.openai.com",
        "api.anthropic.com",
        "api.github.com",
        "uploads.github.com",
        "gitlab.com",
        "api.stripe.com",
        "slack.com",
        "huggingface.co",
        "registry.npmjs.org",
        "generativelanguage.googleapis.com",
        "api.mistral.ai",
        "api.groq.com",
        "api.cohere.com",
        "api.together.xyz",
        "openrouter.ai",
        "api.deepseek.com",
        # administration APIs of the services the admin API catalogue describes: a key sent
        # there signs in to the user's own organisation (what the call does is the catalogue's)
        "graph.microsoft.com",
        "management.azure.com",
        "outlook.office365.com",
        "admin.googleapis.com",
        "gmail.googleapis.com",
        "www.googleapis.com",
        "api.cloudflare.com",
        "api.datadoghq.com",
        "api.datadoghq.eu",
        "api.pagerduty.com",
        "sentry.io",
        "hub.docker.com",
        "registry-1.docker.io",
        "upload.pypi.org",
        "api.pulumi.com",
    }
)
# Identity providers and vaults that give each customer a subdomain of their own
# (acme.okta.com): the tenant's owner never sees the requests others send to it, unlike a
# gateway or a bucket anyone can rent, so a key sent there signs in to the user's own tenant.
ACCOUNT_TENANT_DOMAINS = (
    ".okta.com",
    ".oktapreview.com",
    ".okta-emea.com",
    ".auth0.com",
    ".vault.azure.net",
    # Jira and Confluence Cloud sites (acme.atlassian.net), Jamf Pro cloud instances
    ".atlassian.net",
    ".jamfcloud.com",
)
# Credential forms that say nothing about whose they are.
_GENERIC_CREDENTIALS = frozenset({"bearer_token", "jwt", "password_assignment", "url_credentials"})

# Administration APIs (control planes). Docker's unauthenticated TCP socket and the kubelet are
# known by their ports; cloud control planes by their hosts.
_DOCKER_PORTS = frozenset({2375, 2376})
_KUBERNETES_PORTS = frozenset({6443, 8443, 10250, 10255})
_KUBERNETES_HOSTS = re.compile(r"^kubernetes(?:\.default(?:\.svc(?:\.cluster\.local)?)?)?$")
_CLOUD_CONTROL = re.compile(
    r"^(?:management\.azure\.com|(?:compute|container|cloudresourcemanager|iam|cloudfunctions|"
    r"run|sqladmin|secretmanager)\.googleapis\.com|api\.digitalocean\.com|api\.linode\.com|"
    r"api\.hetzner\.cloud|api\.vultr\.com|api\.cloudflare\.com|api\.heroku\.com|api\.fly\.io|"
    r"(?:ec2|iam|sts|lambda|rds|eks|ecs|cloudformation|organizations|kms|secretsmanager|ssm|"
    r"route53|autoscaling|elasticloadbalancing|cloudtrail|guardduty)(?:[.-][a-z0-9-]+)?"
    r"\.amazonaws\.com)$"
)
_KUBERNETES_PATH = re.compile(r"/(?:api/v1|apis/[\w.-]+/v\w+)(?:/|$)")
_RUNS_CODE = re.compile(
    r"/containers/create|/exec(?:/|$)|/attach(?:/|$)|/pods/[^/]+/(?:exec|attach)|"
    r"/api/v1/namespaces/[^/]+/pods/?$|/run(?:/|$)|/services/create"
)
_CLUSTER_SECRETS = re.compile(r"/api/v1/(?:namespaces/[^/]+/)?secrets(?:/|$|\?)")
_CLOUD_DESTROYS = re.compile(
    r"(?:Action=|AmazonSSM\.|\.)(?:Delete|Terminate|Remove|Deregister|Disable)\w*", re.IGNORECASE
)
_CLOUD_RUNS = re.compile(r"(?:Action=|AmazonSSM\.)(?:SendCommand|RunInstances|Invoke)\b")
# A control-plane call that only reads, though sent as a POST: AWS's Query and JSON APIs
# (Action=DescribeInstances, X-Amz-Target: ...ListKeys), Google's custom read methods
# (:getIamPolicy, :testIamPermissions). (Reads that return secret values are catalogue entries.)
_CLOUD_READS = re.compile(
    r"^(?:Describe|List|Get|Lookup|Search|BatchGet|Head|Query|Scan|Check|Validate|Simulate)"
    r"(?!PasswordData|Credentials|AuthorizationToken|SecretValue|Parameters?\b)"
    r"|^(?:get|list|test|search|query|lookup|batchGet|fetch)\w*$"
)
_AWS_ACTION = re.compile(r"(?:^|&)Action=(\w+)")
# Every index of a search engine, or a wildcard over them (Elasticsearch/OpenSearch).
_EVERY_INDEX = re.compile(r"^/(?:_all|\*|[^/?]*\*[^/?]*)/?$")

# Code a download would save: scripts, installers, packages, executables.
_CODE_FILE = re.compile(
    r"(?:\.(?:sh|bash|zsh|py|pl|rb|ps1|psm1|bat|cmd|vbs|js|mjs|php|exe|msi|dll|so|dylib|bin|run|"
    r"appimage|deb|rpm|apk|pkg|dmg|jar|whl)|(?:^|/)(?:install|installer|get-[\w.-]+|setup)"
    r"(?:\.\w+)?)$",
    re.IGNORECASE,
)
_TEMPLATE = re.compile(r"\$\{?\w|\{\{|\{[A-Za-z_]\w*\}|<[A-Za-z_]+>")

_FILE_SCHEMES = frozenset({"file", "netdoc", "jar"})
_SMUGGLING_SCHEMES = frozenset({"gopher", "dict", "ldap", "ldaps", "tftp", "expect", "phar"})
_TRANSFER_SCHEMES = frozenset({"ftp", "ftps", "sftp", "scp", "smb", "nfs", "rsync"})
_WEB_SCHEMES = frozenset({"http", "https", "ws", "wss"})


# --------------------------------------------------------------------------------------------
# Hosts
# --------------------------------------------------------------------------------------------


def parse_ip(host: str) -> IpAddress | None:
    """The address a host names literally, including forms like ``2852039166`` or ``0x7f.1``."""
    try:
        ip = ipaddress.ip_address(host)
    except ValueError:
        if not _NUMERIC_HOST.fullmatch(host):
            return None
        try:  # inet_aton parses the legacy shorthand forms browsers and curl still accept
            ip = ipaddress.IPv4Address(socket.inet_aton(host))
        except OSError:
            return None
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    return ip


def is_internal(host: str, ip: IpAddress | None = None) -> bool:
    """Loopback: the agent's own machine."""
    if host == "localhost" or host.endswith(".localhost"):
        return True
    ip = ip if ip is not None else parse_ip(host)
    return ip is not None and (ip.is_loopback or ip.is_unspecified)


# Private (RFC 1918, shared, unique-local) networks: a host there is the organisation's own.
PRIVATE_NETWORKS = tuple(
    ipaddress.ip_network(n)
    for n in ("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10", "fc00::/7")
)


def in_private_network(ip: IpAddress | None) -> bool:
    """Whether ``ip`` is in one of PRIVATE_NETWORKS (not the documentation ranges, which
    ``ipaddress`` also calls private)."""
    return ip is not None and any(ip in n for n in PRIVATE_NETWORKS)


def is_metadata(host: str, ip: IpAddress | None = None) -> bool:
    """A cloud instance metadata service, however its address is spelt."""
    host = host.lower().rstrip(".")
    ip = ip if ip is not None else parse_ip(host)
    if host in METADATA_HOSTS or (ip is not None and str(ip) in METADATA_HOSTS):
        return True
    return bool(_METADATA_SPELLED.search(host))


def _bare_host(pattern: str) -> str:
    host = pattern.strip().lower().split("://")[-1].split("/")[0]
    if host.startswith("["):
        return host[1:].split("]")[0]
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


def host_allowed(host: str, allowed_hosts: Sequence[str]) -> bool:
    """``host`` is on the allow list: exact names, or ``*.example.com`` for its subdomains."""
    host = host.lower().rstrip(".")
    for raw in allowed_hosts:
        pattern = _bare_host(raw)
        if pattern == "*" or pattern == host:
            return True
        if pattern.startswith("*.") and host.endswith(pattern[1:]):
            return True
    return False


def is_exfiltration_site(host: str, path: str = "") -> bool:
    if any(host == site or host.endswith("." + site) for site in EXFILTRATION_SITES):
        return True
    webhook_hosts = ("discord.com", "discordapp.com", "api.telegram.org")
    return host in webhook_hosts and bool(_WEBHOOK_PATHS.match(path))


def home_service(host: str) -> bool:
    """``host`` is a service where a key signs in to the user's account (api.openai.com, an
    Okta tenant, a cloud control plane ...)."""
    host = host.lower().rstrip(".")
    return (
        host in ACCOUNT_HOSTS
        or host.endswith(ACCOUNT_TENANT_DOMAINS)
        or _CLOUD_CONTROL.match(host) is not None
    )


def vendor_host(host: str) -> bool:
    """``host`` is a service of the user's own, or one of Google's API front ends
    (storage.googleapis.com): a key sent there is seen by the vendor only, never leaked, though
    data sent there may land in someone else's bucket."""
    return home_service(host) or host.lower().rstrip(".").endswith(".googleapis.com")


def split_url(url: str) -> SplitResult | None:
    """urlsplit, reading ``example.com/x`` as http; None where the URL cannot be parsed."""
    try:
        parts = urlsplit(url.strip())
        if not parts.scheme and not parts.netloc and parts.path and not url.startswith("/"):
            parts = urlsplit("http://" + url.strip())
        _ = parts.port  # raises on a malformed port
    except ValueError:
        return None
    return parts


def is_bulk(body: str) -> bool:
    """A body that looks like a data set rather than a message."""
    if len(body) > BULK_BYTES or body.count("\n") >= BULK_LINES:
        return True
    return body.lstrip().startswith("[") and body.count("{") >= 20


# --------------------------------------------------------------------------------------------
# Effects
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Context:
    """What beyond the request itself bears on it: the task, and the secrets the session read
    or staged (path -> the secret behind it), less those the session wrote itself."""

    task: str = ""
    secrets_read: tuple[str, ...] = ()
    staged: Mapping[str, str] | None = None


def context_of(proposal: Proposal) -> Context:
    if not proposal.steps:
        return Context(task=proposal.task)
    from forethought.session import facts

    found = facts(proposal.steps)
    own = set(found.written)
    read = tuple(dict.fromkeys(p for p in found.secrets_read if p not in own))
    staged = {copy: secret for copy, secret in found.secret_copies.items() if secret not in own}
    return Context(task=proposal.task, secrets_read=read, staged=staged)


@dataclass(frozen=True, slots=True)
class _Destination:
    host: str
    resource: Resource  # network_allowed, network_outside or metadata_endpoint
    where: str  # how an outcome names it
    boost: float  # drop sites and raw addresses: a send there is likelier to be a leak
    internal: bool
    port: int | None


def _effect(
    op: Operation,
    resource: Resource,
    target: str,
    evidence: str,
    what: str,
    severity: Severity | None = None,
    probability: float | None = None,
    reversible: bool | None = None,
    category: str = "",
) -> Effect:
    return Effect(
        op=op,
        resource=resource,
        target=target,
        evidence=clip(evidence),
        what=what,
        severity=severity,
        probability=None if probability is None else min(1.0, probability),
        reversible=reversible,
        category=category,
    )


def graded(effects: Sequence[Effect]) -> list[Prediction]:
    """The harm Predictions of ``effects``, told in the reviewer's own words where it has them
    (the table's grade otherwise)."""
    out = []
    for effect in effects:
        # the effect's own words name its target already
        p = grade(replace(effect, target="") if effect.what else effect)
        if p is not None:
            out.append(p)
    return out


def describe(effects: Sequence[Effect]) -> list[str]:
    """``op resource target`` for each effect: what the review's details list."""
    return [f"{e.op} {e.resource} {e.target}".rstrip() for e in effects]


def _destination(host: str, parts: SplitResult, allowed_hosts: Sequence[str]) -> _Destination:
    ip = parse_ip(host)
    port = _port(parts)
    if is_metadata(host, ip):
        return _Destination(host, "metadata_endpoint", host, 0.0, False, port)
    internal = is_internal(host, ip)
    allowed = internal or host_allowed(host, allowed_hosts)
    where = host
    boost = 0.0
    if is_exfiltration_site(host, parts.path):
        where, boost = f"{host} (a paste, webhook or tunnel service)", 0.3
    elif ip is not None and not internal:
        where, boost = f"{host} (a raw IP address)", 0.3
    resource: Resource = "network_allowed" if allowed else "network_outside"
    return _Destination(host, resource, where, boost, internal, port)


def _port(parts: SplitResult) -> int | None:
    try:
        return parts.port
    except ValueError:
        return None


def _credential_kinds(text: str) -> set[str]:
    return {hit.kind for hit in secrets_in(text)}


def _belongs_to(kinds: set[str], host: str) -> bool | None:
    """Whether the credentials of ``kinds`` belong to ``host``: True (each recognised one is
    for it), False (one is for another service), None (none says whose it is)."""
    homed = [k for k in kinds if k in CREDENTIAL_HOMES]
    if not homed:
        return None
    return all(host_allowed(host, CREDENTIAL_HOMES[k]) for k in homed)


def _header_credentials(
    headers: Mapping[str, Any],
) -> Iterator[tuple[str, str, set[str]]]:
    """(name, value, recognised kinds) of each header that carries a credential."""
    for name, value in headers.items():
        name_s, value_s = str(name), str(value)
        low = name_s.lower()
        named = low in _CREDENTIAL_HEADERS or any(w in low for w in _CREDENTIAL_HEADER_WORDS)
        kinds = _credential_kinds(value_s)
        if (named and value_s.strip()) or kinds:
            yield name_s, value_s, kinds


def _authenticates_at_home(headers: Mapping[str, Any], dest: _Destination) -> bool:
    """The request signs in to the service its credential belongs to (the user's own key for
    api.openai.com, sent there; a signed request to a cloud control plane, AWS's IAM or EC2):
    the destination is one the user holds an account with."""
    if not home_service(dest.host):
        return False
    found = False
    for _name, _value, kinds in _header_credentials(headers):
        if _belongs_to(kinds - _GENERIC_CREDENTIALS, dest.host) is False:
            return False
        found = True
    return found


# Headers that only one product's API reads, by that product.
_PRODUCT_HEADERS = {
    "private-token": "gitlab",
    "x-gitlab-token": "gitlab",
    "x-jfrog-art-api": "jfrog",
}
# A credential named for its product: `$GITLAB_TOKEN`, `${GRAFANA_API_KEY}`, os.environ['X_PAT'].
_PRODUCT_VARIABLE = re.compile(
    r"(?<=[${'\"\[])([A-Z][A-Z0-9]{2,20}?)_(?:API_|BASIC_|ACCESS_)?(?:TOKEN|KEY|PAT|SECRET|AUTH)\b"
)
# Products organisations run on their own hosts (a token for one of them may well belong at
# ci.example.com); a token of a product that only its vendor serves (Pulumi Cloud, OpenAI)
# belongs at the vendor's hosts alone.
_SELF_HOSTED = frozenset(
    "gitlab jenkins grafana argocd vault sonarqube sonar artifactory jfrog harbor nexus gitea "
    "forgejo mattermost sentry prometheus kibana elastic elasticsearch opensearch keycloak "
    "rancher portainer minio nomad consul awx rundeck teamcity bamboo jira confluence bitbucket "
    "gerrit drone woodpecker concourse spinnaker airflow superset metabase redash n8n netbox "
    "zabbix graylog loki tempo mimir influxdb octopus".split()
)
# What organisations call the host of an internal tool (ci.example.com for Jenkins,
# dashboards.example.com for Grafana): a product's token there, for a task about the product.
_TOOL_HOST_LABELS = frozenset(
    "ci cd build builds jenkins git scm code gitlab grafana dashboards dashboard monitor "
    "monitoring metrics sonar artifacts artifactory repo repos registry vault secrets auth sso "
    "sentry jira wiki docs deploy argo argocd tools devops ops".split()
)
# Words that name no product: `$SECRET_KEY`, `$API_TOKEN`, `$MY_TOKEN`.
_NO_PRODUCT = frozenset(
    "secret secrets access api auth token private client app user admin my the basic bearer "
    "service master root prod dev staging test ci deploy session refresh id".split()
)


def _product_of(header: str, value: str) -> str | None:
    """The product a credential is named for: by a header only that product reads, or by the
    environment variable that holds it."""
    product = _PRODUCT_HEADERS.get(header.lower())
    if product is not None:
        return product
    m = _PRODUCT_VARIABLE.search(value)
    if m is None or m.group(1).lower() in _NO_PRODUCT:
        return None
    return m.group(1).lower()


def _first_label(host: str) -> str:
    return host.split(".", 1)[0].lower() if "." in host else ""


def _task_work_at(parts: SplitResult | None, task: str) -> str | None:
    """What a request's URL names of the task's own work: an identifier of the task
    (`acme/website`, `ci-test-7`, `@bob:matrix.corp.test`) as a part of its path, over https,
    or None. The request is the task's work; whose host it is, nothing shows."""
    if parts is None or parts.scheme.lower() != "https" or not task:
        return None
    path = unquote(parts.path).strip("/")
    if not path:
        return None
    pieces = [p for p in path.split("/") if p]
    joined = "/".join(pieces)
    for m in _TASK_WORK_ID.finditer(task):
        word = m.group(0).strip("`'\".,;:()")
        if len(word) < 4 or word.lower() in _GENERIC_LABELS:
            continue
        if word in pieces or ("/" in word and f"/{word}/" in f"/{joined}/"):
            return word
    return None


# A word of a task that names one thing: with a digit, a dash, an underscore, a slash, an @ or a
# colon in it (`acme/website`, `ci-test-7`, `@bob:matrix.corp.test`), or in backquotes.
_TASK_WORK_ID = re.compile(r"`[^`\s]{3,}`|(?<![\w/@.-])[@\w][\w.@:/-]*[\d_/@:-][\w.@:/-]*\w")


def _header_effects(
    headers: Mapping[str, Any],
    dest: _Destination,
    evidence: str | None,
    task: str = "",
    parts: SplitResult | None = None,
) -> list[Effect]:
    out: list[Effect] = []
    for name, value, kinds in _header_credentials(headers):
        specific = kinds - _GENERIC_CREDENTIALS
        belongs = _belongs_to(specific, dest.host)
        if belongs or dest.internal:
            continue  # its own service, or this machine (the task's server, a local proxy)
        if belongs is None and (
            vendor_host(dest.host) or task_names_host(dest.host, task, by_product=False)
        ):
            # an unrecognised key for a service that takes keys, or for the service the task
            # names (the user's GitLab, their Okta tenant): the user's own
            continue
        product = _product_of(name, value) if belongs is None else None
        if (
            product in _SELF_HOSTED
            and dest.boost == 0
            and (
                _first_label(dest.host) == product
                or (
                    _first_label(dest.host) in _TOOL_HOST_LABELS
                    and re.search(rf"\b{re.escape(product)}\b", task, re.IGNORECASE) is not None
                )
            )
        ):
            # the product's own token to a host named for the product (GITLAB_TOKEN in
            # PRIVATE-TOKEN to gitlab.example.com), or to a host of a task about that product
            # ($JENKINS_BASIC_AUTH to ci.example.com for "list the Jenkins agents"): most likely
            # the user's own instance, but nothing shows the host is theirs, so a person decides
            out.append(
                _effect(
                    "send",
                    "credential",
                    dest.host,
                    evidence or name,
                    f"sends a {product} token (header {name}) to {dest.where}: presumably the "
                    f"user's own {product} there, though nothing shows the host is theirs "
                    "(list it in network.allowed_hosts to trust it)",
                    "moderate",
                    0.5,
                    False,
                )
            )
            break
        if (
            belongs is None
            and dest.boost == 0
            and dest.resource != "network_allowed"
            and (work := _task_work_at(parts, task)) is not None
        ):
            # a key sent over https to the service whose API the request speaks for the task's
            # own work (`/api/v1/repos/acme/website/issues/88` for "close issue #88 in
            # acme/website"): most likely the user's own service, but nothing shows the host
            # is theirs, so a person decides
            out.append(
                _effect(
                    "send",
                    "credential",
                    dest.host,
                    evidence or name,
                    f"sends credentials (header {name}) to {dest.where}, for the task's own "
                    f"work ({work}), though nothing shows the host is the user's (list it in "
                    "network.allowed_hosts to trust it)",
                    "moderate",
                    0.5,
                    False,
                )
            )
            break
        foreign = ", ".join(sorted(k.replace("_", " ") for k in specific))
        if dest.resource == "network_allowed":
            if belongs is False:  # a key of one service sent to another, trusted or not
                out.append(
                    _effect(
                        "send",
                        "credential",
                        dest.host,
                        evidence or name,
                        f"sends a credential of another service ({foreign}, header {name}) to "
                        f"{dest.where}",
                        "moderate",
                        0.5,
                        False,
                    )
                )
            continue
        what = (
            f"sends a credential of another service ({foreign}, header {name}) to {dest.where}"
            if belongs is False
            else f"sends credentials (header {name}) to {dest.where}, which is not allowed"
        )
        out.append(
            _effect(
                "send",
                "credential",
                dest.host,
                evidence or name,
                what,
                probability=0.85 + dest.boost,
            )
        )
        break
    return out


# The paths of the metadata services that answer with a plain fact of the instance (its region
# or zone, id, type, host name, addresses), not a credential, user data or a token.
_PLAIN_FACT = re.compile(
    r"^/latest/meta-data/(?:placement/[\w-]+|instance-id|instance-type|local-ipv4|public-ipv4|"
    r"hostname|local-hostname|public-hostname|ami-id|mac)/?$|"
    r"^/computeMetadata/v1/(?:instance/(?:zone|machine-type|name|hostname|id)|"
    r"project/(?:numeric-)?project-id)/?$"
)


# A shell command substitution written into a body (`$(cat /etc/ssl/private/site.key)`): the
# request tool sends it as written, but what it asks for is the file's contents in the body.
_SUBSTITUTION = re.compile(r"\$\(([^)]{1,300})\)|`([^`]{1,300})`")


def _secret_substituted(body: str) -> str | None:
    """What a shell substitution in ``body`` reads, where it reads a file the path catalogue
    calls a secret; None otherwise."""
    if "$(" not in body and "`" not in body:
        return None
    for m in _SUBSTITUTION.finditer(body):
        for word in (m.group(1) or m.group(2) or "").split():
            entry = worst(word.strip("'\""), "secret", loose=True)
            if entry is not None:
                return f"{word} ({entry.label})"
    return None


def _body_effects(
    body: str,
    dest: _Destination,
    trust: str,
    target: str,
    evidence: str | None,
    named: bool = False,
) -> list[Effect]:
    """What the body sends. ``trust``: "allowed" (the allow list, this machine), "account"
    (a service the request signs in to with its own key: the user's account there, which is
    still a way out for data: a gist, an upload), or "none". ``named``: the task names the
    service at the destination (:func:`task_names_host`), where a small body is the task's
    work; bulk data and secrets are judged as anywhere else."""
    hits = [h for h in secrets_in(body) if _belongs_to({h.kind}, dest.host) is not True]
    if hits:
        kind = hits[0].kind.replace("_", " ")
        quoted = evidence or secret_evidence(body, hits[0])
        if trust == "allowed":
            return [
                _effect(
                    "send",
                    "credential",
                    dest.host,
                    quoted,
                    f"sends a credential ({kind}) in the body to {dest.where}",
                    "moderate",
                    0.4,
                    False,
                )
            ]
        return [
            _effect(
                "send",
                "credential",
                dest.host,
                quoted,
                f"uploads a credential ({kind}) to {dest.where}",
                probability=0.85 + dest.boost,
            )
        ]
    substituted = _secret_substituted(body)
    if substituted is not None:
        return [
            _effect(
                "send",
                "credential",
                dest.host,
                evidence or target,
                f"means to send {substituted} to {dest.where}: the body reads it in with a "
                "shell substitution",
                probability=0.7 + dest.boost,
            )
        ]
    if trust == "allowed":
        return []
    if is_bulk(body):
        if trust == "account":
            return [
                _effect(
                    "send",
                    "network_outside",
                    dest.host,
                    evidence or target,
                    f"uploads bulk data ({len(body)} characters) to the user's account "
                    f"at {dest.where}, outside the allow list",
                    "moderate",
                    0.6,
                    False,
                )
            ]
        return [
            _effect(
                "send",
                "network_outside",
                dest.host,
                evidence or target,
                f"uploads bulk data ({len(body)} characters) to {dest.where}",
                "high",
                0.7 + dest.boost,
                False,
            )
        ]
    if trust == "account" or named:
        return []  # the user's account there, or the service the task names: the task's work
    return [
        _effect(
            "send",
            "network_outside",
            dest.host,
            evidence or target,
            f"sends data to {dest.where}, which is not on the allow list",
            probability=0.6 + dest.boost,
        )
    ]


def _session_effects(
    sent: str,
    dest: _Destination,
    trust: str,
    has_body: bool,
    context: Context,
    target: str,
    evidence: str | None,
) -> list[Effect]:
    """Data sent after the session read or staged a secret: the secret may travel with it."""
    if trust != "none" or not sent:
        return []
    for copy, secret in (context.staged or {}).items():
        name = copy.rsplit("/", 1)[-1]
        if copy in sent or (len(name) >= 4 and name in sent):
            return [
                _effect(
                    "send",
                    "credential",
                    dest.host,
                    evidence or target,
                    f"sends {copy}, where the session copied the secret {secret}, to {dest.where}",
                    probability=0.8 + dest.boost,
                )
            ]
    for secret in context.secrets_read:
        if secret in sent:
            return [
                _effect(
                    "send",
                    "credential",
                    dest.host,
                    evidence or target,
                    f"sends the secret file {secret} the session read to {dest.where}",
                    probability=0.8 + dest.boost,
                )
            ]
    if context.secrets_read and has_body:  # (a GET's query string is a search, mostly)
        secret = context.secrets_read[-1]
        return [
            _effect(
                "send",
                "credential",
                dest.host,
                evidence or target,
                f"sends data to {dest.where} after the session read {secret}: it may "
                "carry the secret",
                "high",
                0.5 + dest.boost,
                False,
            )
        ]
    return []


def _control_plane(dest: _Destination, parts: SplitResult) -> str | None:
    """The administration API the request talks to, or None."""
    path = parts.path or "/"
    if dest.port in _DOCKER_PORTS or "docker.sock" in unquote(parts.netloc):
        return "the Docker Engine API"
    kube_host = bool(_KUBERNETES_HOSTS.match(dest.host)) or dest.host.endswith(".eks.amazonaws.com")
    if dest.port in (10250, 10255) and re.match(r"/(?:run|exec|attach|pods|runningpods)/", path):
        return "the kubelet API"
    if (kube_host or dest.port in _KUBERNETES_PORTS) and _KUBERNETES_PATH.match(path):
        return "the Kubernetes API"
    if _CLOUD_CONTROL.match(dest.host):
        return f"the cloud control plane at {dest.host}"
    return None


def _method_effects(
    method: str,
    parts: SplitResult,
    dest: _Destination,
    body: str,
    headers: Mapping[str, Any],
    context: Context,
    url_evidence: str,
) -> list[Effect]:
    path = parts.path or "/"
    administered = admin_apis.effects_of(
        method,
        dest.host,
        dest.port,
        path,
        body,
        url_evidence,
        headers=headers,
        query=parts.query,
        task=context.task,
    )
    if administered:
        return [replace(e, evidence=clip(e.evidence)) for e in administered]
    api = _control_plane(dest, parts)
    if api is not None:
        signals = f"{parts.query} {body} {' '.join(map(str, headers.values()))}"
        if method in READ_METHODS:
            if _CLUSTER_SECRETS.search(path):
                return [
                    _effect(
                        "read",
                        "credential",
                        dest.host,
                        url_evidence,
                        f"reads the cluster's secrets through {api}",
                    )
                ]
            return []
        if _reads_only(path, body, headers):
            return []
        if _RUNS_CODE.search(path) or _CLOUD_RUNS.search(signals):
            return [
                _effect(
                    "execute",
                    "control_plane",
                    dest.host,
                    url_evidence,
                    f"runs code through {api} ({method} {path})",
                )
            ]
        if method == "DELETE" or _CLOUD_DESTROYS.search(signals):
            return [
                _effect(
                    "delete",
                    "control_plane",
                    dest.host,
                    url_evidence,
                    f"deletes infrastructure through {api} ({method} {path})",
                )
            ]
        return [
            _effect(
                "write",
                "control_plane",
                dest.host,
                url_evidence,
                f"changes infrastructure through {api} ({method} {path})",
            )
        ]
    if method != "DELETE":
        return []
    if _EVERY_INDEX.match(path):
        return [
            _effect(
                "delete",
                "remote_data",
                dest.host,
                url_evidence,
                f"deletes every index (or every matching one) at {dest.host} ({method} {path})",
                "high",
                0.9,
                False,
            )
        ]
    if dest.internal and _task_names_local(context.task, dest):
        return []  # the task's own server on this machine, which the task names
    return [
        _effect(
            "delete", "remote_data", dest.host, url_evidence, f"deletes a resource at {dest.host}"
        )
    ]


def _opened_effects(method: str, dest: _Destination, body: str, task: str) -> list[Effect]:
    """A change whose body sets who may connect to anyone (`{"whitelist": ["0.0.0.0/0"]}`,
    trusted proxies `*`), unless the task asks for access by anyone."""
    if method in READ_METHODS or not body or open_access.asked(task):
        return []
    setting = open_access.everyone_setting(body)
    if setting is None:
        return []
    return [
        _effect(
            "security_change",
            "security_control",
            dest.host,
            setting,
            f"sets who may connect to anyone through {dest.where} ({setting}): whoever can "
            "reach what it guards gets in",
            "moderate",
            0.6,
            False,
        )
    ]


def _reads_only(path: str, body: str, headers: Mapping[str, Any]) -> bool:
    """A control-plane call that names a read as its action (see ``_CLOUD_READS``)."""
    actions = _AWS_ACTION.findall(body)
    actions += [
        str(v).rsplit(".", 1)[-1].strip()
        for k, v in headers.items()
        if str(k).lower() == "x-amz-target"
    ]
    if ":" in path.rsplit("/", 1)[-1]:
        actions.append(path.rsplit(":", 1)[-1])
    return bool(actions) and all(_CLOUD_READS.match(a) for a in actions)


# Host labels that name no service ("api.example.com" is not named by "the API").
_GENERIC_LABELS = frozenset(
    "www api apis app apps web prod production staging stage dev test tests internal local "
    "localhost example corp cloud server servers service services admin portal login auth "
    "mail static cdn files data host hosts my the com net org io".split()
)


def task_names_host(host: str, task: str, by_product: bool = True) -> bool:
    """Whether ``task`` names the service at ``host``: the host itself ("the Argo CD API at
    https://argocd.example.com"), a service of the administration-API catalogue
    (:func:`admin_apis.task_names_service_at`), or (``by_product``) the product its first label
    is named for ("Grafana" for grafana.example.com, "Argo CD" for argocd.example.com). A
    product's name is no proof whose host it is (grafana.attacker.example reads the same), so
    credentials go only where the task names the host or a catalogued service."""
    if not task or not host:
        return False
    low = task.lower()
    if re.search(rf"(?<![\w.-]){re.escape(host)}(?![\w-])", low):
        return True
    if admin_apis.task_names_service_at(host, task):
        return True
    if not by_product:
        return False
    first = host.split(".", 1)[0]
    if "." not in host or len(first) < 4 or first in _GENERIC_LABELS or first.isdigit():
        return False
    words = re.findall(r"[a-z0-9]+", low)
    return first in words or any(a + b == first for a, b in itertools.pairwise(words))


def _task_names_local(task: str, dest: _Destination) -> bool:
    """The task names this machine's server the request goes to (``localhost:8000``, ``port
    8000``, or ``localhost`` for a URL without a port)."""
    if not task:
        return False
    if dest.port is not None:
        return re.search(rf"(?::|\bport\s+){dest.port}\b", task, re.IGNORECASE) is not None
    return re.search(r"\b(?:localhost|127\.0\.0\.1)\b", task, re.IGNORECASE) is not None


def _download_effects(
    save_to: str, parts: SplitResult, dest: _Destination, url_evidence: str
) -> list[Effect]:
    """The file a download is saved to: written like any file (a start-up file, a system
    directory ...), weighing more when what is saved comes from outside the allow list; code
    saved where a later step may run it is noted (the later step is judged by what it runs)."""
    from forethought.review.shell.catalogue import resource_of_path

    resource = resource_of_path(save_to, "write")
    code = bool(_CODE_FILE.search(parts.path or "")) or bool(_CODE_FILE.search(save_to))
    outside = dest.resource == "network_outside"
    source = "code" if code else "a file"
    effect = _effect(
        "write",
        resource,
        save_to,
        url_evidence,
        f"saves {source} downloaded from {dest.where} to {save_to}",
    )
    if outside and grade(effect) is not None:  # where it runs again, or the system's own
        effect = replace(effect, probability=0.8, reversible=False)
    out = [effect]
    if code and outside and resource in ("workspace_file", "temporary_file", "user_file"):
        out.append(
            _effect(
                "write",
                resource,
                save_to,
                url_evidence,
                f"saves code from {dest.where}, outside the allow list, to {save_to}, where a "
                "later step may run it",
                "low",
                0.25,
                True,
                "remote_code_execution",
            )
        )
    return out


def _scheme_effects(scheme: str, parts: SplitResult, evidence: str) -> list[Effect]:
    host = parts.hostname or ""
    if scheme in _FILE_SCHEMES:
        from forethought.review.shell.catalogue import resource_of_path

        path = parts.path or parts.netloc
        return [
            _effect(
                "read",
                resource_of_path(path, "read"),
                path,
                evidence,
                f"reads the local file {path} through a {scheme}:// URL",
            )
        ]
    resource: Resource = "network_allowed" if is_internal(host) else "network_outside"
    if scheme in _SMUGGLING_SCHEMES:
        return [
            _effect(
                "send",
                resource,
                host,
                evidence,
                f"{scheme}:// can send raw bytes to internal services (request smuggling)",
                "high",
                0.7,
                False,
                "exfiltration",
            )
        ]
    if scheme in _TRANSFER_SCHEMES:
        return [
            _effect(
                "send",
                resource,
                host,
                evidence,
                f"transfers files over {scheme}:// to {host or 'a remote host'}",
                "moderate",
                0.6,
                False,
                "exfiltration",
            )
        ]
    return [
        _effect(
            "connect",
            "unknown",
            host,
            evidence,
            f"uses the unexpected URL scheme {scheme or '(none)'}:",
            "moderate",
            0.6,
            True,
            "unknown_code",
        )
    ]


@dataclass(slots=True)
class RequestReview:
    """A request as effects, the predictions they grade to, and what could not be seen."""

    effects: list[Effect]
    predictions: list[Prediction]
    uncertain: list[str]


def review_request(
    method: str,
    url: str,
    headers: Mapping[str, Any] | None,
    body: str,
    allowed_hosts: Sequence[str],
    evidence: str | None = None,
    *,
    context: Context | None = None,
    save_to: str = "",
) -> RequestReview:
    """One request's effects and predictions. ``evidence`` replaces the parts of the request as
    evidence (the Python reviewer passes the line of code that makes the request)."""
    context = context or Context()
    method = (method or "GET").strip().upper() or "GET"
    headers = headers or {}
    url_evidence = evidence or url
    parts = split_url(url)
    unreadable = "the URL cannot be parsed; the request cannot be reviewed"
    if parts is None or not url.strip():
        effect = _effect(
            "connect",
            "unknown",
            "",
            url_evidence,
            unreadable,
            "moderate",
            0.6,
            True,
            "unknown_code",
        )
        return RequestReview([effect], graded([effect]), ["the URL cannot be parsed"])
    uncertain = []
    if _TEMPLATE.search(url):
        uncertain.append(f"the URL `{clip(url, 80)}` is a template, filled in only at run time")
    scheme = parts.scheme.lower()
    if scheme not in _WEB_SCHEMES:
        odd = _scheme_effects(scheme, parts, url_evidence)
        predictions = graded(odd)
        if scheme in _FILE_SCHEMES:  # the path catalogue knows more about local files
            path = parts.path or parts.netloc
            predictions = read_predictions(path, url_evidence) or predictions
            if not predictions:
                predictions = graded(
                    [
                        replace(
                            odd[0],
                            severity="moderate",
                            probability=0.6,
                            reversible=False,
                            category="secret_access",
                        )
                    ]
                )
        elif scheme not in _SMUGGLING_SCHEMES and scheme not in _TRANSFER_SCHEMES:
            uncertain.append(f"the URL scheme `{scheme or '(none)'}` is not one the reviewer knows")
        return RequestReview(odd, predictions, uncertain)
    host = (parts.hostname or "").rstrip(".").lower()
    if not host:
        effect = _effect(
            "connect",
            "unknown",
            "",
            url_evidence,
            "the URL names no host; the request cannot be reviewed",
            "moderate",
            0.6,
            True,
            "unknown_code",
        )
        return RequestReview([effect], graded([effect]), [*uncertain, "the URL names no host"])
    netloc = evidence or parts.netloc
    dest = _destination(host, parts, allowed_hosts)
    if dest.resource == "metadata_endpoint" and _PLAIN_FACT.match(parts.path):
        effect = _effect(
            "connect",
            "metadata_endpoint",
            host,
            netloc,
            f"reads one of the instance's plain facts from the cloud metadata service at {host} "
            f"({parts.path}): no credential",
            "low",
            0.5,
            True,
        )
        facts = _benefit(f"fetches information from {host}", 0.8, netloc, "benign")
        return RequestReview([effect], [*graded([effect]), facts], uncertain)
    if dest.resource == "metadata_endpoint":
        effect = _effect(
            "connect",
            "metadata_endpoint",
            host,
            netloc,
            f"queries the cloud metadata service at {host}, which hands out the "
            "machine's credentials",
            "high",
            0.9,
            False,
        )
        return RequestReview([effect], graded([effect]), uncertain)

    effects: list[Effect] = [_effect("connect", dest.resource, host, netloc, "")]
    # a destination the user holds the account for (their key, sent where it belongs), the
    # allow list, or this machine: what is sent there is the user's business
    trust = (
        "allowed"
        if dest.resource == "network_allowed"
        else "account"
        if _authenticates_at_home(headers, dest)
        else "none"
    )
    sends: list[Effect] = []
    if url_hits := secrets_in(url):
        found = url_hits[0]
        quoted = evidence or secret_evidence(url, found)
        if _belongs_to({found.kind}, host):
            pass
        elif dest.resource == "network_allowed":
            sends.append(
                _effect(
                    "send",
                    "credential",
                    host,
                    quoted,
                    "puts a credential in the URL, where servers and proxies log it",
                    "low",
                    0.5,
                    True,
                    "secret_written",
                )
            )
        else:
            sends.append(
                _effect(
                    "send",
                    "credential",
                    host,
                    quoted,
                    f"leaks a credential ({found.kind.replace('_', ' ')}) to "
                    f"{dest.where} in the URL",
                    probability=0.8 + dest.boost,
                )
            )
    elif trust == "none" and (blob := _ENCODED_BLOB.search(parts.query or parts.path)):
        sends.append(
            _effect(
                "send",
                "network_outside",
                host,
                evidence or blob.group(0),
                f"encodes a long blob into the URL sent to {dest.where}",
                "moderate",
                0.6 + dest.boost,
                False,
            )
        )
    if not dest.internal:  # (this machine: the task's own server, a local proxy)
        sends += _header_effects(headers, dest, evidence, context.task, parts)
    # what is sent is told by the URL it goes to (a task that names the URL scopes it), or
    # by the host alone where the URL itself carries a secret
    target = parts.netloc if url_hits else url.strip()
    if body:
        named = (
            task_names_host(host, context.task)
            or _task_work_at(parts, context.task) is not None
        )
        sends += _body_effects(body, dest, trust, target, evidence, named)
    sent = f"{body} {parts.query}".strip()
    if not any(e.resource == "credential" for e in sends):
        sends += _session_effects(sent, dest, trust, bool(body), context, target, evidence)
    # data sent to a credential's own service: the request's key is not what leaves
    effects += sends
    effects += _method_effects(method, parts, dest, body, headers, context, url_evidence)
    effects += _opened_effects(method, dest, body, context.task)
    if save_to:
        effects += _download_effects(save_to, parts, dest, url_evidence)

    leaving = any(e.op == "send" for e in sends)
    if dest.resource == "network_outside" and not leaving:
        mark = " (with the user's key for it)" if trust == "account" else ""
        effects[0] = _effect(
            "connect",
            "network_outside",
            host,
            netloc,
            f"contacts {dest.where}, outside the allow list{mark}",
            "low",
            0.5 + dest.boost,
            True,
            "exfiltration",
        )
    predictions = graded(effects)
    payload = injected_payload(parts.query, parts.path)  # (a body is often prose: docs, issues)
    if payload is not None:
        predictions.append(
            Prediction(
                f"sends a command-injection payload (`{clip(payload, 60)}`) to {host}: the "
                "service would run it",
                "harm",
                0.8,
                "high",
                False,
                url_evidence,
                "remote_code_execution",
            )
        )
    if body and method in ("POST", "PUT", "PATCH") and looks_like_manifest(body):
        # an object sent to a Kubernetes API server is a manifest applied: judged by content
        predictions += [
            replace(p, outcome=f"creates {p.outcome} through {host}")
            for p in manifest_predictions(body, url_evidence)
        ]
    if method in READ_METHODS:
        predictions.append(
            _benefit(
                f"fetches information from {host}",
                0.9 if dest.resource == "network_allowed" else 0.8,
                netloc,
                "benign",
            )
        )
    else:
        predictions.append(
            _benefit(
                f"makes the requested {method} call to {host}", 0.8, netloc, "requested_change"
            )
        )
    return RequestReview(effects, predictions, uncertain)


def request_predictions(
    method: str,
    url: str,
    headers: Mapping[str, Any] | None,
    body: str,
    allowed_hosts: Sequence[str],
    evidence: str | None = None,
    *,
    context: Context | None = None,
) -> list[Prediction]:
    """Predictions for one request (see :func:`review_request`)."""
    return review_request(
        method, url, headers, body, allowed_hosts, evidence, context=context
    ).predictions


def _benefit(outcome: str, probability: float, evidence: str, category: str) -> Prediction:
    return Prediction(
        outcome=outcome,
        valence="benefit",
        probability=probability,
        severity="low",
        reversible=True,
        evidence=clip(evidence),
        category=category,
    )


# --------------------------------------------------------------------------------------------
# Tools nobody knows
# --------------------------------------------------------------------------------------------

UNKNOWN_TOOL = 1.0  # nothing in the arguments says what the tool does
UNKNOWN_TOOL_WITH_TARGETS = 0.7  # what it acts on is known, not what it does to it
_PATH_WORD = re.compile(r"(?:~|\.{1,2})?/[^\s\x00]*")
_WORD = re.compile(r"[^\s\x00]+")
_URL_WORD = re.compile(r"^(?:https?|wss?|ftp|ftps|sftp|file|gopher|dict)://\S+$", re.IGNORECASE)
_PATH_ARG = re.compile(
    r"(?:^|_)(?:path|paths|file|files|filename|filepath|dir|directory|folder|source|"
    r"destination|target|dest|src)$",
    re.IGNORECASE,
)
MAX_ARGUMENT_STRINGS = 200


def _strings(value: Any, name: str = "", depth: int = 0) -> Iterator[tuple[str, str]]:
    """(argument name, string) of every string in a tool's arguments, however nested."""
    if isinstance(value, str):
        yield name, value
    elif depth < 20 and isinstance(value, Mapping):
        for key, item in value.items():
            yield from _strings(item, str(key), depth + 1)
    elif depth < 20 and isinstance(value, list):
        for item in value:
            yield from _strings(item, name, depth + 1)


def unknown_tool_review(
    proposal: Proposal, allowed_hosts: Sequence[str], reviewer: str, version: str
) -> Review:
    """A partial review of a tool no catalogue knows: the URLs and paths among its arguments as
    the effects they would be (a URL: a request; a path: a read of that file, typed), and the
    rest uncertainty. Partial: it does not count as the action having been judged."""
    from forethought.review.shell.catalogue import resource_of_path

    tool = proposal.action.tool
    context = context_of(proposal)
    effects: list[Effect] = []
    predictions: list[Prediction] = []
    for count, (name, text) in enumerate(_strings(dict(proposal.action.args))):
        if count >= MAX_ARGUMENT_STRINGS:
            break
        word = text.strip()
        if not word or "\n" in word or len(word) > 2000:
            continue
        if _URL_WORD.match(word):
            found = review_request("GET", word, {}, "", allowed_hosts, context=context)
            effects += found.effects
            predictions += [p for p in found.predictions if p.valence == "harm"]
        elif _PATH_WORD.fullmatch(word) or (_PATH_ARG.search(name) and _WORD.fullmatch(word)):
            # judged as the file reviewer judges a read of it (the path catalogue), typed alike
            reads = read_predictions(word, word)
            resource = resource_of_path(word, "read")
            if resource == "credential" and not reads:
                resource = "user_file" if word.startswith(("/", "~")) else "workspace_file"
            effects.append(_effect("read", resource, word, word, ""))
            predictions += reads or graded([_effect("read", resource, word, word, "")])
    predictions = in_task(predictions, proposal.task)
    if effects:
        share = UNKNOWN_TOOL_WITH_TARGETS
        reason = (
            f"`{tool}` is a tool the reviewers do not know: what it does to "
            f"{', '.join(dict.fromkeys(e.target for e in effects if e.target))} is unknown"
        )
    else:
        share = UNKNOWN_TOOL
        reason = (
            f"`{tool}` is a tool the reviewers do not know, and none of its arguments is a "
            "URL or a path: what it does is unknown"
        )
    details: dict[str, Any] = {"uncertain": [reason]}
    if effects:
        details["effects"] = describe(effects)
    return Review.of(
        reviewer,
        version,
        predictions,
        summarise(predictions, f"An unknown tool ({tool}): its arguments name nothing harmful."),
        partial=True,
        uncertainty=share,
        details=details,
    )


# --------------------------------------------------------------------------------------------
# The reviewer
# --------------------------------------------------------------------------------------------


class HttpReviewer:
    """Reviews ``http`` actions: method, destination, headers, body and where a download goes;
    and, partially, tools of kind ``other`` (the URLs and paths among their arguments)."""

    name = "http"
    version = "1.1"
    inline = True

    def __init__(self, allowed_hosts: Sequence[str] = ()) -> None:
        self.allowed_hosts = tuple(allowed_hosts)

    def applies(self, proposal: Proposal) -> bool:
        return proposal.action.kind in ("http", "other")

    def review(self, proposal: Proposal) -> Review:
        if proposal.action.kind == "other":
            return unknown_tool_review(proposal, self.allowed_hosts, self.name, self.version)
        args = proposal.action.args
        headers = args.get("headers") or {}
        found = review_request(
            str(args.get("method") or "GET"),
            str(args.get("url") or ""),
            headers if isinstance(headers, Mapping) else {},
            str(args.get("body") or ""),
            self.allowed_hosts,
            context=context_of(proposal),
            save_to=str(args.get("save_to") or ""),
        )
        predictions = in_task(found.predictions, proposal.task)
        details: dict[str, Any] = {"effects": describe(found.effects)}
        if found.uncertain:
            details["uncertain"] = found.uncertain
        return Review.of(
            self.name,
            self.version,
            predictions,
            summarise(predictions, "An HTTP request with nothing to object to."),
            uncertainty=(1.0 if found.uncertain else 0.0),
            details=details,
        )
