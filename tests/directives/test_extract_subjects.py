"""Who is given the work in the body of short local texts (công văn, thông báo kết luận, kế hoạch of a
province, district or commune): subjects after an introduction that lacks its comma, and similar.
The places and people named below are invented."""
from __future__ import annotations

from datetime import date

import pytest

from directives import extract_text

HEAD = "Kính gửi: các cơ quan.\n\n"


def tasks(text: str) -> list[tuple]:
    return [(t.lead, t.coordinators, t.deadline) for t in extract_text(HEAD + text, issued=date(2026, 3, 2)).tasks]


@pytest.mark.parametrize("text, expected", [
    ("Sau khi xem xét Chủ tịch UBND tỉnh giao Sở Xây dựng chủ trì, phối hợp với Sở Tài chính kiểm tra hiện trạng "
     "công trình, báo cáo trước ngày 20/3/2026.",
     [("Sở Xây dựng", ["Sở Tài chính"], date(2026, 3, 20))]),
    ("Trên cơ sở đề nghị của Phòng Nội vụ Chủ tịch UBND huyện giao Phòng Tài chính - Kế hoạch chủ trì, phối hợp "
     "với UBND xã Hòa Lạc rà soát kinh phí.",
     [("Phòng Tài chính - Kế hoạch", ["UBND xã Hòa Lạc"], None)]),
    ("Để kịp thời xử lý UBND xã yêu cầu Công an xã phối hợp với Ban Chỉ huy Quân sự xã tăng cường tuần tra.",
     [("Công an xã", ["Ban Chỉ huy Quân sự xã"], None)]),
])
def test_an_introduction_without_its_comma_runs_into_the_handing(text, expected):
    assert tasks(text) == expected


def test_an_introduction_without_a_handing_gives_no_task():
    # Nobody is handed anything: the main clause has no subject and no "giao".
    text = "Sau khi xem xét hồ sơ của Công ty Minh Phát, tiếp tục theo dõi việc khắc phục."
    assert tasks(text) == []
