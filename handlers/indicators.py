"""/chitieu: monthly indicator figures ("bảng theo dõi theo tháng").

A unit's people report each of its indicators for the month, one at a time: the figure
is typed in Vietnamese forms (office.numbers), echoed back for confirmation, an
ambiguous one ("1.234") asked back. A figure short of plan is not taken without its
cause and remedy (office.indicators.check_shortfall). A figure already there is
corrected, never overwritten: the old one stays in the history (/chitieu lichsu).

    /chitieu [kỳ]                 report the month's figures (default: this month)
    /chitieu sua <số | tên> [kỳ]  correct one figure
    /chitieu tonghop [kỳ]         the month's table (office: all; an aggregating unit:
                                  what it aggregates; others: their unit's); without a
                                  period, this month once a figure is in, else last month
    /chitieu bieudo <tên> [năm]   plan against actual over the year, as a picture
    /chitieu lichsu <tên> [kỳ]    every figure entered for the month, corrections included
"""
from __future__ import annotations

import re

from office import indicators as ind
from office.numbers import Ambiguous, MeasureMismatch, NotANumber, fold, parse_number, to_measure
from office.period import Period, PeriodError, split_period
from presentation.messages import Button, Reply
from presentation.render import fmt_local, shorten
from storage.crud import audit, dialogs
from storage.crud import indicators as crud
from storage.models import Dialog, Indicator, IndicatorPlan

from . import roles
from .context import Context
from .reports import CANCEL

DIALOG = "indicator"
# Button route: ci:ok, ci:re, ci:a:<0|1>, ci:sk, ci:e:<indicator>:<yyyymm> (see `button`).
PREFIX = "ci"
SKIP_BUTTON = f"{PREFIX}:sk"
YES = {"dung", "ok", "co", "xac nhan", "yes", "y", "u", "uh", "dong y"}
# "⏭ Để sau" typed (Zalo shows it as a word to type, so that a bare number stays a figure).
SKIP = {"bo qua", "de sau", "skip", "later"}
REPORTERS = ("official", "head")
TEXT_BUDGET = 3800
_SUBCOMMANDS = {"tonghop": "summary", "tong hop": "summary", "summary": "summary", "bieudo": "chart",
                "bieu do": "chart", "chart": "chart", "sua": "edit", "edit": "edit", "lichsu": "history",
                "lich su": "history", "history": "history"}


def command(ctx: Context, args: str) -> list[Reply]:
    folded = fold(args)
    for word, sub in sorted(_SUBCOMMANDS.items(), key=lambda kv: -len(kv[0])):
        if folded == word or folded.startswith(word + " "):
            rest = " ".join(args.split()[len(word.split()):])
            return {"summary": summary, "chart": chart, "edit": edit, "history": history}[sub](ctx, rest)
    return report(ctx, args)


def _month(ctx: Context, args: str) -> tuple[str, int, int] | list[Reply]:
    """(the words before the period, year, month) from "<words> [5/2026]"; this month by default."""
    try:
        words, period = split_period(args, ctx.today)
    except PeriodError as exc:
        return [Reply(ctx.t(exc.key, **exc.params) + "\n" + ctx.t("ind.usage"))]
    period = period or Period.month_of(ctx.today)
    return words, period.start.year, period.start.month


# --------------------------------------------------------------------------- reporting


def report(ctx: Context, args: str) -> list[Reply]:
    scope = _month(ctx, args)
    if isinstance(scope, list):
        return scope
    words, year, month = scope
    if words:
        return [Reply(ctx.t("ind.usage"))]
    indicators = crud.unit_indicators(ctx.session, ctx.person.unit_id, year)
    if not indicators or ctx.person.role not in REPORTERS:
        if roles.is_office(ctx) or ind.visible_scope(ctx.session, ctx.person, False).get("aggregator_id"):
            return summary(ctx, args)
        return [Reply(ctx.t("ind.none_for_unit", unit=ctx.unit.name, year=year))]
    done = crud.reported_ids(ctx.session, [i.id for i in indicators], year, month)
    overview = _overview(ctx, indicators, year, month)
    missing = [i.id for i in indicators if i.id not in done]
    if not missing:
        overview.text += "\n\n" + ctx.t("ind.all_reported")
        overview.buttons = _edit_buttons(ctx, indicators, year, month)
        return [overview]
    dialog = dialogs.start(ctx.session, ctx.person.id, DIALOG, None, "value",
                           {"year": year, "month": month, "todo": missing, "at": missing[0], "total": len(missing)})
    question = _ask(ctx, dialog)  # one message: a chat takes about one a second
    return [Reply(overview.text + "\n\n" + question.text, buttons=question.buttons)]


