"""A portal's copy of a letter glues the place and date, "Kính gửi: …" and the body's first sentence
into one line: the addressees and the request under them are still read."""
from __future__ import annotations

from datetime import date

import pytest

from directives import extract_text

LETTER = """{issuer}
Số: 15/{code}
{place}, ngày 10 tháng 3 năm 2025 Kính gửi: {addressee} {opening} các văn bản hướng dẫn có liên quan; {issuer_name} đề nghị {addressee} thực hiện các nội dung sau đây:
1. Chỉ đạo các cơ quan chuyên môn rà soát hồ sơ tồn đọng, hoàn thành trước ngày 30/4/2025.
2. Báo cáo kết quả thực hiện về {issuer_name} trước ngày 15/5/2025.
Nơi nhận:
- Như trên;
- Lưu: VT.
"""


@pytest.mark.parametrize("issuer, code, place, addressee, opening, issuer_name", [
    ("BỘ Y TẾ", "BYT-KCB", "Hà Nội", "Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương",
     "Thực hiện Luật Khám bệnh, chữa bệnh và", "Bộ Y tế"),
    ("SỞ NỘI VỤ", "SNV-CCVC", "Lạng Sơn", "Ủy ban nhân dân các huyện, thành phố",
     "Căn cứ Nghị định số 33/2023/NĐ-CP và", "Sở Nội vụ"),
])
def test_glued_addressees_and_opening_are_read(issuer, code, place, addressee, opening, issuer_name):
    text = LETTER.format(issuer=issuer, code=code, place=place, addressee=addressee, opening=opening,
                         issuer_name=issuer_name)
    tasks = extract_text(text, issued=date(2025, 3, 10)).tasks
    assert [(task.lead, task.deadline) for task in tasks] == [(addressee, date(2025, 4, 30)),
                                                            (addressee, date(2025, 5, 15))]


def test_a_name_with_an_opening_word_inside_stays_whole():
    # No opening word after the addressee: the "Kính gửi" line is not split inside the name.
    text = ("Hà Nội, ngày 10 tháng 3 năm 2025 Kính gửi: Sở Giáo dục và Đào tạo\n"
            "Sở Giáo dục và Đào tạo rà soát đội ngũ giáo viên, báo cáo trước ngày 30/4/2025.\n")
    tasks = extract_text(text, issued=date(2025, 3, 10)).tasks
    assert [task.lead for task in tasks] == ["Sở Giáo dục và Đào tạo"]
