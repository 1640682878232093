"""Rules for directives as portals and legal-text sites publish them (issue 20): words glued at
a lost line break, the body sentence "Về việc này, …", a capitalized handing verb, the closing
call handed to one unit in charge, a cause before the main clause, an apposition after a dash,
a duty with a cadence of its own, a paragraph with an action of its own, a portal headline
before the speaker's announcement, the head of a catch-all, and "UBND các huyện: A, B".
The names of places below are invented."""
from __future__ import annotations

from datetime import date

import pytest

from directives import extract_text
from directives.glue import is_syllable, unglue, unglue_word
from directives.header import parse_header
from directives.names import apposition_end, is_predicate_at, parse_unit_list
from directives.normalize import paragraphs
from directives.text import tokenize


def tasks(text: str, issued: date | None = None) -> list[tuple]:
    return [(t.lead, t.coordinators, t.deadline, t.recurrence) for t in extract_text(text, issued=issued).tasks]


# --- glued words -----------------------------------------------------------------------------

@pytest.mark.parametrize("word, expected", [
    ("cáchuyện", "các huyện"),
    ("thựchiện", "thực hiện"),
    ("Kếhoạch", "Kế hoạch"),
    ("trướcngày", "trước ngày"),
    ("trườngchủ", "trường chủ"),
    ("báođể", "báo để"),
    ("địabàn", "địa bàn"),
    ("giaiđoạn", "giai đoạn"),
    ("nhândântỉnh", "nhân dân tỉnh"),
    ("TỈNHBÌNH", "TỈNH BÌNH"),
    ("chứcHĐND", "chức HĐND"),  # a capital right after a lowercase letter
    ("củaGiám", "của Giám"),
    ("banhành", "ban hành"),  # the cut whose syllables the lexicon knows
    ("cánhân", "cá nhân"),  # else the longer onset after the cut
    # left alone: one syllable, a foreign or code word, an abbreviation, a figure
    ("nghiệp", "nghiệp"), ("giữa", "giữa"), ("quốc", "quốc"), ("nguyễn", "nguyễn"), ("người", "người"),
    ("khuyến", "khuyến"), ("Hoà", "Hoà"), ("Đắk", "Đắk"), ("online", "online"), ("Internet", "Internet"),
    ("ThS", "ThS"), ("TTg", "TTg"), ("UBND", "UBND"), ("HĐND", "HĐND"), ("ĐBQH", "ĐBQH"), ("iPhone", "iPhone"),
])
def test_glued_words_are_cut_into_syllables(word, expected):
    assert unglue_word(word) == expected


@pytest.mark.parametrize("word, syllable", [
    ("nghiệp", True), ("quyết", True), ("gìn", True), ("yêu", True), ("thuở", True), ("xoong", True),
    ("â", False), ("cáchuyện", False), ("đồngnhân", False), ("hđnd", False),
])
def test_what_one_syllable_is(word, syllable):
    assert is_syllable(word) is syllable


def test_a_glued_text_reads_as_if_spaced():
    assert unglue("Giao UBND cáchuyện tổ chứcthực hiện năm2026.") == "Giao UBND các huyện tổ chức thực hiện năm2026."
    assert tasks("Giao Sở Tài nguyên và Môi trườngchủ trì, phối hợp với UBND cáchuyện kiểm tra, hoàn thành "
                 "trướcngày 20/11/2026.") == \
        [("Sở Tài nguyên và Môi trường", ["UBND các huyện"], date(2026, 11, 20), None)]


# --- the header ------------------------------------------------------------------------------

@pytest.mark.parametrize("line, title", [
    ("V/v triển khai thực hiện Kế hoạch", "V/v triển khai thực hiện Kế hoạch"),
    ("Về việc tăng cường phòng, chống dịch", "Về việc tăng cường phòng, chống dịch"),
    ("Về việc này, UBND tỉnh yêu cầu UBND huyện Tân An kiểm tra.", None),
    ("Về việc nêu trên, Sở Y tế báo cáo UBND tỉnh.", None),
])
def test_ve_viec_opens_the_subject_line_not_a_body_sentence(line, title):
    info, _ = parse_header(paragraphs(line))
    assert info.title == title


