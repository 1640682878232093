"""The head of a body the lexicon knows ("Trưởng Ban Quản lý các khu công nghiệp") is one lead, not
the title "Trưởng ban" followed by words of the action."""
from __future__ import annotations

from datetime import date

import pytest

from directives import extract_text


@pytest.mark.parametrize("text, leads", [
    ("Trưởng Ban Quản lý các khu công nghiệp rà soát các thủ tục đầu tư trước ngày 30/4/2026.",
     ["Trưởng Ban Quản lý các khu công nghiệp"]),
    ("Đề nghị Giám đốc Sở Tài chính, Trưởng Ban Quản lý các khu kinh tế báo cáo tình hình giải ngân.",
     ["Giám đốc Sở Tài chính", "Trưởng Ban Quản lý các khu kinh tế"]),
    ("1. Thủ trưởng các sở, ngành và Trưởng Ban Quản lý các khu công nghiệp\n"
     "a) Chủ động nhân rộng các mô hình cải cách hành chính.\n",
     ["Thủ trưởng các sở, ngành", "Trưởng Ban Quản lý các khu công nghiệp"]),
    # the Government's heads: each post is a lead of its own (one task per lead)
    ("Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Thủ trưởng cơ quan thuộc Chính phủ, Chủ tịch Ủy ban nhân dân các "
     "tỉnh, thành phố trực thuộc trung ương chỉ đạo rà soát các dự án chậm tiến độ.",
     ["Bộ trưởng", "Thủ trưởng cơ quan ngang bộ", "Thủ trưởng cơ quan thuộc Chính phủ",
      "Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương"]),
    ("Các Bộ trưởng, Thủ trưởng cơ quan ngang bộ, cơ quan thuộc Chính phủ tập trung chỉ đạo giải ngân vốn.",
     ["Các Bộ trưởng", "Thủ trưởng cơ quan ngang bộ, cơ quan thuộc Chính phủ"]),
    # heads whose body is said in lowercase or without its head word
    ("Tổng Kiểm toán nhà nước, Tổng Thanh tra Chính phủ chỉ đạo kiểm tra các dự án chậm giải ngân.",
     ["Tổng Kiểm toán nhà nước", "Tổng Thanh tra Chính phủ"]),
    # a central head directing its own bodies keeps the work (the Government's addressee)
    ("Thống đốc Ngân hàng Nhà nước Việt Nam chỉ đạo các tổ chức tín dụng tiếp tục giảm lãi suất cho vay.",
     ["Thống đốc Ngân hàng Nhà nước Việt Nam"]),
    ("Bộ trưởng Bộ Y tế chỉ đạo các bệnh viện tuyến trung ương hỗ trợ tuyến dưới.", ["Bộ trưởng Bộ Y tế"]),
    # the chair of the commune speaking in a conclusion hands the work on
    ("Đồng chí Chủ tịch UBND xã chỉ đạo các bộ phận chuyên môn rà soát hồ sơ đất đai.",
     ["Các bộ phận chuyên môn"]),
])
def test_the_head_of_a_known_body_is_one_lead(text, leads):
    tasks = extract_text(text, issued=date(2026, 3, 2)).tasks
    assert [t.lead for t in tasks] == leads


def test_a_board_head_without_a_known_body_keeps_the_title():
    """Not: where no body the lexicon knows follows, "Trưởng ban" stays the title."""
    (task,) = extract_text("Trưởng ban Chỉ đạo xã kiểm tra công tác phòng cháy.", issued=date(2026, 3, 2)).tasks
    assert task.lead == "Trưởng ban Chỉ đạo xã"


@pytest.mark.parametrize("heading, lead", [
    ("8. Ban công tác Mặt trận các thôn trên địa bàn xã", "Ban công tác Mặt trận các thôn trên địa bàn xã"),
    ("3. Trạm Y tế các xã, thị trấn", "Trạm Y tế các xã, thị trấn"),
])
def test_a_body_in_every_place_of_a_level_is_one_group(heading, lead):
    """"Ban công tác Mặt trận các thôn …": the same body in each village, one group leading the bullets."""
    text = f"KẾ HOẠCH\nIII. TỔ CHỨC THỰC HIỆN\n{heading}\n- Rà soát danh sách cử tri.\n- Tổng hợp ý kiến của cử tri.\n"
    tasks = extract_text(text, issued=date(2026, 3, 2)).tasks
    assert [t.lead for t in tasks] == [lead, lead]


def test_a_body_then_the_places_it_works_for_stays_the_body():
    """Not: "các xã" after the verb is whom the body serves, not part of its name."""
    (task,) = extract_text("Trung tâm Y tế huyện hướng dẫn các xã triển khai tiêm chủng.", issued=date(2026, 3, 2)).tasks
    assert task.lead == "Trung tâm Y tế huyện"


