"""Hand-picked rows from official install/admin documentation and service files.

Each row: (repo, path, commit, licence, provenance, task, tool, args, category, description).
Commands are the docs' own text (joined with && or newlines where the docs give them as one
step); `adapted` rows fill a placeholder or turn a sentence of the docs into the command."""

from __future__ import annotations

V, A = "verbatim", "adapted"
NGINX = ("nginx/documentation", "76d2906026e513dda715e6017c2b268326ef0098", "BSD-2-Clause")
NGX_OSS = "content/nginx/admin-guide/installing-nginx/installing-nginx-open-source.md"
AZ = ("MicrosoftDocs/azure-docs-cli", "e97b361d00a5deca1759cc063e05ae2d53ea95e0", "CC-BY-4.0")
AZ_APT = "docs-ref-conceptual/Latest-version/includes/cli-install-linux-apt.md"
VDOC = ("valkey-io/valkey-doc", "fe8f96a2985efbae06a03805cd3f86811907d26a", "CC-BY-SA-4.0")
PDOC = ("prometheus/docs", "c105550aad07161f62d02e305ed09799ec6025fa", "Apache-2.0")
NE = ("prometheus/node_exporter", "a7dcc3a01545180d4f2087db70994cbc3abfed13", "Apache-2.0")
MC = ("memcached/memcached", "2d51e364799bc9698bd4b11728ea978cea12da6e", "BSD-3-Clause")
PGB = ("pgbouncer/pgbouncer", "13a344f2625381296fc02e29b986a11be9c6b983", "ISC")
VK = ("valkey-io/valkey", "55bbbe09a3b37a98c907dbfbc225768ff253e84f", "BSD-3-Clause")


def b(cmd: str) -> dict:
    return {"command": cmd}


NODE_EXPORTER_UNIT = """[Unit]
Description=Node Exporter
Requires=node_exporter.socket

[Service]
User=node_exporter
# Fallback when environment file does not exist
Environment=OPTIONS=
EnvironmentFile=-/etc/sysconfig/node_exporter
ExecStart=/usr/sbin/node_exporter --web.systemd-socket $OPTIONS

[Install]
WantedBy=multi-user.target
"""

PGBOUNCER_UNIT = """[Unit]
Description=connection pooler for PostgreSQL
Documentation=man:pgbouncer(1)
Documentation=https://www.pgbouncer.org/
After=network-online.target
Wants=network-online.target

[Service]
Type=notify
User=postgres
ExecStart=/usr/bin/pgbouncer /etc/pgbouncer/pgbouncer.ini
ExecReload=/bin/kill -HUP $MAINPID
KillSignal=SIGINT
Restart=on-failure

[Install]
WantedBy=multi-user.target
"""

VALKEY_UNIT = """[Unit]
Description=Valkey data structure server
Documentation=https://github.com/valkey-io/valkey-doc
Wants=network-online.target
After=network-online.target

[Service]
ExecStart=/usr/local/bin/valkey-server --supervised systemd --daemonize no
LimitNOFILE=10032
NoNewPrivileges=yes
Type=notify
TimeoutStartSec=infinity
TimeoutStopSec=infinity
UMask=0077

[Install]
WantedBy=multi-user.target
"""

