"""Vietnamese dates: deadlines ("trước ngày 15/5/2026", "hoàn thành trong quý II")
and recurrence ("trước ngày 23 hằng tháng" -> monthly:23).

A date is a deadline only behind a deadline word (trước, chậm nhất, trong ngày,
hoàn thành, đến hết, thời hạn…): a date naming an event or a document
("thông tuyến vào ngày 19/5", "Kế hoạch số 388 ngày 10/02") is not one.
"""
from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from functools import lru_cache

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}

_NUMERIC = r"(?<![\d/])(?P<d>\d{1,2})\s*[/.\-]\s*(?P<m>\d{1,2})(?:\s*[/.\-]\s*(?P<y>\d{4})|\s+năm\s+(?P<yn>\d{4}))?(?![\d/])"
_VERBAL = r"(?P<d2>\d{1,2})\s+tháng\s+(?P<m2>\d{1,2})(?:\s*(?:,\s*)?(?:năm\s+|/\s*)(?P<y2>\d{4}))?(?![\d/])"
# "tháng 6/2026", and in table cells "06/2026", "T6/2026".
_MONTH = r"(?:tháng\s+(?P<mm>\d{1,2})(?:\s*(?:/|năm)\s*(?P<my>\d{4}))?|(?<![\d/])t?(?P<nm>\d{1,2})\s*/\s*(?P<ny>\d{4}))(?![\d/])"
# "Quý IV/2025", "Quý IV năm 2025", "Quí IV-2025" (the older spelling, a dash as in table cells), "Q3/2026";
# "Quý IV2026", a table cell's slash lost, where the numeral's letters keep quarter and year apart.
_QUARTER = (r"(?:qu[ýí]\s+|q)(?P<q>iv|i{1,3}|[1-4])(?:(?:\s*(?:/|-|–|năm)\s*|(?<=[iv]))(?P<qy>\d{4}))?(?![\w/])"
            r"(?!(?:\s*(?:/|-|–|năm)\s*\d{4})?\s*(?:và|,)\s+(?:các|những)\s+năm\s+tiếp\s+theo)")  # "Quý IV năm 2025 và các năm tiếp theo": no end
# "năm 2026 - 2027" ends with its last year; "năm 2026 và các năm tiếp theo" has no end.
_YEAR = r"năm\s+(?:\d{4}\s*[-–]\s*)?(?P<yy>\d{4})(?!\d)(?!\s+(?:và|,)\s+(?:các\s+năm\s+tiếp\s+theo|những\s+năm\s+tiếp\s+theo))"
# "6 tháng đầu năm", "9 tháng đầu năm 2026", "6 tháng cuối năm": the window ends with its last month.
_MONTHS_OF_YEAR = r"(?P<hn>\d{1,2})\s+tháng\s+(?P<hw>đầu|cuối)\s+năm(?:\s+(?P<hy>\d{4}))?(?!\d)"
# "trước 17 giờ ngày 19/9", "trước 16h00, ngày 20/5": a time of day may sit between cue and day.
# "17 giờ 30 phút", "17h00", "10h30'", "17g00", "17:00".
# A table's time cell may give the hours a broadcast or a meeting lasts: "Từ 20 giờ 15 phút - 20 giờ 45
# phút ngày 23 tháng 1", "từ 8 giờ đến 11 giờ ngày 5/3": the day after the hours is still the day.
_CLOCK = r"\d{1,2}\s*(?:giờ|h|g|:)(?:\s*\d{1,2}(?:\s*(?:phút|'))?)?(?:\s*(?:sáng|trưa|chiều|tối))?"
_TIME = (rf"(?:(?:từ\s+)?{_CLOCK}(?:\s*(?:-|–|đến)\s*{_CLOCK})?\s*,?\s+)?"
         # "trước thứ Sáu, ngày 15/5", "trước 16 giờ, thứ Sáu, ngày 15/5": the weekday of the day
         r"(?:(?:ngày\s+)?(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s+nhật)\s*[,(]?\s*)?"
         # "Thời gian thực hiện: vào sáng ngày 24/8": the part of the day it falls on
         r"(?:(?:vào\s+)?(?:buổi\s+)?(?:sáng|chiều|trưa|tối)\s+(?=ngày\s))?")
