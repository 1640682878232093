"""Status answers and their short dialogues: xong / đang làm / vướng mắc / xin gia hạn.

A dialogue is kept in the database (storage.crud.dialogs) so that an answer given
after a restart, or to another bot process, still lands on the right task. The
report quality gate itself is the pure function in quality.py; this module only
asks for what it says is missing.
"""
from __future__ import annotations

import re
from datetime import date

from presentation.messages import Button, Reply
from presentation.render import STATUS_ROUTE, fmt_date, shorten
from storage.crud import dialogs, reviews
from storage.crud import indicators as crud_indicators
from storage.crud import tasks as crud
from storage.models import AWAITING_REVIEW, Dialog, Task

from . import coordination, dates, deadlines, notify, products, quality
from .context import Context
from .refusal import Refusal

# Button routes: a task's quick answer (s:<kind>:<task id>, built by
# presentation.render.task_buttons), cancel what is under way (x, the same as /huy).
STATUS = STATUS_ROUTE
CANCEL = "x"
# ✅ Xong that is not yet a product: record it as progress; confirm a product of another kind.
AS_PROGRESS = "rp"
CONFIRM_PRODUCT = "rk"
KINDS = {"d": "done", "p": "progress", "b": "blocked", "e": "extension"}
# A report is a few lines; more parts than this is someone pasting the wrong thing.
MAX_PARTS = 8
MAX_REPORT_CHARS = 4000
MIN_REASON_WORDS = 3


def cancel_markup(ctx: Context) -> list[list[Button]]:
    return [[cancel_button(ctx)]]


def cancel_button(ctx: Context) -> Button:
    return Button(ctx.t("btn.cancel"), CANCEL)


def status_button(ctx: Context, arg: str) -> list[Reply]:
    """`s:<kind>:<task id>` from a task list or a reminder, possibly an old one."""
    t = ctx.t
    code, _, raw_id = arg.partition(":")
    kind = KINDS.get(code)
    if kind is None or not raw_id.isdigit():
        return [Reply(t("button.expired"), notice=t("button.expired"))]
    task = crud.visible_task(ctx.session, ctx.person, int(raw_id))
    if task is None or not _is_own(ctx, task):
        return [Reply(t("tasks.not_found", id=raw_id), notice=t("tasks.not_found_short"))]
    if task.status == "done":
        return [Reply(t("report.already_done", id=task.id), notice=t("report.already_done_short"))]
    if task.status == AWAITING_REVIEW:
        return [Reply(t("review.awaiting_unit", id=task.id), notice=t("review.awaiting_short"))]
    if kind in ("done", "progress") and task.deadline and crud_indicators.is_duty(ctx.session, task.series_id):
        # The monthly figures duty is answered with the figures themselves.
        from .indicators import report

        return report(ctx, f"{task.deadline.month}/{task.deadline.year}")
    if kind == "extension" and task.lead_unit_id != ctx.person.unit_id:
        return [Reply(t("extension.lead_only", id=task.id))]
    if kind == "extension" and task.deadline is None:
        return [Reply(t("extension.no_deadline", id=task.id))]
    dialogs.start(ctx.session, ctx.person.id, kind, task.id, "ask")
    prompt = _ask(ctx, kind, task)
    prompt.notice = t(f"btn.{_BTN[kind]}")
    return [prompt]


def _ask(ctx: Context, kind: str, task: Task) -> Reply:
    """The question that opens (or re-opens) a dialogue about a task."""
    deadline = fmt_date(task.deadline) if task.deadline else ctx.t("due.none")
    return Reply(ctx.t(f"ask.{kind}", id=task.id, action=shorten(task.action, 120), deadline=deadline),
                 buttons=cancel_markup(ctx))


_BTN = {"done": "done", "progress": "progress", "blocked": "blocked", "extension": "extend"}


def _is_own(ctx: Context, task: Task) -> bool:
    """Only the lead unit and the coordinators answer for a task (office staff see it)."""
    if task.lead_unit_id == ctx.person.unit_id:
        return True
    return any(u.id == ctx.person.unit_id for u in crud.coordinator_units(ctx.session, task.id))


