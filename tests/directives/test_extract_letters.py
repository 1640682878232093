"""How signed letters and notices hand their work: the salutation before a head's title, the body's
request to the addressee over numbered items, and the other ways a letter names who acts."""
from __future__ import annotations

import pytest

from directives import extract_text


def leads(text: str) -> list[str]:
    return [t.lead for t in extract_text(text).tasks]


@pytest.mark.parametrize("text, expected", [
    # "Đ/c", the short salutation, stands before the head's title as "đồng chí" does
    ("Bộ Tài chính đề nghị Đ/c Chủ tịch UBND tỉnh, thành phố chỉ đạo thực hiện một số nội dung sau:\n"
     "1. Rà soát các khoản nợ đọng thuế trên địa bàn.\n"
     "2. Chỉ đạo Sở Tài chính kiểm tra việc quyết toán dự án.\n",
     ["Chủ tịch UBND tỉnh, thành phố", "Chủ tịch UBND tỉnh, thành phố"]),
    ("UBND huyện yêu cầu đ/c Chủ tịch UBND xã kiểm tra hiện trạng khu đất, báo cáo trước ngày 20/3/2026.",
     ["Chủ tịch UBND xã"]),
    # a name standing after the salutation is a person, not a body: no lead of its own
    ("Ủy ban nhân dân xã cảm ơn đ/c Nguyễn Văn Hùng đã tham gia hiến đất làm đường.", []),
])
def test_short_salutation_before_a_title(text, expected):
    assert leads(text) == expected


def _tasks(text: str):
    return [(t.lead, t.deadline.isoformat() if t.deadline else None) for t in extract_text(text).tasks]


@pytest.mark.parametrize("text, expected", [
    # the request over plain paragraphs (no numbers, no bullets): each paragraph is the addressee's
    ("Kính gửi: Cục Thuế tỉnh Bình An.\n"
     "Thực hiện chỉ đạo của Bộ Tài chính, Tổng cục Thuế đề nghị Cục Thuế tỉnh Bình An thực hiện một số nội "
     "dung sau:\n"
     "Chỉ đạo Chi cục Thuế khu vực rà soát hồ sơ hoàn thuế tồn đọng, báo cáo trước ngày 30/6/2026.\n",
     [("Cục Thuế tỉnh Bình An", "2026-06-30")]),
    ("Kính gửi: Ủy ban nhân dân các xã.\n"
     "Để chuẩn bị mùa mưa bão, Phòng Kinh tế yêu cầu UBND các xã triển khai các nội dung sau:\n"
     "Kiểm tra, gia cố các tuyến đê bao trên địa bàn.\n"
     "Tổ chức diễn tập phương án sơ tán dân cư trước ngày 15/7/2026.\n",
     [("UBND các xã", None), ("UBND các xã", "2026-07-15")]),
    # an introduction that asks nobody ("… như sau:") does not hand the paragraphs after it to anyone
    ("Kết quả kiểm tra công tác cải cách hành chính năm 2025 như sau:\n"
     "Hầu hết các cơ quan đã niêm yết thủ tục hành chính đúng quy định.\n"
     "Một số hồ sơ còn giải quyết quá hạn.\n", []),
])
def test_request_over_plain_paragraphs(text, expected):
    assert _tasks(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the letter's own act before the request, no comma: "X chuyển Công văn … đề nghị Y …"
    ("Sở Y tế chuyển Công văn số 12/BYT-KCB và Công văn số 15/BYT-KCB đề nghị các bệnh viện tuyến huyện "
     "nghiên cứu, triển khai thực hiện.", ["Các bệnh viện tuyến huyện"]),
    ("Ủy ban nhân dân huyện gửi kèm Kế hoạch số 45/KH-UBND yêu cầu UBND các xã lập danh sách hộ cận nghèo.",
     ["UBND các xã"]),
    # a request reported, not made: "theo đề nghị của …"
    ("Sở Tài chính thẩm định dự toán theo đề nghị của Sở Xây dựng.", ["Sở Tài chính"]),
])
def test_request_after_the_senders_own_act(text, expected):
    assert leads(text) == expected


