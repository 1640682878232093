"""Rules learned from batch 39 after its single run on the engine it was labelled after (a provincial Party
committee's action programme, a district education office's guidance). Bodies, places and people below are
invented or generic."""
from __future__ import annotations

from directives import extract_text


def tasks(text: str) -> list[tuple[str, list[str], str | None, str]]:
    return [(t["lead"], t["coordinators"], t["deadline"], t["summary"])
            for t in extract_text(text, issued=None).to_contract()["tasks"]]


PROGRAMME = """TỈNH ỦY XA
CHƯƠNG TRÌNH HÀNH ĐỘNG
về phát triển rừng bền vững
I. NHIỆM VỤ VÀ GIẢI PHÁP
1. Tăng cường công tác tuyên truyền
- Đổi mới công tác tuyên truyền về bảo vệ rừng.
- Nhân rộng các mô hình trồng rừng gỗ lớn.
Trách nhiệm chỉ đạo thực hiện: Đảng ủy Mặt trận Tổ quốc, các đoàn thể tỉnh; các cấp ủy, tổ chức đảng.
2. Hoàn thiện cơ chế, chính sách
- Rà soát các chính sách hỗ trợ trồng rừng.
Trách nhiệm chỉ đạo thực hiện: Đảng ủy Ủy ban nhân dân tỉnh.
"""


def test_leads_named_after_a_group_of_bullets_lead_each_of_them():
    assert [(lead, summary[:18]) for lead, _, _, summary in tasks(PROGRAMME)] == [
        ("Đảng ủy Mặt trận Tổ quốc, các đoàn thể tỉnh", "Đổi mới công tác t"),
        ("Các cấp ủy, tổ chức đảng", "Đổi mới công tác t"),
        ("Đảng ủy Mặt trận Tổ quốc, các đoàn thể tỉnh", "Nhân rộng các mô h"),
        ("Các cấp ủy, tổ chức đảng", "Nhân rộng các mô h"),
        ("Đảng ủy Ủy ban nhân dân tỉnh", "Rà soát các chính "),
    ]
