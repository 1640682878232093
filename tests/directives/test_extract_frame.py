"""The document's frame as pasted from PDFs and web pages (issue 20): hard line breaks inside
header fields and sentences, a bullet alone on its line, a two-column header interleaved, the plan
a decision issues after its signature, and items whose parts are labeled lines ("- Cơ quan chủ
trì: …") instead of table cells. Every name of a place below is invented."""
from __future__ import annotations

import pytest

from directives import extract_text
from directives.fields import field_items
from directives.header import parse_header
from directives.normalize import paragraphs
from directives.structure import classify


def tasks(text: str) -> list[tuple]:
    return [(t.lead, t.coordinators, t.deadline.isoformat() if t.deadline else None)
            for t in extract_text(text).tasks]


def texts(text: str) -> list[str]:
    return [ln.text for ln in paragraphs(text)]


# --- reflow: lines broken where a PDF or a web page broke them --------------------------------

@pytest.mark.parametrize("raw, expected", [
    ("2. Các trường học:\n-\nHạn\nchế các hoạt động ngoại khóa đông người.",
     ["2. Các trường học:", "- Hạn chế các hoạt động ngoại khóa đông người."]),
    ("b)\nPhòng Văn hóa - Xã hội tổ chức kiểm tra.", ["b) Phòng Văn hóa - Xã hội tổ chức kiểm tra."]),
    ("+\nBáo cáo kết quả trước ngày 10/01/2026.", ["+ Báo cáo kết quả trước ngày 10/01/2026."]),
])
def test_a_marker_alone_on_its_line_takes_the_text_below(raw, expected):
    assert texts(raw) == expected


@pytest.mark.parametrize("raw, joined", [
    ("Điều 3. Chánh Văn phòng, Giám đốc các sở, Chủ tịch\nỦy ban nhân dân các xã chịu trách nhiệm thi hành "
     "Quyết định này.", True),
    ("Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Giám đốc\nSở Tài chính các tỉnh thực hiện.", True),
    ("Thực hiện ý kiến chỉ đạo của Đồng chí Phó Chủ tịch\nỦy ban nhân dân huyện Tân Bình tại cuộc họp.", True),
    # a signature's role stands alone: no running text before it
    ("Nơi nhận:\n- Như trên;\nGiám đốc\nNguyễn Văn An", False),
])
def test_a_head_title_ending_a_line_waits_for_its_body(raw, joined):
    lines = texts(raw)
    assert (len(lines) == 1) == joined or not joined and lines[-2:] == ["Giám đốc", "Nguyễn Văn An"]


@pytest.mark.parametrize("raw, expected", [
    ("II. NỘI\nDUNG\n1. Tổ chức tập huấn.", ["II. NỘI DUNG", "1. Tổ chức tập huấn."]),
    ("III. TỔ CHỨC\nTHỰC HIỆN", ["III. TỔ CHỨC THỰC HIỆN"]),
    ("2. KINH\nPHÍ THỰC HIỆN", ["2. KINH PHÍ THỰC HIỆN"]),
    # a full title over a caps subtitle that is a numbered section of its own stays apart
    ("I. MỤC ĐÍCH, YÊU CẦU CỦA KẾ HOẠCH\n1. MỤC ĐÍCH", ["I. MỤC ĐÍCH, YÊU CẦU CỦA KẾ HOẠCH", "1. MỤC ĐÍCH"]),
])
def test_a_numbered_caps_title_broken_after_a_word(raw, expected):
    assert texts(raw) == expected


@pytest.mark.parametrize("raw, expected", [
    ("- Nội dung: quy định chi tiết khoản 2, khoản 3\nĐiều 6; khoản 5 Điều 9 của Luật.",
     ["- Nội dung: quy định chi tiết khoản 2, khoản 3 Điều 6; khoản 5 Điều 9 của Luật."]),
    ("hướng dẫn điểm b khoản 4\nĐiều 31 Nghị định số 15.", ["hướng dẫn điểm b khoản 4 Điều 31 Nghị định số 15."]),
    # an article opening after a finished sentence is an article
    ("Điều 2. Quyết định này có hiệu lực từ ngày ký.\nĐiều 3. Chánh Văn phòng thi hành Quyết định này.",
     ["Điều 2. Quyết định này có hiệu lực từ ngày ký.", "Điều 3. Chánh Văn phòng thi hành Quyết định này."]),
])
def test_an_article_cited_after_a_clause_is_no_article_opening(raw, expected):
    assert texts(raw) == expected


