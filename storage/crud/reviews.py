"""Completion review: a lead unit's "done" waits for the office ("chờ đánh giá"), which
accepts it (the task is done, on time or late by the unit's completion date) or returns
it with a reason (the task is open again). See storage.models.CompletionReview."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import and_, bindparam, func, literal_column
from sqlalchemy import select as sa_select
from sqlmodel import Session, select

from storage.models import (
    AWAITING_REVIEW,
    OPEN_STATUSES,
    CompletionReview,
    Directive,
    Person,
    ProgressReport,
    Task,
    Unit,
    nfc,
)

from . import audit
from .tasks import queue_look


def submit(session: Session, task: Task, person: Person, report: ProgressReport, now: datetime, *,
           actor: str = "") -> CompletionReview:
    """The lead unit says the task is done with this report's product (at `now`, aware, in
    the deployment's time zone: its date is the completion day): it waits for review."""
    completed_on = now.date()
    review = CompletionReview(task_id=task.id, report_id=report.id, unit_id=person.unit_id, person_id=person.id,
                              submitted_at=now.astimezone(UTC), completed_on=completed_on,
                              deadline=task.deadline, output=nfc(report.output or report.text)[:2000])
    session.add(review)
    before = task.status
    task.status = AWAITING_REVIEW
    task.updated_at = review.submitted_at
    session.add(task)
    session.flush()
    audit.log(session, "task.submitted", "task", task.id, person_id=person.id, actor=actor, before=before,
              after=AWAITING_REVIEW, review_id=review.id, report_id=report.id, completed_on=completed_on)
    return review


def get(session: Session, review_id: int, *, lock: bool = True) -> CompletionReview | None:
    """The review, locked for this transaction: two office people pressing at once
    cannot both decide it."""
    query = select(CompletionReview).where(CompletionReview.id == review_id)
    if lock:
        query = query.with_for_update()
    return session.exec(query).first()


def accept(session: Session, review: CompletionReview, task: Task, person: Person | None, now: datetime, *,
           auto: bool = False, actor: str = "") -> None:
    """The product is accepted: the task is done as of the unit's completion, late when
    that day was after the deadline in force then."""
    now = now.astimezone(UTC)
    review.status, review.decided_at, review.auto = "accepted", now, auto
    review.decided_by = person.id if person else None
    task.status = "done"
    task.completed_at = review.submitted_at
    task.completed_late = bool(review.deadline and review.completed_on > review.deadline)
    task.completion_output = review.output
    task.updated_at = now
    session.add(review)
    session.add(task)
    audit.log(session, "task.review_auto" if auto else "task.review_accept", "task", task.id,
              person_id=review.decided_by, actor=actor, before=AWAITING_REVIEW, after="done", review_id=review.id,
              completed_on=review.completed_on, late=task.completed_late)


def return_to_unit(session: Session, review: CompletionReview, task: Task, person: Person, now: datetime,
                   reason: str, *, actor: str = "") -> None:
    """The product falls short: the task is open again — in progress, the unit has worked on
    it — and reminded again, with the reason."""
    now = now.astimezone(UTC)
    review.status, review.decided_at, review.decided_by = "returned", now, person.id
    review.reason = nfc(" ".join(reason.split()))[:2000]
    task.status = "in_progress"
    task.updated_at = now
    session.add(review)
    session.add(task)
    queue_look(session, task.id, now, checked_at=now)  # the sweep dropped it while it awaited review
    audit.log(session, "task.review_return", "task", task.id, person_id=person.id, actor=actor,
              before=AWAITING_REVIEW, after="in_progress", review_id=review.id, reason=review.reason)


def is_returned():
    """SQL: a task whose completion the office returned ("sản phẩm không đạt") and that
    is open again, not yet sent back for review. A return is the latest decision on
    such a task: an accepted completion makes it done for good, a new one awaits review.
    The chat's /nhiemvu shows these with the reason (storage.crud.tasks)."""
    returned = select(CompletionReview.task_id).where(CompletionReview.status == "returned")
    return and_(Task.status.in_(OPEN_STATUSES), Task.id.in_(returned))


@dataclass(frozen=True)
class PendingReview:
    review: CompletionReview
    task: Task
    unit: str
    person: str
    directive_id: int | None
    directive: str
    attachment_name: str


def pending(session: Session, *, limit: int = 50, unit_id: int | None = None) -> list[PendingReview]:
    """Completions awaiting review, oldest first."""
    query = (select(CompletionReview, Task, Unit.name, Person.full_name, Directive.number, Directive.title,
                    ProgressReport.attachment_name)
             .join(Task, Task.id == CompletionReview.task_id)
             .join(Unit, Unit.id == CompletionReview.unit_id)
             .join(Person, Person.id == CompletionReview.person_id)
             .join(ProgressReport, ProgressReport.id == CompletionReview.report_id)
             .outerjoin(Directive, Directive.id == Task.directive_id)
             .where(CompletionReview.status == "pending")
             .order_by(CompletionReview.submitted_at, CompletionReview.id).limit(limit))
    if unit_id is not None:
        query = query.where(CompletionReview.unit_id == unit_id)
    return [PendingReview(r, t, unit, name or "", t.directive_id, number or title or "", att or "")
            for r, t, unit, name, number, title, att in session.exec(query)]


_REVIEW = CompletionReview.__table__
_PENDING = _REVIEW.c.status == literal_column("'pending'")
# Built once (Core, bound parameter): /nhiemvu runs it on every page.
_PENDING_COUNT = sa_select(func.count()).select_from(_REVIEW).where(_PENDING)
_PENDING_COUNT_OF_UNIT = _PENDING_COUNT.where(_REVIEW.c.unit_id == bindparam("unit_id", type_=_REVIEW.c.unit_id.type))


def pending_count(session: Session, *, unit_id: int | None = None) -> int:
    """Completions awaiting review (of one unit): from the index on (status, submitted_at),
    which holds few pending ones."""
    if unit_id is None:
        return session.execute(_PENDING_COUNT).scalar_one()
    return session.execute(_PENDING_COUNT_OF_UNIT, {"unit_id": unit_id}).scalar_one()


def pending_of_directive(session: Session, directive_id: int | None, *, limit: int = 200) -> list[CompletionReview]:
    """The directive's pending completions (None: tasks assigned outside any directive),
    locked (SKIP LOCKED: one being decided by someone else right now is left to them)."""
    query = (select(CompletionReview).join(Task, Task.id == CompletionReview.task_id)
             .where(CompletionReview.status == "pending")
             .order_by(CompletionReview.submitted_at, CompletionReview.id).limit(limit)
             .with_for_update(skip_locked=True, of=CompletionReview))
    query = query.where(Task.directive_id.is_(None) if directive_id is None else Task.directive_id == directive_id)
    return list(session.exec(query))


def submitted_before(session: Session, before: datetime, *, limit: int = 500) -> list[CompletionReview]:
    """Pending completions submitted before `before`, oldest first, locked (SKIP LOCKED)."""
    return list(session.exec(
        select(CompletionReview).where(CompletionReview.status == "pending", CompletionReview.submitted_at < before)
        .order_by(CompletionReview.submitted_at, CompletionReview.id).limit(limit)
        .with_for_update(skip_locked=True)))


def of_task(session: Session, task_id: int) -> list[CompletionReview]:
    return list(session.exec(select(CompletionReview).where(CompletionReview.task_id == task_id)
                             .order_by(CompletionReview.submitted_at, CompletionReview.id)))
