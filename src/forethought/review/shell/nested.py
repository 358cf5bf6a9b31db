"""Commands that run other commands' text: ``sh -c``, ``eval``, ``su -c``, ``ssh host cmd``,
``watch``, ``at``, crontab lines, here-documents fed to shells, scripts written earlier, shell
strings inside interpreter code. Each such text is walked again as a nested source."""

from __future__ import annotations

import re
import shlex

from forethought.review.shell.decode import run_stages, text_of
from forethought.review.shell.interpreters import (
    SHELLS,
    decoded_literals,
    inline_code,
    shell_input,
    shell_strings,
)
from forethought.review.shell.model import ShellAnalysis, SimpleCommand, Word
from forethought.review.shell.paths import normalise, persistence_entry
from forethought.review.shell.source import Ctx
from forethought.review.shell.templates import template_text

# Programs that, started with no script, read what follows in a multi-line proposal.
INTERACTIVE = frozenset(
    {
        "ftp",
        "sftp",
        "tftp",
        "lftp",
        "ncftp",
        "smbclient",
        "telnet",
        "jjs",
        "tclsh",
        "wish",
        "expect",
        "irb",
        "node",
        "python",
        "python3",
        "python2",
        "perl",
        "php",
        "lua",
        "gdb",
        "mysql",
        "psql",
        "sqlite3",
        "redis-cli",
        "ed",
        "bc",
        "openssl",
        "nslookup",
        "jrunscript",
        "busybox",
        "ghci",
        "julia",
    }
)
_REMOTE_COMMAND_OPTIONS = "bcDEeFIiJLlmOopQRSWw"
# Programs that run a command given as a string or as their arguments (see runner_string).
RUNNERS = frozenset(
    {
        "su",
        "runuser",
        "sg",
        "script",
        "flock",
        "xterm",
        "gnome-terminal",
        "konsole",
        "tmux",
        "parallel",
        "watch",
        "ssh",
        "at",
        "batch",
        "crontab",
        "ansible",
    }
)
WRITERS = frozenset({"echo", "printf", "cat", "tee"})
# Cloud CLIs that run a shell script on a virtual machine: `az vm run-command invoke
# --scripts 'df -h'`, `gcloud compute ssh vm --command 'uptime'`, `aws ssm send-command
# --parameters commands=["uptime"]`. The script is reviewed as the commands it is.
REMOTE_RUNNERS = frozenset({"az", "gcloud", "aws"})


# Ansible's ad-hoc modules as the shell commands they equal on each host (ansible(1): `-m
# MODULE -a 'key=value ...'`; the default module runs its arguments as a command).
_ANSIBLE_RUNS = frozenset({"command", "shell", "raw"})


