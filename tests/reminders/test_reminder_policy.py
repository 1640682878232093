"""When reminders fire (reminders.policy): days off, quiet hours, creation,
completion, snooze, escalation, time zones, and sweep idempotency.

Calendar facts used here (holidays 0.109, "VN"): Tết 2026 is 16–20/02/2026,
Tết 2027 is 04–10/02/2027, 27/04/2026 (Giỗ Tổ observed), 30/04 and 01/05/2026,
31/08–02/09/2026 are off and Saturday 22/08/2026 is a working day.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from reminders.policy import (
    Reminder,
    ReminderPolicy,
    TaskClock,
    due,
    next_fire_at,
    schedule,
)
from workcalendar.recurrence import next_due
from workcalendar.workdays import WorkCalendar

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
CAL = WorkCalendar()
D = date.fromisoformat
LONG_AGO = datetime(2025, 6, 1, tzinfo=UTC)


def local(day: str, hh: int = 0, mm: int = 0, tz=TZ) -> datetime:
    return datetime.combine(D(day), time(hh, mm), tzinfo=tz)


def task(deadline: str | None, *, created=LONG_AGO, status="open", task_id=1, **kw) -> TaskClock:
    return TaskClock(task_id, D(deadline) if deadline else None, status, created, **kw)


def plan(reminders: list[Reminder]) -> list[tuple[str, str, int]]:
    return [(r.kind, r.on.isoformat(), r.days) for r in reminders]


# --------------------------------------------------------------------------
# Which days, for tasks created long before: days off, Tết, holidays.

@pytest.mark.parametrize(
    "deadline, until, cal, expected",
    [
        pytest.param("2026-03-20", "2026-03-25", CAL, [
            ("before", "2026-03-13", 7),
            ("before", "2026-03-17", 3),
            ("before_working_day", "2026-03-19", 1),
            ("due_today", "2026-03-20", 0),
            ("overdue", "2026-03-23", -3),
            ("overdue", "2026-03-24", -4),
            ("escalation", "2026-03-24", -4),
            ("overdue", "2026-03-25", -5),
        ], id="friday-deadline"),
        pytest.param("2026-03-23", "2026-03-25", CAL, [
            ("before", "2026-03-16", 7),
            # 3 days before (Friday 20/3) coincides with 1 working day before
            ("before_working_day", "2026-03-20", 3),
            ("due_today", "2026-03-23", 0),
            ("overdue", "2026-03-24", -1),
            ("overdue", "2026-03-25", -2),
            ("escalation", "2026-03-25", -2),
        ], id="monday-deadline"),
        pytest.param("2026-03-28", "2026-03-31", CAL, [
            ("before", "2026-03-20", 8),      # 21/3 is a Saturday: moved earlier
            ("before", "2026-03-25", 3),
            ("due_today", "2026-03-27", 1),   # Saturday deadline stays; reminder Friday
            ("overdue", "2026-03-30", -2),
            ("overdue", "2026-03-31", -3),
            ("escalation", "2026-03-31", -3),
        ], id="saturday-deadline"),
        pytest.param("2026-02-18", "2026-02-24", CAL, [
            ("before", "2026-02-11", 7),
            ("due_today", "2026-02-13", 5),   # last working day before Tết
            ("overdue", "2026-02-23", -5),
            ("overdue", "2026-02-24", -6),
            ("escalation", "2026-02-24", -6),
        ], id="tet-2026-deadline"),
        pytest.param("2026-02-12", "2026-02-23", CAL, [
            ("before", "2026-02-05", 7),
            ("before", "2026-02-09", 3),
            ("before_working_day", "2026-02-11", 1),
            ("due_today", "2026-02-12", 0),
            ("overdue", "2026-02-13", -1),
            ("overdue", "2026-02-23", -11),   # no overdue reminders during Tết
            ("escalation", "2026-02-23", -11),
        ], id="overdue-across-tet-2026"),
        pytest.param("2027-02-10", "2027-02-12", CAL, [
            ("due_today", "2027-02-03", 7),   # 7 and 3 days before and 1 wd before: same day
            ("overdue", "2027-02-11", -1),
            ("overdue", "2027-02-12", -2),
            ("escalation", "2027-02-12", -2),
        ], id="tet-2027-deadline"),
        pytest.param("2026-05-01", "2026-05-05", CAL, [
            ("before", "2026-04-24", 7),
            ("before", "2026-04-28", 3),      # 27/4 Giỗ Tổ observed does not matter here
            ("due_today", "2026-04-29", 2),   # 30/4 and 1/5 off
            ("overdue", "2026-05-04", -3),
            ("overdue", "2026-05-05", -4),
            ("escalation", "2026-05-05", -4),
        ], id="deadline-on-1-may"),
        pytest.param("2026-09-02", "2026-09-04", CAL, [
            ("before", "2026-08-26", 7),
            ("due_today", "2026-08-28", 5),   # 30/8 Sunday, 31/8–2/9 off
            ("overdue", "2026-09-03", -1),
            ("overdue", "2026-09-04", -2),
            ("escalation", "2026-09-04", -2),
        ], id="deadline-on-2-september"),
        pytest.param("2026-08-24", "2026-08-24", CAL, [
            ("before", "2026-08-17", 7),
            ("before", "2026-08-21", 3),
            ("before_working_day", "2026-08-22", 2),   # official working Saturday
            ("due_today", "2026-08-24", 0),
        ], id="package-working-saturday"),
        pytest.param("2026-01-02", "2026-01-06", WorkCalendar(extra_days_off=[D("2026-01-02")]), [
            ("before", "2025-12-26", 7),
            ("before", "2025-12-30", 3),
            ("due_today", "2025-12-31", 2),   # 1/1 holiday, 2/1 configured off
            ("overdue", "2026-01-05", -3),
            ("overdue", "2026-01-06", -4),
            ("escalation", "2026-01-06", -4),
        ], id="extra-day-off-and-year-end"),
        pytest.param("2026-05-11", "2026-05-11", WorkCalendar(working_days=[D("2026-05-09")]), [
            ("before", "2026-05-04", 7),
            ("before", "2026-05-08", 3),
            ("before_working_day", "2026-05-09", 2),   # configured working Saturday
            ("due_today", "2026-05-11", 0),
        ], id="compensatory-saturday"),
        pytest.param("2026-05-11", "2026-05-11", CAL, [
            ("before", "2026-05-04", 7),
            ("before_working_day", "2026-05-08", 3),
            ("due_today", "2026-05-11", 0),
        ], id="same-week-without-compensatory-saturday"),
        pytest.param("2026-05-31", "2026-06-02", CAL, [
            ("before", "2026-05-22", 9),
            ("before", "2026-05-28", 3),
            ("due_today", "2026-05-29", 2),   # month end on a Sunday
            ("overdue", "2026-06-01", -1),
            ("overdue", "2026-06-02", -2),
            ("escalation", "2026-06-02", -2),
        ], id="month-end-sunday"),
    ],
)
def test_schedule_days(deadline, until, cal, expected):
    reminders = schedule(task(deadline), cal, TZ, until=D(until))
    assert plan(reminders) == expected
    for r in reminders:
        assert cal.is_working_day(r.on)
    # at most one of the before-deadline kinds per day
    pre = [r.on for r in reminders if r.kind in ("before", "before_working_day", "due_today")]
    assert len(pre) == len(set(pre))


def test_default_until_is_deadline_plus_30_days():
    reminders = schedule(task("2026-03-20"), CAL, TZ)
    assert reminders[-1].on == D("2026-04-17")       # last working day <= 19/4
    assert all(r.on <= D("2026-04-19") for r in reminders)
    assert [r.kind for r in reminders].count("escalation") == 1


def test_schedule_is_empty_without_deadline_or_for_draft():
    assert schedule(task(None), CAL, TZ, ReminderPolicy(monthly_before_working_days=0)) == []
    assert schedule(task("2026-03-20", status="draft"), CAL, TZ) == []
    assert schedule(task("2026-03-20", status="done"), CAL, TZ) == []   # done, completion unknown


# --------------------------------------------------------------------------
# Time of day, quiet hours, time zones.

def test_fire_at_is_utc_8_local_is_1_utc():
    r = schedule(task("2026-03-20"), CAL, TZ, until=D("2026-03-20"))[-1]
    assert r.kind == "due_today"
    assert r.fire_at == datetime(2026, 3, 20, 1, 0, tzinfo=UTC)
    assert r.fire_at.utcoffset() == timedelta(0)
    assert r.fire_at.astimezone(TZ) == local("2026-03-20", 8)


@pytest.mark.parametrize(
    "person_hour, policy, local_time",
    [
        (None, ReminderPolicy(), time(8)),
        (22, ReminderPolicy(), time(7)),       # inside quiet hours: clamped to quiet end
        (6, ReminderPolicy(), time(7)),
        (0, ReminderPolicy(), time(7)),
        (21, ReminderPolicy(), time(7)),       # quiet start is inclusive
        (7, ReminderPolicy(), time(7)),        # quiet end is exclusive
        (20, ReminderPolicy(), time(20)),
        (14, ReminderPolicy(), time(14)),
        (None, ReminderPolicy(send_hour=23), time(7)),
        (21, ReminderPolicy(quiet_start=time(22), quiet_end=time(6)), time(21)),
        (5, ReminderPolicy(quiet_start=time(22), quiet_end=time(6)), time(6)),
        (13, ReminderPolicy(quiet_start=time(12), quiet_end=time(14)), time(14)),
        (3, ReminderPolicy(quiet_start=time(0), quiet_end=time(0)), time(3)),   # no quiet hours
    ],
)
def test_send_hour_and_quiet_hours(person_hour, policy, local_time):
    reminders = schedule(task("2026-03-20", send_hour=person_hour), CAL, TZ, policy, until=D("2026-03-27"))
    assert reminders
    for r in reminders:
        fired = r.fire_at.astimezone(TZ)
        assert fired.date() == r.on
        assert fired.time() == local_time
        assert not policy.is_quiet(fired.time())


@pytest.mark.parametrize(
    "tz_name, hour, utc",
    [
        ("Asia/Ho_Chi_Minh", 8, datetime(2026, 3, 20, 1, tzinfo=UTC)),
        ("Asia/Ho_Chi_Minh", 7, datetime(2026, 3, 20, 0, tzinfo=UTC)),
        ("Asia/Tokyo", 8, datetime(2026, 3, 19, 23, tzinfo=UTC)),          # UTC date is the day before
        ("America/New_York", 8, datetime(2026, 3, 20, 12, tzinfo=UTC)),    # EDT (DST since 8/3)
        ("America/New_York", 8, None),
    ],
)
def test_time_zone_of_the_deployment(tz_name, hour, utc):
    tz = ZoneInfo(tz_name)
    policy = ReminderPolicy(send_hour=hour)
    if utc is None:   # before DST in New York: 08:00 EST is 13:00 UTC
        r = schedule(task("2026-03-06"), CAL, tz, policy, until=D("2026-03-06"))[-1]
        assert r.fire_at == datetime(2026, 3, 6, 13, tzinfo=UTC)
        return
    r = schedule(task("2026-03-20"), CAL, tz, policy, until=D("2026-03-20"))[-1]
    assert (r.kind, r.on) == ("due_today", D("2026-03-20"))
    assert r.fire_at == utc
    assert r.fire_at.tzinfo == UTC


# --------------------------------------------------------------------------
# Creation, past deadlines, completion, snooze, escalation.

@pytest.mark.parametrize(
    "created, first",
    [
        (local("2026-03-12", 9), ("before", "2026-03-13", 7)),
        (local("2026-03-13", 8), ("before", "2026-03-13", 7)),      # fire_at == created_at still fires
        (local("2026-03-13", 8, 1), ("before", "2026-03-17", 3)),   # no stale "7 days before"
        (local("2026-03-15", 10), ("before", "2026-03-17", 3)),
        (local("2026-03-19", 9), ("due_today", "2026-03-20", 0)),
        (local("2026-03-20", 9), ("overdue", "2026-03-23", -3)),
    ],
)
def test_created_late_gets_no_stale_reminders(created, first):
    reminders = schedule(task("2026-03-20", created=created), CAL, TZ, until=D("2026-03-27"))
    assert plan(reminders)[0] == first
    assert all(r.fire_at >= created for r in reminders)


@pytest.mark.parametrize(
    "deadline, created, first_overdue",
    [
        ("2026-03-10", local("2026-03-17", 7, 30), "2026-03-17"),   # today, 08:00 still ahead
        ("2026-03-10", local("2026-03-17", 9), "2026-03-18"),       # too late today
        ("2026-03-10", local("2026-03-14", 9), "2026-03-16"),       # created on a Saturday
        ("2026-02-10", local("2026-02-17", 7), "2026-02-23"),       # created during Tết
        ("2026-03-31", local("2026-04-30", 7), "2026-05-04"),       # created on 30/4
    ],
)
def test_deadline_already_past_at_creation(deadline, created, first_overdue):
    reminders = schedule(task(deadline, created=created), CAL, TZ, until=D("2026-05-30"))
    first = reminders[0]
    assert (first.kind, first.on) == ("overdue", D(first_overdue))
    assert first.fire_at == local(first_overdue, 8).astimezone(UTC)
    # long overdue already: the head is told with the first overdue reminder, once
    assert [(r.kind, r.on) for r in reminders].count(("escalation", D(first_overdue))) == 1
    assert [r.kind for r in reminders].count("escalation") == 1


def test_task_completed_between_two_reminders():
    completed = local("2026-03-18", 10)
    done = task("2026-03-20", status="done", completed_at=completed)
    assert plan(schedule(done, CAL, TZ)) == [("before", "2026-03-13", 7), ("before", "2026-03-17", 3)]
    assert due(done, local("2026-04-30", 12), CAL, TZ) == []
    assert due(done, local("2026-04-30", 12), CAL, TZ, since=completed) == []
    assert next_fire_at(done, completed, CAL, TZ) is None


def test_completed_exactly_at_fire_time_gets_nothing_that_instant():
    completed = local("2026-03-17", 8)
    t = task("2026-03-20", status="in_progress", completed_at=completed)
    assert plan(schedule(t, CAL, TZ)) == [("before", "2026-03-13", 7)]


@pytest.mark.parametrize(
    "muted_until, expected",
    [
        # moved to muted_until: same local day, outside quiet hours
        (local("2026-03-17", 14, 30), [
            ("before", "2026-03-17", local("2026-03-17", 14, 30)),
            ("before_working_day", "2026-03-19", local("2026-03-19", 8)),
        ]),
        # muted into quiet hours on that day: skipped
        (local("2026-03-17", 22), [
            ("before_working_day", "2026-03-19", local("2026-03-19", 8)),
        ]),
        # "Nhắc lại sau" for a day from 17/3 09:00: 17/3 already sent, nothing on 18/3
        (local("2026-03-18", 9), [
            ("before_working_day", "2026-03-19", local("2026-03-19", 8)),
        ]),
        # muted until the next morning before the send hour: nothing moves
        (local("2026-03-19", 7), [
            ("before_working_day", "2026-03-19", local("2026-03-19", 8)),
        ]),
        # muted over the deadline day: overdue day skipped, escalation is never muted
        (local("2026-03-24", 23), [
            ("escalation", "2026-03-24", local("2026-03-24", 8)),
            ("overdue", "2026-03-25", local("2026-03-25", 8)),
        ]),
    ],
)
def test_muted_task(muted_until, expected):
    t = task("2026-03-20", created=local("2026-03-16", 12), muted_until=muted_until)
    got = [(r.kind, r.on.isoformat(), r.fire_at) for r in schedule(t, CAL, TZ, until=D("2026-03-25"))]
    want = [(k, on, at.astimezone(UTC)) for k, on, at in expected]
    # the reminders from the first expected one on (the rest of the schedule is unchanged)
    assert [g for g in got if g[2] >= min(w[2] for w in want)][:len(want)] == want
    assert all(g[2] >= muted_until or g[0] == "escalation" for g in got)


@pytest.mark.parametrize(
    "policy, escalation_day",
    [
        (ReminderPolicy(), "2026-03-24"),                               # 2 working days late
        (ReminderPolicy(escalate_after_working_days=1), "2026-03-23"),
        (ReminderPolicy(escalate_after_working_days=5), "2026-03-27"),
        (ReminderPolicy(escalate_after_working_days=0), None),          # disabled
        (ReminderPolicy(overdue_every_working_day=False), "2026-03-24"),
    ],
)
def test_escalation_day(policy, escalation_day):
    reminders = schedule(task("2026-03-20"), CAL, TZ, policy, until=D("2026-04-30"))
    escalations = [r for r in reminders if r.kind == "escalation"]
    if escalation_day is None:
        assert escalations == []
        return
    [esc] = escalations
    assert esc.on == D(escalation_day)
    assert CAL.working_days_between(D("2026-03-20"), esc.on) == policy.escalate_after_working_days
    assert esc.fire_at == local(escalation_day, 8).astimezone(UTC)
    overdue = [r for r in reminders if r.kind == "overdue"]
    assert bool(overdue) is policy.overdue_every_working_day


def test_recurring_monthly_23_instance_over_month_end_and_tet():
    # the January period is reported; the next one is due 23/02/2026, the
    # Monday right after Tết: the 7- and 3-day reminders fall in Tết.
    jan = next_due("monthly:23", D("2026-01-01"))
    feb = next_due("monthly:23", jan + timedelta(days=1))
    mar = next_due("monthly:23", feb + timedelta(days=1))
    assert (jan, feb, mar) == (D("2026-01-23"), D("2026-02-23"), D("2026-03-23"))
    created = local("2026-01-23", 17)          # instance created when January was closed
    instance = TaskClock(102, feb, "open", created)
    assert plan(schedule(instance, CAL, TZ, until=feb)) == [
        ("before_working_day", "2026-02-13", 10),
        ("due_today", "2026-02-23", 0),
    ]
    keys = {r.key for d, i in ((jan, 101), (feb, 102), (mar, 103))
            for r in schedule(TaskClock(i, d, "open", LONG_AGO), CAL, TZ, until=d)}
    assert "task:102:before_working_day:2026-02-13" in keys
    assert "task:103:before:2026-03-16" in keys


def test_key_format():
    r = schedule(task("2026-03-20", task_id=42), CAL, TZ, until=D("2026-03-20"))[-1]
    assert r.key == "task:42:due_today:2026-03-20"


# --------------------------------------------------------------------------
# next_fire_at and due(): consistent with schedule().

SWEEP_TASKS = {
    "plain": task("2026-03-10", created=local("2026-02-25", 9)),
    "tet-2026": task("2026-02-18", created=local("2026-02-02", 15), task_id=2),
    "created-late": task("2026-03-06", created=local("2026-03-04", 10), task_id=3),
    "past-at-creation": task("2026-02-10", created=local("2026-02-12", 9, 7), task_id=4),
    "person-hour-22": task("2026-03-02", created=LONG_AGO, send_hour=22, task_id=5),
    "muted": task("2026-02-27", created=LONG_AGO, muted_until=local("2026-02-26", 16, 50), task_id=6),
    "completed": task("2026-02-20", created=LONG_AGO, task_id=7,
                      completed_at=local("2026-02-25", 11, 3), status="done"),
}
SWEEP_START = local("2026-02-01", 0, 5).astimezone(UTC)
SWEEP_END = SWEEP_START + timedelta(days=40)


@pytest.mark.parametrize("name", list(SWEEP_TASKS))
def test_next_fire_at_is_monotonic_and_matches_schedule(name):
    t = SWEEP_TASKS[name]
    if t.status == "done":
        t = TaskClock(t.task_id, t.deadline, "open", t.created_at, completed_at=t.completed_at)
    expected = sorted({r.fire_at for r in schedule(t, CAL, TZ, until=SWEEP_END.date())})
    walked, at = [], SWEEP_START - timedelta(days=60)
    while True:
        at = next_fire_at(t, at, CAL, TZ)
        if at is None or at > SWEEP_END:
            break
        assert not walked or at > walked[-1]
        walked.append(at)
    assert walked == expected
    for fire_at in expected:
        assert next_fire_at(t, fire_at - timedelta(microseconds=1), CAL, TZ) == fire_at


@pytest.mark.parametrize("name", list(SWEEP_TASKS))
def test_sweep_every_15_minutes_fires_each_key_exactly_once(name):
    final = SWEEP_TASKS[name]

    def state(now: datetime) -> TaskClock:
        # before completion the task was still open, without completed_at
        if final.completed_at is not None and now < final.completed_at:
            return TaskClock(final.task_id, final.deadline, "open", final.created_at)
        return final

    seen: list[str] = []
    fired: dict[str, datetime] = {}
    previous = None
    now = SWEEP_START
    while now <= SWEEP_END:
        t = state(now)
        for r in due(t, now, CAL, TZ, since=previous):
            assert previous is None or previous < r.fire_at <= now
            assert now - r.fire_at < timedelta(minutes=15)     # sent in the first sweep after
            seen.append(r.key)
            fired[r.key] = r.fire_at
        previous = now
        now += timedelta(minutes=15)
    assert len(seen) == len(set(seen))
    expected = [r for r in schedule(final, CAL, TZ, until=SWEEP_END.date()) if r.fire_at <= SWEEP_END]
    if final.status == "done":
        expected = schedule(final, CAL, TZ, until=SWEEP_END.date())
    assert seen == [r.key for r in expected]
    assert fired == {r.key: r.fire_at for r in expected}
    assert seen, "every sweep task has at least one reminder in the window"


def test_due_since_none_is_everything_from_creation():
    t = task("2026-03-20", created=local("2026-03-14", 9))
    got = due(t, local("2026-03-23", 8), CAL, TZ)
    assert plan(got) == [
        ("before", "2026-03-17", 3),
        ("before_working_day", "2026-03-19", 1),
        ("due_today", "2026-03-20", 0),
        ("overdue", "2026-03-23", -3),
    ]
    assert due(t, local("2026-03-23", 7, 59), CAL, TZ, since=local("2026-03-20", 8)) == []


@pytest.mark.parametrize("status", ["done", "draft"])
def test_due_and_next_fire_at_ignore_done_and_draft(status):
    t = task("2026-03-20", status=status, completed_at=local("2026-03-30", 9) if status == "done" else None)
    assert due(t, local("2026-03-25", 9), CAL, TZ) == []
    assert next_fire_at(t, local("2026-03-01"), CAL, TZ) is None


@pytest.mark.parametrize("status", ["open", "in_progress", "blocked"])
def test_active_statuses_are_reminded(status):
    t = task("2026-03-20", status=status)
    assert next_fire_at(t, local("2026-03-18", 9), CAL, TZ) == local("2026-03-19", 8).astimezone(UTC)


def test_next_fire_at_none_when_nothing_follows():
    policy = ReminderPolicy(overdue_every_working_day=False, escalate_after_working_days=0)
    t = task("2026-03-20")
    assert next_fire_at(t, local("2026-03-20", 8), CAL, TZ, policy) is None
    assert next_fire_at(task(None), local("2026-03-20", 8), CAL, TZ, replace(policy, monthly_before_working_days=0)) is None
    # overdue reminders go on past the default 30-day horizon of schedule()
    assert next_fire_at(t, local("2026-12-01", 9), CAL, TZ) == local("2026-12-02", 8).astimezone(UTC)


@pytest.mark.parametrize(
    "make",
    [
        lambda: TaskClock(1, D("2026-03-20"), "open", datetime(2026, 3, 1)),        # naive
        lambda: TaskClock(1, D("2026-03-20"), "closed", LONG_AGO),                   # unknown status
        lambda: TaskClock(1, D("2026-03-20"), "open", LONG_AGO, send_hour=24),
        lambda: TaskClock(1, datetime(2026, 3, 20), "open", LONG_AGO),              # datetime deadline
        lambda: ReminderPolicy(before_days=(7, 0)),
        lambda: ReminderPolicy(send_hour=-1),
        lambda: ReminderPolicy(escalate_after_working_days=-1),
        lambda: due(task("2026-03-20"), datetime(2026, 3, 20, 9), CAL, TZ),        # naive now
    ],
)
def test_invalid_inputs_raise_value_error(make):
    with pytest.raises(ValueError):
        make()


def test_due_and_next_is_due_plus_next_fire_at():
    """The sweep's one-pass helper agrees with due() and next_fire_at() on every step."""
    from datetime import UTC, date, datetime, timedelta
    from zoneinfo import ZoneInfo

    from reminders.policy import TaskClock, due, due_and_next, next_fire_at
    from workcalendar.workdays import WorkCalendar

    tz, cal = ZoneInfo("Asia/Ho_Chi_Minh"), WorkCalendar()
    task = TaskClock(task_id=1, deadline=date(2026, 2, 20), status="open",
                     created_at=datetime(2026, 1, 20, 2, tzinfo=UTC))
    now, since = datetime(2026, 1, 20, 3, tzinfo=UTC), None
    while now < datetime(2026, 3, 20, tzinfo=UTC):
        assert due_and_next(task, now, cal, tz, since=since) == (due(task, now, cal, tz, since=since),
                                                                  next_fire_at(task, now, cal, tz))
        since, now = now, now + timedelta(hours=7)


