"""The office's summaries against a hand-built month: /tonghop numbers (and who may
see what), the KPI chart, the Excel export cell by cell, /baocaothang and its remind
button, the Monday digest, `nhacviec report`, and files over the fake Bot API.

The month (today is Thursday 14/05/2026, the conftest clock; period = May 2026):

Sở Tài chính (lead)                               scope  open  on time  late  overdue  ext  awaiting  due  base
  A  due 05/05, done 04/05 on time                  x             x                                   x    x
  B  due 08/05, done 11/05 late                     x                    x                            x    x
  C  due 10/05, open, no report                     x     x                     x            x        x    x
  D  due 20/04, in progress (accepted report)       x     x                     x
  E  due 12/05 → 25/05 approved, 1 accepted
     + 1 rejected report                            x     x                              x             x
  F  due 28/05, open, 1 rejected report             x     x                                      x        x
  G  due 15/06 (next month)                         -
  H  draft, due 10/05                               -
  I  due 06/05 → 13/05, done 12/05 on time          x             x                      x             x    x
  R  duty "trước ngày 23 hằng tháng", 23/04 done on time (out of scope), 23/05 done 12/05 on time
                                                    x             x                                   x    x
  → total 8, open 4, on time 3, late 1, overdue 2, extended 2, awaiting 2, rejected 2, due 7, base 5: 60 %
Sở Xây dựng: J due 07/05 open (Sở Y tế coordinates, its part due 09/05, not sent);
  K due 30/04 done late (out of scope); duty 23/04 done late (out), 23/05 open
  → total 2, open 2, overdue 1, awaiting 2, due 2, base 1: 0 %
Sở Y tế: duty 23/04 open (carried into May, overdue), 23/05 open; one rejected report on J
  → total 2, open 2, overdue 1, awaiting 2, rejected 1, due 1, base 0: no rate
"""
from __future__ import annotations

import io
from datetime import UTC, date, datetime, timedelta

import pytest
from openpyxl import load_workbook
from sqlmodel import select

from conftest import TZ, Chat
from helpers import shows
from locales import translate
from office import chart
from office.period import Period, PeriodError, split_period
from office.summary import UnitSummary, summarize
from reminders.digest import enqueue_digest, enqueue_weekly
from reminders.sweep import ReminderSettings, roll_recurring
from storage.crud import tasks as crud
from storage.models import AuditLog, ChatBinding, ExtensionRequest, Outbox, Person, Task, Unit
from workcalendar.workdays import WorkCalendar

MAY = Period.month(2026, 5)
TODAY = date(2026, 5, 14)
PNG = b"\x89PNG\r\n\x1a\n"


def at(y, m, d, h=10) -> datetime:
    return datetime(y, m, d, h, tzinfo=TZ).astimezone(UTC)


def _person(s, unit_id: int, role: str, user: str | None) -> Person:
    person = Person(full_name=f"Người {user or role}", unit_id=unit_id, role=role)
    s.add(person)
    s.flush()
    if user:
        s.add(ChatBinding(person_id=person.id, channel="console", user_id=user, chat_id=user))
    return person


def _done(task: Task, on: datetime, late: bool) -> None:
    task.status, task.completed_at, task.completed_late = "done", on, late


