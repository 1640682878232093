"""Rules learned from batch 50 after its single run on the engine it was labelled after.
Bodies, places and people below are invented or generic."""
from __future__ import annotations

from extracted import tasks


def test_a_closing_line_dates_the_drafts_the_items_ask_for():
    text = ("CÔNG VĂN\nThường trực Đảng ủy yêu cầu các cơ quan, đơn vị thực hiện như sau:\n"
            "1. Ban Xây dựng Đảng:\n- Tham mưu Chương trình hành động của Đảng ủy;\n- Đề xuất Chương trình công tác toàn khóa.\n"
            "2. Văn phòng Đảng ủy: Tham mưu Kế hoạch tuyên truyền.\n"
            "Các nội dung trình Thường trực Đảng ủy trước ngày 01/10/2030.\n")
    assert [(lead, due) for lead, _, due, _ in tasks(text)] == [
        ("Ban Xây dựng Đảng", "2030-10-01"), ("Ban Xây dựng Đảng", "2030-10-01"), ("Văn phòng Đảng ủy", "2030-10-01")]


def test_a_duties_title_naming_units_by_semicolons_gives_each_its_duties():
    text = ("QUYẾT ĐỊNH:\nĐiều 1. Ban hành Quy định Xa.\n"
            "Điều 6. Trách nhiệm của Thủ trưởng các Sở, đơn vị sự nghiệp thuộc Ủy ban nhân dân tỉnh; Hội đặc thù thuộc "
            "tỉnh; Chủ tịch Ủy ban nhân dân các huyện, thành phố\n"
            "1. Xây dựng kế hoạch chuyển đổi vị trí công tác của cơ quan, đơn vị mình.\n"
            "2. Báo cáo kết quả gửi về Ủy ban nhân dân tỉnh trước ngày 15 tháng 11 hàng năm.\n")
    found = tasks(text)
    assert [lead for lead, _, _, _ in found] == [
        "Thủ trưởng các Sở, đơn vị sự nghiệp thuộc Ủy ban nhân dân tỉnh", "Hội đặc thù thuộc tỉnh",
        "Chủ tịch Ủy ban nhân dân các huyện, thành phố"] * 2


def test_an_article_on_powers_is_no_work():
    text = ("QUY ĐỊNH\nVề chuyển đổi vị trí công tác\nĐiều 5. Thẩm quyền quyết định chuyển đổi vị trí công tác\n"
            "1. Thủ trưởng các Sở: Quyết định chuyển đổi vị trí công tác đối với công chức.\n"
            "Điều 6. Thẩm quyền và trách nhiệm của Sở Nội vụ\n1. Sở Nội vụ đôn đốc, kiểm tra việc thực hiện.\n")
    assert [lead for lead, _, _, _ in tasks(text)] == ["Sở Nội vụ"]


def test_the_post_alone_over_the_signers_name_ends_the_text():
    text = ("QUY ĐỊNH\nVề chuyển đổi vị trí công tác\nĐiều 8. Trách nhiệm của Ban Tổ chức - Nội vụ tỉnh\n"
            "1. Đôn đốc, theo dõi, kiểm tra việc thực hiện Quy định này.\nCHỦ TỊCH\nNguyễn Văn Xa\n")
    assert [summary for _, _, _, summary in tasks(text)] == ["Đôn đốc, theo dõi, kiểm tra việc thực hiện Quy định này"]


def test_an_article_handing_work_on_the_ground_of_another_is_work():
    text = ("QUYẾT ĐỊNH:\nĐiều 1. Phê duyệt điều chỉnh quy hoạch sử dụng đất huyện Đắk R'xa.\n"
            "Điều 2. Căn cứ Điều 1 Quyết định này, UBND huyện Đắk R'xa có trách nhiệm:\n"
            "- Công bố công khai điều chỉnh quy hoạch sử dụng đất;\n"
            "- Định kỳ hàng năm báo cáo kết quả thực hiện gửi Sở Tài nguyên và Môi trường.\n")
    assert [lead for lead, _, _, _ in tasks(text)] == ["UBND huyện Đắk R'xa"] * 2