def test_ve_viec_nay_is_a_task():
    text = ("Trước đó, UBND tỉnh nhận được đơn của ông Lê Văn Ba.\n"
            "Về việc này, UBND tỉnh yêu cầu UBND huyện Tân An kiểm tra, giải quyết đơn, báo cáo kết quả cho UBND tỉnh.")
    assert tasks(text) == [("UBND huyện Tân An", [], None, None)]


# --- who is given the action -----------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    # a capitalized handing verb after the unit that hands over
    ("Theo đó, Chủ tịch Ủy ban nhân dân huyện Giao Chủ tịch UBND xã Tân Phú có trách nhiệm phối hợp với các đơn vị "
     "có liên quan tổ chức triển khai thực hiện theo quy định của pháp luật./.",
     [("Chủ tịch UBND xã Tân Phú", ["các đơn vị có liên quan"], None, None)]),
    # "triển khai thực hiện" handed to one unit put in charge of others is a task
    ("Điều 2. Giao Giám đốc Sở Y tế chủ trì, phối hợp với thủ trưởng các sở, ngành liên quan và Chủ tịch UBND "
     "các huyện Tân An, Phú Mỹ triển khai thực hiện.",
     [("Giám đốc Sở Y tế", ["Chủ tịch UBND các huyện Tân An, Phú Mỹ"], None, None)]),
    # … but not the closing call to every unit, nor the sending formula
    ("Yêu cầu các sở, ban, ngành, UBND các huyện nghiêm túc triển khai thực hiện./.", []),
    ("Văn phòng Chính phủ xin thông báo để Ủy ban nhân dân tỉnh Tân An biết và thực hiện.", []),
    # a cause, then "vì vậy" opens the main clause
    ("Do Công ty cổ phần Phú Mỹ có văn bản xin thôi tham gia nghiên cứu, khảo sát dự án vì không đủ năng lực, "
     "vì vậy UBND tỉnh giao Sở Xây dựng chủ trì, phối hợp với Sở Tài chính nghiên cứu, đề xuất phương án.",
     [("Sở Xây dựng", ["Sở Tài chính"], None, None)]),
    # an introduction that ends at ";", and the deadline in the next sentence
    ("Sau khi tiếp nhận phản ánh của Báo Nhân Dân số ra ngày 01/11/2026 đăng bài “Mỏ đá gây sạt lở”; UBND tỉnh giao "
     "Sở Nông nghiệp và Môi trường chủ trì, phối hợp với UBND huyện Tân An kiểm tra, xác minh. Thời gian thực hiện "
     "hoàn thành trước ngày 20/11/2026.",
     [("Sở Nông nghiệp và Môi trường", ["UBND huyện Tân An"], date(2026, 11, 20), None)]),
    # what a unit is, after a dash or a comma, is no second unit and no action
    ("1. Sở Nội vụ - cơ quan thường trực Ban Thi đua - Khen thưởng tỉnh giúp Ban tham mưu UBND tỉnh tổ chức "
     "Hội nghị tổng kết.",
     [("Sở Nội vụ", [], None, None)]),
    ("Sở Y tế, cơ quan thường trực Ban Chỉ đạo tỉnh, chủ trì tổng hợp kết quả.", [("Sở Y tế", [], None, None)]),
    # the merged provincial media body, with the province's name after it
    ("Báo và Phát thanh, Truyền hình Tân An tăng cường tuyên truyền.",
     [("Báo và Phát thanh, Truyền hình Tân An", [], None, None)]),
    # one unit per place after "UBND các huyện:"
    ("Giao Sở Xây dựng chủ trì, phối hợp các Sở: Tài chính, Nội vụ; UBND các huyện: Tân An, Phú Mỹ và các đơn vị "
     "liên quan nghiên cứu đề xuất.",
     [("Sở Xây dựng", ["Sở Tài chính", "Sở Nội vụ", "UBND huyện Tân An", "UBND huyện Phú Mỹ"], None, None)]),
])
def test_who_is_given_the_action(text, expected):
    assert tasks(text) == expected


@pytest.mark.parametrize("text, after", [
    ("Sở Nội vụ - cơ quan thường trực Ban Thi đua tỉnh giúp Ban tham mưu", "giúp"),
    ("Sở Y tế, cơ quan thường trực Ban Chỉ đạo tỉnh, chủ trì tổng hợp", ","),
    ("Công an tỉnh - lực lượng nòng cốt bảo đảm an ninh chủ động triển khai", "bảo"),
    ("Sở Lao động - Thương binh và Xã hội hướng dẫn", None),  # a dash inside the name
    ("Sở Y tế, Sở Tài chính kiểm tra", None),  # a list
])
def test_apposition_end(text, after):
    tokens = tokenize(text)
    units, end = parse_unit_list(text, tokens, 0)
    found = apposition_end(tokens, units[0].end)
    assert (tokens[found].text if found is not None else None) == after


