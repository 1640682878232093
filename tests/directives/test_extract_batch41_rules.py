"""Rules learned from batch 41 after its single run on the engine it was labelled after. Bodies, places and
people below are invented or generic."""
from __future__ import annotations

from extracted import tasks


def leads(text: str) -> list[str]:
    return [lead for lead, _, _, _ in tasks(text)]


def test_a_boards_members_are_no_work():
    text = ("III. TỔ CHỨC THỰC HIỆN\n"
            "1. Ban Tổ chức\n"
            "- Ông Nguyễn Văn A, Tổng Biên tập Tạp chí Xa, Trưởng ban;\n"
            "- Bà Trần Thị B, Chánh Văn phòng Sở Xa, Phó Trưởng ban;\n"
            "- Các Ông/Bà là lãnh đạo các trường THPT là thành viên Ban tổ chức.\n"
            "2. Sở Xa\n"
            "- Chủ trì triển khai kế hoạch.\n")
    assert leads(text) == ["Sở Xa"]


def test_the_part_a_unit_plays_is_no_work_unless_work_follows():
    text = ("2. Liên đoàn Xa\n"
            "- Là đơn vị đồng phối hợp tổ chức chương trình.\n"
            "- Hỗ trợ kinh phí cho chương trình.\n"
            "3. Trung tâm Ya\n"
            "- Là đơn vị chuyên môn thường trực, hướng dẫn triển khai thực hiện.\n")
    assert leads(text) == ["Liên đoàn Xa", "Trung tâm Ya"]


def test_an_annex_without_a_time_column_is_due_when_the_body_says():
    text = ("BAN CHỈ ĐẠO\n"
            "Kính gửi: Các bộ, cơ quan ngang bộ.\n"
            "1. Khẩn trương xử lý các kiến nghị cụ thể của các địa phương (Phụ lục kèm theo), hoàn thành trước ngày "
            "15/12/2025.\n"
            "Nơi nhận:\n- Như trên;\n- Lưu: VT.\n"
            "PHỤ LỤC\n"
            "TT | Tỉnh kiến nghị | Thông tin đề xuất | Bộ phụ trách tiếp nhận, xử lý\n"
            "1 | Tỉnh Xa | Đề nghị hỗ trợ kinh phí sửa chữa trụ sở | Bộ Ya\n"
            "2 | Tỉnh Za | Đề nghị hướng dẫn thủ tục đất đai | Bộ Ta\n")
    got = [(lead, deadline) for lead, _, deadline, _ in tasks(text)]
    assert ("Bộ Ya", "2025-12-15") in got and ("Bộ Ta", "2025-12-15") in got


def test_kinds_of_enterprise_in_a_partner_cell_are_one_group():
    text = ("TT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian\n"
            "1 | Xây dựng quy chế | Bộ Ya | Bộ Za; Tập đoàn, tổng công ty, doanh nghiệp nhà nước | Năm 2026\n")
    assert [coordinators for _, coordinators, _, _ in tasks(text)] == [
        ["Bộ Za", "Tập đoàn, tổng công ty, doanh nghiệp nhà nước"]]


def test_a_row_without_number_or_lead_is_another_task_of_the_lead_above():
    text = ("STT | Đơn vị | Nhiệm vụ chủ trì | Đơn vị phối hợp | Thời gian hoàn thành\n"
            "1 | Bộ Xa | Ban hành quy chế quản lý dữ liệu | Bộ Ya | Quý IV/2026\n"
            " |  | Tham mưu, trình cấp có thẩm quyền ban hành tiêu chuẩn kết nối | (1) Bộ Za (2) Bộ Ya | Quý I/2027\n"
            " |  | Xây dựng, ban hành quy định về quy chuẩn kỹ thuật | Bộ Za | Năm 2026\n"
            "2 | Bộ Ya | Thành lập đơn vị chuyên trách |  | Trong năm 2026\n")
    assert [(lead, coordinators, deadline) for lead, coordinators, deadline, _ in tasks(text)] == [
        ("Bộ Xa", ["Bộ Ya"], "2026-12-31"), ("Bộ Xa", ["Bộ Za", "Bộ Ya"], "2027-03-31"),
        ("Bộ Xa", ["Bộ Za"], "2026-12-31"), ("Bộ Ya", [], "2026-12-31")]


