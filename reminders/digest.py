"""The office's daily digest (working days, at the reminder hour): escalations that
got no answer, and coordinating units late with their part ("phối hợp không đúng hạn").
Enqueued through the outbox like every push, one per office person per day."""
from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import and_, exists
from sqlmodel import Session, select

from handlers.render import fmt_date, shorten
from locales import Translator
from storage.crud import outbox, people
from storage.crud.tasks import LateCoordinator, late_coordinators
from storage.db import Database
from storage.models import (
    OPEN_STATUSES, Outbox, ProgressReport, Task, Unit,
)

from .messages import payload

MAX_LINES = 30


def unanswered_escalations(session: Session) -> list[tuple[Task, str]]:
    """Tasks escalated to a unit head, still unfinished, with no accepted report from
    the lead unit since the escalation."""
    answered = exists().where(and_(ProgressReport.task_id == Task.id, ProgressReport.unit_id == Task.lead_unit_id,
                                   ProgressReport.accepted == True,  # noqa: E712
                                   ProgressReport.created_at > Outbox.created_at))
    rows = session.exec(
        select(Task, Unit.name).join(Outbox, Outbox.task_id == Task.id).join(Unit, Unit.id == Task.lead_unit_id)
        .where(Outbox.kind == "escalation", Task.status.in_(OPEN_STATUSES), ~answered)
        .order_by(Task.deadline, Task.id)
    ).all()
    seen, out = set(), []
    for task, unit in rows:
        if task.id not in seen:
            seen.add(task.id)
            out.append((task, unit))
    return out


def enqueue_digest(db: Database, now: datetime, cfg) -> int:
    """The day's digest to each office person, once a working day from the send hour on."""
    local = now.astimezone(cfg.tz)
    today = local.date()
    if not cfg.calendar.is_working_day(today) or local.time() < time(cfg.policy.send_hour):
        return 0
    with db.session() as session:
        staff = [(p, b) for p, b in people.office_staff(session)
                 if session.exec(select(Outbox.id).where(Outbox.key == _key(today, p.id))).first() is None]
        if not staff:  # nobody to tell, or today's digest is queued already (sweeps run every minute)
            return 0
        escalations = unanswered_escalations(session)
        late = late_coordinators(session, today)
        if not escalations and not late:
            return 0
        rows = []
        for person, binding in staff:
            t = Translator(person.language)
            rows.append({"key": _key(today, person.id), "channel": binding.channel,
                         "chat_id": binding.chat_id, "person_id": person.id, "kind": "digest", "not_before": now,
                         "payload": payload(render_digest(t, today, escalations, late))})
        return outbox.enqueue(session, rows)


def _key(day: date, person_id: int) -> str:
    return f"digest:{day.isoformat()}:p{person_id}"


def render_digest(t: Translator, today: date, escalations: list[tuple[Task, str]],
                  late: list[LateCoordinator]) -> str:
    lines = [t("digest.title", date=fmt_date(today))]
    if escalations:
        lines += ["", t("digest.escalations", count=len(escalations))]
        for task, unit in escalations[:MAX_LINES]:
            lines.append(t("digest.escalation_line", id=task.id, unit=unit, deadline=fmt_date(task.deadline),
                           days=(today - task.deadline).days if task.deadline else 0,
                           action=shorten(task.action, 80)))
    if late:
        lines += ["", t("digest.late_coordinators", count=len(late))]
        for item in late[:MAX_LINES]:
            lines.append(t("digest.late_line", id=item.task_id, unit=item.unit, lead=item.lead,
                           deadline=fmt_date(item.deadline)))
    if len(escalations) > MAX_LINES or len(late) > MAX_LINES:
        lines += ["", t("digest.more")]
    return "\n".join(lines)
