"""The at-risk rule and the monthly reporting windows (reminders.risk): pure tables."""
from __future__ import annotations

from datetime import date

import pytest

from reminders.risk import RiskFacts, RiskThresholds, after_report, assess
from workcalendar.monthly import next_reporting_day, owes_report, report_window, reporting_days
from workcalendar.workdays import WorkCalendar

CAL = WorkCalendar()
D = date.fromisoformat
TODAY = D("2026-12-07")  # a Monday


@pytest.mark.parametrize(
    "facts, reasons, next_check",
    [
        pytest.param(RiskFacts(D("2026-12-11"), "open"), ("near",), D("2026-12-12"),
                     id="deadline-friday-never-reported"),
        pytest.param(RiskFacts(D("2026-12-11"), "in_progress", last_report=D("2026-12-01")), (), D("2026-12-12"),
                     id="near-but-reported-recently-late-before-ten-working-days-pass"),
        pytest.param(RiskFacts(D("2026-12-11"), "in_progress", last_report=D("2026-11-20")), ("near",), D("2026-12-12"),
                     id="near-and-last-report-too-old"),
        pytest.param(RiskFacts(D("2026-12-16"), "open"), (), D("2026-12-09"),
                     id="seven-working-days-away-at-risk-from-wednesday"),
        pytest.param(RiskFacts(D("2026-12-31"), "in_progress", last_report=D("2026-12-04"),
                               milestone=D("2027-01-15")), ("milestone",), D("2026-12-24"),
                     id="milestone-after-the-deadline"),
        pytest.param(RiskFacts(D("2026-12-31"), "blocked", last_report=D("2026-12-01"),
                               blocked_since=D("2026-12-01")), ("blocked",), D("2026-12-24"),
                     id="blocked-four-working-days"),
        pytest.param(RiskFacts(D("2026-12-31"), "blocked", last_report=D("2026-12-04"),
                               blocked_since=D("2026-12-04")), (), D("2026-12-09"),
                     id="blocked-one-working-day-checked-again-after-three"),
        pytest.param(RiskFacts(D("2026-12-31"), "open", last_report=D("2026-12-04"),
                               coordinator_deadline=D("2026-12-04")), ("coordinator",), D("2026-12-24"),
                     id="coordinator-overdue"),
        pytest.param(RiskFacts(None, "open", coordinator_deadline=D("2026-12-10")), (), D("2026-12-11"),
                     id="undated-task-with-a-coordinator-due-thursday"),
        pytest.param(RiskFacts(D("2026-12-04"), "open"), (), None, id="already-late-is-not-at-risk"),
        pytest.param(RiskFacts(D("2026-12-11"), "done"), (), None, id="done"),
        pytest.param(RiskFacts(D("2026-12-07"), "open", milestone=D("2026-12-20"), blocked_since=D("2026-11-01"),
                               coordinator_deadline=D("2026-12-01")), ("near", "milestone", "coordinator"),
                     D("2026-12-08"), id="several-reasons-blocked-ignored-when-status-is-not-blocked"),
    ],
)
def test_assess(facts, reasons, next_check):
    risk = assess(facts, TODAY, CAL)
    assert (risk.reasons, risk.next_check) == (reasons, next_check)
    assert risk.at_risk == bool(reasons) and risk.code == ",".join(reasons)


def test_thresholds_are_settings():
    facts = RiskFacts(D("2026-12-16"), "open")
    assert assess(facts, TODAY, CAL, RiskThresholds(near_working_days=7)).reasons == ("near",)
    with pytest.raises(ValueError):
        RiskThresholds(near_working_days=-1)


@pytest.mark.parametrize(
    "code, kind, by_lead, milestone, expected",
    [
        ("near,blocked", "progress", True, D("2026-12-10"), ""),
        ("near,milestone", "progress", True, D("2026-12-10"), ""),
        ("near,milestone", "progress", True, D("2027-01-10"), "milestone"),
        ("milestone,coordinator", "blocked", True, None, "milestone,coordinator"),
        ("near,coordinator", "progress", False, None, "near"),
    ],
)
def test_after_report(code, kind, by_lead, milestone, expected):
    assert after_report(code, kind=kind, by_lead=by_lead, milestone=milestone, deadline=D("2026-12-31")) == expected


def test_reporting_days_and_windows():
    assert reporting_days(D("2026-01-01"), D("2026-03-31"), 23) == [D("2026-01-23"), D("2026-02-23"), D("2026-03-23")]
    assert reporting_days(D("2026-02-01"), D("2026-02-28"), 30) == [D("2026-02-28")]
    assert report_window(D("2026-01-23"), 23) == (D("2025-12-23"), D("2026-01-23"))
    assert next_reporting_day(D("2026-12-23"), 23) == D("2026-12-23")
    assert next_reporting_day(D("2026-12-24"), 23) == D("2027-01-23")
    assert owes_report(D("2026-12-16"), D("2026-12-23")) and not owes_report(D("2026-12-17"), D("2026-12-23"))
