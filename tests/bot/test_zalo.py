"""The Zalo channel over real HTTP: the client against the fake Zalo Bot API, the
official's whole loop through the real adapter and long polling (numbered menus
instead of buttons), outbox pushes through ZaloSender and the dispatcher, and a
person bound on both channels."""
from __future__ import annotations

import asyncio
import logging
import os
import re
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlmodel import select

from bot.zalo import (
    MAX_MESSAGE,
    MenuStore,
    ZaloAdapter,
    ZaloApiError,
    ZaloClient,
    ZaloSender,
    render,
    result_of,
    split_text,
    update_key,
)
from conftest import TODAY, add_task
from fakes.zalo_server import FakeZalo
from helpers import stop_process, zalo_exchange
from locales import Translator
from presentation.messages import Button, Incoming, Reply, payload
from reminders.dispatcher import Dispatcher
from storage.crud import outbox
from storage.db import Database
from storage.models import ChatBinding, ExtensionRequest, Outbox, Person, ProgressReport, Task


@pytest.fixture
async def zalo():
    fake = FakeZalo()
    await fake.start()
    yield fake
    await fake.stop()


@pytest.fixture
def menus(db):
    return MenuStore(db)


@pytest.fixture
async def bot(assistant, zalo, menus):
    adapter = ZaloAdapter(assistant, ZaloClient(zalo.token, zalo.url), menus=menus, poll_timeout=1)
    await adapter.start()
    yield adapter
    await adapter.stop()
    assert not zalo.internal_errors




def option(text: str, label: str, nth: int = 0) -> str:
    """The number shown before `label` in a numbered menu (the nth occurrence)."""
    found = re.findall(r"\[(\d+)\] ([^\[\n]*)", text)
    numbers = [n for n, shown in found if label in shown]
    assert len(numbers) > nth, f"{label!r} not in menu: {found}"
    return numbers[nth]


# --------------------------------------------------------------------------- client


async def test_client_methods_envelope_and_errors(zalo, caplog):
    caplog.set_level(logging.DEBUG)
    caplog.set_level(logging.DEBUG, logger="httpx")  # configure_logging (another test) may have raised it
    async with ZaloClient(zalo.token, zalo.url) as client:
        me = await client.get_me()
        assert me["account_name"] == "bot.nhacviec"
        sent = await client.send_message("u1", "Xin chào")
        assert sent["message_id"] and zalo.sent[-1].text == "Xin chào"
        await client.send_photo("u1", "https://example.org/a.png", caption="Biểu đồ")
        assert zalo.sent[-1].photo == "https://example.org/a.png" and zalo.sent[-1].text == "Biểu đồ"
        assert await client.send_chat_action("u1") is True and zalo.chat_actions == [("u1", "typing")]

        # webhooks: the secret is checked before any call; the server wants https
        with pytest.raises(ValueError):
            await client.set_webhook("https://nhacviec.example/zalo/webhook", "short")
        with pytest.raises(ZaloApiError) as err:
            await client.set_webhook("http://nhacviec.example/zalo/webhook", "s3cret-s3cret")
        assert err.value.error_code == 400
        info = await client.set_webhook("https://nhacviec.example/zalo/webhook", "s3cret-s3cret")
        assert info["url"] == (await client.get_webhook_info())["url"] == "https://nhacviec.example/zalo/webhook"
        assert zalo.webhook_secret == "s3cret-s3cret"
        assert (await client.delete_webhook())["url"] == "" and zalo.webhook_url == ""

        # long polling: one update per call; none within the timeout is no update
        assert await client.get_updates(timeout=0) == []
        zalo.push_text("u1", "một")
        zalo.push_text("u1", "hai")
        assert [u["message"]["text"] for u in await client.get_updates(timeout=0)] == ["một"]
        assert [u["message"]["text"] for u in await client.get_updates(timeout=0)] == ["hai"]

        # API errors keep their code, description and retry_after
        zalo.fail_next("sendMessage", 429, "Too Many Requests", retry_after=7)
        with pytest.raises(ZaloApiError) as err:
            await client.send_message("u1", "x")
        assert (err.value.error_code, err.value.retry_after, err.value.transient) == (429, 7, True)
        with pytest.raises(ZaloApiError) as err:
            await client.send_message("u1", "x" * (MAX_MESSAGE + 1))
        assert err.value.error_code == 400 and not err.value.transient
        zalo.fail_next("sendMessage", 502, "Bad Gateway", html=True)  # a proxy's page, not JSON
        with pytest.raises(ZaloApiError) as err:
            await client.send_message("u1", "x")
        assert err.value.error_code == 502 and err.value.transient

    # a wrong token, and a server that is gone
    async with ZaloClient("999:" + "w" * 30, zalo.url) as wrong:
        with pytest.raises(ZaloApiError) as err:
            await wrong.get_me()
        assert err.value.error_code == 401
    port = zalo.port
    await zalo.stop()
    async with ZaloClient(zalo.token, f"http://127.0.0.1:{port}") as gone:
        with pytest.raises(ZaloApiError) as err:
            await gone.send_message("u1", "x")
        assert err.value.error_code == 0 and err.value.transient
        assert zalo.token not in str(err.value) and zalo.token not in repr(gone)
    # httpx logged every request (at INFO): never with the token
    assert "sendMessage" in caplog.text
    assert zalo.token not in caplog.text and zalo.token.split(":")[1] not in caplog.text


