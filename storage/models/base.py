"""Shared column helpers. Times are timezone-aware UTC; text as NFC."""
from __future__ import annotations

import unicodedata
from datetime import UTC, datetime


def utcnow() -> datetime:
    return datetime.now(UTC)


def nfc(text: str | None) -> str | None:
    return unicodedata.normalize("NFC", text) if text is not None else None