@pytest.mark.parametrize("text, lead, catchall", [
    ("thủ trưởng các sở, ngành, đoàn thể liên quan", "thủ trưởng các sở, ngành, đoàn thể liên quan", True),
    ("Thủ trưởng các cơ quan chuyên môn", "Thủ trưởng các cơ quan chuyên môn", True),
    ("Chủ tịch UBND các huyện", "Chủ tịch UBND các huyện", False),
    ("Giám đốc Sở Y tế", "Giám đốc Sở Y tế", False),
])
def test_the_head_of_a_catchall_is_a_catchall(text, lead, catchall):
    units, _ = parse_unit_list(text, tokenize(text), 0)
    assert (units[0].text, units[0].is_catchall) == (lead, catchall)
    assert units[0].head_title  # still a head: "Thủ trưởng … chịu trách nhiệm" is accountability


def test_theo_doi_is_a_verb_theo_is_not():
    assert is_predicate_at(tokenize("Theo dõi, cập nhật kết quả"), 0, weak=False)
    assert not is_predicate_at(tokenize("Theo kế hoạch"), 0, weak=False)


# --- tasks of a paragraph --------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    # a cadence clause with its own verb is a duty of its own
    ("Sở Nội vụ tham mưu UBND tỉnh chỉ đạo triển khai Kế hoạch; tổ chức sơ kết hằng năm việc thực hiện Kế hoạch.",
     [("Sở Nội vụ", [], None, None), ("Sở Nội vụ", [], None, "yearly")]),
    # the report on the action, and a time line, stay with it
    ("Sở Tài chính tham mưu UBND tỉnh bố trí kinh phí; định kỳ hằng quý báo cáo kết quả thực hiện.",
     [("Sở Tài chính", [], None, "quarterly")]),
    ("Sở Tài chính báo cáo tình hình giải ngân; thời hạn: hằng tháng.", [("Sở Tài chính", [], None, "monthly")]),
])
def test_cadence_clauses(text, expected):
    assert tasks(text) == expected


def test_a_paragraph_with_an_action_of_its_own_is_a_task_of_its_own():
    text = ("Chủ tịch UBND tỉnh yêu cầu:\n"
            "1. UBND các huyện cử đại diện lãnh đạo tham gia các buổi tiếp xúc cử tri.\n"
            "Theo dõi, tổng hợp kết quả giải quyết kiến nghị cử tri.\n"
            "2. Sở Y tế rà soát các cơ sở khám bệnh.\n"
            "Thời hạn: trước ngày 31/3/2026.\n")
    assert tasks(text) == [("UBND các huyện", [], None, None), ("UBND các huyện", [], None, None),
                           ("Sở Y tế", [], date(2026, 3, 31), None)]


def test_a_portal_headline_before_the_speakers_announcement_is_context():
    text = ("Chủ tịch UBND tỉnh yêu cầu Giám đốc Sở Công Thương phối hợp tổ chức đánh giá 1 năm thực hiện Nghị định.\n"
            "Ngày 20/7/2026, UBND tỉnh nhận được Văn bản của Bộ Công Thương về việc đánh giá.\n"
            "Sau khi xem xét, Chủ tịch UBND tỉnh có ý kiến chỉ đạo:\n"
            "Giao Sở Công Thương chủ trì, phối hợp với các đơn vị liên quan đánh giá, tổng hợp báo cáo. "
            "Trình UBND tỉnh trước ngày 10/8/2026.\n")
    assert tasks(text) == [("Sở Công Thương", ["các đơn vị liên quan"], date(2026, 8, 10), None)]


