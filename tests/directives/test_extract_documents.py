"""Three whole directives of our own writing, and the JSON contract."""
import io
import json
from datetime import date

import docx
import pytest

from directives import extract_file, extract_text
from directives.cli import run_extract

MINISTRY_LETTER = """BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG
Số: 845/BNNMT-TTBVTV
V/v tăng cường phòng, chống dịch hại lúa vụ Hè Thu năm 2026
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hà Nội, ngày 04 tháng 6 năm 2026

Kính gửi:
- Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương;
- Các đơn vị thuộc Bộ.

Thực hiện chỉ đạo của Thủ tướng Chính phủ, Bộ Nông nghiệp và Môi trường đề nghị Ủy ban nhân dân các tỉnh, thành phố chỉ đạo thực hiện một số nội dung sau:

1. Rà soát diện tích lúa bị nhiễm sâu bệnh, báo cáo Bộ trước ngày 20/6/2026.

2. Bố trí kinh phí dự phòng để chủ động ứng phó; hoàn thành trong tháng 7/2026.

3. Định kỳ hằng tuần, cập nhật tình hình dịch hại trên hệ thống thông tin của Bộ.

Đề nghị Cục Trồng trọt và Bảo vệ thực vật chủ trì, phối hợp với Trung tâm Khuyến nông Quốc gia và các đơn vị liên quan hướng dẫn kỹ thuật phòng trừ, báo cáo Lãnh đạo Bộ chậm nhất ngày 30/6/2026.

Trong quá trình thực hiện, nếu có vướng mắc, đề nghị phản ánh về Bộ để được hướng dẫn./.

Nơi nhận:
- Như trên;
- Lưu: VT.
KT. BỘ TRƯỞNG
THỨ TRƯỞNG
"""

DISTRICT_PLAN = """ỦY BAN NHÂN DÂN
HUYỆN MINH SƠN
Số: 56/KH-UBND
Minh Sơn, ngày 20 tháng 4 năm 2026

KẾ HOẠCH
Triển khai công tác chuyển đổi số năm 2026

I. MỤC ĐÍCH, YÊU CẦU
Các cơ quan, đơn vị phải bám sát nhiệm vụ được giao.

II. NHIỆM VỤ, GIẢI PHÁP
1. Tuyên truyền, nâng cao nhận thức
- Tổ chức quán triệt các văn bản về chuyển đổi số.
- Đẩy mạnh tuyên truyền trên Cổng thông tin điện tử huyện.

III. TỔ CHỨC THỰC HIỆN
1. Phân công nhiệm vụ
a) Phòng Văn hóa, Khoa học và Thông tin chủ trì, phối hợp với Văn phòng HĐND và UBND huyện:
- Hướng dẫn các cơ quan triển khai nền tảng số; hoàn thành trong quý II/2026.
- Tổng hợp, báo cáo UBND huyện kết quả thực hiện trước ngày 15/12/2026.
b) Phòng Tài chính - Kế hoạch:
- Tham mưu bố trí kinh phí thực hiện Kế hoạch, trình UBND huyện trước 30/6.
c) Các cơ quan, đơn vị; UBND các xã, thị trấn theo chức năng, nhiệm vụ được giao:
- Xây dựng kế hoạch cụ thể của đơn vị, gửi về Phòng Văn hóa, Khoa học và Thông tin trước ngày 15/5/2026.
- Định kỳ trước ngày 20 hằng tháng báo cáo kết quả thực hiện về UBND huyện.
2. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam huyện và các tổ chức chính trị - xã hội huyện phối hợp tuyên truyền, vận động Nhân dân tham gia.

Trên đây là Kế hoạch triển khai công tác chuyển đổi số năm 2026 của UBND huyện Minh Sơn./.
"""


def summary(result):
    return [(t.lead, t.coordinators, t.deadline, t.recurrence) for t in result.tasks]


def test_ministry_letter(tmp_path):
    path = tmp_path / "bo.txt"
    path.write_text(MINISTRY_LETTER, encoding="utf-8")
    result = extract_file(path)
    doc = result.document
    assert (doc.number, doc.issued) == ("845/BNNMT-TTBVTV", date(2026, 6, 4))
    assert doc.issuer.startswith("BỘ NÔNG NGHIỆP")
    assert doc.title.startswith("V/v tăng cường")
    provinces = "Ủy ban nhân dân các tỉnh, thành phố"
    assert summary(result) == [
        (provinces, [], date(2026, 6, 20), None),
        (provinces, [], date(2026, 7, 31), None),
        (provinces, [], None, "weekly"),
        ("Cục Trồng trọt và Bảo vệ thực vật", ["Trung tâm Khuyến nông Quốc gia"], date(2026, 6, 30), None),
    ]


def test_district_plan_with_lettered_headings_and_bullets():
    result = extract_text(DISTRICT_PLAN)
    assert result.document.issued == date(2026, 4, 20)
    culture, finance = "Phòng Văn hóa, Khoa học và Thông tin", "Phòng Tài chính - Kế hoạch"
    office = ["Văn phòng HĐND và UBND huyện"]
    assert summary(result) == [
        (culture, office, date(2026, 6, 30), None),
        (culture, office, date(2026, 12, 15), None),
        (finance, [], date(2026, 6, 30), None),
        ("Các cơ quan, đơn vị", [], date(2026, 5, 15), None),
        ("UBND các xã, thị trấn", [], date(2026, 5, 15), None),
        ("Các cơ quan, đơn vị", [], None, "monthly:20"),
        ("UBND các xã, thị trấn", [], None, "monthly:20"),
        ("Ủy ban Mặt trận Tổ quốc Việt Nam huyện", [], None, None),
        # the mass organisations are a kind of body of their own, not a catch-all (GUIDELINES)
        ("Các tổ chức chính trị - xã hội huyện", [], None, None),
    ]


