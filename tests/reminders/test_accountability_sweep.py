"""The reminder sweep holds units to the directive's bar: tasks at risk (stored, audited,
the head pushed once), monthly reports of undated tasks, coordinators' own deadlines."""
from __future__ import annotations

from datetime import UTC, date, datetime

from sqlmodel import select

from conftest import TZ, add_task, next_looks, set_next_look
from reminders.risk import RiskThresholds
from reminders.sweep import ReminderSettings, sweep
from storage.crud import tasks as crud
from storage.models import AuditLog, ChatBinding, Outbox, Person, Task, TaskCoordinator
from workcalendar.workdays import WorkCalendar

CFG = ReminderSettings(tz=TZ, calendar=WorkCalendar())


def local(y, m, d, h=8, mi=0) -> datetime:
    return datetime(y, m, d, h, mi, tzinfo=TZ).astimezone(UTC)


def member(db, unit_id: int, chat_id: int, role: str = "official") -> int:
    with db.session() as s:
        person = Person(full_name=f"Người {chat_id}", unit_id=unit_id, role=role)
        s.add(person)
        s.flush()
        s.add(ChatBinding(person_id=person.id, channel="telegram", user_id=str(chat_id), chat_id=str(chat_id)))
        return person.id


def created(db, task_id: int, when: datetime) -> None:
    with db.session() as s:
        task = s.get(Task, task_id)
        task.created_at = when
        s.add(task)
    set_next_look(db, task_id, when)


def rows(db, kind: str) -> list[Outbox]:
    with db.session() as s:
        return list(s.exec(select(Outbox).where(Outbox.kind == kind).order_by(Outbox.id)))


def test_a_task_near_its_deadline_without_reports_becomes_at_risk_and_the_head_is_pushed_once(db, province):
    unit = province["units"]["stc"]
    member(db, unit, 401)
    head = member(db, unit, 402, role="head")
    task_id = add_task(db, unit, "Rà soát giải ngân vốn đầu tư công", date(2026, 12, 11))
    created(db, task_id, local(2026, 11, 20, 9))

    sweep(db, local(2026, 12, 7, 8, 1), CFG)
    with db.session() as s:
        task = s.get(Task, task_id)
        assert (task.at_risk, task.at_risk_since) == ("near", date(2026, 12, 7))
        audit = s.exec(select(AuditLog.action).where(AuditLog.entity_id == task_id,
                                                     AuditLog.action.like("task.at_risk%"))).all()
    assert audit == ["task.at_risk"]
    [push] = rows(db, "at_risk")
    assert push.person_id == head and "nguy cơ chậm" in push.payload["text"].lower()
    assert "sắp đến hạn" in push.payload["text"]

    # Looked at again (an extension, a second sweep, another process): nothing new.
    set_next_look(db, task_id, local(2026, 12, 7, 9), checked_at=local(2026, 12, 7, 8, 1))
    sweep(db, local(2026, 12, 7, 9, 1), CFG)
    assert len(rows(db, "at_risk")) == 1


def test_a_report_clears_the_risk_and_the_clear_is_audited(db, province):
    unit = province["units"]["stc"]
    official = member(db, unit, 403)
    task_id = add_task(db, unit, "Báo cáo kết quả", date(2026, 12, 11))
    created(db, task_id, local(2026, 11, 20, 9))
    sweep(db, local(2026, 12, 7, 8, 1), CFG)
    with db.session() as s:
        task, person = s.get(Task, task_id), s.get(Person, official)
        crud.add_report(s, task, person, kind="progress", text="Đã rà soát 10/12 xã, xong 10/12/2026",
                        milestone=date(2026, 12, 10))
        crud.queue_look(s, task_id, local(2026, 12, 7, 9, 30), checked_at=local(2026, 12, 7, 9, 30))
    sweep(db, local(2026, 12, 7, 9, 31), CFG)
    with db.session() as s:
        assert s.get(Task, task_id).at_risk == ""
        assert s.exec(select(AuditLog.action).where(AuditLog.action == "task.at_risk_cleared")).all()


