"""Rules learned from batch 22 (provincial plans and letters, after its single run): an event's fields
("Thời gian dự kiến", "Kinh phí", "Đơn vị thực hiện" under "Đơn vị chủ trì"), a place whose name has a dash,
a press agency and a friendship union named by their place. Bodies and places below are invented or generic."""
from __future__ import annotations

import pytest

from directives import extract_text


def tasks(text: str) -> list[tuple[str, list[str], str | None]]:
    return [(t["lead"], t["coordinators"], t["deadline"])
            for t in extract_text(text, issued=None).to_contract()["tasks"]]


def test_an_events_fields():
    text = ("2. Các hoạt động chính\n"
            "2.1. Chương trình nghệ thuật đặc biệt khai mạc lễ hội\n"
            "- Thời gian dự kiến: ngày 11/9/2026 (thứ Sáu).\n"
            "- Địa điểm: Quảng trường Trung tâm.\n"
            "- Đơn vị chủ trì: Sở Văn hóa và Thể thao.\n"
            "- Đơn vị thực hiện: Trung tâm Văn hóa tỉnh.\n"
            "- Đơn vị phối hợp: Sở Y tế, Công an tỉnh.\n"
            "- Kinh phí: Ngân sách tỉnh và các nguồn hợp pháp khác.\n"
            "2.2. Chương trình nghệ thuật bế mạc lễ hội\n"
            "- Thời gian dự kiến: từ ngày 18/9/2026 đến ngày 20/9/2026.\n"
            "- Đơn vị chủ trì: Sở Du lịch.\n"
            "- Hình thức thực hiện: Trình diễn nghệ thuật đường phố.\n"
            "- Kinh phí: nguồn xã hội hóa.\n")
    assert tasks(text) == [("Sở Văn hóa và Thể thao", ["Sở Y tế", "Công an tỉnh"], "2026-09-11"),
                           ("Sở Du lịch", [], "2026-09-20")]


@pytest.mark.parametrize("text, expected", [
    ("17. UBND các phường: Ba Đình, Văn Miếu – Quốc Tử Giám, Từ Liêm và UBND xã Bát Tràng.\n"
     "- Chuẩn bị đầy đủ các điều kiện cần thiết phục vụ chương trình.",
     ["UBND các phường: Ba Đình, Văn Miếu – Quốc Tử Giám, Từ Liêm", "UBND xã Bát Tràng"]),
    ("15. Đề nghị Cơ quan Báo và Phát thanh, Truyền hình Hòa An\n- Thực hiện truyền hình trực tiếp lễ khai mạc.",
     ["Cơ quan Báo và Phát thanh, Truyền hình Hòa An"]),
    ("16. Liên hiệp các tổ chức hữu nghị tỉnh Hòa An\n- Lập danh sách, mời các tổ chức quốc tế tham dự.",
     ["Liên hiệp các tổ chức hữu nghị tỉnh Hòa An"]),
])
def test_names_of_places_and_bodies(text, expected):
    assert [lead for lead, _, _ in tasks(text)] == expected
