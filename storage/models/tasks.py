from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Index, Text, UniqueConstraint, text
from sqlmodel import Column, Field, SQLModel

from .base import utcnow

# draft: extracted, not yet published; open: published, nobody reported (or a
# completion was returned); in_progress / blocked: last report said so;
# awaiting_review: the lead unit reported it done with its product, the office has not
# judged it yet (CompletionReview); done: completed (the completion was accepted).
TASK_STATUSES = ("draft", "open", "in_progress", "blocked", "awaiting_review", "done")
OPEN_STATUSES = ("open", "in_progress", "blocked")
AWAITING_REVIEW = "awaiting_review"


class Task(SQLModel, table=True):
    __table_args__ = (
        # /nhiemvu: a unit's unfinished tasks by deadline.
        Index("ix_task_lead_status_deadline", "lead_unit_id", "status", "deadline"),
        # The web desk's task list: every task by deadline, a page at a time.
        Index("ix_task_deadline_id", "deadline", "id"),
        # One task per period of a recurring duty, however many sweeps run.
        UniqueConstraint("series_id", "deadline", name="uq_task_series_deadline"),
        # /vuongmac and the office's digest: blocked tasks only (a handful among many).
        Index("ix_task_blocked", "lead_unit_id", postgresql_where=text("status = 'blocked'"),
              sqlite_where=text("status = 'blocked'")),
        # The digest lists the tasks at risk: an index of those only.
        Index("ix_task_at_risk", "at_risk", sqlite_where=text("at_risk <> ''"),
              postgresql_where=text("at_risk <> ''")),
    )

    id: int | None = Field(default=None, primary_key=True)
    directive_id: int | None = Field(default=None, foreign_key="directive.id", index=True)
    lead_unit_id: int = Field(foreign_key="unit.id")
    action: str = Field(sa_column=Column(Text, nullable=False))
    expected_output: str = Field(default="", max_length=1000)
    # The date this task (or this period of a recurring duty) is due, local calendar date.
    deadline: date | None = None
    # As approved first; kept when an extension moves `deadline`.
    original_deadline: date | None = None
    recurrence: str | None = Field(default=None, max_length=32)
    status: str = Field(default="open", max_length=16)
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)
    completed_at: datetime | None = None
    completed_late: bool | None = None
    completion_output: str = Field(default="", max_length=2000)
    # Recurring duties: every period is its own task; `series_id` is the first one's id.
    series_id: int | None = Field(default=None, foreign_key="task.id")
    # "Nguy cơ chậm": the reasons (reminders.risk.REASONS, comma-separated; '' when not
    # at risk) as the reminder sweep last found them, and since when.
    at_risk: str = Field(default="", max_length=64)
    at_risk_since: date | None = None
    # When the reminder sweep looks at the task next: ReminderQueue.


class ReminderQueue(SQLModel, table=True):
    """When the reminder sweep must look at a task next, and when it last did (the
    policy's `since`).

    Kept out of the task table and ordered by time (SQLite: WITHOUT ROWID, rows stored
    in key order): a sweep takes its due entries from the head and puts each task's next
    entry among the tasks due at the same time, rewriting a few pages instead of one task
    page per reminder (a morning's 10,000 reminders rewrote 40 MB of task pages, and
    every task index on PostgreSQL). Nothing looks an entry up by task, so there is no
    index by task (nor a foreign key, which would need one): an entry whose task is
    finished is dropped when it comes due, and a task may have two entries for a while
    (an extension asks for a look at once); the outbox keys keep that from sending
    anything twice. Whatever makes a task open again must queue it (crud.tasks.queue_look)."""

    __tablename__ = "reminderqueue"
    __table_args__ = {"sqlite_with_rowid": False}

    due_at: datetime = Field(primary_key=True)
    task_id: int = Field(primary_key=True)
    checked_at: datetime | None = None


