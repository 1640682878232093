"""Rules learned from batches 42 and 43 after their single runs on the engines they were labelled after.
Bodies, places and people below are invented or generic."""
from __future__ import annotations

from datetime import date

from extracted import tasks

from directives import extract_text


def leads(text: str) -> list[str]:
    return [lead for lead, _, _, _ in tasks(text)]


def dated(text: str) -> list[tuple[str, str | None]]:
    return [(lead, deadline) for lead, _, deadline, _ in tasks(text)]


def test_a_programmes_period_titles_date_the_items_under_them():
    text = ("II. CÁC NỘI DUNG CỤ THỂ\n"
            "1. Quý 4, năm 2030\n"
            "1.1. Nghị quyết về chuyển đổi số\n"
            "Ban Xây dựng Đảng chủ trì tham mưu, trình trong tháng 11/2030.\n"
            "2. Năm 2031\n"
            "2.1. Tổng kết công tác kiểm tra\n"
            "- Ủy ban Kiểm tra Đảng ủy tham mưu, trình.\n"
            "2.2. Chuẩn bị Đại hội\n"
            "- Văn phòng Đảng ủy phối hợp tham mưu trong quý 2/2031.\n")
    assert dated(text) == [("Ban Xây dựng Đảng", "2030-11-30"), ("Ủy ban Kiểm tra Đảng ủy", "2031-12-31"),
                           ("Văn phòng Đảng ủy", "2031-06-30")]


def test_a_bracket_handing_the_item_on_names_its_lead():
    text = ("III. NỘI DUNG KIỂM TRA\n"
            "1. Kiểm tra việc quán triệt Nghị quyết Đại hội. (Giao Ban Xây dựng Đảng chủ trì, tham mưu trong quý 2/2031).\n"
            "2. Giám sát công tác lãnh đạo của các trường học (Giao Ủy ban Kiểm tra Đảng ủy chủ trì, phối hợp với "
            "Văn phòng Đảng ủy tham mưu trong quý 3/2031).\n")
    assert [(lead, coordinators, deadline) for lead, coordinators, deadline, _ in tasks(text)] == [
        ("Ban Xây dựng Đảng", [], "2031-06-30"),
        ("Ủy ban Kiểm tra Đảng ủy", ["Văn phòng Đảng ủy"], "2031-09-30")]


def test_a_source_note_in_brackets_is_still_no_work():
    text = "1. Sở Xa rà soát hồ sơ, báo cáo trước ngày 10/5/2031.\n(Nguồn: Công văn số 12/UBND-VP)\n"
    assert leads(text) == ["Sở Xa"]


def test_tallies_of_the_items_below_are_no_work():
    text = ("2. Kiểm tra việc thực hiện Chỉ thị (Giao Ban Xây dựng Đảng chủ trì, tham mưu trong quý 2/2031).\n"
            "- Về giám sát: 02 cuộc\n"
            "* Năm 2032: (02 cuộc kiểm tra, 01 cuộc giám sát)\n"
            "1. Giám sát việc thực hiện Quy định (Giao Ủy ban Kiểm tra Đảng ủy chủ trì, tham mưu trong quý 1/2032).\n")
    assert dated(text) == [("Ban Xây dựng Đảng", "2031-06-30"), ("Ủy ban Kiểm tra Đảng ủy", "2032-03-31")]


def test_a_time_after_a_label_is_no_tally():
    text = ("| STT | Nhiệm vụ | Cơ quan chủ trì | Thời gian hoàn thành |\n"
            "| 1 | Rà soát hồ sơ | Sở Xa | 6 tháng đầu năm 2031 |\n")
    assert dated(text) == [("Sở Xa", "2031-06-30")]


def test_advisory_bodies_keep_the_committee_they_serve():
    assert leads("Các cơ quan tham mưu giúp việc Đảng ủy phối hợp chuẩn bị nội dung Hội nghị.") == [
        "Các cơ quan tham mưu giúp việc Đảng ủy"]
    assert leads("Các cơ quan tham mưu, giúp việc Tỉnh ủy phối hợp chuẩn bị nội dung Hội nghị.") == [
        "Các cơ quan tham mưu, giúp việc Tỉnh ủy"]