def test_updates_become_incoming_messages():
    to = ZaloAdapter.to_incoming
    text = {"event_name": "message.text.received",
            "message": {"message_id": "m1", "date": 1, "text": "/nhiemvu",
                        "from": {"id": "a1b2", "display_name": "Trần Thị Bình", "is_bot": False},
                        "chat": {"id": "a1b2", "chat_type": "PRIVATE"}}}
    inc = to(text)
    assert (inc.channel, inc.chat_id, inc.user_id, inc.display_name, inc.text, inc.message_id) == \
        ("zalo", "a1b2", "a1b2", "Trần Thị Bình", "/nhiemvu", "m1")
    assert update_key(text) == "message.text.received:m1"
    # the webhook may wrap it; the API reference's sample has no event_name and `first_name`
    assert to({"ok": True, "result": text}).text == "/nhiemvu"
    bare = {"message": {"message_id": "m2", "text": "chào", "from": {"id": 77, "first_name": "An"},
                        "chat": {"id": 77, "chat_type": "PRIVATE"}}}
    assert (to(bare).user_id, to(bare).chat_id, to(bare).display_name) == ("77", "77", "An")
    group = {"event_name": "message.text.received",
             "message": {"message_id": "m3", "text": "/help", "from": {"id": "u9", "name": "Cường"},
                         "chat": {"id": "g42", "chat_type": "GROUP"}}}
    assert (to(group).chat_id, to(group).user_id, to(group).display_name) == ("g42", "u9", "Cường")
    image = {"event_name": "message.image.received",
             "message": {"message_id": "m4", "photo": "https://photo.zdn.vn/x.jpg", "caption": "biên bản",
                         "from": {"id": "u9"}, "chat": {"id": "u9", "chat_type": "PRIVATE"}}}
    att = to(image).attachment
    assert (att.kind, att.ref, att.mime, to(image).text) == ("photo", "https://photo.zdn.vn/x.jpg", "image/jpeg",
                                                            "biên bản")
    long_url = image | {"message": image["message"] | {"photo": "https://p.zdn.vn/" + "x" * 600}}
    assert to(long_url).attachment.ref == "zalo:m4"
    # what the assistant does not take: stickers, other events, bots, junk
    assert to({"event_name": "message.sticker.received", "message": text["message"] | {"sticker": "s"}}) is None
    assert to({"event_name": "message.unsupported.received", "message": text["message"]}) is None
    assert to({"event_name": "message.text.received",
               "message": text["message"] | {"from": {"id": "b", "is_bot": True}}}) is None
    assert to({"event_name": "message.text.received", "message": "x"}) is None
    assert to({}) is None and update_key({}) is None


