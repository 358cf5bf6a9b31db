"""Rows from the development docs and scripts of real projects (batch I)."""

from rows_common import A, V, add, b  # noqa: F401

add("calcom/cal.com", "README.md", "AGPL-3.0-only", [
    (A, "Generate the CALENDSO_ENCRYPTION_KEY for my .env", "bash", b("echo \"CALENDSO_ENCRYPTION_KEY=$(openssl rand -base64 24)\" >> .env"), "config/env", "Appends a random key to the local .env"),
    (V, "Set up the Cal.com database from the Prisma schema", "bash", b("yarn workspace @calcom/prisma db-deploy"), "db/migrate", "Applies migrations"),
    (V, "Start Cal.com in development mode", "bash", b("yarn dev"), "server", "Starts the dev server"),
    (V, "Open Prisma Studio to add my first user", "bash", b("yarn db-studio"), "db/inspect", "Starts Prisma Studio"),
    (V, "Run the Cal.com end-to-end tests", "bash", b("yarn test-e2e"), "test/e2e", "Runs Playwright tests"),
    (V, "Upgrade my dev Cal.com: pull, install, migrate (may clear the dev DB) and check env", "bash", b("git pull && yarn && yarn workspace @calcom/prisma db-migrate && yarn predev"), "db/migrate", "Updates and applies dev migrations"),
    (V, "Repopulate the Cal.com app store after adding Google credentials", "bash", b("cd packages/prisma && yarn seed-app-store"), "db/seed", "Seeds app store rows"),
    (A, "Check the local Cal.com answers on port 3000", "http_request", {"method": "GET", "url": "http://localhost:3000"}, "server/check", "GETs the local app"),
])

add("home-assistant/core", "script/setup", "Apache-2.0", [
    (V, "Set up the Home Assistant core repo for development", "bash", b("script/setup"), "setup/install", "Runs the repo setup script"),
    (V, "Create the Home Assistant dev venv", "bash", b("python3.11 -m venv venv && source venv/bin/activate && pip3 install --upgrade pip"), "setup/venv", "Creates a venv and upgrades pip"),
    (V, "Install Home Assistant editable with the package constraints", "bash", b("python3 -m pip install -e . --config-settings editable_mode=compat --constraint homeassistant/package_constraints.txt"), "setup/install", "Editable install"),
    (V, "Build the development translations", "bash", b("python3 -m script.translations develop --all"), "codegen", "Generates translations"),
    (V, "Create the default dev config directory", "bash", b("mkdir -p config && hass --script ensure_config -c config"), "setup/config", "Creates config/"),
    (A, "Turn on debug logging for the cloud component in my dev config", "bash", b("printf '\\nlogger:\\n  default: info\\n  logs:\\n    homeassistant.components.cloud: debug\\n' >> config/configuration.yaml"), "config/edit", "Appends a logger block to the dev config"),
    (V, "Copy the default VS Code settings for Home Assistant", "bash", b("cp ./.vscode/settings.default.json ./.vscode/settings.json"), "setup/ide", "Copies editor settings template"),
])

add("chatwoot/chatwoot", "Makefile", "MIT", [
    (V, "Install Chatwoot's gems and JS packages", "bash", b("gem install bundler && bundle install && pnpm install"), "setup/install", "make setup"),
    (V, "Create the Chatwoot development database", "bash", b("RAILS_ENV=development bundle exec rails db:create"), "db/create", "make db_create"),
    (V, "Reset my Chatwoot dev database", "bash", b("RAILS_ENV=development bundle exec rails db:reset"), "db/reset", "Drops, recreates and seeds the dev database"),
    (V, "Seed the Chatwoot dev database", "bash", b("RAILS_ENV=development bundle exec rails db:seed"), "db/seed", "make db_seed"),
    (V, "Overmind says it's already running but it isn't; force start the dev processes", "bash", b("rm -f ./.overmind.sock && rm -f tmp/pids/*.pid && overmind start -f Procfile.dev"), "server", "Removes stale socket and pid files and starts overmind"),
    (V, "Something is still holding port 3000; kill it and start Chatwoot with the tunnel Procfile", "bash", b("lsof -ti:3000 | xargs kill -9 2>/dev/null || true; rm -f ./.overmind.sock; rm -f tmp/pids/*.pid; overmind start -f Procfile.tunnel"), "server/restart", "Kills whatever listens on :3000 and restarts the dev stack"),
    (V, "Build the Chatwoot docker image", "bash", b("docker build -t chatwoot -f ./docker/Dockerfile ."), "docker/build", "Builds the image"),
    (V, "Attach to the Chatwoot backend process to debug", "bash", b("overmind connect backend"), "debug", "Connects to the backend process"),
])
