"""The office decides extension requests ("xin gia hạn").

A request arrives to office staff with its reason and three buttons: approve the
date asked for (`ea:<id>`), approve another date (`ed:<id>`, then type it), reject
(`er:<id>`, then optionally a reason for the unit). `/giahan` lists what waits.
The first decision wins: the request row is locked, a second press is told who
decided. An approved date moves the task's deadline (the original stays visible
and on-time is measured against the approved one) and the reminders follow it.
"""
from __future__ import annotations

from datetime import date

from presentation.messages import Button, Reply
from presentation.render import DETAIL_ROUTE, fmt_date, fmt_local, shorten
from storage.crud import dialogs
from storage.crud import tasks as crud
from storage.models import Dialog, ExtensionRequest, Person, Task, Unit

from . import dates, deadlines, notify
from .context import Context
from .refusal import Refusal, expired
from .reports import cancel_markup
from .roles import require_office, require_office_dialog

DIALOG = "extension_decision"
# Button routes: approve the date asked for, approve another date, reject, no reason to add.
APPROVE = "ea"
OTHER_DATE = "ed"
REJECT = "er"
NO_REASON = "en"
MAX_NOTE = 1000


def list_command(ctx: Context, _args: str = "") -> list[Reply]:
    """/giahan: pending requests, oldest first, each with its decision buttons."""
    t = ctx.t
    pending = crud.pending_extensions(ctx.session)
    if not pending:
        return [Reply(t("extension.none_pending"))]
    replies = [Reply(t("extension.pending_header", count=len(pending)))]
    for req, task, unit in pending:
        replies.append(Reply(
            t("extension.pending_line", id=task.id, unit=unit, action=shorten(task.action, 160),
              deadline=fmt_date(task.deadline), requested=fmt_date(req.requested_deadline),
              reason=shorten(req.reason, 300)),
            buttons=decision_buttons(ctx, req, task)))
    return replies


def decision_buttons(ctx: Context, req: ExtensionRequest, task: Task) -> list[list[Button]]:
    t = ctx.t
    return decision_rows(t, req.id, task.id)


def decision_rows(t, request_id: int, task_id: int) -> list[list[Button]]:
    """Approve, reject, another date, details: under a request in /giahan and in its notice."""
    return [[Button(t("btn.approve"), f"{APPROVE}:{request_id}"), Button(t("btn.reject"), f"{REJECT}:{request_id}")],
            [Button(t("btn.approve_other_date"), f"{OTHER_DATE}:{request_id}"),
             Button(t("btn.details"), f"{DETAIL_ROUTE}:{task_id}")]]


def _load(ctx: Context, arg: str) -> tuple[ExtensionRequest, Task]:
    """The pending request behind a button; refused when it is gone or decided."""
    t = ctx.t
    if not arg.isdigit():
        raise expired(t)
    req = crud.pending_extension(ctx.session, int(arg))
    if req is None:
        raise expired(t)
    task = ctx.session.get(Task, req.task_id)
    if req.status != "pending":
        who = ctx.session.get(Person, req.decided_by) if req.decided_by else None
        raise Refusal(Reply(t("extension.already_decided", id=task.id, status=t(f"extension.{req.status}"),
                              name=(who.full_name if who else "") or "?", at=fmt_local(req.decided_at, ctx.tz)),
                            notice=t("extension.already_decided_short")))
    if task.status == "done":
        raise Refusal(Reply(t("report.already_done", id=task.id), notice=t("report.already_done_short")))
    return req, task


def approve_button(ctx: Context, arg: str) -> list[Reply]:
    req, task = _load(ctx, arg)
    return _approve(ctx, req, task, req.requested_deadline)


def other_date_button(ctx: Context, arg: str) -> list[Reply]:
    req, task = _load(ctx, arg)
    dialogs.start(ctx.session, ctx.person.id, DIALOG, task.id, "date", {"request_id": req.id})
    return [Reply(ctx.t("extension.ask_other_date", id=task.id, requested=fmt_date(req.requested_deadline),
                        deadline=fmt_date(task.deadline), example=deadlines.example(ctx.today, after=task.deadline)),
                  buttons=cancel_markup(ctx), notice=ctx.t("btn.approve_other_date"))]


def reject_button(ctx: Context, arg: str) -> list[Reply]:
    req, task = _load(ctx, arg)
    _reject(ctx, req, task)
    # The unit is told now; a reason for it may follow in the next message.
    dialogs.start(ctx.session, ctx.person.id, DIALOG, task.id, "note", {"request_id": req.id})
    return [Reply(ctx.t("extension.rejected_reply", id=task.id, deadline=fmt_date(task.deadline)),
                  buttons=[[Button(ctx.t("btn.no_reason"), f"{NO_REASON}:{req.id}")]],
                  notice=ctx.t("extension.rejected_short"))]


