"""Unit names cut short or mis-bounded: the grammar of a body's name past its head word (a title
over a capitalized body, a lowercase field after a descriptive head, "phụ trách …", "trên địa bàn …")
and where that tail must stop (a verb, "theo chức năng", a deadline)."""
from __future__ import annotations

from datetime import date

import pytest

from directives import extract_text
from directives.names import parse_unit_list
from directives.text import tokenize


def names(text: str) -> list[str]:
    units, _ = parse_unit_list(text, tokenize(text), 0)
    return [u.text for u in units]


@pytest.mark.parametrize("text, expected", [
    ("Trưởng Ban Quản lý các khu công nghiệp và Chủ tịch UBND các huyện rà soát thủ tục.",
     ["Trưởng Ban Quản lý các khu công nghiệp", "Chủ tịch UBND các huyện"]),
    ("Giám đốc các sở, Trưởng Phòng Tài chính - Kế hoạch các huyện chủ trì thẩm định.",
     ["Giám đốc các sở", "Trưởng Phòng Tài chính - Kế hoạch các huyện"]),
    # the title "Trưởng ban" before a lowercase verb stays the person
    ("Trưởng ban chỉ đạo rà soát thủ tục.", ["Trưởng ban"]),
])
def test_a_title_over_a_capitalized_body(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Trung tâm xúc tiến Đầu tư, Thương mại và Du lịch tỉnh chủ trì tổ chức hội nghị.",
     ["Trung tâm xúc tiến Đầu tư, Thương mại và Du lịch tỉnh"]),
    ("Hội đồng thẩm định Giá đất huyện họp định kỳ hằng quý.", ["Hội đồng thẩm định Giá đất huyện"]),
    ("Quỹ hỗ trợ Nông dân xã báo cáo kết quả.", ["Quỹ hỗ trợ Nông dân xã"]),
    # an event after the verb is its object: the head alone names no unit
    ("Trung tâm tổ chức Hội nghị tổng kết vào tháng 12.", []),
])
def test_a_descriptive_head_named_for_its_work(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Văn phòng Đoàn ĐBQH và HĐND Thành phố chuẩn bị tài liệu.", ["Văn phòng Đoàn ĐBQH và HĐND Thành phố"]),
    ("Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh tham mưu tổ chức kỳ họp.",
     ["Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh"]),
    # without the office, the delegation and the council are two bodies
    ("Đoàn ĐBQH và HĐND tỉnh giám sát việc thực hiện.", ["Đoàn ĐBQH", "HĐND tỉnh"]),
])
def test_the_joint_office_of_the_delegation_and_the_council(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Giao Xí nghiệp Thủy lợi Nam Đàn thực hiện nạo vét kênh.", [["Xí nghiệp Thủy lợi Nam Đàn"]]),
    ("Phân công Hợp tác xã Dịch vụ nông nghiệp Tân Lập chuẩn bị giống.", [["Hợp tác xã Dịch vụ nông nghiệp Tân Lập"]]),
    # a heading set in capitals names no unit after its verb
    ("II. NỘI DUNG, TIẾN ĐỘ, PHÂN CÔNG TRÁCH NHIỆM THỰC HIỆN", []),
    ("GIAO NHIỆM VỤ TRIỂN KHAI THỰC HIỆN", []),
])
def test_a_heading_in_capitals_is_no_unit_after_its_verb(text, expected):
    from directives.tasks import assignments_in
    assert [[u.text for u in a.leads] for a in assignments_in(text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("Phó Chủ tịch phụ trách lĩnh vực Văn hóa - Xã hội chủ trì tổ chức hội nghị.",
     ["Phó Chủ tịch phụ trách lĩnh vực Văn hóa - Xã hội"]),
    ("Chuyên viên phụ trách lĩnh vực Tổ chức, Tuyên giáo chuẩn bị tài liệu.",
     ["Chuyên viên phụ trách lĩnh vực Tổ chức, Tuyên giáo"]),
    ("Cán bộ phụ trách công tác giám sát và phản biện xã hội tham mưu tổ chức hội nghị.",
     ["Cán bộ phụ trách công tác giám sát và phản biện xã hội"]),
    ("Đồng chí Phó Chủ tịch Thường trực, phụ trách lĩnh vực Kinh tế chủ trì kiểm tra.",
     ["Phó Chủ tịch Thường trực, phụ trách lĩnh vực Kinh tế"]),
    ("Các Phó Chủ tịch phụ trách lĩnh vực Dân tộc, Tôn giáo và các Hội quần chúng chỉ đạo thực hiện.",
     ["Các Phó Chủ tịch phụ trách lĩnh vực Dân tộc, Tôn giáo và các Hội quần chúng"]),
    ("Công chức phụ trách tổng hợp tham mưu UBND xã báo cáo.", ["Công chức phụ trách tổng hợp"]),
    # the field stops at the verb; a beat ("địa bàn") is no field a verb may open
    ("Công chức phụ trách địa bàn báo cáo kết quả.", ["Công chức phụ trách địa bàn"]),
    ("Cán bộ phụ trách thực hiện báo cáo.", ["Cán bộ"]),
])
def test_a_person_in_charge_of_a_field(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Ban công tác Mặt trận các thôn trên địa bàn xã tổ chức hội nghị cử tri.",
     ["Ban công tác Mặt trận các thôn trên địa bàn xã"]),
    ("Ban Công tác Mặt trận các khu dân cư trên địa bàn phường tổ chức hội nghị.",
     ["Ban Công tác Mặt trận các khu dân cư trên địa bàn phường"]),
    ("Sở Tài chính các tỉnh báo cáo kết quả.", ["Sở Tài chính các tỉnh"]),
    # "trên địa bàn" before the verb's object is no part of the name
    ("Ban Công tác Mặt trận thôn tuyên truyền trên địa bàn xã.", ["Ban Công tác Mặt trận thôn"]),
])
def test_a_body_in_every_place_on_the_territory(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Văn phòng UBND tỉnh (Trung tâm Phục vụ hành chính công tỉnh) chủ trì rà soát thủ tục.",
     ["Văn phòng UBND tỉnh (Trung tâm Phục vụ hành chính công tỉnh)"]),
    ("Bộ Tài chính (Cục Quản lý công sản) chủ trì hướng dẫn.", ["Bộ Tài chính (Cục Quản lý công sản)"]),
    ("Sở Y tế (Phòng Nghiệp vụ Y), Sở Tài chính kiểm tra cơ sở.", ["Sở Y tế (Phòng Nghiệp vụ Y)", "Sở Tài chính"]),
    # a higher body in brackets is whose unit it is, no part of the lead
    ("Trung tâm Dịch vụ việc làm (Sở Nội vụ), Ủy ban nhân dân các xã tổ chức tư vấn.",
     ["Trung tâm Dịch vụ việc làm", "Ủy ban nhân dân các xã"]),
])
def test_a_unit_of_the_body_named_in_brackets(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Các thành viên khác trong tiểu ban thực hiện nhiệm vụ được phân công.", ["Các thành viên khác trong tiểu ban"]),
    ("Thành viên của Ban Chỉ đạo tỉnh kiểm tra địa bàn được phân công.", ["Thành viên của Ban Chỉ đạo tỉnh"]),
    ("Các thành viên trong tổ công tác liên ngành tham gia kiểm tra.",
     ["Các thành viên trong tổ công tác liên ngành"]),
    # "trong" before the action's place is no body of members
    ("Các thành viên khác trong tháng 12 báo cáo kết quả.", ["Các thành viên khác"]),
])
def test_the_members_of_one_body(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Cục Cảnh sát điều tra tội phạm về ma tuý là cơ quan thường trực.", ["Cục Cảnh sát điều tra tội phạm"]),
    ("Phòng Cảnh sát quản lý hành chính về trật tự xã hội hướng dẫn các xã.",
     ["Phòng Cảnh sát quản lý hành chính"]),
    # the force's work word is no handing verb: "Cảnh sát" then "chủ trì" is the action
    ("Phòng Cảnh sát chủ trì kiểm tra.", ["Phòng Cảnh sát"]),
])
def test_a_police_force_named_by_its_work(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize("text, leads", [
    ("Các Bộ khác có phòng thí nghiệm (Bộ Y tế, Bộ Công Thương, Tổng cục đo lường...) có trách nhiệm hỗ trợ kiểm định.",
     ["Bộ Y tế", "Bộ Công Thương", "Tổng cục đo lường"]),
    ("Các sở có đơn vị sự nghiệp (Sở Y tế, Sở Giáo dục và Đào tạo) có trách nhiệm rà soát biên chế.",
     ["Sở Y tế", "Sở Giáo dục và Đào tạo"]),
    # a bracket that names no unit (an exception, a remark) leaves the kind as the lead
    ("Các sở, ngành (trừ trường hợp đặc biệt) báo cáo kết quả.", ["Các sở, ngành"]),
])
def test_units_named_in_brackets_as_examples_of_a_kind_lead(text, leads):
    from directives import extract_text
    assert [t.lead for t in extract_text(text).tasks] == leads


@pytest.mark.parametrize("text, expected", [
    ("Các cơ quan tuyên truyền, báo chí, Ủy ban Phát thanh và Truyền hình có kế hoạch tuyên truyền.",
     ["Các cơ quan tuyên truyền, báo chí", "Ủy ban Phát thanh và Truyền hình"]),
    ("Các cơ quan tuyên truyền, báo chí của tỉnh đẩy mạnh thông tin.", ["Các cơ quan tuyên truyền, báo chí của tỉnh"]),
    # "tuyên truyền" alone after "các cơ quan" is the action
    ("Các cơ quan tuyên truyền nội dung chính sách mới.", ["Các cơ quan"]),
])
def test_the_kind_of_propaganda_and_press_bodies(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Ban xây dựng Đảng chủ trì tổng hợp ý kiến.", ["Ban xây dựng Đảng"]),
    ("Trưởng Ban xây dựng Đảng chỉ đạo chuẩn bị tài liệu.", ["Trưởng Ban xây dựng Đảng"]),
    ("Phòng quản lý Đô thị huyện thẩm định hồ sơ.", ["Phòng quản lý Đô thị huyện"]),
    # a document after the verb is its object, no name
    ("Ban xây dựng Kế hoạch năm 2026.", []),
])
def test_a_body_named_for_its_work_in_lowercase(text, expected):
    assert names(text) == expected


