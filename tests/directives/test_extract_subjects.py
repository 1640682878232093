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


@pytest.mark.parametrize("text, expected", [
    ("Công chức chuyên môn chủ động thực hiện nhiệm vụ được giao.", ["Công chức chuyên môn"]),
    ("Giao Công chức Địa chính - Xây dựng kiểm tra hiện trạng sử dụng đất tại thôn Đồng Tâm.",
     ["Công chức Địa chính - Xây dựng"]),
    ("Công chức Tư pháp - Hộ tịch phối hợp với Công chức Văn hóa - Xã hội tuyên truyền pháp luật.",
     ["Công chức Tư pháp - Hộ tịch"]),
    ("Trưởng Công an xã chủ trì tuần tra, kiểm soát trên các tuyến đường liên thôn.", ["Trưởng Công an xã"]),
    ("Bộ phận chuyên môn rà soát hồ sơ, trình Chủ tịch UBND xã trước ngày 15/3/2026.", ["Bộ phận chuyên môn"]),
    ("Đề nghị các bộ phận chuyên môn, đơn vị thuộc thẩm quyền quản lý rà soát hồ sơ đất đai.",
     ["Các bộ phận chuyên môn, đơn vị thuộc thẩm quyền quản lý"]),
    ("Các chuyên môn thuộc UBND xã cập nhật số liệu hộ nghèo.", ["Các chuyên môn thuộc UBND xã"]),
])
def test_a_communes_officials_by_their_post_lead(text, expected):
    assert [lead for lead, _, _ in tasks(text)] == expected


def test_a_partner_named_by_post():
    assert tasks("Giao Công chức Văn hóa - Xã hội chủ trì, phối hợp với Công chức Tư pháp - Hộ tịch tuyên truyền.") \
        == [("Công chức Văn hóa - Xã hội", ["Công chức Tư pháp - Hộ tịch"], None)]


@pytest.mark.parametrize("text", [
    "Công chức cấp xã được bồi dưỡng kiến thức quản lý nhà nước trong năm 2026.",
    "Cán bộ, công chức xã đã hoàn thành tốt nhiệm vụ năm 2025.",
])
def test_officials_in_a_statement_are_no_lead(text):
    assert tasks(text) == []


@pytest.mark.parametrize("text, expected", [
    ("Đồng chí Chủ tịch UBND xã đã thống nhất, chỉ đạo các bộ phận chuyên môn chủ động rà soát hộ nghèo.",
     ["Các bộ phận chuyên môn"]),
    ("Giám đốc Sở Y tế chỉ đạo Trung tâm Kiểm soát bệnh tật tỉnh giám sát chặt chẽ dịch bệnh.",
     ["Trung tâm Kiểm soát bệnh tật tỉnh"]),
    # a unit directing those under it keeps the work, and so do the heads of many units
    ("Sở Y tế chỉ đạo các bệnh viện trực thuộc bảo đảm thuốc, vật tư.", ["Sở Y tế"]),
    ("Chủ tịch UBND các xã chỉ đạo các thôn ra quân làm vệ sinh môi trường.", ["Chủ tịch UBND các xã"]),
    # the chair directs without naming who acts: nobody is handed the work
    ("Chủ tịch UBND huyện chỉ đạo tăng cường kiểm tra trật tự xây dựng.", ["Chủ tịch UBND huyện"]),
])
def test_one_head_directing_units_hands_them_the_work(text, expected):
    assert [lead for lead, _, _ in tasks(text)] == expected


def test_the_chairs_direction_after_what_was_said_at_the_meeting():
    text = ("Tại hội nghị, các bộ phận chuyên môn đã báo cáo tình hình thực hiện nhiệm vụ. Đồng chí Chủ tịch UBND "
            "xã chỉ đạo Công an xã tăng cường tuần tra. Công chức Địa chính - Xây dựng kiểm tra các công trình "
            "xây dựng trái phép.")
    assert [lead for lead, _, _ in tasks(text)] == ["Công an xã", "Công chức Địa chính - Xây dựng"]


def test_what_was_said_at_the_meeting_is_no_task():
    text = "Tại hội nghị, Phòng Kinh tế báo cáo kết quả thu ngân sách; Công an xã báo cáo tình hình an ninh."
    assert tasks(text) == []


