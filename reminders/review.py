"""Automatic acceptance of completions nobody reviewed (REVIEW_AUTO_ACCEPT_WORKING_DAYS;
off by default): run by the reminder sweep. A completion submitted N working days ago
or more and still awaiting review is accepted as if the office had, marked `auto` (in
the task's history, /nhiemvu and the workbook) and audited; the unit is told. Each
review is decided once: its row is locked and its status changes in the same
transaction as the push (keyed by the review).

The verdict's push to the unit (completion_decided) lives here, below the handlers,
which send it too when a person decides."""
from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

from sqlmodel import Session

from locales import Translator
from presentation.messages import Button, payload
from presentation.render import DETAIL_ROUTE, fmt_date, shorten, task_buttons
from storage.crud import outbox, people, reviews
from storage.db import Database
from storage.models import CompletionReview, Person, Task


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
            if task is None:  # the foreign key keeps it; a deleted task has nothing to accept
                continue
            reviews.accept(session, review, task, None, now, auto=True, actor="auto")
            queued += completion_decided(session, review, task, now)
    return queued


def completion_decided(session: Session, review: CompletionReview, task: Task, now: datetime) -> int:
    """The lead unit's people learn the verdict: accepted (by the office or automatically),
    or returned with the reason and the task's buttons (it is open again)."""
    rows = []
    for person, binding in people.reachable(session, Person.unit_id == review.unit_id):
        t = Translator(person.language)
        if review.status == "returned":
            text = t("review.returned_notice", id=task.id, action=shorten(task.action, 200),
                     reason=shorten(review.reason, 1000), deadline=fmt_date(task.deadline) or t("due.none"))
            buttons = [task_buttons(t, task.id or 0), [Button(t("btn.details"), f"{DETAIL_ROUTE}:{task.id}")]]
        else:
            key = "review.auto_notice" if review.auto else "review.accepted_notice"
            late = t("review.late", days=(review.completed_on - review.deadline).days) \
                if task.completed_late and review.deadline else t("review.on_time")
            text = t(key, id=task.id, action=shorten(task.action, 200), on_time=late)
            buttons = [[Button(t("btn.details"), f"{DETAIL_ROUTE}:{task.id}")]]
        rows.append({"key": people.push_key(f"revdec:{review.id}", person, binding), "channel": binding.channel,
                     "chat_id": binding.chat_id, "person_id": person.id, "task_id": task.id, "kind": "review",
                     "payload": payload(text, buttons), "not_before": now.astimezone(UTC)})
    return outbox.enqueue(session, rows)
