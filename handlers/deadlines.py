"""Rules for the dates people give: deadlines, extensions, milestones, and the example
dates the assistant shows. Pure functions; today is always passed in.

Each rule answers None when the date is acceptable, or a short reason code the
caller turns into a message ("past", "not_later").
"""
from __future__ import annotations

import calendar
from datetime import date, timedelta


def deadline_problem(deadline: date | None, today: date) -> str | None:
    """A new task's deadline: none at all is allowed (an undated duty), a day already
    gone is not ("past"); today itself is a tight but real deadline."""
    if deadline is not None and deadline < today:
        return "past"
    return None


def extension_problem(new: date, current: date | None, today: date) -> str | None:
    """An extension, asked for or approved with another date, must move the deadline
    later: after today ("past") and after the current deadline ("not_later")."""
    if new <= today:
        return "past"
    if current is not None and new <= current:
        return "not_later"
    return None


def milestone_problem(milestone: date | None, today: date) -> str | None:
    """"dự kiến xong 01/11/2026" said on 04/12/2026 promises nothing: a completion
    date in a progress report must be today or later."""
    if milestone is not None and milestone < today:
        return "past"
    return None


def example_date(today: date, *, after: date | None = None, days: int = 30) -> date:
    """A date to show in "ví dụ: …": the last day of the month about `days` after
    today (or after `after`, when later), so an example is never in the past."""
    base = max(today, after or today) + timedelta(days=days)
    return base.replace(day=calendar.monthrange(base.year, base.month)[1])


def example(today: date, *, after: date | None = None, days: int = 30) -> str:
    """`example_date` as typed in a chat: "30/6/2026" (no leading zeros)."""
    d = example_date(today, after=after, days=days)
    return f"{d.day}/{d.month}/{d.year}"
