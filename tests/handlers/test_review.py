"""Completion review and the office's weak spots through the neutral interface (SQLite
file or PostgreSQL): done means a product, chờ đánh giá, ✅ Đạt / ↩️ Trả lại, /duyet,
automatic acceptance, the numbers, /vuongmac, reports sent back."""
from __future__ import annotations

import io
from datetime import UTC, date, datetime, timedelta

import pytest
from openpyxl import load_workbook
from sqlmodel import select

from conftest import NOW, TODAY, TZ, Chat, add_task, next_looks
from office.period import Period
from office.summary import unit_summaries
from presentation.messages import Attachment
from reminders.sweep import ReminderSettings, sweep
from storage.crud import people
from storage.crud import tasks as crud
from storage.models import AuditLog, CompletionReview, Directive, Outbox, ProgressReport, Task, Unit
from workcalendar.workdays import WorkCalendar


@pytest.fixture
def chats(db, province, chat_factory):
    """An official and the head of Sở Tài chính, an official of Sở Xây dựng, office staff."""
    with db.session() as s:
        head_code = people.create_invitation(s, s.get(Unit, province["units"]["stc"]), "head").code
    made = {"stc": chat_factory("stc1", "Nguyễn Văn An"), "head": chat_factory("head1", "Trần Thị Bình"),
            "sxd": chat_factory("sxd1", "Lê Văn Xây"), "office": chat_factory("office", "Trần Văn Phòng")}
    made["stc"].say(f"/start {province['codes']['stc_official']}")
    made["head"].say(f"/start {head_code}")
    made["sxd"].say(f"/start {province['codes']['sxd_official']}")
    made["office"].say(f"/start {province['codes']['office']}")
    return made


def pushes(db, kind: str) -> list[Outbox]:
    with db.session() as s:
        return list(s.exec(select(Outbox).where(Outbox.kind == kind).order_by(Outbox.id)))


def data(chat: Chat, prefix: str) -> str:
    found = [b.data for r in chat.last for row in r.buttons for b in row if b.data.startswith(prefix)]
    assert found, [b.data for r in chat.last for row in r.buttons for b in row]
    return found[0]


def submit(chat: Chat, task_id: int, text: str) -> None:
    chat.press(f"s:d:{task_id}")
    chat.say(text)
    assert "chờ Văn phòng đánh giá" in chat.text, chat.text


def review_of(db, task_id: int) -> CompletionReview:
    with db.session() as s:
        return s.exec(select(CompletionReview).where(CompletionReview.task_id == task_id)
                      .order_by(CompletionReview.id.desc())).first()


# ------------------------------------------------------------------ done means a product


def test_a_draft_is_recorded_as_progress_asking_only_the_milestone(db, province, chats):
    stc = chats["stc"]
    tid = add_task(db, province["units"]["stc"], "Xây dựng Kế hoạch tăng trưởng", TODAY + timedelta(days=10))
    stc.press(f"s:d:{tid}")
    stc.say("da gui du thao ke hoach xin y kien cac so")  # typed without diacritics
    assert "Chưa ghi nhận hoàn thành" in stc.text and "xin ý kiến" in stc.text
    assert "Không đánh giá hoàn thành nhiệm vụ chỉ bằng việc đã ban hành văn bản" in stc.text
    stc.press(data(stc, "rp:"))
    assert "Dự kiến hoàn thành" in stc.text
    stc.say("chưa rõ")
    assert "Dự kiến hoàn thành" in stc.text  # not a date: asked again
    stc.say("20/5/2026")
    assert "Đã ghi nhận báo cáo tiến độ" in stc.text and "20/05/2026" in stc.text
    with db.session() as s:
        task = s.get(Task, tid)
        assert task.status == "in_progress" and task.completed_at is None
        refused, report = s.exec(select(ProgressReport).where(ProgressReport.task_id == tid)
                                 .order_by(ProgressReport.id)).all()
        assert (refused.kind, refused.accepted, refused.missing) == ("done", False, "final_product")
        assert report.kind == "progress" and report.milestone == date(2026, 5, 20)
        assert "du thao" in report.text and report.accepted and "20/5/2026" in report.text
        assert not s.exec(select(CompletionReview)).all()


