"""`nhacviec demo`: a fresh SQLite database with a fictional province, and the
console channel bound to one of its officials. No token, no network."""
from __future__ import annotations

import json
from datetime import UTC, date, datetime, time, timedelta
from importlib import resources
from pathlib import Path

from sqlmodel import Session

from storage.crud import assignments, people, reviews, units
from storage.crud import indicators as crud_indicators
from storage.crud import tasks as crud
from storage.models import ChatBinding, Directive, Person

SAMPLES = resources.files("bot") / "samples"


def sample_text(name: str) -> str:
    return (SAMPLES / name).read_text(encoding="utf-8")


def seed(session: Session, today: date, *, console_user: str = "console", role: str | None = None) -> dict:
    """Load the sample province. The console is bound to the sample person marked
    "console", or to the first one with `role` (e.g. "office"). Returns who the
    console user is and a spare invitation."""
    data = json.loads(sample_text("demo.json"))
    csv_path = Path(str(SAMPLES / "units.csv"))
    units.import_units_csv(session, csv_path, actor="demo")
    index = units.unit_index(session)

    def unit(name: str):
        return units.find_unit(session, name, index)

    d = data["directive"]
    directive = Directive(number=d["number"], title=d["title"], issuer=d["issuer"], issued_on=today - timedelta(days=10),
                          source_text=sample_text(d["source"]))
    session.add(directive)
    session.flush()
    me = None
    named: dict[str, Person] = {}
    staff: dict[str, Person] = {}  # the first sample person of each unit, and of the office role
    for p in data["people"]:
        person = Person(full_name=p["name"], unit_id=unit(p["unit"]).id, role=p["role"])
        session.add(person)
        session.flush()
        named[p["name"]] = person
        staff.setdefault(p["unit"], person)
        staff.setdefault(p["role"], person)
        if (p["role"] == role if role else p.get("console")) and me is None:
            session.add(ChatBinding(person_id=person.id, channel="console", user_id=console_user, chat_id=console_user))
            me = (person, p["unit"])
    for item in data["tasks"]:
        due = item.get("due_in_days")
        task = crud.add_task(session, lead=unit(item["lead"]), action=item["action"],
                             deadline=today + timedelta(days=due) if due is not None else None,
                             recurrence=item.get("recurrence"), coordinators=[unit(c) for c in item["coordinators"]],
                             directive=directive, expected_output=item.get("output", ""), today=today, actor="demo")
        if "review" in item:
            _review(session, task, item["review"], staff[item["lead"]], staff["office"], today)
        heads = [p for p in named.values() if p.role == "head" and p.unit_id == task.lead_unit_id]
        for name in item.get("assigned_to", []):
            assignments.assign(session, task, named[name], unit_id=task.lead_unit_id,
                               by=heads[0].id if heads else None, actor="demo")
    _seed_indicators(session, data.get("indicators", []), unit, named, today)
    invitation = people.create_invitation(session, unit("Sở Y tế"), "official", actor="demo")
    return {"person": me[0].full_name, "unit": me[1], "invitation": invitation.code}


def _seed_indicators(session: Session, items: list[dict], unit, named: dict[str, Person], today: date) -> None:
    """The sample indicators for the year of last month, with a figure for each month up
    to last month (the current one is left for /chitieu); a month short of plan carries
    its cause and remedy, entered by a person of the responsible unit."""
    from office.indicators import assess, month_plan

    last = today.replace(day=1) - timedelta(days=1)
    for item in items:
        plans = {m: v for m, v in enumerate(item.get("plans", []), start=1)}
        spec = crud_indicators.IndicatorSpec(
            name=item["name"], measure=item["measure"], responsible=unit(item["responsible"]), year=last.year,
            target=item["target"], aggregator=unit(item["aggregator"]), plan_mode=item["plan_mode"],
            higher_is_better=item.get("higher_is_better", True), source=item.get("source", ""),
            sector=item.get("sector", ""), plans=plans)
        indicator, _ = crud_indicators.upsert(session, spec, today=today, actor="demo")
        reporter = next((p for p in named.values() if p.unit_id == indicator.responsible_unit_id), None)
        for month in range(1, last.month + 1):
            plan = month_plan(indicator.plan_mode, indicator.target, plans, month)
            # actual[0] is last month's, actual[1] the month before, and so on (cycled).
            value = round(plan * item["actual"][(last.month - month) % len(item["actual"])], 2)
            short = not assess(value, plan, indicator.higher_is_better).met
            crud_indicators.record(session, indicator, last.year, month, value, raw=f"{value:g}".replace(".", ","),
                                   person=reporter, cause=item["cause"] if short else "",
                                   remedy=item["remedy"] if short else "", actor="demo")


def _review(session: Session, task, sample: dict, person: Person, office: Person, today: date) -> None:
    """A completion the unit reported `days_ago`: awaiting the office's review, or
    returned with a reason (the task open again)."""
    at = datetime.combine(today - timedelta(days=sample["days_ago"]), time(2), UTC)  # 09:00 in Hanoi
    report = crud.add_report(session, task, person, kind="done", text=sample["report"], output=sample["report"],
                             actor="demo")
    report.created_at = at
    review = reviews.submit(session, task, person, report, at, actor="demo")
    if sample["state"] == "returned":
        reviews.return_to_unit(session, review, task, office, at + timedelta(hours=5), sample["reason"], actor="demo")
