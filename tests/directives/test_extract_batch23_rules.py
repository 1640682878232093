"""Rules learned while batch 23 was being collected, from the misses left in batches 21-22: heads
"chịu trách nhiệm" followed by the work itself, the part of the day before a date. Bodies and places below
are invented or generic."""
from __future__ import annotations

import pytest

from directives import extract_text


def tasks(text: str) -> list[tuple[str, list[str], str | None]]:
    return [(t["lead"], t["coordinators"], t["deadline"])
            for t in extract_text(text, issued=None).to_contract()["tasks"]]


@pytest.mark.parametrize("text, expected", [
    # the work follows "chịu trách nhiệm": each head has it
    ("Trưởng thôn, Hiệu trưởng các trường học chịu trách nhiệm huy động lực lượng tham gia dọn vệ sinh.",
     ["Trưởng thôn", "Hiệu trưởng các trường học"]),
    # what a head answers for, and the call to carry out the text, are no work
    ("Chủ tịch UBND các xã chịu trách nhiệm trước Chủ tịch UBND huyện nếu để xảy ra cháy rừng.", []),
    ("Các Bộ trưởng, Chủ tịch Ủy ban nhân dân các tỉnh chịu trách nhiệm thi hành Nghị quyết này.", []),
])
def test_heads_answering_for_work(text, expected):
    assert [lead for lead, _, _ in tasks(text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("Đề nghị các cơ quan, đơn vị ra quân dọn vệ sinh; thời gian thực hiện: vào sáng ngày 24/8/2026.", "2026-08-24"),
    ("Đề nghị các cơ quan, đơn vị hoàn thành báo cáo trước chiều ngày 14/8/2026.", "2026-08-14"),
])
def test_the_part_of_the_day_before_a_date(text, expected):
    assert tasks(text)[0][2] == expected


def test_a_steering_board_abbreviated_takes_its_description():
    assert [lead for lead, _, _ in tasks("BCĐ các ngày lễ lớn sớm thành lập các tiểu ban phục vụ.")] == \
        ["BCĐ các ngày lễ lớn"]


def test_organisations_under_the_speaker():
    text = "Các tổ chức chính trị - xã hội trực thuộc tuyên truyền cho đoàn viên, hội viên."
    assert [lead for lead, _, _ in tasks(text)] == ["Các tổ chức chính trị - xã hội trực thuộc"]


@pytest.mark.parametrize("text, expected", [
    ("Vào các ngày thứ Bảy và Chủ nhật: UBND các xã vận động nhân dân làm vệ sinh.", "weekly"),
    ("UBND các xã tổ chức chào cờ vào mỗi sáng thứ Hai.", "weekly"),
    ("UBND các xã tổ chức ra quân vào thứ Bảy, ngày 15/8/2026.", None),
])
def test_days_of_every_week(text, expected):
    assert extract_text(text, issued=None).to_contract()["tasks"][0]["recurrence"] == expected


def test_a_known_ministry_after_a_colon_as_ocr_misread_it():
    text = "Bộ Ngoại giao chủ trì, phối hợp các Bộ: Văn hóa, Thể thao và Du lich, Công an mở rộng diện cấp thị thực."
    assert tasks(text) == [("Bộ Ngoại giao", ["Bộ Văn hóa, Thể thao và Du lich", "Bộ Công an"], None)]


def test_the_lead_field_that_advises():
    text = ("- Tổ chức tập huấn, bồi dưỡng kiến thức xây dựng pháp luật.\n"
            "Đơn vị chủ trì tham mưu thực\nhiện: Sở Tư pháp.\n"
            "Đơn vị phối hợp thực hiện: Các\ncơ quan, đơn vị liên quan.\n"
            "Thời gian thực hiện: Thường\nxuyên.\n")
    assert tasks(text) == [("Sở Tư pháp", ["Các cơ quan, đơn vị liên quan"], None)]


