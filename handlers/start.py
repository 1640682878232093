"""/start <invitation code>.

Wrong codes are counted per chat, per code prefix and over all chats (InviteAttempt):
after a few, each further try waits longer; a chat or a prefix is then locked out until
an admin lifts it (`nhacviec invite unlock`). Every failure and lock-out is audited. A bound official who
sends another unit's code is asked to confirm the move first.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from presentation.messages import Button, Reply
from reminders.messages import assignees_left
from storage.crud import assignments, attempts, audit, people
from storage.models import Unit, utcnow

from .context import Context

# Enough of a code to group guesses at one code (codes are 10 characters of 31).
PREFIX = 3
# Button routes (handlers/commands.py): move to the invitation's unit, stay.
MOVE, KEEP = "iv", "ik"


@dataclass(frozen=True)
class AttemptRule:
    """Failures allowed freely, then a delay doubling from `base` seconds (at most
    `cap`), and a lock-out at `lock_after`."""

    free: int
    lock_after: int
    base: float
    cap: float = 600.0

    def __call__(self, failures: int) -> tuple[float, bool]:
        """(seconds before the next try is checked, locked out) after `failures` failures."""
        if failures >= self.lock_after:
            return 0.0, True
        if failures < self.free:
            return 0.0, False
        return min(self.cap, self.base * 2 ** (failures - self.free)), False


# One chat: a typo or two is normal; ten wrong codes are not.
CHAT_RULE = AttemptRule(free=3, lock_after=10, base=5.0)
# One prefix, from any chats: many chats each trying codes that start alike.
PREFIX_RULE = AttemptRule(free=10, lock_after=50, base=2.0)
# Every chat together (guesses spread over many chats and prefixes): slowed, never
# locked (a lock-out here would stop every honest registration).
ALL_RULE = AttemptRule(free=100, lock_after=1 << 62, base=1.0, cap=60.0)
ALL = "all"


def scopes(ctx: Context, code: str) -> tuple[str, str]:
    inc = ctx.incoming
    return f"chat:{inc.channel}:{inc.chat_id}"[:96], f"prefix:{code.strip().upper()[:PREFIX]}"


def start_command(ctx: Context, args: str) -> list[Reply]:
    t = ctx.t
    code = args.strip().split()[0] if args.strip() else ""
    if not code:
        if ctx.person is not None:
            return [Reply(t("start.already", unit=ctx.unit.name, role=t(f"role.{ctx.person.role}")))]
        return [Reply(t("start.need_code"))]
    return _redeem(ctx, code, confirmed=False)


def move_button(ctx: Context, arg: str) -> list[Reply]:
    """`iv:<code>`: the move to another unit, confirmed (the code is checked again)."""
    return _redeem(ctx, arg, confirmed=True)


def keep_button(ctx: Context, _arg: str) -> list[Reply]:
    return [Reply(ctx.t("start.move_kept", unit=ctx.unit.name), edit=True)]


def _redeem(ctx: Context, code: str, *, confirmed: bool) -> list[Reply]:
    t, inc = ctx.t, ctx.incoming
    held = _held_back(ctx, code)
    if held is not None:
        return held
    if ctx.person is not None:
        inv = people.claimable(ctx.session, code)
        if (not isinstance(inv, str) and inv.person_id is None and inv.unit_id != ctx.person.unit_id
                and not confirmed):
            joined = ctx.session.get(Unit, inv.unit_id)
            return [Reply(t("start.move_confirm", left=ctx.unit.name, joined=joined.name,
                            role=t(f"role.{inv.role}")),
                          buttons=[[Button(t("start.move_yes", unit=joined.name)[:60], f"{MOVE}:{inv.code}"),
                                    Button(t("start.move_no"), f"{KEEP}:")]])]
        old_unit = ctx.person.unit_id
        result = people.rebind(ctx.session, ctx.person_row(), ctx.binding, code)
        if result.ok and result.person.unit_id != old_unit:
            # Moved to another unit: the old unit's tasks lose this assignee, its head is told.
            left = assignments.release(ctx.session, result.person.id, "left_unit", unit_id=old_unit, actor=ctx.actor)
            assignees_left(ctx.session, left, ctx.now)
    else:
        result = people.redeem_invitation(
            ctx.session, code, channel=inc.channel, user_id=inc.user_id, chat_id=inc.chat_id,
            full_name=inc.display_name, language=ctx.t.lang)
    if not result.ok:
        return _failed(ctx, code, result.reason)
    attempts.clear(ctx.session, scopes(ctx, code)[0])
    ctx.person, ctx.unit = result.person, result.unit
    return [Reply(t("start.welcome", name=inc.display_name or "", unit=result.unit.name,
                    role=t(f"role.{result.person.role}")), edit=confirmed)]


def _held_back(ctx: Context, code: str) -> list[Reply] | None:
    """The reply when this chat or this code prefix is locked out or must still wait."""
    rows = attempts.of(ctx.session, [*scopes(ctx, code), ALL])
    if any(row.locked for row in rows):
        return [Reply(ctx.t("start.locked"))]
    now = utcnow()
    waits = [row.wait_until for row in rows if row.wait_until is not None and row.wait_until > now]
    if waits:
        seconds = int((max(waits) - now) / timedelta(seconds=1)) + 1
        return [Reply(ctx.t("start.wait", seconds=seconds))]
    return None


def _failed(ctx: Context, code: str, reason: str) -> list[Reply]:
    """Count the failure on the chat and the prefix, audit it, and say why (and how
    long until the next try, when there is a delay now)."""
    inc, now = ctx.incoming, utcnow()
    chat_scope, prefix_scope = scopes(ctx, code)
    actor = f"{inc.channel}:{inc.user_id}"
    audit.log(ctx.session, "invitation.failed", "invitation", None, person_id=ctx.person.id if ctx.person else None,
              actor=actor, reason=reason, chat=chat_scope, prefix=prefix_scope)
    waits, locked = [], False
    for scope, rule in ((chat_scope, CHAT_RULE), (prefix_scope, PREFIX_RULE), (ALL, ALL_RULE)):
        row, newly = attempts.fail(ctx.session, scope, now, rule)
        if newly:
            audit.log(ctx.session, "invitation.locked", "inviteattempt", None, actor=actor, scope=scope,
                      failures=row.failures)
        locked = locked or row.locked
        if row.wait_until is not None:
            waits.append(row.wait_until)
    text = ctx.t(f"start.code_{reason}")
    if locked:
        text = ctx.t("start.locked")
    elif waits:
        text += "\n" + ctx.t("start.wait", seconds=int((max(waits) - now) / timedelta(seconds=1)))
    return [Reply(text)]
