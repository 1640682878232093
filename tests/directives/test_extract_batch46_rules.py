"""Rules learned from batch 46 after its single run on the engine it was labelled after.
Bodies, places and people below are invented or generic."""
from __future__ import annotations

from extracted import tasks

from directives.names import parse_unit, reading_units
from directives.text import tokenize

PLAN = ("ỦY BAN NHÂN DÂN TỈNH XA\n"
        "Số: 12/KH-UBND Xa, ngày 14 tháng 7 năm 2030\n"
        "KẾ HOẠCH\nChuyển đổi số\n"
        "Các nhiệm vụ cụ thể theo Phụ lục kèm theo Kế hoạch này.\n"
        "PHỤ LỤC\n")
HEADER = "| TT | Chi tiết | Tên nhiệm vụ | Đơn vị chủ trì | Đơn vị phối hợp | Sản phẩm | Thời hạn |\n"


def test_a_time_cell_counting_days_from_the_plan():
    text = PLAN + HEADER + (
        "| 1 | a) | Rà soát các phần mềm đang sử dụng | Sở Xa | Sở Ya | Báo cáo | 100 ngày kể từ ngày ban hành Kế hoạch |\n"
        "| 2 | b) | Tăng tỷ lệ giải ngân | Sở Za |  | Đạt 40% | 100 ngày |\n")
    assert [(lead, deadline) for lead, _, deadline, _ in tasks(text)] == [
        ("Sở Xa", "2030-10-22"), ("Sở Za", "2030-10-22")]


def test_a_group_row_spreads_its_merged_cells_over_its_rows():
    text = PLAN + HEADER + (
        "|  | 1 | Làm sạch, tích hợp dữ liệu về Kho dữ liệu dùng chung |  | Sở Xa | Dữ liệu tích hợp | 30/8/2030 |\n"
        "| 1 | a) | Dữ liệu quy hoạch | Sở Ya |  |  |  |\n"
        "| 2 | b) | Dữ liệu y tế | Sở Za |  |  |  |\n")
    assert [(lead, partners, deadline) for lead, partners, deadline, _ in tasks(text)] == [
        ("Sở Ya", ["Sở Xa"], "2030-08-30"), ("Sở Za", ["Sở Xa"], "2030-08-30")]


def test_a_group_row_whose_time_points_to_its_rows_is_no_task():
    text = PLAN + HEADER + (
        "|  | 2 | Cao điểm hoàn thiện dữ liệu đất đai | Sở Xa | Sở Ya | Dữ liệu | Theo từng mốc thời hạn dưới đây |\n"
        "| 3 | a) | Đối với các thửa đất đã đo đạc | Sở Xa | Sở Ya | Dữ liệu sạch | 30/7/2030 |\n"
        "| 4 | b) | Đối với các thửa đất còn lại | Sở Xa | Sở Ya | Dữ liệu sạch | 30/8/2030 |\n")
    assert [deadline for _, _, deadline, _ in tasks(text)] == ["2030-07-30", "2030-08-30"]


def test_a_row_without_number_that_names_its_lead_stays_a_task():
    text = PLAN + HEADER + (
        "| 1 | a) | Ban hành quy chế phối hợp | Sở Xa | Sở Ya |  | Quý II/2030 |\n"
        "|  |  | Tổ chức tập huấn quy chế | Sở Za | Sở Ya |  | Quý III/2030 |\n"
        "| 2 | b) | Kiểm tra việc thực hiện | Sở Xa |  |  | Quý IV/2030 |\n"
        "| 3 | c) | Sơ kết việc thực hiện | Sở Xa |  |  | Quý IV/2030 |\n")
    assert [(lead, partners) for lead, partners, _, _ in tasks(text)] == [
        ("Sở Xa", ["Sở Ya"]), ("Sở Za", ["Sở Ya"]), ("Sở Xa", []), ("Sở Xa", [])]


def test_a_partners_cell_that_asks_for_cooperation():
    text = PLAN + HEADER + (
        "| 1 | a) | Cung cấp dịch vụ công trực tuyến | Sở Xa | Đề nghị phối hợp với các Bộ, ngành liên quan |  | 30/9/2030 |\n")
    assert [(lead, partners) for lead, partners, _, _ in tasks(text)] == [("Sở Xa", ["các Bộ, ngành liên quan"])]


def test_what_the_body_asks_of_its_reader_ends_where_the_annex_begins():
    text = ("CÔNG VĂN\nKính gửi: Sở Xa.\n"
            "Vì vậy, Sở Ya đề nghị Sở Xa phối hợp triển khai một số nội dung sau:\n"
            "1. Chuẩn bị hạ tầng tiếp nhận dữ liệu.\n"
            "2. Phối hợp với Sở Ya triển khai di trú dữ liệu.\n"
            "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nGIÁM ĐỐC\nNguyễn Văn A\n\n"
            "Phụ lục I\nThông tin đăng ký hạ tầng kỹ thuật\n"
            "| TT | Yêu cầu |\n| --- | --- |\n| 1 | Hạ tầng đảm bảo an toàn thông tin cấp độ 3 |\n")
    assert [(lead, partners) for lead, partners, _, _ in tasks(text)] == [("Sở Xa", []), ("Sở Xa", ["Sở Ya"])]


def test_what_a_thing_serves_is_no_body_acting():
    text = ("CÔNG VĂN\nKính gửi: Sở Xa.\n"
            "4.1. Hạ tầng Máy chủ ảo hóa phục vụ triển khai Hệ thống Quản lý hồ sơ\n"
            "Tổng số: 24 máy chủ ảo hóa\n")
    assert tasks(text) == []


def test_the_figures_a_decision_sets_are_no_work():
    text = ("CÔNG VĂN\nKính gửi: Các thương nhân kinh doanh xăng dầu.\n"
            "Bộ Xa và Bộ Ya quyết định:\n"
            "1. Quỹ Bình ổn giá xăng dầu\n"
            "1.1. Trích lập Quỹ Bình ổn giá xăng dầu\n"
            "- Xăng E5RON92: 0 đồng/lít;\n- Dầu hỏa: 0 đồng/lít;\n"
            "2. Giá bán xăng dầu\n"
            "- Xăng RON95-III: không cao hơn 20.542 đồng/lít;\n- Dầu madút: không cao hơn 13.739 đồng/kg.\n"
            "3. Bộ Xa sẽ phối hợp với các cơ quan chức năng kiểm tra, giám sát việc bảo đảm nguồn cung xăng dầu.\n")
    assert [(lead, partners) for lead, partners, _, _ in tasks(text)] == [("Bộ Xa", ["các cơ quan chức năng"])]


def test_a_unit_read_twice_in_one_document_reads_the_same():
    words = tokenize("Sở Xa, Ủy ban nhân dân các huyện và các cơ quan liên quan rà soát")
    alone = [parse_unit(words, i) for i in range(len(words))]
    with reading_units():
        assert [parse_unit(words, i) for i in range(len(words))] == alone
        assert [parse_unit(list(words), i) for i in range(len(words))] == alone  # kept by the words, not the list
