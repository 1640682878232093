"""Bodies of provinces, districts and communes, of the Party and the mass organisations, and commune
officials by post, as leads and partners in sentences written for this test; lead phrases ("Giao",
"Đề nghị", "có trách nhiệm", "Giám đốc Sở X", "Chủ tịch UBND các huyện"); deadlines as local texts
write them; closing calls and statements that are no tasks. Places are invented."""
from __future__ import annotations

from datetime import date

import pytest

from directives import extract_text

HEAD = "Kính gửi: các cơ quan.\n\n"


def tasks(text: str) -> list[tuple]:
    found = extract_text(HEAD + text, issued=date(2026, 3, 2)).tasks
    return [(t.lead, t.coordinators) for t in found]


@pytest.mark.parametrize("text, expected", [
    ("Giao Văn phòng HĐND và UBND huyện tổng hợp ý kiến.", [("Văn phòng HĐND và UBND huyện", [])]),
    ("Giao Trung tâm Văn hóa - Thể thao và Truyền thông huyện tuyên truyền trên hệ thống loa.",
     [("Trung tâm Văn hóa - Thể thao và Truyền thông huyện", [])]),
    ("Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam huyện phối hợp với Hội Liên hiệp Phụ nữ huyện vận động nhân dân.",
     [("Ủy ban Mặt trận Tổ quốc Việt Nam huyện", ["Hội Liên hiệp Phụ nữ huyện"])]),
    ("Đề nghị Huyện đoàn phối hợp với Hội Cựu chiến binh huyện tổ chức ra quân.",
     [("Huyện đoàn", ["Hội Cựu chiến binh huyện"])]),
    ("Giao Trạm Y tế xã phối hợp với Trưởng các thôn tuyên truyền phòng dịch.", [("Trạm Y tế xã", ["Trưởng các thôn"])]),
    ("Giao Công chức Tài chính - Kế toán tham mưu UBND xã bố trí kinh phí.", [("Công chức Tài chính - Kế toán", [])]),
    ("Giao Trưởng Công an xã chủ trì, phối hợp với Chỉ huy trưởng Ban Chỉ huy Quân sự xã bảo vệ an ninh.",
     [("Trưởng Công an xã", ["Chỉ huy trưởng Ban Chỉ huy Quân sự xã"])]),
    ("Đề nghị Đảng ủy xã lãnh đạo, chỉ đạo các chi bộ triển khai thực hiện.", [("Đảng ủy xã", [])]),
    ("Ban Tuyên giáo và Dân vận Huyện ủy định hướng công tác tuyên truyền.", [("Ban Tuyên giáo và Dân vận Huyện ủy", [])]),
    ("Đề nghị Ủy ban Kiểm tra Huyện ủy kiểm tra việc chấp hành kỷ luật đảng.", [("Ủy ban Kiểm tra Huyện ủy", [])]),
    ("Giao Chi nhánh Văn phòng Đăng ký đất đai cấp giấy chứng nhận quyền sử dụng đất.",
     [("Chi nhánh Văn phòng Đăng ký đất đai", [])]),
    ("Giao Hạt Kiểm lâm huyện phối hợp với UBND các xã có rừng tuần tra.", [("Hạt Kiểm lâm huyện", ["UBND các xã có rừng"])]),
    ("Giao Hội Nông dân xã, Đoàn Thanh niên xã vận động hội viên tham gia.",
     [("Hội Nông dân xã", []), ("Đoàn Thanh niên xã", [])]),
    ("Công an huyện chủ trì, phối hợp chặt chẽ với Viện Kiểm sát nhân dân huyện, Tòa án nhân dân huyện đẩy nhanh "
     "điều tra.", [("Công an huyện", ["Viện Kiểm sát nhân dân huyện", "Tòa án nhân dân huyện"])]),
])
def test_local_bodies_lead_and_partner(text, expected):
    assert tasks(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Giám đốc Sở Tài chính chủ trì, phối hợp với Giám đốc Kho bạc Nhà nước tỉnh rà soát giải ngân.",
     [("Giám đốc Sở Tài chính", ["Giám đốc Kho bạc Nhà nước tỉnh"])]),
    ("Chủ tịch UBND các huyện, thị xã, thành phố chỉ đạo UBND các xã rà soát hộ nghèo.",
     [("Chủ tịch UBND các huyện, thị xã, thành phố", [])]),
    ("Sở Nội vụ có trách nhiệm hướng dẫn các địa phương sắp xếp đơn vị hành chính.", [("Sở Nội vụ", [])]),
    ("Yêu cầu Phòng Giáo dục và Đào tạo chủ trì, phối hợp với Trung tâm Y tế huyện kiểm tra an toàn thực phẩm.",
     [("Phòng Giáo dục và Đào tạo", ["Trung tâm Y tế huyện"])]),
    ("Giao Trung tâm Phát triển quỹ đất tỉnh, với sự tham gia của UBND huyện, tổ chức đấu giá quyền sử dụng đất.",
     [("Trung tâm Phát triển quỹ đất tỉnh", ["UBND huyện"])]),
])
def test_lead_phrases(text, expected):
    assert tasks(text) == expected


