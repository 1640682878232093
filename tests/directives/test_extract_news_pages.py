"""What a portal's news page about a meeting holds: the facts it reports and its photo captions
(no tasks), the chair's directions after a participle ("Nhấn mạnh …, Chủ tịch UBND xã yêu cầu …"),
a dated last step at the very end ("… trước ngày 20/5/2026./."). Places and people are invented."""
from __future__ import annotations

from datetime import date

import pytest

from directives import extract_text

HEAD = "Kính gửi: các cơ quan.\n\n"


def tasks(text: str) -> list[tuple]:
    return [(t.lead, t.coordinators, t.deadline) for t in extract_text(HEAD + text, issued=date(2026, 3, 2)).tasks]


@pytest.mark.parametrize("text", [
    "Ngày 9/6, UBND xã Tân Lập (huyện Hòa An) đã tổ chức Hội nghị lấy ý kiến về đồ án quy hoạch.",
    "Sở Xây dựng (cơ quan thường trực) vừa ban hành văn bản hướng dẫn.",
    "Lãnh đạo xã Tân Lập phát biểu tại hội nghị.",
    "Chủ tịch UBND huyện kiểm tra tiến độ thi công cầu Bến Đá. Ảnh: Trần An.",
    "Công an xã tuần tra trên tuyến đê. (Ảnh minh họa: Lê Bình)",
])
def test_what_a_news_page_reports_is_no_task(text):
    assert tasks(text) == []


@pytest.mark.parametrize("text, expected", [
    ("Nhấn mạnh quy hoạch là nền tảng phát triển, Chủ tịch UBND xã yêu cầu các bộ phận chuyên môn phối hợp "
     "chặt chẽ với đơn vị tư vấn lấy ý kiến Nhân dân.", [("Các bộ phận chuyên môn", ["đơn vị tư vấn"], None)]),
    ("Phát biểu kết luận, Giám đốc Sở Y tế đề nghị Trung tâm Y tế huyện Hòa An tăng cường giám sát dịch bệnh.",
     [("Trung tâm Y tế huyện Hòa An", [], None)]),
    ("Qua đó, Chủ tịch UBND huyện – Lê Thị Hoa yêu cầu, các ngành chuyên môn đề ra giải pháp chỉnh sửa quy hoạch.",
     [("Các ngành chuyên môn", [], None)]),
])
def test_the_chairs_direction_after_a_participle(text, expected):
    assert tasks(text) == expected


def test_a_quoted_request_is_no_direction():
    text = ("Trả lời đề nghị của ông Lê Văn An ở thôn Đông, xã Tân Lập: Đề nghị UBND tỉnh sớm chỉ đạo UBND huyện "
            "thanh lý cây gỗ.\n\nTrả lời:\n\nUBND tỉnh giao Thanh tra tỉnh kiểm tra vụ việc.")
    assert tasks(text) == [("Thanh tra tỉnh", [], None)]


@pytest.mark.parametrize("text, deadline", [
    ("2. Giao UBND huyện Hòa An kiểm tra, xử lý theo quy định. Báo cáo UBND tỉnh và trả lời công dân trước ngày "
     "20/5/2026./.", date(2026, 5, 20)),
    ("Đề nghị Sở Tài chính rà soát kinh phí. Hoàn thành trong tháng 4/2026./.", date(2026, 4, 30)),
])
def test_a_dated_last_step_ending_the_text_keeps_its_date(text, deadline):
    assert [d for _, _, d in tasks(text)] == [deadline]


def test_a_closing_call_ending_the_text_adds_nothing():
    text = "Giao Sở Tài chính rà soát kinh phí trước ngày 15/4/2026. Đề nghị các đơn vị triển khai thực hiện./."
    assert tasks(text) == [("Sở Tài chính", [], date(2026, 4, 15))]


