"""Dates in officials' replies: informal Vietnamese, typed on a phone.

Three pure functions (no clock is read: ``today`` is always passed in):

* ``find_date(text, today)`` — the completion date mentioned in a free-text report.
* ``parse_date(text, today)`` — the answer to "hạn mới?": text that is just a date.
* ``looks_like_date(text)`` — the text tries to be a date, valid or not (so the
  handler can say "ngày không hợp lệ" for 31/2 instead of "tôi chưa hiểu").

Normalisation
    Input is NFC-normalised and lower-cased; the two tone placements of
    word-final "oa/oe/uy" are unified ("hoá" = "hóa", "uỷ" = "ủy"). A line typed
    with Vietnamese diacritics is matched against accented patterns; a line typed
    without any ("xong truoc thu 6") is matched against the same patterns with the
    diacritics removed. Keeping the two apart avoids the collisions that plain
    accent-stripping causes ("thứ tự" ≠ "thứ tư", "thương mại" ≠ "mai").

Forms understood (T = today)
    * numeric: 20/5, 20/5/2026, 20/05/26, 20-5-2026, 20.5.2026, 2026-05-20,
      and a range "15-20/5" (its end);
      "20-5" and "20.5" without a year only after "ngày"/a deadline word, or when
      the whole text is the date (``parse_date``), because "2.5 tỷ", "3-5 ngày"
      are not dates;
    * words: "ngày 20 tháng 5 [năm 2026]", "20 tháng 5", "mồng 5 tháng 6",
      "ngày 25" (that day this month, next month if already past);
    * days: "hôm nay" (needs a deadline word around it in free text: "Hôm nay
      họp" is narration), "trong ngày" → T; "ngày mai", "sáng/chiều/tối mai",
      and "mai" alone only next to a deadline word ("mai xong", "xong trong mai",
      "mai em gửi"; a capitalised "Mai" inside a sentence is a name) → T+1;
      "ngày kia", "ngày mốt" → T+2;
    * weeks (the office week ends on Friday): "cuối tuần [này]", "trong tuần" →
      Friday of this week (next Friday when said on a Saturday or Sunday);
      "tuần sau/tới", "cuối tuần sau" → Friday of next week; "đầu tuần sau" →
      Monday of next week; weekdays "thứ hai…thứ bảy", "thứ 2…thứ 7", "chủ
      nhật": alone → the nearest such day from today on (today included); with
      "tuần này" → that day of this week; with "tuần sau/tới" → of next week;
      "thứ sáu tới" → the nearest one after today. "lần thứ 2", "kỳ họp thứ
      năm" and an enumerating "Thứ hai, …" are not weekdays;
    * months: "cuối tháng [này]", "trong tháng [này]", "hết tháng" → last day of
      this month; "cuối/trong tháng sau|tới" → last day of next month; "cuối
      tháng 6", "trong tháng 6", "xong tháng 6[/2026]" → 30 June; "đầu tháng
      sau|6" → the 5th (chosen: far enough into the month to be "early" and still
      in its first working week); "giữa tháng [sau|6]" → the 15th; bare "đầu
      tháng"/"giữa tháng" roll to next month when that day has passed; "trước
      tháng 6" → 31 May;
    * quarters ("quý" or "quí"): "cuối quý [này]", "trong quý", "quý II",
      "quý 2", "cuối quý III/2026", "quý sau|tới" → last day of the quarter
      (roman I–IV or 1–4);
    * years: "cuối năm [nay]", "trong năm", "cuối năm 2026", "cuối năm sau";
    * counted: "sau 3 ngày", "trong 3 ngày tới", "3 ngày nữa", "hai tuần nữa"
      (T+14), "trong 5 ngày làm việc" (weekends skipped, holidays not known),
      "1 tháng nữa" (same day next month, clamped), "nửa tháng nữa" (T+15).
      Numbers may be written as words (một … mười lăm).
    * not dates: "Tết" (its date is lunar; not guessed), percentages ("đạt
      60%"), amounts ("1.500 triệu", "2.5 tỷ"), document numbers ("Công văn số
      123/UBND-TH", "Quyết định 45/QĐ-UBND", "số 12/5"), fractions followed by a
      counting noun ("3/5 hạng mục", "12/15 xã") or after "đạt" — only when the
      first number is not larger ("20/5 hạng mục" can only be a date).

Year
    A date with no year takes the current year, unless that puts it more than 60
    days in the past; then it is next year (on 20/12, "10/1" is 10 January of
    next year, while on 15/7 "30/6" is still the 30 June just gone, reported
    late). The same rule applies to "cuối tháng 6", "quý I"… Two-digit years are
    20xx. Invalid calendar dates (31/2, 0/5, 12/13, 29/2 in a common year) give
    None.

Choosing among several dates (``find_date``)
    Each date gets a cue score: 2 when a deadline word ("xong", "hoàn thành",
    "hoàn tất", "trước", "dự kiến", "đến", "hạn", "thời hạn", "chậm nhất",
    "kết thúc", "trong", "vào", "kịp") is among the four words before it in the
    same sentence, or "xong/hoàn thành" follows it; 1 after "ngày"; 0 otherwise.
    A start date ("từ 10/5", "bắt đầu 10/5", "khởi công ngày 20/5") and an issue
    date written right after a document number ("Kế hoạch 45/KH-UBND ngày
    10/5/2026") are not completion dates and are ignored. The highest score
    wins, the earliest on a tie.
"""
from __future__ import annotations

