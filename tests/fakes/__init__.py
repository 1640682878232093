"""Test doubles for external services used by Nhắc Việc."""

from .telegram_server import (
    ApiCall,
    ApiError,
    FakeTelegram,
    SentFile,
    SentMessage,
    UploadedFile,
    parse_html,
)

__all__ = ["ApiCall", "ApiError", "FakeTelegram", "SentFile", "SentMessage", "UploadedFile", "parse_html"]
