"""Rules learned from batches 36 and 37 after their single runs on the engines they were labelled after (a
district's Covid letter, the Government Office's letters to the heads of bodies). Bodies, places and people
below are invented or generic."""
from __future__ import annotations

from extracted import tasks


def test_heads_of_kinds_in_lowercase_and_a_health_station_in_each_commune_are_handed_the_work():
    text = ("UBND HUYỆN XA\n"
            "Chủ tịch UBND huyện yêu cầu thủ trưởng cơ quan, đơn vị trên địa bàn huyện; chủ tịch UBND các xã, "
            "thị trấn quán triệt thực hiện nghiêm một số biện pháp cấp bách sau:\n"
            "1. Thực hiện nghiêm việc cách ly toàn xã hội trong vòng 15 ngày.\n"
            "2. Trung tâm Y tế, các bệnh viện đa khoa tư nhân, trạm y tế các xã, thị trấn thực hiện nghiêm "
            "quy trình khám, chữa bệnh.\n")
    assert [(lead, summary[:20]) for lead, _, _, summary in tasks(text)] == [
        ("Thủ trưởng cơ quan, đơn vị trên địa bàn huyện", "Thực hiện nghiêm việ"),
        ("Chủ tịch UBND các xã, thị trấn", "Thực hiện nghiêm việ"),
        ("Trung tâm Y tế", "Thực hiện nghiêm quy"),
        ("Các bệnh viện đa khoa tư nhân", "Thực hiện nghiêm quy"),
        ("Trạm y tế các xã, thị trấn", "Thực hiện nghiêm quy"),
    ]


def test_staff_put_on_duty_stay_no_lead():
    text = "UBND các xã phân công lãnh đạo, công chức trực bảo đảm thông suốt.\n"
    assert [lead for lead, *_ in tasks(text)] == ["UBND các xã"]


LETTER_TO_HEADS = """VĂN PHÒNG CHÍNH PHỦ
Số: 100/VPCP-XA
Hà Nội, ngày 02 tháng 3 năm 2026
Kính gửi:
- Các đồng chí Bộ trưởng, Thủ trưởng cơ quan ngang bộ;
- Các đồng chí Tổng giám đốc: Ngân hàng Xa, Bảo hiểm xã hội Việt Nam.
- Các đồng chí Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương.
Văn phòng Chính phủ đề nghị các đồng chí chỉ đạo rà soát thủ tục hành chính, báo cáo trước ngày 20/4/2026.
Nơi nhận:
- Như trên;
- Lưu: VT.
"""


def test_the_comrades_a_letter_asks_are_the_heads_it_is_sent_to():
    assert [(lead, deadline) for lead, _, deadline, _ in tasks(LETTER_TO_HEADS)] == [
        ("Bộ trưởng", "2026-04-20"),
        ("Thủ trưởng cơ quan ngang bộ", "2026-04-20"),
        ("Tổng giám đốc Ngân hàng Xa", "2026-04-20"),
        ("Tổng giám đốc Bảo hiểm xã hội Việt Nam", "2026-04-20"),
        ("Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương", "2026-04-20"),
    ]


def test_the_comrades_stay_as_written_when_the_letter_is_sent_to_no_one_named():
    text = LETTER_TO_HEADS.replace("Kính gửi:\n", "Kính gửi: Xa\n").split("- Các đồng chí Bộ")[0] + \
        "Văn phòng Chính phủ đề nghị các đồng chí chỉ đạo rà soát thủ tục hành chính.\n"
    assert [lead for lead, *_ in tasks(text)] == ["Các đồng chí"]


