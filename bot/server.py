"""Server mode (`nhacviec serve`): the platforms' webhooks under one ASGI app (Starlette,
run by uvicorn), for several processes behind a reverse proxy on one PostgreSQL.

Routes
    POST /telegram/webhook   mounted when TELEGRAM_BOT_TOKEN is set
    POST /zalo/webhook       mounted when ZALO_BOT_TOKEN is set
    GET  /healthz            200 {"status": "ok"} when the database answers, else 503
    /web …                   the office's web desk (bot.web), opened with a link from /web

A webhook request goes through, in this order (bad input never reaches a handler and
never earns a 500):
1. its secret header (Telegram: X-Telegram-Bot-Api-Secret-Token, Zalo:
   X-Bot-Api-Secret-Token, both = WEBHOOK_SECRET) compared in constant time → 401;
2. the body, read incrementally up to MAX_BODY bytes whatever Content-Length says → 413;
3. UTF-8 JSON, an object with the update's id (Telegram: update_id; Zalo: event +
   message id, bot.zalo.update_key), whose fields have the platform's types and ranges
   (bot/contract.py: ids within 64 bits, texts as strings, nesting at most 64 deep) →
   else 400; an update of a kind the channel does not answer (an edited message) → 200,
   ignored;
4. a processing slot (at most `concurrency` updates in hand per process); none free
   within SLOT_WAIT seconds → 503 and nothing recorded, so the platform delivers again;
5. the update is recorded in ProcessedUpdate (channel, id): the INSERT … ON CONFLICT DO
   NOTHING is the de-duplication across every serve process: a redelivery, or the same
   update already taken by another process, is answered 200 and nothing more (updates
   arriving while a record is being written are recorded together, in one transaction);
6. the update goes to the channel's adapter in a background task (Telegram's PTB
   Application in webhook mode, no updater: a text message or a button press goes
   straight to the assistant, other updates through process_update; the Zalo adapter's
   handle_update). Both adapters keep the updates of one chat in order within the
   process. Zalo gets 200 at once. Telegram's answer waits up to REPLY_WAIT for the
   handler and carries the reply's last message as a Bot API call, which Telegram then
   runs (TELEGRAM_WEBHOOK_REPLIES, on by default: a request fewer per update, and the
   fake API in tests runs it too); a handler still busy then sends its own requests.

Delivery is at most once: recording comes before handling because the other order
(at least once) answers a person twice whenever a platform redelivers while the first
handling is still running, possibly in another process. The price is a window: a
process killed (SIGKILL, power loss) after step 5 and before its handler finished drops
those updates — at most `concurrency` per process, and the person simply asks again.
A normal stop (SIGTERM/SIGINT) closes the window: uvicorn stops taking requests, and
the lifespan shutdown waits for the updates in hand before the process exits.

Records older than KEEP are pruned every PRUNE_EVERY seconds (platforms redeliver for a
day at most). The reminder sweep and the outbox dispatcher do not run here unless
`--with-scheduler` is given (for a single process): with several serve processes, one
`nhacviec worker` runs them.
"""
from __future__ import annotations

import asyncio
import gc
import hmac
import json
import logging
import re
import threading
from collections.abc import Awaitable, Callable
from contextlib import asynccontextmanager, nullcontext
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy import text
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from storage.crud import updates, web
from storage.models import utcnow

from . import contract
from .app import App

log = logging.getLogger(__name__)

MAX_BODY = 1 << 20  # 1 MiB: an update is a few KB; anything bigger is not from a platform
SLOT_WAIT = 10.0
CONCURRENCY = 64
KEEP = timedelta(days=2)
PRUNE_EVERY = 3600.0
DRAIN_TIMEOUT = 30.0
# How long a Telegram webhook's answer waits for the handler's reply to carry it; a
# slower handler (a directive upload) is answered without it and sends its own.
REPLY_WAIT = 2.0
TELEGRAM_SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
ZALO_SECRET_HEADER = "X-Bot-Api-Secret-Token"
# Telegram's rule for setWebhook's secret_token (Zalo asks 8–256 characters too).
SECRET_RULE = re.compile(r"[A-Za-z0-9_-]{8,256}")
# The update types the Telegram adapter answers.
TELEGRAM_UPDATES = ["message", "callback_query"]


def valid_secret(secret: str | None) -> bool:
    return bool(secret) and SECRET_RULE.fullmatch(secret) is not None