# A named occasion before its date does not hide it: "trước ngày Tết Dương lịch 01/01/2027",
# "trước Lễ kỷ niệm 80 năm Quốc khánh (02/9/2025)", "trước ngày Luật có hiệu lực (01/7/2027)".
_OCCASION = (r"(?:(?:ngày\s+)?(?:tết|lễ|kỷ\s+niệm|quốc\s+khánh|giỗ\s+tổ|khai\s+giảng|khai\s+mạc|đại\s+hội|kỳ\s+họp|"
             r"hội\s+nghị|bầu\s+cử|ngày\s+hội|ngày\s+quốc\s+tế|ngày\s+thành\s+lập)"
             r"(?:[^\d;.:]|\d{1,3}\s+năm\b|thứ\s+\d{1,3}\b){0,60}?[\s(,]+|"
             # a legal text only when it takes effect: "trong Nghị quyết … ngày 10/3" names the text
             r"(?:ngày\s+)?(?:(?:bộ\s+)?luật|nghị\s+định|nghị\s+quyết|thông\s+tư)[^\d;.:]{0,60}?"
             r"có\s+hiệu\s+lực(?:\s+thi\s+hành)?[\s(,]+)")
_DAY = rf"{_TIME}(?:ngày\s+)?(?:{_NUMERIC}|{_VERBAL})"
# "trong năm nay", "trong tháng này": the period the directive is issued in.
_CURRENT = r"(?P<cur>năm|tháng|quý)\s+(?:nay|này)(?!\w)"
_PERIOD = rf"(?:{_MONTH}|{_QUARTER}|{_MONTHS_OF_YEAR}|{_YEAR}|{_CURRENT})"

# A span's start: "từ ngày 01/4/2026 đến ngày 30/4/2026" ends on its last day.
_FROM_DAY = r"từ\s+(?:ngày\s+)?\d{1,2}\s*/\s*\d{1,2}(?:\s*/\s*\d{4})?\s+"
# Cues that make the date right after them a deadline.
_DAY_CUE = (r"(?:trước(?:\s+thời\s+điểm)?|chậm\s+nhất(?:\s+là)?(?:\s+(?:vào|trước|trong|đến(?:\s+hết)?))?|muộn\s+nhất(?:\s+là)?|"
            # "treo cờ trong 01 ngày: ngày 01/01/2020": a window of days, then the day it falls on
            r"trong\s+\d{1,2}\s+ngày\s*:|"
            r"không\s+(?:quá|muộn\s+hơn)|trong|hạn\s+chót(?:\s+là)?|đến\s+hết|từ\s+nay\s+đến(?:\s+hết)?|"
            r"(?:hoàn\s+thành|hoàn\s+tất|xong|kết\s+thúc)(?:\s+(?:trước|trong|vào|chậm\s+nhất|đến(?:\s+hết)?))?|"
            r"(?:thời\s+hạn|hạn(?:\s+(?:chót|cuối))?)(?:\s+(?:hoàn\s+thành|thực\s+hiện|báo\s+cáo|gửi|nộp)"
            r"(?:\s+(?:báo\s+cáo|văn\s+bản|hồ\s+sơ|kết\s+quả))?)?(?:\s+là)?\s*:?(?:\s*dự\s+kiến)?|"
            r"(?:thời\s+gian|tiến\s+độ|thời\s+điểm)(?:\s+(?:hoàn\s+thành|thực\s+hiện))?\s*:(?:\s*dự\s+kiến)?(?:\s*(?:trước|trong))?|" + _FROM_DAY + "đến(?:\s+hết)?)")
_PERIOD_CUE = (r"(?:chậm\s+nhất(?:\s+là)?(?:\s+(?:trong|vào))?|đến\s+hết|từ\s+nay\s+đến(?:\s+hết)?|"
               r"(?:hoàn\s+thành|hoàn\s+tất|xong|kết\s+thúc)(?:\s+(?:trong|vào))?|"
               r"(?:thời\s+hạn|hạn(?:\s+(?:chót|cuối))?)(?:\s+(?:hoàn\s+thành|thực\s+hiện|báo\s+cáo|gửi|nộp)"
            r"(?:\s+(?:báo\s+cáo|văn\s+bản|hồ\s+sơ|kết\s+quả))?)?(?:\s+là)?\s*:?(?:\s*dự\s+kiến)?|"
               r"(?:thời\s+gian|tiến\s+độ|thời\s+điểm)(?:\s+(?:hoàn\s+thành|thực\s+hiện))?\s*:(?:\s*dự\s+kiến)?(?:\s*(?:trước|trong))?|"
               r"từ\s+(?:tháng\s+\d{1,2}|qu[ýí]\s+(?:iv|i{1,3}|[1-4]))(?:\s*/\s*\d{4})?\s+đến(?:\s+hết)?|trong|trước|vào|đến(?=\s+cuối))")
