"""Gazette annexes copied from a PDF one cell per line (directives/linear.py): the header after
"TT", rows opened by their number, groups by a Roman numeral, merged rows' parts by "-", cells
told apart by capitals, the time cell anchoring the columns; page heads and signature stamps
dropped. Also the time column's own forms ("2026", "Giai đoạn 2026 - 2030", "2026 và hằng năm")."""
from __future__ import annotations

from datetime import date

import pytest

from directives import extract_text
from directives.linear import field_records, linear_tables

ANNEX = """Điều 3. Các Bộ trưởng, Thủ trưởng cơ quan ngang bộ chịu trách nhiệm thi hành
Quyết định này.
KT. THỦ TƯỚNG
PHÓ THỦ TƯỚNG
Nguyễn Văn A
Phụ lục
DANH MỤC NHIỆM VỤ
TT
Nhiệm vụ
Cơ quan chủ
trì thực hiện
Cơ quan
phối hợp
Thời gian
I
Hoàn thiện thể chế, chính sách
1
Rà soát, thể chế hóa các chủ trương,
định hướng về phòng, chống thiên tai.
Bộ NN&MT,
Bộ Quốc phòng
Các bộ,
cơ quan,
địa phương
Năm
2026 - 2027
2  Hoàn thiện hệ thống tiêu chuẩn kỹ
thuật quốc gia về công trình.
Bộ Công
Thương
Bộ Khoa học và
Công nghệ
Giai đoạn
2026 - 2030
Ký bởi: CÔNG BÁO NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Cơ quan: VĂN PHÒNG CHÍNH PHỦ

CÔNG BÁO/Số 302/Ngày 02-06-2026
68
TT
Nhiệm vụ
Cơ quan chủ
trì thực hiện
Cơ quan
phối hợp
Thời gian
3
Củng cố lực lượng xung kích phòng, chống
thiên tai ở cơ sở.
UBND các
tỉnh/thành phố
Tháng
9/2026
4
Xây dựng tiêu chuẩn đối với công trình.
-
Công trình đê điều, hồ đập.
Bộ NN&MT
Bộ Khoa học
và Công
nghệ, các bộ
2026
-
Công trình giao thông.
Bộ Xây dựng
"""


def test_linear_table_rows_become_tasks():
    got = [(t.lead, t.coordinators, t.deadline) for t in extract_text(ANNEX, issued=date(2026, 5, 20)).tasks]
    assert got == [
        ("Bộ NN&MT", ["Các bộ, cơ quan, địa phương"], date(2027, 12, 31)),
        ("Bộ Quốc phòng", ["Các bộ, cơ quan, địa phương"], date(2027, 12, 31)),
        ("Bộ Công Thương", ["Bộ Khoa học và Công nghệ"], date(2030, 12, 31)),
        ("UBND các tỉnh/thành phố", [], date(2026, 9, 30)),
        ("Bộ NN&MT", ["Bộ Khoa học và Công nghệ"], date(2026, 12, 31)),
        ("Bộ Xây dựng", ["Bộ Khoa học và Công nghệ"], date(2026, 12, 31)),  # merged cells
    ]


def test_linear_table_pipe_rows():
    rows = [line for line in linear_tables(ANNEX).split("\n") if line.startswith("|")]
    assert rows[0] == "| TT | Nhiệm vụ | Cơ quan chủ trì thực hiện | Cơ quan phối hợp | Thời gian |"
    assert rows[1] == "| I. Hoàn thiện thể chế, chính sách |"
    assert rows[3].startswith("| 2 | Hoàn thiện hệ thống tiêu chuẩn kỹ thuật quốc gia về công trình. | Bộ Công Thương |")
    assert len(rows) == 7  # the header printed again on the next page is no row


def test_text_without_a_linear_table_is_untouched():
    text = "TT\nSở Y tế rà soát hồ sơ.\n"
    assert linear_tables(text) == text


@pytest.mark.parametrize("lines, deadline", [
    ("Từ quý\nIII/2026 đến quý III/2030", date(2030, 9, 30)),
    ("Trong quý\nIV/2026", date(2026, 12, 31)),
    ("Tháng\n11/2026", date(2026, 11, 30)),
])
def test_a_time_cell_goes_on_with_its_number(lines, deadline):
    text = HEAD + "1\nRà soát hồ sơ đất đai.\nPhòng Tài nguyên\nUBND các xã\nBáo cáo\n" + lines + "\n"
    assert _rows(text) == [("Phòng Tài nguyên", ["UBND các xã"], deadline, None)]