@pytest.mark.parametrize("text", [
    "Đề nghị các cơ quan, đơn vị nghiêm túc thực hiện./.",
    "Các phòng, ban, ngành, UBND các xã căn cứ chức năng, nhiệm vụ tổ chức thực hiện Kế hoạch này.",
    "UBND huyện đã ban hành Kế hoạch số 25/KH-UBND về việc phòng chống dịch.",
    "Sở Y tế đã có Công văn số 120/SYT-NV hướng dẫn các đơn vị.",
    "Thủ trưởng các cơ quan, đơn vị chịu trách nhiệm trước Chủ tịch UBND huyện về kết quả thực hiện.",
])
def test_no_task(text):
    assert tasks(text) == []


@pytest.mark.parametrize("text, deadline, recurrence", [
    ("Giao Sở Y tế rà soát, báo cáo chậm nhất ngày 10/6/2026.", date(2026, 6, 10), None),
    ("Giao Phòng Nội vụ tham mưu, hoàn thành trong quý III năm 2026.", date(2026, 9, 30), None),
    ("Giao UBND các xã báo cáo kết quả về UBND huyện (qua Phòng Nội vụ) trước ngày 20/4/2026 để tổng hợp.",
     date(2026, 4, 20), None),
    ("Giao Sở Xây dựng kiểm tra, báo cáo trước 17 giờ ngày 12/3/2026.", date(2026, 3, 12), None),
    ("Giao Phòng Tư pháp rà soát văn bản, xong trước ngày 30 tháng 4.", date(2026, 4, 30), None),
    ("Phòng Tài chính - Kế hoạch thẩm định dự toán; thời gian hoàn thành: trước ngày 25/3/2026.", date(2026, 3, 25), None),
    ("Giao Trung tâm Y tế huyện tiêm chủng, phấn đấu hoàn thành trước ngày 30/9/2026.", date(2026, 9, 30), None),
    ("Giao Phòng Văn hóa và Thông tin tổ chức lễ kỷ niệm vào ngày 19/5/2026.", None, None),
    ("Công an xã báo cáo định kỳ hằng tuần vào thứ Sáu.", None, "weekly"),
    ("UBND các xã báo cáo trước ngày 20 hằng tháng.", None, "monthly:20"),
])
def test_deadlines_as_local_texts_write_them(text, deadline, recurrence):
    found = extract_text(HEAD + text, issued=date(2026, 3, 2)).tasks
    assert [(t.deadline, t.recurrence) for t in found] == [(deadline, recurrence)]


@pytest.mark.parametrize("text, expected", [
    ("Giao Phòng Tài chính - Kế hoạch chủ trì, phối hợp với Thuế cơ sở 5 và UBND các xã đôn đốc thu ngân sách.",
     [("Phòng Tài chính - Kế hoạch", ["Thuế cơ sở 5", "UBND các xã"])]),
    ("Thuế cơ sở 3 tỉnh Hòa An phối hợp với Kho bạc Nhà nước khu vực XV rà soát các khoản thu.",
     [("Thuế cơ sở 3 tỉnh Hòa An", ["Kho bạc Nhà nước khu vực XV"])]),
    ("Đề nghị Chi cục Thuế khu vực Tân Lập - Hòa An phối hợp với UBND các xã đôn đốc thu.",
     [("Chi cục Thuế khu vực Tân Lập - Hòa An", ["UBND các xã"])]),
])
def test_a_body_named_by_its_number(text, expected):
    assert tasks(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Các sở, ban, ngành, tổ chức chính trị - xã hội, UBND các xã chủ động bố trí nguồn vốn.",
     ["Các sở, ban, ngành", "Tổ chức chính trị - xã hội", "UBND các xã"]),
    ("Đề nghị Ủy ban MTTQ Việt Nam huyện và các tổ chức chính trị - xã hội phối hợp tuyên truyền.",
     ["Ủy ban MTTQ Việt Nam huyện", "Các tổ chức chính trị - xã hội"]),
    ("Mặt trận Tổ quốc và các đoàn thể chính trị-xã hội các cấp vận động nhân dân.",
     ["Mặt trận Tổ quốc", "Các đoàn thể chính trị-xã hội các cấp"]),
    # "các cơ quan liên quan" closing a list is dropped; the mass organisations are not
    ("Sở Y tế và các cơ quan liên quan kiểm tra.", ["Sở Y tế"]),
])
def test_the_mass_organisations_are_a_kind_of_their_own(text, expected):
    assert [lead for lead, _ in tasks(text)] == expected