# "Kết nối nền tảng dữ liệu (quý 3/2027).": a period alone in brackets closing an item is when it is due
_BRACKETED_PERIOD = re.compile(rf"\(\s*{_PERIOD}\s*\)\s*[.;]?\s*$")
_DAY_DEADLINE = re.compile(rf"(?<!\w){_DAY_CUE}\s+(?P<occ>{_OCCASION})?{_DAY}")
# Counted from the directive: "trong thời hạn 10 ngày làm việc kể từ ngày ký", "chậm nhất 15 ngày
# sau khi nhận được văn bản". Another starting point ("kể từ ngày Luật có hiệu lực") is not the directive.
# Received things other than the directive ("kể từ ngày nhận được hồ sơ hợp lệ") start no such count.
# A table's time cell states the count alone ("Thời hạn: 100 ngày kể từ ngày ban hành Kế hoạch").
_COUNTED = re.compile(r"(?<!\w)(?:trong(?:\s+(?:thời\s+hạn|vòng|thời\s+gian))?(?:\s+(?:không\s+quá|tối\s+đa))?|"
                      r"thời\s+hạn\s*:|"
                      r"chậm\s+nhất(?:\s+là)?(?:\s+sau)?|không\s+quá|sau)\s+"
                      r"(?P<n>\d{1,3})\s+(?:ngày(?P<work>\s+làm\s+việc)?|(?P<months>tháng))\s*,?\s*(?:kể\s+từ|tính\s+từ|sau|từ)\s+"
                      r"(?:ngày|khi)\s+(?:ký|ban\s+hành|văn\s+bản|thông\s+báo|chỉ\s+thị|công\s+(?:văn|điện)|"
                      r"quyết\s+định|kế\s+hoạch|nhận(?:\s+được)?(?:\s+(?:văn\s+bản|thông\s+báo|chỉ\s+thị|công\s+(?:văn|điện)|"
                      r"quyết\s+định|kế\s+hoạch|kết\s+luận)|\s*(?:[,.;)]|$)))")
# Counted from the directive's date too: "trong 02 tuần tới", "trong tuần tới", "trong 10 ngày tới",
# "trong 3 tháng tới". "trong thời gian tới" names no length: no deadline.
_COMING = re.compile(r"(?<!\w)trong(?:\s+(?:vòng|thời\s+gian))?\s+(?:(?P<n>\d{1,3})\s+)?"
                     r"(?P<unit>ngày|tuần|tháng)\s+(?:tới|sắp\s+tới|tiếp\s+theo)(?!\w)")
# "Quyết định có hiệu lực sau 15 ngày kể từ ngày ký": when a text takes effect, not a task's deadline.
_IN_FORCE = re.compile(r"hiệu\s+lực(?:\s+thi\s+hành)?\s*$")
# "trước cuối quý 3", "đến cuối năm 2027": the end of the period itself.
# "Thời gian thực hiện: Cả năm 2015", "trong cả năm 2026": the whole year, ending with it.
# "trong cuối năm 2025 và đầu năm 2026": the window runs on into a vague start of the next year, no end.
_RUNS_ON = r"(?!\s*(?:và|,|đến|sang)\s+(?:(?:những\s+tháng\s+)?đầu|giữa)\s+năm)"
_PERIOD_DEADLINE = re.compile(rf"(?<!\w)(?P<cue>{_PERIOD_CUE})\s+(?P<end>(?:hết|cuối)\s+)?(?:cả\s+(?=năm\s+\d))?{_PERIOD}{_RUNS_ON}")
# A span of periods ends with its last one: "Quý 4/2027 - Quý 2/2028", "tháng 4 - tháng 6/2027",
# "tháng 10 đến tháng 12/2027", and the short forms of table cells "tháng 4-6/2027", "quý 2-3/2027".
# "tháng 11, 12/2026", "tháng 11 và tháng 12/2025": the months listed, the last with the year, end with the last one.
_PERIOD_RANGE = re.compile(rf"\s*(?:(?:[-–]|đến(?:\s+hết)?|tới|và)\s*{_PERIOD}|"
                           rf"(?:[-–]|đến(?:\s+hết)?|tới|,)\s*(?P<rn>iv|i{{1,3}}|\d{{1,2}})\s*/\s*(?P<ry>\d{{4}})|"
                           # "Quý 3, 4/2026, 2027", "năm 2026 - 2027": the work runs on into a later year
                           rf"(?:[-–]|,)\s*(?P<by>20\d{{2}})(?!\d|/|\.\d)(?!\s*(?:ha|tỷ|triệu|người|hộ|đơn vị)))")
