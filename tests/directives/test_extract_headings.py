"""Section titles that name the lead of the items below them (issue 20): "3. Trách nhiệm của Bộ X",
"Nhiệm vụ của Phòng Y", "Sở Z có trách nhiệm:", a title a printed line broke after its ";", and the
dated items under such a title. Every name of a place below is invented."""
from __future__ import annotations

from datetime import date

import pytest

from directives import extract_text
from directives.names import parse_unit_list
from directives.normalize import paragraphs
from directives.text import tokenize

ISSUED = date(2026, 3, 2)


def tasks(text: str) -> list[tuple]:
    return [(t.lead, t.deadline.isoformat() if t.deadline else None, t.recurrence)
            for t in extract_text(text, issued=ISSUED).tasks]


def leads(text: str) -> list[str]:
    return [t.lead for t in extract_text(text, issued=ISSUED).tasks]


# --- "Trách nhiệm của X" / "Nhiệm vụ của X" over lettered or dashed items ------------------------

@pytest.mark.parametrize("title, lead", [
    ("3. Trách nhiệm của Bộ Tài chính", "Bộ Tài chính"),
    ("3. Trách nhiệm của Bộ Tài chính:", "Bộ Tài chính"),
    ("2. Trách nhiệm Ủy ban nhân dân cấp xã:", "Ủy ban nhân dân cấp xã"),
    ("4. Nhiệm vụ của Phòng Kinh tế", "Phòng Kinh tế"),
    ("b) Nhiệm vụ, quyền hạn của Sở Giáo dục và Đào tạo", "Sở Giáo dục và Đào tạo"),
    ("1. Trách nhiệm chung của Công an tỉnh", "Công an tỉnh"),
    ("5. Sở Xây dựng có trách nhiệm:", "Sở Xây dựng"),
])
def test_a_title_of_duties_names_the_lead_of_its_items(title, lead):
    marker = "-" if title[0].isalpha() else "a)"
    second = "-" if title[0].isalpha() else "b)"
    text = (f"III. TỔ CHỨC THỰC HIỆN\n{title}\n{marker} Rà soát các thủ tục hành chính trong lĩnh vực được giao.\n"
            f"{second} Tổng hợp, báo cáo kết quả thực hiện về Ủy ban nhân dân tỉnh.\n")
    assert leads(text) == [lead, lead]


def test_a_title_of_duties_over_plain_paragraphs_leads_them():
    text = ("Điều 2. Tổ chức thực hiện\n1. Trách nhiệm của Bộ Nội vụ\n"
            "Hướng dẫn vị trí việc làm đối với nhân sự vận hành hệ thống.\n"
            "2. Trách nhiệm của Ban Quản lý các khu công nghiệp tỉnh\n"
            "Phối hợp với Sở Công Thương kiểm tra việc chấp hành quy định về môi trường.\n")
    assert leads(text) == ["Bộ Nội vụ", "Ban Quản lý các khu công nghiệp tỉnh"]


def test_a_title_of_duties_with_several_bodies_leads_each():
    text = ("Điều 2. Tổ chức thực hiện\n2. Trách nhiệm của Sở Y tế, Sở Tài chính\n"
            "a) Bố trí nhân lực thực hiện Đề án.\nb) Kiểm tra, giám sát việc thực hiện.\n")
    assert leads(text) == ["Sở Y tế", "Sở Tài chính", "Sở Y tế", "Sở Tài chính"]


@pytest.mark.parametrize("title, lead", [
    ("1. Trách nhiệm Tổ công tác triển khai Đề án 17:", "Tổ công tác triển khai Đề án 17"),
    ("2. Nhiệm vụ của Hội đồng thẩm định dự án", "Hội đồng thẩm định dự án"),
    ("3. Trách nhiệm của Ban Chỉ đạo chuyển đổi số", "Ban Chỉ đạo chuyển đổi số"),
])
def test_a_board_named_after_its_work_is_the_whole_title(title, lead):
    text = f"Điều 2. Tổ chức thực hiện\n{title}\na) Chỉ đạo xây dựng kế hoạch triển khai.\nb) Kiểm tra tiến độ.\n"
    assert leads(text) == [lead, lead]


@pytest.mark.parametrize("text", [
    # the article that names who executes the decision: no items of duties below it
    "Điều 3. Trách nhiệm thi hành\nChánh Văn phòng UBND tỉnh, Giám đốc các sở chịu trách nhiệm thi hành "
    "Quyết định này.\n",
    "Điều 4. Trách nhiệm thi hành\n1. Quyết định này có hiệu lực từ ngày ký.\n",
])
def test_the_execution_article_hands_out_nothing(text):
    assert leads(text) == []


