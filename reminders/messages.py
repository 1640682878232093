"""What a push says: reminders, escalations and notices rendered in the reader's
language into an outbox payload ({"text", "buttons"}), the same neutral shape the
handlers reply with, so any channel adapter can send it."""
from __future__ import annotations

import json
from functools import cache

from handlers.messages import Button
from handlers.render import fmt_date, recurrence_label, shorten, task_buttons
from locales import Translator
from storage.crud.outbox import JsonText

from .policy import Reminder


def payload(text: str, buttons: list[list[Button]] | None = None) -> dict:
    # Not dataclasses.asdict: its deep copy was a fifth of a sweep's time.
    return {"text": text, "buttons": [[{"text": b.text, "data": b.data} for b in row] for row in (buttons or [])]}


class ReminderRenderer:
    """Reminders and escalations in one language, rendered as outbox payloads (JsonText).
    A sweep renders thousands: the parts tasks share (the deadline line, the role line,
    the buttons) are built once per sweep."""

    def __init__(self, lang: str):
        self.t = Translator(lang)
        self._deadlines: dict[tuple, str] = {}
        self._closings: dict[tuple, str] = {}
        self._heads: dict[tuple, str] = {}
        buttons = [[{"text": text, "data": data} for text, data in row] for row in _reminder_buttons(self.t.lang)]
        # The buttons' JSON with _ID where each task's id goes.
        self._buttons = json.dumps(buttons, ensure_ascii=False)

    def payload(self, task, reminder: Reminder, *, directive: str, lead: str, role: str) -> JsonText:
        """A reminder to an official (role lead/coordinator) or an escalation to a head.
        `task` needs id, action, deadline and recurrence."""
        t, days = self.t, reminder.days
        # The first line differs by kind, days (and unit) but for the task id: built once.
        shape = (reminder.kind == "escalation", days, lead if reminder.kind == "escalation" else "")
        head = self._heads.get(shape)
        if head is None:
            if reminder.kind == "escalation":
                head = t("remind.escalation", id=_ID, unit=lead, days=-days)
            elif days < 0:
                head = t("remind.overdue", id=_ID, days=-days)
            elif days == 0:
                head = t("remind.due_today", id=_ID)
            else:
                head = t("remind.before", id=_ID, days=days)
            self._heads[shape] = head
        task_id = str(task.id)
        head = head.replace(_ID, task_id)
        lines = [head, shorten(task.action, 300)]
        if directive:
            lines.append(t("task.directive", label=shorten(directive, 80)))
        deadline = self._deadlines.get((task.deadline, task.recurrence))
        if deadline is None:
            deadline = t("remind.deadline", date=fmt_date(task.deadline))
            if task.recurrence:
                deadline += " · 🔁 " + recurrence_label(t, task.recurrence)
            self._deadlines[(task.deadline, task.recurrence)] = deadline
        lines.append(deadline)
        # Only a coordinator's closing names the lead unit: the others share one.
        shape = (role, lead) if role == "coordinator" else (role, "")
        closing = self._closings.get(shape)
        if closing is None:
            closing = self._closings[shape] = (
                t("remind.role_coordinator", unit=lead) if role == "coordinator" else t("remind.ask_report"))
        lines.append(closing)
        return JsonText('{"text": ' + json.dumps("\n".join(lines), ensure_ascii=False) + ', "buttons": '
                        + self._buttons.replace(_ID, task_id) + "}")


_ID = "{id}"


@cache
def _reminder_buttons(lang: str) -> tuple[tuple[tuple[str, str], ...], ...]:
    """A reminder's buttons in one language with `_ID` where the task id goes: the same
    for every task, so a sweep of thousands renders the labels once."""
    t = Translator(lang)
    rows = [task_buttons(t, _ID), [Button(t("btn.snooze"), f"z:{_ID}"), Button(t("btn.details"), f"t:{_ID}")]]
    return tuple(tuple((b.text, b.data) for b in row) for row in rows)


def blocked_notice(t: Translator, *, name: str, unit: str, channel: str) -> dict:
    return payload(t("notice.blocked", name=name or "?", unit=unit, channel=channel))
