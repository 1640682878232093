"""Rules learned from batch 29 after its single run on the engine it was labelled after (a university's
regulations and procedures: step tables, short names defined for its offices, the regulation a decision
issues). Bodies, places and people below are invented or generic."""
from __future__ import annotations

from directives import extract_text
from directives.glossary import defined_units


def tasks(text: str) -> list[tuple[str, list[str], str | None]]:
    return [(t["lead"], t["coordinators"], t["deadline"])
            for t in extract_text(text, issued=None).to_contract()["tasks"]]


DECISION = """TRƯỜNG ĐẠI HỌC KỸ THUẬT TÂN LẬP
Số: 12/QĐ-ĐHKT
QUYẾT ĐỊNH
Điều 1. Ban hành kèm theo Quyết định này Quy định dạy học trực tuyến.
Điều 2. Các Ông/Bà Trưởng các Phòng, Khoa có liên quan chịu trách nhiệm thi hành Quyết định này./.
Nơi nhận:
- Như Điều 2;
- Lưu: VT.
HIỆU TRƯỞNG
Nguyễn Văn An
QUY ĐỊNH
DẠY HỌC TRỰC TUYẾN
(Ban hành theo Quyết định số 12/QĐ-ĐHKT ngày 02 tháng 3 năm 2026 của Hiệu trưởng)
Điều 1. Phạm vi điều chỉnh
Quy định này áp dụng cho các đơn vị và cá nhân của Trường.
Điều 2. Giải thích từ ngữ
1. Đơn vị quản lý môn học (ĐVQLMH): Khoa, Bộ môn được Trường giao quản lý môn học.
Điều 3. Tổ chức đào tạo
1. ĐVQLMH lên kế hoạch cụ thể về phương thức giảng dạy đối với từng môn học.
Điều 4. Trách nhiệm của đơn vị phụ trách quản lý hạ tầng công nghệ thông tin - truyền thông
1. Quản lý, vận hành hệ thống máy chủ phục vụ dạy học trực tuyến.
Điều 5. Tổ chức thực hiện
1. Phòng Thanh tra pháp chế và Đảm bảo chất lượng có trách nhiệm thanh tra việc dạy học trực tuyến.
"""


def test_the_regulation_a_decision_issues_after_its_signature_is_its_body():
    # "(Ban hành theo Quyết định …)" without "kèm"; the glossary and the scope give no tasks; the short name
    # the regulation defines leads; the unit named by its work leads its article's items; the department
    # named after an inspectorate keeps its field's words
    assert [lead for lead, _, _ in tasks(DECISION)] == [
        "ĐVQLMH", "Đơn vị phụ trách quản lý hạ tầng công nghệ thông tin - truyền thông",
        "Phòng Thanh tra pháp chế và Đảm bảo chất lượng"]


def test_short_names_count_only_for_units():
    text = """- P.ĐTKT: Phòng Đào tạo Kỹ thuật;
- CBCT: Cán bộ coi thi;
Chương trình đào tạo (CTĐT) được cập nhật hằng năm; Đơn vị chuyên môn phụ trách đào tạo (ĐVCM) là khoa."""
    assert defined_units(text) == {"P.ĐTKT", "ĐVCM"}


def test_a_procedures_step_table_gives_each_step_to_its_column():
    text = """Bước | Trình tự thực hiện | Diễn giải | Thời gian | Trách nhiệm | Phối hợp | Biểu mẫu
1 | Thông báo nghỉ dạy | Giảng viên báo nghỉ với Phòng Đào tạo | Chậm nhất 15 phút sau giờ học | Giảng viên | Phòng Đào tạo | P1
2 | Xử lý sự việc | Phòng Đào tạo thông báo cho lớp nghỉ | Trong ngày | Phòng Đào tạo | Ban Quản lý cơ sở |
"""
    assert tasks(text) == [("Giảng viên", ["Phòng Đào tạo"], None),
                           ("Phòng Đào tạo", ["Ban Quản lý cơ sở"], None)]


