"""Rules learned from batch 18 (after its single run): kinds before a colon that list bodies by name,
the owners of a proposal in an introduction, a telegram's "Đồng kính gửi:" line, a count with its
thousands dot at a line's start. Places and bodies below are invented or generic."""
from __future__ import annotations

import pytest

from directives import extract_text
from directives.normalize import paragraphs


def leads(text: str) -> list[str]:
    return [t["lead"] for t in extract_text(text).to_contract()["tasks"]]


@pytest.mark.parametrize("sentence, expected", [
    ("8. Các Bộ, cơ quan: Tài chính, Xây dựng, Văn hóa, Thể thao và Du lịch, Tập đoàn Điện lực Việt Nam theo chức "
     "năng, nhiệm vụ được giao khẩn trương rà soát, báo cáo Thủ tướng Chính phủ.",
     ["Bộ Tài chính", "Bộ Xây dựng", "Bộ Văn hóa, Thể thao và Du lịch", "Tập đoàn Điện lực Việt Nam"]),
    ("Giao các Sở, ngành: Y tế, Tài chính phối hợp kiểm tra các cơ sở.", ["Sở Y tế", "Sở Tài chính"]),
    ("Các Bộ, ngành chủ động rà soát các thủ tục hành chính.", ["Các Bộ, ngành"]),  # no colon, one group
])
def test_kinds_before_a_colon_list_their_bodies(sentence, expected):
    assert leads(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("2. Trên cơ sở đề nghị của các Bộ, cơ quan liên quan, Bộ Tài chính khẩn trương rà soát, bố trí kinh phí.",
     ["Bộ Tài chính"]),
    ("Căn cứ đề nghị của Sở Y tế, các đơn vị liên quan, UBND huyện giao Phòng Y tế kiểm tra.", ["Phòng Y tế"]),
])
def test_the_owners_of_a_proposal_are_not_the_subject(sentence, expected):
    assert leads(sentence) == expected


def test_a_telegrams_second_addressees_are_not_work():
    text = ("THỦ TƯỚNG CHÍNH PHỦ\nSố: 12/CĐ-TTg\nHà Nội, ngày 18 tháng 11 năm 2025\nCÔNG ĐIỆN\n"
            "Về cắt giảm thủ tục hành chính\nTHỦ TƯỚNG CHÍNH PHỦ điện:\n- Bộ trưởng các Bộ;\n"
            "Đồng kính gửi:\nBí thư Tỉnh ủy, Thành ủy các tỉnh, thành phố để lãnh đạo, chỉ đạo.\n"
            "1. Bộ trưởng Bộ Tài chính hoàn thành rà soát trong tháng 11 năm 2025.\n")
    assert leads(text) == ["Bộ trưởng Bộ Tài chính"]


def test_a_count_with_its_thousands_dot_does_not_open_an_item():
    lines = ["Thủ tướng đã phê duyệt phương án cắt giảm; cụ thể tổng số thủ tục sẽ cắt giảm là",
             "3.071 TTHC/4.888 TTHC liên quan đến hoạt động sản xuất, kinh doanh."]
    assert len(paragraphs("\n".join(lines))) == 1
