"""Reminder delivery under faults: Telegram's rate limits, 429 storms, 5xx bursts,
a dispatcher killed with SIGKILL mid-batch, two dispatchers on one PostgreSQL,
and idempotent enqueue. Runs on SQLite and (TEST_DATABASE_URL) PostgreSQL."""
from __future__ import annotations

import asyncio
import os
import sys
import threading
import time
from collections import Counter
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlmodel import func, select

from bot.telegram import TelegramSender
from conftest import TZ, add_task, at_once, set_next_look
from fakes.telegram_server import FakeTelegram
from helpers import running_from
from reminders.dispatcher import Dispatcher, Limits
from reminders.sweep import ReminderSettings, sweep
from storage.crud import outbox, units
from storage.db import Database
from storage.models import ChatBinding, Outbox, Person, Task
from workcalendar.workdays import WorkCalendar

CFG = ReminderSettings(tz=TZ, calendar=WorkCalendar())
REPO = Path(__file__).resolve().parents[2]
on_postgres = pytest.mark.skipif(not os.environ.get("TEST_DATABASE_URL"), reason="needs PostgreSQL (TEST_DATABASE_URL)")


def local(y, m, d, h=8, mi=0) -> datetime:
    return datetime(y, m, d, h, mi, tzinfo=TZ).astimezone(UTC)


# The morning of Thursday 14/05/2026; tasks due Friday 15/05 get exactly one reminder
# that morning ("1 working day left"), created on 1/5 so nothing else is pending.
MORNING = local(2026, 5, 14, 8, 5)
DEADLINE = date(2026, 5, 15)


def staff(db, n_units: int, per_unit: int, first_chat: int) -> dict[int, list[int]]:
    """`n_units` units of `per_unit` people, each bound to its own Telegram chat.
    Returns {unit_id: [chat ids]}."""
    chats: dict[int, list[int]] = {}
    chat = first_chat
    with db.session() as s:
        for u in range(n_units):
            unit = units.create_unit(s, f"Đơn vị thử {first_chat}-{u}")
            chats[unit.id] = []
            for _ in range(per_unit):
                person = Person(full_name=f"Người {chat}", unit_id=unit.id)
                s.add(person)
                s.flush()
                s.add(ChatBinding(person_id=person.id, channel="telegram", user_id=str(chat), chat_id=str(chat)))
                chats[unit.id].append(chat)
                chat += 1
    return chats


def one_task_per_unit(db, chats: dict[int, list[int]]) -> dict[int, int]:
    """A task per unit, due tomorrow: each person gets one reminder this morning.
    Returns {chat id: task id}."""
    expected = {}
    for unit_id, unit_chats in chats.items():
        task_id = add_task(db, unit_id, f"Báo cáo của đơn vị {unit_id}", DEADLINE)
        with db.session() as s:
            task = s.get(Task, task_id)
            task.created_at = local(2026, 5, 1, 9)
            s.add(task)
        set_next_look(db, task_id, local(2026, 5, 1, 9))
        expected.update({chat: task_id for chat in unit_chats})
    return expected


def pending_rows(db, chats: list[int], prefix: str = "bulk") -> None:
    """Outbox rows written directly, one per chat, due before MORNING."""
    with db.session() as s:
        outbox.enqueue(s, [{"key": f"{prefix}:{chat}", "channel": "telegram", "chat_id": str(chat), "kind": "test",
                            "not_before": local(2026, 5, 14, 8), "payload": {"text": f"Tin số {chat}"}}
                           for chat in chats])


def statuses(db) -> Counter:
    with db.session() as s:
        return Counter(s.exec(select(Outbox.status)).all())


async def deliver(db, fake, now, *, max_wait: float = 10, **kw):
    sender = TelegramSender(fake.token, fake.url)
    await sender.start()
    try:
        dispatcher = Dispatcher(db, {"telegram": sender}, clock=running_from(now), **kw)
        await dispatcher.drain(max_wait=max_wait)
        return dispatcher.stats
    finally:
        await sender.stop()


def assert_once_each(fake, expected: dict[int, int]) -> None:
    """Every chat got exactly its one reminder, about its own task; nobody else got anything."""
    counts = Counter(m.chat_id for m in fake.sent)
    assert set(counts) == set(expected), sorted(set(counts) ^ set(expected))[:10]
    assert [c for c, n in counts.items() if n != 1] == []
    for m in fake.sent:
        assert f"#{expected[m.chat_id]}" in m.text.splitlines()[0], m.text


@pytest.fixture
async def limited():
    """The fake with Telegram's default limits: 1 msg/s per chat, 30 msg/s overall."""
    server = FakeTelegram(rate_limits=True)
    await server.start()
    yield server
    await server.stop()
    assert not server.internal_errors