@pytest.mark.parametrize("text", [
    "Thành lập Đoàn kiểm tra liên ngành của huyện do Phòng Y tế làm trưởng đoàn.",
    "Thành lập Tổ công tác đặc biệt của tỉnh.",
])
def test_a_verb_in_capitals_opening_a_sentence_is_no_unit(text):
    assert all(not lead.startswith("Thành lập") for lead, _ in tasks(text))


@pytest.mark.parametrize("text, expected", [
    ("Nội dung kiến nghị thuộc thẩm quyền của UBND xã, đề nghị UBND xã Hòa An xem xét, trả lời cử tri.",
     [("UBND xã Hòa An", [])]),
    ("Việc sửa chữa cầu treo đã được bố trí vốn, giao Phòng Kinh tế và Hạ tầng kiểm tra, đôn đốc nhà thầu.",
     [("Phòng Kinh tế và Hạ tầng", [])]),
    ("Chủ tịch UBND xã giao Công an xã chủ trì, Ban Chỉ huy Quân sự xã phối hợp bảo vệ an toàn lễ hội.",
     [("Công an xã", ["Ban Chỉ huy Quân sự xã"])]),
    ("Giao Phòng Y tế chủ trì, Trung tâm Y tế huyện và UBND các xã phối hợp kiểm tra an toàn thực phẩm.",
     [("Phòng Y tế", ["Trung tâm Y tế huyện", "UBND các xã"])]),
    ("Ban Chỉ đạo phòng, chống thiên tai và tìm kiếm cứu nạn xã chủ động triển khai phương án sơ tán dân.",
     [("Ban Chỉ đạo phòng, chống thiên tai và tìm kiếm cứu nạn xã", [])]),
    ("Ban Chỉ huy phòng, chống thiên tai và tìm kiếm cứu nạn huyện phối hợp với Công an huyện sơ tán dân.",
     [("Ban Chỉ huy phòng, chống thiên tai và tìm kiếm cứu nạn huyện", ["Công an huyện"])]),
])
def test_a_thing_then_a_handing_and_partners_named_before_their_verb(text, expected):
    assert tasks(text) == expected


def test_a_quoted_request_after_a_colon_hands_nothing():
    assert tasks("Ông Lê Văn An phản ánh: Đề nghị UBND huyện sửa chữa đường liên thôn.") == []


@pytest.mark.parametrize("text, leads", [
    # the Front's dotted and run-together abbreviations are one unit, with or without its level
    ("UBND huyện đề nghị UB.MTTQVN và các đoàn thể huyện, Chủ tịch UBND các xã tổ chức tổng vệ sinh.",
     ["UB.MTTQVN", "Các đoàn thể huyện", "Chủ tịch UBND các xã"]),
    ("UBMTTQ phối hợp với Phòng Văn hóa và Thông tin tổ chức tuyên truyền.", ["UBMTTQ"]),
    ("Đề nghị UB.MTTQ, Hội Nông dân huyện vận động nhân dân tham gia.", ["UB.MTTQ", "Hội Nông dân huyện"]),
    ("Đề nghị UB.MTTQVN xã vận động nhân dân tham gia.", ["UB.MTTQVN xã"]),
])
def test_front_abbreviations_stand_alone(text, leads):
    assert [t.lead for t in extract_text(text, issued=date(2026, 3, 10)).tasks] == leads


