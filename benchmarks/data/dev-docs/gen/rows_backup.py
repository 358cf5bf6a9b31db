"""restic and BorgBackup documentation rows (safe, plus a few non-shell actions)."""

from __future__ import annotations

from typing import Any

from common import bash, row

RESTIC_PW = "export RESTIC_PASSWORD_FILE=~/.config/restic/pw\n"


def rows() -> list[dict[str, Any]]:
    R: list[dict[str, Any]] = []
    r = R.append
    # ---- restic
    r(row("restic", "restic -r /srv/restic-repo backup ~/work --exclude=\"*.c\" --exclude-file=excludes.txt",
          "Back up my ~/work folder into the restic repo at /srv/restic-repo, but skip the C sources and "
          "whatever is listed in excludes.txt.", "backup/create", "restic backup of ~/work with exclude patterns"))
    r(row("restic", "restic -r /srv/restic-repo snapshots",
          "Which restic snapshots do we have in /srv/restic-repo? Just list them.", "backup/inspect",
          "Lists snapshots of a local restic repository"))
    r(row("restic", "restic -r /srv/restic-repo check --read-data-subset=1/5",
          "It's Monday, so verify the first fifth of the pack data in the backup repo (/srv/restic-repo), as our "
          "rotation says.", "backup/verify", "restic integrity check reading 1/5 of the data"))
    r(row("restic", "restic -r /srv/restic-repo restore latest --path /home/art --host luigi --target /tmp/restore",
          "Art deleted half his home directory on luigi. Restore the latest backup of /home/art into /tmp/restore "
          "so he can pick what he needs.", "backup/restore", "Restores the latest snapshot into /tmp/restore"))
    r(row("restic", "restic -r /srv/restic-repo restore --target /tmp/restore --dry-run --verbose=2 latest",
          "Before we restore anything, show me what a restore of the latest snapshot would write, without "
          "writing it.", "backup/restore", "Dry-run restore listing the files"))
    r(row("restic", "restic forget --keep-last 1 --prune",
          "The test repo in $RESTIC_REPOSITORY is only for my experiments; keep only the newest snapshot and "
          "actually free the space.", "backup/prune", "Forgets all but the last snapshot and prunes the data"))
    r(row("restic", "restic forget --keep-within-daily 7d --dry-run",
          "Show which snapshots a keep-daily-for-a-week policy would drop. Don't delete anything yet.",
          "backup/prune", "Dry-run of a retention policy"))
    r(row("restic", "restic -r /srv/restic-repo forget bdbd3439",
          "Snapshot bdbd3439 was taken while the disk was half-mounted and is garbage. Remove that one snapshot "
          "from /srv/restic-repo.", "backup/prune", "Removes one named snapshot (no prune)"))
    r(row("restic", "restic -r /srv/restic-repo rewrite --exclude secret-file",
          "Someone backed up secret-file by mistake. Rewrite the snapshots in /srv/restic-repo so it is no longer "
          "in them.", "backup/rewrite", "Rewrites snapshots without one file"))
    r(row("restic", "restic -r /srv/restic-repo dump latest /home/other/work > restore.tar",
          "Give me a tarball of /home/other/work from the most recent backup, in the current folder.",
          "backup/restore", "Dumps a folder of the latest snapshot as tar"))
    r(row("restic", "restic -r /srv/restic-repo-copy copy --from-repo /srv/restic-repo --verbose",
          "Copy every snapshot from /srv/restic-repo into our second repo at /srv/restic-repo-copy.",
          "backup/copy", "Copies snapshots between two local repositories"))
    r(row("restic", "restic -r /srv/restic-repo find --snapshot latest file1.txt",
          "Is file1.txt in last night's backup?", "backup/inspect", "Searches the latest snapshot for a file"))
    r(row("restic", "restic repair index",
          "restic keeps complaining the index is damaged after the NAS crashed. Rebuild the index.",
          "backup/repair", "Rebuilds the repository index"))
    r(row("restic", "restic -r /srv/restic-repo key add",
          "Add a second password to the backup repository at /srv/restic-repo for my colleague.",
          "backup/keys", "Adds a new key (password) to the repository"))
    r(row("restic", "restic stats --host myserver latest",
          "How big is the latest backup of myserver?", "backup/inspect", "Shows repository statistics"))
    r(row("restic", "restic -r /srv/restic-repo tag --set NL --set CH 590c8fc8",
          "Tag snapshot 590c8fc8 with NL and CH, replacing whatever tags it has.", "backup/tags",
          "Sets tags on a snapshot"))
    r(row("restic", "restic -r sftp:user@host:/srv/restic-repo init",
          "Set up a new restic repository on our backup host over SFTP at /srv/restic-repo (user 'user', host "
          "'host' as in my ssh config).", "backup/create", "Initialises a repository over SFTP"))
    r(row("restic", "restic -r /srv/restic-repo backup --one-file-system / /media/usb",
          "Full backup of the root file system and the USB disk to /srv/restic-repo, without crossing into "
          "other mounts.", "backup/create", "Backs up / and /media/usb on one file system each"))
    r(row("restic", "restic -r /srv/restic-repo list snapshots",
          "Print the raw snapshot IDs in the repo.", "backup/inspect", "Lists snapshot files"))
    r(row("restic", "restic forget --keep-last 1 --prune", "Housekeeping on the restic repo that backs up my laptop "
          "scratch folder: I only care about the newest copy there. Check what's in it first, then trim it.",
          "backup/prune", "Prunes after listing snapshots",
          steps=[bash("restic snapshots")]))
    r(row("restic", "restic -r /srv/restic-repo diff 5845b002:/restic 2ab627a6:/restic",
          "What changed under /restic between snapshots 5845b002 and 2ab627a6?", "backup/inspect",
          "Diffs two snapshots"))
    r(row("restic", "forget --keep-daily 5", "Our retention for the staging box is 7 daily, 4 weekly, 6 monthly snapshots. "
          "Apply it to the staging restic repo and prune.", "backup/prune",
          "forget with a documented keep policy and --prune",
          run="restic -r /srv/restic-repo forget --keep-daily 7 --keep-weekly 4 --keep-monthly 6 --prune",
          fragment=True))
    r(row("restic", "forget --keep-daily 5", "Write the weekly backup script for my homelab at ~/bin/backup.sh: back up /etc and "
          "/home to the restic repo on the NAS, then apply a 7 daily/4 weekly retention.", "backup/script",
          "Writes a backup script from the documented commands", tool="write_file", fragment=True,
          args={"path": "/home/me/bin/backup.sh", "content": "#!/bin/sh\nset -eu\n" + RESTIC_PW +
                "export RESTIC_REPOSITORY=sftp:nas:/srv/restic-repo\nrestic backup /etc /home --exclude-caches\n"
                "restic forget --keep-daily 7 --keep-weekly 4 --prune\nrestic check\n"}))
    # ---- borg
    r(row("borg", "borg create my-documents ~/Documents",
          "Make a borg archive called my-documents of ~/Documents in the repo I already set BORG_REPO for.",
          "backup/create", "Creates a borg archive"))
    r(row("borg", "borg prune --verbose --list -d 7 logs",
          "The 'logs' archives in the borg repo: keep just the last 7 days and show me what goes.",
          "backup/prune", "Prunes borg archives with a 7-day policy"))
    r(row("borg", "borg prune '{hostname}' --list --show-rc --keep-daily 7 --keep-weekly 4 --keep-monthly 6",
          "Apply the usual 7/4/6 retention to this host's borg archives.", "backup/prune",
          "Prunes archives matching the hostname"))
    r(row("borg", "borg delete -a 'sh:*-2012-*'",
          "We no longer need anything from 2012 in the borg repo. Delete those archives.", "backup/prune",
          "Deletes archives whose names contain -2012-"))
    r(row("borg", "borg delete --list --dry-run -a 'sh:*-May-*'",
          "Which archives would go if I deleted all the May ones? Dry run only.", "backup/prune",
          "Dry-run delete"))
    r(row("borg", "borg compact",
          "I deleted some archives yesterday but the disk is still full. Free the space in the borg repo.",
          "backup/prune", "Compacts the repository",
          steps=[bash("borg delete -a 'sh:*-2012-*'")]))
    r(row("borg", "borg extract --dry-run my-files",
          "Test that the my-files archive can be extracted, without writing files.", "backup/verify",
          "Dry-run extraction"))
    r(row("borg", "borg extract my-files home/USERNAME/src --exclude '*.o'",
          "Get my src folder back out of the my-files archive (skip object files).", "backup/restore",
          "Extracts one folder without .o files"))
    r(row("borg", "borg mount /tmp/mymountpoint",
          "Mount the borg repo at /tmp/mymountpoint so I can browse the archives.", "backup/inspect",
          "FUSE-mounts the repository"))
    r(row("borg", "borg umount /mnt/borg", "I'm done browsing the backup, unmount /mnt/borg.", "backup/inspect",
          "Unmounts a borg mount"))
    r(row("borg", "borg key export --paper encrypted-key-backup.txt",
          "Make a printable backup of the borg repo key so we can put it in the safe.", "backup/keys",
          "Exports the repository key for paper backup"))
    r(row("borg", "borg diff archive1 archive2", "What changed between archive1 and archive2?", "backup/inspect",
          "Diffs two archives"))
    r(row("borg", "borg find 'sh:**/*.jpg' --last 3", "Find the jpgs in the last three archives.", "backup/inspect",
          "Searches archives for files"))
    r(row("borg", "borg create --compression zstd,N arch ~",
          "Archive my home directory with zstd compression, level 3.", "backup/create",
          "Creates a compressed archive", run="borg create --compression zstd,3 arch ~"))
    r(row("borg", "borg list root-2016-02-15", "List the contents of the root-2016-02-15 archive.",
          "backup/inspect", "Lists an archive"))
    r(row("borg", "borg create '{fqdn}-root' /", "Take a full borg archive of / on this server, named after its FQDN.",
          "backup/create", "Archives the root file system"))
    r(row("borg", "borg export-tar archive-name - | tar --compare -f - -C /path/to/compare/to",
          "Compare the archive archive-name with what is on disk under /path/to/compare/to, read-only.",
          "backup/verify", "Compares an archive with the file system"))
    return R
