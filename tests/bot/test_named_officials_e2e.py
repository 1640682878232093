"""End to end over the fake Telegram Bot API (real python-telegram-bot, real HTTP): a
head gives a task to an official with the buttons and the official alone gets its
reminder; a unit reports a figure below plan and is asked for cause and remedy; the
aggregating unit's table shows it as not met. The same dialogue on Zalo's numbered menus."""
from __future__ import annotations

import re
from datetime import UTC, date, datetime

from sqlmodel import select

from bot.telegram import TelegramSender
from conftest import TZ, add_task, set_next_look
from helpers import make_indicators, reply_to, running_from, zalo_exchange
from reminders.dispatcher import Dispatcher
from reminders.sweep import ReminderSettings, sweep
from storage.crud import people
from storage.models import ChatBinding, Task, Unit
from workcalendar.workdays import WorkCalendar

CFG = ReminderSettings(tz=TZ, calendar=WorkCalendar())


def local(y, m, d, h=8, mi=5) -> datetime:
    return datetime(y, m, d, h, mi, tzinfo=TZ).astimezone(UTC)


async def deliver(db, fake, now) -> None:
    """Send what the outbox holds to the fake Bot API, the clock running from `now`."""
    sender = TelegramSender(fake.token, fake.url)
    await sender.start()
    try:
        await Dispatcher(db, {"telegram": sender}, clock=running_from(now)).drain(max_wait=5)
    finally:
        await sender.stop()




def option(text: str, label: str) -> str:
    """The number shown before `label` in a numbered menu."""
    numbers = [n for n, shown in re.findall(r"\[(\d+)\] ([^\[\n]*)", text) if label in shown]
    assert numbers, f"{label!r} not in menu: {text}"
    return numbers[0]


def invite(db, unit_id: int, role: str) -> str:
    with db.session() as s:
        return people.create_invitation(s, s.get(Unit, unit_id), role).code


def button(message, label: str) -> str:
    found = [data for row in message.buttons for text, data in row if label in text]
    assert found, f"{label!r} not among {message.buttons}"
    return found[0]


async def test_head_assigns_and_only_the_official_is_reminded(db, province, telegram):
    fake, u = telegram, province["units"]
    task_id = add_task(db, u["stc"], "Quyết toán vốn các dự án hoàn thành năm 2025", date(2026, 5, 15))
    with db.session() as s:
        task = s.get(Task, task_id)
        task.created_at = local(2026, 5, 1)
        s.add(task)
    set_next_look(db, task_id, local(2026, 5, 1))
    head, an, binh = 801, 802, 803
    await reply_to(fake, head, lambda: fake.push_text(head, f"/start {invite(db, u['stc'], 'head')}",
                                                      first_name="Trần Thị Hoa"))
    await reply_to(fake, an, lambda: fake.push_text(an, f"/start {province['codes']['stc_official']}",
                                                    first_name="Nguyễn Văn An"))
    await reply_to(fake, binh, lambda: fake.push_text(binh, f"/start {province['codes']['stc_official2']}",
                                                      first_name="Lê Văn Bình"))
    detail = await reply_to(fake, head, lambda: fake.push_text(head, f"/nhiemvu {task_id}"))
    menu = await reply_to(fake, head, lambda: fake.push_callback(
        head, button(detail, "👤 Giao cán bộ"), message_id=detail.message_id))
    assert "Nguyễn Văn An" in str(menu.buttons) and "Lê Văn Bình" in str(menu.buttons)
    given = await reply_to(fake, head, lambda: fake.push_callback(
        head, button(menu, "Nguyễn Văn An"), message_id=menu.message_id))
    assert given.method == "editMessageText" and "Đã giao nhiệm vụ" in given.text
    await deliver(db, fake, local(2026, 5, 14, 9))
    notice = fake.messages_to(an)[-1]
    assert f"giao nhiệm vụ #{task_id}" in notice.text and not [m for m in fake.messages_to(binh) if "#" in m.text]
    fake.sent.clear()
    sweep(db, local(2026, 5, 15), CFG)  # the deadline
    await deliver(db, fake, local(2026, 5, 15))
    # The reminder goes to the assignee alone; the head hears only of the risk (issue 15).
    reminded = [m.chat_id for m in fake.sent if f"#{task_id}" in m.text and "nguy cơ" not in m.text.lower()]
    assert reminded == [an]
    assert "HÔM NAY" in fake.messages_to(an)[0].text
    mine = await reply_to(fake, an, lambda: fake.push_text(an, "/nhiemvu toi"))
    assert "👤" in mine.text and f"#{task_id}" in mine.text
    assert not fake.internal_errors


