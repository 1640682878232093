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


class ChatMenu(SQLModel, table=True):
    """The numbered choices last shown in a chat on a channel without buttons (Zalo):
    a bare number typed next picks one. In the database so that whichever server
    process receives the answer knows the menu another process (or the outbox
    dispatcher) sent."""

    channel: str = Field(max_length=16, primary_key=True)
    chat_id: str = Field(max_length=64, primary_key=True)
    options: list = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    lang: str = Field(default="vi", max_length=8)
    updated_at: datetime = Field(default_factory=utcnow)