# "tổng kết …", "sơ kết …" up to the period the review is held in
_REVIEW_HELD = re.compile(r"(?<!hội nghị )(?<!\w)(?:tổng kết|sơ kết)(?!\w)[^.;:]{0,100}$")
# "đến hết năm", "trước cuối năm nay", "chậm nhất vào cuối năm": the directive's year.
_YEAR_END = re.compile(r"(?<!\w)(?:(?:từ\s+nay\s+)?đến|trước|chậm\s+nhất(?:\s+là)?(?:\s+vào)?|hoàn\s+thành\s+vào)\s+"
                       r"(?:hết\s+|cuối\s+)năm(?:\s+nay)?(?!\s*\d)(?!\w)(?!\s+(?:học|tài\s+chính|ngân\s+sách))")
# "trong tháng 6" is a deadline after a verb of completion or delivery, not in
# "rà soát tình hình giải ngân trong tháng 5 và tháng 6".
_DELIVERY = re.compile(r"(?:hoàn\s+thành|hoàn\s+tất|xong|kết\s+thúc|trình|ban\s+hành|gửi|nộp|báo\s+cáo|phê\s+duyệt)"
                       r"(?:\s+[^\s,;.]+){0,5}\s*$|"
                       # "báo cáo Ban X, UBND tỉnh kết quả xử lý trong tháng 3": the report to its recipients
                       r"(?<!\w)báo\s+cáo(?:\s+[^\s;.]+){0,10}?\s+kết\s+quả(?:\s+[^\s,;.]+){0,4}\s*$")

# A purpose with its own doer: "… để tỉnh X triển khai …", "… nhằm giúp các hộ …".
_PURPOSE = re.compile(r"(?<!\w)(?:để|nhằm)\s+(?:(?:các|những|cho)\s+)?(?:tỉnh|huyện|xã|địa\s+phương|người|doanh\s+nghiệp|"
                      r"nhân\s+dân|hộ|đơn\s+vị|cơ\s+quan|ubnd|ủy\s+ban|sở|bộ|phòng)[^;.]{0,100}$")
# An aim the work serves, measured over a period ("để cải thiện, nâng cao chỉ số trong năm 2026").
_AIM = re.compile(r"(?<!\w)(?:để|nhằm)\s+(?:(?:góp phần|phấn đấu)\s+)?(?:cải\s+thiện|nâng\s+cao|tăng|giảm|đạt|thúc\s+đẩy|"
                  r"đẩy\s+mạnh|"
                  # "… tăng mũi thi công để có thể hoàn thành Dự án X trong năm 2025", "… để đảm bảo thông xe …":
                  # what the speeding up is for, not the date the work is due
                  r"(?:có\s+thể|bảo\s+đảm|đảm\s+bảo)\s+(?:hoàn\s+thành|thông\s+xe|khánh\s+thành|đưa\s+vào\s+sử\s+dụng))"
                  r"(?!\w)[^;.:]{0,80}$")
# What a period describes rather than bounds: figures, events and state of affairs within it.
# Whole words only: "Sở Nội vụ thẩm định trong tháng 6" holds no crop season ("vụ"), "Chi cục" no spending.
_SPAN = re.compile(r"(?<!\w)(?:tình\s+hình|kết\s+quả|số\s+liệu|giải\s+ngân|thu|chi(?!\s+(?:cục|nhánh|hội|bộ|đoàn))|"
                   r"phát\s+sinh|xảy\s+ra|diễn\s+ra|đã|so\s+với|cùng\s+kỳ|dự\s+kiến|thời\s+tiết|mưa|nắng|bão|lũ|mùa|"
                   r"dịp|(?<!nội\s)vụ)(?!\w)(?:\s+[^\s,;.]+){0,6}\s*$")

# The same clause goes on to name the day that bounds it ("… trong quý I hồ sơ gửi trước ngày 15/11/2024").
_BOUND_AFTER = re.compile(rf"(?P<gap>[^;.:]{{0,60}}?)(?<!\w)(?:trước|chậm\s+nhất|hạn\s+chót|không\s+quá)(?:\s+là)?\s+ngày\s+{_DAY}")

_REC_DAY = re.compile(r"(?:ngày|mùng)\s+(\d{1,2})\s+(?:hằng|hàng|mỗi|các)\s+tháng")
# "Hằng tháng, trước ngày 05, báo cáo …": the cadence first, then the day of the month.
# The day may be of the month after ("chậm nhất ngày 05 tháng sau"), but not a whole date.
_OF_MONTH = r"(?!\d|\s*[/.\-]\s*\d|\s+(?:của\s+)?tháng(?!\s+(?:sau|tiếp\s+theo|kế\s+tiếp))|\s+của)"
_REC_DAY_AFTER = re.compile(r"(?<!\w)(?:định\s+kỳ\s+)?(?:hằng|hàng|mỗi)\s+tháng\s*[,(]?\s*(?:trước|chậm\s+nhất(?:\s+là)?|"
                            rf"vào|trong)?\s*(?:ngày|mùng)\s+(\d{{1,2}}){_OF_MONTH}")
