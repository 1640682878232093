"""Gazette annexes copied from a PDF one cell per line (directives/linear.py): the header after
"TT", rows opened by their number, groups by a Roman numeral, merged rows' parts by "-", cells
told apart by capitals, the time cell anchoring the columns; page heads and signature stamps
dropped. Also the time column's own forms ("2026", "Giai đoạn 2026 - 2030", "2026 và hằng năm")."""
from __future__ import annotations

from datetime import date

import pytest

from directives import extract_text
from directives.linear import linear_tables

ANNEX = """Điều 3. Các Bộ trưởng, Thủ trưởng cơ quan ngang bộ chịu trách nhiệm thi hành
Quyết định này.
KT. THỦ TƯỚNG
PHÓ THỦ TƯỚNG
Nguyễn Văn A
Phụ lục
DANH MỤC NHIỆM VỤ
TT
Nhiệm vụ
Cơ quan chủ
trì thực hiện
Cơ quan
phối hợp
Thời gian
I
Hoàn thiện thể chế, chính sách
1
Rà soát, thể chế hóa các chủ trương,
định hướng về phòng, chống thiên tai.
Bộ NN&MT,
Bộ Quốc phòng
Các bộ,
cơ quan,
địa phương
Năm
2026 - 2027
2  Hoàn thiện hệ thống tiêu chuẩn kỹ
thuật quốc gia về công trình.
Bộ Công
Thương
Bộ Khoa học và
Công nghệ
Giai đoạn
2026 - 2030
Ký bởi: CÔNG BÁO NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Cơ quan: VĂN PHÒNG CHÍNH PHỦ

CÔNG BÁO/Số 302/Ngày 02-06-2026
68
TT
Nhiệm vụ
Cơ quan chủ
trì thực hiện
Cơ quan
phối hợp
Thời gian
3
Củng cố lực lượng xung kích phòng, chống
thiên tai ở cơ sở.
UBND các
tỉnh/thành phố
Tháng
9/2026
4
Xây dựng tiêu chuẩn đối với công trình.
-
Công trình đê điều, hồ đập.
Bộ NN&MT
Bộ Khoa học
và Công
nghệ, các bộ
2026
-
Công trình giao thông.
Bộ Xây dựng
"""


def test_linear_table_rows_become_tasks():
    got = [(t.lead, t.coordinators, t.deadline) for t in extract_text(ANNEX, issued=date(2026, 5, 20)).tasks]
    assert got == [
        ("Bộ NN&MT", ["Các bộ, cơ quan, địa phương"], date(2027, 12, 31)),
        ("Bộ Quốc phòng", ["Các bộ, cơ quan, địa phương"], date(2027, 12, 31)),
        ("Bộ Công Thương", ["Bộ Khoa học và Công nghệ"], date(2030, 12, 31)),
        ("UBND các tỉnh/thành phố", [], date(2026, 9, 30)),
        ("Bộ NN&MT", ["Bộ Khoa học và Công nghệ"], date(2026, 12, 31)),
        ("Bộ Xây dựng", ["Bộ Khoa học và Công nghệ"], date(2026, 12, 31)),  # merged cells
    ]


def test_linear_table_pipe_rows():
    rows = [line for line in linear_tables(ANNEX).split("\n") if line.startswith("|")]
    assert rows[0] == "| TT | Nhiệm vụ | Cơ quan chủ trì thực hiện | Cơ quan phối hợp | Thời gian |"
    assert rows[1] == "| I. Hoàn thiện thể chế, chính sách |"
    assert rows[3].startswith("| 2 | Hoàn thiện hệ thống tiêu chuẩn kỹ thuật quốc gia về công trình. | Bộ Công Thương |")
    assert len(rows) == 7  # the header printed again on the next page is no row


def test_text_without_a_linear_table_is_untouched():
    text = "TT\nSở Y tế rà soát hồ sơ.\n"
    assert linear_tables(text) == text


@pytest.mark.parametrize("cell, deadline, recurrence", [
    ("2026", date(2026, 12, 31), None),
    ("Năm 2026 - 2027", date(2027, 12, 31), None),
    ("Giai đoạn 2026 - 2030", date(2030, 12, 31), None),
    ("Đến năm 2030", date(2030, 12, 31), None),
    ("2026 và hằng năm", None, "yearly"),
    ("Năm 2026 và các năm tiếp theo", None, None),
])
def test_time_column_forms(cell, deadline, recurrence):
    text = f"| STT | Nhiệm vụ | Cơ quan chủ trì | Thời gian |\n| 1 | Rà soát hồ sơ | Sở Y tế | {cell} |\n"
    (task,) = extract_text(text, issued=date(2026, 3, 10)).tasks
    assert (task.deadline, task.recurrence) == (deadline, recurrence)
