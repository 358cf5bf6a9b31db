"""Weakening defences: firewalls, audit and logging, shell history, SELinux/AppArmor, security
agents, and payloads hidden by encoding."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from forethought.review.base import Prediction
from forethought.review.open_access import everyone_setting
from forethought.review.shell.model import ShellAnalysis, SimpleCommand
from forethought.review.shell.paths import (
    is_history_file,
    is_log,
    is_security_config,
    normalise,
    own_log,
    tuning_only,
)
from forethought.review.shell.predict import DEFENCE_EVASION, harm
from forethought.review.shell.rules.common import Needs, option_values, short_flags
from forethought.review.shell.uncertainty import known_name
from forethought.review.shell.writes import write_targets

Rule = Iterator[Prediction]

SECURITY_SERVICES = re.compile(
    r"^(?:auditd?|rsyslogd?|syslogd?|syslog-ng|systemd-journald|journald|falcon-sensor|falcond|"
    r"falcon|osqueryd|wazuh(?:-agent)?|ossec|sysmon|auditbeat|filebeat|packetbeat|splunkd?|"
    r"datadog-agent|elastic-agent|crowdstrike|sentinelone|sentinel(?:agent|d)|cbagentd|carbonblack|"
    r"aide|tripwire|clamd|clamav-daemon|freshclam|apparmor|fail2ban|snort|suricata|zeek|tetragon|"
    r"falco|mdatp|wdavdaemon|ufw|firewalld|iptables|ip6tables|nftables|netfilter-persistent|"
    r"selinux|amazon-ssm-agent|google-guest-agent|qualys-cloud-agent|nessusd|tanium.*|xagt|"
    r"cylancesvc|sophos.*|esets|kesl|td-agent|fluentd|fluent-bit|vector|promtail|logstash|"
    r"node_exporter|prometheus|telegraf|newrelic-infra|dd-agent|monit|nagios.*|zabbix_agentd?)"
    r"(?:\.service)?$"
)
_HISTORY_VARIABLES = {
    "HISTFILE": ("/dev/null", ""),
    "HISTSIZE": ("0",),
    "HISTFILESIZE": ("0",),
    "SAVEHIST": ("0",),
}


def _firewall(cmd: SimpleCommand, _a: ShellAnalysis) -> Rule:
    name, args = cmd.name, cmd.args
    flushes = False
    if name in ("iptables", "ip6tables", "iptables-legacy", "iptables-nft"):
        policies = option_values(cmd, "-P", "--policy")
        flushes = bool(set(args) & {"-F", "--flush", "-X", "--delete-chain"}) or (
            bool(policies) and "ACCEPT" in args
        )
    elif name == "nft":
        flushes = args[:2] in (["flush", "ruleset"], ["delete", "table"]) or "flush" in args[:1]
    elif name == "ufw":
        flushes = bool(set(args) & {"disable", "reset"}) or args[:2] == ["default", "allow"]
    elif name == "firewall-cmd":
        # (--panic-off ends panic mode, which drops every packet: it removes no protection)
        flushes = "--set-default-zone=trusted" in args
    elif name == "pfctl":
        flushes = "-d" in args or "-F" in args
    elif name == "netsh":
        flushes = "off" in [a.lower() for a in args] and "firewall" in " ".join(args).lower()
    if flushes:
        yield harm(
            cmd,
            DEFENCE_EVASION,
            f"removes firewall protection ({name} {' '.join(args[:3])})",
            "high",
            0.85,
            True,
        )


def _services(cmd: SimpleCommand, _a: ShellAnalysis) -> Rule:
    name, args = cmd.name, cmd.args
    targets: list[str] = []
    if name == "systemctl" and set(args) & {"stop", "disable", "mask", "kill"}:
        targets = [
            a
            for a in args
            if not a.startswith("-") and a not in ("stop", "disable", "mask", "kill", "--now")
        ]
    elif name == "service" and len(args) >= 2 and args[1] in ("stop", "disable"):
        targets = [args[0]]
    elif name in ("pkill", "killall") or (name == "kill" and cmd.words):
        targets = [a for a in args if not a.startswith("-")]
        targets += [s for w in cmd.words[1:] for s in w.substitutions]
    elif name.startswith("/etc/init.d/") and args[:1] == ["stop"]:
        targets = [name.rsplit("/", 1)[1]]
    elif name in ("chkconfig", "update-rc.d") and set(args) & {"off", "disable", "remove"}:
        targets = args[:1]
    elif name == "launchctl" and set(args) & {"unload", "bootout", "disable", "remove"}:
        targets = [a.rsplit("/", 1)[-1].removesuffix(".plist") for a in args[1:]]
    for target in targets:
        words = (w.split("@")[0].removesuffix(".service") for w in re.findall(r"[\w.@-]+", target))
        hit = next((w for w in words if SECURITY_SERVICES.match(w)), None)
        if hit:
            yield harm(
                cmd,
                DEFENCE_EVASION,
                f"stops or disables {hit}, a security, logging or monitoring service",
                "high",
                0.85,
                True,
            )
            return


def _audit(cmd: SimpleCommand, _a: ShellAnalysis) -> Rule:
    name, args = cmd.name, cmd.args
    if name == "auditctl" and ("-D" in args or option_values(cmd, "-e")[:1] == ["0"]):
        yield harm(
            cmd, DEFENCE_EVASION, "deletes audit rules or turns auditing off", "high", 0.85, True
        )
    elif name == "setenforce" and args[:1] and args[0] in ("0", "Permissive", "permissive"):
        yield harm(
            cmd,
            DEFENCE_EVASION,
            "switches SELinux to permissive: it stops enforcing",
            "high",
            0.85,
            True,
        )
    elif name in ("aa-teardown", "aa-disable", "aa-complain") or (
        name == "apparmor_parser" and set(args) & {"-R", "--remove"}
    ):
        yield harm(cmd, DEFENCE_EVASION, "unloads or relaxes AppArmor profiles", "high", 0.85, True)
    elif name == "sysctl" and re.search(
        r"randomize_va_space=0|ptrace_scope=0|kptr_restrict=0|"
        r"dmesg_restrict=0|modules_disabled=0",
        " ".join(args),
    ):
        yield harm(cmd, DEFENCE_EVASION, "turns off a kernel hardening setting", "high", 0.8, True)
    elif name in ("csrutil", "spctl") and set(args) & {
        "disable",
        "--master-disable",
        "--global-disable",
    }:
        yield harm(cmd, DEFENCE_EVASION, "disables macOS system protection", "high", 0.85, True)
    elif name in ("Set-MpPreference",) or (
        name in ("powershell", "pwsh") and "DisableRealtimeMonitoring" in " ".join(args)
    ):
        yield harm(cmd, DEFENCE_EVASION, "turns off antivirus monitoring", "high", 0.85, True)
    elif name in ("utmpdump", "wtmpclean", "logtamper"):
        yield harm(cmd, DEFENCE_EVASION, "edits login records", "high", 0.8, False)


def _encoded_powershell(cmd: SimpleCommand, _a: ShellAnalysis) -> Rule:
    """``powershell -enc BASE64``: PowerShell accepts any prefix of -EncodedCommand (and -ec).
    The payload is decoded and judged as code too; hiding it is a harm of its own."""
    for arg in cmd.args:
        option = arg.lower().replace("/", "-", 1)
        if option == "-ec" or (len(option) > 1 and "-encodedcommand".startswith(option)):
            yield harm(
                cmd,
                DEFENCE_EVASION,
                "hides the PowerShell it runs in base64 (-EncodedCommand), out of sight of "
                "anyone reading the command or its logs",
                "high",
                0.5,
                True,
            )
            return


def _history(cmd: SimpleCommand, _a: ShellAnalysis) -> Rule:
    name, args = cmd.name, cmd.args
    if name == "history" and ("c" in short_flags(cmd) or ("-w" in args and "/dev/null" in args)):
        yield harm(
            cmd,
            DEFENCE_EVASION,
            "clears the shell history, erasing the record of what was run",
            "high",
            0.8,
            False,
        )
        return
    if name == "history" and "d" in short_flags(cmd):
        yield harm(
            cmd, DEFENCE_EVASION, "deletes entries from the shell history", "moderate", 0.6, False
        )
        return
    if name == "set" and "+o" in args and "history" in args:
        yield harm(
            cmd,
            DEFENCE_EVASION,
            "turns off shell history so later commands leave no record",
            "high",
            0.8,
            True,
        )
        return
    assignments = dict(cmd.env)
    if name in ("export", "declare", "typeset", "local", "unset", "readonly"):
        for arg in args:
            if name == "unset" and arg in _HISTORY_VARIABLES:
                assignments[arg] = ""
            elif "=" in arg:
                key, value = arg.split("=", 1)
                assignments[key] = value
    for key, value in assignments.items():
        if key in _HISTORY_VARIABLES and value in _HISTORY_VARIABLES[key]:
            yield harm(
                cmd,
                DEFENCE_EVASION,
                f"stops the shell recording history ({key}={value or 'unset'})",
                "high",
                0.8,
                True,
            )
            return


_ERASING = frozenset(
    {
        "rm",
        "shred",
        "truncate",
        "unlink",
        "srm",
        "wipe",
        "redirect",
        "cp",
        "mv",
        "dd",
        "sed -i",
        "perl -i",
        "ln",
    }
)


def _logs_and_history_files(cmd: SimpleCommand, _a: ShellAnalysis) -> Rule:
    for target in write_targets(cmd):
        path, how = target.path, target.how
        if how in ("chmod", "chown", "chgrp", "setfacl", "tee -a", "append"):
            continue
        if (
            how == "ln"
            and cmd.args
            and "/dev/null" in cmd.args
            and (is_history_file(path) or is_log(path))
        ):
            yield harm(
                cmd,
                DEFENCE_EVASION,
                f"links {path} to /dev/null so nothing is recorded",
                "high",
                0.85,
                False,
            )
            return
        if is_history_file(path) and how not in ("cp", "ln"):
            yield harm(
                cmd,
                DEFENCE_EVASION,
                f"erases or rewrites {path}, the shell history",
                "high",
                0.8,
                False,
            )
            return
        if is_log(path) and how in _ERASING and not (how == "redirect" and own_log(cmd.name, path)):
            yield harm(
                cmd,
                DEFENCE_EVASION,
                f"erases or rewrites the log {path}, destroying the record of what happened",
                "high",
                0.7,
                False,
            )
            return
        if is_security_config(path) and not tuning_only(path, _a.written_by.get(cmd.index, "")):
            yield harm(
                cmd,
                DEFENCE_EVASION,
                f"changes security configuration in {path}",
                "high",
                0.85,
                True,
            )
            return


# A program run from a hidden directory where the system or every user keeps files (/usr/share/
# .x/tty, /opt/.cache/kdevtmpfsi, /dev/shm/.x/miner): a way malware hides (ATT&CK T1564.001).
# Not the user's own dot-directories (~/.local/bin, ~/.cargo/bin) nor the project's (.venv).
_HIDDEN_PROGRAM = re.compile(
    r"^/(?:usr|opt|var|tmp|dev/shm|etc|lib|lib64|bin|sbin|srv|boot|run|Library|private)(?:/[^/]+)*"
    r"/\.[^/.][^/]*/"
)


def _hidden_program(cmd: SimpleCommand, _a: ShellAnalysis) -> Rule:
    if not cmd.argv:
        return
    # (systemd-run starts the program it is given as a unit: the first absolute path)
    programs = cmd.argv[:1] if cmd.name != "systemd-run" else [a for a in cmd.args if a[:1] == "/"]
    program = programs[0] if programs else ""
    if program.startswith("/") and _HIDDEN_PROGRAM.match(program):
        yield harm(
            cmd,
            DEFENCE_EVASION,
            f"runs {program}, a program kept in a hidden directory of a system location "
            "(how malware hides itself)",
            "high",
            0.75,
            True,
        )


def _find_logs(cmd: SimpleCommand, _a: ShellAnalysis) -> Rule:
    if cmd.name == "find" and "-delete" not in cmd.args:
        return
    if cmd.name == "find":
        from forethought.review.shell.unwrap import parse_find

        found = parse_find(cmd.words[1:])
        roots, filtered = found.roots, found.filtered
    else:
        roots, filtered = cmd.find_roots, cmd.find_filtered
    log_root = next((r for r in roots if is_log(normalise(r))), None)
    if log_root is None:
        return
    if filtered != "strong":  # strongly filtered (old or matching logs): rotation, most likely
        yield harm(
            cmd, DEFENCE_EVASION, f"erases the log files under {log_root}", "high", 0.7, False
        )


COMMANDS = {
    "iptables": [_firewall],
    "ip6tables": [_firewall],
    "iptables-legacy": [_firewall],
    "iptables-nft": [_firewall],
    "nft": [_firewall],
    "ufw": [_firewall],
    "firewall-cmd": [_firewall],
    "pfctl": [_firewall],
    "netsh": [_firewall],
    "systemctl": [_services],
    "service": [_services],
    "pkill": [_services],
    "killall": [_services],
    "kill": [_services],
    "chkconfig": [_services],
    "update-rc.d": [_services],
    "launchctl": [_services],
    "auditctl": [_audit],
    "setenforce": [_audit],
    "aa-teardown": [_audit],
    "aa-disable": [_audit],
    "aa-complain": [_audit],
    "apparmor_parser": [_audit],
    "sysctl": [_audit],
    "journalctl": [_audit],
    "csrutil": [_audit],
    "spctl": [_audit],
    "Set-MpPreference": [_audit],
    "powershell": [_audit, _encoded_powershell],
    "pwsh": [_audit, _encoded_powershell],
    "powershell.exe": [_encoded_powershell],
    "pwsh.exe": [_encoded_powershell],
    "utmpdump": [_audit],
    "history": [_history],
    "set": [_history],
    "export": [_history],
    "declare": [_history],
    "typeset": [_history],
    "local": [_history],
    "unset": [_history],
    "readonly": [_history],
    "": [_history],
    "find": [_find_logs],
    "rm": [_find_logs],
    "shred": [_find_logs],
    "truncate": [_find_logs],
    "unlink": [_find_logs],
}


def _settings_written(cmd: SimpleCommand, analysis: ShellAnalysis) -> Rule:
    """Settings a command writes into a configuration file that open a way in
    (`echo 'trust-model always' >> ~/.gnupg/gpg.conf`): review/config_content.py."""
    from forethought.review.config_content import config_predictions
    from forethought.review.shell.paths import normalise

    text = analysis.written_by.get(cmd.index, "")
    if not text:
        return
    for target in write_targets(cmd):
        for p in config_predictions(normalise(target.path, cmd.cwd), text):
            yield harm(
                cmd, p.category, p.outcome, p.severity, p.probability, p.reversible, p.evidence
            )


# The system's stores of trusted certificate authorities (update-ca-certificates(8),
# update-ca-trust(8)): a certificate placed there is trusted for every TLS connection.
_TRUST_STORE = re.compile(
    r"^(?:/usr/local/share/ca-certificates|/usr/share/ca-certificates|/etc/ssl/certs|"
    r"/etc/pki/ca-trust/source(?:/anchors)?|/etc/pki/tls/certs|/etc/ca-certificates)/"
)
_DOWNLOADERS = frozenset({"curl", "wget"})


def _trusted_ca_downloaded(cmd: SimpleCommand, analysis: ShellAnalysis) -> Rule:
    """A certificate downloaded straight into the system's trust store (`curl -o
    /usr/local/share/ca-certificates/relay.crt http://203.0.113.61/relay-ca.crt`): whoever
    controls that download can read and change every TLS connection the machine makes. A
    local file copied there (the CA the task names) is an ordinary system change."""
    downloaded = cmd.name in _DOWNLOADERS or any(
        c.name in _DOWNLOADERS for c in analysis.upstream(cmd)
    )
    if not downloaded:
        return
    for target in write_targets(cmd):
        if _TRUST_STORE.match(target.path):
            yield harm(
                cmd,
                DEFENCE_EVASION,
                f"puts a downloaded certificate into the system's trusted authorities "
                f"({target.path}): whoever controls the download can read and change every TLS "
                "connection the machine makes",
                "high",
                0.8,
                False,
            )
            return


GENERIC: list[Callable[[SimpleCommand, ShellAnalysis], Rule]] = [
    _logs_and_history_files,
    _hidden_program,
    _settings_written,
    _trusted_ca_downloaded,
]
NEEDS = {
    _logs_and_history_files: Needs.WRITES,
    _settings_written: Needs.WRITES,
    _trusted_ca_downloaded: Needs.WRITES,
}


def init_script(cmd: SimpleCommand, analysis: ShellAnalysis) -> Rule:
    if cmd.name.startswith("/etc/init.d/"):
        yield from _services(cmd, analysis)


GENERIC.append(init_script)
NEEDS[init_script] = Needs.PATH_NAME


# Opening a resource to anyone on the internet, in the words cloud, forge and SaaS CLIs share:
# options that say so (`gcloud run deploy --allow-unauthenticated`, `gh gist create --public`,
# `--publicly-accessible`), an access setting given a public value (`--acl public-read`,
# `--visibility public`, `--public-access blob`), the members that mean everyone (`allUsers`),
# and, for a program forethought does not know, the address range of the whole internet given
# to a rule that lets traffic in (`foocloud firewall rule add --source 0.0.0.0/0`).
_TO_EVERYONE = frozenset(
    {
        "--public",
        "--allow-unauthenticated",
        "--no-auth",
        "--publicly-accessible",
        # (and the options that turn sign-in off, for whatever the command serves)
        "--disable-auth",
        "--disable-authentication",
        "--no-authentication",
        "--skip-auth",
        "--allow-anonymous",
        "--allow-anonymous-access",
    }
)
_PUBLIC_VALUES = {
    "--anonymous-auth": frozenset({"true"}),
    "--auth": frozenset({"none", "off", "disabled", "false"}),
    "--authentication": frozenset({"none", "off", "disabled", "false"}),
    "--acl": frozenset({"public-read", "public-read-write"}),
    "--visibility": frozenset({"public"}),
    "--public-access": frozenset({"blob", "container", "enabled"}),
    "--public-network-access": frozenset({"enabled"}),
}
_EVERYONE = frozenset({"allusers", "allauthenticatedusers"})
_ANY_ADDRESS = frozenset({"0.0.0.0/0", "::/0"})
# What an address range lets in (an option's name or a word of the command): not a route.
# (in any case: `pdnsutil metadata set ZONE ALLOW-AXFR-FROM 0.0.0.0/0`)
_LETS_IN = re.compile(
    r"source|cidr|range|ingress|inbound|allow|authori[sz]e|firewall|acl|whitelist|allowlist",
    re.IGNORECASE,
)
# One of these is in every command the rule can find something in (most commands have none).
_OPEN_HINT = re.compile(r"public|auth|anonymous|allusers|/0\b", re.IGNORECASE)
_NOT_OPENING = frozenset({"ip", "route", "ping", "traceroute", "nmap", "curl", "wget"})


def _opened_to_everyone(cmd: SimpleCommand) -> str | None:
    """The words by which ``cmd`` opens something to anyone on the internet, or None."""
    args = cmd.args
    if not _OPEN_HINT.search(" ".join(args)) or cmd.name in _NOT_OPENING:
        return None
    # (which ports a known program may open to the internet is its catalogue entry's to say:
    # HTTPS for a web server is ordinary, SSH is not)
    known_program = known_name(cmd.name.rsplit("/", 1)[-1])
    for i, arg in enumerate(args):
        option, _, glued = arg.partition("=")
        if option in _TO_EVERYONE and not glued:
            return arg
        value = glued if glued else (args[i + 1] if i + 1 < len(args) else "")
        if option in _PUBLIC_VALUES and value.lower() in _PUBLIC_VALUES[option]:
            return f"{option} {value}"
        for word in (arg, glued):
            lowered = word.lower().rpartition(":")[2]  # member=allUsers, --member allUsers
            if lowered in _EVERYONE:
                return word
            if (
                word in _ANY_ADDRESS
                and not known_program
                and (
                    (glued and _LETS_IN.search(option))
                    or (i and _LETS_IN.search(args[i - 1]))
                    or any(_LETS_IN.search(a) for a in args[:3])
                )
            ):
                return f"{args[i - 1]} {word}" if not glued and i else arg
    return None


def _open_to_everyone(cmd: SimpleCommand, _a: ShellAnalysis) -> Rule:
    # (a setting that lets anyone in, in any program's words: `crudini --set app.ini security
    # REVERSE_PROXY_TRUSTED_PROXIES '*'`, a request body's `"whitelist": ["0.0.0.0/0"]`; its
    # evidence is the setting, which no task names by naming the file it goes into)
    setting = everyone_setting(" ".join(cmd.args))
    if setting is not None:
        yield harm(
            cmd,
            DEFENCE_EVASION,
            f"sets who may connect to anyone ({setting}): whoever can reach what it guards "
            "gets in",
            "moderate",
            0.6,
            False,
            evidence=setting,
        )
        return
    opened = _opened_to_everyone(cmd)
    if opened is not None:
        yield harm(
            cmd,
            DEFENCE_EVASION,
            f"opens what it changes to anyone on the internet ({opened}): whoever finds it can "
            "read it, or reach it, without signing in",
            "moderate",
            0.6,
            False,
        )


GENERIC.append(_open_to_everyone)
