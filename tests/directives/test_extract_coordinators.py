"""Coordinators ("phối hợp với …") written in plain words, and partner cells of annex tables
(GUIDELINES, field `coordinators`): each named unit or group in text order; a catch-all kept only
when it is the only partner. Units and places are invented for the tests."""
from __future__ import annotations

import pytest

from directives import extract_text

HEAD = "Kính gửi: các cơ quan.\n\n"


def tasks(text: str) -> list[tuple]:
    return [(t.lead, t.coordinators) for t in extract_text(HEAD + text).tasks]


@pytest.mark.parametrize("text, expected", [
    # one generic noun, its verb right after: "the others concerned", kept when alone
    ("Bộ Y tế chủ động phối hợp với địa phương chỉ đạo các cơ sở khám bệnh sẵn sàng thu dung người bệnh.",
     [("Bộ Y tế", ["địa phương"])]),
    ("Ban Chỉ huy Quân sự xã phối hợp với địa phương bố trí lực lượng ứng trực.",
     [("Ban Chỉ huy Quân sự xã", ["địa phương"])]),
    ("Phòng Văn hóa - Xã hội xã phối hợp chặt chẽ với địa phương, rà soát hộ nghèo.",
     [("Phòng Văn hóa - Xã hội xã", ["địa phương"])]),
    # dropped when a named unit is there too
    ("Sở Công Thương phối hợp với Sở Tài chính và địa phương kiểm tra giá mặt hàng thiết yếu.",
     [("Sở Công Thương", ["Sở Tài chính"])]),
])
def test_one_generic_noun_before_its_verb_is_the_others_concerned(text, expected):
    assert tasks(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a noun that goes on ("đơn vị tổ chức hội thi") or a bare "phối hợp" verb names no partner of its own
    ("Ban Quản lý dự án phối hợp với cơ quan này kiểm tra hồ sơ.", [("Ban Quản lý dự án", [])]),
    ("Sở Giáo dục và Đào tạo phối hợp với đơn vị tổ chức hội thi kiểm tra cơ sở vật chất.",
     [("Sở Giáo dục và Đào tạo", [])]),
    ("Phòng Kinh tế phối hợp tổ chức hội chợ nông sản.", [("Phòng Kinh tế", [])]),
    ("Sở Nội vụ phối hợp đơn vị kiểm tra hồ sơ.", [("Sở Nội vụ", [])]),
])
def test_no_partner_from_a_plain_noun_that_names_nobody(text, expected):
    assert tasks(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Bộ Xây dựng chỉ đạo bảo vệ các tuyến đường; phối hợp với ngành công thương và các địa phương vận hành an toàn "
     "các hồ chứa.", [("Bộ Xây dựng", ["ngành công thương"])]),
    ("Sở Văn hóa và Thể thao phối hợp với ngành giáo dục tổ chức hội khỏe Phù Đổng cấp tỉnh.",
     [("Sở Văn hóa và Thể thao", ["ngành giáo dục"])]),
    ("Công an xã phối hợp ngành y tế, Đoàn Thanh niên xã tuyên truyền phòng, chống ma túy.",
     [("Công an xã", ["ngành y tế", "Đoàn Thanh niên xã"])]),
    # "ngành chức năng", "ngành liên quan" name nobody in particular: a catch-all
    ("Sở Tài chính phối hợp với ngành chức năng kiểm tra việc niêm yết giá.",
     [("Sở Tài chính", ["ngành chức năng"])]),
    ("Phòng Nông nghiệp phối hợp với Trạm Khuyến nông và ngành liên quan hướng dẫn gieo cấy.",
     [("Phòng Nông nghiệp", ["Trạm Khuyến nông"])]),
])
def test_a_sector_named_by_its_field_is_a_partner(text, expected):
    assert tasks(text) == expected


