"""Deadlines as officials write them (GUIDELINES, deadline field): windows name their last day,
a named occasion does not hide its date, counted deadlines run from the issue date (working
days skip weekends, public holidays and Tết), cadences stay cadences."""
from __future__ import annotations

from datetime import date

import pytest

from directives import extract_text
from directives.dates import find_deadline

ISSUED = date(2026, 3, 10)  # a Tuesday


@pytest.mark.parametrize("sentence, expected", [
    # windows
    ("Sở Y tế tổ chức kiểm tra trong tháng 12/2026.", date(2026, 12, 31)),
    ("Sở Y tế hoàn thành kiểm tra trong tháng 12.", date(2026, 12, 31)),
    ("Sở Y tế tổ chức kiểm tra trong quý III.", date(2026, 9, 30)),
    ("Sở Y tế báo cáo kết quả trong quý IV/2026.", date(2026, 12, 31)),
    ("Sở Y tế triển khai trong 6 tháng đầu năm.", date(2026, 6, 30)),
    ("Sở Y tế hoàn thành trong 9 tháng đầu năm 2026.", date(2026, 9, 30)),
    ("Sở Y tế hoàn thành trong 6 tháng cuối năm 2026.", date(2026, 12, 31)),
    ("Sở Y tế tổ chức kiểm tra trong năm 2026.", date(2026, 12, 31)),
    ("Sở Y tế triển khai từ nay đến hết năm 2026.", date(2026, 12, 31)),
    # named occasions before the date
    ("Sở Y tế hoàn thành trước ngày Tết Dương lịch 01/01/2027.", date(2027, 1, 1)),
    ("Sở Y tế hoàn thành trước Lễ kỷ niệm 80 năm Quốc khánh (02/9/2026).", date(2026, 9, 2)),
    ("Sở Y tế hoàn thành trước kỳ họp thứ 5 HĐND tỉnh, ngày 10/7/2026.", date(2026, 7, 10)),
    # counted from the directive
    ("Sở Y tế báo cáo UBND tỉnh trong thời hạn 10 ngày làm việc kể từ ngày ký.", date(2026, 3, 24)),
    ("Sở Y tế báo cáo UBND tỉnh trong thời hạn 15 ngày kể từ ngày nhận được văn bản.", date(2026, 3, 25)),
    ("Sở Y tế báo cáo chậm nhất 7 ngày sau khi nhận được Công văn này.", date(2026, 3, 17)),
    ("Sở Y tế báo cáo trong vòng 5 ngày làm việc kể từ ngày ban hành Kế hoạch.", date(2026, 3, 17)),
    # "chậm nhất"
    ("Sở Y tế báo cáo UBND tỉnh chậm nhất ngày 20/12/2026.", date(2026, 12, 20)),
    ("Sở Y tế báo cáo UBND tỉnh chậm nhất là ngày 20 tháng 12 năm 2026.", date(2026, 12, 20)),
    ("Sở Y tế gửi báo cáo chậm nhất trong ngày 05/4/2026.", date(2026, 4, 5)),
    # a time line of a plan, and a span that ends on its last day
    ("Sở Y tế rà soát hồ sơ. Thời gian hoàn thành: tháng 6/2026.", date(2026, 6, 30)),
    ("Sở Y tế rà soát hồ sơ; thời gian thực hiện: quý III/2026.", date(2026, 9, 30)),
    ("Sở Y tế rà soát hồ sơ; thời gian: trước 30/9/2026.", date(2026, 9, 30)),
    ("Sở Y tế tổ chức đợt kiểm tra từ ngày 01/4/2026 đến ngày 30/4/2026.", date(2026, 4, 30)),
    ("Sở Y tế tổ chức chiến dịch từ tháng 4 đến tháng 6/2026.", date(2026, 6, 30)),
    # the whole year, in a plan's time line or a sentence
    ("Phòng Tư pháp rà soát văn bản; thời gian thực hiện: Cả năm 2026.", date(2026, 12, 31)),
    ("Cục Kiểm tra văn bản hoàn thành việc rà soát trong cả năm 2027.", date(2027, 12, 31)),
])
def test_deadline_forms(sentence, expected):
    (task,) = extract_text(sentence, issued=ISSUED).tasks
    assert task.deadline == expected and task.recurrence is None


def test_working_days_skip_holidays():
    # Friday 24/4/2026: Giỗ Tổ (observed Monday 27/4), 30/4 and 1/5 are off.
    assert find_deadline("trong thời hạn 5 ngày làm việc kể từ ngày ký", date(2026, 4, 24)) == date(2026, 5, 6)
    # Calendar days run through them.
    assert find_deadline("trong thời hạn 5 ngày kể từ ngày ký", date(2026, 4, 24)) == date(2026, 4, 29)


def test_counted_deadline_needs_the_issue_date():
    assert find_deadline("trong thời hạn 10 ngày làm việc kể từ ngày ký", 2026) is None


