"""Issue 19, findings 7 and 9: the dispatcher's pace holds from the first message (no
30 in any one-second window as the platform counts them, on start and after a pause),
and a restarted worker takes back its own dead claims at once while the lease still
covers a worker it cannot see. SQLite and PostgreSQL."""
from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

from sqlmodel import select

from bot.telegram import TelegramSender
from fakes.telegram_server import FakeTelegram
from helpers import running_from
from reminders.dispatcher import Dispatcher, SendWindow, holder_gone, process_start, worker_name
from storage.crud import outbox
from storage.models import Outbox

REPO = Path(__file__).resolve().parents[2]
MORNING = datetime(2026, 5, 14, 1, 5, tzinfo=UTC)  # 08:05 in Hanoi


def pending_rows(db, chats: list[int], prefix: str = "bulk") -> None:
    """Outbox rows written directly, one per chat, due before MORNING."""
    with db.session() as s:
        outbox.enqueue(s, [{"key": f"{prefix}:{chat}", "channel": "telegram", "chat_id": str(chat), "kind": "test",
                            "not_before": datetime(2026, 5, 14, 1, 0, tzinfo=UTC), "payload": {"text": f"Tin số {chat}"}}
                           for chat in chats])


def statuses(db) -> Counter:
    with db.session() as s:
        return Counter(s.exec(select(Outbox.status)).all())


async def _remind_once(database_url: str, fake: FakeTelegram, log: Path, **extra: str) -> asyncio.subprocess.Process:
    env = {**os.environ, "DATABASE_URL": database_url, "TELEGRAM_BOT_TOKEN": fake.token,
           "TELEGRAM_API_URL": fake.url, "LOG_LEVEL": "WARNING", **extra}
    with log.open("ab") as out:
        return await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot.cli", "remind", "--once", "--now", MORNING.isoformat(),
            stdin=asyncio.subprocess.DEVNULL, stdout=out, stderr=out, env=env, cwd=REPO)


def busiest_second(times: list[float]) -> int:
    times, best, first = sorted(times), 0, 0
    for last, t in enumerate(times):
        while times[first] <= t - 1.0:
            first += 1
        best = max(best, last - first + 1)
    return best


class ColdConnection:
    """A sender whose first request waits `setup` seconds (a connection, TLS) and holds
    the requests behind it: they then reach the platform together, as the issue saw
    ("the first 4 messages in the same millisecond")."""

    def __init__(self, sender: TelegramSender, setup: float = 0.15):
        self.sender, self.setup, self.channel = sender, setup, sender.channel
        self.ready: asyncio.Event | None = None

    async def send(self, chat_id, payload):
        if self.ready is None:
            self.ready = asyncio.Event()
            await asyncio.sleep(self.setup)
            self.ready.set()
        await self.ready.wait()
        return await self.sender.send(chat_id, payload)


async def broadcast(db, fake: FakeTelegram, n: int, first_chat: int, *, cold: float = 0.0):
    pending_rows(db, list(range(first_chat, first_chat + n)), prefix=f"short{first_chat}")
    sender = TelegramSender(fake.token, fake.url)
    await sender.start()
    try:
        dispatcher = Dispatcher(db, {"telegram": ColdConnection(sender, cold) if cold else sender},
                                clock=running_from(MORNING))
        started = time.monotonic()
        await dispatcher.drain(max_wait=10)
        return time.monotonic() - started
    finally:
        await sender.stop()


async def test_a_short_broadcast_from_a_cold_start_stays_under_the_limit(db):
    # The fake answers 429 for a 30th message within any second: the window the issue names.
    fake = FakeTelegram(rate_limits=True, global_per_sec=29)
    await fake.start()
    try:
        elapsed = await broadcast(db, fake, 40, 50_000, cold=0.15)
        times = [c.at for c in fake.calls_to("sendMessage") if c.ok]
    finally:
        await fake.stop()
    assert fake.violations == 0, fake.violation_log[:5]
    assert len(times) == 40 and busiest_second(times) <= 29
    assert 40 / elapsed >= 0.8 * 30  # the connection's 0.15 s is lost once, nothing more


