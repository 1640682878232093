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