@pytest.mark.parametrize("text, expected", [
    ("Các đơn vị liên quan chủ động phối hợp với cơ quan chức năng hoàn thiện phương án.", ["cơ quan chức năng"]),
    ("Phòng Kinh tế phối hợp với đơn vị liên quan kiểm tra hiện trạng.", ["đơn vị liên quan"]),
    ("Công an xã phối hợp chặt chẽ với lực lượng chức năng tuần tra.", ["lực lượng chức năng"]),
    # a plain noun after "phối hợp với" names no body
    ("Phòng Kinh tế phối hợp với đơn vị kiểm tra hiện trạng.", []),
])
def test_a_kind_of_body_without_cac_is_a_partner(text, expected):
    assert [c for _, coordinators, _ in tasks(text) for c in coordinators] == expected


@pytest.mark.parametrize("text, expected", [
    ("Năm 2025, UBND huyện đã chỉ đạo các ngành hoàn thành 18/20 chỉ tiêu. Công an huyện giữ vững an ninh trật tự.",
     []),
    ("Thời gian qua, Sở Y tế đã kiểm tra 120 cơ sở. Trung tâm Y tế huyện tăng cường giám sát dịch bệnh.", []),
    # a paragraph that looks ahead assigns work
    ("Năm 2026, Công an huyện tiếp tục giữ vững an ninh trật tự.", [("Công an huyện", [], None)]),
    # the direction that follows, in a paragraph of its own, is work
    ("Năm 2025, Sở Y tế đã kiểm tra 120 cơ sở.\n\nGiao Sở Y tế tiếp tục kiểm tra các cơ sở còn lại.",
     [("Sở Y tế", [], None)]),
])
def test_a_paragraph_that_looks_back_tells_results(text, expected):
    assert tasks(text) == expected


@pytest.mark.parametrize("headline, body, expected", [
    ("Yêu cầu Chủ tịch UBND xã Hòa An giải quyết dứt điểm vụ việc",
     "Sau khi báo phản ánh, Chủ tịch UBND huyện đã có văn bản yêu cầu Chủ tịch UBND xã Hòa An kiểm tra, giải quyết "
     "vụ việc theo thẩm quyền, báo cáo kết quả trước ngày 20/3/2025.", ["Chủ tịch UBND xã Hòa An"]),
    ("Sở Y tế tăng cường kiểm tra an toàn thực phẩm dịp Tết",
     "Giám đốc Sở Công Thương yêu cầu Sở Y tế chủ trì kiểm tra các bếp ăn tập thể trước ngày 25/01/2025.",
     ["Sở Y tế"]),
])
def test_a_headline_the_body_says_again_gives_one_task(headline, body, expected):
    assert [t.lead for t in extract_text(headline + "\n\n" + body).tasks] == expected
@pytest.mark.parametrize("text, lead", [
    # news of what a meeting or a direction orders, told with "đã": still the order
    ("Để chấn chỉnh, UBND huyện đã giao Phòng Tài nguyên và Môi trường chủ trì, phối hợp với Phòng Kinh tế và "
     "Hạ tầng xây dựng đề cương báo cáo.", "Phòng Tài nguyên và Môi trường"),
    ("Tại cuộc họp, Chủ tịch UBND xã đã yêu cầu Công an xã tăng cường tuần tra.", "Công an xã"),
    ("Để kịp thời khắc phục hậu quả bão, Sở Nông nghiệp và PTNT đã đề nghị UBND các huyện thống kê thiệt hại.",
     "UBND các huyện"),
    # a name does not take the aspect word before its verb
    ("Công ty Điện lực Hải Dương cũng yêu cầu các điện lực huyện kiểm tra lưới điện.", "Công ty Điện lực Hải Dương"),
])
def test_an_order_reported_with_da(text, lead):
    (task,) = extract_text(text, issued=date(2026, 3, 10)).tasks
    assert task.lead == lead


