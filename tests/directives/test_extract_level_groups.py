"""Kinds of body the law defines as one level of government ("các bộ, cơ quan ngang bộ, cơ quan
thuộc Chính phủ") are a group, named as such, unlike a catch-all of generic nouns ("các bộ, ngành
liên quan"); their heads ("Thủ trưởng cơ quan ngang bộ, cơ quan thuộc Chính phủ") are one lead."""
from __future__ import annotations

import pytest

from directives import extract_text
from directives.names import parse_unit_list
from directives.text import tokenize


def tasks(text: str) -> list[tuple]:
    return [(t.lead, t.coordinators) for t in extract_text(text).tasks]


@pytest.mark.parametrize("text, expected", [
    ("1. Bộ Tư pháp chủ trì, phối hợp với các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ và Ủy ban nhân dân "
     "các tỉnh, thành phố trực thuộc trung ương rà soát văn bản.",
     [("Bộ Tư pháp", ["các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ",
                      "Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương"])]),
    ("2. Giao Bộ Nội vụ chủ trì, phối hợp với các bộ, cơ quan ngang bộ tổng hợp kết quả.",
     [("Bộ Nội vụ", ["các bộ, cơ quan ngang bộ"])]),
    # generic nouns and "liên quan" name nobody in particular: dropped beside a named partner
    ("3. Bộ Tài chính chủ trì, phối hợp với các bộ, ngành liên quan và Ủy ban nhân dân các tỉnh bố trí kinh phí.",
     [("Bộ Tài chính", ["Ủy ban nhân dân các tỉnh"])]),
    ("4. Sở Y tế chủ trì, phối hợp với các sở, ban, ngành và Ủy ban nhân dân các xã tổ chức tập huấn.",
     [("Sở Y tế", ["Ủy ban nhân dân các xã"])]),
])
def test_a_level_named_by_its_kinds_is_a_partner(text, expected):
    assert tasks(text) == expected


@pytest.mark.parametrize("text, units", [
    ("Thủ trưởng cơ quan ngang bộ, cơ quan thuộc Chính phủ, Chủ tịch UBND các tỉnh",
     ["Thủ trưởng cơ quan ngang bộ, cơ quan thuộc Chính phủ", "Chủ tịch UBND các tỉnh"]),
    ("Thủ trưởng cơ quan ngang bộ, cơ quan thuộc Chính phủ, Giám đốc Ngân hàng Phát triển",
     ["Thủ trưởng cơ quan ngang bộ, cơ quan thuộc Chính phủ", "Giám đốc Ngân hàng Phát triển"]),
    # a head of a catch-all names nobody new: the list goes on after it as before
    ("Thủ trưởng các sở, ngành liên quan, Chủ tịch UBND các xã",
     ["Thủ trưởng các sở, ngành liên quan", "Chủ tịch UBND các xã"]),
])
def test_the_heads_of_a_level(text, units):
    tokens = tokenize(text)
    found, end = parse_unit_list(text, tokens, 0)
    assert [u.text for u in found] == units and end == len(tokens)


def test_heads_of_a_level_over_lettered_duties():
    text = ("IV. TỔ CHỨC THỰC HIỆN\n1. Thủ trưởng cơ quan ngang bộ, cơ quan thuộc Chính phủ, Chủ tịch Ủy ban nhân "
            "dân các tỉnh\na) Tổ chức triển khai các nhiệm vụ tại Phụ lục.\n"
            "b) Hằng năm báo cáo kết quả gửi Bộ Tài chính.")
    assert [t[0] for t in tasks(text)] == ["Thủ trưởng cơ quan ngang bộ, cơ quan thuộc Chính phủ",
                                           "Chủ tịch Ủy ban nhân dân các tỉnh"] * 2


@pytest.mark.parametrize("text, units", [
    ("các Sở, ban, ngành Thành phố, UBND phường, xã", ["các Sở, ban, ngành Thành phố", "UBND phường, xã"]),
    ("các sở, ban, ngành Tỉnh và UBND các xã", ["các sở, ban, ngành Tỉnh", "UBND các xã"]),
    # a branch named after "ngành" is no level: the run stops before it
    ("các sở, ngành Y tế", ["các sở"]),
])
def test_a_level_word_closes_a_run_of_kinds(text, units):
    tokens = tokenize(text)
    found, _ = parse_unit_list(text, tokens, 0)
    assert [u.text for u in found] == units


@pytest.mark.parametrize("text, units", [
    ("Các Sở, ban, ngành của Thành phố, UBND phường, xã", ["Các Sở, ban, ngành của Thành phố", "UBND phường, xã"]),
    ("Các phòng, ban của xã và Công an xã", ["Các phòng, ban của xã", "Công an xã"]),
    ("Các phòng, ban của tỉnh và Công an tỉnh", ["Các phòng, ban của tỉnh", "Công an tỉnh"]),
])
def test_whose_kinds_they_are_closes_the_run(text, units):
    tokens = tokenize(text)
    found, end = parse_unit_list(text, tokens, 0)
    assert [u.text for u in found] == units and end == len(tokens)


