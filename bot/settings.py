"""All configuration in one place, from the environment (and an optional .env)."""
from __future__ import annotations

from functools import cached_property
from zoneinfo import ZoneInfo

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_TZ = "Asia/Ho_Chi_Minh"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    database_url: str = Field(default="sqlite:///nhacviec.db")
    telegram_bot_token: str | None = None
    # Server root; the adapter appends /bot<token>/ itself.
    telegram_api_url: str = "https://api.telegram.org"
    zalo_bot_token: str | None = None
    zalo_api_url: str = "https://bot-api.zaloplatforms.com"
    webhook_secret: str | None = None
    tz: str = DEFAULT_TZ
    # Telegram's username of the bot, for deep links when getMe is not reachable.
    telegram_bot_username: str | None = None
    log_level: str = "INFO"
    # "json": one JSON object a line (time, level, logger, message, exc) for log collectors.
    log_format: str = "text"
    # The interactive bot's own pace for replies (Telegram allows about 30/s overall);
    # 0 turns it off, for a local Bot API server without limits (tests, benchmarks).
    telegram_overall_per_second: float = Field(default=29.0, ge=0)
    # serve: a command's last message goes back in the webhook's own answer (Telegram
    # runs one Bot API call given there) instead of a request of its own. Off: every
    # reply is a separate request, whose failures the bot can see and log.
    telegram_webhook_replies: bool = True
    # Reminders: the local hour pushes go out, quiet hours, escalation to the unit head
    # after N working days late, and the year's extra days off / compensatory working
    # days ("off: 2026-04-27; work: 2026-05-09").
    reminder_hour: int = Field(default=8, ge=0, le=23)
    quiet_hours: str = "21:00-07:00"
    escalate_after_working_days: int = Field(default=2, ge=0)
    work_calendar: str = ""
    # "Nguy cơ chậm" (reminders.risk): the deadline within N working days and no accepted
    # report for M working days; blocked for K working days.
    at_risk_near_working_days: int = Field(default=5, ge=0)
    at_risk_stale_working_days: int = Field(default=10, ge=0)
    at_risk_blocked_working_days: int = Field(default=3, ge=0)
    # Undated tasks report every month by this day, reminded N working days before.
    monthly_report_day: int = Field(default=23, ge=1, le=31)
    monthly_remind_working_days: int = Field(default=3, ge=0)
    # A coordinator's deadline when none is given: N working days before the lead's.
    coordinator_deadline_working_days: int = Field(default=5, ge=0)
    # How long a dispatcher's claim on an outbox batch lasts before another takes over
    # (after a crash). Messages of that batch may go out twice; none is lost.
    outbox_lease_seconds: int = Field(default=60, ge=1)
    # The web desk: its public base URL (the one /web's sign-in links point to; https
    # makes the session cookie Secure), how long a browser stays signed in, and the
    # local port `run` serves it on (0: no desk in `run`).
    web_base_url: str | None = None
    web_session_hours: float = Field(default=12.0, gt=0, le=24 * 30)
    web_port: int = Field(default=8090, ge=0, le=65535)
    # A completion nobody reviewed for this many working days is accepted automatically
    # (marked as such everywhere); 0 = never: the office reviews every one.
    review_auto_accept_working_days: int = Field(default=0, ge=0)

    @cached_property
    def zone(self) -> ZoneInfo:
        # TZ is also the C library's variable and may hold a POSIX form such as
        # ":/etc/localtime"; anything ZoneInfo cannot read means the default zone.
        try:
            return ZoneInfo(self.tz.lstrip(":"))
        except (ValueError, KeyError, OSError):
            return ZoneInfo(DEFAULT_TZ)


def get_settings() -> Settings:
    return Settings()


# Settings whose value pydantic checks, and what a right value looks like (catalog keys).
_SETTING_HINTS = {
    "reminder_hour": "setting.hint_hour", "escalate_after_working_days": "setting.hint_days",
    "outbox_lease_seconds": "setting.hint_seconds", "telegram_overall_per_second": "setting.hint_rate",
    "telegram_webhook_replies": "setting.hint_bool",
}


def explain_startup_error(exc: BaseException, t) -> str | None:
    """A setting that stops the start (a value pydantic refuses, a DATABASE_URL that
    cannot be read or reached): the one or two lines to print instead of a traceback.
    None for anything else."""
    from pydantic import ValidationError
    from sqlalchemy.exc import ArgumentError, DBAPIError

    if isinstance(exc, ValidationError):
        lines = []
        for error in exc.errors():
            field = str(error["loc"][0]) if error.get("loc") else "?"
            hint = _SETTING_HINTS.get(field)
            lines.append(t("setting.bad_value", name=field.upper(), value=str(error.get("input", ""))[:60],
                           hint=t(hint) if hint else error.get("msg", "")))
        return "\n".join(lines[:2])
    url = Settings.model_construct().database_url
    try:
        url = get_settings().database_url
    except ValidationError:
        pass
    if isinstance(exc, ArgumentError) or (isinstance(exc, ValueError) and "URL" in str(exc)):
        return t("setting.bad_database_url", url=_redacted(url))
    if isinstance(exc, DBAPIError):
        return _database_unreachable(url, exc, t)
    return None


def _database_unreachable(url: str, exc, t) -> str:
    from pathlib import Path

    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        folder = Path(parsed.database or ".").expanduser().parent
        if not folder.is_dir():
            return t("setting.sqlite_folder_missing", folder=folder, url=_redacted(url))
        return t("setting.sqlite_unusable", path=parsed.database, error=_first_line(exc.orig or exc))
    where = f"{parsed.host or 'localhost'}:{parsed.port or 5432}/{parsed.database or ''}"
    return t("setting.database_unreachable", where=where, error=_first_line(exc.orig or exc))


def _first_line(exc) -> str:
    text = str(exc).strip().splitlines()
    return (text[0] if text else type(exc).__name__)[:200]


def _redacted(url: str) -> str:
    """The URL without its password, for a message on the terminal."""
    from sqlalchemy.engine import make_url

    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # an URL SQLAlchemy cannot read: as typed, less what may be a password
        scheme, sep, rest = url.rpartition("://")
        return f"{scheme}{sep}…@{rest.rpartition('@')[2]}" if "@" in rest else url[:200]
