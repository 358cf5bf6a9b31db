"""Rows from the development docs of real projects (batch H)."""

from rows_common import A, V, add, b  # noqa: F401

add("nodejs/node", "doc/contributing/pull-requests.md", "MIT", [
    (V, "Clone my Node.js fork and add the upstream remote", "bash", b("git clone git@github.com:username/node.git && cd node && git remote add upstream https://github.com/nodejs/node.git && git fetch upstream"), "setup/clone", "Clones fork, adds and fetches upstream"),
    (V, "Set my name and email for this Node.js checkout", "bash", b("git config user.name \"J. Random User\" && git config user.email \"j.random.user@example.com\""), "git/config", "Repo-local git identity"),
    (V, "Start a branch for my Node.js change off upstream", "bash", b("git checkout -b my-branch -t upstream/HEAD"), "git", "Creates a tracking branch"),
    (V, "Lint my Node.js change", "bash", b("make lint"), "lint", "Runs linters"),
    (V, "Run the full Node.js test suite before opening the PR", "bash", b("./configure && make -j4 test"), "test", "Configures, builds and tests"),
    (V, "Rebase my PR branch on upstream and update the PR", "bash", b("git fetch upstream HEAD && git rebase FETCH_HEAD && git push --force-with-lease origin my-branch"), "git", "Rebases and force-pushes with lease to one's own branch"),
    (V, "Push my branch to my fork", "bash", b("git push origin my-branch"), "git", "Pushes branch"),
])

add("pytorch/pytorch", "CONTRIBUTING.md", "BSD-3-Clause", [
    (V, "Install PyTorch from my checkout in editable mode", "bash", b("python -m pip install -e . -v --no-build-isolation"), "setup/install", "Editable build and install"),
    (V, "Link the built libtorch_cpu into torch/lib so rebuilds are picked up", "bash", b("pushd torch/lib; sh -c \"ln -sf ../../build/lib/libtorch_cpu.* .\"; popd"), "build", "Symlinks build outputs into the package"),
    (A, "Uninstall torch and clean before reinstalling", "bash", b("pip uninstall -y torch && python setup.py clean"), "clean", "Removes installed torch and build artefacts"),
    (V, "The PyTorch build is broken; nuke the build directory", "bash", b("rm -rf build"), "clean", "Removes the cached CMake build"),
    (V, "Clean my PyTorch repo completely and rebuild from scratch", "bash", b("git submodule deinit -f . && git clean -xdf && python setup.py clean && git submodule update --init --recursive && python -m pip install --group dev && python -m pip install --no-build-isolation -v -e ."), "clean", "Deinits submodules, removes all untracked and ignored files, reinstalls"),
    (V, "Check my compiler toolchain works", "bash", b("printf '#include <stdio.h>\\nint main() { printf(\"Hello World\");}'|clang -x c -; ./a.out"), "inspect", "Compiles and runs hello world"),
    (V, "Check out the nightly PyTorch for pure Python work", "bash", b("./tools/nightly.py checkout -b my-nightly-branch && source venv/bin/activate"), "setup/install", "Creates venv with nightly binaries"),
    (V, "Lint only the files I changed", "bash", b("spin quicklint"), "lint", "Runs lintrunner on changed files"),
])
