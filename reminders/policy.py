"""When a task's reminders fire: a pure function of the task, the calendar,
the deployment's time zone and the policy. No I/O, no clock.

Reminder kinds, for a task with deadline D (a local calendar date):

- ``before``: D − n calendar days for each n in ``policy.before_days``
  (default 7 and 3 days before);
- ``before_working_day``: the ``policy.before_working_days``-th working day
  before D (default 1; 0 disables it);
- ``due_today``: on D;
- ``overdue``: every working day after D, starting with the first working day
  after D (``policy.overdue_every_working_day``; False disables them);
- ``escalation`` (to the unit's head, once): on the first working day on which
  the task has been overdue for at least ``policy.escalate_after_working_days``
  working days, i.e. ``cal.working_days_between(D, day) >= N`` — normally the
  day where it equals N (default 2); 0 disables escalation.

Rules:

1. Days off. A reminder never fires on a day off (weekend, public holiday,
   configured extra day off — see ``workcalendar.workdays``). A ``before``,
   ``before_working_day`` or ``due_today`` reminder that would fall on a day
   off moves to the previous working day — earlier, never later. The deadline
   itself is never moved (it is the law): a deadline on a holiday keeps D, its
   ``due_today`` reminder fires on the last working day before D.
2. One per day before the deadline. If moving makes several of those kinds
   land on the same day, only the most urgent is kept:
   ``due_today`` > ``before_working_day`` > ``before``.
   On an escalation day the ``overdue`` reminder (to the officials) and the
   ``escalation`` (to the head) both fire: they go to different people.
3. ``on`` is the local date the reminder fires; ``days`` is ``(D - on).days``:
   calendar days left when positive (0 on the deadline day), calendar days
   late when negative. So a ``due_today`` moved off a holiday deadline has
   ``days > 0``; the message says "hạn hôm nay" only when ``on == D``
   (``days == 0``).
4. Time of day. ``fire_at`` is ``on`` at the person's hour (``task.send_hour``)
   or else ``policy.send_hour``, local time in ``tz``, stored as aware UTC
   (08:00 Asia/Ho_Chi_Minh == 01:00 UTC). An hour inside quiet hours
   (``quiet_start`` inclusive – ``quiet_end`` exclusive, default 21:00–07:00,
   may wrap midnight; equal bounds mean no quiet hours) is clamped to
   ``quiet_end`` on the same day: a person's 22 or 6 fires at 07:00.
5. Creation. Only reminders with ``fire_at >= created_at`` exist: a task
   created late gets no burst of stale "7 days before" messages (which also
   means nothing is moved to before the creation day). A task created with
   its deadline already past gets its first ``overdue`` reminder at the next
   allowed time: today at the send hour if that is still ahead and today is a
   working day, else the next working day. Its ``escalation`` fires with the
   first overdue day reached after creation once it is ≥ N working days late.
6. Snooze ("Nhắc lại sau"). A reminder whose ``fire_at`` is before
   ``task.muted_until`` is moved to ``muted_until`` if that instant is on the
   same local day and outside quiet hours; otherwise it is skipped (overdue
   reminders come back on the next working day). ``escalation`` ignores the
   snooze — it goes to the head, and a snooze must not cancel the one-shot
   escalation.
7. Completion and status. Nothing fires at or after ``completed_at``.
   ``schedule()`` of a ``draft`` task (or an undated one with monthly reminders off), or a
   ``done`` task without ``completed_at`` is empty; ``due()`` and
   ``next_fire_at()`` give nothing for ``done`` and ``draft`` tasks.
   ``open``, ``in_progress`` and ``blocked`` tasks are reminded.
8. Idempotency. ``Reminder.key`` = ``task:{id}:{kind}:{on}`` is unique within
   a task's schedule; consecutive ``due(now, since=previous_now)`` sweeps
   return each key exactly once, and ``next_fire_at`` is the first
   ``fire_at`` of ``schedule()`` strictly after the given instant (what a
   ``next_remind_at`` column stores).

Two more kinds come from ``reminders.risk`` and issue 15:

- ``monthly``: an undated task ("thường xuyên", ``deadline`` None) reports every month
  by the reporting day R (``policy.monthly_report_day``, default the 23rd; the month's
  last day when shorter): reminded ``policy.monthly_before_working_days`` working days
  before R (default 3; 0 disables it), ``days`` = ``(R - on).days``. Rules 4–7 apply.
- ``coordinator_before`` / ``coordinator_overdue``: a coordinating unit's own deadline C
  (``task.coordinator_deadline``, the earliest of those who have not answered): the
  ``policy.coordinator_before_working_days``-th working day before C (default 1; 0:
  none), and the first working day after C; ``days`` = ``(C - on).days``. They go to
  the coordinators only, beside the task's own reminders (same day allowed: the key
  differs by kind).

Recurring duties are one ``TaskClock`` per period instance (deadline = that
period's due date from ``workcalendar.recurrence.next_due``); nothing special.
"""
from __future__ import annotations