@pytest.mark.parametrize("text", ["đã có dự thảo", "đang xin ý kiến", "đã trình, chờ phê duyệt",
                                  "đã ban hành công văn đôn đốc số 45/STC-TH"])
def test_steps_on_the_way_are_not_done(db, province, chats, text):
    stc = chats["stc"]
    tid = add_task(db, province["units"]["stc"], "Rà soát vốn đầu tư công", TODAY + timedelta(days=3))
    stc.press(f"s:d:{tid}")
    stc.say(text)
    assert "Chưa ghi nhận hoàn thành" in stc.text
    with db.session() as s:
        assert s.get(Task, tid).status == "open"
    stc.say("/huy")
    assert "Đã hủy" in stc.text or "hủy" in stc.text


def test_another_kind_than_expected_is_confirmed_first(db, province, chats):
    stc = chats["stc"]
    tid = add_task(db, province["units"]["stc"], "Phòng chống dịch", TODAY + timedelta(days=3),
                   expected_output="Kế hoạch")
    stc.press(f"s:d:{tid}")
    stc.say("Báo cáo số 12/BC-SYT")
    assert "Kế hoạch" in stc.text and "Báo cáo" in stc.text and "Đúng, ghi nhận" in stc.text
    with db.session() as s:
        assert s.get(Task, tid).status == "open"
    stc.press(data(stc, "rk:"))
    assert "chờ Văn phòng đánh giá" in stc.text and "12/BC-SYT" in stc.text
    stc.press(f"rk:{tid}")  # an old button: nothing twice
    assert "Nút này đã cũ" in stc.text
    with db.session() as s:
        assert len(s.exec(select(CompletionReview)).all()) == 1


def test_coordinators_done_stays_as_it_was(db, province, chats):
    sxd = chats["sxd"]
    tid = add_task(db, province["units"]["stc"], "Rà soát", TODAY + timedelta(days=3),
                   coordinators=[province["units"]["sxd"]])
    sxd.press(f"s:d:{tid}")
    sxd.say("", attachment=Attachment("document", "F1", "y-kien.pdf", "application/pdf", 10))
    assert "phối hợp" in sxd.text
    with db.session() as s:
        assert s.get(Task, tid).status == "open" and not s.exec(select(CompletionReview)).all()


# ------------------------------------------------------------------ completion review


def test_return_reopens_and_accept_uses_the_units_completion_day(db, province, chats, clock):
    stc, office = chats["stc"], chats["office"]
    tid = add_task(db, province["units"]["stc"], "Rà soát vốn", TODAY + timedelta(days=1))
    submit(stc, tid, "Đã gửi Báo cáo số 12/BC-STC kết quả rà soát")
    stc.say("/nhiemvu")
    assert "1 việc đã báo cáo hoàn thành, chờ Văn phòng đánh giá" in stc.text
    office.say(f"/nhiemvu {tid}")
    assert "Chờ đánh giá" in office.text and f"ra:{review_of(db, tid).id}" in [
        b.data for r in office.last for row in r.buttons for b in row]  # judged from the detail too
    stc.press(f"s:p:{tid}")
    assert "chờ Văn phòng đánh giá" in stc.text  # nothing to report while it is judged
    [row] = [r for r in pushes(db, "review") if r.chat_id == "office"]
    assert "12/BC-STC" in row.payload["text"]
    office.press(next(b["data"] for line in row.payload["buttons"] for b in line if b["data"].startswith("rr:")))
    office.say("chưa có số liệu từng dự án, đề nghị bổ sung")
    assert "Đã trả lại" in office.text
    with db.session() as s:
        assert s.get(Task, tid).status == "in_progress"
    assert (NOW, NOW) in next_looks(db, tid)  # reminded again from now on
    told = [r for r in pushes(db, "review") if r.chat_id == "stc1"]
    assert len(told) == 1 and "chưa có số liệu từng dự án" in told[0].payload["text"]
    office.press(f"ra:{review_of(db, tid).id}")  # an old button after the return
    assert "đã được đánh giá" in office.text

    clock.advance(days=3)  # resubmitted after the deadline, accepted even later
    submit(stc, tid, "Đã gửi Báo cáo số 15/BC-STC có số liệu từng dự án")
    assert "sau hạn 2 ngày" in stc.text
    clock.advance(days=5)
    office.press(f"ra:{review_of(db, tid).id}")
    assert "trễ hạn" in office.text
    office.press(f"ra:{review_of(db, tid).id}")  # a second press, or a second office person
    assert "đã được đánh giá: đạt (Trần Văn Phòng" in office.text
    with db.session() as s:
        task = s.get(Task, tid)
        assert task.status == "done" and task.completed_late is True
        assert task.completed_at.astimezone(TZ).date() == TODAY + timedelta(days=3)
        actions = [a.action for a in s.exec(select(AuditLog).where(AuditLog.entity_id == tid).order_by(AuditLog.id))]
        assert actions.count("task.submitted") == 2 and actions.count("task.review_return") == 1
        assert actions.count("task.review_accept") == 1
    office.say(f"/nhiemvu {tid}")
    assert "Văn phòng trả lại sản phẩm: chưa có số liệu từng dự án" in office.text
    assert "Văn phòng đánh giá đạt" in office.text


