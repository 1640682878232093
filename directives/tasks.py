"""Blocks -> tasks, by the labeling rules of the directive extractor:

- a sentence assigns work when it opens (after an introduction such as "Đối với …,",
  "Về …:", "Trước ngày …,") with units followed by an action, or with "Giao/Yêu cầu/
  Đề nghị" + units; a later ";" clause may open with units of its own;
- a sentence without its own subject continues the task before it in the paragraph,
  or takes the lead of its heading ("b) Phòng X:" then bullets);
- several leads in one list give one task each; a catch-all ending the list is dropped;
- in one paragraph, a unit named again without "Giao" continues its task; the actions
  of one task are split where their deadlines differ;
- not tasks: announcements ("… như sau:"), the closing call, accountability of heads,
  statements of fact ("Bộ X đã …", "có Công văn số …").
"""
from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field, replace
from datetime import date

from . import lexicon as lx
from .dates import deadlines_in, find_deadline, find_recurrence, month_end, parse_full_date
from .fields import is_field_line
from .names import (
    ENTERPRISE_KINDS,
    GENERIC_KINDS,
    PERSON_TITLES,
    PREDICATES,
    UnitRef,
    bare_subject_end,
    display,
    enterprise_end,
    is_predicate_at,
    parse_unit,
    parse_unit_list,
    plain_partners,
    starts_unit_head,
)
from .structure import Block
from .tables import ROW_ACTION, ROW_SENTENCE, cell_units
from .text import UPPER, DocumentMemo, PhraseIndex, Token, capitalize_first, fold, low_at, tokenize

_ASSIGN = PhraseIndex(lx.ASSIGN_VERBS)
_SELF_NAMES = PhraseIndex(lx.SELF_NAMES)
_ROLE_AFTER_IS = PhraseIndex(lx.APPOSITION_ROLES)
_INTRO = PhraseIndex(lx.INTRO_MARKERS)
_DISCOURSE = PhraseIndex(lx.DISCOURSE_OPENERS)
_HEAD_TITLE = PhraseIndex(lx.HEAD_TITLES)
_APPOSITIVE = PhraseIndex(lx.APPOSITIVE_MARKERS)
_CONSEQUENCE = PhraseIndex(lx.CONSEQUENCE_MARKERS)
_PREPOSITION = PhraseIndex(lx.PREPOSITIONS)
_HANDING_VERBS = {"giao", "yêu", "đề", "phân", "ủy", "uỷ", "nhờ", "đồng", "trân", "kính"}  # "X giao Y …": Y leads
MAX_HANDING_GAP = 4  # "UBND tỉnh chuyển đơn, yêu cầu Chủ tịch UBND huyện …": words before the handing verb
_STATIVE = {"được", "là", "đã", "đang", "vừa", "bị", "chưa", "thì", "mà", "có"}
# Verbs that hand the action to an object unit: "chỉ đạo Thanh tra Sở phối hợp với Công an …"
# makes Công an the object's partner, not the lead's.
_NEWS = re.compile(r"(?:(?:vừa|cũng|mới|còn|tiếp tục|đồng thời)\s+)+(?:có\s+(?:văn bản|công văn|ý kiến|chỉ đạo)(?:\s+số\s+\S+)?\s+)?"
                   r"(?:chỉ đạo\s+)?(?=giao|yêu cầu|đề nghị)", re.IGNORECASE)
_NEWS_SENT = re.compile(r"(?:(?:vừa|đã|mới)\s+(?:có|ban hành|gửi|ký(?:\s+ban hành)?)|có)\s+(?:văn bản|công văn|công điện)"
                        r"(?:\s+(?:hỏa tốc|hoả tốc|khẩn|thượng khẩn))?(?:\s+số\s+\S+)?"
                        # "đã có Công văn số 301/UBND-KT ngày 23/8/2018 yêu cầu …"
                        r"(?:\s+ngày\s+\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4})?\s*,?\s+"
                        r"(?:gửi|đề nghị|yêu cầu|chỉ đạo|giao)\s+", re.IGNORECASE)
# The meetings a direction is given at (each use adds its own: "buổi kiểm tra", "buổi tiếp", "kỳ họp" …).
_MEETING = r"cuộc họp|buổi họp|phiên họp|hội nghị|buổi làm việc"
# Openers of a news sentence that reports what a meeting or a direction orders: a purpose ("Để chấn
# chỉnh, …") or the meeting itself ("Tại cuộc họp, …", "Kết luận hội nghị, …").
_STILL_THE_ORDER = re.compile(r"^\W*(?:để\s[^,;.]{3,120}|(?:tại|kết luận|phát biểu (?:kết luận|chỉ đạo) tại)\s+"
                              rf"(?:{_MEETING}|buổi kiểm tra)[^,;.]{{0,80}})\s*,\s*$",
                              re.IGNORECASE)
# What was handed before and is cited or done: "đã giao … tại Công văn số …", "… nhưng đến nay chưa …".
_CITED_OR_DONE = re.compile(r"(?<!\w)(?:tại|theo)\s+(?:công văn|văn bản|quyết định|thông báo|kế hoạch|chỉ thị)\s+số|"
                            r"(?<!\w)(?:nhưng|tuy nhiên|song|đến nay|đã hoàn thành|đã thực hiện)(?!\w)", re.IGNORECASE)
_ORDERED = re.compile(r"đã\s+(?:chỉ đạo\s+)?(?=giao|yêu cầu|đề nghị)", re.IGNORECASE)
_DIRECTING = re.compile(r"(?<!\w)(?:chỉ đạo|yêu cầu|đề nghị|hướng dẫn|đôn đốc|giao|phân công)\s+(?:cho\s+)?",
                        re.IGNORECASE)
MAX_INTRO_SEGMENTS = 4
SUMMARY_WORDS = 12
MAX_ADVERBIAL = 12  # tokens of "trong thời gian tới" between a subject and its verb
MAX_OBJECT_LIST = 30  # tokens looked back for a list the comma may sit in
MAX_OBJECT_WORDS = 10  # "chỉ đạo lực lượng thanh tra giao thông": a directed object in plain words
LIST_WINDOW = 400  # characters read after "phối hợp với": a list of units is shorter

_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[\"“(]?[" + UPPER + r"0-9])|(?<=\./\.)\s+")
# ("… Tờ trình số 98-TTr/BXDĐ. Giao …": the initials closing a document's number end the sentence)
_ABBREVIATION_END = re.compile(r"(?:(?<![/-])\b[A-ZĐ]{1,4}|\bv\.v|\bTp|\bThS|\bTS|\bPGS|\bGS|\bNxb)\.$")
_ON_THE_ABOVE = re.compile(r"^\s*căn cứ (?:ý kiến|nội dung|các nội dung)[^,]{0,30}(?:trên|nêu trên|này)\s*,", re.IGNORECASE)
_CLOSING = re.compile(
    r"\./\.\s*$|^(?:trên đây là|căn cứ (?:ý kiến|nội dung|các nội dung)[^,]{0,30}(?:trên|nêu trên|này)|"
    r"nhận được (?:văn bản|công văn))", re.IGNORECASE)
# "Tổ công tác tự giải thể sau khi hoàn thành nhiệm vụ": the end of the body a decision sets up, no work.
_DISSOLVES_ITSELF = re.compile(r"(?<!\w)tự\s+(?:động\s+)?(?:giải thể|chấm dứt hoạt động)(?!\w)", re.IGNORECASE)
# "Cơ quan chủ quản: UBND tỉnh X:", "Cơ quan quản lý: Sở Y:": a title naming the role, then the unit
_ROLE_TITLE = re.compile(r"^(?:cơ quan|đơn vị)\s+(?:chủ quản|quản lý|chủ trì|thực hiện|thường trực|đầu mối)\s*:\s*"
                         r"(?P<unit>[" + UPPER + r"][^:;]{2,120}?)\s*:?$", re.IGNORECASE)
# A label and counts only: "Về kiểm tra: 02 cuộc", "Năm 2027: (02 cuộc kiểm tra, 01 cuộc giám sát)".
# (not a time: "Thời hạn: 6 tháng đầu năm 2026")
_COUNTED = r"\d{1,3}\s+(?!(?:tháng|ngày|năm|tuần|quý|giờ|buổi sáng|buổi chiều)(?!\w))\w+(?:\s+\w+){0,3}"
_TALLY = re.compile(r"^(?!thời\s)[^:;.]{1,40}:\s*\(?\s*" + _COUNTED + r"(?:\s*[,;]\s*" + _COUNTED + r")*\s*\)?\s*[.;]?$",
                    re.IGNORECASE)
# (not "(Giao Ban X chủ trì, …)." after an item's own sentence: who does it)
_SOURCE_NOTE = re.compile(r"^\((?!\s*giao\s)[^()]*(?:\([^()]*\)[^()]*)*\)[.;]?$|^(?:xem chi tiết|nguồn\s*:)", re.IGNORECASE)
# "Lãnh đạo xã phát biểu tại Hội nghị. Ảnh: Trần An.": a photo's caption on a news page, and the
# sentence it closes.
_CAPTION = re.compile(r"^\(?(?:Ảnh|Ảnh minh họa|Ảnh minh hoạ)\s*:\s*[^.:;]{0,60}[.)]*$")
# "Chánh Văn phòng …; Giám đốc các Sở …; Chủ tịch UBND … chịu trách nhiệm thi hành Quyết định này.":
# the execution clause of a decision, however many units it lists.
_EXECUTION = re.compile(r"(?:thi hành|căn cứ) (?:quyết định|chỉ thị|kế hoạch|văn bản|thông báo)(?: này)?"
                        r"(?: thi hành)?\s*[./]*$", re.IGNORECASE)
_IMPLEMENT_ONLY = re.compile(
    r"^(?:(?:nghiêm túc|khẩn trương|tổ chức|triển khai|thực hiện|nghiêm|kịp thời|chủ động|có trách nhiệm|chỉ đạo|"
    r"chịu trách nhiệm|"
    r"quán triệt|có hiệu quả|hiệu quả|đầy đủ|tốt|đồng bộ|quyết liệt|quan tâm(?:\s*,?\s*phối hợp)?)[\s,]*)+"
    # ("nầy": the older southern spelling of "này"); "… thực hiện nghiêm chỉ đạo này": the direction itself
    r"(?:(?:thông báo|văn bản|công văn|kết luận|chỉ thị|kế hoạch|quyết định|công điện|nghị quyết)(?: n[àầ]y)?|"
    r"(?:ý kiến\s+)?chỉ đạo\s+(?:n[àầ]y|trên|nêu trên)|"
    r"(?:các\s+)?(?:nội dung|nhiệm vụ|yêu cầu)(?:\s+nêu)?\s+trên)?"
    # "…, chịu trách nhiệm toàn diện trước Thủ tướng về việc chậm trễ …": what they answer for adds no work
    r"(?:\s*[,;]\s*(?:và\s+)?chịu trách nhiệm(?:\s+toàn diện)?\s+(?:trước|về)\s[^;]*)?\s*[./]*$",
    re.IGNORECASE)
# "… tổ chức triển khai và chỉ đạo các cơ quan, đơn vị thuộc phạm vi quản lý thực hiện nghiêm Chỉ thị này.":
# the closing call, passed on down the line.
_DIRECT_TO_IMPLEMENT = re.compile(
    r"^(?:(?:tổ chức|triển khai|quán triệt|chỉ đạo)[\s,]*(?:và\s+)?)+(?:(?:các|những)\s[^.;:]{0,100}?\s)?"
    r"(?:thực hiện|triển khai|thi hành)(?:\s+(?:nghiêm túc|nghiêm|tốt|có hiệu quả|đầy đủ))*\s+"
    r"(?:chỉ thị|quyết định|kế hoạch|nghị quyết|công điện|thông báo|văn bản|công văn)\s+này\s*[./]*$", re.IGNORECASE)
# "Bộ X đã …", "Sở Y có Công văn số …": what happened, not what is asked.
_FACT = re.compile(
    r"^(?:của\s+(?:[" + UPPER + r"]\w*\s+){1,4})?(?:(?:cũng|còn lại|còn|đồng thời|vẫn|đều)\s+)*(?:đã|vừa|(?:đã |mới |mới chỉ |chỉ )?nhận được|(?:tổ chức|triển khai|hoàn thành|thực hiện)(?:\s+\S+){0,4}?\s+thành công(?!\s+(?:các|những))|(?:có|ban hành) (?:công văn|văn bản|thông báo|"
    r"tờ trình|báo cáo|kế hoạch|quyết định|kết luận|chỉ thị|công điện)\s+số|"
    r"(?:chỉ đạo|có ý kiến|ban hành \S+) về việc|"
    # "Thủ tướng Chính phủ ban hành Công điện số 99/CĐ-TTg …": a numbered document is issued already
    r"ban hành (?:văn bản|công văn|công điện|quyết định|chỉ thị|kế hoạch|thông báo|nghị quyết|thông tư)"
    r"(?:\s+số)?\s+\d+/|"
    rf"chủ trì (?:{_MEETING}|buổi tiếp|lễ|họp)|phát biểu|"
    r"cho biết|chia sẻ|thông tin thêm|"
    # "UBND huyện tổ chức phiên họp thường kỳ tháng 3": a body holding its regular meeting, the news of it
    r"(?:tổ chức\s+)?(?:hội nghị|phiên họp|cuộc họp|họp phiên|họp)\s+thường kỳ\s+(?:tháng|quý|năm)\s+(?:\d|[IV]+(?!\w))|"
    # "UBND tỉnh không có thẩm quyền công nhận …": what a body may not do, no work for it
    r"(?:không|chưa)\s+(?:có|thuộc|đủ)\s+thẩm quyền\b|"
    r"(?:đánh giá cao|ghi nhận|biểu dương|khen ngợi|hoan nghênh|chúc mừng|cảm ơn)\b|"  # the speaker's praise  # "Sở Y tế cho biết, thời gian tới sẽ …": what a unit says of itself
    r"(?:đã\s+)?ký(?:\s+ban hành)?\s+(?:văn bản|công văn|quyết định|công điện|chỉ thị|thông báo|kế hoạch))\b",
    re.IGNORECASE)
_LEADING_ASIDE = re.compile(r"^\s*\([^()]*\)\s*")


# A sentence about a thing, not an act: "Việc sắp xếp đơn vị hành chính … không chỉ …", "Chủ trương lớn này
# đã được …", "Đây là …"
_STATEMENT = re.compile(r"^(?:(?:việc|chủ trương|chính sách|điều này|đây)\s[^.;:]{0,120}?\s(?:không chỉ|là|đã|được|"
                        r"có ý nghĩa|nhằm mục đích)\s|(?:đây|điều này)\s+là\s)", re.IGNORECASE)


def _is_fact(action_part: str) -> bool:
    """"UBND xã X (tỉnh Y) đã tổ chức …": a fact, whatever aside stands between the unit and its verb."""
    return bool(_FACT.match(_LEADING_ASIDE.sub("", action_part).strip()))


# "Năm 2025, UBND huyện đã chỉ đạo … Công an huyện giữ vững an ninh trật tự.": a paragraph that looks
# back on what was done tells results, not work.
_LOOKS_BACK = re.compile(r"^(?:năm \d{4}|năm qua|thời gian qua|trong năm (?:\d{4}|qua)|trong thời gian qua|"
                         r"(?:\d+|sáu|chín) tháng đầu năm(?: \d{4})?)\s*,[^.;]*?\s(?:đã|vừa)\s", re.IGNORECASE)
# "Ngày 17/8/2020, Thường trực HĐND huyện họp …", "Trong tháng 8 năm 2020, UBND xã tổ chức …": a
# paragraph that opens on a day or month already gone by the directive's date tells what happened.
_DATED_OPENING = re.compile(r"^(?:(?:vào|trong)\s+)?(?:ngày\s+\d{1,2}(?:\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*|\s+tháng\s+\d{1,2}"
                            r"\s+năm\s+)(\d{4})|tháng\s+(\d{1,2})(?:\s*/\s*|\s+năm\s+)(\d{4}))\s*,", re.IGNORECASE)


def _lists_attendees(text: str) -> bool:
    """"UBND xã tổ chức Hội nghị triển khai … Về dự hội nghị có …": a paragraph that says who attended
    tells of the event, its plain subjects were not given work."""
    return any(_ATTENDEES.match(text[m.end():]) for m in _ATTENDANCE_AFTER.finditer(text))


_ATTENDANCE_AFTER = re.compile(r"[.!?]\s+(?=(?:cùng\s+|về\s+)?(?:tham\s+)?dự(?!\w))", re.IGNORECASE)


# "Ngày 9/5/2023, UBND huyện X có văn bản chỉ đạo các cơ quan … tăng cường …": a page reporting the
# direction itself, on its own day; the work it hands on is the directive's.
_REPORTS_DIRECTION = re.compile(r"(?<!\w)(?:có|ban hành|ký|gửi)\s+(?:văn bản|công văn|chỉ thị|công điện|kế hoạch|thông báo)"
                                r"(?!\w)[^.;]{0,80}?(?<!\w)(?:chỉ đạo|yêu cầu|đề nghị|giao)\s", re.IGNORECASE)


def _opens_on_past(text: str, issued: int | date) -> bool:
    """The paragraph opens on a day (or a whole month) before the directive's date; never when the
    directive's date is unknown, as a plan's schedule opens on days to come."""
    m = _DATED_OPENING.match(text.strip())
    if not m or not isinstance(issued, date) or _REPORTS_DIRECTION.search(text):
        return False
    if m.group(1):
        day = parse_full_date(m.group(0))
        return day is not None and day <= issued
    last = month_end(int(m.group(3)), int(m.group(2)))
    return last is not None and last <= issued


# "Tại cuộc họp, lãnh đạo Phòng X báo cáo …": what was said at the meeting, not what is asked.
# A meeting's list of who attends where: "Dự tại điểm cầu …:", "Thành phần tham dự:", "Đại biểu mời:".
_ATTENDANCE_HEADING = re.compile(r"^\s*(?:(?:tham\s+)?dự\s+(?:tại|ở)\s|(?:thành phần|đại biểu)\s+(?:tham\s+)?(?:dự|mời)(?!\w)|"
                                 r"(?:thành phần|đại biểu)\s+được\s+mời(?!\w))", re.IGNORECASE)
_MEMBERS_HEADING = re.compile(r"(?:\b(?:gồm|bao gồm)(?:\s+(?:có|các))*\s+(?:thành viên|đồng chí|ông,?\s*\(?bà\)?)|"
                              r"\bthành phần\s+(?:gồm|bao gồm))(?:\s+có tên)?(?:\s+(?:sau|như sau|sau đây))?\s*:\s*$",
                              re.IGNORECASE)
_DUTY = re.compile(r"\s*(?:chịu|có)\s+trách nhiệm(?!\w)", re.IGNORECASE)
_AT_MEETING = re.compile(rf"^(?:tại|trong)\s+(?:{_MEETING}|buổi tiếp)\b",
                         re.IGNORECASE)
# "Cùng dự có đồng chí Trưởng phòng X; lãnh đạo UBND các xã …", "Dự họp có …": who attended, no work.
_ATTENDEES = re.compile(r"^\s*(?:cùng\s+|về\s+)?(?:tham\s+)?dự(?:\s+(?:họp|hội nghị|cuộc họp|buổi làm việc|buổi tiếp|"
                        r"phiên họp|lễ|kiểm tra|tiếp công dân|buổi tiếp công dân|phiên tiếp công dân))?(?:\s+(?:còn|cùng))?\s+có(?!\w)|"
                        # "Chủ trì hội nghị: đồng chí …; Cùng các đồng chí Ủy viên …; Trưởng ấp các ấp.": who
                        # chaired and who sat in, listed
                        r"^\s*(?:chủ trì|điều hành|chủ tọa|chủ toạ|tham dự|dự)(?:\s+(?:hội nghị|cuộc họp|phiên họp|"
                        r"buổi làm việc|buổi họp|buổi tiếp))?\s*(?:có\s*)?:|"
                        r"^\s*cùng\s+(?:với\s+)?(?:các|sự tham dự của(?:\s+các)?)\s+đồng chí(?!\w)", re.IGNORECASE)
_FORBIDDEN = re.compile(r"^(?:tuyệt đối\s+)?(?:không\s+(?:được\s+)?|nghiêm cấm\s+|cấm\s+)"
                        r"(?!(?:để|ngừng|ngại)(?!\w))", re.IGNORECASE)
_ANSWERS_TO = re.compile(r"chịu trách nhiệm", re.IGNORECASE)
# ("trực tiếp tham mưu xây dựng …" is work the person does, not the head's own direction)
# ("chi viện bác sĩ xuống trực tiếp cơ sở": "trực tiếp" after the work says where, not who answers)
_ACCOUNTABLE = re.compile(r"chịu trách nhiệm|(?<!xuống\s)(?<!về\s)(?<!đến\s)(?<!tới\s)trực tiếp"
                          r"(?!\s+(?:tham mưu|xây dựng|tổng hợp|thực hiện|tổ chức|theo dõi|cơ sở|địa bàn|hiện trường|"
                          r"chỉ đạo(?:\s+(?:khẩn trương|kịp thời|ngay))?\s+(?:tìm kiếm|khắc phục|xử lý|kiểm tra|điều tra)))",
                          re.IGNORECASE)
# "Sở X chịu trách nhiệm về tính chính xác của số liệu", "… (trước UBND tỉnh) về nội dung báo cáo":
# what a unit answers for, not work it is given ("chịu trách nhiệm tổ chức thực hiện" is work).
# "đồng ý với đề xuất của …", "thống nhất với báo cáo …", "nhất trí chủ trương …": an assent to what was put
# before the meeting (GUIDELINES: what the meeting merely approved is no task); "thống nhất về nội dung
# này …" between two bodies is work.
_ISSUED_WITH = re.compile(r"^\s*(?:được\s+)?ban hành\s+kèm theo(?!\w)", re.IGNORECASE)
_ASSENT_ONLY = re.compile(r"^\s*(?:cơ bản\s+)?(?:đồng ý|nhất trí|thống nhất)(?:\s+(?:với|cao))?\s+"
                          r"(?:(?:các|những|một số)\s+)?(?:đề xuất|báo cáo|tờ trình|kiến nghị|đề nghị|ý kiến|"
                          r"phương án|chủ trương)(?!\w)", re.IGNORECASE)
# "chỉ đạo quyết liệt, sát sao, khẩn trương tháo gỡ vướng mắc …" with nobody directed: how heads must lead
_HEADS_PRESS_ON = re.compile(r"^\s*(?:tập trung\s+)?(?:lãnh đạo,\s*)?chỉ đạo\s+(?:quyết liệt|sát sao)"
                             r"(?:,?\s*(?:và\s+)?(?:quyết liệt|sát sao|sâu sát|khẩn trương|đồng bộ|hiệu quả))*,?\s+"
                             r"(?!(?:các|những|cơ quan|đơn vị|UBND|Ủy ban|Uỷ ban|lực lượng|ngành)(?!\w))", re.IGNORECASE)
# "… chịu trách nhiệm trước pháp luật nếu để xảy ra …": accountable for what may go wrong, no work
# "Trưởng thôn, Hiệu trưởng các trường chịu trách nhiệm huy động lực lượng …": the work itself follows
_ANSWERS_WITH_WORK = re.compile(r"^\s*chịu trách nhiệm\s+(?!(?:về|nếu|trước|toàn diện|chính|hoàn toàn|cá nhân|"
                                r"trực tiếp|người đứng đầu|chỉ đạo|thi hành)(?!\w))(?=\w)", re.IGNORECASE)
# handing out goods or funds to those listed below ("xuất cấp", "phân bổ", "hỗ trợ … cho các tỉnh")
_ALLOTS = re.compile(r"^\s*(?:\S+\s+){0,3}?(?:xuất cấp|cấp phát|phân bổ|bổ sung|hỗ trợ|giao)\b", re.IGNORECASE)
_LIST_TAIL = re.compile(r",?\s*(?:cụ thể(?:\s+như sau)?|như sau|sau đây|bao gồm|gồm)\s*$", re.IGNORECASE)
_ANSWERS_FOR = re.compile(r"^\s*(?:theo chức năng,?\s+nhiệm vụ(?:\s+được giao)?,?\s+)?(?:cùng\s+|hoàn toàn\s+)?chịu trách nhiệm\s+(?:trước\s+[^,;.]{1,80}?\s+)?(?:về|nếu)\s",
                          re.IGNORECASE)
# How closely units work together: "phối hợp chặt chẽ, đồng bộ với …".
_MANNER = r"(?:chặt chẽ|tốt|thường xuyên|đồng bộ|hiệu quả|có hiệu quả|kịp thời|nhịp nhàng|sát sao|tích cực|chủ động|" \
    r"toàn diện|quyết liệt|sâu sát|thực chất)"
# "phối hợp với Sở Tài chính", "phối hợp, hỗ trợ Sở Y tế" (work with and help), and
# without "với" ("chủ trì, phối hợp Sở Tài chính",
# "phối hợp các đơn vị liên quan"): the bare form counts only where a unit list follows
# ("phối hợp tổ chức …" is a verb).
_COORD_CUE = re.compile(r"phối hợp(?:\s*,?\s+" + _MANNER + r"){0,3}\s+(?:với|cùng)\s+|với sự phối hợp của\s+"
                        r"|phối hợp(?:\s*,|\s+và)\s+hỗ trợ\s+"
                        r"|(?:có|với) sự (?:(?P<joining>tham gia)|phối hợp|phối hợp chặt chẽ) của\s+"
                        r"|(?P<along>cùng với\s+)"
                        r"|(?<!đã\s)(?<!được\s)thống nhất với\s+|đồng chủ trì(?:\s+cùng)?\s+với\s+"
                        r"|(?P<bare>phối hợp(?:\s*,?\s+" + _MANNER + r"){0,2}\s+)(?!với\b|cùng\b|" + _MANNER + r")"
                        # "Sở X chủ trì, cùng Sở Y, Sở Z xây dựng …": "cùng" right after "chủ trì" names the partners
                        r"|(?:(?<=chủ trì,\s)|(?<=chủ trì\s,\s)|^)(?P<alongside>cùng\s+)(?!với\b)", re.IGNORECASE)