@pytest.mark.parametrize("text, expected", [
    ("Nhằm bảo đảm sức khỏe cho học sinh, sinh viên và cán bộ, giáo viên, nhân viên của các đơn vị, trường học, "
     "Sở Giáo dục và Đào tạo đề nghị UBND các xã, phường rà soát lịch học ngoài trời.", ["UBND các xã, phường"]),
    ("Để chuẩn bị tốt cho mùa mưa bão, lũ quét, sạt lở đất, ngập úng, triều cường, UBND huyện yêu cầu Phòng "
     "Nông nghiệp và Môi trường kiểm tra các hồ đập.", ["Phòng Nông nghiệp và Môi trường"]),
])
def test_a_long_introduction_ends_where_a_unit_hands_the_work_on(text, expected):
    assert [lead for lead, _, _ in tasks(text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("Trường hợp chất lượng không khí xấu, các đơn vị, trường học chủ động điều chỉnh giờ học.",
     ["Các đơn vị, trường học"]),
    ("Đề nghị các đơn vị, cơ sở giáo dục trực thuộc cập nhật chỉ số chất lượng không khí.",
     ["Các đơn vị, cơ sở giáo dục trực thuộc"]),
    ("Các cơ quan, bệnh viện trực thuộc Sở Y tế bảo đảm thuốc, vật tư y tế.",
     ["Các cơ quan, bệnh viện trực thuộc Sở Y tế"]),
])
def test_kinds_of_bodies_after_one_cac_are_one_group(text, expected):
    assert [lead for lead, _, _ in tasks(text)] == expected


def test_bodies_that_are_the_object_of_an_introduction_lead_nothing():
    text = ("Để thực hiện đúng kế hoạch kiểm tra các thôn, tổ dân phố, các cơ quan, đơn vị, trường học đạt chuẩn văn "
            "hóa năm 2026, Phòng Văn hóa và Thông tin đã ban hành văn bản đôn đốc.")
    assert tasks(text) == []


def test_a_section_of_principles_assigns_nothing():
    text = ("Để triển khai kịp thời, thống nhất, đồng bộ, hiệu quả, Chủ tịch UBND tỉnh yêu cầu các sở, ngành, địa "
            "phương thực hiện các nhiệm vụ sau:\n\nI. NGUYÊN TẮC SẮP XẾP\n\n1. Việc sắp xếp phải bảo đảm ổn định.\n\n"
            "II. NHIỆM VỤ CỤ THỂ\n\n1. Sở Nội vụ hướng dẫn các địa phương thực hiện.")
    assert [lead for lead, _, _ in tasks(text)] == ["Sở Nội vụ"]


@pytest.mark.parametrize("text, expected", [
    ("Các phòng, ban chuyên môn huyện, trên cơ sở chức năng nhiệm vụ được giao, tích cực tham mưu UBND huyện.",
     ("Các phòng, ban chuyên môn huyện", "Tích cực tham mưu UBND huyện")),
    ("Sở Tài chính, căn cứ dự toán được giao, bố trí kinh phí cho các xã.",
     ("Sở Tài chính", "Bố trí kinh phí cho các xã")),
])
def test_a_subject_then_the_basis_it_acts_on_then_its_verb(text, expected):
    found = [(t.lead, t.summary) for t in extract_text(HEAD + text).tasks]
    assert found == [expected]


def test_a_subject_then_a_comma_and_a_preposition_is_no_subject():
    assert tasks("Các xã, trên địa bàn huyện có nhiều công trình đang thi công.") == []