def test_lead_fields_named_by_their_role():
    text = ("- Tổ chức tập huấn kiến thức xây dựng pháp luật.\n"
            "- Cơ quan tham mưu: Sở Tư pháp.\n"
            "- Cơ quan phối hợp: Sở Nội vụ.\n"
            "- Thời gian thực hiện: năm 2026.\n"
            "- Rà soát văn bản quy phạm pháp luật.\n"
            "- Đơn vị đầu mối: Văn phòng UBND tỉnh.\n"
            "- Thời hạn hoàn thành: Quý III/2026.\n")
    assert tasks(text) == [("Sở Tư pháp", ["Sở Nội vụ"], "2026-12-31"), ("Văn phòng UBND tỉnh", [], "2026-09-30")]


def test_a_tables_column_of_the_advising_body_is_the_lead():
    text = ("Phụ lục: Danh mục nhiệm vụ\n\n"
            "| STT | Nhiệm vụ | Cơ quan tham mưu | Cơ quan phối hợp | Thời gian hoàn thành |\n"
            "| 1 | Xây dựng đề án phát triển du lịch | Sở Văn hóa và Thể thao | Sở Tài chính | Quý IV/2026 |\n"
            "| 2 | Hỗ trợ tiêu thụ nông sản | Sở Nông nghiệp và Môi trường | Sở Công Thương | Quý IV/2026 |\n")
    assert tasks(text) == [("Sở Văn hóa và Thể thao", ["Sở Tài chính"], "2026-12-31"),
                           ("Sở Nông nghiệp và Môi trường", ["Sở Công Thương"], "2026-12-31")]


def test_a_title_over_a_single_table_row_stays_a_title():
    # of two lines, the longer sets the wrap width: the short title above is no wrapped line of it
    text = ("Phụ lục: Danh mục nhiệm vụ\n\n"
            "| STT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |\n"
            "| 1 | Xây dựng đề án phát triển du lịch | Sở Văn hóa và Thể thao | Sở Tài chính | Quý IV/2026 |\n")
    assert tasks(text) == [("Sở Văn hóa và Thể thao", ["Sở Tài chính"], "2026-12-31")]


def test_a_news_report_of_a_letter_handing_work():
    text = ("UBND tỉnh đã có văn bản giao Sở Tài chính chủ trì, phối hợp với Sở Xây dựng nghiên cứu, đề xuất "
            "phương án sắp xếp tài sản công.")
    assert tasks(text) == [("Sở Tài chính", ["Sở Xây dựng"], None)]