def test_date_on_the_number_line_and_a_subject_line_after_the_body():
    text = ("SỞ GIÁO DỤC VÀ ĐÀO TẠO\n"
            "Số: 12/SGDĐT-KHTC Bình An, ngày 29 tháng 4 năm 2026\n"
            "Kính gửi: Các Phòng Giáo dục và Đào tạo.\n"
            "Sở Giáo dục và Đào tạo đề nghị các Phòng Giáo dục và Đào tạo rà soát các lớp học xuống cấp, gửi "
            "báo cáo về Sở trước ngày 12/5.\n"
            "- Như trên;\n- Lưu: VT.\n"
            "V/v thống kê phòng học xuống cấp\n"
            "GIÁM ĐỐC\n")
    result = extract_text(text)
    assert result.document.issued.isoformat() == "2026-04-29"
    assert _tasks(text) == [("Các Phòng Giáo dục và Đào tạo", "2026-05-12")]


@pytest.mark.parametrize("text, expected", [
    # "- Như trên;" opens the recipients' list even when "Nơi nhận:" was lost beside it
    ("UBND xã yêu cầu các thôn rà soát hộ nghèo.\n- Như trên;\n- Lưu: VT.\n", ["Các thôn"]),
    ("Phòng Nội vụ đề nghị các trường học cập nhật hồ sơ viên chức.\n- Như trên.\n- Website Phòng.\n",
     ["Các trường học"]),
    # "như trên" inside an item is no list of recipients
    ("UBND huyện yêu cầu:\n- Các xã thực hiện như trên;\n- Phòng Y tế kiểm tra an toàn thực phẩm.\n",
     ["Các xã", "Phòng Y tế"]),
])
def test_as_above_opens_the_recipients(text, expected):
    assert leads(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the window the announcing sentence names dates each item under it
    ("Để hoàn thành các công việc trong tháng 9/2026, Chủ tịch UBND xã chỉ đạo:\n"
     "- Công an xã tăng cường tuần tra ban đêm.\n- Các thôn rà soát danh sách hộ nghèo.\n",
     [("Công an xã", "2026-09-30"), ("Các thôn", "2026-09-30")]),
    ("Nhằm hoàn thành kế hoạch trong quý III năm 2026, Giám đốc Sở yêu cầu:\n"
     "- Phòng Kế hoạch - Tài chính tổng hợp số liệu giải ngân.\n",
     [("Phòng Kế hoạch - Tài chính", "2026-09-30")]),
    # an item with a date of its own keeps it
    ("Để hoàn thành các công việc trong tháng 9/2026, Chủ tịch UBND xã chỉ đạo:\n"
     "- Công an xã báo cáo trước ngày 15/9/2026.\n",
     [("Công an xã", "2026-09-15")]),
])
def test_announcing_sentence_dates_its_items(text, expected):
    assert _tasks(text) == expected


@pytest.mark.parametrize("text, expected", [
    # "Nhiệm vụ của <task force named after its work, with commas>:" over its duties
    ("Điều 1. Thành lập Tổ kiểm tra, giám sát, đôn đốc giải ngân vốn đầu tư công.\n"
     "Điều 2. Nhiệm vụ của Tổ kiểm tra, giám sát, đôn đốc giải ngân vốn đầu tư công:\n"
     "- Kiểm tra tiến độ thực hiện các dự án.\n- Báo cáo Chủ tịch UBND huyện kết quả hằng tháng.\n"
     "- Tổ kiểm tra, giám sát, đôn đốc giải ngân vốn đầu tư công tự giải thể sau khi hoàn thành nhiệm vụ.\n",
     ["Tổ kiểm tra, giám sát, đôn đốc giải ngân vốn đầu tư công"] * 2),
    ("Điều 2. Trách nhiệm của Đoàn kiểm tra liên ngành về an toàn thực phẩm và phòng, chống dịch:\n"
     "a) Xây dựng kế hoạch kiểm tra các cơ sở kinh doanh.\n",
     ["Đoàn kiểm tra liên ngành về an toàn thực phẩm và phòng, chống dịch"]),
    # a time or a place in the title ends the name: no body named, nobody handed the bullets
    ("Điều 2. Nhiệm vụ của Tổ trong thời gian diễn ra bầu cử, tại các điểm bỏ phiếu:\n"
     "- Giữ gìn trật tự tại khu vực bỏ phiếu.\n", []),
])
def test_duties_of_a_task_force_named_after_its_work(text, expected):
    assert leads(text) == expected


