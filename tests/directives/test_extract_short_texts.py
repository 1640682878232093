"""Short texts an office pastes: letters (công văn) of ministries and provinces, letters cut by a
portal, and news-style kết luận / chỉ đạo of districts and communes. How they name the speaker
("ông Nguyễn Văn A – Phó Chủ tịch UBND huyện chỉ đạo …"), who attended, a byline in capitals,
what voters asked for, and the formulas that close a letter. Places and people are invented."""
from __future__ import annotations

from datetime import date

import pytest

from directives import extract_text

HEAD = "Kính gửi: các cơ quan.\n\n"


def tasks(text: str, head: str = HEAD) -> list[tuple]:
    return [(t.lead, t.coordinators, t.deadline) for t in extract_text(head + text, issued=date(2026, 3, 2)).tasks]


# --- the speaker named in news prose -----------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Qua kiểm tra thực tế, ông Lê Văn Nam – Phó Chủ tịch UBND huyện chỉ đạo Phòng Kinh tế phối hợp với "
     "Trạm Khuyến nông hướng dẫn nông dân chăm sóc lúa.", [("Phòng Kinh tế", ["Trạm Khuyến nông"], None)]),
    ("Phát biểu kết luận hội nghị, đồng chí Hà Thị Mai - Chủ tịch UBND phường giao Công an phường, Phòng Văn hóa "
     "- Xã hội rà soát các cơ sở kinh doanh.",
     [("Công an phường", [], None), ("Phòng Văn hóa - Xã hội", [], None)]),
    ("Kết luận buổi làm việc bà Trịnh Thu Hà - Giám đốc Sở Tư pháp yêu cầu Phòng Phổ biến pháp luật, "
     "Văn phòng Sở hoàn thành báo cáo trước ngày 15/3/2026.",
     [("Phòng Phổ biến pháp luật", [], date(2026, 3, 15)), ("Văn phòng Sở", [], date(2026, 3, 15))]),
    ("Đ/c Vũ Đình Khoa, Bí thư Đảng ủy xã yêu cầu Ban Chỉ huy Quân sự xã tổ chức huấn luyện dân quân.",
     [("Ban Chỉ huy Quân sự xã", [], None)]),
])
def test_the_named_speaker_hands_the_work_on(text, expected):
    assert tasks(text) == expected


@pytest.mark.parametrize("text", [
    "Đồng chí Trần Văn Hai - Chủ tịch UBND xã chủ trì hội nghị.",
    "Bà Nguyễn Thị Lan – Giám đốc Sở Y tế phát biểu tại buổi làm việc.",
    "Ông Phạm Quốc Việt, Phó Chủ tịch UBND huyện kiểm tra tiến độ thi công cầu Bến Đá.",
])
def test_the_speakers_own_doings_are_no_task(text):
    assert tasks(text) == []


# --- who attended ------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Cùng dự có đồng chí Trưởng phòng Nông nghiệp; Trưởng trạm Khuyến nông; lãnh đạo UBND các xã.",
    "Dự họp có lãnh đạo Phòng Tài chính - Kế hoạch, Phòng Nội vụ và Chủ tịch UBND các xã, thị trấn.",
    "Tham dự hội nghị còn có Giám đốc Sở Công Thương, Trưởng Ban Dân tộc tỉnh.",
])
def test_who_attended_is_no_task(text):
    assert tasks(text) == []


def test_a_unit_that_attends_and_is_then_given_work_keeps_it():
    text = ("Dự họp có lãnh đạo Phòng Nội vụ. Chủ tịch UBND huyện giao Phòng Nội vụ tổng hợp danh sách cán bộ "
            "trước ngày 20/3/2026.")
    assert tasks(text) == [("Phòng Nội vụ", [], date(2026, 3, 20))]


# --- a news page with a byline in capitals -----------------------------------------------------

NEWS = ("Phó Chủ tịch UBND huyện kiểm tra sản xuất vụ Đông Xuân\n\n"
        "Sáng ngày 3/3/2026, Phó Chủ tịch UBND huyện kiểm tra tình hình sản xuất vụ Đông Xuân tại các xã "
        "vùng trũng, nơi nhiều diện tích lúa bị ngập sau đợt mưa lớn kéo dài từ cuối tháng Hai, cùng lãnh đạo "
        "các phòng chuyên môn.\n\n"
        "Qua kiểm tra, Phó Chủ tịch UBND huyện chỉ đạo Phòng Nông nghiệp hướng dẫn nông dân gieo cấy bù.\n\n")


@pytest.mark.parametrize("byline", ["MINH AN - PNN", "THU HÀ (TTVH)", "HOÀNG LONG"])
def test_a_byline_in_capitals_after_the_prose_is_not_the_issuer(byline):
    assert tasks(NEWS + byline, head="") == [("Phòng Nông nghiệp", [], None)]


def test_the_issuer_in_capitals_above_the_letter_still_heads_it():
    text = ("ỦY BAN NHÂN DÂN\nHUYỆN HÒA AN\n\nSố: 12/UBND-VP\n\nKính gửi: Phòng Nông nghiệp.\n\n"
            "UBND huyện giao Phòng Nông nghiệp hướng dẫn nông dân gieo cấy bù.")
    result = extract_text(text)
    assert result.document.issuer == "ỦY BAN NHÂN DÂN HUYỆN HÒA AN"
    assert [t.lead for t in result.tasks] == ["Phòng Nông nghiệp"]


# --- what voters asked for ---------------------------------------------------------------------

@pytest.mark.parametrize("asker", ["Cử tri xã Tân Lập, huyện Hòa An đề nghị:", "Công dân thôn Bản Giang kiến nghị:",
                                   "Cử tri phường Đông Hà phản ánh:"])
def test_what_voters_ask_for_is_no_task_the_answer_is(asker):
    text = (f"{asker}\n\nSở Xây dựng phối hợp với UBND huyện sửa chữa tuyến đường liên thôn.\n\nTRẢ LỜI:\n\n"
            "UBND tỉnh giao Sở Giao thông vận tải kiểm tra hiện trạng tuyến đường.")
    assert tasks(text) == [("Sở Giao thông vận tải", [], None)]


def test_a_request_of_a_unit_before_a_colon_is_still_read():
    text = "UBND huyện đề nghị:\n\nPhòng Tài chính - Kế hoạch bố trí kinh phí sửa chữa tuyến đường liên thôn."
    assert tasks(text) == [("Phòng Tài chính - Kế hoạch", [], None)]


# --- heads of bodies handed the work -----------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Chủ tịch UBND tỉnh yêu cầu lãnh đạo các sở, ban, ngành, Chủ tịch UBND các huyện khẩn trương tổng hợp "
     "kết quả.", ["Lãnh đạo các sở, ban, ngành", "Chủ tịch UBND các huyện"]),
    ("Giám đốc Sở đề nghị thủ trưởng các phòng, đơn vị trực thuộc rà soát hồ sơ.",
     ["Thủ trưởng các phòng, đơn vị trực thuộc"]),
    ("Bộ trưởng giao người đứng đầu các đơn vị thuộc Bộ kiểm tra việc thực hiện.",
     ["Người đứng đầu các đơn vị thuộc Bộ"]),
])
def test_heads_of_bodies_after_the_handing_verb_lead(text, expected):
    assert [lead for lead, _, _ in tasks(text)] == expected


def test_staff_a_unit_assigns_are_not_handed_the_work():
    assert [lead for lead, _, _ in tasks("UBND xã phân công lãnh đạo, nhân viên trực ban 24/24 giờ.")] == ["UBND xã"]


# --- the paper's own sending date, in the paragraph after ---------------------------------------

