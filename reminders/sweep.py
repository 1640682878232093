"""The reminder sweep: turn due reminders into outbox rows. It never sends.

Index-driven: it takes the entries of the reminder queue (storage.models.ReminderQueue,
ordered by time) that have come, asks the pure policy which reminders of each task
fell due since the task was last looked at (the entry's `checked_at`), writes one
outbox row per reminder and person (and channel, for a person who wants pushes on
all) — in the same transaction as the task's next entry — and moves on. Its cost
grows with the number of due reminders, not with all tasks.

Reminders of past days that a stopped service missed are dropped (today's own
reminder carries the current state); a missed escalation still goes out.

Per-person touches happen here, at fan-out: the person's own hour (/nhacnho)
and "Nhắc lại sau" (snooze). The policy fires at the earliest hour outside quiet
hours; each row then waits (`not_before`) until the person's hour that day.
"""
from __future__ import annotations

import gc
import threading
from collections import defaultdict
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager, suppress
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from typing import NamedTuple
from zoneinfo import ZoneInfo

from sqlalchemy import ARRAY, String, any_, bindparam, cast, delete, func, text, tuple_, type_coerce
from sqlalchemy import select as sa_select
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from storage.crud import outbox, people
from storage.crud.outbox import time_processor
from storage.crud.people import BindingRow, PersonRow, push_key
from storage.crud.tasks import queue_look
from storage.db import Database
from storage.models import (
    OPEN_STATUSES,
    Person,
    ReminderQueue,
    Snooze,
    Task,
    TaskCoordinator,
)
from workcalendar.recurrence import next_due
from workcalendar.workdays import WorkCalendar

from . import policy as pol
from . import watch
from .digest import enqueue_digest
from .messages import reminder_reference
from .review import auto_accept
from .risk import RiskThresholds

BATCH = 2000


@dataclass(frozen=True)
class ReminderSettings:
    tz: ZoneInfo
    calendar: WorkCalendar
    policy: pol.ReminderPolicy = pol.ReminderPolicy()
    # Completions unreviewed this many working days are accepted automatically; 0: never.
    review_auto_accept_days: int = 0
    risk: RiskThresholds = RiskThresholds()

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


class Recipient(NamedTuple):
    person: PersonRow
    binding: BindingRow


def _aware(value: datetime | None) -> datetime | None:
    return value if value is None or value.tzinfo else value.replace(tzinfo=UTC)


def _utc(raw) -> datetime | None:
    """A stored time as the driver returns it (SQLite: "2026-05-14 01:05:00.000000",
    UTC without an offset) → an aware datetime."""
    if isinstance(raw, str):
        return datetime.fromisoformat(raw).replace(tzinfo=UTC)
    return _aware(raw)


def sweep(db: Database, now: datetime, cfg: ReminderSettings) -> SweepResult:
    """Enqueue everything due at `now`. Safe to run concurrently and repeatedly: outbox
    keys are unique, each batch is one transaction, and a batch's entries are locked
    (SKIP LOCKED: another sweep takes other entries)."""
    result = SweepResult()
    result.instances = roll_recurring(db, now, cfg)
    schedules = _Schedules(now, cfg)
    with _collector_paused():
        if db.engine.dialect.name == "postgresql":
            _sweep_overlapped(db, now, cfg, schedules, result)
        else:
            while True:
                with db.session() as session:
                    entries = _take(session, now)
                    if not entries:
                        break
                    batch = _plan(session, entries, now, cfg, schedules)
                    result.tasks += batch.tasks
                    result.enqueued += _write(session, batch, now)
                if len(entries) < BATCH:
                    break
    result.enqueued += auto_accept(db, now, cfg)
    result.enqueued += enqueue_digest(db, now, cfg)
    return result


_paused_lock = threading.Lock()
_paused = {"sweeps": 0, "was_enabled": False}


@contextmanager
def _collector_paused() -> Iterator[None]:
    """No automatic garbage collection while the batches run. A batch allocates tens of
    thousands of rows, tuples and strings that reference counting frees, and no cycles;
    yet the allocations set off the collector, whose full passes rescan the whole
    process each time (a fifth of a sweep's CPU). Cycles made meanwhile, by this or
    another thread, wait for the next collection after the sweep. Concurrent sweeps:
    the last one out turns the collector back on, if it was on."""
    with _paused_lock:
        if _paused["sweeps"] == 0:
            _paused["was_enabled"] = gc.isenabled()
            gc.disable()
        _paused["sweeps"] += 1
    try:
        yield
    finally:
        with _paused_lock:
            _paused["sweeps"] -= 1
            if _paused["sweeps"] == 0 and _paused["was_enabled"]:
                gc.enable()


