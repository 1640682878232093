"""Rules learned from batch 34 after its single run on the engine it was labelled after (a city's letters
with report indicators, document lists and roles; a ministry's decision on allowances). Bodies, places and
people below are invented or generic."""
from __future__ import annotations

from datetime import date

from directives import extract_text
from directives.dates import find_recurrence
from directives.names import is_predicate_at, parse_unit_list
from directives.normalize import paragraphs
from directives.structure import build
from directives.tasks import coordinators_in
from directives.text import tokenize


def tasks(text: str) -> list[tuple[str, list[str], str | None, str | None, str]]:
    return [(t["lead"], t["coordinators"], t["deadline"], t["recurrence"], t["summary"])
            for t in extract_text(text, issued=None).to_contract()["tasks"]]


def leads(text: str) -> list[str]:
    return [u.text for u in parse_unit_list(text, tokenize(text), 0, raw=True)[0]]


LETTER = """UBND Thành phố yêu cầu các sở, ban, ngành, UBND các xã, phường thực hiện một số nội dung sau:
1. Yêu cầu chung:
1.1. Nghiên cứu, quán triệt và thực hiện nghiêm túc quy định pháp luật về đấu thầu:
- Ý kiến chỉ đạo của Ban Thường vụ Thành ủy tại Văn bản số 12-CV/TU ngày 02/11/2026.
- Nghị định số 20/2026/NĐ-CP ngày 04/8/2026 của Chính phủ quy định chi tiết một số điều.
- Chỉ thị số 05/CT-TTg ngày 29/7/2026 của Thủ tướng Chính phủ về đẩy mạnh thi hành Luật Đấu thầu.
1.2. Đối với công tác lựa chọn nhà thầu:
- Lựa chọn tư vấn đấu thầu có đủ năng lực, kinh nghiệm, uy tín.
2. Về công tác báo cáo:
2.1. Báo cáo định kỳ hàng tháng:
Yêu cầu UBND các xã, phường báo cáo số liệu định kỳ hàng tháng trên Hệ thống mạng đấu thầu quốc gia, bao gồm:
(1). Tổng số gói thầu theo kế hoạch được duyệt trong kỳ báo cáo;
(2). Tổng giá trị trúng thầu trong kỳ báo cáo;
(3). Tỷ lệ tiết kiệm trong đấu thầu.
2.2. Trách nhiệm tổng hợp báo cáo:
- Báo cáo tháng: Sở Tài chính tổng hợp báo cáo tình hình thực hiện hoạt động đấu thầu của Thành phố.
Trong quá trình triển khai thực hiện, nếu phát sinh vướng mắc, cơ quan, đơn vị chủ động liên hệ với Sở Tài chính để được hướng dẫn.
"""


def test_a_list_of_documents_to_study_is_one_task_for_each_unit() -> None:
    found = tasks(LETTER)
    studied = [t for t in found if t[4].startswith("Nghiên cứu, quán triệt")]
    assert [t[0] for t in studied] == ["Các sở, ban, ngành", "UBND các xã, phường"]
    assert not any(t[4].startswith(("Ý kiến chỉ đạo", "Nghị định", "Chỉ thị")) for t in found)


def test_a_document_cited_by_number_is_no_verb() -> None:
    assert not is_predicate_at(tokenize("Chỉ thị số 05/CT-TTg của Thủ tướng"), 0, weak=False)
    assert not is_predicate_at(tokenize("Kết luận 12-KL/TU của Ban Thường vụ"), 0, weak=False)
    assert is_predicate_at(tokenize("Chỉ thị các đơn vị khẩn trương rà soát"), 0, weak=False)


def test_the_indicators_a_report_holds_are_no_tasks() -> None:
    found = tasks(LETTER)
    reports = [t for t in found if t[0] == "UBND các xã, phường" and t[3] == "monthly"]
    assert len(reports) == 1 and reports[0][4].startswith("Báo cáo số liệu")
    assert not any(t[4].startswith(("Tổng số", "Tổng giá trị", "Tỷ lệ")) for t in found)


