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


@pytest.mark.parametrize("text, expected", [
    # a kind of body in capitals, then a colon and the proper names: one body per name, the head before each
    ("Các Bộ, cơ quan liên quan và các Tập đoàn: Điện lực Việt Nam, Bưu chính viễn thông Việt Nam theo chức năng, "
     "nhiệm vụ, rà soát nguồn điện dự phòng.",
     [("Các Bộ, cơ quan liên quan", []), ("Tập đoàn Điện lực Việt Nam", []),
      ("Tập đoàn Bưu chính viễn thông Việt Nam", [])]),
    ("Giao các Bệnh viện: Đa khoa tỉnh, Y dược cổ truyền tỉnh tổ chức khám sàng lọc cho người cao tuổi.",
     [("Bệnh viện Đa khoa tỉnh", []), ("Bệnh viện Y dược cổ truyền tỉnh", [])]),
    # a level's committee over the places a colon lists stays one group
    ("Giao UBND các phường: Hòa An, Tân Lập rà soát hộ nghèo.", [("UBND các phường: Hòa An, Tân Lập", [])]),
    # … where a later place repeats its level word, after the ministries a colon lists
    ("1. Các Bộ: Tài chính, Xây dựng và Ủy ban nhân dân các tỉnh: Cao Bằng, tỉnh Lạng Sơn xem xét kiến nghị của "
     "doanh nghiệp.", [("Bộ Tài chính", []), ("Bộ Xây dựng", []), ("Ủy ban nhân dân các tỉnh: Cao Bằng, tỉnh Lạng Sơn", [])]),
    ("Giao UBND các thành phố: Hải Phòng, thành phố Đà Nẵng báo cáo tiến độ dự án.",
     [("UBND các thành phố: Hải Phòng, thành phố Đà Nẵng", [])]),
    # without a colon a later level word starts the next unit's place, as before
    ("Phòng Tài nguyên và Môi trường phối hợp với UBND xã Tân An, Bình Lợi, thị trấn Phú Mỹ kiểm tra bãi rác.",
     [("Phòng Tài nguyên và Môi trường", ["UBND xã Tân An, Bình Lợi, thị trấn Phú Mỹ"])]),
])
def test_a_kind_in_capitals_over_the_names_a_colon_lists(text, expected):
    assert leads(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the province (city) a Government letter is about, its level in capitals for its name
    ("Các Bộ, cơ quan trao đổi, phối hợp chặt chẽ với Tỉnh để xử lý các kiến nghị.", [("Các Bộ, cơ quan", ["Tỉnh"])]),
    ("Bộ Công Thương phối hợp chặt chẽ với Thành phố tháo gỡ vướng mắc của dự án.",
     [("Bộ Công Thương", ["Thành phố"])]),
    # in lowercase it is a place, no partner
    ("Sở Y tế phối hợp với tỉnh bạn để trao đổi thông tin dịch bệnh.", [("Sở Y tế", [])]),
])
def test_the_province_in_capitals_is_a_partner(text, expected):
    assert leads(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a city's districts and wards known by their numbers keep them in the name
    ("Giao UBND quận 7 chủ trì, phối hợp với Công an quận 7 và UBND phường 3 rà soát các hẻm ngập nước.",
     [("UBND quận 7", ["Công an quận 7", "UBND phường 3"])]),
    ("Công ty Dịch vụ Công ích quận 10 thu gom rác tại các chợ trước ngày 30/12/2026.",
     [("Công ty Dịch vụ Công ích quận 10", [])]),
    # a number after another word is no part of the name
    ("Sở Xây dựng rà soát 12 công trình trọng điểm.", [("Sở Xây dựng", [])]),
])
def test_a_numbered_district_or_ward_keeps_its_number(text, expected):
    assert leads(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the holders of a post in the plural, the post in capitals with its body, lead
    ("Giao các Phó Thủ tướng Chính phủ theo nhiệm vụ được phân công kiểm tra, đôn đốc các Bộ thực hiện Chỉ thị này.",
     [("Các Phó Thủ tướng Chính phủ", [])]),
    ("Các Thứ trưởng Bộ Nội vụ theo lĩnh vực được phân công chỉ đạo các Vụ triển khai.",
     [("Các Thứ trưởng Bộ Nội vụ", [])]),
    # the post in lowercase is a plain noun phrase, no lead
    ("Lịch làm việc của các phó thủ trưởng được công khai trên cổng thông tin.", []),
])
def test_the_holders_of_a_post_in_the_plural_lead(text, expected):
    assert leads(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a count of places stands for "các": the committee of each of them
    ("UBND quận chủ trì, phối hợp với UBND 11 phường rà soát các tuyến phố cần chỉnh trang.",
     [("UBND quận", ["UBND 11 phường"])]),
    ("Giao UBND 05 xã biên giới tổ chức tuần tra, kiểm soát các đường mòn.", [("UBND 05 xã biên giới", [])]),
    # a body's own number is no count
    ("Chi cục Thuế khu vực 5 rà soát các hộ kinh doanh nợ thuế.", [("Chi cục Thuế khu vực 5", [])]),
])
def test_a_count_of_places_names_their_committees(text, expected):
    assert leads(text) == expected


