"""The official's loop through the neutral interface: invitation, /nhiemvu, each
status dialogue, the quality gate, and what lands in the database."""
from __future__ import annotations

from datetime import timedelta

from sqlmodel import select

from conftest import TODAY, add_task
from helpers import shows
from storage.models import AuditLog, ChatBinding, CompletionReview, ExtensionRequest, Person, ProgressReport, Task


def joined(chat) -> str:
    return chat.text


def test_invitation_binds_unit_and_role(db, province, chat_factory):
    an = chat_factory("u1", "Nguyễn Văn An")
    an.say(f"/start {province['codes']['stc_official']}")
    assert "Sở Tài chính" in an.text and "cán bộ" in an.text
    with db.session() as s:
        person = s.exec(select(Person)).one()
        assert person.unit_id == province["units"]["stc"] and person.role == "official"
        assert person.full_name == "Nguyễn Văn An"
        binding = s.exec(select(ChatBinding)).one()
        assert (binding.channel, binding.user_id) == ("console", "u1")
        assert s.exec(select(AuditLog).where(AuditLog.action == "invitation.redeem")).one()


def test_code_is_case_insensitive_and_single_use(province, chat_factory):
    code = province["codes"]["stc_official"]
    chat_factory("u1").say(f"/start {code.lower()}")
    other = chat_factory("u2")
    other.say(f"/start {code}")
    assert "đã được sử dụng" in other.text
    other.say("/nhiemvu")
    assert shows(other.text, "stranger")


def test_wrong_and_expired_codes_are_refused(db, province, chat_factory, clock):
    c = chat_factory("u1")
    c.say("/start KHONGCOMA")
    assert "Mã mời không đúng" in c.text
    with db.session() as s:
        from storage.crud import people
        from storage.models import Unit
        inv = people.create_invitation(s, s.get(Unit, province["units"]["stc"]), "official", expires_days=1)
        inv.expires_at = inv.expires_at - timedelta(days=2)
        code = inv.code
    c.say(f"/start {code}")
    assert "hết hạn" in c.text


def test_stranger_sees_nothing(db, province, chat_factory):
    add_task(db, province["units"]["stc"], "Rà soát vốn đầu tư công", TODAY + timedelta(days=3))
    s = chat_factory("stranger")
    for text in ("/nhiemvu", "/nhiemvu 1", "xin chào", "/tonghop", "/start"):
        s.say(text)
        assert "Rà soát" not in s.text
    assert "mã mời" in chat_factory("x").say("/nhiemvu")[0].text
    s.press("s:p:1")
    assert shows(s.text, "stranger")


def _bind(chat_factory, code, user="u1"):
    chat = chat_factory(user)
    chat.say(f"/start {code}")
    return chat


def test_nhiemvu_orders_by_urgency_and_includes_coordination(db, province, chat_factory):
    u = province["units"]
    later = add_task(db, u["stc"], "Việc còn xa", TODAY + timedelta(days=30))
    overdue = add_task(db, u["stc"], "Việc quá hạn", TODAY - timedelta(days=5))
    today = add_task(db, u["stc"], "Việc hôm nay", TODAY)
    coord = add_task(db, u["sxd"], "Việc phối hợp", TODAY + timedelta(days=2), coordinators=[u["stc"]])
    add_task(db, u["syt"], "Việc của Sở Y tế", TODAY)
    undated = add_task(db, u["stc"], "Việc không hạn", None)
    chat = _bind(chat_factory, province["codes"]["stc_official"])
    reply = chat.say("/nhiemvu")[0]
    text = reply.text
    order = [text.index(s) for s in ("Việc quá hạn", "Việc hôm nay", "Việc phối hợp", "Việc còn xa", "Việc không hạn")]
    assert order == sorted(order)
    assert "Sở Y tế" not in text
    assert "QUÁ HẠN 5 ngày" in text and "14/05/2026" in text and "HÔM NAY" in text
    assert "Phối hợp" in text and "Chủ trì" in text
    assert "1 quá hạn, 1 đến hạn hôm nay" in text
    # one row of status buttons per task, then the detail row
    data = [[b.data for b in row] for row in reply.buttons]
    assert data[0] == [f"s:d:{overdue}", f"s:p:{overdue}", f"s:b:{overdue}", f"s:e:{overdue}"]
    assert [r[0] for r in data[:5]] == [f"s:d:{i}" for i in (overdue, today, coord, later, undated)]
    assert reply.buttons[0][0].text.startswith("1. ✅ Xong")
    assert all(len(b.data.encode()) <= 64 for row in reply.buttons for b in row)


