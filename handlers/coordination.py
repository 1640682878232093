"""Coordinators answer on time ("cơ quan phối hợp phải trả lời đúng hạn"): the lead unit
is told when a coordinator answers, with what it said; the lead can say it has not
received a coordinator's input ("Chưa nhận được ý kiến phối hợp"), which reminds the
coordinator and tells the office. Pushes go through the outbox, keyed."""
from __future__ import annotations

from datetime import UTC, datetime

from sqlmodel import Session, select

from locales import Translator
from presentation.messages import Button, Reply, payload
from presentation.render import fmt_date, shorten, task_buttons
from reminders import risk
from storage.crud import accountability as acc
from storage.crud import outbox, people
from storage.crud import tasks as crud
from storage.models import Person, ProgressReport, Task, TaskCoordinator

from .context import Context

# Button route: the lead has not received a coordinator's input (cn:<task id>).
NOT_RECEIVED = "cn"


def _row(key: str, person, binding, kind: str, body: dict, now: datetime, task_id: int) -> dict:
    return {"key": people.push_key(key, person, binding), "channel": binding.channel, "chat_id": binding.chat_id,
            "person_id": person.id, "task_id": task_id, "kind": kind, "payload": body,
            "not_before": now.astimezone(UTC)}


def after_report(ctx: Context, task: Task, report: ProgressReport) -> str:
    """An accepted report's consequences beyond the report: at-risk reasons it answers,
    and a coordinator's answer (recorded, late or not, and pushed to the lead unit).
    Returns a line to add to the reply ('' for none)."""
    after = risk.after_report(task.at_risk or "", kind=report.kind, by_lead=report.unit_id == task.lead_unit_id,
                         milestone=report.milestone, deadline=task.deadline)
    acc.report_accepted(ctx.session, task, report, ctx.now, after, actor=ctx.actor)
    if report.unit_id == task.lead_unit_id:
        return ""
    answer = acc.record_answer(ctx.session, task, report, ctx.now, ctx.today, actor=ctx.actor)
    _tell_lead(ctx.session, task, report, ctx.unit.name, ctx.now)
    if answer is not None and answer.late_days:
        return "\n" + ctx.t("coordination.answered_late", days=answer.late_days, deadline=fmt_date(answer.deadline))
    return ""


def _tell_lead(session: Session, task: Task, report: ProgressReport, unit: str, now: datetime) -> int:
    """Every person of the lead unit gets the coordinator's report, in full."""
    rows = []
    for person, binding in people.reachable(session, Person.unit_id == task.lead_unit_id):
        t = Translator(person.language)
        lines = [t("coordination.answer_pushed", id=task.id, unit=unit), shorten(task.action, 200), "",
                 shorten(report.text, 1500)]
        if report.milestone:
            lines.append(t("history.milestone", date=fmt_date(report.milestone)))
        if report.attachment_name:
            lines.append(t("history.attachment", name=report.attachment_name))
        rows.append(_row(f"coordanswer:{report.id}", person, binding, "coordination",
                         payload("\n".join(lines), [[Button(t("btn.details"), f"t:{task.id}")]]), now, task.id))
    return outbox.enqueue(session, rows)


def not_received_button(ctx: Context, arg: str) -> list[Reply]:
    """`cn:<task id>`: the lead unit has not received a coordinator's input, past its
    deadline. The coordinator is reminded and the office told (once a day each)."""
    t = ctx.t
    if not arg.isdigit():
        return [Reply(t("button.expired"), notice=t("button.expired"))]
    task = crud.visible_task(ctx.session, ctx.person, int(arg))
    if task is None or task.lead_unit_id != ctx.person.unit_id:
        return [Reply(t("tasks.not_found", id=arg), notice=t("tasks.not_found_short"))]
    overdue = acc.overdue_coordinators_of(ctx.session, task.id, ctx.today)
    if not overdue:
        return [Reply(t("coordination.none_overdue", id=task.id))]
    day = ctx.today.isoformat()
    rows = []
    for late in overdue:
        for person, binding in people.reachable(ctx.session, Person.unit_id == late.unit_id):
            tr = Translator(person.language)
            text = tr("coordination.chase", id=task.id, lead=ctx.unit.name, deadline=fmt_date(late.deadline),
                      action=shorten(task.action, 200))
            rows.append(_row(f"coordchase:{task.id}:{late.unit_id}:{day}", person, binding, "coordination",
                             payload(text, [task_buttons(tr, task.id)]), ctx.now, task.id))
    names = ", ".join(c.unit for c in overdue)
    for person, binding in people.office_staff(ctx.session):
        tr = Translator(person.language)
        text = tr("coordination.office_told", id=task.id, lead=ctx.unit.name, units=names,
                  action=shorten(task.action, 200))
        rows.append(_row(f"coordchase:{task.id}:office:{day}", person, binding, "coordination",
                         payload(text, [[Button(tr("btn.details"), f"t:{task.id}")]]), ctx.now, task.id))
    outbox.enqueue(ctx.session, rows)
    from storage.crud import audit

    audit.log(ctx.session, "coordinator.chased", "task", task.id, person_id=ctx.person.id, actor=ctx.actor,
              units=[c.unit_id for c in overdue])
    return [Reply(t("coordination.chased", id=task.id, units=names), notice=t("coordination.chased_short"))]


def coordinator_lines(ctx: Context, task: Task) -> tuple[list[str], bool]:
    """The task detail's lines on its coordinators (deadline, answered when, late by
    how much), and whether one is past its deadline without an answer."""
    t = ctx.t
    lines, overdue = [], False
    for c in acc.coordinator_states(ctx.session, task.id):
        if c.answered_at is not None:
            key = "coordination.line_late" if c.late_days else "coordination.line_answered"
            lines.append(t(key, unit=c.unit, deadline=fmt_date(c.deadline), days=c.late_days or 0,
                           at=fmt_date(c.answered_at.astimezone(ctx.tz).date())))
        elif c.deadline is not None:
            late = c.deadline < ctx.today
            overdue = overdue or late
            mine = c.unit_id == ctx.person.unit_id
            key = "task.coordinator_late" if late else (
                "coordination.line_mine" if mine else "coordination.line_waiting")
            lines.append(t(key, unit=c.unit, deadline=fmt_date(c.deadline)))
    return lines, overdue


def own_deadlines(session: Session, unit_id: int, task_ids: list[int]) -> dict:
    """A coordinating unit's own deadlines on a page's tasks it has not answered yet
    (one query, only when the page has coordinated tasks)."""
    if not task_ids:
        return {}
    tc = TaskCoordinator
    return dict(session.exec(select(tc.task_id, tc.deadline).where(
        tc.unit_id == unit_id, tc.task_id.in_(task_ids), tc.answered_at.is_(None), tc.deadline.is_not(None))).all())
