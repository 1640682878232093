"""Named officials ("rõ người"): a head gives a task to an official, the official's
/nhiemvu puts it first, reminders go to the assignee alone, leaving the unit tells the head."""
from __future__ import annotations

from datetime import UTC, date, datetime

from sqlmodel import select

from conftest import TZ, add_task, set_next_look
from reminders.sweep import ReminderSettings, sweep
from storage.crud import assignments, people
from storage.models import AuditLog, ChatBinding, Outbox, Task, TaskAssignment, Unit
from workcalendar.workdays import WorkCalendar

CFG = ReminderSettings(tz=TZ, calendar=WorkCalendar())


def local(y, m, d, h=8, mi=0) -> datetime:
    return datetime(y, m, d, h, mi, tzinfo=TZ).astimezone(UTC)


def created_at(db, task_id: int, when: datetime) -> None:
    with db.session() as s:
        task = s.get(Task, task_id)
        task.created_at = when
        s.add(task)
    set_next_look(db, task_id, when)


def invite(db, unit_id: int, role: str) -> str:
    with db.session() as s:
        return people.create_invitation(s, s.get(Unit, unit_id), role).code


def person_id(db, user_id: str) -> int:
    with db.session() as s:
        return s.exec(select(ChatBinding.person_id).where(ChatBinding.user_id == user_id)).one()


def setup_unit(db, province, chat_factory):
    u = province["units"]
    head = chat_factory("h1", "Trần Thị Hoa")
    head.say(f"/start {invite(db, u['stc'], 'head')}")
    an = chat_factory("o1", "Nguyễn Văn An")
    an.say(f"/start {province['codes']['stc_official']}")
    binh = chat_factory("o2", "Lê Văn Bình")
    binh.say(f"/start {province['codes']['stc_official2']}")
    return head, an, binh


def test_head_gives_a_task_with_buttons_and_the_official_sees_it_first(db, province, chat_factory):
    u = province["units"]
    head, an, binh = setup_unit(db, province, chat_factory)
    early = add_task(db, u["stc"], "Báo cáo giải ngân vốn đầu tư công", date(2026, 5, 20))
    later = add_task(db, u["stc"], "Rà soát định mức chi thường xuyên", date(2026, 6, 30))
    head.say(f"/nhiemvu {later}")
    assert ("👤 Giao cán bộ", f"aa:{later}") in [(b.text, b.data) for row in head.last[0].buttons for b in row]
    head.press(f"aa:{later}")
    menu = {b.text: b.data for row in head.last[0].buttons for b in row}
    assert "Nguyễn Văn An" in menu and "Lê Văn Bình" in menu and "Chưa giao cho ai" in head.text
    head.press(menu["Nguyễn Văn An"])
    assert "Đã giao nhiệm vụ" in head.text and head.last[0].edit
    assert "👤 Nguyễn Văn An" in [b.text for row in head.last[0].buttons for b in row]
    # the official is notified through the outbox
    with db.session() as s:
        notices = s.exec(select(Outbox).where(Outbox.person_id == person_id(db, "o1"))).all()
        assert len(notices) == 1 and "giao nhiệm vụ" in notices[0].payload["text"]
        assert s.exec(select(AuditLog).where(AuditLog.action == "task.assign")).one().entity_id == later
    # own tasks first, marked, though due later
    an.say("/nhiemvu")
    lines = an.text.splitlines()
    first = next(line for line in lines if line.startswith("1. "))
    assert first.startswith("1. 👤") and f"#{later}" in first
    assert "1 việc được giao cho bạn" in an.text
    an.say("/nhiemvu toi")
    assert f"#{later}" in an.text and f"#{early}" not in an.text
    binh.say("/nhiemvu toi")
    assert "chưa được giao riêng" in binh.text
    # the task's page names the assignee and the history says who gave it
    an.say(f"/nhiemvu {later}")
    assert "Cán bộ được giao: Nguyễn Văn An" in an.text and "Giao cho Nguyễn Văn An (bởi Trần Thị Hoa)" in an.text
    # pressing the assignee takes it back
    head.press(f"ap:{later}:{person_id(db, 'o1')}")
    assert "Đã thu hồi" in head.text
    an.say("/nhiemvu toi")
    assert "chưa được giao riêng" in an.text