@pytest.mark.parametrize("after", [
    "Báo cáo hoàn thành của các cơ quan, đơn vị gửi về UBND tỉnh trước ngày 05/4/2026.",
    "Văn bản góp ý của các đơn vị được gửi về Sở Tư pháp trước ngày 05/4/2026.",
    "Kết quả rà soát của các xã gửi Phòng Nội vụ chậm nhất ngày 05/4/2026.",
])
def test_when_the_paper_is_sent_dates_the_task_before(after):
    text = "UBND huyện yêu cầu Phòng Tư pháp, UBND các xã rà soát các thủ tục hành chính.\n\n" + after
    assert tasks(text) == [("Phòng Tư pháp", [], date(2026, 4, 5)), ("UBND các xã", [], date(2026, 4, 5))]


def test_a_report_to_send_is_a_step_of_its_own():
    text = ("- UBND các huyện rà soát các hộ bị thiệt hại.\n\n"
            "- Báo cáo kế hoạch và nhu cầu hỗ trợ, gửi Sở Tài chính trước ngày 05/4/2026.")
    assert tasks(text, head="Kính gửi: UBND các huyện.\n\nUBND tỉnh yêu cầu UBND các huyện:\n\n") == \
        [("UBND các huyện", [], None), ("UBND các huyện", [], date(2026, 4, 5))]


# --- the formulas that close a letter ----------------------------------------------------------

@pytest.mark.parametrize("closing", [
    "Văn phòng Chính phủ thông báo Bộ Tài chính biết, thực hiện./.",
    "Văn phòng UBND tỉnh xin thông báo để Sở Y tế và các cơ quan liên quan biết, thực hiện./.",
    "Sở Giáo dục và Đào tạo thông báo các trường biết và triển khai thực hiện./.",
    "Bộ Y tế trân trọng cảm ơn./.",
    "Xin trân trọng cảm ơn sự phối hợp của Quý cơ quan./.",
])
def test_a_letters_closing_formula_is_no_task(closing):
    text = "Giao Sở Y tế kiểm tra các cơ sở khám bệnh.\n\n" + closing
    assert tasks(text) == [("Sở Y tế", [], None)]


def test_a_notice_of_results_to_units_is_still_work():
    assert tasks("Sở Tài chính thông báo kết quả thẩm định cho UBND các huyện trước ngày 10/3/2026.") == \
        [("Sở Tài chính", [], date(2026, 3, 10))]


@pytest.mark.parametrize("glued", ["thực hiện./.Nơi nhận:", "thực hiện./. Nơi nhận:", "thực hiện./.NƠI NHẬN:"])
def test_recipients_glued_to_the_closing_are_no_tasks(glued):
    text = ("Bộ Y tế triển khai kế hoạch phòng, chống dịch.\n\nVăn phòng Chính phủ thông báo để Bộ Y tế biết, "
            + glued + "\n- Như trên;\n- UBND các tỉnh, thành phố;\n- Lưu: VT, KGVX.")
    assert tasks(text) == [("Bộ Y tế", [], None)]


# --- the news of a signed letter ---------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Chiều nay, Giám đốc Sở Giáo dục và Đào tạo đã ký văn bản hỏa tốc đề nghị các phòng Giáo dục và Đào tạo, "
     "các đơn vị trực thuộc sở cho học sinh nghỉ học.",
     ["Các phòng Giáo dục và Đào tạo", "Các đơn vị trực thuộc sở"]),
    ("Chủ tịch UBND tỉnh vừa ký công văn khẩn yêu cầu Sở Nông nghiệp và Môi trường, UBND các huyện ven biển "
     "kiểm tra hệ thống đê điều.", ["Sở Nông nghiệp và Môi trường", "UBND các huyện ven biển"]),
])
def test_a_signed_letters_news_hands_the_work_on(text, expected):
    assert [lead for lead, _, _ in tasks(text)] == expected


def test_a_signed_decision_is_news_of_no_work():
    assert tasks("Chủ tịch UBND tỉnh đã ký quyết định phê duyệt quy hoạch chung đô thị Hòa An.") == []


# --- a conclusion's points after "như:" --------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Chủ tịch UBND xã kết luận nội dung phiên họp như: Giao Công an xã tăng cường tuần tra; Ban Chỉ huy quân sự "
     "xã tham mưu kế hoạch huấn luyện.", ["Công an xã", "Ban Chỉ huy quân sự xã"]),
    ("Chủ tịch UBND huyện chỉ đạo một số nội dung như: Yêu cầu Phòng Tài chính - Kế hoạch rà soát nguồn vốn.",
     ["Phòng Tài chính - Kế hoạch"]),
])
def test_a_conclusions_points_after_nhu(text, expected):
    assert [lead for lead, _, _ in tasks(text)] == expected


def test_examples_after_nhu_are_no_task():
    assert tasks("Các loại cây trồng như: lúa, ngô, sắn được hỗ trợ giống.") == []


# --- what a body has done, over a list ---------------------------------------------------------

@pytest.mark.parametrize("intro", [
    "Bộ Tài chính đã ban hành các văn bản hướng dẫn, cụ thể:",
    "Sở Xây dựng vừa ban hành các quyết định sau:",
])
def test_documents_a_body_issued_are_no_tasks(intro):
    text = (f"{intro}\n\n- Thông tư số 12/2026/TT-BTC ngày 02/3/2026 về quản lý kinh phí;\n\n"
            "- Thông tư số 13/2026/TT-BTC ngày 05/3/2026 về quyết toán.\n\n"
            "Đề nghị Sở Tài chính triển khai các văn bản trên.")
    assert [lead for lead, _, _ in tasks(text)] == ["Sở Tài chính"]


def test_a_body_that_leads_a_list_still_leads_it():
    text = "Sở Xây dựng chủ trì thực hiện các nội dung sau:\n\n- Rà soát quy hoạch;\n\n- Lập kế hoạch kiểm tra."
    assert [lead for lead, _, _ in tasks(text)] == ["Sở Xây dựng", "Sở Xây dựng"]


# --- recipients a letter names ---------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Vườn quốc gia Bạch Mã, các Công ty Lâm nghiệp chủ động rà soát diện tích rừng.",
     ["Vườn quốc gia Bạch Mã", "Các Công ty Lâm nghiệp"]),
    ("Khu bảo tồn thiên nhiên Sơn Trà phối hợp với Hạt Kiểm lâm tuần tra.", ["Khu bảo tồn thiên nhiên Sơn Trà"]),
    ("Đề nghị UBND các xã, phường của tỉnh; Hiệp hội Doanh nghiệp tỉnh phổ biến quy định mới.",
     ["UBND các xã, phường của tỉnh", "Hiệp hội Doanh nghiệp tỉnh"]),
    ("UBND các huyện của tỉnh, các Trung tâm Y tế tổ chức tiêm chủng.", ["UBND các huyện của tỉnh", "Các Trung tâm Y tế"]),
])
def test_recipients_of_every_kind_lead(text, expected):
    assert [lead for lead, _, _ in tasks(text)] == expected


def test_a_company_named_in_an_action_is_no_lead():
    assert [lead for lead, _, _ in tasks("Sở Công Thương kiểm tra các Công ty Xăng dầu trên địa bàn.")] == \
        ["Sở Công Thương"]


# --- a kind of body, a colon, then the bodies --------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("1. Các cơ quan: Bộ Tư pháp, Bộ Nội vụ, Ban Dân vận Trung ương có văn bản cử lãnh đạo tham gia.",
     ["Bộ Tư pháp", "Bộ Nội vụ", "Ban Dân vận Trung ương"]),
    ("Các địa phương: UBND huyện Hòa An, UBND huyện Tân Lập rà soát diện tích lúa bị ngập.",
     ["UBND huyện Hòa An", "UBND huyện Tân Lập"]),
])
def test_the_bodies_after_a_kinds_colon_lead(text, expected):
    assert [lead for lead, _, _ in tasks(text)] == expected