def test_counted_from_another_starting_point_is_not_a_deadline():
    assert find_deadline("trong thời hạn 30 ngày kể từ ngày Luật có hiệu lực", ISSUED) is None


@pytest.mark.parametrize("sentence", [
    "Sở Tài chính báo cáo tình hình giải ngân trong tháng 5 và tháng 6.",
    "Sở Y tế đánh giá kết quả đạt được trong quý I.",
    "Sở Y tế chuẩn bị phòng chống dịch trong mùa mưa bão năm 2026.",
    "Sở Y tế báo cáo tình hình dịch bệnh từ ngày 01/01 đến ngày 30/6/2026.",
    "Sở Y tế rà soát tình hình từ tháng 1 đến tháng 6/2026.",
    "Sở Y tế đánh giá kết quả cả năm 2026 của ngành.",
])
def test_periods_looked_at_are_not_deadlines(sentence):
    (task,) = extract_text(sentence, issued=ISSUED).tasks
    assert task.deadline is None


@pytest.mark.parametrize("sentence, cadence", [
    ("Sở Y tế báo cáo UBND tỉnh trước ngày 15 hằng quý.", "quarterly"),
    ("Sở Y tế báo cáo kết quả trước ngày 20 tháng cuối quý, hằng quý.", "quarterly"),
    ("Sở Y tế báo cáo kết quả trước ngày 10 của tháng cuối quý.", "quarterly"),
    ("Sở Y tế báo cáo kết quả về UBND tỉnh trước ngày 30/11 hằng năm.", "yearly"),
    ("Sở Y tế báo cáo UBND tỉnh trước ngày 23 hằng tháng.", "monthly:23"),
])
def test_cadences_are_recurrences_without_deadline(sentence, cadence):
    (task,) = extract_text(sentence, issued=ISSUED).tasks
    assert task.recurrence == cadence and task.deadline is None


@pytest.mark.parametrize("cell, expected", [
    ("Tháng 12/2026", date(2026, 12, 31)),
    ("Quý III/2026", date(2026, 9, 30)),
    ("Trước 30/6/2026", date(2026, 6, 30)),
    ("6 tháng đầu năm 2026", date(2026, 6, 30)),
    ("Năm 2026", date(2026, 12, 31)),
    ("Thường xuyên", None),
])
def test_time_column_of_a_task_table(cell, expected):
    text = f"| STT | Nhiệm vụ | Cơ quan chủ trì | Thời gian hoàn thành |\n| 1 | Rà soát hồ sơ | Sở Y tế | {cell} |\n"
    (task,) = extract_text(text, issued=ISSUED).tasks
    assert task.deadline == expected


# --- spans, ends of periods, weekdays, counted deadlines, the day of a monthly duty