ANNEX = """Phụ lục
DANH MỤC NHIỆM VỤ
TT
Nội dung nhiệm vụ
Cơ quan chủ trì
Cơ quan phối hợp
Thời gian hoàn thành
1
Xây dựng quy chế quản lý quỹ phòng, chống thiên tai của tỉnh.
Sở Tài chính
Cơ quan, địa
phương liên quan
Năm 2027
2
Hướng dẫn thống kê thiệt hại do thiên tai gây ra.
Sở Nông nghiệp và
Môi trường
Đơn vị có liên quan
Thường xuyên
3
Tập huấn kỹ năng cứu hộ cho lực lượng xung kích.
Bộ Chỉ huy Quân sự tỉnh
Sở Y tế và cơ quan,
địa phương liên quan
Quý IV/2027
4
Tuyên truyền phòng, chống thiên tai trên sóng phát thanh.
Đài Phát thanh và Truyền hình tỉnh
Thường xuyên
"""


def test_a_partners_cell_naming_only_the_others_concerned_is_read():
    assert tasks(ANNEX) == [
        ("Sở Tài chính", ["Cơ quan, địa phương liên quan"]),
        ("Sở Nông nghiệp và Môi trường", ["Đơn vị có liên quan"]),
        ("Bộ Chỉ huy Quân sự tỉnh", ["Sở Y tế"]),
        # an empty partners' cell: the time cell is not taken for a partner
        ("Đài Phát thanh và Truyền hình tỉnh", []),
    ]


@pytest.mark.parametrize("text, expected", [
    # kinds of body narrowed to one named body's, or to an area: a group, kept beside named partners
    ("Sở Tài chính chủ trì, phối hợp với Kho bạc Nhà nước tỉnh, các phòng chuyên môn thuộc UBND các huyện rà soát "
     "nguồn vốn.", [("Sở Tài chính", ["Kho bạc Nhà nước tỉnh", "các phòng chuyên môn thuộc UBND các huyện"])]),
    ("Cục Quản lý đê điều chủ trì, phối hợp với Cục Thủy lợi và cơ quan chuyên môn thuộc Bộ Xây dựng kiểm tra "
     "an toàn đê.", [("Cục Quản lý đê điều", ["Cục Thủy lợi", "cơ quan chuyên môn thuộc Bộ Xây dựng"])]),
    ("Sở Nông nghiệp và Môi trường chủ trì, phối hợp với Sở Tài chính và các địa phương ven biển xây dựng "
     "phương án neo đậu tàu thuyền.",
     [("Sở Nông nghiệp và Môi trường", ["Sở Tài chính", "các địa phương ven biển"])]),
    # those concerned stay a catch-all, dropped beside a named partner
    ("Vụ Pháp chế chủ trì, phối hợp với Văn phòng Bộ, các đơn vị có liên quan thuộc Bộ Tư pháp rà soát văn bản.",
     [("Vụ Pháp chế", ["Văn phòng Bộ"])]),
    ("Sở Y tế phối hợp với Sở Tài chính, các đơn vị trực thuộc kiểm tra giá thuốc.",
     [("Sở Y tế", ["Sở Tài chính", "các đơn vị trực thuộc"])]),
])
def test_kinds_narrowed_to_a_body_or_an_area_are_a_group(text, expected):
    assert tasks(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Giao Sở Nội vụ chủ trì, với sự tham gia của Sở Tư pháp, thẩm định hồ sơ thành lập hội.",
     [("Sở Nội vụ", ["Sở Tư pháp"])]),
    ("Phòng Kinh tế chủ trì với sự tham gia của Phòng Tài chính - Kế hoạch kiểm kê tài sản.",
     [("Phòng Kinh tế", ["Phòng Tài chính - Kế hoạch"])]),
    # after an event or a body the action names: who attends it, not a partner of the task
    ("Sở Văn hóa và Thể thao tổ chức hội thảo với sự tham gia của Hội Nhà báo tỉnh, các cơ quan báo chí.",
     [("Sở Văn hóa và Thể thao", [])]),
    ("UBND xã thành lập đoàn kiểm tra liên ngành có sự tham gia của Công an xã để kiểm tra các cơ sở kinh doanh.",
     [("UBND xã", [])]),
])
def test_taking_part_is_a_partner_only_beside_the_lead(text, expected):
    assert tasks(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the body a partner belongs to, in brackets after its name, does not end the list
    ("Sở Y tế chủ trì, phối hợp với Trung tâm Kiểm soát bệnh tật (Sở Y tế), Bảo hiểm xã hội tỉnh và UBND các xã "
     "tổ chức tiêm chủng.", [("Sở Y tế", ["Trung tâm Kiểm soát bệnh tật", "Bảo hiểm xã hội tỉnh", "UBND các xã"])]),
    ("Phòng Nội vụ phối hợp với Ban Quản lý dự án (Phòng Kinh tế), Công an xã rà soát hồ sơ.",
     [("Phòng Nội vụ", ["Ban Quản lý dự án", "Công an xã"])]),
    # a bracket that is no unit ends the list as before
    ("Sở Tài chính phối hợp với Kho bạc Nhà nước tỉnh (nếu cần) rà soát số dư tạm ứng.",
     [("Sở Tài chính", ["Kho bạc Nhà nước tỉnh"])]),
])
def test_a_bracketed_parent_body_inside_a_list_of_partners(text, expected):
    assert tasks(text) == expected