def test_a_group_before_a_colon_and_an_action_stays_the_lead():
    assert [lead for lead, _, _ in tasks("Các đơn vị: thực hiện nghiêm túc chế độ báo cáo.")] == ["Các đơn vị"]


# --- a typed or scanned letter -----------------------------------------------------------------

LETTER = ("Tổng cục Thuế yêu cầu đồng chí Cục trưởng Cục Thuế các tỉnh chỉ đạo thực hiện một số công việc như sau:\n\n"
          "1/ Tổ chức quán triệt nhiệm vụ đến từng phòng, đội.\n\n"
          "2/ Rà soát kế hoạch thanh tra năm 2026.\n\n")


@pytest.mark.parametrize("end", [
    "Tổng cục yêu cầu các đồng chí Cục trưởng Cục Thuế các tỉnh nghiêm túc triển khai thực hiện. gaa!\n\n"
    "Noi nhận:}\n- Như trên;\n- Lưu: VT, TTKT.",
    "Tổng cục yêu cầu các đồng chí Cục trưởng Cục Thuế các tỉnh nghiêm túc triển khai thực hiện./.\n\n"
    "Nơi nhan:\n- Như trên;\n- Lãnh đạo Tổng cục;\n- Lưu: VT.",
])
def test_a_letters_items_numbered_with_a_slash(end):
    assert [lead for lead, _, _ in tasks(LETTER + end)] == ["Cục trưởng Cục Thuế các tỉnh"] * 2  # no salutation in the lead


def test_a_fraction_at_a_lines_start_is_no_item():
    text = "Giao Sở Tài chính bố trí kinh phí.\n1/2 số kinh phí còn lại do ngân sách huyện bảo đảm."
    assert [lead for lead, _, _ in tasks(text)] == ["Sở Tài chính"]


@pytest.mark.parametrize("text, expected", [
    ("Bí thư Đảng ủy xã cũng giao nhiệm vụ cho người đứng đầu các bộ phận chuyên môn tăng cường đối thoại.",
     ["Người đứng đầu các bộ phận chuyên môn"]),
    ("Chủ tịch UBND huyện yêu cầu thủ trưởng các cơ quan chuyên môn rà soát hồ sơ tồn đọng.",
     ["Thủ trưởng các cơ quan chuyên môn"]),
])
def test_heads_of_kinds_of_bodies_after_the_handing_verb_lead(text, expected):
    assert [lead for lead, _, _ in tasks(text)] == expected


# --- an earlier letter's subject ---------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Ngày 09/02/2026, Bộ Y tế đã có Công văn số 949/BYT-KH gửi UBND các tỉnh về việc đánh giá thực hiện "
    "Bộ Tiêu chí, thời hạn gửi về Bộ Y tế trước ngày 23/02/2026.",
    "Sở Nội vụ đã có văn bản gửi các sở, ngành về việc rà soát biên chế năm 2026.",
])
def test_an_earlier_letters_subject_is_no_task(text):
    assert tasks(text) == []


def test_the_news_of_a_letter_sent_with_work_is_read():
    text = "UBND tỉnh vừa ban hành văn bản gửi Công an tỉnh, Sở Y tế chủ động thực hiện các biện pháp phòng dịch."
    assert [lead for lead, _, _ in tasks(text)] == ["Công an tỉnh", "Sở Y tế"]


# --- whom to call with questions ---------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Trong quá trình thực hiện, nếu có vướng mắc, kính đề nghị Quý cơ quan liên hệ Sở Giáo dục và Đào tạo "
    "(ông Nguyễn Văn A, số điện thoại: 0906.000.000) để được hỗ trợ./.",
    "Nếu có khó khăn, vướng mắc, đề nghị Quý đơn vị phản ánh về Sở Tư pháp để tổng hợp.",
    "Trong quá trình thực hiện, nếu có vướng mắc, các đơn vị liên hệ Phòng Nội vụ để được hướng dẫn.",
])
def test_whom_to_call_with_questions_is_no_task(text):
    assert tasks(text) == []


def test_a_named_unit_to_contact_others_has_work():
    assert [lead for lead, _, _ in tasks("Sở Y tế liên hệ Bộ Y tế để được cấp bổ sung vắc xin.")] == ["Sở Y tế"]


# --- names that end in no verb -----------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Theo đó, các nội dung được đưa ra lấy ý kiến của các cơ quan, đơn vị liên quan là kết quả rà soát quy hoạch.",
    "Các đơn vị liên quan là những nơi được khảo sát.",
    "Sau khi nghe báo cáo; tiếp thu ý kiến của đồng chí Bí thư Đảng ủy, Chủ tịch HĐND xã và các thành phần "
    "tham dự phiên họp.",
    "Tiếp thu ý kiến của Sở Y tế và các đại biểu dự họp.",
])
def test_names_followed_by_no_verb_are_no_task(text):
    assert tasks(text) == []


def test_a_list_that_runs_on_into_its_verb_after_va_still_leads():
    assert [lead for lead, _, _ in tasks("Sở Y tế và các cơ quan liên quan tăng cường kiểm tra.")] == ["Sở Y tế"]


# --- the news of an issued document ------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Ngày 30/11/2026, Thủ tướng Chính phủ ban hành Công điện 99/CĐ-TTg về việc phòng, chống bão số 15.",
    "Ngày 02/3/2026, UBND tỉnh ban hành Kế hoạch số 45/KH-UBND triển khai Chương trình chuyển đổi số.",
])
def test_the_news_of_an_issued_document_is_no_task(text):
    assert tasks(text) == []


@pytest.mark.parametrize("text, expected", [
    ("Chủ tịch UBND tỉnh ban hành kế hoạch phòng chống dịch trước ngày 10/4/2026.", ["Chủ tịch UBND tỉnh"]),
    ("Giao Sở Y tế ban hành kế hoạch phòng, chống dịch.", ["Sở Y tế"]),
])
def test_a_document_to_issue_is_work(text, expected):
    assert [lead for lead, _, _ in tasks(text)] == expected


# --- a dated step after the list ---------------------------------------------------------------

@pytest.mark.parametrize("step", [
    "Báo cáo kết quả thực hiện về Bộ Xây dựng trước ngày 15/4/2026.",
    "Tổng hợp nhu cầu hỗ trợ, gửi Bộ Tài chính chậm nhất ngày 15/4/2026 để tổng hợp.",
])
def test_a_dated_step_after_the_list_is_one_more_task_of_its_units(step):
    text = ("Bộ Xây dựng đề nghị UBND các tỉnh thực hiện các nội dung sau:\n\n- Rà soát các công trình hư hỏng;\n\n"
            "- Bố trí kinh phí sửa chữa kịp thời.\n\n" + step)
    assert tasks(text, head="") == [("UBND các tỉnh", [], None), ("UBND các tỉnh", [], None),
                                    ("UBND các tỉnh", [], date(2026, 4, 15))]


def test_an_undated_closing_paragraph_after_the_list_is_no_task():
    text = ("Bộ Xây dựng đề nghị UBND các tỉnh thực hiện các nội dung sau:\n\n- Rà soát các công trình hư hỏng;\n\n"
            "- Bố trí kinh phí sửa chữa kịp thời.\n\nTổ chức thực hiện nghiêm túc các nội dung trên.")
    assert tasks(text, head="") == [("UBND các tỉnh", [], None), ("UBND các tỉnh", [], None)]


