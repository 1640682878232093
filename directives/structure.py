"""Paragraphs -> a tree of blocks (I., 1., a), "-" bullets, plain paragraphs) with
the parts that assign nothing marked as skipped.

Skipped: the header, "Kính gửi", the preamble up to "… như sau:", sections that
assess the past or state guiding views ("Đánh giá tình hình", "Quan điểm chỉ đạo",
"Mục đích, yêu cầu"), the items of a "nhất trí thông qua" list, and everything
from "Nơi nhận" on (recipients, signature).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .names import parse_unit_list
from .normalize import Line
from .text import UPPER, tokenize

_MARKERS = (
    ("part", 0.0, re.compile(r"^(?:Phần|Chương|PHẦN|CHƯƠNG)\s+([IVXLC\d]+)[.:]?\s*")),
    ("article", 1.0, re.compile(r"^(?:Điều|ĐIỀU)\s+(\d+)[.:]?\s*")),
    ("roman", 1.0, re.compile(r"^([IVXLC]+)[.)]\s*(?=\S)")),
    # (parts of one or two digits: "3.071 TTHC" at a line's start is a count with its thousands dot)
    ("subnumber", 3.0, re.compile(r"^(\d{1,2}(?:\.\d{1,2})+)\.?\s+")),
    # "1.", "1)", "1/" of typed letters, and "1 - " / "1- " of older texts ("2 - Sở Tài chính có trách nhiệm:")
    ("number", 2.0, re.compile(r"^(\d{1,2})(?:[.)]|/(?=\s)|\s?[-–](?=\s+[" + UPPER + r"]))\s+")),
    ("letter", 4.0, re.compile(r"^([a-zđ])[).]\s+")),
    # "(i)", "(ii)", "(1)", "(a)": items under a letter ("b) … đề nghị:" then "(i) Bộ X …")
    ("paren", 4.2, re.compile(r"^\((x{0,3}(?:ix|iv|v?i{0,3})|\d{1,2}|[a-zđ])\)\.?\s+(?=\S)")),
    ("bullet", 5.0, re.compile(r"^([-–—•])\s*")),
    ("plus", 6.0, re.compile(r"^(\+)\s*")),
)
# "A. MỤC ĐÍCH, YÊU CẦU", "C. TỔ CHỨC THỰC HIỆN" (in capitals): the parts of a long plan.
_LETTERED_PART = re.compile(r"^([A-HĐ])\.\s+(?=\w\w)")
PARA_LEVEL = 4.5  # a plain paragraph sits under letters and above bullets
PAREN_UNDER_PARA = 4.7  # "(1)", "(i)" items right after a paragraph's colon belong to it
PARA_UNDER_PARA = 4.6  # plain paragraphs after an article's "… có nhiệm vụ:" paragraph belong to it
PAREN_UNDER_BULLET = 5.5  # "(i)", "(ii)" after "- Bộ X:" are that bullet's items
PARA_UNDER_NESTED_PAREN = 5.6  # and a plain paragraph among them goes on the item above it


def _opens_plain_list(block: Block) -> bool:
    """"Tổ giúp việc … có nhiệm vụ giúp Ban Chỉ đạo …:" under an article or item: a paragraph announcing
    the duties the plain paragraphs after it list."""
    return block.kind == "para" and block.text.endswith(":") and block.parent is not None and \
        block.parent.kind in ("article", "number", "roman") and _DUTIES_ANNOUNCED.search(block.text) is not None


_DUTIES_ANNOUNCED = re.compile(r"(?:có|các|những)\s+(?:chức năng,\s*)?nhiệm vụ(?:,\s*quyền hạn)?\b", re.IGNORECASE)
# Top sections that assign nothing: assessment of the past, guiding views, aims.
_SKIP_TITLE = re.compile(
    # ("II. Về kết quả công tác năm 2029", "1. Về kết quả triển khai thực hiện", "2. Về hạn chế và nguyên nhân": the
    # same, as a conclusion notice titles it)
    # ("II. ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG", "III. ĐÁNH GIÁ CÁN BỘ …": how a guidance has the rating done, its work)
    r"^(?:về\s+(?=kết quả\s+(?:công tác|triển khai|thực hiện|đạt được)|hạn chế|tồn tại))?(?:đánh giá(?!\s*,?\s*(?:xếp loại|phân loại|cán bộ))|kết quả|tình hình|quan điểm|mục đích|mục tiêu chung|bối cảnh|tồn tại|hạn chế|"
    r"nguyên nhân|khó khăn|những kết quả|một số kết quả|sự cần thiết|nguyên tắc|"
    # ("Điều 2. Căn cứ Điều 1 Quyết định này, UBND huyện Xa có trách nhiệm:" hands work on)
    r"căn cứ(?![^.;:]*,[^.;:]*\b(?:có|chịu)\s+trách nhiệm\s*:)|"
    # what a plan the units are to draft must meet and aim at ("I. YÊU CẦU TRONG XÂY DỰNG KẾ HOẠCH …",
    # "II. MỤC TIÊU, NHIỆM VỤ CHỦ YẾU CỦA KẾ HOẠCH …"): its content, the work is assigned after
    r"yêu cầu(?:\s+chung|\s+trong\b|$)|mục tiêu,?\s+(?:và\s+)?nhiệm vụ\s+(?:chủ yếu\s+)?của\s+kế hoạch|"
    # "II. CHỈ TIÊU XÂY DỰNG XÃ … NĂM 2026": the targets set, with the places that must reach them ("Chỉ tiêu,
    # nhiệm vụ" goes on to the work)
    r"(?:các\s+)?chỉ tiêu(?!\s*(?:,|và)\s*(?:nhiệm vụ|giải pháp))|"
    # who takes part or is looked at ("Thành phần thực hiện", "Đối tượng giám sát"): lists of members
    r"thành phần|thành viên(?![^.:;]*(?:trách nhiệm|nhiệm vụ))|đối tượng|thời gian và thành phần|thời gian, thành phần|thời gian, địa điểm,? (?:và )?thành phần|"
    # a regulation's scope and glossary ("Giải thích từ ngữ": "- P.KT: Phòng Khảo thí;")
    r"giải thích từ ngữ|phạm vi điều chỉnh|phạm vi áp dụng)", re.IGNORECASE)
# "Điều 5. Thẩm quyền quyết định …" over items: who may decide what, the rule's powers ("… và trách nhiệm" goes on)
_POWERS_TITLE = re.compile(r"^thẩm quyền(?![^.:;]*\b(?:trách nhiệm|nhiệm vụ))[^.:;]*$", re.IGNORECASE)
# An item's title naming who a plan concerns or the standards one must meet, at any level: lists of
# bodies and criteria under it, no work ("Tiêu chuẩn hóa …" is a verb).
_WHO_OR_STANDARDS = re.compile(r"^(?:đối tượng|tiêu chí|tiêu chuẩn(?!\s+h[oó]a))(?!\w)", re.IGNORECASE)
_APPROVED_TITLE = re.compile(r"thông qua", re.IGNORECASE)
# A new body's roster by post ("Tổ trưởng: Bộ trưởng Bộ X.", "Tổ phó:", "Các Thành viên Tổ công tác, gồm: …")
_ROSTER_LINE = re.compile(r"^(?:Tổ trưởng|Tổ phó|Trưởng ban|Phó Trưởng ban|Trưởng đoàn|Phó Trưởng đoàn|Chủ tịch Hội đồng|"
                          r"Phó Chủ tịch Hội đồng|(?:Các\s+)?[Tt]hành viên\b[^:;.]{0,60}?,?\s*gồm)\s*:")
# "1. Những nội dung cần bồi dưỡng cho CBQL … gồm:", "I. NỘI DUNG TẬP HUẤN": the topics a course teaches,
# at any depth; who runs the course is said after them
_COURSE_TOPICS = re.compile(r"^(?:những\s+|các\s+)?nội dung\s+(?:cần\s+|được\s+)?(?:bồi dưỡng|tập huấn|đào tạo)\b(?![^:]*\b(?:giao|đề nghị|yêu cầu)\b)",
                            re.IGNORECASE)
# Aims, scope and glossary, however deep: what a guidance is for and whom it binds, no work
_AIMS_AND_SCOPE = re.compile(r"^(?:mục đích|mục tiêu chung|phạm vi|đối tượng áp dụng|giải thích từ ngữ|căn cứ)(?!\w)",
                             re.IGNORECASE)
# The signature block ("KT. THỦ TƯỚNG", "TM. ỦY BAN NHÂN DÂN") and the annex that may follow it.
# "Nơi nhận:", also as OCR reads it ("Noi nhận:}", "Nơi nhan:")
_RECIPIENTS = re.compile(r"^n[ơo]i\s+nh[ậa]n\b", re.IGNORECASE)
# "- Như trên;": the first line of the recipients' list, standing alone when a two-column layout lost
# the "Nơi nhận:" beside it
_AS_ABOVE = re.compile(r"^như trên\s*[;,.]?\s*$", re.IGNORECASE)
# (older texts write "K/T", "T/M", "T/L": "K/T THỦ TƯỚNG CHÍNH PHỦ")
_SIGNATURE = re.compile(r"^(?:(?:KT|TM|TL|TUQ|Q)\.|(?:K|T)/[TML]\.?)\s*[" + UPPER + r"]{2,}"
                        # the post alone, signed by its holder ("CHỦ TỊCH" over the name)
                        r"|^(?:PHÓ\s+)?(?:CHỦ TỊCH|GIÁM ĐỐC|BỘ TRƯỞNG|THỦ TƯỚNG|BÍ THƯ|TRƯỞNG BAN|CHÁNH VĂN PHÒNG)$")
_ANNEX = re.compile(r"^(?:Phụ lục|PHỤ LỤC|DANH MỤC)\b")
# "(Ban hành kèm theo Quyết định số …)" under a plan's title after the signature: the plan the
# decision issues is its body.
_ATTACHED = re.compile(r"^\((?:Ban hành\s+(?:kèm\s+)?theo|[Kk]èm theo)\s+(?:Quyết định|QĐ|Nghị quyết|Chỉ thị|Công văn|Văn bản)\b")
# The issued plan's own title standing alone after the signature ("KẾ HOẠCH", "CHƯƠNG TRÌNH HÀNH
# ĐỘNG"): the plan the decision issues follows, and it is the decision's body.
_PLAN_TITLE = re.compile(r"^(?:KẾ HOẠCH|CHƯƠNG TRÌNH(?: HÀNH ĐỘNG)?|QUY ĐỊNH|QUY CHẾ|QUY TRÌNH|HƯỚNG DẪN|ĐIỀU LỆ)$")
_ANNOUNCEMENT = re.compile(r"(?:sau đây|như sau|sau|dưới đây|cụ thể|bao gồm|gồm|"
                           r"(?<!\w)(?:yêu cầu|đề nghị|chỉ đạo|kết luận|có ý kiến))\s*:\s*$", re.IGNORECASE)
# "Để tiếp tục …, thành phố X cần tập trung thực hiện tốt một số nhiệm vụ, giải pháp sau đây:" closing
# an assessment: a unit must do the items that follow.
_WORK_ANNOUNCED = re.compile(r"\b(?:cần|phải|đề nghị|yêu cầu)\b.*\b(?:nhiệm vụ|giải pháp|công việc)\b", re.IGNORECASE)
# The addressees: "Kính gửi:", or a telegram's "CHỦ TỊCH UBND TỈNH điện:" over its list (not a numbered
# topic about power, "(1) Về các dự án nguồn điện:").
_ADDRESSEES = re.compile(r"^(?:(?:đồng\s+)?kính gửi|(?!\(?\d|[a-zđ]\)|về\s)[^.;:]{0,80}\sđiện)\s*:", re.IGNORECASE)


@dataclass
class Block:
    index: int
    text: str  # without its marker
    kind: str  # part/article/roman/number/subnumber/letter/bullet/plus/para/heading
    marker: str | None
    level: float
    heading: bool = False
    parent: Block | None = None
    children: list[Block] = field(default_factory=list)
    skip: bool = False
    announcement: bool = False  # the preamble's "… thực hiện các nội dung sau:"

    @property
    def is_item(self) -> bool:
        return self.kind not in ("para",)

    @property
    def is_title(self) -> bool:
        """A section title over items ("6. Đẩy mạnh công tác đối ngoại"), not an item itself."""
        live = [c for c in self.children if not c.skip]
        if not live:
            return False
        if any(c.is_item for c in live):
            # ("- Tổ chức phổ biến … (có nội dung kèm theo)." over "+ …" notes: a bullet that ends its sentence
            # is its own work, the "+" items under it what it covers)
            return not (self.kind == "bullet" and re.search(r"[.;!?…]$", self.text) and
                        all(c.kind == "plus" for c in live))
        return self.heading or not re.search(r"[.;!?…)]$", self.text)

    def ancestors(self):
        node = self.parent
        while node is not None:
            yield node
            node = node.parent

    @property
    def label(self) -> str:
        mark = f"{self.marker}. " if self.marker and self.kind not in ("bullet", "plus") else ""
        return (mark + self.text)[:120]


# "Bước 2: ĐVQL kiểm tra hồ sơ …": a procedure's step label before the step's own sentence
_STEP_LABEL = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*[.)]\s+)?Bước\s+\d{1,2}\s*[:.]\s+(?=\S)")


def classify(line: Line, index: int) -> Block:
    text = line.text.strip()
    if (step := _STEP_LABEL.match(text)) and step.group(0)[0].isdigit():
        text = text[:step.group(0).index("Bước")] + text[step.end():]
    elif step:
        text = text[step.end():]
    if _ADDRESSEES.match(text):
        # A paragraph over its "- …" list of addressees, even when set in bold.
        return Block(index, text, "para", None, PARA_LEVEL)
    lettered = _LETTERED_PART.match(text)
    if lettered and text.upper() == text:
        # "B. NỘI DUNG, NHIỆM VỤ", "C. TỔ CHỨC THỰC HIỆN": a plan's top part, lettered in capitals
        return Block(index, text[lettered.end():].strip(), "part", lettered.group(1), 0.0, True)
    titled = _TITLED_ROMAN.match(text)
    if titled and _plausible_roman(titled.group(1).upper(), text):
        # "Ii. về công tác …", "Iv. hiệu lực thi hành": a portal's title case of "II. VỀ CÔNG TÁC …"
        return Block(index, text[titled.end():].strip(), "roman", titled.group(1).upper(), 1.0, line.heading)
    for kind, level, pattern in _MARKERS:
        m = pattern.match(text)
        if m and (kind != "roman" or _plausible_roman(m.group(1), text)):
            return Block(index, text[m.end():].strip(), kind, m.group(1), level, line.heading)
    if line.heading:
        return Block(index, text, "heading", None, 1.0, True)
    return Block(index, text, "para", None, PARA_LEVEL)


_TITLED_ROMAN = re.compile(r"^([IVX][ivx]{1,3})\.\s+(?=\w)")


def _plausible_roman(numeral: str, text: str) -> bool:
    # "I. Đánh giá" is a section; "V/v …", "VI." in running text or "C." are not.
    return bool(re.fullmatch(r"(?:X{0,3})(?:IX|IV|V?I{0,3})", numeral)) and len(text) > len(numeral) + 2


def build(lines: list[Line], body_start: int = 0) -> list[Block]:
    """Blocks in document order, linked into a tree, with skips marked."""
    blocks = [classify(line, i) for i, line in enumerate(lines)]
    stack: list[Block] = []
    previous: Block | None = None
    lifting = listing = nesting = False
    for block in blocks[body_start:]:  # the header is not a section of the body
        if block.kind == "paren" and (nesting or previous is not None and previous.kind == "bullet" and
                                      (_unit_opens_list(previous.text) or
                                       _TOPIC_OPENS.match(previous.text) and block.marker in ("1", "i", "a"))):
            # "- Bộ X:" over "(i) …", "(ii) …": the unit's items, a paragraph in one of them included;
            # "- Về công tác khảo sát:" over "(1) …", "(2) …": the topic's items, under the lead above it
            block.level, nesting = PAREN_UNDER_BULLET, True
        elif nesting and block.kind == "para":
            block.level = PARA_UNDER_NESTED_PAREN
        elif block.kind == "paren" and (lifting or previous is not None and previous.kind == "para" and
                                      previous.text.endswith(":") and previous.parent is not None):
            # "3.1. …:" over "Yêu cầu các sở … báo cáo số liệu …, bao gồm:" then "(1) …", "(2) …": the
            # paragraph's items (a top paragraph's "(1)", "(2)" stay the document's own items)
            block.level, lifting = PAREN_UNDER_PARA, True
        elif block.kind == "para" and (listing or previous is not None and _opens_plain_list(previous)):
            # "Điều 2. …" over "Tổ X có nhiệm vụ …:" then plain paragraphs, one duty each: its items
            block.level, listing = PARA_UNDER_PARA, True
        elif block.kind == "para" and previous is not None and previous.kind in ("bullet", "plus") and \
                previous.parent is not None and previous.parent.text.endswith(":") and \
                not _ADDRESSEES.match(previous.parent.text) and \
                _list_resumes(blocks, block.index, previous.kind):
            # "…như sau:" over "- …", then a plain line, then "- …" again: a copy set an item's lines apart;
            # the line is an item of the list too, not a new section that ends it
            block.kind, block.level = previous.kind, previous.level
        elif block.level <= PARA_LEVEL:
            lifting = False
        if block.kind != "para":
            listing = False
        if block.kind not in ("paren", "para"):
            nesting = False
        previous = block
        if _ATTACHED.match(block.text) or (block.kind == "para" and _ANNEX.match(block.text)):
            # the plan a decision issues, or an annex ("PHỤ LỤC"), is no part of the last item above it
            stack.clear()
        while stack and stack[-1].level >= block.level:
            stack.pop()
        if stack:
            block.parent = stack[-1]
            stack[-1].children.append(block)
        stack.append(block)
    _mark_skips(blocks, body_start)
    return blocks


MAX_LINES_BETWEEN_ITEMS = 2


# "- Về công tác khảo sát, thiết kế:", "- Đối với các dự án …:": a topic over its own numbered items
_TOPIC_OPENS = re.compile(r"^(?:về|đối với)\s[^:]{2,120}:$", re.IGNORECASE)


def _list_resumes(blocks: list[Block], index: int, kind: str) -> bool:
    """Whether a plain line or two from index on (none opening a list of its own) lead back to an item of that
    kind."""
    for block in blocks[index:index + MAX_LINES_BETWEEN_ITEMS + 1]:
        if block.kind == kind:
            return True
        if block.kind != "para" or block.text.endswith(":") or _RECIPIENTS.match(block.text) or \
                _SIGNATURE.match(block.text):
            return False
    return False


def _unit_opens_list(text: str) -> bool:
    """"Bộ Xây dựng:", "UBND tỉnh A quyết liệt chỉ đạo chủ đầu tư:": a line opened by the units whose list
    it opens (not "Chỉ đạo các công ty:", whose items are what the direction covers)."""
    if not text.endswith(":"):
        return False
    tokens = tokenize(text)
    units, _ = parse_unit_list(text, tokens, 0)
    return bool(units) and units[0].start == 0


def _mark_skips(blocks: list[Block], body_start: int) -> None:
    for block in blocks[:body_start]:
        block.skip = True
    whole, blocks = blocks, blocks[body_start:]
    ended = False
    annex_title = False  # in the lines that open an annex: "PHỤ LỤC", its title, "(Kèm theo …)"
    approved_items: set[int] = set()
    resumed: set[int] = set()  # skipped sections whose last paragraphs give work after all
    addressed = False
    roster = False  # in an annex that lists bodies by name ("DANH SÁCH CÁC ĐƠN VỊ …"): names, no work
    for block in blocks:
        # "DANH SÁCH" / "Danh sách các đơn vị nhận công văn" after the signature: whom a letter went to, no work
        roster_title = ended and bool(_ROSTER_TITLE.match(block.text))
        if ended and (_ANNEX.match(block.text) or _ATTACHED.match(block.text) or _PLAN_TITLE.match(block.text) or
                      roster_title):
            ended = False  # "Phụ lục …" after the signature: the annex's tasks are the directive's
            annex_title = bool(_ANNEX.match(block.text)) or roster_title
            roster = roster_title
        elif annex_title:
            annex_title = block.kind in ("para", "heading") and _annex_title(block.text)
            roster = roster or annex_title and bool(_ROSTER_TITLE.match(block.text))
        if _ANNEX.match(block.text):
            roster = False
        ended = ended or bool(_RECIPIENTS.match(block.text)) or bool(_SIGNATURE.match(block.text)) or \
            (block.kind == "bullet" and bool(_AS_ABOVE.match(block.text)))
        parent = block.parent
        after_address, addressed = addressed, False
        if ended or annex_title and not block.children or _ADDRESSEES.match(block.text) or after_address or \
                roster and " | " not in block.text:
            block.skip = True
            # "Đồng kính gửi:" over one plain line ("Bí thư Tỉnh ủy, Thành ủy … để lãnh đạo, chỉ đạo."): whom
            # it is sent to, not work
            addressed = bool(_ADDRESSEES.match(block.text)) and block.text.rstrip().endswith(":") and not block.children
        elif block.kind in ("para", "bullet") and _ROSTER_LINE.match(block.text):
            block.skip = True  # "Tổ trưởng: Bộ trưởng Bộ X.", "Tổ phó:" over deputies: who sits on a new body, no work
        elif block.kind == "para" and _IDENTITY_FIELD.match(block.text):
            block.skip = True  # "Tên doanh nghiệp: Công ty X.", "Địa chỉ trụ sở chính: …": who an investor is, no work
        elif block.kind in ("part", "roman", "heading", "article") and _SKIP_TITLE.match(block.text):
            block.skip = True
        elif block.kind == "number" and (_top_section(block) and _SKIP_TITLE.match(block.text) or
                                         _AIMS_AND_SCOPE.match(block.text)) and \
                not re.search(r"[.;:!?…]$", block.text):
            # "1. Đánh giá chung" in a short notice without Roman sections; "1. Mục đích", "2. Phạm vi điều
            # chỉnh và đối tượng áp dụng" at any depth
            block.skip = True
        elif block.kind in ("number", "subnumber", "letter") and _COURSE_TOPICS.match(block.text) and \
                not re.search(r"[.;!?…]$", block.text) and block.children:
            block.skip = True  # the topics a course teaches, listed under it
        elif block.kind in ("number", "subnumber", "letter") and _WHO_OR_STANDARDS.match(block.text) and \
                not re.search(r"[.;!?…]$", block.text) and (not block.text.endswith(":") or len(block.text) < 80) and \
                len(block.text) < 120:
            # ("b) Đối tượng, số lượng mẫu điều tra:" over the groups surveyed, too)
            block.skip = True  # "2. Đối tượng thi đua", "1. Tiêu chuẩn Bằng khen …": who is meant, what counts
        elif parent is not None and _approved(parent) and block.is_item:
            block.skip = True  # the documents merely approved ("nhất trí thông qua")
            approved_items.add(block.index)
        elif parent is not None and parent.skip and parent.index not in approved_items | resumed:
            if block.kind == "para" and _WORK_ANNOUNCED.search(block.text) and _ANNOUNCEMENT.search(block.text):
                resumed.add(parent.index)  # the assessment ends by announcing the work below
            else:
                block.skip = True
    _skip_invitees(blocks)
    _skip_powers(blocks)
    _skip_title(blocks)
    _skip_preamble(blocks)
    _skip_grounds(blocks)
    _skip_lines(blocks, _MEMBER)  # the members listed under a board ("- Ông A, …, Trưởng ban;"): who sits on it
    _skip_slogans(blocks)
    _skip_lines(blocks, _CONTACT, listed=True)  # the contact details under "… gửi về Tổ X theo địa chỉ:"
    _skip_rates(blocks)
    _skip_quotations(whole)  # (the sentence announcing the quotation may close the header's lines)


# "- Ông Nguyễn Văn A, Phó Giám đốc Sở, Phó Trưởng ban;", "- Các Ông/Bà là lãnh đạo các trường … là thành viên":
# a board's member, named with the post held in it
_MEMBER = re.compile(r"^(?:(?:Ông|Bà|Đồng chí|Đ/c|Các Ông/Bà|Các ông/bà|Các đồng chí)\s).{0,300}?[,\s](?:là\s+)?"
                     r"(?:Trưởng ban|Phó Trưởng ban|Trưởng đoàn|Phó Trưởng đoàn|Tổ trưởng|Tổ phó|Thư ký|Ủy viên|Uỷ viên|"
                     r"[Tt]hành viên)(?:\s+[^,;.]{0,40})?\s*[;.]?$")


def _skip_rates(blocks: list[Block]) -> None:
    """"- Xăng RON95: không cao hơn 20.542 đồng/lít;" under "1.1. Trích lập Quỹ X": the figures a decision
    sets, no work, nor the title over nothing else."""
    rates = _skip_lines(blocks, _RATE, listed=True) + _skip_lines(blocks, _ALLOCATION, listed=True)
    titles = {rate.parent.index: rate.parent for rate in rates if rate.parent is not None}
    for title in sorted(titles.values(), key=lambda b: b.index):
        if all(c.skip for c in title.children) and not re.search(r"[.;:!?…]$", title.text):
            title.skip = True


def _skip_lines(blocks: list[Block], pattern: re.Pattern[str], *, listed: bool = False) -> list[Block]:
    """Bullets and plain lines with nothing under them that the pattern matches (`listed`: only those listed under
    another line): no work. Returns the lines skipped."""
    skipped = []
    for block in blocks:
        if not block.skip and block.kind in ("bullet", "plus", "para") and not block.children and \
                (not listed or block.parent is not None) and pattern.match(block.text):
            block.skip = True
            skipped.append(block)
    return skipped


# "2. Thành phần mời:", "Thành phần tham dự:" over the guests of a meeting, at any depth: who comes, no work
_GUESTS_LABEL = re.compile(r"^(?:thành phần|đại biểu)(?:\s+(?:được\s+)?(?:mời|tham dự|tham gia|dự họp|dự))?\s*:\s*$",
                           re.IGNORECASE)
# "Giao UBND các huyện bố trí phòng họp và mời các thành phần sau đây …, cụ thể:": the guests listed under
# the request are whom to invite, the request is the work ("(giao X mời)", "Trưởng thôn … mời hộ dân" beside a
# guest: whom the line hands the inviting to has work)
_HANDS_INVITING = re.compile(r"(?<!\w)mời(?!\w)", re.IGNORECASE)
INVITES_BELOW = re.compile(r"\bmời\s+(?:các\s+)?(?:thành phần|đại biểu)\b[^:]*:\s*$", re.IGNORECASE)


def _skip_invitees(blocks: list[Block]) -> None:
    """The guests a meeting's label or an invitation request lists: whom to invite is no work of theirs."""
    for block in blocks:
        label = bool(_GUESTS_LABEL.match(block.text))
        if label or INVITES_BELOW.search(block.text):
            block.skip = block.skip or label
            for child in block.children:
                if child.kind in ("bullet", "plus", "para") and not child.children and not _HANDS_INVITING.search(child.text):
                    child.skip = True


