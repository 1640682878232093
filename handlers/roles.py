"""Who may do what. Handlers ask here instead of comparing role strings themselves;
the roles and the sets that grant rights are declared once, in storage/roles.py."""
from __future__ import annotations

from presentation.messages import Reply
from storage.crud import dialogs
from storage.models import OFFICE_ROLES, SUMMARY_ROLES

from .context import Context
from .refusal import Refusal

# What a person outside a role set is told, by the set (commands and routes declare theirs).
_REFUSALS = {OFFICE_ROLES: "role.office_only", SUMMARY_ROLES: "role.summary_only"}


def is_office(ctx: Context) -> bool:
    return ctx.person is not None and ctx.person.role in OFFICE_ROLES


def require(ctx: Context, allowed: tuple[str, ...] | None) -> None:
    """Raise the refusal unless the person holds one of `allowed` (None: anyone bound)."""
    if allowed is None or (ctx.person is not None and ctx.person.role in allowed):
        return
    raise Refusal(Reply(ctx.t(_REFUSALS.get(allowed, "role.office_only")), notice=ctx.t("role.office_only_short")))


def require_office(ctx: Context) -> None:
    require(ctx, OFFICE_ROLES)


def require_summary(ctx: Context) -> None:
    require(ctx, SUMMARY_ROLES)


def require_office_dialog(ctx: Context) -> None:
    """An office dialogue continued by someone who is no longer office staff: it ends,
    and they are refused."""
    if not is_office(ctx):
        dialogs.finish(ctx.session, ctx.person.id)
        require_office(ctx)
