"""The office's side through the neutral interface: /banhanh (paste or file, review,
edit, map unknown names, publish once), /giaoviec, extension decisions, role checks."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlmodel import select

from conftest import TODAY, TZ, Chat, add_task, next_looks, set_next_look
from handlers.router import Assistant
from helpers import DIRECTIVE, docx_bytes, shows
from presentation.messages import Attachment
from storage.models import AuditLog, Directive, ExtensionRequest, Outbox, Task, TaskCoordinator, Unit


@pytest.fixture
def people_(province, chat_factory):
    """Office staff and officials of two units, already bound."""
    chats = {
        "office": chat_factory("office", "Trần Văn Phòng"),
        "stc": chat_factory("stc1", "Nguyễn Văn An"),
        "syt": chat_factory("syt1", "Lê Thị Y"),
    }
    chats["office"].say(f"/start {province['codes']['office']}")
    chats["stc"].say(f"/start {province['codes']['stc_official']}")
    chats["syt"].say(f"/start {province['codes']['syt_official']}")
    return chats


def buttons(chat: Chat) -> list[str]:
    return [b.data for r in chat.last for row in r.buttons for b in row]


def button(chat: Chat, prefix: str) -> str:
    found = [d for d in buttons(chat) if d.startswith(prefix)]
    assert found, f"no {prefix} button in {buttons(chat)}"
    return found[0]


def button_in(row: Outbox, prefix: str) -> str:
    """The data of a pushed message's button."""
    return next(b["data"] for line in row.payload["buttons"] for b in line if b["data"].startswith(prefix))


def notices(db, kind="notice") -> list[Outbox]:
    with db.session() as s:
        return list(s.exec(select(Outbox).where(Outbox.kind == kind).order_by(Outbox.id)))


def draft_items(db) -> list[dict]:
    with db.session() as s:
        return s.exec(select(Directive).where(Directive.status == "draft")).one().draft["tasks"]


def test_publish_pasted_directive_review_edit_and_publish_once(db, people_):
    office = people_["office"]
    office.say("/banhanh")
    assert "dán toàn văn" in office.text
    office.say(DIRECTIVE)
    text = office.text
    assert "88/TB-UBND" in text and "Tìm thấy 5 nhiệm vụ" in text
    assert "❓ Sở Giáo dục và Đào tạo" in text and "🔁" in text  # unknown unit flagged; the monthly duty
    assert "30/05/2026" in text and "phối hợp: Sở Tài chính" in text
    assert notices(db) == []  # nothing is sent before "Ban hành"

    # fix lines
    office.say("3 hạn 20/6/2026")
    assert draft_items(db)[2]["deadline"] == "2026-06-20"
    office.say("3 phối hợp STC, Sở Y tế")
    assert [c[0] for c in draft_items(db)[2]["coordinators"]] == ["Sở Tài chính", "Sở Y tế"]
    office.say("thêm: Sở Xây dựng | lắp biển cảnh báo tại các điểm ngập úng | 30/5/2026")
    assert len(draft_items(db)) == 6 and "6." in office.text
    office.say("bỏ 6")
    assert len(draft_items(db)) == 5
    office.say("5 hạn hằng tháng 25")
    assert draft_items(db)[4]["recurrence"] == "monthly:25"
    publish = button(office, "pp:")
    office.say("sửa giúp dòng này")
    assert "Các cách sửa" in office.text and "3 hạn 20/5/2026" in office.text
    office.say("9 hạn 20/6/2026")
    assert "Không có dòng 9" in office.text
    office.say("3 hạn 31/2/2026")
    assert "không phải ngày hợp lệ" in office.text
    office.say("2 chủ trì Sở Không Tồn Tại")
    assert "Không tìm thấy đơn vị" in office.text

    # a lead not in the directory blocks publishing
    office.press(publish)
    assert "Chưa ban hành được" in office.text and "4. Sở Giáo dục và Đào tạo" in office.text
    assert notices(db) == []

    office.say("tạo Sở Giáo dục và Đào tạo")
    assert "❓" not in office.text
    office.press(publish)
    assert "Đã ban hành văn bản 88/TB-UBND: 5 nhiệm vụ" in office.text
    assert "Sở Xây dựng" in office.text and "Sở Giáo dục và Đào tạo" in office.text  # nobody registered there

    with db.session() as s:
        tasks = list(s.exec(select(Task).order_by(Task.id)))
        assert [t.status for t in tasks] == ["open"] * 5
        assert tasks[2].deadline == date(2026, 6, 20) and tasks[4].recurrence == "monthly:25"
        assert tasks[4].deadline == date(2026, 5, 25)
        directive = s.exec(select(Directive)).one()
        assert directive.status == "published" and directive.published_at is not None
        coord = s.exec(select(TaskCoordinator).where(TaskCoordinator.task_id == tasks[2].id)).all()
        assert len(coord) == 2
        assert s.exec(select(AuditLog).where(AuditLog.action == "directive.publish")).one()
    sent = notices(db)
    by_chat = {row.chat_id: row for row in sent}
    assert set(by_chat) == {"stc1", "syt1"}  # one notice per person, listing all their unit's tasks
    stc_text = by_chat["stc1"].payload["text"]
    assert "88/TB-UBND" in stc_text and "chủ trì" in stc_text and "phối hợp với Sở Y tế" in stc_text
    assert "bố trí kinh phí" in stc_text and "thoát nước" in stc_text  # lead of 2, coordinator of 3
    assert "tuyên truyền" not in stc_text
    syt_text = by_chat["syt1"].payload["text"]
    assert "diệt lăng quăng" in syt_text and "hằng tháng" in syt_text

    office.press(publish)  # a second press
    assert "đã được ban hành" in office.text
    assert len(notices(db)) == len(sent)
    with db.session() as s:
        assert len(s.exec(select(Task)).all()) == 5


