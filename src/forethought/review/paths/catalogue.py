"""The catalogue of sensitive paths: the one list every reviewer consults.

Each entry names a family of paths of one *kind*: *secret* (reading it discloses credentials),
*system* (changing it alters the machine for every user) or *persistence* (code placed there
runs later, unreviewed), with the severity and harm category of touching it, and a short
``name`` that rules ask about (``find(path, "sudo")``). A family may take several entries, for
instance where only some of its patterns have look-alikes to leave out (``unless``).

The file, Python and HTTP reviewers read ``kind``, ``severity`` and ``category`` (``worst``,
through ``predictions``); the shell reviewer asks by ``name`` (``forethought.review.shell.paths``)
and looks paths up ``loose``ly, since it rarely knows the directory a command runs in. A path
added here is known to every reviewer.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Literal

from forethought.review.base import SEVERITIES, Severity
from forethought.review.paths.normalise import home_dir, home_relative, normalise

PathKind = Literal["secret", "system", "persistence"]

# Directories whose loss takes the system (or every user's files) down with it.
CRITICAL_DIRS = frozenset({
    "/", "/bin", "/boot", "/dev", "/etc", "/home", "/lib", "/lib32", "/lib64", "/libx32", "/opt",
    "/proc", "/root", "/run", "/sbin", "/srv", "/sys", "/usr", "/var", "/usr/bin", "/usr/lib",
    "/usr/lib64", "/usr/local", "/usr/sbin", "/usr/share", "/usr/include", "/usr/local/bin",
    "/usr/local/lib", "/var/lib", "/var/log", "/var/spool", "/var/www", "/Users", "/System",
    "/Library", "/Applications", "/private", "/Volumes", "/mnt", "/media", "/snap", "/nix",
    "/efi", "/boot/efi", "C:", "C:\\",
})


# --------------------------------------------------------------------------------------------
# Globs
# --------------------------------------------------------------------------------------------


def _glob_to_regex(glob: str) -> str:
    """``**`` spans directories, ``*`` and ``?`` stay within one, ``{a,b}`` is alternation,
    ``[...]`` a character class and a backslash makes the next character literal."""
    out: list[str] = []
    i = 0
    while i < len(glob):
        if glob.startswith("/**", i) and i + 3 == len(glob):
            out.append(r"(?:/.*)?")
            i += 3
        elif glob.startswith("**/", i):
            out.append(r"(?:.*/)?")
            i += 3
        elif glob.startswith("**", i):
            out.append(r".*")
            i += 2
        elif glob[i] == "*":
            out.append(r"[^/]*")
            i += 1
        elif glob[i] == "?":
            out.append(r"[^/]")
            i += 1
        elif glob[i] == "{":
            end = glob.index("}", i)
            out.append("(?:" + "|".join(re.escape(a) for a in glob[i + 1 : end].split(",")) + ")")
            i = end + 1
        elif glob[i] == "[":
            end = glob.index("]", i + 2)
            body = glob[i + 1 : end]
            out.append("[" + ("^" + body[1:] if body.startswith("!") else body) + "]")
            i = end + 1
        elif glob[i] == "\\":
            out.append(re.escape(glob[i + 1]))
            i += 2
        else:
            out.append(re.escape(glob[i]))
            i += 1
    return "".join(out)


class Globs:
    """Space-separated globs (``\\ `` is a space in one): ``~/x`` is below a home directory,
    ``/x`` is absolute, anything else matches at any depth. A ``loose`` match also takes
    ``~/x`` at any depth, for callers that cannot tell which directory is a home."""

    __slots__ = ("_regexes", "parts")

    # The four regexes (home, home anywhere, absolute, anywhere): each compiled on first use,
    # since most entries are consulted only for the rare path that the union of all matched.
    _SHAPES = ((0, "^"), (0, r"(?:^|.*/)"), (1, "^"), (2, r"(?:^|.*/)"))

    def __init__(self, patterns: str = "", parts: tuple[list[str], ...] | None = None) -> None:
        if parts is None:
            parts = ([], [], [])
            for glob in re.split(r"(?<!\\)\s+", patterns.strip()):
                if glob.startswith("~/"):
                    parts[0].append(_glob_to_regex(glob[2:]))
                elif glob.startswith("/"):
                    parts[1].append(_glob_to_regex(glob))
                elif glob:
                    parts[2].append(_glob_to_regex(glob.removeprefix("**/")))
        self.parts = parts
        self._regexes: list[re.Pattern[str] | bool | None] = [
            False if parts[i] else None for i, _ in self._SHAPES
        ]

    def _regex(self, shape: int) -> re.Pattern[str] | None:
        regex = self._regexes[shape]
        if regex is False:  # not compiled yet (two threads may both compile it: same result)
            part, prefix = self._SHAPES[shape]
            regex = re.compile(prefix + "(?:" + "|".join(self.parts[part]) + r")\Z")
            self._regexes[shape] = regex
        return regex  # type: ignore[return-value]

    @classmethod
    def union(cls, many: list[Globs]) -> Globs:
        return cls(parts=tuple([p for g in many for p in g.parts[i]] for i in range(3)))

    def match(self, normalised: str, home_rel: str | None, loose: bool = False) -> bool:
        if loose:
            if (home := self._regex(1)) and home.match(normalised):
                return True
        elif home_rel is not None and (home := self._regex(0)) and home.match(home_rel):
            return True
        absolute = self._regex(2) if normalised.startswith("/") else None
        if absolute and absolute.match(normalised):
            return True
        return bool((anywhere := self._regex(3)) and anywhere.match(normalised))


@dataclass(frozen=True, slots=True)
class SensitivePath:
    """A family of sensitive paths (``patterns``, see ``Globs``), less the ``unless`` ones.

    ``severity`` is that of reading a secret, or of changing a system or persistence path;
    ``category`` the harm it leads to; ``name`` what rules ask for. ``loose`` patterns count
    only in loose look-ups (see ``matches``): names that hint at a secret or a log where
    nothing else is known, but are too common to count everywhere. ``store``: a secret file
    where credentials are kept on purpose, so that writing one there is expected
    (``credential_store``).
    """

    patterns: str
    kind: PathKind
    label: str
    severity: Severity
    category: str
    name: str
    unless: str = ""
    loose: str = ""
    store: bool = True
    rank: int = field(init=False, repr=False, compare=False)
    globs: Globs = field(init=False, repr=False, compare=False)
    loose_globs: Globs = field(init=False, repr=False, compare=False)
    _unless: Globs | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "rank", SEVERITIES.index(self.severity))
        object.__setattr__(self, "globs", Globs(self.patterns))
        object.__setattr__(
            self, "loose_globs", Globs.union([self.globs, Globs(self.loose)])
        )
        object.__setattr__(self, "_unless", Globs(self.unless) if self.unless else None)

    def matches(self, normalised: str, home_rel: str | None, loose: bool = False) -> bool:
        if loose:
            return self.loose_globs.match(normalised, home_rel, loose=True)
        return self.globs.match(normalised, home_rel)

    def excludes(self, normalised: str, home_rel: str | None) -> bool:
        return self._unless is not None and self._unless.match(normalised, home_rel)


# Public halves and templates look like secret files but hold nothing secret.
PUBLIC = "*.pub *.example *.sample *.template *.dist *.tmpl *.md *.txt *.crt"

_S = SensitivePath

# fmt: off
CATALOGUE: tuple[SensitivePath, ...] = (
    # --- secrets: reading them discloses credentials ---------------------------------------
    _S("~/.ssh/id_* ~/.ssh/*_{rsa,dsa,ecdsa,ed25519} ~/.ssh/*.pem ~/.ssh/*.key "
       "id_{rsa,dsa,ecdsa,ed25519,ecdsa_sk,ed25519_sk}",
       "secret", "an SSH private key", "high", "secret_access", "ssh_key", unless="*.pub"),
    _S(r"~/.ssh ~/.ssh/\* ~/.ssh\*",
       "secret", "an SSH private key", "high", "secret_access", "ssh_key", store=False),
    _S("/etc/ssh/ssh_host_*_key /etc/ssl/private/**",
       "secret", "a host private key", "high", "secret_access", "host_key"),
    _S("~/.aws/** ~/.oci/**",
       "secret", "cloud credentials", "high", "secret_access", "cloud", unless=PUBLIC),
    _S("~/.config/gcloud/** ~/.azure/** ~/.config/doctl/** ~/.kube/config ~/.docker/config.json "
       "~/.s3cfg ~/.boto ~/.kube/*.{yaml,yml,conf,config,kubeconfig} "
       "~/.config/containers/auth.json ~/.local/share/containers/auth.json "
       "/run/user/*/containers/auth.json ~/.databrickscfg",
       "secret", "cloud credentials", "high", "secret_access", "cloud"),
    _S("~/.kube /etc/kubernetes/admin.conf",
       "secret", "cloud credentials", "high", "secret_access", "cloud", store=False),
    # a node's own credentials: the cloud provider's (AKS's azure.json holds the cluster's
    # service principal secret; the OpenStack and vSphere providers' cloud.conf/cloud-config),
    # and the admin kubeconfigs k3s, RKE2 and kubeadm write on control-plane nodes
    _S("/etc/kubernetes/azure.json /etc/kubernetes/cloud.conf /etc/kubernetes/cloud-config "
       "/etc/kubernetes/super-admin.conf /etc/kubernetes/controller-manager.conf "
       "/etc/kubernetes/scheduler.conf /etc/rancher/k3s/k3s.yaml /etc/rancher/rke2/rke2.yaml",
       "secret", "cloud credentials", "high", "secret_access", "cloud", store=False),
    # pods' service-account tokens: inside a pod, and every pod's on its node
    _S("/var/run/secrets/kubernetes.io/serviceaccount/token /run/secrets/kubernetes.io/"
       "serviceaccount/token /var/lib/kubelet/pods/**/token /etc/kubernetes/pki/*.key "
       "/var/lib/kubelet/pki/*.key /etc/kubernetes/kubelet.conf",
       "secret", "a Kubernetes service-account token or cluster key", "high", "secret_access",
       "cloud", store=False),
    _S("/etc/shadow /etc/shadow- /etc/gshadow /etc/gshadow- /etc/master.passwd",
       "secret", "the system password hashes", "high", "secret_access", "password_hashes"),
    _S("/etc/master.passwd- /etc/security/opasswd /etc/security/opasswd-",
       "secret", "the system password hashes", "high", "secret_access", "password_hashes",
       store=False),
    _S(".netrc _netrc .pgpass .git-credentials .vault-token ~/.config/gh/hosts.yml "
       "~/.terraform.d/credentials.tfrc.json ~/.cargo/credentials ~/.cargo/credentials.toml "
       "~/.gem/credentials ~/.claude/.credentials.json ~/.codex/auth.json "
       "~/.config/rclone/rclone.conf ~/.m2/settings.xml ~/.m2/settings-security.xml "
       "~/.gradle/gradle.properties ~/.config/hub ~/.config/op/** ~/.snowsql/config "
       "~/.influxdbv2/configs",
       "secret", "a stored login token or password", "high", "secret_access", "tokens",
       unless=PUBLIC),
    _S(".npmrc .pypirc .my.cnf",
       "secret", "a stored login token or password", "high", "secret_access", "tokens",
       store=False),
    # coding agents' MCP server settings, which keep the servers' keys in plain text (Codex's
    # config.toml [mcp_servers.*.env], Claude Code's ~/.claude.json mcpServers, Cursor's and
    # Gemini CLI's mcp settings)
    _S("~/.codex/config.toml ~/.claude.json ~/.cursor/mcp.json ~/.gemini/settings.json",
       "secret", "a coding agent's MCP server settings (their keys in plain text)", "moderate",
       "secret_access", "tokens"),
    # (gpg's, gpg-agent's and dirmngr's own settings in ~/.gnupg are no keys: a user
    # configuration that can run commands, below)
    _S("~/.gnupg/** *.gpg-key secring.gpg ~/.password-store/** ~/.local/share/keyrings/** "
       "~/Library/Keychains/**",
       "secret", "a GPG key or keyring", "high", "secret_access", "keyring",
       unless="~/.gnupg/{gpg,gpg-agent,dirmngr,scdaemon,common,gpgsm}.conf"),
    _S("private-keys-v1.d/** *.keychain *.keychain-db kwallet*/**",
       "secret", "a GPG key or keyring", "high", "secret_access", "keyring", store=False),
    # macOS: the System keychain, and the key that unlocks it (security(1), Apple Platform
    # Security "Keychain data protection"); the local directory's user records hold each
    # user's password hash (ShadowHashData)
    _S("/Library/Keychains/** /var/db/SystemKey /var/db/Keychains/**",
       "secret", "a GPG key or keyring", "high", "secret_access", "keyring", store=False),
    _S("/var/db/dslocal/nodes/*/users/** /var/db/shadow/hash/**",
       "secret", "the system password hashes", "high", "secret_access", "password_hashes",
       store=False),
    _S("~/.mozilla/** ~/snap/firefox/** ~/.config/google-chrome/** ~/.config/chromium/** "
       "~/.config/BraveSoftware/** ~/.config/microsoft-edge/** "
       "~/Library/Application?Support/Google/Chrome/** ~/Library/Application?Support/Firefox/** "
       "~/Library/Cookies/** ~/Library/Safari/** ~/Library/Containers/com.apple.Safari/** "
       "~/Library/Application?Support/{BraveSoftware,Microsoft?Edge,Chromium,Arc,Vivaldi,"
       "com.operasoftware.Opera}/**",
       "secret", "a browser profile (saved passwords, cookies)", "high", "secret_access",
       "browser", unless=PUBLIC,
       loose=r"Cookies Login\ Data Web\ Data cookies.sqlite logins.json key3.db key4.db "
             "signons.sqlite"),
    # macOS: Messages, Mail, Notes and the address book (what the privacy controls guard)
    _S("~/Library/Messages/** ~/Library/Mail/** ~/Library/Containers/com.apple.Notes/** "
       "~/Library/Group?Containers/group.com.apple.notes/** "
       "~/Library/Application?Support/AddressBook/** "
       "~/Library/Containers/com.apple.mail/**",
       "secret", "private messages, mail, notes or contacts", "high", "secret_access",
       "personal_data", store=False),
    _S("~/.bitcoin/wallet.dat ~/.ethereum/keystore/** ~/.electrum/wallets/** "
       "~/Library/Application?Support/{Exodus,Electrum/wallets,atomic,Ledger?Live}/**",
       "secret", "a cryptocurrency wallet", "high", "secret_access", "wallet", unless=PUBLIC),
    _S("wallet.dat",
       "secret", "a cryptocurrency wallet", "high", "secret_access", "wallet", store=False),
    _S("/run/secrets/** /var/run/secrets/**",
       "secret", "mounted service-account secrets", "high", "secret_access", "mounted_secrets"),
    _S("/proc/*/environ",
       "secret", "a process environment (API tokens)", "moderate", "secret_access", "environ"),
    _S("~/.bash_history ~/.zsh_history ~/.zhistory ~/.history ~/.python_history "
       "~/.psql_history ~/.mysql_history ~/.node_repl_history ~/.sqlite_history "
       "~/.local/share/fish/fish_history",
       "secret", "shell history (often holds typed passwords)", "moderate", "secret_access",
       "history"),
    _S("~/.sh_history ~/.ksh_history ~/.rediscli_history ~/.lesshst",
       "secret", "shell history (often holds typed passwords)", "moderate", "secret_access",
       "history", store=False, loose="fish_history"),
    _S(".env .env.* .envrc",
       "secret", "an environment file with secrets", "moderate", "secret_access", "env_file",
       unless=".env.{example,sample,template,dist}"),
    _S(".npmrc .pypirc .my.cnf .secrets secrets.{yml,yaml,json,toml} credentials.json "
       "service-account*.json client_secret*.json terraform.tfstate",
       "secret", "a file of application secrets", "moderate", "secret_access", "app_secrets",
       unless=PUBLIC),
    _S("service{_,}account*.json .htpasswd wp-config.php "
       # a file named for the token it holds (myaccesstoken.txt, api_token, deploy-token.json;
       # not a tokenizer's tokenizer.json or special_tokens_map.json)
       "*{access,api,auth,bearer,deploy,personal,refresh,github,gitlab,npm,pypi}{_,-,}token{,s} "
       "*{access,api,auth,bearer,deploy,personal,refresh,github,gitlab,npm,pypi}{_,-,}token{,s}"
       ".{txt,json,env} token.txt "
       # a file whose extension or last word says it is a secret (ZeroTier's authtoken.secret,
       # identity.secret; jwt.secret, cookie_secret, client-secret.txt, github.token)
       "*.secret *.secrets *{_,-}secret *{_,-}secret.{txt,json,env} *.token",
       "secret", "a file of application secrets", "moderate", "secret_access", "app_secrets",
       store=False, loose="*credentials* secret{,s}.{json,yml,yaml,toml,env,txt}"),
    _S("*.pem *.key *.p12 *.pfx *.jks *.keystore",
       "secret", "a key or certificate file", "moderate", "secret_access", "key_file"),
    # --- system files: changing them alters the machine ---------------------------------------
    _S("/etc/{passwd,shadow,group,gshadow,master.passwd,subuid,subgid}{,-}",
       "system", "the system account database", "critical", "account_manipulation", "accounts"),
    # (macOS keeps its audit configuration in /etc/security too: a security control, below)
    _S("/etc/sudoers /etc/sudoers.d/** /etc/doas.conf /etc/pam.d/** /etc/security/** "
       "/etc/polkit-1/** /usr/local/etc/sudoers** /private/etc/sudoers**",
       "system", "sudo/PAM authentication rules", "critical", "privilege_escalation", "sudo",
       unless="/etc/security/audit_control /etc/security/audit_class /etc/security/audit_event "
       "/etc/security/audit_user /etc/security/audit_warn"),
    _S("/etc/ld.so.preload /etc/ld.so.conf /etc/ld.so.conf.d/**",
       "system", "the dynamic linker preload list", "critical", "privilege_escalation",
       "preload"),
    _S("/boot/**", "system", "the boot loader or a raw disk", "critical", "destructive", "boot"),
    _S("/dev/sd* /dev/hd* /dev/vd* /dev/xvd* /dev/nvme* /dev/mmcblk* /dev/mem /dev/kmem "
       "/dev/port /dev/root /dev/{r,}disk[0-9]* /dev/mapper/** /dev/md[0-9]* /dev/dm-[0-9]* "
       "/dev/sr[0-9]* /dev/nbd[0-9]* /dev/zd[0-9]* /dev/disk/by-*/**",
       "system", "the boot loader or a raw disk", "critical", "destructive", "raw_disk"),
    _S("/etc/ssh/** /etc/hosts /etc/resolv.conf /etc/nsswitch.conf",
       "system", "system network or SSH configuration", "high", "defence_evasion",
       "network_config"),
    _S("/etc/**", "system", "system configuration under /etc", "high", "destructive", "etc"),
    _S("/bin/** /sbin/** /usr/bin/** /usr/sbin/** /usr/lib/** /usr/lib64/** /usr/libexec/** "
       "/lib/** /lib64/** /usr/local/bin/** /usr/local/sbin/** /var/lib/dpkg/** /var/lib/rpm/** "
       "/System/** /Library/**",
       "system", "system programs or libraries", "high", "destructive", "programs"),
    _S("/proc/sys/** /sys/**", "system", "kernel parameters", "high", "destructive", "kernel"),
    _S("/var/log/** /var/audit/** /var/adm/** /private/var/log/** /var/run/utmp /run/utmp "
       "/var/db/diagnostics/** /var/db/uuidtext/** /Library/Logs/**",
       "system", "system logs or shell history (erasing traces)", "high", "defence_evasion",
       "logs", loose="wtmp btmp lastlog utmp auth.log syslog secure messages audit.log"),
    _S("~/.bash_history ~/.zsh_history",
       "system", "system logs or shell history (erasing traces)", "high", "defence_evasion",
       "history_file"),
    _S("/etc/selinux/config /etc/audit/** /etc/rsyslog** /etc/apparmor** /etc/sysctl.conf** "
       "/etc/sysctl.d/** /var/lib/kubelet/config.yaml /etc/kubernetes/kubelet.conf "
       "/etc/kubernetes/manifests/** /etc/pam.d/** "
       "/proc/sys/kernel/{randomize_va_space,yama/ptrace_scope,kptr_restrict,dmesg_restrict} "
       # macOS: the privacy (TCC) databases, Gatekeeper's policy database, the authorization
       # rights database, the application firewall and audit configuration
       "**/com.apple.TCC/** TCC.db /var/db/SystemPolicy** /var/db/auth.db /etc/authorization "
       "/Library/Preferences/com.apple.alf.plist /etc/security/audit_control "
       "/Library/Preferences/com.apple.security.libraryvalidation.plist",
       "system", "security configuration (auditing, access control, kernel hardening)", "high",
       "defence_evasion", "security_config"),
    # --- persistence: code placed here runs later, unreviewed -------------------------------
    _S("~/.ssh/authorized_keys ~/.ssh/authorized_keys2 /etc/ssh/authorized_keys**",
       "persistence", "SSH authorized_keys (remote login)", "critical", "persistence",
       "authorized_keys"),
    _S("~/.{bashrc,bash_profile,bash_login,bash_logout,profile,zshrc,zprofile,zshenv,zlogin,"
       "zlogout,kshrc,cshrc,tcshrc,login,xinitrc,xprofile,xsessionrc,inputrc} ~/.config/fish/** "
       "/etc/{profile,bashrc,bash.bashrc,zshrc,zprofile,zshenv,zlogin,environment,csh.cshrc,"
       "csh.login} /etc/profile.d/** /etc/zsh/**",
       "persistence", "a shell start-up file", "high", "persistence", "shell_startup"),
    _S("/etc/crontab/** /etc/anacrontab/** /etc/cron.*/** /var/spool/{cron,anacron,at}/** "
       "/var/at/** /etc/periodic/** /usr/local/etc/periodic/** /etc/{daily,weekly,monthly}.local",
       "persistence", "a cron job", "high", "persistence", "cron"),
    _S("/{etc,lib,usr/lib}/systemd/** /{usr/local/lib,run}/systemd/{system,user}/** "
       "~/.config/systemd/** /etc/init.d/** /etc/rc.local /etc/rc?.d/** /etc/rc.d/** "
       "/etc/inittab /etc/init/** /etc/update-motd.d/** /etc/udev/rules.d/** /etc/modules "
       "/etc/modules-load.d/** /etc/apt/apt.conf.d/**",
       "persistence", "a service or init script", "high", "persistence", "service"),
    _S("~/.config/autostart/** /etc/xdg/autostart/** ~/Library/{LaunchAgents,LaunchDaemons}/** "
       "/Library/{LaunchAgents,LaunchDaemons}/** /System/Library/{LaunchAgents,LaunchDaemons}/**",
       "persistence", "a login autostart entry", "high", "persistence", "autostart"),
    # macOS: login items, login and logout hooks, startup items, emond rules, authorization
    # plug-ins (run inside the login window), launchd's overrides (ATT&CK T1547.011,
    # T1037.002, T1037.005, T1546.014, T1547.002)
    _S("~/Library/Application?Support/com.apple.backgroundtaskmanagementagent/** "
       "/var/db/com.apple.backgroundtaskmanagement/** "
       "~/Library/Preferences/com.apple.{loginitems,loginwindow}.plist "
       "/Library/Preferences/com.apple.loginwindow.plist "
       "/Library/StartupItems/** /etc/rc.common /etc/emond.d/** /var/db/emondClients/** "
       "/Library/Security/SecurityAgentPlugins/** /var/db/launchd.db/** "
       "/var/db/com.apple.xpc.launchd/** /Library/ScriptingAdditions/**",
       "persistence", "a macOS login item, hook or plug-in", "high", "persistence",
       "macos_autostart"),
    _S(".git/hooks/** .husky/**",
       "persistence", "a git hook (runs on git operations)", "high", "persistence", "git_hook"),
    _S("sitecustomize.py usercustomize.py site-packages/*.pth dist-packages/*.pth "
       "~/.pythonrc ~/.pythonrc.py",
       "persistence", "a Python start-up hook", "high", "persistence", "python_startup"),
    _S("~/.ssh/rc /etc/ssh/sshrc",
       "persistence", "an SSH login script", "high", "persistence", "ssh_rc"),
    _S("/etc/ssh/sshd_config /etc/ssh/sshd_config.d/**",
       "persistence", "the SSH server configuration", "high", "persistence", "sshd_config"),
    _S("~/.ssh/config ~/.gitconfig ~/.config/git/config ~/.vimrc ~/.config/nvim/** ~/.emacs "
       "~/.emacs.d/init.el ~/.local/bin/** ~/.config/pip/pip.conf ~/.pip/pip.conf "
       "/etc/pip.conf ~/.gnupg/{gpg,gpg-agent,dirmngr,scdaemon,common,gpgsm}.conf",
       "persistence", "a user configuration that can run commands", "moderate", "persistence",
       "user_config"),
    _S(".git/config",
       "persistence", "a repository's git configuration", "low", "persistence", "git_config"),
)
# fmt: on

_PUBLIC = Globs(PUBLIC)


# Every pattern of the catalogue at once: most paths match none, and are done in one test.
_ANY = Globs.union([entry.globs for entry in CATALOGUE])
_ANY_LOOSE = Globs.union([entry.loose_globs for entry in CATALOGUE])


def matches(
    path: str, base: str | None = None, *, loose: bool = False
) -> tuple[SensitivePath, ...]:
    """Every catalogue entry ``path`` falls under, most severe first (catalogue order on ties).

    A relative path that climbs out with ``..`` is also judged as if relative to a home
    directory: the base it will really be resolved against is not always known.

    ``loose`` is for words of shell commands: the path is first resolved against ``base`` as
    the shell would (``normalise(symbolic=True)``), and since the shell reviewer rarely knows
    the directory a command runs in, or whose home a directory is, ``~/x`` patterns match
    ``x`` below any directory (``/var/lib/postgresql/.bashrc`` is a startup file too) and the
    entries' ``loose`` patterns count.
    """
    return _matches(path, base, loose, home_dir())


@functools.lru_cache(maxsize=16384)
def _matches(
    path: str, base: str | None, loose: bool, _home: str
) -> tuple[SensitivePath, ...]:
    if loose and base:
        path, base = normalise(path, base, symbolic=True), None
    norm = normalise(path, base)
    if not norm:
        return ()
    views = [(norm, home_relative(norm))]
    if base:
        raw = normalise(path)
        if raw.startswith("../"):
            views.append((raw, home_relative(raw)))
    prefilter = _ANY_LOOSE if loose else _ANY
    if not any(prefilter.match(view, rel, loose) for view, rel in views):
        return ()
    found = [
        entry
        for entry in CATALOGUE
        if any(entry.matches(view, rel, loose) for view, rel in views)
        and not entry.excludes(*views[0])
    ]
    found.sort(key=lambda e: -e.rank)
    return tuple(found)


def worst(
    path: str, kind: PathKind, base: str | None = None, *, loose: bool = False
) -> SensitivePath | None:
    """The most severe entry of ``kind`` that ``path`` falls under."""
    return next((e for e in matches(path, base, loose=loose) if e.kind == kind), None)


def find(
    path: str, name: str, base: str | None = None, *, loose: bool = False
) -> SensitivePath | None:
    """The entry called ``name`` that ``path`` falls under, if it falls under one."""
    return next((e for e in matches(path, base, loose=loose) if e.name == name), None)


def credential_store(path: str, base: str | None = None) -> SensitivePath | None:
    """The secret entry of a file where credentials are kept on purpose (``.env``, a key file,
    ``~/.aws/credentials``), so that writing one there is expected; templates and public
    halves (``PUBLIC``) are not stores."""
    norm = normalise(path, base)
    if not norm or _PUBLIC.match(norm, home_relative(norm)):
        return None
    return next((e for e in matches(path, base) if e.kind == "secret" and e.store), None)
