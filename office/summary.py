"""Summaries for the office: per unit counts and the on-time KPI over a period, the
overdue tasks, late coordinators, and the status of recurring report duties.

Everything is counted by the database (GROUP BY with conditional sums, correlated
EXISTS on indexed columns); Python only sees one row per unit, or the rows it shows.

Which tasks a period covers (its "scope"), for period [start, end] and today:
  * never drafts;
  * tasks whose deadline (the current one: an approved extension moves it) falls in
    the period;
  * unfinished tasks carried into the period: due before it, or without a date (a
    completion awaiting review is unfinished until it is accepted), created by the
    period's end (its last day, in UTC).
Counts are per lead unit (the unit answerable for the task); coordinating units
appear in "coordinators late".
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field, fields
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import and_, case, exists, func, or_
from sqlmodel import Session, select

from locales import Translator
from storage.crud import audit, outbox, people
from storage.crud import units as crud_units
from storage.crud.accountability import is_at_risk
from storage.crud.tasks import LateCoordinator
from storage.models import (
    AWAITING_REVIEW,
    OPEN_STATUSES,
    CompletionReview,
    Directive,
    ExtensionRequest,
    Person,
    ProgressReport,
    Task,
    TaskAssignment,
    TaskCoordinator,
    Unit,
)
from workcalendar.monthly import MONTHLY_GRACE_DAYS, report_window, reporting_days

from .period import Period
from .text import duty_payload

# The local calendar of report windows when the caller names none (bot.settings' default).
DEFAULT_TZ = ZoneInfo("Asia/Ho_Chi_Minh")
# /baocaothang is about periodic reports; daily and weekly duties would flood a month.
DUTY_RECURRENCES_EXCLUDED = ("daily", "weekly")


def in_scope(period: Period):
    """The period's tasks (see the module docstring)."""
    unfinished = Task.status.in_(OPEN_STATUSES + (AWAITING_REVIEW,))
    # A task created after the period (an undated one given in December) was not
    # carried into May: the period's report does not count it.
    existed = Task.created_at < datetime.combine(period.end + timedelta(days=1), time(), UTC)
    carried = and_(unfinished, or_(Task.deadline < period.start, Task.deadline.is_(None)), existed)
    return and_(Task.status != "draft", or_(Task.deadline.between(period.start, period.end), carried))


def is_extended():
    """The deadline was moved: it differs from the first one, or an extension was approved."""
    approved = exists().where(and_(ExtensionRequest.task_id == Task.id, ExtensionRequest.status == "approved"))
    return or_(and_(Task.original_deadline.is_not(None), Task.deadline != Task.original_deadline), approved)


def has_accepted_report():
    """The lead unit has sent at least one report the quality gate accepted."""
    return exists().where(and_(ProgressReport.task_id == Task.id, ProgressReport.unit_id == Task.lead_unit_id,
                               ProgressReport.accepted == True))  # noqa: E712


