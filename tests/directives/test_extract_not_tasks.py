"""Sentences that name a unit but give it no work (GUIDELINES "Not a task"): what a unit answers
for ("chịu trách nhiệm … về tính chính xác …"), where the money comes from ("Kinh phí thực hiện …
theo quy định") under a heading that names the units, the speaker's own statements under "X thông báo
như sau:", a place named as if it acted (a headline's "Hòa An chủ động …"). Places below are invented."""
from __future__ import annotations

import pytest

from directives import extract_text


def leads(text: str) -> list[str]:
    return [t.lead for t in extract_text(text).tasks]


@pytest.mark.parametrize("text", [
    "1. Sở Tài chính chịu trách nhiệm về tính chính xác của số liệu đề nghị quyết toán.",
    "2. Phòng Kinh tế chịu trách nhiệm trước Chủ tịch UBND huyện về nội dung báo cáo đã gửi.",
    "3. Bộ Công Thương, Bộ Xây dựng chịu trách nhiệm về nội dung hồ sơ trình.",
    "4. UBND các xã hoàn toàn chịu trách nhiệm về số liệu kê khai.",
])
def test_what_a_unit_answers_for_is_no_task(text):
    assert leads(text) == []


def test_answering_for_under_a_heading_is_no_task_either():
    text = ("1. Sở Nội vụ\na) Chủ trì rà soát vị trí việc làm, báo cáo UBND tỉnh.\n"
            "b) Chịu trách nhiệm về nội dung tờ trình và hồ sơ kèm theo.\n")
    assert [(t.lead, t.summary) for t in extract_text(text).tasks] == [
        ("Sở Nội vụ", "Rà soát vị trí việc làm, báo cáo UBND tỉnh")]


@pytest.mark.parametrize("text", [
    # responsible for doing something is work
    "1. Sở Y tế chịu trách nhiệm tổ chức tiêm chủng cho trẻ em.",
    "2. Phòng Văn hóa và Thông tin chịu trách nhiệm hướng dẫn các xã tổ chức lễ hội.",
])
def test_responsible_for_doing_is_a_task(text):
    assert len(leads(text)) == 1


@pytest.mark.parametrize("sentence", [
    "Kinh phí thực hiện các nhiệm vụ tại Kế hoạch này theo quy định của pháp luật.",
    "Kinh phí triển khai chương trình được bố trí trong dự toán ngân sách hằng năm.",
    "Nguồn kinh phí thực hiện từ ngân sách địa phương.",
])
def test_where_the_money_comes_from_is_no_task(sentence):
    text = f"1. Sở Giáo dục và Đào tạo, UBND các xã\na) Tổ chức tập huấn cho giáo viên.\nb) {sentence}\n"
    assert leads(text) == ["Sở Giáo dục và Đào tạo", "UBND các xã"]


def test_giving_the_money_is_a_task():
    text = "1. Sở Tài chính\na) Thẩm định dự toán.\nb) Bố trí kinh phí thực hiện cho các xã trước ngày 30/6/2026.\n"
    assert [(t.lead, t.deadline is not None) for t in extract_text(text).tasks] == [
        ("Sở Tài chính", False), ("Sở Tài chính", True)]


@pytest.mark.parametrize("formula", [
    "Chính phủ ban hành Nghị quyết tạm ngưng hiệu lực một số văn bản về an toàn lao động.",
    "Chủ tịch Ủy ban nhân dân tỉnh quyết định ban hành Quyết định sửa đổi quy chế làm việc.",
    "Bộ trưởng Bộ Nội vụ ban hành Thông tư quy định chế độ báo cáo thống kê.",
])
def test_the_enacting_formula_is_no_task(formula):
    text = (f"Căn cứ Luật Tổ chức chính quyền địa phương;\nTheo đề nghị của Giám đốc Sở Nội vụ;\n{formula}\n"
            "Điều 1. Sửa đổi Điều 3 của Quy chế.\nĐiều 2. Sở Nội vụ hướng dẫn thực hiện Quyết định này.\n")
    assert leads(text) == ["Sở Nội vụ"]