def test_duyet_lists_oldest_first_and_accepts_a_directive_at_once(db, province, chats, clock):
    stc, office = chats["stc"], chats["office"]
    with db.session() as s:
        directive = crud.find_or_create_directive(s, "Thông báo 45/TB-UBND")
        did = directive.id
    with db.session() as s:
        lead = s.get(Unit, province["units"]["stc"])
        d = s.get(Directive, did)
        ids = [crud.add_task(s, lead=lead, action=f"Việc {i}", deadline=TODAY + timedelta(days=3), directive=d,
                             today=TODAY).id for i in range(3)]
    loose = add_task(db, province["units"]["stc"], "Việc giao trực tiếp", TODAY + timedelta(days=3))
    for i, tid in enumerate([ids[1], loose, ids[0], ids[2]]):
        clock.advance(minutes=5)
        submit(stc, tid, f"Đã gửi Báo cáo số {i + 1}/BC-STC")
    chats["sxd"].say("/duyet")
    assert "Văn phòng" in chats["sxd"].text  # office only
    office.say("/duyet")
    assert office.text.startswith("📥 4 kết quả")
    first_group = office.last[0].text
    assert "45/TB-UBND" in first_group
    assert first_group.index(f"#{ids[1]}") < first_group.index(f"#{ids[0]}") < first_group.index(f"#{ids[2]}")
    assert "Nhiệm vụ giao trực tiếp" in office.last[1].text
    office.press(data(office, "rb:"))
    assert "Đã đánh giá đạt 3 việc" in office.text
    with db.session() as s:
        assert {s.get(Task, i).status for i in ids} == {"done"}
        assert s.get(Task, loose).status == "awaiting_review"
    office.say("/duyet")
    assert "1 kết quả" in office.text and f"#{loose}" in office.text


def test_automatic_acceptance_after_n_working_days(db, province, chats, clock):
    stc = chats["stc"]
    tid = add_task(db, province["units"]["stc"], "Rà soát", TODAY + timedelta(days=1))
    submit(stc, tid, "Đã gửi Báo cáo số 12/BC-STC")  # Thursday 14/5
    off = ReminderSettings(tz=TZ, calendar=WorkCalendar())
    on = ReminderSettings(tz=TZ, calendar=WorkCalendar(), review_auto_accept_days=2)
    monday = datetime(2026, 5, 18, 2, 0, tzinfo=UTC)
    sweep(db, monday + timedelta(days=7), off)  # off by default
    assert review_of(db, tid).status == "pending"
    sweep(db, monday, on)  # Friday and Monday would be 2 working days only after Monday starts… (14→18: Fri, Mon)
    assert review_of(db, tid).status == "accepted"
    sweep(db, monday + timedelta(hours=1), on)  # keyed: nothing twice
    review = review_of(db, tid)
    assert review.auto and review.decided_by is None
    told = [r for r in pushes(db, "review") if r.chat_id == "stc1" and "tự động" in r.payload["text"]]
    assert len(told) == 1
    with db.session() as s:
        task = s.get(Task, tid)
        assert task.status == "done" and task.completed_late is False
        assert s.exec(select(AuditLog).where(AuditLog.action == "task.review_auto")).one().entity_id == tid
    stc.say(f"/nhiemvu {tid}")
    assert "Tự động chấp nhận" in stc.text
    reply = chats["office"].say("/xuatbaocao 5/2026")[0]
    sheet = load_workbook(io.BytesIO(reply.file[1]))["Nhiệm vụ"]
    row = next(r for r in sheet.iter_rows(values_only=True) if r[0] == tid)
    assert row[-1] == "Tự động chấp nhận"