def _overview(ctx: Context, indicators: list[Indicator], year: int, month: int) -> Reply:
    t = ctx.t
    rows = {r.id: r for r in ind.month_table(ctx.session, year, month, unit_id=ctx.person.unit_id)}
    lines = [t("ind.overview", unit=ctx.unit.name, month=f"{month:02d}/{year}")]
    for number, indicator in enumerate(indicators, start=1):
        row = rows.get(indicator.id)
        if row is not None:
            lines.append(f"{number}. " + ind.row_line(t, row, with_unit=False))
    return Reply("\n".join(lines))


def _edit_buttons(ctx: Context, indicators: list[Indicator], year: int, month: int) -> list[list[Button]]:
    buttons = [Button(f"✏️ {n}", f"{PREFIX}:e:{i.id}:{year}{month:02d}") for n, i in enumerate(indicators, 1)]
    return [buttons[k:k + 4] for k in range(0, len(buttons), 4)]


def edit(ctx: Context, args: str) -> list[Reply]:
    """/chitieu sua <số thứ tự | tên> [kỳ]"""
    scope = _month(ctx, args)
    if isinstance(scope, list):
        return scope
    words, year, month = scope
    indicators = crud.unit_indicators(ctx.session, ctx.person.unit_id, year)
    if ctx.person.role not in REPORTERS or not indicators:
        return [Reply(ctx.t("ind.none_for_unit", unit=ctx.unit.name, year=year))]
    if words.isdigit() and 1 <= int(words) <= len(indicators):
        chosen = [indicators[int(words) - 1]]
    else:
        chosen = crud.find(ctx.session, words, year, unit_id=ctx.person.unit_id) if words else []
    if len(chosen) != 1:
        reply = _overview(ctx, indicators, year, month)
        reply.text = ctx.t("ind.pick_one") + "\n\n" + reply.text
        reply.buttons = _edit_buttons(ctx, indicators, year, month)
        return [reply]
    return [_start_one(ctx, chosen[0], year, month)]


def _start_one(ctx: Context, indicator: Indicator, year: int, month: int) -> Reply:
    dialog = dialogs.start(ctx.session, ctx.person.id, DIALOG, None, "value",
                           {"year": year, "month": month, "todo": [indicator.id], "at": indicator.id, "total": 1})
    return _ask(ctx, dialog)


def _ask(ctx: Context, dialog: Dialog) -> Reply:
    t, data = ctx.t, dialog.data
    indicator = ctx.session.get(Indicator, data["at"])
    year, month = data["year"], data["month"]
    plan = _plan(ctx, indicator, month)
    position = data["todo"].index(indicator.id) + 1 if indicator.id in data["todo"] else 1
    lines = [t("ind.ask", i=position, n=len(data["todo"]), month=f"{month:02d}/{year}", name=indicator.name),
             t("ind.ask_plan", plan=ind.fmt(plan, t, indicator.measure),
               target=ind.fmt(indicator.target, t, indicator.measure))]
    if indicator.source:
        lines.append(t("ind.ask_source", source=indicator.source))
    current = crud.current_value(ctx.session, indicator.id, year, month)
    if current is not None:
        lines.append(t("ind.ask_existing", value=ind.fmt(current.value, t, indicator.measure),
                       at=fmt_local(current.entered_at, ctx.tz)))
    lines.append(t("ind.ask_value", example=_example(indicator)))
    return Reply("\n".join(lines), buttons=[[Button(t("ind.btn_skip"), SKIP_BUTTON), Button(t("btn.cancel"), CANCEL)]])


def _example(indicator: Indicator) -> str:
    return {"%": "8,49%"}.get(indicator.measure, "1.234,5" + (f" {indicator.measure}" if indicator.measure else ""))


