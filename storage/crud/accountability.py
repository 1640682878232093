"""Holding units to the directive's bar, as data: coordinators' answers (and how late
they came), the at-risk state a report clears at once, the lists the digest and the
task pages read. The rules themselves are pure functions in reminders.risk."""
from __future__ import annotations

from datetime import UTC, date, datetime
from typing import NamedTuple

from sqlalchemy import and_
from sqlmodel import Session, select

from storage.models import OPEN_STATUSES, ProgressReport, Task, TaskCoordinator, Unit

from . import audit
from .tasks import queue_look


def record_answer(session: Session, task: Task, report: ProgressReport, now: datetime, today: date, *,
                  actor: str = "") -> TaskCoordinator | None:
    """A coordinating unit's first accepted report is its answer: when it came and how
    many days after its own deadline (0: on time). Later reports change nothing, so a
    late answer stays late. None when the reporter's unit is not a coordinator or had
    answered already."""
    row = session.get(TaskCoordinator, (task.id, report.unit_id))
    if row is None or row.answered_at is not None:
        return None
    row.answered_at = now.astimezone(UTC)
    row.late_days = max(0, (today - row.deadline).days) if row.deadline else 0
    session.add(row)
    audit.log(session, "coordinator.late" if row.late_days else "coordinator.answered", "task", task.id,
              person_id=report.person_id, actor=actor, unit_id=report.unit_id, deadline=row.deadline,
              late_days=row.late_days, report_id=report.id)
    return row


def report_accepted(session: Session, task: Task, report: ProgressReport, now: datetime, after: str, *,
                    actor: str = "") -> None:
    """An accepted report leaves the task's at-risk reasons at `after` (what it answers is
    cleared at once, reminders.risk.after_report; audited); the reminder sweep looks at
    the task again within the minute."""
    before = task.at_risk or ""
    if after != before:
        task.at_risk = after
        if not after:
            task.at_risk_since = None
        session.add(task)
        audit.log(session, "task.at_risk_cleared" if not after else "task.at_risk_changed", "task", task.id,
                  person_id=report.person_id, actor=actor, before=before, after=after)
    now = now.astimezone(UTC)
    queue_look(session, task.id, now, checked_at=now)


def set_coordinator_deadline(session: Session, task_id: int, deadline: date | None, *,
                             unit_id: int | None = None, actor: str = "", person_id: int | None = None) -> int:
    """A coordinator's own deadline (all coordinators of the task when `unit_id` is None)."""
    query = select(TaskCoordinator).where(TaskCoordinator.task_id == task_id)
    if unit_id is not None:
        query = query.where(TaskCoordinator.unit_id == unit_id)
    rows = list(session.exec(query))
    for row in rows:
        row.deadline = deadline
        session.add(row)
    if rows:
        audit.log(session, "coordinator.deadline", "task", task_id, actor=actor, person_id=person_id,
                  deadline=deadline, unit_id=unit_id)
    return len(rows)


class CoordinatorState(NamedTuple):
    unit_id: int
    unit: str
    deadline: date | None
    answered_at: datetime | None
    late_days: int | None


def coordinator_states(session: Session, task_id: int) -> list[CoordinatorState]:
    """Each coordinator of the task with its deadline and answer, in order."""
    tc = TaskCoordinator
    return [CoordinatorState(*row) for row in session.exec(
        select(tc.unit_id, Unit.name, tc.deadline, tc.answered_at, tc.late_days)
        .join(Unit, Unit.id == tc.unit_id).where(tc.task_id == task_id).order_by(tc.position))]


class AtRiskTask(NamedTuple):
    id: int
    lead: str
    deadline: date | None
    reasons: str
    action: str


def is_at_risk():
    """SQL: an open task the reminder sweep last found at risk (Task.at_risk holds the
    reasons of reminders.risk.assess; a finished task keeps no flag that counts). Written
    `at_risk <> ''` so that the partial index ix_task_at_risk serves it. The digest, the
    /tonghop counts, the workbook and the web desk's filter all ask this."""
    return and_(Task.at_risk != "", Task.status.in_(OPEN_STATUSES))


def shows_at_risk(status: str, reasons: str) -> bool:
    """The same test on a task already read (is_at_risk)."""
    return bool(reasons) and status in OPEN_STATUSES


def at_risk_tasks(session: Session, unit_id: int | None = None, limit: int | None = None) -> list[AtRiskTask]:
    """Open tasks at risk (the partial index ix_task_at_risk), nearest deadline first."""
    query = (select(Task.id, Unit.name, Task.deadline, Task.at_risk, Task.action)
             .join(Unit, Unit.id == Task.lead_unit_id)
             .where(is_at_risk())
             .order_by(Task.deadline.is_(None), Task.deadline, Task.id))
    if unit_id is not None:
        query = query.where(Task.lead_unit_id == unit_id)
    if limit is not None:
        query = query.limit(limit)
    return [AtRiskTask(*row) for row in session.exec(query)]


class LateAnswer(NamedTuple):
    task_id: int
    unit: str
    lead: str
    deadline: date
    late_days: int
    answered_at: datetime


def late_answers(session: Session, since: datetime, until: datetime) -> list[LateAnswer]:
    """Coordinators who answered after their deadline, the answer within [since, until)."""
    lead = Unit.__table__.alias("lead")
    tc = TaskCoordinator
    rows = session.exec(
        select(tc.task_id, Unit.name, lead.c.name, tc.deadline, tc.late_days, tc.answered_at)
        .join(Task, Task.id == tc.task_id).join(Unit, Unit.id == tc.unit_id)
        .join(lead, lead.c.id == Task.lead_unit_id)
        .where(tc.late_days > 0, tc.answered_at >= since, tc.answered_at < until)
        .order_by(tc.answered_at))
    return [LateAnswer(*row) for row in rows]


def overdue_coordinators_of(session: Session, task_id: int, today: date) -> list[CoordinatorState]:
    """The task's coordinators past their deadline without an answer."""
    return [c for c in coordinator_states(session, task_id)
            if c.answered_at is None and c.deadline is not None and c.deadline < today]