# "…, trong đó tập trung (thực hiện) một số nhiệm vụ sau:": the list below details the work before it
_OWN_WORK_BEFORE_LIST = re.compile(r",\s*trong đó(?:\s+(?:tập trung|chú trọng|ưu tiên))?(?:\s+thực hiện)?\s+"
                                   r"(?:một số|các|những)\s+(?:nhiệm vụ|nội dung|giải pháp|việc)[^:;.]{0,60}sau\s*:\s*$",
                                   re.IGNORECASE)
MIN_OWN_WORK_WORDS = 8  # "X cần tiếp tục thực hiện tốt, trong đó …" says no work of its own


# --- sentences -----------------------------------------------------------------------------

# "… có ý kiến chỉ đạo như sau: Giao các sở …" on one line: the announcement ends at its colon.
_ANNOUNCED = re.compile(r"(?:(?<=như sau:)|(?<=ý kiến:)|(?<=chỉ đạo:)|(?<=kết luận:)|(?<=yêu cầu:))\s+(?=[" + UPPER + r"])"
                        # "Chủ tịch UBND xã kết luận nội dung phiên họp như: Giao Phòng X …"
                        r"|(?<=\snhư:)\s+(?=(?:Đề nghị|Giao|Yêu cầu)\s)")


# "Sở Y tế (chủ trì), Sở Tài chính, Sở Nội vụ (phối hợp) rà soát …": the roles marked in brackets, read
# as the plain form "Sở Y tế chủ trì, phối hợp với Sở Tài chính, Sở Nội vụ rà soát …".
_MARKED_ROLES = re.compile(r"\s*\((?:cơ quan |đơn vị )?chủ trì\)\s*[,;]?\s*([^().;:]{3,300}?)\s*"
                           r"\((?:cơ quan |đơn vị )?phối hợp(?: thực hiện)?\)", re.IGNORECASE)


def split_sentences(text: str) -> list[str]:
    text = _MARKED_ROLES.sub(r" chủ trì, phối hợp với \1", text)
    parts: list[str] = []
    for piece in (p for chunk in _SENTENCE_END.split(text) for p in _ANNOUNCED.split(chunk)):
        if parts and _ABBREVIATION_END.search(parts[-1]):
            parts[-1] += " " + piece
        elif piece.strip():
            parts.append(piece.strip())
    return parts


# --- who is given the action ---------------------------------------------------------------

@dataclass
class Assignment:
    leads: list[UnitRef]
    explicit: bool  # "Giao/Yêu cầu/Đề nghị X …": always a task of its own
    start: int  # char offset where this assignment's text begins
    action: int  # char offset where the action begins


def _predicate_follows(tokens: list[Token], j: int) -> bool:
    if j >= len(tokens):
        return False
    tok = tokens[j]
    if tok.text == ":":
        return True
    if tok.text == "(":
        close = next((k for k in range(j, min(len(tokens), j + 20)) if tokens[k].text == ")"), None)
        return close is not None and _predicate_follows(tokens, close + 1)
    if tok.text == ",":
        if _INTRO.match(tokens, j + 1) and not is_predicate_at(tokens, j + 1, weak=False):
            # "Các phòng, ban chuyên môn, trên cơ sở chức năng được giao, tích cực tham mưu …"
            close = next((k for k in range(j + 2, min(len(tokens), j + 2 * MAX_ADVERBIAL))
                          if tokens[k].text in (",", ";", ":", ".")), None)
            return close is not None and tokens[close].text == "," and is_predicate_at(tokens, close + 1, weak=False)
        return is_predicate_at(tokens, j + 1, weak=False)
    if _PREPOSITION.match(tokens, j) and not is_predicate_at(tokens, j, weak=False):
        # "… Chủ tịch Quốc hội tại các công văn số …": no subject; "Công an tỉnh trong thời gian tới
        # tăng cường …": a subject, its verb after the adverbial.
        for k in range(j + 1, min(len(tokens), j + MAX_ADVERBIAL)):
            if tokens[k].text in (",", ";", ":", ".", "("):
                return False
            if tokens[k].is_word and not tokens[k].is_capitalized and is_predicate_at(tokens, k, weak=False) \
                    and tokens[k].low not in _STATIVE:
                return True
        return False
    if tok.low == "và" and low_at(tokens, j + 1) in ("các", "những"):
        # "… Chủ tịch HĐND xã và các thành phần tham dự phiên họp": more people the list names, no verb;
        # "Ban Quản lý … và các doanh nghiệp rà soát …": enterprises acting with the unit, then its verb
        end = enterprise_end(tokens, j + 1)
        return end is not None and is_predicate_at(tokens, end, weak=False)
    return tok.is_word and not tok.is_capitalized and not tok.is_number


def _action_follows(tokens: list[Token], j: int) -> bool:
    if j < len(tokens) and tokens[j].text == "," and j + 1 < len(tokens):
        j += 1
    if _DEONTIC.match(tokens, j):
        return True  # "Cơ quan X ở địa phương có trách nhiệm thống kê …": a duty is stated
    return j < len(tokens) and is_predicate_at(tokens, j, weak=False) and tokens[j].low not in _STATIVE


# The words that state a duty after its bearer ("phải", "cần", "có trách nhiệm") when a verb follows.
_DEONTIC = PhraseIndex({("có", "trách", "nhiệm"), ("chịu", "trách", "nhiệm"), ("phải",), ("cần",)})


ADDRESSEE = "Quý "  # how a letter names its reader: "Quý cơ quan", "Quý Sở", "Quý Ủy ban"
# A body's kind alone after a handing verb, as a letter to one body calls its reader ("đề nghị Công ty …")
# ("Trường", "Trung tâm" alone are more often the issuing school's own voice)
_READER_HEAD = PhraseIndex({("công", "ty"), ("tổng", "công", "ty"), ("hợp", "tác", "xã")})
MAX_ADDRESSEE_WORDS = 3
_AS_ADDRESSED = PhraseIndex([("(", "như", "kính", "gửi", ")"), ("(", "như", "trên", ")")])


def _addressee(text: str, tokens: list[Token], j: int) -> tuple[list[UnitRef], int]:
    """"đề nghị Quý Sở chỉ đạo …": the letter's reader, whom "Kính gửi" named (extract.py puts the
    recipients in its place)."""
    n = _AS_ADDRESSED.match(tokens, j)
    if n and is_predicate_at(tokens, j + n, weak=False):
        # "Phòng X đề nghị (như kính gửi) hưởng ứng …": those "Kính gửi" names, the letter's readers
        return [UnitRef(ADDRESSEE + "(như kính gửi)", "named", j, j + n)], j + n
    n = _READER_HEAD.match(tokens, j)
    if n and tokens[j].is_capitalized and is_predicate_at(tokens, j + n, weak=False) and \
            low_at(tokens, j + n) not in _STATIVE and low_at(tokens, j + n) != "kiến":
        # "Sở … đề nghị Công ty thực hiện …" in a letter to one company: its reader named by its kind alone
        return [UnitRef(ADDRESSEE + text[tokens[j].start:tokens[j + n - 1].end], "named", j, j + n)], j + n
    if j + 1 >= len(tokens) or tokens[j].text != "Quý" or not tokens[j + 1].is_word or tokens[j + 1].is_number or \
            re.fullmatch(r"[IVX]+(?:/\d+)?", tokens[j + 1].text):
        return [], j  # "Quý IV hoàn thành …": a quarter, not the reader
    k = j + 1
    while k < len(tokens) and k <= j + MAX_ADDRESSEE_WORDS and tokens[k].is_word and \
            not is_predicate_at(tokens, k, weak=False):
        k += 1
    if k == j + 1 or k >= len(tokens) or not is_predicate_at(tokens, k, weak=False):
        return [], j
    return [UnitRef(text[tokens[j].start:tokens[k - 1].end], "named", j, k)], k


_STAFF = PhraseIndex(lx.STAFF_WORDS)
_OFFICE_POSTS = PhraseIndex(lx.OFFICE_POSTS)
_LEADERS = PhraseIndex([("lãnh", "đạo")])
_STAFF_LEVELS = PhraseIndex(lx.LEVEL_WORDS, [("chuyên", "môn")])


def _staff(text: str, tokens: list[Token], j: int) -> tuple[list[UnitRef], int]:
    """"Đề nghị cán bộ, công chức xã chấp hành …": the staff handed the work, named by what they are."""
    k = j + (1 if low_at(tokens, j) in ("các", "đội") else 2 if low_at(tokens, j) == "toàn" else 0)
    n = _STAFF.match(tokens, k)
    if not n and _LEADERS.match(tokens, k) and low_at(tokens, k + 2) in (",", "và") and _STAFF.match(tokens, k + 3):
        n = 2  # "lãnh đạo, công chức và người lao động Văn phòng …": the leaders with the staff
    if not n:
        return [], j
    end = k + n
    while low_at(tokens, end) in (",", "và") and _STAFF.match(tokens, end + 1):
        end += 1 + _STAFF.match(tokens, end + 1)
    end += low_at(tokens, end) == "khác"  # "các công chức khác": the rest of the staff
    end += _STAFF_LEVELS.match(tokens, end)
    # "cán bộ, công chức các cơ quan, đơn vị", "… thuộc UBND huyện": whose staff they are;
    # "cán bộ phụ trách các thôn", "công chức phụ trách địa bàn": what they are in charge of
    at = end + (1 if low_at(tokens, end) in ("của", "thuộc", "trong") else 0)
    if at == end and [t.low for t in tokens[end:end + 2]] == ["phụ", "trách"]:
        at = end + 2
        if low_at(tokens, at) == "địa" and low_at(tokens, at + 1) in ("bàn", "phương"):
            end = at + 2  # "phụ trách địa bàn": a beat, no body named
    if low_at(tokens, at) in ("các", "những") or (at > end and end < len(tokens)) or \
            (at < len(tokens) and tokens[at].is_capitalized):  # "công chức Văn phòng Sở"
        bodies, bodies_end = parse_unit_list(text, tokens, at, raw=True)
        if bodies:
            end = bodies_end
    if end >= len(tokens) or not is_predicate_at(tokens, end, weak=False) or tokens[end].low in _STATIVE:
        return [], j
    return [UnitRef(text[tokens[j].start:tokens[end - 1].end], "group", j, end)], end


_PLACE_LEVELS = PhraseIndex([("xã",), ("phường",), ("thị", "trấn"), ("huyện",), ("quận",), ("thị", "xã"),
                             ("thành", "phố"), ("tỉnh",), ("đặc", "khu")])


def _leaders_and_staff(text: str, tokens: list[Token], j: int) -> tuple[list[UnitRef], int]:
    """"yêu cầu lãnh đạo, công chức và người lao động Văn phòng …": the leaders named with the staff
    are one group handed the work (a lone "lãnh đạo các sở" is the heads of bodies, read elsewhere)."""
    if not _LEADERS.match(tokens, j) or low_at(tokens, j + 2) not in (",", "và"):
        return [], j
    return _staff(text, tokens, j)


def _place(text: str, tokens: list[Token], j: int) -> tuple[list[UnitRef], int]:
    """"yêu cầu xã Ya khẩn trương …", "đề nghị huyện A, thị xã B …": a place by its level and name
    stands for its government."""
    places: list[UnitRef] = []
    start = j
    while True:
        n = _PLACE_LEVELS.match(tokens, start)
        k = start + n
        while n and k < len(tokens) and k < start + n + MAX_NAME_WORDS and tokens[k].is_word and \
                tokens[k].is_capitalized and not tokens[k].is_abbreviation:
            k += 1
        if not n or k == start + n:
            break
        places.append(UnitRef(text[tokens[start].start:tokens[k - 1].end], "named", start, k))
        if low_at(tokens, k) not in (",", "và"):
            break
        start = k + 1
    end = places[-1].end if places else j
    if not places or end >= len(tokens) or not is_predicate_at(tokens, end, weak=False) or \
            tokens[end].low in _STATIVE:
        return [], j
    return places, end


def _and_staff(text: str, tokens: list[Token], units: list[UnitRef], end: int) -> tuple[list[UnitRef], int]:
    """"yêu cầu UBND xã, các ban, ngành và cán bộ chuyên môn …": the staff closing the list lead too."""
    if low_at(tokens, end) != "và":
        return units, end
    staff, staff_end = _staff(text, tokens, end + 1)
    return (units + staff, staff_end) if staff else (units, end)


def _raw_lead(text: str, tokens: list[Token], j: int) -> tuple[list[UnitRef], int]:
    """After "Giao": a unit name the parser does not know, up to the verb. In a title set in capitals
    ("PHÂN CÔNG TRÁCH NHIỆM THỰC HIỆN") the capitals are the type, no sign of a name."""
    if j >= len(tokens) or not tokens[j].is_capitalized or j and _set_in_capitals(tokens[j - 1]):
        return [], j
    k = j
    while k < len(tokens) and k < j + 12 and tokens[k].is_word and not is_predicate_at(tokens, k, weak=False):
        k += 1
    if k == j or k >= len(tokens) or not is_predicate_at(tokens, k, weak=False):
        return [], j
    name = text[tokens[j].start:tokens[k - 1].end]
    return [UnitRef(name, "named", j, k)], k


def _set_in_capitals(token: Token) -> bool:
    return token.is_word and len(token.text) > 1 and token.text.isupper()


_HONORIFICS = PhraseIndex([("đồng", "chí"), ("ông",), ("bà",), ("đ/c",)])
_NAME_DASHES = ("-", "–", "—", ",")
MAX_NAME_WORDS = 4  # "Nguyễn Thị Minh Khai": a Vietnamese person's name


def _speaker_title(tokens: list[Token], i: int) -> int | None:
    """Where the title starts in "đồng chí Nguyễn Văn A – Phó Chủ tịch UBND huyện …" (the
    honorific may be missing): the news names the person who speaks, then the post."""
    j = i + _HONORIFICS.match(tokens, i)
    k = _person_name_end(tokens, j)
    if k - j < 2 or k + 1 >= len(tokens) or tokens[k].text not in _NAME_DASHES:
        return None
    return k + 1 if starts_unit_head(tokens, k + 1) else None


def _person_name_end(tokens: list[Token], j: int) -> int:
    """After a person's name starting at j: up to four capitalized words that open no unit."""
    k = j
    while k < len(tokens) and k < j + MAX_NAME_WORDS and tokens[k].is_word and tokens[k].is_capitalized \
            and not tokens[k].is_abbreviation and not starts_unit_head(tokens, k):
        k += 1
    return k


def _person_named(tokens: list[Token], i: int) -> int | None:
    """Where the verb starts after "ông/bà/đồng chí/đ/c" and a person's name (two to four capitalized words
    that open no unit), when a handing or speech verb follows; None otherwise."""
    j = i + _HONORIFICS.match(tokens, i)
    if j == i:
        return None
    k = _person_name_end(tokens, j)
    # "Đồng chí chỉ đạo các phòng …": the person the paragraph is about, named by the salutation alone
    bare = k == j and low_at(tokens, i) == "đồng"
    if (k - j < 2 and not bare) or k >= len(tokens) or \
            not (_ASKS.match(tokens, k) or _SPEECH_VERBS.match(tokens, k) or
                 (_ASSIGN.match(tokens, k) and (tokens[k].low in _HANDING_VERBS or tokens[k].low == "chỉ"))):
        return None
    return k


_BARE_PLACE = PhraseIndex([("tỉnh",), ("thành", "phố"), ("huyện",), ("quận",), ("thị", "xã"), ("xã",), ("phường",)])
# "4.1. Hạ tầng Máy chủ ảo hóa phục vụ triển khai Hệ thống X": what a thing serves, not a body acting
_SERVING = PhraseIndex({("phục", "vụ")})
# "(1) Dự thảo Chương trình hành động thực hiện Nghị quyết …": a draft named, never a body acting
_DRAFT = PhraseIndex({("dự", "thảo")})
_STATIVE_AT = PhraseIndex([(w,) for w in ("có", "là", "được", "đã", "đang", "vừa", "bị", "chưa", "sẽ")])
# "… thực hiện (nghiêm) các quy định …", "chấp hành …", "tuân thủ …": what the law binds everyone to, no task
_COMPLIANCE = re.compile(r"(?:nghiêm túc\s+)?(?:thực hiện\s+(?:nghiêm|đúng|đầy đủ)?\s*(?:các\s+)?quy định|chấp hành|tuân thủ)",
                         re.IGNORECASE)


def _bare_subject(text: str, tokens: list[Token], i: int) -> tuple[list[UnitRef], int] | None:
    """A unit whose head word is unknown ("Xí nghiệp Thủy lợi X vận hành …") as a bare subject, or a
    bare run of kinds ("Cơ quan, đơn vị trường học báo cáo …"): only before a plain action verb."""
    n = _BARE_PLACE.match(tokens, i)
    if n and tokens[i].is_capitalized and not tokens[i].is_abbreviation and \
            is_predicate_at(tokens, i + n, weak=False) and not _STATIVE_AT.match(tokens, i + n):
        # "Tỉnh căn cứ các quy định …", "Thành phố chủ động kiện toàn …": a conclusion on one place calls it so
        return [UnitRef(text[tokens[i].start:tokens[i + n - 1].end], "named", i, i + n)], i + n
    units, end = parse_unit_list(text, tokens, i, raw=True)
    if units and _action_follows(tokens, end) and not (_SERVING.match(tokens, end) and any(u.kind == "named" for u in units)) \
            and not _DRAFT.match(tokens, i):
        return units, end
    if units and all(u.is_catchall for u in units) and low_at(tokens, end) == "," and \
            (n := ENTERPRISE_KINDS.match(tokens, end + 1)) and _action_follows(tokens, end + 1 + n) and \
            not _COMPLIANCE.match(text[tokens[end + 1 + n].start:]):
        # "Các cơ quan, đơn vị, địa phương, doanh nghiệp xây dựng kế hoạch …": the enterprises belong to the run
        end += 1 + n
        return [UnitRef(text[tokens[i].start:tokens[end - 1].end], "catchall", i, end)], end
    bare = bare_subject_end(tokens, i)
    if not bare or not _action_follows(tokens, bare):
        staff, staff_end = _staff(text, tokens, i)
        if staff and _action_follows(tokens, staff_end) and _OFFICE_POSTS.match(tokens, i + (low_at(tokens, i) == "các")):
            return staff, staff_end  # "Các chuyên viên khác thực hiện …", "Kế toán lập dự toán …": an office's posts
        return _enterprises_addressed(text, tokens, i)
    return [UnitRef(text[tokens[i].start:tokens[bare - 1].end], "catchall", i, bare)], bare


def _enterprises_addressed(text: str, tokens: list[Token], i: int) -> tuple[list[UnitRef], int] | None:
    """"Các doanh nghiệp viễn thông bảo đảm thông tin liên lạc …", "Các doanh nghiệp, hộ kinh doanh thực hiện
    kê khai …": kinds of enterprise a directive addresses by name, opening the sentence, before a plain action verb. Not a
    state body, so only here; "các doanh nghiệp phải …" states what the law binds them to, no task."""
    if i != 0 or low_at(tokens, 0) not in ("các", "những") or not ENTERPRISE_KINDS.match(tokens, 1) or \
            not re.search(r"[.;!…]\s*$", text):
        # "Các cơ quan, tổ chức, doanh nghiệp thực hiện các quy định …": everyone the law binds; "5. Các doanh
        # nghiệp, hợp tác xã đăng ký tham gia" over items: a title of who takes part, no sentence of work
        return None
    units, end = parse_unit_list(text, tokens, 0, raw=True, partners=True)
    if not units or not _action_follows(tokens, end) or _DEONTIC.match(tokens, end):
        return None
    return units, end


def _past_the_news(text: str, tokens: list[Token], i: int, end: int) -> int:
    """Where the handing starts after a subject at i whose words end at `end`, past news wording."""
    news = _NEWS.match(text[tokens[end].start:]) if end < len(tokens) else None
    if news is None and low_at(tokens, end) == "đã" and _STILL_THE_ORDER.match(text[:tokens[i].start]) and \
            not _CITED_OR_DONE.search(text[tokens[end].start:]):
        # "Để chấn chỉnh, UBND huyện đã giao Phòng X …", "Tại cuộc họp, Chủ tịch UBND xã đã yêu cầu …":
        # the news of what the meeting ordered, still the order.
        news = _ORDERED.match(text[tokens[end].start:])
    if news is None and end < len(tokens):
        news = _ISSUED_THEN_ASKS.match(text[tokens[end].start:])
    if news:
        end = next((k for k in range(end, len(tokens)) if tokens[k].start >= tokens[end].start + news.end()), end)
    return end


# "Ban Chỉ huy … phát lệnh báo động số I trên sông … và yêu cầu Ban Chỉ huy các xã …": the speaker's own act,
# done as it speaks, then the handing
# (not "ban hành Văn bản số …, giao …": a letter cited may be an earlier handing the text follows up on)
_ISSUED_THEN_ASKS = re.compile(r"(?:vừa\s+|đã\s+)?(?:phát lệnh|phát động)\s[^;:.]{3,120}?(?:,\s*|\s+và\s+)(?:đồng thời\s+)?"
                               r"(?=(?:yêu cầu|đề nghị|giao)\s+\S)", re.IGNORECASE)


def _asked_with_enterprises(text: str, tokens: list[Token], j: int, units: list[UnitRef],
                            end: int) -> tuple[list[UnitRef], int]:
    """"yêu cầu các Câu lạc bộ Thơ, các doanh nghiệp, cơ sở kinh doanh tạm dừng …": kinds of enterprise
    asked together with the bodies before them, read as the partners' parser reads them."""
    k = end + 1 + (low_at(tokens, end + 1) in ("các", "những"))
    if units and low_at(tokens, end) in (",", "và") and ENTERPRISE_KINDS.match(tokens, k):
        return parse_unit_list(text, tokens, j, partners=True)
    return units, end


def lead_form(text: str, tokens: list[Token], i: int) -> tuple[list[UnitRef], bool, int] | None:
    """(leads, explicit, index where the action starts) when the words at i assign work."""
    if (sir := _honorific_end(tokens, i)) > i:
        return lead_form(text, tokens, sir)  # "Các ông bà Phó Chủ tịch … có trách nhiệm …": the courtesy
    if i < len(tokens) and (given := _UNIT_GIVEN.match(text, tokens[i].start)):
        # "Đơn vị được ĐHQG-HCM giao nhiệm vụ tổ chức …": the unit a regulation names by the charge it was given
        k = next((m for m in range(i, len(tokens)) if tokens[m].start >= given.end()), len(tokens))
        if k < len(tokens) and is_predicate_at(tokens, k, weak=False):
            return [UnitRef(capitalize_first(given.group(0).strip()), "role", i, k)], False, k
    title = _speaker_title(tokens, i)
    if title is not None:
        # "Ông Nguyễn Văn A – Phó Chủ tịch UBND huyện chỉ đạo Phòng X …": only the units the
        # speaker hands the work to lead it.
        found = lead_form(text, tokens, title)
        return found if found is not None and found[1] else None
    person = _person_named(tokens, i)
    if person is not None:
        # "Ông Nguyễn Văn A đề nghị UBND các phường …", "đ/c Trần B nhấn mạnh các xã cần …": a person the news
        # names without a post hands the work to the units after the verb
        stress = _speech_end(tokens, person)
        if stress is not None:
            found = _spoken_subject(text, tokens, stress)
        else:
            found = None
            if tokens[person].low == "chỉ":
                # "Đồng chí (Nguyễn Văn A) chỉ đạo các phòng … kiểm tra …": a person directing units hands them
                # the work; "… chỉ đạo: “Giao cho Sở X …”": what the person said
                n = _ASSIGN.match(tokens, person)
                said = person + n
                while said < len(tokens) and (tokens[said].text == ":" or tokens[said].text in _OPENING_QUOTES):
                    said += 1
                found = _spoken_subject(text, tokens, said) if said > person + n else \
                    _handed_at(text, tokens, person, n)
            found = found or lead_form(text, tokens, person)
        return found if found is not None and found[1] else None
    n = _ASSIGN.match(tokens, i)
    if n and tokens[i].low in _HANDING_VERBS:
        return _handed_at(text, tokens, i, n)
    by_kind = _issuer_by_kind(text, tokens, i)
    if by_kind is not None:
        return by_kind
    units, end = _subject_units(text, tokens, i)
    listed = _listed_after_label(text, tokens, units, end)
    if listed is not None:
        return listed
    if units and i == 0 and low_at(tokens, end) == ",":
        units, end = _labelled_run(text, tokens, units, end)
    if units and i == 0 and low_at(tokens, end) == ";" and end + 1 < len(tokens) and \
            tokens[end + 1].is_capitalized and is_predicate_at(tokens, end + 1, weak=False):
        # "- Cấp ủy, chính quyền các thôn; Kịp thời kiểm tra …": the units, then a slip of ";" for ":"
        return units, False, end + 1
    if not units or not (_predicate_follows(tokens, end) or _hands_to_unit(text, tokens, end)):
        bare = _bare_subject(text, tokens, i)
        if bare is None:
            return None
        units, end = bare
    if low_at(tokens, end) == "là" and (all(u.is_catchall for u in units) or not _part_then_work(tokens, end)):
        # "… của các cơ quan, đơn vị liên quan là kết quả …": what a thing is, no work; "Sở Nội vụ là cơ
        # quan đầu mối, chủ trì …" says the part a unit plays, then its work
        return None
    stress = _speech_end(tokens, end)
    spoken = _spoken_subject(text, tokens, stress) if stress is not None else None
    if spoken is not None:
        # "Đồng chí Bí thư nhấn mạnh các đoàn thể cần …": the speaker's words name who acts
        return spoken
    # "X vừa yêu cầu Y …", "X cũng đề nghị Y …", "X vừa có văn bản yêu cầu Y …": the news of a handing.
    sent = _sent_to(text, tokens, end) or _informed_to_act(text, tokens, end) or _forwarded_to(text, tokens, end)
    if sent is not None:
        return sent
    said = _SAID.match(tokens, end)
    if said:
        # "Giám đốc Sở Y tế cho biết, Sở đã có văn bản gửi các đơn vị …": what the speaker reports handed
        j = end + said + (low_at(tokens, end + said) == ",")
        reported = lead_form(text, tokens, j) if j < len(tokens) and tokens[j].is_capitalized else None
        if reported is not None and reported[1]:
            return reported
    end = _past_the_news(text, tokens, i, end)
    for k in [end] + _joined_handing(tokens, end) + _handing_after_colon(tokens, end) + \
            [k + 1 for k in range(end, min(end + MAX_HANDING_GAP, len(tokens))) if tokens[k].text == ","] + \
            _after_assent(tokens, end):
        handed = _handed_after_subject(text, tokens, units, k)
        if handed is not None:
            return handed
        if k > end:
            break  # only the first comma
    later = _handing_later_in_clause(text, tokens, units, end)
    if later is not None:
        return later
    second = _after_second_post(text, tokens, units, end)
    if second is not None:
        return second
    if (_ASSENT.match(tokens, end) or low_at(tokens, end) == "tán" and low_at(tokens, end + 1) == "thành") and \
            tokens[-1].text == ":":
        # "Hội đồng nhân dân tỉnh tán thành nội dung báo cáo … và nhấn mạnh một số nội dung sau:": what the
        # body agrees to and stresses, the findings below, is nobody's work
        return None
    if _asks_nobody_named(tokens, end):
        # "UBND tỉnh yêu cầu cả hệ thống chính trị vào cuộc", "Chủ tịch UBND tỉnh cũng yêu cầu tăng cường …":
        # the speaker asks; with no unit named after the verb, the speaker is not the one to do it.
        return None
    if stress is not None:
        return None  # "Chủ tịch UBND huyện nhấn mạnh: tăng cường …": naming nobody, the speaker's words hand nothing
    return units, False, end