def test_a_row_split_by_a_page_is_no_task_of_its_own():
    text = ("STT | Đơn vị | Nhiệm vụ chủ trì | Đơn vị phối hợp | Thời gian hoàn thành\n"
            "1 | Bộ Xa | Ban hành quy chế quản lý dữ liệu | Bộ Ya | Quý IV/2026\n"
            " |  | và hướng dẫn thực hiện | Bộ Ya | \n")
    assert [lead for lead, _, _, _ in tasks(text)] == ["Bộ Xa"]


def test_the_scope_a_lead_acts_in_is_no_unit():
    text = ("TT | Nhiệm vụ | Thời hạn hoàn thành | Cơ quan chủ trì | Cơ quan phối hợp\n"
            "1 | Hoàn thành phương án xử lý vướng mắc | Quý II/2026 | Bộ Xa, Bộ Ya theo chức năng, nhiệm vụ được giao "
            "| Bộ Za\n")
    assert [lead for lead, _, _, _ in tasks(text)] == ["Bộ Xa", "Bộ Ya"]


def test_kinds_of_body_and_those_concerned_are_one_catchall():
    text = ("TT | Nhiệm vụ | Thời hạn hoàn thành | Cơ quan chủ trì | Cơ quan phối hợp\n"
            "1 | Hoàn thành phương án xử lý vướng mắc | Quý II/2026 | Bộ Xa | Các bộ, cơ quan, địa phương và các "
            "đơn vị có liên quan\n"
            "2 | Hoàn thành quy hoạch | Quý II/2026 | Bộ Xa | Bộ Ya, các bộ, cơ quan, địa phương\n")
    assert [coordinators for _, coordinators, _, _ in tasks(text)] == [
        ["Các bộ, cơ quan, địa phương, các đơn vị có liên quan"], ["Bộ Ya"]]


def test_a_quarter_whose_slash_was_lost():
    text = ("TT | Nhiệm vụ | Thời hạn hoàn thành | Cơ quan chủ trì | Cơ quan phối hợp\n"
            "1 | Hoàn thiện cơ chế hợp tác | Quý IV2026 | Bộ Xa | Bộ Ya\n")
    assert [deadline for _, _, deadline, _ in tasks(text)] == ["2026-12-31"]


def test_a_place_after_a_comma_in_a_lead_cell_is_a_lead_of_its_own():
    text = ("TT | Nhiệm vụ | Thời hạn hoàn thành | Cơ quan chủ trì | Cơ quan phối hợp\n"
            "1 | Xây dựng đề án xử lý ô nhiễm không khí | 2026 | Thành phố Xa, Thành phố Ya | Bộ Za\n")
    assert [lead for lead, _, _, _ in tasks(text)] == ["Thành phố Xa", "Thành phố Ya"]


def test_places_after_a_government_go_on_naming_whose_government_leads():
    text = ("TT | Nhiệm vụ | Thời hạn hoàn thành | Cơ quan chủ trì | Cơ quan phối hợp\n"
            "1 | Giới thiệu địa điểm xây dựng trung tâm dữ liệu | 2026 | UBND thành phố Xa, Thành phố Ya, Za | Bộ Ta\n")
    assert [lead for lead, _, _, _ in tasks(text)] == ["UBND thành phố Xa, Thành phố Ya, Za"]


def test_kinds_of_school_after_one_cac_lead_as_one_group():
    text = ("3.3. Các trường THPT, trung tâm GDTX, trung tâm GDNN - GDTX\n"
            "- Bố trí lịch thực hiện các nội dung chương trình theo kế hoạch.\n"
            "Các trường THCS, Trung tâm GDTX Xa gửi đăng ký về Sở.\n")
    assert [lead for lead, _, _, _ in tasks(text)] == [
        "Các trường THPT, trung tâm GDTX, trung tâm GDNN - GDTX", "Các trường THCS", "Trung tâm GDTX Xa"]


def test_slogans_to_display_are_no_work():
    text = ("Sở Xa đề nghị Thủ trưởng các cơ sở giáo dục thực hiện một số nội dung sau:\n"
            "1. Tổ chức tuyên truyền phòng, chống ma túy cho học sinh.\n"
            "2. Lựa chọn và thực hiện khẩu hiệu tuyên truyền tại đơn vị\n"
            "- Chung một quyết tâm - Vì cộng đồng không ma túy\n"
            "- Không giữ, không thử, không sử dụng ma túy dù chỉ một lần\n")
    assert [summary[:20] for _, _, _, summary in tasks(text)] == ["Tổ chức tuyên truyền", "Lựa chọn và thực hiệ"]


