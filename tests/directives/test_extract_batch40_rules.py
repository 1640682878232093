"""Rules learned from batch 40 after its single run on the engine it was labelled after. Bodies, places and
people below are invented or generic."""
from __future__ import annotations

from directives import extract_text


def tasks(text: str) -> list[tuple[str, list[str], str | None, str]]:
    return [(t["lead"], t["coordinators"], t["deadline"], t["summary"])
            for t in extract_text(text, issued=None).to_contract()["tasks"]]


def test_a_long_group_title_between_pipe_rows_keeps_the_table_going():
    text = ("PHỤ LỤC CÁC NHIỆM VỤ TRỌNG TÂM\n"
            "TT | Nội dung | Cơ quan chủ trì | Thời gian ban hành | Thời gian triển khai thực hiện\n"
            "3.3. Phát triển nông nghiệp\n"
            "(1) | Kế hoạch phát triển lâm nghiệp bền vững | Sở Xa | Quý I năm 2026 | Giai đoạn 2026 - 2030\n"
            "3.4. Phát triển thương mại, dịch vụ, du lịch; đảm bảo thu chi ngân sách nhà nước, phát triển dịch vụ "
            "tài chính, ngân hàng\n"
            "(1) | Đề án quản lý chợ truyền thống | Sở Ya | Năm 2026 | Giai đoạn 2026 - 2030\n")
    assert [(lead, deadline) for lead, _, deadline, _ in tasks(text)] == [
        ("Sở Xa", "2026-03-31"), ("Sở Ya", "2026-12-31")]
