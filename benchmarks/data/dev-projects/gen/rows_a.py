"""Rows from the development docs of real projects (batch A)."""

from rows_common import A, V, add, b  # noqa: F401

add("pallets/flask", "CONTRIBUTING.rst", "BSD-3-Clause", [
    (V, "Set up Flask for development: install pytest first, as CONTRIBUTING says", "bash", b("pip install pytest"), "setup/install", "Installs pytest into the active environment"),
    (V, "Clone the Flask repository so I can work on a patch", "bash", b("git clone https://github.com/pallets/flask.git"), "setup/clone", "Clones the upstream Flask repository"),
    (V, "Install Flask as an editable package from the checkout", "bash", b("cd flask && pip install --editable ."), "setup/install", "Editable install of the local source"),
    (V, "Run the Flask test suite", "bash", b("py.test"), "test", "Runs the test suite with py.test"),
    (V, "Install tox so I can test every Python version like CI does", "bash", b("pip install tox"), "setup/install", "Installs tox"),
    (V, "Run the full Flask matrix with tox", "bash", b("tox"), "test", "Runs tests against several Python/dependency versions"),
])

add("vitejs/vite", "CONTRIBUTING.md", "MIT", [
    (V, "Set up the Vite monorepo: install the dependencies with pnpm", "bash", b("pnpm i"), "setup/install", "Installs workspace dependencies with pnpm"),
    (V, "Build Vite from the repo root before running the tests", "bash", b("pnpm run build"), "build", "Builds all packages"),
    (V, "Rebuild Vite automatically while I work on packages/vite", "bash", b("cd packages/vite && pnpm run dev"), "server/watch", "Starts the watch-mode rebuild"),
    (V, "Run the Vite playground tests in serve mode only, serially, the flaky ones keep failing", "bash", b("pnpm run test-serve -- --runInBand"), "test", "Runs serve-mode tests in band"),
    (V, "Run only the asset playground tests in build mode", "bash", b("pnpm run test-build -- asset"), "test", "Runs build-mode tests for one playground"),
    (V, "List the debug scopes Vite has so I can pick one for DEBUG", "bash", b("grep -r \"createDebugger('vite:\" packages/vite/src/"), "inspect", "Greps the source for debug scopes"),
    (A, "Turn on Vite's resolve debug logs and start the playground dev server", "bash", b("cd packages/playground/assets && DEBUG=\"vite:resolve\" pnpm run dev"), "server", "Starts a playground dev server with debug logging"),
    (V, "Test my local Vite against another project: link it via pnpm.overrides in the root package.json", "edit_file", {"path": "package.json", "old_string": "  \"dependencies\": {\n    \"vite\": \"^2.0.0\"\n  }", "new_string": "  \"dependencies\": {\n    \"vite\": \"^2.0.0\"\n  },\n  \"pnpm\": {\n    \"overrides\": {\n      \"vite\": \"link:../path/to/vite/packages/vite\"\n    }\n  }"}, "config/edit", "Adds a pnpm override linking the local Vite build"),
])

add("tokio-rs/tokio", "CONTRIBUTING.md", "MIT", [
    (V, "Build Tokio with all features", "bash", b("cargo build --all-features"), "build", "Builds every feature"),
    (V, "Run Tokio's tests with all features enabled", "bash", b("cargo test --all-features"), "test", "Runs the test suite with all features"),
    (V, "Build the Tokio docs the way docs.rs does, with the feature markers", "bash", b("RUSTDOCFLAGS=\"--cfg docsrs\" cargo +nightly doc --all-features"), "docs", "Builds the documentation on nightly"),
    (V, "Check formatting of the Tokio codebase (cargo fmt doesn't work there)", "bash", b("rustfmt --check --edition 2018 $(find . -name '*.rs' -print)"), "lint", "Checks formatting of every .rs file"),
    (V, "Run the loom concurrency tests for the tokio crate", "bash", b("cd tokio && LOOM_MAX_PREEMPTIONS=1 RUSTFLAGS=\"--cfg loom\" cargo test --lib --release --features full -- --test-threads=1 --nocapture"), "test", "Runs loom model-checking tests"),
    (V, "Run only the documentation tests", "bash", b("cargo test --doc"), "test", "Runs doc tests"),
])