@pytest.mark.parametrize("text, expected", [
    # "việc làm" (employment) is a noun: the name runs on past it
    ("Sở Nội vụ phối hợp với Trung tâm Dịch vụ việc làm tỉnh tổ chức phiên giao dịch việc làm.",
     [("Sở Nội vụ", ["Trung tâm Dịch vụ việc làm tỉnh"])]),
    ("Phòng Văn hóa - Xã hội chủ trì, phối hợp với Quỹ Hỗ trợ việc làm huyện và Hội Nông dân xã hướng dẫn hồ sơ vay vốn.",
     [("Phòng Văn hóa - Xã hội", ["Quỹ Hỗ trợ việc làm huyện", "Hội Nông dân xã"])]),
])
def test_a_name_runs_on_past_a_noun_compound(text, expected):
    assert tasks(text) == expected


@pytest.mark.parametrize("text, expected", [
    # businesses are a kind of body, not one of the generic nouns of a catch-all: kept beside named partners
    ("Sở Khoa học và Công nghệ phối hợp với Ban Quản lý các khu công nghiệp; các doanh nghiệp viễn thông và các đơn vị "
     "liên quan rà soát quy hoạch hạ tầng.",
     [("Sở Khoa học và Công nghệ", ["Ban Quản lý các khu công nghiệp", "các doanh nghiệp viễn thông"])]),
    ("Sở Công Thương chủ trì, phối hợp với Sở Tài chính, các doanh nghiệp kinh doanh xăng dầu bảo đảm nguồn cung.",
     [("Sở Công Thương", ["Sở Tài chính", "các doanh nghiệp kinh doanh xăng dầu"])]),
    ("Giao Phòng Kinh tế phối hợp với các doanh nghiệp trên địa bàn tổ chức hội chợ.",
     [("Phòng Kinh tế", ["các doanh nghiệp trên địa bàn"])]),
    # a kind of body without "các" closing the list, its verb right after it
    ("Sở Y tế chủ trì, phối hợp với Bảo hiểm xã hội tỉnh, cơ sở khám bệnh, chữa bệnh, doanh nghiệp thực hiện "
     "đề án hỗ trợ người bệnh.", [("Sở Y tế", ["Bảo hiểm xã hội tỉnh", "cơ sở khám bệnh, chữa bệnh", "doanh nghiệp"])]),
    ("Phòng Giáo dục phối hợp với Trung tâm Y tế huyện, trường học tổ chức khám sức khỏe cho học sinh.",
     [("Phòng Giáo dục", ["Trung tâm Y tế huyện", "trường học"])]),
])
def test_businesses_are_a_partner_group(text, expected):
    assert tasks(text) == expected