def test_a_step_label_is_not_the_subject():
    text = """Đơn vị chuyên môn (ĐVCM) là khoa, bộ môn được giao đào tạo.
Điều 6. Quy trình cập nhật
1. Bước 1: Căn cứ kế hoạch phát triển của Trường, ĐVCM lập kế hoạch đánh giá chương trình.
2. Bước 2: ĐVCM thu thập thông tin, minh chứng liên quan."""
    assert [lead for lead, _, _ in tasks(text)] == ["ĐVCM", "ĐVCM"]


def test_the_matters_a_body_leads_under_an_article_named_for_them():
    text = """Điều 5. Nội dung Sở Nội vụ có trách nhiệm chủ trì
1. Xây dựng, ban hành, đánh giá việc thực hiện chính sách.
2. Kiểm tra việc thực hiện chính sách, pháp luật.
"""
    assert [lead for lead, _, _ in tasks(text)] == ["Sở Nội vụ", "Sở Nội vụ"]


def test_a_last_group_named_by_its_kinds_after_a_semicolon():
    text = """2.1. Người đứng đầu sở, ban, ngành; đơn vị, doanh nghiệp nhà nước thuộc thẩm quyền quản lý của Ủy ban nhân dân tỉnh có trách nhiệm:
- Xây dựng kế hoạch triển khai công tác kê khai.
"""
    assert [lead for lead, _, _ in tasks(text)] == [
        "Người đứng đầu sở, ban, ngành",
        "Đơn vị, doanh nghiệp nhà nước thuộc thẩm quyền quản lý của Ủy ban nhân dân tỉnh"]


def test_a_list_of_cases_is_one_task_and_names_nobody():
    text = """6.3. Ban Thường trực Ủy ban MTTQ Việt Nam xã tiếp nhận, phân loại, xử lý đơn, thư liên quan đến bầu cử theo quy trình cụ thể sau đây:
- Khiếu nại về việc lập danh sách cử tri thì chuyển đến Ủy ban nhân dân cấp xã giải quyết.
- Khiếu nại liên quan đến người ứng cử thì chuyển đến Ban bầu cử giải quyết.
- Đối với việc cử tri kiến nghị về người ứng cử là đảng viên thuộc diện Ban Thường vụ quản lý thì chuyển đến cấp ủy.
"""
    assert [lead for lead, _, _ in tasks(text)] == ["Ban Thường trực Ủy ban MTTQ Việt Nam xã"]


def test_the_courtesy_before_a_post_is_no_part_of_the_lead():
    assert [lead for lead, _, _ in tasks("g. Các ông bà Phó Chủ tịch UBND xã có trách nhiệm theo dõi, đôn đốc việc "
                                         "báo cáo.")] == ["Phó Chủ tịch UBND xã"]


def test_the_central_bodies_of_the_mass_organisations_are_a_lead_of_their_own():
    text = ("Đề nghị các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ, cơ quan Trung ương của các tổ chức chính trị - "
            "xã hội, Ủy ban nhân dân các tỉnh, thành phố khẩn trương báo cáo tình hình thực hiện.")
    assert [lead for lead, _, _ in tasks(text)] == [
        "Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ", "Cơ quan Trung ương của các tổ chức chính trị - xã hội",
        "Ủy ban nhân dân các tỉnh, thành phố"]


def test_ministries_named_after_one_lowercase_head():
    assert [lead for lead, _, _ in tasks("Đề nghị các bộ Công an, Quốc phòng, Tài chính khẩn trương báo cáo tình "
                                         "hình.")] == ["Bộ Công an", "Bộ Quốc phòng", "Bộ Tài chính"]


