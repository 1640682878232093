"""The office's daily digest (working days, at the reminder hour): escalations that
got no answer, coordinating units late with their part ("phối hợp không đúng hạn") and
those who answered late since the last working day (a late answer stays late), tasks at
risk ("nguy cơ chậm"), blocked tasks (with their obstacle), completions awaiting review,
and in the week after the monthly reporting day, the standing tasks whose monthly report
did not come ("báo cáo không đúng hạn").
Enqueued through the outbox like every push, one per office person per day.
On the week's first working day the office also gets last week's summary per unit."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import and_, exists, func
from sqlalchemy import select as sa_select
from sqlmodel import Session, select

from locales import Translator
from office.period import Period
from office.summary import missed_monthly_counts, overdue_tasks, summarize
from office.text import render_weekly
from presentation.messages import payload
from presentation.render import fmt_date, shorten
from presentation.risk import reasons_text
from storage.crud import outbox, people, reviews, weakspots
from storage.crud.accountability import AtRiskTask, LateAnswer, at_risk_tasks, late_answers
from storage.crud.tasks import LateCoordinator, late_coordinators
from storage.db import Database
from storage.models import (
    OPEN_STATUSES,
    Indicator,
    Outbox,
    Person,
    ProgressReport,
    Task,
    Unit,
)
from workcalendar.monthly import previous_reporting_day, reporting_day

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
    """The day's digest, on the week's first working day the weekly one, and after the
    indicators' reporting day the month's indicator table."""
    return _enqueue_daily(db, now, cfg) + enqueue_weekly(db, now, cfg) + enqueue_indicator_table(db, now, cfg)


def _enqueue_daily(db: Database, now: datetime, cfg) -> int:
    """The day's digest to each office person, once a working day from the send hour on."""
    local = now.astimezone(cfg.tz)
    today = local.date()
    if not cfg.calendar.is_working_day(today) or local.time() < time(cfg.policy.send_hour):
        return 0
    with db.session() as session:
        staff = [(p, b) for p, b in people.office_staff(session)
                 if session.exec(select(Outbox.id).where(Outbox.key == _key(today, p, b))).first() is None]
        if not staff:  # nobody to tell, or today's digest is queued already (sweeps run every minute)
            return 0
        escalations = unanswered_escalations(session)
        late = late_coordinators(session, today)
        attention = Attention(*weakspots.blocked_tasks(session, limit=MAX_LINES),
                              reviews.pending(session, limit=MAX_LINES), reviews.pending_count(session))
        extra = DigestExtra(
            at_risk=at_risk_tasks(session, limit=MAX_LINES + 1),
            late_answers=late_answers(session, _day_start(cfg.calendar.previous_working_day(today, include=False),
                                                          cfg.tz), now),
            missed=missed_reports(session, today, cfg))
        if not escalations and not late and not extra and not attention:
            return 0
        rows = []
        for person, binding in staff:
            t = Translator(person.language)
            text = render_digest(t, today, escalations, late, extra)
            if attention:
                text += "\n" + render_attention(t, attention, cfg.tz)
            rows.append({"key": _key(today, person, binding), "channel": binding.channel,
                         "chat_id": binding.chat_id, "person_id": person.id, "kind": "digest", "not_before": now,
                         "payload": payload(text)})
        return outbox.enqueue(session, rows)


@dataclass
class Attention:
    """Blocked tasks and completions awaiting review, for the digest."""

    blocked: list[weakspots.BlockedTask]
    blocked_total: int
    awaiting: list[reviews.PendingReview]
    awaiting_total: int

    def __bool__(self) -> bool:
        return bool(self.blocked_total or self.awaiting_total)