def test_paging_edits_in_place(db, province, chat_factory):
    for i in range(19):
        add_task(db, province["units"]["stc"], f"Nhiệm vụ số {i:02d}", TODAY + timedelta(days=i))
    chat = _bind(chat_factory, province["codes"]["stc_official"])
    first = chat.say("/nhiemvu")[0]
    assert "Trang 1/3" in first.text and "Nhiệm vụ số 00" in first.text and "Nhiệm vụ số 08" not in first.text
    nav = [b.data for b in first.buttons[-1]]
    assert "l:2" in nav
    second = chat.press("l:2")[0]
    assert second.edit and "Trang 2/3" in second.text and "Nhiệm vụ số 08" in second.text
    numbered = [line for line in second.text.splitlines() if line[:1].isdigit()]
    assert numbered[0].startswith("9. ")  # numbering continues across pages
    last = chat.press("l:99")[0]  # an old page number is clamped, not an error
    assert "Trang 3/3" in last.text and "Nhiệm vụ số 18" in last.text


def test_task_detail_and_isolation_between_units(db, province, chat_factory):
    u = province["units"]
    mine = add_task(db, u["stc"], "Tham mưu phương án vốn", TODAY + timedelta(days=3), coordinators=[u["sxd"]],
                    expected_output="Tờ trình")
    theirs = add_task(db, u["syt"], "Kế hoạch khám sức khỏe", TODAY + timedelta(days=3))
    chat = _bind(chat_factory, province["codes"]["stc_official"])
    detail = chat.say(f"/nhiemvu {mine}")[0].text
    assert "Tham mưu phương án vốn" in detail and "Phối hợp: Sở Xây dựng" in detail and "Tờ trình" in detail
    assert "Kế hoạch khám sức khỏe" not in chat.say(f"/nhiemvu {theirs}")[0].text
    assert "Không tìm thấy" in chat.text
    # guessing ids through buttons does not work either
    for data in (f"t:{theirs}", f"s:p:{theirs}", f"s:d:{theirs}", f"s:e:{theirs}"):
        chat.press(data)
        assert "Kế hoạch khám" not in chat.text and "Không tìm thấy" in chat.text
    chat.say("/nhiemvu abc")
    assert "Ví dụ: /nhiemvu 12" in chat.text
    # the coordinator sees the task and its own role
    coord = _bind(chat_factory, province["codes"]["sxd_official"], "u2")
    assert "Tham mưu phương án vốn" in coord.say("/nhiemvu")[0].text
    assert "Phối hợp" in coord.text


def test_progress_report_quality_gate(db, province, chat_factory):
    task_id = add_task(db, province["units"]["stc"], "Xây dựng kế hoạch", TODAY + timedelta(days=10))
    chat = _bind(chat_factory, province["codes"]["stc_official"])
    chat.press(f"s:p:{task_id}")
    assert "mốc hoàn thành" in chat.text
    chat.say("đang triển khai")
    assert "không chấp nhận" in chat.text.lower() or "chưa được chấp nhận" in chat.text
    assert "mốc hoàn thành" in chat.text and "sản phẩm" in chat.text
    chat.say("đang triển khai, dự kiến xong 20/5/2026, sản phẩm: dự thảo kế hoạch")
    assert "Đã ghi nhận báo cáo tiến độ" in chat.text and "20/05/2026" in chat.text
    with db.session() as s:
        task = s.get(Task, task_id)
        assert task.status == "in_progress"
        reports = s.exec(select(ProgressReport).order_by(ProgressReport.id)).all()
        assert [r.accepted for r in reports] == [False, True]
        assert reports[1].milestone.isoformat() == "2026-05-20"
        assert "dự thảo kế hoạch" in reports[1].output
    # the list now shows the status and the last report
    listing = chat.say("/nhiemvu")[0].text
    assert "Đang làm" in listing and "dự thảo kế hoạch" in listing


def test_progress_report_in_several_messages(db, province, chat_factory):
    task_id = add_task(db, province["units"]["stc"], "Rà soát mỏ khoáng sản", TODAY + timedelta(days=6))
    chat = _bind(chat_factory, province["codes"]["stc_official"])
    chat.press(f"s:p:{task_id}")
    chat.say("đang rà soát")
    chat.say("dự kiến xong 20/5")
    assert "Đã ghi nhận" not in chat.text and "sản phẩm" in chat.text
    chat.say("sản phẩm: báo cáo số 12/BC-STC")
    assert "Đã ghi nhận báo cáo tiến độ" in chat.text
    with db.session() as s:
        report = s.exec(select(ProgressReport).where(ProgressReport.accepted == True)).one()  # noqa: E712
        assert "đang rà soát" in report.text and "12/BC-STC" in report.text


