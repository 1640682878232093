"""Issue 19, findings 1, 2 and 4 at the door: malformed and mistyped webhook bodies get
a 4xx and no traceback (Telegram and Zalo alike), edits are not re-run, group chats get
only a pointer to the private chat; and a bounded, seeded fuzz over both webhooks.

Real uvicorn, real HTTP, the fake Bot APIs (helpers in tests/webhooks.py)."""
from __future__ import annotations

import copy
import json
import logging
import random

import httpx
import pytest
from sqlmodel import select

from conftest import TODAY, add_task
from storage.models import ChatBinding, ProcessedUpdate
from webhooks import ZALO_HEADER, fake_servers, live, post, settings_for, text_update, zalo_update

fake, zalo = fake_servers()


def tracebacks(caplog) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.exc_info or r.levelno >= logging.ERROR]


def processed_ids(db) -> list[str]:
    with db.session() as s:
        return sorted(s.exec(select(ProcessedUpdate.update_id)).all())


@pytest.fixture
async def both(db, assistant, database_url, fake, zalo):
    async with live(db, assistant, settings_for(database_url, fake, zalo)) as server:
        yield server


# ----------------------------------------------------------------------------- 1. the decoder bomb


async def test_a_deeply_nested_body_is_400_not_500(db, fake, zalo, both, caplog):
    bomb = b'{"update_id": 8, "x": ' + b"[" * 100000 + b"]" * 100000 + b"}"
    zbomb = b'{"event_name": "message.text.received", "x": ' + b"{\"a\":" * 50000 + b"1" + b"}" * 50000 + b"}"
    async with httpx.AsyncClient() as client:
        r = await post(client, f"{both.url}/telegram/webhook", bomb)
        rz = await post(client, f"{both.url}/zalo/webhook", zbomb, header=ZALO_HEADER)
        # Brackets inside a text do not count as nesting: a normal message still passes.
        fine = text_update(9, 801, "/help " + "[" * 300)
        ok = await post(client, f"{both.url}/telegram/webhook", fine, telegram=fake)
        await both.settle()
    assert r.status_code == 400 and rz.status_code == 400
    assert ok.status_code == 200
    assert tracebacks(caplog) == []
    assert processed_ids(db) == ["9"]


# ----------------------------------------------------------------------------- 2. wrong types


def _with(update: dict, path: tuple, value) -> dict:
    update = copy.deepcopy(update)
    node = update
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    return update


TELEGRAM_MISTYPED = [
    (("message", "text"), 12345),
    (("message", "text"), {"a": 1}),
    (("message", "chat", "id"), "abc"),
    (("message", "chat", "id"), 10**30),
    (("message", "from", "id"), 10**30),
    (("message", "from", "first_name"), ["x"]),
    (("message", "message_id"), "7"),
    (("update_id",), 2**64),
]


@pytest.mark.parametrize("path,value", TELEGRAM_MISTYPED, ids=[f"{'.'.join(p)}={v!r:.20}" for p, v in TELEGRAM_MISTYPED])
async def test_a_mistyped_telegram_update_is_400_and_never_handled(db, fake, both, caplog, path, value):
    bad = _with(text_update(10, 802, "/help"), path, value)
    async with httpx.AsyncClient() as client:
        r = await post(client, f"{both.url}/telegram/webhook", bad)
        await both.settle()
    assert r.status_code == 400, r.text
    assert tracebacks(caplog) == [] and processed_ids(db) == [] and fake.sent == []


async def test_a_mistyped_button_press_or_document_is_400(db, fake, both, caplog):
    press = fake.push_callback(803, "t:1", message_id=5)
    docs = text_update(12, 803, "")
    del docs["message"]["text"]
    docs["message"]["document"] = {"file_id": 5, "file_unique_id": "u"}
    bad = [_with(press, ("callback_query", "data"), 7), _with(press, ("callback_query", "id"), None),
           _with(press, ("callback_query", "from", "id"), "me"), docs]
    async with httpx.AsyncClient() as client:
        codes = [(await post(client, f"{both.url}/telegram/webhook", body)).status_code for body in bad]
        await both.settle()
    assert codes == [400] * len(bad)
    assert tracebacks(caplog) == [] and fake.sent == []