@pytest.mark.parametrize("text, expected", [
    # nouns that open with a kind of unit's word name no unit: the cases, the meetings
    ("Giao Chủ tịch UBND các xã ban hành quyết định cách ly đối với các trường hợp F1; yêu cầu các trường hợp F2 "
     "ở tại nhà, tự theo dõi sức khỏe.", [("Chủ tịch UBND các xã", [])]),
    ("Sở Y tế hướng dẫn các hội nghị, hội thảo bảo đảm an toàn phòng dịch.", [("Sở Y tế", [])]),
    # the kinds of unit themselves still lead
    ("Đề nghị các trường học tổ chức tiêm chủng cho học sinh.", [("Các trường học", [])]),
])
def test_a_case_or_a_meeting_is_no_unit(text, expected):
    assert leads(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a town's or district's youth union by its short name
    ("Thị đoàn phối hợp với UBND phường Bắc Hà chuẩn bị bài tuyên truyền.", [("Thị đoàn", ["UBND phường Bắc Hà"])]),
    ("Quận đoàn chủ trì tổ chức ra quân làm sạch kênh rạch.", [("Quận đoàn", [])]),
    # "mỗi đơn vị" after a list of bodies says how much each gives; it is no part of the last name
    ("Ban quản lý chợ, Trung tâm y tế dự phòng mỗi đơn vị cử 2 cán bộ tham gia đoàn kiểm tra.",
     [("Ban quản lý chợ", []), ("Trung tâm y tế dự phòng", [])]),
])
def test_short_names_and_each_units_share(text, expected):
    assert leads(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a national body named by its trade in plain words, then the country
    ("Giao Bộ Công Thương chủ trì, phối hợp với Hiệp hội cà phê Việt Nam xây dựng Đề án phát triển thương hiệu.",
     [("Bộ Công Thương", ["Hiệp hội cà phê Việt Nam"])]),
    ("Viện Năng lượng nguyên tử Việt Nam chủ trì đánh giá an toàn bức xạ.", [("Viện Năng lượng nguyên tử Việt Nam", [])]),
    # a charter issued with a decision is cited, in the passive: no lead
    ("Căn cứ Luật Công chứng, Điều lệ Hiệp hội công chứng Việt Nam ban hành kèm theo Quyết định số 12/QĐ-BTP, "
     "UBND tỉnh chỉ đạo Hội Công chứng viên tỉnh xây dựng Đề án.", [("UBND tỉnh", [])]),
])
def test_a_national_body_named_by_its_trade(text, expected):
    assert leads(text) == expected
