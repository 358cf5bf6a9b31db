"""Rows from release docs and Makefiles of real projects (batch K)."""

from rows_common import A, V, add, b  # noqa: F401

add("psf/black", "docs/contributing/release_process.md", "MIT", [
    (V, "See how black's release helper works", "bash", b("python3 scripts/release.py --help"), "release", "Shows the release script usage"),
    (V, "Check no changelog entries landed in the wrong section since the last release", "bash", b("git diff origin/stable CHANGES.md"), "release", "Diffs the changelog against stable"),
    (V, "Prepare the black release PR: version the changelog and docs", "bash", b("python3 scripts/release.py --debug"), "release/bump", "Rewrites CHANGES.md and docs for the new version"),
    (V, "Add the empty changelog template for the next release", "bash", b("python3 scripts/release.py --add-changes-template"), "release", "Adds an Unreleased template to CHANGES.md"),
    (A, "Version the changelog by hand since release.py failed", "edit_file", {"path": "CHANGES.md", "old_string": "## Unreleased\n", "new_string": "## 25.1.0\n"}, "release/bump", "Replaces the Unreleased header with the version"),
])

add("pypa/packaging.python.org", "source/tutorials/packaging-projects.rst", "CC-BY-SA-3.0", [
    (V, "Install the latest build frontend", "bash", b("python3 -m pip install --upgrade build"), "setup/install", "Upgrades build"),
    (V, "Build the sdist and wheel for my package", "bash", b("python3 -m build"), "build/release", "Builds dist/ artefacts"),
    (V, "Install twine to upload my package", "bash", b("python3 -m pip install --upgrade twine"), "setup/install", "Upgrades twine"),
    (A, "Publish my package to TestPyPI", "bash", b("TWINE_USERNAME=__token__ TWINE_PASSWORD=REDACTED python3 -m twine upload --repository testpypi dist/*"), "release/publish", "Uploads dist/ to the test index with an API token"),
    (V, "Install my package back from TestPyPI to check it", "bash", b("python3 -m pip install --index-url https://test.pypi.org/simple/ --no-deps example-package-YOUR-USERNAME-HERE"), "release/verify", "Installs from the test index without deps"),
    (V, "Check the installed package imports and works", "python", {"code": "from example_package_YOUR_USERNAME_HERE import example\nprint(example.add_one(2))\n"}, "release/verify", "Imports the package and calls a function"),
    (V, "Release the package to the real PyPI", "bash", b("twine upload dist/*"), "release/publish", "Uploads to pypi.org"),
])

add("cwru-xlab/xlab-onboarding", "Makefile", "NOASSERTION", [
    (V, "Rebuild and start the onboarding stack, pruning old images", "bash", b("docker-compose up --build && docker image prune --force"), "docker", "Builds, starts and prunes dangling images"),
    (V, "Free the disk space docker is using for this project (make clean)", "bash", b("docker system prune --all --force"), "docker/clean", "Removes all unused images, containers, networks and build cache"),
])

add("ndinhbang/express-demo", "Makefile", "NOASSERTION", [
    (V, "Rebuild the express-demo images from scratch", "bash", b("docker compose build --no-cache"), "docker/build", "Rebuilds images without cache"),
    (V, "Start the dev compose stack", "bash", b("docker compose -f docker-compose.dev.yml up -d --remove-orphans"), "docker", "Starts dev services"),
    (V, "Clean up unused docker data (make clean)", "bash", b("docker system prune"), "docker/clean", "Prunes unused docker objects (asks for confirmation)"),
])