PLAN_ITEM = "1. Tổ chức hội nghị tập huấn.\n- Đơn vị chủ trì: {unit}.\n- Thời gian thực hiện: Quý II/2026.\n"


@pytest.mark.parametrize("unit, expected", [
    # a department named for a field of three or four lowercase syllables after its comma: one name
    ("Vụ Phổ biến, giáo dục pháp luật", ["Vụ Phổ biến, giáo dục pháp luật"]),
    ("Trung tâm Văn hóa, thể thao thanh niên", ["Trung tâm Văn hóa, thể thao thanh niên"]),
    # a unit of its own after the comma still splits
    ("Sở Tư pháp, công an tỉnh", ["Sở Tư pháp", "Công an tỉnh"]),
])
def test_lowercase_field_after_a_comma_stays_in_the_name(unit, expected):
    tasks = extract_text(PLAN_ITEM.format(unit=unit), issued=date(2026, 1, 5)).tasks
    assert [task.lead for task in tasks] == expected


@pytest.mark.parametrize("text, expected", [
    ("Vụ Pháp chế, Vụ Phổ biến, giáo dục pháp luật và các đơn vị có liên quan",
     ["Vụ Pháp chế", "Vụ Phổ biến, giáo dục pháp luật", "các đơn vị có liên quan"]),
    ("Phòng Văn hóa, thể thao thanh niên, Phòng Tư pháp",
     ["Phòng Văn hóa, thể thao thanh niên", "Phòng Tư pháp"]),
    # not: a unit after the comma
    ("Sở Tư pháp, công an tỉnh và các cơ quan liên quan", ["Sở Tư pháp", "công an tỉnh", "các cơ quan liên quan"]),
])
def test_lowercase_field_in_a_list_of_names(text, expected):
    assert names(text) == expected


