"""The desk's pages (GET): Tổng quan, the chart, Nhiệm vụ (list, one task, an
attachment, the export), Văn bản, Báo cáo định kỳ. Each is a plain function that
Starlette runs in a worker thread."""
from __future__ import annotations

import unicodedata
from datetime import date
from urllib.parse import quote, urlencode

from sqlmodel import Session
from starlette.requests import Request
from starlette.responses import Response

from office.desk import (
    STATUS_CHOICES,
    TaskFilter,
    conditions,
    directive_choices,
    directive_rows,
    report_attachment,
    task_list,
    task_record,
    unit_choices,
)
from office.period import MAX_DAYS, Period
from office.summary import UnitSummary, duty_status, late_coordinators_in, unit_summaries
from presentation.risk import reasons_text
from storage.crud import audit, reviews
from storage.crud.accountability import shows_at_risk
from storage.crud.tasks import visible_task
from storage.models import Task

from .app import Desk, Viewer, desk_of, signed_in
from .dates import DateError, Fields, read_day, read_month, shown_day, shown_month
from .files import AttachmentError, fetch_attachment

LATE_SHOWN = 500
# Overview columns that sort, by their query value.
SORTS = {
    "unit": lambda r: r.unit.casefold(), "total": lambda r: r.total, "open": lambda r: r.open,
    "done_on_time": lambda r: r.done_on_time, "done_late": lambda r: r.done_late, "overdue": lambda r: r.overdue,
    "extended": lambda r: r.extended, "awaiting_report": lambda r: r.awaiting_report,
    "rejected_reports": lambda r: r.rejected_reports, "awaiting_review": lambda r: r.awaiting_review,
    "returned": lambda r: r.returned, "at_risk": lambda r: r.at_risk,
    "coordinator_late": lambda r: r.coordinator_late, "missed_monthly": lambda r: r.missed_monthly,
    "kpi": lambda r: -1 if r.kpi is None else r.kpi,
}


