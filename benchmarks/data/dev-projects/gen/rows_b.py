"""Rows from the development docs of real projects (batch B)."""

from rows_common import A, V, add, b  # noqa: F401

add("discourse/discourse", "docs/DEVELOPER-ADVANCED.md", "GPL-2.0-only", [
    (V, "Install Discourse's gems", "bash", b("bundle install"), "setup/install", "Installs Ruby dependencies"),
    (V, "Start Redis for Discourse development", "bash", b("redis-server"), "server/services", "Starts a local Redis"),
    (V, "Create and migrate the Discourse dev database and prepare the test one", "bash", b("bundle exec rake db:create db:migrate db:test:prepare"), "db/migrate", "Creates, migrates and prepares databases"),
    (V, "Run the Discourse specs continuously", "bash", b("bundle exec rake autospec"), "test", "Runs autospec"),
    (V, "Start the Discourse Rails server", "bash", b("bundle exec rails server"), "server", "Starts Rails on :3000"),
    (V, "Start Sidekiq so development mail gets sent", "bash", b("bundle exec sidekiq"), "server/worker", "Runs the job worker"),
    (V, "Create the Discourse development and test databases for the vagrant user", "bash", b("psql -c \"create database discourse_development owner vagrant encoding 'UTF8' TEMPLATE template0;\" && psql -c \"create database discourse_test owner vagrant encoding 'UTF8' TEMPLATE template0;\""), "db/create", "Creates the two databases"),
    (V, "Enable the hstore and pg_trgm extensions on the dev database", "bash", b("psql -d discourse_development -c \"CREATE EXTENSION hstore;\" && psql -d discourse_development -c \"CREATE EXTENSION pg_trgm;\""), "db/setup", "Creates Postgres extensions"),
])

add("hashicorp/terraform", "BUILDING.md", "BUSL-1.1", [
    (V, "Clone Terraform and check the unit tests pass", "bash", b("git clone https://github.com/hashicorp/terraform.git && cd terraform && make test"), "test", "Clones and runs unit tests"),
    (V, "Build the Terraform release-style binaries for every platform into pkg/", "bash", b("make bin"), "build/release", "Cross-compiles binaries"),
    (A, "Zip the linux_amd64 binary I built like a release archive", "bash", b("cd pkg/linux_amd64 && zip ../terraform_linux_amd64.zip terraform"), "release/package", "Packages a built binary"),
])

add("pypa/pip", "docs/html/development/getting-started.rst", "MIT", [
    (V, "Get the pip source", "bash", b("git clone https://github.com/pypa/pip && cd pip"), "setup/clone", "Clones pip"),
    (V, "Install tox for working on pip", "bash", b("python -m pip install tox"), "setup/install", "Installs tox"),
    (V, "Run pip from the source tree to check it works", "bash", b("python src/pip --version"), "inspect", "Runs pip from src"),
    (V, "Run pip's tests in parallel", "bash", b("tox -e py36 -- -n auto"), "test", "Runs tests with xdist"),
    (V, "Run just the install functional tests", "bash", b("tox -e py36 -- tests/functional/test_install.py"), "test", "Runs one test file"),
    (V, "Run pip's tests but skip the svn and git ones, I don't have them", "bash", b("tox -e py36 -- -k \"not (svn or git)\""), "test", "Runs tests deselecting VCS tests"),
    (V, "Run pip's linters", "bash", b("tox -e lint"), "lint", "Runs pre-commit via tox"),
    (V, "Build pip's docs", "bash", b("tox -e docs"), "docs", "Builds Sphinx docs"),
])

add("grafana/grafana", "contribute/developer-guide.md", "AGPL-3.0-only", [
    (V, "Install Grafana's frontend dependencies", "bash", b("yarn install --immutable"), "setup/install", "Installs JS deps with a frozen lockfile"),
    (V, "Yarn install fails with a checksum mismatch on a linked dependency, work around it", "bash", b("YARN_CHECKSUM_BEHAVIOR=update yarn install --immutable"), "setup/install", "Installs updating checksums"),
    (V, "Build the Grafana frontend and keep watching", "bash", b("yarn start"), "server/watch", "Builds assets in watch mode"),
    (V, "Type-checking errors after pulling; clear the tsbuildinfo cache and retry", "bash", b("rm tsconfig.tsbuildinfo && yarn start"), "clean", "Removes the incremental build cache"),
    (V, "Build and run the Grafana backend", "bash", b("make run"), "server", "Compiles Go and starts the server on :3000"),
    (V, "Start MySQL and Postgres test data sources and run the MySQL integration tests", "bash", b("make devenv sources=mysql_tests,postgres_tests && GRAFANA_TEST_DB=mysql go test -covermode=atomic -tags=integration ./pkg/..."), "test/integration", "Starts DB containers and runs integration tests"),
    (A, "make run fails with too many open files; raise the limit and keep it in ~/.bashrc", "bash", b("ulimit -S -n 4096 && echo ulimit -S -n 4096 >> ~/.bashrc"), "config/shell", "Raises the soft open-file limit and persists it"),
    (V, "Put Grafana in development mode via conf/custom.ini", "write_file", {"path": "conf/custom.ini", "content": "app_mode = development\n"}, "config/edit", "Writes the override config"),
])
