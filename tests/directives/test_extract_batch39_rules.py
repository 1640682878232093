"""Rules learned from batch 39 after its single run on the engine it was labelled after (a provincial Party
committee's action programme, a district education office's guidance). Bodies, places and people below are
invented or generic."""
from __future__ import annotations

from extracted import tasks

PROGRAMME = """TỈNH ỦY XA
CHƯƠNG TRÌNH HÀNH ĐỘNG
về phát triển rừng bền vững
I. NHIỆM VỤ VÀ GIẢI PHÁP
1. Tăng cường công tác tuyên truyền
- Đổi mới công tác tuyên truyền về bảo vệ rừng.
- Nhân rộng các mô hình trồng rừng gỗ lớn.
Trách nhiệm chỉ đạo thực hiện: Đảng ủy Mặt trận Tổ quốc, các đoàn thể tỉnh; các cấp ủy, tổ chức đảng.
2. Hoàn thiện cơ chế, chính sách
- Rà soát các chính sách hỗ trợ trồng rừng.
Trách nhiệm chỉ đạo thực hiện: Đảng ủy Ủy ban nhân dân tỉnh.
"""


def test_leads_named_after_a_group_of_bullets_lead_each_of_them():
    assert [(lead, summary[:18]) for lead, _, _, summary in tasks(PROGRAMME)] == [
        ("Đảng ủy Mặt trận Tổ quốc, các đoàn thể tỉnh", "Đổi mới công tác t"),
        ("Các cấp ủy, tổ chức đảng", "Đổi mới công tác t"),
        ("Đảng ủy Mặt trận Tổ quốc, các đoàn thể tỉnh", "Nhân rộng các mô h"),
        ("Các cấp ủy, tổ chức đảng", "Nhân rộng các mô h"),
        ("Đảng ủy Ủy ban nhân dân tỉnh", "Rà soát các chính "),
    ]


GUIDANCE = """UBND HUYỆN XA
PHÒNG GIÁO DỤC VÀ ĐÀO TẠO
Số: 12/HD-PGDĐT
Huyện Xa, ngày 20 tháng 9 năm 2026
HƯỚNG DẪN
Về nhiệm vụ chuyển đổi số năm học 2026-2027
Thực hiện Chỉ thị số 01/CT-UBND ngày 10/9/2026 của Chủ tịch UBND huyện về nhiệm vụ năm học; Hướng dẫn số 7/HD-SGDĐT ngày 22/9/2026 của Sở Giáo dục và Đào tạo (GD&ĐT), Phòng GD&ĐT hướng dẫn các đơn vị trực thuộc thực hiện nhiệm vụ chuyển đổi số năm học 2026-2027, cụ thể như sau:
I. NHIỆM VỤ CỤ THỂ
1. Duy trì hiệu quả phần mềm quản lý nhà trường.
2. Tăng cường tập huấn cho giáo viên kỹ năng dạy học trực tuyến.
3. Rà soát, bổ sung thiết bị phục vụ dạy học.
4. Cập nhật đầy đủ dữ liệu lên cơ sở dữ liệu ngành.
5. Thực hiện nghiêm chế độ thông tin, báo cáo.
"""


def test_a_guidance_hands_its_items_to_those_it_guides():
    assert [(lead, summary[:12]) for lead, _, _, summary in tasks(GUIDANCE)] == [
        ("Các đơn vị trực thuộc", "Duy trì hiệu"),
        ("Các đơn vị trực thuộc", "Tăng cường t"),
        ("Các đơn vị trực thuộc", "Rà soát, bổ "),
        ("Các đơn vị trực thuộc", "Cập nhật đầy"),
        ("Các đơn vị trực thuộc", "Thực hiện ng"),
    ]


def test_a_guidance_whose_items_name_their_actors_keeps_its_rules_unassigned():
    text = GUIDANCE.replace("2. Tăng cường", "2. Các trường tăng cường").replace("4. Cập nhật", "4. Các trường cập nhật")
    assert [lead for lead, *_ in tasks(text)] == ["Các trường", "Các trường"]


