"""Directive drafts (/banhanh): a directive under the office's review, its extracted
task lines kept in Directive.draft until "Ban hành"."""
from __future__ import annotations

from datetime import date
from typing import NotRequired, TypedDict

from sqlmodel import Session, select

from storage.models import Directive, Unit, nfc, utcnow

# How many of a person's open drafts /banhanh offers to resume.
MAX_OWN_DRAFTS = 5


class DraftItem(TypedDict):
    """One task line of a draft, as stored in the JSON column (so: lists, ISO dates)."""

    lead: str  # the lead unit as written, or the directory's name once resolved
    lead_id: int | None  # None: not (yet) a unit of the directory
    coordinators: list[list]  # [name, unit id or None] each
    deadline: str | None  # ISO date
    recurrence: str | None  # "monthly:23", "weekly"… (workcalendar.recurrence)
    action: str
    output: str
    uncertain: NotRequired[bool]  # read from a scan line OCR was unsure of
    coordinator_deadline: NotRequired[str | None]  # ISO date; absent: the default before the lead's


def create(session: Session, *, number: str, title: str, issuer: str, issued_on: date | None, source_text: str,
           items: list[DraftItem], created_by: int, scanned: bool = False) -> Directive:
    # `scanned`: the text came from OCR, so the review shows which lines to check against the paper.
    draft: dict = {"tasks": items, "scanned": True} if scanned else {"tasks": items}
    directive = Directive(number=nfc(number)[:128], title=nfc(title)[:1000], issuer=nfc(issuer)[:255],
                          issued_on=issued_on, source_text=source_text, status="draft", draft=draft,
                          created_by=created_by)
    session.add(directive)
    session.flush()
    return directive


def own_drafts(session: Session, person_id: int) -> list[Directive]:
    """The person's open drafts, newest first."""
    return list(session.exec(
        select(Directive).where(Directive.status == "draft", Directive.created_by == person_id)
        .order_by(Directive.created_at.desc()).limit(MAX_OWN_DRAFTS)))


def get_draft(session: Session, directive_id: object, *, lock: bool = False) -> Directive | None:
    """The draft with this id (as it came: a button's text, a dialogue's value); None when
    there is none or it was published or discarded. `lock`: until the transaction ends."""
    if directive_id is None or not str(directive_id).isdigit():
        return None
    query = select(Directive).where(Directive.id == int(str(directive_id)))
    if lock:
        query = query.with_for_update()
    directive = session.exec(query).first()
    return directive if directive is not None and directive.status == "draft" else None


def get_directive(session: Session, raw_id: str) -> Directive | None:
    return session.get(Directive, int(raw_id)) if raw_id.isdigit() else None


def items(directive: Directive) -> list[DraftItem]:
    return list((directive.draft or {}).get("tasks", []))


def save_items(session: Session, directive: Directive, new_items: list[DraftItem]) -> None:
    # A new dict, so that SQLAlchemy sees the JSON column change.
    directive.draft = {**(directive.draft or {}), "tasks": new_items}
    session.add(directive)


def discard(session: Session, directive: Directive) -> None:
    directive.status = "discarded"
    session.add(directive)


def mark_published(session: Session, directive: Directive) -> None:
    directive.status, directive.published_at = "published", utcnow()
    session.add(directive)
    session.flush()


def units_by_id(session: Session) -> dict[int, Unit]:
    """Every unit by id: a draft page names them, publishing needs them all."""
    return {u.id: u for u in session.exec(select(Unit)) if u.id is not None}
