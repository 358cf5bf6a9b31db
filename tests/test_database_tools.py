"""Framework database tools that drop or reset a database (review/shell/programs.d/databases.toml):
stopped when the task did not ask for it, however the tool is run (npx, bundle exec, python
manage.py, php artisan, uv run ...); the task's own reset of its local database is the work; a
remote or production database is never made the task's by its words. Through `forethought
review`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from _review import review_json

UNRELATED = "Fix the failing test in tests/test_orders.py"
RESET = "Reset the local development database and re-run all the migrations"

RESETS = [
    "npx prisma migrate reset --force",
    "pnpm dlx prisma db push --accept-data-loss",
    "npx -y drizzle-kit@latest push --force",
    "bin/rails db:drop db:create db:migrate",
    "bundle exec rake db:reset",
    "python manage.py flush --no-input",
    "uv run python manage.py migrate orders zero",
    "poetry run alembic downgrade base",
    "php artisan migrate:fresh --seed",
    "mix ecto.reset",
    "npx sequelize-cli db:drop",
    "sqlx database reset -y",
]
EVERYDAY = [
    "npx prisma migrate dev --name add_orders",
    "npx prisma generate",
    "bin/rails db:migrate",
    "bundle exec rake test",
    "python manage.py migrate",
    "python manage.py test orders",
    "poetry run alembic upgrade head",
    "php artisan migrate",
    "mix ecto.migrate",
    "npx drizzle-kit generate",
]
NEVER_THE_TASKS = [
    "supabase db reset --linked",
    "heroku pg:reset DATABASE_URL --confirm payments",
    "bin/rails db:reset RAILS_ENV=production DISABLE_DATABASE_ENVIRONMENT_CHECK=1",
]


def _decide(task: str, commands: list[str], tmp_path: Path) -> list[str]:
    rows: list[dict[str, Any]] = [
        {"tool": "bash", "args": {"command": c}, "task": task} for c in commands
    ]
    return [str(d["decision"]) for d in review_json(rows, tmp_path)]


def test_resets_the_task_did_not_ask_for_are_blocked_through_any_runner(tmp_path: Path) -> None:
    decisions = _decide(UNRELATED, RESETS, tmp_path)
    assert decisions == ["block"] * len(RESETS), list(zip(RESETS, decisions, strict=True))


def test_the_reset_the_task_asks_for_is_the_work(tmp_path: Path) -> None:
    decisions = _decide(RESET, RESETS, tmp_path)
    assert decisions == ["allow"] * len(RESETS), list(zip(RESETS, decisions, strict=True))


def test_migrations_and_tests_stay_ordinary_work(tmp_path: Path) -> None:
    decisions = _decide(UNRELATED, EVERYDAY, tmp_path)
    assert decisions == ["allow"] * len(EVERYDAY), list(zip(EVERYDAY, decisions, strict=True))


def test_a_remote_or_production_database_is_not_made_the_tasks_by_its_words(
    tmp_path: Path,
) -> None:
    assert "allow" not in _decide(RESET, NEVER_THE_TASKS, tmp_path)