# --- the National Assembly's committees, whose names hold commas -------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Đề nghị Ủy ban Tài chính, Ngân sách của Quốc hội, Bộ Tư pháp có ý kiến về dự thảo Nghị định.",
     ["Ủy ban Tài chính, Ngân sách của Quốc hội", "Bộ Tư pháp"]),
    ("Các cơ quan: Bộ Nội vụ, Ủy ban Khoa học, Công nghệ và Môi trường của Quốc hội cử đại diện tham dự.",
     ["Bộ Nội vụ", "Ủy ban Khoa học, Công nghệ và Môi trường của Quốc hội"]),
    ("Ủy ban Quốc phòng, An ninh và Đối ngoại chủ trì thẩm tra dự án Luật.",
     ["Ủy ban Quốc phòng, An ninh và Đối ngoại"]),
])
def test_committees_with_commas_in_their_names_lead_whole(text, expected):
    assert [lead for lead, _, _ in tasks(text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("Sở Nông nghiệp và Môi trường đề nghị các hợp tác xã nông nghiệp trên địa bàn tỉnh thực hiện nghiêm lịch "
     "thời vụ.", ["Các hợp tác xã nông nghiệp trên địa bàn tỉnh"]),
    ("Các trường trung học phổ thông trên địa bàn huyện Hòa An tổ chức ôn thi tốt nghiệp.",
     ["Các trường trung học phổ thông trên địa bàn huyện Hòa An"]),
])
def test_where_a_kind_of_unit_works_narrows_it(text, expected):
    assert [lead for lead, _, _ in tasks(text)] == expected


def test_the_territory_of_the_action_is_no_part_of_the_lead():
    assert [lead for lead, _, _ in tasks("Các trung tâm y tế tăng cường giám sát dịch bệnh trên địa bàn tỉnh.")] == \
        ["Các trung tâm y tế"]


@pytest.mark.parametrize("text, expected", [
    ("Bà Lê Thị Mai – Phó Bí thư Thường trực Huyện ủy đề nghị Ủy ban MTTQ huyện và các đoàn thể chính trị - xã hội "
     "tăng cường tuyên truyền.", ["Ủy ban MTTQ huyện", "Các đoàn thể chính trị - xã hội"]),
    ("Phó Trưởng phòng Văn hóa - Thông tin huyện đề nghị các xã rà soát các di tích.", ["Các xã"]),
])
def test_a_deputy_who_speaks_hands_the_work_on(text, expected):
    assert [lead for lead, _, _ in tasks(text)] == expected


def test_a_deputys_own_doings_are_no_task():
    assert tasks("Phó Bí thư Đảng ủy xã phát biểu tại hội nghị.") == []


# --- a news page reporting a letter ------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("UBND huyện Hòa An vừa có Công văn số 123/UBND-VP yêu cầu Công an huyện tăng cường phòng cháy, chữa cháy.",
     ["Công an huyện"]),
    ("Bí thư Đảng ủy xã Tân Lập cũng giao nhiệm vụ cho Công an xã tăng cường tuần tra.", ["Công an xã"]),
    ("Chủ tịch UBND huyện yêu cầu: “Các xã phải hoàn thành việc chi trả trước ngày 15/5/2026”.", ["Các xã"]),
    ('Giám đốc Sở đề nghị: "Phòng Kế hoạch - Tài chính rà soát lại toàn bộ hồ sơ".', ["Phòng Kế hoạch - Tài chính"]),
    ("Công văn nêu rõ, các sở, ngành, địa phương phải chủ động rà soát, bố trí kinh phí.",
     ["Các sở, ngành, địa phương"]),
    ("Chỉ thị yêu cầu: Giám đốc các sở, Chủ tịch UBND các huyện tăng cường kiểm tra công vụ.",
     ["Giám đốc các sở", "Chủ tịch UBND các huyện"]),
])
def test_a_page_reporting_a_letter_gives_its_work(text, expected):
    assert [lead for lead, _, _ in tasks(text)] == expected


@pytest.mark.parametrize("text", [
    "Sở Y tế cho biết, thời gian tới sẽ phối hợp với UBND các huyện tổ chức tiêm vắc xin.",
    "Văn bản nêu rõ, năm 2026 là năm cuối thực hiện kế hoạch.",
    "Giám đốc Trung tâm Y tế huyện chia sẻ, đơn vị đã tiêm được 12.000 liều vắc xin.",
])
def test_what_a_page_reports_said_is_no_task(text):
    assert tasks(text) == []


def test_a_quoted_direction_has_no_quote_in_its_summary():
    result = extract_text(HEAD + "Giám đốc Sở đề nghị: “Phòng Tổ chức rà soát lại toàn bộ hồ sơ”.")
    assert [t.summary for t in result.tasks] == ["Rà soát lại toàn bộ hồ sơ"]


# --- "Quý cơ quan": the letter's reader --------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Kính gửi: Sở Y tế tỉnh Hòa Bình.\n\nCục Quản lý Dược đề nghị Quý Sở chỉ đạo các cơ sở kinh doanh dược rà soát, "
     "thu hồi thuốc không đạt chất lượng.", [("Sở Y tế tỉnh Hòa Bình", None)]),
    ("Kính gửi: Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương.\n\nBộ Nội vụ đề nghị Quý Ủy ban chỉ đạo "
     "Sở Nội vụ báo cáo kết quả về Bộ Nội vụ trước ngày 30/6/2026.",
     [("Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương", date(2026, 6, 30))]),
    ("Kính gửi:\n- Sở Tài chính;\n- Sở Xây dựng.\n\nUBND tỉnh đề nghị Quý cơ quan phối hợp thẩm định hồ sơ dự án.",
     [("Sở Tài chính", None), ("Sở Xây dựng", None)]),
    ("Kính gửi: Công an tỉnh.\n\nĐể kịp thời xử lý, Quý cơ quan xác minh nội dung đơn và trả lời công dân.",
     [("Công an tỉnh", None)]),
])
def test_the_letters_reader_is_its_recipient(text, expected):
    assert [(lead, deadline) for lead, _, deadline in tasks(text, head="")] == expected


def test_a_reader_without_recipients_keeps_the_words_of_the_letter():
    assert [lead for lead, _, _ in tasks("Cục Thuế đề nghị Quý doanh nghiệp kê khai thuế đúng hạn.", head="")] == \
        ["Quý doanh nghiệp"]


def test_the_sender_that_asks_its_reader_is_no_lead():
    leads = [lead for lead, _, _ in tasks("Kính gửi: Sở Y tế.\n\nBộ Y tế đề nghị Quý Sở báo cáo kết quả.", head="")]
    assert leads == ["Sở Y tế"]


# --- staff handed the work ---------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Chủ tịch UBND xã kết luận như sau: Đề nghị cán bộ, công chức xã chấp hành tốt giờ giấc làm việc.",
     ["Cán bộ, công chức xã"]),
    ("Chủ tịch UBND huyện yêu cầu cán bộ, công chức, viên chức các cơ quan nâng cao tinh thần trách nhiệm.",
     ["Cán bộ, công chức, viên chức các cơ quan"]),
    ("Giám đốc Sở yêu cầu toàn thể cán bộ, công chức, viên chức và người lao động thực hiện nghiêm nội quy.",
     ["Toàn thể cán bộ, công chức, viên chức và người lao động"]),
])
def test_staff_after_the_handing_verb_lead(text, expected):
    assert [lead for lead, _, _ in tasks(text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("UBND xã phân công cán bộ trực ban trong dịp Tết.", ["UBND xã"]),
    ("Cán bộ, công chức phải gương mẫu chấp hành.", []),
])
def test_staff_put_on_duty_or_told_how_to_behave_lead_nothing(text, expected):
    assert [lead for lead, _, _ in tasks(text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("Bí thư Đảng ủy xã yêu cầu UBND xã, các ban, ngành, đoàn thể và cán bộ chuyên môn nâng cao tinh thần trách "
     "nhiệm.", ["UBND xã", "Các ban, ngành, đoàn thể", "Cán bộ chuyên môn"]),
    ("Giám đốc Sở đề nghị Văn phòng Sở và viên chức các phòng chuyên môn rà soát hồ sơ lưu trữ.",
     ["Văn phòng Sở", "Viên chức các phòng chuyên môn"]),
])
def test_staff_closing_a_handed_list_lead_too(text, expected):
    assert [lead for lead, _, _ in tasks(text)] == expected


