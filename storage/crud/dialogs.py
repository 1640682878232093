from __future__ import annotations

from datetime import UTC, timedelta

from sqlalchemy import delete
from sqlmodel import Session

from storage.db import dialect_insert
from storage.models import ChatMenu, Dialog, utcnow

# A dialogue left unanswered this long is forgotten: an answer a day later is
# more likely about something else.
DIALOG_TTL = timedelta(hours=24)


def current(session: Session, person_id: int) -> Dialog | None:
    dialog = session.get(Dialog, person_id)
    if dialog is None:
        return None
    updated = dialog.updated_at if dialog.updated_at.tzinfo else dialog.updated_at.replace(tzinfo=UTC)
    if utcnow() - updated > DIALOG_TTL:
        session.delete(dialog)
        session.flush()
        return None
    return dialog


def start(session: Session, person_id: int, kind: str, task_id: int | None, step: str,
          data: dict | None = None) -> Dialog:
    dialog = session.get(Dialog, person_id)
    if dialog is None:
        dialog = Dialog(person_id=person_id, kind=kind)
    dialog.kind, dialog.task_id, dialog.step = kind, task_id, step
    dialog.data = dict(data or {})
    dialog.updated_at = utcnow()
    session.add(dialog)
    session.flush()
    return dialog


def advance(session: Session, dialog: Dialog, step: str | None = None, **data: object) -> None:
    if step is not None:
        dialog.step = step
    # A new dict, so that SQLAlchemy sees the JSON column change.
    dialog.data = {**dialog.data, **data}
    dialog.updated_at = utcnow()
    session.add(dialog)


def finish(session: Session, person_id: int) -> bool:
    dialog = session.get(Dialog, person_id)
    if dialog is None:
        return False
    session.delete(dialog)
    return True


def get_menu(session: Session, channel: str, chat_id: str) -> ChatMenu | None:
    menu = session.get(ChatMenu, (channel, chat_id))
    if menu is None:
        return None
    updated = menu.updated_at if menu.updated_at.tzinfo else menu.updated_at.replace(tzinfo=UTC)
    return menu if utcnow() - updated <= DIALOG_TTL else None


def set_menu(session: Session, channel: str, chat_id: str, options: list[str], lang: str) -> None:
    """The chat's current menu; an empty one ends the last (a reply without choices).
    An upsert: two processes may answer the same chat at once."""
    table = ChatMenu.__table__
    if not options:
        session.execute(delete(table).where(table.c.channel == channel, table.c.chat_id == chat_id))
        return
    insert = dialect_insert(session.get_bind().dialect.name)
    values = {"channel": channel, "chat_id": chat_id, "options": list(options), "lang": lang,
              "updated_at": utcnow()}
    stmt = insert(table).values(**values)
    session.execute(stmt.on_conflict_do_update(index_elements=["channel", "chat_id"],
                                               set_={k: stmt.excluded[k] for k in ("options", "lang", "updated_at")}))
