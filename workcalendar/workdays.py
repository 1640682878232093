"""Vietnamese working days: which dates count for deadlines and reminders.

A date is a *working day* when, in this order of precedence:

1. it is listed in ``working_days`` (config "work:", a compensatory working
   Saturday, "làm bù") → working day, even on a weekend or a public holiday;
2. it is listed in ``extra_days_off`` (config "off:", e.g. a bridge day
   "nghỉ bù" decided by the government) → day off;
3. it is a public holiday of the ``holidays`` package (names in Vietnamese) (country "VN": Tết
   Dương lịch, Tết Nguyên Đán, Giỗ Tổ Hùng Vương, 30/4, 1/5, Quốc khánh 2/9
   and its adjacent day, and the package's own substituted days off) → day off;
4. it is a Saturday the package lists as an official compensatory working day
   (``weekend_workdays``, e.g. 26/04/2025 and 22/08/2026) → working day;
5. otherwise Monday–Friday → working day, Saturday/Sunday → day off.

The same date cannot be both a configured day off and a configured working
day (``ValueError``). Holidays are loaded lazily, one year at a time, and
cached on the calendar.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the package (all countries' tables) loads when a year is first asked for
    import holidays


# No real calendar has this many consecutive days off; a longer walk means a
# misconfigured calendar (e.g. every day listed as "off").
_MAX_WALK = 370


def _as_dates(values: Iterable[date], what: str) -> frozenset[date]:
    out = set()
    for v in values:
        if isinstance(v, datetime) or not isinstance(v, date):
            raise ValueError(f"{what}: expected a date, got {v!r}")
        out.add(v)
    return frozenset(out)


class WorkCalendar:
    """Working days of a Vietnamese government unit (see module docstring)."""

    def __init__(
        self,
        extra_days_off: Iterable[date] = (),
        working_days: Iterable[date] = (),
        country: str = "VN",
    ) -> None:
        self.extra_days_off = _as_dates(extra_days_off, "extra_days_off")
        self.working_days = _as_dates(working_days, "working_days")
        both = self.extra_days_off & self.working_days
        if both:
            listed = ", ".join(d.isoformat() for d in sorted(both))
            raise ValueError(f"dates both off and working: {listed}")
        self.country = country
        self._years: dict[int, holidays.HolidayBase] = {}
        # The calendar never changes once built, and a reminder sweep asks about the
        # same few days for thousands of tasks: answers are memoized.
        self._working: dict[date, bool] = {}
        self._walks: dict[tuple[date, int, bool], date] = {}

    def __repr__(self) -> str:
        return (
            f"WorkCalendar(extra_days_off={sorted(self.extra_days_off)!r}, "
            f"working_days={sorted(self.working_days)!r}, country={self.country!r})"
        )

    def _holidays(self, year: int) -> holidays.HolidayBase:
        h = self._years.get(year)
        if h is None:
            # Vietnamese names whatever the process locale (an unsupported
            # language falls back to the country's default names).
            import holidays

            h = holidays.country_holidays(self.country, years=year, language="vi")
            self._years[year] = h
        return h

    def _public_holiday(self, d: date) -> str | None:
        return self._holidays(d.year).get(d)

    def _official_workday(self, d: date) -> bool:
        return d in getattr(self._holidays(d.year), "weekend_workdays", ())

    def is_working_day(self, d: date) -> bool:
        known = self._working.get(d)
        if known is None:
            known = self._working[d] = self._is_working_day(d)
        return known

    def _is_working_day(self, d: date) -> bool:
        if d in self.working_days:
            return True
        if d in self.extra_days_off:
            return False
        if self._public_holiday(d) is not None:
            return False
        if d.weekday() >= 5:
            return self._official_workday(d)
        return True

    def holiday_name(self, d: date) -> str | None:
        """Why `d` is a day off: the public holiday's (Vietnamese) name,
        "Ngày nghỉ bù" for a configured extra day off, None for a working day
        or an ordinary weekend."""
        if self.is_working_day(d):
            return None
        name = self._public_holiday(d)
        if name is not None:
            return name
        if d in self.extra_days_off:
            return "Ngày nghỉ bù"
        return None

    def _walk(self, d: date, step: int, include: bool) -> date:
        key = (d, step, include)
        found = self._walks.get(key)
        if found is None:
            found = self._walks[key] = self._walk_uncached(d, step, include)
        return found

    def _walk_uncached(self, d: date, step: int, include: bool) -> date:
        if include and self.is_working_day(d):
            return d
        for _ in range(_MAX_WALK):
            d += timedelta(days=step)
            if self.is_working_day(d):
                return d
        raise ValueError(f"no working day within {_MAX_WALK} days of {d.isoformat()}")

    def next_working_day(self, d: date, *, include: bool = True) -> date:
        """`d` itself if it is a working day and `include`, else the next one."""
        return self._walk(d, 1, include)

    def previous_working_day(self, d: date, *, include: bool = True) -> date:
        """`d` itself if it is a working day and `include`, else the previous one."""
        return self._walk(d, -1, include)

    def add_working_days(self, d: date, n: int) -> date:
        """The n-th working day after `d` (before it when n < 0); `d` itself
        need not be a working day. n == 0 returns `d` unchanged."""
        step = 1 if n > 0 else -1
        for _ in range(abs(n)):
            d = self._walk(d, step, include=False)
        return d

    def working_days_between(self, start: date, end: date) -> int:
        """Number of working days in (start, end]; when end < start, minus the
        number in (end, start] (antisymmetric: between(a, b) == -between(b, a)).

        So ``working_days_between(d, add_working_days(d, n)) == n`` for n > 0
        from any d, and for n < 0 when d is itself a working day."""
        if end < start:
            return -self.working_days_between(end, start)
        count = 0
        d = start
        while d < end:
            d += timedelta(days=1)
            if self.is_working_day(d):
                count += 1
        return count

    # -- configuration ---------------------------------------------------

    _TOKEN = re.compile(
        r"(?P<sep>[\s,;]+)"
        r"|(?P<label>off|work|nghỉ bù|nghi bu|nghỉ|nghi|làm bù|lam bu|làm|lam)\s*:"
        r"|(?P<iso>\d{4}-\d{1,2}-\d{1,2})(?![\d/-])"
        r"|(?P<vn>\d{1,2}/\d{1,2}/\d{4})(?![\d/-])"
    )
    _OFF_LABELS = frozenset({"off", "nghỉ bù", "nghi bu", "nghỉ", "nghi"})

    @classmethod
    def from_config(cls, text: str, country: str = "VN") -> WorkCalendar:
        """Parse extra days off and compensatory working days, e.g.

            "off: 2026-04-27, 2026-09-01; work: 2026-05-09"
            "off:2026-04-27 off:2026-09-01 work:2026-05-09"
            "nghỉ bù: 27/04/2026; làm bù: 09/05/2026"

        A label ("off:"/"nghỉ:"/"nghỉ bù:" or "work:"/"làm:"/"làm bù:") applies
        to the dates after it until the next label. Dates are ISO (YYYY-MM-DD)
        or Vietnamese DD/MM/YYYY; separators are commas, semicolons and
        whitespace. An empty text is an empty configuration. Anything else —
        unknown words, a date before any label, an impossible date, a date
        both off and working — raises ValueError naming the culprit.
        """
        if not isinstance(text, str):
            raise ValueError(f"calendar config must be text, got {type(text).__name__}")
        norm = unicodedata.normalize("NFC", text)
        src = norm.lower()
        off: set[date] = set()
        work: set[date] = set()
        current: set[date] | None = None
        pos = 0
        while pos < len(src):
            m = cls._TOKEN.match(src, pos)
            if m is None:
                snippet = re.split(r"[\s,;]", norm[pos:], maxsplit=1)[0][:30]
                raise ValueError(
                    f"calendar config: cannot read {snippet!r} at position {pos}; "
                    'expected e.g. "off: 2026-04-27, 2026-09-01; work: 2026-05-09"'
                )
            pos = m.end()
            if m.group("sep"):
                continue
            if m.group("label"):
                current = off if m.group("label") in cls._OFF_LABELS else work
                continue
            raw = m.group("iso") or m.group("vn")
            try:
                if m.group("iso"):
                    y, mo, dd = (int(p) for p in raw.split("-"))
                else:
                    dd, mo, y = (int(p) for p in raw.split("/"))
                d = date(y, mo, dd)
            except ValueError as exc:
                raise ValueError(f"calendar config: invalid date {raw!r} ({exc})") from None
            if current is None:
                raise ValueError(
                    f'calendar config: date {raw!r} has no "off:" or "work:" label before it'
                )
            current.add(d)
        return cls(extra_days_off=off, working_days=work, country=country)