def cancel(ctx: Context, _arg: str = "") -> list[Reply]:
    if dialogs.finish(ctx.session, ctx.person.id):
        return [Reply(ctx.t("dialog.cancelled"))]
    return [Reply(ctx.t("dialog.nothing_to_cancel"))]


def continue_dialog(ctx: Context, dialog: Dialog) -> list[Reply]:
    """Free text (or a file) while a dialogue is open."""
    task = crud.visible_task(ctx.session, ctx.person, dialog.task_id) if dialog.task_id else None
    if task is None or task.status in ("done", AWAITING_REVIEW):
        dialogs.finish(ctx.session, ctx.person.id)
        return [Reply(ctx.t("dialog.task_gone"))]
    handler = {"progress": _progress, "done": _done, "blocked": _blocked, "extension": _extension}[dialog.kind]
    return handler(ctx, dialog, task)


def _text(ctx: Context) -> str:
    inc = ctx.incoming
    return (inc.text or "").strip()


def _parts(ctx: Context, dialog: Dialog, *, fresh: bool = False) -> list[str] | None:
    """The answers so far (none when `fresh`) plus this one; None when the report got too long."""
    parts = ([] if fresh else list(dialog.data.get("parts", []))) + ([_text(ctx)] if _text(ctx) else [])
    if len(parts) > MAX_PARTS or sum(len(p) for p in parts) > MAX_REPORT_CHARS:
        return None
    return parts


def _missing_text(ctx: Context, check: quality.ReportCheck) -> str:
    return "\n".join("• " + ctx.t(f"missing.{m}", date=fmt_date(check.milestone), today=fmt_date(ctx.today),
                                   example=deadlines.example(ctx.today)) for m in check.missing)


def _attachment(ctx: Context, dialog: Dialog) -> tuple[str, str]:
    att = ctx.incoming.attachment
    if att is not None:
        return att.ref, att.name or att.kind
    return dialog.data.get("attachment_ref", ""), dialog.data.get("attachment_name", "")


def _reject(ctx: Context, dialog: Dialog, task: Task, parts: list[str], check: quality.ReportCheck,
            kind: str) -> list[Reply]:
    """Ask for what is missing. The first rejection of a dialogue is kept (not accepted)
    so the office can see reports the directive's rule sends back."""
    ref, name = _attachment(ctx, dialog)
    if not dialog.data.get("rejected_logged"):
        crud.add_report(ctx.session, task, ctx.person, kind=kind, text="\n".join(parts), accepted=False,
                        actor=ctx.actor, channel=ctx.incoming.channel, missing=",".join(check.missing))
    dialogs.advance(ctx.session, dialog, step="more", parts=parts, rejected_logged=True,
                    attachment_ref=ref, attachment_name=name)
    key = "report.vague" if check.vague and len(parts) == 1 else "report.incomplete"
    return [Reply(ctx.t(key, missing=_missing_text(ctx, check)), buttons=cancel_markup(ctx))]


def _too_long(ctx: Context) -> list[Reply]:
    return [Reply(ctx.t("report.too_long", limit=MAX_REPORT_CHARS), buttons=cancel_markup(ctx))]


def _gate(ctx: Context, dialog: Dialog, task: Task, kind: str, check) -> tuple[str, quality.ReportCheck]:
    """The answer so far, through the quality gate: (text, check) once accepted,
    otherwise refused with the replies that ask again or say what is missing."""
    parts = _parts(ctx, dialog)
    if parts is None:
        raise Refusal(*_too_long(ctx))
    if not parts:
        raise Refusal(_ask(ctx, kind, task))
    text = "\n".join(parts)
    result = check(text, ctx.today)
    if not result.accepted:
        raise Refusal(*_reject(ctx, dialog, task, parts, result, kind))
    return text, result


def _progress(ctx: Context, dialog: Dialog, task: Task) -> list[Reply]:
    if dialog.step == "milestone":
        return _progress_milestone(ctx, dialog, task)
    if dialog.step == "within_deadline":
        return _new_milestone(ctx, dialog, task)
    text, check = _gate(ctx, dialog, task, "progress", quality.check_progress)
    milestone, guessed = dates.find_milestone(text, ctx.today, task.deadline)
    if check.milestone is not None and (milestone is None or not guessed):
        # A full date: the gate's reading, where a later answer corrects an earlier one.
        milestone, guessed = check.milestone, False
    found = {"output": check.output or "", "obstacle": check.obstacle or "", "plan": check.plan or ""}
    # Refused while the deadline can still be met; an overdue task is late already, and
    # its report says when it will be done (the overdue reminders continue).
    if task.deadline and milestone and milestone > task.deadline >= ctx.today:
        return _milestone_after_deadline(ctx, dialog, task, text, milestone, found)
    return _save_progress(ctx, dialog, task, text, milestone or check.milestone, guessed, found)