def test_a_plain_line_between_items_is_an_item_too():
    text = ("Thủ tướng Chính phủ yêu cầu Bộ trưởng Bộ Xa như sau:\n"
            "- Tập trung rà soát, điều chỉnh quy hoạch;\n"
            "Cập nhật, bổ sung các dự án mới, hoàn thành trong tháng 02 năm 2026.\n"
            "- Khẩn trương ban hành văn bản quy định chi tiết trước ngày 01 tháng 3 năm 2026.\n"
            "Ngoài ra, Thủ tướng còn yêu cầu Chủ tịch UBND các tỉnh:\n"
            "- Chỉ đạo tiết kiệm điện trên địa bàn.\n")
    assert [(lead, deadline) for lead, _, deadline, _ in tasks(text)] == [
        ("Bộ trưởng Bộ Xa", None), ("Bộ trưởng Bộ Xa", "2026-02-28"), ("Bộ trưởng Bộ Xa", "2026-03-01"),
        ("Chủ tịch UBND các tỉnh", None)]


def test_a_topic_about_power_is_no_telegrams_addressees():
    text = ("Thủ tướng yêu cầu Bộ trưởng Bộ Xa thực hiện các nội dung sau:\n"
            "(1) Về các dự án nguồn điện:\n"
            "+ Chỉ đạo lựa chọn nhà đầu tư, hoàn thành trong Quý I năm 2026;\n"
            "(2) Về các dự án xây dựng:\n"
            "+ Chỉ đạo lựa chọn nhà thầu, hoàn thành trong Quý II năm 2026;\n")
    assert [(lead, deadline) for lead, _, deadline, _ in tasks(text)] == [
        ("Bộ trưởng Bộ Xa", "2026-03-31"), ("Bộ trưởng Bộ Xa", "2026-06-30")]


def test_the_heads_of_the_states_enterprises_are_one_lead():
    text = ("IV. TỔ CHỨC THỰC HIỆN\n"
            "1. Các Bộ trưởng, Chủ tịch Ủy ban nhân dân tỉnh, thành phố, Chủ tịch, Tổng Giám đốc các tập đoàn kinh tế, "
            "tổng công ty, doanh nghiệp nhà nước:\n"
            "a) Tập trung chỉ đạo thực hiện quyết liệt Chương trình hành động.\n"
            "2. Bộ Xa chủ trì theo dõi, đôn đốc việc triển khai.\n")
    assert [lead for lead, _, _, _ in tasks(text)] == [
        "Các Bộ trưởng", "Chủ tịch Ủy ban nhân dân tỉnh, thành phố",
        "Chủ tịch, Tổng Giám đốc các tập đoàn kinh tế, tổng công ty, doanh nghiệp nhà nước", "Bộ Xa"]


ANNEX_OF_DUTIES = """UBND TỈNH XA
Số: 12/QĐ-UBND
Xa, ngày 02 tháng 3 năm 2026
QUYẾT ĐỊNH
Phê duyệt Đề án Ya
Điều 1. Phê duyệt Đề án Ya (Phụ lục kèm theo).
Điều 2. Quyết định này có hiệu lực kể từ ngày ký.
Nơi nhận:
- Như Điều 2;
- Lưu: VT.
PHỤ LỤC
NHIỆM VỤ CỦA CÁC SỞ, NGÀNH, ĐỊA PHƯƠNG TRONG TRIỂN KHAI ĐỀ ÁN YA
(Kèm theo Quyết định số 12/QĐ-UBND ngày 02 tháng 3 năm 2026)
I. NHIỆM VỤ CHUNG
1. Rà soát, thống kê dữ liệu đang quản lý (hoàn thành trong Quý IV/2026).
2. Kết nối nền tảng chia sẻ dữ liệu của tỉnh (Quý III/2027).
II. NHIỆM VỤ CỤ THỂ
1. Sở Za chủ trì xây dựng quy chế khai thác dữ liệu.
"""


def test_an_annexs_general_duties_are_those_of_whom_its_title_names():
    assert [(lead, deadline) for lead, _, deadline, _ in tasks(ANNEX_OF_DUTIES)] == [
        ("Các sở, ngành, địa phương", "2026-12-31"), ("Các sở, ngành, địa phương", "2027-09-30"),
        ("Sở Za", None)]


def test_a_period_alone_in_brackets_closing_an_item_is_its_deadline():
    assert [deadline for _, _, deadline, _ in tasks("Sở Xa kết nối nền tảng dữ liệu (Quý III/2026).\n"
                                                    "Sở Ya rà soát điều kiện an ninh (từ Quý IV/2026).\n")] == [
        "2026-09-30", None]


