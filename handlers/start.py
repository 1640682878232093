"""/start <invitation code>."""
from __future__ import annotations

from presentation.messages import Reply
from reminders.messages import assignees_left
from storage.crud import assignments, people

from .context import Context


def start_command(ctx: Context, args: str) -> list[Reply]:
    t = ctx.t
    code = args.strip().split()[0] if args.strip() else ""
    if ctx.person is not None:
        if not code:
            return [Reply(t("start.already", unit=ctx.unit.name, role=t(f"role.{ctx.person.role}")))]
        old_unit = ctx.person.unit_id
        result = people.rebind(ctx.session, ctx.person_row(), ctx.binding, code)
        if result.ok and result.person.unit_id != old_unit:
            # Moved to another unit: the old unit's tasks lose this assignee, its head is told.
            left = assignments.release(ctx.session, result.person.id, "left_unit", unit_id=old_unit, actor=ctx.actor)
            assignees_left(ctx.session, left, ctx.now)
    else:
        if not code:
            return [Reply(t("start.need_code"))]
        inc = ctx.incoming
        result = people.redeem_invitation(
            ctx.session, code, channel=inc.channel, user_id=inc.user_id, chat_id=inc.chat_id,
            full_name=inc.display_name, language=ctx.t.lang)
    if not result.ok:
        return [Reply(t(f"start.code_{result.reason}"))]
    ctx.person, ctx.unit = result.person, result.unit
    return [Reply(t("start.welcome", name=ctx.incoming.display_name or "", unit=result.unit.name,
                    role=t(f"role.{result.person.role}")))]
