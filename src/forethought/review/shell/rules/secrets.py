"""Reading credentials: keys, cloud and token files, password hashes, histories, keychains."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from forethought.review.base import Prediction
from forethought.review.shell.catalogue import operands
from forethought.review.shell.interpreters import SHELLS
from forethought.review.shell.model import ShellAnalysis, SimpleCommand
from forethought.review.shell.paths import normalise, secret_kind
from forethought.review.shell.predict import SECRET_ACCESS, harm
from forethought.review.shell.rules.common import has, long_flags, option_values, short_flags
from forethought.review.shell.uncertainty import known_name

Rule = Iterator[Prediction]

# Programs whose every operand names a keychain and whose catalogue entry says which uses
# disclose it (programs.d/macos.toml): `security create-keychain build.keychain` in a signing
# job creates one, `security dump-keychain -d` prints one.
_READS_CATALOGUED = frozenset({"security"})
# Programs that touch a path without revealing what is in it.
_METADATA_ONLY = frozenset(
    {
        "ls",
        "stat",
        "file",
        "find",
        "locate",
        "test",
        "[",
        "[[",
        "chmod",
        "chown",
        "chgrp",
        "touch",
        "mkdir",
        "rm",
        "shred",
        "unlink",
        "ssh",
        "ssh-add",
        "ssh-keygen",
        "ssh-copy-id",
        "du",
        "wc",
        "md5sum",
        "sha1sum",
        "sha256sum",
        "sha512sum",
        "shasum",
        "cksum",
        "b2sum",
        "realpath",
        "readlink",
        "dirname",
        "basename",
        "cd",
        "pushd",
        "ln",
        "mv",
        "echo",
        "printf",
        "export",
        "unset",
        "source",
        ".",
        "docker",
        "docker-compose",
        "podman",
        "git",
        "scp",
        "rsync",
        "sftp",
        "setfacl",
        "getfacl",
        "chattr",
        "lsattr",
        "mount",
        "umount",
        "sshfs",
        "install",
        "truncate",
        "which",
        "type",
        "command",
        "dotenv",
        "direnv",
        "set",
        "vault",
        "trap",
        "exec",
        "gpg-agent",
        "keychain",
        "systemctl",
        "true",
        "false",
        ":",
        "stow",
        "mkfifo",
        "alias",
        "tree",
    }
)
_CREDENTIAL_DUMPERS = frozenset(
    {
        "mimikatz",
        "lazagne",
        "laZagne",
        "pypykatz",
        "unshadow",
        "secretsdump.py",
        "secretsdump",
        "gsecdump",
        "mimipenguin",
        "dumpkeys",
        "keychaindump",
        "chainbreaker",
    }
)
_PASSWORD_CRACKERS = frozenset({"john", "hashcat", "hydra", "medusa", "ncrack"})
_CREDENTIAL_WORDS = re.compile(
    r"pass(?:word|wd)?|secret|token|api[_-]?key|private[_ ]key|"
    r"aws_secret|credential",
    re.I,
)


# CLIs whose hyphenated bare words are subcommands (`get-credentials`, `export-credentials`); what
# those subcommands print is in the program catalogue (programs.toml), not read off their names.
_SUBCOMMAND_CLIS = frozenset(
    "aws gcloud az doctl kubectl oc helm gh glab heroku flyctl fly vercel netlify firebase "
    "eksctl terraform tofu pulumi vault consul nomad doppler infisical op bw".split()
)
_SUBCOMMAND_WORD = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)+$")
# Options of a sign-in that reads its secret on standard input.
_SIGNS_IN_FROM_STDIN = re.compile(r"^--(?:stdin|password-stdin|token-stdin|with-token)$")
# Subcommands that save what they fetch to a file, and the options that name that file.
_SAVES = frozenset({"download", "export", "save", "pull", "backup"})
_SAVED_TO = ("-f", "--file", "-o", "--output", "--output-file", "--destination", "--path")


_URL_CLIENTS = frozenset({"curl", "wget"})
_KEY_USE_OPTIONS = frozenset(
    {
        "--keyring",
        "--secret-keyring",
        "--key",
        "--key-file",
        "--private-key",
        "--sign-key",
        "--signing-key",
        "--identity-file",
        "--cert",
        "--tlskey",
        "--client-key",
    }
)
# ...and any long option named for the key or certificate a program uses (`--tls-cert`,
# `--tls-private-key-file`, `--cacert`, `--ssl-key`), unless its words say the key is shown or
# sent (`--export-key`, `--upload-cert`)
_KEY_USE_WORDS = re.compile(
    r"^--(?![\w-]*(?:export|show|print|dump|upload|send|copy|output|reveal))"
    r"[\w-]*(?:cert|certificate|key|keyfile|keyring|keystore|identity|cacert)(?:-(?:file|path))?$"
)


_SSH_CLIENTS = frozenset({"ssh", "scp", "sftp", "autossh", "ssh-copy-id", "sshfs"})
_SSH_SUBCOMMANDS = frozenset({"ssh", "scp", "sftp"})


def _uses_key(option: str, uses: frozenset[str] | set[str]) -> bool:
    return option in uses or (option[:2] == "--" and _KEY_USE_WORDS.match(option) is not None)


# A JSONPath that picks only a certificate out of a secret (ca.crt, tls.crt): public material;
# or a field that names rather than unlocks (the username, host, port, database).
_CERTIFICATE_ONLY = re.compile(
    r"jsonpath=\{\.data\.(?:[\w\\.-]*(?:crt|cert|certificate|pem)|user(?:name)?|host(?:name)?|"
    r"port|database|dbname|db|server|endpoint|region|namespace)\}"
)


# openssl subcommands that read certificates (public), never a private key's contents.
_CERTIFICATE_SUBCOMMANDS = frozenset({"x509", "crl", "verify", "crl2pkcs7", "pkcs7", "s_client"})


# A command that puts a file into a secret store: a `secret`/`secrets` subcommand word and a verb
# that writes (`gh secret set -f .env`, `kubectl create secret generic k --from-file=./api.key`,
# `faas-cli secret create k --from-file=./k.key`, `docker secret create k ./k.key`). The file's
# contents go where secrets are kept, not into the transcript; a high-value secret (an SSH key,
# cloud credentials) put into a store others read is still judged.
_STORE_VERBS = frozenset({"create", "set", "add", "put", "update", "upload", "import", "write"})
_STORED_FROM = ("--from-file", "--from-env-file", "-f", "--file", "--env-file", "--value-file")
# Options that put the store in another repository, organisation or account than the current one,
# or send it to a server named on the command line (`kubectl --server https://... create secret`,
# `docker -H tcp://... secret create`).
_ELSEWHERE = frozenset(
    {
        "--repo",
        "-R",
        "--org",
        "-o",
        "--owner",
        "--account",
        "--app",
        "--server",
        "-s",
        "--host",
        "-H",
        "--context",
        "--kubeconfig",
        "--gateway",
        "--url",
        "--endpoint",
        "--address",
        "--api-url",
    }
)


def _stores_secret(cmd: SimpleCommand) -> bool:
    words = [a.lower() for a in cmd.args[:4] if not a.startswith("-")]
    if any(a.split("=", 1)[0] in _ELSEWHERE for a in cmd.args):
        return False  # (`gh secret set -f .env -R someone/else`: into a store somebody else reads)
    return any(w in ("secret", "secrets") for w in words) and any(w in _STORE_VERBS for w in words)


def _redirected(cmd: SimpleCommand) -> set[tuple[str, str]]:
    return {(t, op.lstrip("0123456789")) for op, t in cmd.redirects}


def _reads(cmd: SimpleCommand, _a: ShellAnalysis) -> Rule:
    name = cmd.name
    if not name or name in _METADATA_ONLY or name in _READS_CATALOGUED or name in _URL_CLIENTS:
        # (a download client's operands are addresses, `curl "$REPO/Release.key"` reads no local
        # file; what it uploads, and file:// reads, are judged as exfiltration and reads)
        candidates = [t for op, t in cmd.redirects if op.lstrip("0123456789") in ("<", "<>")]
    else:
        # (ssh's -i is its identity file, and so is that of a CLI's own ssh or scp subcommand
        # that takes ssh's options: `virtctl ssh -i ~/.ssh/id_ed25519 user@vm/name`)
        ssh_like = name in _SSH_CLIENTS or (cmd.args[:1] and cmd.args[0] in _SSH_SUBCOMMANDS)
        uses = _KEY_USE_OPTIONS | ({"-i"} if ssh_like else set())
        candidates = [
            a
            for i, a in enumerate(cmd.args)
            if ((a and a[0] != "-") or (a.startswith("--") and "=" in a))
            # (a key given to sign or sign in with is used, not shown: `helm package --sign
            # --keyring ~/.gnupg/secring.gpg`, `ssh -i ~/.ssh/id_ed25519 host`)
            and not (i and _uses_key(cmd.args[i - 1], uses))
            and not _uses_key(a.split("=", 1)[0], uses)
        ]
        candidates = [c.split("=", 1)[1] if c.startswith("--") else c for c in candidates]
        if name in ("tee", "sponge"):
            candidates = []  # they write their operands (with what they read on stdin)
        if name == "cryptsetup":
            candidates = []  # (cryptsetup(8) unlocks with the key files it is given: no output)
        if name in _SUBCOMMAND_CLIS and _SAVES.intersection(cmd.args[:4]):
            # (`az keyvault key download -n MyKey -f mykey.pem`: the file named by -f is where
            # the download is saved, written, not read; what is saved is the catalogue's)
            saved = set(option_values(cmd, *_SAVED_TO))
            candidates = [c for c in candidates if c not in saved]
        if name in SHELLS:
            candidates = []  # (`sh -c '...'`: its command is read as a command of its own)
        if name in _GREPS:
            # (`grep -c '^cookie_secret' config.yaml`: the pattern names no file)
            patterns, files = _grep_parts(cmd)
            candidates = [c for c in candidates if c not in patterns or c in files]
        if name in ("cp", "install", "rsync", "ln") and len(candidates) > 1:
            candidates = candidates[:-1]  # the destination is written, not read
        if name == "openssl":
            # keys given with -key sign things and -out is written; only -in printed to the
            # terminal (no -out) shows a key's contents, and never through the certificate
            # subcommands, which print only the certificate of what they read (x509(1ssl))
            certificate = bool(cmd.args) and cmd.args[0] in _CERTIFICATE_SUBCOMMANDS
            candidates = [] if "-out" in cmd.args or certificate else option_values(cmd, "-in")
        candidates += [t for op, t in cmd.redirects if op.lstrip("0123456789") in ("<", "<>")]
    if not candidates:
        return
    # (`glab auth login --stdin < token.txt`, `docker login --password-stdin < pw`: a token
    # signs in, it is not shown; never a key or the system's secrets, which are no login token)
    signs_in = any(_SIGNS_IN_FROM_STDIN.match(a) for a in cmd.args)
    best: tuple[str, str, bool] | None = None
    made = _made_before(cmd, _a)
    stores = _stores_secret(cmd)
    stored = {v.lstrip("@") for v in option_values(cmd, *_STORED_FROM)} if stores else set()
    if stores and name == "docker":
        stored |= {a for a in cmd.args[3:] if not a.startswith("-")}  # docker secret create N F
    subcommands = name in _SUBCOMMAND_CLIS or _unknown_administration(name)
    for candidate in candidates[:64]:
        path = candidate.lstrip("@")
        if subcommands and _SUBCOMMAND_WORD.match(path):
            # `gcloud container clusters get-credentials`, `kanidm service-account api-token
            # status`: a subcommand, not a file
            continue
        if ":" in path and not path.startswith(("/", "~", ".")):
            continue  # host:path lives on another machine
        if normalise(path, cmd.cwd) in made:
            continue  # a key this command line just made is not the user's secret
        kind = secret_kind(path, cmd.cwd)
        if kind is not None and signs_in and not kind[1] and (path, "<") in _redirected(cmd):
            continue
        if kind is not None and not kind[1] and stores and path in stored:
            continue  # put into a secret store (`gh secret set -f .env`), not shown
        if kind is not None and (best is None or (kind[1] and not best[2])):
            best = (path, kind[0], kind[1])
    if best is None:
        return
    path, label, high = best
    if _signs_in_here(cmd, _a, f"{path} ({label})"):
        return
    verb = "copies" if name in ("cp", "tar", "zip", "7z", "dd", "rclone") else "reads"
    if high:
        yield harm(
            cmd,
            SECRET_ACCESS,
            f"{verb} {path} ({label}); whoever sees the output (the "
            "agent's transcript, its model provider) gets the secret",
            "high",
            0.8,
            False,
        )
    else:
        yield harm(
            cmd,
            SECRET_ACCESS,
            f"{verb} {path} ({label}), exposing the secrets in it",
            "moderate",
            0.7,
            False,
        )


def _signs_in_here(cmd: SimpleCommand, analysis: ShellAnalysis, secret: str) -> bool:
    """Whether ``cmd`` reads a sign-in token into a request header an HTTP client sends to this
    machine (`curl -H "X-ZT1-Auth: $(cat authtoken.secret)" http://localhost:9993/`): it signs
    in to a local service and nobody sees it (exfiltration grades that use)."""
    if not cmd.in_substitution or cmd.parent is None:
        return False
    from forethought.review.shell.rules.exfiltration import (
        HTTP_CLIENTS,
        destination,
        signs_in_here,
        token_kind,
    )

    outer = next((c for c in analysis.commands if c.index == cmd.parent), None)
    if outer is None or outer.name not in HTTP_CLIENTS or not destination(outer)[1]:
        return False
    return token_kind(secret) and any(
        any(cmd.text and cmd.text in sub for sub in word.substitutions)
        and signs_in_here(outer, i)
        for i, word in enumerate(outer.words)
        if i
    )


def _unknown_administration(name: str) -> bool:
    """An administration CLI forethought has no rules for (its words are subcommands)."""
    from forethought.review.task_limits import administers

    base = name.rsplit("/", 1)[-1]
    return not known_name(base) and administers(base)


# Options naming the file a key generator writes a NEW key or certificate to. Only generation
# counts: a touch, chmod, append or conversion (`openssl rsa -in ~/.ssh/id_rsa -out k.pem`,
# `ssh-keygen -p -f ~/.ssh/id_rsa`) of a key leaves the user's secret in it.
_OPENSSL_GENERATES = frozenset({"genrsa", "genpkey", "req", "ecparam"})
_SSH_KEYGEN_MODES = frozenset({"-y", "-p", "-e", "-i", "-l", "-c", "-s", "-k", "-R", "-F"})


def _made_before(cmd: SimpleCommand, analysis: ShellAnalysis) -> set[str]:
    """The key and certificate files that generators run earlier on the same command line
    create (``openssl req -newkey ... -keyout key.pem``, ``ssh-keygen -t ed25519 -f k``,
    ``mkcert -key-file k.pem``): reading one back is not reading the user's secret."""
    made: set[str] = set()
    for earlier in analysis.commands:
        if earlier is cmd:
            break
        args = earlier.args
        options: tuple[str, ...] = ()
        if earlier.name == "openssl":
            sub = args[0] if args else ""
            converts = any(a in ("-in", "-key", "-signkey") for a in args)
            new_key = sub != "req" or "-newkey" in args
            if sub in _OPENSSL_GENERATES and new_key and not converts:
                options = ("-out", "-keyout") if sub != "ecparam" or "-genkey" in args else ()
        elif earlier.name == "ssh-keygen":
            if "-t" in args and not _SSH_KEYGEN_MODES.intersection(args):
                options = ("-f",)
        elif earlier.name == "mkcert":
            options = ("-key-file", "-cert-file")
        for option in options:
            made |= {normalise(v, earlier.cwd) for v in option_values(earlier, option)}
    return made


