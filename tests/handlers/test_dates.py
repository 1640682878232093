"""Dates in officials' replies (handlers/dates.py)."""
from __future__ import annotations

from datetime import date

import pytest

from handlers.dates import find_date, looks_like_date, parse_date

WED = date(2026, 5, 13)  # a Wednesday
SAT = date(2026, 5, 16)
FRI = date(2026, 5, 15)
LATE_DEC = date(2026, 12, 20)


# (text, today, expected find_date)
FIND = [
    # numeric forms
    ("20/5", WED, date(2026, 5, 20)),
    ("20/5/2026", WED, date(2026, 5, 20)),
    ("20/05/26", WED, date(2026, 5, 20)),
    ("20-5-2026", WED, date(2026, 5, 20)),
    ("20.5.2026", WED, date(2026, 5, 20)),
    ("2026-05-20", WED, date(2026, 5, 20)),
    ("ngày 20-5", WED, date(2026, 5, 20)),
    ("hạn mới: 15.6", WED, date(2026, 6, 15)),
    ("xong 15-20/5", WED, date(2026, 5, 20)),
    # words
    ("ngày 20 tháng 5 năm 2026", WED, date(2026, 5, 20)),
    ("dự kiến xong ngày 20 tháng 5", WED, date(2026, 5, 20)),
    ("ngày 20/5", WED, date(2026, 5, 20)),
    ("20 tháng 5", WED, date(2026, 5, 20)),
    ("mồng 5 tháng 6", WED, date(2026, 6, 5)),
    ("trước ngày 25", WED, date(2026, 5, 25)),
    ("trước ngày 31", date(2026, 6, 10), date(2026, 7, 31)),  # June has no 31st
    # year rollover: no year, more than 60 days past -> next year
    ("10/1", LATE_DEC, date(2027, 1, 10)),
    ("xong trước 5/1", LATE_DEC, date(2027, 1, 5)),
    ("30/6", date(2026, 7, 15), date(2026, 6, 30)),  # 15 days past: still this year
    ("20/2", WED, date(2027, 2, 20)),
    ("29/2", date(2027, 12, 20), date(2028, 2, 29)),
    # days
    ("hôm nay", WED, None),  # narration unless a deadline word is near
    ("xong trong hôm nay", WED, WED),
    ("hôm nay em gửi", WED, WED),
    ("ngày mai", WED, date(2026, 5, 14)),
    ("xong trong ngày mai", WED, date(2026, 5, 14)),
    ("mai xong", WED, date(2026, 5, 14)),
    ("Mai em gửi báo cáo", WED, date(2026, 5, 14)),
    ("chị Mai đang làm", WED, None),
    ("Sở Công Thương, phòng thương mại sẽ gửi", WED, None),
    ("ngày kia", WED, date(2026, 5, 15)),
    ("ngày mốt xong", WED, date(2026, 5, 15)),
    # weeks and weekdays (office week ends on Friday)
    ("cuối tuần", WED, date(2026, 5, 15)),
    ("cuối tuần này", WED, date(2026, 5, 15)),
    ("cuối tuần", SAT, date(2026, 5, 22)),
    ("tuần sau", WED, date(2026, 5, 22)),
    ("xong trong tuần tới", WED, date(2026, 5, 22)),
    ("đầu tuần sau", WED, date(2026, 5, 18)),
    ("thứ 6", WED, date(2026, 5, 15)),
    ("thứ sáu tuần này", WED, date(2026, 5, 15)),
    ("thứ 2 tuần sau", WED, date(2026, 5, 18)),
    ("thứ bảy tuần sau", WED, date(2026, 5, 23)),
    ("chủ nhật", WED, date(2026, 5, 17)),
    ("thứ 6", FRI, FRI),
    ("thứ sáu tới", FRI, date(2026, 5, 22)),
    ("thứ 6", SAT, date(2026, 5, 22)),
    ("xong truoc thu 6", WED, date(2026, 5, 15)),  # typed without diacritics
    ("xếp theo thứ tự ưu tiên", WED, None),
    ("theo thu tu uu tien", WED, None),
    ("kỳ họp thứ năm", WED, None),
    ("Thứ hai, đơn vị đã họp", WED, None),
    # months
    ("cuối tháng", WED, date(2026, 5, 31)),
    ("cuối tháng này", WED, date(2026, 5, 31)),
    ("cuoi thang", WED, date(2026, 5, 31)),
    ("cuối tháng sau", WED, date(2026, 6, 30)),
    ("cuối tháng tới", LATE_DEC, date(2027, 1, 31)),
    ("cuối tháng 6", WED, date(2026, 6, 30)),
    ("cuối tháng 6", LATE_DEC, date(2027, 6, 30)),
    ("cuối tháng 2", date(2027, 1, 10), date(2027, 2, 28)),
    ("cuối tháng 2", date(2028, 1, 10), date(2028, 2, 29)),  # leap year
    ("đầu tháng sau", WED, date(2026, 6, 5)),
    ("đầu tháng sau", LATE_DEC, date(2027, 1, 5)),
    ("giữa tháng", WED, date(2026, 5, 15)),
    ("giữa tháng 6", WED, date(2026, 6, 15)),
    ("trong tháng này", WED, date(2026, 5, 31)),
    ("trong tháng 6", WED, date(2026, 6, 30)),
    ("trong tháng 6/2027", WED, date(2027, 6, 30)),
    ("trước tháng 6", WED, date(2026, 5, 31)),
    ("cuối tháng trước đã gửi", WED, None),
    # quarters and years
    ("cuối quý", WED, date(2026, 6, 30)),
    ("cuối quý", date(2026, 11, 3), date(2026, 12, 31)),
    ("trong quý II", WED, date(2026, 6, 30)),
    ("quý 2", WED, date(2026, 6, 30)),
    ("cuối quý III/2026", WED, date(2026, 9, 30)),
    ("quý I", LATE_DEC, date(2027, 3, 31)),
    ("quý sau", date(2026, 11, 3), date(2027, 3, 31)),
    ("cuối năm", WED, date(2026, 12, 31)),
    ("cuối năm sau", WED, date(2027, 12, 31)),
    ("trong năm 2027", WED, date(2027, 12, 31)),
    ("trước Tết", WED, None),
    # counted
    ("sau 3 ngày", WED, date(2026, 5, 16)),
    ("trong 3 ngày tới", WED, date(2026, 5, 16)),
    ("3 ngày nữa", WED, date(2026, 5, 16)),
    ("2 tuần nữa", WED, date(2026, 5, 27)),
    ("hai tuần nữa", WED, date(2026, 5, 27)),
    ("trong 5 ngày làm việc", WED, date(2026, 5, 20)),
    ("1 tháng nữa", date(2026, 1, 31), date(2026, 2, 28)),
    ("nửa tháng nữa", WED, date(2026, 5, 28)),
    # not dates
    ("đạt 60%", WED, None),
    ("đã giải ngân 1.500 triệu", WED, None),
    ("đạt 2.5 tỷ", WED, None),
    ("mất 3-5 ngày", WED, None),
    ("Công văn số 123/UBND-TH", WED, None),
    ("Quyết định 45/QĐ-UBND", WED, None),
    ("theo văn bản số 12/5", WED, None),
    ("hoàn thành 3/5 hạng mục", WED, None),
    ("đã xong 12/15 xã", WED, None),
    ("đạt 3/5", WED, None),
    ("Báo cáo tháng 5 đã gửi", WED, None),
    # ... but a share needs a <= b: these are dates
    ("xong 15/6 phần còn lại", WED, date(2026, 6, 15)),
    ("hoàn thành 20/5 hạng mục còn lại", WED, date(2026, 5, 20)),
    # invalid calendar dates
    ("xong 31/2", WED, None),
    ("0/5", WED, None),
    ("12/13", WED, None),
    ("29/2/2027", WED, None),
    # choosing among several: the one after a deadline word
    ("Ngày 10/5 đã họp, dự kiến xong 30/5", WED, date(2026, 5, 30)),
    ("Quyết định 45/QĐ-UBND ngày 10/5/2026, hoàn thành trước 30/6", WED, date(2026, 6, 30)),
    ("Theo KH 45/KH-UBND ngày 10/5/2026, đang triển khai", WED, None),  # issue date of a cited document
    ("triển khai từ 10/5", WED, None),  # a start date
    ("từ 1/6 đến 30/6", WED, date(2026, 6, 30)),
    ("Đã chi trả 120/150 hộ, phần còn lại xong trước ngày 25/5", WED, date(2026, 5, 25)),
    ("30/6/2026 vì chờ ý kiến của Bộ", WED, date(2026, 6, 30)),
    # normalisation: decomposed input, upper case, old/new tone placement
    ("NGÀY 20 THÁNG 5", WED, date(2026, 5, 20)),
    ("nga\u0300y 20 tha\u0301ng 5", WED, date(2026, 5, 20)),
    ("cuối quí", WED, date(2026, 6, 30)),  # the older spelling of "quý"
    ("Uỷ ban xong trước 20/5", WED, date(2026, 5, 20)),
    ("Ủy ban xong trước 20/5", WED, date(2026, 5, 20)),
]


