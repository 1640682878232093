"""The real python-telegram-bot Application, long polling a fake Bot API server over
HTTP (TELEGRAM_API_URL points at it): invitation → /start → /nhiemvu → dialogues."""
from __future__ import annotations

import asyncio
from datetime import timedelta

from sqlmodel import select

from bot.telegram import split_text
from conftest import TODAY, add_task
from fakes.telegram_server import FakeTelegram
from helpers import reply_to, start_telegram, stop_telegram
from storage.models import ChatBinding, ProgressReport, Task


async def test_official_loop_over_http(db, province, telegram):
    fake = telegram
    u = province["units"]
    for i in range(10):
        add_task(db, u["stc"], f"Nhiệm vụ {i:02d}: rà soát vốn", TODAY + timedelta(days=i - 2),
                 coordinators=[u["sxd"]] if i == 0 else ())
    chat = 501
    welcome = await reply_to(fake, chat, lambda: fake.push_text(chat, f"/start {province['codes']['stc_official']}",
                                                                first_name="Nguyễn Văn An"))
    assert "Sở Tài chính" in welcome.text and "Nguyễn Văn An" in welcome.text

    page1 = await reply_to(fake, chat, lambda: fake.push_text(chat, "/nhiemvu"))
    assert "Trang 1/2" in page1.text and "QUÁ HẠN 2 ngày" in page1.text
    assert page1.buttons[0][0][0].startswith("1. ✅ Xong")
    next_data = page1.buttons[-1][-1][1]
    page2 = await reply_to(fake, chat, lambda: fake.push_callback(chat, next_data, message_id=page1.message_id))
    assert page2.method == "editMessageText" and page2.message_id == page1.message_id
    assert "Trang 2/2" in page2.text and "Nhiệm vụ 08" in page2.text
    assert fake.callback_answers  # the button press was answered

    progress = page1.buttons[0][1][1]  # "⏳ Đang làm" of task 1
    ask = await reply_to(fake, chat, lambda: fake.push_callback(chat, progress, message_id=page1.message_id))
    assert "mốc hoàn thành" in ask.text
    rejected = await reply_to(fake, chat, lambda: fake.push_text(chat, "đang triển khai"))
    assert "chưa được chấp nhận" in rejected.text
    ok = await reply_to(fake, chat, lambda: fake.push_text(
        chat, "đang triển khai, dự kiến xong 20/5/2026, sản phẩm: dự thảo kế hoạch"))
    assert "Đã ghi nhận báo cáo tiến độ" in ok.text

    done = page1.buttons[1][0][1]
    await reply_to(fake, chat, lambda: fake.push_callback(chat, done, message_id=page1.message_id))
    name_it = await reply_to(fake, chat, lambda: fake.push_document(chat, "ket-qua.pdf", b"%PDF-1.4 test",
                                                                    mime_type="application/pdf"))
    assert "ket-qua.pdf" in name_it.text and "văn bản gì" in name_it.text  # a file alone is not a product
    thanks = await reply_to(fake, chat, lambda: fake.push_text(chat, "Báo cáo số 12/BC-STC về giải ngân"))
    assert "hoàn thành nhiệm vụ" in thanks.text and "chờ Văn phòng đánh giá" in thanks.text

    with db.session() as s:
        binding = s.exec(select(ChatBinding)).one()
        assert binding.channel == "telegram" and binding.chat_id == str(chat)
        reports = s.exec(select(ProgressReport).order_by(ProgressReport.id)).all()
        assert [(r.kind, r.accepted) for r in reports] == [("progress", False), ("progress", True), ("done", True)]
        assert reports[2].attachment_name == "ket-qua.pdf"
        assert s.exec(select(Task).where(Task.status == "awaiting_review")).one()
    assert not fake.internal_errors


async def test_stranger_old_buttons_and_odd_updates(db, province, telegram):
    fake = telegram
    task_id = add_task(db, province["units"]["syt"], "Kế hoạch khám sức khỏe", TODAY)
    refused = await reply_to(fake, 700, lambda: fake.push_text(700, "/nhiemvu"))
    assert "chưa được đăng ký" in refused.text
    # a stranger pressing a guessed button sees nothing
    guessed = await reply_to(fake, 700, lambda: fake.push_callback(700, f"s:d:{task_id}", message_id=1))
    assert "Kế hoạch" not in guessed.text
    # updates the bot does not handle (an edited message, a bot's own message) do not stop polling
    fake.push_raw({"edited_message": {"message_id": 5, "date": 0, "chat": {"id": 700, "type": "private"},
                                      "from": {"id": 700, "is_bot": False, "first_name": "A"}, "text": "sửa"}})
    await reply_to(fake, 701, lambda: fake.push_text(701, f"/start {province['codes']['syt_official']}"))
    long = await reply_to(fake, 701, lambda: fake.push_text(701, "x" * 4096))
    assert "quá dài" in long.text
    emoji = await reply_to(fake, 701, lambda: fake.push_text(701, "🙏🙏"))
    assert "/nhiemvu" in emoji.text
    stale = await reply_to(fake, 701, lambda: fake.push_callback(701, "l:7", message_id=999))
    # paging an old message the server no longer has: a fresh message instead of an error
    assert "Kế hoạch khám sức khỏe" in stale.text
    assert not fake.internal_errors


async def test_burst_of_sixty_start_commands_is_answered_in_full(db, province, assistant):
    """60 officials /start in the same second; Telegram's 30 msg/s limit is enforced by the
    fake (429 + retry_after). Every one gets exactly one welcome."""
    from storage.crud import people
    from storage.models import Unit

    with db.session() as s:
        unit = s.get(Unit, province["units"]["stc"])
        codes = [people.create_invitation(s, unit, "official").code for _ in range(60)]
    fake = FakeTelegram(rate_limits=True)
    await fake.start()
    adapter = await start_telegram(fake, assistant)
    try:
        for i, code in enumerate(codes):
            fake.push_text(10_000 + i, f"/start {code}")
        deadline = asyncio.get_running_loop().time() + 30
        while len(fake.sent) < 60 and asyncio.get_running_loop().time() < deadline:
            await asyncio.sleep(0.05)
        welcomed = {m.chat_id for m in fake.sent if "Chào mừng" in m.text}
        assert welcomed == {10_000 + i for i in range(60)}
        assert len(fake.sent) == 60
        assert fake.violations == 0  # paced under the limit, not rescued by retries
    finally:
        await stop_telegram(adapter)
        await fake.stop()
    with db.session() as s:
        assert len(s.exec(select(ChatBinding)).all()) == 60


def test_split_text_keeps_lines_and_limit():
    text = "\n".join(f"dòng {i} " + "x" * 90 for i in range(100))
    chunks = split_text(text)
    assert all(len(c) <= 4096 for c in chunks) and len(chunks) >= 3
    assert "".join(c + "\n" for c in chunks).count("dòng") == 100
    assert split_text("a" * 5000)[0] == "a" * 4096
