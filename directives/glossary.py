"""Short names a document defines for its own units: "Đơn vị quản lý học phần (ĐVQLHP)", "- P.KT:
Phòng Khảo thí;", "Đơn vị đào tạo … (sau đây gọi tắt là ĐVĐT)".

A school's or a hospital's regulation names its offices by such letters in every step ("ĐVĐT lập kế
hoạch …"); no lexicon can know them, so the name reader asks `is_defined_unit` while one document is
read. Only short names of units count: "CTĐT" (a programme) and "CBGD" (a person) are no leads.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from .text import UPPER

_ABBREVIATION = rf"[{UPPER}](?:[{UPPER}&.\-]|(?<=\.)\s)*[{UPPER}]"
# A unit's head word opening the long name ("Phòng …", "Đơn vị …", "Trung tâm …")
_UNIT_HEAD = re.compile(r"(?:đơn vị|bộ phận|phòng|ban|khoa|bộ môn|trung tâm|hội đồng|văn phòng|cơ quan|viện|"
                        r"tổ|sở|chi cục|cục|công ty|trường)(?!\w)", re.IGNORECASE)
# "- P.KT: Phòng Khảo thí;": a glossary line
_GLOSSARY_LINE = re.compile(rf"^\s*(?:[-–•+]\s*)?(?P<short>{_ABBREVIATION})\s*:\s*(?P<long>[^;:.]{{3,120}})", re.MULTILINE)
# "… (ĐVQLHP)", "… (sau đây gọi tắt là ĐVĐT)" after the long name
_IN_BRACKETS = re.compile(rf"\((?:(?:sau đây\s+)?(?:được\s+)?gọi\s+(?:tắt|chung)\s+là\s+)?(?P<short>{_ABBREVIATION})\)")
MAX_LONG_NAME_WORDS = 15  # how far before the brackets the long name's head may stand

_DEFINED: ContextVar[frozenset[str]] = ContextVar("defined_units", default=frozenset())


def defined_units(text: str) -> frozenset[str]:
    """The short names `text` defines for units."""
    found = {m.group("short") for m in _GLOSSARY_LINE.finditer(text) if _UNIT_HEAD.match(m.group("long").strip())}
    for m in _IN_BRACKETS.finditer(text):
        words = text[max(0, m.start() - 400):m.start()].split()[-MAX_LONG_NAME_WORDS:]
        if _spelt_by(m.group("short"), words, "gọi" in m.group(0)):
            found.add(m.group("short"))
    return frozenset(found)


def _spelt_by(short: str, words: list[str], said: bool) -> bool:
    """Whether a run of words opening at a unit's head spells the short name by their initials
    ("Đơn vị quản lý học phần" → ĐVQLHP, "Đơn vị đào tạo phụ trách …" → ĐVĐT); `said`: the text says
    it names them ("gọi tắt là"), so the head alone will do."""
    letters = [c for c in short if c.isalpha()]
    for k in range(len(words)):
        if not _UNIT_HEAD.match(" ".join(words[k:k + 2])):
            continue
        if said:
            return True
        initials = [w[0].upper() for w in words[k:k + len(letters)] if w[0].isalpha()]
        if initials == letters:
            return True
    return False


@contextmanager
def reading(units: frozenset[str]) -> Iterator[None]:
    """The short names of one document, for the name reader while it reads that document."""
    token = _DEFINED.set(units)
    try:
        yield
    finally:
        _DEFINED.reset(token)


def is_defined_unit(text: str) -> bool:
    return text in _DEFINED.get()
