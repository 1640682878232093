"""What the office watches: blocked tasks with their obstacle and plan, and the reports
and products sent back (by the quality gate, or by the office's review)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import and_, func, literal, union_all
from sqlmodel import Session, select

from storage.models import CompletionReview, Person, ProgressReport, Task, Unit


@dataclass(frozen=True)
class BlockedTask:
    task_id: int
    unit: str
    action: str
    deadline: date | None
    reported_at: datetime | None
    person: str
    obstacle: str
    plan: str


def blocked_tasks(session: Session, *, unit_id: int | None = None, limit: int | None = 50
                  ) -> tuple[list[BlockedTask], int]:
    """Tasks whose lead unit last said "vướng mắc", with that report's obstacle and plan,
    longest blocked first; and how many in all. Read from the partial index of blocked
    tasks (ix_task_blocked)."""
    last = (select(func.max(ProgressReport.id))
            .where(ProgressReport.task_id == Task.id, ProgressReport.kind == "blocked",
                   ProgressReport.accepted == True)  # noqa: E712
            .correlate(Task).scalar_subquery())
    query = (select(Task.id, Unit.name, Task.action, Task.deadline, ProgressReport.created_at,
                    Person.full_name, ProgressReport.obstacle, ProgressReport.plan, ProgressReport.text,
                    func.count().over())
             .join(Unit, Unit.id == Task.lead_unit_id)
             .outerjoin(ProgressReport, ProgressReport.id == last)
             .outerjoin(Person, Person.id == ProgressReport.person_id)
             .where(Task.status == "blocked")
             .order_by(ProgressReport.created_at, Task.id))
    if unit_id is not None:
        query = query.where(Task.lead_unit_id == unit_id)
    if limit is not None:
        query = query.limit(limit)
    rows = session.exec(query).all()
    items = [BlockedTask(r[0], r[1], r[2], r[3], r[4], r[5] or "", r[6] or r[8] or "", r[7] or "") for r in rows]
    return items, (int(rows[0][9]) if rows else 0)


@dataclass(frozen=True)
class SentBack:
    """A report the quality gate sent back (kind progress/blocked/done, `missing` what it
    asked for), or a completion the office returned (kind "product", `missing` its reason)."""

    at: datetime
    task_id: int
    unit: str
    person: str
    kind: str
    text: str
    missing: str


def sent_back(session: Session, scope, *, unit_id: int | None = None, limit: int | None = 100
              ) -> tuple[list[SentBack], int]:
    """Reports and products sent back on the tasks of `scope` (a condition on Task, such
    as office.summary.in_scope), newest first; and how many in all."""
    reports = (select(ProgressReport.created_at.label("at"), ProgressReport.task_id.label("task_id"),
                      ProgressReport.unit_id.label("unit_id"), ProgressReport.person_id.label("person_id"),
                      ProgressReport.kind.label("kind"), ProgressReport.text.label("text"),
                      ProgressReport.missing.label("missing"))
               .join(Task, Task.id == ProgressReport.task_id)
               .where(ProgressReport.accepted == False, scope))  # noqa: E712
    returned = (select(CompletionReview.decided_at.label("at"), CompletionReview.task_id.label("task_id"),
                       CompletionReview.unit_id.label("unit_id"), CompletionReview.person_id.label("person_id"),
                       literal("product").label("kind"), CompletionReview.output.label("text"),
                       CompletionReview.reason.label("missing"))
                .join(Task, Task.id == CompletionReview.task_id)
                .where(CompletionReview.status == "returned", scope))
    if unit_id is not None:
        reports = reports.where(ProgressReport.unit_id == unit_id)
        returned = returned.where(CompletionReview.unit_id == unit_id)
    both = union_all(reports, returned).subquery("sent_back")
    query = (select(both.c.at, both.c.task_id, Unit.name, Person.full_name, both.c.kind, both.c.text,
                    both.c.missing, func.count().over())
             .join(Unit, Unit.id == both.c.unit_id)
             .outerjoin(Person, and_(Person.id == both.c.person_id))
             .order_by(both.c.at.desc(), both.c.task_id))
    if limit is not None:
        query = query.limit(limit)
    rows = session.exec(query).all()
    items = [SentBack(r[0], r[1], r[2], r[3] or "", r[4], r[5], r[6] or "") for r in rows]
    return items, (int(rows[0][7]) if rows else 0)


def rejected_of_task(session: Session, task_id: int, limit: int = 10) -> list[tuple[ProgressReport, str, str]]:
    """A task's reports the gate sent back, newest first: (report, person, unit)."""
    return list(session.exec(
        select(ProgressReport, Person.full_name, Unit.name)
        .join(Person, Person.id == ProgressReport.person_id).join(Unit, Unit.id == ProgressReport.unit_id)
        .where(ProgressReport.task_id == task_id, ProgressReport.accepted == False)  # noqa: E712
        .order_by(ProgressReport.created_at.desc(), ProgressReport.id.desc()).limit(limit)).all())
