"""Rules learned from batch 25 after its single run (department letters and plans, provincial
telegrams, portal summaries). Bodies, places and people below are invented or generic."""
from __future__ import annotations

from directives import extract_text


def tasks(text: str) -> list[tuple[str, list[str], str | None]]:
    return [(t["lead"], t["coordinators"], t["deadline"])
            for t in extract_text(text, issued=None).to_contract()["tasks"]]


PLAN = """III. NHIỆM VỤ TRỌNG TÂM
1. Phát triển các cụm công nghiệp theo hướng xanh, hiện đại
- Rà soát, tham mưu điều chỉnh quy hoạch các cụm công nghiệp mới.
- Đôn đốc thành lập các cụm công nghiệp mới: Bảo An, Tân Thịnh.
- Phối hợp với Sở Xây dựng đánh giá các cụm công nghiệp cũ có hiệu quả thấp.
Lãnh đạo phụ trách: Phó Giám đốc Trần Văn An.
Đơn vị chủ trì: Phòng Quản lý Công nghiệp; Đơn vị phối hợp: Phòng Quản lý Năng lượng, Văn phòng Sở.
2. Đảm bảo an ninh năng lượng
- Tham mưu đẩy nhanh các dự án điện gió.
- Đôn đốc đưa vào vận hành các dự án thủy điện.
- Rà soát nhu cầu cấp điện cho các thôn chưa có điện lưới.
Lãnh đạo phụ trách: Phó Giám đốc Lê Văn Bình.
Đơn vị chủ trì: Phòng Quản lý Năng lượng; Đơn vị phối hợp: Phòng Quản lý Công nghiệp.
"""


def test_fields_closing_a_group_of_tasks_give_each_dash_its_lead():
    found = tasks(PLAN)
    assert [lead for lead, _, _ in found] == ["Phòng Quản lý Công nghiệp"] * 3 + ["Phòng Quản lý Năng lượng"] * 3
    assert found[0][1] == ["Phòng Quản lý Năng lượng", "Văn phòng Sở"]
    assert found[3][1] == ["Phòng Quản lý Công nghiệp"]
    # the leader in charge is no task of anyone's
    assert not any("Lãnh đạo" in lead for lead, _, _ in found)


def test_a_record_whose_work_is_listed_under_a_label_stays_one_task():
    text = """3. Về đảm bảo an toàn thông tin
a) Nhiệm vụ:
- Triển khai các phương án bảo đảm an toàn thông tin.
- Phối hợp với Bộ Công an ứng cứu sự cố.
- Hướng dẫn các sở, ngành số hóa dữ liệu.
b) Cơ quan thực hiện:
- Đơn vị chủ trì: Công an Thành phố.
- Đơn vị phối hợp: Các Sở, ban, ngành.
c) Thời gian thực hiện: Thực hiện thường xuyên.
"""
    assert [lead for lead, _, _ in tasks(text)] == ["Công an Thành phố"]


def test_two_fields_on_one_line_under_a_titled_task():
    text = ("1. Xây dựng cơ sở dữ liệu về cụm công nghiệp trên địa bàn tỉnh và cập nhật thường xuyên\n"
            "- Đơn vị chủ trì: Phòng Quản lý Công nghiệp; Đơn vị phối hợp: Văn phòng Sở.\n"
            "- Thời gian hoàn thành: Tháng 12/2026.")
    assert tasks(text) == [("Phòng Quản lý Công nghiệp", ["Văn phòng Sở"], "2026-12-31")]


def test_a_trait_after_a_run_of_kinds_narrows_them_all():
    text = ("Sở Công Thương yêu cầu các tổ chức, doanh nghiệp có hoạt động liên quan đến vật liệu nổ trên địa bàn "
            "thực hiện một số nội dung sau:\n1. Rà soát, khắc phục ngay các tồn tại.\n2. Thực hiện chế độ báo cáo.")
    assert [lead for lead, _, _ in tasks(text)] == \
        ["Các tổ chức, doanh nghiệp có hoạt động liên quan đến vật liệu nổ trên địa bàn"] * 2
    assert [lead for lead, _, _ in tasks("Yêu cầu các tổ chức, doanh nghiệp có hoạt động xuất khẩu rà soát hồ sơ.")] == \
        ["Các tổ chức, doanh nghiệp có hoạt động xuất khẩu"]
    # no trait: the run of kinds as before
    assert [lead for lead, _, _ in tasks("Yêu cầu các tổ chức, doanh nghiệp rà soát hồ sơ.")] == ["Các tổ chức, doanh nghiệp"]