@pytest.fixture
def month(db, province):
    """The month described in the module docstring; returns task and unit ids."""
    u = province["units"]
    ids: dict[str, int] = {"units": u}
    with db.session() as s:
        stc, sxd, syt = s.get(Unit, u["stc"]), s.get(Unit, u["sxd"]), s.get(Unit, u["syt"])
        stc_official = _person(s, u["stc"], "official", "stc")
        _person(s, u["stc"], "head", "stc-head")
        _person(s, u["office"], "office", "office")
        _person(s, u["sxd"], "official", "sxd1")
        _person(s, u["sxd"], "official", "sxd2")
        syt_official = _person(s, u["syt"], "official", None)  # reports, but cannot be reached

        def task(key, lead, action, deadline, **kw):
            t = crud.add_task(s, lead=lead, action=action, deadline=deadline, today=TODAY, **kw)
            ids[key] = t.id
            return t

        _done(task("A", stc, "Rà soát danh mục đầu tư công", date(2026, 5, 5)), at(2026, 5, 4), False)
        _done(task("B", stc, "Báo cáo giải ngân quý I", date(2026, 5, 8)), at(2026, 5, 11), True)
        notice = crud.find_or_create_directive(s, "Thông báo 123/TB-UBND")
        order = crud.find_or_create_directive(s, "Chỉ thị 05/CT-UBND")
        task("C", stc, "Tham mưu phương án phân bổ vốn", date(2026, 5, 10), directive=notice)
        d = task("D", stc, "Quyết toán dự án hoàn thành", date(2026, 4, 20))
        d.status = "in_progress"
        crud.add_report(s, d, stc_official, kind="progress", text="Đã thẩm tra 3/5 dự án, xong 30/5",
                        milestone=date(2026, 5, 30), output="báo cáo thẩm tra")
        e = task("E", stc, "Xây dựng kế hoạch tài chính 5 năm", date(2026, 5, 12))
        e.deadline, e.status = date(2026, 5, 25), "in_progress"
        s.add(ExtensionRequest(task_id=e.id, person_id=stc_official.id, unit_id=u["stc"],
                               current_deadline=date(2026, 5, 12), requested_deadline=date(2026, 5, 25),
                               reason="chờ số liệu", status="approved", decided_deadline=date(2026, 5, 25)))
        crud.add_report(s, e, stc_official, kind="progress", text="đang làm", accepted=False)
        crud.add_report(s, e, stc_official, kind="progress", text="Dự thảo kế hoạch xong 24/5",
                        milestone=date(2026, 5, 24), output="dự thảo")
        f = task("F", stc, "Đánh giá thu ngân sách", date(2026, 5, 28))
        crud.add_report(s, f, stc_official, kind="progress", text="đang triển khai", accepted=False)
        task("G", stc, "Việc tháng sau", date(2026, 6, 15))
        task("H", stc, "Việc còn là dự thảo", date(2026, 5, 10), status="draft")
        i = task("I", stc, "Tổng hợp kiến nghị cử tri", date(2026, 5, 6))
        i.deadline = date(2026, 5, 13)
        _done(i, at(2026, 5, 12), False)
        j = task("J", sxd, "Kiểm tra chất lượng công trình trường học", date(2026, 5, 7),
                 coordinators=[syt], coordinator_deadline=date(2026, 5, 9))
        crud.add_report(s, j, syt_official, kind="progress", text="đang phối hợp", accepted=False)
        _done(task("K", sxd, "Việc tháng trước", date(2026, 4, 30)), at(2026, 5, 2), True)
        for key, lead in (("R_stc", stc), ("R_sxd", sxd), ("R_syt", syt)):
            task(key, lead, "Báo cáo tình hình thực hiện Chỉ thị 05", date(2026, 4, 23), recurrence="monthly:23",
                 directive=order)
        _done(s.get(Task, ids["R_stc"]), at(2026, 4, 22), False)
        _done(s.get(Task, ids["R_sxd"]), at(2026, 4, 24), True)
    # The May period of each duty, made the way the sweep makes it.
    assert roll_recurring(db, at(2026, 5, 14, 8), ReminderSettings(tz=TZ, calendar=WorkCalendar())) == 3
    with db.session() as s:
        for key in ("R_stc", "R_sxd", "R_syt"):
            ids[key + "_may"] = s.exec(select(Task.id).where(Task.series_id == ids[key],
                                                              Task.deadline == date(2026, 5, 23))).one()
        _done(s.get(Task, ids["R_stc_may"]), at(2026, 5, 12), False)
    return ids


def chat(assistant, user: str) -> Chat:
    return Chat(assistant, user)


# --------------------------------------------------------------------------- numbers


def test_numbers_per_unit(db, month):
    with db.session() as s:
        summary = summarize(s, MAY, TODAY)
    rows = {r.unit: r for r in summary.units}
    assert [r.unit for r in summary.units] == ["Sở Tài chính", "Sở Xây dựng", "Sở Y tế"]  # most overdue first
    numbers = lambda r: (r.total, r.open, r.done_on_time, r.done_late, r.overdue, r.extended, r.awaiting_report,  # noqa: E731
                         r.rejected_reports, r.due, r.kpi_base)
    assert numbers(rows["Sở Tài chính"]) == (8, 4, 3, 1, 2, 2, 2, 2, 7, 5)
    assert rows["Sở Tài chính"].kpi == pytest.approx(0.6)
    assert numbers(rows["Sở Xây dựng"]) == (2, 2, 0, 0, 1, 0, 2, 0, 2, 1)
    assert rows["Sở Xây dựng"].kpi == 0
    assert numbers(rows["Sở Y tế"]) == (2, 2, 0, 0, 1, 0, 2, 1, 1, 0)
    assert rows["Sở Y tế"].kpi is None
    assert numbers(summary.totals) == (12, 8, 3, 1, 4, 2, 6, 3, 10, 6)
    assert [o.task_id for o in summary.overdue] == [month[k] for k in ("D", "R_syt", "J", "C")]
    assert [o.days for o in summary.overdue] == [24, 21, 7, 4]
    assert [(c.task_id, c.unit, c.lead) for c in summary.late_coordinators] == [(month["J"], "Sở Y tế", "Sở Xây dựng")]
    # April: the duties' first period and K; D is carried (unfinished), A…J are May's.
    with db.session() as s:
        april = {r.unit: r for r in summarize(s, Period.month(2026, 4), TODAY).units}
    assert (april["Sở Tài chính"].total, april["Sở Tài chính"].done_on_time, april["Sở Tài chính"].open) == (2, 1, 1)
    assert (april["Sở Xây dựng"].done_late, april["Sở Xây dựng"].kpi) == (2, 0)