class BadUpdate(ValueError):
    """The body is not an update of this platform (answered 400)."""


# What a parser returns for an update of a kind the channel does not answer (Telegram's
# edited_message, channel_post…): acknowledged with 200 and left alone.
IGNORED = object()


class TooLarge(ValueError):
    pass


@dataclass
class Webhook:
    """One platform's route: how to name an update, parse it, and hand it over."""

    channel: str
    path: str
    header: str
    key: Callable[[dict], str | None]
    parse: Callable[[dict], Any]
    process: Callable[[Any], Awaitable[None]]
    start: Callable[[], Awaitable[None]]
    stop: Callable[[], Awaitable[None]]
    # Opens the answer to an update's request for its reply (Telegram: WebhookReply).
    answer: Callable[[Any], Any] | None = None


def telegram_webhook(app: App) -> Webhook:
    from telegram import Update

    from .telegram import PlainUpdate, TelegramAdapter, initialize_when_reachable, plain_update

    settings = app.settings
    adapter = TelegramAdapter(app.assistant, settings.telegram_bot_token, settings.telegram_api_url,
                              overall_per_second=settings.telegram_overall_per_second, polling=False)
    application = adapter.application

    def key(data: dict) -> str | None:
        update_id = data.get("update_id")
        return str(update_id) if contract.is_id(update_id) else None

    def parse(data: dict) -> Update | PlainUpdate | object:
        plain = plain_update(data)  # a text message or a button press: no PTB objects
        if plain is not None:
            return plain
        try:
            if contract.telegram_kind(data) is None:
                return IGNORED  # an edit, a channel post, a member change: not answered
        except contract.Malformed as exc:
            raise BadUpdate(str(exc)) from None
        try:
            update = Update.de_json(data, application.bot)
        except Exception as exc:  # PTB raises whatever a malformed field makes it raise
            raise BadUpdate(str(exc)) from exc
        if update is None:
            raise BadUpdate("empty update")
        return update

    async def start() -> None:
        # What run_webhook would do, without its own web server: no updater at all.
        # The Bot API may not be reachable yet (a service started before the network).
        await initialize_when_reachable(application)
        if application.post_init:
            await application.post_init(application)
        await application.start()

    async def stop() -> None:
        await application.stop()
        if application.post_stop:
            await application.post_stop(application)
        await application.shutdown()

    return Webhook("telegram", "/telegram/webhook", TELEGRAM_SECRET_HEADER, key, parse,
                   adapter.process_webhook_update, start, stop,
                   answer=adapter.webhook_reply if settings.telegram_webhook_replies else None)


def zalo_webhook(app: App) -> Webhook:
    from .zalo import ZaloAdapter, ZaloClient, update_key
    from .zalo import _unwrap as unwrap

    settings = app.settings
    client = ZaloClient(settings.zalo_bot_token, settings.zalo_api_url)
    adapter = ZaloAdapter(app.assistant, client)

    async def start() -> None:
        pass

    async def stop() -> None:
        await client.aclose()

    def parse(data: dict) -> dict:
        try:
            contract.zalo_check(unwrap(data))
        except contract.Malformed as exc:
            raise BadUpdate(str(exc)) from None
        return data

    return Webhook("zalo", "/zalo/webhook", ZALO_SECRET_HEADER, update_key, parse,
                   adapter.handle_update, start, stop)


