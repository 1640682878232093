"""The assistant's front door: every incoming message passes here.

Cross-cutting concerns live in this one place, not in each handler: text
normalization and size limits, the database session (one transaction per
message), who the person is and which language they read, the stranger check,
dispatching by the declared commands and button routes (commands.py) with their role
checks, catching a refusal raised anywhere below, and turning any failure into a
polite reply.
"""
from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy.exc import DBAPIError, OperationalError

from locales import Translator, normalize_language
from presentation.messages import Incoming, Reply
from storage.crud import dialogs, people
from storage.db import Database
from storage.models import utcnow

from . import publish, reports, roles
from .commands import BY_NAME, BY_PREFIX, DIALOGS
from .context import Context, Rules
from .refusal import Refusal

log = logging.getLogger(__name__)

# Longer than a chat message can be on Telegram (4096); a report is far shorter.
MAX_TEXT = 4000
# Don't rewrite the binding row on every message.
SEEN_UPDATE_EVERY = timedelta(minutes=10)
# The largest id a database column (BIGINT) holds: a longer number in a button or a
# command's argument names nothing and must not reach SQL.
MAX_ID = (1 << 63) - 1
_NUMBERS = re.compile(r"\d{19,}")
# Commands whose argument is an id (a task number).
ID_COMMANDS = {"nhiemvu", "tasks"}


def fits_ids(text: str) -> bool:
    """Every run of digits in `text` is a number a BIGINT holds."""
    return all(int(run) <= MAX_ID for run in _NUMBERS.findall(text))


def storable(text: str | None) -> bool:
    """Text a database can store: PostgreSQL refuses NUL in a text value."""
    return text is None or "\x00" not in text


def _nfc(text: str | None) -> str | None:
    return unicodedata.normalize("NFC", text) if text is not None else None


