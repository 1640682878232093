"""Rules learned from batch 26 once its figure was taken on the final engine of its session (disaster
telegrams as portals summarise them, university notices). Bodies, places and people below are invented
or generic."""
from __future__ import annotations

import pytest

from directives import extract_text


def leads(text: str) -> list[str]:
    return [t["lead"] for t in extract_text(text, issued=None).to_contract()["tasks"]]


@pytest.mark.parametrize("text, expected", [
    # the fields of a disaster board's name, in words: "Phòng chống", "Phòng thủ" are its work, no department
    ("Ban Chỉ huy Phòng chống thiên tai, Tìm kiếm cứu nạn và Phòng thủ dân sự huyện khẩn trương rà soát.",
     ["Ban Chỉ huy Phòng chống thiên tai, Tìm kiếm cứu nạn và Phòng thủ dân sự huyện"]),
    ("UBND huyện yêu cầu các thành viên Ban Chỉ huy Phòng chống thiên tai, Tìm kiếm cứu nạn và Phòng thủ dân sự "
     "huyện; Ủy ban nhân dân các xã, thị trấn khẩn trương rà soát các khu dân cư.",
     ["Các thành viên Ban Chỉ huy Phòng chống thiên tai, Tìm kiếm cứu nạn và Phòng thủ dân sự huyện",
      "Ủy ban nhân dân các xã, thị trấn"]),
    # a board's name in lowercase words, as news pages write it
    ("Ban chỉ huy quân sự tỉnh yêu cầu UBND các huyện tăng cường kiểm tra.", ["UBND các huyện"]),
    ("Ban chỉ huy phòng cháy, chữa cháy rừng của tỉnh yêu cầu UBND các huyện, thị xã chỉ đạo tuần tra "
     "canh gác lửa rừng.", ["UBND các huyện, thị xã"]),
    ("Phòng Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ tăng cường kiểm tra các chợ.",
     ["Phòng Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ"]),
    # a university's departments ("Bộ môn"), no ministry
    ("Các Bộ môn Y tế công cộng, Bộ môn Nội - Truyền nhiễm, Đoàn Thanh niên có trách nhiệm tăng cường "
     "tuyên truyền.", ["Các Bộ môn Y tế công cộng", "Bộ môn Nội - Truyền nhiễm", "Đoàn Thanh niên"]),
])
def test_names_of_boards_and_departments(text, expected):
    assert leads(text) == expected


def test_a_national_committee_named_with_a_preposition_is_one_body():
    found = extract_text("Bộ Ngoại giao chủ trì, phối hợp với Ủy ban Công tác về các tổ chức PCPNN hướng dẫn "
                         "các tổ chức.", issued=None).to_contract()["tasks"]
    assert [(t["lead"], t["coordinators"]) for t in found] == \
        [("Bộ Ngoại giao", ["Ủy ban Công tác về các tổ chức PCPNN"])]


def test_a_portal_report_of_the_letter_ending_in_a_colon_names_who_does_the_items():
    text = ("Ngày 9/11, UBND tỉnh ban hành văn bản yêu cầu các sở, ban, ngành, UBND các huyện, thị xã, các đơn vị "
            "quản lý hồ chứa thủy điện, thủy lợi và các đơn vị có liên quan chủ động ứng phó với cơn bão:\n"
            "1. Tổ chức trực ban 24/24 giờ.\n"
            "2. Theo dõi chặt chẽ diễn biến cơn bão, chủ động triển khai các biện pháp bảo đảm an toàn./.\n")
    found = [(t["lead"], t["summary"][:8]) for t in extract_text(text, issued=None).to_contract()["tasks"]]
    units = ["Các sở, ban, ngành", "UBND các huyện, thị xã", "Các đơn vị quản lý hồ chứa thủy điện, thủy lợi"]
    # the kind's trait runs over its comma ("thủy điện, thủy lợi"); the last item's own work ends the text
    assert found == [(u, "Tổ chức ") for u in units] + [(u, "Theo dõi") for u in units]


def test_a_semicolon_parts_two_groups_of_leads():
    assert leads("Ban Chỉ huy tỉnh đề nghị các Sở, ban, ngành; UBND các huyện tổ chức treo băng rôn.") == \
        ["Các Sở, ban, ngành", "UBND các huyện"]
    # a comma keeps two runs of kinds one group
    assert leads("Ban Chỉ huy tỉnh đề nghị các Sở, ban, ngành, các địa phương tổ chức treo băng rôn.") == \
        ["Các Sở, ban, ngành, các địa phương"]
    assert leads("Ban Chỉ huy tỉnh đề nghị các sở, ban, ngành; các địa phương, cơ quan tổ chức treo băng rôn.") == \
        ["Các sở, ban, ngành"]