def _plan(ctx: Context, indicator: Indicator, month: int) -> float:
    plan = ctx.session.get(IndicatorPlan, (indicator.id, month))
    return ind.month_plan(indicator.plan_mode, indicator.target, {month: plan.value} if plan else {}, month)


def continue_dialog(ctx: Context, dialog: Dialog) -> list[Reply]:
    t, text = ctx.t, (ctx.incoming.text or "").strip()
    indicator = ctx.session.get(Indicator, dialog.data.get("at", 0))
    if indicator is None or indicator.responsible_unit_id != ctx.person.unit_id:
        dialogs.finish(ctx.session, ctx.person.id)
        return [Reply(t("dialog.task_gone"))]
    if dialog.step in ("cause", "remedy"):
        return _shortfall_answer(ctx, dialog, indicator, text)
    if dialog.step == "confirm" and fold(text) in YES:
        return _confirmed(ctx, dialog, indicator)
    if dialog.step in ("value", "which", "confirm") and fold(text) in SKIP:
        return _next(ctx, dialog, t("ind.skipped", name=indicator.name))
    return _figure(ctx, dialog, indicator, text)


def _figure(ctx: Context, dialog: Dialog, indicator: Indicator, text: str) -> list[Reply]:
    t = ctx.t
    parsed = parse_number(text)
    cancel = [[Button(t("ind.btn_skip"), SKIP_BUTTON), Button(t("btn.cancel"), CANCEL)]]
    if isinstance(parsed, NotANumber):
        return [Reply(t(f"ind.nan_{parsed.reason}", example=_example(indicator)), buttons=cancel)]
    if isinstance(parsed, Ambiguous):
        measured = [to_measure(r, indicator.measure) for r in parsed.readings]
        values = [v for v in measured if not isinstance(v, MeasureMismatch)]
        if len(values) < len(measured):
            return [Reply(t("ind.wrong_unit", typed=parsed.readings[0].unit, measure=indicator.measure),
                          buttons=cancel)]
        dialogs.advance(ctx.session, dialog, step="which", choices=values, raw=text)
        labels = [ind.fmt(v, t, indicator.measure, digits=4) for v in values]
        return [Reply(t("ind.ambiguous", typed=parsed.text, first=labels[0], second=labels[1]),
                      buttons=[[Button(labels[0], f"{PREFIX}:a:0"), Button(labels[1], f"{PREFIX}:a:1")]] + cancel)]
    value = to_measure(parsed, indicator.measure)
    if isinstance(value, MeasureMismatch):
        return [Reply(t("ind.wrong_unit", typed=value.typed, measure=indicator.measure), buttons=cancel)]
    return [_echo(ctx, dialog, indicator, value, text)]


def _echo(ctx: Context, dialog: Dialog, indicator: Indicator, value: float, raw: str) -> Reply:
    t = ctx.t
    dialogs.advance(ctx.session, dialog, step="confirm", value=value, raw=raw)
    return Reply(t("ind.echo", name=indicator.name, value=ind.fmt(value, t, indicator.measure, digits=4),
                   month=f"{dialog.data['month']:02d}/{dialog.data['year']}"),
                 buttons=[[Button(t("ind.btn_ok"), f"{PREFIX}:ok"), Button(t("ind.btn_redo"), f"{PREFIX}:re")]])


def _confirmed(ctx: Context, dialog: Dialog, indicator: Indicator) -> list[Reply]:
    t, data = ctx.t, dialog.data
    plan = _plan(ctx, indicator, data["month"])
    a = ind.assess(data["value"], plan, indicator.higher_is_better)
    if a.met:
        return _save(ctx, dialog, indicator, "", "")
    dialogs.advance(ctx.session, dialog, step="cause", cause="", remedy="")
    return [Reply(t("ind.short", value=ind.fmt(data["value"], t, indicator.measure),
                    plan=ind.fmt(plan, t, indicator.measure), shortfall=ind.gap(a.shortfall, t, indicator.measure),
                    share=ind.share_text(a.share, t)) + "\n" + t("ind.ask_cause"),
                  buttons=[[Button(t("btn.cancel"), CANCEL)]])]


