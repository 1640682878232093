"""What a new user hit (issue 21), each with the exact input from the report: the
numbered items that go through the chat and the database."""
from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlmodel import select

from conftest import Chat, add_task
from storage.models import ExtensionRequest, Task

# The day the issue was found: Friday 04/12/2026, 09:00 in Hanoi.
DEC_4 = datetime(2026, 12, 4, 2, 0, tzinfo=UTC)


@pytest.fixture
def people_(province, chat_factory, clock):
    clock.now = DEC_4
    chats = {"office": chat_factory("office", "Trần Văn Phòng"), "stc": chat_factory("stc1", "Nguyễn Văn An"),
             "sxd": chat_factory("sxd1", "Phạm Xây"), "syt": chat_factory("syt1", "Lê Thị Y")}
    for key, code in (("office", "office"), ("stc", "stc_official"), ("sxd", "sxd_official"),
                      ("syt", "syt_official")):
        chats[key].say(f"/start {province['codes'][code]}")
    return chats


def buttons(chat: Chat) -> list[str]:
    return [b.data for r in chat.last for row in r.buttons for b in row]


def _extension_request(db, stc: Chat, deadline: date) -> tuple[int, str]:
    tid = add_task(db, 1, "Rà soát vốn đầu tư công", deadline)
    stc.press(f"s:e:{tid}")
    stc.say("31/12/2026 vì chờ ý kiến thẩm định của Bộ Tài chính")
    assert "đề nghị gia hạn" in stc.text.lower()
    with db.session() as s:
        req = s.exec(select(ExtensionRequest).where(ExtensionRequest.task_id == tid)).one()
    return tid, str(req.id)


# --- 2. "📅 Đồng ý ngày khác" never shortens a deadline; history shows the approved date
def test_other_date_earlier_than_the_deadline_is_refused(db, people_):
    stc, office = people_["stc"], people_["office"]
    tid, rid = _extension_request(db, stc, date(2026, 12, 16))
    office.press(f"ed:{rid}")
    office.say("10/12/2026")
    assert "không sau hạn hiện tại (16/12/2026)" in office.text
    assert "Đã đồng ý" not in office.text
    office.say("16/12/2026")
    assert "không sau hạn hiện tại" in office.text
    office.say("01/12/2026")
    assert "đã qua" in office.text
    with db.session() as s:
        assert s.get(Task, tid).deadline == date(2026, 12, 16)
        assert s.exec(select(ExtensionRequest)).one().status == "pending"
    office.say("20/12/2026")
    assert "16/12/2026 → 20/12/2026" in office.text
    stc.say(f"/nhiemvu {tid}")
    assert "Xin gia hạn đến 31/12/2026 (đồng ý đến 20/12/2026)" in stc.text
    assert "(đã đồng ý)" not in stc.text


DIRECTIVE = """UỶ BAN NHÂN DÂN TỈNH BÌNH AN
Số: 88/TB-UBND
Bình An, ngày 1 tháng 12 năm 2026

THÔNG BÁO
Kết luận của Chủ tịch UBND tỉnh

1. Giao Sở Y tế chủ trì triển khai chiến dịch diệt lăng quăng tại các xã có ổ dịch; hoàn thành trước ngày 30/12/2026.

2. Sở Tài chính chủ trì tham mưu bố trí kinh phí mua hóa chất phòng dịch, báo cáo UBND tỉnh trước ngày 20/12/2026.

3. Sở Xây dựng chủ trì rà soát hệ thống thoát nước tại các khu dân cư, hoàn thành trước ngày 15/01/2027.
"""