# --- forms of real letters and plans ------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    # a list of leads announcing the items below leads them, with no handing verb
    ("Các sở, ban, ngành, UBND các huyện căn cứ chức năng, nhiệm vụ được giao, khẩn trương triển khai các nội "
     "dung sau:\na) Rà soát các thủ tục hành chính, hoàn thành trong quý II/2026.\n"
     "b) Báo cáo kết quả về UBND tỉnh trước ngày 15 hằng tháng.\n",
     [("Các sở, ban, ngành", [], date(2026, 6, 30), None), ("UBND các huyện", [], date(2026, 6, 30), None),
      ("Các sở, ban, ngành", [], None, "monthly:15"), ("UBND các huyện", [], None, "monthly:15")]),
    # … the speaker announcing the directions leads nothing
    ("UBND tỉnh kết luận như sau:\na) Rà soát các thủ tục hành chính.\n", []),
    # a colon after the handing verb
    ("UBND tỉnh giao: Sở Nội vụ chủ trì, phối hợp với Sở Tư pháp thẩm định hồ sơ, trình UBND tỉnh trước ngày "
     "25/3/2026.", [("Sở Nội vụ", ["Sở Tư pháp"], date(2026, 3, 25), None)]),
    # "giao" inside a sentence with no subject of its own
    ("Thống nhất chủ trương giao Sở Xây dựng nghiên cứu, đề xuất phương án.", [("Sở Xây dựng", [], None, None)]),
    ("Đồng ý chủ trương đầu tư dự án, giao Sở Tài chính tham mưu bố trí vốn.", [("Sở Tài chính", [], None, None)]),
    ("Các nhiệm vụ được giao Sở Y tế tại Kế hoạch số 12 đã hoàn thành.", []),
    # a descriptive name joined by "và" up to its level word
    ("Ban Quản lý dự án đầu tư xây dựng các công trình dân dụng và công nghiệp tỉnh đẩy nhanh tiến độ thi công.",
     [("Ban Quản lý dự án đầu tư xây dựng các công trình dân dụng và công nghiệp tỉnh", [], None, None)]),
    # the kind of area narrowing a level run
    ("Sở Nông nghiệp và Môi trường, UBND các huyện ven biển theo dõi chặt chẽ diễn biến của bão.",
     [("Sở Nông nghiệp và Môi trường", [], None, None), ("UBND các huyện ven biển", [], None, None)]),
    ("Giao Sở Nông nghiệp và Môi trường phối hợp với UBND các xã có rừng bố trí lực lượng trực.",
     [("Sở Nông nghiệp và Môi trường", ["UBND các xã có rừng"], None, None)]),
    # "Sở Nội vụ" holds no crop season: the window is a deadline
    ("Sở Nội vụ thẩm định hồ sơ trong tháng 6/2026.", [("Sở Nội vụ", [], date(2026, 6, 30), None)]),
    ("Chi cục Thuế khu vực hoàn thành rà soát trong quý III/2026.",
     [("Chi cục Thuế khu vực", [], date(2026, 9, 30), None)]),
])
def test_forms_of_letters_and_plans(text, expected):
    assert tasks(text, issued=date(2026, 3, 10)) == expected


@pytest.mark.parametrize("text, expected", [
    # the body of the place itself: "Báo tỉnh", after a known body in a list
    ("Đài Phát thanh và Truyền hình tỉnh, Báo tỉnh tăng cường thời lượng đưa tin về bão.",
     [("Đài Phát thanh và Truyền hình tỉnh", [], None, None), ("Báo tỉnh", [], None, None)]),
    # heads of ministries and the Government are people who lead
    ("Thủ tướng Chính phủ yêu cầu Bộ trưởng Bộ Y tế chỉ đạo bảo đảm thuốc, vật tư; Bộ trưởng Bộ Tài chính bố trí "
     "kinh phí kịp thời.", [("Bộ trưởng Bộ Y tế", [], None, None), ("Bộ trưởng Bộ Tài chính", [], None, None)]),
    # party committees of every place of a level, after "các"
    ("Đề nghị Ban Thường vụ các huyện ủy, thị ủy, thành ủy lãnh đạo, chỉ đạo các cấp ủy triển khai thực hiện.",
     [("Ban Thường vụ các huyện ủy, thị ủy, thành ủy", [], None, None)]),
    # the speaker's announcement leads no subject-less item below it
    ("Thủ tướng Chính phủ có ý kiến như sau:\n1. Khẩn trương hoàn thiện hồ sơ dự án.\n"
     "2. Bộ Tài chính bố trí vốn.\n", [("Bộ Tài chính", [], None, None)]),
])
def test_bodies_and_speakers(text, expected):
    assert tasks(text) == expected


