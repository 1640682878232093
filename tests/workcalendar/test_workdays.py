"""Vietnamese working days (workcalendar.workdays).

Holiday dates below are those of the `holidays` package (country "VN"),
checked against version 0.109:
  Tết 2026: 16–20/02/2026 (Mon–Fri); Tết 2027: 04–10/02/2027 (Thu–Wed);
  Giỗ Tổ 2026: 26/04 (Sun) observed 27/04 (Mon); 30/4 and 1/5;
  Quốc khánh 2025: 01–02/09; 2026: 01–02/09 plus 31/08 (swapped with the
  working Saturday 22/08/2026); 2027: 02–03/09;
  2025: 02/05 off, swapped with the working Saturday 26/04/2025.
"""
from __future__ import annotations

from datetime import date, datetime, timedelta

import holidays
import pytest

from workcalendar.workdays import WorkCalendar

D = date.fromisoformat
CAL = WorkCalendar()


@pytest.mark.parametrize(
    "day, working",
    [
        # ordinary week
        ("2026-03-13", True),    # Friday
        ("2026-03-14", False),   # Saturday
        ("2026-03-15", False),   # Sunday
        # New Year
        ("2026-01-01", False),
        ("2026-01-02", True),
        ("2027-01-01", False),
        # Tết 2026
        ("2026-02-13", True),
        ("2026-02-16", False),
        ("2026-02-17", False),
        ("2026-02-18", False),
        ("2026-02-19", False),
        ("2026-02-20", False),
        ("2026-02-23", True),
        # Tết 2027 (Thursday 4 to Wednesday 10 February)
        ("2027-02-03", True),
        ("2027-02-04", False),
        ("2027-02-05", False),
        ("2027-02-08", False),
        ("2027-02-09", False),
        ("2027-02-10", False),
        ("2027-02-11", True),
        # Giỗ Tổ Hùng Vương, 30/4, 1/5
        ("2025-04-07", False),
        ("2026-04-27", False),   # observed (26/04/2026 is a Sunday)
        ("2026-04-28", True),
        ("2026-04-30", False),
        ("2026-05-01", False),
        ("2025-05-02", False),   # day off swapped with Saturday 26/04/2025
        ("2025-04-26", True),    # ... which is an official working Saturday
        ("2027-05-03", False),   # 1/5/2027 is a Saturday, observed Monday
        # Quốc khánh 2/9 with its adjacent day (from 2025)
        ("2025-09-01", False),
        ("2025-09-02", False),
        ("2026-08-31", False),   # swapped with Saturday 22/08/2026
        ("2026-08-22", True),
        ("2026-09-01", False),
        ("2026-09-02", False),
        ("2026-09-03", True),
        ("2027-09-02", False),
        ("2027-09-03", False),
    ],
)
def test_is_working_day_on_real_vietnamese_dates(day, working):
    assert CAL.is_working_day(D(day)) is working


@pytest.mark.parametrize(
    "off, work, day, working",
    [
        (["2026-01-02"], [], "2026-01-02", False),     # extra bridge day off
        ([], ["2026-05-09"], "2026-05-09", True),      # compensatory working Saturday
        ([], ["2026-04-30"], "2026-04-30", True),      # config beats a holiday
        (["2026-08-22"], [], "2026-08-22", False),     # config beats the package's làm bù
        (["2026-01-02"], ["2026-05-09"], "2026-05-08", True),  # others untouched
    ],
)
def test_configured_days_override_the_package(off, work, day, working):
    cal = WorkCalendar(extra_days_off=map(D, off), working_days=map(D, work))
    assert cal.is_working_day(D(day)) is working


@pytest.mark.parametrize(
    "day, name",
    [
        ("2026-02-17", "Tết Nguyên Đán"),
        ("2026-02-16", "Giao thừa Tết Nguyên Đán"),
        ("2026-09-02", "Quốc khánh"),
        ("2026-01-02", "Ngày nghỉ bù"),   # configured extra day off
        ("2026-02-14", None),             # ordinary Saturday
        ("2026-03-13", None),             # working day
        ("2026-05-09", None),             # configured working Saturday
    ],
)
def test_holiday_name(day, name):
    cal = WorkCalendar(extra_days_off=[D("2026-01-02")], working_days=[D("2026-05-09")])
    assert cal.holiday_name(D(day)) == name


@pytest.mark.parametrize(
    "fn, day, include, expected",
    [
        ("next", "2026-02-13", True, "2026-02-13"),
        ("next", "2026-02-13", False, "2026-02-23"),   # over Tết 2026
        ("next", "2026-02-14", True, "2026-02-23"),
        ("next", "2026-04-30", True, "2026-05-04"),
        ("next", "2027-02-05", True, "2027-02-11"),
        ("next", "2026-08-29", True, "2026-09-03"),   # 29-30 weekend, 31/8–2/9 off
        ("next", "2026-12-31", False, "2027-01-04"),  # year end, 1/1/2027 Friday
        ("prev", "2026-02-23", False, "2026-02-13"),
        ("prev", "2026-02-23", True, "2026-02-23"),
        ("prev", "2026-05-03", True, "2026-04-29"),
        ("prev", "2027-02-06", True, "2027-02-03"),
        ("prev", "2026-08-23", True, "2026-08-22"),   # working Saturday
    ],
)
def test_next_and_previous_working_day(fn, day, include, expected):
    method = CAL.next_working_day if fn == "next" else CAL.previous_working_day
    assert method(D(day), include=include) == D(expected)


