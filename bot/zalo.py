"""Zalo adapter: the Zalo Bot Platform API ⇄ neutral messages (docs/zalo.md).

Everything Zalo-specific lives here: a thin async client on httpx (`ZaloClient`),
the adapter that turns an update into an `Incoming` and renders each `Reply`
(`ZaloAdapter`, long polling or called from a webhook route), and the outbox
sender (`ZaloSender`).

Zalo has no inline buttons, no HTML and no documents, so the adapter degrades
here and nowhere else: buttons become a numbered list under the text and a bare
number typed right after such a list presses that button; text goes as plain
text cut at Zalo's 2,000 characters; edits go as new messages; a file is a
photo when a public URL for it can be made, otherwise a note where to get it.
"""
from __future__ import annotations

import asyncio
import logging
import mimetypes
import re
from collections.abc import Awaitable, Callable
from contextlib import suppress
from dataclasses import dataclass, replace
from typing import Any

import httpx

from handlers.commands import typed_commands
from handlers.router import Assistant
from locales import DEFAULT, Translator
from presentation.messages import Attachment, Button, Incoming, Reply
from reminders.dispatcher import SENT, ChannelLimits, SendResult
from storage.crud import dialogs
from storage.db import Database

from .chunks import split_message

log = logging.getLogger(__name__)

CHANNEL = "zalo"
DEFAULT_API_URL = "https://bot-api.zaloplatforms.com"
# sendMessage `text` and sendPhoto `caption`: 1 to 2,000 characters (Zalo's API reference).
# What the Zalo Bot API allows, as the outbox dispatcher reads it: texts up to 2,000
# characters, no buttons (they become numbered menus), no group chats; the pace kept as
# for Telegram, under the platform's own limits.
LIMITS = ChannelLimits(per_second=29.0, per_chat_interval=1.0, max_text=2000, buttons=False)
MAX_MESSAGE = LIMITS.max_text
TEXT_EVENT = "message.text.received"
IMAGE_EVENT = "message.image.received"
POLL_TIMEOUT = 30
# Handlers do blocking database work in threads; this bounds how many at once.
MAX_CONCURRENT = 16
# A menu answers only a short bare number ("3", "12"); "2026" or "15/6" are text.
_MENU_CHOICE = re.compile(r"^\s*(\d{1,2})\s*$")
# Buttons that have a typed command: shown as the command, not numbered, so that a
# number typed as a dialogue's answer is not taken for them.
TYPED_COMMANDS = typed_commands()  # {"x": "/huy"}
MAX_PHOTO_BYTES = 20 * 1024 * 1024


# --------------------------------------------------------------------------- client


class ZaloApiError(Exception):
    """An answer with ok=false (error_code, description), or a transport failure
    (error_code 0). The text never contains the bot token."""

    def __init__(self, error_code: int, description: str, *, retry_after: float | None = None):
        super().__init__(f"{error_code}: {description}")
        self.error_code = error_code
        self.description = description
        self.retry_after = retry_after

    @property
    def transient(self) -> bool:
        """Worth retrying as is: the network, a timeout, the platform's own errors."""
        return self.error_code in (0, 408, 429) or self.error_code >= 500


class _Redact(logging.Filter):
    """httpx logs every request URL, and Zalo's URLs carry the token."""

    secrets: set[str] = set()

    def filter(self, record: logging.LogRecord) -> bool:
        if self.secrets:
            message = record.getMessage()
            redacted = redact(message, *self.secrets)
            if redacted != message:
                record.msg, record.args = redacted, ()
        return True


_REDACT = _Redact()
logging.getLogger("httpx").addFilter(_REDACT)


def redact(text: str, *tokens: str) -> str:
    for token in tokens:
        if token:
            text = text.replace(token, "<token>")
            secret = token.partition(":")[2]
            if len(secret) >= 8:
                text = text.replace(secret, "<token>")
    return text