@pytest.mark.parametrize("sentence, expected", [
    # a span of periods ends with its last one
    ("Sở Tài chính thẩm định hồ sơ. Thời hạn: Quý IV/2026 - Quý II/2027.", date(2027, 6, 30)),
    ("Phòng Văn hóa tổ chức hội thi; thời gian thực hiện: tháng 4 - tháng 6/2026.", date(2026, 6, 30)),
    ("Bộ Công Thương rà soát quy hoạch, thời gian: Quý II - Quý III/2026.", date(2026, 9, 30)),
    ("UBND xã kiểm kê đất công; thời gian thực hiện: tháng 10/2026 - tháng 3/2027.", date(2027, 3, 31)),
    ("Bộ Nội vụ thí điểm mô hình mới từ quý III/2026 đến quý I/2027.", date(2027, 3, 31)),
    # the end of a period named with "cuối" / "hết"
    ("Sở Nông nghiệp và Môi trường hoàn thành kiểm kê rừng trước cuối năm 2026.", date(2026, 12, 31)),
    ("Phòng Kinh tế hoàn thành đến cuối quý III/2026.", date(2026, 9, 30)),
    ("Bộ Xây dựng trình Chính phủ chậm nhất vào cuối tháng 6/2026.", date(2026, 6, 30)),
    ("Sở Tư pháp hoàn thành vào cuối tháng 8/2026.", date(2026, 8, 31)),
    ("Phòng Tài nguyên hoàn thành cấp giấy chứng nhận trước cuối năm nay.", date(2026, 12, 31)),
    ("Các xã hoàn thành việc sáp nhập thôn chậm nhất vào cuối năm.", date(2026, 12, 31)),
    # the period the directive is issued in
    ("UBND các phường hoàn thành trong năm nay.", date(2026, 12, 31)),
    ("Phòng Nội vụ hoàn thành việc rà soát trong tháng này.", date(2026, 3, 31)),
    ("Sở Nội vụ trình UBND tỉnh trong quý này.", date(2026, 3, 31)),
    # other labels of a time line
    ("Phòng Tài chính - Kế hoạch lập dự toán; tiến độ hoàn thành: Quý III/2026.", date(2026, 9, 30)),
    ("Sở Công Thương xây dựng đề án. Thời điểm hoàn thành: tháng 8/2026.", date(2026, 8, 31)),
    ("Bộ Y tế ban hành hướng dẫn, chậm nhất đến ngày 30/6/2026.", date(2026, 6, 30)),
    ("Phòng Giáo dục tổng hợp hồ sơ khen thưởng. Hạn chót: 15/5/2026.", date(2026, 5, 15)),
    ("Các trường học gửi danh sách về Phòng Giáo dục; thời hạn nộp báo cáo: 20/4/2026.", date(2026, 4, 20)),
    # a weekday or a time of day between the cue and the day
    ("Sở Y tế gửi báo cáo trước thứ Sáu, ngày 15/5/2026.", date(2026, 5, 15)),
    ("UBND các xã báo cáo trước 16 giờ, thứ Năm, ngày 14/5/2026.", date(2026, 5, 14)),
    ("Các trường gửi hồ sơ trước 10h30' ngày 14/5/2026.", date(2026, 5, 14)),
    ("Phòng Nội vụ nộp danh sách trước 17g00 thứ Sáu (15/5/2026).", date(2026, 5, 15)),
    ("Ban Chỉ huy quân sự xã báo cáo trước 17:00 ngày 20/5/2026.", date(2026, 5, 20)),
    # a month written with its year after a slash
    ("Sở Xây dựng hoàn thành trước ngày 20 tháng 05/2027.", date(2027, 5, 20)),
    # a legal text taking effect is an occasion; a year written after "năm"
    ("Bộ Tư pháp ban hành thông tư hướng dẫn trước ngày Luật có hiệu lực thi hành (01/7/2026).", date(2026, 7, 1)),
    ("UBND tỉnh ban hành quy định chi tiết trước ngày Nghị định có hiệu lực (ngày 15/8/2026).", date(2026, 8, 15)),
    ("Phòng Tư pháp hoàn thành rà soát trước 30/6 năm 2027.", date(2027, 6, 30)),
    # counted from the directive, in other words
    ("Phòng Nội vụ báo cáo trong 10 ngày kể từ ngày ký.", date(2026, 3, 20)),
    ("Các sở, ngành góp ý chậm nhất sau 15 ngày kể từ ngày nhận được văn bản.", date(2026, 3, 25)),
    ("UBND cấp xã rà soát trong thời hạn tối đa 07 ngày làm việc kể từ ngày ban hành Kế hoạch.", date(2026, 3, 19)),
    # counted in months: the same day that many months on
    ("Công ty Điện lực khảo sát, báo cáo kết quả không quá 2 tháng kể từ ngày ban hành văn bản này.", date(2026, 5, 10)),
    ("Sở Tư pháp rà soát các quy định trong thời hạn 03 tháng kể từ ngày ký.", date(2026, 6, 10)),
    # two windows joined by "và": the later one's last day
    ("Sở Công Thương hoàn thành việc đăng ký trong tháng 4 và tháng 5/2026.", date(2026, 5, 31)),
    ("Sở Xây dựng hoàn thành thẩm định trong tháng 11/2026 và tháng 12/2026.", date(2026, 12, 31)),
    ("Sở Tài chính triển khai thí điểm trong quý III/2026 và quý I/2027.", date(2027, 3, 31)),
    ("Sở Nội vụ hoàn thành trong tháng 4 và tháng 5 năm 2026.", date(2026, 5, 31)),
    ("Sở Nội vụ hoàn thành việc sắp xếp trước thời điểm 31/3/2026.", date(2026, 3, 31)),
])
def test_more_deadline_forms(sentence, expected):
    tasks = extract_text(sentence, issued=ISSUED).tasks
    assert [(t.deadline, t.recurrence) for t in tasks] == [(expected, None)]


@pytest.mark.parametrize("sentence", [
    "Sở Y tế hướng dẫn thực hiện Quyết định có hiệu lực thi hành sau 15 ngày kể từ ngày ký.",
    "Sở Tư pháp giải quyết hồ sơ trong thời hạn 03 ngày làm việc kể từ ngày nhận được hồ sơ hợp lệ.",
    "Phòng Văn hóa tổ chức các hoạt động văn nghệ vào tháng 6/2026.",
    "Sở Xây dựng chủ trì thực hiện năm 2026 và các năm tiếp theo.",
    "Sở Tài chính rà soát các khoản chi trước năm 2030.",
    "Sở Tài chính thực hiện các nhiệm vụ được giao trong Nghị quyết của HĐND tỉnh ngày 10/3/2026.",
    "Sở Kế hoạch báo cáo tình hình thu hút đầu tư từ quý I đến quý III/2026.",
    "Sở Giáo dục và Đào tạo tổng kết công tác thi đua trước cuối năm học.",
    "Phòng Nội vụ triển khai các nội dung đã thống nhất trong Hội nghị ngày 05/3/2026.",
    # a window that runs on into a start of the next year names no end
    "Bộ Công Thương đàm phán, ký kết các hiệp định mới trong cuối năm 2026 và đầu năm 2027.",
    "Sở Nội vụ tổ chức tuyển dụng trong quý IV/2026 và những tháng đầu năm 2027.",
    # months looked at, no word of completion
    "Sở Tài chính kiểm tra việc giải ngân trong tháng 5 và tháng 6.",
    # a quoted title's words set no cadence
    "Sở Nông nghiệp và Môi trường đánh giá đề xuất tại bài “Giải pháp tiết kiệm hàng trăm tỷ mỗi năm”.",
])
def test_more_dates_that_are_not_deadlines(sentence):
    (task,) = extract_text(sentence, issued=ISSUED).tasks
    assert task.deadline is None and task.recurrence is None