def test_done_records_output_and_lateness(db, province, chat_factory, clock):
    """A completion waits for the office's review; once accepted, on-time is judged on the
    unit's completion day."""
    on_time = add_task(db, province["units"]["stc"], "Việc đúng hạn", TODAY + timedelta(days=1))
    late = add_task(db, province["units"]["stc"], "Việc trễ", TODAY - timedelta(days=3))
    chat = _bind(chat_factory, province["codes"]["stc_official"])
    office = _bind(chat_factory, province["codes"]["office"], user="office")
    chat.press(f"s:d:{on_time}")
    assert "sản phẩm đầu ra" in chat.text
    chat.say("xong rồi")
    assert "sản phẩm" in chat.text and "Đã ghi nhận" not in chat.text
    chat.say("Đã ban hành Công văn số 123/STC-NS gửi các sở")
    assert "chờ Văn phòng đánh giá" in chat.text
    chat.press(f"s:d:{late}")
    from presentation.messages import Attachment
    chat.say("", attachment=Attachment("document", "FILE123", "bao-cao.pdf", "application/pdf", 1000))
    assert "bao-cao.pdf" in chat.text and "văn bản gì" in chat.text  # a file alone is not a product
    chat.say("Báo cáo số 45/BC-STC về giải ngân")
    assert "chờ Văn phòng đánh giá" in chat.text and "sau hạn 3 ngày" in chat.text
    with db.session() as s:
        assert {s.get(Task, i).status for i in (on_time, late)} == {"awaiting_review"}
        reviews = s.exec(select(CompletionReview).order_by(CompletionReview.id)).all()
    clock.advance(days=2)  # reviewed later: the unit's completion day counts
    for review in reviews:
        office.press(f"ra:{review.id}")
    with db.session() as s:
        t1, t2 = s.get(Task, on_time), s.get(Task, late)
        assert t1.status == "done" and t1.completed_late is False and "123/STC-NS" in t1.completion_output
        assert t2.status == "done" and t2.completed_late is True and "45/BC-STC" in t2.completion_output
        assert s.exec(select(ProgressReport).where(ProgressReport.attachment_ref == "FILE123")).one()
    # a done task disappears from the list, and its old buttons say so
    assert "Việc trễ" not in chat.say("/nhiemvu")[0].text
    chat.press(f"s:p:{late}")
    assert "đã hoàn thành" in chat.text


def test_blocked_dialogue(db, province, chat_factory):
    task_id = add_task(db, province["units"]["stc"], "Chi trả bồi thường", TODAY + timedelta(days=5))
    chat = _bind(chat_factory, province["codes"]["stc_official"])
    chat.press(f"s:b:{task_id}")
    chat.say("vướng mặt bằng 3 hộ dân chưa đồng ý")
    assert "phương án" in chat.text and "Đã ghi nhận" not in chat.text
    chat.say("đề xuất UBND xã vận động, nếu không được sẽ báo cáo UBND tỉnh xem xét cưỡng chế")
    assert "Đã ghi nhận vướng mắc" in chat.text
    with db.session() as s:
        assert s.get(Task, task_id).status == "blocked"


def test_extension_request(db, province, chat_factory):
    task_id = add_task(db, province["units"]["stc"], "Hoàn thiện hồ sơ", TODAY + timedelta(days=1))
    chat = _bind(chat_factory, province["codes"]["stc_official"])
    chat.press(f"s:e:{task_id}")
    assert "15/05/2026" in chat.text
    chat.say("31/2/2026")
    assert "không hợp lệ" in chat.text
    chat.say("10/5/2026")
    assert "phải sau" in chat.text
    chat.say("30/6/2026")
    assert "lý do" in chat.text.lower()
    chat.say("chờ")
    assert "quá ngắn" in chat.text
    chat.say("Chờ ý kiến thẩm định của Bộ Tài chính")
    assert "Đã gửi đề nghị gia hạn" in chat.text and "30/06/2026" in chat.text
    with db.session() as s:
        req = s.exec(select(ExtensionRequest)).one()
        assert req.status == "pending" and req.requested_deadline.isoformat() == "2026-06-30"
        assert s.get(Task, task_id).deadline == TODAY + timedelta(days=1)  # unchanged until approved
    detail = chat.say(f"/nhiemvu {task_id}")[0].text
    assert "Xin gia hạn đến 30/06/2026 (chờ duyệt)" in detail
    assert "Đang xin gia hạn đến 30/06/2026" in chat.say("/nhiemvu")[0].text


