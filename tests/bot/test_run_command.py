"""`nhacviec run` as an admin starts it: a subprocess long-polling the fake Bot API,
answering chats, and (through its scheduler and dispatcher) pushing due reminders."""
from __future__ import annotations

import asyncio
import os
import signal
import sys
from datetime import timedelta
from pathlib import Path

from conftest import add_task
from fakes.telegram_server import FakeTelegram
from helpers import stop_process
from storage.models import ChatBinding, Person, Task


async def test_run_answers_and_reminds(db, database_url, province):
    u = province["units"]
    with db.session() as s:
        person = Person(full_name="Cán bộ nhắc", unit_id=u["stc"], role="official")
        s.add(person)
        s.flush()
        s.add(ChatBinding(person_id=person.id, channel="telegram", user_id="901", chat_id="901"))
    # due today in the deployment's zone, so a reminder is due at the first sweep
    from datetime import datetime
    from zoneinfo import ZoneInfo
    today = datetime.now(ZoneInfo("Asia/Ho_Chi_Minh")).date()
    task_id = add_task(db, u["stc"], "Việc đến hạn hôm nay", today)
    with db.session() as s:
        task = s.get(Task, task_id)
        task.created_at = task.created_at - timedelta(days=10)
        s.add(task)

    fake = FakeTelegram()
    await fake.start()
    env = {**os.environ, "DATABASE_URL": database_url, "TELEGRAM_BOT_TOKEN": fake.token,
           "TELEGRAM_API_URL": fake.url, "TZ": "Asia/Ho_Chi_Minh", "QUIET_HOURS": "00:00-00:00",
           "REMINDER_HOUR": "0", "WORK_CALENDAR": f"work: {today.isoformat()}"}
    proc = await asyncio.create_subprocess_exec(sys.executable, "-m", "bot.cli", "run", env=env,
                                                cwd=Path(__file__).parents[2],
                                                stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    try:
        reminder = await fake.wait_for(lambda m: m.chat_id == 901 and f"#{task_id}" in m.text, timeout=40)
        assert "HÔM NAY" in reminder.text or "QUÁ HẠN" in reminder.text or "Còn" in reminder.text
        fake.push_text(902, f"/start {province['codes']['sxd_official']}")
        welcome = await fake.wait_for(lambda m: m.chat_id == 902, timeout=20)
        assert "Sở Xây dựng" in welcome.text
        assert any(name == "setMyCommands" for name, _ in fake.requests)
    finally:
        await stop_process(proc)
        await fake.stop()
    assert proc.returncode in (0, -signal.SIGINT), (await proc.stderr.read()).decode()[-2000:]