_NAME_TESTS = frozenset({"-name", "-iname", "-path", "-ipath", "-wholename", "-iwholename"})
_READERS = frozenset(
    {
        "cat",
        "less",
        "more",
        "head",
        "tail",
        "base64",
        "xxd",
        "od",
        "strings",
        "cp",
        "tar",
        "zip",
        "scp",
        "curl",
        "nc",
        "grep",
        "awk",
        "sed",
        "tee",
    }
)


def _find_secrets(cmd: SimpleCommand, analysis: ShellAnalysis) -> Rule:
    args = cmd.args
    patterns = [args[i + 1] for i, a in enumerate(args[:-1]) if a in _NAME_TESTS]
    hit = next(
        (p for p in patterns if secret_kind(p.strip("*") or p) or secret_kind("x/" + p)), None
    )
    if hit is None:
        return
    kind = secret_kind(hit.strip("*") or hit) or secret_kind("x/" + hit)
    readers = [c for c in analysis.commands if c.parent == cmd.index and c.name in _READERS] + [
        c for c in analysis.downstream(cmd) if c.name in _READERS and "xargs" in c.wrappers
    ]
    label = kind[0] if kind else "secrets"
    if readers:
        yield harm(
            cmd,
            SECRET_ACCESS,
            f"finds files named {hit} ({label}) and reads them",
            "high",
            0.8,
            False,
        )
    else:
        yield harm(
            cmd, SECRET_ACCESS, f"searches the file system for {hit} ({label})", "low", 0.5, True
        )


