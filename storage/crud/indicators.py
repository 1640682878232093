"""Monthly indicators: define (import), record figures (corrections kept), and the
responsible unit's monthly "report the figures" duty."""
from __future__ import annotations

import unicodedata
from calendar import monthrange
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, update
from sqlmodel import Session, select

from storage.models import Indicator, IndicatorPlan, IndicatorValue, Person, Task, Unit, nfc, utcnow

from . import audit
from . import tasks as crud_tasks

DUTY_ACTION = "Báo cáo số liệu thực hiện các chỉ tiêu được giao của tháng (nhập bằng lệnh /chitieu)"
DUTY_OUTPUT = "Số liệu chỉ tiêu tháng nhập qua /chitieu"


@dataclass
class IndicatorSpec:
    """One indicator as imported (one row of the template)."""
    name: str
    measure: str
    responsible: Unit
    year: int
    target: float
    aggregator: Unit | None = None
    plan_mode: str = "cumulative"
    higher_is_better: bool = True
    source: str = ""
    sector: str = ""
    report_day: int = 23
    plans: dict[int, float] | None = None


def upsert(session: Session, spec: IndicatorSpec, *, today: date, actor: str = "cli") -> tuple[Indicator, bool]:
    """Create the indicator (or update the one with the same name, year and unit) and
    make sure its unit has the monthly duty. Returns (indicator, created)."""
    name = nfc(spec.name).strip()
    row = session.exec(select(Indicator).where(Indicator.name == name, Indicator.year == spec.year,
                                               Indicator.responsible_unit_id == spec.responsible.id)).first()
    created = row is None
    if created:
        row = Indicator(name=name, year=spec.year, responsible_unit_id=spec.responsible.id, target=spec.target)
    row.measure, row.target = nfc(spec.measure).strip()[:64], spec.target
    row.aggregator_unit_id = spec.aggregator.id if spec.aggregator else None
    row.plan_mode, row.higher_is_better = spec.plan_mode, spec.higher_is_better
    row.source, row.sector = nfc(spec.source).strip()[:500], nfc(spec.sector).strip()[:255]
    row.report_day, row.active = spec.report_day, True
    session.add(row)
    session.flush()
    for plan in session.exec(select(IndicatorPlan).where(IndicatorPlan.indicator_id == row.id)):
        session.delete(plan)
    session.flush()
    for month, value in sorted((spec.plans or {}).items()):
        session.add(IndicatorPlan(indicator_id=row.id, month=month, value=value))
    if row.duty_series_id is None:
        row.duty_series_id = _duty_series(session, spec.responsible, spec.report_day, today, actor)
    audit.log(session, "indicator.create" if created else "indicator.update", "indicator", row.id, actor=actor,
              name=name, year=spec.year, unit=spec.responsible.name, target=spec.target)
    return row, created


def _duty_series(session: Session, unit: Unit, day: int, today: date, actor: str) -> int:
    """The unit's recurring figures duty for this reporting day: the one its other
    indicators share, or a new one (its reminders come from the reminder sweep)."""
    found = session.exec(select(Indicator.duty_series_id).join(Task, Task.id == Indicator.duty_series_id)
                         .where(Indicator.responsible_unit_id == unit.id, Indicator.duty_series_id.is_not(None),
                                Task.recurrence == f"monthly:{day}")).first()
    if found:
        return found
    task = crud_tasks.add_task(session, lead=unit, action=DUTY_ACTION, recurrence=f"monthly:{day}",
                               expected_output=DUTY_OUTPUT, today=today, actor=actor)
    return task.id


def current_value(session: Session, indicator_id: int, year: int, month: int) -> IndicatorValue | None:
    return session.exec(select(IndicatorValue).where(
        IndicatorValue.indicator_id == indicator_id, IndicatorValue.year == year, IndicatorValue.month == month,
        IndicatorValue.current == True)).first()  # noqa: E712


def value_history(session: Session, indicator_id: int, year: int, month: int) -> list[tuple[IndicatorValue, str]]:
    """Every figure entered for the month, newest first, with who entered it."""
    return [(v, name or "") for v, name in session.exec(
        select(IndicatorValue, Person.full_name).outerjoin(Person, Person.id == IndicatorValue.person_id)
        .where(IndicatorValue.indicator_id == indicator_id, IndicatorValue.year == year,
               IndicatorValue.month == month)
        .order_by(IndicatorValue.entered_at.desc(), IndicatorValue.id.desc()))]