# "Định kỳ hằng tháng, Sở Y tế báo cáo UBND tỉnh trước ngày 20": the day later in the same clause.
_REC_DAY_LATER = re.compile(r"(?<!\w)(?:hằng|hàng|mỗi)\s+tháng(?!\w)[^.;]{0,100}?(?<!\w)(?:trước|chậm\s+nhất(?:\s+là)?)\s+"
                            rf"(?:ngày|mùng)\s+(\d{{1,2}}){_OF_MONTH}")
# "trước ngày 05 của tháng liền kề": a report on each month due early in the month after it.
_REC_DAY_NEXT = re.compile(r"(?:trước|chậm\s+nhất(?:\s+là)?|vào|đến)\s+(?:ngày|mùng)\s+(\d{1,2})\s+(?:của\s+)?tháng\s+liền\s+kề")
# "trong tháng 01 hằng năm", "ngày 15/12 hằng năm": a day or month of every year, whatever is drafted
# then (a plan drafted every January is drafted each year).
# "ngày 15/01 hằng năm", "ngày 31/12 năm trước liền kề" (before each year the duty serves): a yearly date.
_YEARLY_DATE = re.compile(r"(?<!\w)(?:tháng\s+\d{1,2}|ngày\s+\d{1,2}\s*/\s*\d{1,2})\s+(?:(?:hằng|hàng|mỗi)\s+năm|"
                          r"(?:của\s+)?năm\s+(?:trước|sau)\s+liền\s+kề)(?!\w)")
# "báo cáo trước ngày 10 của tháng cuối quý": a day in the last month of every quarter.
_QUARTER_END_MONTH = re.compile(r"(?<!\w)(?:ngày\s+\d{1,2}\s+(?:của\s+)?)?tháng\s+cuối\s+(?:mỗi\s+|của\s+)?quý(?!\s+[ivx\d])")
# ("định kỳ quý, 6 tháng, hằng năm báo cáo": a cadence after "định kỳ" without "hằng" too, but not a
# month or year it names: "định kỳ tháng 6", "định kỳ năm 2026"; "kịch bản giải ngân chi tiết theo từng tuần"
# is how fine a plan is, not how often)
_REC = re.compile(r"(?<!\w)(?:(?:hằng|hàng|mỗi|(?<!chi tiết\s)theo\s+từng)\s+(?P<unit>ngày|tuần|tháng|quý|năm)(?!\w)|"
                  r"(?P<periodic>định\s+kỳ)\s*(?P<bare>tuần|tháng|quý|năm)(?!\w)(?!\s*\d))")
_PERIODIC = re.compile(r"(?<!\w)định\s+kỳ\s*$")
_PERIODIC_CLAUSE = re.compile(r"(?:^|[.;:]\s*)định\s+kỳ\s+(?:báo\s+cáo|gửi|tổng\s+hợp)(?!\w)[^.;:]*$")
# "định kỳ báo cáo kết quả trước ngày 20/11": a day and month with no year, periodically, is every year's
_PERIODIC_DAY = re.compile(r"(?<!\w)định\s+kỳ(?!\s+(?:\d|sáu|hằng|hàng|mỗi))[^.;]{0,120}?(?:trước|chậm\s+nhất|vào)\s+ngày\s+"
                           r"\d{1,2}\s*/\s*\d{1,2}(?!\d|\s*/\s*\d)")
# "vào các ngày thứ Bảy và Chủ nhật", "mỗi sáng thứ Hai": days of every week
_WEEKDAYS = re.compile(r"(?<!\w)(?:các|mỗi)\s+(?:(?:buổi\s+)?(?:sáng|chiều|tối)\s+)?(?:ngày\s+)?"
                       r"(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s+nhật)(?!\w)")
