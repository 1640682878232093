"""`nhacviec demo`: a fresh SQLite database with a fictional province, and the
console channel bound to one of its officials. No token, no network."""
from __future__ import annotations

import json
import sqlite3
from datetime import UTC, date, datetime, time, timedelta
from importlib import resources
from pathlib import Path

from sqlmodel import Session, select

from storage.crud import assignments, people, reviews, units
from storage.crud import indicators as crud_indicators
from storage.crud import tasks as crud
from storage.models import ChatBinding, Directive, Person

SAMPLES = resources.files("bot") / "samples"
# Written into the SQLite header of every demo database (PRAGMA application_id, "NVDM"):
# `demo --database FILE` replaces FILE only when it carries it, so a real database
# given by mistake is never deleted.
DEMO_APPLICATION_ID = 0x4E56444D


class NotADemoDatabase(Exception):
    """The file exists and was not made by the demo: the demo will not replace it."""


def is_demo_database(path: Path) -> bool:
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            return conn.execute("PRAGMA application_id").fetchone()[0] == DEMO_APPLICATION_ID
        finally:
            conn.close()
    except sqlite3.Error:  # not a SQLite file at all
        return False


def clear_demo_database(path: Path) -> None:
    """Make room for a fresh demo at `path`: nothing there, an empty file, or an earlier
    demo database (removed with its WAL files). Anything else raises NotADemoDatabase."""
    if not path.exists():
        return
    if path.is_dir() or (path.stat().st_size and not is_demo_database(path)):
        raise NotADemoDatabase(str(path))
    for extra in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        extra.unlink(missing_ok=True)


def mark_demo_database(path: Path) -> None:
    conn = sqlite3.connect(path)
    try:
        conn.execute(f"PRAGMA application_id = {DEMO_APPLICATION_ID}")
        conn.commit()
    finally:
        conn.close()


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
                          source_text=sample_text(d["source"]) if d.get("source") else "")
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
    tasks: dict = {}  # by the sample's key (events)
    ordered: list = []  # in the sample's order (history)
    for item in data["tasks"]:
        due, coordinator_due = item.get("due_in_days"), item.get("coordinator_due_in_days")
        task = crud.add_task(session, lead=unit(item["lead"]), action=item["action"],
                             deadline=today + timedelta(days=due) if due is not None else None,
                             recurrence=item.get("recurrence"), coordinators=[unit(c) for c in item["coordinators"]],
                             directive=directive, expected_output=item.get("output", ""), today=today, actor="demo",
                             coordinator_deadline=today + timedelta(days=coordinator_due)
                             if coordinator_due is not None else None)
        tasks[item.get("key")] = task
        ordered.append(task)
        if "review" in item:
            _review(session, task, item["review"], staff[item["lead"]], staff["office"], today)
        heads = [p for p in named.values() if p.role == "head" and p.unit_id == task.lead_unit_id]
        for name in item.get("assigned_to", []):
            assignments.assign(session, task, named[name], unit_id=task.lead_unit_id,
                               by=heads[0].id if heads else None, actor="demo")
    _events(session, data.get("events", []), tasks, named, today)
    _seed_indicators(session, data.get("indicators", []), unit, named, today)
    _history(session, data.get("history", []), ordered, today)
    invitation = people.create_invitation(session, unit("Sở Y tế"), "official", actor="demo")
    return {"person": me[0].full_name, "unit": me[1], "invitation": invitation.code}


def _events(session: Session, events: list[dict], tasks: dict, persons: dict, today: date) -> None:
    """What already happened in the sample province, so that every office screen has
    something to show: a pending extension (/giahan), a blocked task, a report sent back."""
    for event in events:
        task, person = tasks[event["task"]], persons[event["person"]]
        if event["kind"] == "extension":
            crud.request_extension(session, task, person, today + timedelta(days=event["due_in_days"]),
                                   event["reason"], actor="demo")
            continue
        accepted = event.get("accepted", True)
        crud.add_report(session, task, person, kind=event["kind"], text=event["text"], accepted=accepted,
                        obstacle=event.get("obstacle", ""), plan=event.get("plan", ""), actor="demo")
        if accepted and event["kind"] in ("blocked", "progress"):
            crud.set_status(session, task, "blocked" if event["kind"] == "blocked" else "in_progress", person,
                            today, actor="demo")


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
