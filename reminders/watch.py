"""What the reminder sweep reads and writes beside the reminders themselves, for a batch
of tasks: their coordinators (and who has answered), the facts of their reports that
the at-risk rule and the monthly reminders need, the at-risk changes (stored, audited)
and the one push each raise sends to the unit head. Reads are per batch, never per
task, and only for the tasks that need them: a task far from its deadline, not
blocked, not at risk and dated needs no report read."""
from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any, NamedTuple

from sqlalchemy import bindparam, insert, select, update
from sqlmodel import Session

from locales import Translator
from presentation.messages import payload
from presentation.render import fmt_date, shorten
from presentation.risk import reasons_text
from storage.crud.people import push_key
from storage.models import AuditLog, ProgressReport, Task, TaskCoordinator
from workcalendar.monthly import report_window

from .risk import NOT_AT_RISK, Risk, RiskFacts, assess


class Coordinator(NamedTuple):
    unit_id: int
    deadline: date | None
    answered_at: object


def coordinators(session: Session, of_tasks) -> dict[int, list[Coordinator]]:
    """The batch's coordinators by task (`of_tasks`: a condition on task_id), in order."""
    tc = TaskCoordinator.__table__.c
    out: dict[int, list[Coordinator]] = {}
    for task_id, unit_id, deadline, answered in session.execute(
            select(tc.task_id, tc.unit_id, tc.deadline, tc.answered_at).where(of_tasks)
            .order_by(tc.task_id, tc.position)):
        out.setdefault(task_id, []).append(Coordinator(unit_id, deadline, answered))
    return out


def waiting_deadline(coords) -> date | None:
    """The earliest deadline of a coordinator who has not answered yet."""
    dates = [c.deadline for c in coords if c.answered_at is None and c.deadline is not None]
    return min(dates) if dates else None


class _Reports(NamedTuple):
    last: date | None        # the lead unit's latest accepted report, local date
    milestone: date | None   # its latest accepted progress report's milestone
    blocked_since: date | None


class Facts:
    """The lead unit's accepted reports of the batch's tasks that need them."""

    def __init__(self, by_task: dict[int, _Reports]):
        self.by_task = by_task

    def of(self, task_id: int) -> _Reports:
        return self.by_task.get(task_id) or _NONE

    def reported(self, task, reminder, cfg) -> bool:
        """Whether the month's report a monthly reminder asks for is in already."""
        due = reminder.on + timedelta(days=reminder.days)
        start, end = report_window(due, cfg.policy.monthly_report_day)
        last = self.of(task.id).last
        return last is not None and start < last <= end


_NONE = _Reports(None, None, None)


def _needs_reports(task, today: date, cfg) -> bool:
    if task.at_risk or task.status == "blocked" or task.deadline is None:
        return True
    # Within reach of "near" (working days; a calendar bound generous enough for Tết).
    return today <= task.deadline and (task.deadline - today).days <= 2 * cfg.risk.near_working_days + 14


_REPORTS_SQLITE = ("SELECT task_id, unit_id, kind, milestone, created_at FROM progressreport "
                   "WHERE accepted AND task_id IN (SELECT value FROM json_each(?)) ORDER BY task_id, created_at, id")


def report_facts(session: Session, tasks, today: date, cfg, among) -> Facts:
    ids = [t.id for t in tasks if _needs_reports(t, today, cfg)]
    if not ids:
        return Facts({})
    leads = {t.id: t.lead_unit_id for t in tasks}
    found: dict[int, _Reports] = {}
    rows: Any
    if session.get_bind().dialect.name == "sqlite":
        # The ids as one JSON parameter: an IN list of 2,000 parameters costs more to
        # build than the query (the batch's tasks mostly have no report at all).
        rows = session.connection().exec_driver_sql(_REPORTS_SQLITE, ("[" + ",".join(map(str, ids)) + "]",))
    else:
        rc = ProgressReport.__table__.c
        rows = session.execute(select(rc.task_id, rc.unit_id, rc.kind, rc.milestone, rc.created_at)
                               .where(among(rc.task_id, ids), rc.accepted.is_(True))
                               .order_by(rc.task_id, rc.created_at, rc.id))
    for task_id, unit_id, kind, milestone, created in rows:
        if isinstance(milestone, str):
            milestone = date.fromisoformat(milestone)
        if unit_id != leads.get(task_id):
            continue
        seen = found.get(task_id, _NONE)
        day = _local_day(created, cfg.tz)
        found[task_id] = _Reports(day, milestone if kind == "progress" else seen.milestone,
                                  day if kind == "blocked" else None)
    return Facts(found)


