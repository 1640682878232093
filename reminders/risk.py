"""When a task is at risk ("nguy cơ chậm") and when an undated task owes its monthly
report: pure functions of a task's facts, the calendar and the thresholds. No I/O,
no clock.

At risk is a state *before* late (the notice: "cảnh báo sớm nhiệm vụ chậm tiến độ";
"nhiệm vụ … có nguy cơ không hoàn thành"). A task that is open (open, in progress,
blocked) and not yet past its deadline is at risk, for each of these reasons:

- ``near``: its deadline is at most ``near_working_days`` working days away
  (``cal.working_days_between(today, deadline) <= near_working_days``) and no accepted
  report from the lead unit came in the last ``stale_working_days`` working days (or
  none ever);
- ``milestone``: the latest accepted progress report's milestone lies after the deadline;
- ``blocked``: the task has been blocked (⚠️ Vướng mắc) for ``blocked_working_days``
  working days or more, with no later report;
- ``coordinator``: a coordinating unit's own deadline has passed and it has not answered.

A task past its deadline is late ("quá hạn"), not at risk: the overdue reminders and
the escalation take over. ``assess`` also says when the reasons may next change on
their own (the next day a threshold is crossed), so that the reminder sweep looks at
the task again exactly then.

The monthly reports of undated tasks ("thường xuyên") and their windows are calendar
arithmetic: workcalendar.monthly.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from workcalendar.workdays import WorkCalendar

REASONS = ("near", "milestone", "blocked", "coordinator")
OPEN = ("open", "in_progress", "blocked")


@dataclass(frozen=True)
class RiskThresholds:
    near_working_days: int = 5      # the deadline is this close (working days) …
    stale_working_days: int = 10    # … and no accepted report for this long
    blocked_working_days: int = 3   # blocked this long without a later report

    def __post_init__(self) -> None:
        for name in ("near_working_days", "stale_working_days", "blocked_working_days"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise ValueError(f"{name} must be a non-negative int, got {value!r}")


@dataclass(frozen=True)
class RiskFacts:
    """What the rule needs to know of one task (dates are local calendar dates)."""

    deadline: date | None
    status: str
    last_report: date | None = None            # latest accepted report of the lead unit
    milestone: date | None = None              # that of the latest accepted progress report
    blocked_since: date | None = None          # the blocked report, when the status is blocked
    coordinator_deadline: date | None = None   # earliest deadline of a coordinator yet to answer


@dataclass(frozen=True)
class Risk:
    reasons: tuple[str, ...]
    next_check: date | None  # the next day the reasons may change without any report

    @property
    def at_risk(self) -> bool:
        return bool(self.reasons)

    @property
    def code(self) -> str:
        """As stored in Task.at_risk: the reasons joined by commas ('' when none)."""
        return ",".join(self.reasons)


NOT_AT_RISK = Risk((), None)


def assess(facts: RiskFacts, today: date, cal: WorkCalendar,
           th: RiskThresholds = RiskThresholds()) -> Risk:
    """The task's risk on `today` (see the module docstring)."""
    if facts.status not in OPEN or (facts.deadline is not None and today > facts.deadline):
        return NOT_AT_RISK
    reasons: list[str] = []
    later: list[date] = []
    deadline = facts.deadline
    if deadline is not None:
        stale_from = None if facts.last_report is None else cal.add_working_days(facts.last_report,
                                                                                 th.stale_working_days)
        near_from = cal.add_working_days(deadline, -th.near_working_days) if th.near_working_days else deadline
        near = cal.working_days_between(today, deadline) <= th.near_working_days
        stale = stale_from is None or today >= stale_from
        if near and stale:
            reasons.append("near")
        elif not near:
            later.append(max(near_from, today + timedelta(days=1)))  # then staleness is looked at again
        elif stale_from is not None:
            later.append(stale_from)
        if facts.milestone is not None and facts.milestone > deadline:
            reasons.append("milestone")
        later.append(deadline + timedelta(days=1))  # late from then on: the flag clears
    if facts.status == "blocked" and facts.blocked_since is not None:
        blocked_from = cal.add_working_days(facts.blocked_since, th.blocked_working_days)
        if today >= blocked_from:
            reasons.append("blocked")
        else:
            later.append(blocked_from)
    if facts.coordinator_deadline is not None:
        if today > facts.coordinator_deadline:
            reasons.append("coordinator")
        else:
            later.append(facts.coordinator_deadline + timedelta(days=1))
    ahead = [d for d in later if d > today]
    return Risk(tuple(reasons), min(ahead) if ahead else None)


def after_report(code: str, *, kind: str, by_lead: bool, milestone: date | None,
                 deadline: date | None) -> str:
    """The stored reasons once an accepted report came in, before the sweep looks again:
    a lead's report answers "near" and "blocked" (a new blocked report starts its own
    clock), and a progress report with a milestone within the deadline answers
    "milestone"; a coordinator's report answers "coordinator" for its own part, which
    the sweep re-checks against the other coordinators."""
    reasons = [r for r in code.split(",") if r]
    if by_lead:
        reasons = [r for r in reasons if r not in ("near", "blocked")]
        if kind == "progress" and (milestone is None or deadline is None or milestone <= deadline):
            reasons = [r for r in reasons if r != "milestone"]
    else:
        reasons = [r for r in reasons if r != "coordinator"]
    return ",".join(reasons)
