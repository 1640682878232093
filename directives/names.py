"""Unit names in running text: "Sở Lao động - Thương binh và Xã hội", "UBND các huyện, thị xã",
"các cơ quan chuyên môn liên quan", "Ban Quản lý các dự án … thành phố".

A name is read from its head word onwards. Proper names are capitalized word by word
("Sở Lao động, Thương binh và Xã hội"), so a lowercase syllable may only finish a
capitalized word ("Tư pháp", "Ngoại giao") or be a level word ("tỉnh", "khu vực"); the
first other lowercase word starts the action. Descriptive heads ("Ban Quản lý …",
"Trung tâm …") run on until a verb.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from . import lexicon as lx
from .glossary import is_defined_unit
from .text import DocumentMemo, PhraseIndex, Token, capitalize_first, fold, low_at, skeleton, tokenize


def _phrases_of(text: str) -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(p.split()) for p in text.split("|"))

CATCHALL, GROUP, NAMED, PERSON, ROLE = "catchall", "group", "named", "person", "role"
MAX_NAME_TAIL = 5

_NAMED = PhraseIndex(lx.NAMED_HEADS)
_LEVEL_HEADS = PhraseIndex(lx.LEVEL_HEADS, near=lx.OCR_NEAR_LEVEL_HEADS)
_PLACE_BOARDS = PhraseIndex(lx.PLACE_BOARDS)
_LOCAL_PLACES = PhraseIndex(lx.LOCAL_PLACES)
_DESCRIPTIVE = PhraseIndex(lx.DESCRIPTIVE_HEADS)
_PERSON = PhraseIndex(lx.PERSON_HEADS)
PERSON_TITLES = _PERSON  # (read by tasks.py too: the posts a person is named by)
_POSTS = PhraseIndex(lx.COMMITTEE_POSTS)
_HEAD_TITLES = PhraseIndex(lx.HEAD_TITLES)
_BOARDS = PhraseIndex(lx.BOARD_TITLES)
_ROLES = PhraseIndex(lx.ROLE_UNITS)
# Kinds of body named by a common noun ("cơ quan", "đơn vị", "sở, ban, ngành"): one index every reader shares
GENERIC_KINDS = PhraseIndex(lx.GENERIC_NOUNS)
_GENERIC = GENERIC_KINDS
_QUALIFIERS = PhraseIndex(lx.GENERIC_QUALIFIERS)
_LEVELS = PhraseIndex(lx.LEVEL_WORDS, near=lx.OCR_NEAR_LEVELS)
PREDICATES = PhraseIndex(lx.PREDICATE_STARTS, lx.WEAK_PREDICATES)
_DOCUMENTS = PhraseIndex(lx.DOCUMENT_WORDS)
_WEAK = PhraseIndex(lx.WEAK_PREDICATES)
_NOMINAL = PhraseIndex(lx.NOMINAL_VERBS)
# "Đoàn khoa Tiểu học", "Chi đoàn lớp Toán 1": a school's union or association of one faculty or class
_SCHOOL_PART = PhraseIndex({("khoa",), ("lớp",)})
_COMPOUNDS = PhraseIndex(lx.NOUN_COMPOUNDS)
# Nouns that open with a kind of unit's word and are no unit ("các trường hợp F2", "các hội nghị").
_NOT_A_KIND = PhraseIndex([("trường", "hợp"), ("khoa", "học"), ("hội", "nghị"), ("hội", "thảo"), ("đội", "ngũ"), ("viện", "trợ"),
                           ("trung", "tâm", "điểm")])
_ASSIGN = PhraseIndex(lx.ASSIGN_VERBS)
_PLURAL_HEADS = PhraseIndex(lx.PLURAL_HEADS | lx.MASS_ORGANISATIONS)
_PARTY_KINDS = PhraseIndex(lx.PARTY_KINDS)
_MASS = PhraseIndex(lx.MASS_ORGANISATIONS)
_ENTERPRISES = PhraseIndex(lx.ENTERPRISE_KINDS)
ENTERPRISE_KINDS = _ENTERPRISES  # (read by tasks.py too: the kinds of enterprise a sentence may open with)
_TRADES = PhraseIndex(lx.ENTERPRISE_TRADES)
_FIELD_HEADS = PhraseIndex(lx.FIELD_HEADS)
_ASSIGNED_WORK = PhraseIndex(frozenset({("chủ", "trì"), ("thực", "hiện"), ("chủ", "trì", "thực", "hiện"),
                                        ("phối", "hợp"), ("phối", "hợp", "thực", "hiện"), ("làm",)}))
# What bodies are given to keep ("các đơn vị được giao quản lý, sử dụng hoặc khai thác tài sản …")
_KEPT = PhraseIndex(frozenset({("quản", "lý"), ("sử", "dụng"), ("khai", "thác"), ("vận", "hành"), ("bảo", "trì")}))
_BRANCH = PhraseIndex(lx.BRANCH_WORDS)
_AND_NAMES = PhraseIndex(lx.AND_NAMES)
_NOT_UNIT = PhraseIndex(lx.NOT_UNIT_STARTS)
_CROP_SEASONS = PhraseIndex(lx.CROP_SEASONS)
_INTRO = PhraseIndex(lx.INTRO_MARKERS)
_KNOWN = PhraseIndex(lx.KNOWN_BODIES)
_SHORT_FORMS = PhraseIndex(lx.SHORT_FORMS)
_NEAR_PLACES = {skeleton(fold(p[0])) for p in lx.OCR_NEAR_PLACES}
_STANDING_BODIES = PhraseIndex(lx.STANDING_BODIES)
_APPOSITION = PhraseIndex(lx.APPOSITION_ROLES)
_AREA = PhraseIndex(lx.AREA_QUALIFIERS)
# Known bodies without their head word: what follows "các Bộ:" or "các Sở:" in an enumeration.
_TAILS = frozenset(name[1:] for name in lx.KNOWN_BODIES if len(name) > 2)
_KNOWN_TAILS = PhraseIndex(_TAILS, near=_TAILS)  # "Văn hóa, Thể thao và Du lich" as a scan's OCR read it
_STATIVE = {"được", "là", "đã", "đang", "vừa", "bị", "chưa", "thì", "mà"}
# Words no state body's name holds in its lowercase tail: tense and aspect ("đã", "vừa", "sẽ", "còn",
# "từng": "Sở Y tế Hà Nội vừa chỉ đạo …"), copulas, and assent ("đồng ý", "nhất trí"); the name ends before them.
_ENDS_TAIL = PhraseIndex({tuple(w.split()) for w in
                          _STATIVE | {"sẽ", "cũng", "vẫn", "còn", "từng", "đồng ý", "nhất trí",
                                      # a cadence after a name ("phối hợp với Sở X hàng năm tổ chức …")
                                      "hàng năm", "hằng năm", "hàng tháng", "hằng tháng", "hàng quý", "hằng quý",
                                      "hàng tuần", "hằng tuần", "định kỳ",
                                      # the verb that is also a body's name ("UBND xã Xa thống kê toàn bộ …")
                                      "thống kê"}})
# "Tỉnh ủy", "Tỉnh đoàn", and the Front's abbreviations ("UBMTTQ", "UB.MTTQVN") stand alone
_STANDALONE = {"tỉnh", "huyện", "thành", "quận", "thị", "đảng", "mttq", "mttqvn", "ubmttq", "ubmttqvn", "ub.mttq",
               "ub.mttqvn", "ubmt"}
_LIST_SEPARATORS = {",", ";", "và", "/", "cùng", "hoặc"}
_DASHES = {"-", "–", "—"}
MAX_DESCRIPTIVE = 14
MAX_BELONGING = 4  # plain words after "thuộc": "các đơn vị thuộc thẩm quyền quản lý"


@dataclass
class UnitRef:
    text: str
    kind: str
    start: int  # token index
    end: int  # token index after the name
    distributive: bool = False  # "từng sở, ngành", "mỗi đơn vị": restates a group already named
    head_title: bool = False  # "Thủ trưởng …", "Chủ tịch UBND …": a person accountable for a unit
    after_semicolon: bool = False  # "các sở, ngành; các địa phương": a semicolon parts it from the unit before

    @property
    def is_catchall(self) -> bool:
        return self.kind == CATCHALL


def _span_text(text: str, tokens: list[Token], start: int, end: int) -> str:
    return text[tokens[start].start:tokens[end - 1].end].strip(" ,;:")


def _is_name_word(tok: Token) -> bool:
    return tok.is_word and (tok.is_capitalized or tok.is_abbreviation)


def is_predicate_at(tokens: list[Token], i: int, *, weak: bool = True) -> bool:
    if i >= len(tokens) or not tokens[i].is_word:
        return False
    if i > 0 and _COMPOUNDS.match(tokens, i - 1) == 2:
        return False  # "công trình", "chương trình": the verb is the tail of a noun
    n = PREDICATES.match(tokens, i)
    if not n:
        return False
    d = _DOCUMENTS.match(tokens, i)
    if d >= n and i + d < len(tokens) and (tokens[i + d].low == "số" or tokens[i + d].is_number):
        return False  # "Chỉ thị số 97/CT-TTg …", "Kết luận 12-KL/TU": a document named, not an order given
    return weak or _WEAK.match(tokens, i) < n  # "theo dõi" is a verb, "theo" alone a preposition


# --- one name ------------------------------------------------------------------------------

@dataclass
class _Tail:
    """Where the reading of a name's tail stands: the next token, whether the head is descriptive,
    how many lowercase words it may still take, the descriptive words taken, and the lowercase words
    just taken as the tail of a capitalized word (loose)."""
    j: int
    descriptive: bool
    tails: int = 0
    run: int = 0
    loose: list[int] = field(default_factory=list)
    start: int = 0  # where the tail began: a comma before it is no part of the name


def _name_tail(tokens: list[Token], j: int, descriptive: bool, commas: bool = True, tails: int = 0) -> int:
    """Index after the proper-name part of a unit name that starts at j (`tails`: lowercase words it may
    take before a capitalized one)."""
    st = _Tail(j, descriptive, tails, start=j)
    while st.j < len(tokens):
        if tokens[st.j].is_word:
            if _is_name_word(tokens[st.j]):
                ended = _capital_in_tail(tokens, st)
                if ended is not None:
                    return ended
                continue
            if not _lowercase_in_tail(tokens, st):
                break
            continue
        step = _mark_in_name(tokens, st.j, st.tails, st.descriptive or bool(st.tails), commas)
        if step is None:
            break
        st.j, new_tails, keep_loose = step
        st.tails = st.tails if new_tails is None else new_tails
        st.loose = st.loose if keep_loose else []
    return st.j


def _capital_in_tail(tokens: list[Token], st: _Tail) -> int | None:
    """Takes the capitalized word at st.j into the name; or the index the name ends at."""
    j = st.j
    tok = tokens[j]
    if _hands_over(tokens, j):
        return j  # "Chủ tịch UBND huyện Giao Trưởng Công an xã …": a capitalized verb hands over
    if tok.low in ("các", "những") and tokens[j - 1].is_word:
        # "Sở Tài chính Các sở, ngành": a plural opens the next unit (a table's cells run together);
        # the levels of the name's own ("Sở Y tế CÁC TỈNH") are taken after it
        return j
    if len(st.loose) >= 2 and not _LEVELS.match(tokens, j) and \
            not (tok.low == "việt" and low_at(tokens, j + 1) == "nam" and not _ends_name_at(tokens, j + 2)) and \
            not _trade_before_name(tokens, st):
        # ("Hiệp hội cà phê Việt Nam": a national association named by its trade runs on to the country)
        # "Sở Thông tin và Truyền thông nâng cấp Hệ thống …": after two loose lowercase
        # words a name does not turn to capitals again; they began the action.
        return st.loose[0] + 1
    if _LEVELS.match(tokens, j) and low_at(tokens, j - 1) not in ("các", "những"):
        st.descriptive = False  # "Trung tâm Chuyển đổi số Thành phố xây dựng …": the level closes it
    st.j = j + 1
    # "Chi cục An toàn vệ sinh thực phẩm", "Công ty Khai thác công trình thủy lợi": up to five
    # lowercase words after a capital word; a verb still ends the name before that.
    st.tails = 0 if tok.is_abbreviation and not _company(tokens, st) else MAX_NAME_TAIL
    st.loose = []
    return None


def _company(tokens: list[Token], st: _Tail) -> bool:
    """The name read is a company's ("Công ty …"), whose form ("Cổ phần", "TNHH MTV") its trade may follow."""
    return [t.low for t in tokens[max(0, st.start - 2):st.start]] == ["công", "ty"]


def _trade_before_name(tokens: list[Token], st: _Tail) -> bool:
    """"Công ty Cổ phần thủy điện Đakđrinh", "Công ty TNHH MTV xây dựng Xa": a company's trade in lowercase,
    then its proper name (no verb among the lowercase words)."""
    return _company(tokens, st) and not any(is_predicate_at(tokens, x, weak=False) for x in st.loose)


def _ends_name_at(tokens: list[Token], k: int) -> bool:
    """A name does not end where a capitalized word carries it on."""
    return k < len(tokens) and tokens[k].is_word and tokens[k].is_capitalized


def _lowercase_in_tail(tokens: list[Token], st: _Tail) -> bool:
    """Takes the lowercase word(s) at st.j into the name when they belong to it; False when the name
    ends there."""
    j = st.j
    tok = tokens[j]
    if tok.low == "như" and low_at(tokens, j + 1) in ("sau", "dưới", "trên"):
        return False  # "… yêu cầu Bộ X như sau:": the manner of the request, never a name's word
    if (tok.is_number and low_at(tokens, j - 1) == "số") or \
            (tok.low == "số" and j + 1 < len(tokens) and tokens[j + 1].is_number):
        st.j = j + 1
        return True
    n = _BRANCH.match(tokens, j)
    if n and (_LEVELS.match(tokens, j + n) or (j + n < len(tokens) and _is_name_word(tokens[j + n]))):
        st.j = j + n  # "… chi nhánh tỉnh", "… chi nhánh Xa"
        st.tails, st.loose = 0, []
        return True
    if st.tails and _COMPOUNDS.match(tokens, j) == 2 and _LEVELS.match(tokens, j):
        st.j = j + 2  # "Chính sách xã hội": "xã" is not a level here
        st.tails -= 1
        st.loose.append(j)
        return True
    n = _LEVELS.match(tokens, j)
    if n and not _generic_follows(tokens, j + n) and not (tok.low == "cấp" and n == 1):
        st.tails, st.loose = 0, []
        if tokens[j + n - 1].low in _NUMBERED_PLACES and j + n < len(tokens) and tokens[j + n].is_number and \
                low_at(tokens, j + n + 1) not in _SPANS:
            n += 1  # "Công ty Dịch vụ Công ích quận 7", "UBND phường 3": the place is known by its number
        st.j = _more_levels(tokens, j + n)  # "Ban Chỉ huy Phòng thủ dân sự cấp tỉnh, cấp xã chủ trì …"
        # "Trung tâm Phục vụ hành chính công tỉnh công khai …": the level closes a long name.
        st.descriptive = False
        return True
    if tok.low == "cấp":
        return False  # not before a level ("cấp tỉnh" was taken above): the verb "to issue"
    if tok.low == "và" and _and_in_tail(tokens, st):
        return True
    n = _words_before_level(tokens, j) if (st.descriptive or st.tails) else 0
    if n:
        st.j = j + n  # "Trung tâm Giáo dục thường xuyên tỉnh phối hợp …": the level closes the name
        return True
    if st.descriptive and st.run == 0 and (n := _field_verb(tokens, j)):
        st.j = j + n  # "Trung tâm xúc tiến Đầu tư …", "Ban điều hành Dự án …": the work it is named for
        st.run += n
        return True
    if st.descriptive and st.run < MAX_DESCRIPTIVE and _descriptive_word(tokens, j):
        st.j = j + 1
        st.run += 1
        return True
    if st.tails and [t.low for t in tokens[max(0, j - 2):j]] == ["cảnh", "sát"] and tokens[j - 2].is_capitalized and \
            (n := PREDICATES.match(tokens, j)) and not _WEAK.match(tokens, j) and not _ASSIGN.match(tokens, j) and \
            not _ASSIGNED_WORK.match(tokens, j):
        st.j = j + n  # "Cục Cảnh sát điều tra …", "Phòng Cảnh sát quản lý hành chính …": the force named by its work
        st.tails -= 1
        return True
    if st.tails and _ENDS_TAIL.match(tokens, j):
        return False  # "UBND tỉnh Xyz vừa chỉ đạo …", "Ban Thường vụ Tỉnh ủy đồng ý …": tense or assent
    if st.tails and not is_predicate_at(tokens, j) and tok.low not in _LIST_SEPARATORS and tok.low != "các" \
            and not _hands_over(tokens, j) and not (tok.low == "nêu" and low_at(tokens, j + 1) == "trên"):
        st.loose.append(j)
        st.j = j + 1
        st.tails -= 1
        return True
    return False


def _joint_office(tokens: list[Token], j: int) -> bool:
    """"Văn phòng Đoàn ĐBQH và HĐND tỉnh": the one office of the delegation and the council, at "và"."""
    if low_at(tokens, j - 1) == "đbqh" or [t.low for t in tokens[max(0, j - 2):j]] == ["quốc", "hội"]:
        return any(low_at(tokens, k) == "văn" and low_at(tokens, k + 1) == "phòng" for k in range(max(0, j - 8), j))
    return False


def _field_verb(tokens: list[Token], j: int) -> int:
    """A verb right after a descriptive head and before a capitalized field ("Trung tâm xúc tiến Đầu tư,
    Thương mại …"): the work the body is named for, part of its name; its length, or 0. A unit, a
    document or an event after the verb is its object ("Trung tâm tổ chức Hội nghị …")."""
    if not any(k >= 0 and tokens[k].is_capitalized and _DESCRIPTIVE.match(tokens, k) == j - k for k in range(j - 3, j)):
        return 0  # the head in lowercase ("trung tâm") is an ordinary noun
    n = PREDICATES.match(tokens, j)
    if not n or _WEAK.match(tokens, j) or tokens[j].is_capitalized:
        return 0
    k = j + n
    if k >= len(tokens) or not _is_name_word(tokens[k]) or tokens[k].is_abbreviation or \
            starts_unit_head(tokens, k) or _NOT_UNIT.match(tokens, k) or PREDICATES.match(tokens, k):
        return 0
    return n


def _and_in_tail(tokens: list[Token], st: _Tail) -> bool:
    """At "và" inside a name's tail: takes it when the name goes on after it."""
    j = st.j
    if _name_continues_after_and(tokens, j) or (st.descriptive and _second_kind_after_and(tokens, j)) or \
            (low_at(tokens, j - 1) in ("hđnd",) and _LEVEL_HEADS.match(tokens, j + 1)) or \
            (_joint_office(tokens, j) and low_at(tokens, j + 1) in ("hđnd", "hội")):
        st.j = j + 1
        st.loose = []
        return True
    if any(tokens[m].text == "," for m in range(max(st.start, j - 4), j)) and _field_ends_text(tokens, j + 1):
        st.j = len(tokens) if tokens[-1].text != ":" else len(tokens) - 1
        return True  # "…, thương mại và du lịch" ending a heading: the last of the name's fields
    if st.descriptive and st.run and j + 1 < len(tokens) and \
            not tokens[j + 1].is_capitalized and _PLURAL_HEADS.match(tokens, j + 1):
        st.j = j + 1  # "Ban Quản lý các khu công nghệ cao và khu công nghiệp": two kinds it manages
        return True
    return False


def _mark_in_name(tokens: list[Token], j: int, tails: int, inside: bool,
                  commas: bool) -> tuple[int, int | None, bool] | None:
    """At a mark inside a unit's name: the index after it, the new count of lowercase words the name
    may still take (None: unchanged) and whether the loose words before it still count; None when
    the mark ends the name. `inside`: the name is descriptive or has just taken a capitalized word."""
    tok = tokens[j]
    if tok.text in _DASHES and (_POSTS.match(tokens, j + 1) or _APPOSITION.match(tokens, j + 1)):
        # "Trưởng phòng Văn hóa - Xã hội - Phó Trưởng tiểu ban": the post the person also holds; "Bộ Tài chính -
        # Cơ quan Thường trực Ban Chỉ đạo": what the body is, after its name
        return None
    if (tok.text in _DASHES or tok.text == "&") and j + 1 < len(tokens) and _is_name_word(tokens[j + 1]):
        return j + 1, None, False  # "Sở Lao động - Thương binh …", "… Nông nghiệp & PTNT"
    if tok.text == "." and j + 1 < len(tokens) and low_at(tokens, j - 1) in ("tp", "tx", "tt") and \
            _is_name_word(tokens[j + 1]):
        return j + 1, None, True  # "UBND TP. Hà Nội"
    if (tok.text in _DASHES or tok.text == "&") and tails and _lowercase_name_part(tokens, j + 1):
        return j + 1, 2, False  # "Phòng Kinh tế – hạ tầng thẩm định …", "phòng Tài chính & kế hoạch thẩm định …"
    if tok.text == "," and j > 0 and low_at(tokens, j - 1) == "phòng" and low_at(tokens, j + 1) == "chống" and inside:
        return j + 2, None, True  # "Ban Chỉ đạo phòng, chống thiên tai …": one name
    if tok.text == "," and [t.low for t in tokens[max(0, j - 2):j]] == ["phòng", "cháy"] and \
            [t.low for t in tokens[j + 1:j + 3]] == ["chữa", "cháy"] and inside:
        k = j + 3
        if [t.low for t in tokens[k:k + 6]] == ["và", "cứu", "nạn", ",", "cứu", "hộ"]:
            k += 6  # "Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ": the force's full name
        return k, None, True  # "Ban Chỉ huy phòng cháy, chữa cháy rừng tỉnh": one name
    if tok.text == "," and _same_kind_again(tokens, j):
        return j + 1, None, True  # "Ban Quản lý các Khu công nghiệp, Khu kinh tế": the zones it manages
    if tok.text == "," and _abbreviated_fields(tokens, j):
        return j + 1, None, True  # "Ban Chỉ huy PCTT, TKCN và PTDS xã": the fields of one body, in initials
    if tok.text == "," and commas and _internal_comma(tokens, j):
        return j + 1, None, False
    if tok.text == "," and commas and inside and _fields_up_to_level(tokens, j + 1):
        return j + 1, MAX_NAME_TAIL, False  # "Trung tâm Xúc tiến đầu tư, thương mại và du lịch tỉnh"
    if tok.text == "," and commas and tails and (end := _lowercase_after_comma(tokens, j)):
        return end, 0, False  # "Cục Quản lý Khám, chữa bệnh", "Vụ … Phổ biến, giáo dục pháp luật"
    if tok.text == "(" and j + 2 < len(tokens) and tokens[j + 1].is_abbreviation and tokens[j + 2].text == ")":
        return j + 3, None, True
    return None