@pytest.mark.parametrize("cell, deadline, recurrence", [
    ("2026", date(2026, 12, 31), None),
    ("Năm 2026 - 2027", date(2027, 12, 31), None),
    ("Giai đoạn 2026 - 2030", date(2030, 12, 31), None),
    ("Đến năm 2030", date(2030, 12, 31), None),
    ("2026 và hằng năm", None, "yearly"),
    ("Năm 2026 và các năm tiếp theo", None, None),
    # a span from one month or quarter to another is due at its end
    ("Quý IV/2026- Quý II/2027", date(2027, 6, 30), None),
    ("Tháng 4/2026 – tháng 10/2026", date(2026, 10, 31), None),
    ("Tháng 9 - 12/2026", date(2026, 12, 31), None),
    ("Quý I - Quý III/2027", date(2027, 9, 30), None),
    # two parts of a year named together: due at the end of the last
    ("Quý II, III/2026", date(2026, 9, 30), None),
    ("Tháng 5 và tháng 7/2026", date(2026, 7, 31), None),
    # not: a quarter and its year joined by a dash is one time
    ("Quý III-2026", date(2026, 9, 30), None),
])
def test_time_column_forms(cell, deadline, recurrence):
    text = f"| STT | Nhiệm vụ | Cơ quan chủ trì | Thời gian |\n| 1 | Rà soát hồ sơ | Sở Y tế | {cell} |\n"
    (task,) = extract_text(text, issued=date(2026, 3, 10)).tasks
    assert (task.deadline, task.recurrence) == (deadline, recurrence)


HEAD = "TT\nNhiệm vụ\nCơ quan chủ\ntrì\nCơ quan\nphối hợp\nKết quả\nThời gian\nhoàn thành\n"
PAGE_HEAD = "\nCÔNG BÁO/Số 120/Ngày 02-03-2026\n41\n" + HEAD


def _rows(text: str) -> list[tuple[str, list[str], date | None, str | None]]:
    return [(t.lead, t.coordinators, t.deadline, t.recurrence)
            for t in extract_text(text, issued=date(2026, 2, 10)).tasks]


