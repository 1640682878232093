"""Rules learned from batch 48 after its single run on the engine it was labelled after.
Bodies, places and people below are invented or generic."""
from __future__ import annotations

from extracted import tasks

from directives.dates import find_deadline

DIRECTIVE = ("ỦY BAN NHÂN DÂN TỈNH XA\nSố: 08/CT-UBND Xa, ngày 18 tháng 7 năm 2030\nCHỈ THỊ\n"
             "Xây dựng kế hoạch phát triển kinh tế - xã hội năm 2031\n"
             "Ủy ban nhân dân tỉnh yêu cầu các Sở, Ban, ngành, UBND các huyện khẩn trương thực hiện các nội dung "
             "về dự toán ngân sách năm 2031 theo Chỉ thị số 07/CT-UBND, đồng thời triển khai xây dựng Kế hoạch "
             "phát triển kinh tế - xã hội năm 2031, với các nội dung cụ thể như sau:\n"
             "I. YÊU CẦU TRONG XÂY DỰNG KẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI\n"
             "1. Đánh giá sát thực, đúng thực chất tình hình phát triển kinh tế - xã hội năm 2030.\n"
             "2. Dự báo kịp thời tình hình kinh tế vĩ mô để có giải pháp ứng phó phù hợp.\n"
             "II. MỤC TIÊU, NHIỆM VỤ CHỦ YẾU CỦA KẾ HOẠCH NĂM 2031\n"
             "- Đẩy mạnh cơ cấu lại ngành nông nghiệp.\n"
             "- Tăng cường công tác quản lý bảo vệ rừng.\n"
             "III. PHÂN CÔNG THỰC HIỆN\n"
             "1. Sở Kế hoạch và Đầu tư\nTổ chức hướng dẫn xây dựng và tổng hợp kế hoạch năm 2031.\n"
             "2. Sở Tài chính:\nChủ trì, phối hợp với Sở Kế hoạch và Đầu tư xây dựng dự toán thu, chi ngân sách năm 2031.\n")


def test_what_a_plan_to_draft_must_meet_and_aim_at_is_no_work():
    leads = [lead for lead, _, _, _ in tasks(DIRECTIVE)]
    assert leads.count("Sở Kế hoạch và Đầu tư") == 1 and leads.count("Sở Tài chính") == 1
    assert not any("cơ cấu lại" in summary or "Đánh giá" in summary for _, _, _, summary in tasks(DIRECTIVE))


def test_a_request_with_work_of_its_own_besides_the_items():
    found = [(lead, summary) for lead, _, _, summary in tasks(DIRECTIVE) if "dự toán ngân sách" in summary]
    assert [lead for lead, _ in found] == ["Các Sở, Ban, ngành", "UBND các huyện"]
    assert all(summary.startswith("Khẩn trương thực hiện") and "đồng thời" not in summary for _, summary in found)


def test_a_request_whose_items_only_detail_it_gives_no_task_of_its_own():
    text = ("CHỈ THỊ\nỦy ban nhân dân quận yêu cầu các phòng, ban, ngành tăng cường các hoạt động phòng, chống "
            "tác hại của thuốc lá với các nội dung như sau:\n"
            "1. Tổ chức tuyên truyền tác hại của thuốc lá trong cơ quan.\n"
            "2. Treo biển cấm hút thuốc lá tại nơi làm việc.\n")
    assert [summary for _, _, _, summary in tasks(text)] == [
        "Tổ chức tuyên truyền tác hại của thuốc lá trong cơ quan", "Treo biển cấm hút thuốc lá tại nơi làm việc"]


def test_initials_then_an_academy_after_a_slash_are_two_bodies():
    text = "KẾ HOẠCH\n- Các trường ĐHSP/Học viện QLGD căn cứ các yêu cầu về nội dung để đề xuất nội dung chi tiết.\n"
    assert [lead for lead, _, _, _ in tasks(text)] == ["Các trường ĐHSP", "Học viện QLGD"]


def test_a_document_number_keeps_its_slash():
    text = "CÔNG VĂN\nSở GD/ĐT chủ trì rà soát hồ sơ theo Công văn số 12/UBND-VP.\n"
    assert [lead for lead, _, _, _ in tasks(text)] == ["Sở GD/ĐT"]


def test_a_department_whose_name_holds_management_words():
    text = ("KẾ HOẠCH\n1. Cục Nhà giáo và Cán bộ quản lý giáo dục chủ trì, phối hợp với Vụ Giáo dục Trung học chỉ đạo "
            "tổ chức bồi dưỡng.\n")
    assert tasks(text)[0][:2] == ("Cục Nhà giáo và Cán bộ quản lý giáo dục", ["Vụ Giáo dục Trung học"])


