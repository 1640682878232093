"""Directives as stored documents: finding one already imported or published."""
from __future__ import annotations

from datetime import date

from sqlmodel import Session, select

from storage.models import Directive, Task

from .units import name_key


def same_directive(session: Session, number: str, issuer: str, issued: date | None, *,
                   exclude: int | None = None) -> Directive | None:
    """A directive already stored (imported or published, not a draft under review nor
    a discarded one) under this number: the same issuer and issue date when both sides
    know them ("45/TB-UBND" of another year is another document)."""
    if not number:
        return None
    query = select(Directive).where(Directive.number == number, Directive.status == "published")
    if exclude is not None:
        query = query.where(Directive.id != exclude)
    for found in session.exec(query.order_by(Directive.id)):
        if issuer and found.issuer and name_key(issuer) != name_key(found.issuer):
            continue
        if issued and found.issued_on and issued != found.issued_on:
            continue
        return found
    return None


def task_count(session: Session, directive_id: int) -> int:
    """How many tasks a directive has (every period of a recurring duty counted)."""
    return len(session.exec(select(Task.id).where(Task.directive_id == directive_id)).all())