def test_a_parenthetical_line_and_lone_cell_bars_stand_apart():
    raw = ("KẾ HOẠCH\n(Kèm theo Quyết định số /QĐ-UBND ngày\ntháng năm 2026 của UBND xã Hòa Phước)\n"
           "Để triển khai kịp thời Luật Phòng cháy, Ủy ban nhân dân xã ban hành Kế hoạch như sau:\n|\n|")
    assert texts(raw) == ["KẾ HOẠCH", "(Kèm theo Quyết định số /QĐ-UBND ngày tháng năm 2026 của UBND xã Hòa Phước)",
                          "Để triển khai kịp thời Luật Phòng cháy, Ủy ban nhân dân xã ban hành Kế hoạch như sau:"]


# --- header fields broken over lines --------------------------------------------------------

@pytest.mark.parametrize("raw, issuer, issued", [
    ("UBND THÀNH PHỐ HẢI\nCỘNG HÒA XÃ HỘI\nPHONG\nCHỦ NGHĨA VIỆT NAM\nSỞ Y TẾ\nĐộc lập - Tự do - Hạnh phúc\n"
     "Số: 812/SYT-NVY\nHải Phong, ngày 03\ntháng 12 năm 2025\nV/v tăng cường phòng chống dịch",
     "UBND THÀNH PHỐ HẢI PHONG SỞ Y TẾ", "2025-12-03"),
    ("BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG\nCỘNG HÒA XÃ\nHỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do -\nHạnh phúc\n"
     "Số: 45/CĐ-BNNMT\nHà Nội, ngày\n29 tháng 11 năm 2025", "BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG", "2025-11-29"),
    ("ỦY BAN NHÂN DÂN\nCỘNG HOÀ XÃ HỘI CHỦ NGHĨA\nXÃ TÂN PHÚ\nVIỆT NAM\nSố: 17/UBND\nTân Phú, ngày 05 tháng 01 năm 2026",
     "ỦY BAN NHÂN DÂN XÃ TÂN PHÚ", "2026-01-05"),
])
def test_the_motto_pieces_of_an_interleaved_header_are_not_the_issuer(raw, issuer, issued):
    info, _ = parse_header(paragraphs(raw))
    assert info.issuer == issuer
    assert info.issued is not None and info.issued.isoformat() == issued


@pytest.mark.parametrize("raw, issuer", [
    # a .docx or PDF header table: one row, the issuer's cell beside the motto's
    ("SỞ GIAO THÔNG VẬN TẢI | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\nSố: 214/SGTVT-QLGT | Cần Thơ, ngày 02 tháng 3 năm 2026 |",
     "SỞ GIAO THÔNG VẬN TẢI"),
    ("ỦY BAN NHÂN DÂN HUYỆN MỸ TÚ ------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 9/UBND\nMỹ Tú, ngày 9 tháng 1 năm 2026",
     "ỦY BAN NHÂN DÂN HUYỆN MỸ TÚ"),
    # two columns flattened onto each line, the motto's in mixed case
    ("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nHUYỆN ĐẦM HÀ Độc lập - Tự do - Hạnh phúc\n"
     "Số: 31/UBND-VP Đầm Hà, ngày 4 tháng 2 năm 2026", "ỦY BAN NHÂN DÂN HUYỆN ĐẦM HÀ"),
    ("BỘ CÔNG THƯƠNG Số: 77/BCT-TTTN\nHà Nội, ngày 6 tháng 5 năm 2026", "BỘ CÔNG THƯƠNG"),
    # a name broken after its first word, its rule and its number alone on their lines
    ("ỦY\nBAN NHÂN DÂN\nTỈNH KON TUM\n--------\n|\nCỘNG\nHÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
     "|\nSố:\n41/2026/QĐ-UBND\n|\nKon Tum, ngày 3 tháng 4 năm 2026", "ỦY BAN NHÂN DÂN TỈNH KON TUM"),
])
def test_the_issuer_keeps_its_own_column_only(raw, issuer):
    info, _ = parse_header(paragraphs(raw))
    assert info.issuer == issuer


def test_a_caps_line_of_motto_alone_adds_nothing_to_the_issuer():
    info, _ = parse_header(paragraphs("BỘ Y TẾ |\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA\nVIỆT NAM |\nSố: 12/BYT-KH |"))
    assert info.issuer == "BỘ Y TẾ"


# --- the plan a decision issues -------------------------------------------------------------