def test_a_heading_that_hands_work_to_units_leads_its_bullets():
    text = ("1. Giao người đứng đầu các cơ quan chuyên môn, cơ quan hành chính khác, các đơn vị sự nghiệp công lập "
            "trực thuộc UBND tỉnh; Chủ tịch UBND các xã, phường\n\n"
            "- Cập nhật cơ sở dữ liệu cán bộ, công chức trước ngày 15/4/2026.\n\n"
            "- Chịu trách nhiệm về tính chính xác của dữ liệu.\n\n"
            "2. Giao Sở Nội vụ\n\n- Hướng dẫn, theo dõi tiến độ cập nhật.\n\n"
            "- Phối hợp với Trung tâm Chuyển đổi số tỉnh bảo đảm hạ tầng.")
    heads = ("Người đứng đầu các cơ quan chuyên môn, cơ quan hành chính khác, các đơn vị sự nghiệp công lập trực thuộc "
             "UBND tỉnh")
    assert tasks(text) == [
        (heads, [], date(2026, 4, 15)), ("Chủ tịch UBND các xã, phường", [], date(2026, 4, 15)),
        ("Sở Nội vụ", [], None), ("Sở Nội vụ", ["Trung tâm Chuyển đổi số tỉnh"], None)]


@pytest.mark.parametrize("text, expected", [
    # a heading over bullets whose lead holds a verb of its own is a task, and so are its bullets
    ("2. Sở Y tế chủ trì, phối hợp với Sở Tài chính:\n\n- Rà soát trang thiết bị.", [("Sở Y tế", ["Sở Tài chính"])]),
    # a unit's duty opening with "chịu trách nhiệm" + an action is still a task
    ("1. Giao Sở Xây dựng\n\n- Chịu trách nhiệm chủ trì kiểm tra chất lượng công trình.", [("Sở Xây dựng", [])]),
    ("1. Giao Giám đốc Sở Xây dựng\n\n- Chịu trách nhiệm thực hiện kiểm tra chất lượng công trình.",
     [("Giám đốc Sở Xây dựng", [])]),
])
def test_bullets_under_a_lead_heading(text, expected):
    assert [(lead, coordinators) for lead, coordinators, _ in tasks(text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("Cơ quan, đơn vị trường học báo cáo kết quả trước ngày 10/4/2026.", [("Cơ quan, đơn vị trường học", date(2026, 4, 10))]),
    ("Cơ quan chức năng tăng cường kiểm tra các cơ sở kinh doanh.", [("Cơ quan chức năng", None)]),
    # one plain noun opening a sentence names nobody
    ("Đơn vị báo cáo kết quả trước ngày 10/4/2026.", []),
    ("Cơ quan chức năng đã xử lý 12 vụ vi phạm.", []),
])
def test_kinds_of_bodies_without_cac_opening_a_sentence(text, expected):
    assert [(lead, deadline) for lead, _, deadline in tasks(text)] == expected


def test_a_preamble_that_hands_the_numbered_items_to_units():
    text = ("Triển khai Công điện của Thủ tướng Chính phủ, Bộ Xây dựng yêu cầu các cơ quan, đơn vị:\n\n"
            "1. Quán triệt Công điện; bố trí lực lượng trực ban 24/24 giờ.\n\n2. Cục Đường bộ chỉ đạo các đơn vị trực ban.")
    assert [lead for lead, _, _ in tasks(text)] == ["Các cơ quan, đơn vị", "Cục Đường bộ"]


@pytest.mark.parametrize("text, expected", [
    ("Chủ tịch Ủy ban nhân dân các tỉnh: Hòa An, Tân Lập tiếp tục huy động lực lượng cứu hộ.",
     ["Chủ tịch Ủy ban nhân dân các tỉnh: Hòa An, Tân Lập"]),
    ("Giám đốc Sở Y tế các tỉnh: Hòa An, Tân Lập bảo đảm thuốc.", ["Giám đốc Sở Y tế các tỉnh: Hòa An, Tân Lập"]),
])
def test_the_head_of_a_body_in_each_place_named_is_one_lead(text, expected):
    assert [lead for lead, _, _ in tasks(text)] == expected


def test_accountability_then_a_duty_is_a_task():
    text = ("2. Chủ tịch UBND các xã:\n\n- Chịu trách nhiệm toàn diện trước Chủ tịch UBND huyện về công tác phòng, "
            "chống thiên tai, chủ động chỉ đạo sơ tán dân.\n\n- Chịu trách nhiệm trước pháp luật về số liệu báo cáo.")
    assert [lead for lead, _, _ in tasks(text)] == ["Chủ tịch UBND các xã"]