def test_counted_months_end_on_the_last_day_of_a_shorter_month():
    assert find_deadline("trong thời hạn 03 tháng kể từ ngày ký", date(2026, 11, 30)) == date(2027, 2, 28)
    assert find_deadline("trong thời hạn 01 tháng kể từ ngày ký", 2026) is None  # no issue date


def test_current_month_needs_the_issue_date():
    assert find_deadline("hoàn thành trong tháng này", 2026) is None
    assert find_deadline("hoàn thành trong năm nay", 2026) == date(2026, 12, 31)


@pytest.mark.parametrize("sentence, cadence", [
    ("Hằng tháng, Sở Công Thương tổng hợp tình hình thị trường, gửi UBND tỉnh trước ngày 25.", "monthly:25"),
    ("Phòng Y tế định kỳ hằng tháng báo cáo UBND huyện chậm nhất là ngày 05 tháng sau.", "monthly:5"),
    ("Các sở, ngành báo cáo định kỳ hằng tháng (trước ngày 22) về Sở Nội vụ.", "monthly:22"),
    ("Bộ Tài chính định kỳ hằng tháng báo cáo Thủ tướng Chính phủ trước ngày 10 tháng 12.", "monthly"),
])
def test_the_day_of_a_monthly_duty(sentence, cadence):
    (task,) = extract_text(sentence, issued=ISSUED).tasks
    assert task.recurrence == cadence and task.deadline is None


@pytest.mark.parametrize("cell, expected", [
    ("Quý IV/2026 - Quý II/2027", date(2027, 6, 30)),
    ("Tháng 4-6/2026", date(2026, 6, 30)),
    ("Quý III - IV/2026", date(2026, 12, 31)),
    ("Cuối năm 2026", date(2026, 12, 31)),
    ("06/2026", date(2026, 6, 30)),
    ("T9/2026", date(2026, 9, 30)),
    ("Q3/2026", date(2026, 9, 30)),
    ("Trước 07/2026", date(2026, 6, 30)),
    ("05/2026 - 08/2026", date(2026, 8, 31)),
    ("Nghị định số 12/2026", None),
    ("Năm 2026 và các năm tiếp theo", None),
])
def test_time_column_spans(cell, expected):
    text = f"| STT | Nhiệm vụ | Cơ quan chủ trì | Thời gian hoàn thành |\n| 1 | Kiểm kê tài sản | Phòng Kinh tế | {cell} |\n"
    (task,) = extract_text(text, issued=ISSUED).tasks
    assert task.deadline == expected


# --- one task per deadline inside one sentence

@pytest.mark.parametrize("sentence, expected", [
    ("Sở Tài chính quyết toán xong trước ngày 01/5/2026 đối với vốn năm 2024, xong trước ngày 01/8/2026 "
     "đối với vốn năm 2025.", [date(2026, 5, 1), date(2026, 8, 1)]),
    ("Phòng Kinh tế hoàn thành kiểm kê trước ngày 15/4/2026, tổ chức tổng kết trong quý III/2026.",
     [date(2026, 4, 15), date(2026, 9, 30)]),
    # the later date handed to someone else, or the same date twice: one task
    ("UBND các xã gửi báo cáo về Sở Nội vụ trước ngày 10/6/2026 để tổng hợp, báo cáo UBND tỉnh "
     "trước ngày 20/6/2026.", [date(2026, 6, 10)]),
    ("Sở Y tế rà soát trước ngày 15/5/2026, báo cáo kết quả trước ngày 15/5/2026.", [date(2026, 5, 15)]),
    ("Sở Y tế báo cáo hằng năm trước ngày 15/6, trước ngày 15/12.", [None]),
])
def test_one_task_per_deadline_in_a_sentence(sentence, expected):
    assert [t.deadline for t in extract_text(sentence, issued=ISSUED).tasks] == expected


