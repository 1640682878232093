"""Server mode over real HTTP: the ASGI app under uvicorn (in process, and as real
`nhacviec serve` subprocesses), the fake Telegram / Zalo Bot APIs answering the bot.

Secret checks, de-duplication of redelivered updates, malformed and oversized bodies,
/healthz, the Telegram path end to end (/start, /nhiemvu, a button), Zalo's route,
pruning, log redaction, the webhook/serve/worker commands, and two serve processes on
one PostgreSQL taking 2,000 updates (some delivered to both) answering each once."""
from __future__ import annotations

import asyncio
import json
import logging
import os
import re
import signal
import subprocess
import sys
import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

import aiohttp
import httpx
import pytest
from sqlmodel import func, select

from bot import server as server_module
from bot.app import App, configure_logging
from bot.cli import main
from bot.server import build_server
from bot.settings import Settings
from conftest import TODAY, TZ, add_task
from fakes.telegram_server import FakeTelegram
from handlers.router import Assistant
from presentation.messages import Button, Reply
from storage.crud import outbox, updates
from storage.crud import tasks as crud_tasks
from storage.db import Database
from storage.models import ChatBinding, Outbox, Person, ProcessedUpdate, Task, Unit
from webhooks import (
    SECRET,
    TG_HEADER,
    ZALO_HEADER,
    fake_servers,
    free_port,
    live,
    post,
    settings_for,
    text_update,
    zalo_update,
)

REPO = Path(__file__).resolve().parents[2]
on_postgres = pytest.mark.skipif(not os.environ.get("TEST_DATABASE_URL"), reason="needs PostgreSQL (TEST_DATABASE_URL)")


fake, zalo = fake_servers()  # the fixtures, shared with the other webhook tests


@pytest.fixture
async def tg_server(db, assistant, database_url, fake):
    async with live(db, assistant, settings_for(database_url, fake)) as server:
        yield server


def processed(db) -> int:
    with db.session() as s:
        return s.exec(select(func.count()).select_from(ProcessedUpdate)).one()


def outcome(response: httpx.Response) -> str:
    """accepted / duplicate / the Bot API method the answer carries (an accepted update
    whose reply came back in the answer)."""
    answer = response.json()
    return answer.get("method") or answer["result"]


# ----------------------------------------------------------------------------- secrets


async def test_wrong_or_missing_secret_is_refused_and_nothing_happens(db, fake, tg_server):
    url = f"{tg_server.url}/telegram/webhook"
    async with httpx.AsyncClient() as client:
        for secret in (None, "", "wrong-secret-123", SECRET + "x", SECRET[:-1]):
            r = await post(client, url, text_update(1, 501, "/help"), secret=secret)
            assert r.status_code == 401, secret
        # Zalo's header does not open Telegram's route.
        r = await post(client, url, text_update(2, 501, "/help"), header=ZALO_HEADER)
        assert r.status_code == 401
    await asyncio.sleep(0.2)
    assert processed(db) == 0 and tg_server.server.handled == 0
    assert fake.calls_to("sendMessage") == []


async def test_replayed_update_is_handled_once(db, fake, tg_server):
    url = f"{tg_server.url}/telegram/webhook"
    update = text_update(700_001, 502, "/help")
    async with httpx.AsyncClient() as client:
        first = await post(client, url, update, telegram=fake)
        # Telegram's retries, some of them concurrent with each other.
        again = await asyncio.gather(*(post(client, url, update, telegram=fake) for _ in range(5)))
        await tg_server.settle()
        later = await post(client, url, update, telegram=fake)
    assert first.status_code == 200 and outcome(first) == "sendMessage"  # the reply, in the answer
    assert {r.status_code for r in again} == {200} and {outcome(r) for r in again} == {"duplicate"}
    assert outcome(later) == "duplicate"
    await tg_server.settle()
    await fake.wait_idle()
    assert [m.chat_id for m in fake.sent] == [502]
    assert "/start" in fake.sent[0].text
    assert processed(db) == 1 and tg_server.server.handled == 1


