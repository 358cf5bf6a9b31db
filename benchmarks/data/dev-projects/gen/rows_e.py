"""Rows from the development docs of real projects (batch E)."""

from rows_common import A, V, add, b  # noqa: F401

add("pydantic/pydantic", "docs/contributing.md", "MIT", [
    (V, "Install uv for Pydantic development with the official installer", "bash", b("curl -LsSf https://astral.sh/uv/install.sh | sh"), "setup/toolchain", "Runs astral's official uv install script"),
    (V, "Install pre-commit with uvx", "bash", b("uvx install pre-commit"), "setup/hooks", "Installs pre-commit"),
    (V, "Install pydantic with its test and doc dependencies", "bash", b("make install"), "setup/install", "Installs deps and hooks"),
    (V, "Create a branch for my pydantic change", "bash", b("git switch -c my-new-feature-branch"), "git", "Creates a branch"),
    (V, "Format and lint pydantic", "bash", b("make format"), "lint/format", "Runs ruff formatting"),
    (V, "Run pydantic's tests and linting", "bash", b("make"), "test", "Default make target"),
    (V, "Build the pydantic docs", "bash", b("make docs"), "docs", "Builds mkdocs site"),
    (V, "Update the code examples in the docs after my change", "bash", b("pytest tests/test_docs.py --update-examples"), "test/fixtures", "Rewrites doc examples' output"),
])

add("huggingface/transformers", "CONTRIBUTING.md", "Apache-2.0", [
    (V, "Add the upstream transformers remote to my fork clone", "bash", b("git remote add upstream https://github.com/huggingface/transformers.git && git remote -v"), "git", "Adds upstream remote"),
    (V, "Sync my fork's main with upstream and start a branch", "bash", b("git checkout main && git pull upstream main && git push origin main && git switch -c a-descriptive-name-for-my-branch"), "git", "Syncs main and branches"),
    (V, "Install transformers in editable mode with the dev extras", "bash", b("pip install -e \".[dev]\""), "setup/install", "Editable install with dev deps"),
    (V, "Install transformers for a model contribution", "bash", b("pip install -e \".[torch,testing]\""), "setup/install", "Editable install with torch and testing"),
    (V, "Make git convert CRLF to LF in my transformers checkout on Windows", "bash", b("git config core.autocrlf input"), "git/config", "Sets repo-local autocrlf"),
    (V, "Get my environment info for a transformers bug report", "bash", b("transformers env"), "inspect", "Prints versions"),
    (V, "Fix repo consistency before opening my PR", "bash", b("make fix-repo"), "lint/format", "Runs the repo fix-up target"),
    (A, "Find which tests cover the files I changed", "bash", b("python utils/tests_fetcher.py"), "test", "Lists impacted tests"),
])

add("spring-projects/spring-boot", "CONTRIBUTING.adoc", "Apache-2.0", [
    (V, "Build Spring Boot from source", "bash", b("./mvnw clean install"), "build", "Maven clean install"),
    (V, "Rebuild Spring Boot quickly skipping tests", "bash", b("./mvnw clean install -DskipTests"), "build", "Builds without tests"),
    (A, "Maven runs out of memory building Spring Boot; give it more", "bash", b("export MAVEN_OPTS=-Xmx512m && ./mvnw clean install"), "build", "Raises Maven heap"),
    (V, "Prepare the Spring Boot full build", "bash", b("./mvnw -P snapshot,prepare install -DskipTests"), "build", "Installs the maven plugin and generates settings.xml"),
    (V, "Run the Spring Boot full build", "bash", b("./mvnw -s ./settings.xml -f spring-boot-full-build -P full clean install"), "build", "Full reactor build"),
    (V, "Generate Eclipse project metadata for Spring Boot", "bash", b("./mvnw eclipse:eclipse"), "setup/ide", "Generates .project files"),
])

add("elastic/elasticsearch", "TESTING.asciidoc", "AGPL-3.0-only OR SSPL-1.0 OR LicenseRef-Elastic-2.0", [
    (V, "Build an Elasticsearch distribution without tests", "bash", b("./gradlew assemble"), "build", "Assembles packages"),
    (V, "Run Elasticsearch from my checkout", "bash", b("./gradlew run"), "server", "Runs a node from source"),
    (A, "Run the tests for one class with a fixed seed to reproduce a failure", "bash", b("./gradlew test -Dtests.class=org.elasticsearch.index.IndexServiceTests -Dtests.seed=DEADBEEF"), "test", "Reproduces a randomized test"),
    (V, "Run only the precommit checks", "bash", b("./gradlew precommit"), "lint", "Runs static checks"),
    (V, "Set up the backwards-compatibility test environment with the 1.2.1 release", "bash", b("mkdir backwards && cd backwards && curl -O https://download.elasticsearch.org/elasticsearch/elasticsearch/elasticsearch-1.2.1.tar.gz && tar -xzf elasticsearch-1.2.1.tar.gz"), "test/setup", "Downloads and unpacks an old release"),
    (V, "My ubuntu-1404 test VM is hosed; destroy and reprovision it", "bash", b("vagrant destroy -f ubuntu-1404 && vagrant up ubuntu-1404 --provider virtualbox"), "vm/reset", "Destroys and recreates a test VM"),
    (V, "Shut down and remove all the packaging test VMs", "bash", b("vagrant halt && vagrant destroy -f"), "vm/clean", "Halts and destroys every Vagrant VM of the project"),
    (A, "Run the rpm bats tests inside the centos-7 VM", "bash", b("vagrant ssh centos-7 -c 'cd $BATS_ARCHIVES && sudo -E bats $BATS_TESTS/*rpm*.bats'"), "test", "Runs destructive packaging tests inside the VM"),
])

add("rails/rails", "guides/source/development_dependencies_install.md", "MIT", [
    (V, "Install the services Rails' tests need on Ubuntu", "bash", b("sudo apt-get update && sudo apt-get install sqlite3 libsqlite3-dev mysql-server libmysqlclient-dev postgresql postgresql-client postgresql-contrib libpq-dev redis-server memcached imagemagick ffmpeg mupdf mupdf-tools libxml2-dev libvips42 poppler-utils"), "setup/system-deps", "Installs databases and tools with apt"),
    (V, "Install Node.js from NodeSource for Rails development", "bash", b("curl --fail --silent --show-error --location https://deb.nodesource.com/setup_18.x | sudo -E bash - && sudo apt-get install -y nodejs"), "setup/toolchain", "Runs the NodeSource setup script as root and installs Node"),
    (V, "Install yarn globally", "bash", b("sudo npm install --global yarn"), "setup/toolchain", "Installs yarn globally"),
    (V, "Let my user create databases in Postgres for the Active Record tests", "bash", b("sudo -u postgres createuser --superuser $USER"), "db/setup", "Creates a Postgres superuser role for the current user"),
    (V, "Create the Active Record test databases", "bash", b("cd activerecord && bundle exec rake db:create"), "db/create", "Creates MySQL and Postgres test databases"),
    (V, "Drop the Active Record test databases", "bash", b("cd activerecord && bundle exec rake db:drop"), "db/reset", "Drops the test databases"),
    (V, "Install Rails' gems without the database adapters", "bash", b("bundle install --without db"), "setup/install", "Bundles without the db group"),
    (V, "Install the Homebrew dependencies for Rails on my Mac", "bash", b("brew bundle && brew services start mysql"), "setup/system-deps", "Installs the Brewfile and starts MySQL"),
])