def test_a_list_closed_by_a_thing_leads_only_its_units():
    assert [lead for lead, _, _ in tasks("Giao Phòng Nội vụ và Phòng Tư pháp rà soát hồ sơ và tài liệu.")] == \
        ["Phòng Nội vụ", "Phòng Tư pháp"]


@pytest.mark.parametrize("text, expected", [
    ("Phó Chủ tịch UBND huyện yêu cầu các cơ quan, đơn vị, các ngành có liên quan và UBND các xã tiếp tục rà soát.",
     ["Các cơ quan, đơn vị, các ngành có liên quan", "UBND các xã"]),
    ("Đề nghị các sở, ngành, các địa phương liên quan tăng cường kiểm tra.", ["Các sở, ngành, các địa phương liên quan"]),
])
def test_two_runs_of_kinds_in_a_row_are_one_group(text, expected):
    assert [lead for lead, _, _ in tasks(text)] == expected


def test_a_run_of_kinds_closing_a_list_of_named_units_is_still_dropped():
    assert [lead for lead, _, _ in tasks("Giao Sở Y tế, Sở Tài chính, các cơ quan, đơn vị liên quan rà soát.")] == \
        ["Sở Y tế", "Sở Tài chính"]


# --- how a letter dates the paper it asks for --------------------------------------------------

@pytest.mark.parametrize("when, expected", [
    ("hạn cuối ngày 20/5/2026", date(2026, 5, 20)),
    ("hạn cuối là ngày 20/5/2026", date(2026, 5, 20)),
    ("trước thứ Sáu, ngày 22/5/2026", date(2026, 5, 22)),
    ("trước 16 giờ thứ Năm, ngày 21/5/2026", date(2026, 5, 21)),
    ("trong 05 ngày làm việc kể từ ngày nhận được văn bản này", date(2026, 3, 9)),
    ("trong 10 ngày kể từ ngày ký", date(2026, 3, 12)),
])
def test_a_letters_dates_for_the_paper(when, expected):
    assert tasks(f"Đề nghị các xã gửi báo cáo về Phòng Nội vụ, {when}.") == [("Các xã", [], expected)]


@pytest.mark.parametrize("text", [
    "Đề nghị các xã rà soát hồ sơ trong 05 ngày đầu tháng.",
    "Đề nghị các xã báo cáo số ca bệnh trong 10 ngày qua.",
])
def test_days_that_count_no_time_from_the_letter_are_no_deadline(text):
    assert tasks(text) == [("Các xã", [], None)]


# --- when, between the handing verb and the units; praise; "; đồng thời đề nghị …" ----------

@pytest.mark.parametrize("text, expected", [
    ("Chủ tịch UBND xã đề nghị trong thời gian tới, Công an xã tăng cường tuần tra.", [("Công an xã", [], None)]),
    ("Đồng chí Chủ tịch UBND huyện yêu cầu trong tháng 6/2026, Phòng Tài chính - Kế hoạch hoàn thành việc thẩm định.",
     [("Phòng Tài chính - Kế hoạch", [], date(2026, 6, 30))]),
    ("Giám đốc Sở đề nghị thời gian tới các phòng, đơn vị trực thuộc tập trung giải quyết hồ sơ tồn đọng.",
     [("Các phòng, đơn vị trực thuộc", [], None)]),
])
def test_when_stands_between_the_handing_verb_and_the_units(text, expected):
    assert tasks(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Kết luận hội nghị, Chủ tịch UBND huyện đánh giá cao kết quả đạt được; đồng thời đề nghị thời gian tới các cơ "
     "quan, đơn vị tiếp tục đẩy mạnh cải cách hành chính.", ["Các cơ quan, đơn vị"]),
    ("Giao Sở Y tế kiểm tra các cơ sở khám bệnh; đồng thời giao Sở Tài chính bố trí kinh phí.",
     ["Sở Y tế", "Sở Tài chính"]),
    ("Chủ tịch UBND huyện ghi nhận, biểu dương những kết quả mà các xã đã đạt được.", []),
])
def test_praise_is_no_task_the_handing_after_it_is(text, expected):
    assert [lead for lead, _, _ in tasks(text)] == expected


def test_a_units_own_next_step_after_dong_thoi_stays_its_task():
    assert tasks("Sở Y tế kiểm tra các cơ sở; đồng thời báo cáo kết quả về UBND tỉnh.") == [("Sở Y tế", [], None)]


# --- a list run into one paragraph -------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Chủ tịch UBND xã giao: (1) Công an xã tăng cường tuần tra; (2) Công chức Văn hóa - Xã hội rà soát hộ nghèo; "
     "(3) Ban Chỉ huy Quân sự xã chuẩn bị huấn luyện.",
     ["Công an xã", "Công chức Văn hóa - Xã hội", "Ban Chỉ huy Quân sự xã"]),
    ("Chủ tịch UBND xã yêu cầu: thứ nhất, Công an xã tăng cường tuần tra; thứ hai, Công chức Địa chính rà soát đất "
     "công.", ["Công an xã", "Công chức Địa chính"]),
    ("Chủ tịch UBND huyện đề nghị: a) Phòng Nội vụ rà soát biên chế; b) Phòng Tư pháp thẩm định văn bản.",
     ["Phòng Nội vụ", "Phòng Tư pháp"]),
])
def test_items_run_into_one_paragraph_each_lead(text, expected):
    assert [lead for lead, _, _ in tasks(text)] == expected


def test_numbers_in_an_action_are_no_items():
    assert [lead for lead, _, _ in tasks("Giao Sở Y tế bố trí (02) xe cứu thương; 1) trực 24/24 giờ.")] == ["Sở Y tế"]


# --- a place standing for its government -------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Sau khi nghe báo cáo, Phó Chủ tịch UBND huyện yêu cầu xã Tân Lập khẩn trương hoàn thiện hồ sơ.", ["Xã Tân Lập"]),
    ("Chủ tịch UBND tỉnh đề nghị huyện Hòa An, thị xã Bình Minh và thành phố Đông Sơn tập trung giải phóng mặt bằng.",
     ["Huyện Hòa An", "Thị xã Bình Minh", "Thành phố Đông Sơn"]),
])
def test_a_place_handed_the_work_leads(text, expected):
    assert [lead for lead, _, _ in tasks(text)] == expected


@pytest.mark.parametrize("text", [
    "Sở Y tế đề nghị phường Đông Hà là điểm tiêm chủng lưu động.",
    "UBND tỉnh giao xã Tân Lập được hưởng chính sách hỗ trợ.",
])
def test_a_place_that_does_nothing_leads_nothing(text):
    assert not any(lead.lower().startswith(("phường", "xã")) for lead, _, _ in tasks(text))