# "Các cơ quan này cần báo cáo …": those the sentence before named; their work goes on
_ANAPHORIC_SUBJECT = re.compile(r"^(?:các\s+)?(?:cơ quan|đơn vị)(?:\s*,\s*(?:cơ quan|đơn vị))?\s+(?:này|nêu trên)\s+(?:cần\s+|phải\s+)?(?=\w)",
                                re.IGNORECASE)


def _subject_units(text: str, tokens: list[Token], i: int) -> tuple[list[UnitRef], int]:
    """The units a subject at i names, and the index after them: names the parser knows (with their
    examples), the letter's reader, a label of kinds over an item, or a place after an introduction."""
    units, end = parse_unit_list(text, tokens, i)
    if units and low_at(tokens, end) == "như":
        units, end = _named_examples(text, tokens, units, end)
    elif units and all(u.kind in ("group", "catchall") for u in units):
        units, end = _bracketed_examples(text, tokens, units, end)
    if not units:
        units, end = _addressee(text, tokens, i)
    if not units and i == 0:
        units, end = _labelled_kinds(text, tokens)
    if i == 0 and len(units) <= 1:
        label, label_end = _committee_label(text, tokens)
        if label and label_end > end:
            units, end = label, label_end  # (not "Tiểu ban hậu" + "cần: …")
    if not units and i > 0 and tokens[i - 1].text == ",":
        # "Để đạt mục tiêu …, tỉnh Ya cần tiếp tục …": a place by its level and name, after the
        # introduction, stating what it must do
        places, place_end = _place(text, tokens, i)
        if places and _DEONTIC.match(tokens, place_end):
            units, end = places, place_end
    return units, end


MAX_LABEL_TAIL = 16  # "…, Tổng Công ty nhà nước, doanh nghiệp xuất khẩu:": the unread rest of a labelled run


# What a plural label names when it is not who acts: "Các nội dung: …", "Các bước thực hiện: …".
_LABELLED_THINGS = PhraseIndex([tuple(w.split()) for w in (
    "nội dung", "bước", "giải pháp", "nhiệm vụ", "biện pháp", "yêu cầu", "mục tiêu", "chỉ tiêu", "hoạt động",
    "hình thức", "tiêu chí", "văn bản", "tài liệu", "sản phẩm", "điều kiện", "trường hợp", "vấn đề", "lĩnh vực",
    "chương trình", "dự án", "công trình", "đề án", "kế hoạch", "chính sách", "thủ tục", "hồ sơ", "địa điểm",
    "khu vực", "tuyến", "điểm", "mốc", "thời gian", "phương án", "chế độ", "quy định", "việc", "công việc",
    "ngày", "tháng", "đợt", "giai đoạn", "năm", "khoản", "mục", "phần", "nguồn", "loại", "mặt hàng", "hàng hóa",
    "hàng hoá", "căn cứ", "tồn tại", "hạn chế", "kết quả", "số liệu", "thông tin", "đối tượng")])


def _label_colon(tokens: list[Token], start: int, stop: int, counts: bool = False) -> int | None:
    """The colon closing a label of whom an item is for, in tokens start..stop: no verb and no number
    before it (a count of places, "12 thôn", when `counts`), a verb right after it; None when the words
    there are a sentence, not a label."""
    colon = next((k for k in range(start, min(stop, len(tokens))) if tokens[k].text in ":;.()"), None)
    if colon is None or tokens[colon].text != ":" or colon + 1 >= len(tokens) or \
            not is_predicate_at(tokens, colon + 1, weak=False) or \
            any(is_predicate_at(tokens, k, weak=False) or tokens[k].is_number and not counts
                for k in range(start, colon)):
        return None
    return colon


_ADDRESSED_AT = PhraseIndex([("đối", "với"), ("về", "phía")])


def _addressed_label(text: str, tokens: list[Token], i: int) -> tuple[list[UnitRef], bool, int] | None:
    """"1. Đối với các cơ quan, đơn vị, 12 thôn: Thường xuyên tổ chức tuyên truyền …": the bodies an item is
    addressed to, its label up to the colon, then their work."""
    n = _ADDRESSED_AT.match(tokens, i)
    if not n:
        return None
    units, end = parse_unit_list(text, tokens, i + n)
    if not units:
        return None
    for k, unit in enumerate(units[1:], 1):
        if _speaker_asks(tokens, unit.start - 1) is not None:  # the list read the speaker as a unit
            units, end = units[:k], unit.start - 1
            break
    asked = _speaker_asks(tokens, end)
    if asked is not None:
        return units, False, asked  # "Đối với các phòng chuyên môn, đồng chí đề nghị tăng cường …"
    if low_at(tokens, end) == ",":
        units, end = _labelled_run(text, tokens, units, end, counts=True)
    if low_at(tokens, end) != ":" or not _action_follows(tokens, end + 1):
        return None
    return units, False, end + 1


_ASKS = PhraseIndex({("đề", "nghị"), ("yêu", "cầu")})
MAX_SPEAKER_WORDS = 12  # "…, Phó Chủ tịch Thường trực UBND huyện Nguyễn Văn A đề nghị …"


def _speaker_asks(tokens: list[Token], comma: int) -> int | None:
    """Where the work starts in "Đối với <units>, <speaker> đề nghị <work>": a speaker (a person, a title
    or a body, capitalized or "đồng chí") asking the units addressed before, no unit named after the verb."""
    if low_at(tokens, comma) != "," or comma + 1 >= len(tokens):
        return None
    first = tokens[comma + 1]
    if not (first.is_capitalized or first.low in ("đồng", "ông", "bà", "lãnh")):
        return None
    for k in range(comma + 2, min(len(tokens), comma + 2 + MAX_SPEAKER_WORDS)):
        if not tokens[k].is_word and tokens[k].text not in ("-", "–", "."):
            return None
        n = _ASKS.match(tokens, k)
        if n:
            start = k + n + (low_at(tokens, k + n) == ":")
            if parse_unit(tokens, start) is None and _action_follows(tokens, start):
                return start
            return None
    return None


_WORKING_BODIES = PhraseIndex([tuple(w.split()) for w in ("tiểu ban", "tổ", "ban", "tổ công tác", "đội", "nhóm")])
MAX_COMMITTEE_LABEL = 6  # "Tiểu ban (điều trị, hậu cần, giám sát)", "Tổ thư ký giúp việc"


def _committee_label(text: str, tokens: list[Token]) -> tuple[list[UnitRef], int]:
    """"Tiểu ban hậu cần: Chủ động mua sắm …": a working body named by its work in plain words, labelling the
    item up to its colon, is who does it."""
    n = _WORKING_BODIES.match(tokens, 0)
    if not n or not tokens[0].is_capitalized:
        return [], 0
    colon = next((k for k in range(n, min(len(tokens), n + MAX_COMMITTEE_LABEL + 1)) if not tokens[k].is_word), None)
    if colon is None or colon == n or tokens[colon].text != ":" or colon + 1 >= len(tokens) or \
            not is_predicate_at(tokens, colon + 1, weak=False):
        return [], 0
    return [UnitRef(text[tokens[0].start:tokens[colon - 1].end], "named", 0, colon)], colon


def _labelled_kinds(text: str, tokens: list[Token]) -> tuple[list[UnitRef], int]:
    """"2. Các doanh nghiệp, hợp tác xã, cơ sở sản xuất: đăng ký …": a plural run of kinds the parser
    does not know, labelling the item up to its colon, is the group the item is for."""
    if low_at(tokens, 0) not in ("các", "những") or _LABELLED_THINGS.match(tokens, 1):
        return [], 0
    colon = _label_colon(tokens, 1, MAX_LABEL_TAIL)
    if colon is None or colon < 2:
        return [], 0
    return [UnitRef(text[tokens[0].start:tokens[colon - 1].end], "group", 0, colon)], colon


def _labelled_run(text: str, tokens: list[Token], units: list[UnitRef], end: int,
                  counts: bool = False) -> tuple[list[UnitRef], int]:
    """"9. Các Tập đoàn, Tổng Công ty nhà nước, doanh nghiệp xuất khẩu: xây dựng …": an item labelled by
    whom it is for, the colon closing the label. The parser reads the first names and stops at kinds it
    does not know; with no verb before the colon, the rest is the label's too. Kinds after one "các"
    are that group (GUIDELINES: a run of generic nouns after one "các" is one group); a part with its
    own "các" is a group of its own."""
    colon = _label_colon(tokens, end, end + MAX_LABEL_TAIL, counts)
    if colon is None:
        return units, end
    parts: list[tuple[int, int]] = []
    k = end + 1
    for sep in [j for j in range(end + 1, colon) if tokens[j].text == ","] + [colon]:
        if sep > k:
            parts.append((k, sep))
        k = sep + 1
    if not parts:
        return units, end
    out = list(units)
    last = out[-1]
    plural = last.kind in ("group", "role", "catchall") and low_at(tokens, last.start) in ("các", "những")
    for a, b in parts:
        own_group = low_at(tokens, a) in ("các", "những") or tokens[a].is_number  # ("12 thôn": a count, "các thôn")
        if plural and not own_group and out[-1] is last:
            # a kind more of the same group: the group now runs to this part
            last = UnitRef(text[tokens[last.start].start:tokens[b - 1].end], last.kind, last.start, b)
            out[-1] = last
            continue
        kind = "group" if own_group or not tokens[a].is_capitalized else "named"
        out.append(UnitRef(text[tokens[a].start:tokens[b - 1].end], kind, a, b))
    return out, colon


_NOT_ASKING = {"theo", "tại", "của", "các", "những", "được", "đã", "vừa", "từng", "có", "nhận", "xem"}


def _handing_later_in_clause(text: str, tokens: list[Token], units: list[UnitRef],
                             end: int) -> tuple[list[UnitRef], bool, int] | None:
    """"Sở Y tế chuyển Công văn số 12 và Công văn số 15 của Bộ đề nghị các bệnh viện nghiên cứu …",
    "Cục X - Tổng cục Y đề nghị Cục Z …" (a name read short): in the subject's clause, with no comma
    before it, "đề nghị"/"yêu cầu" and a unit with its own verb hand the work on; the words between
    are the subject's own act (sending the letter) or the rest of its name. "theo đề nghị của …",
    "đã yêu cầu …" report, they do not hand."""
    for g in range(end + 1, min(end + MAX_OWN_ACT, len(tokens) - 2)):
        if tokens[g].text in (",", ";", ":", ".", "(", ")"):
            return None
        if tokens[g].low not in ("đề", "yêu") or low_at(tokens, g + 1) not in ("nghị", "cầu") or \
                tokens[g - 1].low in _NOT_ASKING:
            continue
        handed = _handed_after_subject(text, tokens, units, g)
        if handed is None or not handed[0] or not _predicate_follows(tokens, handed[2]):
            return None
        return handed
    return None


MAX_SECOND_POST = 24  # ", Trưởng ban Chỉ đạo phòng, chống dịch bệnh Covid-19 xã": the speaker's other post


def _after_second_post(text: str, tokens: list[Token], units: list[UnitRef],
                       end: int) -> tuple[list[UnitRef], bool, int] | None:
    """"Chủ tịch UBND xã Nguyễn Văn A, Trưởng ban Chỉ đạo phòng, chống dịch xã quán triệt và chỉ đạo các thôn …":
    one speaker, the other post after a comma (capitals, its own commas), then the handing in lowercase."""
    if not units or not all(u.head_title or u.kind == "person" for u in units):
        return None
    if len(units) == 1:
        if low_at(tokens, end) != "," or end + 1 >= len(tokens) or \
                not (starts_unit_head(tokens, end + 1) or _HEAD_TITLE.match(tokens, end + 1)):
            return None
        end += 1
    elif end >= len(tokens) or tokens[end].is_capitalized or is_predicate_at(tokens, end, weak=False):
        return None  # the posts listed are several leads, their verb right after them
    for k in range(end + 1, min(end + MAX_SECOND_POST, len(tokens))):
        if tokens[k].text in (";", ".", ":"):
            return None
        if tokens[k].is_capitalized or tokens[k].low not in _HANDING_VERBS | {"chỉ"}:
            continue
        handed = _handed_after_subject(text, tokens, units[:1], k)  # the posts of one speaker
        if handed is not None:
            return handed
    return None


_UNIT_GIVEN = re.compile(r"(?:[Cc]ác\s+)?(?:[Đđ]ơn vị|[Cc]ơ quan|[Bb]ộ phận) được (?:[^\s,.;:]+\s+){1,4}?"
                         r"(?:giao|phân công)(?:\s+(?:nhiệm vụ|chủ trì))?(?=\s)")
_SPEECH_VERBS = PhraseIndex({("nhấn", "mạnh"), ("lưu", "ý"), ("chỉ", "rõ"), ("chỉ", "đạo", "rõ"), ("khẳng", "định"), ("nêu", "rõ")})
# "trong 6 tháng cuối năm 2014", "thời gian tới", "từ nay đến hết năm": when, before the clause's subject
_WHEN_WORDS = {"trong", "thời", "gian", "tới", "sắp", "tháng", "quý", "năm", "tuần", "đầu", "cuối", "còn", "lại",
               "những", "từ", "nay", "đến", "hết", "này", "i", "ii", "iii", "iv", ","}
MAX_WHEN_WORDS = 10


def _speech_end(tokens: list[Token], end: int) -> int | None:
    """Past "(cũng) nhấn mạnh/lưu ý/chỉ rõ (:)" right after the speaker ending at end, or None."""
    k = end
    while low_at(tokens, k) in ("cũng", "còn", "đã"):
        k += 1
    n = _SPEECH_VERBS.match(tokens, k)
    if not n:
        return None
    j = k + n
    while j < len(tokens) and (tokens[j].text in (":", ",", "rằng") or tokens[j].text in _OPENING_QUOTES):
        j += 1
    return j


def _spoken_subject(text: str, tokens: list[Token], j: int) -> tuple[list[UnitRef], bool, int] | None:
    """"X nhấn mạnh (trong thời gian tới) Y cần …" with the speaker's words starting at j: Y's assignment,
    or None when no unit opens the clause (a time before it passed over)."""
    for m in range(j, min(j + MAX_WHEN_WORDS, len(tokens))):
        if m > j and not (tokens[m - 1].low in _WHEN_WORDS or tokens[m - 1].is_number):
            break
        if not (tokens[m].is_capitalized or tokens[m].low in ("các", "những", "từng", "mọi")):
            continue
        found = lead_form(text, tokens, m)
        if found is not None and found[0] and found[0][0].kind != "person":
            return found[0], True, found[2]
    return None


_ASSENT = PhraseIndex({("đồng", "ý"), ("nhất", "trí"), ("thống", "nhất")})
MAX_ASSENT_OBJECT = 12  # "đồng ý về chủ trương xây dựng Đề án …": the words of what is agreed to


def _after_assent(tokens: list[Token], end: int) -> list[int]:
    """"Ban Thường vụ Tỉnh ủy đồng ý về chủ trương và giao Ban Cán sự …": after a body's assent, the
    handing that follows ("và giao", ", giao") names who does the work."""
    n = _ASSENT.match(tokens, end)
    if not n:
        return []
    if low_at(tokens, end + n) in ("giao", "yêu", "đề") and _ASSIGN.match(tokens, end + n):
        return [end + n]  # "Chủ tịch UBND huyện đồng ý giao Phòng X …", "… thống nhất giao Sở Y …"
    for k in range(end + n, min(end + n + MAX_ASSENT_OBJECT, len(tokens) - 1)):
        if tokens[k].text in (";", ".", ":"):
            break
        if tokens[k].low in ("và", ",") and tokens[k + 1].low in ("giao", "yêu", "đề") and _ASSIGN.match(tokens, k + 1):
            return [k + 1]
    return []


def _issuer_by_kind(text: str, tokens: list[Token], i: int) -> tuple[list[UnitRef], bool, int] | None:
    """"Chỉ thị cũng yêu cầu Bộ X …", "Nhà trường giao cho Phòng X …", "Sở đã có văn bản gửi các đơn vị …":
    a document, or the issuer named by its kind alone, hands the work to the units after the verb."""
    if i >= len(tokens) or not tokens[i].is_capitalized:
        return None
    said = _DOCUMENT_WORDS.match(tokens, i)
    verb = _document_handing(tokens, i + said) if said else None
    if verb is not None:
        return _handed_at(text, tokens, verb, _ASSIGN.match(tokens, verb))
    own = _SELF_NAMES.match(tokens, i)
    if not own:
        return None
    n = _ASSIGN.match(tokens, i + own)
    if n and tokens[i + own].low in _HANDING_VERBS and not tokens[i + own].is_capitalized:
        return _handed_at(text, tokens, i + own, n)  # ("Sở Giao thông vận tải …" is a name, not a kind)
    return _sent_to(text, tokens, i + own)


def _handed_after_subject(text: str, tokens: list[Token], units: list[UnitRef],
                          k: int) -> tuple[list[UnitRef], bool, int] | None:
    """"X giao/yêu cầu/chỉ đạo Y …" with the handing verb at k: Y (units, their heads or staff) leads."""
    if low_at(tokens, k) == "chỉ" and low_at(tokens, k + 1) == "thị" and _ASSIGN.match(tokens, k + 2):
        k += 2  # "Thủ tướng Chính phủ chỉ thị yêu cầu Bộ trưởng …": the instruction is the request
    if low_at(tokens, k - 1) == "làm" and low_at(tokens, k) == "đề":
        return None  # "Các đơn vị làm đề nghị UBND huyện hỗ trợ kinh phí": the units draw up the request
    n = _ASSIGN.match(tokens, k)
    # "Bộ trưởng … chỉ thị toàn ngành X tập trung …": the issuer's formal instruction hands the work, whoever
    # the issuer is (a minister directing his own bodies included)
    instructs = not n and low_at(tokens, k) == "chỉ" and low_at(tokens, k + 1) == "thị"
    n = 2 if instructs else n
    if not n or not (tokens[k].low in _HANDING_VERBS or instructs or (tokens[k].low == "chỉ" and (_one_head(units) or
                                                                                                    _governs(units)))):
        return None
    j = _after_handing(tokens, k + n)
    inner, inner_end = _leaders_and_staff(text, tokens, j)
    leaders = bool(inner)
    if not inner:
        inner, inner_end = _asked_with_enterprises(text, tokens, j, *parse_unit_list(text, tokens, j))
    if not inner:
        inner, inner_end = _addressee(text, tokens, j)
    staff = not inner and tokens[k].low != "phân"  # "phân công cán bộ trực ban": staff put on duty
    if staff:
        inner, inner_end = _staff(text, tokens, j)
        if not inner:
            inner, inner_end = _place(text, tokens, j)
    # "UBND các xã phân công lãnh đạo, nhân viên trực": staff, not a unit handed the work.
    if inner and (tokens[j].is_capitalized or leaders or tokens[j].low in ("các", "những", "từng", "toàn")
                  or inner[0].text.startswith(ADDRESSEE)
                  or _named_in_lowercase(tokens, inner[0])
                  or _heads_of_bodies(inner[0]) or inner[0].kind == "role" or staff
                  or _STAFF.match(tokens, j)) and \
            (tokens[k].low != "chỉ" or _predicate_follows(tokens, inner_end)) and \
            (tokens[k].low != "chỉ" or instructs or _one_head(units) or
             all(u.kind in ("group", "catchall") for u in inner)):
        # (a committee directing one named body, "UBND tỉnh chỉ đạo Hội X xây dựng …", keeps the work)
        listed = _listed_after_label(text, tokens, inner, inner_end, least=1)
        if listed is not None:
            return listed[0], True, listed[2]
        inner, inner_end = _and_staff(text, tokens, inner, inner_end)
        return inner, True, inner_end
    return None


def _named_in_lowercase(tokens: list[Token], unit: UnitRef) -> bool:
    """"giao phòng Văn hóa và Thông tin quận …": a known unit whose head a portal wrote in lowercase, its
    proper name still in capitals."""
    return unit.kind == "named" and unit.end - unit.start > 1 and \
        any(t.is_capitalized for t in tokens[unit.start + 1:unit.end])


def _asks_nobody_named(tokens: list[Token], end: int) -> bool:
    """"yêu cầu" or "đề nghị" right after the subject (or after "cũng"/"còn"), naming nobody after it."""
    k = end + (low_at(tokens, end) in ("cũng", "còn", "đồng"))
    k += low_at(tokens, k - 1) == "đồng" and low_at(tokens, k) == "thời"
    if not (low_at(tokens, k) in ("yêu", "đề") and low_at(tokens, k + 1) in ("cầu", "nghị")) or k + 2 >= len(tokens):
        return False
    # "… yêu cầu các điện lực huyện …", "… yêu cầu Phòng X …": some body is named, if not one known
    return not tokens[k + 2].is_capitalized and tokens[k + 2].low not in ("các", "những", "từng", "mọi")


def _named_examples(text: str, tokens: list[Token], units: list[UnitRef], end: int) -> tuple[list[UnitRef], int]:
    """"Các ngành chức năng như: Công an tỉnh, Sở Y tế, … tăng cường …": the units named after "như"
    lead, not the kind they are examples of; otherwise the kind stays."""
    j = end + 1 + (low_at(tokens, end + 1) == ":")
    named, named_end = parse_unit_list(text, tokens, j)
    while named_end < len(tokens) and tokens[named_end].text.strip(".…") == "":
        named_end += 1  # "Cục Hải quan tỉnh… tăng cường": the list left open
    if named and not any(u.is_catchall for u in named) and _predicate_follows(tokens, named_end):
        return named, named_end
    return units, end


MAX_KIND_QUALIFIER = 16  # "Các Bộ khác có máy móc về khai thác ảnh …" before the bracket of examples


def _bracketed_examples(text: str, tokens: list[Token], units: list[UnitRef],
                        end: int) -> tuple[list[UnitRef], int]:
    """"Các sở có đơn vị sự nghiệp (Sở Y tế, Sở Giáo dục và Đào tạo) rà soát …": the units named in brackets
    after a kind (and what narrows it) lead, not the kind; otherwise the kind stays."""
    k = units[-1].end  # (the list may have read past the bracket as an aside)
    stop = min(len(tokens), k + MAX_KIND_QUALIFIER)
    while k < stop and tokens[k].text not in ("(", ".", ";", ":", ")"):
        if tokens[k].low != "có" and is_predicate_at(tokens, k, weak=False):
            return units, end  # "Các đơn vị gửi ý kiến về Sở Y tế (Phòng C2) …": past the verb, a bracket is no example
        k += 1
    if low_at(tokens, k) != "(":
        return units, end
    named, named_end = parse_unit_list(text, tokens, k + 1)
    if named and low_at(tokens, named_end) == "," and named_end + 1 < len(tokens) and \
            tokens[named_end + 1].is_capitalized:
        # "(Bộ Xây dựng, Bộ Thủy lợi, Tổng cục địa chất...)": a last body in words the grammar does not know
        last = named_end + 1
        while last < min(len(tokens), named_end + 7) and tokens[last].is_word and \
                not is_predicate_at(tokens, last, weak=False):
            last += 1
        if low_at(tokens, last) == ")" or tokens[min(last, len(tokens) - 1)].text.strip(".…") == "":
            named = [*named, UnitRef(text[tokens[named_end + 1].start:tokens[last - 1].end], "named",
                                     named_end + 1, last)]
            named_end = last
    while named_end < len(tokens) and tokens[named_end].text.strip(".…") == "":
        named_end += 1  # "(Bộ Xây dựng, Bộ Thủy lợi…)": the list left open
    if named and all(u.kind == "named" for u in named) and low_at(tokens, named_end) == ")" and \
            _predicate_follows(tokens, named_end + 1):
        return named, named_end + 1
    return units, end


_DOCUMENT_WORDS = PhraseIndex(lx.DOCUMENT_WORDS)
_ASPECT_WORDS = {"cũng", "còn", "đồng", "thời", "tiếp", "tục", "đã", "vừa", "nêu", "rõ"}
MAX_DOCUMENT_NAME = 16  # "Chỉ thị số 19/CT-UBND ngày 02/3/2026 của Chủ tịch UBND tỉnh"


def _document_handing(tokens: list[Token], j: int) -> int | None:
    """"Chỉ thị (số 19/CT-UBND) (của Thủ tướng) (cũng) yêu cầu Bộ X …": the handing verb after a document
    named as the one who speaks, or None when the words after the document are not its number, date,
    issuer or an aspect word ("Kế hoạch xác định …", "Văn bản này quy định …")."""
    named = j < len(tokens) and tokens[j].low in ("số", "của", "này", "ngày")
    for k in range(j, min(j + MAX_DOCUMENT_NAME, len(tokens))):
        tok = tokens[k]
        if tok.text in (".", ";", ":"):
            return None
        if not tok.is_capitalized and tok.low in _HANDING_VERBS and _ASSIGN.match(tokens, k):
            return k
        if not named and tok.low not in _ASPECT_WORDS:
            return None
    return None


_SAID = PhraseIndex([("cho", "biết"), ("thông", "tin"), ("chia", "sẻ")])
# What the units told "để … biết" do when it is only the closing formula: know, carry it out.
_ONLY_NOTED = re.compile(r"(?:biết|nắm|thực hiện|triển khai|phối hợp|tổ chức thực hiện|chỉ đạo thực hiện|"
                         r"được biết)(?!\w)", re.IGNORECASE)