def _skip_powers(blocks: list[Block]) -> None:
    """The items under a title of powers, and what they hold, in a rule whose next article follows (a letter
    quoting such an article goes on under it)."""
    for k, block in enumerate(blocks):
        if block.kind in ("article", "number", "roman") and _POWERS_TITLE.match(block.text) and \
                any(b.kind == block.kind for b in blocks[k + 1:]):
            block.skip = True
            items = [c for c in block.children if c.is_item]
            while items:
                item = items.pop()
                item.skip = True
                items.extend(item.children)


# "+ Điện thoại: 024.3826…; Email: …", "+ Phòng 203, Trung tâm Hội nghị …": where and how to reach someone
_CONTACT = re.compile(r"^(?:(?:số\s+)?điện thoại|đt|đtdđ|email|e-mail|fax|địa chỉ|website|hộp thư(?:\s+điện tử)?)\s*:|"
                      r"^phòng\s+\d+\s*,", re.IGNORECASE)
# "- Dầu hỏa: 0 đồng/lít;", "- Xăng E5: không cao hơn 19.807 đồng/lít": an item's figure per unit of measure
_RATE = re.compile(r"^[^:;]{1,80}:\s*(?:(?:không\s+)?(?:cao|thấp|vượt)\s+(?:hơn|quá)\s+|tối\s+(?:đa|thiểu)\s+)?"
                   r"[\d.,]+\s*(?:đồng|triệu\s+đồng|tỷ\s+đồng|%)(?:\s*/\s*\w+)?\s*[;.]?$", re.IGNORECASE)

