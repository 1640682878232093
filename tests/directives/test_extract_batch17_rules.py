"""Rules learned from batch 17 (after its single run): conclusion notices whose assessment ends by
announcing work, topics of a proposal before the answer's colon, councils written short inside a
name, regional branches numbered after "khu vực", utilities and member organisations as groups, a
heading broken after a head's title. Places and bodies below are invented or generic."""
from __future__ import annotations

import pytest

from directives import extract_text
from directives.normalize import paragraphs

NOTICE = ("VĂN PHÒNG CHÍNH PHỦ\nSố: 12/TB-VPCP\nHà Nội, ngày 20 tháng 11 năm 2025\nTHÔNG BÁO\n"
          "Kết luận của Phó Thủ tướng tại buổi làm việc với thành phố Hòa An\n"
          "Ngày 10 tháng 11 năm 2025, Phó Thủ tướng đã làm việc với thành phố Hòa An. Sau khi nghe báo cáo, "
          "Phó Thủ tướng kết luận như sau:\n")


def leads(text: str) -> list[str]:
    return [t["lead"] for t in extract_text(text).to_contract()["tasks"]]


def test_an_assessment_that_ends_by_announcing_work_gives_the_items_below():
    text = (NOTICE + "I. ĐÁNH GIÁ CHUNG\n"
            "Thành phố Hòa An đã đạt được nhiều kết quả tích cực trong năm qua.\n"
            "Để tiếp tục vận hành chính quyền địa phương 02 cấp hiệu quả, thành phố Hòa An cần tập trung "
            "thực hiện tốt một số nhiệm vụ, giải pháp sau đây:\n"
            "1. Rà soát, bố trí cán bộ phù hợp với năng lực.\n"
            "2. Thúc đẩy mạnh mẽ chuyển đổi số.\n"
            "II. VỀ CÁC KIẾN NGHỊ\n"
            "1. Bộ Nội vụ nghiên cứu kiến nghị của thành phố.\n")
    assert leads(text) == ["Thành phố Hòa An", "Thành phố Hòa An", "Bộ Nội vụ"]


@pytest.mark.parametrize("closing", [
    "Tuy nhiên, vẫn còn một số hạn chế sau:",  # shortcomings announced, not work
    "Kết quả cụ thể như sau:",
])
def test_an_assessment_that_announces_findings_stays_unread(closing):
    text = (NOTICE + "I. ĐÁNH GIÁ CHUNG\n"
            f"Thành phố Hòa An đã đạt được nhiều kết quả tích cực. {closing}\n"
            "1. Giải ngân vốn đầu tư công còn chậm.\n"
            "2. Sở Xây dựng chưa hoàn thành quy hoạch.\n"
            "II. NHIỆM VỤ\n"
            "1. Sở Tài chính rà soát dự toán.\n")
    assert leads(text) == ["Sở Tài chính"]


@pytest.mark.parametrize("item, lead", [
    # a long topic, with its own verbs and a ";", before the answer
    ("1. Về đề nghị các bộ, ngành sớm rà soát, kịp thời ban hành các văn bản hướng dẫn chi tiết, bảo đảm "
     "thống nhất; hoàn thiện quy trình pháp lý về đất đai, tài sản công: Ủy ban nhân dân tỉnh Hòa An cần "
     "tiếp tục rà soát các nội dung về phân cấp, phân quyền.", "Ủy ban nhân dân tỉnh Hòa An"),
    ("2. Về đề nghị Bộ Nội vụ tham mưu ban hành các cơ chế, chính sách liên quan đến chế độ tiền lương, tiền "
     "thưởng, thu nhập của cán bộ, công chức, viên chức; cơ cấu tổ chức các phòng chuyên môn: Bộ Nội vụ "
     "nghiên cứu đề xuất của tỉnh.", "Bộ Nội vụ"),
])
def test_a_topic_ends_at_its_colon_however_long(item, lead):
    assert leads("II. VỀ CÁC KIẾN NGHỊ CỦA TỈNH\n" + item) == [lead]


def test_a_topic_with_no_answer_gives_nothing():
    assert leads("II. VỀ CÁC KIẾN NGHỊ CỦA TỈNH\n1. Về đề nghị hỗ trợ kinh phí, bổ sung vốn: nội dung này "
                 "đã được xử lý tại Nghị quyết số 12/NQ-CP.") == []


