from __future__ import annotations

from datetime import datetime

from sqlmodel import Field, SQLModel

from .base import utcnow


class InviteAttempt(SQLModel, table=True):
    """Failed invitation codes of one scope — a chat ("chat:telegram:123") or a code
    prefix ("prefix:QK5") — for the growing delay and the lock-out (handlers/start.py).
    In the database, so every serve process counts together."""

    scope: str = Field(max_length=96, primary_key=True)
    failures: int = Field(default=0)
    # No attempt of this scope is checked before this instant (the growing delay).
    wait_until: datetime | None = None
    # Locked out until an admin lifts it (`nhacviec invite unlock`).
    locked: bool = Field(default=False)
    updated_at: datetime = Field(default_factory=utcnow)