def test_numbered_items_in_brackets_after_a_colon_belong_to_the_paragraph() -> None:
    text = "2.1. Báo cáo:\nYêu cầu các xã báo cáo số liệu, bao gồm:\n(1). Tổng số gói thầu;\n(2). Tổng giá trị.\n"
    blocks = build(paragraphs(text), 0)
    assert [b.parent.text[:8] if b.parent else None for b in blocks] == [None, "Báo cáo:", "Yêu cầu ", "Yêu cầu "]
    # at the top of a text, "(1)", "(2)" stay the document's own items
    top = build(paragraphs("Bộ đề nghị các đơn vị thực hiện các nội dung sau:\n(1) Rà soát hồ sơ.\n(2) Báo cáo Bộ.\n"), 0)
    assert [b.parent for b in top] == [None, None, None]


def test_a_short_label_before_a_named_body_gives_that_body_the_work() -> None:
    found = tasks(LETTER)
    assert ("Sở Tài chính", [], None, None, "Tổng hợp báo cáo tình hình thực hiện hoạt động đấu thầu…") in found
    # an item's fields are no label of a body: "Địa điểm: Sở X, địa chỉ: …"
    assert tasks("2. Địa điểm: Sở Công Thương tỉnh Xa, địa chỉ: Số 16 đường Ya.\n") == []


def test_the_closing_formula_with_bare_kinds_is_no_task() -> None:
    assert not any(t[4].startswith("Trong quá trình") for t in tasks(LETTER))


def test_units_described_by_the_role_they_were_given() -> None:
    assert leads("UBND các xã, phường, các đơn vị được giao làm Bên mời thầu dự án đấu thầu lựa chọn nhà đầu tư:") \
        == ["UBND các xã, phường", "các đơn vị được giao làm Bên mời thầu dự án đấu thầu lựa chọn nhà đầu tư"]
    assert leads("các đơn vị được giao nhiệm vụ Chủ đầu tư, Bên mời thầu, căn cứ quy định") == \
        ["các đơn vị được giao nhiệm vụ Chủ đầu tư, Bên mời thầu"]
    assert leads("Các đơn vị được giao nhiệm vụ khẩn trương triển khai") == ["Các đơn vị được giao nhiệm vụ"]


def test_initials_narrowing_a_kind_are_part_of_it() -> None:
    assert leads("các Sở, ngành, UBND các xã, phường và các cơ sở KCB BHYT trên địa bàn Thành phố thực hiện") == \
        ["các Sở, ngành", "UBND các xã, phường", "các cơ sở KCB BHYT trên địa bàn Thành phố"]
    text = ("UBND Thành phố yêu cầu các Sở, ngành thực hiện:\n1. Sở Y tế\n- Kiểm tra việc kê đơn thuốc.\n"
            "2. Các cơ sở KCB BHYT trên địa bàn Thành phố\n- Tự kiểm tra, rà soát công tác khám bệnh.\n")
    assert [t[0] for t in tasks(text)] == ["Sở Y tế", "Các cơ sở KCB BHYT trên địa bàn Thành phố"]


def test_an_annex_listing_bodies_by_name_gives_no_work() -> None:
    text = ("Đề nghị Sở Xây dựng đôn đốc các đơn vị thu gom chất thải (theo danh sách tại Phụ lục).\n"
            "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn Xa\nPHỤ LỤC\n"
            "DANH SÁCH CÁC ĐƠN VỊ THU GOM CHẤT THẢI\n1. Công ty Cổ phần Dịch vụ môi trường Xa\n"
            "2. Công ty TNHH Môi trường Đô thị Ya\n")
    assert [t[0] for t in tasks(text)] == ["Sở Xây dựng"]


def test_an_allowance_paid_monthly_is_no_cadence() -> None:
    assert find_recurrence("ra quyết định hưởng trợ cấp hàng tháng thuộc thẩm quyền") is None
    assert find_recurrence("ra quyết định hưởng trợ cấp một lần và hàng tháng") is None
    assert find_recurrence("chi trả lương hằng tháng cho người lao động") is None
    assert find_recurrence("báo cáo kết quả hàng tháng") == "monthly"
    assert leads("Bộ Tư lệnh quân khu ra quyết định hưởng trợ cấp") == ["Bộ Tư lệnh quân khu"]


