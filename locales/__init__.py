"""Message catalogs (gettext .po, read with Babel). Vietnamese is the default.

Message ids are stable keys ("tasks.empty"); each catalog holds the text with
`{name}` placeholders. A key missing from a catalog falls back to Vietnamese,
then to the key itself, so a missing translation never crashes a handler.
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
    return {m.id: m.string for m in po if m.id and m.string}


def normalize_language(code: str | None) -> str:
    """A platform language code ("en-US", "vi") → one we have."""
    base = (code or "").split("-")[0].split("_")[0].lower()
    return base if base in LANGUAGES else DEFAULT


@cache
def _merged(lang: str) -> dict[str, str]:
    """The language's catalog over Vietnamese: one lookup per string (a task page has ~80)."""
    return {**catalog(DEFAULT), **catalog(lang)}


def translate(lang: str, key: str, **params: object) -> str:
    text = _merged(lang).get(key) or key
    return text.format(**params) if params else text


class Translator:
    """`t("key", x=1)` bound to one language."""

    def __init__(self, lang: str):
        self.lang = normalize_language(lang)
        self._texts = _merged(self.lang)

    def __call__(self, key: str, **params: object) -> str:
        # translate() inlined: a task page makes about 80 of these calls.
        text = self._texts.get(key) or key
        return text.format(**params) if params else text
