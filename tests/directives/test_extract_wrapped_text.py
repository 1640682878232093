"""Printed text as a PDF's text layer gives it: lines broken inside a proper name, the short first
line of each paragraph, items numbered "(i)", "(ii)" or "(1)" under a letter. Places and people below
are invented."""
from __future__ import annotations

from datetime import date

import pytest

from directives import extract_text
from directives.normalize import paragraphs


@pytest.mark.parametrize("lines, expected", [
    (["(i) Tập đoàn Công nghiệp - Năng lượng quốc gia Việt", "Nam báo cáo Thủ tướng Chính phủ."],
     ["(i) Tập đoàn Công nghiệp - Năng lượng quốc gia Việt Nam báo cáo Thủ tướng Chính phủ."]),
    (["Ngày 12 tháng 3 năm 2026, Phó Chủ tịch UBND tỉnh", "Trần Văn Bình đã làm việc với Sở Xây dựng."],
     ["Ngày 12 tháng 3 năm 2026, Phó Chủ tịch UBND tỉnh Trần Văn Bình đã làm việc với Sở Xây dựng."]),
    (["1. Về dự án Khu du lịch sinh thái Hồ Đá", "Xanh tại xã Tân Lập"],
     ["1. Về dự án Khu du lịch sinh thái Hồ Đá Xanh tại xã Tân Lập"]),
    # the Prime Minister's title at a line's end waits for "Chính phủ"
    (["b) Khẩn trương thực hiện ý kiến chỉ đạo của Thủ tướng", "Chính phủ tại Thông báo số 12/TB-VPCP."],
     ["b) Khẩn trương thực hiện ý kiến chỉ đạo của Thủ tướng Chính phủ tại Thông báo số 12/TB-VPCP."]),
    # an ellipsis closing a bracket does not end the sentence
    (["Bộ Nội vụ đề xuất khen thưởng (Huân chương, Bằng khen,...)", "cho các tập thể có thành tích xuất sắc."],
     ["Bộ Nội vụ đề xuất khen thưởng (Huân chương, Bằng khen,...) cho các tập thể có thành tích xuất sắc."]),
])
def test_a_line_broken_inside_a_name_is_joined(lines, expected):
    assert [ln.text for ln in paragraphs("\n".join(lines))] == expected


@pytest.mark.parametrize("lines", [
    ["a) Phòng Tư pháp", "Chủ trì rà soát các văn bản."],  # a verb opens the next line
    ["THÔNG BÁO KẾT LUẬN", "Ngày 12/3/2026, UBND huyện họp."],  # a title in capitals
    ["1. Nhiệm vụ của Sở Y tế", "2. Nhiệm vụ của Sở Tài chính"],  # the next item
    ["Sở Y tế rà soát các cơ sở (bệnh viện, trạm y tế,...)", "Hằng tháng báo cáo UBND tỉnh."],  # a new sentence
])
def test_a_line_that_ends_a_name_before_a_new_block_stays(lines):
    assert len(paragraphs("\n".join(lines))) == 2


def test_items_numbered_in_parentheses_are_tasks_of_their_own():
    text = ("Kính gửi: các cơ quan.\n\nb) Để hoàn thành dự án đúng tiến độ, đề nghị:\n\n"
            "(i) Sở Xây dựng hướng dẫn Chủ đầu tư hoàn thiện hồ sơ trong tháng 4 năm 2026.\n\n"
            "(ii) Chủ đầu tư phối hợp chặt chẽ với các nhà thầu hoàn thành nghiệm thu.\n\n"
            "(iii) Giao Sở Tài chính bố trí vốn.")
    tasks = [(t.lead, t.coordinators, t.deadline) for t in extract_text(text, issued=date(2026, 3, 2)).tasks]
    assert tasks == [("Sở Xây dựng", [], date(2026, 4, 30)), ("Chủ đầu tư", ["các nhà thầu"], None),
                     ("Sở Tài chính", [], None)]



@pytest.mark.parametrize("lines, expected", [
    (["- Tham mưu Ủy ban nhân dân", "Thành phố đánh giá trách nhiệm người đứng đầu."],
     "- Tham mưu Ủy ban nhân dân Thành phố đánh giá trách nhiệm người đứng đầu."),
    (["Giao Sở Tài chính phối hợp với UBND", "huyện Hòa An rà soát kinh phí."],
     "Giao Sở Tài chính phối hợp với UBND huyện Hòa An rà soát kinh phí."),
])
def test_a_bodys_head_at_a_lines_end_waits_for_its_level(lines, expected):
    assert [ln.text for ln in paragraphs("\n".join(lines))] == [expected]


