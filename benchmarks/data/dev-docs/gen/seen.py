"""Documented commands of pages read with the search tool's read_file (repositories too large
to fetch), exactly as they appear on the page at the commit given. The build refuses a row whose
command is not listed here."""

from __future__ import annotations

from typing import Any

WUD = "hashicorp/web-unified-docs"
TFC = "366a3add1f4fd1623c8776d989eaeb18d360478a"
TF = "content/terraform/v1.14.x/docs/cli/commands"

SEEN: dict[str, list[dict[str, Any]]] = {
    "terraform": [
        {"repo": WUD, "commit": TFC, "path": f"{TF}/destroy.mdx",
         "commands": ["terraform apply -destroy", "terraform plan -destroy",
                      "terraform destroy -target aws_instance.example"]},
        {"repo": WUD, "commit": TFC, "path": f"{TF}/state/rm.mdx",
         "commands": ["terraform state rm 'packet_device.worker'",
                      "terraform state rm 'module.foo.packet_device.worker'",
                      "terraform state rm 'module.foo'",
                      "terraform state rm 'packet_device.worker[0]'",
                      "terraform state rm 'packet_device.worker[\"example\"]'"]},
        {"repo": WUD, "commit": TFC, "path": f"{TF}/apply.mdx",
         "commands": ["terraform apply -var='env=prod'",
                      "terraform apply -var-file='my-vars.tfvars'",
                      "terraform apply -invoke='action.aws_lambda_invoke.test[\"first-member-of-a-set\"]'",
                      "-auto-approve"]},
        {"repo": WUD, "commit": TFC, "path": f"{TF}/force-unlock.mdx",
         "commands": ["terraform force-unlock [options] LOCK_ID", "-force"]},
    ],
    "postgres": [
        {"repo": "postgres/postgres", "commit": "012ffb365a05694e392bf96c8363d119bd19534c",
         "path": "doc/src/sgml/ref/pg_dump.sgml",
         "commands": ["pg_dump mydb > db.sql", "psql -d newdb -f db.sql", "pg_dump -Fc mydb > db.dump",
                      "pg_dump -Fd mydb -f dumpdir", "pg_dump -Fd mydb -j 5 -f dumpdir",
                      "pg_restore -d newdb db.dump", "pg_restore -d postgres --clean --create db.dump",
                      "pg_dump -t mytab mydb > db.sql",
                      "pg_dump -t 'detroit.emp*' -T detroit.employee_log mydb > db.sql",
                      "pg_dump -n 'east*gsm' -n 'west*gsm' -N '*test*' mydb > db.sql",
                      "pg_dump -T 'ts_*' mydb > db.sql"]},
        {"repo": "postgres/postgres", "commit": "005a1217fbae15f3d84206a7b42b715c80f96a47",
         "path": "doc/src/sgml/ref/pg_restore.sgml",
         "commands": ["pg_dump -Ft -b mydb > db.tar", "pg_restore -d newdb db.tar",
                      "pg_restore -l archive.file > archive.list",
                      "pg_restore -L archive.list archive.file"]},
    ],
    "systemd": [
        {"repo": "systemd/systemd", "commit": "018333725f9d8565a47abc54b7a6e301e8492f39",
         "path": "man/systemd-run.xml",
         "commands": ["systemd-run env", "journalctl -u run-19945.service",
                      "systemd-run -p BlockIOWeight=10 updatedb",
                      "systemd-run --on-active=30 --timer-property=AccuracySec=100ms /bin/touch /tmp/foo",
                      "journalctl -b -u run-71.timer", "systemd-run -t --send-sighup /bin/bash",
                      "systemd-run --scope --user screen", "loginctl enable-linger",
                      "systemd-run --user --wait true",
                      "systemd-run --user --wait -p SuccessExitStatus=11 bash -c 'exit 11'"]},
    ],
    "gradle": [
        {"repo": "gradle/gradle", "commit": "1381548ed1c05e17395955c458160ba8c6748a0a",
         "path": "platforms/documentation/docs/src/docs/userguide/running-builds/features/command_line_interface.adoc",
         "commands": ["gradle :myTask", "gradle test deploy", "gradle clean build", "gradle dist --exclude-task test",
                      "gradle test --rerun-tasks", "gradle test --continue", "gradle clean", "gradle projects",
                      "gradle tasks --all", "gradle dependencies", "gradle -q help --task libs",
                      "gradle myTask --scan"]},
        {"repo": "gradle/gradle", "commit": "1381548ed1c05e17395955c458160ba8c6748a0a",
         "path": "platforms/documentation/docs/src/docs/userguide/running-builds/features/gradle_daemon.adoc",
         "commands": ["gradle --status", "gradle --stop", "./gradlew updateDaemonJvm --jvm-version=17",
                      'mkdir -p ~/.gradle && echo "org.gradle.daemon=false" >> ~/.gradle/gradle.properties',
                      "org.gradle.daemon=true"]},
    ],
    "journalctl": [
        {"repo": "systemd/systemd", "commit": "0022adf6a333533b715acc739aef5f37d600a661",
         "path": "man/journalctl.xml",
         "commands": ["journalctl _SYSTEMD_UNIT=avahi-daemon.service _PID=28097",
                      "journalctl /usr/bin/dbus-daemon", "journalctl -k -b -1", "journalctl -f -u apache",
                      "--vacuum-size=", "--vacuum-time=", "--rotate"]},
    ],
    "grafana": [
        {"repo": "grafana/grafana", "commit": "00f489dbba0f67054565a81a61bb9a1cae575043",
         "path": "docs/sources/developers/http_api/annotations.md",
         "commands": ["GET /api/annotations?from=1506676478816&to=1507281278816&tags=tag1&tags=tag2&limit=100",
                      "POST /api/annotations", "POST /api/annotations/graphite",
                      "PATCH /api/annotations/1145", "DELETE /api/annotations/1",
                      "GET /api/annotations/tags?tag=out"]},
        {"repo": "grafana/grafana", "commit": "05860939c27cbe5967fa6b5a212a02f08796d286",
         "path": "docs/sources/developers/http_api/folder.md",
         "commands": ["GET /api/folders?limit=10", "GET /api/folders/nErXDvCkzzh", "POST /api/folders",
                      "PUT /api/folders/nErXDvCkzz", "DELETE /api/folders/nErXDvCkzz",
                      "POST /api/folders/a5393ec3-5568-4e88-8809-b866968ae8a6/move"]},
    ],
}