def test_tonghop_for_the_office(assistant, month):
    office = chat(assistant, "office")
    text = office.say("/tonghop")[0].text
    assert text.startswith("📊 Tổng hợp nhiệm vụ tháng 05/2026")
    assert "Số liệu đến ngày 14/05/2026" in text
    assert ("Tất cả đơn vị: 12 việc · đang thực hiện 8 · xong đúng hạn 3 · xong trễ hạn 1 · quá hạn 4 · gia hạn 2"
            " · chưa báo cáo 6 · báo cáo bị trả lại 3 · 🟠 nguy cơ chậm 0 · phối hợp trễ hạn 1"
            " · báo cáo không đúng hạn 0 · tỷ lệ đúng hạn 50% (3/6)") in text
    assert ("• Sở Tài chính: 8 việc · đang thực hiện 4 · xong đúng hạn 3 · xong trễ hạn 1 · quá hạn 2 · gia hạn 2"
            " · chưa báo cáo 2 · báo cáo bị trả lại 2 · tỷ lệ đúng hạn 60% (3/5)") in text
    assert "• Sở Xây dựng: 2 việc" in text and "tỷ lệ đúng hạn 0% (0/1)" in text
    assert "• Sở Y tế: 2 việc" in text and "tỷ lệ đúng hạn: chưa có việc đến hạn" in text
    lines = text.splitlines()
    overdue = [line for line in lines if line.startswith("• #")]
    assert overdue[0] == f"• #{month['D']} Sở Tài chính — hạn 20/04/2026, quá 24 ngày: Quyết toán dự án hoàn thành"
    assert [int(line[3:].split()[0]) for line in overdue[:4]] == [month[k] for k in ("D", "R_syt", "J", "C")]
    assert f"• #{month['J']} Sở Y tế chưa gửi phần phối hợp cho Sở Xây dựng (hạn 09/05/2026)" in text
    assert "Việc tháng sau" not in text and "Việc còn là dự thảo" not in text
    assert text.endswith("Xuất Excel: /xuatbaocao 5/2026")
    # one unit, by a loose spelling; a month; a range
    stc = office.say("/tonghop so tai chinh")[0].text
    assert stc.startswith("📊 Tổng hợp nhiệm vụ của Sở Tài chính, tháng 05/2026")
    assert "8 việc · đang thực hiện 4" in stc and "Sở Xây dựng" not in stc.split("🔴")[0]
    assert "/xuatbaocao Sở Tài chính 5/2026" in stc
    assert "tỷ lệ đúng hạn 60% (3/5)" in office.say("/tonghop STC 5/2026")[0].text
    april = office.say("/tonghop 4/2026")[0].text
    assert "tháng 04/2026" in april and "Sở Xây dựng: 2 việc" in april
    part = office.say("/tonghop từ 01/05/2026 đến 09/05/2026")[0].text
    assert "từ 01/05/2026 đến 09/05/2026" in part
    assert "• Sở Tài chính: 3 việc" in part  # A, B and D (carried: unfinished, due in April)
    # bad input is explained
    assert "Không tìm thấy đơn vị \"Sở Ngoại vụ\"" in office.say("/tonghop Sở Ngoại vụ")[0].text
    assert "Tháng không hợp lệ" in office.say("/tonghop 13/2026")[0].text
    assert "ngày bắt đầu 20/05/2026 sau ngày kết thúc 01/05/2026" in office.say("/tonghop từ 20/5/2026 đến 1/5/2026")[0].text
    assert "Ngày không hợp lệ" in office.say("/tonghop từ 31/2/2026 đến 1/3/2026")[0].text
    office.say("/lang en")
    assert office.say("/summary")[0].text.startswith("📊 Task summary, month 05/2026")