@pytest.mark.parametrize("text", [
    "UBND huyện đã giao Phòng Tài nguyên và Môi trường xây dựng đề cương báo cáo.",  # no meeting, no purpose
    "Để triển khai, UBND tỉnh đã giao Sở Y tế xây dựng kế hoạch tại Công văn số 12/UBND-VX nhưng đến nay "
    "Sở chưa thực hiện.",  # handed before, cited
    "Tại cuộc họp, Chủ tịch UBND xã đã biểu dương Công an xã.",  # no handing
])
def test_what_was_handed_before_is_no_task(text):
    assert extract_text(text, issued=date(2026, 3, 10)).tasks == []


@pytest.mark.parametrize("text, lead", [
    # what the speaker reports handed ("X cho biết, Y yêu cầu Z …"): Z leads
    ("Giám đốc Sở cho biết, Sở Y tế yêu cầu các bệnh viện tăng cường trực.", "Các bệnh viện"),
    ("Ông Nguyễn Văn A - Giám đốc Sở Y tế cho biết, Sở đã có văn bản gửi các bệnh viện tăng cường trực.",
     "Các bệnh viện"),
    ("Trưởng phòng Giáo dục huyện chia sẻ, Phòng đã có công văn gửi các trường học rà soát cơ sở vật chất.",
     "Các trường học"),
    # the units of one sector are a group, not a catch-all
    ("Sở Y tế đã có văn bản gửi các đơn vị y tế trên địa bàn kiểm tra, rà soát công tác mua sắm.",
     "Các đơn vị y tế trên địa bàn"),
])
def test_what_the_speaker_reports_handed(text, lead):
    (task,) = extract_text(text, issued=date(2026, 3, 10)).tasks
    assert task.lead == lead


@pytest.mark.parametrize("text", [
    "Giám đốc Sở Y tế cho biết, Sở đã hoàn thành việc tiêm chủng.",
    "Chủ tịch UBND huyện cho biết, thời gian tới huyện sẽ tăng cường kiểm tra.",
])
def test_what_the_speaker_says_of_itself_is_no_task(text):
    assert extract_text(text, issued=date(2026, 3, 10)).tasks == []


@pytest.mark.parametrize("text, lead", [
    # a report of a document: the document speaks for its issuer, the units after the verb lead
    ("Ngoài ra, Chỉ thị cũng yêu cầu Bộ Công Thương chủ trì triển khai các giải pháp bình ổn thị trường.",
     "Bộ Công Thương"),
    ("Kế hoạch số 12/KH-UBND ngày 03/4/2026 của UBND huyện giao Phòng Nội vụ rà soát hồ sơ.", "Phòng Nội vụ"),
    ("Công điện đồng thời đề nghị UBND các tỉnh ven biển kiểm tra tàu thuyền.", "UBND các tỉnh ven biển"),
    ("Thông báo kết luận yêu cầu UBND xã Tân Lập hoàn thiện hồ sơ.", "UBND xã Tân Lập"),
])
def test_a_document_reported_as_the_one_who_hands_work(text, lead):
    (task,) = extract_text(text, issued=date(2026, 4, 10)).tasks
    assert task.lead == lead


@pytest.mark.parametrize("text", [
    "Kế hoạch xác định mục tiêu đến năm 2030 giao đất cho các hộ.",  # what the plan sets, no handing
    "Văn bản này quy định việc giao nhiệm vụ cho cấp xã.",
    "Quyết định có hiệu lực kể từ ngày ký.",
])
def test_a_document_that_hands_nothing(text):
    assert extract_text(text, issued=date(2026, 4, 10)).tasks == []


@pytest.mark.parametrize("text", [
    # the speaker asks, naming no unit to do it: no task, and never the speaker's own
    "UBND tỉnh yêu cầu cả hệ thống chính trị cùng vào cuộc phòng, chống ma túy.",
    "Chủ tịch UBND huyện cũng yêu cầu tăng cường phòng chống dịch bệnh trên đàn gia súc.",
    "Sở Giáo dục và Đào tạo đồng thời đề nghị nâng cao chất lượng dạy học.",
])
def test_a_request_naming_nobody_is_no_task(text):
    assert extract_text(text, issued=date(2026, 4, 10)).tasks == []


