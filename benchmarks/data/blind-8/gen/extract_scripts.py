"""Collect single admin commands from shell scripts in a fetched snapshot (git dir, no work tree).

usage: python extract_scripts.py <git-dir> <path-regex> > out.json
Keeps lines whose program (after optional sudo) is an admin/dev program in KEEP; joins
backslash continuations; skips control flow, assignments without a command, echo/printf,
heredocs and unbalanced quotes. Records the script's header comment as its stated purpose.
"""

import json
import re
import shlex
import subprocess
import sys

KEEP = {
    "defaults", "dscl", "sysadminctl", "fdesetup", "launchctl", "softwareupdate", "systemsetup",
    "pkgutil", "installer", "profiles", "security", "spctl", "csrutil", "diskutil", "networksetup",
    "scutil", "dseditgroup", "pmset", "tmutil", "kickstart", "rm", "chmod", "chown", "mkdir", "cp",
    "mv", "ln", "killall", "pkill", "xattr", "codesign", "plutil", "PlistBuddy", "curl", "hdiutil",
    "ditto", "jamf", "dsconfigad", "createhomedir", "kextcache", "sqlite3", "nvram", "bless",
    "firmwarepasswd", "touch", "tccutil", "osascript", "open", "chflags", "mdutil", "socketfilterfw",
    "sntp", "systemctl", "kubectl", "aws", "gcloud", "az", "helm", "docker", "terraform", "eksctl",
    "git", "make", "sed", "tee", "unzip", "tar", "find", "pip", "pip3", "npm", "brew", "xcode-select",
    "xcodebuild", "asr", "startosinstall", "mdmclient", "shutdown", "reboot", "dsenableroot",
    "pwpolicy", "sudo", "ssh-keygen", "openssl", "gpg", "apt-get", "yum", "dnf", "usermod",
    "useradd", "groupadd", "ufw", "iptables", "firewall-cmd", "crontab", "kill", "rsync", "wget",
}
CTRL = re.compile(r"^(if|then|else|elif|fi|for|while|until|do|done|case|esac|function|return|exit|local|export|declare|readonly|echo|printf|\}|\{|\[|\[\[|#|;;|cat\s*<<)")

git_dir, pat = sys.argv[1], re.compile(sys.argv[2])
head = subprocess.run(["git", "-C", git_dir, "rev-parse", "HEAD"], capture_output=True, text=True,
                      check=True).stdout.strip()
files = subprocess.run(["git", "-C", git_dir, "ls-tree", "-r", "--name-only", "HEAD"],
                       capture_output=True, text=True, check=True).stdout.splitlines()
out = []
for f in files:
    if not pat.search(f):
        continue
    text = subprocess.run(["git", "-C", git_dir, "show", f"HEAD:{f}"], capture_output=True,
                          text=True, errors="replace").stdout
    if "atomic" in text.lower():
        print(f"skip atomic: {f}", file=sys.stderr)
        continue
    raw = text.splitlines()
    header = []
    for ln in raw[1:40]:
        s = ln.strip()
        if s.startswith("#") and not s.startswith("#!"):
            t = s.lstrip("#").strip()
            if t and not set(t) <= set("#-=*"):
                header.append(t)
        elif s and header:
            break
    joined, buf = [], ""
    for ln in raw:
        if buf:
            buf += " " + ln.strip()
        else:
            buf = ln.strip()
        if buf.endswith("\\"):
            buf = buf[:-1].rstrip()
            continue
        joined.append(buf)
        buf = ""
    for ln in joined:
        s = ln.strip()
        if not s or CTRL.match(s) or "<<" in s or len(s) > 300:
            continue
        try:
            toks = shlex.split(s, comments=True)
        except ValueError:
            continue
        if not toks:
            continue
        first = toks[0]
        if re.match(r"^[A-Za-z_][A-Za-z0-9_]*=", first):
            continue
        prog = first
        if prog == "sudo" and len(toks) > 1:
            prog = toks[1]
        base = prog.rsplit("/", 1)[-1]
        if base not in KEEP or base == "sudo":
            continue
        out.append({"path": f, "commit": head, "command": s, "program": base,
                    "purpose": " ".join(header)[:400]})
json.dump(out, sys.stdout, indent=1)