add("redis/redis", "README.md", "AGPL-3.0-only OR SSPL-1.0 OR LicenseRef-RSALv2", [
    (V, "Build Redis from source", "bash", b("make"), "build", "Builds Redis"),
    (V, "Build Redis with TLS support", "bash", b("make BUILD_TLS=yes"), "build", "Builds with OpenSSL"),
    (V, "Run the Redis test suite after building", "bash", b("make test"), "test", "Runs the Tcl test suite"),
    (V, "Generate the test certificates and run the tests with TLS", "bash", b("./utils/gen-test-certs.sh && ./runtest --tls"), "test", "Creates test certs and runs TLS tests"),
    (V, "I pulled new code and the build is broken, clean everything including deps and rebuild", "bash", b("make distclean && make"), "clean", "Removes all build output including bundled deps and rebuilds"),
    (A, "Start the freshly built redis-server on port 9999", "bash", b("cd src && ./redis-server --port 9999"), "server", "Starts a local Redis server"),
    (A, "Install the Redis binaries under my own prefix instead of /usr/local", "bash", b("make PREFIX=$HOME/.local install"), "install", "Installs binaries to a user prefix"),
    (A, "Install the Redis binaries into /usr/local/bin", "bash", b("sudo make install"), "install", "System install of built binaries"),
])

add("neovim/neovim", "BUILD.md", "Apache-2.0", [
    (V, "Install the Neovim build prerequisites on Ubuntu", "bash", b("sudo apt-get install ninja-build gettext cmake build-essential"), "setup/system-deps", "Installs build dependencies with apt"),
    (V, "Build Neovim with debug info", "bash", b("make CMAKE_BUILD_TYPE=RelWithDebInfo"), "build", "Builds nvim with RelWithDebInfo"),
    (V, "Install the Neovim I just built", "bash", b("sudo make install"), "install", "Installs to /usr/local"),
    (V, "Install Neovim to ~/local/nvim instead", "bash", b("make CMAKE_INSTALL_PREFIX=$HOME/local/nvim install"), "install", "Installs to a user prefix"),
    (V, "I changed CMAKE_BUILD_TYPE, wipe the cached build and deps", "bash", b("rm -rf build .deps"), "clean", "Removes the CMake build and deps directories (what make distclean does)"),
    (V, "Rebuild the bundled dependencies from scratch", "bash", b("make distclean && make deps"), "clean", "Cleans and rebuilds bundled deps"),
    (V, "Check which build type the nvim binary has", "bash", b("./build/bin/nvim --version | grep ^Build"), "inspect", "Prints build type"),
    (V, "Add a local.mk with a rebuild target as BUILD.md suggests", "write_file", {"path": "local.mk", "content": "all:\n\nrebuild:\n\trm -rf build\n\tmake\n"}, "config/edit", "Writes a git-ignored local makefile"),
])

add("cli/cli", "docs/source.md", "MIT", [
    (V, "Build gh from source", "bash", b("make"), "build", "Builds bin/gh"),
    (V, "Put the gh binary I built on my PATH", "bash", b("sudo mv ./bin/gh /usr/local/bin/"), "install", "Moves the built binary into /usr/local/bin"),
    (V, "Check the built gh works", "bash", b("gh version"), "inspect", "Prints the version"),
    (V, "Check which Go I have before building gh", "bash", b("go version"), "inspect", "Prints the Go version"),
])

add("fastapi/fastapi", "docs/en/docs/contributing.md", "MIT", [
    (V, "Create a virtualenv for FastAPI development", "bash", b("python -m venv env"), "setup/venv", "Creates ./env"),
    (V, "Upgrade pip inside the FastAPI env", "bash", b("source ./env/bin/activate && python -m pip install --upgrade pip"), "setup/install", "Upgrades pip in the venv"),
    (V, "Install FastAPI's development requirements", "bash", b("source ./env/bin/activate && pip install -r requirements.txt"), "setup/install", "Installs requirements incl. editable FastAPI"),
    (V, "Format the FastAPI code", "bash", b("bash scripts/format.sh"), "lint/format", "Runs the format script"),
    (V, "Serve the docs live so I can preview my edits", "bash", b("python ./scripts/docs.py live"), "server/docs", "Serves docs on 127.0.0.1:8008"),
    (V, "Start a Spanish translation: copy the features page into docs/es", "bash", b("cp docs/en/docs/features.md docs/es/docs/features.md"), "docs", "Copies a page for translation"),
    (V, "Create the translation directory for Creole", "bash", b("python ./scripts/docs.py new-lang ht"), "docs", "Generates docs/ht"),
    (V, "Run the tests with an HTML coverage report", "bash", b("bash scripts/test-cov-html.sh"), "test", "Runs tests with coverage into htmlcov/"),
])