import calendar
import heapq
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import NamedTuple

from workcalendar.workdays import WorkCalendar

STATUSES = ("open", "in_progress", "blocked", "done", "draft")
KINDS = ("before", "before_working_day", "due_today", "overdue", "escalation", "monthly",
         "coordinator_before", "coordinator_overdue")
_URGENCY = {"before": 0, "before_working_day": 1, "due_today": 2}
_DEFAULT_HORIZON = timedelta(days=30)


def _check_aware(value: datetime | None, name: str) -> None:
    if value is None:
        return
    if not isinstance(value, datetime) or value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{name} must be an aware datetime, got {value!r}")


def _check_hour(value: int, name: str) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 23:
        raise ValueError(f"{name} must be an hour 0–23, got {value!r}")


@dataclass(frozen=True)
class ReminderPolicy:
    before_days: tuple[int, ...] = (7, 3)       # calendar days before the deadline
    before_working_days: int = 1                # plus: this many working days before (0: off)
    send_hour: int = 8                          # local hour (a person's own hour overrides)
    overdue_every_working_day: bool = True
    escalate_after_working_days: int = 2        # 0: never escalate
    quiet_start: time = time(21, 0)
    quiet_end: time = time(7, 0)
    monthly_report_day: int = 23                # undated tasks report by this day each month
    monthly_before_working_days: int = 3        # … and are reminded this many working days before (0: off)
    coordinator_before_working_days: int = 1    # a coordinator's own deadline: reminded before it (0: off)

    def __post_init__(self) -> None:
        object.__setattr__(self, "before_days", tuple(self.before_days))
        if not 1 <= self.monthly_report_day <= 31:
            raise ValueError("monthly_report_day must be a day of the month 1–31")
        if self.monthly_before_working_days < 0 or self.coordinator_before_working_days < 0:
            raise ValueError("working-day counts must be >= 0")
        for n in self.before_days:
            if isinstance(n, bool) or not isinstance(n, int) or n < 1:
                raise ValueError(f"before_days must be positive day counts, got {n!r}")
        if self.before_working_days < 0:
            raise ValueError("before_working_days must be >= 0")
        if self.escalate_after_working_days < 0:
            raise ValueError("escalate_after_working_days must be >= 0")
        _check_hour(self.send_hour, "send_hour")

    def is_quiet(self, t: time) -> bool:
        """Whether local time `t` is inside quiet hours [quiet_start, quiet_end)."""
        start, end = self.quiet_start, self.quiet_end
        t = t.replace(tzinfo=None)
        if start == end:
            return False
        if start < end:
            return start <= t < end
        return t >= start or t < end


@dataclass(frozen=True)
class TaskClock:
    """What the policy needs to know about one task."""

    task_id: int
    deadline: date | None                 # local calendar date
    status: str                           # "open" | "in_progress" | "blocked" | "done" | "draft"
    created_at: datetime                  # aware
    completed_at: datetime | None = None  # aware
    muted_until: datetime | None = None   # aware; no reminder fires before it (snooze)
    send_hour: int | None = None          # the person's own hour, overrides policy.send_hour
    coordinator_deadline: date | None = None  # earliest deadline of a coordinator yet to answer

    def __post_init__(self) -> None:
        if self.status not in STATUSES:
            raise ValueError(f"unknown task status {self.status!r}; expected one of {STATUSES}")
        if isinstance(self.deadline, datetime):
            raise ValueError("deadline must be a date, not a datetime")
        _check_aware(self.created_at, "created_at")
        _check_aware(self.completed_at, "completed_at")
        _check_aware(self.muted_until, "muted_until")
        if self.send_hour is not None:
            _check_hour(self.send_hour, "send_hour")


class Reminder(NamedTuple):
    """One reminder (a NamedTuple: a sweep makes thousands)."""

    task_id: int
    kind: str          # one of KINDS
    on: date           # local date the reminder fires
    fire_at: datetime  # aware UTC
    days: int          # (deadline - on).days: calendar days left (>0), 0 on the day, calendar days late (<0)

    @property
    def key(self) -> str:
        """Idempotency key, unique per task/kind/date."""
        return reminder_key(self.task_id, self.kind, self.on)