def render_attention(t: Translator, attention: Attention, tz) -> str:
    lines = []
    if attention.blocked_total:
        lines += ["", t("digest.blocked", count=attention.blocked_total)]
        for item in attention.blocked:
            lines.append(t("digest.blocked_line", id=item.task_id, unit=item.unit, action=shorten(item.action, 60),
                           obstacle=shorten(item.obstacle, 100) or "—"))
        lines.append(t("digest.blocked_hint"))
    if attention.awaiting_total:
        lines += ["", t("digest.awaiting_review", count=attention.awaiting_total)]
        for pending in attention.awaiting:
            lines.append(t("digest.awaiting_line", id=pending.task.id, unit=pending.unit,
                           at=fmt_date(_local_day(pending.review.submitted_at, tz)),
                           output=shorten(pending.review.output, 80)))
        lines.append(t("digest.awaiting_hint"))
    return "\n".join(lines)


def _local_day(value: datetime, tz) -> date:
    return (value if value.tzinfo else value.replace(tzinfo=UTC)).astimezone(tz).date()


@dataclass
class DigestExtra:
    """What the digest says beyond escalations and unanswered coordinators."""

    at_risk: list[AtRiskTask] = field(default_factory=list)
    late_answers: list[LateAnswer] = field(default_factory=list)
    missed: tuple[date | None, list[tuple[str, int]]] = (None, [])  # the reporting day, (unit, tasks)

    def __bool__(self) -> bool:
        return bool(self.at_risk or self.late_answers or self.missed[1])


def _day_start(day: date, tz) -> datetime:
    return datetime.combine(day, time(), tzinfo=tz)


MISSED_SHOWN_DAYS = 7


def missed_reports(session: Session, today: date, cfg) -> tuple[date | None, list[tuple[str, int]]]:
    """In the week after the monthly reporting day: per lead unit, the standing tasks
    that missed that month's report (office.summary.missed_monthly_counts)."""
    day = cfg.policy.monthly_report_day
    due = reporting_day(today.year, today.month, day)
    if due >= today:
        due = previous_reporting_day(today, day)
    if (today - due).days > MISSED_SHOWN_DAYS:
        return None, []
    counts = missed_monthly_counts(session, Period(due, due), today, monthly_day=day, tz=cfg.tz)
    if not counts:
        return due, []
    names = dict(session.exec(select(Unit.id, Unit.name).where(Unit.id.in_(list(counts)))).all())
    return due, sorted(((names.get(uid, "?"), n) for uid, n in counts.items()), key=lambda x: (-x[1], x[0]))


def _key(day: date, person, binding) -> str:
    return people.push_key(f"digest:{day.isoformat()}", person, binding)


def render_digest(t: Translator, today: date, escalations: list[tuple[Task, str]],
                  late: list[LateCoordinator], extra: DigestExtra | None = None) -> str:
    lines = [t("digest.title", date=fmt_date(today))]
    extra = extra or DigestExtra()
    if extra.at_risk:
        lines += ["", t("digest.at_risk", count=len(extra.at_risk) if len(extra.at_risk) <= MAX_LINES
                        else f"{MAX_LINES}+")]
        for risky in extra.at_risk[:MAX_LINES]:
            lines.append(t("digest.at_risk_line", id=risky.id, unit=risky.lead,
                           deadline=fmt_date(risky.deadline) if risky.deadline else t("due.none"),
                           reasons=reasons_text(t, risky.reasons), action=shorten(risky.action, 60)))
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
    if extra.late_answers:
        lines += ["", t("digest.late_answers", count=len(extra.late_answers))]
        for answer in extra.late_answers[:MAX_LINES]:
            lines.append(t("digest.late_answer_line", id=answer.task_id, unit=answer.unit, lead=answer.lead,
                           deadline=fmt_date(answer.deadline), days=answer.late_days))
    due, missed = extra.missed
    if missed:
        lines += ["", t("digest.missed_monthly", date=fmt_date(due), count=sum(n for _, n in missed))]
        lines += [t("digest.missed_line", unit=unit, count=n) for unit, n in missed[:MAX_LINES]]
    if len(escalations) > MAX_LINES or len(late) > MAX_LINES or len(extra.at_risk) > MAX_LINES:
        lines += ["", t("digest.more")]
    return "\n".join(lines)