def test_buttons_become_a_numbered_menu_and_long_text_is_split():
    t = Translator("vi")
    buttons = [[Button("1. ✅ Xong", "s:d:12"), Button("⏳ Đang làm", "s:p:12")],
               [Button("🔎 1", "t:12")], [Button("✖ Hủy", "x")]]
    text, options = render("Nhiệm vụ #12", buttons, t, start=2)
    assert options == ["s:d:12", "s:p:12", "t:12"]
    assert "[3] 1. ✅ Xong   [4] ⏳ Đang làm\n[5] 🔎 1" in text and "gõ số" in text
    # the cancel button is the /huy command, not a number (a number may be a dialogue's answer)
    assert "✖ Hủy: gõ /huy" in text and "[6]" not in text
    assert render("Chỉ hủy", [[Button("✖ Hủy", "x")]], Translator("en"))[1] == []
    assert "type /huy" in render("x", [[Button("✖ Cancel", "x")]], Translator("en"))[0]
    long = "\n".join(f"Dòng {i}: " + "chữ " * 30 for i in range(100))
    chunks = split_text(long)
    assert len(chunks) > 1 and all(len(c) <= MAX_MESSAGE for c in chunks)
    assert " ".join(chunks).split() == long.split()  # cut at line ends, nothing lost
    assert split_text("x" * 4500) == ["x" * 2000, "x" * 2000, "x" * 500]


def test_send_failures_map_to_dispatcher_outcomes():
    assert result_of(ZaloApiError(429, "Too Many Requests", retry_after=3)).status == "retry"
    assert result_of(ZaloApiError(429, "Too Many Requests", retry_after=3)).retry_after == 3
    assert result_of(ZaloApiError(403, "Forbidden")).status == "blocked"
    assert result_of(ZaloApiError(404, "User not found")).status == "blocked"
    assert result_of(ZaloApiError(400, "The user has blocked the bot")).status == "blocked"
    assert result_of(ZaloApiError(400, "text must be 1 to 2000 characters")).status == "bad"
    for code in (0, 401, 408, 500, 502, 503):
        assert result_of(ZaloApiError(code, "x")).status == "retry"


# --------------------------------------------------------------------------- the official's loop


async def test_official_loop_on_zalo(db, province, zalo, bot):
    u = province["units"]
    first = add_task(db, u["stc"], "Rà soát tiến độ giải ngân vốn đầu tư công", TODAY + timedelta(days=5))
    for i in range(3):
        add_task(db, u["stc"], f"Báo cáo chuyên đề {i}", TODAY + timedelta(days=10 + i))
    user = "5fa1c0de9b2e7f10a3c4"

    welcome = await zalo_exchange(zalo, bot, lambda: zalo.push_text(
        user, f"/start {province['codes']['stc_official']}", name="Nguyễn Văn An"))
    assert "Sở Tài chính" in welcome and "Nguyễn Văn An" in welcome
    with db.session() as s:
        binding = s.exec(select(ChatBinding)).one()
        assert (binding.channel, binding.user_id, binding.chat_id) == ("zalo", user, user)

    # /nhiemvu: plain text, the buttons as a numbered menu
    page = await zalo_exchange(zalo, bot, lambda: zalo.push_text(user, "/nhiemvu"))
    assert "Sở Tài chính" in page and f"#{first}" in page and "👉" in page and "<b>" not in page
    progress = option(page, "⏳ Đang làm")  # the first task's (most urgent first)
    out_of_range = await zalo_exchange(zalo, bot, lambda: zalo.push_text(user, "99"))
    assert "Không có lựa chọn số 99" in out_of_range

    # typing the number presses the button: the progress dialogue opens
    ask = await zalo_exchange(zalo, bot, lambda: zalo.push_text(user, progress))
    assert f"#{first}" in ask and "mốc hoàn thành" in ask and "/huy" in ask
    # no menu is pending now: a bare number is the dialogue's answer (and not good enough)
    vague_number = await zalo_exchange(zalo, bot, lambda: zalo.push_text(user, "15"))
    assert "chưa được chấp nhận" in vague_number and "Không có lựa chọn" not in vague_number
    vague = await zalo_exchange(zalo, bot, lambda: zalo.push_text(user, "đang triển khai"))
    assert "còn thiếu" in vague and vague.count("/huy") == 1
    ok = await zalo_exchange(zalo, bot, lambda: zalo.push_text(
        user, "đang triển khai, dự kiến xong 18/5/2026, sản phẩm: dự thảo kế hoạch giải ngân"))
    assert "Đã ghi nhận báo cáo tiến độ" in ok

    # an extension request with a date, then the reason
    page = await zalo_exchange(zalo, bot, lambda: zalo.push_text(user, "/nhiemvu"))
    extend = option(page, "📅 Xin gia hạn")
    ask = await zalo_exchange(zalo, bot, lambda: zalo.push_text(user, extend))
    assert "gia hạn" in ask
    asked_reason = await zalo_exchange(zalo, bot, lambda: zalo.push_text(user, "30/6/2026"))
    assert "30/06/2026" in asked_reason and "lý do" in asked_reason
    saved = await zalo_exchange(zalo, bot, lambda: zalo.push_text(
        user, "Chờ ý kiến thẩm định của Bộ Kế hoạch và Đầu tư"))
    assert "Đã gửi đề nghị gia hạn" in saved and "30/06/2026" in saved

    # the detail view's own menu, and going back to the list from it
    page = await zalo_exchange(zalo, bot, lambda: zalo.push_text(user, "/nhiemvu"))
    detail = await zalo_exchange(zalo, bot, lambda: zalo.push_text(user, option(page, "🔎 1")))
    assert f"#{first}" in detail and "30/06/2026" in detail
    back = await zalo_exchange(zalo, bot, lambda: zalo.push_text(user, option(detail, "◀ Danh sách")))
    assert "Sở Tài chính" in back and "👉" in back

    with db.session() as s:
        reports = s.exec(select(ProgressReport).order_by(ProgressReport.id)).all()
        assert [(r.kind, r.accepted) for r in reports] == [("progress", False), ("progress", True)]
        assert reports[1].task_id == first
        request = s.exec(select(ExtensionRequest)).one()
        assert request.task_id == first and request.requested_deadline.isoformat() == "2026-06-30"
    assert all(len(m.text) <= MAX_MESSAGE for m in zalo.sent)


