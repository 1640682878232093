"""Processed webhook updates: the idempotency record shared by every serve process."""
from __future__ import annotations

from datetime import datetime
from functools import cache

from sqlalchemy import bindparam, delete, text
from sqlalchemy.engine import Connection
from sqlmodel import Session

from storage.db import dialect_insert
from storage.models import ProcessedUpdate, utcnow


@cache  # built once per dialect: every webhook update runs it
def _take(dialect_name: str):
    table = ProcessedUpdate.__table__
    return (dialect_insert(dialect_name)(table)
            .values(channel=bindparam("channel"), update_id=bindparam("update_id"),
                    received_at=bindparam("received_at", type_=table.c.received_at.type))
            .on_conflict_do_nothing(index_elements=["channel", "update_id"])
            .execution_options(preserve_rowcount=True))


def record(db: Session | Connection, channel: str, update_id: str, now: datetime | None = None) -> bool:
    """Take an update: True when it is new, False when it was taken before (a platform's
    redelivery, or another process got it first). One INSERT … ON CONFLICT DO NOTHING,
    so two processes racing on the same id cannot both win. `db` is a session or, lighter
    for this one statement, a connection in a transaction."""
    dialect = db.dialect if isinstance(db, Connection) else db.get_bind().dialect
    result = db.execute(_take(dialect.name), {"channel": channel, "update_id": update_id,
                                              "received_at": now or utcnow()})
    return (result.rowcount or 0) > 0


def record_many(conn: Connection, keys: list[tuple[str, str]], now: datetime | None = None) -> set[tuple[str, str]]:
    """Take several updates in one statement: the (channel, update_id) pairs that were new.
    The same ON CONFLICT DO NOTHING as `record`, so a pair taken before (or by another
    process racing on it) is not returned; RETURNING names only the rows inserted."""
    keys = list(dict.fromkeys(keys))
    params: dict = {"received_at": now or utcnow()}
    for i, (channel, update_id) in enumerate(keys):
        params[f"c{i}"], params[f"u{i}"] = channel, update_id
    return {(c, u) for c, u in conn.execute(_take_many(len(keys)), params)}


@cache  # n ≤ a server's concurrency
def _take_many(n: int):
    # Built once per batch size, as text: SQLAlchemy compiles a multi-row INSERT construct
    # anew on every execution (its cache skips them), which cost more than the INSERT.
    table = ProcessedUpdate.__table__
    rows = ", ".join(f"(:c{i}, :u{i}, :received_at)" for i in range(n))
    return (text(f"INSERT INTO {table.name} (channel, update_id, received_at) VALUES {rows} "
                 "ON CONFLICT (channel, update_id) DO NOTHING RETURNING channel, update_id")
            .bindparams(bindparam("received_at", type_=table.c.received_at.type)))


def prune(session: Session, before: datetime) -> int:
    """Forget updates received before `before` (platforms stop redelivering within a day)."""
    result = session.execute(delete(ProcessedUpdate).where(ProcessedUpdate.received_at < before))
    return max(result.rowcount or 0, 0)