# --------------------------------------------------------------------------
# Undated tasks ("thường xuyên"): the monthly report before the 23rd.

@pytest.mark.parametrize(
    "created, until, policy, expected",
    [
        pytest.param("2026-04-01", "2026-07-01", ReminderPolicy(), [
            ("monthly", "2026-04-20", 3),    # 23/4 Thu: three working days before is Mon 20/4
            ("monthly", "2026-05-20", 3),    # 23/5 Sat: 20/5 Wed (Sat is counted from, not on)
            ("monthly", "2026-06-18", 5),    # 23/6 Tue: Thu 18/6
        ], id="three-working-days-before-the-23rd"),
        pytest.param("2026-04-22", "2026-05-31", ReminderPolicy(), [
            ("monthly", "2026-05-20", 3),    # created after April's reminder day: none for April
        ], id="nothing-before-creation"),
        pytest.param("2026-02-01", "2026-03-01", ReminderPolicy(monthly_report_day=31, monthly_before_working_days=1),
                     [("monthly", "2026-02-27", 1)], id="short-month-takes-its-last-day"),
        pytest.param("2026-04-01", "2026-07-01", ReminderPolicy(monthly_before_working_days=0), [], id="off"),
    ],
)
def test_undated_task_reports_every_month(created, until, policy, expected):
    clock = task(None, created=local(created, 9))
    assert plan(schedule(clock, CAL, TZ, policy, until=D(until))) == expected


