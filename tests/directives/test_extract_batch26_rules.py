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
