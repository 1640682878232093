"""Raw text -> logical paragraphs: NFC, markdown stripped, hard-wrapped lines rejoined.

Directives arrive as PDF text (one line per printed line), as text files wrapped at
~80 columns (sometimes with a blank line after every line), as markdown, or as
.docx paragraphs. Only the wording of a line tells whether it continues.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from . import lexicon as lx
from .bartables import bar_tables
from .fields import field_items, is_field_line
from .glue import unglue
from .linear import linear_tables
from .names import PREDICATES, starts_unit_head
from .tables import bare_pipe_tables, table_to_paragraphs, text_tables
from .text import UPPER, PhraseIndex, tokenize

_LEVELS = PhraseIndex(lx.LEVEL_WORDS)
_INTRO = PhraseIndex(lx.INTRO_MARKERS)
_LEVEL_HEADS = PhraseIndex(lx.LEVEL_HEADS)

_SPACES = dict.fromkeys(map(ord, "\u00a0\u2002\u2003\u2009\u202f\t\u3000"), " ")
_DROP = dict.fromkeys(map(ord, "\u200b\u200c\u200d\ufeff\u00ad"), None)

# A line that opens a new block: numbering, bullets, "Nơi nhận", signature roles.
BLOCK_START = re.compile(
    r"^(?:[IVXLC]+[.)](?:\s|$)|\d+(?:\.\d+)*[.)](?:\s|$)|\d{1,2}/\s|\d{1,2}(?:\.\d{1,2})+\s|[a-zđ][).](?:\s|$)|\((?:[ivx]+|\d{1,2}|[a-zđ])\)\s|[-–—•+*]\s*\S|"
    r"(?:Điều|Mục|Phần|Chương)\s+[\dIVXLC]+\b|N[ơo]i nh[ậa]n|Kính gửi|Số\s*:|V/v\b)"
)
_DOCUMENT_THIS = re.compile(r"^(?:Quyết định|Chỉ thị|Nghị quyết|Thông báo|Kế hoạch|Công văn|Công điện|Thông tư|"
                            r"Nghị định)\s+này\b")
_TERMINAL = re.compile(r"(?:[.;:!?…]|\./\.)[\"'”’)\]]*$")
# Words that cannot end a phrase: the next line continues it.
_CONNECTORS = {
    "và", "của", "với", "các", "cho", "tại", "về", "theo", "trong", "những", "đối", "phòng", "sở", "ban",
    "ủy", "uỷ", "bộ", "cục", "chi", "là", "để", "từ", "đến", "hoặc",
    "thuộc", "trên", "giữa", "số", "ngày", "tháng", "năm", "quý", "chủ", "phối", "tham", "đề", "nghị",
}
# A head's title ending a line of running text: the body it heads is on the next line.
_HEAD_TITLE_END = re.compile(r"[,;]?\s(?:Chủ tịch|Phó Chủ tịch|Giám đốc|Phó Giám đốc|Thủ trưởng|Bộ trưởng|Trưởng ban|"
                             r"Trưởng phòng|Chánh Văn phòng|Chỉ huy trưởng|Người đứng đầu|Hiệu trưởng|Thủ tướng|Phó Thủ tướng)$")
# The national motto, also in the pieces a pasted two-column header leaves ("CỘNG HÒA XÃ" / "HỘI CHỦ
# NGHĨA VIỆT NAM" between the issuer's lines).
MOTTO = re.compile(r"^(?:CỘNG HÒA|CỘNG HOÀ|Độc lập|ĐỘC LẬP|(?:XÃ\s+)?(?:HỘI\s+)?CHỦ NGHĨA(?:\s+VIỆT NAM)?\s*$|"
                   r"VIỆT NAM\s*$|(?:Tự do\s*-\s*)?Hạnh phúc\s*$)", re.IGNORECASE)
# The issuing authority's line under a decision's title ("THỦ TƯỚNG CHÍNH PHỦ", "ỦY BAN NHÂN DÂN TỈNH …").
AUTHORITY = re.compile(r"^(?:THỦ TƯỚNG|CHÍNH PHỦ|ỦY BAN|UỶ BAN|HỘI ĐỒNG|CHỦ TỊCH|BỘ TRƯỞNG|GIÁM ĐỐC|BAN CHẤP HÀNH|"
                       r"BAN THƯỜNG VỤ|TỔNG GIÁM ĐỐC|CỤC TRƯỞNG)\b")
# A sentence's deadline ("… báo cáo trước thứ Sáu, ngày 15/5") is no place-and-date line.
_PLACE_DATE = re.compile(r"^(?![^,]*(?<!\w)(?:trước|thứ|chậm|hạn)(?!\w))[^\d,;:.]{2,40},\s*ngày\s+\d")
_NAME_HEAD_END = re.compile(r"(?:^|[\s,:;])(?:Hiệp hội|Hội|Liên minh|Liên đoàn|Trung tâm|Đài|Viện|Tổng công ty|Công ty|"
                            r"Ngân hàng|Quỹ|Chi cục|Chi nhánh|Ban Quản lý|Ban Chỉ đạo|Ban Chỉ huy|Ủy ban|Uỷ ban|"
                            r"Hội Liên hiệp|Đoàn|Mặt trận|Ủy ban nhân dân|Uỷ ban nhân dân|Hội đồng nhân dân)$")
MIN_CLAUSE_WORDS = 6  # "2. Tổ chức thực hiện", "2. Công tác tuyên truyền": a title, not a clause awaiting its object
MAX_SHORT_TITLE = 60  # characters of a numbered title on a line of its own ("1.1. Trưởng Ban Chỉ đạo")
_NUMBERED_TITLE = re.compile(r"^(?:\d+(?:\.\d+)*|[IVXLC]+|[a-zđ])[.)]\s")
_DASH_CAPITAL = re.compile(r"[-–]\s+[" + UPPER + r"]")
_CAPITAL_WORD_THEN_WORD_END = re.compile(r"\b[" + UPPER + r"]\w*\s+\w+$")
_CAPITAL_WORD_END = re.compile(r"\s[" + UPPER + r"]\w*$")
_CAPITAL_WORD_COMMA = re.compile(r"[" + UPPER + r"]\w*\s*,")
# "b) Cơ quan phối hợp", "Đơn vị chủ trì thực hiện": a field's label over its values, not a verb awaiting its object
_FIELD_LABEL_END = re.compile(r"(?:cơ quan|đơn vị|bộ phận)\s+(?:chủ trì|phối hợp|thực hiện)(?:\s+thực hiện)?$", re.IGNORECASE)
# "Đông Nam, Sở …", "Ya; …": two or three capitalized words, then the list goes on
_NAME_TAIL_LISTED = re.compile(r"^(\w+(?:\s+\w+){1,2})\s*[,;]")


def _name_tail_listed(text: str) -> bool:
    m = _NAME_TAIL_LISTED.match(text)
    return m is not None and all(w[0].isupper() for w in m.group(1).split())
# "Ủy ban nhân dân tỉnh", "UBND huyện" ending a line: the place's name follows
_COUNCIL_LEVEL_END = re.compile(r"(?:Ủy ban nhân dân|Uỷ ban nhân dân|UBND|Hội đồng nhân dân|HĐND)\s+"
                                r"(?:tỉnh|huyện|xã|phường|quận|thị xã|thị trấn|thành phố)$")
# "Các sở, ban, ngành, đoàn thể" + "Thành phố, Ủy ban nhân dân …": a run of kinds waits for the level it
# belongs to
_KINDS_END = re.compile(r"(?:^|[\s,])(?:sở|ban|ngành|đoàn thể|đơn vị|cơ quan|địa phương)$")
_LEVEL_START = re.compile(r"^(?:Thành phố|Tỉnh|Huyện|Quận|Thị xã|Xã|Phường|Trung ương)(?=[\s,;.:]|$)")
_PAGE_NUMBER = re.compile(r"^(?:trang\s*)?\d{1,3}(?:\s*/\s*\d{1,3})?$", re.IGNORECASE)
# Page furniture of gazette prints: the running head "CÔNG BÁO/Số 302/Ngày 02-06-2026" and the
# digital signature's stamp ("Ký bởi: …", "Cơ quan: …", "Ngày ký: …", "Thời gian ký: …").
_PAGE_FURNITURE = re.compile(r"^(?:CÔNG BÁO\s*/\s*Số\s+\d+.*|(?:Ký bởi|Ngày ký|Thời gian ký|Người ký)\s*:.*)$")
_STAMP_FOLLOWER = re.compile(r"^(?:Cơ quan|Email|Thời gian|Ngày ký|Ký bởi)\s*:")


# Names that end in a unit's head word ("Bộ Quốc phòng", "Bộ đội Biên phòng"): complete, not waiting
# for the name a trailing "phòng" would head.
_NAME_ENDS_IN_HEAD = re.compile(r"(?:Quốc|Biên) phòng$")


@dataclass
class Line:
    text: str
    heading: bool = False  # a markdown heading or a fully bold line: never joined


# "Giao Giám đốc: Sở A, Sở B, Đài C …": a head's title, a colon, then the units it heads; the
# colon only announces them, as "Giao Giám đốc Sở A, Sở B …" does without it.
_TITLE_COLON = re.compile(r"\b(Giám đốc|Thủ trưởng|Chủ tịch)\s*:\s*(?=(?:Sở|Đài|Ban|Phòng|Ủy ban|Uỷ ban|UBND|Công an|"
                          r"Bộ Chỉ huy|Trung tâm|Chi cục|Cục|Kho bạc|Bảo hiểm|Văn phòng)\s)")


# "… biết, thực hiện./.Nơi nhận:" on one line (a portal's copy): the recipients start a line of their own.
_GLUED_RECIPIENTS = re.compile(r"(?<=\.)[ \t]*(?=(?:Nơi nhận|NƠI NHẬN)\s*:)")


# "… PHÓ CHỦ TỊCH Nguyễn Văn A KẾ HOẠCH … (Ban hành kèm theo Quyết định số …) I. MỤC ĐÍCH …" on one
# line (a portal's copy): the bracket under the issued plan's title in capitals stands on a line of its
# own, so the plan (or annex) the decision issues after its signature is read as the decision's body.
_GLUED_ATTACHED = re.compile(r"[ \t]*(\((?:Ban hành\s+kèm|Kèm) theo\s+(?:Quyết định|Nghị quyết|Chỉ thị|Công văn|Văn bản|"
                             r"Kế hoạch|Thông báo)\b[^()\n]{0,300}\))[ \t]*")


def _unglue_attached(text: str) -> str:
    def split(m: re.Match[str]) -> str:
        before = text[text.rfind("\n", 0, m.start()) + 1:m.start()]
        if not before.strip() or not _is_caps(" ".join(before.split()[-3:])):
            return m.group(0)  # alone on its line already, or an aside in a sentence
        after = text[m.end():m.end() + 1]
        return "\n" + m.group(1) + ("\n" if after not in ("", "\n") else "")
    return _GLUED_ATTACHED.sub(split, text)


# "Hà Nội, ngày 27 tháng 9 năm 2025 Kính gửi: Chủ tịch UBND các tỉnh Thực hiện …; Bộ X đề nghị …:" on
# one line (a portal's copy): the addressees start a line of their own, and the body's first sentence,
# opening with the words a letter opens with, starts the next one.
_GLUED_ADDRESSEES = re.compile(r"(?<=\S)[ \t]+(?=Kính gửi\s*:)")
_LETTER_OPENS = (r"(?:Thực hiện|Căn cứ|Theo|Tiếp theo|Ngày \d|Để|Nhằm|Sau khi|Trước tình hình|"
                 r"Hiện nay|Vừa qua|Thời gian qua|Nhận được|Triển khai|Phúc đáp|Xét)\s")
_BODY_AFTER_ADDRESSEES = re.compile(r"^(Kính gửi\s*:[^\n.;:]{3,300}?)[ \t]+(?=" + _LETTER_OPENS + ")", re.MULTILINE)
_ADDRESSEES_LINE = re.compile(r"^(?:Đồng\s+)?[Kk]ính gửi\s*:")


def clean(text: str) -> str:
    text = unicodedata.normalize("NFC", text).translate(_SPACES).translate(_DROP)
    text = unglue(text)  # "cáchuyện", "chứcHĐND": a portal dropped the space at a line break
    text = _TITLE_COLON.sub(r"\1 ", text)
    text = _GLUED_RECIPIENTS.sub("\n", text)
    text = _unglue_attached(text)
    text = _BODY_AFTER_ADDRESSEES.sub("\\1\n", _GLUED_ADDRESSEES.sub("\n", text))
    return text.replace("\r\n", "\n").replace("\r", "\n")


# "b) Bộ Công an: (1) Tiếp tục …; (2) Tham mưu …; (3) …": items numbered inside one paragraph
_INLINE_FIRST = re.compile(r":\s*(?=\(1\)\s)")
_INLINE_NEXT = re.compile(r";\s*(?=\((?:[2-9]|1\d)\)\s)")


def _inline_items(line: Line) -> list[Line]:
    """A paragraph whose colon opens items numbered "(1) …; (2) …" in its own text: the title, then one
    line per item, as a list set out line by line would be."""
    first = _INLINE_FIRST.search(line.text)
    # (the title's own colon opens them: a table row's sentence "… thực hiện: … 03 nền tảng: (1) …" is one task)
    if first is None or first.start() != line.text.find(":") or not _INLINE_NEXT.search(line.text, first.end()):
        return [line]
    items = _INLINE_NEXT.split(line.text[first.end():])
    return [Line(line.text[:first.start()] + ":", line.heading), *(Line(item.strip()) for item in items)]


def paragraphs(text: str) -> list[Line]:
    """Logical paragraphs of a document, in order."""
    lines = _markdown_lines(clean(text_tables(linear_tables(bar_tables(bare_pipe_tables(text))))))
    lines = _tables_to_lines(lines)
    reflowed = [piece for ln in _reflow(lines) for piece in _inline_items(ln)]
    rows = [defined_names(row) if row is not None else None for row in field_items([ln.text for ln in reflowed])]
    return [Line(text, ln.heading) if text != ln.text else ln for ln, text in zip(reflowed, rows, strict=True) if text is not None]


# "đề nghị các bộ, cơ quan chủ dự án … (gọi là chủ dự án thành phần), các bộ … được giao … (gọi là cơ
# quan chủ quản Chương trình) phối hợp …": the addressees described at length, then the names the letter
# calls them by in its items.
# "(sau đây gọi tắt là", "(được gọi chung là": the words opening a definition's brackets
_CALLED = r"\((?:sau đây\s+)?(?:được\s+)?gọi(?:\s+(?:tắt|chung))?\s+là"
# "giao" that hands work on, not the last syllable of "Bộ Ngoại giao", "bàn giao", "chuyển giao", "giao thông"
_HANDING_GIAO = r"(?<![Nn]goại )(?<!bàn )(?<!chuyển )giao(?! thông)"
_DEFINED = re.compile(
    r"(?P<pre>(?<!\w)(?:đề nghị|yêu cầu|" + _HANDING_GIAO + r"|chỉ đạo)\s+|(?<=\))\s*(?:,|và)\s*)(?P<desc>[^()]{3,400}?)\s*"
    + _CALLED + r"\s*:?\s*(?P<name>[^()]{2,60}?)\s*\)", re.IGNORECASE)
MAX_DEFINED_NAME_WORDS = 8
_KINDS_NAME = re.compile(r"(?:cơ quan|đơn vị|địa phương|sở|ngành|bộ|cơ sở)(?:\s*(?:,|và)\s*"
                         r"(?:cơ quan|đơn vị|địa phương|sở|ngành|bộ|cơ sở))*", re.IGNORECASE)
# "… (sau đây gọi tắt là Nghị định 170) Bộ X đề nghị …": the aside closes the clause before the subject
_DEFINITION_BEFORE_SUBJECT = re.compile("(" + _CALLED + r"[^()]{2,60}\))[ \t]+(?=[" + UPPER + r"])")
_HANDING_WORD = re.compile(r"(?<!\w)(?<!được )(?:đề nghị|yêu cầu|" + _HANDING_GIAO + r"|chỉ đạo)\s+", re.IGNORECASE)


def defined_names(text: str) -> str:
    """The addressees of a request written as the names the text defines for them ("… (gọi là X)" → "X");
    two defined in a row are joined by "và" (the second is no aside of the first)."""
    if "gọi" not in text:
        return text

    def named(m: re.Match[str]) -> str:
        name = m.group("name").strip()
        if len(name.split()) > MAX_DEFINED_NAME_WORDS:
            return m.group(0)
        pre, desc = m.group("pre"), m.group("desc")
        if _KINDS_NAME.fullmatch(name):
            return pre + desc  # "(sau đây gọi tắt là cơ quan, đơn vị)": kinds of body without "các", no name to act by
        if pre.strip() in (",", "và"):
            return " và " + name
        # "… theo mục tiêu, yêu cầu đề ra, Bộ X đề nghị các bộ …": the request is the last such verb
        verbs = list(_HANDING_WORD.finditer(desc))
        described = desc[verbs[-1].end():] if verbs else desc
        if "," not in described and len(described.split()) <= MAX_DEFINED_NAME_WORDS:
            # "các cơ sở đào tạo trực thuộc Bộ (sau đây gọi là cơ sở đào tạo)": a short name stands whole
            return pre + desc
        return pre + (desc[:verbs[-1].end()] if verbs else "") + name

    return _DEFINED.sub(named, _DEFINITION_BEFORE_SUBJECT.sub(r"\1, ", text))


def _strip_markdown(line: str) -> tuple[str, bool]:
    stripped = line.strip()
    heading = bool(re.match(r"^#{1,6}\s", stripped))
    stripped = re.sub(r"^#{1,6}\s*", "", stripped)
    # A line that is bold or italic from end to end is a heading in markdown directives.
    if re.fullmatch(r"(\*{1,3}|_{2})(?!\s)[^*]+?(?<!\s)\1[:.]?", stripped):
        heading = True
    # "* " is markdown's bullet; "+ " stays: directives write it for the items under a "- " item
    bullet = re.match(r"^\*\s+(?=\S)", stripped)
    if bullet:
        stripped = "- " + stripped[bullet.end():]
    stripped = stripped.replace("**", "").replace("__", "").replace("*", "")
    stripped = re.sub(r"\\([\\`*_{}\[\]()#+\-.!|])", r"\1", stripped)
    return re.sub(r" {2,}", " ", stripped).strip(), heading


_DASH_ITEM = re.compile(r"^\s*(\d{1,2})\s+[-–]\s+\S")


def _lone_item_numbers(raw_lines: list[str]) -> list[str]:
    """"3" alone on a line, then "- Sở Tài chính có trách nhiệm…", in a list numbered "2 - …": an item
    that a converter broke after its number, joined again. A number that does not follow the list's
    last item, or that the list gives later on ("3 - …" further down), stays a page number."""
    out = list(raw_lines)
    numbers = [int(m.group(1)) if (m := _DASH_ITEM.match(line)) else None for line in out]
    last = None
    for i, raw in enumerate(out[:-1]):
        number = raw.strip()
        if numbers[i] is not None:
            last = numbers[i]
        elif number.isdigit() and last is not None and int(number) == last + 1 and \
                re.match(r"[-–]\s+\S", out[i + 1].lstrip()) and int(number) not in numbers[i + 1:]:
            out[i], out[i + 1] = "", f"{number} {out[i + 1].lstrip()}"
            numbers[i + 1] = last = int(number)
    return out


def _markdown_lines(text: str) -> list[Line | None]:
    """Lines with markdown removed; None marks a blank line."""
    out: list[Line | None] = []
    stamp_open = False  # inside a signature stamp's lines
    for raw in _lone_item_numbers(text.split("\n")):
        if not raw.strip():
            out.append(None)
            continue
        if re.fullmatch(r"\s*(-{3,}|\*{3,}|_{3,})\s*", raw):
            out.append(None)
            continue
        stripped, heading = _strip_markdown(raw)
        stamp = _PAGE_FURNITURE.match(stripped) or (stamp_open and _STAMP_FOLLOWER.match(stripped))
        stamp_open = bool(stamp) and not stripped.startswith("CÔNG BÁO")
        if not stripped or _PAGE_NUMBER.match(stripped) or stamp or stripped == "|":
            out.append(None)
            continue
        out.append(Line(stripped, heading))
    return out


def _tables_to_lines(lines: list[Line | None]) -> list[Line | None]:
    """Markdown pipe tables become the same sentences as .docx tables."""
    out: list[Line | None] = []
    rows: list[list[str]] = []

    def flush():
        for para in table_to_paragraphs(rows):
            out.append(Line(para))
            out.append(None)
        rows.clear()

    for line in lines:
        if line is not None and line.text.startswith("|") and line.text.count("|") >= 2:
            cells = [c.strip() for c in line.text.strip().strip("|").split("|")]
            if not all(re.fullmatch(r":?-{2,}:?", c) for c in cells if c):
                rows.append(cells)
            continue
        if rows:
            flush()
        out.append(line)
    if rows:
        flush()
    return out


def _wrap_width(lines: list[Line]) -> int:
    lengths = sorted(len(ln.text) for ln in lines if not ln.heading)
    if not lengths:
        return 0
    # the 90th percentile's rank, rounded up: of two lines, the longer (a title over one paragraph is no wrap)
    return lengths[-(-len(lengths) * 9 // 10) - 1]


def _joins(prev: Line, nxt: Line, width: int) -> str | None:
    """How `nxt` continues `prev`: '' (glue), ' ' (space), '-' (glue, drop the hyphen) or None."""
    if prev.heading or nxt.heading or MOTTO.match(prev.text) or MOTTO.match(nxt.text):
        return None  # the national motto's pieces stand apart from the issuer's lines they sit beside
    if AUTHORITY.match(nxt.text) and _is_caps(prev.text[-60:]):
        return None  # a decision's title, then the authority that issues it
    a, b = prev.text, nxt.text
    if _ADDRESSEES_LINE.match(a) and re.match(_LETTER_OPENS, b):
        return None  # "Kính gửi: Các đồng chí Bộ trưởng" + "Thực hiện Kết luận …": the letter's body starts afresh
    if re.match(r"(?:Phụ lục|PHỤ LỤC)(?:\s+[\dIVX]+[a-z]?)?\s*$", b):
        return None  # "Phụ lục" alone under the signer's name opens the annex, no part of the name
    if re.fullmatch(r"[-–—•+*]|(?:\d+(?:\.\d+)*|[IVXLC]+|[a-zđ])[.)]", a.strip()):
        return " "  # a marker alone on its line ("-", "2.", "b)"): its text is on the next one
    if re.search(r"\w-$", a) and b[:1].isalnum():
        # "10-" + "TB/VPTW": a code split at its hyphen; a lowercase pair is real hyphenation.
        return "-" if a[-2].islower() and b[0].islower() else ""
    if _DASH_CAPITAL.match(b) and _CAPITAL_WORD_THEN_WORD_END.search(a) and \
            not re.match(r"[-–—•+*]", a) and not _TERMINAL.search(a[-12:]) and not _is_caps(a[-60:]) and \
            not _opens_clause(b[1:].strip()) and not is_field_line(b) and not _PERSON_BULLET.match(b) and \
            not (_NUMBERED_TITLE.match(a) and len(a) <= MAX_SHORT_TITLE):
        # "Giám đốc các Sở: Lao động" + "- Thương binh và Xã hội, …": a dash inside a name; under a
        # numbered title ("1.1. Trưởng Ban Chỉ đạo" + "- Phụ trách chung, …") the dash opens its first bullet
        return " "
    if re.fullmatch(r"(?:Cụ thể|Cụ thể như sau|Như sau)\s*:", b) and not prev.heading:
        return " "  # "… phụ trách." + "Cụ thể:": the announcement of the list below, in its paragraph
    if _DOCUMENT_THIS.match(b) and not _TERMINAL.search(a[-12:]):
        return " "  # "… chịu trách nhiệm thi hành" + "Quyết định này."
    if _PLACE_DATE.match(b):
        # "Tân Phú, ngày 05 tháng …" opens a line of its own, unless the place itself was cut
        # ("Thành phố Hồ Chí" + "Minh, ngày 18 …")
        words = a.split()
        cut = len(a) <= 25 and words[0][:1].isupper() and words[-1][:1].isupper() and not re.search(r"[\d:;.]", a)
        return " " if cut else None
    if re.match(r"\((?:Ban hành\s+)?[Kk]èm theo\b", b):
        return None  # "(Kèm theo Quyết định số …)" under a plan's title opens a line of its own
    if a.startswith("(") and a.endswith(")") and a.count("(") == a.count(")") and b[0].isupper():
        return None  # "(Kèm theo Quyết định số …)" is a line of its own; the text below starts afresh
    if a.endswith((";", ",")) and b[0].islower() and not BLOCK_START.match(b):
        return " "  # "… theo quy định;" + "hướng dẫn việc …": a printed line broke inside an item
    if re.match(r"Điều\s+\d", b) and re.search(r"\b(?:khoản|điểm)\s+\w+,?$|\b(?:tại|theo|của|và|hoặc)$", a):
        return " "  # "… khoản 3" + "Điều 6; khoản 5 Điều 9 …": an article cited, not an article opening
    if re.match(r"\d{1,4}[.)/]", b) and re.search(r"\b(?:ngày|tháng|năm)$", a):
        return " "  # "… trước ngày 01 tháng 7 năm" + "2026. Từ ngày …": a date's year, not an item "2026."
    if _caps_heading(a) and _is_caps(b[:60]) and not BLOCK_START.match(b):
        return " "  # "II. NỘI" + "DUNG": a section's title broken after its first word
    if re.search(r"(?:\.\.\.|…)\)$", a) and b[:1].islower() and not BLOCK_START.match(b):
        return " "  # "(Huân chương, bằng khen,...)" + "cho các tập thể …": the ellipsis ends a bracket, not the sentence
    if a.endswith(":") and b[:1].islower() and not BLOCK_START.match(b) and width and len(a) >= 0.75 * width:
        return " "  # "… thông tin về các công trình, dự án:" + "tên, loại hình, …": the list runs on in the line
    if re.search(r"[\w)]\s*(?:\.\.\.|…)$", a) and b[:1].islower() and not BLOCK_START.match(b):
        return " "  # "… mạng xã hội (Facebook, Youtube...)..." + "để lan tỏa …": an ellipsis inside the sentence
    if _KINDS_END.search(a) and _LEVEL_START.match(b):
        return " "
    if b[:1].isupper() and len(a.split()) > MIN_CLAUSE_WORDS and not _TERMINAL.search(a[-12:]) and \
            not BLOCK_START.match(b) and not _FIELD_LABEL_END.search(a) and _ends_with_verb(a) and \
            starts_unit_head(tokenize(b[:60]), 0):
        return " "  # "(3) Bộ Công an tiếp tục phối hợp, hướng dẫn" + "Bộ Y tế, …": the verb's object on the next line
    if _CAPITAL_WORD_END.search(a) and _CAPITAL_WORD_COMMA.match(b) and \
            not _TERMINAL.search(a[-12:]) and not _is_caps(a[-60:]) and not BLOCK_START.match(b):
        return " "  # "… Bệnh viện Hữu nghị Việt" + "Đức, Bệnh viện …": a name cut before its last word
    if re.search(r"\s[a-zđà-ỹ]+$", a) and _name_tail_listed(b) and not BLOCK_START.match(b) and \
            not _TERMINAL.search(a[-12:]) and not _is_caps(a[-60:]):
        return " "  # "… với Ban Quản lý Khu kinh tế" + "Đông Nam, Sở Khoa học …": a name's place ran onto the next line
    if BLOCK_START.match(b) or _TERMINAL.search(a[-12:]) or re.match(r"Số\s*[:.]", a):
        return None
    if _is_caps(a[-60:]) != _is_caps(b[:60]):
        return None  # header lines ("ỦY BAN NHÂN DÂN", "THÔNG BÁO") stand alone
    first = b[0]
    if first.islower() or first in "(,;" or (first.isdigit() and not re.match(r"\d+[.)]\s", b)):
        return " "
    if a.endswith(","):
        return " "
    last_word = re.findall(r"\w+", a.casefold())[-1:] or [""]
    # ("… Công văn số" + "12/UBND": the number runs on; "I. Kinh tế số" over a row: a title ends in "số")
    if (last_word[0] in _CONNECTORS and not _NAME_ENDS_IN_HEAD.search(a) and
            not (last_word[0] == "sở" and re.search(r"(?i:cơ)\s+sở$", a)) and  # "… đảng bộ cơ sở": grassroots, no "Sở"
            (last_word[0] != "số" or b[:1].isdigit())) or a.rfind("(") > a.rfind(")"):
        return " "
    if _NAME_HEAD_END.search(a) and b[:1].isupper():
        return " "  # "6. Đề nghị: Hiệp hội" + "Doanh nghiệp tỉnh, …": a body's head word waits for its name
    if _COUNCIL_LEVEL_END.search(a) and b[:1].isupper() and not BLOCK_START.match(b):
        return " "  # "… thông báo để Ủy ban nhân dân tỉnh" + "Hòa An và …": the place's name runs on
    if _HEAD_TITLE_END.search(a) and (len(a) > 20 or re.fullmatch(r"(?:\d{1,2}\.|[a-zđ]\))", a.split()[0])):
        # "…, Chủ tịch" + "Ủy ban nhân dân tỉnh …", "8. Giám đốc" + "Sở, Thủ trưởng cơ quan, ban, ngành":
        # a head's title waits for its body
        return " "
    if _splits_name(a, b):
        return " "
    # A heading ("3. Công tác tuyên truyền") ends without punctuation; a
    # wrapped line of running text or of a bullet only looks like one.
    # A paragraph already longer than a printed line ("c) Thực hiện … công nghệ số Việt" + "Nam tại
    # …") is running text, whatever its opening.
    heading = bool(BLOCK_START.match(a)) and not re.match(r"[-–—•+*]", a) and not (width and len(a) > 1.3 * width)
    full = bool(width) and width < 200 and len(a) >= 0.75 * width
    if _ends_with_verb(a) and (full or not heading):
        return " "
    if full and _ends_with_level(a) and _starts_name(b):
        return " "  # "… phối hợp với Chi cục Thuế khu vực" + "Tân Lạc - Lạc Sơn, …": a place name runs on
    if full and not heading:
        return " "
    return None


MAX_TITLE_WORDS = 8  # "II. MỘT SỐ NHIỆM VỤ, GIẢI PHÁP" + "TRONG THỜI GIAN TỚI"


def _caps_heading(text: str) -> bool:
    """"III. KINH", "2. TỔ CHỨC": a numbered title in capitals, a few words long so far."""
    m = re.match(r"(?:[IVXLC]+|\d+)[.)]\s+(.+)$", text)
    if m is None:
        return False
    letters = [c for c in m.group(1) if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters) and len(m.group(1).split()) <= MAX_TITLE_WORDS
def _splits_name(a: str, b: str) -> bool:
    """"(i) Tập đoàn … quốc gia Việt" + "Nam báo cáo …", "… Phó Thủ tướng Chính phủ" + "Bùi Thanh Sơn đã …": a
    printed line that ends inside a proper name, the next one going on with it (the first line of a
    paragraph is often short, so its width says nothing)."""
    tail = tokenize(a[-30:])
    if len(a) < 25 or not tail or not tail[-1].is_word or _is_caps(a[-30:]) or _is_caps(b[:30]):
        return False
    if any(len(tail) >= n and _LEVEL_HEADS.match(tail, len(tail) - n) == n and tail[-n].is_capitalized
           for n in (1, 2, 3, 4)):
        # "… Tham mưu Ủy ban nhân dân" + "Thành phố đánh giá …": a body's head waits for its level.
        head_b = tokenize(b[:30])
        return bool(head_b) and (_LEVELS.match(head_b, 0) > 0 or _starts_name(b))
    return tail[-1].is_capitalized and not tail[-1].is_abbreviation and _starts_name(b)


# "- Đồng chí Chủ tịch …", "- Các đồng chí Phó Chủ tịch …": a bullet naming a person, never the rest of a name
_PERSON_BULLET = re.compile(r"[-–]\s+(?:(?:các\s+)?đồng chí|đ/c|ông|bà)\s", re.IGNORECASE)


def _opens_clause(text: str) -> bool:
    """"Căn cứ …", "Xét …", "Rà soát …": a bullet of its own, not the rest of a name."""
    tokens = tokenize(text[:40])
    return bool(_INTRO.match(tokens, 0) or PREDICATES.match(tokens, 0))


def _ends_with_level(text: str) -> bool:
    tokens = tokenize(text[-30:])
    return any(len(tokens) >= n and _LEVELS.match(tokens, len(tokens) - n) == n for n in (1, 2))


def _starts_name(text: str) -> bool:
    """A capitalized word that neither opens a sentence ("Ngoài …", "Tiếp tục …") nor is a verb."""
    tokens = tokenize(text[:40])
    return bool(tokens) and tokens[0].is_capitalized and not _INTRO.match(tokens, 0) and \
        not PREDICATES.match(tokens, 0) and not (len(tokens) > 1 and tokens[1].text in (",", ":"))


def _is_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters)


def _ends_with_verb(text: str) -> bool:
    """"… tham mưu" / "… xây dựng": a verb that needs its object on the next line."""
    tokens = tokenize(text[-40:])
    for n in (1, 2, 3):
        if len(tokens) >= n and PREDICATES.match(tokens, len(tokens) - n) == n:
            return tokens[-1].is_word and not tokens[-n].is_capitalized
    return False


_OPENS_BODY = re.compile(r"^(?:Để|Theo|Ngày|Thực hiện|Vừa qua|Sáng|Chiều|Tối|Sau khi|Căn cứ|Nhằm|Thời gian qua|"
                         r"Trong|Trước|Tại|Hôm nay|Chiều ngày|Sáng ngày)\b")


def _headline(lines: list[Line | None]) -> bool:
    """A portal's headline: the first line, a blank line, then the body opening as bodies do
    ("Để …", "Ngày 12/3/2026, …", "Thực hiện …")."""
    if len(lines) < 3 or lines[0] is None or lines[1] is not None or lines[0].heading:
        return False
    body = next((ln for ln in lines[1:] if ln is not None), None)
    return body is not None and bool(_OPENS_BODY.match(body.text)) and not _TERMINAL.search(lines[0].text[-12:])


def _reflow(lines: list[Line | None]) -> list[Line]:
    present = [ln for ln in lines if ln is not None]
    width = _wrap_width(present)
    out: list[Line] = []
    headline = _headline(lines)
    for index, line in enumerate(present):
        if out and not (headline and index == 1):
            glue = _joins(out[-1], line, width)
            if glue is not None:
                head = out[-1].text[:-1] if glue == "-" else out[-1].text
                out[-1] = Line(head + glue.strip("-") + line.text, out[-1].heading)
                continue
        out.append(Line(line.text, line.heading))
    out = [Line(re.sub(r"\s{2,}", " ", ln.text).strip(), ln.heading) for ln in out if ln.text.strip()]
    return _rejoin_titles(out)


_TITLE_MARK = re.compile(r"^(?:[IVXLC]+|\d+(?:\.\d+)*)[.)]\s")
_ITEM_MARK = re.compile(r"^(?:[a-zđ][).]|\((?:[ivx]+|\d{1,2}|[a-zđ])\)|[-–—•+*])\s")


def _rejoin_titles(lines: list[Line]) -> list[Line]:
    """"2. Trách nhiệm của các bộ, cơ quan ngang bộ;" + "Ủy ban nhân dân các tỉnh" over "a) …": a
    numbered title that a printed line broke after its ";" or ",", the rest of it standing alone
    (no marker, no closing mark) right above the title's first lettered or dashed item."""
    out: list[Line] = []
    for i, line in enumerate(lines):
        prev = out[-1] if out else None
        if prev is not None and i + 1 < len(lines) and _TITLE_MARK.match(prev.text) and \
                prev.text.endswith((";", ",")) and line.text[:1].isupper() and len(line.text) < 160 and \
                not BLOCK_START.match(line.text) and not _TERMINAL.search(line.text[-12:]) and \
                _ITEM_MARK.match(lines[i + 1].text) and not line.heading:
            out[-1] = Line(prev.text + " " + line.text, prev.heading)
            continue
        out.append(line)
    return out
