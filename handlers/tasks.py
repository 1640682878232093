"""/nhiemvu: the unit's tasks, most urgent first; one task in full with its history."""
from __future__ import annotations

import re
from datetime import UTC

from presentation.messages import Button, Reply
from presentation.render import (
    DETAIL_ROUTE,
    MAX_ACTION_IN_LIST,
    due_label,
    fmt_date,
    fmt_local,
    recurrence_label,
    shorten,
    status_label,
    task_buttons,
)
from presentation.risk import reasons_text
from storage.crud import reviews, weakspots
from storage.crud import tasks as crud

from . import coordination, notify
from .context import Context
from .roles import is_office

# Button routes: a page of the list (l:<page>), a task in full (t:<task id>).
PAGE = "l"
DETAIL = DETAIL_ROUTE
PER_PAGE = 8
_TASK_ID = re.compile(r"^#?(\d{1,9})$")


def tasks_command(ctx: Context, args: str) -> list[Reply]:
    args = args.strip()
    if not args:
        return [task_page(ctx, 1)]
    m = _TASK_ID.match(args)
    if not m:
        return [Reply(ctx.t("tasks.bad_id", arg=shorten(args, 40)))]
    return [task_detail(ctx, int(m.group(1)))]


def page_button(ctx: Context, arg: str) -> list[Reply]:
    page = int(arg) if arg.isdigit() else 1
    reply = task_page(ctx, page)
    reply.edit = True
    return [reply]


def detail_button(ctx: Context, arg: str) -> list[Reply]:
    if not arg.isdigit():
        return [Reply(ctx.t("button.expired"), notice=ctx.t("button.expired"))]
    return [task_detail(ctx, int(arg))]


def task_page(ctx: Context, page: int) -> Reply:
    """One message per page (Telegram allows about one message a second per chat)."""
    t = ctx.t
    result = crud.list_open_tasks(ctx.session, ctx.person.unit_id, ctx.today, page=page, per_page=PER_PAGE)
    # Completions the office has not judged yet are off the list (nothing to do) but not forgotten.
    waiting = reviews.pending_count(ctx.session, unit_id=ctx.person.unit_id)
    waiting_line = t("tasks.awaiting_review", count=waiting) if waiting else ""
    if result.total == 0:
        return Reply(t("tasks.empty", unit=ctx.unit.name) + (f"\n{waiting_line}" if waiting else ""))
    lines = [t("tasks.header", unit=ctx.unit.name, total=result.total)]
    if result.overdue or result.due_today:
        lines.append(t("tasks.header_counts", overdue=result.overdue, today=result.due_today))
    if waiting:
        lines.append(waiting_line)
    if result.pages > 1:
        lines.append(t("tasks.page", page=result.page, pages=result.pages))
    buttons: list[list[Button]] = []
    details: list[Button] = []
    theirs = coordination.own_deadlines(ctx.session, ctx.person.unit_id,
                                        [row.task.id for row in result.rows if row.role == "coordinator"])
    for number, row in enumerate(result.rows, start=result.numbering_start):
        task = row.task
        lines.append("")
        lines.append(f"{number}. {due_label(t, task.deadline, ctx.today)} · "
                     + (t("tasks.deadline", date=fmt_date(task.deadline)) if task.deadline else t("due.none"))
                     + f" · #{task.id}")
        if task.at_risk:
            lines[-1] += " · " + t("risk.label")
        if task.deadline is None and not task.recurrence:
            lines[-1] += " · " + t("tasks.standing")
        lines.append(shorten(task.action, MAX_ACTION_IN_LIST))
        if task.id in theirs:
            lines.append(t("coordination.line_mine", unit=ctx.unit.name, deadline=fmt_date(theirs[task.id])))
        meta = [t("tasks.role_lead") if row.role == "lead" else t("tasks.role_coordinator"),
                t("tasks.status", status=status_label(t, task.status))]
        if row.directive:
            meta.insert(0, "📄 " + shorten(row.directive, 60))
        if task.recurrence:
            meta.append("🔁 " + recurrence_label(t, task.recurrence))
        if task.original_deadline and task.deadline and task.original_deadline != task.deadline:
            meta.append(t("tasks.extended", date=fmt_date(task.original_deadline)))
        lines.append(" · ".join(meta))
        if row.pending_extension:
            lines.append(t("tasks.extension_pending", date=fmt_date(row.pending_extension.requested_deadline)))
        if row.returned:
            lines.append(t("tasks.returned", date=fmt_local(row.returned.decided_at, ctx.tz)[:10],
                           reason=shorten(row.returned.reason, 120)))
        elif row.last_report:
            lines.append(t("tasks.last_report", date=fmt_local(row.last_report.created_at, ctx.tz)[:10],
                           text=shorten(row.last_report.text, 100)))
        buttons.append(task_buttons(t, task.id, number))
        details.append(Button(f"🔎 {number}", f"{DETAIL}:{task.id}"))
    buttons.append(details)
    if result.pages > 1:
        nav = []
        if result.page > 1:
            nav.append(Button(t("tasks.prev"), f"{PAGE}:{result.page - 1}"))
        nav.append(Button(t("tasks.page", page=result.page, pages=result.pages), f"{PAGE}:{result.page}"))
        if result.page < result.pages:
            nav.append(Button(t("tasks.next"), f"{PAGE}:{result.page + 1}"))
        buttons.append(nav)
    return Reply("\n".join(lines), buttons=buttons)


