from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import and_, case, exists, func, union
from sqlmodel import Session, select

from reminders.recurrence import next_due
from storage.models import (
    OPEN_STATUSES, Directive, ExtensionRequest, Person, ProgressReport, Task, TaskCoordinator, Unit,
    nfc, utcnow,
)

from . import audit

OFFICE_ROLES = ("office", "admin")


def add_task(session: Session, *, lead: Unit, action: str, deadline: date | None = None,
             recurrence: str | None = None, coordinators: Sequence[Unit] = (),
             directive: Directive | None = None, expected_output: str = "", status: str = "open",
             today: date | None = None, actor: str = "cli", person_id: int | None = None,
             coordinator_deadline: date | None = None) -> Task:
    """A task for `lead`. A recurring duty without a date is due at its next period."""
    if recurrence and deadline is None:
        deadline = next_due(recurrence, today or date.today())
    task = Task(lead_unit_id=lead.id, action=nfc(action).strip(), deadline=deadline,
                original_deadline=deadline, recurrence=recurrence, status=status,
                expected_output=nfc(expected_output or "").strip()[:1000],
                directive_id=directive.id if directive else None,
                next_remind_at=utcnow())  # the next reminder sweep schedules it
    session.add(task)
    session.flush()
    if recurrence:
        task.series_id = task.id  # each period of the duty will be its own task
    seen = {lead.id}
    for position, unit in enumerate(coordinators):
        if unit.id in seen:
            continue
        seen.add(unit.id)
        session.add(TaskCoordinator(task_id=task.id, unit_id=unit.id, position=position,
                                    deadline=coordinator_deadline))
    audit.log(session, "task.create", "task", task.id, actor=actor, person_id=person_id,
              lead=lead.name, deadline=deadline, recurrence=recurrence,
              coordinators=[u.name for u in coordinators])
    return task


def find_or_create_directive(session: Session, label: str, *, actor: str = "cli") -> Directive:
    label = nfc(label).strip()
    found = session.exec(select(Directive).where(Directive.number == label)).first()
    if found:
        return found
    directive = Directive(number=label)
    session.add(directive)
    session.flush()
    audit.log(session, "directive.create", "directive", directive.id, actor=actor, number=label)
    return directive


def _open_ids_of_unit(unit_id: int):
    """Ids of the unfinished tasks the unit leads or coordinates. A UNION of two
    index lookups: with `lead = u OR id IN (…)` PostgreSQL scans the whole table."""
    led = select(Task.id.label("id")).where(Task.lead_unit_id == unit_id, Task.status.in_(OPEN_STATUSES))
    coordinated = (select(TaskCoordinator.task_id.label("id"))
                   .join(Task, Task.id == TaskCoordinator.task_id)
                   .where(TaskCoordinator.unit_id == unit_id, Task.status.in_(OPEN_STATUSES)))
    return union(led, coordinated).subquery("mine")


@dataclass
class TaskRow:
    task: Task
    role: str  # lead | coordinator
    directive: str = ""
    last_report: ProgressReport | None = None
    pending_extension: ExtensionRequest | None = None


@dataclass
class TaskPage:
    rows: list[TaskRow]
    total: int
    overdue: int
    due_today: int
    page: int
    pages: int
    numbering_start: int = 1