DECISION = """QUYẾT ĐỊNH
Ban hành Kế hoạch phòng, chống thiên tai năm 2026
Điều 1. Ban hành kèm theo Quyết định này Kế hoạch phòng, chống thiên tai năm 2026.
Điều 2. Chánh Văn phòng UBND huyện, Thủ trưởng các cơ quan, đơn vị liên quan chịu trách nhiệm thi hành Quyết định này.
Nơi nhận:
- Như Điều 2;
- Lưu: VT.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Trần Văn Bình
KẾ HOẠCH
Phòng, chống thiên tai năm 2026
({attached} Quyết định số 12/QĐ-UBND ngày 05/01/2026 của UBND huyện Đông Sơn)
Để chủ động ứng phó với thiên tai, UBND huyện ban hành Kế hoạch như sau:
1. Phòng Nông nghiệp và Môi trường chủ trì, phối hợp với UBND các xã rà soát các khu dân cư ven sông, hoàn thành trước ngày 31/3/2026.
2. Công an huyện xây dựng phương án bảo đảm an ninh trật tự khi có bão.
"""


@pytest.mark.parametrize("attached", ["Kèm theo", "Ban hành kèm theo"])
def test_the_plan_after_the_signature_is_the_decisions_body(attached):
    assert tasks(DECISION.format(attached=attached)) == [
        ("Phòng Nông nghiệp và Môi trường", ["UBND các xã"], "2026-03-31"),
        ("Công an huyện", [], None)]


def test_text_after_the_signature_without_an_attached_plan_stays_out():
    # Neither "(Kèm theo …)" nor a plan title standing alone: what follows the signature is no body.
    text = DECISION.replace("({attached} Quyết định số 12/QĐ-UBND ngày 05/01/2026 của UBND huyện Đông Sơn)\n", "")
    assert tasks(text.replace("KẾ HOẠCH\nPhòng, chống", "Phòng, chống")) == []


def test_a_plan_title_alone_after_the_signature_opens_the_body():
    # Some copies drop the "(Kèm theo …)" line: the title "KẾ HOẠCH" standing alone still opens the plan.
    text = DECISION.replace("({attached} Quyết định số 12/QĐ-UBND ngày 05/01/2026 của UBND huyện Đông Sơn)\n", "")
    assert [lead for lead, _, _ in tasks(text)] == ["Phòng Nông nghiệp và Môi trường", "Công an huyện"]


# --- items whose parts are labeled lines ------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("1. Tổ chức tập huấn nghiệp vụ phòng cháy\n- Cơ quan chủ trì: Sở Xây dựng.\n"
     "- Cơ quan phối hợp: Công an tỉnh, Ủy ban nhân dân các xã.\n- Thời gian thực hiện: năm 2026.",
     [("Sở Xây dựng", ["Công an tỉnh", "Ủy ban nhân dân các xã"], "2026-12-31")]),
    ("a) Xây dựng Nghị định quy định chi tiết Luật Thư viện\n+ Nội dung: quy định chi tiết khoản 3 Điều 9.\n"
     "+ Đơn vị chủ trì: Bộ Văn hóa, Thể thao và Du lịch.\n+ Đơn vị phối hợp: Văn phòng Chính phủ, Bộ Tư pháp.\n"
     "+ Thời hạn trình: trước ngày 15 tháng 10 năm 2026.",
     [("Bộ Văn hóa, Thể thao và Du lịch", ["Văn phòng Chính phủ", "Bộ Tư pháp"], "2026-10-15")]),
    ("3. Kiểm tra an toàn thực phẩm tại các chợ\n- Cơ quan thực hiện: Phòng Kinh tế, Trạm Y tế xã.\n"
     "- Thời hạn hoàn thành: 30/6/2026.",
     [("Phòng Kinh tế", [], "2026-06-30"), ("Trạm Y tế xã", [], "2026-06-30")]),
])
def test_labeled_lines_read_as_a_task_tables_row(text, expected):
    assert tasks(text) == expected