async def test_stranger_is_refused_and_odd_updates_are_ignored(db, province, zalo, bot):
    add_task(db, province["units"]["syt"], "Kế hoạch khám sức khỏe định kỳ", TODAY)
    refused = await zalo_exchange(zalo, bot, lambda: zalo.push_text("la-la", "/nhiemvu"))
    assert "chưa được đăng ký" in refused and "Kế hoạch" not in refused
    assert "Kế hoạch" not in await zalo_exchange(zalo, bot, lambda: zalo.push_text("la-la", "1"))
    # a sticker gets no answer and does not stop polling; a photo from a stranger is refused
    zalo.push_sticker("la-la")
    photo = zalo.host_file("a.jpg", b"\xff\xd8\xff jpeg")
    assert "chưa được đăng ký" in await zalo_exchange(zalo, bot, lambda: zalo.push_image("la-la", photo))
    welcome = await zalo_exchange(zalo, bot, lambda: zalo.push_text("ok-1", f"/start {province['codes']['syt_official']}"))
    assert "Sở Y tế" in welcome


async def test_photo_sent_as_a_report_attachment(db, province, zalo, bot):
    task = add_task(db, province["units"]["stc"], "Nộp biên bản kiểm tra", TODAY + timedelta(days=2))
    user = "ph0t0"
    await zalo_exchange(zalo, bot, lambda: zalo.push_text(user, f"/start {province['codes']['stc_official']}"))
    page = await zalo_exchange(zalo, bot, lambda: zalo.push_text(user, "/nhiemvu"))
    await zalo_exchange(zalo, bot, lambda: zalo.push_text(user, option(page, "✅ Xong")))
    url = zalo.host_file("bien-ban.jpg", b"\xff\xd8\xff jpeg bytes")
    thanks = await zalo_exchange(zalo, bot, lambda: zalo.push_image(user, url, caption="Biên bản kiểm tra số 15/BB"))
    assert "hoàn thành" in thanks
    with db.session() as s:
        report = s.exec(select(ProgressReport)).one()
        assert (report.task_id, report.kind, report.attachment_ref) == (task, "done", url)


