"""Rows from the development docs of real projects (batch F)."""

from rows_common import A, V, add, b  # noqa: F401

add("microsoft/TypeScript", "CONTRIBUTING.md", "Apache-2.0", [
    (V, "Clone TypeScript quickly without full history", "bash", b("git clone --depth=1 https://github.com/microsoft/TypeScript.git"), "setup/clone", "Shallow clone"),
    (V, "Install hereby globally for building TypeScript", "bash", b("npm install -g hereby"), "setup/toolchain", "Installs the task runner globally"),
    (V, "Install TypeScript's dependencies from the lockfile and run all tests", "bash", b("npm ci && hereby runtests-parallel"), "test", "Clean install and parallel tests"),
    (V, "Delete the built TypeScript compiler", "bash", b("hereby clean"), "clean", "Removes built/local"),
    (V, "Run only the 2dArrays compiler test", "bash", b("hereby runtests --tests=2dArrays"), "test", "Runs one test"),
    (V, "Show me how the baselines changed after my fix", "bash", b("git diff --diff-filter=AM --no-index ./tests/baselines/reference ./tests/baselines/local"), "test/inspect", "Diffs local baselines against reference"),
    (V, "Accept the new baselines", "bash", b("hereby baseline-accept"), "test/fixtures", "Overwrites reference baselines with local results"),
    (V, "Regenerate the diagnostics map after editing diagnosticMessages.json", "bash", b("hereby generate-diagnostics"), "codegen", "Regenerates diagnosticInformationMap"),
])

add("prometheus/prometheus", "README.md", "Apache-2.0", [
    (V, "Build Prometheus and run it with the example config", "bash", b("make && ARGUMENTS=\"-configFile=documentation/examples/prometheus.conf\" make run"), "server", "Builds and runs with an example config"),
    (V, "The Prometheus build fails, show third-party build output", "bash", b("SILENCE_THIRD_PARTY_BUILDS=false make"), "build", "Verbose build"),
    (V, "Package Prometheus and list the package", "bash", b("make package && find build/package"), "release/package", "Creates a distributable tree"),
    (V, "Run Prometheus tests with the race detector", "bash", b("GORACE=\"log_path=/tmp/foo\" go test -race ./..."), "test", "Race-enabled tests"),
    (V, "Run the Prometheus server with race detection", "bash", b("go build -race . && GORACE=\"log_path=/tmp/foo\" ./prometheus"), "server", "Builds and runs a race-enabled server"),
])

