"""The reminder queue (storage.models.ReminderQueue): entries come due, the sweep takes
them, queues each open task's next look and drops the rest."""
from __future__ import annotations

import os
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlmodel import select

from conftest import TZ, add_task, at_once, next_looks, set_next_look
from reminders.sweep import ReminderSettings, sweep
from storage.crud import tasks as crud
from storage.models import ChatBinding, Outbox, Person, ReminderQueue, Task
from workcalendar.workdays import WorkCalendar

CFG = ReminderSettings(tz=TZ, calendar=WorkCalendar())


def local(y, m, d, h=8, mi=0) -> datetime:
    return datetime(y, m, d, h, mi, tzinfo=TZ).astimezone(UTC)


def official(db, unit_id: int, chat_id: int) -> Person:
    with db.session() as s:
        person = Person(full_name=f"Người {chat_id}", unit_id=unit_id, role="official")
        s.add(person)
        s.flush()
        s.add(ChatBinding(person_id=person.id, channel="telegram", user_id=str(chat_id), chat_id=str(chat_id)))
        return person


def created(db, task_id: int, when: datetime) -> None:
    with db.session() as s:
        task = s.get(Task, task_id)
        task.created_at = when
        s.add(task)


def reminder_keys(db) -> list[str]:
    with db.session() as s:
        return sorted(s.exec(select(Outbox.key)).all())


def test_a_new_task_is_queued_and_each_look_queues_the_next(db, province):
    unit = province["units"]["stc"]
    official(db, unit, 301)
    task_id = add_task(db, unit, "Báo cáo tiến độ", date(2026, 5, 20))
    [(first, checked)] = next_looks(db, task_id)
    assert checked is None  # never looked at: reminders count from its creation
    created(db, task_id, local(2026, 5, 1, 9))
    set_next_look(db, task_id, local(2026, 5, 1, 9))

    now = local(2026, 5, 13, 8, 1)  # Wednesday: "7 days left" fired today
    result = sweep(db, now, CFG)
    assert (result.tasks, result.enqueued) == (1, 1)
    [(next_at, checked)] = next_looks(db, task_id)
    assert checked == now and next_at.astimezone(TZ).date() == date(2026, 5, 15)  # 3 days before is Sunday → Friday
    assert sweep(db, now, CFG).tasks == 0  # nothing due until then


def test_entries_of_finished_tasks_are_dropped_and_a_reopened_task_is_queued_again(db, province):
    unit = province["units"]["stc"]
    person = official(db, unit, 302)
    task_id = add_task(db, unit, "Rà soát hồ sơ", date(2026, 5, 20))
    with db.session() as s:
        crud.set_status(s, s.get(Task, task_id), "done", person, date(2026, 5, 10))
    assert sweep(db, datetime.now(UTC) + timedelta(seconds=1), CFG).tasks == 0
    assert next_looks(db, task_id) == []  # dropped, not kept for ever

    with db.session() as s:  # pressed "đang làm" on an old message: open again
        crud.set_status(s, s.get(Task, task_id), "in_progress", person, date(2026, 5, 10))
    assert len(next_looks(db, task_id)) == 1


def test_two_entries_of_one_task_send_each_reminder_once(db, province):
    """An extension queues a look at once beside the regular one: when both come due
    together, the task is looked at once and keeps one next entry."""
    unit = province["units"]["stc"]
    official(db, unit, 303)
    task_id = add_task(db, unit, "Tổng hợp số liệu", date(2026, 5, 14))
    created(db, task_id, local(2026, 5, 1, 9))
    set_next_look(db, task_id, local(2026, 5, 13, 7), checked_at=local(2026, 5, 12, 7, 5))
    with db.session() as s:
        crud.queue_look(s, task_id, local(2026, 5, 13, 7, 30), checked_at=local(2026, 5, 12, 7, 5))

    result = sweep(db, local(2026, 5, 13, 8), CFG)
    assert result.tasks == 1 and result.enqueued == 1
    [key] = reminder_keys(db)  # "1 working day left", once
    assert key.startswith(f"task:{task_id}:") and ":2026-05-13:" in key
    assert len(next_looks(db, task_id)) == 1


def test_entries_of_deleted_tasks_are_dropped(db):
    with db.session() as s:
        s.add(ReminderQueue(due_at=local(2026, 5, 1), task_id=987654))
    assert sweep(db, local(2026, 5, 2), CFG).tasks == 0
    assert next_looks(db, 987654) == []


def _due_tasks(db, province, n: int) -> list[int]:
    """n tasks of one unit (one official), each with "1 working day left" due this morning."""
    unit = province["units"]["stc"]
    official(db, unit, 304)
    ids = []
    for i in range(n):
        task_id = add_task(db, unit, f"Việc số {i}", date(2026, 5, 14))
        created(db, task_id, local(2026, 5, 1, 9))
        set_next_look(db, task_id, local(2026, 5, 13, 7), checked_at=local(2026, 5, 12, 7, 5))
        ids.append(task_id)
    return ids


def test_many_batches_each_task_once(db, province, monkeypatch):
    """Small batches: on PostgreSQL each batch's writes overlap the next batch's reading."""
    monkeypatch.setattr("reminders.sweep.BATCH", 7)
    ids = _due_tasks(db, province, 40)
    result = sweep(db, local(2026, 5, 13, 8), CFG)
    assert (result.tasks, result.enqueued) == (40, 40)
    keys = reminder_keys(db)
    assert sorted(int(k.split(":")[1]) for k in keys) == sorted(ids)
    assert all(len(next_looks(db, i)) == 1 for i in ids)
    assert sweep(db, local(2026, 5, 13, 8), CFG).tasks == 0


@pytest.mark.skipif(not os.environ.get("TEST_DATABASE_URL"), reason="needs PostgreSQL: SQLite's sweeps take turns")
def test_two_sweeps_at_once_share_the_batches(db, database_url, province, monkeypatch):
    import threading

    monkeypatch.setattr("reminders.sweep.BATCH", 5)
    ids = _due_tasks(db, province, 60)
    barrier, results = threading.Barrier(2), []

    def run(d) -> None:
        barrier.wait()
        results.append(sweep(d, local(2026, 5, 13, 8), CFG))

    at_once(database_url, run, run)
    assert sum(r.tasks for r in results) == 60 and sum(r.enqueued for r in results) == 60
    assert sorted(int(k.split(":")[1]) for k in reminder_keys(db)) == sorted(ids)


def test_the_collector_is_paused_during_the_batches_and_restored_after(db, province, monkeypatch):
    import gc

    from reminders import sweep as sweep_module

    _due_tasks(db, province, 3)
    seen = []
    plan = sweep_module._plan

    def watching(*args, **kwargs):
        seen.append(gc.isenabled())
        return plan(*args, **kwargs)

    monkeypatch.setattr(sweep_module, "_plan", watching)
    assert gc.isenabled()
    assert sweep(db, local(2026, 5, 13, 8), CFG).enqueued == 3
    assert seen == [False] and gc.isenabled()

    gc.disable()  # an application that runs without it keeps it off
    try:
        sweep(db, local(2026, 5, 13, 8), CFG)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_overlapping_sweeps_turn_the_collector_back_on_when_the_last_one_ends():
    import gc

    from reminders.sweep import _collector_paused

    with _collector_paused():
        with _collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the other sweep still runs
    assert gc.isenabled()
    with pytest.raises(RuntimeError), _collector_paused():
        raise RuntimeError("a failed batch")
    assert gc.isenabled()