def test_the_office_of_a_body_in_a_list_is_that_body():
    text = ("Văn phòng Đảng ủy, Ủy ban nhân dân xã, cơ quan Ủy ban Mặt trận Tổ quốc Việt Nam xã chủ động bám sát "
            "chương trình.")
    assert leads(text) == ["Văn phòng Đảng ủy", "Ủy ban nhân dân xã", "Cơ quan Ủy ban Mặt trận Tổ quốc Việt Nam xã"]


def test_kinds_before_a_colon_give_way_to_the_bodies_named_after_it():
    assert leads("5. Đề nghị các tổ chức chính trị - xã hội: Hội Nông dân, Hội Cựu chiến binh tích cực vận động "
                 "hội viên.") == ["Hội Nông dân", "Hội Cựu chiến binh"]
    assert leads("5. Đề nghị Ủy ban MTTQ, các tổ chức hội: Hội Nông dân, Hội Cựu chiến binh phối hợp vận động "
                 "nhân dân.") == ["Ủy ban MTTQ", "Hội Nông dân", "Hội Cựu chiến binh"]


def test_a_colon_after_kinds_and_before_their_work_keeps_the_kinds():
    text = "Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị - xã hội tỉnh: Phối hợp tuyên truyền phong trào."
    assert leads(text) == ["Mặt trận Tổ quốc Việt Nam tỉnh", "Các tổ chức chính trị - xã hội tỉnh"]


def test_a_specific_action_column_is_the_task():
    text = ("STT | Nội dung hành động | Hành động cụ thể | Bộ ngành chủ trì | Bộ ngành phối hợp | Thời hạn hoàn thành\n"
            "7 | Đẩy mạnh công tác điều tra | Ban hành quy trình điều tra | Bộ Xa | Bộ Ya | Tháng 12/2031\n"
            " |  | Thành lập nhóm làm việc liên ngành | Bộ Xa; Đề nghị Viện Za | Đề nghị Tòa án Ta | Liên tục\n"
            " |  | Thiết lập cơ chế phối hợp giữa: |  |  | Liên tục\n"
            " |  | - Bộ Xa và Viện Za về điều tra. | Bộ Xa; Đề nghị Viện Za | Bộ Ya | \n")
    got = [(lead, coordinators, summary.lstrip("- ").split()[0]) for lead, coordinators, _, summary in tasks(text)]
    assert got == [("Bộ Xa", ["Bộ Ya"], "Ban"), ("Bộ Xa", ["Tòa án Ta"], "Thành"), ("Viện Za", ["Tòa án Ta"], "Thành"),
                   ("Bộ Xa", ["Bộ Ya"], "Bộ"), ("Viện Za", ["Bộ Ya"], "Bộ")]


def test_the_addressees_answer_dates_the_request_for_comments():
    text = ("BỘ XA\n"
            "Kính gửi: Các Bộ: Tài chính, Xây dựng\n"
            "Bộ Xa đề nghị Bộ Tài chính, Bộ Xây dựng góp ý kiến Đề án này.\n"
            "Đề nghị quý cơ quan gửi văn bản góp ý tới Bộ Xa trước ngày 20/5/2031 để kịp tổng hợp./.\n"
            "Nơi nhận:\n- Như trên;\n- Lưu: VT.\n")
    assert dated(text) == [("Bộ Tài chính", "2031-05-20"), ("Bộ Xây dựng", "2031-05-20")]


def test_a_topic_label_before_a_group_that_acts():
    text = ("- Tiêu chuẩn - đo lường - chất lượng: Ủy ban nhân dân huyện, thị xã chủ động phối hợp với Sở Xa "
            "trong công tác tuyên truyền.")
    assert [(lead, coordinators) for lead, coordinators, _, _ in tasks(text)] == [
        ("Ủy ban nhân dân huyện, thị xã", ["Sở Xa"])]