@pytest.mark.parametrize("text, expected", [
    # "Giao X chủ trì …:" as a plain paragraph with the lettered items set after it (a letter ranks
    # above a paragraph, so the items are its siblings): X leads each item, until the next title
    ("II. NHIỆM VỤ TRỌNG TÂM\n1. Về cải cách thể chế\nGiao Sở Tư pháp chủ trì, phối hợp với các cơ quan liên quan:\n"
     "a) Rà soát văn bản quy phạm pháp luật của tỉnh.\nb) Tham mưu bãi bỏ các văn bản không còn phù hợp.\n"
     "2. Về tài chính công\nGiao Sở Tài chính:\na) Bố trí kinh phí cho cấp xã.\n",
     [("Sở Tư pháp", ["các cơ quan liên quan"])] * 2 + [("Sở Tài chính", [])]),
    ("I. NHIỆM VỤ\n1. Phòng Y tế kiểm tra an toàn thực phẩm tại các chợ.\nII. TỔ CHỨC THỰC HIỆN\n"
     "Phòng Nội vụ chủ trì, phối hợp với Văn phòng HĐND và UBND huyện:\n"
     "1. Theo dõi, đôn đốc việc thực hiện Thông báo này.\n2. Tổng hợp kết quả, báo cáo UBND huyện hằng quý.\n",
     [("Phòng Y tế", [])] + [("Phòng Nội vụ", ["Văn phòng HĐND và UBND huyện"])] * 2),
    # a paragraph that names nobody ("… như sau:") leads no item after it
    ("II. NHIỆM VỤ TRỌNG TÂM\n1. Về cải cách thể chế\nKết quả rà soát năm 2025 như sau:\n"
     "a) Tổng số văn bản được rà soát là 120 văn bản.\n", []),
])
def test_lead_in_paragraph_over_the_items_after_it(text, expected):
    assert [(t.lead, t.coordinators) for t in extract_text(text).tasks] == expected


@pytest.mark.parametrize("text, expected", [
    # "BTL" (Bộ Tư lệnh) heads a military body's name as "Bộ Tư lệnh" does
    ("BTL Bộ đội Biên phòng chỉ đạo các đồn biên phòng tăng cường tuần tra.", ["BTL Bộ đội Biên phòng"]),
    ("Đề nghị BTL Cảnh sát biển bố trí tàu trực cứu nạn tại các vùng biển.", ["BTL Cảnh sát biển"]),
    # the body a report goes to is no lead
    ("Các đơn vị báo cáo kết quả về BTL Quân khu trước ngày 30/10/2026.", ["Các đơn vị"]),
])
def test_military_command_abbreviated(text, expected):
    assert leads(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the opinions asked for, then a paragraph on where and by when to send them: the same task, dated
    ("Sở Tư pháp đề nghị các sở, ngành tham gia ý kiến vào dự thảo Quyết định ban hành Quy chế phối hợp.\n"
     "Ý kiến tham gia đề nghị gửi về Sở Tư pháp trước ngày 15/10/2026 để tổng hợp.\n",
     [("Các sở, ngành", "2026-10-15")]),
    ("Bộ Y tế đề nghị UBND các tỉnh góp ý dự thảo Thông tư hướng dẫn khám sức khỏe.\n"
     "Văn bản góp ý xin gửi về Vụ Pháp chế, Bộ Y tế trước ngày 20/11/2026.\n",
     [("UBND các tỉnh", "2026-11-20")]),
    # the paper named with whose it is, the units listed at length, ending the letter with "./."
    ("Sở Nội vụ đề nghị các sở, ban, ngành và UBND các huyện, thị xã rà soát, bổ sung số liệu vào dự thảo Báo cáo.\n"
     "Văn bản tham gia ý kiến của các sở, ban, ngành và Ủy ban nhân dân các huyện, thị xã, thành phố thuộc tỉnh "
     "đề nghị gửi về Sở Nội vụ trước ngày 25/10/2026 để tổng hợp, hoàn thiện dự thảo Báo cáo./.\n",
     [("Các sở, ban, ngành", "2026-10-25"), ("UBND các huyện, thị xã", "2026-10-25")]),
    ("Bộ Tài chính đề nghị các bộ, cơ quan ngang bộ cho ý kiến đối với dự thảo Nghị định.\n"
     "Ý kiến góp ý của các bộ, cơ quan ngang bộ xin gửi về Bộ Tài chính trước ngày 05/12/2026, "
     "trình Chính phủ xem xét, quyết định./.\n",
     [("Các bộ, cơ quan ngang bộ", "2026-12-05")]),
    # a task that asked for no opinion is not dated by where the opinions go
    ("Sở Tư pháp đề nghị các sở, ngành rà soát văn bản quy phạm pháp luật.\n"
     "Ý kiến tham gia đề nghị gửi về Sở Tư pháp trước ngày 15/10/2026.\n",
     [("Các sở, ngành", None)]),
])
def test_where_the_opinions_go_dates_the_request(text, expected):
    assert _tasks(text) == expected


