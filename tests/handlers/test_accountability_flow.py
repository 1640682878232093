"""Holding units to the directive's bar in the conversations: a milestone after the
deadline, a year-less date, coordinators' deadlines in /banhanh and /giaoviec and their
answers (late stays late, the lead is told), "Chưa nhận được ý kiến phối hợp", the 🟠
and standing-task marks of /nhiemvu."""
from __future__ import annotations

from datetime import date

import pytest
from sqlmodel import select

from conftest import TODAY, add_task
from handlers.dates import find_milestone, fit_year
from storage.models import AuditLog, Directive, Outbox, ProgressReport, Task, TaskCoordinator

D = date.fromisoformat

DIRECTIVE = """UỶ BAN NHÂN DÂN TỈNH BÌNH AN
Số: 90/TB-UBND
Bình An, ngày 12 tháng 5 năm 2026

THÔNG BÁO
Kết luận của Chủ tịch UBND tỉnh

1. Giao Sở Y tế chủ trì, phối hợp với Sở Tài chính triển khai chiến dịch diệt lăng quăng; hoàn thành trước ngày 30/6/2026.

2. Sở Xây dựng chủ trì thường xuyên kiểm tra hệ thống thoát nước tại các khu dân cư.
"""


@pytest.fixture
def chats(province, chat_factory):
    made = {"office": chat_factory("office", "Trần Văn Phòng"), "stc": chat_factory("stc1", "Nguyễn Văn An"),
            "sxd": chat_factory("sxd1", "Phạm Xây"), "syt": chat_factory("syt1", "Lê Thị Y")}
    for name, code in (("office", "office"), ("stc", "stc_official"), ("sxd", "sxd_official"),
                       ("syt", "syt_official")):
        made[name].say(f"/start {province['codes'][code]}")
    return made


def outbox(db, kind: str) -> list[Outbox]:
    with db.session() as s:
        return list(s.exec(select(Outbox).where(Outbox.kind == kind).order_by(Outbox.id)))


@pytest.mark.parametrize(
    "text, today, deadline, expected, guessed",
    [
        ("Dự kiến 20/5 hoàn thành, đã xong 3/5 hạng mục", D("2026-12-04"), D("2026-12-16"), D("2027-05-20"), True),
        ("Du kien xong 10/12, da ra soat 12 xa", D("2026-12-04"), D("2026-12-16"), D("2026-12-10"), True),
        ("Dự kiến xong 10/1, đã trình dự thảo", D("2026-12-20"), D("2027-01-31"), D("2027-01-10"), True),
        ("Xong trước 20/5/2027", D("2026-12-04"), D("2026-12-16"), D("2027-05-20"), False),
        ("Hoàn thành cuối tháng 2", D("2026-12-04"), D("2027-03-31"), D("2027-02-28"), True),
    ],
)
def test_a_year_less_milestone_takes_the_year_that_fits_the_task(text, today, deadline, expected, guessed):
    assert find_milestone(text, today, deadline) == (expected, guessed)


def test_fit_year_prefers_the_span_from_today_to_the_deadline():
    assert fit_year(D("2026-06-20"), D("2026-12-04"), D("2027-06-30")) == D("2027-06-20")
    assert fit_year(D("2027-02-29") if False else D("2028-02-29"), D("2026-12-04"), D("2027-03-31")) == D("2027-02-28")


