"""All tables. Importing this module registers them on SQLModel.metadata."""
from .audit import AuditLog
from .base import nfc, utcnow
from .dialogs import ChatMenu, Dialog
from .directives import Directive
from .outbox import OUTBOX_STATUSES, Outbox, RateSlot, Snooze
from .people import ROLES, ChatBinding, Invitation, Person
from .tasks import (
    OPEN_STATUSES, TASK_STATUSES, ExtensionRequest, ProgressReport, ReminderQueue, Task, TaskCoordinator,
)
from .units import Unit
from .updates import ProcessedUpdate
from .web import WebAttempt, WebLink, WebSession

__all__ = [
    "AuditLog", "ChatBinding", "ChatMenu", "Dialog", "Directive", "ExtensionRequest", "Invitation",
    "OPEN_STATUSES", "OUTBOX_STATUSES", "Outbox", "ProcessedUpdate", "RateSlot", "Snooze", "Person", "ProgressReport", "ROLES", "ReminderQueue", "TASK_STATUSES", "Task",
    "TaskCoordinator", "Unit", "WebAttempt", "WebLink", "WebSession", "nfc", "utcnow",
]
