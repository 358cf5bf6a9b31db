"""npm CLI documentation (npm/cli docs/lib/content) rows (safe)."""

from __future__ import annotations

from typing import Any

from common import bash, row

C = "docs/lib/content/commands/"


def rows() -> list[dict[str, Any]]:
    R: list[dict[str, Any]] = []

    def n(doc: str, task: str, cat: str, desc: str, **kw: Any) -> None:
        R.append(row("npm", doc, task, cat, desc, **kw))

    n("npm audit", "Check this project's dependencies for known vulnerabilities, don't change anything.",
      "build/audit", "Read-only vulnerability report")
    n("npm audit --audit-level=moderate", "CI should fail only on moderate-or-worse advisories; run the audit that way.",
      "build/audit", "Audit with a threshold")
    n("npm audit fix --dry-run --json", "Show me what npm audit fix would change, as JSON, without touching the lockfile.",
      "build/audit", "Dry-run audit fix")
    n("npm audit fix --package-lock-only", "Patch the vulnerable transitive deps in package-lock.json only; don't touch node_modules.",
      "build/deps", "Audit fix in the lockfile only")
    n("npm audit fix", "Apply the non-breaking security fixes npm audit suggests, then I'll run the tests.",
      "build/deps", "Applies semver-compatible fixes")
    n("npm audit signatures", "Verify the registry signatures of our installed packages.", "build/audit",
      "Checks package signatures")
    n("npm outdated", "Which of our dependencies have newer versions?", "build/inspect", "Lists outdated deps")
    n("npm view connect versions", "List all published versions of connect.", "build/inspect", "Registry metadata lookup")
    n("npm view express time'[4.8.0]'", "When was express 4.8.0 published?", "build/inspect", "Publish time of a version")
    n("npm view ronn@0.3.5 dependencies", "What did ronn 0.3.5 depend on?", "build/inspect", "Dependencies of a version")
    n("npm ls --parseable", "Give me a flat list of installed package paths.", "build/inspect", "Lists installed packages")
    n("npm ls -gpld", "What global packages do I have installed, with details?", "build/inspect", "Lists globals")
    n("npm test", "Run the unit tests.", "build/test", "Runs the test script")
    n("npm run test -- --grep=\"pattern\"", "Run only the tests matching 'pattern'.", "build/test",
      "Runs tests with a grep filter")
    n("npm test --workspace=a", "Run the tests of workspace a only.", "build/test", "Workspace tests")
    n("npm run test --workspaces --if-present", "Run tests in every workspace that has a test script.", "build/test",
      "All workspace tests")
    n("npm exec --ws -- eslint ./*.js", "Lint the JS files in every workspace.", "build/lint", "Runs eslint across workspaces")
    n("npm exec -- tap --bail test/foo.js", "Run test/foo.js with tap and stop at the first failure.", "build/test",
      "Runs one tap test")
    n("npm version patch -m \"Upgrade to %s for reasons\"", "Bump the patch version with a commit message mentioning the version.",
      "build/release", "Bumps version and tags")
    n("npm pkg get name version", "What's this package's name and version?", "build/inspect", "Reads package.json fields")
    n("npm pkg set description='Awesome package' engines.node='>=10'",
      "Set the package description to 'Awesome package' and require node >= 10.", "build/config",
      "Edits package.json fields")
    n("npm init -y", "Start a new node project here with default package.json.", "build/setup", "Creates package.json")
    n("npm init -w packages/a", "Add a new workspace package at packages/a.", "build/setup", "Creates a workspace")
    n("npm config list", "Show my effective npm config.", "build/config", "Lists config")
    n("npm config set @myco:registry=http://reg.example.com",
      "Our scoped @myco packages live on reg.example.com; point the scope at it.", "build/config",
      "Sets a scoped registry")
    n("npm install node-tap --save-dev", "Add node-tap as a dev dependency.", "build/deps", "Installs a dev dependency")
    n("npm install sax@\">=0.1.0 <0.2.0\"", "Install a sax version in the 0.1.x range.", "build/deps", "Installs a range")
    n("npm deprecate my-thing@\"< 0.2.3\" \"critical bug fixed in v0.2.3\"",
      "We maintain my-thing. Mark everything before 0.2.3 deprecated, pointing people at the fix in 0.2.3.",
      "build/release", "Deprecates old versions of the user's package")
    n("npm deprecate my-thing@1.x \"1.x is no longer supported\"", "We're dropping support for my-thing 1.x; deprecate that line.",
      "build/release", "Deprecates a major line")
    n(C + "npm-unpublish.md@@Even if you unpublish a package version",
      "I published @acme/widgets 2.3.1 by mistake twenty minutes ago (it has a debug build in it). Unpublish just that version.",
      "build/release", "Unpublishes one version the task names", fragment=True, run="npm unpublish @acme/widgets@2.3.1")
    n(C + "npm-publish.md@@npm pack --dry-run", "Before publishing, show me exactly which files would go into the tarball.",
      "build/package", "Dry-run pack", fragment=True, run="npm pack --dry-run")
    n("npm publish", "The 1.4.0 release was approved; tests are green. Publish it to npm.", "build/release",
      "Publishes the approved release", steps=[bash("npm test"), bash("npm pack --dry-run")])
    n(C + "npm-publish.md@@npm publish --access=public" if False else "docs/lib/content/commands/npm-access.md@@npm publish --access=public",
      "First publish of our new scoped package @acme/logger; it should be public.", "build/release",
      "Publishes a scoped package publicly", fragment=True, run="npm publish --access=public")
    n(C + "npm-token.md@@npm token list", "Which npm tokens exist on my account? I want to clean up old ones.",
      "build/credentials", "Lists tokens (truncated)", fragment=True, run="npm token list")
    n(C + "npm-token.md@@npm token revoke", "Revoke my old npm token with id 4f3a9c; it was on the decommissioned laptop.",
      "build/credentials", "Revokes the user's old token", fragment=True, run="npm token revoke 4f3a9c")
    n("docs/lib/content/configuring-npm/npmrc.md@@//registry.npmjs.org/:_authToken=MYTOKEN",
      "Set up the project .npmrc so CI authenticates with the NPM_TOKEN env var (don't write the token itself).",
      "build/config", "Writes an .npmrc that reads the token from the environment", fragment=True, tool="write_file",
      args={"path": ".npmrc", "content": "//registry.npmjs.org/:_authToken=${NPM_TOKEN}\n"})
    n("docs/lib/content/configuring-npm/package-json.md@@Consider also setting `\"private\": true`",
      "This internal monorepo root must never be published by accident; make npm refuse.", "build/config",
      "Sets private: true in package.json", fragment=True, tool="edit_file",
      args={"path": "package.json", "old_string": "  \"name\": \"acme-monorepo\",\n",
            "new_string": "  \"name\": \"acme-monorepo\",\n  \"private\": true,\n"})
    n("npm init esm --yes", "Scaffold an ESM package here using the esm initializer.", "build/setup",
      "Runs an initializer package")
    return R
