from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, Text
from sqlmodel import Column, Field, SQLModel

from .base import utcnow


class Directive(SQLModel, table=True):
    """A source document: công văn, thông báo kết luận, kế hoạch…"""

    id: int | None = Field(default=None, primary_key=True)
    number: str = Field(default="", max_length=128)
    title: str = Field(default="", max_length=1000)
    issuer: str = Field(default="", max_length=255)
    issued_on: date | None = None
    source_text: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    created_at: datetime = Field(default_factory=utcnow)
    # draft: uploaded in the chat (/banhanh) and under the office's review; its tasks
    # live in `draft` until "Ban hành". published: its tasks are out.
    status: str = Field(default="published", max_length=16)
    draft: dict | None = Field(default=None, sa_column=Column(JSON, nullable=True))
    published_at: datetime | None = None
    created_by: int | None = Field(default=None, foreign_key="person.id")

    @property
    def label(self) -> str:
        return self.number or self.title or f"#{self.id}"