def test_a_bare_council_shares_the_place_of_the_body_after_it() -> None:
    assert leads("HĐND, UBND các xã tổ chức") == ["HĐND các xã", "UBND các xã"]
    assert leads("Hội đồng nhân dân, Ủy ban nhân dân các xã, phường: tổ chức") == \
        ["Hội đồng nhân dân các xã, phường", "Ủy ban nhân dân các xã, phường"]
    assert leads("Đảng ủy, UBND xã Xa tổ chức") == ["Đảng ủy xã Xa", "UBND xã Xa"]
    assert leads("Sở Y tế, UBND các huyện tổ chức") == ["Sở Y tế", "UBND các huyện"]


def test_partners_named_after_their_kind_and_a_colon() -> None:
    assert [u.text for u in coordinators_in(
        "phối hợp chặt chẽ với các lực lượng: Công an, Bộ đội Biên phòng, Quản lý thị trường kiểm tra")] == \
        ["Công an", "Bộ đội Biên phòng", "Quản lý thị trường"]
    assert [u.text for u in coordinators_in("phối hợp với các cơ quan liên quan thực hiện")] == \
        ["các cơ quan liên quan"]


def test_forces_named_after_their_kind_are_the_partners() -> None:
    def partners(text: str) -> list[str]:
        return [u.text for u in coordinators_in(text)]
    assert partners("Công an tỉnh chủ trì, phối hợp chặt chẽ với lực lượng Bộ đội Biên phòng, Hải quan, Quản lý thị "
                    "trường tăng cường kiểm tra") == ["Bộ đội Biên phòng", "Hải quan", "Quản lý thị trường"]
    assert partners("phối hợp chặt chẽ với các lực lượng Bộ đội Biên phòng, Cảnh sát biển, Hải quan trong trao đổi "
                    "thông tin") == ["Bộ đội Biên phòng", "Cảnh sát biển", "Hải quan"]
    assert partners("phối hợp với các lực lượng chức năng trong tỉnh như Công an, Biên phòng, Quản lý thị trường "
                    "kiểm tra") == ["Công an", "Biên phòng", "Quản lý thị trường"]
    assert partners("phối hợp với các cơ quan liên quan trên địa bàn thực hiện") == ["các cơ quan liên quan trên địa bàn"]


def test_an_area_narrows_which_units_act() -> None:
    assert leads("Bí thư tỉnh ủy, thành ủy; Chủ tịch Ủy ban nhân dân các tỉnh, thành phố tại khu vực dự báo xảy ra "
                 "mưa, lũ tập trung lãnh đạo")[-1] == \
        "Chủ tịch Ủy ban nhân dân các tỉnh, thành phố tại khu vực dự báo xảy ra mưa, lũ"
    assert leads("UBND các xã tại khu vực ven biển chủ động sơ tán dân") == ["UBND các xã tại khu vực ven biển"]
    assert leads("UBND các huyện tại khu vực này. Các xã") == ["UBND các huyện"]


def test_a_daily_duty_has_no_cadence_in_the_contract_but_is_reminded_daily() -> None:
    text = "UBND xã yêu cầu Công an xã báo cáo tình hình trước 16 giờ hằng ngày.\n"
    assert [t.recurrence for t in extract_text(text).tasks] == ["daily"]
    assert [t["recurrence"] for t in extract_text(text).to_contract()["tasks"]] == [None]
    weekly = "UBND xã yêu cầu Công an xã báo cáo tình hình vào thứ Sáu hằng tuần.\n"
    assert [t["recurrence"] for t in extract_text(weekly).to_contract()["tasks"]] == ["weekly"]


CONCLUSION = """THÔNG BÁO
KẾT LUẬN CỦA PHÓ THỦ TƯỚNG TẠI BUỔI LÀM VIỆC VỚI LÃNH ĐẠO TỈNH XA
Sau khi nghe báo cáo của tỉnh Xa, Phó Thủ tướng kết luận như sau:
I. ĐÁNH GIÁ CHUNG
Tình hình kinh tế - xã hội của tỉnh có nhiều chuyển biến.
II. MỘT SỐ NHIỆM VỤ, GIẢI PHÁP
1. Về tăng trưởng kinh tế:
Tỉnh cần tập trung lãnh đạo, chỉ đạo để hoàn thành cao nhất các chỉ tiêu năm 2026.
2. Rà soát, điều chỉnh quy hoạch tỉnh.
III. VỀ MỘT SỐ KIẾN NGHỊ CỦA TỈNH
Giao Bộ Xây dựng chủ trì xem xét, quyết định theo thẩm quyền.
Văn phòng Chính phủ thông báo để Ủy ban nhân dân tỉnh Xa và các Bộ, cơ quan liên quan biết, thực hiện./.
"""


