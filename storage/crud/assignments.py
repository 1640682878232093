"""Tasks given to named officials ("rõ người"): assign, take back, who carries what,
and the end of a person's assignments when they leave the unit."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select as sa_select
from sqlmodel import Session, select

from storage.models import ChatBinding, Person, Task, TaskAssignment, Unit, utcnow

from . import audit

# Who can carry a unit's task by name.
ASSIGNABLE_ROLES = ("official", "head")


def unit_people(session: Session, unit_id: int) -> list[Person]:
    """The unit's active people who can be given a task, by name."""
    return list(session.exec(select(Person).where(Person.unit_id == unit_id, Person.active == True,  # noqa: E712
                                                  Person.role.in_(ASSIGNABLE_ROLES))
                             .order_by(Person.full_name, Person.id)))


def active_assignees(session: Session, task_id: int) -> list[tuple[TaskAssignment, Person]]:
    return [(a, p) for a, p in session.exec(
        select(TaskAssignment, Person).join(Person, Person.id == TaskAssignment.person_id)
        .where(TaskAssignment.task_id == task_id, TaskAssignment.active == True)  # noqa: E712
        .order_by(TaskAssignment.assigned_at, TaskAssignment.id))]


def history(session: Session, task_id: int) -> list[tuple[TaskAssignment, str, str]]:
    """Every assignment of the task (ended ones too): the row, the assignee's and the
    assigner's names."""
    by = Person.__table__.alias("by")
    rows = session.execute(
        sa_select(TaskAssignment, Person.full_name, by.c.full_name)
        .join(Person, Person.id == TaskAssignment.person_id)
        .outerjoin(by, by.c.id == TaskAssignment.assigned_by)
        .where(TaskAssignment.task_id == task_id).order_by(TaskAssignment.assigned_at, TaskAssignment.id)).all()
    return [(a, name or "", by_name or "") for a, name, by_name in rows]


def assign(session: Session, task: Task, person: Person, *, unit_id: int, by: int | None,
           actor: str = "") -> TaskAssignment | None:
    """Give the task to `person` (their unit's share of it). None when they carry it already."""
    existing = session.exec(select(TaskAssignment).where(
        TaskAssignment.task_id == task.id, TaskAssignment.person_id == person.id,
        TaskAssignment.active == True)).first()  # noqa: E712
    if existing is not None:
        return None
    row = TaskAssignment(task_id=task.id, person_id=person.id, unit_id=unit_id, assigned_by=by)
    session.add(row)
    session.flush()
    audit.log(session, "task.assign", "task", task.id, person_id=by, actor=actor, assignee=person.id,
              assignee_name=person.full_name, unit_id=unit_id)
    return row


def take_back(session: Session, task_id: int, person_id: int, *, by: int | None, actor: str = "",
              reason: str = "taken_back") -> bool:
    row = session.exec(select(TaskAssignment).where(
        TaskAssignment.task_id == task_id, TaskAssignment.person_id == person_id,
        TaskAssignment.active == True)).first()  # noqa: E712
    if row is None:
        return False
    _end(row, reason)
    session.add(row)
    audit.log(session, "task.unassign", "task", task_id, person_id=by, actor=actor, assignee=person_id,
              reason=reason)
    return True


def _end(row: TaskAssignment, reason: str, at: datetime | None = None) -> None:
    row.active, row.ended_at, row.ended_reason = False, at or utcnow(), reason


def assignees_of(session: Session, task_ids: Iterable[int], among=None) -> dict[int, dict[int, set[int]]]:
    """Active assignees of the tasks: task id → unit id → person ids. `among` builds the
    condition on task_id (the sweep passes its PostgreSQL-friendly one)."""
    c = TaskAssignment.__table__.c
    ids = list(task_ids)
    out: dict[int, dict[int, set[int]]] = defaultdict(lambda: defaultdict(set))
    if not ids:
        return out
    condition = among(c.task_id, ids) if among else c.task_id.in_(ids)
    for task_id, unit_id, person_id in session.execute(
            sa_select(c.task_id, c.unit_id, c.person_id).where(condition, c.active == True)):  # noqa: E712
        out[task_id][unit_id].add(person_id)
    return out


@dataclass(frozen=True)
class Orphaned:
    """A task that lost its assignee: who left and which unit's share it was."""
    task_id: int
    action: str
    unit_id: int
    person_id: int
    person_name: str
    still_assigned: bool  # someone else of the unit still carries it


def release(session: Session, person_id: int, reason: str, *, unit_id: int | None = None,
            actor: str = "") -> list[Orphaned]:
    """End the person's assignments on unfinished tasks (all of them, or those of one
    unit: they moved to another). Finished tasks keep theirs: the KPI counts them."""
    rows = session.exec(
        select(TaskAssignment, Task.action, Person.full_name)
        .join(Task, Task.id == TaskAssignment.task_id).join(Person, Person.id == TaskAssignment.person_id)
        .where(TaskAssignment.person_id == person_id, TaskAssignment.active == True,  # noqa: E712
               Task.status != "done")).all()
    out = []
    now = utcnow()
    for row, action, name in rows:
        if unit_id is not None and row.unit_id != unit_id:
            continue
        _end(row, reason, now)
        session.add(row)
        out.append((row, action, name))
    session.flush()
    result = []
    for row, action, name in out:
        others = session.exec(select(TaskAssignment.id).where(
            TaskAssignment.task_id == row.task_id, TaskAssignment.unit_id == row.unit_id,
            TaskAssignment.active == True)).first()  # noqa: E712
        result.append(Orphaned(row.task_id, action, row.unit_id, person_id, name, others is not None))
        audit.log(session, "task.unassign", "task", row.task_id, actor=actor, assignee=person_id, reason=reason)
    return result


def deactivate(session: Session, person: Person, *, actor: str = "cli") -> list[Orphaned]:
    """Someone left: the person and their chats are turned off (never deleted: their
    history stays), and their assignments on unfinished tasks end."""
    person.active = False
    session.add(person)
    for binding in session.exec(select(ChatBinding).where(ChatBinding.person_id == person.id)):
        binding.active = False
        session.add(binding)
    audit.log(session, "person.deactivate", "person", person.id, actor=actor, unit_id=person.unit_id)
    return release(session, person.id, "left_unit", actor=actor)


def has_active_binding(session: Session, person_id: int) -> bool:
    return session.exec(select(ChatBinding.id).where(ChatBinding.person_id == person_id,
                                                     ChatBinding.active == True)).first() is not None  # noqa: E712


def unit_name(session: Session, unit_id: int) -> str:
    unit = session.get(Unit, unit_id)
    return unit.name if unit else ""


def active_people(session: Session, unit_id: int | None = None) -> list[tuple[Person, str]]:
    """Active people with their unit's name (of one unit, or all), by unit and name."""
    query = select(Person, Unit.name).join(Unit, Unit.id == Person.unit_id).where(Person.active == True)  # noqa: E712
    if unit_id is not None:
        query = query.where(Person.unit_id == unit_id)
    return [(p, name) for p, name in session.exec(query.order_by(Unit.name, Person.full_name, Person.id))]