@pytest.mark.parametrize("cells, leads, partners", [
    # the next line completes the last name of the cell, though it opens with a capital
    ("Bộ Tư pháp, Đài Truyền hình Việt\nNam, Đài Tiếng nói Việt Nam\nBộ Tài chính",
     ["Bộ Tư pháp", "Đài Truyền hình Việt Nam", "Đài Tiếng nói Việt Nam"], ["Bộ Tài chính"]),
    ("Sở Y tế\nBộ Tư pháp, Ngân hàng Nhà nước Việt\nNam, các tổ chức tín dụng", ["Sở Y tế"],
     ["Bộ Tư pháp", "Ngân hàng Nhà nước Việt Nam", "các tổ chức tín dụng"]),
    ("Sở Nội vụ, Sở Công\nThương, UBND các xã\nCông an tỉnh", ["Sở Nội vụ", "Sở Công Thương", "UBND các xã"],
     ["Công an tỉnh"]),
    # a colon announces the names of the kind it heads
    ("Các Bộ:\nCông an,\nQuốc phòng, Y\ntế\nBộ Tài chính", ["Bộ Công an", "Bộ Quốc phòng", "Bộ Y tế"], ["Bộ Tài chính"]),
    ("Các Sở:\nTài chính, Xây\ndựng\nUBND các xã", ["Sở Tài chính", "Sở Xây dựng"], ["UBND các xã"]),
    # a head whose name starts on the next line with a capital ("Ban Chỉ đạo" / "Phòng thủ dân")
    ("Ban Chỉ đạo\nChuyển đổi số\ntỉnh\nBan Chỉ huy\nQuân sự các xã", ["Ban Chỉ đạo Chuyển đổi số tỉnh"],
     ["Ban Chỉ huy Quân sự các xã"]),
    ("Hội đồng\nThi đua khen thưởng\nSở Nội vụ", ["Hội đồng Thi đua khen thưởng"], ["Sở Nội vụ"]),
    # a unit named by its kind opens the lead's cell, its words one a line
    ("Cơ sở khám\nbệnh,\nchữa\nbệnh\nSở Y tế", ["Cơ sở khám bệnh, chữa bệnh"], ["Sở Y tế"]),
    ("Chủ đầu\ntư\nUBND các xã", ["Chủ đầu tư"], ["UBND các xã"]),
    # a line ending with a word that waits for its object goes on
    ("UBND cấp huyện trình\nHội đồng nhân dân cùng cấp\nCác cơ quan, đơn vị có liên quan", ["UBND cấp huyện"],
     ["Các cơ quan, đơn vị có liên quan"]),
    # the kinds concerned, capitalized at the head of their cell
    ("Sở Tư pháp\nSở, ngành, đơn vị có liên quan", ["Sở Tư pháp"], ["Sở, ngành, đơn vị có liên quan"]),
    # not: a complete name, then the partners' cell
    ("Sở Tư pháp\nUBND các xã, phường", ["Sở Tư pháp"], ["UBND các xã, phường"]),
    # kinds of body, capitalized at the head of a cell, open it like a unit's name
    ("Sở Tài chính\nCơ quan, địa\nphương liên quan", ["Sở Tài chính"], ["Cơ quan, địa phương liên quan"]),
    ("Phòng Nội vụ\nĐơn vị, địa phương\ncó liên quan", ["Phòng Nội vụ"], ["Đơn vị, địa phương có liên quan"]),
    # a kind in lower case after a comma is whole: the capitalized line after it is the next cell
    ("Sở, ban, ngành, tổ\nchức chính trị - xã hội\nCơ quan liên quan", ["Sở, ban, ngành", "Tổ chức chính trị - xã hội"],
     ["Cơ quan liên quan"]),
])
def test_lead_cells_read_over_lines(cells, leads, partners):
    text = HEAD + "1\nRà soát hồ sơ đất đai.\n" + cells + "\nBáo cáo\nTháng\n6/2026\n"
    assert _rows(text) == [(lead, partners, date(2026, 6, 30), None) for lead in leads]


def test_a_row_with_two_results_and_two_times_gives_two_tasks():
    # the lead printed again over the page break
    text = (HEAD + "1\nHoàn thiện quy định về quản lý chợ\nSở Công Thương\nUBND các xã\nBáo cáo chuyên đề về\n"
            "Tháng\n5/2026\n" + PAGE_HEAD + "cơ chế quản lý chợ\nSở Công Thương\nUBND các xã\n"
            "Quyết định được ban hành\nTháng\n10/2026\n")
    assert _rows(text) == [("Sở Công Thương", ["UBND các xã"], date(2026, 5, 31), None),
                           ("Sở Công Thương", ["UBND các xã"], date(2026, 10, 31), None)]
    # the lead's cell merged over both results
    text = (HEAD + "1\nXây dựng bộ chỉ số cải cách hành chính\nBộ Nội vụ\nCác bộ, ngành\n"
            "Bộ chỉ số được ban hành\n2026\nBộ chỉ số được áp dụng\n2027 - 2028\n")
    assert _rows(text) == [("Bộ Nội vụ", ["Các bộ, ngành"], date(2026, 12, 31), None),
                           ("Bộ Nội vụ", ["Các bộ, ngành"], date(2028, 12, 31), None)]


def test_one_result_and_one_time_stay_one_task():
    text = HEAD + "1\nTập huấn nghiệp vụ hộ tịch\nPhòng Tư pháp\nUBND các xã\nLớp tập huấn\nNăm 2026\nHằng năm\n"
    assert _rows(text) == [("Phòng Tư pháp", ["UBND các xã"], date(2026, 12, 31), None)]