import bisect
import calendar
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta

__all__ = ["find_date", "find_milestone", "fit_year", "parse_date", "looks_like_date"]

# --------------------------------------------------------------------------- text
# Shared with quality.py (same package): the normalised text and the two-variant
# patterns. Underscored because they are not part of the public API.

_TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")
_GLIDES = {"o": "ae", "u": "y"}


def _canon(s: str) -> str:
    """Unify the tone placement of word-final oa/oe/uy: "hoá"→"hóa", "uỷ"→"ủy".

    Lower-case input. Length is preserved (one character for one), so positions in
    the result are positions in the input.
    """
    chars = list(s)
    n = len(chars)
    for i in range(n - 1):
        first = chars[i]
        if first not in _GLIDES:
            continue
        decomposed = unicodedata.normalize("NFD", chars[i + 1])
        base, marks = decomposed[0], decomposed[1:]
        if base not in _GLIDES[first] or len(marks) != 1 or marks not in _TONE_MARKS:
            continue
        if i + 2 < n and chars[i + 2].isalpha():
            continue
        chars[i] = unicodedata.normalize("NFC", first + marks)
        chars[i + 1] = base
    return "".join(chars)


def _fold_char(c: str) -> str:
    if c == "đ":
        return "d"
    if c == "Đ":
        return "D"
    return unicodedata.normalize("NFD", c)[0] if c else c


def _fold(s: str) -> str:
    """Remove Vietnamese diacritics, one character for one ("đến" → "den")."""
    return "".join(_fold_char(c) for c in s)


def _lower1(c: str) -> str:
    low = c.lower()
    return low if len(low) == 1 else c


def _has_marks(line: str) -> bool:
    """A line typed with Vietnamese diacritics (đ alone doesn't count: "QĐ-UBND")."""
    return any(len(unicodedata.normalize("NFD", c)) > 1 for c in line if c.isalpha())


_CLAUSE_END = re.compile(r"[;!?\n]|\.(?=\s|$)")


class _Text:
    """A message in three aligned forms: ``orig`` (NFC, for quoting back), ``norm``
    (lower-case, unified tone placement) and ``fold`` (``norm`` without diacritics).
    All three have the same length, so a match position is valid in each."""

    def __init__(self, text: str | None) -> None:
        orig = unicodedata.normalize("NFC", text or "").replace("Ð", "Đ").replace("ð", "đ")
        self.orig = orig
        self.norm = _canon("".join(_lower1(c) for c in orig))
        self.fold = _fold(self.norm)
        self._starts: list[int] = []
        self._accented: list[bool] = []
        pos = 0
        for line in self.norm.split("\n"):
            self._starts.append(pos)
            self._accented.append(_has_marks(line))
            pos += len(line) + 1

    def accented_at(self, pos: int) -> bool:
        return self._accented[max(0, bisect.bisect_right(self._starts, pos) - 1)]

    def key_at(self, pos: int) -> str:
        """The form the patterns are matched against at ``pos`` (per line)."""
        return self.norm if self.accented_at(pos) else self.fold

    def clause_start(self, pos: int) -> int:
        start = 0
        for m in _CLAUSE_END.finditer(self.norm, 0, pos):
            start = m.end()
        return start

    def clause_end(self, pos: int) -> int:
        m = _CLAUSE_END.search(self.norm, pos)
        return m.start() if m else len(self.norm)

    def before(self, pos: int, words: int) -> str:
        """The last ``words`` words before ``pos`` in its sentence (matching form)."""
        seg = self.key_at(pos)[self.clause_start(pos):pos]
        return " ".join(seg.split()[-words:]) if words else seg

    def after(self, pos: int, words: int) -> str:
        """The next ``words`` words after ``pos`` in its sentence (matching form)."""
        seg = self.key_at(pos)[pos:self.clause_end(pos)]
        return " ".join(seg.split()[:words])


_NEVER = re.compile(r"(?!)")


class _Pat:
    """A pattern written once with diacritics, compiled twice: as written (for
    accented lines) and without diacritics (for lines typed without them), unless
    an explicit ``folded`` variant is given (``False``: never match unaccented text,
    for words that collide without their marks)."""

    def __init__(self, pattern: str, folded: str | bool | None = None) -> None:
        acc = _canon(pattern)
        self.acc = re.compile(acc)
        if folded is False:
            self.fold = _NEVER
        elif isinstance(folded, str):
            self.fold = re.compile(folded)
        else:
            self.fold = re.compile(_fold(acc))

    def rx(self, accented: bool) -> re.Pattern[str]:
        return self.acc if accented else self.fold

    def finditer(self, t: _Text) -> Iterator[re.Match[str]]:
        """Matches in the whole text, each from the variant of its own line."""
        for m in self.acc.finditer(t.norm):
            if t.accented_at(m.start()):
                yield m
        for m in self.fold.finditer(t.fold):
            if not t.accented_at(m.start()):
                yield m

    def search_in(self, s: str, accented: bool) -> re.Match[str] | None:
        return self.rx(accented).search(s)