# A descriptive body named for several fields: "…, field và field <level>" is one name; a comma before
# a unit's head, a plural or a level still starts the next unit.
@pytest.mark.parametrize("text, expected", [
    ("Trung tâm Xúc tiến đầu tư, thương mại và du lịch tỉnh thực hiện", ["Trung tâm Xúc tiến đầu tư, thương mại và du lịch tỉnh"]),
    ("Trung tâm Dịch vụ nông nghiệp, khuyến nông và thú y huyện báo cáo",
     ["Trung tâm Dịch vụ nông nghiệp, khuyến nông và thú y huyện"]),
    ("Trung tâm Y tế huyện, trạm y tế và UBND xã thực hiện", ["Trung tâm Y tế huyện", "trạm y tế", "UBND xã"]),
    ("Sở Y tế, Sở Tư pháp và UBND các xã thực hiện", ["Sở Y tế", "Sở Tư pháp", "UBND các xã"]),
])
def test_fields_listed_inside_a_descriptive_name(text, expected):
    assert names(text) == expected


# What the press is asked to do ends the paper's name: "Báo X đăng …", "Đài Y phát sóng …"; a
# registry named for its work ("Văn phòng đăng ký đất đai") keeps it.
@pytest.mark.parametrize("text, expected", [
    ("Báo Bình Định đăng Thông báo này trên 03 số liên tiếp", ["Báo Bình Định"]),
    ("Đài Phát thanh và Truyền hình tỉnh phát sóng Thông báo này", ["Đài Phát thanh và Truyền hình tỉnh"]),
    ("Văn phòng đăng ký đất đai tỉnh rà soát hồ sơ", ["Văn phòng đăng ký đất đai tỉnh"]),
])
def test_the_press_verbs_end_a_name(text, expected):
    assert names(text) == expected