@dataclass
class UnitSummary:
    """One unit's numbers for a period.

    total             tasks in the period's scope
    open              of those, unfinished (open, in progress, blocked)
    done_on_time      done by their deadline (the approved one, after an extension)
    done_late         done after their deadline
    overdue           unfinished and past their deadline (as of today)
    extended          deadline moved by an approved extension
    awaiting_report   unfinished with no accepted report from the lead unit yet
    rejected_reports  "báo cáo bị trả lại": reports by the unit's people on the period's
                      tasks that the quality gate (or the rule that done means a product,
                      handlers/products.py) sent back (a count of reports, not of tasks);
                      `/tonghop baocaotralai` lists them
    awaiting_review   "chờ đánh giá": the unit reported the task done with its product,
                      the office has not judged it yet (neither open nor done; not
                      overdue, and outside the KPI until judged)
    returned          "sản phẩm không đạt": completions of the period's tasks the office
                      returned (a count of returns: a task returned twice counts 2)
    due               tasks whose deadline falls in the period
    kpi_base          due tasks that are settled: done (an accepted completion, dated by
                      the unit's completion day), or unfinished and past their deadline.
                      A task due later in the period and still open is not counted
                      against the unit yet; a task due today becomes late tomorrow; a
                      completion awaiting review waits for its verdict.
    at_risk           unfinished tasks flagged "nguy cơ chậm" by the last reminder
                      sweep (reminders.risk: deadline near without a recent report,
                      milestone after the deadline, blocked unanswered, coordinator
                      overdue); not yet late
    coordinator_late  "phối hợp trễ hạn", counted for the coordinating unit: its parts
                      whose own deadline fell in the period (and has passed) that were
                      answered after it, or are still unanswered on an unfinished task.
                      A late answer stays counted.
    missed_monthly    "báo cáo không đúng hạn": monthly reports of standing tasks
                      (undated, not recurring) missed in the period. For each reporting
                      day R (the 23rd, a setting) in the period and before today: each
                      such task created at least 7 days before R and not finished before
                      R whose lead unit sent no accepted report in (R of the month
                      before, R] counts one.
    KPI (on-time rate) = done_on_time / kpi_base; None when kpi_base is 0.
    """

    unit_id: int | None
    unit: str
    total: int = 0
    open: int = 0
    done_on_time: int = 0
    done_late: int = 0
    overdue: int = 0
    extended: int = 0
    awaiting_report: int = 0
    rejected_reports: int = 0
    due: int = 0
    kpi_base: int = 0
    awaiting_review: int = 0
    returned: int = 0
    at_risk: int = 0
    coordinator_late: int = 0
    missed_monthly: int = 0

    @property
    def kpi(self) -> float | None:
        return self.done_on_time / self.kpi_base if self.kpi_base else None

    def add(self, other: UnitSummary) -> None:
        for f in fields(self):
            if f.name not in ("unit_id", "unit"):
                setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))


@dataclass(frozen=True)
class OverdueTask:
    task_id: int
    unit: str
    action: str
    deadline: date
    original_deadline: date | None
    days: int
    status: str
    directive: str


@dataclass
class Summary:
    period: Period
    today: date
    units: list[UnitSummary]
    totals: UnitSummary
    overdue: list[OverdueTask]
    overdue_total: int
    late_coordinators: list[LateCoordinator] = field(default_factory=list)
    late_total: int = 0


def _local_start(day: date, tz) -> datetime:
    """The UTC instant a local day starts."""
    return datetime.combine(day, time(), tzinfo=tz).astimezone(UTC)


def coordinator_late_counts(session: Session, period: Period, today: date, unit_id: int | None = None):
    """(coordinating unit, parts late) — see UnitSummary.coordinator_late."""
    tc = TaskCoordinator
    # The period's coordinator deadlines come from the index on deadline (a short range).
    query = (select(tc.unit_id, func.count()).join(Task, Task.id == tc.task_id)
             .where(tc.deadline.between(period.start, period.end), tc.deadline < today,
                    or_(tc.late_days > 0, and_(tc.answered_at.is_(None), Task.status.in_(OPEN_STATUSES))))
             .group_by(tc.unit_id))
    if unit_id is not None:
        query = query.where(tc.unit_id == unit_id)
    return session.exec(query).all()


def missed_monthly_counts(session: Session, period: Period, today: date, unit_id: int | None = None,
                          monthly_day: int = 23, tz=None) -> dict[int, int]:
    """Per lead unit, the monthly reports of standing tasks missed in the period (see
    UnitSummary.missed_monthly): one aggregate query per reporting day."""
    tz = tz or DEFAULT_TZ
    out: dict[int, int] = {}
    for due in reporting_days(period.start, min(period.end, today - timedelta(days=1)), monthly_day):
        start, end = report_window(due, monthly_day)
        since, until = _local_start(start + timedelta(days=1), tz), _local_start(end + timedelta(days=1), tz)
        reported = exists().where(and_(ProgressReport.task_id == Task.id, ProgressReport.unit_id == Task.lead_unit_id,
                                       ProgressReport.accepted == True,  # noqa: E712
                                       ProgressReport.created_at >= since, ProgressReport.created_at < until))
        query = (select(Task.lead_unit_id, func.count())
                 .where(Task.deadline.is_(None), Task.recurrence.is_(None), Task.status != "draft",
                        Task.created_at < _local_start(due - timedelta(days=MONTHLY_GRACE_DAYS - 1), tz),
                        or_(Task.completed_at.is_(None), Task.completed_at >= until), ~reported)
                 .group_by(Task.lead_unit_id))
        if unit_id is not None:
            query = query.where(Task.lead_unit_id == unit_id)
        for uid, n in session.exec(query):
            out[uid] = out.get(uid, 0) + int(n)
    return out


