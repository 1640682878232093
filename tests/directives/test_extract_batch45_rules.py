"""Rules learned from batch 45 after its single run on the engine it was labelled after.
Bodies, places and people below are invented or generic."""
from __future__ import annotations

from extracted import tasks


def leads(text: str) -> list[str]:
    return [lead for lead, _, _, _ in tasks(text)]


def test_who_an_investor_is_gives_no_work():
    text = ("QUYẾT ĐỊNH:\n"
            "Điều 1. Chấp thuận chủ trương đầu tư dự án khu công nghiệp Xa.\n"
            "1. Nhà đầu tư\n"
            "Tên doanh nghiệp: Công ty Cổ phần Xa.\n"
            "Địa chỉ thường trú và địa chỉ liên lạc: Số 6 phố Ya, phường Za.\n"
            "Căn cước công dân số 001000000000; Ngày cấp: 01/01/2030.\n"
            "Chức danh: Giám đốc.\n"
            "Điều 2. Trách nhiệm của Sở Xa\n"
            "1. Giám sát thực hiện dự án; hướng dẫn, đôn đốc nhà đầu tư.\n")
    assert leads(text) == ["Sở Xa"]


def test_the_audit_office_of_a_numbered_area():
    text = ("Đề nghị Ủy ban Kiểm tra Tỉnh ủy, Kiểm toán khu vực VII phối hợp kiểm tra, giám sát định kỳ việc thực hiện "
            "dự án.")
    assert leads(text) == ["Ủy ban Kiểm tra Tỉnh ủy", "Kiểm toán khu vực VII"]


def test_a_report_of_the_signing_then_the_request_over_the_items_set_beside_it():
    text = ("Theo Chỉ thị 12/CT-TTg năm 2031 về bảo đảm trật tự giao thông do Thủ tướng Chính phủ ban hành:\n"
            "Theo đó, Thủ tướng Chính phủ yêu cầu Bộ Xa thực hiện một số nhiệm vụ cụ thể như sau:\n"
            "(1) Chỉ đạo lực lượng chức năng tăng cường tuần tra, kiểm soát.\n"
            "(2) Phối hợp Bộ Ya nghiên cứu sửa đổi các quy định về xử phạt vi phạm.\n")
    assert [(lead, partners) for lead, partners, _, _ in tasks(text)] == [("Bộ Xa", []), ("Bộ Xa", ["Bộ Ya"])]


def test_the_bodies_of_a_place_are_one_partner():
    text = "Sở Xa chủ trì, phối hợp với các cơ quan chức năng của địa phương tăng cường thanh tra việc sử dụng hóa chất."
    assert [(lead, partners) for lead, partners, _, _ in tasks(text)] == [
        ("Sở Xa", ["các cơ quan chức năng của địa phương"])]
