""""Rõ người": a unit head (or office staff) gives a unit's task to named officials.

"👤 Giao cán bộ" under a task (`aa:<task>`) lists the unit's people as buttons (a
numbered menu on Zalo); pressing one gives the task to that person (`ap:<task>:<person>`),
pressing an assignee takes it back. `/phancong <task> <name>` does the same in one line,
`/phancong <task>` opens the list. The official is told through the outbox; every change
is audited and shown in the task's history. Reminders of an assigned task then go to
its assignees (reminders.sweep).
"""
from __future__ import annotations

import re
import unicodedata

from presentation.messages import Button, Reply
from presentation.render import ASSIGN_ROUTE, DETAIL_ROUTE, shorten
from storage.crud import assignments
from storage.crud import tasks as crud
from storage.models import SUMMARY_ROLES, Person, Task

from . import notify, roles
from .context import Context

# A unit head gives the unit's tasks; the office any task (to the lead unit's people).
CAN_ASSIGN = SUMMARY_ROLES
# Button routes: the unit's people for a task; give it to one of them (or take it back).
MENU = ASSIGN_ROUTE
PICK = "ap"
_ARGS = re.compile(r"^#?(\d{1,9})(?:\s+(.+))?$", re.S)


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D").casefold())
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).split())


def _refuse(ctx: Context) -> list[Reply] | None:
    if ctx.person.role in CAN_ASSIGN:
        return None
    return [Reply(ctx.t("assignee.head_only"), notice=ctx.t("role.office_only_short"))]


def _task_and_unit(ctx: Context, task_id: int) -> tuple[Task, int] | list[Reply]:
    """The task and the unit whose share is being given: the head's own unit (lead or
    coordinator), or for office staff the lead unit."""
    task = crud.visible_task(ctx.session, ctx.person, task_id)
    if task is None:
        return [Reply(ctx.t("tasks.not_found", id=task_id), notice=ctx.t("tasks.not_found_short"))]
    if task.status == "done":
        return [Reply(ctx.t("report.already_done", id=task.id), notice=ctx.t("report.already_done_short"))]
    if roles.is_office(ctx):
        return task, task.lead_unit_id
    return task, ctx.person.unit_id


def assign_command(ctx: Context, args: str) -> list[Reply]:
    """/phancong <số nhiệm vụ> [tên cán bộ]"""
    if (refused := _refuse(ctx)) is not None:
        return refused
    m = _ARGS.match(args.strip())
    if not m:
        return [Reply(ctx.t("assignee.usage"))]
    found = _task_and_unit(ctx, int(m.group(1)))
    if isinstance(found, list):
        return found
    task, unit_id = found
    name = (m.group(2) or "").strip()
    if not name:
        return [_menu(ctx, task, unit_id)]
    wanted = _fold(name)
    people = assignments.unit_people(ctx.session, unit_id)
    # The full name, else every word typed among the name's words ("An", "Văn An").
    matches = [p for p in people if _fold(p.full_name) == wanted] or \
              [p for p in people if wanted and set(wanted.split()) <= set(_fold(p.full_name).split())]
    if not matches:
        reply = _menu(ctx, task, unit_id)
        reply.text = ctx.t("assignee.name_unknown", name=shorten(name, 60)) + "\n\n" + reply.text
        return [reply]
    if len(matches) > 1:
        reply = _menu(ctx, task, unit_id)
        reply.text = ctx.t("assignee.name_ambiguous", name=shorten(name, 60)) + "\n\n" + reply.text
        return [reply]
    return _give(ctx, task, unit_id, matches[0], edit=False)


def menu_button(ctx: Context, arg: str) -> list[Reply]:
    """`aa:<task>`: the unit's people to choose from."""
    if (refused := _refuse(ctx)) is not None:
        return refused
    if not arg.isdigit():
        return [Reply(ctx.t("button.expired"), notice=ctx.t("button.expired"))]
    found = _task_and_unit(ctx, int(arg))
    if isinstance(found, list):
        return found
    return [_menu(ctx, *found)]


def pick_button(ctx: Context, arg: str) -> list[Reply]:
    """`ap:<task>:<person>`: give the task to the person, or take it back if they have it."""
    if (refused := _refuse(ctx)) is not None:
        return refused
    task_arg, _, person_arg = arg.partition(":")
    if not task_arg.isdigit() or not person_arg.isdigit():
        return [Reply(ctx.t("button.expired"), notice=ctx.t("button.expired"))]
    found = _task_and_unit(ctx, int(task_arg))
    if isinstance(found, list):
        return found
    task, unit_id = found
    person = ctx.session.get(Person, int(person_arg))
    if person is None or not person.active or person.unit_id != unit_id:
        return [Reply(ctx.t("button.expired"), notice=ctx.t("button.expired"))]
    if assignments.take_back(ctx.session, task.id, person.id, by=ctx.person.id, actor=ctx.actor):
        reply = _menu(ctx, task, unit_id)
        reply.text = ctx.t("assignee.taken_back", name=person.full_name or "?", id=task.id) + "\n\n" + reply.text
        reply.notice, reply.edit = ctx.t("assignee.taken_back_short"), True
        return [reply]
    return _give(ctx, task, unit_id, person, edit=True)


def _give(ctx: Context, task: Task, unit_id: int, person: Person, *, edit: bool) -> list[Reply]:
    t = ctx.t
    row = assignments.assign(ctx.session, task, person, unit_id=unit_id, by=ctx.person.id, actor=ctx.actor)
    if row is None:
        return [Reply(t("assignee.already", name=person.full_name or "?", id=task.id),
                      notice=t("assignee.already_short"))]
    queued = notify.task_given(ctx.session, task, person, ctx.person.full_name, ctx.now)
    reply = _menu(ctx, task, unit_id)
    key = "assignee.given" if queued else "assignee.given_unreachable"
    reply.text = t(key, name=person.full_name or "?", id=task.id) + "\n\n" + reply.text
    reply.notice, reply.edit = t("assignee.given_short"), edit
    return [reply]


def _menu(ctx: Context, task: Task, unit_id: int) -> Reply:
    """The unit's people as buttons; those who carry the task marked 👤 (pressing them
    takes it back)."""
    t = ctx.t
    people = assignments.unit_people(ctx.session, unit_id)
    current = {p.id for _, p in assignments.active_assignees(ctx.session, task.id)}
    unit = assignments.unit_name(ctx.session, unit_id)
    lines = [t("assignee.menu", id=task.id, action=shorten(task.action, 160), unit=unit)]
    names = [p.full_name or "?" for p in people if p.id in current]
    lines.append(t("assignee.current", names=", ".join(names)) if names else t("assignee.current_none"))
    if not people:
        lines.append(t("assignee.nobody", unit=unit))
    buttons = [[Button(("👤 " if p.id in current else "") + (p.full_name or f"#{p.id}")
                       + (" · " + t("role.head") if p.role == "head" else ""), f"{PICK}:{task.id}:{p.id}")]
               for p in people[:20]]
    buttons.append([Button(t("task.back_to_task"), f"{DETAIL_ROUTE}:{task.id}")])
    return Reply("\n".join(lines), buttons=buttons)