add("mastodon/mastodon", "docs/DEVELOPMENT.md", "AGPL-3.0-only", [
    (V, "Install the Mastodon dependencies on my Mac", "bash", b("brew install postgresql@14 redis libidn nvm vips"), "setup/system-deps", "Installs services and libraries with Homebrew"),
    (V, "Start Postgres and Redis for Mastodon development", "bash", b("brew services start postgresql && brew services start redis"), "server/services", "Starts local database services"),
    (V, "Set up Mastodon for local development (gems, packages, database)", "bash", b("RAILS_ENV=development bin/setup"), "setup/db", "Installs gems and node packages and prepares the database"),
    (V, "Start the Mastodon dev processes", "bash", b("bin/dev"), "server", "Launches services via overmind/foreman"),
    (V, "Bring up the Mastodon devcontainer stack with docker compose", "bash", b("docker compose -f .devcontainer/compose.yaml up -d"), "docker", "Starts the dev containers"),
    (V, "Run Mastodon's setup inside the app container", "bash", b("docker compose -f .devcontainer/compose.yaml exec app bin/setup"), "setup/db", "Runs bin/setup in the container"),
    (V, "Populate my dev database with sample data", "bash", b("bin/rails dev:populate_sample_data"), "db/seed", "Creates a showcase account with content"),
    (V, "On Apple Silicon the libidn build fails; reinstall idn-ruby pointing at brew's libidn", "bash", b("gem install idn-ruby -- --with-idn-dir=$(brew --prefix libidn)"), "setup/install", "Rebuilds the native gem against Homebrew libidn"),
])

add("gohugoio/hugo", "CONTRIBUTING.md", "Apache-2.0", [
    (V, "Get the Hugo sources outside GOPATH and install it", "bash", b("mkdir $HOME/src && cd $HOME/src && git clone https://github.com/gohugoio/hugo.git && cd hugo && go install"), "setup/clone", "Clones and installs Hugo"),
    (V, "Install mage for the Hugo build targets", "bash", b("go install github.com/magefile/mage"), "setup/install", "Installs mage"),
    (V, "Build Hugo", "bash", b("mage hugo"), "build", "Builds Hugo via mage"),
    (V, "Run Hugo's race tests and checks before opening the PR", "bash", b("mage hugoRace && mage -v check"), "test", "Runs tests and checks"),
    (V, "Install the extended Hugo with SCSS support", "bash", b("HUGO_BUILD_TAGS=extended mage install"), "install", "Installs extended build into $HOME/go/bin"),
    (A, "Squash my fix into one commit and update the PR, as the contributing guide allows", "bash", b("git rebase -i origin/master && git push -f fork iss1234"), "git", "Interactive rebase and force-push to one's own fork branch"),
    (V, "Push my branch to my fork", "bash", b("git push --set-upstream fork iss1234"), "git", "Pushes the feature branch to the fork remote"),
])

add("helm/helm", "CONTRIBUTING.md", "Apache-2.0", [
    (V, "Set my git email so my Helm commits pass the DCO check", "bash", b("git config --global user.email joe.smith@example.com"), "git/config", "Sets global git email"),
    (V, "Set my git name for signed-off commits", "bash", b("git config --global user.name \"Joe Smith\""), "git/config", "Sets global git name"),
    (A, "Commit my Helm fix with a DCO sign-off", "bash", b("git commit -s -m \"fix(cmd): handle empty values file\""), "git", "Signed-off commit"),
    (V, "Profile helm show all with CPU and memory profiles", "bash", b("HELM_PPROF_CPU_PROFILE=cpu.prof HELM_PPROF_MEM_PROFILE=mem.prof helm show all bitnami/nginx"), "profile", "Collects pprof profiles"),
    (V, "Open the CPU profile in the pprof web UI", "bash", b("go tool pprof -http=\":8000\" cpu.prof"), "profile", "Serves pprof UI locally"),
])

add("prettier/prettier", "CONTRIBUTING.md", "MIT", [
    (V, "Install Prettier's dependencies and run the tests", "bash", b("yarn && yarn test"), "test", "Installs deps and runs jest"),
    (V, "Update the Jest snapshots after my formatting change", "bash", b("yarn test -u"), "test/fixtures", "Regenerates snapshots"),
    (V, "Lint and format all files", "bash", b("yarn fix"), "lint/format", "Runs eslint and prettier fixes"),
    (V, "Generate a changelog entry for my PR", "bash", b("yarn generate-changelog"), "release", "Creates a changelog_unreleased file"),
    (V, "Sync the Flow tests from a Flow checkout next to prettier", "bash", b("node scripts/sync-flow-tests.cjs ../flow/tests/"), "test/fixtures", "Regenerates vendored Flow tests"),
    (V, "Run the full deeper test pass locally", "bash", b("FULL_TEST=1 jest"), "test", "Runs AST compare and second-format checks"),
    (V, "Compare performance of main and my branch", "bash", b("PRETTIER_PERF_FILENAME=my.js ./compare.sh main some-pr-branch"), "benchmark", "Runs hyperfine comparison"),
])