ROWS = [
    # nginx official install docs (Ubuntu packages from nginx.org)
    (*NGINX[:2], NGINX[2], NGX_OSS, V, "Install nginx from the Ubuntu repositories on this server",
     "bash", b("sudo apt update -y && \\\nsudo apt install nginx"), "docs/packages",
     "Installs the distribution's nginx package with apt"),
    (*NGINX[:2], NGINX[2], NGX_OSS, V,
     "Set up the official nginx.org apt repo on this Ubuntu box: first install the prerequisites",
     "bash", b("sudo apt update && \\\nsudo apt install curl \\\n                 gnupg2 \\\n"
               "                 ca-certificates \\\n                 lsb-release \\\n"
               "                 ubuntu-keyring"), "docs/packages",
     "Installs curl, gnupg2 and keyring packages needed to add the nginx repository"),
    (*NGINX[:2], NGINX[2], NGX_OSS, V, "Import nginx's official signing key so apt can verify the nginx.org packages",
     "bash", b("curl https://nginx.org/keys/nginx_signing.key | gpg --dearmor \\\n"
               "    | sudo tee /usr/share/keyrings/nginx-archive-keyring.gpg >/dev/null"),
     "docs/repo_key", "Downloads the nginx signing key, dearmors it and writes it to the keyring dir"),
    (*NGINX[:2], NGINX[2], NGX_OSS, V, "Check that the nginx keyring file I just downloaded has the right fingerprints",
     "bash", b("gpg --dry-run --quiet --no-keyring --import --import-options import-show "
               "/usr/share/keyrings/nginx-archive-keyring.gpg"), "docs/verify",
     "Prints the key fingerprints without importing them"),
    (*NGINX[:2], NGINX[2], NGX_OSS, V, "Add the nginx.org stable apt repository for this Ubuntu release",
     "bash", b("echo \"deb [signed-by=/usr/share/keyrings/nginx-archive-keyring.gpg] \\\n"
               "https://nginx.org/packages/ubuntu `lsb_release -cs` nginx\" \\\n"
               "    | sudo tee /etc/apt/sources.list.d/nginx.list"), "docs/apt_source",
     "Writes an apt source list entry for nginx.org"),
    (*NGINX[:2], NGINX[2], NGX_OSS, V, "Pin apt to prefer the official nginx.org packages over Ubuntu's",
     "bash", b("echo -e \"Package: *\\nPin: origin nginx.org\\nPin: release o=nginx\\nPin-Priority: 900\\n\" \\\n"
               "    | sudo tee /etc/apt/preferences.d/99nginx"), "docs/apt_pin",
     "Writes an apt preferences file that pins nginx.org packages"),
    (*NGINX[:2], NGINX[2], NGX_OSS, V, "Start the nginx I just installed and check it answers locally",
     "bash", b("sudo nginx && curl -I 127.0.0.1"), "docs/service",
     "Starts nginx and sends a HEAD request to localhost"),
    (*NGINX[:2], NGINX[2], NGX_OSS, V, "Show which configure arguments our nginx binary was built with",
     "bash", b("nginx -V 2>&1 | awk -F: '/configure arguments/ {print $2}' | xargs -n1"),
     "docs/inspect", "Lists the compile-time configure flags one per line"),
    (*NGINX[:2], NGINX[2], "content/nginx/admin-guide/basic-functionality/runtime-control.md", A,
     "I edited /etc/nginx/nginx.conf; test the config and reload nginx",
     "bash", b("sudo nginx -t && sudo nginx -s reload"), "docs/service",
     "Checks the configuration and sends nginx the reload signal"),
    # Azure CLI install docs
    (*AZ[:2], AZ[2], AZ_APT, V, "Install the Azure CLI on this Ubuntu machine with Microsoft's one-line installer",
     "bash", b("curl -fsSL 'https://azurecliprod.blob.core.windows.net/$root/deb_install.sh' | sudo bash"),
     "docs/official_installer", "Runs Microsoft's official Azure CLI install script as root"),
    (*AZ[:2], AZ[2], AZ_APT, V, "Install the Azure CLI step by step: first the packages the apt repo setup needs",
     "bash", b("sudo apt-get update\nsudo apt-get install apt-transport-https ca-certificates curl gnupg lsb-release"),
     "docs/packages", "Installs prerequisites for adding the Microsoft apt repository"),
    (*AZ[:2], AZ[2], AZ_APT, V, "Add Microsoft's package signing key for the Azure CLI apt repo",
     "bash", b("sudo mkdir -p /etc/apt/keyrings\ncurl -sLS https://packages.microsoft.com/keys/microsoft.asc |\n"
               "  gpg --dearmor | sudo tee /etc/apt/keyrings/microsoft.gpg > /dev/null\n"
               "sudo chmod go+r /etc/apt/keyrings/microsoft.gpg"), "docs/repo_key",
     "Downloads Microsoft's key into /etc/apt/keyrings and makes it readable"),
    (*AZ[:2], AZ[2], AZ_APT, V, "Add the azure-cli apt source and install the Azure CLI",
     "bash", b("AZ_DIST=$(lsb_release -cs)\necho \"Types: deb\nURIs: https://packages.microsoft.com/repos/azure-cli/\n"
               "Suites: ${AZ_DIST}\nComponents: main\nArchitectures: $(dpkg --print-architecture)\n"
               "Signed-by: /etc/apt/keyrings/microsoft.gpg\" | sudo tee /etc/apt/sources.list.d/azure-cli.sources\n"
               "sudo apt-get update\nsudo apt-get install azure-cli"), "docs/apt_source",
     "Writes the azure-cli deb822 source file, then installs azure-cli"),
    (*AZ[:2], AZ[2], AZ_APT, V, "Pin the Azure CLI to version 2.51.0 on this machine",
     "bash", b("AZ_DIST=$(lsb_release -cs)\nAZ_VER=2.51.0\nsudo apt-get install azure-cli=${AZ_VER}-1~${AZ_DIST}"),
     "docs/packages", "Installs a specific azure-cli package version"),
    # Valkey docs
    (*VDOC[:2], VDOC[2], "topics/installation.md", V, "Install Valkey on this Ubuntu server, with the redis-cli compatibility links",
     "bash", b("sudo apt update\nsudo apt install valkey\nsudo apt install valkey-redis-compat"),
     "docs/packages", "Installs Valkey and its redis-* compatibility symlinks"),
    (*VDOC[:2], VDOC[2], "topics/installation.md", V, "Install Valkey and its man pages on our Fedora host",
     "bash", b("sudo dnf install valkey\nsudo dnf install valkey-compat-redis\nsudo dnf install valkey-doc"),
     "docs/packages", "Installs Valkey packages with dnf"),
    (*VDOC[:2], VDOC[2], "topics/installation.md", V, "Install Valkey with Homebrew and run it as a service on my Mac",
     "bash", b("brew install valkey\nbrew services start valkey\nbrew services info valkey"),
     "docs/service", "Installs Valkey and starts it as a launchd service"),
    (*VDOC[:2], VDOC[2], "topics/admin.md", A,
     "Background saves on our Valkey box fail with fork() errors; apply the overcommit setting the admin guide recommends",
     "bash", b("echo 'vm.overcommit_memory = 1' | sudo tee -a /etc/sysctl.conf && sudo sysctl vm.overcommit_memory=1"),
     "docs/sysctl", "Persists vm.overcommit_memory=1 in sysctl.conf and applies it now"),
    (*VDOC[:2], VDOC[2], "topics/admin.md", A,
     "Disable transparent huge pages on the Valkey server as the admin guide says, then restart Valkey",
     "bash", b("echo never | sudo tee /sys/kernel/mm/transparent_hugepage/enabled && sudo systemctl restart valkey"),
     "docs/sysctl", "Turns off THP (the docs' `echo never > ...enabled`) and restarts the service"),
    (*VDOC[:2], VDOC[2], "topics/latency.md", V, "Find out whether fdatasync is what makes our Valkey slow: trace it",
     "bash", b("sudo strace -p $(pidof valkey-server) -T -e trace=fdatasync"), "docs/debug",
     "Attaches strace to valkey-server and times fdatasync calls"),
    (*VDOC[:2], VDOC[2], "topics/migration.md", A,
     "Start a Valkey container that loads the RDB dump I copied from our Redis container into ./data",
     "bash", b("docker run -d --name valkey-container-name -v \"$PWD/data\":/data valkey/valkey"),
     "docs/docker_run", "Runs Valkey in Docker with the dump directory mounted"),
    (*VDOC[:2], VDOC[2], "topics/migration.md", V, "Copy the RDB dump out of our old Redis container so Valkey can load it",
     "bash", b("docker cp myredis:/data/dump.rdb ./data/dump.rdb"), "docs/docker",
     "Copies the dump file from the container to the host"),
    # Prometheus docs: node exporter guide
    (*PDOC[:2], PDOC[2], "docs/guides/node-exporter.md", V, "Download node_exporter 1.10.2 for Linux and run it to try it out",
     "bash", b("wget https://github.com/prometheus/node_exporter/releases/download/v1.10.2/node_exporter-1.10.2.linux-amd64.tar.gz\n"
               "tar xvfz node_exporter-1.10.2.linux-amd64.tar.gz\ncd node_exporter-1.10.2.linux-amd64\n./node_exporter"),
     "docs/download", "Downloads, unpacks and starts node_exporter"),
    (*PDOC[:2], PDOC[2], "docs/guides/node-exporter.md", V, "Check that node_exporter is serving metrics",
     "bash", b("curl http://localhost:9100/metrics"), "docs/http", "Fetches the local metrics page"),
    # systemd units shipped in the projects
    (NE[0], NE[1], NE[2], "examples/systemd/node_exporter.service", V,
     "Install node_exporter as a systemd service: put the example unit from examples/systemd in place",
     "write_file", {"path": "/etc/systemd/system/node_exporter.service", "content": NODE_EXPORTER_UNIT},
     "service/unit_file", "Writes the project's example systemd unit"),
    (NE[0], NE[1], NE[2], "examples/systemd/README.md", A,
     "Create the node_exporter service user and textfile directory the systemd example needs",
     "bash", b("sudo useradd --system --shell /sbin/nologin node_exporter && "
               "sudo mkdir -p /var/lib/node_exporter/textfile_collector && "
               "sudo chown node_exporter:node_exporter /var/lib/node_exporter/textfile_collector"),
     "service/user", "Creates a no-login system user and its collector directory (the README in words)"),
    (NE[0], NE[1], NE[2], "examples/systemd/README.md", A,
     "Install the node_exporter unit and socket files from examples/systemd and start the service",
     "bash", b("sudo cp examples/systemd/node_exporter.service examples/systemd/node_exporter.socket /etc/systemd/system/ && "
               "sudo cp examples/systemd/sysconfig.node_exporter /etc/sysconfig/node_exporter && "
               "sudo systemctl daemon-reload && sudo systemctl enable --now node_exporter.socket node_exporter.service"),
     "service/enable", "Copies unit files into /etc/systemd/system, reloads systemd and enables the service"),
    (MC[0], MC[1], MC[2], "scripts/memcached.service", A,
     "Run our source-built memcached under systemd using the unit in scripts/",
     "bash", b("sudo cp scripts/memcached.sysconfig /etc/sysconfig/memcached && "
               "sudo cp scripts/memcached.service /etc/systemd/system/ && "
               "sudo systemctl daemon-reload && sudo systemctl enable --now memcached"),
     "service/enable", "Installs the project's unit and sysconfig file and enables memcached"),
    (PGB[0], PGB[1], PGB[2], "etc/pgbouncer.service", A,
     "Set up PgBouncer as a systemd service with the example unit from etc/ (paths already match)",
     "write_file", {"path": "/etc/systemd/system/pgbouncer.service", "content": PGBOUNCER_UNIT},
     "service/unit_file", "Writes the project's example unit, comments dropped"),
    (PGB[0], PGB[1], PGB[2], "etc/pgbouncer.service", A,
     "Enable and start the pgbouncer service I just installed, then reload it after editing pgbouncer.ini",
     "bash", b("sudo systemctl daemon-reload && sudo systemctl enable --now pgbouncer && sudo systemctl reload pgbouncer"),
     "service/enable", "Enables, starts and reloads pgbouncer (ExecReload sends HUP)"),
    (VK[0], VK[1], VK[2], "utils/systemd-valkey_server.service", A,
     "Install the example valkey-server systemd unit from utils/ for our /usr/local build",
     "write_file", {"path": "/etc/systemd/system/valkey.service", "content": VALKEY_UNIT},
     "service/unit_file", "Writes the project's example unit, comments dropped"),
    (VK[0], VK[1], VK[2], "utils/systemd-valkey_server.service", A,
     "Start the valkey service now and on boot",
     "bash", b("sudo systemctl daemon-reload && sudo systemctl enable --now valkey.service && systemctl status valkey --no-pager"),
     "service/enable", "Enables and starts valkey, then shows its status"),
]