class WebhookServer:
    """The ASGI app's state: webhooks, processing slots, tasks in hand, services."""

    def __init__(self, app: App, webhooks: list[Webhook], *, services: tuple = (),
                 concurrency: int = CONCURRENCY, keep: timedelta = KEEP, prune_every: float = PRUNE_EVERY):
        if not valid_secret(app.settings.webhook_secret):
            raise ValueError("WEBHOOK_SECRET must be 8-256 characters of A-Z a-z 0-9 _ -")
        self.app = app
        self.webhooks = webhooks
        self.services = services
        self.secret = app.settings.webhook_secret.encode()
        self.concurrency = concurrency
        self.keep, self.prune_every = keep, prune_every
        self.slots: asyncio.Semaphore | None = None
        self.inflight: set[asyncio.Task] = set()
        self.handled = 0  # updates whose handling finished (for tests and benchmarks)
        self._pruner: asyncio.Task | None = None
        self._waiting: list[tuple[str, str, asyncio.Future]] = []  # records for the next write
        self._writer: asyncio.Task | None = None
        self._write_turn = threading.Lock() if app.db.engine.dialect.name == "sqlite" else nullcontext()

    def asgi(self) -> WebhookFront:
        # The office's desk (/web) is served by Starlette behind the front; webhook paths
        # never reach it. It is built on its first request: its templates, queries and
        # pages are no part of an idle process's memory (bench/serve_memory.py).
        rest = Starlette(routes=[Route("/healthz", self.healthz, methods=["GET"])], lifespan=self.lifespan)
        return WebhookFront(self, DeskOrRest(rest, self._desk_app))

    def _desk_app(self) -> Starlette:
        from .web import Desk

        desk = Desk(self.app.db, self.app.settings)
        app = Starlette(routes=desk.routes(), middleware=desk.middleware())
        app.state.desk = desk
        return app

    # ---------------------------------------------------------------- lifecycle

    @asynccontextmanager
    async def lifespan(self, _asgi):
        self.slots = asyncio.Semaphore(self.concurrency)
        started: list[Callable[[], Awaitable[None]]] = []
        try:
            for hook in self.webhooks:
                await hook.start()
                started.append(hook.stop)
            for service in self.services:
                await service.start()
                started.append(service.stop)
            self._pruner = asyncio.create_task(self._prune_loop())
            # Everything loaded so far (modules, ORM mappers, the bot) lives as long as the
            # process: out of the collector's sight, full collections stop rescanning it
            # (they were a tenth of an update's CPU).
            gc.collect()
            gc.freeze()
            _trim_heap()
            log.info("serving %s", ", ".join(h.path for h in self.webhooks) or "/healthz only")
            yield
        finally:
            if self._pruner:
                self._pruner.cancel()
            await self.drain()
            for stop in reversed(started):
                try:
                    await stop()
                except Exception:
                    log.exception("error while stopping")
            self.app.db.dispose()

    async def drain(self, timeout: float = DRAIN_TIMEOUT) -> None:
        """Wait for the updates in hand (after the server stopped taking requests)."""
        if self.inflight:
            log.info("finishing %s updates in hand", len(self.inflight))
            _done, pending = await asyncio.wait(set(self.inflight), timeout=timeout)
            if pending:
                log.warning("%s updates still unanswered after %s s", len(pending), timeout)

    async def _prune_loop(self) -> None:
        while True:
            try:
                removed = await asyncio.to_thread(self.prune)
                if removed:
                    log.info("forgot %s processed updates older than %s", removed, self.keep)
            except Exception:
                log.exception("pruning processed updates failed")
            await asyncio.sleep(self.prune_every)

    def prune(self) -> int:
        with self.app.db.session() as session:
            # The desk's spent links, ended sessions and old attempt counts go as well.
            return updates.prune(session, utcnow() - self.keep) + web.prune(session, utcnow())

    # ---------------------------------------------------------------- routes

    async def healthz(self, _request: Request) -> JSONResponse:
        try:
            await asyncio.wait_for(asyncio.to_thread(self._ping), timeout=5)
        except Exception as exc:
            log.warning("health check: database unreachable (%s)", type(exc).__name__)
            return JSONResponse({"status": "unavailable"}, status_code=503)
        return JSONResponse({"status": "ok"})

    def _ping(self) -> None:
        with self.app.db.engine.connect() as conn:
            conn.execute(text("SELECT 1"))

    async def receive(self, hook: Webhook, secret: bytes | None, body: Body) -> tuple[int, dict]:
        """One webhook request → (HTTP status, JSON answer)."""
        if secret is None or not hmac.compare_digest(secret, self.secret):
            return _answer(401, "unauthorized")
        try:
            data = contract.loads(await body.read(MAX_BODY))
        except TooLarge:
            return _answer(413, "too large")
        except Disconnected:  # gone before the body was in: nothing to answer
            return _answer(400, "incomplete")
        except contract.Malformed:  # not UTF-8, not JSON, nested too deep
            return _answer(400, "malformed")
        if not isinstance(data, dict):
            return _answer(400, "malformed")
        key = hook.key(data)
        if key is None:
            return _answer(400, "no update id")
        try:
            update = hook.parse(data)
        except BadUpdate:
            return _answer(400, "malformed")
        if update is IGNORED:
            return _answer(200, "ignored")
        try:
            async with asyncio.timeout(SLOT_WAIT):
                await self.slots.acquire()
        except TimeoutError:
            return _answer(503, "busy")  # nothing recorded: the platform delivers again
        try:
            fresh = await self._take(hook.channel, key)
        except Exception:
            self.slots.release()
            log.exception("could not record a %s update", hook.channel)
            return _answer(503, "storage unavailable")
        if not fresh:
            self.slots.release()
            return _answer(200, "duplicate")
        answer = hook.answer(update) if hook.answer is not None else None
        task = asyncio.create_task(self._handle(hook, update))
        self.inflight.add(task)
        task.add_done_callback(self.inflight.discard)
        if answer is None:
            return _answer(200, "accepted")
        try:
            await asyncio.wait({task}, timeout=REPLY_WAIT)  # never cancels the handling
        finally:
            call = answer.close()
        return (200, call) if call is not None else _answer(200, "accepted")

    async def _take(self, channel: str, key: str) -> bool:
        """Record one update, in a group commit: updates arriving while a write is under
        way wait together and go in the next one (one transaction for all of them, not
        one each: a commit is most of a record's cost, and on SQLite every commit also
        empties the other connections' page caches). Each waiter is answered only once
        its batch committed, so the at-most-once order (record, then handle) holds."""
        waiter = asyncio.get_running_loop().create_future()
        self._waiting.append((channel, key, waiter))
        if self._writer is None:
            self._writer = asyncio.create_task(self._write_batches())
        return await waiter

    async def _write_batches(self) -> None:
        try:
            while self._waiting:
                batch, self._waiting = self._waiting, []
                try:
                    taken = await asyncio.to_thread(self._record, [(c, k) for c, k, _ in batch])
                except Exception as exc:
                    for _c, _k, waiter in batch:
                        if not waiter.done():
                            waiter.set_exception(exc)
                    continue
                for channel, key, waiter in batch:
                    fresh = (channel, key) in taken
                    taken.discard((channel, key))  # the same id twice in a batch: once fresh
                    if not waiter.done():
                        waiter.set_result(fresh)
        finally:
            self._writer = None

    def _record(self, keys: list[tuple[str, str]]) -> set[tuple[str, str]]:
        # SQLite has one writer and its busy handler sleeps 1–100 ms on a collision:
        # taking turns in the process first is far faster. PostgreSQL needs no turns.
        # A bare connection: an ORM session costs more than this one INSERT.
        with self._write_turn:
            with self.app.db.engine.begin() as conn:
                if len(keys) == 1:
                    return set(keys) if updates.record(conn, *keys[0]) else set()
                return updates.record_many(conn, keys)

    async def _handle(self, hook: Webhook, update: Any) -> None:
        try:
            await hook.process(update)
        except Exception:
            log.exception("a %s update failed", hook.channel)
        finally:
            self.handled += 1
            self.slots.release()