def unit_summaries(session: Session, period: Period, today: date, unit_id: int | None = None, *,
                   monthly_day: int = 23, tz=None) -> list[UnitSummary]:
    """Per lead unit, in one aggregate query over the period's tasks, plus one for
    rejected reports; units with nothing in the period are left out. Ordered by
    overdue (most first), then name."""

    def count(condition):
        return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)

    is_open = Task.status.in_(OPEN_STATUSES)
    done = Task.status == "done"
    due = Task.deadline.between(period.start, period.end)
    query = (
        select(Task.lead_unit_id, func.count(),
               count(is_open),
               count(and_(done, or_(Task.completed_late.is_(None), Task.completed_late == False))),  # noqa: E712
               count(and_(done, Task.completed_late == True)),  # noqa: E712
               count(and_(is_open, Task.deadline < today)),
               count(is_extended()),
               count(and_(is_open, ~has_accepted_report())),
               count(due),
               count(and_(due, or_(done, and_(is_open, Task.deadline < today)))),
               count(Task.status == AWAITING_REVIEW),
               count(is_at_risk()))
        .where(in_scope(period)).group_by(Task.lead_unit_id)
    )
    if unit_id is not None:
        query = query.where(Task.lead_unit_id == unit_id)
    rows: dict[int, UnitSummary] = {}
    for uid, total, open_, on_time, late, overdue, extended, awaiting, due_n, base, review, risky in session.exec(query):
        rows[uid] = UnitSummary(uid, "", total=int(total), open=int(open_), done_on_time=int(on_time),
                                done_late=int(late), overdue=int(overdue), extended=int(extended),
                                awaiting_report=int(awaiting), due=int(due_n), kpi_base=int(base),
                                awaiting_review=int(review), at_risk=int(risky))
    rejected = (select(ProgressReport.unit_id, func.count())
                .join(Task, Task.id == ProgressReport.task_id)
                .where(ProgressReport.accepted == False, in_scope(period))  # noqa: E712
                .group_by(ProgressReport.unit_id))
    if unit_id is not None:
        rejected = rejected.where(ProgressReport.unit_id == unit_id)
    for uid, n in session.exec(rejected):
        rows.setdefault(uid, UnitSummary(uid, "")).rejected_reports = int(n)
    returned = (select(CompletionReview.unit_id, func.count())
                .join(Task, Task.id == CompletionReview.task_id)
                .where(CompletionReview.status == "returned", in_scope(period))
                .group_by(CompletionReview.unit_id))
    if unit_id is not None:
        returned = returned.where(CompletionReview.unit_id == unit_id)
    for uid, n in session.exec(returned):
        rows.setdefault(uid, UnitSummary(uid, "")).returned = int(n)
    for uid, n in coordinator_late_counts(session, period, today, unit_id):
        rows.setdefault(uid, UnitSummary(uid, "")).coordinator_late = int(n)
    for uid, n in missed_monthly_counts(session, period, today, unit_id, monthly_day, tz).items():
        rows.setdefault(uid, UnitSummary(uid, "")).missed_monthly = n
    if rows:
        names = dict(session.exec(select(Unit.id, Unit.name).where(Unit.id.in_(list(rows)))).all())
        for uid, row in rows.items():
            row.unit = names.get(uid, "")
    return sorted(rows.values(), key=lambda r: (-r.overdue, r.unit))


