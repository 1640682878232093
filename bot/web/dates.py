"""The desk's date fields, read and shown dd/mm/yyyy whatever the browser's language.

They are text boxes, not <input type="date">/"month": a browser shows those in its own
locale (an English Chrome writes 05/19/2026, "May 2026"), and an official reads 05/06
as 5 June. What is typed is read as dd/mm/yyyy (also d/m/yyyy, dd-mm-yyyy, dd.mm.yyyy)
or ISO, which the links the desk builds itself keep (and old links, bookmarks)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from office.period import Period, PeriodError, split_period
from presentation.render import fmt_date
from workcalendar.typed import parse_typed_date

# Longer than any date anyone types: the rest is not read, and not shown back in full.
MAX_TYPED = 40
# Hints for the browser (the server reads more, and says what is wrong). Valid with the
# `v` flag Chromium compiles `pattern` with: "/" and "-" escaped inside a class.
DAY_PATTERN = r"\s*(\d{1,2}[\/.\-]\d{1,2}[\/.\-]\d{4}|\d{4}-\d{2}-\d{2}|\d{8})\s*"
MONTH_PATTERN = r"\s*(\d{1,2}[\/.\-]\d{4}|\d{4}-\d{2}|\d{6})\s*"
# As office.period reads a month: a year typed wrong is not a period anyone means.
YEARS = range(2000, 2101)


@dataclass(frozen=True)
class DateError:
    """A field whose text is not a date (or month): the locale key and what was typed."""
    key: str
    typed: str


def read_day(value: str | None) -> date | DateError | None:
    """The date typed in a field; None when it is empty."""
    text = (value or "").strip()
    if not text:
        return None
    try:
        day = parse_typed_date(_digits_only(text, "dd/mm/")) if len(text) <= MAX_TYPED else None
    except ValueError:
        day = None
    return day if day and day.year in YEARS else DateError("web.dates_bad_day", text[:MAX_TYPED])


def read_month(value: str | None, today: date) -> Period | DateError | None:
    """The month typed in a field ("05/2026", "5/2026", "2026-05"); None when it is empty."""
    text = (value or "").strip()
    if not text:
        return None
    found: Period | None = None
    if re.fullmatch(r"\d{4}-\d{2}", text):
        found = Period.from_key(text)
    elif len(text) <= MAX_TYPED:
        try:
            rest, found = split_period(_digits_only(text, "mm/"), today)  # the chat's reading of "5/2026", "tháng 5/2026"
        except PeriodError:
            rest = text
        found = found if not rest else None
    if found is None or found.start.year not in YEARS:
        return DateError("web.dates_bad_month", text[:MAX_TYPED])
    return found


def _digits_only(text: str, layout: str) -> str:
    """"19052026" as 19/05/2026 ("052026" as 05/2026): a phone's digit pad has no "/". Never
    ISO's 20260519: a year of YEARS there would put the month at 20 or 21."""
    size = len(layout.replace("/", "")) + 4
    if len(text) == size and text.isascii() and text.isdigit() and int(text[-4:]) in YEARS:
        return "/".join([text[i:i + 2] for i in range(0, size - 4, 2)] + [text[-4:]])
    return text


def shown_day(value: date | None) -> str:
    """A date as its field shows it: "19/05/2026"."""
    return fmt_date(value) if value else ""


def shown_month(period: Period) -> str:
    return period.start.strftime("%m/%Y") if period.is_month else ""


@dataclass
class Fields:
    """What a form's date boxes show: each value read, dd/mm/yyyy (`shown`), or, for a
    box that could not be read, what was typed, with why (`errors`)."""
    shown: dict[str, str]
    errors: dict[str, DateError]

    def value(self, name: str) -> str:
        return self.errors[name].typed if name in self.errors else self.shown.get(name, "")
