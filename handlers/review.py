"""The office judges completions ("chờ đánh giá"): ✅ Đạt or ↩️ Trả lại.

A lead unit's ✅ Xong with its product arrives to office staff (notify.completion_submitted)
with `ra:<review>` (accept) and `rr:<review>` (return: the reason is asked next and sent
to the unit; the task is open again). `/duyet` lists what awaits review, oldest first,
grouped by directive, each group with a bulk accept (`rb:<directive id | 0>`). The first
decision wins: the review row is locked, a second press is told who decided.
"""
from __future__ import annotations

import re
from itertools import groupby

from presentation.messages import Button, Reply
from presentation.render import DETAIL_ROUTE, fmt_date, fmt_local, shorten
from reminders.review import completion_decided
from storage.crud import dialogs, reviews
from storage.models import CompletionReview, Dialog, Person, Task

from .context import Context
from .refusal import Refusal, expired
from .reports import CANCEL
from .roles import require_office, require_office_dialog

DIALOG = "review_return"
# Button routes: accept, return (the reason is asked), accept a directive's all.
ACCEPT = "ra"
RETURN = "rr"
ACCEPT_ALL = "rb"
MAX_REASON = 1000
MIN_REASON_WORDS = 3
MAX_GROUPS = 5
MAX_IN_GROUP = 8


def list_command(ctx: Context, _args: str = "") -> list[Reply]:
    """/duyet: completions awaiting review, oldest first, one message per directive."""
    t = ctx.t
    items = reviews.pending(ctx.session, limit=200)
    if not items:
        return [Reply(t("review.none_pending"))]
    total = reviews.pending_count(ctx.session)
    replies: list[Reply] = []
    # Oldest first inside a directive; the directives in the order of their oldest completion.
    order: dict[int | None, int] = {}
    for i, item in enumerate(items):
        order.setdefault(item.directive_id, i)
    grouped = sorted(items, key=lambda it: order[it.directive_id])
    for n, (directive_id, group) in enumerate(groupby(grouped, key=lambda it: it.directive_id)):
        if n == MAX_GROUPS:
            replies.append(Reply(t("review.more_groups")))
            break
        replies.append(_group_reply(ctx, directive_id, list(group)))
    # The count heads the first message: one message per directive, no more.
    replies[0].text = t("review.pending_header", count=total) + "\n\n" + replies[0].text
    return replies


def _group_reply(ctx: Context, directive_id: int | None, group: list[reviews.PendingReview]) -> Reply:
    t = ctx.t
    label = group[0].directive or t("review.no_directive")
    lines = [t("review.group_header", directive=shorten(label, 80), count=len(group))]
    buttons: list[list[Button]] = []
    for item in group[:MAX_IN_GROUP]:
        task, review = item.task, item.review
        lines.append("")
        lines.append(t("review.pending_line", id=task.id, unit=item.unit, name=item.person or "?",
                       at=fmt_local(review.submitted_at, ctx.tz), deadline=fmt_date(task.deadline) or t("due.none"),
                       action=shorten(task.action, 120), output=shorten(review.output, 200)))
        if item.attachment_name:
            lines.append(t("history.attachment", name=item.attachment_name))
        buttons.append([Button(f"✅ #{task.id}", f"{ACCEPT}:{review.id}"), Button(f"↩️ #{task.id}", f"{RETURN}:{review.id}"),
                        Button(f"🔎 #{task.id}", f"{DETAIL_ROUTE}:{task.id}")])
    if len(group) > MAX_IN_GROUP:
        lines.append(t("review.more_in_group", count=len(group) - MAX_IN_GROUP))
    if len(group) > 1:
        buttons.append([Button(t("btn.review_accept_all", count=len(group)), f"{ACCEPT_ALL}:{directive_id or 0}")])
    return Reply("\n".join(lines), buttons=buttons)


def _load(ctx: Context, arg: str) -> tuple[CompletionReview, Task]:
    """The pending review behind a button; refused when it is gone or already decided."""
    t = ctx.t
    review = reviews.get(ctx.session, int(arg)) if arg.isdigit() and len(arg) <= 18 else None
    if review is None:
        raise expired(t)
    task = ctx.session.get(Task, review.task_id)
    if review.status != "pending":
        who = ctx.session.get(Person, review.decided_by) if review.decided_by else None
        name = (who.full_name if who else "") or (t("review.auto_name") if review.auto else "?")
        raise Refusal(Reply(t("review.already_decided", id=task.id, status=t(f"review.status.{review.status}"),
                              name=name, at=fmt_local(review.decided_at, ctx.tz)),
                            notice=t("review.already_decided_short")))
    return review, task


