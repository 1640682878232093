"""Shared fixtures: a fresh database per test (SQLite file, or a fresh PostgreSQL
schema when TEST_DATABASE_URL is set), an assistant with a fixed clock, and a
small province to work with."""
from __future__ import annotations

import os
import uuid
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import create_engine, delete, text
from sqlmodel import select

from handlers.router import Assistant
from presentation.messages import Incoming
from storage.crud import people, units
from storage.crud import tasks as crud
from storage.db import Database
from storage.models import ReminderQueue

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
# 14/05/2026 09:00 in Hanoi: a Thursday in the life of the sample directives.
NOW = datetime(2026, 5, 14, 2, 0, tzinfo=UTC)
TODAY = date(2026, 5, 14)


def _postgres_schema_url(base: str, schema: str) -> str:
    sep = "&" if "?" in base else "?"
    return f"{base}{sep}options=-csearch_path%3D{schema}"


@pytest.fixture
def database_url(tmp_path):
    base = os.environ.get("TEST_DATABASE_URL")
    if not base:
        yield f"sqlite:///{tmp_path / 'test.db'}"
        return
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT", pool_pre_ping=True)
    with admin.connect() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield _postgres_schema_url(base, schema)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture
def db(database_url):
    database = Database(database_url)
    database.upgrade()
    yield database
    database.dispose()


class Clock:
    def __init__(self, now: datetime = NOW):
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **kw) -> None:
        self.now += timedelta(**kw)


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def assistant(db, clock):
    return Assistant(db, TZ, clock=clock)


@pytest.fixture
def province(db):
    """Three units, one of them with an official already invited (code in the dict)."""
    with db.session() as s:
        stc = units.create_unit(s, "Sở Tài chính", ["STC"])
        sxd = units.create_unit(s, "Sở Xây dựng")
        syt = units.create_unit(s, "Sở Y tế")
        office = units.create_unit(s, "Văn phòng UBND tỉnh")
        codes = {
            "stc_official": people.create_invitation(s, stc, "official").code,
            "stc_official2": people.create_invitation(s, stc, "official").code,
            "sxd_official": people.create_invitation(s, sxd, "official").code,
            "syt_official": people.create_invitation(s, syt, "official").code,
            "office": people.create_invitation(s, office, "office").code,
        }
        ids = {"stc": stc.id, "sxd": sxd.id, "syt": syt.id, "office": office.id}
    return {"codes": codes, "units": ids}


def add_task(db, lead_id: int, action: str, deadline: date | None, coordinators=(), **kw) -> int:
    from storage.models import Unit

    with db.session() as s:
        lead = s.get(Unit, lead_id)
        coords = [s.get(Unit, c) for c in coordinators]
        return crud.add_task(s, lead=lead, action=action, deadline=deadline, coordinators=coords,
                             today=TODAY, **kw).id


class Chat:
    """A person talking to the assistant through the neutral interface."""

    def __init__(self, assistant: Assistant, user_id: str, name: str = "Cán bộ", channel: str = "console"):
        self.assistant, self.user_id, self.name, self.channel = assistant, user_id, name, channel
        self.last = []

    def say(self, text: str, **kw):
        self.last = self.assistant.handle(Incoming(channel=self.channel, chat_id=self.user_id,
                                                   user_id=self.user_id, display_name=self.name, text=text, **kw))
        return self.last

    def press(self, data: str):
        self.last = self.assistant.handle(Incoming(channel=self.channel, chat_id=self.user_id,
                                                   user_id=self.user_id, display_name=self.name, button=data,
                                                   message_id="1"))
        return self.last

    @property
    def text(self) -> str:
        return "\n".join(r.text for r in self.last)


def at_once(database_url: str, *targets) -> None:
    """Call each target(db) in a thread of its own, all at once, each with its own
    Database (as separate processes would be), and wait for them."""
    import threading

    dbs = [Database(database_url) for _ in targets]
    try:
        threads = [threading.Thread(target=target, args=(d,)) for target, d in zip(targets, dbs, strict=False)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(60)
    finally:
        for d in dbs:
            d.dispose()

def next_looks(db, task_id: int) -> list[tuple[datetime, datetime | None]]:
    """The reminder queue's entries of a task (due_at, checked_at), earliest first."""
    with db.session() as s:
        return [(due, checked) for due, checked in s.exec(
            select(ReminderQueue.due_at, ReminderQueue.checked_at)
            .where(ReminderQueue.task_id == task_id).order_by(ReminderQueue.due_at))]


def set_next_look(db, task_id: int, at: datetime, checked_at: datetime | None = None) -> None:
    """As if the sweep had last looked at the task at `checked_at` and would next at `at`."""
    with db.session() as s:
        s.execute(delete(ReminderQueue).where(ReminderQueue.task_id == task_id))
        s.add(ReminderQueue(due_at=at, task_id=task_id, checked_at=checked_at))


@pytest.fixture
def chat_factory(assistant):
    def make(user_id: str, name: str = "Cán bộ") -> Chat:
        return Chat(assistant, user_id, name)
    return make


@pytest.fixture
async def telegram(assistant):
    """The fake Bot API with the real python-telegram-bot application polling it."""
    from fakes.telegram_server import FakeTelegram
    from helpers import start_telegram, stop_telegram

    fake = FakeTelegram()
    await fake.start()
    adapter = await start_telegram(fake, assistant)
    try:
        yield fake
    finally:
        await stop_telegram(adapter)
        await fake.stop()