@pytest.mark.parametrize("text, expected", [
    ("Cục Kết cấu hạ tầng xây dựng tham mưu việc chỉ đạo các địa phương.", ["Cục Kết cấu hạ tầng xây dựng"]),
    ("Cục Kinh tế - Quản lý đầu tư xây dựng chỉ đạo các chủ đầu tư rà soát công trường.",
     ["Cục Kinh tế - Quản lý đầu tư xây dựng"]),
])
def test_a_known_department_whose_name_ends_like_a_verb(text, expected):
    assert [lead for lead, _, _ in tasks(text)] == expected


def test_a_paragraph_that_only_says_when_dates_the_bullet_above():
    text = ("3. Giao UBND các xã\n\n- Phối hợp rà soát dữ liệu số nhà.\n\n- Tổ chức cập nhật, làm sạch dữ liệu số nhà.\n\n"
            "Thời gian hoàn thành trước ngày 31 tháng 12 năm 2026.\n\n4. Giao Sở Xây dựng\n\n"
            "Theo dõi, đôn đốc các xã cập nhật dữ liệu.")
    assert [(lead, deadline) for lead, _, deadline in tasks(text)] == [
        ("UBND các xã", None), ("UBND các xã", date(2026, 12, 31)), ("Sở Xây dựng", None)]


@pytest.mark.parametrize("text, expected", [
    # the heads of every ministry are a lead of their own, even closing a list
    ("Chủ tịch UBND tỉnh Hòa An và lãnh đạo các Bộ, ngành tiếp tục tập trung chỉ đạo ứng phó mưa lũ.",
     ["Chủ tịch UBND tỉnh Hòa An", "Lãnh đạo các Bộ, ngành"]),
    # the heads of those concerned name nobody in particular: dropped after a named lead
    ("Giám đốc Sở Y tế và thủ trưởng các cơ quan liên quan kiểm tra an toàn thực phẩm.", ["Giám đốc Sở Y tế"]),
])
def test_the_heads_of_a_kind_of_body(text, expected):
    assert [lead for lead, _, _ in tasks(text)] == expected


@pytest.mark.parametrize("sentence, lead", [
    # the leaders named with the staff of an office are one group handed the work
    ("Chánh Văn phòng UBND tỉnh yêu cầu lãnh đạo, công chức, viên chức và người lao động Văn phòng UBND tỉnh "
     "tập trung rà soát các nhiệm vụ.", "Lãnh đạo, công chức, viên chức và người lao động Văn phòng UBND tỉnh"),
    ("Đề nghị lãnh đạo và cán bộ Phòng Tư pháp huyện rà soát hồ sơ.", "Lãnh đạo và cán bộ Phòng Tư pháp huyện"),
    ("Giám đốc Sở yêu cầu cán bộ, công chức Văn phòng Sở khẩn trương rà soát hồ sơ.",
     "Cán bộ, công chức Văn phòng Sở"),
    # staff named by what they are in charge of
    ("Chủ tịch UBND xã yêu cầu cán bộ phụ trách các thôn tăng cường công tác tuyên truyền.",
     "Cán bộ phụ trách các thôn"),
    ("Đề nghị cán bộ phụ trách các tổ dân phố rà soát danh sách hộ nghèo.", "Cán bộ phụ trách các tổ dân phố"),
    ("Giám đốc Sở yêu cầu công chức phụ trách địa bàn kiểm tra các cơ sở kinh doanh.",
     "Công chức phụ trách địa bàn"),
    # the handing verb after a verb of the speaker's own and "và"
    ("Tại cuộc họp, Chủ tịch UBND xã quán triệt và chỉ đạo các cán bộ, công chức phụ trách các thôn tăng cường "
     "công tác tuyên truyền.", "Các cán bộ, công chức phụ trách các thôn"),
    ("Sở Công Thương kiểm tra và yêu cầu Công ty Điện lực khắc phục sự cố.", "Công ty Điện lực"),
    # negatives: staff put on duty, a unit that directs its own bodies, the heads of bodies
    ("UBND các xã phân công lãnh đạo, nhân viên trực tại trụ sở.", "UBND các xã"),
    ("Sở Y tế kiểm tra và chỉ đạo các bệnh viện tăng cường trực cấp cứu.", "Sở Y tế"),
    ("UBND tỉnh yêu cầu lãnh đạo các sở, ban, ngành rà soát hồ sơ.", "Lãnh đạo các sở, ban, ngành"),
])
def test_staff_and_leaders_handed_work(sentence, lead):
    (task,) = extract_text(sentence, issued=date(2026, 3, 10)).tasks
    assert task.lead == lead


