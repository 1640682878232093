"""Rules found on batch 7 of the real corpus: an item's number glued to its text ("1.Bộ …"), the
name after a descriptive head with a number ("Ban chỉ đạo 389 …"), a head's title and a colon
before the units it heads ("Giao Giám đốc: Sở A, Sở B"), and a level closing a run of generic
nouns ("các sở, ban, ngành tỉnh và UBND huyện"). The names of places below are invented."""
from __future__ import annotations

from datetime import date

import pytest

from directives import extract_text
from directives.dates import find_deadline
from directives.glue import unglue
from directives.linear import linear_tables
from directives.names import display, parse_unit_list
from directives.normalize import paragraphs
from directives.text import tokenize

HEAD = "Kính gửi: các cơ quan.\n\nChủ tịch UBND tỉnh có ý kiến như sau:\n\n"


def tasks(text: str) -> list[tuple]:
    return [(t.lead, t.coordinators, t.deadline) for t in extract_text(HEAD + text).tasks]


@pytest.mark.parametrize("text, expected", [
    ("1.Bộ Tài chính chủ trì", "1. Bộ Tài chính chủ trì"),
    ("2)Sở Y tế báo cáo", "2) Sở Y tế báo cáo"),
    ("II.Nhiệm vụ", "II. Nhiệm vụ"),
    ("1.2 triệu đồng", "1.2 triệu đồng"),  # a figure, not an item's number
    ("theo 1.Bộ", "theo 1.Bộ"),  # not at the start of a line
])
def test_an_items_number_glued_to_its_text_is_cut(text, expected):
    assert unglue(text) == expected


def test_numbered_items_glued_to_their_numbers_are_tasks():
    text = ("1.Sở Xây dựng chủ trì kiểm tra các công trình, báo cáo trước ngày 30 tháng 6 năm 2026.\n\n"
            "2.Ban chỉ đạo 389 tỉnh tổng hợp kết quả, báo cáo trước ngày 15 tháng 7 năm 2026.")
    assert [(lead, deadline) for lead, _, deadline in tasks(text)] == [
        ("Sở Xây dựng", date(2026, 6, 30)), ("Ban chỉ đạo 389 tỉnh", date(2026, 7, 15))]


@pytest.mark.parametrize("text, expected", [
    ("Ban chỉ đạo 127 Trung ương chủ trì", "Ban chỉ đạo 127 Trung ương"),
    ("Ban chỉ đạo Trung ương chủ trì", "Ban chỉ đạo Trung ương"),
    ("Tổ công tác 702 tỉnh kiểm tra", "Tổ công tác 702 tỉnh"),
])
def test_a_descriptive_head_is_followed_by_its_number_and_place(text, expected):
    units, _ = parse_unit_list(text, tokenize(text), 0)
    assert [display(u) for u in units] == [expected]


def test_a_title_and_a_colon_before_the_units_it_heads():
    text = ("Giao Giám đốc: Sở Văn hóa, Thể thao và Du lịch, Sở Thông tin và Truyền thông, Đài Phát thanh - "
            "Truyền hình Xuân Lộc phối hợp với các sở, ban, ngành, đoàn thể tỉnh và UBND huyện, thị xã, "
            "thành phố tiếp tục tuyên truyền trong toàn thể cán bộ.")
    coordinators = ["các sở, ban, ngành, đoàn thể tỉnh", "UBND huyện, thị xã, thành phố"]
    assert tasks(text) == [
        ("Giám đốc Sở Văn hóa, Thể thao và Du lịch", coordinators, None),
        ("Sở Thông tin và Truyền thông", coordinators, None),
        ("Đài Phát thanh - Truyền hình Xuân Lộc", coordinators, None)]


@pytest.mark.parametrize("text, expected", [
    ("các sở, ban, ngành, đoàn thể tỉnh và UBND huyện, thị xã, thành phố tiếp tục",
     ["Các sở, ban, ngành, đoàn thể tỉnh", "UBND huyện, thị xã, thành phố"]),
    ("các sở, ngành huyện Xuân Lộc và UBND các xã thực hiện",
     ["Các sở, ngành huyện Xuân Lộc", "UBND các xã"]),
    ("các sở, ban, ngành và UBND huyện, thị xã tiếp tục", ["Các sở, ban, ngành", "UBND huyện, thị xã"]),
])
def test_a_level_closes_a_run_of_generic_nouns(text, expected):
    units, _ = parse_unit_list(text, tokenize(text), 0)
    assert [display(u) for u in units] == expected


