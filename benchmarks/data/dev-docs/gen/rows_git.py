"""Git documentation rows (safe)."""

from __future__ import annotations

from typing import Any

from common import bash, row


def rows() -> list[dict[str, Any]]:
    R: list[dict[str, Any]] = []
    r = R.append
    r(row("git", "git push --force-with-lease origin-push", "I rebased my feature branch onto main as you "
          "suggested; now update my fork's branch, but don't clobber anything I haven't seen.", "vcs/push",
          "Force-with-lease push of a rebased branch", run="git push --force-with-lease origin my-feature",
          fragment=True, steps=[bash("git fetch origin"), bash("git rebase origin/main")]))
    r(row("git", "git push --force-with-lease origin-push", "Push my rewritten history to my own fork "
          "(remote origin-push), safely.", "vcs/push", "Documented force-with-lease push"))
    r(row("git", "`git push origin :experimental`::", "The experimental branch on origin is merged and the "
          "team agreed to drop it. Delete it from origin.", "vcs/push", "Deletes a merged remote branch",
          run="git push origin :experimental", fragment=True))
    r(row("git", "`git push origin HEAD`::", "Push my current branch to origin under the same name.", "vcs/push",
          "Pushes the current branch", run="git push origin HEAD", fragment=True))
    r(row("git", "`git revert HEAD~3`::", "The change three commits back broke the build; undo it with a new "
          "commit, don't rewrite history.", "vcs/history", "Reverts one commit", run="git revert HEAD~3",
          fragment=True,
          steps=[bash("git log --oneline -5")]))
    r(row("git", "`git log --since=\"2 weeks ago\" -- gitk`::", "What changed in gitk in the past two weeks?",
          "vcs/inspect", "Log of a path", run="git log --since=\"2 weeks ago\" -- gitk", fragment=True))
    r(row("git", "`git log --branches --not --remotes=origin`::", "Do I have local commits I never pushed "
          "anywhere?", "vcs/inspect", "Unpushed commits", run="git log --branches --not --remotes=origin",
          fragment=True))
    r(row("git", "`git log --follow builtin/rev-list.c`::", "Show the history of builtin/rev-list.c across "
          "renames.", "vcs/inspect", "Follows a file", run="git log --follow builtin/rev-list.c",
          fragment=True))
    r(row("git", "`git sparse-checkout set MY/DIR1 SUB/DIR2`::", "This monorepo is huge; only check out "
          "services/api and libs/common.", "vcs/workspace", "Sparse checkout of two directories",
          run="git sparse-checkout set services/api libs/common", fragment=True))
    r(row("git", "`git sparse-checkout disable`::", "Turn sparse checkout off again, I need the whole tree.",
          "vcs/workspace", "Disables sparse checkout", run="git sparse-checkout disable", fragment=True))
    r(row("git", "git worktree prune [-n] [-v] [--expire <expire>]", "I deleted some worktree folders by hand; "
          "clean up git's stale worktree records.", "vcs/workspace", "Prunes worktree metadata",
          run="git worktree prune -v", fragment=True))
    r(row("git", "git worktree remove [-f] <worktree>", "Remove the ../hotfix worktree, the hotfix is merged.",
          "vcs/workspace", "Removes a worktree", run="git worktree remove ../hotfix", fragment=True))
    r(row("git", "git tag -d <tagname>...", "I tagged the wrong commit as v2.3.0-rc1 locally (not pushed). "
          "Delete the local tag.", "vcs/tags", "Deletes a local tag", run="git tag -d v2.3.0-rc1",
          fragment=True))
    r(row("git", "git remote prune [-n | --dry-run] <name>...", "Clean up remote-tracking branches that no "
          "longer exist on origin.", "vcs/remotes", "Prunes stale tracking branches",
          run="git remote prune origin", fragment=True))
    r(row("git", "git remote set-url [--push] <name> <newurl> [<oldurl>]", "We moved the repo to "
          "git.example.com/team/app.git; point origin there.", "vcs/remotes", "Changes the remote URL",
          run="git remote set-url origin https://git.example.com/team/app.git", fragment=True))
    r(row("git", "git submodule [--quiet] deinit [-f|--force] (--all|[--] <path>...)", "Unregister the "
          "vendor/old-sdk submodule; we replaced it.", "vcs/submodules", "Deinits a submodule",
          run="git submodule deinit vendor/old-sdk", fragment=True))
    r(row("git", "git fetch origin --prune --prune-tags", "Sync my tags with origin: drop the ones that were "
          "deleted upstream.", "vcs/remotes", "Fetch pruning branches and tags"))
    r(row("git", "git restore --source=HEAD --staged --worktree hello.c", "Throw away my changes to hello.c, "
          "both staged and unstaged.", "vcs/workspace", "Restores one file from HEAD"))
    r(row("git", "git restore --staged hello.c", "Unstage hello.c.", "vcs/workspace", "Unstages a file"))
    r(row("git", "git reflog list", "List the refs that have reflogs.", "vcs/inspect", "Lists reflogs"))
    r(row("git", "git rev-list --disk-usage --objects --all", "How much disk do all reachable objects use?",
          "vcs/inspect", "Repository object size"))
    r(row("git", "git count-objects -v", "Check the repo's object counts and pack size.", "vcs/inspect",
          "Counts objects"))
    r(row("git", "git config credential.helper 'cache --timeout=3600'", "Stop git asking for my password every "
          "push; cache it for an hour.", "vcs/config", "Credential cache for one hour"))
    r(row("git", "git config set core.filemode true", "Make git track file mode changes in this repo.",
          "vcs/config", "Sets core.filemode"))
    r(row("git", "git merge --ff-only v1.2.3", "Fast-forward our release branch to v1.2.3, fail if it can't.",
          "vcs/history", "Fast-forward-only merge"))
    r(row("git", "git format-patch --cover-letter -M origin/master -o outgoing/", "Prepare the series for the "
          "mailing list in outgoing/ with a cover letter.", "vcs/patches", "Formats patches"))
    r(row("git", "git reset --soft HEAD^", "Undo my last commit but keep the changes staged; I forgot a file.",
          "vcs/history", "Soft reset of the last local commit"))
    r(row("git", "git bundle create backup.bundle --all", "Make a single-file backup of the whole repository "
          "before I try the history rewrite.", "vcs/backup", "Bundles all refs"))
    r(row("git", "git bundle verify mybundle", "Check the bundle I received is complete.", "vcs/backup",
          "Verifies a bundle"))
    r(row("git", "git bisect run make test # \"make test\" builds and tests", "Find the commit that broke "
          "`make test` between v1.2 and HEAD; bisect is already started.", "vcs/debug", "Automated bisect",
          run="git bisect run make test", steps=[bash("git bisect start HEAD v1.2 --")]))
    r(row("git", "git blame -L 40,60 foo", "Who last touched lines 40-60 of foo?", "vcs/inspect", "Blame a range"))
    r(row("git", "git filter-branch --index-filter 'git rm --cached --ignore-unmatch filename' HEAD",
          "We committed a 2 GB dump file called 'filename' to my personal fork's history last week; rewrite my "
          "branch to drop it. I'll force-push myself.", "vcs/history", "Rewrites local history to remove a file"))
    r(row("git", "git commit-graph write", "Speed up git log on this big repo: write the commit-graph.",
          "vcs/maintenance", "Writes the commit graph"))
    return R