def test_a_lead_line_that_is_a_sentence_keeps_its_own_verbs():
    text = ("4. Rà soát văn bản quy phạm pháp luật\n- Cơ quan thực hiện: Sở Tư pháp tổng hợp kết quả rà soát; "
            "Phòng Văn hóa - Xã hội rà soát văn bản thuộc lĩnh vực quản lý.\n- Thời gian thực hiện: năm 2026.")
    rows = field_items([ln.text for ln in paragraphs(text)])
    assert rows[0] == "4. Rà soát văn bản quy phạm pháp luật"  # no row sentence was written
    assert rows[1] == ("- Sở Tư pháp tổng hợp kết quả rà soát; Phòng Văn hóa - Xã hội rà soát văn bản thuộc lĩnh "
                       "vực quản lý.")  # the label no longer stands before the sentence's own subject
    assert [t[0] for t in tasks(text)] == ["Sở Tư pháp", "Phòng Văn hóa - Xã hội"]


@pytest.mark.parametrize("lead_line, leads", [
    ("- Cơ quan thực hiện: Sở Nội vụ, các sở, ban, ngành tỉnh trong phạm vi chức năng, nhiệm vụ của mình và các cơ "
     "quan, tổ chức khác có liên quan.", ["Sở Nội vụ", "Các sở, ban, ngành tỉnh"]),
    ("- Đơn vị thực hiện: Phòng Kinh tế, Phòng Văn hóa - Xã hội theo chức năng, nhiệm vụ được giao.",
     ["Phòng Kinh tế", "Phòng Văn hóa - Xã hội"]),
])
def test_the_scope_units_act_in_is_no_part_of_the_lead(lead_line, leads):
    text = f"4. Kiểm tra việc thi hành Luật Việc làm\n{lead_line}\n- Thời gian thực hiện: Năm 2026."
    assert [t[0] for t in tasks(text)] == leads


@pytest.mark.parametrize("lines", [
    ["1. Mục đích", "- Nội dung: nâng cao nhận thức của cán bộ, công chức.", "- Thời gian: năm 2026."],
    ["- Thời gian thực hiện: từ tháng 3 đến tháng 6 năm 2026.", "- Địa điểm: Hội trường UBND xã."],
])
def test_labeled_lines_without_a_lead_are_left_as_written(lines):
    assert field_items(lines) == lines


@pytest.mark.parametrize("raw, expected", [
    ("I.\nNhiệm vụ chung của các phòng\n1.\nPhòng Kinh tế:\na) Rà soát hồ sơ.",
     ["I. Nhiệm vụ chung của các phòng", "1. Phòng Kinh tế:", "a) Rà soát hồ sơ."]),
    ("2.1.\nTrách nhiệm chung\nb)\nCông an xã tuần tra.", ["2.1. Trách nhiệm chung", "b) Công an xã tuần tra."]),
])
def test_a_marker_alone_opens_its_block_and_is_not_the_end_of_the_line_above(raw, expected):
    assert texts(raw) == expected


@pytest.mark.parametrize("text, lead", [
    ("1. Các cơ quan đăng ký đầu tư (Sở Tài chính, Ban Quản lý Khu kinh tế):\na) Tiếp nhận hồ sơ dự án.",
     "Các cơ quan đăng ký đầu tư"),
    ("Cơ quan đăng ký kinh doanh công khai danh sách doanh nghiệp giải thể.", "Cơ quan đăng ký kinh doanh"),
])
def test_bodies_named_by_their_role_in_the_law(text, lead):
    assert [t[0] for t in tasks(text)] == [lead]


def test_a_record_of_fields_whose_lead_is_a_sentence_is_read_as_written():
    text = ("4. Rà soát văn bản quy phạm pháp luật\n- Nội dung: rà soát các văn bản thuộc lĩnh vực quản lý.\n"
            "- Cơ quan thực hiện: Sở Tư pháp tổng hợp kết quả rà soát; Phòng Kinh tế rà soát văn bản về đất đai.\n"
            "- Thời gian thực hiện: năm 2026.")
    assert [t[0] for t in tasks(text)] == ["Sở Tư pháp", "Phòng Kinh tế"]


@pytest.mark.parametrize("text, leads", [
    ("1. Bộ Tư pháp và các cơ quan báo chí, phát thanh, truyền hình khác chủ trì tuyên truyền Luật.",
     ["Bộ Tư pháp", "Các cơ quan báo chí, phát thanh, truyền hình khác"]),
    ("2. Sở Văn hóa và các cơ quan phát thanh, truyền hình địa phương đưa tin về lễ hội.",
     ["Sở Văn hóa", "Các cơ quan phát thanh, truyền hình địa phương"]),
])
def test_kinds_of_media_after_one_cac_are_one_lead(text, leads):
    assert [t[0] for t in tasks(text)] == leads


