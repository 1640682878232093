"""General rules added while scoring the held-out directives, on small synthetic texts."""
from datetime import date

from directives import extract_text
from directives.dates import find_deadline, find_recurrence

ISSUED = date(2026, 5, 8)


def found(text: str, issued: date = ISSUED):
    return [(t.lead, t.coordinators, t.deadline, t.recurrence) for t in extract_text(text, issued=issued).tasks]


def leads(text: str):
    return [t.lead for t in extract_text(text, issued=ISSUED).tasks]


# --- dates ---------------------------------------------------------------------------------

def test_a_day_without_year_well_before_the_issue_date_is_next_year():
    assert find_deadline("hoàn thành trước ngày 15/01.", date(2024, 12, 20)) == date(2025, 1, 15)
    assert find_deadline("hoàn thành trong tháng 02", date(2024, 12, 20)) == date(2025, 2, 28)
    assert find_deadline("báo cáo trước ngày 20/10", date(2024, 12, 20)) == date(2024, 10, 20)  # late, not next year
    assert find_deadline("hoàn thành trước ngày 15/01/2024.", date(2024, 12, 20)) == date(2024, 1, 15)
    assert find_deadline("hoàn thành trước ngày 15/01.", 2024) == date(2024, 1, 15)  # no issue date: no roll


def test_a_time_of_day_between_the_cue_and_the_day():
    assert find_deadline("hoàn thành trước 17 giờ ngày 19/9/2024", 2024) == date(2024, 9, 19)
    assert find_deadline("báo cáo trước 16h00, ngày 20/5/2026", 2026) == date(2026, 5, 20)


def test_cadence_written_before_the_day_of_the_month():
    assert find_recurrence("Hằng tháng, trước ngày 05, báo cáo tình hình giải ngân") == "monthly:5"
    assert find_recurrence("Hằng quý, trước ngày 20 của tháng cuối quý, tổng hợp") == "quarterly"
    assert find_recurrence("Định kỳ 6 tháng, kiểm tra việc thực hiện") is None


# --- names ---------------------------------------------------------------------------------

def test_a_unit_at_every_place_of_a_level():
    assert leads("1. Nội dung\nSở Y tế các tỉnh, thành phố trực thuộc Trung ương rà soát giường bệnh.") == \
        ["Sở Y tế các tỉnh, thành phố trực thuộc Trung ương"]


def test_lowercase_words_after_a_comma_inside_a_name():
    assert found("1. Nội dung\nCục Quản lý Khám, chữa bệnh chủ trì, phối hợp với Vụ Truyền thông và Thi đua, "
                 "khen thưởng xây dựng tài liệu.") == \
        [("Cục Quản lý Khám, chữa bệnh", ["Vụ Truyền thông và Thi đua, khen thưởng"], None, None)]


def test_an_unknown_verb_does_not_run_into_the_name():
    assert found("1. Nội dung\nVăn phòng UBND tỉnh chủ trì, phối hợp với Sở Thông tin và Truyền thông nâng cấp "
                 "Hệ thống thông tin giải quyết thủ tục hành chính.")[0][1] == ["Sở Thông tin và Truyền thông"]
    assert leads("1. Nội dung\nTrung tâm Phục vụ hành chính công tỉnh công bố đầy đủ các thủ tục.") == \
        ["Trung tâm Phục vụ hành chính công tỉnh"]


def test_names_with_social_and_branch_words():
    assert leads("1. Nội dung\nNgân hàng Chính sách xã hội chi nhánh tỉnh bảo đảm nguồn vốn.") == \
        ["Ngân hàng Chính sách xã hội chi nhánh tỉnh"]


def test_a_plural_kind_of_unit_is_a_group():
    assert leads("1. Nội dung\nCác bệnh viện trực thuộc Bộ Y tế chủ động bố trí khu vực điều trị.") == \
        ["Các bệnh viện trực thuộc Bộ Y tế"]


def test_a_unit_with_an_unknown_head_word_as_a_bare_subject():
    assert leads("1. Nội dung\nXí nghiệp Thủy lợi Nam Đàn vận hành hồ chứa an toàn.") == ["Xí nghiệp Thủy lợi Nam Đàn"]
    assert leads("1. Nội dung\nHiệp hội Doanh nghiệp tỉnh, Liên minh Hợp tác xã tỉnh tập hợp kiến nghị.") == \
        ["Hiệp hội Doanh nghiệp tỉnh", "Liên minh Hợp tác xã tỉnh"]
    assert leads("1. Nội dung\nChương trình Mục tiêu quốc gia triển khai đồng bộ.") == []
    assert leads("1. Nội dung\nKế hoạch Phát triển Du lịch được ban hành.") == []


