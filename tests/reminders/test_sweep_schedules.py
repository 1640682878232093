"""The sweep computes each distinct schedule once (reminders/sweep.py _Schedules):
for any task it must answer exactly what the policy answers for that task alone."""
from __future__ import annotations

import random
from collections import namedtuple
from datetime import UTC, date, datetime, timedelta

from conftest import TZ
from reminders import policy as pol
from reminders.sweep import ReminderSettings, _Schedules
from workcalendar.workdays import WorkCalendar

CFG = ReminderSettings(tz=TZ, calendar=WorkCalendar())
Row = namedtuple("Row", "id deadline status created_at completed_at checked_at")


def local(y, m, d, h=8, mi=0) -> datetime:
    return datetime(y, m, d, h, mi, tzinfo=TZ).astimezone(UTC)


def test_shared_schedules_answer_what_the_policy_answers_for_each_task():
    rnd = random.Random(5)
    now = local(2026, 5, 14, 7, 0, )
    schedules = _Schedules(now, CFG)
    rows = []
    for task_id in range(1, 3001):
        deadline = date(2026, 5, 14) + timedelta(days=rnd.randint(-12, 10))
        # creation days around the deadline, at every kind of hour: before and after the
        # 07:00 firing, to the minute, so that the escalation day depends on it
        created = local(2026, 4, 20) + timedelta(days=rnd.randint(0, 25), minutes=rnd.choice([0, 1, 59, 60, 61, 720]))
        created = min(created, now)
        since = rnd.choice([None, now - timedelta(minutes=1), now - timedelta(days=1), now - timedelta(days=4)])
        if since is not None and since < created:
            since = created
        status = rnd.choice(["open", "in_progress", "blocked", "done"])
        completed = now - timedelta(hours=rnd.randint(0, 200)) if status == "done" else None
        if completed is not None and completed < created:
            completed = created
        rows.append(Row(task_id, deadline, status, created, completed, since))
    # the same schedules once more under other ids: now answered from the cache
    rows += [r._replace(id=r.id + 10_000) for r in rows]
    fired = 0
    for row in rows:
        clock = pol.TaskClock(task_id=row.id, deadline=row.deadline, status=row.status, created_at=row.created_at,
                              completed_at=row.completed_at)
        expected = pol.due_and_next(clock, now, CFG.calendar, CFG.tz, CFG.sweep_policy, since=row.checked_at)
        assert schedules.due_and_next(row) == expected, row
        fired += len(expected[0])
    assert fired > 500 and len(schedules.cache) < len(rows) / 2
    assert any(r.kind == "escalation" for row in rows for r in schedules.due_and_next(row)[0])


def test_a_task_created_after_the_escalation_day_escalates_on_its_own_day():
    """Two tasks with one deadline, both created before the previous sweep: the older
    escalated days ago; the one created after that day's firing escalates now."""
    now = local(2026, 5, 14, 7, 0)  # Thursday, the sweep's firing hour
    since = now - timedelta(minutes=1)
    deadline = date(2026, 5, 8)  # Friday: 2 working days late on Tuesday 12/5
    old = Row(1, deadline, "open", local(2026, 5, 1, 9), None, since)
    late_comer = Row(2, deadline, "open", local(2026, 5, 13, 15), None, since)  # created Wednesday afternoon
    schedules = _Schedules(now, CFG)
    kinds = {row.id: [r.kind for r in schedules.due_and_next(row)[0]] for row in (old, late_comer)}
    assert kinds == {1: ["overdue"], 2: ["overdue", "escalation"]}