def test_an_alarm_raised_then_the_handing():
    text = ("Ban Chỉ huy phòng thủ dân sự tỉnh phát lệnh báo động số I trên sông Cầu và yêu cầu UBND các xã ven sông "
            "tổ chức trực ban, tuần tra canh gác dọc tuyến sông.")
    assert [lead for lead, _, _ in tasks(text)] == ["UBND các xã ven sông"]


def test_work_in_its_own_clause_before_what_heads_answer_for():
    text = ("Chủ tịch UBND tỉnh yêu cầu: Giám đốc các sở; Chủ tịch UBND các huyện khẩn trương chỉ đạo thực hiện đồng bộ "
            "các nhiệm vụ, giải pháp phát triển kinh tế - xã hội năm 2026; chịu trách nhiệm trước Chủ tịch UBND tỉnh "
            "về việc triển khai thực hiện các nhiệm vụ được giao.")
    assert [lead for lead, _, _ in tasks(text)] == ["Giám đốc các sở", "Chủ tịch UBND các huyện"]
    # what heads answer for, alone, is still no work
    text = "Giám đốc các sở chịu trách nhiệm trước Chủ tịch UBND tỉnh nếu để xảy ra sai phạm trong lĩnh vực quản lý."
    assert tasks(text) == []


def test_an_annex_under_the_signers_name_and_its_numbered_columns():
    text = """Nơi nhận: - Như trên; - Lưu: VT.
PHÓ CHỦ TỊCH Nguyễn Văn An
Phụ lục
MỘT SỐ NHIỆM VỤ TRỌNG TÂM CỦA CÁC SỞ, BAN, NGÀNH
TT | Tên nhiệm vụ | Sở, ngành chủ trì tham mưu | Đơn vị phối hợp thực hiện | Thời gian thực hiện | Ghi chú
 | (1) | (2) | (3) | (4) | (5)
1 | Rà soát, cập nhật phương án quản lý khoáng sản | Sở Nông nghiệp và Môi trường | Sở Xây dựng | Quý II/2026 | 
2 | Rà soát việc phê duyệt thiết kế mỏ | Sở Công Thương | Sở Xây dựng | Năm 2026 | 
"""
    found = extract_text(text, issued=None).to_contract()["tasks"]
    assert [(t["lead"], t["coordinators"], t["deadline"]) for t in found] == [
        ("Sở Nông nghiệp và Môi trường", ["Sở Xây dựng"], "2026-06-30"),
        ("Sở Công Thương", ["Sở Xây dựng"], "2026-12-31")]


def test_national_bodies_known_by_their_initials():
    text = "Bộ Ngoại giao chủ trì, phối hợp với VTV, VOV, TTXVN tuyên truyền về công tác đối ngoại."
    assert tasks(text) == [("Bộ Ngoại giao", ["VTV", "VOV", "TTXVN"], None)]
    # a branch named after the initials keeps its place
    assert [lead for lead, _, _ in tasks("EVN Hòa Vân khẩn trương khôi phục cấp điện.")] == ["EVN Hòa Vân"]


def test_places_of_the_speakers_own_and_fields_in_initials():
    assert [lead for lead, _, _ in tasks("Đồng chí yêu cầu các thôn trong xã khẩn trương rà soát các hộ dân ven sông.")] == \
        ["Các thôn trong xã"]
    assert [lead for lead, _, _ in tasks("Giao Ban Chỉ huy PCTT, TKCN và PTDS xã khẩn trương thống kê thiệt hại.")] == \
        ["Ban Chỉ huy PCTT, TKCN và PTDS xã"]
    # bodies known by their initials, listed, stay apart
    assert [lead for lead, _, _ in tasks("Yêu cầu EVN, VNPT và PVN khẩn trương khôi phục hạ tầng.")] == ["EVN", "VNPT", "PVN"]