def overdue_tasks(session: Session, period: Period, today: date, unit_id: int | None = None,
                  limit: int | None = None) -> tuple[list[OverdueTask], int]:
    """Unfinished tasks of the period past their deadline, oldest deadline first, and
    how many there are in all (the list may be cut at `limit`)."""
    query = (
        select(Task.id, Unit.name, Task.action, Task.deadline, Task.original_deadline, Task.status,
               Directive.number, Directive.title, func.count().over())
        .join(Unit, Unit.id == Task.lead_unit_id)
        .outerjoin(Directive, Directive.id == Task.directive_id)
        .where(in_scope(period), Task.status.in_(OPEN_STATUSES), Task.deadline < today)
        .order_by(Task.deadline, Task.id)
    )
    if unit_id is not None:
        query = query.where(Task.lead_unit_id == unit_id)
    if limit is not None:
        query = query.limit(limit)
    rows = session.exec(query).all()
    items = [OverdueTask(task_id=r[0], unit=r[1], action=r[2], deadline=r[3], original_deadline=r[4],
                         days=(today - r[3]).days, status=r[5], directive=r[6] or r[7] or "") for r in rows]
    return items, (int(rows[0][8]) if rows else 0)


def late_coordinators_in(session: Session, period: Period, today: date, unit: Unit | None = None,
                         limit: int | None = None) -> tuple[list[LateCoordinator], int]:
    """Coordinating units past their own deadline (up to the period's end) with no
    accepted report from them on an unfinished task, oldest first, and how many in
    all; for one unit, those where it coordinates or leads. The same rule as
    storage.crud.tasks.late_coordinators, with the filters and the cut in SQL."""
    answered = exists().where(and_(ProgressReport.task_id == TaskCoordinator.task_id,
                                   ProgressReport.unit_id == TaskCoordinator.unit_id,
                                   ProgressReport.accepted == True))  # noqa: E712
    lead = Unit.__table__.alias("lead")
    query = (select(TaskCoordinator.task_id, Unit.name, lead.c.name, TaskCoordinator.deadline, func.count().over())
             .join(Task, Task.id == TaskCoordinator.task_id)
             .join(Unit, Unit.id == TaskCoordinator.unit_id)
             .join(lead, lead.c.id == Task.lead_unit_id)
             .where(TaskCoordinator.deadline < today, TaskCoordinator.deadline <= period.end,
                    Task.status.in_(OPEN_STATUSES), ~answered)
             .order_by(TaskCoordinator.deadline, TaskCoordinator.task_id, Unit.name))
    if unit is not None:
        query = query.where(or_(TaskCoordinator.unit_id == unit.id, Task.lead_unit_id == unit.id))
    if limit is not None:
        query = query.limit(limit)
    rows = session.exec(query).all()
    return [LateCoordinator(*row[:4]) for row in rows], (int(rows[0][4]) if rows else 0)


def summarize(session: Session, period: Period, today: date, *, unit: Unit | None = None,
              overdue_limit: int | None = 200, monthly_day: int = 23, tz=None) -> Summary:
    """Everything /tonghop shows; the overdue and late-coordinator lists are cut at
    `overdue_limit` (None: all of them), their totals are exact. `monthly_day` and
    `tz`: the reporting day of standing tasks and the local calendar (missed_monthly)."""
    unit_id = unit.id if unit else None
    rows = unit_summaries(session, period, today, unit_id, monthly_day=monthly_day, tz=tz)
    totals = UnitSummary(None, "")
    for row in rows:
        totals.add(row)
    overdue, overdue_total = overdue_tasks(session, period, today, unit_id, limit=overdue_limit)
    late, late_total = late_coordinators_in(session, period, today, unit, limit=overdue_limit)
    return Summary(period=period, today=today, units=rows, totals=totals, overdue=overdue,
                   overdue_total=overdue_total, late_coordinators=late, late_total=late_total)


# --------------------------------------------------------------------------- per official