@pytest.mark.parametrize("text, expected", [
    ("UBND huyện giao trách nhiệm cho Phòng Giáo dục và Đào tạo chủ trì, phối hợp với Trung tâm Y tế huyện "
     "kiểm tra an toàn thực phẩm.", [("Phòng Giáo dục và Đào tạo", ["Trung tâm Y tế huyện"], None)]),
    # a hamlet's head named after the place
    ("Các thôn trưởng rà soát các hộ dân sống gần rừng, lập danh sách gửi về UBND xã trước ngày 10/12/2026.",
     [("Các thôn trưởng", [], "2026-12-10")]),
    # forces named by their field
    ("Công an xã phối hợp với Ban Chỉ huy quân sự xã và lực lượng kiểm lâm địa bàn tổ chức tuần tra.",
     [("Công an xã", ["Ban Chỉ huy quân sự xã", "lực lượng kiểm lâm địa bàn"], None)]),
])
def test_commune_forms(text, expected):
    assert tasks(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Chủ tịch Ủy ban nhân dân các tỉnh, thành phố nêu trên tổ chức sơ tán người dân.",
     ["Chủ tịch Ủy ban nhân dân các tỉnh, thành phố nêu trên"]),
    ("Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương nêu trên tổ chức sơ tán người dân.",
     ["Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương nêu trên"]),
    ("Các đơn vị nói trên tổ chức sơ tán người dân.", ["Các đơn vị nói trên"]),
])
def test_those_named_above(text, expected):
    assert [lead for lead, _, _ in tasks(text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("2. Các bệnh viện đa khoa tỉnh, khu vực; trung tâm y tế các huyện, thị xã, thành phố:\n"
     "- Chuẩn bị đầy đủ thuốc, vật tư, trang thiết bị.",
     ["Các bệnh viện đa khoa tỉnh, khu vực", "Trung tâm y tế các huyện, thị xã, thành phố"]),
    ("Các bệnh viện tuyến tỉnh, tuyến huyện chuẩn bị đủ giường bệnh.", ["Các bệnh viện tuyến tỉnh, tuyến huyện"]),
    # not: a body of its own after the comma
    ("Các bệnh viện tỉnh, Sở Tài chính chuẩn bị kinh phí.", ["Các bệnh viện tỉnh", "Sở Tài chính"]),
])
def test_a_kind_at_several_tiers(text, expected):
    assert [lead for lead, _, _ in tasks(text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("Đối với các phòng, ban chuyên môn của huyện, đồng chí đề nghị tăng cường hướng dẫn, hỗ trợ xã.",
     ["Các phòng, ban chuyên môn của huyện"]),
    ("Đối với Sở Y tế, Chủ tịch UBND tỉnh yêu cầu khẩn trương rà soát thuốc.", ["Sở Y tế"]),
    # the speaker names whom it asks: those, not the ones the sentence is about
    ("Đối với Sở Y tế, UBND tỉnh đề nghị Bộ Y tế hỗ trợ thuốc.", ["Bộ Y tế"]),
])
def test_a_speaker_asking_the_units_addressed_before(text, expected):
    assert [lead for lead, _, _ in tasks(text)] == expected


def test_a_bare_pipe_table_with_group_rows_of_two_cells():
    text = ("PHỤ LỤC\nDANH MỤC NHIỆM VỤ\n"
            "STT | Nhiệm vụ, giải pháp | Đơn vị thực hiện | Đơn vị phối hợp | Thời gian thực hiện | Sản phẩm đầu ra\n"
            "A | PHÁT TRIỂN NỀN MÓNG\n"
            "I | Hoàn thiện thể chế\n"
            "1.1 | Rà soát các quy định về kinh tế số | Sở Tư pháp | Các sở, ban, ngành; UBND các phường, xã | "
            "2026 - 2030 | Các văn bản quy phạm pháp luật\n"
            "II | Phát triển hạ tầng\n"
            "2.1 | Triển khai hạ tầng số | Sở Khoa học và Công nghệ | UBND các phường, xã | 2026 | Kế hoạch\n")
    assert tasks(text) == [("Sở Tư pháp", ["UBND các phường, xã"], "2030-12-31"),
                           ("Sở Khoa học và Công nghệ", ["UBND các phường, xã"], "2026-12-31")]


def test_a_name_with_several_fields_before_its_and():
    text = "1. Viện Văn hóa, Nghệ thuật, Thể thao và Du lịch Việt Nam\na) Tổ chức tuyên truyền nội dung quy hoạch."
    assert [lead for lead, _, _ in tasks(text)] == ["Viện Văn hóa, Nghệ thuật, Thể thao và Du lịch Việt Nam"]


def test_a_comma_inside_a_cited_bodys_name_opens_no_clause():
    assert tasks("Triển khai Quyết định của Bộ Văn hóa, Thể thao và Du lịch phê duyệt Quy hoạch.") == []


def test_a_sub_heading_naming_partners_only():
    text = ("1. Sở Công Thương\n"
            "a) Chủ trì, phối hợp với các sở, ban, ngành, UBND các xã, phường và cơ quan, đơn vị có liên quan\n"
            "- Tổ chức chương trình tập huấn kiến thức về hội nhập kinh tế quốc tế.\n"
            "b) Phối hợp với các sở, ngành và các cơ quan, đơn vị có liên quan\n"
            "- Tham gia các hoạt động xúc tiến thương mại.\n")
    assert tasks(text) == [("Sở Công Thương", ["UBND các xã, phường"], None),
                           ("Sở Công Thương", ["các sở, ngành và các cơ quan, đơn vị có liên quan"], None)]