def test_not_yet_n_working_days(db, province, chats):
    stc = chats["stc"]
    tid = add_task(db, province["units"]["stc"], "Rà soát", TODAY + timedelta(days=1))
    submit(stc, tid, "Đã gửi Báo cáo số 12/BC-STC")  # Thursday 14/5
    on = ReminderSettings(tz=TZ, calendar=WorkCalendar(), review_auto_accept_days=3)
    sweep(db, datetime(2026, 5, 18, 2, 0, tzinfo=UTC), on)  # Fri, Mon: 2 working days
    assert review_of(db, tid).status == "pending"
    sweep(db, datetime(2026, 5, 19, 2, 0, tzinfo=UTC), on)
    assert review_of(db, tid).status == "accepted"


def test_numbers_awaiting_review_and_returned(db, province, chats, clock):
    stc, office = chats["stc"], chats["office"]
    u = province["units"]["stc"]
    waiting = add_task(db, u, "Việc chờ", TODAY - timedelta(days=2))
    returned = add_task(db, u, "Việc trả lại", TODAY + timedelta(days=5))
    submit(stc, waiting, "Đã gửi Báo cáo số 1/BC-STC")
    submit(stc, returned, "Đã gửi Báo cáo số 2/BC-STC")
    office.press(f"rr:{review_of(db, returned).id}")
    office.say("thiếu số liệu các xã")
    with db.session() as s:
        [row] = unit_summaries(s, Period.month_of(TODAY), TODAY)
    # awaiting review: neither open nor overdue, outside the KPI until judged
    assert (row.awaiting_review, row.returned, row.open, row.overdue, row.kpi_base) == (1, 1, 1, 0, 0)
    office.say("/tonghop")
    assert "chờ đánh giá 1 · sản phẩm không đạt 1" in office.text
    office.say("/tonghop baocaotralai")
    assert "sản phẩm không đạt" in office.text and "Lý do: thiếu số liệu các xã" in office.text
    reply = office.say("/xuatbaocao 5/2026")[0]
    sheet = load_workbook(io.BytesIO(reply.file[1]))["Báo cáo bị trả lại"]
    [row] = list(sheet.iter_rows(values_only=True))[1:]
    assert row[1:] == (returned, "Sở Tài chính", "Nguyễn Văn An", "Sản phẩm không đạt", "Báo cáo số 2/BC-STC",
                       "thiếu số liệu các xã")
    units = load_workbook(io.BytesIO(reply.file[1]))["Đơn vị"]
    assert list(units.iter_rows(values_only=True))[1][-5:-3] == (1, 1)  # before at risk, late coordination, missed reports


# ------------------------------------------------------------------ weak spots


def test_a_blocked_report_reaches_the_office_and_vuongmac_lists_it(db, province, chats):
    stc, office, head, sxd = chats["stc"], chats["office"], chats["head"], chats["sxd"]
    tid = add_task(db, province["units"]["stc"], "Chi trả bồi thường", TODAY + timedelta(days=5))
    other = add_task(db, province["units"]["sxd"], "Thi công đường", TODAY + timedelta(days=5))
    stc.press(f"s:b:{tid}")
    stc.say("3 hộ dân chưa đồng ý giá đền bù, đề xuất UBND xã tiếp tục vận động")
    assert "Đã ghi nhận vướng mắc" in stc.text
    [row] = pushes(db, "blocked")
    assert row.chat_id == "office" and "chưa đồng ý giá đền bù" in row.payload["text"]
    assert "vận động" in row.payload["text"]
    sxd.press(f"s:b:{other}")
    sxd.say("Vướng mặt bằng, kiến nghị UBND tỉnh chỉ đạo")
    office.say("/vuongmac")
    assert "2 nhiệm vụ đang vướng mắc" in office.text and "chưa đồng ý giá đền bù" in office.text
    assert "Thi công đường" in office.text
    head.say("/blocked")
    assert "Chi trả bồi thường" in head.text and "Thi công đường" not in head.text
    stc.say("/vuongmac")
    assert "Chi trả bồi thường" not in stc.text  # officials: /nhiemvu shows their tasks