def test_the_topics_of_a_course_are_no_work():
    text = ("KẾ HOẠCH\nI. NỘI DUNG BỒI DƯỠNG\n"
            "1. Những nội dung cần bồi dưỡng cho cán bộ quản lý phòng GDĐT gồm:\n"
            "- Tìm hiểu về mục tiêu, nội dung của chương trình mới;\n"
            "- Xây dựng kế hoạch phát triển chương trình giáo dục của nhà trường;\n"
            "2. Tổ chức thực hiện:\n"
            "- Học viện Xa căn cứ các yêu cầu về nội dung như trên để đề xuất nội dung chi tiết.\n")
    assert [lead for lead, _, _, _ in tasks(text)] == ["Học viện Xa"]


def test_units_named_by_the_programme_they_take_part_in():
    text = "KẾ HOẠCH\n- Từ tháng 7/2030 đến tháng 8/2030: Các trường tham gia Chương trình Xa tổ chức bồi dưỡng đợt 2.\n"
    assert tasks(text)[0][0] == "Các trường tham gia Chương trình Xa"
    assert tasks(text)[0][2] == "2030-08-31"


def test_the_committee_of_each_commune_named_after_one_level():
    text = ("CÔNG VĂN\n10. UBND xã Hòa An, Ya Tờ, Kiến Xa.\n"
            "Tăng cường các giải pháp vận động để huy động nguồn vốn đóng góp của nhân dân.\n")
    assert [lead for lead, _, _, _ in tasks(text)] == ["UBND xã Hòa An", "UBND xã Ya Tờ", "UBND xã Kiến Xa"]
    named = "CÔNG VĂN\nGiao UBND xã Hòa An, Công an xã Hòa An rà soát các hộ dân.\n"
    assert [lead for lead, _, _, _ in tasks(named)] == ["UBND xã Hòa An", "Công an xã Hòa An"]
    grouped = "CÔNG VĂN\nGiao UBND các xã Hòa An, Ya Tờ tăng cường các giải pháp vận động nhân dân.\n"
    assert [lead for lead, _, _, _ in tasks(grouped)] == ["UBND các xã Hòa An, Ya Tờ"]


def test_the_union_of_each_school():
    text = ("3.2. Công đoàn các trường Xa\n"
            "- Xây dựng kế hoạch và triển khai các nội dung của kế hoạch đến các công đoàn cơ sở.\n")
    assert [lead for lead, _, _, _ in tasks(text)] == ["Công đoàn các trường Xa"]


def test_what_a_unit_may_do_is_no_task():
    text = ("NGHỊ QUYẾT\nĐiều 2. Bệnh viện Xa được ký hợp đồng khám bệnh, chữa bệnh bảo hiểm y tế tại cơ sở Ya.\n"
            "Điều 3. Bộ Y tế hướng dẫn Bệnh viện Xa lập dự toán chi đặc thù.\n"
            "Điều 4. Sở Ya được giao chủ trì rà soát hồ sơ.\n")
    assert [lead for lead, _, _, _ in tasks(text)] == ["Bộ Y tế", "Sở Ya"]


def test_a_review_is_due_in_the_period_it_is_held_in():
    assert str(find_deadline("Tổng kết việc thực hiện Nghị quyết này vào quý IV năm 2030.", 2029)) == "2030-12-31"
    assert str(find_deadline("tổ chức sơ kết 3 năm thực hiện Đề án vào tháng 11 năm 2030", 2029)) == "2030-11-30"
    assert find_deadline("tổ chức hội nghị vào tháng 12/2030", 2029) is None


def test_a_conclusion_sent_to_the_city_gives_it_the_items_without_an_actor():
    text = ("VĂN PHÒNG CHÍNH PHỦ\nSố: 365/TB-VPCP Hà Nội, ngày 10 tháng 7 năm 2030\nTHÔNG BÁO\n"
            "Kết luận của Phó Thủ tướng tại buổi làm việc với lãnh đạo Thành phố Xa\n"
            "Sau khi nghe báo cáo của Ủy ban nhân dân Thành phố Xa, Phó Thủ tướng kết luận như sau:\n"
            "I. ĐÁNH GIÁ CHUNG\nThành phố đã đạt kết quả khá toàn diện.\n"
            "II. MỘT SỐ NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM\n"
            "1. Tăng tốc giải ngân vốn đầu tư công.\n"
            "2. Đẩy nhanh tiến độ các công trình, dự án trọng điểm.\n"
            "Văn phòng Chính phủ thông báo để các Bộ, cơ quan liên quan và Thành phố Xa biết, tập trung triển khai "
            "thực hiện./.\n")
    assert [lead for lead, _, _, _ in tasks(text)] == ["Thành phố Xa", "Thành phố Xa"]
