"""The period's report as an Excel workbook (office/sheetfile.py writes the file: a
month of 100,000 tasks in about a second, where openpyxl took twelve).

Sheets: "Nhiệm vụ" (every task of the period), "Đơn vị" (KPI per unit), "Chậm tiến
độ" (overdue tasks, oldest first), "Báo cáo định kỳ" (recurring duties × units), "Báo
cáo bị trả lại" (reports the quality gate sent back and products the office returned:
who, when, the text, what was missing or why), "Nguy cơ chậm" (tasks at risk now, with
the reasons), "Phối hợp" (coordinating units' parts with their deadlines: answered on
time, answered late by N days, or still due), "Cán bộ" (KPI per official), "Chỉ tiêu"
(the period's months of indicators, office.indicators).
Each has a styled header row, frozen, with an autofilter; dates are real Excel dates
shown dd/mm/yyyy; rates are numbers shown as percentages."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import and_, case, func
from sqlmodel import Session, select

from locales import Translator
from presentation.render import recurrence_label
from storage.crud.accountability import is_at_risk
from storage.crud.weakspots import sent_back
from storage.models import OPEN_STATUSES, CompletionReview, Directive, ProgressReport, Task, TaskCoordinator, Unit

from .indicators import indicators_sheet
from .period import Period
from .sheetfile import BOLD, BOLD_PERCENT, DATE, DATETIME, PERCENT, WRAP, Book, Styled
from .summary import UnitSummary, duty_status, in_scope, is_extended, official_summaries, unit_summaries


@dataclass(frozen=True)
class TaskLine:
    id: int
    directive: str
    lead: str
    coordinators: str
    action: str
    deadline: date | None
    original_deadline: date | None
    status: str
    completed_on: date | None
    completed_late: bool | None
    extended: bool
    last_report: str
    days_late: int
    auto_accepted: bool = False


def _local(value: datetime | None, tz) -> date | None:
    if value is None:
        return None
    return (value if value.tzinfo else value.replace(tzinfo=UTC)).astimezone(tz).date()


def task_lines(session: Session, period: Period, today: date, tz, unit_id: int | None = None,
               where: list | None = None) -> list[TaskLine]:
    """Every task of the period with its lead, coordinators and last accepted report:
    three queries whatever the number of tasks (no query per task). `where` (the web
    desk's filter, office.desk.conditions) replaces the period's scope."""
    scope = and_(*where) if where is not None else in_scope(period)
    last = (select(ProgressReport.task_id.label("task_id"), func.max(ProgressReport.id).label("report_id"))
            .join(Task, Task.id == ProgressReport.task_id)
            .where(ProgressReport.accepted == True, scope)  # noqa: E712
            .group_by(ProgressReport.task_id))
    auto = (select(CompletionReview.task_id).join(Task, Task.id == CompletionReview.task_id)
            .where(CompletionReview.status == "accepted", CompletionReview.auto == True, scope))  # noqa: E712
    coords = (select(TaskCoordinator.task_id, Unit.name).join(Unit, Unit.id == TaskCoordinator.unit_id)
              .join(Task, Task.id == TaskCoordinator.task_id).where(scope)
              .order_by(TaskCoordinator.task_id, TaskCoordinator.position))
    if unit_id is not None:
        last = last.where(Task.lead_unit_id == unit_id)
        coords = coords.where(Task.lead_unit_id == unit_id)
    last_report = last.subquery("last_report")
    query = (
        select(Task.id, Directive.number, Directive.title, Unit.name, Task.action, Task.deadline,
               Task.original_deadline, Task.status, Task.completed_at, Task.completed_late,
               case((is_extended(), 1), else_=0), ProgressReport.created_at, ProgressReport.text)
        .join(Unit, Unit.id == Task.lead_unit_id)
        .outerjoin(Directive, Directive.id == Task.directive_id)
        .outerjoin(last_report, last_report.c.task_id == Task.id)
        .outerjoin(ProgressReport, ProgressReport.id == last_report.c.report_id)
        .where(scope).order_by(Unit.name, Task.deadline, Task.id)
    )
    if unit_id is not None:
        query = query.where(Task.lead_unit_id == unit_id)
    if unit_id is not None:
        auto = auto.where(Task.lead_unit_id == unit_id)
    auto_accepted = set(session.exec(auto).all())
    coordinators: dict[int, list[str]] = defaultdict(list)
    for task_id, name in session.exec(coords):
        coordinators[task_id].append(name)
    lines = []
    for (task_id, number, title, lead, action, deadline, original, status, completed_at, late, extended,
         report_at, report_text) in session.exec(query):
        completed_on = _local(completed_at, tz)
        if status == "done":
            days = max(0, (completed_on - deadline).days) if late and completed_on and deadline else 0
        else:
            days = (today - deadline).days if deadline and deadline < today else 0
        report = f"{_local(report_at, tz):%d/%m/%Y}: {' '.join(report_text.split())}" if report_at else ""
        lines.append(TaskLine(id=task_id, directive=number or title or "", lead=lead,
                              coordinators=", ".join(coordinators.get(task_id, [])), action=action,
                              deadline=deadline, original_deadline=original, status=status,
                              completed_on=completed_on, completed_late=late, extended=bool(extended),
                              last_report=report, days_late=days, auto_accepted=task_id in auto_accepted))
    return lines


class _Sheet:
    """A sheet of the workbook: header row, widths, frozen header and autofilter
    (office/sheetfile.py writes them)."""

    def __init__(self, book: Book, title: str, columns: list[tuple[str, float]]):
        self.sheet = book.sheet(title, columns)

    @staticmethod
    def cell(value, style: int | None = None):
        return Styled(value, style) if style else value

    def wrap(self, value: str):
        return Styled(value, WRAP)

    def date(self, value: date | None):
        return Styled(value, DATE)

    def append(self, values: list) -> None:
        self.sheet.append(values)

    def close(self) -> None:
        pass


def build_workbook(session: Session, period: Period, today: date, tz, t: Translator, *,
                   unit: Unit | None = None, monthly_day: int = 23, where: list | None = None) -> tuple[bytes, int]:
    """The workbook's bytes and the number of tasks in it. With `where` (a filter's
    conditions) the task, overdue and at-risk sheets hold the tasks it selects; the
    unit and duty sheets stay the period's."""
    unit_id = unit.id if unit else None
    tasks = task_lines(session, period, today, tz, None if where is not None else unit_id, where)
    units = sorted(unit_summaries(session, period, today, unit_id, monthly_day=monthly_day, tz=tz),
                   key=lambda r: r.unit)
    duties = duty_status(session, period, tz, unit_id)
    wb = Book(title=t("summary.xlsx_title", period=period.label(t)), creator="Nhắc Việc")
    yes = t("summary.xlsx_yes")

    sheet = _Sheet(wb, t("summary.xlsx_sheet_tasks"), [
        (t("summary.xlsx_id"), 8), (t("summary.xlsx_directive"), 22), (t("summary.xlsx_lead"), 26),
        (t("summary.xlsx_coordinators"), 30), (t("summary.xlsx_action"), 60), (t("summary.xlsx_deadline"), 12),
        (t("summary.xlsx_original_deadline"), 12), (t("summary.xlsx_status"), 16),
        (t("summary.xlsx_completed_on"), 13), (t("summary.xlsx_last_report"), 50),
        (t("summary.xlsx_days_late"), 10), (t("summary.xlsx_extended"), 10), (t("summary.xlsx_review"), 16)])
    for line in tasks:
        sheet.append([line.id, sheet.wrap(line.directive), line.lead, sheet.wrap(line.coordinators),
                      sheet.wrap(line.action), sheet.date(line.deadline), sheet.date(line.original_deadline),
                      t(f"status.{line.status}"), sheet.date(line.completed_on), sheet.wrap(line.last_report),
                      line.days_late, yes if line.extended else "",
                      t("summary.xlsx_auto_accepted") if line.auto_accepted else ""])
    sheet.close()

    sheet = _Sheet(wb, t("summary.xlsx_sheet_units"), [
        (t("summary.xlsx_unit"), 32), (t("summary.xlsx_total"), 9), (t("summary.xlsx_open"), 11),
        (t("summary.xlsx_done_on_time"), 12), (t("summary.xlsx_done_late"), 12), (t("summary.xlsx_overdue"), 10),
        (t("summary.xlsx_extended"), 10), (t("summary.xlsx_awaiting"), 12), (t("summary.xlsx_rejected"), 12),
        (t("summary.xlsx_due"), 11), (t("summary.xlsx_kpi_base"), 12), (t("summary.xlsx_kpi"), 12),
        (t("summary.xlsx_awaiting_review"), 12), (t("summary.xlsx_returned"), 12),
        (t("summary.xlsx_at_risk"), 11), (t("summary.xlsx_coordinator_late"), 12),
        (t("summary.xlsx_missed_monthly"), 13)])
    totals = UnitSummary(None, t("summary.xlsx_all_units"))
    for row in units:
        totals.add(row)
    for row, bold in [(r, False) for r in units] + ([(totals, True)] if units else []):
        values = [row.unit, row.total, row.open, row.done_on_time, row.done_late, row.overdue, row.extended,
                  row.awaiting_report, row.rejected_reports, row.due, row.kpi_base]
        sheet.append([sheet.cell(v, BOLD if bold else None) for v in values]
                     + [sheet.cell(row.kpi, BOLD_PERCENT if bold else PERCENT)]
                     + [sheet.cell(v, BOLD if bold else None)
                        for v in (row.awaiting_review, row.returned, row.at_risk, row.coordinator_late,
                                  row.missed_monthly)])
    sheet.close()

    sheet = _Sheet(wb, t("summary.xlsx_sheet_overdue"), [
        (t("summary.xlsx_id"), 8), (t("summary.xlsx_directive"), 22), (t("summary.xlsx_lead"), 26),
        (t("summary.xlsx_action"), 60), (t("summary.xlsx_deadline"), 12), (t("summary.xlsx_original_deadline"), 12),
        (t("summary.xlsx_days_overdue"), 11), (t("summary.xlsx_status"), 16), (t("summary.xlsx_last_report"), 50)])
    overdue = sorted((x for x in tasks if x.status in OPEN_STATUSES and x.deadline and x.deadline < today),
                     key=lambda x: (x.deadline, x.id))
    for line in overdue:
        sheet.append([line.id, sheet.wrap(line.directive), line.lead, sheet.wrap(line.action),
                      sheet.date(line.deadline), sheet.date(line.original_deadline), line.days_late,
                      t(f"status.{line.status}"), sheet.wrap(line.last_report)])
    sheet.close()

    sheet = _Sheet(wb, t("summary.xlsx_sheet_duties"), [
        (t("summary.xlsx_action"), 50), (t("summary.xlsx_directive"), 22), (t("summary.xlsx_recurrence"), 22),
        (t("summary.xlsx_deadline"), 12), (t("summary.xlsx_unit"), 30), (t("summary.xlsx_duty_state"), 24),
        (t("summary.xlsx_completed_on"), 13), (t("summary.xlsx_id"), 8)])
    for duty in duties:
        for item in sorted(duty.units, key=lambda u: u.unit):
            sheet.append([sheet.wrap(duty.action), sheet.wrap(duty.directive),
                          recurrence_label(t, duty.recurrence), sheet.date(item.deadline), item.unit,
                          t(f"summary.xlsx_duty_{item.state(today)}"), sheet.date(item.completed_on), item.task_id])
    sheet.close()

    _sent_back_sheet(wb, session, period, tz, t, unit_id)
    _accountability_sheets(wb, session, period, today, tz, t, unit_id, where)
    _officials_sheet(wb, official_summaries(session, period, today, tz, unit_id=unit_id), t)
    indicators_sheet(wb, session, period, t, unit_id=unit_id)
    return wb.save(), len(tasks)