@dataclass
class OfficialSummary:
    """One official's numbers for a period ("KPI đánh giá cán bộ"), over the tasks of
    the period's scope (as for units) given to them by name and still theirs (an
    assignment taken back, or ended when they left the unit, no longer counts; one
    ended on a finished task stays: see storage.crud.assignments.release).

    assigned          tasks of the scope given to the official
    open              of those, unfinished
    done_on_time      done by their deadline (the approved one after an extension),
                      judged on the accepted completion: Task.completed_at /
                      completed_late, which completion review keeps to the accepted one
    done_late         done after their deadline
    overdue           unfinished and past their deadline (as of today)
    due               given tasks whose deadline falls in the period
    kpi_base          due tasks that are settled (done, or past their deadline), as for units
    sent_back         progress, blocker and extension reports the official wrote in the
                      period that the quality gate sent back (a count of reports)
    returned          completions ("xong") of the official's not accepted: sent in the
                      period and refused by the gate (no product named), or returned by
                      the office at review in the period (CompletionReview "returned")
    days_late_total   sum over the tasks done late of the days from the deadline to the
                      completion (local dates); average days late = days_late_total / done_late
    KPI (on-time rate) = done_on_time / kpi_base; None when kpi_base is 0.
    """

    person_id: int
    name: str
    unit: str = ""
    unit_id: int | None = None
    assigned: int = 0
    open: int = 0
    done_on_time: int = 0
    done_late: int = 0
    overdue: int = 0
    due: int = 0
    kpi_base: int = 0
    sent_back: int = 0
    returned: int = 0
    days_late_total: int = 0

    @property
    def kpi(self) -> float | None:
        return self.done_on_time / self.kpi_base if self.kpi_base else None

    @property
    def avg_days_late(self) -> float | None:
        return self.days_late_total / self.done_late if self.done_late else None


def official_summaries(session: Session, period: Period, today: date, tz, *, unit_id: int | None = None,
                       person_id: int | None = None) -> list[OfficialSummary]:
    """Per official with a task of the period or a report in it (for one unit: all its
    officials and heads, those with nothing as zeros): one aggregate query over
    the active assignments of the period's tasks, one over the period's rejected reports,
    one for the days late. For one unit's people, or one person. Ordered by unit, then
    overdue (most first), then name."""

    def count(condition):
        return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)

    a = TaskAssignment
    is_open, done = Task.status.in_(OPEN_STATUSES), Task.status == "done"
    due = Task.deadline.between(period.start, period.end)
    late = and_(done, Task.completed_late == True)  # noqa: E712
    # Grouped by an expression of the person: SQLite then reads the assignments in table
    # order instead of through the person index, a row lookup per assignment (3× slower).
    person = (a.person_id + 0).label("person")
    query = (select(person, func.count(), count(is_open),
                    count(and_(done, or_(Task.completed_late.is_(None), Task.completed_late == False))),  # noqa: E712
                    count(late), count(and_(is_open, Task.deadline < today)), count(due),
                    count(and_(due, or_(done, Task.deadline < today))))
             .join(Task, Task.id == a.task_id)
             .where(a.active == True, in_scope(period)).group_by(person))  # noqa: E712
    lates = (select(a.person_id, Task.deadline, Task.completed_at).join(Task, Task.id == a.task_id)
             .where(a.active == True, in_scope(period), late))  # noqa: E712
    start = datetime.combine(period.start, datetime.min.time(), tzinfo=tz).astimezone(UTC)
    end = datetime.combine(period.end + timedelta(days=1), datetime.min.time(), tzinfo=tz).astimezone(UTC)
    returned = ProgressReport.kind == "done"
    rejected = (select(ProgressReport.person_id, count(~returned), count(returned))
                .where(ProgressReport.accepted == False, ProgressReport.created_at >= start,  # noqa: E712
                       ProgressReport.created_at < end).group_by(ProgressReport.person_id))
    if unit_id is not None:
        query, lates = query.where(a.unit_id == unit_id), lates.where(a.unit_id == unit_id)
        rejected = rejected.where(ProgressReport.unit_id == unit_id)
    if person_id is not None:
        query, lates = query.where(a.person_id == person_id), lates.where(a.person_id == person_id)
        rejected = rejected.where(ProgressReport.person_id == person_id)
    rows: dict[int, OfficialSummary] = {}
    for pid, total, open_, on_time, late_n, overdue, due_n, base in session.exec(query):
        rows[pid] = OfficialSummary(pid, "", assigned=int(total), open=int(open_), done_on_time=int(on_time),
                                    done_late=int(late_n), overdue=int(overdue), due=int(due_n), kpi_base=int(base))
    for pid, deadline, completed_at in session.exec(lates):
        completed = _local_date(completed_at, tz)
        if pid in rows and deadline and completed:
            rows[pid].days_late_total += max(0, (completed - deadline).days)
    for pid, sent_back, returned_n in session.exec(rejected):
        row = rows.setdefault(pid, OfficialSummary(pid, ""))
        row.sent_back, row.returned = int(sent_back), int(returned_n)
    reviewed = (select(CompletionReview.person_id, func.count())
                .where(CompletionReview.status == "returned", CompletionReview.decided_at >= start,
                       CompletionReview.decided_at < end).group_by(CompletionReview.person_id))
    if unit_id is not None:
        reviewed = reviewed.where(CompletionReview.unit_id == unit_id)
    if person_id is not None:
        reviewed = reviewed.where(CompletionReview.person_id == person_id)
    for pid, n in session.exec(reviewed):
        rows.setdefault(pid, OfficialSummary(pid, "")).returned += int(n)
    if unit_id is not None and person_id is None:
        # A unit's people are all listed, those given nothing too (a head sees who is idle).
        for pid in session.exec(select(Person.id).where(Person.unit_id == unit_id, Person.active == True,  # noqa: E712
                                                           Person.role.in_(("official", "head")))):
            rows.setdefault(pid, OfficialSummary(pid, ""))
    if rows:
        # Everyone's names in one read rather than thousands of ids in an IN list.
        names = select(Person.id, Person.full_name, Person.unit_id, Unit.name).join(Unit, Unit.id == Person.unit_id)
        if person_id is not None:
            names = names.where(Person.id == person_id)
        elif len(rows) < 500:
            names = names.where(Person.id.in_(list(rows)))
        for pid, name, uid, unit in session.exec(names):
            if pid in rows:
                rows[pid].name, rows[pid].unit_id, rows[pid].unit = name or f"#{pid}", uid, unit
    return sorted(rows.values(), key=lambda r: (r.unit, -r.overdue, r.name, r.person_id))


