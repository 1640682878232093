"""Rules learned from batch 51 after its single run on the engine it was labelled after.
Bodies, places and people below are invented or generic."""
from __future__ import annotations

import pytest
from extracted import tasks

from directives.dates import find_recurrence


@pytest.mark.parametrize("opening, lead", [
    ("Bộ trưởng Bộ Xa chỉ thị toàn ngành Xa tập trung thực hiện các nhiệm vụ sau:", "Toàn ngành Xa"),
    ("Để hoàn thành kế hoạch công tác năm, toàn Ngành cần tập trung thực hiện các nhiệm vụ trọng tâm sau:", "Toàn Ngành"),
    ("Chủ tịch UBND tỉnh yêu cầu toàn ngành Y tế tập trung thực hiện các nhiệm vụ sau:", "Toàn ngành Y tế"),
])
def test_a_whole_sector_addressed_by_the_opening_leads_its_items(opening, lead):
    text = (f"CHỈ THỊ\nVề nhiệm vụ năm học\n{opening}\n1. Rà soát mạng lưới cơ sở\n"
            "1.1. Thực hiện rà soát, sắp xếp lại các cơ sở mầm non.\n1.2. Đề xuất cơ chế khuyến khích xã hội hóa.\n")
    assert [(found, summary[:12]) for found, _, _, summary in tasks(text)] == [
        (lead, "Thực hiện rà"), (lead, "Đề xuất cơ c")]


def test_a_minister_instructing_his_own_bodies_hands_them_the_work():
    text = "CHỈ THỊ\nBộ trưởng Bộ Xa chỉ thị các sở giáo dục và đào tạo khẩn trương rà soát đội ngũ giáo viên.\n"
    assert [lead for lead, _, _, _ in tasks(text)] == ["Các sở giáo dục và đào tạo"]


def test_a_councils_delegations_and_delegates_oversee_its_resolution():
    text = ("NGHỊ QUYẾT\nĐiều 3. Tổ chức thực hiện\n"
            "Giao Thường trực Hội đồng nhân dân, các Ban của Hội đồng nhân dân, Tổ đại biểu Hội đồng nhân dân và "
            "các đại biểu Hội đồng nhân dân tỉnh tổ chức kiểm tra, giám sát việc thực hiện Nghị quyết.\n")
    assert [lead for lead, _, _, _ in tasks(text)] == [
        "Thường trực Hội đồng nhân dân", "Các Ban của Hội đồng nhân dân",
        "Tổ đại biểu Hội đồng nhân dân", "Các đại biểu Hội đồng nhân dân tỉnh"]


def test_the_owners_of_bodies_stay_one_list():
    text = "CÔNG VĂN\nCác cơ quan của Đảng, Quốc hội, Mặt trận Tổ quốc Việt Nam rà soát các văn bản.\n"
    assert [lead for lead, _, _, _ in tasks(text)] == ["Các cơ quan của Đảng, Quốc hội, Mặt trận Tổ quốc Việt Nam"]


def test_the_findings_a_council_agrees_to_are_nobodys_work():
    text = ("NGHỊ QUYẾT\nQUYẾT NGHỊ:\nĐiều 1. Hội đồng nhân dân tỉnh tán thành nội dung báo cáo kết quả giám sát và "
            "nhấn mạnh một số nội dung sau:\nTrong những năm qua, các ngành đã triển khai kịp thời. Đội ngũ nhà giáo "
            "cơ bản đảm bảo về số lượng.\nTuy nhiên, vẫn còn một số hạn chế như: công tác tuyển dụng còn chậm.\n"
            "Điều 2. Hội đồng nhân dân tỉnh yêu cầu Ủy ban nhân dân tỉnh tập trung thực hiện các nhiệm vụ sau:\n"
            "1. Chỉ đạo Sở Xa tiếp tục rà soát đội ngũ giáo viên.\n")
    assert [lead for lead, _, _, _ in tasks(text)] == ["Ủy ban nhân dân tỉnh"]


@pytest.mark.parametrize("text, cadence", [
    ("định kỳ quý, 6 tháng, hằng năm tham mưu báo cáo kết quả thực hiện", "quarterly"),
    ("định kỳquý báo cáo kết quả", "quarterly"),  # words a text layer glued
    ("định kỳ tháng báo cáo Thường trực", "monthly"),
    ("định kỳ hằng năm báo cáo", "yearly"),
    ("định kỳ tháng 6 và tháng 12 báo cáo", None),  # months named, no cadence
    ("định kỳ năm 2030 tổng kết", None),
])
def test_a_cadence_right_after_dinh_ky(text, cadence):
    assert find_recurrence(text) == cadence


