"""Task tables copied from a web page: one cell per line, each cell closed by a line holding a
lone "|" (issue 20). Empty cells, a row spanning the table, a row under a merged number cell, and
the text after the table. Names of places are invented."""
from __future__ import annotations

from datetime import date

import pytest

from directives import extract_text
from directives.bartables import bar_tables
from directives.dates import find_deadline


def tasks(text: str) -> list[tuple]:
    return [(t.lead, t.coordinators, t.deadline.isoformat() if t.deadline else None)
            for t in extract_text(text).tasks]


def bars(*rows: list[str]) -> str:
    """A table as a portal's page pastes it: an opening bar, then each cell and its closing bar."""
    out = []
    for row in rows:
        out.append("|")
        for cell in row:
            out.extend([*cell.split("\n"), "|"] if cell else ["|"])
    return "\n".join(out)


HEADER = ["STT", "Tên nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn\nthành"]


def test_each_row_is_one_assignment():
    text = "PHỤ LỤC\nDANH MỤC NHIỆM VỤ\n" + bars(
        HEADER,
        ["1", "Rà soát các thủ tục hành chính liên quan đến\nđất đai", "Sở Nông nghiệp và Môi trường",
         "Sở Tư pháp", "Quý II/2026"],
        ["2", "Xây dựng cơ sở dữ liệu hộ tịch điện tử", "Sở Tư pháp", "", "31/12/2026"],
    ) + "\nNơi nhận:\n- Lưu: VT."
    assert tasks(text) == [("Sở Nông nghiệp và Môi trường", ["Sở Tư pháp"], "2026-06-30"),
                           ("Sở Tư pháp", [], "2026-12-31")]


def test_a_row_spanning_the_table_heads_the_rows_below():
    rows = bar_tables(bars(
        HEADER,
        ["I.\nCẢI CÁCH THỂ CHẾ"],
        ["1", "Ban hành quy chế phối hợp giữa các phòng chuyên môn", "Văn phòng HĐND và UBND xã", "", "2026"],
        ["II", "HẠ TẦNG SỐ", "", "", ""],
        ["1", "Nâng cấp mạng nội bộ của Ủy ban nhân dân xã", "Phòng Văn hóa - Xã hội", "Công an xã", "Quý IV-2026"],
    )).strip().split("\n")
    assert rows[1:] == [
        "| I. CẢI CÁCH THỂ CHẾ |  |  |  |  |",
        "| 1 | Ban hành quy chế phối hợp giữa các phòng chuyên môn | Văn phòng HĐND và UBND xã |  | 2026 |",
        "| II | HẠ TẦNG SỐ |  |  |  |",
        "| 1 | Nâng cấp mạng nội bộ của Ủy ban nhân dân xã | Phòng Văn hóa - Xã hội | Công an xã | Quý IV-2026 |"]


def test_a_row_under_a_merged_number_cell_keeps_the_cells_merged_with_it():
    # Row 1 has two tasks; the second lacks the number and the time, merged with the row above.
    rows = bar_tables(bars(
        HEADER,
        ["1", "Sao lưu dữ liệu hằng ngày trên máy chủ dự phòng", "Trung tâm Chuyển đổi số", "Sở Tài chính",
         "Quý III/2026"],
    ) + "\n" + "\n".join(["|", "Kiểm tra khả năng phục hồi hệ thống sau sự cố", "|", "Công an tỉnh", "|", "|",
                          "2", "|", "Tập huấn an toàn thông tin cho cán bộ", "|", "Sở Nội vụ", "|", "|",
                          "2026", "|"])).strip().split("\n")
    assert rows[2] == ("|  | Kiểm tra khả năng phục hồi hệ thống sau sự cố | Công an tỉnh | Sở Tài chính | "
                       "Quý III/2026 |")
    assert rows[3] == "| 2 | Tập huấn an toàn thông tin cho cán bộ | Sở Nội vụ |  | 2026 |"


def test_text_after_the_table_is_left_as_written():
    text = bars(HEADER, ["1", "Tổ chức hội nghị tập huấn", "Sở Y tế", "", "2026"]) + \
        "\nGiao Sở Tài chính bố trí kinh phí thực hiện.\nNơi nhận:"
    assert bar_tables(text).strip().split("\n")[-2:] == ["Giao Sở Tài chính bố trí kinh phí thực hiện.", "Nơi nhận:"]


@pytest.mark.parametrize("text", [
    # bars around a header block that is not a task table
    "|\nTHỦ TƯỚNG CHÍNH PHỦ\n|\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n|\n|\nSố: 12/QĐ-TTg\n|",
    # a numbered table that assigns nothing (no lead column)
    bars(["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch"], ["1", "Tỷ lệ hồ sơ trực tuyến", "%", "80"]),
])
def test_bars_that_hold_no_task_table_are_left_alone(text):
    assert bar_tables(text) == text


@pytest.mark.parametrize("text, expected", [
    ("Thời hạn: Quí IV-2025.", date(2025, 12, 31)),
    ("hoàn thành trong Quý II-2026", date(2026, 6, 30)),
    ("Thời hạn: Quý III năm 2026.", date(2026, 9, 30)),
])
def test_quarters_as_table_cells_write_them(text, expected):
    assert find_deadline(text, 2025) == expected


@pytest.mark.parametrize("text", [
    "Thời hạn: Quý IV năm 2025 và các năm tiếp theo.",
    "Thời hạn: Quý II/2026 và những năm tiếp theo.",
])
def test_a_quarter_that_opens_an_ongoing_duty_is_no_deadline(text):
    assert find_deadline(text, 2025) is None


