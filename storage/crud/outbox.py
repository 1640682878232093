"""The delivery outbox: enqueue (idempotent), claim (SKIP LOCKED), settle."""
from __future__ import annotations

import json
from datetime import datetime, timedelta

from sqlalchemy import Row, update
from sqlalchemy import select as sa_select
from sqlmodel import Session, select

from storage.db import dialect_insert
from storage.models import ChatBinding, Outbox, utcnow


class JsonText(str):
    """A payload serialized already: the sweep builds thousands of them from pieces it
    shares (json.dumps of each dict was a tenth of a sweep)."""


def enqueue(session: Session, rows: list[dict]) -> int:
    """Insert outbox rows; a row whose key exists already is skipped, not an error.
    Returns how many were new. Runs in the caller's transaction. A row's payload is a
    dict or a JsonText."""
    if not rows:
        return 0
    dialect = session.get_bind().dialect
    now = utcnow()
    defaults = {"status": "pending", "attempts": 0, "claimed_by": "", "last_error": "", "created_at": now,
                "not_before": now, "payload": {}, "person_id": None, "task_id": None}
    if dialect.name == "postgresql" and len(rows) < COPY_FROM:
        # A few rows (a notice, a small sweep): one executemany through SQLAlchemy.
        # preserve_rowcount: SQLAlchemy 2 otherwise reads rowcount only for UPDATE/DELETE,
        # and psycopg reports -1 for an INSERT.
        values = [{**defaults, **row} for row in rows]
        for v in values:
            if isinstance(v["payload"], JsonText):
                v["payload"] = json.loads(v["payload"])
        result = session.execute(dialect_insert("postgresql")(Outbox.__table__).on_conflict_do_nothing(index_elements=["key"]),
                                 values, execution_options={"preserve_rowcount": True})
        return max(result.rowcount or 0, 0)
    # Many rows: plain tuples straight to the driver. SQLAlchemy's per-value processing
    # (UTC check and formatting of each time, JSON of each payload) was a third of a
    # sweep; times here are processed once per distinct value, by the column's own type.
    when = time_processor(dialect)
    tuples = []
    for row in rows:
        payload = row.get("payload", {})
        tuples.append((row["key"], row["channel"], row["chat_id"], row.get("person_id"), row.get("task_id"),
                       row["kind"], payload if isinstance(payload, JsonText) else json.dumps(payload, ensure_ascii=False),
                       row.get("status", "pending"), row.get("attempts", 0), when(row.get("not_before", now)),
                       row.get("claimed_by", ""), row.get("last_error", ""), when(row.get("created_at", now))))
    if dialect.name == "postgresql":
        return _copy_in(session, tuples)
    result = session.connection().exec_driver_sql(
        f"INSERT INTO outbox ({', '.join(_COLUMNS)}) VALUES ({', '.join('?' * len(_COLUMNS))}) "
        f"ON CONFLICT (key) DO NOTHING", tuples, execution_options={"preserve_rowcount": True})
    return max(result.rowcount or 0, 0)


def time_processor(dialect):
    """The outbox time columns' bind processing (aware check, UTC, the dialect's storage
    form), memoized: a batch's rows share a handful of distinct times."""
    column_type = Outbox.__table__.c.not_before.type
    process = column_type.dialect_impl(dialect).bind_processor(dialect) or (lambda v: v)
    seen: dict[datetime, object] = {}

    def when(value: datetime):
        out = seen.get(value)
        if out is None:
            out = seen[value] = process(value)
        return out
    return when


# From this many rows on, PostgreSQL gets them by COPY: the keys already there are
# looked up first and the others copied straight into the outbox, a third of the time
# of an INSERT … ON CONFLICT DO NOTHING (itself half that of the executemany). Should
# another transaction insert one of the keys in between (nothing does: a sweep's keys
# are its locked tasks'), the COPY fails and the rows go through a temporary table and
# one INSERT … SELECT … ON CONFLICT DO NOTHING instead.
COPY_FROM = 200
_COLUMNS = ("key", "channel", "chat_id", "person_id", "task_id", "kind", "payload", "status", "attempts",
            "not_before", "claimed_by", "last_error", "created_at")


def _copy_in(session: Session, tuples: list[tuple]) -> int:
    columns = ", ".join(_COLUMNS)
    cursor = session.connection().connection.driver_connection.cursor()
    with cursor:
        cursor.execute("SELECT key FROM outbox WHERE key = ANY(%s)", ([row[0] for row in tuples],))
        taken = {key for (key,) in cursor.fetchall()}
        fresh = []
        for row in tuples:
            if row[0] not in taken:
                taken.add(row[0])  # a key twice in one call: the first wins, as with ON CONFLICT
                fresh.append(row)
        from psycopg.errors import UniqueViolation  # PostgreSQL only: SQLite never loads psycopg

        cursor.execute("SAVEPOINT outbox_copy")
        try:
            with cursor.copy(f"COPY outbox ({columns}) FROM STDIN") as copy:
                copy.write(_copy_text(fresh))
        except UniqueViolation:
            cursor.execute("ROLLBACK TO SAVEPOINT outbox_copy")
        else:
            cursor.execute("RELEASE SAVEPOINT outbox_copy")
            return len(fresh)
        # One per connection, the outbox's column types without its constraints; emptied
        # at commit, and below for a second call in the same transaction.
        cursor.execute(f"CREATE TEMP TABLE IF NOT EXISTS outbox_incoming ON COMMIT DELETE ROWS "
                       f"AS SELECT {columns} FROM outbox WITH NO DATA")
        with cursor.copy(f"COPY outbox_incoming ({columns}) FROM STDIN") as copy:
            copy.write(_copy_text(tuples))
        cursor.execute(f"INSERT INTO outbox ({columns}) SELECT {columns} FROM outbox_incoming "
                       f"ON CONFLICT (key) DO NOTHING")
        new = cursor.rowcount
        cursor.execute("TRUNCATE outbox_incoming")
    return new