def test_head_sees_only_their_unit_and_officials_are_refused(assistant, month):
    head = chat(assistant, "stc-head")
    text = head.say("/tonghop")[0].text
    assert text.startswith("📊 Tổng hợp nhiệm vụ của Sở Tài chính, tháng 05/2026")
    assert "Sở Xây dựng" not in text.split("⚠️")[0]  # only its own tasks (a coordinator line may name others)
    assert "/xuatbaocao" not in text  # exports are for the office
    assert "Lãnh đạo đơn vị chỉ xem được tổng hợp của đơn vị mình (Sở Tài chính)" in head.say("/tonghop Sở Xây dựng")[0].text
    assert "8 việc" in head.say("/tonghop Sở Tài chính")[0].text
    assert shows(head.say("/xuatbaocao")[0].text, "role.office_only")
    official = chat(assistant, "stc")
    for command in ("/tonghop", "/baocaothang", "/bieudo", "/tonghop Sở Tài chính"):
        assert shows(official.say(command)[0].text, "role.summary_only")
    assert shows(official.say("/xuatbaocao")[0].text, "role.office_only")
    refused = official.press("bct:2026-05")[0]
    assert refused.notice == "Không có quyền"


def test_long_summary_fits_one_message(db, province, assistant):
    with db.session() as s:
        _person(s, province["units"]["office"], "office", "office")
        for n in range(60):
            unit = Unit(name=f"UBND xã Số {n:02d}")
            s.add(unit)
            s.flush()
            for k in range(3):
                crud.add_task(s, lead=unit, action=f"Giải phóng mặt bằng dự án số {n}-{k} " + "x" * 80,
                              deadline=date(2026, 5, 1 + k))
    text = chat(assistant, "office").say("/tonghop")[0].text
    assert len(text) < 4000
    assert "quá hạn 180" in text and "… và" in text
    assert text.endswith("Danh sách đầy đủ trong tệp Excel: /xuatbaocao 5/2026")


# --------------------------------------------------------------------------- chart


def test_chart_has_the_units_with_a_rate(db, assistant, month):
    with db.session() as s:
        rows = summarize(s, MAY, TODAY).units
    from locales import Translator
    fig = chart.kpi_figure(rows, "tháng 05/2026", Translator("vi"))
    ticks = [x.get_text() for x in fig.axes[0].get_yticklabels()]
    assert ticks == ["Sở Xây dựng", "Sở Tài chính"]  # lowest rate at the bottom; Sở Y tế has none yet
    texts = chart.figure_texts(fig)
    assert "Tỷ lệ hoàn thành đúng hạn theo đơn vị, tháng 05/2026" in texts
    assert "60% (3/5)" in texts and "0% (0/1)" in texts
    reply = chat(assistant, "office").say("/bieudo")[0]
    name, image = reply.file
    assert name == "kpi-05-2026.png" and image.startswith(PNG) and len(image) > 5000
    assert reply.text == "📊 Tỷ lệ hoàn thành đúng hạn theo đơn vị, tháng 05/2026"
    head = chat(assistant, "stc-head").say("/bieudo")[0]
    assert head.file[1].startswith(PNG)


def test_chart_without_data_and_with_many_units():
    from locales import Translator
    t = Translator("vi")
    empty = chart.kpi_figure([], "tháng 05/2026", t)
    assert "Chưa có nhiệm vụ đến hạn trong tháng 05/2026" in chart.figure_texts(empty)
    assert chart.png(empty).startswith(PNG)
    many = [UnitSummary(i, f"Đơn vị {i:03d}", done_on_time=i % 10, kpi_base=10) for i in range(100)]
    fig = chart.kpi_figure(many, "tháng 05/2026", t)
    ticks = [x.get_text() for x in fig.axes[0].get_yticklabels()]
    assert len(ticks) == 40 and "Đơn vị 000" in ticks and "Đơn vị 099" in ticks
    assert any("20 đơn vị thấp nhất và 20 đơn vị cao nhất trong 100 đơn vị" in x for x in chart.figure_texts(fig))
    width, height = fig.get_size_inches() * fig.dpi
    assert height / width < 20  # Telegram refuses photos more than 20 times taller than wide


# --------------------------------------------------------------------------- Excel


def _rows(ws):
    return [list(r) for r in ws.iter_rows(values_only=True)]