class ZaloClient:
    """`POST {ZALO_API_URL}/bot<token>/<method>` with a JSON body; the `result` of the
    envelope is returned, ok=false raises `ZaloApiError`. One AsyncClient (connection
    reuse); `aclose()` when done."""

    def __init__(self, token: str, api_url: str = DEFAULT_API_URL, *, timeout: float = 15.0,
                 pool: int = 16):
        if not token:
            raise ValueError("a Zalo bot token is required")
        self._token = token
        self._base = f"{api_url.rstrip('/')}/bot{token}/"
        self.timeout = timeout
        self._http = httpx.AsyncClient(timeout=httpx.Timeout(timeout, connect=10.0),
                                       limits=httpx.Limits(max_connections=pool, max_keepalive_connections=pool))
        _REDACT.secrets.add(token)

    def __repr__(self) -> str:  # never the token
        return f"ZaloClient({self._base.split('/bot', 1)[0]})"

    async def aclose(self) -> None:
        await self._http.aclose()

    async def __aenter__(self) -> ZaloClient:
        return self

    async def __aexit__(self, *exc) -> None:
        await self.aclose()

    async def call(self, method: str, payload: dict | None = None, *, timeout: float | None = None) -> Any:
        try:
            response = await self._http.post(self._base + method, json=payload or {},
                                             timeout=timeout if timeout is not None else httpx.USE_CLIENT_DEFAULT)
        except httpx.HTTPError as exc:
            # `from None`: httpx's exception carries the request (and so the token) along.
            raise ZaloApiError(0, redact(f"{type(exc).__name__}: {exc}", self._token)) from None
        try:
            body = response.json()
        except ValueError:
            body = None
        if not isinstance(body, dict) or "ok" not in body:
            # Not the API's envelope: a proxy's error page, a wrong ZALO_API_URL.
            code = response.status_code if response.status_code >= 400 else 502
            raise ZaloApiError(code, redact(f"HTTP {response.status_code} {response.reason_phrase}", self._token))
        if not body.get("ok"):
            params = body.get("parameters")
            if not isinstance(params, dict):
                params = {}
            retry_after = params.get("retry_after")
            error_code = body.get("error_code")
            raise ZaloApiError(int(error_code) if isinstance(error_code, int | float) else response.status_code,
                               redact(str(body.get("description") or ""), self._token),
                               retry_after=float(retry_after) if isinstance(retry_after, int | float) else None)
        return body.get("result")

    async def get_me(self) -> dict:
        return await self.call("getMe")

    async def get_updates(self, timeout: int = POLL_TIMEOUT) -> list[dict]:
        """Long polling: waits up to `timeout` seconds. Zalo answers one update (an
        object) per call; a list is accepted too. No update → []."""
        try:
            # The docs type `timeout` as a string.
            result = await self.call("getUpdates", {"timeout": str(timeout)}, timeout=timeout + 10)
        except ZaloApiError as exc:
            if exc.error_code == 408:  # the long poll ended without an update
                return []
            raise
        if isinstance(result, list):
            return [u for u in result if isinstance(u, dict)]
        return [result] if isinstance(result, dict) and result else []

    async def set_webhook(self, url: str, secret_token: str) -> dict:
        if not 8 <= len(secret_token) <= 256:
            raise ValueError("the webhook secret must be 8 to 256 characters")
        return await self.call("setWebhook", {"url": url, "secret_token": secret_token})

    async def delete_webhook(self) -> dict:
        return await self.call("deleteWebhook")

    async def get_webhook_info(self) -> dict:
        return await self.call("getWebhookInfo")

    async def send_message(self, chat_id: str, text: str) -> dict:
        return await self.call("sendMessage", {"chat_id": str(chat_id), "text": text})

    async def send_photo(self, chat_id: str, photo: str, caption: str | None = None) -> dict:
        payload = {"chat_id": str(chat_id), "photo": photo}
        if caption:
            payload["caption"] = caption
        return await self.call("sendPhoto", payload)

    async def send_chat_action(self, chat_id: str, action: str = "typing") -> Any:
        return await self.call("sendChatAction", {"chat_id": str(chat_id), "action": action})


# --------------------------------------------------------------------------- menus


@dataclass(frozen=True)
class Menu:
    options: tuple[str, ...]  # button data; option n is options[n - 1]
    lang: str


class MenuStore:
    """The numbered buttons last shown in each chat, in the database (ChatMenu): the
    menu a reminder (dispatcher process) or another serve process showed is answered
    wherever the number arrives. Kept 24 h, like a dialogue."""

    def __init__(self, db: Database):
        self.db = db

    def get(self, chat_id: str) -> Menu | None:
        with self.db.session() as session:
            row = dialogs.get_menu(session, CHANNEL, chat_id)
            return Menu(tuple(row.options), row.lang) if row is not None else None

    def set(self, chat_id: str, options: list[str], lang: str) -> None:
        """The menu of the message just sent; a message without one ends the last."""
        with self.db.session() as session:
            dialogs.set_menu(session, CHANNEL, chat_id, options, lang)

    def restore(self, chat_id: str, menu: Menu | None) -> None:
        self.set(chat_id, list(menu.options) if menu else [], menu.lang if menu else DEFAULT)