def accept_button(ctx: Context, arg: str) -> list[Reply]:
    review, task = _load(ctx, arg)
    reviews.accept(ctx.session, review, task, ctx.person, ctx.now, actor=ctx.actor)
    completion_decided(ctx.session, review, task, ctx.now)
    key = "review.accepted_late" if task.completed_late else "review.accepted_reply"
    return [Reply(ctx.t(key, id=task.id, date=fmt_date(review.completed_on)), notice=ctx.t("review.accepted_short"))]


def return_button(ctx: Context, arg: str) -> list[Reply]:
    """Trả lại: the reason is asked first; the unit is told once it is given."""
    review, task = _load(ctx, arg)
    dialogs.start(ctx.session, ctx.person.id, DIALOG, task.id, "reason", {"review_id": review.id})
    return [Reply(ctx.t("review.ask_reason", id=task.id, output=shorten(review.output, 200)),
                  buttons=[[Button(ctx.t("btn.cancel"), CANCEL)]], notice=ctx.t("btn.review_return"))]


def accept_all_button(ctx: Context, arg: str) -> list[Reply]:
    """Đạt cả: every pending completion of the directive (0: tasks outside any directive)."""
    if not arg.isdigit() or len(arg) > 18:
        raise expired(ctx.t)
    directive_id = int(arg) or None
    accepted = []
    for review in reviews.pending_of_directive(ctx.session, directive_id):
        task = ctx.session.get(Task, review.task_id)
        reviews.accept(ctx.session, review, task, ctx.person, ctx.now, actor=ctx.actor)
        completion_decided(ctx.session, review, task, ctx.now)
        accepted.append(task.id)
    if not accepted:
        return [Reply(ctx.t("review.none_pending"), notice=ctx.t("review.none_pending"))]
    ids = ", ".join(f"#{i}" for i in accepted)
    return [Reply(ctx.t("review.accepted_all", count=len(accepted), ids=shorten(ids, 600)),
                  notice=ctx.t("review.accepted_short"))]


def continue_dialog(ctx: Context, dialog: Dialog) -> list[Reply]:
    """The reason of a return: sent to the unit with the task, open again."""
    require_office_dialog(ctx)
    reason = " ".join((ctx.incoming.text or "").split())
    if (problem := _reason_problem(ctx, reason)) is not None:
        problem.buttons = [[Button(ctx.t("btn.cancel"), CANCEL)]]
        return [problem]
    dialogs.finish(ctx.session, ctx.person.id)
    return _returned(ctx, str(dialog.data.get("review_id", "")), reason)


def decide(ctx: Context, review_id: int, *, accept: bool, reason: str = "") -> list[Reply]:
    """One decision in a single step, as the web desk takes it: the same checks and
    effects as ✅ Đạt, and as ↩️ Trả lại with its reason. Raises Refusal as the buttons
    do (no router in between: the role is checked here)."""
    require_office(ctx)
    if accept:
        return accept_button(ctx, str(review_id))
    reason = " ".join((reason or "").split())
    if (problem := _reason_problem(ctx, reason)) is not None:
        return [problem]
    return _returned(ctx, str(review_id), reason)


def _reason_problem(ctx: Context, reason: str) -> Reply | None:
    if len(reason) > MAX_REASON:
        return Reply(ctx.t("report.too_long", limit=MAX_REASON))
    if len([w for w in re.split(r"\W+", reason) if w]) < MIN_REASON_WORDS:
        return Reply(ctx.t("review.reason_short"))
    return None


def _returned(ctx: Context, arg: str, reason: str) -> list[Reply]:
    review, task = _load(ctx, arg)
    reviews.return_to_unit(ctx.session, review, task, ctx.person, ctx.now, reason, actor=ctx.actor)
    completion_decided(ctx.session, review, task, ctx.now)
    return [Reply(ctx.t("review.returned_reply", id=task.id, reason=shorten(review.reason, 300)),
                  notice=ctx.t("review.returned_short"))]