@pytest.mark.parametrize("text, leads", [
    # levels joined by slashes are one run of levels
    ("Đề nghị UBND các huyện/thành phố rà soát hồ sơ.", ["UBND các huyện/thành phố"]),
    ("UBND huyện yêu cầu UBND các xã/phường/thị trấn tổ chức tổng vệ sinh.", ["UBND các xã/phường/thị trấn"]),
    ("Sở Y tế đề nghị Trung tâm Y tế các huyện/thị xã/thành phố báo cáo số ca mắc.",
     ["Trung tâm Y tế các huyện/thị xã/thành phố"]),
    # the head of an office in every place of a level, even in lowercase after the handing verb
    ("Sở Giáo dục và Đào tạo yêu cầu trưởng phòng Giáo dục và Đào tạo các huyện/thành phố, thủ trưởng các đơn vị "
     "trực thuộc Sở triển khai các biện pháp phòng dịch.",
     ["Trưởng phòng Giáo dục và Đào tạo các huyện/thành phố", "Thủ trưởng các đơn vị trực thuộc Sở"]),
    ("Giám đốc Sở yêu cầu Trưởng phòng Tài nguyên và Môi trường các huyện, thị xã rà soát hồ sơ.",
     ["Trưởng phòng Tài nguyên và Môi trường các huyện, thị xã"]),
])
def test_levels_with_slashes_and_heads_in_every_place(text, leads):
    assert [t.lead for t in extract_text(text, issued=date(2026, 3, 10)).tasks] == leads


def test_a_slash_between_other_words_is_no_level():
    (task,) = extract_text("Sở Y tế kiểm tra các cơ sở khám/chữa bệnh trên địa bàn.", issued=date(2026, 3, 10)).tasks
    assert task.lead == "Sở Y tế"


@pytest.mark.parametrize("text, leads", [
    # a commune's residential areas and hamlets are a level of their own
    ("UBND xã đề nghị các khu dân cư tổ chức tổng vệ sinh.", ["Các khu dân cư"]),
    ("UBND thị trấn đề nghị thủ trưởng các cơ quan, đơn vị và các khu dân cư chỉ đạo tổng vệ sinh.",
     ["Thủ trưởng các cơ quan, đơn vị", "Các khu dân cư"]),
    ("Các ấp tập trung chỉ đạo sản xuất vụ hè thu.", ["Các ấp"]),
    # negative: "văn bản" holds no hamlet ("bản")
    ("UBND tỉnh yêu cầu UBND huyện Triệu Phong có văn bản trả lời công dân.", ["UBND huyện Triệu Phong"]),
])
def test_residential_areas_and_hamlets(text, leads):
    assert [t.lead for t in extract_text(text, issued=date(2026, 3, 10)).tasks] == leads


@pytest.mark.parametrize("text, leads", [
    # party bodies under one committee keep what they are under; "Dưới sự chỉ đạo của …," says under whom
    ("Dưới sự chỉ đạo của cấp ủy, các đảng bộ trực thuộc tiến hành tự kiểm tra và báo cáo Ban Thường vụ.",
     ["Các đảng bộ trực thuộc"]),
    ("Các chi bộ thuộc Đảng ủy xã tổ chức sinh hoạt chuyên đề.", ["Các chi bộ thuộc Đảng ủy xã"]),
    ("Dưới sự lãnh đạo của Huyện ủy, UBND huyện tập trung chỉ đạo thu hoạch lúa.", ["UBND huyện"]),
    # negative: a run of party kinds with its levels is unchanged
    ("Các cấp ủy, chính quyền các cấp tăng cường lãnh đạo công tác phòng dịch.", ["Các cấp ủy, chính quyền các cấp"]),
])
def test_party_bodies_under_a_committee(text, leads):
    assert [t.lead for t in extract_text(text, issued=date(2026, 3, 10)).tasks] == leads


# --- who a commune's or ward's notice addresses below its own staff: village and street boards,
# households, the people of the place, the market's board

def lead_names(text: str) -> list[str]:
    return [t.lead for t in extract_text(text).tasks]


