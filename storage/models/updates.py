from __future__ import annotations

from datetime import datetime

from sqlmodel import Field, SQLModel

from .base import utcnow


class ProcessedUpdate(SQLModel, table=True):
    """An update taken by a webhook: the primary key makes a platform's redelivery
    (same update id) a no-op, whichever server process receives it."""

    channel: str = Field(max_length=16, primary_key=True)
    update_id: str = Field(max_length=64, primary_key=True)
    received_at: datetime = Field(default_factory=utcnow, index=True)
