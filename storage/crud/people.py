from __future__ import annotations

import secrets
from collections import namedtuple
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, NamedTuple

from sqlalchemy import bindparam
from sqlalchemy import select as sa_select
from sqlmodel import Session, select

from storage.models import OFFICE_ROLES, ROLES, ChatBinding, Dialog, Invitation, Person, Snooze, Unit, nfc, utcnow

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


def _view(name: str, model) -> type:
    """A read-only copy of one row of `model`'s table, with the model's attribute names
    (built from the table, so a new column is in it by itself)."""
    return namedtuple(name, [column.key for column in model.__table__.c])


if TYPE_CHECKING:  # the type checker sees the models' columns
    PersonView = Person
    BindingView = ChatBinding
    UnitView = Unit
else:
    PersonView = _view("PersonView", Person)
    BindingView = _view("BindingView", ChatBinding)
    UnitView = _view("UnitView", Unit)


class Member(NamedTuple):
    """Who is writing, as plain values: every incoming message needs them and few change
    them; loading three ORM entities cost a tenth of a task page's CPU. What changes one
    loads its row (session.get) — see `touch` and handlers.context.Context.person_row."""
    person: PersonView
    binding: BindingView
    unit: UnitView
    in_dialog: bool  # a dialogue row exists (open or expired)


# Built once with bound parameters: every incoming message runs it, and building the
# statement and its cache key per call cost more than the query. The dialogue flag
# spares most messages a second query (each command ends the open dialogue).
_PERSON, _BINDING, _UNIT = Person.__table__, ChatBinding.__table__, Unit.__table__
_MEMBER = (
    sa_select(*_PERSON.c, *_BINDING.c, *_UNIT.c, Dialog.__table__.c.person_id.is_not(None))
    .select_from(_PERSON)
    .join(_BINDING, _BINDING.c.person_id == _PERSON.c.id)
    .join(_UNIT, _UNIT.c.id == _PERSON.c.unit_id)
    .outerjoin(Dialog.__table__, Dialog.__table__.c.person_id == _PERSON.c.id)
    .where(_BINDING.c.channel == bindparam("channel"), _BINDING.c.user_id == bindparam("user_id"),
           _PERSON.c.active == True)  # noqa: E712
)
_P_END = len(_PERSON.c)
_B_END = _P_END + len(_BINDING.c)


def find_member(session: Session, channel: str, user_id: str) -> Member | None:
    """The active person bound to this chat user, with the binding and unit, in one query."""
    row = session.execute(_MEMBER, {"channel": channel, "user_id": user_id}).first()
    if row is None:
        return None
    return Member(PersonView._make(row[:_P_END]), BindingView._make(row[_P_END:_B_END]),
                  UnitView._make(row[_B_END:-1]), bool(row[-1]))


_TOUCH = (_BINDING.update().where(_BINDING.c.id == bindparam("binding_id"))
          .values(chat_id=bindparam("chat_id"), active=True, last_seen_at=bindparam("at")))


def touch(session: Session, binding_id: int, *, chat_id: str, at: datetime) -> None:
    """The chat a person wrote from, marked active and seen at `at`."""
    session.execute(_TOUCH, {"binding_id": binding_id, "chat_id": chat_id, "at": at})


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
    if inv.person_id is not None:
        return _link(session, inv, channel=channel, user_id=user_id, chat_id=chat_id)
    person = Person(full_name=nfc(full_name)[:255], unit_id=inv.unit_id, role=inv.role, language=language)
    session.add(person)
    session.flush()
    session.add(ChatBinding(person_id=person.id, channel=channel, user_id=user_id, chat_id=chat_id))
    inv.used_at = utcnow()
    inv.used_by = person.id
    audit.log(session, "invitation.redeem", "invitation", inv.id, person_id=person.id,
              actor=f"{channel}:{user_id}", role=inv.role, unit_id=inv.unit_id)
    return Redeemed(True, person=person, unit=session.get(Unit, inv.unit_id))