def _sweep_overlapped(db: Database, now: datetime, cfg: ReminderSettings, schedules: _Schedules,
                      result: SweepResult) -> None:
    """PostgreSQL: a batch's writes and commit run in a thread while the next batch is
    read and computed on another connection, so that the server's work (the COPY, a
    third of a sweep) and Python's can overlap where there are cores for both. Until
    that commit the batch's entries stay locked, and the next batch's SKIP LOCKED passes
    over them. Writes stay in batch order (one thread)."""
    def write(session: Session, batch: _Batch) -> int:
        try:
            enqueued = _write(session, batch, now)
            session.commit()
            return enqueued
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    writer = ThreadPoolExecutor(1, thread_name_prefix="sweep-write")
    writing: Future | None = None
    session: Session | None = None
    try:
        while True:
            session = Session(db.engine, expire_on_commit=False)
            entries = _take(session, now)
            batch = _plan(session, entries, now, cfg, schedules) if entries else None
            if writing is not None:
                result.enqueued += writing.result()
                writing = None
            if batch is None:
                break
            result.tasks += batch.tasks
            writing, session = writer.submit(write, session, batch), None
            if len(entries) < BATCH:
                break
        if writing is not None:
            result.enqueued += writing.result()
            writing = None
    finally:
        if session is not None:
            session.rollback()
            session.close()
        if writing is not None:  # leaving on an error: the batch in hand finishes or rolls back
            with suppress(Exception):
                writing.result()
        writer.shutdown(wait=True)


def _take(session: Session, now: datetime) -> list[tuple]:
    """Up to BATCH due entries, taken out of the queue (this transaction deletes them;
    another sweep's SKIP LOCKED passes over them until it ends), with their tasks. Plain
    rows, not ORM objects: a sweep reads thousands. Ordered by due_at alone: the queue's
    key gives that order and the LIMIT stops the scan. Returns (task id, checked_at, the
    task's _TASK_COLUMNS or None when the task is gone) for each entry."""
    if session.get_bind().dialect.name == "postgresql":
        # One statement: the entries and their tasks come back together.
        return [(row[0], row[1], None if row[2] is None else row[2:])
                for row in session.execute(_TAKE_PG, {"now": now, "n": BATCH})]
    due = sa_select(_QUEUE.due_at, _QUEUE.task_id).where(_QUEUE.due_at <= now).order_by(_QUEUE.due_at).limit(BATCH)
    taken = session.execute(delete(ReminderQueue.__table__).where(tuple_(_QUEUE.due_at, _QUEUE.task_id).in_(due))
                            .returning(_QUEUE.task_id, type_coerce(_QUEUE.checked_at, String))).all()
    if not taken:
        return []
    tasks = {row[0]: row for row in session.execute(
        sa_select(*_TASK_COLUMNS).where(_TASK.id.in_([task_id for task_id, _ in taken]))).all()}
    return [(task_id, checked_at, tasks.get(task_id)) for task_id, checked_at in taken]


@dataclass
class _Batch:
    """What a batch writes: the outbox rows and each task's next look."""

    tasks: int
    rows: list[dict]
    nexts: list[tuple[int, datetime]]
    risk: list[watch.RiskChange]


_TASK = Task.__table__.c
_QUEUE = ReminderQueue.__table__.c
# The times come as the driver gives them (SQLite: text, PostgreSQL: aware datetimes),
# not through the column type's per-value processing: a batch's tasks share a few
# distinct times, converted once each by _Schedules.
# Only what the schedule and the recipients depend on: the text is rendered at sending.
_TASK_COLUMNS = (_TASK.id, _TASK.lead_unit_id, _TASK.deadline, _TASK.status,
                 *(type_coerce(c, String).label(c.name) for c in (_TASK.created_at, _TASK.completed_at)),
                 _TASK.at_risk)
