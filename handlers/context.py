"""What every handler receives: the session, the person, their language, the clock."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlmodel import Session

from locales import Translator
from presentation.messages import Incoming
from storage.crud.people import BindingView, PersonView, UnitView
from storage.models import Person, Unit


@dataclass(frozen=True)
class Rules:
    """The deployment's settings the conversations apply (bot.settings): the monthly
    reporting day of undated tasks, the default coordinator deadline (working days
    before the lead's), and the working-day calendar."""

    monthly_report_day: int = 23
    coordinator_deadline_working_days: int = 5
    calendar: object = None  # workcalendar.workdays.WorkCalendar; None: the default one

    def work_calendar(self):
        if self.calendar is not None:
            return self.calendar
        from workcalendar.workdays import WorkCalendar

        return _default_calendar(WorkCalendar)

    def coordinator_deadline(self, lead_deadline: date | None, today: date) -> date | None:
        """The default deadline of a coordinator: N working days before the lead's; when
        that has passed already, the next working day (never after the lead's)."""
        if lead_deadline is None or not self.coordinator_deadline_working_days:
            return None
        cal = self.work_calendar()
        default = cal.add_working_days(lead_deadline, -self.coordinator_deadline_working_days)
        if default <= today:
            default = min(cal.next_working_day(today, include=False), lead_deadline)
        return default


_CALENDARS: dict = {}


def _default_calendar(factory):
    if "default" not in _CALENDARS:
        _CALENDARS["default"] = factory()
    return _CALENDARS["default"]


@dataclass
class Context:
    session: Session
    incoming: Incoming
    t: Translator
    now: datetime  # aware, in the deployment's time zone
    tz: ZoneInfo
    # Who is writing, as read-only copies of their rows (storage.crud.people.Member);
    # after /start binds a chat in this message, the new ORM rows.
    person: PersonView | Person | None = None
    binding: BindingView | None = None
    unit: UnitView | Unit | None = None
    # False when the person has no dialogue row (seen by the router's first query): the
    # dialogue lookups can be skipped. True means "maybe".
    in_dialog: bool = True
    rules: Rules = Rules()
    default_remind_hour: int = 8  # REMINDER_HOUR: a person's reminders without a /nhacnho choice
    # Where the web desk answers (its public base URL), for /web's sign-in links; None: no desk.
    web_url: str | None = None

    def person_row(self) -> Person:
        """The person's ORM row, to change it (`person` is a copy)."""
        return self.session.get(Person, self.person.id)

    def update_person(self, **changes: object) -> None:
        """Change the person's row in this message's transaction, and `person` with it."""
        row = self.person_row()
        for name, value in changes.items():
            setattr(row, name, value)
        self.person = self.person._replace(**changes)  # type: ignore[attr-defined]  # a PersonView

    @property
    def today(self) -> date:
        return self.now.date()

    @property
    def actor(self) -> str:
        return f"{self.incoming.channel}:{self.incoming.user_id}"