@pytest.fixture
async def unlimited():
    server = FakeTelegram()
    await server.start()
    yield server
    await server.stop()
    assert not server.internal_errors


# ----------------------------------------------------------------------------- 1. a morning


async def test_a_morning_of_reminders_for_200_people_under_telegram_limits(db, limited):
    chats = staff(db, n_units=20, per_unit=10, first_chat=10_000)
    expected = one_task_per_unit(db, chats)
    assert len(expected) == 200
    swept = sweep(db, MORNING, CFG)
    assert (swept.tasks, swept.enqueued) == (20, 200)
    stats = await deliver(db, limited, MORNING)
    assert_once_each(limited, expected)
    # 429s may happen (and are retried); the pace keeps them rare.
    assert limited.violations <= 5, limited.violation_log[:10]
    assert statuses(db) == {"sent": 200}
    assert stats.sent == 200 and stats.parked == 0
    # The pace stays under Telegram's 30/s: the 200 sends, as the fake saw them, span at
    # least ~7 s. A lower bound only, which a slow machine cannot break; how fast the
    # morning goes is a figure of bench/delivery.py.
    times = sorted(c.at for c in limited.calls if c.method == "sendMessage")
    assert times[-1] - times[0] > 199 / 30 - 0.5


# ----------------------------------------------------------------------------- 2. 429 storm, 502 burst


async def test_429_storm_and_502_burst_deliver_everything_once(db, limited):
    chats = staff(db, n_units=8, per_unit=10, first_chat=20_000)
    expected = one_task_per_unit(db, chats)
    all_chats = sorted(expected)
    storm, burst = all_chats[:30], all_chats[30:60]  # the last 20 are healthy
    for chat in storm:
        limited.fail_next(chat, status=429, retry_after=1, times=2)
    for chat in burst:
        limited.fail_next(chat, status=502, description="Bad Gateway", times=2)
    assert sweep(db, MORNING, CFG).enqueued == 80
    # 502s back off 2 s then 4 s; drain waits for them
    stats = await deliver(db, limited, MORNING, max_wait=15)
    assert_once_each(limited, expected)
    assert statuses(db) == {"sent": 80}
    assert stats.parked == 0 and stats.sent == 80
    assert stats.retried == 2 * len(storm) + 2 * len(burst)
    failed = Counter((c.status, c.params.get("chat_id")) for c in limited.calls if c.method == "sendMessage")
    assert sum(n for (status, _), n in failed.items() if status == 429) >= 2 * len(storm)
    assert sum(n for (status, _), n in failed.items() if status == 502) == 2 * len(burst)
    with db.session() as s:
        attempts = {r.chat_id: r.attempts for r in s.exec(select(Outbox))}
    assert all(attempts[str(c)] == 3 for c in burst)


# ----------------------------------------------------------------------------- 3. SIGKILL


async def _remind_once(database_url: str, fake: FakeTelegram, log: Path) -> asyncio.subprocess.Process:
    env = {**os.environ, "DATABASE_URL": database_url, "TELEGRAM_BOT_TOKEN": fake.token,
           "TELEGRAM_API_URL": fake.url, "OUTBOX_LEASE_SECONDS": "2", "LOG_LEVEL": "WARNING"}
    with log.open("ab") as out:
        return await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot.cli", "remind", "--once", "--now", MORNING.isoformat(),
            stdin=asyncio.subprocess.DEVNULL, stdout=out, stderr=out, env=env, cwd=REPO)


async def test_dispatcher_killed_mid_batch_loses_nothing_and_repeats_at_most_a_batch(
        database_url, db, limited, tmp_path):
    chats = list(range(30_000, 30_300))
    pending_rows(db, chats)
    log = tmp_path / "remind.log"
    first = await _remind_once(database_url, limited, log)
    try:
        deadline = time.monotonic() + 60
        while len(limited.sent) < 100:
            assert first.returncode is None, log.read_text()
            assert time.monotonic() < deadline, f"only {len(limited.sent)} sent\n{log.read_text()}"
            await asyncio.sleep(0.02)
        first.kill()  # SIGKILL: no cleanup, the batch in flight stays `sending`
    finally:
        if first.returncode is None:
            first.kill()
        await first.wait()
    at_kill = len(limited.sent)
    assert at_kill < 300
    mid = statuses(db)
    assert mid["sent"] + mid["sending"] + mid["pending"] == 300 and mid["sent"] < 300

    second = await _remind_once(database_url, limited, log)
    try:
        assert await asyncio.wait_for(second.wait(), timeout=90) == 0, log.read_text()
    finally:
        if second.returncode is None:
            second.kill()
            await second.wait()

    counts = Counter(m.chat_id for m in limited.sent)
    assert set(counts) == set(chats), "lost messages"  # nothing lost
    duplicates = sum(n - 1 for n in counts.values())
    assert duplicates <= 50, f"{duplicates} duplicates (batch is 50)"
    assert statuses(db) == {"sent": 300}
    assert limited.violations <= 10, limited.violation_log[:10]