@pytest.mark.parametrize("text, expected", [
    # a heading "Đối với <kind>" over bullets with no subject: the kind leads them, whatever closes the line
    ("I. TRƯỚC MÙA MƯA LŨ\n1. Đối với thôn;\n- Kiện toàn đội xung kích của thôn.\n"
     "- Rà soát các hộ ở vùng trũng thấp.\n2. Đối với hộ gia đình\n- Chuẩn bị lương thực, nước uống.\n",
     ["Thôn", "Thôn", "Hộ gia đình"]),
    ("II. CÔNG TÁC VỆ SINH\n1. Đối với các khu phố:\n- Ra quân dọn vệ sinh đường phố vào sáng chủ nhật.\n",
     ["Các khu phố"]),
    # a heading naming a topic, not who acts, leads nothing
    ("II. NHIỆM VỤ\n1. Đối với công tác tuyên truyền\n- Phát thanh trên loa của xã ba lần mỗi ngày.\n", []),
])
def test_a_heading_naming_a_local_kind_leads_its_bullets(text, expected):
    assert lead_names(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Đề nghị Ủy ban MTTQ xã, tổ tự quản và các chi hội phân công hội viên tham gia dọn vệ sinh.",
     ["Ủy ban MTTQ xã", "Tổ tự quản"]),
    ("Bà con nhân dân chủ động chằng chống nhà cửa, cắt tỉa cây xanh quanh nhà.", ["Bà con nhân dân"]),
    ("Ban quản lý chợ, Trạm y tế xã chuẩn bị phương án bảo vệ tài sản khi có bão.", ["Ban quản lý chợ", "Trạm y tế xã"]),
])
def test_local_bodies_and_people_lead(text, expected):
    assert lead_names(text)[:len(expected)] == expected


def test_households_that_receive_support_lead_nothing():
    assert lead_names("Hộ gia đình phải di dời khẩn cấp do sạt lở đất được hỗ trợ 5 triệu đồng.") == []


@pytest.mark.parametrize("text, expected", [
    # a neighbourhood's boards are named by their place, counted or not, handed the work by the ward
    ("UBND phường Tân Mỹ đề nghị Ban điều hành 12 khu phố, Ban điều hành 40 tổ dân phố rà soát, báo cáo.",
     [("Ban điều hành 12 khu phố", []), ("Ban điều hành 40 tổ dân phố", [])]),
    ("Ban công tác Mặt trận các khu dân cư vận động nhân dân đóng góp quỹ.",
     [("Ban công tác Mặt trận các khu dân cư", [])]),
    # negative: a board named for its work keeps its name, it is no place's board
    ("Giao Ban điều hành Dự án cầu Bến Lội hoàn thiện hồ sơ.", [("Ban điều hành Dự án cầu Bến Lội", [])]),
])
def test_neighbourhood_boards_named_by_place(text, expected):
    assert tasks(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the plain acts a ward asks of its offices, schools, enterprises and households
    ("Các cơ quan, đơn vị, xí nghiệp, trường học treo cờ Tổ quốc.", [("Các cơ quan, đơn vị, xí nghiệp, trường học", [])]),
    ("Bà con nhân dân chằng chống nhà cửa, khơi thông cống rãnh.", [("Bà con nhân dân", [])]),
    ("Toàn thể nhân dân tổng vệ sinh đường làng ngõ xóm.", [("Toàn thể nhân dân", [])]),
    # negative: the act as a noun, nobody named to do it
    ("Việc treo cờ Tổ quốc tại các cơ quan theo quy định.", []),
])
def test_plain_local_acts(text, expected):
    assert tasks(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the mass organisations are a level of their own, kept beside named units (GUIDELINES' catch-alls are
    # the state's generic nouns)
    ("Đề nghị Công an xã và các đoàn thể ra quân dọn vệ sinh.", [("Công an xã", []), ("Các đoàn thể", [])]),
    ("Giao Trạm Y tế xã phối hợp với Ủy ban MTTQ xã, các đoàn thể tuyên truyền phòng dịch.",
     [("Trạm Y tế xã", ["Ủy ban MTTQ xã", "các đoàn thể"])]),
    # negative: a catch-all of state bodies beside a named partner is still dropped
    ("Giao Phòng Y tế phối hợp với Trung tâm Y tế huyện, các cơ quan, đơn vị liên quan kiểm tra.",
     [("Phòng Y tế", ["Trung tâm Y tế huyện"])]),
])
def test_mass_organisations_kept_beside_units(text, expected):
    assert tasks(text) == expected