def list_open_tasks(session: Session, unit_id: int, today: date, *, page: int = 1,
                    per_page: int = 8) -> TaskPage:
    """One page of the unit's unfinished tasks, most urgent first: overdue (oldest
    deadline first), due today, due soon, later, then tasks without a date.
    The page, its totals (window functions) and its directive labels come in one
    query; the last reports and pending extensions of the page in two more (no N+1)."""
    mine = _open_ids_of_unit(unit_id)
    page = max(1, page)
    total_col = func.count().over().label("total")
    overdue_col = func.sum(case((Task.deadline < today, 1), else_=0)).over().label("overdue")
    today_col = func.sum(case((Task.deadline == today, 1), else_=0)).over().label("due_today")

    def fetch(page_no: int):
        return session.exec(
            select(Task, Directive.number, Directive.title, total_col, overdue_col, today_col)
            .join(mine, mine.c.id == Task.id)
            .outerjoin(Directive, Directive.id == Task.directive_id)
            .order_by(Task.deadline.is_(None), Task.deadline, Task.id)
            .offset((page_no - 1) * per_page).limit(per_page)
        ).all()

    found = fetch(page)
    if not found and page > 1:  # an old "next page" button: show the last page
        count = session.exec(select(func.count()).select_from(mine)).one()
        page = max(1, -(-count // per_page))
        found = fetch(page)
    if not found:
        return TaskPage(rows=[], total=0, overdue=0, due_today=0, page=1, pages=1)
    total, overdue, due_today = found[0][3], int(found[0][4] or 0), int(found[0][5] or 0)
    tasks = [row[0] for row in found]
    labels = {row[0].id: row[1] or row[2] or "" for row in found}
    rows = _rows(session, tasks, unit_id, labels)
    return TaskPage(rows=rows, total=total, overdue=overdue, due_today=due_today, page=page,
                    pages=max(1, -(-total // per_page)), numbering_start=(page - 1) * per_page + 1)


def _rows(session: Session, tasks: list[Task], unit_id: int, labels: dict[int, str]) -> list[TaskRow]:
    ids = [t.id for t in tasks]
    last: dict[int, ProgressReport] = {}
    for report in session.exec(
        select(ProgressReport).where(ProgressReport.task_id.in_(ids), ProgressReport.accepted == True)  # noqa: E712
        .order_by(ProgressReport.created_at.desc(), ProgressReport.id.desc())
    ):
        last.setdefault(report.task_id, report)
    pending: dict[int, ExtensionRequest] = {}
    for req in session.exec(select(ExtensionRequest).where(
            ExtensionRequest.task_id.in_(ids), ExtensionRequest.status == "pending")
            .order_by(ExtensionRequest.created_at.desc())):
        pending.setdefault(req.task_id, req)
    return [TaskRow(task=t, role="lead" if t.lead_unit_id == unit_id else "coordinator",
                    directive=labels.get(t.id, ""), last_report=last.get(t.id),
                    pending_extension=pending.get(t.id)) for t in tasks]


def visible_task(session: Session, person: Person, task_id: int) -> Task | None:
    """The task if this person may see it: their unit leads or coordinates it, or they
    are office staff. Otherwise None, the same answer as for a task that does not exist."""
    task = session.get(Task, task_id)
    if task is None or task.status == "draft":
        return None
    if person.role in OFFICE_ROLES or task.lead_unit_id == person.unit_id:
        return task
    coordinated = session.get(TaskCoordinator, (task_id, person.unit_id))
    return task if coordinated else None


def coordinator_units(session: Session, task_id: int) -> list[Unit]:
    return list(session.exec(
        select(Unit).join(TaskCoordinator, TaskCoordinator.unit_id == Unit.id)
        .where(TaskCoordinator.task_id == task_id).order_by(TaskCoordinator.position)
    ))


@dataclass
class TaskDetail:
    task: Task
    lead: Unit
    coordinators: list[Unit]
    directive: Directive | None
    reports: list[tuple[ProgressReport, str]]  # report, reporter's unit name
    extensions: list[ExtensionRequest]


def task_detail(session: Session, task: Task, history: int = 10) -> TaskDetail:
    reports = list(session.exec(
        select(ProgressReport, Unit.name).join(Unit, Unit.id == ProgressReport.unit_id)
        .where(ProgressReport.task_id == task.id, ProgressReport.accepted == True)  # noqa: E712
        .order_by(ProgressReport.created_at.desc(), ProgressReport.id.desc()).limit(history)
    ))
    extensions = list(session.exec(
        select(ExtensionRequest).where(ExtensionRequest.task_id == task.id)
        .order_by(ExtensionRequest.created_at.desc()).limit(history)
    ))
    return TaskDetail(task=task, lead=session.get(Unit, task.lead_unit_id),
                      coordinators=coordinator_units(session, task.id),
                      directive=session.get(Directive, task.directive_id) if task.directive_id else None,
                      reports=[(r, name) for r, name in reports], extensions=extensions)


def add_report(session: Session, task: Task, person: Person, *, kind: str, text: str,
               accepted: bool = True, milestone: date | None = None, output: str = "",
               obstacle: str = "", plan: str = "", attachment_ref: str = "", attachment_name: str = "",
               actor: str = "") -> ProgressReport:
    report = ProgressReport(task_id=task.id, person_id=person.id, unit_id=person.unit_id, kind=kind,
                            text=nfc(text), accepted=accepted, milestone=milestone,
                            output=nfc(output)[:2000], obstacle=nfc(obstacle)[:2000], plan=nfc(plan)[:2000],
                            attachment_ref=attachment_ref[:512], attachment_name=nfc(attachment_name)[:255])
    session.add(report)
    session.flush()
    audit.log(session, "report.accepted" if accepted else "report.rejected", "task", task.id,
              person_id=person.id, actor=actor, kind=kind, report_id=report.id)
    return report


def set_status(session: Session, task: Task, status: str, person: Person, today: date, *,
               output: str = "", actor: str = "") -> None:
    before = task.status
    task.status = status
    task.updated_at = utcnow()
    if status == "done":
        task.completed_at = utcnow()
        task.completed_late = bool(task.deadline and today > task.deadline)
        task.completion_output = nfc(output)[:2000]
    session.add(task)
    audit.log(session, "task.status", "task", task.id, person_id=person.id, actor=actor,
              before=before, after=status)


def request_extension(session: Session, task: Task, person: Person, new_deadline: date, reason: str,
                      *, actor: str = "") -> ExtensionRequest:
    req = ExtensionRequest(task_id=task.id, person_id=person.id, unit_id=person.unit_id,
                           current_deadline=task.deadline, requested_deadline=new_deadline,
                           reason=nfc(reason).strip())
    session.add(req)
    session.flush()
    audit.log(session, "extension.request", "task", task.id, person_id=person.id, actor=actor,
              requested=new_deadline, request_id=req.id)
    return req


@dataclass(frozen=True)
class LateCoordinator:
    task_id: int
    unit: str
    lead: str
    deadline: date


def late_coordinators(session: Session, today: date, task_id: int | None = None) -> list[LateCoordinator]:
    """Coordinating units whose own deadline has passed without any accepted report
    from them on the task."""
    answered = exists().where(and_(ProgressReport.task_id == TaskCoordinator.task_id,
                                   ProgressReport.unit_id == TaskCoordinator.unit_id,
                                   ProgressReport.accepted == True))  # noqa: E712
    lead = Unit.__table__.alias("lead")
    query = (select(TaskCoordinator.task_id, Unit.name, lead.c.name, TaskCoordinator.deadline)
             .join(Task, Task.id == TaskCoordinator.task_id)
             .join(Unit, Unit.id == TaskCoordinator.unit_id)
             .join(lead, lead.c.id == Task.lead_unit_id)
             .where(TaskCoordinator.deadline < today, Task.status.in_(OPEN_STATUSES), ~answered)
             .order_by(TaskCoordinator.deadline, TaskCoordinator.task_id))
    if task_id is not None:
        query = query.where(TaskCoordinator.task_id == task_id)
    return [LateCoordinator(*row) for row in session.exec(query)]


def pending_extension(session: Session, request_id: int, *, lock: bool = True) -> ExtensionRequest | None:
    """The request, locked for this transaction so that two office people pressing
    at once cannot both decide it."""
    query = select(ExtensionRequest).where(ExtensionRequest.id == request_id)
    if lock:
        query = query.with_for_update()
    return session.exec(query).first()


def pending_extensions(session: Session, limit: int = 20) -> list[tuple[ExtensionRequest, Task, str]]:
    rows = session.exec(
        select(ExtensionRequest, Task, Unit.name).join(Task, Task.id == ExtensionRequest.task_id)
        .join(Unit, Unit.id == ExtensionRequest.unit_id)
        .where(ExtensionRequest.status == "pending").order_by(ExtensionRequest.created_at).limit(limit)
    ).all()
    return [(r, t, name) for r, t, name in rows]


def decide_extension(session: Session, req: ExtensionRequest, task: Task, person: Person, *, approve: bool,
                     now: datetime, new_deadline: date | None = None, note: str = "", actor: str = "") -> None:
    """Approve (the task's deadline moves; the first one stays in `original_deadline`,
    and the reminder sweep looks at the task again at once) or reject (nothing moves)."""
    req.status = "approved" if approve else "rejected"
    now = now.astimezone(UTC)  # stored UTC
    req.decided_at, req.decided_by = now, person.id
    req.decision_note = nfc(note or "").strip()[:1000]
    before = task.deadline
    if approve:
        req.decided_deadline = new_deadline or req.requested_deadline
        if task.original_deadline is None:
            task.original_deadline = task.deadline
        task.deadline = req.decided_deadline
        task.updated_at = task.next_remind_at = now
        session.add(task)
    session.add(req)
    audit.log(session, "extension.approve" if approve else "extension.reject", "task", task.id,
              person_id=person.id, actor=actor, request_id=req.id, before=before, after=task.deadline,
              note=req.decision_note)
