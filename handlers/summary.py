"""The office's summaries in the chat: /tonghop (counts, KPI, overdue, late
coordinators), /baocaothang (recurring report duties, and a button that reminds the
units that have not reported), /bieudo (KPI chart) and /xuatbaocao (Excel).

Office staff see every unit; a unit head sees only their own unit; officials are
refused. Every file handed out is written to the audit log."""
from __future__ import annotations

from office import chart, xlsx
from office.period import Period, PeriodError, split_period
from office.summary import duty_status, find_units, remind_missing, summarize, unit_summaries
from office.text import MAX_OVERDUE_LINES, render_duties, render_summary
from presentation.messages import Button, Reply
from presentation.render import shorten
from storage.crud import audit
from storage.models import Unit

from . import roles, weakspots
from .context import Context
from .dates import _fold as fold
from .refusal import Refusal, expired

# Button route: remind the units that have not reported (/baocaothang).
REMIND_PREFIX = "bct"


def _scope(ctx: Context, args: str) -> tuple[Unit | None, Period]:
    """The unit and period asked for ("Sở Tài chính 5/2026"); refused when unclear. The
    command's roles are checked by the router; a head always gets their own unit."""
    t = ctx.t
    try:
        name, period = split_period(args, ctx.today)
    except PeriodError as exc:
        raise Refusal(Reply(t(exc.key, **exc.params) + "\n" + t("summary.usage"))) from None
    period = period or Period.month_of(ctx.today)
    unit = None
    if name:
        found = find_units(ctx.session, name)
        if not found:
            raise Refusal(Reply(t("summary.unknown_unit", name=shorten(name, 60)) + "\n" + t("summary.usage")))
        if len(found) > 1:
            raise Refusal(Reply(t("summary.ambiguous_unit", name=shorten(name, 60),
                                  units=", ".join(u.name for u in found[:6]))))
        unit = found[0]
    if not roles.is_office(ctx):
        if unit is not None and unit.id != ctx.person.unit_id:
            raise Refusal(Reply(t("summary.head_own_unit", unit=ctx.unit.name)))
        unit = ctx.unit
    return unit, period


def summary_command(ctx: Context, args: str) -> list[Reply]:
    """/tonghop [đơn vị] [tháng/năm | từ dd/mm/yyyy đến dd/mm/yyyy]; `/tonghop baocaotralai
    [đơn vị] [kỳ]`: the reports and products sent back (weakspots.render_returned)."""
    rest = _drill_down(args)
    drill = rest is not None
    unit, period = _scope(ctx, rest if drill else args)
    if drill:
        return [weakspots.render_returned(ctx, period, unit.id if unit else None, unit.name if unit else None)]
    summary = summarize(ctx.session, period, ctx.today, unit=unit, overdue_limit=MAX_OVERDUE_LINES,
                        monthly_day=ctx.rules.monthly_report_day, tz=ctx.tz)
    hint = None
    if roles.is_office(ctx):
        hint = f"/xuatbaocao {unit.name + ' ' if unit else ''}{period.arg}"
    reply = Reply(render_summary(ctx.t, summary, unit=unit.name if unit else None, export_hint=hint))
    if summary.totals.rejected_reports or summary.totals.returned:
        data = f"{weakspots.RETURNED_PREFIX}:{period.key}" + (f":{unit.id}" if unit else "")
        reply.buttons = [[Button(ctx.t("returned.button", count=summary.totals.rejected_reports
                                       + summary.totals.returned), data)]]
    return [reply]


def _drill_down(args: str) -> str | None:
    """The rest of `/tonghop baocaotralai …` ("báo cáo trả lại", "tralai", "returned"), or None."""
    folded = fold(args).lower()  # one character for one: positions hold in `args`
    for word in weakspots.RETURNED_WORDS:
        if folded == word or folded.startswith(word + " "):
            return args[len(word):].strip()
    return None


def chart_command(ctx: Context, args: str) -> list[Reply]:
    """/bieudo [tháng | khoảng ngày]: the on-time rate per unit as a picture."""
    unit, period = _scope(ctx, args)
    rows = unit_summaries(ctx.session, period, ctx.today, unit.id if unit else None,
                          monthly_day=ctx.rules.monthly_report_day, tz=ctx.tz)
    label = period.label(ctx.t)
    image = chart.kpi_png(rows, label, ctx.t)
    audit.log(ctx.session, "report.chart", "report", None, person_id=ctx.person.id, actor=ctx.actor,
              period=period.key, unit=unit.name if unit else None, units=len(rows))
    return [Reply(ctx.t("summary.chart_caption", period=label), file=(f"kpi-{period.slug}.png", image))]


def export_command(ctx: Context, args: str) -> list[Reply]:
    """/xuatbaocao [đơn vị] [tháng | khoảng ngày]: the period's workbook (office only)."""
    unit, period = _scope(ctx, args)
    data, count = xlsx.build_workbook(ctx.session, period, ctx.today, ctx.tz, ctx.t, unit=unit,
                                      monthly_day=ctx.rules.monthly_report_day)
    name = f"nhacviec-{period.slug}.xlsx"
    audit.log(ctx.session, "report.export", "report", None, person_id=ctx.person.id, actor=ctx.actor,
              period=period.key, unit=unit.name if unit else None, tasks=count, file=name, size=len(data))
    return [Reply(ctx.t("summary.export_caption", period=period.label(ctx.t), tasks=count), file=(name, data))]


def monthly_command(ctx: Context, args: str) -> list[Reply]:
    """/baocaothang [tháng]: the recurring report duties of the period, who has reported."""
    unit, period = _scope(ctx, args)
    duties = duty_status(ctx.session, period, ctx.tz, unit.id if unit else None)
    reply = Reply(render_duties(ctx.t, duties, period, ctx.today))
    if roles.is_office(ctx) and any(d.missing for d in duties):
        data = f"{REMIND_PREFIX}:{period.key}" + (f":{unit.id}" if unit else "")
        reply.buttons = [[Button(ctx.t("summary.btn_remind"), data)]]
    return [reply]


def remind_button(ctx: Context, arg: str) -> list[Reply]:
    """"Nhắc đơn vị chưa báo cáo": one reminder per person of each unit still missing,
    through the outbox; pressed again the same day, nothing is queued twice."""
    t = ctx.t
    key, _, unit_arg = arg.partition(":")
    period = Period.from_key(key)
    if period is None or (unit_arg and not unit_arg.isdigit()):
        raise expired(t)
    unit_id = int(unit_arg) if unit_arg else None
    result = remind_missing(ctx.session, period, ctx.today, ctx.now, ctx.tz, unit_id=unit_id,
                            actor=ctx.actor, person_id=ctx.person.id)
    if not result.units and not result.unreachable:
        text = t("summary.reminded_nothing_missing", period=period.label(t))
    elif result.queued:
        text = t("summary.reminded", count=result.queued, units=len(result.units))
    elif result.units:
        text = t("summary.reminded_already")
    else:
        text = ""
    if result.unreachable:
        text = (text + "\n" if text else "") + t("summary.unreachable", units=", ".join(result.unreachable))
    return [Reply(text, notice=t("summary.reminded_short", count=result.queued))]