@pytest.mark.parametrize("text, expected", [
    # kinds of enterprise inside a run of kinds after one "các": one group of addressees
    ("Đề nghị các cơ quan, tổ chức, doanh nghiệp, trường học trên địa bàn ra quân dọn vệ sinh.",
     [("Các cơ quan, tổ chức, doanh nghiệp, trường học trên địa bàn", [])]),
    ("Các đơn vị, hộ kinh doanh, trường học trên địa bàn treo cờ Tổ quốc.",
     [("Các đơn vị, hộ kinh doanh, trường học trên địa bàn", [])]),
    # negative: closing the run, they are everyone the rules bind, no addressee
    ("Các cơ quan, tổ chức, doanh nghiệp thực hiện các quy định của Nhà nước về phát thải.", []),
])
def test_enterprise_kinds_inside_a_run_of_kinds(text, expected):
    assert tasks(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a ward's own places, bare, among its other addressees (its boards, its people)
    ("Đề nghị các hộ kinh doanh, khu phố và bà con nhân dân ra quân dọn vệ sinh.",
     [("Các hộ kinh doanh", []), ("Khu phố", []), ("Bà con nhân dân", [])]),
    ("Đề nghị các tổ tự quản, thôn và bà con nhân dân chằng chống nhà cửa.",
     [("Các tổ tự quản", []), ("Thôn", []), ("Bà con nhân dân", [])]),
    # where the people or boards are narrows them, as it does a kind of unit
    ("Đề nghị toàn thể nhân dân trên địa bàn phường hưởng ứng tham gia.", [("Toàn thể nhân dân trên địa bàn phường", [])]),
    ("Các tổ tự quản trên địa bàn xã ra quân dọn vệ sinh.", [("Các tổ tự quản trên địa bàn xã", [])]),
    # negative: after a named body, the place word is its own (no separate addressee)
    ("Giao Trạm Y tế xã, thôn tổ chức tiêm chủng.", [("Trạm Y tế xã", [])]),
])
def test_local_places_among_addressees(text, expected):
    assert tasks(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a ward's teams named by their work, lowercase, lead and partner like its bodies
    ("Giao công an phường, tổ quản lý trật tự đô thị phối hợp với Ủy ban MTTQ phường giải tỏa lấn chiếm.",
     [("Công an phường", ["Ủy ban MTTQ phường"]), ("Tổ quản lý trật tự đô thị", ["Ủy ban MTTQ phường"])]),
    ("Giao Công an xã chủ trì, phối hợp với đội xung kích tuần tra bờ đê.", [("Công an xã", ["đội xung kích"])]),
    # negative: the work alone, no team, is no unit
    ("Công tác quản lý trật tự đô thị được tăng cường.", []),
])
def test_ward_teams_named_by_their_work(text, expected):
    assert tasks(text) == expected


@pytest.mark.parametrize("text, expected", [
    # households in trade named by their trade, then the others of the list
    ("Các hộ kinh doanh buôn bán ở chợ và bà con nhân dân chủ động bảo vệ tài sản.",
     [("Các hộ kinh doanh buôn bán ở chợ", []), ("Bà con nhân dân", [])]),
    ("Đề nghị các hộ kinh doanh vận tải hành khách tuân thủ quy định về tải trọng.",
     [("Các hộ kinh doanh vận tải hành khách", [])]),
    # negative: no trade after them, the name ends at the kind
    ("Các hộ kinh doanh và bà con nhân dân chủ động bảo vệ tài sản.", [("Các hộ kinh doanh", []), ("Bà con nhân dân", [])]),
])
def test_households_in_trade_named_by_their_trade(text, expected):
    assert tasks(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a portal writes the head of the unit handed the work in lowercase; its proper name stays in capitals
    ("Theo đó, UBND quận giao phòng Văn hóa và Thông tin quận hướng dẫn các phường tuyên truyền.",
     [("Phòng Văn hóa và Thông tin quận", [])]),
    ("UBND huyện giao trung tâm Y tế huyện phối hợp với UBND các xã phun thuốc.", [("Trung tâm Y tế huyện", ["UBND các xã"])]),
    # negative: a room is no unit, the committee hands nothing to it
    ("UBND huyện giao phòng họp số 2 cho Văn phòng bố trí.", [("UBND huyện", [])]),
])
def test_unit_handed_the_work_written_in_lowercase(text, expected):
    assert tasks(text) == expected


