"""`nhacviec serve`, `nhacviec worker` and `nhacviec webhook set|delete|info`.

Production layout: several `serve` processes (webhooks) behind a reverse proxy, and one
`worker` (reminder sweep + outbox dispatcher), all on one PostgreSQL. A single-process
set-up may run `serve --with-scheduler` instead of a worker.
"""
from __future__ import annotations

import asyncio
import signal
from datetime import timedelta
from urllib.parse import urlsplit

from .cli import CliError, _senders, _t
from .server import TELEGRAM_UPDATES, build_server, run, schema_is_current, valid_secret


def _settings():
    from .app import configure_logging
    from .settings import get_settings

    settings = get_settings()
    configure_logging(settings.log_level, settings)
    return settings


def _ready_app(settings, t):
    """The app on an already migrated database: several processes start at once, and
    only `nhacviec db upgrade` migrates."""
    from sqlalchemy.exc import SQLAlchemyError

    from .app import build

    app = build(settings, upgrade=False)
    try:
        current = schema_is_current(app)
    except SQLAlchemyError as exc:
        from .settings import explain_startup_error

        raise CliError(explain_startup_error(exc, t)
                       or t("server.database_unreachable", error=type(exc).__name__)) from exc
    if not current:
        raise CliError(t("server.schema_outdated"))
    return app


def _reminder_service(app, t):
    from reminders.service import ReminderService

    from .app import reminder_settings

    try:
        cfg = reminder_settings(app.settings)
    except ValueError as exc:
        raise CliError(t("cli.bad_reminder_settings", error=str(exc))) from exc
    return ReminderService(app.db, cfg, _senders(app.settings, app.db),
                           lease=timedelta(seconds=app.settings.outbox_lease_seconds))


def _channels(settings) -> list[str]:
    return [name for name, token in (("Telegram", settings.telegram_bot_token), ("Zalo", settings.zalo_bot_token))
            if token]


# Optional dependencies of libraries serve loads that serve never uses: Telegram
# Passport's decryption in python-telegram-bot (cryptography), httpcore's trio
# backend and httpx's command-line client (pygments). Both libraries import them only if present; marked absent here, an idle
# serve process is about 11 MB smaller.
UNUSED_OPTIONAL = ("cryptography", "trio", "pygments")


def _skip_unused_optional_imports(*, scheduler: bool) -> None:
    import sys

    # Without --with-scheduler nothing here schedules: PTB's job queue (APScheduler) too.
    for name in UNUSED_OPTIONAL + (() if scheduler else ("apscheduler",)):
        if name not in sys.modules:
            sys.modules[name] = None  # type: ignore[assignment]  # `import name` raises ImportError: "not installed"
    # Two malloc arenas, not one per thread that ever allocated (glibc's default, up to
    # 8 per core): handler threads share them, and an idle process keeps less memory.
    try:
        import ctypes

        ctypes.CDLL("libc.so.6").mallopt(-8, 2)  # M_ARENA_MAX
    except (OSError, AttributeError):  # not glibc
        pass


def cmd_serve(args) -> int:
    _skip_unused_optional_imports(scheduler=args.with_scheduler)
    t = _t()
    settings = _settings()
    if not _channels(settings):
        raise CliError(t("server.no_channel"))
    if not valid_secret(settings.webhook_secret):
        raise CliError(t("cli.webhook_bad_secret"))
    if not 0 < args.port < 65536:
        raise CliError(t("server.bad_port", port=args.port))
    app = _ready_app(settings, t)
    services = (_reminder_service(app, t),) if args.with_scheduler else ()
    server = build_server(app, services=services)
    print(t("server.listening", host=args.host, port=args.port, channels=", ".join(_channels(settings)),
            scheduler=t("server.scheduler_here" if args.with_scheduler else "server.scheduler_elsewhere")),
          flush=True)
    run(server, args.host, args.port)
    return 0


def cmd_worker(args) -> int:
    t = _t()
    settings = _settings()
    if not _channels(settings):
        raise CliError(t("server.no_channel"))
    app = _ready_app(settings, t)
    service = _reminder_service(app, t)
    print(t("server.worker_running", channels=", ".join(_channels(settings))), flush=True)
    asyncio.run(_until_signalled(service))
    app.db.dispose()
    return 0


async def _until_signalled(service) -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    await service.start()
    try:
        await stop.wait()
    finally:
        await service.stop()