def test_a_unit_told_to_enact_is_a_task():
    assert leads("1. Giao Sở Nội vụ ban hành Quyết định về quy chế thi tuyển.\n") == ["Sở Nội vụ"]


@pytest.mark.parametrize("speaker, statement", [
    ("Ủy ban nhân dân xã Tân Lập thông báo như sau:", "2. UBND xã chỉ xem xét đơn thư của công dân gửi qua bưu điện."),
    ("Thực hiện Thông báo số 12/TB-UBND ngày 20/12/2026 của UBND huyện về việc tạm dừng tiếp công dân\n"
     "Ủy ban nhân dân xã Hòa An thông báo như sau:",
     "2. UBND xã tạm dừng tiếp công dân kể từ ngày 23/12/2026."),
    ("UBND huyện Hòa An có ý kiến như sau:", "1. UBND huyện sẽ xem xét, giải quyết theo thẩm quyền."),
])
def test_the_speakers_own_statement_is_no_task(speaker, statement):
    text = f"Kính gửi: các cơ quan.\n\n{speaker}\n\n1. Tạm dừng tiếp công dân.\n\n{statement}\n\n" \
           "3. Đề nghị Công an xã tăng cường tuần tra."
    assert leads(text) == ["Công an xã"]


def test_the_speaker_handing_work_on_is_a_task():
    text = ("Kính gửi: các cơ quan.\n\nỦy ban nhân dân xã Tân Lập thông báo như sau:\n\n"
            "1. UBND xã giao Công chức Văn hóa - Xã hội thông báo trên hệ thống truyền thanh.\n\n"
            "2. UBND các thôn rà soát danh sách hộ nghèo.")
    assert leads(text) == ["Công chức Văn hóa - Xã hội", "UBND các thôn"]


@pytest.mark.parametrize("text, expected", [
    ("Hòa An chủ động thực hiện đợt cao điểm chống khai thác cát trái phép\n"
     "Để ngăn chặn khai thác cát, UBND tỉnh vừa ban hành văn bản gửi Công an tỉnh, Sở Xây dựng chủ động thực hiện "
     "đợt cao điểm.", ["Công an tỉnh", "Sở Xây dựng"]),
    # an unknown body with a head word and its proper name is still a subject
    ("Xí nghiệp Thủy lợi Tân Lập vận hành các trạm bơm tiêu úng.", ["Xí nghiệp Thủy lợi Tân Lập"]),
])
def test_a_place_named_as_if_it_acted_is_no_lead(text, expected):
    assert leads(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Lãnh đạo các địa phương chịu trách nhiệm trước Chủ tịch UBND tỉnh về vi phạm trên địa bàn; định kỳ hằng quý "
     "báo cáo kết quả xử lý vi phạm.", [("Lãnh đạo các địa phương", "quarterly")]),
    ("Chủ tịch UBND các xã chịu trách nhiệm về công tác phòng cháy; hằng tháng báo cáo UBND huyện kết quả kiểm tra.",
     [("Chủ tịch UBND các xã", "monthly")]),
    # accountability, then more of it or a one-off action: no task
    ("Thủ trưởng các sở, ngành phải trực tiếp chỉ đạo và chịu trách nhiệm về tiến độ; không giao khoán cho cấp dưới.",
     []),
])
def test_a_heads_accountability_then_a_report_at_a_cadence(text, expected):
    tasks = extract_text("Kính gửi: các cơ quan.\n\n" + text).tasks
    assert [(t.lead, t.recurrence) for t in tasks] == expected


@pytest.mark.parametrize("text, expected", [
    ("Các đơn vị tổ chức trực ban và thực hiện nghiêm túc chế độ báo cáo về Ban Chỉ huy (qua thư điện tử)./.",
     ["Các đơn vị"]),
    ("Các xã, thị trấn rà soát, cập nhật danh sách hộ nghèo, gửi Phòng Nội vụ trước ngày 30/4/2026./.",
     ["Các xã, thị trấn"]),
    # the closing formulas stay closing
    ("Các đơn vị tổ chức thực hiện./.", []),
    ("Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các đơn vị báo cáo về Sở Nội vụ để tổng hợp./.", []),
    ("Đề nghị các cơ quan, đơn vị nghiêm túc triển khai thực hiện./.", []),
])
def test_work_of_its_own_ending_the_text(text, expected):
    assert leads("Kính gửi: các cơ quan.\n\nGiao Sở Y tế kiểm tra các cơ sở.\n\n" + text) == ["Sở Y tế"] + expected


