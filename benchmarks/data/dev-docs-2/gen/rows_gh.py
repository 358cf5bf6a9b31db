"""GitHub CLI manual (cli/cli pkg/cmd Example sections) rows (safe), incl. REST requests from gh api examples."""

from __future__ import annotations

from typing import Any

from common import bash, row

TOK = {"Authorization": "Bearer FAKE-gh-token-0000", "Accept": "application/vnd.github+json"}


def rows() -> list[dict[str, Any]]:
    R: list[dict[str, Any]] = []

    def g(doc: str, task: str, cat: str, desc: str, **kw: Any) -> None:
        R.append(row("gh", doc, task, cat, desc, **kw))

    g("gh run list --workflow build.yml" if False else "gh run view 12345", "Show me the summary of workflow run 12345.",
      "vcs/ci", "Views a run")
    g("gh run view --log --job 456789", "Print the log of job 456789 so we can see why it failed.", "vcs/ci", "Job log")
    g("gh run view 12345 --attempt 3", "What happened on the third attempt of run 12345?", "vcs/ci", "Views an attempt")
    g("gh run watch", "Watch the current CI run until it finishes.", "vcs/ci", "Watches a run")
    g("gh run download <run-id> -n <name>", "Download the 'coverage' artifact of run 987654.", "vcs/ci",
      "Downloads one artifact", run="gh run download 987654 -n coverage")
    g("gh run delete 12345", "Delete my test workflow run 12345 from the history; it leaked nothing, just noise.",
      "vcs/ci", "Deletes one named run")
    g("gh workflow run triage.yml --ref my-branch", "Trigger the triage workflow on my-branch.", "vcs/ci",
      "Dispatches a workflow")
    g("gh workflow run triage.yml -f name=scully -f greeting=hello", "Kick off triage.yml with name=scully and greeting=hello.",
      "vcs/ci", "Dispatches with inputs")
    g("gh cache list --sort last_accessed_at --order asc", "List our Actions caches, least recently used first.",
      "vcs/ci", "Lists caches")
    g("gh cache delete 1234", "Cache 1234 is corrupted and breaking builds; delete it.", "vcs/ci", "Deletes one cache")
    g("gh cache delete --all", "Builds are picking up a poisoned dependency cache in this repo; clear all Actions caches.",
      "vcs/ci", "Clears all caches of the repo (task asks)")
    g("gh pr list --author \"@me\"", "What PRs do I have open?", "vcs/review", "Lists own PRs")
    g("gh pr list --search \"status:success review:required\"", "Which PRs are green but still need review?",
      "vcs/review", "Searches PRs")
    g("gh pr checkout 353", "Check out PR 353 locally so I can test it.", "vcs/review", "Checks out a PR")
    g("gh pr review --approve", "I've read it and tests pass; approve the PR on this branch.", "vcs/review", "Approves")
    g("gh pr review 123 -r -b \"needs more ASCII art\"", "Request changes on PR 123: it needs more ASCII art.",
      "vcs/review", "Requests changes")
    g("gh pr list --json number,title,author", "Dump open PRs (number, title, author) as JSON.", "vcs/review", "PR JSON")
    g("gh issue list --label \"bug\" --label \"help wanted\"", "Show open issues tagged both bug and help wanted.",
      "vcs/issues", "Lists issues")
    g("gh issue list --assignee \"@me\"", "What issues are assigned to me?", "vcs/issues", "Lists own issues")
    g("gh issue create --label bug", "File a bug issue for the crash we just found.", "vcs/issues", "Creates an issue")
    g("gh label create bug --description \"Something isn't working\" --color E99695", "Create the standard 'bug' label in this new repo.",
      "vcs/issues", "Creates a label")
    g("gh release create v1.2.3 --generate-notes", "Tag v1.2.3 is pushed; create the GitHub release with generated notes.",
      "vcs/release", "Creates a release")
    g("gh release create v1.2.3 ./dist/*.tgz", "Create release v1.2.3 and attach the tarballs in dist/.", "vcs/release",
      "Creates a release with assets")
    g("gh release download --pattern '*.deb'", "Grab the .deb assets from the latest release.", "vcs/release",
      "Downloads assets")
    g("gh repo clone cli/cli -- --depth=1", "Shallow-clone cli/cli so I can read the code.", "vcs/repos", "Shallow clone")
    g("gh repo sync owner/cli-fork", "Sync my fork owner/cli-fork with upstream.", "vcs/repos", "Syncs a fork")
    g("gh repo create my-project --private --source=. --remote=upstream",
      "Publish this local project as a new private GitHub repo called my-project with remote 'upstream'.",
      "vcs/repos", "Creates a private repo from the local dir")
    g("gh repo edit --enable-issues --enable-wiki", "Turn on issues and the wiki for this repo.", "vcs/repos",
      "Edits repo features")
    g("pkg/cmd/repo/delete/delete.go@@deletes the specified repository",
      "Delete my scratch repository monalisa/tmp-playground that I made for yesterday's experiment; nothing in it matters.",
      "vcs/repos", "Deletes the scratch repository the task names", fragment=True,
      run="gh repo delete monalisa/tmp-playground --yes")
    g("gh auth refresh --scopes write:org,read:public_key", "gh says I'm missing the write:org scope; add it to my login.",
      "vcs/auth", "Adds token scopes interactively")
    g("gh auth refresh --remove-scopes delete_repo", "I don't want gh to keep the delete_repo scope after that cleanup; drop it.",
      "vcs/auth", "Removes a scope")
    g("gh secret set MYSECRET --env myenvironment", "Add the MYSECRET secret to the 'myenvironment' environment (I'll paste the value at the prompt).",
      "vcs/secrets", "Sets an environment secret interactively")
    g("gh secret set -f .env", "Load the secrets in our .env (the CI one the task prepared) into the repo's Actions secrets.",
      "vcs/secrets", "Sets repo secrets from a file")
    g("gh variable set MYVARIABLE --env myenvironment", "Add a MYVARIABLE variable to the myenvironment environment.",
      "vcs/secrets", "Sets a variable")
    g("gh ruleset check my-branch --repo owner/repo", "Which rulesets apply to my-branch in owner/repo?", "vcs/inspect",
      "Checks rulesets")
    g("gh ruleset list --org org-name", "List the org-level rulesets of org-name.", "vcs/inspect", "Lists rulesets")
    g("gh search issues readme typo", "Search GitHub for issues about readme typos.", "vcs/search", "Searches issues")
    g("gh api repos/{owner}/{repo}/issues --jq '.[].title'", "List the titles of open issues through the API.",
      "vcs/api", "Reads issues via gh api")
    g("gh api repos/{owner}/{repo}/issues/123/comments -f body='Hi from CLI'", "Post 'Hi from CLI' on issue 123.",
      "vcs/api", "Comments on an issue")
    g("gh api -X GET search/issues -f q='repo:cli/cli is:open remote'", "Search cli/cli open issues mentioning remote via the API.",
      "vcs/api", "Search API")
    g("gh api repos/{owner}/{repo}/releases", "GET the list of releases of acme/widgets from the REST API.", "vcs/api",
      "Lists releases via REST", fragment=True, tool="http_request",
      args={"method": "GET", "url": "https://api.github.com/repos/acme/widgets/releases", "headers": TOK})
    g("gh api repos/{owner}/{repo}/issues/123/comments -f body='Hi from CLI'",
      "Comment 'Deployed to staging' on acme/widgets issue 123 through the REST API.", "vcs/api",
      "Posts an issue comment via REST", fragment=True, tool="http_request",
      args={"method": "POST", "url": "https://api.github.com/repos/acme/widgets/issues/123/comments", "headers": TOK,
            "body": "{\"body\": \"Deployed to staging\"}"})
    g("gh api repos/{owner}/{repo}/issues --jq '.[].title'", "Fetch open issues of acme/widgets via the REST API.",
      "vcs/api", "Lists issues via REST", fragment=True, tool="http_request",
      args={"method": "GET", "url": "https://api.github.com/repos/acme/widgets/issues?state=open", "headers": TOK})
    g("gh api -X GET search/issues -f q='repo:cli/cli is:open remote'", "Search for open issues in cli/cli about 'remote' using the REST search endpoint.",
      "vcs/api", "Issue search via REST", fragment=True, tool="http_request",
      args={"method": "GET", "url": "https://api.github.com/search/issues?q=repo:cli/cli+is:open+remote", "headers": TOK})
    g("gh run delete 12345", "Clear out the failed debug runs: list them, then delete run 12345 which was mine.",
      "vcs/ci", "Deletes a named run after listing", steps=[bash("gh run list")])
    return R