def ansible_command(values: list[str]) -> str | None:
    """The shell command an `ansible PATTERN [-m MODULE] -a ARGS [-b]` call runs on every host,
    or None where the module is one this reading does not know."""
    module, module_args, become = "command", "", False
    i = 0
    while i < len(values):
        v = values[i]
        if v in ("-m", "--module-name") and i + 1 < len(values):
            module, i = values[i + 1], i + 1
        elif v.startswith("--module-name="):
            module = v.split("=", 1)[1]
        elif v in ("-a", "--args") and i + 1 < len(values):
            module_args, i = values[i + 1], i + 1
        elif v.startswith("--args="):
            module_args = v.split("=", 1)[1]
        elif v in ("-b", "--become") or (v.startswith("-") and not v.startswith("--") and "b" in v
                                          and v[1:].isalpha() and len(v) <= 4):
            become = True
        i += 1
    module = module.removeprefix("ansible.builtin.").removeprefix("ansible.posix.")
    sudo = "sudo " if become else ""
    if module in _ANSIBLE_RUNS or module == "script":
        return f"{sudo}{module_args}".strip() or None
    try:
        pairs = dict(
            w.split("=", 1) for w in shlex.split(module_args) if "=" in w
        )
    except ValueError:
        return None
    path = pairs.get("path") or pairs.get("dest") or pairs.get("name", "")
    state = pairs.get("state", "")
    q = shlex.quote
    if module == "file" and path:
        if state == "absent":
            return f"{sudo}rm -rf {q(path)}"
        if "mode" in pairs:
            return f"{sudo}chmod {q(pairs['mode'])} {q(path)}"
        return f"{sudo}mkdir -p {q(path)}" if state == "directory" else f"{sudo}touch {q(path)}"
    if module == "user" and pairs.get("name"):
        user = q(pairs["name"])
        if state == "absent":
            return f"{sudo}userdel -r {user}"
        parts = [f"{sudo}useradd"]
        if "uid" in pairs:
            parts += ["-o" if pairs.get("non_unique") in ("yes", "true") else "", "-u",
                      q(pairs["uid"])]
        if "groups" in pairs:
            parts += ["-G", q(pairs["groups"])]
        if "password" in pairs:
            parts += ["-p", q(pairs["password"])]
        return " ".join(p for p in [*parts, user] if p)
    if module in ("service", "systemd", "systemd_service", "sysvinit") and pairs.get("name"):
        verb = {"stopped": "stop", "restarted": "restart", "started": "start",
                "reloaded": "reload"}.get(state)
        if pairs.get("enabled") in ("no", "false"):
            verb = "disable"
        elif verb is None and pairs.get("enabled") in ("yes", "true"):
            verb = "enable"
        return f"{sudo}systemctl {verb} {q(pairs['name'])}" if verb else None
    if module in ("apt", "yum", "dnf", "package", "pip", "apk", "zypper") and pairs.get("name"):
        tool = {"pip": "pip", "apk": "apk"}.get(module, "apt-get")
        action = "remove" if state == "absent" else "install"
        return f"{sudo}{tool} {action} -y {q(pairs['name'])}"
    if module == "copy" and pairs.get("dest"):
        if "src" in pairs:
            return f"{sudo}cp {q(pairs['src'])} {q(pairs['dest'])}"
        return f"{sudo}tee {q(pairs['dest'])}"
    if module == "lineinfile" and path and "line" in pairs:
        return f"echo {q(pairs['line'])} | {sudo}tee -a {q(path)}"
    if module == "get_url" and pairs.get("url") and pairs.get("dest"):
        return f"{sudo}curl -fsSL -o {q(pairs['dest'])} {q(pairs['url'])}"
    if module == "cron" and pairs.get("job"):
        minute = pairs.get("minute", "*")
        return f"echo {q(f'{minute} * * * * ' + pairs['job'])} | {sudo}crontab -"
    if module == "authorized_key" and pairs.get("user") and pairs.get("key"):
        return f"echo {q(pairs['key'])} | {sudo}tee -a ~{pairs['user']}/.ssh/authorized_keys"
    if module == "reboot":
        return f"{sudo}reboot"
    return None


def remote_scripts(name: str, args: list[str]) -> list[str]:
    """The shell scripts a cloud CLI's run-command runs on its machines (none: not one)."""
    words = [a for a in args if not a.startswith("-")]
    if name == "az" and words[1:3] == ["run-command", "invoke"]:
        out, taking = [], False
        for arg in args:
            if arg == "--scripts":
                taking = True
            elif arg.startswith("--"):
                taking = arg.startswith("--scripts=")
                if taking:
                    out.append(arg.split("=", 1)[1])
            elif taking:
                out.append(arg)
        return out
    if name == "gcloud" and words[:2] == ["compute", "ssh"]:
        return [
            args[i + 1] if a == "--command" else a.split("=", 1)[1]
            for i, a in enumerate(args)
            if (a == "--command" and i + 1 < len(args)) or a.startswith("--command=")
        ]
    if name == "aws" and words[:2] == ["ssm", "send-command"]:
        found: list[str] = []
        for i, a in enumerate(args):
            value = args[i + 1] if a == "--parameters" and i + 1 < len(args) else ""
            value = a.split("=", 1)[1] if a.startswith("--parameters=") else value
            body = value.split("commands=", 1)[1] if "commands=" in value else ""
            if body:
                found += re.findall(r'"((?:[^"\\]|\\.)*)"', body) or [body.strip("[]")]
        return found
    return []


# Package managers whose `pkg set scripts.NAME=...` stores shell text later installs run.
PACKAGE_SCRIPTS = frozenset({"npm", "pnpm", "yarn", "bun"})
# Decoders whose output, redirected into a file, is what the file holds (``echo ... | base64 -d
# > /tmp/fix.sh``): a later step that runs the file runs the decoded text.
DECODING_WRITERS = frozenset(
    {
        "base64",
        "base32",
        "xxd",
        "openssl",
        "rev",
        "tr",
        "gunzip",
        "zcat",
        "bunzip2",
        "bzcat",
        "unxz",
        "xzcat",
        "gzip",
    }
)
_PWD = frozenset({"$(pwd)", "`pwd`"})