@pytest.mark.parametrize("sentence, lead", [
    # the speaker's words announce the work; the handing verb after the colon names who does it
    ("Chủ tịch UBND huyện kết luận: yêu cầu Phòng Nội vụ rà soát hồ sơ.", "Phòng Nội vụ"),
    ("Giám đốc Sở Y tế chỉ đạo: giao Bệnh viện Đa khoa tỉnh chuẩn bị phương án tiếp nhận bệnh nhân.",
     "Bệnh viện Đa khoa tỉnh"),
    ("Chủ tịch UBND tỉnh nhấn mạnh ba việc cần làm ngay: đề nghị Sở Tài chính bố trí kinh phí.", "Sở Tài chính"),
    # negative: what an inspection found is no handing
    ("Sở Tư pháp kết luận thanh tra: Phòng Công chứng số 1 vi phạm quy định.", "Sở Tư pháp"),
])
def test_handing_after_the_speakers_colon(sentence, lead):
    (task,) = extract_text(sentence, issued=date(2026, 3, 10)).tasks
    assert task.lead == lead


@pytest.mark.parametrize("sentence, lead", [
    # the issuer naming itself by its kind alone hands the work to the unit after the verb
    ("Để chính thức ban hành quy chế, Nhà trường giao cho Phòng Hành chính Tổng hợp tổ chức xin ý kiến.",
     "Phòng Hành chính Tổng hợp"),
    ("Sở yêu cầu Phòng Quản lý hành nghề tổ chức kiểm tra.", "Phòng Quản lý hành nghề"),
    ("Bộ giao Cục Quản lý dược tổ chức lấy ý kiến.", "Cục Quản lý dược"),
    ("Học viện đề nghị các đơn vị gửi báo cáo trước ngày 20/3/2026.", "Các đơn vị"),
    ("Công ty giao Phòng Kỹ thuật kiểm tra thiết bị.", "Phòng Kỹ thuật"),
    ("Ban Giám hiệu giao Phòng Đào tạo xây dựng thời khóa biểu.", "Phòng Đào tạo"),
    # negative: a name whose second word looks like the verb ("Sở Giao thông vận tải")
    ("Sở Giao thông vận tải phối hợp với Công an tỉnh tổ chức tiếp nhận công dân.", "Sở Giao thông vận tải"),
])
def test_issuer_by_its_kind_hands_work(sentence, lead):
    (task,) = extract_text(sentence, issued=date(2026, 3, 10)).tasks
    assert task.lead == lead


def test_issuer_by_its_kind_without_handing_is_no_task():
    assert extract_text("Nhà trường đã tổ chức lễ khai giảng năm học mới.").tasks == []


@pytest.mark.parametrize("sentence, lead", [
    # a discourse adverb opening the sentence without its comma: the subject comes right after it
    ("Đặc biệt các xã tiếp tục phối hợp với các phòng chuyên môn giải phóng mặt bằng.", "Các xã"),
    ("Ngoài ra Phòng Tài chính - Kế hoạch bố trí kinh phí cho các thôn.", "Phòng Tài chính - Kế hoạch"),
    ("Bên cạnh đó Sở Công Thương tăng cường kiểm tra thị trường.", "Sở Công Thương"),
])
def test_a_subject_right_after_an_opening_adverb(sentence, lead):
    (task,) = extract_text(sentence, issued=date(2026, 3, 10)).tasks
    assert task.lead == lead


def test_an_opening_adverb_before_a_verb_names_no_subject():
    text = "Sở Y tế tăng cường giám sát dịch bệnh. Đồng thời chuẩn bị đủ thuốc, vật tư."
    assert [t.lead for t in extract_text(text, issued=date(2026, 3, 10)).tasks] == ["Sở Y tế"]


