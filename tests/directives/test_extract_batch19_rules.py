"""Rules learned from batch 19 (after its single run): the date of an aim in a purpose clause before the
handing is not the items' deadline; a verb's object, or a name's last word, on the next printed line.
Places and bodies below are invented or generic."""
from __future__ import annotations

import pytest

from directives import extract_text
from directives.normalize import paragraphs


def deadlines(text: str) -> list[str | None]:
    return [t["deadline"] for t in extract_text(text).to_contract()["tasks"]]


@pytest.mark.parametrize("opening, expected", [
    # the aim's date, in the purpose clause before "yêu cầu", dates nothing
    ("2. Để bảo đảm tiến độ, phấn đấu hoàn thành xây dựng trước ngày 30 tháng 11 năm 2025, yêu cầu các bộ "
     "tập trung thực hiện một số nội dung trọng tâm như sau:", [None, None]),
    # a date the announcement itself gives dates each item
    ("2. Yêu cầu các bộ hoàn thành trước ngày 30 tháng 11 năm 2025 một số nội dung trọng tâm như sau:",
     ["2025-11-30", "2025-11-30"]),
])
def test_the_date_of_an_aim_is_not_the_items_deadline(opening, expected):
    text = (opening + "\n(1) Bộ Y tế hoàn thiện hồ sơ thiết kế phòng cháy, chữa cháy.\n"
            "(2) Bộ Xây dựng hướng dẫn xử lý các công việc phát sinh.\n")
    assert deadlines(text) == expected


@pytest.mark.parametrize("lines, joined", [
    (["(3) Bộ Công an tiếp tục chủ động phối hợp, hướng dẫn", "Bộ Y tế, Ban Quản lý dự án thực hiện các giải pháp."],
     ["(3) Bộ Công an tiếp tục chủ động phối hợp, hướng dẫn Bộ Y tế, Ban Quản lý dự án thực hiện các giải pháp."]),
    (["- Chỉ đạo Ban Quản lý dự án, Bệnh viện Hữu nghị Việt", "Đức, Bệnh viện Bạch Mai thúc đẩy mua sắm."],
     ["- Chỉ đạo Ban Quản lý dự án, Bệnh viện Hữu nghị Việt Đức, Bệnh viện Bạch Mai thúc đẩy mua sắm."]),
    # a field's label over its values stays apart
    (["b) Cơ quan phối hợp", "Mặt trận Tổ quốc Việt Nam và Hội Cựu chiến binh các cấp.", "",
      "Sở Y tế chủ trì kiểm tra các cơ sở trên địa bàn tỉnh."],
     ["b) Cơ quan phối hợp", "Mặt trận Tổ quốc Việt Nam và Hội Cựu chiến binh các cấp.",
      "Sở Y tế chủ trì kiểm tra các cơ sở trên địa bàn tỉnh."]),
])
def test_a_verbs_object_or_a_names_last_word_on_the_next_line(lines, joined):
    assert [ln.text for ln in paragraphs("\n".join(lines))] == joined


def coordinators(text: str) -> list[list[str]]:
    return [t["coordinators"] for t in extract_text(text).to_contract()["tasks"]]


@pytest.mark.parametrize("sentence, expected", [
    # catch-alls as the only partners: one entry (GUIDELINES: "kept as one entry when it is the only coordinator")
    ("Bộ Tài chính chủ trì, phối hợp với các Bộ, cơ quan liên quan và các địa phương xuất cấp hàng dự trữ.",
     [["các Bộ, cơ quan liên quan và các địa phương"]]),
    # beside a named partner they are dropped
    ("Sở Y tế phối hợp với Sở Tài chính, các cơ quan liên quan và các địa phương kiểm tra.", [["Sở Tài chính"]]),
])
def test_catchall_partners(sentence, expected):
    assert coordinators(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Bộ Xây dựng chỉ đạo các nhà thầu tăng mũi thi công để có thể hoàn thành Dự án thành phần 1 trong năm 2025.",
     [None]),
    ("Bộ Xây dựng chỉ đạo đẩy nhanh tiến độ thi công để đảm bảo thông xe tuyến chính trong năm 2025.", [None]),
    ("Bộ Xây dựng hoàn thành thông xe tuyến chính trong năm 2025.", ["2025-12-31"]),
])
def test_what_the_speeding_up_is_for_is_no_deadline(sentence, expected):
    assert deadlines(sentence) == expected


def leads(text: str) -> list[str]:
    return [t["lead"] for t in extract_text(text).to_contract()["tasks"]]


@pytest.mark.parametrize("sentence, expected", [
    ("1. Cơ quan thanh tra khẩn trương hoàn thành việc thanh tra và ban hành kết luận trước ngày 26/11/2025.",
     ["Cơ quan thanh tra"]),
    # what the body is, after a dash, is no part of its name
    ("4. Giao Bộ Tài chính - Cơ quan Thường trực Ban Chỉ đạo 751 đôn đốc các Bộ, cơ quan, địa phương.",
     ["Bộ Tài chính"]),
    ("Sở Lao động - Thương binh và Xã hội chủ trì rà soát.", ["Sở Lao động - Thương binh và Xã hội"]),
])
def test_bodies_that_inspect_and_what_a_body_is(sentence, expected):
    assert leads(sentence) == expected


def test_the_inspecting_body_as_a_partner():
    text = ("2. Bộ trưởng, Chủ tịch Ủy ban nhân dân các tỉnh chủ trì, phối hợp với cơ quan thanh tra khẩn trương "
            "hoàn thành việc rà soát các dự án.")
    assert coordinators(text) == [["cơ quan thanh tra"], ["cơ quan thanh tra"]]