def _shell_startup(path: str, cwd: str | None) -> bool:
    entry = persistence_entry(path, cwd)
    return entry is not None and entry.name == "shell_startup"


class NestedScripts:
    """Mixed into the walker: finds the scripts a command runs and hands them back to it."""

    analysis: ShellAnalysis
    cwd: str | None
    last_piped_how: str = ""

    def nested(self, text: str, how: str, cmd: SimpleCommand, ctx: Ctx) -> None:
        raise NotImplementedError

    def push_source(self, text: str, how: str, anchor: str, depth: int, parent: int | None) -> None:
        raise NotImplementedError

    def run_nested(self, cmd: SimpleCommand, ctx: Ctx, name: str, args: list[Word]) -> None:
        script: Word | None = None
        how = ""
        if name in SHELLS:
            source = shell_input(args)
            if source.kind == "c":
                script, how = source.script, f"the string run by `{name} -c`"
            elif source.kind == "stdin":
                self.shell_stdin(cmd, ctx, name)
            elif source.kind == "file" and source.script is not None:
                self.written_script(cmd, ctx, source.script.value)
        elif (name in ("sudo", "doas") and {"-s", "-i"} & set(cmd.args)) or (
            name == "su"
            and not any(a in ("-c", "--command") or a.startswith("--command=") for a in cmd.args)
        ):
            text = cmd.stdin if cmd.stdin is not None else self.piped_text(cmd)
            if text:
                script, how = Word(text, cmd.text), f"the script fed to the root shell of `{name}`"
        elif name == "eval":
            if args:
                script = Word(
                    " ".join(w.value for w in args),
                    cmd.text,
                    any(w.dynamic for w in args),
                    (),
                    any(w.decoded for w in args),
                )
            how = "the string run by `eval`"
        elif name in ("source", "."):
            if args:
                self.written_script(cmd, ctx, args[0].value)
        elif name in RUNNERS:
            script, how = self.runner_string(cmd, ctx, name, args)
        elif name in REMOTE_RUNNERS:
            for text in remote_scripts(name, [w.value for w in args]):
                self.nested(text, f"the script `{name}` runs on the machines it names", cmd, ctx)
        elif name in PACKAGE_SCRIPTS:
            # `npm pkg set scripts.postinstall="..."`: shell text every later install runs
            values = [w.value for w in args]
            if values[:2] == ["pkg", "set"]:
                for value in values[2:]:
                    key, sep, text = value.partition("=")
                    if sep and key.startswith("scripts.") and text.strip():
                        self.nested(
                            text, f"the {key} script `{name}` sets, run by later installs", cmd, ctx
                        )
        else:
            code = inline_code(name, args)
            if code is not None:
                text = code.code
                if text is None and code.reads_stdin:
                    text = cmd.stdin if cmd.stdin is not None else self.piped_text(cmd)
                if text:
                    for string in shell_strings(code.language, text)[:32]:
                        self.nested(string, f"a shell command inside {name} code", cmd, ctx)
                    for decoded in decoded_literals(text):
                        self.nested(
                            decoded, f"a base64 literal decoded inside {name} code", cmd, ctx
                        )
        if script is None:
            return
        # unresolved parts stay in the text as written ($X, $(...)) and are judged when the
        # nested walk meets them, in command position or not
        if script.decoded:
            how = f"{how} (decoded)"
        self.nested(script.value, how, cmd, ctx)

    def runner_string(
        self, cmd: SimpleCommand, ctx: Ctx, name: str, args: list[Word]
    ) -> tuple[Word | None, str]:
        values = [w.value for w in args]
        how = f"the command run by `{name}`"
        if name in ("su", "runuser", "script", "flock"):
            for i, value in enumerate(values):
                if value in ("-c", "--command") and i + 1 < len(args):
                    return args[i + 1], how
                if value.startswith("--command="):
                    return Word(value.split("=", 1)[1], args[i].span, args[i].dynamic), how
            if name == "flock":
                operands = [w for w in args if not w.value.startswith("-")]
                if len(operands) > 1:
                    return self.joined(operands[1:], cmd), how
            return None, how
        if name == "sg":
            return (args[1], how) if len(args) > 1 else (None, how)
        if name in ("xterm", "gnome-terminal", "konsole"):
            for i, value in enumerate(values):
                if value in ("-e", "-x", "--") and i + 1 < len(args):
                    return self.joined(args[i + 1 :], cmd), how
            return None, how
        if name in ("screen", "tmux"):
            operands = [w for w in args if not w.value.startswith("-")]
            if (
                name == "tmux"
                and operands
                and operands[0].value
                in ("new", "new-session", "new-window", "neww", "send-keys", "send")
            ):
                keys = [w for w in operands[1:] if w.value not in ("Enter", "C-m")]
                return (self.joined(keys[-1:], cmd), how) if keys else (None, how)
            if name == "screen" and operands and "-X" not in values:
                return self.joined(operands, cmd), how
            return None, how
        if name == "watch":
            i = 0
            while i < len(args) and args[i].value.startswith("-"):
                i += (
                    2
                    if args[i].value in ("-n", "--interval", "-d", "--differences")
                    and args[i].value in ("-n", "--interval")
                    else 1
                )
            return (self.joined(args[i:], cmd), how) if i < len(args) else (None, how)
        if name == "parallel":
            rest: list[Word] = []
            for word in args:
                if word.value in (":::", "::::", ":::+"):
                    break
                rest.append(word)
            while rest and rest[0].value.startswith("-"):
                rest = (
                    rest[2:]
                    if rest[0].value in ("-j", "-S", "--jobs", "-a", "--sshlogin")
                    else rest[1:]
                )
            return (self.joined(rest, cmd), how) if rest else (None, how)
        if name == "ansible":
            text = ansible_command(values)
            how = "the command `ansible` runs on every host of its pattern"
            return (Word(text, cmd.text), how) if text else (None, how)
        if name == "ssh":
            i = 0
            while i < len(args) and args[i].value.startswith("-"):
                flag = args[i].value
                i += 2 if len(flag) == 2 and flag[1] in _REMOTE_COMMAND_OPTIONS else 1
            remote = args[i + 1 :]
            how = "the command run on the remote host by `ssh`"
            if not remote or (remote[0].value.split()[:1] and remote[0].value.split()[0] in SHELLS):
                text = cmd.stdin if cmd.stdin is not None else self.piped_text(cmd)
                return (
                    (Word(text, cmd.text), "the script fed to the remote shell by `ssh`")
                    if text
                    else (None, how)
                )
            return self.joined(remote, cmd), how
        if name in ("at", "batch"):
            text = cmd.stdin if cmd.stdin is not None else self.piped_text(cmd)
            return (Word(text, cmd.text), "the job scheduled with `at`") if text else (None, how)
        if name == "crontab":
            text = cmd.stdin if cmd.stdin is not None else self.piped_text(cmd)
            if not text and cmd.stdin is None:
                # `(crontab -l; echo '*/5 * * * * JOB') | crontab -`: the table kept, plus the
                # lines the echoes add, which are what is new
                text = self.printed_lines(self.analysis.upstream(cmd))
            if not text:
                return None, how
            jobs = []
            for line in text.splitlines():
                fields = line.split(None, 1 if line.startswith("@") else 5)
                if line.strip() and not line.lstrip().startswith("#") and len(fields) > 1:
                    jobs.append(fields[-1])
            return (
                (Word("\n".join(jobs), cmd.text), "the cron job installed") if jobs else (None, how)
            )
        return None, how

    def joined(self, words: list[Word], cmd: SimpleCommand) -> Word:
        return Word(
            " ".join(w.value for w in words),
            cmd.text,
            any(w.dynamic for w in words),
            (),
            any(w.decoded for w in words),
        )

    def printed_lines(self, commands: list[SimpleCommand]) -> str | None:
        """What the echo and printf commands among ``commands`` print, where a static reading
        can tell (the others' output left out)."""
        out = []
        for c in sorted(commands, key=lambda c: (c.stage, c.index)):
            if c.name not in ("echo", "printf") or any(w.dynamic for w in c.words):
                continue
            output = run_stages([(c.argv, c.stdin)])
            if output is not None:
                out.append(text_of(output.data))
        return "\n".join(out) or None

    def piped_text(self, cmd: SimpleCommand) -> str | None:
        """What the earlier stages of the pipeline print, when a static reading can tell."""
        upstream = self.analysis.upstream(cmd)
        if not upstream or len({c.stage for c in upstream}) != len(upstream):
            return None
        if any(any(w.dynamic for w in c.words) for c in upstream):
            return None
        output = run_stages([(c.argv, c.stdin) for c in sorted(upstream, key=lambda c: c.stage)])
        if output is None:
            return None
        self.last_piped_how = output.how
        return text_of(output.data)

    def shell_stdin(self, cmd: SimpleCommand, ctx: Ctx, name: str) -> None:
        if cmd.stdin is not None:
            self.nested(cmd.stdin, f"the here-document fed to `{name}`", cmd, ctx)
            return
        text = self.piped_text(cmd)
        if text is not None:
            how = self.last_piped_how
            label = (
                f"the {how}-decoded payload piped into `{name}`"
                if how
                else f"the text piped into `{name}`"
            )
            feeder = min(self.analysis.upstream(cmd), key=lambda c: c.stage)
            self.push_source(text, label, feeder.anchor or feeder.text, ctx.depth + 1, cmd.index)
            return
        piped = self.analysis.piped_file(cmd)
        if piped is not None:
            self.written_script(cmd, ctx, piped)
            return
        template = template_text(self.analysis, cmd)
        if template is not None:
            feeder = max(self.analysis.upstream(cmd), key=lambda c: c.stage)
            label = f"the commands `{feeder.name}` builds from a template and pipes into `{name}`"
            anchor = feeder.anchor or feeder.text
            self.push_source(template, label, anchor, ctx.depth + 1, cmd.index)

    def written_script(self, cmd: SimpleCommand, ctx: Ctx, path: str) -> None:
        content = self.analysis.written_files.get(normalise(path, self.cwd))
        if content is not None:
            self.nested(content, f"the script written to {path} earlier", cmd, ctx)

    def record_written_file(self, cmd: SimpleCommand, ctx: Ctx | None = None) -> None:
        """Note the literal text a writer puts in files; text added to a shell start-up file
        is walked as the commands every later shell runs (see :mod:`.startup`)."""
        if cmd.name not in WRITERS and cmd.name not in DECODING_WRITERS:
            return
        targets = [t for op, t in cmd.redirects if op.lstrip("0123456789") in (">", ">>", ">|")]
        if cmd.name in DECODING_WRITERS:
            if not targets or any(w.dynamic for w in cmd.words):
                return
            upstream = sorted(self.analysis.upstream(cmd), key=lambda c: c.stage)
            if len({c.stage for c in upstream}) != len(upstream) or any(
                any(w.dynamic for w in c.words) for c in upstream
            ):
                return
            output = run_stages([*((c.argv, c.stdin) for c in upstream), (cmd.argv, cmd.stdin)])
            content = text_of(output.data) if output is not None else None
        elif cmd.name == "tee":
            targets = [a for a in cmd.args if not a.startswith("-")]
            # (a here-document fed to tee, or what the pipeline before it prints)
            content = cmd.stdin if cmd.stdin is not None else self.piped_text(cmd)
        elif any(w.dynamic and set(w.substitutions) - _PWD for w in cmd.words):
            return
        else:  # $(pwd) stays as written: a path, whatever the directory
            output = run_stages([(cmd.argv, cmd.stdin)])
            content = text_of(output.data) if output is not None else None
        if content is None:
            return
        self.analysis.written_by[cmd.index] = content[:200_000]
        for target in targets[:8]:
            key = normalise(target, self.cwd)
            previous = self.analysis.written_files.get(key, "")
            self.analysis.written_files[key] = (previous + content)[:200_000]
        startup = next((t for t in targets[:8] if _shell_startup(t, self.cwd)), None)
        if startup is not None and ctx is not None and content.strip():
            label = f"what `{cmd.name}` adds to {startup}, run by every later shell"
            self.push_source(content, label, cmd.anchor or cmd.text, ctx.depth + 1, cmd.index)

    def note_transcript(self, cmd: SimpleCommand, ctx: Ctx, end_byte: int) -> None:
        name = cmd.name
        if name not in INTERACTIVE and name not in SHELLS:
            return
        if cmd.stdin is not None or cmd.background:
            return
        code = inline_code(name, cmd.words[1:])
        if code is not None and not code.reads_stdin:
            return
        if name in SHELLS and shell_input(cmd.words[1:]).kind != "stdin":
            return
        rest = ctx.source.range(end_byte, len(ctx.source.data))
        if rest.startswith("\n") and rest.strip():
            self.analysis.transcripts.append((cmd, rest.strip()))