def _same_kind_again(tokens: list[Token], j: int) -> bool:
    """The comma at j before the kind that follows "các" earlier in a board's name, said again for a
    second kind of it ("… các Khu công nghiệp, Khu kinh tế")."""
    if j + 2 >= len(tokens):
        return False
    if not tokens[j + 1].is_capitalized:
        # "Ban quản lý khu công nghiệp, khu kinh tế, khu chế xuất": the kind right after the board's head, again
        return tokens[j + 1].low in _KINDS_MANAGED and any(
            tokens[k].low == tokens[j + 1].low and any(_DESCRIPTIVE.match(tokens, m) == k - m for m in range(max(0, k - 4), k))
            for k in range(max(0, j - 8), j - 1))
    return any(tokens[k].low == "các" and tokens[k + 1].low == tokens[j + 1].low and tokens[k + 1].is_capitalized
               and any(_DESCRIPTIVE.match(tokens, m) for m in range(max(0, k - 4), k))
               for k in range(max(0, j - 6), j - 1))


# What a management board is named for, said again for a second kind ("… khu công nghiệp, khu kinh tế")
_KINDS_MANAGED = {"khu", "dự", "cụm", "công"}


def _abbreviated_fields(tokens: list[Token], j: int) -> bool:
    """The comma at j between initials in a run that "và" closes on initials: "PCTT, TKCN và PTDS"."""
    if j == 0 or not tokens[j - 1].is_abbreviation:
        return False
    k = j
    while low_at(tokens, k) == "," and k + 1 < len(tokens) and tokens[k + 1].is_abbreviation:
        k += 2
    return k > j and low_at(tokens, k) == "và" and k + 1 < len(tokens) and tokens[k + 1].is_abbreviation


def _more_places(tokens: list[Token], end: int) -> int:
    """"UBND xã Ea Sơn, Bình Lộc, thị trấn Buôn Hồ": one committee's name run on over the places it
    lists, as "UBND các xã A, B" does; a unit's head word after the comma ends it."""
    while low_at(tokens, end) in (",", "và"):
        k = end + 1
        k += _LEVELS.match(tokens, k) if _LEVELS.match(tokens, k) and not _generic_follows(tokens, k) else 0
        if k >= len(tokens) or not _is_name_word(tokens[k]) or tokens[k].is_abbreviation or \
                starts_unit_head(tokens, k) or PREDICATES.match(tokens, k) or _NOT_UNIT.match(tokens, k):
            break
        place = _place_names(tokens, k)
        if place - k > 3 or not (place >= len(tokens) or tokens[place].text in (",", ";", ".", ":", ")")
                                 or tokens[place].low == "và" or is_predicate_at(tokens, place, weak=False)):
            break
        end = place
    return end


# Levels whose places a city numbers ("quận 7", "phường 3", "khu phố 2", "tổ dân phố 5", "ấp 4").
_NUMBERED_PLACES = {"quận", "phường", "phố", "ấp", "thôn", "xóm", "bản", "vực"}  # "vực": "khu vực 8"
_SPANS = {"ngày", "tuần", "tháng", "quý", "năm", "giờ"}  # "UBND quận 6 tháng đầu năm …": a span, no number of it


def _more_levels(tokens: list[Token], j: int) -> int:
    """", cấp xã", "và cấp xã" after a name's "cấp tỉnh": the same body at another level, when the
    action (or the end of the list) follows."""
    end = j
    while low_at(tokens, end) in (",", "và") and low_at(tokens, end + 1) == "cấp":
        m = _LEVELS.match(tokens, end + 1)
        if m < 2:
            break
        after = end + 1 + m
        if not (after >= len(tokens) or tokens[after].text in (",", ";", ":", ".", ")") or tokens[after].low == "và"
                or is_predicate_at(tokens, after, weak=False)):
            break
        end = after
    return end


def _lowercase_name_part(tokens: list[Token], j: int) -> bool:
    """One or two lowercase words after a dash or "&" that finish a name: no verb, no unit, no
    apposition among them, and a verb (or punctuation) right after them."""
    for n in (1, 2):
        words = range(j, j + n)
        if j + n > len(tokens) or any(not tokens[k].is_word or tokens[k].is_capitalized or tokens[k].is_number or
                                      is_predicate_at(tokens, k) or _GENERIC.match(tokens, k) or _ROLES.match(tokens, k)
                                      or _APPOSITION.match(tokens, k) or tokens[k].low in _LIST_SEPARATORS
                                      for k in words):
            return False
        k = j + n
        if k >= len(tokens) or tokens[k].text in (",", ";", ":", ".") or is_predicate_at(tokens, k, weak=False):
            return True
    return False


def _field_ends_text(tokens: list[Token], j: int) -> bool:
    """"Trung tâm Xúc tiến đầu tư, thương mại và du lịch" as an item's heading: one or two lowercase words
    of a field after "và" end the text (or its label's colon), no level needed."""
    for n in (1, 2):
        words = tokens[j:j + n]
        if len(words) < n or any(not t.is_word or t.is_capitalized or t.is_number or _LEVELS.match(tokens, j + i) or
                                 is_predicate_at(tokens, j + i, weak=False) for i, t in enumerate(words)):
            return False
        if j + n == len(tokens) or tokens[j + n].text == ":" and j + n + 1 == len(tokens):
            return True
    return False


def _words_before_level(tokens: list[Token], j: int) -> int:
    """One or two lowercase words that look like a verb ("thường xuyên") but sit between a name and
    its level word, with the action after the level: they belong to the name."""
    for n in (1, 2):
        k = j + n
        if any(not tokens[m].is_word or tokens[m].is_capitalized or tokens[m].is_number or _LEVELS.match(tokens, m)
               or tokens[m].low in _LIST_SEPARATORS or tokens[m].low == "các" for m in range(j, min(k, len(tokens)))):
            return 0
        if k >= len(tokens):
            return 0
        m = _LEVELS.match(tokens, k)
        if m and not (tokens[k].low == "cấp" and m == 1):
            after = k + m
            if after >= len(tokens) or tokens[after].text in (",", ":", ";") or \
                    is_predicate_at(tokens, after, weak=False):
                return n
    return 0


def _generic_follows(tokens: list[Token], j: int) -> bool:
    """A generic noun after a level word ("huyện, cơ quan"), not a verb ("tỉnh tổ chức", "tỉnh ban hành")."""
    return bool(_GENERIC.match(tokens, j)) and not is_predicate_at(tokens, j, weak=False)


def _lowercase_after_comma(tokens: list[Token], j: int) -> int:
    """"Khám, chữa bệnh", "Vụ Phổ biến, giáo dục pháp luật": two to four lowercase syllables after a
    comma finish the name when a verb or punctuation follows them and they name no unit of their own.
    The index after them, or 0."""
    k = j + 1
    while k < len(tokens):
        if k >= j + 3 and (tokens[k].text in (",", ";", ".", ")", ":") or is_predicate_at(tokens, k, weak=False) or
                           tokens[k].low == "và" and k + 1 < len(tokens) and
                           (tokens[k + 1].is_capitalized or tokens[k + 1].low == "các")):
            return k  # "… giáo dục pháp luật và các đơn vị liên quan": the list goes on after the name
        if k > j + MAX_FIELD_AFTER_COMMA or not tokens[k].is_word or tokens[k].is_capitalized or tokens[k].is_number:
            return 0
        if is_predicate_at(tokens, k) or _LEVELS.match(tokens, k) or _GENERIC.match(tokens, k) or \
                _ROLES.match(tokens, k) or starts_unit_head(tokens, k) or _PLURAL_HEADS.match(tokens, k) or \
                _ENTERPRISES.match(tokens, k) or \
                tokens[k].low in _LIST_SEPARATORS or tokens[k].low in ("các", "những", "từng", "mỗi"):
            return 0  # (", doanh nghiệp liên quan": a kind of its own)
        k += 1
    return k if k >= len(tokens) and k >= j + 3 else 0


MAX_FIELD_AFTER_COMMA = 4  # lowercase syllables of the field a name names after its comma


def _hands_over(tokens: list[Token], j: int) -> bool:
    """"Bộ Tư pháp giao Vụ …": a handing verb followed by a unit ends the name."""
    n = _ASSIGN.match(tokens, j)
    return bool(n) and parse_unit(tokens, j + n + (low_at(tokens, j + n) == "cho")) is not None


def _descriptive_word(tokens: list[Token], j: int) -> bool:
    tok = tokens[j]
    if tok.low == "và" and j + 1 < len(tokens) and tokens[j + 1].is_word:
        # "dự án đầu tư và xây dựng", "công trình dân dụng và công nghiệp tỉnh": joins two words of
        # the name unless a unit follows.
        return not parse_unit(tokens, j + 1) and (tokens[j + 1].is_capitalized or _NOMINAL.match(tokens, j + 1) > 0
                                                  or _words_before_level(tokens, j + 1) > 0)
    if tok.low in _LIST_SEPARATORS or tok.low in ("mỗi", "từng"):
        return False  # "Trung tâm Y tế dự phòng mỗi đơn vị huy động …": each of the units listed, no name
    if tok.low == "các":
        return not (_GENERIC.match(tokens, j + 1) or _LEVELS.match(tokens, j + 1) or _ROLES.match(tokens, j + 1))
    if _NOMINAL.match(tokens, j):
        return True
    return not is_predicate_at(tokens, j)


def _name_continues_after_and(tokens: list[Token], j: int) -> bool:
    """"Nông nghiệp và Môi trường": "và" joins two words of one name, not two units."""
    nxt = j + 1
    if (low_at(tokens, j - 1), low_at(tokens, nxt)) in _SIZE_PAIRS:
        return True  # "Hiệp hội Doanh nghiệp nhỏ và vừa": the fixed pair of sizes, inside the name
    if nxt >= len(tokens) or not tokens[nxt].is_word or not tokens[nxt].is_capitalized:
        return False
    return not starts_unit_head(tokens, nxt)


_SIZE_PAIRS = {("nhỏ", "vừa"), ("vừa", "nhỏ")}


def _second_kind_after_and(tokens: list[Token], j: int) -> bool:
    """"Ban Quản lý các khu công nghệ cao và khu công nghiệp": a board over the kinds of zone it
    manages names a second kind after "và", without "các", inside its name."""
    n = _PLURAL_HEADS.match(tokens, j + 1)
    if not n or tokens[j + 1].is_capitalized:
        return False
    return any(tokens[k].low == "các" and _PLURAL_HEADS.match(tokens, k + 1) for k in range(max(0, j - 8), j))


def _fields_up_to_level(tokens: list[Token], j: int) -> bool:
    """After a comma in a name: lowercase fields, "và", one more field and the level that closes the
    name ("…, thương mại và du lịch tỉnh", "…, khuyến nông và thú y huyện"); no unit, verb or level
    on the way."""
    k = j
    while k < len(tokens) and k < j + 4:
        tok = tokens[k]
        if tok.low == "và":
            return k > j and (_words_before_level(tokens, k + 1) > 0 or _field_ends_text(tokens, k + 1))
        if not tok.is_word or tok.is_capitalized or tok.low == "các" or _LEVELS.match(tokens, k) or \
                starts_unit_head(tokens, k) or is_predicate_at(tokens, k, weak=False) and not _NOMINAL.match(tokens, k):
            return False
        k += 1
    return False


def _internal_comma(tokens: list[Token], j: int) -> bool:
    """"Lao động, Thương binh và Xã hội": a comma inside a name is followed later by "và" + Name."""
    nxt = j + 1
    if nxt >= len(tokens) or not tokens[nxt].is_word or not tokens[nxt].is_capitalized:
        return False
    if starts_unit_head(tokens, nxt) or tokens[nxt].is_abbreviation:
        return False
    k = nxt
    while k < len(tokens) and k < nxt + 8:
        tok = tokens[k]
        if tok.low == "và":
            return k + 1 < len(tokens) and tokens[k + 1].is_capitalized and not starts_unit_head(tokens, k + 1)
        if tok.text == "," and k + 1 < len(tokens) and tokens[k + 1].is_word and tokens[k + 1].is_capitalized and \
                not starts_unit_head(tokens, k + 1) and not tokens[k + 1].is_abbreviation:
            k += 1  # "Văn hóa, Nghệ thuật, Thể thao và Du lịch": more fields of the one name
            continue
        if not tok.is_word or (not tok.is_capitalized and is_predicate_at(tokens, k)):
            return False
        k += 1
    return False


# "Phòng thủ dân sự", "Phòng chống thiên tai": the work of a body's name, not a "Phòng" (a department).
_GUARD_WORK = {"thủ", "chống", "ngừa", "cháy", "tránh"}


def starts_unit_head(tokens: list[Token], i: int) -> bool:
    if low_at(tokens, i) == "phòng" and low_at(tokens, i + 1) in _GUARD_WORK and not tokens[i + 1].is_capitalized:
        return False
    return bool(_NAMED.match(tokens, i) or _LEVEL_HEADS.match(tokens, i) or _PERSON.match(tokens, i)
                or _ROLES.match(tokens, i) or (i < len(tokens) and is_defined_unit(tokens[i].text)))


# Bodies named by their work, the same words as the verb ("Thống kê tỉnh" / "thống kê số liệu")
_VERB_HEADS = {("thống", "kê"), ("thanh", "tra")}


def _named_unit(tokens: list[Token], i: int) -> int | None:
    """End of a unit introduced by a head word at i, or None."""
    if i < len(tokens) and is_defined_unit(tokens[i].text):
        return i + 1  # "ĐVĐT lập kế hoạch …": a short name the document defined for one of its units
    n = _LEVEL_HEADS.match(tokens, i)
    if n and tokens[i].low in ("công", "đoàn", "hội") and low_at(tokens, i + n) == "trường" and \
            (i + n + 1 >= len(tokens) or not _is_name_word(tokens[i + n + 1])):
        return i + n + 1  # "Công đoàn trường", "Đoàn thanh niên trường": the school's own
    if n and low_at(tokens, i + n) == "viên":
        return None  # "Huyện ủy viên", "Tỉnh ủy viên": a member's title, not the committee
    if n and _PLACE_BOARDS.match(tokens, i) == n and not _LEVELS.match(tokens, i + n + (
            low_at(tokens, i + n) == "các" or (i + n < len(tokens) and tokens[i + n].is_number))):
        n = 0  # "Ban điều hành Dự án …": a board named for its work, not a place's ("Ban điều hành khu phố 3")
    if n and low_at(tokens, i + 1) == "bộ" and (not tokens[i].is_capitalized or low_at(tokens, i + n) == "cơ"):
        n = 0  # "Đảng bộ xã X", "Chi bộ thôn 3" are one place's; "các chi bộ, đảng bộ cơ sở" are kinds
    if n:
        j = i + n
        if j < len(tokens) and tokens[j].is_number and _LEVELS.match(tokens, j + 1) and \
                (end := _level_run(tokens, j + 1)):
            return end  # "Ban điều hành 8 khu phố", "UBND 05 xã": a count of places stands for "các"
        if n > 1 and j < len(tokens) and tokens[j].is_number and tokens[i].is_capitalized:
            j += 1  # "Thuế cơ sở 5", "Kho bạc Nhà nước khu vực XV": the body's number
        if low_at(tokens, j) == "các":
            end = _level_run(tokens, j + 1)
            if not end and _GENERIC.match(tokens, j + 1):
                # "Thanh tra các bộ, ngành, địa phương", "Công an các đơn vị": the body of each of those
                end = _generic_run(tokens, j + 1)
            return end if end else None
        run = _level_run(tokens, j)
        if run and run > j + 1 and tokens[j + 1].low in (",", "và", "/", "hoặc"):
            return run
        # "Ban QLDA đầu tư xây dựng các công trình …": a descriptive head runs on in lowercase.
        end = _name_tail(tokens, j, bool(_DESCRIPTIVE.match(tokens, i)))
        if end > j and _LEVELS.match(tokens, j) and tokens[i].low in ("ubnd", "ủy", "uỷ", "hđnd"):
            end = _more_places(tokens, end)
            if end == j + _LEVELS.match(tokens, j) and low_at(tokens, end) == "và" and low_at(tokens, end + 1) == "các" \
                    and (run := _level_run(tokens, end + 2)) and _name_ends(tokens, run):
                end = run  # "UBND thành phố và các huyện": the committee of each of those places, one group
        if end == j and n == 2 and (tokens[i].low, tokens[i + 1].low) in _VERB_HEADS and j < len(tokens) and \
                (i == 0 or not tokens[i - 1].is_word) and \
                tokens[j].is_word and not tokens[j].is_capitalized and not PREDICATES.match(tokens, j):
            return None  # "Thống kê đàn vật nuôi", "Thanh tra việc chấp hành …": the verb, its object after it
        if end > j or tokens[i].low in _STANDALONE or (n > 1 and tokens[i].is_capitalized):
            return end
    n = _NAMED.match(tokens, i)
    if n and PREDICATES.match(tokens, i) > n:
        return None  # "TỔ CHỨC THỰC HIỆN", "BÁO CÁO": a verb in capitals, not "Tổ …", "Báo …"
    if n:
        # "Ban chỉ đạo 127 Trung ương": the name starts after the whole descriptive head.
        d = _DESCRIPTIVE.match(tokens, i)
        j = i + max(n, d)
        descriptive = bool(d)
        if _LEVEL_HEADS.match(tokens, j):
            inner = _named_unit(tokens, j)
            if inner:
                # "Phòng Thanh tra pháp chế và Đảm bảo …": a department named after a body runs on in its
                # field's lowercase words when the field turns to capitals again
                field = MAX_NAME_TAIL if tokens[i].is_capitalized and inner == j + _LEVEL_HEADS.match(tokens, j) \
                    and tokens[j].is_capitalized and any(
                        _is_name_word(t) for t in tokens[inner + 1:inner + MAX_NAME_TAIL]) else 0
                return _plural_levels(tokens, _name_tail(tokens, inner, False, tails=field))
        if not descriptive and tokens[i].is_capitalized and (m := _NOMINAL.match(tokens, j) or _SCHOOL_PART.match(tokens, j)) and \
                j + m < len(tokens) and _is_name_word(tokens[j + m]) and not tokens[j + m].is_abbreviation and \
                not starts_unit_head(tokens, j + m) and not _NOT_UNIT.match(tokens, j + m):
            # "Ban xây dựng Đảng", "Ban quản lý Dự án …": the work a body is named for, in lowercase
            end = _name_tail(tokens, j + m, False)
            return _plural_levels(tokens, end) if end > j + m else None
        if j < len(tokens) and (_is_name_word(tokens[j]) or descriptive):
            end = _name_tail(tokens, j, descriptive)
            return _plural_levels(tokens, end) if end > j else None
        if tokens[i].is_capitalized and (national := _trade_then_country(tokens, j)):
            return national  # "Hiệp hội cà phê Việt Nam": a national association named by its trade
        if tokens[i].is_capitalized and (local := _plain_words_then_level(tokens, j)):
            return local  # "Bệnh viện đa khoa huyện", "Đài truyền thanh – truyền hình huyện" as a portal writes them
        if tokens[i].is_capitalized and low_at(tokens, i) == "văn" and n == 2 and _name_ends(tokens, j) and \
                j < len(tokens) and tokens[j].text not in (",", "."):
            return j  # "Văn phòng chủ trì …" in a body's own plan: its office, named alone
        m = _LEVELS.match(tokens, j)
        if m and tokens[i].is_capitalized and tokens[j].low != "cấp" and _name_ends(tokens, j + m):
            return j + m  # "Báo tỉnh", "Đài huyện": the body of the place the directive is about
        if m and tokens[i].is_capitalized and low_at(tokens, j) == "khu" and j + m < len(tokens) and \
                (tokens[j + m].is_number or _ROMAN.fullmatch(tokens[j + m].text)) and _name_ends(tokens, j + m + 1):
            return j + m + 1  # "Kiểm toán khu vực VII", "Thuế khu vực 3": the body of a numbered area
        if tokens[i].is_capitalized and _SHORT_FORMS.match(tokens, i) == n:
            # "Mặt trận và các đoàn thể …", "Mặt trận các cấp": the Front, named short ("Mặt trận tổ quốc" in
            # lower case too)
            end = j + 2 if [low_at(tokens, j), low_at(tokens, j + 1)] in (["các", "cấp"], ["tổ", "quốc"]) else j
            return end if _name_ends(tokens, end) else None
    return None