LONE_NUMBERS = ("ỦY BAN NHÂN DÂN TỈNH BÌNH AN\nSố: 210/QĐ-UBND\nBình An, ngày 05 tháng 3 năm 2026\n\nQUYẾT ĐỊNH\n"
                "Điều 2. Tổ chức thực hiện:\n"
                "1 - Sở Y tế có trách nhiệm:\n- Hướng dẫn các cơ sở khám bệnh thực hiện quy trình mới;\n"
                "- Báo cáo UBND tỉnh kết quả thực hiện.\n"
                "{n2}\n- {unit2}\n- Rà soát danh sách đối tượng trên địa bàn;\n"
                "- Tổng hợp nhu cầu kinh phí gửi Sở Tài chính.\n"
                "{n3}\n- Phòng Kinh tế xã Tân Lập có trách nhiệm kiểm tra việc chi trả.\n"
                "Điều 3. Quyết định này có hiệu lực kể từ ngày ký.\n")


@pytest.mark.parametrize("unit2, leads", [
    # "2" and "3" alone on their lines, in a list numbered "1 - …": items a converter broke after their number
    ("UBND các xã, phường:", ["Sở Y tế", "Sở Y tế", "UBND các xã, phường", "UBND các xã, phường",
                              "Phòng Kinh tế xã Tân Lập"]),
    ("Công an tỉnh chịu trách nhiệm:", ["Sở Y tế", "Sở Y tế", "Công an tỉnh", "Công an tỉnh",
                                        "Phòng Kinh tế xã Tân Lập"]),
])
def test_a_lone_item_number_before_a_dash_opens_the_next_item(unit2, leads):
    text = LONE_NUMBERS.format(n2="2", n3="3", unit2=unit2)
    assert [t.lead for t in extract_text(text, issued=date(2026, 3, 5)).tasks] == leads


def test_a_lone_number_the_list_gives_later_stays_a_page_number():
    # "2" between two bullets of item 1 when "2 - UBND các xã" comes further down: a page's number
    text = LONE_NUMBERS.format(n2="2\n- Kiểm tra việc thực hiện.\n2 - UBND các xã có trách nhiệm:", n3="3",
                               unit2="Lập danh sách;")
    lines = [ln.text for ln in paragraphs(text)]
    assert "2 - UBND các xã có trách nhiệm:" in lines and "2 - Kiểm tra việc thực hiện." not in lines
    assert "3 - Phòng Kinh tế xã Tân Lập có trách nhiệm kiểm tra việc chi trả." in lines
    # not after the list's last item: "5" under item 1 is the page's number
    page = LONE_NUMBERS.format(n2="5", n3="", unit2="Rà soát danh sách đối tượng;")
    assert not any(ln.text.startswith("5 ") for ln in paragraphs(page))


def test_a_printed_line_that_breaks_after_a_colon_runs_on():
    # the colon opens a list written in the sentence itself, and the printed line broke there
    text = ("1. Sở Xây dựng, Sở Tài chính và UBND các xã khẩn trương hoàn thành các công\n"
            "trình; gửi báo cáo về Sở Xây dựng chậm nhất ngày 10 tháng 12 năm 2026, trong đó\n"
            "thống kê, báo cáo đầy đủ thông tin về các công trình, dự án đã hoàn thành:\n"
            "tên, loại hình, quy mô, cấp công trình, tổng vốn đầu tư và tiến độ thực hiện.\n")
    lines = [ln.text for ln in paragraphs(text)]
    assert len(lines) == 1 and lines[0].endswith("dự án đã hoàn thành: tên, loại hình, quy mô, cấp công "
                                                  "trình, tổng vốn đầu tư và tiến độ thực hiện.")


def test_a_short_line_announcing_a_list_stays_before_its_items():
    text = ("Sở Y tế chủ trì, phối hợp với các đơn vị liên quan thực hiện tốt các nhiệm vụ trọng tâm\n"
            "của ngành trong năm 2026 theo kế hoạch đã được phê duyệt, cụ thể gồm:\n"
            "- rà soát các cơ sở khám bệnh, chữa bệnh trên địa bàn;\n")
    assert len(paragraphs(text)) == 2
