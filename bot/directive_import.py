"""`nhacviec directive import FILE`: extract a directive and store it with its tasks.

Lead and coordinator names are matched against the units directory. A name with
no match is never dropped silently: it is listed, and the task waits (not stored)
until the unit is created or given an alias (`nhacviec units import`); the
command then exits 1 so that a script notices.
"""
from __future__ import annotations

from dataclasses import dataclass

from directives import ExtractionError, extract_text, read_document
from locales import Translator
from presentation.render import fmt_date, shorten
from storage.crud import audit, units
from storage.crud import tasks as crud
from storage.models import Directive

from .cli import CliError


@dataclass(frozen=True)
class DirectoryEntry:
    name: str
    aliases: list[str]


def import_directive(app, path: str, *, issued, publish: bool, t: Translator) -> int:
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
    stored, waiting = [], []
    with app.db.session() as session:
        index = units.unit_index(session)
        doc = result.document
        directive = Directive(number=doc.number or "", title=doc.title or "", issuer=doc.issuer or "",
                              issued_on=doc.issued, source_text=source)
        session.add(directive)
        session.flush()
        audit.log(session, "directive.import", "directive", directive.id, actor="cli", number=directive.number,
                  tasks=len(result.tasks), status=status)
        for item in result.tasks:
            lead = units.find_unit(session, item.lead_unit or item.lead, index)
            coordinators = [units.find_unit(session, name, index) for name in item.coordinators]
            unknown = [n for n, u in zip([item.lead] + item.coordinators, [lead] + coordinators, strict=False) if u is None]
            if lead is None:
                waiting.append((item, unknown))
                continue
            task = crud.add_task(session, lead=lead, action=item.text, deadline=item.deadline,
                                 recurrence=item.recurrence, coordinators=[c for c in coordinators if c],
                                 directive=directive, expected_output=item.output or "", status=status)
            stored.append((task, item, unknown))
    print(t("cli.directive_imported", label=directive.label, stored=len(stored), status=t(f"status.{status}")))
    for task, item, _ in stored:
        when = fmt_date(item.deadline) if item.deadline else (item.recurrence or "—")
        print(f"  #{task.id:<6} {when:<12} {item.lead}: {shorten(item.text, 90)}")
    unknown_names = sorted({n for _, _, u in stored for n in u} | {n for _, u in waiting for n in u})
    if unknown_names:
        print(t("cli.unknown_units", names="\n".join(f"  - {n}" for n in unknown_names)))
    if waiting:
        print(t("cli.tasks_waiting", count=len(waiting)))
        return 1
    return 0