# ------------------------------------------------------------------------ helpers

def _mk(y: int, m: int, d: int) -> date | None:
    if not 1900 <= y <= 2199:
        return None
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _early_month(y: int, m: int) -> date | None:  # "đầu tháng": the 5th
    return _mk(y, m, 5)


def _mid_month(y: int, m: int) -> date | None:  # "giữa tháng": the 15th
    return _mk(y, m, 15)


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def _add_months(d: date, n: int) -> date:
    y, m = divmod(d.month - 1 + n, 12)
    y += d.year
    m += 1
    return date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


_ROLLOVER = timedelta(days=60)


def _year_for(today: date, proxy: Callable[[int], date]) -> int:
    """This year, unless ``proxy(this year)`` is more than 60 days in the past."""
    return today.year + 1 if proxy(today.year) < today - _ROLLOVER else today.year


def _no_year(d: int, m: int, today: date) -> date | None:
    if not (1 <= m <= 12 and 1 <= d <= 31):
        return None
    y = _year_for(today, lambda y: date(y, m, min(d, calendar.monthrange(y, m)[1])))
    return _mk(y, m, d)


def _year(s: str | None) -> int | None:
    if not s:
        return None
    y = int(s)
    return 2000 + y if len(s) <= 2 else y


def _monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


def _add_workdays(d: date, n: int) -> date:
    while n > 0:
        d += timedelta(days=1)
        if d.weekday() < 5:
            n -= 1
    return d


_NUM_WORDS = {"mot": 1, "hai": 2, "ba": 3, "bon": 4, "tu": 4, "nam": 5, "lam": 5, "sau": 6,
              "bay": 7, "tam": 8, "chin": 9, "muoi": 10}


def _number(s: str) -> float | None:
    words = _fold(s).split()
    if not words:
        return None
    if words[0].isdigit():
        return float(words[0])
    if words[0] == "nua":
        return 0.5
    if words[0] == "muoi" and len(words) == 2:
        return 10 + _NUM_WORDS.get(words[1], 0)
    return _NUM_WORDS.get(words[0])


# ------------------------------------------------------------------ vocabulary

# Words before a number that make it a document number, not a date ("số 12/5").
_DOC_BEFORE = _Pat(r"(?:\bsố|\bvăn bản|\bvb|\bqđ|\bquyết định|\bcông văn|\bcv|\btờ trình|\bttr|"
                   r"\bnghị quyết|\bnq|\bnghị định|\bnđ|\bthông tư|\bchỉ thị|\bkí hiệu|\bký hiệu)"
                   r"\s*(?:số\s*)?[:.]?\s*$")
# Counting nouns after "3/5": a fraction of work, not 3 May.
_COUNT_NOUN = (r"hạng\s+mục|công\s+trình|xã|phường|thị\s+trấn|đơn\s+vị|nhiệm\s+vụ|hồ\s+sơ|hộ|"
               r"dự\s+án|người|trường|cơ\s+sở|huyện|thôn|gói\s+thầu|chỉ\s+tiêu|tiêu\s+chí|"
               r"km|căn|nhà|việc|văn\s+bản|thủ\s+tục|lớp|học\s+sinh|doanh\s+nghiệp|cơ\s+quan|"
               r"ngành|địa\s+phương|điểm|lô|thửa|ha|lần|tổ\s+chức|cá\s+nhân|bệnh\s+nhân|"
               r"tỷ|tỉ|triệu|nghìn|ngàn|đồng|tấn|cây|con|suất|lượt|liều|bộ|tuyến|bước|ngày|tuần|giờ|phút|tiếng")
_COUNT_AFTER = _Pat(rf"^\s*(?:{_COUNT_NOUN})\b")
# Amounts after "20.5": never a date ("20.5 tỷ", "12,5 triệu").
_AMOUNT_AFTER = _Pat(r"^\s*(?:tỷ|tỉ|triệu|nghìn|ngàn|đồng|tấn|km|ha|m2|m3|%)")
_FRACTION_BEFORE = _Pat(r"\b(?:đạt|được|tỷ\s+lệ|tỉ\s+lệ|còn|mới|chỉ)\s*$")
# Deadline words (see the module docstring).
_STRONG_CUE = _Pat(r"\b(?:xong|hoàn\s+thành|hoàn\s+tất|trước|dự\s+kiến|đến|hạn|hạn\s+chót|thời\s+hạn|"
                   r"chậm\s+nhất|muộn\s+nhất|kết\s+thúc|trong|vào|kịp|deadline)\b")
_TRAILING_CUE = _Pat(r"^\s*(?:là\s+|thì\s+|sẽ\s+|phải\s+)?(?:xong|hoàn\s+thành|hoàn\s+tất)\b")
_START_CUE = _Pat(r"\b(?:từ|bắt\s+đầu|khởi\s+công|kể\s+từ)(?:\s+ngày)?\s*$")
_ISSUE_CUE = _Pat(r"(?:\d+/[a-zđ][\w-]*|\d+/\d{2,4}/[\w-]+)\s*,?\s*(?:ban\s+hành\s+|ký\s+|kí\s+)?"
                  r"(?:ngày\s+)?$")
_WEAK_CUE = _Pat(r"\bngày\s*$")

