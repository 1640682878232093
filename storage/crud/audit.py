from __future__ import annotations

from sqlmodel import Session

from storage.models import AuditLog


def log(session: Session, action: str, entity: str, entity_id: int | None, *,
        person_id: int | None = None, actor: str = "", **detail: object) -> None:
    """Record a change in the same transaction as the change itself."""
    session.add(AuditLog(action=action, entity=entity, entity_id=entity_id,
                         person_id=person_id, actor=actor, detail=_jsonable(detail)))


def _jsonable(detail: dict) -> dict:
    out = {}
    for key, value in detail.items():
        if value is None or isinstance(value, (str, int, float, bool, list, dict)):
            out[key] = value
        else:
            out[key] = str(value)
    return out