def test_an_enumeration_after_the_kind_of_unit():
    assert leads("1. Nội dung\nGiao các Sở: Tư pháp, Nội vụ và Tài chính rà soát văn bản.") == \
        ["Sở Tư pháp", "Sở Nội vụ", "Sở Tài chính"]
    assert leads("1. Nội dung\nGiao các Sở: Tư pháp, Kế hoạch và Đầu tư rà soát văn bản.") == \
        ["Sở Tư pháp", "Sở Kế hoạch và Đầu tư"]


def test_a_title_in_capitals_is_not_a_unit():
    text = "III. TỔ CHỨC THỰC HIỆN\n1. Sở Tư pháp (cơ quan thường trực)\n- Rà soát văn bản quy phạm pháp luật.\n"
    assert leads(text) == ["Sở Tư pháp"]


# --- splitting and coordinators ------------------------------------------------------------

def test_a_new_subject_after_a_comma():
    assert leads("1. Nội dung\nSở Y tế rà soát cơ sở vật chất, Sở Tài chính bố trí kinh phí thực hiện.") == \
        ["Sở Y tế", "Sở Tài chính"]
    assert leads("1. Nội dung\nSở Y tế rà soát, báo cáo UBND tỉnh, Chủ tịch UBND tỉnh xem xét, quyết định.") == \
        ["Sở Y tế"]


def test_coordination_of_a_directed_unit_is_not_the_leads():
    assert found("1. Nội dung\nSở Giao thông vận tải chỉ đạo Thanh tra Sở phối hợp với Công an tỉnh kiểm tra "
                 "xe quá tải.") == [("Sở Giao thông vận tải", [], None, None)]
    assert found("1. Nội dung\nGiao Sở Tài chính chủ trì, phối hợp với Sở Xây dựng rà soát.") == \
        [("Sở Tài chính", ["Sở Xây dựng"], None, None)]


def test_a_deadline_line_under_an_item_belongs_to_its_task():
    text = ("Bộ đề nghị các đơn vị triển khai các nội dung sau:\n\n"
            "1. Cục Quản lý Dược bảo đảm cung ứng thuốc.\nThời hạn: trước ngày 31/5/2026.\n\n"
            "2. Vụ Kế hoạch - Tài chính tổng hợp nhu cầu kinh phí.\nThời hạn: thường xuyên.\n")
    assert found(text) == [("Cục Quản lý Dược", [], date(2026, 5, 31), None),
                           ("Vụ Kế hoạch - Tài chính", [], None, None)]


def test_a_telegrams_addressees_and_its_call_are_not_tasks():
    text = ("**CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH điện:**\n\n- Chủ tịch UBND các huyện;\n- Công an tỉnh.\n\n"
            "Để chủ động ứng phó với bão, Chủ tịch UBND tỉnh yêu cầu:\n\n"
            "1. Công an tỉnh bố trí lực lượng sẵn sàng cứu hộ, cứu nạn.\n")
    assert leads(text) == ["Công an tỉnh"]


def test_an_assessment_item_of_a_short_notice_is_skipped():
    text = ("Chủ tịch UBND huyện kết luận như sau:\n1. Đánh giá chung\n"
            "UBND các xã, thị trấn cơ bản hoàn thành chỉ tiêu thu ngân sách.\n"
            "2. Nhiệm vụ thời gian tới\na) Phòng Nội vụ rà soát vị trí việc làm.\n")
    assert leads(text) == ["Phòng Nội vụ"]


def test_a_wrapped_place_name_after_a_level_word_is_rejoined():
    text = ("Chủ tịch UBND huyện kết luận như sau:\n"
            "a) Giao Phòng Tài chính - Kế hoạch chủ trì, phối hợp với Chi cục Thuế khu vực\n"
            "Tân Lạc - Lạc Sơn rà soát các khoản thu còn lại, tham mưu giải pháp tăng thu cuối năm.\n"
            "b) Phòng Nội vụ rà soát vị trí việc làm của các cơ quan chuyên môn thuộc UBND huyện.\n")
    assert found(text)[0][1] == ["Chi cục Thuế khu vực Tân Lạc - Lạc Sơn"]