def _informed_to_act(text: str, tokens: list[Token], end: int) -> tuple[list[UnitRef], bool, int] | None:
    """"Tổng cục X thông báo để các Cục Y thông báo cho người nộp thuế biết …", "Sở X thông báo để UBND
    các huyện hướng dẫn các đơn vị …": the units told, with work of their own after them, lead it;
    "thông báo để các đơn vị biết, thực hiện" is the closing formula and hands nothing."""
    if low_at(tokens, end) != "thông" or low_at(tokens, end + 1) != "báo" or low_at(tokens, end + 2) not in ("để", "cho"):
        return None
    units, u_end = parse_unit_list(text, tokens, end + 3)
    if not units or u_end >= len(tokens) or not is_predicate_at(tokens, u_end, weak=False) or \
            _ONLY_NOTED.match(text, tokens[u_end].start):
        return None
    return units, True, u_end


def _sent_to(text: str, tokens: list[Token], end: int) -> tuple[list[UnitRef], bool, int] | None:
    """"UBND tỉnh vừa ban hành văn bản gửi Công an tỉnh, Sở X … chủ động thực hiện …": the units the
    letter is sent to lead."""
    sent = _NEWS_SENT.match(text[tokens[end].start:]) if end < len(tokens) else None
    if not sent:
        return None
    j = next((k for k in range(end, len(tokens)) if tokens[k].start >= tokens[end].start + sent.end()), end)
    inner, inner_end = parse_unit_list(text, tokens, j)
    # "đã có Công văn số 12 gửi UBND các tỉnh về việc …": the subject of an earlier letter
    if inner and _predicate_follows(tokens, inner_end) and low_at(tokens, inner_end) != "về":
        return inner, True, inner_end
    return None


# "Ban Tiếp công dân huyện (kính) chuyển đơn nêu trên đến …", "Văn phòng UBND tỉnh chuyển nội dung … đến …"
_FORWARDS = re.compile(r"(?:đã\s+)?(?:kính\s+)?chuyển\s+(?:đơn|hồ sơ|văn bản|nội dung|thư|phản ánh|kiến nghị|bản sao|"
                       r"công văn)(?!\w)[^.;:]{0,160}?\s(?:đến|tới|cho|về)\s+", re.IGNORECASE)
MAX_FORWARD_TAIL = 12  # words between the units and "để" ("… (kèm theo hồ sơ) để …")


def _forwarded_to(text: str, tokens: list[Token], end: int) -> tuple[list[UnitRef], bool, int] | None:
    """"Ban Tiếp công dân huyện chuyển đơn nêu trên đến Phòng X để xác minh, giải quyết …": the forwarding is
    the sender's act, done by this letter; the unit it goes to does the work after "để"."""
    if end >= len(tokens):
        return None
    forwards = _FORWARDS.match(text, tokens[end].start)
    if not forwards:
        return None
    j = next((k for k in range(end, len(tokens)) if tokens[k].start >= forwards.end()), len(tokens))
    units, units_end = parse_unit_list(text, tokens, j, raw=True)
    if not units:
        return None
    if low_at(tokens, units_end) == "chủ" and low_at(tokens, units_end + 1) == "trì":
        return units, True, units_end  # "… đến Phòng X chủ trì, phối hợp Phòng Y (để) xác minh …": its own lead
    so = next((k for k in range(units_end, min(units_end + MAX_FORWARD_TAIL, len(tokens)))
               if tokens[k].low == "để" or tokens[k].text in ".;"), None)
    if so is None or tokens[so].low != "để" or not is_predicate_at(tokens, so + 1, weak=False):
        return None
    return units, True, so + 1


def _joined_handing(tokens: list[Token], end: int) -> list[int]:
    """"Chủ tịch UBND xã quán triệt và chỉ đạo các cán bộ …", "Sở X kiểm tra và yêu cầu Công ty …":
    the handing verb after a verb of the subject's own and "và"."""
    if end >= len(tokens) or not is_predicate_at(tokens, end, weak=False):
        return []
    near = [g + 1 for g in (end + 1, end + 2) if low_at(tokens, g) == "và" and
            tokens[end + 1:g] == [t for t in tokens[end + 1:g] if t.is_word] and
            (low_at(tokens, g + 1) in _HANDING_VERBS or low_at(tokens, g + 1) == "chỉ")][:1]
    return near or _stressed_handing(tokens, end)


_STRESSING = PhraseIndex({("đặc", "biệt"), ("nhất", "là"), ("đồng", "thời")})
MAX_OWN_ACT = 20  # "triển khai Kế hoạch và một số nhiệm vụ cần làm trong thời gian tới": the speaker's own act


def _stressed_handing(tokens: list[Token], end: int) -> list[int]:
    """"Đồng chí Chủ tịch UBND xã triển khai Kế hoạch … đặc biệt yêu cầu các thôn …": after the speaker's own act,
    in the same clause, "đặc biệt"/"đồng thời" (and "và") opens the handing."""
    for g in range(end + 1, min(end + MAX_OWN_ACT, len(tokens) - 1)):
        if not tokens[g].is_word:
            return []
        n = _STRESSING.match(tokens, g) or (1 if tokens[g].low == "và" else 0)
        if n and low_at(tokens, g + n) in ("yêu", "đề", "giao") and _ASSIGN.match(tokens, g + n):
            return [g + n]
    return []


_SAYING = {"kết", "chỉ", "nhấn", "yêu", "đề", "lưu", "giao"}  # kết luận, chỉ đạo, nhấn mạnh, yêu cầu …
MAX_ANNOUNCED_WORDS = 20  # "kết luận một số nhiệm vụ cần tập trung thực hiện trong tháng 9/2020:"


def _handing_after_colon(tokens: list[Token], end: int) -> list[int]:
    """"Chủ tịch UBND huyện kết luận một số nhiệm vụ …: yêu cầu UBND huyện …": the speaker's words
    announce the work, and the handing verb after the colon names who does it."""
    if low_at(tokens, end) not in _SAYING:
        return []
    colon = next((k for k in range(end + 1, min(end + MAX_ANNOUNCED_WORDS, len(tokens))) if tokens[k].text in ":;."),
                 None)
    if colon is None or tokens[colon].text != ":" or low_at(tokens, colon + 1) not in _HANDING_VERBS:
        return []
    return [colon + 1]


def _handed_at(text: str, tokens: list[Token], i: int, n: int) -> tuple[list[UnitRef], bool, int] | None:
    """"Giao/Đề nghị/Yêu cầu X …" at i (the verb n tokens long): the units handed the work lead it."""
    j = _after_handing(tokens, i + n)
    row = _row_cell(text, tokens, i, "lead")
    if row is not None and row[0] == j:
        # A table row's sentence: its lead cell holds the leads and nothing else.
        units = cell_units(text, tokens, *row)
        if units:
            return units, True, row[1]
    units, end = _leaders_and_staff(text, tokens, j)
    if not units:
        units, end = _asked_with_enterprises(text, tokens, j, *parse_unit_list(text, tokens, j))
    if not units:
        units, end = _addressee(text, tokens, j)
    if not units:
        units, end = _staff(text, tokens, j)
    if not units:
        units, end = _place(text, tokens, j)
    if not units and low_at(tokens, j) in ("các", "những") and ENTERPRISE_KINDS.match(tokens, j + 1):
        # "Đề nghị các doanh nghiệp viễn thông bảo đảm …": kinds of enterprise asked by name ("yêu cầu doanh
        # nghiệp đó nộp hồ sơ" is the case at hand, told what to do, not a kind addressed)
        units, end = parse_unit_list(text, tokens, j, partners=True)
    if not units:
        units, end = _raw_lead(text, tokens, j)
    if not units or (i > 0 and _assigns_own_units(tokens, i, units)):
        # (after the sentence's start, "…, giao nhiệm vụ cụ thể cho các đơn vị trực thuộc …" is the actor's own act)
        return None
    listed = _listed_after_label(text, tokens, units, end, least=1)
    if listed is not None:  # "giao nhiệm vụ cho từng phòng: Phòng Nội vụ rà soát …"
        return listed[0], True, listed[2]
    units, end = _and_staff(text, tokens, units, end)
    return units, True, end


def _part_then_work(tokens: list[Token], is_at: int) -> bool:
    """"Sở Nội vụ là cơ quan đầu mối, chủ trì …": the part a unit plays, then, after a comma, its work
    ("Sở Tài chính là cơ quan thường trực của Ban Chỉ đạo." says only what it is)."""
    return bool(_ROLE_AFTER_IS.match(tokens, is_at + 1)) and any(
        tokens[k].text == "," and is_predicate_at(tokens, k + 1, weak=False) for k in range(is_at + 2, len(tokens) - 1))


def _row_cell(text: str, tokens: list[Token], i: int, cell: str) -> tuple[int, int] | None:
    """The tokens (start, stop) of a cell ("lead", "coordinators") of the table row whose sentence
    opens at token i, or None when the words there are no row's sentence."""
    if i >= len(tokens):
        return None
    m = ROW_SENTENCE.match(text, tokens[i].start)
    if m is None or m.group(cell) is None:
        return None
    start = next(k for k in range(i, len(tokens)) if tokens[k].start >= m.start(cell))
    stop = next((k for k in range(start, len(tokens)) if tokens[k].start >= m.end(cell)), len(tokens))
    return start, stop


def _listed_after_label(text: str, tokens: list[Token], units: list[UnitRef],
                        end: int, least: int = 2) -> tuple[list[UnitRef], bool, int] | None:
    """"Các cơ quan: Bộ A, Bộ B, Ban C có văn bản cử …": a kind of body, a colon, then the bodies
    themselves, who lead."""
    if len(units) != 1 or units[0].kind not in ("catchall", "group") or end + 1 >= len(tokens) or \
            tokens[end].text != ":" or not tokens[end + 1].is_capitalized:
        return None
    inner, inner_end = parse_unit_list(text, tokens, end + 1)
    if len(inner) < least or inner_end >= len(tokens) or not is_predicate_at(tokens, inner_end, weak=False) or \
            tokens[inner_end].low in ("được", "là", "đã", "đang", "bị"):
        return None
    return inner, False, inner_end


def _heads_of_bodies(unit: UnitRef) -> bool:
    """"yêu cầu lãnh đạo các sở, ban, ngành …", "đề nghị thủ trưởng các đơn vị …": the heads of bodies
    named after the title are handed the work; "phân công lãnh đạo, nhân viên trực" names staff."""
    if unit.kind == "catchall":  # "giao nhiệm vụ cho người đứng đầu các bộ phận chuyên môn"
        return bool(_HEAD_TITLE.match(tokenize(unit.text), 0))
    # ("thủ trưởng cơ quan, đơn vị trên địa bàn …": the heads of the kinds of body, "các" left out)
    return unit.kind == "person" and bool(re.search(r"(?<!\w)(?:các|những|UBND|Ủy ban|Uỷ ban|Sở|Phòng|Ban)(?!\w)",
                                                    unit.text) or _HEADS_OF_KINDS.match(unit.text))


_HEADS_OF_KINDS = re.compile(r"(?i:thủ trưởng|người đứng đầu) (?:cơ quan|đơn vị)(?!\w)")


def _one_head(units: list[UnitRef]) -> bool:
    """"Đồng chí Chủ tịch UBND xã chỉ đạo các bộ phận …": one head of a body (the speaker of a
    conclusion) directing units hands them the work; "Thủ trưởng các sở chỉ đạo các đơn vị trực
    thuộc …" and "Sở X chỉ đạo …" keep it. A person named with two posts ("Chủ tịch UBND xã A, Trưởng ban Chỉ
    đạo phòng, chống dịch xã") is one head."""
    return bool(units) and all(u.head_title and not re.search(r"(?<!\w)(?:các|những)(?!\w)", u.text, re.IGNORECASE)
                               and not _CENTRAL_HEAD.match(u.text) for u in units)


# A province's, a district's People's Committee or the Government, named alone ("UBND tỉnh chỉ đạo UBND các huyện
# …" in the news of its letter): what it directs is the work of the units it directs.
_GOVERNING = re.compile(r"^(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+(?:tỉnh|thành phố|huyện|quận|thị xã)(?:\s+[A-ZĐ]\S*)*$"
                        r"|^(?:Chính phủ|Thủ tướng|Thủ tướng Chính phủ)$")


def _governs(units: list[UnitRef]) -> bool:
    return len(units) == 1 and bool(_GOVERNING.match(units[0].text))


# The head of a central body ("Thống đốc Ngân hàng Nhà nước", "Bộ trưởng Bộ Y tế") is the Government's addressee;
# what it directs its own bodies to do is its own task ("Thống đốc … chỉ đạo các tổ chức tín dụng giảm lãi suất").
_CENTRAL_HEAD = re.compile(r"(?:Bộ trưởng|Thống đốc|Tổng Kiểm toán|Tổng Thanh tra|Tổng Giám đốc|Chủ nhiệm Ủy ban|"
                           r"Chủ nhiệm Uỷ ban|Tổng cục trưởng|Cục trưởng)(?!\w)", re.IGNORECASE)


def _hands_to_unit(text: str, tokens: list[Token], k: int) -> bool:
    """"Chủ tịch UBND huyện Giao Chủ tịch UBND xã …": a handing verb, even capitalized, then a unit."""
    n = _ASSIGN.match(tokens, k)
    if not n or tokens[k].low not in _HANDING_VERBS:
        return False
    return bool(parse_unit_list(text, tokens, _after_handing(tokens, k + n))[0])


def _time_adverbial_end(tokens: list[Token], j: int) -> int:
    """"đề nghị (trong) thời gian tới, các cơ quan …", "yêu cầu trong tháng 6/2026, Phòng X …": when,
    between the handing verb and the units handed the work."""
    k = j + (1 if low_at(tokens, j) == "trong" else 0)
    if [t.low for t in tokens[k:k + 3]] == ["thời", "gian", "tới"]:
        k += 3
    elif k > j and low_at(tokens, k) in ("tháng", "quý", "năm") and k + 1 < len(tokens) and \
            (tokens[k + 1].is_number or low_at(tokens, k + 1) in ("i", "ii", "iii", "iv", "này", "tới")):
        k += 2
    else:
        return j
    return k + (1 if low_at(tokens, k) == "," else 0)


_ORDINALS = {"nhất", "hai", "ba", "tư", "năm", "sáu", "bảy", "tám"}
_COUNTS = {"một", "hai", "ba", "bốn", "năm", "sáu"}


def _enumerator_end(tokens: list[Token], j: int) -> int:
    """Past "(1)", "a)", "thứ nhất,", "một là," opening an item of a list run into one paragraph."""
    low = [t.low for t in tokens[j:j + 3]]
    if len(low) == 3 and low[0] == "(" and low[2] == ")" and (tokens[j + 1].is_number or len(low[1]) == 1):
        return j + 3
    if len(low) >= 2 and low[1] == ")" and (tokens[j].is_number or len(low[0]) == 1):
        return j + 2
    if len(low) >= 2 and ((low[0] == "thứ" and low[1] in _ORDINALS) or (low[0] in _COUNTS and low[1] == "là")):
        return j + 2 + (1 if len(low) == 3 and low[2] == "," else 0)
    return j


_OPENING_QUOTES = ("“", '"', "‘", "'", "«")


def _after_handing(tokens: list[Token], j: int) -> int:
    """Where the unit starts after a handing verb: "giao cho Sở X", "UBND tỉnh giao: Sở X …"."""
    j = _time_adverbial_end(tokens, j)
    j = _honorific_end(tokens, j)
    if j < len(tokens) and tokens[j].low in ("cho", ":"):
        j = _enumerator_end(tokens, j + 1)
        if j < len(tokens) and tokens[j].text in _OPENING_QUOTES:
            j += 1  # "… yêu cầu: “Các xã phải hoàn thành …”": the direction quoted
    elif j + 1 < len(tokens) and tokens[j].text == "," and (tokens[j + 1].is_capitalized or tokens[j + 1].low == "các"):
        j += 1  # "Chủ tịch UBND huyện yêu cầu, các ngành chuyên môn …"
    return j


_SIR = ("ông", "bà")


def _honorific_end(tokens: list[Token], j: int) -> int:
    """"yêu cầu ông (bà) Hiệu trưởng …", "đề nghị các ông, bà Trưởng thôn …": the courtesy before a title."""
    k = j + (low_at(tokens, j) == "các")
    if low_at(tokens, k) in ("ông/bà", "bà/ông") and k + 1 < len(tokens) and tokens[k + 1].is_capitalized:
        return k + 1
    if low_at(tokens, k) not in _SIR:
        return j
    words = [t.low for t in tokens[k:k + 4]]
    for form in (["ông", "(", "bà", ")"], ["bà", "(", "ông", ")"], ["ông", ",", "bà"], ["ông", "/", "bà"],
                 ["ông", "bà"]):
        if words[:len(form)] == form and k + len(form) < len(tokens) and tokens[k + len(form)].is_capitalized:
            return k + len(form)
    return j


def _boundaries(tokens: list[Token], start: int, stop: int) -> list[int]:
    depth, out = 0, []
    inside_name = 0  # the end of a body's name whose own commas are no boundary ("Bộ Văn hóa, Thể thao và Du lịch")
    for k in range(start, stop):
        t = tokens[k].text
        depth += (t == "(") - (t == ")")
        if k >= inside_name and tokens[k].is_capitalized and (parsed := parse_unit(tokens, k)) and parsed[0] == "named":
            inside_name = parsed[1]
        if depth == 0 and t in (",", ":", ";") and not (t == "," and k < inside_name):
            out.append(k + 1)
    return out


MAX_SHORT_LABEL = 9  # "Báo cáo 6 tháng, cả năm:", "Tiêu chuẩn - đo lường - chất lượng:"


def _after_short_label(text: str, tokens: list[Token], i: int, stop: int) -> tuple[list[UnitRef], bool, int] | None:
    """"- Báo cáo tháng: Sở Tài chính tổng hợp …": a short label, then a body named in full and its work."""
    colon = next((k for k in range(i + 1, min(stop, i + MAX_SHORT_LABEL + 1))
                  if tokens[k].text in ":;.()"), None)
    if colon is None or tokens[colon].text != ":" or colon + 1 >= stop or not tokens[colon + 1].is_capitalized or \
            any(t.is_capitalized for t in tokens[i + 1:colon]) or is_field_line(text[tokens[i].start:]):
        return None  # ("Kết quả: Dự thảo …", "Địa điểm: Sở X, địa chỉ …" are an item's fields)
    found = lead_form(text, tokens, colon + 1)
    if not found or not found[0] or found[0][0].start != colon + 1 or \
            any(u.kind not in ("named", "group") or u.head_title for u in found[0]) or \
            not is_predicate_at(tokens, found[2], weak=False):
        return None
    return found


def _starts_intro(tokens: list[Token], i: int) -> bool:
    return bool(_INTRO.match(tokens, i)) or (i < len(tokens) and tokens[i].low == "ngày")


_SIGNER_SELF = PhraseIndex([("tôi",), ("chúng", "tôi")])
_EARNESTLY = PhraseIndex([("khẩn", "thiết"), ("trân", "trọng"), ("một", "lần", "nữa")])


def find_subject(text: str, tokens: list[Token], i: int, stop: int) -> Assignment | None:
    """The assignment opening the words from token i (directly or after an introduction)."""
    found = lead_form(text, tokens, i)
    if found:
        return _assignment(text, tokens, i, found)
    self_said = _SIGNER_SELF.match(tokens, i)
    if self_said:
        # "Tôi khẩn thiết đề nghị đồng chí Chủ tịch UBND các tỉnh …": the signer of a telegram, speaking
        k = i + self_said
        k += _EARNESTLY.match(tokens, k)
        found = lead_form(text, tokens, k) if low_at(tokens, k) in _HANDING_VERBS else None
        if found:
            return _assignment(text, tokens, i, found)
    opener = _DISCOURSE.match(tokens, i)
    if opener and i + opener < stop and tokens[i + opener].is_word:
        found = lead_form(text, tokens, i + opener)  # "Đặc biệt các xã tiếp tục …": the opener without its comma
        if found:
            return _assignment(text, tokens, i, found)
    reported = _REPORTED.match(text, tokens[i].start) if i < len(tokens) else None
    if reported:
        # "Công văn nêu rõ, các sở, ngành … phải chủ động …": a page reporting the letter's words
        j = next((k for k in range(i, stop) if tokens[k].start >= reported.end()), stop)
        found = lead_form(text, tokens, j) if j < stop else None
        if found:
            return _assignment(text, tokens, i, found)
    addressed = _addressed_label(text, tokens, i)
    if addressed:
        return _assignment(text, tokens, i, addressed)
    labelled = _after_short_label(text, tokens, i, stop)
    if labelled:
        return _assignment(text, tokens, i, labelled)
    if not _starts_intro(tokens, i):
        return _after_consequence(text, tokens, i, stop)
    occasion = _after_demonstrative(text, tokens, i, stop)
    if occasion is not None:
        return occasion
    boundaries = _boundaries(tokens, i, stop)
    topic_end = _topic_end(tokens, i, boundaries)
    if topic_end is not None:
        # "Về đề nghị …, kịp thời ban hành …: UBND thành phố X cần …": the topic's own verbs are what was
        # asked for; the assignment opens after its colon
        found = lead_form(text, tokens, topic_end)
        if found:
            return _assignment(text, tokens, i, found)
    speaker = _speaker_inside(text, tokens, i, boundaries[0] if boundaries else stop)
    if speaker is not None:
        return speaker
    for count, b in enumerate(boundaries):
        if b >= len(tokens):
            break
        if _passive_agents(text, tokens, i, b):
            continue  # "Căn cứ kế hoạch đã được Đảng ủy, Ban Giám hiệu phê duyệt, …": who approved it
        if _recipients(text, tokens, i, b):
            continue  # "Căn cứ …, lập Đề án và gửi về Bộ X, Bộ Y để tổng hợp": where it goes, not who acts
        if _authors_of_grounds(tokens, i, b):
            continue  # "Căn cứ Thông tư … của Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ hướng dẫn …": who issued it
        if _owners_go_on(tokens, boundaries, count, i):
            continue  # "Trên cơ sở đề nghị của các Bộ, cơ quan liên quan, Bộ Tài chính …": whose proposal it was
        found = lead_form(text, tokens, b)
        # "Về đề nghị …, …; …: Bộ X nghiên cứu …": a colon ends the topic however long it runs
        if found and (count < MAX_INTRO_SEGMENTS or found[1] or tokens[b - 1].text == ":" or (
                bool(_DEONTIC.match(tokens, found[2])) and not any(u.is_catchall for u in found[0]))):
            # (after a long purpose, "…, tỉnh X cần …" still states who must act; "…, các bộ, cơ quan có
            # trách nhiệm …" after a list of grounds restates the heading's units)
            # "Nhằm đảm bảo sức khỏe cho học sinh, sinh viên, …, Sở X đề nghị Y …": a long introduction
            # still ends where a unit hands the work on.
            return _assignment(text, tokens, i, found)
        if count >= MAX_INTRO_SEGMENTS:
            continue
        if is_predicate_at(tokens, b, weak=False) and not _APPOSITIVE.match(tokens, b) and not _adverbial(tokens, b):
            # "Sau khi xem xét Chủ tịch UBND tỉnh giao Sở X chủ trì, phối hợp …": an introduction
            # without its comma runs into the clause that hands the work on.
            inside = _handing_subject_inside(text, tokens, i, b) or _handed_inside(text, tokens, i, b) \
                or _after_consequence(text, tokens, b, stop)
            if inside is not None or not _purpose_goes_on(tokens, i, b):
                return inside
            # "Để nâng cao …, tăng cường …, kiểm tra …, các Sở … thực hiện:": the purpose names
            # several aims; the subject comes after the last.
    return _handing_subject_inside(text, tokens, i, stop) or _after_consequence(text, tokens, i, stop)


MAX_OCCASION_INTRO = 8  # "Sau (khi kết thúc) hội nghị này"


def _after_demonstrative(text: str, tokens: list[Token], i: int, stop: int) -> Assignment | None:
    """"Sau hội nghị này các cơ quan, đơn vị … tiến hành …": a short introduction that a demonstrative closes,
    without its comma, runs into the subject."""
    for k in range(i + 2, min(stop, i + MAX_OCCASION_INTRO + 1)):
        if not tokens[k - 1].is_word or tokens[k - 1].is_capitalized:
            return None
        if tokens[k - 1].low not in ("này", "đó", "trên"):
            continue
        found = lead_form(text, tokens, k)
        if found and found[0] and found[0][0].start == k and not is_predicate_at(tokens, k, weak=False):
            return _assignment(text, tokens, i, found)
        return None
    return None


def _topic_end(tokens: list[Token], i: int, boundaries: list[int]) -> int | None:
    """Where a topic opened by "Về" ends at its colon ("Về kiến nghị của tỉnh …: …"), or None."""
    if low_at(tokens, i) != "về":
        return None
    return next((b for b in boundaries if b < len(tokens) and tokens[b - 1].text == ":"), None)




def _owners_go_on(tokens: list[Token], boundaries: list[int], count: int, i: int) -> bool:
    """The segment at boundaries[count] goes on with the kinds of a list after "của" in the segment before it
    ("đề nghị của các Bộ, cơ quan liên quan, …"): the owners, not the subject."""
    b = boundaries[count]
    start = boundaries[count - 1] if count else i
    return tokens[b - 1].text == "," and bool(GENERIC_KINDS.match(tokens, b)) and not tokens[b].is_capitalized and \
        any(tokens[k].low == "của" for k in range(start, b))


MAX_AUTHOR_WORDS = 8  # "… của Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ": the issuer's posts after "của"


def _authors_of_grounds(tokens: list[Token], i: int, b: int) -> bool:
    """The comma before b sits in the posts of the issuer of a text the sentence cites as its ground ("Căn cứ
    Thông tư số 02 … của Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ hướng dẫn …"): no subject there."""
    if [t.low for t in tokens[i:i + 2]] != ["căn", "cứ"] or not PERSON_TITLES.match(tokens, b):
        return False
    # "… của Bộ trưởng, Chủ nhiệm …": a post, then another post of the same person ("… của UBND tỉnh, các cơ quan
    # … xây dựng …" names the ground's author, then the subject)
    return any(tokens[k].low == "của" and PERSON_TITLES.match(tokens, k + 1)
               for k in range(max(i, b - MAX_AUTHOR_WORDS), b))