# "- Tỉnh Xa: 1.000.000 viên sát khuẩn …;" under "… xuất cấp … cho các tỉnh …, cụ thể:": what each recipient gets
_ALLOCATION = re.compile(r"^[^:;]{1,60}:\s*[\d.,]+\s+(?:viên|tấn|kg|lít|liều|con|chiếc|cái|suất|gói|hộp|m3|m³|lọ|chai|"
                         r"thùng|bao|ha|tấm|bộ|cuốn|quyển)(?!\w)[^;:]{0,120}[;.]?$", re.IGNORECASE)


# "5. Lựa chọn và thực hiện khẩu hiệu tuyên truyền tại đơn vị", "Các khẩu hiệu tuyên truyền như sau:" over bullets
_SLOGANS = re.compile(r"khẩu hiệu(?:\s+tuyên truyền)?(?:\s+(?:sau|sau đây|như sau|tại đơn vị|chính|chủ yếu))?\s*:?$",
                      re.IGNORECASE)
MAX_SLOGAN = 150


def _skip_slogans(blocks: list[Block]) -> None:
    """The slogans a campaign is to display ("- Chung một quyết tâm - Vì cộng đồng không ma túy"): words to show,
    no work; the item choosing them stays a task."""
    for block in blocks:
        if not block.skip and _SLOGANS.search(block.text.rstrip(" .")):
            for child in block.children:
                if child.kind in ("bullet", "plus", "para") and not child.children and len(child.text) <= MAX_SLOGAN:
                    child.skip = True