# "mai" / "mốt" alone are dates only next to these words.
_MAI_BEFORE = _Pat(r"\b(?:xong|thành|tất|trước|đến|hạn|trong|nộp|gửi|trình|là|hết|kịp|vào|kiến|tới|"
                   r"đến\s+hết|chậm\s+nhất)$")
_MAI_AFTER = _Pat(r"^(?:xong|hoàn|sẽ|gửi|nộp|trình|là|em|anh|chị|mình|tôi|phải|mới|nhé|nha|ạ|"
                  r"báo|có|đơn\s+vị|bên)\b")
_TODAY_AFTER = _Pat(r"^(?:(?:là|thì|sẽ|phải|em|anh|chị|đơn\s+vị|sở|bên)\s+)?"
                    r"(?:xong|hoàn\s+thành|hoàn\s+tất|gửi|nộp|trình)\b")
# "thương mại", "hoa mai": not "tomorrow".
_MAI_NOT_AFTER = _Pat(r"\b(?:thương|khuyến|hoa|cây|mua|bán|xúc\s+tiến)$")

# "thứ năm" as an ordinal: "lần thứ 2", "kỳ họp thứ năm".
_ORDINAL_BEFORE = _Pat(r"\b(?:lần|kỳ|kì|đợt|họp|khóa|năm|người|phiên|vòng|lượt|bước|hạng|tầng|phần|mục|"
                       r"điều|khoản|chương|số|hàng|lớp|giải|đứng|xếp|cái|con|nhóm|tổ|trường|ngày|"
                       r"tuần|tháng|quý|giai\s+đoạn|nhiệm\s+vụ|nội\s+dung|ý)$")
_WEEKDAY_CUE = _Pat(r"\b(?:vào|trước|đến|hạn|xong|ngày|sáng|chiều|trưa|tối|trong|thành|tất|kịp|nộp|gửi|"
                    r"trình|kiến|hết)$")

_WEEKDAYS = {"hai": 0, "2": 0, "ba": 1, "3": 1, "tu": 2, "4": 2, "nam": 3, "5": 3, "sau": 4, "6": 4,
             "bay": 5, "7": 5}

_NUMW = (r"(?:\d{1,3}|nửa|một|hai|ba|bốn|năm|sáu|bảy|bẩy|tám|chín|"
         r"mười(?:\s+(?:một|hai|ba|bốn|lăm|năm|sáu|bảy|bẩy|tám|chín))?)")
_UNIT = r"(ngày\s+làm\s+việc|ngày|tuần|tháng)"
_NEXT = r"(?:sau|tới|tiếp\s+theo|kế\s+tiếp)"
# "tháng trước", "tuần qua", "năm ngoái": past periods, never a deadline.
_NOT_PAST = r"(?!\s+(?:trước|qua|vừa\s+qua|rồi|ngoái))"


@dataclass(frozen=True)
class _Cand:
    start: int
    end: int
    value: date | None  # None: shaped like a date but not a real one (31/2)
    numeric: bool = False
    guessed_year: bool = False  # the year was not written: see fit_year


# ---------------------------------------------------------------- recognisers
# Each takes (match, text, today, lenient) and returns a candidate or None.
# ``lenient`` is True when the whole text is expected to be a date (parse_date).

def _r_iso(m: re.Match[str], t: _Text, today: date, lenient: bool) -> _Cand | None:
    y, mo, d = int(m.group(1)), int(m.group(3)), int(m.group(4))
    return _Cand(m.start(), m.end(), _mk(y, mo, d), numeric=True)


def _is_doc_or_fraction(m: re.Match[str], t: _Text, share: tuple[int, int] | None = None) -> bool:
    """A document number ("số 12/5", "12/5/QĐ…") or, when ``share`` = (a, b) with
    a ≤ b, a share of a total ("3/5 hạng mục", "đạt 3/5"): 20/5 can't be 20 of 5."""
    acc = t.accented_at(m.start())
    key = t.key_at(m.start())
    before = key[max(0, m.start() - 40):m.start()]
    if _DOC_BEFORE.search_in(before, acc) or _AMOUNT_AFTER.search_in(key[m.end():m.end() + 10], acc):
        return True
    if share is None or share[0] > share[1]:
        return False
    return bool(_FRACTION_BEFORE.search_in(before, acc) or _COUNT_AFTER.search_in(key[m.end():m.end() + 30], acc))


def _r_dmy(m: re.Match[str], t: _Text, today: date, lenient: bool) -> _Cand | None:
    if _is_doc_or_fraction(m, t, share=None):
        return None
    d, mo, y = int(m.group(1)), int(m.group(3)), _year(m.group(4))
    return _Cand(m.start(), m.end(), _mk(y, mo, d) if y else None, numeric=True)


_DM_LEAD = _Pat(r"\b(?:ngày|xong|trước|đến|hạn|dự\s+kiến|vào|hoàn\s+thành)(?:\s+mới)?\s*:?\s*$")


