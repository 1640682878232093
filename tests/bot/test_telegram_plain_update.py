"""Serve mode reads text messages and button presses straight from the webhook's JSON
(bot.telegram.plain_update); it must give what PTB's Update and `to_incoming` give."""
from __future__ import annotations

import pytest
from telegram import Bot, Update

from bot.telegram import PlainUpdate, TelegramAdapter, plain_update

USER = {"id": 501, "is_bot": False, "first_name": "Lan", "last_name": "Nguyễn", "language_code": "vi"}
PRIVATE = {"id": 501, "type": "private", "first_name": "Lan"}
GROUP = {"id": -100123, "type": "supergroup", "title": "Sở Tài chính"}


def message(**fields) -> dict:
    return {"message_id": 7, "date": 1_780_000_000, "chat": PRIVATE, "from": USER, **fields}


def press(data: str | None = "s:d:12", **message_fields) -> dict:
    query = {"id": "4242", "from": USER, "chat_instance": "ci",
             "message": {"message_id": 9, "date": 1_780_000_000, "chat": PRIVATE, "text": "…", **message_fields}}
    if data is not None:
        query["data"] = data
    return query


# Taken without PTB's objects.
PLAIN = [
    {"update_id": 1, "message": message(text="/nhiemvu", entities=[{"type": "bot_command", "offset": 0, "length": 8}])},
    {"update_id": 2, "message": message(text="đang triển khai, xong trước 20/5")},
    {"update_id": 3, "message": message(text="/nhiemvu@nhacviec_bot", chat=GROUP)},
    {"update_id": 4, "message": message(text="hi", **{"from": {"id": 77, "is_bot": False, "first_name": "Bình"}})},
    {"update_id": 5, "message": message(text="hi", **{"from": {"id": 78, "is_bot": False, "first_name": "",
                                                               "username": "binh_so_tc"}})},
    {"update_id": 6, "message": message(text="/lang en", **{"from": {**USER, "language_code": "en-US"}})},
    {"update_id": 7, "callback_query": press()},
    {"update_id": 8, "callback_query": press("l:2", chat=GROUP)},
    {"update_id": 9, "callback_query": press(date=0)},  # an inaccessible message (PTB: a Message all the same)
]
# PTB's way: other kinds of update, or anything a plain reading would get wrong.
NOT_PLAIN = [
    {"update_id": 20, "message": message(document={"file_id": "F", "file_unique_id": "U", "file_name": "tb.docx"},
                                         caption="/banhanh")},
    {"update_id": 21, "message": message(photo=[{"file_id": "P", "file_unique_id": "U", "width": 9, "height": 9}])},
    {"update_id": 22, "message": message(sticker={"file_id": "S", "file_unique_id": "U", "width": 9, "height": 9,
                                                  "is_animated": False, "is_video": False, "type": "regular"})},
    {"update_id": 23, "message": message(new_chat_members=[USER])},
    {"update_id": 24, "message": message(text="bot", **{"from": {"id": 9, "is_bot": True, "first_name": "B"}})},
    {"update_id": 25, "edited_message": {**message(text="/nhiemvu"), "edit_date": 1_780_000_100}},
    {"update_id": 26, "callback_query": press(None)},
    {"update_id": 27, "message": message(text="")},
    {"update_id": 28, "message": message(text="/help"), "callback_query": press()},
]
MALFORMED = [
    {"update_id": 30, "message": "not an object"},
    {"update_id": 31, "message": {"chat": 5}},
    {"update_id": 32, "message": message(text=5)},
    {"update_id": 33, "message": message(text="x", chat={"id": "501", "type": "private"})},
    {"update_id": 34, "message": message(text="x", message_id=True)},
    {"update_id": 39, "message": {k: v for k, v in message(text="x").items() if k != "date"}},
    {"update_id": 35, "message": message(text="x", **{"from": {"id": 5, "first_name": "no is_bot"}})},
    {"update_id": 36, "message": message(text="x", **{"from": {**USER, "last_name": 3}})},
    {"update_id": 37, "callback_query": {**press(), "id": 4242}},
    {"update_id": 38, "callback_query": {**press(), "message": "gone"}},
]


@pytest.fixture(scope="module")
def bot():
    return Bot("123456:TEST")


@pytest.mark.parametrize("data", PLAIN, ids=lambda d: str(d["update_id"]))
def test_plain_updates_read_as_ptb_reads_them(data, bot):
    plain = plain_update(data)
    assert isinstance(plain, PlainUpdate)
    update = Update.de_json(data, bot)
    assert plain.incoming == TelegramAdapter.to_incoming(update)
    assert plain.update_id == update.update_id
    assert plain.query_id == (update.callback_query.id if update.callback_query else None)


@pytest.mark.parametrize("data", NOT_PLAIN + MALFORMED, ids=lambda d: str(d["update_id"]))
def test_everything_else_takes_ptbs_way(data):
    assert plain_update(data) is None


def test_details_of_the_plain_reading():
    group = plain_update(PLAIN[2]).incoming
    assert (group.chat_id, group.user_id) == ("-100123", "501")
    assert plain_update(PLAIN[0]).incoming.display_name == "Lan Nguyễn"
    assert plain_update(PLAIN[4]).incoming.display_name == "binh_so_tc"
    assert plain_update(PLAIN[6]).incoming.button == "s:d:12"
    assert plain_update(PLAIN[6]).incoming.message_id == "9"
    assert plain_update(PLAIN[8]).incoming.message_id == "9"