def test_unknown_name_mapped_by_button_becomes_an_alias(db, people_):
    office = people_["office"]
    office.say("/banhanh\n" + DIRECTIVE.replace("Sở Giáo dục và Đào tạo", "Sở GDĐT tỉnh"))
    with db.session() as s:
        s.add(Unit(name="Sở Giáo dục và Đào tạo"))
    office.say("/banhanh")  # the draft is offered again
    office.press(button(office, "pr:"))
    assert "❓ Sở GDĐT tỉnh" in office.text
    mapping = [d for d in buttons(office) if d.startswith("pm:")]
    assert mapping
    office.say("gán Sở GDĐT tỉnh = Sở Giáo dục và Đào tạo")
    assert "❓" not in office.text
    with db.session() as s:
        unit = s.exec(select(Unit).where(Unit.name == "Sở Giáo dục và Đào tạo")).one()
        assert "Sở GDĐT tỉnh" in unit.alias_list


def test_publish_by_file_and_bad_files(db, people_):
    office = people_["office"]
    data = docx_bytes(DIRECTIVE)
    office.say("", attachment=Attachment("document", "f1", "tb-88.docx", size=len(data), fetch=lambda: data))
    assert "Tìm thấy 5 nhiệm vụ" in office.text
    office.press(button(office, "pd:"))
    assert "Đã huỷ bản nháp" in office.text

    def fail():
        raise AssertionError("a refused file must not be downloaded")
    office.say("/banhanh", attachment=Attachment("document", "f2", "scan.pdf", size=20 * 1024 * 1024, fetch=fail))
    assert "quá lớn" in office.text and "5 MB" in office.text
    office.say("", attachment=Attachment("document", "f3", "danh-sach.xlsx", size=100, fetch=fail))
    assert "không phải văn bản .docx, .pdf hoặc .txt" in office.text
    office.say("", attachment=Attachment("document", "f4", "hong.docx", size=9, fetch=lambda: b"not a zip"))
    assert "Không đọc được" in office.text
    minutes = docx_bytes("BIÊN BẢN\n\nHôm nay các đồng chí họp chi bộ, thống nhất nội dung sinh hoạt chuyên đề quý II.")
    office.say("", attachment=Attachment("document", "f5", "bien-ban.docx", size=len(minutes), fetch=lambda: minutes))
    assert "Không tìm thấy nhiệm vụ nào" in office.text and "thêm: Sở Y tế" in office.text
    office.say("thêm: Sở Y tế | báo cáo tình hình dịch sốt xuất huyết | 30/5/2026")
    assert "Tìm thấy 1 nhiệm vụ" in office.text
    office.press(button(office, "pp:"))
    assert "Đã ban hành" in office.text
    # an official's photo is not taken for a directive
    people_["stc"].say("", attachment=Attachment("document", "f6", "tb.docx", size=10, fetch=fail))
    assert "ban hành" not in people_["stc"].text.lower()


