"""A fake Zalo Bot Platform API speaking real HTTP, for end-to-end tests of the Zalo
channel (docs/zalo.md says what it is modelled on and what is assumed).

    zl = FakeZalo()
    await zl.start()
    client = ZaloClient(zl.token, zl.url)
    zl.push_text("u1", "/start ABC", name="Nguyễn Văn An")   # the next getUpdates returns it
    msg = await zl.wait_for("Xin chào", chat_id="u1")
    await zl.stop()

What it emulates:

* ``POST /bot<token>/<method>`` with a JSON body (GET with query parameters too);
  answers ``{"ok": true, "result": ...}`` or ``{"ok": false, "error_code", "description"}``
  (HTTP status = error_code); a wrong token → 401;
* ``getUpdates``: long polling up to ``timeout`` seconds, ONE update per call (as Zalo's
  reference shows), 408 when none came; refused while a webhook is set;
* ``setWebhook`` (https ``url``, ``secret_token`` of 8–256 characters), ``deleteWebhook``,
  ``getWebhookInfo``; ``getMe``; ``sendMessage`` (text 1–2,000 characters), ``sendPhoto``
  (an http(s) ``photo`` URL, caption ≤ 2,000), ``sendChatAction``;
* faults: ``fail_next(method, code, description)``, ``block_user(id)``;
* ``host_file(name, bytes)`` serves a file at ``/files/<name>`` (photos users send).

Records: ``sent`` (successful sendMessage/sendPhoto, in order), ``calls`` (every call
with its answer), ``chat_actions``; ``wait_for``, ``wait_for_count``, ``messages_to``.
"""
from __future__ import annotations

import asyncio
import itertools
import json
import time
from collections import defaultdict, deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

MAX_TEXT = 2000


class ApiError(Exception):
    def __init__(self, code: int, description: str, *, retry_after: int | None = None, html: bool = False):
        super().__init__(description)
        self.code, self.description, self.retry_after, self.html = code, description, retry_after, html

    def payload(self) -> dict[str, Any]:
        body: dict[str, Any] = {"ok": False, "error_code": self.code, "description": self.description}
        if self.retry_after is not None:
            body["parameters"] = {"retry_after": self.retry_after}
        return body


@dataclass
class SentMessage:
    method: str  # sendMessage | sendPhoto
    chat_id: str
    text: str  # the text, or the photo's caption
    message_id: str
    photo: str | None = None
    at: float = field(default_factory=time.time)


@dataclass
class ApiCall:
    method: str
    params: dict[str, Any]
    status: int = 0
    response: dict[str, Any] | None = None


@dataclass
class _Fault:
    code: int
    description: str
    retry_after: int | None
    remaining: int
    chat_id: str | None
    html: bool


DEFAULT_DESCRIPTIONS = {
    400: "Bad Request",
    403: "Forbidden: the user has blocked the bot",
    404: "Not Found",
    429: "Too Many Requests",
    500: "Internal Server Error",
    502: "Bad Gateway",
    503: "Service Unavailable",
}


