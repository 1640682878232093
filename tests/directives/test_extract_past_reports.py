"""Reports of the past are not orders (GUIDELINES "Not a task"): a paragraph that opens on a day or a
month already gone by the directive's date tells what happened ("Ngày 05/3/2025, UBND xã họp …"), a
unit that "tổ chức thành công" or "mới nhận được" something reports a result. The same paragraph
still hands work when it says so ("… yêu cầu Phòng X …"), and a day still to come opens a schedule.
Units and places below are invented."""
from __future__ import annotations

from datetime import date

import pytest

from directives import extract_text


def leads(text: str, issued: date | None = None) -> list[str]:
    return [t.lead for t in extract_text(text, issued=issued).tasks]


ISSUED = date(2025, 3, 10)


@pytest.mark.parametrize("text", [
    "Ngày 05/3/2025, Thường trực HĐND xã họp đánh giá kết quả hoạt động tháng 02.",
    "Ngày 10 tháng 3 năm 2025, Ban Thường vụ Đảng ủy phường có buổi làm việc với Hội Nông dân phường.",
    "Vào ngày 01/3/2025, Phòng Văn hóa và Thông tin huyện tổ chức kiểm tra các điểm kinh doanh karaoke.",
    "Trong tháng 02 năm 2025, Sở Công Thương kiểm tra 40 cửa hàng xăng dầu trên địa bàn.",
    "Tháng 01/2025, UBND thị trấn tổ chức tiếp công dân định kỳ theo quy định.",
])
def test_a_paragraph_opening_on_a_past_day_tells_what_happened(text):
    assert leads(text, ISSUED) == []


@pytest.mark.parametrize("text, expected", [
    # the same account, then the chair hands work on: that is a task
    ("Ngày 05/3/2025, Thường trực HĐND xã họp thường kỳ; Chủ tịch HĐND xã kết luận, yêu cầu UBND xã "
     "trả lời kiến nghị của cử tri trước ngày 30/3/2025.", ["UBND xã"]),
    # a day still to come opens a schedule, not an account
    ("Ngày 20/3/2025, Phòng Giáo dục và Đào tạo tổ chức hội nghị tổng kết năm học.",
     ["Phòng Giáo dục và Đào tạo"]),
    ("Trong tháng 4 năm 2025, Sở Y tế hoàn thành kiểm tra các cơ sở khám bệnh, chữa bệnh tư nhân.",
     ["Sở Y tế"]),
])
def test_work_handed_or_scheduled_stays_a_task(text, expected):
    assert leads(text, ISSUED) == expected


@pytest.mark.parametrize("text", [
    "Trong năm qua, Hội Liên hiệp Phụ nữ tỉnh tổ chức thành công Đại hội đại biểu lần thứ XV.",
    "UBND huyện triển khai thành công đợt tiêm chủng mở rộng trên toàn địa bàn.",
    "Tuy nhiên, đến nay Sở Tài nguyên và Môi trường mới chỉ nhận được báo cáo của 3 huyện.",
    "Bộ Xây dựng mới nhận được ý kiến góp ý của 12 địa phương.",
])
def test_a_result_achieved_is_no_task(text):
    assert leads(text, ISSUED) == []


@pytest.mark.parametrize("text, expected", [
    ("Sở Văn hóa, Thể thao và Du lịch tổ chức Giải chạy việt dã bảo đảm an toàn, thành công.",
     ["Sở Văn hóa, Thể thao và Du lịch"]),
    ("UBND các xã tổ chức thành công các kỳ họp thường lệ và báo cáo kết quả về UBND huyện.",
     ["UBND các xã"]),
    ("Phòng Nội vụ tiếp nhận báo cáo của các xã, tổng hợp trình UBND huyện.", ["Phòng Nội vụ"]),
])
def test_success_asked_for_or_receiving_as_work_is_a_task(text, expected):
    assert leads(text, ISSUED) == expected


@pytest.mark.parametrize("text, expected", [
    # the units a thing is sent to, after an introduction, are no subject of what follows
    ("1. Ủy ban nhân dân tỉnh:\n\n- Căn cứ Quyết định số 12/2024/QĐ-TTg lập Đề án hỗ trợ nhà ở và gửi về Bộ Xây dựng, "
     "Bộ Kế hoạch và Đầu tư và Bộ Tài chính để tổng hợp, báo cáo Thủ tướng Chính phủ.\n\n- Bố trí kinh phí quản lý.",
     ["Ủy ban nhân dân tỉnh", "Ủy ban nhân dân tỉnh"]),
    ("b) Phòng Giáo dục và Đào tạo:\n\n- Trên cơ sở đề xuất của các trường, tổng hợp nhu cầu, trình Phòng Tài chính - "
     "Kế hoạch, UBND huyện để phê duyệt trước ngày 15/7/2025.", ["Phòng Giáo dục và Đào tạo"]),
    # units after a plain introduction still act
    ("Căn cứ kết quả rà soát, Sở Nội vụ, UBND các huyện lập danh sách đề nghị hỗ trợ.", ["Sở Nội vụ", "UBND các huyện"]),
])
def test_the_units_a_thing_is_sent_to_do_not_act(text, expected):
    assert leads(text, ISSUED) == expected