def _passive_agents(text: str, tokens: list[Token], i: int, b: int) -> bool:
    """The comma before b sits in the list of agents after "được" ("đã được Sở X, UBND tỉnh phê duyệt"):
    the units after it did the thing the introduction names, they are handed nothing."""
    for k in range(b - 2, i - 1, -1):
        if tokens[k].low == "được":
            units, end = parse_unit_list(text, tokens, k + 1)
            return bool(units) and end >= b - 1 and tokens[b - 1].text == ","
        if tokens[k].text in (";", ":"):
            return False
    return False


_SENDS_TO = {"gửi", "về", "đến", "tới", "trình", "nghe"}  # "… gửi về A, B …", "Sau khi nghe A, B báo cáo …"


def _recipients(text: str, tokens: list[Token], i: int, b: int) -> bool:
    """The comma before b sits in the list of units a thing is sent to ("gửi về Bộ X, Bộ Y và Bộ Z để
    tổng hợp") or heard from ("Sau khi nghe Ban X, Trưởng các đoàn thể báo cáo …"): they receive it or
    spoke, they are not the subject of what follows."""
    if b < 1 or tokens[b - 1].text != ",":
        return False
    found = lead_form(text, tokens, b)
    if found and found[1] and found[0] and found[0][0].start > b:
        return False  # "Để trình Thủ tướng Chính phủ, Bộ X đề nghị Bộ Y …": the unit that hands the work on
    for k in range(b - 2, i - 1, -1):
        if tokens[k].text in (";", ":"):
            return False
        if tokens[k].low in _SENDS_TO and k + 1 < b - 1:
            units, end = parse_unit_list(text, tokens, k + 1)
            if units and end >= b - 1:
                return True
    return False


def _purpose_goes_on(tokens: list[Token], i: int, b: int) -> bool:
    """"Để …, tăng cường …": a purpose ("Để", "Nhằm") whose next segment is one more aim, a verb
    after the comma, not the subject's action."""
    return tokens[i].low in ("để", "nhằm") and b > 0 and tokens[b - 1].text == ","


_REPORTED = re.compile(r"(?:theo\s+)?(?:công văn|văn bản|chỉ thị|kế hoạch|thông báo|công điện|kết luận)"
                       r"(?:\s+(?:này|trên|nêu trên|số\s+\S+))?\s+(?:nêu rõ|nêu|chỉ rõ|yêu cầu|đề nghị|cho biết)"
                       r"\s*[,:]\s*", re.IGNORECASE)


def _speaker_inside(text: str, tokens: list[Token], i: int, stop: int) -> Assignment | None:
    """"Kết luận phiên họp đồng chí Nguyễn Văn A - Bí thư Đảng ủy xã yêu cầu UBND xã, các ban …": the
    introduction runs into the named speaker, whose handing is read before the commas of the list."""
    for k in range(i + 1, stop):
        titled = _speaker_title(tokens, k) is not None or \
            (_HEAD_TITLE.match(tokens, k) and tokens[k].is_capitalized and tokens[k - 1].is_word)  # "Tại cuộc họp Chủ tịch …"
        if not titled or (tokens[k - 1].is_capitalized and not _HONORIFICS.match(tokens, k)):
            continue
        found = lead_form(text, tokens, k)
        if found and found[1]:
            return _assignment(text, tokens, i, found)
    return None


def _handing_subject_inside(text: str, tokens: list[Token], i: int, stop: int) -> Assignment | None:
    """"Để kịp thời xử lý UBND xã yêu cầu Công an xã …": an introduction without its comma runs into
    a unit that hands the work on ("yêu cầu", "đề nghị", "giao"); only such a handing is read there."""
    for k in range(i + 1, stop):
        if not tokens[k].is_capitalized or tokens[k - 1].is_capitalized or not tokens[k - 1].is_word:
            continue
        found = lead_form(text, tokens, k)
        if found and found[1] and found[0][0].start > k:
            return _assignment(text, tokens, i, found)
    return None


def _adverbial(tokens: list[Token], b: int) -> bool:
    """"…, theo chức năng nhiệm vụ, Bộ X chủ trì …": "theo" before a noun says how, not what."""
    return tokens[b].low == "theo" and b + 1 < len(tokens) and tokens[b + 1].low != "dõi"


def _after_consequence(text: str, tokens: list[Token], i: int, stop: int) -> Assignment | None:
    """"Do Công ty … xin thôi …, vì vậy UBND tỉnh giao Sở X …": after a cause, "vì vậy" (do đó,
    vì thế …) opens the main clause, and its subject is the sentence's."""
    for b in _boundaries(tokens, i, stop):
        n = _CONSEQUENCE.match(tokens, b)
        if not n:
            continue
        j = b + n + (1 if b + n < len(tokens) and tokens[b + n].text == "," else 0)
        found = lead_form(text, tokens, j)
        if found:
            return _assignment(text, tokens, i, found)
    opens_with_verb = is_predicate_at(tokens, i, weak=False)
    for b in _boundaries(tokens, i, stop):
        # "Nhấn mạnh quy hoạch là nền tảng …, Chủ tịch UBND xã yêu cầu các bộ phận …": a clause that
        # opens with a participle ("Nhấn mạnh …", "Phát biểu kết luận …") before the unit that hands
        # the work on.
        if b >= len(tokens) or tokens[b - 1].text != ",":
            continue  # "…: Đề nghị UBND tỉnh …" quotes a request
        if not tokens[b].is_capitalized and not (_ASSIGN.match(tokens, b) and tokens[b].low in _HANDING_VERBS
                                                 and not opens_with_verb) \
                and not _HONORIFICS.match(tokens, b):
            # (after a sentence that opens with the lead's own verb, "Phối hợp với …, rà soát, yêu cầu
            # các tổ chức …" lists what the lead does: whom it asks is no subject)
            continue
        if not tokens[b].is_capitalized and _in_verb_series(tokens, b):
            continue  # "…, chủ động hướng dẫn, đôn đốc, yêu cầu các đơn vị điều chỉnh …": one more verb
        # "Nội dung kiến nghị thuộc thẩm quyền của UBND xã, đề nghị UBND xã X xem xét …"
        found = lead_form(text, tokens, b)
        if found and found[1]:
            return _assignment(text, tokens, i, found)
    return _handed_inside(text, tokens, i, stop) or _after_speech_opener(text, tokens, i, stop)


# "Phát biểu kết luận phiên họp Chủ tịch UBND huyện yêu cầu …": the occasion runs into the speaker with no comma
_SPEECH_OPENER = re.compile(r"(?:phát biểu\s+)?(?:kết luận|chỉ đạo)(?:\s+tại)?\s+"
                            rf"(?:{_MEETING}|kỳ họp)\b", re.IGNORECASE)
MAX_OCCASION_WORDS = 12  # "phiên họp thường kỳ tháng 02 năm 2022"


def _after_speech_opener(text: str, tokens: list[Token], i: int, stop: int) -> Assignment | None:
    if i >= len(tokens) or not _SPEECH_OPENER.match(text, tokens[i].start) or tokens[i].low not in ("phát", "kết", "chỉ"):
        return None
    for k in range(i + 3, min(stop, i + 3 + MAX_OCCASION_WORDS)):
        if tokens[k].text in (",", ";", ":", "."):
            return None
        if tokens[k].is_capitalized:
            found = lead_form(text, tokens, k)
            if found and found[1]:
                return _assignment(text, tokens, i, found)
    return None


def _in_verb_series(tokens: list[Token], b: int) -> bool:
    """"hướng dẫn, đôn đốc, yêu cầu các đơn vị …": the word at b follows a comma that closes a bare
    verb of one or two words, so it is one more verb of the same subject, not a new clause."""
    p = b - 2
    while p >= 0 and tokens[p].text not in (",", ";", ":"):
        p -= 1
    if 1 <= b - 2 - p <= 2 and is_predicate_at(tokens, p + 1, weak=False):
        return True
    # "… và các Bộ, ngành liên quan rà soát, yêu cầu các tổ chức …": a verb closes the clause before
    return any(b - 1 - n > p + 1 and PREDICATES.match(tokens, b - 1 - n) == n and tokens[b - 2].is_word
               and not tokens[b - 1 - n].is_capitalized for n in (1, 2))


_THEREFORE = {"nên", "vậy", "đó", "thế"}  # "… nên UBND tỉnh yêu cầu …", "vì vậy", "do đó", "vì thế"
_NOT_HANDING = {"được", "bàn", "đã", "đang", "sẽ", "vừa", "chuyển", "nhận", "tiếp"}


_URGING = {"khẩn trương", "kịp thời", "chủ động"}


def _handed_inside(text: str, tokens: list[Token], i: int, stop: int) -> Assignment | None:
    """"Thống nhất chủ trương giao Sở Xây dựng nghiên cứu …", "Đồng ý …, giao Sở X …": a sentence
    with no subject of its own hands the work on with "giao" inside it ("nhiệm vụ được giao",
    "bàn giao" hand nothing)."""
    for k in range(i + 1, stop):
        if tokens[k].is_capitalized and tokens[k - 1].low in _THEREFORE:
            found = lead_form(text, tokens, k)  # "… nên UBND tỉnh yêu cầu Sở X khẩn trương …"
            if found and found[1]:
                return _assignment(text, tokens, i, found)
        if tokens[k].low != "giao" or tokens[k - 1].low in _NOT_HANDING or \
                (tokens[k].text != "giao" and tokens[k - 1].text != "("):
            continue  # (capitalised only as a bracket's first word: "… (Giao Ban X chủ trì, …)")
        if k >= 2 and " ".join(t.low for t in tokens[k - 2:k]) in _URGING or low_at(tokens, k - 1) == "sớm":
            continue  # "…; khẩn trương giao Ban Quản lý dự án cấp xã lập hồ sơ …": the actor's own prompt act
        first = _after_handing(tokens, k + _ASSIGN.match(tokens, k))
        if first >= stop or not (tokens[first].is_capitalized or tokens[first].low in ("các", "cho")):
            continue  # "họp giao ban UBND huyện": a meeting, not a handing
        found = lead_form(text, tokens, k)
        if found and found[1]:
            return _assignment(text, tokens, i, found)
    return None


def _assigns_own_units(tokens: list[Token], k: int, units: list[UnitRef]) -> bool:
    """"giao nhiệm vụ (cụ thể) cho các đơn vị trực thuộc / các cơ quan chức năng" inside a sentence without a
    subject: the unit the sentence's work belongs to shares it out among its own bodies; it hands nothing on."""
    words = [t.low for t in tokens[k + 1:k + 6]]
    if words[:2] != ["nhiệm", "vụ"] or "cho" not in words:
        return False
    return bool(units) and all(u.is_catchall or re.search(r"(?<!\w)(?:trực thuộc|chức năng|thuộc quyền)(?!\w)",
                                                          u.text, re.IGNORECASE) for u in units)


def _assignment(text: str, tokens: list[Token], start: int, found) -> Assignment:
    leads, explicit, action = found
    action_char = tokens[action].start if action < len(tokens) else len(text)
    return Assignment(leads, explicit, tokens[start].start, action_char)


def _partner_list(cue: re.Match, rest: str, tokens: list[Token]) -> tuple[list[UnitRef], int]:
    """The units a coordination cue names, and the token index after them."""
    units, end = parse_unit_list(rest, tokens, 0, raw=True, partners=True)
    if not units and [t.low for t in tokens[:2]] == ["lực", "lượng"] and len(tokens) > 2 and tokens[2].is_capitalized:
        units, end = parse_unit_list(rest, tokens, 2, raw=True, partners=True)  # "với lực lượng Bộ đội Biên phòng, …"
    if len(units) == 1 and units[0].is_catchall:
        named = _kind_then_names(rest, tokens, end)
        if named is not None:
            return named
    if units:
        return units, end
    # "phối hợp với cơ quan chức năng", "… với ngành y tế", "… với địa phương chỉ đạo"
    return plain_partners(rest, tokens, 0, lone=not (cue.group("bare") or cue.group("alongside")))


MAX_PARTNER_QUALIFIER = 3  # "(các lực lượng chức năng) trong tỉnh (như …)"


def _kind_then_names(rest: str, tokens: list[Token], end: int) -> tuple[list[UnitRef], int] | None:
    """"các lực lượng: Công an, Bộ đội Biên phòng", "các lực lượng Cảnh sát biển, Hải quan", "các lực lượng
    chức năng như Công an, Quản lý thị trường", "các sở, ngành (Tài chính, Xây dựng)": a kind, then the bodies
    it stands for, who are the partners."""
    k = end
    if low_at(tokens, k) != "như":
        # "các lực lượng chức năng trong tỉnh như …": where they are, then the examples
        k = next((m for m in range(end, min(len(tokens), end + MAX_PARTNER_QUALIFIER + 1))
                  if tokens[m].low == "như" or not tokens[m].is_word or tokens[m].is_capitalized), end)
        k = k if low_at(tokens, k) == "như" else end
    bracket = low_at(tokens, k) == "("
    if low_at(tokens, k) in (":", "(", "như"):
        k += 1
        k += low_at(tokens, k) == ":"  # "như:"
    if k >= len(tokens) or not tokens[k].is_capitalized:
        return None
    named, after = parse_unit_list(rest, tokens, k, raw=True, partners=True)
    if not named or any(u.is_catchall for u in named):
        return None
    return named, after + (bracket and low_at(tokens, after) == ")")


def _coordinator_spans(sentence: str, tokens: list[Token]) -> list[tuple[int, int]]:
    """Character spans of "phối hợp với A, B; C" lists: their ";" does not end a clause."""
    spans = []
    row = _row_cell(sentence, tokens, 0, "coordinators")
    if row is not None:
        spans.append((tokens[row[0]].start, tokens[row[1] - 1].end))
    for m in _COORD_CUE.finditer(sentence):
        rest = sentence[m.end():m.end() + LIST_WINDOW]
        sub = tokenize(rest)
        units, end = _partner_list(m, rest, sub)
        if units:
            spans.append((m.start(), m.end() + sub[end - 1].end))
    return spans


# "… đạt được một số kết quả nổi bật như sau:", "… những kết quả quan trọng sau:": the items are results
_RESULTS_BELOW = re.compile(r"(?:đạt được|đã đạt|có được)\s+(?:một số|những|các|nhiều)?\s*kết quả[^:;.]{0,40}:\s*$",
                            re.IGNORECASE)
_GROUNDS_AFTER_HEED = PhraseIndex(lx.phrases_of("căn cứ|trên cơ sở|dựa trên|bám sát"))


# A sentence's assignments (a title, then its paragraphs; the reader, then the topic and closing rules)
_READ_ASSIGNMENTS = DocumentMemo("read_assignments")
reading_assignments = _READ_ASSIGNMENTS.reading


def assignments_in(sentence: str) -> list[Assignment]:
    """Assignments of a sentence: its opening one and those opening later ";" clauses."""
    # a new list: a caller may filter it; the assignments themselves are never changed
    return list(_READ_ASSIGNMENTS.recall(sentence, _assignments_in, sentence))


def _assignments_in(sentence: str) -> list[Assignment]:
    tokens = tokenize(sentence)
    if not tokens:
        return []
    first = find_subject(sentence, tokens, 0, len(tokens))
    if first is None:
        # "Quán triệt sâu sắc ý kiến …; căn cứ vào …, Văn phòng X và các văn phòng Y cụ thể hoá …": a first
        # clause of what to heed, then grounds that lead to the subject
        grounds = next((k + 1 for k in range(len(tokens) - 1) if tokens[k].text == ";" and
                        _GROUNDS_AFTER_HEED.match(tokens, k + 1)), None)
        first = find_subject(sentence, tokens, grounds, len(tokens)) if grounds is not None and \
            is_predicate_at(tokens, 0, weak=False) else None
        if first is None:
            return []
    first.start = 0
    out = [first]
    if ROW_SENTENCE.match(sentence):
        return out  # a table row gives its work to its lead cell; units named in its content are no leads
    lead_end = max(u.end for u in first.leads)
    spans = _coordinator_spans(sentence, tokens)
    depth = 0
    for k in range(lead_end, len(tokens)):
        t = tokens[k].text
        depth += (t == "(") - (t == ")")
        if t == "…" and k + 1 < len(tokens) and tokens[k + 1].low in _HANDING_VERBS and not depth:
            t = ";"  # "… làm rõ… giao cho Sở Y chủ trì …": a newspaper's ellipsis between two handings it quotes
        if depth or t not in (";", ",") or k + 1 >= len(tokens):
            continue
        if any(a <= tokens[k].start < b for a, b in spans) or (t == "," and _passive_agents(sentence, tokens, 0, k + 1)):
            continue
        found = lead_form(sentence, tokens, k + 1)
        if found is None and t == ";":
            found = _connected_handing(sentence, tokens, k + 1)
        if found is None and t == ";" and _enumerator_end(tokens, k + 1) > k + 1:
            found = lead_form(sentence, tokens, _enumerator_end(tokens, k + 1))  # "…; (2) Công an xã …"
        if t == "," and found and not _comma_subject(tokens, k, found):
            continue
        if t == ";" and found and _partners_after_lead(tokens, k, found):
            continue
        if found and not found[0][0].distributive:
            out.append(_assignment(sentence, tokens, k + 1, found))
    return out


def _connected_handing(sentence: str, tokens: list[Token], j: int):
    """"…; đồng thời đề nghị các cơ quan …": a clause that hands more work on, its subject the sentence's."""
    k = j + (2 if [t.low for t in tokens[j:j + 2]] == ["đồng", "thời"] else 0)
    k += 1 if low_at(tokens, k) == "cũng" else 0
    if k == j or not _ASSIGN.match(tokens, k) or tokens[k].low not in _HANDING_VERBS:
        return None
    found = lead_form(sentence, tokens, k)
    return found if found is not None and found[1] else None


def _partners_after_lead(tokens: list[Token], semicolon: int, found) -> bool:
    """"Giao Sở X chủ trì; Sở Y, Sở Z phối hợp thực hiện": units that only "phối hợp" (no "với"), after a
    clause naming who "chủ trì", are that lead's partners, not leads of their own."""
    action = found[2]
    if low_at(tokens, action) != "phối" or low_at(tokens, action + 1) != "hợp" or \
            low_at(tokens, action + 2) in ("với", "cùng", "chặt"):
        return False
    return any(tokens[k].low == "chủ" and low_at(tokens, k + 1) == "trì" for k in range(semicolon))


def _comma_subject(tokens: list[Token], comma: int, found) -> bool:
    """"Sở Y tế rà soát cơ sở vật chất, Sở Tài chính bố trí kinh phí": a new named unit with a
    verb of its own after a comma starts a new assignment; "báo cáo UBND tỉnh, Chủ tịch UBND
    tỉnh xem xét" continues a list of objects and does not."""
    leads, explicit, action = found
    if explicit or any(u.kind not in ("named", "group") or u.distributive for u in leads):
        return False
    if action >= len(tokens) or tokens[action].low in _STATIVE or tokens[action].low == "phối" or \
            not is_predicate_at(tokens, action, weak=False):
        return False
    # The words before the comma must not end with a unit (an object list) or a handing verb.
    for start in range(max(0, comma - MAX_OBJECT_LIST), comma):
        parsed = parse_unit(tokens, start)
        if parsed and parsed[1] >= comma:
            return False  # an object list, or a comma inside a name ("các tỉnh Xa, Ya, Za xác định …")
    return not _ASSIGN.match(tokens, comma - 1) and not (comma >= 2 and _ASSIGN.match(tokens, comma - 2) == 2)


# --- drafts of tasks -----------------------------------------------------------------------

@dataclass
class Segment:
    text: str
    deadline: date | None
    recurrence: str | None
    first: bool  # opens a sentence (joined with a space, not "; ")
    action: str  # the clause without its lead and "chủ trì, phối hợp với …"


@dataclass
class Draft:
    lead: str
    key: str
    section: str | None
    coordinators: list[UnitRef] = field(default_factory=list)
    segments: list[Segment] = field(default_factory=list)

    def add(self, text: str, action: str, default_year: int | date, coordinators: list[UnitRef]) -> None:
        clauses = [part for clause in _clauses(text) for cut in _report_at_cadence(clause)
                   for part in _parts_by_deadline(cut, default_year)]
        first_action = (_clauses(action) or [""])[0]
        # "Thống nhất tổ chức Hội nghị …; giao Văn phòng X chuẩn bị nội dung.": what the meeting agreed to
        # before the clause that hands the work is not the unit's work.
        opening = next((k for k, clause in enumerate(clauses) if first_action.strip(" .") in clause), 0)
        if opening and not any(find_deadline(c, default_year) or find_recurrence(c) for c in clauses[:opening]):
            clauses = clauses[opening:]
        for index, clause in enumerate(clauses):
            recurrence = find_recurrence(clause)
            deadline = None if recurrence else find_deadline(clause, default_year)
            self.segments.append(Segment(clause, deadline, recurrence, index == 0,
                                         first_action if index == 0 else clause))
        known = {fold(c.text) for c in self.coordinators}
        for unit in coordinators:
            if fold(unit.text) not in known and fold(unit.text) != self.key:
                self.coordinators.append(unit)
                known.add(fold(unit.text))


def _clauses(text: str) -> list[str]:
    return [c.strip() for c in re.split(r";\s+", text) if c.strip()]


# What hands the later date to someone else: "gửi Sở Nội vụ trước ngày 10/6 để tổng hợp, báo cáo UBND
# tỉnh trước ngày 20/6" gives the 20/6 to the Sở.
_HANDED_ON = re.compile(r"(?<!\w)(?:để|nhằm|giúp|cho|sau\s+khi)(?!\w)", re.IGNORECASE)


_NUMBERS = re.compile(r"\d+")


_CADENCE_REPORT = re.compile(r",\s+(?=(?:định kỳ\s+)?(?:hằng|hàng)\s+(?:tuần|tháng|quý|năm)\s*,?\s+báo cáo(?!\w))",
                             re.IGNORECASE)


def _report_at_cadence(clause: str) -> list[str]:
    """"… trả lời kiến nghị của cử tri, định kỳ hàng quý báo cáo kết quả": the report at a cadence after a
    comma is a part of its own, so a date announced over the work dates the work, not the report."""
    m = _CADENCE_REPORT.search(clause)
    if m is None or find_recurrence(clause[:m.start()]):
        return [clause]
    return [clause[:m.start()], clause[m.end():]]


def _parts_by_deadline(clause: str, default_year: int | date) -> list[str]:
    """"… xong trước ngày 01/5 đối với phần A, xong trước ngày 01/8 đối với phần B": one part per
    deadline (GUIDELINES: one task per deadline), cut at the comma before each later one."""
    if len(_NUMBERS.findall(clause)) < 2:
        return [clause]  # two dates need two numbers at least
    found = deadlines_in(clause, default_year)
    cuts, last = [], found[0] if found else None
    for at, day in found[1:]:
        if last is None or day == last[1]:
            continue
        between = clause[last[0]:at]
        comma = between.rfind(", ")
        if comma < 0 or _HANDED_ON.search(between) or find_recurrence(clause):
            continue
        cuts.append(last[0] + comma)
        last = (at, day)
    if not cuts:
        return [clause]
    bounds = [0, *cuts, len(clause)]
    parts = (clause[a:b].strip(" ,") for a, b in zip(bounds, bounds[1:], strict=False))
    return [part for part in parts if part]


def lead_key(name: str) -> str:
    return re.sub(r"^(?:các|những)\s+", "", fold(name)).strip()


def coordinators_in(text: str, action: int = 0) -> list[UnitRef]:
    """Units named after "phối hợp với" in text; action is where the lead's action begins."""
    out: list[UnitRef] = []
    row = _row_cell(text, tokenize(text), 0, "coordinators") if ROW_SENTENCE.match(text) else None
    if row is not None:
        # A table row's sentence: its partners' cell holds the partners and nothing else.
        units = cell_units(text, tokenize(text), *row, raw=True)
        if units is not None:
            return [u for u in units if not u.distributive]
    for m in _COORD_CUE.finditer(text):
        if m.start() >= action and _directed_object(text[max(action, text.rfind(";", 0, m.start()) + 1):m.start()]):
            continue
        if m.group("along") and m.start() < action:
            continue  # "Sở X cùng với Sở Y rà soát …": two leads, not a lead and its partner
        if m.group("joining") and not _JOINS_THE_LEAD.search(text[action:m.start()]):
            continue  # "tổ chức diễn đàn với sự tham gia của Bộ X": who attends the event, not a partner
        rest = text[m.end():m.end() + LIST_WINDOW]
        tokens = tokenize(rest)
        units, _ = _partner_list(m, rest, tokens)
        out.extend(u for u in units if not u.distributive)
    return out + _partners_named_before(text[action:])


# "Giao Sở Y tế chủ trì, với sự tham gia của Sở Tài chính, …": taking part in the task is said right
# after the lead (or its "chủ trì"); after an object it is taking part in that event or body.
_JOINS_THE_LEAD = re.compile(r"(?:,|chủ trì|^)\s*$", re.IGNORECASE)


# "Giao Công an xã chủ trì, Ban Chỉ huy Quân sự xã phối hợp …", "… chủ trì; Sở Y, Sở Z phối hợp":
# the partner named before its verb.
_PARTNER_BEFORE = re.compile(r"chủ trì(?:\s+thực hiện)?\s*[,;]\s*", re.IGNORECASE)


def _partners_named_before(text: str) -> list[UnitRef]:
    out: list[UnitRef] = []
    for m in _PARTNER_BEFORE.finditer(text):
        rest = text[m.end():m.end() + LIST_WINDOW]
        tokens = tokenize(rest)
        units, end = parse_unit_list(rest, tokens, 0)
        if units and end + 1 < len(tokens) and tokens[end].low == "phối" and tokens[end + 1].low == "hợp":
            out.extend(u for u in units if not u.distributive)
    return out


# "tham gia, phối hợp với …", "hỗ trợ và phối hợp với …": verbs of joining in that pair with "phối hợp".
_JOINING_VERBS = [[*verb.split(), joint] for verb in ("tham gia", "hỗ trợ", "cùng tham gia") for joint in (",", "và")]


