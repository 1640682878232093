"""Processed webhook updates: the idempotency record shared by every serve process."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import bindparam, delete
from sqlalchemy.engine import Connection
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import Session

from storage.models import ProcessedUpdate, utcnow


def _take(insert):
    table = ProcessedUpdate.__table__
    return (insert(table)
            .values(channel=bindparam("channel"), update_id=bindparam("update_id"),
                    received_at=bindparam("received_at", type_=table.c.received_at.type))
            .on_conflict_do_nothing(index_elements=["channel", "update_id"])
            .execution_options(preserve_rowcount=True))


# Built once: every webhook update runs it.
_TAKE = {"postgresql": _take(pg_insert), "sqlite": _take(sqlite_insert)}


def record(db: Session | Connection, channel: str, update_id: str, now: datetime | None = None) -> bool:
    """Take an update: True when it is new, False when it was taken before (a platform's
    redelivery, or another process got it first). One INSERT … ON CONFLICT DO NOTHING,
    so two processes racing on the same id cannot both win. `db` is a session or, lighter
    for this one statement, a connection in a transaction."""
    dialect = db.dialect if isinstance(db, Connection) else db.get_bind().dialect
    result = db.execute(_TAKE[dialect.name], {"channel": channel, "update_id": update_id,
                                              "received_at": now or utcnow()})
    return (result.rowcount or 0) > 0


def prune(session: Session, before: datetime) -> int:
    """Forget updates received before `before` (platforms stop redelivering within a day)."""
    result = session.execute(delete(ProcessedUpdate).where(ProcessedUpdate.received_at < before))
    return max(result.rowcount or 0, 0)