@pytest.mark.parametrize("sentence, cadence", [
    # a plan named before a comma does not make the duty after it the plan's year
    ("Sở Nội vụ theo dõi việc thực hiện Kế hoạch này, định kỳ hằng năm báo cáo UBND tỉnh.", "yearly"),
    ("Phòng Văn hóa triển khai chương trình, hằng quý báo cáo UBND huyện.", "quarterly"),
    # a plan or budget of the year is not a cadence
    ("Sở Tài chính bố trí vốn trong kế hoạch đầu tư công hằng năm.", None),
    ("Bộ Công Thương lồng ghép vào kế hoạch 5 năm, kế hoạch hàng năm của ngành.", None),
])
def test_plan_of_the_year_and_duty_after_a_plan(sentence, cadence):
    (task,) = extract_text(sentence, issued=ISSUED).tasks
    assert task.recurrence == cadence and task.deadline is None


@pytest.mark.parametrize("sentence, expected", [
    # a length counted forward from the directive's date ("trong 02 tuần tới"), per GUIDELINES
    ("Trong 02 tuần tới, Phòng Nội vụ rà soát hồ sơ cán bộ.", date(2026, 3, 24)),
    ("Sở Tư pháp hoàn thiện dự thảo trong tuần tới.", date(2026, 3, 17)),
    ("UBND các xã kiểm tra các điểm tập kết rác trong 10 ngày tới.", date(2026, 3, 20)),
    ("Trong vòng 3 tháng tới, Ban Quản lý dự án huyện hoàn thành giải phóng mặt bằng.", date(2026, 6, 10)),
    ("Bộ Xây dựng ban hành hướng dẫn trong 2 tháng tiếp theo.", date(2026, 5, 10)),
    # no length: not a deadline
    ("Trong thời gian tới, Sở Y tế tăng cường kiểm tra.", None),
    ("Sở Y tế tăng cường kiểm tra trong tháng tới.", None),
])
def test_coming_period_counted_from_issue(sentence, expected):
    (task,) = extract_text(sentence, issued=ISSUED).tasks
    assert task.deadline == expected


def test_coming_period_needs_the_issue_date():
    assert find_deadline("trong 02 tuần tới", 2026) is None
    assert find_deadline("trong 02 tuần tới", ISSUED) == date(2026, 3, 24)


def _by_lead(text):
    return {t.lead: (t.deadline, t.recurrence) for t in extract_text(text, issued=ISSUED).tasks}


def test_intro_deadline_dates_each_item_without_its_own():
    text = ("Chủ tịch UBND huyện kết luận một số nhiệm vụ trọng tâm cần thực hiện trong tháng 9/2026 như sau:\n"
            "- Phòng Nội vụ rà soát hồ sơ cán bộ.\n"
            "- Phòng Tài chính - Kế hoạch trình phương án phân bổ vốn trước ngày 15/9/2026.\n"
            "- UBND các xã tổ chức ra quân làm thủy lợi nội đồng.\n")
    assert _by_lead(text) == {"Phòng Nội vụ": (date(2026, 9, 30), None),
                              "Phòng Tài chính - Kế hoạch": (date(2026, 9, 15), None),
                              "UBND các xã": (date(2026, 9, 30), None)}


def test_intro_deadline_leaves_cadences_alone():
    text = ("Các nhiệm vụ sau phải hoàn thành trước ngày 30/6:\n"
            "- Sở Xây dựng hoàn thiện quy hoạch chung.\n"
            "- Sở Giao thông vận tải hằng tháng báo cáo tiến độ dự án.\n")
    assert _by_lead(text) == {"Sở Xây dựng": (date(2026, 6, 30), None),
                              "Sở Giao thông vận tải": (None, "monthly")}


@pytest.mark.parametrize("text", [
    # the deadline is the earlier sentence's own task, not the list's
    "Sở Tài chính trình Đề án trước ngày 20/10/2026. Trong đó chú ý một số nội dung sau:\n"
    "- Bộ Tư pháp thẩm định dự thảo.\n",
    # a date that names a letter is no deadline
    "Thực hiện Công văn số 12/UBND-VP ngày 10/3/2026, UBND tỉnh yêu cầu:\n- Bộ Tư pháp thẩm định dự thảo.\n",
    # a cadence in the introduction is no deadline
    "Hằng tháng, các đơn vị thực hiện các nội dung sau:\n- Bộ Tư pháp thẩm định dự thảo.\n",
])
def test_intro_without_a_deadline_for_the_list(text):
    assert _by_lead(text)["Bộ Tư pháp"][0] is None


def test_deadline_announced_inside_a_paragraph():
    # the work announced after the speaker's colon, dated once for every task of the paragraph
    text = ("Chủ tịch UBND tỉnh nhấn mạnh các việc phải xong trước ngày 30/6: đề nghị Sở Tài chính bố trí "
            "kinh phí; Sở Xây dựng hoàn thiện hồ sơ trước ngày 15/6. Ban Quản lý dự án tỉnh bàn giao mặt bằng.")
    assert _by_lead(text) == {"Sở Tài chính": (date(2026, 6, 30), None), "Sở Xây dựng": (date(2026, 6, 15), None),
                              "Ban Quản lý dự án tỉnh": (date(2026, 6, 30), None)}
    text = ("Bí thư Đảng ủy xã kết luận các nhiệm vụ cần thực hiện trong tháng 10: yêu cầu UBND xã chỉ đạo thu "
            "hoạch lúa; Hội Nông dân xã hằng tuần báo cáo tình hình.")
    assert _by_lead(text) == {"UBND xã": (date(2026, 10, 31), None), "Hội Nông dân xã": (None, "weekly")}