def test_the_tasks_text_going_on_after_a_page_break_leaves_the_time_alone():
    text = ("TT\nNhiệm vụ\nCơ quan chủ\ntrì\nCơ quan\nphối hợp\nThời gian\n"
            "1\nHiện đại hóa hệ thống quan trắc, ứng dụng máy bay không người lái\nSở Nông nghiệp và Môi trường\n"
            "Sở Khoa học và Công nghệ\nGiai đoạn\n2026 - 2030\n\nCÔNG BÁO/Số 120/Ngày 02-03-2026\n41\n"
            "TT\nNhiệm vụ\nCơ quan chủ\ntrì\nCơ quan\nphối hợp\nThời gian\n(UAV) trong giám sát rừng.\n"
            "2\nKiểm kê rừng\nHạt Kiểm lâm\nUBND các xã\nNăm 2027\n")
    (first, second) = extract_text(text, issued=date(2026, 2, 10)).tasks
    assert (first.lead, first.coordinators, first.deadline) == (
        "Sở Nông nghiệp và Môi trường", ["Sở Khoa học và Công nghệ"], date(2030, 12, 31))
    assert "(UAV) trong giám sát rừng" in first.text
    assert (second.lead, second.deadline) == ("Hạt Kiểm lâm", date(2027, 12, 31))



RECORD = """Điều 2. Giao nhiệm vụ xây dựng đề án
1. Tên nhiệm vụ: Xây dựng Đề án phát triển đội ngũ hòa giải viên ở cơ sở
giai đoạn 2026 - 2030.
2. Cơ quan chủ trì: Sở Tư pháp.
3. Cơ quan phối hợp: Sở Nội vụ, UBND các xã.
4. Sản phẩm: Quyết định của UBND tỉnh phê duyệt Đề án.
5. Thời gian hoàn thành: Quý III/2026.
Điều 3. Hiệu lực thi hành.
Quyết định này có hiệu lực kể từ ngày ký.
"""


def test_a_task_written_as_labelled_fields_is_a_row():
    (task,) = extract_text(RECORD, issued=date(2026, 3, 2)).tasks
    assert (task.lead, task.coordinators, task.deadline) == ("Sở Tư pháp", ["Sở Nội vụ", "UBND các xã"],
                                                            date(2026, 9, 30))
    assert task.summary.startswith("Xây dựng Đề án phát triển đội ngũ hòa giải viên")


@pytest.mark.parametrize("title, content", [
    ("3. Xây dựng phần mềm quản lý hồ sơ\ncông chức cấp xã", "Xây dựng phần mềm quản lý hồ sơ công chức cấp xã"),
    ("- Thông tư hướng dẫn về định mức\nchi phí đào tạo.", "Thông tư hướng dẫn về định mức chi phí đào tạo"),
    ("b) Tổ chức hội nghị tổng kết", "Tổ chức hội nghị tổng kết"),
])
def test_the_title_over_a_record_names_its_task(title, content):
    """"- Nội dung: …" under an item's title tells what the work holds; the title names the task."""
    text = ("II. NHIỆM VỤ\n" + title + "\n+ Nội dung: bao gồm các quy định về quản lý, khai thác dữ liệu.\n"
            "+ Cơ quan chủ trì: Sở Nội vụ.\n+ Cơ quan phối hợp: Sở Tài chính.\n+ Thời hạn hoàn thành: Quý IV/2026.\n")
    (task,) = extract_text(text, issued=date(2026, 3, 2)).tasks
    assert (task.lead, task.coordinators, task.deadline) == ("Sở Nội vụ", ["Sở Tài chính"], date(2026, 12, 31))
    assert content.startswith(task.summary.rstrip("…"))


def test_a_record_named_by_its_own_field_keeps_the_heading_above():
    """Not: a record whose task is named in its "Tên nhiệm vụ" field keeps the heading over it."""
    text = "II. CÁC NHIỆM VỤ CỤ THỂ\n" + RECORD.split("\n", 1)[1]
    rows = field_records(text)
    assert rows.startswith("II. CÁC NHIỆM VỤ CỤ THỂ\n")
    (task,) = extract_text(text, issued=date(2026, 3, 2)).tasks
    assert task.summary.startswith("Xây dựng Đề án phát triển đội ngũ hòa giải viên")


@pytest.mark.parametrize("text", [
    # fields that name no lead: a meeting's notice
    "1. Thời gian: 08 giờ 00, ngày 12/3/2026.\n2. Địa điểm: Hội trường UBND xã.\n3. Thành phần: Lãnh đạo các phòng.\n",
    # the aims of a plan, then its items
    "I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích: Nâng cao chất lượng hòa giải.\n2. Yêu cầu: Bảo đảm đúng tiến độ.\n",
])
def test_fields_that_are_no_task_stay_text(text):
    assert field_records(text) == text


