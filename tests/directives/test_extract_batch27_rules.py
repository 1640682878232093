"""Rules learned from batch 27 after its single run (Party committees' notices and news of them, school and
health letters, district portals, ministries' letters). Bodies, places and people below are invented or generic."""
from __future__ import annotations

import pytest

from directives import extract_text


def tasks(text: str) -> list[tuple[str, str | None]]:
    return [(t["lead"], t["deadline"]) for t in extract_text(text, issued=None).to_contract()["tasks"]]


def leads(text: str) -> list[str]:
    return [lead for lead, _ in tasks(text)]


@pytest.mark.parametrize("text, expected", [
    # a Party committee of one place, and of a school
    ("Ban Thường vụ Huyện ủy đề nghị Đảng bộ xã Tân Lập, Chi bộ Trường Mầm non Hoa Sen chuẩn bị các điều kiện.",
     ["Đảng bộ xã Tân Lập", "Chi bộ Trường Mầm non Hoa Sen"]),
    ("Chi bộ thôn 3 tổ chức họp bàn kế hoạch làm đường.", ["Chi bộ thôn 3"]),
    # kinds of Party bodies, and the committee of each
    ("Các chi bộ, đảng bộ cơ sở tổ chức tuyên truyền sâu rộng Kết luận đến cán bộ, đảng viên.",
     ["Các chi bộ, đảng bộ cơ sở"]),
    ("Ban Thường vụ Huyện ủy đề nghị cấp ủy các chi bộ, đảng bộ cơ sở, Mặt trận và các đoàn thể huyện tổ chức "
     "tuyên truyền sâu rộng Kết luận đến cán bộ, đảng viên.",
     ["Cấp ủy các chi bộ, đảng bộ cơ sở", "Mặt trận", "Các đoàn thể huyện"]),
    # "cấp ủy, chính quyền các cấp" is one run of kinds, no committee of each
    ("Cấp ủy, chính quyền các cấp tăng cường lãnh đạo công tác phòng chống dịch.", ["Cấp ủy, chính quyền các cấp"]),
    # "ủy" said once for several kinds of place's committees
    ("Các huyện, thành, thị ủy, đảng ủy trực thuộc chỉ đạo một số đảng bộ cơ sở tổ chức đại hội điểm.",
     ["Các huyện, thành, thị ủy, đảng ủy trực thuộc"]),
    # the district's political school
    ("Ban Tuyên giáo Quận ủy, Trung tâm bồi dưỡng chính trị quận phối hợp mở lớp bồi dưỡng.",
     ["Ban Tuyên giáo Quận ủy", "Trung tâm bồi dưỡng chính trị quận"]),
    # a short occasion a demonstrative closes, without its comma
    ("Sau hội nghị này UBND các xã tiến hành gửi biên bản về Ủy ban bầu cử huyện.", ["UBND các xã"]),
])
def test_party_bodies_and_subjects(text, expected):
    assert leads(text) == expected


def test_each_of_a_kind_named_after_another_body_is_a_lead_of_its_own():
    text = ("Ban Thường vụ Tỉnh ủy sẽ chỉ đạo một số đảng bộ cấp huyện tiến hành đại hội điểm. Mỗi huyện, thành, "
            "thị ủy, đảng ủy trực thuộc chỉ đạo một số đảng bộ cơ sở tổ chức đại hội điểm hoàn thành trước 30/3/2020.")
    assert tasks(text)[-1] == ("Mỗi huyện, thành, thị ủy, đảng ủy trực thuộc", "2020-03-30")
    # "mỗi xã" after "UBND các xã" is each of them: the same task
    assert leads("UBND các xã rà soát các hộ dân. Mỗi xã lập danh sách gửi Phòng Nội vụ.") == ["UBND các xã"]