MAX_TRADE_NAME = 3  # "Hiệp hội (chế biến gỗ) Việt Nam"


MAX_PLAIN_NAME = 4  # "(Đài) truyền thanh – truyền hình (huyện)"


def _plain_words_then_level(tokens: list[Token], j: int) -> int | None:
    """"(Bệnh viện) đa khoa huyện": plain words of a body's field, then its level, then the action."""
    k, words = j, 0
    while k < len(tokens) and words < MAX_PLAIN_NAME and (
            tokens[k].is_word and not tokens[k].is_capitalized and not is_predicate_at(tokens, k) and
            tokens[k].low not in _LIST_SEPARATORS and tokens[k].low != "các" and not _LEVELS.match(tokens, k) or
            words and tokens[k].text in ("-", "–")):
        words += tokens[k].is_word
        k += 1
    m = _LEVELS.match(tokens, k) if words and tokens[k - 1].is_word else 0
    if m and tokens[k].low != "cấp" and _name_ends(tokens, k + m):
        return k + m
    return None


def _trade_then_country(tokens: list[Token], j: int) -> int | None:
    """"(Hiệp hội) mắc ca Việt Nam": plain words of a trade, then the country, end a body's name."""
    k = j
    while k < min(len(tokens), j + MAX_TRADE_NAME) and tokens[k].is_word and not tokens[k].is_capitalized and \
            not is_predicate_at(tokens, k) and tokens[k].low not in _LIST_SEPARATORS and tokens[k].low != "các":
        k += 1
    if k > j and low_at(tokens, k) == "việt" and low_at(tokens, k + 1) == "nam":
        return k + 2
    return None


def _name_ends(tokens: list[Token], k: int) -> bool:
    return k >= len(tokens) or tokens[k].text in (",", ";", ":", ".", ")") or tokens[k].low == "và" or \
        is_predicate_at(tokens, k, weak=False)


def _plural_levels(tokens: list[Token], end: int) -> int:
    """"Sở Y tế các tỉnh, thành phố trực thuộc Trung ương": the same unit at every place of a level."""
    if low_at(tokens, end) == "các":
        run = _committee_run(tokens, end + 1) or _level_run(tokens, end + 1)
        if run:
            return _on_the_territory(tokens, run)  # "… các thôn trên địa bàn xã"
    return end


def _committee_run(tokens: list[Token], j: int) -> int | None:
    """"Ban Thường vụ các huyện ủy, thị ủy, thành ủy": party committees of every place of a level."""
    n = _STANDING_BODIES.match(tokens, j)
    if not n:
        return None
    end = j + n
    while end + 1 < len(tokens) and tokens[end].low in (",", "và"):
        m = _STANDING_BODIES.match(tokens, end + 1)
        if not m:
            break
        end += 1 + m
    return end


def _party_run(tokens: list[Token], k: int) -> int:
    """"cấp ủy, tổ chức đảng, chính quyền các cấp" after "các": the end of the run of kinds."""
    end = k + _PARTY_KINDS.match(tokens, k)
    while low_at(tokens, end) in (",", "và") and _PARTY_KINDS.match(tokens, end + 1):
        end += 1 + _PARTY_KINDS.match(tokens, end + 1)
    q = _QUALIFIERS.match(tokens, end)
    if q and tokens[end].low in ("trực", "thuộc"):  # "các đảng bộ trực thuộc", "các chi bộ thuộc Đảng ủy xã"
        return _qualifier_end(tokens, end, q)
    return _all_levels(tokens, _plural_levels(tokens, end))


def _all_levels(tokens: list[Token], end: int) -> int:
    """"… từ Trung ương đến địa phương" / "đến cơ sở" closing a kind of body: every level of it."""
    words = [t.low for t in tokens[end:end + 6]]
    if words[:4] == ["từ", "trung", "ương", "đến"] and words[4:6] in (["địa", "phương"], ["cơ", "sở"]):
        return end + 6
    # "… từ tỉnh đến cơ sở", "… từ huyện đến xã"
    if words[:3] in (["từ", "tỉnh", "đến"], ["từ", "huyện", "đến"]):
        if words[3:5] in (["cơ", "sở"], ["địa", "phương"]):
            return end + 5
        if words[3:4] in (["huyện"], ["xã"], ["thôn"]):
            return end + 4
    return end


def enterprise_end(tokens: list[Token], j: int) -> int | None:
    """"(các) doanh nghiệp viễn thông", "hộ kinh doanh trên địa bàn": a kind of enterprise as a partner."""
    k = j + (low_at(tokens, j) in ("các", "những"))
    end = _plural_unit(tokens, k, _ENTERPRISES)
    return _trade_end(tokens, end) if end else end


MAX_TRADE_WORDS = 6  # "(doanh nghiệp cung cấp) dịch vụ an toàn thông tin"


def _trade_end(tokens: list[Token], end: int) -> int:
    """"(các doanh nghiệp) cung cấp dịch vụ viễn thông": the trade that names a kind of enterprise, its
    object in plain words up to the action's verb; end when no trade, or no object, follows."""
    n = _TRADES.match(tokens, end)
    if not n and any(_TRADES.match(tokens, end - m) == m for m in (1, 2) if end - m >= 0) and \
            low_at(tokens, end) in (",", "và") and _TRADES.match(tokens, end + 1):
        n = 0  # the kind's tail took its first trade ("doanh nghiệp sản xuất"): the others follow
    elif not n:
        return end
    trades = end + n
    # "sản xuất, chế biến và xuất khẩu hàng hóa": several trades of one kind of enterprise
    while low_at(tokens, trades) in (",", "và") and (more := _TRADES.match(tokens, trades + 1)):
        trades += 1 + more
    k = trades
    while k < min(len(tokens), trades + MAX_TRADE_WORDS) and tokens[k].is_word and not tokens[k].is_capitalized \
            and tokens[k].low not in ("các", "những", "và", "để", "theo", "trên", "tại") \
            and not is_predicate_at(tokens, k, weak=False):
        k += 1
    return k if k > trades else end


def _kind_initials(tokens: list[Token], k: int) -> bool:
    """"(các cơ sở KCB) BHYT", "(các doanh nghiệp) FDI": initials that narrow a kind, no body's name."""
    return tokens[k].is_abbreviation and not tokens[k].is_number and parse_unit(tokens, k) is None and \
        low_at(tokens, k + 1) not in ("-", "–")


def _plural_unit(tokens: list[Token], k: int, heads: PhraseIndex = _PLURAL_HEADS) -> int | None:
    """"bệnh viện trực thuộc Bộ Y tế" after "các": a kind of unit, then what narrows it."""
    n = heads.match(tokens, k)
    levels = _school_levels(tokens, k + n) if n and low_at(tokens, k) == "trường" else k + n
    if not n or (levels == k + n and k + n < len(tokens) and tokens[k + n].is_word and tokens[k + n].is_capitalized and
                 not _kind_initials(tokens, k + n) and not _state_owned(tokens, k + n)) or _NOT_A_KIND.match(tokens, k):
        return None
    end = _on_the_territory(tokens, _all_levels(tokens, levels if levels > k + n else _name_tail(tokens, k + n, True)))
    if end > k + n:
        end = _more_fields(tokens, end)
    end = _other_tiers(tokens, end)
    if [t.low for t in tokens[end - 2:end + 3]] == ["trung", "ương", "và", "địa", "phương"]:
        end += 3  # "các phương tiện thông tin đại chúng ở Trung ương và địa phương": both tiers
    end += _AREA.match(tokens, end)  # "các trường vùng cao", "các doanh nghiệp có nguy cơ cao"
    end = _having_end(tokens, end) or end  # "các trường học có học sinh bán trú"
    if low_at(tokens, end) == "trên" and _QUALIFIERS.match(tokens, end):
        end += _QUALIFIERS.match(tokens, end)  # "các doanh nghiệp trên địa bàn"
    if low_at(tokens, end - 1) == "trực" and low_at(tokens, end) == "thuộc":
        end -= 1  # the tail took "trực" of "trực thuộc"
    low = low_at(tokens, end)
    if low in ("trực", "thuộc"):
        m = end + (2 if low == "trực" and low_at(tokens, end + 1) == "thuộc" else 1)
        inner = parse_unit(tokens, m)
        if inner and inner[0] in (NAMED, GROUP):
            end = inner[1]
        elif m == end + 2:
            end = m  # "các trường học trực thuộc": the units under the speaker
    return end


# The levels of school a letter names after "các trường" ("MN, TH, THCS", "mầm non, tiểu học và THCS")
_SCHOOL_LEVELS = PhraseIndex(frozenset({("mn",), ("mg",), ("th",), ("thcs",), ("thpt",), ("mầm", "non"), ("mẫu", "giáo"),
                                         ("tiểu", "học"), ("trung", "học", "cơ", "sở"), ("trung", "học", "phổ", "thông"),
                                         ("ptdtbt",), ("ptdtnt",), ("gdtx",), ("liên", "cấp"),
                                         # higher and vocational schools ("các trường ĐH, CĐ, TC")
                                         ("đh",), ("cđ",), ("tc",), ("đhsp",), ("cđsp",)}))


def _school_levels(tokens: list[Token], k: int) -> int:
    """The end of a run of two or more school levels from k ("MN, TH, THCS"), or k when there is none."""
    end, count = k, 0
    while (n := _SCHOOL_LEVELS.match(tokens, end)):
        end, count = end + n, count + 1
        if low_at(tokens, end) in (",", "và", "/", "&", "-") and _SCHOOL_LEVELS.match(tokens, end + 1):
            end += 1
        else:
            break
    return end if count >= 2 else k


def _state_owned(tokens: list[Token], k: int) -> bool:
    """"(các doanh nghiệp) Nhà nước": the state that owns them, capitalized as custom has it, no proper name."""
    return low_at(tokens, k) == "nhà" and low_at(tokens, k + 1) == "nước" and \
        not (k + 2 < len(tokens) and tokens[k + 2].is_capitalized)


MAX_MORE_FIELD_WORDS = 3


def _more_fields(tokens: list[Token], end: int) -> int:
    """"(các đơn vị quản lý hồ chứa) thủy điện, thủy lợi và các đơn vị …": a plain field after a comma, no
    kind, level or verb of its own, before "và", the verb or the end, is one more object of the kind's trait."""
    if low_at(tokens, end) != ",":
        return end
    k = end + 1
    while k < len(tokens) and k <= end + MAX_MORE_FIELD_WORDS and tokens[k].is_word and \
            not tokens[k].is_capitalized and not tokens[k].is_number and tokens[k].low not in _LIST_SEPARATORS and \
            tokens[k].low not in ("các", "những", "toàn", "nhân") and not is_predicate_at(tokens, k, weak=False) and \
            not (_PLURAL_HEADS.match(tokens, k) or _GENERIC.match(tokens, k) or _LEVELS.match(tokens, k) or
                 _ROLES.match(tokens, k) or _MASS.match(tokens, k) or _ENTERPRISES.match(tokens, k) or
                 starts_unit_head(tokens, k) or _QUALIFIERS.match(tokens, k)):
        k += 1
    if k == end + 1 or not (k >= len(tokens) or tokens[k].text in (".", ";") or
                            (tokens[k].low == "và" and low_at(tokens, k + 1) in ("các", "những")) or
                            is_predicate_at(tokens, k, weak=False)):
        return end
    return k


_TIERS = {"tỉnh", "huyện", "xã", "thành phố", "thị xã", "quận", "phường", "khu vực", "trung ương", "cơ sở"}


def _tier_at(tokens: list[Token], j: int) -> int:
    """Tokens of a tier at j ("huyện", "khu vực", "tuyến huyện"), 0 if none."""
    k = j + (low_at(tokens, j) == "tuyến")
    for size in (2, 1):
        if " ".join(t.low for t in tokens[k:k + size]) in _TIERS and len(tokens[k:k + size]) == size:
            return k + size - j
    return 0


def _other_tiers(tokens: list[Token], end: int) -> int:
    """"Các bệnh viện đa khoa tỉnh, khu vực", "… tuyến tỉnh, tuyến huyện": the same kind at another tier,
    when the kind ended on a tier and the list, a clause or the action follows."""
    if not (_tier_at(tokens, end - 1) == 1 or _tier_at(tokens, end - 2) == 2):
        return end
    while low_at(tokens, end) in (",", "và") and (m := _tier_at(tokens, end + 1)):
        after = end + 1 + m
        if not (after >= len(tokens) or tokens[after].text in (",", ";", ":", ".", ")") or
                is_predicate_at(tokens, after, weak=False)):
            break
        end = after
    return end


def _on_the_territory(tokens: list[Token], end: int) -> int:
    """"các doanh nghiệp … trên địa bàn tỉnh (X)": where the kind of unit works narrows it."""
    if [t.low for t in tokens[end:end + 3]] == ["trên", "địa", "bàn"]:
        m = _LEVELS.match(tokens, end + 3)
        if m:
            return _place_names(tokens, end + 3 + m)
    if low_at(tokens, end) == "trong" and (m := _LEVELS.match(tokens, end + 1)):
        return _place_names(tokens, end + 1 + m)  # "các thôn trong xã": the places of the speaker's own
    return end


def _level_run(tokens: list[Token], j: int) -> int | None:
    """"xã, phường, thị trấn" after "UBND các": end index, or None."""
    n = _LEVELS.match(tokens, j) or _near_place(tokens, j)
    if not n:
        return None
    end = j + n
    # "xã, phường, thị trấn", "xã và thị trấn", "xã/phường", "xã - thị trấn"
    while end + 1 < len(tokens) and tokens[end].low in (",", "và", "/", "hoặc", "-", "–"):
        m = _LEVELS.match(tokens, end + 1) or _short_town(tokens, end + 1)
        if not m or (tokens[end + 1].is_capitalized and _LEVEL_HEADS.match(tokens, end + 1)):
            break  # ("Hội Nông dân tỉnh, Tỉnh đoàn": the next body, named by its place)
        end += 1 + m
    # "… các xã từ Hòa An đến Ya"; "UBND các huyện, thị xã Xa và thành phố Ya": a later
    # place may repeat its level word
    end = _place_range(tokens, _place_names(tokens, end, relevel=True))
    area = _AREA.match(tokens, end)  # "UBND các huyện ven biển", "các xã có rừng"
    if area:
        end = _place_names(tokens, end + area)  # "… ven biển Xa, Ya và Za"
    else:
        end = _having_end(tokens, end) or end  # "UBND các xã, phường có cụm công nghiệp": which of them
    q = _QUALIFIERS.match(tokens, end)
    if q and tokens[end].low in ("trực", "thuộc", "trên"):  # "… thành phố trực thuộc Trung ương"
        end = _qualifier_end(tokens, end, q) if tokens[end].low != "trực" else end + q
    elif low_at(tokens, end) == "của" and _LEVELS.match(tokens, end + 1):  # "UBND các xã, phường của tỉnh"
        end = _place_names(tokens, end + 1 + _LEVELS.match(tokens, end + 1))
    if low_at(tokens, end) in ("nêu", "nói", "kể") and low_at(tokens, end + 1) == "trên":
        end += 2  # "Chủ tịch UBND các tỉnh, thành phố nêu trên": those the text named before
    return _on_the_territory(tokens, end) if low_at(tokens, end) == "trong" else end


def _near_place(tokens: list[Token], j: int) -> int:
    """1 when the word at j is a one-word place as a scan's OCR misread its marks ("tinh", "huyên") and a
    level read right follows it in a run ("các tinh, thành phố"); 0 otherwise: alone, "tinh" or "quan"
    are words of their own."""
    if j >= len(tokens) or not tokens[j].is_word or skeleton(tokens[j].low) not in _NEAR_PLACES:
        return 0
    if low_at(tokens, j + 1) in (",", "và", "/") and _LEVELS.match(tokens, j + 2):
        return 1
    return 0


def _short_town(tokens: list[Token], j: int) -> int:
    """"huyện, thị, thành phố", "các huyện, thành, thị": "thị" and "thành" inside a run of levels are "thị xã"
    and "thành phố" cut short, before the next level or the verb ("thành lập" is a verb)."""
    if j < len(tokens) and tokens[j].text in ("TP", "Tp", "TX"):
        return 1  # "các tỉnh, TP trực thuộc Trung ương": the city abbreviated inside the run
    if low_at(tokens, j) not in ("thị", "thành") or low_at(tokens, j + 1) == "lập":
        return 0
    after = j + 1
    return 1 if low_at(tokens, after) in (",", "và") or after >= len(tokens) or not tokens[after].is_word or \
        is_predicate_at(tokens, after, weak=False) else 0


def _place_names(tokens: list[Token], end: int, relevel: bool = False) -> int:
    """"UBND các huyện Xb, Vĩnh Thạnh và Tây Sơn": the places a level run names, one group; after a
    colon (relevel) a later place may repeat its level word ("các thành phố: Hà Nội, thành phố Hồ Chí Minh")."""
    j = end
    while j < len(tokens) and _is_name_word(tokens[j]) and not tokens[j].is_abbreviation \
            and not starts_unit_head(tokens, j):
        k = j
        while k < len(tokens) and _is_name_word(tokens[k]) and not tokens[k].is_abbreviation:
            k += 1
            if k + 1 < len(tokens) and tokens[k].text in ("–", "-") and _is_name_word(tokens[k + 1]) and \
                    not starts_unit_head(tokens, k + 1):
                k += 1  # "phường Văn Miếu – Quốc Tử Giám": one place, its name in two parts
        end = k
        if k + 1 < len(tokens) and tokens[k].low in (",", "và"):
            level = _LEVELS.match(tokens, k + 1) if relevel and not tokens[k + 1].is_capitalized else 0
            nxt = k + 1 + level if level and k + 1 + level < len(tokens) and \
                _is_name_word(tokens[k + 1 + level]) else k + 1
            if _is_name_word(tokens[nxt]) and not starts_unit_head(tokens, nxt):
                j = nxt
                continue
        break
    return end


def _ministry_kinds(tokens: list[Token], j: int) -> int:
    """"Vụ, Cục, đơn vị thuộc …": a ministry's departments named by their kinds, capitalized, in a run
    that a generic noun closes; tokens up to that noun, or 0."""
    k = j
    while k < len(tokens) and tokens[k].is_capitalized and tokens[k].low in ("vụ", "cục", "viện") and \
            low_at(tokens, k + 1) in (",", "và"):
        k += 2
    return k - j if k > j + 1 and _GENERIC.match(tokens, k) else 0