def _shortfall_answer(ctx: Context, dialog: Dialog, indicator: Indicator, text: str) -> list[Reply]:
    """The cause, then the remedy (or both at once, labelled); the gate decides."""
    t, data = ctx.t, dialog.data
    labelled = ind.split_labelled(text)
    cause, remedy = data.get("cause", ""), data.get("remedy", "")
    if labelled:
        cause = labelled.get("cause", cause)
        remedy = labelled.get("remedy", remedy)
    elif dialog.step == "cause":
        cause = text
    else:
        remedy = text
    check = ind.check_shortfall(cause, remedy)
    if not check.missing:
        return _save(ctx, dialog, indicator, check.cause, check.remedy)
    if "cause" in check.missing:
        dialogs.advance(ctx.session, dialog, step="cause", cause=cause, remedy=remedy)
        key = "ind.cause_too_short" if cause else "ind.ask_cause"
        return [Reply(t(key), buttons=[[Button(t("btn.cancel"), CANCEL)]])]
    dialogs.advance(ctx.session, dialog, step="remedy", cause=cause, remedy=remedy)
    key = "ind.remedy_vague" if remedy else "ind.ask_remedy"
    return [Reply(t(key), buttons=[[Button(t("btn.cancel"), CANCEL)]])]


def _save(ctx: Context, dialog: Dialog, indicator: Indicator, cause: str, remedy: str) -> list[Reply]:
    t, data = ctx.t, dialog.data
    year, month = data["year"], data["month"]
    crud.record(ctx.session, indicator, year, month, data["value"], raw=data.get("raw", ""), person=ctx.person_row(),
                cause=cause, remedy=remedy, actor=ctx.actor)
    closed = crud.close_duty_if_complete(ctx.session, ctx.person.unit_id, year, month, ctx.person_row(), ctx.today,
                                         actor=ctx.actor)
    saved = t("ind.saved", name=indicator.name, value=ind.fmt(data["value"], t, indicator.measure, digits=4))
    return _next(ctx, dialog, saved + ("\n" + t("ind.duty_done", month=f"{month:02d}/{year}") if closed else ""))


def _next(ctx: Context, dialog: Dialog, said: str) -> list[Reply]:
    data = dialog.data
    todo = data["todo"]
    after = todo[todo.index(data["at"]) + 1:] if data["at"] in todo else []
    if after:
        dialogs.advance(ctx.session, dialog, step="value", at=after[0], value=None, raw="", cause="", remedy="")
        question = _ask(ctx, dialog)
        question.text = said + "\n\n" + question.text
        return [question]
    dialogs.finish(ctx.session, ctx.person.id)
    rows = ind.month_table(ctx.session, data["year"], data["month"], unit_id=ctx.person.unit_id)
    tally = ind.tally(rows)
    return [Reply(said + "\n\n" + ctx.t("ind.finished", month=f"{data['month']:02d}/{data['year']}",
                                         met=tally.met, not_met=tally.not_met, missing=tally.missing))]


def button(ctx: Context, arg: str) -> list[Reply]:
    """ci:ok (confirm), ci:re (type again), ci:a:<0|1> (which reading), ci:sk (skip),
    ci:e:<indicator>:<yyyymm> (correct one figure)."""
    t = ctx.t
    code, _, rest = arg.partition(":")
    if code == "e":
        m = re.fullmatch(r"(\d+):(\d{4})(\d{2})", rest)
        indicator = ctx.session.get(Indicator, int(m.group(1))) if m else None
        if indicator is None or indicator.responsible_unit_id != ctx.person.unit_id or \
                ctx.person.role not in REPORTERS or not 1 <= int(m.group(3)) <= 12:
            return [Reply(t("button.expired"), notice=t("button.expired"))]
        return [_start_one(ctx, indicator, int(m.group(2)), int(m.group(3)))]
    dialog = dialogs.current(ctx.session, ctx.person.id)
    indicator = ctx.session.get(Indicator, dialog.data.get("at", 0)) if dialog and dialog.kind == DIALOG else None
    if indicator is None:
        return [Reply(t("button.expired"), notice=t("button.expired"))]
    if code == "ok" and dialog.step == "confirm":
        return _confirmed(ctx, dialog, indicator)
    if code == "re" and dialog.step == "confirm":
        dialogs.advance(ctx.session, dialog, step="value")
        return [_ask(ctx, dialog)]
    if code == "a" and dialog.step == "which" and rest in ("0", "1"):
        return [_echo(ctx, dialog, indicator, dialog.data["choices"][int(rest)], dialog.data.get("raw", ""))]
    if code == "sk":
        return _next(ctx, dialog, t("ind.skipped", name=indicator.name))
    return [Reply(t("button.expired"), notice=t("button.expired"))]