def _save_progress(ctx: Context, dialog: Dialog, task: Task, text: str, milestone: date | None, guessed: bool,
                   found: dict) -> list[Reply]:
    ref, name = _attachment(ctx, dialog)
    report = crud.add_report(ctx.session, task, ctx.person, kind="progress", text=text, milestone=milestone,
                             output=found["output"], obstacle=found["obstacle"], plan=found["plan"],
                             attachment_ref=ref, attachment_name=name, actor=ctx.actor,
                             channel=ctx.incoming.channel)
    if task.lead_unit_id == ctx.person.unit_id and task.status != "in_progress":
        crud.set_status(ctx.session, task, "in_progress", ctx.person, ctx.today, actor=ctx.actor)
    dialogs.finish(ctx.session, ctx.person.id)
    late = coordination.after_report(ctx, task, report)
    year = "\n" + ctx.t("report.year_read", date=fmt_date(milestone)) if guessed and milestone else ""
    return [Reply(ctx.t("report.progress_saved", id=task.id, milestone=fmt_date(milestone),
                        output=found["output"]) + year + _coordinator_note(ctx, task) + late)]


def _milestone_after_deadline(ctx: Context, dialog: Dialog, task: Task, text: str, milestone: date,
                              found: dict) -> list[Reply]:
    """The directive's bar: a milestone after the deadline is not a plan to finish on
    time. The official gives one within the deadline, or asks for an extension."""
    ref, name = _attachment(ctx, dialog)
    dialogs.advance(ctx.session, dialog, step="within_deadline", parts=[text], found=found,
                    attachment_ref=ref, attachment_name=name)
    buttons = []
    if task.lead_unit_id == ctx.person.unit_id:
        buttons.append([Button(ctx.t("btn.extend"), f"{STATUS}:e:{task.id}")])
    buttons += cancel_markup(ctx)
    return [Reply(ctx.t("report.milestone_after_deadline", id=task.id, milestone=fmt_date(milestone),
                        deadline=fmt_date(task.deadline)), buttons=buttons)]


def _new_milestone(ctx: Context, dialog: Dialog, task: Task) -> list[Reply]:
    """The answer to "a milestone within the deadline?": a date, kept with the report."""
    answer = _text(ctx)
    milestone, guessed = dates.find_milestone(answer, ctx.today, task.deadline)
    if milestone is None:
        milestone, guessed = dates.parse_date(answer, ctx.today), False
    if milestone is None:
        return [Reply(ctx.t("report.ask_milestone_again", deadline=fmt_date(task.deadline)),
                      buttons=cancel_markup(ctx))]
    if task.deadline and milestone > task.deadline:
        return _milestone_after_deadline(ctx, dialog, task, dialog.data["parts"][0], milestone,
                                         dialog.data.get("found", {}))
    text = dialog.data["parts"][0] + "\n" + ctx.t("report.milestone_revised", date=fmt_date(milestone))
    found = {"output": "", "obstacle": "", "plan": "", **dialog.data.get("found", {})}
    return _save_progress(ctx, dialog, task, text, milestone, guessed, found)


