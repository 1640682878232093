"""Alembic migrations: they build exactly the schema the models describe, and go down and up again."""
from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlmodel import SQLModel

import storage.models  # noqa: F401
from storage.db import downgrade, upgrade


def test_migrations_match_models(db):
    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), SQLModel.metadata)
    assert diff == []


def test_downgrade_and_upgrade_again(db, database_url):
    downgrade(database_url, "base")
    upgrade(database_url)
    with db.engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), SQLModel.metadata) == []


def test_0007_moves_each_tasks_next_reminder_into_the_queue_and_back(db, database_url):
    from datetime import UTC, datetime

    from sqlalchemy import text

    downgrade(database_url, "0006")
    due, checked = datetime(2026, 5, 14, 1, 0, tzinfo=UTC), datetime(2026, 5, 13, 1, 0, tzinfo=UTC)
    with db.engine.begin() as conn:
        conn.execute(text("INSERT INTO unit (id, name, aliases, created_at) VALUES (1, 'Sở Tài chính', '', :t)"),
                     {"t": checked})
        for task_id, next_at in ((1, due), (2, None)):
            conn.execute(text(
                "INSERT INTO task (id, lead_unit_id, action, expected_output, status, created_at, updated_at, "
                "completion_output, next_remind_at, remind_checked_at) "
                "VALUES (:id, 1, 'Việc', '', 'open', :t, :t, '', :next_at, :checked)"),
                {"id": task_id, "t": checked, "next_at": next_at, "checked": checked if next_at else None})
    upgrade(database_url, "0008")  # later revisions queue undated tasks of their own
    with db.engine.connect() as conn:
        rows = conn.execute(text("SELECT task_id, due_at, checked_at FROM reminderqueue")).all()
    assert [(r[0], _utc(r[1]), _utc(r[2])) for r in rows] == [(1, due, checked)]
    downgrade(database_url, "0006")
    with db.engine.connect() as conn:
        rows = conn.execute(text("SELECT id, next_remind_at, remind_checked_at FROM task ORDER BY id")).all()
    assert [(r[0], _utc(r[1]), _utc(r[2])) for r in rows] == [(1, due, checked), (2, None, None)]
    upgrade(database_url)


def _utc(value):
    """A time as SQLite (text) or PostgreSQL (aware) returns it, as aware UTC."""
    from datetime import UTC, datetime

    if value is None:
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def test_0008_keeps_only_escalations_in_the_digest_index_and_back(db, database_url):
    import re

    from sqlalchemy import inspect

    def outbox_indexes() -> dict[str, str]:
        """Each outbox index's definition as the database states it."""
        with db.engine.connect() as conn:
            if conn.dialect.name == "postgresql":
                rows = conn.exec_driver_sql("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'outbox' "
                                            "AND schemaname = current_schema()").all()
            else:
                rows = conn.exec_driver_sql("SELECT name, sql FROM sqlite_master WHERE type = 'index' "
                                            "AND tbl_name = 'outbox' AND sql IS NOT NULL").all()
            names = {i["name"] for i in inspect(conn).get_indexes("outbox")}
        return {name: sql for name, sql in rows if name in names}

    indexes = outbox_indexes()
    assert "ix_outbox_kind_task" not in indexes
    # PostgreSQL states it as "WHERE ((kind)::text = 'escalation'::text)"
    partial = re.sub(r"[()]|::text", "", indexes["ix_outbox_escalation_task"])
    assert partial.endswith("task_id WHERE kind = 'escalation'")
    downgrade(database_url, "0007")
    indexes = outbox_indexes()
    assert "ix_outbox_escalation_task" not in indexes and "ix_outbox_kind_task" in indexes
    upgrade(database_url)
    assert "ix_outbox_escalation_task" in outbox_indexes()


def test_0009_completion_review_up_and_down(db, database_url):
    """Down from 0009, a completion awaiting review goes back to the unit's open work (the
    status did not exist before); up again, the review table and new columns are back."""
    from sqlalchemy import inspect, text

    from conftest import TODAY, add_task
    from storage.models import Unit

    with db.session() as s:
        s.add(Unit(name="Sở Tài chính"))
    task_id = add_task(db, 1, "Việc", TODAY)
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE task SET status = 'awaiting_review' WHERE id = :id"), {"id": task_id})
    downgrade(database_url, "0008")
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT status FROM task")).scalar_one() == "in_progress"
        assert "completionreview" not in inspect(conn).get_table_names()
        assert "missing" not in {c["name"] for c in inspect(conn).get_columns("progressreport")}
    upgrade(database_url)
    with db.engine.connect() as conn:
        assert "completionreview" in inspect(conn).get_table_names()
        assert {"missing", "channel"} <= {c["name"] for c in inspect(conn).get_columns("progressreport")}
        assert "ix_task_blocked" in {i["name"] for i in inspect(conn).get_indexes("task")}
        assert compare_metadata(MigrationContext.configure(conn), SQLModel.metadata) == []


def test_0010_records_coordinators_answers_and_queues_undated_tasks(db, database_url):
    from datetime import UTC, date, datetime

    from sqlalchemy import text

    downgrade(database_url, "0008")
    t = datetime(2026, 5, 20, 3, 0, tzinfo=UTC)
    with db.engine.begin() as conn:
        for unit_id, name in ((1, "Sở Tài chính"), (2, "Sở Xây dựng")):
            conn.execute(text("INSERT INTO unit (id, name, aliases, created_at) VALUES (:id, :name, '', :t)"),
                         {"id": unit_id, "name": name, "t": t})
        conn.execute(text("INSERT INTO person (id, unit_id, role, full_name, language, remind_hour, push_channels, active, created_at) "
                          "VALUES (1, 2, 'official', 'A', 'vi', NULL, 'last', :yes, :t)"), {"t": t, "yes": True})
        for task_id, deadline in ((1, date(2026, 5, 30)), (2, None)):
            conn.execute(text(
                "INSERT INTO task (id, lead_unit_id, action, expected_output, status, created_at, updated_at, "
                "completion_output, deadline) VALUES (:id, 1, 'Việc', '', 'open', :t, :t, '', :d)"),
                {"id": task_id, "t": t, "d": deadline})
        conn.execute(text("INSERT INTO taskcoordinator (task_id, unit_id, position, deadline) "
                          "VALUES (1, 2, 0, :d)"), {"d": date(2026, 5, 15)})
        conn.execute(text("INSERT INTO progressreport (task_id, person_id, unit_id, kind, text, output, obstacle, "
                          "plan, attachment_ref, attachment_name, accepted, created_at) "
                          "VALUES (1, 1, 2, 'progress', 'Ý kiến', '', '', '', '', '', :yes, :t)"),
                     {"yes": True, "t": t})
    upgrade(database_url)
    with db.engine.connect() as conn:
        late = conn.execute(text("SELECT late_days FROM taskcoordinator")).scalar_one()
        queued = conn.execute(text("SELECT task_id FROM reminderqueue")).scalars().all()
        risk = conn.execute(text("SELECT at_risk FROM task WHERE id = 1")).scalar_one()
    assert late == 5 and queued == [2] and risk == ""
    downgrade(database_url, "0008")
    upgrade(database_url)
