"""Who leads and who coordinates: each lead and coordinator form (one sentence each)."""
from datetime import date

import pytest

from directives import extract_text


def tasks_of(text: str):
    return [(t.lead, t.coordinators) for t in extract_text(text, issued=date(2026, 5, 8)).tasks]


@pytest.mark.parametrize("sentence, lead, coordinators", [
    ("Giao Sở Tài chính chủ trì, phối hợp với Sở Xây dựng rà soát nguồn vốn.", "Sở Tài chính", ["Sở Xây dựng"]),
    ("Sở Y tế chủ trì, phối hợp với Công an tỉnh, Bảo hiểm xã hội tỉnh xây dựng kế hoạch.",
     "Sở Y tế", ["Công an tỉnh", "Bảo hiểm xã hội tỉnh"]),
    ("Đề nghị Bộ Công Thương xem xét, tháo gỡ vướng mắc.", "Bộ Công Thương", []),
    ("Sở Công Thương khẩn trương rà soát các cơ sở sản xuất.", "Sở Công Thương", []),
    ("Đối với dự án trường nội trú, yêu cầu Ban Quản lý dự án đầu tư xây dựng tỉnh hoàn tất hồ sơ.",
     "Ban Quản lý dự án đầu tư xây dựng tỉnh", []),
    ("Các sở, ban, ngành tăng cường kiểm tra.", "Các sở, ban, ngành", []),
    ("UBND các xã, phường rà soát danh sách hộ nghèo.", "UBND các xã, phường", []),
    ("Sở Văn hóa, Thể thao và Du lịch chủ trì tổ chức lễ hội.", "Sở Văn hóa, Thể thao và Du lịch", []),
    ("Giao cơ quan soạn thảo tiếp thu ý kiến, hoàn thiện dự thảo.", "Cơ quan soạn thảo", []),
    ("Phòng Nội vụ chủ trì, phối hợp với phòng Tài chính - Kế hoạch tổ chức hội nghị.",
     "Phòng Nội vụ", ["phòng Tài chính - Kế hoạch"]),
    ("UBND tỉnh giao Sở Nội vụ chủ trì thẩm định đề án.", "Sở Nội vụ", []),
    ("Các đồng chí Ủy viên UBND tỉnh có ý kiến góp ý đối với dự thảo.", "Các đồng chí Ủy viên UBND tỉnh", []),
])
def test_lead_forms(sentence, lead, coordinators):
    assert tasks_of(sentence) == [(lead, coordinators)]


@pytest.mark.parametrize("sentence, coordinators", [
    # A catch-all alone is kept as one entry...
    ("Sở Nội vụ chủ trì, phối hợp với các cơ quan liên quan triển khai KPI.", ["các cơ quan liên quan"]),
    ("Sở Giáo dục và Đào tạo chủ trì, phối hợp với các địa phương, cơ quan liên quan chuẩn bị kỳ thi.",
     ["các địa phương, cơ quan liên quan"]),
    # ...and dropped when a unit is named.
    ("Sở Tài chính chủ trì, phối hợp với Sở Khoa học và Công nghệ, Kho bạc Nhà nước khu vực VII, các chủ đầu tư "
     "và các cơ quan liên quan triển khai phần mềm.", ["Sở Khoa học và Công nghệ", "Kho bạc Nhà nước khu vực VII",
                                                    "các chủ đầu tư"]),
    ("Sở Xây dựng chủ trì, phối hợp với Sở Tài chính, nhà đầu tư và các cơ quan liên quan hoàn thiện hồ sơ.",
     ["Sở Tài chính", "nhà đầu tư"]),
    ("Phòng Tài chính - Kế hoạch chủ trì, phối hợp với các cơ quan, ban, ngành; UBND các xã, thị trấn: "
     "Nghiên cứu, đề xuất giải pháp.", ["UBND các xã, thị trấn"]),
    ("Giao Ban Quản lý Khu kinh tế tỉnh phối hợp với UBND phường Nam Sơn, Sở Nông nghiệp và Môi trường "
     "hoàn thiện phương án.", ["UBND phường Nam Sơn", "Sở Nông nghiệp và Môi trường"]),
])
def test_coordinator_forms(sentence, coordinators):
    (_, found), = tasks_of(sentence)
    assert found == coordinators


def test_coordinators_in_a_following_sentence_join_the_task():
    text = ("Sở Y tế chỉ đạo công tác phòng, chống dịch. Đồng thời, chủ trì, phối hợp với UBND các xã, phường "
            "tham mưu Kế hoạch khám sức khỏe.")
    assert tasks_of(text) == [("Sở Y tế", ["UBND các xã, phường"])]


def test_abbreviated_and_level_names():
    (lead, coordinators), = tasks_of("Văn phòng HĐND và UBND huyện chủ trì, phối hợp với Chi cục Thống kê "
                                     "tổng hợp số liệu.")
    assert lead == "Văn phòng HĐND và UBND huyện" and coordinators == ["Chi cục Thống kê"]


@pytest.mark.parametrize("sentence, leads", [
    # a conclusion's assent straight before the handing: the unit handed the work leads, not the speaker
    ("Chủ tịch UBND huyện đồng ý giao Phòng Giáo dục và Đào tạo chủ trì tổ chức Hội khỏe Phù Đổng.",
     ["Phòng Giáo dục và Đào tạo"]),
    ("Ban Thường vụ Huyện ủy thống nhất giao Đảng ủy các xã chỉ đạo rà soát đảng viên.", ["Đảng ủy các xã"]),
    # "giao đất cho …" hands land, not work: the company named after it leads nothing
    ("UBND tỉnh thống nhất giao đất cho Công ty Cổ phần Sông Đà để thực hiện dự án.", ["UBND tỉnh"]),
])
def test_assent_then_handing(sentence, leads):
    assert [lead for lead, _ in tasks_of(sentence)] == leads


@pytest.mark.parametrize("sentence, expected", [
    # what the meeting agreed to, before the clause that hands the work, is not the unit's work
    ("Thống nhất tổ chức Hội nghị sơ kết vào tháng 12/2026; giao Văn phòng HĐND và UBND huyện chuẩn bị nội dung.",
     [("Văn phòng HĐND và UBND huyện", "Chuẩn bị nội dung")]),
    ("Đồng ý chủ trương sửa chữa trụ sở Sở Tư pháp; giao Sở Xây dựng phối hợp với Sở Tài chính lập dự toán.",
     [("Sở Xây dựng", "Lập dự toán")]),
    # a unit's own clauses before and after ";" stay its work
    ("Sở Y tế kiểm tra các cơ sở; hướng dẫn các bệnh viện thực hiện.",
     [("Sở Y tế", "Kiểm tra các cơ sở; hướng dẫn các bệnh viện thực hiện")]),
])
def test_the_assent_before_a_handing_clause_is_no_work(sentence, expected):
    assert [(t.lead, t.summary) for t in extract_text(sentence, issued=date(2026, 5, 8)).tasks] == expected