async def test_updates_arriving_together_are_each_taken_once(db, fake, tg_server):
    # Concurrent posts are recorded in shared transactions (group commit): a new update
    # posted three times at once is still accepted once, the others once each.
    url = f"{tg_server.url}/telegram/webhook"
    batch = [text_update(700_100 + i, 510 + i, "/help") for i in range(8)]
    async with httpx.AsyncClient() as client:
        answers = await asyncio.gather(*(post(client, url, u, telegram=fake) for u in batch + batch[:1] * 2))
    results = [outcome(r) for r in answers]
    assert {r.status_code for r in answers} == {200}
    assert results.count("sendMessage") == 8 and results.count("duplicate") == 2
    await tg_server.settle()
    await fake.wait_idle()
    assert sorted(m.chat_id for m in fake.sent) == list(range(510, 518))
    assert processed(db) == 8 and tg_server.server.handled == 8


def test_record_many_returns_only_new_updates(db):
    with db.engine.begin() as conn:
        assert updates.record(conn, "telegram", "1")
        taken = updates.record_many(conn, [("telegram", "1"), ("telegram", "2"), ("zalo", "1"),
                                           ("telegram", "2")])
    assert taken == {("telegram", "2"), ("zalo", "1")}
    with db.session() as s:
        assert sorted(s.exec(select(ProcessedUpdate.channel, ProcessedUpdate.update_id)).all()) == [
            ("telegram", "1"), ("telegram", "2"), ("zalo", "1")]


async def test_malformed_bodies_are_400_and_the_server_goes_on(db, fake, tg_server):
    url = f"{tg_server.url}/telegram/webhook"
    bad = [b"{not json", b"", b"\xff\xfe\x00", "[1, 2]", "42", '"text"', "null", {"message": {"text": "/help"}},
           {"update_id": "12"}, {"update_id": True}, {"update_id": 1.5},
           {"update_id": 9, "message": "not an object"}, {"update_id": 10, "message": {"chat": 5}}]
    async with httpx.AsyncClient() as client:
        for body in bad:
            if isinstance(body, str):
                body = body.encode()
            r = await post(client, url, body)
            assert r.status_code == 400, (body, r.status_code, r.text)
        assert (await client.get(f"{tg_server.url}/healthz")).status_code == 200
        ok = await post(client, url, text_update(11, 503, "/help"), telegram=fake)
        assert ok.status_code == 200
        # Only POST is a webhook.
        assert (await client.get(url, headers={TG_HEADER: SECRET})).status_code == 405
    await tg_server.settle()
    assert processed(db) == 1
    await fake.wait_for_count(503, 1)


