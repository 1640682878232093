from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON
from sqlmodel import Column, Field, SQLModel

from .base import utcnow


class Dialog(SQLModel, table=True):
    """The open dialogue of a person (at most one), kept in the database so that it
    survives a restart and works across several bot processes."""

    person_id: int = Field(foreign_key="person.id", primary_key=True)
    kind: str = Field(max_length=32)
    task_id: int | None = Field(default=None, foreign_key="task.id")
    step: str = Field(default="", max_length=32)
    data: dict = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    updated_at: datetime = Field(default_factory=utcnow)