def _r_dm(m: re.Match[str], t: _Text, today: date, lenient: bool) -> _Cand | None:
    if _is_doc_or_fraction(m, t, share=(int(m.group(1)), int(m.group(3)))):
        return None
    if m.group(2) != "/" and not lenient:
        # "20-5", "20.5" only after "ngày"/a deadline word: "2.5 tỷ", "3-5 ngày" are not dates.
        before = t.key_at(m.start())[max(0, m.start() - 20):m.start()]
        if not _DM_LEAD.search_in(before, t.accented_at(m.start())):
            return None
    d, mo = int(m.group(1)), int(m.group(3))
    return _Cand(m.start(), m.end(), _no_year(d, mo, today), numeric=True, guessed_year=True)


def _r_range(m: re.Match[str], t: _Text, today: date, lenient: bool) -> _Cand | None:
    """"15-20/5": the end of the range."""
    if _is_doc_or_fraction(m, t, share=None):
        return None
    d, mo, y = int(m.group(2)), int(m.group(3)), _year(m.group(4))
    value = (_mk(y, mo, d) if y else _no_year(d, mo, today)) if int(m.group(1)) < d else None
    return _Cand(m.start(), m.end(), value, numeric=True, guessed_year=not y)


def _r_text_date(m: re.Match[str], t: _Text, today: date, lenient: bool) -> _Cand | None:
    d, mo = int(m.group(1)), int(m.group(2))
    y = _year(m.group(3))
    value = _mk(y, mo, d) if y else _no_year(d, mo, today)
    return _Cand(m.start(), m.end(), value, numeric=True, guessed_year=not y)


_DAY_NOT_AFTER = _Pat(rf"^\s*(?:{_COUNT_NOUN}|giờ|phút|tiếng|buổi|ngày|tuần|tháng|năm|đầu|cuối|qua)\b")


def _r_day_only(m: re.Match[str], t: _Text, today: date, lenient: bool) -> _Cand | None:
    """"ngày 25": that day this month, or next month when it has passed."""
    if _DAY_NOT_AFTER.search_in(t.key_at(m.start())[m.end():m.end() + 30], t.accented_at(m.start())):
        return None
    d = int(m.group(1))
    which = _fold(m.group(2) or "")
    if not 1 <= d <= 31:
        return _Cand(m.start(), m.end(), None, numeric=True)
    base = date(today.year, today.month, 1)
    if which in ("sau", "toi"):
        value = _mk(_add_months(base, 1).year, _add_months(base, 1).month, d)
    elif which == "nay":
        value = _mk(today.year, today.month, d)
    else:
        value = None
        for k in range(3):  # the first month that has this day, from today on
            mb = _add_months(base, k)
            cand = _mk(mb.year, mb.month, d)
            if cand is not None and cand >= today:
                value = cand
                break
    return _Cand(m.start(), m.end(), value, numeric=True)


def _r_today(m: re.Match[str], t: _Text, today: date, lenient: bool) -> _Cand | None:
    if not lenient and not _fold(m.group(0)).startswith("trong"):
        acc = t.accented_at(m.start())
        if not (_STRONG_CUE.search_in(t.before(m.start(), 3), acc)
                or _TODAY_AFTER.search_in(t.after(m.end(), 2), acc)):
            return None  # "Hôm nay đơn vị đã họp…" is narration, not a deadline
    return _Cand(m.start(), m.end(), today)


def _r_within_day(m: re.Match[str], t: _Text, today: date, lenient: bool) -> _Cand | None:
    return _Cand(m.start(), m.end(), today)


def _r_tomorrow(m: re.Match[str], t: _Text, today: date, lenient: bool) -> _Cand | None:
    return _Cand(m.start(), m.end(), today + timedelta(days=1))


def _r_bare_mai(m: re.Match[str], t: _Text, today: date, lenient: bool) -> _Cand | None:
    word = t.orig[m.start():m.end()]
    line_start = t.norm.rfind("\n", 0, m.start()) + 1
    at_sentence_start = t.orig[max(line_start, t.clause_start(m.start())):m.start()].strip(" -•*,:") == ""
    if word[:1].isupper() and not at_sentence_start:
        return None  # "chị Mai", "đ/c Mai": a name
    acc = t.accented_at(m.start())
    before, after = t.before(m.start(), 2), t.after(m.end(), 2)
    if _MAI_NOT_AFTER.search_in(before, acc):
        return None
    if not lenient and not (_MAI_BEFORE.search_in(before, acc) or _MAI_AFTER.search_in(after, acc)):
        return None
    days = 2 if _fold(m.group(0)) == "mot" else 1
    return _Cand(m.start(), m.end(), today + timedelta(days=days))


def _r_day_after(m: re.Match[str], t: _Text, today: date, lenient: bool) -> _Cand | None:
    return _Cand(m.start(), m.end(), today + timedelta(days=2))


def _r_relative(m: re.Match[str], t: _Text, today: date, lenient: bool) -> _Cand | None:
    n = _number(m.group(1))
    unit = _fold(m.group(2)).split()
    if n is None or n <= 0:
        return None
    if unit[0] == "thang":
        value = today + timedelta(days=15) if n == 0.5 else _add_months(today, int(n))
    elif n != int(n):
        return None
    elif len(unit) > 1:  # ngày làm việc
        value = _add_workdays(today, int(n))
    elif unit[0] == "tuan":
        value = today + timedelta(days=7 * int(n))
    else:
        value = today + timedelta(days=int(n))
    return _Cand(m.start(), m.end(), value)