def _generic_run(tokens: list[Token], j: int) -> int | None:
    """"sở, ban, ngành liên quan" after "các": end index, or None."""
    kinds = _ministry_kinds(tokens, j)
    n = _GENERIC.match(tokens, j + kinds)
    if not n:
        return None
    n += kinds
    end = j + n
    while end < len(tokens):
        if [t.low for t in tokens[end - 2:end]] in (["giúp", "việc"], ["thành", "viên"]) and tokens[end].is_capitalized and \
                (owner := parse_unit(tokens, end)) and owner[0] == NAMED:
            # "các cơ quan tham mưu, giúp việc Tỉnh ủy": the body they serve; "các cơ quan thành viên Ban Chỉ đạo
            # tỉnh": the board they sit on
            end = owner[1]
            break
        area = _AREA.match(tokens, end)
        if area:
            end += area  # "các địa phương có rừng", "cơ quan, đơn vị ven biển": which of them
            continue
        if (levels := _all_levels(tokens, end)) > end:
            end = levels  # "các hội đoàn thể từ huyện đến cơ sở": at every level
            break
        having = _having_end(tokens, end)
        if having:
            end = having  # "các địa phương có nông sản xuất khẩu qua biên giới": which of them
            continue
        if tokens[end].low == "có" and _HAS_AS_VERB.match(tokens, end + 1) and _QUALIFIERS.match(tokens, end) <= 1:
            break  # "các đơn vị có trách nhiệm / có văn bản …": the verb
        q = _QUALIFIERS.match(tokens, end)
        if q:
            end = _qualifier_end(tokens, end, q)
            continue
        if (trade := _trade_end(tokens, end)) > end and (placed := _on_the_territory(tokens, trade)) > trade:
            end = placed  # "các đơn vị hoạt động hóa chất trên địa bàn tỉnh": those in a trade, and where
            break
        m = _GENERIC.match(tokens, end)
        if m and not _LEVEL_HEADS.match(tokens, end) and not is_predicate_at(tokens, end, weak=False):
            end += m  # "các sở ngành có liên quan": generic nouns run on without a comma
            continue
        if tokens[end].text == "," and low_at(tokens, end + 1) in ("liên", "có") and \
                _QUALIFIERS.match(tokens, end + 1) >= 2:
            end = end + 1 + _QUALIFIERS.match(tokens, end + 1)  # "các Bộ, ngành, liên quan": a stray comma
            continue
        if tokens[end].text == ";" and end + 1 < len(tokens) and not tokens[end + 1].is_capitalized and \
                _GENERIC.match(tokens, end + 1) and (more := _generic_run(tokens, end + 1)) and \
                (more >= len(tokens) or is_predicate_at(tokens, more, weak=False)):
            end = more  # "Các Sở, ban, ngành; cơ quan, đơn vị tiến hành …": the same run of kinds, a semicolon in it
            continue
        if tokens[end].low in (",", "và") and [t.low for t in tokens[end + 1:end + 5]] == ["cơ", "quan", "trung", "ương"] \
                and low_at(tokens, end + 5) == "của":
            break  # "các bộ, …, cơ quan Trung ương của các tổ chức chính trị - xã hội": the mass bodies' own group
        if tokens[end].low in ("-", "–") and _GENERIC.match(tokens, end + 1) and not _LEVEL_HEADS.match(tokens, end + 1):
            end += 1 + _GENERIC.match(tokens, end + 1)  # "các sở - ngành": a city's way of writing "sở, ngành"
            continue
        if tokens[end].low in (",", "và", "/") and end + 1 < len(tokens) and not _MASS.match(tokens, end + 1):
            # "các cơ quan, đơn vị, thôn, tổ dân phố": levels may close a run of generic nouns.
            m = _GENERIC.match(tokens, end + 1) or (_LEVELS.match(tokens, end + 1) if tokens[end].low != "/" else 0)
            if not m and tokens[end].low != "/" and not tokens[end + 1].is_capitalized and \
                    (ent := enterprise_end(tokens, end + 1)) and \
                    (low_at(tokens, ent) in (",", "và") and (_GENERIC.match(tokens, ent + 1) or _plural_unit(tokens, ent + 1)) or
                     low_at(tokens, ent) == "được" and low_at(tokens, ent + 1) in ("giao", "phân") or
                     [t.low for t in tokens[ent - 2:ent]] == ["liên", "quan"]):
                # "các cơ quan, tổ chức, doanh nghiệp, trường học": kinds of enterprise inside a run of kinds
                # (closing it, "các cơ quan, tổ chức, doanh nghiệp" is everyone the law binds, no addressee,
                # unless what they were given names which: "…, doanh nghiệp được giao quản lý tài sản", or
                # they are those concerned: "cơ quan, tổ chức và doanh nghiệp liên quan")
                m = ent - end - 1
            if not m and [t.low for t in tokens[end + 1:end + 3]] == ["cá", "nhân"] and \
                    " ".join(t.low for t in tokens[end + 3:end + 6]).startswith(("liên quan", "có liên quan")):
                m = 2  # "các cơ quan, tổ chức, cá nhân (có) liên quan": individuals close a catch-all of kinds
            if not m and [t.low for t in tokens[end + 1:end + 3]] == ["cá", "nhân"] and _TRADES.match(tokens, end + 3):
                # "các tổ chức, cá nhân hoạt động khoáng sản (trên địa bàn tỉnh)": those in a trade, whom a
                # department's letter addresses
                end = _on_the_territory(tokens, _trade_end(tokens, end + 3))
                continue
            if m and [t.low for t in tokens[end - 2:end]] == ["liên", "quan"] and _AREA.match(tokens, end + 1 + m):
                break  # "các cơ quan liên quan và địa phương có rừng": the kind an area narrows names its own group
            named_next = end + 1 + m < len(tokens) and _is_name_word(tokens[end + 1 + m]) and \
                not _LEVELS.match(tokens, end + 1 + m)  # "…, ngành Thành phố": a level, not "ngành Y tế"
            if m and not _LEVEL_HEADS.match(tokens, end + 1) and not named_next:
                end += 1 + m
                continue
            # (not after "liên quan", which closed the run: "cơ quan, tổ chức liên quan, cơ sở giáo dục")
            kind_end = _plural_unit(tokens, end + 1) if not tokens[end + 1].is_capitalized and \
                [t.low for t in tokens[end - 2:end]] != ["liên", "quan"] else None
            if kind_end and (kind_end >= len(tokens) or tokens[kind_end].text in (",", ";", ".", ":", ")")
                             # "các đơn vị, trường học và Nhân dân …": the run ends before the next party
                             or tokens[kind_end].low == "và" and kind_end + 1 < len(tokens) and
                             tokens[kind_end + 1].is_capitalized
                             or _QUALIFIERS.match(tokens, kind_end) or is_predicate_at(tokens, kind_end, weak=False)):
                end = kind_end  # "các đơn vị, trường học", "các đơn vị, cơ sở giáo dục trực thuộc": kinds after one "các"
                continue
        break
    return end


# "có" opening the verb phrase itself, not a trait of the kind: "các đơn vị có trách nhiệm / có văn bản / có ý kiến".
_HAS_AS_VERB = PhraseIndex({tuple(w.split()) for w in (
    "trách nhiệm", "văn bản", "ý kiến", "kế hoạch", "thể", "biện pháp", "giải pháp", "phương án", "báo cáo",
    "hình thức", "chỉ đạo", "hướng dẫn", "công văn", "tờ trình", "thông báo", "quyết định", "liên quan", "nhu cầu",
    "trách", "đề xuất", "kiến nghị", "sáng kiến", "thành tích", "tên", "nhiệm vụ", "quyền")})
MAX_TRAIT_WORDS = 9  # "có nông sản xuất khẩu qua biên giới": what the kinds named have


_RELATED_TO = PhraseIndex(frozenset({("liên", "quan", "đến"), ("liên", "quan", "tới")}))


def _having_end(tokens: list[Token], j: int) -> int | None:
    """End of "có X" / "không có X" after a plural kind when X is a plain noun phrase and a verb follows
    ("các địa phương có nông sản xuất khẩu qua biên giới thường xuyên cập nhật …", "các đơn vị không có
    đất trồng cây duy tu …"): the trait picks which of them act. "có trách nhiệm", "có văn bản" are the verb;
    "có nhu cầu" is a condition on who acts, not a name."""
    if low_at(tokens, j) == "tham" and low_at(tokens, j + 1) == "gia":
        return _taking_part_end(tokens, j + 2)
    k = j + (low_at(tokens, j) == "không")
    if low_at(tokens, k) != "có" or _HAS_AS_VERB.match(tokens, k + 1):
        return None
    k += 1
    start = k
    rest = next((m for m in range(start, len(tokens)) if not tokens[m].is_word or tokens[m].is_number), len(tokens))
    if rest == len(tokens) and start < rest <= start + MAX_TRAIT_WORDS:
        return rest  # a table's cell "Các cơ quan có nguồn thu nộp ngân sách nhà nước": the trait ends the text
    while k < len(tokens) and k < start + MAX_TRAIT_WORDS and tokens[k].is_word and not tokens[k].is_number and \
            (not is_predicate_at(tokens, k, weak=False) or _RELATED_TO.match(tokens, k)) and not _ENDS_TAIL.match(tokens, k) \
            and not (tokens[k].low in _PLACED_OR_UNDER and _QUALIFIERS.match(tokens, k)):
        k += _RELATED_TO.match(tokens, k) or 1  # "có hoạt động liên quan đến vật liệu nổ": what the trait is about
    if k == start or k >= len(tokens) or not (is_predicate_at(tokens, k, weak=False) or
                                              low_at(tokens, k) in _PLACED_OR_UNDER and _QUALIFIERS.match(tokens, k)):
        return None  # ("… trên địa bàn", "… trực thuộc Bộ Y tế" after the trait: where they are, which the caller reads)
    return k


_PLACED_OR_UNDER = ("trên", "trực", "thuộc")
# what units take part in, named ("Chương trình Xa", "Đề án 06", "Dự án Ya"), before the verb
_PROGRAMME = PhraseIndex({tuple(w.split()) for w in (
    "chương trình", "dự án", "đề án", "cuộc thi", "hội thi", "phong trào", "mô hình", "thí điểm")})


def _taking_part_end(tokens: list[Token], k: int) -> int | None:
    """"các trường tham gia Chương trình Xa tổ chức …": which of them, by the programme they take part in;
    the end of its name, when a verb follows it."""
    n = _PROGRAMME.match(tokens, k)
    if not n or not tokens[k].is_capitalized:
        return None
    end = k + n
    while end < min(len(tokens), k + MAX_TRAIT_WORDS) and tokens[end].is_word and \
            (tokens[end].is_capitalized or tokens[end].is_number or tokens[end].is_abbreviation):
        end += 1
    return end if end > k + n and end < len(tokens) and is_predicate_at(tokens, end, weak=False) else None


def _qualifier_end(tokens: list[Token], j: int, n: int) -> int:
    end = j + n
    if tokens[j].low in ("trực", "thuộc") and end < len(tokens):
        inner = parse_unit(tokens, end)  # "các đơn vị trực thuộc UBND huyện", "… thuộc UBND các tỉnh"
        if inner and inner[0] in (NAMED, GROUP):
            return inner[1]
        if tokens[end].is_capitalized:
            return raw_unit(tokens, end) or end  # a body the vocabulary does not know, or misspelt
        if not tokens[end].is_word or is_predicate_at(tokens, end, weak=False):
            return end
        # "các đơn vị thuộc thẩm quyền quản lý": what they belong to, in a few plain words, up to the verb.
        k = end
        while k < min(len(tokens), end + MAX_BELONGING) and tokens[k].is_word and not tokens[k].is_capitalized \
                and tokens[k].low not in _LIST_SEPARATORS:
            if is_predicate_at(tokens, k, weak=False):
                m = _NOMINAL.match(tokens, k)  # "… thẩm quyền quản lý rà soát": a noun, before the verb
                if not (m and k > end and is_predicate_at(tokens, k + m, weak=False)):
                    break
                k += m
                continue
            k += 1
        return k if k < len(tokens) and is_predicate_at(tokens, k, weak=False) else end
    if tokens[j].low in ("liên", "có", "chức", "chuyên", "trung", "cấp", "ngang", "khác", "nêu", "của") or \
            tokens[j].low == "thành" and low_at(tokens, j + 1) == "viên":
        return end
    if _LEVELS.match(tokens, j) == n:
        # "các sở, ban, ngành, đoàn thể tỉnh và UBND huyện …": a level closes the run, with its place.
        return _place_names(tokens, end)
    # "tại cửa khẩu", "được giao nhiệm vụ tại Quyết định số …": runs to the verb.
    limit = min(len(tokens), end + 16)
    assigned = tokens[j].low == "được"
    named = any(t.is_capitalized for t in tokens[j:end])  # the role given has a name ("Bên mời thầu")
    kept = False  # what they were given to keep is read: only more of it goes on
    while end < limit and (tokens[end].text not in (",", ";", ":", ".", "(") or
                           assigned and named and _role_goes_on(tokens, end) or
                           assigned and tokens[end].text == "," and _KEPT.match(tokens, end + 1)) and \
            not (tokens[end].low == "có" and low_at(tokens, end + 1) == "trách") and \
            not (tokens[end].low == "và" and parse_unit(tokens, end + 1)) and \
            (not is_predicate_at(tokens, end, weak=False) or
             assigned and _KEPT.match(tokens, end) or assigned and not kept and _ASSIGNED_WORK.match(tokens, end) or
             assigned and named and not _ROLE_ENDS.match(tokens, end)):
        # "các cơ quan được phân công chủ trì thực hiện nhiệm vụ theo Kế hoạch này": the work they were
        # given describes them; the verb is the one after it ("có trách nhiệm …"). A verb inside a
        # role's name ("được giao làm Bên mời thầu dự án đấu thầu …") is no end either.
        step = (_KEPT.match(tokens, end) or _ASSIGNED_WORK.match(tokens, end) or 1) if assigned else 1
        named = named or any(t.is_capitalized for t in tokens[end:end + step])
        kept = kept or bool(assigned and _KEPT.match(tokens, end))  # (then "thực hiện" is their own verb)
        end += step
    return end


# Where the work of units described by a role they were given begins ("các đơn vị được giao làm Bên mời
# thầu dự án … khẩn trương …").
_ROLE_ENDS = PhraseIndex(lx.WORK_OPENERS)


def _role_goes_on(tokens: list[Token], comma: int) -> bool:
    """"các đơn vị được giao nhiệm vụ Chủ đầu tư, Bên mời thầu": a comma between the named roles they were
    given (capitalized, no body's name) is no end of the description."""
    return tokens[comma].text == "," and comma + 1 < len(tokens) and tokens[comma + 1].is_capitalized and \
        not parse_unit(tokens, comma + 1) and not is_predicate_at(tokens, comma + 1, weak=False)


def _owners(tokens: list[Token], end: int) -> int:
    """"(các cơ quan) của Đảng, Quốc hội, Mặt trận Tổ quốc Việt Nam": the names, in capitals, of whose
    bodies they are; end when none follow "của"."""
    if low_at(tokens, end) != "của" or end + 1 >= len(tokens) or not _is_name_word(tokens[end + 1]):
        return end
    j = first = first_end = end + 1
    while j < len(tokens) and _is_name_word(tokens[j]):
        unit = parse_unit(tokens, j)
        if j > first and unit is not None and _holds(tokens, j, unit[1], tokens[first:first_end]):
            # "các Ban của Hội đồng nhân dân, Tổ đại biểu Hội đồng nhân dân …": a body of the owner after
            # the comma is the list's next unit, not another owner
            break
        k = unit[1] if unit else _name_tail(tokens, j, False, commas=False)
        if k <= j:
            break
        if j == first:
            first_end = k
        end = k
        if k + 1 < len(tokens) and tokens[k].low in (",", "và") and _is_name_word(tokens[k + 1]):
            j = k + 1
            continue
        break
    return end


def _holds(tokens: list[Token], start: int, end: int, words: list[Token]) -> bool:
    """The words (a name) occur within tokens[start:end]."""
    lows, n = [t.low for t in words], len(words)
    return any([t.low for t in tokens[x:x + n]] == lows for x in range(start, end - n + 1))


def _narrowed(tokens: list[Token], k: int, end: int) -> bool:
    """"các địa phương có rừng", "cơ quan chuyên môn thuộc Bộ Tài chính": kinds of body narrowed to
    an area or to one named body's, a group that says whom it means, not a catch-all."""
    lows = [t.low for t in tokens[k:end]]
    if any(a == "liên" and b == "quan" for a, b in zip(lows, lows[1:], strict=False)):
        return False  # "các đơn vị có liên quan thuộc Bộ …": those concerned, nobody in particular
    return any(_AREA.match(tokens, x) or tokens[x].low == "thuộc" and x + 1 < end and tokens[x + 1].is_capitalized
               for x in range(k, end))


MAX_WORK_WORDS = 6  # "(các đơn vị) cung cấp dịch vụ viễn thông di động" before "có liên quan"


def _concerned_in_work(tokens: list[Token], end: int) -> int:
    """"(các đơn vị) xây dựng pháp luật có liên quan", "(các doanh nghiệp) cung cấp dịch vụ khác liên
    quan": kinds of body named by the work they do, the phrase closed by "(khác) (có) liên quan" at the
    end of a list item; the index after it, or end. The verb opening it is otherwise the action ("các
    đơn vị rà soát các nội dung liên quan đến …")."""
    if not is_predicate_at(tokens, end, weak=False):
        return end
    k = end
    while k < min(len(tokens), end + MAX_WORK_WORDS + 3) and tokens[k].is_word and not tokens[k].is_capitalized \
            and tokens[k].low not in ("các", "những", "và", "hoặc", "để", "theo", "liên", "có", "khác"):
        k += 1
    if k == end + 1 or k > end + MAX_WORK_WORDS:
        return end  # a verb alone is the action ("các đơn vị thực hiện có liên quan" is no name)
    k += low_at(tokens, k) == "khác"
    k += low_at(tokens, k) == "có"
    if low_at(tokens, k) != "liên" or low_at(tokens, k + 1) != "quan":
        return end
    k += 2
    return k if _name_ends(tokens, k) and low_at(tokens, k) not in ("đến", "tới", "với") else end


def _names_a_level(tokens: list[Token], k: int, end: int) -> bool:
    """"các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ": kinds the law defines, one named level
    of government (a group), unlike "các bộ, ngành liên quan" (nobody in particular)."""
    return any(tokens[x].low == "ngang" and low_at(tokens, x + 1) == "bộ" or
               tokens[x].low == "thuộc" and low_at(tokens, x + 1) == "chính" and low_at(tokens, x + 2) == "phủ"
               for x in range(k, end))


_BODY_OR_VERB = PhraseIndex({("thanh", "tra"), ("kiểm", "toán")})
# "các đơn vị được kiểm toán": the bodies one inspection or audit covered, a group, not a catch-all
_INSPECTED = PhraseIndex({("được", "kiểm", "toán"), ("được", "kiểm", "tra"), ("được", "thanh", "tra"),
                          ("được", "giám", "sát")})


def _verb_pair(tokens: list[Token], i: int) -> bool:
    """"Thanh tra, kiểm tra, xử lý …": the bare word that names an inspectorate, in a run of verbs, is the
    verb; "Thanh tra tỉnh", "Thanh tra, Công an tỉnh kiểm tra …" name the body."""
    n = _BODY_OR_VERB.match(tokens, i)
    return bool(n) and low_at(tokens, i + n) == "," and is_predicate_at(tokens, i + n + 1, weak=False) \
        and not starts_unit_head(tokens, i + n + 1)


def _courtesy(tokens: list[Token], j: int) -> int:
    """2 at the salutation "đồng chí", also as a scan's OCR misreads its marks ("Đông chí", "Đồng chi");
    1 at its short form "đ/c"; 0 elsewhere."""
    first, second = low_at(tokens, j), low_at(tokens, j + 1)
    if skeleton(first) == "dong" and skeleton(second) == "chi" and (first == "đồng" or second == "chí"):
        return 2
    return 1 if first == "đ/c" else 0  # "Đ/c Chủ tịch UBND tỉnh": the salutation as letters shorten it


def _mass_bodies_only(tokens: list[Token], k: int, end: int) -> bool:
    """"các đoàn thể", "các hội, đoàn thể": the mass organisations of a place are a level of its own
    (GUIDELINES' catch-alls are bodies of the state: cơ quan, đơn vị, sở, ban, ngành …)."""
    body = end
    while body > k and _LEVELS.match(tokens, body - 1) == 1:
        body -= 1  # "các đoàn thể xã", "các hội, đoàn thể huyện": the level they belong to
    return body > k and all(tokens[x].low in ("đoàn", "thể", "hội", ",", "và") for x in range(k, body))


_COMMITTEE_PLACES = {"tỉnh", "thành", "huyện", "quận", "thị"}


def _elided_committees(tokens: list[Token], k: int) -> int | None:
    """"(các) huyện, thành, thị ủy": the party committees of several kinds of place, "ủy" said once at the end;
    the end of the run, or None."""
    j = k
    while low_at(tokens, j) in _COMMITTEE_PLACES and low_at(tokens, j + 1) == ",":
        j += 2
    if j == k or low_at(tokens, j) not in _COMMITTEE_PLACES or low_at(tokens, j + 1) not in ("ủy", "uỷ"):
        return None
    end = j + 2
    if [t.low for t in tokens[end:end + 5]] in ([",", "đảng", "ủy", "trực", "thuộc"], [",", "đảng", "uỷ", "trực", "thuộc"]):
        # "…, đảng ủy trực thuộc (Tỉnh ủy)": the committees directly under the province's, with them
        end += 5
        inner = parse_unit(tokens, end)
        if inner and inner[0] == NAMED:
            end = inner[1]
    return end


def _kinds_before_colon(tokens: list[Token], k: int) -> int | None:
    """Where the colon stands after kinds of body only ("hội:", "tổ chức hội:", "tổ chức chính trị - xã hội:")."""
    if low_at(tokens, k) in ("hội", "đoàn") and low_at(tokens, k + 1) == ":":
        return k + 1
    if not any(t.text == ":" for t in tokens[k + 1:]):
        return None  # (most lists have no colon after them: no run of kinds need be read)
    mass = _MASS.match(tokens, k)
    end = _mass_end(tokens, k + mass) if mass else _generic_run(tokens, k)
    if end and low_at(tokens, end) == "hội" and low_at(tokens, end - 1) == "chức":
        end += 1  # "các tổ chức hội"
    return end if end and low_at(tokens, end) == ":" else None


