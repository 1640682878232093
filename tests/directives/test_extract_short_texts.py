"""Short texts an office pastes: letters (công văn) of ministries and provinces, letters cut by a
portal, and news-style kết luận / chỉ đạo of districts and communes. How they name the speaker
("ông Nguyễn Văn A – Phó Chủ tịch UBND huyện chỉ đạo …"), who attended, a byline in capitals,
what voters asked for, and the formulas that close a letter. Places and people are invented."""
from __future__ import annotations

from datetime import date

import pytest

from directives import extract_text

HEAD = "Kính gửi: các cơ quan.\n\n"


def tasks(text: str, head: str = HEAD) -> list[tuple]:
    return [(t.lead, t.coordinators, t.deadline) for t in extract_text(head + text, issued=date(2026, 3, 2)).tasks]


# --- the speaker named in news prose -----------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Qua kiểm tra thực tế, ông Lê Văn Nam – Phó Chủ tịch UBND huyện chỉ đạo Phòng Kinh tế phối hợp với "
     "Trạm Khuyến nông hướng dẫn nông dân chăm sóc lúa.", [("Phòng Kinh tế", ["Trạm Khuyến nông"], None)]),
    ("Phát biểu kết luận hội nghị, đồng chí Hà Thị Mai - Chủ tịch UBND phường giao Công an phường, Phòng Văn hóa "
     "- Xã hội rà soát các cơ sở kinh doanh.",
     [("Công an phường", [], None), ("Phòng Văn hóa - Xã hội", [], None)]),
    ("Kết luận buổi làm việc bà Trịnh Thu Hà - Giám đốc Sở Tư pháp yêu cầu Phòng Phổ biến pháp luật, "
     "Văn phòng Sở hoàn thành báo cáo trước ngày 15/3/2026.",
     [("Phòng Phổ biến pháp luật", [], date(2026, 3, 15)), ("Văn phòng Sở", [], date(2026, 3, 15))]),
    ("Đ/c Vũ Đình Khoa, Bí thư Đảng ủy xã yêu cầu Ban Chỉ huy Quân sự xã tổ chức huấn luyện dân quân.",
     [("Ban Chỉ huy Quân sự xã", [], None)]),
])
def test_the_named_speaker_hands_the_work_on(text, expected):
    assert tasks(text) == expected


@pytest.mark.parametrize("text", [
    "Đồng chí Trần Văn Hai - Chủ tịch UBND xã chủ trì hội nghị.",
    "Bà Nguyễn Thị Lan – Giám đốc Sở Y tế phát biểu tại buổi làm việc.",
    "Ông Phạm Quốc Việt, Phó Chủ tịch UBND huyện kiểm tra tiến độ thi công cầu Bến Đá.",
])
def test_the_speakers_own_doings_are_no_task(text):
    assert tasks(text) == []


# --- who attended ------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Cùng dự có đồng chí Trưởng phòng Nông nghiệp; Trưởng trạm Khuyến nông; lãnh đạo UBND các xã.",
    "Dự họp có lãnh đạo Phòng Tài chính - Kế hoạch, Phòng Nội vụ và Chủ tịch UBND các xã, thị trấn.",
    "Tham dự hội nghị còn có Giám đốc Sở Công Thương, Trưởng Ban Dân tộc tỉnh.",
])
def test_who_attended_is_no_task(text):
    assert tasks(text) == []


def test_a_unit_that_attends_and_is_then_given_work_keeps_it():
    text = ("Dự họp có lãnh đạo Phòng Nội vụ. Chủ tịch UBND huyện giao Phòng Nội vụ tổng hợp danh sách cán bộ "
            "trước ngày 20/3/2026.")
    assert tasks(text) == [("Phòng Nội vụ", [], date(2026, 3, 20))]


# --- a news page with a byline in capitals -----------------------------------------------------

NEWS = ("Phó Chủ tịch UBND huyện kiểm tra sản xuất vụ Đông Xuân\n\n"
        "Sáng ngày 3/3/2026, Phó Chủ tịch UBND huyện kiểm tra tình hình sản xuất vụ Đông Xuân tại các xã "
        "vùng trũng, nơi nhiều diện tích lúa bị ngập sau đợt mưa lớn kéo dài từ cuối tháng Hai, cùng lãnh đạo "
        "các phòng chuyên môn.\n\n"
        "Qua kiểm tra, Phó Chủ tịch UBND huyện chỉ đạo Phòng Nông nghiệp hướng dẫn nông dân gieo cấy bù.\n\n")


@pytest.mark.parametrize("byline", ["MINH AN - PNN", "THU HÀ (TTVH)", "HOÀNG LONG"])
def test_a_byline_in_capitals_after_the_prose_is_not_the_issuer(byline):
    assert tasks(NEWS + byline, head="") == [("Phòng Nông nghiệp", [], None)]


def test_the_issuer_in_capitals_above_the_letter_still_heads_it():
    text = ("ỦY BAN NHÂN DÂN\nHUYỆN HÒA AN\n\nSố: 12/UBND-VP\n\nKính gửi: Phòng Nông nghiệp.\n\n"
            "UBND huyện giao Phòng Nông nghiệp hướng dẫn nông dân gieo cấy bù.")
    result = extract_text(text)
    assert result.document.issuer == "ỦY BAN NHÂN DÂN HUYỆN HÒA AN"
    assert [t.lead for t in result.tasks] == ["Phòng Nông nghiệp"]


# --- what voters asked for ---------------------------------------------------------------------

@pytest.mark.parametrize("asker", ["Cử tri xã Tân Lập, huyện Hòa An đề nghị:", "Công dân thôn Bản Giang kiến nghị:",
                                   "Cử tri phường Đông Hà phản ánh:"])
def test_what_voters_ask_for_is_no_task_the_answer_is(asker):
    text = (f"{asker}\n\nSở Xây dựng phối hợp với UBND huyện sửa chữa tuyến đường liên thôn.\n\nTRẢ LỜI:\n\n"
            "UBND tỉnh giao Sở Giao thông vận tải kiểm tra hiện trạng tuyến đường.")
    assert tasks(text) == [("Sở Giao thông vận tải", [], None)]


def test_a_request_of_a_unit_before_a_colon_is_still_read():
    text = "UBND huyện đề nghị:\n\nPhòng Tài chính - Kế hoạch bố trí kinh phí sửa chữa tuyến đường liên thôn."
    assert tasks(text) == [("Phòng Tài chính - Kế hoạch", [], None)]
