"""Every command and every button route, declared once.

The router's tables, /help, the Telegram command menu (bot/telegram.py) and the typed
commands Zalo shows instead of a number (bot/zalo.py) are all built from COMMANDS and
ROUTES. Adding a command is one `Command(...)` here plus its `command.<name>` line in
locales/vi.po and locales/en.po (the line /help shows, and the menu's description).

Names, aliases and prefixes are what people type and what old buttons in their chats
carry: never rename one, add an alias.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from presentation.messages import Reply
from storage.models import OFFICE_ROLES, SUMMARY_ROLES

from . import (
    assign,
    assignees,
    coordination,
    extensions,
    indicators,
    preferences,
    publish,
    reports,
    review,
    start,
    summary,
    tasks,
    weakspots,
    web,
)
from .context import Context

Handler = Callable[[Context, str], list[Reply]]


@dataclass(frozen=True)
class Command:
    name: str  # as typed, Vietnamese without diacritics: /nhiemvu
    handler: Handler
    english: str | None = None  # the English name (/tasks), shown in English /help
    aliases: tuple[str, ...] = ()  # other spellings, typed but not shown (/trogiup)
    roles: tuple[str, ...] | None = None  # who may use it (storage/roles.py); None: every bound person
    public: bool = False  # open to people without an invitation too
    help_key: str | None = None  # its line in /help (and the menu's description); None: not listed
    menu: bool = False  # in the platform's command menu (Telegram)
    ends_dialog: bool = True  # a new command ends the open dialogue; /huy reports it instead

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *((self.english,) if self.english else ()), *self.aliases)


@dataclass(frozen=True)
class Route:
    """Button data is "<prefix>:<argument>"; prefixes are short for Telegram's 64-byte
    limit and owned by the handler module that answers them."""

    prefix: str
    handler: Handler
    roles: tuple[str, ...] | None = None
    command: str | None = None  # the typed command that does the same (Zalo shows it, not a number)

    def __post_init__(self) -> None:
        if not self.prefix or ":" in self.prefix:  # the prefix ends at the first ":"
            raise ValueError(f"bad button route prefix: {self.prefix!r}")


def may_use(role: str | None, command: Command) -> bool:
    return command.roles is None or (role is not None and role in command.roles)


def help_text(t, role: str | None) -> str:
    """/help: the commands this person may use, from the declarations, in their language."""
    if role is None:
        return t("help.stranger")

    def line(c: Command) -> str:
        # English readers also see the English name they may type.
        names = f"/{c.name}" + (f" (/{c.english})" if t.lang == "en" and c.english else "")
        return f"{names} — {t(c.help_key)}"

    listed = [c for c in COMMANDS if c.help_key and may_use(role, c)]
    everyone = [line(c) for c in listed if c.roles is None]
    managed = [line(c) for c in listed if c.roles is not None]
    text = "\n".join([t("help.header"), *everyone]) + "\n\n" + t("help.tips")
    if managed:
        text += "\n\n" + "\n".join([t("help.manage_header"), *managed])
        if role in OFFICE_ROLES:
            text += "\n" + t("help.office_tips")
    return text


def help_command(ctx: Context, args: str) -> list[Reply]:
    return [Reply(help_text(ctx.t, ctx.person.role if ctx.person else None))]


COMMANDS: tuple[Command, ...] = (
    Command("start", start.start_command, public=True),
    Command("nhiemvu", tasks.tasks_command, english="tasks", help_key="command.nhiemvu", menu=True),
    Command("nhacnho", preferences.remind_command, english="remind", help_key="command.nhacnho", menu=True),
    Command("huy", reports.cancel, english="cancel", help_key="command.huy", menu=True, ends_dialog=False),
    Command("lang", preferences.lang_command, help_key="command.lang", menu=True),
    Command("kenh", preferences.channels_command, english="channels", help_key="command.kenh"),
    # named officials and monthly indicators
    Command("kpi", summary.kpi_command, help_key="command.kpi"),
    Command("chitieu", indicators.command, english="indicators", help_key="command.chitieu", menu=True),
    Command("phancong", assignees.assign_command, aliases=("giaocanbo",), roles=assignees.CAN_ASSIGN,
            help_key="command.phancong"),
    Command("help", help_command, aliases=("trogiup",), public=True, help_key="command.help", menu=True),
    # the office; a unit head has the summaries of their own unit
    Command("banhanh", publish.publish_command, english="publish", roles=OFFICE_ROLES,
            help_key="command.banhanh"),
    Command("giaoviec", assign.assign_command, english="assign", roles=OFFICE_ROLES,
            help_key="command.giaoviec"),
    Command("giahan", extensions.list_command, english="extensions", roles=OFFICE_ROLES,
            help_key="command.giahan"),
    Command("tonghop", summary.summary_command, english="summary", roles=SUMMARY_ROLES,
            help_key="command.tonghop"),
    Command("baocaothang", summary.monthly_command, english="monthly", roles=SUMMARY_ROLES,
            help_key="command.baocaothang"),
    Command("bieudo", summary.chart_command, english="chart", roles=SUMMARY_ROLES, help_key="command.bieudo"),
    Command("xuatbaocao", summary.export_command, english="export", roles=OFFICE_ROLES,
            help_key="command.xuatbaocao"),
    Command("duyet", review.list_command, english="review", roles=OFFICE_ROLES, help_key="command.duyet"),
    Command("vuongmac", weakspots.blocked_command, english="blocked", roles=SUMMARY_ROLES,
            help_key="command.vuongmac"),
    Command("web", web.web_command, roles=SUMMARY_ROLES, help_key="command.web"),
)

ROUTES: tuple[Route, ...] = (
    Route(tasks.PAGE, tasks.page_button),
    Route(tasks.DETAIL, tasks.detail_button),
    Route(reports.STATUS, reports.status_button),
    Route(reports.CANCEL, reports.cancel, command="huy"),
    Route(preferences.LANG_BUTTON, preferences.lang_button),
    Route(preferences.SNOOZE_BUTTON, preferences.snooze_button),
    # the lead has not received a coordinator's input past its deadline
    Route(coordination.NOT_RECEIVED, coordination.not_received_button),
    # moving to another unit with a new invitation: confirm, stay
    Route(start.MOVE, start.move_button),
    Route(start.KEEP, start.keep_button),
    # "👤 Giao cán bộ": the unit's people, give / take back
    Route(assignees.MENU, assignees.menu_button, assignees.CAN_ASSIGN),
    Route(assignees.PICK, assignees.pick_button, assignees.CAN_ASSIGN),
    # /chitieu: confirm, type again, which reading, skip, correct
    Route(indicators.PREFIX, indicators.button),
    # /banhanh drafts
    Route(publish.PAGE, publish.page_button, OFFICE_ROLES),
    Route(publish.RESUME, publish.resume_button, OFFICE_ROLES),
    Route(publish.MAP, publish.map_button, OFFICE_ROLES),
    Route(publish.CREATE, publish.create_button, OFFICE_ROLES),
    Route(publish.EXPAND, publish.expand_button, OFFICE_ROLES),
    Route(publish.DISCARD, publish.discard_button, OFFICE_ROLES),
    Route(publish.PUBLISH, publish.publish_button, OFFICE_ROLES),
    # /giaoviec
    Route(assign.UNIT, assign.unit_button, OFFICE_ROLES),
    Route(assign.GO, assign.go_button, OFFICE_ROLES),
    # extension decisions
    Route(extensions.APPROVE, extensions.approve_button, OFFICE_ROLES),
    Route(extensions.OTHER_DATE, extensions.other_date_button, OFFICE_ROLES),
    Route(extensions.REJECT, extensions.reject_button, OFFICE_ROLES),
    Route(extensions.NO_REASON, extensions.no_reason_button, OFFICE_ROLES),
    # /baocaothang: remind the units that have not reported
    Route(summary.REMIND_PREFIX, summary.remind_button, OFFICE_ROLES),
    # ✅ Xong that is not yet a product: record it as progress; confirm a product of another kind
    Route(reports.AS_PROGRESS, reports.as_progress_button),
    Route(reports.CONFIRM_PRODUCT, reports.confirm_product_button),
    # completion review
    Route(review.ACCEPT, review.accept_button, OFFICE_ROLES),
    Route(review.RETURN, review.return_button, OFFICE_ROLES),
    Route(review.ACCEPT_ALL, review.accept_all_button, OFFICE_ROLES),
    # /tonghop: the reports and products sent back
    Route(weakspots.RETURNED_PREFIX, weakspots.returned_button, SUMMARY_ROLES),
)

# Open dialogues by kind; the status dialogues (reports) are the default.
DIALOGS: dict[str, Callable] = {
    publish.DIALOG: publish.continue_dialog,
    assign.DIALOG: assign.continue_dialog,
    extensions.DIALOG: extensions.continue_dialog,
    indicators.DIALOG: indicators.continue_dialog,
    review.DIALOG: review.continue_dialog,
}


def _table(entries, keys) -> dict:
    table: dict = {}
    for entry in entries:
        for key in keys(entry):
            if key in table:
                raise ValueError(f"declared twice: {key!r}")
            table[key] = entry
    return table


# What the router looks up: every name and alias, every prefix.
BY_NAME: dict[str, Command] = _table(COMMANDS, lambda c: c.names)
BY_PREFIX: dict[str, Route] = _table(ROUTES, lambda r: (r.prefix,))


def menu_commands(t) -> list[tuple[str, str]]:
    """(name, description) of the commands in the platform's menu, in `t`'s language."""
    out = []
    for c in COMMANDS:
        if c.menu and c.help_key:
            text = t(c.help_key)
            out.append((c.name, text[:1].upper() + text[1:]))
    return out


def typed_commands() -> dict[str, str]:
    """Button data that has a typed command ("x" → "/huy"), for adapters without buttons."""
    return {r.prefix: "/" + r.command for r in ROUTES if r.command}