def _officials_sheet(wb: Book, rows: list, t: Translator) -> None:
    """"Cán bộ": one row per official (office.summary.OfficialSummary defines the figures)."""
    sheet = _Sheet(wb, t("summary.xlsx_sheet_officials"), [
        (t("summary.xlsx_official"), 28), (t("summary.xlsx_unit"), 30), (t("summary.xlsx_assigned"), 11),
        (t("summary.xlsx_open"), 11), (t("summary.xlsx_done_on_time"), 12), (t("summary.xlsx_done_late"), 12),
        (t("summary.xlsx_overdue"), 10), (t("summary.xlsx_sent_back"), 13), (t("summary.xlsx_returned"), 13),
        (t("summary.xlsx_avg_days_late"), 12), (t("summary.xlsx_due"), 11), (t("summary.xlsx_kpi_base"), 12),
        (t("summary.xlsx_kpi"), 12)])
    for row in rows:
        avg = row.avg_days_late
        sheet.append([row.name, row.unit, row.assigned, row.open, row.done_on_time, row.done_late, row.overdue,
                      row.sent_back, row.returned, round(avg, 1) if avg is not None else None, row.due,
                      row.kpi_base, sheet.cell(row.kpi, PERCENT)])
    sheet.close()


def _sent_back_sheet(wb: Book, session: Session, period: Period, tz, t: Translator, unit_id: int | None) -> None:
    """"Báo cáo bị trả lại": every report the gate sent back and product the office
    returned on the period's tasks, newest first."""
    sheet = _Sheet(wb, t("summary.xlsx_sheet_returned"), [
        (t("summary.xlsx_returned_at"), 17), (t("summary.xlsx_id"), 8), (t("summary.xlsx_unit"), 28),
        (t("summary.xlsx_person"), 22), (t("summary.xlsx_kind"), 16), (t("summary.xlsx_text"), 60),
        (t("summary.xlsx_missing"), 40)])
    items, _ = sent_back(session, in_scope(period), unit_id=unit_id, limit=None)
    for item in items:
        at = item.at if item.at.tzinfo else item.at.replace(tzinfo=UTC)
        if item.kind == "product":
            kind, missing = t("returned.kind_product"), item.missing
        else:
            kind = t(f"report_kind.{item.kind}")
            missing = ", ".join(t(f"missing_short.{m}") for m in item.missing.split(",") if m)
        sheet.append([sheet.cell(at.astimezone(tz).replace(tzinfo=None), DATETIME), item.task_id, item.unit,
                      item.person, kind, sheet.wrap(item.text), sheet.wrap(missing)])
    sheet.close()