@pytest.mark.parametrize("text, expected", [
    ("Chủ tịch UBND huyện giao nhiệm vụ cụ thể cho từng phòng: Phòng Nội vụ rà soát biên chế; Phòng Tư pháp thẩm "
     "định văn bản.", ["Phòng Nội vụ", "Phòng Tư pháp"]),
    ("Giám đốc Sở giao nhiệm vụ cho các đơn vị: Trung tâm Kiểm soát bệnh tật tăng cường giám sát; Bệnh viện "
     "tỉnh chuẩn bị giường bệnh.", ["Trung tâm Kiểm soát bệnh tật", "Bệnh viện tỉnh"]),
    ("Đề nghị các Bộ: Tài chính, Xây dựng có ý kiến về dự thảo.", ["Bộ Tài chính", "Bộ Xây dựng"]),
])
def test_units_named_after_the_kind_handed_the_work_lead(text, expected):
    assert [lead for lead, _, _ in tasks(text)] == expected


def test_a_kind_handed_the_work_with_no_names_after_its_colon_leads():
    assert [lead for lead, _, _ in tasks("Giao các đơn vị: thực hiện nghiêm chế độ báo cáo.")] == ["Các đơn vị"]


@pytest.mark.parametrize("text", ["Quý IV hoàn thành việc bàn giao mặt bằng.", "Quý 3 triển khai thí điểm."])
def test_a_quarter_is_no_reader(text):
    assert tasks("Kính gửi: Sở Xây dựng.\n\n" + text, head="") == []


# --- a department's field units, and the news of its letter ------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Chi cục Kiểm lâm vừa có công văn yêu cầu các Hạt Kiểm lâm tăng cường tuần tra rừng.",
     [("Các Hạt Kiểm lâm", [], None)]),
    ("Chi cục Quản lý thị trường yêu cầu các Đội Quản lý thị trường kiểm tra hàng hóa dịp Tết.",
     [("Các Đội Quản lý thị trường", [], None)]),
    ("Trung tâm Y tế huyện đề nghị các Trạm Y tế xã báo cáo số ca mắc trước ngày 10/3/2026.",
     [("Các Trạm Y tế xã", [], date(2026, 3, 10))]),
])
def test_field_units_in_the_plural_are_handed_the_work(text, expected):
    assert tasks(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Sở Y tế còn yêu cầu Trung tâm Y tế huyện tăng cường tuyên truyền.", [("Trung tâm Y tế huyện", [], None)]),
    ("UBND tỉnh tiếp tục đề nghị Sở Xây dựng rà soát các công trình nhà ở.", [("Sở Xây dựng", [], None)]),
    ("UBND xã đồng thời yêu cầu Công an xã tăng cường tuần tra ban đêm.",
     [("Công an xã", [], None)]),
])
def test_an_adverb_before_the_handing_verb_keeps_the_handing(text, expected):
    assert tasks(text) == expected


@pytest.mark.parametrize("text", [
    "Công ty giống cây trồng cung cấp các hạt giống lúa mới cho nông dân.",
    "Đoàn kiểm tra đã làm việc với các tổ sản xuất của xã.",
])
def test_field_words_in_ordinary_nouns_name_no_unit(text):
    assert tasks(text) == []


def test_a_unit_that_still_has_work_of_its_own_keeps_it():
    assert tasks("Sở Y tế còn phải theo dõi tình hình dịch bệnh.") == [("Sở Y tế", [], None)]


# --- a role named before the body it belongs to ------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Chủ tịch UBND huyện yêu cầu cơ quan Thường trực Ban An toàn giao thông huyện tăng cường tuần tra kiểm soát.",
     [("Cơ quan Thường trực Ban An toàn giao thông huyện", [], None)]),
    ("UBND tỉnh giao cơ quan thường trực của Ban Chỉ đạo tỉnh tổng hợp kết quả trước ngày 20/3/2026.",
     [("Cơ quan thường trực của Ban Chỉ đạo tỉnh", [], date(2026, 3, 20))]),
    ("UBND xã yêu cầu chủ đầu tư khẩn trương hoàn thiện hồ sơ quyết toán.", [("Chủ đầu tư", [], None)]),
])
def test_a_role_handed_the_work_leads_it(text, expected):
    assert tasks(text) == expected


@pytest.mark.parametrize("text", [
    "Sở Y tế là cơ quan thường trực của Ban Chỉ đạo tỉnh.",
    "Văn phòng UBND huyện là cơ quan thường trực của Hội đồng thi đua.",
])
def test_being_the_standing_body_is_no_task(text):
    assert tasks(text) == []


# --- long names with lowercase words, and the units under the speaker --------------------------

@pytest.mark.parametrize("text, expected", [
    ("Chi cục An toàn vệ sinh thực phẩm tăng cường thanh tra các bếp ăn tập thể.",
     [("Chi cục An toàn vệ sinh thực phẩm", [], None)]),
    ("Công ty Khai thác công trình thủy lợi tiếp tục bơm nước phục vụ gieo cấy.",
     [("Công ty Khai thác công trình thủy lợi", [], None)]),
    ("Trung tâm Dịch vụ nông nghiệp huyện hướng dẫn nông dân phòng trừ sâu bệnh.",
     [("Trung tâm Dịch vụ nông nghiệp huyện", [], None)]),
    ("Các trường học trực thuộc triển khai tổng vệ sinh trường lớp.", [("Các trường học trực thuộc", [], None)]),
    ("Các trung tâm trực thuộc báo cáo kết quả trước ngày 15/3/2026.",
     [("Các trung tâm trực thuộc", [], date(2026, 3, 15))]),
    ("Các bệnh viện trực thuộc Sở Y tế bố trí trực cấp cứu 24/24 giờ.",
     [("Các bệnh viện trực thuộc Sở Y tế", [], None)]),
])
def test_long_names_and_units_under_the_speaker_stay_whole(text, expected):
    assert tasks(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Phòng Nông nghiệp hướng dẫn nông dân gieo cấy lúa đúng khung thời vụ.", [("Phòng Nông nghiệp", [], None)]),
    ("Sở Tài chính thẩm định dự toán kinh phí mua sắm.", [("Sở Tài chính", [], None)]),
    ("Giao Trung tâm Phát triển quỹ đất cấp kinh phí bồi thường cho các hộ dân.",
     [("Trung tâm Phát triển quỹ đất", [], None)]),
])
def test_a_verb_still_ends_the_name(text, expected):
    assert tasks(text) == expected


# --- the board that heads a unit ---------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Ban lãnh đạo các đơn vị động viên viên chức quyên góp ủng hộ đồng bào bị lũ lụt.",
     [("Ban lãnh đạo các đơn vị", [], None)]),
    ("Ban giám hiệu các trường tiểu học rà soát số học sinh trước ngày 20/3/2026.",
     [("Ban giám hiệu các trường tiểu học", [], date(2026, 3, 20))]),
    ("Giao Ban Giám đốc các bệnh viện bố trí trực cấp cứu 24/24 giờ.", [("Ban Giám đốc các bệnh viện", [], None)]),
])
def test_the_board_of_units_leads(text, expected):
    assert tasks(text) == expected


@pytest.mark.parametrize("text", [
    "Ban lãnh đạo các đơn vị chịu trách nhiệm trước Hiệu trưởng về kết quả thực hiện.",
    "Tham dự hội nghị có Ban giám hiệu các trường trên địa bàn.",
])
def test_the_boards_accountability_or_presence_is_no_task(text):
    assert tasks(text) == []


# --- the press and the web portals a letter asks to publish ------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Báo Hòa Bình, Đài Phát thanh tỉnh; Cổng Thông tin điện tử tỉnh chủ động đăng tải nội dung tuyên truyền.",
     [("Báo Hòa Bình", [], None), ("Đài Phát thanh tỉnh", [], None), ("Cổng Thông tin điện tử tỉnh", [], None)]),
    ("Các cơ quan báo, đài trong tỉnh tăng cường thời lượng tuyên truyền về phòng chống dịch.",
     [("Các cơ quan báo, đài trong tỉnh", [], None)]),
    ("Sở Thông tin và Truyền thông đề nghị Trang Thông tin điện tử huyện đăng tải Kế hoạch trước ngày 10/3/2026.",
     [("Trang Thông tin điện tử huyện", [], date(2026, 3, 10))]),
])
def test_the_press_and_portals_are_handed_the_work(text, expected):
    assert tasks(text) == expected