# Where a group is stationed belongs to it: "các cơ quan Trung ương đóng trên địa bàn tỉnh"; "đóng"
# as a verb of its own ("đóng vai trò …") does not.
@pytest.mark.parametrize("text, expected", [
    ("Các cơ quan Trung ương đóng trên địa bàn tỉnh xây dựng kế hoạch", ["Các cơ quan Trung ương đóng trên địa bàn tỉnh"]),
    ("các cơ quan, đơn vị đóng chân trên địa bàn huyện báo cáo", ["các cơ quan, đơn vị đóng chân trên địa bàn huyện"]),
    ("Công an tỉnh đóng vai trò nòng cốt", ["Công an tỉnh"]),
])
def test_where_a_group_is_stationed(text, expected):
    assert names(text) == expected


# --- "có X" after a plural kind: which of them, when a verb follows -----------------------------

@pytest.mark.parametrize("text, expected", [
    ("Ủy ban nhân dân các địa phương có nông sản xuất khẩu qua biên giới thường xuyên cập nhật thông tin.",
     ["Ủy ban nhân dân các địa phương có nông sản xuất khẩu qua biên giới"]),
    ("Các đơn vị không có đất trồng cây chăm sóc cảnh quan quanh trụ sở.", ["Các đơn vị không có đất trồng cây"]),
    ("Các trường học có học sinh bán trú bố trí bếp ăn bảo đảm an toàn.", ["Các trường học có học sinh bán trú"]),
    # a table's cell: the trait runs to the cell's end, a verb inside it included
    ("Các địa phương, các cơ quan có nguồn thu nộp ngân sách nhà nước",
     ["Các địa phương", "các cơ quan có nguồn thu nộp ngân sách nhà nước"]),
    # "có" opening the verb phrase: the name ends before it
    ("Các đơn vị có văn bản gửi Sở Nội vụ trước ngày 15/4/2026.", ["Các đơn vị"]),
    ("Các đơn vị có trách nhiệm báo cáo UBND tỉnh.", ["Các đơn vị"]),
    ("Các cơ quan có liên quan báo cáo Sở Nội vụ.", ["Các cơ quan có liên quan"]),
])
def test_a_trait_after_a_plural_kind(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("UBND xã Hòa An cân đối, bố trí vốn cho dự án.", ["UBND xã Hòa An"]),
    ("Trung tâm Y tế huyện khử trùng, tiêu độc khu vực ổ dịch.", ["Trung tâm Y tế huyện"]),
    ("Ban Quản lý dự án đầu tư xây dựng huyện bảo trì các tuyến đường.", ["Ban Quản lý dự án đầu tư xây dựng huyện"]),
    ("Công an xã Tân Lập túc trực tại các điểm ngập sâu.", ["Công an xã Tân Lập"]),
])
def test_a_name_ends_before_a_verb_of_directed_work(text, expected):
    assert names(text) == expected
