"""Who may do what. Handlers ask here instead of comparing role strings themselves.

- official: their unit's tasks, reports, extension requests.
- head: as an official, plus the summary (/tonghop) of their own unit.
- office / admin: publish directives, assign tasks, decide extensions, summaries of
  every unit, exports.
"""
from __future__ import annotations

from .context import Context
from .messages import Reply

OFFICE = ("office", "admin")
SUMMARY = ("head", "office", "admin")


def is_office(ctx: Context) -> bool:
    return ctx.person is not None and ctx.person.role in OFFICE


def refuse_unless_office(ctx: Context) -> list[Reply] | None:
    """None when the person is office staff, else the refusal to send."""
    if is_office(ctx):
        return None
    return [Reply(ctx.t("role.office_only"), notice=ctx.t("role.office_only_short"))]


def refuse_unless_summary(ctx: Context) -> list[Reply] | None:
    if ctx.person is not None and ctx.person.role in SUMMARY:
        return None
    return [Reply(ctx.t("role.summary_only"), notice=ctx.t("role.office_only_short"))]
