"""ReminderRenderer: each payload names its own task, whatever the renderer shared."""
from __future__ import annotations

import json
from collections import namedtuple
from datetime import date

from reminders.messages import ReminderRenderer

TaskRow = namedtuple("TaskRow", "id action deadline recurrence")


def render(renderer, task, kind, days, **kw):
    kw.setdefault("directive", "")
    kw.setdefault("lead", "Sở Tài chính")
    kw.setdefault("role", "lead")
    return json.loads(renderer.render(task, kind, days, **kw))


def test_tasks_sharing_a_reminder_shape_each_get_their_own_id_text_and_buttons():
    vi = ReminderRenderer("vi")
    a = TaskRow(12, "Rà soát   hồ sơ\nđất đai", date(2026, 5, 17), None)
    b = TaskRow(345, "Báo cáo tiến độ giải ngân", date(2026, 5, 17), "monthly:23")
    first, second = render(vi, a, "before", 3), render(vi, b, "before", 3, directive="TB 123/TB-UBND")
    assert first["text"].splitlines()[:2] == ["⏰ Còn 3 ngày đến hạn nhiệm vụ #12", "Rà soát hồ sơ đất đai"]
    assert second["text"].startswith("⏰ Còn 3 ngày đến hạn nhiệm vụ #345\nBáo cáo tiến độ giải ngân\n")
    assert "TB 123/TB-UBND" in second["text"] and "17/05/2026" in second["text"] and "🔁" in second["text"]
    assert "🔁" not in first["text"]
    assert {btn["data"].split(":")[-1] for row in first["buttons"] for btn in row} == {"12"}
    assert {btn["data"].split(":")[-1] for row in second["buttons"] for btn in row} == {"345"}


def test_overdue_today_and_escalation_lines_and_the_coordinator_closing():
    vi = ReminderRenderer("vi")
    task = TaskRow(7, "Việc", date(2026, 5, 10), None)
    assert render(vi, task, "overdue", -4)["text"].startswith("🔴 Nhiệm vụ #7 đã QUÁ HẠN 4 ngày")
    assert render(vi, task, "due_today", 0)["text"].startswith("🟠 HÔM NAY là hạn của nhiệm vụ #7")
    up = render(vi, task, "escalation", -4, lead="Sở Xây dựng", role="head")["text"]
    other = render(vi, task, "escalation", -4, lead="Sở Y tế", role="head")["text"]
    assert "#7 do Sở Xây dựng chủ trì đã quá hạn 4 ngày" in up and "Sở Y tế" in other
    assert "Sở Tài chính" in render(vi, task, "before_working_day", 1, role="coordinator")["text"]


def test_english_readers_get_english():
    en = render(ReminderRenderer("en"), TaskRow(9, "Task", date(2026, 5, 15), None), "before_working_day", 1)
    assert "#9" in en["text"] and "Còn" not in en["text"]


def test_a_coordinators_reminder_has_no_extension_button():
    """Issue 21 item 6: an extension is the lead unit's to ask; a coordinator's reminder
    offers ✅ ⏳ ⚠️ only (📅 would always be refused), the lead's all four."""
    import json
    from datetime import date
    from types import SimpleNamespace

    from reminders.messages import ReminderRenderer

    task = SimpleNamespace(id=7, action="Rà soát vốn", deadline=date(2026, 5, 20), recurrence=None)
    renderer = ReminderRenderer("vi")

    def data(role):
        payload = json.loads(renderer.render(task, "before", 3, directive="", lead="Sở Tài chính", role=role))
        return [b["data"] for b in payload["buttons"][0]]

    assert data("lead") == ["s:d:7", "s:p:7", "s:b:7", "s:e:7"]
    assert data("coordinator") == ["s:d:7", "s:p:7", "s:b:7"]
    dated = json.loads(renderer.render(task, "coordinator_before", 1, directive="", lead="Sở Tài chính",
                                       role="coordinator", target="2026-05-15"))
    assert "s:e:7" not in [b["data"] for b in dated["buttons"][0]]
