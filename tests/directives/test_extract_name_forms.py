"""Forms of unit names the grammar reads beyond "head + proper name": the short form of a body
("Mặt trận"), and what is no unit at all."""
from __future__ import annotations

import pytest

from directives import extract_text


def leads(text: str) -> list[tuple[str, list[str]]]:
    return [(t.lead, t.coordinators) for t in extract_text(text).tasks]


@pytest.mark.parametrize("text, expected", [
    ("Mặt trận và Hội Nông dân xã vận động nhân dân tham gia hiến đất làm đường.",
     [("Mặt trận", []), ("Hội Nông dân xã", [])]),
    ("Phòng Nội vụ phối hợp với Mặt trận, Hội Liên hiệp Phụ nữ huyện rà soát hộ nghèo.",
     [("Phòng Nội vụ", ["Mặt trận", "Hội Liên hiệp Phụ nữ huyện"])]),
    ("Mặt trận các cấp vận động nhân dân tham gia giữ gìn an ninh trật tự.", [("Mặt trận các cấp", [])]),
    # negatives: the front as a field of work, lowercase or before an ordinary word, is no body
    ("Các lực lượng cần giữ vững mặt trận kinh tế trong tình hình mới.", [("Các lực lượng", [])]),
    ("Mặt trận kinh tế cần được giữ vững trong năm 2026.", []),
])
def test_the_front_named_short_is_a_unit(text, expected):
    assert leads(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Chủ tịch UBND yêu cầu các bộ phận chuyên môn, các cá nhân phụ trách bám sát tiến độ và kịp thời báo cáo "
     "khó khăn.", [("Các bộ phận chuyên môn", []), ("Các cá nhân phụ trách", [])]),
    ("Các cá nhân phụ trách kiểm tra tình hình sâu bệnh trước ngày 15/5/2026.", [("Các cá nhân phụ trách", [])]),
    ("Giao Phòng Văn hóa - Xã hội và các cá nhân phụ trách rà soát danh sách hộ nghèo.",
     [("Phòng Văn hóa - Xã hội", []), ("Các cá nhân phụ trách", [])]),
    # negatives: people plainly, as the object or in a passive sentence, lead nothing
    ("Các tổ chức, cá nhân vi phạm phải được xử lý nghiêm.", []),
    ("Sở Tài chính hướng dẫn các cá nhân nộp hồ sơ trực tuyến.", [("Sở Tài chính", [])]),
])
def test_people_named_by_the_work_given_them_lead(text, expected):
    assert leads(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Sở Y tế chủ trì, phối hợp với Sở Y tế, Sở Tài chính kiểm tra an toàn thực phẩm.",
     [("Sở Y tế", ["Sở Tài chính"])]),
    ("Phòng Nội vụ chủ trì, phối hợp với Phòng Tài chính - Kế hoạch và Phòng Nội vụ rà soát biên chế.",
     [("Phòng Nội vụ", ["Phòng Tài chính - Kế hoạch"])]),
    # a table's cells run together: "Sở Tài chính" then "Các sở, ngành" of the next cell
    ("Sở Tài chính chủ trì, phối hợp với Sở Tài chính Các sở, ngành, UBND các xã thực hiện rà soát.",
     [("Sở Tài chính", ["UBND các xã"])]),
    # negative: a partner whose name only begins like the lead's stays a partner
    ("Sở Y tế chủ trì, phối hợp với Trung tâm Y tế huyện kiểm tra an toàn thực phẩm.",
     [("Sở Y tế", ["Trung tâm Y tế huyện"])]),
    ("Sở Y tế Hà Nội chủ trì kiểm tra an toàn thực phẩm.", [("Sở Y tế Hà Nội", [])]),
])
def test_a_lead_is_never_its_own_partner(text, expected):
    assert leads(text) == expected
