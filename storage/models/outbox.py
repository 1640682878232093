from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Index, text
from sqlmodel import Column, Field, SQLModel

from .base import utcnow

# pending: waiting to be sent (not before `not_before`); sending: claimed by a
# dispatcher (a claim older than the lease is taken over after a crash); sent;
# parked: refused for good (bad request, too many attempts) — kept for the office
# to see; blocked: the person blocked the bot; dropped: a reminder whose task was no
# longer open when its turn came (not sent).
OUTBOX_STATUSES = ("pending", "sending", "sent", "parked", "blocked", "dropped")


class Outbox(SQLModel, table=True):
    """Every push, written in the same transaction as its cause. The unique key makes
    the same reminder impossible to enqueue twice."""

    __table_args__ = (
        Index("ix_outbox_status_not_before", "status", "not_before"),
        # The daily digest looks up escalations by task. Partial: the other pushes (a
        # sweep copies thousands) are not in it, and no query looks them up by kind.
        Index("ix_outbox_escalation_task", "task_id", postgresql_where=text("kind = 'escalation'"),
              sqlite_where=text("kind = 'escalation'")),
    )

    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(max_length=200, unique=True)
    channel: str = Field(max_length=16)
    chat_id: str = Field(max_length=64)
    # What the push is about, for the digest and the office; no foreign keys: on
    # PostgreSQL each one locks the referenced row (KEY SHARE rewrites its header) for
    # every push, which doubled a sweep's insert, and people and tasks are never deleted.
    person_id: int | None = None
    task_id: int | None = None
    kind: str = Field(max_length=32)
    payload: dict = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    status: str = Field(default="pending", max_length=16)
    attempts: int = 0
    not_before: datetime = Field(default_factory=utcnow)
    claimed_at: datetime | None = None
    claimed_by: str = Field(default="", max_length=64)
    sent_at: datetime | None = None
    last_error: str = Field(default="", max_length=500)
    created_at: datetime = Field(default_factory=utcnow)


class Snooze(SQLModel, table=True):
    """"Nhắc lại sau": no push about this task to this person before `until`."""

    person_id: int = Field(foreign_key="person.id", primary_key=True)
    task_id: int = Field(foreign_key="task.id", primary_key=True)
    until: datetime


class RateSlot(SQLModel, table=True):
    """A platform's global send pace shared by every dispatcher process: each send
    takes the next slot (`next_at`) in one atomic UPDATE, so two processes together
    stay under the platform's limit (no Redis needed)."""

    name: str = Field(max_length=32, primary_key=True)  # "telegram", "zalo"
    next_at: datetime = Field(default_factory=utcnow)
