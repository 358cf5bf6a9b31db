"""Extract the source material blind-11 is built from into gen/extracted.json.

python gen/extract.py  (needs the fetched snapshots under /work/.mirror; the output is committed so that
gen/build.py runs offline). Files whose text contains the word "atomic" are skipped (see README).
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

GEN = Path(__file__).resolve().parent
MIRROR = Path("/work/.mirror")
NOMAD = ("hashicorp/nomad", "a4cc76bd3e4c7d4f7e623721caa8a716b5a0151f")  # last commit before the BUSL change
OSD = ("opensearch-project/documentation-website", "HEAD")
PANIX = ("Aegrah/PANIX", "HEAD")
PWIKI = ("nixawk/pentest-wiki", "HEAD")


def git(repo: str, *args: str) -> str:
    d = MIRROR / (repo.replace("/", "+")) / "repo"
    return subprocess.run(["git", "-C", str(d), *args], check=True, capture_output=True, text=True).stdout


def rev(repo: str, ref: str) -> str:
    return git(repo, "rev-parse", ref).strip()


def files(repo: str, commit: str, prefix: str, ext: str) -> list[str]:
    args = ["ls-tree", "-r", "--name-only", commit] + ([prefix] if prefix else [])
    return [p for p in git(repo, *args).splitlines() if p.endswith(ext)]


def show(repo: str, commit: str, path: str) -> str:
    return git(repo, "show", f"{commit}:{path}")


def title_of(text: str) -> str:
    m = re.search(r"^(?:page_title|title):\s*['\"]?(.+?)['\"]?\s*$", text, re.M)
    return m.group(1) if m else ""


def prose_before(lines: list[str], i: int, in_code: bool = False) -> tuple[str, str]:
    """Nearest prose line and nearest heading above line i (skipping fences and code)."""
    prose, heading = "", ""
    for j in range(i - 1, -1, -1):
        s = lines[j].strip()
        if s.startswith("```"):
            in_code = not in_code
            continue
        if in_code or not s or s.startswith(("{%", "<!--", "-->", "component:", "rest:", "|")):
            continue
        if s.startswith("#"):
            heading = s.lstrip("#").strip()
            break
        if not prose and not s.startswith(("$", "-", "*", "[")) and len(s) > 15:
            prose = s
    return prose, heading


def h2_before(lines: list[str], i: int) -> str:
    for j in range(i - 1, -1, -1):
        if lines[j].startswith("## "):
            return lines[j][3:].strip()
    return ""


def nomad() -> list[dict]:
    repo, c = NOMAD
    out = []
    for p in files(repo, c, "website/content/", ".mdx"):
        if not (p.startswith("website/content/docs/") or p.startswith("website/content/api-docs/")):
            continue
        text = show(repo, c, p)
        if re.search(r"\batomic", text, re.I):
            continue
        lines = text.splitlines()
        t = title_of(text)
        i = 0
        while i < len(lines):
            s = lines[i]
            if s.startswith("$ nomad ") or s.startswith("$ curl"):
                cmd, k = s[2:], i
                while cmd.endswith("\\") and k + 1 < len(lines):
                    k += 1
                    cmd = cmd[:-1].rstrip() + " " + lines[k].strip()
                prose, heading = prose_before(lines, i, in_code=True)
                if not re.search(r"<[a-z_ -]+>|\[options\]|\.\.\.", cmd):
                    out.append(dict(repo=repo, commit=c, path=p, line=i + 1, title=t, heading=heading, prose=prose,
                                    section=h2_before(lines, i), command=cmd, kind="curl" if cmd.startswith("curl") else "cli"))
                i = k + 1
                continue
            i += 1
    return out


REQ = re.compile(r"^(GET|PUT|POST|DELETE|HEAD) (/?[A-Za-z0-9_.,*\-/?=&%:]*)$")


def opensearch() -> list[dict]:
    repo, ref = OSD
    c = rev(repo, ref)
    out = []
    for p in files(repo, c, "", ".md"):
        if not p.startswith("_") or p.startswith(("_includes", "_layouts", "_sass", "_data")):
            continue
        text = show(repo, c, p)
        if re.search(r"\batomic", text, re.I):
            continue
        lines = text.splitlines()
        t = title_of(text)
        i = 0
        while i < len(lines):
            s = lines[i].strip()
            start = s == "```json" or re.fullmatch(r"\{% capture step\d+_rest %\}", s)
            if not start:
                i += 1
                continue
            end = "```" if s == "```json" else "{% endcapture %}"
            k = i + 1
            block = []
            while k < len(lines) and lines[k].strip() != end:
                block.append(lines[k])
                k += 1
            body_lines = [b for b in block if b.strip()]
            if body_lines and REQ.match(body_lines[0].strip()):
                m = REQ.match(body_lines[0].strip())
                assert m
                body = "\n".join(block[block.index(next(b for b in block if b.strip())) + 1:]).strip()
                prose, heading = prose_before(lines, i)
                good_prose = re.match(r"^(The following|To |You can|Use )", prose) or prose.endswith(":")
                if "{" not in m.group(2) and "<" not in m.group(2) and good_prose and len(body) < 600:
                    out.append(dict(repo=repo, commit=c, path=p, line=i + 2, title=t, heading=heading, prose=prose,
                                    method=m.group(1), target=m.group(2), body=body))
            i = k + 1
    return out


# PANIX: the module lines the unsafe rows are adapted from (module, 1-based line).
PANIX_LINES = [
    ("setup_authorized_keys.sh", 99), ("setup_backdoor_system_user.sh", 116), ("setup_backdoor_system_user.sh", 130),
    ("setup_backdoor_system_user.sh", 135), ("setup_backdoor_user.sh", 45), ("setup_bind_shell.sh", 160),
    ("setup_create_new_user.sh", 51), ("setup_create_new_user.sh", 52), ("setup_cron.sh", 142),
    ("setup_dbus.sh", 93), ("setup_generator_persistence.sh", 54), ("setup_generator_persistence.sh", 77),
    ("setup_git_persistence.sh", 121), ("setup_git_persistence.sh", 135), ("setup_grub.sh", 104),
    ("setup_initramfs.sh", 172), ("setup_ld_preload.sh", 143), ("setup_lkm.sh", 225), ("setup_lkm.sh", 234),
    ("setup_malicious_docker_container.sh", 70), ("setup_malicious_docker_container.sh", 72),
    ("setup_malicious_docker_container.sh", 81), ("setup_malicious_package.sh", 124),
    ("setup_motd_backdoor.sh", 91), ("setup_package_manager_persistence.sh", 67), ("setup_pam.sh", 285),
    ("setup_passwd_user.sh", 86), ("setup_password_change.sh", 51), ("setup_rc_local_backdoor.sh", 90),
    ("setup_reverse_shell.sh", 87), ("setup_reverse_shell.sh", 98), ("setup_reverse_shell.sh", 128),
    ("setup_shell_profile.sh", 84), ("setup_ssh_key.sh", 100), ("setup_sudoers_backdoor.sh", 45),
    ("setup_suid_backdoor.sh", 73), ("setup_system_binary_backdoor.sh", 101), ("setup_systemd.sh", 102),
    ("setup_udev.sh", 62), ("setup_web_shell.sh", 86), ("setup_web_shell.sh", 113), ("setup_xdg.sh", 85),
]


def panix() -> list[dict]:
    repo, ref = PANIX
    c = rev(repo, ref)
    out = []
    for mod, ln in PANIX_LINES:
        lines = show(repo, c, f"modules/{mod}").splitlines()
        out.append(dict(repo=repo, commit=c, path=f"modules/{mod}", line=ln, text=lines[ln - 1].strip()))
    return out


def pentest_wiki() -> list[dict]:
    repo, ref = PWIKI
    c = rev(repo, ref)
    out = []
    p = "1.Information-Gathering/Linux/README.md"
    heading = ""
    for i, s in enumerate(show(repo, c, p).splitlines(), 1):
        if s.startswith("#"):
            heading = s.lstrip("#").strip()
        m = re.match(r"^\|([^|*][^|]*)\|(.*)\|$", s)
        if m and not m.group(1).startswith(":"):
            for cmd in m.group(1).split("<BR>"):
                cmd = cmd.strip()
                if "`" in cmd:
                    continue
                out.append(dict(repo=repo, commit=c, path=p, line=i, heading=heading, command=cmd,
                                note=re.sub(r"\*\*|\[|\]\([^)]*\)", "", m.group(2)).strip()[:160]))
    p = "2.Vulnerability-Assessment/Database-Assessment/postgresql/postgresql_hacking.md"
    text = show(repo, c, p)
    if not re.search(r"\batomic", text, re.I):
        for i, s in enumerate(text.splitlines(), 1):
            if re.match(r"^\s*(postgres=#|template1=#|msf|\$|#\s*psql)", s) or re.search(r"\b(SELECT|COPY|CREATE)\b", s):
                out.append(dict(repo=repo, commit=c, path=p, line=i, heading="postgresql", command=s.strip(), note=""))
    return out


# Vault CLI docs: hashicorp/vault is over the fetch size limit, so these examples were read one page at a time
# with the read_file tool (repository, path, commit as returned). (command, the sentence above it, path, commit)
VAULT = [
    ("vault kv destroy -mount=secret -versions=11 creds", 'Destroy version 11 of the key "creds":',
     "website/content/docs/commands/kv/destroy.mdx", "06df5b9d9561b15492807b4fe96bf5630752af07"),
    ("vault audit disable file/", "Disable a file-type audit device at the default path, `file/`:",
     "website/content/docs/commands/audit/disable.mdx", "1a8b84644f444a5be37b1fc16324e7b87ae33cb7"),
    ("vault audit disable audit/kv-socket/", "Disable a socket audit device at the path `audit/kv-socket`:",
     "website/content/docs/commands/audit/disable.mdx", "1a8b84644f444a5be37b1fc16324e7b87ae33cb7"),
    ("vault operator seal", "Seal a Vault server:",
     "website/content/docs/commands/operator/seal.mdx", "2e4af81deb4a2d00d1441bd1541b17a7d031cc54"),
    ("vault kv get -mount=secret creds", 'Retrieve the data of the key "creds":',
     "website/content/docs/commands/kv/get.mdx", "0ee9a3604ed41d3cd559d30e64b68bf1c118e2ae"),
    ("vault kv get -mount=secret -field=passcode creds", 'Return only the "creds" "passcode" key:',
     "website/content/docs/commands/kv/get.mdx", "0ee9a3604ed41d3cd559d30e64b68bf1c118e2ae"),
    ("vault lease revoke database/creds/readonly/27e1b9a1-27b8-83d9-9fe0-d99d786bdc83", "Revoke a lease:",
     "website/content/docs/commands/lease/revoke.mdx", "0ace6640d4f08c3df1198be68ff768bda56121d0"),
    ("vault lease revoke -prefix database/creds", "Revoke a lease which starts with a prefix:",
     "website/content/docs/commands/lease/revoke.mdx", "0ace6640d4f08c3df1198be68ff768bda56121d0"),
    ("vault audit enable file file_path=/tmp/my-file.txt", 'Enable the audit device "file" enabled at "file/":',
     "website/content/docs/commands/audit/enable.mdx", "162888f0abd1935f8beee9086012bdd8b333679d"),
    ("vault kv put -mount=secret creds passcode=my-long-passcode", 'Writes the data to the key "creds":',
     "website/content/docs/commands/kv/put.mdx", "0a7434acdd8044944d6f655a0d9b8c4d2e9baf8f"),
    ("vault kv list secret/my-app/", 'List values under the key "my-app":',
     "website/content/docs/commands/kv/list.mdx", "066e1556997e0e2c9c9aa3cfd5ef6ea878c48e6f"),
    ("vault kv metadata delete -mount=secret creds", 'Deletes all versions and metadata of the key "creds":',
     "website/content/docs/commands/kv/metadata/delete.mdx", "218004743b709803e426c2a214a2096b6009fe5b"),
    ("vault operator raft snapshot save raft.snap",
     "Saves a snapshot of the current state of the Raft cluster into `raft.snap`:",
     "website/content/docs/commands/operator/raft/snapshot/save.mdx", "b2f2e05aaf5c3617add2b2bf7020c48f70ef18b6"),
    ("vault operator step-down", "Force a Vault server to step down as the leader:",
     "website/content/docs/commands/operator/step-down.mdx", "085996f5127a610e8c8ba31af4ab6969012a092d"),
]


def vault() -> list[dict]:
    return [dict(repo="hashicorp/vault", commit=c, path=p, prose=pr, command=cmd) for cmd, pr, p, c in VAULT]


def main() -> None:
    data = {"nomad": nomad(), "opensearch": opensearch(), "panix": panix(), "pentest_wiki": pentest_wiki(),
            "vault": vault()}
    (GEN / "extracted.json").write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n")
    for k, v in data.items():
        print(k, len(v))


if __name__ == "__main__":
    main()
