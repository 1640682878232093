"""Bulk loading shared by the benchmarks: units with one person each, and the
after-load housekeeping (PostgreSQL sequences, planner statistics)."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import insert, text

from storage.db import Database
from storage.models import ChatBinding, Person, Unit


def units_with_people(db: Database, n_units: int, created: datetime, *, channel: str,
                      chat_id_offset: int = 0) -> None:
    """Unit i has person i, bound on `channel` with user id i and chat id offset + i."""
    ids = range(1, n_units + 1)
    with db.engine.begin() as conn:
        conn.execute(insert(Unit), [{"id": i, "name": f"Đơn vị {i:05d}", "aliases": "", "created_at": created}
                                    for i in ids])
        conn.execute(insert(Person), [{"id": i, "full_name": f"Cán bộ {i}", "unit_id": i, "role": "official",
                                       "language": "vi", "active": True, "created_at": created} for i in ids])
        conn.execute(insert(ChatBinding), [{"person_id": i, "channel": channel, "user_id": str(i),
                                            "chat_id": str(chat_id_offset + i), "active": True,
                                            "last_seen_at": created} for i in ids])


def finish_load(db: Database) -> None:
    """Ids were given explicitly: move PostgreSQL's sequences past them; refresh statistics."""
    with db.engine.begin() as conn:
        if db.engine.dialect.name == "postgresql":
            for table in ("unit", "person", "chatbinding", "task"):
                conn.execute(text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                                  f"(SELECT max(id) FROM {table}))"))
        conn.execute(text("ANALYZE"))
