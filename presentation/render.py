"""Formatting shared by the handlers: dates dd/mm/yyyy, local times, due labels."""
from __future__ import annotations

from datetime import UTC, date, datetime
from functools import cache
from zoneinfo import ZoneInfo

from locales import Translator

from .messages import Button

MAX_ACTION_IN_LIST = 180
# Button routes ("<prefix>:<argument>") carried by messages built below the handlers:
# task lists, reminders, digests. The handlers route them (handlers/commands.py); old
# messages in chats still carry them, so they never change.
STATUS_ROUTE = "s"  # a task's quick answer: s:<d|p|b|e>:<task id> (handlers/reports.py)
DETAIL_ROUTE = "t"  # a task in full: t:<task id> (handlers/tasks.py)
SNOOZE_ROUTE = "z"  # "remind me later": z:<task id> (handlers/preferences.py)


def task_buttons(t: Translator, task_id: int, number: int | None = None) -> list[Button]:
    """The four quick answers under a task. In a list the first carries the task's number."""
    done, progress, blocked, extend = _answer_labels(t.lang)
    prefix = f"{number}. " if number is not None else ""
    s = STATUS_ROUTE
    return [Button(prefix + done, f"{s}:d:{task_id}"), Button(progress, f"{s}:p:{task_id}"),
            Button(blocked, f"{s}:b:{task_id}"), Button(extend, f"{s}:e:{task_id}")]


@cache
def _answer_labels(lang: str) -> tuple[str, str, str, str]:
    # A task page shows them eight times over.
    t = Translator(lang)
    return t("btn.done"), t("btn.progress"), t("btn.blocked"), t("btn.extend")


def fmt_date(d: date | None) -> str:
    # Not strftime: a task page formats a few dozen dates, and strftime is ten times slower.
    return f"{d.day:02d}/{d.month:02d}/{d.year:04d}" if d else ""


def fmt_local(dt: datetime | None, tz: ZoneInfo) -> str:
    """A stored (UTC) time as the deployment's local dd/mm/yyyy HH:MM."""
    if dt is None:
        return ""
    aware = dt if dt.tzinfo else dt.replace(tzinfo=UTC)
    return aware.astimezone(tz).strftime("%d/%m/%Y %H:%M")


def shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def due_label(t: Translator, deadline: date | None, today: date) -> str:
    if deadline is None:
        return t("due.none")
    days = (deadline - today).days
    if days < 0:
        return t("due.overdue", days=-days)
    if days == 0:
        return t("due.today")
    if days <= 3:
        return t("due.soon", days=days)
    return t("due.later", days=days)


def status_label(t: Translator, status: str) -> str:
    return t(f"status.{status}")


def recurrence_label(t: Translator, recurrence: str | None) -> str:
    if not recurrence:
        return ""
    if recurrence.startswith("monthly:"):
        return t("recurrence.monthly_day", day=recurrence.split(":", 1)[1])
    return t(f"recurrence.{recurrence}")