def test_a_conclusions_section_that_speaks_of_the_province_names_the_province() -> None:
    assert [t[0] for t in tasks(CONCLUSION)] == ["Tỉnh Xa", "Tỉnh Xa", "Bộ Xây dựng"]
    # items that do not name the province go to the committee the notice is sent to
    plain = CONCLUSION.replace("Tỉnh cần tập trung", "Tập trung")
    assert [t[0] for t in tasks(plain)] == ["Ủy ban nhân dân tỉnh Xa", "Ủy ban nhân dân tỉnh Xa", "Bộ Xây dựng"]


def test_a_letter_reported_on_its_own_day_hands_its_work_on() -> None:
    text = "Ngày 9/5/2026, UBND huyện Xa có văn bản chỉ đạo UBND các xã, thị trấn tăng cường bảo vệ rừng.\n"
    assert [t.lead for t in extract_text(text, issued=date(2026, 5, 9)).tasks] == ["UBND các xã, thị trấn"]
    # a day's news of what happened is still no work
    past = "Ngày 9/5/2026, UBND huyện Xa tổ chức hội nghị tổng kết công tác bảo vệ rừng.\n"
    assert extract_text(past, issued=date(2026, 5, 12)).tasks == []


def test_the_groups_surveyed_or_invited_are_no_leads() -> None:
    text = ("Bộ Nội vụ hướng dẫn các bộ, tỉnh như sau:\n2. Về công tác điều tra xã hội học\n"
            "b) Đối tượng, số lượng mẫu điều tra:\n- Đối với Chỉ số cấp tỉnh, điều tra 05 nhóm đối tượng:\n"
            "+ Lãnh đạo cấp sở: Khảo sát tất cả lãnh đạo các sở.\n"
            "c) Lập, gửi danh sách đối tượng điều tra:\nCác bộ, tỉnh tổng hợp, nhập danh sách đối tượng điều tra.\n")
    assert [t[0] for t in tasks(text)] == ["Các bộ, tỉnh"]
    plan = ("II. THỜI GIAN, ĐỊA ĐIỂM, THÀNH PHẦN THAM DỰ HỘI NGHỊ\n1. Thời gian: dự kiến ngày 9/10/2026.\n"
            "2. Thành phần tham dự Hội nghị:\n- Tổ trưởng tổ dân phố, Trưởng thôn của các xã.\n"
            "III. PHÂN CÔNG NHIỆM VỤ\n1. Văn phòng Bộ: Chuẩn bị phòng họp.\n")
    assert [t[0] for t in tasks(plan)] == ["Văn phòng Bộ"]


def test_departments_named_by_their_codes() -> None:
    text = ("IV. PHÂN CÔNG NHIỆM VỤ\n1. C04:\n(1) Chủ trì, phối hợp với V01 chuẩn bị nội dung Hội nghị.\n"
            "(2) Chủ trì, phối hợp H01, V01 bố trí kinh phí tổ chức Hội nghị.\n2. V01:\n"
            "(1) Phối hợp với Văn phòng Chính phủ bảo đảm kết nối hệ thống trực tuyến.\n")
    assert [(t[0], t[1]) for t in tasks(text)] == [("C04", ["V01"]), ("C04", ["H01", "V01"]),
                                                    ("V01", ["Văn phòng Chính phủ"])]


DECISION = """QUYẾT ĐỊNH:
Điều 1. Thành lập Tổ giúp việc về Cải cách hành chính tỉnh Xa, gồm các ông (bà) có tên sau đây:
1. Tổ trưởng: Giám đốc Sở Nội vụ.
2. Tổ phó:
a) Giám đốc/Phó Giám đốc Sở Tư pháp phụ trách về công tác cải cách thể chế của tỉnh;
Điều 2. Chức năng, nhiệm vụ của Tổ giúp việc về Cải cách hành chính
Tổ giúp việc về Cải cách hành chính có nhiệm vụ giúp Ban Chỉ đạo tỉnh về công tác cải cách hành chính:
Tham mưu, đề xuất các chủ trương, chính sách để đẩy mạnh cải cách hành chính.
Chuẩn bị nội dung, tài liệu phục vụ cho các cuộc họp của Ban Chỉ đạo.
Điều 3. Quyết định này có hiệu lực kể từ ngày ký.
"""