@pytest.mark.parametrize("title", [
    "1. Trách nhiệm của người đứng đầu trong công tác phòng, chống tham nhũng",
    "2. Trách nhiệm phối hợp trong tổ chức thực hiện",
    "3. Nhiệm vụ của Ban Chỉ đạo trong năm 2026",
])
def test_a_title_of_duties_that_is_about_something_names_no_lead(title):
    text = (f"II. NHIỆM VỤ\n{title}\na) Chỉ đạo rà soát các quy định còn chồng chéo.\n"
            "b) Kiểm tra việc thực hiện các kết luận.\n")
    found = leads(text)
    assert "người đứng đầu" not in [lead.casefold() for lead in found]
    assert not any(lead.startswith(("Trách nhiệm", "Nhiệm vụ", "Ban Chỉ đạo trong")) for lead in found)


# --- a title broken by a printed line after its ";" ---------------------------------------

@pytest.mark.parametrize("raw, title", [
    ("2. Trách nhiệm của các sở, ban, ngành;\nỦy ban nhân dân các xã, phường\na) Tuyên truyền.",
     "2. Trách nhiệm của các sở, ban, ngành; Ủy ban nhân dân các xã, phường"),
    ("1. Các bộ, cơ quan ngang bộ,\nỦy ban nhân dân các tỉnh\n- Rà soát quy hoạch.",
     "1. Các bộ, cơ quan ngang bộ, Ủy ban nhân dân các tỉnh"),
])
def test_a_title_broken_after_its_semicolon_is_one_line(raw, title):
    assert paragraphs(raw)[0].text == title


@pytest.mark.parametrize("raw", [
    # an item ending in ";" then a paragraph of its own, with no items under it
    "1. Rà soát quy hoạch;\nThời hạn trước ngày 30/6/2026.\n2. Báo cáo kết quả.",
    # the next line closes a sentence: running text, not the rest of a title
    "1. Các bộ, ngành;\nỦy ban nhân dân các tỉnh thực hiện.\na) Tuyên truyền.",
])
def test_a_line_after_a_semicolon_that_is_no_title_stays_apart(raw):
    assert len(paragraphs(raw)) == 3


def test_both_bodies_of_a_broken_title_lead_its_items():
    text = ("Điều 2. Tổ chức thực hiện\n2. Trách nhiệm của các sở, ban, ngành;\nỦy ban nhân dân các xã, phường\n"
            "a) Tuyên truyền đến người dân.\nb) Kiểm tra các cơ sở kinh doanh.\n")
    assert leads(text) == ["Các sở, ban, ngành", "Ủy ban nhân dân các xã, phường"] * 2


@pytest.mark.parametrize("raw, count", [
    ("5. Trách nhiệm của Bộ Quốc phòng\nPhối hợp với Bộ Công an bố trí lực lượng.", 2),
    ("2. Nhiệm vụ của Bộ đội Biên phòng\nChủ trì tuần tra khu vực biên giới.", 2),
    # a department's head word at a line's end still waits for its name
    ("Giao Trưởng phòng\nTài chính - Kế hoạch kiểm tra.", 1),
])
def test_a_name_ending_in_phong_is_complete(raw, count):
    assert len(paragraphs(raw)) == count


# --- dated items under a title of duties ------------------------------------------------------

def test_an_item_opening_with_its_date_is_a_task_of_its_own():
    text = ("IV. TỔ CHỨC THỰC HIỆN\n1. Sở Nông nghiệp và Môi trường\na) Tổ chức triển khai các nhiệm vụ được giao.\n"
            "b) Trước ngày 31 tháng 12 năm 2026, xây dựng, ban hành kế hoạch hành động.\n"
            "c) Trước ngày 15 tháng 12 hằng năm, báo cáo kết quả thực hiện gửi Sở Tài chính.\n")
    assert tasks(text) == [("Sở Nông nghiệp và Môi trường", None, None),
                           ("Sở Nông nghiệp và Môi trường", "2026-12-31", None),
                           ("Sở Nông nghiệp và Môi trường", None, "yearly")]


def test_a_line_that_only_says_when_closes_the_task_above():
    text = ("1. Phòng Văn hóa - Xã hội rà soát danh sách hộ nghèo.\n"
            "Thời hạn hoàn thành trước ngày 20/4/2026.\n")
    assert tasks(text) == [("Phòng Văn hóa - Xã hội", "2026-04-20", None)]