_FIRST = "I. NHIỆM VỤ\n1. Sở Y tế kiểm tra an toàn thực phẩm tại các chợ.\n"


@pytest.mark.parametrize("text, expected", [
    # a title in capitals: "PHÂN CÔNG"/"GIAO" hands work only to words that name a body
    (_FIRST + "II. NỘI DUNG, TIẾN ĐỘ, PHÂN CÔNG TRÁCH NHIỆM THỰC HIỆN\n1. Nội dung: tổ chức hội nghị cử tri.\n"
     "- Thời gian: trước ngày 10/12/2026.\n", ["Sở Y tế"]),
    (_FIRST + "III. GIAO NHIỆM VỤ CỤ THỂ\n- Rà soát danh sách hộ nghèo.\n", ["Sở Y tế"]),
    # … and a body named in capitals still leads the items below
    (_FIRST + "II. GIAO UBND CÁC XÃ\n- Rà soát danh sách hộ nghèo.\n", ["Sở Y tế", "UBND CÁC XÃ"]),
    (_FIRST + "II. GIAO CÁC SỞ, BAN, NGÀNH\n- Rà soát danh sách hộ nghèo.\n", ["Sở Y tế", "CÁC SỞ, BAN, NGÀNH"]),
])
def test_capital_title_hands_only_to_bodies(text, expected):
    assert leads(text) == expected


@pytest.mark.parametrize("text, expected", [
    # "Các <kind> của <body>" as a section title: one group, the lead of its items
    (_FIRST + "II. TỔ CHỨC THỰC HIỆN\n1. Các tổ chức thành viên của MTTQ xã\n"
     "- Cử đại diện lãnh đạo tham dự các hội nghị.\n", ["Sở Y tế", "Các tổ chức thành viên của MTTQ xã"]),
    (_FIRST + "II. TỔ CHỨC THỰC HIỆN\n2. Các phòng chuyên môn của UBND huyện\n"
     "- Rà soát thủ tục hành chính thuộc lĩnh vực quản lý.\n",
     ["Sở Y tế", "Các phòng chuyên môn của UBND huyện"]),
    # a post named by its field over its items
    (_FIRST + "II. TỔ CHỨC THỰC HIỆN\n3. Cán bộ phụ trách lĩnh vực giám sát và phản biện xã hội\n"
     "- Chuẩn bị tài liệu cho các hội nghị.\n",
     ["Sở Y tế", "Cán bộ phụ trách lĩnh vực giám sát và phản biện xã hội"]),
    (_FIRST + "II. TỔ CHỨC THỰC HIỆN\n4. Các Phó Chủ tịch phụ trách lĩnh vực văn hóa, xã hội\n"
     "- Chỉ đạo các trường học tổ chức tuyên truyền.\n",
     ["Sở Y tế", "Các Phó Chủ tịch phụ trách lĩnh vực văn hóa, xã hội"]),
    # an item that says what someone is in charge of, ending its sentence, is no title
    (_FIRST + "II. TỔ CHỨC THỰC HIỆN\n3. Cán bộ văn hóa phụ trách công tác tuyên truyền.\n", ["Sở Y tế"]),
])
def test_headings_naming_groups_and_posts(text, expected):
    assert leads(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a post and, after a comma, the field it is in charge of: one lead in a labeled item
    ("II. NỘI DUNG\n1. Xây dựng kế hoạch tuyên truyền về bầu cử.\n"
     "- Đơn vị chủ trì: Đồng chí Phó Chủ tịch Thường trực, phụ trách lĩnh vực tuyên truyền\n"
     "- Đơn vị phối hợp: Văn phòng UBND xã.\n- Thời gian hoàn thành: tháng 11/2026.\n",
     [("Phó Chủ tịch Thường trực, phụ trách lĩnh vực tuyên truyền", "2026-11-30")]),
    ("II. NỘI DUNG\n1. Rà soát danh sách cử tri.\n"
     "- Cơ quan chủ trì: Phó Giám đốc Sở, phụ trách công tác văn phòng.\n- Thời hạn: trước ngày 15/12/2026.\n",
     [("Phó Giám đốc Sở, phụ trách công tác văn phòng", "2026-12-15")]),
    # two bodies after a comma stay two leads
    ("II. NỘI DUNG\n1. Rà soát danh sách cử tri.\n"
     "- Cơ quan chủ trì: Sở Nội vụ, Sở Tư pháp.\n- Thời hạn: trước ngày 15/12/2026.\n",
     [("Sở Nội vụ", "2026-12-15"), ("Sở Tư pháp", "2026-12-15")]),
])
def test_post_in_charge_of_a_field_in_a_lead_cell(text, expected):
    assert _tasks(text) == expected