def create_link_code(session: Session, person: Person, *, minutes: int = 30, actor: str = "") -> Invitation:
    """A one-time code that binds another channel's chat to this person (same unit,
    role, settings) instead of creating a new person."""
    inv = Invitation(code=new_code(), unit_id=person.unit_id, role=person.role, person_id=person.id,
                     expires_at=utcnow() + timedelta(minutes=minutes))
    session.add(inv)
    session.flush()
    audit.log(session, "link.create", "invitation", inv.id, person_id=person.id, actor=actor)
    return inv


def _link(session: Session, inv: Invitation, *, channel: str, user_id: str, chat_id: str) -> Redeemed:
    person = session.get(Person, inv.person_id)
    if person is None or not person.active:
        return Redeemed(False, "unknown")
    session.add(ChatBinding(person_id=person.id, channel=channel, user_id=user_id, chat_id=chat_id))
    inv.used_at, inv.used_by = utcnow(), person.id
    audit.log(session, "link.redeem", "invitation", inv.id, person_id=person.id, actor=f"{channel}:{user_id}")
    return Redeemed(True, person=person, unit=session.get(Unit, person.unit_id))


def rebind(session: Session, person: Person, binding: ChatBinding, code: str) -> Redeemed:
    """A bound person uses another invitation (new unit or role): same person, new binding."""
    inv = _claimable(session, code)
    if isinstance(inv, str):
        return Redeemed(False, inv)
    if inv.person_id is not None:  # a link code is for a chat not bound yet
        return Redeemed(False, "link_bound")
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


# What reachable() returns: read-only rows with the columns of Person / ChatBinding but
# their times (a sweep reads thousands; ORM objects cost more than the rest of its
# reading, and converting each row's two times a fifth of the rest; nothing reads them).
_PERSON_COLUMNS = [c for c in Person.__table__.c if c.name != "created_at"]
_BINDING_COLUMNS = [c for c in ChatBinding.__table__.c if c.name != "last_seen_at"]
if TYPE_CHECKING:
    PersonRow = Person
    BindingRow = ChatBinding
else:
    PersonRow = namedtuple("PersonRow", [c.name for c in _PERSON_COLUMNS])
    BindingRow = namedtuple("BindingRow", [c.name for c in _BINDING_COLUMNS])


def reachable(session: Session, *conditions) -> list[tuple[PersonRow, BindingRow]]:
    """Active people matching `conditions`, each with the active chats their pushes go
    to: the chat used last, or with push_channels "all" the chat used last on each
    channel (one pair per channel, the most recently used channel first)."""
    person_columns, binding_columns = Person.__table__.c, ChatBinding.__table__.c
    split = len(_PERSON_COLUMNS)
    rows = session.execute(
        sa_select(*_PERSON_COLUMNS, *_BINDING_COLUMNS)
        .join_from(Person.__table__, ChatBinding.__table__, binding_columns.person_id == person_columns.id)
        .where(person_columns.active == True, binding_columns.active == True, *conditions)  # noqa: E712
        .order_by(person_columns.id, binding_columns.last_seen_at.desc(), binding_columns.id.desc())
    ).all()
    out, seen = [], set()
    for row in rows:
        person = PersonRow._make(row[:split])
        binding = BindingRow._make(row[split:])
        # One chat per person, or per person and channel with "all".
        key = (person.id, binding.channel) if person.push_channels == "all" else person.id
        if key not in seen:
            seen.add(key)
            out.append((person, binding))
    return out


def push_key(base: str, person, binding) -> str:
    """An outbox key for a push to one person: `base:p<id>`. With push_channels "all" the
    same push goes to several channels, so the key names the channel too (always, not
    only when there are two: a chat used on another channel later must not change it)."""
    key = f"{base}:p{person.id}"
    return f"{key}:{binding.channel}" if person.push_channels == "all" else key


def office_staff(session: Session) -> list[tuple[PersonRow, BindingRow]]:
    return reachable(session, Person.role.in_(OFFICE_ROLES))


def bindings_of(session: Session, person_id: int) -> list[ChatBinding]:
    """Every chat a person is bound on, the one used last first."""
    return list(session.exec(select(ChatBinding).where(ChatBinding.person_id == person_id)
                             .order_by(ChatBinding.last_seen_at.desc())))