# "Lý do: vi phạm quy định …, cụ thể như sau:" then "Hội X: quá thời gian tổ chức đại hội …" for each:
# the grounds of the decision, one labelled paragraph per body, until the text asks for something.
_GROUNDS = re.compile(r"^(?:lý do|nguyên nhân|căn cứ để)\b.*:\s*$", re.IGNORECASE)
_LABELLED = re.compile(r"^(?:[a-zđ]\)\s*)?[^:;.!?]{3,150}:\s+\S")
_ASKS = re.compile(r"^(?:yêu cầu|đề nghị|giao|nhiệm vụ|chỉ đạo|kết luận|tổ chức thực hiện)\b", re.IGNORECASE)


def _skip_grounds(blocks: list[Block]) -> None:
    grounds = False
    for block in blocks:
        if grounds and not block.skip and _LABELLED.match(block.text) and not _ASKS.match(block.text):
            block.skip = True  # (only this paragraph: a lost letter may have hung what follows under it)
            continue
        grounds = bool(_GROUNDS.match(block.text))


# A quotation opening a paragraph ("“1. Theo quy định …") and closing paragraphs later ("… Việt Nam”.").
_OPENS_QUOTE = re.compile(r"^[“\"]")
_CLOSES_QUOTE = re.compile(r"[”\"]\s*[.;,]?\s*(?:/\.)?\s*$")
MAX_QUOTED_BLOCKS = 40