# --- a title that names a body by its role in a procedure -----------------------------------

@pytest.mark.parametrize("title, lead", [
    ("3. Cơ quan chủ trì thẩm định dự án", "Cơ quan chủ trì thẩm định dự án"),
    ("2. Đơn vị chủ trì tổ chức lễ hội", "Đơn vị chủ trì tổ chức lễ hội"),
    ("4. Cơ quan phối hợp giải quyết hồ sơ", "Cơ quan phối hợp giải quyết hồ sơ"),
])
def test_a_role_title_over_items_is_their_lead_and_no_task_itself(title, lead):
    text = (f"II. TRÁCH NHIỆM PHỐI HỢP\n{title}\na) Hướng dẫn tổ chức, cá nhân hoàn thiện hồ sơ.\n"
            "b) Báo cáo kết quả về Sở Tài chính.\n")
    assert leads(text) == [lead, lead]


@pytest.mark.parametrize("text, expected", [
    # a sentence, closed by its full stop: the role does the work it names
    ("II. TRÁCH NHIỆM\n3. Cơ quan chủ trì thẩm định dự án trong thời hạn 15 ngày.\n",
     ["Cơ quan chủ trì"]),
    # a named department is its own name, whatever verb follows it in the title
    ("II. NHIỆM VỤ\n1. Sở Tư pháp chủ trì triển khai\na) Rà soát văn bản.\nb) Tổng hợp kết quả.\n",
     ["Sở Tư pháp", "Sở Tư pháp"]),
])
def test_a_role_or_a_body_with_its_verb_in_a_sentence_keeps_its_name(text, expected):
    assert leads(text)[:len(expected)] == expected


def test_the_role_named_again_in_an_item_is_the_title_s_body():
    text = ("II. TRÁCH NHIỆM PHỐI HỢP\n3. Cơ quan chủ trì thẩm định dự án\na) Hướng dẫn nhà đầu tư hoàn thiện hồ sơ.\n"
            "b) Trường hợp các đơn vị có ý kiến khác nhau, cơ quan chủ trì có trách nhiệm phối hợp với các đơn vị "
            "liên quan làm rõ nội dung.\n")
    assert leads(text) == ["Cơ quan chủ trì thẩm định dự án"] * 2


# --- a purpose with several aims before the bodies that announce the items --------------------

@pytest.mark.parametrize("opening, expected", [
    ("5. Để nâng cao hiệu lực, hiệu quả quản lý, tăng cường công tác kiểm tra, giám sát các dự án, các sở, "
     "ngành, Ủy ban nhân dân các xã thực hiện những nội dung sau:", ["Các sở, ngành", "Ủy ban nhân dân các xã"]),
    ("2. Nhằm bảo đảm an toàn cho người dân, đẩy mạnh công tác tuyên truyền, Phòng Văn hóa - Xã hội, "
     "Công an xã triển khai các nhiệm vụ sau:", ["Phòng Văn hóa - Xã hội", "Công an xã"]),
])
def test_the_bodies_after_a_purpose_of_several_aims_lead_the_items(opening, expected):
    text = f"II. NHIỆM VỤ\n{opening}\na) Rà soát các dự án chậm tiến độ.\nb) Báo cáo kết quả hằng quý.\n"
    assert leads(text) == expected * 2


def test_a_purpose_then_an_action_without_a_body_names_no_one():
    # "Để …, tăng cường …" then no unit at all: the aims are the work of the heading's lead
    text = ("II. NHIỆM VỤ\n1. Sở Y tế\na) Để bảo đảm an toàn thực phẩm, tăng cường kiểm tra các cơ sở kinh doanh.\n")
    assert leads(text) == ["Sở Y tế"]


# --- a date's year at the head of a printed line ----------------------------------------------

@pytest.mark.parametrize("raw, count", [
    ("1. Việc bàn giao phải hoàn thành trước ngày 01 tháng 7 năm\n2026. Từ ngày 01 tháng 7 năm 2026, Sở Y tế "
     "quản lý cơ sở.", 1),
    ("b) Báo cáo kết quả trước ngày 15 tháng\n12/2026 về Sở Nội vụ.", 1),
    # an item numbered after a closed sentence stays an item
    ("1. Rà soát hồ sơ trong năm 2026.\n2. Báo cáo kết quả.", 2),
])
def test_a_year_opening_a_line_after_a_date_word_is_no_item(raw, count):
    assert len(paragraphs(raw)) == count


