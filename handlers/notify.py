"""Pushes caused by an office action: a published directive, an assigned task, an
extension request and its decision. Each goes into the outbox in the caller's
transaction (so a rolled-back action sends nothing) under a key that makes a
repeated action send nothing twice; the dispatcher delivers under the platforms'
rate limits, whatever the size of the fan-out.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import UTC, date, datetime

from sqlmodel import Session, col

from locales import Translator
from presentation.messages import Button, payload
from presentation.render import DETAIL_ROUTE, fmt_date, recurrence_label, shorten, task_buttons
from storage.crud import outbox, people
from storage.crud.tasks import coordinator_units
from storage.models import CompletionReview, ExtensionRequest, Person, ProgressReport, Task, Unit

from .tasks import PAGE as TASK_PAGE

# A notice lists a unit's tasks; beyond this many the rest are behind /nhiemvu.
MAX_TASKS_IN_NOTICE = 10


def _row(key: str, person: Person, binding, kind: str, body: dict, now: datetime,
         task_id: int | None = None) -> dict:
    return {"key": people.push_key(key, person, binding), "channel": binding.channel,
            "chat_id": binding.chat_id, "person_id": person.id, "task_id": task_id, "kind": kind,
            "payload": body, "not_before": now.astimezone(UTC)}


def _deadline_text(t: Translator, task: Task) -> str:
    if task.recurrence:
        return recurrence_label(t, task.recurrence)
    return fmt_date(task.deadline) if task.deadline else t("due.none")


def notify_units(session: Session, key: str, tasks: Iterable[Task], *, header, units: dict[int, Unit],
                 now: datetime) -> tuple[int, list[Unit]]:
    """Tell every person of each lead and coordinator unit which of `tasks` are theirs.
    `header(t)` is rendered per reader language. Returns (rows queued, units with
    nobody reachable)."""
    tasks = list(tasks)
    roles: dict[int, list[tuple[Task, str]]] = defaultdict(list)
    for task in tasks:
        roles[task.lead_unit_id].append((task, "lead"))
        for unit in coordinator_units(session, task.id):
            roles[unit.id].append((task, "coordinator"))
            units.setdefault(unit.id, unit)
    reach = people.reachable(session, col(Person.unit_id).in_(list(roles)))
    by_unit: dict[int, list] = defaultdict(list)
    for person, binding in reach:
        by_unit[person.unit_id].append((person, binding))
    rows, silent = [], []
    rendered: dict[tuple[int, str], dict] = {}
    for unit_id, items in roles.items():
        if not by_unit.get(unit_id):
            silent.append(units[unit_id])
            continue
        for person, binding in by_unit[unit_id]:
            cache_key = (unit_id, person.language)
            if cache_key not in rendered:
                rendered[cache_key] = _unit_notice(Translator(person.language), header, items, units)
            rows.append(_row(key, person, binding, "notice", rendered[cache_key], now))
    return outbox.enqueue(session, rows), sorted(silent, key=lambda u: u.name)


def _unit_notice(t: Translator, header, items: list[tuple[Task, str]], units: dict[int, Unit]) -> dict:
    lines = [header(t), ""]
    buttons: list[list[Button]] = []
    for task, role in items[:MAX_TASKS_IN_NOTICE]:
        role_text = t("notice.role_lead") if role == "lead" else t(
            "notice.role_coordinator", lead=units[task.lead_unit_id].name)
        lines.append(t("notice.task_line", id=task.id, deadline=_deadline_text(t, task), role=role_text,
                       action=shorten(task.action, 200)))
        if role == "lead" and len(items) == 1:
            buttons.append(task_buttons(t, task.id))
        buttons.append([Button(t("notice.details", id=task.id), f"{DETAIL_ROUTE}:{task.id}")])
    if len(items) > MAX_TASKS_IN_NOTICE:
        lines.append(t("notice.more", count=len(items) - MAX_TASKS_IN_NOTICE))
    lines += ["", t("notice.footer")]
    buttons.append([Button(t("notice.all_tasks"), f"{TASK_PAGE}:1")])
    return payload("\n".join(lines), buttons)


def extension_requested(session: Session, req: ExtensionRequest, task: Task, unit: Unit,
                        requester: Person, now: datetime) -> int:
    """Each office person gets the request with its reason and the decision buttons."""
    rows = []
    for person, binding in people.office_staff(session):
        t = Translator(person.language)
        text = t("extension.office_notice", id=task.id, unit=unit.name, name=requester.full_name or "?",
                 action=shorten(task.action, 200), deadline=fmt_date(task.deadline),
                 requested=fmt_date(req.requested_deadline), reason=shorten(req.reason, 600))
        from .extensions import decision_rows  # extensions imports this module
        buttons = decision_rows(t, req.id, task.id)
        rows.append(_row(f"extreq:{req.id}", person, binding, "extension", payload(text, buttons), now, task.id))
    return outbox.enqueue(session, rows)


def extension_decided(session: Session, req: ExtensionRequest, task: Task, now: datetime) -> int:
    """The requester (on every chat where they are reachable) and their unit's other
    people learn the decision: the deadline may have moved for everyone."""
    rows = []
    for person, binding in people.reachable(session, Person.unit_id == req.unit_id):
        t = Translator(person.language)
        if req.status == "approved":
            text = t("extension.approved_notice", id=task.id, date=fmt_date(task.deadline),
                     original=fmt_date(task.original_deadline), action=shorten(task.action, 200))
        else:
            text = t("extension.rejected_notice", id=task.id, requested=fmt_date(req.requested_deadline),
                     deadline=fmt_date(task.deadline), action=shorten(task.action, 200))
        rows.append(_row(f"extdec:{req.id}", person, binding, "extension", payload(
            text, [task_buttons(t, task.id)]), now, task.id))
    return outbox.enqueue(session, rows)


def assigned_header(directive_label: str | None, today: date):
    """The first line of a notice, rendered in each reader's language."""
    def header(t: Translator) -> str:
        if directive_label:
            return t("notice.directive_published", label=directive_label)
        return t("notice.task_assigned", date=fmt_date(today))
    return header