def _plural_group(tokens: list[Token], k: int) -> tuple[str, int] | None:
    """(kind, end) of the group named after "các/những/từng/mỗi" at token k, or None."""
    if (committees := _elided_committees(tokens, k)) is not None:
        return GROUP, _bare_under(tokens, committees)
    mass = _MASS.match(tokens, k)
    if mass:
        # "các tổ chức chính trị - xã hội các cấp", "… trực thuộc" (those under the speaker)
        return GROUP, _bare_under(tokens, _all_levels(tokens, _mass_end(tokens, k + mass)))
    n = _ROLES.match(tokens, k)
    if n and _GENERIC.match(tokens, k) < n:  # "các bộ phận chuyên môn, đơn vị …" is a run of kinds
        role_end = _trade_end(tokens, k + n) if _ENTERPRISES.match(tokens, k) == n else k + n  # "… buôn bán ở chợ"
        role_end += _AREA.match(tokens, role_end)  # "các cơ sở y tế trong và ngoài công lập"
        return ROLE, _on_the_territory(tokens, _role_of_body(tokens, role_end))  # "các tổ tự quản trên địa bàn xã"
    if _PARTY_KINDS.match(tokens, k) > _GENERIC.match(tokens, k):
        return GROUP, _party_run(tokens, k)
    if _PLURAL_HEADS.match(tokens, k) > _GENERIC.match(tokens, k):
        end = _plural_unit(tokens, k)  # "các cơ quan thông tấn, báo chí": a kind, not "các cơ quan"
        if end:
            return GROUP, _generic_after(tokens, end)
    end = _field_branches(tokens, k)
    if end:
        return GROUP, end  # "các ngành y tế, giáo dục", "các lực lượng vũ trang"
    end = _generic_run(tokens, k)
    if end and (owned := _owners(tokens, end)) > end:
        return GROUP, owned  # "các cơ quan của Đảng, Quốc hội": the bodies of those named
    if end and (doing := _concerned_in_work(tokens, end)) > end:
        return GROUP, doing  # "các đơn vị xây dựng pháp luật có liên quan": named by the work they do
    if end:
        # "các sở, ban, ngành, đoàn thể tỉnh", "các đơn vị trực thuộc": a list of kinds its level
        # closes, or the units under one body, name a group, not a catch-all.
        # (… "ngành Thành phố": the city's level closes it as the province's does)
        closed = ((_LEVELS.match(tokens, end - 1) == 1 and tokens[end - 1].low in ("tỉnh", "huyện") or
                   [t.low for t in tokens[end - 2:end]] == ["thành", "phố"])
                  and any(tokens[x].text == "," for x in range(k, end))) or \
            any(tokens[x].low == "trực" and low_at(tokens, x + 1) == "thuộc" for x in range(k, end)) or \
            _names_a_level(tokens, k, end) or _narrowed(tokens, k, end) or _INSPECTED.match(tokens, end - 1) or \
            any(_INSPECTED.match(tokens, x) for x in range(k, end)) or _mass_bodies_only(tokens, k, end) or \
            any(_trade_end(tokens, x) > x for x in range(k + 1, end)) or \
            any(tokens[x].low == "đoàn" and low_at(tokens, x + 1) == "thể" for x in range(k, end)) and \
            not any(tokens[x].low in ("liên", "chức") for x in range(k, end))  # ("đoàn thể" is no generic noun)
        return (GROUP if closed else CATCHALL), end
    end = _level_run(tokens, k)
    if end:
        # "các xã, đơn vị liên quan": a run after one "các" is one group.
        if low_at(tokens, end) == "," and _GENERIC.match(tokens, end + 1) and not tokens[end + 1].is_capitalized:
            end = _generic_run(tokens, end + 1) or end
        return GROUP, end
    end = _plural_unit(tokens, k)
    if end:
        return GROUP, _generic_after(tokens, end)
    return None


def _bare_under(tokens: list[Token], end: int) -> int:
    """"… trực thuộc" with no body after it, before the verb or at the end: the units under the speaker."""
    if low_at(tokens, end) == "trực" and low_at(tokens, end + 1) == "thuộc" and \
            (end + 2 >= len(tokens) or not tokens[end + 2].is_word or is_predicate_at(tokens, end + 2, weak=False)):
        return end + 2
    return end


def _generic_after(tokens: list[Token], end: int) -> int:
    """"các chi hội, đoàn thể ở thôn", "các trường học, đơn vị trực thuộc": generic kinds after a kind,
    under the same "các", are one group with it."""
    if low_at(tokens, end) == "," and _GENERIC.match(tokens, end + 1) and not tokens[end + 1].is_capitalized:
        return _generic_run(tokens, end + 1) or end
    if low_at(tokens, end) == "," and end + 1 < len(tokens) and not tokens[end + 1].is_capitalized and \
            (head := _PLURAL_HEADS.match(tokens, end + 1)) and (more := _plural_unit(tokens, end + 1)) and \
            _having_end(tokens, end + 1 + head):
        return more  # "các bệnh viện, viện có giường bệnh trực thuộc Bộ Y tế": a second kind, narrowed, in the run
    return end


# The unit at the same place of the same words (a subject, then its list, then its partners), by the words
_READ_UNITS = DocumentMemo("read_units")
reading_units = _READ_UNITS.reading


def parse_unit(tokens: list[Token], i: int) -> tuple[str, int, bool] | None:
    """(kind, end, distributive) of a unit reference starting at token i, or None."""
    return _READ_UNITS.recall((tuple(tokens), i), _parse_unit, tokens, i)


def _parse_unit(tokens: list[Token], i: int) -> tuple[str, int, bool] | None:
    if i + 1 < len(tokens) and tokens[i].is_number and tokens[i].text.isascii() and tokens[i].text.isdigit() and \
            1 < int(tokens[i].text) < 1000 and \
            (_LEVELS.match(tokens, i + 1) or _GENERIC.match(tokens, i + 1)) and \
            low_at(tokens, i + 1) not in ("cấp", "khu", "vùng", "quốc", "trung"):
        # "đề nghị 18 Tổ dân phố …", "giao 12 xã …": so many bodies of one kind, counted instead of "các"
        found = _plural_group(tokens, i + 1)
        return (GROUP, found[1], False) if found else None
    if i >= len(tokens) or not tokens[i].is_word:
        return None
    if _verb_pair(tokens, i) or low_at(tokens, i) == "vụ" and _CROP_SEASONS.match(tokens, i + 1):
        return None  # ("vụ Hè Thu", "vụ Đông Xuân": a crop season, not a ministry's department)
    if _UNIT_CODE.fullmatch(tokens[i].text) and (low_at(tokens, i + 1) in (":", ",", ";", ")", "") or
                                                  i + 1 < len(tokens) and tokens[i + 1].is_word and
                                                  not tokens[i + 1].is_capitalized):
        return NAMED, i + 1, False  # "C04:", "V01, H01": a ministry's departments by their codes
    distributive = tokens[i].low in ("từng", "mỗi")
    j = i + 1 if distributive else i
    if low_at(tokens, j) == "tất" and low_at(tokens, j + 1) == "cả":
        j += 2
    courtesy = _courtesy(tokens, j)
    if not _PERSON.match(tokens, j) and courtesy and _PERSON.match(tokens, j + courtesy):
        j += courtesy  # "Đông chí Chủ tịch …" as a scan's OCR misread it, "Đ/c Giám đốc Sở …"
    n = _PERSON.match(tokens, j)
    if n and low_at(tokens, j) == "cấp" and low_at(tokens, j + n) != "các":
        n = 0  # "cấp ủy các chi bộ": the committee of each; "cấp ủy, chính quyền các cấp" is a run of kinds
    if n > 1 and _KNOWN.match(tokens, j + n - 1) and _PERSON.match(tokens[:j + n - 1], j) == n - 1:
        n -= 1  # "Trưởng Ban Quản lý các khu công nghiệp": the head of a body the lexicon knows, not "Trưởng ban"
    if n and low_at(tokens, j) == "lãnh" and n == 2 and low_at(tokens, j + 2) == "," and is_predicate_at(tokens, j + 3):
        return None  # "Lãnh đạo, chỉ đạo thực hiện …": the verb "to lead" in a pair, not the leaders
    if n:
        person = _person_ref(tokens, j, n)
        return person[0], _second_post(tokens, _with_portfolio(tokens, j + n, person[1])), distributive
    n = _PORTFOLIO_STAFF.match(tokens, j + (low_at(tokens, j) in ("các", "những")))
    if n and (reach := in_charge_end(tokens, j + (low_at(tokens, j) in ("các", "những")) + n)) > j + n + 1:
        return PERSON, reach, distributive  # "Cán bộ phụ trách lĩnh vực …", "Chuyên viên phụ trách công tác …"
    plural = low_at(tokens, j) in ("các", "những")
    k = j + 1 if plural else j
    n = _PERSON.match(tokens, k) if plural else 0
    if n and (reach := in_charge_end(tokens, _person_ref(tokens, k, n)[1])) > _person_ref(tokens, k, n)[1]:
        return PERSON, reach, distributive  # "Các Phó Chủ tịch phụ trách lĩnh vực …": each deputy in charge
    if plural and n and tokens[k].is_capitalized:
        # "Giao các Phó Thủ tướng Chính phủ theo nhiệm vụ được phân công …", "các Thứ trưởng": each holder
        # of the post the capitals name
        person = _person_ref(tokens, k, n)
        return person[0], person[1], distributive
    if plural and k < len(tokens) and tokens[k].is_capitalized and (n := _HEAD_TITLES.match(tokens, k)):
        person = _person_ref(tokens, k, n)  # "Các Phó Chủ tịch UBND huyện", "các Giám đốc Sở …"
        return person[0], person[1], distributive
    if plural and (colon := _kinds_before_colon(tokens, k)) and colon + 1 < len(tokens) and \
            _is_name_word(tokens[colon + 1]) and parse_unit(tokens, colon + 1):
        # "các hội: Hội A, Hiệp hội B", "các tổ chức hội: Hội Nông dân, …": the bodies named after the colon
        return CATCHALL, colon, distributive
    # ("các trường MN, TH, THCS": levels of school, not one school named by its initials)
    named_end = _named_kind(tokens, k) if plural and _school_levels(tokens, k + 1) == k + 1 else None
    if plural and not named_end and k + 1 < len(tokens) and not tokens[k + 1].is_capitalized and \
            _GENERIC.match(tokens, k) == 1 and (known := _KNOWN.match(tokens, k)) > 1:
        named_end = k + known  # "các sở giáo dục và đào tạo": that department of each province, in lowercase
    if named_end:
        return GROUP, named_end, distributive
    if plural and k < len(tokens) and tokens[k].is_capitalized and (n := _LEVEL_HEADS.match(tokens, k)) and \
            (run := _level_run(tokens, k + n)):
        return GROUP, run, distributive  # "các Thuế tỉnh, thành phố", "các Công an huyện": that body in each place
    if plural or distributive:
        found = _plural_group(tokens, k)
        return (found[0], found[1], distributive) if found else None
    if low_at(tokens, j) == "toàn" and low_at(tokens, j + 1) == "ngành":
        # "toàn ngành Giáo dục", "toàn Ngành": a ministry's whole sector, addressed as one
        return GROUP, (_name_tail(tokens, j + 2, False) if j + 2 < len(tokens) and
                       _is_name_word(tokens[j + 2]) else j + 2), False
    bare = _generic_run(tokens, j) if _GENERIC.match(tokens, j) else None
    if bare == j + 2 and low_at(tokens, j) == "cơ" and bare < len(tokens) and tokens[bare].is_capitalized and \
            (j == 0 or not tokens[j - 1].is_word) and (body := parse_unit(tokens, bare)) and body[0] == NAMED:
        # "…, cơ quan Ủy ban Mặt trận Tổ quốc xã" in a list: the body's own office (not "Chuyên viên cơ quan
        # MTTQ xã", a post in it)
        return NAMED, body[1], False
    if bare and [t.low for t in tokens[bare - 2:bare]] == ["liên", "quan"] and bare - j > 2:
        return CATCHALL, bare, False  # "cơ quan, đơn vị liên quan" in a table's cell: "các" left out
    if bare and _narrowed(tokens, j, bare):
        return GROUP, bare, False  # "cơ quan chuyên môn thuộc Bộ Tài chính", "địa phương có rừng"
    if bare and (owned := _owners(tokens, bare)) > bare:
        return GROUP, owned, False  # "cơ quan chức năng của Bộ Nông nghiệp và Môi trường": whose they are
    n = _ROLES.match(tokens, j)
    if n and tokens[j + n - 1].low == "trách":
        return ROLE, in_charge_end(tokens, j + n - 2), False  # "cán bộ phụ trách lĩnh vực …"
    if n:
        # "chính quyền địa phương các cấp", "toàn thể nhân dân trên địa bàn phường": where they are narrows them
        role_end = _on_the_territory(tokens, _role_of_body(tokens, _plural_levels(tokens, j + n)))
        if low_at(tokens, j) == "lực" and (lv := _LEVELS.match(tokens, role_end)) and \
                (role_end + lv >= len(tokens) or not tokens[role_end + lv].is_word or
                 is_predicate_at(tokens, role_end + lv, weak=False)):
            role_end += lv  # "lực lượng Công an thành phố": the force of that level
        if [t.low for t in tokens[role_end:role_end + 3]] == ["ở", "địa", "phương"]:
            role_end += 3  # "cơ quan Thuế ở địa phương": the service's local offices
        return ROLE, role_end, False
    if tokens[j].is_abbreviation and _KNOWN.match(tokens, j) == 1 and \
            not (j + 1 < len(tokens) and _is_name_word(tokens[j + 1])):  # ("EVN Hà Nội": its branch, read raw)
        return NAMED, j + 1, False  # "VTV", "TTXVN": a national body the lexicon knows by its initials
    if (m := _INNER_UNIONS.match(tokens, j)) and low_at(tokens, j + m) in ("các", "những") and \
            (bodies := _plural_group(tokens, j + m + 1) or parse_unit(tokens, j + m)) is not None and \
            bodies[0] in (GROUP, CATCHALL):
        union_end = bodies[1]
        while low_at(tokens, union_end) == "," and union_end + 1 < len(tokens) and not tokens[union_end + 1].is_capitalized \
                and (more := _plural_group(tokens, union_end + 1 + (low_at(tokens, union_end + 1) in ("các", "những")))):
            # "Công đoàn các trường đại học, các trường cao đẳng, …", "… các trường sư phạm, khoa sư phạm": the
            # union of each, one group
            union_end = more[1]
        return GROUP, union_end, False  # "Công đoàn các trường đại học": the union of each of those bodies
    end = _standing_run(tokens, j, _known_end(tokens, j, _named_unit(tokens, j)))
    if end and (every := _plural_levels(tokens, end)) > end:
        return GROUP, every, False  # "Ban công tác Mặt trận các thôn (trên địa bàn xã)": that body in each place
    if end:
        return (GROUP if low_at(tokens, j + _LEVEL_HEADS.match(tokens, j)) == "các" else NAMED), end, False
    return None


_WORK_NAMES = PhraseIndex(frozenset({("chương", "trình"), ("dự", "án"), ("tiểu", "dự", "án"), ("đề", "án")}))
# organisations found inside every body ("Công đoàn các trường …", "Đoàn Thanh niên các đơn vị …")
_INNER_UNIONS = PhraseIndex(frozenset({("công", "đoàn"), ("đoàn", "thanh", "niên"), ("hội", "sinh", "viên"),
                                       ("chi", "đoàn")}))


def _role_of_body(tokens: list[Token], end: int) -> int:
    """"cơ quan thường trực Ban An toàn giao thông huyện", "đơn vị chủ trì của Sở Y tế": the role, then the
    body (set in capitals) whose role it is, are one unit."""
    # ("cơ sở đào tạo trực thuộc Bộ", "cơ sở giáo dục thuộc Sở Y": the bodies under it)
    k = end + (low_at(tokens, end) in ("của", "thuộc")) + 2 * (low_at(tokens, end) == "trực" and low_at(tokens, end + 1) == "thuộc")
    if k < len(tokens) and tokens[k].is_capitalized:
        inner = parse_unit(tokens, k)
        if inner and inner[0] in (NAMED, GROUP):
            return inner[1]
        if k > end and tokens[k].low in ("bộ", "sở") and not (k + 1 < len(tokens) and _is_name_word(tokens[k + 1])):
            return k + 1  # "… trực thuộc Bộ": the issuing ministry, named by its kind
    w = k + (low_at(tokens, k) == "các" or k < len(tokens) and tokens[k].is_number)
    if _WORK_NAMES.match(tokens, w) and (colon := _heading_colon(tokens, w)) is not None:
        return colon  # "1. Nhà đầu tư của 02 dự án đường bộ cao tốc A – B và B – C:": whose investor, up to the heading's colon
    work = _WORK_NAMES.match(tokens, k)
    if work and k < len(tokens) and tokens[k].is_capitalized:
        # "cơ quan chủ quản Chương trình", "chủ đầu tư Dự án …": the role in the programme the text is about
        k += work
        while k < len(tokens) and _is_name_word(tokens[k]) and tokens[k].is_capitalized:
            k += 1
        return k
    return end


MAX_WORK_NAME = 25  # tokens of a project's description in a heading


def _heading_colon(tokens: list[Token], k: int) -> int | None:
    """The colon closing a heading that names projects from k on, with no verb before it; None otherwise."""
    for x in range(k, min(len(tokens), k + MAX_WORK_NAME)):
        if tokens[x].text == ":":
            return x
        if tokens[x].text in (";", ".", ",") or not tokens[x].is_capitalized and tokens[x].is_word and \
                is_predicate_at(tokens, x, weak=False):
            return None
    return None


def _person_ref(tokens: list[Token], j: int, n: int) -> tuple[str, int]:
    """(kind, end) of a person's title at j, n tokens long, the body it heads and the field it is in
    charge of ("Phó Chủ tịch phụ trách lĩnh vực Văn hóa - Xã hội")."""
    kind, end = _person_body(tokens, j, n)
    if tokens[j + n - 2 if n > 1 else j].low in ("thành", "ủy", "uỷ") or low_at(tokens, j + n - 1) == "viên":
        end = _member_of(tokens, end)
    return kind, in_charge_end(tokens, end)


_COMMITTEES = PhraseIndex(_phrases_of("tiểu ban|ban chỉ đạo|ban tổ chức|ban|tổ công tác|tổ|hội đồng|đoàn|"
                                      "ủy ban|uỷ ban|ban điều hành|tổ giúp việc|đoàn công tác|đoàn kiểm tra"))


def _member_of(tokens: list[Token], end: int) -> int:
    """"Các thành viên khác trong tiểu ban", "thành viên của Ban Chỉ đạo": the members of one body."""
    k = end + (low_at(tokens, end) == "khác")
    if low_at(tokens, k) not in ("trong", "của"):
        return k if k > end and _name_ends(tokens, k) else end
    body = parse_unit(tokens, k + 1)
    if body and body[0] == NAMED:
        return body[1]
    n = _COMMITTEES.match(tokens, k + 1)
    if not n:
        return k  # "Các thành viên khác trong tháng 12 …": the others, "trong" opening the action
    m = k + 1 + n
    while m < min(len(tokens), k + 1 + n + 4) and tokens[m].is_word and tokens[m].low not in ("và", "các") and \
            not is_predicate_at(tokens, m):
        m += 1  # "tiểu ban thông tin": the committee's own lowercase name
    return m if _name_ends(tokens, m) else k


def _person_body(tokens: list[Token], j: int, n: int) -> tuple[str, int]:
    """(kind, end) of a person's title at j, n tokens long, and the body it heads."""
    inner = parse_unit(tokens, j + n)
    if n > 1 and tokens[j + n - 1].is_capitalized and _NAMED.match(tokens, j + n - 1) and \
            parse_unit(tokens, j + n - 1):
        # "Trưởng Ban Quản lý các khu công nghiệp", "Trưởng Phòng Tài chính - Kế hoạch": the capital
        # opens the body the person heads, not the title "trưởng ban"
        return PERSON, max(_person_end(tokens, j + n - 1), _person_end(tokens, j + n))
    if n > 1 and not inner and tokens[j + n - 1].low == "ban" and _PLACE_BOARDS.match(tokens, j + n - 1) and \
            (board := parse_unit(tokens, j + n - 1)):
        return PERSON, board[1]  # "Trưởng ban nhân dân các ấp": the head of a place's board, said in lowercase
    if n > 1 and not inner and tokens[j + n - 1].low in ("ban", "phòng") and (m := _NOMINAL.match(tokens, j + n)) \
            and j + n + m < len(tokens) and tokens[j + n + m].is_capitalized and _is_name_word(tokens[j + n + m]):
        # "Phó Trưởng ban xây dựng Đảng", "Trưởng phòng quản lý Đô thị": the board named for its work, the
        # title's lowercase "ban" its head
        return PERSON, _name_tail(tokens, j + n + m, False)
    if not (inner and inner[0] in (CATCHALL, GROUP) and (_HEAD_TITLES.match(tokens, j) or _BOARDS.match(tokens, j))):
        return PERSON, _person_end(tokens, j + n)
    last, kind = inner[1], inner[0]
    # "người đứng đầu các cơ quan chuyên môn, cơ quan hành chính khác, các đơn vị sự nghiệp công lập
    # trực thuộc": the heads of several kinds of bodies are one lead.
    while low_at(tokens, last) == "," and low_at(tokens, last + 1) == "các":
        more = parse_unit(tokens, last + 1)
        if not more or more[0] not in (CATCHALL, GROUP):
            break
        last, kind = more[1], (GROUP if more[0] == GROUP else kind)
    while kind == GROUP and low_at(tokens, last) == "," and last + 1 < len(tokens) and tokens[last + 1].is_capitalized \
            and (more_end := _plural_unit(tokens, last + 1)) and _unnamed_kind(tokens, last + 1, more_end):
        last = more_end  # "Tổng giám đốc các Tập đoàn, Tổng Công ty": one more kind after the same "các"
    if kind == CATCHALL and any(tokens[x].low in ("liên", "chức", "chuyên") for x in range(j + n, last)):
        return CATCHALL, last  # "thủ trưởng các sở, ngành liên quan": nobody in particular
    if _heads_listed(tokens, j + n, last):
        return PERSON, last  # "Bộ trưởng các Bộ: Quốc phòng, Công an": the colon lists the bodies (_take_unit)
    # "lãnh đạo các Bộ, ngành", "Thủ trưởng các sở, ban, ngành": the heads of every one of them
    return PERSON, _colon_places(tokens, last)


def _unnamed_kind(tokens: list[Token], k: int, end: int) -> bool:
    """"Tổng Công ty", "Tổng Công ty nhà nước": a kind of body in capitals, no proper name after its head."""
    n = _PLURAL_HEADS.match(tokens, k)
    return bool(n) and all(not tokens[x].is_capitalized for x in range(k + n, end)) and \
        (end >= len(tokens) or not tokens[end].is_capitalized)