@pytest.mark.parametrize("background", [
    "Những năm qua, các cấp, các ngành đã luôn quan tâm, chăm lo cho gia đình chính sách. Tuy nhiên, nhu cầu "
    "việc làm của con em các gia đình chính sách vẫn còn rất bức thiết.",
    "Công tác phòng cháy, chữa cháy rừng là nhiệm vụ quan trọng, thường xuyên của cả hệ thống chính trị.",
    "Tuy nhiên, việc tuyển dụng lao động tại nhiều địa phương còn chậm, chưa đáp ứng yêu cầu.",
])
def test_the_background_above_the_announcement_is_nobodys_work(background):
    text = ("CHỈ THỊ\n\nVỀ VIỆC TĂNG CƯỜNG CÔNG TÁC PHÒNG CHÁY\n\n" + background + "\n\n"
            "Để khắc phục tình trạng trên, Chủ tịch UBND tỉnh yêu cầu Giám đốc các sở, Chủ tịch UBND các huyện:\n\n"
            "1. Rà soát, bổ sung phương án phòng cháy tại địa phương.\n\n"
            "2. Định kỳ hằng quý báo cáo kết quả về Sở Nội vụ.")
    tasks = extract_text(text, issued=ISSUED).tasks
    assert [t.summary.split(",")[0] for t in tasks] == ["Rà soát", "Rà soát", "Định kỳ hằng quý báo cáo kết quả về Sở Nội vụ",
                                                       "Định kỳ hằng quý báo cáo kết quả về Sở Nội vụ"]
    assert {t.lead for t in tasks} == {"Giám đốc các sở", "Chủ tịch UBND các huyện"}


@pytest.mark.parametrize("text", [
    "Xã Tân An đã gieo cấy xong; các xã, thị trấn còn lại đã làm đất đạt 100% diện tích.",
    "Các phòng, ban còn lại đều đã nộp báo cáo đúng hạn.",
    "Các trường vẫn đã duy trì nền nếp dạy học trong mùa dịch.",
])
def test_the_rest_having_done_it_is_a_result(text):
    assert leads(text, ISSUED) == []


def test_the_rest_told_to_act_keep_their_name():
    assert leads("Các sở, ngành còn lại phối hợp thực hiện kế hoạch.", ISSUED) == ["Các sở, ngành còn lại"]


@pytest.mark.parametrize("text, expected", [
    # who was heard reporting does not act
    ("Sau khi nghe Ban Thường trực Ủy ban Mặt trận Tổ quốc, Trưởng các đoàn thể xã báo cáo tình hình thực hiện "
     "nhiệm vụ 6 tháng đầu năm, ý kiến của các đồng chí.", []),
    ("Sau khi nghe Phòng Tài chính - Kế hoạch, Phòng Nội vụ báo cáo, Chủ tịch UBND huyện giao Phòng Nội vụ "
     "hoàn thiện đề án.", ["Phòng Nội vụ"]),
    # after hearing a report, a unit named after the comma acts
    ("Sau khi nghe báo cáo, Phòng Nội vụ hoàn thiện đề án trước ngày 30/4/2025.", ["Phòng Nội vụ"]),
])
def test_the_units_heard_reporting_do_not_act(text, expected):
    assert leads(text, ISSUED) == expected


@pytest.mark.parametrize("text", [
    "UBND xã Hòa An tổ chức Hội nghị triển khai kế hoạch bầu cử trưởng thôn. Về dự hội nghị có lãnh đạo Đảng ủy, "
    "HĐND, UBND xã và các trưởng thôn.",
    "Phòng Giáo dục và Đào tạo huyện tổ chức lễ tổng kết năm học. Tham dự có đại diện lãnh đạo UBND huyện.",
])
def test_a_paragraph_telling_who_attended_tells_of_the_event(text):
    assert leads(text, ISSUED) == []


def test_work_handed_at_the_event_is_still_a_task():
    text = ("UBND xã Hòa An tổ chức hội nghị triển khai kế hoạch. Về dự hội nghị có các trưởng thôn. Chủ tịch UBND xã "
            "yêu cầu các thôn hoàn thành danh sách cử tri trước ngày 30/3/2025.")
    assert leads(text, ISSUED) == ["Các thôn"]