@pytest.mark.parametrize("text, expected", [
    ("các đơn vị trực thuộc thực hiện", "group"),
    ("các sở, ngành tỉnh thực hiện", "group"),
    ("các sở, ngành liên quan thực hiện", "catchall"),
    ("các cơ quan, đơn vị thực hiện", "catchall"),
])
def test_a_run_narrowed_to_one_place_or_body_is_a_group(text, expected):
    units, _ = parse_unit_list(text, tokenize(text), 0)
    assert [u.kind for u in units] == [expected]


def test_a_report_to_named_recipients_in_a_month_is_a_deadline():
    assert find_deadline("xử lý kiến nghị, báo cáo Ban Nội chính Tỉnh ủy, UBND tỉnh kết quả xử lý trong tháng 3/2024",
                         2024) == date(2024, 3, 31)
    assert find_deadline("rà soát kết quả giải ngân trong tháng 5", 2024) is None  # the span looked at


def test_the_units_just_given_work_are_told_when_in_the_next_paragraph():
    text = ("Đề nghị Hiệu trưởng các trường, Thủ trưởng các đơn vị trực thuộc rà soát việc thu quỹ.\n\n"
            "Các đơn vị thực hiện trước ngày 24/3/2026.")
    assert tasks(text) == [("Hiệu trưởng các trường", [], date(2026, 3, 24)),
                           ("Thủ trưởng các đơn vị trực thuộc", [], date(2026, 3, 24))]


def test_units_with_an_action_of_their_own_are_still_a_task():
    text = ("Đề nghị Phòng Y tế rà soát việc thu quỹ.\n\n"
            "Các đơn vị báo cáo kết quả trước ngày 24/3/2026.")
    assert len(tasks(text)) == 2


@pytest.mark.parametrize("text, kind", [
    ("các đơn vị huyện phối hợp", "catchall"),
    ("các cơ quan chuyên môn tỉnh phối hợp", "catchall"),
    ("các cơ quan chuyên môn huyện phối hợp", "catchall"),
    # the mass organisations are no generic noun: a kind of body of their own, with their level too
    ("các đoàn thể huyện phối hợp", "group"),
    ("các tổ chức chính trị - xã hội huyện phối hợp", "group"),
])
def test_one_kind_of_body_of_a_level_stays_a_catchall(text, kind):
    units, _ = parse_unit_list(text, tokenize(text), 0)
    assert [u.kind for u in units] == [kind]


def test_how_a_unit_acts_after_a_fronted_topic_is_no_action():
    text = ("Những kiến nghị của Sở Y tế trong báo cáo trên, theo chức năng nhiệm vụ, Sở Y tế tiếp tục chủ trì "
            "tổ chức thực hiện. Các nội dung trên phải được cụ thể hóa trong chương trình hợp tác hàng năm.")
    assert tasks(text) == [("Sở Y tế", [], None)]


@pytest.mark.parametrize("text, expected", [
    ("UBND huyện, thị, thành phố khẩn trương thực hiện", ["UBND huyện, thị, thành phố"]),
    ("Ủy ban nhân dân các huyện, thị, thành phố vận động", ["Ủy ban nhân dân các huyện, thị, thành phố"]),
])
def test_thi_in_a_run_of_levels_is_a_town(text, expected):
    units, _ = parse_unit_list(text, tokenize(text), 0)
    assert [display(u) for u in units] == expected


def test_which_of_the_units_above_all_is_no_second_unit():
    text = ("Ủy ban nhân dân các cấp, đặc biệt ở các tỉnh, thành phố lớn, xử lý nghiêm các trường hợp vi phạm, "
            "báo cáo Thủ tướng Chính phủ trước ngày 30 tháng 6 năm 2026.")
    assert tasks(text) == [("Ủy ban nhân dân các cấp", [], date(2026, 6, 30))]


def test_a_paragraph_longer_than_a_line_runs_on_into_a_capital():
    line = "công nghệ số trong lĩnh vực xúc tiến thương mại và đầu tư của doanh nghiệp"
    text = ("1. Bộ Công Thương\n"
            f"c) Thực hiện chức năng quản lý, điều phối các đại diện thương mại trong việc xúc tiến\n{line}\n"
            f"{line}\n{line} Việt\nNam tại các thị trường chiến lược.\n")
    lines = [ln.text for ln in paragraphs(text + "2. Công tác tuyên truyền\nSở Y tế chủ trì tuyên truyền.\n")]
    assert lines[-3].endswith("Việt Nam tại các thị trường chiến lược.")
    assert lines[-2:] == ["2. Công tác tuyên truyền", "Sở Y tế chủ trì tuyên truyền."]  # a heading stays one