@pytest.mark.parametrize("text, coordinators", [
    # the object directed, then a comma: the lead goes on with a verb of its own
    ("UBND các tỉnh chỉ đạo các cơ quan, đơn vị có liên quan trên địa bàn, phối hợp chặt chẽ với Bộ Công an, "
     "Bộ Tài chính để tổ chức chuyển quà kịp thời.", ["Bộ Công an", "Bộ Tài chính"]),
    # without the comma the object is the one coordinating
    ("Sở Y tế chỉ đạo Thanh tra Sở phối hợp với Công an tỉnh kiểm tra các cơ sở.", []),
])
def test_whose_partners_after_a_directed_object(text, coordinators):
    (task,) = extract_text(text).tasks
    assert task.coordinators == coordinators


@pytest.mark.parametrize("text, expected", [
    # the closing call in its longer forms
    ("Thủ trưởng các sở, ban, ngành, Chủ tịch UBND các huyện chỉ đạo, tổ chức triển khai thực hiện nghiêm túc "
     "Chỉ thị này.", []),
    ("Các sở, ban, ngành quán triệt, triển khai thực hiện có hiệu quả các nội dung nêu trên./.", []),
    # a remark in brackets after the name is neither name nor action
    ("Sở Thông tin và Truyền thông (nay là Sở Khoa học và Công nghệ) chủ trì hướng dẫn chuyển đổi số.",
     [("Sở Thông tin và Truyền thông", [], None, None)]),
])
def test_closing_calls_and_remarks(text, expected):
    assert tasks(text) == expected
    for task in extract_text(text).tasks:
        assert not task.summary.startswith("(")


# --- rules from the sixth batch -----------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    # a name followed by a preposition is no subject; the handing after the introduction is found
    ("Về ý kiến chỉ đạo của đồng chí Tổng Bí thư, Chủ tịch Quốc hội tại các công văn số 614, 615 của Văn phòng "
     "Trung ương Đảng, Phó Thủ tướng giao các Bộ: Tài chính, Văn hóa, Thể thao và Du lịch, Lao động-Thương binh và "
     "Xã hội làm việc với các tỉnh Xa Lộc, Ya Sơn, Za Hòa xác định nguồn kinh phí.",
     [("Bộ Tài chính", [], None, None), ("Bộ Văn hóa, Thể thao và Du lịch", [], None, None),
      ("Bộ Lao động - Thương binh và Xã hội", [], None, None)]),
    # "Đồng ý X …" hands over; a window inside a purpose with its own doer is not the lead's deadline
    ("1. Đồng ý Ủy ban nhân dân tỉnh Tân An chỉ đạo thực hiện Dự án theo quy định.\n"
     "2. Bộ Tài chính xem xét tạm ứng vốn để tỉnh Tân An triển khai thực hiện Dự án nêu trên trong năm 2026.\n",
     [("Ủy ban nhân dân tỉnh Tân An", [], None, None), ("Bộ Tài chính", [], None, None)]),
    # "giao ban" is a meeting
    ("Vừa qua, Chủ tịch UBND huyện đã chủ trì cuộc họp giao ban UBND huyện để cho ý kiến về một số nội dung.", []),
    # a run after one "các", a lowercase word after a dash or "&" finishing a name, a ";" clause with a subject
    ("Kết luận các nội dung này, Chủ tịch UBND huyện đề nghị: các xã, đơn vị liên quan tiếp tục đẩy nhanh tiến độ; "
     "phòng NN&PTNT tham mưu tháo gỡ khó khăn. Đối với đề án trồng cây, tiếp tục đôn đốc hoàn thiện thủ tục; "
     "Phòng Y tế hướng dẫn người dân. Phòng Kinh tế – hạ tầng thẩm định về nội dung, phòng Tài chính & kế hoạch "
     "thẩm định kinh phí.",
     [("Các xã, đơn vị liên quan", [], None, None), ("Phòng NN&PTNT", [], None, None), ("Phòng Y tế", [], None, None),
      ("Phòng Kinh tế – hạ tầng", [], None, None), ("Phòng Tài chính & kế hoạch", [], None, None)]),
    # local government as a partner; an object in plain words coordinates for itself
    ("Bộ Công an chỉ đạo lực lượng công an các cấp nắm tình hình; phối hợp với chính quyền địa phương các cấp "
     "rà soát số liệu hộ gia đình.", [("Bộ Công an", ["chính quyền địa phương các cấp"], None, None)]),
    ("Sở Xây dựng chỉ đạo lực lượng thanh tra giao thông phối hợp với chính quyền địa phương phân luồng giao thông.",
     [("Sở Xây dựng", [], None, None)]),
])
def test_sixth_batch_rules(text, expected):
    assert tasks(text) == expected


