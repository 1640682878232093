"""Helpers shared by test modules in several folders (tests/ is on sys.path: see
pyproject.toml's pytest settings). Fixtures live in conftest.py."""
from __future__ import annotations

import asyncio
import io
import os
import re
import signal
import subprocess
import sys
import time
from datetime import date, datetime, timedelta
from pathlib import Path

import docx

from bot.telegram import TelegramAdapter, TelegramSender
from fakes.telegram_server import FakeTelegram
from reminders.dispatcher import Dispatcher

REPO = Path(__file__).resolve().parents[1]


def nhacviec(*args, url: str, stdin: str | None = None, timeout=60):
    """The CLI in a subprocess, on the database at `url`."""
    env = {**os.environ, "DATABASE_URL": url, "TELEGRAM_BOT_TOKEN": ""}
    return subprocess.run([sys.executable, "-m", "bot.cli", *args], input=stdin, capture_output=True,
                          text=True, env=env, timeout=timeout, cwd=REPO)


def running_from(start: datetime):
    """A clock that starts at `start` and runs on in real time (chat turns take real seconds)."""
    origin = time.monotonic()
    return lambda: start + timedelta(seconds=time.monotonic() - origin)


DIRECTIVE = """UỶ BAN NHÂN DÂN TỈNH BÌNH AN
Số: 88/TB-UBND
Bình An, ngày 12 tháng 5 năm 2026

THÔNG BÁO
Kết luận của Chủ tịch UBND tỉnh tại cuộc họp về phòng, chống dịch sốt xuất huyết

1. Giao Sở Y tế chủ trì, phối hợp với Sở Tài chính triển khai chiến dịch diệt lăng quăng tại các xã có ổ dịch; hoàn thành trước ngày 30/5/2026.

2. Sở Tài chính chủ trì, phối hợp với Sở Y tế tham mưu bố trí kinh phí mua hóa chất phòng dịch, báo cáo UBND tỉnh trước ngày 20/5/2026.

3. Sở Xây dựng chủ trì rà soát hệ thống thoát nước tại các khu dân cư, hoàn thành trước ngày 15/6/2026.

4. Sở Giáo dục và Đào tạo chủ trì tổ chức tuyên truyền phòng dịch trong trường học trước ngày 25/5/2026.

5. Trước ngày 23 hằng tháng, Sở Y tế báo cáo tình hình dịch bệnh gửi UBND tỉnh qua Văn phòng UBND tỉnh.
"""


def docx_bytes(text: str) -> bytes:
    document = docx.Document()
    for para in text.split("\n\n"):
        document.add_paragraph(para.strip())
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


async def start_telegram(fake: FakeTelegram, assistant) -> TelegramAdapter:
    """The real python-telegram-bot application, long polling the fake Bot API."""
    adapter = TelegramAdapter(assistant, fake.token, fake.url, max_retries=10)
    app = adapter.application
    await app.initialize()
    await app.start()
    await app.updater.start_polling(poll_interval=0, timeout=1)
    return adapter


async def stop_telegram(adapter: TelegramAdapter) -> None:
    app = adapter.application
    await app.updater.stop()
    await app.stop()
    await app.shutdown()


async def reply_to(fake: FakeTelegram, chat_id: int, push, *, timeout=10.0):
    """Push an update and wait for the bot's next message (or edit) in that chat."""
    before = len([m for m in fake.outbox if m.chat_id == chat_id])
    push()
    msgs = await wait_messages(fake, chat_id, before + 1, timeout)
    return msgs[-1]


async def wait_messages(fake, chat_id, n, timeout):
    deadline = asyncio.get_running_loop().time() + timeout
    while True:
        msgs = [m for m in fake.outbox if m.chat_id == chat_id]
        if len(msgs) >= n:
            return msgs
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"chat {chat_id}: expected {n} messages, got {[m.text for m in msgs]}")
        await asyncio.sleep(0.02)


def shows(text: str, key: str, lang: str = "vi", **params) -> bool:
    """Whether `text` carries the catalog message `key`: its formatted text when params
    are given, else every literal part of its template (the parts between {placeholders}),
    in order. Tests of behaviour check the message meant, not its current wording."""
    from locales import catalog

    template = catalog(lang).get(key)
    if template is None:
        raise KeyError(f"no catalog message {key!r} in {lang}")
    if params:
        return template.format(**params) in text
    at = 0
    for part in re.split(r"\{[^{}]*\}", template):
        part = part.strip()
        if not part:
            continue
        found = text.find(part, at)
        if found < 0:
            return False
        at = found + len(part)
    return True


def make_indicators(db, today: date = date(2026, 5, 14)) -> dict:
    """GRDP growth (level 8,49%) and budget revenue (cumulative, monthly plan) for Sở
    Tài chính, aggregated by Sở Tài chính; rice output (lower target: none) for Sở Y tế
    is a third unit's, to check the scopes."""
    from storage.crud import indicators as crud
    from storage.crud import units

    with db.session() as s:
        stc = units.find_unit(s, "Sở Tài chính")
        syt = units.find_unit(s, "Sở Y tế")
        grdp, _ = crud.upsert(s, crud.IndicatorSpec(name="Tốc độ tăng trưởng GRDP", measure="%", responsible=stc,
                                                     year=2026, target=8.49, plan_mode="level", aggregator=stc,
                                                     sector="Tổng hợp", source="Cục Thống kê"), today=today)
        revenue, _ = crud.upsert(s, crud.IndicatorSpec(
            name="Thu ngân sách nhà nước", measure="tỷ đồng", responsible=stc, year=2026, target=2450,
            aggregator=stc, sector="Tài chính", plans={4: 730, 5: 940}), today=today)
        beds, _ = crud.upsert(s, crud.IndicatorSpec(
            name="Số giường bệnh trên vạn dân", measure="giường", responsible=syt, year=2026, target=32,
            plan_mode="level", aggregator=stc, sector="Y tế"), today=today)
        return {"grdp": grdp.id, "revenue": revenue.id, "beds": beds.id, "duty": grdp.duty_series_id}


async def dispatch(db, fake, clock):
    sender = TelegramSender(fake.token, fake.url)
    await sender.start()
    try:
        await Dispatcher(db, {"telegram": sender}, clock=running_from(clock.now)).drain(max_wait=5)
    finally:
        await sender.stop()


def data_of(message, prefix: str) -> str:
    found = [d for row in message.buttons for _, d in row if d and d.startswith(prefix)]
    assert found, message.summary()
    return found[0]


async def stop_process(proc: asyncio.subprocess.Process) -> None:
    """Ctrl-C a CLI started by a test, as an operator would; kill it if it has not exited in 20 s."""
    if proc.returncode is None:
        proc.send_signal(signal.SIGINT)
        try:
            await asyncio.wait_for(proc.wait(), timeout=20)
        except TimeoutError:
            proc.kill()
            await proc.wait()


async def zalo_exchange(zalo, bot, push, timeout: float = 10.0) -> str:
    """Push a Zalo update; once it is answered, the text of everything the bot sent."""
    before = len(zalo.sent)
    push()
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while zalo.pending_updates or bot.pending or len(zalo.sent) == before:
        if loop.time() > deadline:
            raise AssertionError(f"no answer; sent: {[m.text[:60] for m in zalo.sent[before:]]}")
        await asyncio.sleep(0.02)
    return "\n".join(m.text for m in zalo.sent[before:])