def test_before_a_year_in_a_time_column_is_the_end_of_the_year_before():
    text = ("TT | Nhiệm vụ | Cơ quan chủ trì | Thời gian\n"
            "1 | Ban hành quy định về tiêu chuẩn dữ liệu | Bộ Xa | Trước năm 2027\n")
    assert [deadline for _, _, deadline, _ in tasks(text)] == ["2026-12-31"]


def test_contact_details_and_the_call_to_carry_out_the_letter_are_no_work():
    text = ("Bộ Xa yêu cầu các trường:\n"
            "- Thành lập Tổ công tác chuyên trách giải đáp thắc mắc.\n"
            "- Những nội dung trường không giải quyết được chuyển về Tổ công tác của Bộ theo địa chỉ:\n"
            "+ Phòng 203, Trung tâm Hội nghị Xa, số 23 phố Ya.\n"
            "+ Điện thoại: 024.3826200; Email: hotro@xa.vn\n"
            "Bộ Xa yêu cầu các Trường tổ chức thực hiện nghiêm túc nội dung Công văn này./.\n")
    assert [summary[:22] for _, _, _, summary in tasks(text)] == ["Thành lập Tổ công tác "]


def test_a_plan_handed_to_its_lead_stays_its_work():
    text = ("Điều 2. Giao Sở Xa chủ trì, phối hợp với các sở, ngành triển khai thực hiện Kế hoạch này.\n"
            "Điều 3. Sở Xa tổng hợp báo cáo UBND tỉnh trước ngày 18/5/2026.\n")
    assert [(lead, deadline) for lead, _, deadline, _ in tasks(text)] == [("Sở Xa", None), ("Sở Xa", "2026-05-18")]


def test_kinds_of_body_going_on_after_one_cac_are_one_group_with_their_heads():
    text = ("III. TỔ CHỨC THỰC HIỆN\n"
            "1. Các cấp ủy, tổ chức đảng, cơ quan, đơn vị và người đứng đầu\n"
            "(1) Tập trung chỉ đạo, khẩn trương cụ thể hóa kế hoạch.\n"
            "(2) Kiểm soát chặt chẽ tình hình ở các địa bàn.\n"
            "2. Các sở, ban, ngành, UBND các huyện báo cáo kết quả trước ngày 15/12/2026.\n")
    assert [lead for lead, _, _, _ in tasks(text)] == [
        "Các cấp ủy, tổ chức đảng, cơ quan, đơn vị và người đứng đầu",
        "Các cấp ủy, tổ chức đảng, cơ quan, đơn vị và người đứng đầu", "Các sở, ban, ngành", "UBND các huyện"]


def test_a_letters_body_after_an_addressees_line_without_a_stop_starts_afresh():
    text = ("Kính gửi: Các đồng chí Bộ trưởng, Thủ trưởng cơ quan ngang Bộ\n"
            "Thực hiện Kết luận số 12-KL/TW, Ban Chỉ đạo yêu cầu các đồng chí Bộ trưởng, Thủ trưởng cơ quan ngang Bộ "
            "khẩn trương chỉ đạo thực hiện các nội dung sau:\n"
            "1. Về phân cấp, phân quyền\n"
            "1.1. Các Bộ, cơ quan ngang Bộ khẩn trương rà soát, ban hành văn bản hướng dẫn. Thời hạn hoàn thành chậm "
            "nhất ngày 25/12/2026.\n")
    assert [(lead, deadline) for lead, _, deadline, _ in tasks(text)] == [("Các Bộ, cơ quan ngang Bộ", "2026-12-25")]


def test_mass_organisations_after_a_heads_bodies_lead_of_their_own():
    text = ("Yêu cầu Thủ trưởng các sở, ban, ngành, các tổ chức chính trị - xã hội tỉnh; Chủ tịch UBND các huyện "
            "quán triệt, triển khai thực hiện các nhiệm vụ phòng, chống thiên tai trước ngày 15/6/2026.\n")
    assert [lead for lead, _, _, _ in tasks(text)] == [
        "Thủ trưởng các sở, ban, ngành", "Các tổ chức chính trị - xã hội tỉnh", "Chủ tịch UBND các huyện"]


def test_a_boards_roster_table_is_no_work():
    text = ("DANH SÁCH\nBan tổ chức giải Cờ vua cấp huyện\n"
            "TT | Họ tên | Đơn vị | Nhiệm vụ\n"
            "1 | Nguyễn Văn A | Phó Trưởng Phòng Xa | Trưởng ban\n"
            "2 | Trần Thị B | Chuyên viên Phòng Xa | Thành viên\n")
    assert tasks(text) == []