@pytest.mark.parametrize("text, expected", [
    # a person named by their own post, then after a dash by the post they hold in the committee
    ("1. Đồng chí Phó Giám đốc Sở Y tế - Phó Trưởng tiểu ban: Chủ động tham mưu nội dung tuyên truyền.",
     ["Phó Giám đốc Sở Y tế - Phó Trưởng tiểu ban"]),
    ("2. Đồng chí Trưởng phòng Văn hóa - Xã hội – Ủy viên: Biên tập tài liệu tuyên truyền về bầu cử.",
     ["Trưởng phòng Văn hóa - Xã hội – Ủy viên"]),
    # the board named for its work after the title's lowercase "ban"
    ("3. Đồng chí Phó Trưởng ban xây dựng Đảng: Theo dõi công tác tuyên truyền.",
     ["Phó Trưởng ban xây dựng Đảng"]),
    ("Trưởng phòng quản lý Đô thị kiểm tra trật tự xây dựng trên địa bàn.", ["Trưởng phòng quản lý Đô thị"]),
    # a dash before no post goes on with the body's name
    ("Giám đốc Sở Lao động - Thương binh và Xã hội rà soát chế độ chính sách.",
     ["Giám đốc Sở Lao động - Thương binh và Xã hội"]),
])
def test_a_person_with_a_second_post_after_a_dash(text, expected):
    assert [t.lead for t in extract_text(text).tasks] == expected


@pytest.mark.parametrize("text, leads", [
    # the head of each body a colon lists
    ("Bộ trưởng các Bộ: Quốc phòng, Công an chỉ đạo các đơn vị đóng quân trên địa bàn hỗ trợ địa phương.",
     ["Bộ trưởng Bộ Quốc phòng", "Bộ trưởng Bộ Công an"]),
    ("Giám đốc các Sở: Y tế, Giáo dục và Đào tạo chỉ đạo kiểm tra an toàn thực phẩm.",
     ["Giám đốc Sở Y tế", "Giám đốc Sở Giáo dục và Đào tạo"]),
    # a ministry's name that is also a local body's head ("Công an huyện") stays the ministry in the list
    ("Các Bộ: Quốc phòng, Công an chỉ đạo các đơn vị đóng quân trên địa bàn hỗ trợ địa phương.",
     ["Bộ Quốc phòng", "Bộ Công an"]),
    # one more kind after the same "các", in capitals without a proper name: the same heads
    ("Chủ tịch Hội đồng thành viên, Tổng giám đốc các Tập đoàn, Tổng Công ty khẩn trương chỉ đạo hoàn thành dự án.",
     ["Chủ tịch Hội đồng thành viên", "Tổng giám đốc các Tập đoàn, Tổng Công ty"]),
    ("Chủ tịch các Tập đoàn, Tổng Công ty nhà nước chỉ đạo rà soát kế hoạch.",
     ["Chủ tịch các Tập đoàn, Tổng Công ty nhà nước"]),
    # a named body after the heads is a lead of its own
    ("Giám đốc các Sở, Trung tâm Y tế huyện chỉ đạo rà soát.", ["Giám đốc các Sở", "Trung tâm Y tế huyện"]),
    # the places of a level from one to another
    ("Chủ tịch Ủy ban nhân dân các tỉnh, thành phố từ Quảng Trị đến Khánh Hòa chỉ đạo sơ tán dân.",
     ["Chủ tịch Ủy ban nhân dân các tỉnh, thành phố từ Quảng Trị đến Khánh Hòa"]),
    ("Giao UBND các xã từ Tân An đến Hòa Bình kiểm tra đê điều.", ["UBND các xã từ Tân An đến Hòa Bình"]),
])
def test_heads_and_places_a_list_names(text, leads):
    assert [t.lead for t in extract_text(text, issued=date(2026, 3, 2)).tasks] == leads


@pytest.mark.parametrize("text, leads", [
    # a party secretary over the committees named after the title: one lead
    ("Bí thư tỉnh ủy, thành ủy và Chủ tịch UBND các tỉnh, thành phố huy động nguồn lực hoàn thành việc xây dựng "
     "lại nhà ở trước ngày 15/1/2026.", ["Bí thư tỉnh ủy, thành ủy", "Chủ tịch UBND các tỉnh, thành phố"]),
    ("Bí thư Huyện ủy, Thị ủy chỉ đạo rà soát công tác cán bộ.", ["Bí thư Huyện ủy, Thị ủy"]),
    # a head's direct lead of work with a date of its own is work ("trực tiếp … hoàn thành … trước ngày …")
    ("Thủ tướng yêu cầu: Chủ tịch UBND các tỉnh, thành phố trực tiếp lãnh đạo, chỉ đạo, huy động tối đa nguồn lực "
     "hoàn thành việc xây dựng lại nhà ở cho người dân trước ngày 15/1/2026.", ["Chủ tịch UBND các tỉnh, thành phố"]),
    # without a date, or answering for it, it is accountability (GUIDELINES)
    ("Thủ trưởng các sở, ngành, Chủ tịch UBND các xã phải trực tiếp chỉ đạo công tác phòng chống dịch.", []),
    ("Chủ tịch UBND các xã trực tiếp chỉ đạo, chịu trách nhiệm trước Chủ tịch UBND huyện nếu để chậm trễ, "
     "hoàn thành trước ngày 30/6/2026.", []),
    # the issuer of a text cited as ground, named by two posts, is no subject
    ("Căn cứ Thông tư số 02/2017/TT-VPCP ngày 31 tháng 10 năm 2017 của Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ "
     "hướng dẫn về nghiệp vụ kiểm soát thủ tục hành chính;", []),
])
def test_party_heads_dated_direct_leads_and_cited_issuers(text, leads):
    assert [t.lead for t in extract_text(text, issued=date(2026, 1, 1)).tasks] == leads