def render(text: str, buttons: list[list[Button]], t: Translator, start: int = 0) -> tuple[str, list[str]]:
    """Text with its buttons as a numbered list (numbers from start + 1), and the
    button data of those numbers."""
    options: list[str] = []
    lines: list[str] = []
    typed: list[str] = []
    for row in buttons:
        cells = []
        for button in row:
            command = TYPED_COMMANDS.get(button.data)
            if command:
                if command not in text:  # the text may say it already ("gõ /huy để hủy")
                    typed.append(t("zalo.typed_command", label=button.text, command=command))
                continue
            options.append(button.data)
            cells.append(f"[{start + len(options)}] {button.text}")
        if cells:
            lines.append("   ".join(cells))
    parts = [text.strip()] if text.strip() else []
    if lines:
        parts.append(t("zalo.menu_hint") + "\n" + "\n".join(lines))
    if typed:
        parts.append("\n".join(typed))
    return "\n\n".join(parts), options


def split_text(text: str, limit: int = MAX_MESSAGE) -> list[str]:
    """Zalo refuses texts over 2,000 characters."""
    return split_message(text, limit)


def update_key(update: dict) -> str | None:
    """What identifies an update for de-duplication (Zalo updates carry no update_id):
    the event and the message id."""
    message = _unwrap(update).get("message")
    if isinstance(message, dict) and message.get("message_id"):
        return f"{_unwrap(update).get('event_name', '')}:{message['message_id']}"[:64]
    return None


def _unwrap(update: dict) -> dict:
    # A webhook body is the update itself; accept the {ok, result} envelope as well.
    if isinstance(update, dict) and update.get("ok") is True and isinstance(update.get("result"), dict):
        return update["result"]
    return update if isinstance(update, dict) else {}


def _download(url: str) -> bytes:
    """The content of a photo the person sent (blocking: handlers run in a thread)."""
    with httpx.Client(timeout=30, follow_redirects=True) as http, http.stream("GET", url) as response:
        response.raise_for_status()
        data = bytearray()
        for chunk in response.iter_bytes():
            data += chunk
            if len(data) > MAX_PHOTO_BYTES:
                raise ValueError("photo too large")
        return bytes(data)


# --------------------------------------------------------------------------- adapter


# Publishes a file and returns a public https URL for it (sendPhoto takes a URL, not bytes).
Publisher = Callable[[str, bytes], Awaitable[str]]