@pytest.mark.parametrize("text, expected", [
    ("7. Trung tâm Xúc tiến đầu tư, thương mại và du lịch\n- Tổ chức các hội chợ thương mại.",
     ["Trung tâm Xúc tiến đầu tư, thương mại và du lịch"]),
    ("8. Đề nghị Hội nông dân tỉnh, Hiệp hội doanh nghiệp tỉnh\n- Đẩy mạnh tập huấn cho hội viên.",
     ["Hội nông dân tỉnh", "Hiệp hội doanh nghiệp tỉnh"]),
    ("9. Báo và phát thanh, truyền hình tỉnh, Cổng thông tin điện tử tỉnh\nXây dựng các phóng sự quảng bá sản phẩm.",
     ["Báo và phát thanh, truyền hình tỉnh", "Cổng thông tin điện tử tỉnh"]),
    ("11. Đề nghị các doanh nghiệp sản xuất, chế biến và xuất khẩu hàng hóa\n- Chủ động nắm bắt thông tin thị trường.",
     ["Các doanh nghiệp sản xuất, chế biến và xuất khẩu hàng hóa"]),
])
def test_headings_of_provincial_bodies_and_enterprises(text, expected):
    assert [lead for lead, _, _ in tasks(text)] == expected


def test_a_dash_under_a_short_numbered_title_opens_its_first_bullet():
    text = ("1.1. Trưởng Ban Chỉ đạo\n"
            "- Phân công nhiệm vụ cho các thành viên.\n"
            "- Phối hợp với Bộ Tài chính chỉ đạo thực hiện tổng kiểm kê tài sản.\n")
    assert [lead for lead, _, _ in tasks(text)] == ["Trưởng Ban Chỉ đạo", "Trưởng Ban Chỉ đạo"]


def test_the_duties_of_those_a_procedure_names_by_their_part():
    text = ("1.5. Trách nhiệm của đối tượng thực hiện kiểm kê:\n"
            "- Thành lập Tổ kiểm kê.\nThời hạn hoàn thành: Trước ngày 30/11/2025.\n")
    assert tasks(text) == [("Đối tượng thực hiện kiểm kê", [], "2025-11-30")]


@pytest.mark.parametrize("text, deadline, recurrence", [
    ("Sở Y tế xây dựng kế hoạch chi tiết hằng năm và định kỳ báo cáo kết quả trước ngày 20/11 về Sở Nội vụ.",
     None, "yearly"),
    # a whole date is one day, periodic or not
    ("Sở Y tế định kỳ báo cáo kết quả thực hiện trước ngày 15/12/2026 về UBND tỉnh.", "2026-12-15", None),
])
def test_a_periodic_report_on_a_day_of_the_year(text, deadline, recurrence):
    task = extract_text(text, issued=None).to_contract()["tasks"][0]
    assert (task["deadline"], task["recurrence"]) == (deadline, recurrence)


def test_a_count_from_receiving_the_plan():
    text = "Sở Y tế xây dựng kế hoạch, gửi UBND tỉnh trong thời hạn 10 ngày kể từ ngày nhận Kế hoạch này."
    from datetime import date
    assert extract_text(text, issued=date(2025, 11, 17)).to_contract()["tasks"][0]["deadline"] == "2025-11-27"


def test_the_basis_naming_the_plan_is_no_part_of_the_work():
    text = ("Các sở, ban, ngành căn cứ chức năng, nhiệm vụ được giao và Kế hoạch này, xây dựng kế hoạch cụ thể.")
    assert extract_text(text, issued=None).to_contract()["tasks"][0]["summary"].startswith("Xây dựng kế hoạch")