def _directed_object(clause: str) -> bool:
    """"… chỉ đạo Thanh tra Sở" before "phối hợp với": the object unit is the one coordinating.
    After a comma ("chỉ đạo các cơ quan trên địa bàn, phối hợp chặt chẽ với Bộ Công an …") the
    lead goes on with a verb of its own."""
    for m in _DIRECTING.finditer(clause):
        rest = clause[m.end():].rstrip().removesuffix(":").rstrip()  # "chỉ đạo Công an xã: Phối hợp với …"
        tokens = tokenize(rest)
        units, end = parse_unit_list(rest, tokens, 0, raw=True)
        if units and all(_OWN_UNITS.match(u.text) for u in units):
            # "chỉ đạo các đơn vị trực thuộc phối hợp chặt chẽ lực lượng Công an …": the lead's own units
            # work with the partner for it, the partner is the lead's
            continue
        if units and end >= len(tokens):
            return True
        if units and [t.low for t in tokens[end:]] in _JOINING_VERBS:
            return True  # "chỉ đạo Công an các phường tham gia, phối hợp với …": the verbs of the unit directed
        if 0 < len(tokens) <= MAX_OBJECT_WORDS and all(t.is_word and (t.is_capitalized or not is_predicate_at(
                tokens, k, weak=False)) for k, t in enumerate(tokens)):
            return True  # "chỉ đạo lực lượng thanh tra giao thông phối hợp với …": an object in plain words
    return False


_OWN_UNITS = re.compile(r"^(?:các\s+)?(?:đơn vị|cơ quan|phòng|bộ phận|lực lượng)(?:,\s*(?:đơn vị|cơ quan|phòng))*\s+"
                        r"(?:trực thuộc|thuộc quyền|chuyên môn|chức năng)(?:\s+(?:trực thuộc|thuộc quyền))?$", re.IGNORECASE)


def select_coordinators(units: list[UnitRef], lead: str | None = None) -> list[str]:
    """Named coordinators in text order; a catch-all only when nobody is named. A unit never works
    with itself: the lead, named again among the partners ("Sở A chủ trì, phối hợp với Sở A, Sở B"
    as a table's cells run together), is none of them."""
    if lead is not None:
        units = [u for u in units if lead_key(u.text) != lead_key(lead)]
    if len(units) > 1 and all(u.is_catchall or _KINDS_ONLY.match(u.text) for u in units):
        # "Các bộ, cơ quan, địa phương và các đơn vị có liên quan": kinds of body and those concerned, nobody
        # named; the run is one catch-all
        return [", ".join(u.text for u in units)]
    # ("các sở, ban, ngành, đoàn thể" leads as a group of its own, but among partners it names nobody)
    named = [u for u in units if not (u.is_catchall or _WITH_MASS_KINDS.match(u.text))]
    chosen = named or units[:1]
    return [u.text for u in chosen]


_KIND = r"(?:bộ|cơ quan|đơn vị|sở|ban|ngành|địa phương|lực lượng)"
_KINDS_ONLY = re.compile(rf"^(?:các\s+)?{_KIND}(?:\s*,\s*{_KIND})*$", re.IGNORECASE)
_WITH_MASS_KINDS = re.compile(rf"^(?=.*đoàn thể)(?=.*,)(?:(?:thủ trưởng|người đứng đầu|lãnh đạo)\s+)?(?:các\s+)?"
                              rf"(?:{_KIND}|đoàn thể|tổ chức)(?:\s*,\s*(?:{_KIND}|đoàn thể|tổ chức))*"
                              r"(?:\s+(?:có\s+)?liên quan)?$", re.IGNORECASE)


def select_leads(units: list[UnitRef]) -> list[UnitRef]:
    """One task per lead; a catch-all closing a list of several is dropped."""
    units = _merged_catchalls(list(units))
    while len(units) > 1 and units[-1].is_catchall:
        units.pop()
    return units


def _merged_catchalls(units: list[UnitRef]) -> list[UnitRef]:
    """"các cơ quan, đơn vị, các ngành có liên quan": two runs of kinds in a row are one group."""
    out: list[UnitRef] = []
    for unit in units:
        if out and out[-1].is_catchall and unit.is_catchall and unit.start == out[-1].end + 1 and \
                not unit.distributive and not out[-1].head_title and not unit.head_title and not unit.after_semicolon:
            out[-1] = UnitRef(f"{out[-1].text}, {unit.text}", out[-1].kind, out[-1].start, unit.end)
        else:
            out.append(unit)
    return out


_FUNCTION_CLAUSE = re.compile(
    r"(?:căn cứ\s+(?:vào\s+)?(?:theo\s+)?|theo\s+)chức năng(?:,?\s*nhiệm vụ)?(?:,?\s*(?:quyền hạn|thẩm quyền|phạm vi quản lý))*"
    r"(?:\s+(?:được giao|của mình|của đơn vị|của ngành(?:,?\s*(?:địa phương|đơn vị))?(?: mình)?))?"
    # "Căn cứ chức năng, nhiệm vụ được giao và Kế hoạch này, …": the basis names the plan too
    r"(?:\s+(?:và|tại|theo)\s+(?:(?:Chương trình|Kế hoạch|Chỉ thị|Quyết định|Đề án|Thông báo) này|nội dung trên))?",
    re.IGNORECASE)


# "…, trên cơ sở chức năng nhiệm vụ được giao, tích cực tham mưu …": on what basis, not what.
_BASIS = re.compile(r"(?:trên cơ sở|căn cứ)\s[^,;:()]{0,80},\s*(?=\w)", re.IGNORECASE)


def _without_partners_before(rest: str) -> str:
    """", Sở Y tế, Sở Tài chính phối hợp tổ chức …" after "chủ trì": the partners named before their verb
    (read by _partners_named_before) are not the action."""
    m = _PARTNER_BEFORE.match("chủ trì" + rest)
    if m is None:
        return rest
    tail = rest[m.end() - len("chủ trì"):]
    tokens = tokenize(tail[:LIST_WINDOW])
    units, end = parse_unit_list(tail, tokens, 0)
    if units and end + 1 < len(tokens) and tokens[end].low == "phối" and tokens[end + 1].low == "hợp":
        after = end + 2 + (low_at(tokens, end + 2) == "thực" and low_at(tokens, end + 3) == "hiện") * 2
        return tail[tokens[after].start:] if after < len(tokens) else ""
    return rest


def action_text(text: str, start: int = 0) -> str:
    """The action itself: without "chủ trì", the "phối hợp với …" list, "theo chức năng …"."""
    rest = text[start:]
    while True:
        rest = re.sub(r"^\([^()]*\)", "", rest.lstrip(" ,:;.-")).lstrip(" ,:;.-")  # "(nay là Sở …) chủ trì …"
        m = ROW_ACTION.match(rest) or re.match(r"chủ trì\b", rest, re.IGNORECASE) or _FUNCTION_CLAUSE.match(rest) or \
            _BASIS.match(rest)
        if m:
            after_lead_role = re.match(r"chủ trì\b", rest, re.IGNORECASE) is not None
            rest = rest[m.end():]
            if after_lead_role:
                rest = _without_partners_before(rest)
            continue
        m = _COORD_CUE.match(rest)
        if m:
            after = rest[m.end():]
            tokens = tokenize(after[:LIST_WINDOW])
            _, end = parse_unit_list(after, tokens, 0, raw=True, partners=True)  # as coordinators_in reads them
            if end or not (m.group("bare") or m.group("alongside")):
                rest = after[tokens[end].start:] if 0 < end < len(tokens) else ("" if end else after)
                continue
        whole = text[start:].strip(" ,:;.-")
        left = tokenize(rest)
        if re.match(r"(?:tích cực\s+|chủ động\s+)?phối hợp\b", whole, re.IGNORECASE) and \
                not any(is_predicate_at(left, k, weak=False) for k in range(len(left))):
            # "- Phối hợp chặt chẽ với thành phố.": working with them is the whole action ("chủ trì, phối hợp
            # với …" alone is a heading over the work, no action)
            return whole
        return rest.strip()


# A table row reads "… thực hiện: <content>. Thời hạn: …. Sản phẩm: …": the summary is the content.
_ROW_LEAD_IN = re.compile(r"^thực hiện\s*:\s*", re.IGNORECASE)
_ROW_FIELDS = re.compile(r"[.;]?\s*;\s*(?:thời hạn|sản phẩm)\s*:.*$", re.IGNORECASE)


def summary_of(action: str) -> str:
    action = _ROW_FIELDS.sub("", _ROW_LEAD_IN.sub("", action))
    words = action.split()
    text = " ".join(words[:SUMMARY_WORDS]).rstrip(",;:.”\"")
    return capitalize_first(text) + ("…" if len(words) > SUMMARY_WORDS else "")


OUTPUT_WORDS = 14  # words of a product's name kept; a longer one ends with "…"
_PRODUCT = re.compile(
    r"(?:xây dựng|ban hành|lập|trình|hoàn thiện|tham mưu|dự thảo|soạn thảo|chuẩn bị|đề xuất|báo cáo)\s+"
    r"((?:" + "|".join(lx.OUTPUT_NOUNS) + r")(?:\s+[^\s,;.()]+|,\s+chống){0,12})", re.IGNORECASE)
# "báo cáo UBND tỉnh kết quả thực hiện": a report, with the body it goes to.
_REPORT = re.compile(r"(?<!\w)[Bb]áo cáo\s+((?:UBND|Ủy ban|Uỷ ban|Chủ tịch|Thường trực|Ban|Bộ|Sở|Văn phòng|Thủ tướng|"
                     r"Chính phủ|HĐND|Hội đồng|Tỉnh ủy|Tỉnh uỷ|Huyện ủy|Huyện uỷ|Thành ủy|Đảng ủy|Cấp ủy|Trưởng ban|"
                     r"Giám đốc|kết quả|tình hình)\b[^,;.()]*)")
# Where a product's name stops: the deadline, the purpose, the next step.
_PRODUCT_END = re.compile(r"\s+(?:trước|trong|chậm nhất|hoàn thành|xong|theo quy định|để|nhằm|xem xét|trình|gửi|qua|"
                          r"và|đồng thời|định kỳ|hằng|hàng|ngay|kịp thời|trên cơ sở)(?!\w).*$", re.IGNORECASE)
MAX_OUTPUT_WORDS = 14

# A "Sản phẩm" column or line names the product outright.
_STATED_OUTPUT = re.compile(r"(?<!\w)sản phẩm(?:\s+đầu\s+ra)?\s*:\s*([^;]+?)\s*(?:[.;]|$)", re.IGNORECASE)


def output_of(action: str, text: str = "") -> str | None:
    """The expected product of an action: a "Sản phẩm" line, a named document ("Kế hoạch phòng,
    chống dịch …"), a report and its addressee ("Báo cáo UBND tỉnh kết quả …"), or "Báo cáo"."""
    stated = _STATED_OUTPUT.search(text or action)
    if stated:
        return capitalize_first(stated.group(1))
    for pattern in (_PRODUCT, _REPORT):
        found = pattern.search(action)
        if found:
            name = _PRODUCT_END.sub("", found.group(1).strip()).strip(" ,")
            words = name.split()
            if words:
                return capitalize_first(("Báo cáo " if pattern is _REPORT else "")
                                        + " ".join(words[:MAX_OUTPUT_WORDS]))
    if re.search(r"(?<!\w)báo cáo(?!\w)", action, re.IGNORECASE):
        return "Báo cáo"
    return None


# --- one block -----------------------------------------------------------------------------

@dataclass
class Scope:
    leads: list[UnitRef]
    coordinators: list[UnitRef]
    explicit: bool = False  # given by "Giao/Đề nghị/Yêu cầu X": binds a whole list of items
    speakers: tuple[str, ...] = ()  # "UBND xã X thông báo như sau:": who speaks in the items below
    partners_below: bool = False  # "b) Chủ trì, phối hợp" over "- Sở A tham mưu …": the items name the partners


_ITEM_MARK = re.compile(r"^\s*(?:[-–—•+*]|\d+(?:\.\d+)*[.)]|[a-zđ][.)])\s*")
_ENCLOSES = re.compile(r"^\s*(?:xin\s+|trân trọng\s+)?(?:gửi\s+kèm(?:\s+theo)?|kèm\s+theo|đính\s+kèm)\s", re.IGNORECASE)
_APPROVES_PAPER = re.compile(r"^\s*(?:cơ bản\s+)?(?:đồng ý|nhất trí|thống nhất)\s+(?:với\s+)?(?:(?:các|những)\s+)?"
                             r"(?:nội dung|đề xuất|tờ trình|chủ trương|báo cáo|dự thảo|phương án|ý kiến)(?!\w)",
                             re.IGNORECASE)
_APPROVES = re.compile(r"^\s*(?:cơ bản\s+)?(?:đồng ý|nhất trí)\s+(?!giao|để|cho\s+\w+\s+(?:chủ trì|thực hiện))",
                       re.IGNORECASE)
_CONVEYS = re.compile(r"^\s*(?:(?:vừa|đã)\s+)?(?:có\s+(?:văn bản|công văn)\s+(?:số\s+\S+\s+)?)?(?:thông báo|truyền đạt)\s+"
                      r"(?:ý kiến|kết luận)(?:\s+chỉ đạo)?\s+(?:của\s+)?(?:đồng chí|ông|bà|lãnh đạo|chủ tịch|phó chủ tịch|"
                      r"thủ tướng|phó thủ tướng)", re.IGNORECASE)
MAX_OPENING_CHARS = 120  # enough of an item to see whether a verb or a unit opens it


def item_opens_work(text: str) -> bool:
    """Whether an item opens with a verb, a handing or a unit: work of its own, not a line naming what a
    list above it covers ("+ Vùng đô thị …", "2. Những đề xuất, kiến nghị")."""
    tokens = tokenize(_ITEM_MARK.sub("", text)[:MAX_OPENING_CHARS])
    return is_predicate_at(tokens, 0, weak=False) or bool(_ASSIGN.match(tokens, 0)) or bool(parse_unit(tokens, 0))
# An item that states a case and what follows in it: "Khiếu nại về … thì chuyển đến …", "Trường hợp …"
_CASE_ITEM = re.compile(r"^(?:(?:Trường hợp|Nếu)\s|[^.;:]{3,200}?\sthì\s)")


_CONTENT_LIST = re.compile(r"\s*,?\s*(?:bao gồm|gồm)(?:\s+(?:các|những)\s[^:]{0,40})?\s*:\s*$", re.IGNORECASE)
_FORMS_LIST = re.compile(r"\s*,?\s*theo\s+(?:các\s+)?(?:biểu\s+)?mẫu(?:\s+(?:sau|sau đây|như sau|dưới đây))?\s*:\s*$", re.IGNORECASE)
_WITH_PARTNERS = re.compile(r"^\s*(?:chủ trì\s*,\s*)?(?:(?:chủ động|tích cực|thường xuyên)\s+)?phối hợp"
                            r"(?:\s+chặt chẽ)?(?:\s+với)?\s+", re.IGNORECASE)


_LEADS_WITH_ITEMS = re.compile(r"^\s*chủ trì\s*,\s*phối hợp(?:\s+với)?\s*[:.]?\s*$", re.IGNORECASE)


def _partners_only(sentence: str) -> bool:
    """"Chủ trì, phối hợp với các sở, ban, ngành và cơ quan, đơn vị có liên quan:": partners named, no work."""
    m = _WITH_PARTNERS.match(sentence)
    if not m:
        return False
    rest = sentence[m.end():].rstrip(" .:;")
    tokens = tokenize(rest)
    units, end = parse_unit_list(rest, tokens, 0, raw=True, partners=True)
    return bool(units) and end >= len(tokens)


def _body_key(name: str) -> str:
    return " ".join("ủy ban nhân dân" if w == "ubnd" else w for w in fold(name).replace("uỷ", "ủy").split())


def _speaks(leads: list[UnitRef], speakers: tuple[str, ...]) -> bool:
    """"UBND xã chỉ xem xét …" under "Ủy ban nhân dân xã X thông báo như sau:": the speaker's own
    statement, not work it gives anyone."""
    keys = [_body_key(s) for s in speakers]
    return bool(keys) and all(any(k == _body_key(u.text) or k.startswith(_body_key(u.text) + " ") for k in keys)
                              for u in leads)


# The formula that sends a notice out: "UBND huyện thông báo để các cơ quan … biết, thực hiện./."
_SENDING = re.compile(r"^(?:xin\s+)?(?:thông báo|sao gửi|gửi)\s+(?:để|cho|đến|tới)\b", re.IGNORECASE)


# "Văn phòng Chính phủ thông báo Bộ X biết, thực hiện./.": the letter's sending formula, whoever it names.
# ("Tổng cục Thuế trả lời để Cục Thuế tỉnh X biết./": a ruling's answer, sent the same way)
_LET_KNOW = re.compile(r"^(?:xin\s+)?(?:thông báo|sao gửi|gửi|trả lời)(?!\w)[^.;]{0,200}?(?<!\w)biết"
                       r"(?:\s*(?:,|và|để)\s*(?:thực hiện|triển khai thực hiện|phối hợp thực hiện|chỉ đạo thực hiện))?"
                       r"\s*[./]*$", re.IGNORECASE)
# "- Là đơn vị đồng phối hợp tổ chức chương trình." under a unit's heading: the part it plays, no work
# (a short sentence without a comma: "Là đơn vị trực tiếp tiếp nhận thông tin và xử lý …" goes on to the work)
_PART_ONLY = re.compile(r"^là\s+(?:cơ quan|đơn vị)\s", re.IGNORECASE)
MAX_PART_WORDS = 10
# "Bộ Y tế trân trọng cảm ơn./.", "Rất mong nhận được sự phối hợp của Quý cơ quan./.": courtesy, no work.
_THANKS = re.compile(r"^(?:xin\s+)?(?:trân trọng\s+)?(?:cảm ơn|cám ơn)(?!\w)[^.;]{0,80}[./]*$"
                     # "… rất mong nhận được sự ủng hộ …", "… trân trọng những đóng góp …": the appeal that closes it
                     r"|^(?:rất\s+)?mong\s+nhận\s+được(?!\w)|^trân trọng\s+(?:những|mọi|sự)\s", re.IGNORECASE)
_OCR_TAIL = re.compile(r"\.\s+[^\s.]{1,4}[!.]?\s*$")
_TEXT_END = re.compile(r"\./\.\s*$")
_OWN_ACCOUNTABILITY = re.compile(r"^\s*(?:phải\s+)?(?:trực tiếp\s+)?chịu trách nhiệm(?!\s+(?:chủ trì|thực hiện|triển khai|"
                                 r"tổ chức|tham mưu|hướng dẫn|theo dõi|kiểm tra))", re.IGNORECASE)
# "Chịu trách nhiệm toàn diện về …, chủ động chỉ đạo …": a duty after the accountability.
_DUTY_AFTER = re.compile(r"[,;]\s*(?:đồng thời\s+)?(?:chủ động|chỉ đạo|tổ chức|triển khai|khẩn trương|tập trung|"
                         r"huy động|tiếp tục|kiểm tra|rà soát)(?!\w)", re.IGNORECASE)


def _is_head(lead: str) -> bool:
    """"Người đứng đầu các cơ quan …", "Chủ tịch UBND các xã", "Đồng chí Giám đốc Sở …"."""
    tokens = tokenize(lead)
    start = 2 if len(tokens) > 2 and tokens[0].low == "đồng" and tokens[1].low == "chí" else 0
    return bool(_HEAD_TITLE.match(tokens, start))


# "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các đơn vị kịp thời phản ánh về Sở X …": the
# formula that ends a plan, not a task.
_IF_DIFFICULT = re.compile(r"(?:nếu|trường hợp|khi)\s+(?:có\s+)?(?:phát sinh\s+)?(?:khó khăn|vướng mắc)", re.IGNORECASE)
_TELL_BACK = re.compile(r"^(?:kịp thời\s+|chủ động\s+)?(?:phản ánh|báo cáo|đề xuất|gửi|thông tin|trao đổi|liên hệ)(?!\w)",
                        re.IGNORECASE)


_TELL_BACK_ANYWHERE = re.compile(r"(?<!\w)(?:phản ánh|liên hệ|trao đổi)(?!\w)", re.IGNORECASE)
MAX_WORDS_TO_TELL_BACK = 8  # "…, cơ quan, đơn vị chủ động liên hệ"


def _unaddressed_difficulty(sentence: str) -> bool:
    """"Trong quá trình triển khai, nếu phát sinh vướng mắc, cơ quan, đơn vị chủ động liên hệ với …": the
    closing formula with its subject in bare kinds, no work of the units above."""
    difficult = _IF_DIFFICULT.search(sentence)
    if not difficult:
        return False
    rest = sentence[difficult.end():]
    tell = _TELL_BACK_ANYWHERE.search(rest)
    return tell is not None and len(rest[:tell.start()].split()) <= MAX_WORDS_TO_TELL_BACK


def _is_closing(sentence: str, action: str, leads: list[UnitRef] | None = None, handed: bool = False,
                explicit: bool = False) -> bool:
    """The closing call to implement. A sentence ending the text ("./.") that gives a named unit
    a duty of its own ("Công an tỉnh có trách nhiệm theo dõi, đôn đốc …./.") is still a task, and
    so is "triển khai thực hiện" handed to one unit that leads others (handed). The sending formula
    is the issuer's: a unit handed "thông báo cho người dân …" or "gửi cho Sở …" (explicit) has work."""
    # "… nghiêm túc triển khai thực hiện. gaa!": what OCR made of the closing "./." is no word of it.
    action = _OCR_TAIL.sub(".", action)
    if not explicit and (_SENDING.match(action.strip()) or _LET_KNOW.match(action.strip())) or \
            _THANKS.match(action.strip()) or _PART_ONLY.match(action.strip()) and "," not in action and \
            len(action.split()) <= MAX_PART_WORDS:
        return True
    # "Quý cơ quan", "Quý đơn vị": the letter's readers, however addressed
    if leads and all(u.kind in ("group", "catchall") or u.text.startswith("Quý ") for u in leads) and \
            _TELL_BACK.match(action.strip()) and \
            _IF_DIFFICULT.search(sentence):
        return True  # a named unit told to settle what exceeds it ("… vượt thẩm quyền, Bộ X báo cáo …") has work
    if handed and leads and all(u.kind in ("named", "role", "person") for u in leads) and \
            not (_ON_THE_ABOVE.match(sentence) and _IMPLEMENT_ONLY.match(action.strip())):
        # ("Căn cứ nội dung trên, đề nghị Sở A, Sở B phối hợp với … triển khai thực hiện./.": the closing call)
        return False
    if leads and _DATED_STEP.search(sentence):
        # "Nhận được công văn này, yêu cầu Hiệu trưởng các trường … nộp báo cáo … trước ngày 23/4./.": the
        # closing formula carries a dated step of the work
        return False
    if _IMPLEMENT_ONLY.match(action.strip()) or _DIRECT_TO_IMPLEMENT.match(action.strip()):
        return True
    heads_work = any(u.kind == "person" for u in leads or []) and not _CARRY_OUT.search(action[:MAX_CALL_CHARS])
    if leads and (any(u.kind in ("named", "role") for u in leads) or heads_work or _OWN_WORK.match(action.strip()) or
                  any(u.kind == "group" for u in leads) and
                  not _IMPLEMENT_ONLY.match(action.split(";")[0].strip() + ".")):
        # "Các đơn vị tổ chức trực ban và thực hiện chế độ báo cáo …./.": work of its own, ending the text;
        # "các sở … triển khai thực hiện; nếu có khó khăn … báo cáo./.": the closing call still
        sentence = re.sub(r"\./\.\s*$", "", sentence)
    if leads and (_OWN_WORK.match(action.strip()) or not _CARRY_OUT.search(action[:MAX_CALL_CHARS])):
        # "Căn cứ nội dung Kế hoạch này, các sở … xây dựng kế hoạch chi tiết …", "Căn cứ nội dung này, các
        # trường điều chỉnh …": the basis of a duty of its own, not the closing "Căn cứ nội dung trên, các
        # đơn vị tổ chức thực hiện."
        sentence = re.sub(r"^\s*căn cứ [^,;]{0,80},\s*", "", sentence, flags=re.IGNORECASE)
    return bool(_CLOSING.search(sentence))


# "Giám đốc các sở … triển khai thực hiện đảm bảo mục đích, yêu cầu …./.", "… dành thời gian quan tâm, lãnh đạo …":
# heads called to carry the text out, the closing call; any other work of theirs ending the text is a task
_CARRY_OUT = re.compile(r"(?:triển khai|tổ chức)\s+thực hiện|quan tâm,?\s+lãnh đạo", re.IGNORECASE)
MAX_CALL_CHARS = 80
_DATED_STEP = re.compile(r"(?<!\w)(?:trước|chậm nhất)(?!\w)[^.;]{0,25}?\d{1,2}/\d{1,2}/\d{2,4}", re.IGNORECASE)


# A duty of its own, not the formula "if there are difficulties, report them" nor "implement this".
_OWN_WORK = re.compile(r"^(?:(?:chỉ đạo|khẩn trương|tiếp tục|chủ động)\s*,?\s+)?(?:tổ chức trực|trực ban|bố trí|cử|rà soát|kiểm tra|cập nhật|tổng hợp|thống kê|"
                       r"xây dựng|ban hành|tuyên truyền|tổ chức (?!thực hiện|triển khai))", re.IGNORECASE)


# "Các nội dung trên phải được cụ thể hóa trong …": a thing is subject, in the passive, with no
# actor; what it says ("hợp tác ODA hàng năm") is no part of the task before it.
_PASSIVE_THING = re.compile(r"^(?:các|những)\s+(?:nội dung|kiến nghị|đề xuất|vấn đề|vướng mắc|kết quả)(?:\s+\w+){0,3}\s+"
                            r"(?:phải|cần|sẽ)\s+được(?!\w)"
                            # "Kinh phí thực hiện … theo quy định": where the money comes from, with no actor
                            r"|^(?:nguồn\s+)?(?:kinh phí|vốn|ngân sách)\s+(?:thực hiện|triển khai|bảo đảm|để|cho|"
                            r"tổ chức|hoạt động)(?!\w)", re.IGNORECASE)


# "Các đơn vị thực hiện trước ngày 24/3/2016.": when the work is due, nothing more.
_WHEN_ONLY = re.compile(r"^(?:thực hiện|hoàn thành|hoàn tất|triển khai)(?:\s+xong)?\s*,?\s*(?:trước|chậm nhất|"
                        r"trong|xong trước)(?!\w)[^,;:]*\d[^,;:]*$", re.IGNORECASE)