def _r_week(m: re.Match[str], t: _Text, today: date, lenient: bool) -> _Cand | None:
    where = _fold(m.group(1) or "")
    which = _fold(m.group(2) or "")
    mon = _monday(today)
    nxt = which not in ("", "nay")
    if not nxt and today.weekday() >= 5 and where not in ("dau",):
        nxt = True  # said at the weekend: the coming working week
    if nxt:
        mon += timedelta(days=7)
    day = {"dau": 0, "giua": 2}.get(where, 4)
    value = mon + timedelta(days=day)
    if not nxt and value < today:  # "đầu tuần" said on a Thursday: next Monday
        value += timedelta(days=7)
    return _Cand(m.start(), m.end(), value)


def _r_weekday(m: re.Match[str], t: _Text, today: date, lenient: bool) -> _Cand | None:
    acc = t.accented_at(m.start())
    before = t.before(m.start(), 2)
    if _ORDINAL_BEFORE.search_in(before, acc):
        return None
    qualifier = _fold(m.group(2) or "")
    following = t.key_at(m.start())[m.end():m.end() + 2]
    if not qualifier and following[:1] in (",", ":", ")") and t.before(m.start(), 5) == "":
        return None  # "Thứ hai, …": an enumeration at the head of a sentence
    if not acc and not lenient and not qualifier and not _WEEKDAY_CUE.search_in(before, acc):
        return None  # "thu tu", "thu nam" without diacritics: only after a deadline word
    words = _fold(m.group(1)).split()
    idx = 6 if words[0] == "chu" else _WEEKDAYS[words[1]]
    mon = _monday(today)
    if qualifier.startswith("tuan"):
        value = mon + timedelta(days=idx + (0 if qualifier.endswith("nay") else 7))
    elif qualifier == "nay":
        value = mon + timedelta(days=idx)
    else:
        ahead = (idx - today.weekday()) % 7
        if qualifier == "toi" and ahead == 0:
            ahead = 7
        value = today + timedelta(days=ahead)
    return _Cand(m.start(), m.end(), value)


def _r_month(m: re.Match[str], t: _Text, today: date, lenient: bool) -> _Cand | None:
    where = _fold(m.group(1)).split()[0]
    month_s, year_s, which = m.group(2), m.group(3), _fold(m.group(4) or "")
    if not month_s and not which and where not in ("cuoi", "dau", "giua", "trong", "het"):
        return None  # "xong tháng" alone says nothing
    day_of: Callable[[int, int], date | None]
    if where in ("dau",):
        day_of = _early_month
    elif where == "giua":
        day_of = _mid_month
    else:
        day_of = _month_end
    if month_s:
        mo = int(month_s)
        if not 1 <= mo <= 12:
            return _Cand(m.start(), m.end(), None, numeric=True)
        if where == "truoc":  # "trước tháng 6": by 31 May
            y = _year(year_s) or _year_for(today, lambda y: _month_end(y, mo))
            value = date(y, mo, 1) - timedelta(days=1)
        else:
            y = _year(year_s) or _year_for(today, lambda y: day_of(y, mo) or _month_end(y, mo))
            value = day_of(y, mo) if _mk(y, mo, 1) else None
        return _Cand(m.start(), m.end(), value, guessed_year=not year_s)
    first = date(today.year, today.month, 1)
    if where == "truoc":  # "trước tháng sau": by the end of this month
        return _Cand(m.start(), m.end(), _month_end(first.year, first.month) if which else None)
    if which and which != "nay":
        first = _add_months(first, 1)
    value = day_of(first.year, first.month)
    if not which and value is not None and value < today:  # "đầu tháng" on the 20th
        nxt = _add_months(first, 1)
        value = day_of(nxt.year, nxt.month)
    return _Cand(m.start(), m.end(), value)


_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}


def _r_quarter(m: re.Match[str], t: _Text, today: date, lenient: bool) -> _Cand | None:
    q_s, year_s, which = m.group(2), m.group(3), _fold(m.group(4) or "")
    if q_s:
        q = _ROMAN.get(q_s) or int(q_s)
        y = _year(year_s) or _year_for(today, lambda y: _month_end(y, 3 * q))
    else:
        q = (today.month - 1) // 3 + 1
        y = today.year
        if which in ("sau", "toi", "tiep theo", "ke tiep"):
            q += 1
            if q == 5:
                q, y = 1, y + 1
    return _Cand(m.start(), m.end(), _month_end(y, 3 * q))


def _r_quarter_bare(m: re.Match[str], t: _Text, today: date, lenient: bool) -> _Cand | None:
    q = (today.month - 1) // 3 + 1
    return _Cand(m.start(), m.end(), _month_end(today.year, 3 * q))


def _r_year(m: re.Match[str], t: _Text, today: date, lenient: bool) -> _Cand | None:
    which, year_s = _fold(m.group(2) or ""), m.group(3)
    y = int(year_s) if year_s else today.year + (1 if which in ("sau", "toi") else 0)
    return _Cand(m.start(), m.end(), _mk(y, 12, 31))


