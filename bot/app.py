"""Assembly: settings → database → assistant, in one place for every entry point."""
from __future__ import annotations

import json
import logging
import sys
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import quote

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
    assistant = Assistant(db, settings.zone, rules=rules(settings), remind_hour=settings.reminder_hour,
                          web_url=(settings.web_base_url or "").strip() or None)
    return App(settings=settings, db=db, assistant=assistant)


def rules(settings: Settings):
    """The settings the conversations apply (handlers.context.Rules)."""
    from handlers.context import Rules

    return Rules(monthly_report_day=settings.monthly_report_day,
                 coordinator_deadline_working_days=settings.coordinator_deadline_working_days,
                 calendar=work_calendar(settings))


def reminder_settings(settings: Settings):
    """The reminder policy from the settings (hour, quiet hours, escalation, calendar)."""
    from datetime import time

    from reminders.policy import ReminderPolicy
    from reminders.risk import RiskThresholds
    from reminders.sweep import ReminderSettings

    start, _, end = settings.quiet_hours.partition("-")
    policy = ReminderPolicy(send_hour=settings.reminder_hour, quiet_start=time.fromisoformat(start.strip()),
                            quiet_end=time.fromisoformat(end.strip()),
                            escalate_after_working_days=settings.escalate_after_working_days,
                            monthly_report_day=settings.monthly_report_day,
                            monthly_before_working_days=settings.monthly_remind_working_days)
    risk = RiskThresholds(near_working_days=settings.at_risk_near_working_days,
                          stale_working_days=settings.at_risk_stale_working_days,
                          blocked_working_days=settings.at_risk_blocked_working_days)
    return ReminderSettings(tz=settings.zone, calendar=work_calendar(settings), policy=policy, risk=risk,
                            review_auto_accept_days=settings.review_auto_accept_working_days)


def work_calendar(settings: Settings):
    from workcalendar.workdays import WorkCalendar

    return WorkCalendar.from_config(settings.work_calendar) if settings.work_calendar.strip() else WorkCalendar()


def configure_logging(level: str = "INFO", settings: Settings | None = None) -> None:
    """Logs on stderr: text, or JSON lines with LOG_FORMAT=json; with `settings`, the bot
    tokens and the webhook secret are redacted from every record."""
    root = logging.getLogger()
    handler = next((h for h in root.handlers if getattr(h, "nhacviec", False)), None)
    if handler is None:
        handler = _StderrHandler()
        handler.nhacviec = True  # type: ignore[attr-defined]  # ours: configured again in place, never added twice
        root.addHandler(handler)
    json_lines = settings is not None and settings.log_format.strip().lower() == "json"
    handler.setFormatter(JsonFormatter() if json_lines else
                         logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    secrets = [] if settings is None else [settings.telegram_bot_token, settings.zalo_bot_token,
                                           settings.webhook_secret]
    redactor = SecretFilter(secrets)
    # On every handler of the root logger (records of all loggers end there): a filter on
    # a logger would not see its children's records.
    for h in root.handlers:
        for old in [f for f in h.filters if isinstance(f, SecretFilter)]:
            h.removeFilter(old)
        h.addFilter(redactor)
    root.setLevel(level.upper())
    # httpx logs every request URL, and Telegram's URLs contain the bot token (redacted
    # anyway; one line per request is noise).
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("alembic").setLevel(logging.WARNING)


class _StderrHandler(logging.StreamHandler):
    """Writes to whatever sys.stderr is now (tests and daemons swap it)."""

    @property
    def stream(self):
        return sys.stderr

    @stream.setter
    def stream(self, _value) -> None:
        pass


class SecretFilter(logging.Filter):
    """Replaces secrets (bot tokens, the webhook secret) in a record's message, exception
    and stack text before any handler formats it."""

    MASK = "[redacted]"

    def __init__(self, secrets) -> None:
        super().__init__()
        variants = set()
        for secret in secrets:
            if secret and len(secret) >= 6:
                variants |= {secret, quote(secret, safe="")}
                # A Telegram token is "<bot id>:<key>"; the key alone is the secret part.
                key = secret.partition(":")[2]
                if len(key) >= 8:
                    variants.add(key)
        self.secrets = sorted(variants, key=len, reverse=True)

    def _clean(self, text: str) -> str:
        for secret in self.secrets:
            text = text.replace(secret, self.MASK)
        return text

    def filter(self, record: logging.LogRecord) -> bool:
        if not self.secrets:
            return True
        try:
            message = record.getMessage()
        except Exception:  # a broken format string: keep the raw pieces, still redacted
            message = f"{record.msg} {record.args}"
        record.msg, record.args = self._clean(message), None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self._clean(record.exc_text)
        if record.stack_info:
            record.stack_info = self._clean(record.stack_info)
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object a line: time (UTC, ISO 8601), level, logger, message, exc."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {"time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
                 "level": record.levelname, "logger": record.name, "message": record.getMessage()}
        if record.exc_info and not record.exc_text:
            record.exc_text = self.formatException(record.exc_info)
        if record.exc_text:
            entry["exc"] = record.exc_text
        if record.stack_info:
            entry["stack"] = record.stack_info
        return json.dumps(entry, ensure_ascii=False)