_SECRET_VARIABLE = re.compile(
    r"\$\{?[A-Za-z_]*(?:PASS(?:WORD|WD)?|SECRET|TOKEN|API_?KEY|"
    r"PRIVATE_KEY|CREDENTIALS?)[A-Za-z_]*\}?",
    re.I,
)


def _echo_secret(cmd: SimpleCommand, analysis: ShellAnalysis) -> Rule:
    spans = " ".join(w.span for w in cmd.words[1:])
    m = _SECRET_VARIABLE.search(spans)
    shown = not cmd.redirects and not analysis.downstream(cmd)
    if m and shown:
        yield harm(
            cmd, SECRET_ACCESS, f"prints the secret variable {m.group(0)}", "moderate", 0.6, False
        )


# CLIs whose `exec` runs a command inside a container (see unwrap._container_exec).
_CONTAINER_CLIS = frozenset("docker podman nerdctl crictl kubectl oc lxc incus".split())


def _environment(cmd: SimpleCommand, _a: ShellAnalysis) -> Rule:
    name = cmd.name
    dumps = (name in ("env", "printenv") and not cmd.args) or (
        name in ("set", "export", "declare", "typeset")
        and (not cmd.args or cmd.args in (["-p"], ["-x"]))
        # (`set -x` turns tracing on and prints nothing; only `export -p`, `declare -x` ... list)
        and not (name == "set" and cmd.args)
    )
    if dumps and set(cmd.wrappers) & _CONTAINER_CLIS:
        yield harm(
            cmd,
            SECRET_ACCESS,
            "prints a running container's environment (where its secrets live)",
            "moderate",
            0.7,
            False,
        )
    elif dumps:
        yield harm(
            cmd,
            SECRET_ACCESS,
            "prints every environment variable, which often hold API keys and tokens",
            "low",
            0.5,
            True,
        )
    elif name == "printenv" and any(_CREDENTIAL_WORDS.search(a) for a in cmd.args):
        yield harm(
            cmd, SECRET_ACCESS, f"prints the secret variable {cmd.args[0]}", "moderate", 0.7, False
        )