def reminder_key(task_id: int, kind: str, on: date) -> str:
    return f"task:{task_id}:{kind}:{on.isoformat()}"


def _local_fire_time(task: TaskClock, policy: ReminderPolicy) -> time:
    hour = task.send_hour if task.send_hour is not None else policy.send_hour
    t = time(hour)
    return policy.quiet_end if policy.is_quiet(t) else t


def _iter_reminders(
    task: TaskClock,
    cal: WorkCalendar,
    tz: tzinfo,
    policy: ReminderPolicy,
    until: date | None,
) -> Iterator[Reminder]:
    """All reminders of the task in fire_at order, rules 1–7 applied (except
    the done/draft rule of due()/next_fire_at). Stops after `until` (a local
    date) when given; otherwise may be infinite for an overdue or undated task."""
    if task.status == "draft" or (task.status == "done" and task.completed_at is None):
        return
    maker = _Maker(task, tz, policy)
    if task.deadline is not None:
        main = _dated(task, task.deadline, cal, policy, until, maker)
    elif policy.monthly_before_working_days:
        main = _monthly(task, cal, policy, until, maker)
    else:
        main = iter(())
    if task.coordinator_deadline is None:
        yield from main
        return
    extra = _coordinator(task.coordinator_deadline, cal, policy, until, maker)
    yield from heapq.merge(main, extra, key=lambda r: r.fire_at)


class _Maker:
    """Reminders of one task at its firing time (rules 4–7)."""

    def __init__(self, task: TaskClock, tz: tzinfo, policy: ReminderPolicy):
        self.task, self.tz, self.policy = task, tz, policy
        self.local_t = _local_fire_time(task, policy)

    def make(self, kind: str, day: date, target: date) -> Reminder | None:
        task = self.task
        fire_at = datetime.combine(day, self.local_t, tzinfo=self.tz).astimezone(UTC)
        if fire_at < task.created_at:                       # rule 5
            return None
        if task.muted_until is not None and kind != "escalation" and fire_at < task.muted_until:
            muted = task.muted_until.astimezone(self.tz)     # rule 6
            if muted.date() != day or self.policy.is_quiet(muted.time()):
                return None
            fire_at = muted.astimezone(UTC)
        return Reminder(task.task_id, kind, day, fire_at, (target - day).days)

    def in_order(self, items: list[Reminder | None]) -> tuple[list[Reminder], bool]:
        """One day's reminders by fire_at (stable: overdue before escalation),
        cut at completion; the flag says the task is finished (rule 7)."""
        kept = sorted((r for r in items if r is not None), key=lambda r: r.fire_at)
        if self.task.completed_at is not None:
            live = [r for r in kept if r.fire_at < self.task.completed_at]
            return live, len(live) < len(kept)
        return kept, False


def _dated(task: TaskClock, deadline: date, cal: WorkCalendar, policy: ReminderPolicy, until: date | None,
           maker: _Maker) -> Iterator[Reminder]:
    """The reminders of a task with a deadline (rules 1–3)."""
    # Before the deadline: at most one reminder per day, the most urgent kind.
    before: dict[date, str] = {}

    def put(day: date, kind: str) -> None:
        if day not in before or _URGENCY[kind] > _URGENCY[before[day]]:
            before[day] = kind

    for n in policy.before_days:
        put(cal.previous_working_day(deadline - timedelta(days=n)), "before")
    if policy.before_working_days > 0:
        put(cal.add_working_days(deadline, -policy.before_working_days), "before_working_day")
    put(cal.previous_working_day(deadline), "due_today")

    for day in sorted(before):
        if until is not None and day > until:
            return
        live, finished = maker.in_order([maker.make(before[day], day, deadline)])
        yield from live
        if finished:
            return

    # After the deadline: working days only.
    escalate_at = policy.escalate_after_working_days
    escalated = escalate_at == 0
    day, late = deadline, 0
    while policy.overdue_every_working_day or not escalated:
        day = cal.next_working_day(day, include=False)
        late += 1                                        # == cal.working_days_between(deadline, day)
        if until is not None and day > until:
            return
        items = []
        if policy.overdue_every_working_day:
            items.append(maker.make("overdue", day, deadline))
        if not escalated and late >= escalate_at:
            esc = maker.make("escalation", day, deadline)
            if esc is not None:
                escalated = True
                items.append(esc)
        live, finished = maker.in_order(items)
        yield from live
        if finished:
            return