@pytest.mark.parametrize("text, expected", [
    # one plural head over several bodies, without a colon: one partner each
    ("Bộ Tài chính chủ trì, phối hợp chặt chẽ với các Bộ Tư pháp, Nội vụ và Kế hoạch và Đầu tư hoàn thiện dự thảo "
     "Nghị định.", [("Bộ Tài chính", ["Bộ Tư pháp", "Bộ Nội vụ", "Bộ Kế hoạch và Đầu tư"])]),
    ("Sở Nội vụ phối hợp với các Sở Tài chính, Y tế rà soát biên chế sự nghiệp.",
     [("Sở Nội vụ", ["Sở Tài chính", "Sở Y tế"])]),
    # one department with commas in its name stays one group
    ("Sở Du lịch phối hợp với các Sở Văn hóa, Thể thao và Du lịch tổ chức tuần lễ văn hóa.",
     [("Sở Du lịch", ["các Sở Văn hóa, Thể thao và Du lịch"])]),
])
def test_one_plural_head_over_several_bodies(text, expected):
    assert tasks(text) == expected


HEADED = """3. Ủy ban nhân dân các xã:
- Tăng cường kiểm tra việc khai thác cát trái phép.
- {bullet}
"""


@pytest.mark.parametrize("bullet, expected", [
    # a bullet that opens with the lead's own verb keeps the heading's lead; whom it asks is its object
    ("Phối hợp chặt chẽ với Công an huyện, Phòng Kinh tế và các cơ quan liên quan kiểm tra các bến bãi; đồng thời "
     "rà soát, đôn đốc, yêu cầu các tổ chức, cá nhân không tập kết cát trên hành lang bảo vệ đê.",
     ("Ủy ban nhân dân các xã", ["Công an huyện", "Phòng Kinh tế"])),
    ("Phối hợp với Đồn Biên phòng tuần tra khu vực cửa sông, kịp thời phát hiện, đề nghị các chủ phương tiện "
     "chấp hành quy định.", ("Ủy ban nhân dân các xã", ["Đồn Biên phòng"])),
])
def test_a_bullet_opening_with_its_verb_keeps_the_headings_lead(bullet, expected):
    assert tasks(HEADED.format(bullet=bullet))[-1] == expected


def test_a_noun_opening_still_lets_the_handing_unit_lead():
    text = "Nội dung kiến nghị thuộc thẩm quyền của UBND xã, đề nghị UBND xã Hòa Phong xem xét, trả lời công dân."
    assert tasks(text) == [("UBND xã Hòa Phong", [])]


@pytest.mark.parametrize("text, expected", [
    # "phối hợp, hỗ trợ X" / "phối hợp và hỗ trợ X": X is worked with (and helped)
    ("Bộ Ngoại giao phối hợp, hỗ trợ Bộ Khoa học và Công nghệ, Bộ Y tế trong đàm phán các điều ước quốc tế.",
     [("Bộ Ngoại giao", ["Bộ Khoa học và Công nghệ", "Bộ Y tế"])]),
    ("Các cơ quan, đơn vị theo chức năng, nhiệm vụ chủ động phối hợp, hỗ trợ địa phương ứng phó với mưa lũ.",
     [("Các cơ quan, đơn vị", ["địa phương"])]),
    ("Ban Chỉ huy Quân sự xã phối hợp và hỗ trợ Công an xã bảo đảm an ninh trật tự dịp lễ hội.",
     [("Ban Chỉ huy Quân sự xã", ["Công an xã"])]),
    # another verb after "phối hợp," names whom the lead guides, not a partner
    ("UBND các phường phối hợp, hướng dẫn các doanh nghiệp viễn thông phát triển hạ tầng.",
     [("UBND các phường", [])]),
])
def test_working_with_and_helping_names_a_partner(text, expected):
    assert tasks(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a management board over two kinds of zone: one name through its "và"
    ("Sở Tài chính chủ trì, phối hợp với Ban Quản lý các khu công nghệ cao và khu công nghiệp, Sở Xây dựng "
     "tham mưu giải pháp thu hút vốn.",
     [("Sở Tài chính", ["Ban Quản lý các khu công nghệ cao và khu công nghiệp", "Sở Xây dựng"])]),
    ("Sở Tài chính phối hợp với Ban Quản lý các khu kinh tế và khu công nghiệp rà soát quỹ đất.",
     [("Sở Tài chính", ["Ban Quản lý các khu kinh tế và khu công nghiệp"])]),
    # "và" before a named unit still joins two units
    ("Sở Nội vụ phối hợp với Ban Quản lý các khu công nghiệp và Sở Tài chính rà soát biên chế.",
     [("Sở Nội vụ", ["Ban Quản lý các khu công nghiệp", "Sở Tài chính"])]),
])
def test_a_board_over_two_kinds_of_zone_is_one_name(text, expected):
    assert tasks(text) == expected


