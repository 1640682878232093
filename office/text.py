"""The office's summaries as chat text, in the reader's language: /tonghop, the
weekly digest, /baocaothang and the duty reminder. Shared by the chat handlers, the
digest and the CLI, so the three say the same thing the same way."""
from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

from locales import Translator
from presentation.messages import Button, payload
from presentation.render import DETAIL_ROUTE, fmt_date, recurrence_label, shorten, task_buttons

if TYPE_CHECKING:
    from .period import Period
    from .summary import Duty, Summary, UnitSummary

# Telegram's limit is 4096; room for the hint line and a margin.
TEXT_BUDGET = 3800
MAX_UNIT_LINES = 30
MAX_OVERDUE_LINES = 25
MAX_LATE_LINES = 10


def percent(value: float | None) -> str:
    return "—" if value is None else f"{round(value * 100)}%"


def kpi_text(t: Translator, row: UnitSummary) -> str:
    if not row.kpi_base:
        # "quá hạn 2 · tỷ lệ: chưa có việc đến hạn" reads as a contradiction unless it
        # says that the overdue ones came due before the period.
        return t("summary.kpi_none_carried", overdue=row.overdue) if row.overdue else t("summary.kpi_none")
    return t("summary.kpi", rate=percent(row.kpi), done=row.done_on_time, base=row.kpi_base)


def counts_text(t: Translator, row: UnitSummary) -> str:
    text = t("summary.counts", total=row.total, open=row.open, on_time=row.done_on_time, late=row.done_late,
             overdue=row.overdue, extended=row.extended, awaiting=row.awaiting_report,
             rejected=row.rejected_reports)
    if row.awaiting_review or row.returned:
        text += t("summary.counts_review", awaiting=row.awaiting_review, returned=row.returned)
    return text + bar_text(t, row)


def bar_text(t: Translator, row: UnitSummary) -> str:
    """At risk, late coordination, missed monthly reports: said when there are any."""
    if not (row.at_risk or row.coordinator_late or row.missed_monthly):
        return ""
    return t("summary.counts_bar", at_risk=row.at_risk, coordinator_late=row.coordinator_late,
             missed=row.missed_monthly)


def unit_line(t: Translator, row: UnitSummary) -> str:
    return t("summary.unit_line", unit=row.unit, counts=counts_text(t, row), kpi=kpi_text(t, row))


class _Budget:
    """Lines added while they fit in the message."""

    def __init__(self, limit: int | None):
        self.lines: list[str] = []
        self.size = 0
        self.limit = limit

    def fits(self, line: str, reserve: int = 0) -> bool:
        return self.limit is None or self.size + len(line) + 1 + reserve <= self.limit

    def cap(self, items: list, most: int) -> list:
        """At most `most` items in a chat message; all of them without a limit (CLI)."""
        return items if self.limit is None else items[:most]

    def add(self, line: str) -> None:
        self.lines.append(line)
        self.size += len(line) + 1

    def add_fitting(self, lines: Iterable[str], reserve: int) -> int:
        """Adds lines in order while each fits with `reserve` left for what follows (a
        "… and N more" line, the footer); how many were added."""
        shown = 0
        for line in lines:
            if not self.fits(line, reserve=reserve):
                break
            self.add(line)
            shown += 1
        return shown


