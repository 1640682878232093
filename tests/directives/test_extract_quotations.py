"""Another body's text quoted over several paragraphs, what a body may not do, and what a fund pays give no task."""
from __future__ import annotations

from datetime import date

import pytest

from directives import extract_text

HEAD = ("ỦY BAN NHÂN DÂN\nHUYỆN AN PHÚ\nSố: 15/UBND-VP\nAn Phú, ngày 02 tháng 3 năm 2026\n"
        "Kính gửi: Phòng Văn hóa - Thông tin huyện\n")


@pytest.mark.parametrize("announce, quote", [
    ("Về nội dung này, Sở Văn hóa, Thể thao và Du lịch có ý kiến như sau:",
     "“1. Đề nghị Phòng Văn hóa - Thông tin các huyện rà soát danh mục di tích.\n"
     "2. Các huyện báo cáo Sở trước ngày 30/3/2026.\n"
     "Sở Văn hóa, Thể thao và Du lịch đề nghị UBND các huyện chỉ đạo thực hiện”.\n"),
    ("Ngày 20/02/2026, Bộ Nội vụ trả lời tại Công văn số 120/BNV-CCVC như sau:",
     "\"Việc xếp lương đối với công chức cấp xã thực hiện theo Nghị định số 33/2023/NĐ-CP.\n"
     "Sở Nội vụ các tỉnh hướng dẫn UBND cấp xã thực hiện.\"\n"),
])
def test_a_quotation_over_several_paragraphs_gives_no_task(announce, quote):
    text = HEAD + announce + "\n" + quote + \
        "Từ nội dung trên, UBND huyện giao Phòng Văn hóa - Thông tin huyện tham mưu triển khai thực hiện.\n"
    tasks = extract_text(text, issued=date(2026, 3, 2)).tasks
    assert [t.lead for t in tasks] == ["Phòng Văn hóa - Thông tin huyện"]


def test_a_quoted_directive_that_ends_the_text_is_still_read():
    """Not: a page that only reports a letter, its quoted words the work it passes on."""
    text = ("Công văn nêu rõ:\n“1. Sở Tài chính chủ trì rà soát các dự án chậm giải ngân.\n"
            "2. Sở Xây dựng báo cáo tiến độ trước ngày 30/5/2026”.\n")
    tasks = extract_text(text, issued=date(2026, 3, 2)).tasks
    assert [t.lead for t in tasks] == ["Sở Tài chính", "Sở Xây dựng"]


@pytest.mark.parametrize("sentence", [
    "UBND tỉnh không có thẩm quyền công nhận chức danh lãnh đạo các hội.",
    "Sở Nội vụ chưa đủ thẩm quyền giải quyết đề nghị này.",
])
def test_what_a_body_may_not_do_is_no_task(sentence):
    assert extract_text(sentence, issued=date(2026, 3, 2)).tasks == []


def test_a_body_given_the_authority_still_acts():
    (task,) = extract_text("Giao Sở Nội vụ xem xét, giải quyết theo thẩm quyền trước ngày 15/3/2026.",
                           issued=date(2026, 3, 2)).tasks
    assert (task.lead, task.deadline) == ("Sở Nội vụ", date(2026, 3, 15))



@pytest.mark.parametrize("sentence", [
    "a) Quỹ BHYT thanh toán chi phí khám bệnh nội trú theo mức hưởng đúng tuyến.",
    "b) Quỹ Bảo hiểm xã hội không chi trả chế độ ốm đau đối với các trường hợp nêu trên.",
])
def test_what_a_fund_pays_is_a_rule_not_a_task(sentence):
    """"Quỹ BHYT thanh toán …": a guidance letter states what the fund covers; nobody is given work."""
    assert extract_text(sentence, issued=date(2026, 3, 2)).tasks == []


@pytest.mark.parametrize("sentence", [
    "Quỹ Bảo vệ và Phát triển rừng tỉnh rà soát các hợp đồng khoán bảo vệ rừng trước ngày 30/4/2026.",
    "Giao Quỹ Đầu tư phát triển tỉnh chi trả kinh phí bồi thường cho các hộ dân trước ngày 30/4/2026.",
])
def test_a_fund_given_work_still_leads(sentence):
    (task,) = extract_text(sentence, issued=date(2026, 3, 2)).tasks
    assert task.lead.startswith("Quỹ") and task.deadline == date(2026, 4, 30)


@pytest.mark.parametrize("sentence", [
    "- Chi phí KCB trong phạm vi quyền lợi BHYT phát sinh từ ngày 01/01/2026 đến ngày 05/01/2026: được Quỹ BHYT "
    "thanh toán 95% chi phí.",
    "- Kinh phí thực hiện KH từ nguồn ngân sách tỉnh năm 2026.",
])
def test_money_named_in_capitals_is_no_unit(sentence):
    """"Chi phí KCB …", "Kinh phí … KH": money and its sources, however the abbreviation after them is
    written, lead nothing."""
    assert extract_text(sentence, issued=date(2026, 3, 2)).tasks == []


def test_a_unit_arranging_funds_still_leads():
    """Not: "Sở Tài chính bố trí kinh phí …": the money is the object, the unit leads."""
    (task,) = extract_text("Sở Tài chính bố trí kinh phí thực hiện trước ngày 30/6/2026.", issued=date(2026, 3, 2)).tasks
    assert task.lead == "Sở Tài chính"