@pytest.mark.parametrize("text,today,expected", FIND, ids=[c[0] + "@" + c[1].isoformat() for c in FIND])
def test_find_date(text, today, expected):
    assert find_date(text, today) == expected


# (text, today, expected parse_date): the whole text is the answer to "hạn mới?"
PARSE = [
    ("20/5", WED, date(2026, 5, 20)),
    ("  30/6/2026 ", WED, date(2026, 6, 30)),
    ("15.6", WED, date(2026, 6, 15)),
    ("15-6", WED, date(2026, 6, 15)),
    ("ngày 30 tháng 6", WED, date(2026, 6, 30)),
    ("xin lùi đến 30/6 ạ", WED, date(2026, 6, 30)),
    ("Gia hạn đến ngày 15/7 nhé", WED, date(2026, 7, 15)),
    ("hạn mới: cuối tháng 6", WED, date(2026, 6, 30)),
    ("mai", WED, date(2026, 5, 14)),
    ("hôm nay", WED, WED),
    ("thứ 6", WED, date(2026, 5, 15)),
    ("10/1", LATE_DEC, date(2027, 1, 10)),
    ("31/2", WED, None),
    ("45/13", WED, None),
    ("2026-13-45", WED, None),
    ("30/6/2026 vì chờ ý kiến của Bộ", WED, None),  # a reason follows: find_date's job
    ("20/5 hoặc 25/5", WED, None),  # two different dates
    ("không biết", WED, None),
    ("", WED, None),
    ("Công văn 123/UBND", WED, None),
]