def test_the_next_look_is_queued_when_the_task_would_become_at_risk(db, province):
    unit = province["units"]["stc"]
    task_id = add_task(db, unit, "Xây dựng kế hoạch", date(2026, 12, 16))
    created(db, task_id, local(2026, 12, 1, 9))
    cfg = ReminderSettings(tz=TZ, calendar=WorkCalendar(), risk=RiskThresholds(near_working_days=8))
    sweep(db, local(2026, 12, 1, 9, 1), cfg)
    [(next_at, _)] = next_looks(db, task_id)
    assert next_at.astimezone(TZ).date() == date(2026, 12, 4)  # 8 working days before 16/12, before any reminder
    sweep(db, local(2026, 12, 4, 7, 1), cfg)
    with db.session() as s:
        assert s.get(Task, task_id).at_risk == "near"


def test_an_undated_task_is_reminded_monthly_unless_reported(db, province):
    unit = province["units"]["stc"]
    official = member(db, unit, 404)
    quiet = add_task(db, unit, "Thường xuyên kiểm tra an toàn thực phẩm", None)
    reported = add_task(db, unit, "Thường xuyên rà soát thủ tục hành chính", None)
    for task_id in (quiet, reported):
        created(db, task_id, local(2026, 11, 2, 9))
    with db.session() as s:
        crud.add_report(s, s.get(Task, reported), s.get(Person, official), kind="progress",
                        text="Đã rà soát 20 thủ tục, xong đợt 1 ngày 30/12/2026")
        report = s.exec(select(crud.ProgressReport)).first()
        report.created_at = local(2026, 12, 1, 10)
        s.add(report)
    sweep(db, local(2026, 12, 18, 7, 1), CFG)  # 23/12 Wed: reminded Fri 18/12
    monthly = rows(db, "monthly")
    assert [(r.task_id, r.person_id) for r in monthly] == [(quiet, official)]
    assert monthly[0].payload == {"reminder": {"kind": "monthly", "days": 5, "role": "lead", "date": "2026-12-23"}}
    [(next_at, _)] = next_looks(db, quiet)
    assert next_at.astimezone(TZ).date() == date(2027, 1, 20)


def test_a_coordinator_is_reminded_of_its_own_deadline(db, province):
    lead, coordinator = province["units"]["stc"], province["units"]["sxd"]
    member(db, lead, 405)
    theirs = member(db, coordinator, 406)
    task_id = add_task(db, lead, "Lập đề án", date(2026, 12, 31), coordinators=[coordinator],
                       coordinator_deadline=date(2026, 12, 15))
    created(db, task_id, local(2026, 12, 1, 9))
    sweep(db, local(2026, 12, 14, 7, 1), CFG)
    [row] = rows(db, "coordinator_before")
    assert (row.person_id, row.payload["reminder"]["date"]) == (theirs, "2026-12-15")
    sweep(db, local(2026, 12, 16, 7, 1), CFG)
    [late] = rows(db, "coordinator_overdue")
    assert late.person_id == theirs
    with db.session() as s:
        assert s.get(Task, task_id).at_risk == "coordinator"
        assert s.get(TaskCoordinator, (task_id, coordinator)).answered_at is None


def test_monthly_and_coordinator_reminders_render_with_their_date():
    from types import SimpleNamespace

    from reminders.messages import ReminderRenderer

    task = SimpleNamespace(id=7, action="Thường xuyên kiểm tra an toàn thực phẩm", deadline=None, recurrence=None)
    monthly = ReminderRenderer("vi").render(task, "monthly", 5, directive="45/TB-UBND", lead="Sở Tài chính",
                                            role="lead", target="2026-12-23")
    import json
    body = json.loads(monthly)
    assert body["text"].startswith("📝 Nhiệm vụ thường xuyên #7: báo cáo tiến độ tháng này trước ngày 23/12/2026")
    assert "báo cáo hằng tháng" in body["text"] and body["buttons"][0][0]["data"] == "s:d:7"
    late = json.loads(ReminderRenderer("en").render(task, "coordinator_overdue", -1, directive="", lead="Sở Y tế",
                                                    role="coordinator", target="2026-12-15"))
    assert late["text"].splitlines()[0] == "🔴 Your unit has not sent its coordination input on task #7 (due 15/12/2026)"
    assert "Lead unit: Sở Y tế" in late["text"]