async def test_oversized_body_is_413_whatever_the_headers_say(db, fake, tg_server):
    url = f"{tg_server.url}/telegram/webhook"
    big = json.dumps(text_update(20, 504, "/help" + " x" * 600_000)).encode()
    assert len(big) > 1 << 20

    async def chunked():  # no Content-Length at all
        for i in range(0, len(big), 65536):
            yield big[i:i + 65536]

    async with httpx.AsyncClient() as client:
        assert (await post(client, url, big)).status_code == 413
        assert (await post(client, url, chunked())).status_code == 413
        # A Content-Length that lies (claims less than is sent): only the declared bytes
        # are the body (a truncated JSON → 400), the rest is no valid request.
        reader, writer = await asyncio.open_connection("127.0.0.1", tg_server.port)
        writer.write(b"POST /telegram/webhook HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                     + f"{TG_HEADER}: {SECRET}\r\nContent-Length: 100\r\n\r\n".encode() + big[:200_000])
        await writer.drain()
        assert (await reader.readline()).startswith(b"HTTP/1.1 400")
        writer.close()
        # The limit is the body's size, not a mere large header.
        small = await post(client, url, text_update(21, 504, "/help"))
        assert small.status_code == 200
    await tg_server.settle()
    assert processed(db) == 1


async def test_a_client_gone_mid_body_is_dropped_and_nothing_recorded(db, fake, tg_server):
    reader, writer = await asyncio.open_connection("127.0.0.1", tg_server.port)
    writer.write(b"POST /telegram/webhook HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                 + f"{TG_HEADER}: {SECRET}\r\nContent-Length: 500\r\n\r\n".encode() + b'{"update_id": 22, ')
    await writer.drain()
    writer.close()
    await writer.wait_closed()
    async with httpx.AsyncClient() as client:  # and the server goes on
        assert (await post(client, f"{tg_server.url}/telegram/webhook", text_update(23, 505, "/help"))).status_code == 200
    await tg_server.settle()
    assert processed(db) == 1


async def test_body_reader_assembles_chunks_and_refuses_past_the_limit():
    def receiver(*messages):
        queue = list(messages)
        async def receive():
            return queue.pop(0)
        return receive

    chunks = receiver({"type": "http.request", "body": b'{"a"', "more_body": True},
                      {"type": "http.request", "body": b": 1}", "more_body": False})
    assert await server_module.Body(chunks, None).read(100) == b'{"a": 1}'
    with pytest.raises(server_module.TooLarge):
        await server_module.Body(receiver(), b"101").read(100)
    with pytest.raises(server_module.TooLarge):
        await server_module.Body(receiver({"type": "http.request", "body": b"x" * 101}), None).read(100)
    with pytest.raises(server_module.Disconnected):
        await server_module.Body(receiver({"type": "http.request", "body": b"{", "more_body": True},
                                          {"type": "http.disconnect"}), b"50").read(100)


# ----------------------------------------------------------------------------- health


async def test_healthz_follows_the_database(db, assistant, database_url, tmp_path):
    async with live(db, assistant, settings_for(database_url)) as server, httpx.AsyncClient() as client:
        r = await client.get(f"{server.url}/healthz")
        assert r.status_code == 200 and r.json() == {"status": "ok"}
        # No token: no webhook route.
        assert (await post(client, f"{server.url}/telegram/webhook", text_update(1, 1, "/help"))).status_code == 404
    broken = Database(f"sqlite:///{tmp_path / 'no' / 'such' / 'dir' / 'x.db'}")
    async with live(broken, assistant, settings_for(database_url)) as server, httpx.AsyncClient() as client:
        r = await client.get(f"{server.url}/healthz")
        assert r.status_code == 503 and r.json() == {"status": "unavailable"}


async def test_webhook_answers_503_and_records_nothing_when_the_database_is_down(assistant, database_url, fake,
                                                                                 tmp_path):
    broken = Database(f"sqlite:///{tmp_path / 'no' / 'such' / 'dir' / 'x.db'}")
    async with live(broken, assistant, settings_for(database_url, fake)) as server, httpx.AsyncClient() as client:
        r = await post(client, f"{server.url}/telegram/webhook", text_update(5, 505, "/help"))
    assert r.status_code == 503  # Telegram delivers it again later
    assert fake.calls_to("sendMessage") == []


# ----------------------------------------------------------------------------- the Telegram path


async def test_official_loop_through_the_telegram_webhook(db, province, fake, tg_server):
    u = province["units"]
    for i in range(3):
        add_task(db, u["stc"], f"Nhiệm vụ {i}: rà soát vốn đầu tư công", TODAY + timedelta(days=i + 1))
    url = f"{tg_server.url}/telegram/webhook"
    chat = 601
    async with httpx.AsyncClient() as client:
        code = province["codes"]["stc_official"]
        assert (await post(client, url, text_update(1001, chat, f"/start {code}", "Nguyễn Văn An"), telegram=fake)).status_code == 200
        welcome = (await fake.wait_for_count(chat, 1))[-1]
        assert "Sở Tài chính" in welcome.text and "Nguyễn Văn An" in welcome.text
        assert (await post(client, url, text_update(1002, chat, "/nhiemvu"), telegram=fake)).status_code == 200
        tasks = (await fake.wait_for_count(chat, 2))[-1]
        assert "Nhiệm vụ 0: rà soát vốn" in tasks.text and tasks.buttons
        # A button press arrives as a callback_query update.
        data = tasks.buttons[0][0][1]
        press = fake.push_callback(chat, data, message_id=tasks.message_id, first_name="Nguyễn Văn An")
        assert (await post(client, url, press, telegram=fake)).status_code == 200
        await tg_server.settle()
    await fake.wait_idle()
    assert [a for a in fake.callback_answers if a["callback_query_id"] == press["callback_query"]["id"]]
    assert len(fake.outbox) >= 3
    with db.session() as s:
        assert s.exec(select(ChatBinding).where(ChatBinding.chat_id == str(chat))).one().channel == "telegram"
    assert processed(db) == 3


async def test_updates_of_one_chat_are_answered_in_order(db, province, fake, tg_server):
    url = f"{tg_server.url}/telegram/webhook"
    async with httpx.AsyncClient() as client:
        for i in range(6):  # one after the other, as Telegram delivers a chat's updates
            await post(client, url, text_update(2000 + i, 610, "/help" if i % 2 else "/nhiemvu"), telegram=fake)
        await tg_server.settle()
    texts = [m.text for m in await fake.wait_for_count(610, 6)]
    assert ["/start" in t and "chưa được đăng ký" not in t for t in texts] == [False, True] * 3


class Scripted:
    """An assistant that answers every message with given replies, after an optional
    pause (a slow handler, such as a directive upload)."""

    def __init__(self, replies: list[Reply], pause: float = 0.0):
        self.replies, self.pause = replies, pause

    def handle(self, incoming) -> list[Reply]:
        time.sleep(self.pause)
        return list(self.replies)


async def test_the_reply_comes_back_in_the_webhook_answer(db, assistant, fake, tg_server):
    url = f"{tg_server.url}/telegram/webhook"
    async with httpx.AsyncClient() as client:
        r = await post(client, url, text_update(3001, 620, "/help"))
    answer = r.json()
    # A Bot API call for Telegram to run: the bot made no request of its own.
    assert answer["method"] == "sendMessage" and answer["chat_id"] == 620 and "/start" in answer["text"]
    await tg_server.settle()
    assert fake.calls_to("sendMessage") == [] and not fake.sent
    call = await fake.run_webhook_answer(answer)
    assert call.ok and [m.chat_id for m in fake.sent] == [620]


async def test_several_messages_keep_their_order_and_only_the_last_rides_the_answer(db, database_url, fake):
    replies = [Reply("một"), Reply("hai"), Reply("ba", buttons=[[Button("Xong", "done:1")]])]
    async with live(db, Scripted(replies), settings_for(database_url, fake)) as server, httpx.AsyncClient() as c:
        r = await post(c, f"{server.url}/telegram/webhook", text_update(3002, 621, "/x"))
        # The first two were requests, already answered when the webhook's answer leaves.
        assert [m.text for m in fake.messages_to(621)] == ["một", "hai"]
        assert r.json() == {"method": "sendMessage", "chat_id": 621, "text": "ba",
                            "reply_markup": {"inline_keyboard": [[{"text": "Xong", "callback_data": "done:1"}]]}}
        await fake.run_webhook_answer(r.json())
    assert [m.text for m in fake.messages_to(621)] == ["một", "hai", "ba"]
    assert fake.messages_to(621)[-1].callback_data == ["done:1"]


async def test_a_slow_handler_is_answered_without_its_reply_and_sends_it_itself(db, database_url, fake,
                                                                                 monkeypatch):
    monkeypatch.setattr(server_module, "REPLY_WAIT", 0.05)
    async with live(db, Scripted([Reply("đã nhận văn bản")], pause=0.5),
                    settings_for(database_url, fake)) as server, httpx.AsyncClient() as client:
        r = await post(client, f"{server.url}/telegram/webhook", text_update(3003, 622, "/x"))
        assert r.json() == {"ok": True, "result": "accepted"}
        sent = await fake.wait_for_count(622, 1)
        await server.settle()
    assert [m.text for m in sent] == ["đã nhận văn bản"]
    assert processed(db) == 1


async def test_webhook_replies_can_be_turned_off(db, assistant, database_url, fake):
    settings = settings_for(database_url, fake, telegram_webhook_replies=False)
    async with live(db, assistant, settings) as server, httpx.AsyncClient() as client:
        r = await post(client, f"{server.url}/telegram/webhook", text_update(3004, 623, "/help"))
        assert r.json() == {"ok": True, "result": "accepted"}
        sent = await fake.wait_for_count(623, 1)
    assert "/start" in sent[0].text


# ----------------------------------------------------------------------------- Zalo


async def test_zalo_route_checks_its_secret_and_answers_each_message_once(db, assistant, database_url, zalo):
    async with live(db, assistant, settings_for(database_url, zalo=zalo)) as server, httpx.AsyncClient() as client:
        url = f"{server.url}/zalo/webhook"
        update = zalo_update("mz1", "z-user-1", "/help")
        assert (await post(client, url, update, header=TG_HEADER)).status_code == 401
        assert (await post(client, url, update, secret="not-the-secret")).status_code == 401
        assert (await post(client, url, update, header=ZALO_HEADER)).status_code == 200
        assert (await post(client, url, update, header=ZALO_HEADER)).json()["result"] == "duplicate"
        assert (await post(client, url, {"event_name": "x"}, header=ZALO_HEADER)).status_code == 400
        # Telegram has no token here: its route is not mounted.
        assert (await post(client, f"{server.url}/telegram/webhook", text_update(1, 1, "/help"))).status_code == 404
        await server.settle()
    sent = await zalo.wait_for_count("z-user-1", 1)
    assert len(zalo.messages_to("z-user-1")) == 1 and "/start" in sent[0].text
    with db.session() as s:
        assert s.exec(select(ProcessedUpdate.channel)).all() == ["zalo"]


async def test_with_scheduler_the_server_also_sends_the_outbox(db, assistant, database_url, fake):
    from bot.app import reminder_settings
    from bot.telegram import TelegramSender
    from reminders.service import ReminderService

    settings = settings_for(database_url, fake)
    with db.session() as s:
        outbox.enqueue(s, [{"key": "sched:1", "channel": "telegram", "chat_id": "811", "kind": "test",
                            "not_before": datetime.now(UTC) - timedelta(minutes=1), "payload": {"text": "Nhắc"}}])
    service = ReminderService(db, reminder_settings(settings), {"telegram": TelegramSender(fake.token, fake.url)})
    async with live(db, assistant, settings, services=(service,)):
        sent = await fake.wait_for_count(811, 1)
    assert sent[0].text == "Nhắc"
    with db.session() as s:
        assert s.exec(select(Outbox.status)).all() == ["sent"]


# ----------------------------------------------------------------------------- pruning


def test_old_processed_updates_are_pruned(db, assistant, database_url):
    now = datetime.now(UTC)
    with db.session() as s:
        assert updates.record(s, "telegram", "1", now - timedelta(days=3))
        assert updates.record(s, "telegram", "2", now - timedelta(hours=1))
        assert updates.record(s, "zalo", "1", now - timedelta(days=5))
        assert not updates.record(s, "telegram", "1")  # taken already
    server = build_server(App(settings=settings_for(database_url), db=db, assistant=assistant))
    assert server.prune() == 2
    with db.session() as s:
        assert s.exec(select(ProcessedUpdate.update_id)).all() == ["2"]


# ----------------------------------------------------------------------------- logs


async def test_tokens_and_secret_never_reach_the_logs(db, assistant, database_url, fake, capfd):
    settings = settings_for(database_url, fake, log_format="json")
    configure_logging("DEBUG", settings)
    httpx_logger = logging.getLogger("httpx")
    httpx_logger.setLevel(logging.DEBUG)  # its request lines carry the bot token in the URL
    try:
        async with live(db, assistant, settings) as server, httpx.AsyncClient() as client:
            await post(client, f"{server.url}/telegram/webhook", text_update(31, 701, "/help"), telegram=fake)
            await server.settle()
            # What `nhacviec invite` does to learn the bot's name: the token is in the URL.
            assert (await client.get(f"{fake.url}/bot{fake.token}/getMe")).status_code == 200
            logging.getLogger("test").warning("secret is %s, token is %s", SECRET, fake.token)
    finally:
        httpx_logger.setLevel(logging.WARNING)
        logging.getLogger().setLevel(logging.WARNING)
    err = capfd.readouterr().err
    lines = [json.loads(line) for line in err.splitlines() if line.startswith("{")]
    assert lines and all({"time", "level", "logger", "message"} <= set(e) for e in lines)
    assert any(e["logger"] == "httpx" and "/bot[redacted]/getMe" in e["message"] for e in lines)
    assert any(e["message"] == "secret is [redacted], token is [redacted]" for e in lines)
    for secret in (fake.token, fake.token.partition(":")[2], SECRET):
        assert secret not in err


def test_an_exception_text_is_redacted_too(capfd):
    settings = Settings(telegram_bot_token="4242:SuperSecretKey_abcdef", webhook_secret=SECRET, log_format="text")
    configure_logging("INFO", settings)
    try:
        raise RuntimeError("GET https://api.telegram.org/bot4242:SuperSecretKey_abcdef/getMe failed")
    except RuntimeError:
        logging.getLogger("test").exception("call failed")
    err = capfd.readouterr().err
    assert "call failed" in err and "RuntimeError" in err and "[redacted]" in err
    assert "SuperSecretKey_abcdef" not in err


# ----------------------------------------------------------------------------- commands


@pytest.fixture
def env(monkeypatch, database_url):
    for name in ("TELEGRAM_BOT_TOKEN", "ZALO_BOT_TOKEN", "WEBHOOK_SECRET", "LOG_FORMAT"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.setenv("LOG_LEVEL", "WARNING")
    return monkeypatch


async def test_webhook_set_info_delete_on_both_platforms(env, fake, zalo, capsys):
    env.setenv("TELEGRAM_BOT_TOKEN", fake.token)
    env.setenv("TELEGRAM_API_URL", fake.url)
    env.setenv("ZALO_BOT_TOKEN", zalo.token)
    env.setenv("ZALO_API_URL", zalo.url)
    env.setenv("WEBHOOK_SECRET", SECRET)
    assert await asyncio.to_thread(main, ["webhook", "set", "--url", "https://nhacviec.example.org/"]) == 0
    out = capsys.readouterr().out
    assert "https://nhacviec.example.org/telegram/webhook" in out and "https://nhacviec.example.org/zalo/webhook" in out
    call = [p for m, p in fake.requests if m == "setWebhook"][-1]
    assert call["url"] == "https://nhacviec.example.org/telegram/webhook" and call["secret_token"] == SECRET
    assert call["allowed_updates"] == ["message", "callback_query"] and not call.get("drop_pending_updates")
    assert (zalo.webhook_url, zalo.webhook_secret) == ("https://nhacviec.example.org/zalo/webhook", SECRET)

    assert await asyncio.to_thread(main, ["webhook", "info"]) == 0
    out = capsys.readouterr().out
    assert "Telegram: webhook https://nhacviec.example.org/telegram/webhook" in out
    assert "Zalo: webhook https://nhacviec.example.org/zalo/webhook" in out

    assert await asyncio.to_thread(main, ["webhook", "delete"]) == 0
    assert fake.webhook_url == "" and zalo.webhook_url == ""
    assert "đã xoá webhook" in capsys.readouterr().out
    assert SECRET not in capsys.readouterr().err


@pytest.mark.parametrize("secret", [None, "short", "has space in it", "ümlaut-secret", "x" * 257])
async def test_webhook_set_refuses_a_missing_or_bad_secret(env, fake, capsys, secret):
    env.setenv("TELEGRAM_BOT_TOKEN", fake.token)
    env.setenv("TELEGRAM_API_URL", fake.url)
    if secret is not None:
        env.setenv("WEBHOOK_SECRET", secret)
    assert await asyncio.to_thread(main, ["webhook", "set", "--url", "https://h.example.org"]) == 2
    assert "WEBHOOK_SECRET" in capsys.readouterr().err
    assert fake.webhook_url == "" and not [m for m, _ in fake.requests if m == "setWebhook"]


async def test_webhook_set_refuses_a_non_https_url_and_reports_a_refusal(env, zalo, capsys):
    env.setenv("ZALO_BOT_TOKEN", zalo.token)
    env.setenv("ZALO_API_URL", zalo.url)
    env.setenv("WEBHOOK_SECRET", SECRET)
    for url in ("http://h.example.org", "h.example.org", "https://", "https://h.example.org/?a=1"):
        assert await asyncio.to_thread(main, ["webhook", "set", "--url", url]) == 2
        assert "https://" in capsys.readouterr().err
    zalo.fail_next("setWebhook", 400, "Bad Request: webhook url is unreachable")
    assert await asyncio.to_thread(main, ["webhook", "set", "--url", "https://h.example.org"]) == 2
    err = capsys.readouterr().err
    assert "Zalo từ chối" in err and "webhook url is unreachable" in err and zalo.token not in err
    assert zalo.webhook_url == ""


def test_serve_refuses_without_channel_secret_or_migrated_schema(env, tmp_path, capsys):
    assert main(["serve"]) == 2
    assert "TELEGRAM_BOT_TOKEN" in capsys.readouterr().err
    env.setenv("TELEGRAM_BOT_TOKEN", "123:ABCDEFGH")
    assert main(["serve"]) == 2
    assert "WEBHOOK_SECRET" in capsys.readouterr().err
    env.setenv("WEBHOOK_SECRET", SECRET)
    env.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'fresh.db'}")
    assert main(["serve", "--port", "0"]) == 2
    assert "65535" in capsys.readouterr().err
    assert main(["serve"]) == 2  # never migrates by itself
    assert "nhacviec db upgrade" in capsys.readouterr().err
    assert main(["worker"]) == 2
    assert "nhacviec db upgrade" in capsys.readouterr().err


# ----------------------------------------------------------------------------- processes


def spawn(args: list[str], env: dict) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", "import sys; from bot.cli import main; sys.exit(main())", *args], cwd=REPO, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def process_env(database_url: str, fake: FakeTelegram, **extra) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("ZALO_BOT_TOKEN", "LOG_FORMAT")}
    env |= {"DATABASE_URL": database_url, "TELEGRAM_BOT_TOKEN": fake.token, "TELEGRAM_API_URL": fake.url,
            "WEBHOOK_SECRET": SECRET, "TELEGRAM_OVERALL_PER_SECOND": "0", "LOG_LEVEL": "WARNING",
            "PYTHONPATH": str(REPO)}
    return env | extra


async def wait_healthy(url: str, proc: subprocess.Popen, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    async with httpx.AsyncClient() as client:
        while True:
            assert proc.poll() is None, proc.communicate()
            try:
                if (await client.get(f"{url}/healthz")).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, "server did not come up"
            await asyncio.sleep(0.1)


def stop(proc: subprocess.Popen) -> tuple[int, str]:
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
    try:
        _out, err = proc.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        _out, err = proc.communicate()
    return proc.returncode, err


def bound_people(db, chats: list[int]) -> None:
    with db.session() as s:
        unit = Unit(name="Sở Thử nghiệm", aliases="")
        s.add(unit)
        s.flush()
        for chat in chats:
            person = Person(full_name=f"Người {chat}", unit_id=unit.id)
            s.add(person)
            s.flush()
            s.add(ChatBinding(person_id=person.id, channel="telegram", user_id=str(chat), chat_id=str(chat)))


@on_postgres
async def test_two_serve_processes_answer_2000_updates_exactly_once(database_url, db, fake):
    chats = list(range(90_001, 90_101))
    bound_people(db, chats)
    env = process_env(database_url, fake)
    ports = [free_port(), free_port()]
    procs = [spawn(["serve", "--port", str(port)], env) for port in ports]
    urls = [f"http://127.0.0.1:{port}" for port in ports]
    try:
        for url, proc in zip(urls, procs, strict=False):
            await wait_healthy(url, proc)
        updates_ = [text_update(5_000_000 + i, chats[i % len(chats)], "/nhiemvu" if i % 3 else "/help")
                    for i in range(2000)]
        started = time.monotonic()
        # aiohttp as the driver: it shares this process (and 2 cores) with the fake Bot API
        # and costs far less CPU per request than httpx. 40 connections per server, as
        # Telegram's default max_connections.
        async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit_per_host=40)) as client:
            async def one(url: str, update: dict) -> int:
                async with client.post(f"{url}/telegram/webhook", json=update, headers={TG_HEADER: SECRET}) as r:
                    if r.status == 200:  # as Telegram: run the reply the answer carries
                        await fake.run_webhook_answer(await r.json())
                    return r.status

            async def deliver(i: int, update: dict) -> list[int]:
                targets = [urls[i % 2]] + ([urls[(i + 1) % 2]] if i % 10 == 0 else [])  # 10% to both
                return list(await asyncio.gather(*(one(u, update) for u in targets)))
            statuses = await asyncio.gather(*(deliver(i, u) for i, u in enumerate(updates_)))
        assert {s for pair in statuses for s in pair} == {200}
        expected = Counter(u["message"]["chat"]["id"] for u in updates_)
        deadline = time.monotonic() + 40
        while len(fake.sent) < 2000 and time.monotonic() < deadline:
            await asyncio.sleep(0.1)
        elapsed = time.monotonic() - started
        await fake.wait_idle(quiet=0.5)
    finally:
        results = [stop(p) for p in procs]
    # uvicorn re-raises SIGTERM after its graceful shutdown: a clean stop for systemd.
    assert {code for code, _ in results} <= {0, -signal.SIGTERM}, [err[-2000:] for _, err in results]
    assert not [err for _, err in results if "Traceback" in err], [err[-3000:] for _, err in results]
    assert Counter(m.chat_id for m in fake.sent) == expected  # each update answered exactly once
    assert processed(db) == 2000
    print(f"2 serve processes: 2,000 updates (+200 duplicates) answered in {elapsed:.1f} s")


async def test_worker_sends_the_outbox_and_stops_on_sigterm(database_url, db, fake):
    with db.session() as s:
        outbox.enqueue(s, [{"key": f"worker:{c}", "channel": "telegram", "chat_id": str(c), "kind": "test",
                            "not_before": datetime.now(UTC) - timedelta(minutes=1), "payload": {"text": f"Tin {c}"}}
                           for c in (801, 802, 803)])
    proc = spawn(["worker"], process_env(database_url, fake))
    try:
        deadline = time.monotonic() + 30
        while len(fake.sent) < 3:
            assert proc.poll() is None, proc.communicate()
            assert time.monotonic() < deadline, "worker sent nothing"
            await asyncio.sleep(0.1)
    finally:
        code, err = stop(proc)
    assert code == 0, err
    assert sorted(m.chat_id for m in fake.sent) == [801, 802, 803]
    with db.session() as s:
        assert Counter(s.exec(select(Outbox.status)).all()) == {"sent": 3}


# ----------------------------------------------------------------------------- the web desk

WEB_LINK = re.compile(r"http://127\.0\.0\.1:\d+/web/vao\?t=[A-Za-z0-9_-]+")


async def test_web_desk_on_the_serve_app_from_a_telegram_web_command(db, database_url, fake, province):
    # The real clock on both sides: the serve app's desk keeps the time of day.
    assistant = Assistant(db, TZ)
    async with live(db, assistant, settings_for(database_url, fake)) as server, \
            httpx.AsyncClient(timeout=30) as client:
        assistant.web_url = server.url
        hook = f"{server.url}/telegram/webhook"
        await post(client, hook, text_update(1, 701, f"/start {province['codes']['office']}"), telegram=fake)
        await server.settle()
        answer = await post(client, hook, text_update(2, 701, "/web"), telegram=fake)
        await server.settle()
        # The webhook's answer is the bare JSON of the front, without the desk's headers.
        assert "content-security-policy" not in answer.headers
        link = WEB_LINK.search(fake.last_to(701).text).group(0)

        task_id = add_task(db, province["units"]["stc"], "Báo cáo giải ngân quý II", TODAY)
        upload = fake.push_document(702, "bao-cao-quy-2.pdf", b"%PDF-1.4 bao cao", mime_type="application/pdf")
        with db.session() as s:
            person = s.get(Person, 1)
            report = crud_tasks.add_report(s, s.get(Task, task_id), person, kind="done", text="Đã gửi báo cáo",
                                     attachment_ref=upload["message"]["document"]["file_id"],
                                     attachment_name="bao-cao-quy-2.pdf")
            report_id = report.id

        browser = httpx.AsyncClient(base_url=server.url, timeout=30)
        page = await browser.get(link.replace(server.url, ""))
        assert page.status_code == 200 and page.headers["x-frame-options"] == "DENY"
        signed = await browser.post("/web/vao", data={"t": link.rsplit("t=", 1)[1]})
        assert signed.status_code == 303
        task_page = await browser.get(f"/web/nhiemvu/{task_id}")
        assert "bao-cao-quy-2.pdf" in task_page.text
        download = await browser.get(f"/web/nhiemvu/{task_id}/tep/{report_id}")
        assert download.status_code == 200 and download.content == b"%PDF-1.4 bao cao"
        assert download.headers["content-type"] == "application/octet-stream"
        assert "attachment" in download.headers["content-disposition"]
        assert (await browser.get(f"/web/nhiemvu/{task_id}/tep/{report_id + 1}")).status_code == 404
        assert (await browser.get("/healthz")).json() == {"status": "ok"}
        await browser.aclose()
