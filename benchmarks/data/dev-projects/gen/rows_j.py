"""Rows from the development docs of real projects (batch J)."""

from rows_common import A, V, add, b  # noqa: F401

add("gitlabhq/gitlabhq", "doc/development/database/database_debugging.md", "MIT", [
    (V, "My GDK database is a mess; delete everything and start over with an empty dev DB", "bash", b("bundle exec rake db:reset RAILS_ENV=development"), "db/reset", "Drops and recreates the development database"),
    (V, "Seed the empty GDK database with sample data", "bash", b("bundle exec rake dev:setup"), "db/seed", "Loads sample data"),
    (V, "The test DB is giving me problems; reset it", "bash", b("bundle exec rake db:reset RAILS_ENV=test"), "db/reset", "Resets the test database"),
    (V, "Tear down migration 20170926203418 in my dev DB", "bash", b("bundle exec rake db:migrate:down VERSION=20170926203418 RAILS_ENV=development"), "db/migrate", "Rolls back one migration"),
    (V, "Re-run migration 20170926203418", "bash", b("bundle exec rake db:migrate:redo VERSION=20170926203418 RAILS_ENV=development"), "db/migrate", "Redoes a migration"),
    (V, "Manually remove the record of migration 20170926203418 from the dev DB", "bash", b("gdk psql -d gitlabhq_development -c \"DELETE FROM schema_migrations WHERE version = '20170926203418';\""), "db/edit", "Deletes a schema_migrations row in the dev database"),
    (V, "Let DB GUIs reach the GDK Postgres over TCP", "bash", b("gdk config set postgresql.host localhost && gdk reconfigure"), "config", "Reconfigures GDK Postgres host"),
    (A, "Specs fail with PendingMigrationError under Spring; kill the spring server and app", "bash", b("ps aux | grep spring && kill 87304 37709"), "server/kill", "Kills the stale spring processes by pid"),
])

add("rust-lang/rust", "README.md", "MIT OR Apache-2.0", [
    (V, "Start a config.toml for building rustc", "bash", b("cp config.toml.example config.toml"), "config", "Copies the example build config"),
    (V, "Build and install Rust from source", "bash", b("./x.py build && ./x.py install"), "build/install", "Bootstraps and installs rustc"),
    (V, "Build the Rust documentation", "bash", b("./x.py doc"), "docs", "Builds docs"),
    (V, "Build Rust with configure and make and install it", "bash", b("./configure && make && sudo make install"), "build/install", "Configure/make path with system install"),
    (V, "Go back to config.toml after using configure", "bash", b("rm config.mk"), "clean", "Deletes the generated config.mk"),
])