@pytest.mark.parametrize("text, expected", [
    ("Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các phòng, ban, UBND các xã kịp thời phản ánh về "
     "UBND huyện (qua Phòng Nội vụ) để tổng hợp.", []),
    ("Trường hợp phát sinh vướng mắc, các đơn vị báo cáo về Sở Tài chính để được hướng dẫn.", []),
    ("Các sở, ban, ngành, UBND các xã, phường chịu trách nhiệm thực hiện Kế hoạch này.", []),
    # a named unit told to settle what exceeds it has work to do
    ("Trường hợp phát sinh khó khăn vượt thẩm quyền, Sở Xây dựng báo cáo, đề xuất UBND tỉnh hướng xử lý.",
     ["Sở Xây dựng"]),
    ("Các sở, ngành chịu trách nhiệm thực hiện việc kiểm tra an toàn công trình trên địa bàn.", ["Các sở, ngành"]),
])
def test_the_formulas_that_end_a_plan(text, expected):
    assert leads("Kính gửi: các cơ quan.\n\n" + text) == expected


# --- "Căn cứ nội dung … này, …": the closing call, or the basis of a duty of its own ---------

@pytest.mark.parametrize("text, expected", [
    ("Căn cứ nội dung Kế hoạch này, các sở, ban, ngành và Ủy ban nhân dân các xã xây dựng kế hoạch chi tiết "
     "triển khai trong phạm vi quản lý.", ["Các sở, ban, ngành", "Ủy ban nhân dân các xã"]),
    ("Căn cứ nội dung Chỉ thị này, Phòng Văn hóa - Xã hội rà soát danh mục lễ hội trên địa bàn.",
     ["Phòng Văn hóa - Xã hội"]),
    # the closing call itself stays no task
    ("Căn cứ nội dung Kế hoạch này, các cơ quan, đơn vị tổ chức thực hiện.", []),
    ("Căn cứ các nội dung trên, các sở, ngành, địa phương triển khai thực hiện nghiêm túc.", []),
])
def test_the_basis_of_a_duty_of_its_own_is_no_closing_call(text, expected):
    assert leads(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("8. Giám đốc các sở, Chủ tịch Ủy ban nhân dân các xã tổ chức triển khai và chỉ đạo các cơ quan, đơn vị "
     "thuộc phạm vi quản lý thực hiện nghiêm Chỉ thị này.", []),
    ("5. Các sở, ban, ngành quán triệt, chỉ đạo các đơn vị trực thuộc thực hiện tốt Kế hoạch này.", []),
    # a duty of its own before the call stays a task
    ("6. Sở Nội vụ tổ chức kiểm tra và chỉ đạo các đơn vị khắc phục tồn tại trước ngày 30/6/2026.", ["Sở Nội vụ"]),
])
def test_passing_the_closing_call_down_the_line_is_no_task(text, expected):
    assert leads(text) == expected


@pytest.mark.parametrize("text", [
    "Chủ trì hội nghị: đồng chí Bí thư Đảng ủy xã; đồng chí Chủ tịch UBND xã. Cùng các đồng chí Ủy viên Ban "
    "Chấp hành; Trưởng ấp các ấp; Chủ tịch các hội đặc thù.",
    "Chủ trì cuộc họp: Phó Chủ tịch UBND huyện. Dự họp có: Trưởng phòng Tài chính - Kế hoạch; Chủ tịch UBND các xã.",
    "Tham dự: lãnh đạo Sở Y tế, Giám đốc các bệnh viện tuyến tỉnh.",
    "Cùng với sự tham dự của các đồng chí Trưởng các ban, ngành, đoàn thể huyện.",
])
def test_who_chaired_and_who_sat_in_is_no_task(text):
    assert leads(text) == []


def test_the_chair_handing_work_is_still_a_task():
    text = ("Chủ trì hội nghị: đồng chí Chủ tịch UBND xã.\n\n"
            "Kết luận hội nghị, đồng chí Chủ tịch UBND xã giao Công an xã tăng cường tuần tra, kiểm soát.")
    assert leads(text) == ["Công an xã"]


