"""Failures turn into clear replies and lose nothing: a database that is down or
restarted, a handler that fails half-way (nothing half-saved)."""
from __future__ import annotations

import os
from datetime import timedelta

import pytest
from sqlalchemy import text
from sqlmodel import select

from conftest import TODAY, TZ, Chat, add_task
from handlers.router import Assistant
from storage.crud import reviews
from storage.db import Database
from storage.models import AuditLog, ProgressReport, Task


def test_unreachable_database_gets_a_polite_reply(clock):
    # A closed local port: the connection is refused at once.
    down = Database("postgresql+psycopg://nobody@127.0.0.1:9/none?connect_timeout=2")
    chat = Chat(Assistant(down, TZ, clock=clock), "u1")
    chat.say("/nhiemvu")
    assert "tạm gián đoạn kết nối cơ sở dữ liệu" in chat.text
    down.dispose()


def test_failure_half_way_saves_nothing(db, province, chat_factory, monkeypatch):
    task_id = add_task(db, province["units"]["stc"], "Việc D", TODAY + timedelta(days=3))
    chat = chat_factory("u1")
    chat.say(f"/start {province['codes']['stc_official']}")
    chat.press(f"s:d:{task_id}")

    def explode(*args, **kwargs):
        raise RuntimeError("disk full")

    # add_report runs first, then the submission for review fails: the report must not stay behind.
    monkeypatch.setattr(reviews, "submit", explode)
    chat.say("Đã ban hành Công văn số 5/STC-NS")
    assert "chưa được ghi nhận" in chat.text
    with db.session() as s:
        assert s.exec(select(ProgressReport)).all() == []
        assert s.get(Task, task_id).status == "open"
        assert not s.exec(select(AuditLog).where(AuditLog.action == "report.accepted")).all()
    # the dialogue is still open: once the fault is gone the same answer goes through
    monkeypatch.undo()
    chat.say("Đã ban hành Công văn số 5/STC-NS")
    assert "chờ Văn phòng đánh giá" in chat.text


@pytest.mark.skipif(not os.environ.get("TEST_DATABASE_URL"), reason="needs PostgreSQL")
def test_postgres_connections_killed_mid_life(db, province, chat_factory):
    """A PostgreSQL restart drops every connection; the next message still works."""
    add_task(db, province["units"]["stc"], "Việc E", TODAY + timedelta(days=3))
    chat = chat_factory("u1")
    chat.say(f"/start {province['codes']['stc_official']}")
    assert "Việc E" in chat.say("/nhiemvu")[0].text
    admin = Database(os.environ["TEST_DATABASE_URL"])
    with admin.engine.connect() as conn:
        conn.execute(text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                          "WHERE pid <> pg_backend_pid() AND datname = current_database()"))
    admin.dispose()
    assert "Việc E" in chat.say("/nhiemvu")[0].text


@pytest.mark.skipif(not os.environ.get("TEST_DATABASE_URL"), reason="needs PostgreSQL")
@pytest.mark.parametrize("checkouts", [1, 3])
def test_checkout_replaces_connections_the_server_ended(database_url, checkouts):
    """Pooled connections whose server sessions ended (a restart) are replaced when
    checked out: no statement ever fails on one, and the ping is a real round trip."""
    db = Database(database_url)
    held = [db.engine.connect() for _ in range(checkouts)]
    pids = [conn.execute(text("SELECT pg_backend_pid()")).scalar_one() for conn in held]
    for conn in held:
        conn.close()  # back to the pool, alive as far as it knows
    admin = Database(os.environ["TEST_DATABASE_URL"])
    with admin.engine.connect() as conn:
        for pid in pids:  # waits (up to 5 s) until each session is gone
            assert conn.execute(text("SELECT pg_terminate_backend(:pid, 5000)"), {"pid": pid}).scalar_one()
    admin.dispose()
    for _ in range(checkouts):
        with db.engine.connect() as conn:
            assert conn.execute(text("SELECT pg_backend_pid()")).scalar_one() not in pids
    db.dispose()