def test_gazette_page_furniture_is_dropped_and_broken_lines_rejoined():
    text = ("6. Bộ Tài chính\n"
            "a) Phối hợp với Bộ Nội vụ hướng dẫn các địa phương bố trí nguồn kinh phí theo quy định;\n"
            "hướng dẫn việc quyết toán kinh phí bảo đảm tiết kiệm.\n"
            "Ký bởi: CÔNG BÁO NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nCơ quan: VĂN PHÒNG CHÍNH PHỦ\n"
            "Ngày ký: 2026-06-02 08:06:58 +07:00\n"
            "b) Phương án phải gắn với yêu cầu nâng cao chất lượng đội ngũ, theo hướng:\n"
            "CÔNG BÁO/Số 302/Ngày 02-06-2026\n73\n"
            "- Lựa chọn người có năng lực;\n- Giải quyết chế độ, chính sách.\n")
    assert [line.text for line in paragraphs(text)][:3] == [
        "6. Bộ Tài chính",
        "a) Phối hợp với Bộ Nội vụ hướng dẫn các địa phương bố trí nguồn kinh phí theo quy định; hướng dẫn việc "
        "quyết toán kinh phí bảo đảm tiết kiệm.",
        "b) Phương án phải gắn với yêu cầu nâng cao chất lượng đội ngũ, theo hướng:"]
    assert tasks(text) == [("Bộ Tài chính", ["Bộ Nội vụ"], None, None)]


@pytest.mark.parametrize("raw, clean", [
    ("ngày 21tháng 04 năm 2011", "ngày 21 tháng 04 năm 2011"),
    ("Bộ Lao động-Thương binh và Xã hội", "Bộ Lao động - Thương binh và Xã hội"),
    ("số 616-CV/VPTW, QĐ-UBND, 350m2", "số 616-CV/VPTW, QĐ-UBND, 350m2"),
])
def test_figures_and_hyphens_respaced(raw, clean):
    assert unglue(raw) == clean


@pytest.mark.parametrize("text, expected", [
    # the news of a handing: "vừa yêu cầu", "vừa ban hành văn bản gửi A, B … thực hiện"; "thống nhất với"
    ("Phó Chủ tịch UBND TP. Tân An Lê Văn Ba vừa yêu cầu Sở Giao thông Vận tải thống nhất với các quận, huyện "
     "trong tháng 12/2026 trình UBND thành phố danh mục các tuyến đường.",
     [("Sở Giao thông Vận tải", ["các quận, huyện"], date(2026, 12, 31), None)]),
    ("UBND tỉnh vừa ban hành văn bản gửi Công an tỉnh, Sở Nông nghiệp và Môi trường, UBND các huyện ven biển "
     "Tân An, Phú Mỹ và Hòa Bình chủ động, khẩn trương thực hiện đợt cao điểm ngăn chặn tàu cá vi phạm.",
     [("Công an tỉnh", [], None, None), ("Sở Nông nghiệp và Môi trường", [], None, None),
      ("UBND các huyện ven biển Tân An, Phú Mỹ và Hòa Bình", [], None, None)]),
    # a descriptive level head runs on; "&" and a name stay in it; the closing call to it is no task
    ("2. Ban QLDA đầu tư xây dựng các công trình Nông nghiệp và PTNT khẩn trương hoàn thiện hồ sơ, bảo đảm hoàn "
     "thành công trình trong năm 2026. Chủ tịch UBND tỉnh yêu cầu Giám đốc Ban QLDA đầu tư xây dựng các công "
     "trình Nông nghiệp & PTNT và Thủ trưởng các đơn vị có liên quan triển khai thực hiện.",
     [("Ban QLDA đầu tư xây dựng các công trình Nông nghiệp và PTNT", [], date(2026, 12, 31), None)]),
    # levels closing a generic run; village heads; the commune's radio
    ("Theo đó, đề nghị các cơ quan, đơn vị, thôn, tổ dân phố khẩn trương lập hồ sơ trước ngày 15/9/2026.",
     [("Các cơ quan, đơn vị, thôn, tổ dân phố", [], date(2026, 9, 15), None)]),
    ("UBND xã yêu cầu các ông xóm trưởng thực hiện nghiêm một số nội dung sau:\n"
     "1. Nắm bắt thông tin người dân đến địa bàn.\n2. Báo cáo UBND xã danh sách trước 14 giờ hằng ngày.\n",
     [("Các ông xóm trưởng", [], None, None), ("Các ông xóm trưởng", [], None, "daily")]),
    ("Vậy UBND xã thông báo tới toàn thể cán bộ và nhân dân biết, thực hiện. Đề nghị Đài truyền thanh xã, các đồng "
     "chí Trưởng thôn thông báo liên tục trên hệ thống truyền thanh./.",
     [("Đài truyền thanh xã", [], None, None), ("Các đồng chí Trưởng thôn", [], None, None)]),
])
def test_news_and_commune_forms(text, expected):
    assert tasks(text) == expected


