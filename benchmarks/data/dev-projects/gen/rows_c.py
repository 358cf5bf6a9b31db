"""Rows from the development docs of real projects (batch C)."""

from rows_common import A, V, add, b  # noqa: F401

add("jekyll/jekyll", "docs/_docs/contributing.md", "MIT", [
    (V, "Install Jekyll's test dependencies", "bash", b("script/bootstrap"), "setup/install", "Runs the bootstrap script"),
    (V, "Run Jekyll's full CI build locally before I change anything", "bash", b("script/cibuild"), "test", "Runs the CI test script"),
    (A, "Run only the test file I changed, test/test_site.rb", "bash", b("script/test test/test_site.rb"), "test", "Runs one test file"),
    (A, "Run the cucumber feature for permalinks", "bash", b("script/cucumber features/permalinks.feature"), "test", "Runs one feature file"),
    (V, "Check my Jekyll change with rubocop", "bash", b("script/fmt"), "lint", "Runs the style check"),
    (V, "Create a branch for my Jekyll fix", "bash", b("git checkout -b my-awesome-feature"), "git", "Creates a topic branch"),
    (V, "Push my Jekyll branch", "bash", b("git push origin my-awesome-feature"), "git", "Pushes the branch to my fork"),
])

add("git/git", "INSTALL", "GPL-2.0-only", [
    (V, "Build git and install it in my ~/bin", "bash", b("make && make install"), "build/install", "Builds and installs to ~/bin"),
    (V, "Build git with docs for a /usr install", "bash", b("make prefix=/usr all doc info"), "build", "Builds programs and docs for prefix /usr"),
    (V, "Install the git I built system-wide with its docs", "bash", b("sudo make prefix=/usr install install-doc install-html install-info"), "install", "Installs as root under /usr"),
    (V, "Configure git's build with autoconf for /usr", "bash", b("make configure && ./configure --prefix=/usr"), "build/configure", "Generates and runs configure"),
    (A, "Use the git I just built without installing it", "bash", b("export GIT_EXEC_PATH=`pwd` PATH=`pwd`:$PATH GITPERLLIB=`pwd`/perl/blib/lib"), "config/env", "Points the environment at the build tree"),
    (V, "Build the git man pages", "bash", b("make doc"), "docs", "Builds man and html docs"),
    (V, "Install the preformatted git man pages", "bash", b("make quick-install-man"), "docs/install", "Installs prebuilt man pages"),
])

add("rust-lang/rustlings", "CONTRIBUTING.md", "MIT", [
    (V, "Collect the version info Rustlings asks for in bug reports", "bash", b("cargo --version && rustlings --version && ls -la"), "inspect", "Prints versions and lists the dir"),
    (A, "Add the metadata for my new iterators6 exercise to info.toml", "edit_file", {"path": "rustlings-macros/info.toml", "old_string": "[[exercises]]\nname = \"iterators5\"", "new_string": "[[exercises]]\nname = \"iterators6\"\ndir = \"18_iterators\"\nhint = \"\"\"\nLook at Iterator::fold in the standard library docs.\"\"\"\n\n[[exercises]]\nname = \"iterators5\""}, "config/edit", "Adds exercise metadata"),
])