@pytest.mark.parametrize(
    "day, n, expected",
    [
        ("2026-02-12", 1, "2026-02-13"),
        ("2026-02-12", 2, "2026-02-23"),
        ("2026-02-23", -1, "2026-02-13"),
        ("2026-02-14", 1, "2026-02-23"),    # start on a day off
        ("2026-02-14", -1, "2026-02-13"),
        ("2026-02-14", 0, "2026-02-14"),    # n == 0 is the date itself, even a day off
        ("2026-04-29", 1, "2026-05-04"),
        ("2026-08-21", 1, "2026-08-22"),    # working Saturday
        ("2026-08-28", 1, "2026-09-03"),
        ("2026-01-30", 1, "2026-02-02"),    # month end
        ("2026-03-02", 5, "2026-03-09"),
        ("2027-02-03", 2, "2027-02-12"),    # over Tết 2027
    ],
)
def test_add_working_days(day, n, expected):
    assert CAL.add_working_days(D(day), n) == D(expected)


@pytest.mark.parametrize(
    "start, end, count",
    [
        ("2026-02-13", "2026-02-13", 0),
        ("2026-02-13", "2026-02-23", 1),    # (start, end]: Tết not counted
        ("2026-02-12", "2026-02-24", 3),
        ("2026-02-24", "2026-02-12", -3),
        ("2026-04-24", "2026-05-04", 3),    # 28, 29/4 and 4/5
        ("2026-08-21", "2026-09-03", 7),    # 22/8 Saturday counts, 31/8–2/9 do not
        ("2026-02-15", "2026-02-13", 0),    # (13/2, 15/2] is a weekend
        ("2026-02-16", "2026-02-23", 1),
    ],
)
def test_working_days_between(start, end, count):
    assert CAL.working_days_between(D(start), D(end)) == count


def test_add_and_between_agree_over_two_years():
    day = D("2025-12-01")
    while day < D("2027-12-31"):
        for n in (1, 2, 5, 23):
            later = CAL.add_working_days(day, n)
            assert CAL.working_days_between(day, later) == n
            assert CAL.working_days_between(later, day) == -n
            if CAL.is_working_day(day):
                assert CAL.working_days_between(day, CAL.add_working_days(day, -n)) == -n
        day += timedelta(days=1)


def test_holidays_are_loaded_lazily_per_year_and_cached(monkeypatch):
    calls = []
    real = holidays.country_holidays

    def counting(country, years=None, **kw):
        calls.append((country, years))
        return real(country, years=years, **kw)

    monkeypatch.setattr(holidays, "country_holidays", counting)
    cal = WorkCalendar()
    for d in (D("2026-02-17"), D("2026-02-18"), D("2026-09-02"), D("2027-02-08")):
        cal.is_working_day(d)
    assert calls == [("VN", 2026), ("VN", 2027)]


@pytest.mark.parametrize(
    "text, off, work",
    [
        ("off: 2026-04-27, 2026-09-01; work: 2026-05-09",
         ["2026-04-27", "2026-09-01"], ["2026-05-09"]),
        ("off:2026-04-27 off:2026-09-01 work:2026-05-09",
         ["2026-04-27", "2026-09-01"], ["2026-05-09"]),
        ("work: 2026-05-09\noff: 2026-01-02", ["2026-01-02"], ["2026-05-09"]),
        ("OFF : 2026-01-02", ["2026-01-02"], []),
        ("nghỉ bù: 02/01/2026; làm bù: 09/05/2026", ["2026-01-02"], ["2026-05-09"]),
        ("", [], []),
        ("  ;, ", [], []),
    ],
)
def test_from_config(text, off, work):
    cal = WorkCalendar.from_config(text)
    assert cal.extra_days_off == frozenset(map(D, off))
    assert cal.working_days == frozenset(map(D, work))


@pytest.mark.parametrize(
    "text, message",
    [
        ("2026-01-02", "no \"off:\" or \"work:\" label"),
        ("off: 2026-02-30", "invalid date '2026-02-30'"),
        ("off: 31/02/2026", "invalid date '31/02/2026'"),
        ("off: tomorrow", "cannot read 'tomorrow'"),
        ("holiday: 2026-01-02", "cannot read 'holiday:'"),
        ("off 2026-01-02", "cannot read 'off'"),
        ("off: 2026-01-02; work: 2026-01-02", "both off and working: 2026-01-02"),
        ("off: 20260102", "cannot read '20260102'"),
    ],
)
def test_from_config_rejects_invalid_text(text, message):
    with pytest.raises(ValueError) as err:
        WorkCalendar.from_config(text)
    assert message in str(err.value)


def test_from_config_calendar_is_used():
    cal = WorkCalendar.from_config("off: 2026-01-02; work: 2026-05-09")
    assert not cal.is_working_day(D("2026-01-02"))
    assert cal.is_working_day(D("2026-05-09"))
    assert cal.next_working_day(D("2026-01-01")) == D("2026-01-05")


@pytest.mark.parametrize(
    "kwargs",
    [
        {"extra_days_off": [datetime(2026, 1, 2)]},
        {"working_days": ["2026-05-09"]},
        {"extra_days_off": [D("2026-01-02")], "working_days": [D("2026-01-02")]},
    ],
)
def test_constructor_rejects_bad_dates(kwargs):
    with pytest.raises(ValueError):
        WorkCalendar(**kwargs)
