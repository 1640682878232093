"""Splitting rules and skip rules of the labeling guidelines, on small synthetic texts."""
from datetime import date

from directives import extract_text

ISSUED = date(2026, 5, 8)


def tasks(text: str):
    return extract_text(text, issued=ISSUED).tasks


def leads(text: str):
    return [t.lead for t in tasks(text)]


# --- splitting --------------------------------------------------------------------------

def test_several_leads_give_one_task_each_and_a_final_catch_all_is_dropped():
    found = tasks("Sở Tài chính, Thuế tỉnh, Chi cục Hải quan khu vực XVI và các cơ quan liên quan tăng cường "
                  "quản lý thu ngân sách.")
    assert [t.lead for t in found] == ["Sở Tài chính", "Thuế tỉnh", "Chi cục Hải quan khu vực XVI"]
    assert all(t.coordinators == [] for t in found)


def test_a_run_of_generic_nouns_is_one_group():
    assert leads("Các lực lượng chức năng, địa phương tiếp tục thực hiện tốt công tác phòng cháy.") == \
        ["Các lực lượng chức năng, địa phương"]
    assert leads("Các sở, ngành, địa phương, chủ đầu tư khẩn trương hoàn thiện hồ sơ.") == \
        ["Các sở, ngành, địa phương", "Chủ đầu tư"]


def test_sentence_without_subject_continues_the_task_and_gives_its_deadline():
    found = tasks("Giao Sở Tài chính chủ trì, phối hợp với Văn phòng UBND tỉnh tham mưu thành lập tổ công tác. "
                  "Nội dung tham mưu trình UBND tỉnh trước ngày 15/5/2026.")
    assert [(t.lead, t.deadline) for t in found] == [("Sở Tài chính", date(2026, 5, 15))]


def test_same_unit_again_in_the_paragraph_is_the_same_task():
    found = tasks("Sở Tài chính và các cơ quan liên quan hoàn thành việc công bố quy hoạch. Đối với quy hoạch "
                  "cấp xã, Sở Tài chính phối hợp với các sở, ngành, địa phương rà soát nguồn lực.")
    assert [(t.lead, t.coordinators) for t in found] == [("Sở Tài chính", ["các sở, ngành, địa phương"])]


def test_a_new_giao_starts_a_new_task():
    found = tasks("Giao Sở Nội vụ đôn đốc việc sắp xếp vị trí việc làm. Giao Sở Nội vụ phối hợp với Sở Tài chính "
                  "tham mưu phương án tuyển dụng. Nội dung tham mưu trình UBND tỉnh trước ngày 23/5/2026.")
    assert [(t.lead, t.deadline) for t in found] == [("Sở Nội vụ", None), ("Sở Nội vụ", date(2026, 5, 23))]


def test_one_unit_with_two_deadlines_gives_two_tasks():
    found = tasks("Sở Y tế rà soát cơ sở vật chất, báo cáo trước ngày 15/5/2026; xây dựng kế hoạch, "
                  "trình UBND tỉnh trước ngày 30/6/2026.")
    assert [t.deadline for t in found] == [date(2026, 5, 15), date(2026, 6, 30)]


def test_units_in_later_semicolon_clauses_get_their_own_tasks():
    found = tasks("Công an tỉnh phối hợp đối chiếu dữ liệu dân cư; Bảo hiểm xã hội tỉnh rà soát thông tin "
                  "bảo hiểm y tế; Sở Tài chính phối hợp tham mưu kinh phí.")
    assert [t.lead for t in found] == ["Công an tỉnh", "Bảo hiểm xã hội tỉnh", "Sở Tài chính"]


def test_bullets_under_a_lead_heading_take_its_lead():
    text = ("1. Nhiệm vụ\n"
            "b) Phòng Tài chính - Kế hoạch chủ trì, phối hợp với các cơ quan, đơn vị liên quan:\n"
            "- Đôn đốc, hướng dẫn xử lý tài chính khi sắp xếp đơn vị hành chính.\n"
            "- Khẩn trương hoàn thiện phương án sắp xếp, xử lý nhà, đất.\n")
    found = tasks(text)
    assert [(t.lead, t.coordinators) for t in found] == \
        [("Phòng Tài chính - Kế hoạch", ["các cơ quan, đơn vị liên quan"])] * 2


