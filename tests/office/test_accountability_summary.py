"""The office's numbers for the directive's bar: at risk, late coordination (a late
answer stays counted), missed monthly reports of standing tasks; and the digest."""
from __future__ import annotations

from datetime import UTC, date, datetime

from sqlmodel import select

from conftest import TZ, add_task
from office.period import Period
from office.summary import missed_monthly_counts, summarize
from reminders.digest import _enqueue_daily
from reminders.sweep import ReminderSettings
from storage.crud import tasks as crud
from storage.models import ChatBinding, Outbox, Person, ProgressReport, Task, TaskCoordinator
from workcalendar.workdays import WorkCalendar

CFG = ReminderSettings(tz=TZ, calendar=WorkCalendar())


def local(y, m, d, h=9) -> datetime:
    return datetime(y, m, d, h, tzinfo=TZ).astimezone(UTC)


def person(db, unit_id: int, role: str = "official", chat: str = "") -> Person:
    with db.session() as s:
        p = Person(full_name="A", unit_id=unit_id, role=role)
        s.add(p)
        s.flush()
        if chat:
            s.add(ChatBinding(person_id=p.id, channel="telegram", user_id=chat, chat_id=chat))
        s.expunge(p)
        return p


def standing(db, unit_id: int, action: str, created: datetime) -> int:
    task_id = add_task(db, unit_id, action, None)
    with db.session() as s:
        task = s.get(Task, task_id)
        task.created_at = created
        s.add(task)
    return task_id


def report(db, task_id: int, who: Person, at: datetime, accepted: bool = True) -> None:
    with db.session() as s:
        r = crud.add_report(s, s.get(Task, task_id), s.get(Person, who.id), kind="progress",
                            text="Đã rà soát 10 xã, xong 30/12/2026", accepted=accepted)
        r.created_at = at
        s.add(r)


def test_missed_monthly_reports_count_per_window(db, province):
    stc, sxd = province["units"]["stc"], province["units"]["sxd"]
    official = person(db, stc)
    standing(db, stc, "Thường xuyên kiểm tra an toàn thực phẩm", local(2026, 9, 1))  # never reports
    reported = standing(db, stc, "Thường xuyên rà soát thủ tục hành chính", local(2026, 9, 1))
    rejected_only = standing(db, stc, "Thường xuyên theo dõi giá cả thị trường", local(2026, 9, 1))
    late_comer = standing(db, sxd, "Thường xuyên kiểm tra công trình", local(2026, 11, 20))  # 3 days before 23/11
    report(db, reported, official, local(2026, 10, 30))      # window (23/10, 23/11]: counts for November
    report(db, reported, official, local(2026, 11, 23, 20))  # still the 23rd, local time
    report(db, rejected_only, official, local(2026, 11, 10), accepted=False)
    with db.session() as s:
        november = missed_monthly_counts(s, Period.month(2026, 11), date(2026, 12, 4), tz=TZ)
        autumn = missed_monthly_counts(s, Period(date(2026, 10, 1), date(2026, 11, 30)), date(2026, 12, 4), tz=TZ)
        before_the_day = missed_monthly_counts(s, Period.month(2026, 11), date(2026, 11, 23), tz=TZ)
    assert november == {stc: 2}  # quiet and rejected_only; late_comer was too new
    assert autumn == {stc: 2 + 3}  # October: all three of Sở Tài chính (none reported by 23/10)
    assert before_the_day == {}  # the window closes at the end of the 23rd
    assert late_comer


def test_a_late_answer_stays_counted_for_the_coordinating_unit(db, province):
    u = province["units"]
    task_id = add_task(db, u["stc"], "Lập đề án", date(2026, 12, 31), coordinators=[u["sxd"]],
                       coordinator_deadline=date(2026, 12, 1))
    with db.session() as s:
        row = s.get(TaskCoordinator, (task_id, u["sxd"]))
        summary = summarize(s, Period.month(2026, 12), date(2026, 12, 4), tz=TZ)
    assert {r.unit: r.coordinator_late for r in summary.units}["Sở Xây dựng"] == 1  # unanswered, past due
    with db.session() as s:
        row = s.get(TaskCoordinator, (task_id, u["sxd"]))
        row.answered_at, row.late_days = local(2026, 12, 4), 3
        s.add(row)
    with db.session() as s:
        summary = summarize(s, Period.month(2026, 12), date(2026, 12, 7), tz=TZ)
        task = s.get(Task, task_id)
        task.at_risk = "coordinator"
        s.add(task)
    assert {r.unit: r.coordinator_late for r in summary.units}["Sở Xây dựng"] == 1  # answered late: still late
    with db.session() as s:
        summary = summarize(s, Period.month(2026, 12), date(2026, 12, 7), tz=TZ)
    assert {r.unit: r.at_risk for r in summary.units}["Sở Tài chính"] == 1
    assert summary.totals.at_risk == 1 and summary.totals.coordinator_late == 1


def test_the_digest_lists_at_risk_late_answers_and_missed_monthly_reports(db, province):
    u = province["units"]
    person(db, u["office"], role="office", chat="office1")
    official = person(db, u["stc"])
    risky = add_task(db, u["stc"], "Rà soát giải ngân vốn đầu tư công", date(2026, 12, 31), coordinators=[u["sxd"]],
                     coordinator_deadline=date(2026, 11, 23))
    standing(db, u["stc"], "Thường xuyên kiểm tra an toàn thực phẩm", local(2026, 10, 1))
    with db.session() as s:
        task = s.get(Task, risky)
        task.at_risk = "near"
        s.add(task)
        row = s.get(TaskCoordinator, (risky, u["sxd"]))
        row.answered_at, row.late_days = local(2026, 11, 26, 15), 3
        s.add(row)
    assert official
    assert _enqueue_daily(db, local(2026, 11, 27, 8), CFG) == 1
    with db.session() as s:
        [row] = s.exec(select(Outbox).where(Outbox.kind == "digest")).all()
    text = row.payload["text"]
    assert "Nhiệm vụ có nguy cơ chậm (1)" in text and f"#{risky} Sở Tài chính — hạn 31/12/2026" in text
    assert "sắp đến hạn mà chưa có báo cáo tiến độ gần đây" in text
    assert f"#{risky} Sở Xây dựng gửi ý kiến cho Sở Tài chính trễ 3 ngày (hạn 23/11/2026)" in text
    assert "chưa báo cáo tháng (hạn 23/11/2026): 1" in text and "• Sở Tài chính: 1 nhiệm vụ" in text
    assert ProgressReport  # (the standing task sent no report)