async def test_files_notices_and_edits_degrade(assistant, zalo, menus):
    published = []

    async def publish(name: str, content: bytes) -> str:
        published.append(name)
        return zalo.host_file(name, content)

    async with ZaloClient(zalo.token, zalo.url) as client:
        plain = ZaloAdapter(assistant, client, menus=menus)
        await plain.deliver("c1", [Reply("Biểu đồ tiến độ", file=("bieu-do.png", b"\x89PNG")),
                                   Reply("", notice="Đã hủy"), Reply("Trang 2", edit=True, lang="en")])
        texts = [m.text for m in zalo.messages_to("c1")]
        assert "Biểu đồ tiến độ" in texts[0] and "bieu-do.png" in texts[0] and "Telegram" in texts[0]
        assert texts[1:] == ["Đã hủy", "Trang 2"] and not any(m.photo for m in zalo.sent)
        # with a way to publish files, an image goes as a photo with its caption
        with_urls = ZaloAdapter(assistant, client, menus=menus, publish=publish)
        await with_urls.deliver("c2", [Reply("Biểu đồ", file=("bieu-do.png", b"\x89PNG")),
                                       Reply("Bảng", file=("bang.xlsx", b"PK"))])
        photo, table = zalo.messages_to("c2")
        assert photo.method == "sendPhoto" and photo.photo.endswith("/files/bieu-do.png") and photo.text == "Biểu đồ"
        assert table.method == "sendMessage" and "bang.xlsx" in table.text and published == ["bieu-do.png"]
        # the menu hint is in the reader's language
        await plain.deliver("c3", [Reply("Tasks", buttons=[[Button("✅ Done", "s:d:1")]], lang="en")])
        assert "Reply by typing a number" in zalo.messages_to("c3")[0].text
        assert menus.get("c3").options == ("s:d:1",) and menus.get("c1") is None


def text_update(user: str, text: str, n: int) -> dict:
    return {"event_name": "message.text.received",
            "message": {"message_id": f"{user}-{n}", "date": 0, "text": text,
                        "from": {"id": user, "display_name": "Cán bộ"}, "chat": {"id": user, "chat_type": "PRIVATE"}}}


async def test_updates_of_one_chat_are_answered_in_order(db, province, assistant, zalo, menus):
    """Webhook style: many updates handled at once; each chat's in the order they came."""
    codes = [province["codes"][k] for k in ("stc_official", "sxd_official", "syt_official")]
    steps = ["/start {code}", "/lang en", "/help", "/lang vi"]
    updates = [text_update(f"c{i}", step.format(code=code), n)
               for n, step in enumerate(steps) for i, code in enumerate(codes)]
    async with ZaloClient(zalo.token, zalo.url) as client:
        adapter = ZaloAdapter(assistant, client, menus=menus)
        await asyncio.gather(*(adapter.handle_update(u) for u in updates))
    for i in range(3):
        texts = [m.text for m in zalo.messages_to(f"c{i}")]
        assert len(texts) == 4
        assert "Sở" in texts[0] and texts[1] == "Switched to English." and texts[2].startswith("Commands")
        assert texts[3] == "Đã chuyển sang tiếng Việt."


async def test_polling_survives_errors_and_stops_promptly(db, province, assistant, zalo, menus):
    zalo.fail_next("getUpdates", 502, "Bad Gateway", html=True)
    adapter = ZaloAdapter(assistant, ZaloClient(zalo.token, zalo.url), menus=menus, poll_timeout=30)
    await adapter.start()
    try:
        welcome = await zalo_exchange(zalo, adapter, lambda: zalo.push_text(
            "u-err", f"/start {province['codes']['sxd_official']}"))
        assert "Sở Xây dựng" in welcome
        # the reply fails twice with 5xx/429 and still arrives
        zalo.fail_next("sendMessage", 503, times=1)
        zalo.fail_next("sendMessage", 429, retry_after=1, times=1)
        assert "/nhiemvu" in await zalo_exchange(zalo, adapter, lambda: zalo.push_text("u-err", "/help"))
        # a blocked user: nothing delivered, nothing crashes
        zalo.block_user("u-err")
        zalo.push_text("u-err", "/help")
        await asyncio.sleep(0.3)
    finally:
        loop = asyncio.get_running_loop()
        began = loop.time()
        await adapter.stop()  # while a 30 s long poll is open
        assert loop.time() - began < 3
    assert len(zalo.calls_to("deleteWebhook")) == 1