def test_phancong_by_name_and_refusals(db, province, chat_factory):
    u = province["units"]
    head, an, binh = setup_unit(db, province, chat_factory)
    task = add_task(db, u["stc"], "Lập dự toán ngân sách 2027", date(2026, 6, 15))
    other = add_task(db, u["syt"], "Báo cáo dịch sốt xuất huyết", date(2026, 6, 15))
    head.say(f"/phancong {task} binh")
    assert "Đã giao nhiệm vụ" in head.text and "Lê Văn Bình" in head.text
    head.say(f"/phancong {task} Lê Văn Bình")
    assert "đang giữ nhiệm vụ" in head.text
    head.say(f"/phancong {task} Phạm Thị Xuân")
    assert "Không thấy cán bộ" in head.text
    head.say("/phancong abc")
    assert "Cách dùng" in head.text
    head.say(f"/phancong {other} An")  # another unit's task: not visible
    assert "Không tìm thấy" in head.text or "không tìm thấy" in head.text
    an.say(f"/phancong {task} An")
    assert "lãnh đạo đơn vị" in an.text
    an.press(f"ap:{task}:{person_id(db, 'o1')}")
    assert "lãnh đạo đơn vị" in an.text


def test_reminders_go_to_the_assignee_escalations_to_the_head(db, province, chat_factory):
    u = province["units"]
    head, an, binh = setup_unit(db, province, chat_factory)
    given = add_task(db, u["stc"], "Quyết toán vốn dự án hoàn thành", date(2026, 5, 15))
    shared = add_task(db, u["stc"], "Báo cáo thu ngân sách quý", date(2026, 5, 15))
    for task in (given, shared):
        created_at(db, task, local(2026, 5, 1, 7))
    head.say(f"/phancong {given} An")
    ids = {name: person_id(db, uid) for name, uid in (("head", "h1"), ("an", "o1"), ("binh", "o2"))}
    sweep(db, local(2026, 5, 15, 8, 5), CFG)
    with db.session() as s:
        due = s.exec(select(Outbox.task_id, Outbox.person_id).where(Outbox.kind == "due_today")).all()
    assert sorted(p for t, p in due if t == given) == [ids["an"]]
    assert sorted(p for t, p in due if t == shared) == sorted(ids.values())
    # three working days late: the escalation goes to the head, not to the assignee
    sweep(db, local(2026, 5, 20, 8, 5), CFG)
    with db.session() as s:
        esc = s.exec(select(Outbox.person_id).where(Outbox.kind == "escalation", Outbox.task_id == given)).all()
        overdue = s.exec(select(Outbox.person_id).where(Outbox.kind == "overdue", Outbox.task_id == given)).all()
    assert esc == [ids["head"]]
    assert set(overdue) == {ids["an"]}


def test_an_assignee_who_cannot_be_reached_leaves_the_unit_reminded_as_a_whole(db, province, chat_factory):
    u = province["units"]
    head, an, binh = setup_unit(db, province, chat_factory)
    task = add_task(db, u["stc"], "Kiểm tra công tác quyết toán", date(2026, 5, 15))
    created_at(db, task, local(2026, 5, 1, 7))
    head.say(f"/phancong {task} An")
    an_id = person_id(db, "o1")
    with db.session() as s:  # An blocked the bot: the dispatcher turns their chats off, then releases
        for b in s.exec(select(ChatBinding).where(ChatBinding.person_id == an_id)):
            b.active = False
            s.add(b)
        from reminders.messages import assignees_left
        left = assignments.release(s, an_id, "blocked")
        assert [o.task_id for o in left] == [task] and not left[0].still_assigned
        assert assignees_left(s, left, local(2026, 5, 14, 9)) == 1
    with db.session() as s:
        notice = s.exec(select(Outbox).where(Outbox.person_id == person_id(db, "h1"),
                                             Outbox.key.startswith("orphaned:"))).one()
        assert f"#{task}" in notice.payload["text"] and "cần giao lại" in notice.payload["text"]
        row = s.exec(select(TaskAssignment).where(TaskAssignment.task_id == task)).one()
        assert not row.active and row.ended_reason == "blocked"
    sweep(db, local(2026, 5, 15, 8, 5), CFG)
    with db.session() as s:
        due = set(s.exec(select(Outbox.person_id).where(Outbox.kind == "due_today", Outbox.task_id == task)))
    assert due == {person_id(db, "h1"), person_id(db, "o2")}
    head.say(f"/nhiemvu {task}")
    assert "Thôi giao Nguyễn Văn An (không liên lạc được)" in head.text


def test_moving_to_another_unit_tells_the_old_head(db, province, chat_factory):
    u = province["units"]
    head, an, binh = setup_unit(db, province, chat_factory)
    task = add_task(db, u["stc"], "Thẩm định phương án giá", date(2026, 6, 1))
    head.say(f"/phancong {task} An")
    code = invite(db, u["sxd"], "official")
    an.say(f"/start {code}")  # a move to another unit is confirmed first (issue 19)
    an.press(f"iv:{code}")
    assert "Sở Xây dựng" in an.text
    with db.session() as s:
        assert s.exec(select(TaskAssignment.active).where(TaskAssignment.task_id == task)).one() is False
        notice = s.exec(select(Outbox).where(Outbox.person_id == person_id(db, "h1"),
                                             Outbox.key.startswith("orphaned:"))).one()
        assert "Nguyễn Văn An" in notice.payload["text"]
