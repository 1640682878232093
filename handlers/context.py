"""What every handler receives: the session, the person, their language, the clock."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlmodel import Session

from locales import Translator
from storage.models import ChatBinding, Person, Unit

from .messages import Incoming


@dataclass
class Context:
    session: Session
    incoming: Incoming
    t: Translator
    now: datetime  # aware, in the deployment's time zone
    tz: ZoneInfo
    person: Person | None = None
    binding: ChatBinding | None = None
    unit: Unit | None = None
    # False when the person has no dialogue row (seen by the router's first query): the
    # dialogue lookups can be skipped. True means "maybe".
    in_dialog: bool = True

    @property
    def today(self) -> date:
        return self.now.date()

    @property
    def actor(self) -> str:
        return f"{self.incoming.channel}:{self.incoming.user_id}"
