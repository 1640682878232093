"""Assembly: settings → database → assistant, in one place for every entry point."""
from __future__ import annotations

import logging
from dataclasses import dataclass

from handlers.router import Assistant
from storage.db import Database

from .settings import Settings, get_settings


@dataclass
class App:
    settings: Settings
    db: Database
    assistant: Assistant


def build(settings: Settings | None = None, *, upgrade: bool = True) -> App:
    settings = settings or get_settings()
    db = Database(settings.database_url)
    if upgrade:
        db.upgrade()
    return App(settings=settings, db=db, assistant=Assistant(db, settings.zone))


def configure_logging(level: str = "INFO") -> None:
    logging.basicConfig(level=level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    # httpx logs every request URL, and Telegram's URLs contain the bot token.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("alembic").setLevel(logging.WARNING)