def _done(ctx: Context, dialog: Dialog, task: Task) -> list[Reply]:
    # A new answer replaces the one that was not (or not yet) a product.
    fresh = dialog.step in _PRODUCT_STEPS and bool(_text(ctx) or ctx.incoming.attachment)
    parts = _parts(ctx, dialog, fresh=fresh)
    if parts is None:
        return _too_long(ctx)
    ref, name = _attachment(ctx, dialog)
    text = "\n".join(parts)
    if task.lead_unit_id != ctx.person.unit_id:
        return _coordinator_done(ctx, dialog, task, parts, ref, name)
    # A file alone is not a product: the official names it (products.check_completion).
    check = quality.check_done(text, ctx.today)
    verdict = products.check_completion(text, check.output, expected_output=task.expected_output,
                                        action=task.action, has_attachment=bool(ref))
    if verdict.verdict != "not_product" and not check.accepted and not ref:
        return _reject(ctx, dialog, task, parts, check, "done")
    if verdict.verdict == "ok":
        return _submit(ctx, task, text, check.output or "", ref, name)
    logged = bool(dialog.data.get("rejected_logged"))
    if verdict.verdict == "not_product" and not logged:
        # Sent back by the notice's rule: the office sees it with the gate's refusals.
        crud.add_report(ctx.session, task, ctx.person, kind="done", text=text or name, accepted=False,
                        attachment_ref=ref, attachment_name=name, actor=ctx.actor, channel=ctx.incoming.channel,
                        missing="final_product")
        logged = True
    dialogs.advance(ctx.session, dialog, step=verdict.verdict, parts=parts, attachment_ref=ref,
                    attachment_name=name, output=check.output or "", rejected_logged=logged)
    return [_product_question(ctx, task, verdict, name)]


# Steps of a ✅ Xong dialogue waiting for a real product, or for the official's word on it.
_PRODUCT_STEPS = ("not_product", "unnamed_file", "mismatch")


def _product_question(ctx: Context, task: Task, verdict: products.CompletionCheck, file_name: str) -> Reply:
    t = ctx.t
    if verdict.verdict == "not_product":
        return Reply(t("product.not_product", id=task.id, rule=t("product.rule"),
                       reason=t(f"product.reason.{verdict.reason}")),
                     buttons=[[Button(t("btn.as_progress"), f"{AS_PROGRESS}:{task.id}")], [cancel_button(ctx)]])
    if verdict.verdict == "unnamed_file":
        return Reply(t("product.name_file", name=file_name or "?"), buttons=cancel_markup(ctx))
    return Reply(t("product.mismatch", id=task.id, stated=t(f"product.kind.{verdict.stated_kind}"),
                   expected=t(f"product.kind.{verdict.expected_kind}")),
                 buttons=[[Button(t("btn.confirm_product"), f"{CONFIRM_PRODUCT}:{task.id}")], [cancel_button(ctx)]])


def _coordinator_done(ctx: Context, dialog: Dialog, task: Task, parts: list[str], ref: str,
                      name: str) -> list[Reply]:
    """A coordinator's "done" is its part, not the task's completion: as before, a file counts."""
    text = "\n".join(parts)
    check = quality.check_done(text, ctx.today, has_attachment=bool(ref))
    if not check.accepted:
        return _reject(ctx, dialog, task, parts, check, "done")
    report = crud.add_report(ctx.session, task, ctx.person, kind="done", text=text or name,
                             output=check.output or name, attachment_ref=ref, attachment_name=name, actor=ctx.actor,
                             channel=ctx.incoming.channel)
    dialogs.finish(ctx.session, ctx.person.id)
    answered = coordination.after_report(ctx, task, report)
    return [Reply(ctx.t("report.coordinator_done_saved", id=task.id) + answered)]


def _submit(ctx: Context, task: Task, text: str, output: str, ref: str, name: str) -> list[Reply]:
    """The lead unit's completion, with its product, goes to the office for review."""
    report = crud.add_report(ctx.session, task, ctx.person, kind="done", text=text or name, output=output or name,
                             attachment_ref=ref, attachment_name=name, actor=ctx.actor,
                             channel=ctx.incoming.channel)
    review = reviews.submit(ctx.session, task, ctx.person, report, ctx.now, actor=ctx.actor)
    notify.completion_submitted(ctx.session, review, task, ctx.unit.name, ctx.person, report, ctx.now)
    coordination.after_report(ctx, task, report)  # a completion answers the at-risk reasons
    dialogs.finish(ctx.session, ctx.person.id)
    reply = ctx.t("review.submitted", id=task.id, output=shorten(review.output, 200))
    if task.deadline and ctx.today > task.deadline:
        reply += "\n" + ctx.t("review.submitted_late", days=(ctx.today - task.deadline).days)
    return [Reply(reply)]