@pytest.mark.parametrize("text, lead", [
    ("4. Các cơ quan được phân công chủ trì thực hiện nhiệm vụ theo Kế hoạch này có trách nhiệm lập dự toán kinh phí.",
     "Các cơ quan được phân công chủ trì thực hiện nhiệm vụ theo Kế hoạch này"),
    ("Các phòng được giao phối hợp thực hiện có trách nhiệm cử cán bộ tham gia.", "Các phòng được giao phối hợp thực hiện"),
    # the verb after the kinds: "có trách nhiệm" is no part of the name
    ("Các sở, ngành có liên quan có trách nhiệm cung cấp số liệu.", "Các sở, ngành có liên quan"),
])
def test_the_work_they_were_given_describes_the_units(text, lead):
    assert [t[0] for t in tasks(text)] == [lead]


@pytest.mark.parametrize("text, lead", [
    # the bodies an inspection or a survey names are a group of their own, their verb after them
    ("Các cơ quan, đơn vị được kiểm tra chuẩn bị báo cáo theo đề cương.", "Các cơ quan, đơn vị được kiểm tra"),
    ("Các phòng, ban được khảo sát cử cán bộ phối hợp với đoàn khảo sát.", "Các phòng, ban được khảo sát"),
    ("Các đơn vị được chọn xây dựng mô hình thí điểm.", "Các đơn vị được chọn"),
    # not: a unit's own name with a passive verb after it keeps its name
    ("Sở Y tế được giao chủ trì xây dựng kế hoạch.", "Sở Y tế"),
])
def test_the_units_an_inspection_names(text, lead):
    assert [t[0] for t in tasks(text)] == [lead]


@pytest.mark.parametrize("text", [
    "Số: 5/KH-UBND\nKẾ HOẠCH\nGiám sát Chương trình năm 2026\nII. THÀNH PHẦN THỰC HIỆN\n- Lãnh đạo và chuyên viên các phòng chuyên môn của xã.\n- Các tổ chức và cá nhân liên quan.",
    "2. Đối tượng giám sát\n- Các cơ quan, đơn vị tham gia thực hiện Chương trình.",
])
def test_who_takes_part_is_no_task(text):
    assert tasks(text) == []


@pytest.mark.parametrize("text, units", [
    ("Sở Tư pháp, Đài Phát thanh tỉnh, cơ quan thông tấn báo chí và Ủy ban nhân dân các xã",
     ["Sở Tư pháp", "Đài Phát thanh tỉnh", "cơ quan thông tấn báo chí", "Ủy ban nhân dân các xã"]),
    ("Sở Y tế, bệnh viện tuyến huyện và Trạm Y tế các xã",
     ["Sở Y tế", "bệnh viện tuyến huyện", "Trạm Y tế các xã"]),
])
def test_a_kind_of_body_without_cac_between_named_units(text, units):
    tokens = tokenize(text)
    found, end = parse_unit_list(text, tokens, 0)
    assert [u.text for u in found] == units and end == len(tokens)


def test_a_kind_of_body_closing_a_list_without_a_unit_after_it_is_left_to_the_sentence():
    text = "Sở Y tế, trường học tổ chức khám sức khỏe cho học sinh"
    tokens = tokenize(text)
    found, _ = parse_unit_list(text, tokens, 0)
    assert [u.text for u in found] == ["Sở Y tế"]


@pytest.mark.parametrize("text, leads", [
    ("4. Giao Sở Nội vụ, các sở, ban, ngành Thành phố và các cơ quan, tổ chức khác có liên quan chủ trì thực hiện: "
     "tổ chức kiểm tra.", ["Sở Nội vụ", "Các sở, ban, ngành Thành phố"]),
    ("4. Giao Sở Nội vụ, các sở, ban, ngành tỉnh và các cơ quan liên quan chủ trì thực hiện: tổ chức kiểm tra.",
     ["Sở Nội vụ", "Các sở, ban, ngành tỉnh"]),
    # one kind with "liên quan" and no level names nobody: dropped after a named lead
    ("4. Giao Sở Nội vụ và các sở, ngành liên quan chủ trì thực hiện: tổ chức kiểm tra.", ["Sở Nội vụ"]),
])
def test_a_run_of_kinds_closed_by_its_level_is_a_lead(text, leads):
    assert [t[0] for t in tasks(text)] == leads