def _heads_listed(tokens: list[Token], k: int, last: int) -> bool:
    """"(Bộ trưởng) các Bộ: Quốc phòng, Công an", "(Giám đốc) các Sở: Y tế, Tài chính": one kind of named body
    at k..last, then a colon and the names of the bodies."""
    return last == k + 2 and low_at(tokens, k) == "các" and tokens[k + 1].is_capitalized and \
        bool(_NAMED.match(tokens, k + 1)) and low_at(tokens, last) == ":" and last + 1 < len(tokens) and \
        _is_name_word(tokens[last + 1])


def _named_kind(tokens: list[Token], k: int) -> int | None:
    """"(các) Sở Xây dựng liên quan", "(các) Phòng Tư pháp": one kind of department, in every place."""
    n = _NAMED.match(tokens, k)
    if not n or k + n >= len(tokens) or not _is_name_word(tokens[k + n]) or \
            not (_GENERIC.match(tokens, k) or _PLURAL_HEADS.match(tokens, k) or _FIELD_HEADS.match(tokens, k)):
        # "(các) Công ty Lâm nghiệp", "(các) Hạt Kiểm lâm"
        return None
    end = _named_unit(tokens, k)
    if end:
        q = _QUALIFIERS.match(tokens, end)
        if q and tokens[end].low in ("liên", "có", "nêu"):
            end = _qualifier_end(tokens, end, q)
    return end


def _known_end(tokens: list[Token], j: int, end: int | None) -> int | None:
    """A state body the lexicon knows by its full name ends where that name ends, unless what the
    parser read past it is its place ("… tỉnh Xyz") or more of a longer name: a lowercase
    word right after it is the action ("Ban Tuyên giáo và Dân vận Trung ương lãnh đạo")."""
    n = _KNOWN.match(tokens, j)
    if not n:
        return end
    known = j + n
    if end is None or end <= known:
        return _plural_levels(tokens, _place_after(tokens, known))  # "Ban Công tác Mặt trận các thôn"
    nxt = tokens[known]
    if nxt.is_word and not nxt.is_capitalized and not nxt.is_number and nxt.low not in ("các", "và") \
            and not _LEVELS.match(tokens, known) and not _BRANCH.match(tokens, known):
        return known
    return end


_ROMAN = re.compile(r"[IVXL]+")


def _place_after(tokens: list[Token], end: int) -> int:
    """"Báo và Phát thanh, Truyền hình Xyz", "Ban Chỉ huy … tìm kiếm cứu nạn xã": the level and place a known
    body's name is followed by."""
    k = end
    m = _LEVELS.match(tokens, k)
    if m and not (low_at(tokens, k) == "cấp" and m == 1) and not _generic_follows(tokens, k + m):
        k = end = k + m
        if k < len(tokens) and (tokens[k].is_number or _ROMAN.fullmatch(tokens[k].text)):
            return k + 1  # "Kiểm toán nhà nước khu vực II", "Ngân hàng Nhà nước khu vực 8": the area's number
    while k < len(tokens) and k < end + 4 and _is_name_word(tokens[k]) and not tokens[k].is_abbreviation \
            and not starts_unit_head(tokens, k) and not _hands_over(tokens, k) and \
            (not PREDICATES.match(tokens, k) or _capital_pair(tokens, k)) \
            and tokens[k].low not in ("các", "những"):  # "Sở Tài chính Các sở, ngành": the next unit
        k += 1
    return k


def _capital_pair(tokens: list[Token], k: int) -> bool:
    """"Cần Xyz": a capitalized verb-lookalike with another capitalized word of the name after it (the verb
    after a name is lowercase: "… Truyền hình Cần Xyz" is a place, "… Truyền hình cần …" a verb)."""
    return k + 1 < len(tokens) and tokens[k + 1].is_word and tokens[k + 1].is_capitalized and \
        not tokens[k + 1].is_abbreviation and not starts_unit_head(tokens, k + 1)


def _standing_run(tokens: list[Token], j: int, end: int | None, whole: bool = False) -> int | None:
    """"Ban Thường vụ Huyện ủy, Thị ủy": a body followed by the party committees it stands for
    is one group. whole: the name at j is itself a committee ("(Bí thư) tỉnh ủy, thành ủy")."""
    if end is None:
        return None
    ends_standing = any((end - n == j if whole else end - n > j) and _STANDING_BODIES.match(tokens, end - n) == n
                        for n in (2, 3))
    while ends_standing and low_at(tokens, end) == ",":
        m = _STANDING_BODIES.match(tokens, end + 1)
        if not m or (end + 1 + m < len(tokens) and _is_name_word(tokens[end + 1 + m])):
            break
        end += 1 + m
    return end


# "Phó Chủ tịch UBND xã, phụ trách lĩnh vực văn hóa - xã hội", "Cán bộ phụ trách công tác dân vận":
# the field a person is in charge of tells which of several holders of the title is meant.
_PORTFOLIO = PhraseIndex(frozenset({("lĩnh", "vực"), ("công", "tác"), ("khối",), ("mảng",), ("địa", "bàn"),
                                    ("ngành",), ("nhiệm", "vụ")}))
_VERB_FIELDS = ("lĩnh", "công", "mảng", "khối")  # fields whose first words may be verbs: "công tác kiểm tra"
MAX_FIELD = 10  # words of an unnamed field after "phụ trách": "Dân tộc, Tôn giáo và các Hội quần chúng"


# Staff named by the field in their charge: the person who holds that post.
_PORTFOLIO_STAFF = PhraseIndex(frozenset({("cán", "bộ"), ("công", "chức"), ("viên", "chức"), ("chuyên", "viên"),
                                          ("cán", "bộ", "chuyên", "trách")}))


def _second_post(tokens: list[Token], end: int) -> int:
    """"Trưởng Ban Tuyên giáo - Trưởng Tiểu ban", "Phó Giám đốc Sở Y tế – Ủy viên": after a dash, the post
    the same person holds in the committee a plan sets up, part of who is meant; end when none follows."""
    if end + 1 < len(tokens) and tokens[end].text in _DASHES and (n := _POSTS.match(tokens, end + 1)):
        if not _PERSON.match(tokens, end + 1):
            return end + 1 + n  # "– Ủy viên", "– Phó Trưởng tiểu ban Thường trực": the post alone
        return _with_portfolio(tokens, end + 1 + n, _person_ref(tokens, end + 1, n)[1])
    return end


def _with_portfolio(tokens: list[Token], start: int, end: int) -> int:
    """The end of a person's reference with the field in their charge, also when the name read so far
    already took part of it ("…, phụ trách lĩnh vực văn hóa" up to the dash of "văn hóa - xã hội")."""
    at = next((k for k in range(start, end) if low_at(tokens, k) == "phụ" and low_at(tokens, k + 1) == "trách"), None)
    if at is None:
        return in_charge_end(tokens, end)
    return max(end, in_charge_end(tokens, at - 1 if low_at(tokens, at - 1) == "," else at))


def in_charge_end(tokens: list[Token], end: int) -> int:
    """"… phụ trách lĩnh vực Giám sát và Phản biện xã hội", "…, phụ trách tổng hợp", "cán bộ phụ trách
    các thôn": a person or staff named by the field or places given to them. The index after it, or end.
    A field named as such ("lĩnh vực", "công tác", "địa bàn"…) runs to a lowercase verb, its first words
    verbs themselves after "lĩnh vực"/"công tác"; an unnamed one ("tổng hợp") runs at most MAX_FIELD words
    to any verb, its first word allowed to be one."""
    k = end + (low_at(tokens, end) == "," and low_at(tokens, end + 1) == "phụ")
    if low_at(tokens, k) != "phụ" or low_at(tokens, k + 1) != "trách":
        return end
    k += 2
    if low_at(tokens, k) == "các" and (places := _level_run(tokens, k + 1)):
        return places  # "cán bộ phụ trách các thôn": the places in their charge
    named = _PORTFOLIO.match(tokens, k)
    verbs_open = bool(named) and low_at(tokens, k) in _VERB_FIELDS
    start = last = k = k + named
    while k < len(tokens) and (named or k < start + MAX_FIELD):
        if verbs_open and tokens[k].is_word and (m := PREDICATES.match(tokens, k)):
            k = last = k + m
            verbs_open = low_at(tokens, k) == "và"
            k += verbs_open
            continue
        verbs_open = False
        if not (_named_field_goes_on if named else _field_goes_on)(tokens, k, start):
            break
        k += 1
        if tokens[k - 1].is_word:
            last = k
    return last if named or last > start else end


def _named_field_goes_on(tokens: list[Token], k: int, start: int) -> bool:
    tok = tokens[k]
    if tok.text == ",":  # "lĩnh vực Dân tộc, Tôn giáo và …": the fields it lists
        return k + 1 < len(tokens) and tokens[k + 1].is_capitalized and tokens[k + 1].is_word and \
            not _PERSON.match(tokens, k + 1)
    if not tok.is_word:
        return tok.text in ("-", "–")
    return tok.is_capitalized or not is_predicate_at(tokens, k, weak=False)


def _field_goes_on(tokens: list[Token], k: int, start: int) -> bool:
    tok = tokens[k]
    if tok.is_word and tok.low not in ("và", "các") and not _ENDS_TAIL.match(tokens, k):
        return not is_predicate_at(tokens, k) or (k == start and not _ASSIGNED_WORK.match(tokens, k))
    if tok.low == "và":
        return k > start and k + 1 < len(tokens) and tokens[k + 1].is_word and \
            not is_predicate_at(tokens, k + 1) and not parse_unit(tokens, k + 1)
    if tok.low == "các":
        return low_at(tokens, k - 1) == "và"  # "Tôn giáo và các Hội quần chúng": the kinds of body in the field
    return tok.text in (",", "-", "–") and k > start and k + 1 < len(tokens) and _is_name_word(tokens[k + 1]) and \
        not parse_unit(tokens, k + 1) and not PREDICATES.match(tokens, k + 1)  # "lĩnh vực Hành chính, Văn phòng"


def _person_end(tokens: list[Token], j: int) -> int:
    """"Thủ trưởng các đơn vị trực thuộc", "Các đồng chí Thành viên Ban Chỉ đạo", "Thủ trưởng cơ quan, đơn vị"."""
    if low_at(tokens, j) == "," and j + 1 < len(tokens) and _PERSON.match(tokens, j + 1):
        return j  # "Bộ trưởng, Thủ trưởng cơ quan ngang bộ": a head of each ministry, then the next head
    if low_at(tokens, j) == "," and (more := _generic_run(tokens, j + 1)) and _names_a_level(tokens, j + 1, more):
        return more  # "Thủ trưởng cơ quan ngang bộ" + ", cơ quan thuộc Chính phủ": one more kind they head
    inner = parse_unit(tokens, j)
    if inner:
        plural = any(tokens[k].low == "các" for k in range(j, inner[1]))  # "Sở Y tế các tỉnh: A, B"
        if inner[0] == GROUP or plural:
            return _colon_places(tokens, inner[1])
        return _standing_run(tokens, j, inner[1], whole=True) or inner[1]  # "Bí thư tỉnh ủy, thành ủy": the committees they head
    if j < len(tokens) and tokens[j].is_word and not tokens[j].is_capitalized and \
            not (low_at(tokens, j) == "ban" and low_at(tokens, j + 1) == "hành"):  # "Thủ tướng … ban hành …"
        run = _generic_run(tokens, j)
        if run:
            return run
    # "Trưởng phòng Giáo dục và Đào tạo các huyện/thành phố": the head of that office in every place
    return _plural_levels(tokens, _name_tail(tokens, j, False))


def _place_range(tokens: list[Token], end: int) -> int:
    """"UBND các tỉnh, thành phố từ Hòa An đến Ya": the places of a level from one to another."""
    if low_at(tokens, end) != "từ" or end + 1 >= len(tokens) or not _is_name_word(tokens[end + 1]) or \
            starts_unit_head(tokens, end + 1):
        return end
    k = end + 1
    while k < len(tokens) and _is_name_word(tokens[k]) and not tokens[k].is_abbreviation:
        k += 1
    if low_at(tokens, k) != "đến" or k + 1 >= len(tokens) or not _is_name_word(tokens[k + 1]) or \
            starts_unit_head(tokens, k + 1):
        return end
    k += 1
    while k < len(tokens) and _is_name_word(tokens[k]) and not tokens[k].is_abbreviation:
        k += 1
    return k


def _colon_places(tokens: list[Token], end: int) -> int:
    """"Chủ tịch UBND các tỉnh: Hòa An, Ya": the head of that body in each place named; "… các tỉnh từ
    tỉnh A đến tỉnh B": the places from one to another."""
    ranged = _place_range(tokens, end)
    if ranged > end:
        return ranged
    if low_at(tokens, end) == ":" and end + 1 < len(tokens) and _is_name_word(tokens[end + 1]) and \
            not starts_unit_head(tokens, end + 1) and not _work_after_colon(tokens, end + 1):
        return _place_names(tokens, end + 1, relevel=True)
    return end


def _work_after_colon(tokens: list[Token], k: int) -> bool:
    """"UBND các xã: Thường xuyên tổ chức …": the work after the colon, not places ("Cần Xa" is one)."""
    return not _capital_pair(tokens, k) and (bool(PREDICATES.match(tokens, k)) or is_predicate_at(tokens, k, weak=False))


def bare_subject_end(tokens: list[Token], i: int) -> int | None:
    """"Cơ quan, đơn vị trường học báo cáo …": kinds of bodies opening a sentence without "các", a list
    or a generic phrase (not one plain noun), then the kind they narrow to."""
    n = _GENERIC.match(tokens, i)
    if not n or not tokens[i].is_capitalized or (i + n < len(tokens) and _is_name_word(tokens[i + n])):
        return None
    end = _generic_run(tokens, i)
    if not end:
        return None
    listed = any(tokens[k].text == "," for k in range(i, end))
    kind = _plural_unit(tokens, end) if _PLURAL_HEADS.match(tokens, end) else None
    if kind and _PLURAL_HEADS.match(tokens, end) == kind - end:
        end = kind  # "đơn vị trường học"
    if not listed and end - i < 3:
        return None
    if not listed and [t.low for t in tokens[i:i + 2]] == ["tổ", "chức"]:
        return None  # "Tổ chức lực lượng tham gia …": the verb "organise" and its object, no subject
    return end


def is_only_units(text: str, raw: bool = False) -> bool:
    """Whether a text is nothing but units' names ("Sở Y tế, Công an tỉnh và UBND các xã"), as a
    table's lead cell or a lead field is; raw as in parse_unit_list."""
    tokens = tokenize(text)
    units, end = parse_unit_list(text, tokens, 0, raw=raw)
    return bool(units) and end >= len(tokens)


def parse_unit_list(text: str, tokens: list[Token], i: int, raw: bool = False,
                    partners: bool = False) -> tuple[list[UnitRef], int]:
    """Units listed from token i ("A, B và các cơ quan liên quan"), and the index after them.

    raw: where a unit is expected (a subject, after "phối hợp với"), also read names whose
    head word the vocabulary does not know. partners: a list after "phối hợp với", where kinds of
    enterprise ("các doanh nghiệp viễn thông") are partners too.
    """
    units: list[UnitRef] = []
    j = after = i
    while True:
        parsed = _unit_at(tokens, j, raw, partners)
        if not parsed:
            break
        kind, end, distributive = parsed
        if end <= j:
            break
        end, glued = _take_unit(text, tokens, j, end, kind, distributive, partners, units)
        if glued:
            j = end
            continue
        sub = _sub_unit_aside(tokens, units[-1], end)
        if sub:
            # "Văn phòng UBND tỉnh (Trung tâm Phục vụ hành chính công tỉnh)": the body acts through its unit
            units[-1] = UnitRef(_span_text(text, tokens, units[-1].start, sub), units[-1].kind,
                                units[-1].start, sub)
            end = sub
        j = after = apposition_end(tokens, end) or _unit_aside_end(tokens, end) or end
        nxt, after = _after_separator(text, tokens, j, after, raw, partners, units)
        if nxt is None:
            break
        j = nxt
    units = [replace(u, after_semicolon=True) if k > 0 and low_at(tokens, u.start - 1) == ";" else u
             for k, u in enumerate(units)]
    units = _shared_places(text, tokens, units)
    units, after = _heads_of_enterprises(text, tokens, units, after)
    units, after = _of_every_province(text, tokens, units, after)
    run_on, after = _kinds_run_on(text, tokens, units, after)
    if run_on is not units and low_at(tokens, after) == ";":
        # "các cấp ủy, tổ chức đảng, chính quyền; các sở, ban, ngành": the list goes on after the run of kinds
        more, more_end = parse_unit_list(text, tokens, after + 1, raw, partners)
        if more:
            run_on, after = [*run_on, *(replace(u, after_semicolon=True) for u in more)], more_end
    units = _mass_organisations_apart(text, tokens, run_on)
    if not partners:
        units = _schools_as_one(text, tokens, units)
    # "Tổ giúp việc về Cải cách hành chính có nhiệm vụ …": a working group named by its subject (in capitals);
    # "Chủ tịch UBND các tỉnh, thành phố tại khu vực dự báo xảy ra mưa, lũ": the area says which of them act.
    for topic in (True, False):
        if not units or after != units[-1].end or topic and not _WORKING_GROUPS.match(tokens, units[-1].start):
            continue
        tail = _area_tail(tokens, after, _TOPIC_OPENERS, names_end=False) if topic else _area_tail(tokens, after)
        if tail:
            units[-1] = replace(units[-1], text=_span_text(text, tokens, units[-1].start, tail), end=tail)
            after = tail
    return _with_enterprises(text, tokens, units, partners), (after if units else i)


def _mass_organisations_apart(text: str, tokens: list[Token], units: list[UnitRef]) -> list[UnitRef]:
    """"Thủ trưởng các sở, ban, ngành, các tổ chức chính trị - xã hội tỉnh": the mass organisations, after a "các"
    of their own, are no bodies the post heads but leads of their own."""
    out: list[UnitRef] = []
    for unit in units:
        split = next((k for k in range(unit.start + 2, unit.end - 1) if unit.kind == PERSON and
                      tokens[k - 1].text == "," and tokens[k].low == "các" and _MASS.match(tokens, k + 1)), None)
        if split is None:
            out.append(unit)
            continue
        out.append(UnitRef(_span_text(text, tokens, unit.start, split - 1), PERSON, unit.start, split - 1,
                           unit.distributive))
        out.append(UnitRef(_span_text(text, tokens, split, unit.end), GROUP, split, unit.end))
    return out


def _kinds_run_on(text: str, tokens: list[Token], units: list[UnitRef], after: int) -> tuple[list[UnitRef], int]:
    """"Các cấp ủy, tổ chức đảng, cơ quan, đơn vị (và người đứng đầu)": kinds of body going on without a "các" of
    their own after a group are that group, one run after one "các"; their heads, named after "và", with them."""
    if not units or after != units[-1].end or units[-1].kind not in (GROUP, CATCHALL) or \
            low_at(tokens, units[-1].start) not in ("các", "những") or low_at(tokens, after) != "," or \
            after + 1 >= len(tokens) or tokens[after + 1].is_capitalized:
        return units, after
    end = _generic_run(tokens, after + 1)
    if not end or end <= after + 1 or end < len(tokens) and tokens[end].is_capitalized:
        return units, after  # ("các sở, ngành Y tế": a branch by its name, no kind of body)
    if low_at(tokens, end) == "và" and [t.low for t in tokens[end + 1:end + 4]] == ["người", "đứng", "đầu"]:
        end += 4
    last = units[-1]
    return [*units[:-1], UnitRef(_span_text(text, tokens, last.start, end), GROUP, last.start, end, last.distributive)], end


# The kinds of the state's enterprises, named one after another after "các" ("các tập đoàn kinh tế, tổng công ty,
# doanh nghiệp nhà nước").
_STATE_ENTERPRISES = PhraseIndex(frozenset({("tập", "đoàn"), ("tập", "đoàn", "kinh", "tế"), ("tổng", "công", "ty"),
                                            ("công", "ty"), ("doanh", "nghiệp"), ("doanh", "nghiệp", "nhà", "nước")}))


# ", thành phố trực thuộc Trung ương" after "… tỉnh": the same body of every province and centrally-run city
_AND_CITIES = PhraseIndex(frozenset({(",", "thành", "phố", "trực", "thuộc", "trung", "ương"), (",", "thành", "phố")}))


def _of_every_province(text: str, tokens: list[Token], units: list[UnitRef], after: int) -> tuple[list[UnitRef], int]:
    """"các Trường Chính trị tỉnh, thành phố trực thuộc Trung ương", "các Sở Tư pháp tỉnh, thành phố": one group, the
    body in each province and city (not "…tỉnh, thành phố X", a body and the city government)."""
    if not units or after != units[-1].end or low_at(tokens, after - 1) != "tỉnh" or \
            not any(tokens[k].low == "các" for k in range(units[-1].start, units[-1].end)):
        return units, after
    n = _AND_CITIES.match(tokens, after)
    if not n or after + n < len(tokens) and tokens[after + n].is_capitalized:
        return units, after
    last = units[-1]
    end = after + n
    return [*units[:-1], UnitRef(_span_text(text, tokens, last.start, end), last.kind, last.start, end, last.distributive)], end


