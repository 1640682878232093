"""All tables. Importing this module registers them on SQLModel.metadata."""
from storage.roles import OFFICE_ROLES, ROLES, SUMMARY_ROLES

from .assignments import TaskAssignment
from .attempts import InviteAttempt
from .audit import AuditLog
from .base import nfc, utcnow
from .dialogs import ChatMenu, Dialog
from .directives import Directive
from .indicators import PLAN_MODES, Indicator, IndicatorPlan, IndicatorValue
from .outbox import OUTBOX_STATUSES, Outbox, RateSlot, Snooze
from .people import ChatBinding, Invitation, Person
from .tasks import (
    AWAITING_REVIEW,
    OPEN_STATUSES,
    REVIEW_STATUSES,
    TASK_STATUSES,
    CompletionReview,
    ExtensionRequest,
    ProgressReport,
    ReminderQueue,
    Task,
    TaskCoordinator,
)
from .units import Unit
from .updates import ProcessedUpdate
from .web import WebAttempt, WebLink, WebSession

__all__ = [
    "AWAITING_REVIEW", "AuditLog", "ChatBinding", "ChatMenu", "CompletionReview", "Dialog", "Directive",
    "ExtensionRequest",
    "Invitation", "InviteAttempt", "OFFICE_ROLES", "OPEN_STATUSES", "OUTBOX_STATUSES", "Outbox", "ProcessedUpdate",
    "RateSlot", "Snooze",
    "Person", "ProgressReport", "REVIEW_STATUSES", "ROLES", "ReminderQueue", "SUMMARY_ROLES", "TASK_STATUSES", "Task",
    "TaskCoordinator", "Unit", "WebAttempt", "WebLink", "WebSession", "nfc", "utcnow",
    "TaskAssignment", "Indicator", "IndicatorPlan", "IndicatorValue", "PLAN_MODES",
]
