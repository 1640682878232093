"""Rules learned from batch 29 after its single run on the engine it was labelled after (a university's
regulations and procedures: step tables, short names defined for its offices, the regulation a decision
issues). Bodies, places and people below are invented or generic."""
from __future__ import annotations

from directives import extract_text
from directives.glossary import defined_units


def tasks(text: str) -> list[tuple[str, list[str], str | None]]:
    return [(t["lead"], t["coordinators"], t["deadline"])
            for t in extract_text(text, issued=None).to_contract()["tasks"]]


DECISION = """TRƯỜNG ĐẠI HỌC KỸ THUẬT TÂN LẬP
Số: 12/QĐ-ĐHKT
QUYẾT ĐỊNH
Điều 1. Ban hành kèm theo Quyết định này Quy định dạy học trực tuyến.
Điều 2. Các Ông/Bà Trưởng các Phòng, Khoa có liên quan chịu trách nhiệm thi hành Quyết định này./.
Nơi nhận:
- Như Điều 2;
- Lưu: VT.
HIỆU TRƯỞNG
Nguyễn Văn An
QUY ĐỊNH
DẠY HỌC TRỰC TUYẾN
(Ban hành theo Quyết định số 12/QĐ-ĐHKT ngày 02 tháng 3 năm 2026 của Hiệu trưởng)
Điều 1. Phạm vi điều chỉnh
Quy định này áp dụng cho các đơn vị và cá nhân của Trường.
Điều 2. Giải thích từ ngữ
1. Đơn vị quản lý môn học (ĐVQLMH): Khoa, Bộ môn được Trường giao quản lý môn học.
Điều 3. Tổ chức đào tạo
1. ĐVQLMH lên kế hoạch cụ thể về phương thức giảng dạy đối với từng môn học.
Điều 4. Trách nhiệm của đơn vị phụ trách quản lý hạ tầng công nghệ thông tin - truyền thông
1. Quản lý, vận hành hệ thống máy chủ phục vụ dạy học trực tuyến.
Điều 5. Tổ chức thực hiện
1. Phòng Thanh tra pháp chế và Đảm bảo chất lượng có trách nhiệm thanh tra việc dạy học trực tuyến.
"""


def test_the_regulation_a_decision_issues_after_its_signature_is_its_body():
    # "(Ban hành theo Quyết định …)" without "kèm"; the glossary and the scope give no tasks; the short name
    # the regulation defines leads; the unit named by its work leads its article's items; the department
    # named after an inspectorate keeps its field's words
    assert [lead for lead, _, _ in tasks(DECISION)] == [
        "ĐVQLMH", "Đơn vị phụ trách quản lý hạ tầng công nghệ thông tin - truyền thông",
        "Phòng Thanh tra pháp chế và Đảm bảo chất lượng"]


def test_short_names_count_only_for_units():
    text = """- P.ĐTKT: Phòng Đào tạo Kỹ thuật;
- CBCT: Cán bộ coi thi;
Chương trình đào tạo (CTĐT) được cập nhật hằng năm; Đơn vị chuyên môn phụ trách đào tạo (ĐVCM) là khoa."""
    assert defined_units(text) == {"P.ĐTKT", "ĐVCM"}


def test_a_procedures_step_table_gives_each_step_to_its_column():
    text = """Bước | Trình tự thực hiện | Diễn giải | Thời gian | Trách nhiệm | Phối hợp | Biểu mẫu
1 | Thông báo nghỉ dạy | Giảng viên báo nghỉ với Phòng Đào tạo | Chậm nhất 15 phút sau giờ học | Giảng viên | Phòng Đào tạo | P1
2 | Xử lý sự việc | Phòng Đào tạo thông báo cho lớp nghỉ | Trong ngày | Phòng Đào tạo | Ban Quản lý cơ sở |
"""
    assert tasks(text) == [("Giảng viên", ["Phòng Đào tạo"], None),
                           ("Phòng Đào tạo", ["Ban Quản lý cơ sở"], None)]


def test_a_step_label_is_not_the_subject():
    text = """Đơn vị chuyên môn (ĐVCM) là khoa, bộ môn được giao đào tạo.
Điều 6. Quy trình cập nhật
1. Bước 1: Căn cứ kế hoạch phát triển của Trường, ĐVCM lập kế hoạch đánh giá chương trình.
2. Bước 2: ĐVCM thu thập thông tin, minh chứng liên quan."""
    assert [lead for lead, _, _ in tasks(text)] == ["ĐVCM", "ĐVCM"]
