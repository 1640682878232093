"""The monthly report of a standing task ("trước ngày 23 hằng tháng … báo cáo"): an
undated, non-recurring task ("thường xuyên") reports progress every month by the
reporting day. The report of month M is the one accepted in (reporting day of M−1,
reporting day of M]; a month whose window closed without one is a "báo cáo không đúng
hạn". A task is expected to report in a month when it existed ``MONTHLY_GRACE_DAYS``
days before the reporting day. Pure date arithmetic."""
from __future__ import annotations

import calendar as _calendar
from datetime import date, timedelta

# A task published a few days before the reporting day does not owe that month's report.
MONTHLY_GRACE_DAYS = 7


def reporting_day(year: int, month: int, day: int) -> date:
    """The reporting day of a month (the 23rd; the month's last day when shorter)."""
    return date(year, month, min(day, _calendar.monthrange(year, month)[1]))


def previous_reporting_day(d: date, day: int) -> date:
    """The reporting day of the month before `d`'s month."""
    first = d.replace(day=1) - timedelta(days=1)
    return reporting_day(first.year, first.month, day)


def reporting_days(start: date, end: date, day: int) -> list[date]:
    """The reporting days within [start, end], in order."""
    out, y, m = [], start.year, start.month
    while (y, m) <= (end.year, end.month):
        r = reporting_day(y, m, day)
        if start <= r <= end:
            out.append(r)
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def report_window(due: date, day: int) -> tuple[date, date]:
    """The local dates (exclusive start, inclusive end) in which the report due on
    `due` (a reporting day) counts."""
    return previous_reporting_day(due, day), due


def owes_report(created: date, due: date) -> bool:
    """Whether a task created on `created` owes the report due on `due`."""
    return created <= due - timedelta(days=MONTHLY_GRACE_DAYS)


def next_reporting_day(today: date, day: int) -> date:
    """This month's reporting day if it is today or later, else next month's."""
    r = reporting_day(today.year, today.month, day)
    if r >= today:
        return r
    nxt = today.replace(day=1) + timedelta(days=32)
    return reporting_day(nxt.year, nxt.month, day)