def test_the_written_reply_asked_for_above_is_dated_by_the_sending_line():
    text = """Văn phòng Chính phủ đề nghị Bộ Tài chính có ý kiến về kiến nghị của Tổng công ty X (có gửi kèm theo).
Văn bản xin gửi về Văn phòng Chính phủ trước ngày 05 tháng 6 năm 2026./."""
    assert tasks(text) == [("Bộ Tài chính", [], "2026-06-05")]


def test_a_schools_mass_organisations_named_by_their_kind():
    assert [lead for lead, _, _ in tasks("Giao Công đoàn, Đoàn thanh niên và Hội sinh viên lên kế hoạch tổ chức "
                                         "chương trình.")] == ["Công đoàn", "Đoàn thanh niên", "Hội sinh viên"]
    assert tasks("Công đoàn trường phối hợp với Đoàn thanh niên tổ chức hội thao.") == \
        [("Công đoàn trường", ["Đoàn thanh niên"], None)]
    # "Hội Nông dân tỉnh, Tỉnh đoàn": two bodies, the second named by its place
    assert [lead for lead, _, _ in tasks("Hội Nông dân tỉnh, Tỉnh đoàn tuyên truyền, vận động đoàn viên, hội "
                                         "viên.")] == ["Hội Nông dân tỉnh", "Tỉnh đoàn"]


def test_an_appeal_closing_the_letter_is_no_task():
    text = """1. Các đơn vị tuyên truyền, vận động cán bộ ủng hộ đồng bào vùng lũ.
Công đoàn trường rất mong nhận được sự ủng hộ kịp thời của toàn thể cán bộ, viên chức.
Công đoàn trường trân trọng những đóng góp của các tập thể, cá nhân!"""
    assert [lead for lead, _, _ in tasks(text)] == ["Các đơn vị"]


def test_a_unit_named_by_the_service_it_runs_leads_its_items():
    text = """1. Trách nhiệm các đơn vị
1.3. Đơn vị duy trì thoát nước trên địa bàn Thành phố:
- Chủ động triển khai thực hiện kế hoạch bảo đảm thoát nước.
- Định kỳ trước ngày 20 hàng tháng báo cáo Sở Xây dựng.
"""
    found = [(t["lead"], t["recurrence"]) for t in extract_text(text).to_contract()["tasks"]]
    assert found == [("Đơn vị duy trì thoát nước trên địa bàn Thành phố", None),
                     ("Đơn vị duy trì thoát nước trên địa bàn Thành phố", "monthly:20")]


def test_a_schools_youth_union_its_faculties_and_boards():
    text = """Các đoàn khoa phụ trách một khu vực trong khuôn viên nhà trường như sau:
- Đoàn khoa Sư phạm: Khu A, Sân vận động.
- Đoàn khoa Ngoại ngữ: Khu B, Khu D.
Chiều thứ 6 hàng tuần, BCH Đoàn khoa kiểm tra việc thực hiện. Thứ 6 tuần cuối tháng, UBKT Đoàn trường chấm điểm \
việc thực hiện."""
    assert [lead for lead, _, _ in tasks(text)] == ["Đoàn khoa Sư phạm", "Đoàn khoa Ngoại ngữ", "BCH Đoàn khoa",
                                                    "UBKT Đoàn trường"]
    assert [lead for lead, _, _ in tasks("Mỗi chi đoàn đảm nhận việc chăm sóc một bồn hoa.")] == ["Mỗi chi đoàn"]


def test_an_allocation_table_gives_each_unit_its_share():
    text = """4. Phân bổ lực lượng tham gia cổ vũ như sau:
STT | Đơn vị | Số lượng
Đoàn khoa Kinh tế | 100
Đoàn khoa Luật | 50
Tổng cộng | 150
"""
    assert [lead for lead, _, _ in tasks(text)] == ["Đoàn khoa Kinh tế", "Đoàn khoa Luật"]