def cmd_webhook(args) -> int:
    t = _t()
    settings = _settings()
    if not _channels(settings):
        raise CliError(t("cli.webhook_no_token"))
    if args.action == "set":
        if not valid_secret(settings.webhook_secret):
            raise CliError(t("cli.webhook_bad_secret"))
        base = args.url.strip().rstrip("/")
        parts = urlsplit(base)
        if parts.scheme != "https" or not parts.hostname or parts.query or parts.fragment:
            raise CliError(t("cli.webhook_bad_url", url=args.url))
        lines = asyncio.run(_webhook_set(settings, base, t))
    elif args.action == "delete":
        lines = asyncio.run(_webhook_delete(settings, t))
    else:
        lines = asyncio.run(_webhook_info(settings, t))
    print("\n".join(lines))
    return 0


def _failed(channel: str, exc: Exception, settings, t) -> CliError:
    error = str(exc) or type(exc).__name__
    for token in (settings.telegram_bot_token, settings.zalo_bot_token, settings.webhook_secret):
        if token:
            error = error.replace(token, "…")
    return CliError(t("cli.webhook_failed", channel=channel, error=error))


def _telegram_bot(settings):
    from telegram import Bot

    from .telegram import api_base

    base_url, base_file_url = api_base(settings.telegram_api_url)
    return Bot(settings.telegram_bot_token, base_url=base_url, base_file_url=base_file_url)


def _zalo_client(settings):
    from .zalo import ZaloClient

    return ZaloClient(settings.zalo_bot_token, settings.zalo_api_url)


async def _webhook_set(settings, base: str, t) -> list[str]:
    from telegram.error import TelegramError

    lines = []
    if settings.telegram_bot_token:
        url = f"{base}/telegram/webhook"
        try:
            async with _telegram_bot(settings) as bot:
                # drop_pending_updates=False: what piled up while polling or down is still answered.
                await bot.set_webhook(url=url, secret_token=settings.webhook_secret,
                                      allowed_updates=TELEGRAM_UPDATES, drop_pending_updates=False)
        except TelegramError as exc:
            raise _failed("Telegram", exc, settings, t) from None
        lines.append(t("cli.webhook_set_done", channel="Telegram", url=url))
    if settings.zalo_bot_token:
        from .zalo import ZaloApiError

        url = f"{base}/zalo/webhook"
        try:
            async with _zalo_client(settings) as client:
                await client.set_webhook(url, settings.webhook_secret)
        except (ZaloApiError, ValueError) as exc:
            raise _failed("Zalo", exc, settings, t) from None
        lines.append(t("cli.webhook_set_done", channel="Zalo", url=url))
    return lines


async def _webhook_delete(settings, t) -> list[str]:
    from telegram.error import TelegramError

    lines = []
    if settings.telegram_bot_token:
        try:
            async with _telegram_bot(settings) as bot:
                await bot.delete_webhook(drop_pending_updates=False)
        except TelegramError as exc:
            raise _failed("Telegram", exc, settings, t) from None
        lines.append(t("cli.webhook_deleted", channel="Telegram"))
    if settings.zalo_bot_token:
        from .zalo import ZaloApiError

        try:
            async with _zalo_client(settings) as client:
                await client.delete_webhook()
        except ZaloApiError as exc:
            raise _failed("Zalo", exc, settings, t) from None
        lines.append(t("cli.webhook_deleted", channel="Zalo"))
    return lines


async def _webhook_info(settings, t) -> list[str]:
    from telegram.error import TelegramError

    lines = []
    none = t("cli.webhook_none")
    if settings.telegram_bot_token:
        try:
            async with _telegram_bot(settings) as bot:
                info = await bot.get_webhook_info()
        except TelegramError as exc:
            raise _failed("Telegram", exc, settings, t) from None
        lines.append(t("cli.webhook_info_telegram", url=info.url or none, pending=info.pending_update_count,
                       error=info.last_error_message or none))
    if settings.zalo_bot_token:
        from .zalo import ZaloApiError

        try:
            async with _zalo_client(settings) as client:
                info = await client.get_webhook_info()
        except ZaloApiError as exc:
            raise _failed("Zalo", exc, settings, t) from None
        url = info.get("url") if isinstance(info, dict) else None
        lines.append(t("cli.webhook_info_zalo", url=url or none))
    return lines
