from __future__ import annotations

from datetime import datetime

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from .base import utcnow


class Person(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    full_name: str = Field(default="", max_length=255)
    unit_id: int = Field(foreign_key="unit.id", index=True)
    role: str = Field(default="official", max_length=16)
    language: str = Field(default="vi", max_length=8)
    # Local hour for reminders (/nhacnho); None: the deployment's default.
    remind_hour: int | None = None
    # Where pushes go when bound on several channels: "last" (the chat used last) or "all".
    push_channels: str = Field(default="last", max_length=8)
    active: bool = Field(default=True)
    created_at: datetime = Field(default_factory=utcnow)


class ChatBinding(SQLModel, table=True):
    """One chat of a person on one channel; a person may be bound on several channels."""

    __table_args__ = (UniqueConstraint("channel", "user_id", name="uq_chatbinding_channel_user"),)

    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(foreign_key="person.id", index=True)
    channel: str = Field(max_length=16)
    user_id: str = Field(max_length=64)
    chat_id: str = Field(max_length=64)
    # False once the platform says the person blocked the bot.
    active: bool = Field(default=True)
    last_seen_at: datetime = Field(default_factory=utcnow)


class Invitation(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=32, unique=True)
    unit_id: int = Field(foreign_key="unit.id", index=True)
    role: str = Field(default="official", max_length=16)
    expires_at: datetime
    created_at: datetime = Field(default_factory=utcnow)
    used_at: datetime | None = None
    used_by: int | None = Field(default=None, foreign_key="person.id")
    # A link code (/kenh ketnoi): redeeming it binds the new chat to this existing person.
    person_id: int | None = Field(default=None, foreign_key="person.id")