def test_a_headline_without_full_stop_and_the_text_before_the_speaker_are_context():
    text = ("Tạm dừng tiếp công dân để phòng, chống dịch\n\n"
            "Ngày 20/7/2026, UBND tỉnh nhận được Văn bản của Bộ Y tế.\n"
            "Sau khi xem xét, Chủ tịch UBND tỉnh có ý kiến:\n"
            "1. Đồng ý về chủ trương bổ sung một số nội dung của dự án.\n"
            "2. Sở Y tế khẩn trương hoàn thiện hồ sơ.\n")
    assert tasks(text) == [("Sở Y tế", [], None, None)]


def test_the_signature_ends_the_text_until_an_annex():
    text = ("ỦY BAN NHÂN DÂN TỈNH TÂN AN\nSố: 12/KH-UBND\nTân An, ngày 10 tháng 3 năm 2026\n"
            "1. Sở Y tế rà soát hồ sơ.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nLê Văn Ba\n"
            "Sở Tài chính bố trí kinh phí.\nPhụ lục\n"
            "| STT | Nhiệm vụ | Cơ quan chủ trì |\n| 1 | Kiểm tra | Sở Xây dựng |\n")
    assert [t.lead for t in extract_text(text).tasks] == ["Sở Y tế", "Sở Xây dựng"]


@pytest.mark.parametrize("text, expected", [
    # chairing a meeting, and what was said at it, are no tasks; the conclusion's handing is
    ("Sáng ngày 15/12/2026, Ban Chỉ đạo tổ chức cuộc họp. Ông Lê Văn Ba, Phó Chủ tịch UBND huyện chủ trì cuộc họp.\n"
     "Tại cuộc họp, lãnh đạo Phòng Văn hóa và Thông tin huyện báo cáo kết quả phúc tra. Phòng Kinh tế và Hạ tầng "
     "huyện báo cáo kết quả chấm phúc tra chợ văn minh.\n"
     "Phát biểu kết luận cuộc họp, Ông Lê Văn Ba giao cho Phòng Văn hóa và Thông tin tiếp tục rà soát danh sách "
     "khen thưởng.", [("Phòng Văn hóa và Thông tin", [], None, None)]),
    # "… nên UBND tỉnh yêu cầu Sở X …" inside a sentence with no subject of its own
    ("Đây là nội dung hết sức quan trọng nên UBND tỉnh yêu cầu Sở NN&PTNT khẩn trương thực hiện phương án.",
     [("Sở NN&PTNT", [], None, None)]),
    # staff assigned by a unit are no unit; "trực thuộc UBND huyện" stays in the group
    ("Chủ tịch UBND huyện giao các cơ quan, đơn vị trực thuộc UBND huyện; UBND các xã, thị trấn phân công lãnh "
     "đạo, nhân viên trực bảo đảm an ninh trật tự.",
     [("Các cơ quan, đơn vị trực thuộc UBND huyện", [], None, None), ("UBND các xã, thị trấn", [], None, None)]),
    # "huyện/thị" is a level
    ("UBND tỉnh giao Sở NN&PTNT chủ trì, phối hợp với các sở, ngành liên quan và UBND các huyện/thị ven biển "
     "xây dựng phương án khôi phục sản xuất.", [("Sở NN&PTNT", ["UBND các huyện/thị ven biển"], None, None)]),
])
def test_meetings_and_staff(text, expected):
    assert tasks(text) == expected