def test_a_list_of_what_one_task_covers():
    text = ("1. Công an thành phố\n"
            "g) Hướng dẫn các địa phương rà soát địa bàn trọng điểm về ma túy.\n"
            "h) Chủ trì triển khai các nhiệm vụ được giao tại các dự án trong Chương trình, bao gồm:\n"
            "- Dự án 1: Phòng ngừa, đấu tranh tội phạm về ma túy.\n"
            "- Dự án 2: Ứng dụng khoa học và công nghệ trong phòng, chống ma túy.\n"
            "2. Sở Tài chính\na) Bố trí kinh phí thực hiện.\n")
    assert [lead for lead, _, _ in tasks(text)] == ["Công an thành phố", "Công an thành phố", "Sở Tài chính"]


def test_clubs_and_enterprises_asked_together():
    text = ("UBND Thành phố yêu cầu các Câu lạc bộ Ca Huế, các doanh nghiệp, cơ sở kinh doanh tạm dừng hoạt động "
            "biểu diễn phục vụ khách.")
    assert [lead for lead, _, _ in tasks(text)] == ["Các Câu lạc bộ Ca Huế", "Các doanh nghiệp", "Cơ sở kinh doanh"]


def test_the_leads_own_units_working_with_a_partner():
    text = ("9. Ban Chỉ huy Bộ đội Biên phòng thành phố\n"
            "a) Chỉ đạo các đơn vị trực thuộc phối hợp chặt chẽ lực lượng Công an thành phố thực hiện Chương trình.\n")
    assert tasks(text) == [("Ban Chỉ huy Bộ đội Biên phòng thành phố", ["lực lượng Công an thành phố"], None)]


def test_what_a_letter_tells_its_readers_is_no_work_of_theirs():
    text = ("Bộ Nội vụ đề nghị Bộ Văn hóa, Thể thao và Du lịch chỉ đạo các cơ quan báo chí định hướng thông tin đúng, "
            "cụ thể như sau:\n"
            "1. Trong thời gian qua, nước ta đã tiến hành sắp xếp đơn vị hành chính các cấp.\n"
            "Việc sắp xếp đơn vị hành chính năm 2025 không chỉ sắp xếp về tổ chức, bộ máy mà còn phân cấp thẩm quyền.\n"
            "2. Tăng cường đưa tin về kết quả sắp xếp đơn vị hành chính.\n")
    found = extract_text(text, issued=None).to_contract()["tasks"]
    assert [(t["lead"], t["summary"][:20]) for t in found] == [("Bộ Văn hóa, Thể thao và Du lịch", "Tăng cường đưa tin v")]


@pytest.mark.parametrize("text, expected", [
    ("b) Bộ Công an: (1) Tiếp tục đầu tư Trung tâm Dữ liệu quốc gia, hoàn thành trước ngày 10 tháng 12 năm 2025; "
     "(2) Tham mưu ban hành Nghị quyết về phát triển công dân số; (3) Phát triển VNeID thành Nền tảng số quốc gia.",
     [("Bộ Công an", [], "2025-12-10"), ("Bộ Công an", [], None), ("Bộ Công an", [], None)]),
    ("3. Khẩn trương ban hành chiến lược chuyển đổi số: (1) Thanh tra Chính phủ ban hành trước ngày 25 tháng 11 năm "
     "2025; (2) Bộ Công an chủ trì, phối hợp các bộ, cơ quan liên quan ban hành hướng dẫn xếp hạng cơ sở dữ liệu.",
     [("Thanh tra Chính phủ", [], "2025-11-25"), ("Bộ Công an", ["các bộ, cơ quan liên quan"], None)]),
])
def test_items_numbered_inside_one_paragraph(text, expected):
    assert tasks(text) == expected


def test_media_and_press_agencies_are_one_kind():
    text = "Các cơ quan truyền thông, báo chí tiếp tục bám sát địa bàn, thông tin kịp thời."
    assert [lead for lead, _, _ in tasks(text)] == ["Các cơ quan truyền thông, báo chí"]