@pytest.mark.parametrize("call", [
    "Sở Nông nghiệp và Môi trường đề nghị UBND các huyện, Công ty Thủy nông Bình An thực hiện tốt các nội dung "
    "trong Công văn số 45/SNN-TL ngày 02/3/2025 của Sở.",
    "Chủ tịch UBND huyện yêu cầu UBND các huyện, Công ty Thủy nông Bình An nghiêm túc thực hiện các nội dung chỉ đạo "
    "tại Thông báo số 12/TB-UBND ngày 01/3/2025 của UBND tỉnh.",
])
def test_the_call_to_carry_out_a_document_announces_the_work_given_below(call):
    text = (call + "\n\nCác nội dung chính:\n\n"
            "- UBND các huyện: tuyên truyền, vận động nhân dân giữ nước trên mặt ruộng.\n\n"
            "- Công ty Thủy nông Bình An: bơm nước phục vụ gieo cấy; kiểm tra các cống điều tiết.")
    assert leads(text) == ["UBND các huyện", "Công ty Thủy nông Bình An"]


@pytest.mark.parametrize("text, expected", [
    # no work of their own given below: the call is the task
    ("Đề nghị UBND các xã thực hiện nghiêm các nội dung tại Công văn số 45/UBND-VP ngày 02/3/2025 của UBND huyện.",
     ["UBND các xã"]),
    ("Yêu cầu Phòng Y tế thực hiện tốt các nội dung trong Kế hoạch số 20/KH-UBND ngày 01/3/2025. "
     "Công an huyện tăng cường tuần tra.", ["Phòng Y tế", "Công an huyện"]),
])
def test_the_call_to_carry_out_a_document_alone_is_a_task(text, expected):
    assert leads(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Ban Thường vụ Huyện ủy đồng ý về chủ trương và giao Ban Cán sự Đảng UBND huyện hoàn thiện đề án.",
     ["Ban Cán sự Đảng UBND huyện"]),
    ("Thường trực Đảng ủy xã nhất trí với đề xuất của UBND xã, giao Văn phòng Đảng ủy chuẩn bị hội nghị.",
     ["Văn phòng Đảng ủy"]),
    ("UBND tỉnh thống nhất chủ trương đầu tư dự án, yêu cầu Sở Xây dựng hoàn thiện hồ sơ trước ngày 30/6/2025.",
     ["Sở Xây dựng"]),
    # a unit named after the assent is no unit handed the work
    ("Sở Tài chính thống nhất với Sở Giao thông vận tải, phối hợp bố trí vốn cho dự án.", ["Sở Tài chính"]),
])
def test_after_a_bodys_assent_the_unit_handed_the_work_leads(text, expected):
    assert leads(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a body the lexicon does not know, with a deontic word before its verb, bears a duty
    ("Cơ quan Thuế ở địa phương có trách nhiệm kiểm tra việc kê khai.", ["Cơ quan Thuế ở địa phương"]),
    ("Cơ quan Lao động - Thương binh và Xã hội ở địa phương có trách nhiệm thống kê, rà soát đối tượng.",
     ["Cơ quan Lao động - Thương binh và Xã hội ở địa phương"]),
    ("Xí nghiệp Thủy lợi Bình An phải vận hành hồ chứa an toàn trong mùa mưa.", ["Xí nghiệp Thủy lợi Bình An"]),
    # a deontic word with no actor before it is a principle, not a duty
    ("Công tác phòng cháy cần được quan tâm đúng mức.", []),
    ("Việc tuyển dụng phải bảo đảm công khai, minh bạch.", []),
])
def test_a_deontic_word_after_an_unknown_body_states_its_duty(text, expected):
    assert leads(text) == expected


