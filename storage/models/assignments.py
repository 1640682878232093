from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index
from sqlmodel import Field, SQLModel

from .base import utcnow


class TaskAssignment(SQLModel, table=True):
    """A task of a unit given to one of the unit's officials by name ("rõ người").

    A task may have several assignees; each row is one person. An assignment is never
    deleted: when it ends (taken back, or the person left the unit) `active` turns False
    with when and why, so the task's history still says who carried it. The unit is
    the one whose share of the task the person carries (the lead, or a coordinator)."""

    __table_args__ = (
        # A person's own tasks (/nhiemvu toi, the per-official KPI).
        Index("ix_taskassignment_person_active", "person_id", "active"),
        # A batch of tasks' assignees (the reminder sweep, a task page) and the
        # per-official KPI, from the index alone (no table visit per assignment).
        Index("ix_taskassignment_task_active", "task_id", "active", "person_id", "unit_id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    task_id: int = Field(foreign_key="task.id")
    person_id: int = Field(foreign_key="person.id")
    unit_id: int = Field(foreign_key="unit.id")
    assigned_by: int | None = Field(default=None, foreign_key="person.id")
    assigned_at: datetime = Field(default_factory=utcnow)
    active: bool = True
    ended_at: datetime | None = None
    # taken_back | left_unit | blocked (the person's chats were all deactivated)
    ended_reason: str = Field(default="", max_length=32)