def _skip_quotations(blocks: list[Block]) -> None:
    """"Bộ Nội vụ có ý kiến như sau:" then paragraphs in quotation marks: another body's text the letter
    reports, its words no task of the letter's readers, when the letter goes on to direct them itself."""
    for i, block in enumerate(blocks):
        if block.skip or i == 0 or not _OPENS_QUOTE.match(block.text) or _CLOSES_QUOTE.search(block.text) or \
                not blocks[i - 1].text.rstrip().endswith(":"):
            continue
        end = next((j for j in range(i + 1, min(len(blocks), i + MAX_QUOTED_BLOCKS))
                    if _CLOSES_QUOTE.search(blocks[j].text)), None)
        if end is None or not any(not b.skip for b in blocks[end + 1:]):
            continue
        for quoted in blocks[i:end + 1]:
            quoted.skip = True


# The fields that say who a person or an enterprise is, in a decision that names an investor or a licensee.
_IDENTITY_FIELD = re.compile(r"^(?:(?:Tên (?:doanh nghiệp|tổ chức|nhà đầu tư|công ty)|Địa chỉ[^:]{0,40}|"
                             r"Giấy chứng nhận đăng ký[^:]{0,40}|Người đại diện[^:]{0,60}|Chức danh|Điện thoại|Số điện thoại|"
                             r"Email|Mã số thuế|Ngày sinh|Quốc tịch)\s*:|Căn cước công dân số\s*\d)")