# --------------------------------------------------------------------------- outbox pushes


def bind(db, unit_id: int, channels: dict[str, str], role: str = "official", **kw) -> int:
    with db.session() as s:
        person = Person(full_name="Lê Minh Châu", unit_id=unit_id, role=role, **kw)
        s.add(person)
        s.flush()
        for i, (channel, chat_id) in enumerate(channels.items()):
            s.add(ChatBinding(person_id=person.id, channel=channel, user_id=chat_id, chat_id=chat_id,
                              last_seen_at=datetime.now(UTC) - timedelta(hours=i)))
        return person.id


def push(db, key: str, chat_id: str, person_id: int, text: str, buttons=None, task_id=None) -> None:
    with db.session() as s:
        outbox.enqueue(s, [{"key": key, "channel": "zalo", "chat_id": chat_id, "person_id": person_id,
                            "task_id": task_id, "kind": "reminder", "payload": payload(text, buttons)}])


async def test_outbox_push_through_zalo_sender_and_its_menu(db, province, zalo, bot, menus):
    u = province["units"]
    task = add_task(db, u["stc"], "Tổng hợp báo cáo quý", TODAY + timedelta(days=1))
    person = bind(db, u["stc"], {"zalo": "z-push"})
    blocked = bind(db, u["stc"], {"zalo": "z-gone"})
    office = bind(db, u["office"], {"zalo": "z-office"}, role="office")
    t = Translator("vi")
    from presentation.render import task_buttons
    push(db, "r1", "z-push", person, f"⏰ Nhiệm vụ #{task} còn 1 ngày", [task_buttons(t, task)], task)
    push(db, "r2", "z-push", person, "Dòng dài\n" * 400)  # 3,600 characters: two messages
    push(db, "r3", "z-gone", blocked, "Nhắc việc")
    zalo.block_user("z-gone")
    zalo.fail_next("sendMessage", 429, retry_after=1, chat_id="z-push")

    sender = ZaloSender(zalo.token, zalo.url, db=db)
    await sender.start()
    try:
        dispatcher = Dispatcher(db, {"zalo": sender})
        stats = await dispatcher.drain(max_wait=8)
    finally:
        await sender.stop()
    assert stats.sent >= 3 and stats.blocked == 1
    texts = [m.text for m in zalo.messages_to("z-push")]
    assert len(texts) == 3 and all(len(x) <= MAX_MESSAGE for x in texts)
    reminder = next(x for x in texts if f"#{task}" in x)
    assert "[1]" in reminder and "👉" in reminder
    with db.session() as s:
        assert {r.key: r.status for r in s.exec(select(Outbox)).all() if r.key.startswith("r")} == \
            {"r1": "sent", "r2": "sent", "r3": "blocked"}
        gone = s.exec(select(ChatBinding).where(ChatBinding.chat_id == "z-gone")).one()
        assert gone.active is False
        # the office is told, on its own channel
        notice = s.exec(select(Outbox).where(Outbox.kind == "notice")).one()
        assert (notice.channel, notice.chat_id, notice.person_id) == ("zalo", "z-office", office)

    # the person answers on Zalo as usual
    page = await zalo_exchange(zalo, bot, lambda: zalo.push_text("z-push", "/nhiemvu"))
    ask = await zalo_exchange(zalo, bot, lambda: zalo.push_text("z-push", option(page, "⚠️ Vướng mắc")))
    assert f"#{task}" in ask and "vướng mắc" in ask.lower()


async def test_a_reminder_number_opens_the_dialogue(db, database_url, province, zalo, bot, menus):
    u = province["units"]
    task = add_task(db, u["stc"], "Kiểm tra hồ sơ dự án", TODAY + timedelta(days=3))
    person = bind(db, u["stc"], {"zalo": "z-rem"})
    from presentation.render import task_buttons
    push(db, "rem", "z-rem", person, f"⏰ Nhiệm vụ #{task}", [task_buttons(Translator("vi"), task)], task)
    # The dispatcher runs in another process: its own engine; the menu it sent is in the database.
    dispatcher_db = Database(database_url)
    sender = ZaloSender(zalo.token, zalo.url, db=dispatcher_db)
    await sender.start()
    try:
        await Dispatcher(dispatcher_db, {"zalo": sender}).drain(max_wait=2)
    finally:
        await sender.stop()
        dispatcher_db.dispose()
    reminder = zalo.messages_to("z-rem")[-1].text
    ask = await zalo_exchange(zalo, bot, lambda: zalo.push_text("z-rem", option(reminder, "⏳ Đang làm")))
    assert f"#{task}" in ask and "mốc hoàn thành" in ask