def enqueue_indicator_table(db: Database, now: datetime, cfg) -> int:
    """"Sở Tài chính định kỳ hằng tháng tổng hợp": on the first working day after the
    month's last indicator reporting day (the 23rd by default), from the send hour on,
    office staff get the month's table of every indicator and each aggregating unit's
    people the table of what it aggregates; keyed by month, so once a month. Other days
    cost one small query."""
    local = now.astimezone(cfg.tz)
    today = local.date()
    if local.time() < time(cfg.policy.send_hour) or not cfg.calendar.is_working_day(today):
        return 0
    with db.session() as session:
        last_day = session.exec(select(func.max(Indicator.report_day)).where(
            Indicator.year == today.year, Indicator.active == True)).first()  # noqa: E712
        if not last_day or today.day <= last_day or \
                cfg.calendar.next_working_day(today.replace(day=last_day + 1)) != today:
            return 0
        key = f"indtable:{today.year}-{today.month:02d}"
        aggregators = {uid for (uid,) in session.execute(
            sa_select(Indicator.aggregator_unit_id).where(Indicator.year == today.year,
                                                          Indicator.aggregator_unit_id.is_not(None)).distinct())}
        recipients: list[tuple] = [(p, b, {}) for p, b in people.office_staff(session)]
        if aggregators:
            recipients += [(p, b, {"aggregator_id": p.unit_id}) for p, b in
                           people.reachable(session, Person.unit_id.in_(aggregators))]
        from office.indicators import month_table, render_table  # only in the month's push

        rows, tables = [], {}
        for person, binding, where in recipients:
            push_key = people.push_key(key, person, binding)
            if session.exec(select(Outbox.id).where(Outbox.key == push_key)).first() is not None:
                continue
            scope = tuple(where.items())
            if scope not in tables:
                tables[scope] = month_table(session, today.year, today.month, **where)
            if not tables[scope]:
                continue
            rows.append({"key": push_key, "channel": binding.channel, "chat_id": binding.chat_id,
                         "person_id": person.id, "kind": "digest", "not_before": now,
                         "payload": payload(render_table(Translator(person.language), tables[scope], today.year,
                                                         today.month))})
        return outbox.enqueue(session, rows)


def _weekly_key(today: date, person, binding) -> str:
    year, week, _ = today.isocalendar()
    return people.push_key(f"weekly:{year}-W{week:02d}", person, binding)


def enqueue_weekly(db: Database, now: datetime, cfg) -> int:
    """Last week's (Monday to Sunday) numbers per unit and today's overdue count, to each
    office person on the first working day of the week (Monday, or Tuesday after a
    holiday Monday) from the send hour on; keyed by ISO week, so once a week."""
    local = now.astimezone(cfg.tz)
    today = local.date()
    monday = today - timedelta(days=today.weekday())
    if (local.time() < time(cfg.policy.send_hour) or not cfg.calendar.is_working_day(today)
            or cfg.calendar.next_working_day(monday) != today):
        return 0
    with db.session() as session:
        staff = [(p, b) for p, b in people.office_staff(session)
                 if session.exec(select(Outbox.id).where(Outbox.key == _weekly_key(today, p, b))).first() is None]
        if not staff:
            return 0
        summary = summarize(session, Period.week_before(today), today, overdue_limit=1,
                            monthly_day=cfg.policy.monthly_report_day, tz=cfg.tz)
        # Everything overdue today, not only what last week's scope holds.
        _, summary.overdue_total = overdue_tasks(session, Period(today, today), today, limit=1)
        if not summary.units and not summary.overdue_total:
            return 0
        _, week, _ = (today - timedelta(days=7)).isocalendar()
        rows = [{"key": _weekly_key(today, person, binding), "channel": binding.channel, "chat_id": binding.chat_id,
                 "person_id": person.id, "kind": "weekly", "not_before": now,
                 "payload": payload(render_weekly(Translator(person.language), summary, str(week)))}
                for person, binding in staff]
        return outbox.enqueue(session, rows)