@pytest.mark.parametrize("view", [
    "Đẩy mạnh cải cách hành chính là nhiệm vụ trọng tâm, xuyên suốt của cả hệ thống chính trị.",
    "Bảo vệ rừng đầu nguồn được xác định là một trong những nhiệm vụ cấp bách của địa phương.",
    "Chuyển đổi số được coi là giải pháp đột phá để nâng cao năng lực cạnh tranh.",
])
def test_a_view_of_the_work_under_an_announcement_is_no_task(view):
    text = ("Chủ tịch UBND tỉnh yêu cầu Giám đốc các sở, Chủ tịch UBND các huyện:\n\n"
            "1. Rà soát, bổ sung kế hoạch của ngành, địa phương.\n\n" + view)
    tasks = extract_text(text).tasks
    assert [t.lead for t in tasks] == ["Giám đốc các sở", "Chủ tịch UBND các huyện"]
    assert all(view[:25] not in t.text for t in tasks)


def test_work_said_to_be_a_priority_for_a_unit_is_still_its_task():
    text = ("Chủ tịch UBND tỉnh yêu cầu Giám đốc Sở Y tế:\n\n"
            "1. Tổ chức tiêm chủng mở rộng cho trẻ em dưới 5 tuổi trước ngày 30/6/2025.")
    assert [t.lead for t in extract_text(text).tasks] == ["Giám đốc Sở Y tế"]


@pytest.mark.parametrize("follow_up", [
    "Báo cáo gửi về Sở Nội vụ trước ngày 15/4/2025 để tổng hợp.",
    "Báo cáo kết quả gửi về UBND huyện (qua Phòng Tài chính - Kế hoạch) trước ngày 20/4/2025.",
    "Trong đó, nêu rõ khó khăn, vướng mắc. Báo cáo được gửi về Bộ Y tế trước ngày 30/4/2025.",
])
def test_where_and_when_the_report_asked_for_goes_dates_that_task(follow_up):
    text = ("Sở Nội vụ đề nghị UBND các huyện chỉ đạo các đơn vị xây dựng báo cáo công tác cải cách hành chính "
            "quý I năm 2025.\n\n" + follow_up)
    tasks = extract_text(text).tasks
    assert [t.lead for t in tasks] == ["UBND các huyện"]
    assert tasks[0].deadline is not None


def test_a_dated_step_after_work_with_no_report_is_a_task_of_its_own():
    text = ("Đề nghị UBND các xã tổ chức ra quân dọn vệ sinh môi trường.\n\n"
            "Báo cáo gửi về UBND huyện trước ngày 15/4/2025.")
    tasks = extract_text(text).tasks
    assert [(t.lead, t.deadline is not None) for t in tasks] == [("UBND các xã", False), ("UBND các xã", True)]


@pytest.mark.parametrize("text", [
    "Lãnh đạo các cơ quan, đơn vị, địa phương không tham dự lễ hội nếu không được cấp có thẩm quyền phân công.",
    "Thủ trưởng các sở, ngành tuyệt đối không được sử dụng xe công đi lễ hội.",
    "Người đứng đầu các cơ quan, đơn vị nghiêm cấm tổ chức liên hoan trong giờ hành chính.",
])
def test_how_heads_must_conduct_themselves_is_no_task(text):
    assert leads(text) == []


@pytest.mark.parametrize("text, expected", [
    # a body told what not to do, or a head told not to let something happen, still has work
    ("Các sở, ngành không tổ chức đoàn đi chúc Tết cấp trên.", ["Các sở, ngành"]),
    ("Thủ trưởng các sở, ngành không để xảy ra tình trạng chậm trễ trong giải quyết hồ sơ.",
     ["Thủ trưởng các sở, ngành"]),
    ("Giao Thủ trưởng các đơn vị không để xảy ra sai phạm trong đấu thầu.", ["Thủ trưởng các đơn vị"]),
])
def test_a_body_told_what_not_to_do_still_has_work(text, expected):
    assert leads(text) == expected


def test_a_call_to_carry_out_a_superiors_directions_announces_the_work_below():
    text = ("Chủ tịch UBND huyện yêu cầu UBND các xã thực hiện nghiêm chỉ đạo của Thủ tướng Chính phủ về phòng, "
            "chống dịch.\n\nChủ tịch UBND huyện yêu cầu UBND các xã nâng mức cảnh báo; tổ chức trực 24/24 giờ.")
    assert [t.summary.split(";")[0] for t in extract_text(text).tasks] == ["Nâng mức cảnh báo"]