def confirm_product_button(ctx: Context, arg: str) -> list[Reply]:
    """"Đúng, ghi nhận": the stated product is what the unit delivers, though of another kind."""
    dialog, task = _product_dialog(ctx, arg, "mismatch")
    if task is None:
        return [Reply(ctx.t("button.expired"), notice=ctx.t("button.expired"))]
    ref, name = dialog.data.get("attachment_ref", ""), dialog.data.get("attachment_name", "")
    return _submit(ctx, task, "\n".join(dialog.data.get("parts", [])), dialog.data.get("output", ""), ref, name)


def as_progress_button(ctx: Context, arg: str) -> list[Reply]:
    """"Ghi nhận là tiến độ": what was sent stays, as progress; only the milestone is asked."""
    dialog, task = _product_dialog(ctx, arg, "not_product")
    if task is None:
        return [Reply(ctx.t("button.expired"), notice=ctx.t("button.expired"))]
    dialogs.start(ctx.session, ctx.person.id, "progress", task.id, "milestone", dict(dialog.data))
    return [Reply(ctx.t("product.ask_milestone", id=task.id, deadline=fmt_date(task.deadline) or ctx.t("due.none")),
                  buttons=cancel_markup(ctx), notice=ctx.t("btn.as_progress"))]


def _product_dialog(ctx: Context, arg: str, step: str) -> tuple[Dialog | None, Task | None]:
    dialog = dialogs.current(ctx.session, ctx.person.id)
    if (dialog is None or dialog.kind != "done" or dialog.step != step or str(dialog.task_id) != arg):
        return None, None
    task = crud.visible_task(ctx.session, ctx.person, dialog.task_id)
    if task is None or task.status in ("done", AWAITING_REVIEW):
        return None, None
    return dialog, task


def _progress_milestone(ctx: Context, dialog: Dialog, task: Task) -> list[Reply]:
    """The milestone of a "done" recorded as progress instead."""
    text = _text(ctx)
    milestone, _ = dates.find_milestone(text, ctx.today, task.deadline)
    milestone = milestone or dates.parse_date(text, ctx.today)
    if milestone is None:
        return [Reply(ctx.t("product.ask_milestone", id=task.id, deadline=fmt_date(task.deadline) or ctx.t("due.none")),
                      buttons=cancel_markup(ctx))]
    if task.deadline and milestone > task.deadline >= ctx.today:  # the same bar as any progress report
        buttons = [[Button(ctx.t("btn.extend"), f"{STATUS}:e:{task.id}")]] if task.lead_unit_id == ctx.person.unit_id \
            else []
        return [Reply(ctx.t("report.milestone_after_deadline", id=task.id, milestone=fmt_date(milestone),
                            deadline=fmt_date(task.deadline)), buttons=buttons + cancel_markup(ctx))]
    said = "\n".join(list(dialog.data.get("parts", [])) + [text])
    ref, name = dialog.data.get("attachment_ref", ""), dialog.data.get("attachment_name", "")
    output = dialog.data.get("output") or shorten(" ".join(dialog.data.get("parts", [])), 200) or name
    report = crud.add_report(ctx.session, task, ctx.person, kind="progress", text=said, milestone=milestone,
                             output=output, attachment_ref=ref, attachment_name=name, actor=ctx.actor,
                             channel=ctx.incoming.channel)
    if task.status != "in_progress":
        crud.set_status(ctx.session, task, "in_progress", ctx.person, ctx.today, actor=ctx.actor)
    dialogs.finish(ctx.session, ctx.person.id)
    late = coordination.after_report(ctx, task, report)
    return [Reply(ctx.t("report.progress_saved", id=task.id, milestone=fmt_date(milestone), output=output) + late)]


def _blocked(ctx: Context, dialog: Dialog, task: Task) -> list[Reply]:
    text, check = _gate(ctx, dialog, task, "blocked", quality.check_blocker)
    ref, name = _attachment(ctx, dialog)
    report = crud.add_report(ctx.session, task, ctx.person, kind="blocked", text=text, milestone=check.milestone,
                             obstacle=check.obstacle or text, plan=check.plan or "", attachment_ref=ref,
                             attachment_name=name, actor=ctx.actor, channel=ctx.incoming.channel)
    if task.lead_unit_id == ctx.person.unit_id:
        crud.set_status(ctx.session, task, "blocked", ctx.person, ctx.today, actor=ctx.actor)
    # "Văn phòng sẽ theo dõi": the office hears of it now, not at the next summary.
    notify.blocked_reported(ctx.session, report, task, ctx.unit.name, ctx.person, ctx.now)
    dialogs.finish(ctx.session, ctx.person.id)
    late = coordination.after_report(ctx, task, report)
    return [Reply(ctx.t("report.blocked_saved", id=task.id) + _coordinator_note(ctx, task) + late)]