def render_summary(t: Translator, summary: Summary, *, unit: str | None = None, export_hint: str | None = None,
                   limit: int | None = TEXT_BUDGET) -> str:
    """Title, the totals, one line per unit, the overdue tasks oldest first, late
    coordinators; cut to fit one chat message, with `export_hint` (the command for
    the full list, said more pressingly when anything was left out). Without a
    `limit` (the CLI) nothing is cut."""
    period = summary.period.label(t)
    out = _Budget(limit)
    out.add(t("summary.title_unit", unit=unit, period=period) if unit else t("summary.title", period=period))
    out.add(t("summary.as_of", date=fmt_date(summary.today)))
    if not summary.units and not summary.late_coordinators:
        out.add("")
        out.add(t("summary.empty", period=period))
        return "\n".join(out.lines)
    cut = False
    out.add("")
    if unit:
        row = summary.units[0] if summary.units else None
        if row:
            out.add(counts_text(t, row))
            out.add(kpi_text(t, row))
    else:
        out.add(t("summary.totals", counts=counts_text(t, summary.totals), kpi=kpi_text(t, summary.totals)))
        out.add("")
        out.add(t("summary.units_header", count=len(summary.units)))
        shown = out.add_fitting((unit_line(t, row) for row in out.cap(summary.units, MAX_UNIT_LINES)), reserve=600)
        if shown < len(summary.units):
            out.add(t("summary.units_more", count=len(summary.units) - shown))
            cut = True
    if summary.overdue_total:
        out.add("")
        out.add(t("summary.overdue_header", count=summary.overdue_total))
        shown = out.add_fitting((_overdue_line(t, item) for item in out.cap(summary.overdue, MAX_OVERDUE_LINES)),
                                reserve=300)
        if shown < summary.overdue_total:
            out.add(t("summary.more", count=summary.overdue_total - shown))
            cut = True
    if summary.late_coordinators:
        out.add("")
        out.add(t("summary.late_header", count=summary.late_total))
        late = (t("digest.late_line", id=item.task_id, unit=item.unit, lead=item.lead, deadline=fmt_date(item.deadline))
                for item in out.cap(summary.late_coordinators, MAX_LATE_LINES))
        shown = out.add_fitting(late, reserve=150)
        if shown < summary.late_total:
            out.add(t("summary.more", count=summary.late_total - shown))
            cut = True
    out.add("")
    out.add(t("summary.kpi_note"))
    if export_hint:
        out.add(t("summary.export_hint_cut" if cut else "summary.export_hint", command=export_hint))
    return "\n".join(out.lines)


def _overdue_line(t: Translator, item) -> str:
    line = t("summary.overdue_line", id=item.task_id, unit=item.unit, deadline=fmt_date(item.deadline),
             days=item.days, action=shorten(item.action, 90))
    if item.original_deadline and item.original_deadline != item.deadline:
        line += t("summary.extended_from", date=fmt_date(item.original_deadline))
    return line


def render_weekly(t: Translator, summary: Summary, week: str) -> str:
    """The Monday digest: last week's numbers per unit and what is overdue now."""
    out = _Budget(TEXT_BUDGET)
    out.add(t("summary.weekly_title", week=week, period=summary.period.label(t)))
    out.add("")
    out.add(t("summary.totals", counts=counts_text(t, summary.totals), kpi=kpi_text(t, summary.totals)))
    out.add(t("summary.weekly_overdue", count=summary.overdue_total))
    if summary.units:
        out.add("")
        out.add(t("summary.units_header", count=len(summary.units)))
        shown = out.add_fitting((unit_line(t, row) for row in out.cap(summary.units, MAX_UNIT_LINES)), reserve=200)
        if shown < len(summary.units):
            out.add(t("summary.units_more", count=len(summary.units) - shown))
    out.add("")
    out.add(t("summary.weekly_hint"))
    return "\n".join(out.lines)


def duty_state_line(t: Translator, item, today: date) -> str:
    state = item.state(today)
    if state == "done_on_time":
        return t("summary.duty_done_on_time", unit=item.unit, date=fmt_date(item.completed_on))
    if state == "done_late":
        return t("summary.duty_done_late", unit=item.unit, date=fmt_date(item.completed_on))
    if state == "overdue":
        return t("summary.duty_overdue", unit=item.unit, days=(today - item.deadline).days)
    return t("summary.duty_pending", unit=item.unit, days=(item.deadline - today).days)


def render_duties(t: Translator, duties: list[Duty], period: Period, today: date,
                  limit: int = TEXT_BUDGET) -> str:
    """Each duty of the period: who has reported (on time or late), who has not."""
    out = _Budget(limit)
    out.add(t("summary.duty_title", period=period.label(t)))
    if not duties:
        out.add("")
        out.add(t("summary.duty_empty", period=period.label(t)))
        return "\n".join(out.lines)
    for duty in duties:
        out.add("")
        out.add(t("summary.duty_header", action=shorten(duty.action, 120),
                  recurrence=recurrence_label(t, duty.recurrence), deadline=fmt_date(duty.deadline)))
        if duty.directive:
            out.add(t("task.directive", label=shorten(duty.directive, 80)))
        out.add(t("summary.duty_counts", done=len(duty.done), total=len(duty.units),
                  missing=len(duty.missing)))
        # Who has not reported comes first: that is what the office acts on.
        ordered = sorted(duty.units, key=lambda u: (u.done, u.unit))
        shown = out.add_fitting((duty_state_line(t, item, today) for item in ordered), reserve=120)
        if shown < len(ordered):
            out.add(t("summary.units_more", count=len(ordered) - shown))
            break
    return "\n".join(out.lines)