@pytest.mark.parametrize("raw, title", [
    ("Số: 15/KH-UBND\nKẾ HOẠCH\nTRIỂN\nKHAI THI HÀNH LUẬT VIỆC LÀM TRÊN ĐỊA BÀN XÃ\nThực hiện Luật Việc làm, UBND xã ban hành "
     "Kế hoạch như sau:", "TRIỂN KHAI THI HÀNH LUẬT VIỆC LÀM TRÊN ĐỊA BÀN XÃ"),
    ("Số: 9/QĐ-UBND\nQUYẾT ĐỊNH\nBAN HÀNH QUY CHẾ LÀM VIỆC CỦA ỦY BAN NHÂN DÂN\nPHƯỜNG AN KHÁNH\n"
     "ỦY BAN NHÂN DÂN PHƯỜNG AN KHÁNH\nCăn cứ Luật Tổ chức chính quyền địa phương;",
     "BAN HÀNH QUY CHẾ LÀM VIỆC CỦA ỦY BAN NHÂN DÂN PHƯỜNG AN KHÁNH"),
    # a numbered caps section after a one-line title is the body
    ("Số: 3/KH-UBND\nKẾ HOẠCH\nPHÒNG CHỐNG THIÊN TAI NĂM 2026\nI. MỤC ĐÍCH, YÊU CẦU", "PHÒNG CHỐNG THIÊN TAI NĂM 2026"),
])
def test_a_caps_title_broken_over_lines_is_one_title(raw, title):
    info, _ = parse_header(paragraphs(raw))
    assert info.title == title


def test_leads_kept_apart_by_semicolons_in_a_labeled_line():
    text = ("1. Tuyên truyền, phổ biến Luật Phòng cháy, chữa cháy\n- Cơ quan thực hiện: Phòng Văn hóa - Xã hội; "
            "Công an xã; Trạm Y tế xã.\n- Cơ quan phối hợp: Các ban, ngành; Ủy ban Mặt trận Tổ quốc xã.\n"
            "- Thời gian thực hiện: Quý II năm 2026.")
    assert tasks(text) == [(lead, ["Ủy ban Mặt trận Tổ quốc xã"], "2026-06-30")
                           for lead in ("Phòng Văn hóa - Xã hội", "Công an xã", "Trạm Y tế xã")]


@pytest.mark.parametrize("raw, expected", [
    # the subject line does not run into the place and date below it
    ("V/v triển khai công tác phòng\nchống dịch sốt xuất huyết\nTân Phú, ngày 05 tháng\n01 năm 2026",
     ["V/v triển khai công tác phòng chống dịch sốt xuất huyết", "Tân Phú, ngày 05 tháng 01 năm 2026"]),
    ("Số: 172/KH-UBND\nThành phố Hồ Chí\nMinh, ngày 18 tháng 11 năm 2025",
     ["Số: 172/KH-UBND", "Thành phố Hồ Chí Minh, ngày 18 tháng 11 năm 2025"]),
    ("Số: 12/UBND\nBuôn Ma\nThuột, ngày 3 tháng 4 năm 2026", ["Số: 12/UBND", "Buôn Ma Thuột, ngày 3 tháng 4 năm 2026"]),
])
def test_the_place_and_date_line(raw, expected):
    assert texts(raw) == expected


@pytest.mark.parametrize("raw, expected", [
    ("6. Đề nghị: Hiệp hội\nDoanh nghiệp tỉnh, Hội Nông dân tỉnh\na) Tuyên truyền hội viên.",
     ["6. Đề nghị: Hiệp hội Doanh nghiệp tỉnh, Hội Nông dân tỉnh", "a) Tuyên truyền hội viên."]),
    ("3. Giao Trung tâm\nVăn hóa - Thể thao xã tổ chức giải bóng đá.", ["3. Giao Trung tâm Văn hóa - Thể thao xã tổ chức giải bóng đá."]),
    # a lowercase "hội" ending a name is no head waiting for its name
    ("2. Phòng Văn hóa - Xã hội\nSở Y tế hướng dẫn chuyên môn.", ["2. Phòng Văn hóa - Xã hội", "Sở Y tế hướng dẫn chuyên môn."]),
])
def test_a_bodys_head_word_ending_a_line_waits_for_its_name(raw, expected):
    assert texts(raw) == expected