def test_no_announced_deadline_without_a_colon():
    text = "Chủ tịch UBND tỉnh kết luận các nội dung trong tháng 9 đã hoàn thành. Sở Y tế tăng cường kiểm tra."
    assert _by_lead(text)["Sở Y tế"] == (None, None)


@pytest.mark.parametrize("sentence, expected", [
    # the period is what the later day bounds: the day is the deadline
    ("Đối với trường hợp nghỉ hưu trong quý I, UBND các huyện gửi hồ sơ trước ngày 15/11/2026.", date(2026, 11, 15)),
    ("Sở Y tế báo cáo kết quả thực hiện trong quý II chậm nhất ngày 10/7/2026.", date(2026, 7, 10)),
    ("Phòng Nội vụ tổng hợp số liệu phát sinh trong tháng 5 và gửi trước ngày 05/6/2026.", date(2026, 6, 5)),
    # the day in another clause bounds another thing: the window stays
    ("Sở Xây dựng hoàn thành trong quý II; Sở Tài chính thẩm định trước ngày 15/7/2026.", date(2026, 6, 30)),
    ("Sở Xây dựng hoàn thành trong quý II, báo cáo UBND tỉnh trước ngày 15/7/2026.", date(2026, 6, 30)),
    ("UBND các xã hoàn thành rà soát trong tháng 4/2026.", date(2026, 4, 30)),
])
def test_a_day_that_bounds_the_period_named_before_it(sentence, expected):
    assert find_deadline(sentence, ISSUED) == expected


@pytest.mark.parametrize("text", [
    # a cadence opening one more duty at the end of a long paragraph of duties: not the whole task's cadence
    "Các sở, ngành tiếp tục tuyên truyền chủ trương tinh giản biên chế; rà soát vị trí việc làm; sắp xếp bộ máy; "
    "Hằng năm thực hiện đánh giá, xếp loại công chức, viên chức theo quy định.",
    "Phòng Nội vụ hướng dẫn các xã kiện toàn bộ máy; rà soát đội ngũ cán bộ; bố trí công chức đúng chuyên môn; "
    "hàng quý tổ chức kiểm tra công vụ tại các xã.",
])
def test_a_cadence_buried_in_a_long_paragraph_of_duties_does_not_repeat_the_task(text):
    assert [(t.deadline, t.recurrence) for t in extract_text(text, issued=ISSUED).tasks] == [(None, None)]


@pytest.mark.parametrize("text, recurrence", [
    # the report on the work at a cadence, or a cadence after a single duty, still repeats the task
    ("Các sở, ngành tuyên truyền chủ trương; rà soát vị trí việc làm; sắp xếp bộ máy; hằng quý báo cáo kết quả "
     "về Sở Nội vụ.", "quarterly"),
    ("Phòng Nội vụ tuyên truyền chủ trương; hằng năm tổ chức kiểm tra công vụ tại các xã.", "yearly"),
])
def test_a_cadence_of_the_report_or_after_one_duty_still_repeats(text, recurrence):
    assert [t.recurrence for t in extract_text(text, issued=ISSUED).tasks] == [recurrence]


@pytest.mark.parametrize("text, expected", [
    # the month announced over the work dates each duty; a report at a cadence after a comma, or a duty with a
    # cadence of its own, keeps its cadence
    ("Chủ tịch HĐND huyện kết luận các nhiệm vụ cần thực hiện trong tháng 9/2026: yêu cầu UBND huyện chỉ đạo trả "
     "lời kiến nghị của cử tri, định kỳ hàng quý báo cáo kết quả giải quyết.",
     [("UBND huyện", date(2026, 9, 30), None), ("UBND huyện", None, "quarterly")]),
    ("Bí thư Đảng ủy xã kết luận các việc cần làm trong tháng 10/2026: yêu cầu UBND xã chỉ đạo thu hoạch lúa. "
     "Ban Tuyên giáo chuẩn bị hội nghị quán triệt nghị quyết; duy trì lịch sinh hoạt chi bộ hằng tháng.",
     [("UBND xã", date(2026, 10, 31), None), ("Ban Tuyên giáo", date(2026, 10, 31), None),
      ("Ban Tuyên giáo", None, "monthly")]),
])
def test_a_date_announced_over_the_work_leaves_cadences_alone(text, expected):
    assert [(t.lead, t.deadline, t.recurrence) for t in extract_text(text, issued=ISSUED).tasks] == expected