# --------------------------------------------------------------------------- units by name


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D").casefold())
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).split())


def find_units(session: Session, name: str) -> list[Unit]:
    """The unit a person means: its exact name or an alias first, then a close spelling
    ("So Tai chinh", "Sở Tài Chính"), then the one unit whose name contains the words
    typed ("tài chính"). Several candidates (ambiguous) or none come back as a list."""
    index = crud_units.unit_index(session)
    unit = crud_units.find_unit(session, name, index)
    if unit is not None:
        return [unit]
    everyone = {u.id: u for u in index.values()}
    from directives.units import resolve_unit  # the lexicon: only when a name must be matched

    resolved, _score = resolve_unit(name, [(u.name, u.alias_list) for u in everyone.values()])
    if resolved:
        return [u for u in everyone.values() if u.name == resolved][:1]
    wanted = _fold(name)
    if len(wanted) < 3:
        return []
    found = [u for u in everyone.values()
             if f" {wanted} " in f" {_fold(u.name)} " or any(_fold(a) == wanted for a in u.alias_list)]
    return sorted(found, key=lambda u: u.name)


# --------------------------------------------------------------------------- report duties


@dataclass(frozen=True)
class DutyUnit:
    task_id: int
    unit_id: int
    unit: str
    deadline: date
    status: str
    completed_on: date | None
    completed_late: bool | None

    @property
    def done(self) -> bool:
        """Reported: done, or its report awaits the office's review (the unit is not
        reminded of a report it has sent)."""
        return self.status in ("done", AWAITING_REVIEW)

    def state(self, today: date) -> str:
        """done_on_time | done_late | overdue | pending"""
        if self.done:
            return "done_late" if self.completed_late else "done_on_time"
        return "overdue" if self.deadline < today else "pending"


@dataclass
class Duty:
    """One recurring duty ("trước ngày 23 hằng tháng báo cáo…") in one period: every
    lead unit's period task."""

    action: str
    recurrence: str
    directive: str
    deadline: date
    units: list[DutyUnit]

    @property
    def done(self) -> list[DutyUnit]:
        return [u for u in self.units if u.done]

    @property
    def missing(self) -> list[DutyUnit]:
        return [u for u in self.units if not u.done]


