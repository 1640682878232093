"""/giaoviec: the office assigns an ad-hoc task outside any directive.

In one line — "/giaoviec Sở Y tế | báo cáo dịch sốt xuất huyết | 30/5/2026 [| sản phẩm]"
— or as a short guided dialogue: unit → action → deadline → expected output →
confirm. The unit's people are told through the outbox.
"""
from __future__ import annotations

import re
from datetime import date
from typing import cast

from presentation.messages import Button, Reply
from presentation.render import fmt_date, recurrence_label, shorten
from storage.crud import dialogs, units
from storage.crud import tasks as crud
from storage.crud.drafts import DraftItem
from storage.models import Dialog, Unit

from . import dates, deadlines, notify
from .context import Context
from .publish import (
    coordinator_deadline,
    coordinators_part,
    fuzzy_unit,
    parse_recurrence,
    parse_task_line,
    past_deadline,
)
from .reports import cancel_button, cancel_markup
from .roles import require_office_dialog

DIALOG = "assign"
# Button routes: a suggested unit (gu:<unit id>), confirm (ga:go).
UNIT = "gu"
GO = "ga"
SKIP_WORDS = {"không", "khong", "bỏ qua", "bo qua", "-", "skip", "none", "no"}
MIN_ACTION = 5
_COORDINATED = re.compile(r"^\s*ph(?:ố|o)i\s+h(?:ợ|o)p\s*(?:với|voi)?\s*:?\s*", re.IGNORECASE)


def assign_command(ctx: Context, args: str) -> list[Reply]:
    if "|" in args:
        return _one_line(ctx, [p.strip() for p in args.strip().split("|")])
    if args.strip():
        item = parse_task_line(ctx, args.strip())  # a sentence: "Sở Y tế chủ trì … trước ngày …"
        if item["lead_id"] is None:
            return _unknown_unit(ctx, item["lead"], {"action": item["action"], "deadline": item["deadline"],
                                                    "recurrence": item["recurrence"], "dated": True,
                                                    "output": item.get("output") or ""})
        return _create(ctx, item)
    dialogs.start(ctx.session, ctx.person.id, DIALOG, None, "unit")
    return [Reply(ctx.t("assign.ask_unit"), buttons=_cancel(ctx))]


def _one_line(ctx: Context, parts: list[str]) -> list[Reply]:
    """"Sở Y tế | nội dung | hạn | sản phẩm": what is given is checked as in the guided
    form (its suggestions for a misspelt unit, its date replies); a missing deadline is
    asked for, never assumed ("không" says there is none)."""
    t = ctx.t
    name, action = parts[0], parts[1] if len(parts) > 1 else ""
    unit = units.find_unit(ctx.session, name) or fuzzy_unit(ctx, name)
    if len(action) < MIN_ACTION:
        return _unknown_unit(ctx, name, {}) if unit is None else [Reply(t("assign.one_line_help"))]
    # "… | phối hợp Sở A, Sở B [hạn 25/1/2027]": the coordinators' part, wherever it stands after the deadline.
    coordinated = next((p for p in parts[3:] if _COORDINATED.match(p)), None)
    rest = [p for p in parts[3:] if p is not coordinated]
    data: dict = {"action": action, "output": rest[0] if rest else "", "deadline": None,
                  "recurrence": None, "dated": len(parts) > 2 and bool(parts[2])}
    if coordinated is not None:
        data["coordinators_text"] = _COORDINATED.sub("", coordinated, count=1).strip()
    if data["dated"]:
        problem = _deadline(ctx, parts[2], data)
        if problem is not None:
            return problem
    if unit is None:
        return _unknown_unit(ctx, name, data)
    if not data["dated"]:
        dialogs.start(ctx.session, ctx.person.id, DIALOG, None, "deadline", {**data, "unit_id": unit.id})
        return [Reply(t("assign.ask_deadline_for", unit=unit.name, action=shorten(action, 120)),
                      buttons=_cancel(ctx))]
    return _create(ctx, cast(DraftItem, {"lead": unit.name, "lead_id": unit.id, "coordinators": [], **data}))


def _deadline(ctx: Context, text: str, data: dict) -> list[Reply] | None:
    """Read a deadline answer into `data` (deadline or recurrence or none); the reply
    that says what is wrong with it, or None."""
    t = ctx.t
    if text.lower() in SKIP_WORDS:
        data.update(deadline=None, recurrence=None)
    elif (recurrence := parse_recurrence(text)) is not None:
        data.update(deadline=None, recurrence=recurrence)
    else:
        due = dates.parse_date(text, ctx.today) or dates.find_date(text, ctx.today)
        if due is None:
            return [Reply(t("assign.bad_deadline", value=shorten(text, 40)), buttons=_cancel(ctx))]
        if deadlines.deadline_problem(due, ctx.today):
            return [Reply(past_deadline(ctx, due), buttons=_cancel(ctx))]
        data.update(deadline=due.isoformat(), recurrence=None)
    return None