async def test_after_a_pause_the_window_still_holds(db):
    fake = FakeTelegram(rate_limits=True, global_per_sec=29)
    await fake.start()
    try:
        fake.fail_next(None, status=429, retry_after=1, times=1)  # a 429 on the very first send
        await broadcast(db, fake, 70, 51_000)
        times = [c.at for c in fake.calls_to("sendMessage") if c.ok]
    finally:
        await fake.stop()
    assert len(set(Counter(m.chat_id for m in fake.sent))) == 70
    assert fake.violations == 0 and busiest_second(times) <= 29


async def test_the_window_counts_a_send_until_a_second_after_its_answer():
    window = SendWindow(3, period=0.2)
    went = []

    async def send(delay: float) -> None:
        await window.acquire()
        went.append(time.monotonic())
        await asyncio.sleep(delay)
        window.release()

    start = time.monotonic()
    await asyncio.gather(*(send(0.05) for _ in range(6)))
    assert [round(t - start, 1) for t in went[:3]] == [0.0, 0.0, 0.0]
    assert all(t - start >= 0.25 for t in went[3:])  # 0.05 in flight + 0.2 of window


def test_a_claim_names_its_holder_and_only_this_hosts_dead_are_known():
    me = worker_name()
    host, pid, start = me.rsplit(":", 2)
    assert host == socket.gethostname()[:40] and int(pid) == os.getpid() and start == process_start(os.getpid())
    assert not holder_gone(me, host)
    assert holder_gone(f"{host}:{pid}:1", host)  # this pid, another start: a reused pid
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    assert holder_gone(f"{host}:{dead.stdout.strip()}:123", host)
    assert not holder_gone(f"other-host:{pid}:{start}", host)  # not seen from here: the lease decides
    assert not holder_gone("garbage", host)


async def test_after_kill_9_the_restarted_worker_takes_back_its_rows_at_once(database_url, db, tmp_path):
    """As the issue's test: rows stay `sending` after SIGKILL; the next worker on the
    host does not wait out the 60 s lease (OUTBOX_LEASE_SECONDS unset: the default)."""
    fake = FakeTelegram(rate_limits=True)
    await fake.start()
    log = tmp_path / "remind.log"
    chats = list(range(52_000, 52_200))
    pending_rows(db, chats)
    env_lease = {"OUTBOX_LEASE_SECONDS": "60"}
    try:
        first = await _remind_once(database_url, fake, log, **env_lease)
        deadline = time.monotonic() + 60
        while len(fake.sent) < 60:
            assert first.returncode is None and time.monotonic() < deadline, log.read_text()
            await asyncio.sleep(0.02)
        first.kill()
        await first.wait()
        assert statuses(db)["sending"] > 0
        started = time.monotonic()
        second = await _remind_once(database_url, fake, log, **env_lease)
        assert await asyncio.wait_for(second.wait(), timeout=90) == 0, log.read_text()
        elapsed = time.monotonic() - started
    finally:
        await fake.stop()
    assert statuses(db) == {"sent": 200}
    assert set(m.chat_id for m in fake.sent) == set(chats)
    assert elapsed < 30, elapsed  # ~5 s of sending, not 60 s of lease
    assert "took back" in log.read_text()


def test_a_claim_of_another_host_waits_for_its_lease(db):
    from datetime import timedelta

    pending_rows(db, [53_000])
    with db.session() as s:
        outbox.claim(s, MORNING, limit=10, worker="far-away:123:456", lease=timedelta(seconds=60),
                     channels=["telegram"])
    dispatcher = Dispatcher(db, {"telegram": TelegramSender("1:x")}, clock=lambda: MORNING)
    rows, claimed = dispatcher._claim()
    assert claimed == 0 and statuses(db) == {"sending": 1}
    later = Dispatcher(db, {"telegram": TelegramSender("1:x")}, clock=lambda: MORNING + timedelta(seconds=61))
    rows, claimed = later._claim()
    assert claimed == 1