def test_draft_survives_a_restart(db, people_, clock):
    people_["office"].say("/banhanh\n" + DIRECTIVE)
    fresh = Chat(Assistant(db, TZ, clock=clock), "office")  # a new process
    fresh.say("3 hạn 22/6/2026")
    assert draft_items(db)[2]["deadline"] == "2026-06-22"
    fresh.say("/nhiemvu")  # another command closes the dialogue, not the draft
    fresh.say("/banhanh")
    assert "Tiếp tục bản nháp 88/TB-UBND" in "\n".join(b.text for r in fresh.last for row in r.buttons for b in row)


def test_big_directive_pages_its_review(db, people_):
    lines = ["UBND TỈNH BÌNH AN", "Số: 99/KH-UBND", "", "KẾ HOẠCH", ""]
    for i in range(1, 66):
        lines.append(f"{i}. Sở Tài chính chủ trì rà soát hạng mục số {i} của chương trình, hoàn thành trước ngày 30/6/2026.\n")
    office = people_["office"]
    data = docx_bytes("\n".join(lines))
    office.say("/banhanh", attachment=Attachment("document", "big", "kh-99.docx", size=len(data), fetch=lambda: data))
    assert "Tìm thấy 65 nhiệm vụ (trang 1/7)" in office.text and len(office.text) < 4000
    office.press(button(office, "pg:"))
    assert office.last[0].edit and "trang 2/7" in office.text and "\n11. " in office.text
    office.say("12. Sở Tài chính chủ trì rà soát hạng mục bổ sung … " * 10)  # the rest of a split paste
    assert "gửi văn bản dạng tệp" in office.text


def test_officials_cannot_use_office_commands(db, people_):
    official = people_["stc"]
    tid = add_task(db, 1, "Rà soát vốn", TODAY + timedelta(days=3))
    for text in ("/banhanh", "/giaoviec Sở Y tế | việc gì đó cần làm | 30/5/2026", "/giahan", "/banhanh\n" + DIRECTIVE):
        official.say(text)
        assert shows(official.text, "role.office_only"), text
    for data in ("pp:1", "ea:1", "er:1", "ed:1", "ga:go", "pm:1:abc:1"):
        official.press(data)
        assert shows(official.text, "role.office_only"), data
    with db.session() as s:
        assert s.exec(select(Task)).all()[0].id == tid and len(s.exec(select(Task)).all()) == 1