def test_a_request_heading_names_the_leads_of_its_lettered_duties():
    text = ("6. Đề nghị: Hội Nông dân tỉnh, Liên minh Hợp tác xã tỉnh\na) Tuyên truyền, vận động hội viên.\n"
            "b) Phối hợp với Sở Công Thương đánh giá nhu cầu chuyển đổi số.")
    assert tasks(text) == [("Hội Nông dân tỉnh", [], None), ("Liên minh Hợp tác xã tỉnh", [], None),
                           ("Hội Nông dân tỉnh", ["Sở Công Thương"], None),
                           ("Liên minh Hợp tác xã tỉnh", ["Sở Công Thương"], None)]


# --- a task written as a record whose fields list their values on lines of their own ------------

@pytest.mark.parametrize("text, expected", [
    # a ministry's plan: two-column label, lettered fields, dashed values, a numbered time field
    ("II. TẬP HUẤN NGHIỆP VỤ\n1. Nội dung, biện pháp\na) Biên soạn tài liệu tập huấn;\n"
     "b) Tổ chức các lớp tập huấn cho cán bộ cấp xã.\n2. Cơ quan chủ trì, phối hợp\na) Cơ quan chủ trì\n"
     "- Bộ Tư pháp.\n- Sở Tư pháp các tỉnh; Phòng Tư pháp các huyện.\n"
     "(Sở Tư pháp đồng thời là đầu mối tổng hợp ở địa phương).\nb) Cơ quan phối hợp\n- Hội Luật gia Việt Nam.\n"
     "3. Thời gian thực hiện: tháng 11, 12/2026 và cập nhật hằng năm.",
     [("Bộ Tư pháp", ["Hội Luật gia Việt Nam"], "2026-12-31"),
      ("Sở Tư pháp các tỉnh", ["Hội Luật gia Việt Nam"], "2026-12-31"),
      ("Phòng Tư pháp các huyện", ["Hội Luật gia Việt Nam"], "2026-12-31")]),
    # a district's plan: one label over its dashed leads, the partners on one undashed line
    ("1. Kiểm tra an toàn thực phẩm tại các chợ\n- Cơ quan thực hiện\n- Phòng Kinh tế.\n- Trạm Y tế xã.\n"
     "- Cơ quan phối hợp:\nCông an xã, Ban Quản lý chợ.\n- Thời gian: quý III/2026.",
     [("Phòng Kinh tế", ["Công an xã", "Ban Quản lý chợ"], "2026-09-30"),
      ("Trạm Y tế xã", ["Công an xã", "Ban Quản lý chợ"], "2026-09-30")]),
])
def test_a_record_whose_fields_list_their_values_below_is_one_row(text, expected):
    assert tasks(text) == expected


def test_a_label_over_lines_that_are_sentences_is_left_as_written():
    lines = ["2. Cơ quan thực hiện", "- Sở Y tế tổ chức kiểm tra các cơ sở.", "- Sở Công Thương báo cáo kết quả."]
    assert field_items(lines) == lines


@pytest.mark.parametrize("time_line, deadline, recurrence", [
    ("- Thời gian thực hiện: tháng 12/2026 và thường xuyên.", "2026-12-31", None),
    ("- Thời hạn: quý II/2026 và rà soát, bổ sung hằng năm.", "2026-06-30", None),
    # the work goes on after the year: no period it is due in
    ("- Thời gian thực hiện: năm 2026 và các năm tiếp theo.", None, None),
])
def test_a_time_field_is_due_in_its_period_not_in_the_upkeep_after_it(time_line, deadline, recurrence):
    text = f"1. Rà soát thủ tục hành chính\n- Cơ quan chủ trì: Sở Nội vụ.\n{time_line}"
    got = extract_text(text).tasks
    assert [(t.lead, t.deadline.isoformat() if t.deadline else None, t.recurrence) for t in got] == \
        [("Sở Nội vụ", deadline, recurrence)]


@pytest.mark.parametrize("raw, kind, text", [
    ("B. NỘI DUNG, NHIỆM VỤ", "part", "NỘI DUNG, NHIỆM VỤ"),
    ("C. TỔ CHỨC THỰC HIỆN", "part", "TỔ CHỨC THỰC HIỆN"),
    # a capital in running text is no part
    ("C. Nguyễn Văn An, cán bộ văn phòng, theo dõi.", "para", "C. Nguyễn Văn An, cán bộ văn phòng, theo dõi."),
])
def test_a_plans_parts_lettered_in_capitals(raw, kind, text):
    block = classify(paragraphs(raw)[0], 0)
    assert (block.kind, block.text) == (kind, text)
