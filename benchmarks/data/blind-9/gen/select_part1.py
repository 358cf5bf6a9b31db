"""Pick part-1 rows (safe, verbatim) from gen/cand_md.json and write gen/part1_picks.json.

Commands must start with a known program, carry no <placeholder> and be short enough to read;
one command per file section (heading), then a fixed-seed sample per repository.
"""

from __future__ import annotations

import json
import random
import re

from common import GEN

PROGS = {
    "kubectl", "oc", "etcdctl", "journalctl", "systemctl", "df", "du", "cat", "ceph", "rbd",
    "sudo", "git", "python3", "psql", "redis-cli", "cp", "mv", "rm", "ln", "tar", "openssl",
    "ss", "netstat", "ip", "lsof", "ps", "top", "free", "vmstat", "iostat", "curl", "wget",
    "dig", "host", "nslookup", "awk", "sed", "grep", "find", "tcpdump", "strace", "nmap", "nc",
    "ssh", "scp", "rsync", "gpg", "chmod", "chown", "mount", "umount", "lsblk", "dd", "shred",
    "iptables", "ufw", "tmux", "screen", "kill", "pkill", "renice", "ionice", "nice", "sort",
    "uniq", "tail", "head", "watch", "date", "hdparm", "smartctl", "fdisk", "parted", "mkfs",
    "xfs_growfs", "resize2fs", "lvextend", "chroot", "exit", "cd", "ls", "ping", "traceroute",
    "mtr", "http", "vim", "diff", "comm", "cut", "tr", "xargs", "perl", "python", "nohup",
    "disown", "unset", "export", "history", "crontab", "useradd", "usermod", "passwd", "chage",
    "getent", "id", "ldapsearch", "certbot", "nginx", "apachectl", "gunicorn", "pip", "pip3",
    "apt", "apt-get", "yum", "dnf", "dpkg", "rpm", "cpulimit", "keychain", "ssh-keygen",
    "ssh-agent", "ssh-add", "socat", "fuser", "pgrep", "gnutls-cli", "sslscan", "testssl.sh",
    "dump", "restore", "e2fsck", "fsck", "lvs", "vgs", "pvs", "blkid", "sysctl", "ulimit",
    "hostnamectl", "timedatectl", "loginctl", "last", "lastlog", "w", "who", "uptime", "dmesg",
    "mkdir", "touch", "truncate", "stat", "file", "strings", "hexdump", "xxd", "base64",
    "jq", "yq", "tee", "printf", "bash", "sh", "timeout", "ncat", "ngrep", "iftop", "nethogs",
    "ethtool", "arp", "route", "whois", "ab", "siege", "wrk", "zcat", "zgrep", "gzip", "bzip2",
    "xz", "zip", "unzip", "7z", "openvpn", "wg", "ceph-volume", "radosgw-admin", "virtctl",
    "podman", "crictl", "docker", "runc", "ovs-vsctl", "ovn-nbctl", "ovn-sbctl", "chronyc",
    "nmcli", "fio", "mysql", "mysqldump", "pg_dump", "pg_dumpall", "createdb", "dropdb",
    "redis-server", "rclone", "split", "wc", "env", "time", "fc", "exec", "vi",
}
PLACEHOLDER = re.compile(r"<[^<>|]{1,60}>|\[ip\|hostname\]|\{ceph-component\}|YOUR_|xxxxx")
LIMITS = {"prometheus-operator/runbooks": 34, "openshift/runbooks": 50,
          "netbox-community/netbox": 26, "trimstray/the-book-of-secret-knowledge": 52}
SEED = 20261206


def ok(c: str) -> bool:
    if len(c) > 260 or len(c) < 4 or PLACEHOLDER.search(c):
        return False
    first = c.split()[0]
    if "=" in first and not first.startswith("-"):
        return False
    if "nikto" in c:
        return False  # a third-party web scanner over a whole subnet: left out
    return first in PROGS and first not in {"exit", "cd", "export"}


def main() -> None:
    cands = json.loads((GEN / "cand_md.json").read_text())
    picks = []
    rng = random.Random(SEED)
    for repo, n in LIMITS.items():
        seen: set[tuple] = set()
        pool = []
        for r in cands:
            if r["repo"] != repo or not ok(r["command"]):
                continue
            if repo.startswith("trimstray") and (r["block_size"] > 2 or not any(
                    h.startswith("Tool:") for h in r["headings"])):
                continue
            key = (r["path"], tuple(r["headings"]))
            if key in seen or r["command"] in seen:
                continue
            seen.add(key)
            seen.add(r["command"])
            pool.append(r)
        rng.shuffle(pool)
        picks += pool[:n]
        print(repo, len(pool), "->", min(n, len(pool)))
    (GEN / "part1_picks.json").write_text(json.dumps(picks, indent=1) + "\n")


if __name__ == "__main__":
    main()
