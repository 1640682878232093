"""Rules learned from batch 18 (after its single run): kinds before a colon that list bodies by name,
the owners of a proposal in an introduction, a telegram's "Đồng kính gửi:" line, a count with its
thousands dot at a line's start. Places and bodies below are invented or generic."""
from __future__ import annotations

import pytest

from directives import extract_text
from directives.normalize import paragraphs


def leads(text: str) -> list[str]:
    return [t["lead"] for t in extract_text(text).to_contract()["tasks"]]


@pytest.mark.parametrize("sentence, expected", [
    ("8. Các Bộ, cơ quan: Tài chính, Xây dựng, Văn hóa, Thể thao và Du lịch, Tập đoàn Điện lực Việt Nam theo chức "
     "năng, nhiệm vụ được giao khẩn trương rà soát, báo cáo Thủ tướng Chính phủ.",
     ["Bộ Tài chính", "Bộ Xây dựng", "Bộ Văn hóa, Thể thao và Du lịch", "Tập đoàn Điện lực Việt Nam"]),
    ("Giao các Sở, ngành: Y tế, Tài chính phối hợp kiểm tra các cơ sở.", ["Sở Y tế", "Sở Tài chính"]),
    ("Các Bộ, ngành chủ động rà soát các thủ tục hành chính.", ["Các Bộ, ngành"]),  # no colon, one group
])
def test_kinds_before_a_colon_list_their_bodies(sentence, expected):
    assert leads(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("2. Trên cơ sở đề nghị của các Bộ, cơ quan liên quan, Bộ Tài chính khẩn trương rà soát, bố trí kinh phí.",
     ["Bộ Tài chính"]),
    ("Căn cứ đề nghị của Sở Y tế, các đơn vị liên quan, UBND huyện giao Phòng Y tế kiểm tra.", ["Phòng Y tế"]),
])
def test_the_owners_of_a_proposal_are_not_the_subject(sentence, expected):
    assert leads(sentence) == expected


def test_a_telegrams_second_addressees_are_not_work():
    text = ("THỦ TƯỚNG CHÍNH PHỦ\nSố: 12/CĐ-TTg\nHà Nội, ngày 18 tháng 11 năm 2025\nCÔNG ĐIỆN\n"
            "Về cắt giảm thủ tục hành chính\nTHỦ TƯỚNG CHÍNH PHỦ điện:\n- Bộ trưởng các Bộ;\n"
            "Đồng kính gửi:\nBí thư Tỉnh ủy, Thành ủy các tỉnh, thành phố để lãnh đạo, chỉ đạo.\n"
            "1. Bộ trưởng Bộ Tài chính hoàn thành rà soát trong tháng 11 năm 2025.\n")
    assert leads(text) == ["Bộ trưởng Bộ Tài chính"]


def test_a_count_with_its_thousands_dot_does_not_open_an_item():
    lines = ["Thủ tướng đã phê duyệt phương án cắt giảm; cụ thể tổng số thủ tục sẽ cắt giảm là",
             "3.071 TTHC/4.888 TTHC liên quan đến hoạt động sản xuất, kinh doanh."]
    assert len(paragraphs("\n".join(lines))) == 1


@pytest.mark.parametrize("item, expected", [
    # completing a thing named after the verb is a duty of its own, not the date of the item before
    ("b) Hoàn thành 100% thủ tục hành chính liên quan đến doanh nghiệp được thực hiện trực tuyến trong năm 2025.",
     [None, "2025-12-31"]),
    ("b) Hoàn thành trước ngày 30/11/2025.", ["2025-11-30"]),  # only the date: the item before is due then
])
def test_completing_a_named_thing_is_a_duty(item, expected):
    text = ("Thủ tướng yêu cầu:\n1. Bộ trưởng các Bộ\na) Tập trung triển khai cung cấp dịch vụ công trực tuyến.\n"
            + item)
    assert [t["deadline"] for t in extract_text(text).to_contract()["tasks"]] == expected


def test_enterprises_after_a_run_of_state_kinds_belong_to_the_run():
    text = ("IV. TỔ CHỨC THỰC HIỆN\n1. Các cơ quan, đơn vị, địa phương, doanh nghiệp căn cứ chức năng, nhiệm vụ được "
            "giao xây dựng kế hoạch triển khai thực hiện đợt thi đua.\n- Giới thiệu điển hình tiên tiến.\n")
    assert leads(text) == ["Các cơ quan, đơn vị, địa phương, doanh nghiệp"] * 2
    # what the law binds everyone to is still no task
    assert leads("Các cơ quan, tổ chức, doanh nghiệp thực hiện các quy định về phòng cháy, chữa cháy.") == []


def test_a_title_of_plural_actors_and_their_trade_leads_its_bullets():
    text = ("IV. TỔ CHỨC THỰC HIỆN\n5. Các chủ đầu tư xây dựng và kinh doanh hạ tầng khu công nghiệp\n"
            "- Tạo điều kiện về mặt bằng cho việc lắp đặt thiết bị.\n"
            "6. Các doanh nghiệp thứ cấp đang hoạt động trong khu công nghiệp\n- Bảo vệ an toàn thiết bị.\n"
            "7. Các nhiệm vụ trọng tâm\n- Rà soát các dự án.\n")
    assert leads(text) == ["Các chủ đầu tư xây dựng và kinh doanh hạ tầng khu công nghiệp",
                           "Các doanh nghiệp thứ cấp đang hoạt động trong khu công nghiệp"]


