"""Rows from the development docs of real projects (batch D)."""

from rows_common import A, V, add, b  # noqa: F401

add("astral-sh/ruff", "CONTRIBUTING.md", "MIT", [
    (V, "Install cargo-insta so I can update Ruff's snapshot tests", "bash", b("cargo install cargo-insta"), "setup/install", "Installs the insta CLI"),
    (V, "Run Ruff locally on the test fixtures", "bash", b("cargo run resources/test/fixtures --no-cache"), "run", "Runs the dev build on fixtures"),
    (V, "Format, lint and test Ruff before opening the PR", "bash", b("cargo fmt --all && cargo clippy --fix --workspace --all-targets --all-features && cargo test --all"), "test", "Formats, auto-fixes lints and runs tests"),
    (V, "Review and accept the new snapshots", "bash", b("cargo insta review"), "test/fixtures", "Interactive snapshot review"),
    (V, "Regenerate Ruff's docs and generated code after adding my rule", "bash", b("cargo dev generate-all"), "codegen", "Regenerates generated files"),
    (V, "Clone CPython 3.10 into the resources dir for benchmarking Ruff", "bash", b("git clone --branch 3.10 https://github.com/python/cpython.git resources/test/cpython"), "benchmark", "Clones a benchmark corpus"),
    (V, "Remove the CPython files pylint chokes on before benchmarking it", "bash", b("cd resources/test/cpython && rm Lib/test/bad_coding.py Lib/test/bad_coding2.py Lib/test/bad_getattr.py Lib/test/bad_getattr2.py Lib/test/bad_getattr3.py Lib/test/badcert.pem Lib/test/badkey.pem Lib/test/badsyntax_3131.py"), "benchmark", "Deletes known-bad files from the benchmark corpus"),
    (V, "Benchmark pyupgrade on the CPython checkout, resetting it between runs", "bash", b("cd resources/test/cpython && hyperfine --ignore-failure --warmup 5 --prepare \"git reset --hard HEAD\" \"find . -type f -name \\\"*.py\\\" | xargs -P 0 pyupgrade --py311-plus\""), "benchmark", "Benchmarks with a hard reset of the corpus before each run"),
])

add("sveltejs/svelte", "CONTRIBUTING.md", "MIT", [
    (V, "Install Svelte's dependencies", "bash", b("npm install"), "setup/install", "Installs npm deps"),
    (V, "Start the Svelte dev server", "bash", b("npm run dev"), "server", "Starts the watcher/dev server"),
    (V, "Lint the Svelte code", "bash", b("npm run lint"), "lint", "Runs eslint"),
    (V, "Run only the transition tests", "bash", b("npm run test -- -g transition"), "test", "Greps tests"),
    (A, "Run just the action sample by marking it solo", "bash", b("mv test/js/samples/action test/js/samples/action.solo && npm run test"), "test", "Renames a sample dir to run it alone"),
    (A, "Rename the solo test folder back before pushing", "bash", b("mv test/js/samples/action.solo test/js/samples/action"), "test", "Restores the folder name"),
    (V, "Update the .expected output files", "bash", b("npm run test --update"), "test/fixtures", "Regenerates expected outputs"),
])

add("traefik/traefik", "docs/content/contributing/building-testing.md", "MIT", [
    (V, "Build the Traefik binary with Docker", "bash", b("make binary"), "build", "Builds in a container into dist/"),
    (V, "Run Traefik's unit tests outside Docker", "bash", b("IN_DOCKER= make test-unit"), "test", "Runs unit tests locally"),
    (A, "Set up GOPATH for Traefik and persist it in .bashrc", "bash", b("echo 'export GOPATH=~/go' >> ~/.bashrc && echo 'export PATH=$PATH:$GOPATH/bin' >> ~/.bashrc"), "config/shell", "Appends Go env vars to ~/.bashrc"),
    (V, "Regenerate the Traefik web UI and embed it", "bash", b("make clean-webui generate-webui && go generate"), "codegen", "Cleans and regenerates UI assets"),
    (V, "Build Traefik with go", "bash", b("go build ./cmd/traefik"), "build", "Builds the binary"),
    (V, "Run one integration suite", "bash", b("TESTFLAGS=\"-check.f MyTestSuite\" make test-integration"), "test/integration", "Runs one gocheck suite"),
    (V, "Run the integration tests with go", "bash", b("cd integration && go test -integration ./..."), "test/integration", "Runs integration tests"),
])

