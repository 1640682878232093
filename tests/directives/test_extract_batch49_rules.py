"""Rules learned from batch 49 after its single run on the engine it was labelled after.
Bodies, places and people below are invented or generic."""
from __future__ import annotations

from extracted import tasks

HEADER = "Số: 12/KH-BXA Hà Nội, ngày 20 tháng 3 năm 2030\n"


def test_a_participants_column_names_the_partners():
    text = ("BỘ XA\n" + HEADER + "CÔNG VĂN\nPhụ lục I\n"
            "| TT | Nội dung công tác | Đơn vị chủ trì | Đơn vị tham gia | Thời gian thực hiện |\n"
            "| 1 | Tập huấn nghiệp vụ tổ chức thi | Cục Xa | Các sở GDĐT, các trường ĐH, CĐ | Trước ngày 25/3/2030 |\n")
    assert tasks(text)[0][:3] == ("Cục Xa", ["Các sở GDĐT", "các trường ĐH, CĐ"], "2030-03-25")


def test_universities_and_colleges_by_their_initials_are_one_group():
    text = "CÔNG VĂN\nĐề nghị các sở GDĐT, các trường ĐH, CĐ, TC nghiêm túc thực hiện hướng dẫn này.\n"
    assert [lead for lead, _, _, _ in tasks(text)] == ["Các sở GDĐT", "Các trường ĐH, CĐ, TC"]


def test_a_guidance_on_rating_is_work_not_an_assessment():
    text = ("HƯỚNG DẪN\nI. KIỂM ĐIỂM\n1. Ban Xa tổng hợp báo cáo kiểm điểm.\n"
            "II. ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG\n1. Văn phòng Đảng ủy tổng hợp bản tự đánh giá của cá nhân.\n"
            "III. ĐÁNH GIÁ KẾT QUẢ NĂM 2029\n1. Ban Ya đã hoàn thành các chỉ tiêu được giao.\n")
    assert [lead for lead, _, _, _ in tasks(text)] == ["Ban Xa", "Văn phòng Đảng ủy"]


def test_a_ministry_answering_for_its_figures_is_no_task():
    text = ("QUYẾT ĐỊNH:\nĐiều 1.\n2. Bộ Y tế, Bộ Tài chính theo chức năng, nhiệm vụ được giao chịu trách nhiệm về căn cứ, "
            "các thông tin, số liệu báo cáo, đề xuất. Ủy ban nhân dân tỉnh Xa tổ chức hỗ trợ kịp thời, đúng đối tượng.\n")
    assert [lead for lead, _, _, _ in tasks(text)] == ["Ủy ban nhân dân tỉnh Xa"]


def test_what_each_recipient_gets_is_no_work_and_the_release_is():
    text = ("QUYẾT ĐỊNH:\nĐiều 1.\n1. Bộ Y tế xuất cấp không thu tiền 1.100.000 viên sát khuẩn nước từ nguồn dự trữ quốc "
            "gia cho các tỉnh: Xa, Ya để khắc phục hậu quả cơn bão số 3, cụ thể:\n"
            "- Tỉnh Xa: 1.000.000 viên sát khuẩn nước;\n- Tỉnh Ya: 100.000 viên sát khuẩn nước.\n"
            "2. Bộ Tài chính hướng dẫn thanh toán.\n")
    found = tasks(text)
    assert [lead for lead, _, _, _ in found] == ["Bộ Y tế", "Bộ Tài chính"]
    assert found[0][3].startswith("Xuất cấp không thu tiền")


def test_a_new_bodys_roster_is_no_work():
    text = ("QUYẾT ĐỊNH:\nĐiều 1. Thành lập Tổ công tác Xa.\nĐiều 2. Thành viên Tổ công tác\n"
            "Tổ trưởng: Bộ trưởng Bộ Xây dựng.\nTổ phó:\n- Thứ trưởng Bộ Tài chính;\n- Thứ trưởng Bộ Ngoại giao.\n"
            "Các Thành viên Tổ công tác, gồm: Lãnh đạo các Bộ Công Thương, Bộ Nội vụ.\n"
            "Điều 3. Nhiệm vụ của Tổ công tác\n1. Giúp Thủ tướng Chính phủ chỉ đạo, đôn đốc các bộ, ngành.\n")
    assert [lead for lead, _, _, _ in tasks(text)] == ["Tổ công tác"]


def test_health_centres_of_district_town_and_city_by_slashes():
    text = ("CÔNG VĂN\nSở Y tế đề nghị các đơn vị thực hiện một số nội dung sau:\n"
            "- Các TTYT huyện/thị/thành phố tiếp tục kiện toàn mạng lưới y tế ấp.\n"
            "- Các BVĐK huyện tiếp tục luân phiên bác sĩ về trạm y tế.\n"
            "- TTYTDP tỉnh chỉ đạo các TTYT huyện/thị rà soát các điểm tiêm chủng.\n")
    assert [lead for lead, _, _, _ in tasks(text)] == ["Các TTYT huyện/thị/thành phố", "Các BVĐK huyện", "TTYTDP tỉnh"]


def test_rows_copied_without_their_number_and_a_session_month():
    text = ("NGHỊ QUYẾT\n"
            "| STT | Tên dự án | Cơ quan trình | Cơ quan chủ trì thẩm tra | Cơ quan tham gia thẩm tra | Tiến độ trình |\n"
            "| Luật Xa (sửa đổi) | Chính phủ | Ủy ban Kinh tế và Tài chính | Hội đồng Dân tộc | Phiên họp tháng 9/2030 | |\n"
            "| Luật Ya (sửa đổi) | Chính phủ | Ủy ban Pháp luật và Tư pháp | Hội đồng Dân tộc | Phiên họp tháng 9/2030 |\n")
    assert [(lead, partners, deadline) for lead, partners, deadline, _ in tasks(text)] == [
        ("Ủy ban Kinh tế và Tài chính", ["Hội đồng Dân tộc"], "2030-09-30"),
        ("Ủy ban Pháp luật và Tư pháp", ["Hội đồng Dân tộc"], "2030-09-30")]


def test_a_schedule_rows_span_and_planned_day():
    text = ("KẾ HOẠCH\n| STT | Công việc | Thời gian | Người thực hiện & kết quả |\n"
            "| 07 | Thẩm định kế hoạch lựa chọn nhà thầu | 26/4/2030 – 21/5/2030 ≤ 20 ngày làm việc | Tổ thẩm định |\n"
            "| 08 | Phê duyệt hồ sơ mời thầu | ≤ 10 ngày Dự kiến 10/7/2030 | Giám đốc Sở Xa |\n")
    assert [deadline for _, _, deadline, _ in tasks(text)] == ["2030-05-21", "2030-07-10"]


def test_a_cadence_after_a_partner_is_no_part_of_its_name():
    text = ("KẾ HOẠCH\n- Sở Giáo dục và Đào tạo chủ trì, phối hợp với Sở Lao động Thương binh và Xã hội hàng năm tổ chức "
            "kiểm tra việc thực hiện.\n")
    assert tasks(text)[0][1] == ["Sở Lao động Thương binh và Xã hội"]