NOTICE = "UBND xã thông báo cho toàn thể nhân dân thực hiện tốt một số nội dung sau:\n"


def notice_leads(text: str) -> list[str]:
    return [t.lead for t in extract_text(NOTICE + text, issued=date(2026, 3, 2)).tasks]


@pytest.mark.parametrize("text, expected", [
    # a bullet's units, then ";" slipped for ":" before the capitalized action
    ("- Cấp ủy, Chính quyền các thôn; Kịp thời kiểm tra và thông báo cho các tàu thuyền.",
     ["Cấp ủy, Chính quyền các thôn"]),
    ("- Trạm Y tế xã; Tổ chức phun thuốc khử trùng tại các ổ dịch.", ["Trạm Y tế xã"]),
])
def test_semicolon_slipped_for_colon_after_a_bullets_units(text, expected):
    assert notice_leads(text) == expected


def test_units_listed_with_semicolons_are_no_lead():
    assert "Phòng Y tế" not in notice_leads("- Phòng Y tế; Trạm Y tế xã; Công an xã.")


@pytest.mark.parametrize("text, expected", [
    # a commune's and a district's bodies as local texts abbreviate them
    ("BCHQS xã phối hợp với Công an xã tổ chức ứng trực 24/24 giờ.", [("BCHQS xã", ["Công an xã"])]),
    ("TYT xã chuẩn bị cơ số thuốc, hóa chất phục vụ phòng chống dịch.", [("TYT xã", [])]),
    ("TTYT huyện phối hợp với UBND các xã giám sát dịch bệnh.", [("TTYT huyện", ["UBND các xã"])]),
    ("BCĐ PCTT&TKCN xã chỉ đạo các thôn sơ tán dân ra khỏi vùng nguy hiểm.", [("BCĐ PCTT&TKCN xã", [])]),
    ("Các cơ sở KCB thực hiện nghiêm việc phân luồng, cách ly người bệnh.", [("Các cơ sở KCB", [])]),
    ("Đề nghị các cơ sở khám, chữa bệnh bảo đảm thuốc, vật tư y tế.", [("Các cơ sở khám, chữa bệnh", [])]),
    # the province's newspaper and broadcaster merged in 2025, named with the province or "tỉnh"
    ("Giao Báo và Đài Phát thanh, Truyền hình Hòa Bình phối hợp với Sở Nội vụ tuyên truyền.",
     [("Báo và Đài Phát thanh, Truyền hình Hòa Bình", ["Sở Nội vụ"])]),
    ("Báo và Phát thanh, Truyền hình tỉnh mở chuyên mục tuyên truyền cải cách hành chính.",
     [("Báo và Phát thanh, Truyền hình tỉnh", [])]),
    # the 2025 steering boards on science, technology and digital transformation: names with commas
    ("Ban Chỉ đạo về phát triển khoa học, công nghệ, đổi mới sáng tạo, chuyển đổi số và Đề án 06 tỉnh đôn đốc "
     "các xã đẩy mạnh dịch vụ công trực tuyến.",
     [("Ban Chỉ đạo về phát triển khoa học, công nghệ, đổi mới sáng tạo, chuyển đổi số và Đề án 06 tỉnh", [])]),
    ("Sở Khoa học và Công nghệ phối hợp với Ban Chỉ đạo phát triển khoa học, công nghệ, đổi mới sáng tạo và "
     "chuyển đổi số tỉnh tham mưu kế hoạch.",
     [("Sở Khoa học và Công nghệ",
       ["Ban Chỉ đạo phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số tỉnh"])]),
    ("Bảo hiểm xã hội cơ sở phối hợp với UBND xã tuyên truyền chính sách.", [("Bảo hiểm xã hội cơ sở", ["UBND xã"])]),
    # a place's mass organisations are actors of their own, kept beside named leads (no catch-all)
    ("Đề nghị Mặt trận Tổ quốc và các đoàn thể xã tuyên truyền, vận động nhân dân.",
     [("Mặt trận Tổ quốc", []), ("Các đoàn thể xã", [])]),
    ("Đề nghị Ủy ban MTTQ huyện và các đoàn thể huyện vận động hội viên tham gia.",
     [("Ủy ban MTTQ huyện", []), ("Các đoàn thể huyện", [])]),
])
def test_bodies_local_texts_name_in_their_own_way(text, expected):
    assert tasks(text) == expected