def test_assign_in_one_line_and_guided(db, people_):
    office = people_["office"]
    office.say("/giaoviec Sở Y tế | báo cáo dịch sốt xuất huyết | 30/5/2026")
    assert "Đã giao nhiệm vụ #" in office.text and "Sở Y tế" in office.text and "30/05/2026" in office.text
    [row] = notices(db)
    assert row.chat_id == "syt1" and "báo cáo dịch sốt xuất huyết" in row.payload["text"]
    assert any(b["data"].startswith("s:d:") for r in row.payload["buttons"] for b in r)

    office.say("/giaoviec Sở Không Có | việc | 30/5/2026")
    assert "Không tìm thấy đơn vị" in office.text
    office.say("/giaoviec Sở Y tế | báo cáo | 31/2/2026")
    assert "không phải ngày hợp lệ" in office.text

    office.say("/giaoviec")
    office.say("sở tai chinh")  # no diacritics: close matches are offered
    [choice] = [b.data for row in office.last[0].buttons for b in row if b.text == "Sở Tài chính"]
    office.press(choice)
    assert "Sở Tài chính" in office.text
    office.say("Tham mưu phương án bố trí vốn cho dự án cấp nước sạch")
    office.say("hôm qua")
    assert "đã qua" in office.text or "không phải ngày" in office.text
    office.say("15/6/2026")
    office.say("Tờ trình UBND tỉnh")
    assert "Cơ quan phối hợp?" in office.text
    office.say("không")
    assert "Đơn vị chủ trì: Sở Tài chính" in office.text and "15/06/2026" in office.text
    office.press("ga:go")
    assert "Đã giao nhiệm vụ" in office.text
    office.press("ga:go")  # twice: nothing more
    with db.session() as s:
        tasks = s.exec(select(Task).order_by(Task.id)).all()
        assert len(tasks) == 2 and tasks[1].expected_output == "Tờ trình UBND tỉnh"
        assert tasks[1].deadline == date(2026, 6, 15)
    assert [r.chat_id for r in notices(db)] == ["syt1", "stc1"]


def _request_extension(db, official: Chat, task_id: int) -> None:
    official.press(f"s:e:{task_id}")
    official.say("30/6/2026 vì chờ ý kiến thẩm định của Bộ Tài chính")
    assert "đề nghị gia hạn" in official.text.lower()


def test_extension_approved_moves_deadline_and_reminders(db, people_, clock):
    stc, office = people_["stc"], people_["office"]
    tid = add_task(db, 1, "Rà soát vốn đầu tư công", date(2026, 5, 20))
    # as after a sweep: the next look is known
    set_next_look(db, tid, clock.now + timedelta(days=2), checked_at=clock.now - timedelta(days=1))
    _request_extension(db, stc, tid)
    [req_row] = notices(db, "extension")
    assert req_row.chat_id == "office" and "chờ ý kiến thẩm định" in req_row.payload["text"]
    approve = [b["data"] for r in req_row.payload["buttons"] for b in r if b["data"].startswith("ea:")][0]

    office.press(approve)
    assert "Đã đồng ý gia hạn nhiệm vụ" in office.text and "20/05/2026 → 30/06/2026" in office.text
    with db.session() as s:
        task = s.get(Task, tid)
        assert task.deadline == date(2026, 6, 30) and task.original_deadline == date(2026, 5, 20)
        # the next sweep looks at the task again at once, with the new deadline
        assert (clock.now, clock.now) in next_looks(db, tid)
        req = s.exec(select(ExtensionRequest)).one()
        assert req.status == "approved" and req.decided_deadline == date(2026, 6, 30)
    told = [r for r in notices(db, "extension") if r.chat_id == "stc1"]
    assert len(told) == 1 and "30/06/2026" in told[0].payload["text"]

    office.press(approve)  # a second press, or a second office person
    assert "đã được xử lý" in office.text
    stc.say(f"/nhiemvu {tid}")
    assert "30/06/2026" in stc.text and "20/05/2026" in stc.text  # the original stays visible
    stc.say("/nhiemvu")
    assert "đã gia hạn (hạn đầu 20/05/2026)" in stc.text

    # done after the original deadline but before the approved one: on time
    clock.advance(days=20)
    stc.press(f"s:d:{tid}")
    stc.say("Đã gửi Báo cáo số 12/BC-STC ngày 3/6/2026")
    clock.advance(days=30)  # the office reviews late: the unit's completion day counts
    office.press(button_in(notices(db, "review")[-1], "ra:"))
    with db.session() as s:
        task = s.get(Task, tid)
        assert task.status == "done" and task.completed_late is False


