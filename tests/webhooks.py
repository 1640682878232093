"""Webhook test helpers (as in tests/bot/test_server.py): the ASGI app under a real
uvicorn in this event loop, settings for the fake Bot APIs, and updates to post."""
from __future__ import annotations

import asyncio
import socket
import time

import httpx
import pytest
import uvicorn

from bot.app import App
from bot.server import WebhookServer, build_server
from bot.settings import Settings
from fakes.telegram_server import FakeTelegram
from fakes.zalo_server import FakeZalo

SECRET = "test_Secret-0123456789"
TG_HEADER = "X-Telegram-Bot-Api-Secret-Token"
ZALO_HEADER = "X-Bot-Api-Secret-Token"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Live:
    """The ASGI app under a real uvicorn in this event loop, on a free port."""

    def __init__(self, server: WebhookServer):
        self.server = server
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.uvicorn = uvicorn.Server(uvicorn.Config(server.asgi(), host="127.0.0.1", port=self.port, log_config=None,
                                                     access_log=False, lifespan="on"))
        self.task: asyncio.Task | None = None

    async def __aenter__(self) -> Live:
        self.task = asyncio.create_task(self.uvicorn.serve())
        while not self.uvicorn.started:
            if self.task.done():
                raise RuntimeError("uvicorn did not start") from self.task.exception()
            await asyncio.sleep(0.01)
        return self

    async def __aexit__(self, *exc) -> None:
        self.uvicorn.should_exit = True
        await self.task

    async def settle(self, timeout: float = 10.0) -> None:
        """Wait until every update taken has been handled."""
        deadline = time.monotonic() + timeout
        while self.server.inflight:
            assert time.monotonic() < deadline, "updates still in hand"
            await asyncio.sleep(0.01)


def settings_for(database_url: str, fake: FakeTelegram | None = None, zalo: FakeZalo | None = None,
                 **extra) -> Settings:
    values = {"database_url": database_url, "webhook_secret": SECRET, "telegram_bot_token": None,
              "zalo_bot_token": None, "telegram_overall_per_second": 0}
    if fake is not None:
        values |= {"telegram_bot_token": fake.token, "telegram_api_url": fake.url}
    if zalo is not None:
        values |= {"zalo_bot_token": zalo.token, "zalo_api_url": zalo.url}
    return Settings(**(values | extra))


def live(db, assistant, settings: Settings, **kw) -> Live:
    return Live(build_server(App(settings=settings, db=db, assistant=assistant), **kw))


def fake_servers():
    """The `fake` (Telegram) and `zalo` fixtures, for a test module to bind to those names."""
    @pytest.fixture
    async def fake():
        server = FakeTelegram()
        await server.start()
        yield server
        await server.stop()
        assert not server.internal_errors

    @pytest.fixture
    async def zalo():
        server = FakeZalo()
        await server.start()
        yield server
        await server.stop()
        assert not server.internal_errors

    return fake, zalo


def text_update(update_id: int, chat: int, text: str, first_name: str = "Cán bộ") -> dict:
    user = {"id": chat, "is_bot": False, "first_name": first_name, "language_code": "vi"}
    message = {"message_id": update_id % 1_000_000, "from": user, "chat": {"id": chat, "type": "private",
               "first_name": first_name}, "date": int(time.time()), "text": text}
    if text.startswith("/"):
        message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
    return {"update_id": update_id, "message": message}


async def post(client: httpx.AsyncClient, url: str, body, secret: str | None = SECRET, header: str = TG_HEADER,
               *, telegram: FakeTelegram | None = None, **kw) -> httpx.Response:
    """POST a webhook. With `telegram`, as Telegram does: a Bot API call in the answer is
    run by that fake API (the bot's reply travelling back in the answer)."""
    headers = {header: secret} if secret is not None else {}
    if isinstance(body, (dict, list)):
        response = await client.post(url, json=body, headers=headers, **kw)
    else:
        response = await client.post(url, content=body, headers=headers, **kw)
    if telegram is not None and response.status_code == 200:
        await telegram.run_webhook_answer(response.json())
    return response


def zalo_update(message_id: str, user: str, text: str) -> dict:
    return {"event_name": "message.text.received",
            "message": {"message_id": message_id, "from": {"id": user, "display_name": "Trần Thị Bình"},
                        "chat": {"id": user, "chat_type": "PRIVATE"}, "date": int(time.time() * 1000),
                        "text": text}}