@pytest.mark.parametrize("text, expected", [
    # how closely they work together stands between "phối hợp" and "với"
    ("Sở Tài chính phối hợp đồng bộ với Sở Xây dựng rà soát đơn giá vật liệu.", [("Sở Tài chính", ["Sở Xây dựng"])]),
    ("Công an xã phối hợp chặt chẽ, thường xuyên với Ban Chỉ huy Quân sự xã tuần tra địa bàn.",
     [("Công an xã", ["Ban Chỉ huy Quân sự xã"])]),
    ("Phòng Tài chính - Kế hoạch phối hợp kịp thời, hiệu quả với Kho bạc Nhà nước khu vực giải ngân vốn.",
     [("Phòng Tài chính - Kế hoạch", ["Kho bạc Nhà nước khu vực"])]),
])
def test_manner_words_between_phoi_hop_and_voi(text, expected):
    assert tasks(text) == expected


@pytest.mark.parametrize("text, expected", [
    # partners named before a bare "phối hợp", after the clause naming who "chủ trì"
    ("Giao Sở Tài chính chủ trì; Sở Xây dựng, Sở Nội vụ phối hợp rà soát định mức.",
     [("Sở Tài chính", ["Sở Xây dựng", "Sở Nội vụ"])]),
    ("Giao Phòng Nội vụ chủ trì thực hiện, Phòng Tư pháp phối hợp hoàn thiện hồ sơ.",
     [("Phòng Nội vụ", ["Phòng Tư pháp"])]),
    # a clause with its own "phối hợp với …" is a unit's own task
    ("Giao Sở Tài chính chủ trì rà soát định mức; Sở Xây dựng phối hợp với Sở Nội vụ kiểm tra hồ sơ.",
     [("Sở Tài chính", []), ("Sở Xây dựng", ["Sở Nội vụ"])]),
    # without a lead that "chủ trì", a unit that "phối hợp thực hiện" is given work of its own
    ("Sở Tài chính rà soát định mức; Sở Xây dựng phối hợp thực hiện.", [("Sở Tài chính", []), ("Sở Xây dựng", [])]),
])
def test_partners_named_before_their_verb(text, expected):
    assert tasks(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("UBND các xã chủ động phối hợp với lực lượng công an rà soát địa bàn.", [("UBND các xã", ["lực lượng công an"])]),
    ("Ban Chỉ huy Quân sự huyện phối hợp với lực lượng Biên phòng, Công an xã tuần tra tuyến biên giới.",
     [("Ban Chỉ huy Quân sự huyện", ["lực lượng Biên phòng", "Công an xã"])]),
    # "lực lượng chức năng" names nobody in particular: a catch-all, kept only alone
    ("UBND các xã phối hợp với lực lượng chức năng rà soát địa bàn.", [("UBND các xã", ["lực lượng chức năng"])]),
])
def test_a_force_named_by_its_field_is_a_partner(text, expected):
    assert tasks(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a body known by its initials, then its place
    ("Sở Khoa học và Công nghệ phối hợp với Viettel Hòa Bình, VNPT Hòa Bình triển khai phủ sóng vùng lõm.",
     [("Sở Khoa học và Công nghệ", ["Viettel Hòa Bình", "VNPT Hòa Bình"])]),
    ("Sở Công Thương chủ trì, phối hợp với EVN Tây Nguyên bảo đảm cấp điện mùa khô.",
     [("Sở Công Thương", ["EVN Tây Nguyên"])]),
    # initials followed by a lowercase word are no name
    ("Sở Y tế phối hợp với Sở Tài chính theo QĐ số 12 rà soát giá dịch vụ.", [("Sở Y tế", ["Sở Tài chính"])]),
])
def test_a_body_known_by_its_initials_is_a_partner(text, expected):
    assert tasks(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Phòng Kinh tế phối hợp với Hợp tác xã Nông nghiệp Tân Lập hướng dẫn nông dân gieo cấy.",
     [("Phòng Kinh tế", ["Hợp tác xã Nông nghiệp Tân Lập"])]),
    ("Hợp tác xã Dịch vụ nông nghiệp Tân Lập chủ động cung ứng giống lúa cho vụ Đông Xuân.",
     [("Hợp tác xã Dịch vụ nông nghiệp Tân Lập", [])]),
])
def test_a_cooperative_is_a_unit(text, expected):
    assert tasks(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a stray comma before "liên quan" does not cut the catch-all
    ("Sở Tài chính phối hợp với các Bộ, ngành, liên quan hướng dẫn quyết toán.",
     [("Sở Tài chính", ["các Bộ, ngành, liên quan"])]),
    ("Phòng Nội vụ phối hợp với các phòng, ban, có liên quan rà soát biên chế.",
     [("Phòng Nội vụ", ["các phòng, ban, có liên quan"])]),
    # "có trách nhiệm" after the comma is the verb
    ("Các sở, ngành, có trách nhiệm hướng dẫn thực hiện quy chế.", [("Các sở, ngành", [])]),
])
def test_a_stray_comma_before_lien_quan(text, expected):
    assert tasks(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Phòng Nông nghiệp chủ trì, phối hợp với Trạm Thú y, UBND các xã có dịch triển khai tiêu độc khử trùng.",
     [("Phòng Nông nghiệp", ["Trạm Thú y", "UBND các xã có dịch"])]),
    ("Trung tâm Y tế huyện phối hợp với các xã có ổ dịch phun hóa chất diệt muỗi.",
     [("Trung tâm Y tế huyện", ["các xã có ổ dịch"])]),
])
def test_places_narrowed_by_an_outbreak(text, expected):
    assert tasks(text) == expected