def test_a_milestone_after_the_deadline_is_refused_with_the_extension_button(db, province, chats):
    stc = chats["stc"]
    task_id = add_task(db, province["units"]["stc"], "Rà soát giải ngân vốn", date(2026, 5, 29))
    stc.press(f"s:p:{task_id}")
    stc.say("Đã rà soát 12 xã, sản phẩm: báo cáo rà soát, dự kiến hoàn thành 20/6")
    assert "sau thời hạn 29/05/2026" in stc.text and "20/06/2026" in stc.text
    assert [b.data for row in stc.last[0].buttons for b in row] == [f"s:e:{task_id}", "x"]
    with db.session() as s:
        assert s.exec(select(ProgressReport).where(ProgressReport.accepted == True)).all() == []  # noqa: E712
    stc.say("15/6")  # still after the deadline
    assert "sau thời hạn" in stc.text
    stc.say("28/5")
    assert "Đã ghi nhận" in stc.text or "28/05/2026" in stc.text
    with db.session() as s:
        [report] = s.exec(select(ProgressReport).where(ProgressReport.accepted == True)).all()  # noqa: E712
        assert report.milestone == date(2026, 5, 28) and "Mốc hoàn thành điều chỉnh: 28/05/2026" in report.text


def test_the_extension_button_opens_the_extension_dialogue(db, province, chats):
    stc = chats["stc"]
    task_id = add_task(db, province["units"]["stc"], "Xây dựng kế hoạch", date(2026, 5, 29))
    stc.press(f"s:p:{task_id}")
    stc.say("Đã có dự thảo kế hoạch, sản phẩm: kế hoạch, dự kiến xong 30/6/2026")
    stc.press(f"s:e:{task_id}")
    stc.say("30/6/2026 vì chờ ý kiến thẩm định của Bộ Tài chính")
    assert "đề nghị gia hạn" in stc.text.lower()


def test_a_year_less_milestone_is_shown_back(db, province, chats):
    stc = chats["stc"]
    task_id = add_task(db, province["units"]["stc"], "Báo cáo kết quả", date(2026, 12, 31))
    stc.press(f"s:p:{task_id}")
    stc.say("Đã tổng hợp số liệu 10 xã, sản phẩm: báo cáo tổng hợp, dự kiến hoàn thành 20/12")
    assert "được hiểu là ngày 20/12/2026" in stc.text


def test_publish_gives_coordinators_a_deadline_default_or_edited(db, province, chats):
    office = chats["office"]
    office.say("/banhanh")
    office.say(DIRECTIVE)
    assert "⚪ thường xuyên — báo cáo hằng tháng" in office.text
    assert "hạn phối hợp 23/06/2026 (mặc định)" in office.text  # 5 working days before 30/6
    office.say("1 phối hợp hạn 31/7/2026")
    assert "muộn hơn hạn của đơn vị chủ trì" in office.text
    office.say("2 phối hợp hạn 10/6/2026")
    assert "chưa có cơ quan phối hợp" in office.text
    office.say("1 phối hợp hạn 15/6/2026")
    assert "hạn phối hợp 15/06/2026" in office.text and "(mặc định)" not in office.text
    with db.session() as s:
        directive = s.exec(select(Directive)).one()
    office.press(f"pp:{directive.id}")
    with db.session() as s:
        [tc] = s.exec(select(TaskCoordinator)).all()
        assert tc.deadline == date(2026, 6, 15)
        standing = s.exec(select(Task).where(Task.deadline.is_(None))).one()
        assert standing.recurrence is None


def test_assign_with_coordinators_and_their_deadline(db, province, chats):
    office = chats["office"]
    office.say("/giaoviec Sở Tài chính | tham mưu bố trí vốn | 30/6/2026 | tờ trình | phối hợp Sở Xây dựng hạn 20/6/2026")
    assert "Đã giao nhiệm vụ" in office.text
    office.say("/giaoviec")
    office.say("Sở Tài chính")
    office.say("Tham mưu phương án bố trí vốn cho dự án cấp nước")
    office.say("30/6/2026")
    office.say("Tờ trình")
    office.say("Sở Y tế")
    assert "hạn phối hợp 23/06/2026 (mặc định)" in office.text
    office.press("ga:go")
    with db.session() as s:
        rows = s.exec(select(TaskCoordinator).order_by(TaskCoordinator.task_id)).all()
    assert [(r.unit_id, r.deadline) for r in rows] == [(province["units"]["sxd"], date(2026, 6, 20)),
                                                        (province["units"]["syt"], date(2026, 6, 23))]