# --- 3. past deadlines refused wherever a task is made; a milestone already gone refused
def test_past_deadline_refused_in_the_draft_and_one_line_assign(db, people_):
    office = people_["office"]
    office.say("/banhanh\n" + DIRECTIVE)
    assert "3." in office.text
    office.say("3 hạn 01/01/2020")
    assert "Hạn 01/01/2020 đã qua (hôm nay 04/12/2026)" in office.text
    office.say("thêm: Sở Y tế | kiểm tra công tác phòng dịch | 01/01/2020")
    assert "Hạn 01/01/2020 đã qua" in office.text
    with db.session() as s:
        from storage.models import Directive
        items = s.exec(select(Directive)).one().draft["tasks"]
    assert items[2]["deadline"] == "2027-01-15" and len(items) == 3
    office.say("3 hạn 04/12/2026")  # today is still a deadline
    assert "đã qua" not in office.text
    office.say("/huy")

    from storage.crud import units
    with db.session() as s:
        syt = units.find_unit(s, "Sở Y tế")
        syt.aliases = "SYT"
        s.add(syt)
    office.say("/giaoviec SYT | báo cáo dịch sốt xuất huyết | 01/01/2020")
    assert "Hạn 01/01/2020 đã qua" in office.text and "Đã giao" not in office.text
    with db.session() as s:
        assert s.exec(select(Task)).all() == []
    office.say("/giaoviec SYT | báo cáo dịch sốt xuất huyết | 31/12/2026")
    assert "Đã giao nhiệm vụ" in office.text


def test_progress_milestone_already_past_is_sent_back(db, people_):
    stc = people_["stc"]
    tid = add_task(db, 1, "Xây dựng kế hoạch giải ngân", date(2026, 12, 20))
    stc.press(f"s:p:{tid}")
    stc.say("Đã xong dự thảo kế hoạch, dự kiến xong 01/11/2026")
    assert "ngày 01/11/2026 đã qua (hôm nay 04/12/2026)" in stc.text
    with db.session() as s:
        assert s.get(Task, tid).status == "open"
    stc.say("dự kiến xong 18/12/2026")  # the correction is taken
    assert "18/12/2026" in stc.text and "đã qua" not in stc.text
    with db.session() as s:
        assert s.get(Task, tid).status == "in_progress"


# --- 4. publishing a number that was already published warns and asks again
def test_publishing_the_same_number_twice_warns(db, people_):
    office = people_["office"]
    for round_ in range(2):
        office.say("/banhanh\n" + DIRECTIVE)
        publish = [d for d in buttons(office) if d.startswith("pp:")][0]
        office.press(publish)
        if round_ == 0:
            assert "Đã ban hành" in office.text
    assert "đã được ban hành" in office.text and "88/TB-UBND" in office.text
    with db.session() as s:
        assert len(s.exec(select(Task)).all()) == 3  # nothing duplicated yet
    again = [d for d in buttons(office) if d.endswith(":again")]
    assert again
    office.press(again[0])
    assert "Đã ban hành" in office.text
    with db.session() as s:
        assert len(s.exec(select(Task)).all()) == 6  # asked twice: the office's decision


# --- 6. a coordinator's finished part is answered for it; no 📅 for coordinators
def test_coordinator_part_done_is_answered_and_has_no_extension_button(db, people_, province):
    syt = people_["syt"]
    tid = add_task(db, province["units"]["stc"], "Xây dựng Kế hoạch khám sức khỏe định kỳ", date(2026, 12, 1),
                   coordinators=[province["units"]["syt"]])
    syt.say("/nhiemvu")
    assert "Chưa báo cáo" in syt.text and "1 quá hạn" in syt.text
    assert f"s:d:{tid}" in buttons(syt) and f"s:e:{tid}" not in buttons(syt)
    syt.say(f"/nhiemvu {tid}")
    assert f"s:e:{tid}" not in buttons(syt) and f"s:p:{tid}" in buttons(syt)
    syt.press(f"s:d:{tid}")
    syt.say("Đã gửi Công văn số 15/SYT-KHTC góp ý dự thảo kế hoạch")
    syt.say("/nhiemvu")
    assert "Đã báo cáo xong phần phối hợp" in syt.text and "Chưa báo cáo" not in syt.text
    assert "quá hạn" not in syt.text.split("\n")[1]  # the header no longer counts it overdue
    assert not [d for d in buttons(syt) if d.startswith("s:")]
    syt.say(f"/nhiemvu {tid}")
    assert "đã báo cáo xong phần phối hợp" in syt.text
    assert not [d for d in buttons(syt) if d.startswith("s:")]
    stc = people_["stc"]
    stc.say("/nhiemvu")
    assert f"s:e:{tid}" in buttons(stc) and "Chưa báo cáo" in stc.text  # the lead still owes the task