def test_a_places_name_broken_from_its_body_runs_on():
    lines = ["- Phối hợp chặt chẽ với Ban Quản lý Khu kinh tế", "Đông Nam, Sở Khoa học và Công nghệ kiểm tra."]
    assert len(paragraphs("\n".join(lines))) == 1


@pytest.mark.parametrize("line, listed", [
    ("Đông Nam, Sở Khoa học và Công nghệ", True),
    ("Dung Quất; Sở Xây dựng", True),
    ("Theo đó, giao các sở, ngành liên quan", False),  # a discourse opener, lowercase "đó"
    ("Đồng thời, các xã rà soát", False),
])
def test_a_names_tail_then_the_list(line, listed):
    from directives.normalize import _name_tail_listed
    assert _name_tail_listed(line) is listed


def test_the_capitals_class_holds_no_lowercase_letter():
    import re

    from directives.text import UPPER
    capital = re.compile(f"[{UPPER}]")
    assert all(capital.match(c) for c in "ADĐÂƠƯÁẠỸÝ")
    assert not any(capital.match(c) for c in "adđâơưáạỹý")


@pytest.mark.parametrize("sentence, expected", [
    ("2. Về việc hỗ trợ xe ô tô: Tỉnh căn cứ các quy định hiện hành để sắp xếp bố trí xe ô tô. Trường hợp còn "
     "thiếu, Tỉnh tổng hợp nhu cầu, báo cáo Bộ Tài chính.", ["Tỉnh"]),
    ("Xã tổ chức ra quân vệ sinh môi trường.", ["Xã"]),
    ("Tỉnh đã hoàn thành nhà ở cho hộ nghèo.", []),  # what the province did
    ("Tỉnh có nhiều tiềm năng phát triển du lịch.", []),
])
def test_a_place_called_by_its_level_alone_acts(sentence, expected):
    assert leads(sentence) == expected


def test_a_place_called_by_its_level_is_the_place_named_before():
    text = ("VĂN PHÒNG CHÍNH PHỦ\nSố: 12/TB-VPCP\nHà Nội, ngày 20 tháng 11 năm 2025\nTHÔNG BÁO\n"
            "Kết luận của Phó Thủ tướng tại buổi làm việc với thành phố Hòa An\n"
            "Phó Thủ tướng kết luận như sau:\n"
            "Để vận hành chính quyền hiệu quả, thành phố Hòa An cần tập trung thực hiện tốt một số nhiệm vụ, giải "
            "pháp sau đây:\n"
            "1. Căn cứ các tiêu chí về quy mô dân số để phân cấp, phân quyền phù hợp.\n"
            "Trên cơ sở quy định về biên chế, Thành phố chủ động kiện toàn tổ chức.\n"
            "2. Thúc đẩy chuyển đổi số.\n")
    assert leads(text) == ["Thành phố Hòa An", "Thành phố Hòa An"]


def test_the_closing_request_to_carry_out_the_directions_above_is_no_task():
    text = ("UBND tỉnh Hòa An\nSố: 12/UBND-KT\nKính gửi: Các sở, ngành.\n"
            "1. Sở Xây dựng chủ trì rà soát phần mềm dùng chung, hoàn thành trong tháng 12 năm 2025.\n"
            "Chủ tịch Ủy ban nhân dân\nTỉnh đề nghị các cơ quan, đơn vị khẩn trương, nghiêm túc triển khai thực "
            "hiện đầy đủ các nội dung chỉ đạo nêu trên theo thẩm quyền.\n")
    assert leads(text) == ["Sở Xây dựng"]


def coordinators(text: str) -> list[list[str]]:
    return [t["coordinators"] for t in extract_text(text).to_contract()["tasks"]]


@pytest.mark.parametrize("sentence, expected", [
    # enterprises after a run of kinds are one group with it
    ("Sở Nội vụ chủ trì, phối hợp với các cơ quan, đơn vị, địa phương, doanh nghiệp tổ chức các hoạt động thi đua.",
     [["các cơ quan, đơn vị, địa phương, doanh nghiệp"]]),
    ("Sở Nội vụ chủ trì, phối hợp với Sở Tài chính, các doanh nghiệp tổ chức các hoạt động thi đua.",
     [["Sở Tài chính", "các doanh nghiệp"]]),
    # "và đơn vị có liên quan" closing a group is the catch-all beside it, dropped
    ("Sở Nội vụ chủ trì, phối hợp với các sở, ban, ngành, đoàn thể tỉnh và đơn vị có liên quan rà soát nhân sự.",
     [["các sở, ban, ngành, đoàn thể tỉnh"]]),
    # "phối hợp chặt chẽ" with its partner and no "với"
    ("Ban Quản lý Khu kinh tế Hòa An phối hợp chặt chẽ Sở Khoa học và Công nghệ hỗ trợ doanh nghiệp.",
     [["Sở Khoa học và Công nghệ"]]),
    ("Sở Y tế phối hợp chặt chẽ, kịp thời trong việc xử lý dịch bệnh.", [[]]),
    # the utilities by what they supply
    ("Sở Công Thương chủ trì, phối hợp các đơn vị điện lực trên địa bàn tỉnh rà soát nguồn điện.",
     [["các đơn vị điện lực trên địa bàn tỉnh"]]),
])
def test_partners(sentence, expected):
    assert coordinators(sentence) == expected