_ROSTER_TITLE = re.compile(r"^DANH SÁCH\b(?!.*(?:NHIỆM VỤ|CÔNG VIỆC|NỘI DUNG))")


def _annex_title(text: str) -> bool:
    """The title under an annex's heading: capitals ("DANH MỤC CÁC NHIỆM VỤ …"), or what it goes
    with, in brackets ("(Kèm theo Kế hoạch số …)"); no task of the section above the annex."""
    return text.upper() == text or text.startswith("(") and text.rstrip(" .").endswith(")")


def _skip_title(blocks: list[Block]) -> None:
    """A portal's headline over the text: a first paragraph without a full stop, more after it."""
    live = [b for b in blocks if not b.skip]
    if len(live) > 1 and live[0].kind == "para" and live[0].parent is None and \
            not re.search(r"[.;:!?…)\]\"”]$", live[0].text) and len(live[0].text) < 300 and \
            not re.match(r"(?:giao|yêu cầu|đề nghị)\b", live[0].text, re.IGNORECASE):
        live[0].skip = True


def _top_section(block: Block) -> bool:
    parent = block.parent
    return parent is None or (parent.kind == "heading" and not parent.skip)


def _approved(block: Block) -> bool:
    return block.kind in ("part", "roman", "heading", "article", "number") and bool(_APPROVED_TITLE.search(block.text))