# PostgreSQL takes a batch by the rows' physical ids (ctid): matching the locked keys
# instead made it read every due entry, or the whole queue, for each batch.
# The tasks are joined in: no second round trip carrying the batch's ids back.
_TAKE_PG = text("WITH taken AS (DELETE FROM reminderqueue WHERE ctid = ANY(ARRAY(SELECT ctid FROM reminderqueue "
                "WHERE due_at <= :now ORDER BY due_at LIMIT :n FOR UPDATE SKIP LOCKED)) "
                "RETURNING task_id, checked_at) "
                f"SELECT taken.task_id, taken.checked_at, {', '.join(f'task.{c.name}' for c in _TASK_COLUMNS)} "
                "FROM taken LEFT JOIN task ON task.id = taken.task_id").bindparams(
                    bindparam("now", type_=_QUEUE.due_at.type))
# A batch queues each open task's next look. SQLite: an executemany of plain tuples.
# PostgreSQL: one statement over arrays, a third faster than 2,000 statements, even
# pipelined.
_INSERT = "INSERT INTO reminderqueue (due_at, task_id, checked_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING"
_INSERT_PG = text("INSERT INTO reminderqueue (due_at, task_id, checked_at) "
                  "SELECT d.due_at, d.task_id, :checked FROM unnest(CAST(:due AS timestamptz[]), "
                  "CAST(:ids AS integer[])) AS d(due_at, task_id) ON CONFLICT DO NOTHING"
                  ).bindparams(bindparam("checked", type_=ReminderQueue.__table__.c.checked_at.type))


class _Look(NamedTuple):
    """A task as the sweep looks at it: its columns (_TASK_COLUMNS) and when it was last
    looked at."""

    id: int
    lead_unit_id: int
    deadline: date | None
    status: str
    created_at: object
    completed_at: object
    at_risk: str
    checked_at: object


_STATUS = _Look._fields.index("status")  # in a task's row (_TASK_COLUMNS), as in _Look


def _open_tasks(entries: list[tuple]) -> list[_Look]:
    """One look per open task, from its entry with the latest look (a task may have two,
    see ReminderQueue). Entries of finished, draft or deleted tasks are only dropped.
    A task comes as a row or a plain tuple of its _TASK_COLUMNS."""
    latest: dict[int, tuple] = {}
    for task_id, checked_at, task in entries:
        if task is None or task[_STATUS] not in OPEN_STATUSES:
            continue
        seen = latest.get(task_id)
        if seen is None or (checked_at is not None and (seen[0] is None or _utc(checked_at) > _utc(seen[0]))):
            latest[task_id] = (checked_at, task)
    return [_Look._make((*task, checked_at)) for checked_at, task in latest.values()]


def _among(column, ids, postgres: bool):
    """`column IN (ids)`; on PostgreSQL `column = ANY(array)`: one parameter, not
    thousands (a batch's 2,000 ids: 8 ms instead of 20 for each such query)."""
    if postgres:
        return column == any_(cast(bindparam(None, _pg_array(ids), type_=String), ARRAY(column.type)))
    return column.in_(list(ids))


def _pg_array(values) -> str:
    """A PostgreSQL array literal of ints and aware datetimes (None: NULL), passed as one
    string: psycopg dumps a list element by element in Python, a tenth of a sweep. A
    batch's times are few distinct values: each is written out once."""
    written: dict[object, str] = {}
    out = []
    for v in values:
        if isinstance(v, int) or v is None:
            out.append("NULL" if v is None else str(v))
            continue
        text_ = written.get(v)
        if text_ is None:
            text_ = written[v] = f'"{v.isoformat()}"'
        out.append(text_)
    return "{" + ",".join(out) + "}"