class FakeZalo:
    def __init__(self, token: str = "1459232241454765289:ZaloTestSecretToken0123456789",
                 bot_name: str = "bot.nhacviec"):
        self.token = token
        self.bot = {"id": token.split(":", 1)[0], "account_name": bot_name, "account_type": "BASIC",
                    "can_join_groups": False}
        self.sent: list[SentMessage] = []
        self.calls: list[ApiCall] = []
        self.chat_actions: list[tuple[str, str]] = []
        self.blocked: set[str] = set()
        self.webhook_url = ""
        self.webhook_secret = ""
        self.webhook_updated_at = 0
        self.internal_errors: list[str] = []
        self._updates: deque[dict[str, Any]] = deque()
        self._faults: dict[str, deque[_Fault]] = defaultdict(deque)
        self._files: dict[str, bytes] = {}
        self._mid = itertools.count(1)
        self._pulse_event: asyncio.Event | None = None
        self._closing = False
        self._runner: web.AppRunner | None = None
        self.port: int | None = None
        self._methods: dict[str, Callable[[dict[str, Any]], Any]] = {
            "getMe": self._m_getMe, "getUpdates": self._m_getUpdates, "setWebhook": self._m_setWebhook,
            "deleteWebhook": self._m_deleteWebhook, "getWebhookInfo": self._m_getWebhookInfo,
            "sendMessage": self._m_sendMessage, "sendPhoto": self._m_sendPhoto,
            "sendChatAction": self._m_sendChatAction,
        }

    # ------------------------------------------------------------------ lifecycle

    @property
    def url(self) -> str:
        if self.port is None:
            raise RuntimeError("FakeZalo not started")
        return f"http://127.0.0.1:{self.port}"

    async def start(self) -> None:
        self._closing = False
        self._pulse_event = asyncio.Event()
        app = web.Application(client_max_size=4 * 1024 * 1024)
        app.router.add_route("*", "/{tail:.*}", self._handle)
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=1.0, handler_cancellation=True)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # noqa: SLF001 - the bound port

    async def stop(self) -> None:
        if self._runner is None:
            return
        self._closing = True
        self._pulse()
        runner, self._runner = self._runner, None
        await runner.cleanup()

    async def __aenter__(self) -> FakeZalo:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    def _pulse(self) -> None:
        if self._pulse_event is not None:
            self._pulse_event.set()
            self._pulse_event = asyncio.Event()

    async def _wait_pulse(self, timeout: float) -> None:
        event = self._pulse_event
        if event is None or timeout <= 0:
            await asyncio.sleep(max(timeout, 0))
            return
        try:
            await asyncio.wait_for(event.wait(), timeout)
        except TimeoutError:
            pass

    # ------------------------------------------------------------------ updates in

    def _message(self, user_id: str, name: str, chat_id: str | None, group: bool) -> dict[str, Any]:
        return {"message_id": f"m{next(self._mid):08x}",
                "from": {"id": str(user_id), "display_name": name, "is_bot": False},
                "chat": {"id": str(chat_id or user_id), "chat_type": "GROUP" if group else "PRIVATE"},
                "date": int(time.time() * 1000)}

    def push_raw(self, update: dict[str, Any]) -> dict[str, Any]:
        self._updates.append(update)
        self._pulse()
        return update

    def push_text(self, user_id: str, text: str, *, name: str = "Cán bộ", chat_id: str | None = None,
                  group: bool = False) -> dict[str, Any]:
        message = self._message(user_id, name, chat_id, group) | {"text": text}
        return self.push_raw({"event_name": "message.text.received", "message": message})

    def push_image(self, user_id: str, photo_url: str, *, caption: str | None = None, name: str = "Cán bộ",
                   chat_id: str | None = None) -> dict[str, Any]:
        message = self._message(user_id, name, chat_id, False) | {"photo": photo_url}
        if caption is not None:
            message["caption"] = caption
        return self.push_raw({"event_name": "message.image.received", "message": message})

    def push_sticker(self, user_id: str, *, name: str = "Cán bộ") -> dict[str, Any]:
        message = self._message(user_id, name, None, False) | {"sticker": "0e078a2fb66a5f34067b"}
        return self.push_raw({"event_name": "message.sticker.received", "message": message})

    @property
    def pending_updates(self) -> list[dict[str, Any]]:
        return list(self._updates)

    def host_file(self, name: str, content: bytes) -> str:
        self._files[name] = content
        return f"{self.url}/files/{name}"

    # ------------------------------------------------------------------ records

    def messages_to(self, chat_id: str) -> list[SentMessage]:
        return [m for m in self.sent if m.chat_id == str(chat_id)]

    def calls_to(self, method: str) -> list[ApiCall]:
        return [c for c in self.calls if c.method == method]

    async def wait_for(self, predicate: Callable[[SentMessage], bool] | str | None = None, *,
                       chat_id: str | None = None, since: int = 0, timeout: float = 10.0) -> SentMessage:
        """The first sent message (from ``sent[since:]``) matching ``predicate`` (a callable,
        a substring of the text, or None for any)."""
        if isinstance(predicate, str):
            needle = predicate
            pred: Callable[[SentMessage], bool] = lambda m: needle in m.text  # noqa: E731
        else:
            pred = predicate or (lambda m: True)
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        idx = since
        while True:
            while idx < len(self.sent):
                m = self.sent[idx]
                idx += 1
                if (chat_id is None or m.chat_id == str(chat_id)) and pred(m):
                    return m
            remaining = deadline - loop.time()
            if remaining <= 0:
                raise TimeoutError(f"no matching message within {timeout}s; sent: "
                                   + json.dumps([(m.chat_id, m.text[:80]) for m in self.sent[-15:]],
                                                ensure_ascii=False))
            await self._wait_pulse(remaining)

    async def wait_for_count(self, chat_id: str, n: int, *, timeout: float = 10.0) -> list[SentMessage]:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while len(self.messages_to(chat_id)) < n:
            remaining = deadline - loop.time()
            if remaining <= 0:
                raise TimeoutError(f"chat {chat_id}: {len(self.messages_to(chat_id))} of {n} messages")
            await self._wait_pulse(remaining)
        return self.messages_to(chat_id)

    # ------------------------------------------------------------------ faults

    def fail_next(self, method: str, code: int, description: str | None = None, *, retry_after: int | None = None,
                  times: int = 1, chat_id: str | None = None, html: bool = False) -> None:
        """The next ``times`` calls of ``method`` (to ``chat_id``, or any) answer ``code``.
        ``html``: a proxy's error page instead of the API's JSON envelope."""
        self._faults[method].append(_Fault(code, description or DEFAULT_DESCRIPTIONS.get(code, f"Error {code}"),
                                           retry_after, times, chat_id, html))

    def block_user(self, user_id: str) -> None:
        """Sends to this user's chat answer 403 (the user blocked the bot)."""
        self.blocked.add(str(user_id))

    def _take_fault(self, method: str, chat_id: str | None) -> _Fault | None:
        queue = self._faults.get(method)
        for fault in list(queue or ()):
            if fault.chat_id is None or fault.chat_id == chat_id:
                fault.remaining -= 1
                if fault.remaining <= 0:
                    queue.remove(fault)
                return fault
        return None

    # ------------------------------------------------------------------ HTTP

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        path = request.path
        if path.startswith("/files/"):
            content = self._files.get(path[len("/files/"):])
            if content is None:
                return web.Response(status=404)
            return web.Response(body=content, content_type="image/jpeg")
        if not path.startswith("/bot"):
            return web.json_response({"ok": False, "error_code": 404, "description": "Not Found"}, status=404)
        token, _, method = path[len("/bot"):].partition("/")
        call = ApiCall(method, {})
        self.calls.append(call)
        try:
            try:
                call.params = await self._params(request)
                if token != self.token:
                    raise ApiError(401, "Unauthorized: invalid bot token")
                handler = self._methods.get(method)
                if handler is None:
                    raise ApiError(404, f"Method {method} not found")
                fault = self._take_fault(method, str(call.params.get("chat_id")) if "chat_id" in call.params
                                         else None)
                if fault is not None:
                    raise ApiError(fault.code, fault.description, retry_after=fault.retry_after, html=fault.html)
                result = handler(call.params)
                if asyncio.iscoroutine(result):
                    result = await result
                body, status = {"ok": True, "result": result}, 200
            except ApiError as err:
                if err.html:
                    call.status = err.code
                    return web.Response(status=err.code, text=f"<html><body>{err.description}</body></html>",
                                        content_type="text/html")
                body, status = err.payload(), err.code
            except Exception as exc:  # a bug in the fake: loud, but still JSON
                self.internal_errors.append(f"{method}: {exc!r}")
                body, status = {"ok": False, "error_code": 500, "description": repr(exc)}, 500
            call.status, call.response = status, body
            return web.json_response(body, status=status, dumps=lambda o: json.dumps(o, ensure_ascii=False))
        finally:
            self._pulse()

    @staticmethod
    async def _params(request: web.Request) -> dict[str, Any]:
        params: dict[str, Any] = dict(request.query)
        if request.method == "POST" and request.can_read_body:
            try:
                body = await request.json()
            except (ValueError, UnicodeDecodeError) as exc:
                raise ApiError(400, "Bad Request: body is not JSON") from exc
            if not isinstance(body, dict):
                raise ApiError(400, "Bad Request: body is not a JSON object")
            params.update(body)
        return params

    # ------------------------------------------------------------------ methods

    def _m_getMe(self, p: dict[str, Any]) -> dict[str, Any]:
        return dict(self.bot)

    async def _m_getUpdates(self, p: dict[str, Any]) -> dict[str, Any]:
        if self.webhook_url:
            raise ApiError(400, "Bad Request: webhook is active, delete it before using getUpdates")
        try:
            timeout = float(p.get("timeout", 30))
        except (TypeError, ValueError) as exc:
            raise ApiError(400, "Bad Request: timeout must be a number") from exc
        loop = asyncio.get_running_loop()
        deadline = loop.time() + max(0.0, timeout)
        while True:
            if self._closing:
                raise ApiError(408, "Request Timeout")
            if self._updates:
                return self._updates.popleft()
            remaining = deadline - loop.time()
            if remaining <= 0:
                raise ApiError(408, "Request Timeout")
            await self._wait_pulse(remaining)

    def _m_setWebhook(self, p: dict[str, Any]) -> dict[str, Any]:
        url, secret = p.get("url"), p.get("secret_token")
        if not isinstance(url, str) or not url.startswith("https://"):
            raise ApiError(400, "Bad Request: url must be an HTTPS URL")
        if not isinstance(secret, str) or not 8 <= len(secret) <= 256:
            raise ApiError(400, "Bad Request: secret_token must be 8 to 256 characters")
        self.webhook_url, self.webhook_secret = url, secret
        self.webhook_updated_at = int(time.time() * 1000)
        return {"url": url, "updated_at": self.webhook_updated_at}

    def _m_deleteWebhook(self, p: dict[str, Any]) -> dict[str, Any]:
        self.webhook_url, self.webhook_secret = "", ""
        self.webhook_updated_at = int(time.time() * 1000)
        return {"url": "", "updated_at": self.webhook_updated_at}

    def _m_getWebhookInfo(self, p: dict[str, Any]) -> dict[str, Any]:
        return {"url": self.webhook_url, "updated_at": self.webhook_updated_at}

    def _chat(self, p: dict[str, Any]) -> str:
        chat_id = p.get("chat_id")
        if not isinstance(chat_id, str) or not chat_id:
            raise ApiError(400, "Bad Request: chat_id is required")
        if chat_id in self.blocked:
            raise ApiError(403, DEFAULT_DESCRIPTIONS[403])
        return chat_id

    @staticmethod
    def _text(value: Any, name: str, *, required: bool) -> str:
        if value is None and not required:
            return ""
        if not isinstance(value, str) or not 1 <= len(value) <= MAX_TEXT:
            raise ApiError(400, f"Bad Request: {name} must be 1 to {MAX_TEXT} characters")
        return value

    def _record(self, method: str, chat_id: str, text: str, photo: str | None = None) -> dict[str, Any]:
        mid = f"b{next(self._mid):08x}"
        self.sent.append(SentMessage(method, chat_id, text, mid, photo))
        return {"message_id": mid, "date": int(time.time() * 1000)}

    def _m_sendMessage(self, p: dict[str, Any]) -> dict[str, Any]:
        chat_id = self._chat(p)
        return self._record("sendMessage", chat_id, self._text(p.get("text"), "text", required=True))

    def _m_sendPhoto(self, p: dict[str, Any]) -> dict[str, Any]:
        chat_id = self._chat(p)
        photo = p.get("photo")
        if not isinstance(photo, str) or not photo.startswith(("http://", "https://")):
            raise ApiError(400, "Bad Request: photo must be a URL")
        return self._record("sendPhoto", chat_id, self._text(p.get("caption"), "caption", required=False), photo)

    def _m_sendChatAction(self, p: dict[str, Any]) -> bool:
        chat_id = self._chat(p)
        if p.get("action") not in ("typing", "upload_photo"):
            raise ApiError(400, "Bad Request: unknown action")
        self.chat_actions.append((chat_id, p["action"]))
        return True