@pytest.mark.parametrize("sentence, lead, summary", [
    ("Sau khi xem xét, Ban Tiếp công dân huyện chuyển đơn nêu trên đến Phòng Xa để xác minh, giải quyết theo quy định.",
     "Phòng Xa", "Xác minh, giải quyết theo quy định"),
    ("Văn phòng UBND tỉnh chuyển nội dung nêu trên đến Ban Quản lý dự án đầu tư xây dựng tỉnh để nghiên cứu, xử lý.",
     "Ban Quản lý dự án đầu tư xây dựng tỉnh", "Nghiên cứu, xử lý"),
    ("Ban Tiếp công dân huyện kính chuyển đơn của ông Nguyễn Văn Xa đến UBND xã Ya để xác minh, trả lời công dân.",
     "UBND xã Ya", "Xác minh, trả lời công dân"),
])
def test_a_petition_forwarded_is_the_work_of_the_unit_it_goes_to(sentence, lead, summary):
    assert [(found, text) for found, _, _, text in tasks(f"CÔNG VĂN\n{sentence}\n")] == [(lead, summary)]


def test_a_commune_counting_is_its_work_not_part_of_its_name():
    text = "CÔNG VĂN\nGiao UBND xã Xa thống kê toàn bộ các hộ dân đã đăng ký cấp giấy chứng nhận.\n"
    assert [(lead, summary[:9]) for lead, _, _, summary in tasks(text)] == [("UBND xã Xa", "Thống kê ")]


def test_heads_directing_the_search_after_an_accident_is_work():
    text = ("CÔNG ĐIỆN\nThủ tướng Chính phủ yêu cầu:\n1. Bộ trưởng Bộ Xa, Chủ tịch Ủy ban nhân dân tỉnh Ya trực tiếp "
            "chỉ đạo khẩn trương tìm kiếm người còn mất tích, cứu chữa người bị thương.\n")
    assert [lead for lead, _, _, _ in tasks(text)] == ["Bộ trưởng Bộ Xa", "Chủ tịch Ủy ban nhân dân tỉnh Ya"]


def test_what_a_unit_has_now_is_a_figure_not_work():
    text = ("KẾ HOẠCH\nI. THỰC TRẠNG\nToàn ngành Xa huyện hiện có trên 70% cán bộ tự trang bị máy vi tính.\n"
            "II. NHIỆM VỤ\nSở Ya có 30 ngày để hoàn thành báo cáo.\n")
    assert [lead for lead, _, _, _ in tasks(text)] == ["Sở Ya"]


def test_a_section_on_results_assesses():
    text = ("THÔNG BÁO\n1. Về kết quả triển khai thực hiện\nChính phủ, các bộ, ngành đã tổ chức triển khai thực hiện.\n"
            "- Kết cấu hạ tầng đã có những bước tiến rõ rệt.\n2. Về nhiệm vụ thời gian tới\n"
            "Bộ Xa rà soát, sửa đổi các văn bản dưới luật.\n")
    assert [lead for lead, _, _, _ in tasks(text)] == ["Bộ Xa"]


def test_an_opening_in_a_section_leads_the_decimal_items_under_each_title():
    text = ("THÔNG BÁO KẾT LUẬN\nIII. Phương hướng, nhiệm vụ công tác năm 2030\n"
            "Để hoàn thành kế hoạch công tác năm, toàn Ngành cần tập trung thực hiện tốt các nhiệm vụ trọng tâm sau:\n"
            "1. Tiếp tục đẩy mạnh công tác xây dựng pháp luật.\n1.1. Tham mưu triển khai việc sơ kết.\n"
            "1.2. Tạo chuyển biến về tiến độ công tác thẩm định.\n")
    assert [(lead, summary[:9]) for lead, _, _, summary in tasks(text)] == [
        ("Toàn Ngành", "Tham mưu "), ("Toàn Ngành", "Tạo chuyể")]


@pytest.mark.parametrize("text, cadence", [
    ("xây dựng kịch bản giải ngân chi tiết theo từng tuần, từng tháng", None),  # how fine the plan is
    ("báo cáo kết quả theo từng tháng", "monthly"),
])
def test_a_plan_detailed_week_by_week_is_not_a_weekly_duty(text, cadence):
    assert find_recurrence(text) == cadence


def test_units_drawing_up_a_request_to_another_body_do_the_work():
    text = ("CÔNG VĂN\n- Các Trung tâm Y tế huyện làm đề nghị UBND huyện và Phòng Tài chính huyện hỗ trợ kinh phí "
            "sửa chữa trang thiết bị.\n")
    assert [lead for lead, _, _, _ in tasks(text)] == ["Các Trung tâm Y tế huyện"]