def test_xlsx_cell_by_cell(db, assistant, month):
    reply = chat(assistant, "office").say("/xuatbaocao 5/2026")[0]
    name, data = reply.file
    assert name == "nhacviec-05-2026.xlsx"
    assert reply.text.startswith("📎 Báo cáo nhiệm vụ tháng 05/2026: 12 nhiệm vụ")
    wb = load_workbook(io.BytesIO(data))
    assert wb.sheetnames == ["Nhiệm vụ", "Đơn vị", "Chậm tiến độ", "Báo cáo định kỳ", "Báo cáo bị trả lại", "Nguy cơ chậm",
                             "Phối hợp"]
    for ws in wb.worksheets:
        assert ws.freeze_panes == "A2" and ws.auto_filter.ref and ws.auto_filter.ref.startswith("A1:")
        assert ws["A1"].font.bold

    tasks = wb["Nhiệm vụ"]
    assert _rows(tasks)[0] == ["Mã", "Văn bản", "Đơn vị chủ trì", "Đơn vị phối hợp", "Nội dung", "Hạn", "Hạn ban đầu",
                               "Trạng thái", "Ngày hoàn thành", "Báo cáo gần nhất", "Số ngày trễ", "Đã gia hạn",
                               "Đánh giá"]
    assert tasks.auto_filter.ref == "A1:M13"
    ids = [r[0] for r in _rows(tasks)[1:]]
    assert ids == [month[k] for k in ("D", "A", "B", "C", "I", "R_stc_may", "E", "F", "J", "R_sxd_may",
                                      "R_syt", "R_syt_may")]
    d = tasks["F2"]
    assert isinstance(d.value, datetime) and d.value.date() == date(2026, 4, 20) and d.number_format == "dd/mm/yyyy"
    row_d = _rows(tasks)[1]
    assert row_d[2:5] == ["Sở Tài chính", None, "Quyết toán dự án hoàn thành"]
    assert row_d[7] == "Đang làm" and row_d[10] == 24 and row_d[11] is None
    assert row_d[9].endswith(": Đã thẩm tra 3/5 dự án, xong 30/5")  # "dd/mm/yyyy: text"
    row_b = _rows(tasks)[3]
    assert row_b[7] == "Đã hoàn thành" and row_b[8].date() == date(2026, 5, 11) and row_b[10] == 3
    row_e = _rows(tasks)[7]
    assert row_e[5].date() == date(2026, 5, 25) and row_e[6].date() == date(2026, 5, 12) and row_e[11] == "Có"
    assert row_e[9].endswith("Dự thảo kế hoạch xong 24/5")  # the accepted report, not the rejected one
    row_j = _rows(tasks)[9]
    assert row_j[2:4] == ["Sở Xây dựng", "Sở Y tế"] and row_j[10] == 7
    row_c = _rows(tasks)[4]
    assert row_c[:3] == [month["C"], "Thông báo 123/TB-UBND", "Sở Tài chính"] and row_c[7] == "Chưa báo cáo"
    assert row_c[10] == 4 and row_c[9] is None

    units = wb["Đơn vị"]
    assert _rows(units) == [
        ["Đơn vị", "Tổng số", "Đang thực hiện", "Xong đúng hạn", "Xong trễ hạn", "Quá hạn", "Đã gia hạn",
         "Chưa báo cáo", "Báo cáo bị trả lại", "Đến hạn trong kỳ", "Đã đến hạn (tính tỷ lệ)", "Tỷ lệ đúng hạn",
         "Chờ đánh giá", "Sản phẩm không đạt", "Nguy cơ chậm", "Phối hợp trễ hạn", "Báo cáo không đúng hạn"],
        ["Sở Tài chính", 8, 4, 3, 1, 2, 2, 2, 2, 7, 5, 0.6, 0, 0, 0, 0, 0],
        ["Sở Xây dựng", 2, 2, 0, 0, 1, 0, 2, 0, 2, 1, 0, 0, 0, 0, 0, 0],
        ["Sở Y tế", 2, 2, 0, 0, 1, 0, 2, 1, 1, 0, None, 0, 0, 0, 1, 0],
        ["Tổng cộng", 12, 8, 3, 1, 4, 2, 6, 3, 10, 6, 0.5, 0, 0, 0, 1, 0],
    ]
    assert units["L2"].number_format == "0%" and units["A5"].font.bold

    late = wb["Chậm tiến độ"]
    assert _rows(late)[0] == ["Mã", "Văn bản", "Đơn vị chủ trì", "Nội dung", "Hạn", "Hạn ban đầu", "Số ngày quá hạn",
                              "Trạng thái", "Báo cáo gần nhất"]
    assert [(r[0], r[6]) for r in _rows(late)[1:]] == [(month["D"], 24), (month["R_syt"], 21), (month["J"], 7),
                                                        (month["C"], 4)]
    assert late["E2"].value.date() == date(2026, 4, 20) and late["E2"].number_format == "dd/mm/yyyy"

    duties = wb["Báo cáo định kỳ"]
    assert _rows(duties)[0] == ["Nội dung", "Văn bản", "Định kỳ", "Hạn", "Đơn vị", "Tình trạng", "Ngày hoàn thành", "Mã"]
    body = _rows(duties)[1:]
    assert {r[1] for r in body} == {"Chỉ thị 05/CT-UBND"}
    assert [(r[2], r[3].date(), r[4], r[5]) for r in body] == [
        ("trước ngày 23 hằng tháng", date(2026, 5, 23), "Sở Tài chính", "Đã báo cáo đúng hạn"),
        ("trước ngày 23 hằng tháng", date(2026, 5, 23), "Sở Xây dựng", "Chưa báo cáo, còn hạn"),
        ("trước ngày 23 hằng tháng", date(2026, 5, 23), "Sở Y tế", "Chưa báo cáo, còn hạn"),
    ]
    assert body[0][6].date() == date(2026, 5, 12)

    coordination = wb["Phối hợp"]
    assert _rows(coordination)[0] == ["Mã", "Đơn vị chủ trì", "Cơ quan phối hợp", "Nội dung", "Hạn phối hợp",
                                      "Ngày trả lời", "Số ngày trễ", "Trạng thái"]
    assert [(r[0], r[2], r[6], r[7]) for r in _rows(coordination)[1:]] == [
        (month["J"], "Sở Y tế", 5, "Chưa trả lời, quá hạn")]

    with db.session() as s:
        log = s.exec(select(AuditLog).where(AuditLog.action == "report.export")).one()
        assert log.detail["period"] == "2026-05" and log.detail["tasks"] == 12 and log.person_id is not None


