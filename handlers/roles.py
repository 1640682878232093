"""Who may do what. Handlers ask here instead of comparing role strings themselves;
the roles and the sets that grant rights are declared once, in storage/roles.py."""
from __future__ import annotations

from presentation.messages import Reply
from storage.models import OFFICE_ROLES, SUMMARY_ROLES

from .context import Context


def is_office(ctx: Context) -> bool:
    return ctx.person is not None and ctx.person.role in OFFICE_ROLES


def refuse_unless_office(ctx: Context) -> list[Reply] | None:
    """None when the person is office staff, else the refusal to send."""
    if is_office(ctx):
        return None
    return [Reply(ctx.t("role.office_only"), notice=ctx.t("role.office_only_short"))]


def refuse_unless_summary(ctx: Context) -> list[Reply] | None:
    if ctx.person is not None and ctx.person.role in SUMMARY_ROLES:
        return None
    return [Reply(ctx.t("role.summary_only"), notice=ctx.t("role.office_only_short"))]