def test_a_topic_title_over_a_request_is_no_task_of_its_own():
    text = ("CÔNG VĂN\nSở Xa đề nghị các cơ quan báo chí tuyên truyền một số nội dung, cụ thể như sau:\n"
            "1. Tuyên truyền Chỉ thị số 08/CT-TTg của Thủ tướng Chính phủ (theo Công văn số 19/UBND-KT của UBND tỉnh).\n"
            "Đề nghị các cơ quan báo chí tỉnh tăng cường tuyên truyền về sử dụng gỗ hợp pháp.\n"
            "2. Tuyên truyền cuộc thi khởi nghiệp (theo Kế hoạch số 21/KH-BQL)\n"
            "Thời gian gần đây, nhiều doanh nghiệp được thành lập. Để lan tỏa cuộc thi, Sở Xa đề nghị các cơ quan báo chí "
            "đăng tải thể lệ cuộc thi.\n")
    assert [summary[:22] for _, _, _, summary in tasks(text)] == ["Tăng cường tuyên truyề", "Đăng tải thể lệ cuộc t"]


def test_the_guests_of_a_meeting_are_no_work_and_the_request_to_invite_them_is():
    text = ("GIẤY MỜI\nI. Tại đầu cầu tỉnh\n1. Chủ trì: Đồng chí Nguyễn Văn Xa - Phó Chủ tịch UBND tỉnh.\n2. Thành phần mời:\n"
            "- Giám đốc Sở Nông nghiệp và Môi trường.\n- Lãnh đạo Sở Tài chính.\n"
            "II. Tại đầu cầu các huyện\nGiao UBND các huyện bố trí phòng họp và mời các thành phần sau đây tham gia Hội nghị, cụ thể:\n"
            "- Lãnh đạo UBND các xã.\n- Các thành viên Ban Chỉ huy cấp huyện.\n"
            "III. Chuẩn bị nội dung\n- Văn phòng UBND tỉnh chuẩn bị kỹ thuật để kết nối trực tuyến.\n")
    assert [lead for lead, _, _, _ in tasks(text)] == ["UBND các huyện", "Văn phòng UBND tỉnh"]


def test_a_closing_call_dates_what_its_addressees_were_asked_to_send():
    text = ("CÔNG VĂN\n1. Yêu cầu các phòng, ban và UBND các xã rà soát thủ tục hành chính, xây dựng quy trình gửi về "
            "UBND huyện.\n2. Giao Văn phòng HĐND - UBND tổng hợp, báo cáo kết quả cho Chủ tịch UBND huyện.\n"
            "Nhận được Công văn này, yêu cầu các phòng, ban và UBND các xã nghiêm túc triển khai thực hiện, gửi quy trình về "
            "UBND huyện thông qua Văn phòng HĐND - UBND trước ngày 10/7/2030.\n")
    assert [(lead, due) for lead, _, due, _ in tasks(text)] == [
        ("Các phòng, ban", "2030-07-10"), ("UBND các xã", "2030-07-10"), ("Văn phòng HĐND - UBND", None)]


def test_the_ground_before_a_request_names_nobody_it_asks():
    text = ("CÔNG VĂN\nThực hiện chỉ đạo của Phó Thủ tướng về việc tổng hợp các dự án báo cáo Thủ tướng Chính phủ xem "
            "xét, hỗ trợ; Bộ Xa đề nghị Ủy ban nhân dân các tỉnh:\n(1) Tổng hợp danh mục dự án đã đầu tư;\n"
            "(2) Tổng hợp danh mục dự án chưa có vốn.\n")
    assert [lead for lead, _, _, _ in tasks(text)] == ["Ủy ban nhân dân các tỉnh"] * 2


def test_those_the_sentence_before_named_go_on_with_their_work():
    text = ("CÔNG VĂN\nPhó Thủ tướng giao Tổng cục Xa chủ trì kiểm tra, làm rõ nguồn gốc lô hàng.\n"
            "Các cơ quan này cần báo cáo Phó Thủ tướng kết quả trước ngày 01/8/2030.\n")
    assert [(lead, due, summary[:7]) for lead, _, due, summary in tasks(text)] == [
        ("Tổng cục Xa", None, "Kiểm tr"), ("Tổng cục Xa", "2030-08-01", "Báo cáo")]


def test_an_initials_apostrophe_keeps_a_place_name_whole():
    text = "CÔNG VĂN\nGiao Trung tâm Phát triển quỹ đất huyện Đắk R'xa chủ trì bàn giao lại các mốc ranh.\n"
    assert [lead for lead, _, _, _ in tasks(text)] == ["Trung tâm Phát triển quỹ đất huyện Đắk R'xa"]