def test_a_field_that_leads_and_does_names_the_lead():
    text = ("1.4. Theo dõi, đôn đốc việc thực hiện chuyển đổi số.\n"
            "- Cơ quan chủ trì, thực hiện: Văn phòng Đảng ủy.\n"
            "- Cơ quan phối hợp: các cơ quan, tổ chức đảng có liên quan.\n"
            "- Thời gian thực hiện: hoàn thành trước ngày 31/12/2026.\n")
    assert [(lead, deadline) for lead, _, deadline, _ in tasks(text)] == [("Văn phòng Đảng ủy", "2026-12-31")]


def test_an_inspection_committee_in_lower_case_and_a_listed_phrase_with_a_comma():
    from directives.names import parse_unit_list
    from directives.text import tokenize
    for text, first in (("Uỷ ban kiểm tra Đảng uỷ chủ trì thực hiện.", "Uỷ ban kiểm tra Đảng uỷ"),
                        ("Các cơ quan tham mưu, giúp việc thực hiện.", "Các cơ quan tham mưu, giúp việc")):
        units, _ = parse_unit_list(text, tokenize(text), 0, raw=True)
        assert units[0].text == first


def test_a_section_of_targets_is_no_work():
    text = ("KẾ HOẠCH\nXây dựng xã, phường không ma túy năm 2026\n"
            "I. MỤC ĐÍCH, YÊU CẦU\n1. Tiến hành từng bước, củng cố xây dựng địa bàn bền vững.\n"
            "II. CHỈ TIÊU XÂY DỰNG XÃ, PHƯỜNG KHÔNG MA TÚY NĂM 2026\n"
            "- Đối với 29 xã có Quyết định công nhận, gồm: Xã Ya; Xã Za, hằng năm duy trì kết quả đạt được.\n"
            "III. NHIỆM VỤ, GIẢI PHÁP\n"
            "1. Các sở, ban, ngành tham mưu Ủy ban nhân dân tỉnh chỉ đạo triển khai kế hoạch.\n")
    assert [lead for lead, _, _, _ in tasks(text)] == ["Các sở, ban, ngành"]


def test_a_definition_as_kinds_of_body_keeps_the_addressees_and_an_aside_ends_its_clause():
    text = ("Thực hiện Nghị định 170/2025/NĐ-CP ngày 30/6/2025 của Chính phủ quy định về tuyển dụng công chức (sau đây "
            "gọi tắt là Nghị định 170/2025/NĐ-CP) Bộ Xa đề nghị Thủ trưởng các cơ quan hành chính, đơn vị sự nghiệp thuộc "
            "Bộ (sau đây gọi tắt là cơ quan, đơn vị) thực hiện các nội dung sau:\n"
            "1. Khẩn trương rà soát, sửa đổi quy chế nâng bậc lương trước thời hạn.\n")
    assert [lead for lead, _, _, _ in tasks(text)] == ["Thủ trưởng các cơ quan hành chính, đơn vị sự nghiệp thuộc Bộ"]


def test_a_body_agreeing_to_a_paper_is_no_work_and_a_numbers_initials_end_a_sentence():
    text = ("Ngày 18/11/2026, Thường trực Đảng ủy họp nghe báo cáo.\n"
            "1. Về đề án thành lập Trung tâm Dịch vụ\n"
            "Thường trực Đảng ủy thống nhất với đề xuất tại Tờ trình số 98-TTr/BXDĐ. Giao Ban Xây dựng Đảng chủ trì "
            "hoàn thiện dự thảo quyết định.\n"
            "2. Về kiện toàn\n"
            "Thường trực Đảng ủy cơ bản nhất trí với nội dung Tờ trình số 102. Giao Ban Tổ chức tham mưu nhân sự.\n")
    assert [lead for lead, _, _, _ in tasks(text)] == ["Ban Xây dựng Đảng", "Ban Tổ chức"]


def test_the_functions_and_duties_of_a_body_are_its_work():
    text = ("Điều 3. Chức năng, nhiệm vụ của Tổ công tác Xa:\n"
            "1. Tổ chức, điều phối và hỗ trợ các cơ quan trong công tác bảo đảm an toàn thông tin mạng.\n"
            "2. Đề xuất các giải pháp nâng cao hiệu quả công tác ứng cứu sự cố.\n")
    assert [lead for lead, _, _, _ in tasks(text)] == ["Tổ công tác Xa", "Tổ công tác Xa"]
