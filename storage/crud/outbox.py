"""The delivery outbox: enqueue (idempotent), claim (SKIP LOCKED), settle."""
from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import or_, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import Session, select

from storage.models import ChatBinding, Outbox, utcnow


def enqueue(session: Session, rows: list[dict]) -> int:
    """Insert outbox rows; a row whose key exists already is skipped, not an error.
    Returns how many were new. Runs in the caller's transaction."""
    if not rows:
        return 0
    dialect = session.get_bind().dialect.name
    insert = pg_insert if dialect == "postgresql" else sqlite_insert
    now = utcnow()
    # Every row with every column, so that they can go as one executemany.
    values = [{"status": "pending", "attempts": 0, "claimed_by": "", "last_error": "", "created_at": now,
               "not_before": now, "payload": {}, "person_id": None, "task_id": None, **row} for row in rows]
    # One executemany, not one .values([...]) statement: that one is compiled anew for
    # each call (about 1 ms a row) and goes over PostgreSQL's 65,535 parameters at
    # 5,000 rows. preserve_rowcount: SQLAlchemy 2 otherwise reads rowcount only for
    # UPDATE/DELETE, and psycopg reports -1 for an INSERT.
    table = Outbox.__table__
    result = session.execute(insert(table).on_conflict_do_nothing(index_elements=["key"]), values,
                             execution_options={"preserve_rowcount": True})
    return max(result.rowcount or 0, 0)


def claim(session: Session, now: datetime, *, limit: int, worker: str, lease: timedelta,
          channels: list[str]) -> list[Outbox]:
    """Take up to `limit` rows that are due, or whose claim expired (a dispatcher died
    mid-batch). On PostgreSQL, FOR UPDATE SKIP LOCKED lets several dispatchers claim
    disjoint rows; SQLite has a single writer, so the lock clause is a no-op there.
    Only rows of `channels` (those the dispatcher can send on) are taken."""
    due = or_(
        (Outbox.status == "pending") & (Outbox.not_before <= now),
        (Outbox.status == "sending") & (Outbox.claimed_at < now - lease),
    )
    rows = list(session.exec(
        select(Outbox).where(due, Outbox.channel.in_(channels)).order_by(Outbox.not_before, Outbox.id).limit(limit)
        .with_for_update(skip_locked=True)
    ))
    if not rows:
        return rows
    # One UPDATE for the batch (not one per row through the unit of work).
    session.execute(update(Outbox).where(Outbox.id.in_([r.id for r in rows]))
                    .values(status="sending", claimed_at=now, claimed_by=worker)
                    .execution_options(synchronize_session=False))
    for row in rows:
        session.expunge(row)
        row.status, row.claimed_at, row.claimed_by = "sending", now, worker
    return rows


def mark_sent_many(session: Session, row_ids: list[int], now: datetime) -> None:
    """Settle a batch's delivered rows in one statement (each was claimed, so one more attempt)."""
    if row_ids:
        session.execute(update(Outbox).where(Outbox.id.in_(row_ids))
                        .values(status="sent", sent_at=now, last_error="", attempts=Outbox.attempts + 1)
                        .execution_options(synchronize_session=False))


def retry_later(session: Session, row_id: int, not_before: datetime, error: str, attempts: int) -> None:
    session.execute(update(Outbox).where(Outbox.id == row_id)
                    .values(status="pending", not_before=not_before, claimed_at=None, last_error=error[:500],
                            attempts=attempts))


def park(session: Session, row_id: int, error: str, attempts: int) -> None:
    session.execute(update(Outbox).where(Outbox.id == row_id)
                    .values(status="parked", last_error=error[:500], attempts=attempts))


def mark_blocked(session: Session, row: Outbox, error: str) -> list[int]:
    """The person blocked the bot: the row is not retried, the binding is marked
    inactive, and the ids of affected people are returned (to tell the office)."""
    session.execute(update(Outbox).where(Outbox.id == row.id)
                    .values(status="blocked", last_error=error[:500], attempts=row.attempts + 1))
    bindings = list(session.exec(select(ChatBinding).where(ChatBinding.channel == row.channel,
                                                           ChatBinding.chat_id == row.chat_id,
                                                           ChatBinding.active == True)))  # noqa: E712
    for b in bindings:
        b.active = False
        session.add(b)
    return [b.person_id for b in bindings]