_RECOGNISERS: list[tuple[_Pat, Callable[..., _Cand | None]]] = [
    (_Pat(r"(?<![\w/.,-])(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?![\w/%]|[.,-]\d)"), _r_iso),
    (_Pat(r"(?<![\w/.,-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?![\w/%]|[.,-]\d)"), _r_dmy),
    (_Pat(r"(?<![\w/.,-])(\d{1,2})([/.-])(\d{1,2})(?![\w/%]|[.,-]\d)"), _r_dm),
    (_Pat(r"(?<![\w/.,-])(\d{1,2})\s?[-–]\s?(\d{1,2})/(\d{1,2})(?:/(\d{4}|\d{2}))?(?![\w/%]|[.,-]\d)"), _r_range),
    (_Pat(r"\b(?:ngày\s+)?(?:mồng\s+|mùng\s+)?(\d{1,2})\s+tháng\s+(\d{1,2})\b"
          r"(?:\s*,?\s*(?:năm\s+|/\s*)(\d{4})\b)?"), _r_text_date),
    (_Pat(r"\bngày\s+(?:mồng\s+|mùng\s+)?(\d{1,2})\b(?!\s*(?:[/.-]\s*\d|tháng\s+\d|\d|%))"
          r"(?:\s+tháng\s+(này|sau|tới))?"), _r_day_only),
    (_Pat(r"\b(?:trong\s+(?:ngày\s+)?)?hôm\s+nay\b"), _r_today),
    (_Pat(r"\btrong\s+ngày\b(?!\s*(?:\d|mai|kia|mốt|hôm|làm|mồng|mùng))"), _r_within_day),
    (_Pat(r"\b(?:ngày|sáng|trưa|chiều|tối)\s+mai\b"), _r_tomorrow),
    (_Pat(r"\b(?:mai|mốt)\b", folded=r"\bmai\b"), _r_bare_mai),
    (_Pat(r"\bngày\s+(?:kia|mốt)\b"), _r_day_after),
    (_Pat(rf"\b(?:sau|trong(?:\s+vòng|\s+khoảng)?|tối\s+đa|chậm\s+nhất|khoảng)\s+({_NUMW})\s+{_UNIT}"
          rf"(?:\s+(?:tới|nữa|sắp\s+tới|tiếp\s+theo))?\b"), _r_relative),
    (_Pat(rf"\b({_NUMW})\s+{_UNIT}\s+(?:tới|nữa|sắp\s+tới|tiếp\s+theo|sau)\b"), _r_relative),
    (_Pat(rf"\b(cuối|hết|trong|đầu|giữa)\s+tuần\b{_NOT_PAST}(?:\s+(này|{_NEXT})\b)?"), _r_week),
    (_Pat(rf"\b()tuần\s+(này|{_NEXT})\b"), _r_week),
    (_Pat(rf"\b(thứ\s+(?:hai|ba|tư|năm|sáu|bảy|bẩy|[2-7])|chủ\s+nhật)\b"
          rf"(?:\s+(tuần\s+(?:này|{_NEXT})|này|tới)\b)?"), _r_weekday),
    (_Pat(r"\b(cuối|đầu|giữa|trong|hết|trước|xong|hoàn\s+thành|dự\s+kiến|đến|vào|hạn)\s+tháng\b" + _NOT_PAST +
          rf"(?:\s+(?:(\d{{1,2}})\b(?:\s*(?:/|năm\s+)\s*(\d{{4}})\b)?|(này|{_NEXT})\b))?"), _r_month),
    (_Pat(r"\b(?:(cuối|trong|hết)\s+)?(?:quý|quí)\s+(?:(iv|iii|ii|i|[1-4])\b(?:\s*(?:/|năm\s+)\s*(\d{4})\b)?"
          rf"|(này|{_NEXT})\b)"), _r_quarter),
    (_Pat(r"\b(cuối|trong|hết)\s+(?:quý|quí)\b" + _NOT_PAST
          + r"(?!\s+(?:iv|iii|ii|i|[1-4]|này|sau|tới|tiếp|kế)\b)"), _r_quarter_bare),
    (_Pat(r"\b(cuối|hết|trong)\s+năm\b" + _NOT_PAST + r"(?:\s+(nay|này|sau|tới|(\d{4}))\b)?"), _r_year),
]


def _scan(t: _Text, today: date, lenient: bool) -> list[_Cand]:
    """All date mentions, non-overlapping (the longer one wins), in text order."""
    found: list[_Cand] = []
    for pat, recognise in _RECOGNISERS:
        for m in pat.finditer(t):
            cand = recognise(m, t, today, lenient)
            if cand is not None:
                found.append(cand)
    found.sort(key=lambda c: (c.start, -(c.end - c.start)))
    chosen: list[_Cand] = []
    for c in found:
        if chosen and c.start < chosen[-1].end:
            continue
        chosen.append(c)
    return chosen


def _cue_score(c: _Cand, t: _Text) -> int:
    acc = t.accented_at(c.start)
    key = t.key_at(c.start)
    near = key[t.clause_start(c.start):c.start]
    if _START_CUE.search_in(near, acc) or _ISSUE_CUE.search_in(near, acc):
        return -1
    own_first = key[c.start:c.end].split()[0] if key[c.start:c.end].split() else ""
    window = (t.before(c.start, 4) + " " + own_first).strip()
    if _STRONG_CUE.search_in(window, acc) or _TRAILING_CUE.search_in(t.after(c.end, 3), acc):
        return 2
    if _WEAK_CUE.search_in(near, acc) or own_first in ("ngày", "ngay"):
        return 1
    return 0


