"""Rules learned from batch 44 after its single run on the engine it was labelled after.
Bodies, places and people below are invented or generic."""
from __future__ import annotations

from extracted import tasks

from directives import extract_text


def leads(text: str) -> list[str]:
    return [lead for lead, _, _, _ in tasks(text)]


def dated(text: str) -> list[tuple[str, str | None]]:
    return [(lead, deadline) for lead, _, deadline, _ in tasks(text)]


def partners(text: str) -> list[tuple[str, list[str]]]:
    return [(lead, coordinators) for lead, coordinators, _, _ in tasks(text)]


def test_the_unit_that_hands_the_work_on_is_no_recipient_of_the_purpose_before_it():
    text = ("Để có cơ sở trình Thủ tướng Chính phủ, Bộ Xa đề nghị Bộ Ya, Bộ Za góp ý dự thảo Nghị định, "
            "gửi về Bộ Xa trước ngày 20/5/2031.")
    assert leads(text) == ["Bộ Ya", "Bộ Za"]


def test_a_list_of_laws_to_amend_is_a_task_table_dated_by_the_body_sentence_naming_its_annex():
    text = ("Điều 3. Tổ chức thực hiện\n"
            "1. Bộ trưởng có trách nhiệm tham mưu ban hành văn bản theo Phụ lục II ban hành kèm theo Nghị quyết "
            "này, bảo đảm có hiệu lực trước ngày 01 tháng 3 năm 2032.\n"
            "TM. CHÍNH PHỦ\n"
            "Phụ lục II\n"
            "DANH MỤC VĂN BẢN ĐỀ XUẤT SỬA ĐỔI\n"
            "| STT | DANH SÁCH CÁC VĂN BẢN SỬA ĐỔI, BỔ SUNG | ĐIỀU, KHOẢN CẦN SỬA ĐỔI | CƠ QUAN CHỦ TRÌ SOẠN THẢO |\n"
            "| I | DANH SÁCH LUẬT |  |\n"
            "| 1. | Luật Lưu trữ số 01/2030/QH16 | Khoản 2 Điều 5 | Bộ Xa |\n"
            "| 2. | Luật Việc làm số 02/2030/QH16 | Điều 7 | Bộ Ya |\n")
    assert dated(text)[-2:] == [("Bộ Xa", "2032-03-01"), ("Bộ Ya", "2032-03-01")]


def test_a_bare_unit_column_beside_the_column_that_says_who_leads_is_a_measure():
    text = ("| TT | Chỉ tiêu | Đơn vị | Kết quả | Cơ quan chủ trì theo dõi, đánh giá |\n"
            "| 1 | Tỉ lệ hồ sơ xử lý trên môi trường điện tử. | % | 100% | Văn phòng Ủy ban |\n"
            "| 2 | Tỉ lệ cán bộ được đào tạo kỹ năng số. | % | 90% | Sở Xa |\n")
    assert leads(text) == ["Văn phòng Ủy ban", "Sở Xa"]


def test_a_group_column_heads_the_rows_whose_merged_cells_keep_lead_and_partners():
    text = ("| STT | Cơ quan chủ trì | Cơ quan phối hợp | Thuộc nhóm nhiệm vụ | Nội dung nhiệm vụ | Thời hạn hoàn thành |\n"
            "| 1 | Sở Xa | Sở Ya; Sở Za | Hoàn thiện chính sách | - Ban hành quy chế phối hợp liên vùng. | "
            "Ban hành trong năm 2031. Thực hiện rà soát (nếu có) |\n"
            "|  |  |  |  | - Xây dựng cơ sở dữ liệu nguồn thải. | Hoàn thành trong giai đoạn 2031 - 2032 và vận hành "
            "thường xuyên |\n"
            "|  |  |  |  | - Đào tạo cán bộ quan trắc. | Giai đoạn 2031 - 2035 và những năm tiếp theo |\n")
    assert [(lead, coordinators, deadline) for lead, coordinators, deadline, _ in tasks(text)] == [
        ("Sở Xa", ["Sở Ya", "Sở Za"], "2031-12-31"),
        ("Sở Xa", ["Sở Ya", "Sở Za"], "2032-12-31"),
        ("Sở Xa", ["Sở Ya", "Sở Za"], None)]


def test_a_lead_cell_listing_its_units_as_bullets_with_their_shares_in_brackets():
    text = ("| STT | Tên nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian thực hiện |\n"
            "| 1 | Đầu tư mạng lưới thu gom phụ phẩm | - Sở Xa (chủ trì phần chính sách); - UBND các xã (chủ trì phần "
            "đầu tư tại địa phương). | Các cơ quan liên quan | 2031 - 2035 |\n")
    assert dated(text) == [("Sở Xa", "2035-12-31"), ("UBND các xã", "2035-12-31")]