def test_a_provinces_committee_directing_districts_hands_them_the_work():
    # the news of the province's letter: what it directs is the districts' work; a department directing its
    # own units keeps it
    assert [lead for lead, _, _ in tasks("UBND tỉnh chỉ đạo UBND các huyện, thị xã, thành phố trong tỉnh tổ chức "
                                         "thăm hỏi gia đình bị thiệt hại.")] == \
        ["UBND các huyện, thị xã, thành phố trong tỉnh"]
    assert [lead for lead, _, _ in tasks("Sở Y tế chỉ đạo các bệnh viện trực thuộc tăng cường công tác phòng "
                                         "bệnh.")] == ["Sở Y tế"]


def test_the_city_abbreviated_in_a_run_of_levels():
    assert [lead for lead, _, _ in tasks("Đề nghị UBND các tỉnh, TP trực thuộc Trung ương báo cáo tình hình "
                                         "quản lý quy hoạch.")] == ["UBND các tỉnh, TP trực thuộc Trung ương"]


def test_a_communes_people_on_the_ground():
    text = ("2. UBND xã giao trách nhiệm cho các đồng chí thôn trưởng, công an viên các thôn theo dõi việc khai "
            "thác đất.\n3. Ban công an xã, bộ phận địa chính – xây dựng chủ động kiểm tra thực địa.")
    assert [lead for lead, _, _ in tasks(text)] == ["Các đồng chí thôn trưởng", "Công an viên các thôn",
                                                    "Ban công an xã", "Bộ phận địa chính – xây dựng"]


def test_the_comrade_the_paragraph_is_about_directing_units_hands_them_the_work():
    text = ("Đồng chí Chủ tịch UBND huyện đã tiếp thu nội dung công dân đề xuất. Đồng chí chỉ đạo các phòng, ban, cơ "
            "quan chuyên môn kiểm tra thực địa, thống nhất phương án giải quyết.")
    assert [lead for lead, _, _ in tasks(text)] == ["Các phòng, ban, cơ quan chuyên môn"]


def test_who_sat_in_at_a_citizens_reception_is_no_task():
    text = ("Dự tiếp công dân có đồng chí Trần Văn An, Phó Chủ tịch UBND huyện; Thanh tra huyện; Phòng Nông nghiệp "
            "và Môi trường.")
    assert tasks(text) == []


def test_a_bare_head_word_in_an_enumeration_is_one_more_name():
    assert [lead for lead, _, _ in tasks("Ban Chỉ huy yêu cầu các Tổng công ty: Khoáng sản, Hóa chất mỏ, Điện lực "
                                         "triển khai các biện pháp ứng phó với bão.")] == \
        ["Tổng công ty Khoáng sản", "Tổng công ty Hóa chất mỏ", "Tổng công ty Điện lực"]


def test_a_continuing_education_centre_keeps_its_name():
    assert [lead for lead, _, _ in tasks("Trung tâm Giáo dục thường xuyên theo dõi việc thực hiện nền nếp dạy, "
                                         "học.")] == ["Trung tâm Giáo dục thường xuyên"]


def test_a_service_in_each_place_and_a_standing_office():
    assert [lead for lead, _, _ in tasks("Cục Thuế đề nghị các Thuế tỉnh, thành phố triển khai thực hiện việc "
                                         "tuyên truyền.")] == ["Các Thuế tỉnh, thành phố"]
    assert [lead for lead, _, _ in tasks("Văn phòng Thường trực Ban Chỉ đạo 389 quốc gia tăng cường kiểm tra, đôn "
                                         "đốc.")] == ["Văn phòng Thường trực Ban Chỉ đạo 389 quốc gia"]


def test_a_board_named_for_several_kinds_of_zone_is_one_partner():
    found = extract_text("Sở Nội vụ phối hợp chặt chẽ với Ban quản lý khu công nghiệp, khu kinh tế, khu chế xuất, "
                         "Liên đoàn Lao động tỉnh trong việc giải quyết tranh chấp lao động.").to_contract()["tasks"]
    assert found[0]["coordinators"] == ["Ban quản lý khu công nghiệp, khu kinh tế, khu chế xuất",
                                        "Liên đoàn Lao động tỉnh"]


