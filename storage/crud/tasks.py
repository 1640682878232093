from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import NamedTuple

from sqlalchemy import Integer, Select, and_, bindparam, case, exists, func, literal_column, true, union
from sqlmodel import Session, select

from storage.db import dialect_insert
from storage.models import (
    OFFICE_ROLES,
    OPEN_STATUSES,
    CompletionReview,
    Directive,
    ExtensionRequest,
    Person,
    ProgressReport,
    ReminderQueue,
    Task,
    TaskAssignment,
    TaskCoordinator,
    Unit,
    nfc,
    utcnow,
)
from workcalendar.recurrence import next_due

from . import audit


def queue_look(session: Session, task_id: int, at: datetime, *, checked_at: datetime | None = None) -> None:
    """Ask the reminder sweep to look at the task at `at`: its first look (`checked_at`
    None: reminders since its creation), or again after a change (a new deadline,
    reopened) with `checked_at` the time reminders count from."""
    insert = dialect_insert(session.get_bind().dialect.name)
    session.execute(insert(ReminderQueue.__table__).values(due_at=at, task_id=task_id, checked_at=checked_at)
                    .on_conflict_do_nothing())


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
                directive_id=directive.id if directive else None)
    session.add(task)
    session.flush()
    queue_look(session, task.id, utcnow())  # the next reminder sweep schedules it
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


class TaskSummary(NamedTuple):
    """The columns of a task that a task page shows (read-only)."""
    id: int
    action: str
    deadline: date | None
    original_deadline: date | None
    status: str
    recurrence: str | None
    lead_unit_id: int
    at_risk: str = ""  # reminders.risk reasons, '' when not at risk


class ReportSummary(NamedTuple):
    created_at: datetime
    text: str


class ExtensionSummary(NamedTuple):
    requested_deadline: date


class ReturnSummary(NamedTuple):
    """The office's last return of the task's completion (the task is open again)."""
    decided_at: datetime
    reason: str


@dataclass
class TaskRow:
    task: TaskSummary
    role: str  # lead | coordinator
    directive: str = ""
    last_report: ReportSummary | None = None
    pending_extension: ExtensionSummary | None = None
    part_done: bool = False  # a coordinator's own part, reported done
    mine: bool = False  # given to the reader by name
    returned: ReturnSummary | None = None


@dataclass
class TaskPage:
    rows: list[TaskRow]
    total: int
    overdue: int
    due_today: int
    page: int
    pages: int
    numbering_start: int = 1
    mine: int = 0  # of `total`, given to the reader by name


def _task_page_statements(mine_only: bool = False):
    """/nhiemvu's queries, built once with bound parameters: Core columns rather than
    ORM entities, and no statement to build or cache key to compute per call (that ORM
    work was most of a task page's CPU). The page, its totals (window functions, over
    all the unit's open tasks), directive labels, last accepted report and pending
    extension come in one query."""
    task, coordinator, directive = Task.__table__, TaskCoordinator.__table__, Directive.__table__
    report, extension = ProgressReport.__table__, ExtensionRequest.__table__
    review = CompletionReview.__table__
    unit_id = bindparam("unit_id", type_=task.c.lead_unit_id.type)
    today = bindparam("today", type_=task.c.deadline.type)
    # The statuses as SQL literals: a list of values would be an "expanding" parameter,
    # re-rendered into the SQL on every execution.
    is_open = task.c.status.in_([literal_column(f"'{status}'") for status in OPEN_STATUSES])
    # A UNION of two index lookups: with `lead = u OR id IN (…)` PostgreSQL scans the whole table.
    # Ids and deadlines only (the led ones straight from the index): the totals and the
    # order need nothing else, and only the page's rows are read in full below.
    led: Select = (select(task.c.id.label("id"), task.c.deadline.label("deadline"), literal_column("0").label("part_done"))
           .where(task.c.lead_unit_id == unit_id, is_open))
    # A coordinator whose own part is done (an accepted "xong" from it) has answered:
    # the task is no longer overdue or due for that unit.
    part_done = exists().where(report.c.task_id == coordinator.c.task_id, report.c.unit_id == unit_id,
                               report.c.kind == "done", report.c.accepted == true())
    coordinated = (select(task.c.id.label("id"), task.c.deadline.label("deadline"),
                          case((part_done, 1), else_=0).label("part_done"))
                   .select_from(coordinator).join(task, task.c.id == coordinator.c.task_id)
                   .where(coordinator.c.unit_id == unit_id, is_open))
    units = union(led, coordinated).subquery("units")
    assignment = TaskAssignment.__table__
    # Given to the reader by name: their own tasks come first (/nhiemvu), or alone (/nhiemvu toi).
    given = (exists().where(assignment.c.task_id == units.c.id,
                            assignment.c.person_id == bindparam("person_id", type_=Integer),
                            assignment.c.active == true()))
    mine_flag = case((given, 1), else_=0)
    chosen = select(units.c.id, units.c.deadline, units.c.part_done, mine_flag.label("mine"))
    if mine_only:
        chosen = chosen.where(given)
    mine = chosen.subquery("mine")
    waiting = mine.c.part_done == 0
    page = (
        select(mine.c.id, mine.c.deadline, mine.c.part_done, mine.c.mine,
               func.count().over().label("total"),
               func.sum(mine.c.mine).over().label("mine_total"),
               func.sum(case((and_(mine.c.deadline < today, waiting), 1), else_=0)).over().label("overdue"),
               func.sum(case((and_(mine.c.deadline == today, waiting), 1), else_=0)).over().label("due_today"))
        .order_by(mine.c.mine.desc(), mine.c.deadline.is_(None), mine.c.deadline, mine.c.id)
        .offset(bindparam("skip", type_=Integer)).limit(bindparam("size", type_=Integer))
    ).subquery("page")
    last = report.alias("last_report")
    last_id = (select(report.c.id)
               .where(report.c.task_id == page.c.id, report.c.accepted == true())
               .order_by(report.c.created_at.desc(), report.c.id.desc()).limit(1).scalar_subquery())
    pending = (select(extension.c.requested_deadline)
               .where(extension.c.task_id == page.c.id, extension.c.status == "pending")
               .order_by(extension.c.created_at.desc(), extension.c.id.desc()).limit(1).scalar_subquery())
    # A returned completion: the latest decision on the task, when it was a return.
    returned = review.alias("returned")
    returned_id = (select(review.c.id).where(review.c.task_id == page.c.id, review.c.status != "pending")
                   .order_by(review.c.decided_at.desc(), review.c.id.desc()).limit(1).scalar_subquery())
    rows = (select(task.c.id, task.c.action, task.c.deadline, task.c.original_deadline, task.c.status,
                   task.c.recurrence, task.c.lead_unit_id, directive.c.number, directive.c.title,
                   page.c.total, page.c.overdue, page.c.due_today,
                   last.c.created_at.label("report_at"), last.c.text.label("report_text"),
                   pending.label("extension_until"), returned.c.decided_at.label("returned_at"),
                   returned.c.reason.label("returned_reason"), page.c.part_done, task.c.at_risk, page.c.mine,
                   page.c.mine_total)
            .select_from(page)
            .join(task, task.c.id == page.c.id)
            .outerjoin(directive, directive.c.id == task.c.directive_id)
            .outerjoin(last, last.c.id == last_id)
            .outerjoin(returned, and_(returned.c.id == returned_id, returned.c.status == "returned"))
            .order_by(page.c.mine.desc(), page.c.deadline.is_(None), page.c.deadline, page.c.id))
    return rows, select(func.count()).select_from(mine)