def test_a_bracket_that_is_part_of_a_name_in_a_lead_cell_stays():
    text = ("| STT | Nhiệm vụ | Cơ quan chủ trì | Thời gian |\n"
            "| 1 | Rà soát hồ sơ | Các cơ quan thuộc 04 khối (Đảng, Chính quyền, Mặt trận) | Năm 2031 |\n")
    assert leads(text) == ["Các cơ quan thuộc 04 khối (Đảng, Chính quyền, Mặt trận)"]


def test_a_letters_closing_paragraph_dates_the_written_answer_to_its_requests():
    text = ("Kính gửi: Các sở, ngành\n"
            "1. Sở Xa đề xuất nhu cầu vốn giai đoạn 5 năm.\n"
            "2. Sở Ya đề xuất nhu cầu dự toán năm 2032.\n"
            "Văn bản trả lời đề nghị gửi về Sở Kế hoạch (qua Phòng Tổng hợp) trước ngày 24/12/2031.\n")
    assert dated(text) == [("Sở Xa", "2031-12-24"), ("Sở Ya", "2031-12-24")]


def test_the_list_of_recipients_after_the_signature_is_no_work():
    text = ("Kính gửi: Các đơn vị\n"
            "Sở Xa rà soát hồ sơ, báo cáo trước ngày 24/12/2031.\n"
            "Nơi nhận:\n"
            "- Như trên;\n"
            "- Lưu: VT.\n"
            "KT. GIÁM ĐỐC\n"
            "PHÓ GIÁM ĐỐC\n"
            "Nguyễn Văn A\n"
            "DANH SÁCH\n"
            "Danh sách các đơn vị nhận công văn\n"
            "(Kèm theo Công văn số: 12/SXa-VP ngày 16 tháng 12 năm 2031)\n"
            "1. UBND tỉnh Xa\n"
            "2. UBND tỉnh Ya\n"
            "3. Bộ Za\n")
    assert leads(text) == ["Sở Xa"]


def test_a_duties_title_listing_kinds_bodies_and_state_enterprises_names_each():
    text = ("QUYẾT ĐỊNH\n"
            "Điều 23. Trách nhiệm của Sở Ya\n"
            "1. Thống kê số thẻ đã cấp.\n"
            "Điều 24. Trách nhiệm của bộ, cơ quan ngang bộ, Ủy ban nhân dân cấp tỉnh, tổ chức chính trị - xã hội "
            "cấp trung ương, Hiệp hội Xa, tập đoàn, tổng công ty do Thủ tướng Chính phủ quyết định thành lập\n"
            "1. Tổ chức tiếp nhận, giải quyết hồ sơ đề nghị cấp thẻ đi lại theo quy định.\n")
    assert leads(text)[-5:] == ["Bộ, cơ quan ngang bộ", "Ủy ban nhân dân cấp tỉnh",
                           "Tổ chức chính trị - xã hội cấp trung ương", "Hiệp hội Xa",
                           "Tập đoàn, tổng công ty do Thủ tướng Chính phủ quyết định thành lập"]


def test_a_body_at_either_of_two_levels():
    text = "Giám đốc Bảo hiểm xã hội cấp tỉnh/cơ sở tiếp tục rà soát đối tượng chưa tham gia."
    assert leads(text) == ["Giám đốc Bảo hiểm xã hội cấp tỉnh/cơ sở"]


def test_a_post_after_a_semicolon_in_a_title_keeps_whose_post_it_is():
    text = ("KẾ HOẠCH\n"
            "(2) Sở Ya đôn đốc các thành viên triển khai Kế hoạch.\n"
            "(3) Các Thành viên Ban Chỉ đạo của Chính phủ; Trưởng Ban Chỉ đạo của các sở, ngành, địa phương\n"
            "- Chủ động chỉ đạo, đôn đốc triển khai các nhiệm vụ được giao.\n")
    assert leads(text)[-2:] == ["Các Thành viên Ban Chỉ đạo của Chính phủ",
                           "Trưởng Ban Chỉ đạo của các sở, ngành, địa phương"]


def test_addressed_bodies_set_beside_the_items_lead_them_and_what_they_hold():
    text = ("Kính gửi: Các sở, ngành\n"
            "Đối với các sở, ngành thuộc Ủy ban nhân dân tỉnh:\n"
            "(1) Khẩn trương hoàn thành việc rà soát tài sản; trên cơ sở đó:\n"
            "- Xác định các cơ sở nhà, đất dôi dư để xây dựng phương án xử lý.\n"
            "(2) Định kỳ hằng tuần cập nhật báo cáo tiến độ xử lý nhà, đất dôi dư theo mẫu:\n"
            "- Tổng số cơ sở nhà, đất dôi dư đầu kỳ: ...... cơ sở\n"
            "- Số cơ sở hoàn thành việc xử lý trong kỳ: ..... cơ sở\n")
    found = leads(text)
    assert found and set(found) == {"Các sở, ngành thuộc Ủy ban nhân dân tỉnh"}
    assert not any("Tổng số" in summary or "Số cơ sở" in summary for _, _, _, summary in tasks(text))