def decide(ctx: Context, request_id: int, *, approve: bool, new_date: date | None = None,
           note: str = "") -> list[Reply]:
    """One decision in a single step, as the web desk takes it: the same checks (role,
    pending, task still open, a future date) and the same effects (deadline, audit,
    the unit told, reminders) as the chat's buttons. A rejection's reason goes with it.
    Raises Refusal as the buttons do (the router is not in between: the role is checked here)."""
    require_office(ctx)
    req, task = _load(ctx, str(request_id))
    if not approve:
        note = " ".join((note or "").split())[:MAX_NOTE]
        _reject(ctx, req, task, note)
        return [Reply(ctx.t("extension.rejected_reply", id=task.id, deadline=fmt_date(task.deadline)),
                      notice=ctx.t("extension.rejected_short"))]
    problem = deadlines.extension_problem(new_date, task.deadline, ctx.today) if new_date is not None else None
    if problem is not None:  # the chat's rule: later than today and than the deadline in force
        return [Reply(ctx.t(f"extension.other_date_{problem}", date=fmt_date(new_date),
                            deadline=fmt_date(task.deadline),
                            example=deadlines.example(ctx.today, after=task.deadline)))]
    return _approve(ctx, req, task, new_date or req.requested_deadline)


def _reject(ctx: Context, req: ExtensionRequest, task: Task, note: str = "") -> None:
    crud.decide_extension(ctx.session, req, task, ctx.person, approve=False, now=ctx.now, note=note,
                          actor=ctx.actor)
    notify.extension_decided(ctx.session, req, task, ctx.now)
    if req.decision_note:
        notify.extension_note(ctx.session, req, task, ctx.now)


def no_reason_button(ctx: Context, arg: str) -> list[Reply]:
    """No reason to add after a rejection."""
    dialog = dialogs.current(ctx.session, ctx.person.id)
    if dialog is not None and dialog.kind == DIALOG and str(dialog.data.get("request_id")) == arg:
        dialogs.finish(ctx.session, ctx.person.id)
    return [Reply(ctx.t("extension.no_reason_ok"), notice=ctx.t("extension.no_reason_ok"))]


def continue_dialog(ctx: Context, dialog: Dialog) -> list[Reply]:
    require_office_dialog(ctx)
    text = (ctx.incoming.text or "").strip()
    if dialog.step == "note":
        if len(text) > MAX_NOTE:
            return [Reply(ctx.t("report.too_long", limit=MAX_NOTE))]
        return _send_note(ctx, dialog, text)
    # step "date": the other date to approve
    req = crud.pending_extension(ctx.session, int(dialog.data["request_id"]))
    task = ctx.session.get(Task, req.task_id) if req else None
    if req is None or task is None or req.status != "pending" or task.status == "done":
        dialogs.finish(ctx.session, ctx.person.id)
        return [Reply(ctx.t("dialog.task_gone"))]
    new_date = dates.parse_date(text, ctx.today) or dates.find_date(text, ctx.today)
    if new_date is None:
        key = "extension.bad_date" if dates.looks_like_date(text) else "extension.ask_date"
        return [Reply(ctx.t(key, example=deadlines.example(ctx.today, after=task.deadline)),
                      buttons=cancel_markup(ctx))]
    problem = deadlines.extension_problem(new_date, task.deadline, ctx.today)
    if problem is not None:
        # An "extension" that shortens the deadline (or lands in the past) is not one.
        return [Reply(ctx.t(f"extension.other_date_{problem}", date=fmt_date(new_date),
                            deadline=fmt_date(task.deadline),
                            example=deadlines.example(ctx.today, after=task.deadline)),
                      buttons=cancel_markup(ctx))]
    dialogs.finish(ctx.session, ctx.person.id)
    return _approve(ctx, req, task, new_date)


def _approve(ctx: Context, req: ExtensionRequest, task: Task, new_date) -> list[Reply]:
    before = task.deadline
    crud.decide_extension(ctx.session, req, task, ctx.person, approve=True, now=ctx.now, new_deadline=new_date,
                          actor=ctx.actor)
    notify.extension_decided(ctx.session, req, task, ctx.now)
    unit = ctx.session.get(Unit, req.unit_id)
    return [Reply(ctx.t("extension.approved_reply", id=task.id, unit=unit.name, before=fmt_date(before),
                        date=fmt_date(task.deadline)), notice=ctx.t("extension.approved_short"))]


def _send_note(ctx: Context, dialog: Dialog, note: str) -> list[Reply]:
    """The reason of a rejection, sent to the unit after the decision itself."""
    dialogs.finish(ctx.session, ctx.person.id)
    req = crud.pending_extension(ctx.session, int(dialog.data["request_id"]))
    note = " ".join(note.split())[:MAX_NOTE]
    if req is None or not note:
        return [Reply(ctx.t("dialog.task_gone"))]
    req.decision_note = note
    ctx.session.add(req)
    notify.extension_note(ctx.session, req, ctx.session.get(Task, req.task_id), ctx.now)
    return [Reply(ctx.t("extension.note_sent", id=req.task_id))]