def extension_note(session: Session, req: ExtensionRequest, task: Task, now: datetime) -> int:
    """The office's reason for a rejection, sent after the decision."""
    rows = []
    for person, binding in people.reachable(session, Person.unit_id == req.unit_id):
        t = Translator(person.language)
        text = t("extension.decision_note", id=task.id, note=req.decision_note)
        rows.append(_row(f"extnote:{req.id}", person, binding, "extension", payload(text), now, task.id))
    return outbox.enqueue(session, rows)


# --- completion review and blocked reports (issue 15)

def _file_of(report: ProgressReport) -> dict | None:
    """How a push carries the report's file: the platform handle, good only on the channel
    it came from (the sender of another channel names the file instead)."""
    if not report.attachment_ref:
        return None
    kind = "photo" if report.attachment_name == "photo.jpg" else "document"
    return {"channel": report.channel, "kind": kind, "ref": report.attachment_ref, "name": report.attachment_name}


def review_buttons(t: Translator, review: CompletionReview, task_id: int) -> list[list[Button]]:
    return [[Button(t("btn.review_accept"), f"ra:{review.id}"), Button(t("btn.review_return"), f"rr:{review.id}")],
            [Button(t("btn.details"), f"{DETAIL_ROUTE}:{task_id}")]]


def completion_submitted(session: Session, review: CompletionReview, task: Task, unit: str, person: Person,
                         report: ProgressReport, now: datetime) -> int:
    """Each office person gets the completion with its product (and its file) and the
    buttons ✅ Đạt / ↩️ Trả lại. Keyed by the review: never twice."""
    rows = []
    file = _file_of(report)
    for staff, binding in people.office_staff(session):
        t = Translator(staff.language)
        lines = [t("review.office_notice", id=task.id, unit=unit, name=person.full_name or "?",
                   action=shorten(task.action, 200), deadline=fmt_date(task.deadline) or t("due.none"),
                   output=shorten(review.output, 400))]
        if task.expected_output:
            lines.append(t("task.expected_output", text=shorten(task.expected_output, 200)))
        if report.attachment_name:
            lines.append(t("history.attachment", name=report.attachment_name))
        if review.deadline and review.completed_on > review.deadline:
            lines.append(t("review.submitted_late", days=(review.completed_on - review.deadline).days))
        body = payload("\n".join(lines), review_buttons(t, review, task.id))
        if file:
            body["file"] = file
        rows.append(_row(f"review:{review.id}", staff, binding, "review", body, now, task.id))
    return outbox.enqueue(session, rows)


def blocked_reported(session: Session, report: ProgressReport, task: Task, unit: str, person: Person,
                     now: datetime) -> int:
    """A ⚠️ Vướng mắc reaches the office at once, with the obstacle and the plan."""
    rows = []
    for staff, binding in people.office_staff(session):
        t = Translator(staff.language)
        text = t("blocked.office_notice", id=task.id, unit=unit, name=person.full_name or "?",
                 action=shorten(task.action, 200), obstacle=shorten(report.obstacle or report.text, 400),
                 plan=shorten(report.plan, 400) or "—", deadline=fmt_date(task.deadline) or t("due.none"))
        rows.append(_row(f"blocked:{report.id}", staff, binding, "blocked", payload(
            text, [[Button(t("btn.details"), f"{DETAIL_ROUTE}:{task.id}")]]), now, task.id))
    return outbox.enqueue(session, rows)