def _keystores(cmd: SimpleCommand, _a: ShellAnalysis) -> Rule:
    name, args = cmd.name, cmd.args
    if (
        name == "security"
        and args[:1]
        and (
            args[0]
            in (
                "dump-keychain",
                "export",
                "find-generic-password",
                "find-internet-password",
                "find-certificate",
            )
            and (args[0] in ("dump-keychain", "export") or short_flags(cmd) & {"w", "g"})
        )
    ):
        yield harm(
            cmd, SECRET_ACCESS, "reads passwords out of the macOS keychain", "high", 0.85, False
        )
    elif name == "secret-tool" and args[:1] in (["lookup"], ["search"]):
        yield harm(cmd, SECRET_ACCESS, "reads secrets from the desktop keyring", "high", 0.8, False)
    elif name in ("gpg", "gpg2") and any(a.startswith("--export-secret") for a in args):
        yield harm(cmd, SECRET_ACCESS, "exports GPG private keys", "high", 0.85, False)
    elif name in ("kwallet-query", "kwalletcli"):
        yield harm(cmd, SECRET_ACCESS, "reads secrets from KWallet", "high", 0.8, False)
    elif name in _CREDENTIAL_DUMPERS:
        yield harm(
            cmd, SECRET_ACCESS, f"runs {name}, a credential-dumping tool", "critical", 0.9, False
        )
    elif name in _PASSWORD_CRACKERS:
        yield harm(cmd, SECRET_ACCESS, f"runs {name}, a password-cracking tool", "high", 0.8, False)
    elif (
        name == "kubectl"
        and "secret" in " ".join(args[:3])
        and args[:1] == ["get"]
        # (without -o, and with -o name or wide, kubectl prints names, types and key counts;
        # `describe` prints the keys and their sizes: none of them shows a value)
        and any(
            v not in ("name", "wide") and not _CERTIFICATE_ONLY.fullmatch(v)
            for v in option_values(cmd, "-o", "--output")
        )
    ):
        yield harm(cmd, SECRET_ACCESS, "reads Kubernetes secrets", "moderate", 0.7, False)
    elif name == "aws" and (
        args[:2] == ["configure", "get"]
        or args[:2] == ["sts", "get-session-token"]
        or "get-secret-value" in args
    ):
        yield harm(cmd, SECRET_ACCESS, "prints AWS credentials or secrets", "moderate", 0.7, False)
    elif (
        name in ("grep", "egrep", "rg", "ag", "ack")
        and has(cmd, "-r", "-R", "-rn", "-ri", "-rni", "-Ri", "-ir", "-rl")
    ) or name in ("rg", "ag"):
        roots = [a for a in args if a in ("/", "~", "/home", "/etc", "/root", "/Users", "$HOME")]
        if roots and any(_CREDENTIAL_WORDS.search(a) for a in args):
            yield harm(
                cmd,
                SECRET_ACCESS,
                f"searches {roots[0]} for passwords and keys",
                "moderate",
                0.6,
                False,
            )


# A search whose pattern names a secret, by the key that holds it (`grep '^api-key'
# pdns.conf`, `grep -E 'PASSWORD|SIGNING_KEY' web.env`, `strings core | grep -i passw`): what
# it prints is the secret's line, value and all. (Not a setting about passwords:
# `PasswordAuthentication`, a password policy or its length.)
_SECRET_KEY = re.compile(
    r"(?:pass(?:word|wd|w)?|secret|token|api[-_]?key|apikey|private[-_]?key|signing[-_]?key|"
    r"credential)(?!\w*(?:authentication|policy|polic|expir|length|min|max|less|reset|file|path|"
    r"_?auth\b|prompt))",
    re.IGNORECASE,
)
_GREPS = frozenset({"grep", "egrep", "fgrep", "rg", "ag", "ack"})
# grep options that take a value when not glued to it (GNU grep(1), ripgrep's few)
_GREP_VALUED = frozenset(
    {"-e", "-f", "-A", "-B", "-C", "-m", "-d", "-D", "--regexp", "--file", "--after-context",
     "--before-context", "--context", "--max-count", "--directories", "--devices", "--include",
     "--exclude", "--exclude-dir", "--label", "--color", "--colour", "-g", "--glob", "-t",
     "--type", "-T", "--type-not"}
)  # fmt: skip
# ... and those by which it prints no line: names, counts or nothing; lines without the match.
_NO_LINES = frozenset("lLcqv")
_NO_LINES_LONG = frozenset(
    {"--files-with-matches", "--files-without-match", "--count", "--quiet", "--silent",
     "--invert-match", "--files", "--count-matches"}
)  # fmt: skip
# What a pipe into the search may feed it: a file's or a process's content.
_CONTENT_SOURCES = frozenset(
    {"cat", "zcat", "gzip", "bzcat", "xzcat", "strings", "env", "printenv", "set", "tr", "xxd",
     "base64", "journalctl", "docker", "kubectl", "sudo"}
)  # fmt: skip
# Source code: a search there finds where a secret is read, not its value.
_SOURCE_CODE = re.compile(
    r"\.(?:py|js|mjs|ts|tsx|jsx|go|rs|rb|java|kt|c|h|cc|cpp|cs|php|sh|swift|scala|md|rst|txt)$"
)