# --- a board over kinds of zone names a second kind after "và" ------------------------------

@pytest.mark.parametrize("title, lead", [
    ("1. Ban Quản lý các khu công nghệ cao và khu công nghiệp", "Ban Quản lý các khu công nghệ cao và khu công nghiệp"),
    ("2. Ban Quản lý các khu công nghiệp và khu kinh tế tỉnh", "Ban Quản lý các khu công nghiệp và khu kinh tế tỉnh"),
])
def test_a_board_over_two_kinds_of_zone_is_one_lead(title, lead):
    text = f"V. TỔ CHỨC THỰC HIỆN\n{title}\n- Rà soát hạ tầng kỹ thuật.\n- Báo cáo kết quả thực hiện.\n"
    assert leads(text) == [lead, lead]


@pytest.mark.parametrize("text, expected", [
    ("Ban Quản lý các khu công nghiệp và các doanh nghiệp rà soát hạ tầng.", ["Ban Quản lý các khu công nghiệp"]),
    ("Ban Quản lý các khu công nghiệp và chủ đầu tư rà soát hạ tầng.", ["Ban Quản lý các khu công nghiệp", "Chủ đầu tư"]),
])
def test_a_second_body_after_and_stays_a_body_of_its_own(text, expected):
    assert leads(text)[:len(expected)] == expected


# --- a title set in capitals names a body by its full name -------------------------------------

_PLAN_HEADER = ("ỦY BAN NHÂN DÂN TỈNH\nSố: 15/KH-UBND\nKẾ HOẠCH\nTriển khai công tác năm 2026\n"
                "I. MỤC ĐÍCH, YÊU CẦU\nNâng cao hiệu quả quản lý.\n")


@pytest.mark.parametrize("title, lead", [
    ("II. NHIỆM VỤ CHỦ YẾU CỦA BỘ TÀI CHÍNH", "Bộ Tài chính"),
    ("III. NHIỆM VỤ CỦA SỞ Y TẾ", "Sở Y tế"),
    ("2. TRÁCH NHIỆM CỦA CÔNG AN TỈNH", "Công an tỉnh"),
])
def test_a_caps_title_of_duties_leads_its_items(title, lead):
    first, second = ("a)", "b)") if title[0].isdigit() else ("1.", "2.")
    section = "II. TỔ CHỨC THỰC HIỆN\n" if title[0].isdigit() else ""
    text = f"{_PLAN_HEADER}{section}{title}\n{first} Rà soát các quy định hiện hành.\n{second} Tổng hợp, báo cáo kết quả.\n"
    assert leads(text) == [lead, lead]


@pytest.mark.parametrize("title", [
    "II. NHIỆM VỤ CHỦ YẾU",
    "II. NHIỆM VỤ CỦA CÁC ĐƠN VỊ TRONG NĂM 2026",
    "III. TRÁCH NHIỆM THI HÀNH",
])
def test_a_caps_title_without_a_known_body_names_no_lead(title):
    text = f"{_PLAN_HEADER}{title}\n1. Rà soát các quy định hiện hành.\n2. Tổng hợp, báo cáo kết quả thực hiện.\n"
    assert leads(text) == []


# --- a title naming a group by the part its bodies play --------------------------------------

@pytest.mark.parametrize("title", [
    "2. Các sở, ngành chủ trì, quản lý, tham gia thực hiện các dự án thuộc Chương trình",
    "3. Các cơ quan, đơn vị được giao chủ trì các nhiệm vụ của Kế hoạch",
])
def test_a_group_title_with_the_clause_saying_which_is_the_lead(title):
    text = (f"VI. TỔ CHỨC THỰC HIỆN\n{title}\n- Phê duyệt kế hoạch giám sát, đánh giá.\n"
            "- Báo cáo kết quả thực hiện về Sở Tài chính.\n")
    lead = title[3:]
    assert leads(text) == [lead, lead]


@pytest.mark.parametrize("title, lead", [
    ("1. Các sở, ngành thực hiện các nhiệm vụ sau", "Các sở, ngành"),
    ("2. Các sở, ban, ngành tập trung triển khai", "Các sở, ban, ngành"),
])
def test_a_group_title_with_its_own_action_keeps_the_group(title, lead):
    text = (f"VI. TỔ CHỨC THỰC HIỆN\n{title}\n- Phê duyệt kế hoạch giám sát, đánh giá.\n"
            "- Báo cáo kết quả thực hiện về Sở Tài chính.\n")
    assert set(leads(text)) == {lead}