def _rows(text: str):
    return [(t.lead, t.deadline.isoformat() if t.deadline else None, t.output) for t in extract_text(text).tasks]


@pytest.mark.parametrize("text, expected", [
    # the item's requirements stand between its numbered title and its labeled lines; "Kết quả:" is
    # the product; "Thời gian hoàn thành: Dự kiến tháng …" still dates it
    ("II. NỘI DUNG\n1.1. Xây dựng Hướng dẫn tổ chức hội nghị cử tri.\n"
     "- Bảo đảm thống nhất với hướng dẫn của cấp trên.\n- Các văn bản phải phân công cụ thể cho từng thành viên.\n"
     "- Thời gian hoàn thành: Dự kiến tháng 11/2026.\n- Đơn vị chủ trì: Văn phòng UBND xã\n"
     "- Kết quả: Dự thảo Hướng dẫn trình Chủ tịch UBND xã.\n",
     [("Văn phòng UBND xã", "2026-11-30", "Dự thảo Hướng dẫn trình Chủ tịch UBND xã")]),
    ("II. NỘI DUNG\na) Rà soát hồ sơ đất đai tồn đọng.\n- Ưu tiên các hồ sơ quá hạn.\n"
     "- Cơ quan chủ trì: Phòng Kinh tế.\n- Thời hạn: dự kiến trước ngày 20/12/2026.\n",
     [("Phòng Kinh tế", "2026-12-20", None)]),
    # dashed lines with no labeled lines after them stay what they are: no item of the title above
    ("II. NỘI DUNG\n1. Xây dựng Hướng dẫn tổ chức hội nghị cử tri.\n- Phòng Văn hóa chủ trì soạn thảo.\n"
     "- Văn phòng UBND xã in ấn tài liệu.\n",
     [("Phòng Văn hóa", None, None), ("Văn phòng UBND xã", None, None)]),
])
def test_labeled_item_with_requirements_before_its_fields(text, expected):
    assert _rows(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a role and what it is the role over, as a title over the items it leads
    (_FIRST + "II. TỔ CHỨC THỰC HIỆN\n2. Chủ dự án thành phần:\na) Lập kế hoạch thực hiện giai đoạn 2026-2030.\n"
     "b) Xây dựng chỉ số giám sát, đánh giá dự án.\n", ["Sở Y tế", "Chủ dự án thành phần", "Chủ dự án thành phần"]),
    (_FIRST + "II. TỔ CHỨC THỰC HIỆN\n3. Cơ quan chủ quản Chương trình:\na) Lập kế hoạch thực hiện hằng năm.\n",
     ["Sở Y tế", "Cơ quan chủ quản Chương trình"]),
    ("Các chủ dự án lập báo cáo nghiên cứu khả thi, trình cấp có thẩm quyền phê duyệt.", ["Các chủ dự án"]),
    # the role as an object of another unit's work leads nothing
    ("Sở Tài chính hướng dẫn các chủ dự án thành phần lập kế hoạch vốn năm 2027.", ["Sở Tài chính"]),
])
def test_role_over_its_object_as_title(text, expected):
    assert leads(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a unit handed the work of informing or sending has a task; the sending formula is the issuer's
    ("Giao UBND các xã thông báo cho người dân biết để chủ động phòng tránh lũ quét.", ["UBND các xã"]),
    ("Sở Giáo dục và Đào tạo đề nghị các trường gửi cho Sở danh sách giáo viên trước ngày 10/5/2026.",
     ["Các trường"]),
    ("UBND huyện thông báo để các cơ quan, đơn vị biết, thực hiện./.", []),
    # "X thông báo để Y <work of its own>": Y leads that work; "… để Y biết, thực hiện" hands nothing
    ("Cục Thuế thông báo để các Chi cục Thuế hướng dẫn người nộp thuế kê khai bổ sung.", ["Các Chi cục Thuế"]),
    ("Sở Tài chính thông báo để UBND các huyện chỉ đạo các đơn vị dự toán lập hồ sơ quyết toán.",
     ["UBND các huyện"]),
    ("Văn phòng UBND tỉnh thông báo để các sở, ngành biết và thực hiện.", []),
])
def test_informing_as_work_and_the_sending_formula(text, expected):
    assert leads(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a unit asked to carry out the items below, without "Giao" or "Đề nghị", leads them
    ("II. NHIỆM VỤ\nSở Y tế cần tập trung triển khai các nhiệm vụ trọng tâm sau:\n1. Rà soát các chỉ tiêu y tế.\n"
     "2. Đẩy mạnh tiêm chủng mở rộng.\n", ["Sở Y tế", "Sở Y tế"]),
    ("II. NHIỆM VỤ\nĐể hoàn thành kế hoạch năm, Ủy ban nhân dân huyện Tân Lập phải thực hiện một số nội dung sau:\n"
     "1. Đẩy nhanh giải ngân vốn đầu tư công.\n", ["Ủy ban nhân dân huyện Tân Lập"]),
    # urged on, without "cần": "tập trung / khẩn trương thực hiện … sau:"
    ("Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương tập trung thực hiện một số giải pháp sau:\n"
     "1. Rà soát các khu dân cư ven sông.\n", ["Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương"]),
    ("Phòng Nội vụ khẩn trương triển khai các nhiệm vụ sau:\n- Rà soát biên chế.\n- Lập danh sách dôi dư.\n",
     ["Phòng Nội vụ", "Phòng Nội vụ"]),
    # what a unit has done, listed below, is no work handed to it
    ("II. KẾT QUẢ\nSở Y tế đã triển khai các nhiệm vụ sau:\n1. Rà soát các chỉ tiêu y tế.\n", []),
    ("II. KẾT QUẢ\nSở Y tế đã tập trung triển khai các nhiệm vụ sau:\n1. Rà soát các chỉ tiêu y tế.\n", []),
])
def test_a_unit_asked_to_carry_out_the_items_below_leads_them(text, expected):
    assert [t.lead for t in extract_text(text).tasks] == expected