@pytest.mark.parametrize("text,today,expected", PARSE, ids=[c[0] or "<empty>" for c in PARSE])
def test_parse_date(text, today, expected):
    assert parse_date(text, today) == expected


LOOKS = [
    ("31/2", True),
    ("45/13", True),
    ("0/5", True),
    ("2026-13-45", True),
    ("ngày 32 tháng 13", True),
    ("xin lùi đến 31/2 vì chờ Bộ", True),
    ("29/2/2027", True),
    ("20/5", True),
    ("xong cuối tháng", True),
    ("3.5", True),
    ("không biết", False),
    ("đạt 60%", False),
    ("1.500 triệu", False),
    ("20.5 tỷ", False),
    ("Công văn số 123/UBND-TH", False),
    ("3/5 hạng mục", False),
    ("theo thu tu uu tien", False),
    ("Hôm nay đơn vị đã họp", False),
    ("", False),
]


@pytest.mark.parametrize("text,expected", LOOKS, ids=[c[0] or "<empty>" for c in LOOKS])
def test_looks_like_date(text, expected):
    assert looks_like_date(text) is expected


def test_invalid_date_is_none_but_looks_like_a_date():
    for text in ("31/2", "45/13", "0/5", "12/13", "31/4/2026"):
        assert find_date(text, WED) is None
        assert parse_date(text, WED) is None
        assert looks_like_date(text)


def test_line_without_diacritics_next_to_one_with_them():
    # The handler joins answers with "\n": each line is read in its own spelling.
    text = "Đang triển khai\nxong truoc thu 6"
    assert find_date(text, WED) == date(2026, 5, 15)


def test_long_input_is_fast_enough():
    text = ("Đơn vị đang phối hợp với các xã rà soát hồ sơ, đạt 60% khối lượng. " * 50) + "xong 20/5"
    assert find_date(text, WED) == date(2026, 5, 20)