def test_extension_rejected_with_reason_and_other_date(db, people_):
    stc, office = people_["stc"], people_["office"]
    t1 = add_task(db, 1, "Rà soát vốn đầu tư công", date(2026, 5, 20))
    t2 = add_task(db, 1, "Báo cáo giải ngân", date(2026, 5, 22))
    _request_extension(db, stc, t1)
    _request_extension(db, stc, t2)
    office.say("/giahan")
    assert "Có 2 đề nghị gia hạn" in office.text
    reject, other = button(office, "er:"), [d for d in buttons(office) if d.startswith("ed:")][1]

    office.press(reject)
    assert "Đã từ chối" in office.text
    office.say("Đề nghị tập trung nhân lực, không gia hạn")
    assert "Đã gửi ý kiến" in office.text
    office.press(other)
    office.say("15/6/2026")
    assert "22/05/2026 → 15/06/2026" in office.text
    with db.session() as s:
        a, b = s.get(Task, t1), s.get(Task, t2)
        assert a.deadline == date(2026, 5, 20) and b.deadline == date(2026, 6, 15)
        reqs = s.exec(select(ExtensionRequest).order_by(ExtensionRequest.id)).all()
        assert [r.status for r in reqs] == ["rejected", "approved"]
        assert reqs[0].decision_note == "Đề nghị tập trung nhân lực, không gia hạn"
        assert s.exec(select(AuditLog).where(AuditLog.action == "extension.reject")).one()
    texts = [r.payload["text"] for r in notices(db, "extension") if r.chat_id == "stc1"]
    assert any("không được chấp thuận" in t for t in texts)
    assert any("tập trung nhân lực" in t for t in texts)
    assert any("15/06/2026" in t for t in texts)
    office.say("/giahan")
    assert "Không có đề nghị gia hạn nào" in office.text


def test_a_group_lead_becomes_one_task_per_unit(db, people_):
    office = people_["office"]
    office.say("/banhanh\nUBND TỈNH BÌNH AN\nSố: 90/TB-UBND\n\n1. Trước ngày 23 hằng tháng, các sở, ban, ngành "
               "báo cáo tình hình thực hiện gửi UBND tỉnh qua Văn phòng UBND tỉnh để tổng hợp.")
    assert "❓" in office.text
    office.press(button(office, "pe:"))
    items = draft_items(db)
    assert sorted(i["lead"] for i in items) == ["Sở Tài chính", "Sở Xây dựng", "Sở Y tế"]
    assert all(i["recurrence"] == "monthly:23" for i in items)
    office.press(button(office, "pp:"))
    with db.session() as s:
        assert len(s.exec(select(Task).where(Task.recurrence == "monthly:23")).all()) == 3


def test_publishing_to_500_people_queues_one_notice_each(db, people_):
    from storage.models import ChatBinding, Person

    lines = ["UBND TỈNH BÌNH AN", "Số: 91/KH-UBND", ""]
    with db.session() as s:
        for u in range(50):
            unit = Unit(name=f"UBND xã Số {u:02d}")
            s.add(unit)
            s.flush()
            for p in range(10):
                person = Person(full_name=f"Cán bộ {u}-{p}", unit_id=unit.id)
                s.add(person)
                s.flush()
                s.add(ChatBinding(person_id=person.id, channel="telegram", user_id=f"{u}-{p}", chat_id=f"{u}{p:02d}"))
            lines.append(f"{u + 1}. UBND xã Số {u:02d} chủ trì rà soát hộ nghèo trên địa bàn, hoàn thành trước ngày 30/6/2026.\n")
    office = people_["office"]
    data = docx_bytes("\n".join(lines))
    office.say("/banhanh", attachment=Attachment("document", "k91", "kh-91.docx", size=len(data), fetch=lambda: data))
    assert "Tìm thấy 50 nhiệm vụ" in office.text
    office.press(button(office, "pp:"))
    assert "500 thông báo" in office.text
    rows = notices(db)
    assert len(rows) == 500 and len({r.chat_id for r in rows}) == 500
    assert all(r.status == "pending" for r in rows)  # the dispatcher sends them under the rate limits
