"""Transport-neutral messages: what an adapter hands to the assistant and gets back.

Adapters (Telegram, Zalo, console) translate their platform's updates into an
`Incoming` and render each `Reply`; nothing here knows about any platform.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import NamedTuple


@dataclass(frozen=True)
class Attachment:
    """A file or photo the person sent; `ref` is the platform's handle for it."""

    kind: str  # "document" | "photo"
    ref: str
    name: str | None = None
    mime: str | None = None
    size: int | None = None
    # Downloads the content (blocking; handlers run in a worker thread). Set by the
    # adapter; only called by the handlers that need the bytes (a directive upload).
    fetch: Callable[[], bytes] | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class Incoming:
    channel: str  # "telegram" | "zalo" | "console"
    chat_id: str
    user_id: str
    display_name: str = ""
    text: str | None = None
    button: str | None = None  # callback data of a pressed button
    message_id: str | None = None  # message carrying the pressed button (for edits)
    attachment: Attachment | None = None
    language_hint: str | None = None  # the platform's language code, used before the person chooses


class Button(NamedTuple):
    """Immutable; a NamedTuple rather than a frozen dataclass: a task page makes about 40
    of them, and a frozen dataclass's __init__ is several times slower."""

    text: str
    data: str  # <= 64 bytes (Telegram's callback_data limit)


@dataclass
class Reply:
    text: str
    buttons: list[list[Button]] = field(default_factory=list)
    # Replace the message that carried the pressed button instead of sending a new one.
    edit: bool = False
    # A file to send: (file name, bytes); image/* goes as a photo where the platform has them.
    file: tuple[str, bytes] | None = None
    # A short toast for the button press (Telegram answerCallbackQuery).
    notice: str | None = None
    # The reader's language, set by the router: for adapters that add words of their
    # own (Zalo's numbered menus).
    lang: str | None = None


def payload(text: str, buttons: list[list[Button]] | None = None) -> dict:
    """A reply as the outbox stores it ({"text", "buttons"}), for any adapter to send."""
    # Not dataclasses.asdict: its deep copy was a fifth of a sweep's time.
    return {"text": text, "buttons": [[{"text": b.text, "data": b.data} for b in row] for row in (buttons or [])]}