class ZaloAdapter:
    def __init__(self, assistant: Assistant, client: ZaloClient, *, menus: MenuStore | None = None,
                 publish: Publisher | None = None, poll_timeout: int = POLL_TIMEOUT):
        self.assistant = assistant
        self.client = client
        self.menus = menus if menus is not None else MenuStore(assistant.db)
        self.publish = publish
        self.poll_timeout = poll_timeout
        # Updates of one chat are handled in order (a dialogue answer after its question).
        self._chat_locks: dict[str, list] = {}
        self._slots = asyncio.Semaphore(MAX_CONCURRENT)
        self._inflight: set[asyncio.Task] = set()
        self._stop = asyncio.Event()
        self._task: asyncio.Task | None = None

    # ---- updates → Incoming

    @staticmethod
    def to_incoming(update: dict) -> Incoming | None:
        update = _unwrap(update)
        message = update.get("message")
        if not isinstance(message, dict):
            return None
        sender = message.get("from") or message.get("sender") or {}
        chat = message.get("chat") or {}
        if not isinstance(sender, dict) or not isinstance(chat, dict) or sender.get("is_bot"):
            return None
        user_id = str(sender.get("id") or "")
        if not user_id:
            return None
        chat_id = str(chat.get("id") or user_id)
        name = str(sender.get("display_name") or sender.get("name") or sender.get("first_name") or "")
        message_id = str(message["message_id"]) if message.get("message_id") else None
        # The API reference's getUpdates sample has no event_name: a text is a text.
        event = update.get("event_name") or (TEXT_EVENT if "text" in message else "")
        if event == TEXT_EVENT:
            text = message.get("text")
            if not isinstance(text, str):
                return None
            return Incoming(channel=CHANNEL, chat_id=chat_id, user_id=user_id, display_name=name, text=text,
                            message_id=message_id)
        if event == IMAGE_EVENT:
            url = message.get("photo_url") or message.get("photo") or message.get("url")
            if not isinstance(url, str) or not url.startswith(("http://", "https://")):
                return None
            # The URL is the photo's handle; a long one would not fit the report's column.
            ref = url if len(url) <= 512 else f"zalo:{message_id}"
            caption = message.get("caption") if isinstance(message.get("caption"), str) else None
            attachment = Attachment("photo", ref, "photo.jpg", "image/jpeg", None, fetch=lambda: _download(url))
            return Incoming(channel=CHANNEL, chat_id=chat_id, user_id=user_id, display_name=name, text=caption,
                            message_id=message_id, attachment=attachment)
        return None  # stickers, unsupported messages, other events

    # ---- handling

    async def handle_update(self, update: dict) -> None:
        """Answer one update (from polling or a webhook route). Never raises for a
        platform failure: it is logged and the update counts as handled."""
        incoming = self.to_incoming(update)
        if incoming is None:
            return
        # [lock, users]: the entry goes when no update of the chat holds or awaits it.
        entry = self._chat_locks.setdefault(incoming.chat_id, [asyncio.Lock(), 0])
        entry[1] += 1
        try:
            async with entry[0], self._slots:
                await self._handle(incoming)
        finally:
            entry[1] -= 1
            if entry[1] == 0:
                del self._chat_locks[incoming.chat_id]

    async def _handle(self, incoming: Incoming) -> None:
        menu = await asyncio.to_thread(self.menus.get, incoming.chat_id)
        choice = _MENU_CHOICE.match(incoming.text or "") if menu and incoming.attachment is None else None
        if choice and menu is not None:
            number = int(choice.group(1))
            if not 1 <= number <= len(menu.options):
                # Ask again; the menu stays.
                await self._send_text(incoming.chat_id, Translator(menu.lang)(
                    "zalo.menu_range", number=number, count=len(menu.options)))
                return
            incoming = replace(incoming, text=None, button=menu.options[number - 1])
        replies = await asyncio.to_thread(self.assistant.handle, incoming)
        try:
            await self.deliver(incoming.chat_id, replies)
        except ZaloApiError as exc:
            log.warning("zalo: reply to chat %s not delivered: %s", incoming.chat_id, exc)

    async def deliver(self, chat_id: str, replies: list[Reply]) -> None:
        """Send the replies; the numbered buttons (across all of them) become this
        chat's menu."""
        options: list[str] = []
        lang = next((r.lang for r in replies if r.lang), None) or DEFAULT
        t = Translator(lang)
        # This answer ends the last menu, whatever it shows itself.
        await asyncio.to_thread(self.menus.set, chat_id, [], lang)
        for reply in replies:
            # No toasts on Zalo: a notice says what the text says, unless there is no text.
            text, numbered = render(reply.text or reply.notice or "", reply.buttons, t, start=len(options))
            options += numbered
            # Set before sending: the person may answer as soon as the message arrives.
            if numbered:
                await asyncio.to_thread(self.menus.set, chat_id, options, lang)
            if reply.file is not None:
                await self._send_file(chat_id, reply.file, text, t)
            elif text:
                for chunk in split_text(text):
                    await self._send_text(chat_id, chunk)

    async def _send_file(self, chat_id: str, file: tuple[str, bytes], text: str, t: Translator) -> None:
        name, content = file
        mime = mimetypes.guess_type(name)[0] or ""
        if mime.startswith("image/") and self.publish is not None:
            url = await self.publish(name, content)
            caption, rest = (text, "") if len(text) <= MAX_MESSAGE else ("", text)
            await self._retrying(self.client.send_photo, chat_id, url, caption or None)
            for chunk in split_text(rest) if rest else ():
                await self._send_text(chat_id, chunk)
            return
        note = t("zalo.file_unavailable", name=name)
        for chunk in split_text(f"{text}\n\n{note}" if text else note):
            await self._send_text(chat_id, chunk)

    async def _send_text(self, chat_id: str, text: str) -> None:
        await self._retrying(self.client.send_message, chat_id, text)

    @staticmethod
    async def _retrying(send, *args, attempts: int = 4):
        """A reply is worth a short wait: 429 waits retry_after; network and 5xx back off."""
        for attempt in range(attempts):
            try:
                return await send(*args)
            except ZaloApiError as exc:
                if not exc.transient or attempt == attempts - 1:
                    raise
                delay = exc.retry_after if exc.retry_after else 0.5 * 2 ** attempt
                await asyncio.sleep(min(delay, 30))

    # ---- long polling

    async def run_polling(self) -> None:
        """getUpdates in a loop until `stop()`; each update is handled in its own task
        (ordered per chat). Errors back off from 1 s up to 60 s."""
        self._stop.clear()
        with suppress(ZaloApiError):
            # getUpdates does not work while a webhook is set.
            await self.client.delete_webhook()
        failures = 0
        while not self._stop.is_set():
            try:
                updates = await self._poll_once()
            except ZaloApiError as exc:
                failures += 1
                delay = exc.retry_after or min(2 ** (failures - 1), 60)
                level = logging.ERROR if exc.error_code in (401, 403, 404) else logging.WARNING
                log.log(level, "zalo: getUpdates failed (%s); retrying in %.0f s", exc, delay)
                with suppress(TimeoutError):
                    await asyncio.wait_for(self._stop.wait(), timeout=delay)
                continue
            if updates is None:
                break
            failures = 0
            for update in updates:
                task = asyncio.create_task(self._safe_handle(update))
                self._inflight.add(task)
                task.add_done_callback(self._inflight.discard)
        if self._inflight:
            await asyncio.gather(*list(self._inflight), return_exceptions=True)

    async def _poll_once(self) -> list[dict] | None:
        """One long poll, cut short by stop(): None then."""
        poll = asyncio.ensure_future(self.client.get_updates(self.poll_timeout))
        stopped = asyncio.ensure_future(self._stop.wait())
        try:
            await asyncio.wait({poll, stopped}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            stopped.cancel()
        if not poll.done():
            poll.cancel()
            with suppress(asyncio.CancelledError, ZaloApiError):
                await poll
            return None
        return poll.result()

    async def _safe_handle(self, update: dict) -> None:
        try:
            await self.handle_update(update)
        except Exception:  # one bad update must not stop the others
            log.exception("zalo: failed to handle an update")

    @property
    def pending(self) -> int:
        """Updates taken by polling and not answered yet."""
        return len(self._inflight)

    async def start(self) -> None:
        """Long polling in the background (a service of `nhacviec run`)."""
        self._stop.clear()
        self._task = asyncio.create_task(self.run_polling())

    async def stop(self) -> None:
        """Ends polling, lets the updates in hand finish, and closes the client."""
        self._stop.set()
        if self._task is not None:
            await self._task
            self._task = None
        await self.client.aclose()


# --------------------------------------------------------------------------- outbox


class ZaloSender:
    """Sends outbox rows to Zalo chats; the dispatcher paces and settles. A row's
    buttons become a numbered menu, answered through the adapter of this process."""

    channel = CHANNEL
    limits = LIMITS

    def __init__(self, token: str, api_url: str = DEFAULT_API_URL, *, db: Database):
        self.token, self.api_url = token, api_url
        self.menus = MenuStore(db)
        self.client: ZaloClient | None = None

    async def start(self) -> None:
        if self.client is None:
            self.client = ZaloClient(self.token, self.api_url)

    async def stop(self) -> None:
        if self.client is not None:
            await self.client.aclose()
            self.client = None

    def _started(self) -> ZaloClient:
        if self.client is None:
            raise RuntimeError("ZaloSender.send before start()")
        return self.client

    async def send(self, chat_id: str, payload: dict) -> SendResult:
        if self.client is None:
            await self.start()
        lang = payload.get("lang") or DEFAULT
        buttons = [[Button(**b) for b in row] for row in payload.get("buttons", [])]
        text, options = render(payload.get("text") or "", buttons, Translator(lang))
        previous = await asyncio.to_thread(self.menus.get, chat_id)
        await asyncio.to_thread(self.menus.set, chat_id, options, lang)
        file = payload.get("file") or {}
        try:
            # A photo sent through Zalo is a public URL: shown again. Other files are named in the text.
            if file.get("channel") == CHANNEL and str(file.get("ref", "")).startswith(("https://", "http://")):
                await self._started().send_photo(chat_id, file["ref"])
            for chunk in split_text(text):
                await self._started().send_message(chat_id, chunk)
        except ZaloApiError as exc:
            await asyncio.to_thread(self.menus.restore, chat_id, previous)
            return result_of(exc)
        return SENT


_GONE = re.compile(r"block|chặn|not found|không tồn tại|unfollow|not a follower", re.IGNORECASE)


def result_of(exc: ZaloApiError) -> SendResult:
    """The dispatcher's verdict on a failed send (error codes: docs/zalo.md)."""
    code, error = exc.error_code, str(exc)
    if code == 429:
        return SendResult("retry", retry_after=exc.retry_after, error=error)
    if code == 403 or (code in (400, 404) and _GONE.search(exc.description)):
        return SendResult("blocked", error=error)
    if code in (400, 404, 413):
        return SendResult("bad", error=error)
    # 0 (network), 401 (token: a configuration fault, not the row's), 408, 5xx.
    return SendResult("retry", error=error)


async def run_services(services: tuple) -> None:
    """`nhacviec run` without Telegram: start the services (reminders, Zalo polling),
    run until SIGINT or SIGTERM, stop them in reverse order."""
    import signal

    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    started = []
    try:
        for service in services:
            await service.start()
            started.append(service)
        await stop.wait()
    finally:
        for service in reversed(started):
            await service.stop()
