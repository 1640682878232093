"""All tables. Importing this module registers them on SQLModel.metadata."""
from .audit import AuditLog
from .base import nfc, utcnow
from .dialogs import ChatMenu, Dialog
from .directives import Directive
from .outbox import OUTBOX_STATUSES, Outbox, RateSlot, Snooze
from .people import ROLES, ChatBinding, Invitation, Person
from .tasks import (
    AWAITING_REVIEW, OPEN_STATUSES, REVIEW_STATUSES, TASK_STATUSES, CompletionReview, ExtensionRequest, ProgressReport, ReminderQueue, Task, TaskCoordinator,
)
from .units import Unit
from .updates import ProcessedUpdate

__all__ = [
    "AWAITING_REVIEW", "AuditLog", "ChatBinding", "CompletionReview", "REVIEW_STATUSES", "ChatMenu", "Dialog", "Directive", "ExtensionRequest", "Invitation",
    "OPEN_STATUSES", "OUTBOX_STATUSES", "Outbox", "ProcessedUpdate", "RateSlot", "Snooze", "Person", "ProgressReport", "ROLES", "ReminderQueue", "TASK_STATUSES", "Task",
    "TaskCoordinator", "Unit", "nfc", "utcnow",
]
