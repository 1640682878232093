"""Rules learned from batch 47 after its single run on the engine it was labelled after.
Bodies, places and people below are invented or generic."""
from __future__ import annotations

from extracted import tasks

PLAN = ("BỘ XA\nSố: 12/KH-BXA Hà Nội, ngày 20 tháng 3 năm 2030\nKẾ HOẠCH\nBồi dưỡng giáo viên\n"
        "Các hoạt động cụ thể như sau:\n"
        "| TT | Hoạt động | Đơn vị chủ trì | Đơn vị phối hợp | Sản phẩm | Thời gian thực hiện |\n")


def test_a_time_cell_spanning_days_is_due_on_the_last():
    text = PLAN + ("| 1. | Lựa chọn chuyên gia bồi dưỡng. | Vụ Xa. | Cục Ya. | Danh sách chuyên gia. | 01-12/4/2030 |\n"
                   "| 2. | Tư vấn, hỗ trợ học viên học qua mạng. | Vụ Xa. | Cục Ya. | Báo cáo. | 27/4 - 19/5/2030 |\n")
    assert [deadline for _, _, deadline, _ in tasks(text)] == ["2030-04-12", "2030-05-19"]


def test_a_draft_named_is_no_body_acting():
    text = ("THÔNG BÁO KẾT LUẬN\nHội nghị cho ý kiến các nội dung:\n"
            "1. Dự thảo Chương trình hành động thực hiện Nghị quyết Đại hội Đảng bộ xã Xa.\n"
            "Giao Ban Thường vụ Đảng ủy tiếp thu các ý kiến góp ý, hoàn thiện dự thảo.\n")
    assert [lead for lead, _, _, _ in tasks(text)] == ["Ban Thường vụ Đảng ủy"]


def test_communes_and_towns_without_their_comma():
    text = "THÔNG BÁO\n- UBND các xã thị trấn phát huy tinh thần trách nhiệm, vận động nhân dân liên kết sản xuất.\n"
    assert [lead for lead, _, _, _ in tasks(text)] == ["UBND các xã thị trấn"]


def test_a_health_centre_whose_name_holds_a_comma():
    text = ("CÔNG VĂN\n2. Trung tâm Truyền thông, Giáo dục sức khỏe: Căn cứ chức năng, nhiệm vụ tổ chức các hoạt động "
            "truyền thông phòng, chống dịch trong toàn tỉnh.\n")
    assert [lead for lead, _, _, _ in tasks(text)] == ["Trung tâm Truyền thông, Giáo dục sức khỏe"]