def test_a_district_letter_hands_work_to_its_radio_and_asks_the_front_the_same():
    text = ("UBND huyện giao Công an huyện, Đội Thanh tra giao thông, Đài Truyền thanh, Chủ tịch Ủy ban nhân dân "
            "các xã, thị trấn và đề nghị Ủy ban Mặt trận Tổ quốc, các đoàn thể huyện theo chức năng, nhiệm vụ "
            "của ngành, địa phương tăng cường tuyên truyền, vận động người dân thực hiện.\n")
    assert [(lead, summary) for lead, _, _, summary in tasks(text)] == [
        (lead, "Tăng cường tuyên truyền, vận động người dân thực hiện") for lead in (
            "Công an huyện", "Đội Thanh tra giao thông", "Đài Truyền thanh",
            "Chủ tịch Ủy ban nhân dân các xã, thị trấn", "Ủy ban Mặt trận Tổ quốc", "Các đoàn thể huyện")]


def test_communes_and_wards_without_a_comma_and_the_mass_organisations_of_a_city():
    text = ("Chủ tịch UBND thành phố phân công: Ủy ban nhân dân các xã phường, Đội quản lý trật tự đô thị, "
            "Công an thành phố và các tổ chức chính trị – xã hội thành phố tổ chức thực hiện giải tỏa "
            "hành lang an toàn giao thông trước ngày 15/02/2027.\n")
    assert [(lead, deadline) for lead, _, deadline, _ in tasks(text)] == [
        ("Ủy ban nhân dân các xã phường", "2027-02-15"), ("Đội quản lý trật tự đô thị", "2027-02-15"),
        ("Công an thành phố", "2027-02-15"), ("Các tổ chức chính trị – xã hội thành phố", "2027-02-15")]


def test_asked_after_and_in_a_subject_list_is_no_partner():
    # "phối hợp với A và đề nghị …" would be another sentence's work: partners never continue that way
    text = "Sở Xa chủ trì, phối hợp với Sở Ya và đề nghị Hội Za hỗ trợ tổ chức hội nghị.\n"
    got = tasks(text)
    assert got[0][0] == "Sở Xa"


def test_a_portals_title_case_roman_numerals_open_sections():
    from directives.normalize import paragraphs
    from directives.structure import build
    lines = paragraphs("I. Về quản lý sông\n1. Giao Sở Xa kiểm tra.\nIi. về công tác báo cáo\n"
                       "1. Giao Sở Ya báo cáo.\nIv. hiệu lực thi hành\n")
    assert [(b.kind, b.marker) for b in build(lines) if b.kind == "roman"] == [("roman", "I"), ("roman", "II"),
                                                                              ("roman", "IV")]


def test_rules_a_paragraph_lists_after_its_colon_are_no_work():
    text = """UBND THÀNH PHỐ XA
I. Về quản lý
Ủy ban nhân dân thành phố yêu cầu Thủ trưởng các sở, Chủ tịch UBND các quận thực hiện các nội dung sau:
1. Về hoạt động tại bến:
Mọi hoạt động tại bến trên địa bàn thành phố phải tuân thủ quy định pháp luật và những quy định cụ thể sau đây:
a) Số lượng phao cứu sinh trên phương tiện:
Tất cả phương tiện phải được trang bị đầy đủ phương tiện cứu sinh.
b) Đối với bến:
- Nghiêm cấm các loại phương tiện neo đậu trong phạm vi bến.
2. Sở Giao thông vận tải có trách nhiệm tuyên truyền các quy định.
"""
    assert [lead for lead, *_ in tasks(text)] == ["Sở Giao thông vận tải"]


def test_departments_by_the_field_they_manage_are_one_group():
    from directives.names import parse_unit_list
    from directives.text import tokenize
    for text, lead in (("Các sở quản lý nhà nước chuyên ngành về hạ tầng tổng hợp báo cáo.",
                        "Các sở quản lý nhà nước chuyên ngành về hạ tầng"),
                       ("Các sở quản lý chuyên ngành định kỳ tổng hợp báo cáo.", "Các sở quản lý chuyên ngành"),
                       ("Các sở quản lý các dự án.", "Các sở")):
        assert [u.text for u in parse_unit_list(text, tokenize(text), 0, raw=True)[0]] == [lead]