@pytest.mark.parametrize("text, lead", [
    ("UBND huyện đề nghị Sở Tài chính bố trí kinh phí.", "Sở Tài chính"),
    ("Chủ tịch UBND tỉnh cũng yêu cầu Công an tỉnh tăng cường tuần tra.", "Công an tỉnh"),
])
def test_a_request_naming_a_unit_gives_it_the_task(text, lead):
    (task,) = extract_text(text, issued=date(2026, 4, 10)).tasks
    assert task.lead == lead


@pytest.mark.parametrize("text, expected", [
    # the speaker stresses what a unit must do: that unit leads, a period before it dates the task
    ("Đồng chí Bí thư Đảng ủy xã nhấn mạnh các chi hội cần củng cố tổ chức, nâng chất lượng sinh hoạt.",
     [("Các chi hội", [], None)]),
    ("Phát biểu kết luận, Phó Chủ tịch UBND huyện cũng lưu ý: trong 6 tháng cuối năm 2026, Phòng Kinh tế phải "
     "rà soát các công trình chậm tiến độ.", [("Phòng Kinh tế", [], date(2026, 12, 31))]),
    ("Giám đốc Sở Nội vụ nhấn mạnh trong thời gian tới các phòng chuyên môn cần bám sát cơ sở.",
     [("Các phòng chuyên môn", [], None)]),
])
def test_a_unit_named_in_the_speakers_stress_leads(text, expected):
    assert tasks(text) == expected


@pytest.mark.parametrize("text", [
    "Chủ tịch UBND huyện nhấn mạnh: tăng cường công tác tuyên truyền, vận động nhân dân.",
    "Đồng chí Bí thư Huyện ủy khẳng định việc giữ vững an ninh là nhiệm vụ hàng đầu.",
])
def test_a_stress_naming_nobody_is_no_task_for_the_speaker(text):
    assert tasks(text) == []


@pytest.mark.parametrize("text", [
    # the issuer issuing the very document: the news of it, or its preamble
    "Chủ tịch UBND tỉnh ban hành Chỉ thị về tổ chức đón Tết Nguyên đán an toàn, tiết kiệm.\n\n"
    "Theo đó, Chủ tịch UBND tỉnh yêu cầu các sở, ban, ngành chăm lo đời sống nhân dân.",
    "UBND huyện ban hành Kế hoạch triển khai công tác phòng, chống thiên tai năm 2026.\n\n"
    "Theo đó, UBND huyện yêu cầu các sở, ban, ngành chăm lo đời sống nhân dân.",
])
def test_the_issuer_issuing_the_document_itself_is_no_task(text):
    assert [lead for lead, _, _ in tasks(text)] == ["Các sở, ban, ngành"]


@pytest.mark.parametrize("text, expected", [
    # a portal's report that the chairman issued a letter, over the letter's numbered items
    ("Thực hiện chỉ đạo của UBND tỉnh, ngày 05/3/2026, Chủ tịch UBND huyện Tân Lập ban hành công văn chỉ đạo các "
     "phòng chuyên môn; UBND các xã về việc phòng, chống dịch cúm.\n"
     "1. Trung tâm Y tế huyện: giám sát chặt chẽ các ổ dịch.\n2. Giao UBND các xã tổ chức tiêu độc khử trùng.\n",
     ["Trung tâm Y tế huyện", "UBND các xã"]),
    ("Ngày 12/8/2026, UBND xã Hòa Phú đã ban hành văn bản yêu cầu các thôn về việc phòng chống bão.\n"
     "1. Các thôn rà soát nhà ở xuống cấp.\n", ["Các thôn"]),
])
def test_the_report_of_issuing_a_letter_is_no_task(text, expected):
    assert [lead for lead, _, _ in tasks(text)] == expected


