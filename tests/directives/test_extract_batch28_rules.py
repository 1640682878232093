"""Rules learned from batch 28 after its single run on the engine it was labelled after (a university's plan
with its table, a province's decision setting up a steering board, district and ministry texts). Bodies, places
and people below are invented or generic."""
from __future__ import annotations

from directives import extract_text


def tasks(text: str) -> list[tuple[str, list[str], str | None]]:
    return [(t["lead"], t["coordinators"], t["deadline"])
            for t in extract_text(text, issued=None).to_contract()["tasks"]]


def test_the_members_a_decision_lists_are_no_tasks():
    text = """Điều 1. Thành lập Ban Chỉ đạo về dữ liệu tỉnh gồm các thành viên sau:
1. Chủ tịch Ủy ban nhân dân tỉnh, Trưởng Ban Chỉ đạo.
2. Các thành viên Ban Chỉ đạo:
- Giám đốc Sở Nội vụ;
- Giám đốc Sở Tài chính;
- Chánh Thanh tra tỉnh.
Điều 2. Sở Khoa học và Công nghệ là cơ quan thường trực, chủ trì xây dựng quy chế hoạt động của Ban Chỉ đạo.
"""
    assert [lead for lead, _, _ in tasks(text)] == ["Sở Khoa học và Công nghệ"]


def test_a_plans_table_with_numbered_groups_and_its_office():
    text = """3. Nội dung hoạt động
STT | Nội dung công việc | Đơn vị chủ trì | Đơn vị phối hợp | Thời hạn thực hiện
I. Xây dựng văn bản
1 | Ban hành quy định khen thưởng | Văn phòng | Các Khoa và Phòng Đào tạo | 31/5/2026
III. Hoạt động cải tiến chất lượng
1. Chuyển đổi số
1.1 | Xây dựng kế hoạch chuyển đổi số | Văn phòng | Các Khoa | 31/1/2026
2 Công tác nhân sự
2.1 | Xây dựng kế hoạch tuyển dụng | Văn phòng | Các Khoa | 15/2/2026
"""
    # "1. Chuyển đổi số", "2 Công tác nhân sự" between rows are groups of the table; "Văn phòng" alone is the
    # body's own office; "các Khoa" its faculties
    assert tasks(text) == [("Văn phòng", ["Các Khoa", "Phòng Đào tạo"], "2026-05-31"),
                           ("Văn phòng", ["Các Khoa"], "2026-01-31"),
                           ("Văn phòng", ["Các Khoa"], "2026-02-15")]


def test_science_is_no_faculty():
    assert [lead for lead, _, _ in tasks("Bộ Khoa học và Công nghệ chủ trì xây dựng đề án.")] == \
        ["Bộ Khoa học và Công nghệ"]


def test_working_bodies_named_by_their_work_label_their_items():
    text = """Tiểu ban điều trị: Tổ chức tập huấn, hướng dẫn phân luồng tiếp nhận bệnh nhân.
Tiểu ban hậu cần: Chủ động mua sắm thuốc, vật tư, hóa chất.
"""
    assert [lead for lead, _, _ in tasks(text)] == ["Tiểu ban điều trị", "Tiểu ban hậu cần"]


def test_a_person_named_without_a_post_hands_the_work_on():
    assert [lead for lead, _, _ in tasks("Ông Trần Văn Bình đề nghị UBND các phường khẩn trương hoàn thành sơ đồ "
                                         "quy hoạch.")] == ["UBND các phường"]
    assert [lead for lead, _, _ in tasks("Tại cuộc họp, đồng chí Trần Văn Bình nhấn mạnh UBND các phường khẩn "
                                         "trương hoàn thành sơ đồ quy hoạch.")] == ["UBND các phường"]
    # naming nobody after the verb, the person's words hand nothing
    assert tasks("Bà Lê Thị Hoa yêu cầu cả hệ thống chính trị vào cuộc.") == []


def test_a_board_named_for_two_kinds_of_zone():
    found = extract_text("Sở Công Thương chủ trì, phối hợp với Ban Quản lý các Khu công nghiệp, Khu kinh tế; các đơn "
                         "vị liên quan thực hiện rà soát quy hoạch.", issued=None).to_contract()["tasks"]
    assert [(t["lead"], t["coordinators"]) for t in found] == \
        [("Sở Công Thương", ["Ban Quản lý các Khu công nghiệp, Khu kinh tế"])]


def test_an_item_over_a_list_of_what_it_covers_is_one_task():
    text = """Các Sở: Tài chính, Xây dựng thực hiện các nhiệm vụ sau đây:
a) Tập trung phát triển các vùng trọng điểm mới:
- Vùng đô thị - công nghiệp phía Nam gắn với cảng hàng không quốc tế.
- Vùng nông nghiệp công nghệ cao phía Đông Bắc.
b) Rà soát quy hoạch tỉnh.
"""
    assert [(lead, summary[:9]) for lead, summary in
            [(t["lead"], t["summary"]) for t in extract_text(text, issued=None).to_contract()["tasks"]]] == \
        [("Sở Tài chính", "Tập trung"), ("Sở Xây dựng", "Tập trung"), ("Sở Tài chính", "Rà soát q"),
         ("Sở Xây dựng", "Rà soát q")]