# "Sau khi xem xét, Chủ tịch UBND tỉnh có ý kiến chỉ đạo:": the speaker announces the directions.
_SPEAKER_ANNOUNCES = re.compile(r"(?:ý kiến chỉ đạo|có ý kiến|chỉ đạo|yêu cầu|kết luận|đề nghị|chỉ thị)"
                                r"(?:\s+như sau)?\s*:\s*$", re.IGNORECASE)


# The last sentence of a paragraph: what follows its last full stop.
_LAST_SENTENCE = re.compile(r"(?:^|[.!?]\s)([^.!?]*)$")
_REQUEST = re.compile(r"(?<!\w)(?:đề nghị|yêu cầu|giao)\s+\S", re.IGNORECASE)


def _request_over_paragraphs(block: Block) -> bool:
    """"… đề nghị Cục X triển khai thực hiện một số nội dung sau:" with the items as the plain
    paragraphs after it (no list under it): the same announcement as over numbered items, when the
    sentence that announces them asks a unit for them."""
    last = _LAST_SENTENCE.search(block.text)
    # ("… yêu cầu Thủ trưởng các cơ quan, Chủ tịch UBND các xã:" names whom it asks, then the colon)
    return not any(not c.skip for c in block.children) and \
        (bool(_ANNOUNCEMENT.search(block.text)) or block.text.rstrip().endswith(":")) and \
        last is not None and bool(_REQUEST.search(last.group(1)))