# --------------------------------------------------------------------------- the month's table


def summary(ctx: Context, args: str) -> list[Reply]:
    """/chitieu tonghop [kỳ]: per sector and unit: met or not, shortfall, cause, remedy."""
    scope = _month(ctx, args)
    if isinstance(scope, list):
        return scope
    _words, year, month = scope
    t = ctx.t
    where = ind.visible_scope(ctx.session, ctx.person, roles.is_office(ctx))
    rows = ind.month_table(ctx.session, year, month, **where)
    if not _has_period(args, ctx) and not any(r.reported for r in rows):
        # Early in a month nothing is in yet: last month's table is the one wanted.
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
        rows = ind.month_table(ctx.session, year, month, **where)
    audit.log(ctx.session, "indicator.summary", "report", None, person_id=ctx.person.id, actor=ctx.actor,
              year=year, month=month, rows=len(rows))
    return [Reply(ind.render_table(t, rows, year, month, TEXT_BUDGET))]


def _has_period(args: str, ctx: Context) -> bool:
    try:
        return split_period(args, ctx.today)[1] is not None
    except PeriodError:
        return False


def _one_indicator(ctx: Context, words: str, year: int) -> Indicator | list[Reply]:
    t = ctx.t
    if not words:
        return [Reply(t("ind.name_needed"))]
    where = ind.visible_scope(ctx.session, ctx.person, roles.is_office(ctx))
    found = crud.find(ctx.session, words, year, unit_id=where.get("unit_id"))
    if where.get("aggregator_id"):
        found = [i for i in found if i.aggregator_unit_id == where["aggregator_id"]
                 or i.responsible_unit_id == ctx.person.unit_id]
    if not found:
        return [Reply(t("ind.unknown", name=shorten(words, 60), year=year))]
    if len(found) > 1:
        return [Reply(t("ind.ambiguous_name", name=shorten(words, 60),
                        names="; ".join(shorten(i.name, 60) for i in found[:6])))]
    return found[0]


def chart(ctx: Context, args: str) -> list[Reply]:
    """/chitieu bieudo <tên> [năm]: plan against actual, month by month."""
    words, year = _year(args, ctx.today.year)
    found = _one_indicator(ctx, words, year)
    if isinstance(found, list):
        return found
    points = ind.series(ctx.session, found)
    image = ind.plan_actual_png(found, points, ctx.t)
    audit.log(ctx.session, "indicator.chart", "indicator", found.id, person_id=ctx.person.id, actor=ctx.actor)
    return [Reply(ctx.t("ind.chart_caption", name=found.name, year=found.year),
                  file=(f"chitieu-{found.id}-{found.year}.png", image))]


def _year(args: str, default: int) -> tuple[str, int]:
    m = re.search(r"(?:^|\s)(?:năm\s+)?(20\d\d)\s*$", args.strip())
    if m:
        return args.strip()[:m.start()].strip(), int(m.group(1))
    return args.strip(), default


def history(ctx: Context, args: str) -> list[Reply]:
    """/chitieu lichsu <tên> [kỳ]: every figure entered for the month, newest first."""
    scope = _month(ctx, args)
    if isinstance(scope, list):
        return scope
    words, year, month = scope
    found = _one_indicator(ctx, words, year)
    if isinstance(found, list):
        return found
    t = ctx.t
    entries = crud.value_history(ctx.session, found.id, year, month)
    lines = [t("ind.history_title", name=found.name, month=f"{month:02d}/{year}")]
    if not entries:
        lines.append(t("ind.history_empty"))
    for value, name in entries:
        state = t("ind.history_current") if value.current else t(
            "ind.history_replaced", at=fmt_local(value.superseded_at, ctx.tz))
        lines.append(t("ind.history_line", at=fmt_local(value.entered_at, ctx.tz), name=name or "?",
                       value=ind.fmt(value.value, t, found.measure), raw=value.raw, state=state))
    return [Reply("\n".join(lines))]