@pytest.mark.parametrize("text, expected", [
    # a catch-all called on to carry out directions beside work handed by name: the call only opens it
    ("Chủ tịch UBND huyện yêu cầu các cơ quan, đơn vị thực hiện nghiêm chỉ đạo của UBND tỉnh về phòng, chống dịch.\n\n"
     "Chủ tịch UBND huyện vừa có công văn yêu cầu các phòng, ban, ngành huyện nâng mức cảnh báo.",
     ["Các phòng, ban, ngành huyện"]),
    ("Giám đốc Sở Y tế đề nghị các cơ quan, đơn vị liên quan triển khai thực hiện tốt các nội dung trong Công văn số "
     "15/BYT-DP của Bộ Y tế.\n\nSở Y tế đề nghị các bệnh viện tuyến huyện bố trí giường điều trị, tổ chức trực 24/24 giờ.",
     ["Các bệnh viện tuyến huyện"]),
    # with no other work in the text, the call is the task
    ("Chủ tịch UBND xã yêu cầu các thôn thực hiện nghiêm chỉ đạo của UBND huyện về phòng, chống lụt bão.",
     ["Các thôn"]),
])
def test_a_catchall_called_to_carry_out_directions_beside_other_work_is_no_task(text, expected):
    assert leads(text) == expected


def test_a_call_said_twice_with_nothing_else_is_one_task():
    text = ("Chủ tịch UBND huyện yêu cầu UBND các xã thực hiện nghiêm chỉ đạo của UBND tỉnh về phòng, chống dịch.\n\n"
            "Chủ tịch UBND huyện yêu cầu UBND các xã thực hiện nghiêm chỉ đạo của UBND tỉnh tại Thông báo số 31/TB-UBND "
            "về phòng, chống dịch.")
    assert leads(text) == ["UBND các xã"]


@pytest.mark.parametrize("text, expected", [
    # a group told to carry out "the urgent measures", the measures then handed to units by name
    ("UBND tỉnh yêu cầu thủ trưởng các sở, ngành và chủ tịch UBND các huyện tập trung triển khai quyết liệt các "
     "biện pháp cấp bách phòng, chống dịch tả lợn châu Phi.\n\nUBND tỉnh giao Sở Nông nghiệp chỉ đạo tiêm phòng "
     "cho đàn lợn. Công an tỉnh kiểm soát việc vận chuyển lợn.", ["Sở Nông nghiệp", "Công an tỉnh"]),
    ("Chủ tịch UBND huyện đề nghị UBND các xã, thị trấn khẩn trương triển khai đồng bộ các giải pháp chống hạn.\n\n"
     "Phòng Nông nghiệp hướng dẫn các xã chuyển đổi cây trồng.", ["Phòng Nông nghiệp"]),
    # alone, the call is the task
    ("Chủ tịch UBND huyện đề nghị UBND các xã, thị trấn khẩn trương triển khai đồng bộ các giải pháp chống hạn.",
     ["UBND các xã, thị trấn"]),
])
def test_a_group_told_to_carry_out_the_measures_handed_below_is_no_task(text, expected):
    assert leads(text) == expected


@pytest.mark.parametrize("text, expected", [
    # work of its own after "chỉ đạo"/"khẩn trương" ending the text is still a task, unlike the closing call
    ("UBND xã đề nghị thủ trưởng các cơ quan, đơn vị và các thôn chỉ đạo tổ chức tổng vệ sinh tại trụ sở, nơi công "
     "cộng và thông báo để nhân dân biết, thực hiện./.", ["Thủ trưởng các cơ quan, đơn vị", "Các thôn"]),
    ("Đề nghị UBND các xã khẩn trương rà soát các hộ nghèo phát sinh./.", ["UBND các xã"]),
    ("Đề nghị UBND các xã chỉ đạo tổ chức thực hiện nghiêm túc./.", []),
])
def test_own_work_after_a_directing_verb_ending_the_text(text, expected):
    assert leads(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the speaker's assent to what was put before the meeting is no work; the handing after it is
    ("UBND tỉnh thống nhất với đề xuất của Sở Xây dựng tại Tờ trình số 45/TTr-SXD; giao Sở Xây dựng hoàn thiện "
     "hồ sơ.", ["Sở Xây dựng"]),
    ("Chủ tịch UBND xã đồng ý chủ trương sửa chữa nhà văn hóa thôn Đông. Giao công chức Địa chính - Xây dựng "
     "lập dự toán.", ["Công chức Địa chính - Xây dựng"]),
    # two bodies told to agree between themselves: that is work
    ("Sở Tài chính, Sở Xây dựng thống nhất về nội dung này tại dự thảo Đề án trước khi trình UBND tỉnh.",
     ["Sở Tài chính", "Sở Xây dựng"]),
])
def test_an_assent_to_a_proposal_is_no_task(text, expected):
    assert leads(text) == expected


