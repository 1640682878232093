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


def _nfc(text: str | None) -> str | None:
    return unicodedata.normalize("NFC", text) if text is not None else None


class Assistant:
    def __init__(self, db: Database, tz: ZoneInfo, clock: Callable[[], datetime] | None = None,
                 rules: Rules | None = None, web_url: str | None = None):
        self.db = db
        self.tz = tz
        self.clock = clock or (lambda: datetime.now(UTC))
        self.rules = rules or Rules()
        # The web desk's base URL for /web's links (set by whoever serves the desk).
        self.web_url = web_url

    def handle(self, incoming: Incoming) -> list[Reply]:
        """Answer one message. Never raises: a failure is a reply, and the transaction
        of this message is rolled back whole (nothing half-saved)."""
        incoming = replace(incoming, text=_nfc(incoming.text), display_name=_nfc(incoming.display_name) or "")
        fallback = Translator(normalize_language(incoming.language_hint))
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
        except (OperationalError, DBAPIError):
            log.exception("database unavailable while handling %s:%s", incoming.channel, incoming.user_id)
            return [Reply(fallback("error.database"))]
        except Exception:
            log.exception("failed to handle %s:%s", incoming.channel, incoming.user_id)
            return [Reply(fallback("error.internal"))]

    def _context(self, session, incoming: Incoming) -> Context:
        member = people.find_member(session, incoming.channel, incoming.user_id)
        person, binding, unit = (member.person, member.binding, member.unit) if member else (None, None, None)
        lang = person.language if person else normalize_language(incoming.language_hint)
        ctx = Context(session=session, incoming=incoming, t=Translator(lang),
                      now=self.clock().astimezone(self.tz), tz=self.tz, person=person, binding=binding,
                      unit=unit, in_dialog=member is not None and member.in_dialog, rules=self.rules,
                      web_url=self.web_url)
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
        if ctx.person is None and not command.public:
            return [Reply(ctx.t("stranger"))]
        # A new command ends any open dialogue, except /huy which reports it.
        if ctx.person is not None and command.ends_dialog and ctx.in_dialog:
            dialogs.finish(ctx.session, ctx.person.id)
        roles.require(ctx, command.roles)
        return command.handler(ctx, args.strip())

    def _button(self, ctx: Context, data: str) -> list[Reply]:
        if ctx.person is None:
            return [Reply(ctx.t("stranger"), notice=ctx.t("stranger_short"))]
        prefix, _, arg = data.partition(":")
        route = BY_PREFIX.get(prefix)
        if route is None:
            return [Reply(ctx.t("button.expired"), notice=ctx.t("button.expired"))]
        roles.require(ctx, route.roles)
        return route.handler(ctx, arg)
