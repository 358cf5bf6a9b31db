"""What the command is for: the benefit side of the ledger, so ordinary work is not judged by
its harms alone."""

from __future__ import annotations

import re

from forethought.review.base import Prediction
from forethought.review.effects import grade
from forethought.review.shell.catalogue import catalogue, effects, operands
from forethought.review.shell.interpreters import SHELLS, language_of
from forethought.review.shell.model import ShellAnalysis, SimpleCommand
from forethought.review.shell.predict import BENIGN, READ_ONLY
from forethought.review.shell.rules.catalogue import consumer

READ_ONLY_PROGRAMS = frozenset(
    """
ls cat grep egrep fgrep rg ag ack find wc head tail less more file stat du df ps top htop pwd
whoami id uname date echo printf which type diff cmp sort uniq cut tr awk gawk mawk sed tree man
help true false : test [ [[ basename dirname readlink realpath md5sum sha1sum sha256sum sha512sum
shasum cksum xxd od hexdump strings column nl paste join comm seq expr bc locate lsof netstat ss
free uptime w who last lsblk lscpu lsusb lspci dmesg journalctl env printenv hostname ifconfig ip
ping dig nslookup host tac rev fold fmt look getent groups nproc cal sleep wait read cd pushd popd
dirs export alias unset set source . hash ulimit umask history jq yq xmllint tput clear sum zcat
zgrep zless bzcat xzcat base64 iconv split csplit expand unexpand pr fmt numfmt factor shuf mdfind
mdls du ncdu vmstat iostat mpstat pidof pgrep pstree lslogins finger last lastlog users nice
logname tty stty mount findmnt blkid lsmod modinfo sysctl systemd-analyze hostnamectl timedatectl
localectl uptime arch getconf locale printf wget curl traceroute mtr whois openssl gpg ssh-keygen
""".split()
)
_READ_ONLY_GIT = frozenset(
    {
        "status",
        "log",
        "diff",
        "show",
        "blame",
        "branch",
        "remote",
        "tag",
        "describe",
        "rev-parse",
        "ls-files",
        "shortlog",
        "grep",
        "reflog",
        "config",
        "fetch",
        "stash",
    }
)
_DEV_WORK = frozenset(
    """
touch mkdir rmdir cp mv ln rm tar zip unzip gzip gunzip bzip2 bunzip2 xz unxz 7z chmod chown chgrp
make cmake ninja gcc g++ cc c++ clang clang++ go cargo rustc rustup node npm npx yarn pnpm pip
pip3 pipx poetry uv pytest tox nox java javac mvn gradle ruby gem bundle rake docker
docker-compose podman kubectl helm git kill pkill killall tee dd rsync scp ssh apt apt-get yum dnf
brew snap conda mamba install patch perl php lua tmux screen nohup xargs parallel convert ffmpeg
sqlite3 mysql psql createdb mysqldump pg_dump redis-cli mongo sed truncate split rename mmv
crontab systemctl service sudo touch black ruff flake8 mypy pylint isort eslint prettier tsc
jest mocha vitest webpack vite rollup esbuild terraform ansible ansible-playbook vagrant
code vim vi nano emacs cargo dotnet msbuild swift swiftc xcodebuild pod flutter dart deno bun
shred wipe srm hugo jekyll sphinx-build mkdocs pandoc latexmk pdflatex mogrify identify wget curl
unrar rails mix alembic prisma drizzle-kit supabase sqlx diesel knex typeorm sequelize flyway
liquibase goose dbmate atlas
""".split()
)


# Cloud CLIs' everyday work, by leading operands: copies to and from storage and deploys are
# work like rsync and scp (what they send, and where, is judged by the rules all the same).
_CLOUD_DEV_WORK: dict[str, frozenset[tuple[str, ...]]] = {
    name: frozenset(tuple(w.split()) for w in words.split(","))
    for name, words in {
        "aws": "s3 cp,s3 sync,s3 mv,cloudformation deploy,cloudformation package,"
        "ecs update-service,lambda update-function-code,lambda publish-version",
        "gcloud": "storage cp,storage rsync,run deploy,app deploy,functions deploy,builds submit",
        "gsutil": "cp,rsync",
        "az": "storage blob upload,storage blob upload-batch,storage blob download,"
        "storage blob download-batch,storage blob sync,webapp deploy,functionapp deploy",
        "azcopy": "copy,cp,sync",
        "s3cmd": "put,get,sync",
    }.items()
}