# -------------------------------------------------------------------- public API

def find_date(text: str, today: date) -> date | None:
    """The first completion date mentioned anywhere in free text, or None.

    Every form in the module docstring is recognised; invalid calendar dates,
    document numbers, fractions, amounts and percentages are skipped. Start dates
    ("từ 10/5") and the issue dates of cited documents ("Kế hoạch 45/KH-UBND ngày
    10/5/2026") are not completion dates. Among the rest, a date right after a
    deadline word ("xong", "hoàn thành", "trước", "dự kiến", "đến", "hạn", …) beats
    one after a bare "ngày", which beats one with no cue; ties go to the earliest:
    "Ngày 10/5 đã họp, dự kiến xong 30/5" → 30/5.
    """
    t = _Text(text)
    best: tuple[int, date] | None = None
    for c in _scan(t, today, lenient=False):
        if c.value is None:
            continue
        score = _cue_score(c, t)
        if score < 0:
            continue
        if best is None or score > best[0]:
            best = (score, c.value)
    return best[1] if best else None


def find_milestone(text: str, today: date, deadline: date | None) -> tuple[date | None, bool]:
    """As ``find_date``, for a report on a task due `deadline`: a date written without
    its year ("Dự kiến 20/5") takes the year that makes most sense for the task (see
    ``fit_year``). Returns the date and whether its year was chosen so (to be shown
    back to the official)."""
    t = _Text(text)
    best: tuple[int, _Cand] | None = None
    for c in _scan(t, today, lenient=False):
        if c.value is None:
            continue
        score = _cue_score(c, t)
        if score >= 0 and (best is None or score > best[0]):
            best = (score, c)
    if best is None:
        return None, False
    cand = best[1]
    if not cand.guessed_year or deadline is None:
        return cand.value, cand.guessed_year
    return fit_year(cand.value, today, deadline), True


def fit_year(value: date, today: date, deadline: date) -> date:
    """The year of a date written without one, for a task due `deadline`: among the
    same day and month in the years around, the one inside [today, deadline] (a
    milestone is still ahead, and should be within the deadline), the earliest such;
    else the one nearest to that span. "20/5" said on 04/12/2026 of a task due
    16/12/2026 is neither 20/05/2026 (198 days past) nor within the deadline:
    20/05/2027 is nearer (155 days after it), and the dialogue then says so."""
    low = today
    high = max(deadline, today)
    options = []
    for y in range(value.year - 2, value.year + 3):
        day = min(value.day, calendar.monthrange(y, value.month)[1])
        options.append(date(y, value.month, day))
    inside = [d for d in options if low <= d <= high]
    if inside:
        return min(inside)
    return min(options, key=lambda d: ((low - d).days if d < low else (d - high).days, d))


# Words that may surround the date in an answer to "hạn mới?" (compared without diacritics).
_FILLER = frozenset("""
ngay han moi la vao den truoc xong hoan thanh tat du kien deadline nhe nha nhá a ak ah ha
em anh chi ok oke vang da thi khoang tam cham muon nhat luc trong se gia lui sang xin toi minh
cho de nghi phai ket thuc chot thoi gian dang ky lai duoc doi hoac roi nay ngày
""".split())


def parse_date(text: str, today: date) -> date | None:
    """The text is (essentially) just a date — e.g. the answer to "hạn mới?".

    Besides the date itself only filler may remain: deadline words ("hạn", "đến",
    "trước", "xin lùi đến", "gia hạn đến"), politeness ("ạ", "nhé", "anh", "em")
    and punctuation. Here "20.5", "20-5", a bare "mai", "hôm nay" or "thứ 6" are
    accepted as they are. None when there is no date, when the date is invalid
    ("31/2"), when two different dates are given, or when other words remain
    ("30/6 vì chờ ý kiến Bộ" is for ``find_date``).
    """
    t = _Text(text)
    cands = _scan(t, today, lenient=True)
    if not cands:
        return None
    rest = list(t.fold)
    for c in cands:
        rest[c.start:c.end] = " " * (c.end - c.start)
    leftover = re.findall(r"[^\W_]+", "".join(rest))
    if any(w not in _FILLER for w in leftover):
        return None
    values = {c.value for c in cands}
    if len(values) != 1:
        return None
    return values.pop()


_PROBE_DAY = date(2001, 1, 1)


def looks_like_date(text: str) -> bool:
    """True when the text tries to be a date, even an impossible one.

    That is: it contains something shaped like a date — digits with "/", "-" or
    "." ("31/2", "45/13", "2026-13-45", "3.5"), "ngày 32 tháng 13", or a word date
    that ``find_date`` would take ("xong cuối tháng") — that is not a document number ("123/UBND-TH",
    "số 12/5"), a fraction ("3/5 hạng mục"), an amount or a percentage. Meant for
    the handler after ``parse_date``/``find_date`` gave None: "ngày không hợp lệ"
    rather than "tôi chưa hiểu".
    """
    t = _Text(text)
    return (any(c.numeric for c in _scan(t, _PROBE_DAY, lenient=True))
            or bool(_scan(t, _PROBE_DAY, lenient=False)))
