"""Monthly indicators: the plan and shortfall rules, the gate, the /chitieu dialogue,
corrections kept as history, the month's table, import and the workbook sheet."""
from __future__ import annotations

import io
from datetime import date

import pytest
from openpyxl import load_workbook
from sqlmodel import select

from helpers import make_indicators
from office import indicators as ind
from office.period import Period
from storage.crud import indicators as crud
from storage.crud import people
from storage.models import Indicator, IndicatorValue, Task, Unit


@pytest.mark.parametrize("mode, target, plans, month, expected", [
    ("cumulative", 1200, {}, 5, 500),
    ("cumulative", 1200, {5: 520}, 5, 520),
    ("monthly", 1200, {}, 5, 100),
    ("monthly", 1200, {5: 90}, 5, 90),
    ("level", 8.49, {}, 5, 8.49),
    ("level", 8.49, {5: 7.5}, 5, 7.5),
])
def test_month_plan(mode, target, plans, month, expected):
    assert ind.month_plan(mode, target, plans, month) == pytest.approx(expected)


@pytest.mark.parametrize("value, plan, higher, met, shortfall, share", [
    (8.2, 8.49, True, False, 0.29, 0.29 / 8.49),
    (8.49, 8.49, True, True, 0, 0),
    (9.0, 8.49, True, True, 0, 0),
    (3.2, 3.0, False, False, 0.2, 0.2 / 3.0),  # lower is better: poverty rate above plan
    (2.5, 3.0, False, True, 0, 0),
    (5, 0, True, True, 0, None),
])
def test_assess(value, plan, higher, met, shortfall, share):
    a = ind.assess(value, plan, higher)
    assert a.met is met and a.shortfall == pytest.approx(shortfall)
    assert a.share == (pytest.approx(share) if share is not None else None)


@pytest.mark.parametrize("cause, remedy, missing", [
    ("Giá nông sản giảm, sản lượng chè vụ xuân thấp", "Mở rộng 200 ha chè vụ thu, Sở NN&PTNT hỗ trợ giống trước 30/8", ()),
    ("", "Mở rộng 200 ha chè vụ thu trước 30/8", ("cause",)),
    ("do thời tiết", "Mở rộng 200 ha chè vụ thu trước 30/8", ("cause",)),
    ("Giá nông sản giảm mạnh", "Sẽ cố gắng phấn đấu", ("remedy",)),
    ("Giá nông sản giảm mạnh", "Tiếp tục tăng cường chỉ đạo thực hiện các giải pháp", ("remedy",)),
    ("Giá nông sản giảm mạnh", "tăng cường kiểm tra thu nợ thuế 12 doanh nghiệp", ()),
    ("", "", ("cause", "remedy")),
])
def test_shortfall_gate(cause, remedy, missing):
    assert ind.check_shortfall(cause, remedy).missing == missing


def test_cause_and_remedy_in_one_labelled_message():
    got = ind.split_labelled("Nguyên nhân: giá chè giảm, mưa kéo dài. Phương án bù đắp: mở rộng 200 ha vụ thu")
    assert got == {"cause": "giá chè giảm, mưa kéo dài.", "remedy": "mở rộng 200 ha vụ thu"}


def test_import_creates_one_duty_per_unit_and_updates_in_place(db, province):
    ids = make_indicators(db)
    with db.session() as s:
        revenue = s.get(Indicator, ids["revenue"])
        duties = s.exec(select(Task).where(Task.recurrence == "monthly:23")).all()
        assert len(duties) == 2  # Sở Tài chính (two indicators share it) and Sở Y tế
        assert {d.lead_unit_id for d in duties} == {province["units"]["stc"], province["units"]["syt"]}
        assert revenue.target == 2450 and revenue.duty_series_id == ids["duty"]
    again = make_indicators(db)
    assert again == ids


