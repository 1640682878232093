"""Rules learned from batch 41 after its single run on the engine it was labelled after. Bodies, places and
people below are invented or generic."""
from __future__ import annotations

from extracted import tasks


def leads(text: str) -> list[str]:
    return [lead for lead, _, _, _ in tasks(text)]


def test_a_boards_members_are_no_work():
    text = ("III. TỔ CHỨC THỰC HIỆN\n"
            "1. Ban Tổ chức\n"
            "- Ông Nguyễn Văn A, Tổng Biên tập Tạp chí Xa, Trưởng ban;\n"
            "- Bà Trần Thị B, Chánh Văn phòng Sở Xa, Phó Trưởng ban;\n"
            "- Các Ông/Bà là lãnh đạo các trường THPT là thành viên Ban tổ chức.\n"
            "2. Sở Xa\n"
            "- Chủ trì triển khai kế hoạch.\n")
    assert leads(text) == ["Sở Xa"]


def test_the_part_a_unit_plays_is_no_work_unless_work_follows():
    text = ("2. Liên đoàn Xa\n"
            "- Là đơn vị đồng phối hợp tổ chức chương trình.\n"
            "- Hỗ trợ kinh phí cho chương trình.\n"
            "3. Trung tâm Ya\n"
            "- Là đơn vị chuyên môn thường trực, hướng dẫn triển khai thực hiện.\n")
    assert leads(text) == ["Liên đoàn Xa", "Trung tâm Ya"]


def test_an_annex_without_a_time_column_is_due_when_the_body_says():
    text = ("BAN CHỈ ĐẠO\n"
            "Kính gửi: Các bộ, cơ quan ngang bộ.\n"
            "1. Khẩn trương xử lý các kiến nghị cụ thể của các địa phương (Phụ lục kèm theo), hoàn thành trước ngày "
            "15/12/2025.\n"
            "Nơi nhận:\n- Như trên;\n- Lưu: VT.\n"
            "PHỤ LỤC\n"
            "TT | Tỉnh kiến nghị | Thông tin đề xuất | Bộ phụ trách tiếp nhận, xử lý\n"
            "1 | Tỉnh Xa | Đề nghị hỗ trợ kinh phí sửa chữa trụ sở | Bộ Ya\n"
            "2 | Tỉnh Za | Đề nghị hướng dẫn thủ tục đất đai | Bộ Ta\n")
    got = [(lead, deadline) for lead, _, deadline, _ in tasks(text)]
    assert ("Bộ Ya", "2025-12-15") in got and ("Bộ Ta", "2025-12-15") in got


def test_kinds_of_enterprise_in_a_partner_cell_are_one_group():
    text = ("TT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian\n"
            "1 | Xây dựng quy chế | Bộ Ya | Bộ Za; Tập đoàn, tổng công ty, doanh nghiệp nhà nước | Năm 2026\n")
    assert [coordinators for _, coordinators, _, _ in tasks(text)] == [
        ["Bộ Za", "Tập đoàn, tổng công ty, doanh nghiệp nhà nước"]]