def test_reports_sent_back_are_readable(db, province, chats):
    stc, office, head = chats["stc"], chats["office"], chats["head"]
    tid = add_task(db, province["units"]["stc"], "Rà soát vốn", TODAY + timedelta(days=5))
    stc.press(f"s:p:{tid}")
    stc.say("đang triển khai")
    stc.say("/huy")
    office.say(f"/nhiemvu {tid}")
    assert "Nguyễn Văn An (Sở Tài chính)" in office.text and "thiếu: mốc hoàn thành, sản phẩm" in office.text
    stc.say(f"/nhiemvu {tid}")
    assert "bị trả lại" not in stc.text  # the office's view
    office.say("/tonghop")
    office.press(data(office, "tl:"))
    assert "đang triển khai" in office.text and "Thiếu: mốc hoàn thành, sản phẩm" in office.text
    office.say("/tonghop baocaotralai Sở Tài chính 5/2026")
    assert "Sở Tài chính" in office.text and "đang triển khai" in office.text
    office.say("/tonghop báo cáo trả lại")
    assert office.text.startswith("↩️ Báo cáo, sản phẩm bị trả lại") and "đang triển khai" in office.text
    office.say("/tonghop baocaotralai Sở Không Có")
    assert "Sở Không Có" in office.text and "đang triển khai" not in office.text
    head.say("/tonghop baocaotralai")
    assert "đang triển khai" in head.text
    reply = office.say("/xuatbaocao 5/2026")[0]
    sheet = load_workbook(io.BytesIO(reply.file[1]))["Báo cáo bị trả lại"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("Thời điểm", "Mã", "Đơn vị", "Người báo cáo", "Loại", "Nội dung", "Thiếu / lý do")
    assert rows[1][1:] == (tid, "Sở Tài chính", "Nguyễn Văn An", "Đang làm", "đang triển khai",
                           "mốc hoàn thành, sản phẩm")
    with db.session() as s:
        assert s.exec(select(ProgressReport.missing)).one() == "milestone,output"


def test_the_digest_lists_blocked_and_awaiting_review(db, province, chats):
    stc = chats["stc"]
    blocked = add_task(db, province["units"]["stc"], "Chi trả", TODAY + timedelta(days=5))
    waiting = add_task(db, province["units"]["stc"], "Rà soát", TODAY + timedelta(days=5))
    stc.press(f"s:b:{blocked}")
    stc.say("Dân không đồng ý giá đền bù, đề xuất tiếp tục vận động")
    submit(stc, waiting, "Đã gửi Báo cáo số 12/BC-STC")
    sweep(db, datetime(2026, 5, 15, 2, 0, tzinfo=UTC), ReminderSettings(tz=TZ, calendar=WorkCalendar()))
    [digest] = pushes(db, "digest")
    text = digest.payload["text"]
    assert "Đang vướng mắc (1)" in text and "Dân không đồng ý" in text and "/vuongmac" in text
    assert "Chờ đánh giá (1)" in text and "12/BC-STC" in text and "/duyet" in text


def test_a_periodic_report_awaiting_review_counts_as_reported(db, province, chats):
    stc, office = chats["stc"], chats["office"]
    tid = add_task(db, province["units"]["stc"], "Báo cáo tình hình giải ngân", None, recurrence="monthly:23")
    submit(stc, tid, "Đã gửi Báo cáo số 30/BC-STC tình hình giải ngân tháng 5")
    office.say("/baocaothang 5/2026")
    assert "Sở Tài chính" in office.text and "đúng hạn" in office.text
    assert not any(b.data.startswith("bct:") for r in office.last for row in r.buttons for b in row)