def _trim_heap() -> None:
    """Hand the memory that starting up used and freed (imports, the schema check, the
    catalogs) back to the system: glibc keeps freed heap pages otherwise, and they were
    a fifth of an idle process's resident memory."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # not glibc: nothing to trim this way
        pass


def _answer(status: int, result: str) -> tuple[int, dict]:
    return status, {"ok": status == 200, "result": result}


class Disconnected(Exception):
    """The client went away before its body was in."""


class Body:
    """A request's body as ASGI hands it over, read up to a limit."""

    __slots__ = ("_receive", "_declared")

    def __init__(self, receive, declared: bytes | None):
        self._receive, self._declared = receive, declared

    async def read(self, limit: int) -> bytes:
        """The body, refused as soon as it is over `limit` (Content-Length may lie or be absent)."""
        if self._declared is not None and self._declared.isdigit() and int(self._declared) > limit:
            raise TooLarge
        body = bytearray()
        while True:
            message = await self._receive()
            if message["type"] == "http.disconnect":
                raise Disconnected
            body += message.get("body", b"")
            if len(body) > limit:
                raise TooLarge
            if not message.get("more_body", False):
                return bytes(body)


class DeskOrRest:
    """/web and below go to the web desk, built when first asked for; the rest (health,
    lifespan, 404) to `rest`."""

    def __init__(self, rest, build: Callable[[], Starlette]):
        self.rest, self._build = rest, build
        self._desk: Starlette | None = None

    async def __call__(self, scope, receive, send) -> None:
        path = scope.get("path", "")
        if scope["type"] == "http" and (path == "/web" or path.startswith("/web/")):
            desk = self._desk
            if desk is None:
                desk = self._desk = self._build()
            await desk(scope, receive, send)
            return
        await self.rest(scope, receive, send)


