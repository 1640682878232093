"""python-telegram-bot's networking backend on aiohttp (PTB's documented extension
point, `telegram.request.BaseRequest`), for the bot's API calls in server mode.

Why: PTB's default backend is httpx, whose connection pool checks every pooled
connection on each request (a getpeername and a poll per connection); under a webhook
burst that was most of an update's CPU time. aiohttp's pool and C parser cost a
fraction of it (the outbox's TelegramSender uses aiohttp for the same reason).
"""
from __future__ import annotations

import json

import aiohttp
from telegram._utils.defaultvalue import DefaultValue
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, RequestData

_JSON = {"Content-Type": "application/json"}


class AiohttpRequest(BaseRequest):
    def __init__(self, *, pool: int = 16, connect_timeout: float = 10.0, read_timeout: float = 15.0,
                 media_timeout: float = 60.0):
        self.pool = pool
        self.connect_timeout, self._read_timeout, self.media_timeout = connect_timeout, read_timeout, media_timeout
        self._session: aiohttp.ClientSession | None = None

    @property
    def read_timeout(self) -> float:
        return self._read_timeout

    async def initialize(self) -> None:
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=self.pool),
                                                  headers={"User-Agent": self.USER_AGENT})

    async def shutdown(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None

    async def do_request(self, url: str, method: str, request_data: RequestData | None = None,
                         read_timeout=BaseRequest.DEFAULT_NONE, write_timeout=BaseRequest.DEFAULT_NONE,
                         connect_timeout=BaseRequest.DEFAULT_NONE, pool_timeout=BaseRequest.DEFAULT_NONE,
                         ) -> tuple[int, bytes]:
        if self._session is None:
            raise RuntimeError("AiohttpRequest is not initialized")
        files = request_data.multipart_data if request_data else None
        headers = None
        data: aiohttp.FormData | bytes | None
        if files and request_data is not None:
            data = aiohttp.FormData()
            for name, value in request_data.json_parameters.items():
                data.add_field(name, value)
            for name, part in files.items():
                filename, content, *rest = part
                data.add_field(name, content, filename=filename, content_type=rest[0] if rest else None)
        elif params := (request_data.parameters if request_data else None):
            # A JSON body, as Telegram accepts: one json.dumps of the plain values, where
            # a form would JSON-encode each object field and then percent-encode every
            # byte of the text (urlencode was a twentieth of a task page's CPU).
            data = json.dumps(params, ensure_ascii=False).encode()
            headers = _JSON
        else:
            data = None

        def given(value, default):
            return default if isinstance(value, DefaultValue) else value

        read = given(read_timeout, self._read_timeout)
        write = given(write_timeout, self.media_timeout if files else self._read_timeout)
        total = None if read is None or write is None else read + write
        timeout = aiohttp.ClientTimeout(total=total, connect=given(connect_timeout, self.connect_timeout),
                                        sock_read=read)
        try:
            async with self._session.request(method, url, data=data, headers=headers, timeout=timeout) as response:
                return response.status, await response.read()
        except TimeoutError as exc:
            raise TimedOut from exc
        except aiohttp.ClientError as exc:
            raise NetworkError(f"aiohttp.{type(exc).__name__}: {exc}") from exc