def test_extension_date_and_reason_in_one_message(db, province, chat_factory):
    task_id = add_task(db, province["units"]["stc"], "Hoàn thiện hồ sơ", TODAY + timedelta(days=1))
    chat = _bind(chat_factory, province["codes"]["stc_official"])
    chat.press(f"s:e:{task_id}")
    chat.say("30/6/2026 vì chờ ý kiến thẩm định của Bộ")
    assert "Đã gửi đề nghị gia hạn" in chat.text


def test_coordinator_cannot_request_extension_and_reports_its_part(db, province, chat_factory):
    u = province["units"]
    task_id = add_task(db, u["stc"], "Việc chung", TODAY + timedelta(days=4), coordinators=[u["sxd"]])
    coord = _bind(chat_factory, province["codes"]["sxd_official"], "u9")
    coord.press(f"s:e:{task_id}")
    assert "Chỉ đơn vị chủ trì" in coord.text
    coord.press(f"s:d:{task_id}")
    coord.say("Đã gửi Công văn số 45/SXD-KT góp ý cho Sở Tài chính")
    assert "phần phối hợp" in coord.text
    with db.session() as s:
        assert s.get(Task, task_id).status == "open"


def test_cancel_and_commands_end_dialogues(db, province, chat_factory):
    task_id = add_task(db, province["units"]["stc"], "Việc A", TODAY + timedelta(days=4))
    chat = _bind(chat_factory, province["codes"]["stc_official"])
    chat.say("/huy")
    assert "Không có thao tác" in chat.text
    chat.press(f"s:p:{task_id}")
    chat.say("/huy")
    assert "Đã hủy" in chat.text
    chat.say("đang triển khai")  # no dialogue any more: a hint, not a report
    assert "/nhiemvu" in chat.text
    with db.session() as s:
        assert s.exec(select(ProgressReport)).all() == []


def test_dialogue_survives_restart(db, province, clock, chat_factory):
    """The dialogue is in the database: a new Assistant (a restarted bot) continues it."""
    from conftest import TZ, Chat
    from handlers.router import Assistant

    task_id = add_task(db, province["units"]["stc"], "Việc B", TODAY + timedelta(days=4))
    chat = _bind(chat_factory, province["codes"]["stc_official"])
    chat.press(f"s:d:{task_id}")
    restarted = Chat(Assistant(db, TZ, clock=clock), "u1")
    restarted.say("Đã ban hành Kế hoạch số 77/KH-UBND")
    assert "chờ Văn phòng đánh giá" in restarted.text


def test_bad_input_gets_clear_vietnamese_replies(db, province, chat_factory):
    chat = _bind(chat_factory, province["codes"]["stc_official"])
    assert "Không có lệnh /xyz" in chat.say("/xyz")[0].text
    assert "quá dài" in chat.say("a" * 10_000)[0].text
    assert "/nhiemvu" in chat.say("👍🎉")[0].text
    assert "/nhiemvu" in chat.say("chào bot")[0].text
    chat.press("zz:1")
    assert shows(chat.text, "button.expired")
    chat.press("s:q:1")
    assert shows(chat.text, "button.expired")
    chat.press("t:abc")
    assert shows(chat.text, "button.expired")


def test_language_switch(db, province, chat_factory):
    chat = _bind(chat_factory, province["codes"]["stc_official"])
    chat.say("/lang en")
    assert "Switched to English" in chat.text
    assert "has no unfinished tasks" in chat.say("/nhiemvu")[0].text
    chat.say("/lang fr")
    assert "not supported" in chat.text
    chat.press("lang:vi")
    assert "tiếng Việt" in chat.text
    assert "/nhiemvu" in chat.say("/help")[0].text


def test_text_is_stored_nfc(db, province, chat_factory):
    import unicodedata
    task_id = add_task(db, province["units"]["stc"], "Việc C", TODAY + timedelta(days=4))
    chat = _bind(chat_factory, province["codes"]["stc_official"])
    chat.press(f"s:d:{task_id}")
    chat.say(unicodedata.normalize("NFD", "Đã ban hành Quyết định số 9/QĐ-UBND về tổ công tác"))
    with db.session() as s:
        report = s.exec(select(ProgressReport)).one()
        assert report.text == unicodedata.normalize("NFC", report.text)
        assert "Quyết định" in report.text