def test_a_crop_season_is_no_department():
    text = ("Để sản xuất vụ Mùa, vụ Hè Thu 2026 đạt kết quả tốt, Ủy ban nhân dân huyện yêu cầu Phòng Kinh tế chủ động "
            "theo dõi diễn biến thời tiết.")
    assert [lead for lead, _, _ in tasks(text)] == ["Phòng Kinh tế"]


def test_heads_work_ending_the_text_is_theirs_but_the_call_to_carry_it_out_is_not():
    text = ("Bộ trưởng các Bộ: Quốc phòng, Công an tiếp tục chủ động triển khai các biện pháp ứng phó với bão, nhất là "
            "trong bối cảnh nhiều nơi vừa chịu tác động của đợt mưa lũ kéo dài./.")
    assert [lead for lead, _, _ in tasks(text)] == ["Bộ trưởng Bộ Quốc phòng", "Bộ trưởng Bộ Công an"]
    text = "Giám đốc các sở, Chủ tịch UBND các xã triển khai thực hiện đảm bảo mục đích, yêu cầu của Kế hoạch./."
    assert tasks(text) == []


def test_a_header_row_over_cells_written_a_line_each():
    text = """PHỤ LỤC
KẾ HOẠCH TRIỂN KHAI NGHỊ ĐỊNH
| TT | Nội dung hoạt động | Cơ quan chủ trì | Cơ quan phối hợp |
| --- | --- | --- | --- |
Thời gian thực hiện
1
Tổ chức tuyên truyền, phổ biến Nghị định
a)
Tổ chức Hội nghị phổ biến Nghị định đến các cơ quan, tổ chức.
Cục Lâm nghiệp và Kiểm lâm
Vụ Pháp chế
Quý III, IV/2026
b)
Xây dựng cơ sở dữ liệu về kiểm kê khí nhà kính.
Cục Biến đổi khí hậu
Vụ Pháp chế
Năm 2026, 2027
"""
    assert tasks(text) == [("Cục Lâm nghiệp và Kiểm lâm", ["Vụ Pháp chế"], "2026-12-31"),
                           ("Cục Biến đổi khí hậu", ["Vụ Pháp chế"], "2027-12-31")]


def test_a_forms_blank_is_no_task():
    text = "3. Đơn vị đầu mối thực hiện: ...\n4. Sở Y tế kiểm tra an toàn thực phẩm tại các bếp ăn tập thể."
    assert [lead for lead, _, _ in tasks(text)] == ["Sở Y tế"]


def test_the_investor_of_the_projects_a_heading_names():
    text = ("1. Nhà đầu tư của 02 dự án đường bộ cao tốc Hòa Vân – Lạc Sơn và Lạc Sơn – Tân Bình:\n"
            "a) Khẩn trương tập kết máy móc, thiết bị thi công.\nb) Xây dựng tiến độ thi công cụ thể.")
    assert [lead for lead, _, _ in tasks(text)] == \
        ["Nhà đầu tư của 02 dự án đường bộ cao tốc Hòa Vân – Lạc Sơn và Lạc Sơn – Tân Bình"] * 2
    text = "1. Chủ đầu tư các dự án giao thông trọng điểm:\na) Khẩn trương thi công.\nb) Giải ngân vốn."
    assert [lead for lead, _, _ in tasks(text)] == ["Chủ đầu tư các dự án giao thông trọng điểm"] * 2


def test_the_call_to_carry_the_text_out_before_what_heads_answer_for():
    text = ("Thủ trưởng các sở, ban, ngành; Chủ tịch UBND các xã, phường nghiêm túc triển khai thực hiện Thông báo này; "
            "trực tiếp chỉ đạo, trực tiếp kiểm tra, trực tiếp chịu trách nhiệm trước Chủ tịch UBND tỉnh về tiến độ.")
    assert tasks(text) == []


def test_a_field_whose_value_holds_a_label_like_phrase_keeps_all_of_it():
    text = ("1. Xây dựng cơ sở dữ liệu về cụm công nghiệp trên địa bàn tỉnh và cập nhật thường xuyên\n"
            "- Đơn vị chủ trì: Phòng Quản lý Công nghiệp; Đơn vị phối hợp: Văn phòng Sở; Đơn vị có hạ tầng lưu ý: báo cáo.\n")
    found = extract_text(text, issued=None).to_contract()["tasks"]
    assert [t["lead"] for t in found] == ["Phòng Quản lý Công nghiệp"]
