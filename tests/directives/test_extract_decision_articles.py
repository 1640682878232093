"""The duties a decision's own articles hand out, as older decisions number them ("2 - Sở X có trách
nhiệm:" then "- …" bullets): one task per bullet, each with the numbered item's unit."""
from __future__ import annotations

from datetime import date

import pytest

from directives import extract_text

DECISION = """Điều 2. Tổ chức thực hiện:
1 - Thời gian áp dụng mức hỗ trợ từ ngày 01/01/2025.
2 - {unit} có trách nhiệm{end}
- {first};
- {second}.
Điều 3. Quyết định này có hiệu lực kể từ ngày ký.
"""


@pytest.mark.parametrize("unit, end, first, second", [
    ("Sở Lao động - Thương binh và Xã hội", ".", "Quản lý chặt chẽ đối tượng trên địa bàn tỉnh",
     "Hằng năm lập dự toán kinh phí gửi Sở Tài chính thẩm định"),
    ("Phòng Văn hóa và Thông tin", ":", "Hướng dẫn các xã tổ chức lễ hội đúng quy định",
     "Báo cáo kết quả về Ủy ban nhân dân huyện"),
])
def test_number_dash_items_carry_their_unit(unit, end, first, second):
    tasks = extract_text(DECISION.format(unit=unit, end=end, first=first, second=second),
                         issued=date(2025, 1, 1)).tasks
    assert [task.lead for task in tasks] == [unit, unit]


def test_a_range_at_the_start_of_a_line_is_no_item():
    # "2 - 3 ngày" is a range, not a numbered item: the sentence keeps its own subject.
    text = "Điều 2. Tổ chức thực hiện:\nSở Y tế kiểm tra các cơ sở,\n2 - 3 ngày một lần báo cáo Ủy ban nhân dân tỉnh.\n"
    tasks = extract_text(text, issued=date(2025, 1, 1)).tasks
    assert [task.lead for task in tasks] == ["Sở Y tế"]


@pytest.mark.parametrize("marker", ["1- ", "1 - "])
def test_number_dash_items_of_a_letter(marker):
    text = ("UBND tỉnh chỉ đạo:\n"
            f"{marker}Các huyện tổ chức di dời dân đến nơi an toàn, xong trước 14 giờ ngày 17-11-2025.\n"
            f"{marker.replace('1', '2')}Sở Giáo dục và Đào tạo cho học sinh nghỉ học trong ngày 17/11/2025.\n")
    tasks = extract_text(text, issued=date(2025, 11, 16)).tasks
    assert [(t.lead, t.deadline) for t in tasks] == [("Các huyện", date(2025, 11, 17)),
                                                     ("Sở Giáo dục và Đào tạo", date(2025, 11, 17))]


@pytest.mark.parametrize("closing", [
    "Yêu cầu các ngành, địa phương thực hiện nghiêm chỉ đạo này.",
    "Đề nghị các sở, ban, ngành nghiêm túc thực hiện ý kiến chỉ đạo nầy./.",
])
def test_the_call_to_carry_out_this_direction_is_no_task(closing):
    text = "1. Sở Y tế kiểm tra các cơ sở khám bệnh, báo cáo trước ngày 20/11/2025.\n" + closing + "\n"
    assert [t.lead for t in extract_text(text, issued=date(2025, 11, 1)).tasks] == ["Sở Y tế"]


def test_a_direction_with_its_own_content_is_a_task():
    text = "Yêu cầu Sở Xây dựng chỉ đạo các chủ đầu tư dừng thi công trong ngày 17/11/2025.\n"
    assert [t.lead for t in extract_text(text, issued=date(2025, 11, 1)).tasks] == ["Sở Xây dựng"]


@pytest.mark.parametrize("doc_type, sentence, lead", [
    ("QUYẾT ĐỊNH", "Giao Sở Tài nguyên và Môi trường chủ trì thẩm định hồ sơ, hoàn thành trước ngày 15/5/2026.",
     "Sở Tài nguyên và Môi trường"),
    ("QUYẾT ĐỊNH:", "Phòng Nội vụ huyện rà soát biên chế các đơn vị, báo cáo trước ngày 15/5/2026.", "Phòng Nội vụ huyện"),
    ("KẾ HOẠCH", "Ủy ban nhân dân xã tổ chức ra quân dọn vệ sinh môi trường, xong trước ngày 15/5/2026.",
     "Ủy ban nhân dân xã"),
])
def test_a_sentence_under_the_document_type_is_body_not_title(doc_type, sentence, lead):
    extraction = extract_text(f"{doc_type}\n{sentence}\n", issued=date(2026, 5, 1))
    assert [(t.lead, t.deadline) for t in extraction.tasks] == [(lead, date(2026, 5, 15))]


def test_a_title_under_the_document_type_stays_the_title():
    text = ("QUYẾT ĐỊNH\nVề việc thành lập Tổ công tác liên ngành\n\n"
            "Điều 1. Sở Nội vụ chủ trì thẩm định hồ sơ, hoàn thành trước ngày 15/5/2026.\n")
    extraction = extract_text(text, issued=date(2026, 5, 1))
    assert extraction.document.title == "Về việc thành lập Tổ công tác liên ngành"
    assert [t.lead for t in extraction.tasks] == ["Sở Nội vụ"]
