"""What a push says: reminders, escalations and notices rendered in the reader's
language into an outbox payload ({"text", "buttons"}), the same neutral shape the
handlers reply with, so any channel adapter can send it.

A reminder is queued as a reference ({"reminder": {"kind", "days", "role"}}, with the
row's task and person) and rendered when the dispatcher sends it (render_references):
the sweep queues thousands at once, and the text then says what the task is at the
time it is read."""
from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence
from datetime import UTC, date, datetime
from functools import cache

from sqlalchemy import select
from sqlmodel import Session

from locales import DEFAULT, Translator
from presentation.messages import Button, payload
from presentation.render import (
    ASSIGN_ROUTE,
    DETAIL_ROUTE,
    SNOOZE_ROUTE,
    fmt_date,
    recurrence_label,
    shorten,
    task_buttons,
)
from storage.crud import outbox, people
from storage.crud.outbox import JsonText
from storage.models import OPEN_STATUSES, Directive, Person, Task, Unit


class ReminderRenderer:
    """Reminders and escalations in one language, rendered as outbox payloads (JsonText).
    The parts tasks share (the deadline line, the role line, the buttons) are built once
    per renderer."""

    def __init__(self, lang: str):
        self.t = Translator(lang)
        self._deadlines: dict[tuple, str] = {}
        self._closings: dict[tuple, str] = {}
        self._heads: dict[tuple, str] = {}
        # The buttons' JSON with _ID where each task's id goes: the lead's four answers, a
        # coordinator's three (an extension is the lead's to ask; 📅 would be refused).
        self._buttons = _buttons_json(self.t.lang, lead=True)
        self._coordinator_buttons = _buttons_json(self.t.lang, lead=False)

    def render(self, task, kind: str, days: int, *, directive: str, lead: str, role: str,
               target: str = "") -> JsonText:
        """A reminder (kind and days as in policy.Reminder) to an official (role lead or
        coordinator) or an escalation to a head. `task` needs id, action, deadline and
        recurrence; `target` is the date a monthly or coordinator reminder is about."""
        t = self.t
        if target:
            return self._render_dated(task, kind, target, directive=directive, lead=lead)
        # The first line differs by kind, days (and unit) but for the task id: built once.
        shape = (kind == "escalation", days, lead if kind == "escalation" else "")
        head = self._heads.get(shape)
        if head is None:
            if kind == "escalation":
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
        closing_shape = (role, lead) if role == "coordinator" else (role, "")
        closing = self._closings.get(closing_shape)
        if closing is None:
            closing = self._closings[closing_shape] = (
                t("remind.role_coordinator", unit=lead) if role == "coordinator" else t("remind.ask_report"))
        lines.append(closing)
        buttons = self._coordinator_buttons if role == "coordinator" else self._buttons
        return JsonText('{"text": ' + json.dumps("\n".join(lines), ensure_ascii=False) + ', "buttons": '
                        + buttons.replace(_ID, task_id) + "}")


    def _render_dated(self, task, kind: str, target: str, *, directive: str, lead: str) -> JsonText:
        """A monthly report reminder (an undated task) or a coordinator's own deadline."""
        t = self.t
        on = fmt_date(date.fromisoformat(target))
        lines = [t(f"remind.{kind}", id=task.id, date=on), shorten(task.action, 300)]
        if directive:
            lines.append(t("task.directive", label=shorten(directive, 80)))
        if kind == "monthly":
            lines.append(t("remind.monthly_rule", date=on))
        else:
            lines.append(t("remind.coordinator_lead", unit=lead))
        buttons = self._buttons if kind == "monthly" else self._coordinator_buttons
        return JsonText(json.dumps({"text": "\n".join(lines),
                                    "buttons": json.loads(buttons.replace(_ID, str(task.id)))},
                                   ensure_ascii=False))


_ID = "{id}"


@cache
def reminder_reference(kind: str, days: int, role: str, target: str = "") -> JsonText:
    """What the sweep queues for a reminder (role: lead, coordinator or head): which
    reminder it is, not its text; the row's task_id and person_id say of what and to whom.
    A monthly or coordinator reminder also names the date it is about (`target`, ISO)."""
    ref = {"kind": kind, "days": days, "role": role}
    if target:
        ref["date"] = target
    return JsonText(json.dumps({"reminder": ref}))


