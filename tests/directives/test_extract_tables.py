"""Task tables ("Phụ lục: Danh mục nhiệm vụ") in .docx, in a text PDF and in pasted text:
one task per row naming a lead, group rows skipped, merged cells, "Sản phẩm" as the output."""
from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import docx
import pytest

from directives import extract_file, extract_text
from directives.tables import bare_pipe_tables, column_roles, is_row_number, text_tables

ROOT = Path(__file__).resolve().parents[2]
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")

HEAD = ("ỦY BAN NHÂN DÂN TỈNH BÌNH AN\nSố: 45/KH-UBND\nBình An, ngày 10 tháng 3 năm 2026\n\nKẾ HOẠCH\n"
        "Thực hiện chuyển đổi số năm 2026\n\nI. MỤC ĐÍCH, YÊU CẦU\nBảo đảm thực hiện đồng bộ, hiệu quả.\n\n"
        "II. TỔ CHỨC THỰC HIỆN\nCác cơ quan, đơn vị thực hiện các nhiệm vụ tại Phụ lục kèm theo.\n\n"
        "Phụ lục: DANH MỤC NHIỆM VỤ\n")
COLUMNS = ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành", "Sản phẩm"]
ROWS = [
    ["I. Lĩnh vực kinh tế"],
    ["1", "Rà soát tình hình giải ngân vốn đầu tư công", "Sở Tài chính", "Sở Xây dựng, UBND các xã, phường",
     "Quý III/2026", "Báo cáo UBND tỉnh"],
    ["2", "Xây dựng kế hoạch phát triển du lịch", "Sở Văn hóa, Thể thao và Du lịch", "Sở Công Thương",
     "Tháng 12/2026", "Kế hoạch được UBND tỉnh ban hành"],
    ["II. Lĩnh vực xã hội"],
    ["3", "Tổ chức tiêm chủng mở rộng", "Sở Y tế", "", "Trước 30/6/2026", "Báo cáo kết quả"],
    ["4", "Kiểm tra an toàn thực phẩm tại bếp ăn tập thể", "Sở Y tế", "Công an tỉnh", "Thường xuyên", "-"],
]
EXPECTED = [
    ("Sở Tài chính", ["Sở Xây dựng", "UBND các xã, phường"], date(2026, 9, 30), "Báo cáo UBND tỉnh"),
    ("Sở Văn hóa, Thể thao và Du lịch", ["Sở Công Thương"], date(2026, 12, 31), "Kế hoạch được UBND tỉnh ban hành"),
    ("Sở Y tế", [], date(2026, 6, 30), "Báo cáo kết quả"),
    ("Sở Y tế", ["Công an tỉnh"], None, None),
]


def _check(tasks) -> None:
    got = [(t.lead, t.coordinators, t.deadline, t.output) for t in tasks]
    assert got == EXPECTED
    assert tasks[0].section == "I. Lĩnh vực kinh tế" and tasks[2].section == "II. Lĩnh vực xã hội"
    assert tasks[0].summary.startswith("Rà soát tình hình giải ngân")


def annex_docx(path: Path) -> None:
    document = docx.Document()
    for line in HEAD.strip().split("\n"):
        document.add_paragraph(line)
    table = document.add_table(rows=1 + len(ROWS), cols=len(COLUMNS))
    for col, label in enumerate(COLUMNS):
        table.cell(0, col).text = label
    for r, row in enumerate(ROWS, start=1):
        if len(row) == 1:  # a group row: one cell merged across the table
            merged = table.cell(r, 0).merge(table.cell(r, len(COLUMNS) - 1))
            merged.text = row[0]
            continue
        for col, value in enumerate(row):
            if r == 6 and col == 2:
                continue  # the lead of row 4 is the cell of row 3, merged down
            table.cell(r, col).text = value
    top = table.cell(5, 2)
    top.merge(table.cell(6, 2)).text = "Sở Y tế"
    document.save(str(path))


def test_docx_annex_one_task_per_row_with_merged_cells(tmp_path):
    path = tmp_path / "ke-hoach.docx"
    annex_docx(path)
    _check(extract_file(path).tasks)


