"""/start <invitation code>."""
from __future__ import annotations

from presentation.messages import Reply
from storage.crud import people

from .context import Context


def start_command(ctx: Context, args: str) -> list[Reply]:
    t = ctx.t
    code = args.strip().split()[0] if args.strip() else ""
    if ctx.person is not None:
        if not code:
            return [Reply(t("start.already", unit=ctx.unit.name, role=t(f"role.{ctx.person.role}")))]
        result = people.rebind(ctx.session, ctx.person_row(), ctx.binding, code)
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