def test_cu_the_announces_the_items_below():
    text = ("3. Các bộ, ngành, Ủy ban nhân dân tỉnh tổ chức thực hiện các nhiệm vụ nêu trong Đề án.\nCụ thể:\n"
            "- Phối hợp với Bộ Ngoại giao theo dõi, đánh giá việc triển khai Đề án;\n"
            "- Tạo điều kiện để cán bộ tham gia bồi dưỡng; bố trí kinh phí hàng năm cử cán bộ tham gia.\n")
    assert tasks(text) == [("Các bộ, ngành", ["Bộ Ngoại giao"], None, None),
                           ("Ủy ban nhân dân tỉnh", ["Bộ Ngoại giao"], None, None),
                           ("Các bộ, ngành", [], None, None), ("Ủy ban nhân dân tỉnh", [], None, None)]


BODY = ("Sở Y tế rà soát các cơ sở khám bệnh, chữa bệnh trên địa bàn và báo cáo kết quả về UBND tỉnh.\n"
        "Công an tỉnh tăng cường tuần tra, kiểm soát, bảo đảm an ninh trật tự tại các khu vực cách ly.\n")


@pytest.mark.parametrize("text, leads", [
    ("Công an tỉnh trong thời gian tới tăng cường tuần tra, kiểm soát.", ["Công an tỉnh"]),
    ("UBND các huyện trên cơ sở kết quả rà soát tổ chức di dời dân.", ["UBND các huyện"]),
    ("Về ý kiến của Chủ tịch Quốc hội tại các công văn số 614, 615 của Văn phòng Trung ương Đảng, Bộ Tài chính "
     "bố trí kinh phí.", ["Bộ Tài chính"]),
    # a first line without a full stop is a headline, unless it hands work over
    ("Tăng cường phòng, chống dịch\n" + BODY, ["Sở Y tế", "Công an tỉnh"]),
    ("Giao Sở Tài chính bố trí kinh phí\n" + BODY, ["Sở Tài chính", "Sở Y tế", "Công an tỉnh"]),
])
def test_adverbials_after_a_subject_and_headlines(text, leads):
    assert [t.lead for t in extract_text(text).tasks] == leads


@pytest.mark.parametrize("text, expected", [
    ("Ngày 10/10/2026, Chủ tịch UBND huyện ký văn bản chỉ đạo các đơn vị khắc phục hậu quả mưa lũ.", []),
    ("Cụ thể, Chủ tịch UBND huyện yêu cầu Phòng Y tế phối hợp với UBND các xã thống kê thiệt hại, báo cáo UBND "
     "huyện trước ngày 15/10/2026.", [("Phòng Y tế", ["UBND các xã"], date(2026, 10, 15), None)]),
])
def test_signing_is_news_and_cu_the_opens_the_details(text, expected):
    assert tasks(text) == expected


def test_what_was_agreed_before_names_no_partner():
    (task,) = extract_text("Ủy ban nhân dân tỉnh giao Ủy ban nhân dân huyện Tân An khẩn trương thực hiện nội dung đã "
                           "thống nhất với Sở Tài nguyên và Môi trường tại Biên bản làm việc.").tasks
    assert task.coordinators == []


def test_a_long_headline_over_a_blank_line_is_not_joined_to_the_body():
    text = ("Tân An chủ động, khẩn trương thực hiện đợt cao điểm ngăn chặn, xử lý tàu cá vi phạm vùng biển nước ngoài\n\n"
            "Để kịp thời ngăn chặn tàu cá vi phạm vùng biển nước ngoài, UBND tỉnh vừa ban hành văn bản gửi Công an\n"
            "tỉnh, Sở Nông nghiệp và Môi trường chủ động, khẩn trương thực hiện đợt cao điểm xử lý tàu cá vi phạm.\n")
    assert paragraphs(text)[0].text.startswith("Tân An chủ động") and paragraphs(text)[1].text.startswith("Để kịp")
    assert [t.lead for t in extract_text(text).tasks] == ["Công an tỉnh", "Sở Nông nghiệp và Môi trường"]


@pytest.mark.parametrize("text", [
    "Ông Lê Văn Ba tiếp tục theo dõi việc giải quyết đơn.",
    "Bà Trần Thị Hoa đề nghị làm rõ diện tích đất.",
])
def test_a_citizen_named_is_no_unit(text):
    assert tasks(text) == []