def duty_payload(t: Translator, task_id: int, action: str, deadline: date, recurrence: str, directive: str,
                 today: date) -> dict:
    """The reminder a unit gets when the office presses "Nhắc đơn vị chưa báo cáo"."""
    days = (today - deadline).days
    head = (t("summary.duty_remind_overdue", id=task_id, days=days) if days > 0
            else t("summary.duty_remind", id=task_id, deadline=fmt_date(deadline)))
    lines = [head, shorten(action, 300), t("remind.deadline", date=fmt_date(deadline))
             + " · 🔁 " + recurrence_label(t, recurrence)]
    if directive:
        lines.append(t("task.directive", label=shorten(directive, 80)))
    lines.append(t("summary.duty_remind_ask"))
    return payload("\n".join(lines), [task_buttons(t, task_id), [Button(t("btn.details"), f"{DETAIL_ROUTE}:{task_id}")]])


MAX_OFFICIAL_LINES = 40


def decimal(t: Translator, value: float | None, digits: int = 1) -> str:
    """A number as the reader writes it: "3,5" in Vietnamese, "3.5" in English."""
    if value is None:
        return "—"
    text = f"{value:.{digits}f}"
    return text.replace(".", ",") if t.lang == "vi" else text


def official_line(t: Translator, row, *, with_unit: bool = True) -> str:
    """One official's figures (office.summary.OfficialSummary) on one line."""
    figures = t("kpi.figures", assigned=row.assigned, on_time=row.done_on_time, late=row.done_late,
                overdue=row.overdue, sent_back=row.sent_back, returned=row.returned,
                avg=decimal(t, row.avg_days_late))
    kpi = t("summary.kpi", rate=percent(row.kpi), done=row.done_on_time, base=row.kpi_base) if row.kpi_base \
        else t("summary.kpi_none")
    name = f"{row.name} ({row.unit})" if with_unit and row.unit else row.name
    return t("kpi.line", name=name, figures=figures, kpi=kpi)


def render_officials(t: Translator, rows: list, period: Period, today: date, *, unit: str | None = None,
                     limit: int | None = TEXT_BUDGET) -> str:
    """/tonghop canbo: one line per official, the unit's (or everyone's), cut to fit a message."""
    label = period.label(t)
    out = _Budget(limit)
    out.add(t("kpi.title_unit", unit=unit, period=label) if unit else t("kpi.title", period=label))
    out.add(t("summary.as_of", date=fmt_date(today)))
    out.add(t("kpi.legend"))
    if not rows:
        out.add("")
        out.add(t("kpi.empty", period=label))
        return "\n".join(out.lines)
    out.add("")
    shown = out.add_fitting(("• " + official_line(t, row, with_unit=unit is None)
                             for row in out.cap(rows, MAX_OFFICIAL_LINES)), reserve=80)
    if shown < len(rows):
        out.add(t("kpi.more", count=len(rows) - shown))
    return "\n".join(out.lines)


def render_own_kpi(t: Translator, row, period: Period, today: date) -> str:
    """/kpi: the reader's own figures, one per line."""
    label = period.label(t)
    lines = [t("kpi.own_title", period=label), t("summary.as_of", date=fmt_date(today)), ""]
    if row is None:
        lines.append(t("kpi.own_empty", period=label))
        return "\n".join(lines)
    lines += [t("kpi.own_assigned", count=row.assigned, open=row.open),
              t("kpi.own_done", on_time=row.done_on_time, late=row.done_late),
              t("kpi.own_overdue", count=row.overdue),
              t("kpi.own_rejected", sent_back=row.sent_back, returned=row.returned),
              t("kpi.own_avg_late", avg=decimal(t, row.avg_days_late)),
              t("summary.kpi", rate=percent(row.kpi), done=row.done_on_time, base=row.kpi_base)
              if row.kpi_base else t("summary.kpi_none")]
    return "\n".join(lines)