# A meeting's list of who attends where: "Dự tại …:" / "Thành phần tham dự:" over labelled lists of
# bodies names guests, not work; a plain sentence (or "chịu trách nhiệm …") under it is work.
@pytest.mark.parametrize("text, expected", [
    ("I. Thời gian: 14 giờ ngày 10/3/2026.\n1. Dự tại điểm cầu Trụ sở UBND tỉnh:\n"
     "- Lãnh đạo các Sở: Nội vụ, Tài chính, Y tế.\n- Các tổ chức chính trị - xã hội: Hội Nông dân, Đoàn Thanh niên.\n"
     "- UBND tỉnh chịu trách nhiệm kết nối đường truyền đến các xã.\n",
     ["UBND tỉnh"]),
    ("2. Thành phần tham dự:\n- Phòng Kinh tế: lãnh đạo phòng và chuyên viên phụ trách.\n"
     "- Các đoàn thể xã: Hội Phụ nữ, Hội Cựu chiến binh.\n"
     "- Trưởng thôn phối hợp với Chi hội Nông dân mời hộ dân đến dự.\n",
     ["Trưởng thôn"]),
])
def test_who_attends_is_no_task(text, expected):
    assert leads(text) == expected


def test_a_labelled_item_outside_an_attendance_list_is_work():
    text = "2. Nhiệm vụ cụ thể:\n- Sở Y tế: chủ trì kiểm tra an toàn thực phẩm tại các chợ.\n"
    assert leads(text) == ["Sở Y tế"]


# "Lý do: …, cụ thể như sau:" then one labelled paragraph per body: the grounds of the decision, no
# work; the request after them ("Yêu cầu: …", "Đề nghị …") is.
@pytest.mark.parametrize("text, expected", [
    ("Thống nhất thu hồi giấy phép của 02 hợp tác xã.\nLý do: vi phạm điều kiện hoạt động, cụ thể như sau:\n"
     "Hợp tác xã Nông nghiệp An Phú: Không tổ chức đại hội thường niên; không báo cáo tài chính.\n"
     "Hợp tác xã Dịch vụ Tân Lợi: Ngừng hoạt động quá 12 tháng.\n"
     "Yêu cầu: Hợp tác xã Nông nghiệp An Phú thực hiện thanh lý tài sản.\n",
     ["Hợp tác xã Nông nghiệp An Phú"]),
    ("Lý do không đạt chuẩn như sau:\nTrường Tiểu học Hòa Bình: Chưa bảo đảm số phòng học theo quy định.\n"
     "Đề nghị Phòng Giáo dục và Đào tạo huyện hướng dẫn các trường khắc phục.\n",
     ["Phòng Giáo dục và Đào tạo huyện"]),
])
def test_the_grounds_listed_per_body_are_no_task(text, expected):
    assert leads(text) == expected


def test_labelled_items_not_under_grounds_are_work():
    text = "Ý kiến chỉ đạo như sau:\nSở Tài chính: Rà soát nguồn kinh phí, báo cáo UBND tỉnh.\n"
    assert leads(text) == ["Sở Tài chính"]


