"""The web desk's queries: the task list with its filters, a task's full record,
directives with their completion, and the choices of the filter form.

A filter is plain values (TaskFilter); `conditions` turns it into SQL conditions
shared by the list, its count and the export (office.xlsx), so what is exported is
what the page shows. "At risk" and "returned" are the chat's own tests
(storage.crud.accountability.is_at_risk: the reminder sweep's stored flag;
storage.crud.reviews.is_returned), not computed again here. A head's view is
limited here, in the conditions, to the tasks their unit leads or coordinates, as
in the chat."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import and_, case, func, union
from sqlmodel import Session, select

from storage.crud.accountability import is_at_risk
from storage.crud.reviews import is_returned
from storage.models import (
    OPEN_STATUSES,
    AuditLog,
    Directive,
    ExtensionRequest,
    Person,
    ProgressReport,
    Task,
    TaskCoordinator,
    Unit,
)

PER_PAGE = 50
# The statuses a person can pick; "unfinished" is every open one, "returned" an open
# task whose completion the office returned (storage.crud.reviews.is_returned).
STATUS_CHOICES = ("unfinished", "open", "in_progress", "blocked", "awaiting_review", "returned", "done")
MAX_QUERY = 200


@dataclass(frozen=True)
class TaskFilter:
    unit_id: int | None = None  # lead unit
    directive_id: int | None = None
    status: str = ""  # "" (any) or one of STATUS_CHOICES
    overdue: bool = False
    # "🟠 nguy cơ chậm": flagged by the reminder sweep (reminders.risk), still open.
    at_risk: bool = False
    due_from: date | None = None
    due_to: date | None = None
    text: str = ""
    # Set for a unit head: only the tasks this unit leads or coordinates.
    viewer_unit_id: int | None = None


def conditions(f: TaskFilter, today: date) -> list:
    found = [Task.status != "draft"]
    if f.viewer_unit_id is not None:
        # Ids from two index lookups: with `lead = u OR id IN (…)` PostgreSQL scans every task.
        mine = union(select(Task.id).where(Task.lead_unit_id == f.viewer_unit_id),
                     select(TaskCoordinator.task_id).where(TaskCoordinator.unit_id == f.viewer_unit_id))
        found.append(Task.id.in_(mine))
    if f.unit_id is not None:
        found.append(Task.lead_unit_id == f.unit_id)
    if f.directive_id is not None:
        found.append(Task.directive_id == f.directive_id)
    if f.status == "unfinished":
        found.append(Task.status.in_(OPEN_STATUSES))
    elif f.status == "returned":
        found.append(is_returned())
    elif f.status in STATUS_CHOICES:
        found.append(Task.status == f.status)
    if f.overdue:
        found.append(and_(Task.status.in_(OPEN_STATUSES), Task.deadline < today))
    if f.at_risk:
        found.append(is_at_risk())
    if f.due_from is not None:
        found.append(Task.deadline >= f.due_from)
    if f.due_to is not None:
        found.append(Task.deadline <= f.due_to)
    if f.text:
        # Case-insensitive where the database folds the letters (PostgreSQL: all of them).
        escaped = f.text[:MAX_QUERY].replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        found.append(Task.action.ilike(f"%{escaped}%", escape="\\"))
    return found


@dataclass(frozen=True)
class TaskListRow:
    id: int
    action: str
    lead: str
    directive: str
    deadline: date | None
    original_deadline: date | None
    status: str
    completed_late: bool | None
    at_risk: str = ""  # the reasons (reminders.risk) when the task is at risk, else ''
    returned: bool = False  # its completion was returned; open again

    def overdue_days(self, today: date) -> int:
        if self.status in OPEN_STATUSES and self.deadline and self.deadline < today:
            return (today - self.deadline).days
        return 0


@dataclass
class TaskList:
    rows: list[TaskListRow]
    total: int
    page: int
    pages: int


def task_list(session: Session, f: TaskFilter, today: date, page: int = 1, per_page: int = PER_PAGE) -> TaskList:
    """One page of the filtered tasks, by deadline (undated last), and how many match."""
    where = conditions(f, today)
    page = max(1, page)
    # A text search reads every task's text: the page counts its matches in the same
    # pass (a window count). Otherwise a count of its own is an index scan, and the
    # page comes off the (deadline, id) index without computing every matching row.
    counted = bool(f.text)
    total = None if counted else session.exec(select(func.count()).select_from(Task).where(*where)).one()
    if total is not None:
        page = min(page, max(1, -(-total // per_page)))

    # NULLS LAST rather than `deadline IS NULL` first: the (deadline, id) index gives
    # this order as it is.
    order = (Task.deadline.asc().nulls_last(), Task.id)

    def fetch(page_no: int) -> list:
        # The page's ids first, from the tasks alone (a deep page skips index entries,
        # not joined rows), then the 50 rows with their unit and directive.
        ids = (select(Task.id.label("id"), *([func.count().over().label("total")] if counted else []))
               .where(*where).order_by(*order).offset((page_no - 1) * per_page).limit(per_page)
               .subquery("page"))
        query = (select(Task.id, Task.action, Unit.name, Directive.number, Directive.title, Task.deadline,
                        Task.original_deadline, Task.status, Task.completed_late,
                        case((is_at_risk(), Task.at_risk), else_=""), case((is_returned(), 1), else_=0),
                        *([ids.c.total] if counted else []))
                 .join(ids, ids.c.id == Task.id)
                 .join(Unit, Unit.id == Task.lead_unit_id)
                 .outerjoin(Directive, Directive.id == Task.directive_id)
                 .order_by(*order))
        return session.exec(query).all()

    found = fetch(page)
    if counted:
        if not found and page > 1:  # past the end: the last page
            total = session.exec(select(func.count()).select_from(Task).where(*where)).one()
            page = max(1, -(-total // per_page))
            found = fetch(page)
        total = found[0][11] if found else 0
    rows = [TaskListRow(id=r[0], action=r[1], lead=r[2], directive=r[3] or r[4] or "", deadline=r[5],
                        original_deadline=r[6], status=r[7], completed_late=r[8], at_risk=r[9] or "",
                        returned=bool(r[10])) for r in found]
    return TaskList(rows=rows, total=int(total), page=page, pages=max(1, -(-int(total) // per_page)))


# --------------------------------------------------------------------------- one task


@dataclass(frozen=True)
class ReportEntry:
    id: int
    at: datetime
    person: str
    unit: str
    kind: str
    text: str
    milestone: date | None
    output: str
    obstacle: str
    plan: str
    attachment_name: str
    has_attachment: bool
    accepted: bool


@dataclass(frozen=True)
class ExtensionEntry:
    id: int
    at: datetime
    person: str
    unit: str
    current_deadline: date | None
    requested_deadline: date
    reason: str
    status: str
    decided_at: datetime | None
    decided_by: str
    decided_deadline: date | None
    note: str


@dataclass(frozen=True)
class CoordinatorEntry:
    unit_id: int
    unit: str
    deadline: date | None
    answered: bool


@dataclass(frozen=True)
class HistoryEntry:
    at: datetime
    person: str
    actor: str
    action: str
    detail: dict


@dataclass
class TaskRecord:
    task: Task
    lead: str
    directive: Directive | None
    coordinators: list[CoordinatorEntry]
    reports: list[ReportEntry]
    extensions: list[ExtensionEntry]
    history: list[HistoryEntry] = field(default_factory=list)

    @property
    def pending_extension(self) -> ExtensionEntry | None:
        return next((e for e in self.extensions if e.status == "pending"), None)


def task_record(session: Session, task: Task, *, limit: int = 500) -> TaskRecord:
    """Everything about a task: its coordinators (and whether each has answered), every
    report (also those the quality gate sent back), extension requests and decisions,
    and the audit trail. Newest first, each list cut at `limit`."""
    reports = [
        ReportEntry(id=r.id, at=r.created_at, person=name or "", unit=unit, kind=r.kind, text=r.text,
                    milestone=r.milestone, output=r.output, obstacle=r.obstacle, plan=r.plan,
                    attachment_name=r.attachment_name, has_attachment=bool(r.attachment_ref), accepted=r.accepted)
        for r, name, unit in session.exec(
            select(ProgressReport, Person.full_name, Unit.name)
            .join(Person, Person.id == ProgressReport.person_id).join(Unit, Unit.id == ProgressReport.unit_id)
            .where(ProgressReport.task_id == task.id)
            .order_by(ProgressReport.created_at.desc(), ProgressReport.id.desc()).limit(limit))
    ]
    answered = {r.unit for r in reports if r.accepted}
    coordinators = [CoordinatorEntry(uid, name, deadline, name in answered) for uid, name, deadline in session.exec(
        select(Unit.id, Unit.name, TaskCoordinator.deadline).join(TaskCoordinator, TaskCoordinator.unit_id == Unit.id)
        .where(TaskCoordinator.task_id == task.id).order_by(TaskCoordinator.position))]
    decider = Person.__table__.alias("decider")
    extensions = [
        ExtensionEntry(id=e.id, at=e.created_at, person=name or "", unit=unit,
                       current_deadline=e.current_deadline, requested_deadline=e.requested_deadline, reason=e.reason,
                       status=e.status, decided_at=e.decided_at, decided_by=decided or "",
                       decided_deadline=e.decided_deadline, note=e.decision_note)
        for e, name, unit, decided in session.exec(
            select(ExtensionRequest, Person.full_name, Unit.name, decider.c.full_name)
            .join(Person, Person.id == ExtensionRequest.person_id).join(Unit, Unit.id == ExtensionRequest.unit_id)
            .outerjoin(decider, decider.c.id == ExtensionRequest.decided_by)
            .where(ExtensionRequest.task_id == task.id)
            .order_by(ExtensionRequest.created_at.desc(), ExtensionRequest.id.desc()).limit(limit))
    ]
    history = [HistoryEntry(at=a.at, person=name or "", actor=a.actor, action=a.action, detail=a.detail or {})
               for a, name in session.exec(
                   select(AuditLog, Person.full_name).outerjoin(Person, Person.id == AuditLog.person_id)
                   .where(AuditLog.entity == "task", AuditLog.entity_id == task.id)
                   .order_by(AuditLog.at.desc(), AuditLog.id.desc()).limit(limit))]
    return TaskRecord(task=task, lead=session.get(Unit, task.lead_unit_id).name,
                      directive=session.get(Directive, task.directive_id) if task.directive_id else None,
                      coordinators=coordinators, reports=reports, extensions=extensions, history=history)


def report_attachment(session: Session, task_id: int, report_id: int) -> tuple[str, str] | None:
    """(platform reference, file name) of a report's attachment on this task."""
    report = session.get(ProgressReport, report_id)
    if report is None or report.task_id != task_id or not report.attachment_ref:
        return None
    return report.attachment_ref, report.attachment_name or f"tep-{report_id}"