class TaskCoordinator(SQLModel, table=True):
    # A unit's coordinated tasks straight from the index (no table visits).
    __table_args__ = (
        Index("ix_taskcoordinator_unit_task", "unit_id", "task_id"),
        # The daily digest looks for coordinators past their own deadline.
        Index("ix_taskcoordinator_deadline", "deadline"),
    )

    task_id: int = Field(foreign_key="task.id", primary_key=True)
    unit_id: int = Field(foreign_key="unit.id", primary_key=True)
    position: int = 0
    # When the coordinator must answer the lead ("phối hợp … trước ngày …"), if set.
    deadline: date | None = None
    # The coordinator's first accepted report, and how many days after its deadline it
    # came (0: on time): a late answer stays late.
    answered_at: datetime | None = None
    late_days: int | None = None


class ProgressReport(SQLModel, table=True):
    """What a unit said about a task. Rejected attempts are kept (accepted=False)
    so the office can see who keeps sending reports the directive does not accept."""

    __table_args__ = (Index("ix_progressreport_task_created", "task_id", "created_at"),)

    id: int | None = Field(default=None, primary_key=True)
    task_id: int = Field(foreign_key="task.id")
    person_id: int = Field(foreign_key="person.id", index=True)
    unit_id: int = Field(foreign_key="unit.id")
    kind: str = Field(max_length=16)  # progress | blocked | done
    text: str = Field(sa_column=Column(Text, nullable=False))
    milestone: date | None = None
    output: str = Field(default="", max_length=2000)
    obstacle: str = Field(default="", max_length=2000)
    plan: str = Field(default="", max_length=2000)
    attachment_ref: str = Field(default="", max_length=512)
    attachment_name: str = Field(default="", max_length=255)
    # The channel the report came through: a file's handle (`attachment_ref`) is only
    # good on the platform that gave it.
    channel: str = Field(default="", max_length=16)
    accepted: bool = True
    # A report the quality gate sent back: what it asked for ("milestone,output").
    missing: str = Field(default="", max_length=100)
    created_at: datetime = Field(default_factory=utcnow)


REVIEW_STATUSES = ("pending", "accepted", "returned")


class CompletionReview(SQLModel, table=True):
    """A lead unit's completion, judged by the office ("Không đánh giá hoàn thành nhiệm
    vụ chỉ bằng việc đã ban hành văn bản…"): pending until accepted (by a person, or
    automatically after N working days: `auto`) or returned with a reason. The task is
    done only once a completion is accepted; it then counts from `completed_on`."""

    __table_args__ = (
        # /duyet and the automatic acceptance: pending ones, oldest first.
        Index("ix_completionreview_status_submitted", "status", "submitted_at"),
        Index("ix_completionreview_task", "task_id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    task_id: int = Field(foreign_key="task.id")
    report_id: int = Field(foreign_key="progressreport.id")
    unit_id: int = Field(foreign_key="unit.id")
    person_id: int = Field(foreign_key="person.id")
    submitted_at: datetime = Field(default_factory=utcnow)
    # The unit's completion date (local) and the deadline in force then: on-time is
    # judged on these when the completion is accepted.
    completed_on: date
    deadline: date | None = None
    output: str = Field(default="", max_length=2000)
    status: str = Field(default="pending", max_length=16)
    decided_at: datetime | None = None
    decided_by: int | None = Field(default=None, foreign_key="person.id")
    auto: bool = False
    reason: str = Field(default="", sa_column=Column(Text, nullable=False))


class ExtensionRequest(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    task_id: int = Field(foreign_key="task.id", index=True)
    person_id: int = Field(foreign_key="person.id")
    unit_id: int = Field(foreign_key="unit.id")
    current_deadline: date | None = None
    requested_deadline: date
    reason: str = Field(sa_column=Column(Text, nullable=False))
    status: str = Field(default="pending", max_length=16)  # pending | approved | rejected
    created_at: datetime = Field(default_factory=utcnow)
    decided_at: datetime | None = None
    decided_by: int | None = Field(default=None, foreign_key="person.id")
    # The office may approve another date than the one asked for.
    decided_deadline: date | None = None
    decision_note: str = Field(default="", max_length=1000)
