"""Whole dates typed in a field or a CLI option (workcalendar.typed)."""
from __future__ import annotations

from datetime import date

import pytest

from workcalendar.typed import parse_typed_date


@pytest.mark.parametrize(("typed", "day"), [
    ("8/5/2026", date(2026, 5, 8)),
    ("08/05/2026", date(2026, 5, 8)),
    ("8-5-2026", date(2026, 5, 8)),
    ("8.5.2026", date(2026, 5, 8)),
    ("  31/12/2026 ", date(2026, 12, 31)),
    ("2026-05-08", date(2026, 5, 8)),
    ("29/02/2028", date(2028, 2, 29)),
])
def test_reads_day_first_and_iso(typed, day):
    assert parse_typed_date(typed) == day


@pytest.mark.parametrize("typed", ["31/02/2026", "29/02/2027", "13/13/2026", "8/5/26", "05/2026", "abc", "",
                                   "8/5/2026 9:00", "2026/05/08"])
def test_refuses_what_is_not_a_whole_day(typed):
    with pytest.raises(ValueError):
        parse_typed_date(typed)