def _skip_before_speaker(blocks: list[Block]) -> None:
    """A letter without numbered sections: what stands before "… có ý kiến chỉ đạo:" (a portal's
    headline, the letter received) is context, when directions follow the announcement."""
    for i, block in enumerate(blocks):
        if block.parent is None and block.kind == "para" and \
                (_SPEAKER_ANNOUNCES.search(block.text) or _request_over_paragraphs(block)) \
                and any(not b.skip for b in blocks[i + 1:]):
            for earlier in blocks[:i + 1]:
                earlier.skip = True
            block.announcement = True
            return


# "Chính phủ ban hành Nghị quyết …", "Chủ tịch UBND tỉnh ban hành Quyết định …" after the "Căn cứ …"
# lines: the issuer enacting the document itself, no task.
_ENACTING = re.compile(r"^(?:Chính phủ|Thủ tướng Chính phủ|(?:Ủy ban nhân dân|UBND|Hội đồng nhân dân|HĐND|Bộ trưởng|"
                       r"Chủ tịch|Giám đốc|Thống đốc)\b[^,.;:]{0,80}?)\s+(?:quyết định\s+)?ban hành\s+"
                       r"(?:Nghị quyết|Nghị định|Quyết định|Thông tư|Chỉ thị)\b")


# "Thực hiện ý kiến …, ngày 10/02/2020, Chủ tịch UBND huyện X ban hành công văn chỉ đạo các phòng …" before
# the numbered items a portal quotes: the report of the issuing, the items are the work.
_REPORTED_ISSUE = re.compile(r"(?:^|,\s*)(?:Chủ tịch\s+|Phó Chủ tịch\s+)?(?:Ủy ban nhân dân|Uỷ ban nhân dân|UBND)\b[^,.;:]{0,60}?"
                             r"\s(?:đã\s+|vừa\s+)?ban hành\s+(?:công văn|kế hoạch|thông báo|công điện|chỉ thị|văn bản)"
                             r"(?:\s+(?:số\s+)?\S+)?\s+(?:chỉ đạo|yêu cầu|đề nghị|về việc|v/v)(?!\w)", re.IGNORECASE)


def _skip_preamble(blocks: list[Block]) -> None:
    """Before the first numbered section, everything up to "… như sau:" introduces the body."""
    first_section = next((i for i, b in enumerate(blocks) if b.kind in
                          ("part", "article", "roman", "number", "subnumber", "letter")), None)
    if first_section is None:
        _skip_before_speaker(blocks)
        return
    for block in blocks[:first_section]:
        if block.kind == "para" and (_ENACTING.match(block.text) or _REPORTED_ISSUE.search(block.text)
                                     and not block.text.rstrip().endswith(":")):
            # (a report of the issuing that ends in a colon names who does the items below: their heading)
            block.skip = True
    for i in range(first_section - 1, -1, -1):
        if blocks[i].kind == "para" and _ANNOUNCEMENT.search(blocks[i].text):
            for block in blocks[:i + 1]:
                block.skip = True
            blocks[i].announcement = True
            return
