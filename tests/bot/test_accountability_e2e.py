"""End to end over the fake Bot API (real python-telegram-bot, real HTTP): a task becomes
at risk and its unit head is pushed once; a late coordinator stays flagged after it
answers, and the lead unit is told what it said."""
from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from sqlmodel import select

from bot.telegram import TelegramSender
from conftest import NOW, TODAY, TZ, add_task, set_next_look
from helpers import reply_to
from reminders.dispatcher import Dispatcher
from reminders.sweep import ReminderSettings, sweep
from storage.crud import people
from storage.models import Outbox, Task, Unit
from workcalendar.workdays import WorkCalendar

CFG = ReminderSettings(tz=TZ, calendar=WorkCalendar())


async def deliver(db, fake, now: datetime) -> None:
    sender = TelegramSender(fake.token, fake.url)
    await sender.start()
    try:
        await Dispatcher(db, {"telegram": sender}, clock=lambda: now).drain(max_wait=5)
    finally:
        await sender.stop()


def invitation(db, unit_id: int, role: str) -> str:
    with db.session() as s:
        return people.create_invitation(s, s.get(Unit, unit_id), role).code


async def test_a_task_at_risk_pushes_the_head_once_over_the_bot_api(db, province, telegram):
    fake, u = telegram, province["units"]
    head, official = 601, 602
    await reply_to(fake, head, lambda: fake.push_text(head, f"/start {invitation(db, u['stc'], 'head')}"))
    await reply_to(fake, official, lambda: fake.push_text(official, f"/start {province['codes']['stc_official']}"))
    # Due next Wednesday (4 working days away), never reported on.
    task_id = add_task(db, u["stc"], "Rà soát hồ sơ giải ngân vốn đầu tư công", date(2026, 5, 20))
    with db.session() as s:
        task = s.get(Task, task_id)
        task.created_at = datetime(2026, 5, 4, 2, tzinfo=UTC)
        s.add(task)
    set_next_look(db, task_id, datetime(2026, 5, 4, 2, tzinfo=UTC))

    sweep(db, NOW, CFG)
    await deliver(db, fake, NOW)
    pushed = [m for m in fake.messages_to(head) if "Nguy cơ chậm" in m.text]
    assert len(pushed) == 1 and f"#{task_id}" in pushed[0].text
    assert "sắp đến hạn mà chưa có báo cáo tiến độ gần đây" in pushed[0].text
    assert not [m for m in fake.messages_to(official) if "Nguy cơ chậm" in m.text]  # the head's alone

    later = NOW + timedelta(hours=2)  # another sweep, another look at the task: nothing twice
    with db.session() as s:
        from storage.crud.tasks import queue_look
        queue_look(s, task_id, later - timedelta(minutes=1), checked_at=NOW)
    sweep(db, later, CFG)
    await deliver(db, fake, later)
    assert len([m for m in fake.messages_to(head) if "Nguy cơ chậm" in m.text]) == 1

    page = await reply_to(fake, official, lambda: fake.push_text(official, "/nhiemvu"))
    assert "🟠 nguy cơ chậm" in page.text
    detail = await reply_to(fake, official, lambda: fake.push_text(official, f"/nhiemvu {task_id}"))
    assert "nguy cơ chậm — sắp đến hạn" in detail.text


async def test_a_late_coordinator_stays_flagged_after_answering_over_the_bot_api(db, province, telegram):
    fake, u = telegram, province["units"]
    lead, coordinator, office = 611, 612, 613
    await reply_to(fake, lead, lambda: fake.push_text(lead, f"/start {province['codes']['stc_official']}"))
    await reply_to(fake, coordinator, lambda: fake.push_text(coordinator,
                                                             f"/start {province['codes']['sxd_official']}"))
    await reply_to(fake, office, lambda: fake.push_text(office, f"/start {province['codes']['office']}"))
    task_id = add_task(db, u["stc"], "Xây dựng đề án cấp nước sạch", date(2026, 6, 30), coordinators=[u["sxd"]],
                       coordinator_deadline=TODAY - timedelta(days=2))

    mine = await reply_to(fake, coordinator, lambda: fake.push_text(coordinator, "/nhiemvu"))
    assert "Hạn phối hợp của Sở Xây dựng: 12/05/2026" in mine.text
    detail = await reply_to(fake, lead, lambda: fake.push_text(lead, f"/nhiemvu {task_id}"))
    not_received = [data for row in detail.buttons for _, data in row if data.startswith("cn:")]
    assert not_received == [f"cn:{task_id}"]
    chased = await reply_to(fake, lead, lambda: fake.push_callback(lead, not_received[0],
                                                                   message_id=detail.message_id))
    assert "Đã nhắc Sở Xây dựng" in chased.text

    ask = await reply_to(fake, coordinator, lambda: fake.push_callback(coordinator, f"s:p:{task_id}",
                                                                       message_id=mine.message_id))
    assert "mốc hoàn thành" in ask.text
    saved = await reply_to(fake, coordinator, lambda: fake.push_text(
        coordinator, "Đã gửi Công văn góp ý số 45/SXD-QH, sản phẩm: công văn góp ý, hoàn thành 20/5/2026"))
    assert "trễ 2 ngày" in saved.text

    await deliver(db, fake, NOW)
    told = [m for m in fake.messages_to(lead) if "đã gửi ý kiến phối hợp" in m.text]
    assert len(told) == 1 and "Công văn góp ý số 45/SXD-QH" in told[0].text
    chase = [m for m in fake.messages_to(coordinator) if "chưa nhận được ý kiến phối hợp" in m.text]
    office_told = [m for m in fake.messages_to(office) if "chưa nhận được ý kiến phối hợp" in m.text]
    assert len(chase) == 1 and len(office_told) == 1

    detail = await reply_to(fake, lead, lambda: fake.push_text(lead, f"/nhiemvu {task_id}"))
    assert "Sở Xây dựng: gửi ý kiến ngày 14/05/2026, trễ 2 ngày (hạn 12/05/2026)" in detail.text
    summary = await reply_to(fake, office, lambda: fake.push_text(office, "/tonghop"))
    assert "phối hợp trễ hạn 1" in summary.text
    with db.session() as s:
        assert s.exec(select(Outbox).where(Outbox.kind == "coordination")).all()