async def test_a_figure_below_plan_is_asked_for_cause_and_remedy_and_shows_as_not_met(db, province, telegram):
    fake, u = telegram, province["units"]
    make_indicators(db)
    syt, head = 811, 812
    await reply_to(fake, syt, lambda: fake.push_text(syt, f"/start {province['codes']['syt_official']}",
                                                     first_name="Phạm Thu Hà"))
    first = await reply_to(fake, syt, lambda: fake.push_text(syt, "/chitieu"))
    assert "Số giường bệnh trên vạn dân" in first.text and "Nhập số thực hiện" in first.text
    echo = await reply_to(fake, syt, lambda: fake.push_text(syt, "28,5 giường"))
    assert "28,5 giường. Đúng không?" in echo.text
    short = await reply_to(fake, syt, lambda: fake.push_callback(syt, button(echo, "Đúng"), message_id=echo.message_id))
    assert "hụt 3,5 giường" in short.text and "nguyên nhân" in short.text.lower()
    remedy = await reply_to(fake, syt, lambda: fake.push_text(
        syt, "Bệnh viện đa khoa tỉnh chưa đưa khu điều trị mới vào sử dụng"))
    assert "Phương án bù đắp" in remedy.text
    vague = await reply_to(fake, syt, lambda: fake.push_text(syt, "Tiếp tục tăng cường chỉ đạo"))
    assert "chưa cụ thể" in vague.text
    saved = await reply_to(fake, syt, lambda: fake.push_text(
        syt, "Đưa 120 giường khu B vào hoạt động trước 30/6/2026"))
    assert "Đã ghi Số giường bệnh trên vạn dân: 28,5 giường" in saved.text
    await reply_to(fake, head, lambda: fake.push_text(head, f"/start {invite(db, u['stc'], 'head')}"))
    table = await reply_to(fake, head, lambda: fake.push_text(head, "/chitieu tonghop 5/2026"))
    assert "không đạt 1" in table.text
    assert "❌ Số giường bệnh trên vạn dân (Sở Y tế): KH 32 giường · TH 28,5 giường · không đạt" in table.text
    assert "120 giường khu B" in table.text
    assert not fake.internal_errors


async def test_the_figures_dialogue_on_zalo_numbered_menus(db, province, assistant):
    from bot.zalo import MenuStore, ZaloAdapter, ZaloClient
    from fakes.zalo_server import FakeZalo

    make_indicators(db)
    zalo = FakeZalo()
    await zalo.start()
    bot = ZaloAdapter(assistant, ZaloClient(zalo.token, zalo.url), menus=MenuStore(db), poll_timeout=1)
    await bot.start()
    try:
        user = "7a1c0de9b2e7f10a3c4d"
        await zalo_exchange(zalo, bot, lambda: zalo.push_text(user, f"/start {province['codes']['syt_official']}",
                                                         name="Phạm Thu Hà"))
        ask = await zalo_exchange(zalo, bot, lambda: zalo.push_text(user, "/chitieu"))
        assert "Để sau: gõ bỏ qua" in ask and "[1]" not in ask  # a bare number is the figure
        echo = await zalo_exchange(zalo, bot, lambda: zalo.push_text(user, "30"))
        assert "30 giường. Đúng không?" in echo
        short = await zalo_exchange(zalo, bot, lambda: zalo.push_text(user, option(echo, "Đúng")))
        assert "hụt 2 giường" in short
        both = await zalo_exchange(zalo, bot, lambda: zalo.push_text(
            user, "Nguyên nhân: khu điều trị mới chưa được nghiệm thu. Phương án bù đắp: nghiệm thu và đưa "
                  "80 giường vào sử dụng trước 15/7/2026"))
        assert "Đã ghi Số giường bệnh" in both
    finally:
        await bot.stop()
        await zalo.stop()
    with db.session() as s:
        assert s.exec(select(ChatBinding.channel)).all() == ["zalo"]