def test_xlsx_text_is_never_a_formula(db, province, assistant):
    with db.session() as s:
        _person(s, province["units"]["office"], "office", "office")
        crud.add_task(s, lead=s.get(Unit, province["units"]["stc"]), action="=HYPERLINK(\"http://x\")\x07 kiểm tra",
                      deadline=date(2026, 5, 20))
    data = chat(assistant, "office").say("/xuatbaocao")[0].file[1]
    cell = load_workbook(io.BytesIO(data))["Nhiệm vụ"]["E2"]
    assert cell.data_type == "s" and cell.value == "=HYPERLINK(\"http://x\") kiểm tra"


# --------------------------------------------------------------------------- report duties


def test_baocaothang_and_the_remind_button(db, assistant, month):
    office = chat(assistant, "office")
    reply = office.say("/baocaothang")[0]
    text = reply.text
    assert text.startswith("📅 Báo cáo định kỳ tháng 05/2026")
    assert "🔁 Báo cáo tình hình thực hiện Chỉ thị 05 — trước ngày 23 hằng tháng, hạn kỳ này 23/05/2026" in text
    assert "📄 Văn bản: Chỉ thị 05/CT-UBND\nĐã báo cáo 1/3 đơn vị, chưa báo cáo 2:" in text
    lines = text.splitlines()
    assert lines[-3:] == ["⏳ Sở Xây dựng — chưa báo cáo (còn 9 ngày)", "⏳ Sở Y tế — chưa báo cáo (còn 9 ngày)",
                          "✅ Sở Tài chính — đúng hạn (12/05/2026)"]
    assert reply.buttons[0][0].text == "🔔 Nhắc đơn vị chưa báo cáo" and reply.buttons[0][0].data == "bct:2026-05"
    april = office.say("/baocaothang 4/2026")[0].text
    assert "✅ Sở Tài chính — đúng hạn (22/04/2026)" in april and "🟠 Sở Xây dựng — trễ hạn (24/04/2026)" in april
    assert "❌ Sở Y tế — chưa báo cáo, quá hạn 21 ngày" in april
    assert "Không có nhiệm vụ báo cáo định kỳ" in office.say("/baocaothang 1/2026")[0].text

    first = office.press("bct:2026-05")[0]
    assert first.text == ("Đã xếp 2 tin nhắc tới 1 đơn vị chưa báo cáo.\n"
                          "Chưa có ai đăng ký nhận tin ở: Sở Y tế — cần gửi mã mời.")
    assert first.notice == "Đã xếp 2 tin nhắc"
    with db.session() as s:
        rows = s.exec(select(Outbox).where(Outbox.kind == "duty").order_by(Outbox.id)).all()
        sxd = [p.id for p in s.exec(select(Person).where(Person.unit_id == month["units"]["sxd"]))]
    assert [(r.person_id, r.task_id) for r in rows] == [(p, month["R_sxd_may"]) for p in sxd]
    assert rows[0].key == f"duty:{month['R_sxd_may']}:2026-05-14:p{sxd[0]}"
    assert rows[0].payload["text"].startswith(f"🔔 Văn phòng nhắc: đơn vị chưa gửi báo cáo định kỳ #{month['R_sxd_may']}")
    assert rows[0].payload["buttons"][0][0]["data"] == f"s:d:{month['R_sxd_may']}"
    again = office.press("bct:2026-05")[0]
    assert again.text.startswith("Không có tin nhắc mới") and again.notice == "Đã xếp 0 tin nhắc"
    with db.session() as s:
        assert len(s.exec(select(Outbox).where(Outbox.kind == "duty")).all()) == 2
        assert len(s.exec(select(AuditLog).where(AuditLog.action == "duty.remind")).all()) == 2
    # the head sees their unit's duty and no button
    head = chat(assistant, "stc-head").say("/baocaothang")[0]
    assert "Đã báo cáo 1/1 đơn vị" in head.text and not head.buttons
    assert office.press("bct:2026-13")[0].text == translate("vi", "button.expired")