async def test_a_body_not_in_utf8_is_400(db, fake, zalo, both):
    update = json.dumps(text_update(13, 804, "/help"), ensure_ascii=False)
    async with httpx.AsyncClient() as client:
        for encoding in ("utf-16", "utf-32", "utf-16-le"):
            r = await post(client, f"{both.url}/telegram/webhook", update.encode(encoding))
            assert r.status_code == 400, encoding
        z = json.dumps(zalo_update("m1", "z1", "/help"), ensure_ascii=False).encode("utf-16")
        assert (await post(client, f"{both.url}/zalo/webhook", z, header=ZALO_HEADER)).status_code == 400
    assert processed_ids(db) == []


async def test_an_edited_message_is_acknowledged_and_not_run_again(db, province, fake, both, caplog):
    add_task(db, province["units"]["stc"], "Rà soát vốn đầu tư công", TODAY)
    url = f"{both.url}/telegram/webhook"
    async with httpx.AsyncClient() as client:
        await post(client, url, text_update(20, 805, f"/start {province['codes']['stc_official']}"), telegram=fake)
        await post(client, url, text_update(21, 805, "/nhiemvu"), telegram=fake)
        await both.settle()
        await fake.wait_for_count(805, 2)
        edited = text_update(22, 805, "/nhiemvu")
        message = edited.pop("message")
        edited["edited_message"] = message | {"edit_date": message["date"] + 5}
        r = await post(client, url, edited, telegram=fake)
        await both.settle()
    assert r.status_code == 200 and r.json()["result"] == "ignored"
    await fake.wait_idle()
    assert len(fake.messages_to(805)) == 2
    assert tracebacks(caplog) == []


ZALO_MISTYPED = [
    (("message", "text"), 12345),
    (("message", "text"), {"a": 1}),
    (("message", "from", "id"), {"x": 1}),
    (("message", "from", "display_name"), 5),
    (("message", "chat", "id"), ["a"]),
    (("message", "message_id"), {"id": 1}),
    (("message", "from", "id"), "x" * 200),
    (("message", "from", "id"), 10**30),
]


@pytest.mark.parametrize("path,value", ZALO_MISTYPED, ids=[f"{'.'.join(p)}={v!r:.20}" for p, v in ZALO_MISTYPED])
async def test_a_mistyped_zalo_update_is_400(db, zalo, both, caplog, path, value):
    async with httpx.AsyncClient() as client:
        r = await post(client, f"{both.url}/zalo/webhook", _with(zalo_update("m2", "z2", "/help"), path, value),
                       header=ZALO_HEADER)
        enveloped = {"ok": True, "result": _with(zalo_update("m3", "z2", "/help"), path, value)}
        r2 = await post(client, f"{both.url}/zalo/webhook", enveloped, header=ZALO_HEADER)
        await both.settle()
    assert (r.status_code, r2.status_code) == (400, 400)
    assert tracebacks(caplog) == [] and zalo.sent == []


# ----------------------------------------------------------------------------- 4. group chats


def group_update(update_id: int, user: int, group: int, text: str) -> dict:
    update = text_update(update_id, user, text)
    update["message"]["chat"] = {"id": group, "type": "supergroup", "title": "Giao ban"}
    return update


async def test_in_a_group_the_bot_points_to_the_private_chat_and_the_binding_stays(db, province, fake, both):
    add_task(db, province["units"]["stc"], "Rà soát vốn đầu tư công bí mật", TODAY)
    url = f"{both.url}/telegram/webhook"
    group = -100123
    async with httpx.AsyncClient() as client:
        await post(client, url, text_update(30, 806, f"/start {province['codes']['stc_official']}"), telegram=fake)
        await both.settle()
        for i, text in enumerate(["/nhiemvu", "/nhiemvu@nhacviec_bot 1", "/start ABCDEFGHJK", "xin chào"]):
            await post(client, url, group_update(31 + i, 806, group, text), telegram=fake)
        press = fake.push_callback(group, "t:1", message_id=1, user_id=806)
        await post(client, url, press, telegram=fake)
        await both.settle()
    await fake.wait_idle()
    in_group = [m.text for m in fake.messages_to(group)]
    assert len(in_group) == 4  # three commands and the button press answered; plain talk is not
    assert all("riêng" in text and "https://t.me/" in text and "bí mật" not in text and "Sở Tài chính" not in text
               for text in in_group)
    with db.session() as s:
        assert s.exec(select(ChatBinding.chat_id)).all() == ["806"]


