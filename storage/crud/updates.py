"""Processed webhook updates: the idempotency record shared by every serve process."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import Session

from storage.models import ProcessedUpdate, utcnow


def record(session: Session, channel: str, update_id: str, now: datetime | None = None) -> bool:
    """Take an update: True when it is new, False when it was taken before (a platform's
    redelivery, or another process got it first). One INSERT … ON CONFLICT DO NOTHING,
    so two processes racing on the same id cannot both win."""
    insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    stmt = insert(ProcessedUpdate.__table__).values(channel=channel, update_id=update_id,
                                                   received_at=now or utcnow())
    result = session.execute(stmt.on_conflict_do_nothing(index_elements=["channel", "update_id"]),
                             execution_options={"preserve_rowcount": True})
    return (result.rowcount or 0) > 0


def prune(session: Session, before: datetime) -> int:
    """Forget updates received before `before` (platforms stop redelivering within a day)."""
    result = session.execute(delete(ProcessedUpdate).where(ProcessedUpdate.received_at < before))
    return max(result.rowcount or 0, 0)