def test_a_working_group_its_members_and_its_duties() -> None:
    found = tasks(DECISION)
    assert [t[0] for t in found] == ["Tổ giúp việc về Cải cách hành chính"] * 2
    assert [t[4][:9] for t in found] == ["Tham mưu,", "Chuẩn bị "]


def test_results_achieved_are_no_work_and_heeding_then_grounds_finds_the_subject() -> None:
    text = ("1. Về đánh giá tình hình\nTrong 3 năm qua, Văn phòng Xa và Văn phòng Ya đã nỗ lực, đạt được "
            "một số kết quả nổi bật như sau:\n(1) Công tác tham mưu có nhiều chuyển biến.\n"
            "(2) Công tác văn thư được nâng lên.\n2. Về nhiệm vụ trọng tâm\n"
            "Quán triệt sâu sắc ý kiến chỉ đạo của Ban Thường vụ; căn cứ vào nhiệm vụ đã nêu, Văn phòng Xa và "
            "Văn phòng Ya cụ thể hoá để tổ chức thực hiện, trong đó tập trung một số nhiệm vụ sau:\n"
            "(1) Nâng cao chất lượng công tác tham mưu.\n(2) Đẩy mạnh ứng dụng công nghệ thông tin.\n")
    found = tasks(text)
    # (the work said before the list is a task of its own)
    assert [t[0] for t in found] == ["Văn phòng Xa", "Văn phòng Ya"] * 3
    assert [t[4][:8] for t in found] == ["Cụ thể h", "Cụ thể h", "Nâng cao", "Nâng cao", "Đẩy mạnh", "Đẩy mạnh"]


def test_the_party_committees_of_the_levels_are_one_group() -> None:
    assert leads("Các tỉnh ủy, thành ủy, đảng ủy trực thuộc Trung ương chỉ đạo") == \
        ["Các tỉnh ủy, thành ủy, đảng ủy trực thuộc Trung ương"]
    assert leads("các huyện ủy, thị ủy, thành ủy thực hiện") == ["các huyện ủy, thị ủy, thành ủy"]
    assert leads("các cấp ủy, tổ chức đảng, chính quyền thực hiện") == ["các cấp ủy, tổ chức đảng, chính quyền"]


def test_those_in_a_trade_a_letter_addresses() -> None:
    assert leads("các Tổ chức, cá nhân hoạt động khoáng sản trên địa bàn tỉnh Xa thực hiện") == \
        ["các Tổ chức, cá nhân hoạt động khoáng sản trên địa bàn tỉnh Xa"]
    assert leads("các cơ quan, tổ chức, cá nhân có liên quan thực hiện") == ["các cơ quan, tổ chức, cá nhân có liên quan"]


def test_a_commune_notice_of_its_own_plan_and_its_posts() -> None:
    notice = ("UBND xã Xa thông báo kế hoạch tiêm phòng bệnh dại cho đàn chó năm 2026 cụ thể như sau:\n"
              "- Thời gian tiến hành: từ ngày 6/11 đến ngày 11/11/2026.\n- Giá tiền tiêm: 20.000 đồng/con.\n")
    assert tasks(notice) == []
    storm = ("Thường trực Đảng ủy xã yêu cầu:\n2. UBND xã, Ban chỉ huy phòng chống thiên tai: theo dõi sát diễn biến "
             "bão.\n3. Công an, Quân sự xã: sẵn sàng lực lượng, phương tiện hỗ trợ cứu hộ.\n")
    assert [t[0] for t in tasks(storm)] == ["UBND xã", "Ban chỉ huy phòng chống thiên tai", "Công an", "Quân sự xã"]


def test_kinds_joined_by_a_dash() -> None:
    assert leads("Thủ trưởng các sở - ngành, cơ quan, đơn vị thực hiện") == ["Thủ trưởng các sở - ngành, cơ quan, đơn vị"]
    assert leads("Các sở - ngành thực hiện") == ["Các sở - ngành"]