def test_a_title_ending_in_the_grassroots_party_bodies_stands_apart_from_the_paragraph_below():
    from directives.normalize import paragraphs
    lines = paragraphs("2. Các cơ quan tham mưu, giúp việc Đảng ủy; các chi bộ, đảng bộ cơ sở\n"
                       "Các cấp ủy, tổ chức đảng chủ động tổ chức nghiên cứu, quán triệt các nội dung.\n")
    assert [ln.text[:12] for ln in lines] == ["2. Các cơ qu", "Các cấp ủy, "]


def test_enterprises_of_a_trade_named_in_a_title_lead_its_items():
    text = ("1. Sở Thông tin và Truyền thông:\n"
            "a) Chủ trì phối hợp với Sở Xây dựng, Uỷ ban nhân dân các huyện, thị xã Xa, thành phố Ya dự thảo "
            "quy định các tuyến đường phải ngầm hoá.\n"
            "2. Các doanh nghiệp viễn thông và truyền hình cáp hoạt động kinh doanh trên địa bàn tỉnh:\n"
            "a) Xây dựng kế hoạch ngầm hoá mạng cáp của doanh nghiệp mình.\n"
            "3. Uỷ ban nhân dân các huyện, thị xã Xa và thành phố Ya quản lý chặt chẽ hạ tầng viễn thông.\n")
    assert [(lead, coordinators) for lead, coordinators, _, _ in tasks(text)] == [
        ("Sở Thông tin và Truyền thông", ["Sở Xây dựng", "Uỷ ban nhân dân các huyện, thị xã Xa, thành phố Ya"]),
        ("Các doanh nghiệp viễn thông và truyền hình cáp hoạt động kinh doanh trên địa bàn tỉnh", []),
        ("Uỷ ban nhân dân các huyện, thị xã Xa và thành phố Ya", []),
    ]


def test_the_units_that_are_schools_and_the_verb_to_apply():
    text = ("SỞ GIÁO DỤC VÀ ĐÀO TẠO XA\n"
            "1. Căn cứ nội dung điều chỉnh này, các đơn vị trường học vận dụng điều chỉnh khung phân phối chương trình.\n")
    assert [(lead, summary[:9]) for lead, _, _, summary in tasks(text)] == [("Các đơn vị trường học", "Vận dụng ")]


def test_the_signer_speaking_in_a_telegram_hands_the_work():
    text = ("Tôi khẩn thiết đề nghị đồng chí Bí thư và Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc "
            "Trung ương tập trung chỉ đạo phòng, chống dịch.\n")
    assert [lead for lead, *_ in tasks(text)] == [
        "Bí thư", "Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"]
    assert tasks("Tôi đã ký quyết định ban hành kế hoạch.\n") == []


def test_the_states_enterprises_in_a_run_of_kinds_in_a_title():
    text = ("1. Thủ trưởng các sở, ban ngành tỉnh, Chủ tịch UBND cấp huyện, các đơn vị sự nghiệp, doanh nghiệp "
            "Nhà nước thuộc UBND tỉnh\n"
            "a) Tiếp tục quán triệt các quy định của pháp luật phòng, chống tham nhũng.\n")
    assert [lead for lead, *_ in tasks(text)] == [
        "Thủ trưởng các sở, ban ngành tỉnh", "Chủ tịch UBND cấp huyện",
        "Các đơn vị sự nghiệp, doanh nghiệp Nhà nước thuộc UBND tỉnh"]


def test_as_addressed_names_the_letters_readers():
    text = ("PHÒNG XA\nKính gửi: Hiệu trưởng các trường Mầm non, Tiểu học.\n"
            "Phòng Giáo dục và Đào tạo đề nghị (như kính gửi) phổ biến Thể lệ các Cuộc thi đến toàn thể cán bộ.\n")
    assert [lead for lead, *_ in tasks(text)] == ["Hiệu trưởng các trường Mầm non, Tiểu học"]
