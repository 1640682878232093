from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlmodel import Session, select

from storage.models import ROLES, ChatBinding, Invitation, Person, Snooze, Unit, nfc, utcnow

from . import audit

# No 0/O/1/I/L: codes are read aloud and typed from paper.
_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"


def new_code(length: int = 10) -> str:
    return "".join(secrets.choice(_CODE_ALPHABET) for _ in range(length))


def create_invitation(session: Session, unit: Unit, role: str, *, expires_days: int = 7,
                      actor: str = "cli", created_by: int | None = None) -> Invitation:
    if role not in ROLES:
        raise ValueError(role)
    inv = Invitation(code=new_code(), unit_id=unit.id, role=role,
                     expires_at=utcnow() + timedelta(days=expires_days))
    session.add(inv)
    session.flush()
    audit.log(session, "invitation.create", "invitation", inv.id, actor=actor, person_id=created_by,
              unit=unit.name, role=role, expires_days=expires_days)
    return inv


def find_binding(session: Session, channel: str, user_id: str) -> tuple[Person, ChatBinding] | None:
    row = session.exec(
        select(Person, ChatBinding)
        .join(ChatBinding, ChatBinding.person_id == Person.id)
        .where(ChatBinding.channel == channel, ChatBinding.user_id == user_id, Person.active == True)  # noqa: E712
    ).first()
    return (row[0], row[1]) if row else None


@dataclass(frozen=True)
class Redeemed:
    ok: bool
    reason: str = ""  # unknown | used | expired
    person: Person | None = None
    unit: Unit | None = None


def redeem_invitation(session: Session, code: str, *, channel: str, user_id: str, chat_id: str,
                      full_name: str, language: str) -> Redeemed:
    """Bind a chat to the invitation's unit and role. The row is locked so that
    two people racing for one code cannot both win."""
    inv = _claimable(session, code)
    if isinstance(inv, str):
        return Redeemed(False, inv)
    person = Person(full_name=nfc(full_name)[:255], unit_id=inv.unit_id, role=inv.role, language=language)
    session.add(person)
    session.flush()
    session.add(ChatBinding(person_id=person.id, channel=channel, user_id=user_id, chat_id=chat_id))
    inv.used_at = utcnow()
    inv.used_by = person.id
    audit.log(session, "invitation.redeem", "invitation", inv.id, person_id=person.id,
              actor=f"{channel}:{user_id}", role=inv.role, unit_id=inv.unit_id)
    return Redeemed(True, person=person, unit=session.get(Unit, inv.unit_id))


def rebind(session: Session, person: Person, binding: ChatBinding, code: str) -> Redeemed:
    """A bound person uses another invitation (new unit or role): same person, new binding."""
    inv = _claimable(session, code)
    if isinstance(inv, str):
        return Redeemed(False, inv)
    person.unit_id, person.role = inv.unit_id, inv.role
    inv.used_at, inv.used_by = utcnow(), person.id
    audit.log(session, "invitation.redeem", "invitation", inv.id, person_id=person.id,
              actor=f"{binding.channel}:{binding.user_id}", role=inv.role, unit_id=inv.unit_id)
    return Redeemed(True, person=person, unit=session.get(Unit, inv.unit_id))


def _claimable(session: Session, code: str) -> Invitation | str:
    """The invitation, locked for this transaction, or why it cannot be used."""
    code = code.strip().upper()
    inv = session.exec(select(Invitation).where(Invitation.code == code).with_for_update()).first()
    if inv is None:
        return "unknown"
    if inv.used_at is not None:
        return "used"
    if _aware(inv.expires_at) < datetime.now(UTC):
        return "expired"
    return inv


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def snooze(session: Session, person_id: int, task_id: int, until: datetime) -> None:
    row = session.get(Snooze, (person_id, task_id))
    if row is None:
        row = Snooze(person_id=person_id, task_id=task_id, until=until)
    row.until = until
    session.add(row)


def reachable(session: Session, *conditions) -> list[tuple[Person, ChatBinding]]:
    """Active people matching `conditions`, each with the active chat they used last
    (where pushes to them go)."""
    rows = session.exec(
        select(Person, ChatBinding).join(ChatBinding, ChatBinding.person_id == Person.id)
        .where(Person.active == True, ChatBinding.active == True, *conditions)  # noqa: E712
        .order_by(Person.id, ChatBinding.last_seen_at.desc())
    )
    out, seen = [], set()
    for person, binding in rows:
        if person.id not in seen:
            seen.add(person.id)
            out.append((person, binding))
    return out


def office_staff(session: Session) -> list[tuple[Person, ChatBinding]]:
    return reachable(session, Person.role.in_(("office", "admin")))