def test_reporting_a_figure_below_plan_asks_for_cause_and_remedy(db, province, chat_factory):
    ids = make_indicators(db)
    an = chat_factory("o1", "Nguyễn Văn An")
    an.say(f"/start {province['codes']['stc_official']}")
    an.say("/chitieu")
    assert "Chỉ tiêu của Sở Tài chính — tháng 05/2026" in an.text
    assert "Chỉ tiêu 1/2" in an.text and "Thu ngân sách nhà nước" in an.text
    assert "Kế hoạch tháng: 940 tỷ đồng" in an.text and len(an.last) == 1
    an.say("chưa có số")
    assert "Không thấy con số" in an.text
    an.say("1.234")  # thousands or decimals? asked back
    choices = [(b.text, b.data) for row in an.last[0].buttons for b in row]
    assert "có thể là 1.234 tỷ đồng hoặc 1,234 tỷ đồng" in an.text and choices[0] == ("1.234 tỷ đồng", "ci:a:0")
    an.say("8,49%")
    assert "không phải “%”" in an.text
    an.say("1.012,5 tỷ đồng")
    assert "Ghi nhận Thu ngân sách nhà nước, tháng 05/2026: 1.012,5 tỷ đồng. Đúng không?" in an.text
    an.press("ci:ok")  # above plan: no gate
    assert "Đã ghi Thu ngân sách nhà nước: 1.012,5 tỷ đồng" in an.text and "Tốc độ tăng trưởng GRDP" in an.text
    an.say("8,2%")
    an.say("đúng")
    assert "hụt 0,29 điểm % (3,4%)" in an.text and "nguyên nhân" in an.text.lower()
    an.say("do thời tiết")
    assert "cần cụ thể hơn" in an.text
    an.say("Sản lượng công nghiệp khai khoáng giảm do tạm dừng mỏ Nà Lũng")
    assert "Phương án bù đắp" in an.text
    an.say("Sẽ cố gắng phấn đấu")
    assert "chưa cụ thể" in an.text
    an.say("Đưa mỏ Nà Lũng hoạt động lại từ 01/7, bù 0,3 điểm % trong quý III")
    assert "Đã ghi Tốc độ tăng trưởng GRDP: 8,2%" in an.text
    assert "nhiệm vụ báo cáo tháng đã hoàn thành" in an.text
    assert "đạt 1 · không đạt 1 · chưa báo cáo 0" in an.text
    with db.session() as s:
        value = s.exec(select(IndicatorValue).where(IndicatorValue.indicator_id == ids["grdp"])).one()
        assert value.value == pytest.approx(8.2) and value.raw == "8,2%" and "Nà Lũng" in value.cause
        duty = s.exec(select(Task).where(Task.series_id == ids["duty"], Task.status == "done")).one()
        assert duty.deadline == date(2026, 5, 23) and duty.completed_late is False


def test_a_correction_keeps_the_old_figure(db, province, chat_factory):
    ids = make_indicators(db)
    an = chat_factory("o1", "Nguyễn Văn An")
    an.say(f"/start {province['codes']['stc_official']}")
    an.say("/chitieu sua 2")  # the second in the list: GRDP (sector "Tổng hợp" after "Tài chính")
    assert "Tốc độ tăng trưởng GRDP" in an.text
    an.say("8,6%")
    an.press("ci:ok")
    an.say("/chitieu sua GRDP")
    assert "Đã báo cáo: 8,6%" in an.text
    an.say("8,7%")
    an.press("ci:ok")
    with db.session() as s:
        rows = s.exec(select(IndicatorValue).where(IndicatorValue.indicator_id == ids["grdp"])
                      .order_by(IndicatorValue.id)).all()
        assert [(r.value, r.current) for r in rows] == [(8.6, False), (8.7, True)]
        assert rows[0].superseded_at is not None
    an.say("/chitieu lichsu GRDP")
    assert "8,7% (gõ “8,7%”) — đang dùng" in an.text and "8,6% (gõ “8,6%”) — đã được sửa" in an.text
    an.say("/chitieu tonghop")
    assert "(đã sửa 1 lần)" in an.text