def test_a_unit_told_to_issue_a_plan_still_has_the_task():
    text = ("UBND huyện ban hành Kế hoạch triển khai công tác phòng, chống thiên tai năm 2026.\n\n"
            "Theo đó, UBND huyện yêu cầu các xã rà soát hồ đập. Phòng Nông nghiệp ban hành Kế hoạch kiểm tra hồ đập.")
    assert [lead for lead, _, _ in tasks(text)] == ["Các xã", "Phòng Nông nghiệp"]


@pytest.mark.parametrize("text, lead", [
    # after the speaker's own act, "đặc biệt"/"đồng thời"/"và" opens the handing in the same clause
    ("Đồng chí Trần Văn Bình - Chủ tịch UBND xã triển khai Kế hoạch và một số nhiệm vụ trong thời gian tới đặc "
     "biệt yêu cầu các thôn nắm chắc lịch bầu cử.", "Các thôn"),
    ("Giám đốc Sở Y tế đánh giá kết quả tiêm chủng của các huyện đồng thời đề nghị các trung tâm y tế rà soát "
     "người chưa tiêm.", "Các trung tâm y tế"),
])
def test_a_handing_after_the_speakers_own_act(text, lead):
    assert [t[0] for t in tasks(text)] == [lead]


def test_the_speakers_own_act_with_nobody_handed_is_no_task():
    text = "Đồng chí Trần Văn Bình - Chủ tịch UBND xã triển khai Kế hoạch bầu cử trưởng thôn đặc biệt là lịch bầu cử."
    assert tasks(text) == []


@pytest.mark.parametrize("text, lead", [
    # the speaker named with a second post after a comma (its own commas inside), then the handing in lowercase
    ("Tại cuộc họp, Chủ tịch UBND xã Lê Văn Tâm, Trưởng ban Chỉ đạo phòng, chống dịch xã quán triệt và chỉ đạo "
     "các thôn tăng cường tuyên truyền.", "Các thôn"),
    ("Tại hội nghị Phó Chủ tịch UBND huyện Hoàng Thị Lan, Trưởng ban Chỉ đạo phòng, chống thiên tai huyện yêu cầu "
     "Phòng Nông nghiệp kiểm tra hồ đập.", "Phòng Nông nghiệp"),
    # several posts listed with their verb right after: each its own lead
    ("Chủ tịch UBND các huyện, Giám đốc các sở rà soát hồ sơ đất đai.", "Chủ tịch UBND các huyện"),
])
def test_the_handing_after_the_speakers_second_post(text, lead):
    assert [t[0] for t in tasks(text)][0] == lead


def test_a_news_lede_before_the_signing_is_reported_adds_no_task():
    text = ("Thủ tướng yêu cầu các địa phương huy động tối đa nguồn lực hoàn thành xây dựng lại nhà ở trước ngày 15/1.\n\n"
            "Thủ tướng Chính phủ vừa ký, ban hành Công điện ngày 1/1/2026 về việc này.\n\n"
            "Thủ tướng yêu cầu Chủ tịch UBND các tỉnh, thành phố huy động tối đa nguồn lực hoàn thành việc xây dựng "
            "lại nhà ở trước ngày 15/1/2026.\n")
    assert [t.lead for t in extract_text(text, issued=date(2026, 1, 1)).tasks] == ["Chủ tịch UBND các tỉnh, thành phố"]


def test_a_page_with_no_work_after_the_signing_keeps_its_lede():
    text = ("Thủ tướng yêu cầu các địa phương hoàn thành xây dựng lại nhà ở trước ngày 15/1/2026.\n\n"
            "Thủ tướng Chính phủ vừa ký Công điện về việc này.\n")
    assert [t.lead for t in extract_text(text, issued=date(2026, 1, 1)).tasks] == ["Các địa phương"]