def test_reminder_hour_and_snooze_commands(db, province, chat_factory):
    from storage.models import Snooze
    task_id = add_task(db, province["units"]["stc"], "Việc F", TODAY + timedelta(days=3))
    chat = _bind(chat_factory, province["codes"]["stc_official"])
    assert "mặc định" in chat.say("/nhacnho")[0].text
    assert "14:00" in chat.say("/nhacnho 14")[0].text
    assert "không hợp lệ" in chat.say("/nhacnho 23")[0].text
    assert "không hợp lệ" in chat.say("/nhacnho sáng")[0].text
    with db.session() as s:
        assert s.exec(select(Person)).one().remind_hour == 14
    chat.say("/nhacnho mặc định")
    with db.session() as s:
        assert s.exec(select(Person)).one().remind_hour is None
    reply = chat.press(f"z:{task_id}")[0]
    assert "Tạm dừng nhắc nhiệm vụ" in reply.text and reply.notice
    with db.session() as s:
        snooze = s.exec(select(Snooze)).one()
        assert snooze.task_id == task_id
    other = add_task(db, province["units"]["syt"], "Việc của đơn vị khác", TODAY)
    chat.press(f"z:{other}")
    assert "Không tìm thấy" in chat.text


def test_task_detail_flags_late_coordinators(db, province, chat_factory):
    from storage.crud import tasks as crud
    from storage.models import Unit
    u = province["units"]
    with db.session() as s:
        task_id = crud.add_task(s, lead=s.get(Unit, u["stc"]), action="Việc G", deadline=TODAY + timedelta(days=9),
                                coordinators=[s.get(Unit, u["sxd"]), s.get(Unit, u["syt"])],
                                coordinator_deadline=TODAY - timedelta(days=1)).id
    coord = _bind(chat_factory, province["codes"]["syt_official"], "u7")
    coord.press(f"s:p:{task_id}")
    coord.say("Đã gửi dự thảo góp ý, hoàn thành trước 20/5/2026, sản phẩm: công văn góp ý")
    chat = _bind(chat_factory, province["codes"]["stc_official"])
    detail = chat.say(f"/nhiemvu {task_id}")[0].text
    assert "Phối hợp không đúng hạn: Sở Xây dựng (hạn 13/05/2026)" in detail
    # A late answer stays late (it no longer erases the flag), with how late it came.
    assert "Sở Y tế: gửi ý kiến ngày 14/05/2026, trễ 1 ngày (hạn 13/05/2026)" in detail
    assert "Chưa nhận được ý kiến phối hợp" in str(chat.last[0].buttons)


def _binding(db, user_id: str) -> ChatBinding:
    with db.session() as s:
        return s.exec(select(ChatBinding).where(ChatBinding.user_id == user_id)).one()


def test_the_binding_follows_the_chat_and_is_written_only_when_it_changed(db, province, assistant):
    from datetime import UTC, datetime

    from conftest import Chat
    from presentation.messages import Incoming

    _bind(lambda user: Chat(assistant, user), province["codes"]["stc_official"])
    with db.session() as s:  # as if last seen an hour ago, and blocked since
        b = s.exec(select(ChatBinding).where(ChatBinding.user_id == "u1")).one()
        b.last_seen_at, b.active = datetime(2020, 1, 1, tzinfo=UTC), False
    assistant.handle(Incoming(channel="console", chat_id="new-chat", user_id="u1", text="/help"))
    binding = _binding(db, "u1")
    assert (binding.chat_id, binding.active) == ("new-chat", True)
    seen = binding.last_seen_at
    assert seen.year > 2020
    assistant.handle(Incoming(channel="console", chat_id="new-chat", user_id="u1", text="/help"))
    assert _binding(db, "u1").last_seen_at == seen  # minutes later: nothing written


def test_settings_change_the_row_and_the_rest_of_the_message(db, province, chat_factory):
    chat = _bind(chat_factory, province["codes"]["stc_official"])
    chat.say("/lang en")
    assert "Reminder hour set to 14:00" in chat.say("/nhacnho 14")[0].text
    chat.say("/kenh tatca")
    with db.session() as s:
        person = s.exec(select(Person)).one()
        assert (person.language, person.remind_hour, person.push_channels) == ("en", 14, "all")