def _accountability_sheets(wb: Book, session: Session, period: Period, today: date, tz, t: Translator,
                           unit_id: int | None, where: list | None = None) -> None:
    """"Nguy cơ chậm" (open tasks at risk now; of those a filter selects, with `where`)
    and "Phối hợp" (the period's coordinator parts: answered on time, late by N days —
    a late answer stays late — or still due)."""
    from presentation.risk import reasons_text

    sheet = _Sheet(wb, t("summary.xlsx_sheet_at_risk"), [
        (t("summary.xlsx_id"), 8), (t("summary.xlsx_lead"), 26), (t("summary.xlsx_action"), 60),
        (t("summary.xlsx_deadline"), 12), (t("summary.xlsx_risk_since"), 12), (t("summary.xlsx_risk_reasons"), 50)])
    query = (select(Task.id, Unit.name, Task.action, Task.deadline, Task.at_risk_since, Task.at_risk)
             .join(Unit, Unit.id == Task.lead_unit_id)
             .where(is_at_risk(), *(where or ())).order_by(Task.deadline, Task.id))
    if unit_id is not None:
        query = query.where(Task.lead_unit_id == unit_id)
    for task_id, lead, action, deadline, since, code in session.exec(query):
        sheet.append([task_id, lead, sheet.wrap(action), sheet.date(deadline), sheet.date(since),
                      sheet.wrap(reasons_text(t, code))])
    sheet.close()

    sheet = _Sheet(wb, t("summary.xlsx_sheet_coordination"), [
        (t("summary.xlsx_id"), 8), (t("summary.xlsx_lead"), 26), (t("summary.xlsx_coordinator"), 26),
        (t("summary.xlsx_action"), 50), (t("summary.xlsx_coordinator_deadline"), 12),
        (t("summary.xlsx_answered_on"), 12), (t("summary.xlsx_days_late"), 10), (t("summary.xlsx_status"), 20)])
    lead = Unit.__table__.alias("lead")
    tc = TaskCoordinator
    query = (select(tc.task_id, lead.c.name, Unit.name, Task.action, tc.deadline, tc.answered_at, tc.late_days,
                    Task.status)
             .join(Task, Task.id == tc.task_id).join(Unit, Unit.id == tc.unit_id)
             .join(lead, lead.c.id == Task.lead_unit_id)
             .where(tc.deadline.is_not(None), tc.deadline.between(period.start, period.end), Task.status != "draft")
             .order_by(tc.deadline, tc.task_id))
    if unit_id is not None:
        query = query.where((tc.unit_id == unit_id) | (Task.lead_unit_id == unit_id))
    for task_id, lead_name, unit_name, action, deadline, answered_at, late_days, status in session.exec(query):
        answered = _local(answered_at, tz)
        if answered is not None:
            state, late = ("summary.xlsx_coord_late" if late_days else "summary.xlsx_coord_on_time"), late_days or 0
        elif deadline < today and status in OPEN_STATUSES:
            state, late = "summary.xlsx_coord_missing", (today - deadline).days
        else:
            state, late = "summary.xlsx_coord_due", 0
        sheet.append([task_id, lead_name, unit_name, sheet.wrap(action), sheet.date(deadline),
                      sheet.date(answered), late, t(state)])
    sheet.close()
