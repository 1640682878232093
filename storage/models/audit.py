from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON
from sqlmodel import Column, Field, SQLModel

from .base import utcnow


class AuditLog(SQLModel, table=True):
    """Every change: who, when, what."""

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(default_factory=utcnow, index=True)
    person_id: int | None = Field(default=None, foreign_key="person.id", index=True)
    actor: str = Field(default="", max_length=128)  # "cli", "telegram:123", …
    action: str = Field(max_length=64)
    entity: str = Field(max_length=32)
    entity_id: int | None = None
    detail: dict = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
