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