def test_the_aggregators_table_shows_who_did_not_meet_the_plan(db, province, chat_factory):
    make_indicators(db)
    with db.session() as s:
        stc = s.get(Unit, province["units"]["stc"])
        head_code = people.create_invitation(s, stc, "head").code
        syt_code = people.create_invitation(s, s.get(Unit, province["units"]["syt"]), "official").code
    nurse = chat_factory("y1", "Bác sĩ Hà")
    nurse.say(f"/start {syt_code}")
    nurse.say("/chitieu")
    nurse.say("28 giường")
    nurse.press("ci:ok")
    nurse.say("Nguyên nhân: bệnh viện đa khoa tỉnh chưa đưa khu mới vào sử dụng. "
              "Phương án bù đắp: đưa 120 giường khu B vào hoạt động trước 30/6")
    assert "Đã ghi Số giường bệnh" in nurse.text
    nurse.say("/chitieu tonghop")  # a unit that is not the aggregator sees its own
    assert "Số giường bệnh" in nurse.text and "Thu ngân sách" not in nurse.text
    head = chat_factory("h1", "Trần Thị Hoa")
    head.say(f"/start {head_code}")
    head.say("/chitieu tonghop 5/2026")
    text = head.text
    assert "3 chỉ tiêu: đạt 0 · không đạt 1 · chưa báo cáo 2" in text
    assert "❌ Số giường bệnh trên vạn dân (Sở Y tế): KH 32 giường · TH 28 giường · không đạt, hụt 4 giường (12,5%)" in text
    assert "Nguyên nhân: bệnh viện đa khoa tỉnh" in text and "120 giường khu B" in text
    assert "⏳ Tốc độ tăng trưởng GRDP (Sở Tài chính): KH 8,49% · chưa báo cáo" in text
    office = chat_factory("of", "Văn phòng")
    office.say(f"/start {province['codes']['office']}")
    office.say("/chitieu bieudo giường bệnh")
    assert office.last[0].file[0].endswith(".png") and office.last[0].file[1][:4] == b"\x89PNG"
    office.say("/chitieu bieudo không có")
    assert "Không thấy chỉ tiêu" in office.text
    office.say("/xuatbaocao 5/2026")
    wb = load_workbook(io.BytesIO(office.last[0].file[1]))
    sheet = wb["Chỉ tiêu"]
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    beds = next(r for r in rows if r[2] == "Số giường bệnh trên vạn dân")
    assert beds[9] == "Không đạt" and beds[10] == pytest.approx(4) and "khu B" in beds[13]
    assert "Cán bộ" in wb.sheetnames


def test_month_table_rows(db, province):
    ids = make_indicators(db)
    with db.session() as s:
        grdp = s.get(Indicator, ids["grdp"])
        crud.record(s, grdp, 2026, 4, 8.0, raw="8%", person=None, cause="a b c", remedy="d e f")
    with db.session() as s:
        april = {r.name: r for r in ind.month_table(s, 2026, 4)}
        assert april["Tốc độ tăng trưởng GRDP"].state == "not_met"
        assert april["Thu ngân sách nhà nước"].plan == 730 and april["Thu ngân sách nhà nước"].state == "missing"
        assert ind.tally(list(april.values())) == ind.Tally(0, 1, 2)
        assert [r.name for r in ind.month_table(s, 2026, 4, unit_id=province["units"]["syt"])] == [
            "Số giường bệnh trên vạn dân"]
        points = ind.series(s, grdp)
        assert points[3] == (4, 8.49, 8.0) and points[4] == (5, 8.49, None)
        assert ind.months_of(Period(date(2026, 11, 15), date(2027, 2, 1))) == [(2026, 11), (2026, 12), (2027, 1),
                                                                                (2027, 2)]