def test_a_result_opening_with_its_year_is_no_time():
    text = (HEAD + "1\nTổ chức hội nghị sơ kết 5 năm thi hành Luật Hòa giải\nSở Tư pháp\nUBND các xã\nHội nghị\n"
            "2027 được tổ chức thành công\nNăm 2027\n")
    assert _rows(text) == [("Sở Tư pháp", ["UBND các xã"], date(2027, 12, 31), None)]


def test_a_name_cut_by_a_page_break_goes_on_in_its_cell():
    text = (HEAD + "1\nPhát sóng chuyên mục pháp luật\nSở Tư pháp\nĐài Truyền hình Việt Nam, Đài Tiếng nói\n"
            "Các số chuyên mục\nThường xuyên\n" + PAGE_HEAD + "Việt Nam và UBND các xã\n")
    assert _rows(text) == [("Sở Tư pháp", ["Đài Truyền hình Việt Nam", "Đài Tiếng nói Việt Nam", "UBND các xã"],
                            None, None)]


@pytest.mark.parametrize("label, lead", [
    ("Trách nhiệm thực hiện", "Phòng Văn hóa - Xã hội"),
    ("Người thực hiện", "Công chức Văn hóa - Xã hội"),
    ("Bộ phận thực hiện", "Văn phòng HĐND và UBND xã"),
])
def test_who_answers_for_an_item_labelled_in_other_words(label, lead):
    text = ("KẾ HOẠCH\nII. NHIỆM VỤ\n1. Tổ chức tập huấn kỹ năng chuyển đổi số cho cán bộ, công chức\n"
            f"- {label}: {lead}.\n- Phối hợp: Công an xã.\n- Thời gian: Quý III/2026.\n")
    (task,) = extract_text(text, issued=date(2026, 3, 2)).tasks
    assert (task.lead, task.coordinators, task.deadline) == (lead, ["Công an xã"], date(2026, 9, 30))
    assert task.summary.startswith("Tổ chức tập huấn kỹ năng chuyển đổi số")


def test_a_section_on_who_answers_is_no_field():
    """Not: "IV. TRÁCH NHIỆM THỰC HIỆN" heads a section; its items name their own leads."""
    text = ("KẾ HOẠCH\nIV. TRÁCH NHIỆM THỰC HIỆN\n1. Sở Y tế chủ trì kiểm tra an toàn thực phẩm trước ngày 30/6/2026.\n"
            "2. Công an tỉnh bảo đảm an ninh trật tự.\n")
    assert [t.lead for t in extract_text(text, issued=date(2026, 3, 2)).tasks] == ["Sở Y tế", "Công an tỉnh"]


@pytest.mark.parametrize("time, deadline", [
    ("Sau khi có hướng dẫn\ncủa Bộ Xây dựng", None),
    ("Quí III/2026", date(2026, 9, 30)),
    ("Cuối năm 2026", date(2026, 12, 31)),
])
def test_time_cells_before_the_product(time, deadline):
    """The time cell, then the product's: "Sau khi …", "Quí …", "Cuối năm …" open a time."""
    text = ("TT\nNội dung\nCơ quan chủ trì\nCơ quan phối hợp\nThời gian hoàn\nthành\nSản phẩm\n1\n"
            "Ban hành quy chế phối hợp tìm kiếm, cứu nạn\ntrên địa bàn tỉnh\nSở Xây dựng\nCông an tỉnh\n"
            f"{time}\nQuyết định của\nUBND tỉnh\n")
    (task,) = extract_text(text, issued=date(2026, 3, 2)).tasks
    assert (task.lead, task.coordinators, task.deadline, task.output) == ("Sở Xây dựng", ["Công an tỉnh"], deadline,
                                                                         "Quyết định của UBND tỉnh")