@pytest.mark.parametrize("title, expected", [
    ("II. TRÁCH NHIỆM CỦA CÁC SỞ, BAN, NGÀNH, ỦY BAN NHÂN DÂN CÁC XÃ", ["Các sở, ban, ngành", "Ủy ban nhân dân các xã"]),
    ("III. NHIỆM VỤ CỦA ỦY BAN NHÂN DÂN CÁC PHƯỜNG", ["Ủy ban nhân dân các phường"]),
])
def test_a_caps_title_of_duties_names_groups_in_plain_words(title, expected):
    text = f"{_PLAN_HEADER}{title}\n1. Rà soát các quy định hiện hành.\n"
    assert leads(text) == expected


# --- "Đối với X", "Về phía X" over items ----------------------------------------------------

@pytest.mark.parametrize("title, lead", [
    ("1. Đối với Sở Y tế:", "Sở Y tế"),
    ("2. Về phía Ủy ban nhân dân các xã", "Ủy ban nhân dân các xã"),
    ("b) Đối với Phòng Kinh tế", "Phòng Kinh tế"),
])
def test_the_bodies_a_title_addresses_lead_its_items(title, lead):
    marks = ("-", "-") if title[0].isalpha() else ("a)", "b)")
    text = f"II. TỔ CHỨC THỰC HIỆN\n{title}\n{marks[0]} Rà soát hồ sơ tồn đọng.\n{marks[1]} Báo cáo kết quả thực hiện.\n"
    assert leads(text) == [lead, lead]


@pytest.mark.parametrize("title", [
    "1. Đối với các dự án chậm tiến độ:",
    "2. Đối với các chi phí vượt dự toán giai đoạn 2021-2025",
])
def test_a_title_about_a_thing_names_no_lead(title):
    text = f"II. TỔ CHỨC THỰC HIỆN\n{title}\na) Rà soát hồ sơ tồn đọng.\nb) Báo cáo kết quả thực hiện.\n"
    assert leads(text) == []


# --- what the body is, said after its name in the title ---------------------------------------

@pytest.mark.parametrize("title, lead", [
    ("1. Sở Y tế - cơ quan thường trực", "Sở Y tế"),
    ("2. Sở Nội vụ, cơ quan thường trực Ban Chỉ đạo tỉnh", "Sở Nội vụ"),
    ("3. Phòng Kinh tế là cơ quan đầu mối", "Phòng Kinh tế"),
])
def test_a_title_s_apposition_leaves_the_body_as_lead_and_no_task(title, lead):
    text = f"II. TỔ CHỨC THỰC HIỆN\n{title}\n- Rà soát hồ sơ tồn đọng.\n- Báo cáo kết quả thực hiện.\n"
    assert [(t.lead, t.summary) for t in extract_text(text, issued=ISSUED).tasks] == [
        (lead, "Rà soát hồ sơ tồn đọng"), (lead, "Báo cáo kết quả thực hiện")]


def test_a_sentence_naming_the_focal_body_keeps_its_work():
    text = "II. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ là cơ quan đầu mối, chủ trì tổng hợp kết quả thực hiện.\n"
    assert leads(text) == ["Sở Nội vụ"]


@pytest.mark.parametrize("title, lead", [
    ("1. Sở Nội vụ có nhiệm vụ", "Sở Nội vụ"),
    ("2. Các sở, ngành có trách nhiệm sau", "Các sở, ngành"),
    ("3. Ủy ban nhân dân các xã chịu trách nhiệm", "Ủy ban nhân dân các xã"),
])
def test_a_body_that_has_duties_without_a_colon_leads_the_items(title, lead):
    text = f"II. TỔ CHỨC THỰC HIỆN\n{title}\na) Rà soát hồ sơ tồn đọng.\nb) Báo cáo kết quả thực hiện.\n"
    assert [(t.lead, t.summary) for t in extract_text(text, issued=ISSUED).tasks] == [
        (lead, "Rà soát hồ sơ tồn đọng"), (lead, "Báo cáo kết quả thực hiện")]


# --- items under a unit's title whose verbs look like a subject or a handing ------------------