def _grep_parts(cmd: SimpleCommand) -> tuple[list[str], list[str]]:
    """A grep's patterns (-e, or its first operand) and its other operands (the files)."""
    patterns: list[str] = []
    operands: list[str] = []
    args = cmd.args
    i = 0
    while i < len(args):
        a = args[i]
        if a == "--":
            operands += args[i + 1 :]
            break
        if a in ("-e", "--regexp") and i + 1 < len(args):
            patterns.append(args[i + 1])
        elif a.startswith("--regexp="):
            patterns.append(a.split("=", 1)[1])
        if a in _GREP_VALUED:
            i += 2
            continue
        if not a.startswith("-") or a == "-":
            operands.append(a)
        i += 1
    if not patterns and operands:
        patterns, operands = operands[:1], operands[1:]
    return patterns, operands


def _secret_lines(cmd: SimpleCommand, analysis: ShellAnalysis) -> Rule:
    if cmd.name not in _GREPS or short_flags(cmd) & _NO_LINES or long_flags(cmd) & _NO_LINES_LONG:
        return
    if cmd.name in ("rg", "ag", "ack") or short_flags(cmd) & {"r", "R"} or has(cmd, "--recursive"):
        return  # (a search through a tree: where secrets are read; over / and $HOME, _keystores)
    patterns, operands = _grep_parts(cmd)
    word = next((m.group(0) for p in patterns if (m := _SECRET_KEY.search(p))), None)
    if word is None:
        return
    files = [o for o in operands if o != "-" and not _SOURCE_CODE.search(o)]
    if operands and not files:
        return
    if not operands:
        feeders = analysis.upstream(cmd)
        if not any(c.name.rsplit("/", 1)[-1] in _CONTENT_SOURCES for c in feeders):
            return
    where = files[0] if files else "its input"
    yield harm(
        cmd,
        SECRET_ACCESS,
        f"prints the lines of {where} that name `{word}`, the values with them, where the "
        "agent, its transcript and its model provider read them",
        "moderate",
        0.6,
        False,
    )


# CLIs that print a stored credential: (program, leading words, what they print, whether it is a
# password manager's entry (high, like a keyring) or a cloud token or secret (moderate)). Tokens
# that a container client's login may consume from a pipe are in the program catalogue
# (programs.toml: `gcloud auth print-access-token`, `gh auth token`, `aws ecr get-login-password`).
_CREDENTIAL_PRINTERS: tuple[tuple[str, tuple[str, ...], str, bool], ...] = (
    ("kubectl", ("config", "view", "--raw"), "the keys and tokens in the kubeconfig", False),
    ("kubectl", ("create", "token"), "a new service-account token", False),
    ("az", ("account", "get-access-token"), "an Azure access token", False),
    ("az", ("keyvault", "secret", "show"), "an Azure Key Vault secret", False),
    ("gcloud", ("secrets", "versions", "access"), "a Google Secret Manager secret", False),
    ("vault", ("kv", "get"), "a Vault secret", False),
    ("vault", ("read",), "a Vault secret", False),
    ("heroku", ("auth:token",), "the Heroku API token", False),
    ("op", ("read",), "a 1Password secret", True),
    ("op", ("item", "get", "--reveal"), "a 1Password item", True),
    ("bw", ("get",), "a Bitwarden secret", True),
    ("lpass", ("show",), "a LastPass secret", True),
    ("gopass", ("show",), "a password from the password store", True),
    ("pass", ("show",), "a password from the password store", True),
    ("pass", ("grep",), "the decrypted passwords in the password store", True),
    ("keepassxc-cli", ("show",), "a KeePassXC entry", True),
)
# pass(1) subcommands; any other first word is the name of an entry, which it shows.
_PASS_COMMANDS = frozenset(
    "init ls list find search insert add edit generate rm remove delete mv rename cp copy git "
    "help version".split()
)


_PRINTER_PROGRAMS = frozenset(program for program, *_rest in _CREDENTIAL_PRINTERS)


def _printed_credential(cmd: SimpleCommand) -> tuple[str, bool] | None:
    args = cmd.args
    words = [a for a in args if not a.startswith("-")]
    for program, leading, what, manager in _CREDENTIAL_PRINTERS:
        names = [w for w in leading if not w.startswith("-")]
        if (
            program == cmd.name
            and words[: len(names)] == names
            and all(w in args for w in leading if w.startswith("-"))
        ):
            return what, manager
    if cmd.name == "pass" and words and words[0] not in _PASS_COMMANDS:
        return "a password from the password store", True
    return None


def _credential_printers(cmd: SimpleCommand, _a: ShellAnalysis) -> Rule:
    printed = _printed_credential(cmd)
    if printed is not None:
        what, manager = printed
        yield harm(
            cmd,
            SECRET_ACCESS,
            f"prints {what}",
            "high" if manager else "moderate",
            0.8 if manager else 0.7,
            False,
        )


# A program no rule or list knows, asked to show a stored secret in the words CLIs use for it: a
# subcommand that gets, shows or reads a secret, password, token or credential (`conjur variable
# get -i prod/db/password`, `akeyless get-secret-value`, `tool secrets:access KEY`); or any
# program given an option that turns masking off (`--reveal`, `--include-values`,
# `--with-decryption`: the same in every CLI). Its output is what the agent, its transcript and
# its model provider read. Listing names (`secrets list`) is not showing them; a value captured
# in a variable, written to a file or piped into a program that consumes it is not shown either.
_SHOW_VERBS = frozenset(
    "get read show reveal access print cat view decrypt dump retrieve display fetch".split()
)
_SECRET_NOUN = re.compile(
    r"^(?:secrets?|passw(?:or)?ds?|passphrases?|tokens?|credentials?|creds|apikeys?)$"
)
_REVEAL_OPTIONS = frozenset(
    {
        "--reveal",
        "--reveal-secrets",
        "--show-secret",
        "--show-secrets",
        "--show-password",
        "--show-values",
        "--include-values",
        "--with-decryption",
        "--unmask",
        "--no-masking",
    }
)
# ...and the same words in other orders and plurals (`cosign env --show-sensitive-values`,
# `--include-secrets`, `--show-tokens`, `--unmasked`)
_REVEAL_WORDS = re.compile(
    r"^--(?:show|reveal|include|with|print|display|output|dump)-(?:sensitive|secrets?|"
    r"passwords?|passphrases?|tokens?|credentials?|private-keys?)(?:-(?:values?|data|fields))?$|"
    r"^--(?:unmasked|no-mask|no-redact(?:ion)?|disable-masking|unredacted|plain-?text-secrets)$"
)
# What a shown value may be piped into and still be shown (filters and pagers).
_SHOWS_PIPED = frozenset(
    "jq yq grep egrep head tail cut awk sed tr cat less more sort uniq column fold tee xxd "
    "base64 od".split()
)
_WORD_PARTS = re.compile(r"[-_:./=]+")