_REC_NAMES = {"ngày": "daily", "tuần": "weekly", "tháng": "monthly", "quý": "quarterly", "năm": "yearly"}
# A cadence inside a noun ("kế hoạch đầu tư công hằng năm") is not a repeating duty.
_PLAN_NOUN = re.compile(r"(?:kế\s+hoạch|nghị\s+quyết|dự\s+toán|ngân\s+sách|kinh\s+phí|chỉ\s+tiêu|mục\s+tiêu|chương\s+trình|lễ\s+hội|"
                        r"tăng\s+trưởng|thu\s+nhập)(?:\s+[^\s,;.:]+){0,4}\s*$|"
                        # "chất thải rắn sinh hoạt hàng ngày", "đời sống hằng ngày": what people do every day
                        r"(?:sinh\s+hoạt|đời\s+sống|cuộc\s+sống)\s*$|"
                        # "phấn đấu hằng năm tinh giản 15% …", "giảm tối thiểu 10% số hội nghị hằng năm": a target
                        # measured each year, not a duty repeated
                        r"phấn\s+đấu\s*$|\d+(?:[.,]\d+)?\s*%(?:\s+[^\s,;.:]+){0,6}\s*$|"
                        # "xây dựng kế hoạch kiểm tra công tác quản lý đất đai, trật tự xây dựng … hàng tháng": the
                        # plan drafted is of checks at a cadence; drafting it is done once
                        r"(?:xây\s+dựng|ban\s+hành|lập)\s+kế\s+hoạch(?:\s*,?\s+[^\s,;.:]+){0,20}\s*$|"
                        # "giai đoạn 05 năm và hằng năm", "trung hạn và hằng năm": a span and a year of a plan
                        r"(?:\d+\s+năm|trung\s+hạn|dài\s+hạn|ngắn\s+hạn)\s*(?:và|,)\s*$|"
                        # "kéo dài thời gian thông quan đến 22h00 hằng ngày", "mở cửa từ 7 giờ đến 17 giờ hằng
                        # ngày": hours kept every day, a standing duty, not a report repeated ("trước 16 giờ")
                        r"(?<!\w)đến\s+\d{1,2}\s*(?:h|giờ)(?:\s*\d{2}(?:\s*phút)?)?\s*$|"
                        # "ra quyết định hưởng trợ cấp hàng tháng", "tiền lương hằng tháng": an allowance paid
                        # monthly, not a duty repeated
                        r"(?:trợ\s+cấp|phụ\s+cấp|tiền\s+lương|lương|lương\s+hưu|chế\s+độ\s+(?:hưu\s+trí|mất\s+sức\s+lao\s+động))"
                        r"(?:\s+một\s+lần\s*(?:,|và))?\s*$")


