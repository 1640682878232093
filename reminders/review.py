"""Automatic acceptance of completions nobody reviewed (REVIEW_AUTO_ACCEPT_WORKING_DAYS;
off by default): run by the reminder sweep. A completion submitted N working days ago
or more and still awaiting review is accepted as if the office had, marked `auto` (in
the task's history, /nhiemvu and the workbook) and audited; the unit is told. Each
review is decided once: its row is locked and its status changes in the same
transaction as the push (keyed by the review)."""
from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

from handlers import notify
from storage.crud import reviews
from storage.db import Database
from storage.models import Task


def auto_accept(db: Database, now: datetime, cfg) -> int:
    """Accept what waited long enough; returns the pushes queued."""
    days = getattr(cfg, "review_auto_accept_days", 0)
    if not days:
        return 0
    today = now.astimezone(cfg.tz).date()
    # N working days take at least N calendar days: only older submissions can qualify.
    before = datetime.combine(today - timedelta(days=days - 1), time(0), cfg.tz).astimezone(UTC)
    queued = 0
    with db.session() as session:
        for review in reviews.submitted_before(session, before):
            submitted = review.submitted_at if review.submitted_at.tzinfo else review.submitted_at.replace(tzinfo=UTC)
            if cfg.calendar.working_days_between(submitted.astimezone(cfg.tz).date(), today) < days:
                continue
            task = session.get(Task, review.task_id)
            reviews.accept(session, review, task, None, now, auto=True, actor="auto")
            queued += notify.completion_decided(session, review, task, now)
    return queued