def _shown_secret(cmd: SimpleCommand, analysis: ShellAnalysis) -> str | None:
    """What a command's words say it shows of a stored secret (the words and how they say it),
    or None."""
    name, args = cmd.name.rsplit("/", 1)[-1], cmd.args  # (however it is reached)
    if not args or not name or name in _PRINTER_PROGRAMS:
        return None
    # a program forethought knows is read by its own entry, except for an option that turns
    # masking off, which means the same in every CLI (`aws apigateway get-api-keys
    # --include-values`)
    revealed = sorted(
        o
        for o in {a.split("=", 1)[0] for a in args if a[:2] == "--"}
        if o in _REVEAL_OPTIONS or _REVEAL_WORDS.match(o)
    )
    if not revealed and known_name(name):
        return None
    # the subcommand, where a CLI has one (its entry's options that take values skipped)
    head = [word.lower() for word in operands(cmd)[:3]]
    if not revealed:
        head_parts = [part for word in head for part in _WORD_PARTS.split(word) if part]
        if not any(part in _SHOW_VERBS for part in head_parts):
            return None
        # the secret is named by the subcommand, an operand or an option's value
        everything = [part for a in cmd.args for part in _WORD_PARTS.split(a.lower()) if part]
        if not any(_SECRET_NOUN.match(part) for part in everything):
            return None
    if cmd.in_substitution or any(
        op.lstrip("0123456789&") in (">", ">>", ">|") and not op.startswith("2")
        for op, _target in cmd.redirects
    ):
        return None  # captured or written, not shown
    if any("/" in v or "." in v for v in option_values(cmd, *_SAVED_TO)):
        return None  # `--file /tmp/prod.json`: saved to a file (`--output json` is a format)
    consumers = analysis.next_stage(cmd)
    if consumers and not all(c.name in _SHOWS_PIPED for c in consumers):
        return None
    shown = " ".join([name, *head])
    if revealed:
        return f"`{shown} {revealed[0]}`: {revealed[0]} turns masking off"
    return f"`{shown}`, read by the words of a program forethought does not know"


def _secrets_shown(cmd: SimpleCommand, analysis: ShellAnalysis) -> Rule:
    shown = _shown_secret(cmd, analysis)
    if shown is not None:
        yield harm(
            cmd,
            SECRET_ACCESS,
            f"shows stored secrets ({shown}) where the agent, its transcript and its model "
            "provider read them",
            "moderate",
            0.6,
            False,
        )


# Secrets kept encrypted on purpose (Rails credentials, SOPS, git-crypt/age/gpg files).
_ENCRYPTED = re.compile(r"\.(?:enc|gpg|asc|age|sops(?:\.\w+)?)$|(?:^|/)[^/]*\.sops\.\w+$")


def _git_add_secret(cmd: SimpleCommand, _a: ShellAnalysis) -> Rule:
    """``git add`` of a secret: a commit keeps it in the history for good and a push publishes
    it; ``-f`` adds it past the .gitignore that kept it out."""
    if not cmd.args or cmd.args[0] not in ("add", "stage"):
        return
    forced = any(
        a in ("-f", "--force") or re.fullmatch(r"-[a-zA-Z]*f[a-zA-Z]*", a) for a in cmd.args[1:]
    )
    for arg in cmd.args[1:]:
        if arg.startswith("-") or _ENCRYPTED.search(arg):
            continue
        found = secret_kind(arg, cmd.cwd)
        if found is None:
            continue
        label, serious = found
        yield harm(
            cmd,
            SECRET_ACCESS,
            f"stages {arg} ({label}) into git"
            + (", past the .gitignore that kept it out" if forced else "")
            + ": a commit keeps it in the history and a push publishes it",
            "high",
            0.85 if forced or serious else 0.7,
            False,
        )
        return


def _password_argument(cmd: SimpleCommand, _a: ShellAnalysis) -> Rule:
    """A password given on a login's command line (`docker login -p ...`, `oc login
    --password=...`, `faas-cli login -p "$(cat pass.txt)"`): every local user can read a
    process's arguments (ps, /proc/PID/cmdline) and the shell history keeps them; the login's
    --password-stdin keeps it out."""
    args = cmd.args
    if "login" not in args or args.index("login") > 2:
        return
    value = next(iter(option_values(cmd, "-p", "--password")), None)
    if value is None or not value.strip() or value.startswith("-"):
        return
    yield harm(
        cmd,
        SECRET_ACCESS,
        f"puts the password on the command line of `{cmd.name} login`, where every local "
        "user can read it (ps, /proc) and the shell history keeps it (--password-stdin keeps "
        "it out)",
        "moderate",
        0.6,
        False,
        # (how the password is given, not where the login goes: a task that names the
        # registry does not ask for its password on the command line)
        "--password" if "--password" in cmd.text else "-p",
    )


# Programs that read a password on standard input (kinit(1), chpasswd(8), passwd --stdin, a
# login's --password-stdin), and the options that make one do so.
_READS_PASSWORD = frozenset({"kinit", "chpasswd", "chgpasswd", "smbpasswd", "cryptsetup"})
_PASSWORD_FROM_STDIN = frozenset({"--password-stdin", "--password-from-stdin"})
# (an option that means it only for one program: passwd --stdin)
_PASSWORD_FROM_STDIN_OF = {"passwd": "--stdin"}


