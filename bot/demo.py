"""`nhacviec demo`: a fresh SQLite database with a fictional province, and the
console channel bound to one of its officials. No token, no network."""
from __future__ import annotations

import json
from datetime import UTC, date, datetime, time, timedelta
from importlib import resources
from pathlib import Path

from sqlmodel import Session, select

from storage.crud import people, reviews, units
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
    staff: dict[str, Person] = {}  # the first sample person of each unit, and of the office role
    for p in data["people"]:
        person = Person(full_name=p["name"], unit_id=unit(p["unit"]).id, role=p["role"])
        session.add(person)
        session.flush()
        staff.setdefault(p["unit"], person)
        staff.setdefault(p["role"], person)
        if (p["role"] == role if role else p.get("console")) and me is None:
            session.add(ChatBinding(person_id=person.id, channel="console", user_id=console_user, chat_id=console_user))
            me = (person, p["unit"])
    tasks = []
    for item in data["tasks"]:
        due, coordinator_due = item.get("due_in_days"), item.get("coordinator_due_in_days")
        task = crud.add_task(session, lead=unit(item["lead"]), action=item["action"],
                             deadline=today + timedelta(days=due) if due is not None else None,
                             recurrence=item.get("recurrence"), coordinators=[unit(c) for c in item["coordinators"]],
                             directive=directive, expected_output=item.get("output", ""), today=today, actor="demo",
                             coordinator_deadline=today + timedelta(days=coordinator_due)
                             if coordinator_due is not None else None)
        tasks.append(task)
        if "review" in item:
            _review(session, task, item["review"], staff[item["lead"]], staff["office"], today)
    _history(session, data.get("history", []), tasks, today)
    invitation = people.create_invitation(session, unit("Sở Y tế"), "official", actor="demo")
    return {"person": me[0].full_name, "unit": me[1], "invitation": invitation.code}


def _history(session: Session, items: list[dict], tasks: list, today: date) -> None:
    """Reports and extension requests already sent by a person of each task's lead unit."""
    for item in items:
        task = tasks[item["task"] - 1]
        person = session.exec(select(Person).where(Person.unit_id == task.lead_unit_id).order_by(Person.id)).first()
        if person is None:
            continue
        at = datetime.combine(today - timedelta(days=item.get("days_ago", 0)), time(2, 0), UTC)
        if "report" in item:
            report = crud.add_report(session, task, person, kind="progress", text=item["report"],
                                     accepted=item.get("accepted", True), actor="demo")
            report.created_at = at
            if report.accepted:
                crud.set_status(session, task, "in_progress", person, today, actor="demo")
        else:
            req = crud.request_extension(session, task, person, today + timedelta(days=item["extension_in_days"]),
                                         item["reason"], actor="demo")
            req.created_at = at


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