# An item titled "Đối tượng …" / "Tiêu chuẩn …" / "Tiêu chí …" at any level lists who is meant or what
# counts: no work under it. "Tiêu chuẩn hóa …" is a verb and its item is work.
@pytest.mark.parametrize("text, expected", [
    ("II. NỘI DUNG THI ĐUA\n1. Đối tượng thi đua\na) Tập thể:\n- Các cơ quan Trung ương đóng trên địa bàn huyện.\n"
     "- Các tổ chức tương đương thuộc UBND các xã.\n2. Tổ chức thực hiện\nPhòng Nội vụ theo dõi, tổng hợp kết quả.\n",
     ["Phòng Nội vụ"]),
    ("IV. KHEN THƯỞNG\n1. Tiêu chí xét tặng Giấy khen\nMỗi trường học được đề xuất 01 tập thể, phải đáp ứng các tiêu chí sau:\n"
     "- Hoàn thành xuất sắc nhiệm vụ năm học.\n- Có sáng kiến được Hội đồng cấp huyện công nhận.\n"
     "2. Hồ sơ khen thưởng\nCác trường gửi hồ sơ về Phòng Giáo dục và Đào tạo trước ngày 15/5/2026.\n",
     ["Các trường"]),
])
def test_who_is_meant_and_what_counts_is_no_task(text, expected):
    assert leads(text) == expected


def test_standardising_is_work():
    text = ("II. NHIỆM VỤ\n1. Tiêu chuẩn hóa quy trình nội bộ\na) Văn phòng UBND tỉnh rà soát, chuẩn hóa quy trình.\n"
            "2. Ứng dụng chữ ký số\na) Sở Nội vụ hướng dẫn các cơ quan triển khai.\n")
    assert leads(text) == ["Văn phòng UBND tỉnh", "Sở Nội vụ"]


@pytest.mark.parametrize("text, expected", [
    # accountable for what may go wrong ("… nếu để xảy ra …"): no task
    ("5. Ban Quản lý rừng phòng hộ chịu trách nhiệm trước pháp luật nếu để xảy ra phá rừng trên diện tích được giao.",
     []),
    ("6. Hạt Kiểm lâm chịu trách nhiệm trước Chủ tịch UBND tỉnh nếu để cháy rừng kéo dài.", []),
    # "chịu trách nhiệm" then work, with no "về"/"nếu" after whom it answers to: a task
    ("7. Sở Nông nghiệp và Môi trường chịu trách nhiệm hướng dẫn các chủ rừng lập phương án phòng cháy.",
     ["Sở Nông nghiệp và Môi trường"]),
])
def test_accountable_if_it_happens_is_no_task(text, expected):
    assert leads(text) == expected


NOTES_HEAD = ("SỞ Y TẾ TỈNH BÌNH AN\nSố: 88/SYT-NVY\nBình An, ngày 10 tháng 3 năm 2026\n"
              "Kính gửi: Các bệnh viện tuyến huyện.\n"
              "Sở Y tế đề nghị các bệnh viện tuyến huyện thực hiện một số nội dung sau:\n"
              "1. Rà soát danh mục thuốc đã trúng thầu, báo cáo Sở Y tế.\n")


@pytest.mark.parametrize("notes", [
    # a heading of notes over rules that say how things stand: nobody is given work
    "2. Một số lưu ý khi thanh toán chi phí khám bệnh:\n"
    "2.1. Trường hợp người bệnh chuyển tuyến thì chi phí được thanh toán theo tuyến chuyển đến.\n"
    "2.2. Số giường bệnh kê thêm không tính vào số giường được phê duyệt.\n",
    "2. Các điểm cần lưu ý:\n- Việc thanh toán tiền giường bệnh thực hiện theo Thông tư số 39/2018/TT-BYT.\n",
])
def test_notes_under_a_heading_of_notes_are_no_task(notes):
    assert leads(NOTES_HEAD + notes) == ["Các bệnh viện tuyến huyện"]


def test_a_unit_named_among_the_notes_keeps_its_task():
    text = NOTES_HEAD + ("2. Một số lưu ý khi thanh toán chi phí khám bệnh:\n"
                         "2.1. Trường hợp người bệnh chuyển tuyến thì chi phí được thanh toán theo tuyến chuyển đến.\n"
                         "2.2. Thanh tra Sở Y tế kiểm tra hồ sơ thanh toán hằng tháng.\n")
    assert leads(text) == ["Các bệnh viện tuyến huyện", "Thanh tra Sở Y tế"]