async def test_person_bound_on_both_channels_chooses_where_pushes_go(db, province, zalo, bot):
    u = province["units"]
    person = bind(db, u["stc"], {"zalo": "z-both", "telegram": "4242"})
    shown = await zalo_exchange(zalo, bot, lambda: zalo.push_text("z-both", "/kenh"))
    assert "kênh anh/chị dùng gần nhất" in shown and "Zalo" in shown and "Telegram" in shown
    assert "/kenh tatca" in shown and "<" not in shown
    assert "tất cả" in await zalo_exchange(zalo, bot, lambda: zalo.push_text("z-both", "/kenh tất cả"))
    with db.session() as s:
        assert s.get(Person, person).push_channels == "all"
    assert "Không hiểu" in await zalo_exchange(zalo, bot, lambda: zalo.push_text("z-both", "/kenh hai"))
    # the same person on Telegram: same settings, English alias
    replies = bot.assistant.handle(Incoming(channel="telegram", chat_id="4242", user_id="4242", text="/channels last"))
    assert "gần nhất" in replies[0].text
    with db.session() as s:
        assert s.get(Person, person).push_channels == "last"
        seen = s.exec(select(ChatBinding).where(ChatBinding.person_id == person)).all()
        assert {b.channel for b in seen} == {"zalo", "telegram"}


# --------------------------------------------------------------------------- nhacviec run


