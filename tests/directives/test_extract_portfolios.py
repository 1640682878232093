"""A person named by the field in their charge ("Phó Chủ tịch …, phụ trách lĩnh vực …") is one lead."""
from __future__ import annotations

from datetime import date

import pytest

from directives import extract_text


@pytest.mark.parametrize("text, lead", [
    ("KẾ HOẠCH\nII. NHIỆM VỤ\n1. Giao Đồng chí Phó Chủ tịch UBND xã, phụ trách lĩnh vực văn hóa - xã hội chủ trì, "
     "phối hợp với Công an xã tổ chức tuyên truyền về phòng cháy.\n",
     "Phó Chủ tịch UBND xã, phụ trách lĩnh vực văn hóa - xã hội"),
    ("KẾ HOẠCH\nII. NHIỆM VỤ\n1. Tổ chức tuyên truyền về phòng cháy.\n- Đơn vị chủ trì: Đồng chí Phó Giám đốc Sở, "
     "phụ trách khối Kinh tế\n- Đơn vị phối hợp: Công an xã.\n- Thời gian hoàn thành: Tháng 5/2026.\n",
     "Phó Giám đốc Sở, phụ trách khối Kinh tế"),
    ("KẾ HOẠCH\nIII. TỔ CHỨC THỰC HIỆN\n1. Phó Trưởng phòng phụ trách công tác Dân tộc, Tôn giáo\n"
     "- Chủ trì xây dựng kế hoạch tuyên truyền về phòng cháy.\n",
     "Phó Trưởng phòng phụ trách công tác Dân tộc, Tôn giáo"),
])
def test_a_person_and_the_field_in_their_charge_are_one_lead(text, lead):
    tasks = extract_text(text, issued=date(2026, 3, 2)).tasks
    assert [t.lead for t in tasks] == [lead]


def test_two_persons_in_a_list_stay_two_leads():
    """Not: a second title after the comma is another person, not the first one's field."""
    tasks = extract_text("Phó Chủ tịch UBND huyện, Trưởng Công an huyện kiểm tra việc phòng cháy.",
                         issued=date(2026, 3, 2)).tasks
    assert [t.lead for t in tasks] == ["Phó Chủ tịch UBND huyện", "Trưởng Công an huyện"]


@pytest.mark.parametrize("heading, lead", [
    ("1. Cán bộ phụ trách lĩnh vực giám sát và phản biện xã hội", "Cán bộ phụ trách lĩnh vực giám sát và phản biện xã hội"),
    ("2. Công chức phụ trách công tác tư pháp - hộ tịch", "Công chức phụ trách công tác tư pháp - hộ tịch"),
    ("3. Các Phó Chủ tịch phụ trách lĩnh vực Dân tộc, Tôn giáo và các Hội quần chúng",
     "Các Phó Chủ tịch phụ trách lĩnh vực Dân tộc, Tôn giáo và các Hội quần chúng"),
])
def test_staff_named_by_the_field_in_their_charge_head_their_bullets(heading, lead):
    """"Cán bộ phụ trách lĩnh vực …" over bullets without a subject: the person holding that post
    does each bullet (a field's first word may be a verb: "lĩnh vực giám sát", "công tác kiểm tra")."""
    text = (f"KẾ HOẠCH\nIII. TỔ CHỨC THỰC HIỆN\n{heading}\n- Tham mưu xây dựng kế hoạch tuyên truyền.\n"
            "- Tổng hợp, báo cáo kết quả thực hiện.\n")
    tasks = extract_text(text, issued=date(2026, 3, 2)).tasks
    assert [t.lead for t in tasks] == [lead, lead]


@pytest.mark.parametrize("sentence", [
    "Giao Văn phòng UBND xã phân công cán bộ phụ trách theo dõi, đôn đốc việc thực hiện.",
    "Văn phòng UBND xã cử cán bộ phụ trách lĩnh vực văn hóa tham dự hội nghị.",
])
def test_staff_named_inside_the_action_are_no_lead(sentence):
    """Not: the staff a unit assigns or sends are part of its action; the unit leads."""
    (task,) = extract_text(sentence, issued=date(2026, 3, 2)).tasks
    assert task.lead == "Văn phòng UBND xã"


# --- a person's general direction, and the work a person does --------------------------------
@pytest.mark.parametrize("sentence", [
    "Đồng chí Chủ tịch UBND xã lãnh đạo, chỉ đạo chung, toàn diện công tác bầu cử trên địa bàn xã.",
    "Đồng chí Phó Giám đốc Sở phụ trách chung việc thực hiện Kế hoạch này.",
])
def test_a_persons_general_direction_is_no_task(sentence):
    assert extract_text(sentence, issued=date(2026, 3, 2)).tasks == []


def test_general_direction_then_work_is_a_task():
    """Not: "…, chủ trì các hội nghị" after the general direction is work the person does."""
    (task,) = extract_text("Đồng chí Chủ tịch UBND xã chỉ đạo chung, chủ trì các hội nghị tiếp xúc cử tri.",
                           issued=date(2026, 3, 2)).tasks
    assert task.lead == "Chủ tịch UBND xã"


@pytest.mark.parametrize("heading", ["1. Ban Thường trực Ủy ban MTTQ Việt Nam xã", "2. Văn phòng UBND huyện"])
def test_a_bullet_naming_a_person_is_no_part_of_the_heading_above(heading):
    """"1. Ban Thường trực …" then "- Đồng chí Phó Chủ tịch … tham mưu …": the bullet is the person's, not
    the rest of the heading's name."""
    text = (f"KẾ HOẠCH\nIII. TỔ CHỨC THỰC HIỆN\n{heading}\n"
            "- Đồng chí Phó Chủ tịch Thường trực trực tiếp tham mưu xây dựng nội dung, chương trình hội nghị.\n")
    tasks = extract_text(text, issued=date(2026, 3, 2)).tasks
    assert [t.lead for t in tasks] == ["Phó Chủ tịch Thường trực"]


def test_a_heads_direct_direction_is_still_accountability():
    """Not: "Chủ tịch UBND các xã trực tiếp chỉ đạo …" is the heads' accountability, no task."""
    assert extract_text("Chủ tịch UBND các xã trực tiếp chỉ đạo công tác phòng, chống dịch trên địa bàn.",
                        issued=date(2026, 3, 2)).tasks == []


@pytest.mark.parametrize("sentence, lead", [
    ("- Đồng chí Chủ tịch Ủy ban MTTQ xã chịu trách nhiệm chỉ đạo chung, chủ trì các hội nghị hiệp thương.",
     "Chủ tịch Ủy ban MTTQ xã"),
    ("- Đồng chí Phó Chủ tịch UBND huyện chịu trách nhiệm trước Chủ tịch UBND huyện, chủ trì các cuộc họp "
     "giao ban hằng tuần.", "Phó Chủ tịch UBND huyện"),
])
def test_meetings_a_head_presides_over_are_work_beside_the_accountability(sentence, lead):
    tasks = extract_text(sentence, issued=date(2026, 3, 2)).tasks
    assert [t.lead for t in tasks] == [lead]


def test_a_heads_accountability_alone_is_still_no_task():
    """Not: "Chủ tịch UBND các xã chịu trách nhiệm trước Chủ tịch UBND huyện về …" with nothing to preside over."""
    assert extract_text("Chủ tịch UBND các xã chịu trách nhiệm trước Chủ tịch UBND huyện về kết quả thực hiện.",
                        issued=date(2026, 3, 2)).tasks == []