def test_a_row_under_merged_number_and_task_cells_starts_at_its_lead():
    # Task 1 has two leads: the second row holds only its lead and partner; the task and the time
    # are merged with the row above.
    text = bars(
        HEADER,
        ["1", "Đề án phân loại rác thải tại nguồn", "Sở Nông nghiệp và Môi trường", "Sở Xây dựng", "2027"],
    ) + "\n" + "\n".join(["|", "Ủy ban nhân dân các xã, phường", "|", "Đài Phát thanh và Truyền hình tỉnh", "|",
                          "|", "2", "|", "Đề án xây dựng lò đốt rác liên xã", "|", "Sở Xây dựng", "|", "|", "2028",
                          "|"])
    assert tasks(text) == [("Sở Nông nghiệp và Môi trường", ["Sở Xây dựng"], "2027-12-31"),
                           ("Ủy ban nhân dân các xã, phường", ["Đài Phát thanh và Truyền hình tỉnh"], "2027-12-31"),
                           ("Sở Xây dựng", [], "2028-12-31")]


@pytest.mark.parametrize("last, expected", [
    ("Quý IV/2026", "2026-12-31"),
    ("Tháng 9\nnăm 2026", "2026-09-30"),
])
def test_a_table_ending_the_text_without_its_last_closing_bar(last, expected):
    """A copy that stops right after the last cell's text: the cell is still the row's time."""
    text = bars(HEADER, ["1", "Kiểm tra hồ sơ cấp phép xây dựng", "Phòng Kinh tế, Hạ tầng và Đô thị",
                         "Công an xã", "Tháng 6/2026"],
                ["2", "Số hóa hồ sơ hộ tịch", "Văn phòng HĐND và UBND xã", "Công chức Tư pháp - Hộ tịch"])
    text += "\n" + last
    assert [deadline for *_, deadline in tasks(text)] == ["2026-06-30", expected]


def test_text_after_an_unclosed_row_is_no_cell():
    """Not: two cells short of the row, or a paragraph of text, is no time cell left unclosed."""
    text = bars(HEADER, ["1", "Số hóa hồ sơ hộ tịch", "Văn phòng HĐND và UBND xã", "Công an xã", "Tháng 6/2026"],
                ["2", "Kiểm tra hồ sơ cấp phép xây dựng", "Phòng Kinh tế"])
    text += "\nQuý IV/2026"
    assert [deadline for *_, deadline in tasks(text)][0] == "2026-06-30"
    assert bar_tables(text).rstrip().endswith("Quý IV/2026")
    long_tail = bars(HEADER, ["1", "Số hóa hồ sơ hộ tịch", "Văn phòng HĐND và UBND xã", "Công an xã"])
    long_tail += "\n" + "\n".join(["Ủy ban nhân dân xã yêu cầu các bộ phận thực hiện nghiêm."] * 4)
    assert bar_tables(long_tail).rstrip().endswith("thực hiện nghiêm.")


@pytest.mark.parametrize("top, below", [
    ("Cơ quan thực hiện", ["Chủ trì", "Phối hợp"]),
    ("Đơn vị", ["Đơn vị chủ trì", "Đơn vị phối hợp"]),
])
def test_a_header_merged_over_two_columns(top, below):
    """A page gives the header's second row only its own cells: the merged cell above spreads."""
    text = bars(["STT", "Nội dung", top, "Thời gian"], below,
                ["1", "Kiểm tra an toàn thực phẩm", "Trạm Y tế xã", "Công an xã", "Quý III/2026"],
                ["2", "Rà soát hộ nghèo", "Phòng Văn hóa - Xã hội", "", "Tháng 10/2026"])
    assert tasks(text) == [("Trạm Y tế xã", ["Công an xã"], "2026-09-30"),
                           ("Phòng Văn hóa - Xã hội", [], "2026-10-31")]


def test_a_first_row_of_text_is_no_second_header():
    """Not: a row merged under the header's number cell is a task, not labels."""
    text = bars(["STT", "Nội dung", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian"],
                ["1", "Kiểm tra an toàn thực phẩm", "Trạm Y tế xã", "Công an xã", "Quý III/2026"])
    assert tasks(text) == [("Trạm Y tế xã", ["Công an xã"], "2026-09-30")]


@pytest.mark.parametrize("first", ["Nội dung công việc", "Nhiệm vụ"])
def test_a_table_without_a_number_column(first):
    """The header opens with the task's column: each row is still one assignment."""
    text = "PHỤ LỤC\n" + bars([first, "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian"],
                             ["Kiểm tra an toàn thực phẩm", "Trạm Y tế xã", "Công an xã", "Quý III/2026"],
                             ["Rà soát hộ nghèo", "Phòng Văn hóa - Xã hội", "", "Tháng 10/2026"]) + "\nNơi nhận:"
    assert tasks(text) == [("Trạm Y tế xã", ["Công an xã"], "2026-09-30"),
                           ("Phòng Văn hóa - Xã hội", [], "2026-10-31")]


@pytest.mark.parametrize("header", [
    ["Nội dung", "Số lượng", "Ghi chú"],  # not: no lead's column
    ["Nơi nhận:\n- Như trên;\n- Lưu: VT.", "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH"],  # not: a signature's table
])
def test_bars_without_a_task_header_stay_text(header):
    text = bars(header, ["Kiểm tra", "Trạm Y tế xã", ""][:len(header)])
    assert bar_tables(text) == text
