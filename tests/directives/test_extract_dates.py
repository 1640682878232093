"""Deadlines and cadences: every Vietnamese date form the extractor knows (one sentence each)."""
from datetime import date

import pytest

from directives import extract_text
from directives.dates import find_deadline, find_recurrence

ISSUED = date(2026, 5, 8)


def only_task(text: str, issued: date = ISSUED):
    result = extract_text(text, issued=issued)
    assert len(result.tasks) == 1, [t.lead for t in result.tasks]
    return result.tasks[0]


@pytest.mark.parametrize("sentence, expected", [
    ("Sở Y tế báo cáo UBND tỉnh trước ngày 15/5/2026.", date(2026, 5, 15)),
    ("Sở Y tế ban hành kế hoạch trong ngày 11/5/2026.", date(2026, 5, 11)),
    ("Sở Y tế gửi báo cáo chậm nhất ngày 20/6/2026.", date(2026, 6, 20)),
    ("Sở Y tế hoàn thành trước 30/6.", date(2026, 6, 30)),
    ("Sở Y tế gửi báo cáo trước ngày 15/5.", date(2026, 5, 15)),
    ("Sở Y tế hoàn thành trong tháng 5/2026.", date(2026, 5, 31)),
    ("Sở Y tế hoàn thành việc rà soát trong quý II.", date(2026, 6, 30)),
    ("Sở Y tế trình UBND tỉnh ban hành quy chế trong quý III/2026.", date(2026, 9, 30)),
    ("Sở Y tế triển khai các giải pháp từ nay đến hết năm 2025.", date(2025, 12, 31)),
    ("Sở Y tế hoàn thành trước ngày 15 tháng 5 năm 2026.", date(2026, 5, 15)),
    ("Sở Y tế phấn đấu hoàn thành trước ngày 19/5/2026.", date(2026, 5, 19)),
    ("Sở Y tế báo cáo kết quả, thời hạn: tháng 7/2026.", date(2026, 7, 31)),
    ("Sở Y tế bàn giao mặt bằng, hoàn thành trong năm 2026.", date(2026, 12, 31)),
])
def test_deadline_forms(sentence, expected):
    assert only_task(sentence).deadline == expected


@pytest.mark.parametrize("sentence", [
    "Sở Xây dựng báo cáo về khả năng thông tuyến vào ngày 19/5/2026.",
    "Sở Văn hóa tham mưu kỷ niệm 85 năm Ngày Bác Hồ về nước (28/01/1941 - 28/01/2026).",
    "Sở Tài chính rà soát tình hình giải ngân trong tháng 5 và tháng 6/2026.",
    "Sở Tài chính triển khai Kế hoạch số 388/KH-UBND ngày 10/02/2026.",
    "Sở Nội vụ khẩn trương thực hiện ngay, trong thời gian sớm nhất.",
    "Sở Nội vụ thực hiện thường xuyên.",
])
def test_dates_that_are_not_deadlines(sentence):
    assert only_task(sentence).deadline is None


@pytest.mark.parametrize("sentence, cadence", [
    ("Trước ngày 23 hằng tháng, Sở Y tế báo cáo UBND tỉnh.", "monthly:23"),
    ("Sở Y tế hằng tuần tổng hợp tiến độ.", "weekly"),
    ("Sở Y tế hàng tuần tổng hợp tiến độ.", "weekly"),
    ("Sở Y tế định kỳ hằng quý báo cáo kết quả.", "quarterly"),
    ("Sở Y tế định kỳ hằng tháng tổng hợp kết quả.", "monthly"),
    ("Sở Y tế tổ chức sơ kết hằng năm.", "yearly"),
    ("Phòng Nội vụ điều tra nhu cầu đào tạo cán bộ theo từng năm.", "yearly"),
    ("Sở Công Thương kiểm tra giá cả thị trường theo từng quý.", "quarterly"),
])
def test_recurrence_forms(sentence, cadence):
    task = only_task(sentence)
    assert task.recurrence == cadence
    assert task.deadline is None  # a repeating duty has no single deadline


def test_periodic_without_cadence_is_not_recurrence():
    task = only_task("Sở Y tế định kỳ báo cáo kết quả thực hiện.")
    assert task.recurrence is None and task.deadline is None


@pytest.mark.parametrize("text", [
    "xây dựng kế hoạch đầu tư công hằng năm",
    "đưa vào kế hoạch dự trữ quốc gia hàng năm",
    "bố trí vốn ngân sách địa phương giai đoạn 05 năm và hằng năm",
    "cân đối kế hoạch vốn trung hạn và hằng năm",
    "bố trí kinh phí chi thường xuyên hằng năm",
])
def test_plan_of_the_year_is_not_a_cadence(text):
    assert find_recurrence(text) is None