@pytest.mark.parametrize("item", [
    "- Lãnh đạo, chỉ đạo thực hiện nghiêm các quy định về quản lý khoáng sản.",
    "- Lãnh đạo, tổ chức triển khai các nhiệm vụ được giao.",
])
def test_lanh_dao_in_a_pair_of_verbs_is_no_person(item):
    text = f"II. TỔ CHỨC THỰC HIỆN\n1. Trách nhiệm chung của các sở, ngành\n{item}\n- Báo cáo kết quả hằng quý.\n"
    assert leads(text) == ["Các sở, ngành", "Các sở, ngành"]


@pytest.mark.parametrize("text, first", [
    ("Lãnh đạo, chuyên viên Sở Y tế tham gia đoàn kiểm tra.", "Lãnh đạo"),
    ("Lãnh đạo Sở Y tế tham gia đoàn kiểm tra.", "Lãnh đạo Sở Y tế"),
])
def test_the_leaders_of_a_body_are_still_a_person(text, first):
    units, _ = parse_unit_list(text, tokenize(text), 0)
    assert units and units[0].text == first


@pytest.mark.parametrize("item", [
    "- Đối với các dự án đã phê duyệt, chủ động hướng dẫn, đôn đốc, yêu cầu các đơn vị điều chỉnh thiết kế "
    "trong tháng 6/2026.",
    "- Rà soát các cơ sở; kiểm tra, yêu cầu các chủ đầu tư khắc phục vi phạm trong tháng 6/2026.",
    "- Phối hợp với Sở Tài chính và các sở, ngành liên quan rà soát, yêu cầu các doanh nghiệp báo cáo số liệu "
    "trong tháng 6/2026.",
])
def test_a_handing_verb_in_a_series_of_verbs_keeps_the_title_s_lead(item):
    text = f"II. TỔ CHỨC THỰC HIỆN\n5. Sở Xây dựng\n{item}\n"
    assert tasks(text) == [("Sở Xây dựng", "2026-06-30", None)]


def test_a_request_after_a_clause_about_a_body_still_hands_the_work():
    text = "Nội dung kiến nghị thuộc thẩm quyền của UBND xã, đề nghị UBND xã Tân Hòa xem xét giải quyết."
    assert leads(text) == ["UBND xã Tân Hòa"]


# --- kinds of enterprise in a title; an annex after the signature -----------------------------

@pytest.mark.parametrize("title, lead", [
    ("5. Các doanh nghiệp viễn thông, tổ chức, cá nhân có liên quan", "Các doanh nghiệp viễn thông"),
    ("4. Các doanh nghiệp kinh doanh xăng dầu", "Các doanh nghiệp kinh doanh xăng dầu"),
    ("3. Các cơ sở sản xuất, tổ chức, cá nhân có liên quan", "Các cơ sở sản xuất"),
])
def test_a_title_naming_kinds_of_enterprise_leads_the_items(title, lead):
    text = f"V. TỔ CHỨC THỰC HIỆN\n{title}\n- Bảo đảm nguồn cung trên địa bàn.\n- Niêm yết giá bán công khai.\n"
    assert leads(text) == [lead, lead]


@pytest.mark.parametrize("title", [
    "5. Các doanh nghiệp được hỗ trợ trong năm 2026",
    "5. Các doanh nghiệp, hợp tác xã đăng ký tham gia",
])
def test_a_title_about_enterprises_that_is_no_list_of_actors_names_no_lead(title):
    text = f"V. TỔ CHỨC THỰC HIỆN\n{title}\n- Bảo đảm nguồn cung trên địa bàn.\n- Niêm yết giá bán công khai.\n"
    assert not any(lead.startswith("Các doanh nghiệp") for lead in leads(text))


def test_an_annex_after_the_signature_is_no_part_of_the_last_item():
    text = (f"{_PLAN_HEADER}V. TỔ CHỨC THỰC HIỆN\n5. Sở Công Thương\n- Kiểm tra thị trường xăng dầu.\nNơi nhận:\n- Như trên;\n"
            "- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nNguyễn Văn An\nPHỤ LỤC\n"
            "NHIỆM VỤ CHỦ YẾU CỦA KẾ HOẠCH\nTheo dõi chung việc thực hiện.\n")
    assert leads(text) == ["Sở Công Thương"]