def _local_day(value, tz) -> date:
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(tz).date()


class Risks:
    """reminders.risk.assess for a sweep, once per distinct set of facts."""

    def __init__(self, today: date, cfg):
        self.today, self.cfg = today, cfg
        self.cache: dict[tuple, Risk] = {}

    def assess(self, task, facts: Facts, waiting: date | None) -> Risk:
        if task.status not in ("open", "in_progress", "blocked"):
            return NOT_AT_RISK
        reports = facts.by_task.get(task.id) or _NONE
        blocked = reports.blocked_since if task.status == "blocked" else None
        key = (task.deadline, task.status, reports.last, reports.milestone, blocked, waiting)
        hit = self.cache.get(key)
        if hit is None:
            hit = self.cache[key] = assess(RiskFacts(*key), self.today, self.cfg.calendar, self.cfg.risk)
        return hit


class RiskChange(NamedTuple):
    task_id: int
    lead_unit_id: int
    deadline: date | None
    before: str
    after: str
    on: date


def risk_pushes(session: Session, changes: list[RiskChange], people: dict, now: datetime) -> list[dict]:
    """One push per head of the lead unit when a task becomes at risk, keyed by the task
    and its deadline: raised again later (or by another sweep) it is not pushed twice;
    an extension's new deadline may warn again."""
    raised = [c for c in changes if c.after and not c.before]
    if not raised:
        return []
    tc = Task.__table__.c
    actions = dict(session.execute(select(tc.id, tc.action).where(tc.id.in_([c.task_id for c in raised]))).all())
    rows = []
    for change in raised:
        for recipient in people.get(change.lead_unit_id, []):
            person, binding = recipient.person, recipient.binding
            if person.role != "head":
                continue
            t = Translator(person.language)
            text = risk_text(t, change.task_id, actions.get(change.task_id, ""), change.deadline, change.after)
            rows.append({"key": push_key(f"task:{change.task_id}:at_risk:{change.deadline}", person, binding),
                         "channel": binding.channel, "chat_id": binding.chat_id, "person_id": person.id,
                         "task_id": change.task_id, "kind": "at_risk", "not_before": now,
                         "payload": payload(text, _buttons(t, change.task_id))})
    return rows


def _buttons(t: Translator, task_id: int):
    from presentation.messages import Button

    return [[Button(t("btn.details"), f"t:{task_id}")]]


def risk_text(t: Translator, task_id: int, action: str, deadline: date | None, code: str) -> str:
    lines = [t("risk.pushed", id=task_id), shorten(action, 300)]
    if deadline:
        lines.append(t("remind.deadline", date=fmt_date(deadline)))
    lines.append(t("risk.why", reasons=reasons_text(t, code)))
    return "\n".join(lines)


def store_risk(session: Session, changes: list[RiskChange]) -> None:
    """The batch's at-risk changes on the tasks, each audited (raised, changed, cleared)."""
    if not changes:
        return
    task = Task.__table__
    started = [{"tid": c.task_id, "code": c.after, "since": c.on if c.after else None}
               for c in changes if not c.before or not c.after]
    moved = [{"tid": c.task_id, "code": c.after} for c in changes if c.before and c.after]
    if started:
        session.execute(update(task).where(task.c.id == bindparam("tid"))
                        .values(at_risk=bindparam("code"), at_risk_since=bindparam("since")), started)
    if moved:
        session.execute(update(task).where(task.c.id == bindparam("tid")).values(at_risk=bindparam("code")), moved)
    session.execute(insert(AuditLog.__table__), [
        {"at": datetime.now(UTC), "person_id": None, "actor": "sweep", "entity": "task", "entity_id": c.task_id,
         "action": "task.at_risk" if c.after and not c.before else "task.at_risk_cleared" if not c.after
         else "task.at_risk_changed", "detail": {"before": c.before, "after": c.after}}
        for c in changes])