# "Các sở … thực hiện các nhiệm vụ tại Phụ lục kèm theo": the annex's rows are the tasks.
_ANNEX_POINTER = re.compile(r"^(?:chủ động\s+)?(?:tổ chức\s+)?(?:thực hiện|triển khai)\s+(?:tốt\s+)?(?:các\s+)?"
                            r"(?:nhiệm vụ|nội dung|công việc)(?:\s+(?:được\s+)?giao)?(?:\s+cụ\s+thể)?\s+"
                            r"(?:tại|theo|nêu tại|ghi tại|trong)\s+(?:các\s+)?(?:phụ lục|biểu|danh mục)", re.IGNORECASE)


# "… phải tuân thủ … những quy định cụ thể sau đây:": rules or requirements listed after, not work.
_RULES_BELOW = re.compile(r"(?:quy định|yêu cầu|điều kiện|tiêu chuẩn)(?:\s+cụ thể)?\s+(?:sau đây|sau|như sau)\s*:\s*$",
                          re.IGNORECASE)
# A sentence with a thing, not a unit, for subject, saying what the thing holds.
_DESCRIBES_CONTENT = re.compile(r"(?<!\w)(?:phải|cần|gồm|bao gồm|có các|có những|lưu ý)(?!\w)", re.IGNORECASE)


_LEADS_OTHERS = re.compile(r"^[\s,]*(?:chủ trì|(?:có trách nhiệm\s+)?phối hợp(?:\s+chặt chẽ)?\s+với)\b", re.IGNORECASE)


def _leads_others(action_part: str) -> bool:
    """"Giao Sở X chủ trì, phối hợp với …": the unit is put in charge, whatever the action's words."""
    return bool(_LEADS_OTHERS.match(action_part))


# A line that only says when: "Thời hạn: …", "Hoàn thành trước ngày …", "Chậm nhất ngày …".
_TIME_ONLY = re.compile(r"^(?:thời hạn|thời gian|hoàn thành|hoàn tất|xong|trước ngày|chậm nhất|trong thời hạn|"
                        r"sản phẩm)(?!\w)", re.IGNORECASE)


# "Hoàn thành 100% thủ tục … trực tuyến trong năm 2025": completing a thing named after the verb is a duty
_COMPLETES_A_THING = re.compile(r"^(?:hoàn thành|hoàn tất)\s+(?!trước|trong|chậm nhất|xong|vào|ngày|đúng|theo|:|,)\w",
                                re.IGNORECASE)


# "Thời hạn hoàn thành: …", "Thời gian thực hiện: …": a field of the item, not a clause of its last sentence
_DEADLINE_FIELD = re.compile(r"^(?:thời hạn|thời gian)(?:\s+(?:hoàn thành|thực hiện))?\s*:", re.IGNORECASE)


def _time_only(sentence: str) -> bool:
    """"Thời hạn hoàn thành trước ngày 31/3" says when; "Trước ngày 31/12/2025, xây dựng kế hoạch …"
    opens a duty of its own after the time."""
    if not _TIME_ONLY.match(sentence) or _COMPLETES_A_THING.match(sentence):
        return False
    comma = sentence.find(",")
    return comma < 0 or not is_predicate_at(tokenize(sentence[comma + 1:]), 0, weak=False)


# "Báo cáo của các đơn vị gửi về UBND tỉnh trước ngày 05/6/2026.": when and where the paper asked for in
# the paragraph before is sent, with the paper, not a unit, for subject.
# Whose paper it is ("của") tells the noun from the verb: "Báo cáo kế hoạch …, gửi Bộ X trước ngày …" is
# a step of its own.
_SENT_IN = re.compile(r"^(?:báo cáo|văn bản|kết quả|ý kiến|hồ sơ|danh sách|số liệu|đề xuất|dự thảo|biểu mẫu)"
                      r"(?!\w)[^.;:]{0,80}?(?<!\w)của\s[^.;:]{0,200}?(?<!\w)(?:(?:đề nghị|xin|vui lòng)\s+)?(?:được\s+)?"
                      r"gửi(?!\w)",
                      re.IGNORECASE)


# Sending back what was asked for: "gửi báo cáo về Sở X", "nộp kết quả về …", "gửi về …".
_SEND_BACK = re.compile(r"^(?:gửi|nộp)(?:\s+(?:báo cáo|kết quả|văn bản|ý kiến|danh sách|số liệu|hồ sơ))?\s+(?:về|đến|cho)\s",
                        re.IGNORECASE)


def _opens_action(sentence: str) -> bool:
    sentence = sentence.strip()
    return is_predicate_at(tokenize(sentence), 0, weak=False) and not _TIME_ONLY.match(sentence)


# The work a list below holds, announced as the unit's to do ("cần tập trung thực hiện một số nội dung trọng
# tâm sau:", "phải triển khai các nhiệm vụ, giải pháp chủ yếu sau:").
_WORK_LIST_AHEAD = re.compile(r"(?:(?<!\w)(?:cần|phải|có trách nhiệm)(?!\w)[^.;:]{0,400}?|"
                              # "Chủ tịch UBND các tỉnh … tập trung thực hiện một số giải pháp sau:": the verb
                              # right after the unit, urged on
                              r"^\s*(?:(?:tập trung|khẩn trương|tiếp tục|chủ động|nghiêm túc|khẩn cấp)\s+)+)"
                              r"(?<!\w)(?:thực hiện|triển khai)"
                              r"(?:\s+(?:tốt|ngay|nghiêm))?\s+(?:một số|các|những)\s+(?:nội dung|nhiệm vụ|giải pháp|"
                              r"công việc|việc)(?:[^.;:]{0,60})?\s+(?:sau|sau đây|như sau)\s*:\s*$", re.IGNORECASE)


# What the speaker of a directive says before its directions, with no work of its own.
_SPEECH = re.compile(r"^\s*(?:(?:có ý kiến(?: chỉ đạo)?|kết luận|chỉ thị|điện|thông báo|yêu cầu|đề nghị)"
                     r"(?:\s+(?:như sau|cụ thể như sau|cụ thể))?"
                     # "Trường X hướng dẫn việc tổ chức thực hiện khóa luận … như sau:": the issuer's guidance, the
                     # items below say who does what
                     r"|(?:hướng dẫn|quy định)\s+(?:việc|về|cách)\s[^:;]{0,300}?\s(?:như sau|sau đây|cụ thể như sau)"
                     # "UBND xã X thông báo kế hoạch tiêm phòng … cụ thể như sau:": the issuer's own plan told to people
                     r"|thông báo\s+(?:kế hoạch|lịch|thời gian|việc)\s[^:;]{0,200}?\s(?:như sau|sau đây|cụ thể như sau))"
                     r"\s*:\s*$", re.IGNORECASE)


_SPEECH_TAIL = re.compile(r"\s(?:có ý kiến(?: chỉ đạo)?|kết luận|thông báo|chỉ đạo)(?:\s+(?:như sau|cụ thể như sau|cụ thể))?"
                          r"\s*:\s*$", re.IGNORECASE)


def _speaker_before(sentence: str) -> str:
    """The unit that speaks just before "… thông báo như sau:", or ""."""
    m = _SPEECH_TAIL.search(sentence)
    if not m:
        return ""
    tokens = tokenize(sentence[:m.start()])
    for start in range(max(0, len(tokens) - 12), len(tokens)):
        parsed = parse_unit(tokens, start)
        if parsed and parsed[1] == len(tokens) and tokens[start].is_capitalized:
            return sentence[tokens[start].start:tokens[-1].end]
    return ""


_CADENCE_DUTY = re.compile(r"^(?:định kỳ\s+)?(?:hằng|hàng)\s+(?:tháng|quý|năm|tuần)\b|^định kỳ\b", re.IGNORECASE)


def _work_before_accountability(action_part: str, dated: bool) -> bool:
    """"… gửi văn bản cam kết tiến độ, chịu trách nhiệm trước Thủ tướng …; hoàn thành trước ngày 25/11": dated
    work said before what the head answers for is the head's task."""
    m = _ACCOUNTABLE.search(action_part)
    if m is None or m.start() == 0:
        return False
    if dated and _SENDS_PAPER.match(action_part.strip()) is not None:
        return True
    # "… khẩn trương chỉ đạo thực hiện đồng bộ các nhiệm vụ …; chịu trách nhiệm trước Chủ tịch UBND tỉnh về …":
    # the work comes first, in a clause of its own, and what the head answers for follows it
    before = action_part[:m.start()]
    cut = before.rfind(";")
    # (not "nghiêm túc triển khai thực hiện Thông báo này; trực tiếp chỉ đạo, … chịu trách nhiệm …": the call to carry
    # the text out, then what the heads answer for)
    return cut > 0 and len(before[:cut].split()) >= MIN_WORK_BEFORE_ACCOUNTABILITY and \
        not _ACCOUNTABLE.search(before[:cut]) and not _HEADS_PRESS_ON.match(before[:cut]) and \
        not _CARRY_OUT.search(before[:cut]) and not _IMPLEMENT_ONLY.match(before[:cut].strip())


MIN_WORK_BEFORE_ACCOUNTABILITY = 8  # words: "nêu cao tinh thần trách nhiệm;" is no work of its own


_SENDS_PAPER = re.compile(r"(?:gửi|nộp)\s+(?:văn bản|báo cáo|bản cam kết|kế hoạch)", re.IGNORECASE)


def _duty_after_accountability(text: str) -> int | None:
    """Where a ";" clause reporting at a cadence starts after a head's accountability, or None."""
    for m in re.finditer(r";\s+", text):
        clause = text[m.end():]
        if _SENDS_PAPER.match(clause) and deadlines_in(text, 2000):
            return m.end()  # "…; gửi văn bản cam kết tiến độ, chịu trách nhiệm …; hoàn thành trước ngày 25/11": owed
        if _ACCOUNTABLE.search(clause.split(";")[0]):
            continue
        if _CADENCE_DUTY.match(clause) and _REPORTS.search(clause.split(";")[0]):
            return m.end()  # a report at a cadence: owed however accountable the head is
    presides = _PRESIDES_AFTER.search(text)
    return presides.start("duty") if presides else None


# "Đồng chí Chủ tịch … chịu trách nhiệm chỉ đạo chung, chủ trì các hội nghị …": the meetings the head
# presides over are work of their own, beside the accountability.
_PRESIDES_AFTER = re.compile(r"chịu trách nhiệm[^,;.]{0,80},\s*(?P<duty>chủ trì\s+(?:các\s+)?(?:hội nghị|cuộc họp|"
                             r"phiên họp|buổi làm việc|đoàn))", re.IGNORECASE)


def _subject_after_comma(text: str) -> int | None:
    """Where the first clause after a comma that has a subject of its own begins, or None."""
    tokens = tokenize(text)
    for k, tok in enumerate(tokens[:-1]):
        if tok.text == "," and find_subject(text, tokens, k + 1, len(tokens)):
            return tokens[k + 1].start
    return None


def _later_subject(sentence: str) -> int | None:
    """Where a ";" clause with a subject of its own begins in a sentence whose start has none."""
    tokens = tokenize(sentence)
    depth = 0
    for k, tok in enumerate(tokens[:-1]):
        depth += (tok.text == "(") - (tok.text == ")")
        if depth or tok.text != ";":
            continue
        found = find_subject(sentence, tokens, k + 1, len(tokens))
        if found and not any(u.distributive for u in found.leads):
            return tokens[k + 1].start
    return None


def _no_action(sentence: str, found: list[Assignment], k: int) -> bool:
    end = found[k + 1].start if k + 1 < len(found) else len(sentence)
    return not action_text(sentence[found[k].action:end]).strip(" .;:,")


_SPECIFICALLY = re.compile(r"^(?:cụ thể|cụ thể như sau|như sau)\s*:\s*$", re.IGNORECASE)


# "kết luận các nhiệm vụ cần thực hiện trong tháng 9:", "nhấn mạnh các việc phải xong trước ngày 30/6:":
# a speaker's words that announce, within the paragraph, the work after the colon.
_ANNOUNCING = re.compile(r"(?<!\w)(?:kết luận|chỉ đạo|nhấn mạnh|yêu cầu|đề nghị|lưu ý)\s+(?:(?:một số|các|những)\s+)?"
                         r"(?:nhiệm vụ|công việc|việc|nội dung)(?P<when>[^:;.]{0,80}):\s*\S", re.IGNORECASE)
_TASKS_NOUN = re.compile(r"(?<!\w)nhiệm\s+vụ(?!\w)", re.IGNORECASE)
# "Về một số nhiệm vụ trọng tâm trong quý III năm 2031, Trưởng ban nêu rõ, …": the period of the work said next
_ABOUT_WORK_OF = re.compile(r"^\W*về\s+(?:(?:một số|các|những)\s+)?(?:nhiệm vụ|công việc)(?P<when>[^:;.,]{0,80}\s(?:trong|trước|đến)\s"
                            r"[^:;.,]{3,40}),\s*\S", re.IGNORECASE)


def tasks_as_work(text: str) -> str:
    """Words that announce work with a date ("các nhiệm vụ cần thực hiện trong tháng 9"), "nhiệm vụ" read as
    "công việc": there it names the tasks listed, not a crop season ("vụ") to date; "nội dung trọng tâm
    tháng 8/2026" read as the work of that month ("trong tháng 8/2026")."""
    return _WORK_OF_MONTH.sub(r"\1 trong \2", _TASKS_NOUN.sub("công việc", text))


# "(nhiệm vụ|nội dung) trọng tâm tháng 8/2026": the month the work announced is for
_WORK_OF_MONTH = re.compile(r"((?:công việc|nội dung|công tác)(?:\s+trọng tâm)?)\s+(tháng\s+\d{1,2}\s*/\s*\d{4})",
                            re.IGNORECASE)


def _announced_date(sentence: str, default_year: int | date, first: int) -> tuple[int, date] | None:
    """(first draft, deadline) when the sentence announces the work after its colon with a deadline
    stated once."""
    m = _ANNOUNCING.search(sentence) or _ABOUT_WORK_OF.match(sentence)
    if m is None or find_recurrence(m.group("when")):
        return None
    start = 0
    purpose = PURPOSE_THEN_HANDING.match(sentence)
    if purpose and purpose.end() < m.end("when"):
        start = purpose.end()  # "Để … phấn đấu hoàn thành trước ngày 30/11 …, yêu cầu Bộ X …": the aim's date
    day = find_deadline(tasks_as_work(sentence[start:m.end("when")]), default_year)
    return (first, day) if day else None


# A purpose clause, then the handing: "Để đảm bảo tiến độ …, phấn đấu hoàn thành trước ngày 30/11/2025 …, yêu cầu"
PURPOSE_THEN_HANDING = re.compile(r"^\W*(?:\d{1,2}[.)]\s*)?(?:để|nhằm)\s[^:;]*?,\s*(?=(?:yêu cầu|giao|đề nghị)\s)",
                                   re.IGNORECASE)


# "Sau khi nghe Ban X, Trưởng các đoàn thể xã báo cáo tình hình …": who reported to the meeting.
_HEARD = re.compile(r"(?<!\w)(?:sau khi\s+)?(?:nghe|nghe ý kiến của)\s[^.;:]*$", re.IGNORECASE)
_CHAIRED_AFTER = re.compile(r"\s*do\s+(?:đồng chí|đ/c|ông|bà)\s[^.;:]*?chủ trì(?!\w)", re.IGNORECASE)
_CHAIRED_BY = re.compile(r"(?<=\w\s)do\s+(?:đồng chí|đ/c|ông|bà|(?:phó\s+)?(?:chủ tịch|bí thư|giám đốc|trưởng ban|"
                         r"thủ tướng|bộ trưởng))\s[^.;:]*$", re.IGNORECASE)
_REPORTING = re.compile(r"\s*(?:báo cáo|trình bày|phát biểu|thông qua|tham luận)(?!\w)(?![^,.;]*\b(?:trước|chậm nhất)\b)",
                        re.IGNORECASE)


def _capitals_read_as_name(sentence: str, a: Assignment) -> bool:
    """"NỘI DUNG, TIẾN ĐỘ, PHÂN CÔNG TRÁCH NHIỆM THỰC HIỆN": in a title set in capitals every word looks
    like a name's, so "PHÂN CÔNG" or "GIAO" hands work only to words that name a body when written in
    lowercase too ("GIAO UBND CÁC XÃ", "CÁC SỞ, BAN, NGÀNH")."""
    letters = [c for c in sentence if c.isalpha()]
    if not letters or sum(c.isupper() for c in letters) < 0.85 * len(letters):
        return False
    for unit in a.leads:
        low = unit.text.lower()
        tokens = tokenize(low)
        units, end = parse_unit_list(low, tokens, 0)
        if not units or end < len(tokens):
            return True
    return False