def _unknown_unit(ctx: Context, name: str, data: dict) -> list[Reply]:
    """The guided form's unit step, with what the line already gave kept."""
    dialogs.start(ctx.session, ctx.person.id, DIALOG, None, "unit", data)
    return [Reply(ctx.t("assign.unit_unknown", name=shorten(name, 80)), buttons=_suggest(ctx, name))]


def _cancel(ctx: Context) -> list[list[Button]]:
    return cancel_markup(ctx)


def continue_dialog(ctx: Context, dialog: Dialog) -> list[Reply]:
    require_office_dialog(ctx)
    t, text = ctx.t, (ctx.incoming.text or "").strip()
    if dialog.step == "unit":
        if (created := _create_unit(ctx, text)) is not None:
            return created if isinstance(created, list) else _chose_unit(ctx, dialog, created)
        unit = units.find_unit(ctx.session, text) or fuzzy_unit(ctx, text)
        if unit is None:
            return [Reply(t("assign.unit_unknown", name=shorten(text, 80)), buttons=_suggest(ctx, text))]
        return _chose_unit(ctx, dialog, unit)
    if dialog.step == "action":
        if len(text) < MIN_ACTION:
            return [Reply(t("assign.action_short"), buttons=_cancel(ctx))]
        dialogs.advance(ctx.session, dialog, step="deadline", action=text)
        return [Reply(t("assign.ask_deadline"), buttons=_cancel(ctx))]
    if dialog.step == "deadline":
        if text.lower() in SKIP_WORDS:
            dialogs.advance(ctx.session, dialog, step="output", deadline=None, recurrence=None)
        elif (recurrence := parse_recurrence(text)) is not None:
            dialogs.advance(ctx.session, dialog, step="output", deadline=None, recurrence=recurrence)
        else:
            due = dates.parse_date(text, ctx.today) or dates.find_date(text, ctx.today)
            if due is None:
                return [Reply(t("assign.bad_deadline", value=shorten(text, 40)), buttons=_cancel(ctx))]
            if due < ctx.today:
                return [Reply(t("assign.deadline_past", date=fmt_date(due)), buttons=_cancel(ctx))]
            dialogs.advance(ctx.session, dialog, step="output", deadline=due.isoformat(), recurrence=None)
        if "output" in dialog.data:  # the one-line form gave the rest: to the confirmation
            dialogs.advance(ctx.session, dialog, step="confirm")
            return [_confirm(ctx, dialog)]
        return [Reply(t("assign.ask_output"), buttons=_cancel(ctx))]
    if dialog.step == "output":
        output = "" if text.lower() in SKIP_WORDS else text
        dialogs.advance(ctx.session, dialog, step="coordinators", output=output)
        return [Reply(t("assign.ask_coordinators"), buttons=_cancel(ctx))]
    if dialog.step == "coordinators":
        return _coordinators(ctx, dialog, text)
    return [_confirm(ctx, dialog)]  # "confirm": waiting for the button


def _coordinators(ctx: Context, dialog: Dialog, text: str) -> list[Reply]:
    """"Sở Xây dựng, Sở Tài chính [hạn 25/5/2026]" or "không"."""
    item = _item(ctx, dialog.data)
    if text.lower() not in SKIP_WORDS:
        error = coordinators_part(ctx, item, text)
        if error:
            return [Reply(error, buttons=_cancel(ctx))]
    dialogs.advance(ctx.session, dialog, step="confirm", coordinators=item["coordinators"],
                    coordinator_deadline=item.get("coordinator_deadline"))
    return [_confirm(ctx, dialog)]


def _item(ctx: Context, data: dict) -> DraftItem:
    unit = ctx.session.get(Unit, data["unit_id"])
    return {"lead": unit.name, "lead_id": unit.id, "coordinators": data.get("coordinators") or [],
            "action": data["action"], "deadline": data.get("deadline"), "recurrence": data.get("recurrence"),
            "output": data.get("output") or "", "coordinator_deadline": data.get("coordinator_deadline")}


def _suggest(ctx: Context, text: str) -> list[list[Button]]:
    from rapidfuzz import fuzz, process  # loaded on the first fuzzy match

    names = {u.name: u.id for u in units.list_units(ctx.session)}
    rows = [[Button(name, f"{UNIT}:{names[name]}")]
            for name, _score, _ in process.extract(text, list(names), scorer=fuzz.token_sort_ratio, limit=3)]
    return rows + _cancel(ctx)