def annex_pdf(path: Path) -> None:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    pdfmetrics.registerFont(TTFont("DejaVuSans", str(FONT)))
    style = ParagraphStyle("vi", fontName="DejaVuSans", fontSize=9, leading=11)
    data = [[Paragraph(c, style) for c in COLUMNS]]
    spans = []
    for r, row in enumerate(ROWS, start=1):
        cells = row if len(row) > 1 else row + [""] * (len(COLUMNS) - 1)
        data.append([Paragraph(c, style) for c in cells])
        if len(row) == 1:
            spans.append(("SPAN", (0, r), (-1, r)))
    table = Table(data, colWidths=[30, 150, 80, 90, 70, 80])
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               *spans]))
    story = [Paragraph(line, style) for line in HEAD.strip().split("\n") if line] + [Spacer(1, 8), table]
    SimpleDocTemplate(str(path), pagesize=A4).build(story)


@pytest.mark.skipif(not FONT.exists(), reason="DejaVu fonts not installed")
def test_text_pdf_annex_one_task_per_row(tmp_path):
    path = tmp_path / "ke-hoach.pdf"
    annex_pdf(path)
    _check(extract_file(path).tasks)


def test_pasted_text_with_tabs():
    lines = ["\t".join(COLUMNS)] + ["\t".join(row) for row in ROWS]
    _check(extract_text(HEAD + "\n".join(lines) + "\n", issued=date(2026, 3, 10)).tasks)


def aligned(rows: list[list[str]], widths: list[int]) -> list[str]:
    return ["".join(cell.ljust(width) for cell, width in zip(row, widths, strict=False)).rstrip() for row in rows]


def test_pasted_text_with_aligned_columns_and_wrapped_cells():
    widths = [6, 34, 18, 22, 14, 20]
    lines = aligned([["STT", "Nhiệm vụ", "Cơ quan chủ", "Cơ quan phối", "Thời gian", "Sản phẩm"],
                     ["", "", "trì", "hợp", "hoàn thành", ""]], widths)
    lines.append("I. Lĩnh vực kinh tế")
    lines += aligned([["1", "Rà soát tình hình giải ngân vốn", "Sở Tài chính", "Sở Xây dựng, UBND", "Quý III/2026",
                       "Báo cáo UBND tỉnh"],
                      ["", "đầu tư công", "", "các xã, phường", "", ""],
                      ["2", "Xây dựng kế hoạch phát triển du", "Sở Văn hóa, Thể", "Sở Công Thương", "Tháng",
                       "Kế hoạch được UBND"],
                      ["", "lịch", "thao và Du lịch", "", "12/2026", "tỉnh ban hành"]], widths)
    lines.append("II. Lĩnh vực xã hội")
    lines += aligned([["3", "Tổ chức tiêm chủng mở rộng", "Sở Y tế", "", "Trước", "Báo cáo kết quả"],
                      ["", "", "", "", "30/6/2026", ""],
                      ["4", "Kiểm tra an toàn thực phẩm tại", "Sở Y tế", "Công an tỉnh", "Thường xuyên", "-"],
                      ["", "bếp ăn tập thể", "", "", "", ""]], widths)
    text = HEAD + "\n".join(lines) + "\n\nNơi nhận:\n- Như trên;\n"
    _check(extract_text(text).tasks)


def test_text_tables_leave_other_text_alone():
    text = "Sở Y tế  chủ trì   kiểm tra.\nỦY BAN NHÂN DÂN      CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    assert text_tables(text) == text


