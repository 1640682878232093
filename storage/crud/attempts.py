"""Failed invitation attempts (InviteAttempt rows): read, count a failure, clear, unlock."""
from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from storage.models import InviteAttempt

# Failures older than this are forgotten (a scope that is not locked starts afresh):
# a typo a week never adds up to a lock-out.
FORGET_AFTER = timedelta(hours=1)


def _aware(value: datetime | None) -> datetime | None:
    return value if value is None or value.tzinfo else value.replace(tzinfo=UTC)


def of(session: Session, scopes: list[str]) -> list[InviteAttempt]:
    rows = session.exec(select(InviteAttempt).where(InviteAttempt.scope.in_(scopes))).all()
    for row in rows:
        row.wait_until = _aware(row.wait_until)
    return list(rows)


def fail(session: Session, scope: str, now: datetime, rule) -> tuple[InviteAttempt, bool]:
    """One more failure on `scope`, its delay or lock-out set by `rule(failures)` →
    (delay seconds, locked). Returns the row and whether this failure locked it."""
    row = session.exec(select(InviteAttempt).where(InviteAttempt.scope == scope).with_for_update()).first()
    if row is None:
        try:
            with session.begin_nested():  # two processes may count the first failure at once
                row = InviteAttempt(scope=scope, failures=0, updated_at=now)
                session.add(row)
        except IntegrityError:
            row = session.exec(select(InviteAttempt).where(InviteAttempt.scope == scope).with_for_update()).one()
    if not row.locked and row.failures and _aware(row.updated_at) < now - FORGET_AFTER:
        row.failures = 0
    row.failures += 1
    delay, locked = rule(row.failures)
    newly = locked and not row.locked
    row.locked = row.locked or locked
    row.wait_until = datetime.fromtimestamp(now.timestamp() + delay, UTC) if delay else None
    row.updated_at = now
    return row, newly


def clear(session: Session, scope: str) -> None:
    row = session.get(InviteAttempt, scope)
    if row is not None and not row.locked:
        session.delete(row)


def locked(session: Session) -> list[InviteAttempt]:
    return list(session.exec(select(InviteAttempt).where(InviteAttempt.locked.is_(True))
                             .order_by(InviteAttempt.scope)).all())


def unlock(session: Session, scope: str | None = None) -> list[str]:
    """Lift the lock-out (and the count) of one scope, or of every locked scope."""
    query = select(InviteAttempt).where(InviteAttempt.locked.is_(True))
    if scope is not None:
        query = select(InviteAttempt).where(InviteAttempt.scope == scope)
    rows = session.exec(query).all()
    for row in rows:
        session.delete(row)
    return [row.scope for row in rows]