def test_a_party_group_heads_its_name():
    assert leads("2. Đảng đoàn Hội đồng nhân dân tỉnh chỉ đạo rà soát để sửa đổi, bổ sung văn bản.") == [
        "Đảng đoàn Hội đồng nhân dân tỉnh"]
    assert leads("4. Đảng đoàn Ủy ban MTTQ tỉnh, các tổ chức chính trị - xã hội trong tỉnh tổ chức quán triệt "
                 "chương trình.") == ["Đảng đoàn Ủy ban MTTQ tỉnh", "Các tổ chức chính trị - xã hội trong tỉnh"]


def test_a_title_naming_a_role_and_its_unit():
    text = ("1. Cơ quan chủ quản: UBND tỉnh Xa:\n"
            "- Chỉ đạo cơ quan chức năng của tỉnh phối hợp thực hiện việc giao rừng.\n"
            "2. Cơ quan quản lý: Sở Nông nghiệp và Môi trường tỉnh Xa:\n"
            "- Tham mưu giúp UBND tỉnh triển khai đề án.\n"
            "- Thẩm định hồ sơ giao đất.\n")
    assert leads(text) == ["UBND tỉnh Xa", "Sở Nông nghiệp và Môi trường tỉnh Xa",
                           "Sở Nông nghiệp và Môi trường tỉnh Xa"]


def test_a_topic_bullet_holds_the_numbered_items_after_it():
    text = ("(1) Ủy ban nhân dân các tỉnh chỉ đạo Sở Xây dựng thực hiện các nội dung sau:\n"
            "- Củng cố, kiện toàn bộ máy, nhân sự.\n"
            "- Về công tác khảo sát, thiết kế:\n"
            "(1) Nâng cao chất lượng lập nhiệm vụ khảo sát.\n"
            "(2) Chấn chỉnh công tác thiết kế.\n"
            "- Tăng cường kiểm tra, đôn đốc các chủ thể.\n"
            "(2) Bộ Xa tăng cường quản lý dự án.\n")
    assert leads(text) == ["Ủy ban nhân dân các tỉnh"] * 4 + ["Bộ Xa"]


def test_numbered_items_under_a_direction_are_no_tasks_of_their_own():
    text = ("Để bảo đảm hoạt động kinh doanh tuân thủ pháp luật, Bộ Tài chính đề nghị UBND các tỉnh:\n"
            "- Tăng cường kiểm tra, giám sát hoạt động của các Công ty Xa.\n"
            "- Chỉ đạo các Công ty Xa:\n"
            "(i) Báo cáo cấp có thẩm quyền ban hành quy chế.\n"
            "(ii) Rà soát, bổ sung thể lệ.\n")
    assert leads(text) == ["UBND các tỉnh"]  # (only a topic, "- Về …:", holds the numbered items as its work)


def test_a_second_kind_narrowed_stays_in_the_run_of_kinds():
    assert leads("Đề nghị các bệnh viện, viện có giường bệnh trực thuộc Bộ Xa rà soát kế hoạch thu dung.") == [
        "Các bệnh viện, viện có giường bệnh trực thuộc Bộ Xa"]


def test_the_last_syllable_of_a_ministry_hands_nothing_to_a_defined_name():
    text = ("Điều 1. Thống nhất cho phép dừng thực hiện Dự án đầu tư xây dựng trụ sở Bộ Ngoại giao tại phường Xa "
            "(gọi tắt là Dự án) theo đề nghị của Bộ Ngoại giao như sau:\n"
            "1. Mục tiêu\n"
            "Tháo gỡ, xử lý dứt điểm các vướng mắc của Dự án.\n"
            "Điều 2. Tổ chức thực hiện\n"
            "1. Bộ Ngoại giao hoàn thành thủ tục dừng thực hiện Dự án.\n")
    result = extract_text(text, issued=date(2031, 4, 6))
    assert [t.lead for t in result.tasks] == ["Bộ Ngoại giao"]
