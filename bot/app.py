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


def reminder_settings(settings: Settings):
    """The reminder policy from the settings (hour, quiet hours, escalation, calendar)."""
    from datetime import time

    from reminders.policy import ReminderPolicy
    from reminders.sweep import ReminderSettings
    from reminders.workdays import WorkCalendar

    start, _, end = settings.quiet_hours.partition("-")
    policy = ReminderPolicy(send_hour=settings.reminder_hour, quiet_start=time.fromisoformat(start.strip()),
                            quiet_end=time.fromisoformat(end.strip()),
                            escalate_after_working_days=settings.escalate_after_working_days)
    calendar = WorkCalendar.from_config(settings.work_calendar) if settings.work_calendar.strip() else WorkCalendar()
    return ReminderSettings(tz=settings.zone, calendar=calendar, policy=policy)


def configure_logging(level: str = "INFO") -> None:
    logging.basicConfig(level=level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    # httpx logs every request URL, and Telegram's URLs contain the bot token.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("alembic").setLevel(logging.WARNING)