# --- 11. another command during a dialogue says the dialogue was closed
def test_a_command_during_a_dialogue_says_it_closed_it(db, people_, province):
    stc, office = people_["stc"], people_["office"]
    tid = add_task(db, province["units"]["stc"], "Rà soát vốn đầu tư công", date(2026, 12, 20))
    stc.press(f"s:p:{tid}")
    stc.say("/nhiemvu")
    assert stc.last[0].text == f"ℹ️ Đã đóng hộp thoại đang dở về nhiệm vụ #{tid} (chưa lưu) để chạy /nhiemvu."
    assert "Nhiệm vụ của Sở Tài chính" in stc.last[1].text
    stc.say("/nhiemvu")
    assert "Đã đóng" not in stc.text  # nothing open any more
    office.say("/giaoviec")
    office.say("/giahan")
    assert office.last[0].text == "ℹ️ Đã đóng hộp thoại đang dở để chạy /giahan."
    stc.press(f"s:p:{tid}")
    stc.say("/huy")
    assert "Đã hủy" in stc.text and "Đã đóng hộp thoại" not in stc.text


# --- 12. extension reasons: say why one is asked again, store it without "vì", show a rejection's reason
def test_extension_reasons(db, people_, province):
    stc, office = people_["stc"], people_["office"]
    tid = add_task(db, province["units"]["stc"], "Rà soát vốn đầu tư công", date(2026, 12, 16))
    stc.press(f"s:e:{tid}")
    stc.say("20/1/2027 vì chờ Bộ")
    assert "Lý do “chờ Bộ” còn quá ngắn" in stc.text and "20/01/2027" in stc.text
    stc.say("vì chờ ý kiến thẩm định của Bộ Tài chính")
    assert "đề nghị gia hạn" in stc.text.lower()
    with db.session() as s:
        req = s.exec(select(ExtensionRequest)).one()
        assert req.reason == "chờ ý kiến thẩm định của Bộ Tài chính"
        assert req.requested_deadline == date(2027, 1, 20)
    office.press(f"er:{req.id}")
    office.say("Đề nghị tập trung nhân lực, không gia hạn")
    stc.say(f"/nhiemvu {tid}")
    assert "Xin gia hạn đến 20/01/2027 (không đồng ý, lý do: Đề nghị tập trung nhân lực, không gia hạn)" \
        in stc.text
    stc.press(f"s:e:{tid}")
    stc.say("25/1/2027 do chờ kết quả đấu thầu gói thầu số 3")
    with db.session() as s:
        assert s.exec(select(ExtensionRequest).order_by(ExtensionRequest.id.desc())).first().reason == \
            "chờ kết quả đấu thầu gói thầu số 3"