@pytest.mark.parametrize("title, lead", [
    ("Trách nhiệm của Sở Y tế:", "Sở Y tế"),
    ("Đối với Ủy ban nhân dân các xã:", "Ủy ban nhân dân các xã"),
    ("Nhiệm vụ của Phòng Tư pháp:", "Phòng Tư pháp"),
    # kinds of bodies without "các", then a level group
    ("4. Sở, ban, ngành của Thành phố, UBND phường, xã", ["Sở, ban, ngành của Thành phố", "UBND phường, xã"]),
    ("2. Sở, ban, ngành, địa phương", "Sở, ban, ngành, địa phương"),
    # a place by its level and name: its government
    ("2. Đối với Thủ đô Hà Nội", "Thủ đô Hà Nội"),
    ("2. Đối với thành phố Tân Lập:", "Thành phố Tân Lập"),
    ("b) Đối với tỉnh Hòa An", "Tỉnh Hòa An"),
])
def test_a_plain_paragraph_of_duties_over_bullets_leads_them(title, lead):
    text = f"II. TỔ CHỨC THỰC HIỆN\n{title}\n- Rà soát hồ sơ tồn đọng.\n- Báo cáo kết quả thực hiện.\n"
    each = lead if isinstance(lead, list) else [lead]
    assert leads(text) == each + each


def test_a_plain_paragraph_about_a_thing_over_bullets_names_no_lead():
    text = "II. TỔ CHỨC THỰC HIỆN\nĐối với các dự án chậm tiến độ:\n- Rà soát hồ sơ.\n- Báo cáo kết quả.\n"
    assert leads(text) == []


# --- an opening that addresses the whole document ------------------------------------------------

_ADDRESSED_ITEMS = (
    "1. Quán triệt nghiêm các chỉ đạo của cấp trên về phòng, chống thiên tai.\n"
    "2. Sở Tài chính bố trí kinh phí khắc phục hậu quả trước ngày 30/4/2026.\n"
    "3. Sở Xây dựng kiểm tra an toàn các công trình công cộng.\n"
    "4. Công an tỉnh bảo đảm trật tự, an toàn giao thông.\n"
    "5. Sở Y tế chỉ đạo các cơ sở y tế sẵn sàng thu dung người bệnh.\n")


@pytest.mark.parametrize("opening", [
    # a province's chỉ thị naming its addressees, then asking the public too
    "Để chủ động ứng phó với mưa lũ, Chủ tịch UBND tỉnh yêu cầu Giám đốc các sở, Thủ trưởng các ban, "
    "ngành, Chủ tịch UBND các huyện, thành phố và đề nghị các tổ chức, người dân trên địa bàn:",
    # a ministry addressing the provinces' departments and its hospitals, and asking an agency
    "Bộ Y tế yêu cầu Giám đốc Sở Y tế các tỉnh, thành phố, Thủ trưởng các bệnh viện trực thuộc Bộ và đề nghị "
    "Bảo hiểm xã hội Việt Nam:",
])
def test_an_opening_listing_every_addressee_hands_no_item_without_its_actor(opening):
    got = leads(opening + "\n" + _ADDRESSED_ITEMS)
    assert got == ["Sở Tài chính", "Sở Xây dựng", "Công an tỉnh", "Sở Y tế"]


def test_one_group_addressed_keeps_the_items_without_an_actor():
    # "các cơ quan, đơn vị" stands for the addressees as one: item 1 is theirs
    got = leads("Bộ Xây dựng yêu cầu các cơ quan, đơn vị:\n" + _ADDRESSED_ITEMS)
    assert got[0].lower() == "các cơ quan, đơn vị" and got[1:] == ["Sở Tài chính", "Sở Xây dựng", "Công an tỉnh",
                                                                  "Sở Y tế"]


# --- a title set in capitals ---------------------------------------------------------------------
@pytest.mark.parametrize("title", [
    "II. NỘI DUNG, TIẾN ĐỘ, PHÂN CÔNG TRÁCH NHIỆM THỰC HIỆN",
    "III. GIAO NHIỆM VỤ THỰC HIỆN",
])
def test_a_title_in_capitals_after_a_handing_verb_names_no_unit(title):
    """"PHÂN CÔNG TRÁCH NHIỆM THỰC HIỆN": capitals are the type of the title, not a name after "phân công"."""
    text = f"KẾ HOẠCH\n{title}\n1. Rà soát danh sách cử tri\n- Phòng Tư pháp gửi báo cáo về UBND xã trước ngày 10/5/2026.\n"
    tasks = extract_text(text, issued=date(2026, 3, 2)).tasks
    assert [t.lead for t in tasks] == ["Phòng Tư pháp"]


def test_an_unknown_name_after_giao_in_running_text_still_leads():
    (task,) = extract_text("Giao Trung tâm Phục vụ hành chính công tổ chức tập huấn.", issued=date(2026, 3, 2)).tasks
    assert task.lead == "Trung tâm Phục vụ hành chính công"