class BlockReader:
    """Reads one block's sentences into drafts."""

    def __init__(self, block: Block, scope: Scope | None, section: str | None, default_year: int | date,
                 previous: list[Draft] | None = None, before: list[Draft] | None = None):
        self.block, self.scope, self.section, self.year = block, scope, section, default_year
        self.before = list(before or [])  # the tasks the paragraph before this one left open
        self.drafts: list[Draft] = []
        # The tasks a sentence without its own subject continues (those of the item above, at first).
        self.last: list[Draft] = list(previous or [])
        self.inherited = bool(previous)  # self.last holds the item's tasks, not this block's
        self.at_meeting = _AT_MEETING.match(block.text) is not None or _LOOKS_BACK.match(block.text) is not None \
            or _opens_on_past(block.text, default_year) or _lists_attendees(block.text)
        # "2. Dự tại điểm cầu UBND tỉnh:" over "- Lãnh đạo các Sở: Tư pháp, Y tế …": a labelled list of
        # who attends (an item that is a plain sentence, "Trưởng thôn lập danh sách …", is work)
        self.attendance = ":" in block.text and any(_ATTENDANCE_HEADING.match(b.text) for b in block.ancestors())
        # "Thành lập Ban Chỉ đạo … gồm các thành viên sau:" over "- Giám đốc Sở Nội vụ;": who sits on it
        self.members = any(_MEMBERS_HEADING.search(b.text) for b in block.ancestors())
        self.previous_new: list[Draft] = []  # the drafts the last sentence opened
        self.heading_scope: Scope | None = None
        # A section title with items under it is not itself a continuation of its parent's lead.
        self.inherits = not block.is_title
        # "… kết luận các nhiệm vụ cần thực hiện trong tháng 9/2020: yêu cầu UBND huyện …": the date of
        # the work announced, and the first of this block's drafts it dates.
        self.intro_date: tuple[int, date] | None = None

    def read(self) -> list[Draft]:
        sentences = split_sentences(self.block.text)
        captioned = {i - 1 for i, sentence in enumerate(sentences) if _CAPTION.match(sentence)}
        sentences = [s for i, s in enumerate(sentences) if i not in captioned and not _CAPTION.match(s)]
        for sentence in sentences:
            before = len(self.drafts)
            if anaphora := _ANAPHORIC_SUBJECT.match(sentence):
                sentence = capitalize_first(sentence[anaphora.end():])
            if _SPECIFICALLY.match(sentence) and self.previous_new:
                # "Các bộ … tổ chức thực hiện các nhiệm vụ … Cụ thể:" announced the items below.
                self.drafts = [d for d in self.drafts if d not in self.previous_new]
            if self.intro_date is None:
                self.intro_date = _announced_date(sentence, self.year, before)
            self._sentence(sentence)
            self.previous_new = self.drafts[before:]
            self.inherited = False
        if self.intro_date is not None:
            first, day = self.intro_date
            for draft in self.drafts[first:]:
                date_undated(draft, day)
        return self.drafts

    def _sentence(self, sentence: str) -> None:
        if self.block.children and (role := _ROLE_TITLE.match(sentence.strip())):
            sentence = role.group("unit") + ":"  # "1. Cơ quan chủ quản: UBND tỉnh X:" over its duties: the unit leads
        if self.members:
            self.last = []
            return  # "1. Tổ trưởng: Giám đốc Sở Nội vụ.": a member and his post, no work
        if _SOURCE_NOTE.match(sentence.strip()):
            return  # "(Nguồn: Công văn số 12/UBND-VP)", "Xem chi tiết tại …": where the text comes from
        if _ATTENDEES.match(sentence):
            self.last = []
            return
        if _TALLY.match(sentence.strip()):
            return  # "Năm 2027: (02 cuộc kiểm tra, 02 cuộc giám sát)": how many the items below are, no work
        if _EXECUTION.search(sentence) or _ANSWERS_FOR.match(sentence) or _DISSOLVES_ITSELF.search(sentence):
            self.last = []
            return
        found = [a for a in assignments_in(sentence) if not _capitals_read_as_name(sentence, a)]
        if not found and self.scope is not None and self.scope.leads and \
                any(c.is_item for c in self.block.children) and _LEADS_WITH_ITEMS.match(sentence):
            # "2.3. Công an tỉnh" / "b) Chủ trì, phối hợp" over "- Sở Tài chính … tham mưu …": each item is the
            # heading's lead's work, with the units the item names as its partners
            self.heading_scope = replace(self.scope, partners_below=True)
            self.last = []
            return
        if found and self.scope is not None and self.scope.partners_below and self.scope.leads and \
                len(found) == 1 and not found[0].explicit and all(u.kind != "person" for u in found[0].leads):
            action_part = sentence[found[0].action:]
            partners = found[0].leads
            self.last = [self._add_draft(display(u), partners) for u in self.scope.leads]
            for draft in self.last:
                draft.add(action_part, action_text(action_part), self.year, partners + coordinators_in(action_part))
            return
        if not found and self.scope is not None and self.scope.leads and \
                any(c.is_item for c in self.block.children) and _partners_only(sentence):
            # "1. Sở Công Thương" / "a) Chủ trì, phối hợp với các sở, UBND các xã:" over bullets: the heading's
            # lead does each bullet with these partners
            self.heading_scope = Scope(self.scope.leads, coordinators_in(sentence), self.scope.explicit,
                                       self.scope.speakers)
            self.last = []
            return
        forms = bool(_FORMS_LIST.search(sentence))  # "Lập báo cáo … theo các biểu mẫu:" over the forms' names
        if not found and self.scope is not None and self.scope.leads and sentence.rstrip().endswith(":") and \
                is_predicate_at(tokenize(sentence), 0, weak=False) and \
                (forms or not any(_opens_action(_ITEM_MARK.sub("", c.text)) for c in self.block.children)) and \
                (forms or _CONTENT_LIST.search(sentence) or self._children_list_content()):
            # "h) Chủ trì triển khai các nhiệm vụ được giao tại các dự án …, bao gồm:" over "- Dự án 1: …": one
            # task, the list names what it covers
            inherits, self.inherits = self.inherits, True  # a title, but its own work for the heading's lead
            self._continue(_FORMS_LIST.sub("", _CONTENT_LIST.sub("", sentence)) + ".")
            self.inherits = inherits
            self.heading_scope, self.last = Scope([], []), []  # the items it covers are no work of their own
            return
        if sentence.rstrip().endswith(":"):
            # "b) Phòng X chủ trì, phối hợp với Y:" or "… các nhiệm vụ sau:": what follows is the work.
            if found and not found[0].explicit and self.block.children and \
                    all(c.skip for c in self.block.children) and _ALLOTS.search(sentence[found[0].action:]):
                # "Bộ Y tế xuất cấp … cho các tỉnh …, cụ thể:" over what each gets (no work): the sentence is
                self._sentence(_LIST_TAIL.sub("", sentence.rstrip(" :")) + ".")
                return
            if _RESULTS_BELOW.search(sentence):
                # "…, đạt được một số kết quả nổi bật như sau:" over "(1) Công tác tham mưu …": what was done
                self.heading_scope, self.last = Scope([], []), []
                for item in self.block.children:
                    item.skip = True
                return
            if found and not found[0].explicit and _ENCLOSES.match(sentence[found[0].action:]):
                # "Bộ Tài chính gửi kèm bộ Cẩm nang gồm:" over the papers enclosed: nobody acts on the list
                self.heading_scope = Scope([], [])
            elif found and not found[0].explicit and _is_fact(sentence[found[0].action:]):
                # "Bộ X đã ban hành các văn bản sau, cụ thể:" over a list of documents: nobody acts.
                self.heading_scope = Scope([], [])
            elif found and _SPEECH.match(sentence[found[0].action:]):
                # "Thủ tướng Chính phủ có ý kiến như sau:": the speaker
                self.heading_scope = Scope([], [], speakers=tuple(u.text for u in found[0].leads))
            elif found and self._cases_below():
                # "Ban X tiếp nhận, xử lý đơn thư … theo quy trình cụ thể như sau:" over "- Khiếu nại về … thì
                # chuyển đến …": one task; the items are the cases it meets, no work of their own
                self._sentence(sentence.rstrip(" :") + ".")
                self.heading_scope = Scope([], [])
                for case in self.block.children:
                    case.skip = True  # (the bodies a case names are where it goes, not who acts)
                return
            elif found and _CONTENT_LIST.search(sentence) and self._children_list_content():
                # "Yêu cầu UBND các xã … báo cáo số liệu định kỳ hàng tháng …, bao gồm:" over "(1). Tổng số gói
                # thầu …": one task for each unit; the items are what the report holds
                self._sentence(_CONTENT_LIST.sub("", sentence) + ".")
                self.heading_scope = Scope([], [])
                for item in self.block.children:
                    item.skip = True
                return
            elif found:
                # "tỉnh X cần tiếp tục …, trong đó tập trung thực hiện một số nội dung trọng tâm sau:": the unit
                # is handed the items below as surely as by "Giao"
                handed = found[0].explicit or bool(_WORK_LIST_AHEAD.search(sentence[found[0].action:]))
                own = _OWN_WORK_BEFORE_LIST.search(sentence, found[0].action)
                if own and len(sentence[found[0].action:own.start()].split()) >= MIN_OWN_WORK_WORDS:
                    # "… tiếp tục phân công từng đồng chí xuống tận xã …, trong đó tập trung một số nhiệm vụ
                    # sau:": the work said before the list is a task of its own
                    self._sentence(sentence[:own.start()] + ".")
                self.heading_scope = Scope(select_leads(found[0].leads), coordinators_in(sentence), handed)
            elif _speaker_before(sentence):
                # "Thực hiện Thông báo số … Ủy ban nhân dân xã X thông báo như sau:" without its comma
                self.heading_scope = Scope([], [], speakers=(_speaker_before(sentence),))
            elif _DESCRIBES_CONTENT.search(sentence) and not is_predicate_at(tokenize(sentence), 0, weak=False):
                # "Phương án phải bảo đảm các yêu cầu sau:": the bullets say what it holds; nobody acts.
                self.heading_scope = Scope([], [])
                self._items_after_are_content()
            self.last = []
            return
        if found and self.block.is_title and all(_no_action(sentence, found, k) for k in range(len(found))):
            # "2. Giao Sở Nội vụ" over bullets, without a colon: the heading names who does each bullet.
            leads = [u for a in found for u in select_leads(a.leads)]
            self.heading_scope = Scope(leads, coordinators_in(sentence), any(a.explicit for a in found))
            self.last = []
            return
        if not found and _unaddressed_difficulty(sentence):
            self.last = []
            return
        if not found:
            rest = _later_subject(sentence)
            if rest is None:
                self._continue(sentence)
                return
            # "Đối với …, tiếp tục đôn đốc …; Phòng X hướng dẫn …": the clauses without a subject
            # continue the task before, the one with a subject starts its own.
            self._continue(sentence[:rest])
            self._sentence(sentence[rest:])
            return
        if self.heading_scope is None and not self.inherits:
            # "1. Sở Tư pháp chủ trì …" over a list: its items continue the same lead.
            self.heading_scope = Scope(select_leads(found[0].leads), coordinators_in(sentence), found[0].explicit)
        for index, a in enumerate(found):
            end = found[index + 1].start if index + 1 < len(found) else len(sentence)
            before = sentence[:a.action]
            before = before[:before.rfind(a.leads[0].text)] if a.leads and a.leads[0].text in before else before
            if _HEARD.search(before) and _REPORTING.match(sentence[a.action:end]):
                continue  # "Sau khi nghe Ban X, Trưởng các đoàn thể báo cáo …": the reports heard
            if _CHAIRED_BY.search(before) and re.match(r"\s*chủ trì(?!\w)", sentence[a.action:end]) or \
                    _CHAIRED_AFTER.match(sentence[a.action:end]):
                continue  # "Ban Thường vụ … do đồng chí A, Bí thư Đảng ủy xã chủ trì …": who chaired it
            self._assignment(sentence[a.start:end].strip(" ;"), a, sentence[a.action:end])

    def _assignment(self, text: str, a: Assignment, action_part: str) -> None:
        if not a.explicit and a.leads and all(u.head_title for u in a.leads) and _APPROVES.match(action_part) or \
                not a.explicit and _APPROVES_PAPER.match(action_part):
            # "Chủ tịch UBND tỉnh đồng ý tổ chức lễ kỷ niệm …": the head approved it, no work of the head's;
            # "Thường trực Đảng ủy cơ bản nhất trí với nội dung Tờ trình …": a body agreeing to a paper put to it
            self.last = []
            return
        if not a.explicit and _CONVEYS.match(action_part):
            # "Văn phòng UBND tỉnh có văn bản thông báo ý kiến của đồng chí Phó Chủ tịch …": the office passing
            # on a leader's direction, the direction's work follows
            self.last = []
            return
        action = action_text(action_part)
        if _AT_MEETING.match(text):
            self.at_meeting = True  # the paragraph tells what happened at the meeting
        if not a.explicit and (self.at_meeting or (self.scope is not None and _speaks(a.leads, self.scope.speakers))):
            self.last = []
            return
        if not a.explicit and self.attendance and not _DUTY.match(action_part):
            self.last = []
            return  # one of those invited; "UBND tỉnh chịu trách nhiệm kết nối …" under them is work
        if a.explicit:
            # "Tại hội nghị, các bộ phận đã báo cáo … Chủ tịch UBND xã chỉ đạo các bộ phận …": after the
            # chair's direction the paragraph directs, it no longer tells what was said.
            self.at_meeting = False
        if self._dates_the_report(text, a, action_part):
            return
        if _is_closing(text, action, a.leads, a.explicit and _leads_others(action_part), a.explicit) or \
                _is_fact(action_part) or \
                _ANNEX_POINTER.match(action_part.strip()):
            self.last = []
            return
        if not a.explicit and _ASSENT_ONLY.match(action_part):
            self.last = []
            return  # "UBND tỉnh thống nhất với đề xuất của Sở X …": what the meeting agreed to, no work
        if not a.explicit and _ISSUED_WITH.match(action_part):
            # "Điều lệ Hiệp hội X ban hành kèm theo Quyết định số …, UBND tỉnh chỉ đạo …": a document cited, in
            # the passive; the clause after it that has a subject of its own is the sentence's work
            self.last = []
            rest = _subject_after_comma(action_part)
            if rest is not None:
                self._sentence(action_part[rest:])
            return
        if not a.explicit and _schedule_row(action_part):
            self.last = []
            return  # "- Các vùng khác (phía Bắc): cuối năm 1984.": a row of a timetable, no work of the places
        if not a.explicit and a.leads and all(u.kind == "person" for u in a.leads) and _general_direction(action_part):
            self.last = []
            return  # "Đồng chí Chủ tịch … lãnh đạo, chỉ đạo chung công tác …": a person's general lead, no task
        if not a.explicit and a.leads and all(_FUND.match(u.text) for u in a.leads) and _PAYS.match(action_part):
            self.last = []
            return  # "Quỹ BHYT thanh toán chi phí …": what an insurance fund covers, a rule, no work
        if not a.explicit and _COUNTS_WHAT_IT_HAS.match(action_part):
            self.last = []
            return  # "Toàn ngành … hiện có trên 70% cán bộ …": what a unit has now, a figure, no work
        # What a unit (or a head) answers for is no work, unless a report at a cadence follows it.
        if not a.explicit and a.leads and all(u.head_title for u in a.leads) and _FORBIDDEN.match(action_part.strip()):
            self.last = []
            return  # "Lãnh đạo các cơ quan không tham dự lễ hội …": how heads must conduct themselves, no work
        if a.leads and all(u.head_title or u.kind == "person" for u in a.leads) and _HEADS_PRESS_ON.match(action_part) and \
                find_deadline(text, self.year) is None:
            self.last = []
            return  # "… Bộ trưởng, Chủ tịch UBND các tỉnh chỉ đạo quyết liệt, sát sao, …": heads urged on, no work
        if _ANSWERS_FOR.match(action_part) or any(u.head_title for u in a.leads) and _ACCOUNTABLE.search(text) and \
                not _work_before_accountability(action_part, find_deadline(text, self.year) is not None) and \
                not (_ANSWERS_WITH_WORK.match(action_part) and
                     not _IMPLEMENT_ONLY.match(_ANSWERS_WITH_WORK.sub("", action_part, count=1).strip())) and \
                not (find_deadline(text, self.year) is not None and not _ANSWERS_TO.search(text)):
            # ("Chủ tịch UBND các tỉnh trực tiếp chỉ đạo … hoàn thành … trước ngày 15/1/2026": a head's dated work)
            duty = _duty_after_accountability(text)
            if duty is None:
                self.last = []
                return
            # "Lãnh đạo các địa phương chịu trách nhiệm …; định kỳ hằng quý báo cáo kết quả …": the clause
            # after the accountability is a duty of its own.
            text = action_part = text[duty:]
            action = action_text(action_part)
        if all(u.distributive for u in a.leads) and \
                (self.last or self.before or self.scope is not None and self.inherits and self.scope.leads) and \
                self._restates(a.leads[0]):
            self._continue(text)
            return
        # ("Mỗi cơ quan, đơn vị bố trí …" with no group named before it: each of them, a lead)
        if all(u.is_catchall for u in a.leads) and _WHEN_ONLY.match(action_part.strip()) and (self.last or self.before):
            # "Đề nghị A, B rà soát …" then "Các đơn vị thực hiện trước ngày 24/3/2016.": the units
            # just given the work are told when, not handed a task of their own.
            for prior in self.last or self.before:
                prior.add(text, action, self.year, [])
            return
        coordinators = coordinators_in(text, a.action - a.start if a.action >= a.start else 0)
        touched = []
        for unit in select_leads(a.leads):
            name = self._titled_role(unit) or display(unit)
            draft = None if a.explicit else self._draft_for(lead_key(name))
            if draft is None:
                draft = Draft(name, lead_key(name), self.section)
                self.drafts.append(draft)
            draft.add(text, action, self.year, coordinators)
            touched.append(draft)
        self.last = touched

    def _children_list_content(self) -> bool:
        """"- Tập trung vào các vùng trọng điểm mới:" (ending in its colon) over "+ Vùng đô thị …", "+ Vùng
        nông nghiệp …": the items name what the work covers (no verb opens them, no unit is handed anything),
        not work of their own."""
        children = self.block.children
        if not children or not all(c.is_item for c in children):
            return False
        return not any(item_opens_work(child.text) for child in children)

    def _items_after_are_content(self) -> None:
        """"1. Về hoạt động tại bến:" then "Mọi hoạt động … phải tuân thủ những quy định sau đây:" then "a) …",
        "b) …": the items after the paragraph, its siblings, are what it holds, not work."""
        parent = self.block.parent
        if self.block.kind != "para" or parent is None or parent.kind not in ("number", "roman", "part", "article") \
                or not _RULES_BELOW.search(self.block.text):
            return
        siblings = parent.children[parent.children.index(self.block) + 1:]
        for item in itertools.takewhile(lambda b: b.is_item, siblings):
            item.skip = True

    def _cases_below(self) -> bool:
        """Whether every item below is a case and what to do in it ("Khiếu nại … thì chuyển đến …",
        "Trường hợp …", "Đối với …, …")."""
        children = self.block.children
        if not children or not all(c.is_item for c in children):
            return False
        texts = [_ITEM_MARK.sub("", c.text) for c in children]
        # ("Đối với việc …" among them: one more case, though its own "thì" may come late)
        cases = [bool(_CASE_ITEM.match(t)) for t in texts]
        return any(cases) and all(case or t.startswith("Đối với") for case, t in zip(cases, texts, strict=True))

    def _restates(self, unit: UnitRef) -> bool:
        """"Mỗi xã …" after "UBND các xã …", "từng đơn vị" after any group: each of the units just named;
        "Mỗi huyện ủy …" after "Ban Thường vụ Tỉnh ủy sẽ …" names units of its own."""
        words = unit.text.split()
        noun = words[1].lower() if len(words) > 1 else ""
        if GENERIC_KINDS.match(tokenize(" ".join(words[1:])), 0):
            return True
        before = [d.lead for d in self.last or self.before] + \
            ([u.text for u in self.scope.leads] if self.scope is not None else [])
        return any(noun in lead.lower().split() for lead in before)

    def _dates_the_report(self, text: str, a: Assignment, action_part: str) -> bool:
        """"Sở X đề nghị các sở, UBND các huyện báo cáo …" then "Đề nghị các sở, UBND các huyện gửi báo cáo
        về Sở X trước ngày …./.": the same units told where and by when to send the report asked for
        above date that task; they get no second one."""
        prior = self.last or self.before
        if not prior or not _SEND_BACK.match(action_part.strip()) or find_deadline(text, self.year) is None:
            return False
        keys = {lead_key(display(u)) for u in select_leads(a.leads)}
        if keys != {d.key for d in prior} or any(seg.deadline or seg.recurrence for d in prior for seg in d.segments):
            return False
        for draft in prior:
            draft.add(_TEXT_END.sub(".", text), action_text(action_part), self.year, [])
        return True

    def _titled_role(self, unit: UnitRef) -> str | None:
        """"cơ quan chủ trì có trách nhiệm …" in an item under the title "Cơ quan chủ trì giải quyết thủ
        tục X": the role the title names in full."""
        if unit.kind != "role" or self.scope is None:
            return None
        key = fold(unit.text).removeprefix("các ")
        return next((display(u) for u in self.scope.leads
                     if u.kind == "role" and fold(u.text).startswith(key + " ")), None)

    def _add_draft(self, lead: str, coordinators: list[UnitRef]) -> Draft:
        draft = Draft(lead, lead_key(lead), self.section, coordinators)
        self.drafts.append(draft)
        return draft

    def _draft_for(self, key: str) -> Draft | None:
        for draft in reversed(self.drafts):
            if draft.key == key:
                return draft
        return None

    def _continue(self, sentence: str) -> None:
        said = sentence
        if self.last and find_deadline(sentence, self.year) is not None:
            # "Báo cáo UBND tỉnh trước ngày 20/5/2026./.": the last step of the task, dated, ends the text.
            said = _TEXT_END.sub(".", sentence)
        elif self.block.is_item and self.block.kind != "heading":
            # "2. Theo dõi chặt chẽ diễn biến …./.": the last item's own work ends the text, no closing call
            said = _TEXT_END.sub(".", sentence)
        # "Văn bản … của các bộ … đề nghị gửi về Bộ X trước ngày …./.": the paper asked for above, dated, even
        # where it ends the text with the sending formula
        sent_in = not self.last and bool(self.before) and bool(_SENT_IN.match(sentence.strip())) and \
            find_deadline(sentence, self.year) is not None
        sent = _REPORT_SENT.match(sentence.strip())
        # "… đề nghị UBND cấp tỉnh xây dựng báo cáo …" then "Báo cáo gửi về Bộ X trước ngày …", "… có ý kiến …"
        # then "Văn bản xin gửi về … trước ngày …./.": the paper asked for above is dated, no second task,
        # though the sentence also closes the text
        reply = not self.last and bool(self.before) and sent is not None and \
            find_deadline(sentence, self.year) is not None and \
            not any(seg.deadline or seg.recurrence for d in self.before for seg in d.segments) and \
            any(_asked_for(sent.group("thing")).search(seg.text) for d in self.before for seg in d.segments)
        if not sent_in and not reply and (_is_closing(said, said) or _PASSIVE_THING.match(sentence.strip()) or
                                          _VIEW.match(sentence.strip())):
            return
        if not self.last and self.before and (_time_only(sentence.strip()) or sent_in or reply) \
                and find_deadline(sentence, self.year) is not None:
            # "- … tổ chức rà soát …" then a paragraph "Thời gian hoàn thành trước ngày …": the task above.
            self.last = list(self.before)
        if not self.last and self.before and self.block.parent is None and self.block.kind == "para" and \
                _opens_action(sentence) and find_deadline(sentence, self.year) is not None and \
                all(d.section is None for d in self.before):
            # "- Tổ chức …" "- Huy động …" under "X yêu cầu Y thực hiện các nội dung sau:", then a paragraph
            # "Báo cáo kết quả … trước ngày …": one more dated step for the same units.
            self.last = [self._add_draft(d.lead, []) for d in self.before]
        if not self.last and (self.at_meeting or _STATEMENT.match(sentence.strip())):
            # "1. Trong thời gian qua, nước ta đã …", "Việc sắp xếp … không chỉ …" under "đề nghị X …, cụ thể
            # như sau:": what the letter tells its readers, no work of theirs
            return
        leads = [d.lead for d in self.last] or \
            ([display(u) for u in self.scope.leads] if self.scope is not None and self.inherits else [])
        if leads and _OWN_ACCOUNTABILITY.match(sentence) and not _DUTY_AFTER.search(sentence) and \
                all(_is_head(lead) for lead in leads):
            return  # "Giao người đứng đầu …" then "- Chịu trách nhiệm về …": accountability, no task
        if self.inherited and _opens_action(sentence):
            # "1. UBND các huyện cử đại diện …" then a paragraph "Theo dõi, cập nhật, tổng hợp …":
            # a paragraph with an action of its own is a task of its own, for the same unit.
            self.last = [self._add_draft(d.lead, list(d.coordinators)) for d in self.last]
        if not self.last and self.scope is not None and self.inherits:
            self.last = []
            for unit in self.scope.leads:
                self.last.append(self._add_draft(display(unit), list(self.scope.coordinators)))
        if self.drafts and _DEADLINE_FIELD.match(sentence.strip()) and find_deadline(sentence, self.year) is not None:
            # "2. A, B chủ trì … X khẩn trương … Thời hạn hoàn thành: trước ngày 30/11/2025.": the item's own
            # deadline field dates every task of the item that has no date of its own
            self.last = self.last + [d for d in self.drafts if d not in self.last and
                                     not any(seg.deadline or seg.recurrence for seg in d.segments)]
        coordinators = coordinators_in(sentence)
        for draft in self.last:
            draft.add(sentence, action_text(sentence), self.year, coordinators)


# "(khác (phía Bắc)): cuối năm 1984", ": quý II/2026": what is left after the units is a time only.
_SCHEDULE_ROW = re.compile(r"^[^:;.]{0,60}:\s*(?:(?:vào\s+)?(?:cuối|đầu|giữa)\s+|trong\s+|trước\s+|chậm nhất\s+(?:là\s+)?)?"
                           r"(?:ngày|tháng|quý|năm)\s+[\dIVX][\w/.\-]*\s*[.;]?\s*$", re.IGNORECASE)


def _schedule_row(action_part: str) -> bool:
    """Only a time after the units and a qualifier of them, no verb before the colon ("báo cáo kết quả,
    thời hạn: tháng 7/2026" is work and its time)."""
    if not _SCHEDULE_ROW.match(action_part):
        return False
    tokens = tokenize(action_part[:action_part.index(":")])
    return not any(tok.is_word and is_predicate_at(tokens, k, weak=False) for k, tok in enumerate(tokens))


# "lãnh đạo, chỉ đạo chung, toàn diện công tác …", "phụ trách chung": the general direction a person keeps
_GENERAL_DIRECTION = re.compile(r"^\s*(?:trực tiếp\s+)?(?:lãnh đạo\s*,?\s*)?(?:chỉ đạo|phụ trách|lãnh đạo|điều hành)"
                                r"\s+chung\b(?:\s*,?\s*toàn diện\b)?", re.IGNORECASE)


def _general_direction(action_part: str) -> bool:
    """Only the general direction, with nothing else to do ("…, chủ trì các hội nghị", "…; kiểm tra …" is work)."""
    m = _GENERAL_DIRECTION.match(action_part)
    if m is None:
        return False
    rest = action_part[m.end():]
    if ";" in rest:
        return False
    tokens = tokenize(rest)
    return not any(tok.text == "," and is_predicate_at(tokens, k + 1, weak=False) for k, tok in enumerate(tokens))


# "hiện có trên 70% cán bộ …", "có 12 đơn vị …": how many a unit has, a figure of the present state ("có 30
# ngày để hoàn thành …" is the time it is given)
_COUNTS_WHAT_IT_HAS = re.compile(r"^\s*(?:hiện\s+|hiện\s+nay\s+|đến\s+nay\s+)?(?:đã\s+)?có\s+(?:trên\s+|hơn\s+|khoảng\s+|gần\s+|"
                                 r"tổng\s+(?:số\s+)?)?(?![\d.,]+\s*(?:ngày|tháng)(?!\w))\d", re.IGNORECASE)
# A fund as the subject ("Quỹ BHYT", "Quỹ Bảo hiểm xã hội") and what it pays: the rule of what it covers.
_FUND = re.compile(r"^Quỹ\b", re.IGNORECASE)
_PAYS = re.compile(r"^\s*(?:sẽ\s+|chỉ\s+|không\s+|chưa\s+|vẫn\s+)*(?:thanh toán|chi trả|chi|hoàn trả|bồi hoàn|hỗ trợ)(?!\w)",
                   re.IGNORECASE)


# "Đẩy mạnh công tác đào tạo nghề … là nhiệm vụ cấp bách, thể hiện …": a view of the work, said of it
# with "là", not work given to anyone.
_VIEW = re.compile(r"^[^;:]{10,300}?\s(?:là|được xác định là|được coi là)\s+(?:một\s+)?(?:trong những\s+)?"
                   r"(?:nhiệm vụ|yêu cầu|giải pháp|trách nhiệm|việc làm|mục tiêu|chủ trương|khâu)\s+"
                   r"(?:cấp bách|quan trọng|trọng tâm|hàng đầu|thường xuyên|then chốt|lâu dài|chính trị|cấp thiết|"
                   r"đột phá|cần thiết|xuyên suốt)", re.IGNORECASE)
_REPORTS = re.compile(r"(?<!\w)báo cáo(?!\w)", re.IGNORECASE)
# "Báo cáo gửi về Bộ X trước ngày …", "Báo cáo kết quả gửi Sở Y …": where the report goes, and by when.
# "Ý kiến tham gia đề nghị gửi về Bộ X trước ngày …": the opinions asked for above, where and by when.
_REPORT_SENT = re.compile(r"^(?P<thing>báo cáo|kết quả|văn bản báo cáo|ý kiến|văn bản góp ý|văn bản tham gia|văn bản)"
                          r"(?:\s+(?:kết quả|tham gia|góp ý|của\s+\S+(?:\s+\S+)?))?\s+"
                          r"(?:(?:đề nghị|xin|vui lòng)\s+)?(?:được\s+)?(?:gửi|nộp)(?:\s+(?:về|đến|cho))?\s", re.IGNORECASE)
_OPINIONS = re.compile(r"(?<!\w)(?:ý kiến|góp ý)(?!\w)", re.IGNORECASE)


def _asked_for(thing: str) -> re.Pattern:
    """What the task above must have asked for, for a dated sentence on sending it to belong to it."""
    return _REPORTS if thing.lower() in ("báo cáo", "kết quả", "văn bản báo cáo") else _OPINIONS
_CADENCE_OPENERS = re.compile(r"^(?:định kỳ|hằng|hàng|thường xuyên|thời hạn|thời gian)(?!\w)", re.IGNORECASE)


def _own_duty(clause: str) -> bool:
    """"tổ chức sơ kết hằng năm": a clause opening with a verb of its own, not a time ("Thời hạn:
    hằng tháng", "định kỳ hằng quý …") nor the report on the action before it."""
    clause = clause.strip()
    return is_predicate_at(tokenize(clause), 0, weak=False) and not _CADENCE_OPENERS.match(clause) \
        and not _REPORTS.search(clause)


# A clause that is a date and nothing else: "hoàn thành trước ngày 31/10/2026", "xong trong tháng 9".
_CLOSING_DATE = re.compile(r"(?:phấn đấu\s+)?(?:hoàn thành|xong|thời hạn hoàn thành|thời gian hoàn thành)\s*:?\s*"
                           r"(?:trước|chậm nhất|trong|vào|ngày)[^,;:]{0,40}$", re.IGNORECASE)


def date_undated(draft: Draft, day: date) -> None:
    """The date announced over the work dates a draft with no date of its own; a duty in it that has its own
    cadence ("…; duy trì lịch tiếp công dân hằng tháng") keeps the cadence, the rest take the date."""
    if any(seg.deadline for seg in draft.segments):
        return
    for seg in draft.segments:
        if seg.recurrence is None:
            seg.deadline = day


MULTI_DUTY = 3  # clauses of one-off duties before a clause with a cadence of its own
_CADENCE_WORDS = re.compile(r"^(?:định kỳ\s+)?(?:hằng|hàng)\s+(?:tuần|tháng|quý|năm)\s*,?\s*", re.IGNORECASE)


def _cadence_then_duty(clause: str) -> bool:
    """"Hằng năm thực hiện đánh giá …": a cadence opening a duty of its own (not a report on the work)."""
    clause = clause.strip()
    m = _CADENCE_WORDS.match(clause)
    return m is not None and not _REPORTS.search(clause) and \
        is_predicate_at(tokenize(clause[m.end():]), 0, weak=False)


_TIME_CELL = re.compile(r"^thời hạn\s*:", re.IGNORECASE)
_PRODUCT_CELL = re.compile(r"^sản phẩm\s*:", re.IGNORECASE)


def _time_column_only(draft: Draft) -> None:
    """A table row dated by its time column ("… thực hiện: công bố chỉ số hằng tháng. Thời hạn: Trước
    ngày 05 của tháng liền kề. Sản phẩm: Kết quả … hằng tháng."): a date or cadence in its content or
    product describes the work, the time column says when it is due (GUIDELINES); the time column's own
    parts ("ban hành trong tháng 01, kiểm tra trong tháng 6") still part the task."""
    segs = draft.segments
    if not segs or not ROW_SENTENCE.match(segs[0].text):
        return
    at = next((k for k, seg in enumerate(segs) if _TIME_CELL.match(seg.text)), None)
    if at is None:
        return
    end = next((k for k in range(at + 1, len(segs)) if _PRODUCT_CELL.match(segs[k].text) or
                ROW_SENTENCE.match(segs[k].text)), len(segs))
    if not any(seg.deadline or seg.recurrence for seg in segs[at:end]):
        return
    for k, seg in enumerate(segs[:end]):
        if k < at or _PRODUCT_CELL.match(seg.text):
            seg.deadline = seg.recurrence = None
    for seg in segs[end:]:
        if not _PRODUCT_CELL.match(seg.text):
            break
        seg.deadline = seg.recurrence = None


def split_by_deadline(draft: Draft) -> list[tuple[list[Segment], date | None, str | None]]:
    """One group of segments per distinct deadline (or cadence), in text order."""
    _time_column_only(draft)
    groups: list[list] = []
    for seg in draft.segments:
        key = (seg.deadline, seg.recurrence) if (seg.deadline or seg.recurrence) else None
        # A duty with a cadence ("tổ chức sơ kết hằng năm") is not the one-off action before it,
        # unless it reports on that action ("định kỳ hằng quý báo cáo kết quả thực hiện").
        cadence_after_action = key is not None and key[1] is not None and bool(groups) and groups[-1][1] is None \
            and _own_duty(seg.text)
        if key is not None and key[1] is not None and groups and groups[-1][1] is None and \
                len(groups[-1][0]) >= MULTI_DUTY and _cadence_then_duty(seg.text):
            # "…; tổ chức …; rà soát …; Hằng năm thực hiện đánh giá …": one more duty of a long paragraph
            # of duties, its cadence is its own, not the whole task's.
            groups[-1][0].append(seg)
            continue
        # "xác định …; hoàn thành trước ngày 31/10; xây dựng …": a clause that only closes the work before it
        # with its date leaves the actions after it undated, another task (GUIDELINES: one per deadline).
        after_closing = key is None and bool(groups) and groups[-1][1] is not None and \
            _CLOSING_DATE.match(groups[-1][0][-1].text.strip(" .;")) is not None
        if groups and not cadence_after_action and not after_closing and \
                (key is None or groups[-1][1] is None or groups[-1][1] == key):
            groups[-1][0].append(seg)
            if key is not None:
                groups[-1][1] = key
            continue
        groups.append([[seg], key])
    return [(segs, key[0] if key else None, key[1] if key else None) for segs, key in groups]