async def test_a_zalo_group_gets_the_same_pointer(db, province, zalo, both):
    add_task(db, province["units"]["stc"], "Rà soát vốn đầu tư công bí mật", TODAY)
    url = f"{both.url}/zalo/webhook"
    code = province["codes"]["stc_official"]
    async with httpx.AsyncClient() as client:
        await post(client, url, zalo_update("g1", "z-u", f"/start {code}"), header=ZALO_HEADER)
        await both.settle()
        group = zalo_update("g2", "z-u", "/nhiemvu")
        group["message"]["chat"] = {"id": "grp-1", "chat_type": "GROUP"}
        await post(client, url, group, header=ZALO_HEADER)
        await both.settle()
    sent = await zalo.wait_for_count("grp-1", 1)
    assert "riêng" in sent[0].text and "bí mật" not in sent[0].text
    with db.session() as s:
        assert s.exec(select(ChatBinding.chat_id)).all() == ["z-u"]


# ----------------------------------------------------------------------------- fuzz


def _mutations(rng: random.Random):
    values = [None, True, 0, -1, 2**63, 10**30, 1.5, "", "x" * 5000, "\x00", "/nhiemvu", [], {}, [[[]]],
              {"id": "abc"}, "t:1", "s:d:100000000000000000000", "📅", -100123]
    keys = ["update_id", "message", "text", "chat", "id", "from", "message_id", "date", "type", "callback_query",
            "data", "edited_message", "document", "photo", "first_name", "is_bot", "event_name", "display_name",
            "chat_type", "ok", "result"]
    return values, keys


def _mutate(node, rng: random.Random, values, keys, depth: int = 0):
    if isinstance(node, dict) and node and rng.random() < 0.7:
        key = rng.choice(list(node))
        choice = rng.random()
        if choice < 0.45:
            node[key] = rng.choice(values)
        elif choice < 0.6:
            del node[key]
        elif choice < 0.75:
            node[rng.choice(keys)] = rng.choice(values)
        else:
            _mutate(node[key], rng, values, keys, depth + 1)
    return node


async def test_fuzzed_webhooks_never_500_never_trace_never_leak(db, province, fake, zalo, both, caplog):
    """300 seeded mutations of real updates (both platforms) from a bound official of one
    unit: every answer is 2xx/4xx, no traceback is logged, and no message to anyone
    names another unit's task."""
    add_task(db, province["units"]["stc"], "Nhiệm vụ của Sở Tài chính", TODAY)
    add_task(db, province["units"]["syt"], "Việc riêng của Sở Y tế", TODAY)
    rng = random.Random(19)
    values, keys = _mutations(rng)
    tg, zl = f"{both.url}/telegram/webhook", f"{both.url}/zalo/webhook"
    statuses = []
    async with httpx.AsyncClient() as client:
        await post(client, tg, text_update(1, 900, f"/start {province['codes']['stc_official']}"), telegram=fake)
        await post(client, zl, zalo_update("s1", "zf", f"/start {province['codes']['stc_official2']}"),
                   header=ZALO_HEADER)
        await both.settle()
        seeds_tg = [text_update(0, 900, "/nhiemvu"), text_update(0, 900, "/nhiemvu 2"),
                    fake.push_callback(900, "t:2", message_id=3), fake.push_callback(900, "s:d:1", message_id=3)]
        seeds_zl = [zalo_update("", "zf", "/nhiemvu"), zalo_update("", "zf", "1"),
                    {"ok": True, "result": zalo_update("", "zf", "/nhiemvu 2")}]
        for i in range(300):
            if i % 2:
                body = _mutate(copy.deepcopy(rng.choice(seeds_tg)), rng, values, keys)
                if isinstance(body, dict) and "update_id" in body and rng.random() < 0.9:
                    body["update_id"] = 1000 + i
                r = await post(client, tg, json.dumps(body).encode(), telegram=fake)
            else:
                body = copy.deepcopy(rng.choice(seeds_zl))
                inner = body.get("result", body)
                inner["message"]["message_id"] = f"f{i}"
                body = _mutate(body, rng, values, keys)
                r = await post(client, zl, json.dumps(body).encode(), header=ZALO_HEADER)
            statuses.append(r.status_code)
        await both.settle(timeout=30)
    await fake.wait_idle()
    assert all(200 <= s < 500 for s in statuses), sorted(set(statuses))
    assert statuses.count(200) > 50 and statuses.count(400) > 50  # both kinds were exercised
    assert tracebacks(caplog) == []
    texts = [m.text for m in fake.sent] + [m.text for m in zalo.sent]
    assert not [t for t in texts if "Sở Y tế" in t and "Việc riêng" in t]