def test_import_file_errors_name_the_row(db, province):
    find = lambda name: None if name == "Sở Không Có" else object()  # noqa: E731
    header = list(ind.TEMPLATE_COLUMNS)
    good = ["GRDP", "%", "2026", "8,49", "mức", "cao hơn tốt", "Sở Tài chính", "", "", "", "23"] + [""] * 12
    assert ind.parse_rows([header, good], find)[0]["target"] == pytest.approx(8.49)
    cases = [
        (["GRDP", "%", "2026", "", "mức", "", "Sở Tài chính"], "ind.import_no_target"),
        (["GRDP", "%", "2026", "8,49", "không rõ", "", "Sở Tài chính"], "ind.import_bad_mode"),
        (["GRDP", "%", "2026", "8,49", "mức", "", "Sở Không Có"], "ind.import_unknown_unit"),
        (["GRDP", "%", "2026", "1,234", "mức", "", "Sở Tài chính"], "ind.import_ambiguous"),
        (["GRDP", "%", "năm nay", "8,49", "mức", "", "Sở Tài chính"], "ind.import_bad_year"),
    ]
    for row, key in cases:
        with pytest.raises(ind.ImportError_) as exc:
            ind.parse_rows([header, good, row], find)
        assert exc.value.key == key and exc.value.line == 3
    with pytest.raises(ind.ImportError_) as exc:
        ind.parse_rows([["Tên chỉ tiêu"], good], find)
    assert exc.value.key == "ind.import_missing_column"
    # the template reads back
    rows = ind.read_table("mau.xlsx", ind.template_bytes("xlsx"))
    assert [r["target"] for r in ind.parse_rows(rows, lambda n: object())] == [pytest.approx(8.49), 2450]
    rows = ind.read_table("mau.csv", ind.template_bytes("csv"))
    parsed = ind.parse_rows(rows, lambda n: object())
    assert parsed[1]["plans"][12] == 2450 and parsed[1]["plan_mode"] == "cumulative"


def test_the_duty_reminder_buttons_open_the_figures(db, province, chat_factory):
    ids = make_indicators(db)
    an = chat_factory("o1", "Nguyễn Văn An")
    an.say(f"/start {province['codes']['stc_official']}")
    with db.session() as s:
        duty = s.exec(select(Task).where(Task.series_id == ids["duty"])).one()
    an.press(f"s:d:{duty.id}")
    assert "Chỉ tiêu của Sở Tài chính — tháng 05/2026" in an.text and "Chỉ tiêu 1/2" in an.text


def test_the_office_and_the_aggregator_get_the_months_table_after_the_reporting_day(db, province):
    from datetime import UTC, datetime

    from conftest import TZ
    from reminders.digest import enqueue_indicator_table
    from reminders.sweep import ReminderSettings
    from storage.models import ChatBinding, Outbox, Person
    from workcalendar.workdays import WorkCalendar

    cfg = ReminderSettings(tz=TZ, calendar=WorkCalendar())
    make_indicators(db)
    u = province["units"]
    with db.session() as s:
        for unit, role, chat in ((u["office"], "office", "of"), (u["stc"], "head", "stc"), (u["syt"], "head", "syt")):
            p = Person(full_name=chat, unit_id=unit, role=role)
            s.add(p)
            s.flush()
            s.add(ChatBinding(person_id=p.id, channel="telegram", user_id=chat, chat_id=chat))

    def at(day, hour=8):
        return datetime(2026, 5, day, hour, 5, tzinfo=TZ).astimezone(UTC)

    assert enqueue_indicator_table(db, at(22), cfg) == 0  # before the reporting day
    assert enqueue_indicator_table(db, at(25, 6), cfg) == 0  # Monday 25/5 (23 is a Saturday), before the hour
    assert enqueue_indicator_table(db, at(25), cfg) == 2  # the office and the aggregating unit (Sở Tài chính)
    assert enqueue_indicator_table(db, at(25, 9), cfg) == 0  # once a month
    assert enqueue_indicator_table(db, at(26), cfg) == 0
    with db.session() as s:
        rows = {r.chat_id: r.payload["text"] for r in s.exec(select(Outbox).where(Outbox.key.startswith("indtable:")))}
    assert set(rows) == {"of", "stc"}
    assert "Bảng theo dõi chỉ tiêu tháng 05/2026" in rows["of"] and "chưa báo cáo 3" in rows["of"]