class Assistant:
    def __init__(self, db: Database, tz: ZoneInfo, clock: Callable[[], datetime] | None = None,
                 rules: Rules | None = None, web_url: str | None = None, *, remind_hour: int = 8):
        self.db = db
        self.tz = tz
        self.clock = clock or (lambda: datetime.now(UTC))
        self.rules = rules or Rules()
        self.remind_hour = remind_hour  # the deployment's REMINDER_HOUR, which /nhacnho names
        # A link to the bot's private chat per channel ("https://t.me/<bot>"), set by an
        # adapter once it knows it: what a group is pointed to.
        self.links: dict[str, str] = {}
        # The web desk's base URL for /web's links (set by whoever serves the desk).
        self.web_url = web_url

    def handle(self, incoming: Incoming) -> list[Reply]:
        """Answer one message. Never raises: a failure is a reply, and the transaction
        of this message is rolled back whole (nothing half-saved)."""
        fallback = Translator(normalize_language(incoming.language_hint))
        if incoming.group:
            return self._group(incoming, fallback)
        if not storable(incoming.text) or not storable(incoming.button):
            return [Reply(fallback("error.bad_characters"), notice=fallback("button.expired") if incoming.button else None)]
        incoming = replace(incoming, text=_nfc(incoming.text),
                           display_name=_nfc(incoming.display_name.replace("\x00", "")) or "")
        try:
            with self.db.session() as session:
                ctx = self._context(session, incoming)
                try:
                    replies = self._route(ctx)
                except Refusal as refusal:  # inside the session: what was written before it holds
                    replies = refusal.replies
            for reply in replies:
                reply.lang = reply.lang or ctx.t.lang
            return replies
        except Exception as exc:
            if _unavailable(exc):
                log.exception("database unavailable while handling %s:%s", incoming.channel, incoming.user_id)
                return [Reply(fallback("error.database"))]
            log.exception("failed to handle %s:%s", incoming.channel, incoming.user_id)
            return [Reply(fallback("error.internal"))]

    def _group(self, incoming: Incoming, t: Translator) -> list[Reply]:
        """A group chat is read by everyone in it: no unit's tasks there, no dialogue,
        and the database is not touched (a person's binding follows private chats
        only). A command or a button gets a pointer to the private chat; talk, nothing."""
        if incoming.button is None and not (incoming.text or "").lstrip().startswith("/"):
            return []
        link = self.links.get(incoming.channel)
        text = t("group.private_link", link=link) if link else t("group.private")
        return [Reply(text, notice=t("group.private") if incoming.button is not None else None)]

    def _context(self, session, incoming: Incoming) -> Context:
        member = people.find_member(session, incoming.channel, incoming.user_id)
        person, binding, unit = (member.person, member.binding, member.unit) if member else (None, None, None)
        lang = person.language if person else normalize_language(incoming.language_hint)
        now = self.clock().astimezone(self.tz)
        ctx = Context(session=session, incoming=incoming, t=Translator(lang, today=now.date()),
                      now=now, tz=self.tz, person=person, binding=binding,
                      unit=unit, in_dialog=member is not None and member.in_dialog, rules=self.rules,
                      default_remind_hour=self.remind_hour, web_url=self.web_url)
        if person is not None:
            self._touch(session, binding, incoming)
        return ctx

    @staticmethod
    def _touch(session, binding: people.BindingView, incoming: Incoming) -> None:
        """Keep the chat id current (a person may reopen the chat) and the last-seen time."""
        seen = binding.last_seen_at if binding.last_seen_at.tzinfo else binding.last_seen_at.replace(tzinfo=UTC)
        now = utcnow()
        if binding.chat_id != incoming.chat_id or not binding.active or now - seen > SEEN_UPDATE_EVERY:
            people.touch(session, binding.id, chat_id=incoming.chat_id, at=now)

    def _route(self, ctx: Context) -> list[Reply]:
        t, inc = ctx.t, ctx.incoming
        text = (inc.text or "").strip()
        if len(text) > MAX_TEXT:
            return [Reply(t("error.too_long", limit=MAX_TEXT, length=len(text)))]
        if inc.button is not None:
            return self._button(ctx, inc.button)
        if text.startswith("/"):
            return self._command(ctx, text)
        if ctx.person is None:
            return [Reply(t("stranger"))]
        dialog = dialogs.current(ctx.session, ctx.person.id) if ctx.in_dialog else None
        if dialog is not None:
            if not text and inc.attachment is None:
                return [Reply(t("dialog.need_text"))]
            return DIALOGS.get(dialog.kind, reports.continue_dialog)(ctx, dialog)
        if inc.attachment is not None:
            if roles.is_office(ctx) and inc.attachment.kind == "document":
                return publish.from_file(ctx)  # the files office staff send are directives
            return [Reply(t("hint.attachment"))]
        if not any(ch.isalnum() for ch in text):
            return [Reply(t("hint.no_words"))]
        return [Reply(t("hint.free_text"))]

    def _command(self, ctx: Context, text: str) -> list[Reply]:
        head, _, args = text[1:].partition(" ")
        if "\n" in head:  # "/nhiemvu\n12"
            head, _, rest = head.partition("\n")
            args = f"{rest} {args}".strip()
        name = head.split("@", 1)[0].lower()  # "/nhiemvu@nhacviec_bot" in groups
        command = BY_NAME.get(name)
        if command is None:
            key = "unknown_command" if ctx.person else "stranger"
            return [Reply(ctx.t(key, command="/" + name[:32]))]
        if command.name in ID_COMMANDS and not fits_ids(args):
            return [Reply(ctx.t("tasks.bad_id", arg=args.strip()[:40]))]
        if ctx.person is None and not command.public:
            return [Reply(ctx.t("stranger"))]
        # A new command ends any open dialogue, except /huy which reports it; the person
        # is told in one line, or the next answer would meet the generic hint.
        closed = None
        if ctx.person is not None and command.ends_dialog and ctx.in_dialog:
            closed = dialogs.current(ctx.session, ctx.person.id)
            dialogs.finish(ctx.session, ctx.person.id)
        roles.require(ctx, command.roles)
        replies = command.handler(ctx, args.strip())
        if closed is not None:
            key = ("dialog.closed_by_command_draft" if closed.kind == publish.DIALOG and closed.step != "source"
                   else "dialog.closed_by_command_task" if closed.task_id else "dialog.closed_by_command")
            replies = [Reply(ctx.t(key, id=closed.task_id, command="/" + name))] + replies
        return replies

    def _button(self, ctx: Context, data: str) -> list[Reply]:
        if ctx.person is None:
            return [Reply(ctx.t("stranger"), notice=ctx.t("stranger_short"))]
        prefix, _, arg = data.partition(":")
        route = BY_PREFIX.get(prefix)
        if route is None or not fits_ids(arg):  # a forged press, or one naming no row
            return [Reply(ctx.t("button.expired"), notice=ctx.t("button.expired"))]
        roles.require(ctx, route.roles)
        return route.handler(ctx, arg)


def _unavailable(exc: BaseException) -> bool:
    """The database itself failed (connection lost or refused, server shutting down,
    SQLite locked or unreadable), as opposed to a statement it refused: only then is
    "database unavailable" the truth."""
    if isinstance(exc, DBAPIError) and exc.connection_invalidated:
        return True
    if not isinstance(exc, OperationalError):
        return False
    orig = getattr(exc, "orig", None)
    # psycopg: an OperationalError is a connection-level failure (its class 08, 57P0x,
    # 53xxx). Statement errors that psycopg files under OperationalError too (a lock
    # or statement timeout, 55P03/57014) are the database working, only slowly.
    sqlstate = getattr(orig, "sqlstate", None)
    return sqlstate is None or sqlstate[:2] in ("08", "53", "57", "58", "XX") and sqlstate not in ("57014",)
