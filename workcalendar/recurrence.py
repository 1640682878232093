"""Recurring duties ("trước ngày 23 hằng tháng báo cáo…"): when each period is due.

Recurrence strings follow the extraction contract: `monthly:23`, `monthly`,
`weekly`, `quarterly`, `yearly` (and `daily`, which the extractor gives for "hằng ngày"). A period without a stated day is due on its
last day (the last working day of the week, Friday, for `weekly`).
"""
from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

_MONTHLY_DAY = re.compile(r"^monthly:(\d{1,2})$")
KINDS = ("daily", "weekly", "monthly", "quarterly", "yearly")


def is_valid(recurrence: str) -> bool:
    m = _MONTHLY_DAY.match(recurrence)
    return recurrence in KINDS or bool(m and 1 <= int(m.group(1)) <= 31)


def _month_day(year: int, month: int, day: int) -> date:
    # "ngày 31 hằng tháng" in a 30-day month means its last day.
    return date(year, month, min(day, calendar.monthrange(year, month)[1]))


def _add_months(year: int, month: int, n: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + n
    return index // 12, index % 12 + 1


def next_due(recurrence: str, on_or_after: date) -> date:
    """The first due date of the duty on or after `on_or_after`."""
    if not is_valid(recurrence):
        raise ValueError(f"unknown recurrence: {recurrence!r}")
    d = on_or_after
    if recurrence == "daily":  # "hằng ngày": each day is a period (used in emergencies)
        return d
    if recurrence == "weekly":
        return d + timedelta(days=(4 - d.weekday()) % 7)
    if recurrence == "yearly":
        return date(d.year, 12, 31)
    if recurrence == "quarterly":
        y, m = _add_months(d.year, ((d.month - 1) // 3) * 3 + 1, 2)
        return _month_day(y, m, 31)
    monthly = _MONTHLY_DAY.match(recurrence)
    day = int(monthly.group(1)) if monthly else 31
    due = _month_day(d.year, d.month, day)
    if due < d:
        y, mo = _add_months(d.year, d.month, 1)
        due = _month_day(y, mo, day)
    return due
