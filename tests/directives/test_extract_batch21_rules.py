"""Rules learned from batch 21 (district and commune portal pages, after its single run): a request naming
whom it asks over unmarked paragraphs, the news of a letter sent with its date, mass organisations written
without the dash, each of a group named first. Bodies and places below are invented or generic."""
from __future__ import annotations

import pytest

from directives import extract_text
from directives.dates import find_recurrence


def tasks(text: str) -> list[tuple[str, str | None]]:
    return [(t["lead"], t["recurrence"]) for t in extract_text(text, issued=None).to_contract()["tasks"]]


def test_a_request_naming_whom_it_asks_over_unmarked_paragraphs():
    text = ("Theo đó, UBND huyện đã có Công văn số 301/UBND-TN ngày 23/8/2018 yêu cầu Thủ trưởng các cơ quan cấp "
            "huyện, Chủ tịch UBND các xã:\n"
            "Xây dựng kế hoạch chi tiết của đơn vị, địa phương mình.\n"
            "Tổ chức ra quân làm vệ sinh môi trường vào chiều thứ Sáu hằng tuần.\n")
    assert tasks(text) == [("Thủ trưởng các cơ quan cấp huyện", None), ("Chủ tịch UBND các xã", None),
                           ("Thủ trưởng các cơ quan cấp huyện", "weekly"), ("Chủ tịch UBND các xã", "weekly")]


def test_a_paragraph_of_background_over_nothing_asked_gives_nothing():
    text = ("UBND huyện đã tổ chức kiểm tra các cơ sở trên địa bàn:\n"
            "Qua kiểm tra, các cơ sở đã chấp hành tốt quy định.\n")
    assert tasks(text) == []


@pytest.mark.parametrize("sentence, expected", [
    ("UBND các xã và các tổ chức chính trị xã hội trực thuộc vận động các hộ gia đình làm vệ sinh.",
     [("UBND các xã", None), ("Các tổ chức chính trị xã hội trực thuộc", None)]),
    # each of a group named before: the work of that group, no task of its own
    ("Đề nghị Phòng Y tế, Phòng Nội vụ kiểm tra các cơ sở. Mỗi đơn vị báo cáo kết quả về UBND huyện.",
     [("Phòng Y tế", None), ("Phòng Nội vụ", None)]),
    # with no group before it, "mỗi cơ quan, đơn vị" is the lead
    ("Mỗi cơ quan, đơn vị bố trí 01 thùng thu gom pin thải tại trụ sở.", [("Mỗi cơ quan, đơn vị", None)]),
])
def test_subjects_of_local_notices(sentence, expected):
    assert tasks(sentence) == expected


@pytest.mark.parametrize("text, expected", [
    ("tránh đổ thải cùng với chất thải rắn sinh hoạt hàng ngày", None),
    ("đời sống hằng ngày của nhân dân", None),
    ("báo cáo kết quả hằng ngày về UBND xã", "daily"),
])
def test_what_people_do_every_day_is_no_cadence(text, expected):
    assert find_recurrence(text) == expected


def leads(text: str) -> list[str]:
    return [t["lead"] for t in extract_text(text, issued=None).to_contract()["tasks"]]


@pytest.mark.parametrize("sentence, expected", [
    # the people of the place, after "và", are asked beside its bodies
    ("UBND xã đề nghị các cơ quan, đơn vị, bệnh viện, trường học và Nhân dân trên địa bàn xã treo cờ Tổ quốc.",
     ["Các cơ quan, đơn vị, bệnh viện, trường học", "Nhân dân trên địa bàn xã"]),
    # a hamlet's board, and its head, said in lowercase
    ("Đề nghị Ban nhân dân các ấp treo cờ Tổ quốc.", ["Ban nhân dân các ấp"]),
    ("Giao Thủ trưởng các cơ quan, Trưởng ban nhân dân các ấp kiểm tra việc treo cờ.",
     ["Thủ trưởng các cơ quan", "Trưởng ban nhân dân các ấp"]),
    # a board named for its work keeps its lowercase name
    ("Trưởng ban xây dựng Đảng kiểm tra việc treo cờ.", ["Trưởng ban xây dựng Đảng"]),
])
def test_the_people_and_the_boards_of_a_commune(sentence, expected):
    assert leads(sentence) == expected


@pytest.mark.parametrize("item, expected", [
    # an item addressed to bodies ("Đối với …:") gives them the work after the colon
    ("1. Đối với UBND các xã: Thường xuyên tổ chức tuyên truyền các quy định.", ["UBND các xã"]),
    # a count of places is a group of its own
    ("1. Đối với các cơ quan, đơn vị, 12 thôn: Thường xuyên tổ chức tuyên truyền các quy định.",
     ["Các cơ quan, đơn vị", "12 thôn"]),
    # a topic, not bodies, names nobody
    ("1. Đối với các dự án chậm tiến độ: khẩn trương kiểm tra, xử lý.", []),
    # the work after a level's colon is no list of its places
    ("1. UBND các xã: Thường xuyên tổ chức tuyên truyền các quy định.", ["UBND các xã"]),
])
def test_items_addressed_to_bodies(item, expected):
    assert leads(item) == expected


@pytest.mark.parametrize("text, expected", [
    # the last sentence of a text, "./." and all, gives a group work of its own
    ("Ủy ban nhân dân các xã thực hiện nghiêm túc trách nhiệm quản lý nhà nước về lâm nghiệp trên địa bàn./.",
     ["Ủy ban nhân dân các xã"]),
    # a group asked only to carry the text out, or to care and cooperate, is the closing call
    ("Ủy ban nhân dân các xã tổ chức thực hiện./.", []),
    ("Văn phòng UBND tỉnh đề nghị các cơ quan chuyên môn thuộc UBND tỉnh quan tâm, phối hợp thực hiện./.", []),
])
def test_the_last_sentence_of_a_text(text, expected):
    assert leads(text) == expected
