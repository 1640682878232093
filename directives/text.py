"""Tokens and case/spelling folding shared by the parsers."""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from typing import Any, NamedTuple

from .dates import deadlines_in

# Old and new tone placement ("hoá"/"hóa", "Uỷ"/"Ủy") fold to one spelling.
_TONE_MOVES = {
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}
_TONE_RE = re.compile("(" + "|".join(_TONE_MOVES) + r")(?!\w)")
# Capital letters for a regex class: "[A-ZĐÀ-Ỹ]" would also hold "đ", "ư", "ạ" (the range interleaves cases)
UPPER = "A-Z" + "".join(c for c in map(chr, range(0xC0, 0x1EFA)) if c.isalpha() and c.isupper())
LOWER = "a-z" + "".join(c for c in map(chr, range(0xC0, 0x1EFA)) if c.isalpha() and c.islower())
# A slash joins a document's number ("12/KH-UBND", "V/v", "CĐ/TTg") into one token, but not two names
# ("Bộ Chỉ huy Quân sự tỉnh/Ban Chỉ huy …", "Sở Y tế/Sở Tài chính": a lowercase letter, then a capitalized word;
# "Các trường ĐHSP/Học viện …": initials, then a capitalized word that ends there).
# ("R'lấp", "H'leo", "M'Nông": an initial's apostrophe inside a place name keeps the word whole)
TOKEN_RE = re.compile(r"\w+(?:(?:[&.\-]|(?<=\b[" + UPPER + r"])['’](?=\w)|/(?![" + UPPER + "][" + LOWER + r"])|(?<=\d)/|(?<=[" + UPPER + r"])/(?![" + UPPER + "][" +
                      LOWER + r"]+(?:\s|$)))\w+)*|[^\w\s]")


class DocumentMemo:
    """What a parser read, kept while one document is read: the parsers ask the same question of the same
    words again and again. Nothing outlives the document: a reading depends on the short names it defines."""

    def __init__(self, name: str) -> None:
        self._read: ContextVar[dict[Any, Any] | None] = ContextVar(name, default=None)

    @contextmanager
    def reading(self) -> Iterator[None]:
        token = self._read.set({})
        try:
            yield
        finally:
            self._read.reset(token)

    def recall(self, key: Any, read: Callable[..., Any], *args: Any) -> Any:
        """What `read(*args)` gave for `key` in the document being read, read once; outside a document, read now."""
        table = self._read.get()
        if table is None:
            return read(*args)
        if key not in table:
            table[key] = read(*args)
        return table[key]


@lru_cache(maxsize=50000)
def fold(text: str) -> str:
    """Case- and spelling-insensitive form of Vietnamese text."""
    text = unicodedata.normalize("NFC", text).casefold()
    return _TONE_RE.sub(lambda m: _TONE_MOVES[m.group(1)], text)


class Token(NamedTuple):
    text: str
    low: str  # folded
    start: int
    end: int

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum() or self.text[0] == "_"

    @property
    def is_capitalized(self) -> bool:
        return self.text[0].isupper()

    @property
    def is_abbreviation(self) -> bool:
        return _is_abbreviation(self.text)

    @property
    def is_number(self) -> bool:
        return self.text[0].isdigit()


@lru_cache(maxsize=8192)
def _is_abbreviation(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return (len(letters) >= 2 and sum(c.isupper() for c in letters) >= 2) or "&" in word


@lru_cache(maxsize=2048)
def _tokens(text: str) -> tuple[Token, ...]:
    folded = fold(text)
    spans = [m.span() for m in TOKEN_RE.finditer(text)]
    new = tuple.__new__  # (Token's own __new__ costs a Python call per token; the parsers tokenize a lot)
    if len(folded) != len(text):  # a rare letter changed length when folded
        return tuple([new(Token, (text[s:e], fold(text[s:e]), s, e)) for s, e in spans])
    return tuple([new(Token, (text[s:e], folded[s:e], s, e)) for s, e in spans])


def low_at(tokens: list[Token], k: int) -> str:
    """The lowercase word at k, or "" outside the tokens (before the first one too)."""
    return tokens[k].low if 0 <= k < len(tokens) else ""


def tokenize(text: str) -> list[Token]:
    """Words and punctuation of a text; the same text is tokenized once (the parsers ask often)."""
    return list(_tokens(text))


@lru_cache(maxsize=20000)
def skeleton(word: str) -> str:
    """A folded word without its diacritics ("phô", "phố", "phó" -> "pho"): what a scan's OCR keeps
    of a syllable whose marks it misread."""
    decomposed = unicodedata.normalize("NFD", word.replace("đ", "d"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_END = ""  # no token is empty, so no word of a phrase is this key


class PhraseIndex:
    """Longest match of multi-word phrases against folded tokens.

    near: phrases of two or more words also matched as OCR misreads them ("thành phô", "quôc gia",
    "Uy ban nhân dân"): each word equal to the phrase's but for its diacritics, at least half of
    them exact. Only where the exact phrases miss."""

    def __init__(self, *phrase_sets, near: frozenset[tuple[str, ...]] = frozenset()):
        # A trie of folded words; _END marks where a phrase ends. Walking it finds the longest phrase
        # in one pass, where trying each phrase with the same first word cost the parsers a quarter of their time.
        self._trie: dict = {}
        for phrases in phrase_sets:
            for phrase in phrases:
                node = self._trie
                for word in phrase:
                    node = node.setdefault(fold(word), {})
                node[_END] = True
        self._near: dict[str, list[tuple[tuple[str, ...], tuple[str, ...]]]] = {}
        for phrase in near:
            folded = tuple(fold(w) for w in phrase)
            if len(folded) >= 2:
                shape = tuple(skeleton(w) for w in folded)
                self._near.setdefault(shape[0], []).append((folded, shape))
        for near_entries in self._near.values():
            near_entries.sort(key=lambda entry: len(entry[0]), reverse=True)

    def match(self, tokens: list[Token], i: int) -> int:
        """Number of tokens of the longest phrase starting at i (0 if none)."""
        n = len(tokens)
        if i >= n:
            return 0
        node = self._trie.get(tokens[i].low)
        if node is None:
            return self._near_match(tokens, i) if self._near else 0
        k, best = i + 1, 0
        while True:
            if _END in node:
                best = k - i
            if k >= n:
                break
            node = node.get(tokens[k].low)
            if node is None:
                break
            k += 1
        if best:
            return best
        return self._near_match(tokens, i) if self._near else 0

    def _near_match(self, tokens: list[Token], i: int) -> int:
        for phrase, shape in self._near.get(skeleton(tokens[i].low), ()):
            n = len(phrase)
            if i + n > len(tokens):
                continue
            words = [tokens[i + k].low for k in range(n)]
            if all(skeleton(w) == shape[k] for k, w in enumerate(words)) and \
                    2 * sum(w == phrase[k] for k, w in enumerate(words)) >= n:
                return n
        return 0


def capitalize_first(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def reset_caches() -> None:
    """Forget memoized folds and tokens (benchmarks measure a cold document)."""
    fold.cache_clear()
    _tokens.cache_clear()
    _is_abbreviation.cache_clear()
    deadlines_in.cache_clear()