@pytest.mark.parametrize("text, expected", [
    ("Đài Tiếng nói Việt Nam và các cơ quan thông tấn, báo chí phối hợp",
     [("Đài Tiếng nói Việt Nam", "named"), ("Các cơ quan thông tấn, báo chí", "group")]),
    ("Các Khu Công nghệ cao, Khu Công nghệ số tập trung chủ trì",
     [("Các Khu Công nghệ cao", "group"), ("Khu Công nghệ số tập trung", "named")]),
    ("các cơ quan liên quan phối hợp", [("Các cơ quan liên quan", "catchall")]),
])
def test_kinds_of_bodies_after_cac(text, expected):
    units, _ = parse_unit_list(text, tokenize(text), 0)
    assert [(display(u), u.kind) for u in units] == expected


def test_a_heading_ending_with_the_bodies_concerned_leads_its_bullets():
    text = ("1. Các Khu Công nghệ cao, Khu Công nghệ số tập trung và hiệp hội, doanh nghiệp liên quan\n"
            "a) Tổng hợp ý kiến của các doanh nghiệp trên địa bàn.\n"
            "b) Đẩy mạnh công tác thông tin thị trường cho các hội viên.\n")
    leads = [lead for lead, _, _ in tasks(text)]
    assert leads == ["Các Khu Công nghệ cao", "Khu Công nghệ số tập trung", "Hiệp hội, doanh nghiệp liên quan"] * 2


def test_a_narrow_lead_column_one_word_a_line_opens_the_units():
    text = "\n".join([
        "PHỤ LỤC", "STT", "Tên nhiệm vụ", "Cơ quan", "chủ trì", "Cơ quan", "phối hợp", "Thời gian", "hoàn thành",
        "1.", "Tăng cường lãnh đạo, chỉ đạo xây dựng và", "tổ chức thực hiện các chính sách.",
        "Các", "bộ", "ở", "Trung ương,", "Ủy ban nhân", "dân cấp tỉnh",
        "Bộ Tài chính", "Thường xuyên",
    ]) + "\n"
    rows = [line for line in linear_tables(text).split("\n") if line.startswith("| 1.")]
    assert rows == ["| 1. | Tăng cường lãnh đạo, chỉ đạo xây dựng và tổ chức thực hiện các chính sách. | "
                    "Các bộ ở Trung ương, Ủy ban nhân dân cấp tỉnh | Bộ Tài chính | Thường xuyên |"]


@pytest.mark.parametrize("text, expected", [
    ("Các bộ ở Trung ương, Ủy ban nhân dân cấp tỉnh chủ trì", ["Các bộ ở Trung ương", "Ủy ban nhân dân cấp tỉnh"]),
    ("các sở ở địa phương thực hiện", ["Các sở ở địa phương"]),
])
def test_where_the_bodies_of_a_kind_sit_narrows_them(text, expected):
    units, _ = parse_unit_list(text, tokenize(text), 0)
    assert [display(u) for u in units] == expected


def test_the_co_lead_is_a_partner():
    text = ("Bộ Ngoại giao đồng chủ trì với Bộ Khoa học và Công nghệ, phối hợp với các cơ quan liên quan "
            "đẩy mạnh hoạt động ngoại giao kinh tế.")
    assert tasks(text) == [("Bộ Ngoại giao", ["Bộ Khoa học và Công nghệ"], None)]


def test_a_head_word_closing_a_partners_line_waits_for_its_name():
    text = "\n".join([
        "PHỤ LỤC", "STT", "Tên nhiệm vụ", "Cơ quan", "chủ trì", "Cơ quan", "phối hợp", "Thời gian", "hoàn thành",
        "1.", "Xây dựng Luật sửa đổi.", "Bộ Y tế", "Bộ Tài chính, Bộ", "Tư pháp", "Quý I/2029",
    ]) + "\n"
    rows = [line for line in linear_tables(text).split("\n") if line.startswith("| 1.")]
    assert rows == ["| 1. | Xây dựng Luật sửa đổi. | Bộ Y tế | Bộ Tài chính, Bộ Tư pháp | Quý I/2029 |"]
