"""What the office watches beside the numbers: /vuongmac (blocked tasks with their
obstacle and plan) and the drill-down of /tonghop into the reports and products sent
back (`/tonghop baocaotralai [đơn vị] [kỳ]`, or the button under /tonghop).

Office staff see every unit; a unit head only their own; officials are refused."""
from __future__ import annotations

from office.period import Period
from office.summary import in_scope
from office.text import TEXT_BUDGET
from presentation.messages import Button, Reply
from presentation.render import DETAIL_ROUTE, fmt_date, fmt_local, shorten
from storage.crud import weakspots

from . import roles
from .context import Context
from .refusal import expired

# Button route: the reports and products sent back, under /tonghop (tl:<period key>[:<unit id>]).
RETURNED_PREFIX = "tl"
MAX_LINES = 20
# Typed after /tonghop for the drill-down (folded: "báo cáo trả lại" as one word or not).
RETURNED_WORDS = ("baocaotralai", "bao cao tra lai", "tralai", "tra lai", "returned")


def blocked_command(ctx: Context, _args: str = "") -> list[Reply]:
    """/vuongmac: blocked tasks, longest blocked first."""
    t = ctx.t
    unit_id = None if roles.is_office(ctx) else ctx.person.unit_id
    items, total = weakspots.blocked_tasks(ctx.session, unit_id=unit_id, limit=MAX_LINES)
    if not items:
        return [Reply(t("blocked.none"))]
    lines = [t("blocked.header", count=total)]
    buttons = []
    for item in items:
        lines.append("")
        lines.append(t("blocked.line", id=item.task_id, unit=item.unit, action=shorten(item.action, 120),
                       deadline=fmt_date(item.deadline) or t("due.none"),
                       at=fmt_local(item.reported_at, ctx.tz) if item.reported_at else "—"))
        lines.append(t("blocked.obstacle", text=shorten(item.obstacle, 300) or "—"))
        lines.append(t("blocked.plan", text=shorten(item.plan, 300) or "—"))
        buttons.append(Button(f"🔎 #{item.task_id}", f"{DETAIL_ROUTE}:{item.task_id}"))
    if total > len(items):
        lines.append("")
        lines.append(t("summary.more", count=total - len(items)))
    rows = [buttons[i:i + 4] for i in range(0, len(buttons), 4)]
    return [Reply("\n".join(lines), buttons=rows)]


def returned_button(ctx: Context, arg: str) -> list[Reply]:
    """`tl:<period key>[:<unit id>]` under /tonghop."""
    key, _, unit_arg = arg.partition(":")
    period = Period.from_key(key)
    if period is None or (unit_arg and not (unit_arg.isdigit() and len(unit_arg) <= 18)):
        raise expired(ctx.t)
    unit_id = int(unit_arg) if unit_arg else None
    if not roles.is_office(ctx):
        unit_id = ctx.person.unit_id
    return [render_returned(ctx, period, unit_id)]


def render_returned(ctx: Context, period: Period, unit_id: int | None, unit_name: str | None = None) -> Reply:
    """Who was sent back what, when, and what was missing (or why the product fell short)."""
    t = ctx.t
    items, total = weakspots.sent_back(ctx.session, in_scope(period), unit_id=unit_id, limit=MAX_LINES)
    title = t("returned.title", period=period.label(t)) + (f" — {unit_name}" if unit_name else "")
    if not items:
        return Reply(title + "\n\n" + t("returned.none"))
    lines, size = [title, t("returned.count", count=total)], 0
    for item in items:
        if item.kind == "product":
            line = t("returned.product_line", at=fmt_local(item.at, ctx.tz), id=item.task_id, unit=item.unit,
                     name=item.person or "?", text=shorten(item.text, 160), reason=shorten(item.missing, 200))
        else:
            missing = ", ".join(t(f"missing_short.{m}") for m in item.missing.split(",") if m) or "—"
            line = t("returned.report_line", at=fmt_local(item.at, ctx.tz), id=item.task_id, unit=item.unit,
                     name=item.person or "?", kind=t(f"report_kind.{item.kind}"), text=shorten(item.text, 160),
                     missing=missing)
        size += len(line) + 2
        if size > TEXT_BUDGET:
            break
        lines += ["", line]
    if total > MAX_LINES:
        lines += ["", t("returned.more", count=total - MAX_LINES)]
    return Reply("\n".join(lines))
