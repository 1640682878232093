"""The period a summary covers: a calendar month (the default) or a date range,
as typed in the chat ("5/2026", "tháng trước", "từ 1/5/2026 đến 15/5/2026")."""
from __future__ import annotations

import calendar
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta

# A range longer than this is almost certainly a typo (a year typed wrong).
MAX_DAYS = 366 * 2


@dataclass(frozen=True)
class Period:
    start: date
    end: date

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        return cls(date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1]))

    @classmethod
    def month_of(cls, day: date) -> Period:
        return cls.month(day.year, day.month)

    @classmethod
    def week_before(cls, day: date) -> Period:
        """Monday to Sunday of the ISO week before the one `day` is in."""
        monday = day - timedelta(days=day.weekday() + 7)
        return cls(monday, monday + timedelta(days=6))

    @property
    def is_month(self) -> bool:
        return self == Period.month_of(self.start)

    @property
    def slug(self) -> str:
        """For file names: "05-2026" for a month, "20260501-20260515" for a range."""
        if self.is_month:
            return self.start.strftime("%m-%Y")
        return f"{self.start:%Y%m%d}-{self.end:%Y%m%d}"

    @property
    def key(self) -> str:
        """For button data (short): "2026-05" or "20260501-20260515"."""
        return self.start.strftime("%Y-%m") if self.is_month else self.slug

    @classmethod
    def from_key(cls, key: str) -> Period | None:
        try:
            if re.fullmatch(r"\d{4}-\d{2}", key):
                return cls.month(int(key[:4]), int(key[5:]))
            m = re.fullmatch(r"(\d{8})-(\d{8})", key)
            if m:
                start, end = (date(int(s[:4]), int(s[4:6]), int(s[6:])) for s in m.groups())
                return cls(start, end) if start <= end else None
        except ValueError:
            return None
        return None

    @property
    def arg(self) -> str:
        """The period as a command argument the parser reads back: "5/2026", "01/05/2026 - 15/05/2026"."""
        if self.is_month:
            return f"{self.start.month}/{self.start.year}"
        return f"{self.start:%d/%m/%Y} - {self.end:%d/%m/%Y}"

    def label(self, t) -> str:
        if self.is_month:
            return t("summary.period_month", month=self.start.strftime("%m/%Y"))
        return t("summary.period_range", start=f"{self.start:%d/%m/%Y}", end=f"{self.end:%d/%m/%Y}")


class PeriodError(ValueError):
    """Text that tries to be a period and is not a valid one; `key` is the locale key."""

    def __init__(self, key: str, **params: object):
        super().__init__(key)
        self.key, self.params = key, params


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


_DATE = r"\d{1,2}\s*[/.-]\s*\d{1,2}(?:\s*[/.-]\s*\d{2,4})?|\d{4}-\d{2}-\d{2}"
_RANGE = re.compile(rf"(?:^|\s)(?:tu\s+)?(?:ngay\s+)?({_DATE})\s*(?:den|toi|-|–)\s*(?:ngay\s+)?({_DATE})\s*$")
_MONTH = re.compile(r"(?:^|\s)(?:thang\s*)?(\d{1,2})\s*[/.-]\s*(\d{4})\s*$")
_RELATIVE = re.compile(r"(?:^|\s)thang\s+(nay|truoc)\s*$")


def _day(text: str, today: date) -> date:
    text = re.sub(r"\s+", "", text)
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            return date.fromisoformat(text)
        parts = [int(p) for p in re.split(r"[/.-]", text)]
        year = parts[2] if len(parts) == 3 else today.year
        if year < 100:
            year += 2000
        return date(year, parts[1], parts[0])
    except ValueError as exc:
        raise PeriodError("summary.bad_date", value=text) from exc


def split_period(text: str, today: date) -> tuple[str, Period | None]:
    """The text before a trailing period, and that period (None when the text has
    none: the caller takes the current month). "Sở Tài chính 5/2026" gives
    ("Sở Tài chính", May 2026). Raises PeriodError for an impossible period."""
    text = " ".join(text.split())
    folded = _fold(text)  # same length as `text`: positions carry over
    if len(folded) != len(text):
        folded = text.lower()
    m = _RANGE.search(folded)
    if m:
        start, end = _day(m.group(1), today), _day(m.group(2), today)
        if start > end:
            raise PeriodError("summary.bad_range", start=f"{start:%d/%m/%Y}", end=f"{end:%d/%m/%Y}")
        if (end - start).days > MAX_DAYS:
            raise PeriodError("summary.range_too_long", days=MAX_DAYS)
        return text[: m.start()].strip(), Period(start, end)
    m = _MONTH.search(folded)
    if m:
        month, year = int(m.group(1)), int(m.group(2))
        if not 1 <= month <= 12 or not 2000 <= year <= 2100:
            raise PeriodError("summary.bad_month", value=text[m.start():].strip())
        return text[: m.start()].strip(), Period.month(year, month)
    m = _RELATIVE.search(folded)
    if m:
        day = today if m.group(1) == "nay" else today.replace(day=1) - timedelta(days=1)
        return text[: m.start()].strip(), Period.month_of(day)
    return text, None