def _cloud_dev_work(cmd: SimpleCommand) -> bool:
    forms = _CLOUD_DEV_WORK.get(cmd.name)
    if forms is None:
        return False
    words = operands(cmd)
    return any(tuple(words[: len(form)]) == form for form in forms)


def _kind(cmd: SimpleCommand) -> str:
    name = cmd.name
    if not name:
        return "none"
    if _cloud_dev_work(cmd):
        return "dev"
    if name == "git":
        sub = next((a for a in cmd.args if not a.startswith("-")), "")
        return "read" if sub in _READ_ONLY_GIT else "dev"
    if name == "find" and any(a in ("-delete", "-exec", "-execdir", "-ok") for a in cmd.args):
        return "dev"
    if name == "sed" and any(
        re.match(r"-[a-zA-Z]*i", a) or a.startswith("--in-place") for a in cmd.args
    ):
        return "dev"
    if name in ("curl", "wget") and any(a in ("-o", "-O", "--output") for a in cmd.args):
        return "dev"
    if name in READ_ONLY_PROGRAMS:
        writes = any(
            op.lstrip("0123456789") in (">", ">>", "&>", ">|") and t not in ("/dev/null",)
            for op, t in cmd.redirects
        )
        return "dev" if writes else "read"
    if name in SHELLS or name in ("eval", "source", "."):
        operands = [a for a in cmd.args if not a.startswith("-")]
        runs_a_file = name not in ("eval",) and operands and "-c" not in cmd.args and cmd.stage == 0
        return "dev" if runs_a_file else "none"
    # (a project's own scripts: ./build.sh, bin/rails, bin/setup)
    if name in _DEV_WORK or language_of(name) is not None or name.startswith(("./", "bin/")):
        return "dev"
    if name in catalogue():
        return "catalogued"
    if _has_rules(name):
        return "covered"
    return "unknown"


def _has_rules(name: str) -> bool:
    from forethought.review.shell.rules import BY_PROGRAM, rule_key

    return name in BY_PROGRAM or rule_key(name) in BY_PROGRAM


def _catalogued(cmd: SimpleCommand, analysis: ShellAnalysis) -> str:
    """What the catalogue says ``cmd``'s program does, and whether this use has listed effects."""
    program = catalogue()[cmd.name]
    what = f"runs `{cmd.name}`: {program.summary}" if program.summary else f"runs `{cmd.name}`"
    if any(grade(e) is not None for e in effects(cmd, consumer_of=lambda: consumer(cmd, analysis))):
        return f"{what}; presumably for the task (its catalogued effects are weighed)"
    return f"{what}; none of the effects its catalogue entry lists applies to this use"


def predict(analysis: ShellAnalysis) -> list[Prediction]:
    """One benefit prediction for the command as a whole."""
    kinds: dict[str, SimpleCommand] = {}
    for cmd in analysis.commands:
        kinds.setdefault(_kind(cmd), cmd)
    if "dev" in kinds:
        cmd = kinds["dev"]
        return [
            _benefit(
                cmd,
                f"carries out the requested work (`{cmd.name}` and the rest)",
                BENIGN,
                "moderate",
                0.9,
            )
        ]
    if "read" in kinds:
        cmd = kinds["read"]
        return [
            _benefit(
                cmd,
                "inspects files or the system without changing them, giving the "
                "agent what it needs to proceed",
                READ_ONLY,
                "low",
                0.9,
            )
        ]
    if "catalogued" in kinds:
        cmd = kinds["catalogued"]
        return [_benefit(cmd, _catalogued(cmd, analysis), BENIGN, "low", 0.6)]
    if "covered" in kinds:
        cmd = kinds["covered"]
        return [
            _benefit(
                cmd,
                f"runs `{cmd.name}`, which the reviewer's own rules cover (it has no catalogue "
                "entry); presumably what the task needs",
                BENIGN,
                "low",
                0.6,
            )
        ]
    if "unknown" in kinds:
        cmd = kinds["unknown"]
        return [
            _benefit(
                cmd,
                f"runs `{cmd.name}`, a program the reviewer has no rules for; "
                "presumably what the task needs",
                BENIGN,
                "low",
                0.6,
            )
        ]
    return []


def _benefit(
    cmd: SimpleCommand, outcome: str, category: str, severity: str, probability: float
) -> Prediction:
    if cmd.origin:
        outcome += f" [seen in {cmd.origin}]"
    return Prediction(outcome, "benefit", probability, severity, True, cmd.text, category)  # type: ignore[arg-type]