def test_undated_task_next_fire_is_next_months_reminder():
    clock = task(None, created=local("2026-04-01", 9))
    assert next_fire_at(clock, local("2026-04-21", 9), CAL, TZ) == local("2026-05-20", 8)


# --------------------------------------------------------------------------
# A coordinator's own deadline.

@pytest.mark.parametrize(
    "deadline, coordinator, expected",
    [
        pytest.param("2026-05-29", "2026-05-20", [
            ("before", "2026-05-22", 7), ("coordinator_before", "2026-05-19", 1),
            ("coordinator_overdue", "2026-05-21", -1), ("before", "2026-05-26", 3),
        ], id="before-and-after-the-coordinators-day"),
        pytest.param(None, "2026-05-22", [
            ("coordinator_before", "2026-05-21", 1), ("coordinator_overdue", "2026-05-25", -3),
        ], id="undated-lead-task-friday-deadline"),
    ],
)
def test_coordinator_deadline_reminders(deadline, coordinator, expected):
    clock = task(deadline, created=local("2026-05-18", 7), coordinator_deadline=D(coordinator))
    policy = ReminderPolicy(monthly_before_working_days=0)
    got = plan(schedule(clock, CAL, TZ, policy, until=D("2026-05-26")))
    assert sorted(got, key=lambda r: r[1]) == sorted(expected, key=lambda r: r[1])