@pytest.mark.parametrize("labels, roles", [
    (["TT", "Nội dung công việc", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian thực hiện"],
     {"number": 0, "content": 1, "lead": 2, "coordinators": 3, "deadline": 4}),
    (["STT", "Nhiệm vụ", "Cơ quan thực hiện", "Tiến độ", "Sản phẩm"],
     {"number": 0, "content": 1, "lead": 2, "deadline": 3, "output": 4}),
    # who answers for the work, as a commune's or a department's plan heads the column
    (["TT", "Nội dung", "Trách nhiệm thực hiện", "Thời gian"], {"number": 0, "content": 1, "lead": 2, "deadline": 3}),
    (["STT", "Công việc", "Người thực hiện", "Thời hạn"], {"number": 0, "content": 1, "lead": 2, "deadline": 3}),
    (["STT", "Nội dung", "Phân công", "Thời gian"], {"number": 0, "content": 1, "lead": 2, "deadline": 3}),
    (["STT", "Nhiệm vụ", "Bộ phận thực hiện", "Đơn vị chịu trách nhiệm"], {"number": 0, "content": 1, "lead": 2}),
    # the head who answers for it beside the body that leads: the body
    (["STT", "Tên nhiệm vụ", "Người đứng đầu chịu trách nhiệm", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời hạn"],
     {"number": 0, "content": 1, "lead": 3, "coordinators": 4, "deadline": 5}),
    # a head alone still leads
    (["STT", "Nhiệm vụ", "Người đứng đầu chịu trách nhiệm", "Thời hạn"], {"number": 0, "content": 1, "lead": 2, "deadline": 3}),
    # not: counts and notes name nobody (a count is a share only beside a unit's column)
    (["STT", "Nội dung", "Số lượng", "Ghi chú"], {"number": 0, "content": 1, "quantity": 2}),
    (["STT", "Đơn vị", "Số lượng"], {"number": 0, "lead": 1, "quantity": 2}),
])
def test_column_roles(labels, roles):
    assert column_roles(labels) == roles


@pytest.mark.parametrize("text, plain, outline", [
    ("1", True, True), ("12.", True, True), ("2.3", True, True), ("4)", True, True),
    ("II", False, True), ("IV.", False, True), ("a)", False, True), ("đ.", False, True),
    ("Sở Y tế", False, False), ("1234", False, False), ("2026", False, False), ("", False, False),
    ("A.", False, False), ("1.2.3.4", True, True), ("ab)", False, False),
])
def test_row_numbers(text, plain, outline):
    """A row's number; a group's Roman numeral and a part's letter only when the reader asks."""
    assert is_row_number(text) is plain
    assert is_row_number(text, outline=True) is outline


def test_cli_on_a_docx_with_an_annex_table(tmp_path):
    path = tmp_path / "ke-hoach.docx"
    annex_docx(path)
    run = subprocess.run([sys.executable, "-m", "bot.cli", "extract", str(path)], capture_output=True, text=True,
                         cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=60)
    assert run.returncode == 0, run.stderr
    assert "Số nhiệm vụ: 4" in run.stdout and "Sản phẩm: Kế hoạch được UBND tỉnh ban hành" in run.stdout


# A row's lead and partners' cells hold names and nothing else: the words the name grammar leaves
# are read as names too (the rest of a name, a unit of its own), never as the task's text.
CELL_HEAD = "| STT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |\n"


@pytest.mark.parametrize("lead, partners, leads, coordinators", [
    # the rest of a name the grammar reads in part ("… và làng nghề", "…, Phát triển tỉnh")
    ("Ban Quản lý các cụm công nghiệp và làng nghề", "Sở Xây dựng",
     ["Ban Quản lý các cụm công nghiệp và làng nghề"], ["Sở Xây dựng"]),
    ("Phòng Kinh tế", "Ban Quản lý các khu du lịch và khu bảo tồn, Công an xã",
     ["Phòng Kinh tế"], ["Ban Quản lý các khu du lịch và khu bảo tồn", "Công an xã"]),
    ("Viện Nghiên cứu, Phát triển tỉnh", "Sở Tài chính", ["Viện Nghiên cứu, Phát triển tỉnh"], ["Sở Tài chính"]),
    # not: "các …" after a comma opens a unit of its own, however it is capitalized
    ("Sở Y tế", "Sở Công Thương, Các cơ sở kinh doanh dược phẩm", ["Sở Y tế"],
     ["Sở Công Thương", "Các cơ sở kinh doanh dược phẩm"]),
    # kinds the vocabulary lacks, each a unit of its own
    ("Doanh nghiệp, nhà cung cấp dịch vụ, nhà đầu tư", "Bộ Tài chính",
     ["Doanh nghiệp", "Nhà cung cấp dịch vụ", "Nhà đầu tư"], ["Bộ Tài chính"]),
    # units kept apart by semicolons; a note in brackets is no part of the name
    ("Sở Tư pháp (đối với thủ tục hành chính)", "Sở Nông nghiệp và Môi trường; các hợp tác xã nông nghiệp",
     ["Sở Tư pháp"], ["Sở Nông nghiệp và Môi trường", "các hợp tác xã nông nghiệp"]),
    ("Trung tâm Dịch vụ việc làm tỉnh", "Liên đoàn Lao động tỉnh; UBND các xã",
     ["Trung tâm Dịch vụ việc làm tỉnh"], ["Liên đoàn Lao động tỉnh", "UBND các xã"]),
    # not: what the unit does, written into its cell, is no part of its name
    ("UBND cấp xã trình Hội đồng nhân dân cùng cấp", "Phòng Tài chính - Kế hoạch", ["UBND cấp xã"],
     ["Phòng Tài chính - Kế hoạch"]),
])
def test_lead_and_partner_cells_are_read_whole(lead, partners, leads, coordinators):
    text = CELL_HEAD + f"| 1 | Rà soát hồ sơ đất đai | {lead} | {partners} | Tháng 6/2026 |\n"
    tasks = extract_text(text, issued=date(2026, 3, 10)).tasks
    assert [t.lead for t in tasks] == leads
    assert all(t.coordinators == coordinators for t in tasks)
    assert all(t.summary == "Rà soát hồ sơ đất đai" and t.deadline == date(2026, 6, 30) for t in tasks)


def test_a_sentence_without_the_rows_form_reads_as_before():
    """Not a row: "Giao … chủ trì, phối hợp với … <verb>" without "thực hiện:" is read by the grammar."""
    (task,) = extract_text("Giao Sở Y tế chủ trì, phối hợp với Sở Tài chính tổ chức kiểm tra an toàn thực phẩm "
                           "trước ngày 30/6/2026.", issued=date(2026, 3, 10)).tasks
    assert (task.lead, task.coordinators, task.deadline) == ("Sở Y tế", ["Sở Tài chính"], date(2026, 6, 30))
    assert task.summary.startswith("Tổ chức kiểm tra an toàn thực phẩm")


ANNEX_BODY = ("ỦY BAN NHÂN DÂN TỈNH BÌNH AN\nSố: 71/KH-UBND\nBình An, ngày 2 tháng 4 năm 2026\n\nKẾ HOẠCH\n"
              "Phát triển thương mại điện tử năm 2026\n\nIV. TỔ CHỨC THỰC HIỆN\n"
              "3. Các phòng chuyên môn, Ủy ban nhân dân các phường\n"
              "Căn cứ Kế hoạch này xây dựng kế hoạch cụ thể triển khai tại đơn vị.\n"
              "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn Bình\n")


@pytest.mark.parametrize("title", [
    "PHỤ LỤC\nDANH MỤC NHIỆM VỤ TRỌNG TÂM NĂM 2026\n(Kèm theo Kế hoạch số 71/KH-UBND ngày 02/4/2026)\n",
    "Phụ lục\nNHIỆM VỤ CỤ THỂ\n",
    # not: a title whose rows hang under it keeps them (an italic "(Ban hành kèm theo …)" heading)
    "PHỤ LỤC\n*(Ban hành kèm theo Kế hoạch số 71/KH-UBND)*\n",
])
def test_the_lines_opening_an_annex_are_no_task_of_the_section_above(title):
    text = ANNEX_BODY + title + CELL_HEAD + "| 1 | Tập huấn kỹ năng bán hàng trực tuyến | Sở Công Thương | " \
        "UBND các phường | Quý III/2026 |\n"
    tasks = extract_text(text).tasks
    assert [(t.lead, t.summary) for t in tasks][-1:] == [("Sở Công Thương", "Tập huấn kỹ năng bán hàng trực tuyến")]
    assert not [t for t in tasks if t.summary.isupper() or t.summary.startswith(("(", "Phụ lục", "PHỤ LỤC"))]
    assert len(tasks) == 3  # the section's two leads, then the annex's row


def test_a_docx_header_of_two_rows_under_a_merged_cell(tmp_path):
    """"Cơ quan thực hiện" merged over "Chủ trì | Phối hợp", the other header cells merged down."""
    document = docx.Document()
    for line in HEAD.strip().split("\n"):
        document.add_paragraph(line)
    table = document.add_table(rows=4, cols=5)
    for col, (top, below) in enumerate([("STT", None), ("Nội dung", None), ("Đơn vị thực hiện", "Chủ trì"),
                                        ("Đơn vị thực hiện", "Phối hợp"), ("Thời gian", None)]):
        table.cell(0, col).text = top
        if below:
            table.cell(1, col).text = below
        else:
            table.cell(0, col).merge(table.cell(1, col))
    table.cell(0, 2).merge(table.cell(0, 3)).text = "Đơn vị thực hiện"
    for r, row in enumerate([["1", "Kiểm tra an toàn thực phẩm", "Trạm Y tế xã", "Công an xã", "Quý III/2026"],
                             ["2", "Rà soát hộ nghèo", "Phòng Văn hóa - Xã hội", "", "Tháng 10/2026"]], start=2):
        for col, value in enumerate(row):
            table.cell(r, col).text = value
    path = tmp_path / "ke-hoach.docx"
    document.save(str(path))
    got = [(t.lead, t.coordinators, t.deadline) for t in extract_file(path).tasks]
    assert got == [("Trạm Y tế xã", ["Công an xã"], date(2026, 9, 30)),
                   ("Phòng Văn hóa - Xã hội", [], date(2026, 10, 31))]


@pytest.mark.parametrize("second, coordinators", [
    ("|  |  | Chủ trì | Phối hợp |  |", ["Sở Công Thương", "UBND các xã"]),
    ("| STT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian |", ["Sở Công Thương", "UBND các xã"]),
    # not: a first row of the table's own text is a row, however short its cells
    ("| 1 | Tập huấn | Sở Nội vụ | Sở Tư pháp | Tháng 5/2026 |", None),
])
def test_a_pipe_header_of_two_rows(second, coordinators):
    text = HEAD + ("| STT | Nhiệm vụ | Cơ quan thực hiện | Cơ quan thực hiện | Thời gian |\n" + second + "\n"
                   "| 2 | Hỗ trợ tiêu thụ nông sản | Sở Nông nghiệp và Môi trường | Sở Công Thương, UBND các xã | "
                   "Quý IV/2026 |\n")
    tasks = extract_text(text, issued=date(2026, 3, 10)).tasks
    if coordinators is None:
        # the header names no partners' column: the rows keep their leads, the partners are not read
        assert [t.lead for t in tasks] == ["Sở Nội vụ", "Sở Nông nghiệp và Môi trường"]
    else:
        (task,) = tasks
        assert (task.lead, task.coordinators, task.deadline) == ("Sở Nông nghiệp và Môi trường", coordinators,
                                                                 date(2026, 12, 31))


@pytest.mark.parametrize("header, second, leads, coordinators", [
    # a markdown table: the separator under the first row, the second row with labels of its own under
    # other merged cells ("Cấp ban hành" over "Tỉnh | Huyện"), empty cells as "|  |"
    ("| STT |  | Tên nhiệm vụ | Cấp ban hành |  | Thời gian | Đơn vị thực hiện |  | Ghi chú |\n"
     "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
     "|  | Theo KH 12 |  | Tỉnh | Huyện |  | Chủ trì | Phối hợp |  |",
     ["Sở Nông nghiệp và Môi trường", "Phòng Kinh tế"], [["Sở Công Thương", "UBND các xã"], ["Công an xã"]]),
    ("| TT | Nội dung công việc | Cơ quan thực hiện |  | Tiến độ |\n| --- | --- | --- | --- | --- |",
     "|  |  | Chủ trì | Phối hợp |  |",
     ["Sở Nông nghiệp và Môi trường", "Phòng Kinh tế"], [["Sở Công Thương", "UBND các xã"], ["Công an xã"]]),
    # not: a first row without a number whose short cells name no column is the table's text
    ("| TT | Nội dung công việc | Cơ quan thực hiện |  | Tiến độ |\n| --- | --- | --- | --- | --- |",
     "|  | Tập huấn | Sở Nội vụ | Sở Tư pháp | Tháng 5/2026 |",
     ["Sở Nội vụ", "Sở Nông nghiệp và Môi trường", "Phòng Kinh tế"], [[], [], []]),
])
def test_a_markdown_header_of_two_rows_with_labels_of_its_own(header, second, leads, coordinators):
    cells = len(header.split("\n")[0].strip("|").split("|"))
    rows = [["1", "Hỗ trợ tiêu thụ nông sản", "Sở Nông nghiệp và Môi trường", "Sở Công Thương, UBND các xã",
             "Quý IV/2026"], ["2", "Rà soát hộ kinh doanh", "Phòng Kinh tế", "Công an xã", "Tháng 10/2026"]]
    if cells == 9:
        rows = [[r[0], "", r[1], "x", "", r[4], r[2], r[3], ""] for r in rows]
    text = HEAD + header + "\n" + second + "\n" + "".join("| " + " | ".join(r) + " |\n" for r in rows)
    tasks = extract_text(text, issued=date(2026, 3, 10)).tasks
    assert [t.lead for t in tasks] == leads
    assert [t.coordinators for t in tasks] == coordinators
    assert [t.deadline for t in tasks][-2:] == [date(2026, 12, 31), date(2026, 10, 31)]


@pytest.mark.parametrize("lead, partners, leads, coordinators", [
    (["Sở Y tế", "Sở Tài chính"], ["Công an tỉnh", "UBND các xã"], ["Sở Y tế", "Sở Tài chính"],
     ["Công an tỉnh", "UBND các xã"]),
    (["Phòng Kinh tế"], ["Văn phòng HĐND và", "UBND xã", "Công an xã"], ["Phòng Kinh tế"],
     ["Văn phòng HĐND và UBND xã", "Công an xã"]),
    # not: a name going on in lower case is one name
    (["Ban Chỉ huy Quân sự", "xã"], ["Trạm Y tế xã"], ["Ban Chỉ huy Quân sự xã"], ["Trạm Y tế xã"]),
])
def test_a_docx_cell_lists_units_one_a_paragraph(tmp_path, lead, partners, leads, coordinators):
    document = docx.Document()
    for line in HEAD.strip().split("\n"):
        document.add_paragraph(line)
    table = document.add_table(rows=2, cols=5)
    for col, label in enumerate(["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian"]):
        table.cell(0, col).text = label
    for col, value in enumerate(["1", "Rà soát hộ nghèo", lead, partners, "Quý III/2026"]):
        cell = table.cell(1, col)
        lines = value if isinstance(value, list) else [value]
        cell.text = lines[0]
        for line in lines[1:]:
            cell.add_paragraph(line)
    path = tmp_path / "ke-hoach.docx"
    document.save(str(path))
    tasks = extract_file(path).tasks
    assert [t.lead for t in tasks] == leads
    assert all(t.coordinators == coordinators and t.deadline == date(2026, 9, 30) for t in tasks)


@pytest.mark.parametrize("cell, lead, coordinators", [
    ("Sở Y tế (chủ trì); Sở Tài chính, Công an tỉnh", "Sở Y tế", ["Sở Tài chính", "Công an tỉnh"]),
    ("Phòng Kinh tế chủ trì, Công an xã phối hợp", "Phòng Kinh tế", ["Công an xã"]),
    ("Chủ trì: Bộ Nội vụ; Phối hợp: Bộ Tài chính, UBND các tỉnh", "Bộ Nội vụ", ["Bộ Tài chính", "UBND các tỉnh"]),
    # not: a cell that marks neither names the lead alone
    ("Văn phòng HĐND và UBND xã", "Văn phòng HĐND và UBND xã", []),
])
def test_a_column_of_lead_and_partners_together(cell, lead, coordinators):
    text = HEAD + f"| STT | Nhiệm vụ | Cơ quan chủ trì, phối hợp | Thời gian |\n| 1 | Rà soát hồ sơ | {cell} | Quý III/2026 |\n"
    (task,) = extract_text(text, issued=date(2026, 3, 10)).tasks
    assert (task.lead, task.coordinators, task.deadline, task.summary) == (lead, coordinators, date(2026, 9, 30),
                                                                          "Rà soát hồ sơ")


@pytest.mark.parametrize("partners, coordinators", [
    # a catch-all after "và" is no rest of the name before it; with others named it is dropped
    ("Hội Nông dân tỉnh, các tổ chức chính trị - xã hội và cơ quan tổ chức có liên quan",
     ["Hội Nông dân tỉnh", "các tổ chức chính trị - xã hội"]),
    ("Công an xã và đơn vị có liên quan", ["Công an xã"]),
    # not: "và" inside a body's name
    ("Sở Văn hóa, Thể thao và Du lịch", ["Sở Văn hóa, Thể thao và Du lịch"]),
])
def test_a_catch_all_after_va_in_a_partners_cell_stands_apart(partners, coordinators):
    text = CELL_HEAD + f"| 1 | Rà soát hồ sơ đất đai | Sở Tư pháp | {partners} | Tháng 6/2026 |\n"
    tasks = extract_text(text, issued=date(2026, 3, 10)).tasks
    assert [(t.lead, t.coordinators) for t in tasks] == [("Sở Tư pháp", coordinators)]


@pytest.mark.parametrize("content", [
    # bodies named inside the task's content are its object, not more leads
    "Đề xuất phương án bảo đảm xe cho Văn phòng Ban Chỉ đạo; cơ quan thường trực các cấp giúp Ban Chỉ đạo kiểm tra",
    "Hướng dẫn nghiệp vụ; UBND các xã tổ chức tuyên truyền tại cơ sở",
])
def test_a_rows_content_names_no_other_lead(content):
    text = CELL_HEAD + f"| 1 | {content} | Sở Nội vụ | Sở Tài chính | Tháng 6/2026 |\n"
    tasks = extract_text(text, issued=date(2026, 3, 10)).tasks
    assert [(t.lead, t.deadline) for t in tasks] == [("Sở Nội vụ", date(2026, 6, 30))]


def test_a_sentence_outside_a_table_keeps_its_later_subjects():
    tasks = extract_text("Sở Nội vụ hướng dẫn nghiệp vụ; UBND các xã tổ chức tuyên truyền tại cơ sở.",
                         issued=date(2026, 3, 10)).tasks
    assert [t.lead for t in tasks] == ["Sở Nội vụ", "UBND các xã"]


_BARE_HEAD = "TT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành | Sản phẩm\n\n"


@pytest.mark.parametrize("rows, expected", [
    # a ministry's annex as a converter writes it: no bars at the ends, blank lines between rows,
    # a group row whose merged title repeats in every column
    ("I | Lĩnh vực pháp luật | Lĩnh vực pháp luật | Lĩnh vực pháp luật | Lĩnh vực pháp luật | Lĩnh vực pháp luật\n\n"
     "1 | Rà soát văn bản quy phạm pháp luật | Bộ Tư pháp | Văn phòng Chính phủ | Quý II/2026 | Báo cáo\n\n"
     "2 | Xây dựng đề án đào tạo luật sư | Bộ Tư pháp | Bộ Nội vụ | 2027 | Đề án\n",
     [("Bộ Tư pháp", ["Văn phòng Chính phủ"], date(2026, 6, 30)), ("Bộ Tư pháp", ["Bộ Nội vụ"], date(2027, 12, 31))]),
    # a commune's plan, rows one under the other
    ("1 | Tổ chức ra quân làm sạch đường làng | Đoàn Thanh niên xã | Hội Phụ nữ xã | Tháng 4/2026 | -\n"
     "2 | Kiểm tra hộ kinh doanh | Công an xã | | 30/6/2026 | Biên bản\n",
     [("Đoàn Thanh niên xã", ["Hội Phụ nữ xã"], date(2026, 4, 30)), ("Công an xã", [], date(2026, 6, 30))]),
])
def test_bare_pipe_rows_are_a_task_table(rows, expected):
    tasks = extract_text("Phụ lục\n" + _BARE_HEAD + rows, issued=date(2026, 3, 10)).tasks
    assert [(t.lead, t.coordinators, t.deadline) for t in tasks] == expected


def test_bare_pipe_lines_without_a_task_header_are_no_table():
    # the two columns of a header ("Số: … | Hà Nội, ngày …") and a table of figures stay text
    text = ("Số: 12/KH-UBND | Bình An, ngày 10 tháng 3 năm 2026\n"
            "Chỉ tiêu | Năm 2025 | Năm 2026\nThu ngân sách | 100 | 120\n")
    assert bare_pipe_tables(text) == text


@pytest.mark.parametrize("lead_cell", [
    "Theo phân công tại Quyết định số 12/QĐ-UBND ngày 05/02/2026 của Chủ tịch UBND tỉnh",
    "Theo Phương án số 88/PA-UBND của UBND huyện",
    "Theo chức năng, nhiệm vụ được giao",
    "",  # no lead at all: the row ends there and keeps the next row's lead apart
])
def test_a_row_whose_lead_is_named_elsewhere_gives_no_task(lead_cell):
    text = HEAD + ("| STT | Nhiệm vụ | Chủ trì | Phối hợp | Thời gian |\n| --- | --- | --- | --- | --- |\n"
                   f"| 1 | Tiếp tục thực hiện thủ tục hành chính không phụ thuộc địa giới | {lead_cell} | "
                   "Văn phòng UBND tỉnh | Năm 2026 |\n"
                   "| 2 | Tổ chức tiếp nhận hồ sơ trực tuyến | Các sở, ban, ngành, địa phương | Sở Nội vụ | Năm 2026 |\n"
                   "| 3 | Rà soát biên chế hành chính | Phòng Nội vụ | Theo kế hoạch | Quý II/2026 |\n")
    got = [(t.lead, t.coordinators, t.deadline) for t in extract_text(text, issued=date(2026, 3, 10)).tasks]
    assert got == [("Các sở, ban, ngành, địa phương", ["Sở Nội vụ"], date(2026, 12, 31)),
                   ("Phòng Nội vụ", [], date(2026, 6, 30))]


@pytest.mark.parametrize("lead_cell, lead", [
    # not: a cell that names its unit after "Theo" words of its own is no reference
    ("Sở Nội vụ (theo phân công)", "Sở Nội vụ"),
    ("Thanh tra tỉnh", "Thanh tra tỉnh"),
])
def test_a_lead_cell_naming_its_unit_keeps_the_task(lead_cell, lead):
    text = HEAD + ("| STT | Nhiệm vụ | Chủ trì | Thời gian |\n| --- | --- | --- | --- |\n"
                   f"| 1 | Kiểm tra công vụ tại các xã | {lead_cell} | Quý III/2026 |\n")
    assert [t.lead for t in extract_text(text, issued=date(2026, 3, 10)).tasks] == [lead]


@pytest.mark.parametrize("rows, expected", [
    # a bare table whose task has two leads: the second's row opens with the bar of its empty number
    # and content cells (merged above), and takes the content of the row above
    ("1 | Xây dựng kế hoạch tự kiểm tra công vụ | Kế hoạch của tỉnh | Tháng 01/2026 | Sở Nội vụ | Sở Tư pháp\n"
     " |  | Kế hoạch của đơn vị | Tháng 02/2026 | Các sở, ban, ngành |\n"
     "2 | Rà soát thủ tục hành chính | Danh mục | Quý II/2026 | Văn phòng UBND tỉnh |\n",
     [("Sở Nội vụ", ["Sở Tư pháp"], date(2026, 1, 31)), ("Các sở, ban, ngành", [], date(2026, 2, 28)),
      ("Văn phòng UBND tỉnh", [], date(2026, 6, 30))]),
    ("1 | Tập huấn nghiệp vụ văn thư | Lớp tập huấn | Quý III/2026 | Phòng Nội vụ | UBND các xã\n"
     " |  | Báo cáo kết quả | Quý IV/2026 | UBND các xã |\n",
     [("Phòng Nội vụ", ["UBND các xã"], date(2026, 9, 30)), ("UBND các xã", [], date(2026, 12, 31))]),
    # not: a row without a lead of its own is no task, and no content is carried into it
    ("1 | Tập huấn nghiệp vụ văn thư | Lớp tập huấn | Quý III/2026 | Phòng Nội vụ | UBND các xã\n"
     " |  | Báo cáo kết quả | Quý IV/2026 |  |\n",
     [("Phòng Nội vụ", ["UBND các xã"], date(2026, 9, 30))]),
])
def test_a_bare_row_with_empty_first_cells_is_a_second_lead_of_the_task_above(rows, expected):
    text = HEAD + "STT | Nhiệm vụ | Sản phẩm | Thời gian hoàn thành | Chủ trì | Phối hợp\n" + rows
    tasks = extract_text(text, issued=date(2026, 3, 10)).tasks
    assert [(t.lead, t.coordinators, t.deadline) for t in tasks] == expected


@pytest.mark.parametrize("content, when, output, deadline, recurrence", [
    # the time column says when: a cadence in the content or the product describes the work
    ("Công bố chỉ số cải cách hành chính hằng tháng", "Trước ngày 05 của tháng liền kề",
     "Kết quả công bố hằng tháng", None, "monthly:5"),
    ("Tổ chức đối thoại định kỳ hằng tháng với doanh nghiệp", "Hằng năm", "Các cuộc đối thoại hằng tháng",
     None, "yearly"),
    ("Tổ chức hội nghị trước ngày 15/3/2026 để triển khai", "Quý II/2026", "Báo cáo", date(2026, 6, 30), None),
    # a recurring duty beside a mere date of the time column stays recurring
    ("Hằng năm xây dựng kế hoạch đào tạo công chức", "Chậm nhất ngày 31/12 năm trước liền kề", "Kế hoạch",
     None, "yearly"),
])
def test_a_rows_time_column_dates_it(content, when, output, deadline, recurrence):
    text = HEAD + "| STT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành | Sản phẩm |\n" \
        + f"| 1 | {content} | Sở Nội vụ | Sở Tư pháp | {when} | {output} |\n"
    tasks = extract_text(text, issued=date(2026, 3, 10)).tasks
    assert [(t.lead, t.deadline, t.recurrence) for t in tasks] == [("Sở Nội vụ", deadline, recurrence)]