def test_lead_in_a_heading_of_its_own():
    text = ("1. Văn hóa\n"
            "b) Phòng Văn hoá, Khoa học và Thông tin:\n"
            "- Chủ trì, phối hợp với Ban Tuyên giáo và Dân vận Huyện ủy tham mưu xây dựng Đề án kỷ niệm.\n")
    (task,) = tasks(text)
    assert task.lead == "Phòng Văn hoá, Khoa học và Thông tin"
    assert task.coordinators == ["Ban Tuyên giáo và Dân vận Huyện ủy"]


def test_distributive_restatement_continues_the_group_task():
    assert leads("Các sở, ngành căn cứ chỉ tiêu được giao để tổ chức thực hiện. Từng sở, ngành phải cụ thể hóa "
                 "chỉ tiêu thành bảng theo dõi.") == ["Các sở, ngành"]


# --- skipping ----------------------------------------------------------------------------

def test_assessment_and_guiding_views_sections_are_skipped():
    text = ("I. Đánh giá tình hình tháng 4\n"
            "Sở Tài chính đã tập trung chỉ đạo giải ngân.\n"
            "II. Quan điểm chỉ đạo\n"
            "Các cơ quan, đơn vị tiếp tục bám sát mục tiêu tăng trưởng.\n"
            "III. Nhiệm vụ trọng tâm\n"
            "Sở Y tế chuẩn bị phương án phòng dịch.\n")
    assert leads(text) == ["Sở Y tế"]


def test_passive_sentence_and_general_principle_are_not_tasks():
    assert leads("Các vướng mắc thuộc thẩm quyền chủ đầu tư phải được xử lý ngay.") == []
    assert leads("Tăng cường quản lý, bảo vệ rừng; xử lý nghiêm các hành vi phá rừng.") == []


def test_accountability_of_heads_is_not_a_task():
    assert leads("Thủ trưởng các sở, ban, ngành; Chủ tịch UBND các xã, phường phải trực tiếp chỉ đạo "
                 "các nhiệm vụ trọng tâm.") == []


def test_closing_call_and_recipients_are_not_tasks():
    text = ("1. Sở Y tế chủ trì tổ chức tiêm chủng.\n"
            "Trên đây là Kết luận của Chủ tịch UBND tỉnh, yêu cầu các sở, ban, ngành nghiêm túc triển khai thực hiện./.\n"
            "Nơi nhận:\n- Các sở, ban, ngành;\n- UBND các xã, phường;\n- Lưu: VT.\n")
    assert leads(text) == ["Sở Y tế"]


def test_approved_documents_are_skipped_but_the_following_giao_is_a_task():
    text = ("IV. Tập thể UBND tỉnh nhất trí thông qua các văn bản sau đây:\n"
            "1. Báo cáo tình hình kinh tế - xã hội tháng 4.\n"
            "2. Dự thảo Quyết định ban hành Quy chế làm việc.\n"
            "Giao cơ quan soạn thảo tiếp thu ý kiến, hoàn thiện dự thảo các văn bản trên.\n")
    assert leads(text) == ["Cơ quan soạn thảo"]


def test_preamble_and_kinh_gui_are_skipped():
    text = ("Kính gửi:\n- Các cơ quan, đơn vị trên địa bàn huyện;\n- UBND các xã, thị trấn.\n"
            "Ngày 08/5/2026, UBND tỉnh tổ chức phiên họp. Chủ tịch UBND tỉnh kết luận như sau:\n"
            "1. Sở Nội vụ rà soát vị trí việc làm.\n")
    assert leads(text) == ["Sở Nội vụ"]


def test_statement_of_fact_is_not_a_task():
    assert leads("Bộ Y tế đã ban hành Công văn số 12/BYT-KCB hướng dẫn khám sức khỏe.") == []