# --------------------------------------------------------------------------- directives


@dataclass(frozen=True)
class DirectiveRow:
    id: int
    label: str
    title: str
    issued_on: date | None
    total: int
    done: int
    done_late: int
    overdue: int

    @property
    def completion(self) -> float | None:
        return self.done / self.total if self.total else None


def directive_rows(session: Session, today: date, viewer_unit_id: int | None = None) -> list[DirectiveRow]:
    """Published directives, newest first, with their tasks counted by the database
    (for a head, the tasks of their unit)."""
    def count(condition):
        return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)

    where = conditions(TaskFilter(viewer_unit_id=viewer_unit_id), today)
    counts = (select(Task.directive_id.label("directive_id"), func.count().label("total"),
                     count(Task.status == "done").label("done"),
                     count(and_(Task.status == "done", Task.completed_late == True)).label("late"),  # noqa: E712
                     count(and_(Task.status.in_(OPEN_STATUSES), Task.deadline < today)).label("overdue"))
              .where(Task.directive_id.is_not(None), *where).group_by(Task.directive_id)).subquery("counts")
    query = (select(Directive.id, Directive.number, Directive.title, Directive.issued_on, counts.c.total,
                    counts.c.done, counts.c.late, counts.c.overdue)
             .join(counts, counts.c.directive_id == Directive.id)
             .where(Directive.status == "published")
             .order_by(Directive.issued_on.desc().nulls_last(), Directive.id.desc()))
    return [DirectiveRow(id=i, label=number or title or f"#{i}", title=title, issued_on=issued, total=int(total),
                         done=int(done), done_late=int(late), overdue=int(overdue))
            for i, number, title, issued, total, done, late, overdue in session.exec(query)]


# --------------------------------------------------------------------------- filter choices


def unit_choices(session: Session) -> list[tuple[int, str]]:
    return [(i, name) for i, name in session.exec(select(Unit.id, Unit.name).order_by(Unit.name))]


def directive_choices(session: Session) -> list[tuple[int, str]]:
    return [(i, number or title or f"#{i}") for i, number, title in session.exec(
        select(Directive.id, Directive.number, Directive.title).where(Directive.status == "published")
        .order_by(Directive.id.desc()))]
