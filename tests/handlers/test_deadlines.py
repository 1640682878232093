"""Pure date rules (handlers/deadlines.py): new deadlines, extensions, milestones, examples."""
from __future__ import annotations

from datetime import date

import pytest

from handlers.deadlines import deadline_problem, example, example_date, extension_problem, milestone_problem

DEC_4 = date(2026, 12, 4)


@pytest.mark.parametrize("deadline, expected", [
    (None, None),
    (date(2020, 1, 1), "past"),
    (date(2026, 12, 3), "past"),
    (DEC_4, None),
    (date(2026, 12, 31), None),
])
def test_deadline_problem(deadline, expected):
    assert deadline_problem(deadline, DEC_4) == expected


@pytest.mark.parametrize("new, current, expected", [
    (date(2026, 12, 10), date(2026, 12, 16), "not_later"),  # the "16/12/2026 → 10/12/2026"
    (date(2026, 12, 16), date(2026, 12, 16), "not_later"),
    (date(2026, 12, 20), date(2026, 12, 16), None),
    (date(2026, 12, 1), date(2026, 11, 30), "past"),  # later than an overdue deadline, still past
    (DEC_4, date(2026, 11, 30), "past"),
    (date(2026, 12, 5), date(2026, 11, 30), None),
    (date(2026, 12, 5), None, None),
])
def test_extension_problem(new, current, expected):
    assert extension_problem(new, current, DEC_4) == expected


@pytest.mark.parametrize("milestone, expected", [
    (date(2026, 11, 1), "past"),  # "dự kiến xong 01/11/2026" on 04/12/2026
    (DEC_4, None),
    (date(2027, 1, 20), None),
    (None, None),
])
def test_milestone_problem(milestone, expected):
    assert milestone_problem(milestone, DEC_4) == expected


@pytest.mark.parametrize("today, after, expected", [
    (DEC_4, None, date(2027, 1, 31)),
    (date(2026, 5, 14), None, date(2026, 6, 30)),
    (DEC_4, date(2027, 2, 10), date(2027, 3, 31)),  # after the current deadline
    (DEC_4, date(2020, 1, 1), date(2027, 1, 31)),
])
def test_example_is_never_in_the_past(today, after, expected):
    assert example_date(today, after=after) == expected
    assert example_date(today, after=after) > max(today, after or today)
    assert example(today, after=after) == f"{expected.day}/{expected.month}/{expected.year}"


@pytest.mark.parametrize("text, milestone, missing", [
    ("Đã xong dự thảo kế hoạch, dự kiến xong 01/11/2026", date(2026, 11, 1), ("milestone_past",)),
    ("Đã xong dự thảo kế hoạch, dự kiến xong 01/11/2026\ndự kiến xong 18/12/2026", date(2026, 12, 18), ()),
    ("Đã xong dự thảo kế hoạch, dự kiến xong 04/12/2026", DEC_4, ()),
    ("Đã xong dự thảo kế hoạch", None, ("milestone",)),
])
def test_progress_milestone_in_the_past(text, milestone, missing):
    from handlers.quality import check_progress

    check = check_progress(text, DEC_4)
    assert check.milestone == milestone and check.missing == missing


@pytest.mark.parametrize("today, expected", [
    (DEC_4, {"example": "31/1/2027", "example_day": "20/1/2027", "example_month": "12/2026",
             "example_from": "01/12/2026", "example_to": "15/12/2026"}),
    (date(2026, 5, 14), {"example": "30/6/2026", "example_day": "20/6/2026", "example_month": "5/2026",
                         "example_from": "01/05/2026", "example_to": "15/05/2026"}),
    (date(2026, 1, 31), {"example": "28/2/2026", "example_day": "20/2/2026", "example_month": "1/2026",
                         "example_from": "01/01/2026", "example_to": "15/01/2026"}),
])
def test_catalog_examples_are_computed_from_today(today, expected):
    from locales import Translator, example_dates

    assert example_dates(today) == expected
    assert "31/1/2027" in Translator("vi", today=DEC_4)("assign.ask_deadline")