def _chose_unit(ctx: Context, dialog: Dialog, unit: Unit) -> list[Reply]:
    data = dialog.data
    if data.get("action") and data.get("dated"):  # a one-line form whose unit was misspelt
        dialogs.finish(ctx.session, ctx.person.id)
        return _create(ctx, cast(DraftItem, {"lead": unit.name, "lead_id": unit.id, "coordinators": [], **data}))
    if data.get("action"):
        dialogs.advance(ctx.session, dialog, step="deadline", unit_id=unit.id)
        return [Reply(ctx.t("assign.ask_deadline_for", unit=unit.name, action=shorten(data["action"], 120)),
                      buttons=_cancel(ctx))]
    dialogs.advance(ctx.session, dialog, step="action", unit_id=unit.id)
    return [Reply(ctx.t("assign.ask_action", unit=unit.name), buttons=_cancel(ctx))]


_CREATE = re.compile(r"^(?:tạo|tao|create)\s+(?:đơn\s*vị\s+|unit\s+)?(.+)$", re.IGNORECASE)


def _create_unit(ctx: Context, text: str) -> Unit | list[Reply] | None:
    """"tạo Sở Ma" at the unit step: the unit, created (or found, if it exists)."""
    m = _CREATE.match(text)
    if m is None:
        return None
    name = " ".join(m.group(1).split())
    if not 3 <= len(name) <= 255:
        return [Reply(ctx.t("assign.unit_unknown", name=shorten(name, 80)), buttons=_cancel(ctx))]
    return units.find_unit(ctx.session, name) or units.create_unit(ctx.session, name, actor=ctx.actor)


def unit_button(ctx: Context, arg: str) -> list[Reply]:
    dialog = dialogs.current(ctx.session, ctx.person.id)
    unit = ctx.session.get(Unit, int(arg)) if arg.isdigit() else None
    if dialog is None or dialog.kind != DIALOG or dialog.step != "unit" or unit is None:
        return [Reply(ctx.t("button.expired"), notice=ctx.t("button.expired"))]
    return _chose_unit(ctx, dialog, unit)


def _confirm(ctx: Context, dialog: Dialog) -> Reply:
    t, data = ctx.t, dialog.data
    unit = ctx.session.get(Unit, data["unit_id"])
    if data.get("recurrence"):
        when = recurrence_label(t, data["recurrence"])
    else:
        when = fmt_date(date.fromisoformat(data["deadline"])) if data.get("deadline") else t("due.none")
    text = t("assign.confirm", unit=unit.name, action=shorten(data["action"], 500), deadline=when,
             output=data.get("output") or "—")
    item = _item(ctx, data)
    if item["coordinators"]:
        until, default = coordinator_deadline(ctx, item)
        text += "\n" + t("publish.coordinators", names=", ".join(name for name, _ in item["coordinators"]))
        if until is not None:
            text += " · " + t("publish.coordinator_default" if default else "publish.coordinator_until",
                              date=fmt_date(until))
    return Reply(text, buttons=[[Button(t("assign.btn_go"), f"{GO}:go"), cancel_button(ctx)]])


def go_button(ctx: Context, _arg: str) -> list[Reply]:
    dialog = dialogs.current(ctx.session, ctx.person.id)
    if dialog is None or dialog.kind != DIALOG or dialog.step != "confirm":
        return [Reply(ctx.t("button.expired"), notice=ctx.t("button.expired"))]
    item = _item(ctx, dialog.data)
    dialogs.finish(ctx.session, ctx.person.id)
    return _create(ctx, item)


def _create(ctx: Context, item: DraftItem) -> list[Reply]:
    coordinated = cast(dict, item).pop("coordinators_text", None)
    if coordinated:
        error = coordinators_part(ctx, item, coordinated)
        if error:
            dialogs.finish(ctx.session, ctx.person.id)
            return [Reply(error)]
    unit = ctx.session.get(Unit, item["lead_id"])
    coordinators = [u for _, uid in item.get("coordinators", []) if uid and (u := ctx.session.get(Unit, uid))]
    deadline = date.fromisoformat(item["deadline"]) if item.get("deadline") else None
    task = crud.add_task(ctx.session, lead=unit, action=item["action"], deadline=deadline,
                         recurrence=item.get("recurrence"), coordinators=coordinators,
                         expected_output=item.get("output") or "", today=ctx.today, actor=ctx.actor,
                         person_id=ctx.person.id, coordinator_deadline=coordinator_deadline(ctx, item)[0])
    all_units = {unit.id: unit, **{u.id: u for u in coordinators}}
    queued, silent = notify.notify_units(ctx.session, f"assign:{task.id}", [task], units=all_units, now=ctx.now,
                                         header=notify.assigned_header(None, ctx.today))
    when = recurrence_label(ctx.t, task.recurrence) if task.recurrence else (
        fmt_date(task.deadline) if task.deadline else ctx.t("due.none"))
    lines = [ctx.t("assign.created", id=task.id, unit=unit.name, deadline=when, queued=queued)]
    if silent:
        lines.append(ctx.t("publish.silent_units", names=", ".join(u.name for u in silent)))
    return [Reply("\n".join(lines), notice=ctx.t("assign.created_short"))]
