from __future__ import annotations

from datetime import UTC, timedelta

from sqlmodel import Session

from storage.models import Dialog, utcnow

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