# --------------------------------------------------------------------------- weekly digest


def test_weekly_digest_on_monday(db, month):
    cfg = ReminderSettings(tz=TZ, calendar=WorkCalendar())
    monday = datetime(2026, 5, 18, 8, 5, tzinfo=TZ)
    assert enqueue_weekly(db, monday - timedelta(hours=1), cfg) == 0  # before the send hour
    assert enqueue_weekly(db, datetime(2026, 5, 15, 9, tzinfo=TZ), cfg) == 0  # a Friday
    assert enqueue_digest(db, monday, cfg) >= 1
    assert enqueue_digest(db, monday + timedelta(minutes=1), cfg) == 0  # the sweep runs every minute
    assert enqueue_weekly(db, monday + timedelta(days=1), cfg) == 0  # Tuesday
    with db.session() as s:
        rows = s.exec(select(Outbox).where(Outbox.kind == "weekly")).all()
        office = s.exec(select(Person).where(Person.role == "office")).one()
    assert [(r.key, r.person_id) for r in rows] == [(f"weekly:2026-W21:p{office.id}", office.id)]
    text = rows[0].payload["text"]
    assert text.startswith("📊 Tổng hợp tuần 20 (từ 11/05/2026 đến 17/05/2026)")
    # last week: C and D carried (unfinished, due before), I done on time on 13/05; E is due 25/05 now
    assert "• Sở Tài chính: 3 việc · đang thực hiện 2 · xong đúng hạn 1" in text and "100% (1/1)" in text
    assert "Hiện có 4 nhiệm vụ quá hạn." in text


def test_weekly_digest_after_a_monday_off(db, month):
    cfg = ReminderSettings(tz=TZ, calendar=WorkCalendar.from_config("off: 2026-05-18"))
    assert enqueue_weekly(db, datetime(2026, 5, 18, 9, tzinfo=TZ), cfg) == 0
    assert enqueue_weekly(db, datetime(2026, 5, 19, 9, tzinfo=TZ), cfg) == 1
    assert enqueue_weekly(db, datetime(2026, 5, 20, 9, tzinfo=TZ), cfg) == 0


# --------------------------------------------------------------------------- periods


def test_period_parsing():
    today = TODAY
    assert split_period("", today) == ("", None)
    assert split_period("Sở Tài chính", today) == ("Sở Tài chính", None)
    assert split_period("5/2026", today) == ("", MAY)
    assert split_period("tháng 05/2026", today) == ("", MAY)
    assert split_period("Sở Tài chính 5/2026", today) == ("Sở Tài chính", MAY)
    assert split_period("tháng trước", today) == ("", Period.month(2026, 4))
    assert split_period("từ 1/5/2026 đến 15/5/2026", today) == ("", Period(date(2026, 5, 1), date(2026, 5, 15)))
    assert split_period("STC tu 1/5 den 15/5", today) == ("STC", Period(date(2026, 5, 1), date(2026, 5, 15)))
    assert split_period("01/05/2026 - 15/05/2026", today)[1] == Period(date(2026, 5, 1), date(2026, 5, 15))
    for bad in ("13/2026", "từ 31/2/2026 đến 1/3/2026", "từ 2/5/2026 đến 1/5/2026", "từ 1/1/2020 đến 1/1/2026"):
        with pytest.raises(PeriodError):
            split_period(bad, today)
    assert MAY.slug == "05-2026" and MAY.arg == "5/2026" and Period.from_key(MAY.key) == MAY
    week = Period.week_before(date(2026, 5, 18))
    assert (week.start, week.end) == (date(2026, 5, 11), date(2026, 5, 17)) and week.slug == "20260511-20260517"
    assert Period.from_key(week.key) == week and Period.from_key("2026-13") is None