def test_a_report_at_a_cadence_with_no_date_announced_repeats_the_task():
    text = "Phòng Nội vụ chỉ đạo trả lời kiến nghị của cử tri, định kỳ hằng quý báo cáo kết quả giải quyết."
    assert [(t.deadline, t.recurrence) for t in extract_text(text, issued=ISSUED).tasks] == [(None, "quarterly")]


@pytest.mark.parametrize("sentence, expected", [
    # months listed, the last carrying the year: the window ends with the last month
    ("Thời hạn: tháng 11, 12/2026.", date(2026, 12, 31)),
    ("Phòng Tư pháp hoàn thành trong tháng 3, 4/2027.", date(2027, 4, 30)),
    # a month then a full date after the comma is no list of months
    ("UBND xã báo cáo trong tháng 5, trước ngày 15/6/2026.", date(2026, 5, 31)),
])
def test_months_listed_end_with_the_last(sentence, expected):
    assert find_deadline(sentence, 2026) == expected


@pytest.mark.parametrize("sentence, expected", [
    # a clause that only closes the work before it with its date: the actions after it are another, undated task
    ("Bộ Công Thương chủ trì, phối hợp với Bộ Tài chính xác định nhu cầu dự trữ; hoàn thành trước ngày 31/10/2026; "
     "xây dựng tiêu chuẩn quốc gia về kho dự trữ.", [date(2026, 10, 31), None]),
    ("Phòng Nông nghiệp huyện rà soát diện tích lúa bị thiệt hại; xong trong tháng 9/2026; hướng dẫn nông dân "
     "khôi phục sản xuất.", [date(2026, 9, 30), None]),
    # the closing date last, or a date inside an action: one task
    ("UBND các xã tổng hợp nhu cầu vốn; lập danh sách hộ nghèo; hoàn thành trước ngày 15/8/2026.",
     [date(2026, 8, 15)]),
    ("Sở Y tế kiểm tra các cơ sở; báo cáo UBND tỉnh trước ngày 15/8/2026; hướng dẫn các bệnh viện.",
     [date(2026, 8, 15)]),
])
def test_a_closing_date_clause_ends_its_task(sentence, expected):
    assert [t.deadline for t in extract_text(sentence, issued=ISSUED).tasks] == expected


@pytest.mark.parametrize("text, expected", [
    # the conclusion announces its work with a window, then gives it after the colon in the same paragraph
    ("Kết luận cuộc họp, đồng chí Chủ tịch UBND xã kết luận một số nhiệm vụ trọng tâm thực hiện trong tháng "
     "10/2026: yêu cầu Công an xã tăng cường tuần tra. Ban Chỉ huy Quân sự xã chuẩn bị lực lượng phòng chống "
     "lụt bão; duy trì lịch trực hằng tuần.",
     [("Công an xã", date(2026, 10, 31), None), ("Ban Chỉ huy Quân sự xã", date(2026, 10, 31), None),
      ("Ban Chỉ huy Quân sự xã", None, "weekly")]),
    ("Giám đốc Sở Nông nghiệp và Môi trường kết luận các nhiệm vụ cần thực hiện trong quý IV/2026: yêu cầu "
     "Chi cục Thủy lợi kiểm tra an toàn hồ đập; định kỳ hằng tháng báo cáo Sở kết quả kiểm tra.",
     [("Chi cục Thủy lợi", date(2026, 12, 31), None), ("Chi cục Thủy lợi", None, "monthly")]),
    # a period looked back on before a colon is no window for the work after it
    ("Trong tháng 9/2026, Sở Y tế đã tổ chức nhiều đợt kiểm tra: Phòng Nghiệp vụ Y kiểm tra 20 cơ sở. "
     "Đề nghị Phòng Nghiệp vụ Y tiếp tục theo dõi, hằng tuần báo cáo Giám đốc Sở.",
     [("Phòng Nghiệp vụ Y", None, "weekly")]),
])
def test_a_window_announcing_the_work_in_the_same_paragraph(text, expected):
    tasks = extract_text("Kính gửi: các cơ quan.\n\n" + text, issued=ISSUED).tasks
    assert [(t.lead, t.deadline, t.recurrence) for t in tasks] == expected


# --- a section whose opening says when its work is done ----------------------------------------
@pytest.mark.parametrize("opening, deadline", [
    ("Việc tổ chức hội nghị lấy ý kiến cử tri được thực hiện trong khoảng từ ngày 04/5/2026 đến ngày 08/5/2026.",
     date(2026, 5, 8)),
    ("Các hoạt động của đợt cao điểm hoàn thành trước ngày 30/6/2026.", date(2026, 6, 30)),
])
def test_a_sections_opening_dates_its_items(opening, deadline):
    """"III. TỔ CHỨC HỘI NGHỊ" then an impersonal sentence of when the section's work is done: each item
    of the section without a date of its own takes it; an item with its own date keeps it."""
    text = (f"KẾ HOẠCH\nIII. TỔ CHỨC HỘI NGHỊ\n{opening}\n1. Văn phòng UBND xã chuẩn bị hội trường, tài liệu hội nghị.\n"
            "2. Công an xã bảo đảm an ninh trật tự trước ngày 02/5/2026.\n")
    tasks = extract_text(text, issued=date(2026, 3, 2)).tasks
    assert [(t.lead, t.deadline) for t in tasks] == [("Văn phòng UBND xã", deadline),
                                                      ("Công an xã", date(2026, 5, 2))]