def _valid(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def month_end(year: int, month: int) -> date | None:
    if not 1 <= month <= 12:
        return None
    return date(year, month, calendar.monthrange(year, month)[1])


# A date without a year that would fall this long before the issue date is in the next
# year: a December directive's "trước ngày 15/01" means the coming January.
ROLL_OVER = timedelta(days=62)


def _year_of(default: int | date) -> int:
    return default.year if isinstance(default, date) else default


def _rolled(day: date | None, default: int | date) -> date | None:
    """An undated day moved to the next year when it would lie well before the issue date."""
    if day is None or not isinstance(default, date) or day >= default - ROLL_OVER:
        return day
    return _valid(day.year + 1, day.month, day.day) or month_end(day.year + 1, day.month)


def _day_from(match: re.Match, default_year: int | date) -> date | None:
    g = match.groupdict()
    year = _year_of(default_year)
    if g.get("d"):
        given = g["y"] or g.get("yn")  # "30/6/2027", "30/6 năm 2027"
        day = _valid(int(given or year), int(g["m"]), int(g["d"]))
        return day if given else _rolled(day, default_year)
    if g.get("d2"):
        day = _valid(int(g["y2"] or year), int(g["m2"]), int(g["d2"]))
        return day if g["y2"] else _rolled(day, default_year)
    return None


def _period_from(match: re.Match, default_year: int | date, before: bool) -> date | None:
    g = match.groupdict()
    if g.get("mm") or g.get("nm"):
        given = g.get("my") or g.get("ny")
        year, month = int(given or _year_of(default_year)), int(g.get("mm") or g["nm"])
        if before:  # "trước tháng 6" -> by the end of May
            year, month = (year, month - 1) if month > 1 else (year - 1, 12)
        end = month_end(year, month)
        return end if given else _rolled(end, default_year)
    if g.get("q"):
        year, quarter = int(g["qy"] or _year_of(default_year)), _ROMAN[g["q"]]
        if before:
            year, quarter = (year, quarter - 1) if quarter > 1 else (year - 1, 4)
        end = month_end(year, quarter * 3)
        return end if g["qy"] else _rolled(end, default_year)
    if g.get("hn") and not before and 1 <= int(g["hn"]) <= 12:
        year = int(g["hy"] or _year_of(default_year))
        return month_end(year, int(g["hn"]) if g["hw"] == "đầu" else 12)
    if g.get("yy") and not before:
        return date(int(g["yy"]), 12, 31)
    if g.get("cur") and not before:
        if g["cur"] == "năm":
            return date(_year_of(default_year), 12, 31)
        if isinstance(default_year, date):  # the month or quarter needs the issue date
            month = default_year.month if g["cur"] == "tháng" else -(-default_year.month // 3) * 3
            return month_end(default_year.year, month)
    return None


def _range_end(low: str, m: re.Match, default_year: int | date) -> date | None:
    """The last day of a span of periods that starts with m, or None when m stands alone."""
    r = _PERIOD_RANGE.match(low, m.end())
    if r is None:
        return None
    if r.group("by"):
        year = int(r.group("by"))
        first = _period_from(m, default_year, before=False)
        return date(year, 12, 31) if first is not None and year > first.year else None
    if r.group("rn"):  # "tháng 4-6/2027", "quý 2-3/2027": the unit of the first period
        year, n = int(r.group("ry")), r.group("rn")
        later = _PERIOD_RANGE.match(low, r.end())
        if later and later.group("by") and int(later.group("by")) > year:
            return date(int(later.group("by")), 12, 31)  # "Quý 3, 4/2026, 2027"
        if (m.group("mm") or m.group("nm")) and n.isdigit():
            return month_end(year, int(n))
        if m.group("q") and n in _ROMAN:
            return month_end(year, _ROMAN[n] * 3)
        return None
    return _period_from(r, default_year, before=False)


_CALENDAR = None


def counted_deadline(match: re.Match, issued: int | date) -> date | None:
    """issued + n days, n Vietnamese working days or n months ("không quá 2 tháng kể từ ngày ban
    hành"); None when the issue date is unknown."""
    global _CALENDAR
    if not isinstance(issued, date):
        return None
    days = int(match.group("n"))
    if match.group("months"):
        month = issued.month - 1 + days
        year, month = issued.year + month // 12, month % 12 + 1
        return _valid(year, month, issued.day) or month_end(year, month)
    if not match.group("work"):
        return issued + timedelta(days=days)
    if _CALENDAR is None:
        from workcalendar.workdays import WorkCalendar  # the holidays package loads only here
        _CALENDAR = WorkCalendar()
    return _CALENDAR.add_working_days(issued, days)


def find_deadline(text: str, default_year: int | date) -> date | None:
    """The first explicit completion date in a clause, or None.

    default_year is the year of dates written without one; given the issue date
    instead, an undated day well before it is taken in the following year.
    """
    found = deadlines_in(text, default_year)
    return found[0][1] if found else None


@lru_cache(maxsize=4096)  # a clause is read for its parts, then for its deadline
def deadlines_in(text: str, default_year: int | date) -> tuple[tuple[int, date], ...]:
    """Every completion date in text with where it is said, in text order."""
    low = text.casefold()
    found: list[tuple[int, date]] = []
    for m in _DAY_DEADLINE.finditer(low):
        if m.group().startswith("từ") and _SPAN.search(low[max(0, m.start() - 120):m.start()]):
            continue  # "tình hình từ ngày 01/01 đến ngày 30/6": the span reported on
        if m.group("occ") and re.match(r"trong(?!\w)", m.group()):
            continue  # "thực hiện kết luận trong Hội nghị ngày 10/3": the event, not a bound
        day = _day_from(m, default_year)
        if day:
            found.append((m.start(), day))
    for m in _PERIOD_DEADLINE.finditer(low):
        cue = " ".join(m.group("cue").split())
        if cue == "trước" and m.group("yy") and not m.group("end"):
            continue  # "trước năm 2030": a horizon, not a deadline
        before = low[max(0, m.start() - 120):m.start()]
        if (cue == "trong" and not _DELIVERY.search(before) or cue.startswith("từ")) and _SPAN.search(before):
            continue  # "tình hình giải ngân trong tháng 5": the period looked at, not a deadline
        if cue == "trong" and _PURPOSE.search(before) and not _DELIVERY.search(before):
            continue  # "tạm ứng vốn để tỉnh triển khai dự án trong năm 2008": the window of the purpose
        if cue == "trong" and _AIM.search(before):
            continue  # "đề xuất giải pháp để cải thiện, nâng cao chỉ số trong năm 2026": when the aim is to be met
        completion = re.match(r"(?:hoàn thành|hoàn tất|xong|kết thúc)", cue) is not None
        if re.match(r"\s*(?:và|,)\s*tháng", low[m.end():]) and not completion and (
                cue != "trong" or not _DELIVERY.search(before) or _SPAN.search(before)):
            continue  # "tháng 5 và tháng 6": a span of time being reviewed ("hoàn thành trong …": a window)
        bound = _BOUND_AFTER.match(low, m.end()) if cue == "trong" else None
        if bound and not ("," in bound.group("gap") and _DELIVERY.search(before)):
            # "nghỉ trong quý I hồ sơ gửi trước ngày 15/11": the period is what the day bounds; but
            # "hoàn thành trong quý II, báo cáo trước ngày 15/7" gives two deadlines
            continue
        review = cue == "vào" and _REVIEW_HELD.search(before) is not None
        day = _period_from(m, default_year, before=(cue == "trước" or cue == "vào" and not review) and not m.group("end"))
        if day and cue == "vào" and not m.group("end") and not review:
            # "vào tháng 6" names when something happens; "vào cuối tháng 6" bounds it, and so does the
            # period a review is held in ("tổng kết việc thực hiện vào quý IV năm 2030": its report is due)
            continue
        day = _range_end(low, m, default_year) or day
        if day:
            found.append((m.start(), day))
    for m in _YEAR_END.finditer(low):
        found.append((m.start(), date(_year_of(default_year), 12, 31)))
    bracketed = _BRACKETED_PERIOD.search(low) if not found else None
    if bracketed and (day := _period_from(bracketed, default_year, before=False)):
        found.append((bracketed.start(), day))
    for m in _COUNTED.finditer(low):
        if _IN_FORCE.search(low, max(0, m.start() - 30), m.start()):
            continue
        day = counted_deadline(m, default_year)
        if day:
            found.append((m.start(), day))
    for m in _COMING.finditer(low):
        day = _coming_deadline(m, default_year)
        if day:
            found.append((m.start(), day))
    return tuple(sorted(found))


def _coming_deadline(match: re.Match, issued: int | date) -> date | None:
    """issued + n days, weeks or months for "trong n ngày/tuần/tháng tới"; "trong tuần tới" is one
    week; "trong tháng tới" (no count) names the next month, not a length: None."""
    if not isinstance(issued, date):
        return None
    unit, n = match.group("unit"), match.group("n")
    if n is None and unit != "tuần":
        return None
    count = int(n or 1)
    if unit == "ngày":
        return issued + timedelta(days=count)
    if unit == "tuần":
        return issued + timedelta(weeks=count)
    month = issued.month - 1 + count
    year, month = issued.year + month // 12, month % 12 + 1
    return _valid(year, month, issued.day) or month_end(year, month)


# A title quoted in curly quotes ("bài “Giải pháp … mỗi năm”") names something; its words set no cadence.
_QUOTED_TITLE = re.compile(r"“[^“”]{1,200}”")


def find_recurrence(text: str) -> str | None:
    """The cadence of a repeating duty ("monthly:23", "weekly", …) or None."""
    low = _QUOTED_TITLE.sub("“”", text).casefold()
    for pattern in (_REC_DAY, _REC_DAY_AFTER, _REC_DAY_LATER, _REC_DAY_NEXT):
        m = pattern.search(low)
        if m and 1 <= int(m.group(1)) <= 31:
            return f"monthly:{int(m.group(1))}"
    if _YEARLY_DATE.search(low):
        return "yearly"
    if _QUARTER_END_MONTH.search(low):
        return "quarterly"
    for m in _REC.finditer(low):
        # "… Kế hoạch này, định kỳ hằng năm báo cáo": the duty after the plan, not the plan's year
        # "Định kỳ báo cáo … kết quả thực hiện Kế hoạch hằng năm": the clause's "định kỳ" wants its cadence
        if not m.group("periodic") and not _PERIODIC.search(low, 0, m.start()) and _PLAN_NOUN.search(low[:m.start()]) and \
                not _PERIODIC_CLAUSE.search(low[:m.start()]):
            continue
        return _REC_NAMES[m.group("unit") or m.group("bare")]
    if _WEEKDAYS.search(low):
        return "weekly"
    if _PERIODIC_DAY.search(low):
        return "yearly"
    return None


_FULL_VERBAL = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.IGNORECASE)
_FULL_NUMERIC = re.compile(r"ngày\s+(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})", re.IGNORECASE)


def parse_full_date(text: str) -> date | None:
    """The first complete date ("ngày 08 tháng 5 năm 2026", "ngày 08/5/2026") in text."""
    for pattern in (_FULL_VERBAL, _FULL_NUMERIC):
        m = pattern.search(text)
        if m:
            found = _valid(int(m.group(3)), int(m.group(2)), int(m.group(1)))
            if found:
                return found
    return None


def years_in(text: str) -> list[int]:
    return [int(y) for y in re.findall(r"(?<!\d)(20\d\d)(?!\d)", text)]
