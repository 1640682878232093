"""Words glued together by a portal: "cáchuyện", "thựchiện", "Kếhoạch", "chứcHĐND".

Web portals and legal-text sites often drop the space where a printed line broke, so two
syllables arrive as one word. A Vietnamese syllable has one vowel group (a consonant
onset, the vowels with at most one tone mark, a final consonant), so a word with two vowel
groups is two syllables glued; it is cut where both halves are syllables, and the
lowercase-to-capital turn of "củaGiám" or "chứcHĐND" is a cut too. Words without a
Vietnamese letter ("online", "Internet") and words with digits are left alone.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from . import lexicon as lx

_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}  # huyền, sắc, ngã, hỏi, nặng
_INITIALS = ("", "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng", "ngh", "nh",
             "p", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x")
_FINALS = ("", "c", "ch", "m", "n", "ng", "nh", "p", "t")
# Vowel groups of the language; those in _CLOSED_ONLY never end a syllable ("ân", not "â").
_NUCLEI = frozenset(
    "a ai ao au ay ă â âu ây e eo ê êu i ia iu iê iêu o oa oai oao oay oă oe oeo oi oo ô ôi ơ ơi u ua uâ uây uê "
    "ui uô uôi uơ uy uya uyê uyu ư ưa ưi ươ ươi ươu ưu y yê yêu".split())
_CLOSED_ONLY = frozenset("ă â iê oă uâ uô uyê ươ yê oo".split())
_GLIDE_ENDS = frozenset("ai ao au ay âu ây eo êu ia iu iêu oai oao oay oeo oi ôi ơi ua uây ui uôi uya uyu ưa ưi "
                        "ươi ươu ưu yêu".split())  # groups ending in a glide take no final consonant
_LETTERS = r"[^\W\d_]"
# A word with a vowel, then consonants, then a vowel again: two vowel groups.
_CANDIDATE = re.compile(rf"(?<!\w){_LETTERS}{{3,}}(?!\w)")


@lru_cache(maxsize=4096)
def _plain(letter: str) -> tuple[str, bool]:
    """("ệ" -> ("ê", True)): the letter without its tone mark, and whether it had one."""
    parts = unicodedata.normalize("NFD", letter.lower())
    toned = any(c in _TONES for c in parts)
    return unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES)), toned


@lru_cache(maxsize=20000)
def is_syllable(word: str) -> bool:
    """Whether a word is one Vietnamese syllable ("nghiệp", "quốc", "giữa"; not "cáchuyện")."""
    plain, tones = "", 0
    for letter in word:
        base, toned = _plain(letter)
        plain += base
        tones += toned
    if tones > 1 or not plain:
        return False
    for initial in sorted(_INITIALS, key=len, reverse=True):
        if not plain.startswith(initial):
            continue
        rest = plain[len(initial):]
        if initial in ("gi", "qu") and rest == "":
            continue
        for final in _FINALS:
            if final and not rest.endswith(final):
                continue
            nucleus = rest[:len(rest) - len(final)] if final else rest
            if nucleus in _NUCLEI and not (final and nucleus in _GLIDE_ENDS) and \
                    not (not final and nucleus in _CLOSED_ONLY):
                return True
    return False


@lru_cache(maxsize=1)
def _known() -> frozenset[str]:
    """Syllables the lexicon uses: a cut that yields them is the likelier one ("ban|hành")."""
    words: set[str] = set()
    for value in vars(lx).values():
        if isinstance(value, frozenset):
            for phrase in value:
                if isinstance(phrase, tuple):
                    words.update(w for w in phrase if isinstance(w, str))
    for section in lx.BODIES.values():
        for phrase in section:
            words.update(phrase)
    return frozenset(words)


@lru_cache(maxsize=8192)
def _split_run(word: str) -> tuple[str, ...] | None:
    """The syllables of a glued run of letters, or None when it cannot be cut into syllables."""
    if is_syllable(word):
        return (word,)
    best: tuple[tuple[int, int, int], tuple[str, ...]] | None = None
    for cut in range(1, len(word)):
        left, right = word[:cut], word[cut:]
        if not is_syllable(left):
            continue
        rest = _split_run(right)
        if rest is None:
            continue
        parts = (left, *rest)
        known = _known()
        # Fewer syllables, then more the lexicon knows, then the later onset the longer ("cá|nhân").
        rank = (-len(parts), sum(p.lower() in known for p in parts), cut)
        if best is None or rank > best[0]:
            best = (rank, parts)
    return best[1] if best else None


def _vietnamese(word: str) -> bool:
    return any(ord(c) > 127 for c in word)


def _case_turns(word: str) -> list[str]:
    """"chứcHĐND" -> ["chức", "HĐND"]: a capital right after a lowercase letter starts a word."""
    cuts = [i for i in range(1, len(word)) if word[i].isupper() and word[i - 1].islower()]
    return [word[a:b] for a, b in zip([0, *cuts], [*cuts, len(word)], strict=True)]


@lru_cache(maxsize=8192)
def unglue_word(word: str) -> str:
    """A word as it should have been written: "thựchiện" -> "thực hiện", "củaSở" -> "của Sở"."""
    pieces = _case_turns(word)
    if len(pieces) > 1:
        head = pieces[0]
        if len(head) >= 2 and (is_syllable(head) or _split_run(head)) and _vietnamese(word):
            return " ".join(unglue_word(p) for p in pieces)
        return word
    if is_syllable(word) or not _vietnamese(word) or len(word) > 18:
        return word
    parts = _split_run(word)
    return " ".join(parts) if parts and len(parts) > 1 else word


# "ngày 21tháng 04 năm 2011": a figure glued to the word of a date.
_FIGURE_GLUED = re.compile(r"(?<=\d)(?=(?:tháng|năm|ngày|giờ)(?!\w))")


# "1.Bộ Thông tin…", "2.Ban chỉ đạo…": an item's number glued to the capital opening its text.
_NUMBER_GLUED = re.compile(r"(?m)^(\s*(?:\d{1,2}|[IVX]{1,4})[.)])(?=[^\W\d_])")


# "Lao động-Thương binh": a hyphen from a lowercase word to a capital joins two words of a name.
_NAME_HYPHEN = re.compile(r"(?<=\w)-(?=\w)")


def _spaced_hyphen(m: re.Match) -> str:
    text = m.string
    before, after = text[m.start() - 1], text[m.end()]
    return " - " if before.islower() and after.isupper() else "-"


def unglue(text: str) -> str:
    """Every glued word of a text cut into its syllables."""
    text = _CANDIDATE.sub(lambda m: unglue_word(m.group()), _NUMBER_GLUED.sub(r"\1 ", text))
    return _NAME_HYPHEN.sub(_spaced_hyphen, _FIGURE_GLUED.sub(" ", text))