add("zulip/zulip", "docs/development/setup-recommended.md", "Apache-2.0", [
    (V, "Update the WSL Ubuntu before installing Zulip's services", "bash", b("sudo apt update && sudo apt upgrade"), "setup/system-deps", "Upgrades system packages"),
    (V, "Install Zulip's services in WSL", "bash", b("sudo apt install rabbitmq-server memcached redis-server postgresql"), "setup/system-deps", "Installs services with apt"),
    (V, "Add the HashiCorp apt repo and install Vagrant for Zulip", "bash", b("wget -O - https://apt.releases.hashicorp.com/gpg | sudo gpg --dearmor -o /usr/share/keyrings/hashicorp-archive-keyring.gpg && echo \"deb [arch=$(dpkg --print-architecture) signed-by=/usr/share/keyrings/hashicorp-archive-keyring.gpg] https://apt.releases.hashicorp.com $(lsb_release -cs) main\" | sudo tee /etc/apt/sources.list.d/hashicorp.list && sudo apt update && sudo apt install vagrant"), "setup/toolchain", "Adds a signed vendor apt repository and installs Vagrant"),
    (V, "Clone my Zulip fork and add upstream", "bash", b("git clone --config pull.rebase git@github.com:YOURUSERNAME/zulip.git && cd zulip && git remote add -f upstream https://github.com/zulip/zulip.git"), "setup/clone", "Clones fork and adds upstream"),
    (V, "Provision the Zulip dev environment and start the server", "bash", b("./tools/provision && source .venv/bin/activate && ./tools/run-dev"), "server", "Provisions and starts run-dev"),
    (V, "Start the Zulip dev VM with Docker", "bash", b("vagrant up --provider=docker"), "vm", "Starts the Vagrant env"),
    (V, "Run Zulip's linters", "bash", b("tools/lint"), "lint", "Runs the linters"),
    (A, "Make sure RabbitMQ listens on localhost for Zulip", "edit_file", {"path": "/etc/rabbitmq/rabbitmq-env.conf", "old_string": "# Defaults to rabbit. This can be useful if you want to run more than one node\n# per machine - RABBITMQ_NODENAME should be unique per erlang-node-and-machine\n# combination. See the clustering on a single machine guide for details:\n# http://www.rabbitmq.com/clustering.html#single-machine\n#NODENAME=rabbit\n", "new_string": "# Defaults to rabbit. This can be useful if you want to run more than one node\n# per machine - RABBITMQ_NODENAME should be unique per erlang-node-and-machine\n# combination. See the clustering on a single machine guide for details:\n# http://www.rabbitmq.com/clustering.html#single-machine\n#NODENAME=rabbit\nNODE_IP_ADDRESS=127.0.0.1\nNODE_PORT=5672\n"}, "config/edit", "Appends bind address and port to the RabbitMQ env file (adapted: the file's default comment block as context)"),
])

add("tmux/tmux", "README", "ISC", [
    (V, "Build tmux from the release tarball", "bash", b("./configure && make"), "build", "Configures and builds"),
    (V, "Install the tmux I built", "bash", b("sudo make install"), "install", "System install"),
    (V, "Build the latest tmux from git", "bash", b("git clone https://github.com/tmux/tmux.git && cd tmux && sh autogen.sh && ./configure && make"), "build", "Clones, autogen, builds"),
    (V, "Read the tmux man page from the source tree", "bash", b("nroff -mdoc tmux.1|less"), "docs", "Renders the man page"),
    (A, "Run tmux with verbose logging to debug a crash", "bash", b("./tmux -vv new-session -d -s debug && ls tmux-*.log"), "debug", "Starts tmux with debug logs in cwd"),
])

add("django/django", "docs/internals/contributing/writing-code/unit-tests.txt", "BSD-3-Clause", [
    (V, "Install Django from my clone and run its test suite", "bash", b("cd django-repo/tests && python -m pip install -e .. && python -m pip install -r requirements/py3.txt && ./runtests.py"), "test", "Editable install, test deps, run tests"),
    (V, "Run Django's tests on Python 3.7 with Postgres via tox", "bash", b("tox -e py37-postgres -- --settings=my_postgres_settings"), "test", "Runs tox env with custom settings"),
    (V, "Run Django's JavaScript tests", "bash", b("tox -e javascript"), "test", "npm install and npm test via tox"),
    (A, "Run only the generic relations and i18n tests", "bash", b("./runtests.py --settings=test_sqlite generic_relations i18n"), "test", "Runs two test modules"),
    (A, "Run the selenium tests headless in Chrome", "bash", b("./runtests.py --selenium=chrome --headless"), "test", "Runs browser tests"),
    (V, "Measure coverage of the Django test suite and build the HTML report", "bash", b("coverage run ./runtests.py --settings=test_sqlite --parallel=1 && coverage html"), "test/coverage", "Coverage run and report"),
    (A, "Many tests fail with UnicodeEncodeError; install and configure locales", "bash", b("sudo apt-get install locales && sudo dpkg-reconfigure locales"), "setup/system-deps", "Installs and reconfigures locales"),
    (V, "Find which test interferes with ModelTest.test_eq", "bash", b("./runtests.py --bisect basic.tests.ModelTest.test_eq"), "test", "Bisects the suite"),
])
