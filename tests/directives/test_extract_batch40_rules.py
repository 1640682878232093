"""Rules learned from batch 40 after its single run on the engine it was labelled after. Bodies, places and
people below are invented or generic."""
from __future__ import annotations

from extracted import tasks


def test_a_long_group_title_between_pipe_rows_keeps_the_table_going():
    text = ("PHỤ LỤC CÁC NHIỆM VỤ TRỌNG TÂM\n"
            "TT | Nội dung | Cơ quan chủ trì | Thời gian ban hành | Thời gian triển khai thực hiện\n"
            "3.3. Phát triển nông nghiệp\n"
            "(1) | Kế hoạch phát triển lâm nghiệp bền vững | Sở Xa | Quý I năm 2026 | Giai đoạn 2026 - 2030\n"
            "3.4. Phát triển thương mại, dịch vụ, du lịch; đảm bảo thu chi ngân sách nhà nước, phát triển dịch vụ "
            "tài chính, ngân hàng\n"
            "(1) | Đề án quản lý chợ truyền thống | Sở Ya | Năm 2026 | Giai đoạn 2026 - 2030\n")
    assert [(lead, deadline) for lead, _, deadline, _ in tasks(text)] == [
        ("Sở Xa", "2026-03-31"), ("Sở Ya", "2026-12-31")]


def test_levels_of_school_after_the_kind_are_one_group():
    text = ("Kính gửi: Hiệu trưởng các trường MN, TH, THCS, đơn vị trực thuộc.\n"
            "Đề nghị Hiệu trưởng các trường MN, TH, THCS, đơn vị trực thuộc treo băng rôn trước cổng trường.\n"
            "Các trường mầm non, tiểu học và THCS trên địa bàn huyện báo cáo số liệu.\n")
    assert [lead for lead, *_ in tasks(text)] == [
        "Hiệu trưởng các trường MN, TH, THCS, đơn vị trực thuộc",
        "Các trường mầm non, tiểu học và THCS trên địa bàn huyện"]


PASSED_ON = """UBND QUẬN XA
PHÒNG GIÁO DỤC VÀ ĐÀO TẠO
Số: 12/GDĐT
Quận Xa, ngày 04 tháng 11 năm 2026
Kính gửi: Hiệu trưởng các trường MN, TH, THCS.
Thực hiện Kế hoạch số 17/KH-UBND ngày 26/10/2026 của Ủy ban nhân dân quận;
Phòng Giáo dục và Đào tạo triển khai công tác phòng, chống sốt xuất huyết đến các cơ sở giáo dục trên địa bàn quận với các nội dung như sau:
- Tăng cường công tác tuyên truyền phòng, chống sốt xuất huyết.
- Tăng cường tổng vệ sinh trường lớp.
- Ban giám hiệu chỉ đạo diệt lăng quăng.
"""


def test_work_passed_on_to_units_is_theirs_and_a_schools_board_leads():
    assert [(lead, summary[:12]) for lead, _, _, summary in tasks(PASSED_ON)] == [
        ("Các cơ sở giáo dục trên địa bàn quận", "Tăng cường c"),
        ("Các cơ sở giáo dục trên địa bàn quận", "Tăng cường t"),
        ("Ban giám hiệu", "Chỉ đạo diệt"),
    ]


def test_an_instruction_that_asks_hands_the_work():
    text = ("Để bảo đảm cung ứng điện, Thủ tướng Chính phủ chỉ thị yêu cầu Bộ trưởng Bộ Xa như sau:\n"
            "- Tập trung rà soát quy hoạch điện.\n")
    assert [lead for lead, *_ in tasks(text)] == ["Bộ trưởng Bộ Xa"]


def test_the_manner_of_a_request_is_no_part_of_a_name():
    assert [lead for lead, *_ in tasks("Đề nghị Sở Xa như sau:\n- Rà soát danh mục dự án.\n")] == ["Sở Xa"]


def test_roman_group_rows_without_a_dot_and_those_concerned_among_the_partners():
    text = ("Phụ lục I\n"
            "TT | Nội dung công việc | Cơ quan chủ trì | Cơ quan phối hợp | Sản phẩm | Thời hạn hoàn thành\n"
            "I Thực hiện hiệu quả công tác tuyên truyền\n"
            "1 | Đẩy mạnh công tác thông tin | Bộ Xa | Bộ Ya; doanh nghiệp liên quan | Văn bản | Thường xuyên\n"
            "II Hoàn thiện thể chế\n"
            "1 | Xây dựng quy chế phối hợp | Bộ Za | Cơ quan, tổ chức và doanh nghiệp liên quan | Quy chế | "
            "Quý III/2026\n")
    assert [(lead, partners, deadline) for lead, partners, deadline, _ in tasks(text)] == [
        ("Bộ Xa", ["Bộ Ya"], None),
        ("Bộ Za", ["Cơ quan, tổ chức và doanh nghiệp liên quan"], "2026-09-30"),
    ]


def test_the_mass_media_at_both_tiers_lead_beside_the_national_broadcasters():
    text = ("6. Đài Truyền hình Xa, Thông tấn xã Xa và các phương tiện thông tin đại chúng ở Trung ương và địa "
            "phương:\n- Tăng thời lượng tuyên truyền về an toàn thực phẩm.\n")
    assert [lead for lead, *_ in tasks(text)] == [
        "Đài Truyền hình Xa", "Thông tấn xã Xa", "Các phương tiện thông tin đại chúng ở Trung ương và địa phương"]


def test_two_quarters_of_a_year_in_a_time_cell_end_with_the_second():
    text = ("TT | Nội dung | Cơ quan chủ trì | Thời gian ban hành\n"
            "1 | Ban hành chính sách hỗ trợ người có uy tín | Sở Xa | Quý I, II năm 2026\n")
    assert [deadline for _, _, deadline, _ in tasks(text)] == ["2026-06-30"]
