"""The reminder sweep: turn due reminders into outbox rows. It never sends.

Index-driven: it reads only tasks whose `next_remind_at` has come (an indexed
column), asks the pure policy which reminders fell due since the task was last
looked at (`remind_checked_at`), writes one outbox row per reminder and person
— in the same transaction as the task's new `next_remind_at` — and moves on.
Its cost grows with the number of due reminders, not with all tasks.

Reminders of past days that a stopped service missed are dropped (today's own
reminder carries the current state); a missed escalation still goes out.

Per-person touches happen here, at fan-out: the person's own hour (/nhacnho)
and "Nhắc lại sau" (snooze). The policy fires at the earliest hour outside quiet
hours; each row then waits (`not_before`) until the person's hour that day.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import func, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from locales import Translator
from reminders.recurrence import next_due
from storage.crud import outbox, people
from storage.db import Database
from storage.models import (
    OPEN_STATUSES, ChatBinding, Directive, Person, Snooze, Task, TaskCoordinator, Unit,
)

from . import policy as pol
from .digest import enqueue_digest
from .messages import reminder_payload
from .workdays import WorkCalendar

BATCH = 2000


@dataclass(frozen=True)
class ReminderSettings:
    tz: ZoneInfo
    calendar: WorkCalendar
    policy: pol.ReminderPolicy = pol.ReminderPolicy()

    @property
    def sweep_policy(self) -> pol.ReminderPolicy:
        """The policy fires at the first hour people may be disturbed; rows then wait
        for each person's own hour (default `policy.send_hour`)."""
        return replace(self.policy, send_hour=self.policy.quiet_end.hour)


@dataclass
class SweepResult:
    tasks: int = 0
    enqueued: int = 0
    instances: int = 0


@dataclass(frozen=True)
class Recipient:
    person: Person
    binding: ChatBinding


def _aware(value: datetime | None) -> datetime | None:
    return value if value is None or value.tzinfo else value.replace(tzinfo=UTC)


def task_clock(task) -> pol.TaskClock:
    """The policy's view of a task (a Task or a row with the same columns)."""
    return pol.TaskClock(task_id=task.id, deadline=task.deadline, status=task.status,
                         created_at=_aware(task.created_at), completed_at=_aware(task.completed_at))


def sweep(db: Database, now: datetime, cfg: ReminderSettings) -> SweepResult:
    """Enqueue everything due at `now`. Safe to run concurrently and repeatedly: outbox
    keys are unique and each batch is one transaction."""
    result = SweepResult()
    result.instances = roll_recurring(db, now, cfg)
    while True:
        with db.session() as session:
            # Plain rows, not ORM objects: a sweep reads thousands and changes two columns.
            tasks = session.exec(
                select(*_SWEEP_COLUMNS).where(Task.next_remind_at <= now, Task.status.in_(OPEN_STATUSES))
                .order_by(Task.next_remind_at, Task.id).limit(BATCH).with_for_update(skip_locked=True)
            ).all()
            if not tasks:
                break
            result.tasks += len(tasks)
            result.enqueued += _sweep_batch(session, tasks, now, cfg)
        if len(tasks) < BATCH:
            break
    result.enqueued += enqueue_digest(db, now, cfg)
    return result


_SWEEP_COLUMNS = (Task.id, Task.lead_unit_id, Task.directive_id, Task.action, Task.deadline, Task.recurrence,
                  Task.status, Task.created_at, Task.completed_at, Task.remind_checked_at)