class WebhookFront:
    """The ASGI app: a webhook path is answered here directly, everything else (health,
    lifespan, 404) by Starlette. A webhook takes no routing, middleware or Request
    object: at hundreds of updates a second that machinery was a noticeable share of
    each one's CPU, for nothing a webhook uses."""

    def __init__(self, server: WebhookServer, fallback: Starlette):
        self.server, self.fallback = server, fallback
        self.hooks = {hook.path: (hook, hook.header.lower().encode("latin-1")) for hook in server.webhooks}

    async def __call__(self, scope, receive, send) -> None:
        found = self.hooks.get(scope["path"]) if scope["type"] == "http" else None
        if found is None:
            return await self.fallback(scope, receive, send)
        if scope["method"] != "POST":
            return await _send_json(send, 405, {"ok": False, "result": "method not allowed"}, [(b"allow", b"POST")])
        hook, header = found
        secret = declared = None
        for name, value in scope["headers"]:
            if name == header:
                secret = value
            elif name == b"content-length":
                declared = value
        status, answer = await self.server.receive(hook, secret, Body(receive, declared))
        await _send_json(send, status, answer)


async def _send_json(send, status: int, answer: dict, headers: list | None = None) -> None:
    body = json.dumps(answer, ensure_ascii=False, separators=(",", ":")).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                            *(headers or ())]})
    await send({"type": "http.response.body", "body": body})


def build_server(app: App, *, services: tuple = (), concurrency: int = CONCURRENCY) -> WebhookServer:
    """The webhooks of the channels that have a token."""
    webhooks = []
    if app.settings.telegram_bot_token:
        webhooks.append(telegram_webhook(app))
    if app.settings.zalo_bot_token:
        webhooks.append(zalo_webhook(app))
    return WebhookServer(app, webhooks, services=services, concurrency=concurrency)


def schema_is_current(app: App) -> bool:
    """Serve processes never migrate (several starting at once would race): the schema
    must be at the newest revision already (`nhacviec db upgrade`). Read without Alembic
    (its import, templates included, was a tenth of an idle serve process's memory):
    the heads are the revisions no migration file names as its down_revision."""
    from sqlalchemy.exc import DBAPIError

    from storage.db import MIGRATIONS

    revisions: set[str] = set()
    parents: set[str] = set()
    for path in (MIGRATIONS / "versions").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        found = _REVISION.search(source)
        if found:
            revisions.add(found.group(1))
            down = _DOWN_REVISION.search(source)
            parents.update(re.findall(r"['\"]([^'\"]+)['\"]", down.group(1)) if down else ())
    # An unreachable database raises (the caller says so); only a missing table means
    # "never migrated".
    with app.db.engine.connect() as conn:
        try:
            current = {row[0] for row in conn.execute(text("SELECT version_num FROM alembic_version"))}
        except DBAPIError:  # no alembic_version table: never migrated
            return False
    return bool(revisions) and current == revisions - parents


_REVISION = re.compile(r"^revision\s*(?::[^=]*)?=\s*['\"]([^'\"]+)['\"]", re.M)
_DOWN_REVISION = re.compile(r"^down_revision\s*(?::[^=]*)?=\s*(.+)$", re.M)


def run(server: WebhookServer, host: str, port: int) -> None:
    import uvicorn

    # log_config=None: uvicorn's loggers go through ours (format, redaction); no access
    # log (a line per update is noise at hundreds a second; the proxy has one).
    # timeout_keep_alive above a reverse proxy's idle timeout for upstream connections
    # (nginx: 60 s), so the proxy never reuses a connection uvicorn is closing.
    # ws="none": no WebSocket protocol to load (the webhooks are plain POSTs).
    # loop="asyncio": the standard loop even where uvloop is installed (it measured no
    # faster here, and cost an idle process 2.3 MB and four threads).
    uvicorn.run(server.asgi(), host=host, port=port, log_config=None, access_log=False, lifespan="on", ws="none",
                loop="asyncio",
                timeout_graceful_shutdown=DRAIN_TIMEOUT, timeout_keep_alive=75, server_header=False)
