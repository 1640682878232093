"""Rules learned from batch 20 (after its single run): an item's deadline field dates all its tasks; heads
urged to lead hard, and a call to carry out the tasks above while answering for delays, are no work.
Bodies and places below are invented or generic."""
from __future__ import annotations

import pytest

from directives import extract_text


def tasks(text: str) -> list[tuple[str, str | None]]:
    return [(t["lead"], t["deadline"]) for t in extract_text(text, issued=None).to_contract()["tasks"]]


@pytest.mark.parametrize("item, expected", [
    # the field closing the item dates every undated task in it
    ("2. Bộ Y tế, Chủ tịch UBND các tỉnh chủ trì rà soát các dự án. UBND tỉnh Hòa An khẩn trương xác định "
     "các dự án tồn đọng. Thời hạn hoàn thành: trước ngày 30/11/2025.",
     [("Bộ Y tế", "2025-11-30"), ("Chủ tịch UBND các tỉnh", "2025-11-30"), ("UBND tỉnh Hòa An", "2025-11-30")]),
    # a task with a date of its own keeps it
    ("2. Bộ Y tế rà soát các dự án trước ngày 15/11/2025. UBND tỉnh Hòa An xác định các dự án tồn đọng. "
     "Thời hạn hoàn thành: trước ngày 30/11/2025.",
     [("Bộ Y tế", "2025-11-15"), ("UBND tỉnh Hòa An", "2025-11-30")]),
    # a time sentence that is no field ("Hoàn thành trước …") still dates only the task before it
    ("2. Bộ Y tế rà soát các dự án. UBND tỉnh Hòa An xác định các dự án tồn đọng. "
     "Hoàn thành trước ngày 30/11/2025.",
     [("Bộ Y tế", None), ("UBND tỉnh Hòa An", "2025-11-30")]),
])
def test_an_items_deadline_field_dates_its_tasks(item, expected):
    assert sorted(tasks(item), key=str) == sorted(expected, key=str)


@pytest.mark.parametrize("sentence, expected", [
    # heads urged on, nobody directed, no date: how they must lead, not a task
    ("Đề nghị các đồng chí Bộ trưởng, Chủ tịch Ủy ban nhân dân các tỉnh chỉ đạo quyết liệt, sát sao, "
     "khẩn trương tháo gỡ vướng mắc cho các dự án.", []),
    # heads directing named bodies is work
    ("Chủ tịch UBND các huyện chỉ đạo quyết liệt các cơ quan chuyên môn tháo gỡ vướng mắc cho các dự án.",
     [("Chủ tịch UBND các huyện", None)]),
    # with a date of their own, the heads' lead is work
    ("Chủ tịch UBND các tỉnh chỉ đạo quyết liệt, khẩn trương hoàn thành giải ngân trước ngày 31/12/2025.",
     [("Chủ tịch UBND các tỉnh", "2025-12-31")]),
    # a unit's own work is not touched
    ("Sở Xây dựng chỉ đạo quyết liệt việc kiểm tra chất lượng công trình.", [("Sở Xây dựng", None)]),
])
def test_heads_urged_to_lead_hard(sentence, expected):
    assert tasks(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # the tasks above, carried out, and what the units answer for: the closing call
    ("Các bộ, cơ quan ngang bộ và Ủy ban nhân dân các tỉnh căn cứ chức năng, nhiệm vụ được giao khẩn trương "
     "triển khai hiệu quả các nhiệm vụ nêu trên, chịu trách nhiệm toàn diện trước Thủ tướng Chính phủ về việc "
     "chậm trễ triển khai.", []),
    # a duty after the call is still work
    ("Các bộ và Ủy ban nhân dân các tỉnh triển khai hiệu quả các nhiệm vụ nêu trên, báo cáo Thủ tướng Chính phủ "
     "trước ngày 15/12/2025.",
     [("Các bộ", "2025-12-15"), ("Ủy ban nhân dân các tỉnh", "2025-12-15")]),
])
def test_the_call_to_carry_out_the_tasks_above(sentence, expected):
    assert tasks(sentence) == expected


def leads(text: str) -> list[str]:
    return [t["lead"] for t in extract_text(text, issued=None).to_contract()["tasks"]]


@pytest.mark.parametrize("text, expected", [
    # kinds of enterprise asked by name, with examples in brackets and the work after a colon
    ("13. Đề nghị các doanh nghiệp viễn thông (VNPT, Viettel và doanh nghiệp khác): Đảm bảo thông tin liên lạc "
     "ổn định; bố trí nguồn điện dự phòng.", ["Các doanh nghiệp viễn thông"]),
    ("Đề nghị các doanh nghiệp, hộ kinh doanh thực hiện kê khai thuế đúng hạn.", ["Các doanh nghiệp", "Hộ kinh doanh"]),
    # the enterprise of the case at hand, told what to do by the issuer, is no kind addressed
    ("Trường hợp doanh nghiệp đã nộp thuế, yêu cầu doanh nghiệp đó nộp hồ sơ để được khấu trừ.", []),
    # "Tổ chức lực lượng …" opening a sentence is the verb "organise", not a body
    ("Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh:\n- Xây dựng kế hoạch phân phối hàng cứu trợ. "
     "Tổ chức lực lượng tham gia vận chuyển hàng cứu trợ.", ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"]),
    # the commune's loudspeakers, named by their level, in a list of leads
    ("9. Sở Văn hóa, Thể thao và Du lịch, Cổng Thông tin điện tử tỉnh và hệ thống truyền thanh cơ sở:\n"
     "- Tăng cường tuyên truyền kế hoạch hỗ trợ.",
     ["Sở Văn hóa, Thể thao và Du lịch", "Cổng Thông tin điện tử tỉnh", "Hệ thống truyền thanh cơ sở"]),
])
def test_enterprises_asked_and_local_bodies(text, expected):
    assert leads(text) == expected


@pytest.mark.parametrize("text, expected", [
    # "định kỳ" opening the clause wants the cadence, even after the plan's name
    ("Định kỳ báo cáo UBND tỉnh kết quả thực hiện Kế hoạch hằng năm (trước ngày 15 tháng 11).", "yearly"),
    # the plan's own year, with no "định kỳ", is no cadence
    ("Xây dựng kế hoạch đầu tư công hằng năm.", None),
    ("Báo cáo kết quả thực hiện Kế hoạch hằng năm.", None),
])
def test_a_periodic_report_on_a_yearly_plan(text, expected):
    from directives.dates import find_recurrence
    assert find_recurrence(text) == expected
