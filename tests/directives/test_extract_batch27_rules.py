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


def test_an_annex_of_indicators_each_given_to_a_unit():
    text = """Kế hoạch phát triển kinh tế số.
TT | Chỉ tiêu | Chủ trì
I. Kinh tế số
1 | Kinh tế số chiếm 45% GRDP tỉnh. | Sở Tài chính
2 | Tỷ lệ doanh nghiệp có hoạt động đổi mới sáng tạo đạt tối thiểu 40%. | Sở Khoa học và Công nghệ
II. Xã hội số
3 | Tỷ trọng đào tạo STEM đạt 30%. | Sở Giáo dục và Đào tạo
"""
    # group rows without their bars stay inside the table; a title ending in "số" is no "Công văn số" waiting
    # for its number
    assert leads(text) == ["Sở Tài chính", "Sở Khoa học và Công nghệ", "Sở Giáo dục và Đào tạo"]


def test_items_under_lead_and_partner_heading_name_the_partners():
    text = """2.3. Công an tỉnh
a) Chủ trì, phối hợp với các đơn vị liên quan tham mưu Ủy ban nhân dân tỉnh thực hiện chức năng chủ quản.
b) Chủ trì, phối hợp
- Sở Tài chính và các đơn vị có liên quan tham mưu Ủy ban nhân dân tỉnh cân đối, bố trí ngân sách.
- Sở Xây dựng, Sở Tài chính tổ chức rà soát cơ sở vật chất của các cơ sở cai nghiện.
"""
    found = [(t["lead"], t["coordinators"]) for t in extract_text(text, issued=None).to_contract()["tasks"]]
    assert found == [("Công an tỉnh", ["các đơn vị liên quan"]), ("Công an tỉnh", ["Sở Tài chính"]),
                     ("Công an tỉnh", ["Sở Xây dựng", "Sở Tài chính"])]


@pytest.mark.parametrize("text, expected", [
    ("Các cơ sở y tế trong và ngoài công lập nghiêm túc triển khai thực hiện, báo cáo kết quả về Sở Y tế.",
     ["Các cơ sở y tế trong và ngoài công lập"]),
    ("Chủ tịch UBND các xã ven đầm Hoa Sen tăng cường công tác chỉ đạo nuôi trồng thủy sản.",
     ["Chủ tịch UBND các xã ven đầm Hoa Sen"]),
    ("Phòng Văn hóa & Thông tin và Đài truyền thanh thành phố tổ chức tuyên truyền phổ biến.",
     ["Phòng Văn hóa & Thông tin", "Đài truyền thanh thành phố"]),
])
def test_traits_and_local_media(text, expected):
    assert leads(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Giao Thủ trưởng các Vụ, Cục, đơn vị thuộc Bộ tiếp tục bám sát các chỉ đạo của Chính phủ.",
     ["Thủ trưởng các Vụ, Cục, đơn vị thuộc Bộ"]),
    ("Yêu cầu các đơn vị trong ngành Công Thương chủ động tăng cường công tác trực ban phòng chống thiên tai.",
     ["Các đơn vị trong ngành Công Thương"]),
    ("Cục Văn hóa các dân tộc Việt Nam chủ trì, phối hợp với các cơ quan liên quan tham mưu giải pháp bảo tồn.",
     ["Cục Văn hóa các dân tộc Việt Nam"]),
])
def test_a_ministrys_departments(text, expected):
    assert leads(text) == expected