def _sweep_batch(session: Session, tasks: list, now: datetime, cfg: ReminderSettings) -> int:
    ids = [t.id for t in tasks]
    coordinators: dict[int, list[int]] = defaultdict(list)
    for tc in session.exec(select(TaskCoordinator).where(TaskCoordinator.task_id.in_(ids))):
        coordinators[tc.task_id].append(tc.unit_id)
    unit_ids = {t.lead_unit_id for t in tasks} | {u for us in coordinators.values() for u in us}
    people = _recipients(session, unit_ids)
    unit_names = dict(session.exec(select(Unit.id, Unit.name).where(Unit.id.in_(unit_ids))).all())
    directive_ids = {t.directive_id for t in tasks if t.directive_id}
    directives = {d.id: d.label for d in session.exec(select(Directive).where(Directive.id.in_(directive_ids)))} \
        if directive_ids else {}
    snoozes = {(s.person_id, s.task_id): _aware(s.until) for s in session.exec(
        select(Snooze).where(Snooze.task_id.in_(ids), Snooze.until > now))}
    rows, updates = [], []
    sweep_policy = cfg.sweep_policy
    today = now.astimezone(cfg.tz).date()
    for task in tasks:
        clock = task_clock(task)
        since = _aware(task.remind_checked_at)
        due, next_at = pol.due_and_next(clock, now, cfg.calendar, cfg.tz, sweep_policy, since=since)
        for reminder in due:
            if reminder.on < today and reminder.kind != "escalation":
                continue  # missed while the service was down: today's reminder says it better
            if reminder.kind == "escalation":
                targets = [(r, "head") for r in people.get(task.lead_unit_id, []) if r.person.role == "head"]
            else:
                targets = [(r, "lead") for r in people.get(task.lead_unit_id, [])]
                targets += [(r, "coordinator") for u in coordinators.get(task.id, []) for r in people.get(u, [])]
            for recipient, role in targets:
                not_before = _not_before(reminder, recipient.person, snoozes.get((recipient.person.id, task.id)), cfg)
                if not_before is None:
                    continue
                t = Translator(recipient.person.language)
                rows.append({
                    "key": f"{reminder.key}:p{recipient.person.id}",
                    "channel": recipient.binding.channel, "chat_id": recipient.binding.chat_id,
                    "person_id": recipient.person.id, "task_id": task.id, "kind": reminder.kind,
                    "not_before": not_before,
                    "payload": reminder_payload(t, task, reminder, directive=directives.get(task.directive_id, ""),
                                                lead=unit_names.get(task.lead_unit_id, ""), role=role,
                                                today=today),
                })
        updates.append({"id": task.id, "remind_checked_at": now, "next_remind_at": next_at})
    session.execute(update(Task), updates)  # one UPDATE by primary key for the batch
    return outbox.enqueue(session, rows)


def _recipients(session: Session, unit_ids: set[int]) -> dict[int, list[Recipient]]:
    """Active people of these units with their most recently used active chat."""
    by_unit: dict[int, list[Recipient]] = defaultdict(list)
    for person, binding in people.reachable(session, Person.unit_id.in_(unit_ids)):
        by_unit[person.unit_id].append(Recipient(person, binding))
    return by_unit


def _not_before(reminder: pol.Reminder, person: Person, snoozed_until: datetime | None,
                cfg: ReminderSettings) -> datetime | None:
    """When this person gets the reminder, or None when their snooze skips it."""
    hour = person.remind_hour if person.remind_hour is not None else cfg.policy.send_hour
    local = datetime.combine(reminder.on, time(hour), tzinfo=cfg.tz)
    if cfg.policy.is_quiet(local.timetz().replace(tzinfo=None)):
        local = datetime.combine(reminder.on, cfg.policy.quiet_end, tzinfo=cfg.tz)
    at = max(local.astimezone(UTC), reminder.fire_at)
    if snoozed_until is not None and snoozed_until > at and reminder.kind != "escalation":
        same_day = snoozed_until.astimezone(cfg.tz).date() == reminder.on
        if not same_day or cfg.policy.is_quiet(snoozed_until.astimezone(cfg.tz).time()):
            return None
        at = snoozed_until
    return at


def roll_recurring(db: Database, now: datetime, cfg: ReminderSettings) -> int:
    """Each period of a recurring duty is its own task. When the newest period of a
    series is due before today, create the next one (the unique (series, deadline)
    constraint keeps concurrent sweeps from creating it twice)."""
    today = now.astimezone(cfg.tz).date()
    created = 0
    while True:
        with db.session() as session:
            newest = session.exec(
                select(Task.series_id, func.max(Task.deadline))
                .where(Task.series_id.is_not(None), Task.status != "draft")
                .group_by(Task.series_id).having(func.max(Task.deadline) < today)
            ).all()
            made = sum(_next_instance(session, series_id, last, now) for series_id, last in newest)
        created += made
        if not made:  # nothing due, or another sweep made them: done either way
            return created


def _next_instance(session: Session, series_id: int, last_deadline: date, now: datetime) -> int:
    template = session.get(Task, series_id)
    if template is None or not template.recurrence:
        return 0
    deadline = next_due(template.recurrence, last_deadline + timedelta(days=1))
    try:
        with session.begin_nested():
            task = Task(lead_unit_id=template.lead_unit_id, action=template.action,
                        expected_output=template.expected_output, deadline=deadline, original_deadline=deadline,
                        recurrence=template.recurrence, status="open",
                        directive_id=template.directive_id, series_id=series_id, next_remind_at=now)
            session.add(task)
            session.flush()
            for tc in session.exec(select(TaskCoordinator).where(TaskCoordinator.task_id == series_id)):
                session.add(TaskCoordinator(task_id=task.id, unit_id=tc.unit_id, position=tc.position))
    except IntegrityError:
        return 0
    return 1