def duty_status(session: Session, period: Period, tz, unit_id: int | None = None) -> list[Duty]:
    """Recurring duties whose period falls in `period` (the period task's deadline is
    in it), grouped by duty (same directive, action and recurrence), units by name."""
    query = (
        select(Task.id, Task.lead_unit_id, Unit.name, Task.deadline, Task.status, Task.completed_at,
               Task.completed_late, Task.action, Task.recurrence, Task.directive_id, Directive.number,
               Directive.title, Task.updated_at)
        .join(Unit, Unit.id == Task.lead_unit_id)
        .outerjoin(Directive, Directive.id == Task.directive_id)
        .where(Task.series_id.is_not(None), Task.status != "draft",
               Task.deadline.between(period.start, period.end),
               Task.recurrence.not_in(DUTY_RECURRENCES_EXCLUDED))
        .order_by(Task.deadline, Task.directive_id, Task.action, Unit.name)
    )
    if unit_id is not None:
        query = query.where(Task.lead_unit_id == unit_id)
    duties: dict[tuple, Duty] = {}
    for (task_id, uid, name, deadline, status, completed_at, late, action, recurrence, directive_id,
         number, title, updated_at) in session.exec(query):
        if status == AWAITING_REVIEW:  # submitted when it was last updated; judged on that day
            completed_at = updated_at
            late = _local_date(updated_at, tz) > deadline
        key = (directive_id, action, recurrence)
        duty = duties.get(key)
        if duty is None:
            duty = duties[key] = Duty(action=action, recurrence=recurrence, directive=number or title or "",
                                      deadline=deadline, units=[])
        duty.units.append(DutyUnit(task_id=task_id, unit_id=uid, unit=name, deadline=deadline, status=status,
                                   completed_on=_local_date(completed_at, tz), completed_late=late))
    return list(duties.values())


def _local_date(value: datetime | None, tz) -> date | None:
    if value is None:
        return None
    aware = value if value.tzinfo else value.replace(tzinfo=UTC)
    return aware.astimezone(tz).date()


@dataclass
class RemindResult:
    queued: int  # new outbox rows
    units: list[str]  # units whose people were reminded (or had been already today)
    unreachable: list[str]  # units with nobody registered


def remind_missing(session: Session, period: Period, today: date, now: datetime, tz, *,
                   unit_id: int | None = None, actor: str = "", person_id: int | None = None) -> RemindResult:
    """Remind the people of every unit that has not done its period task, through the
    outbox. Keyed by task, person and day: pressing twice the same day queues nothing
    new."""
    missing = [(duty, u) for duty in duty_status(session, period, tz, unit_id) for u in duty.missing]
    if not missing:
        return RemindResult(0, [], [])
    by_unit: dict[int, list] = {}
    for person, binding in people.reachable(session, Person.unit_id.in_({u.unit_id for _, u in missing})):
        by_unit.setdefault(person.unit_id, []).append((person, binding))
    rows: list[dict] = []
    reached: list[str] = []
    unreachable: list[str] = []
    for duty, item in missing:
        recipients = by_unit.get(item.unit_id, [])
        (reached if recipients else unreachable).append(item.unit)
        for person, binding in recipients:
            t = Translator(person.language)
            rows.append({"key": people.push_key(f"duty:{item.task_id}:{today.isoformat()}", person, binding),
                         "channel": binding.channel,
                         "chat_id": binding.chat_id, "person_id": person.id, "task_id": item.task_id,
                         "kind": "duty", "not_before": now,
                         "payload": duty_payload(t, item.task_id, duty.action, item.deadline, duty.recurrence,
                                                 duty.directive, today)})
    queued = outbox.enqueue(session, rows)
    audit.log(session, "duty.remind", "report", None, actor=actor, person_id=person_id, period=period.key,
              queued=queued, units=sorted(set(reached)), unreachable=sorted(set(unreachable)))
    return RemindResult(queued, sorted(set(reached)), sorted(set(unreachable)))