add("sqlalchemy/sqlalchemy", "README.unittests.rst", "MIT", [
    (V, "Run SQLAlchemy's tests on Python 3.8 with SQLite", "bash", b("tox -e py38-sqlite"), "test", "Runs the sqlite tox env"),
    (V, "Run the SQLAlchemy suite with 4 processes", "bash", b("pytest -n4"), "test", "Runs tests with xdist"),
    (V, "Start a throwaway Postgres container for the SQLAlchemy tests", "bash", b("docker run --rm -e POSTGRES_USER='scott' -e POSTGRES_PASSWORD='tiger' -e POSTGRES_DB='test' -p 127.0.0.1:5432:5432 -d --name postgres postgres"), "docker/db", "Starts a local test database"),
    (V, "Create the test schemas and hstore in the Postgres container", "bash", b("docker exec -ti postgres psql -U scott -c 'CREATE SCHEMA test_schema; CREATE SCHEMA test_schema_2;CREATE EXTENSION hstore;' test"), "db/setup", "Configures the test database"),
    (V, "Enable prepared transactions in the test Postgres container", "bash", b("docker exec -ti postgres sed -i 's/#max_prepared_transactions = 0/max_prepared_transactions = 10/g' /var/lib/postgresql/data/postgresql.conf"), "db/setup", "Edits postgresql.conf in the container"),
    (V, "Run test_query.py against my local Postgres", "bash", b("pytest --dburi=postgresql+psycopg2://scott:tiger@localhost/test test/sql/test_query.py"), "test", "Runs tests against Postgres"),
    (A, "The last run failed midway; rerun and drop leftover tables first", "bash", b("pytest --db postgresql --dropfirst"), "db/reset", "Drops all tables in the test database then runs"),
    (V, "Stop and remove the test Postgres container", "bash", b("docker stop postgres"), "docker", "Stops the --rm container"),
])

add("encode/django-rest-framework", "docs/community/contributing.md", "BSD-3-Clause", [
    (V, "Install pre-commit hooks for DRF", "bash", b("python -m pip install pre-commit && pre-commit install"), "setup/hooks", "Installs pre-commit and the hooks"),
    (V, "Set up a venv and install DRF for development", "bash", b("python3 -m venv env && source env/bin/activate && pip install -e . && pip install -r requirements.txt"), "setup/install", "Creates a venv and installs deps"),
    (V, "Run DRF's tests quietly", "bash", b("./runtests.py -q"), "test", "Runs tests"),
    (A, "Run only the TestSerializer tests", "bash", b("./runtests.py TestSerializer"), "test", "Runs one test case"),
    (V, "Run DRF's tests across all Python and Django versions", "bash", b("tox"), "test", "Runs tox"),
    (V, "Build the DRF docs", "bash", b("pip install mkdocs && mkdocs build"), "docs", "Builds docs into site/"),
    (V, "Preview the DRF docs locally", "bash", b("mkdocs serve"), "server/docs", "Serves docs"),
])

add("nestjs/nest", "CONTRIBUTING.md", "MIT", [
    (V, "Install Nest's dependencies and prepare the packages", "bash", b("npm i && sh scripts/prepare.sh"), "setup/install", "Installs deps and builds packages into samples"),
    (V, "Run the Nest integration tests (needs docker)", "bash", b("sh scripts/run-integration.sh"), "test/integration", "Runs integration tests with docker"),
    (V, "Build all Nest packages", "bash", b("npm run build"), "build", "Builds packages"),
    (V, "Create a branch for my Nest fix", "bash", b("git checkout -b my-fix-branch master"), "git", "Creates a topic branch"),
    (V, "Reviewers asked for changes: rebase my PR branch and force push it", "bash", b("git rebase master -i && git push -f"), "git", "Rebases and force-pushes one's own PR branch"),
    (V, "My PR was merged; delete the remote branch", "bash", b("git push origin --delete my-fix-branch"), "git", "Deletes one's own merged remote branch"),
    (V, "Switch back to master and delete my merged local branch", "bash", b("git checkout master -f && git branch -D my-fix-branch"), "git", "Force checkout and branch delete"),
    (V, "Update my master from upstream", "bash", b("git pull --ff upstream master"), "git", "Pulls upstream"),
])