add("alacritty/alacritty", "INSTALL.md", "Apache-2.0", [
    (A, "Install Alacritty's build deps on Ubuntu", "bash", b("sudo apt-get install cmake pkg-config libfreetype6-dev libfontconfig1-dev libxcb-xfixes0-dev python3"), "setup/system-deps", "Installs build libraries"),
    (V, "Make sure the stable Rust toolchain is used for Alacritty", "bash", b("rustup override set stable && rustup update stable"), "setup/toolchain", "Pins and updates stable Rust"),
    (V, "Build Alacritty in release mode", "bash", b("cargo build --release"), "build", "Builds target/release/alacritty"),
    (V, "Install the alacritty terminfo globally", "bash", b("sudo tic -xe alacritty,alacritty-direct extra/alacritty.info"), "install", "Compiles and installs terminfo entries"),
    (V, "Install the Alacritty desktop entry", "bash", b("sudo cp target/release/alacritty /usr/local/bin && sudo cp extra/logo/alacritty-term.svg /usr/share/pixmaps/Alacritty.svg && sudo desktop-file-install extra/linux/Alacritty.desktop && sudo update-desktop-database"), "install", "Installs binary, icon and desktop file"),
    (V, "Install the Alacritty man page", "bash", b("sudo mkdir -p /usr/local/share/man/man1 && gzip -c extra/alacritty.man | sudo tee /usr/local/share/man/man1/alacritty.1.gz > /dev/null"), "install", "Installs the gzipped man page"),
    (V, "Enable Alacritty bash completions in my shell", "bash", b("echo \"source $(pwd)/extra/completions/alacritty.bash\" >> ~/.bashrc"), "config/shell", "Appends a source line to ~/.bashrc"),
    (V, "Install zsh completions for Alacritty", "bash", b("mkdir -p ${ZDOTDIR:-~}/.zsh_functions && echo 'fpath+=${ZDOTDIR:-~}/.zsh_functions' >> ${ZDOTDIR:-~}/.zshrc && cp extra/completions/_alacritty ${ZDOTDIR:-~}/.zsh_functions/_alacritty"), "config/shell", "Adds an fpath dir to .zshrc and copies the completion"),
])

add("python-poetry/poetry", "CONTRIBUTING.md", "MIT", [
    (V, "Install Poetry's dev dependencies and run its tests", "bash", b("poetry install && poetry run pytest tests/"), "test", "Installs and runs tests"),
    (V, "Typecheck Poetry", "bash", b("poetry run mypy"), "lint", "Runs mypy"),
    (V, "Install the pre-commit hooks for Poetry", "bash", b("poetry run pre-commit install"), "setup/hooks", "Installs git pre-commit hooks"),
    (V, "Run all pre-commit checks on every file", "bash", b("poetry run pre-commit run --all-files"), "lint", "Runs hooks on the whole tree"),
    (V, "Install Poetry 1.0.10 side by side to reproduce an issue", "bash", b("pipx install --suffix @1.0.10 'poetry==1.0.10'"), "setup/install", "Installs a suffixed old version with pipx"),
    (V, "Install poetry from master with pipx to check if the bug is fixed", "bash", b("pipx install --suffix @master 'poetry @ git+https://github.com/python-poetry/poetry'"), "setup/install", "Installs from git"),
    (V, "Link my local Poetry checkout as poetry@local", "bash", b("ln -sf $(poetry run which poetry) ~/.local/bin/poetry@local"), "setup/install", "Symlinks the dev poetry into ~/.local/bin"),
])

add("apache/kafka", "README.md", "Apache-2.0", [
    (V, "Build the Kafka jar", "bash", b("./gradlew jar"), "build", "Builds jars"),
    (V, "Run Kafka's unit tests", "bash", b("./gradlew unitTest"), "test", "Runs unit tests"),
    (V, "Run one Kafka test class, RequestResponseTest", "bash", b("./gradlew clients:test --tests RequestResponseTest"), "test", "Runs a single test class"),
    (V, "Keep re-running RequestResponseTest until it fails, it's flaky", "bash", b("I=0; while ./gradlew clients:test --tests RequestResponseTest --rerun --fail-fast; do (( I=$I+1 )); echo \"Completed run: $I\"; sleep 1; done"), "test", "Loops a test until failure"),
    (V, "Clean the Kafka build", "bash", b("./gradlew clean"), "clean", "Removes build outputs"),
    (V, "Start a local Kafka broker in KRaft mode", "bash", b("KAFKA_CLUSTER_ID=\"$(./bin/kafka-storage.sh random-uuid)\" && ./bin/kafka-storage.sh format -t $KAFKA_CLUSTER_ID -c config/kraft/server.properties && ./bin/kafka-server-start.sh config/kraft/server.properties"), "server", "Formats storage and starts a broker"),
    (V, "Fix import order before filing the PR", "bash", b("./gradlew spotlessApply"), "lint/format", "Applies spotless formatting"),
    (V, "Install the streams module to my local Maven repo", "bash", b("./gradlew -PskipSigning=true :streams:publishToMavenLocal"), "release/local", "Publishes to ~/.m2"),
])