@pytest.mark.parametrize("text", [
    "Học sinh tập trung trước cổng trường lúc 7 giờ.",
    "Nội dung chi tiết được đăng ở trang 5 của tài liệu.",
])
def test_gates_and_pages_are_no_units(text):
    assert tasks(text) == []


# --- the letter's last paragraph: where and by when the report goes ----------------------------

ASKED = ("Sở Tài chính đề nghị các sở, ban, ngành, UBND các huyện, thị xã báo cáo tình hình giải ngân vốn "
         "đầu tư công 6 tháng đầu năm 2026.\n\n")


@pytest.mark.parametrize("last", [
    "Đề nghị các sở, ban, ngành, UBND các huyện, thị xã gửi báo cáo về Sở Tài chính trước ngày 25/6/2026 để "
    "tổng hợp, báo cáo UBND tỉnh./.",
    "Các sở, ban, ngành, UBND các huyện, thị xã gửi về Sở Tài chính trước ngày 25/6/2026 (qua hộp thư điện tử).",
    "Đề nghị các sở, ban, ngành, UBND các huyện, thị xã nộp báo cáo về Sở Tài chính chậm nhất ngày 25/6/2026.",
])
def test_the_send_by_date_dates_the_report_asked_above(last):
    assert tasks(ASKED + last) == [("Các sở, ban, ngành", [], date(2026, 6, 25)),
                                   ("UBND các huyện, thị xã", [], date(2026, 6, 25))]


def test_other_units_sending_by_a_date_keep_a_task_of_their_own():
    last = "Đề nghị Kho bạc Nhà nước tỉnh gửi báo cáo về Sở Tài chính trước ngày 25/6/2026."
    assert tasks(ASKED + last) == [("Các sở, ban, ngành", [], None), ("UBND các huyện, thị xã", [], None),
                                   ("Kho bạc Nhà nước tỉnh", [], date(2026, 6, 25))]


def test_a_report_already_dated_keeps_its_date():
    asked = ("Sở Nội vụ đề nghị UBND các xã báo cáo số cán bộ, công chức trước ngày 10/6/2026.\n\n"
             "Đề nghị UBND các xã gửi về Sở Nội vụ bản mềm trước ngày 15/6/2026.")
    assert tasks(asked) == [("UBND các xã", [], date(2026, 6, 10)), ("UBND các xã", [], date(2026, 6, 15))]


# --- how a district office spells its groups ---------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("UBND huyện đề nghị Chủ tịch UBND các xã - thị trấn tổ chức tổng vệ sinh môi trường.",
     [("Chủ tịch UBND các xã - thị trấn", [], None)]),
    ("UBND quận yêu cầu UBND các phường – xã rà soát danh sách hộ nghèo trước ngày 30/3/2026.",
     [("UBND các phường – xã", [], date(2026, 3, 30))]),
    ("UBND huyện đề nghị UBMTTQVN huyện vận động nhân dân tham gia tổng vệ sinh.",
     [("UBMTTQVN huyện", [], None)]),
    ("UBND xã đề nghị UBMTTQ xã phối hợp với Đoàn Thanh niên xã tuyên truyền phòng chống dịch.",
     [("UBMTTQ xã", ["Đoàn Thanh niên xã"], None)]),
])
def test_dashed_levels_and_front_abbreviations(text, expected):
    assert tasks(text) == expected


def test_a_dash_between_names_still_splits_nothing_else():
    assert tasks("Phòng Kinh tế – Hạ tầng phối hợp với UBND các xã kiểm tra công trình.") == \
        [("Phòng Kinh tế – Hạ tầng", ["UBND các xã"], None)]


# --- who approved a plan, named in the introduction --------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Căn cứ kế hoạch của các đơn vị đã được Đảng ủy, Ban Giám hiệu phê duyệt, Phòng Tài chính - Kế toán chuẩn bị "
     "kinh phí.", [("Phòng Tài chính - Kế toán", [], None)]),
    ("Trên cơ sở danh mục đã được Sở Kế hoạch và Đầu tư, Sở Tài chính thẩm định, UBND các huyện triển khai thực "
     "hiện dự án trước ngày 30/6/2026.", [("UBND các huyện", [], date(2026, 6, 30))]),
])
def test_the_agents_of_a_passive_are_handed_nothing(text, expected):
    assert tasks(text) == expected


def test_a_unit_that_was_given_work_and_another_after_a_comma_both_lead():
    assert tasks("Sở Y tế được giao chủ trì, Sở Tài chính bố trí kinh phí.") == \
        [("Sở Y tế", [], None), ("Sở Tài chính", [], None)]


# --- "Nhận được công văn này, …": the closing formula with a dated step ------------------------

@pytest.mark.parametrize("text, expected", [
    ("Nhận được công văn này, yêu cầu Hiệu trưởng các trường nghiêm túc thực hiện và nộp báo cáo về Phòng Giáo "
     "dục trước 9h00 ngày 23/4/2026./.", [("Hiệu trưởng các trường", [], date(2026, 4, 23))]),
    ("Nhận được văn bản này, đề nghị UBND các xã báo cáo kết quả về UBND huyện chậm nhất ngày 15/5/2026.",
     [("UBND các xã", [], date(2026, 5, 15))]),
])
def test_a_closing_formula_with_a_dated_step_is_a_task(text, expected):
    assert tasks(text) == expected


@pytest.mark.parametrize("text", [
    "Nhận được công văn này, đề nghị các đơn vị nghiêm túc thực hiện./.",
    "Nhận được văn bản này, đề nghị Phòng Nội vụ nghiêm túc triển khai thực hiện.",
])
def test_the_bare_closing_formula_is_no_task(text):
    assert tasks(text) == []


@pytest.mark.parametrize("text, expected", [
    ("Nhận được công văn này, yêu cầu ông (bà) Hiệu trưởng các trường nghiêm túc thực hiện và nộp báo cáo về "
     "Phòng Giáo dục trước 9h00 ngày 23/4/2026./.", [("Hiệu trưởng các trường", [], date(2026, 4, 23))]),
    ("UBND xã đề nghị các ông, bà Trưởng thôn tuyên truyền nhân dân tiêm vắc xin.", [("Trưởng thôn", [], None)]),
    ("Sở Y tế đề nghị ông/bà Giám đốc các bệnh viện bố trí trực cấp cứu 24/24 giờ.",
     [("Giám đốc các bệnh viện", [], None)]),
])
def test_the_courtesy_before_a_title_is_not_part_of_the_lead(text, expected):
    assert tasks(text) == expected


# --- a body holding its regular meeting, and praise after an adverb ----------------------------

@pytest.mark.parametrize("text", [
    "Ngày 10/3, UBND huyện tổ chức phiên họp thường kỳ tháng 3 năm 2026.",
    "UBND xã họp phiên thường kỳ tháng 5 năm 2026.",
    "UBND thị xã tổ chức hội nghị thường kỳ quý I năm 2026 và triển khai nhiệm vụ quý II.",
    "Bí thư Huyện ủy cũng đánh giá cao thành tích của Ban Chỉ huy Quân sự huyện.",
    "Chủ tịch UBND phường còn biểu dương Công an phường trong công tác bảo đảm trật tự.",
])
def test_the_news_of_a_regular_meeting_and_praise_are_no_task(text):
    assert tasks(text) == []


