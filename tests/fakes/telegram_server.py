"""A fake Telegram Bot API server speaking real HTTP, for end-to-end bot tests.

The real python-telegram-bot stack (``Bot`` / ``Application`` / ``Updater``) talks to
it exactly as it talks to ``api.telegram.org``::

    tg = FakeTelegram()
    await tg.start()
    app = (ApplicationBuilder().token(tg.token)
           .base_url(f"{tg.url}/bot").base_file_url(f"{tg.url}/file/bot").build())
    ...
    tg.push_text(1001, "/start")                    # an update for getUpdates
    msg = await tg.wait_for(lambda m: "Xin chào" in m.text)
    await tg.stop()

What it emulates (modelled on tdlib/telegram-bot-api and td's HTML parser):

* routes ``/bot<token>/<method>`` (GET or POST; JSON, urlencoded or multipart
  bodies; method names case-insensitive) and ``GET /file/bot<token>/<file_path>``;
* long polling ``getUpdates`` (``offset`` confirms, ``timeout`` honoured, wakes at once
  on a push, a second concurrent poll terminates the first with 409 like Telegram);
* Telegram's validation and error wording for the methods the bot uses
  (HTML parse_mode errors byte-for-byte from td's parser, lengths counted after
  entity parsing, inline keyboard checks, "message is not modified", ...);
* optional rate limits (per chat, global, per group) answering 429 + ``retry_after``;
* fault injection (``fail_next``, ``block_chat``, ``latency``).

Everything runs in the test's event loop; the ``push_*`` helpers are synchronous
and must be called from that loop's thread.
"""

from __future__ import annotations

import asyncio
import copy
import itertools
import json
import logging
import math
import re
import secrets
import struct
import time
from collections import defaultdict, deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

logger = logging.getLogger(__name__)

__all__ = ["ApiCall", "ApiError", "FakeTelegram", "SentFile", "SentMessage", "UploadedFile", "parse_html"]


# --------------------------------------------------------------------------------------
# errors
# --------------------------------------------------------------------------------------