class _Schedules:
    """pol.due_and_next for one sweep, computed once per distinct schedule: it is a pure
    function of the task's clock, and a sweep's tasks share few of those (the same
    deadlines, creation days and previous sweep). The task id only names the reminders,
    so it is put back in each one."""

    def __init__(self, now: datetime, cfg: ReminderSettings):
        self.now, self.cfg, self.policy = now, cfg, cfg.sweep_policy
        hour = time(self.policy.send_hour)
        self.fire_time = self.policy.quiet_end if self.policy.is_quiet(hour) else hour  # as the policy's rule 4
        self.cache: dict[tuple, tuple[list[pol.Reminder], datetime | None]] = {}
        self.first_days: dict[object, date] = {}
        self._send_times: dict[tuple, datetime] = {}

    def send_time(self, reminder: pol.Reminder, remind_hour: int | None) -> datetime:
        """_send_time, once per reminder day, firing time and hour."""
        key = (reminder.on, reminder.fire_at, remind_hour)
        at = self._send_times.get(key)
        if at is None:
            at = self._send_times[key] = _send_time(reminder, remind_hour, self.cfg)
        return at

    def due_and_next(self, task, coordinator_deadline: date | None = None
                     ) -> tuple[list[pol.Reminder], datetime | None]:
        """pol.due_and_next for this task (a _Look: its columns and last look)."""
        due, next_at = self.shared(task, coordinator_deadline)
        return [r if r.task_id == task.id else pol.Reminder(task.id, *r[1:]) for r in due], next_at

    def shared(self, task, coordinator_deadline: date | None = None
               ) -> tuple[list[pol.Reminder], datetime | None]:
        """As due_and_next, but the reminders may carry the id of another task with the
        same schedule (the sweep names them by the task at hand: no copies).
        """
        # Creation matters only as "no reminder fires before it" (rule 5), and every
        # reminder fires at fire_time on its day: the first day whose fire time is not
        # before the creation stands for it exactly.
        first_day = self.first_days.get(task.created_at)
        if first_day is None:
            local = _utc(task.created_at).astimezone(self.cfg.tz)
            first_day = self.first_days[task.created_at] = (
                local.date() if local.time() <= self.fire_time else local.date() + timedelta(days=1))
        key = (task.deadline, task.status, task.completed_at, task.checked_at, first_day, coordinator_deadline)
        hit = self.cache.get(key)
        if hit is None:
            clock = pol.TaskClock(task_id=task.id, deadline=task.deadline, status=task.status,
                                  created_at=_utc(task.created_at), completed_at=_utc(task.completed_at),
                                  coordinator_deadline=coordinator_deadline)
            hit = self.cache[key] = pol.due_and_next(clock, self.now, self.cfg.calendar, self.cfg.tz, self.policy,
                                                     since=_utc(task.checked_at))
        return hit


def _plan(session: Session, entries: list, now: datetime, cfg: ReminderSettings, schedules: _Schedules) -> _Batch:
    """The reminders of a batch of queue entries, as outbox rows, each open task's
    next look, and the changes of its at-risk state (reads only)."""
    tasks = _open_tasks(entries)
    postgres = session.get_bind().dialect.name == "postgresql"
    ids = [t.id for t in tasks]
    today = now.astimezone(cfg.tz).date()
    coordinators = watch.coordinators(session, _among(TaskCoordinator.__table__.c.task_id, ids, postgres))
    facts = watch.report_facts(session, tasks, today, cfg, lambda col, xs: _among(col, xs, postgres))
    unit_ids = {t.lead_unit_id for t in tasks} | {c.unit_id for cs in coordinators.values() for c in cs}
    people = _recipients(session, _among(Person.__table__.c.unit_id, unit_ids, postgres))
    sc = Snooze.__table__.c
    snoozes = {(person_id, task_id): _aware(until) for person_id, task_id, until in session.execute(
        sa_select(sc.person_id, sc.task_id, sc.until).where(_among(sc.task_id, ids, postgres), sc.until > now))}
    rows, nexts, changes = [], [], []
    risks = watch.Risks(today, cfg)
    for task in tasks:
        mine = coordinators.get(task.id, ())
        waiting = watch.waiting_deadline(mine) if mine else None
        due, next_at = schedules.shared(task, waiting)  # reminder.task_id may be another task's
        for reminder in due:
            if reminder.on < today and reminder.kind != "escalation":
                continue  # missed while the service was down: today's reminder says it better
            if reminder.kind == "monthly" and facts.reported(task, reminder, cfg):
                continue  # this month's report is in
            key = pol.reminder_key(task.id, reminder.kind, reminder.on)
            for recipient, role in _targets(task, reminder, people, mine, waiting):
                person = recipient.person
                not_before = schedules.send_time(reminder, person.remind_hour)
                if snoozes:
                    not_before = _unless_snoozed(reminder, not_before, snoozes.get((person.id, task.id)), cfg)
                    if not_before is None:
                        continue
                rows.append({
                    "key": push_key(key, person, recipient.binding),
                    "channel": recipient.binding.channel, "chat_id": recipient.binding.chat_id,
                    "person_id": person.id, "task_id": task.id, "kind": reminder.kind,
                    "not_before": not_before,
                    "payload": reminder_reference(reminder.kind, reminder.days, role, _target(reminder)),
                })
        risk = risks.assess(task, facts, waiting)
        if risk.code != task.at_risk:
            changes.append(watch.RiskChange(task.id, task.lead_unit_id, task.deadline, task.at_risk, risk.code, today))
        if risk.next_check is not None:
            check_at = datetime.combine(risk.next_check, schedules.fire_time, tzinfo=cfg.tz).astimezone(UTC)
            next_at = check_at if next_at is None else min(next_at, check_at)
        if next_at is not None:
            nexts.append((task.id, next_at))
    rows += watch.risk_pushes(session, changes, people, now)
    return _Batch(len(tasks), rows, nexts, changes)