@pytest.mark.parametrize("sentence, expected", [
    # councils and committees written short inside a known name
    ("Đề nghị Văn phòng Đoàn đại biểu Quốc hội và HĐND tỉnh, Tòa án nhân dân tỉnh tăng cường công tác bảo vệ "
     "bí mật nhà nước.", ["Văn phòng Đoàn đại biểu Quốc hội và HĐND tỉnh", "Tòa án nhân dân tỉnh"]),
    # regional branches numbered after "khu vực", by Roman numerals or digits
    ("Đề nghị Kiểm toán nhà nước khu vực II, Kho bạc nhà nước khu vực XI, Ngân hàng Nhà nước khu vực 8, "
     "Thuế tỉnh tăng cường công tác bảo vệ bí mật nhà nước.",
     ["Kiểm toán nhà nước khu vực II", "Kho bạc nhà nước khu vực XI", "Ngân hàng Nhà nước khu vực 8", "Thuế tỉnh"]),
    ("Ngân hàng Nhà nước chỉ đạo các tổ chức tín dụng giảm lãi suất cho vay.", ["Ngân hàng Nhà nước"]),
    # the utilities, named by what they supply
    ("Các đơn vị cấp nước sạch trên địa bàn tỉnh đầu tư, mở rộng mạng lưới cấp nước.",
     ["Các đơn vị cấp nước sạch trên địa bàn tỉnh"]),
    ("Sở Y tế cấp giấy phép cho các cơ sở đủ điều kiện.", ["Sở Y tế"]),  # "cấp" the verb stays the verb
    ("Giao Ban Quản lý các khu chế xuất và công nghiệp chỉ đạo các đơn vị kinh doanh hạ tầng tiết kiệm nước.",
     ["Ban Quản lý các khu chế xuất và công nghiệp"]),
])
def test_names_of_bodies(sentence, expected):
    assert leads(sentence) == expected


def test_the_member_organisations_of_the_front_are_one_group_over_bullets():
    text = ("3. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh, Hội Liên hiệp Phụ nữ tỉnh và các tổ chức thành viên "
            "của Mặt trận\n- Tham gia phối hợp triển khai thực hiện Kế hoạch này.\n")
    assert leads(text) == ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "Hội Liên hiệp Phụ nữ tỉnh",
                           "Các tổ chức thành viên của Mặt trận"]


def test_a_cadence_of_a_resolution_is_not_the_tasks():
    tasks = extract_text("Các đơn vị cấp nước sạch đầu tư mạng lưới cấp nước theo Nghị quyết hằng năm của "
                         "Hội đồng nhân dân tỉnh.").to_contract()["tasks"]
    assert [t["recurrence"] for t in tasks] == [None]


@pytest.mark.parametrize("lines, joined", [
    (["8. Giám đốc", "Sở, Thủ trưởng cơ quan, ban, ngành", "a) Phối hợp tuyên truyền."],
     ["8. Giám đốc Sở, Thủ trưởng cơ quan, ban, ngành", "a) Phối hợp tuyên truyền."]),
    (["b) Chủ tịch", "Ủy ban nhân dân các xã", "- Chỉ đạo rà soát."],
     ["b) Chủ tịch Ủy ban nhân dân các xã", "- Chỉ đạo rà soát."]),
])
def test_a_heading_broken_after_a_heads_title_waits_for_its_body(lines, joined):
    assert [ln.text for ln in paragraphs("\n".join(lines))] == joined


def test_a_heading_of_a_heads_title_and_its_body_gives_both_posts():
    text = "8. Giám đốc\nSở, Thủ trưởng cơ quan, ban, ngành\na) Phối hợp với Sở Y tế tuyên truyền pháp luật.\n"
    assert leads(text) == ["Giám đốc Sở", "Thủ trưởng cơ quan, ban, ngành"]


@pytest.mark.parametrize("lines, joined", [
    # a body's head word at a line's end waits for its name
    (["- Kích hoạt Ban Chỉ huy", "Phòng thủ dân sự các cấp."], ["- Kích hoạt Ban Chỉ huy Phòng thủ dân sự các cấp."]),
    (["- Mặt trận Tổ quốc, Đoàn", "Thanh niên, Hội Phụ nữ hỗ trợ người dân."],
     ["- Mặt trận Tổ quốc, Đoàn Thanh niên, Hội Phụ nữ hỗ trợ người dân."]),
    (["3. Đề nghị Ủy ban Mặt trận", "Tổ quốc Việt Nam tỉnh, Hội Liên hiệp", "Phụ nữ tỉnh"],
     ["3. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh, Hội Liên hiệp Phụ nữ tỉnh"]),
    # a run of kinds waits for its level
    (["Các sở, ban, ngành, đoàn thể", "Thành phố, Ủy ban nhân dân phường, xã gửi báo cáo."],
     ["Các sở, ban, ngành, đoàn thể Thành phố, Ủy ban nhân dân phường, xã gửi báo cáo."]),
    # an ellipsis inside the sentence, before its lowercase rest
    (["- Truyền thông qua mạng xã hội (Facebook, Youtube...)...", "để lan tỏa các thông điệp."],
     ["- Truyền thông qua mạng xã hội (Facebook, Youtube...)... để lan tỏa các thông điệp."]),
])
def test_lines_broken_inside_a_sentence_are_joined(lines, joined):
    assert [ln.text for ln in paragraphs("\n".join(lines))] == joined


