"""Test doubles for external services used by Nhắc Việc."""

from .telegram_server import (
    ApiCall,
    FakeTelegram,
    SentFile,
    SentMessage,
    parse_html,
)

__all__ = ["ApiCall", "FakeTelegram", "SentFile", "SentMessage", "parse_html"]