# --- an item's title, lines describing the work, then its labelled fields -----------------------
@pytest.mark.parametrize("text, lead, coordinators, deadline, summary", [
    ("KẾ HOẠCH\nII. NỘI DUNG\n1. Công tác tuyên truyền\n1.1. Xây dựng và ban hành kế hoạch tuyên truyền về "
     "chuyển đổi số năm 2026 của xã.\n- Bảo đảm thống nhất với hướng dẫn của cấp trên; phù hợp thực tế địa phương.\n"
     "- Nội dung tuyên truyền phải ngắn gọn, dễ hiểu.\n- Thời gian hoàn thành: Tháng 5/2026.\n"
     "- Đơn vị chủ trì: Văn phòng HĐND và UBND xã\n- Đơn vị phối hợp: Công an xã, Trường Tiểu học xã.\n"
     "- Kết quả: Kế hoạch trình UBND xã ban hành.\n",
     "Văn phòng HĐND và UBND xã", ["Công an xã", "Trường Tiểu học xã"], date(2026, 5, 31),
     "Xây dựng và ban hành kế hoạch tuyên truyền"),
    ("KẾ HOẠCH\nII. NHIỆM VỤ\nb) Tổ chức kiểm tra việc thực hiện quy chế dân chủ tại các cơ quan, đơn vị "
     "trên địa bàn tỉnh\n+ Kiểm tra tại ít nhất 10 cơ quan, đơn vị.\n(1) Đợt 1: trong quý II/2026.\n"
     "+ Cơ quan chủ trì: Sở Nội vụ.\n+ Cơ quan phối hợp: Thanh tra tỉnh.\n+ Thời hạn: Quý III/2026.\n",
     "Sở Nội vụ", ["Thanh tra tỉnh"], date(2026, 9, 30), "Tổ chức kiểm tra việc thực hiện quy chế dân chủ"),
])
def test_lines_between_an_items_title_and_its_fields_are_its_content(text, lead, coordinators, deadline, summary):
    """"1.1. Xây dựng …" / "- Bảo đảm …" / "- Đơn vị chủ trì: …": the dashed lines describe the
    work the title names; the item is one task, not one per line."""
    (task,) = extract_text(text, issued=date(2026, 3, 2)).tasks
    assert (task.lead, task.coordinators, task.deadline) == (lead, coordinators, deadline)
    assert task.summary.startswith(summary)


@pytest.mark.parametrize("text, coordinators, summary", [
    # a numbered line under the section's title, with a number of its own ("02 cấp"): its content stays
    ("KẾ HOẠCH\nII. NHIỆM VỤ\n1. Hoàn thiện hạ tầng công nghệ thông tin của tỉnh\n(1) Tiếp tục phối hợp với các "
     "doanh nghiệp viễn thông nâng cấp hạ tầng phục vụ chính quyền 02 cấp.\n- Đơn vị chủ trì thực hiện: Sở Khoa học "
     "và Công nghệ.\n- Thời gian hoàn thành: Thực hiện thường xuyên.\n",
     ["các doanh nghiệp viễn thông"], "Hoàn thiện hạ tầng công nghệ thông tin"),
    ("KẾ HOẠCH\nII. NHIỆM VỤ\n2. Nâng cao chất lượng phục vụ người dân và doanh nghiệp\n- Phối hợp với Bưu điện tỉnh "
     "triển khai 100% dịch vụ công trực tuyến toàn trình.\n- Cơ quan chủ trì: Văn phòng UBND tỉnh.\n",
     ["Bưu điện tỉnh"], "Nâng cao chất lượng phục vụ người dân"),
])
def test_an_items_content_lines_keep_their_numbers(text, coordinators, summary):
    """Only a stage's date ("(1) Đợt 1: trong quý II/2026") drops a line between an item's title and its
    fields; other numbers ("02 cấp", "100%") are the work's, and its partners are read from it."""
    (task,) = extract_text(text, issued=date(2026, 3, 2)).tasks
    assert task.coordinators == coordinators
    assert task.summary.startswith(summary)


def test_a_short_heading_over_a_dashed_title_is_no_title():
    """Not: a heading ("2. Nhiệm vụ năm 2026") over a dashed line: that line names the task."""
    text = ("KẾ HOẠCH\nII. NHIỆM VỤ\n2. Nhiệm vụ năm 2026\n- Tổ chức tập huấn nghiệp vụ văn thư cho công chức xã.\n"
            "- Cơ quan chủ trì: Phòng Nội vụ.\n- Thời gian thực hiện: Quý II/2026.\n")
    (task,) = extract_text(text, issued=date(2026, 3, 2)).tasks
    assert (task.lead, task.deadline) == ("Phòng Nội vụ", date(2026, 6, 30))
    assert task.summary.startswith("Tổ chức tập huấn nghiệp vụ văn thư")