_TASK_PAGE, _OPEN_COUNT = _task_page_statements()
_MY_PAGE, _MY_COUNT = _task_page_statements(mine_only=True)


def list_open_tasks(session: Session, unit_id: int, today: date, *, page: int = 1,
                    per_page: int = 8, person_id: int | None = None, mine_only: bool = False) -> TaskPage:
    """One page of the unit's unfinished tasks, most urgent first: overdue (oldest
    deadline first), due today, due soon, later, then tasks without a date. One query
    (see _task_page_statements). The tasks given to `person_id` by name come first
    (with `mine_only`, alone)."""
    page = max(1, page)
    statement, counter = (_MY_PAGE, _MY_COUNT) if mine_only else (_TASK_PAGE, _OPEN_COUNT)
    person = person_id if person_id is not None else 0

    def fetch(page_no: int):
        return session.execute(statement, {"unit_id": unit_id, "today": today, "person_id": person,
                                           "skip": (page_no - 1) * per_page, "size": per_page}).all()

    found = fetch(page)
    if not found and page > 1:  # an old "next page" button: show the last page
        count = session.execute(counter, {"unit_id": unit_id, "person_id": person}).scalar_one()
        page = max(1, -(-count // per_page))
        found = fetch(page)
    if not found:
        return TaskPage(rows=[], total=0, overdue=0, due_today=0, page=1, pages=1)
    first = found[0]
    total, overdue, due_today = first.total, int(first.overdue or 0), int(first.due_today or 0)
    # By position, not by name: a Row's attribute lookup costs more than the rest of the loop.
    rows = [TaskRow(task=TaskSummary(task_id, action, deadline, original, status, recurrence, lead, at_risk),
                    role="lead" if lead == unit_id else "coordinator",
                    directive=number or title or "",
                    last_report=ReportSummary(report_at, report_text) if report_at is not None else None,
                    pending_extension=ExtensionSummary(until) if until is not None else None,
                    returned=ReturnSummary(returned_at, returned_reason) if returned_at is not None else None,
                    part_done=bool(part_done), mine=bool(mine))
            for (task_id, action, deadline, original, status, recurrence, lead, number, title, _total, _overdue,
                 _today, report_at, report_text, until, returned_at, returned_reason, part_done, at_risk, mine,
                 _mine_total) in found]
    return TaskPage(rows=rows, total=total, overdue=overdue, due_today=due_today, page=page,
                    pages=max(1, -(-total // per_page)), numbering_start=(page - 1) * per_page + 1,
                    mine=int(first.mine_total or 0))


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
               actor: str = "", channel: str = "", missing: str = "") -> ProgressReport:
    report = ProgressReport(task_id=task.id, person_id=person.id, unit_id=person.unit_id, kind=kind,
                            text=nfc(text), accepted=accepted, milestone=milestone, channel=channel[:16],
                            missing=missing[:100],
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
    if before not in OPEN_STATUSES and status in OPEN_STATUSES:
        queue_look(session, task.id, task.updated_at)  # reopened: the sweep dropped it when it was done
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
        task.updated_at = now
        # The sweep looks again at once, from now on: reminders by the new deadline.
        queue_look(session, task.id, now, checked_at=now)
        session.add(task)
    session.add(req)
    audit.log(session, "extension.approve" if approve else "extension.reject", "task", task.id,
              person_id=person.id, actor=actor, request_id=req.id, before=before, after=task.deadline,
              note=req.decision_note)


def coordinator_part_done(session: Session, task_id: int, unit_id: int) -> bool:
    """The coordinating unit reported its own part done (an accepted "xong")."""
    return session.exec(select(ProgressReport.id).where(
        ProgressReport.task_id == task_id, ProgressReport.unit_id == unit_id, ProgressReport.kind == "done",
        ProgressReport.accepted == True).limit(1)).first() is not None  # noqa: E712