def test_initials_after_a_comma_in_a_partners_cell_are_a_partner_of_their_own():
    text = """Bước | Nội dung | Phụ trách | Phối hợp | Thời gian
1 | Thông báo kế hoạch xét tốt nghiệp | Phòng Đào tạo SĐH | Khoa/ Bộ môn, HV | Đầu học kỳ
"""
    assert tasks(text) == [("Phòng Đào tạo SĐH", ["Khoa/ Bộ môn", "HV"], None)]


def test_associations_named_after_a_colon():
    assert [lead for lead, _, _ in tasks("Yêu cầu các hội: Hội Nghề cá, Hội Tin học và Hiệp hội Du lịch hoàn thành "
                                         "tổ chức đại hội nhiệm kỳ chậm nhất ngày 31/12/2026.")] == \
        ["Hội Nghề cá", "Hội Tin học", "Hiệp hội Du lịch"]


def test_a_run_of_kinds_with_a_semicolon_in_it():
    found = extract_text("1. Các Sở, ban, ngành; cơ quan, đơn vị tiến hành đánh giá, báo cáo kết quả thực hiện gửi về "
                         "Sở Công Thương trước ngày 20 hằng tháng.").to_contract()["tasks"]
    assert [(t["lead"], t["recurrence"]) for t in found] == [("Các Sở, ban, ngành; cơ quan, đơn vị", "monthly:20")]


def test_the_provinces_merged_newspaper_and_broadcaster_without_its_comma():
    text = "8. Đề nghị Báo và Phát thanh truyền hình tỉnh\n- Thường xuyên xây dựng các chuyên trang, chuyên mục."
    assert [lead for lead, _, _ in tasks(text)] == ["Báo và Phát thanh truyền hình tỉnh"]


def test_what_a_leader_directed_in_quotes_and_ellipses():
    text = ("Trong nội dung thông báo, đồng chí Trần Văn An chỉ đạo rõ: “Giao cho Sở Kế hoạch - Đầu tư phối hợp với "
            "UBND huyện Tân Lập làm rõ… gói thầu số 7… giao cho Sở Nông nghiệp và Môi trường chủ trì làm rõ các nội "
            "dung, báo cáo UBND tỉnh trước ngày 30-8-2026”.")
    assert [(lead, deadline) for lead, _, deadline in tasks(text)] == [
        ("Sở Kế hoạch - Đầu tư", None), ("Sở Nông nghiệp và Môi trường", "2026-08-30")]


def test_a_unit_named_by_the_charge_it_was_given():
    assert [lead for lead, _, _ in tasks("2. Đơn vị được Đại học giao nhiệm vụ tổ chức kiểm tra, đánh giá môn học "
                                         "và cấp Giấy chứng nhận.")] == ["Đơn vị được Đại học giao nhiệm vụ"]


def test_plus_items_stay_under_their_bullet():
    # "+" items are the bullet's own sub-items: under "- Đề nghị UBND phường:" each is the committee's task;
    # under a bullet that ends its sentence they are what it covers
    assert [lead for lead, _, _ in tasks("Kết luận hội nghị như sau:\n- Đề nghị UBND phường:\n+ Tiếp tục tuyên "
                                         "truyền vận động các hộ dân.\n+ Hoàn thành giải phóng mặt bằng.")] == \
        ["UBND phường", "UBND phường"]
    text = """2.1. Sở Nội vụ có trách nhiệm:
- Tổ chức phổ biến, gửi mẫu kê khai cho người có nghĩa vụ kê khai (có nội dung cụ thể kèm theo).
+ Việc kê khai lần đầu được thực hiện theo Mẫu tại Phụ lục I.
+ Việc kê khai bổ sung được thực hiện theo Mẫu tại Phụ lục II.
- Báo cáo kết quả kiểm soát tài sản."""
    assert [lead for lead, _, _ in tasks(text)] == ["Sở Nội vụ", "Sở Nội vụ"]