# --------------------------------------------------------------------------- CLI


def test_report_cli(database_url, month, tmp_path):
    from helpers import nhacviec
    period = ["--from", "2026-05-01", "--to", "2026-05-31", "--today", "2026-05-14"]
    text = nhacviec("report", *period, url=database_url)
    assert text.returncode == 0, text.stderr
    assert "tỷ lệ đúng hạn 60% (3/5)" in text.stdout and "Tất cả đơn vị: 12 việc" in text.stdout
    one = nhacviec("report", *period, "--unit", "Sở Xây dựng", url=database_url)
    assert "Tổng hợp nhiệm vụ của Sở Xây dựng, tháng 05/2026" in one.stdout and "2 việc" in one.stdout
    out, png = tmp_path / "out.xlsx", tmp_path / "kpi.png"
    files = nhacviec("report", *period, "--xlsx", str(out), "--chart", str(png), url=database_url)
    assert files.returncode == 0, files.stderr
    assert f"Đã ghi {out}" in files.stdout and f"Đã ghi {png}" in files.stdout
    wb = load_workbook(out)
    assert wb["Đơn vị"]["B2"].value == 8 and wb["Nhiệm vụ"].max_row == 13
    assert png.read_bytes().startswith(PNG)
    bad = nhacviec("report", "--unit", "Sở Ngoại vụ", url=database_url)
    assert bad.returncode == 2 and "Không tìm thấy đơn vị" in bad.stderr
    backwards = nhacviec("report", "--from", "2026-05-31", "--to", "2026-05-01", url=database_url)
    assert backwards.returncode == 2 and "--from 2026-05-31 sau --to 2026-05-01" in backwards.stderr
    from storage.db import Database
    db = Database(database_url)
    with db.session() as s:
        assert {a.action for a in s.exec(select(AuditLog).where(AuditLog.actor == "cli"))} >= {"report.export",
                                                                                              "report.chart"}
    db.dispose()


def test_console_writes_files_to_the_current_directory(assistant, month, tmp_path, monkeypatch):
    from bot.console import ConsoleAdapter
    monkeypatch.chdir(tmp_path)
    printed: list[str] = []
    console = ConsoleAdapter(assistant, user_id="office", write=printed.append)
    console.send("/xuatbaocao")
    path = tmp_path / "nhacviec-05-2026.xlsx"
    assert path.exists() and f"[{path}]" in printed
    assert load_workbook(path).sheetnames[0] == "Nhiệm vụ"


# --------------------------------------------------------------------------- over the fake Bot API


async def test_export_and_chart_over_telegram(db, month, assistant, province):
    from fakes.telegram_server import FakeTelegram
    from helpers import reply_to, start_telegram, stop_telegram

    fake = FakeTelegram()
    await fake.start()
    adapter = await start_telegram(fake, assistant)
    try:
        chat_id = 901
        await reply_to(fake, chat_id, lambda: fake.push_text(chat_id, f"/start {province['codes']['office']}"))
        doc = await reply_to(fake, chat_id, lambda: fake.push_text(chat_id, "/xuatbaocao 5/2026"))
        assert doc.method == "sendDocument" and doc.document.file_name == "nhacviec-05-2026.xlsx"
        assert "12 nhiệm vụ" in doc.caption
        wb = load_workbook(io.BytesIO(doc.document.content))
        assert wb["Đơn vị"]["L2"].value == 0.6
        photo = await reply_to(fake, chat_id, lambda: fake.push_text(chat_id, "/bieudo"))
        assert photo.method == "sendPhoto" and photo.photo.content.startswith(PNG)
        assert photo.caption == "📊 Tỷ lệ hoàn thành đúng hạn theo đơn vị, tháng 05/2026"
        summary = await reply_to(fake, chat_id, lambda: fake.push_text(chat_id, "/tonghop"))
        assert "tỷ lệ đúng hạn 60% (3/5)" in summary.text
        assert not fake.internal_errors
    finally:
        await stop_telegram(adapter)
        await fake.stop()