def test_a_list_goes_on_after_a_run_of_kinds_and_a_semicolon():
    text = ("Ban Thường vụ Đảng ủy yêu cầu các cấp ủy, tổ chức đảng, chính quyền; các sở, ban, ngành, đoàn thể "
            "tập trung chỉ đạo thực hiện tốt các nhiệm vụ trọng tâm.")
    assert leads(text) == ["Các cấp ủy, tổ chức đảng, chính quyền", "Các sở, ban, ngành, đoàn thể"]


def test_kinds_with_mass_organisations_name_nobody_among_named_partners():
    text = "Sở Xa chủ trì, phối hợp với Sở Ya, các sở, ngành, đoàn thể liên quan rà soát hồ sơ."
    assert partners(text) == [("Sở Xa", ["Sở Ya"])]


def test_a_workplace_union_and_the_members_of_a_board():
    assert leads("Công đoàn cơ sở chủ động tham gia với người sử dụng lao động công khai phương án trả lương.") == \
        ["Công đoàn cơ sở"]
    assert leads("Đề nghị các cơ quan thành viên Ban Chỉ đạo 389 tỉnh, UBND các xã quán triệt văn bản chỉ đạo.") == \
        ["Các cơ quan thành viên Ban Chỉ đạo 389 tỉnh", "UBND các xã"]


def test_a_count_of_bodies_of_one_kind_leads_as_a_group():
    assert leads("Đề nghị 18 tổ dân phố tổng vệ sinh xóm ngõ.") == ["18 tổ dân phố"]
    assert leads("Giao 12 xã rà soát hộ nghèo.") == ["12 xã"]


def test_mass_organisations_of_every_level_from_the_province_down():
    text = ("Các cấp ủy, chính quyền, Mặt trận và các tổ chức chính trị - xã hội từ tỉnh đến cơ sở tổ chức "
            "học tập, quán triệt Nghị quyết.")
    assert leads(text)[-1] == "Các tổ chức chính trị - xã hội từ tỉnh đến cơ sở"


def test_what_a_requested_report_is_to_say_is_no_work():
    text = ("Kính gửi: Các sở, ngành\n"
            "Ủy ban nhân dân tỉnh đề nghị các sở, ngành báo cáo kết quả thực hiện phong trào 6 tháng đầu năm, "
            "trong đó cần nêu rõ:\n"
            "- Tình hình triển khai thực hiện nhiệm vụ;\n"
            "- Kết quả đạt được;\n"
            "- Kiến nghị, đề xuất.\n")
    assert leads(text) == ["Các sở, ngành"]


def test_member_units_and_grassroots_party_bodies():
    assert leads("Ban Chỉ đạo tỉnh yêu cầu các sở, ngành, đơn vị thành viên và địa phương theo dõi cung cầu hàng "
                 "hóa.") == ["Các sở, ngành, đơn vị thành viên và địa phương"]
    assert leads("Các cơ sở đảng khẩn trương thực hiện các công việc chuẩn bị đại hội.") == ["Các cơ sở đảng"]


def test_a_numbered_annex_the_body_does_not_name_takes_no_date():
    text = ("1. Sở Xa thực hiện các nhiệm vụ theo Phụ lục I ban hành kèm theo Quyết định này trước ngày 01/3/2032.\n"
            "TM. ỦY BAN NHÂN DÂN\n"
            "Phụ lục II\n"
            "| STT | Nhiệm vụ | Cơ quan chủ trì |\n"
            "| 1 | Rà soát hồ sơ | Sở Ya |\n")
    result = extract_text(text, issued=None).to_contract()["tasks"]
    assert [(t["lead"], t["deadline"]) for t in result if t["lead"] == "Sở Ya"] == [("Sở Ya", None)]


def test_the_heads_of_a_run_of_kinds_narrowed_by_what_they_have_and_whose_they_are():
    text = ("Cục Xa đề nghị giám đốc các bệnh viện, viện có giường bệnh trực thuộc Bộ Ya, giám đốc Sở Y tế các tỉnh "
            "rà soát và cập nhật kế hoạch thu dung người bệnh.")
    assert leads(text) == ["Giám đốc các bệnh viện, viện có giường bệnh trực thuộc Bộ Ya", "Giám đốc Sở Y tế các tỉnh"]