def test_the_month_the_announced_work_is_for_dates_its_items():
    text = ("Kết luận hội nghị, đồng chí Chủ tịch nhấn mạnh một số nội dung trọng tâm tháng 8/2026 như sau:\n"
            "- Ban kinh tế - xã hội tổ chức giám sát công tác quản lý chợ.")
    assert tasks(text) == [("Ban kinh tế - xã hội", [], "2026-08-31")]


def test_a_letter_to_one_company_calls_it_by_its_kind():
    text = """SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG
Số: 95/SNNMT-KS
Kính gửi: Công ty cổ phần Khoáng sản Tân Lập
(Địa chỉ: Khu công nghiệp Tân Lập)
Để bảo đảm hoạt động khai thác theo quy định, Sở Nông nghiệp và Môi trường đề nghị Công ty thực hiện đầy đủ các nội dung sau:
1. Trước khi đưa mỏ vào hoạt động
- Thực hiện cắm mốc khu vực khai thác.
- Phối hợp với UBND xã Tân Lập thực hiện công tác bồi thường.
"""
    assert tasks(text) == [("Công ty cổ phần Khoáng sản Tân Lập", [], None),
                           ("Công ty cổ phần Khoáng sản Tân Lập", ["UBND xã Tân Lập"], None)]


def test_the_duties_of_a_council_the_regulation_names_short():
    text = """1. Hiệu trưởng ra quyết định thành lập Hội đồng tuyển sinh (HĐTS) để điều hành công tác tuyển sinh.
3. Nhiệm vụ và quyền hạn của HĐTS
a. Tổ chức thực hiện công tác tuyển sinh theo quy chế.
4. Nhiệm vụ và quyền hạn của Ban Thư ký HĐTS:
a. Dự kiến phương án xét tuyển, trình HĐTS ra quyết định.
"""
    assert [lead for lead, _, _ in tasks(text)][-2:] == ["HĐTS", "Ban Thư ký HĐTS"]


def test_the_issuers_guidance_over_its_sections_names_nobody():
    text = """TRƯỜNG ĐẠI HỌC KỸ THUẬT
Số: 15/HD-ĐHKT
HƯỚNG DẪN
Tổ chức thực hiện khóa luận tốt nghiệp
Trường Đại học Kỹ thuật (Trường ĐHKT) hướng dẫn việc tổ chức thực hiện khóa luận tốt nghiệp như sau:
I. Một số thông tin chung
1. Mục đích
- Xác định các mốc thời gian của quá trình thực hiện khóa luận.
II. Tổ chức thực hiện
1. Phòng Đào tạo lập kế hoạch thực hiện khóa luận.
2. Tổ chuyên môn chịu trách nhiệm xây dựng đề cương chi tiết.
"""
    assert [lead for lead, _, _ in tasks(text)] == ["Phòng Đào tạo", "Tổ chuyên môn"]


def test_a_regulation_titled_alone_after_the_decisions_signature():
    text = """QUYẾT ĐỊNH
Điều 1. Ban hành kèm theo Quyết định này Quy định tổ chức khóa học trực tuyến.
Nơi nhận:
- Như Điều 3;
KT. GIÁM ĐỐC
PHÓ GIÁM ĐỐC
Nguyễn Văn An
QUY ĐỊNH
Tổ chức khóa học trực tuyến (Kèm theo Quyết định số /QĐ-ĐHKT)
Điều 4. Lựa chọn môn học
Ban Đào tạo trình Ban Giám đốc phê duyệt danh sách các môn học.
"""
    assert [lead for lead, _, _ in tasks(text)] == ["Ban Đào tạo"]