@pytest.mark.parametrize("lines", [
    ["Các xã chưa hoàn thành...", "Ủy ban nhân dân huyện chỉ đạo rà soát."],  # a new sentence, capitalized
    ["Sở Y tế chủ trì.", "Thành phố Hòa An phối hợp."],  # the level opens a sentence of its own
])
def test_lines_that_end_a_sentence_stay_apart(lines):
    assert len(paragraphs("\n".join(lines))) == 2


@pytest.mark.parametrize("text, expected", [
    ("d) Phòng chống dịch bệnh\n- Thống kê đàn vật nuôi; xử lý động vật chết theo đúng kỹ thuật.", []),
    ("b) Thanh tra việc chấp hành pháp luật tại các cơ sở.", []),
    ("Thống kê tỉnh phối hợp với Sở Tài chính rà soát số liệu.", ["Thống kê tỉnh"]),
    ("Thanh tra phối hợp với Sở Tài chính kiểm tra các dự án.", ["Thanh tra"]),
    ("6. Công tác phối hợp\n- Kích hoạt Ban Chỉ huy Phòng thủ dân sự các cấp.\n"
     "- Mặt trận Tổ quốc, Đoàn Thanh niên hỗ trợ người dân khắc phục hậu quả.", ["Mặt trận Tổ quốc", "Đoàn Thanh niên"]),
])
def test_a_verb_that_also_names_a_body_opens_a_sentence_as_the_verb(text, expected):
    assert leads(text) == expected


TASKS_SECTION = ("II. MỘT SỐ NHIỆM VỤ, GIẢI PHÁP\nTRONG THỜI GIAN TỚI\n"
                 "1. Rà soát, điều chỉnh quy hoạch phát triển của tỉnh.\n"
                 "2. Đẩy nhanh giải ngân vốn đầu tư công.\n"
                 "III. VỀ KIẾN NGHỊ CỦA TỈNH\n"
                 "1. Về kiến nghị bổ sung vốn:\nBộ Tài chính nghiên cứu, xử lý kiến nghị của tỉnh.\n")


def test_a_conclusions_tasks_without_an_actor_go_to_the_body_it_is_sent_to_act():
    text = (NOTICE + TASKS_SECTION + "Văn phòng Chính phủ thông báo để Ủy ban nhân dân tỉnh\n"
            "Hòa An và các Bộ, cơ quan liên quan biết, thực hiện./.\n")
    assert leads(text) == ["Ủy ban nhân dân tỉnh Hòa An", "Ủy ban nhân dân tỉnh Hòa An", "Bộ Tài chính"]


@pytest.mark.parametrize("closing", [
    "Văn phòng Chính phủ thông báo để các Bộ, cơ quan, địa phương liên quan biết, thực hiện./.",  # nobody named
    "Văn phòng Chính phủ thông báo để Ủy ban nhân dân tỉnh Hòa An, Bộ Xây dựng biết, thực hiện./.",  # two bodies
    "Văn phòng Chính phủ thông báo để Ủy ban nhân dân tỉnh Hòa An biết./.",  # to know, not to act
])
def test_a_sending_formula_that_names_no_single_actor_gives_those_items_to_nobody(closing):
    assert leads(NOTICE + TASKS_SECTION + closing + "\n") == ["Bộ Tài chính"]


DIRECTIVE = ("ỦY BAN NHÂN DÂN TỈNH HÒA AN\nSố: 09/CT-UBND\nHòa An, ngày 18 tháng 11 năm 2025\nCHỈ THỊ\n"
             "Về tăng cường bảo vệ nước dưới đất\n"
             "Chủ tịch Ủy ban nhân dân tỉnh yêu cầu Giám đốc các sở, Chủ tịch Ủy ban nhân dân các xã thực hiện "
             "các nhiệm vụ trọng tâm, cụ thể như sau:\n"
             "1. Sở Xây dựng\na) Hướng dẫn phương án cấp nước dự phòng.\n")


def test_items_of_the_public_are_not_the_addressees_work():
    text = DIRECTIVE + ("2. Các tổ chức, cá nhân và hộ gia đình khai thác nước dưới đất trên địa bàn có trách nhiệm\n"
                        "a) Thực hiện các quy định về khai thác nước dưới đất.\nb) Hạn chế khoan giếng mới.\n")
    assert leads(text) == ["Sở Xây dựng"]


def test_a_body_with_duties_still_leads_its_items():
    text = DIRECTIVE + ("2. Các đơn vị cấp nước sạch trên địa bàn tỉnh có trách nhiệm\n"
                        "a) Mở rộng mạng lưới cấp nước.\nb) Tạo điều kiện đấu nối nước sạch.\n"
                        "3. Giao Ban Quản lý các khu công nghiệp chỉ đạo các doanh nghiệp hạ tầng có trách nhiệm:\n"
                        "- Duy trì cấp nước tập trung.\n")
    assert leads(text) == ["Sở Xây dựng", "Các đơn vị cấp nước sạch trên địa bàn tỉnh",
                           "Các đơn vị cấp nước sạch trên địa bàn tỉnh", "Ban Quản lý các khu công nghiệp"]