def _heads_of_enterprises(text: str, tokens: list[Token], units: list[UnitRef], after: int) -> tuple[list[UnitRef], int]:
    """"Chủ tịch, Tổng Giám đốc các tập đoàn kinh tế, tổng công ty, doanh nghiệp nhà nước": the posts that lead
    each of those enterprises, one lead; a post alone before a comma ("Chủ tịch,") shares the owner of the next,
    and the kinds of enterprise after the first are the same run."""
    if not units or units[-1].kind != PERSON or after != units[-1].end:
        return units, after
    last = units[-1]
    if not any(tokens[k].low == "các" and _STATE_ENTERPRISES.match(tokens, k + 1) for k in range(last.start, last.end)):
        return units, after  # the post heads no kind of the state's enterprises
    end = last.end
    while low_at(tokens, end) == "," and (n := _STATE_ENTERPRISES.match(tokens, end + 1)):
        end += 1 + n
    start = last.start
    if len(units) > 1 and units[-2].kind == PERSON and units[-2].end + 1 == start and \
            low_at(tokens, units[-2].end) == "," and _PERSON.match(tokens, units[-2].start) == units[-2].end - units[-2].start:
        start = units[-2].start  # "Chủ tịch, Tổng Giám đốc …": two posts of the same enterprises
        units = units[:-1]
    if end == last.end and start == last.start:
        return units, after
    return [*units[:-1], UnitRef(_span_text(text, tokens, start, end), PERSON, start, end, last.distributive)], end


# Kinds of school and education centre ("trường", "trung tâm", "cơ sở giáo dục") a letter lists after one "các".
_SCHOOL_KINDS = PhraseIndex(frozenset({("trường",), ("trung", "tâm"), ("cơ", "sở", "giáo", "dục"), ("cơ", "sở", "đào", "tạo"),
                                        ("phân", "hiệu")}))


def _schools_as_one(text: str, tokens: list[Token], units: list[UnitRef]) -> list[UnitRef]:
    """"Các trường THPT, trung tâm GDTX, trung tâm GDNN - GDTX": kinds of school run on, in lower case, after one
    "các"; one lead, as "các sở, ban, ngành" is (partners stay apart, each kind one). A capitalized name ("Trung tâm
    GDTX Xa") is a unit of its own."""
    out: list[UnitRef] = []
    for unit in units:
        prev = out[-1] if out else None
        if prev is not None and prev.kind == GROUP and low_at(tokens, prev.start) in ("các", "những") and \
                _SCHOOL_KINDS.match(tokens, prev.start + 1) and unit.start == prev.end + 1 and \
                low_at(tokens, prev.end) in (",", "và") and not tokens[unit.start].is_capitalized and \
                _SCHOOL_KINDS.match(tokens, unit.start) and \
                not any(t.low in ("các", "những") for t in tokens[unit.start:unit.end]):
            out[-1] = UnitRef(_span_text(text, tokens, prev.start, unit.end), GROUP, prev.start, unit.end,
                              prev.distributive)
            continue
        out.append(unit)
    return out


def _with_enterprises(text: str, tokens: list[Token], units: list[UnitRef], partners: bool = False) -> list[UnitRef]:
    """"các cơ quan, đơn vị, địa phương, doanh nghiệp": enterprises after a run of kinds, without a "các" of their
    own, belong to that run, which stays one catch-all group. Partners: "phối hợp với các Bộ, cơ quan liên quan và
    các địa phương" names the others concerned once, one catch-all."""
    out: list[UnitRef] = []
    for unit in units:
        tail = _catchall_tail(tokens, unit)
        if tail is not None:
            # "các sở, ban, ngành, đoàn thể Thành phố và đơn vị có liên quan": the group, then the others concerned
            out.append(UnitRef(_span_text(text, tokens, unit.start, tail), GROUP, unit.start, tail))
            unit = UnitRef(_span_text(text, tokens, tail + 1, unit.end), CATCHALL, tail + 1, unit.end)
        prev = out[-1] if out else None
        if partners and prev is not None and prev.kind == CATCHALL and unit.kind == CATCHALL and \
                all(u.kind == CATCHALL for u in units) and \
                unit.start == prev.end + 1 and low_at(tokens, prev.end) in (",", "và"):
            out[-1] = UnitRef(_span_text(text, tokens, prev.start, unit.end), CATCHALL, prev.start, unit.end)
            continue
        if partners and len(units) == 2 and prev is not None and prev.kind == GROUP and unit.kind == CATCHALL and \
                unit.start == prev.end + 1 and low_at(tokens, prev.end) == "," and \
                ENTERPRISE_KINDS.match(tokens, prev.start + (low_at(tokens, prev.start) in ("các", "những"))):
            # "phối hợp với các doanh nghiệp, tổ chức, cá nhân có liên quan": everyone concerned, one entry
            out[-1] = UnitRef(_span_text(text, tokens, prev.start, unit.end), CATCHALL, prev.start, unit.end)
            continue
        kind_end = unit.start + ENTERPRISE_KINDS.match(tokens, unit.start)
        if prev is not None and prev.kind == CATCHALL and unit.start == prev.end + 1 and \
                low_at(tokens, prev.end) == "," and kind_end > unit.start and \
                (unit.end == kind_end or low_at(tokens, kind_end) in ("có", "trên", "hoạt")):
            # "các tổ chức, doanh nghiệp (có hoạt động liên quan đến …)": one run of kinds; what narrows the
            # last narrows them all, and makes them addressees rather than everyone the law binds
            out[-1] = UnitRef(_span_text(text, tokens, prev.start, unit.end), CATCHALL if unit.end == kind_end else GROUP,
                              prev.start, unit.end)
            continue
        out.append(unit)
    return out


_CONCERNED = PhraseIndex([tuple(p.split()) for p in (
    "đơn vị có liên quan", "đơn vị liên quan", "cơ quan có liên quan", "cơ quan liên quan", "các đơn vị có liên quan",
    "các đơn vị liên quan", "các cơ quan có liên quan", "các cơ quan liên quan", "các cơ quan, đơn vị liên quan")])


def _catchall_tail(tokens: list[Token], unit: UnitRef) -> int | None:
    """Where "và đơn vị có liên quan" closing a group's name starts (the "và"), or None."""
    for k in range(unit.start + 2, unit.end - 1):
        if tokens[k].low == "và" and unit.start + _CONCERNED.match(tokens, k + 1) == unit.end - (k + 1) + unit.start:
            return k
    return None


def _kind_in_capitals(tokens: list[Token], j: int, end: int) -> bool:
    """"các Tập đoàn", "các Bệnh viện" (no place level in it): a kind of body written as the head of the
    proper names a colon lists after it."""
    return tokens[j].low in ("các", "những") and j + 1 < end and tokens[j + 1].is_capitalized and \
        not any(_LEVELS.match(tokens, x) for x in range(j + 1, end))


_AREA_OPENERS = PhraseIndex(lx.phrases_of("tại khu vực|tại vùng|ở khu vực|ở vùng|thuộc khu vực|thuộc vùng|trong khu vực|"
                                           "trong vùng"))
MAX_AREA_WORDS = 14  # "tại khu vực dự báo xảy ra mưa, lũ", "ở vùng có nguy cơ cao xảy ra sạt lở đất"


_TOPIC_OPENERS = PhraseIndex(lx.phrases_of("về"))
_WORKING_GROUPS = PhraseIndex(lx.phrases_of("tổ giúp việc|tổ công tác|ban chỉ đạo|tổ chuyên gia|tổ thư ký|hội đồng|"
                                            "tiểu ban|ban chỉ huy|tổ biên tập"))


def _area_tail(tokens: list[Token], k: int, openers: PhraseIndex = _AREA_OPENERS, names_end: bool = True) -> int | None:
    """End of "tại khu vực …" after units, up to their work, or None: the area narrows which of them act.
    names_end: a capital ends the tail (a body after the area), not so for a subject's name ("về Cải cách …")."""
    n = openers.match(tokens, k)
    if not n:
        return None
    end = k + n
    while end < min(len(tokens), k + n + MAX_AREA_WORDS):
        tok = tokens[end]
        if _ROLE_ENDS.match(tokens, end) or tok.text in (";", ":", ".", "(", ")") or \
                tok.is_capitalized and names_end:
            break
        if tok.text == "," and (end + 1 >= len(tokens) or tokens[end + 1].is_capitalized or
                                _ROLE_ENDS.match(tokens, end + 1) or not tokens[end + 1].is_word):
            break
        end += 1
    return end if end > k + n and end < len(tokens) and _ROLE_ENDS.match(tokens, end) else None


_COUNCILS = PhraseIndex(lx.COUNCIL_HEADS)


def _council_before_place(tokens: list[Token], j: int) -> int | None:
    """"HĐND, UBND các xã …", "Đảng ủy, UBND xã Xa": a commune's (district's) council or Party committee
    written bare before the body whose place it shares; the index after it."""
    m = _COUNCILS.match(tokens, j)
    if not m or low_at(tokens, j + m) not in (",", "và"):
        return None
    k = j + m + 1
    n = _COUNCILS.match(tokens, k)
    parsed = parse_unit(tokens, k) if n else None
    if not parsed or parsed[1] <= k + n or not (_LEVELS.match(tokens, k + n) or
                                              low_at(tokens, k + n) == "các" and _LEVELS.match(tokens, k + n + 1)):
        return None
    return j + m


def _shared_places(text: str, tokens: list[Token], units: list[UnitRef]) -> list[UnitRef]:
    """Gives a bare council the place of the body after it ("Hội đồng nhân dân, Ủy ban nhân dân các xã,
    phường" → "Hội đồng nhân dân các xã, phường")."""
    out = list(units)
    for k in range(len(out) - 1):
        first, second = out[k], out[k + 1]
        if _council_before_place(tokens, first.start) == first.end and second.start == first.end + 1:
            place = _span_text(text, tokens, second.start + _COUNCILS.match(tokens, second.start), second.end)
            out[k] = replace(first, text=f"{first.text} {place}")
    return out


def _unit_at(tokens: list[Token], j: int, raw: bool, partners: bool) -> tuple[str, int, bool] | None:
    """The kind of the unit at j, the index after it and whether it is distributive, as
    parse_unit_list reads it with its raw and partners flags."""
    parsed = parse_unit(tokens, j)
    shared = _council_before_place(tokens, j)
    if shared:
        parsed = (NAMED, shared, False)  # "HĐND, UBND các xã": the council, before the place it shares
    if not parsed and raw:
        end = raw_unit(tokens, j)
        parsed = (NAMED, end, False) if end else None
    if not parsed and partners:
        end = enterprise_end(tokens, j)
        parsed = (GROUP, end, False) if end else None
    if not parsed and partners and j < len(tokens) and tokens[j].is_capitalized and (n := _LEVELS.match(tokens, j)) \
            and tokens[j].low != "cấp" and not (j + n < len(tokens) and _is_name_word(tokens[j + n])):
        # "phối hợp chặt chẽ với Tỉnh", "… với Thành phố": the province (city) a letter of the Government's
        # office is about, its level written in capitals for its name
        parsed = (NAMED, j + n, False)
    if parsed and partners and parsed[1] < len(tokens):
        # "phối hợp với … UBND các xã có dự án hoàn thiện hồ sơ": among partners, a trait of a level's
        # places before the verb says where the lead works, not which of the places join in
        k = next((k for k in range(j + 1, parsed[1]) if tokens[k].low == "có"), None)
        if k is not None and _LEVELS.match(tokens, k - 1) and not _AREA.match(tokens, k) and \
                _having_end(tokens, k) == parsed[1]:
            parsed = (parsed[0], k, parsed[2])
    return parsed


def _take_unit(text: str, tokens: list[Token], j: int, end: int, kind: str, distributive: bool,
               partners: bool, units: list[UnitRef]) -> tuple[int, bool]:
    """Adds the unit(s) read at j..end to units (a head over several bodies gives one per body); the
    index after them, and whether a second body glued to the first starts there."""
    if kind == CATCHALL and low_at(tokens, end) == ":" and _is_name_word(tokens[min(end + 1, len(tokens) - 1)]) and \
            (end == j + 2 or low_at(tokens, j + 1) in ("bộ", "sở") and not PREDICATES.match(tokens, end + 1)):
        # "các Sở: Tư pháp, Du lịch và Ngoại vụ" names each unit after the colon, and so does "Các Bộ, cơ
        # quan: Tài chính, Xây dựng, …, Tập đoàn Điện lực Việt Nam" (a body written whole keeps its own head).
        head = capitalize_first(tokens[j + 1].text)
        named, end = _semicolon_names(text, tokens, head, end + 1) or _enumeration(text, tokens, head, end + 1)
        units.extend(named)
    elif kind == PERSON and low_at(tokens, end) == ":" and end >= j + 3 and _heads_listed(tokens, end - 2, end):
        # "Bộ trưởng các Bộ: Quốc phòng, Công an": the head of each body named, "Bộ trưởng Bộ Quốc phòng", …
        head = " ".join(t.text for t in tokens[j:end] if t.low not in ("các", "những"))
        named, end = _enumeration(text, tokens, head, end + 1)
        units.extend(UnitRef(u.text, PERSON, u.start, u.end, head_title=True) for u in named)
    elif kind == GROUP and (places := _listed_places(text, tokens, j, end)) is not None:
        # "Các tỉnh Hòa Vân, Lạc Sơn, Tân Bình khẩn trương …": each province named answers for itself
        named, end = places
        units.extend(named)
    elif kind == NAMED and (places := _council_of_places(text, tokens, j, end)) is not None:
        # "UBND xã Hòa An, Ya Tờ, Kiến Xa": the committee of each commune named, one lead each
        named, end = places
        units.extend(named)
    elif kind == GROUP and (listed := _listed_names(text, tokens, j)) is not None:
        # "các Bộ Tài chính, Tư pháp và Nội vụ": one head over several bodies, without a colon.
        named, end = listed
        units.extend(named)
    elif kind == GROUP and low_at(tokens, end) == ":" and end + 1 < len(tokens) and _is_name_word(tokens[end + 1]) \
            and (not starts_unit_head(tokens, end + 1) or _kind_in_capitals(tokens, j, end)) \
            and not (PREDICATES.match(tokens, end + 1) and not _capital_pair(tokens, end + 1)):
        if partners or _kind_in_capitals(tokens, j, end):
            # "phối hợp với UBND các huyện: Xb, Yb": one partner per place, "UBND huyện Xb", …;
            # "các Tập đoàn: Điện lực Việt Nam, Dầu khí Việt Nam": one body per name, the head before each
            head = " ".join(t.text for t in tokens[j:end] if t.low not in ("các", "những"))
            named, end = _semicolon_names(text, tokens, head, end + 1) or _enumeration(text, tokens, head, end + 1)
            units.extend(named)
        else:
            # "Yêu cầu UBND các phường: Hòa An, Ya …": one lead, the committees of the places listed,
            # as "UBND các huyện Xb, Yb" is
            end = _colon_places(tokens, end)
            units.append(UnitRef(_span_text(text, tokens, j, end), GROUP, j, end, distributive))
    elif (members := _members(text, tokens, j, end, kind)) is not None:
        # "các cơ sở đào tạo trọng điểm gồm: Trường A, Viện B": the members named are the units.
        named, end = members
        units.extend(named)
    elif kind == NAMED and (glued := _glued_known(tokens, j, end)) is not None:
        # "Sở Khoa học và Công nghệ Sở Công Thương": two bodies a table cell's line break ran together
        units.append(UnitRef(_span_text(text, tokens, j, glued), NAMED, j, glued))
        return glued, True
    else:
        # "Đồng chí Chủ tịch UBND xã" is a head as much as "Chủ tịch UBND xã", and named as one: the
        # salutation is no part of the lead ("các đồng chí …", a group of people, stays whole).
        courtesy = _courtesy(tokens, j)
        title = kind in (PERSON, CATCHALL) and bool(_HEAD_TITLES.match(tokens, j + courtesy))
        shown = j + courtesy if courtesy and j + courtesy < end and _PERSON.match(tokens, j + courtesy) else j
        units.append(UnitRef(_span_text(text, tokens, shown, end), kind, j, end, distributive, title))
    return end, False


_ASKING = PhraseIndex([("đề", "nghị"), ("yêu", "cầu")])


def _state_enterprises_end(tokens: list[Token], units: list[UnitRef], sep: int, nxt: int) -> int | None:
    """End of "…, doanh nghiệp Nhà nước …" after a comma in a run of kinds opened by "các", up to the verb (or
    the list's end), or None."""
    if not units or tokens[sep].text != "," or units[-1].kind not in (GROUP, CATCHALL) or \
            low_at(tokens, units[-1].start) not in ("các", "những") or \
            not _state_owned(tokens, nxt + ENTERPRISE_KINDS.match(tokens, nxt)):
        return None
    owned = enterprise_end(tokens, nxt)
    if not owned or not (owned >= len(tokens) or tokens[owned].text in (",", ";", ":", ".") or
                         is_predicate_at(tokens, owned, weak=False)):
        return None
    return owned


def _after_separator(text: str, tokens: list[Token], sep: int, after: int, raw: bool, partners: bool,
                     units: list[UnitRef]) -> tuple[int | None, int]:
    """After a unit, at sep: where the next unit of the list starts (None: the list ends) and the index
    after the list so far; a kind of body the separator leads to is added to units."""
    if sep < len(tokens) and tokens[sep].text in ("Các", "Những") and parse_unit(tokens, sep):
        return sep, after  # "Sở Tài chính Các sở, ngành": a table's cells run together, one unit each
    if low_at(tokens, sep) == ":" and units and units[-1].kind == CATCHALL and units[-1].end == sep and \
            _kinds_before_colon(tokens, units[-1].start + 1) == sep and parse_unit(tokens, sep + 1):
        units.pop()  # "Ủy ban MTTQ, các tổ chức hội: Hội Nông dân, …": the bodies the kind names, not the kind
        return sep + 1, after
    if sep >= len(tokens) or tokens[sep].low not in _LIST_SEPARATORS:
        return None, after
    nxt = sep + 1
    if tokens[sep].low == "cùng" and low_at(tokens, nxt) == "với":
        nxt += 1
    if tokens[sep].low == "và" and not partners and _ASKING.match(tokens, nxt) and parse_unit(tokens, nxt + 2):
        nxt += 2  # "giao Công an huyện, Phòng X và đề nghị Ủy ban MTTQ huyện tăng cường …": asked the same work
    if parse_unit(tokens, nxt) or (raw and raw_unit(tokens, nxt)) or (partners and enterprise_end(tokens, nxt)):
        return nxt, after
    owned = None if partners else _state_enterprises_end(tokens, units, sep, nxt)
    if owned is not None:
        # "các đơn vị sự nghiệp, doanh nghiệp Nhà nước thuộc UBND tỉnh": the state's enterprises in the same run
        units[-1] = UnitRef(_span_text(text, tokens, units[-1].start, owned), GROUP, units[-1].start, owned)
        more = low_at(tokens, owned) in (",", ";", "và") and parse_unit(tokens, owned + 1)
        return (owned + 1 if more else None), owned
    mass = _MASS.match(tokens, nxt)
    if mass and tokens[sep].low in (",", ";", "và"):
        end = _mass_end(tokens, nxt + mass)  # "…, tổ chức chính trị - xã hội": a kind of its own
        units.append(UnitRef(_span_text(text, tokens, nxt, end), GROUP, nxt, end))
        if low_at(tokens, end) in _LIST_SEPARATORS and (parse_unit(tokens, end + 1) or (raw and raw_unit(tokens, end + 1))):
            return end + 1, end
        return None, end
    kind_end = _plural_unit(tokens, nxt) if tokens[sep].low in (",", ";") and units else None
    if kind_end and low_at(tokens, kind_end) in _LIST_SEPARATORS and \
            (parse_unit(tokens, kind_end + 1) or (raw and raw_unit(tokens, kind_end + 1))):
        # "…, Đài Phát thanh tỉnh, cơ quan thông tấn báo chí và Ủy ban nhân dân các xã": a kind of
        # body without "các" between named units is one of them
        units.append(UnitRef(_span_text(text, tokens, nxt, kind_end), GROUP, nxt, kind_end))
        return kind_end + 1, after
    if kind_end and raw and (kind_end >= len(tokens) or tokens[kind_end].text in (".", ";", ":")
                             or is_predicate_at(tokens, kind_end, weak=False)):
        # "phối hợp với Sở Y tế, cơ sở khám bệnh, chữa bệnh, doanh nghiệp": a kind of body closing
        # the list, its verb (or the end) right after it
        units.append(UnitRef(_span_text(text, tokens, nxt, kind_end), GROUP, nxt, kind_end))
        return None, kind_end
    place = _LOCAL_PLACES.match(tokens, nxt) if units and units[-1].kind in (GROUP, ROLE) and \
        tokens[sep].low in (",", "và") else 0
    if place and (nxt + place >= len(tokens) or low_at(tokens, nxt + place) in (",", "và", ";", ".")
                  or is_predicate_at(tokens, nxt + place, weak=False)):
        # "các cụm di tích, tổ dân phố và toàn thể nhân dân …": a ward's own places, bare, among its addressees
        end = nxt + place
        units.append(UnitRef(_span_text(text, tokens, nxt, end), GROUP, nxt, end))
        if low_at(tokens, end) in (",", "và") and parse_unit(tokens, end + 1):
            return end + 1, end
        return None, end
    bare = bare_kind_end(tokens, nxt) if raw and tokens[sep].low in (",", ";", "và") else None
    if bare:
        # "phối hợp với Sở Tài chính và cơ quan, địa phương liên quan": the others concerned
        units.append(UnitRef(_span_text(text, tokens, nxt, bare), CATCHALL, nxt, bare))
        return None, bare
    return None, after