@pytest.mark.parametrize("text", [
    "chỉ đạo Chi cục Hải quan cửa khẩu kéo dài thời gian làm thủ tục đến 22h00 hàng ngày",
    "bố trí bộ phận một cửa tiếp nhận hồ sơ từ 7 giờ đến 19 giờ 30 hằng ngày",
])
def test_hours_kept_every_day_are_no_cadence(text):
    assert find_recurrence(text) is None


@pytest.mark.parametrize("text, cadence", [
    ("tổng hợp số ca mắc, báo cáo Sở Y tế trước 16 giờ hằng ngày", "daily"),
    ("Công an xã tuần tra đến khuya hằng ngày trong dịp Tết", "daily"),
])
def test_a_report_due_by_an_hour_still_repeats(text, cadence):
    assert find_recurrence(text) == cadence


@pytest.mark.parametrize("text", ["tổ chức sơ kết 05 năm và báo cáo hằng năm", "rà soát, báo cáo hằng năm",
                                  "sau 3 năm thực hiện, hằng năm tổ chức kiểm tra"])
def test_a_duty_after_a_span_keeps_its_cadence(text):
    assert find_recurrence(text) == "yearly"


def test_date_without_year_takes_the_directive_year():
    assert only_task("Sở Y tế báo cáo trước ngày 15/5.", issued=date(2027, 1, 3)).deadline == date(2027, 5, 15)


def test_before_a_month_means_the_end_of_the_month_before():
    assert find_deadline("hoàn thành trước tháng 7/2026", 2026) == date(2026, 6, 30)


def test_invalid_day_is_ignored():
    assert find_deadline("báo cáo trước ngày 31/4/2026", 2026) is None


@pytest.mark.parametrize("text, expected", [
    # the plan drafted is of checks at a cadence: drafting it is done once
    ("tham mưu UBND huyện xây dựng kế hoạch kiểm tra công tác quản lý đất đai, trật tự xây dựng trên địa bàn "
     "hàng tháng", None),
    ("ban hành kế hoạch thanh tra, kiểm tra an toàn thực phẩm tại các chợ hằng quý", None),
    # a duty done at a cadence after the plan is drafted still repeats
    ("xây dựng kế hoạch kiểm tra; hằng tháng báo cáo kết quả về UBND huyện", "monthly"),
])
def test_a_cadence_inside_the_plan_to_draft(text, expected):
    assert find_recurrence(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a target measured each year is no duty repeated
    ("chỉ ban hành văn bản khi thực sự cần thiết, phấn đấu hằng năm giảm tối thiểu 15% số văn bản hành chính", None),
    ("tăng tỷ lệ họp trực tuyến, giảm tối thiểu 10% số lượng hội nghị hằng năm", None),
    # the same words before a duty of their own still repeat it
    ("hằng năm tổ chức sơ kết việc tinh giản văn bản", "yearly"),
])
def test_a_yearly_target_is_no_cadence(text, expected):
    assert find_recurrence(text) == expected


# A time cell that gives the hours an event lasts before its day: the day is the deadline.
@pytest.mark.parametrize("text, expected", [
    ("Thời hạn: Từ 20 giờ 15 phút - 20 giờ 45 phút ngày 23 tháng 1", date(2026, 1, 23)),
    ("Thời hạn: từ 8 giờ đến 11 giờ sáng ngày 05/3", date(2026, 3, 5)),
    ("Thời gian: 14h00 - 16h30, ngày 12/6/2026", date(2026, 6, 12)),
])
def test_hours_before_the_day_keep_the_day(text, expected):
    assert find_deadline(text, 2026) == expected


def test_hours_alone_are_no_day():
    assert find_deadline("Thời gian: từ 8 giờ đến 11 giờ hằng ngày", 2026) is None


# A month or day "hằng năm" is a yearly duty even when what is done then is drafting a plan; a day
# "của tháng liền kề" is the day of every month a monthly report is due.
@pytest.mark.parametrize("text, expected", [
    ("Thời hạn: Ban hành kế hoạch trong tháng 01 hằng năm và tổ chức thực hiện", "yearly"),
    ("Xây dựng kế hoạch kiểm tra trong tháng 3 hàng năm", "yearly"),
    ("Thời hạn: Trước ngày 05 của tháng liền kề", "monthly:5"),
    ("báo cáo chậm nhất ngày 10 tháng liền kề", "monthly:10"),
    ("xây dựng kế hoạch kiểm tra hằng tháng", None),  # the plan is drafted once
])
def test_a_date_of_every_year_or_month(text, expected):
    assert find_recurrence(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the work runs on into a later year: its last day
    ("Thời hạn: Quý III, IV/2026, 2027.", "2027-12-31"),
    ("Thời hạn: Năm 2026, 2027.", "2027-12-31"),
    ("Thời hạn: Quý III/2026 - 2027.", "2027-12-31"),
    # a count after the year is no year
    ("Hoàn thành trong năm 2026, 2030 ha rừng được trồng mới.", "2026-12-31"),
])
def test_periods_running_into_a_later_year(text, expected):
    assert str(find_deadline(text, 2026)) == expected
