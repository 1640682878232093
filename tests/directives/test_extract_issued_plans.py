"""A decision that issues a plan: the plan printed after the decision's signature is its body.

When the plan's title stands alone after the signature ("KẾ HOẠCH", "CHƯƠNG TRÌNH HÀNH ĐỘNG"),
the reader reopens there.
"""
from __future__ import annotations

from datetime import date

import pytest

from directives import extract_text

DECISION = """ỦY BAN NHÂN DÂN {level}
Số: 77/QĐ-UBND
ngày 05 tháng 3 năm 2024

QUYẾT ĐỊNH
Ban hành {kind} năm 2024

CHỦ TỊCH ỦY BAN NHÂN DÂN {level}

QUYẾT ĐỊNH:

Điều 1. Ban hành kèm theo Quyết định này {kind} năm 2024.

Điều 2. Quyết định này có hiệu lực kể từ ngày ký.

Nơi nhận: - Như Điều 2; - Lưu: VT.
KT. CHỦ TỊCH PHÓ CHỦ TỊCH Trần Văn A

{title}

I. MỤC ĐÍCH, YÊU CẦU

1. Nâng cao nhận thức của cán bộ, công chức.

II. TỔ CHỨC THỰC HIỆN

1. {first} chủ trì xây dựng kế hoạch chi tiết, hoàn thành trước ngày 30/4/2024.

2. {second} hướng dẫn các đơn vị triển khai, báo cáo kết quả trước ngày 15/11/2024.
"""


@pytest.mark.parametrize("level, kind, title, first, second", [
    ("TỈNH", "Kế hoạch cải cách hành chính", "KẾ HOẠCH\n\nCẢI CÁCH HÀNH CHÍNH NĂM 2024",
     "Sở Nội vụ", "Sở Tư pháp"),
    ("HUYỆN", "Chương trình hành động phòng chống thiên tai", "CHƯƠNG TRÌNH HÀNH ĐỘNG\n\nPHÒNG CHỐNG THIÊN TAI",
     "Phòng Nông nghiệp và Môi trường", "Phòng Tài chính - Kế hoạch"),
])
def test_plan_after_the_signature_is_read(level, kind, title, first, second):
    text = DECISION.format(level=level, kind=kind, title=title, first=first, second=second)
    tasks = extract_text(text, issued=date(2024, 3, 5)).tasks
    assert [task.lead for task in tasks] == [first, second]


def test_signature_then_capitals_that_are_no_plan_title_stay_skipped():
    # Under the signature: a copy mark in capitals and one more numbered line: no plan follows.
    text = DECISION.format(level="TỈNH", kind="Kế hoạch", title="SAO Y BẢN CHÍNH",
                           first="Sở Nội vụ", second="Sở Tư pháp")
    assert extract_text(text, issued=date(2024, 3, 5)).tasks == []