def _table_docx(path):
    document = docx.Document()
    document.add_paragraph("ỦY BAN NHÂN DÂN TỈNH AN HÒA")
    document.add_paragraph("Số: 77/TB-UBND")
    document.add_paragraph("An Hòa, ngày 02 tháng 3 năm 2026")
    document.add_paragraph("THÔNG BÁO")
    document.add_paragraph("Phân công nhiệm vụ thực hiện Chương trình công tác quý II năm 2026")
    document.add_paragraph("Chủ tịch UBND tỉnh phân công nhiệm vụ như sau:")
    rows = [
        ("STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời hạn"),
        ("1", "Xây dựng Đề án phát triển du lịch cộng đồng", "Sở Văn hóa, Thể thao và Du lịch",
         "Sở Tài chính, UBND các xã, phường", "30/6/2026"),
        ("2", "Báo cáo tình hình giải ngân vốn đầu tư công", "Sở Tài chính", "Kho bạc Nhà nước khu vực IX",
         "Hằng tháng"),
        ("3", "Rà soát quy hoạch ngành", "Sở Nông nghiệp và Môi trường", "", "Quý III/2026"),
    ]
    table = document.add_table(rows=len(rows), cols=5)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    document.add_paragraph("Đề nghị các cơ quan, đơn vị nghiêm túc thực hiện./.")
    document.save(path)


def test_docx_with_a_table_of_assignments(tmp_path):
    path = tmp_path / "phan-cong.docx"
    _table_docx(path)
    result = extract_file(path)
    assert result.document.number == "77/TB-UBND"
    assert summary(result) == [
        ("Sở Văn hóa, Thể thao và Du lịch", ["Sở Tài chính", "UBND các xã, phường"], date(2026, 6, 30), None),
        ("Sở Tài chính", ["Kho bạc Nhà nước khu vực IX"], None, "monthly"),
        ("Sở Nông nghiệp và Môi trường", [], date(2026, 9, 30), None),
    ]
    assert result.tasks[0].output.startswith("Đề án phát triển du lịch")


def test_contract_has_exactly_the_agreed_keys(tmp_path):
    path = tmp_path / "plan.md"
    path.write_text(DISTRICT_PLAN, encoding="utf-8")
    out = io.StringIO()
    assert run_extract(str(path), "2026-04-21", True, out=out) == 0
    data = json.loads(out.getvalue())
    assert set(data) == {"document", "tasks"}
    assert set(data["document"]) == {"number", "issuer", "issued", "title", "scanned"}
    assert data["document"]["issued"] == "2026-04-21"  # --issued overrides the header
    assert all(set(t) == {"lead", "coordinators", "deadline", "recurrence", "text", "summary", "output",
                                "uncertain"}
               for t in data["tasks"])
    assert data["tasks"][0]["deadline"] == "2026-06-30"


def test_human_table_lists_numbered_tasks(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_text(DISTRICT_PLAN, encoding="utf-8")
    stream = io.StringIO()
    assert run_extract(str(path), None, False, out=stream) == 0
    out = stream.getvalue()
    assert "  1. Chủ trì: Phòng Văn hóa, Khoa học và Thông tin" in out
    assert "Thời hạn: 15/12/2026" in out and "trước ngày 20 hằng tháng" in out  # readable, not monthly:20


def test_units_directory_resolves_names_and_reports_unknown():
    units = [("Sở Tài chính", ["STC"]), ("Sở Nông nghiệp và Môi trường", ["Sở NN&MT"]),
             ("UBND tỉnh", ["Ủy ban nhân dân tỉnh"])]
    text = "Sở NN&MT chủ trì, phối hợp với Sở Tài chính, UBND các xã, phường rà soát quỹ đất."
    (task,) = extract_text(text, units=units).tasks
    assert task.lead_unit == "Sở Nông nghiệp và Môi trường"
    assert task.unknown_units == ["UBND các xã, phường"]


@pytest.mark.parametrize("name, expected", [
    ("Sở NN&MT", "Sở Nông nghiệp và Môi trường"),
    ("Sở KH&CN", "Sở Khoa học và Công nghệ"),
    ("Uỷ ban nhân dân tỉnh", "UBND tỉnh"),
    ("VP UBND tỉnh", "Văn phòng UBND tỉnh"),
    ("Sở Văn hoá, Thể thao và Du lịch", "Sở Văn hóa, Thể thao và Du lịch"),
    ("Các sở, ban, ngành", None),
    ("Bộ Tài chính", None),
])
def test_resolve_unit(name, expected):
    from directives import resolve_unit

    class Unit:
        def __init__(self, name, aliases):
            self.name, self.aliases = name, aliases

    directory = [Unit("Sở Nông nghiệp và Môi trường", []), Unit("Sở Khoa học và Công nghệ", []),
                 Unit("UBND tỉnh", []), Unit("Văn phòng UBND tỉnh", ["Văn phòng Ủy ban nhân dân tỉnh"]),
                 Unit("Sở Văn hóa, Thể thao và Du lịch", []), Unit("Sở Tài chính", [])]
    assert resolve_unit(name, directory)[0] == expected