_NEW_KINDS = ("monthly", "coordinator_before", "coordinator_overdue")


def _target(reminder: pol.Reminder) -> str:
    """The date a monthly or coordinator reminder is about (their texts name it)."""
    return (reminder.on + timedelta(days=reminder.days)).isoformat() if reminder.kind in _NEW_KINDS else ""


def _targets(task, reminder: pol.Reminder, people: dict, coordinators, waiting: date | None):
    """Who gets a reminder, and in which role."""
    if reminder.kind == "escalation":
        return [(r, "head") for r in people.get(task.lead_unit_id, []) if r.person.role == "head"]
    if reminder.kind in ("coordinator_before", "coordinator_overdue"):
        return [(r, "coordinator") for c in coordinators if c.answered_at is None and c.deadline == waiting
                for r in people.get(c.unit_id, [])]
    targets = [(r, "lead") for r in people.get(task.lead_unit_id, [])]
    if reminder.kind != "monthly":
        targets += [(r, "coordinator") for c in coordinators for r in people.get(c.unit_id, [])]
    return targets


def _write(session: Session, batch: _Batch, now: datetime) -> int:
    """Queue the batch's next looks, enqueue its rows (returns how many were new)."""
    nexts = batch.nexts
    if nexts and session.get_bind().dialect.name == "postgresql":
        session.execute(_INSERT_PG, {"due": _pg_array(n for _, n in nexts), "ids": _pg_array(i for i, _ in nexts),
                                     "checked": now})
    elif nexts:
        when = time_processor(session.get_bind().dialect)
        session.connection().exec_driver_sql(_INSERT, [(when(n), i, when(now)) for i, n in nexts])
    watch.store_risk(session, batch.risk)
    return outbox.enqueue(session, batch.rows)


def _recipients(session: Session, of_units) -> dict[int, list[Recipient]]:
    """Active people of the units (`of_units`: a condition on Person.unit_id) with the
    chats their pushes go to (people.reachable), by unit."""
    by_unit: dict[int, list[Recipient]] = defaultdict(list)
    for person, binding in people.reachable(session, of_units):
        by_unit[person.unit_id].append(Recipient(person, binding))
    return by_unit


def _send_time(reminder: pol.Reminder, remind_hour: int | None, cfg: ReminderSettings) -> datetime:
    """When a person whose own hour is `remind_hour` (/nhacnho; None: the default) gets
    the reminder: that hour of its day, out of quiet hours, not before it fires."""
    hour = remind_hour if remind_hour is not None else cfg.policy.send_hour
    local = datetime.combine(reminder.on, time(hour), tzinfo=cfg.tz)
    if cfg.policy.is_quiet(local.timetz().replace(tzinfo=None)):
        local = datetime.combine(reminder.on, cfg.policy.quiet_end, tzinfo=cfg.tz)
    return max(local.astimezone(UTC), reminder.fire_at)


def _unless_snoozed(reminder: pol.Reminder, at: datetime, snoozed_until: datetime | None,
                    cfg: ReminderSettings) -> datetime | None:
    """"Nhắc lại sau": the send time moved to the snooze's end that day, or None when the
    snooze runs past the day (or into quiet hours). Escalations are never snoozed."""
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
                        directive_id=template.directive_id, series_id=series_id)
            session.add(task)
            session.flush()
            queue_look(session, task.id, now)
            for tc in session.exec(select(TaskCoordinator).where(TaskCoordinator.task_id == series_id)):
                session.add(TaskCoordinator(task_id=task.id, unit_id=tc.unit_id, position=tc.position))
    except IntegrityError:
        return 0
    return 1