@pytest.mark.parametrize("text, expected", [
    # a place by its level and name, lowercase, after a long purpose, stating what it must do
    ("Để tiếp tục tháo gỡ các khó khăn, vướng mắc trong phát triển kinh tế - xã hội, giải ngân vốn đầu tư công, "
     "đạt mục tiêu tăng trưởng của Tỉnh, góp phần vào mục tiêu chung, tỉnh Hòa Bình cần tiếp tục thực hiện quyết "
     "liệt các chủ trương của Đảng, trong đó tập trung thực hiện một số nội dung trọng tâm sau:\n"
     "1. Rà soát các chỉ tiêu phát triển kinh tế.\n2. Đẩy mạnh giải ngân đầu tư công.\n",
     ["Tỉnh Hòa Bình", "Tỉnh Hòa Bình"]),
    ("Tuy nhiên, thành phố Tân Lập cần có giải pháp khắc phục những hạn chế trong giải ngân.\n",
     ["Thành phố Tân Lập"]),
    # what the place did is no work
    ("Trong năm qua, tỉnh Hòa Bình đã đạt nhiều kết quả quan trọng.\n", []),
])
def test_a_place_in_lowercase_stating_what_it_must_do_leads(text, expected):
    assert [t.lead for t in extract_text(text).tasks] == expected