@pytest.mark.parametrize("text, expected", [
    # the office passes a leader's direction on; the work follows
    ("Văn phòng UBND tỉnh có văn bản thông báo ý kiến của đồng chí Phó Chủ tịch UBND tỉnh về việc tăng cường "
     "kiểm tra xuất nhập cảnh. Theo đó, giao Công an tỉnh chủ trì kiểm tra.", ["Công an tỉnh"]),
    # what the head approved is no work of the head's
    ("Chủ tịch UBND tỉnh đồng ý tổ chức lễ kỷ niệm 20 năm ngày thành lập trường.", []),
    ("Chủ tịch UBND tỉnh đồng ý giao Sở Y tế tổ chức lễ kỷ niệm.", ["Sở Y tế"]),
])
def test_portal_summaries_of_a_leaders_direction(text, expected):
    assert [lead for lead, _, _ in tasks(text)] == expected


def test_the_papers_enclosed_are_no_work():
    text = ("Bộ Tài chính đề nghị UBND các tỉnh phổ biến rộng rãi nội dung Cẩm nang.\n"
            "Bộ Tài chính gửi kèm bộ Cẩm nang gồm:\n- Cẩm nang nghiệp vụ thuế;\n- Slide đào tạo, tập huấn Cẩm nang.\n")
    assert [lead for lead, _, _ in tasks(text)] == ["UBND các tỉnh"]


def test_the_bodies_of_a_named_body_without_cac():
    text = "Văn phòng Ban Chỉ đạo chủ trì, phối hợp với cơ quan chức năng của Bộ Tài chính theo dõi tình hình."
    assert tasks(text) == [("Văn phòng Ban Chỉ đạo", ["cơ quan chức năng của Bộ Tài chính"], None)]


def test_the_level_above_or_below():
    text = "Các đơn vị cấp trên đôn đốc, hướng dẫn các đơn vị cấp dưới thực hiện kiểm kê."
    assert [lead for lead, _, _ in tasks(text)] == ["Các đơn vị cấp trên"]


def test_a_bracket_after_the_verb_names_no_example_of_the_kind():
    assert tasks("Các đơn vị gửi ý kiến về Sở Y tế (Phòng C2) trước ngày 13/12/2026.") == \
        [("Các đơn vị", [], "2026-12-13")]


@pytest.mark.parametrize("text", [
    "Các đồng chí Bộ trưởng, Chủ tịch Ủy ban nhân dân các tỉnh gửi văn bản cam kết tiến độ, chịu trách nhiệm trước "
    "Thủ tướng; hoàn thành trước ngày 25 tháng 11 năm 2025.",
    "Các đồng chí Bộ trưởng, Chủ tịch Ủy ban nhân dân các tỉnh phải phát huy vai trò nêu gương; trực tiếp chỉ đạo "
    "khắc phục điểm nghẽn; gửi văn bản cam kết tiến độ, chịu trách nhiệm trước Thủ tướng; hoàn thành trước ngày "
    "25 tháng 11 năm 2025.",
])
def test_a_dated_paper_heads_owe_beside_what_they_answer_for(text):
    assert [(lead, deadline) for lead, _, deadline in tasks(text)] == \
        [("Các đồng chí Bộ trưởng", "2025-11-25"), ("Chủ tịch Ủy ban nhân dân các tỉnh", "2025-11-25")]


def test_what_heads_answer_for_alone_is_still_no_task():
    assert tasks("Chủ tịch UBND các tỉnh chịu trách nhiệm trước Thủ tướng nếu để xảy ra chậm trễ.") == []


def test_the_bodies_in_charge_close_a_run_of_kinds():
    assert [lead for lead, _, _ in tasks("Các bộ, ngành, cơ quan chủ quản cần khẩn trương đẩy nhanh tiến độ thi công.")] \
        == ["Các bộ, ngành, cơ quan chủ quản"]