def _copy(value: Any) -> Any:
    """A deep copy of JSON-shaped data (the fake's messages, chats, users, keyboards),
    several times cheaper than copy.deepcopy: benchmarks run this fake beside the bot
    on the same cores. Anything else is deep-copied as usual."""
    if isinstance(value, dict):
        return {k: _copy(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_copy(v) for v in value]
    if value is None or isinstance(value, (str, int, float)):
        return value
    return copy.deepcopy(value)


class ApiError(Exception):
    """An error answer of the Bot API: ``{"ok": false, "error_code": ..., ...}``."""

    def __init__(self, code: int, description: str, *, retry_after: int | None = None) -> None:
        super().__init__(description)
        self.code = code
        self.description = description
        self.retry_after = retry_after

    def payload(self) -> dict[str, Any]:
        body: dict[str, Any] = {"ok": False, "error_code": self.code, "description": self.description}
        if self.retry_after is not None:
            body["parameters"] = {"retry_after": self.retry_after}
        return body


def _bad(description: str) -> ApiError:
    return ApiError(400, f"Bad Request: {description}")


NOT_MODIFIED = (
    "message is not modified: specified new message content and reply markup are exactly the same "
    "as a current content and reply markup of the message"
)


# --------------------------------------------------------------------------------------
# HTML parse_mode — a port of td::parse_html (td/telegram/MessageEntity.cpp)
# --------------------------------------------------------------------------------------

_SPACE = frozenset(b" \t\r\n\x00\x0b")  # td::is_space (NUL included: C strings end there)
_ALLOWED_TAGS = frozenset(
    {
        "a", "b", "strong", "i", "em", "s", "strike", "del", "u", "ins",
        "tg-spoiler", "tg-emoji", "span", "pre", "code", "blockquote",
    }
)  # fmt: skip
_PRIORITY = {
    "bold": 90, "italic": 91, "underline": 92, "strikethrough": 93, "spoiler": 94, "custom_emoji": 99,
    "code": 20, "pre": 11, "text_link": 49, "text_mention": 49, "blockquote": 0, "expandable_blockquote": 0,
}  # fmt: skip


class HtmlParseError(ValueError):
    pass


def _decode_html_entity(b: bytes, pos: int) -> tuple[int, int]:
    """Return (code point, new position) or (0, pos) if ``b[pos:]`` is no entity."""
    n = len(b)

    def at(i: int) -> int:
        return b[i] if i < n else 0

    if at(pos) != 0x26:  # '&'
        return 0, pos
    end = pos + 1
    res = 0
    if at(pos + 1) == 0x23:  # '#'
        end += 1
        if at(pos + 2) == 0x78:  # 'x'
            end += 1
            while at(end) and chr(at(end)) in "0123456789abcdefABCDEF":
                res = res * 16 + int(chr(at(end)), 16)
                end += 1
        else:
            while 0x30 <= at(end) <= 0x39:
                res = res * 10 + at(end) - 0x30
                end += 1
        if res == 0 or res >= 0x10FFFF or end - pos >= 10:
            return 0, pos
    else:
        while chr(at(end)).isascii() and chr(at(end)).isalpha():
            end += 1
        name = b[pos + 1 : end]
        res = {b"lt": 0x3C, b"gt": 0x3E, b"amp": 0x26, b"quot": 0x22}.get(name, 0)
        if not res:
            return 0, pos
    if at(end) == 0x3B:  # ';'
        end += 1
    return res, end


def _utf16_len(s: str) -> int:
    return len(s.encode("utf-16-le")) // 2


def _check_link(url: str) -> str | None:
    url = url.strip()
    if not url:
        return None
    if not re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", url):
        url = "http://" + url
    if re.match(r"^(https?|tg|ton|ftp)://\S+$", url, re.I) or re.match(r"^(mailto|tel):\S+$", url, re.I):
        return url
    return None


def _parse_html_raw(text: str) -> tuple[str, list[dict[str, Any]]]:
    """td's HTML parser. Raises HtmlParseError with td's exact message."""
    b = text.encode("utf-8", "surrogatepass")
    n = len(b)

    def at(i: int) -> int:
        return b[i] if i < n else 0

    out = bytearray()
    utf16 = 0
    need_recheck = False
    stack: list[list[Any]] = []  # [tag_name, argument, utf16_offset, out_pos]
    entities: list[dict[str, Any]] = []
    i = 0
    while i < n:
        c = b[i]
        if c == 0x26:
            code, new_i = _decode_html_entity(b, i)
            if code:
                utf16 += 1 + (code > 0xFFFF)
                if 0xD800 <= code <= 0xDFFF:
                    need_recheck = True
                out += chr(code).encode("utf-8", "surrogatepass")
                i = new_i
                continue
        if c != 0x3C:  # '<'
            if (c & 0xC0) != 0x80:
                utf16 += 1 + (c >= 0xF0)
            out.append(c)
            i += 1
            continue

        begin = i
        i += 1
        if at(i) != 0x2F:  # opening tag
            while at(i) not in _SPACE and at(i) != 0x3E:
                i += 1
            if at(i) == 0:
                raise HtmlParseError(f"Unclosed start tag at byte offset {begin}")
            tag = b[begin + 1 : i].decode("utf-8", "replace").lower()
            if tag not in _ALLOWED_TAGS:
                raise HtmlParseError(f'Unsupported start tag "{tag}" at byte offset {begin}')
            argument = ""
            while at(i) != 0x3E:
                while at(i) != 0 and at(i) in _SPACE:
                    i += 1
                if at(i) == 0x3E:
                    break
                attr_begin = i
                while at(i) not in _SPACE and at(i) != 0x3D and at(i) != 0x3E:
                    i += 1
                attr_name = b[attr_begin:i].decode("utf-8", "replace")
                if not attr_name:
                    raise HtmlParseError(f'Empty attribute name in the tag "{tag}" at byte offset {begin}')
                while at(i) != 0 and at(i) in _SPACE:
                    i += 1
                if at(i) != 0x3D:  # '='
                    if tag == "blockquote" and attr_name == "expandable":
                        argument = "1"
                        continue
                    raise HtmlParseError(
                        f'Expected equal sign in declaration of an attribute of the tag "{tag}" '
                        f"at byte offset {begin}"
                    )
                i += 1
                while at(i) != 0 and at(i) in _SPACE:
                    i += 1
                if at(i) == 0:
                    raise HtmlParseError(f'Unclosed start tag "{tag}" at byte offset {begin}')
                if at(i) not in (0x27, 0x22):
                    token_begin = i
                    while at(i) and (chr(at(i)).isascii() and chr(at(i)).isalnum() or at(i) in (0x2E, 0x2D)):
                        i += 1
                    value = b[token_begin:i].decode().lower()
                    if at(i) not in _SPACE and at(i) != 0x3E:
                        raise HtmlParseError(f"Unexpected end of name token at byte offset {token_begin}")
                else:
                    quote = at(i)
                    i += 1
                    vbuf = bytearray()
                    while at(i) != quote and at(i) != 0:
                        if at(i) == 0x26:
                            code, new_i = _decode_html_entity(b, i)
                            if code:
                                vbuf += chr(code).encode("utf-8", "surrogatepass")
                                i = new_i
                                continue
                        vbuf.append(at(i))
                        i += 1
                    if at(i) == quote:
                        i += 1
                    value = vbuf.decode("utf-8", "replace")
                if at(i) == 0:
                    raise HtmlParseError(f"Unclosed start tag at byte offset {begin}")
                if tag == "a" and attr_name == "href":
                    argument = value
                elif tag == "code" and attr_name == "class" and value.startswith("language-"):
                    argument = value[9:]
                elif tag == "span" and attr_name == "class" and value.startswith("tg-"):
                    argument = value[3:]
                elif tag == "tg-emoji" and attr_name == "emoji-id":
                    argument = value
            if tag == "span" and argument != "spoiler":
                raise HtmlParseError(f'Tag "span" must have class "tg-spoiler" at byte offset {begin}')
            stack.append([tag, argument, utf16, len(out)])
            i += 1  # skip '>'
        else:  # closing tag
            if not stack:
                raise HtmlParseError(f"Unexpected end tag at byte offset {begin}")
            while at(i) not in _SPACE and at(i) != 0x3E:
                i += 1
            end_tag = b[begin + 2 : i].decode("utf-8", "replace").lower()
            while at(i) in _SPACE and at(i) != 0:
                i += 1
            if at(i) != 0x3E:
                raise HtmlParseError(f"Unclosed end tag at byte offset {begin}")
            tag, argument, start16, start_pos = stack[-1]
            if end_tag and end_tag != tag:
                raise HtmlParseError(
                    f'Unmatched end tag at byte offset {begin}, expected "</{tag}>", found "</{end_tag}>"'
                )
            if utf16 > start16:
                off, length = start16, utf16 - start16
                ent: dict[str, Any] | None = None
                if tag in ("i", "em"):
                    ent = {"type": "italic"}
                elif tag in ("b", "strong"):
                    ent = {"type": "bold"}
                elif tag in ("s", "strike", "del"):
                    ent = {"type": "strikethrough"}
                elif tag in ("u", "ins"):
                    ent = {"type": "underline"}
                elif tag == "tg-spoiler" or tag == "span":
                    ent = {"type": "spoiler"}
                elif tag == "tg-emoji":
                    if not argument.isdigit() or int(argument) == 0:
                        raise HtmlParseError("Invalid custom emoji identifier specified")
                    ent = {"type": "custom_emoji", "custom_emoji_id": argument}
                elif tag == "a":
                    url = argument or bytes(out[start_pos:]).decode("utf-8", "replace")
                    m = re.match(r"^tg://user\?id=(\d+)$", url.strip())
                    if m:
                        ent = {"type": "text_mention", "user": {"id": int(m[1]), "is_bot": False, "first_name": "User"}}
                    else:
                        checked = _check_link(url)
                        if checked:
                            ent = {"type": "text_link", "url": checked}
                elif tag == "pre":
                    last = entities[-1] if entities else None
                    if (
                        last
                        and last["type"] == "code"
                        and last["offset"] == off
                        and last["length"] == length
                        and last.get("_language")
                    ):
                        last["type"] = "pre"
                        last["language"] = last.pop("_language")
                    else:
                        ent = {"type": "pre"}
                elif tag == "code":
                    last = entities[-1] if entities else None
                    if last and last["type"] == "pre" and last["offset"] == off and last["length"] == length and argument:
                        last["language"] = argument
                    else:
                        ent = {"type": "code"}
                        if argument:
                            ent["_language"] = argument
                elif tag == "blockquote":
                    ent = {"type": "expandable_blockquote" if argument else "blockquote"}
                if ent is not None:
                    ent["offset"] = off
                    ent["length"] = length
                    entities.append(ent)
            stack.pop()
            i += 1  # skip '>'
    if stack:
        raise HtmlParseError(f"Can't find end tag corresponding to start tag {stack[-1][0]}")
    for ent in entities:
        ent.pop("_language", None)
    entities.sort(key=lambda e: (e["offset"], -e["length"], _PRIORITY.get(e["type"], 50)))
    try:
        plain = bytes(out).decode("utf-8")
    except UnicodeDecodeError:
        if need_recheck:
            raise HtmlParseError(
                "Text contains invalid Unicode characters after decoding HTML entities, "
                "check for unmatched surrogate code units"
            ) from None
        raise HtmlParseError("Strings must be encoded in UTF-8") from None
    return plain, entities


def _trim(plain: str, entities: list[dict[str, Any]]) -> tuple[str, list[dict[str, Any]]]:
    """Strip leading/trailing whitespace as td's fix_formatted_text does, fixing entity offsets."""
    ws = " \t\r\n\x0b"
    stripped_left = plain.lstrip(ws)
    shift = _utf16_len(plain) - _utf16_len(stripped_left)
    result = stripped_left.rstrip(ws)
    total = _utf16_len(result)
    fixed = []
    for e in entities:
        start = max(0, e["offset"] - shift)
        end = min(total, e["offset"] + e["length"] - shift)
        if end > start:
            fixed.append({**e, "offset": start, "length": end - start})
    return result, fixed


def parse_html(text: str) -> tuple[str, list[dict[str, Any]]]:
    """Parse Telegram-HTML → (plain text, Bot API entities). Raises ApiError(400) like Telegram."""
    try:
        return _parse_html_raw(text)
    except HtmlParseError as exc:
        raise _bad(f"can't parse entities: {exc}") from None


# --------------------------------------------------------------------------------------
# records
# --------------------------------------------------------------------------------------


@dataclass
class SentFile:
    """A file the bot uploaded (or referenced by file_id / URL)."""

    file_id: str
    file_unique_id: str
    file_name: str | None = None
    mime_type: str | None = None
    content: bytes | None = field(default=None, repr=False)
    size: int = 0


@dataclass
class UploadedFile:
    """A multipart part with a filename, as received."""

    field_name: str
    filename: str | None
    content_type: str | None
    content: bytes = field(repr=False)

    def __repr__(self) -> str:
        return f"UploadedFile({self.field_name!r}, {self.filename!r}, {len(self.content)} bytes)"


@dataclass
class SentMessage:
    """One successful sendMessage/sendDocument/sendPhoto, or the state after an edit.

    ``text`` is what the bot passed (text or caption, with HTML markup if any; "" for a
    media message without caption); ``plain_text`` is what the user sees (entities parsed,
    whitespace trimmed). ``reply_markup`` is the markup as the bot sent it (any kind);
    ``buttons`` reads its inline keyboard.
    """

    method: str
    chat_id: int
    message_id: int
    text: str
    parse_mode: str | None
    reply_markup: dict[str, Any] | None
    date: int
    plain_text: str = ""
    entities: list[dict[str, Any]] = field(default_factory=list)
    document: SentFile | None = None
    photo: SentFile | None = None
    reply_to_message_id: int | None = None
    seq: int = 0
    params: dict[str, Any] = field(default_factory=dict, repr=False)

    @property
    def is_edit(self) -> bool:
        return self.method.startswith("edit")

    @property
    def caption(self) -> str | None:
        return self.text if (self.document or self.photo) else None

    @property
    def kind(self) -> str:
        return "document" if self.document else "photo" if self.photo else "text"

    @property
    def buttons(self) -> list[list[tuple[str, str | None]]]:
        """Inline keyboard as rows of (text, callback_data); callback_data is None for URL etc. buttons."""
        rows = (self.reply_markup or {}).get("inline_keyboard") or []
        return [[(b.get("text", ""), b.get("callback_data")) for b in row] for row in rows]

    @property
    def callback_data(self) -> list[str]:
        return [d for row in self.buttons for _, d in row if d is not None]

    def button(self, label: str) -> str:
        """callback_data of the first button whose text contains ``label``."""
        for row in self.buttons:
            for text, data in row:
                if label in text and data is not None:
                    return data
        raise KeyError(f"no callback button containing {label!r} in {self.buttons!r}")

    def summary(self) -> str:
        body = self.plain_text if self.plain_text is not None else self.text
        body = (body or "").replace("\n", "⏎")
        if len(body) > 160:
            body = body[:157] + "..."
        extra = ""
        if self.document:
            extra += f" [document {self.document.file_name!r}]"
        if self.photo:
            extra += " [photo]"
        if self.buttons:
            extra += f" buttons={self.buttons}"
        return f"#{self.seq} {self.method} chat={self.chat_id} mid={self.message_id}: {body!r}{extra}"


@dataclass
class ApiCall:
    """Every HTTP call to a Bot API method, successful or not."""

    method: str
    params: dict[str, Any]
    status: int = 0
    response: dict[str, Any] | None = field(default=None, repr=False)
    at: float = 0.0

    @property
    def ok(self) -> bool:
        return bool(self.response and self.response.get("ok"))

    @property
    def description(self) -> str | None:
        return (self.response or {}).get("description")


@dataclass
class _Fault:
    status: int
    description: str
    retry_after: int | None
    remaining: int
    methods: frozenset[str]


@dataclass
class _StoredFile:
    file_id: str
    file_unique_id: str
    file_path: str
    content: bytes
    file_name: str | None
    mime_type: str | None


# --------------------------------------------------------------------------------------
# rate limiter
# --------------------------------------------------------------------------------------


class _RateLimiter:
    """Telegram-like flood control.

    * per chat: token bucket, ``per_chat_per_sec`` refill, capacity ``1 + per_chat_burst``;
    * groups (negative ids): at most ``group_per_min`` messages in any 60 s window;
    * global: at most ``global_per_sec`` messages in any 1 s window.

    After a 429 the offending scope (chat or global) is closed until ``retry_after``
    elapses — sending earlier earns another 429, like Telegram's flood wait.
    """

    def __init__(self, per_chat_per_sec: float, per_chat_burst: int, global_per_sec: float,
                 group_per_min: int, clock: Callable[[], float]) -> None:  # fmt: skip
        self.rate = per_chat_per_sec
        self.capacity = 1.0 + max(0, per_chat_burst)
        self.global_per_sec = global_per_sec
        self.group_per_min = group_per_min
        self.clock = clock
        self.buckets: dict[int, tuple[float, float]] = {}
        self.group_hist: dict[int, deque[float]] = defaultdict(deque)
        self.global_hist: deque[float] = deque()
        self.penalty_chat: dict[int, float] = {}
        self.penalty_global = 0.0

    def _tokens(self, chat_id: int, now: float) -> float:
        tokens, last = self.buckets.get(chat_id, (self.capacity, now))
        return min(self.capacity, tokens + (now - last) * self.rate)

    def check(self, chat_id: int) -> tuple[int, str] | None:
        """None if allowed, else (retry_after, scope)."""
        now = self.clock()
        waits: list[tuple[float, str]] = []
        if self.penalty_global > now:
            waits.append((self.penalty_global - now, "global flood wait"))
        if self.penalty_chat.get(chat_id, 0.0) > now:
            waits.append((self.penalty_chat[chat_id] - now, "chat flood wait"))
        if not waits:
            tokens = self._tokens(chat_id, now)
            if tokens < 1.0 - 1e-9:
                waits.append(((1.0 - tokens) / self.rate, "per-chat limit"))
            if chat_id < 0:
                hist = self.group_hist[chat_id]
                while hist and hist[0] <= now - 60.0:
                    hist.popleft()
                if len(hist) >= self.group_per_min:
                    waits.append((hist[0] + 60.0 - now, "group per-minute limit"))
            while self.global_hist and self.global_hist[0] <= now - 1.0:
                self.global_hist.popleft()
            if len(self.global_hist) + 1 > self.global_per_sec:
                waits.append((self.global_hist[0] + 1.0 - now, "global limit"))
        if not waits:
            return None
        wait, scope = max(waits)
        retry_after = max(1, math.ceil(wait - 1e-9))
        if scope.startswith("global"):
            self.penalty_global = max(self.penalty_global, now + retry_after)
        else:
            self.penalty_chat[chat_id] = max(self.penalty_chat.get(chat_id, 0.0), now + retry_after)
        return retry_after, scope

    def record(self, chat_id: int) -> None:
        now = self.clock()
        self.buckets[chat_id] = (self._tokens(chat_id, now) - 1.0, now)
        if chat_id < 0:
            self.group_hist[chat_id].append(now)
        self.global_hist.append(now)


# --------------------------------------------------------------------------------------
# the server
# --------------------------------------------------------------------------------------

SEND_METHODS = frozenset({"sendMessage", "sendDocument", "sendPhoto"})
EDIT_METHODS = frozenset({"editMessageText", "editMessageReplyMarkup", "editMessageCaption"})

_JSON_FIELDS = frozenset(
    {"reply_markup", "entities", "caption_entities", "reply_parameters", "link_preview_options",
     "allowed_updates", "commands", "scope", "menu_button", "media"}
)  # fmt: skip
_INT_FIELDS = frozenset(
    {"message_id", "offset", "limit", "timeout", "reply_to_message_id", "cache_time", "message_thread_id",
     "user_id", "max_connections"}
)  # fmt: skip
_BOOL_FIELDS = frozenset(
    {"disable_notification", "protect_content", "show_alert", "drop_pending_updates", "disable_web_page_preview",
     "allow_sending_without_reply", "disable_content_type_detection", "has_spoiler", "show_caption_above_media",
     "allow_paid_broadcast"}
)  # fmt: skip
_CHAT_ACTIONS = frozenset(
    {"typing", "upload_photo", "record_video", "upload_video", "record_voice", "upload_voice", "upload_document",
     "choose_sticker", "find_location", "record_video_note", "upload_video_note"}
)  # fmt: skip
_INT_RE = re.compile(r"^\s*-?\d+\s*$")
_MAX_DOWNLOAD = 20 * 1024 * 1024


def _file_ext(name: str | None, default: str) -> str:
    if name and "." in name:
        return "." + name.rsplit(".", 1)[1][:8]
    return default


def _image_size(content: bytes) -> tuple[int, int]:
    """(width, height) of PNG/JPEG/GIF bytes; 800x600 if unknown."""
    try:
        if content[:8] == b"\x89PNG\r\n\x1a\n":
            return struct.unpack(">II", content[16:24])
        if content[:6] in (b"GIF87a", b"GIF89a"):
            return struct.unpack("<HH", content[6:10])
        if content[:2] == b"\xff\xd8":
            i = 2
            while i + 9 < len(content):
                if content[i] != 0xFF:
                    i += 1
                    continue
                marker = content[i + 1]
                seg_len = struct.unpack(">H", content[i + 2 : i + 4])[0]
                if marker in (0xC0, 0xC1, 0xC2):
                    h, w = struct.unpack(">HH", content[i + 5 : i + 9])
                    return w, h
                i += 2 + seg_len
    except struct.error:
        pass
    return 800, 600


class FakeTelegram:
    """Fake Bot API over real HTTP on 127.0.0.1 (random port). See module docstring.

    Lifecycle: ``await start()`` / ``await stop()`` (or ``async with FakeTelegram() as tg``);
    ``url`` is the server root, PTB wants ``base_url=f"{url}/bot"``,
    ``base_file_url=f"{url}/file/bot"`` (also ``tg.base_url`` / ``tg.base_file_url`` /
    ``tg.make_bot()``).

    Updates in: ``push_text``, ``push_callback``, ``push_document``, ``push_photo``,
    ``push_raw``; ``pending_updates`` are those the bot has not confirmed yet.

    What the bot did: ``sent`` (successful send*), ``edits``, ``outbox`` (both, in order),
    ``callback_answers``, ``chat_actions``, ``deleted``, ``requests`` [(method, params)] and
    ``calls`` [ApiCall with status/response] for every call including failed ones,
    ``message(chat_id, message_id)`` = current state; ``messages_to``, ``last_to``,
    ``calls_to``; ``wait_for``, ``wait_for_count``, ``wait_idle``; ``mark``/``since=``;
    ``dump()`` for diagnostics; ``internal_errors`` lists crashes of the fake itself.

    Faults: ``fail_next``, ``block_chat``/``unblock_chat``, ``latency`` (seconds),
    rate limits (``rate_limits=True`` or ``configure_rate_limits``) counting ``violations``
    (details in ``violation_log``); ``clock`` drives the limiter (inject one for fast tests).
    """

    def __init__(
        self,
        token: str = "123:TEST",
        bot_username: str = "nhacviec_test_bot",
        *,
        rate_limits: bool = False,
        per_chat_per_sec: float = 1.0,
        global_per_sec: float = 30.0,
        group_per_min: int = 20,
        per_chat_burst: int = 1,
        bot_first_name: str = "Nhắc Việc",
        latency: float = 0.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.token = token
        self.bot_username = bot_username
        try:
            bot_id = int(token.split(":", 1)[0])
        except ValueError:
            bot_id = 123
        self.bot_user: dict[str, Any] = {
            "id": bot_id,
            "is_bot": True,
            "first_name": bot_first_name,
            "username": bot_username,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
            "can_connect_to_business": False,
            "has_main_web_app": False,
        }
        self.rate_limits = rate_limits
        self.per_chat_per_sec = per_chat_per_sec
        self.global_per_sec = global_per_sec
        self.group_per_min = group_per_min
        self.per_chat_burst = per_chat_burst
        self.latency = latency  # seconds added before answering any method but getUpdates
        self._clock = clock
        self._limiter = _RateLimiter(per_chat_per_sec, per_chat_burst, global_per_sec, group_per_min, clock)

        # public records
        self.sent: list[SentMessage] = []
        self.edits: list[SentMessage] = []
        self.outbox: list[SentMessage] = []  # sent + edits, in order (what wait_for scans)
        self.callback_answers: list[dict[str, Any]] = []
        self.requests: list[tuple[str, dict[str, Any]]] = []
        self.calls: list[ApiCall] = []
        self.deleted: list[tuple[int, int]] = []
        self.chat_actions: list[tuple[int, str]] = []
        self.violations = 0
        self.violation_log: list[dict[str, Any]] = []
        self.internal_errors: list[str] = []  # crashes of the fake itself (should stay empty)
        self.commands: dict[tuple[str, str], list[dict[str, Any]]] = {}
        self.webhook_url = ""

        # state
        self.chats: dict[int, dict[str, Any]] = {}
        self.users: dict[int, dict[str, Any]] = {}
        self._messages: dict[tuple[int, int], dict[str, Any]] = {}
        self._raw_text: dict[tuple[int, int], tuple[str | None, str | None]] = {}
        self._next_mid: dict[int, int] = defaultdict(lambda: 1)
        self._updates: list[dict[str, Any]] = []
        self._next_update_id = 100_000_001
        self._max_delivered_update_id = 0
        self._polled = False
        self._poll_gen = 0
        self._files: dict[str, _StoredFile] = {}
        self._file_paths: dict[str, str] = {}
        self._file_counter = itertools.count(1)
        self._open_callbacks: set[str] = set()
        self._callback_counter = itertools.count(1)
        self._faults: dict[int | None, deque[_Fault]] = defaultdict(deque)
        self.blocked: set[int] = set()
        self._seq = itertools.count(1)
        self._inflight = 0
        self._last_activity = 0.0
        self._pulse_event: asyncio.Event | None = None
        self._closing = False

        self._runner: web.AppRunner | None = None
        self.port: int | None = None
        self._methods: dict[str, tuple[str, Callable[[dict[str, Any]], Any]]] = {}
        for name in (
            "getMe", "logOut", "close", "getUpdates", "setWebhook", "deleteWebhook", "getWebhookInfo",
            "setMyCommands", "getMyCommands", "deleteMyCommands", "sendMessage", "sendDocument", "sendPhoto",
            "sendChatAction", "editMessageText", "editMessageReplyMarkup", "editMessageCaption", "deleteMessage",
            "answerCallbackQuery", "getFile", "getChat", "setMyDescription", "setMyShortDescription",
            "setChatMenuButton",
        ):  # fmt: skip
            self._methods[name.lower()] = (name, getattr(self, f"_m_{name}"))

    # ------------------------------------------------------------------ lifecycle

    def configure_rate_limits(self, enabled: bool = True, **limits: float) -> None:
        """Switch rate limits on/off and/or change ``per_chat_per_sec``, ``global_per_sec``,
        ``group_per_min``, ``per_chat_burst`` (resets the limiter's history)."""
        for key, value in limits.items():
            if key not in ("per_chat_per_sec", "global_per_sec", "group_per_min", "per_chat_burst"):
                raise TypeError(f"unknown rate limit {key!r}")
            setattr(self, key, value)
        self.rate_limits = enabled
        self._limiter = _RateLimiter(self.per_chat_per_sec, int(self.per_chat_burst), self.global_per_sec,
                                     int(self.group_per_min), self._clock)  # fmt: skip

    @property
    def url(self) -> str:
        if self.port is None:
            raise RuntimeError("FakeTelegram not started")
        return f"http://127.0.0.1:{self.port}"

    @property
    def base_url(self) -> str:
        """What to pass as PTB ``base_url`` (PTB appends the token)."""
        return f"{self.url}/bot"

    @property
    def base_file_url(self) -> str:
        return f"{self.url}/file/bot"

    async def start(self) -> None:
        if self._runner is not None:
            return
        self._closing = False
        self._pulse_event = asyncio.Event()
        self._last_activity = asyncio.get_running_loop().time()
        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.router.add_route("*", "/{tail:.*}", self._handle)
        runner = web.AppRunner(app, access_log=None, shutdown_timeout=1.0, handler_cancellation=True)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        server = site._server  # noqa: SLF001 - the only way to learn the bound port
        assert server is not None and server.sockets
        self.port = server.sockets[0].getsockname()[1]
        self._runner = runner

    async def stop(self) -> None:
        if self._runner is None:
            return
        self._closing = True
        self._pulse()  # long polls return [] at once
        runner, self._runner = self._runner, None
        await runner.cleanup()

    async def __aenter__(self) -> FakeTelegram:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    def make_bot(self, **kwargs: Any) -> Any:
        """A ``telegram.Bot`` wired to this server (use ``async with``)."""
        from telegram import Bot

        return Bot(self.token, base_url=self.base_url, base_file_url=self.base_file_url, **kwargs)

    # ------------------------------------------------------------------ notifications

    def _pulse(self) -> None:
        if self._pulse_event is not None:
            self._pulse_event.set()
            self._pulse_event = asyncio.Event()

    async def _wait_pulse(self, timeout: float) -> None:
        ev = self._pulse_event
        if ev is None or timeout <= 0:
            await asyncio.sleep(max(timeout, 0))
            return
        try:
            await asyncio.wait_for(ev.wait(), timeout)
        except TimeoutError:
            pass

    def _touch(self) -> None:
        try:
            self._last_activity = asyncio.get_running_loop().time()
        except RuntimeError:
            self._last_activity = time.monotonic()

    # ------------------------------------------------------------------ users/chats/messages

    def _user(self, user_id: int, first_name: str | None = None, language_code: str | None = None,
              username: str | None = None, last_name: str | None = None) -> dict[str, Any]:  # fmt: skip
        u = self.users.setdefault(user_id, {"id": user_id, "is_bot": False, "first_name": first_name or "Cán bộ"})
        if first_name:
            u["first_name"] = first_name
        if language_code:
            u["language_code"] = language_code
        if username:
            u["username"] = username
        if last_name:
            u["last_name"] = last_name
        return u

    def register_chat(self, chat_id: int, *, type: str | None = None, title: str | None = None,  # noqa: A002
                      first_name: str | None = None, username: str | None = None) -> dict[str, Any]:  # fmt: skip
        """Create/update a chat. Defaults: id > 0 private, id <= -10**12 supergroup, else group."""
        chat = self._chat(chat_id)
        if type:
            chat["type"] = type
        if title:
            chat["title"] = title
        if first_name:
            chat["first_name"] = first_name
        if username:
            chat["username"] = username
        return chat

    def _chat(self, chat_id: int, user: dict[str, Any] | None = None) -> dict[str, Any]:
        chat = self.chats.get(chat_id)
        if chat is None:
            if chat_id > 0:
                chat = {"id": chat_id, "type": "private", "first_name": (user or {}).get("first_name", "Cán bộ")}
            elif chat_id <= -1_000_000_000_000:
                chat = {"id": chat_id, "type": "supergroup", "title": f"Nhóm {chat_id}"}
            else:
                chat = {"id": chat_id, "type": "group", "title": f"Nhóm {chat_id}"}
            self.chats[chat_id] = chat
        if user is not None and chat["type"] == "private" and user["id"] == chat_id:
            chat["first_name"] = user["first_name"]
            if user.get("username"):
                chat["username"] = user["username"]
        return chat

    def _new_mid(self, chat_id: int) -> int:
        mid = self._next_mid[chat_id]
        self._next_mid[chat_id] = mid + 1
        return mid

    def _store_incoming(self, msg: dict[str, Any]) -> None:
        chat = msg.get("chat") or {}
        chat_id, mid = chat.get("id"), msg.get("message_id")
        if isinstance(chat_id, int) and isinstance(mid, int):
            self.chats.setdefault(chat_id, _copy(chat))
            self._messages[(chat_id, mid)] = _copy(msg)
            self._next_mid[chat_id] = max(self._next_mid[chat_id], mid + 1)
            frm = msg.get("from")
            if isinstance(frm, dict) and isinstance(frm.get("id"), int) and not frm.get("is_bot"):
                self.users.setdefault(frm["id"], _copy(frm))

    def _default_user_id(self, chat_id: int, user_id: int | None) -> int:
        if user_id is not None:
            return user_id
        return chat_id if chat_id > 0 else 100_001

    def _reply_copy(self, chat_id: int, mid: int) -> dict[str, Any]:
        stored = self._messages.get((chat_id, mid))
        if stored is None:
            raise KeyError(f"message {mid} not found in chat {chat_id}")
        out = _copy(stored)
        out.pop("reply_to_message", None)
        return out

    # ------------------------------------------------------------------ pushing updates

    def push_raw(self, update: dict[str, Any]) -> dict[str, Any]:
        """Queue an update as is (an update_id is assigned if missing)."""
        update = _copy(update)
        if "update_id" not in update:
            update["update_id"] = self._next_update_id
        self._next_update_id = max(self._next_update_id, int(update["update_id"]) + 1)
        for key in ("message", "edited_message", "channel_post", "edited_channel_post"):
            if isinstance(update.get(key), dict):
                self._store_incoming(update[key])
        cq = update.get("callback_query")
        if isinstance(cq, dict) and cq.get("id"):
            self._open_callbacks.add(str(cq["id"]))
        self._updates.append(update)
        self._updates.sort(key=lambda u: u["update_id"])
        self._touch()
        self._pulse()
        return _copy(update)

    def _base_message(self, chat_id: int, user_id: int | None, first_name: str, language_code: str | None,
                      reply_to_message_id: int | None, username: str | None = None) -> dict[str, Any]:  # fmt: skip
        user = self._user(self._default_user_id(chat_id, user_id), first_name, language_code, username)
        chat = self._chat(chat_id, user)
        msg: dict[str, Any] = {
            "message_id": self._new_mid(chat_id),
            "from": _copy(user),
            "chat": _copy(chat),
            "date": int(time.time()),
        }
        if reply_to_message_id is not None:
            msg["reply_to_message"] = self._reply_copy(chat_id, reply_to_message_id)
        return msg

    def push_text(self, chat_id: int, text: str, *, user_id: int | None = None, first_name: str = "Cán bộ",
                  language_code: str | None = "vi", reply_to_message_id: int | None = None,
                  username: str | None = None) -> dict[str, Any]:  # fmt: skip
        """A user sends ``text``; a leading "/command" gets a bot_command entity."""
        msg = self._base_message(chat_id, user_id, first_name, language_code, reply_to_message_id, username)
        msg["text"] = text
        m = re.match(r"^/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?", text)
        if m:
            msg["entities"] = [{"type": "bot_command", "offset": 0, "length": _utf16_len(m.group(0))}]
        return self.push_raw({"message": msg})

    def push_callback(self, chat_id: int, data: str, *, message_id: int, user_id: int | None = None,
                      first_name: str = "Cán bộ", language_code: str | None = "vi") -> dict[str, Any]:  # fmt: skip
        """A user presses an inline button with ``data`` on message ``message_id``.

        The update carries the message in its current state (after edits), as Telegram does.
        If the bot never sent that message (stale/forged button, deleted message), the update
        carries an InaccessibleMessage ``{"chat", "message_id", "date": 0}`` instead — what
        Telegram sends for messages the bot can no longer access; editing it then fails with
        "message to edit not found" / "message can't be edited".
        """
        user = self._user(self._default_user_id(chat_id, user_id), first_name, language_code)
        stored = self._messages.get((chat_id, message_id))
        if stored is not None and stored.get("from", {}).get("id") == self.bot_user["id"]:
            message = self._reply_copy(chat_id, message_id)
        else:
            message = {"chat": _copy(self._chat(chat_id, user)), "message_id": message_id, "date": 0}
        cq_id = str(4_000_000_000_000_000_000 + next(self._callback_counter) * 7919)
        update = {
            "callback_query": {
                "id": cq_id,
                "from": _copy(user),
                "message": message,
                "chat_instance": str(-(abs(chat_id) * 31 + 17)),
                "data": data,
            }
        }
        return self.push_raw(update)

    def _store_file(self, content: bytes, file_name: str | None, mime_type: str | None, kind: str) -> _StoredFile:
        n = next(self._file_counter)
        prefix = {"documents": "BQACAgIAAxkBAAI", "photos": "AgACAgIAAxkBAAI"}.get(kind, "CAACAgIAAxkBAAI")
        file_id = f"{prefix}{n:05d}{secrets.token_urlsafe(18)}"
        unique = f"AgAD{n:04d}{secrets.token_urlsafe(6)}"
        path = f"{kind}/file_{n}{_file_ext(file_name, '.jpg' if kind == 'photos' else '')}"
        sf = _StoredFile(file_id, unique, path, bytes(content), file_name, mime_type)
        self._files[file_id] = sf
        self._file_paths[path] = file_id
        return sf

    @staticmethod
    def _document_obj(sf: _StoredFile) -> dict[str, Any]:
        doc: dict[str, Any] = {"file_id": sf.file_id, "file_unique_id": sf.file_unique_id, "file_size": len(sf.content)}
        if sf.file_name:
            doc["file_name"] = sf.file_name
        if sf.mime_type:
            doc["mime_type"] = sf.mime_type
        return doc

    @staticmethod
    def _photo_obj(sf: _StoredFile) -> list[dict[str, Any]]:
        w, h = _image_size(sf.content)
        scale = max(1.0, max(w, h) / 90.0)
        thumb = {"file_id": sf.file_id + "_s", "file_unique_id": sf.file_unique_id + "s",
                 "width": max(1, round(w / scale)), "height": max(1, round(h / scale)), "file_size": len(sf.content)}  # fmt: skip
        full = {"file_id": sf.file_id, "file_unique_id": sf.file_unique_id, "width": w, "height": h,
                "file_size": len(sf.content)}  # fmt: skip
        return [thumb, full]

    def push_document(self, chat_id: int, file_name: str, content: bytes, *,
                      mime_type: str = "application/octet-stream", caption: str | None = None,
                      user_id: int | None = None, first_name: str = "Cán bộ") -> dict[str, Any]:  # fmt: skip
        """A user uploads a document; getFile + download return ``content``."""
        msg = self._base_message(chat_id, user_id, first_name, "vi", None)
        sf = self._store_file(content, file_name, mime_type, "documents")
        msg["document"] = self._document_obj(sf)
        if caption:
            msg["caption"] = caption
        return self.push_raw({"message": msg})

    def push_photo(self, chat_id: int, content: bytes, *, caption: str | None = None, user_id: int | None = None,
                   first_name: str = "Cán bộ") -> dict[str, Any]:  # fmt: skip
        msg = self._base_message(chat_id, user_id, first_name, "vi", None)
        sf = self._store_file(content, None, "image/jpeg", "photos")
        self._files[sf.file_id + "_s"] = sf  # the small size downloads the same bytes
        msg["photo"] = self._photo_obj(sf)
        if caption:
            msg["caption"] = caption
        return self.push_raw({"message": msg})

    @property
    def pending_updates(self) -> list[dict[str, Any]]:
        """Updates not yet confirmed by the bot (getUpdates offset)."""
        return _copy(self._updates)

    # ------------------------------------------------------------------ reading

    def messages_to(self, chat_id: int) -> list[SentMessage]:
        return [m for m in self.sent if m.chat_id == chat_id]

    def last_to(self, chat_id: int) -> SentMessage:
        msgs = self.messages_to(chat_id)
        if not msgs:
            raise LookupError(f"nothing was sent to chat {chat_id}\n{self.dump()}")
        return msgs[-1]

    def message(self, chat_id: int, message_id: int) -> dict[str, Any]:
        """Current state (after edits) of a message, as the Bot API would return it."""
        return _copy(self._messages[(chat_id, message_id)])

    def calls_to(self, method: str) -> list[ApiCall]:
        return [c for c in self.calls if c.method.lower() == method.lower()]

    def mark(self) -> int:
        """Position in ``outbox``; pass as ``since=`` to wait only for later messages."""
        return len(self.outbox)

    def clear_records(self) -> None:
        """Forget what was sent/called (state like messages, files, chats stays)."""
        self.sent.clear()
        self.edits.clear()
        self.outbox.clear()
        self.callback_answers.clear()
        self.requests.clear()
        self.calls.clear()
        self.deleted.clear()
        self.chat_actions.clear()
        self.violations = 0
        self.violation_log.clear()

    def dump(self, last: int = 40) -> str:
        lines = [f"--- FakeTelegram: {len(self.sent)} sent, {len(self.edits)} edits, "
                 f"{len(self._updates)} unconfirmed updates ---"]  # fmt: skip
        lines += ["  " + m.summary() for m in self.outbox[-last:]] or ["  (nothing sent)"]
        failed = [c for c in self.calls if not c.ok]
        if failed:
            lines.append("--- failed API calls ---")
            for c in failed[-15:]:
                lines.append(f"  {c.method} -> {c.status} {c.description}")
        others = [c for c in self.calls if c.method not in ("getUpdates",)][-10:]
        if others:
            lines.append("--- last API calls (no getUpdates) ---")
            lines += [f"  {c.method} {c.status}" for c in others]
        return "\n".join(lines)

    async def wait_for(
        self,
        predicate: Callable[[SentMessage], bool] | str | None = None,
        *,
        chat_id: int | None = None,
        since: int = 0,
        timeout: float = 10.0,
    ) -> SentMessage:
        """First sent/edited message (from ``outbox[since:]``) matching ``predicate``.

        ``predicate`` may be a callable, a substring of the text (raw or plain) or None (anything).
        Raises asyncio.TimeoutError with a dump of what was sent.
        """
        if isinstance(predicate, str):
            needle = predicate

            def pred(m: SentMessage) -> bool:
                return needle in (m.text or "") or needle in (m.plain_text or "")
        elif predicate is None:

            def pred(m: SentMessage) -> bool:
                return True
        else:
            pred = predicate
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        idx = since
        while True:
            while idx < len(self.outbox):
                m = self.outbox[idx]
                idx += 1
                if (chat_id is None or m.chat_id == chat_id) and pred(m):
                    return m
            remaining = deadline - loop.time()
            if remaining <= 0:
                raise TimeoutError(
                    f"wait_for: no matching message within {timeout}s (predicate={predicate!r}, "
                    f"chat_id={chat_id}, since={since})\n{self.dump()}"
                )
            await self._wait_pulse(remaining)

    async def wait_for_count(self, chat_id: int, n: int, *, timeout: float = 10.0) -> list[SentMessage]:
        """Wait until ``chat_id`` has received at least ``n`` messages; return them all."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            msgs = self.messages_to(chat_id)
            if len(msgs) >= n:
                return msgs
            remaining = deadline - loop.time()
            if remaining <= 0:
                raise TimeoutError(
                    f"wait_for_count: chat {chat_id} got {len(msgs)} of {n} messages in {timeout}s\n{self.dump()}"
                )
            await self._wait_pulse(remaining)

    async def wait_idle(self, quiet: float = 0.3, timeout: float = 10.0) -> None:
        """Wait until the bot made no API call (getUpdates excluded) for ``quiet`` seconds,
        none is in flight, and — if the bot polls — every pushed update was fetched."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            now = loop.time()
            undelivered = self._polled and any(u["update_id"] > self._max_delivered_update_id for u in self._updates)
            busy = self._inflight > 0 or undelivered
            if not busy and now - self._last_activity >= quiet:
                return
            if now >= deadline:
                raise TimeoutError(
                    f"wait_idle: still busy after {timeout}s (in flight={self._inflight}, "
                    f"undelivered updates={undelivered})\n{self.dump()}"
                )
            wait = deadline - now if busy else self._last_activity + quiet - now
            await self._wait_pulse(min(max(wait, 0.005), deadline - now))

    # ------------------------------------------------------------------ faults

    def fail_next(self, chat_id: int | None, *, status: int, description: str | None = None,
                  retry_after: int | None = None, times: int = 1,
                  methods: Iterable[str] = SEND_METHODS) -> None:  # fmt: skip
        """The next ``times`` calls of ``methods`` (default: send*) to ``chat_id`` (None = any chat)
        answer ``status``/``description`` (+ ``parameters.retry_after``). Queued faults apply in order."""
        if description is None:
            description = {
                400: "Bad Request: injected failure",
                403: "Forbidden: bot was blocked by the user",
                429: f"Too Many Requests: retry after {retry_after or 1}",
                500: "Internal Server Error",
                502: "Bad Gateway",
                503: "Service Unavailable",
                504: "Gateway Timeout",
            }.get(status, f"Error {status}")
        if status == 429 and retry_after is None:
            retry_after = 1
        self._faults[chat_id].append(_Fault(status, description, retry_after, times, frozenset(methods)))

    def block_chat(self, chat_id: int) -> None:
        """Every send/edit to the chat → 403 (private: "bot was blocked by the user")."""
        self.blocked.add(chat_id)

    def unblock_chat(self, chat_id: int) -> None:
        self.blocked.discard(chat_id)

    def _take_fault(self, method: str, chat_id: int) -> _Fault | None:
        for key in (chat_id, None):
            q = self._faults.get(key)
            if not q:
                continue
            for fault in q:
                if method in fault.methods:
                    fault.remaining -= 1
                    if fault.remaining <= 0:
                        q.remove(fault)
                    return fault
        return None

    def _pre_send(self, method: str, chat_id: int) -> None:
        """Blocked → injected faults → rate limits (only for send methods)."""
        if chat_id in self.blocked:
            kind = self._chat(chat_id)["type"]
            if kind == "private":
                raise ApiError(403, "Forbidden: bot was blocked by the user")
            if kind == "group":
                raise ApiError(403, "Forbidden: bot was kicked from the group chat")
            raise ApiError(403, f"Forbidden: bot was kicked from the {kind} chat")
        fault = self._take_fault(method, chat_id)
        if fault is not None:
            raise ApiError(fault.status, fault.description, retry_after=fault.retry_after)
        if self.rate_limits and method in SEND_METHODS:
            hit = self._limiter.check(chat_id)
            if hit is not None:
                retry_after, scope = hit
                self.violations += 1
                self.violation_log.append({"chat_id": chat_id, "method": method, "scope": scope,
                                           "retry_after": retry_after, "at": self._clock()})  # fmt: skip
                raise ApiError(429, f"Too Many Requests: retry after {retry_after}", retry_after=retry_after)

    # ------------------------------------------------------------------ HTTP

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        path = request.path
        if path.startswith("/file/bot"):
            return await self._download(request, path[len("/file/bot") :])
        if not path.startswith("/bot"):
            return web.json_response({"ok": False, "error_code": 404, "description": "Not Found"}, status=404)
        rest = path[len("/bot") :]
        token, _, method = rest.partition("/")
        if token != self.token:
            return web.json_response({"ok": False, "error_code": 401, "description": "Unauthorized"}, status=401)
        entry = self._methods.get(method.lower())
        canonical = entry[0] if entry else method
        is_poll = canonical == "getUpdates"
        call = ApiCall(canonical, {}, at=time.time())
        self.calls.append(call)
        if not is_poll:
            self._inflight += 1
            self._touch()
        try:
            try:
                try:
                    call.params = await self._read_params(request)
                finally:
                    self.requests.append((canonical, call.params))
            except ApiError as err:
                call.status, call.response = err.code, err.payload()
            else:
                await self._run(call, entry, delay=not is_poll)
            return web.json_response(call.response, status=call.status,
                                     dumps=lambda o: json.dumps(o, ensure_ascii=False))
        finally:
            if not is_poll:
                self._inflight -= 1
                self._touch()
            self._pulse()

    async def _run(self, call: ApiCall, entry: tuple[str, Callable[[dict[str, Any]], Any]] | None,
                   *, delay: bool = True) -> None:
        """Run a method with its parameters read; the outcome goes on ``call``."""
        try:
            if entry is None:
                raise ApiError(404, "Not Found")
            if self.latency and delay:
                await asyncio.sleep(self.latency)
            result = entry[1](call.params)
            if asyncio.iscoroutine(result):
                result = await result
            call.status, call.response = 200, {"ok": True, "result": result}
        except ApiError as err:
            call.status, call.response = err.code, err.payload()
        except Exception as exc:  # a bug in the fake: make it loud but keep answering JSON
            logger.exception("FakeTelegram: %s crashed", call.method)
            self.internal_errors.append(f"{call.method}: {exc!r}")
            call.status = 500
            call.response = {"ok": False, "error_code": 500, "description": f"Internal Server Error: {exc!r}"}

    async def run_webhook_answer(self, answer: Any) -> ApiCall | None:
        """What Telegram does with the bot's answer to a webhook request: a JSON object
        naming a "method" is run as that Bot API call, whose result goes nowhere. Test
        drivers that post updates to a bot's webhook hand each answer here."""
        if not isinstance(answer, dict) or not isinstance(answer.get("method"), str):
            return None
        entry = self._methods.get(answer["method"].lower())
        call = ApiCall(entry[0] if entry else answer["method"], {}, at=time.time())
        self.calls.append(call)
        self._inflight += 1
        self._touch()
        try:
            try:
                call.params = {k: self._coerce(k, v) for k, v in answer.items() if k != "method"}
            except ApiError as err:
                call.status, call.response = err.code, err.payload()
            else:
                await self._run(call, entry)
            self.requests.append((call.method, call.params))
            return call
        finally:
            self._inflight -= 1
            self._touch()
            self._pulse()

    async def _read_params(self, request: web.Request) -> dict[str, Any]:
        raw: dict[str, Any] = dict(request.query)
        files: dict[str, UploadedFile] = {}
        ctype = request.content_type
        if request.method in ("POST", "PUT") and request.can_read_body:
            if ctype == "application/json":
                text = await request.text()
                if text.strip():
                    try:
                        data = json.loads(text)
                    except ValueError:
                        raise _bad("can't parse JSON object") from None
                    if not isinstance(data, dict):
                        raise _bad("JSON object expected")
                    raw.update(data)
            elif ctype == "multipart/form-data":
                reader = await request.multipart()
                async for part in reader:
                    name = part.name or ""
                    if part.filename is not None:
                        content = await part.read(decode=False)
                        files[name] = UploadedFile(name, part.filename, part.headers.get("Content-Type"), bytes(content))
                    else:
                        raw[name] = await part.text()
            else:  # x-www-form-urlencoded (or anything else: best effort)
                form = await request.post()
                for k, v in form.items():
                    if hasattr(v, "file"):
                        files[k] = UploadedFile(k, v.filename, v.content_type, v.file.read())
                    else:
                        raw[k] = v
        params: dict[str, Any] = {}
        for key, value in raw.items():
            params[key] = self._coerce(key, value)
        for key, value in list(params.items()):
            if isinstance(value, str) and value.startswith("attach://"):
                ref = value[len("attach://") :]
                if ref in files:
                    params[key] = files[ref]
        for key, up in files.items():
            params.setdefault(key, up)
        return params

    @staticmethod
    def _coerce(key: str, value: Any) -> Any:
        if not isinstance(value, str):
            return value
        if key in _JSON_FIELDS:
            if not value.strip():
                return None
            try:
                return json.loads(value)
            except ValueError:
                if key == "reply_markup":
                    raise _bad("can't parse reply keyboard markup JSON object") from None
                return value
        if key in _INT_FIELDS and _INT_RE.match(value):
            return int(value)
        if key == "chat_id" and _INT_RE.match(value):
            return int(value)
        if key in _BOOL_FIELDS:
            return value.strip().lower() in ("true", "1")
        return value

    async def _download(self, request: web.Request, rest: str) -> web.StreamResponse:
        token, _, file_path = rest.partition("/")
        if token != self.token:
            return web.json_response({"ok": False, "error_code": 401, "description": "Unauthorized"}, status=401)
        file_id = self._file_paths.get(file_path)
        if file_id is None:
            return web.json_response({"ok": False, "error_code": 404, "description": "Not Found"}, status=404)
        sf = self._files[file_id]
        return web.Response(body=sf.content, content_type=sf.mime_type or "application/octet-stream")

    # ------------------------------------------------------------------ param helpers

    def _chat_id(self, p: dict[str, Any], key: str = "chat_id") -> int:
        v = p.get(key)
        if v is None or v == "":
            raise _bad("chat_id is empty")
        if isinstance(v, bool):
            raise _bad("chat not found")
        if isinstance(v, int):
            if v == 0:
                raise _bad("chat not found")
            return v
        if isinstance(v, float) and v.is_integer():
            return int(v)
        if isinstance(v, str):
            s = v.strip()
            if _INT_RE.match(s) and int(s) != 0:
                return int(s)
            if s.startswith("@"):
                for cid, chat in self.chats.items():
                    if str(chat.get("username", "")).lower() == s[1:].lower():
                        return cid
        raise _bad("chat not found")

    @staticmethod
    def _int(p: dict[str, Any], key: str, default: int | None = None) -> int | None:
        v = p.get(key)
        if v is None or v == "":
            return default
        if isinstance(v, bool):
            return int(v)
        if isinstance(v, int):
            return v
        if isinstance(v, float):
            return int(v)
        if isinstance(v, str) and _INT_RE.match(v):
            return int(v)
        raise _bad(f'invalid {key} specified')

    def _formatted(self, text: Any, parse_mode: Any, entities: Any, *, is_caption: bool) -> tuple[str, list[dict[str, Any]]]:
        """Parse text/caption per parse_mode; returns trimmed plain text + entities."""
        text = "" if text is None else str(text)
        if len(text.encode("utf-8", "surrogatepass")) > (1 << 15):
            raise _bad("text is too long")
        mode = str(parse_mode or "").lower()
        if text and mode and mode != "none":
            if mode == "html":
                plain, ents = parse_html(text)
            elif mode in ("markdown", "markdownv2"):
                plain, ents = text, []  # accepted without validation
            else:
                raise _bad("unsupported parse_mode")
        else:
            plain = text
            ents = [dict(e) for e in entities] if isinstance(entities, list) else []
        plain, ents = _trim(plain, ents)
        limit = 1024 if is_caption else 4096
        if len(plain) > limit:
            raise _bad("message caption is too long" if is_caption else "message is too long")
        return plain, ents

    def _markup(self, value: Any) -> tuple[dict[str, Any] | None, dict[str, Any] | None]:
        """Validate reply_markup → (as sent, inline keyboard to store on the message or None)."""
        if value is None or value == "":
            return None, None
        if not isinstance(value, dict):
            raise _bad("object expected as reply markup")
        if "inline_keyboard" in value:
            rows = value["inline_keyboard"]
            if not isinstance(rows, list):
                raise _bad('field "inline_keyboard" must be of type Array')
            norm_rows = []
            for row in rows:
                if not isinstance(row, list):
                    raise _bad('field "inline_keyboard" of the InlineKeyboardMarkup must be an Array of Arrays')
                norm_row = []
                for button in row:
                    norm_row.append(self._inline_button(button))
                norm_rows.append(norm_row)
            if sum(len(r) for r in norm_rows) > 100:
                raise _bad("reply markup is too long")
            inline = {"inline_keyboard": norm_rows} if any(norm_rows) else None
            return value, inline
        if "keyboard" in value:
            rows = value["keyboard"]
            if not isinstance(rows, list) or not all(isinstance(r, list) for r in rows):
                raise _bad('field "keyboard" must be an Array of Arrays')
            for row in rows:
                for button in row:
                    if isinstance(button, str):
                        continue
                    if not isinstance(button, dict):
                        raise _bad("can't parse keyboard button: KeyboardButton must be a String or an Object")
                    if "text" not in button:
                        raise _bad('can\'t parse keyboard button: Can\'t find field "text"')
        return value, None

    @staticmethod
    def _inline_button(button: Any) -> dict[str, Any]:
        prefix = "can't parse inline keyboard button: "
        if not isinstance(button, dict):
            raise _bad(prefix + "InlineKeyboardButton must be an Object")
        if "text" not in button or button["text"] is None:
            raise _bad(prefix + 'Can\'t find field "text"')
        text = button["text"]
        if not isinstance(text, (str, int, float)) or isinstance(text, bool):
            raise _bad(prefix + 'Field "text" must be of type String')
        text = str(text)
        if not text.strip():
            raise _bad("BUTTON_TEXT_INVALID")
        norm = {k: v for k, v in button.items() if v is not None}
        norm["text"] = text
        if norm.get("url"):
            if not _check_link(str(norm["url"])):
                raise _bad("BUTTON_URL_INVALID")
            return norm
        data = norm.get("callback_data")
        if data is not None and data != "":
            if not isinstance(data, str):
                raise _bad(prefix + 'Field "callback_data" must be of type String')
            if len(data.encode("utf-8")) > 64:
                raise _bad("BUTTON_DATA_INVALID")
            return norm
        for kind in ("callback_game", "pay", "switch_inline_query", "switch_inline_query_current_chat",
                     "switch_inline_query_chosen_chat", "web_app", "login_url", "copy_text"):  # fmt: skip
            if kind in norm:
                return norm
        raise _bad(prefix + "Text buttons are unallowed in the inline keyboard")

    def _reply_target(self, p: dict[str, Any], chat_id: int) -> int | None:
        mid = self._int(p, "reply_to_message_id")
        allow_missing = bool(p.get("allow_sending_without_reply"))
        rp = p.get("reply_parameters")
        if isinstance(rp, dict) and rp.get("message_id") is not None:
            mid = int(rp["message_id"])
            allow_missing = bool(rp.get("allow_sending_without_reply", allow_missing))
            if rp.get("chat_id") not in (None, chat_id, str(chat_id)):
                return None  # a reply into another chat: not tracked
        if mid is None or mid == 0:
            return None
        if (chat_id, mid) not in self._messages:
            if allow_missing:
                return None
            raise _bad("message to be replied not found")
        return mid

    # ------------------------------------------------------------------ recording

    def _bot_message(self, chat_id: int, *, reply_to: int | None) -> dict[str, Any]:
        msg: dict[str, Any] = {
            "message_id": self._new_mid(chat_id),
            "from": _copy(self.bot_user),
            "chat": _copy(self._chat(chat_id)),
            "date": int(time.time()),
        }
        if reply_to is not None:
            msg["reply_to_message"] = self._reply_copy(chat_id, reply_to)
        return msg

    def _record(self, method: str, msg: dict[str, Any], p: dict[str, Any], *, raw_text: str | None,
                parse_mode: str | None, markup_sent: dict[str, Any] | None, edit: bool,
                document: SentFile | None = None, photo: SentFile | None = None) -> SentMessage:  # fmt: skip
        chat_id, mid = msg["chat"]["id"], msg["message_id"]
        plain = msg.get("text", msg.get("caption", ""))
        ents = msg.get("entities", msg.get("caption_entities", []))
        sm = SentMessage(
            method=method,
            chat_id=chat_id,
            message_id=mid,
            text=raw_text if raw_text is not None else plain,
            parse_mode=parse_mode,
            reply_markup=_copy(markup_sent),
            date=msg.get("edit_date", msg["date"]),
            plain_text=plain,
            entities=_copy(ents),
            document=document,
            photo=photo,
            reply_to_message_id=(msg.get("reply_to_message") or {}).get("message_id"),
            seq=next(self._seq),
            params=p,
        )
        (self.edits if edit else self.sent).append(sm)
        self.outbox.append(sm)
        self._pulse()
        return sm

    # ------------------------------------------------------------------ methods

    def _m_getMe(self, p: dict[str, Any]) -> dict[str, Any]:
        return _copy(self.bot_user)

    def _m_logOut(self, p: dict[str, Any]) -> bool:
        return True

    def _m_close(self, p: dict[str, Any]) -> bool:
        return True

    def _m_setWebhook(self, p: dict[str, Any]) -> bool:
        self.webhook_url = str(p.get("url") or "")
        if p.get("drop_pending_updates"):
            self._updates.clear()
        return True

    def _m_deleteWebhook(self, p: dict[str, Any]) -> bool:
        self.webhook_url = ""
        if p.get("drop_pending_updates"):
            self._updates.clear()
        return True

    def _m_getWebhookInfo(self, p: dict[str, Any]) -> dict[str, Any]:
        return {"url": self.webhook_url, "has_custom_certificate": False, "pending_update_count": len(self._updates)}

    @staticmethod
    def _scope_key(p: dict[str, Any]) -> tuple[str, str]:
        scope = p.get("scope")
        scope_s = json.dumps(scope, sort_keys=True) if isinstance(scope, dict) else '{"type": "default"}'
        return scope_s, str(p.get("language_code") or "")

    def _m_setMyCommands(self, p: dict[str, Any]) -> bool:
        cmds = p.get("commands")
        if cmds is None:
            raise _bad('parameter "commands" is required')
        if not isinstance(cmds, list):
            raise _bad("can't parse commands JSON object")
        if len(cmds) > 100:
            raise _bad("too many commands specified")
        for c in cmds:
            if not isinstance(c, dict) or "command" not in c or "description" not in c:
                raise _bad("can't parse BotCommand: Can't find field \"command\"")
            if not re.fullmatch(r"/?[a-z0-9_]{1,32}", str(c["command"])):
                raise _bad("BOT_COMMAND_INVALID")
            if not 1 <= len(str(c["description"]).strip()) <= 256:
                raise _bad("BOT_COMMAND_DESCRIPTION_INVALID")
        self.commands[self._scope_key(p)] = [
            {"command": str(c["command"]).lstrip("/"), "description": str(c["description"])} for c in cmds
        ]
        return True

    def _m_getMyCommands(self, p: dict[str, Any]) -> list[dict[str, Any]]:
        return _copy(self.commands.get(self._scope_key(p), []))

    def _m_deleteMyCommands(self, p: dict[str, Any]) -> bool:
        self.commands.pop(self._scope_key(p), None)
        return True

    def _m_setMyDescription(self, p: dict[str, Any]) -> bool:
        return True

    def _m_setMyShortDescription(self, p: dict[str, Any]) -> bool:
        return True

    def _m_setChatMenuButton(self, p: dict[str, Any]) -> bool:
        return True

    def _m_getChat(self, p: dict[str, Any]) -> dict[str, Any]:
        chat_id = self._chat_id(p)
        info = _copy(self._chat(chat_id))
        info.update(
            accent_color_id=0,
            max_reaction_count=11,
            accepted_gift_types={"unlimited_gifts": False, "limited_gifts": False, "unique_gifts": False,
                                 "premium_subscription": False},  # fmt: skip
        )
        return info

    async def _m_getUpdates(self, p: dict[str, Any]) -> list[dict[str, Any]]:
        if self.webhook_url:
            raise ApiError(
                409,
                "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete "
                "the webhook first",
            )
        self._polled = True
        offset = self._int(p, "offset", 0) or 0
        limit = min(100, max(1, self._int(p, "limit", 100) or 100))
        timeout = float(p.get("timeout") or 0)
        if offset > 0:
            self._updates = [u for u in self._updates if u["update_id"] >= offset]
        elif offset < 0:
            self._updates = self._updates[offset:]
        self._poll_gen += 1
        gen = self._poll_gen
        self._pulse()  # terminates an older long poll
        loop = asyncio.get_running_loop()
        deadline = loop.time() + max(0.0, timeout)
        while True:
            if self._closing:
                return []
            if gen != self._poll_gen:
                raise ApiError(
                    409, "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running"
                )
            if self._updates:
                batch = self._updates[:limit]
                self._max_delivered_update_id = max(self._max_delivered_update_id, batch[-1]["update_id"])
                self._touch()
                return _copy(batch)
            remaining = deadline - loop.time()
            if remaining <= 0:
                return []
            await self._wait_pulse(remaining)

    def _m_sendMessage(self, p: dict[str, Any]) -> dict[str, Any]:
        text = p.get("text")
        if text is None or text == "":
            raise _bad("message text is empty")
        if not isinstance(text, str):
            text = json.dumps(text) if isinstance(text, (dict, list)) else str(text)
        plain, ents = self._formatted(text, p.get("parse_mode"), p.get("entities"), is_caption=False)
        if not plain:
            raise _bad("message must be non-empty")
        markup_sent, inline = self._markup(p.get("reply_markup"))
        chat_id = self._chat_id(p)
        reply_to = self._reply_target(p, chat_id)
        self._pre_send("sendMessage", chat_id)
        msg = self._bot_message(chat_id, reply_to=reply_to)
        msg["text"] = plain
        if ents:
            msg["entities"] = ents
        if inline:
            msg["reply_markup"] = inline
        self._commit("sendMessage", msg, p, text, markup_sent)
        return _copy(msg)

    def _commit(self, method: str, msg: dict[str, Any], p: dict[str, Any], raw_text: str | None,
                markup_sent: dict[str, Any] | None, **files: SentFile | None) -> SentMessage:  # fmt: skip
        key = (msg["chat"]["id"], msg["message_id"])
        self._messages[key] = _copy(msg)
        parse_mode = p.get("parse_mode")
        self._raw_text[key] = (raw_text, parse_mode)
        if self.rate_limits:
            self._limiter.record(key[0])
        return self._record(method, msg, p, raw_text=raw_text, parse_mode=parse_mode, markup_sent=markup_sent,
                            edit=False, **files)  # fmt: skip

    def _input_file(self, p: dict[str, Any], key: str, kind: str, *, store: bool) -> tuple[_StoredFile | None, SentFile]:
        """Resolve an upload / file_id / URL. With store=False only validates."""
        value = p.get(key)
        if isinstance(value, UploadedFile):
            if not value.content:
                raise _bad("file must be non-empty")
            if not store:
                return None, SentFile("", "", value.filename, value.content_type, value.content, len(value.content))
            name = None if kind == "photos" else value.filename
            sf = self._store_file(value.content, name, value.content_type, kind)
            sent = SentFile(sf.file_id, sf.file_unique_id, value.filename, value.content_type, value.content, len(value.content))
            return sf, sent
        if isinstance(value, str) and value:
            sf = self._files.get(value)
            if sf is not None:
                return sf, SentFile(sf.file_id, sf.file_unique_id, sf.file_name, sf.mime_type, sf.content, len(sf.content))
            if re.match(r"^https?://", value):
                sent = SentFile(value, "", value.rsplit("/", 1)[-1] or None, None, None, 0)
                return None, sent
            raise _bad("wrong file identifier/HTTP URL specified")
        raise _bad(f"there is no {key} in the request")

    def _send_media(self, method: str, p: dict[str, Any], key: str, kind: str) -> dict[str, Any]:
        if p.get(key) is None or p.get(key) == "":
            raise _bad(f"there is no {key} in the request")
        caption = p.get("caption")
        plain, ents = self._formatted(caption, p.get("parse_mode"), p.get("caption_entities"), is_caption=True)
        markup_sent, inline = self._markup(p.get("reply_markup"))
        chat_id = self._chat_id(p)
        reply_to = self._reply_target(p, chat_id)
        self._input_file(p, key, kind, store=False)
        self._pre_send(method, chat_id)
        sf, sent_file = self._input_file(p, key, kind, store=True)
        msg = self._bot_message(chat_id, reply_to=reply_to)
        if kind == "photos":
            if sf is not None:
                self._files.setdefault(sf.file_id + "_s", sf)
                msg["photo"] = self._photo_obj(sf)
            else:
                msg["photo"] = [{"file_id": sent_file.file_id, "file_unique_id": "AgADurl", "width": 800, "height": 600}]
        else:
            if sf is not None:
                msg["document"] = self._document_obj(sf)
            else:
                msg["document"] = {"file_id": sent_file.file_id, "file_unique_id": "BQADurl",
                                   "file_name": sent_file.file_name or "file"}  # fmt: skip
        if plain:
            msg["caption"] = plain
            if ents:
                msg["caption_entities"] = ents
        if inline:
            msg["reply_markup"] = inline
        files = {"photo": sent_file} if kind == "photos" else {"document": sent_file}
        self._commit(method, msg, p, "" if caption is None else str(caption), markup_sent, **files)
        return _copy(msg)

    def _m_sendDocument(self, p: dict[str, Any]) -> dict[str, Any]:
        return self._send_media("sendDocument", p, "document", "documents")

    def _m_sendPhoto(self, p: dict[str, Any]) -> dict[str, Any]:
        return self._send_media("sendPhoto", p, "photo", "photos")

    def _m_sendChatAction(self, p: dict[str, Any]) -> bool:
        action = str(p.get("action") or "")
        if action not in _CHAT_ACTIONS:
            raise _bad("wrong parameter action in request")
        chat_id = self._chat_id(p)
        self._pre_send("sendChatAction", chat_id)
        self.chat_actions.append((chat_id, action))
        return True

    def _editable(self, p: dict[str, Any], method: str) -> tuple[int, int, dict[str, Any]]:
        if p.get("inline_message_id"):
            raise _bad("inline messages are not supported by FakeTelegram")
        chat_id = self._chat_id(p)
        mid = self._int(p, "message_id")
        if mid is None:
            raise _bad("message identifier is not specified")
        msg = self._messages.get((chat_id, mid))
        if msg is None or mid <= 0:
            raise _bad("message to edit not found")
        if not msg.get("from", {}).get("is_bot") or msg["from"].get("id") != self.bot_user["id"]:
            raise _bad("message can't be edited")
        self._pre_send(method, chat_id)
        return chat_id, mid, msg

    def _apply_edit(self, method: str, chat_id: int, mid: int, new: dict[str, Any], p: dict[str, Any],
                    raw_text: str | None, parse_mode: str | None, markup_sent: dict[str, Any] | None) -> dict[str, Any]:  # fmt: skip
        old = self._messages[(chat_id, mid)]
        fields = ("text", "entities", "caption", "caption_entities", "reply_markup")
        if all(old.get(f) == new.get(f) for f in fields):
            raise _bad(NOT_MODIFIED)
        new["edit_date"] = max(int(time.time()), old["date"])
        self._messages[(chat_id, mid)] = new
        self._raw_text[(chat_id, mid)] = (raw_text, parse_mode)
        doc = photo = None
        if "document" in new:
            d = new["document"]
            sf = self._files.get(d["file_id"])
            doc = SentFile(d["file_id"], d["file_unique_id"], d.get("file_name"), d.get("mime_type"),
                           sf.content if sf else None, d.get("file_size", 0))  # fmt: skip
        if "photo" in new:
            ph = new["photo"][-1]
            sf = self._files.get(ph["file_id"])
            photo = SentFile(ph["file_id"], ph["file_unique_id"], None, "image/jpeg", sf.content if sf else None,
                             ph.get("file_size", 0))  # fmt: skip
        self._record(method, new, p, raw_text=raw_text, parse_mode=parse_mode, markup_sent=markup_sent, edit=True,
                     document=doc, photo=photo)  # fmt: skip
        return _copy(new)

    def _m_editMessageText(self, p: dict[str, Any]) -> dict[str, Any]:
        text = p.get("text")
        if text is None or text == "":
            raise _bad("message text is empty")
        text = str(text)
        plain, ents = self._formatted(text, p.get("parse_mode"), p.get("entities"), is_caption=False)
        if not plain:
            raise _bad("message must be non-empty")
        markup_sent, inline = self._markup(p.get("reply_markup"))
        chat_id, mid, msg = self._editable(p, "editMessageText")
        if "text" not in msg:
            raise _bad("there is no text in the message to edit")
        new = _copy(msg)
        new["text"] = plain
        new.pop("entities", None)
        if ents:
            new["entities"] = ents
        new.pop("reply_markup", None)
        if inline:
            new["reply_markup"] = inline
        return self._apply_edit("editMessageText", chat_id, mid, new, p, text, p.get("parse_mode"), markup_sent)

    def _m_editMessageCaption(self, p: dict[str, Any]) -> dict[str, Any]:
        caption = p.get("caption")
        plain, ents = self._formatted(caption, p.get("parse_mode"), p.get("caption_entities"), is_caption=True)
        markup_sent, inline = self._markup(p.get("reply_markup"))
        chat_id, mid, msg = self._editable(p, "editMessageCaption")
        if "text" in msg:
            raise _bad("there is no caption in the message to edit")
        new = _copy(msg)
        for f in ("caption", "caption_entities", "reply_markup"):
            new.pop(f, None)
        if plain:
            new["caption"] = plain
            if ents:
                new["caption_entities"] = ents
        if inline:
            new["reply_markup"] = inline
        raw = "" if caption is None else str(caption)
        return self._apply_edit("editMessageCaption", chat_id, mid, new, p, raw, p.get("parse_mode"), markup_sent)

    def _m_editMessageReplyMarkup(self, p: dict[str, Any]) -> dict[str, Any]:
        markup_sent, inline = self._markup(p.get("reply_markup"))
        chat_id, mid, msg = self._editable(p, "editMessageReplyMarkup")
        new = _copy(msg)
        new.pop("reply_markup", None)
        if inline:
            new["reply_markup"] = inline
        raw_text, parse_mode = self._raw_text.get((chat_id, mid), (msg.get("text", msg.get("caption", "")), None))
        return self._apply_edit("editMessageReplyMarkup", chat_id, mid, new, p, raw_text, parse_mode, markup_sent)

    def _m_deleteMessage(self, p: dict[str, Any]) -> bool:
        chat_id = self._chat_id(p)
        mid = self._int(p, "message_id")
        if mid is None or (chat_id, mid) not in self._messages:
            raise _bad("message to delete not found")
        del self._messages[(chat_id, mid)]
        self.deleted.append((chat_id, mid))
        return True

    def _m_answerCallbackQuery(self, p: dict[str, Any]) -> bool:
        qid = str(p.get("callback_query_id") or "")
        if qid not in self._open_callbacks:
            raise _bad("query is too old and response timeout expired or query ID is invalid")
        text = p.get("text")
        if text is not None and len(str(text)) > 200:
            raise _bad("MESSAGE_TOO_LONG")
        self._open_callbacks.discard(qid)
        self.callback_answers.append(
            {
                "callback_query_id": qid,
                "text": text,
                "show_alert": bool(p.get("show_alert", False)),
                "url": p.get("url"),
                "cache_time": p.get("cache_time"),
            }
        )
        self._pulse()
        return True

    def _m_getFile(self, p: dict[str, Any]) -> dict[str, Any]:
        file_id = str(p.get("file_id") or "")
        if not file_id:
            raise _bad('parameter "file_id" is required')
        sf = self._files.get(file_id)
        if sf is None:
            raise _bad("invalid file_id")
        if len(sf.content) > _MAX_DOWNLOAD:
            raise _bad("file is too big")
        return {"file_id": file_id, "file_unique_id": sf.file_unique_id, "file_size": len(sf.content),
                "file_path": sf.file_path}  # fmt: skip