@pytest.mark.parametrize("text, expected", [
    ("Các tổ chức thành viên tuyên truyền, vận động hội viên tham gia.", ["Các tổ chức thành viên"]),
    ("Đề nghị Hội Nông dân xã, các tổ chức thành viên tổ chức lấy ý kiến nhân dân.",
     ["Hội Nông dân xã", "Các tổ chức thành viên"]),
    ("Đề nghị các tổ chức chính trị - xã hội thành viên vận động đoàn viên, hội viên.",
     ["Các tổ chức chính trị - xã hội thành viên"]),
])
def test_the_fronts_member_organisations_are_one_group(text, expected):
    assert [t.lead for t in extract_text(text).tasks] == expected


@pytest.mark.parametrize("text, expected", [
    ("Đề nghị các cơ quan của Đảng, Quốc hội, Mặt trận Tổ quốc Việt Nam tăng cường giám sát thực thi công vụ.",
     ["Các cơ quan của Đảng, Quốc hội, Mặt trận Tổ quốc Việt Nam"]),
    ("Các đơn vị của Bộ Y tế tăng cường kiểm tra an toàn thực phẩm.", ["Các đơn vị của Bộ Y tế"]),
    # a level in lowercase is no owner's name
    ("Các cơ quan của tỉnh tăng cường kiểm tra.", ["Các cơ quan của tỉnh"]),
])
def test_the_bodies_of_named_owners_are_one_group(text, expected):
    assert [t.lead for t in extract_text(text).tasks] == expected


@pytest.mark.parametrize("text, partners", [
    ("Sở Nội vụ phối hợp chặt chẽ với cơ quan hành chính nhà nước các cấp, tăng cường giám sát.",
     ["cơ quan hành chính nhà nước các cấp"]),
    ("Phòng Nội vụ phối hợp với các sở, ngành các cấp kiểm tra.", ["các sở, ngành các cấp"]),
])
def test_state_administrative_bodies_at_every_level_are_one_partner(text, partners):
    assert [t.coordinators for t in extract_text(text).tasks] == [partners]


@pytest.mark.parametrize("text, lead", [
    # "trong toàn …", "trong hệ thống …": the whole of a body narrows the group, it stays in its name
    ("Trưởng các đơn vị trong toàn trường tổ chức lấy ý kiến góp ý.", "Trưởng các đơn vị trong toàn trường"),
    ("Các cơ quan trong hệ thống hành chính nhà nước không tổ chức đi chúc Tết cấp trên.",
     "Các cơ quan trong hệ thống hành chính nhà nước"),
    ("Các trường học trong toàn huyện tổ chức tổng vệ sinh.", "Các trường học trong toàn huyện"),
    # a time after the group is no part of it
    ("Các sở, ngành trong tháng 6 phải báo cáo kết quả.", "Các sở, ngành"),
])
def test_the_whole_of_a_body_after_a_group_is_part_of_its_name(text, lead):
    assert [t.lead for t in extract_text(text).tasks] == [lead]


@pytest.mark.parametrize("text, lead", [
    # "thành" and "thị" cut short inside a run of levels: "thành phố", "thị xã"
    ("UBND các huyện, thành, thị triển khai nghiêm túc Công văn của Tỉnh ủy.", "UBND các huyện, thành, thị"),
    ("Đề nghị các huyện, thị, thành rà soát hồ sơ đất đai.", "Các huyện, thị, thành"),
    # "thành lập" is the verb, not a level
    ("UBND các huyện, thành lập tổ công tác liên ngành.", "UBND các huyện"),
])
def test_levels_cut_short_in_a_run(text, lead):
    assert [t.lead for t in extract_text(text).tasks] == [lead]


@pytest.mark.parametrize("text, expected", [
    # a body with a level head over kinds of body: that body in each of them, one group lead
    ("Thanh tra Chính phủ, Thanh tra các bộ, ngành, địa phương thực hiện nghiêm kế hoạch thanh tra năm 2026.",
     [("Thanh tra Chính phủ", []), ("Thanh tra các bộ, ngành, địa phương", [])]),
    ("b) Thanh tra tỉnh, Thanh tra các sở, ngành không thanh tra ngoài kế hoạch.",
     [("Thanh tra tỉnh", []), ("Thanh tra các sở, ngành", [])]),
    ("Công an các đơn vị tăng cường tuần tra, kiểm soát trên địa bàn.", [("Công an các đơn vị", [])]),
    # not: "các sở, ngành" after "phối hợp với" stays the partners, no part of the lead's name
    ("Giao Công an tỉnh chủ trì, phối hợp với các sở, ngành và UBND các xã tổ chức tuần tra.",
     [("Công an tỉnh", ["UBND các xã"])]),
])
def test_a_level_head_over_kinds_of_body_is_one_group(text, expected):
    assert tasks(text) == expected