def _coordinator_note(ctx: Context, task: Task) -> str:
    return "" if task.lead_unit_id == ctx.person.unit_id else "\n" + ctx.t("report.coordinator_note")


_DATE_TOKEN = re.compile(r"\d{1,4}[/.\-]\d{1,2}(?:[/.\-]\d{2,4})?")


def _extension(ctx: Context, dialog: Dialog, task: Task) -> list[Reply]:
    t = ctx.t
    text = _text(ctx)
    if dialog.step in ("ask", "date"):
        if not text:
            return [Reply(t("extension.ask_date", example=deadlines.example(ctx.today, after=task.deadline)),
                          buttons=cancel_markup(ctx))]
        new_date = dates.parse_date(text, ctx.today) or dates.find_date(text, ctx.today)
        if new_date is None:
            key = "extension.bad_date" if dates.looks_like_date(text) else "extension.ask_date"
            dialogs.advance(ctx.session, dialog, step="date")
            return [Reply(t(key, example=deadlines.example(ctx.today, after=task.deadline)), buttons=cancel_markup(ctx))]
        if new_date <= ctx.today or (task.deadline and new_date <= task.deadline):
            dialogs.advance(ctx.session, dialog, step="date")
            return [Reply(t("extension.date_not_later", deadline=fmt_date(task.deadline),
                            example=deadlines.example(ctx.today, after=task.deadline)),
                          buttons=cancel_markup(ctx))]
        # "30/6/2026 vì chờ ý kiến của Bộ": the reason may come with the date.
        reason = _DATE_TOKEN.sub(" ", text) if dates.parse_date(text, ctx.today) is None else ""
        if _enough_reason(reason):
            return _save_extension(ctx, task, new_date, reason)
        dialogs.advance(ctx.session, dialog, step="reason", new_date=new_date.isoformat())
        given = _bare_reason(reason)
        if given:  # "20/1/2027 vì chờ Bộ": say why it is asked again
            return [Reply(t("extension.reason_too_short_given", date=fmt_date(new_date), reason=shorten(given, 80)),
                          buttons=cancel_markup(ctx))]
        return [Reply(t("extension.ask_reason", date=fmt_date(new_date)), buttons=cancel_markup(ctx))]
    # step == "reason"
    if not _enough_reason(text):
        return [Reply(t("extension.reason_short"), buttons=cancel_markup(ctx))]
    return _save_extension(ctx, task, date.fromisoformat(dialog.data["new_date"]), text)


def _enough_reason(text: str) -> bool:
    words = [w for w in re.split(r"\W+", text) if w and w.lower() not in ("vì", "do", "lý", "do:")]
    return len(words) >= MIN_REASON_WORDS


_REASON_LEAD = re.compile(r"^(?:(?:bởi\s+)?vì|do|bởi|lý\s+do|ly\s+do|vi)\b\s*:?\s*", re.IGNORECASE)


def _bare_reason(text: str) -> str:
    """The reason itself: "vì chờ Bộ" → "chờ Bộ", "Lý do: …" → "…"."""
    text = " ".join(text.split()).strip(" ,.;:-")
    return _REASON_LEAD.sub("", text).strip(" ,.;:-")


def _save_extension(ctx: Context, task: Task, new_date: date, reason: str) -> list[Reply]:
    reason = _bare_reason(reason)
    if len(reason) > MAX_REPORT_CHARS:
        return _too_long(ctx)
    req = crud.request_extension(ctx.session, task, ctx.person, new_date, reason, actor=ctx.actor)
    notify.extension_requested(ctx.session, req, task, ctx.unit, ctx.person, ctx.now)
    dialogs.finish(ctx.session, ctx.person.id)
    return [Reply(ctx.t("extension.saved", id=task.id, date=fmt_date(new_date),
                        deadline=fmt_date(task.deadline)))]