def test_a_late_coordinator_stays_late_and_the_lead_is_told(db, province, chats, clock):
    from datetime import timedelta

    u = province["units"]
    task_id = add_task(db, u["stc"], "Lập đề án cấp nước", date(2026, 6, 30), coordinators=[u["sxd"]],
                       coordinator_deadline=TODAY - timedelta(days=3))
    lead, coordinator = chats["stc"], chats["sxd"]
    lead.say(f"/nhiemvu {task_id}")
    assert "Phối hợp không đúng hạn: Sở Xây dựng (hạn 11/05/2026)" in lead.text
    lead.press(f"cn:{task_id}")
    assert "Đã nhắc Sở Xây dựng" in lead.text
    chased = outbox(db, "coordination")
    assert sorted(r.chat_id for r in chased) == ["office", "sxd1"]
    lead.press(f"cn:{task_id}")  # twice the same day: nothing more
    assert len(outbox(db, "coordination")) == 2

    coordinator.press(f"s:p:{task_id}")
    coordinator.say("Đã gửi văn bản góp ý số 12/SXD, sản phẩm: công văn góp ý, hoàn thành 20/5/2026")
    assert "trễ 3 ngày" in coordinator.text
    told = [r for r in outbox(db, "coordination") if r.chat_id == "stc1"]
    assert len(told) == 1 and "Sở Xây dựng đã gửi ý kiến phối hợp" in told[0].payload["text"]
    assert "văn bản góp ý số 12/SXD" in told[0].payload["text"]
    # Another report later changes nothing: the answer stays late.
    coordinator.press(f"s:p:{task_id}")
    coordinator.say("Đã bổ sung số liệu 5 xã, sản phẩm: phụ lục số liệu, hoàn thành 25/5/2026")
    lead.say(f"/nhiemvu {task_id}")
    assert "trễ 3 ngày (hạn 11/05/2026)" in lead.text
    with db.session() as s:
        row = s.get(TaskCoordinator, (task_id, u["sxd"]))
        assert row.late_days == 3
        assert s.exec(select(AuditLog).where(AuditLog.action == "coordinator.late")).one()


def test_nhiemvu_marks_at_risk_standing_and_the_coordinators_own_deadline(db, province, chats):
    u = province["units"]
    risky = add_task(db, u["stc"], "Rà soát hồ sơ dự án", date(2026, 5, 20), coordinators=[u["sxd"]],
                     coordinator_deadline=date(2026, 5, 18))
    add_task(db, u["stc"], "Thường xuyên kiểm tra an toàn thực phẩm", None)
    with db.session() as s:
        task = s.get(Task, risky)
        task.at_risk = "near"
        s.add(task)
    chats["stc"].say("/nhiemvu")
    assert "🟠 nguy cơ chậm" in chats["stc"].text and "⚪ thường xuyên" in chats["stc"].text
    chats["stc"].say(f"/nhiemvu {risky}")
    assert "sắp đến hạn mà chưa có báo cáo tiến độ gần đây" in chats["stc"].text
    chats["sxd"].say("/nhiemvu")
    assert "Hạn phối hợp của Sở Xây dựng: 18/05/2026" in chats["sxd"].text


def test_a_lead_report_clears_at_risk_at_once(db, province, chats):
    task_id = add_task(db, province["units"]["stc"], "Rà soát hồ sơ", date(2026, 5, 20))
    with db.session() as s:
        task = s.get(Task, task_id)
        task.at_risk, task.at_risk_since = "near", TODAY
        s.add(task)
    chats["stc"].press(f"s:p:{task_id}")
    chats["stc"].say("Đã rà soát 30 hồ sơ, sản phẩm: báo cáo rà soát, dự kiến hoàn thành 19/5/2026")
    with db.session() as s:
        assert s.get(Task, task_id).at_risk == ""
        assert s.exec(select(AuditLog).where(AuditLog.action == "task.at_risk_cleared")).one()