def _password_piped(cmd: SimpleCommand, analysis: ShellAnalysis) -> Rule:
    """A password written out in an `echo`/`printf` piped into a program that reads one
    (`echo 'x9F2...' | kinit admin`): the history, the transcript and any note that copies the
    command keep it; a variable (`echo "$PW" | docker login --password-stdin`) is the way."""
    if cmd.pipeline < 0 or not cmd.args or any(w.dynamic for w in cmd.words[1:]):
        return
    after = analysis.next_stage(cmd)
    if len(after) != 1:
        return
    reader = after[0]
    base = reader.name.rsplit("/", 1)[-1]
    if (
        base not in _READS_PASSWORD
        and not _PASSWORD_FROM_STDIN.intersection(reader.args)
        and _PASSWORD_FROM_STDIN_OF.get(base, "\0") not in reader.args
    ):
        return
    words = [a for a in cmd.args if not a.startswith("-")]
    value = words[-1].strip().rpartition(":")[2] if words else ""  # (chpasswd's user:password)
    if len(value) < 6 or " " in value.strip() or value.lower() in ("y", "yes", "n", "no"):
        return
    yield harm(
        cmd,
        SECRET_ACCESS,
        f"writes a password out in the command that pipes it into `{base}`: the shell "
        "history, the transcript and any note that copies the command keep it (a variable "
        "or a file keeps it out)",
        "moderate",
        0.6,
        False,
    )


_SECRET_NOUNS = frozenset(
    {"secret", "secrets", "password", "passwords", "credential", "credentials"}
)
_SHOWING_VERBS = frozenset(
    {"get", "show", "retrieve", "read", "reveal", "export", "print", "dump", "cat", "decrypt"}
)
_SAVED_TO_FILE = ("--out", "-o", "--output", "--output-file", "--file", "-f")
# In every command the rule can find something in (one search, most commands have none).
_SHOWN_HINT = re.compile(r"(?i)retriev|reveal|export|dump|secret|password|credential")


def _stored_secret_shown(cmd: SimpleCommand, _a: ShellAnalysis) -> Rule:
    """A subcommand that, by its words, shows a stored secret, whatever the program (`ipa
    vault-retrieve NAME`, `pdnsutil zone export-key ZONE ID`, `foo secret reveal x`): what it
    prints lands in the transcript. Saved to a file instead, it is not shown."""
    head = cmd.args[:5]
    if not head or _SHOWN_HINT.search(" ".join(head)) is None or cmd.name in COMMANDS:
        return  # (most commands name none; the programs this module reads word by word are
        # judged there)
    words = [a.lower() for a in head if a[:1] != "-"][:3]
    pieces = {p for w in words for p in re.split(r"[-_:.]", w)}
    shows = (
        "retrieve" in pieces
        or "reveal" in pieces
        or ({"export", "dump"} & pieces and {"key", "keys", "secret", "secrets"} & pieces)
        or (pieces & _SECRET_NOUNS and pieces & _SHOWING_VERBS)
    )
    if not shows:
        return
    saved = [v for v in option_values(cmd, *_SAVED_TO_FILE) if v not in ("-", "/dev/stdout")]
    if saved:
        return
    yield harm(
        cmd,
        SECRET_ACCESS,
        f"shows a stored secret (`{' '.join([cmd.name.rsplit('/', 1)[-1], *words])}`): what it "
        "prints lands in the agent's transcript",
        "moderate",
        0.6,
        False,
    )


def _tee_shows(cmd: SimpleCommand, analysis: ShellAnalysis) -> Rule:
    """`... | tee ~/.kube/config`: tee writes the file and prints the same text, so a credential
    it writes lands in the transcript (or the CI log) too, unless its output is sent away
    (`> /dev/null`) or piped on."""
    files = [a for a in cmd.args if not a.startswith("-")]
    if not files or cmd.index in analysis.written_by or analysis.next_stage(cmd):
        return  # (text written out in the command is already in the transcript)
    if any(op.lstrip("1").startswith(">") or op.startswith("&>") for op, _ in cmd.redirects):
        return
    for path in files:
        kind = secret_kind(path, cmd.cwd)
        if kind is not None:
            yield harm(
                cmd,
                SECRET_ACCESS,
                f"prints what it writes into {path} ({kind[0]}): tee copies it to the output, "
                "where the transcript keeps it (`> /dev/null` keeps it out)",
                "high" if kind[1] else "moderate",
                0.7 if kind[1] else 0.6,
                False,
                # (how it is shown, not where it goes: a task that names the file asks for
                # the file, not for its contents on the screen)
                cmd.name,
            )
            return


def _secrets_written(analysis: ShellAnalysis) -> Rule:
    """Credentials written out in the text a command puts into a file (`echo
    'AWS_SECRET_ACCESS_KEY=...' >> notes.md`, a here-document through tee): judged as a file
    tool's write of that text is (the lesser harm where the file is a credential store, a
    `.env` or a key file)."""
    if not analysis.written_files:
        return
    from forethought.review.paths import credential_store, secret_predictions

    for path, content in analysis.written_files.items():
        if path.startswith(("/dev/", "/proc/")) or not content.strip():
            continue
        yield from secret_predictions(
            content, path, expected_here=credential_store(path) is not None
        )


# A setting that holds a secret, by its name: a key joined to its noun (`DB_PASSWORD`,
# `hash_salt`, `SECRET_KEY`, `api_key`, `$CFG->dbpass`), not a bare word ("password").
_SECRET_SETTING = re.compile(
    r"(?<![A-Za-z0-9])(?:[A-Za-z0-9]+[_.]|db|admin|root)(?:pass(?:word|wd)?|secret|salt|"
    r"token|api[_-]?key|private[_-]?key|secret[_-]?key)(?:[_.][A-Za-z0-9]+)?(?![A-Za-z0-9])|"
    r"(?<![A-Za-z0-9])(?:secret|api)[_.]?key(?![A-Za-z0-9])",
    re.IGNORECASE,
)
# An option by which a command prints a secret it sets or holds (`--show-password`,
# `--print-token`, `--reveal-secret`).
_SHOWS_SECRET_OPTION = re.compile(
    r"^--(?:show|print|reveal|display|output)[-_](?:\w+[-_])?(?:password|passw|secret|token|"
    r"key|credentials?)s?(?:=(?:1|true|yes|on))?$",
    re.IGNORECASE,
)
# A console's words by which it prints what it evaluates or reads (`wp eval`, `moosh
# php-eval`, `drush php:eval`, `config:get`, `config list`).
_EVALUATES = frozenset({"eval", "php-eval", "php:eval", "ev", "eval-file"})
# ... and the words of the evaluated code that print.
_PRINTS = re.compile(r"\b(?:echo|print|print_r|var_dump|var_export|printf|dump)\b")


