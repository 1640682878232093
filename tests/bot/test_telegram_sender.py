"""The outbox's Telegram sender over real HTTP against the fake Bot API: what it posts
(inline keyboard, long texts split with the buttons on the last part) and how each
answer maps to a SendResult the dispatcher acts on."""
from __future__ import annotations

import socket

import pytest

from bot.telegram import MAX_MESSAGE, TelegramSender
from fakes.telegram_server import FakeTelegram

BUTTONS = [[{"text": "✅ Xong", "data": "s:d:7"}, {"text": "⏳ Đang làm", "data": "s:p:7"}],
           [{"text": "🔕 Nhắc lại sau", "data": "z:7"}]]
KEYBOARD = {"inline_keyboard": [[{"text": "✅ Xong", "callback_data": "s:d:7"},
                                 {"text": "⏳ Đang làm", "callback_data": "s:p:7"}],
                                [{"text": "🔕 Nhắc lại sau", "callback_data": "z:7"}]]}


@pytest.fixture
async def fake():
    server = FakeTelegram()
    await server.start()
    yield server
    await server.stop()
    assert not server.internal_errors


@pytest.fixture
async def sender(fake):
    s = TelegramSender(fake.token, fake.url)
    await s.start()
    yield s
    await s.stop()


async def test_a_push_with_buttons_arrives_with_its_inline_keyboard(fake, sender):
    result = await sender.send("701", {"text": "Nhắc việc #7", "buttons": BUTTONS})
    assert result.status == "sent"
    [message] = fake.messages_to(701)
    assert message.text == "Nhắc việc #7"
    assert message.reply_markup == KEYBOARD


async def test_a_push_without_buttons_has_no_markup(fake, sender):
    assert (await sender.send("702", {"text": "Thông báo"})).status == "sent"
    assert (await sender.send("702", {"text": "Thông báo", "buttons": []})).status == "sent"
    assert [m.reply_markup for m in fake.messages_to(702)] == [None, None]


async def test_a_long_text_is_split_at_line_ends_with_the_buttons_on_the_last_part(fake, sender):
    lines = [f"Dòng {i:04d}: rà soát, tổng hợp, báo cáo kết quả thực hiện nhiệm vụ." for i in range(100)]
    text = "\n".join(lines)
    assert len(text) > MAX_MESSAGE
    assert (await sender.send("703", {"text": text, "buttons": BUTTONS})).status == "sent"
    parts = fake.messages_to(703)
    assert len(parts) == 2
    assert all(len(p.text) <= MAX_MESSAGE for p in parts)
    assert "\n".join(p.text for p in parts) == text  # cut at a line end, nothing lost
    assert [p.reply_markup for p in parts] == [None, KEYBOARD]


@pytest.mark.parametrize("status, expected, retry_after", [
    (429, "retry", 3.0),
    (403, "blocked", None),
    (400, "bad", None),
    (500, "retry", None),
    (502, "retry", None),
])
async def test_answers_map_to_what_the_dispatcher_does(fake, sender, status, expected, retry_after):
    fake.fail_next(704, status=status, retry_after=3 if status == 429 else None)
    result = await sender.send("704", {"text": "Nhắc việc", "buttons": BUTTONS})
    assert (result.status, result.retry_after) == (expected, retry_after)
    assert result.error  # Telegram's description, kept on the row
    assert fake.messages_to(704) == []
    # the fault was one-off: the same sender goes on over its kept-alive connections
    assert (await sender.send("704", {"text": "Nhắc việc"})).status == "sent"


async def test_a_blocked_chat_is_blocked(fake, sender):
    fake.block_chat(705)
    result = await sender.send("705", {"text": "Nhắc việc"})
    assert result.status == "blocked" and "blocked" in result.error


async def test_a_chat_id_that_is_not_a_number_is_a_bad_row(fake, sender):
    assert (await sender.send("abc", {"text": "Nhắc việc"})).status == "bad"
    assert fake.sent == []


async def test_a_server_that_does_not_answer_means_retry():
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    sender = TelegramSender("123:abc", f"http://127.0.0.1:{port}")
    await sender.start()
    try:
        result = await sender.send("706", {"text": "Nhắc việc"})
    finally:
        await sender.stop()
    assert result.status == "retry" and result.retry_after is None and result.error
