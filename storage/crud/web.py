"""The web desk's sign-in: one-time links, server-side sessions, attempt counting.

A secret (link or cookie) is 256 random bits handed out once; the database keeps its
SHA-256 only. Redeeming a link is one UPDATE … WHERE used_at IS NULL: two browsers
racing with the same link cannot both get in."""
from __future__ import annotations

import hashlib
import secrets
from datetime import UTC, datetime, timedelta
from typing import NamedTuple

from sqlalchemy import delete, text, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from storage.models import Person, Unit, WebAttempt, WebLink, WebSession

from . import audit

# Don't rewrite a session row on every page.
SEEN_EVERY = timedelta(minutes=5)


def reading(session: Session) -> None:
    """Set up a desk page's transaction. PostgreSQL's JIT compiles any query the
    planner guesses expensive (an aggregate over the month's tasks with its
    correlated subqueries is "expensive"): 100 ms of compiling for a query that runs in
    less. Parallel workers, for a query of a few tens of milliseconds, cost more to
    start and to share the machine with than they save (measured at 100,000 tasks)."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SET LOCAL jit = off"))
        session.execute(text("SET LOCAL max_parallel_workers_per_gather = 0"))


def new_secret() -> str:
    return secrets.token_urlsafe(32)  # 256 bits


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8", "replace")).hexdigest()


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def create_link(session: Session, person_id: int, now: datetime, minutes: int, *, actor: str = "") -> str:
    """A sign-in link's secret for this person, valid `minutes`."""
    secret = new_secret()
    now = now.astimezone(UTC)
    link = WebLink(token_hash=digest(secret), person_id=person_id, created_at=now,
                   expires_at=now + timedelta(minutes=minutes))
    session.add(link)
    session.flush()
    audit.log(session, "web.link", "person", person_id, person_id=person_id, actor=actor, link_id=link.id,
              minutes=minutes)
    return secret


def link_is_fresh(session: Session, secret: str, now: datetime) -> bool:
    """The link exists, is unused and not expired (the confirmation page; spends nothing)."""
    link = session.exec(select(WebLink).where(WebLink.token_hash == digest(secret))).first()
    return link is not None and link.used_at is None and _aware(link.expires_at) > now


def redeem_link(session: Session, secret: str, now: datetime) -> int | None:
    """The person the link was made for, once: the link is spent by this call."""
    now = now.astimezone(UTC)
    row = session.execute(
        update(WebLink).where(WebLink.token_hash == digest(secret), WebLink.used_at.is_(None),
                              WebLink.expires_at > now)
        .values(used_at=now).returning(WebLink.person_id)
    ).first()
    return row[0] if row else None


class Signed(NamedTuple):
    """A session as a request sees it."""
    session_id: int
    csrf: str
    person: Person
    unit: Unit


def create_session(session: Session, person_id: int, now: datetime, hours: float, *, user_agent: str = "",
                   actor: str = "") -> tuple[str, str]:
    """A new session for the person: (cookie secret, CSRF token)."""
    secret, csrf = new_secret(), secrets.token_hex(32)
    now = now.astimezone(UTC)
    row = WebSession(token_hash=digest(secret), person_id=person_id, csrf=csrf, created_at=now,
                     expires_at=now + timedelta(hours=hours), last_seen_at=now, user_agent=user_agent[:255])
    session.add(row)
    session.flush()
    audit.log(session, "web.signin", "person", person_id, person_id=person_id, actor=actor, session_id=row.id)
    return secret, csrf


def find_session(session: Session, secret: str, now: datetime) -> Signed | None:
    """The live session behind a cookie, with its (active) person and unit."""
    found = session.exec(
        select(WebSession, Person, Unit).join(Person, Person.id == WebSession.person_id)
        .join(Unit, Unit.id == Person.unit_id)
        .where(WebSession.token_hash == digest(secret), WebSession.revoked_at.is_(None))
    ).first()
    if found is None:
        return None
    row, person, unit = found
    if _aware(row.expires_at) <= now or not person.active:
        return None
    if now - _aware(row.last_seen_at) > SEEN_EVERY:
        row.last_seen_at = now.astimezone(UTC)
        session.add(row)
    return Signed(row.id, row.csrf, person, unit)


def end_session(session: Session, session_id: int, now: datetime, *, actor: str = "") -> None:
    row = session.get(WebSession, session_id)
    if row is not None and row.revoked_at is None:
        row.revoked_at = now.astimezone(UTC)
        session.add(row)
        audit.log(session, "web.signout", "person", row.person_id, person_id=row.person_id, actor=actor,
                  session_id=row.id)


def end_all(session: Session, person_id: int, now: datetime, *, actor: str = "") -> int:
    """Every live session of the person, and their unused links: how many sessions ended."""
    now = now.astimezone(UTC)
    ended = session.execute(
        update(WebSession).where(WebSession.person_id == person_id, WebSession.revoked_at.is_(None),
                                 WebSession.expires_at > now).values(revoked_at=now)
    ).rowcount
    session.execute(update(WebLink).where(WebLink.person_id == person_id, WebLink.used_at.is_(None))
                    .values(used_at=now))
    audit.log(session, "web.signout_all", "person", person_id, person_id=person_id, actor=actor, sessions=ended)
    return ended


def allow_attempt(session: Session, address: str, now: datetime, *, limit: int, window: timedelta) -> bool:
    """Count one sign-in attempt of `address`; False once it made `limit` in the window.
    The row is locked for the count, so processes counting at once add up."""
    now = now.astimezone(UTC)
    address = address[:64]
    row = session.exec(select(WebAttempt).where(WebAttempt.address == address).with_for_update()).first()
    if row is None:
        try:
            with session.begin_nested():
                session.add(WebAttempt(address=address, window_start=now, count=1))
        except IntegrityError:  # another process inserted the row first: count on it
            return allow_attempt(session, address, now, limit=limit, window=window)
        return True
    if now - _aware(row.window_start) >= window:
        row.window_start, row.count = now, 1
    else:
        row.count += 1
    session.add(row)
    return row.count <= limit


def prune(session: Session, now: datetime, keep: timedelta = timedelta(days=7)) -> int:
    """Forget links, sessions and attempt windows that ended more than `keep` ago."""
    cutoff = now.astimezone(UTC) - keep
    removed = session.execute(delete(WebLink).where(WebLink.expires_at < cutoff)).rowcount
    removed += session.execute(delete(WebSession).where(WebSession.expires_at < cutoff)).rowcount
    removed += session.execute(delete(WebAttempt).where(WebAttempt.window_start < cutoff)).rowcount
    return removed