@pytest.mark.parametrize("text, expected", [
    ("Giao Văn phòng UBND huyện chuẩn bị nội dung phiên họp thường kỳ tháng 4 trước ngày 25/3/2026.",
     [("Văn phòng UBND huyện", [], date(2026, 3, 25))]),
    ("UBND các xã tổ chức họp giao ban thường kỳ hằng tháng.", [("UBND các xã", [], None)]),
])
def test_work_for_a_regular_meeting_stays_a_task(text, expected):
    assert tasks(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("BCH các công đoàn bộ phận tổ chức quyên góp ủng hộ đồng bào bị thiên tai.",
     [("BCH các công đoàn bộ phận", [], None)]),
    ("Các chi đoàn sinh viên tổ chức ra quân làm sạch khuôn viên trường.", [("Các chi đoàn sinh viên", [], None)]),
    ("Ban Chấp hành các công đoàn cơ sở thành viên báo cáo kết quả trước ngày 15/3/2026.",
     [("Ban Chấp hành các công đoàn cơ sở thành viên", [], date(2026, 3, 15))]),
])
def test_union_and_youth_branches_lead(text, expected):
    assert tasks(text) == expected


def test_a_branch_word_without_cac_names_no_group():
    assert tasks("Đoàn viên chi đoàn tham gia lao động công ích cuối tuần.") == []


@pytest.mark.parametrize("text, expected", [
    ("Đặc biệt, các xã đẩy nhanh công tác giải phóng mặt bằng.", [("Các xã", [], None)]),
    ("Đặc biệt, Phòng Kinh tế và Hạ tầng kiểm tra chất lượng công trình trước ngày 30/4/2026.",
     [("Phòng Kinh tế và Hạ tầng", [], date(2026, 4, 30))]),
    ("Nhất là, Trung tâm Y tế huyện giám sát chặt các ổ dịch cũ.", [("Trung tâm Y tế huyện", [], None)]),
])
def test_especially_opens_a_sentence_before_its_subject(text, expected):
    assert tasks(text) == expected


def test_especially_as_an_adverb_of_the_action_hands_nothing_new():
    text = "Sở Y tế tăng cường kiểm tra an toàn thực phẩm. Đặc biệt quan tâm các bếp ăn tập thể, nhất là trong dịp Tết."
    assert tasks(text) == [("Sở Y tế", [], None)]


@pytest.mark.parametrize("text, leads", [
    # the paragraph that announces the body first hands a task of its own
    ("Để ban hành quy chế, Nhà trường giao cho Phòng Hành chính Tổng hợp tổ chức lấy ý kiến. Cách thức như sau:\n"
     "1. Đối tượng cho ý kiến: cán bộ, viên chức toàn trường.\n"
     "2. Ý kiến gửi về Phòng Hành chính Tổng hợp trước ngày 23/8/2026.\n",
     ["Phòng Hành chính Tổng hợp"]),
    ("Để kịp thời phòng chống dịch, UBND huyện yêu cầu Trung tâm Y tế huyện tăng cường giám sát. "
     "Đồng thời, UBND huyện đề nghị các nội dung sau:\n"
     "1. Các xã, thị trấn tổ chức tổng vệ sinh môi trường.\n",
     ["Trung tâm Y tế huyện", "Các xã, thị trấn"]),
    # negative: what was handed before, told as the reason for the letter
    ("UBND tỉnh đã giao Sở Y tế xây dựng kế hoạch. Để thực hiện, UBND huyện yêu cầu như sau:\n"
     "1. Phòng Y tế huyện rà soát cơ sở y tế tư nhân.\n",
     ["Phòng Y tế huyện"]),
])
def test_a_handing_before_the_announcement_is_read(text, leads):
    assert [t.lead for t in extract_text(text, issued=date(2026, 3, 10)).tasks] == leads


def test_the_paragraph_over_the_items_leads_them_after_an_evaluation():
    # "Đánh giá … như sau:" announces figures, not work: the paragraph right over the numbered items
    # names who does them, and the figures between are no task of theirs.
    text = ("Đánh giá kết quả công tác kiểm tra 9 tháng như sau:\n"
            "Đến hết ngày 30/9/2026, toàn ngành đã thực hiện 1.200 cuộc kiểm tra, đạt 80% kế hoạch.\n"
            "Từ kết quả trên, Tổng cục yêu cầu Cục trưởng Cục Hải quan các tỉnh, thành phố chỉ đạo thực hiện:\n"
            "1. Bổ sung nhân lực cho công tác kiểm tra.\n"
            "2. Đôn đốc thu nộp ngân sách sau kiểm tra.\n")
    tasks = extract_text(text, issued=date(2026, 10, 5)).tasks
    assert [t.lead for t in tasks] == ["Cục trưởng Cục Hải quan các tỉnh, thành phố"] * 2
    assert all("1.200" not in t.text for t in tasks)


def test_paragraphs_above_the_addressed_list_are_not_its_items():
    text = ("Thời gian qua, tình hình dịch bệnh diễn biến phức tạp, nhiều doanh nghiệp gặp khó khăn.\n"
            "Để kịp thời hỗ trợ doanh nghiệp, Bộ Tài chính yêu cầu Cục Thuế các tỉnh:\n"
            "1. Gia hạn thời hạn nộp thuế cho doanh nghiệp bị ảnh hưởng.\n")
    tasks = extract_text(text, issued=date(2026, 10, 5)).tasks
    assert [t.lead for t in tasks] == ["Cục Thuế các tỉnh"]
    assert tasks[0].text.startswith("Gia hạn")


@pytest.mark.parametrize("text", [
    # the reports a meeting heard, who chaired it, and a member's title are no work
    "Sau khi nghe Ban Thường trực Ủy ban Mặt trận Tổ quốc, Trưởng các đoàn thể xã báo cáo tình hình thực hiện "
    "nhiệm vụ 6 tháng đầu năm.",
    "Sau khi nghe Phòng Kinh tế, Phòng Tài chính - Kế hoạch trình bày dự thảo kế hoạch, các đại biểu thảo luận.",
    "Ngày 19/6/2026, Ban Thường vụ Đảng ủy xã do đồng chí Nguyễn Văn A, Huyện ủy viên, Bí thư Đảng ủy xã chủ trì "
    "có buổi làm việc với Mặt trận.",
    "Hội nghị do Phó Chủ tịch UBND tỉnh chủ trì đã thống nhất các nội dung.",
])
def test_heard_reports_chairs_and_members_are_no_task(text):
    assert extract_text(text, issued=date(2026, 6, 20)).tasks == []


@pytest.mark.parametrize("text, lead, action", [
    ("Sau khi nghe Phòng Tài chính báo cáo tình hình thu chi ngân sách, Chủ tịch UBND huyện yêu cầu Phòng Tài "
     "chính rà soát các khoản chi.", "Phòng Tài chính", "rà soát"),
    ("Do tình hình dịch bệnh phức tạp, Sở Y tế chủ trì, phối hợp với Sở Tài chính rà soát kinh phí.", "Sở Y tế",
     "rà soát"),
    ("Huyện ủy chỉ đạo các chi bộ tổ chức sinh hoạt chuyên đề.", "Huyện ủy", "sinh hoạt"),
])
def test_work_beside_heard_reports_and_chairs_is_kept(text, lead, action):
    (task,) = extract_text(text, issued=date(2026, 6, 20)).tasks
    assert task.lead == lead and action in task.text


def test_clauses_of_one_task_are_joined_without_their_full_stops():
    text = ("Yêu cầu UBND các xã, thị trấn phối hợp và tổ chức thực hiện. Nếu có khó khăn, vướng mắc, "
            "chủ động thông tin về Văn phòng HĐND và UBND huyện.")
    (task,) = extract_text(text).tasks
    assert ".;" not in task.summary and task.summary.startswith("Phối hợp và tổ chức thực hiện; ")