def test_what_the_request_under_a_topic_covers_is_no_task_of_its_own():
    text = ("CÔNG VĂN\nSở Xa đề nghị các cơ quan báo chí tuyên truyền một số nội dung, cụ thể như sau:\n"
            "1. Tuyên truyền công tác phòng, chống ma túy (theo Công văn số 18/BXA-CBC)\n"
            "Đề nghị các cơ quan báo chí tăng cường tuyên truyền về công tác phòng, chống ma túy.\n"
            "Tuyên truyền về hậu quả, tác hại của các chất gây nghiện.\n"
            "Xây dựng chuyên trang, chuyên mục, các tin, bài, phóng sự.\n")
    assert [(lead, summary[:13]) for lead, _, _, summary in tasks(text)] == [("Các cơ quan báo chí", "Tăng cường tu")]


def test_the_press_of_the_centre_and_the_portals_of_bodies_are_groups():
    text = ("CÔNG VĂN\nĐề nghị các cơ quan báo chí tỉnh, các văn phòng đại diện, phóng viên thường trú của các cơ quan "
            "báo chí Trung ương đóng chân trên địa bàn tỉnh, các trang thông tin điện tử các cơ quan, đơn vị tăng cường "
            "tuyên truyền về sử dụng gỗ hợp pháp.\n")
    assert [lead for lead, _, _, _ in tasks(text)] == [
        "Các cơ quan báo chí tỉnh",
        "Các văn phòng đại diện, phóng viên thường trú của các cơ quan báo chí Trung ương đóng chân trên địa bàn tỉnh",
        "Các trang thông tin điện tử các cơ quan, đơn vị"]


def test_a_report_by_forms_is_one_task_dated_by_the_item_that_says_when_it_is_sent():
    text = ("CÔNG VĂN\nThực hiện chế độ báo cáo, Sở Xa đề nghị các đơn vị:\n"
            "1. Lập báo cáo xuất, nhập, tồn kho thuốc theo các biểu mẫu:\n- Mẫu báo cáo các loại thuốc (đính kèm).\n"
            "- Báo cáo xin hủy thuốc (nếu có).\n2. Báo cáo được gửi trước ngày 15/01/2030 về Sở Xa.\n")
    assert [(lead, due, summary[:13]) for lead, _, due, summary in tasks(text)] == [
        ("Các đơn vị", "2030-01-15", "Lập báo cáo x")]


def test_a_body_of_every_province_and_city_is_one_group():
    text = ("CÔNG VĂN\nĐề nghị Ban Giám hiệu các Trường Chính trị tỉnh, thành phố trực thuộc Trung ương tăng cường kiểm "
            "tra hoạt động trên mạng xã hội của giảng viên.\nSở Tư pháp tỉnh, thành phố Xa phối hợp thực hiện.\n")
    assert [lead for lead, _, _, _ in tasks(text)][0] == \
        "Ban Giám hiệu các Trường Chính trị tỉnh, thành phố trực thuộc Trung ương"


def test_the_period_a_paragraph_opens_with_dates_its_work():
    text = ("THÔNG BÁO\nVề một số nhiệm vụ trọng tâm trong Quý I năm 2030, Trưởng ban nêu rõ, Sở Xa chỉ đạo xây dựng "
            "kế hoạch thực hiện Nghị quyết số 57-NQ/TW.\n")
    assert [(lead, due) for lead, _, due, _ in tasks(text)] == [("Sở Xa", "2030-03-31")]


def test_a_party_cell_at_a_committee_of_the_assembly_leads_its_items():
    text = ("KẾ HOẠCH\nIII. TỔ CHỨC THỰC HIỆN\n1. Nhiệm vụ cụ thể\na) Tổ đảng ở Thường trực Ủy ban Xa\n"
            "- Chủ trì thẩm tra các dự án luật về khoa học, công nghệ.\n- Chủ trì giám sát việc thực hiện Chiến lược.\n")
    assert [lead for lead, _, _, _ in tasks(text)] == ["Tổ đảng ở Thường trực Ủy ban Xa"] * 2


def test_a_paragraph_with_its_own_subject_after_a_topics_request_is_a_task():
    text = ("THÔNG BÁO\n2. Tập trung tháo gỡ khó khăn cho các dự án trọng điểm\n"
            "Đề nghị các chủ đầu tư khẩn trương hoàn thiện hồ sơ các dự án.\n"
            "Sở Xa chủ trì, phối hợp với các cơ quan liên quan rà soát toàn bộ các mỏ khoáng sản.\n"
            "Tuyên truyền về các dự án trọng điểm.\n")
    assert [lead for lead, _, _, _ in tasks(text)] == ["Các chủ đầu tư", "Sở Xa"]
