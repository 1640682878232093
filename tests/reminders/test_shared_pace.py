"""Several dispatcher processes share the platform's global rate limit through the
RateSlot row (PostgreSQL): two dispatchers, each with its own connection pool, sending
to the fake Telegram with its limits on, stay under 30 msg/s together."""
from __future__ import annotations

import asyncio
import os
from collections import Counter
from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import select

from bot.telegram import TelegramSender
from fakes.telegram_server import FakeTelegram
from helpers import running_from
from reminders.dispatcher import Dispatcher, Pace, SharedPace
from storage.crud import outbox, rates
from storage.db import Database
from storage.models import Outbox, RateSlot

on_postgres = pytest.mark.skipif(not os.environ.get("TEST_DATABASE_URL"), reason="needs PostgreSQL (TEST_DATABASE_URL)")
NOW = datetime(2026, 5, 14, 1, 5, tzinfo=UTC)


def test_sqlite_keeps_the_in_process_pace(db):
    dispatcher = Dispatcher(db, {"telegram": TelegramSender("1:A", "http://127.0.0.1:9")})
    expected = SharedPace if db.engine.dialect.name == "postgresql" else Pace
    assert isinstance(dispatcher.paces["telegram"], expected)


@on_postgres
def test_reservations_are_consecutive_windows(db):
    with db.session() as s:
        rates.ensure_slot(s, "telegram")
        first = rates.reserve(s, "telegram", 10, 0.1)
    with db.session() as s:
        rates.ensure_slot(s, "telegram")  # a second time: no error, row kept
        second = rates.reserve(s, "telegram", 5, 0.1)
        row = s.exec(select(RateSlot)).one()
    assert row.name == "telegram"
    assert -0.05 < first < 0.05  # an idle slot row: the window starts now
    # The second window starts where the first one ends (1 s after its start).
    assert 0.9 < second < 1.05


@on_postgres
async def test_two_dispatchers_together_stay_under_telegrams_global_limit(database_url, db):
    fake = FakeTelegram()
    await fake.start()
    fake.configure_rate_limits(True, global_per_sec=30, per_chat_per_sec=1)
    chats = list(range(70_000, 70_180))
    with db.session() as s:
        outbox.enqueue(s, [{"key": f"pace:{c}", "channel": "telegram", "chat_id": str(c), "kind": "test",
                            "not_before": NOW - timedelta(minutes=1), "payload": {"text": f"Tin {c}"}}
                           for c in chats])
    dbs = [Database(database_url), Database(database_url)]
    senders = [TelegramSender(fake.token, fake.url) for _ in dbs]
    for sender in senders:
        await sender.start()
    try:
        dispatchers = [Dispatcher(d, {"telegram": sender}, clock=running_from(NOW), worker=f"w{i}", batch=15)
                       for i, (d, sender) in enumerate(zip(dbs, senders, strict=False))]
        stats = await asyncio.gather(*(d.drain(max_wait=2) for d in dispatchers))
    finally:
        for sender in senders:
            await sender.stop()
        for d in dbs:
            d.dispose()
        await fake.stop()
    assert fake.violations == 0, fake.violation_log[:5]
    assert not [c for c in fake.calls if c.status == 429]
    assert Counter(m.chat_id for m in fake.sent) == Counter(chats)
    assert all(s.sent > 30 for s in stats), [s.sent for s in stats]  # both really sent
    # Together at the shared pace (29/s), not each at its own: never more than 30 sends
    # in a second, as the fake saw them.
    times = sorted(c.at for c in fake.calls if c.method == "sendMessage")
    assert max(sum(1 for t in times[i:] if t - start < 1.0) for i, start in enumerate(times)) <= 30
    with db.session() as s:
        assert Counter(s.exec(select(Outbox.status)).all()) == {"sent": len(chats)}