def test_a_section_opening_that_names_an_actor_is_not_a_date_for_all():
    """Not: an opening with its own actor is a task; its date is its own."""
    text = ("KẾ HOẠCH\nIII. TỔ CHỨC THỰC HIỆN\nPhòng Nội vụ tổng hợp kết quả trước ngày 30/6/2026.\n"
            "1. Văn phòng UBND xã chuẩn bị hội trường, tài liệu hội nghị.\n")
    tasks = extract_text(text, issued=date(2026, 3, 2)).tasks
    assert [(t.lead, t.deadline) for t in tasks] == [("Phòng Nội vụ", date(2026, 6, 30)), ("Văn phòng UBND xã", None)]


# --- a note after a list that dates the items it names ------------------------------------------
@pytest.mark.parametrize("note", [
    "(Nội dung a, b gửi về Sở Tài chính trước ngày 30/9/2026 để tổng hợp)",
    "(Các nội dung tại điểm a và b hoàn thành trước ngày 30/9/2026.)",
])
def test_a_note_dates_the_items_it_names(note):
    """"(Nội dung a, b gửi về … trước ngày …)" under a list: items a and b take the date, c keeps none,
    and the note is no task of its own."""
    text = ("Sở Tài chính đề nghị UBND các xã thực hiện một số nội dung sau:\n"
            "a) Rà soát nhu cầu vốn năm 2027.\nb) Lập danh mục dự án khởi công mới.\n" + note + "\n"
            "c) Thực hiện giải ngân vốn đúng quy định.\n")
    tasks = extract_text(text, issued=date(2026, 3, 2)).tasks
    assert [t.deadline for t in tasks] == [date(2026, 9, 30), date(2026, 9, 30), None]


def test_a_note_naming_items_without_a_date_dates_nothing():
    """Not: "(Nội dung a, b thực hiện theo hướng dẫn của Sở)" names items but no date."""
    text = ("Sở Tài chính đề nghị UBND các xã thực hiện một số nội dung sau:\n"
            "a) Rà soát nhu cầu vốn năm 2027.\nb) Lập danh mục dự án khởi công mới.\n"
            "(Nội dung a, b thực hiện theo hướng dẫn của Sở Tài chính)\n")
    tasks = extract_text(text, issued=date(2026, 3, 2)).tasks
    assert [t.deadline for t in tasks] == [None, None]


@pytest.mark.parametrize("sent", [
    "Ý kiến tham gia đề nghị gửi về Bộ Công an (qua Cục C04, ĐT: 0915.000.000) trước ngày 15/10/2026 để tổng hợp.",
    "Ý kiến góp ý gửi về Sở Tư pháp trước ngày 15/10/2026.",
])
def test_the_comments_asked_for_are_dated_by_the_next_sentence(sent):
    """"Ý kiến tham gia đề nghị gửi về Bộ X … trước ngày …" after the request: the request's deadline."""
    text = "Bộ Công an đề nghị UBND các tỉnh tham gia ý kiến vào Dự thảo Quyết định.\n" + sent + "\n"
    (task,) = extract_text(text, issued=date(2026, 10, 1)).tasks
    assert (task.lead, task.deadline) == ("UBND các tỉnh", date(2026, 10, 15))


def test_a_unit_sending_its_comments_is_its_own_task():
    """Not: "Sở Tư pháp gửi ý kiến …" has a subject of its own."""
    text = ("Bộ Công an đề nghị UBND các tỉnh tham gia ý kiến vào Dự thảo Quyết định.\n"
            "Sở Tư pháp gửi ý kiến thẩm định trước ngày 15/10/2026.\n")
    tasks = extract_text(text, issued=date(2026, 10, 1)).tasks
    assert [(t.lead, t.deadline) for t in tasks] == [("UBND các tỉnh", None), ("Sở Tư pháp", date(2026, 10, 15))]


@pytest.mark.parametrize("sentence, expected", [
    # a window of days, then the day or days it covers after a colon
    ("treo cờ Tổ quốc trong 01 ngày: ngày 02/9/2026", date(2026, 9, 2)),
    ("trực sẵn sàng trong 03 ngày: từ ngày 29/4 đến ngày 01/5/2026", date(2026, 5, 1)),
])
def test_window_of_days_named_after_a_colon(sentence, expected):
    assert find_deadline(sentence, ISSUED) == expected


def test_window_of_days_without_the_day_is_no_deadline():
    assert find_deadline("kiểm tra trong 10 ngày, bắt đầu từ ngày 05/3/2026", ISSUED) is None
