"""Figures as officials type them, in Vietnamese forms: a pure parser with no database.

    "8,49%"               8.49, unit "%"
    "1.234,5 tỷ đồng"     1234.5 × 10⁹, unit "đồng"
    "12 nghìn tấn"        12 × 10³, unit "tấn"
    "đạt 45,2 triệu USD"  45.2 × 10⁶, unit "USD" (words before the number are allowed)
    "-1,5%", "âm 1,5%"    −1.5

Separators follow Vietnamese usage: "." groups thousands, "," marks decimals. Where
that cannot be so, the other reading is taken: "8.49" (a dot followed by two digits is
no thousands group) is 8.49; "1,234,567" (commas in groups) is 1234567; with both
kinds, the last one is the decimal mark ("1.234,5", "1,234.5"). One separator followed
by exactly three digits ("1.234", "1,234", "0,500" excepted: a leading 0 is never
thousands) reads both ways: the parser returns an `Ambiguous` with the two values and
the handler asks back rather than guessing.

A figure is then put in an indicator's unit of measure with `to_measure`: "1.234,5 tỷ
đồng" for an indicator measured in "tỷ đồng" is 1234.5; "12 nghìn tấn" for "tấn" is
12000. A figure typed without a unit is taken in the indicator's own unit ("8,49" for
"%"). A unit that is not the indicator's ("%" for "tỷ đồng") is refused.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Multiplier words (folded: no diacritics, lower case) and their factors.
MULTIPLIERS = {
    "nghin": 1e3, "ngan": 1e3, "k": 1e3,
    "trieu": 1e6, "tr": 1e6,
    "ty": 1e9, "ti": 1e9,
    "nghin ty": 1e12, "ngan ty": 1e12,
}
PERCENT_WORDS = {"%", "phan tram", "percent"}
_NUMBER = re.compile(r"(?<![\w.,])([-−]?)(\d[\d.,]*)(?![\w])?")
_NEGATIVE_WORD = re.compile(r"(?:^|\s)(?:am|giam)\s*$")


def fold(text: str) -> str:
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D").casefold())
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).split())


@dataclass(frozen=True)
class Number:
    value: float  # the number as typed, times its multiplier word
    unit: str = ""  # what follows the number and multiplier ("%", "đồng", "tấn"), as typed
    multiplier: float = 1.0

    @property
    def bare(self) -> float:
        return self.value / self.multiplier


@dataclass(frozen=True)
class Ambiguous:
    """"1.234": thousands (1234) or a decimal (1.234)? Both readings, thousands first."""
    readings: tuple[Number, Number]
    text: str  # the digits as typed


@dataclass(frozen=True)
class NotANumber:
    reason: str  # empty | none | several | bad_digits


def parse_number(text: str) -> Number | Ambiguous | NotANumber:
    """The one figure in `text` (see the module docstring)."""
    text = unicodedata.normalize("NFC", text or "").strip()
    if not text:
        return NotANumber("empty")
    found = [m for m in _NUMBER.finditer(text)]
    if not found:
        return NotANumber("none")
    if len(found) > 1:
        return NotANumber("several")
    m = found[0]
    negative = bool(m.group(1)) or bool(_NEGATIVE_WORD.search(fold(text[:m.start()])))
    digits = m.group(2).rstrip(".,")
    unit, multiplier = _unit(text[m.end():])
    readings = _readings(digits)
    if readings is None:
        return NotANumber("bad_digits")
    sign = -1.0 if negative else 1.0
    numbers = tuple(Number(sign * r * multiplier, unit, multiplier) for r in readings)
    if len(numbers) == 2:
        return Ambiguous(numbers, digits)
    return numbers[0]


def _readings(digits: str) -> tuple[float] | tuple[float, float] | None:
    """The value(s) the digits may mean; None when no reading fits ("1.2.3")."""
    dots, commas = digits.count("."), digits.count(",")
    if not dots and not commas:
        return (float(digits),)
    if dots and commas:
        decimal = "," if digits.rfind(",") > digits.rfind(".") else "."
        group = "." if decimal == "," else ","
        whole, _, frac = digits.rpartition(decimal)
        if whole.count(decimal) or not _grouped(whole, group):
            return None
        return (float(whole.replace(group, "") + "." + frac),)
    sep = "." if dots else ","
    parts = digits.split(sep)
    if len(parts) > 2:  # "1.234.567": groups of thousands only
        return (float("".join(parts)),) if _grouped(digits, sep) else None
    whole, frac = parts
    if len(frac) == 3 and whole != "0" and len(whole) <= 3:
        return (float(whole + frac), float(whole + "." + frac))
    return (float(whole + "." + frac),)


def _grouped(whole: str, sep: str) -> bool:
    """Digits grouped by thousands with `sep` ("1.234.567"), or no separator at all."""
    if sep not in whole:
        return whole.isdigit()
    head, *groups = whole.split(sep)
    return 1 <= len(head) <= 3 and head.isdigit() and all(len(g) == 3 and g.isdigit() for g in groups)


def _unit(rest: str) -> tuple[str, float]:
    """The unit after a number, with its multiplier word taken off: " tỷ đồng" → ("đồng", 1e9)."""
    rest = rest.strip().rstrip(".;")
    folded = fold(rest)
    if folded.startswith("%"):
        return "%", 1.0
    for word in sorted(MULTIPLIERS, key=len, reverse=True):
        if folded == word or folded.startswith(word + " "):
            words = rest.split()
            return " ".join(words[len(word.split()):]), MULTIPLIERS[word]
    return rest, 1.0


def split_measure(measure: str) -> tuple[float, str]:
    """An indicator's unit of measure as (multiplier, base unit): "tỷ đồng" → (1e9, "đồng")."""
    unit, multiplier = _unit(measure)
    return multiplier, unit


@dataclass(frozen=True)
class MeasureMismatch:
    typed: str
    measure: str


def to_measure(number: Number, measure: str) -> float | MeasureMismatch:
    """The figure in the indicator's unit of measure (see the module docstring)."""
    m_mult, m_unit = split_measure(measure)
    typed = fold(number.unit)
    if typed and fold(m_unit) != typed and not (typed in PERCENT_WORDS and fold(m_unit) in PERCENT_WORDS):
        return MeasureMismatch(number.unit, measure)
    if not typed and number.multiplier == 1.0:
        return number.value  # as the indicator counts
    return number.value / m_mult


def format_number(value: float, lang: str = "vi", digits: int = 4) -> str:
    """A figure for display: "1.234,5" in Vietnamese, "1,234.5" in English; at most
    `digits` decimals, none trailing."""
    text = f"{abs(value):,.{digits}f}".rstrip("0").rstrip(".")
    if lang == "vi":
        text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return ("-" if value < 0 and text.strip("0.,") else "") + text