def _members(text: str, tokens: list[Token], j: int, end: int, kind: str) -> tuple[list[UnitRef], int] | None:
    """The named members after a kind of unit and "gồm"/"bao gồm" (its qualifier between:
    "trọng điểm", "sau đây"), and the index after them; None when no named unit follows."""
    if kind not in (GROUP, ROLE, CATCHALL) or low_at(tokens, j) not in ("các", "những"):
        return None
    k = end
    while k < min(end + 3, len(tokens)) and tokens[k].is_word and not tokens[k].is_capitalized and \
            tokens[k].low not in ("gồm", "bao"):
        k += 1
    if low_at(tokens, k) == "bao":
        k += 1
    if low_at(tokens, k) != "gồm":
        return None
    k += 1 + (low_at(tokens, k + 1) == ":")
    named, after = parse_unit_list(text, tokens, k, raw=True)
    named = [u for u in named if u.kind == NAMED]
    return (named, after) if named else None


MAX_APPOSITION = 25  # tokens of "- cơ quan thường trực Ban Chỉ đạo …" before the action


def apposition_end(tokens: list[Token], end: int) -> int | None:
    """"Sở Kế hoạch và Đầu tư - cơ quan thường trực Ban … giúp …": what a unit is, said after a
    dash (or a comma: "Sở Y tế, cơ quan thường trực Ban Chỉ đạo, chủ trì …"), is no second unit
    and no action; the index where the action (or the comma before it) starts, or None."""
    if end + 1 >= len(tokens) or tokens[end].text not in (*_DASHES, ","):
        return None
    k = end + 1
    if tokens[end].text == ",":
        n = _APPOSITION.match(tokens, k)
    else:
        n = _APPOSITION.match(tokens, k) or _ROLES.match(tokens, k) or \
            (_GENERIC.match(tokens, k) if not tokens[k].is_capitalized else 0)
    if not n:
        return None
    k += n
    if low_at(tokens, k) == "của":
        k += 1
    inner = parse_unit(tokens, k)
    if inner:
        k = inner[1]
    for m in range(k, min(len(tokens), end + MAX_APPOSITION)):
        tok = tokens[m]
        if tok.low == "và" and tokens[end].text == "," and parse_unit(tokens, m + 1):
            return None  # "Cục A, cơ quan chuyên môn thuộc Bộ B và các địa phương …": a list of partners
        if tok.text in (",", ";", ":", ".") or (tok.is_word and not tok.is_capitalized and
                                                is_predicate_at(tokens, m, weak=False)):
            return m
    return None


MAX_ASIDE = 12  # tokens of "(Sở Nội vụ)", "(cơ quan thường trực)" after a unit's name


def _unit_aside_end(tokens: list[Token], end: int) -> int | None:
    """"Trung tâm Dịch vụ việc làm (Sở Nội vụ), Ủy ban nhân dân …": the body a unit belongs to, said in
    brackets after its name, does not end the list; the index after the bracket, or None."""
    if low_at(tokens, end) != "(":
        return None
    for k in range(end + 1, min(len(tokens), end + MAX_ASIDE)):
        if tokens[k].text in (";", ".", "("):
            return None
        if tokens[k].text == ")":
            if k == end + 1:
                return None
            # a unit in the brackets, or the partner's part in lowercase words after which the list goes on
            # ("Sở Tài chính (trong việc tổng hợp chỉ số PCI), Trung tâm …")
            remark = tokens[end + 1].is_word and not tokens[end + 1].is_capitalized and \
                low_at(tokens, k + 1) in (",", "và") and bool(parse_unit(tokens, k + 2))
            return k + 1 if parse_unit(tokens, end + 1) or remark else None
    return None


# How high a body stands, by its head: a unit named in brackets after a higher one is the part of it
# that does the work ("Bộ Quốc phòng (Cục Bản đồ)"); a higher one in brackets is whose it is.
_RANKS = {("bộ",): 5, ("tổng", "cục"): 4, ("ubnd",): 4, ("ủy", "ban"): 4, ("uỷ", "ban"): 4, ("sở",): 3,
          ("văn", "phòng"): 3, ("cục",): 3, ("vụ",): 2, ("chi", "cục"): 2, ("trung", "tâm"): 2, ("viện",): 2,
          ("phòng",): 2, ("ban",): 2}


def _rank(tokens: list[Token], k: int) -> int:
    return max((r for head, r in _RANKS.items() if tuple(low_at(tokens, k + x) for x in range(len(head))) == head),
               default=0)


def _sub_unit_aside(tokens: list[Token], unit: UnitRef, end: int) -> int | None:
    """The index after "(Cục …)" naming a unit of the body just read, or None."""
    if unit.kind != NAMED or unit.end != end or low_at(tokens, end) != "(" or not tokens[unit.start].is_capitalized:
        return None
    inner = parse_unit(tokens, end + 1)
    if not inner or inner[0] != NAMED:
        return None
    close = inner[1]  # "(Cục Bản đồ Tổng tham mưu)": the rest of its name, words only
    while close < min(len(tokens), inner[1] + 4) and tokens[close].is_word:
        close += 1
    if low_at(tokens, close) != ")":
        return None
    outer, sub = _rank(tokens, unit.start), _rank(tokens, end + 1)
    return close + 1 if sub and outer > sub else None


def _listed_names(text: str, tokens: list[Token], j: int) -> tuple[list[UnitRef], int] | None:
    """"các Bộ Tài nguyên và Môi trường, Tư pháp", "các Sở Y tế, Tài chính": the bodies named after one
    plural head without a colon, when each one is a body the lexicon knows by its full name (unlike
    "các Sở Văn hóa, Thể thao và Du lịch", one kind of department in every province)."""
    if low_at(tokens, j) not in ("các", "những") or j + 1 >= len(tokens) or \
            not (tokens[j + 1].is_capitalized or low_at(tokens, j + 1) in ("bộ", "sở")):
        return None  # ("các bộ Công an, Quốc phòng": the head in lowercase before the names)
    n = _NAMED.match(tokens, j + 1)
    if not n:
        return None
    head = capitalize_first(_span_text(text, tokens, j + 1, j + 1 + n))
    named, end = _enumeration(text, tokens, head, j + 1 + n)
    if len(named) < 2 or not all(_is_known(u.text) for u in named):
        return None
    return named, end


def _listed_places(text: str, tokens: list[Token], j: int, end: int) -> tuple[list[UnitRef], int] | None:
    """"các tỉnh Hòa Vân, Lạc Sơn, Tân Bình", "các xã Hòa An và Ya": a level, then the places by name,
    read as one group from j to end. Only a bare level opens it: "UBND các tỉnh A, B" stays one lead, the
    committees of the places listed."""
    if low_at(tokens, j) not in ("các", "những") or not (n := _LEVELS.match(tokens, j + 1)) or low_at(tokens, j + 1) == "cấp":
        return None
    k = j + 1 + n
    if k >= end or not _is_name_word(tokens[k]) or starts_unit_head(tokens, k):
        return None
    head = " ".join(t.text for t in tokens[j + 1:k])
    named, stop = _enumeration(text, tokens, head, k)
    if len(named) < 2 or stop != end:
        return None
    return named, stop


def _council_of_places(text: str, tokens: list[Token], j: int, end: int) -> tuple[list[UnitRef], int] | None:
    """"UBND xã Hòa An, Ya Tờ, Kiến Xa", "UBND thị trấn Xa, Ya": a committee, one level without "các", then
    several places by name, read as one name from j to end: the committee of each place."""
    m = _COUNCILS.match(tokens, j)
    if not m or not (n := _LEVELS.match(tokens, j + m)) or low_at(tokens, j + m) in ("các", "những", "cấp"):
        return None
    k = j + m + n
    if k >= end or not _is_name_word(tokens[k]) or starts_unit_head(tokens, k):
        return None
    # (the name read may stop after the first place: "UBND xã Hòa An, Ya Tờ, Kiến Xa" has no "và")
    places = max(end, _place_names(tokens, k))
    named, stop = _enumeration(text, tokens, " ".join(t.text for t in tokens[j:k]), k)
    # ("UBND xã Xa và Ya" stays one; "UBND thành phố Xa, Thành phố Ya": a table cell's run of places, one lead)
    if len(named) < 2 or stop != places or not any(t.text == "," for t in tokens[k:stop]) or \
            any(starts_unit_head(tokens, u.start) or _LEVELS.match(tokens, u.start) for u in named):
        return None
    return named, stop


def _glued_known(tokens: list[Token], j: int, end: int) -> int | None:
    """Where a body the lexicon knows by its full name ends inside a name read from j to end, and a
    second named body starts ("Sở Tài chính Sở Nội vụ"); None when the name is one body ("Văn phòng
    Sở Tài chính", "Thanh tra Sở Y tế": a part of the body that follows)."""
    n = _KNOWN.match(tokens, j)
    k = j + n
    if not n or k >= end or not tokens[k].is_capitalized or not _NAMED.match(tokens, k):
        return None
    second = parse_unit(tokens, k)
    return k if second is not None and second[0] == NAMED and second[1] <= end else None


def _is_known(name: str) -> bool:
    tokens = tokenize(name)
    return _KNOWN.match(tokens, 0) == len(tokens)


MAX_LISTED_NAME = 12  # words of one name in a list split by semicolons ("Phát thanh truyền hình và Thông tin điện tử")


def _semicolon_names(text: str, tokens: list[Token], head: str, j: int) -> tuple[list[UnitRef], int] | None:
    """"các Cục: Bản quyền tác giả; Xuất bản, In và Phát hành; Báo chí": names whose own commas and "và"
    make a semicolon the list's separator; None unless the list is written that way."""
    units: list[UnitRef] = []
    while j < len(tokens) and _is_name_word(tokens[j]):
        k = j
        while k < len(tokens) and k - j <= MAX_LISTED_NAME and (_is_name_word(tokens[k]) or tokens[k].low in (",", "và") or
                                                               tokens[k].is_word and not is_predicate_at(tokens, k, weak=False)):
            k += 1
        while k > j and tokens[k - 1].low in (",", "và"):
            k -= 1
        if k == j or k - j > MAX_LISTED_NAME:
            return None
        units.append(UnitRef(f"{head} {_span_text(text, tokens, j, k)}", NAMED, j, k))
        if low_at(tokens, k) != ";" or k + 1 >= len(tokens) or not _is_name_word(tokens[k + 1]) or \
                _KNOWN.match(tokens, k + 1) or (parsed := parse_unit(tokens, k + 1)) and parsed[0] != NAMED:
            # "…; UBND các huyện": the list of names ends where a body of another kind starts
            return (units, k) if len(units) >= 2 else None
        j = k + 1
    return None


def _enumeration(text: str, tokens: list[Token], head: str, j: int) -> tuple[list[UnitRef], int]:
    units: list[UnitRef] = []
    while j < len(tokens) and _is_name_word(tokens[j]):
        end = _name_tail(tokens, j, False, commas=False)
        end = _lowercase_inside(tokens, end)
        cut = _enumerated_and(tokens, j, end)
        if cut is not None:
            end = cut
        end = max(end, j + _KNOWN_TAILS.match(tokens, j))  # "Văn hóa, Thể thao và Du lịch": one name
        name = _span_text(text, tokens, j, end)
        # "cho từng phòng: Phòng Nội vụ …": a member written in full keeps its own head
        units.append(UnitRef(name if fold(name).startswith(fold(head) + " ") else f"{head} {name}", NAMED, j, end))
        if end < len(tokens) and tokens[end].low in (",", "và") and end + 1 < len(tokens) \
                and _is_name_word(tokens[end + 1]) and (not starts_unit_head(tokens, end + 1) or
                                                        _KNOWN_TAILS.match(tokens, end + 1) or
                                                        _bare_head_item(tokens, end + 1)):
            # "các Bộ: Quốc phòng, Công an": "Công an" is the name of a ministry here, not "Công an huyện"
            j = end + 1
            continue
        j = end
        break
    return units, j


def _bare_head_item(tokens: list[Token], k: int) -> bool:
    """"các Tổng công ty: Xây dựng, Cơ khí, Điện lực;": a word that heads bodies of its own ("Điện lực
    tỉnh") standing alone in the list is one more name under the list's head."""
    n = _LEVEL_HEADS.match(tokens, k)
    return bool(n) and (k + n >= len(tokens) or tokens[k + n].text in (",", ";", ".") or
                        is_predicate_at(tokens, k + n, weak=False))


def _lowercase_inside(tokens: list[Token], end: int) -> int:
    """"(Tập đoàn) Bưu chính viễn thông Việt Nam" in an enumeration: plain words (no verb) between two
    capitalized parts of one name; end when no capitalized part follows them."""
    k = end
    while k < min(len(tokens), end + 3) and tokens[k].is_word and not tokens[k].is_capitalized and \
            tokens[k].low not in ("và", "các", "những", "của") and not is_predicate_at(tokens, k, weak=False):
        k += 1
    if k > end and k < len(tokens) and tokens[k].is_word and tokens[k].is_capitalized and not starts_unit_head(tokens, k):
        return _name_tail(tokens, k, False, commas=False)
    return end


def _enumerated_and(tokens: list[Token], j: int, end: int) -> int | None:
    """"Nội vụ và Tài chính" in an enumeration is two units; "Kế hoạch và Đầu tư" is one."""
    for k in range(j, end):
        if tokens[k].low != "và":
            continue
        start = next((s for s in range(k - 1, j - 1, -1) if tokens[s].is_capitalized), j)
        n = _AND_NAMES.match(tokens, start)
        if not (n and start + n > k):
            return k
    return None


def _mass_end(tokens: list[Token], end: int) -> int:
    """"… tổ chức chính trị - xã hội từ Trung ương đến địa phương", "… các cấp", "… tỉnh"."""
    if (levels := _all_levels(tokens, end)) > end:
        return levels
    q = _QUALIFIERS.match(tokens, end)
    if q and tokens[end].low in ("tỉnh", "huyện", "xã", "cấp", "trung", "có", "liên", "thành", "quận", "thị", "phường"):
        return end + q
    if low_at(tokens, end) == "các" and _LEVELS.match(tokens, end + 1):
        return end + 1 + _LEVELS.match(tokens, end + 1)
    if low_at(tokens, end) == "trong" and low_at(tokens, end + 1) in ("tỉnh", "huyện", "xã", "phường", "thành", "quận"):
        return end + 2 + (low_at(tokens, end + 1) == "thành" and low_at(tokens, end + 2) == "phố")  # "… trong tỉnh"
    return end


def bare_kind(text: str, tokens: list[Token], i: int) -> UnitRef | None:
    """"(phối hợp với) cơ quan chức năng", "đơn vị liên quan": a kind of body without "các", which
    names nobody in particular, when it is one of the generic phrases or a qualifier follows it."""
    end = bare_kind_end(tokens, i)
    return UnitRef(_span_text(text, tokens, i, end), CATCHALL, i, end) if end else None


def bare_kind_end(tokens: list[Token], i: int) -> int | None:
    n = _GENERIC.match(tokens, i)
    if not n or (tokens[i].is_capitalized and i + n < len(tokens) and _is_name_word(tokens[i + n])):
        return None  # "Cơ quan Thường trực …" is a name
    end = _generic_run(tokens, i)
    if not end:
        return None
    last = end - 1
    qualified = any(tokens[k].low in ("liên", "chức", "chuyên") for k in range(i + n, end)) or \
        tokens[last].low == "khác" or [t.low for t in tokens[last - 1:end]] == ["các", "cấp"]
    if not qualified and (end > i + n or n < 3):
        return None  # "đơn vị", "cơ quan" alone: a plain noun; "cơ quan chức năng" is a phrase of its own
    return end


MAX_FIELD_WORDS = 4  # "ngành nông nghiệp và phát triển nông thôn" is longer than a partner list allows


def _field_branch_end(tokens: list[Token], i: int) -> int | None:
    """"ngành công thương", "ngành y tế", "lực lượng công an": a sector (or force) named by its field in
    plain words, up to its verb or the next item of a list; "ngành chức năng", "lực lượng liên quan"
    name nobody."""
    if low_at(tokens, i) == "ngành":
        k = i + 1
    elif low_at(tokens, i) == "lực" and low_at(tokens, i + 1) == "lượng":
        k = i + 2  # "lực lượng công an", "lực lượng Quân sự"
    else:
        return None
    first = k
    while k < len(tokens) and k <= i + MAX_FIELD_WORDS and tokens[k].is_word and not tokens[k].is_number and \
            tokens[k].low not in (*_LIST_SEPARATORS, "các", "những") and not _QUALIFIERS.match(tokens, k) and \
            not (_GENERIC.match(tokens, k) and k == first) and \
            not _LEVELS.match(tokens, k) and not is_predicate_at(tokens, k, weak=False):
        k += 1
    q = _QUALIFIERS.match(tokens, k) if k > first else 0
    if q:
        k = _qualifier_end(tokens, k, q)  # "lực lượng vũ trang trên địa bàn"
    return k if k > first and _item_ends(tokens, k) else None


def _field_branches(tokens: list[Token], k: int) -> int | None:
    """"ngành y tế, giáo dục" after "các": sectors named by their fields, one group."""
    end = _field_branch_end(tokens, k)
    if not end:
        return None
    while low_at(tokens, end) == "," and end + 1 < len(tokens) and tokens[end + 1].is_word and \
            not tokens[end + 1].is_capitalized and not parse_unit(tokens, end + 1) and \
            not is_predicate_at(tokens, end + 1, weak=False):
        more = end + 1
        while more < len(tokens) and more <= end + MAX_FIELD_WORDS and tokens[more].is_word and \
                tokens[more].low not in (*_LIST_SEPARATORS, "các") and not _QUALIFIERS.match(tokens, more) and \
                not is_predicate_at(tokens, more, weak=False):
            more += 1
        if more == end + 1 or not _item_ends(tokens, more):
            break
        end = more  # "…, giáo dục", one more field of the same kind
    return end


def _item_ends(tokens: list[Token], k: int) -> bool:
    """A list item closes at k: the text ends, a separator or the verb follows."""
    return k >= len(tokens) or tokens[k].text in (",", ";", ".", ":", ")") or tokens[k].low in _LIST_SEPARATORS \
        or is_predicate_at(tokens, k, weak=False)


def plain_partners(text: str, tokens: list[Token], i: int, lone: bool) -> tuple[list[UnitRef], int]:
    """Partners written in plain words after "phối hợp (với)", and the index after them: a sector by
    its field ("ngành công thương và các địa phương"), a generic phrase ("cơ quan chức năng"), or,
    when lone, "địa phương" its verb follows ("phối hợp với địa phương chỉ đạo …": the others
    concerned; "đơn vị", "cơ quan" before a verb may be a compound, "đơn vị tổ chức")."""
    end = _field_branch_end(tokens, i)
    if end:
        first = UnitRef(_span_text(text, tokens, i, end), GROUP, i, end)
        if low_at(tokens, end) in (",", "và"):
            more, after = parse_unit_list(text, tokens, end + 1, raw=True, partners=True)
            if more:
                return [first, *more], after
        return [first], end
    if not lone:
        return [], i
    end = bare_kind_end(tokens, i)
    if not end and low_at(tokens, i) == "địa" and low_at(tokens, i + 1) == "phương" and _item_ends(tokens, i + 2) \
            and low_at(tokens, i + 2) not in ("/", "hoặc"):
        end = i + 2
    return ([UnitRef(_span_text(text, tokens, i, end), CATCHALL, i, end)], end) if end else ([], i)


_UNIT_CODE = re.compile(r"[A-ZĐ]{1,3}\d{2,3}")


def raw_unit(tokens: list[Token], i: int) -> int | None:
    """End of an unknown unit's name at i, or None: "Xí nghiệp Thủy lợi Xz", "Cảng vụ …".

    A unit the vocabulary does not know is still written as a capitalized head, up to two
    lowercase syllables, then capitalized words of its proper name; the caller checks
    that an action follows.
    """
    if i >= len(tokens) or not tokens[i].is_word or not tokens[i].is_capitalized or tokens[i].is_number:
        return None
    if _NOT_UNIT.match(tokens, i) or PREDICATES.match(tokens, i) or _INTRO.match(tokens, i) or \
            _PERSON.match(tokens, i):
        return None
    if tokens[i].is_abbreviation:
        # "VNPT" or "EVN" then a place: a body known by its initials
        if i + 1 < len(tokens) and _is_name_word(tokens[i + 1]) and not tokens[i + 1].is_abbreviation \
                and not starts_unit_head(tokens, i + 1):
            end = _name_tail(tokens, i + 1, False)
            return end if end > i + 1 else None
        return None
    k = i + 1
    while k < len(tokens) and k <= i + 2 and tokens[k].is_word and not tokens[k].is_capitalized \
            and not tokens[k].is_number and not is_predicate_at(tokens, k) and not _LEVELS.match(tokens, k):
        k += 1
    if k >= len(tokens) or not _is_name_word(tokens[k]) or tokens[k].is_abbreviation and k == i + 1:
        return None
    end = _name_tail(tokens, k, False)
    if k == i + 1 and (end == i + 2 or low_at(tokens, i + 2) in ("-", "–")):
        # "Hoa Sen chủ động …": two proper syllables alone name a place, not a body; "Hòa Vân - Lạc Sơn"
        # (two places joined by a dash) is a road or a project
        return None
    return _plural_levels(tokens, end) if end > k else None  # "Ban công tác Mặt trận các thôn"


def display(ref: UnitRef) -> str:
    """The name as a lead is written: first letter capitalized, "phòng X" -> "Phòng X"."""
    return capitalize_first(ref.text)
