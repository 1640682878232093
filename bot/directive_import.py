"""`nhacviec directive import FILE`: extract a directive and store it with its tasks.

Lead and coordinator names are matched against the units directory. A name with
no match is never dropped silently: it is listed, and the task waits (not stored)
until the unit is created or given an alias (`nhacviec units import`); the
command then exits 1 so that a script notices. A group ("Các sở, ban, ngành")
becomes one task per unit of the group with `--expand-groups`, as in the chat.

A directive is imported once: the same number (and issuer and issue date, where
both sides know them) found again is refused, unless `--update`, which adds only
the tasks not stored yet (the waiting ones, once their unit exists) and, with
`--publish`, opens the tasks stored as drafts. Nothing is ever stored twice.
"""
from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import select

from directives import ExtractionError, extract_text, read_document
from directives.cli import _recurrence
from directives.units import is_group
from handlers.publish import group_members
from locales import Translator
from presentation.render import fmt_date, shorten
from storage.crud import audit, units
from storage.crud import tasks as crud
from storage.crud.directives import same_directive
from storage.models import Directive, Task, nfc, utcnow

from .cli import CliError


@dataclass(frozen=True)
class DirectoryEntry:
    name: str
    aliases: list[str]


def _task_key(lead_id: int, action: str) -> tuple[int, str]:
    return lead_id, " ".join((nfc(action) or "").casefold().split())


def import_directive(app, path: str, *, issued, publish: bool, t: Translator, update: bool = False,
                     expand_groups: bool = False) -> int:
    with app.db.session() as session:
        directory = [DirectoryEntry(u.name, u.alias_list) for u in units.list_units(session)]
    try:
        source = read_document(path)
        result = extract_text(source, issued=issued, units=directory)
    except ExtractionError as exc:
        raise CliError(exc.text(t)) from exc
    if not result.tasks:
        raise CliError(t("cli.no_tasks_found"))
    status = "open" if publish else "draft"
    doc = result.document
    stored: list = []
    waiting: list = []
    groups: dict = {}
    known = 0
    with app.db.session() as session:
        index = units.unit_index(session)
        all_units = units.list_units(session)
        directive = same_directive(session, nfc(doc.number or "") or "", nfc(doc.issuer or "") or "", doc.issued)
        if directive is not None and not update:
            count = len(session.exec(select(Task.id).where(Task.directive_id == directive.id)).all())
            raise CliError(t("cli.directive_exists", label=directive.label, tasks=count,
                             at=fmt_date(directive.created_at.date())))
        existing: dict[tuple[int, str], Task] = {}
        if directive is None:
            directive = Directive(number=doc.number or "", title=doc.title or "", issuer=doc.issuer or "",
                                  issued_on=doc.issued, source_text=source)
            session.add(directive)
            session.flush()
        else:
            existing = {_task_key(task.lead_unit_id, task.action): task for task in
                        session.exec(select(Task).where(Task.directive_id == directive.id))}
        audit.log(session, "directive.import", "directive", directive.id, actor="cli", number=directive.number,
                  tasks=len(result.tasks), status=status, update=update)
        for item in result.tasks:
            resolved = {name: _units_for(session, name, index, all_units, groups, expand_groups)
                        for name in [item.lead_unit or item.lead] + item.coordinators}
            leads = resolved[item.lead_unit or item.lead]
            coordinators = [u for name in item.coordinators for u in resolved[name] or []]
            unknown = [name for name, found in resolved.items() if found is None]
            leads = leads or []
            if not leads:
                waiting.append((item, unknown))
                continue
            for unit in leads:
                key = _task_key(unit.id, item.text)
                if key in existing:
                    known += 1
                    if publish and existing[key].status == "draft":
                        _open(session, existing[key])
                    continue
                task = crud.add_task(session, lead=unit, action=item.text, deadline=item.deadline,
                                     recurrence=item.recurrence,
                                     coordinators=[c for c in coordinators if c.id != unit.id],
                                     directive=directive, expected_output=item.output or "", status=status)
                existing[key] = task
                stored.append((task, unit.name, item, unknown))
    return _print(t, directive, status, stored, waiting, groups, known, expand_groups)


def _units_for(session, name: str, index, all_units, groups: dict, expand: bool):
    """The units a name in the directive stands for: [unit]; a group's members (with
    --expand-groups, else [] and the group noted); None when the name is unknown."""
    if not name:
        return None
    unit = units.find_unit(session, name, index)
    if unit is not None:
        return [unit]
    if is_group(name):
        members = group_members(name, all_units)
        groups[name] = len(members)
        return members if expand else []
    return None


def _open(session, task: Task) -> None:
    """A task imported as a draft, now published."""
    task.status, task.updated_at = "open", utcnow()
    session.add(task)
    if task.id is not None:
        crud.queue_look(session, task.id, task.updated_at)
    audit.log(session, "task.status", "task", task.id, actor="cli", before="draft", after="open")


def _print(t, directive, status, stored, waiting, groups, known, expand_groups) -> int:
    print(t("cli.directive_imported", label=directive.label, stored=len(stored), status=t(f"cli.imported_{status}")))
    if known:
        print(t("cli.directive_known_tasks", count=known))
    for task, lead, item, _ in stored:
        when = fmt_date(item.deadline) if item.deadline else (_recurrence(item.recurrence) or "—")
        print(f"  #{task.id:<6} {when:<12} {lead}: {shorten(item.text, 90)}")
    unknown_names = sorted({n for *_, u in stored for n in u} | {n for _, u in waiting for n in u})
    if unknown_names:
        print(t("cli.unknown_units", names="\n".join(f"  - {n}" for n in unknown_names)))
    if groups and not expand_groups:
        # A group is never one unit: it is expanded, never given as an alias.
        print(t("cli.group_leads", names="\n".join(f"  - {n} ({count})" for n, count in groups.items())))
    if waiting:
        print(t("cli.tasks_waiting", count=len(waiting)))
        return 1
    return 0
