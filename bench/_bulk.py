"""Bulk loading shared by the benchmarks: units with one person each, and the
after-load housekeeping (PostgreSQL sequences, planner statistics)."""
from __future__ import annotations

import argparse
import tempfile
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from sqlalchemy import create_engine, insert, text

from storage.db import Database
from storage.models import ChatBinding, Person, Unit


def scratch_database(url: str | None, name: str) -> tuple[str, Callable[[], None]]:
    """A fresh database for one run: a SQLite file in a temp dir, or a new schema in
    the given PostgreSQL. Returns its URL and what drops it afterwards."""
    if not url:
        return f"sqlite:///{Path(tempfile.mkdtemp(prefix=f'bench-{name}-')) / 'bench.db'}", lambda: None
    schema = f"bench_{name}_{uuid.uuid4().hex[:8]}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))

    def drop() -> None:
        with admin.connect() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()
    return f"{url}{'&' if '?' in url else '?'}options=-csearch_path%3D{schema}", drop


@contextmanager
def scratch_db(url: str | None, name: str) -> Iterator[Database]:
    """A migrated scratch database (see scratch_database), disposed of and dropped on exit."""
    scratch, drop = scratch_database(url, name)
    db = Database(scratch)
    try:
        db.upgrade()
        yield db
    finally:
        db.dispose()
        drop()


def size_arguments(description: str | None, tasks: int, units: int) -> argparse.ArgumentParser:
    """The options every database benchmark takes: where, and how many tasks over how many units."""
    ap = argparse.ArgumentParser(description=description, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--url", help="PostgreSQL URL (default: a SQLite file in a temp dir); a scratch schema is used")
    ap.add_argument("--tasks", type=int, default=tasks)
    ap.add_argument("--units", type=int, default=units)
    return ap


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
    """Ids were given explicitly: move PostgreSQL's sequences past them. Then what a
    database that has run a while has had: statistics, and on PostgreSQL a VACUUM
    (autovacuum's, after a load this size) and a CHECKPOINT. Without them the first
    query to read each fresh row rewrites its page (hint bits), and reads wait for the
    load's dirty pages to be written out to make room: the benchmark measured the load."""
    postgres = db.engine.dialect.name == "postgresql"
    with db.engine.begin() as conn:
        if postgres:
            for table in ("unit", "person", "chatbinding", "task"):
                conn.execute(text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                                  f"(SELECT max(id) FROM {table}))"))
        else:
            conn.execute(text("ANALYZE"))
    if postgres:
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text("VACUUM (ANALYZE)"))
            conn.execute(text("CHECKPOINT"))