def record(session: Session, indicator: Indicator, year: int, month: int, value: float, *, raw: str,
           person: Person | None, cause: str = "", remedy: str = "", actor: str = "") -> IndicatorValue:
    """A figure for the month. The one it replaces (a correction) stays, marked not
    current with the time it was replaced."""
    now = utcnow()
    previous = current_value(session, indicator.id, year, month)
    if previous is not None:
        session.execute(update(IndicatorValue).where(IndicatorValue.id == previous.id)
                        .values(current=False, superseded_at=now).execution_options(synchronize_session="fetch"))
    row = IndicatorValue(indicator_id=indicator.id, year=year, month=month, value=value, raw=nfc(raw)[:100],
                         cause=nfc(cause).strip(), remedy=nfc(remedy).strip(),
                         person_id=person.id if person else None, entered_at=now)
    session.add(row)
    session.flush()
    audit.log(session, "indicator.correct" if previous else "indicator.report", "indicator", indicator.id,
              person_id=person.id if person else None, actor=actor, year=year, month=month, value=value,
              previous=previous.value if previous else None, value_id=row.id)
    return row


def unit_indicators(session: Session, unit_id: int, year: int) -> list[Indicator]:
    return list(session.exec(select(Indicator).where(Indicator.responsible_unit_id == unit_id,
                                                     Indicator.year == year, Indicator.active == True)  # noqa: E712
                             .order_by(Indicator.sector, Indicator.name, Indicator.id)))


def reported_ids(session: Session, indicator_ids: list[int], year: int, month: int) -> set[int]:
    if not indicator_ids:
        return set()
    return set(session.exec(select(IndicatorValue.indicator_id).where(
        IndicatorValue.indicator_id.in_(indicator_ids), IndicatorValue.year == year, IndicatorValue.month == month,
        IndicatorValue.current == True)))  # noqa: E712


def close_duty_if_complete(session: Session, unit_id: int, year: int, month: int, person: Person,
                           today: date, *, actor: str = "") -> Task | None:
    """When every indicator of the unit has its figure for the month, the month's
    figures duty is done (late when after its day: a missing month counts as a late
    report). Returns the task closed, if any."""
    indicators = unit_indicators(session, unit_id, year)
    if not indicators or len(reported_ids(session, [i.id for i in indicators], year, month)) < len(indicators):
        return None
    series = {i.duty_series_id for i in indicators if i.duty_series_id}
    start, end = date(year, month, 1), date(year, month, monthrange(year, month)[1])
    closed = None
    for task in session.exec(select(Task).where(Task.series_id.in_(series), Task.deadline.between(start, end),
                                                Task.status.in_(("open", "in_progress", "blocked")))):
        crud_tasks.set_status(session, task, "done", person, today, actor=actor,
                              output=f"Đã nhập đủ {len(indicators)} chỉ tiêu tháng {month:02d}/{year}")
        closed = task
    return closed


def find(session: Session, text: str, year: int, *, unit_id: int | None = None) -> list[Indicator]:
    """Indicators whose name matches what was typed: exact, else every word typed
    (without diacritics) in the name."""
    query = select(Indicator).where(Indicator.year == year, Indicator.active == True)  # noqa: E712
    if unit_id is not None:
        query = query.where(Indicator.responsible_unit_id == unit_id)
    rows = list(session.exec(query.order_by(Indicator.name, Indicator.id)))
    wanted = _fold(text)
    exact = [r for r in rows if _fold(r.name) == wanted]
    if exact:
        return exact
    words = wanted.split()
    return [r for r in rows if words and all(w in _fold(r.name) for w in words)]


def _fold(text: str) -> str:
    """Lower case without diacritics: "Tăng trưởng" and "tang truong" match."""
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D").casefold())
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).split())


def years(session: Session) -> list[int]:
    return [y for (y,) in session.execute(select(func.distinct(Indicator.year)).order_by(Indicator.year))]


def is_duty(session: Session, series_id: int | None) -> bool:
    """The recurring task is an indicator figures duty (its answer is /chitieu)."""
    return series_id is not None and session.exec(
        select(Indicator.id).where(Indicator.duty_series_id == series_id).limit(1)).first() is not None


def with_units(session: Session, year: int | None = None) -> list[tuple[Indicator, str]]:
    """Indicators (of a year, or all) with their responsible unit's name."""
    query = select(Indicator, Unit.name).join(Unit, Unit.id == Indicator.responsible_unit_id)
    if year:
        query = query.where(Indicator.year == year)
    return [(i, name) for i, name in session.exec(query.order_by(Indicator.year, Unit.name, Indicator.name))]