# ----------------------------------------------------------------------------- 4. two dispatchers


@on_postgres
async def test_two_dispatchers_on_one_postgres_never_send_a_row_twice(database_url, db, unlimited):
    chats = list(range(40_000, 40_300))
    pending_rows(db, chats)
    unlimited.latency = 0.005  # sends overlap, so both dispatchers are busy at once
    dbs = [Database(database_url), Database(database_url)]
    senders = [TelegramSender(unlimited.token, unlimited.url) for _ in dbs]
    for sender in senders:
        await sender.start()
    try:
        dispatchers = [Dispatcher(d, {"telegram": sender}, clock=running_from(MORNING), worker=f"w{i}", batch=20,
                                  limits=Limits(per_second=1000))
                       for i, (d, sender) in enumerate(zip(dbs, senders, strict=False))]
        stats = await asyncio.gather(*(d.drain(max_wait=5) for d in dispatchers))
    finally:
        for sender in senders:
            await sender.stop()
        for d in dbs:
            d.dispose()
    counts = Counter(m.chat_id for m in unlimited.sent)
    assert set(counts) == set(chats) and set(counts.values()) == {1}
    assert statuses(db) == {"sent": 300}
    assert sum(s.sent for s in stats) == 300
    with db.session() as s:
        workers = Counter(s.exec(select(Outbox.claimed_by)).all())
    assert set(workers) == {"w0", "w1"}, workers  # both really worked


# ----------------------------------------------------------------------------- 5. idempotent enqueue


def test_enqueue_with_the_same_key_twice_keeps_one_row(db):
    row = {"key": "reminder:1:2026-05-14:p1", "channel": "telegram", "chat_id": "1", "kind": "before",
           "payload": {"text": "một"}}
    with db.session() as s:
        assert outbox.enqueue(s, [row]) == 1
    with db.session() as s:
        assert outbox.enqueue(s, [{**row, "payload": {"text": "hai"}}]) == 0
        # the same key twice in one call, next to a new one
        assert outbox.enqueue(s, [row, {**row, "key": "other"}, {**row, "key": "other"}]) == 1
    with db.session() as s:
        rows = s.exec(select(Outbox).order_by(Outbox.id)).all()
    assert [(r.key, r.payload["text"]) for r in rows] == [(row["key"], "một"), ("other", "một")]


def test_enqueue_of_more_rows_than_one_statement_takes(db):
    """13 parameters a row: 6,000 rows are over PostgreSQL's 65,535 parameters per statement."""
    rows = [{"key": f"k{i}", "channel": "telegram", "chat_id": str(i), "kind": "test"} for i in range(6000)]
    with db.session() as s:
        assert outbox.enqueue(s, rows) == 6000
    with db.session() as s:
        assert outbox.enqueue(s, rows) == 0
        assert s.exec(select(func.count()).select_from(Outbox)).one() == 6000


@on_postgres
def test_concurrent_enqueues_and_sweeps_make_one_row_per_key(database_url, db):
    # two sessions inserting overlapping keys at the same moment
    rows = [{"key": f"same:{i}", "channel": "telegram", "chat_id": str(i), "kind": "test"} for i in range(500)]
    barrier = threading.Barrier(2)
    new: list[int] = []

    def enqueue(d: Database) -> None:
        with d.session() as s:
            barrier.wait()
            new.append(outbox.enqueue(s, rows))

    # then two sweeps of the same due tasks at the same moment
    chats = staff(db, n_units=30, per_unit=5, first_chat=50_000)
    expected = one_task_per_unit(db, chats)
    results = []

    def sweep_in(d: Database) -> None:
        barrier.wait()
        results.append(sweep(d, MORNING, CFG))

    at_once(database_url, enqueue, enqueue)
    at_once(database_url, sweep_in, sweep_in)
    assert sorted(new) == [0, 500]
    assert len(results) == 2 and sum(r.enqueued for r in results) == len(expected)
    assert sum(r.tasks for r in results) == len(chats)  # SKIP LOCKED: each task swept once
    with db.session() as s:
        keys = s.exec(select(Outbox.key).where(Outbox.kind != "test")).all()
        assert len(keys) == len(set(keys)) == len(expected)
        assert sorted(int(c) for c in s.exec(select(Outbox.chat_id).where(Outbox.kind != "test"))) == \
            sorted(expected)
