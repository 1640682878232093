"""Tests of the fake Telegram Bot API server itself (tests/fakes/telegram_server.py).

Three layers, all over real HTTP on 127.0.0.1:
1. raw HTTP (httpx) against the endpoints: validation wording, faults, rate limits, long polling;
2. the real python-telegram-bot ``Bot`` pointed at the fake;
3. a tiny real PTB ``Application`` long-polling the fake.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import html
import json
import time

import httpx
import pytest
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.constants import ParseMode
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter
from telegram.ext import (
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

try:  # tests/ is on sys.path under pytest's default "prepend" import mode
    from fakes import FakeTelegram, parse_html
except ImportError:  # pragma: no cover - e.g. if tests/ ever becomes a package
    from tests.fakes import FakeTelegram, parse_html  # type: ignore[no-redef]

TOKEN = "123:TEST"
CHAT = 1001
GROUP = -4242


@pytest.fixture
async def tg():
    fake = FakeTelegram(TOKEN)
    await fake.start()
    try:
        yield fake
    finally:
        await fake.stop()


@pytest.fixture
async def api(tg):
    async with httpx.AsyncClient(base_url=f"{tg.url}/bot{TOKEN}/", timeout=10) as client:
        yield client


async def call(client: httpx.AsyncClient, method: str, **params):
    """POST JSON, return (http status, decoded body)."""
    r = await client.post(method, json=params)
    return r.status_code, r.json()


def kb(*rows):
    return {"inline_keyboard": [[{"text": t, "callback_data": d} for t, d in row] for row in rows]}


# ======================================================================================
# 1. raw HTTP
# ======================================================================================


async def test_get_me_full_user(api):
    status, body = await call(api, "getMe")
    assert status == 200 and body["ok"] is True
    me = body["result"]
    assert me["id"] == 123 and me["is_bot"] is True and me["username"] == "nhacviec_test_bot"
    for key in ("first_name", "can_join_groups", "can_read_all_group_messages", "supports_inline_queries"):
        assert key in me


async def test_wrong_token_and_unknown_method(tg, api):
    async with httpx.AsyncClient(base_url=tg.url) as raw:
        r = await raw.post("/bot999:NOPE/getMe")
        assert r.status_code == 401
        assert r.json() == {"ok": False, "error_code": 401, "description": "Unauthorized"}
    status, body = await call(api, "sendCarrierPigeon", chat_id=CHAT)
    assert status == 404
    assert body == {"ok": False, "error_code": 404, "description": "Not Found"}
    # method names are case-insensitive, like Telegram
    status, body = await call(api, "GETME")
    assert status == 200 and body["result"]["username"] == "nhacviec_test_bot"
    assert ("sendCarrierPigeon", {"chat_id": CHAT}) in tg.requests


async def test_send_message_json_form_and_query_encodings(tg, api):
    status, body = await call(api, "sendMessage", chat_id=CHAT, text="một")
    assert status == 200
    msg = body["result"]
    assert msg["message_id"] == 1 and msg["text"] == "một"
    assert msg["chat"] == {"id": CHAT, "type": "private", "first_name": "Cán bộ"}
    assert msg["from"]["is_bot"] is True and isinstance(msg["date"], int)

    # form-urlencoded, with reply_markup as a JSON string inside the form (what PTB does)
    r = await api.post(
        "sendMessage",
        data={"chat_id": str(CHAT), "text": "hai", "reply_markup": json.dumps(kb([("Xong", "done:1")]))},
    )
    assert r.status_code == 200, r.text
    assert r.json()["result"]["reply_markup"] == kb([("Xong", "done:1")])

    # query string (GET) works too
    r = await api.get("sendMessage", params={"chat_id": CHAT, "text": "ba"})
    assert r.status_code == 200

    assert [m.text for m in tg.messages_to(CHAT)] == ["một", "hai", "ba"]
    assert [m.message_id for m in tg.sent] == [1, 2, 3]
    assert tg.sent[1].buttons == [[("Xong", "done:1")]]
    assert tg.sent[1].chat_id == CHAT and isinstance(tg.sent[1].chat_id, int)


@pytest.mark.parametrize(
    ("text", "description"),
    [
        ("", "Bad Request: message text is empty"),
        (None, "Bad Request: message text is empty"),
        ("   \n ", "Bad Request: message must be non-empty"),
        ("x" * 4097, "Bad Request: message is too long"),
    ],
)
async def test_text_validation(api, text, description):
    params = {"chat_id": CHAT} if text is None else {"chat_id": CHAT, "text": text}
    status, body = await call(api, "sendMessage", **params)
    assert status == 400
    assert body == {"ok": False, "error_code": 400, "description": description}


async def test_length_counted_after_entity_parsing(tg, api):
    status, _ = await call(api, "sendMessage", chat_id=CHAT, text="x" * 4096)
    assert status == 200
    # 4096 visible characters wrapped in markup and entities is still fine
    status, body = await call(api, "sendMessage", chat_id=CHAT, text="<b>" + "&lt;" * 4096 + "</b>", parse_mode="HTML")
    assert status == 200, body
    assert tg.sent[-1].plain_text == "<" * 4096
    assert body["result"]["entities"] == [{"type": "bold", "offset": 0, "length": 4096}]
    status, body = await call(api, "sendMessage", chat_id=CHAT, text="<b>" + "y" * 4097 + "</b>", parse_mode="HTML")
    assert body["description"] == "Bad Request: message is too long"
    # unicode: the limit counts characters, not bytes
    status, _ = await call(api, "sendMessage", chat_id=CHAT, text="đ" * 4096)
    assert status == 200


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("<b>đậm", "Can't find end tag corresponding to start tag b"),
        ("<br>dòng", 'Unsupported start tag "br" at byte offset 0'),
        ("a < b", 'Unsupported start tag "" at byte offset 2'),
        ("Hạn <3 ngày", 'Unsupported start tag "3" at byte offset 6'),  # offsets are UTF-8 bytes
        ("</i>", "Unexpected end tag at byte offset 0"),
        ("<b>x</i>", 'Unmatched end tag at byte offset 4, expected "</b>", found "</i>"'),
        ("<span>x</span>", 'Tag "span" must have class "tg-spoiler" at byte offset 0'),
        ("<a href=x y>t</a>", 'Expected equal sign in declaration of an attribute of the tag "a" at byte offset 0'),
        ("x <b", "Unclosed start tag at byte offset 2"),
    ],
)
async def test_html_errors(api, text, error):
    status, body = await call(api, "sendMessage", chat_id=CHAT, text=text, parse_mode="HTML")
    assert status == 400
    assert body["description"] == f"Bad Request: can't parse entities: {error}"


async def test_html_accepted(tg, api):
    text = (
        '<b>Việc</b> <strong>s</strong> <i>i</i> <em>e</em> <u>u</u> <ins>n</ins> <s>s</s> <strike>k</strike> '
        '<del>d</del> <a href="https://nhacviec.vn/?a=1&amp;b=2">link</a> <code>c</code> '
        '<pre><code class="language-python">print(1)</code></pre> <tg-spoiler>sp</tg-spoiler> '
        '<span class="tg-spoiler">sp2</span> <blockquote>q</blockquote> &lt;tag&gt; &amp; &quot; &#39; AT&T &nbsp;'
    )
    status, body = await call(api, "sendMessage", chat_id=CHAT, text=text, parse_mode="HTML")
    assert status == 200, body
    plain = tg.sent[-1].plain_text
    assert plain.startswith("Việc s i e u n s k d link c print(1) sp sp2 q <tag> & \" ' AT&T &nbsp;")
    types = [e["type"] for e in body["result"]["entities"]]
    assert {"bold", "italic", "underline", "strikethrough", "text_link", "code", "pre", "spoiler", "blockquote"} <= set(
        types
    )
    link = next(e for e in body["result"]["entities"] if e["type"] == "text_link")
    assert link["url"] == "https://nhacviec.vn/?a=1&b=2"
    pre = next(e for e in body["result"]["entities"] if e["type"] == "pre")
    assert pre["language"] == "python"
    # MarkdownV2 is accepted without validation; raw text is kept on SentMessage.text
    status, _ = await call(api, "sendMessage", chat_id=CHAT, text="*đậm*", parse_mode="MarkdownV2")
    assert status == 200 and tg.sent[-1].text == "*đậm*" and tg.sent[-1].parse_mode == "MarkdownV2"
    status, body = await call(api, "sendMessage", chat_id=CHAT, text="x", parse_mode="BBCode")
    assert body["description"] == "Bad Request: unsupported parse_mode"


def test_parse_html_utf16_offsets():
    plain, ents = parse_html("😀 <b>Hạn</b>")
    assert plain == "😀 Hạn"
    assert ents == [{"type": "bold", "offset": 3, "length": 3}]


async def test_inline_keyboard_validation(tg, api):
    ok64 = "đ" * 32  # 64 bytes in UTF-8
    status, body = await call(api, "sendMessage", chat_id=CHAT, text="k", reply_markup=kb([("A", ok64)]))
    assert status == 200, body

    for data in ("đ" * 33, "x" * 65):
        status, body = await call(api, "sendMessage", chat_id=CHAT, text="k", reply_markup=kb([("A", data)]))
        assert (status, body["description"]) == (400, "Bad Request: BUTTON_DATA_INVALID")

    cases = [
        ({"inline_keyboard": [[{"callback_data": "x"}]]}, 'can\'t parse inline keyboard button: Can\'t find field "text"'),
        ({"inline_keyboard": [[{"text": " ", "callback_data": "x"}]]}, "BUTTON_TEXT_INVALID"),
        ({"inline_keyboard": [[{"text": "A"}]]}, "can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard"),
        ({"inline_keyboard": [[{"text": "A", "callback_data": ""}]]}, "can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard"),
        ({"inline_keyboard": [{"text": "A", "callback_data": "x"}]}, 'field "inline_keyboard" of the InlineKeyboardMarkup must be an Array of Arrays'),
    ]  # fmt: skip
    for markup, desc in cases:
        status, body = await call(api, "sendMessage", chat_id=CHAT, text="k", reply_markup=markup)
        assert (status, body["description"]) == (400, f"Bad Request: {desc}"), markup

    r = await api.post("sendMessage", data={"chat_id": CHAT, "text": "k", "reply_markup": "{not json"})
    assert r.json()["description"] == "Bad Request: can't parse reply keyboard markup JSON object"
    # url buttons are fine and show up with callback_data None
    markup = {"inline_keyboard": [[{"text": "Web", "url": "https://example.org"}, {"text": "B", "callback_data": "b"}]]}
    status, _ = await call(api, "sendMessage", chat_id=CHAT, text="k", reply_markup=markup)
    assert status == 200
    assert tg.sent[-1].buttons == [[("Web", None), ("B", "b")]]
    assert tg.sent[-1].button("B") == "b"
    assert len(tg.sent) == 2  # failures never land in `sent`


async def test_chat_id_handling(tg, api):
    status, body = await call(api, "sendMessage", chat_id="abc", text="x")
    assert (status, body["description"]) == (400, "Bad Request: chat not found")
    status, body = await call(api, "sendMessage", text="x")
    assert body["description"] == "Bad Request: chat_id is empty"
    # any int is accepted (lenient), as number or numeric string; negative ids are groups
    for cid in (555, "556", GROUP, -1001234567890):
        status, body = await call(api, "sendMessage", chat_id=cid, text="x")
        assert status == 200, body
    assert tg.chats[GROUP]["type"] == "group"
    assert tg.chats[-1001234567890]["type"] == "supergroup"
    assert [m.chat_id for m in tg.sent] == [555, 556, GROUP, -1001234567890]


async def test_edit_message_text_rules(tg, api):
    status, body = await call(api, "sendMessage", chat_id=CHAT, text="<b>Việc 1</b>", parse_mode="HTML",
                              reply_markup=kb([("Xong", "done:1")]))  # fmt: skip
    mid = body["result"]["message_id"]

    status, body = await call(api, "editMessageText", chat_id=CHAT, message_id=999, text="x")
    assert (status, body["description"]) == (400, "Bad Request: message to edit not found")
    status, body = await call(api, "editMessageText", chat_id=CHAT + 1, message_id=mid, text="x")
    assert body["description"] == "Bad Request: message to edit not found"

    # same text + same markup → not modified (compared after entity parsing)
    status, body = await call(api, "editMessageText", chat_id=CHAT, message_id=mid, text="<strong>Việc 1</strong>",
                              parse_mode="HTML", reply_markup=kb([("Xong", "done:1")]))  # fmt: skip
    assert status == 400
    assert body["description"] == (
        "Bad Request: message is not modified: specified new message content and reply markup are exactly the "
        "same as a current content and reply markup of the message"
    )
    # same text without markup removes the keyboard → that *is* a modification
    status, body = await call(api, "editMessageText", chat_id=CHAT, message_id=mid, text="<b>Việc 1</b>",
                              parse_mode="HTML")  # fmt: skip
    assert status == 200 and "reply_markup" not in body["result"] and body["result"]["edit_date"] >= 1
    status, body = await call(api, "editMessageText", chat_id=CHAT, message_id=mid, text="Việc 1 ✅",
                              reply_markup=kb([("Mở lại", "reopen:1")]))  # fmt: skip
    assert status == 200
    assert tg.message(CHAT, mid)["text"] == "Việc 1 ✅"

    status, body = await call(api, "editMessageReplyMarkup", chat_id=CHAT, message_id=mid,
                              reply_markup=kb([("Mở lại", "reopen:1")]))  # fmt: skip
    assert body["description"].startswith("Bad Request: message is not modified")
    status, body = await call(api, "editMessageReplyMarkup", chat_id=CHAT, message_id=mid)
    assert status == 200 and "reply_markup" not in body["result"]

    assert [e.method for e in tg.edits] == ["editMessageText", "editMessageText", "editMessageReplyMarkup"]
    assert tg.edits[1].buttons == [[("Mở lại", "reopen:1")]]
    assert tg.edits[2].buttons == [] and tg.edits[2].plain_text == "Việc 1 ✅"
    assert len(tg.sent) == 1

    # user messages can't be edited by the bot
    upd = tg.push_text(CHAT, "tin của người dùng")
    status, body = await call(api, "editMessageText", chat_id=CHAT, message_id=upd["message"]["message_id"], text="x")
    assert body["description"] == "Bad Request: message can't be edited"


async def test_caption_limit_and_multipart_upload(tg, api):
    files = {"document": ("báo cáo.pdf", b"%PDF-1.4 fake", "application/pdf")}
    r = await api.post("sendDocument", data={"chat_id": str(CHAT), "caption": "c" * 1025}, files=files)
    assert r.json()["description"] == "Bad Request: message caption is too long"
    r = await api.post("sendDocument", data={"chat_id": str(CHAT), "caption": "<i>Báo cáo</i>", "parse_mode": "HTML"},
                       files=files)  # fmt: skip
    assert r.status_code == 200, r.text
    doc = r.json()["result"]["document"]
    assert doc["file_name"] == "báo cáo.pdf" and doc["file_size"] == len(b"%PDF-1.4 fake")
    sent = tg.sent[-1]
    assert sent.document.content == b"%PDF-1.4 fake" and sent.document.mime_type == "application/pdf"
    assert sent.caption == "<i>Báo cáo</i>" and sent.plain_text == "Báo cáo"

    status, body = await call(api, "getFile", file_id=doc["file_id"])
    assert status == 200
    async with httpx.AsyncClient() as raw:
        r = await raw.get(f"{tg.url}/file/bot{TOKEN}/{body['result']['file_path']}")
    assert r.content == b"%PDF-1.4 fake"

    status, body = await call(api, "sendDocument", chat_id=CHAT)
    assert body["description"] == "Bad Request: there is no document in the request"
    status, body = await call(api, "getFile", file_id="nope")
    assert body["description"] == "Bad Request: invalid file_id"


async def test_fail_next_and_block_chat(tg, api):
    tg.fail_next(CHAT, status=502, description="Bad Gateway")
    tg.fail_next(CHAT, status=429, description="Too Many Requests: retry after 7", retry_after=7, times=2)
    status, body = await call(api, "sendMessage", chat_id=CHAT, text="1")
    assert (status, body) == (502, {"ok": False, "error_code": 502, "description": "Bad Gateway"})
    for _ in range(2):
        status, body = await call(api, "sendMessage", chat_id=CHAT, text="2")
        assert status == 429 and body["parameters"] == {"retry_after": 7}
    status, _ = await call(api, "sendMessage", chat_id=CHAT, text="3")
    assert status == 200
    # other chats are unaffected by a per-chat fault
    tg.fail_next(CHAT, status=400, description="Bad Request: boom")
    status, _ = await call(api, "sendMessage", chat_id=CHAT + 1, text="x")
    assert status == 200

    tg.block_chat(777)
    status, body = await call(api, "sendMessage", chat_id=777, text="x")
    assert (status, body["description"]) == (403, "Forbidden: bot was blocked by the user")
    tg.block_chat(GROUP)
    status, body = await call(api, "sendMessage", chat_id=GROUP, text="x")
    assert (status, body["description"]) == (403, "Forbidden: bot was kicked from the group chat")

    assert [m.text for m in tg.sent] == ["3", "x"]
    assert [c.status for c in tg.calls_to("sendMessage")] == [502, 429, 429, 200, 200, 403, 403]
    assert tg.violations == 0  # injected errors are not rate-limit violations


@pytest.fixture
async def limited():
    clock = [1000.0]
    fake = FakeTelegram(TOKEN, rate_limits=True, global_per_sec=5, group_per_min=3, per_chat_burst=0,
                        clock=lambda: clock[0])  # fmt: skip
    await fake.start()
    try:
        async with httpx.AsyncClient(base_url=f"{fake.url}/bot{TOKEN}/") as client:
            yield fake, client, clock
    finally:
        await fake.stop()


async def test_rate_limit_per_chat(limited):
    tg, api, clock = limited
    status, _ = await call(api, "sendMessage", chat_id=CHAT, text="1")
    assert status == 200
    clock[0] += 0.4
    status, body = await call(api, "sendMessage", chat_id=CHAT, text="2")
    assert status == 429
    assert body == {"ok": False, "error_code": 429, "description": "Too Many Requests: retry after 1",
                    "parameters": {"retry_after": 1}}  # fmt: skip
    # another chat is fine
    status, _ = await call(api, "sendMessage", chat_id=CHAT + 1, text="x")
    assert status == 200
    # retrying before retry_after elapsed is punished again
    clock[0] += 0.7
    status, _ = await call(api, "sendMessage", chat_id=CHAT, text="2")
    assert status == 429
    clock[0] += 1.0
    status, _ = await call(api, "sendMessage", chat_id=CHAT, text="2")
    assert status == 200
    assert tg.violations == 2 and [m.text for m in tg.sent] == ["1", "x", "2"]
    assert tg.violation_log[0]["scope"] == "per-chat limit"


async def test_rate_limit_burst_tolerance():
    clock = [0.0]
    tg = FakeTelegram(TOKEN, rate_limits=True, clock=lambda: clock[0])  # default burst tolerance: 1 extra
    await tg.start()
    try:
        async with httpx.AsyncClient(base_url=f"{tg.url}/bot{TOKEN}/") as api:
            codes = [(await call(api, "sendMessage", chat_id=CHAT, text=str(i)))[0] for i in range(3)]
            assert codes == [200, 200, 429]
            clock[0] += 10
            tg.configure_rate_limits(False)
            codes = [(await call(api, "sendMessage", chat_id=CHAT, text=str(i)))[0] for i in range(5)]
            assert codes == [200] * 5
            tg.configure_rate_limits(per_chat_per_sec=2, per_chat_burst=0)
            codes = [(await call(api, "sendMessage", chat_id=CHAT, text=str(i)))[0] for i in range(2)]
            clock[0] += 0.5
            codes += [(await call(api, "sendMessage", chat_id=CHAT, text="x"))[0]]
            assert codes == [200, 429, 429]  # still inside the 1 s flood wait earned by the 2nd
            assert tg.violations == 3
    finally:
        await tg.stop()


async def test_rate_limit_global_and_group(limited):
    tg, api, clock = limited
    for i in range(5):
        status, _ = await call(api, "sendMessage", chat_id=2000 + i, text="x")
        assert status == 200
    status, body = await call(api, "sendMessage", chat_id=3000, text="x")
    assert status == 429 and body["parameters"]["retry_after"] == 1
    clock[0] += 1.01
    for i in range(3):
        clock[0] += 1.01
        status, body = await call(api, "sendMessage", chat_id=GROUP, text=f"g{i}")
        assert status == 200, body
    clock[0] += 1.01
    status, body = await call(api, "sendMessage", chat_id=GROUP, text="g3")
    assert status == 429 and 55 <= body["parameters"]["retry_after"] <= 60
    assert tg.violations == 2
    assert len(tg.messages_to(GROUP)) == 3


async def test_get_updates_long_poll_wakes_on_push(tg, api):
    async def push_later():
        await asyncio.sleep(0.15)
        tg.push_text(CHAT, "xin chào")

    started = time.monotonic()
    pusher = asyncio.create_task(push_later())
    status, body = await call(api, "getUpdates", timeout=5)
    elapsed = time.monotonic() - started
    await pusher
    assert status == 200 and 0.1 < elapsed < 2.0
    (update,) = body["result"]
    msg = update["message"]
    assert msg["text"] == "xin chào" and msg["from"]["language_code"] == "vi" and msg["chat"]["type"] == "private"

    # not confirmed yet → delivered again; offset confirms
    _, body = await call(api, "getUpdates", timeout=0)
    assert [u["update_id"] for u in body["result"]] == [update["update_id"]]
    tg.push_text(CHAT, "/start@nhacviec_test_bot now")
    _, body = await call(api, "getUpdates", offset=update["update_id"] + 1)
    (second,) = body["result"]
    assert second["update_id"] == update["update_id"] + 1
    assert second["message"]["entities"] == [{"type": "bot_command", "offset": 0, "length": 24}]

    # empty queue: returns [] after the timeout (fractional seconds accepted)
    started = time.monotonic()
    _, body = await call(api, "getUpdates", offset=second["update_id"] + 1, timeout=0.3)
    assert body["result"] == [] and 0.25 < time.monotonic() - started < 2.0
    assert tg.pending_updates == []


async def test_get_updates_conflict_and_webhook(tg, api):
    first = asyncio.create_task(call(api, "getUpdates", timeout=5))
    await asyncio.sleep(0.1)
    second = asyncio.create_task(call(api, "getUpdates", timeout=0.2))
    status, body = await first
    assert status == 409
    assert body["description"] == (
        "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running"
    )
    assert (await second)[0] == 200
    await call(api, "setWebhook", url="https://example.org/hook")
    status, body = await call(api, "getUpdates")
    assert status == 409 and "webhook is active" in body["description"]
    _, body = await call(api, "getWebhookInfo")
    assert body["result"]["url"] == "https://example.org/hook"
    await call(api, "deleteWebhook")
    assert (await call(api, "getUpdates"))[0] == 200


async def test_callback_query_update_and_answer(tg, api):
    _, body = await call(api, "sendMessage", chat_id=CHAT, text="Việc?", reply_markup=kb([("Xong", "done:7")]))
    mid = body["result"]["message_id"]
    # a button on a message the bot cannot see → InaccessibleMessage (date 0), as Telegram does
    stale = tg.push_callback(CHAT, "done:old", message_id=mid + 50)["callback_query"]["message"]
    assert stale == {"chat": {"id": CHAT, "type": "private", "first_name": "Cán bộ"}, "message_id": mid + 50, "date": 0}
    upd = tg.push_callback(CHAT, "done:7", message_id=mid)
    cq = upd["callback_query"]
    assert cq["data"] == "done:7" and cq["message"]["message_id"] == mid
    assert cq["message"]["reply_markup"] == kb([("Xong", "done:7")]) and cq["from"]["id"] == CHAT
    status, _ = await call(api, "answerCallbackQuery", callback_query_id=cq["id"], text="Đã ghi nhận")
    assert status == 200
    assert tg.callback_answers == [{"callback_query_id": cq["id"], "text": "Đã ghi nhận", "show_alert": False,
                                    "url": None, "cache_time": None}]  # fmt: skip
    status, body = await call(api, "answerCallbackQuery", callback_query_id=cq["id"])
    assert body["description"] == (
        "Bad Request: query is too old and response timeout expired or query ID is invalid"
    )


async def test_wait_helpers(tg, api):
    async def send_later():
        await asyncio.sleep(0.05)
        await call(api, "sendMessage", chat_id=CHAT, text="một")
        await call(api, "sendMessage", chat_id=CHAT, text="hai")

    task = asyncio.create_task(send_later())
    m = await tg.wait_for(lambda m: m.text == "hai", timeout=5)
    assert m.message_id == 2
    msgs = await tg.wait_for_count(CHAT, 2, timeout=5)
    assert [x.text for x in msgs] == ["một", "hai"]
    await task
    await tg.wait_idle(quiet=0.1, timeout=5)
    mark = tg.mark()
    with pytest.raises(asyncio.TimeoutError) as exc_info:
        await tg.wait_for("hai", since=mark, timeout=0.2)
    assert "sendMessage chat=1001 mid=2: 'hai'" in str(exc_info.value)
    with pytest.raises(asyncio.TimeoutError):
        await tg.wait_for_count(CHAT, 3, timeout=0.1)


async def test_server_stops_cleanly():
    fake = FakeTelegram(TOKEN)
    await fake.start()
    url = fake.url
    async with httpx.AsyncClient() as client:
        poll = asyncio.create_task(client.post(f"{url}/bot{TOKEN}/getUpdates", json={"timeout": 30}))
        await asyncio.sleep(0.1)
        started = time.monotonic()
        await fake.stop()
        r = await poll  # a pending long poll is released at once
        assert r.json() == {"ok": True, "result": []}
        assert time.monotonic() - started < 2.0
        with pytest.raises(httpx.ConnectError):
            await client.get(f"{url}/bot{TOKEN}/getMe")


# ======================================================================================
# 2. the real PTB Bot
# ======================================================================================


async def test_ptb_bot_roundtrip(tg):
    async with Bot(TOKEN, base_url=f"{tg.url}/bot", base_file_url=f"{tg.url}/file/bot") as bot:
        me = await bot.get_me()
        assert me.username == "nhacviec_test_bot" and me.can_join_groups is True

        markup = InlineKeyboardMarkup(
            [[InlineKeyboardButton("✅ Xong", callback_data="done:1"), InlineKeyboardButton("⏰ Hoãn", callback_data="snooze:1")]]
        )
        msg = await bot.send_message(CHAT, "<b>Việc:</b> nộp báo cáo", parse_mode=ParseMode.HTML, reply_markup=markup)
        assert msg.text == "Việc: nộp báo cáo" and msg.entities[0].type == "bold"
        assert msg.reply_markup == markup
        sent = tg.sent[-1]
        assert sent.text == "<b>Việc:</b> nộp báo cáo" and sent.parse_mode == "HTML"
        assert sent.buttons == [[("✅ Xong", "done:1"), ("⏰ Hoãn", "snooze:1")]]

        edited = await bot.edit_message_text("Việc: nộp báo cáo ✅", chat_id=CHAT, message_id=msg.message_id)
        assert edited.text == "Việc: nộp báo cáo ✅" and edited.edit_date is not None
        assert tg.edits[-1].plain_text == "Việc: nộp báo cáo ✅" and tg.edits[-1].buttons == []
        with pytest.raises(BadRequest, match="(?i)message is not modified"):
            await bot.edit_message_text("Việc: nộp báo cáo ✅", chat_id=CHAT, message_id=msg.message_id)
        with pytest.raises(BadRequest, match="(?i)message to edit not found"):
            await bot.edit_message_text("x", chat_id=CHAT, message_id=9999)
        with pytest.raises(BadRequest, match="(?i)can't parse entities"):
            await bot.send_message(CHAT, "a <b", parse_mode=ParseMode.HTML)
        with pytest.raises(BadRequest, match="(?i)BUTTON_DATA_INVALID"):
            await bot.send_message(CHAT, "x", reply_markup=InlineKeyboardMarkup([[InlineKeyboardButton("a", callback_data="đ" * 40)]]))

        cq = tg.push_callback(CHAT, "done:1", message_id=msg.message_id)["callback_query"]
        assert await bot.answer_callback_query(cq["id"], text="Đã xong") is True
        assert tg.callback_answers[-1]["text"] == "Đã xong"

        doc_msg = await bot.send_document(CHAT, document=b"noi dung \xe2\x9c\x93", filename="bao_cao.txt",
                                          caption="<b>Báo cáo</b>", parse_mode=ParseMode.HTML, reply_markup=markup)
        assert doc_msg.document.file_name == "bao_cao.txt" and doc_msg.caption == "Báo cáo"
        assert doc_msg.reply_markup == markup  # reply_markup arrived as a JSON string inside multipart
        assert tg.calls[-1].params["chat_id"] == CHAT  # multipart form values are coerced
        assert tg.sent[-1].document.content == b"noi dung \xe2\x9c\x93"
        assert tg.sent[-1].document.file_name == "bao_cao.txt"
        # re-sending by file_id works without an upload
        again = await bot.send_document(GROUP, document=doc_msg.document.file_id)
        assert again.document.file_id == doc_msg.document.file_id

        photo = await bot.send_photo(CHAT, photo=PNG_1x1, caption="ảnh")
        assert photo.photo[-1].width == 1 and tg.sent[-1].photo.content == PNG_1x1

        assert await bot.send_chat_action(CHAT, "typing") is True
        assert tg.chat_actions == [(CHAT, "typing")]


PNG_1x1 = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)


async def test_ptb_get_file_and_download(tg):
    content = "Văn bản chỉ đạo số 12/CĐ".encode() * 100
    upd = tg.push_document(CHAT, "chi_dao.docx", content, mime_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document")
    file_id = upd["message"]["document"]["file_id"]
    upd_photo = tg.push_photo(CHAT, PNG_1x1, caption="ảnh chụp")
    async with Bot(TOKEN, base_url=f"{tg.url}/bot", base_file_url=f"{tg.url}/file/bot") as bot:
        f = await bot.get_file(file_id)
        assert f.file_size == len(content)
        assert f.file_path.startswith(f"{tg.url}/file/bot{TOKEN}/documents/")
        assert bytes(await f.download_as_bytearray()) == content
        photo_size = Update.de_json(upd_photo, bot).message.photo[-1]
        assert (photo_size.width, photo_size.height) == (1, 1)
        assert bytes(await (await photo_size.get_file()).download_as_bytearray()) == PNG_1x1
        with pytest.raises(BadRequest, match="(?i)invalid file_id"):
            await bot.get_file("nope")


async def test_ptb_error_mapping(tg):
    tg.fail_next(CHAT, status=429, description="Too Many Requests: retry after 3", retry_after=3)
    tg.fail_next(CHAT, status=502, description="Bad Gateway")
    tg.block_chat(666)
    async with tg.make_bot() as bot:
        with pytest.raises(RetryAfter) as exc_info:
            await bot.send_message(CHAT, "x")
        assert exc_info.value.retry_after in (3, dt.timedelta(seconds=3))  # int unless PTB_TIMEDELTA is set
        with pytest.raises(NetworkError, match="Bad Gateway"):
            await bot.send_message(CHAT, "x")
        with pytest.raises(Forbidden, match="(?i)bot was blocked by the user"):
            await bot.send_message(666, "x")
        with pytest.raises(BadRequest, match="(?i)chat not found"):
            await bot.send_message("@khong_ton_tai", "x")
        assert (await bot.send_message(CHAT, "ok")).text == "ok"


# ======================================================================================
# 3. a real PTB Application, long polling the fake
# ======================================================================================


async def test_ptb_application_echo(tg):
    app = ApplicationBuilder().token(TOKEN).base_url(f"{tg.url}/bot").base_file_url(f"{tg.url}/file/bot").build()

    async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        await update.message.reply_text(
            f"Xin chào {update.effective_user.first_name}!",
            reply_markup=InlineKeyboardMarkup([[InlineKeyboardButton("Việc của tôi", callback_data="tasks")]]),
        )

    async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        await update.message.reply_html(f"<b>Bạn nói:</b> {html.escape(update.message.text)}")

    async def on_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        query = update.callback_query
        await query.answer("Đang tải…")
        await query.edit_message_text(f"Bạn chọn: {query.data}")

    app.add_handler(CommandHandler("start", start))
    app.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, echo))
    app.add_handler(CallbackQueryHandler(on_button))
    seen_errors: list[str] = []

    async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        seen_errors.append(str(context.error))

    app.add_error_handler(on_error)

    async with app:
        await app.start()
        await app.updater.start_polling(poll_interval=0, timeout=1)
        try:
            tg.push_text(CHAT, "/start", first_name="Lan")
            hello = await tg.wait_for(lambda m: m.chat_id == CHAT and "Xin chào Lan!" in m.text, timeout=5)
            assert hello.buttons == [[("Việc của tôi", "tasks")]]

            tg.push_text(CHAT, "nộp báo cáo <quý> & tổng kết")
            echo_msg = await tg.wait_for("Bạn nói:", timeout=5)
            assert echo_msg.plain_text == "Bạn nói: nộp báo cáo <quý> & tổng kết"
            assert echo_msg.reply_to_message_id is None

            tg.push_callback(CHAT, "tasks", message_id=hello.message_id)
            edit = await tg.wait_for(lambda m: m.is_edit and m.message_id == hello.message_id, timeout=5)
            assert edit.plain_text == "Bạn chọn: tasks" and edit.buttons == []
            await tg.wait_idle(quiet=0.2, timeout=5)
            assert tg.callback_answers[-1]["text"] == "Đang tải…"

            # a stale button: PTB sees an InaccessibleMessage, editing it fails like on Telegram
            tg.push_callback(CHAT, "stale", message_id=9999)
            await tg.wait_idle(quiet=0.2, timeout=5)
            assert seen_errors and "message to edit not found" in seen_errors[-1].lower()
            assert [c.method for c in tg.calls if c.method != "getUpdates"][:2] == ["getMe", "deleteWebhook"]
        finally:
            await app.updater.stop()
            await app.stop()
    # every update was confirmed by the final getUpdates(offset=...) PTB makes on stop
    assert tg.pending_updates == []


async def test_any_chat_fault_latency_and_group_push(tg, api):
    tg.fail_next(None, status=500, description="Internal Server Error", methods={"sendMessage", "editMessageText"})
    status, body = await call(api, "sendMessage", chat_id=31337, text="x")
    assert (status, body["description"]) == (500, "Internal Server Error")

    tg.latency = 0.3
    task = asyncio.create_task(call(api, "sendMessage", chat_id=CHAT, text="chậm"))
    await asyncio.sleep(0.1)
    with pytest.raises(asyncio.TimeoutError):  # a call in flight is not idle
        await tg.wait_idle(quiet=0.05, timeout=0.1)
    assert (await task)[0] == 200
    tg.latency = 0.0

    upd = tg.push_text(GROUP, "/baocao@nhacviec_test_bot", user_id=55, first_name="Hùng")
    msg = upd["message"]
    assert msg["chat"]["type"] == "group" and msg["from"]["id"] == 55 and msg["from"]["first_name"] == "Hùng"
    status, body = await call(api, "sendMessage", chat_id=GROUP, text="trả lời", reply_to_message_id=msg["message_id"])
    assert status == 200 and body["result"]["reply_to_message"]["message_id"] == msg["message_id"]
    assert tg.sent[-1].reply_to_message_id == msg["message_id"]
    status, body = await call(api, "sendMessage", chat_id=GROUP, text="x", reply_parameters={"message_id": 999})
    assert body["description"] == "Bad Request: message to be replied not found"
    assert tg.internal_errors == []