def render_references(session: Session, rows: Sequence) -> dict[int, dict | None]:
    """The payloads of claimed outbox rows that carry a reminder reference, by row id:
    rendered in the reader's language from the task, its directive and lead unit as they
    are now, or None for a reminder whose task is no longer open (finished meanwhile, or
    gone): there is nothing to remind of. Rows with a payload of their own are left out."""
    refs = [row for row in rows if "reminder" in row.payload]
    if not refs:
        return {}
    tc = Task.__table__.c
    tasks = {task.id: task for task in session.execute(
        select(tc.id, tc.lead_unit_id, tc.directive_id, tc.action, tc.deadline, tc.recurrence, tc.status)
        .where(tc.id.in_({row.task_id for row in refs})))}
    languages: dict[int, str] = dict(session.execute(select(Person.__table__.c.id, Person.__table__.c.language)
                                     .where(Person.__table__.c.id.in_({row.person_id for row in refs}))).all())
    unit_ids = {task.lead_unit_id for task in tasks.values()}
    units: dict[int, str] = dict(session.execute(select(Unit.__table__.c.id, Unit.__table__.c.name)
                                 .where(Unit.__table__.c.id.in_(unit_ids))).all()) if unit_ids else {}
    directive_ids = {task.directive_id for task in tasks.values() if task.directive_id}
    directives = {d.id: d.label for d in session.scalars(select(Directive).where(Directive.id.in_(directive_ids)))} \
        if directive_ids else {}
    renderers: dict[str, ReminderRenderer] = {}
    out: dict[int, dict | None] = {}
    for row in refs:
        task, ref = tasks.get(row.task_id), row.payload["reminder"]
        if task is None or task.status not in OPEN_STATUSES:
            out[row.id] = None
            continue
        lang = languages.get(row.person_id) or DEFAULT
        renderer = renderers.get(lang) or renderers.setdefault(lang, ReminderRenderer(lang))
        out[row.id] = json.loads(renderer.render(
            task, ref["kind"], ref["days"], directive=directives.get(task.directive_id, ""),
            lead=units.get(task.lead_unit_id, ""), role=ref["role"], target=ref.get("date", "")))
    return out


@cache
def _reminder_buttons(lang: str, lead: bool = True) -> tuple[tuple[tuple[str, str], ...], ...]:
    """A reminder's buttons in one language with `_ID` where the task id goes: the same
    for every task, so the labels are rendered once."""
    t = Translator(lang)
    answers = task_buttons(t, _ID)  # _ID stands for the id
    rows = [answers if lead else answers[:3],
            [Button(t("btn.snooze"), f"{SNOOZE_ROUTE}:{_ID}"), Button(t("btn.details"), f"{DETAIL_ROUTE}:{_ID}")]]
    return tuple(tuple((b.text, b.data) for b in row) for row in rows)


def _buttons_json(lang: str, *, lead: bool) -> str:
    rows = _reminder_buttons(lang, lead)
    return json.dumps([[{"text": text, "data": data} for text, data in row] for row in rows], ensure_ascii=False)


def blocked_notice(t: Translator, *, name: str, unit: str, channel: str) -> dict:
    return payload(t("notice.blocked", name=name or "?", unit=unit, channel=channel))


# A head's notice of tasks that lost their assignee lists at most this many.
MAX_ORPHANED_IN_NOTICE = 10


def assignees_left(session: Session, orphaned: list, now: datetime) -> int:
    """The heads of each unit learn which tasks lost their assignee (someone left the
    unit or can no longer be reached), to give them to someone else."""
    by_unit: dict[int, list] = defaultdict(list)
    for item in orphaned:
        by_unit[item.unit_id].append(item)
    if not by_unit:
        return 0
    rows = []
    for head, binding in people.reachable(session, Person.unit_id.in_(list(by_unit)), Person.role == "head"):
        t = Translator(head.language)
        items = by_unit[head.unit_id]
        lines = [t("assignee.left_header", name=items[0].person_name or "?", count=len(items))]
        buttons = []
        for item in items[:MAX_ORPHANED_IN_NOTICE]:
            state = t("assignee.left_others") if item.still_assigned else t("assignee.left_nobody")
            lines.append(t("assignee.left_line", id=item.task_id, action=shorten(item.action, 120), state=state))
            buttons.append([Button(t("assignee.btn_assign_id", id=item.task_id), f"{ASSIGN_ROUTE}:{item.task_id}")])
        key = f"orphaned:{items[0].person_id}:{now.timestamp():.0f}"
        rows.append({"key": people.push_key(key, head, binding), "channel": binding.channel,
                     "chat_id": binding.chat_id, "person_id": head.id, "kind": "notice",
                     "payload": payload("\n".join(lines), buttons), "not_before": now.astimezone(UTC)})
    return outbox.enqueue(session, rows)