# --- an item labelled by whom it is for, kinds the parser does not know before the colon ----------

_INTRO = "Ủy ban nhân dân tỉnh yêu cầu các cơ quan, đơn vị thực hiện các nội dung sau:\n"


@pytest.mark.parametrize("item, expected", [
    # kinds after one "các" are one group, up to the colon
    ("2. Các Tập đoàn, Tổng Công ty nhà nước, doanh nghiệp xuất khẩu: xây dựng kế hoạch sản xuất kinh doanh.",
     ["Các Tập đoàn, Tổng Công ty nhà nước, doanh nghiệp xuất khẩu"]),
    ("2. Các hợp tác xã nông nghiệp, tổ hợp tác: chủ động chuyển đổi cơ cấu cây trồng.",
     ["Các hợp tác xã nông nghiệp, tổ hợp tác"]),
    ("b) Các Tập đoàn kinh tế, Tổng công ty nhà nước, ngân hàng thương mại: bảo đảm cung ứng vốn.",
     ["Các Tập đoàn kinh tế, Tổng công ty nhà nước, ngân hàng thương mại"]),
    # nothing the parser knows: the plural run up to the colon is the group
    ("2. Các cơ sở lưu trú, nhà hàng ăn uống: niêm yết công khai giá dịch vụ.",
     ["Các cơ sở lưu trú, nhà hàng ăn uống"]),
    ("c) Các doanh nghiệp, hợp tác xã, cơ sở sản xuất: đăng ký nhu cầu tuyển dụng lao động.",
     ["Các doanh nghiệp, hợp tác xã, cơ sở sản xuất"]),
    # a body, then a group with its own "các": two leads
    ("2. Hiệp hội Du lịch tỉnh, các doanh nghiệp lữ hành: xây dựng sản phẩm du lịch mới.",
     ["Hiệp hội Du lịch tỉnh", "Các doanh nghiệp lữ hành"]),
])
def test_an_item_labelled_by_kinds_the_parser_does_not_know(item, expected):
    text = _INTRO + "1. Sở Công Thương: chủ trì xúc tiến thương mại.\n" + item + "\n"
    assert leads(text) == ["Sở Công Thương", *expected]


@pytest.mark.parametrize("item", [
    # a label of content, no unit: the announcement's units do the item
    "2. Nội dung, thời gian: tổ chức trong tháng 5/2026.",
    "2. Các nội dung chính: tổ chức rà soát, đánh giá việc thực hiện.",
    "2. Các bước thực hiện: rà soát, lập danh sách, công khai.",
])
def test_a_label_of_content_leaves_the_item_to_the_announcement(item):
    found = leads(_INTRO + "1. Sở Công Thương: chủ trì xúc tiến thương mại.\n" + item + "\n")
    assert found[1:] == ["Các cơ quan, đơn vị"]
    assert not any("báo cáo" in lead or "kê khai" in lead for lead in found)


@pytest.mark.parametrize("heading", [
    "2. Đối với công tác tuyên truyền:",
    # a level word opening a common noun ("xã hội hóa"), no place named in capitals
    "2. Đối với xã hội hóa giáo dục:",
])
def test_a_heading_of_a_topic_leads_nothing(heading):
    assert leads(f"{heading}\n- Rà soát kế hoạch.\n") == []


def test_working_with_a_partner_is_the_whole_action_when_nothing_else_is_said():
    (task,) = extract_text("1. Đối với các bộ, ngành\n- Phối hợp chặt chẽ với thành phố.\n", issued=ISSUED).tasks
    assert task.summary == "Phối hợp chặt chẽ với thành phố"


def test_sharing_work_out_among_its_own_bodies_is_the_units_own_act():
    text = ("1. Sở Y tế\n- Xây dựng kế hoạch, giao nhiệm vụ cụ thể cho các đơn vị trực thuộc triển khai.\n"
            "- Căn cứ Phụ lục kèm theo, giao nhiệm vụ cụ thể cho các cơ quan chức năng cùng phối hợp xây dựng cơ chế.\n"
            "- Rà soát các thủ tục.\n")
    assert leads(text) == ["Sở Y tế", "Sở Y tế", "Sở Y tế"]


def test_handing_work_to_a_named_body_inside_a_sentence_still_hands_it():
    assert leads("Thống nhất chủ trương, giao nhiệm vụ cho Sở Xây dựng nghiên cứu đề xuất.\n") == ["Sở Xây dựng"]