GLUED = """PHỤ LỤC
DANH MỤC NHIỆM VỤ
|
TT
|
Nội dung/nhiệm vụ
|
Cơ quan chủ trì
|
Cơ quan phối hợp
|
Thời gian thực hiện
|
|
1
|
Rà soát quy hoạch hạ tầng viễn thông thụ động
|
Sở Xây dựng
|
Sở Khoa học và Công nghệ Sở Công Thương; UBND các xã
|
Quý III Năm 2027
|
"""


def test_two_known_bodies_a_cell_ran_together_are_two_partners():
    assert tasks(GLUED) == [("Sở Xây dựng", ["Sở Khoa học và Công nghệ", "Sở Công Thương", "UBND các xã"])]


@pytest.mark.parametrize("text, expected", [
    ("Giao Sở Y tế chủ trì, phối hợp với Sở Tài chính Sở Nội vụ rà soát vị trí việc làm.",
     [("Sở Y tế", ["Sở Tài chính", "Sở Nội vụ"])]),
    # a part of the body that follows is one name
    ("Giao Sở Y tế chủ trì, phối hợp với Văn phòng Sở Tài chính rà soát chứng từ.",
     [("Sở Y tế", ["Văn phòng Sở Tài chính"])]),
    ("Giao Sở Y tế chủ trì, phối hợp với Thanh tra Sở Nội vụ rà soát hồ sơ tuyển dụng.",
     [("Sở Y tế", ["Thanh tra Sở Nội vụ"])]),
])
def test_a_known_body_glued_to_the_next(text, expected):
    assert tasks(text) == expected