# --- 13. one-line /giaoviec: asks for a missing deadline, suggests for a typo, its own date reply, "tạo"
def test_one_line_assign_asks_suggests_and_creates(db, people_, province):
    office = people_["office"]
    office.say("/giaoviec Sở Y tế | báo cáo tình hình dịch sốt xuất huyết")
    assert "Thời hạn hoàn thành?" in office.text and "ví dụ 31/1/2027" in office.text
    with db.session() as s:
        assert s.exec(select(Task)).all() == []  # nothing taken without asking
    office.say("31/12/2026")
    assert "Đơn vị chủ trì: Sở Y tế" in office.text and "31/12/2026" in office.text
    office.press("ga:go")
    assert "Đã giao nhiệm vụ" in office.text

    office.say("/giaoviec Sở Xay dung | rà soát hệ thống thoát nước | 31/12/2026")
    assert "Không tìm thấy đơn vị “Sở Xay dung”" in office.text
    [choice] = [b.data for r in office.last for row in r.buttons for b in row if b.text == "Sở Xây dựng"]
    office.press(choice)  # the rest of the line is kept
    assert "Đã giao nhiệm vụ" in office.text and "Sở Xây dựng" in office.text and "31/12/2026" in office.text

    office.say("/giaoviec Sở Y tế | báo cáo dịch | 31/13/2026")
    assert "không phải ngày hợp lệ. Ví dụ: 31/1/2027, hoặc “không”" in office.text
    assert "3 hạn" not in office.text  # not the draft's syntax

    office.say("/giaoviec Sở Ma | kiểm tra công tác phòng cháy | 31/12/2026")
    assert "tạo <tên đơn vị>" in office.text
    office.say("tạo Sở Ma")
    assert "Đã giao nhiệm vụ" in office.text and "Sở Ma" in office.text
    with db.session() as s:
        assert len(s.exec(select(Task)).all()) >= 2


# --- 14. numbers that read as contradictions say their definition where shown
def test_overdue_from_before_the_period_is_explained(db, people_, province):
    office = people_["office"]
    tid = add_task(db, province["units"]["stc"], "Rà soát vốn đầu tư công", date(2026, 5, 15))
    with db.session() as s:
        task = s.get(Task, tid)
        task.created_at = datetime(2026, 5, 1, 2, tzinfo=UTC)
        s.add(task)
    office.say("/tonghop")
    assert "quá hạn 1" in office.text and "quá 203 ngày" in office.text
    assert "chưa có việc đến hạn trong kỳ (1 việc quá hạn là việc đến hạn từ trước kỳ" in office.text
    office.say("/bieudo")
    assert office.last[0].file is not None
    assert "1 việc quá hạn từ trước kỳ xem ở /tonghop" in office.text


# --- cosmetics in the chat
def test_small_things_in_the_chat(db, people_, province):
    office, stc = people_["office"], people_["stc"]
    office.say("/banhanh\nUBND TỈNH BÌNH AN\nSố: 90/TB-UBND\n\n1. Trước ngày 23 hằng tháng, các sở, ban, ngành, "
               "UBND các xã, phường báo cáo tình hình thực hiện gửi UBND tỉnh qua Văn phòng UBND tỉnh để tổng hợp.")
    header = office.last[0].text.splitlines()[0]
    assert header == "📝 Bản nháp: 90/TB-UBND — UBND TỈNH BÌNH AN"  # no "ngày —" without a date
    labels = [b.text for r in office.last for row in r.buttons for b in row if b.text.startswith("👥")]
    assert labels and all("“" in label for label in labels)  # each names its group
    assert len(set(labels)) == len(labels)
    office.say("/huy")
    office.say("/bieudo abc")
    assert "/bieudo 12/2026" in office.text and "/tonghop" not in office.text
    office.say("/xuatbaocao abc")
    assert "/xuatbaocao 12/2026" in office.text
    stc.say("/nhacnho mặc định")
    assert "8:00" in stc.text
    stc.say("/nhacnho")
    assert "8:00 (giờ mặc định của hệ thống)" in stc.text
    stc.say("/help")
    assert "/kenh" in stc.text
    stc.say("/lang en")
    stc.say("/help")
    assert "/kenh" in stc.text


def test_a_command_during_a_draft_says_the_draft_is_kept(db, people_):
    office = people_["office"]
    office.say("/banhanh\n" + DIRECTIVE)
    office.say("/tonghop")
    assert office.last[0].text.startswith("ℹ️ Đã tạm dừng sửa bản nháp để chạy /tonghop; bản nháp vẫn được lưu")