def _monthly(task: TaskClock, cal: WorkCalendar, policy: ReminderPolicy, until: date | None,
             maker: _Maker) -> Iterator[Reminder]:
    """An undated task's monthly report reminders, from its creation month on."""
    created = task.created_at.astimezone(maker.tz).date()
    y, m = created.year, created.month
    while True:
        due_day = date(y, m, min(policy.monthly_report_day, calendar.monthrange(y, m)[1]))
        day = cal.add_working_days(due_day, -policy.monthly_before_working_days)
        if until is not None and day > until:
            return
        live, finished = maker.in_order([maker.make("monthly", day, due_day)])
        yield from live
        if finished:
            return
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)


def _coordinator(deadline: date, cal: WorkCalendar, policy: ReminderPolicy, until: date | None,
                 maker: _Maker) -> Iterator[Reminder]:
    """A coordinator's own deadline: once before it, once the first working day after."""
    days = []
    if policy.coordinator_before_working_days:
        days.append((cal.add_working_days(deadline, -policy.coordinator_before_working_days), "coordinator_before"))
    days.append((cal.next_working_day(deadline, include=False), "coordinator_overdue"))
    for day, kind in days:
        if until is not None and day > until:
            return
        live, finished = maker.in_order([maker.make(kind, day, deadline)])
        yield from live
        if finished:
            return


def schedule(
    task: TaskClock,
    cal: WorkCalendar,
    tz: tzinfo,
    policy: ReminderPolicy = ReminderPolicy(),
    *,
    until: date | None = None,
) -> list[Reminder]:
    """Every reminder of the task from its creation on, in fire_at order.

    Overdue reminders are listed up to the local date `until` (inclusive;
    default: deadline + 30 days). Pass `until` whenever the deadline can be
    passed by more than that.
    """
    if until is None:
        if task.deadline is None:
            until = task.created_at.date() + timedelta(days=366)
        else:
            until = task.deadline + _DEFAULT_HORIZON
    return list(_iter_reminders(task, cal, tz, policy, until))


def due(
    task: TaskClock,
    now: datetime,
    cal: WorkCalendar,
    tz: tzinfo,
    policy: ReminderPolicy = ReminderPolicy(),
    *,
    since: datetime | None = None,
) -> list[Reminder]:
    """Reminders with since < fire_at <= now, in fire_at order (since=None:
    everything from the task's creation). Empty for done and draft tasks.

    A sweep that calls ``due(task, now, ..., since=previous_now)`` sees each
    reminder exactly once.
    """
    _check_aware(now, "now")
    _check_aware(since, "since")
    if task.status in ("done", "draft"):
        return []
    out = []
    for r in _iter_reminders(task, cal, tz, policy, now.astimezone(tz).date()):
        if r.fire_at > now:
            break
        if since is None or r.fire_at > since:
            out.append(r)
    return out


def next_fire_at(
    task: TaskClock,
    after: datetime,
    cal: WorkCalendar,
    tz: tzinfo,
    policy: ReminderPolicy = ReminderPolicy(),
) -> datetime | None:
    """The first fire_at strictly after `after` (aware UTC), or None when the
    task will not be reminded again (done, draft, no deadline, or every
    reminder already past with overdue reminders and escalation disabled).

    This is what a ``next_remind_at`` column stores, so that a sweep only
    touches tasks whose next_remind_at <= now.
    """
    _check_aware(after, "after")
    if task.status in ("done", "draft"):
        return None
    for r in _iter_reminders(task, cal, tz, policy, None):
        if r.fire_at > after:
            return r.fire_at
    return None


def due_and_next(
    task: TaskClock,
    now: datetime,
    cal: WorkCalendar,
    tz: tzinfo,
    policy: ReminderPolicy = ReminderPolicy(),
    *,
    since: datetime | None = None,
) -> tuple[list[Reminder], datetime | None]:
    """``(due(task, now, since=since), next_fire_at(task, now))`` in one pass over
    the schedule: what a sweep needs for each task it looks at."""
    _check_aware(now, "now")
    _check_aware(since, "since")
    if task.status in ("done", "draft"):
        return [], None
    out: list[Reminder] = []
    for r in _iter_reminders(task, cal, tz, policy, None):
        if r.fire_at > now:
            return out, r.fire_at
        if since is None or r.fire_at > since:
            out.append(r)
    return out, None