def task_detail(ctx: Context, task_id: int) -> Reply:
    t = ctx.t
    task = crud.visible_task(ctx.session, ctx.person, task_id)
    if task is None:
        return Reply(t("tasks.not_found", id=task_id))
    d = crud.task_detail(ctx.session, task)
    lines = [t("task.title", id=task.id), task.action, ""]
    if d.directive:
        lines.append(t("task.directive", label=d.directive.label))
    lines.append(t("task.lead", unit=d.lead.name))
    if d.coordinators:
        lines.append(t("task.coordinators", units=", ".join(u.name for u in d.coordinators)))
    coordinators, coordinator_overdue = coordination.coordinator_lines(ctx, task)
    lines += coordinators
    if task.deadline:
        lines.append(t("task.deadline", date=fmt_date(task.deadline), due=due_label(t, task.deadline, ctx.today)
                       if task.status != "done" else status_label(t, "done")))
        if task.original_deadline and task.original_deadline != task.deadline:
            lines.append(t("task.original_deadline", date=fmt_date(task.original_deadline)))
    if task.recurrence:
        lines.append(t("task.recurrence", text=recurrence_label(t, task.recurrence)))
    elif task.deadline is None and task.status != "done":
        lines.append(t("task.standing", day=ctx.rules.monthly_report_day))
    if task.expected_output:
        lines.append(t("task.expected_output", text=task.expected_output))
    lines.append(t("tasks.status", status=status_label(t, task.status)))
    if task.at_risk and task.status != "done":
        lines.append(t("risk.label") + " — " + reasons_text(t, task.at_risk))
    if task.status == "done" and task.completed_at:
        key = "task.completed_late" if task.completed_late else "task.completed_on_time"
        lines.append(t(key, at=fmt_local(task.completed_at, ctx.tz)))
        if task.completion_output:
            lines.append(t("task.completion_output", text=shorten(task.completion_output, 300)))
    task_reviews = reviews.of_task(ctx.session, task.id)
    lines += _review_state(ctx, task, task_reviews)
    history = _history(ctx, d, task_reviews)
    if history:
        lines += ["", t("task.history")] + history
    buttons = []
    own_unit = task.lead_unit_id == ctx.person.unit_id or any(u.id == ctx.person.unit_id for u in d.coordinators)
    if own_unit and task.status not in ("done", "awaiting_review"):
        buttons.append(task_buttons(t, task.id))
    if is_office(ctx) and task_reviews and task_reviews[-1].status == "pending":
        buttons += notify.review_buttons(t, task_reviews[-1], task.id)[:1]
    if coordinator_overdue and task.lead_unit_id == ctx.person.unit_id and task.status != "done":
        buttons.append([Button(t("btn.not_received"), f"{coordination.NOT_RECEIVED}:{task.id}")])
    buttons.append([Button(t("task.back"), f"{PAGE}:1")])
    return Reply("\n".join(lines), buttons=buttons)


def _review_state(ctx: Context, task, task_reviews) -> list[str]:
    """Where the completion review stands: awaiting, accepted (automatically?), or the
    reason of the last return while the task is open again."""
    if not task_reviews:
        return []
    t, last = ctx.t, task_reviews[-1]
    if last.status == "pending":
        return [t("review.detail_pending", at=fmt_local(last.submitted_at, ctx.tz), output=shorten(last.output, 300))]
    if last.status == "accepted":
        key = "review.detail_auto" if last.auto else "review.detail_accepted"
        return [t(key, at=fmt_local(last.decided_at, ctx.tz))]
    return [t("review.detail_returned", at=fmt_local(last.decided_at, ctx.tz), reason=shorten(last.reason, 500))]


def _history(ctx: Context, d: crud.TaskDetail, task_reviews=()) -> list[str]:
    t = ctx.t
    events = []
    for review in task_reviews:
        if review.status == "pending" or review.decided_at is None:
            continue
        if review.status == "returned":
            text = t("history.review_returned", at=fmt_local(review.decided_at, ctx.tz),
                     reason=shorten(review.reason, 200))
        else:
            text = t("history.review_auto" if review.auto else "history.review_accepted",
                     at=fmt_local(review.decided_at, ctx.tz))
        events.append((review.decided_at, text))
    if is_office(ctx):
        # The reports the gate sent back: who, when, the text, what was missing.
        for report, person, unit in weakspots.rejected_of_task(ctx.session, d.task.id):
            missing = ", ".join(t(f"missing_short.{m}") for m in report.missing.split(",") if m) or "—"
            events.append((report.created_at, t("history.rejected", at=fmt_local(report.created_at, ctx.tz),
                                                  name=person or "?", unit=unit,
                                                  kind=t(f"report_kind.{report.kind}"),
                                                  text=shorten(report.text, 200), missing=missing)))
    for report, unit_name in d.reports:
        extra = []
        if report.milestone:
            extra.append(t("history.milestone", date=fmt_date(report.milestone)))
        if report.attachment_name:
            extra.append(t("history.attachment", name=report.attachment_name))
        events.append((report.created_at, t("history.report", at=fmt_local(report.created_at, ctx.tz),
                                             unit=unit_name, kind=t(f"report_kind.{report.kind}"),
                                             text=shorten(report.text, 200))
                       + (f" ({'; '.join(extra)})" if extra else "")))
    for req in d.extensions:
        events.append((req.created_at, t("history.extension", at=fmt_local(req.created_at, ctx.tz),
                                          date=fmt_date(req.requested_deadline),
                                          state=t(f"extension.{req.status}"), reason=shorten(req.reason, 200))))
    events.sort(key=lambda e: e[0] if e[0].tzinfo else e[0].replace(tzinfo=UTC), reverse=True)
    return ["• " + text for _, text in events[:10]]