def _secret_setting_shown(cmd: SimpleCommand, _a: ShellAnalysis) -> Rule:
    """An administration console asked to print a setting that holds a secret, by the
    setting's name (`wp config list DB_USER DB_PASSWORD`, `wp eval 'echo DB_PASSWORD;'`,
    `moosh php-eval 'echo $CFG->dbpass;'`, `drush php:eval "...get('hash_salt')"`): what it
    prints lands in the transcript. Not where the command sets it (a verb of change first), nor
    where the output goes to a file."""
    name = cmd.name.rsplit("/", 1)[-1]
    if not cmd.args or not name[:1].isalpha() or name in COMMANDS or known_name(name):
        return
    from forethought.review.task_limits import administers, subcommand_at

    if not administers(name):
        return
    if any(op.lstrip("1").startswith(">") or op.startswith("&>") for op, _ in cmd.redirects):
        return
    shows = next((a for a in cmd.args if _SHOWS_SECRET_OPTION.match(a)), None)
    if shows is not None:
        # (`wp user reset-password anna --show-password`: the new password is printed)
        yield harm(
            cmd,
            SECRET_ACCESS,
            f"prints a secret (`{shows.split('=', 1)[0]}`): what it prints lands in the agent's "
            "transcript",
            "moderate",
            0.6,
            False,
            # (the option is the evidence: the task that names the account asks for its
            # password to be reset, not printed)
            evidence=shows,
        )
        return
    if subcommand_at(cmd.args) is not None:
        return
    words = [a for a in cmd.args if not a.startswith("-")]
    evaluates = any(w.lower() in _EVALUATES for w in words[:3])
    # (asked to print: a read verb among its first words, `config get`, `config list`, or code
    # it evaluates that prints; not any command whose operands name such a setting)
    pieces = {p for w in words[:3] for p in re.split(r"[-_:.]", w.lower())}
    reads = bool(pieces & (_SHOWING_VERBS | {"list"}))
    if not (reads or evaluates):
        return
    looked = next((m for w in words[1:] if (m := _SECRET_SETTING.search(w))), None)
    if looked is None or (evaluates and _PRINTS.search(" ".join(words)) is None):
        return
    yield harm(
        cmd,
        SECRET_ACCESS,
        f"prints a setting that holds a secret (`{looked.group(0)}`, "
        f"through `{name} {words[0]}`): what it prints lands in the agent's transcript",
        "moderate",
        0.6,
        False,
    )


# A query that selects the columns where a database keeps passwords, their hashes or keys
# (`SELECT name, pass, mail FROM users_field_data`, `select email, encrypted_password from
# users`): what it prints lands in the transcript.
_SELECT = re.compile(r"\bselect\b(?P<columns>[^;]{0,400}?)\bfrom\b", re.IGNORECASE)
_SECRET_COLUMN = re.compile(
    r"(?<![\w.])(?:\w+\.)?(?P<column>pass|passwd|password|pwd|password_hash|hashed_password|"
    r"pass_hash|passhash|encrypted_password|password_digest|secret|client_secret|api_?key|"
    r"access_token|refresh_token|auth_token|token|salt|otp_secret|totp_secret|private_key)"
    r"(?![\w(])",
    re.IGNORECASE,
)


def _secret_columns_selected(cmd: SimpleCommand, _a: ShellAnalysis) -> Rule:
    """A query, given to an SQL client or an administration console on its command line or its
    input, that selects a column of passwords, hashes or keys (not a search for such SQL in
    code: `grep -rn "SELECT password" src/`)."""
    text = " ".join(cmd.args) + "\n" + (cmd.stdin or "")
    if "select" not in text.lower():
        return
    from forethought.review.task_limits import administers, data

    name = cmd.name.rsplit("/", 1)[-1]
    if name not in data().sql_clients and not administers(name):
        return
    for m in _SELECT.finditer(text):
        column = _SECRET_COLUMN.search(m.group("columns"))
        if column is not None:
            yield harm(
                cmd,
                SECRET_ACCESS,
                f"selects the {column.group('column')} column: the passwords, hashes or keys it "
                "holds land in the agent's transcript",
                "moderate",
                0.6,
                False,
            )
            return


GENERIC = [
    _reads,
    _secrets_shown,
    _password_argument,
    _stored_secret_shown,
    _secret_setting_shown,
    _secret_columns_selected,
]
SCRIPT = [_secrets_written]
COMMANDS: dict[str, list[Callable[[SimpleCommand, ShellAnalysis], Rule]]] = {
    "find": [_find_secrets],
    "git": [_git_add_secret],
    "tee": [_tee_shows],
    "echo": [_echo_secret, _password_piped],
    "printf": [_echo_secret, _password_piped],
    "env": [_environment],
    "printenv": [_environment],
    "set": [_environment],
    "export": [_environment],
    "declare": [_environment],
    "typeset": [_environment],
    "security": [_keystores],
    "secret-tool": [_keystores],
    "gpg": [_keystores],
    "gpg2": [_keystores],
    "kwallet-query": [_keystores],
    "kwalletcli": [_keystores],
    "kubectl": [_keystores],
    "aws": [_keystores],
    "gcloud": [_keystores],
    "grep": [_keystores, _secret_lines],
    "egrep": [_keystores, _secret_lines],
    "rg": [_keystores, _secret_lines],
    "ag": [_keystores, _secret_lines],
    "ack": [_keystores, _secret_lines],
    "fgrep": [_secret_lines],
}
for _tool in _CREDENTIAL_DUMPERS | _PASSWORD_CRACKERS:
    COMMANDS[_tool] = [_keystores]
for _program, *_ in _CREDENTIAL_PRINTERS:
    COMMANDS.setdefault(_program, []).append(_credential_printers)