def test_roman_items_under_a_units_bullet_are_its_work():
    text = ("VĂN PHÒNG CHÍNH PHỦ\n"
            "Phó Thủ tướng Chính phủ có ý kiến như sau:\n"
            "(1) Về tổ chức thi công:\n"
            "- Bộ Xa:\n"
            "(i) Chỉ đạo chủ đầu tư huy động đủ nhân lực, thiết bị.\n"
            "Đẩy nhanh việc tập kết cấu kiện đúc sẵn.\n"
            "(ii) Thường xuyên đôn đốc các nhà thầu.\n"
            "- Ủy ban nhân dân tỉnh Ya quyết liệt chỉ đạo chủ đầu tư:\n"
            "(i) Bố trí đủ nguồn vật liệu đá cho dự án.\n"
            "(ii) Theo dõi diễn biến lún để quyết định thời điểm dỡ tải.\n"
            "(2) Về vốn: Bộ Za bố trí đủ vốn cho dự án.\n")
    assert [(lead, summary[:14]) for lead, _, _, summary in tasks(text)] == [
        ("Bộ Xa", "Chỉ đạo chủ đầ"),
        ("Bộ Xa", "Đẩy nhanh việc"),
        ("Bộ Xa", "Thường xuyên đ"),
        ("Ủy ban nhân dân tỉnh Ya", "Bố trí đủ nguồ"),
        ("Ủy ban nhân dân tỉnh Ya", "Theo dõi diễn "),
        ("Bộ Za", "Bố trí đủ vốn "),
    ]


def test_places_after_a_colon_whose_first_word_is_also_a_verb():
    text = "Ủy ban nhân dân các tỉnh, thành phố: Cần Xa, Hòa An thực hiện việc công bố giá vật liệu.\n"
    assert [lead for lead, *_ in tasks(text)] == ["Ủy ban nhân dân các tỉnh, thành phố: Cần Xa, Hòa An"]
    assert [lead for lead, *_ in tasks("Ủy ban nhân dân các xã: Cần tổ chức rà soát ngay.\n")] == ["Ủy ban nhân dân các xã"]


def test_a_ministrys_film_studios_and_departments_whose_names_hold_a_comma():
    text = ("1. Vụ Kế hoạch, Tài chính thẩm định dự toán kinh phí.\n"
            "2. Cục Văn hóa cơ sở, Gia đình và Thư viện hướng dẫn địa phương tổ chức các hoạt động.\n"
            "3. Hãng phim Xa phối hợp với các cơ quan, đơn vị liên quan xây dựng phim tài liệu.\n")
    assert [(lead, partners) for lead, partners, *_ in tasks(text)] == [
        ("Vụ Kế hoạch, Tài chính", []),
        ("Cục Văn hóa cơ sở, Gia đình và Thư viện", []),
        ("Hãng phim Xa", ["các cơ quan, đơn vị liên quan"]),
    ]


def test_a_short_addressee_keeps_its_own_name_over_the_one_the_letter_defines():
    text = ("Bộ Xa đề nghị các cơ sở đào tạo trực thuộc Bộ (sau đây gọi là cơ sở đào tạo) nghiêm túc thực hiện "
            "một số nhiệm vụ với các nội dung chủ yếu như sau:\n"
            "1. Tập trung hoàn thiện thể chế\n"
            "- Tiếp tục rà soát các văn bản.\n"
            "2. Các cơ sở y tế thuộc Sở, các bệnh viện tư nhân báo cáo số liệu.\n")
    assert [lead for lead, *_ in tasks(text)] == [
        "Các cơ sở đào tạo trực thuộc Bộ", "Các cơ sở y tế thuộc Sở", "Các bệnh viện tư nhân"]


def test_bodies_described_by_what_they_were_given_to_keep():
    text = ("Các cơ quan, tổ chức, đơn vị, doanh nghiệp được giao quản lý, sử dụng hoặc khai thác tài sản kết cấu "
            "hạ tầng có trách nhiệm rà soát, báo cáo.\n"
            "Các đơn vị được giao quản lý, vận hành công trình thủy lợi thực hiện kiểm tra an toàn đập.\n")
    assert [lead for lead, *_ in tasks(text)] == [
        "Các cơ quan, tổ chức, đơn vị, doanh nghiệp được giao quản lý, sử dụng hoặc khai thác tài sản kết cấu hạ tầng",
        "Các đơn vị được giao quản lý, vận hành công trình thủy lợi",
    ]


def test_units_in_a_trade_where_they_work():
    text = "Đề nghị các đơn vị hoạt động hóa chất trên địa bàn tỉnh rà soát danh mục hóa chất.\n"
    assert [lead for lead, *_ in tasks(text)] == ["Các đơn vị hoạt động hóa chất trên địa bàn tỉnh"]