@pytest.mark.parametrize("time, deadline", [
    ("Dự kiến ngày 05/6/2026 (Chậm nhất ngày 12/6/2026 - 10 ngày trước kỳ họp)", date(2026, 6, 12)),
    ("Dự kiến tháng 7/2026 (sau khi có hướng dẫn của cấp trên)", date(2026, 7, 31)),
    ("ngày tháng 8/2026", date(2026, 8, 31)),
])
def test_a_meetings_fields_name_the_latest_day_as_deadline(time, deadline):
    """"Thời gian: Dự kiến ngày … (Chậm nhất ngày …)": the planned day, then the latest one allowed;
    the attendance and place among the fields are no column and do not cut the record."""
    text = ("KẾ HOẠCH\nII. NỘI DUNG\n1. Hội nghị lấy ý kiến cử tri\n1.1. Nội dung: Lấy ý kiến cử tri về người ứng cử "
            f"đại biểu HĐND xã.\n- Thời gian: {time}.\n- Thành phần: Thường trực HĐND, UBND xã; đại diện các thôn.\n"
            "- Địa điểm: Hội trường UBND xã.\n- Đơn vị chủ trì: Ban Thường trực Ủy ban MTTQ Việt Nam xã.\n"
            "- Kết quả: Biên bản hội nghị.\n")
    (task,) = extract_text(text, issued=date(2026, 3, 2)).tasks
    assert (task.lead, task.deadline) == ("Ban Thường trực Ủy ban MTTQ Việt Nam xã", deadline)


def test_a_meetings_place_and_attendance_without_a_lead_stay_text():
    text = "1. Thời gian: Dự kiến ngày 12/3/2026.\n2. Thành phần: Lãnh đạo các phòng.\n3. Địa điểm: Hội trường UBND xã.\n"
    assert field_records(text) == text


# An item written as "Nhiệm vụ: …" / "Cơ quan thực hiện:" (over "- Đơn vị chủ trì: …", "- Đơn vị phối
# hợp: …") / "Thời gian thực hiện: …": one task, its lead and partners from the nested fields.
@pytest.mark.parametrize("text, lead, partners, deadline", [
    ("II. NHIỆM VỤ\n1. Về hạ tầng số\na) Nhiệm vụ: Nâng cấp mạng nội bộ của các cơ quan nhà nước.\n"
     "b) Cơ quan thực hiện:\n- Đơn vị chủ trì: Sở Khoa học và Công nghệ.\n- Đơn vị phối hợp: Sở Tài chính.\n"
     "c) Thời gian thực hiện: Hoàn thành trong năm 2026.\n",
     "Sở Khoa học và Công nghệ", ["Sở Tài chính"], date(2026, 12, 31)),
    ("2. Tập huấn kỹ năng số cho cán bộ cấp xã\n- Nội dung công việc: Mở 04 lớp tập huấn cho công chức.\n"
     "- Đơn vị thực hiện:\n+ Cơ quan chủ trì: Phòng Văn hóa - Xã hội.\n+ Cơ quan phối hợp: Trung tâm Chính trị huyện.\n"
     "- Thời gian: Quý III/2026.\n",
     "Phòng Văn hóa - Xã hội", ["Trung tâm Chính trị huyện"], date(2026, 9, 30)),
])
def test_fields_nested_under_who_carries_out(text, lead, partners, deadline):
    tasks = extract_text(text, issued=date(2026, 1, 5)).tasks
    assert [(t.lead, t.coordinators, t.deadline) for t in tasks] == [(lead, partners, deadline)]


def test_a_task_heading_that_is_no_field_stays_a_heading():
    text = "2. Nhiệm vụ cụ thể của các cơ quan\na) Sở Y tế chủ trì kiểm tra an toàn thực phẩm.\n"
    assert [t.lead for t in extract_text(text).tasks] == ["Sở Y tế"]
