"""A report's attachment, fetched from the platform that received it when someone
downloads it from the desk: a Telegram file id through getFile, a Zalo photo by its URL."""
from __future__ import annotations

import httpx

MAX_BYTES = 20 * 1024 * 1024  # Telegram's getFile serves up to 20 MB
TIMEOUT = 30


class AttachmentError(Exception):
    pass


def fetch_attachment(settings, ref: str) -> tuple[bytes, str | None]:
    """(content, content type) of the file behind a report's attachment reference."""
    try:
        with httpx.Client(timeout=TIMEOUT, follow_redirects=True) as http:
            if ref.startswith(("http://", "https://")):
                return _download(http, ref)
            if not settings.telegram_bot_token or ref.startswith("zalo:"):
                raise AttachmentError("no channel can serve this file")
            root = settings.telegram_api_url.rstrip("/")
            token = settings.telegram_bot_token
            answer = http.get(f"{root}/bot{token}/getFile", params={"file_id": ref}).json()
            path = (answer.get("result") or {}).get("file_path") if answer.get("ok") else None
            if not path:
                raise AttachmentError("the platform no longer has this file")
            return _download(http, f"{root}/file/bot{token}/{path}")
    except (httpx.HTTPError, ValueError) as exc:
        raise AttachmentError(type(exc).__name__) from None


def _download(http: httpx.Client, url: str) -> tuple[bytes, str | None]:
    with http.stream("GET", url) as response:
        response.raise_for_status()
        data = bytearray()
        for chunk in response.iter_bytes():
            data += chunk
            if len(data) > MAX_BYTES:
                raise AttachmentError("too large")
        return bytes(data), response.headers.get("content-type")
