from __future__ import annotations

from datetime import datetime

from sqlmodel import Field, SQLModel

from .base import utcnow


class Unit(SQLModel, table=True):
    """An agency that receives tasks: a Sở, a Phòng, an UBND xã…"""

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=255, unique=True)
    # Other names the unit goes by in documents, separated by ";" (e.g. "STC;Sở TC").
    aliases: str = Field(default="", max_length=1000)
    parent_id: int | None = Field(default=None, foreign_key="unit.id", index=True)
    created_at: datetime = Field(default_factory=utcnow)

    @property
    def alias_list(self) -> list[str]:
        return [a.strip() for a in self.aliases.split(";") if a.strip()]
