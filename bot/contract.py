"""The webhook contract, checked once at the door (bot/server.py) for every platform:
a body is UTF-8 JSON, not nested deeper than an update can be, and the fields the
adapters read have the types and ranges the platform documents. Anything else is
answered 400 and never reaches a handler, so it can neither raise there nor be
answered (a chat id beyond 64 bits, a number where a text belongs).

The checks are cheap on purpose: a webhook takes hundreds of updates a second. The
depth guard counts brackets first and scans only a body that has many; the field
checks read the few fields the adapters use.
"""
from __future__ import annotations

import json
import re

# Telegram's ids fit a signed 64-bit integer (its docs: "at most 52 significant bits");
# a PostgreSQL BIGINT holds them, nothing beyond.
INT64_MIN, INT64_MAX = -(1 << 63), (1 << 63) - 1
# An update is an object of objects a few levels deep (a reply inside a message inside
# an update is about 8); 64 leaves room for anything real and stops a decoder bomb.
MAX_DEPTH = 64
# Below this many brackets a body cannot be nested deeper than MAX_DEPTH: no scan.
_SCAN_FROM = MAX_DEPTH * 2
_TOKENS = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')
# Zalo's ids are short strings (hex-looking); a chat id is stored in a 64-character column.
MAX_ID_LENGTH = 64
# A text of a chat message: Telegram's limit is 4,096, Zalo's 2,000; a caption 1,024.
MAX_TEXT = 65536


class Malformed(ValueError):
    """The body breaks the contract (answered 400)."""


def loads(body: bytes) -> object:
    """The body as JSON: UTF-8 only (json.loads on bytes would take UTF-16 and UTF-32
    too), and no deeper than MAX_DEPTH."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise Malformed("not UTF-8") from None
    if text.count("[") + text.count("{") > _SCAN_FROM and too_deep(text):
        raise Malformed("nested too deep")
    try:
        return json.loads(text)
    except (ValueError, RecursionError):
        raise Malformed("not JSON") from None


def too_deep(text: str, limit: int = MAX_DEPTH) -> bool:
    """Nesting deeper than `limit` (brackets inside strings do not count)."""
    depth = 0
    for token in _TOKENS.finditer(text):
        ch = token.group()
        if ch in "[{":
            depth += 1
            if depth > limit:
                return True
        elif ch in "]}":
            depth -= 1
    return False


def is_id(value: object) -> bool:
    """An integer id that fits 64 bits (a bool is not one)."""
    return type(value) is int and INT64_MIN <= value <= INT64_MAX


def _str(value: object, optional: bool = True, limit: int = MAX_TEXT) -> bool:
    if value is None:
        return optional
    return type(value) is str and len(value) <= limit


# ------------------------------------------------------------------------ Telegram

# Updates the Telegram adapter answers; any other kind (edited_message, channel_post,
# my_chat_member…) is acknowledged and ignored: an edit never re-runs a command.
TELEGRAM_HANDLED = ("message", "callback_query")


def telegram_kind(data: dict) -> str | None:
    """Check the update the adapter will read; its kind, or None for one it ignores.
    Raises Malformed for a field of the wrong type or range."""
    if not is_id(data.get("update_id")):
        raise Malformed("update_id")
    message = data.get("message")
    if message is not None:
        _telegram_message(message)
        return "message"
    query = data.get("callback_query")
    if query is not None:
        if (type(query) is not dict or not _str(query.get("id"), False, 256) or not _str(query.get("data"), True, 256)
                or not _str(query.get("inline_message_id"), True, 256)):
            raise Malformed("callback_query")
        _telegram_user(query.get("from"), optional=False)
        if query.get("message") is not None:
            _telegram_message(query["message"])
        return "callback_query"
    return None


def _telegram_message(message: object) -> None:
    if type(message) is not dict:
        raise Malformed("message")
    chat = message.get("chat")
    if (type(chat) is not dict or not is_id(chat.get("id")) or not _str(chat.get("type"), False, 32)
            or not is_id(message.get("message_id")) or not _str(message.get("text"))
            or not _str(message.get("caption"))):
        raise Malformed("message")
    _telegram_user(message.get("from"), optional=True)
    document = message.get("document")
    if document is not None and (type(document) is not dict or not _file(document)
                                 or not _str(document.get("file_name"), True, 1024)
                                 or not _str(document.get("mime_type"), True, 256)):
        raise Malformed("document")
    photo = message.get("photo")
    if photo is not None and (type(photo) is not list or not all(type(p) is dict and _file(p) for p in photo)):
        raise Malformed("photo")


def _file(item: dict) -> bool:
    size = item.get("file_size")
    return _str(item.get("file_id"), False, 1024) and (size is None or is_id(size))


def _telegram_user(user: object, *, optional: bool) -> None:
    if user is None and optional:
        return
    if (type(user) is not dict or not is_id(user.get("id")) or not _str(user.get("first_name"), False, 1024)
            or any(not _str(user.get(k), True, 1024) for k in ("last_name", "username", "language_code"))
            or type(user.get("is_bot", False)) is not bool):
        raise Malformed("from")


# ------------------------------------------------------------------------ Zalo

def zalo_check(update: dict) -> None:
    """Check a Zalo update's message (bare, or in the {ok, result} envelope): ids are
    short strings (or integers), texts are strings."""
    message = update.get("message")
    if message is None:
        return
    if (type(message) is not dict or not _zalo_id(message.get("message_id"))
            or not _str(update.get("event_name"), True, 128)):
        raise Malformed("message")
    sender = message.get("from") if message.get("from") is not None else message.get("sender")
    chat = message.get("chat")
    if sender is not None and (type(sender) is not dict or not _zalo_id(sender.get("id"))
                               or type(sender.get("is_bot", False)) is not bool
                               or any(not _str(sender.get(k), True, 1024)
                                      for k in ("display_name", "name", "first_name"))):
        raise Malformed("from")
    if chat is not None and (type(chat) is not dict or not _zalo_id(chat.get("id"), optional=True)
                             or not _str(chat.get("chat_type"), True, 32)):
        raise Malformed("chat")
    for key in ("text", "caption", "photo_url", "photo", "url"):
        if not _str(message.get(key)):
            raise Malformed(key)


def _zalo_id(value: object, optional: bool = False) -> bool:
    if value is None:
        return optional
    if type(value) is int:
        return INT64_MIN <= value <= INT64_MAX
    return type(value) is str and 0 < len(value) <= MAX_ID_LENGTH and "\x00" not in value
