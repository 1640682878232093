"""Message catalogs (gettext .po, read with Babel). Vietnamese is the default.

Message ids are stable keys ("tasks.empty"); each catalog holds the text with
`{name}` placeholders. A key missing from a catalog falls back to Vietnamese,
then to the key itself, so a missing translation never crashes a handler.

Counts: Vietnamese says "1 ngày" as "3 ngày", English "1 day" but "3 days". A catalog
may hold "<key>.one", used when the count (`days`) is 1; a language without singular
forms (Vietnamese) simply has none.
"""
from __future__ import annotations

from functools import cache
from pathlib import Path

from babel.messages.pofile import read_po

DEFAULT = "vi"
LANGUAGES = ("vi", "en")
_DIR = Path(__file__).parent


@cache
def catalog(lang: str) -> dict[str, str]:
    path = _DIR / f"{lang}.po"
    if not path.exists():
        return {}
    with path.open("rb") as fh:
        po = read_po(fh, locale=lang)
    return {str(m.id): str(m.string) for m in po if m.id and m.string}


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


class Translator:
    """`t("key", x=1)` bound to one language."""

    def __init__(self, lang: str):
        self.lang = normalize_language(lang)
        self._texts = _merged(self.lang)

    def __call__(self, key: str, **params: object) -> str:
        return _text(self._texts, key, params)