@pytest.mark.parametrize("text, expected", [
    # an office's posts as the plain subject of its own plan's work
    ("Các chuyên viên khác thực hiện các nhiệm vụ được Thường trực phân công.", ["Các chuyên viên khác"]),
    ("Kế toán lập dự toán kinh phí tổ chức hội nghị, trình Thường trực phê duyệt.", ["Kế toán"]),
    # staff of every kind as a plain subject state a duty of discipline, no task
    ("Cán bộ, công chức xã thực hiện nghiêm giờ làm việc.", []),
])
def test_an_offices_posts_lead_its_plan(text, expected):
    assert [lead for lead, _, _ in tasks(text)] == expected


# --- kinds of enterprise a directive addresses, opening the sentence -----------------------------

@pytest.mark.parametrize("text, expected", [
    ("Các doanh nghiệp viễn thông bảo đảm thông tin liên lạc thông suốt trong mùa mưa bão.",
     [("Các doanh nghiệp viễn thông", [], None)]),
    ("Các doanh nghiệp, hộ kinh doanh thực hiện kê khai thuế đúng hạn.",
     [("Các doanh nghiệp", [], None), ("Hộ kinh doanh", [], None)]),
    ("Các doanh nghiệp kinh doanh xăng dầu bảo đảm nguồn cung, báo cáo Sở Công Thương trước ngày 15/3/2026.",
     [("Các doanh nghiệp kinh doanh xăng dầu", [], date(2026, 3, 15))]),
])
def test_kinds_of_enterprise_addressed_lead(text, expected):
    assert tasks(text) == expected


@pytest.mark.parametrize("text", [
    # what the law binds them to
    "Các doanh nghiệp phải chấp hành nghiêm quy định về phòng cháy, chữa cháy.",
    # everyone the law binds, state bodies first
    "Các cơ quan, tổ chức, doanh nghiệp thực hiện các quy định của Nhà nước về quản lý phát thải.",
])
def test_enterprises_bound_by_the_law_lead_nothing(text):
    assert not any(lead.startswith(("Các doanh nghiệp", "Doanh nghiệp")) for lead, _, _ in tasks(text))


@pytest.mark.parametrize("text, expected", [
    ("Đối với các hồ sơ tồn đọng, cơ quan tiếp nhận có trách nhiệm giải quyết dứt điểm trước ngày 30/6/2026.",
     [("Cơ quan tiếp nhận", [], date(2026, 6, 30))]),
    ("Đơn vị đầu mối tổng hợp kết quả, báo cáo Ủy ban nhân dân tỉnh.", [("Đơn vị đầu mối", [], None)]),
    # the part a named unit plays, then its work: the unit leads
    ("Sở Tư pháp là cơ quan đầu mối, chủ trì theo dõi việc thực hiện.", [("Sở Tư pháp", [], None)]),
])
def test_bodies_named_by_their_part_in_a_procedure(text, expected):
    assert tasks(text) == expected


@pytest.mark.parametrize("text, expected", [
    # forces named by their field lead
    ("Đồng thời, lực lượng quản lý thị trường tăng cường phòng, chống buôn lậu, gian lận thương mại.",
     [("Lực lượng quản lý thị trường", [], None)]),
    ("Lực lượng dân quân tự vệ sẵn sàng ứng cứu khi có tình huống.", [("Lực lượng dân quân tự vệ", [], None)]),
    # a partner's part said in brackets does not end the list of partners
    ("Giao Sở Nội vụ chủ trì, phối hợp với Sở Tài chính (trong việc tổng hợp chỉ số PCI), Trung tâm Phục vụ hành "
     "chính công tỉnh và các cơ quan liên quan xây dựng báo cáo.",
     [("Sở Nội vụ", ["Sở Tài chính", "Trung tâm Phục vụ hành chính công tỉnh"], None)]),
    # the period an aim is to be met in is no deadline of the work
    ("Sở Nội vụ đề xuất nhiệm vụ, giải pháp cụ thể để cải thiện, nâng cao chỉ số trong năm 2026.",
     [("Sở Nội vụ", [], None)]),
    ("Sở Nội vụ hoàn thành việc sửa chữa trụ sở trong năm 2026 để nâng cao chất lượng phục vụ.",
     [("Sở Nội vụ", [], date(2026, 12, 31))]),
])
def test_forces_bracketed_remarks_and_aims(text, expected):
    assert tasks(text) == expected