def _int(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() and len(value) < 10 else None


def _days(params, *names: str) -> tuple[dict[str, date | None], dict[str, DateError]]:
    """The date boxes of a form: what each holds (None when empty or unreadable), and
    the ones that could not be read."""
    read = {name: read_day(params.get(name)) for name in names}
    errors = {name: v for name, v in read.items() if isinstance(v, DateError)}
    return {name: v if isinstance(v, date) else None for name, v in read.items()}, errors


def period_of(params, today: date) -> tuple[Period, str | None, Fields]:
    """The period picked on a page: a month (`ky`: 05/2026, or 2026-05 in the desk's own
    links) or a range (`tu`, `den`: dd/mm/yyyy or ISO); this month when none. Also the
    reason when the range is not a period, and the boxes as the form shows them back."""
    days, errors = _days(params, "tu", "den")
    month = read_month(params.get("ky"), today)
    if isinstance(month, DateError):
        errors["ky"] = month
    period, error = Period.month_of(today), None
    start, end = days["tu"], days["den"]
    if start and end:
        if start > end:
            error = "web.bad_range"
        elif (end - start).days > MAX_DAYS:
            error = "web.range_too_long"
        else:
            period = Period(start, end)
    elif isinstance(month, Period):
        period = month
    if errors or error:  # the boxes as they were filled in, to correct
        shown = {"ky": shown_month(month) if isinstance(month, Period) else "",
                 "tu": shown_day(start), "den": shown_day(end)}
    elif period.is_month:
        shown = {"ky": shown_month(period)}
    else:
        shown = {"tu": shown_day(period.start), "den": shown_day(period.end)}
    return period, error, Fields(shown, errors)


def task_filter(params, viewer) -> tuple[TaskFilter, Fields]:
    status = params.get("status", "")
    days, errors = _days(params, "from", "to")
    f = TaskFilter(unit_id=_int(params.get("unit")) if viewer.is_office else None,
                   directive_id=_int(params.get("directive")),
                   status=status if status in STATUS_CHOICES else "",
                   overdue=params.get("overdue") == "1", at_risk=params.get("risk") == "1",
                   due_from=days["from"], due_to=days["to"],
                   text=unicodedata.normalize("NFC", " ".join(params.get("q", "").split()))[:200],
                   viewer_unit_id=viewer.unit_scope)
    return f, Fields({name: shown_day(d) for name, d in days.items()}, errors)


def _query(params, **changes) -> str:
    """The page's query string with some values changed (paging, sorting)."""
    values = {k: v for k, v in params.items() if v}
    values.update({k: str(v) for k, v in changes.items() if v not in (None, "")})
    for k, v in changes.items():
        if v in (None, ""):
            values.pop(k, None)
    return urlencode(values)


@signed_in
def overview(request: Request, desk: Desk, s: Session, viewer: Viewer) -> Response:
    """Per unit, the numbers of /tonghop (office.summary.unit_summaries), sortable; the
    chart; links to the overdue tasks and the late coordinating units."""
    today = desk.now().date()
    params = request.query_params
    period, error, dates = period_of(params, today)
    units = desk.recent.get(("units", viewer.unit_scope, period, today),
                            lambda: unit_summaries(s, period, today, viewer.unit_scope))
    totals = UnitSummary(None, "")
    for row in units:
        totals.add(row)
    sort = params.get("sort") if params.get("sort") in SORTS else "overdue"
    descending = params.get("dir", "desc" if sort != "unit" else "asc") == "desc"
    rows = sorted(units, key=lambda r: (SORTS[sort](r), r.unit), reverse=descending)
    return desk.render(request, "overview.html", viewer.t, _status(dates), viewer=viewer, rows=rows,
                       totals=totals, period=period, error=error, dates=dates, sort=sort, descending=descending,
                       chart_query=_period_query(period), query=lambda **c: _query(params, **c))


def _status(dates: Fields) -> int:
    """400 when a date box could not be read (the page still answers, with why)."""
    return 400 if dates.errors else 200


def _period_query(period: Period) -> str:
    return urlencode({"ky": period.key} if period.is_month else
                     {"tu": period.start.isoformat(), "den": period.end.isoformat()})


@signed_in
def late_coordinators(request: Request, desk: Desk, s: Session, viewer: Viewer) -> Response:
    """Coordinating units past their own deadline with no report on an unfinished task
    (the list of /tonghop, office.summary.late_coordinators_in), oldest first."""
    today = desk.now().date()
    period, error, dates = period_of(request.query_params, today)
    late, total = desk.recent.get(("late", viewer.unit_scope, period, today), lambda: late_coordinators_in(
        s, period, today, None if viewer.is_office else viewer.unit, limit=LATE_SHOWN))
    return desk.render(request, "late.html", viewer.t, _status(dates), viewer=viewer, late=late, total=total,
                       period=period, error=error, dates=dates)


def chart(request: Request) -> Response:
    desk = desk_of(request)
    with desk.session() as s:
        viewer = desk.viewer(request, s)
        if isinstance(viewer, Response):
            return viewer
        today = desk.now().date()
        period, _error, _dates = period_of(request.query_params, today)

        def draw() -> bytes:
            rows = unit_summaries(s, period, today, viewer.unit_scope)
            from office import chart  # matplotlib: loaded on the first chart, not at start

            return chart.kpi_png(rows, period.label(viewer.t), viewer.t)

        png = desk.recent.get(("chart", viewer.unit_scope, period, viewer.t.lang, today), draw)
    return Response(png, media_type="image/png", headers={"cache-control": "private, max-age=60"})


@signed_in
def tasks(request: Request, desk: Desk, s: Session, viewer: Viewer) -> Response:
    today = desk.now().date()
    params = request.query_params
    f, dates = task_filter(params, viewer)
    found = task_list(s, f, today, page=_int(params.get("page")) or 1)
    return desk.render(request, "tasks.html", viewer.t, _status(dates), viewer=viewer, f=f, dates=dates,
                       found=found,
                       units=unit_choices(s) if viewer.is_office else [], directives=directive_choices(s),
                       statuses=STATUS_CHOICES, query=lambda **c: _query(params, **c),
                       reasons=lambda code: reasons_text(viewer.t, code))


def export(request: Request) -> Response:
    """The current filter of Nhiệm vụ as the /xuatbaocao workbook (office only, as in the chat)."""
    desk = desk_of(request)
    with desk.session() as s:
        viewer = desk.viewer(request, s)
        if isinstance(viewer, Response):
            return viewer
        if not viewer.is_office:
            return desk.forbidden(request, viewer)
        today = desk.now().date()
        f, dates = task_filter(request.query_params, viewer)
        if dates.errors:  # not a workbook of some other filter than the one asked
            error = next(iter(dates.errors.values()))
            t = viewer.t
            return desk.message(request, t, 400, t("web.dates_bad_title"), t(error.key, value=error.typed), viewer)
        if f.due_from and f.due_to and f.due_from <= f.due_to and (f.due_to - f.due_from).days <= MAX_DAYS:
            period = Period(f.due_from, f.due_to)
        else:
            period = Period.month_of(today)
        from office import xlsx  # loaded on the first export

        data, count = xlsx.build_workbook(s, period, today, desk.tz, viewer.t, where=conditions(f, today))
        name = f"nhacviec-{period.slug}.xlsx"
        audit.log(s, "report.export", "report", None, person_id=viewer.person.id, actor=f"web:{viewer.person.id}",
                  period=period.key, tasks=count, file=name, size=len(data),
                  filter={k: str(v) for k, v in f.__dict__.items() if v not in (None, "", False)})
    return Response(data, media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    headers={"content-disposition": f'attachment; filename="{name}"'})


@signed_in
def task(request: Request, desk: Desk, s: Session, viewer: Viewer) -> Response:
    found = visible_task(s, viewer.person, request.path_params["task_id"])
    if found is None:  # another unit's task answers as a missing one
        return desk.not_found(request, viewer)
    return task_page(request, desk, s, viewer, found)


def task_page(request: Request, desk: Desk, s: Session, viewer: Viewer, found: Task, *,
              refused: tuple[int, DateError] | None = None) -> Response:
    """One task; `refused`: an extension whose approval date could not be read (the
    page again, 400, with why next to that box and what was typed in it)."""
    record = task_record(s, found)
    completions = list(reversed(reviews.of_task(s, found.id)))
    risk = reasons_text(viewer.t, found.at_risk) if shows_at_risk(found.status, found.at_risk) else ""
    approve = {e.id: Fields({"date": shown_day(e.requested_deadline)}, {}) for e in record.extensions}
    if refused:
        approve[refused[0]] = Fields({}, {"date": refused[1]})
    return desk.render(request, "task.html", viewer.t, 400 if refused else 200, viewer=viewer, record=record,
                       task=found, completions=completions, risk=risk, approve=approve)


def attachment(request: Request) -> Response:
    desk = desk_of(request)
    with desk.session() as s:
        viewer = desk.viewer(request, s)
        if isinstance(viewer, Response):
            return viewer
        task_id = request.path_params["task_id"]
        found = visible_task(s, viewer.person, task_id)
        ref = report_attachment(s, task_id, request.path_params["report_id"]) if found else None
        if ref is None:
            return desk.not_found(request, viewer)
        audit.log(s, "web.attachment", "task", task_id, person_id=viewer.person.id,
                  actor=f"web:{viewer.person.id}", report_id=request.path_params["report_id"])
    try:
        content, _mime = fetch_attachment(desk.settings, ref[0])
    except AttachmentError:
        t = viewer.t
        return desk.message(request, t, 502, t("web.attachment_failed_title"), t("web.attachment_failed"), viewer)
    # Never rendered by the browser whatever the platform called it: a download.
    return Response(content, media_type="application/octet-stream",
                    headers={"content-disposition": f"attachment; filename*=UTF-8''{quote(ref[1])}"})


@signed_in
def directives(request: Request, desk: Desk, s: Session, viewer: Viewer) -> Response:
    rows = directive_rows(s, desk.now().date(), viewer.unit_scope)
    return desk.render(request, "directives.html", viewer.t, viewer=viewer, rows=rows)


@signed_in
def duties(request: Request, desk: Desk, s: Session, viewer: Viewer) -> Response:
    today = desk.now().date()
    period, error, dates = period_of(request.query_params, today)
    found = duty_status(s, period, desk.tz, viewer.unit_scope)
    return desk.render(request, "duties.html", viewer.t, _status(dates), viewer=viewer, duties=found,
                       period=period, error=error, dates=dates)
