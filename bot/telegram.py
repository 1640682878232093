"""Telegram adapter: python-telegram-bot updates ⇄ neutral messages.

Everything Telegram-specific lives here: building the Application (API URL,
rate limiter), turning an Update into an `Incoming`, and rendering each `Reply`
as sendMessage / editMessageText / answerCallbackQuery / sendDocument.
"""
from __future__ import annotations

import asyncio
import json
import logging
from collections import defaultdict
from dataclasses import replace
from typing import NamedTuple, TypeGuard

import aiohttp
from telegram import BotCommand, Message, Update
from telegram.error import BadRequest, Forbidden, TelegramError
from telegram.ext import (
    AIORateLimiter,
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from handlers.commands import menu_commands
from handlers.router import Assistant
from locales import DEFAULT, Translator
from presentation.messages import Attachment, Incoming, Reply
from reminders.dispatcher import SENT, ChannelLimits, SendResult

from .chunks import split_message
from .ptb_request import AiohttpRequest

log = logging.getLogger(__name__)

CHANNEL = "telegram"
# What the Bot API allows, as the outbox dispatcher reads it: about 30 messages a second
# overall (we keep a little under), one a second per chat, 20 a minute in a group (whose
# chat ids are negative), 4,096 characters a message, inline buttons.
LIMITS = ChannelLimits(per_second=29.0, per_chat_interval=1.0, group_per_minute=20, group_prefix="-",
                       max_text=4096, buttons=True)
MAX_MESSAGE = LIMITS.max_text
OVERALL_PER_SECOND = LIMITS.per_second
# Handlers do blocking database work in threads; this bounds how many at once.
MAX_CONCURRENT = 16


def api_base(api_url: str) -> tuple[str, str]:
    """TELEGRAM_API_URL is a server root; PTB wants the /bot and /file/bot prefixes."""
    root = api_url.rstrip("/")
    return f"{root}/bot", f"{root}/file/bot"


class TelegramAdapter:
    def __init__(self, assistant: Assistant, token: str, api_url: str = "https://api.telegram.org",
                 *, max_retries: int = 5, services: tuple = (), overall_per_second: float = OVERALL_PER_SECOND):
        self.assistant = assistant
        # Started after the bot is up, stopped before it shuts down (scheduler, dispatcher).
        self.services = services
        base_url, base_file_url = api_base(api_url)
        self.application: Application = (
            ApplicationBuilder()
            .token(token)
            .base_url(base_url)
            .base_file_url(base_file_url)
            # Queues sends under Telegram's limits and waits out 429 retry_after, so a
            # burst (60 people sending /start at once) is answered in full. One message
            # per 1/29 s rather than "30 per second": the latter lets 30 go at once and
            # then 30 more within the same second, which Telegram answers with 429.
            # 0: no overall pacing (a local test server); 429s are still waited out.
            .rate_limiter(AIORateLimiter(overall_max_rate=1 if overall_per_second else 0,
                                         overall_time_period=1 / (overall_per_second or OVERALL_PER_SECOND),
                                         max_retries=max_retries))
            .concurrent_updates(MAX_CONCURRENT)
            # The bot's calls on aiohttp (bot/ptb_request.py: httpx's pool cost most of an
            # update's CPU under a webhook burst); getUpdates keeps PTB's default.
            .request(AiohttpRequest(pool=MAX_CONCURRENT))
            .post_init(self._post_init)
            .post_stop(self._post_stop)
            .build()
        )
        # Updates of one chat are handled in order (a dialogue answer after its question).
        self._chat_locks: defaultdict[str, asyncio.Lock] = defaultdict(asyncio.Lock)
        # Webhook answers still open for a reply, by update_id (see WebhookReply).
        self._webhook_replies: dict[int, WebhookReply] = {}
        self.application.add_handlers([
            CallbackQueryHandler(self.on_update),
            MessageHandler(filters.ALL & ~filters.StatusUpdate.ALL, self.on_update),
        ])
        self.application.add_error_handler(self.on_error)

    async def _post_init(self, application: Application) -> None:
        commands = [BotCommand(name, text) for name, text in menu_commands(Translator(DEFAULT))]
        try:
            await application.bot.set_my_commands(commands)
        except TelegramError:
            log.warning("could not set the command menu", exc_info=True)
        for service in self.services:
            await service.start()

    async def _post_stop(self, application: Application) -> None:
        for service in reversed(self.services):
            await service.stop()

    @staticmethod
    def to_incoming(update: Update) -> Incoming | None:
        user = update.effective_user
        chat = update.effective_chat
        if user is None or chat is None or user.is_bot:
            return None
        name = user.full_name or user.username or ""
        query = update.callback_query
        if query is not None:
            message = query.message if isinstance(query.message, Message) else None
            return Incoming(channel=CHANNEL, chat_id=str(chat.id), user_id=str(user.id), display_name=name,
                            button=query.data or "", message_id=str(message.message_id) if message else None,
                            language_hint=user.language_code)
        message = update.effective_message
        if message is None:
            return None
        attachment = None
        if message.document:
            doc = message.document
            attachment = Attachment("document", doc.file_id, doc.file_name, doc.mime_type, doc.file_size)
        elif message.photo:
            photo = message.photo[-1]  # the largest size
            attachment = Attachment("photo", photo.file_id, "photo.jpg", "image/jpeg", photo.file_size)
        return Incoming(channel=CHANNEL, chat_id=str(chat.id), user_id=str(user.id), display_name=name,
                        text=message.text or message.caption, message_id=str(message.message_id),
                        attachment=attachment, language_hint=user.language_code)

    def webhook_reply(self, update: Update | PlainUpdate) -> WebhookReply:
        """Open the answer to this update's webhook request for its last message (serve
        mode); the server closes it when it answers, whether or not a call came."""
        reply = WebhookReply(self._webhook_replies, update.update_id)
        self._webhook_replies[update.update_id] = reply
        return reply

    async def on_update(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        incoming = self.to_incoming(update)
        if incoming is None:
            return
        query = update.callback_query
        await self._serve(incoming, update.update_id, query.id if query is not None else None)

    async def process_webhook_update(self, update: Update | PlainUpdate) -> None:
        """Serve mode: a plain text message or button press straight to the assistant
        (`plain_update`), anything else through the PTB Application's handlers."""
        if isinstance(update, PlainUpdate):
            try:
                await self._serve(update.incoming, update.update_id, update.query_id)
            except Forbidden as exc:  # as on_error: the person blocked the bot
                log.warning("bot blocked in a chat: %s", exc)
            return
        await self.application.process_update(update)

    async def _serve(self, incoming: Incoming, update_id: int, query_id: str | None) -> None:
        if incoming.attachment is not None and incoming.attachment.kind == "document":
            incoming = replace(incoming, attachment=replace(
                incoming.attachment, fetch=self._fetcher(incoming.attachment.ref, asyncio.get_running_loop())))
        async with self._chat_locks[incoming.chat_id]:
            replies = await asyncio.to_thread(self.assistant.handle, incoming)
            await self.deliver(incoming, replies, update_id=update_id, query_id=query_id)

    def _fetcher(self, file_id: str, loop: asyncio.AbstractEventLoop):
        """Download on demand: handlers run in a worker thread and only a directive
        upload needs the bytes (getFile serves files up to 20 MB)."""
        async def download() -> bytes:
            file = await self.application.bot.get_file(file_id)
            return bytes(await file.download_as_bytearray())

        def fetch() -> bytes:
            try:
                return asyncio.run_coroutine_threadsafe(download(), loop).result(timeout=120)
            except (TelegramError, TimeoutError) as exc:
                raise OSError(f"download failed: {exc}") from exc
        return fetch

    async def deliver(self, incoming: Incoming, replies: list[Reply], *, update_id: int,
                      query_id: str | None = None) -> None:
        bot = self.application.bot
        if query_id is not None:
            # Always answer a button press, or the client shows a spinner for a while.
            answer: dict = {"callback_query_id": query_id}
            notice = next((r.notice for r in replies if r.notice), None)
            if notice:
                answer["text"] = notice
            try:
                await self._call("answerCallbackQuery", answer)
            except TelegramError:
                log.info("callback answer failed (too old?)", exc_info=True)
        chat_id = int(incoming.chat_id)
        # Each message waits until the next one is due, so that the last can go back in
        # the webhook's answer: Telegram runs that call after the answer, i.e. after every
        # earlier call here has completed, and the order is kept.
        waiting: dict | None = None
        for reply in replies:
            if waiting is not None:
                await self._call("sendMessage", waiting)
                waiting = None
            if reply.file is not None:
                name, content = reply.file
                caption = reply.text[:1024] or None
                if name.lower().endswith((".png", ".jpg", ".jpeg")):  # a chart: shown inline, not as a file
                    await bot.send_photo(chat_id, photo=content, filename=name, caption=caption)
                else:
                    await bot.send_document(chat_id, document=content, filename=name, caption=caption)
                continue
            markup = _markup(reply)
            if reply.edit and incoming.message_id and query_id is not None and await self._edit(
                    chat_id, int(incoming.message_id), reply.text, markup):
                continue
            chunks = split_text(reply.text)
            for i, chunk in enumerate(chunks):
                if waiting is not None:
                    await self._call("sendMessage", waiting)
                waiting = {"chat_id": chat_id, "text": chunk}
                if markup and i == len(chunks) - 1:
                    waiting["reply_markup"] = markup
        if waiting is not None:
            webhook = self._webhook_replies.get(update_id)
            if webhook is None or not await self._offer(webhook, waiting):
                await self._call("sendMessage", waiting)

    async def _offer(self, answer: WebhookReply, params: dict) -> bool:
        """Hand a sendMessage to the webhook's answer, paced by the same rate limiter as
        the bot's own requests (Telegram's limits count it like any other message)."""
        async def place(*_args, **_kwargs) -> bool:
            return answer.offer("sendMessage", params)
        limiter = self.application.bot.rate_limiter
        if limiter is None:
            return answer.offer("sendMessage", params)
        return bool(await limiter.process_request(place, (), {}, "sendMessage", params, None))

    async def _edit(self, chat_id: int, message_id: int, text: str, markup) -> bool:
        """Edit in place (paging). False when Telegram refuses, so a new message is sent."""
        if len(text) > MAX_MESSAGE:
            return False
        try:
            params: dict = {"chat_id": chat_id, "message_id": message_id, "text": text}
            if markup:
                params["reply_markup"] = markup
            await self._call("editMessageText", params)
        except BadRequest as exc:
            if "not modified" in str(exc).lower():
                return True
            log.info("edit refused (%s); sending a new message", exc)
            return False
        return True

    async def _call(self, method: str, params: dict) -> object:
        """A Bot API call through PTB's request stack and rate limiter, with plain dicts:
        building the keyboard's TelegramObjects, serializing them and parsing the answer
        into a Message were a quarter of a task page's CPU. Errors are PTB's as usual
        (BadRequest, Forbidden, RetryAfter waited out by the rate limiter). Bot._post is
        what do_api_request runs, without its per-call warning that send_message exists."""
        return await self.application.bot._post(method, params)

    async def on_error(self, update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        err = context.error
        if isinstance(err, Forbidden):
            log.warning("bot blocked in a chat: %s", err)
            return
        log.error("error while handling an update", exc_info=err)

    def run_polling(self) -> None:
        self.application.run_polling(allowed_updates=Update.ALL_TYPES, drop_pending_updates=False)


class PlainUpdate(NamedTuple):
    """A Telegram update already turned into an `Incoming`, without PTB's objects."""

    update_id: int
    incoming: Incoming
    query_id: str | None = None


def plain_update(data: dict) -> PlainUpdate | None:
    """The common updates of serve mode — a text message, a button press — read straight
    from the webhook's JSON: building PTB's Update (de_json) and running its handler
    checks were a tenth of a webhook update's CPU. Gives exactly what `to_incoming` gives
    for the same update (tested). None for any other update, or where a field read here
    is missing or of the wrong type: such an update takes PTB's way (and its validation)."""
    update_id = data.get("update_id")
    if len(data) != 2 or not _is_int(update_id):
        return None
    message = data.get("message")
    if message is not None:  # a text message
        if not isinstance(message, dict) or "document" in message or "photo" in message:
            return None
        text, button, query_id, sender = message.get("text"), None, None, message.get("from")
        if not isinstance(text, str) or not text:
            return None
    else:  # a button press
        query = data.get("callback_query")
        if not isinstance(query, dict):
            return None
        message, text, button, query_id, sender = (query.get("message"), None, query.get("data"), query.get("id"),
                                                   query.get("from"))
        if not isinstance(message, dict) or not isinstance(button, str) or not isinstance(query_id, str):
            return None
    where, user = _where(message), _user(sender)
    if where is None or user is None:
        return None
    return PlainUpdate(update_id, Incoming(channel=CHANNEL, chat_id=where[0], user_id=user[0], display_name=user[1],
                                           text=text, button=button, message_id=where[1], language_hint=user[2]),
                       query_id)


def _is_int(value: object) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def _where(message: dict) -> tuple[str, str] | None:
    """(chat id, message id) of a well-formed message."""
    chat = message.get("chat")
    if (not isinstance(chat, dict) or not _is_int(chat.get("id")) or not isinstance(chat.get("type"), str)
            or not _is_int(message.get("message_id")) or not _is_int(message.get("date"))):
        return None
    return str(chat["id"]), str(message["message_id"])


def _user(user: object) -> tuple[str, str, str | None] | None:
    """(id, display name as PTB's full_name or username, language code) of a well-formed
    user who is not a bot (bots are PTB's way: ignored)."""
    if not isinstance(user, dict) or not _is_int(user.get("id")) or user.get("is_bot") is not False:
        return None
    first, last, username, language = (user.get(k) for k in ("first_name", "last_name", "username", "language_code"))
    if not isinstance(first, str) or any(v is not None and not isinstance(v, str) for v in (last, username, language)):
        return None
    name = f"{first} {last}" if last else first
    return str(user["id"]), name or username or "", language


class WebhookReply:
    """The answer to one webhook request, which may carry one Bot API call: Telegram
    runs it as if the bot had made the request ("Making requests when getting updates"
    in the Bot API docs), which saves the bot a request per update. Its result is never
    seen, so only a plain sendMessage goes this way (an edit that Telegram refuses must
    fall back to a new message; a file is too big). Open until the server answers;
    whatever comes later goes as a request of its own."""

    __slots__ = ("_owner", "_key", "_open", "call")

    def __init__(self, owner: dict, key: int):
        self._owner, self._key = owner, key
        self._open = True
        self.call: dict | None = None

    def offer(self, method: str, params: dict) -> bool:
        if not self._open or self.call is not None:
            return False
        self.call = {"method": method, **params}
        return True

    def close(self) -> dict | None:
        """No more offers; the call to put in the answer, if one came."""
        self._open = False
        self._owner.pop(self._key, None)
        return self.call


def _markup(reply: Reply) -> dict | None:
    """The reply's buttons as a Bot API inline keyboard (a plain dict, see _call)."""
    rows = [[{"text": b.text, "callback_data": b.data} for b in row] for row in reply.buttons if row]
    return {"inline_keyboard": rows} if rows else None


class TelegramSender:
    """Sends outbox rows. No rate limiter here: the dispatcher paces, and it needs to
    see 429/403/400 itself to reschedule, mark the chat blocked, or park the row.

    A thin HTTP client posting sendMessage JSON, not python-telegram-bot's Bot (which
    stays the stack of the interactive bot): the outbox needs only the raw status codes,
    and Bot's request layer and Message parsing were most of a push's CPU time. aiohttp
    rather than httpx: against the fake Bot API one httpx client (any pool size) topped
    out near 600 requests/s of CPU, aiohttp's C parser and pool near 2,000."""

    channel = CHANNEL
    limits = LIMITS

    def __init__(self, token: str, api_url: str = "https://api.telegram.org", *, pool: int = 16):
        base_url, _ = api_base(api_url)
        self.url = f"{base_url}{token}/sendMessage"
        self.base = f"{base_url}{token}/"
        self._token = token
        # 16 keep-alive connections: at 29 msg/s even a 0.5 s round trip needs fewer.
        self.pool = pool
        self._session: aiohttp.ClientSession | None = None

    async def start(self) -> None:
        self._session = aiohttp.ClientSession(
            connector=aiohttp.TCPConnector(limit=self.pool),
            timeout=aiohttp.ClientTimeout(total=None, connect=10, sock_read=15))

    async def stop(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None

    async def send(self, chat_id: str, payload: dict) -> SendResult:
        try:
            chat = int(chat_id)
        except ValueError as exc:
            return SendResult("bad", error=str(exc))
        file = payload.get("file")
        if file and file.get("channel") == CHANNEL and file.get("ref"):
            # A file the person sent through this bot: its file_id is good for sending it on.
            # A file Telegram refuses (too old, of another bot) does not stop the message.
            method, field = ("sendPhoto", "photo") if file.get("kind") == "photo" else ("sendDocument", "document")
            result = await self._post({"chat_id": chat, field: file["ref"]}, method)
            if result is not SENT and result.status != "bad":
                return result
        markup = inline_keyboard(payload.get("buttons") or [])
        chunks = split_text(payload.get("text") or " ")
        for i, chunk in enumerate(chunks):
            body: dict = {"chat_id": chat, "text": chunk}
            if markup and i == len(chunks) - 1:
                body["reply_markup"] = markup
            result = await self._post(body)
            if result is not SENT:
                return result
        return SENT

    async def _post(self, body: dict, method: str | None = None) -> SendResult:
        assert self._session is not None, "TelegramSender.start() first"
        url = self.base + method if method else self.url
        try:
            async with self._session.post(url, json=body) as response:
                status, raw = response.status, await response.read()
        except (aiohttp.ClientError, TimeoutError) as exc:  # network errors and timeouts
            # The error is stored on the row: never with the token (an URL error names the URL).
            return SendResult("retry", error=f"{type(exc).__name__}: {exc}".replace(self._token, "[redacted]"))
        if status == 200:
            return SENT
        try:
            answer = json.loads(raw)
        except ValueError:
            answer = None
        if not isinstance(answer, dict):
            answer = {}
        error = str(answer.get("description") or f"HTTP {status}")
        retry_after = (answer.get("parameters") or {}).get("retry_after")
        if status == 429 and retry_after is not None:
            return SendResult("retry", retry_after=float(retry_after), error=error)
        if status == 403:
            return SendResult("blocked", error=error)
        if status == 400:
            return SendResult("bad", error=error)
        return SendResult("retry", error=error)  # 5xx, and anything unexpected: try again later


def inline_keyboard(buttons: list[list[dict]]) -> dict | None:
    """An outbox payload's buttons ([[{"text", "data"}]]) as a Bot API inline keyboard."""
    rows = [[{"text": b["text"], "callback_data": b["data"]} for b in row] for row in buttons if row]
    return {"inline_keyboard": rows} if rows else None


def split_text(text: str, limit: int = MAX_MESSAGE) -> list[str]:
    """Telegram refuses messages over 4096 characters."""
    return split_message(text, limit)
