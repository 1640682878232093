"""Message catalogs (gettext .po, read with Babel). Vietnamese is the default.

Message ids are stable keys ("tasks.empty"); each catalog holds the text with
`{name}` placeholders. A key missing from a catalog falls back to Vietnamese,
then to the key itself, so a missing translation never crashes a handler.

Counts: Vietnamese says "1 ngày" as "3 ngày", English "1 day" but "3 days". A catalog
may hold "<key>.one", used when the count (`days`) is 1; a language without singular
forms (Vietnamese) simply has none.
"""
from __future__ import annotations

import re
from datetime import date, timedelta
from functools import cache
from pathlib import Path

DEFAULT = "vi"
LANGUAGES = ("vi", "en")
_DIR = Path(__file__).parent


@cache
def catalog(lang: str) -> dict[str, str]:
    path = _DIR / f"{lang}.po"
    if not path.exists():
        return {}
    return read_catalog(path.read_text(encoding="utf-8"))


_ENTRY = re.compile(r'^(msgid|msgstr)\s+"(.*)"\s*$|^"(.*)"\s*$')
_ESCAPE = re.compile(r'\\(.)')
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\"}


def read_catalog(text: str) -> dict[str, str]:
    """msgid → msgstr of a .po file (the simple form these catalogs use: no plurals, no
    contexts; comments and flags ignored), without Babel: a serving process has no
    other use for it (tests check this against Babel's own reader)."""
    texts: dict[str, str] = {}
    key, value, field = "", "", ""
    for line in text.splitlines():
        match = _ENTRY.match(line.strip())
        if match is None:
            continue
        name, quoted, more = match.groups()
        piece = _ESCAPE.sub(lambda m: _ESCAPES.get(m.group(1), m.group(0)), quoted if name else more)
        if name == "msgid":
            if key and value:
                texts[key] = value
            key, value, field = piece, "", "id"
        elif name == "msgstr":
            value, field = piece, "str"
        elif field == "id":
            key += piece
        elif field == "str":
            value += piece
    if key and value:
        texts[key] = value
    return texts


def normalize_language(code: str | None) -> str:
    """A platform language code ("en-US", "vi") → one we have."""
    base = (code or "").split("-")[0].split("_")[0].lower()
    return base if base in LANGUAGES else DEFAULT


@cache
def _merged(lang: str) -> dict[str, str]:
    """The language's catalog over Vietnamese: one lookup per string (a task page has ~80)."""
    return {**catalog(DEFAULT), **catalog(lang)}


def translate(lang: str, key: str, **params: object) -> str:
    return _text(_merged(lang), key, params)


# The parameter that picks a "<key>.one" text when it is 1.
COUNT = "days"


def _text(texts: dict[str, str], key: str, params: dict) -> str:
    if not params:
        return texts.get(key) or key
    if params.get(COUNT) == 1:
        text = texts.get(key + ".one") or texts.get(key) or key
    else:
        text = texts.get(key) or key
    return text.format(**params)


def example_dates(today: date) -> dict[str, str]:
    """The dates a text's examples use ("ví dụ: {example}"), from today, so that an
    example is never a day already gone: {example} the end of next month ("31/1/2027"),
    {example_day} the 20th of next month, {example_month} this month ("12/2026"),
    {example_from}/{example_to} this month's 1st and 15th."""
    nxt = (today.replace(day=1) + timedelta(days=32)).replace(day=1)
    end = (nxt + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    return {"example": f"{end.day}/{end.month}/{end.year}", "example_day": f"20/{nxt.month}/{nxt.year}",
            "example_month": f"{today.month}/{today.year}", "example_from": today.strftime("01/%m/%Y"),
            "example_to": today.strftime("15/%m/%Y")}


class Translator:
    """`t("key", x=1)` bound to one language; `today` dates the texts' examples
    (default: the machine's today)."""

    def __init__(self, lang: str, today: date | None = None):
        self.lang = normalize_language(lang)
        self._texts = _merged(self.lang)
        self._today = today

    def __call__(self, key: str, **params: object) -> str:
        text = self._texts.get(key)
        if text and "{example" in text:
            params = {**example_dates(self._today or date.today()), **params}
        return _text(self._texts, key, params)