def _copy_field(value: str) -> str:
    """A text value escaped for COPY's text format (most need nothing)."""
    if "\\" in value or "\t" in value or "\n" in value or "\r" in value:
        return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
    return value


def _copy_text(tuples: list[tuple]) -> str:
    """Rows (in _COLUMNS order) in COPY's text format, written here in one piece:
    psycopg's write_row converts value by value, a tenth of a sweep. A batch's times are
    a few distinct values, each written out once."""
    times: dict[datetime, str] = {}

    def when(value: datetime) -> str:
        text_ = times.get(value)
        if text_ is None:
            text_ = times[value] = value.isoformat()
        return text_

    esc = _copy_field
    lines = []
    for (key, channel, chat_id, person_id, task_id, kind, payload, status, attempts, not_before, claimed_by,
         last_error, created_at) in tuples:
        # The payload is JSON: no raw tab or line break, only backslashes to double.
        lines.append("\t".join((
            esc(key), esc(channel), esc(chat_id), "\\N" if person_id is None else str(person_id),
            "\\N" if task_id is None else str(task_id), esc(kind), payload.replace("\\", "\\\\"), esc(status),
            str(attempts), when(not_before), esc(claimed_by), esc(last_error), when(created_at))))
    lines.append("")
    return "\n".join(lines)


def claim(session: Session, now: datetime, *, limit: int, worker: str, lease: timedelta,
          channels: list[str]) -> list[Row]:
    """Take up to `limit` rows that are due, or whose claim expired (a dispatcher died
    mid-batch). On PostgreSQL, FOR UPDATE SKIP LOCKED lets several dispatchers claim
    disjoint rows; SQLite has a single writer, so the lock clause is a no-op there.
    Only rows of `channels` (those the dispatcher can send on) are taken.

    Returns plain rows with the Outbox columns as they were before the claim (not ORM
    objects: building and detaching those was a fifth of a claim's time)."""
    columns = Outbox.__table__.c
    # Expired claims first (rare: a dispatcher died); they have waited longest.
    rows = list(session.execute(
        sa_select(*columns).where(columns.status == "sending", columns.claimed_at < now - lease,
                                  columns.channel.in_(channels))
        .order_by(columns.not_before, columns.id).limit(limit).with_for_update(skip_locked=True)
    ))
    if len(rows) < limit:
        # Not one query with an OR of both cases: that one read and sorted every due row
        # for each batch. This one walks ix_outbox_status_not_before and stops at `limit`;
        # rows due at the same instant come in index order (id order on SQLite, about
        # insertion order on PostgreSQL), as ordering by id too would mean sorting
        # every row of a broadcast (all due at one hour) for each batch.
        rows += session.execute(
            sa_select(*columns).where(columns.status == "pending", columns.not_before <= now,
                                      columns.channel.in_(channels))
            .order_by(columns.not_before).limit(limit - len(rows)).with_for_update(skip_locked=True)
        )
    if rows:
        # One UPDATE for the batch (not one per row through the unit of work).
        session.execute(update(Outbox).where(Outbox.id.in_([r.id for r in rows]))
                        .values(status="sending", claimed_at=now, claimed_by=worker)
                        .execution_options(synchronize_session=False))
    return rows


def holders(session: Session, prefix: str) -> list[str]:
    """The workers (claimed_by) holding rows in `sending` whose name starts with `prefix`."""
    columns = Outbox.__table__.c
    return list(session.execute(sa_select(columns.claimed_by).where(
        columns.status == "sending", columns.claimed_by.startswith(prefix, autoescape=True)).distinct()).scalars())


def release(session: Session, workers: list[str]) -> int:
    """Make the rows these (dead) workers held in `sending` due again now."""
    if not workers:
        return 0
    result = session.execute(update(Outbox).where(Outbox.status == "sending", Outbox.claimed_by.in_(workers))
                             .values(status="pending", claimed_by="")
                             .execution_options(synchronize_session=False))
    return result.rowcount or 0


def mark_sent_many(session: Session, row_ids: list[int], now: datetime) -> None:
    """Settle a batch's delivered rows in one statement (each was claimed, so one more attempt)."""
    if row_ids:
        session.execute(update(Outbox).where(Outbox.id.in_(row_ids))
                        .values(status="sent", sent_at=now, last_error="", attempts=Outbox.attempts + 1)
                        .execution_options(synchronize_session=False))


def drop(session: Session, row_ids: list[int]) -> None:
    """Claimed reminders not to send: their task is no longer open."""
    if row_ids:
        session.execute(update(Outbox).where(Outbox.id.in_(row_ids)).values(status="dropped")
                        .execution_options(synchronize_session=False))


def retry_later(session: Session, row_id: int, not_before: datetime, error: str, attempts: int) -> None:
    session.execute(update(Outbox).where(Outbox.id == row_id)
                    .values(status="pending", not_before=not_before, claimed_at=None, last_error=error[:500],
                            attempts=attempts))


def park(session: Session, row_id: int, error: str, attempts: int) -> None:
    session.execute(update(Outbox).where(Outbox.id == row_id)
                    .values(status="parked", last_error=error[:500], attempts=attempts))


def mark_blocked(session: Session, row: Row, error: str) -> list[int]:
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