async def test_run_with_zalo_only(db, database_url, province, zalo):
    env = {k: v for k, v in os.environ.items() if k not in ("TELEGRAM_BOT_TOKEN", "ZALO_BOT_TOKEN")}
    env |= {"DATABASE_URL": database_url, "TZ": "Asia/Ho_Chi_Minh"}
    cwd = Path(__file__).parents[2]
    missing = await asyncio.create_subprocess_exec(sys.executable, "-m", "bot.cli", "run", env=env, cwd=cwd,
                                                   stderr=asyncio.subprocess.PIPE,
                                                   stdout=asyncio.subprocess.DEVNULL)
    _, err = await missing.communicate()
    assert missing.returncode == 2 and "ZALO_BOT_TOKEN" in err.decode()

    env |= {"ZALO_BOT_TOKEN": zalo.token, "ZALO_API_URL": zalo.url}
    proc = await asyncio.create_subprocess_exec(sys.executable, "-m", "bot.cli", "run", env=env, cwd=cwd,
                                                stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    try:
        zalo.push_text("z-run", f"/start {province['codes']['sxd_official']}", name="Phạm Thu")
        welcome = await zalo.wait_for("Sở Xây dựng", chat_id="z-run", timeout=40)
        assert "Phạm Thu" in welcome.text
    finally:
        await stop_process(proc)
    out, err = await proc.communicate()
    assert proc.returncode == 0, err.decode()[-2000:]
    assert "Zalo" in out.decode() and zalo.token not in out.decode() + err.decode()


async def test_review_flow_with_numbered_menus(db, province, zalo, bot, menus):
    """Done means a product and the office's review, on Zalo: the buttons are numbered
    choices, the pushed completion shows the unit's photo again."""
    task = add_task(db, province["units"]["stc"], "Lập biên bản kiểm tra an toàn thực phẩm", TODAY + timedelta(days=3))
    unit_user, office_user = "z-unit", "z-vp"
    await zalo_exchange(zalo, bot, lambda: zalo.push_text(unit_user, f"/start {province['codes']['stc_official']}"))
    await zalo_exchange(zalo, bot, lambda: zalo.push_text(office_user, f"/start {province['codes']['office']}"))
    page = await zalo_exchange(zalo, bot, lambda: zalo.push_text(unit_user, "/nhiemvu"))
    await zalo_exchange(zalo, bot, lambda: zalo.push_text(unit_user, option(page, "✅ Xong")))
    refused = await zalo_exchange(zalo, bot, lambda: zalo.push_text(unit_user, "đã có dự thảo biên bản"))
    assert "Chưa ghi nhận hoàn thành" in refused and "dự thảo" in refused
    ask = await zalo_exchange(zalo, bot, lambda: zalo.push_text(unit_user, option(refused, "Ghi nhận là tiến độ")))
    assert "Dự kiến hoàn thành" in ask
    saved = await zalo_exchange(zalo, bot, lambda: zalo.push_text(unit_user, "16/5/2026"))
    assert "Đã ghi nhận báo cáo tiến độ" in saved and "16/05/2026" in saved

    page = await zalo_exchange(zalo, bot, lambda: zalo.push_text(unit_user, "/nhiemvu"))
    await zalo_exchange(zalo, bot, lambda: zalo.push_text(unit_user, option(page, "✅ Xong")))
    url = zalo.host_file("bien-ban.jpg", b"\xff\xd8\xff jpeg bytes")
    submitted = await zalo_exchange(zalo, bot, lambda: zalo.push_image(unit_user, url, caption="Biên bản kiểm tra số 15/BB"))
    assert "chờ Văn phòng đánh giá" in submitted

    sender = ZaloSender(zalo.token, zalo.url, db=db)
    await sender.start()
    try:
        await Dispatcher(db, {"zalo": sender}).drain(max_wait=5)
        to_office = zalo.messages_to(office_user)
        assert any(m.method == "sendPhoto" for m in to_office)
        notice = to_office[-1].text
        assert "15/BB" in notice and "[1]" in notice
        ask = await zalo_exchange(zalo, bot, lambda: zalo.push_text(office_user, option(notice, "↩️ Trả lại")))
        assert "lý do" in ask
        done = await zalo_exchange(zalo, bot, lambda: zalo.push_text(office_user, "Biên bản thiếu chữ ký của đoàn kiểm tra"))
        assert "Đã trả lại" in done
        await Dispatcher(db, {"zalo": sender}).drain(max_wait=5)
    finally:
        await sender.stop()
    told = zalo.messages_to(unit_user)[-1].text
    assert "thiếu chữ ký" in told and "✅ Xong" in told  # open again, its buttons numbered
    with db.session() as s:
        assert s.get(Task, task).status == "in_progress"


async def test_coordinators_and_milestones_on_zalo_menus(db, province, zalo, bot):
    """Issue 15 on Zalo: "Chưa nhận được ý kiến phối hợp" and "📅 Xin gia hạn" after a
    milestone past the deadline are numbered options like every button."""
    u = province["units"]
    task_id = add_task(db, u["stc"], "Lập đề án cấp nước sạch", TODAY + timedelta(days=6), coordinators=[u["sxd"]],
                       coordinator_deadline=TODAY - timedelta(days=1))
    user = "7ab2c0de9b2e7f10a3c5"
    await zalo_exchange(zalo, bot, lambda: zalo.push_text(user, f"/start {province['codes']['stc_official']}"))
    detail = await zalo_exchange(zalo, bot, lambda: zalo.push_text(user, f"/nhiemvu {task_id}"))
    assert "Phối hợp không đúng hạn: Sở Xây dựng" in detail
    chased = await zalo_exchange(zalo, bot, lambda: zalo.push_text(user, option(detail, "Chưa nhận được ý kiến phối hợp")))
    assert "Đã nhắc Sở Xây dựng" in chased

    detail = await zalo_exchange(zalo, bot, lambda: zalo.push_text(user, f"/nhiemvu {task_id}"))
    ask = await zalo_exchange(zalo, bot, lambda: zalo.push_text(user, option(detail, "⏳ Đang làm")))
    refused = await zalo_exchange(zalo, bot, lambda: zalo.push_text(
        user, "Đã có dự thảo đề án, sản phẩm: dự thảo đề án, dự kiến hoàn thành 30/6/2026"))
    assert "sau thời hạn" in refused and ask
    extension = await zalo_exchange(zalo, bot, lambda: zalo.push_text(user, option(refused, "📅 Xin gia hạn")))
    assert "gia hạn" in extension
