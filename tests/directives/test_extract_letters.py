"""How signed letters and notices hand their work: the salutation before a head's title, the body's
request to the addressee over numbered items, and the other ways a letter names who acts."""
from __future__ import annotations

import pytest

from directives import extract_text


def leads(text: str) -> list[str]:
    return [t.lead for t in extract_text(text).tasks]


@pytest.mark.parametrize("text, expected", [
    # "Đ/c", the short salutation, stands before the head's title as "đồng chí" does
    ("Bộ Tài chính đề nghị Đ/c Chủ tịch UBND tỉnh, thành phố chỉ đạo thực hiện một số nội dung sau:\n"
     "1. Rà soát các khoản nợ đọng thuế trên địa bàn.\n"
     "2. Chỉ đạo Sở Tài chính kiểm tra việc quyết toán dự án.\n",
     ["Chủ tịch UBND tỉnh, thành phố", "Chủ tịch UBND tỉnh, thành phố"]),
    ("UBND huyện yêu cầu đ/c Chủ tịch UBND xã kiểm tra hiện trạng khu đất, báo cáo trước ngày 20/3/2026.",
     ["Chủ tịch UBND xã"]),
    # a name standing after the salutation is a person, not a body: no lead of its own
    ("Ủy ban nhân dân xã cảm ơn đ/c Nguyễn Văn Hùng đã tham gia hiến đất làm đường.", []),
])
def test_short_salutation_before_a_title(text, expected):
    assert leads(text) == expected
